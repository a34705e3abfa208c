//! The placeholder filter every rule's secret goes through (SPEC §5): values that only
//! look like secrets.
//!
//! Docs, templates and tests are full of `XXXX`, `<your-token>`, `${TOKEN}` and
//! `ghp_example...`. Reporting them is the noise that teaches users to pass `--no-verify`,
//! so every rule's secret goes through [`is_placeholder`] before it becomes a finding. The
//! marker substrings are data: `rules/words/placeholder-markers.txt`.

use super::word_list;
use std::sync::OnceLock;

/// Substrings that mark a value as a stand-in (compared case-insensitively).
fn markers() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../rules/words/placeholder-markers.txt")))
}

/// Whether `secret` is a placeholder rather than a real value.
pub fn is_placeholder(secret: &str) -> bool {
    let lower = secret.to_ascii_lowercase();
    if markers().iter().any(|m| lower.contains(m)) {
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

/// A value spelled as a run of the alphabet or of the digits, as docs fill a field
/// (`abcdefghijklmno1234`, `tokenabc1234567890`, `123456789abcdef123456789abcdef12`): seven
/// tenths or more of its letters and digits sit in ascending runs of three or more (`9`
/// goes on to `0` or `a`). Generated values almost never hold such runs.
pub fn is_sequence_filler(secret: &str) -> bool {
    let alnum: Vec<u8> = secret
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if alnum.len() < 8 {
        return false;
    }
    let follows = |a: u8, b: u8| b == a + 1 || (a == b'9' && (b == b'0' || b == b'a'));
    let mut in_runs = 0;
    let mut run = 1;
    for i in 1..=alnum.len() {
        if i < alnum.len() && follows(alnum[i - 1], alnum[i]) {
            run += 1;
            continue;
        }
        if run >= 3 {
            in_runs += run;
        }
        run = 1;
    }
    in_runs * 10 >= alnum.len() * 7
}

#[cfg(test)]
mod tests {
    use super::{is_placeholder, is_sequence_filler};

    #[test]
    fn alphabet_and_digit_runs_are_filler() {
        // wild-tune: the Ansible docs' sample tokens and keys.
        for value in [
            "abcdefghijklmno1234",
            "abcdefghijklmnopqrstuvwxyz123456",
            "tokenabc1234567890",
            "123456789abcdef123456789abcdef12",
            "0123456789012345678901234567890123456789",
            "xoxb-1234-56789abcdefghijklmnop",
        ] {
            assert!(is_sequence_filler(value), "{value} is filler");
        }
        // Real-looking tokens and weak but real passwords keep being judged as values.
        for value in [
            "q8Zr3LkP0vX7mN2bT5yW",
            "5eb86c9196ab03919abcf03857163741",
            "Test123456",
            "C1sco12345",
            "abc123Xq7Lm9vR2kP8wZ",
            "1234",
        ] {
            assert!(!is_sequence_filler(value), "{value} is not filler");
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
}
