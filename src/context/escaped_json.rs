//! JSON written with its quotes escaped, outside any string literal: a log line that prints
//! a request body as its serializer escaped it (`payload={\"api_key\":\"v\"}`), a text file
//! or a ticket that pastes an escaped object (`\{ \"x_token\": \"v\" \}`), a shell word
//! (`echo {\"token\":\"v\"}`, where `\"` is a quote).
//!
//! Escaped JSON *inside* a string literal (`"{\"api_key\":\"v\"}"` in Go, Java, a JSON
//! value) is the lexer's: it decodes a literal's content and reads it again
//! (`lexer`'s `read_inside`). Outside a literal the lexer sees only stray quotes: `\"` opens
//! a string that ends at the next `\"`, and the key and the value come out as pieces
//! ending in a backslash. Here such a line is decoded from its first escaped quote (or the
//! brackets just before it, so that an object's nesting gives the value's parents) with
//! [`escapes::unescape_string`] and read again as JSON, spans mapped back to the written
//! bytes, as [`escapes::candidates`] does for text inside strings.
//!
//! Gate: only a line that holds an escaped key followed by `:` (`\":` or `\" :`), whose
//! first `\"` no unescaped quote before it leaves open, is decoded. Every line read is
//! asked (a provider's setting name need not hold a credential word: `x_honeycomb_team`);
//! a line without `\"` costs one search.

use super::escapes;
use super::kind::Kind;
use super::Candidate;

/// The candidates of the escaped JSON on `line` (at `base` in the blob, its line starting
/// at `line_start`), appended to `out`. `kind` is the blob's kind: in code and shell
/// scripts an apostrophe opens a string too.
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    // Most lines hold no backslash; one byte search rules them out before a searcher for
    // the two-byte needle is built.
    if memchr::memchr(b'\\', line).is_none() {
        return;
    }
    let Some(first) = memchr::memmem::find(line, b"\\\"") else {
        return;
    };
    if memchr::memmem::find(&line[first..], b"\\\":").is_none()
        && memchr::memmem::find(&line[first..], b"\\\" :").is_none()
    {
        return;
    }
    if inside_literal(&line[..first], matches!(kind, Kind::Code | Kind::Shell)) {
        return;
    }
    // Back over the openers (and the backslashes some writers put before them, `\{`) just
    // before the first escaped quote.
    let mut start = first;
    let mut at = first;
    while at > 0 && matches!(line[at - 1], b'{' | b'[' | b' ' | b'\t' | b'\\') {
        at -= 1;
        if matches!(line[at], b'{' | b'[') {
            start = at;
        }
    }
    let text = &line[start..];
    if text.len() > super::lexer::MAX_NESTED {
        return;
    }
    let decoded = escapes::unescape_string(text);
    escapes::candidates(
        &decoded,
        base + start,
        line_start,
        Kind::Json,
        |a, b| crate::context::lossy(&line[a - base..b - base]).into_owned(),
        out,
    );
}

