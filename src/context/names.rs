//! Whether a name names a secret: the test the extractors that pair a value with a name
//! that is not its syntactic key share ([`super::siblings`], [`super::cmdline`],
//! [`super::spaced`], [`super::pairs`]). Those extractors read forms where no `=` or `:`
//! ties the two (`put_env(:app, :spell_token, "v")`, `--token v`, `requirepass v`), so they
//! only pair a value with a name that says "credential"; the rules still decide which
//! credential, and the shared classifier whether the value is a literal.

use super::rule::normalize;
use std::sync::LazyLock;

/// Words that make a name a credential's name (compared normalized: lowercase, no `_`,
/// `-`, `.`, spaces).
const SECRET_WORDS: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "apikey",
    "accesskey",
    "privatekey",
    "accountkey",
    "authorization",
    "bearer",
    "credential",
    // A commercial SDK's licence key, a JSON Web Token, and the `user:password` of a
    // Schema Registry client's `basic.auth.user.info` (`USER_INFO_CONFIG`).
    "licensekey",
    "licencekey",
    "jwt",
    "userinfo",
];

/// Endings that make a credential-named name the name of something else: the variable
/// that holds the token's name, its file, its URL, its length.
const NOT_SECRET_ENDINGS: &[&str] = &[
    "name", "names", "url", "uri", "path", "file", "type", "header", "hash", "digest", "length",
    "field", "id", "ids", "count", "prompt", "label", "env", "var", "endpoint", "expiry",
    "expires", "ttl", "policy", "store", "provider",
];

/// Whether one of `candidates` already holds the value at `start..end` under a name that names
/// a secret: the passes that read a value by its context (a sentence, a label, a comparison,
/// an assertion) add nothing where an assignment already named it.
pub(super) fn already_named(candidates: &[super::Candidate], start: usize, end: usize) -> bool {
    candidates
        .iter()
        .any(|c| c.start == start && c.end == end && names_secret(&c.key))
}

/// Whether `name` (a key, a symbol, a flag, a quoted string used as a key) names a secret:
/// `SPELL_TOKEN`, `:oauth-token`, `--api-key`, `forKey: "speckleToken"`, `Authorization`,
/// `Bearer`; not `token_url`, `tokenizer`... (any name ending in a word from
/// [`NOT_SECRET_ENDINGS`]).
pub fn names_secret(name: &str) -> bool {
    // A name is no text: not `KEY={sid}\nSECRET={}` (a template), nor a call.
    if name.is_empty()
        || name.len() > 64
        || name.contains(char::is_whitespace)
        || name.contains(['=', '{', '}', '\\', '(', ')', ',', ';'])
    {
        return false;
    }
    let trimmed = name.trim_start_matches([':', '-', '%']);
    // Asked of nearly every candidate's key: an ASCII name (at most 64 bytes, tested above)
    // is normalized into a buffer on the stack, the same bytes [`normalize`] gives.
    if trimmed.is_ascii() {
        let mut buf = [0u8; 64];
        let mut len = 0;
        for &b in trimmed.as_bytes() {
            if !matches!(b, b'_' | b'-' | b'.' | b' ' | b'$' | b'@') {
                buf[len] = b.to_ascii_lowercase();
                len += 1;
            }
        }
        return normal_names_secret(&buf[..len]);
    }
    normal_names_secret(normalize(trimmed).as_bytes())
}

/// [`names_secret`] of a name already [`normalize`]d.
fn normal_names_secret(n: &[u8]) -> bool {
    // Byte by byte (no `memcmp` call per position: names are short).
    let contains = |w: &[u8]| {
        w.len() <= n.len()
            && n.windows(w.len())
                .any(|win| win.iter().zip(w).all(|(a, b)| a == b))
    };
    if contains(b"tokeniz") {
        return false;
    }
    let secret = SECRET_FINDER.is_match(n) || n.ends_with(b"auth");
    secret && !NOT_SECRET_ENDINGS.iter().any(|e| n.ends_with(e.as_bytes()))
}

/// [`SECRET_WORDS`], searched for at once in a normalized name.
static SECRET_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(SECRET_WORDS)
        .expect("fixed words compile")
});

/// Name parts that mark a value as a test fixture or a stand-in (`FAKE_API_KEY`,
/// `dummyToken`, `EXAMPLE_SECRET`, `mock_password`).
const STAND_IN_PARTS: &[&str] = &[
    "fake",
    "dummy",
    "example",
    "sample",
    "mock",
    "placeholder",
    "stub",
    "bogus",
];

/// Whether `name` names a credential and marks it as a stand-in by one of its parts
/// ([`STAND_IN_PARTS`], split at `_`, `-`, `.`, `:` and case changes): the value is a test
/// fixture, not a secret. An OpenAPI `example:` slot names no credential and is not one.
pub fn names_stand_in(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mentions = STAND_IN_PARTS.iter().any(|w| {
        bytes
            .windows(w.len())
            .any(|win| win.eq_ignore_ascii_case(w.as_bytes()))
    });
    if !mentions || !names_secret(name) {
        return false;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        let split = !c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower);
        if split && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        }
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts.iter().any(|p| {
        STAND_IN_PARTS
            .iter()
            .any(|w| p.strip_suffix('s').unwrap_or(p) == *w)
    })
}

