//! The value classifier shared by every context rule: is this value a literal secret?
//!
//! A context rule takes a value because of where it sits (`password = ...`), so most of what
//! it sees is code and names, not secrets: `userB.password!`, `secret.value?.length ? ...`,
//! `PermissionCheckResult`, `DefaultAppIds.SpeckleConnectorsDUI`, `npm:parse-passwd@1.0.0`.
//! [`judge`] rejects code expressions, type names, identifiers made of words, references,
//! paths, versions, lockfile hashes and placeholders ([`super::stand_in`]), and
//! accepts what looks generated. "Looks generated" is judged by how much of the value is
//! made of known words ([`word_coverage`], over the word lists in `rules/words/`), not by
//! Shannon entropy alone: `canRegenerateToken` has high entropy and is all words.

use super::stand_in::{generic_noise, placeholder};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The word lists, built into the binary from `rules/words/*.txt` (data rule authors can
/// read and extend).
const WORD_FILES: &[&str] = &[
    include_str!("../../rules/words/identifiers.txt"),
    include_str!("../../rules/words/english.txt"),
];

/// Longest word looked up.
const MAX_WORD: usize = 14;
/// Shortest word that counts as covering a value.
const MIN_WORD: usize = 3;
/// A value whose letters and digits are this much (or more) known words is a name.
const MAX_COVERAGE: f64 = 0.5;

/// The known words ([`WORD_FILES`]), lowercase.
pub(crate) fn word_set() -> &'static HashSet<&'static str> {
    words()
}

fn words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        WORD_FILES
            .iter()
            .flat_map(|f| f.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Why a value was rejected, for tests and debugging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reject {
    Empty,
    Whitespace,
    Placeholder,
    /// Code, a reference, a hash, a path, a version or a name (see
    /// [`generic_noise::is_generic_noise`]).
    Noise,
    /// An operator of code: `?.`, `||`, `??`, `&&`, `!`, a ternary.
    Expression,
    /// A dependency specifier (`npm:pkg@1`, `workspace:*`).
    Specifier,
    /// Made of words.
    Words,
    /// The address of a secret in a secret store (`credentialsJSON:<id>`, `op://...`).
    Reference,
}

/// Prefixes of dependency specifiers in lockfiles and manifests.
const SPECIFIERS: &[&str] = &[
    "npm:",
    "workspace:",
    "file:",
    "link:",
    "portal:",
    "patch:",
    "git+",
    "github:",
    "catalog:",
];

/// Whether `value` is a literal secret, or why not. `generated`: also require that it
/// looks generated (not made of words).
/// Whether at least half of a value's letters and digits are known words
/// (`historyNavigationForwardsEnabled`, `ScrollableElementChangeOptions`): a name, not a
/// generated token, even when it has a token's length and charset.
pub fn made_of_words(value: &str) -> bool {
    word_coverage(value.trim()) >= MAX_COVERAGE
}

pub fn judge(value: &str, generated: bool) -> Result<(), Reject> {
    let whole = without_closing_triple_quote(value.trim());
    // A form body's first field is judged on its own first; the whole value is judged as
    // well, so that cutting at `&name=` only ever rejects more (a badge URL's
    // `token=abc&flag=x)` stays rejected for its brackets).
    let first = form_field_value(whole);
    if first.len() < whole.len() {
        judge_one(first, generated)?;
    }
    judge_one(whole, generated)
}

fn judge_one(v: &str, generated: bool) -> Result<(), Reject> {
    if v.is_empty() {
        return Err(Reject::Empty);
    }
    if v.chars().any(char::is_whitespace) {
        return Err(Reject::Whitespace);
    }
    if placeholder::is_placeholder(v) || is_elided(v) || placeholder::is_sequence_filler(v) {
        return Err(Reject::Placeholder);
    }
    let lower = v.to_ascii_lowercase();
    if SPECIFIERS.iter().any(|p| lower.starts_with(p)) {
        return Err(Reject::Specifier);
    }
    if super::secret_refs::is_secret_store_reference(v) {
        return Err(Reject::Reference);
    }
    if is_expression(v) {
        return Err(Reject::Expression);
    }
    if generic_noise::is_generic_noise(v) || is_email_address(v) {
        return Err(Reject::Noise);
    }
    if generated && word_coverage(v) >= MAX_COVERAGE {
        return Err(Reject::Words);
    }
    Ok(())
}

/// Whether `value`, under a password's name, is a literal password: every check of
/// [`judge`] that tells code, references, stand-ins and placeholders applies, but not the
/// two made for generated tokens (a name-like shape, words), which
/// `password_value::is_typed_password` replaces: a typed password may be
/// lowercase letters, or a word with a year and a mark. A mark at the end (`Summer2024!`)
/// is not TypeScript's non-null `x!` when the rest is no code.
pub fn judge_typed_password(value: &str) -> Result<(), Reject> {
    let whole = without_closing_triple_quote(value.trim());
    let first = form_field_value(whole);
    if first.len() < whole.len() {
        judge_typed_one(first)?;
    }
    judge_typed_one(whole)
}

fn judge_typed_one(v: &str) -> Result<(), Reject> {
    if v.is_empty() {
        return Err(Reject::Empty);
    }
    if v.chars().any(char::is_whitespace) {
        return Err(Reject::Whitespace);
    }
    if placeholder::is_placeholder(v) || is_elided(v) || placeholder::is_sequence_filler(v) {
        return Err(Reject::Placeholder);
    }
    let lower = v.to_ascii_lowercase();
    if SPECIFIERS.iter().any(|p| lower.starts_with(p)) {
        return Err(Reject::Specifier);
    }
    if super::secret_refs::is_secret_store_reference(v) {
        return Err(Reject::Reference);
    }
    // A mark that starts code (`&cfg`, `*ptr`, `!ok`, `@var`, `:sym`) starts a password
    // too when what follows is no name (`&jDjh2+erKP%`).
    let body = v
        .strip_prefix(['&', '*', '!', '@', ':', '%'])
        .filter(|rest| {
            !rest.is_empty()
                && !generic_noise::is_identifier(rest)
                && !rest.contains(['/', '.', ':'])
        })
        .unwrap_or(v);
    // Marks at the end (`AdminPassw0rd!!`, `Summer2024!!!`) are a password's, not Kotlin's
    // `x!!` or TypeScript's `x!`, when what they follow is no code: judged without them.
    let code = match body.trim_end_matches('!') {
        "" => body,
        rest => rest,
    };
    if is_expression(code) {
        return Err(Reject::Expression);
    }
    if generic_noise::is_noise_but_name(body) || is_email_address(v) {
        return Err(Reject::Noise);
    }
    if !super::password_value::is_typed_password(v) {
        return Err(Reject::Words);
    }
    Ok(())
}

/// An unquoted value at the end of a Python docstring or heredoc-like block keeps the
/// block's closing `"""` (`api_token: c6033033-...-4b40"""` in a module's EXAMPLES): the
/// value is what comes before it.
pub(crate) fn without_closing_triple_quote(v: &str) -> &str {
    v.strip_suffix("\"\"\"")
        .or_else(|| v.strip_suffix("'''"))
        .unwrap_or(v)
}

/// A URL-encoded form body taken whole after its first key
/// (`access_token=90d6...&token_type=bearer`): the value ends at `&name=`.
pub(crate) fn form_field_value(v: &str) -> &str {
    let Some(amp) = v.find('&') else {
        return v;
    };
    let rest = &v[amp + 1..];
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let named = name_len >= 2 && rest.as_bytes()[0].is_ascii_alphabetic();
    if named && rest.as_bytes().get(name_len) == Some(&b'=') {
        &v[..amp]
    } else {
        v
    }
}

/// A value cut short in documentation (`ABAQDAwXxn7kIMNWzcDfo...`, `sk-abc…`): an example
/// whose rest was left out, not a usable secret.
fn is_elided(v: &str) -> bool {
    v.ends_with("...") || v.ends_with('…')
}

/// An email address (`ops@acme.io`, the user of `new NetworkCredential("ops@acme.io", ...)`):
/// a local part, `@`, and a lowercase domain whose last label is two or more letters. A
/// password with an `@` in it rarely ends in a lowercase dotted domain.
fn is_email_address(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-".contains(&b))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_lowercase())
}

/// Code operators and member chains: `a?.b`, `a || b`, `a ?? b`, `x!`, `!x`, `a ? b : c`,
/// `res.data!.token`, `DefaultAppIds.SpeckleConnectorsDUI`.
fn is_expression(v: &str) -> bool {
    if ["?.", "||", "??", "&&", "=>", "->", "!.", "::"]
        .iter()
        .any(|op| v.contains(op))
    {
        return true;
    }
    if v.ends_with('!') || v.starts_with('!') {
        return true;
    }
    // A member chain: two or more dot-separated identifiers, each mostly words.
    let pieces: Vec<&str> = v.split('.').collect();
    pieces.len() >= 2
        && pieces.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'$')
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
                && (p.len() <= 3 || word_coverage(p) >= MAX_COVERAGE)
        })
}

