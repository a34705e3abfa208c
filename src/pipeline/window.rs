//! Large blobs in bounded memory: the scanner sees overlapping windows, and each match is
//! kept by the one window that owns its start.
//!
//! A window owns [`STEP`] bytes of text and also sees [`OVERLAP`] bytes on each side, so a
//! match no longer than `OVERLAP` (whole regex match, context included) that starts in the
//! owned part lies entirely inside the window. `OVERLAP` is larger than anything a rule can
//! match: the prefilter runs a rule's regex only on a region of at most
//! [`crate::scan::prefilter::MAX_REGION`] bytes around a keyword, and decoders read at
//! most [`crate::scan::decode::MAX_BASE64`] bytes of one encoded value (the `overlap_bounds`
//! test holds the constants to that). Line numbers count the newlines before each window,
//! and a column on a window's first line counts from the real start of that line, so
//! findings read exactly as if the blob had been scanned whole.
//!
//! Text arrives through a `fill` callback that appends to the window buffer, so a 2 GB file
//! read from disk holds at most `STEP + 2 × OVERLAP` bytes of text (plus one read chunk) at
//! a time; blobs already in memory are scanned whole when they fit in one window.

use crate::scan::{Match, Scanner};

/// Text each window owns.
pub const STEP: usize = 8 * 1024 * 1024;
/// Text each window also sees on each side of what it owns.
pub const OVERLAP: usize = 256 * 1024;
/// Text up to this size is scanned in one piece.
pub const WHOLE: usize = STEP + 2 * OVERLAP;

// Longer than the widest region a regex runs on, and than one decoded value.
const _: () = assert!(
    OVERLAP > crate::scan::prefilter::MAX_REGION
        && OVERLAP > crate::scan::decode::MAX_BASE64
        && STEP > OVERLAP
);

/// Scans text held in memory: whole if it fits one window, else window by window (without
/// copying more than one window at a time). Match offsets are into `text`.
pub fn scan_slice(scanner: &Scanner, path: Option<&str>, text: &[u8]) -> Vec<Match> {
    if text.len() <= WHOLE {
        return scanner.scan(path, text);
    }
    let mut at = 0;
    scan_stream(scanner, path, |buf| {
        let end = (at + STEP).min(text.len());
        buf.extend_from_slice(&text[at..end]);
        at = end;
        Ok(at < text.len())
    })
    .expect("reading from memory cannot fail")
}

/// Scans text that `fill` appends to a buffer, a piece per call; `fill` returns whether
/// more may follow. Match offsets are into the whole text.
pub fn scan_stream<F>(
    scanner: &Scanner,
    path: Option<&str>,
    mut fill: F,
) -> std::io::Result<Vec<Match>>
where
    F: FnMut(&mut Vec<u8>) -> std::io::Result<bool>,
{
    let mut found = Vec::new();
    let mut buf: Vec<u8> = Vec::new();
    // Offset in the whole text of `buf[0]`, and what is known of the text before it.
    let mut buf_start = 0usize;
    let mut lines_before = 0usize;
    let mut line_start = 0usize;
    let mut more = true;
    let mut own = 0usize;
    loop {
        while more && buf_start + buf.len() < own + STEP + OVERLAP {
            more = fill(&mut buf)?;
        }
        let end = buf_start + buf.len();
        let last = !more && end <= own + STEP + OVERLAP;
        let window_end = if last { end } else { own + STEP + OVERLAP };
        let window = &buf[..window_end - buf_start];
        let keep_end = if last { usize::MAX } else { own + STEP };
        let column_base = buf_start - line_start;
        for mut m in scanner.scan(path, window) {
            let start = buf_start + m.start;
            if start < own || start >= keep_end {
                continue;
            }
            if m.line == 1 {
                m.column += column_base;
            }
            m.line += lines_before;
            m.start = start;
            m.end += buf_start;
            found.push(m);
        }
        if last {
            return Ok(found);
        }
        own += STEP;
        let drop = own - OVERLAP - buf_start;
        let dropped = &buf[..drop];
        lines_before += memchr::memchr_iter(b'\n', dropped).count();
        if let Some(i) = memchr::memrchr(b'\n', dropped) {
            line_start = buf_start + i + 1;
        }
        buf.drain(..drop);
        buf_start += drop;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// A GitHub token with a valid checksum, built here so none is committed.
    fn token() -> String {
        let body = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1";
        format!(
            "ghp_{body}{}",
            crate::scan::checksum::base62_crc32(body.as_bytes())
        )
    }

    /// A text of `lines` lines of filler with a token at byte `at` (on its own line).
    fn text_with_token_at(at: usize) -> (Vec<u8>, usize, usize) {
        let mut text = Vec::new();
        let mut line = 1;
        while text.len() + 80 < at {
            text.extend_from_slice(b"filler text that holds nothing secret at all, just words\n");
            line += 1;
        }
        text.resize(at, b'x');
        let column = at - text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        text.extend_from_slice(format!(" GITHUB_TOKEN={}\n", token()).as_bytes());
        text.extend_from_slice(&vec![b'y'; STEP]);
        (text, line, column + " GITHUB_TOKEN=".len())
    }

    #[test]
    fn a_token_across_a_window_edge_is_found_once_at_its_line() {
        let scanner = Scanner::new(RuleSet::builtin().unwrap());
        // Just before the first window's edge (found in the overlap), and in the second
        // window's overlap with the first (found by the second alone).
        for at in [STEP - 10, STEP + OVERLAP - 3] {
            let (text, line, column) = text_with_token_at(at);
            let windowed = scan_slice(&scanner, None, &text);
            assert_eq!(windowed.len(), 1, "at {at}: {windowed:?}");
            let found = &windowed[0];
            assert_eq!((found.line, found.column), (line, column), "at {at}");
            assert_eq!(found.start, at + " GITHUB_TOKEN=".len(), "at {at}");
        }
    }
}
