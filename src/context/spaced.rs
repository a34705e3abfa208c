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
    sql_statements(line, toks, base, line_start, out);
    // A `.netrc` line reads as one in any file (a heredoc, a docstring, an element's text);
    // a two-word directive only outside code and structured data.
    let two_words = !matches!(kind, Kind::Code | Kind::Json | Kind::Xml | Kind::Hcl);
    directives(line, base, line_start, two_words, out);
    if two_words {
        bracketed_key(line, base, line_start, out);
    }
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

/// The keyword forms of a statement held in a string literal: SQL run by code or a client's
/// command line (`cur.execute("CREATE USER x WITH PASSWORD 'v'")`, `psql -c "ALTER ROLE x
/// PASSWORD 'v'"`, `mysql -e "... IDENTIFIED BY 'v'"`). The host line's lexer reads the
/// string as one token, so its inner literals are read here from the string's content
/// (`content` is `data[base..]`, already decoded of the host's escapes when it had any).
pub(super) fn nested_statement(
    content: &[u8],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    if !content.iter().any(|b| matches!(b, b'\'' | b'"')) || !super::names::mentions_secret(content)
    {
        return;
    }
    let toks = super::lexer::tokenize(content);
    keyword_literals(content, &toks, base, line_start, out);
    insert_values(content, &toks, base, line_start, out);
    sql_statements(content, &toks, base, line_start, out);
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
        let word = crate::context::lossy(&line[w.start..w.end]);
        let key = if word.eq_ignore_ascii_case("by") && identified_before(line, toks, w.start) {
            "password".to_string()
        } else if names_secret(&word) || is_password_directive(&word) {
            key_for(&word)
        } else {
            continue;
        };
        let value = crate::context::lossy(&line[s.start..s.end]).into_owned();
        let mut cand = Candidate::literal(
            key,
            base + s.start,
            base + s.end,
            value,
            line_start,
            Origin::Assignment,
        );
        // A header directive's `Authorization "Bearer v"` (nginx `proxy_set_header`, Apache
        // `RequestHeader set`, HAProxy `set-header`): the scheme is no part of the secret.
        if word.eq_ignore_ascii_case("authorization")
            || word.eq_ignore_ascii_case("proxy-authorization")
        {
            cand.header = Some(word.clone().into_owned());
            cand.origin = Origin::Header;
            super::lexer::strip_auth_scheme(&mut cand);
        }
        out.push(cand);
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
    let word = |k: usize| crate::context::lossy(&line[words[k].0..words[k].1]).into_owned();
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
        && (names_secret(&first)
            || is_password_directive(&first)
            || super::cmdline::is_pass_name(&first))
    {
        emit(key_for(&first), words[1]);
    }
    // Debian preseeding: `d-i passwd/root-password password v` (the third word is the
    // answer's type; wiki.debian.org/DebianInstaller/Preseed).
    if two_words && words.len() == 4 && first == "d-i" && word(2) == "password" {
        emit("password".into(), words[3]);
    }
    // HAProxy's `stats auth user:password` (docs.haproxy.org, `stats auth`).
    if two_words && words.len() == 3 && first == "stats" && word(1) == "auth" {
        let (vs, ve) = words[2];
        if let Some(c) = memchr::memchr(b':', &line[vs..ve]) {
            if vs + c + 1 < ve {
                emit("password".into(), (vs + c + 1, ve));
            }
        }
    }
    // A directive whose last two words are a compound credential name and its value, after
    // words of its own (HAProxy's `user admin insecure-password v`, `server s1 auth-pass v`):
    // a compound name (`_`, `-`) is a keyword of the format, not a word of prose.
    if two_words && words.len() >= 3 && is_name(&first) {
        let k = words.len() - 2;
        let name = word(k);
        if is_name(&name)
            && name.contains(['-', '_'])
            && (names_secret(&name) || super::cmdline::is_pass_name(&name))
        {
            emit(key_for(&name), words[k + 1]);
        }
    }
    // nginx's `proxy_set_header X-Api-Key v;`, `add_header`: a directive that sets a header,
    // the header's name, its value (`;` ends the directive). Apache's `RequestHeader set
    // X-Api-Key v` and HAProxy's `http-request set-header X-Api-Key v [if ...]` name the
    // header after an action word.
    let name_at = if HEADER_DIRECTIVES.contains(&first.as_str()) {
        Some(1)
    } else if words.len() >= 4 && header_action(&first, &word(1)) {
        Some(2)
    } else {
        None
    };
    if let Some(n) = name_at.filter(|&n| {
        two_words
            && (words.len() == n + 2 || (n == 2 && words.len() > n + 2))
            && is_name(&word(n))
            && names_secret(&word(n))
    }) {
        let (vs, mut ve) = words[n + 1];
        if line[ve - 1] == b';' {
            ve -= 1;
        }
        if ve > vs {
            emit(key_for(&word(n)), (vs, ve));
        }
    }
}

