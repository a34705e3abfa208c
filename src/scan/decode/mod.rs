//! Looking inside encoded values: base64, percent-encoding, string escapes and XML entities
//! (SPEC §1).
//!
//! Kubernetes Secret manifests hold tokens in base64, CI configs hold them percent-encoded
//! inside URLs, JSON files hold them behind `\u0041`-style escapes or fold a whole key block
//! into one string with `\n`, notebooks split a cell into one JSON string per line, and XML
//! configs write `&` as `&amp;`. Each decoder finds candidate spans in the plain text,
//! decodes them, and runs the ordinary plain scan on the result; a hit is reported at the
//! encoded text it came from (for a notebook cell, the source line that holds the secret's
//! start), so the finding points at the line the user can see, with the decoded secret.
//!
//! The work is bounded so that a hostile file cannot blow up time or memory: spans are only
//! decoded if they are long enough to hold a token, at most [`MAX_DECODED_PER_BLOB`] bytes
//! are decoded per blob, and decoding nests at most [`MAX_DEPTH`] levels (base64 inside
//! base64, as in a Secret manifest that holds a base64 `.dockerconfigjson`).

mod entities;
mod key_blocks;
mod params;
mod runs;
mod strings;

use super::{RawHit, Scanner};

/// Longest base64 run decoded (an embedded image is not where tokens hide).
pub const MAX_BASE64: usize = 64 * 1024;
/// Decoded bytes allowed per blob, across all decoders and depths.
pub const MAX_DECODED_PER_BLOB: usize = 4 * 1024 * 1024;
/// Encoded spans decoded per blob, across all decoders and depths: this bounds the number of
/// plain scans a blob can cost, however small its spans (a file of a million `%41`s).
pub const MAX_SPANS_PER_BLOB: usize = 10_000;
/// Nesting levels of decoding.
pub const MAX_DEPTH: usize = 2;

/// What decoding one blob cost, for tests and benchmarks: every figure is bounded by the
/// constants above, whatever the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeStats {
    /// Bytes produced by decoders (never more than [`MAX_DECODED_PER_BLOB`]).
    pub decoded_bytes: usize,
    /// Spans decoded (never more than [`MAX_SPANS_PER_BLOB`]).
    pub spans: usize,
    /// Deepest nesting level decoded (never more than [`MAX_DEPTH`]).
    pub depth: usize,
}

/// The per-blob allowance, spent as spans are decoded.
struct Budget {
    bytes: usize,
    spans: usize,
    stats: DecodeStats,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            bytes: MAX_DECODED_PER_BLOB,
            spans: MAX_SPANS_PER_BLOB,
            stats: DecodeStats::default(),
        }
    }
}

/// Encoded text found in a blob: where it is, and what it decodes to.
struct Candidate {
    /// Byte range of the encoded text (for a joined notebook cell, from its first source
    /// string to its last).
    start: usize,
    end: usize,
    encoding: Encoding,
    /// The encoded ranges that are decoded and joined, in order; empty for one range.
    pieces: Vec<(usize, usize)>,
}

impl Candidate {
    fn whole(start: usize, end: usize, encoding: Encoding) -> Candidate {
        Candidate {
            start,
            end,
            encoding,
            pieces: Vec::new(),
        }
    }
}

/// The encodings [`decoded_spans`] undoes.
#[derive(Clone, Copy)]
enum Encoding {
    Base64,
    Percent,
    Escapes,
    XmlEntities,
    /// One line of a key block written as a string literal (`key_blocks`).
    KeyLine,
}

impl Encoding {
    fn decode(self, encoded: &[u8]) -> Option<Vec<u8>> {
        match self {
            Encoding::Base64 => runs::decode_base64(encoded),
            Encoding::Percent => Some(percent_encoding::percent_decode(encoded).collect()),
            Encoding::Escapes => strings::unescape(encoded),
            Encoding::XmlEntities => Some(entities::decode(encoded)),
            Encoding::KeyLine => key_blocks::decode_line(encoded),
        }
    }
}

/// A decoded span.
struct Decoded {
    start: usize,
    end: usize,
    text: Vec<u8>,
    /// For a span joined from pieces: `(offset in text, encoded start, encoded end)` of each.
    pieces: Vec<(usize, usize, usize)>,
}

impl Decoded {
    /// The encoded range to report a secret at that starts at `at` in the decoded text: the
    /// piece it starts in, or the whole span.
    fn encoded_range(&self, at: usize) -> (usize, usize) {
        let piece = self.pieces.partition_point(|p| p.0 <= at);
        match piece.checked_sub(1).map(|i| self.pieces[i]) {
            Some((_, start, end)) => (start, end),
            None => (self.start, self.end),
        }
    }
}

/// Secrets found inside encoded spans of `data`, reported at those spans, and what finding
/// them cost.
pub(crate) fn scan_encoded(
    scanner: &Scanner,
    path: Option<&str>,
    data: &[u8],
) -> (Vec<RawHit>, DecodeStats) {
    let mut budget = Budget::new();
    let mut hits = Vec::new();
    let allowed_lines = super::AllowedLines::new(data);
    for span in decoded_spans(data, &mut budget, 1) {
        for (rule, secret, at) in secrets_in(scanner, path, &span.text, MAX_DEPTH - 1, &mut budget)
        {
            let (start, end) = span.encoded_range(at);
            hits.push(RawHit {
                rule,
                start,
                end,
                decoded: Some(secret),
                // An inline allow marker is judged on the line the user sees, the encoded one.
                allowed: allowed_lines.contains(start),
            });
        }
    }
    (hits, budget.stats)
}