/// The share of a value's letters and digits that are covered by known words of
/// `MIN_WORD` letters or more. Words are looked for in each run of letters, split at
/// case changes (`canRegenerateToken` is `can` `Regenerate` `Token`), longest first.
pub fn word_coverage(value: &str) -> f64 {
    let words = words();
    let alnum = value.bytes().filter(u8::is_ascii_alphanumeric).count();
    if alnum == 0 {
        return 1.0;
    }
    let mut covered = 0;
    for run in letter_runs(value) {
        let lower = run.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let longest = (MIN_WORD..=MAX_WORD.min(bytes.len() - i))
                .rev()
                .find(|&n| words.contains(&lower[i..i + n]));
            match longest {
                Some(n) => {
                    covered += n;
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    covered as f64 / alnum as f64
}

/// Runs of ASCII letters, split where a lowercase letter is followed by an uppercase one
/// and before the last capital of an all-caps run that starts a word (`HTTPServer`).
pub(crate) fn letter_runs(value: &str) -> Vec<&str> {
    let b = value.as_bytes();
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=b.len() {
        let letter = i < b.len() && b[i].is_ascii_alphabetic();
        let split = letter
            && start.is_some()
            && i > 0
            && ((b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())
                || (b[i - 1].is_ascii_uppercase()
                    && b[i].is_ascii_uppercase()
                    && b.get(i + 1).is_some_and(u8::is_ascii_lowercase)));
        if let Some(s) = start {
            if !letter || split {
                runs.push(&value[s..i]);
                start = None;
            }
        }
        if letter && start.is_none() {
            start = Some(i);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_names_are_rejected() {
        for value in [
            "PermissionCheckResult!",
            "res.data!.projectMutations.createEmbedToken.token",
            "secret.value?.length",
            "userB.password!",
            "DefaultAppIds.SpeckleConnectorsDUI",
            "i.accessToken||void",
            "canRegenerateToken",
            "npm:parse-passwd@1.0.0",
            "workspace:*",
            "sha512-po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3==",
            "${SPECKLE_TOKEN}",
            "{{ .Values.token }}",
            "string | null",
            "hunter22",
            "authorizationHeaderValue",
            "passwordConfirmationField",
            "./secrets/token.txt",
            "1.2.3",
            // wild-tune (Go and Ansible): docs' filler, elided keys, a docstring's closing
            // quotes after a UUID, and a form body whose token is a SHA-1-long hex.
            "abcdefghijklmno1234",
            "ABAQDAwXxn7kIMNWzcDfo...",
            "c6033033-fe69-2515-a9e8-966bb7fe4b40\"\"\"",
            "90d64460d14870c08c81352a05dedd3465940a7c&token_type=bearer",
            "OcQREPvC7r&flag=web-api)](https://codecov.io/gh/acme/sdk)",
        ] {
            assert!(judge(value, true).is_err(), "{value} must be rejected");
        }
    }

    #[test]
    fn generated_values_are_accepted() {
        let hex: String = (0..42)
            .map(|i| b"0123456789abcdef"[(i * 7 + 3) % 16] as char)
            .collect();
        for value in [
            "Tr0ub4dor&3f34",
            "Xq7;Lm9#vR2kP8wZ",
            "hN7#vQ2wqY6Nb3",
            "C5Q52ryFlwRlOEVHzc0X0AWIRh_JUqBlIFXZ53Nc",
            "x2jIclHkCiHp6bR1IqfEouHgxzNNAL5wIScGebcy",
            hex.as_str(),
            // The same syntaxes around real-looking values stay findings.
            "q8Zr3LkP0vX7mN2bT5yW\"\"\"",
            "q8Zr3LkP0vX7mN2bT5yW&token_type=bearer",
            "Xq7Lm9vR2kP8wZ&x",
        ] {
            assert_eq!(judge(value, true), Ok(()), "{value} must be accepted");
        }
    }

    #[test]
    fn coverage_reads_case_humps() {
        assert!(word_coverage("canRegenerateToken") > 0.9);
        assert!(word_coverage("HTTPServerConfig") > 0.6);
        assert!(word_coverage("q8Zr3LkP0vX7mN2bT5yW") < 0.3);
    }
}
