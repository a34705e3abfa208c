//! Values named by their position in a row rather than by a key on their line.
//!
//! Two whole-line formats put a credential in a column: a Markdown table of settings
//! (`| SPECKLE_TOKEN | v |`, `| API_KEY | \`v\` | the key for ... |`), where the row's first
//! cell names what the other cells give, and libpq's password file (`.pgpass`,
//! `host:port:database:user:password`, one connection a line), whose last field is a
//! password. Neither has a `=` or `:` between the name and the value that the lexer could
//! pair. A row yields at most one candidate: the first non-empty cell after the name.
//! A table may instead name its columns in its header (`| Role | Username | Password |`):
//! a row's cell in a credential's column is read under the column's name, in every row
//! down to the table's end ([`rows_below_table`]), not only the rows the window below the
//! header's keyword reaches.

use super::names::names_secret;
use super::{Candidate, Origin};

/// A Markdown table row whose first cell names a credential: its next non-empty cell.
/// Appends it to `out` (`line` starts at `base` in the blob).
pub(super) fn table_row(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let first = table_cell(line, base, line_start, Pick::First);
    // A parameter table (a Helm chart's README: `| auth.password | Password for the user |
    // "v" |`) describes the setting in prose before its default: the last cell is the value.
    let last = table_cell(line, base, line_start, Pick::AfterProse);
    // The table helm-docs writes (`| auth.password | string | \`"v"\` | Password for ... |`)
    // puts a type before the default and prose after it: the default is the cell written as
    // code or in quotes.
    let marked = table_cell(line, base, line_start, Pick::Marked);
    let mut picked: Vec<Candidate> = Vec::with_capacity(3);
    for c in [first, last, marked].into_iter().flatten() {
        if !picked.iter().any(|p| (p.start, p.end) == (c.start, c.end)) {
            picked.push(c);
        }
    }
    out.extend(picked);
}

/// Most rows walked up from a row to its table's header.
const MAX_TABLE_ROWS: usize = 32;
/// Most bytes walked up.
const MAX_TABLE_BACK: usize = 4096;

/// The cells of a table row `line`: trimmed spans (a cell's backticks, emphasis or quotes
/// set aside), or none for a line that is no row.
fn row_cells(line: &[u8]) -> Option<Vec<(usize, usize)>> {
    let lead = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if !line[lead..].starts_with(b"|") || memchr::memchr_iter(b'|', &line[lead..]).count() < 3 {
        return None;
    }
    let mut cells = Vec::new();
    let mut from = lead + 1;
    for bar in memchr::memchr_iter(b'|', &line[lead + 1..]).map(|i| lead + 1 + i) {
        if line[bar - 1] == b'\\' {
            continue;
        }
        cells.push(trim_cell(line, from, bar));
        from = bar + 1;
    }
    Some(cells)
}

/// A table's separator row (`|---|:---:|`).
fn is_separator(line: &[u8]) -> bool {
    line.contains(&b'-')
        && line
            .iter()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r'))
}

/// A Markdown table whose header names a credential's column (`| Role | Username |
/// Password |` over `|---|---|---|`, the demo accounts of a README): this row's cell in that
/// column, under the column's name. The row (`line`, at `data[at..]` and `data[base..]`)
/// names nothing itself, so the header is found by walking up the table's rows to the one
/// above its separator (at most [`MAX_TABLE_ROWS`] rows, [`MAX_TABLE_BACK`] bytes). `first`
/// is the first of `out` this line added.
pub(super) fn table_column(
    data: &[u8],
    line: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if is_separator(line) {
        return;
    }
    let Some(cells) = row_cells(line) else {
        return;
    };
    // Up the table: rows, then the separator, then the header.
    let floor = at.saturating_sub(MAX_TABLE_BACK);
    let mut end = at;
    let mut header: Option<&[u8]> = None;
    for _ in 0..MAX_TABLE_ROWS {
        if end <= floor {
            return;
        }
        let above_end = end - 1; // the newline ending the line above
        let above_start =
            memchr::memrchr(b'\n', &data[floor..above_end]).map_or(floor, |i| floor + i + 1);
        let above = &data[above_start..above_end];
        if row_cells(above).is_none() && !is_separator(above) {
            return;
        }
        if is_separator(above) {
            // The header must start above the separator, inside the bytes walked.
            if above_start <= floor {
                return;
            }
            let h_end = above_start - 1;
            let h_start =
                memchr::memrchr(b'\n', &data[floor..h_end]).map_or(floor, |i| floor + i + 1);
            header = Some(&data[h_start..h_end]);
            break;
        }
        end = above_start;
    }
    let Some(header) = header else {
        return;
    };
    let Some(names) = row_cells(header) else {
        return;
    };
    push_column_cells(header, &names, &cells, line, base, line_start, first, out);
}

