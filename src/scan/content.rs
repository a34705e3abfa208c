//! Deciding whether bytes are text, and turning UTF-16 text into UTF-8 (SPEC §1).
//!
//! A NUL byte in the first 8 KiB marks a binary file, except UTF-16 text, which is full of
//! NULs and is decoded instead: Windows tools write `.env`, `.ps1` and `.reg` files that way.

use std::borrow::Cow;

const SNIFF: usize = 8 * 1024;

/// What a blob of bytes is, for scanning purposes.
pub enum Content<'a> {
    /// Text to scan (UTF-16 input arrives here decoded to UTF-8).
    Text(Cow<'a, [u8]>),
    /// Binary data: skipped unless `--binary`.
    Binary,
}

/// Classifies `data`: text, decoded UTF-16 text, or binary.
pub fn classify(data: &[u8]) -> Content<'_> {
    let head = &data[..data.len().min(SNIFF)];
    if memchr::memchr(0, head).is_none() {
        return Content::Text(Cow::Borrowed(data));
    }
    match utf16_endianness(head) {
        Some(little) => Content::Text(Cow::Owned(decode_utf16(data, little))),
        None => Content::Binary,
    }
}

/// What a blob is, judged from its first bytes alone (for blobs read piece by piece).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// UTF-16 text; `little` for little-endian.
    Utf16 {
        little: bool,
    },
    Binary,
}

/// [`classify`] without decoding: what `data`'s first 8 KiB say it is.
pub fn kind(data: &[u8]) -> Kind {
    let head = &data[..data.len().min(SNIFF)];
    if memchr::memchr(0, head).is_none() {
        return Kind::Text;
    }
    match utf16_endianness(head) {
        Some(little) => Kind::Utf16 { little },
        None => Kind::Binary,
    }
}

/// `Some(true)` for UTF-16LE, `Some(false)` for UTF-16BE, from a byte-order mark or from
/// the NUL pattern of mostly-ASCII text.
fn utf16_endianness(head: &[u8]) -> Option<bool> {
    match head {
        [0xFF, 0xFE, ..] => return Some(true),
        [0xFE, 0xFF, ..] => return Some(false),
        _ => {}
    }
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_odd = head
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    let zero_even = head
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    // Mostly-ASCII UTF-16: nearly every pair has exactly one NUL, always on the same side.
    if zero_odd * 10 >= pairs * 9 {
        Some(true)
    } else if zero_even * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

/// UTF-16 text (with or without a byte-order mark) as UTF-8; unpaired surrogates become
/// U+FFFD.
pub fn decode_utf16(data: &[u8], little: bool) -> Vec<u8> {
    let body = match data {
        [0xFF, 0xFE, rest @ ..] | [0xFE, 0xFF, rest @ ..] => rest,
        _ => data,
    };
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect::<String>()
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for unit in text.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            classify(b"hello"),
            Content::Text(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn nul_bytes_make_binary() {
        assert!(matches!(
            classify(b"\x7fELF\x00\x01\x02\x00\x00\xff\x13"),
            Content::Binary
        ));
    }

    #[test]
    fn utf16_with_and_without_bom_is_decoded() {
        for bom in [true, false] {
            match classify(&utf16le("TOKEN=abc\r\nNEXT=1", bom)) {
                Content::Text(text) => assert_eq!(&*text, b"TOKEN=abc\r\nNEXT=1"),
                Content::Binary => panic!("UTF-16 was taken for binary"),
            }
        }
    }
}
