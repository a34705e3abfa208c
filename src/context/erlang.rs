//! Erlang and Elixir binaries: `{api_key, <<"v">>}`, `#{password => <<"v">>}`,
//! `#{<<"token">> => <<"v">>}`.
//!
//! A binary literal wraps a string in `<<` and `>>` (Erlang reference manual, "Bit Syntax
//! Expressions"); the lexer reads the brackets as operators, which break the pair it would
//! otherwise see (`{api_key, "v"}` is found). This pass reads the name just before each
//! `<<"v">>` on the line: an atom or a binary key, then `,` (a tuple), `=>` or `:=` (a map).

use super::names::names_secret;
use super::{Candidate, Origin};

/// Appends a candidate for every binary literal on `line` named by a credential.
pub(super) fn binaries(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&line[from..], b"<<\"").map(|i| from + i) {
        let s = open + 3;
        let Some(e) = memchr::memmem::find(&line[s..], b"\">>").map(|i| s + i) else {
            return;
        };
        from = e + 3;
        // The name: before `,`, `=>` or `:=`, and the spaces around them.
        let head = line[..open].trim_ascii_end();
        let Some(head) = head
            .strip_suffix(b",")
            .or_else(|| head.strip_suffix(b"=>"))
            .or_else(|| head.strip_suffix(b":="))
        else {
            continue;
        };
        let head = head.trim_ascii_end();
        let name = if let Some(bin) = head.strip_suffix(b"\">>") {
            let Some(q) = memchr::memrchr(b'"', bin) else {
                continue;
            };
            &bin[q + 1..]
        } else {
            let head = head.strip_suffix(b"'").unwrap_or(head);
            let start = head
                .iter()
                .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'@')))
                .map_or(0, |i| i + 1);
            &head[start..]
        };
        let Ok(name) = std::str::from_utf8(name) else {
            continue;
        };
        if name.is_empty() || !names_secret(name) || e <= s {
            continue;
        }
        out.push(Candidate::literal(
            name.to_string(),
            base + s,
            base + e,
            String::from_utf8_lossy(&line[s..e]).into_owned(),
            line_start,
            Origin::Assignment,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        binaries(line.as_bytes(), 0, 0, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn named_binaries() {
        let pair = |k: &str| vec![(k.to_string(), "x7Qm2".to_string())];
        assert_eq!(found("Opts = [{api_key, <<\"x7Qm2\">>}],"), pair("api_key"));
        assert_eq!(found("#{password => <<\"x7Qm2\">>}"), pair("password"));
        assert_eq!(found("M#{'api_token' := <<\"x7Qm2\">>}"), pair("api_token"));
        assert_eq!(found("#{<<\"token\">> => <<\"x7Qm2\">>}"), pair("token"));
        assert!(found("{name, <<\"x7Qm2\">>}").is_empty());
        assert!(found("<<\"x7Qm2\">>").is_empty());
    }
}
