//! Test code that states a credential's value: `expect(client.apiKey).toBe("v")`,
//! `expect(config.password).to eq("v")`, `client.token.should == "v"`,
//! RSpec's `let(:api_key) { "v" }`.
//!
//! Unit tests build clients from literal credentials and then check them; in the sample of
//! public code (issue 13) test files were the second largest source of misses after prose.
//! An assertion ties the literal to what it is compared with, but through a matcher rather
//! than an `=`: jest/vitest (`toBe`, `toEqual`, `toStrictEqual`), chai and should.js
//! (`to.equal`, `to.eql`, `should.equal`), RSpec (`to eq`, `to eql`, `should ==`). This pass
//! names the literal by the last name of the expression under test (`client.apiKey` gives
//! `apiKey`, `headers["x-api-key"]` gives `x-api-key`, `getToken()` gives `getToken`) when
//! that name names a credential; a negated matcher (`not.toBe`, `not_to eq`) states what the
//! value is not, and gives nothing. RSpec's `let(:name) { "v" }` / `subject(:name)` binds
//! the literal to the symbol. The shared classifier drops placeholders and fixtures' words.

use super::names::Finder;
use super::names::{names_secret, names_stand_in};
use super::{Candidate, Origin};

/// Matchers, as written after the expression (chained with `.` or, in RSpec, a space).
const MATCHERS: &[&str] = &[
    "toBe",
    "toEqual",
    "toStrictEqual",
    "to.equal",
    "to.eql",
    "to.be.equal",
    "to.deep.equal",
    "should.equal",
    "should.eql",
    "to eql",
    "to eq",
    "to equal",
    "should eq",
    "should ==",
    "should.be",
];

/// The openers searched for on every line read, each searcher built once (what
/// `memchr::memmem::find` would build on every call).
static EXPECT: Finder = Finder::new(b"expect(");
static SHOULD: Finder = Finder::new(b".should");
static WHEN: Finder = Finder::new(b"when(");
static GIVEN: Finder = Finder::new(b"given(");
static SPY_ON: Finder = Finder::new(b"spyOn(");
static LET: Finder = Finder::new(b"let(:");
static LET_BANG: Finder = Finder::new(b"let!(:");
static SUBJECT: Finder = Finder::new(b"subject(:");

