//! Credentials in delimited rows (CSV, TSV, `;`-separated exports): a settings export of
//! `name,value` pairs (`api_key,v`, `"ZENDESK_TOKEN","v"`), and a table whose header names
//! a credential's column (`name,api_key` over `prod,v`, a credentials report downloaded
//! from a console, a fixture of service accounts).
//!
//! Neither has a `=` or `:` between the name and the value that the lexer could pair: the
//! name is the row's first field, or the header's field in the value's column. A pair row
//! gives its second field under its first; a row below a header gives each of its one-word
//! cells under its column's name. The names are not judged here: as with `NAME=value`, the
//! rules say which names they take (a provider's setting name need not hold a credential
//! word: `X_HONEYCOMB_TEAM`, `CLARIFAI_PAT`), and the shared classifier whether a cell is a
//! literal secret. The header is found
//! by walking up the rows of the same width, at most [`MAX_ROWS_UP`] of them (the engine
//! reads that many lines below a keyword line that heads columns,
//! [`keyword_line_heads_columns`]); the rows further down a table headed by a keyword line
//! are read from the header down ([`rows_below_header`]), so a long export is read to its
//! last row.
//!
//! Only blobs of no known syntax ([`Kind::Unknown`]: `.csv` and `.tsv` files among them)
//! are read so, and only fields written as one word or quoted: prose with commas has words
//! and spaces where a row has a value.

use super::kind::Kind;
use super::{Candidate, Origin};

/// Most rows walked up from a row to its header: the lines the engine reads below a
/// keyword line (`LINES_AFTER` in the module above).
const MAX_ROWS_UP: usize = 8;
/// Most bytes walked up.
const MAX_BACK: usize = 4096;
/// Longest line read as a row.
const MAX_ROW: usize = 2048;
/// Longest field read as a name.
const MAX_NAME: usize = 64;

/// A field of a row: its content's span in the line (quotes set aside) and whether it was
/// quoted.
#[derive(Clone, Copy, Debug)]
struct Field {
    start: usize,
    end: usize,
    quoted: bool,
}

/// The delimiter of a row: the most frequent of `,`, tab and `;` outside quotes, or none.
fn delimiter(line: &[u8]) -> Option<u8> {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i))?;
    (counts[best] > 0).then_some([b',', b'\t', b';'][best])
}

/// The fields of `line` split at `delim` (a field's blanks and one pair of double quotes
/// set aside; `""` inside a quoted field is a quote), or none for a line that is no row: a
/// quote left open, text after a closing quote, an over-long line.
fn fields(line: &[u8], delim: u8) -> Option<Vec<Field>> {
    if line.len() > MAX_ROW {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        while at < line.len() && line[at] != delim && line[at].is_ascii_whitespace() {
            at += 1;
        }
        if line.get(at) == Some(&b'"') {
            let start = at + 1;
            let mut i = start;
            let end = loop {
                match memchr::memchr(b'"', &line[i..]) {
                    None => return None,
                    Some(q) if line.get(i + q + 1) == Some(&b'"') => i += q + 2,
                    Some(q) => break i + q,
                }
            };
            out.push(Field {
                start,
                end,
                quoted: true,
            });
            at = end + 1;
            while at < line.len() && line[at] != delim && line[at].is_ascii_whitespace() {
                at += 1;
            }
            match line.get(at) {
                None => return Some(out),
                Some(&b) if b == delim => at += 1,
                Some(_) => return None,
            }
        } else {
            let end = memchr::memchr(delim, &line[at..]).map_or(line.len(), |i| at + i);
            let mut e = end;
            while e > at && line[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            out.push(Field {
                start: at,
                end: e,
                quoted: false,
            });
            if end == line.len() {
                return Some(out);
            }
            at = end + 1;
        }
    }
}

/// Whether `text` is a column or setting name: letters, digits, `_ - .`, starting with a
/// letter or a digit (`1passwordToken`) and holding a letter (not a date or a number). In
/// a header (`spaces`), a name of up to three words that starts with a capital (`API Key`,
/// `Access key ID`): a header's title, not a sentence's clause (`token, once issued, ...`).
fn is_name(text: &[u8], spaces: bool) -> bool {
    let words = text.split(|&b| b == b' ').count();
    !text.is_empty()
        && text.len() <= MAX_NAME
        && text[0].is_ascii_alphanumeric()
        && text.iter().any(u8::is_ascii_alphabetic)
        && text.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || (spaces && b == b' ')
        })
        && (words == 1 || (words <= 3 && text[0].is_ascii_uppercase()))
        && !text.windows(2).any(|w| w == b"  ")
}

