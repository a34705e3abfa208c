//! Literals returned by a function or a property named for a credential.
//!
//! `def api_key(self): return "v"`, `public String getApiKey() { return "v"; }`,
//! `get apiKey() { return "v" }`, Go's `func (c *Client) apiToken() string { return "v" }`,
//! Kotlin's `fun apiToken(): String = "v"` and `val apiKey: String get() = "v"`, Swift's
//! computed `var apiKey: String { "v" }`: the name that says "credential" is the function's
//! or the property's, and no `=` or `:` ties it to the literal. This pass pairs a literal that
//! is a body's whole result (after `return`, a body's `{`, or a declaration's `=`, and
//! followed only by `;` or `}`) with the function or property it is returned from, on its
//! own line or, for a `return "v"` line, on the line above (Python's `def`, a `{` body).

use super::lexer::{tokenize, Tok, Token};
use super::names::names_secret;
use super::{Candidate, Origin};

/// Most tokens between the name and the literal.
const MAX_GAP: usize = 24;
/// Most bytes walked back to the declaration above a `return` line.
const MAX_BACK: usize = 512;

/// Appends the returned literals of `line` (the bytes `data[base..]`) that their function or
/// property names.
pub(super) fn candidates(
    data: &[u8],
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    for (j, t) in toks.iter().enumerate() {
        if !matches!(t.tok, Tok::Str { .. }) || j == 0 {
            continue;
        }
        let ends_body = toks
            .get(j + 1)
            .is_none_or(|n| matches!(n.tok, Tok::Sep(b';') | Tok::Close(b'}')));
        if !ends_body {
            continue;
        }
        let before = toks[j - 1];
        let returned = before.tok == Tok::Word && &line[before.start..before.end] == b"return";
        let body_open = before.tok == Tok::Open(b'{');
        // `fun apiToken() = "v"`, `fun apiToken(): String = "v"`, `get() = "v"`: a
        // declaration's `=`, after its parameters (and return type).
        let after_params = |k: Option<usize>| k.is_some_and(|k| toks[k].tok == Tok::Close(b')'));
        let declared = before.tok == Tok::Op
            && &line[before.start..before.end] == b"="
            && (after_params(j.checked_sub(2))
                || (j >= 4
                    && toks[j - 2].tok == Tok::Word
                    && toks[j - 3].tok == Tok::Op
                    && &line[toks[j - 3].start..toks[j - 3].end] == b":"
                    && after_params(Some(j - 4))));
        if !(returned || body_open || declared) {
            continue;
        }
        let name = name_on_line(line, toks, j - 1).or_else(|| {
            (returned && j == 1)
                .then(|| name_above(data, base))
                .flatten()
        });
        let Some(name) = name.filter(|n| names_secret(n)) else {
            continue;
        };
        let value = String::from_utf8_lossy(&line[t.start..t.end]).into_owned();
        if super::classify::judge(&value, true).is_err() {
            continue;
        }
        out.push(Candidate::literal(
            name,
            base + t.start,
            base + t.end,
            value,
            line_start,
            Origin::Assignment,
        ));
    }
}

/// The function or property the body ending before `toks[to]` belongs to, on the same line:
/// the word glued to the nearest `(` (`getApiKey(`, `apiToken(`), unless that is a
/// property's getter (`get()`), whose property is the name before a `:`; or, with no call,
/// Swift's `name: Type {`.
fn name_on_line(line: &[u8], toks: &[Token], to: usize) -> Option<String> {
    let text = |t: &Token| String::from_utf8_lossy(&line[t.start..t.end]).into_owned();
    let from = to.saturating_sub(MAX_GAP);
    for k in (from..=to).rev() {
        if toks[k].tok != Tok::Open(b'(') || k == 0 {
            continue;
        }
        let word = toks[k - 1];
        if word.tok != Tok::Word || word.end != toks[k].start {
            continue;
        }
        let name = text(&word);
        if matches!(
            name.as_str(),
            "if" | "while" | "for" | "switch" | "catch" | "elif" | "when"
        ) {
            return None;
        }
        if name != "get" {
            return Some(name);
        }
        return declared_before(line, toks, k - 1);
    }
    // Swift's computed property: `var apiKey: String {` (the body's `{` is `toks[to]`).
    if toks[to].tok == Tok::Open(b'{') {
        return declared_before(line, toks, to);
    }
    None
}

/// The name declared with a type annotation (`name: Type`) before `toks[to]`.
fn declared_before(line: &[u8], toks: &[Token], to: usize) -> Option<String> {
    let from = to.saturating_sub(MAX_GAP);
    (from + 1..to).rev().find_map(|k| {
        let (name, colon) = (toks[k - 1], toks[k]);
        (name.tok == Tok::Word
            && colon.tok == Tok::Op
            && &line[colon.start..colon.end] == b":"
            && colon.start == name.end)
            .then(|| String::from_utf8_lossy(&line[name.start..name.end]).into_owned())
    })
}

/// For a `return "v"` line starting at `data[at]` (its first token): the function declared
/// on the nearest line above that opens a body (`def api_key(self):`, `String getToken() {`).
fn name_above(data: &[u8], at: usize) -> Option<String> {
    let line_start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1);
    let mut end = line_start.checked_sub(1)?;
    for _ in 0..2 {
        let start = memchr::memrchr(b'\n', &data[..end]).map_or(0, |i| i + 1);
        if at - start > MAX_BACK {
            return None;
        }
        let prev = data[start..end].trim_ascii();
        if !prev.is_empty() {
            if !matches!(prev.last(), Some(b':' | b'{')) {
                return None;
            }
            let toks = tokenize(prev);
            let k = toks.iter().position(|t| t.tok == Tok::Open(b'('))?;
            let word = toks.get(k.checked_sub(1)?)?;
            return (word.tok == Tok::Word && word.end == toks[k].start)
                .then(|| String::from_utf8_lossy(&prev[word.start..word.end]).into_owned());
        }
        end = start.checked_sub(1)?;
    }
    None
}