/// Each cell of a row (`cells` of `line`, which starts at `base` in the blob) in a column
/// whose name in `header` (its cells `names`) names a credential, as a candidate under that
/// name; not a span another extractor already named (`out[first..]`).
#[allow(clippy::too_many_arguments)]
fn push_column_cells(
    header: &[u8],
    names: &[(usize, usize)],
    cells: &[(usize, usize)],
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for (k, &(hs, he)) in names.iter().enumerate() {
        let name = String::from_utf8_lossy(&header[hs..he]);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > 3 {
            continue;
        }
        let key = words.join("_");
        if !names_secret(&key) {
            continue;
        }
        let Some(&(s, e)) = cells.get(k) else {
            continue;
        };
        let value = &line[s..e];
        if value.is_empty() || value.iter().any(u8::is_ascii_whitespace) {
            continue;
        }
        if super::names::already_named(&out[first..], base + s, base + e) {
            continue;
        }
        out.push(Candidate::bare_word(
            key,
            base + s,
            base + e,
            value,
            line_start,
            Origin::Assignment,
        ));
    }
}

/// The rows of a Markdown table past the ones the engine's window reads below its
/// header, read to the table's end: each cell in a credential's column ([`table_column`]'s
/// reading, the header known). `at` is a keyword's window start on the header line (or the
/// newline before it); the window reads `window_lines` lines below that line within
/// `window_bytes` bytes of `at`, and those rows are not read again. A long table of demo
/// accounts would otherwise be read only to its eighth line while the file was reported
/// clean.
pub(super) fn rows_below_table(
    data: &[u8],
    at: usize,
    window_lines: usize,
    window_bytes: usize,
    out: &mut Vec<Candidate>,
) {
    if at >= data.len() {
        return;
    }
    let start = if data[at] == b'\n' {
        at + 1
    } else {
        memchr::memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1)
    };
    let line_end =
        |from: usize| memchr::memchr(b'\n', &data[from..]).map_or(data.len(), |i| from + i);
    let header_end = line_end(start);
    if header_end >= data.len() {
        return;
    }
    let header = &data[start..header_end];
    let Some(names) = row_cells(header) else {
        return;
    };
    let separator_end = line_end(header_end + 1);
    if !is_separator(data[header_end + 1..separator_end].trim_ascii()) {
        return;
    }
    // The header's line is the window's first; the separator its second.
    let mut read = 1;
    let mut row_start = separator_end + 1;
    while row_start < data.len() {
        let row_end = line_end(row_start);
        let line = &data[row_start..row_end];
        read += 1;
        let Some(cells) = row_cells(line) else {
            return;
        };
        let in_window = read <= window_lines && row_end <= at + window_bytes;
        if !in_window && !is_separator(line) {
            let first = out.len();
            push_column_cells(
                header, &names, &cells, line, row_start, row_start, first, out,
            );
        }
        row_start = row_end + 1;
    }
}

/// Most lines walked up from a headless table's row to the heading above it.
const MAX_HEADING_LINES: usize = 10;

