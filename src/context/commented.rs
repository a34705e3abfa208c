//! An environment line inside a code comment: `// STRIPE_SECRET_KEY=v`, `# API_TOKEN=v`.
//!
//! Code often carries the `.env` it needs as a comment ("create .env.local with:"), and
//! the values written there are as committed as any other. The lexer skips comments; this
//! pass reads a comment whose whole text is one `NAME=value` line in the `.env` form (an
//! upper-case variable name, a value without spaces, optionally quoted or after `export`)
//! and gives the value under that name. The shared classifier drops placeholders.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Comment markers a line may start with, longest first.
const MARKERS: &[&[u8]] = &[b"///", b"//", b"--", b"#", b"*", b";"];

/// Appends the value of the `NAME=value` comment that `line` (at `data[base..]`) is, if any.
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let trimmed = line.trim_ascii_start();
    let Some(marker) = MARKERS.iter().find(|m| trimmed.starts_with(m)) else {
        return;
    };
    // Attributes and directives are no comments (`#[derive]`, `#!`, `#include`).
    if trimmed.starts_with(b"#[") || trimmed.starts_with(b"#!") {
        return;
    }
    let mut at = line.len() - trimmed.len() + marker.len();
    let body = line[at..].trim_ascii_start();
    at = line.len() - line[at..].len() + (line[at..].len() - body.len());
    let body = body.trim_ascii_end();
    if !env_line(body, at, base, line_start, first, out) {
        // Not a `.env` line: the comment's text is prose (`// api key: v`,
        // `# Usage: run.py --token v`, `# the password is v`).
        super::prose::candidates(body, base + at, line_start, first, out);
    }
}

/// The `NAME=value` comment text `body` (at `line[at..]`, the line at `data[base..]`): its
/// value, appended to `out`. Whether `body` was such a line.
fn env_line(
    body: &[u8],
    mut at: usize,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) -> bool {
    let (body, skipped) = match body.strip_prefix(b"export ") {
        Some(rest) => (rest, b"export ".len()),
        None => (body, 0),
    };
    at += skipped;
    let Some(eq) = body.iter().position(|&b| b == b'=') else {
        return false;
    };
    let (name, value) = (&body[..eq], &body[eq + 1..]);
    let env_name = !name.is_empty()
        && name[0].is_ascii_uppercase()
        && name
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_');
    if !env_name || value.is_empty() || value.contains(&b' ') {
        return false;
    }
    let name = String::from_utf8_lossy(name).into_owned();
    if !names_secret(&name) {
        return false;
    }
    let mut from = at + eq + 1;
    let mut value = value;
    if let [q, inner @ .., q2] = value {
        if (*q == b'"' || *q == b'\'') && q == q2 {
            value = inner;
            from += 1;
        }
    }
    let (start, end) = (base + from, base + from + value.len());
    if value.is_empty()
        || out[first..]
            .iter()
            .any(|c| c.start == start && c.end == end)
    {
        return true;
    }
    out.push(Candidate::bare_word(
        name,
        start,
        end,
        value,
        line_start,
        Origin::Assignment,
    ));
    true
}
