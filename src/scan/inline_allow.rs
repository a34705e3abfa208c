//! Inline allow markers (`leakgate:allow`, `gitleaks:allow`): the lines of a blob that
//! carry one. Kept apart because users write these markers and the rule is one contract,
//! shared by the regex pass, the context pass and the decoders.

use super::locate::line_bounds;

/// Inline markers that silence a line.
const INLINE_ALLOW: &[&[u8]] = &[b"leakgate:allow", b"gitleaks:allow"];

/// The lines of a blob that carry an inline allow marker, found in one pass, so that
/// asking about each hit costs a binary search rather than a walk over its line (which,
/// on a 10 MB minified line with thousands of candidates, would be quadratic). The pass
/// runs the first time a hit is asked about: most blobs and decoded spans have no hit,
/// and then cost no search for the markers at all.
pub(crate) struct AllowedLines<'a> {
    data: &'a [u8],
    /// Sorted, disjoint `(start, end)` byte ranges of marked lines, once searched.
    lines: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'a> AllowedLines<'a> {
    pub(crate) fn new(data: &'a [u8]) -> AllowedLines<'a> {
        AllowedLines {
            data,
            lines: std::cell::OnceCell::new(),
        }
    }

    /// The marked lines of `data`.
    fn marked(data: &[u8]) -> Vec<(usize, usize)> {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        for marker in INLINE_ALLOW {
            // Occurrences come in order: skip those on a line already found, so that a line
            // holding the marker a million times is walked once.
            let mut last_end: Option<usize> = None;
            for at in memchr::memmem::find_iter(data, marker) {
                if last_end.is_some_and(|end| at <= end) {
                    continue;
                }
                let bounds = line_bounds(data, at);
                last_end = Some(bounds.1);
                lines.push(bounds);
            }
        }
        lines.sort_unstable();
        lines.dedup();
        lines
    }

    /// Whether the line holding byte `at` carries a marker.
    pub(crate) fn contains(&self, at: usize) -> bool {
        let lines = self.lines.get_or_init(|| Self::marked(self.data));
        let i = lines.partition_point(|&(start, _)| start <= at);
        i > 0 && at <= lines[i - 1].1
    }
}
