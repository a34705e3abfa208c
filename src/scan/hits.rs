//! Raw hits, before they are located: what the regex pass, the context pass and the
//! decoders produce, and the step that drops hits reporting one secret twice. Kept apart
//! because every pass produces these and the de-duplication rules are one policy.

use super::Scanner;

/// Hits per blob up to which redundant hits are looked for (see `Scanner::drop_redundant`).
const MAX_HITS_TO_DEDUPLICATE: usize = 4096;

/// A hit before it is located: the rule, the byte range in the scanned text, and for a
/// secret found inside an encoded value, the decoded secret (the range is then the encoded
/// text, so that the finding points at the line a user can see).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RawHit {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
    pub decoded: Option<String>,
    /// The hit's line carries an inline allow marker: counted, never reported.
    pub allowed: bool,
}

impl Scanner {
    /// Drops hits that would report one secret twice:
    /// - a hit found by decoding a span in which the plain scan already found the same rule
    ///   (`postgres://u:p%40ss@h` is found as `p%40ss` and, percent-decoded, as `p@ss`);
    /// - a hit of a `fallback` rule (a catch-all that keys on words such as `token =`) whose
    ///   span overlaps a hit of a specific rule (`GITHUB_TOKEN=ghp_...`), or the same span
    ///   as another fallback rule's hit (`api_secret_key = ...`).
    ///
    /// The comparison is pairwise; a blob with more than [`MAX_HITS_TO_DEDUPLICATE`] hits
    /// (a generated file full of tokens) is reported as found rather than spending
    /// quadratic time on it.
    pub(super) fn drop_redundant(&self, raw: Vec<RawHit>) -> Vec<RawHit> {
        if raw.len() > MAX_HITS_TO_DEDUPLICATE {
            return raw;
        }
        let overlaps = |a: &RawHit, b: &RawHit| a.start < b.end && b.start < a.end;
        let is_generic = |hit: &RawHit| self.rules.rules[hit.rule].spec.fallback;
        let mut kept: Vec<RawHit> = Vec::with_capacity(raw.len());
        for (i, hit) in raw.iter().enumerate() {
            let decoded_twice = hit.decoded.is_some()
                && raw.iter().any(|o| {
                    o.decoded.is_none()
                        && o.rule == hit.rule
                        && o.start >= hit.start
                        && o.end <= hit.end
                });
            let generic_shadowed = is_generic(hit)
                && raw.iter().enumerate().any(|(j, o)| {
                    overlaps(hit, o)
                        && (!is_generic(o) || (j < i && o.start == hit.start && o.end == hit.end))
                });
            if !decoded_twice && !generic_shadowed {
                kept.push(hit.clone());
            }
        }
        kept
    }
}
