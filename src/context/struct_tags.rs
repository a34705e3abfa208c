//! Defaults in struct tags and property initialisers, named by the field.
//!
//! Go's `envconfig` / `env` libraries read a field's default from its tag:
//! `APIToken string \`envconfig:"API_TOKEN" default:"v"\``
//! (github.com/kelseyhightower/envconfig, `default` tag; caarlos0/env's `envDefault`). The
//! value is named by the tag's variable name or the field's own name. C#'s auto-property
//! initialiser `public string SpeckleToken { get; set; } = "v";` names its value by the
//! property, across the accessor braces the lexer does not read past.

use super::lexer::{Tok, Token};
use super::names::names_secret;
use super::{Candidate, Origin};

/// Tag keys whose value is the field's default.
const DEFAULT_TAGS: &[&str] = &["default", "envDefault"];

/// Appends the defaults of the struct tags and the initialisers of the auto-properties on
/// `line`.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    for (i, t) in toks.iter().enumerate() {
        match t.tok {
            Tok::Str { quote: b'`' } => go_tag(line, toks, i, base, line_start, out),
            Tok::Str { .. } => property(line, toks, i, base, line_start, out),
            _ => {}
        }
    }
}

fn go_tag(
    line: &[u8],
    toks: &[Token],
    i: usize,
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let t = toks[i];
    let Ok(tag) = std::str::from_utf8(&line[t.start..t.end]) else {
        return;
    };
    // `key:"value"` pairs, separated by spaces.
    let mut pairs = Vec::new();
    let mut at = 0;
    while let Some(colon) = tag[at..].find(":\"").map(|c| at + c) {
        let key = tag[at..colon].trim();
        let from = colon + 2;
        let Some(len) = tag[from..].find('"') else {
            break;
        };
        pairs.push((key, from, &tag[from..from + len]));
        at = from + len + 1;
    }
    let Some(&(_, from, value)) = pairs.iter().find(|(k, _, _)| DEFAULT_TAGS.contains(k)) else {
        return;
    };
    // The name: a tag's variable name, or else the field's (the first word of the line).
    let field = toks
        .first()
        .filter(|f| f.tok == Tok::Word)
        .map(|f| String::from_utf8_lossy(&line[f.start..f.end]).into_owned());
    let Some(name) = pairs
        .iter()
        .filter(|(k, _, _)| !DEFAULT_TAGS.contains(k))
        .map(|(_, _, v)| v.split(',').next().unwrap_or("").to_string())
        .chain(field)
        .find(|n| names_secret(n))
    else {
        return;
    };
    if value.is_empty() || super::classify::judge(value, true).is_err() {
        return;
    }
    let start = base + t.start + from;
    out.push(Candidate::literal(
        name,
        start,
        start + value.len(),
        value.to_string(),
        line_start,
        Origin::Assignment,
    ));
}

/// `Name { get; set; } = "v"`: the string after `} =` whose braces follow a name.
fn property(
    line: &[u8],
    toks: &[Token],
    i: usize,
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let text = |t: &Token| &line[t.start..t.end];
    if i < 3 || toks[i - 1].tok != Tok::Op || text(&toks[i - 1]) != b"=" {
        return;
    }
    if toks[i - 2].tok != Tok::Close(b'}') {
        return;
    }
    let Some(open) = toks[..i - 2].iter().rposition(|t| t.tok == Tok::Open(b'{')) else {
        return;
    };
    // Only accessors inside: `get; set;`, `get; init;`, `get; private set;`.
    let accessors = toks[open + 1..i - 2].iter().all(|t| match t.tok {
        Tok::Word => matches!(
            text(t),
            b"get" | b"set" | b"init" | b"private" | b"protected" | b"internal"
        ),
        Tok::Sep(b';') => true,
        _ => false,
    });
    if !accessors || open == 0 || toks[open - 1].tok != Tok::Word {
        return;
    }
    let name = String::from_utf8_lossy(text(&toks[open - 1])).into_owned();
    let t = toks[i];
    let value = String::from_utf8_lossy(text(&t)).into_owned();
    if !names_secret(&name) || value.is_empty() {
        return;
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
