//! URLs on a line: the password of their user-info and their query parameters become
//! candidates, and their hosts are the "nearby host" fact of other candidates.

use super::{Candidate, Origin};

/// Bytes that end a URL in running text or code.
fn ends_url(b: u8) -> bool {
    b.is_ascii_whitespace() || b"\"'`<>()[]{}\\,;".contains(&b)
}

/// A URL found in text: byte ranges relative to the text.
pub struct Url {
    pub host: (usize, usize),
    /// The password of `user:password@`.
    pub password: Option<(usize, usize)>,
    /// `(name, value)` ranges of query and fragment parameters.
    pub params: Vec<((usize, usize), (usize, usize))>,
    /// The last segment of the path and the segment before it (`/v3/<key>`), if any.
    pub last_segment: Option<((usize, usize), (usize, usize))>,
}

/// Every `scheme://...` URL in `text`.
pub fn find(text: &[u8]) -> Vec<Url> {
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text, b"://") {
        if at == 0 || !text[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let start = at + 3;
        let end = text[start..]
            .iter()
            .position(|&b| ends_url(b))
            .map_or(text.len(), |i| start + i);
        let authority_end = text[start..end]
            .iter()
            .position(|&b| b"/?#".contains(&b))
            .map_or(end, |i| start + i);
        let authority = &text[start..authority_end];
        let (password, host_start) = match memchr::memrchr(b'@', authority) {
            Some(atsign) => {
                let userinfo = &authority[..atsign];
                let pw = memchr::memchr(b':', userinfo)
                    .map(|c| (start + c + 1, start + atsign))
                    .filter(|(s, e)| e > s);
                (pw, start + atsign + 1)
            }
            None => (None, start),
        };
        let host_end = text[host_start..authority_end]
            .iter()
            .position(|&b| b == b':')
            .map_or(authority_end, |i| host_start + i);
        let path_end = text[authority_end..end]
            .iter()
            .position(|&b| b == b'?' || b == b'#')
            .map_or(end, |i| authority_end + i);
        let last_segment = memchr::memrchr(b'/', &text[authority_end..path_end])
            .map(|i| authority_end + i)
            .filter(|&slash| slash + 1 < path_end)
            .map(|slash| {
                let prev_start = memchr::memrchr(b'/', &text[authority_end..slash])
                    .map_or(slash, |i| authority_end + i + 1);
                ((prev_start, slash), (slash + 1, path_end))
            });
        let mut params = Vec::new();
        if let Some(q) = text[authority_end..end]
            .iter()
            .position(|&b| b == b'?' || b == b'#')
        {
            let mut s = authority_end + q + 1;
            while s < end {
                let e = text[s..end]
                    .iter()
                    .position(|&b| b == b'&' || b == b'#' || b == b'?')
                    .map_or(end, |i| s + i);
                if let Some(eq) = text[s..e].iter().position(|&b| b == b'=') {
                    if eq > 0 && s + eq + 1 < e {
                        params.push(((s, s + eq), (s + eq + 1, e)));
                    }
                }
                s = e + 1;
            }
        }
        out.push(Url {
            host: (host_start, host_end),
            password,
            params,
            last_segment,
        });
    }
    out
}

/// Candidates from the URLs on one line (`line` is `data[base..]`).
pub fn candidates(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    go_mysql_dsn(line, base, line_start, out);
    if memchr::memmem::find(line, b"://").is_none() {
        relative_query(line, base, line_start, &[], out);
        return;
    }
    let urls = find(line);
    let covered: Vec<(usize, usize)> = urls
        .iter()
        .map(|u| {
            let end = line[u.host.0..]
                .iter()
                .position(|&b| ends_url(b))
                .map_or(line.len(), |i| u.host.0 + i);
            (u.host.0, end)
        })
        .collect();
    relative_query(line, base, line_start, &covered, out);
    let text = |(s, e): (usize, usize)| crate::context::lossy(&line[s..e]).into_owned();
    for url in urls {
        let host = Some(text(url.host).to_ascii_lowercase());
        if let Some(pw) = url.password {
            out.push(Candidate {
                host: host.clone(),
                ..Candidate::bare_word(
                    "password".into(),
                    base + pw.0,
                    base + pw.1,
                    &line[pw.0..pw.1],
                    line_start,
                    Origin::UrlUserinfo,
                )
            });
        }
        // Keyless: only an anchor on the URL's own host takes it (a path segment named
        // `token/` is a route more often than a key).
        if let Some((_, segment)) = url.last_segment {
            out.push(Candidate {
                host: host.clone(),
                ..Candidate::bare_word(
                    String::new(),
                    base + segment.0,
                    base + segment.1,
                    &line[segment.0..segment.1],
                    line_start,
                    Origin::UrlPath,
                )
            });
        }
        for (name, value) in url.params {
            // A parameter holding a config line or code, percent-encoded
            // (`payload=API_KEY%3D...`): decoded, then read as lines of its own.
            let raw = &line[value.0..value.1];
            if raw.contains(&b'%') && raw.len() <= super::lexer::MAX_NESTED {
                let decoded = super::escapes::percent_decode(raw);
                if super::escapes::reads_as_lines(&decoded.bytes) {
                    super::escapes::candidates(
                        &decoded,
                        base + value.0,
                        line_start,
                        super::Kind::Unknown,
                        |a, b| crate::context::lossy(&line[a - base..b - base]).into_owned(),
                        out,
                    );
                }
            } else if super::lexer::looks_like_assignment(raw) {
                super::lexer::candidates(
                    &line[value.0..value.1],
                    base + value.0,
                    line_start,
                    super::Kind::Unknown,
                    out,
                );
            }
            out.push(Candidate {
                host: host.clone(),
                ..Candidate::bare_word(
                    text(name),
                    base + value.0,
                    base + value.1,
                    &line[value.0..value.1],
                    line_start,
                    Origin::UrlQuery,
                )
            });
        }
    }
}

