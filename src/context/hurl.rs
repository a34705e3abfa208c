//! Hurl's `[BasicAuth]` section: `user: password` lines under it.
//!
//! A Hurl file (`.hurl`) gives a request's Basic credentials as a section of its own
//! (hurl.dev/docs/request.html, "Basic Authentication"): `[BasicAuth]` on a line, then
//! `user: password` on the next. The pair's key is the user name, which names nothing, so
//! only the section says it is a password. Read from the section's line, this pass names the
//! value after the next line's first `:` `password`.

use super::{Candidate, Origin};

/// Appends the password of the `user: password` line below `line` (at `data[at..end]`) when
/// `line` is Hurl's `[BasicAuth]`.
pub(super) fn basic_auth_section(data: &[u8], line: &[u8], end: usize, out: &mut Vec<Candidate>) {
    if line.trim_ascii() != b"[BasicAuth]" || end >= data.len() {
        return;
    }
    let next_start = end + 1;
    let next_end =
        memchr::memchr(b'\n', &data[next_start..]).map_or(data.len(), |i| next_start + i);
    let next = &data[next_start..next_end];
    let next = next.strip_suffix(b"\r").unwrap_or(next);
    let Some(colon) = memchr::memchr(b':', next) else {
        return;
    };
    let user = next[..colon].trim_ascii();
    if user.is_empty() || user.iter().any(|b| b.is_ascii_whitespace() || *b == b'#') {
        return;
    }
    let value = &next[colon + 1..];
    let lead = value.len() - value.trim_ascii_start().len();
    let value = value.trim_ascii();
    if value.is_empty() || value.starts_with(b"{{") {
        return;
    }
    let s = next_start + colon + 1 + lead;
    out.push(Candidate::bare_word(
        "password".into(),
        s,
        s + value.len(),
        value,
        next_start,
        Origin::Assignment,
    ));
}
