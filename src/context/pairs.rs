//! Values that are themselves lists of pairs.
//!
//! A connection string (`Server=db;User Id=app;Password=v;` in .NET's `appsettings.json`,
//! ODBC, JDBC and ADO strings) or a form body (`user=u&token=v`) is one value to the
//! extractor that found it, and the whole is no secret; its credential-named parts are. So
//! every candidate whose value splits at `;` or `&` into two or more `key=value` parts
//! yields its parts whose key names a secret, as candidates of their own, nested under the
//! value's key.

use super::names::{key_for, names_secret};
use super::Candidate;

/// Most parts read from one value.
const MAX_PARTS: usize = 64;

/// Appends the credential parts of the candidates `out[first..]`.
pub fn candidates(first: usize, out: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for cand in &out[first..] {
        // Only a value written as is: spans map one to one.
        if cand.decoded.is_some() || cand.end - cand.start != cand.value.len() {
            continue;
        }
        let value = cand.value.as_str();
        if !value.contains('=') || !value.contains([';', '&']) {
            continue;
        }
        let parts: Vec<(usize, &str)> = split_parts(value);
        if parts.iter().filter(|(_, p)| p.contains('=')).count() < 2 {
            continue;
        }
        for (at, part) in parts.into_iter().take(MAX_PARTS) {
            let Some((key, val)) = part.split_once('=') else {
                continue;
            };
            let key_trim = key.trim();
            let lead = val.len() - val.trim_start().len();
            let val = val.trim();
            if val.is_empty() || !names_secret(key_trim) {
                continue;
            }
            let start = cand.start + at + key.len() + 1 + lead;
            let mut part_cand = Candidate::literal(
                key_for(key_trim),
                start,
                start + val.len(),
                val.to_string(),
                cand.line_start,
                cand.origin,
            );
            part_cand.parents = cand.parents.clone();
            if !cand.key.is_empty() {
                part_cand.parents.push(cand.key.clone());
            }
            part_cand.quoted = cand.quoted;
            part_cand.callee = cand.callee.clone();
            part_cand.host = cand.host.clone();
            found.push(part_cand);
        }
    }
    out.extend(found);
}

/// The parts of `value` between `;` and `&`, each with its offset.
fn split_parts(value: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for piece in value.split([';', '&']) {
        parts.push((at, piece));
        at += piece.len() + 1;
    }
    parts
}
