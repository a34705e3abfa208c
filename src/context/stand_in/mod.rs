//! Values that stand in for a secret, split by who asks:
//!
//! - [`placeholder`]: every rule's secret (`XXXX`, `<your-token>`, `${TOKEN}`);
//! - [`url_password`]: rules that take a password from its context (`url-password`):
//!   stand-in words behind escapes, short passwords, documentation hosts;
//! - [`generic_noise`]: the generic-value classifier (`generic-value`, and the context
//!   engine's [`super::classify`]): code, references, hashes, paths, versions, names.
//!
//! Their word lists are data in `rules/words/`, built into the binary with `include_str!`,
//! so that a rule author can read and extend them without reading Rust.

pub mod generic_noise;
pub mod placeholder;
pub mod url_password;

/// The entries of a word list from `rules/words/`: one per line, trimmed; blank lines and
/// lines starting with `# ` are skipped (an entry may itself start with `#`, as `#{` does).
pub(in crate::context) fn word_list(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_lists_keep_entries_that_start_with_a_hash() {
        let list = super::word_list("# a comment\n\n#{\n  $  \nfoo\n");
        assert_eq!(list, vec!["#{", "$", "foo"]);
    }
}
