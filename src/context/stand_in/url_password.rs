//! Stand-ins in a credential's place, for rules that take a password from its context (a
//! URL's user-info, `machine ... password ...`) rather than from its shape: such rules see
//! far more `password`, `p@ss:word` and `{db_password}` than token rules do. Rules opt in
//! through `checksum = "url-password"`; the generic-value classifier uses the same words.
//! The words are data: `rules/words/stand-in-passwords.txt`.

use super::word_list;
use std::sync::OnceLock;

/// Words people write where a credential goes (compared case-insensitively with the whole
/// value).
pub(crate) fn stand_in_words() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../rules/words/stand-in-passwords.txt")))
}

/// A value in a credential's place that is a stand-in, not a credential: a word from
/// `STAND_IN_WORDS`, or no letter or digit at all (`****`, `...`). The word is also
/// looked for behind percent-escapes and punctuation, as URL-parser tests and docs write
/// it: `pass%20word`, `p@ss:word`, `pass%5B%7F` all spell a stand-in.
pub fn is_stand_in_password(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    if !lower.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return true;
    }
    if stand_in_words().contains(&lower.as_str())
        || is_format_template(&lower)
        || names_its_kind(&lower)
    {
        return true;
    }
    // Twice: test data double-encodes (`p%2540ss` is `p%40ss` is `p@ss`).
    let spelled = spelled_word(&percent_decoded(&percent_decoded(&lower)));
    !spelled.is_empty() && stand_in_words().contains(&spelled.as_str())
}

/// `value` with `%XX` escapes undone (lossily), or as it is when it holds none.
pub fn percent_decoded(value: &str) -> String {
    percent_encoding::percent_decode_str(value)
        .decode_utf8_lossy()
        .into_owned()
}

/// Words joined by `_` or `-` that end in the credential's own kind
/// (`oplog_reader_password`, `db-secret`, `admin_pwd`): the name of the password, written
/// where the password goes (`mongodb://oplog_reader:oplog_reader_password@host`).
fn names_its_kind(lower: &str) -> bool {
    const KINDS: &[&str] = &[
        "password",
        "passwd",
        "pass",
        "pwd",
        "passphrase",
        "secret",
        "token",
    ];
    let parts: Vec<&str> = lower.split(['_', '-']).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && parts.last().is_some_and(|last| KINDS.contains(last))
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

/// A slot of a format string or template rather than a value: `{password}`, `{0}`, `%s`,
/// `%(password)s`.
fn is_format_template(lower: &str) -> bool {
    let braced = lower.starts_with('{') && lower.ends_with('}');
    let percent = lower == "%s" || (lower.starts_with("%(") && lower.ends_with(")s"));
    braced || percent
}

#[cfg(test)]
mod tests {
    use super::{is_documentation_host, is_stand_in_password, is_url_password_noise};

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
            // wild-tune: Ansible's MongoDB docs name the password in its place.
            "oplog_reader_password",
            "db-secret",
        ] {
            assert!(is_stand_in_password(value), "{value} is a stand-in");
        }
        for value in [
            "hunter2x",
            "Tr0ub4dor&3",
            "q8Zr3LkP0vX7",
            "password_q8Zr3LkP0vX7",
            "kq8zr3lp_x7vm2",
        ] {
            assert!(!is_stand_in_password(value), "{value} is not a stand-in");
        }
    }
}