/// A Markdown table with no header row (`| admin | v |`, no `|---|` separator above it)
/// under a heading that names a credential (`## Default passwords`, `### Credentials`):
/// setup guides list accounts so. The row's first cell is the account; each later cell of
/// one word is read under the heading's credential name (`password` for a heading that
/// names passwords), and the classifier judges it (words, placeholders and paths drop).
/// The heading is found by walking up the table's rows and blank lines (at most
/// [`MAX_HEADING_LINES`] lines, [`MAX_TABLE_BACK`] bytes); a table with a header row is
/// [`table_column`]'s.
pub(super) fn headless_row(
    data: &[u8],
    line: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if is_separator(line) {
        return;
    }
    let Some(cells) = row_cells(line) else {
        return;
    };
    // Two or three cells: an account and its password (and a note).
    if !(2..=3).contains(&cells.len()) {
        return;
    }
    let floor = at.saturating_sub(MAX_TABLE_BACK);
    let mut end = at;
    let mut key = None;
    for _ in 0..MAX_HEADING_LINES {
        if end <= floor {
            return;
        }
        let above_end = end - 1;
        let above_start =
            memchr::memrchr(b'\n', &data[floor..above_end]).map_or(floor, |i| floor + i + 1);
        let above = data[above_start..above_end].trim_ascii();
        if is_separator(above) {
            return;
        }
        if above.starts_with(b"#") {
            key = heading_credential(above);
            break;
        }
        if !above.is_empty() && row_cells(above).is_none() {
            return;
        }
        end = above_start;
    }
    let Some(key) = key else {
        return;
    };
    for &(s, e) in &cells[1..] {
        let value = &line[s..e];
        if value.is_empty()
            || value.iter().any(u8::is_ascii_whitespace)
            || super::names::already_named(&out[first..], base + s, base + e)
        {
            continue;
        }
        out.push(Candidate::bare_word(
            key.clone(),
            base + s,
            base + e,
            value,
            line_start,
            Origin::Assignment,
        ));
    }
}

/// The credential a Markdown heading names (`## Default passwords` → `password`, `###
/// API tokens` → `token`), as a key the rules read: the heading's first word that names a
/// secret, without a plural `s`.
fn heading_credential(heading: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(heading).ok()?;
    let words: Vec<&str> = text
        .trim_start_matches('#')
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    words.iter().find_map(|w| {
        let lower = w.to_ascii_lowercase();
        let one = lower.strip_suffix('s').unwrap_or(&lower);
        // A table of accounts under `Credentials` or `Logins` gives their passwords.
        if matches!(one, "credential" | "login" | "account") {
            return Some("password".to_string());
        }
        (names_secret(one) && one != "key").then(|| one.to_string())
    })
}

/// Whether `data[at]` is the newline before a Markdown heading (a line starting `#`, then a
/// space) that names a credential (ending by `cap`): the lines below it are read with it,
/// for a table of accounts without a header row ([`headless_row`]).
pub(super) fn keyword_line_is_heading(data: &[u8], at: usize, cap: usize) -> bool {
    // The window of a keyword on the blob's first line starts at the blob's start.
    let start = match data.get(at) {
        Some(b'\n') => at + 1,
        Some(_) if at == 0 => 0,
        _ => return false,
    };
    let cap = cap.min(data.len()).max(start);
    let end = memchr::memchr(b'\n', &data[start..cap]).map_or(cap, |i| start + i);
    let line = data[start..end].trim_ascii();
    let hashes = line.iter().take_while(|b| **b == b'#').count();
    (1..=6).contains(&hashes)
        && line.get(hashes) == Some(&b' ')
        && heading_credential(line).is_some()
}

/// Whether `data[at]` is the newline before a line (ending by `cap`) that heads a Markdown
/// table: a row, then a separator row. Its rows below are read with it (a credential's
/// column, [`table_column`]); a table's header is rare, so this costs one byte's look on
/// every other keyword line.
pub(super) fn keyword_line_heads_table(data: &[u8], at: usize, cap: usize) -> bool {
    if data.get(at) != Some(&b'\n') {
        return false;
    }
    let start = at + 1;
    let lead = data[start..cap.min(data.len()).max(start)]
        .iter()
        .take_while(|b| *b == &b' ' || *b == &b'\t')
        .count();
    if data.get(start + lead) != Some(&b'|') {
        return false;
    }
    let cap = cap.min(data.len());
    let Some(end) = memchr::memchr(b'\n', &data[start..cap]).map(|i| start + i) else {
        return false;
    };
    let next_end = memchr::memchr(b'\n', &data[end + 1..cap]).map_or(cap, |i| end + 1 + i);
    row_cells(&data[start..end]).is_some() && is_separator(data[end + 1..next_end].trim_ascii())
}

