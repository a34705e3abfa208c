//! The default inside a property or variable reference: a literal, though it is written
//! inside a reference.
//!
//! `@Value("${spell.token:v}")` (Spring), `${DB_PASSWORD:-v}` (shell, Docker Compose),
//! `${API_KEY:=v}` (shell) read a setting and fall back to the text after the `:`; that text
//! is what the program runs with when the setting is absent, so a secret written there is
//! committed. The classifier rejects the whole value as a reference (`${...}`); this pass
//! adds the default as a candidate of its own, named by the reference's name.

use super::names::names_secret;
use super::Candidate;

/// Longest reference looked into.
const MAX_REFERENCE: usize = 512;

/// Appends a candidate for the default of every `${name:default}` in the values of
/// `out[first..]` whose name names a credential.
pub(super) fn candidates(first: usize, out: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for c in &out[first..] {
        // Spans map to the written text only when the value is that text: not a decoded
        // value, nor one read lossily from invalid UTF-8 (each stray byte became a
        // three-byte U+FFFD, so offsets in the value run past the span).
        if c.decoded.is_some() || c.value.len() != c.end - c.start || !c.value.contains("${") {
            continue;
        }
        defaults_of(c, &mut found);
    }
    out.extend(found);
}

/// Appends a candidate for the default of every `${name:default}` written anywhere on a
/// shell line (`: "${API_TOKEN:=v}"`, `echo "${TOKEN:-v}"`): there a reference stands as a
/// command's argument, which no extractor gives a key. Defaults already found in a value
/// of `out[first..]` are not added twice.
pub(super) fn shell_line(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if memchr::memmem::find(line, b"${").is_none() {
        return;
    }
    let Ok(text) = std::str::from_utf8(line) else {
        return;
    };
    let whole = Candidate::literal(
        String::new(),
        base,
        base + line.len(),
        text.to_string(),
        line_start,
        super::Origin::Assignment,
    );
    let mut found = Vec::new();
    defaults_of(&whole, &mut found);
    found.retain(|d| {
        !out[first..]
            .iter()
            .any(|c| c.start == d.start && c.end == d.end)
    });
    out.extend(found);
}

/// The defaults of the references in the value of `c`.
fn defaults_of(c: &Candidate, found: &mut Vec<Candidate>) {
    {
        let v = c.value.as_bytes();
        let mut at = 0;
        while let Some(open) = memchr::memmem::find(&v[at..], b"${").map(|i| at + i) {
            let inner = open + 2;
            let Some(close) = v[inner..v.len().min(inner + MAX_REFERENCE)]
                .iter()
                .position(|&b| b == b'}')
                .map(|i| inner + i)
            else {
                break;
            };
            at = close + 1;
            let body = &c.value[inner..close];
            if body.contains("${") {
                continue;
            }
            let Some((name, rest)) = body.split_once(':') else {
                continue;
            };
            let skip = usize::from(rest.starts_with('-') || rest.starts_with('='));
            let default = &rest[skip..];
            if default.is_empty() || !names_secret(name) {
                continue;
            }
            let start = c.start + inner + name.len() + 1 + skip;
            let mut d = Candidate::literal(
                name.to_string(),
                start,
                start + default.len(),
                default.to_string(),
                c.line_start,
                c.origin,
            );
            d.quoted = c.quoted;
            d.parents = c.parents.clone();
            found.push(d);
        }
    }
}

/// CUE's default in a disjunction (`token: string | *"v"`, the CUE language specification,
/// "Default values"): a value written `... | *"v"` under a credential name renders `v` when
/// nothing else is given. Appends the marked literal of each such value in `out[first..]`
/// as a candidate of its own (the lexer reads the whole disjunction as the value where it
/// does not know the file's language).
pub(super) fn cue_defaults(first: usize, out: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for c in &out[first..] {
        if c.decoded.is_some() || c.end - c.start != c.value.len() {
            continue;
        }
        let Some(at) = c.value.find("| *\"") else {
            continue;
        };
        if !names_secret(&c.key) {
            continue;
        }
        let s = at + 4;
        let Some(len) = c.value[s..].find('"') else {
            continue;
        };
        if len == 0 {
            continue;
        }
        let mut cand = Candidate::literal(
            c.key.clone(),
            c.start + s,
            c.start + s + len,
            c.value[s..s + len].to_string(),
            c.line_start,
            c.origin,
        );
        cand.parents = c.parents.clone();
        found.push(cand);
    }
    out.extend(found);
}
