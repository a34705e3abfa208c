//! A generator of realistic source files for benchmarks: Rust, Python, JavaScript, YAML,
//! JSON lockfiles, Markdown and .env-style config, with UUIDs, hashes, base64 blobs and
//! long minified lines, and a sprinkling of real-format (fake) tokens built at run time.
//! Deterministic for a given seed, so figures are comparable between runs.
#![allow(dead_code)]

use leakgate::scan::checksum::base62_crc32;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    /// The next raw value (a plain method, not `Iterator`: the stream never ends).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub fn chars(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len())] as char)
            .collect()
    }
}

const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX: &[u8] = b"0123456789abcdef";
const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const WORDS: &[&str] = &[
    "config",
    "request",
    "handler",
    "buffer",
    "result",
    "value",
    "index",
    "client",
    "server",
    "session",
    "parser",
    "token_count",
    "user",
    "account",
    "stream",
    "message",
    "payload",
    "options",
    "context",
    "reader",
    "writer",
    "cache",
    "entry",
    "state",
    "builder",
    "error",
    "password_hash",
    "secret_name",
    "api_version",
    "key_id",
    "timeout",
    "retries",
    "path",
];

fn ident(rng: &mut Rng) -> String {
    format!("{}_{}", rng.pick(WORDS), rng.pick(WORDS))
}

fn uuid(rng: &mut Rng) -> String {
    let h = rng.chars(HEX, 32);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// A fake token of a real format; one of these lands in roughly one file in fifty.
pub fn token(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => {
            let body = rng.chars(ALNUM, 30);
            format!("ghp_{body}{}", base62_crc32(body.as_bytes()))
        }
        1 => format!("AKIA{}", rng.chars(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        2 => format!(
            "xoxb-{}-{}-{}",
            rng.chars(b"0123456789", 11),
            rng.chars(b"0123456789", 12),
            rng.chars(ALNUM, 24)
        ),
        _ => format!("glpat-{}", rng.chars(ALNUM, 20)),
    }
}

fn rust_line(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => format!(
            "    let {} = {}.{}(&{})?;",
            ident(rng),
            ident(rng),
            rng.pick(WORDS),
            ident(rng)
        ),
        1 => format!(
            "    // {} the {} before {} is called",
            rng.pick(WORDS),
            rng.pick(WORDS),
            ident(rng)
        ),
        2 => format!(
            "    if {} > {} {{ return Err(Error::{}); }}",
            ident(rng),
            rng.below(10_000),
            rng.pick(WORDS)
        ),
        3 => format!(
            "pub fn {}(&self, {}: usize) -> Option<&str> {{",
            ident(rng),
            ident(rng)
        ),
        4 => format!(
            "    const {}: &str = \"{}\";",
            ident(rng).to_uppercase(),
            rng.chars(HEX, 40)
        ),
        5 => format!("    assert_eq!({}.len(), {});", ident(rng), rng.below(100)),
        6 => "    }".to_string(),
        _ => format!(
            "    let key = format!(\"{{}}/{{}}\", self.{}, {});",
            rng.pick(WORDS),
            ident(rng)
        ),
    }
}

fn python_line(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => format!(
            "    {} = os.environ[\"{}\"]",
            ident(rng),
            ident(rng).to_uppercase()
        ),
        1 => format!(
            "def {}(self, {}, timeout={}):",
            ident(rng),
            ident(rng),
            rng.below(60)
        ),
        2 => format!(
            "        return self.{}.get(\"{}\", None)",
            ident(rng),
            rng.pick(WORDS)
        ),
        3 => format!(
            "    # TODO: {} {} {}",
            rng.pick(WORDS),
            rng.pick(WORDS),
            rng.pick(WORDS)
        ),
        4 => format!("    request_id = \"{}\"", uuid(rng)),
        _ => format!(
            "    logger.info(\"{} %s\", {})",
            rng.pick(WORDS),
            ident(rng)
        ),
    }
}

fn js_minified(rng: &mut Rng) -> String {
    let mut line = String::from("!function(e,t){");
    while line.len() < 4000 {
        line.push_str(&format!(
            "var {}=e.{}||{};t.{}=function(n){{return n.{}}};",
            rng.chars(b"abcdefghij", 2),
            rng.pick(WORDS),
            rng.below(999),
            rng.pick(WORDS),
            rng.pick(WORDS)
        ));
    }
    line.push_str("}(window,{});");
    line
}

fn lockfile_line(rng: &mut Rng) -> String {
    format!(
        "      \"integrity\": \"sha512-{}==\",\n      \"resolved\": \"https://registry.npmjs.org/{}/-/{}-{}.{}.{}.tgz\",",
        rng.chars(B64, 86),
        rng.pick(WORDS),
        rng.pick(WORDS),
        rng.below(20),
        rng.below(20),
        rng.below(20)
    )
}