/// Stems, any of which a line must hold (in any case) for the pairing extractors to read it:
/// every name they pair a value with holds one (the words of [`SECRET_WORDS`] and the
/// password directives), and so do the tools whose short flags take a password.
const STEMS: &[&str] = &[
    "tok",
    "secret",
    "pass",
    "pwd",
    "key",
    "auth",
    "bearer",
    "basic",
    "cred",
    "identified",
    "login",
    "mysql",
    "mariadb",
    "redis-cli",
    // Tools whose flag takes a password (`cmdline::SHORT_PASSWORD_FLAGS`).
    "sqlcmd",
    "osql",
    "bcp",
    "mongo",
    "ldap",
    "zip",
    "7z",
    // Compound `_pw` names (`mysqli.default_pw`, `SMTP_PW`).
    "_pw",
    // JSON Web Tokens, and a Schema Registry client's `user:password`
    // (`basic.auth.user.info`, `USER_INFO_CONFIG`).
    "jwt",
    "userinfo",
    "user_info",
    "user.info",
];

static STEM_FINDER: LazyLock<CaselessWords> = LazyLock::new(|| CaselessWords::new(STEMS));

/// Whether `line` may hold a name the pairing extractors look for: a cheap test that keeps
/// them off the lines around a keyword that name no credential.
pub fn mentions_secret(line: &[u8]) -> bool {
    STEM_FINDER.is_match(line)
}

/// A search for ASCII words in any case, for the tests that run on every line the context
/// engine reads. An automaton built with `ascii_case_insensitive` gets no SIMD prefilter
/// (the packed searchers match bytes exactly) and walks its DFA a byte at a time; here the
/// text is lowercased into a reused buffer and searched for the lowercased words, which
/// lets the automaton skip ahead with its prefilter. The same answer: an ASCII word occurs
/// in `text` with case ignored exactly where its lowercase occurs in `text` lowercased
/// (lowercasing changes no byte outside `A`-`Z`, and no offset).
pub(super) struct CaselessWords(aho_corasick::AhoCorasick);

thread_local! {
    /// The lowercased text [`CaselessWords::is_match`] searches, kept between calls.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl CaselessWords {
    pub(super) fn new(words: &[&str]) -> CaselessWords {
        CaselessWords(
            aho_corasick::AhoCorasick::builder()
                // A full DFA: searched on every line the context engine reads, and small.
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(words.iter().map(|w| w.to_ascii_lowercase()))
                .expect("fixed words compile"),
        )
    }

    /// Whether one of the words occurs in `text`, ASCII case ignored.
    pub(super) fn is_match(&self, text: &[u8]) -> bool {
        LOWERED.with(|buf| match buf.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                buf.extend(text.iter().map(u8::to_ascii_lowercase));
                self.0.is_match(&buf[..])
            }
            // Not reached (the search calls nothing back); a copy of its own if it were.
            Err(_) => self.0.is_match(&text.to_ascii_lowercase()[..]),
        })
    }
}

/// A substring searcher built once, on first use, for a needle searched for on every line
/// the context engine reads: [`Finder::find`] answers as `memchr::memmem::find(haystack,
/// needle)`, which builds its searcher anew on every call.
pub(super) struct Finder {
    needle: &'static [u8],
    built: std::sync::OnceLock<memchr::memmem::Finder<'static>>,
}

impl Finder {
    pub(super) const fn new(needle: &'static [u8]) -> Finder {
        Finder {
            needle,
            built: std::sync::OnceLock::new(),
        }
    }

    /// The offset of the needle's first occurrence in `haystack`.
    pub(super) fn find(&self, haystack: &[u8]) -> Option<usize> {
        self.built
            .get_or_init(|| memchr::memmem::Finder::new(self.needle))
            .find(haystack)
    }
}

/// Config directives whose value is a password though their name does not say so in a
/// word a rule looks for (Redis `requirepass` and `masterauth`): read as `password`.
const PASSWORD_DIRECTIVES: &[&str] = &["requirepass", "masterauth"];

/// The key a name stands for: `password` for a password directive, the name otherwise
/// (less a symbol's `:` or a flag's dashes).
pub fn key_for(name: &str) -> String {
    let bare = name.trim_start_matches([':', '-', '%', '@']);
    if PASSWORD_DIRECTIVES
        .iter()
        .any(|d| bare.eq_ignore_ascii_case(d))
    {
        "password".to_string()
    } else {
        bare.to_string()
    }
}

/// Whether `name` is a password directive ([`PASSWORD_DIRECTIVES`]).
pub fn is_password_directive(name: &str) -> bool {
    PASSWORD_DIRECTIVES
        .iter()
        .any(|d| name.eq_ignore_ascii_case(d))
}