/// Apache's `RequestHeader set NAME v` / `Header append NAME v`
/// (httpd.apache.org/docs/current/mod/mod_headers.html) and HAProxy's `http-request
/// set-header NAME v` (docs.haproxy.org, `http-request add-header`): a header-setting
/// directive whose second word is the action.
fn header_action(directive: &str, action: &str) -> bool {
    let apache = (directive.eq_ignore_ascii_case("RequestHeader")
        || directive.eq_ignore_ascii_case("Header"))
        && ["set", "add", "append", "merge", "setifempty"]
            .iter()
            .any(|a| action.eq_ignore_ascii_case(a));
    let haproxy = matches!(directive, "http-request" | "http-response")
        && matches!(action, "set-header" | "add-header");
    apache || haproxy
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
                crate::context::lossy(&line[t.start..t.end]).into_owned()
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
                        crate::context::lossy(&line[t.start..t.end]).into_owned(),
                        line_start,
                        Origin::Assignment,
                    ));
                }
            }
            _ => {}
        }
    }
}

/// The words every form of [`sql_statements`] names, each as a word of its own.
const SQL_WORDS: &[&[u8]] = &[b"set", b"declare", b"sp_addlogin", b"sp_password"];

/// SQL statements that name a literal away from it:
/// - `UPDATE settings SET value = 'v' WHERE name = 'api_key'` (a key/value settings table,
///   WordPress' `option_value` / `option_name`): a literal set into a value column is named
///   by the credential-named string its row is selected by;
/// - MySQL's `SET PASSWORD [FOR 'u'@'h'] = 'v'` (and `= PASSWORD('v')`);
/// - T-SQL's `DECLARE @api_token NVARCHAR(64) = 'v'`, whose type sits between name and `=`;
/// - SQL Server's `sp_addlogin 'login', 'v'` and `sp_password 'old', 'v'`, by position.
fn sql_statements(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    // Every form below reads one of these words as a word token (`is_word`: `SET`, the
    // first `DECLARE`, `sp_addlogin`): a line without one gives nothing, and is passed over
    // by a walk of its tokens (before: a search of the line for the words as text, which
    // `settings`, `reset` and `offset` passed, 1 % of a scan in session 13's profile).
    let names_sql_word = |t: &Token| {
        t.tok == Tok::Word
            && SQL_WORDS
                .iter()
                .any(|w| line[t.start..t.end].eq_ignore_ascii_case(w))
    };
    if !toks.iter().any(names_sql_word) {
        return;
    }
    sql_forms(line, toks, base, line_start, out);
}

/// The forms of [`sql_statements`], on a line that holds one of [`SQL_WORDS`].
fn sql_forms(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let text = |t: &Token| &line[t.start..t.end];
    let is_word = |t: &Token, w: &[u8]| t.tok == Tok::Word && text(t).eq_ignore_ascii_case(w);
    let is_eq = |t: &Token| t.tok == Tok::Op && text(t) == b"=";
    let mut push = |key: String, t: &Token| {
        out.push(Candidate::literal(
            key,
            base + t.start,
            base + t.end,
            crate::context::lossy(text(t)).into_owned(),
            line_start,
            Origin::Assignment,
        ));
    };
    let Some(first) = toks.first() else {
        return;
    };
    // `UPDATE ... SET col = 'v' ... WHERE name = 'api_key'`.
    if let (Some(set), Some(wh)) = (
        toks.iter().position(|t| is_word(t, b"set")),
        toks.iter().position(|t| is_word(t, b"where")),
    ) {
        let selector = toks[wh + 1..].windows(3).find_map(|w| {
            (w[0].tok == Tok::Word && is_eq(&w[1]) && matches!(w[2].tok, Tok::Str { .. }))
                .then(|| crate::context::lossy(text(&w[2])).into_owned())
                .filter(|name| names_secret(name))
        });
        if let Some(name) = selector.filter(|_| set < wh) {
            for w in toks[set + 1..wh].windows(3) {
                let column = text(&w[0]).to_ascii_lowercase();
                if w[0].tok == Tok::Word
                    && is_eq(&w[1])
                    && matches!(w[2].tok, Tok::Str { .. })
                    && (column.ends_with(b"value") || column.ends_with(b"val"))
                {
                    push(key_for(&name), &w[2]);
                }
            }
        }
    }
    // `SET PASSWORD [FOR 'u'@'h'] = 'v'`, `= PASSWORD('v')`.
    if is_word(first, b"set") && toks.get(1).is_some_and(|t| is_word(t, b"password")) {
        if let Some(eq) = toks.iter().position(is_eq) {
            if let Some(t) = toks[eq + 1..]
                .iter()
                .take(3)
                .find(|t| matches!(t.tok, Tok::Str { .. }))
            {
                push("password".into(), t);
            }
        }
    }
    // `DECLARE @api_token NVARCHAR(64) = 'v'`.
    if is_word(first, b"declare") {
        if let Some(name) = toks.get(1).filter(|t| t.tok == Tok::Word) {
            let name = crate::context::lossy(text(name));
            let bare = name.trim_start_matches('@');
            if names_secret(bare) {
                if let Some(eq) = toks.iter().position(is_eq) {
                    if let Some(t) = toks
                        .get(eq + 1)
                        .filter(|t| matches!(t.tok, Tok::Str { .. }))
                    {
                        push(key_for(bare), t);
                    }
                }
            }
        }
    }
    // `EXEC sp_addlogin 'login', 'v'`, `sp_password 'old', 'v', 'login'`.
    if let Some(sp) = toks
        .iter()
        .position(|t| is_word(t, b"sp_addlogin") || is_word(t, b"sp_password"))
    {
        let literals: Vec<&Token> = toks[sp + 1..]
            .iter()
            .filter(|t| !matches!(t.tok, Tok::Sep(b',')))
            .take(3)
            .collect();
        if let Some(t) = literals.get(1).filter(|t| matches!(t.tok, Tok::Str { .. })) {
            push("password".into(), t);
        }
    }
}

