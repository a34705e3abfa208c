//! Keys separated from their values by a space only.
//!
//! Config languages that write `key value` (Redis `requirepass v`, `.netrc` `machine h login
//! u password v`, and the many `directive value` files of servers and daemons), and SQL,
//! whose statements name a password by a keyword before a literal (`CREATE USER x WITH
//! PASSWORD 'v'`, `ALTER ROLE x PASSWORD 'v'`, MySQL's `IDENTIFIED BY 'v'`). The lexer reads
//! keys only before an operator, so these are read here: a credential-named word right before
//! a quoted literal, in any syntax; and, outside source code, JSON, XML and HCL, a line of two
//! words whose first names a credential, or a `.netrc` line's `password` word. SQL's
//! `INSERT INTO t (name, password) VALUES ('admin', 'v')` names each literal by its column.

use super::kind::Kind;
use super::lexer::{Tok, Token};
use super::names::{is_password_directive, key_for, names_secret};
use super::{Candidate, Origin};

/// Words that start a `.netrc` line.
const NETRC_WORDS: &[&str] = &["machine", "default", "login", "password", "account"];

/// Appends the `word 'literal'` pairs and `key value` directives of `line`.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    keyword_literals(line, toks, base, line_start, out);
    insert_values(line, toks, base, line_start, out);
    // A `.netrc` line reads as one in any file (a heredoc, a docstring, an element's text);
    // a two-word directive only outside code and structured data.
    let two_words = !matches!(kind, Kind::Code | Kind::Json | Kind::Xml | Kind::Hcl);
    directives(line, base, line_start, two_words, out);
    // `.netrc` lines held in a string, between written `\n` escapes (a notebook's source
    // lines, a bundled config).
    for t in toks {
        if !matches!(t.tok, Tok::Str { .. }) {
            continue;
        }
        let content = &line[t.start..t.end];
        if memchr::memmem::find(content, b"pass").is_none() {
            continue;
        }
        let mut at = 0;
        while at < content.len() {
            let end =
                memchr::memmem::find(&content[at..], b"\\n").map_or(content.len(), |i| at + i);
            directives(
                &content[at..end],
                base + t.start + at,
                line_start,
                false,
                out,
            );
            at = end + 2;
        }
    }
}

/// `PASSWORD 'v'`, `IDENTIFIED BY 'v'`: a credential-named word, then a literal, with only
/// whitespace between.
fn keyword_literals(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    // Oracle's unquoted `IDENTIFIED BY v` (a word, not a call or an assignment after it).
    for i in 0..toks.len().saturating_sub(1) {
        let (by, w) = (toks[i], toks[i + 1]);
        if by.tok == Tok::Word
            && w.tok == Tok::Word
            && line[by.start..by.end].eq_ignore_ascii_case(b"by")
            && toks
                .get(i + 2)
                .is_none_or(|t| !matches!(t.tok, Tok::Op | Tok::Open(_)))
            && identified_before(line, toks, by.start)
        {
            out.push(Candidate::bare_word(
                "password".into(),
                base + w.start,
                base + w.end,
                &line[w.start..w.end],
                line_start,
                Origin::Assignment,
            ));
        }
    }
    for pair in toks.windows(2) {
        let [w, s] = pair else { continue };
        if w.tok != Tok::Word || !matches!(s.tok, Tok::Str { .. }) {
            continue;
        }
        // Only whitespace between the word and the opening quote.
        if s.start < w.end + 2 || !line[w.end..s.start - 1].iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let word = String::from_utf8_lossy(&line[w.start..w.end]);
        let key = if word.eq_ignore_ascii_case("by") && identified_before(line, toks, w.start) {
            "password".to_string()
        } else if names_secret(&word) || is_password_directive(&word) {
            key_for(&word)
        } else {
            continue;
        };
        let value = String::from_utf8_lossy(&line[s.start..s.end]).into_owned();
        out.push(Candidate::literal(
            key,
            base + s.start,
            base + s.end,
            value,
            line_start,
            Origin::Assignment,
        ));
    }
}

