//! Looking inside encoded values: base64, percent-encoding and string escapes (SPEC §1).
//!
//! Kubernetes Secret manifests hold tokens in base64, CI configs hold them percent-encoded
//! inside URLs, and JSON or YAML files hold them behind `\u0041`-style escapes. Each decoder
//! finds candidate spans in the plain text, decodes them, and runs the ordinary plain scan
//! on the result; a hit is reported at the encoded span, so the finding points at the line
//! the user can see, with the decoded secret.
//!
//! The work is bounded so that a hostile file cannot blow up time or memory: spans are only
//! decoded if they are long enough to hold a token, at most [`MAX_DECODED_PER_BLOB`] bytes
//! are decoded per blob, and decoding nests at most [`MAX_DEPTH`] levels (base64 inside
//! base64, as in a Secret manifest that holds a base64 `.dockerconfigjson`).

use super::{RawHit, Scanner};
use base64::Engine;

/// Shortest base64 run worth decoding: 16 decoded bytes, shorter than any token we look for.
const MIN_BASE64: usize = 24;
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
    for (start, end, decoded) in decoded_spans(data, &mut budget, 1) {
        // An inline allow marker is judged on the line the user sees, the encoded one.
        let allowed = allowed_lines.contains(start);
        for secret in secrets_in(scanner, path, &decoded, MAX_DEPTH - 1, &mut budget) {
            hits.push(RawHit {
                rule: secret.0,
                start,
                end,
                decoded: Some(secret.1),
                allowed,
            });
        }
    }
    (hits, budget.stats)
}

/// `(rule, secret)` pairs in decoded text, decoding further while depth remains.
fn secrets_in(
    scanner: &Scanner,
    path: Option<&str>,
    text: &[u8],
    depth: usize,
    budget: &mut Budget,
) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = scanner
        .scan_plain(path, text)
        .into_iter()
        .filter(|h| !h.allowed)
        .map(|h| {
            (
                h.rule,
                String::from_utf8_lossy(&text[h.start..h.end]).into_owned(),
            )
        })
        .collect();
    if depth > 0 {
        for (_, _, inner) in decoded_spans(text, budget, MAX_DEPTH - depth + 1) {
            out.extend(secrets_in(scanner, path, &inner, depth - 1, budget));
        }
    }
    out
}

/// Every span of `data` that some decoder can turn into different, text-like bytes:
/// `(start, end, decoded)`, decoded at nesting `level` (1 for the blob itself). Stops when
/// `budget` is spent.
fn decoded_spans(data: &[u8], budget: &mut Budget, level: usize) -> Vec<(usize, usize, Vec<u8>)> {
    let mut candidates: Vec<(usize, usize, Encoding)> = base64_runs(data)
        .take(MAX_SPANS_PER_BLOB)
        .map(|(s, e)| (s, e, Encoding::Base64))
        .collect();
    candidates.extend(
        percent_runs(data)
            .take(MAX_SPANS_PER_BLOB)
            .map(|(s, e)| (s, e, Encoding::Percent)),
    );
    // Only escapes that can hide a token's characters, or the context a rule needs, are
    // worth undoing: `\u0041`, `\x41` and `\/` hide characters; `\"` hides the quotes of
    // an assignment (`"AWS_SECRET = \"...\"\n"` in a notebook cell, a JSON-encoded config,
    // a string in a minified bundle), without which context-anchored rules cannot match.
    // A bare `\n` hides neither. Most files have none of these.
    if [&b"\\u"[..], b"\\x", b"\\/", b"\\\""]
        .iter()
        .any(|needle| memchr::memmem::find(data, needle).is_some())
    {
        candidates.extend(
            quoted_strings_with_escapes(data, MAX_SPANS_PER_BLOB)
                .into_iter()
                .map(|(s, e)| (s, e, Encoding::Escapes)),
        );
    }
    let mut spans = Vec::new();
    for (start, end, encoding) in candidates {
        // A decoded span is never longer than its encoded text: check before decoding.
        if end - start > budget.bytes || budget.spans == 0 {
            break;
        }
        let encoded = &data[start..end];
        let decoded = match encoding {
            Encoding::Base64 => decode_base64(encoded),
            Encoding::Percent => Some(percent_encoding::percent_decode(encoded).collect()),
            Encoding::Escapes => unescape(encoded),
        };
        if let Some(decoded) = decoded {
            budget.bytes -= decoded.len().min(budget.bytes);
            budget.spans -= 1;
            budget.stats.decoded_bytes += decoded.len();
            budget.stats.spans += 1;
            budget.stats.depth = budget.stats.depth.max(level);
            spans.push((start, end, decoded));
        }
    }
    spans
}

/// The encodings [`decoded_spans`] undoes.
#[derive(Clone, Copy)]
enum Encoding {
    Base64,
    Percent,
    Escapes,
}

/// A 256-entry membership table, built at compile time: a table lookup per byte is what
/// keeps the run finders at memory speed.
const fn byte_table(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
}

static BASE64_BYTES: [bool; 256] = byte_table(b"+/-_=");
static URL_BYTES: [bool; 256] = byte_table(b"%-._~:/?#[]@!$&'()*+,;=");

/// Maximal runs of bytes in `table`.
fn runs<'a>(
    data: &'a [u8],
    table: &'static [bool; 256],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < data.len() && !table[data[at] as usize] {
            at += 1;
        }
        if at >= data.len() {
            return None;
        }
        let start = at;
        while at < data.len() && table[data[at] as usize] {
            at += 1;
        }
        Some((start, at))
    })
}