/// Appends the literal an assertion or an RSpec `let` on `line` (at `data[base..]`) states
/// for a credential.
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if let Some(i) = EXPECT.find(line) {
        if i == 0 || !is_ident(line[i - 1]) {
            expectation(line, i + b"expect(".len(), base, line_start, first, out);
        }
    }
    if let Some(i) = SHOULD.find(line) {
        should(line, i, base, line_start, first, out);
    }
    // Mockito's `when(config.getApiKey()).thenReturn("v")`, `given(...).willReturn("v")`.
    for (opener, finder, result) in [
        (&b"when("[..], &WHEN, &b".thenReturn("[..]),
        (b"given(", &GIVEN, b".willReturn("),
    ] {
        if let Some(i) = finder.find(line) {
            if i == 0 || !is_ident(line[i - 1]) {
                stub(line, i + opener.len(), result, base, line_start, first, out);
            }
        }
    }
    // jest's `jest.spyOn(auth, "getToken").mockReturnValue("v")`.
    if let Some(i) = SPY_ON.find(line) {
        spied(line, i + b"spyOn(".len(), base, line_start, first, out);
    }
    for (opener, finder) in [
        (&b"let(:"[..], &LET),
        (b"let!(:", &LET_BANG),
        (b"subject(:", &SUBJECT),
    ] {
        if let Some(i) = finder.find(line) {
            if i == 0 || !is_ident(line[i - 1]) {
                let_block(line, i + opener.len(), base, line_start, first, out);
            }
        }
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// `expect(<subject>)<matcher>(<literal>)`; `open` is the subject's first byte.
fn expectation(
    line: &[u8],
    open: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let Some((close, name)) = parenthesized_subject(line, open) else {
        return;
    };
    let rest = &line[close + 1..];
    let Some(after) = MATCHERS.iter().find_map(|m| {
        let m = m.as_bytes();
        rest.strip_prefix(b".")
            .and_then(|r| r.strip_prefix(m))
            .or_else(|| rest.strip_prefix(b" ").and_then(|r| r.strip_prefix(m)))
            .map(|r| close + 1 + (rest.len() - r.len()))
    }) else {
        return;
    };
    literal_at(line, after, name, base, line_start, first, out);
}

/// `<subject>.should == "v"`, `.should eq "v"`, `.should.equal("v")`; `at` is the `.should`.
fn should(
    line: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let subject_start = line[..at]
        .iter()
        .rposition(|b| {
            !(is_ident(*b)
                || matches!(
                    b,
                    b'.' | b'[' | b']' | b'"' | b'\'' | b'-' | b'(' | b')' | b':' | b'@'
                ))
        })
        .map_or(0, |i| i + 1);
    let Some(name) = subject_name(&line[subject_start..at]) else {
        return;
    };
    let rest = &line[at + 1..];
    let Some(after) = MATCHERS
        .iter()
        .filter(|m| m.starts_with("should"))
        .find_map(|m| rest.strip_prefix(m.as_bytes()))
        .map(|r| at + 1 + (rest.len() - r.len()))
    else {
        return;
    };
    literal_at(line, after, name, base, line_start, first, out);
}

/// `when(<subject>)<result>(<literal>)`; `open` is the subject's first byte.
fn stub(
    line: &[u8],
    open: usize,
    result: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let Some((close, name)) = parenthesized_subject(line, open) else {
        return;
    };
    let Some(after) = line[close + 1..].strip_prefix(result) else {
        return;
    };
    literal_at(
        line,
        line.len() - after.len(),
        name,
        base,
        line_start,
        first,
        out,
    );
}

/// `spyOn(<object>, "<method>").mockReturnValue(<literal>)` (and `mockReturnValueOnce`,
/// `mockResolvedValue`, `mockResolvedValueOnce`); `open` is the first argument's first byte.
fn spied(
    line: &[u8],
    open: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(close) = closing_paren(line, open) else {
        return;
    };
    let args = &line[open..close];
    let Some(comma) = args.iter().rposition(|&b| b == b',') else {
        return;
    };
    let Some(name) = subject_name(&args[comma + 1..]) else {
        return;
    };
    let rest = &line[close + 1..];
    let Some(after) = [
        &b".mockReturnValueOnce("[..],
        b".mockReturnValue(",
        b".mockResolvedValueOnce(",
        b".mockResolvedValue(",
    ]
    .iter()
    .find_map(|m| rest.strip_prefix(*m)) else {
        return;
    };
    literal_at(
        line,
        line.len() - after.len(),
        name,
        base,
        line_start,
        first,
        out,
    );
}

/// RSpec's `let(:name) { "v" }`; `at` is the symbol's first byte.
fn let_block(
    line: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let len = line[at..].iter().take_while(|b| is_ident(**b)).count();
    let name = String::from_utf8_lossy(&line[at..at + len]).into_owned();
    let rest = &line[at + len..];
    let Some(body) = rest.strip_prefix(b")") else {
        return;
    };
    let skip = body.iter().take_while(|b| **b == b' ').count();
    if body.get(skip) != Some(&b'{') {
        return;
    }
    // The block holds the literal alone.
    let mut from = at + len + 1 + skip + 1;
    while line.get(from) == Some(&b' ') {
        from += 1;
    }
    let Some((s, e)) = quoted(line, from) else {
        return;
    };
    let tail = line[e + 1..].trim_ascii();
    if !tail.starts_with(b"}") {
        return;
    }
    push(name, line, s, e, base, line_start, first, out);
}

/// The literal opening at `line[at..]` (after optional `(` and spaces), closing its call.
fn literal_at(
    line: &[u8],
    at: usize,
    name: String,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let mut from = at;
    while matches!(line.get(from), Some(b' ' | b'(')) {
        from += 1;
    }
    let Some((s, e)) = quoted(line, from) else {
        return;
    };
    let tail = line[e + 1..].trim_ascii_start();
    if !(tail.is_empty() || matches!(tail[0], b')' | b';' | b',' | b'#')) {
        return;
    }
    push(name, line, s, e, base, line_start, first, out);
}

/// The inside of the string literal opening at `line[at]`: `(start, end)`, `end` the closing
/// quote.
fn quoted(line: &[u8], at: usize) -> Option<(usize, usize)> {
    let q = *line.get(at)?;
    if !matches!(q, b'"' | b'\'' | b'`') {
        return None;
    }
    let close = line[at + 1..].iter().position(|&b| b == q || b == b'\\')?;
    let end = at + 1 + close;
    (line[end] == q).then_some((at + 1, end))
}

#[allow(clippy::too_many_arguments)]
fn push(
    name: String,
    line: &[u8],
    s: usize,
    e: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if !names_secret(&name) || names_stand_in(&name) || e <= s {
        return;
    }
    let value = &line[s..e];
    if value.windows(2).any(|w| w == b"${" || w == b"#{") {
        return;
    }
    let (start, end) = (base + s, base + e);
    if super::names::already_named(&out[first..], start, end) {
        return;
    }
    out.push(Candidate::literal(
        name,
        start,
        end,
        String::from_utf8_lossy(value).into_owned(),
        line_start,
        Origin::Assignment,
    ));
}

/// The `)` closing the `(` before `line[open]`, outside string literals.
fn closing_paren(line: &[u8], open: usize) -> Option<usize> {
    let mut depth = 1;
    let mut quote = None;
    let mut i = open;
    while i < line.len() {
        let b = line[i];
        match quote {
            Some(_) if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    None
}

/// The `)` closing the call whose argument starts at `line[open]`, and the name of that
/// argument as a subject (`expect(<subject>)`, `when(<subject>)`).
fn parenthesized_subject(line: &[u8], open: usize) -> Option<(usize, String)> {
    let close = closing_paren(line, open)?;
    Some((close, subject_name(&line[open..close])?))
}

/// The name an assertion's subject ends in: `client.apiKey` gives `apiKey`,
/// `headers["x-api-key"]` gives `x-api-key`, `getToken()` gives `getToken`.
fn subject_name(subject: &[u8]) -> Option<String> {
    let mut s = subject.trim_ascii();
    while let Some(rest) = s.strip_suffix(b"()") {
        s = rest;
    }
    let s = s.strip_suffix(b"!").unwrap_or(s);
    // A method named by a string (`spyOn(auth, "getToken")`).
    let s = match s {
        [q @ (b'"' | b'\''), inner @ .., q2] if q == q2 => inner,
        _ => s,
    };
    let name = if let Some(inner) = s.strip_suffix(b"]") {
        let open = inner.iter().rposition(|&b| b == b'[')?;
        inner[open + 1..].trim_ascii().trim_ascii()
    } else {
        let len = s.iter().rev().take_while(|b| is_ident(**b)).count();
        &s[s.len() - len..]
    };
    let name = name
        .strip_prefix(b"\"")
        .or_else(|| name.strip_prefix(b"'"))
        .or_else(|| name.strip_prefix(b":"))
        .unwrap_or(name);
    let name = name
        .strip_suffix(b"\"")
        .or_else(|| name.strip_suffix(b"'"))
        .unwrap_or(name);
    let name = std::str::from_utf8(name).ok()?;
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        candidates(line.as_bytes(), 0, 0, 0, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn assertions_name_their_literal() {
        let want = |k: &str| vec![(k.to_string(), "v1".to_string())];
        assert_eq!(
            values("expect(client.apiKey).toBe(\"v1\");"),
            want("apiKey")
        );
        assert_eq!(
            values("expect(h[\"x-api-key\"]).toEqual('v1')"),
            want("x-api-key")
        );
        assert_eq!(
            values("expect(c.getToken()).toBe(\"v1\")"),
            want("getToken")
        );
        assert_eq!(
            values("expect(client.password).to eq(\"v1\")"),
            want("password")
        );
        assert_eq!(
            values("expect(client.password).to eq \"v1\""),
            want("password")
        );
        assert_eq!(values("expect(cfg.secret).to.equal('v1');"), want("secret"));
        assert_eq!(values("client.token.should == \"v1\""), want("token"));
        assert_eq!(values("  let(:api_key) { \"v1\" }"), want("api_key"));
        assert_eq!(values("  let!(:token) { 'v1' }"), want("token"));
        assert_eq!(
            values("when(cfg.getApiKey()).thenReturn(\"v1\");"),
            want("getApiKey")
        );
        assert_eq!(
            values("given(c.getToken()).willReturn(\"v1\");"),
            want("getToken")
        );
        assert_eq!(
            values("jest.spyOn(auth, \"getToken\").mockReturnValue(\"v1\");"),
            want("getToken")
        );
    }

    #[test]
    fn other_assertions_give_nothing() {
        for line in [
            "expect(client.apiKey).toBe(apiKey);",
            "expect(client.apiKey).not.toBe(\"v1\");",
            "expect(client.name).toBe(\"v1\");",
            "expect(fakeToken).toBe(\"v1\");",
            "expect(screen.getByLabelText(\"Password\")).toBeInTheDocument();",
            "let(:api_key) { ENV.fetch(\"API_KEY\") }",
            "expect(t.token).toBe(`${prefix}x`)",
            "when(cfg.getApiKey()).thenReturn(key);",
            "when(cfg.getName()).thenReturn(\"v1\");",
        ] {
            assert!(values(line).is_empty(), "{line}: {:?}", values(line));
        }
    }
}
