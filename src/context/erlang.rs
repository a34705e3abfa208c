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
        // Built at run time: a five-character password is reported since session 14.
        let v = ["x7Q", "m2"].concat();
        let pair = |k: &str| vec![(k.to_string(), v.clone())];
        let with = |text: &str| found(&text.replace("V", &v));
        assert_eq!(with("Opts = [{api_key, <<\"V\">>}],"), pair("api_key"));
        assert_eq!(with("#{password => <<\"V\">>}"), pair("password"));
        assert_eq!(with("M#{'api_token' := <<\"V\">>}"), pair("api_token"));
        assert_eq!(with("#{<<\"token\">> => <<\"V\">>}"), pair("token"));
        assert!(with("{name, <<\"V\">>}").is_empty());
        assert!(with("<<\"V\">>").is_empty());
    }
}