/// Runs that look like base64 values: long enough, with upper and lower case letters (not
/// a hex digest or a long lowercase word).
fn base64_runs(data: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(data, &BASE64_BYTES).filter(move |&(s, e)| {
        let run = &data[s..e];
        let len = run.len();
        if !(MIN_BASE64..=MAX_BASE64).contains(&len) {
            return false;
        }
        let upper = run.iter().any(u8::is_ascii_uppercase);
        let lower = run.iter().any(u8::is_ascii_lowercase);
        upper && lower
    })
}

/// URL-like runs holding a `%XX` escape, found from the escapes outward (so a file full of
/// `%s` format strings costs one `memchr` pass, not a run scan).
fn percent_runs(data: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut covered_to = 0;
    memchr::memchr_iter(b'%', data).filter_map(move |at| {
        if at < covered_to || !has_percent_escape(&data[at..data.len().min(at + 3)]) {
            return None;
        }
        let mut start = at;
        while start > 0 && URL_BYTES[data[start - 1] as usize] {
            start -= 1;
        }
        let mut end = at;
        while end < data.len() && URL_BYTES[data[end] as usize] {
            end += 1;
        }
        covered_to = end;
        Some((start, end))
    })
}

/// Decodes a base64 run (standard or URL-safe, padded or not) into mostly-printable text.
fn decode_base64(run: &[u8]) -> Option<Vec<u8>> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let trimmed = run
        .strip_suffix(b"==")
        .or_else(|| run.strip_suffix(b"="))
        .unwrap_or(run);
    if trimmed.contains(&b'=') {
        return None;
    }
    let url_safe = trimmed.iter().any(|&b| b == b'-' || b == b'_');
    let decoded = if url_safe {
        URL_SAFE_NO_PAD.decode(trimmed).ok()?
    } else {
        STANDARD_NO_PAD.decode(trimmed).ok()?
    };
    let printable = decoded
        .iter()
        .filter(|&&b| b.is_ascii_graphic() || b.is_ascii_whitespace())
        .count();
    (printable * 10 >= decoded.len() * 9).then_some(decoded)
}

fn has_percent_escape(run: &[u8]) -> bool {
    run.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// Contents of `"..."` strings on one line that hold a backslash escape: the first `limit`
/// of them (a file of a million escaped strings costs no more memory than the budget).
fn quoted_strings_with_escapes(data: &[u8], limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < limit {
        let Some(open) = memchr::memchr(b'"', &data[at..]).map(|i| at + i) else {
            break;
        };
        let mut end = open + 1;
        let mut escaped = false;
        let mut has_escape = false;
        while end < data.len() && data[end] != b'\n' {
            match data[end] {
                b'\\' if !escaped => {
                    escaped = true;
                    has_escape = true;
                }
                b'"' if !escaped => break,
                _ => escaped = false,
            }
            end += 1;
        }
        if end >= data.len() || data[end] != b'"' {
            at = end.max(open + 1);
            continue;
        }
        if has_escape {
            out.push((open + 1, end));
        }
        at = end + 1;
    }
    out
}

/// JSON / YAML double-quoted escapes: `\uXXXX`, `\xXX`, `\n`, `\/`, `\"` and friends.
fn unescape(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' || i + 1 >= text.len() {
            out.push(text[i]);
            i += 1;
            continue;
        }
        let next = text[i + 1];
        let hex = |from: usize, n: usize| -> Option<u32> {
            let digits = text.get(from..from + n)?;
            u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
        };
        match next {
            b'u' => {
                let c = char::from_u32(hex(i + 2, 4)?).unwrap_or(char::REPLACEMENT_CHARACTER);
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                i += 6;
            }
            b'x' => {
                out.push(hex(i + 2, 2)? as u8);
                i += 4;
            }
            b'n' => {
                out.push(b'\n');
                i += 2;
            }
            b't' => {
                out.push(b'\t');
                i += 2;
            }
            b'r' => {
                out.push(b'\r');
                i += 2;
            }
            other => {
                out.push(other);
                i += 2;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_text_is_decoded_and_binary_is_not() {
        let encoded = base64::engine::general_purpose::STANDARD.encode("token=abcdefghijklmnop");
        assert_eq!(
            decode_base64(encoded.as_bytes()).as_deref(),
            Some(&b"token=abcdefghijklmnop"[..])
        );
        let binary = base64::engine::general_purpose::STANDARD.encode([
            0u8, 1, 2, 3, 250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7,
        ]);
        assert!(decode_base64(binary.as_bytes()).is_none());
    }

    #[test]
    fn escapes_are_undone() {
        assert_eq!(unescape(br"a\u0062c\/d\x65").unwrap(), b"abc/de");
    }

    #[test]
    fn quoted_strings_are_found_per_line() {
        let data = br#"{"a": "plain", "b": "with\u0020escape"}"#;
        let spans = quoted_strings_with_escapes(data, 10);
        assert_eq!(spans.len(), 1);
        assert_eq!(&data[spans[0].0..spans[0].1], br"with\u0020escape");
    }

    #[test]
    fn the_budget_bounds_decoding() {
        let encoded = base64::engine::general_purpose::STANDARD.encode("x".repeat(40_000));
        let data = format!("{encoded}\n").repeat(200);
        let mut budget = Budget::new();
        let spans = decoded_spans(data.as_bytes(), &mut budget, 1);
        let total: usize = spans.iter().map(|s| s.2.len()).sum();
        assert!(total <= MAX_DECODED_PER_BLOB);
        assert_eq!(total, budget.stats.decoded_bytes);
        assert_eq!(spans.len(), budget.stats.spans);
    }
}
