//! Values that are themselves lists of pairs.
//!
//! A connection string (`Server=db;User Id=app;Password=v;` in .NET's `appsettings.json`,
//! ODBC, JDBC and ADO strings), libpq's `host=db user=app password=v`, supervisor's
//! `environment=A="1",TOKEN="v"` or a form body (`user=u&token=v`) is one value to the
//! extractor that found it, and the whole is no secret; its credential-named parts are. So
//! every candidate whose value splits at `;`, `&` or `,` (or at spaces, when every word is
//! a pair) into two or more `key=value` parts yields its parts whose key names a secret, as candidates of their own, nested under the
//! value's key.

use super::names::{key_for, names_secret};
use super::Candidate;

/// Most parts read from one value.
const MAX_PARTS: usize = 64;

/// Appends the credential parts of the candidates `out[first..]`.
pub fn candidates(first: usize, out: &mut Vec<Candidate>) {
    // The value of one pair of a list, read to the end of its string by an extractor that
    // does not know the list (`Password=v;Database=app` in Npgsql's
    // `Host=db;Username=u;Password=v;Database=app`, `...;Password=v;"`): it ends at the `;`
    // after it. A `;` inside a password with no `key=value` after it (`Xq7;Lm9#vR2kP8wZ`)
    // stays part of it.
    for cand in &mut out[first..] {
        if cand.decoded.is_some()
            || cand.end - cand.start != cand.value.len()
            || !names_secret(&cand.key)
        {
            continue;
        }
        if let Some(end) = pair_tail(&cand.value, cand.quoted) {
            cand.value.truncate(end);
            cand.end = cand.start + end;
        }
    }
    let mut found = Vec::new();
    for cand in &out[first..] {
        // Only a value written as is: spans map one to one.
        if cand.decoded.is_some() || cand.end - cand.start != cand.value.len() {
            continue;
        }
        let value = cand.value.as_str();
        if !value.contains('=') {
            continue;
        }
        let parts: Vec<(usize, &str)> = if value.contains([';', '&', ',']) {
            split_parts(value, &[';', '&', ','])
        } else {
            // libpq's `host=db user=app password=v`: every word a pair.
            let words = split_parts(value, &[' ']);
            if !words.iter().all(|(_, w)| w.is_empty() || w.contains('=')) {
                continue;
            }
            words
        };
        if parts.iter().filter(|(_, p)| p.contains('=')).count() < 2 {
            continue;
        }
        for (at, part) in parts.into_iter().take(MAX_PARTS) {
            let Some((key, val)) = part.split_once('=') else {
                continue;
            };
            let key_trim = key.trim();
            let mut lead = val.len() - val.trim_start().len();
            let mut val = val.trim();
            // `TOKEN="v"`: the quotes are no part of the value.
            if val.len() >= 2
                && (val.starts_with('"') || val.starts_with('\''))
                && val.ends_with(&val[..1])
            {
                lead += 1;
                val = &val[1..val.len() - 1];
            }
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

/// The parts of `value` between separators, each with its offset.
fn split_parts<'a>(value: &'a str, separators: &[char]) -> Vec<(usize, &'a str)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for piece in value.split(separators) {
        parts.push((at, piece));
        at += piece.len() + 1;
    }
    parts
}

/// Where a value that is one pair's value followed by the rest of its list ends: before a
/// `;` that only `key=value` pairs follow (a key of letters, digits, spaces, `_`, `-` and
/// `.`, as `User Id`, `Trust Server Certificate`, `sslmode` are), or before a last `;` that
/// ends a value not quoted on its own. `None` when the value is not such a tail.
fn pair_tail(value: &str, quoted: bool) -> Option<usize> {
    let semi = value.find(';')?;
    let (head, rest) = (&value[..semi], &value[semi + 1..]);
    if head.is_empty() || head.contains('=') {
        return None;
    }
    if rest.trim().is_empty() {
        return (!quoted).then_some(semi);
    }
    let is_key = |k: &str| {
        let k = k.trim();
        k.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'_' | b'-' | b'.'))
    };
    rest.split(';')
        .filter(|p| !p.trim().is_empty())
        .all(|p| p.split_once('=').is_some_and(|(k, _)| is_key(k)))
        .then_some(semi)
}
