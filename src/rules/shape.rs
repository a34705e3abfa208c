//! How far a rule's regex can reach: within one line, or across lines.
//!
//! The prefilter gives a single-line rule a window of one line; a rule that can match a
//! newline gets a wider one. Both are read from the regex's syntax tree, so a rule author
//! never declares them (and cannot get them wrong).

use super::load::one_line;

/// Whether every match of a regex lies within one line, give or take one newline character
/// matched as a boundary at either end (`(?:[^a-z]|$)` after a token, `(?:^|[^a-z])`
/// before a key). The prefilter gives such rules a window of one line plus the newlines
/// around it.
pub(crate) fn is_single_line(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Concat(parts) if parts.len() >= 2 => {
            let (first, rest) = parts.split_first().expect("two or more parts");
            let (last, middle) = rest.split_last().expect("one or more parts");
            is_edge_boundary(first)
                && is_edge_boundary(last)
                && !middle.iter().any(can_match_newline)
        }
        _ => !can_match_newline(hir),
    }
}

/// A piece at the edge of a pattern that matches at most one character (or nothing), so a
/// newline it matches can only be the one next to the line.
pub(crate) fn is_edge_boundary(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    if !can_match_newline(hir) {
        return true;
    }
    match hir.kind() {
        HirKind::Class(_) => true,
        HirKind::Capture(capture) => is_edge_boundary(&capture.sub),
        HirKind::Alternation(branches) => branches.iter().all(|b| {
            matches!(
                b.kind(),
                HirKind::Class(_) | HirKind::Look(_) | HirKind::Empty
            ) || !can_match_newline(b)
        }),
        _ => false,
    }
}

/// A pattern's syntax tree, for [`can_match_newline`]. ASCII mode first: Unicode classes
/// and case folding cost ~90 µs a rule to build, which over the built-in rules was most of
/// a pre-commit hook's run time, and they never change whether `\n` can match (`\s`, `.`,
/// negated classes and `\n` mean the same for it in both modes). Patterns that need
/// Unicode mode (`\p{..}`) take the full parse, which also reports real syntax errors.
pub(crate) fn parse_for_newline_reach(source: &str) -> Result<regex_syntax::hir::Hir, String> {
    let ascii = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .unicode(false)
        .build()
        .parse(source);
    match ascii {
        Ok(hir) => Ok(hir),
        Err(_) => regex_syntax::ParserBuilder::new()
            .utf8(false)
            .build()
            .parse(source)
            .map_err(|e| one_line(&e)),
    }
}

/// Whether a regex can match text that holds a newline.
pub(crate) fn can_match_newline(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(repetition) => can_match_newline(&repetition.sub),
        HirKind::Capture(capture) => can_match_newline(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(can_match_newline),
    }
}
