//! Calls split over lines.
//!
//! A call whose arguments sit one to a line (`DriverManager.getConnection(\n url,\n "shop",\n
//! "v");`, `new NetworkCredential(\n "ops",\n "v")`) leaves the literal on a line that holds
//! nothing but the literal: the callee, the argument's position and the sibling that names it
//! are on the lines above. The line lexer reads one line at a time, so for a line of code
//! holding a string literal whose previous lines end with `(` or `,`, this pass walks back to
//! the line that opens the call (at most [`MAX_LINES`] lines, [`MAX_BACK`] bytes) and reads
//! the call's text as one line, newlines read as spaces (so every offset stays the blob's),
//! keeping the candidates it finds on the literal's own line.

use super::kind::Kind;
use super::{lexer, positional, siblings, Candidate};

/// Most lines walked back to the line that opens a call.
const MAX_LINES: usize = 8;
/// Most bytes walked back.
const MAX_BACK: usize = 1024;

/// Appends the candidates of the line `data[at..end]` (of code) that the call it continues
/// gives it. `first` is the first of `out` that this line added.
pub(super) fn candidates(
    data: &[u8],
    at: usize,
    end: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    // The literal opens its line (a string prefix aside: `@"v"`, `r'v'`, `b"v"`): a line
    // that starts with a name is read on its own.
    let line = data[at..end].trim_ascii_start();
    let quote_at = line
        .iter()
        .take(3)
        .position(|b| matches!(b, b'"' | b'\'' | b'`'));
    if at == 0
        || !quote_at
            .is_some_and(|q| line[..q].iter().all(u8::is_ascii_alphanumeric) || line[..q] == *b"@")
    {
        return;
    }
    let Some(from) = call_start(data, at) else {
        return;
    };
    // The call's text as one line: newlines read as spaces, offsets unchanged.
    let joined: Vec<u8> = data[from..end]
        .iter()
        .map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b })
        .collect();
    let mut found = Vec::new();
    let toks = lexer::tokenize(&joined);
    lexer::candidates_tokenized(&joined, &toks, from, at, Kind::Code, &mut found);
    positional::candidates(&joined, &toks, from, at, 0, &mut found);
    if super::names::mentions_secret(&joined) {
        siblings::candidates(&joined, &toks, from, at, 0, &mut found);
    }
    for cand in found {
        let on_line = cand.start >= at && cand.end <= end;
        let known = out[first..]
            .iter()
            .any(|c| c.start == cand.start && c.end == cand.end && c.key == cand.key);
        if on_line && !known {
            out.push(cand);
        }
    }
}

/// The start of the line that opens the call the line at `at` continues (walking back over
/// lines that end with `,` or `(` until one leaves a `(` open), or of the line right above
/// that assigns the value this line holds.
fn call_start(data: &[u8], at: usize) -> Option<usize> {
    let floor = at.saturating_sub(MAX_BACK);
    let mut line_end = at - 1; // the previous line's newline
    let mut balance = 0i32;
    for _ in 0..MAX_LINES {
        let prev = &data[..line_end];
        let start = memchr::memrchr(b'\n', prev).map_or(0, |i| i + 1);
        if start < floor {
            return None;
        }
        let text = data[start..line_end].trim_ascii_end();
        // `const apiKey =` / `apiKey:` with the literal on the next line (Prettier and
        // black wrap long values so): the value's own statement.
        if balance == 0 && line_end + 1 == at && opens_value(text) {
            return Some(start);
        }
        if !matches!(text.last(), Some(b',' | b'(')) {
            return None;
        }
        balance += paren_balance(text);
        if balance > 0 {
            return Some(start);
        }
        if start == 0 {
            return None;
        }
        line_end = start - 1;
    }
    None
}

/// Whether a line ends with an assignment whose value is on the next line (`x =`, `x :=`,
/// `k =>`), or is a lone key (`apiKey:`, `"api_key":`).
fn opens_value(text: &[u8]) -> bool {
    let t = text.trim_ascii();
    if t.ends_with(b"=") {
        let before = t.len().checked_sub(2).map(|i| t[i]);
        return !matches!(before, Some(b'=' | b'!' | b'<' | b'>'));
    }
    if t.ends_with(b"=>") {
        return true;
    }
    let Some(key) = t.strip_suffix(b":") else {
        return false;
    };
    let key = key.trim_ascii_end();
    !key.is_empty()
        && key
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.$\"'".contains(b))
}

/// `(` less `)` on a line, outside string literals.
fn paren_balance(line: &[u8]) -> i32 {
    let mut balance = 0;
    let mut quote = None;
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        match quote {
            Some(_) if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'(' => balance += 1,
                b')' => balance -= 1,
                _ => {}
            },
        }
        i += 1;
    }
    balance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_that_opens_the_call() {
        let data = b"x = 1\nc = connect(\n  url,\n  \"shop\",\n  \"v\")\n";
        let at = data.windows(5).position(|w| w == b"  \"v\"").unwrap();
        let open = data.windows(7).position(|w| w == b"c = con").unwrap();
        assert_eq!(call_start(data, at), Some(open));
        // A list's elements are no call's arguments.
        let data = b"xs = [\n  \"a\",\n  \"v\"]\n";
        let at = data.windows(5).position(|w| w == b"  \"v\"").unwrap();
        assert_eq!(call_start(data, at), None);
        // A call closed on an earlier line.
        let data = b"f(a,\n  b)\ny = [1,\n  \"v\"]\n";
        let at = data.windows(5).position(|w| w == b"  \"v\"").unwrap();
        assert_eq!(call_start(data, at), None);
        assert_eq!(paren_balance(b"f(\")\", g(x),"), 1);
    }
}
