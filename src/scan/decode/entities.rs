//! XML and HTML character references: `&amp;`, `&lt;`, `&quot;`, `&#65;`, `&#x41;`.
//!
//! An XML config writes a password holding `&` or `<` as `&amp;` and `&lt;`; a rule then
//! sees a different secret, or none. The text around each reference (on its line, within
//! [`REACH`] bytes) is decoded, so that an attribute value and the key naming it are
//! decoded together.

/// Bytes of the line on either side of a reference decoded with it.
const REACH: usize = 512;
/// Longest window: references packed along a long line are decoded in windows of about
/// this size, not as one span the length of the line.
const MAX_WINDOW: usize = 8 * 1024;

/// The named references XML defines.
const NAMED: &[(&[u8], u8)] = &[
    (b"amp;", b'&'),
    (b"lt;", b'<'),
    (b"gt;", b'>'),
    (b"quot;", b'"'),
    (b"apos;", b'\''),
];

/// Windows of `data` around character references: each reaches [`REACH`] bytes either side
/// of its references, within their line; overlapping windows are merged, up to
/// [`MAX_WINDOW`].
pub(super) fn entity_windows(data: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut references = memchr::memchr_iter(b'&', data)
        .filter(|&at| reference_at(&data[at..]).is_some())
        .peekable();
    // The line of the last window, kept so that a long line with many windows is searched
    // for its ends once, not once per window.
    let mut line = (0, 0);
    std::iter::from_fn(move || {
        let first = references.next()?;
        if first >= line.1 {
            let start = memchr::memrchr(b'\n', &data[..first]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &data[first..]).map_or(data.len(), |i| first + i);
            line = (start, end);
        }
        let (line_start, line_end) = line;
        let start = first.saturating_sub(REACH).max(line_start);
        let mut end = (first + REACH).min(line_end);
        while let Some(&next) = references.peek() {
            if next >= end || end - start >= MAX_WINDOW {
                break;
            }
            end = (next + REACH).min(line_end);
            references.next();
        }
        Some((start, end))
    })
}

/// The decoded byte (or character) and the length of the reference at the start of `text`.
fn reference_at(text: &[u8]) -> Option<(char, usize)> {
    let rest = text.strip_prefix(b"&")?;
    for (name, byte) in NAMED {
        if rest.starts_with(name) {
            return Some((char::from(*byte), 1 + name.len()));
        }
    }
    let digits = rest.strip_prefix(b"#")?;
    let (radix, digits, prefix) = match digits.strip_prefix(b"x").or(digits.strip_prefix(b"X")) {
        Some(hex) => (16, hex, 2),
        None => (10, digits, 1),
    };
    let len = digits
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    if len == 0 || digits.get(len) != Some(&b';') {
        return None;
    }
    let value = u32::from_str_radix(std::str::from_utf8(&digits[..len]).ok()?, radix).ok()?;
    Some((char::from_u32(value)?, 1 + prefix + len + 1))
}

/// `text` with its character references replaced by what they stand for.
pub(super) fn decode(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if text[at] == b'&' {
            if let Some((c, len)) = reference_at(&text[at..]) {
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                at += len;
                continue;
            }
        }
        out.push(text[at]);
        at += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_and_other_ampersands_kept() {
        assert_eq!(
            decode(b"a&amp;b &lt;c&gt; &quot;d&apos; &#65;&#x42; & &bogus; &#;"),
            b"a&b <c> \"d' AB & &bogus; &#;"
        );
    }

    #[test]
    fn a_long_line_is_cut_into_bounded_windows_that_cover_its_references() {
        let data = "x&amp;".repeat(10_000).into_bytes();
        let windows: Vec<(usize, usize)> = entity_windows(&data).collect();
        assert!(windows.len() > 1);
        assert!(windows
            .iter()
            .all(|&(s, e)| e - s <= MAX_WINDOW + 2 * REACH && e <= data.len()));
        for at in memchr::memchr_iter(b'&', &data) {
            assert!(
                windows.iter().any(|&(s, e)| s <= at && at < e),
                "reference at {at} in no window"
            );
        }
    }

    #[test]
    fn windows_stay_on_the_line_and_merge() {
        let data = b"plain line\n<add value=\"p&amp;w &lt;x\" />\nno refs & here\n";
        let windows: Vec<(usize, usize)> = entity_windows(data).collect();
        assert_eq!(windows.len(), 1);
        let (start, end) = windows[0];
        assert_eq!(&data[start..end], b"<add value=\"p&amp;w &lt;x\" />");
    }
}
