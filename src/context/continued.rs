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
    // A value whose literal ends the line and goes on below (`"a" +`, `"a" \\`): the pieces
    // below are joined to it.
    if out.len() > first {
        joined_below(data, at, end, first, out);
    }
    // The literal opens its line (a string prefix aside: `@"v"`, `r'v'`, `b"v"`): a line
    // that starts with a name is read on its own.
    let line = data[at..end].trim_ascii_start();
    let quote_at = line
        .iter()
        .take(3)
        .position(|b| matches!(b, b'"' | b'\'' | b'`'));
    // Or a conversion to another string type opens it (`OsString::from("v"),`).
    if at == 0
        || !(quote_at
            .is_some_and(|q| line[..q].iter().all(u8::is_ascii_alphanumeric) || line[..q] == *b"@")
            || lexer::opens_with_conversion(line))
    {
        return;
    }
    let Some(from) = call_start(data, at) else {
        return;
    };
    // Inside an open bracket, literals on the lines below that hold nothing else are joined
    // to this one (Python's implicit concatenation: `API_KEY = (\n "a"\n "b"\n)`).
    let stop = run_end(data, at, end, true);
    if stop > end {
        extend_inner(data, end, stop, first, out);
    }
    // The call's text as one line: newlines read as spaces, offsets unchanged.
    let joined = as_one_line(&data[from..stop]);
    let mut found = Vec::new();
    let toks = lexer::tokenize(&joined);
    lexer::candidates_tokenized(&joined, &toks, from, at, Kind::Code, &mut found);
    positional::candidates(&joined, &toks, from, at, 0, &mut found);
    if super::names::mentions_secret(&joined) {
        siblings::candidates(&joined, &toks, from, at, 0, &mut found);
    }
    for cand in found {
        // On this line, or a literal of this line joined to the ones below it.
        let on_line = cand.start >= at && cand.start < end.max(at + 1) && cand.end <= stop;
        let known = out[first..]
            .iter()
            .any(|c| c.start == cand.start && c.end == cand.end && c.key == cand.key);
        if on_line && !known {
            out.push(cand);
        }
    }
}

/// Most lines a literal is followed through.
const MAX_JOINED: usize = 6;

/// `text` as one line: newlines read as spaces, and a line's continuation backslash too
/// (the offsets stay the blob's).
fn as_one_line(text: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = text
        .iter()
        .map(|&b| if b == b'\n' || b == b'\r' { b' ' } else { b })
        .collect();
    for i in 0..text.len() {
        if text[i] == b'\n' {
            let before = text[..i].trim_ascii_end();
            if before.last() == Some(&b'\\') {
                out[before.len() - 1] = b' ';
            }
        }
    }
    out
}

/// Where a run of string literals that starts on the line `data[at..end]` ends: the end of
/// the last line below it that continues it. A line continues the run when the line above
/// ends with `+` or a continuation `\\` (or, `in_brackets`, with a literal) and it starts
/// with a literal (or `+` and a literal). `end` when nothing continues it.
fn run_end(data: &[u8], at: usize, end: usize, in_brackets: bool) -> usize {
    let (mut line_at, mut line_end) = (at, end);
    for _ in 0..MAX_JOINED {
        let line = data[line_at..line_end].trim_ascii_end();
        if line_end >= data.len() || line_end - at > MAX_BACK {
            break;
        }
        let next_at = line_end + 1;
        let next_end = memchr::memchr(b'\n', &data[next_at..]).map_or(data.len(), |i| next_at + i);
        let next = data[next_at..next_end].trim_ascii();
        let plus_first = next.first() == Some(&b'+');
        let goes_on = match line.last() {
            Some(b'+' | b'\\') => true,
            // `"a"` / `+ "b"` (Java's and C#'s wrapping), or inside brackets `"a"` / `"b"`.
            Some(b'"' | b'\'') => in_brackets || plus_first,
            _ => false,
        };
        let next = next
            .strip_prefix(b"+")
            .map_or(next, |rest| rest.trim_ascii_start());
        if !goes_on || !matches!(next.first(), Some(b'"' | b'\'')) {
            break;
        }
        (line_at, line_end) = (next_at, next_end);
    }
    line_end
}

/// A value on the line `data[at..end]` whose last literal is continued on the lines below
/// (`key = "a" +` / `"b"`, `KEY = "a" \\` / `"b"`): the candidate this line gave for the
/// first piece is given the joined value instead, as the line lexer joins the pieces of one
/// line (`"a" + "b"`, `"a" "b"`).
fn joined_below(data: &[u8], at: usize, end: usize, first: usize, out: &mut [Candidate]) {
    let stop = run_end(data, at, end, false);
    if stop == end {
        return;
    }
    extend_inner(data, end, stop, first, out);
    let joined = as_one_line(&data[at..stop]);
    let toks = lexer::tokenize(&joined);
    let mut found = Vec::new();
    lexer::candidates_tokenized(&joined, &toks, at, at, Kind::Code, &mut found);
    for cand in found.into_iter().filter(|c| c.end > end) {
        if let Some(piece) = out[first..]
            .iter_mut()
            .find(|c| c.start == cand.start && c.key == cand.key && c.end <= end)
        {
            *piece = cand;
        }
    }
}

/// A value read inside a string literal that ends this line
/// (`"Authorization: Bearer <head>"` / `"<rest>\\n"`) goes on in the literals below it, up to
/// `stop`: their text is joined to it until a space or an escape ends the value.
fn extend_inner(data: &[u8], end: usize, stop: usize, first: usize, out: &mut [Candidate]) {
    for cand in out[first..].iter_mut() {
        // Only a value that runs to its literal's closing quote, the last on the line.
        let closes = data
            .get(cand.end)
            .is_some_and(|q| matches!(q, b'"' | b'\''));
        if cand.origin != super::Origin::Header
            || !closes
            || data[cand.end + 1..end]
                .iter()
                .any(|b| matches!(b, b'"' | b'\''))
        {
            continue;
        }
        let mut value = cand.secret().to_string();
        let mut at = cand.end + 1;
        let mut last = cand.end;
        loop {
            // The next literal: past spaces, newlines, `+` and continuation backslashes.
            while at < stop && (data[at].is_ascii_whitespace() || matches!(data[at], b'+' | b'\\'))
            {
                at += 1;
            }
            if at >= stop || !matches!(data[at], b'"' | b'\'') {
                break;
            }
            let quote = data[at];
            let body = at + 1;
            let Some(len) = data[body..stop].iter().position(|&b| b == quote) else {
                break;
            };
            let text = &data[body..body + len];
            let run = text
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'\\')
                .unwrap_or(text.len());
            value.push_str(&String::from_utf8_lossy(&text[..run]));
            last = body + run;
            if run < text.len() {
                break;
            }
            at = body + len + 1;
        }
        if last > cand.end {
            cand.end = last;
            cand.decoded = Some(value);
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