/// An Authorization scheme written as its own argument (`:authorization, 'Bearer', 'v'`).
pub fn is_auth_scheme(word: &str) -> bool {
    ["bearer", "token", "basic", "bot"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// [`names_secret`] as written before its stack buffer: normalized into a `String`.
    fn names_secret_reference(name: &str) -> bool {
        if name.is_empty()
            || name.len() > 64
            || name.contains(char::is_whitespace)
            || name.contains(['=', '{', '}', '\\', '(', ')', ',', ';'])
        {
            return false;
        }
        let n = normalize(name.trim_start_matches([':', '-', '%']));
        if n.contains("tokeniz") {
            return false;
        }
        let secret = SECRET_WORDS.iter().any(|w| n.contains(w)) || n.ends_with("auth");
        secret && !NOT_SECRET_ENDINGS.iter().any(|e| n.ends_with(e))
    }

    /// Lines of code, prose and noise in mixed case around the words of `words`, for
    /// comparing a gate with what it stands for.
    pub(in crate::context) fn varied_lines(words: &[&str], count: usize) -> Vec<Vec<u8>> {
        let filler: &[&[u8]] = &[
            b" ",
            b"=",
            b"\"",
            b"x",
            b"API",
            b"_",
            b"-",
            b"\t",
            b"Ke",
            b"yS",
            b"\xc3\xa9",
            b"\xff",
            b"K",
            b"\xef\xbc\x9a",
            b"{",
            b"(",
            b"//",
            b"#",
            b"0",
            b"Z",
            b"@",
            b".",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let mut line = Vec::new();
                for _ in 0..next() % 24 {
                    if next() % 4 == 0 {
                        let word = words[(next() % words.len() as u64) as usize].as_bytes();
                        // A word whole or cut, each letter in either case.
                        let cut = if next() % 3 == 0 {
                            word.len() / 2
                        } else {
                            word.len()
                        };
                        line.extend(word[..cut].iter().map(|&b| {
                            if next() % 2 == 0 {
                                b.to_ascii_uppercase()
                            } else {
                                b
                            }
                        }));
                    } else {
                        line.extend_from_slice(filler[(next() % filler.len() as u64) as usize]);
                    }
                }
                line
            })
            .collect()
    }

    /// Whether [`CaselessWords`] of `words` answers as an `ascii_case_insensitive` automaton
    /// (what it replaced) on varied lines.
    pub(in crate::context) fn assert_caseless_agrees(words: &[&str]) {
        let reference = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .expect("words compile");
        let caseless = CaselessWords::new(words);
        let lines = varied_lines(words, 20_000);
        let mut matched = 0;
        for line in &lines {
            let want = reference.is_match(&line[..]);
            matched += usize::from(want);
            assert_eq!(
                caseless.is_match(line),
                want,
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
        // Both answers occur.
        assert!(matched > 100 && matched < lines.len() - 100, "{matched}");
    }

    #[test]
    fn caseless_stems_match_where_the_case_insensitive_automaton_did() {
        assert_caseless_agrees(STEMS);
    }

    #[test]
    fn names_secret_gives_what_the_string_normalization_gave() {
        let parts = [
            "",
            "API",
            "_",
            "-",
            ".",
            "$",
            "@",
            ":",
            "%",
            "Token",
            "tokenizer",
            "SECRET",
            "pass",
            "WD",
            "key",
            "Name",
            "url",
            "auth",
            "Bearer",
            "jwt",
            "é",
            "Ü",
            "ﬃ",
            "İ",
            "x",
            "7",
            "ID",
            "user",
            "info",
            " ",
            "=",
            "credential",
            "s",
            "TTL",
            "provider",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let n = 1 + next() % 7;
            let name: String = (0..n)
                .map(|_| parts[(next() % parts.len() as u64) as usize])
                .collect();
            assert_eq!(
                names_secret(&name),
                names_secret_reference(&name),
                "{name:?}"
            );
        }
    }

    #[test]
    fn secret_names() {
        for yes in [
            "SPELL_TOKEN",
            ":oauth-token",
            "--api-key",
            "speckleToken",
            "Authorization",
            "Bearer",
            "DEPLOY_PASSWORD",
            "API_SECRET",
            "masterauth",
            "client_credentials",
        ] {
            assert!(names_secret(yes), "{yes}");
        }
        for no in [
            "token_url",
            "tokenizer",
            "secret_name",
            "password_file",
            "API_KEY_ENV",
            "author",
            "description",
            "forKey",
            "defaultValue",
            "token type",
            "tokenId",
        ] {
            assert!(!names_secret(no), "{no}");
        }
        for stand_in in [
            "FAKE_API_KEY",
            "dummyToken",
            "EXAMPLE_SECRET",
            "mock_password",
            "fakeAPIToken",
        ] {
            assert!(names_stand_in(stand_in), "{stand_in}");
        }
        for real in [
            "example",
            "x-example",
            "API_KEY",
            "stubborn_token",
            "samplerate_token",
        ] {
            assert!(!names_stand_in(real), "{real}");
        }
        assert_eq!(key_for("requirepass"), "password");
        assert_eq!(key_for(":spell_token"), "spell_token");
        assert_eq!(key_for("--api-key"), "api-key");
    }
}