/// Query parameters of a URL written without a scheme and host, as docs, comments and
/// docstrings give them: `GET /ws?token=v`, `(?token=v)`, `localhost:8000/items?api_key=v`,
/// `?user=x&access_token=v`. Each `name=value` after a `?` (or an `&` after it) that no
/// `scheme://` URL of the line (`covered`) holds becomes a candidate under `name`, with no
/// host; the rules take only credential names, and the classifier drops references.
fn relative_query(
    line: &[u8],
    base: usize,
    line_start: usize,
    covered: &[(usize, usize)],
    out: &mut Vec<Candidate>,
) {
    for q in memchr::memchr_iter(b'?', line) {
        if covered.iter().any(|&(s, e)| s <= q && q < e) {
            continue;
        }
        // After a path, a host or nothing: `/ws?`, `items?`, `(?`, a line's start.
        let before = q.checked_sub(1).map(|i| line[i]);
        if before.is_some_and(|b| {
            !(b.is_ascii_alphanumeric() || b"/_-.(`'\" ".contains(&b) || b == b'\t')
        }) {
            continue;
        }
        let end = line[q + 1..]
            .iter()
            .position(|&b| ends_url(b))
            .map_or(line.len(), |i| q + 1 + i);
        let mut s = q + 1;
        while s < end {
            let e = line[s..end]
                .iter()
                .position(|&b| b == b'&' || b == b'#')
                .map_or(end, |i| s + i);
            let field = &line[s..e];
            if let Some(eq) = memchr::memchr(b'=', field) {
                let name = &field[..eq];
                let named = !name.is_empty()
                    && name.len() <= 64
                    && (name[0].is_ascii_alphabetic() || name[0] == b'_')
                    && name
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.-[]".contains(b));
                if named && eq + 1 < field.len() {
                    out.push(Candidate::bare_word(
                        crate::context::lossy(name).into_owned(),
                        base + s + eq + 1,
                        base + e,
                        &field[eq + 1..],
                        line_start,
                        Origin::UrlQuery,
                    ));
                }
            } else if s == q + 1 {
                // `?v` is no query of pairs: a ternary, a regex, a question.
                break;
            }
            s = e + 1;
        }
    }
}

/// The hosts named in `text`, lowercased: those of its URLs, and host names written without
/// a scheme (`// speckle.acme-design.com`, `server: speckle.xyz`, see [`bare_hosts`]).
pub fn hosts(text: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = find(text)
        .into_iter()
        .map(|u| crate::context::lossy(&text[u.host.0..u.host.1]).to_ascii_lowercase())
        .collect();
    for host in bare_hosts(text) {
        if !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

/// Last labels that make dotted text a host name (`rules/words/host-suffixes.txt`).
fn host_suffixes() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        super::stand_in::word_list(include_str!("../../rules/words/host-suffixes.txt"))
    })
}

