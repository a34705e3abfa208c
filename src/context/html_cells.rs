//! A credential in an HTML table or definition list: a cell that names it, then the cell
//! that gives it (`<td>Password</td><td>v</td>`, `<th>API key</th><td>v</td>`,
//! `<dt>Token</dt><dd>v</dd>`), on one line or the value's cell on the next lines.
//!
//! Setup guides and generated docs (a wiki exported to HTML, a Javadoc page, a README's
//! inline HTML) list demo accounts and keys as table rows; no `=` or `:` ties the name to
//! the value, the row does. The name cell's text, tags set aside, is at most
//! [`MAX_NAME_WORDS`] words, joined as one key (`API_key`); the value cell's text is one
//! word, judged by the shared classifier like any other value.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Most words in a name cell.
const MAX_NAME_WORDS: usize = 3;
/// Most lines below a name cell searched for its value cell.
const MAX_LINES_BELOW: usize = 3;
/// Longest stretch read for the value cell below a name cell.
const MAX_BELOW: usize = 1024;
/// Longest line read.
const MAX_LINE: usize = 4096;

/// Cell elements: a name cell and the cell after it.
const CELLS: &[&[u8]] = &[b"td", b"th", b"dt", b"dd"];

/// One cell's text: its span in the searched bytes, tags inside it set aside at the ends.
struct Cell {
    start: usize,
    end: usize,
}

/// The cells opened in `text`, in order: the text between each `<td ...>` (`th`, `dt`,
/// `dd`) and the next `<` that is no opening inline tag, trimmed.
fn cells(text: &[u8]) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &text[i..]) {
        let lt = i + off;
        i = lt + 1;
        let Some(name_end) = text[lt + 1..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map(|p| lt + 1 + p)
        else {
            break;
        };
        let name = &text[lt + 1..name_end];
        if !CELLS.iter().any(|c| c.eq_ignore_ascii_case(name)) {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &text[name_end..]).map(|p| name_end + p) else {
            break;
        };
        // Inline tags inside the cell (`<td><code>v</code></td>`, `<strong>`) are skipped.
        let mut s = gt + 1;
        loop {
            while s < text.len() && text[s].is_ascii_whitespace() {
                s += 1;
            }
            if text.get(s) == Some(&b'<') && text.get(s + 1).is_some_and(u8::is_ascii_alphabetic) {
                match memchr::memchr(b'>', &text[s..]) {
                    Some(p) => s += p + 1,
                    None => break,
                }
            } else {
                break;
            }
        }
        let e = memchr::memchr(b'<', &text[s..]).map_or(text.len(), |p| s + p);
        let mut e2 = e;
        while e2 > s && text[e2 - 1].is_ascii_whitespace() {
            e2 -= 1;
        }
        out.push(Cell { start: s, end: e2 });
        i = e;
    }
    out
}

/// The key a name cell's text gives (`Password` → `Password`, `API key` → `API_key`),
/// if it names a credential.
fn cell_key(text: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(text).ok()?;
    let words: Vec<&str> = text.trim_end_matches(':').split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    let key = words.join("_");
    names_secret(&key).then_some(key)
}

/// Appends the value cell of each name cell on `line` (at `data[base..]`, ending at
/// `data[line_end]`): the next cell on the line, or the first cell of the few lines below
/// when the name cell ends the line. `first` is the first of `out` this line added.
pub(super) fn candidates(
    data: &[u8],
    line: &[u8],
    base: usize,
    line_start: usize,
    line_end: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if line.len() > MAX_LINE || memchr::memchr(b'<', line).is_none() {
        return;
    }
    let on_line = cells(line);
    for (k, cell) in on_line.iter().enumerate() {
        let Some(key) = cell_key(&line[cell.start..cell.end]) else {
            continue;
        };
        let value = match on_line.get(k + 1) {
            Some(next) => Some((base + next.start, base + next.end)),
            None => below(data, line_end),
        };
        let Some((s, e)) = value else {
            continue;
        };
        let text = &data[s..e];
        if text.is_empty()
            || text.iter().any(u8::is_ascii_whitespace)
            || super::names::already_named(&out[first..], s, e)
        {
            continue;
        }
        out.push(Candidate::bare_word(
            key,
            s,
            e,
            text,
            line_start,
            Origin::Element,
        ));
    }
}

/// The first cell of the lines below `line_end` (at most [`MAX_LINES_BELOW`] lines and
/// [`MAX_BELOW`] bytes), as a span of `data`; none when a line between holds no cell.
fn below(data: &[u8], line_end: usize) -> Option<(usize, usize)> {
    let mut at = line_end + 1;
    for _ in 0..MAX_LINES_BELOW {
        if at >= data.len() {
            return None;
        }
        let reach = (at + MAX_BELOW).min(data.len());
        let end = memchr::memchr(b'\n', &data[at..reach]).map_or(reach, |p| at + p);
        let line = &data[at..end];
        if let Some(cell) = cells(line).first() {
            return Some((at + cell.start, at + cell.end));
        }
        // Only a row's closing and opening tags may stand between (`</tr>`, `<tr>`).
        let t = line.trim_ascii();
        if !t.is_empty() && !t.starts_with(b"<") {
            return None;
        }
        at = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        let data = text.as_bytes();
        let end = memchr::memchr(b'\n', data).unwrap_or(data.len());
        let mut out = Vec::new();
        candidates(data, &data[..end], 0, 0, end, 0, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn a_name_cell_gives_the_next_cell() {
        let v = ["Zq8", "vT3m", "Lw"].concat();
        let row = format!("<tr><td>Password</td><td>{v}</td></tr>");
        assert_eq!(values(&row), [("Password".to_string(), v.clone())]);
        let row = format!("<tr><th>API key</th><td><code>{v}</code></td></tr>");
        assert_eq!(values(&row), [("API_key".to_string(), v.clone())]);
        let rows = format!("<tr>\n  <td>Token</td>\n  <td>{v}</td>\n</tr>");
        let rows = rows.trim_start_matches("<tr>\n");
        assert_eq!(values(rows), [("Token".to_string(), v.clone())]);
        let list = format!("<dl><dt>Secret</dt><dd>{v}</dd></dl>");
        assert_eq!(values(&list), [("Secret".to_string(), v)]);
    }

    #[test]
    fn cells_that_name_no_credential_or_hold_prose_give_nothing() {
        assert!(values("<tr><td>User</td><td>admin</td></tr>").is_empty());
        assert!(values("<tr><td>Password</td><td>the one you chose</td></tr>").is_empty());
        assert!(values("<tr><td>Password</td></tr>\nplain text").is_empty());
        assert!(values("<td>Password</td>").is_empty());
    }
}
