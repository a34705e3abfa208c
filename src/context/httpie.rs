//! HTTPie's and xh's bearer auth: `http --auth-type bearer -a TOKEN URL`, `xh -A bearer -a
//! TOKEN URL`.
//!
//! Both tools' `-a, --auth` takes `USER[:PASS]`, read as curl's `-u` by the lexer; with
//! `-A, --auth-type bearer` it takes a token instead (HTTPie docs, "Authentication",
//! <https://httpie.io/docs/cli/bearer-auth>; `xh --help`: "-A, --auth-type: basic, bearer,
//! digest"), which holds no `:` and so was never read. This pass names that value `token`,
//! sent as a bearer `Authorization` header.

use super::cmdline::bare_words;
use super::{Candidate, Origin};

/// The commands that run HTTPie or xh.
const TOOLS: &[&[u8]] = &[b"http", b"https", b"httpie", b"xh", b"xhs"];

/// Appends the token of an HTTPie or xh command line with bearer auth.
pub(super) fn bearer_auth(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let trimmed = line.trim_ascii_start();
    let trimmed = trimmed.strip_prefix(b"$ ").unwrap_or(trimmed);
    let first = trimmed
        .split(|b| b.is_ascii_whitespace())
        .next()
        .unwrap_or_default();
    if !TOOLS.contains(&first) {
        return;
    }
    let words = bare_words(line);
    let word = |k: usize| &line[words[k].start..words[k].end];
    let mut bearer = false;
    let mut value = None;
    for k in 0..words.len() {
        let w = word(k);
        let next = (k + 1 < words.len()).then(|| k + 1);
        if matches!(w, b"-A" | b"--auth-type") {
            bearer |= next.is_some_and(|n| word(n).eq_ignore_ascii_case(b"bearer"));
        } else if w.eq_ignore_ascii_case(b"--auth-type=bearer") || w == b"-Abearer" {
            bearer = true;
        } else if matches!(w, b"-a" | b"--auth") {
            value = next.map(|n| (words[n].start, words[n].end));
        } else if let Some(rest) = w.strip_prefix(b"--auth=") {
            value = Some((words[k].end - rest.len(), words[k].end));
        }
    }
    let (true, Some((s, e))) = (bearer, value) else {
        return;
    };
    let token = &line[s..e];
    if token.is_empty() || matches!(token[0], b'$' | b'-' | b'<' | b'%' | b'{') {
        return;
    }
    let mut cand = Candidate::bare_word(
        "token".into(),
        base + s,
        base + e,
        token,
        line_start,
        Origin::Argument,
    );
    cand.header = Some("Authorization".into());
    cand.scheme = Some("Bearer".into());
    cand.callee = Some(String::from_utf8_lossy(first).into_owned());
    out.push(cand);
}