/// A column name as a key: its words joined by `_`.
fn key_of(text: &[u8]) -> String {
    String::from_utf8_lossy(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

/// Whether `text` is a value a row may give: not empty, and one word unless quoted.
fn is_value(line: &[u8], f: Field) -> bool {
    f.end > f.start && (f.quoted || !line[f.start..f.end].iter().any(u8::is_ascii_whitespace))
}

/// The header fields of `line`, when it heads columns: two or more fields (a trailing
/// empty one aside), every one a name.
fn header(line: &[u8]) -> Option<(u8, Vec<Field>)> {
    let delim = delimiter(line)?;
    let fs = fields(line, delim)?;
    let names = fs.len() - usize::from(fs.last().is_some_and(|f| f.end == f.start));
    (names >= 2
        && fs[..names]
            .iter()
            .all(|f| is_name(&line[f.start..f.end], true)))
    .then_some((delim, fs))
}

/// A field as a candidate under `key` (`line` starts at `base` in the blob).
fn candidate(key: String, line: &[u8], f: Field, base: usize, line_start: usize) -> Candidate {
    let text = &line[f.start..f.end];
    let (s, e) = (base + f.start, base + f.end);
    if f.quoted {
        let value = super::lossy(text).into_owned();
        Candidate::literal(key, s, e, value, line_start, Origin::Assignment)
    } else {
        Candidate::bare_word(key, s, e, text, line_start, Origin::Assignment)
    }
}

/// A `name,value` row (`api_key,v`, `"ZENDESK_TOKEN";"v"`, `zendeskToken,v,`): its second
/// field under its first, when the first is a name of one word and the second one word or
/// quoted. Appends it to `out` (`line` starts at `base` in the blob).
pub(super) fn pair_row(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let Some(delim) = delimiter(line) else {
        return;
    };
    let Some(fs) = fields(line, delim) else {
        return;
    };
    let [name, value, ..] = fs[..] else {
        return;
    };
    let name_text = &line[name.start..name.end];
    if !is_name(name_text, false) || !is_value(line, value) {
        return;
    }
    let key = super::lossy(name_text).into_owned();
    out.push(candidate(key, line, value, base, line_start));
}

/// A row below a header (`name,api_key` over `prod,v`): each of its one-word or quoted
/// cells, under its column's name. The row is `line`, at
/// `data[at..]` and `data[base..]` (the same offset but for a clipped stretch).
pub(super) fn column_row(
    data: &[u8],
    line: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(delim) = delimiter(line) else {
        return;
    };
    let Some(row) = fields(line, delim) else {
        return;
    };
    // A row has a field a value could be (one word of 8 or more bytes, or quoted).
    if !row
        .iter()
        .any(|&f| is_value(line, f) && f.end - f.start >= 8)
    {
        return;
    }
    // The header is the first line of the run of rows of this width: walk up to the line
    // above which there is none (the blob's start, a blank line, a line of another width).
    // A run longer than the walk, or walked past its bytes, has no header in reach.
    let floor = at.saturating_sub(MAX_BACK);
    let mut end = at;
    let mut top: Option<&[u8]> = None;
    let mut run_starts = false;
    for _ in 0..MAX_ROWS_UP {
        if end == 0 {
            run_starts = true;
            break;
        }
        if end <= floor {
            break;
        }
        let above_end = end - 1; // the newline ending the line above
        let above_start =
            memchr::memrchr(b'\n', &data[floor..above_end]).map_or(floor, |i| floor + i + 1);
        if above_start == floor && floor > 0 {
            break;
        }
        let above = data[above_start..above_end]
            .strip_suffix(b"\r")
            .unwrap_or(&data[above_start..above_end]);
        if fields(above, delim).is_none_or(|cells| !same_width(&cells, &row)) {
            run_starts = true;
            break;
        }
        top = Some(above);
        end = above_start;
    }
    let (true, Some(top)) = (run_starts, top) else {
        return;
    };
    let Some((d, names)) = header(top) else {
        return;
    };
    if d != delim {
        return;
    }
    push_cells(top, &names, &row, line, base, line_start, out);
}

/// Each one-word or quoted cell of `row` (the fields of `line`, which starts at `base` in
/// the blob) under its column's name in `names` (the fields of the header line `top`).
fn push_cells(
    top: &[u8],
    names: &[Field],
    row: &[Field],
    line: &[u8],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    for (k, name) in names.iter().enumerate() {
        let key = key_of(&top[name.start..name.end]);
        let Some(&cell) = row.get(k) else {
            continue;
        };
        if is_value(line, cell) {
            out.push(candidate(key, line, cell, base, line_start));
        }
    }
}

/// The number of fields of a row, a trailing empty one (`a,b,`) aside.
fn width(fields: &[Field]) -> usize {
    fields.len() - usize::from(fields.last().is_some_and(|f| f.end == f.start))
}

/// Whether two rows are of one table's width: as many fields, or as many once a trailing
/// empty one is set aside (a header's `a,b,` over `1,2`; an export's empty last column,
/// `name,url,note` over `a,b,`).
fn same_width(a: &[Field], b: &[Field]) -> bool {
    a.len() == b.len() || width(a) == width(b)
}

/// The start of the keyword line at `data[at]` (the line after `at` when `at` is the
/// newline before it, as a single-line rule's window starts), searched for only as far
/// back as a row may reach ([`MAX_ROW`]): a minified line of a megabyte is not searched
/// once per keyword on it. None for a longer line.
pub(super) fn keyword_line_start(data: &[u8], at: usize) -> Option<usize> {
    if data.get(at) == Some(&b'\n') {
        return Some(at + 1);
    }
    let at = at.min(data.len());
    let floor = at.saturating_sub(MAX_ROW);
    match memchr::memrchr(b'\n', &data[floor..at]) {
        Some(i) => Some(floor + i + 1),
        None if floor == 0 => Some(0),
        None => None,
    }
}

/// Every row of the table headed by the line at `data[start..]` (a keyword line that
/// [`heads_columns`]), read to the table's last row: the cells under each column's name.
/// The engine's window below a keyword line ends `LINES_AFTER` lines down, and
/// [`column_row`] walks up at most [`MAX_ROWS_UP`] rows, so without this a password
/// export's fortieth row would not be read while its file was reported clean. The rows
/// the window read are read again here; their candidates are the same, and the scanner
/// keeps one finding per span and rule.
///
/// A header is a line of names at the top of its run (the blob's start, a blank line or a
/// line of another width above it: a data row of words is no header); the table ends at
/// the first line that is no row of the header's width.
pub(super) fn rows_below_header(data: &[u8], kind: Kind, start: usize, out: &mut Vec<Candidate>) {
    if kind != Kind::Unknown || start >= data.len() {
        return;
    }
    let reach = data.len().min(start + MAX_ROW + 1);
    let Some(header_end) = memchr::memchr(b'\n', &data[start..reach]).map(|i| start + i) else {
        return;
    };
    let top = strip_cr(&data[start..header_end]);
    let Some((delim, names)) = header(top) else {
        return;
    };
    // The line above, when there is one, is no row of the header's width.
    if start > 0 {
        let floor = (start - 1).saturating_sub(MAX_ROW);
        let above_start =
            memchr::memrchr(b'\n', &data[floor..start - 1]).map_or(floor, |i| floor + i + 1);
        // (A line above longer than a row reaches is no row.)
        if above_start > floor || floor == 0 {
            let above = strip_cr(&data[above_start..start - 1]);
            if fields(above, delim).is_some_and(|cells| same_width(&cells, &names)) {
                return;
            }
        }
    }
    let mut line_start = header_end + 1;
    while line_start < data.len() {
        let line_end =
            memchr::memchr(b'\n', &data[line_start..]).map_or(data.len(), |i| line_start + i);
        let line = strip_cr(&data[line_start..line_end]);
        let Some(row) = fields(line, delim).filter(|row| same_width(row, &names)) else {
            return;
        };
        if row
            .iter()
            .any(|&f| is_value(line, f) && f.end - f.start >= 8)
        {
            push_cells(top, &names, &row, line, line_start, line_start, out);
        }
        line_start = line_end + 1;
    }
}

/// `line` without the `\r` of a CRLF line end.
fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Whether the keyword line at `data[at]` (the line after `at` when `at` is the newline
/// before it, as a single-line rule's window starts) heads columns: the engine then reads
/// the rows below with it.
/// Only in blobs of no known syntax; a line with none of the delimiters costs one search.
pub(super) fn keyword_line_heads_columns(data: &[u8], kind: Kind, at: usize, cap: usize) -> bool {
    if kind != Kind::Unknown || at >= data.len() {
        return false;
    }
    let cap = cap.min(data.len());
    let Some(start) = keyword_line_start(data, at) else {
        return false;
    };
    if start >= cap {
        return false;
    }
    let reach = cap.min(start + MAX_ROW + 1);
    let Some(end) = memchr::memchr(b'\n', &data[start..reach]).map(|i| start + i) else {
        return false;
    };
    heads_columns(&data[start..end])
}

/// Whether `line` heads columns (`name,api_key`, `Service;Token`).
pub(crate) fn heads_columns(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    memchr::memchr3(b',', b'\t', b';', line).is_some() && header(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up secret, built at run time so no token-shaped string is committed.
    fn v() -> String {
        ["Qz7", "kP2", "mW9", "xL4", "vR8", "Tn3"].concat()
    }

    /// Every row of `rows`, `{v}` filled with `v`, gives its key with the value `v`.
    fn assert_reads(rows: &[(&str, &str)], v: &str) {
        for (text, key) in rows {
            let text = text.replace("{v}", v);
            let got = read(&text);
            assert!(
                got.iter().any(|(k, s)| k == key && *s == v),
                "{text:?}: {got:?}"
            );
        }
    }

    /// `(key, secret)` of the candidates of every line of `text` read as rows.
    fn read(text: &str) -> Vec<(String, String)> {
        let data = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            let bytes = line.as_bytes();
            pair_row(bytes, at, at, &mut out);
            column_row(data, bytes, at, at, at, &mut out);
            at += line.len() + 1;
        }
        for c in &out {
            assert_eq!(&text[c.start..c.end], c.secret(), "span of {c:?}");
        }
        out.iter()
            .map(|c| (c.key.clone(), c.secret().to_string()))
            .collect()
    }

    #[test]
    fn pair_rows_give_the_value_under_the_name() {
        let v = v();
        let rows: &[(&str, &str)] = &[
            ("zendeskToken,{v},", "zendeskToken"),
            ("api_key,{v}", "api_key"),
            ("API_KEY, {v} ,production", "API_KEY"),
            ("\"ZENDESK_TOKEN\",\"{v}\"", "ZENDESK_TOKEN"),
            ("client_secret;{v};2024-01-01", "client_secret"),
            ("db.password\t{v}", "db.password"),
            ("1passwordToken,{v},", "1passwordToken"),
            ("name,value\npassword,{v}", "password"),
        ];
        assert_reads(rows, &v);
    }

    #[test]
    fn header_columns_name_the_cells_below() {
        let v = v();
        let rows: &[(&str, &str)] = &[
            ("name,api_key\nprod,{v}", "api_key"),
            (
                "service,zendesk_token,owner\r\nsupport,{v},ops\r\n",
                "zendesk_token",
            ),
            (
                "User name,Password,Access key ID\nci-bot,{v},AKIA",
                "Password",
            ),
            ("id\tsecret\n1\t{v}", "secret"),
            (
                "\"name\";\"auth_token\"\n\"a\";\"b\"\n\"c\";\"{v}\"",
                "auth_token",
            ),
            // A trailing delimiter on the rows.
            ("env,token,\nstaging,{v},", "token"),
        ];
        assert_reads(rows, &v);
    }

    #[test]
    fn prose_code_and_other_columns_give_nothing() {
        let v = v();
        let texts = [
            // Prose and code with commas.
            "The token, once issued, is {v} for an hour",
            "def login(password, token): return check(password, {v})",
            "f(api_key,{v})",
            "api key,{v}",
            // A value of several words.
            "password,not a {v} word",
            // Too far below the header.
            "name,api_key\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n7,g\n8,h\n9,{v}",
            // Rows of another width than the header's, or a header that is no first line.
            "name,api_key\n1,{v},extra,more",
            "id,api_key\n1,Qz7kP2mW9\n\nname,api_key,x\n2,{v}",
            // Neither a name first nor a quoted field closed.
            "2024-01-01,{v}",
            "20240101,{v}",
            "\"token,{v}",
        ];
        for text in texts {
            let text = text.replace("{v}", &v);
            let got = read(&text);
            assert!(!got.iter().any(|(_, s)| *s == v), "{text:?}: {got:?}");
        }
    }

    use crate::context::tests::reported;

    #[test]
    fn rules_decide_which_names_they_take() {
        let v = v();
        let found: &[(&str, &str)] = &[
            ("exports/settings.csv", "api_key,{v}\n"),
            ("exports/settings.csv", "name,value\nDB_PASSWORD,{v}\n"),
            (
                "exports/keys.csv",
                "service,owner,auth_token\nbilling,ops,{v}\n",
            ),
            ("exports/keys.tsv", "service\tsecret\nbilling\t{v}\n"),
            ("data/accounts.txt", "User name;Password\nci-bot;{v}\n"),
        ];
        for (path, text) in found {
            let text = text.replace("{v}", &v);
            let got = reported(path, &text);
            assert!(got.iter().any(|(_, s)| *s == v), "{path}: {text:?} {got:?}");
        }
        let quiet: &[(&str, &str)] = &[
            // Columns and names that name no credential.
            ("exports/hosts.csv", "name,owner\nprod,{v}\n"),
            ("exports/settings.csv", "build_id,{v}\n"),
            ("exports/settings.csv", "commit,{v}\n"),
            // A credential's name over words, a reference, a placeholder.
            ("exports/settings.csv", "api_key,${API_KEY}\n"),
            ("exports/settings.csv", "password,changeme\n"),
            ("exports/keys.csv", "name,token\nprod,your-token-here\n"),
        ];
        for (path, text) in quiet {
            let text = text.replace("{v}", &v);
            let got = reported(path, &text);
            assert!(got.is_empty(), "{path}: {text:?} {got:?}");
        }
    }

    /// A table of `rows` rows under `header`, every cell but the last row's credential
    /// column a short word, and `last` as that row (`{v}` filled with `v`).
    fn table(header: &str, rows: usize, filler: &str, last: &str, v: &str) -> String {
        let mut text = format!("{header}\n");
        for i in 0..rows {
            text.push_str(&filler.replace("{i}", &i.to_string()));
            text.push('\n');
        }
        text.push_str(&last.replace("{v}", v));
        text.push('\n');
        text
    }

    #[test]
    fn a_table_is_read_to_its_last_row() {
        let v = v();
        let found = [
            // A browser's password export: the credential on the 41st row.
            (
                "exports/passwords.csv",
                table(
                    "name,url,username,password,note",
                    40,
                    "site{i},https://site{i}.example,user{i},hunter{i},",
                    "bank,https://bank.example,me,{v},",
                    &v,
                ),
            ),
            // Tab-separated, CRLF lines, quoted cells.
            (
                "exports/keys.tsv",
                table(
                    "service\tapi_key\r",
                    200,
                    "svc{i}\t\r",
                    "billing\t\"{v}\"\r",
                    &v,
                ),
            ),
        ];
        for (path, text) in &found {
            let got = reported(path, text);
            assert!(got.iter().any(|(_, s)| *s == v), "{path}: {got:?}");
        }
        let quiet = [
            // The table ends at a blank line; the rows of the next run have no header.
            table("name,password", 3, "user{i},", "\nzed,{v}", &v),
            // A line of names under a row of its width is a data row, no header: its
            // window is read (eight lines), the rows further down are not.
            table("id,role\nadmin,password", 20, "user{i},x", "zed,{v}", &v),
            // The table ends at a row of another width.
            table("name,token", 12, "svc{i},", "x,y,z\nzed,{v}", &v),
        ];
        for text in &quiet {
            let got = reported("exports/list.csv", text);
            assert!(!got.iter().any(|(_, s)| *s == v), "{text:?}: {got:?}");
        }
        // Only blobs of no known syntax are read as tables.
        let yaml = table("name,password", 40, "user{i},", "zed,{v}", &v);
        assert!(!reported("exports/list.yaml", &yaml)
            .iter()
            .any(|(_, s)| *s == v));
    }

    #[test]
    fn headers_are_lines_of_names() {
        assert!(heads_columns(b"name,api_key"));
        assert!(heads_columns(b"User name,Password\r"));
        assert!(heads_columns(b"id\tsecret"));
        assert!(heads_columns(b"env,X_HONEYCOMB_TEAM"));
        assert!(!heads_columns(b"The name, the owner"));
        assert!(!heads_columns(b"api_key"));
        assert!(!heads_columns(b"token, once issued, is good"));
        assert!(!heads_columns(b"2024-01-01,42"));
    }

    #[test]
    fn keyword_windows_find_their_header_line() {
        let data = b"name,api_key\nprod,x\n";
        assert!(keyword_line_heads_columns(data, Kind::Unknown, 0, 100));
        assert!(keyword_line_heads_columns(data, Kind::Unknown, 7, 100));
        assert!(!keyword_line_heads_columns(data, Kind::Yaml, 0, 100));
        let below = b"# accounts\nname,api_key\nprod,x\n";
        assert!(keyword_line_heads_columns(below, Kind::Unknown, 10, 100));
        assert!(!keyword_line_heads_columns(below, Kind::Unknown, 2, 100));
        // A line longer than a row is searched no further back than a row reaches.
        let mut long = b"name,api_key".repeat(1000);
        long.extend_from_slice(b"\nprod,x\n");
        assert!(!keyword_line_heads_columns(
            &long,
            Kind::Unknown,
            11_000,
            20_000
        ));
    }
}
