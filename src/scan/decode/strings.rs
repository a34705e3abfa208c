//! String literals with escapes: JSON and YAML double-quoted strings, and the
//! one-string-per-line arrays in which notebooks store a cell's source.
//!
//! Only strings whose escapes can hide something are undone: `\u0041`, `\x41` and `\/`
//! hide a token's characters; `\"` hides the quotes of an assignment (`"AWS_SECRET =
//! \"...\"\n"` in a notebook cell, a JSON-encoded config, a string in a minified bundle);
//! `\\` hides a second level of escapes; and a `\n` inside a string folds several lines
//! into one (a key block, or a config file, stored as one JSON value), which rules that read
//! a block or a keyword on the line above need unfolded. A `\n` that only ends a string
//! (`printf("done\n")`) hides nothing, so such strings are left alone, and most files have
//! none of the others.

/// Longest run of string-per-line text joined into one span; a longer run (a notebook
/// cell's pages of output) is joined in pieces of about this size.
const MAX_JOINED: usize = 64 * 1024;

/// Shortest string whose only escapes are inner `\n`s worth unfolding: two lines that
/// together hold a keyword and a token are longer than this.
const MIN_FOLDED: usize = 24;

/// Escaped strings worth undoing in `data` (see the module doc): the first `limit` of them.
pub(super) fn strings_worth_unescaping(data: &[u8], limit: usize) -> Vec<(usize, usize)> {
    let any_escape = [&b"\\u"[..], b"\\x", b"\\/", b"\\\"", b"\\\\", b"\\n"]
        .iter()
        .any(|needle| memchr::memmem::find(data, needle).is_some());
    if !any_escape {
        return Vec::new();
    }
    quoted_strings_with_escapes(data, limit, worth_unescaping)
}

/// Whether a string's body holds an escape that can hide something.
fn worth_unescaping(body: &[u8]) -> bool {
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\\', &body[at..]) {
        let slash = at + found;
        match body.get(slash + 1) {
            Some(b'u' | b'x' | b'/' | b'"' | b'\\') => return true,
            Some(b'n') if slash + 2 < body.len() && body.len() >= MIN_FOLDED => return true,
            _ => {}
        }
        at = slash + 2;
    }
    false
}

/// Runs of two or more consecutive lines that each hold one string and nothing else (but
/// indentation and a comma), at least one of them ending in `\n`: a notebook cell's
/// `"source"` array, or any text stored a line per string. Each run is the list of its
/// strings' bodies, to be unescaped and joined back into the text they split. At most
/// `limit` runs.
pub(super) fn string_per_line_runs(data: &[u8], limit: usize) -> Vec<Vec<(usize, usize)>> {
    if memchr::memmem::find(data, b"\\n\",").is_none() {
        return Vec::new();
    }
    let mut runs = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    while line_start < data.len() && runs.len() < limit {
        let line_end =
            memchr::memchr(b'\n', &data[line_start..]).map_or(data.len(), |i| line_start + i);
        match lone_string(data, line_start, line_end) {
            Some(body) => {
                if current
                    .first()
                    .is_some_and(|first| body.1 - first.0 > MAX_JOINED)
                {
                    close_run(&mut current, &mut runs, data);
                }
                current.push(body);
            }
            None => close_run(&mut current, &mut runs, data),
        }
        line_start = line_end + 1;
    }
    close_run(&mut current, &mut runs, data);
    runs.truncate(limit);
    runs
}

/// Ends the run being gathered, keeping it if it joins lines.
fn close_run(current: &mut Vec<(usize, usize)>, runs: &mut Vec<Vec<(usize, usize)>>, data: &[u8]) {
    let joins_lines = current.len() >= 2
        && current[..current.len() - 1]
            .iter()
            .any(|&(start, end)| data[start..end].ends_with(b"\\n"));
    if joins_lines {
        runs.push(std::mem::take(current));
    } else {
        current.clear();
    }
}

/// The body of the string that is the only thing on the line `data[start..end]`
/// (`    "text\n",`), if it is.
fn lone_string(data: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let line = &data[start..end];
    let open = line.iter().position(|&b| b != b' ' && b != b'\t')?;
    if line[open] != b'"' {
        return None;
    }
    let close = closing_quote(line, open + 1)?;
    let rest = &line[close + 1..];
    let rest = rest.strip_prefix(b",").unwrap_or(rest);
    rest.iter()
        .all(|b| b.is_ascii_whitespace())
        .then_some((start + open + 1, start + close))
}