/// Whether `before` leaves a string literal open: an odd count of unescaped `"` or `` ` ``
/// (and `'` where `apostrophes` open strings), each quote inside another's string not
/// counted.
fn inside_literal(before: &[u8], apostrophes: bool) -> bool {
    let mut open: Option<u8> = None;
    let mut i = 0;
    while i < before.len() {
        let b = before[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        let opens = matches!(b, b'"' | b'`') || (apostrophes && b == b'\'');
        match open {
            Some(q) if q == b => open = None,
            None if opens => open = Some(b),
            _ => {}
        }
        i += 1;
    }
    open.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up secret, built at run time so no token-shaped string is committed.
    fn v() -> String {
        ["Qz7", "kP2", "mW9", "xL4", "vR8", "Tn3"].concat()
    }

    /// `(key, secret, parents)` of the candidates this pass adds for `line` read as `kind`.
    fn read(line: &str, kind: Kind) -> Vec<(String, String)> {
        let mut out = Vec::new();
        candidates(line.as_bytes(), 0, 0, kind, &mut out);
        for c in &out {
            // The span is the written value: the secret has no escapes to map.
            assert_eq!(&line[c.start..c.end], c.secret(), "span of {c:?}");
        }
        out.iter()
            .map(|c| (c.key.clone(), c.secret().to_string()))
            .collect()
    }

    #[test]
    fn escaped_objects_outside_strings_are_read_as_json() {
        let v = v();
        let rows: &[(&str, Kind, &str)] = &[
            // A log line printing a request body.
            (
                "2024-05-01T10:00:00Z INFO sent payload={\\\"api_key\\\":\\\"{v}\\\"}",
                Kind::Unknown,
                "api_key",
            ),
            // A pasted object, one pair a line, braces escaped too.
            (
                "    \\\"zendesk_token\\\": \\\"{v}\\\"",
                Kind::Unknown,
                "zendesk_token",
            ),
            (
                "\\{\\\"service\\\": \\\"x\\\", \\\"secret\\\" : \\\"{v}\\\"\\}",
                Kind::Unknown,
                "secret",
            ),
            // A shell word: `\"` is a quote there.
            (
                "echo {\\\"auth_token\\\":\\\"{v}\\\"} > body.json",
                Kind::Shell,
                "auth_token",
            ),
            // After a closed literal in code.
            (
                "log(\"body\", {\\\"password\\\":\\\"{v}\\\"})",
                Kind::Code,
                "password",
            ),
            // In a YAML or INI value written unquoted.
            (
                "body: {\\\"client_secret\\\":\\\"{v}\\\"}",
                Kind::Yaml,
                "client_secret",
            ),
        ];
        for (line, kind, key) in rows {
            let line = line.replace("{v}", &v);
            let got = read(&line, *kind);
            assert!(
                got.iter().any(|(k, s)| k == key && *s == v),
                "{line:?} as {kind:?}: {got:?}"
            );
        }
    }

    #[test]
    fn nested_escaped_objects_keep_their_parents() {
        let v = v();
        let line = format!("req={{\\\"speckle\\\":{{\\\"token\\\":\\\"{v}\\\"}}}}");
        let mut out = Vec::new();
        candidates(line.as_bytes(), 0, 0, Kind::Unknown, &mut out);
        assert!(
            out.iter()
                .any(|c| c.key == "token" && c.secret() == v && c.parents == ["speckle"]),
            "{out:?}"
        );
    }

    #[test]
    fn lines_without_an_escaped_pair_outside_strings_give_nothing() {
        let v = v();
        let rows: &[(&str, Kind)] = &[
            // Inside a literal: the lexer's (read_inside), not read twice here.
            (
                "String body = \"{\\\"api_key\\\":\\\"{v}\\\"}\";",
                Kind::Code,
            ),
            (
                "body := `x` + \"{\\\"api_key\\\":\\\"{v}\\\"}\"",
                Kind::Code,
            ),
            (
                "curl -d '{\\\"api_key\\\":\\\"{v}\\\"}' https://x",
                Kind::Shell,
            ),
            // Escaped quotes, but no key followed by a colon.
            ("echo \\\"api_key\\\" \\\"{v}\\\"", Kind::Shell),
            ("printf \\\"token=%s\\\" {v}", Kind::Unknown),
            // No escaped quote at all.
            ("{\"api_key\": \"{v}\"}", Kind::Unknown),
        ];
        for (line, kind) in rows {
            let line = line.replace("{v}", &v);
            assert!(read(&line, *kind).is_empty(), "{line:?} as {kind:?}");
        }
    }

    #[test]
    fn open_literals_are_told_by_their_quotes() {
        assert!(inside_literal(b"x = \"{", false));
        assert!(!inside_literal(b"x = \"a\" + {", false));
        assert!(!inside_literal(b"it's {", false));
        assert!(inside_literal(b"echo '{", true));
        assert!(!inside_literal(b"say \"a \\\" b\" {", false));
    }
}
