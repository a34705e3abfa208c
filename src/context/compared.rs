//! Literals compared with a credential: the value a check expects.
//!
//! `if (req.get('x-api-key') !== 'v')` (an Express middleware), `if token == "v":`,
//! xUnit's `Assert.Equal("v", request.Headers.GetValues("x-api-key").Single())`, JUnit's
//! `assertEquals("v", config.getPassword())`, Rust's `assert_eq!(creds.token, "v")`: no `=` or
//! `:` ties the literal to a name, but the other side of the comparison reads a credential
//! (a name, or a header or key named in a string), so the literal is the credential the code
//! accepts or sends. This pass pairs a literal that is one whole side of `==`, `===`, `!=`,
//! `!==` or one whole argument of a two-argument equality assertion with the credential
//! name on the other side; the shared classifier judges the value like any other.

use super::lexer::{Tok, Token};
use super::names::{key_for, names_secret};
use super::{Candidate, Origin};

/// Equality operators whose sides are compared.
const EQUALITY: &[&[u8]] = &[b"==", b"===", b"!=", b"!=="];

/// Assertions of equality by their last name part, without case: xUnit `Assert.Equal`,
/// NUnit/MSTest `Assert.AreEqual`, JUnit `assertEquals`, unittest `assertEqual`, Rust
/// `assert_eq!`, Node `assert.equal`/`strictEqual`.
const ASSERTIONS: &[&str] = &[
    "equal",
    "areequal",
    "assertequal",
    "assertequals",
    "assert_eq",
    "strictequal",
    "deepequal",
];

/// Words that end an operand read leftwards (`if`, `and`, `return`, ...).
const STOP_WORDS: &[&[u8]] = &[
    b"if", b"elif", b"while", b"and", b"or", b"not", b"return", b"assert", b"unless", b"when",
];

/// Appends the literals of `line` compared with a credential.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let mut pairs: Vec<(&[Token], &[Token])> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Op if EQUALITY.contains(&&line[t.start..t.end]) => {
                let left = &toks[operand_start(line, toks, i)..i];
                let right = &toks[i + 1..operand_end(line, toks, i + 1)];
                pairs.push((left, right));
            }
            Tok::Open(b'(') if is_assertion(line, toks, i) => {
                if let Some((a, b)) = two_arguments(toks, i) {
                    pairs.push((a, b));
                }
            }
            _ => {}
        }
    }
    for (a, b) in pairs {
        for (literal, other) in [(a, b), (b, a)] {
            let [s] = literal else { continue };
            if !matches!(s.tok, Tok::Str { .. }) {
                continue;
            }
            let Some(name) = credential_name(line, other) else {
                continue;
            };
            let value = crate::context::lossy(&line[s.start..s.end]).into_owned();
            let (start, end) = (base + s.start, base + s.end);
            // Already named by a credential key: nothing to add.
            if super::names::already_named(&out[first..], start, end)
                || super::classify::judge(&value, true).is_err()
            {
                continue;
            }
            out.push(Candidate::literal(
                key_for(&name),
                start,
                end,
                value,
                line_start,
                Origin::Argument,
            ));
        }
    }
}

/// Whether the `(` at `toks[open]` opens an equality assertion (`Assert.Equal(`,
/// `assert_eq!(`).
fn is_assertion(line: &[u8], toks: &[Token], open: usize) -> bool {
    let Some(mut p) = open.checked_sub(1) else {
        return false;
    };
    // Rust's macro bang.
    if toks[p].tok == Tok::Op && &line[toks[p].start..toks[p].end] == b"!" {
        match p.checked_sub(1) {
            Some(q) => p = q,
            None => return false,
        }
    }
    let w = toks[p];
    if w.tok != Tok::Word {
        return false;
    }
    let text = crate::context::lossy(&line[w.start..w.end]).to_ascii_lowercase();
    let last = text.rsplit(['.', ':']).next().unwrap_or("");
    ASSERTIONS.contains(&last)
}

/// The two arguments of the call opened at `toks[open]`, when it has exactly two on the line
/// (a trailing message argument is allowed: JUnit's `assertEquals(msg, a, b)` is not read).
fn two_arguments(toks: &[Token], open: usize) -> Option<(&[Token], &[Token])> {
    let mut depth = 0usize;
    let mut cuts = vec![open + 1];
    let mut j = open + 1;
    loop {
        let t = toks.get(j)?;
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => break,
            Tok::Close(_) => depth -= 1,
            Tok::Sep(b',') if depth == 0 => cuts.push(j + 1),
            _ => {}
        }
        j += 1;
    }
    if cuts.len() < 2 {
        return None;
    }
    let a = &toks[cuts[0]..cuts[1] - 1];
    let b_end = cuts.get(2).map_or(j, |c| c - 1);
    Some((a, &toks[cuts[1]..b_end]))
}

/// Where the operand ending just before `toks[op]` starts: back to an unmatched `(`, a
/// separator, another operator or a stop word.
fn operand_start(line: &[u8], toks: &[Token], op: usize) -> usize {
    let mut depth = 0usize;
    let mut j = op;
    while j > 0 {
        let t = toks[j - 1];
        match t.tok {
            Tok::Close(_) => depth += 1,
            Tok::Open(_) if depth == 0 => break,
            Tok::Open(_) => depth -= 1,
            Tok::Sep(_) | Tok::Op if depth == 0 => break,
            Tok::Word if depth == 0 && STOP_WORDS.contains(&&line[t.start..t.end]) => break,
            _ => {}
        }
        j -= 1;
    }
    j
}

/// Where the operand starting at `toks[from]` ends: at an unmatched `)`, a separator or
/// another operator (exclusive).
fn operand_end(line: &[u8], toks: &[Token], from: usize) -> usize {
    let mut depth = 0usize;
    let mut j = from;
    while j < toks.len() {
        let t = toks[j];
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => break,
            Tok::Close(_) => depth -= 1,
            Tok::Sep(_) | Tok::Op if depth == 0 => break,
            Tok::Word if depth == 0 && STOP_WORDS.contains(&&line[t.start..t.end]) => break,
            _ => {}
        }
        j += 1;
    }
    j
}

/// The credential name read by `operand`: a name (`config.apiKey`, `token`) or a string
/// naming a header or key (`'x-api-key'`, `["password"]`), the last one that names a
/// secret.
fn credential_name(line: &[u8], operand: &[Token]) -> Option<String> {
    operand.iter().rev().find_map(|t| {
        let text = crate::context::lossy(&line[t.start..t.end]);
        let name = match t.tok {
            Tok::Word => text.rsplit(['.', ':', '>']).next().unwrap_or(""),
            Tok::Str { .. } => &text,
            _ => return None,
        };
        names_secret(name).then(|| name.to_string())
    })
}
