//! An `.npmrc` credential line written inside another file: a Dockerfile's
//! `RUN echo "//registry.npmjs.org/:_authToken=v" > .npmrc`, a CI script's
//! `printf '//npm.acme.io/:_authToken=%s'`, a heredoc.
//!
//! npm reads `//host/path/:_authToken=v` (and `:_auth=`, `:_password=`) as the token of that
//! registry (docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration). Held
//! in a command or a string, the line is no key of the extractor that read it; this pass
//! finds the scoped keys anywhere on a line and gives the text after `=` (to a space, a quote
//! or the line's end) as the value of the key.

use super::Candidate;

/// npm's registry-scoped credential keys, after the registry's `//host/:`.
const KEYS: &[&str] = &[":_authToken=", ":_auth=", ":_password="];

/// Appends the values of the scoped npm credential keys written on `line` that no candidate
/// of `out[first..]` holds yet.
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    // Every key starts `:_`: a line without one holds none (most lines).
    if memchr::memchr_iter(b':', line).any(|i| line.get(i + 1) == Some(&b'_')) {
        scoped_keys(line, base, line_start, first, out);
    }
}

/// [`candidates`] without its gate.
fn scoped_keys(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let mut found = Vec::new();
    for key in KEYS {
        let mut at = 0;
        while let Some(i) = memchr::memmem::find(&line[at..], key.as_bytes()).map(|i| at + i) {
            let from = i + key.len();
            at = from;
            // The registry scope: `//host/...` before the key.
            if memchr::memmem::rfind(&line[..i], b"//").is_none() {
                continue;
            }
            let len = line[from..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'`' | b'\\'))
                .unwrap_or(line.len() - from);
            let value = &line[from..from + len];
            if value.is_empty() || matches!(value[0], b'$' | b'%' | b'{') {
                continue;
            }
            let (start, end) = (base + from, base + from + len);
            if out[first..]
                .iter()
                .any(|c| c.start == start && c.end == end)
            {
                continue;
            }
            found.push(Candidate::literal(
                key[1..key.len() - 1].to_string(),
                start,
                end,
                String::from_utf8_lossy(value).into_owned(),
                line_start,
                super::Origin::Assignment,
            ));
        }
    }
    out.extend(found);
}

#[cfg(test)]
#[test]
fn the_gate_passes_over_only_lines_without_a_key() {
    let words = [
        ":_authToken=",
        ":_auth=",
        ":_password=",
        "//npm.acme.io/",
        "v4lue",
        ":",
        "_",
    ];
    let fields = |out: &[Candidate]| -> Vec<(String, usize, usize, String)> {
        out.iter()
            .map(|c| (c.key.clone(), c.start, c.end, c.value.clone()))
            .collect()
    };
    let mut found = 0;
    for line in super::names::tests::varied_lines(&words, 20_000) {
        let (mut gated, mut ungated) = (Vec::new(), Vec::new());
        candidates(&line, 7, 0, 0, &mut gated);
        scoped_keys(&line, 7, 0, 0, &mut ungated);
        assert_eq!(
            fields(&gated),
            fields(&ungated),
            "{:?}",
            String::from_utf8_lossy(&line)
        );
        found += gated.len();
    }
    assert!(found > 100, "{found}");
}