/// `password v` on a `.netrc` line, and (when `two_words`) `requirepass v`: unquoted words,
/// no operator.
fn directives(
    line: &[u8],
    base: usize,
    line_start: usize,
    two_words: bool,
    out: &mut Vec<Candidate>,
) {
    let trimmed = line.trim_ascii();
    if trimmed.is_empty()
        || matches!(trimmed[0], b'#' | b';' | b'/' | b'-' | b'*' | b'[' | b'<')
        || trimmed
            .iter()
            .any(|b| matches!(b, b'=' | b'"' | b'\'' | b'(' | b'{'))
        || memchr::memmem::find(trimmed, b": ").is_some()
        || trimmed.ends_with(b":")
    {
        return;
    }
    // Only a `.netrc` line is read when two-word directives are not: decided before any
    // allocation (this runs on every string literal of the lines read).
    let first_end = trimmed
        .iter()
        .position(u8::is_ascii_whitespace)
        .unwrap_or(trimmed.len());
    let netrc = NETRC_WORDS
        .iter()
        .any(|w| w.as_bytes() == &trimmed[..first_end]);
    if !netrc && !two_words {
        return;
    }
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if line[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let s = i;
        while i < line.len() && !line[i].is_ascii_whitespace() {
            i += 1;
        }
        words.push((s, i));
    }
    let word = |k: usize| String::from_utf8_lossy(&line[words[k].0..words[k].1]).into_owned();
    let mut emit = |key: String, (vs, ve): (usize, usize)| {
        let value = &line[vs..ve];
        if matches!(value[0], b'$' | b'%' | b'<' | b'{' | b'@') {
            return;
        }
        out.push(Candidate::bare_word(
            key,
            base + vs,
            base + ve,
            value,
            line_start,
            Origin::Assignment,
        ));
    };
    let first = word(0);
    let is_name = |w: &str| {
        w.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-.".contains(&b))
    };
    if NETRC_WORDS.contains(&first.as_str()) {
        for k in 0..words.len().saturating_sub(1) {
            if matches!(word(k).as_str(), "password" | "passwd") {
                emit("password".into(), words[k + 1]);
            }
        }
        return;
    }
    if two_words
        && words.len() == 2
        && is_name(&first)
        && (names_secret(&first) || is_password_directive(&first))
    {
        emit(key_for(&first), words[1]);
    }
    // nginx's `proxy_set_header X-Api-Key v;`, `add_header`: a directive that sets a header,
    // the header's name, its value (`;` ends the directive).
    if two_words
        && words.len() == 3
        && HEADER_DIRECTIVES.contains(&first.as_str())
        && is_name(&word(1))
        && names_secret(&word(1))
    {
        let (vs, mut ve) = words[2];
        if line[ve - 1] == b';' {
            ve -= 1;
        }
        if ve > vs {
            emit(key_for(&word(1)), (vs, ve));
        }
    }
}

/// Server directives whose arguments are a header's name and value
/// (nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header, `add_header`,
/// `grpc_set_header`, `uwsgi_param`-like `fastcgi_param NAME v`).
const HEADER_DIRECTIVES: &[&str] = &[
    "proxy_set_header",
    "add_header",
    "grpc_set_header",
    "fastcgi_param",
    "uwsgi_param",
    "scgi_param",
];

/// Whether SQL's `IDENTIFIED` is written before `at` on the line (`IDENTIFIED BY`,
/// `IDENTIFIED WITH plugin BY`).
fn identified_before(line: &[u8], toks: &[Token], at: usize) -> bool {
    toks.iter().any(|t| {
        t.end <= at
            && t.tok == Tok::Word
            && line[t.start..t.end].eq_ignore_ascii_case(b"identified")
    })
}

/// SQL's `INSERT INTO t (name, password) VALUES ('admin', 'v')`: each literal of the
/// `VALUES` list is named by the column at its position, when that column names a
/// credential.
fn insert_values(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(v) = toks
        .iter()
        .position(|t| t.tok == Tok::Word && line[t.start..t.end].eq_ignore_ascii_case(b"values"))
    else {
        return;
    };
    // The column list: the bracketed group right before `VALUES`.
    if v < 2 || toks[v - 1].tok != Tok::Close(b')') {
        return;
    }
    let Some(open) = toks[..v - 1].iter().rposition(|t| t.tok == Tok::Open(b'(')) else {
        return;
    };
    let columns: Vec<String> = toks[open + 1..v - 1]
        .split(|t| t.tok == Tok::Sep(b','))
        .map(|group| match group {
            [t] if matches!(t.tok, Tok::Word | Tok::Str { .. }) => {
                String::from_utf8_lossy(&line[t.start..t.end]).into_owned()
            }
            _ => String::new(),
        })
        .collect();
    if toks.get(v + 1).is_none_or(|t| t.tok != Tok::Open(b'(')) {
        return;
    }
    let mut column = 0;
    for t in &toks[v + 2..] {
        match t.tok {
            Tok::Close(_) => break,
            Tok::Sep(b',') => column += 1,
            Tok::Str { .. } => {
                let Some(name) = columns.get(column) else {
                    break;
                };
                if names_secret(name) {
                    out.push(Candidate::literal(
                        key_for(name),
                        base + t.start,
                        base + t.end,
                        String::from_utf8_lossy(&line[t.start..t.end]).into_owned(),
                        line_start,
                        Origin::Assignment,
                    ));
                }
            }
            _ => {}
        }
    }
}