/// PHP-FPM's pool settings `env[API_TOKEN] = v`, `php_admin_value[smtp_password] = v`
/// (php.net/manual/en/install.fpm.configuration.php) and INI arrays `headers[X-Api-Key] = v`:
/// the key in brackets names the value, which runs to the end of the line.
fn bracketed_key(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let lead = line.len() - line.trim_ascii_start().len();
    let rest = &line[lead..];
    let Some(open) = memchr::memchr(b'[', rest) else {
        return;
    };
    if open == 0
        || !rest[..open]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        return;
    }
    let Some(close) = memchr::memchr(b']', &rest[open..]).map(|c| open + c) else {
        return;
    };
    let key = &rest[open + 1..close];
    let after = &rest[close + 1..];
    let Some(eq) = after.iter().position(|b| !b.is_ascii_whitespace()) else {
        return;
    };
    if after[eq] != b'=' {
        return;
    }
    let key = crate::context::lossy(key.trim_ascii_start().trim_ascii_end());
    let key = key.trim_matches(['"', '\'']);
    if !names_secret(key) {
        return;
    }
    let vstart = lead + close + 1 + eq + 1;
    let value = &line[vstart..];
    let mut vs = vstart + (value.len() - value.trim_ascii_start().len());
    let mut ve = line.len() - (line.len() - line.trim_ascii_end().len());
    if ve > vs + 1 && matches!(line[vs], b'"' | b'\'') && line[ve - 1] == line[vs] {
        vs += 1;
        ve -= 1;
    }
    let value = &line[vs..ve.max(vs)];
    if value.is_empty() || value.contains(&b' ') || matches!(value[0], b'$' | b'%' | b'<' | b'{') {
        return;
    }
    out.push(Candidate::bare_word(
        key_for(key),
        base + vs,
        base + ve,
        value,
        line_start,
        Origin::Assignment,
    ));
}

#[cfg(test)]
mod sql_gate_tests {
    use super::*;

    /// The SQL forms' candidates with the token gate are those of the forms run on every
    /// line (the search gate it replaced only ever skipped lines that give none): generated
    /// lines of SQL words, look-alikes (`settings`, `reset`, `sp_passwords`), names, `=`
    /// and literals, in mixed case.
    #[test]
    fn the_token_gate_skips_only_lines_the_forms_give_nothing_for() {
        let pieces: &[&str] = &[
            "SET",
            "set",
            "Set",
            "settings",
            "reset",
            "offset",
            "DECLARE",
            "declare",
            "declared",
            "sp_addlogin",
            "SP_PASSWORD",
            "sp_passwords",
            "EXEC",
            "UPDATE",
            "opts",
            "WHERE",
            "where",
            "PASSWORD",
            "FOR",
            "value",
            "option_value",
            "name",
            "@api_token",
            "NVARCHAR(64)",
            "=",
            "==",
            ",",
            ";",
            "(",
            ")",
            "'u'@'h'",
            "'api_key'",
            "'ops'",
            "'Xq7Lm9vR2kP8wZ4t'",
            "\"Hq4tN7wZ2pK9mR3x\"",
            "x",
            " ",
            "\t",
            "PASSWORD('v7Lm9vR2kP8w')",
        ];
        let mut rng = crate::context::test_lines::XorShift(0x5eed_1234_abcd_ef01);
        let mut found = 0;
        for _ in 0..40_000 {
            let n = 1 + rng.next() % 12;
            let line: Vec<u8> = (0..n)
                .map(|_| pieces[(rng.next() % pieces.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
                .into_bytes();
            let toks = super::super::lexer::tokenize(&line);
            let (mut gated, mut all) = (Vec::new(), Vec::new());
            sql_statements(&line, &toks, 7, 0, &mut gated);
            sql_forms(&line, &toks, 7, 0, &mut all);
            let view = |c: &Vec<Candidate>| {
                c.iter()
                    .map(|c| (c.key.clone(), c.start, c.end, c.value.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(view(&gated), view(&all), "{}", crate::context::lossy(&line));
            found += all.len();
        }
        // The forms did give candidates on some lines.
        assert!(found > 100, "{found}");
    }
}