/// Which cell of a row [`table_cell`] reads as the value.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    /// The first non-empty cell after the name.
    First,
    /// The last cell, when the first after the name is prose.
    AfterProse,
    /// The first cell after the name written as code or quoted (`` `"v"` ``, `"v"`).
    Marked,
}

fn table_cell(line: &[u8], base: usize, line_start: usize, pick: Pick) -> Option<Candidate> {
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
    // A name of a few words (`| API key | v |`) is read with its words joined.
    let name = String::from_utf8_lossy(&line[ks..ke]).into_owned();
    let name = if name.split_whitespace().count() <= 3 {
        name.split_whitespace().collect::<Vec<_>>().join("_")
    } else {
        name
    };
    if !names_secret(&name) {
        return None;
    }
    let mut filled = cells[1..].iter().filter(|(s, e)| e > s);
    let &(vs, ve) = match pick {
        Pick::AfterProse => {
            // Only after a cell of prose (words and spaces), and only a cell other than it.
            let &(ds, de) = filled.next()?;
            let described = line[ds..de].contains(&b' ');
            let &(vs, ve) = filled.next_back()?;
            if !described {
                return None;
            }
            &(vs, ve)
        }
        Pick::Marked => filled.find(|&&(vs, _)| matches!(line[vs - 1], b'`' | b'"'))?,
        Pick::First => filled.next()?,
    };
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
        let marks = |b: u8| b == b'`' || b == b'*' || b == b'"';
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

/// Key of a PgBouncer `auth_file` entry's password: no credential word, so that only the
/// rule anchor on the file's path (`userlist.txt`) takes it, not every `"a" "b"` line
/// (Valve's KeyValues files are written so too).
pub const PGBOUNCER_USERLIST_KEY: &str = "pgbouncer-userlist";

/// Key of a Postfix `sasl_passwd` map entry's password, for the same reason.
pub const POSTFIX_SASL_MAP_KEY: &str = "postfix-sasl-map";

/// A PgBouncer `auth_file` line `"user" "password"` (www.pgbouncer.org/config.html,
/// `auth_file`): the second string, unless it is an `md5` or SCRAM hash.
pub(super) fn userlist_line(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let text = line.trim_ascii();
    let lead = line.len() - line.trim_ascii_start().len();
    if text.len() < 5 || text[0] != b'"' || text[text.len() - 1] != b'"' {
        return;
    }
    let Some(close) = memchr::memchr(b'"', &text[1..]).map(|i| i + 1) else {
        return;
    };
    let rest = &text[close + 1..];
    let gap = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    if gap == 0 || rest.get(gap) != Some(&b'"') {
        return;
    }
    let (s, e) = (close + 1 + gap + 1, text.len() - 1);
    let value = &text[s..e];
    if value.is_empty()
        || value.contains(&b'"')
        || value.starts_with(b"md5")
        || value.starts_with(b"SCRAM-SHA-256$")
    {
        return;
    }
    out.push(Candidate::bare_word(
        PGBOUNCER_USERLIST_KEY.into(),
        base + lead + s,
        base + lead + e,
        value,
        line_start,
        Origin::Assignment,
    ));
}

/// A Postfix SASL password map line `[relay]:port user:password`
/// (www.postfix.org/SASL_README.html, `smtp_sasl_password_maps`): the text after the
/// second word's first `:`.
pub(super) fn sasl_map_line(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let text = line.trim_ascii_end();
    if text.is_empty() || matches!(text[0], b'#' | b' ' | b'\t') {
        return;
    }
    let Some(space) = text.iter().position(u8::is_ascii_whitespace) else {
        return;
    };
    let gap = text[space..]
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    let second = space + gap;
    if text[second..].iter().any(u8::is_ascii_whitespace) || text[..space].contains(&b'=') {
        return;
    }
    let Some(colon) = memchr::memchr(b':', &text[second..]).map(|c| second + c) else {
        return;
    };
    if colon + 1 >= text.len() || colon == second {
        return;
    }
    out.push(Candidate::bare_word(
        POSTFIX_SASL_MAP_KEY.into(),
        base + colon + 1,
        base + text.len(),
        &text[colon + 1..],
        line_start,
        Origin::Assignment,
    ));
}

#[cfg(test)]
mod table_column_tests {
    use super::table_column;

    /// Every line of random tables, read as a row, is read without a panic, whatever the
    /// walk up meets (a separator on the first line, a header cut by the byte bound, `\r`);
    /// and so are the rows below it read as a table's.
    /// A separator line longer than the walk's byte bound: the walk stops inside it.
    #[test]
    fn a_separator_cut_by_the_byte_bound_gives_no_header() {
        let mut data = b"|".to_vec();
        data.extend(std::iter::repeat_n(b'-', 5000));
        data.extend_from_slice(b"\n| a | b | c |\n");
        let at = data.len() - b"| a | b | c |\n".len();
        let mut out = Vec::new();
        table_column(&data, &data[at..data.len() - 1], at, at, at, 0, &mut out);
        assert!(out.is_empty());
    }

    /// A Markdown table of demo accounts: `rows` rows of guests, then `last`.
    fn accounts(rows: usize, last: &str) -> String {
        let mut text =
            String::from("## Demo accounts\n\n| Role | Username | Password |\n|---|---|---|\n");
        for i in 0..rows {
            text.push_str(&format!("| Guest | guest{i} | |\n"));
        }
        text.push_str(last);
        text
    }

    #[test]
    fn a_table_is_read_to_its_last_row() {
        use crate::context::tests::reported;
        let v = ["Qz7", "kP2", "mW9", "xL4", "vR8"].concat();
        // The 31st row, far past the lines read below the header's keyword.
        let text = accounts(30, &format!("| Admin | admin | {v} |\n"));
        let got = reported("README.md", &text);
        assert!(got.iter().any(|(_, s)| *s == v), "{got:?}");
        // Every row is read once: the value of a row inside the window is reported once.
        let near = accounts(2, &format!("| Admin | admin | {v} |\n"));
        let got = reported("README.md", &near);
        assert_eq!(got.iter().filter(|(_, s)| *s == v).count(), 1, "{got:?}");
        // The table ends at a line that is no row: a later headless table is not read
        // under its columns.
        let ended = accounts(
            30,
            &format!("\nSee also:\n\n| Admin | admin | {v} |\n| x | y | z |\n"),
        );
        let got = reported("README.md", &ended);
        assert!(!got.iter().any(|(_, s)| *s == v), "{got:?}");
    }

    #[test]
    fn any_line_of_random_tables_is_read_without_panic() {
        let mut rng = crate::context::test_lines::XorShift(0x7ab1_e5c0_1d00_0b1e);
        for _ in 0..300 {
            let data = crate::context::test_lines::random_lines(
                &mut rng,
                6_000,
                [8, 60, 300],
                b"|||--- :a\r",
            );
            let mut at = 0;
            while at < data.len() {
                let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i);
                let mut out = Vec::new();
                table_column(&data, &data[at..end], at, at, at, 0, &mut out);
                assert!(out.iter().all(|c| c.start >= at && c.end <= end));
                // The rows below a window starting on this line, or on the newline before
                // it, lie inside the blob.
                for start in [at, at.saturating_sub(1)] {
                    let mut below = Vec::new();
                    super::rows_below_table(&data, start, 8, 8192, &mut below);
                    assert!(below
                        .iter()
                        .all(|c| c.start <= c.end && c.end <= data.len()));
                }
                at = end + 1;
            }
        }
    }
}
