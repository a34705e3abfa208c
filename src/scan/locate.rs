//! Raw hits to located [`Match`]es: sorted, de-duplicated, given their line and column, and
//! the redacted text around them on their line. Kept apart because this is what users see
//! of a finding's line, and where a neighbour's secret must never leak into the display.

use super::{Match, RawHit};
use crate::finding::{self, LineContext, Secret};

/// Longest stretch of a line kept around a secret for display.
const CONTEXT: usize = 160;

/// Byte range of the line holding byte `at` (without its newline).
pub(crate) fn line_bounds(data: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(data.len());
    let start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i);
    (start, end)
}

/// Sorts, de-duplicates and locates raw hits. The same secret found plainly and again
/// through a decoder on the same line is reported once. Returns the matches and how many
/// distinct hits were dropped for an inline allow marker.
pub(super) fn finish(data: &[u8], mut raw: Vec<RawHit>) -> (Vec<Match>, usize) {
    raw.sort_unstable_by_key(|h| (h.start, h.rule, h.end));
    raw.dedup_by(|b, a| a.rule == b.rule && a.start == b.start && a.decoded == b.decoded);
    // Spans that overlap or touch are merged into stretches (disjoint, sorted), each shown
    // as one redaction: two rules' hits on one JWT must not show a head of each part.
    // With the longest stretch's length, the stretches near a hit are found by binary
    // search rather than by a walk over all of them (quadratic for a generated file full
    // of tokens).
    let spans = finding::merge_spans(raw.iter().map(|h| (h.start, h.end)).collect());
    let longest = spans.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    let mut line = 1;
    let mut counted_to = 0;
    let mut allowed_count = 0;
    let mut current_line: Option<(usize, usize)> = None;
    let matches = raw
        .into_iter()
        .filter_map(|hit| {
            let RawHit {
                rule,
                start,
                end,
                decoded,
                allowed,
            } = hit;
            line += memchr::memchr_iter(b'\n', &data[counted_to..start]).count();
            counted_to = start;
            // Hits come sorted: many on one long line share its bounds, found once.
            let (line_start, line_end) = match current_line {
                Some((s, e)) if s <= start && start <= e => (s, e),
                _ => line_bounds(data, start),
            };
            current_line = Some((line_start, line_end));
            let secret =
                decoded.unwrap_or_else(|| String::from_utf8_lossy(&data[start..end]).into_owned());
            if !seen.insert((rule, line, secret.clone())) {
                return None;
            }
            if allowed {
                allowed_count += 1;
                return None;
            }
            let end_on_line = end.min(line_end).max(start);
            // The stretch of overlapping secrets holding this one, cut to its line.
            let (stretch_start, stretch_end) = stretch_of(&spans, start, end);
            let lead = stretch_start.max(line_start).min(start);
            let tail = stretch_end.min(line_end).max(end_on_line);
            let covering = (lead < start || tail > end_on_line)
                .then(|| Secret::new(String::from_utf8_lossy(&data[lead..tail.max(end)])));
            // The window never cuts a neighbour's stretch: it is shown whole or not at all.
            let from = outside_stretch(&spans, lead.saturating_sub(CONTEXT).max(line_start))
                .max(line_start);
            let to = outside_stretch(&spans, (tail + CONTEXT).min(line_end)).min(line_end);
            let to = if to < tail { line_end } else { to };
            let mut before = masked(data, from, lead, near(&spans, from, lead, longest));
            let mut after = masked(data, tail, to, near(&spans, tail, to, longest));
            if from > line_start {
                before.insert(0, '…');
            }
            let after_trimmed = after.trim_end_matches('\r').len();
            after.truncate(after_trimmed);
            if to < line_end {
                after.push('…');
            }
            Some(Match {
                rule,
                start,
                end,
                line,
                column: start - line_start + 1,
                secret: Secret::new(secret),
                context: LineContext {
                    before,
                    after,
                    covering,
                    server_hint: None,
                    companion: None,
                },
            })
        })
        .collect();
    (matches, allowed_count)
}

/// The stretches (merged, sorted, none longer than `longest`) that may overlap `from..to`.
fn near(spans: &[(usize, usize)], from: usize, to: usize, longest: usize) -> &[(usize, usize)] {
    let first = spans.partition_point(|&(s, _)| s < from.saturating_sub(longest));
    let last = spans.partition_point(|&(s, _)| s < to);
    &spans[first..last.max(first)]
}

/// The stretch (merged spans) holding the hit `start..end`; the hit itself if none does.
fn stretch_of(spans: &[(usize, usize)], start: usize, end: usize) -> (usize, usize) {
    let i = spans.partition_point(|&(s, _)| s <= start);
    match i.checked_sub(1).map(|i| spans[i]) {
        Some((s, e)) if e >= end => (s, e),
        _ => (start, end),
    }
}

/// `at`, moved back to the start of the stretch it falls inside, so that a window edge
/// never cuts a secret.
fn outside_stretch(spans: &[(usize, usize)], at: usize) -> usize {
    let i = spans.partition_point(|&(s, _)| s < at);
    match i.checked_sub(1).map(|i| spans[i]) {
        Some((s, e)) if at < e => s,
        _ => at,
    }
}

/// `data[from..to]` as text, with every stretch of hit spans inside it replaced by one
/// redaction, so that showing one finding's line never shows a neighbour's secret. Spans
/// are merged here as well, so overlapping ones are never redacted piecemeal.
fn masked(data: &[u8], from: usize, to: usize, spans: &[(usize, usize)]) -> String {
    let inside: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(s, e)| s < to && e > from)
        .map(|&(s, e)| (s.max(from), e.min(to)))
        .collect();
    let mut out = String::new();
    let mut at = from;
    for (s, e) in finding::merge_spans(inside) {
        out.push_str(&String::from_utf8_lossy(&data[at..s]));
        out.push_str(&finding::redact(&String::from_utf8_lossy(&data[s..e])));
        at = e;
    }
    if at < to {
        out.push_str(&String::from_utf8_lossy(&data[at..to]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_spans_are_masked_without_panicking() {
        let data = b"key = abcdefghijklmnop end";
        let text = masked(data, 0, data.len(), &[(6, 22), (8, 12), (10, 24)]);
        assert_eq!(text, "key = abcd…(18)nd", "{text}");
        assert!(!text.contains("mnop"), "{text}");
    }
}
