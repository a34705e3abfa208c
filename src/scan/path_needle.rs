//! What every match of a path pattern needs in the path: a finite set of strings one of
//! which the path ends with (a pattern anchored by `$`) or contains, read from the
//! pattern's syntax with `regex_syntax`'s literal extractor. A path that has none of them
//! cannot match, so [`super::path_set`] compiles its regex set only for a path that has one.
//!
//! Strings and paths are compared folded ([`fold`]). This file uses nothing but
//! `regex_syntax`: the build script includes it to work out the built-in patterns' needles
//! once (`$OUT_DIR/path-needles.rs`), so a run does not parse them.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// The strings one of which every match of a pattern ends with or contains, folded,
/// sorted, without repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle {
    /// The path ends with one of `strings` (else: contains one).
    pub ends_with: bool,
    pub strings: Vec<Vec<u8>>,
}

impl Needle {
    /// `None` if `source` does not parse or no finite set of non-empty strings is found
    /// that every one of its matches ends with or contains.
    pub fn of(source: &str) -> Option<Needle> {
        // A leading `(?i)` is taken off, and paths and strings are compared folded: the
        // extractor would otherwise list every case variant of every letter (hundreds of
        // strings, or trimmed to short common endings such as `.txt` that most paths have).
        let (case_insensitive, syntax) = match source.strip_prefix("(?i)") {
            Some(rest) => (true, rest),
            None => (false, source),
        };
        // The same syntax `regex` compiles the set with (its defaults).
        let hir = regex_syntax::Parser::new().parse(syntax).ok()?;
        let (ends_with, strings) = if hir.properties().look_set_suffix().contains(Look::End) {
            match non_empty_literals(ExtractKind::Suffix, &hir) {
                Some(endings) => (true, endings),
                None => (false, contained(&hir)?),
            }
        } else {
            (false, contained(&hir)?)
        };
        // A string cut by the extractor inside a character would not fold as the path does.
        if strings.iter().any(|s| std::str::from_utf8(s).is_err()) {
            return None;
        }
        let mut strings: Vec<Vec<u8>> = strings.iter().map(|s| fold(s)).collect();
        // Folding compares ASCII letters (and the two non-ASCII letters that fold to them)
        // without case; any other letter of a case-insensitive pattern would need Unicode
        // folding, so such a pattern gets no needle.
        if case_insensitive && !strings.iter().all(|s| s.is_ascii()) {
            return None;
        }
        strings.sort_unstable();
        strings.dedup();
        // A string that ends with (or contains) another is found only where that one is.
        let implied = |s: &Vec<u8>| {
            strings.iter().any(|other| {
                other.len() < s.len()
                    && if ends_with {
                        s.ends_with(other)
                    } else {
                        s.windows(other.len()).any(|w| w == other.as_slice())
                    }
            })
        };
        let strings = strings.iter().filter(|s| !implied(s)).cloned().collect();
        Some(Needle { ends_with, strings })
    }
}

/// `text` with ASCII letters lowered and the two non-ASCII letters that Unicode simple case
/// folding maps to ASCII ones (`ſ` U+017F to `s`, the Kelvin sign U+212A to `k`) replaced:
/// a string that matches a case-insensitive ASCII literal folds to the folded literal.
pub fn fold(text: &[u8]) -> Vec<u8> {
    let mut folded = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("\u{17f}".as_bytes()) {
            folded.push(b's');
            i += 2;
        } else if text[i..].starts_with("\u{212a}".as_bytes()) {
            folded.push(b'k');
            i += 3;
        } else {
            folded.push(text[i].to_ascii_lowercase());
            i += 1;
        }
    }
    folded
}

/// Strings one of which every match of `hir` contains: its prefixes if they are a finite
/// set of non-empty strings, else those of a part every match goes through.
fn contained(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(prefixes) = non_empty_literals(ExtractKind::Prefix, hir) {
        return Some(prefixes);
    }
    match hir.kind() {
        HirKind::Capture(capture) => contained(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => contained(&repetition.sub),
        // Every match contains a match of each part.
        HirKind::Concat(parts) => parts.iter().find_map(contained),
        // Every match is a match of one branch.
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(contained(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The prefixes or suffixes the extractor finds for `hir`, if they are a finite set of
/// non-empty strings (an empty one says nothing about the path). When it must trim a set
/// the extractor keeps shorter strings, never fewer.
fn non_empty_literals(kind: ExtractKind, hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut extractor = Extractor::new();
    extractor.kind(kind);
    let literals = extractor.extract(hir);
    let literals = literals.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}
