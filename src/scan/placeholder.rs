//! The placeholder filter of SPEC §5: values that only look like secrets.
//!
//! Docs, templates and tests are full of `XXXX`, `<your-token>`, `${TOKEN}` and
//! `ghp_example...`. Reporting them is the noise that teaches users to pass `--no-verify`,
//! so every rule's secret goes through [`is_placeholder`] before it becomes a finding.
//!
//! Rules that take a value from its context rather than from its shape (a password in a
//! URL, `api_key = ...`) see far more stand-ins and code than token rules do; they add the
//! stricter [`is_stand_in_password`] and [`is_generic_noise`] through their validator
//! (`checksum = "url-password"` / `"generic-value"`).

/// Substrings that mark a value as a stand-in (compared case-insensitively).
const MARKERS: &[&str] = &[
    "example",
    "dummy",
    "placeholder",
    "your_",
    "your-",
    "<",
    "${",
    "{{",
    "xxxxxx",
    "changeme",
    "redacted",
    "insert_",
    "replace_me",
    "replaceme",
];

/// Whether `secret` is a placeholder rather than a real value.
pub fn is_placeholder(secret: &str) -> bool {
    let lower = secret.to_ascii_lowercase();
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    is_variable_reference(secret) || is_repeated_filler(secret)
}

