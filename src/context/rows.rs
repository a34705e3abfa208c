//! Values named by their position in a row rather than by a key on their line.
//!
//! Two whole-line formats put a credential in a column: a Markdown table of settings
//! (`| SPECKLE_TOKEN | v |`, `| API_KEY | \`v\` | the key for ... |`), where the row's first
//! cell names what the other cells give, and libpq's password file (`.pgpass`,
//! `host:port:database:user:password`, one connection a line), whose last field is a
//! password. Neither has a `=` or `:` between the name and the value that the lexer could
//! pair. A row yields at most one candidate: the first non-empty cell after the name.

use super::names::names_secret;
use super::{Candidate, Origin};

/// A Markdown table row whose first cell names a credential: its next non-empty cell.
/// Appends it to `out` (`line` starts at `base` in the blob).
pub(super) fn table_row(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    out.extend(table_cell(line, base, line_start));
}

fn table_cell(line: &[u8], base: usize, line_start: usize) -> Option<Candidate> {
    let lead = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let body = &line[lead..];
    if !body.starts_with(b"|") || memchr::memchr_iter(b'|', body).count() < 3 {
        return None;
    }
    let mut cells = Vec::new();
    let mut from = lead + 1;
    for bar in memchr::memchr_iter(b'|', &line[lead + 1..]).map(|i| lead + 1 + i) {
        // `\|` inside a cell is a literal bar.
        if bar > 0 && line[bar - 1] == b'\\' {
            continue;
        }
        cells.push(trim_cell(line, from, bar));
        from = bar + 1;
    }
    let (ks, ke) = *cells.first()?;
    let name = String::from_utf8_lossy(&line[ks..ke]).into_owned();
    if !names_secret(&name) {
        return None;
    }
    let &(vs, ve) = cells[1..].iter().find(|(s, e)| e > s)?;
    let quoted = vs > 0 && line[vs - 1] == b'`';
    let value = String::from_utf8_lossy(&line[vs..ve]).into_owned();
    let mut c = Candidate::literal(
        name,
        base + vs,
        base + ve,
        value,
        line_start,
        Origin::Assignment,
    );
    c.quoted = quoted;
    Some(c)
}

/// The span of a cell's text, without spaces, code backticks and bold marks.
fn trim_cell(line: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    loop {
        while s < e && line[s].is_ascii_whitespace() {
            s += 1;
        }
        while e > s && line[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        let marks = |b: u8| b == b'`' || b == b'*';
        if e - s >= 2 && marks(line[s]) && line[e - 1] == line[s] {
            s += 1;
            e -= 1;
        } else {
            return (s, e);
        }
    }
}

/// A `.pgpass` line, `hostname:port:database:username:password`: its password. The port is
/// digits or `*`; a `\:` inside a field is an escaped colon, not a separator.
/// Appends it to `out` (`line` starts at `base` in the blob).
pub(super) fn pgpass_line(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    out.extend(pgpass_field(line, base, line_start));
}

fn pgpass_field(line: &[u8], base: usize, line_start: usize) -> Option<Candidate> {
    let text = line.trim_ascii_end();
    if text.starts_with(b"#") || text.iter().any(u8::is_ascii_whitespace) {
        return None;
    }
    let colons: Vec<usize> = memchr::memchr_iter(b':', text)
        .filter(|&i| i == 0 || text[i - 1] != b'\\')
        .collect();
    if colons.len() != 4 {
        return None;
    }
    let port = &text[colons[0] + 1..colons[1]];
    if port.is_empty() || !(port == b"*" || port.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let (s, e) = (colons[3] + 1, text.len());
    if s >= e || colons[0] == 0 {
        return None;
    }
    Some(Candidate::bare_word(
        "password".into(),
        base + s,
        base + e,
        &text[s..e],
        line_start,
        Origin::Assignment,
    ))
}
