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
        // Spans map to the written text only when the value is that text.
        if c.decoded.is_some() || !c.value.contains("${") {
            continue;
        }
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
    out.extend(found);
}
