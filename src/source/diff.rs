//! Which lines of a new blob a change adds, for `staged` and `history A..B` (SPEC §1).
//!
//! A change is judged by what it adds: the whole new blob is scanned (so multi-line rules
//! and line numbers work on the real file) and a match is kept only if one of its lines is
//! added relative to the old blob. The line diff is git's histogram diff, through gix's copy
//! of imara-diff.

use crate::scan::Match;
use gix::diff::blob::{Algorithm, Diff, InternedInput};

/// The set of added lines of a new blob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddedLines {
    /// Every line is new (an added file, or no old blob).
    All,
    /// `added[i]` tells whether line `i + 1` is added.
    Some(Vec<bool>),
}

impl AddedLines {
    /// Lines of `new` that are not in `old`, by a line diff.
    pub fn between(old: &[u8], new: &[u8]) -> AddedLines {
        let input = InternedInput::new(old, new);
        let diff = Diff::compute(Algorithm::Histogram, &input);
        let count = input.after.len();
        AddedLines::Some((0..count as u32).map(|i| diff.is_added(i)).collect())
    }

    /// Whether 1-based `line` is added.
    pub fn contains(&self, line: usize) -> bool {
        match self {
            AddedLines::All => true,
            AddedLines::Some(added) => line
                .checked_sub(1)
                .and_then(|i| added.get(i))
                .copied()
                .unwrap_or(false),
        }
    }

    /// Whether any line that match `m` (in `data`) spans is added.
    pub fn touches(&self, data: &[u8], m: &Match) -> bool {
        let end = m.end.clamp(m.start, data.len());
        let extra_lines = memchr::memchr_iter(b'\n', &data[m.start.min(end)..end]).count();
        (m.line..=m.line + extra_lines).any(|line| self.contains(line))
    }

    /// Whether nothing is added.
    pub fn is_empty(&self) -> bool {
        match self {
            AddedLines::All => false,
            AddedLines::Some(added) => !added.contains(&true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AddedLines;

    #[test]
    fn only_new_lines_are_added() {
        let old = b"one\ntwo\nthree\n";
        let new = b"one\ntwo\ninserted\nthree\nlast\n";
        let added = AddedLines::between(old, new);
        let lines: Vec<usize> = (1..=5).filter(|&l| added.contains(l)).collect();
        assert_eq!(lines, vec![3, 5]);
    }

    #[test]
    fn a_changed_line_counts_as_added() {
        let added = AddedLines::between(b"key = old\n", b"key = new\n");
        assert!(added.contains(1));
    }

    #[test]
    fn identical_blobs_add_nothing() {
        assert!(AddedLines::between(b"a\nb\n", b"a\nb\n").is_empty());
        assert!(!AddedLines::All.is_empty());
    }
}
