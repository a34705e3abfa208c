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
    let n = normalize(name.trim_start_matches([':', '-', '%']));
    if n.contains("tokeniz") {
        return false;
    }
    let secret = SECRET_WORDS.iter().any(|w| n.contains(w)) || n.ends_with("auth");
    secret && !NOT_SECRET_ENDINGS.iter().any(|e| n.ends_with(e))
}

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

static STEM_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        // A full DFA: searched on every line the context engine reads, and small.
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(STEMS)
        .expect("fixed stems compile")
});

/// Whether `line` may hold a name the pairing extractors look for: a cheap test that keeps
/// them off the lines around a keyword that name no credential.
pub fn mentions_secret(line: &[u8]) -> bool {
    STEM_FINDER.is_match(line)
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
mod tests {
    use super::*;

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
