//! Finding base64 and percent-encoded runs in plain text, and decoding them.
//!
//! The base64 finder probes ahead with a lookup table and skips what cannot hold a long
//! run; the percent finder starts from `memchr` hits. A file with no encoded values costs
//! less than one read of it.

use base64::Engine;

use super::MAX_BASE64;

/// Shortest base64 run worth decoding: 16 decoded bytes, shorter than any token we look for.
const MIN_BASE64: usize = 24;

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

/// Maximal runs of at least `min` bytes in `table`.
///
/// A run that long must cover the byte `min - 1` places ahead of where the search stands,
/// so that byte is probed first: if it is outside the table (a space, a quote, a bracket),
/// no long run starts in between, and the search jumps past it without reading the bytes
/// it skipped. In source text most probes land on such a byte, so the finder reads a
/// fraction of its input.
fn long_runs<'a>(
    data: &'a [u8],
    table: &'static [bool; 256],
    min: usize,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    debug_assert!(min > 0);
    // Invariant: `at` is 0 or follows a byte outside the table.
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let probe = at + min - 1;
        if probe >= data.len() {
            return None;
        }
        if !table[usize::from(data[probe])] {
            at = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > at && table[usize::from(data[start - 1])] {
            start -= 1;
        }
        let mut end = probe + 1;
        while end < data.len() && table[usize::from(data[end])] {
            end += 1;
        }
        at = end + 1;
        if end - start >= min {
            return Some((start, end));
        }
    })
}

/// Runs that look like base64 values: long enough, with upper and lower case letters (not
/// a hex digest or a long lowercase word).
///
/// Decoding follows the value: a run that starts with a `KEY=` assignment
/// (`AUTH_B64=Z2hw...`, `?auth=Z2hw...`) is taken from after its last `=` that is not
/// padding, so the base64 is decoded from its first character.
pub(super) fn base64_runs(data: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    long_runs(data, &BASE64_BYTES, MIN_BASE64)
        .map(move |(s, e)| (value_start(&data[s..e]).map_or(s, |v| s + v), e))
        .filter(move |&(s, e)| {
            if e - s < MIN_BASE64 {
                return false;
            }
            let run = &data[s..e];
            if run.len() > MAX_BASE64 {
                return false;
            }
            let upper = run.iter().any(u8::is_ascii_uppercase);
            let lower = run.iter().any(u8::is_ascii_lowercase);
            upper && lower
        })
}

/// Where the value of a run that holds a `KEY=` starts: after the last `=` followed by a
/// byte other than `=` (trailing `=` are padding).
fn value_start(run: &[u8]) -> Option<usize> {
    let body_end = run.len() - run.iter().rev().take_while(|&&b| b == b'=').count();
    memchr::memrchr(b'=', &run[..body_end]).map(|i| i + 1)
}

/// URL-like runs holding a `%XX` escape, found from the escapes outward (so a file full of
/// `%s` format strings costs one `memchr` pass, not a run scan).
pub(super) fn percent_runs(data: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
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
pub(super) fn decode_base64(run: &[u8]) -> Option<Vec<u8>> {
    use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
    let trimmed = run
        .strip_suffix(b"==")
        .or_else(|| run.strip_suffix(b"="))
        .unwrap_or(run);
    if trimmed.contains(&b'=') {
        return None;
    }
    let url_safe = trimmed.iter().any(|&b| b == b'-' || b == b'_');
    let engine = if url_safe {
        &URL_SAFE_NO_PAD
    } else {
        &STANDARD_NO_PAD
    };
    // Text is at most a tenth other bytes. Most long runs in source files (test data,
    // digests, identifiers) decode to binary, so the run's start is decoded first: if it
    // alone holds more other bytes than the whole may, the run is not text, and the rest
    // is never decoded. (Exact: it rejects only what the full check would.)
    let decoded_len = trimmed.len() / 4 * 3 + (trimmed.len() % 4).saturating_sub(1);
    if trimmed.len() > PEEK {
        let mut start = [0u8; PEEK / 4 * 3];
        let n = engine.decode_slice(&trimmed[..PEEK], &mut start).ok()?;
        if binary_bytes(&start[..n]) * 10 > decoded_len {
            return None;
        }
    }
    let decoded = engine.decode(trimmed).ok()?;
    (binary_bytes(&decoded) * 10 <= decoded.len()).then_some(decoded)
}

/// Base64 characters decoded first by [`decode_base64`] (a multiple of 4).
const PEEK: usize = 32;

/// Bytes that are neither printable ASCII nor whitespace.
fn binary_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .filter(|&&b| !(b.is_ascii_graphic() || b.is_ascii_whitespace()))
        .count()
}

fn has_percent_escape(run: &[u8]) -> bool {
    run.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition: every maximal run of table bytes, kept if long enough.
    fn long_runs_by_walking(data: &[u8], min: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < data.len() {
            if !BASE64_BYTES[usize::from(data[at])] {
                at += 1;
                continue;
            }
            let start = at;
            while at < data.len() && BASE64_BYTES[usize::from(data[at])] {
                at += 1;
            }
            if at - start >= min {
                out.push((start, at));
            }
        }
        out
    }

    #[test]
    fn the_skipping_run_finder_agrees_with_a_walk() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for case in 0..3000 {
            let len = (case % 120) as usize;
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    // Mostly run bytes, with separators often enough to cut runs anywhere.
                    let alphabet = b"aZ09+/=_- \n\".";
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            for min in [1, 2, 5, 24] {
                assert_eq!(
                    long_runs(&data, &BASE64_BYTES, min).collect::<Vec<_>>(),
                    long_runs_by_walking(&data, min),
                    "min {min} on {:?}",
                    String::from_utf8_lossy(&data)
                );
            }
        }
    }

    #[test]
    fn the_early_look_rejects_only_what_the_full_check_would() {
        use base64::engine::general_purpose::STANDARD_NO_PAD;
        // A binary header before a long text: the start is mostly binary, the whole is text.
        let mut payload = vec![0u8, 1, 2, 3, 0xfe, 0xff];
        payload.extend(b"x".repeat(200));
        let encoded = STANDARD_NO_PAD.encode(&payload);
        assert_eq!(decode_base64(encoded.as_bytes()), Some(payload));
        // The same header before a short text: not text.
        let mut short = vec![0u8, 1, 2, 3, 0xfe, 0xff];
        short.extend(b"x".repeat(30));
        assert!(decode_base64(STANDARD_NO_PAD.encode(&short).as_bytes()).is_none());
        // Every length and split around the threshold agrees with the plain rule.
        for len in 16..120usize {
            for bad in 0..len / 5 {
                let data: Vec<u8> = (0..len)
                    .map(|i| if i < bad { 0x80 } else { b'a' })
                    .collect();
                let expected = bad * 10 <= len;
                let encoded = STANDARD_NO_PAD.encode(&data);
                assert_eq!(
                    decode_base64(encoded.as_bytes()).is_some(),
                    expected,
                    "len {len}, {bad} binary bytes first"
                );
            }
        }
    }

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
}
