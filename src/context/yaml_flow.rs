//! YAML flow collections on one line: `production: {adapter: postgresql, password: v}`.
//!
//! YAML's line reader takes a value to the end of its line, so inside a flow mapping or
//! sequence the value of `password:` runs on into `, user: x}`; a reader of YAML ends it at
//! the flow indicator (`,`, `}` or `]`) that closes it. This pass trims the plain (unquoted)
//! values the extractor found on a line where a `{` or `[` opened before them and is still
//! open, so the credential is the value alone and the rules judge it as such.

use super::Candidate;

/// Trims, in `out[first..]`, the plain values of `line` (starting at `base`) that sit inside an
/// open flow collection.
pub(super) fn trim_values(line: &[u8], base: usize, first: usize, out: &mut [Candidate]) {
    if !line.contains(&b'{') && !line.contains(&b'[') {
        return;
    }
    for cand in &mut out[first..] {
        // Only a plain value written as is, on this line.
        if cand.decoded.is_some()
            || cand.start < base
            || cand.end - cand.start != cand.value.len()
            || cand.end > base + line.len()
        {
            continue;
        }
        let at = cand.start - base;
        if matches!(line.get(at.wrapping_sub(1)), Some(b'"' | b'\'')) || !in_flow(&line[..at]) {
            continue;
        }
        let Some(cut) = cand.value.find([',', '}', ']']) else {
            continue;
        };
        let kept = cand.value[..cut].trim_end().len();
        if kept == 0 {
            continue;
        }
        cand.value.truncate(kept);
        cand.end = cand.start + kept;
    }
}

/// Whether a `{` or `[` outside quotes is still open at the end of `before`. A `${` or `{{`
/// opens a reference or a template, not a flow collection.
fn in_flow(before: &[u8]) -> bool {
    // One entry per open bracket: whether it opened a flow collection.
    let mut open: Vec<bool> = Vec::new();
    let mut quote = None;
    for (i, &b) in before.iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'{' | b'[') => {
                let prev = i.checked_sub(1).map(|p| before[p]);
                let reference = b == b'{' && matches!(prev, Some(b'$' | b'{' | b'%'));
                open.push(!reference);
            }
            (None, b'}' | b']') => {
                open.pop();
            }
            (None, b'#') => return false,
            _ => {}
        }
    }
    open.iter().all(|&flow| flow) && !open.is_empty()
}