/// `$VAR`, `$(cmd)`, `%VAR%`, `process.env.X`, `os.environ[...]`, `env(...)`.
fn is_variable_reference(secret: &str) -> bool {
    let s = secret.trim();
    if let Some(rest) = s.strip_prefix('$') {
        return rest
            .bytes()
            .next()
            .is_some_and(|b| b == b'(' || b == b'_' || b.is_ascii_alphabetic());
    }
    if s.len() > 2 && s.starts_with('%') && s.ends_with('%') {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    ["process.env.", "os.environ", "os.getenv", "env(", "getenv("]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A value that is one character repeated, perhaps behind a short fixed prefix:
/// `XXXXXXXX`, `00000000`, `sk_live_0000000000000000`. The part after the last `_` or `-`
/// (or the whole value) is judged: if a single character makes up 60% or more of it, it is
/// filler, not a random token.
fn is_repeated_filler(secret: &str) -> bool {
    let body = secret
        .rsplit(['_', '-'])
        .find(|part| part.len() >= 8)
        .unwrap_or(secret);
    let alnum: Vec<u8> = body.bytes().filter(u8::is_ascii_alphanumeric).collect();
    if alnum.len() < 8 {
        return false;
    }
    let mut counts = [0usize; 256];
    for &b in &alnum {
        counts[b.to_ascii_lowercase() as usize] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    most * 10 >= alnum.len() * 6
}

/// Words people write where a credential goes, in docs, samples and local dev setups
/// (compared case-insensitively with the whole value).
const STAND_IN_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pass",
    "pwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "key",
    "changeme",
    "changeit",
    "letmein",
    "qwerty",
    "admin",
    "root",
    "guest",
    "user",
    "username",
    "test",
    "testing",
    "postgres",
    "mysql",
    "redis",
    "mongo",
    "rabbitmq",
    "default",
    "empty",
    "none",
    "null",
    "nil",
    "undefined",
    "true",
    "false",
    "required",
    "optional",
    "hidden",
    "masked",
    "secure",
    "private",
    "string",
    "str",
    "bool",
    "boolean",
    "int",
    "number",
    "bytes",
    "any",
    "object",
    "secretstr",
    "securestring",
    "foo",
    "bar",
    "foobar",
    "abc123",
    "123456",
    "12345678",
    "123456789",
    "password1",
    "password123",
    "p@ssw0rd",
    "p@ssword",
    "s3cr3t",
    "mypassword",
    "mysecret",
    "mytoken",
    "secret123",
    "supersecret",
    "topsecret",
    "todo",
    "tbd",
    "n/a",
    "xxx",
    "sample",
    "fake",
    "mock",
];

/// A value in a credential's place that is a stand-in, not a credential: a word from
/// `STAND_IN_WORDS`, or no letter or digit at all (`****`, `...`). The word is also
/// looked for behind percent-escapes and punctuation, as URL-parser tests and docs write
/// it: `pass%20word`, `p@ss:word`, `pass%5B%7F` all spell a stand-in.
pub fn is_stand_in_password(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    if !lower.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return true;
    }
    if STAND_IN_WORDS.contains(&lower.as_str()) || is_format_template(&lower) {
        return true;
    }
    // Twice: test data double-encodes (`p%2540ss` is `p%40ss` is `p@ss`).
    let spelled = spelled_word(&percent_decoded(&percent_decoded(&lower)));
    !spelled.is_empty() && STAND_IN_WORDS.contains(&spelled.as_str())
}

/// `value` with `%XX` escapes undone (lossily), or as it is when it holds none.
pub fn percent_decoded(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8_lossy()
        .into_owned()
}

/// The letters and digits of `value`, reading `@` as `a` and `$` as `s` (`p@$$word`).
fn spelled_word(value: &str) -> String {
    value
        .chars()
        .filter_map(|c| match c {
            '@' => Some('a'),
            '$' => Some('s'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Shortest password, in characters after percent-decoding, that a URL rule reports.
/// URL-parser tests are full of short user-info (`a:b@c`, `%3A%40c`, `Été`); eight is the
/// floor that current password policies (NIST SP 800-63B) set for a chosen password.
pub const MIN_URL_PASSWORD_CHARS: usize = 8;

/// Whether a password taken from a URL's user-info is a stand-in or too short to be a real
/// password once its percent-escapes are undone.
pub fn is_url_password_noise(value: &str) -> bool {
    is_stand_in_password(value) || percent_decoded(value).chars().count() < MIN_URL_PASSWORD_CHARS
}

/// Whether the text after a URL's user-info (`@host:port/...`) names a host reserved for
/// documentation and tests (RFC 2606, RFC 6761): `example.com`, `example.net`,
/// `example.org` and their subdomains, and the `.example`, `.test` and `.invalid` top-level
/// domains. Credentials written for such hosts cannot open anything.
pub fn is_documentation_host(after_userinfo: &str) -> bool {
    let rest = after_userinfo.strip_prefix('@').unwrap_or(after_userinfo);
    let host: String = rest
        .split(['/', ':', '?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    ["example.com", "example.net", "example.org"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid"]
            .iter()
            .any(|tld| host.ends_with(tld))
}

/// Whether `value` is base64 of prose (`bm90IG15IHJlYWwgcGFzc3dvcmQ=` is "not my real
/// password"): printable text of two or more space-separated words. Random credentials,
/// and base64 of them, decode to bytes without spaces.
fn is_base64_of_prose(value: &str) -> bool {
    use base64::Engine;
    if value.len() < 16
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    {
        return false;
    }
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(value) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return false;
    };
    let words = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || ",.!?'-".contains(c)))
}

/// A slot of a format string or template rather than a value: `{password}`, `{0}`, `%s`,
/// `%(password)s`.
fn is_format_template(lower: &str) -> bool {
    let braced = lower.starts_with('{') && lower.ends_with('}');
    let percent = lower == "%s" || (lower.starts_with("%(") && lower.ends_with(")s"));
    braced || percent
}

/// File extensions that mark a value as a file name (`secret_file = creds.json`).
const FILE_EXTENSIONS: &[&str] = &[
    "json",
    "yaml",
    "yml",
    "toml",
    "txt",
    "pem",
    "key",
    "crt",
    "cer",
    "p12",
    "pfx",
    "jks",
    "env",
    "ini",
    "cfg",
    "conf",
    "xml",
    "properties",
    "py",
    "js",
    "ts",
    "rb",
    "go",
    "rs",
    "java",
    "sh",
    "html",
    "png",
    "jpg",
    "svg",
    "gpg",
    "asc",
    "pub",
    "log",
    "csv",
    "db",
    "sqlite",
];

/// Prefixes of code, references and hashes rather than literal secrets.
const CODE_PREFIXES: &[&str] = &[
    "$",
    "@",
    "%",
    "&",
    "*",
    "#{",
    "!",
    ":",
    "os.",
    "env.",
    "env[",
    "config.",
    "settings.",
    "self.",
    "this.",
    "props.",
    "params.",
    "params[",
    "request.",
    "req.",
    "args.",
    "ctx.",
    "context.",
    "vars.",
    "secrets.",
    "options.",
    "opts.",
    "data:",
    "sha1-",
    "sha256-",
    "sha384-",
    "sha512-",
    "sha256:",
    "sha512:",
    "md5:",
    "h1:",
    "{ssha}",
    "{sha}",
    "pbkdf2",
];

/// Whether a value caught by a generic `key = value` rule is noise: a stand-in
/// ([`is_stand_in_password`]), code (a call, an index, a member access, a reference), a UUID,
/// a SHA-1/SHA-2 hex digest (git commits, lockfile checksums), a URL, a path or file name,
/// a version string, or an identifier such as an i18n key (`auth.password.label`,
/// `PASSWORD_FIELD`, `newPassword`).
pub fn is_generic_noise(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if is_stand_in_password(v) {
        return true;
    }
    if v.contains(['(', ')', '[', ']', '{', '}']) || v.contains("://") || v.contains("::") {
        return true;
    }
    if CODE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if is_uuid(v) || is_sha_hex(v) || is_path_or_file(&lower) || is_version(v) {
        return true;
    }
    is_checksummed_format(v) || is_identifier(v) || is_base64_of_prose(v)
}

/// Prefixes of token formats whose rules validate a checksum.
const CHECKSUMMED_PREFIXES: &[&str] = &["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "npm_"];

/// A value in a format that a checksummed rule owns (`ghp_` + 36): that rule decides, so a
/// lookalike whose checksum fails is not reported again as a generic token.
fn is_checksummed_format(v: &str) -> bool {
    CHECKSUMMED_PREFIXES.iter().any(|p| {
        v.strip_prefix(p)
            .is_some_and(|rest| rest.len() == 36 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
    })
}

/// `8-4-4-4-12` hex digits.
fn is_uuid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Hex of the length of a SHA-1, SHA-256, SHA-384 or SHA-512 digest.
fn is_sha_hex(v: &str) -> bool {
    matches!(v.len(), 40 | 64 | 96 | 128) && v.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_path_or_file(lower: &str) -> bool {
    if ["/", "./", "../", "~/", "\\"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // `.aws/credentials`, `config/secrets.yml`: every piece between slashes is a name.
    if lower.contains('/')
        && lower
            .split('/')
            .filter(|piece| !piece.is_empty())
            .all(is_identifier)
    {
        return true;
    }
    let bytes = lower.as_bytes();
    if bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":\\" {
        return true;
    }
    match lower.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && FILE_EXTENSIONS.contains(&ext)
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-./".contains(&b))
        }
        None => false,
    }
}

/// `1.2.3`, `v2.0`, `^4.17.21`, `>=1.0.0-beta`.
fn is_version(v: &str) -> bool {
    let core = v.trim_start_matches(['^', '~', '>', '<', '=', 'v', 'V']);
    let mut parts = core.split(['-', '+']).next().unwrap_or("").split('.');
    let all_numeric = parts
        .clone()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    all_numeric && parts.nth(1).is_some()
}

/// A name or label, not a secret: one capitalised word in any script (`Passwort`,
/// `Contraseña`), letters in camelCase or in one case (`newPassword`, `BINDSTRING`), or words joined by
/// `_`, `-`, `.` or `::` where every word reads as a word: all lowercase, all uppercase or
/// CamelCase, digits only at its end (`auth.password.label`, `WIN32_ERROR`,
/// `token_idx1_forward`, `MsV1_0_PROTOCOL_MESSAGE_TYPE`). Random tokens mix case and digits
/// inside their pieces (`hN7-vQ2w`), so they do not pass for names.
fn is_identifier(v: &str) -> bool {
    let mut chars = v.chars();
    if let Some(first) = chars.next() {
        let rest: Vec<char> = chars.collect();
        if first.is_uppercase() && !rest.is_empty() && rest.iter().all(|c| c.is_lowercase()) {
            return true;
        }
    }
    if !v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.:".contains(&b))
    {
        return false;
    }
    let separated = v.contains(['_', '-', '.', ':']);
    if !separated {
        let letters_only = v.bytes().all(|b| b.is_ascii_alphabetic());
        let humps = v
            .as_bytes()
            .windows(2)
            .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            .count();
        let one_case =
            v.bytes().all(|b| b.is_ascii_lowercase()) || v.bytes().all(|b| b.is_ascii_uppercase());
        return letters_only && (humps >= 1 || one_case);
    }
    v.split(['_', '-', '.', ':'])
        .filter(|part| !part.is_empty())
        .all(is_word)
}

/// All lowercase, all uppercase, or CamelCase humps, with digits only at the end
/// (`password`, `WIN32`, `idx1`, `MsV1`); pieces of three characters or fewer always pass.
fn is_word(part: &str) -> bool {
    if part.len() <= 3 {
        return true;
    }
    let letters = part.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.is_empty() {
        return true;
    }
    let body_has_digit = letters.bytes().any(|b| b.is_ascii_digit());
    let lower = part.bytes().all(|b| !b.is_ascii_uppercase());
    let upper = part.bytes().all(|b| !b.is_ascii_lowercase());
    if lower || upper {
        // `idx1`, `WIN32`, `D3D10`: one case reads as a name when at most one digit sits
        // among its letters; random base36 (`q8zr3lkp0vx7`) scatters several.
        let inner_digits = letters.bytes().filter(u8::is_ascii_digit).count();
        return inner_digits <= 1;
    }
    if body_has_digit {
        return false;
    }
    // CamelCase: every uppercase letter starts a hump of lowercase letters (or ends the word).
    let bytes = letters.as_bytes();
    bytes.iter().enumerate().all(|(i, b)| {
        !b.is_ascii_uppercase()
            || i + 1 == bytes.len()
            || bytes[i + 1].is_ascii_lowercase()
            || (i > 0 && bytes[i - 1].is_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::{
        is_documentation_host, is_generic_noise, is_placeholder, is_stand_in_password,
        is_url_password_noise,
    };

    #[test]
    fn stand_in_words_behind_escapes_and_punctuation_are_stand_ins() {
        // fp-bench: URL-parser tests in gix-url, ureq and the URL Standard's test data.
        for value in [
            "pass%20word",
            "p%40ss%3Aword",
            "p@ss+word",
            "pass%5B%7F",
            "P%40$$WORD",
        ] {
            assert!(is_stand_in_password(value), "{value} is a stand-in");
        }
        for value in ["q8Zr3%40LkP0vX7", "Kq9%21mZ2pLx", "passage-Tr0ub4dor"] {
            assert!(!is_stand_in_password(value), "{value} is not a stand-in");
        }
    }

    #[test]
    fn short_url_passwords_are_noise_after_decoding() {
        // fp-bench: `http://:%3A%40c@d:2/`, `http://&a:foo(b]c@d:2/`, `he%2F%2Fo`, `kulgrej`.
        for value in [
            "%3A%40c",
            "foo(b]c",
            "he%2F%2Fo",
            "kulgrej",
            "%c3%89t%C3%A9",
        ] {
            assert!(is_url_password_noise(value), "{value} is noise");
        }
        for value in ["Kq9%21mZ2pLx", "tCqtD1GDIWFmbKGYQr83", "s3cr%2Ft-Pw9"] {
            assert!(!is_url_password_noise(value), "{value} is a password");
        }
    }

    #[test]
    fn documentation_hosts_are_recognised() {
        for after in [
            "@example.com/path",
            "@api.example.org:8443",
            "@EXAMPLE.NET",
            "@db.test/app",
            "@proxy.example:3128",
            "@host.invalid",
        ] {
            assert!(
                is_documentation_host(after),
                "{after} is a documentation host"
            );
        }
        for after in [
            "@db.acme.internal/app",
            "@localhost:5432",
            "@example.community",
            "@myexample.com",
            "@testing.io",
        ] {
            assert!(!is_documentation_host(after), "{after} is a real host");
        }
    }

    #[test]
    fn stand_ins_are_placeholders() {
        for value in [
            "XXXXXXXXXXXXXXXXXXXX",
            "0000000000000000",
            "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "sk_live_0000000000000000000000",
            "<your-token>",
            "${GITHUB_TOKEN}",
            "{{ secrets.TOKEN }}",
            "$API_KEY",
            "%API_KEY%",
            "process.env.TOKEN",
            "AKIAIOSFODNN7EXAMPLE",
            "my_dummy_secret_value",
            "your_api_key_here",
        ] {
            assert!(is_placeholder(value), "{value} should be a placeholder");
        }
    }

    #[test]
    fn random_values_are_not() {
        for value in [
            "q8Zr3LkP0vX7mN2bT5yW",
            "ghp_Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH1a2b3c",
            "a1b2c3d4e5",
        ] {
            assert!(
                !is_placeholder(value),
                "{value} should not be a placeholder"
            );
        }
    }

    #[test]
    fn stand_in_passwords() {
        for value in [
            "password",
            "PASSWORD",
            "****",
            "...",
            "postgres",
            "guest",
            "changeme",
            "{db_password}",
            "{0}",
            "%s",
            "%(password)s",
        ] {
            assert!(is_stand_in_password(value), "{value} is a stand-in");
        }
        for value in ["hunter2x", "Tr0ub4dor&3", "q8Zr3LkP0vX7"] {
            assert!(!is_stand_in_password(value), "{value} is not a stand-in");
        }
    }

    #[test]
    fn generic_noise_is_recognised() {
        for value in [
            "get_password()",
            "os.environ['DB_PASSWORD']",
            "settings.SECRET_KEY",
            "self.api_key",
            "auth.password.label",
            "PASSWORD_FIELD",
            "newPassword",
            "Optional[str]",
            "SecretStr",
            "0b5c6a1e-3f2d-4c8b-9a7e-1d2c3b4a5f6e",
            "3f786850e387550fdab836ed7e6dc881de23001b",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15dc08c0a05fd1b",
            "sha512-Q5Kw8tZq1xv3Yd2R7pN0mB4cL6sH9jF",
            "h1:Q5Kw8tZq1xv3Yd2R7pN0mB4cL6sH9jF=",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA",
            "https://auth.internal/token",
            "/run/secrets/db_password",
            "credentials.json",
            "^4.17.21",
            "v1.2.3-beta",
            "$2b$12$Q5Kw8tZq1xv3Yd2R7pN0mO",
            "********",
            "Passwort",
            "Contraseña",
            "WIN32_ERROR",
            "D3D10_SB_RESOURCE_RETURN_TYPE",
            "MSV1_0_PROTOCOL_MESSAGE_TYPE",
            "token_idx1_forward",
            ":RecursiveSuffix",
            ":Chacha20Poly1305",
            "ChangeCachedPassword",
            "ghp_Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH000000",
            ".aws/credentials",
            "config/secrets.yml",
            "INTERNETFEATURELIST",
            // fp-bench: an npm README's sample password, base64 of a sentence.
            "bm90IG15IHJlYWwgcGFzc3dvcmQ=",
            // fp-bench: the URL Standard's test data, a stand-in behind escapes.
            "pass%5B%7F",
        ] {
            assert!(is_generic_noise(value), "{value} is noise");
        }
    }

    #[test]
    fn real_looking_values_are_not_generic_noise() {
        for value in [
            "q8Zr3LkP0vX7mN2bT5yW",
            "Tr0ub4dor&3",
            "d41d8cd98f00b204e9800998ecf8427e",
            "wJ4lrXUtnFEMI/K7MDENG/bPxRfiCYz1",
            "sk_4eC39HqLyjWDarjtT1zdp7dc",
            "hN7-vQ2w_xK9pL3m",
            "Zx8Kq2Lm-Np4R7tV1wY3",
            "q8zr3lkp0vx7mn2b_t5yw",
        ] {
            assert!(!is_generic_noise(value), "{value} is not noise");
        }
    }
}