/// `(rule, secret, offset of the secret or of the span holding it)` in decoded text,
/// decoding further while depth remains.
fn secrets_in(
    scanner: &Scanner,
    path: Option<&str>,
    text: &[u8],
    depth: usize,
    budget: &mut Budget,
) -> Vec<(usize, String, usize)> {
    let mut out: Vec<(usize, String, usize)> = scanner
        .scan_plain(path, text)
        .into_iter()
        .filter(|h| !h.allowed)
        .map(|h| {
            (
                h.rule,
                String::from_utf8_lossy(&text[h.start..h.end]).into_owned(),
                h.start,
            )
        })
        .collect();
    if depth > 0 {
        for inner in decoded_spans(text, budget, MAX_DEPTH - depth + 1) {
            for (rule, secret, at) in secrets_in(scanner, path, &inner.text, depth - 1, budget) {
                out.push((rule, secret, inner.encoded_range(at).0));
            }
        }
    }
    out
}

/// Every span of `data` that some decoder can turn into different, text-like bytes,
/// decoded at nesting `level` (1 for the blob itself). Stops when `budget` is spent.
fn decoded_spans(data: &[u8], budget: &mut Budget, level: usize) -> Vec<Decoded> {
    let mut candidates: Vec<Candidate> = runs::base64_runs(data)
        .take(MAX_SPANS_PER_BLOB)
        .map(|(s, e)| Candidate::whole(s, e, Encoding::Base64))
        .collect();
    for (s, e) in runs::percent_runs(data).take(MAX_SPANS_PER_BLOB) {
        candidates.push(Candidate::whole(s, e, Encoding::Percent));
        // A parameter's value that is a document of its own, decoded apart (`params`).
        candidates.extend(
            params::document_values(&data[s..e])
                .map(|(vs, ve)| Candidate::whole(s + vs, s + ve, Encoding::Percent)),
        );
    }
    candidates.extend(
        strings::strings_worth_unescaping(data, MAX_SPANS_PER_BLOB)
            .into_iter()
            .map(|(s, e)| Candidate::whole(s, e, Encoding::Escapes)),
    );
    candidates.extend(
        strings::string_per_line_runs(data, MAX_SPANS_PER_BLOB)
            .into_iter()
            .map(|pieces| Candidate {
                start: pieces[0].0,
                end: pieces[pieces.len() - 1].1,
                encoding: Encoding::Escapes,
                pieces,
            }),
    );
    candidates.extend(
        key_blocks::key_block_runs(data, MAX_SPANS_PER_BLOB)
            .into_iter()
            .map(|pieces| Candidate {
                start: pieces[0].0,
                end: pieces[pieces.len() - 1].1,
                encoding: Encoding::KeyLine,
                pieces,
            }),
    );
    candidates.extend(
        entities::entity_windows(data)
            .take(MAX_SPANS_PER_BLOB)
            .map(|(s, e)| Candidate::whole(s, e, Encoding::XmlEntities)),
    );
    let mut spans = Vec::new();
    for candidate in candidates {
        if budget.spans == 0 || budget.bytes == 0 {
            break;
        }
        // A decoded span is never longer than its encoded text: check before decoding. One
        // span too large for what is left is skipped; smaller ones after it may still fit.
        if candidate.end - candidate.start > budget.bytes {
            continue;
        }
        let Some(decoded) = decode(data, &candidate) else {
            continue;
        };
        budget.bytes -= decoded.text.len().min(budget.bytes);
        budget.spans -= 1;
        budget.stats.decoded_bytes += decoded.text.len();
        budget.stats.spans += 1;
        budget.stats.depth = budget.stats.depth.max(level);
        spans.push(decoded);
    }
    spans
}

/// Decodes one candidate, joining its pieces if it has several.
fn decode(data: &[u8], candidate: &Candidate) -> Option<Decoded> {
    let (start, end) = (candidate.start, candidate.end);
    if candidate.pieces.is_empty() {
        let text = candidate.encoding.decode(&data[start..end])?;
        return Some(Decoded {
            start,
            end,
            text,
            pieces: Vec::new(),
        });
    }
    let mut text = Vec::with_capacity(end - start);
    let mut pieces = Vec::with_capacity(candidate.pieces.len());
    for &(piece_start, piece_end) in &candidate.pieces {
        pieces.push((text.len(), piece_start, piece_end));
        text.extend(candidate.encoding.decode(&data[piece_start..piece_end])?);
    }
    Some(Decoded {
        start,
        end,
        text,
        pieces,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn the_budget_bounds_decoding() {
        let encoded = base64::engine::general_purpose::STANDARD.encode("x".repeat(40_000));
        let data = format!("{encoded}\n").repeat(200);
        let mut budget = Budget::new();
        let spans = decoded_spans(data.as_bytes(), &mut budget, 1);
        let total: usize = spans.iter().map(|s| s.text.len()).sum();
        assert!(total <= MAX_DECODED_PER_BLOB);
        assert_eq!(total, budget.stats.decoded_bytes);
        assert_eq!(spans.len(), budget.stats.spans);
    }

    #[test]
    fn a_joined_span_reports_the_piece_a_secret_starts_in() {
        let data = b"[\n  \"first line\\n\",\n  \"second line\\n\",\n  \"third\"\n]\n";
        let mut budget = Budget::new();
        let spans = decoded_spans(data, &mut budget, 1);
        let joined = spans
            .iter()
            .find(|s| !s.pieces.is_empty())
            .expect("the string-per-line array is joined");
        assert_eq!(joined.text, b"first line\nsecond line\nthird");
        let at = joined.text.windows(6).position(|w| w == b"second").unwrap();
        let (start, end) = joined.encoded_range(at);
        assert_eq!(&data[start..end], b"second line\\n");
    }
}