/// Host names written without a scheme: lowercase dotted names (`speckle.xyz`,
/// `api.acme-design.co.uk`) whose last label is a known suffix, standing on their own
/// (not part of an identifier, a path or a member chain, and not called: `speckle.app(`
/// is code). A comment or a config value often names a server this way.
pub fn bare_hosts(text: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let is_host_byte =
        |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.';
    let mut i = 0;
    while i < text.len() {
        if !is_host_byte(text[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && is_host_byte(text[i]) {
            i += 1;
        }
        let (mut s, mut e) = (start, i);
        // A sentence's full stop or a leading `.` is not part of the name.
        while e > s && matches!(text[e - 1], b'.' | b'-') {
            e -= 1;
        }
        while s < e && matches!(text[s], b'.' | b'-') {
            s += 1;
        }
        let before = start.checked_sub(1).map(|p| text[p]);
        let after = text.get(i).copied();
        let glued =
            |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b"_$\\".contains(&b));
        // `/` before it: a path or a URL (URLs are read by `find`); `(` after it: a call.
        if glued(before)
            || before == Some(b'/')
            || glued(after)
            || after == Some(b'(')
            || memchr::memchr(b'.', &text[s..e]).is_none()
        {
            continue;
        }
        let name = &text[s..e];
        let labels_ok = name
            .split(|&b| b == b'.')
            .all(|l| !l.is_empty() && l.len() <= 63 && l[0] != b'-' && l[l.len() - 1] != b'-');
        let last = name.rsplit(|&b| b == b'.').next().unwrap_or_default();
        if labels_ok && host_suffixes().iter().any(|t| t.as_bytes() == last) {
            let host = crate::context::lossy(name).into_owned();
            if !out.contains(&host) {
                out.push(host);
            }
        }
    }
    out
}

/// Whether a key is a server's address rather than a name: a URL (`https://nuget.acme.io/v3/index.json`,
/// `//registry.acme.io/`) or a bare host name, with or without a port (`repo.acme-corp.io`,
/// `registry.acme.io:5000`). Credential files key their secrets by the server they are for
/// (Composer's `"bearer": {"repo.acme.io": "v"}`, NuGet's `<apikeys>`, Docker's `auths`).
pub fn is_server_key(key: &str) -> bool {
    let k = key.trim();
    let lower = k.to_ascii_lowercase();
    if ["http://", "https://", "//"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return !find(k.as_bytes()).is_empty() || lower.starts_with("//");
    }
    let host = k.split_once(':').map_or(k, |(h, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            k
        }
    });
    bare_hosts(host.as_bytes()).first().map(String::as_str) == Some(host)
}

/// The Go MySQL driver's DSN, which has no scheme: `user:password@tcp(host:3306)/db`,
/// `user:password@unix(/path)/db`, and with the address left out, `user:password@/db` or
/// `user:password@tcp/db` (the driver's default, localhost:3306) (github.com/go-sql-driver/
/// mysql, "DSN (Data Source Name)": `[user[:password]@][net[(addr)]]/dbname`); telegraf's
/// `servers = ["user:pass@tcp(127.0.0.1:3306)/"]` and Go code use it.
/// Whether `rest`, the text after a DSN's `@`, starts with a network and its address
/// (`tcp(`, `unix(`), a network without one before the database (`tcp/`, `tcp6/`), or the
/// database alone (`/db`, where the `@` follows a user and password: a path after an `@`
/// needs the `:` the caller requires).
fn dsn_net_follows(rest: &[u8]) -> bool {
    if rest.first() == Some(&b'/') {
        // `@//host`, `@/` at a string's end: no database name.
        return rest
            .get(1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    }
    ["tcp", "tcp4", "tcp6", "unix"].iter().any(|net| {
        rest.starts_with(net.as_bytes()) && matches!(rest.get(net.len()), Some(b'(') | Some(b'/'))
    })
}

fn go_mysql_dsn(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    // Found by their `@` (a searcher built per line would cost more than the line).
    for at in memchr::memchr_iter(b'@', line) {
        {
            if !dsn_net_follows(&line[at + 1..]) {
                continue;
            }
            // The user-info runs back to a quote, a space or a bracket.
            let start = line[..at]
                .iter()
                .rposition(|b| {
                    matches!(
                        b,
                        b'"' | b'\'' | b'`' | b' ' | b'=' | b'[' | b'(' | b',' | b'/'
                    )
                })
                .map_or(0, |i| i + 1);
            let userinfo = &line[start..at];
            let Some(colon) = memchr::memchr(b':', userinfo) else {
                continue;
            };
            let (ps, pe) = (start + colon + 1, at);
            if ps >= pe || line[ps] == b'$' || line[ps] == b'%' || line[ps] == b'{' {
                continue;
            }
            out.push(Candidate::bare_word(
                "password".into(),
                base + ps,
                base + pe,
                &line[ps..pe],
                line_start,
                Origin::UrlUserinfo,
            ));
        }
    }
}