fn yaml_line(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("  {}: {}", rng.pick(WORDS), rng.below(1000)),
        1 => format!(
            "  {}: \"${{{{ secrets.{} }}}}\"",
            rng.pick(WORDS),
            ident(rng).to_uppercase()
        ),
        2 => format!("  - name: {} {}", rng.pick(WORDS), rng.pick(WORDS)),
        3 => format!(
            "    image: registry.example.org/{}:{}",
            rng.pick(WORDS),
            rng.chars(HEX, 12)
        ),
        _ => format!("  checksum: {}", rng.chars(HEX, 64)),
    }
}

/// One file of roughly `target` bytes; `with_token` plants one token in it.
pub fn file(rng: &mut Rng, target: usize, with_token: bool) -> (String, Vec<u8>) {
    let kind = rng.below(6);
    let (name, mut text) = match kind {
        0 => (
            format!("src/{}.rs", ident(rng)),
            String::from("use std::collections::HashMap;\n\n"),
        ),
        1 => (
            format!("app/{}.py", ident(rng)),
            String::from("import os\nimport logging\n\n"),
        ),
        2 => (format!("web/{}.min.js", ident(rng)), String::new()),
        3 => (
            "package-lock.json".to_string(),
            String::from("{\n  \"lockfileVersion\": 3,\n"),
        ),
        4 => (
            format!("deploy/{}.yaml", ident(rng)),
            String::from("apiVersion: apps/v1\nkind: Deployment\n"),
        ),
        _ => (
            format!("docs/{}.md", ident(rng)),
            String::from("# Notes\n\n"),
        ),
    };
    let plant_at = if with_token {
        rng.below(target.max(1))
    } else {
        usize::MAX
    };
    let mut planted = false;
    while text.len() < target {
        let line = match kind {
            0 => rust_line(rng),
            1 => python_line(rng),
            2 => js_minified(rng),
            3 => lockfile_line(rng),
            4 => yaml_line(rng),
            _ => format!(
                "{} {} {} `{}` {}.",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS),
                ident(rng),
                rng.pick(WORDS)
            ),
        };
        text.push_str(&line);
        text.push('\n');
        if !planted && text.len() >= plant_at {
            text.push_str(&format!("token = \"{}\"\n", token(rng)));
            planted = true;
        }
    }
    (name, text.into_bytes())
}

/// About `megabytes` MB of files of 4-64 KiB; one in fifty holds a token.
pub fn corpus(megabytes: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng::new(seed);
    let mut total = 0;
    let mut files = Vec::new();
    while total < megabytes * 1_000_000 {
        let size = 4096 + rng.below(60 * 1024);
        let with_token = rng.below(50) == 0;
        let file = file(&mut rng, size, with_token);
        total += file.1.len();
        files.push(file);
    }
    files
}

/// A minified JavaScript bundle of about `megabytes` MB in lines of ~256 KiB: object
/// literals with `apiKey`, `token` and `secret` keys holding short non-secret values,
/// `Box`/`inbox` words, base64 data URIs and numbers, the shape that makes keyword windows
/// long and regexes slow. No real-format token.
pub fn minified_bundle(megabytes: usize, seed: u64) -> (String, Vec<u8>) {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    let mut line_len = 0;
    while text.len() < megabytes * 1_000_000 {
        let piece = match rng.below(6) {
            0 => format!(
                "var {}={{apiKey:t.{},token:n.{},secret:\"{}\"}};",
                rng.chars(b"abcdefghij", 2),
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
            1 => format!(
                "function {}(e){{return new Box(e.{},\"inbox\",{})}}",
                ident(&mut rng),
                rng.pick(WORDS),
                rng.below(9999)
            ),
            2 => {
                let len = 120 + rng.below(400);
                format!("u=\"data:image/png;base64,{}\";", rng.chars(B64, len))
            }
            3 => format!(
                "e.exports={{{}:{},{}:\"{}\"}};",
                ident(&mut rng),
                rng.below(99999),
                ident(&mut rng),
                uuid(&mut rng)
            ),
            4 => format!(
                "if({}.password===void 0)throw new Error(\"{} {}\");",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
            _ => format!(
                "t.{}=function(n){{return n.{}}};",
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
        };
        line_len += piece.len();
        text.push_str(&piece);
        if line_len > 256 * 1024 {
            text.push('\n');
            line_len = 0;
        }
    }
    ("web/bundle.min.js".to_string(), text.into_bytes())
}

/// A `.env`-style file of `lines` lines, every one assigning a real-format (fake) token:
/// the worst case for everything after the prefilter (regexes, checks, findings).
pub fn token_dense(lines: usize, seed: u64) -> (String, Vec<u8>) {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    for i in 0..lines {
        text.push_str(&format!("SERVICE_{i}_TOKEN=\"{}\"\n", token(&mut rng)));
    }
    ("deploy/tokens.env".to_string(), text.into_bytes())
}