/// Index of the unescaped `"` that closes a string whose body starts at `from`, on the same
/// line.
fn closing_quote(data: &[u8], from: usize) -> Option<usize> {
    let (end, _) = string_end(data, from);
    (data.get(end) == Some(&b'"')).then_some(end)
}

/// Where a `"` string whose body starts at `from` stops: the index of its closing quote, of
/// the newline that cuts it, or `data.len()`; and whether its body holds a backslash. The
/// byte after a backslash is part of the body whatever it is, but for a newline, which
/// still ends the line. `memchr3` jumps from one of the three bytes that matter to the
/// next (it was a loop over every byte of every string).
fn string_end(data: &[u8], from: usize) -> (usize, bool) {
    let mut at = from;
    let mut has_escape = false;
    while let Some(i) = memchr::memchr3(b'"', b'\\', b'\n', data.get(at..).unwrap_or(&[])) {
        let found = at + i;
        if data[found] != b'\\' {
            return (found, has_escape);
        }
        has_escape = true;
        at = match data.get(found + 1) {
            Some(b'\n') | None => found + 1,
            Some(_) => found + 2,
        };
    }
    (data.len(), has_escape)
}

/// Contents of `"..."` strings on one line whose body `worth` accepts: the first `limit` of
/// them (a file of a million escaped strings costs no more memory than the budget).
fn quoted_strings_with_escapes(
    data: &[u8],
    limit: usize,
    worth: impl Fn(&[u8]) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < limit {
        let Some(open) = memchr::memchr(b'"', &data[at..]).map(|i| at + i) else {
            break;
        };
        let (end, has_escape) = string_end(data, open + 1);
        if end >= data.len() || data[end] != b'"' {
            at = end.max(open + 1);
            continue;
        }
        if has_escape && worth(&data[open + 1..end]) {
            out.push((open + 1, end));
        }
        at = end + 1;
    }
    out
}

/// JSON / YAML double-quoted escapes: `\uXXXX`, `\xXX`, `\n`, `\/`, `\"` and friends.
pub(super) fn unescape(text: &[u8]) -> Option<Vec<u8>> {
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

    /// The byte-by-byte loop `string_end` replaced, kept as the oracle.
    fn string_end_bytewise(data: &[u8], from: usize) -> (usize, bool) {
        let mut end = from;
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
        (end, has_escape)
    }

    #[test]
    fn string_end_agrees_with_a_walk_over_every_byte() {
        let alphabet = b"ab\\\"\n ";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut next = || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let len = (next() % 16) as usize;
            let data: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            for from in 0..=len {
                assert_eq!(
                    string_end(&data, from),
                    string_end_bytewise(&data, from),
                    "{:?} from {from}",
                    String::from_utf8_lossy(&data)
                );
            }
        }
    }

    #[test]
    fn escapes_are_undone() {
        assert_eq!(unescape(br"a\u0062c\/d\x65").unwrap(), b"abc/de");
    }

    #[test]
    fn quoted_strings_are_found_per_line() {
        let data = br#"{"a": "plain", "b": "with\u0020escape"}"#;
        let spans = strings_worth_unescaping(data, 10);
        assert_eq!(spans.len(), 1);
        assert_eq!(&data[spans[0].0..spans[0].1], br"with\u0020escape");
    }

    #[test]
    fn only_strings_whose_escapes_can_hide_something_are_undone() {
        let data = br#"printf("done\n"); x = "a\tb"; cfg = "key: one\npassword: two words\n";"#;
        let spans: Vec<&[u8]> = strings_worth_unescaping(data, 10)
            .into_iter()
            .map(|(s, e)| &data[s..e])
            .collect();
        assert_eq!(spans, vec![&br"key: one\npassword: two words\n"[..]]);
    }

    #[test]
    fn a_notebook_cell_is_one_run_of_lines() {
        let cell = b"   \"source\": [\n    \"import os\\n\",\n    \"x = \\\"a\\\"\\n\",\n    \"run()\"\n   ]\n";
        let runs = string_per_line_runs(cell, 10);
        assert_eq!(runs.len(), 1);
        let bodies: Vec<&[u8]> = runs[0].iter().map(|&(s, e)| &cell[s..e]).collect();
        assert_eq!(
            bodies,
            vec![&b"import os\\n"[..], b"x = \\\"a\\\"\\n", b"run()"]
        );
        assert!(string_per_line_runs(b"[\n  \"a\",\n  \"b\"\n]\n", 10).is_empty());
    }
}
