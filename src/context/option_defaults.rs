//! The default of a command-line option declared by an attribute: the option's name says
//! what it holds, the `default` slot gives it.
//!
//! C#'s CommandLineParser `[Option("api-token", Default = "v")]` names the option in its
//! first string argument; Rust's clap derive `#[arg(long, default_value = "v")]` sits above
//! the field it declares (`api_token: String,`), and so do picocli's
//! `@Option(names = "--token", defaultValue = "v")` and others like them. The value is what
//! the program runs with when the option is not given, so a secret there is committed. This
//! pass names a `default` candidate by the credential-named string earlier in its attribute,
//! and reads the default of the attribute lines right above a field whose name names a
//! credential (that field's line is the one a rule keyword wakes).

use super::lexer::{tokenize, Tok};
use super::names::{key_for, names_secret};
use super::rule::normalize;
use super::{Candidate, Origin};

/// Most attribute lines read above a field.
const MAX_ATTRIBUTE_LINES: usize = 3;
/// Longest attribute line read.
const MAX_LINE: usize = 512;

/// Whether `key` is a default slot (`Default`, `default_value`, `defaultValue`).
fn is_default_slot(key: &str) -> bool {
    matches!(normalize(key).as_str(), "default" | "defaultvalue")
}

/// Whether `line` is an attribute, annotation or decorator line (`#[arg(...)]`,
/// `[Option(...)]`, `@Option(...)`).
fn is_attribute(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    t.starts_with(b"#[") || t.starts_with(b"[") || t.starts_with(b"@")
}

/// Whether the line right above the one starting at `data[line_at..]` is an attribute line.
fn attribute_above(data: &[u8], line_at: usize) -> bool {
    let Some(above_end) = line_at.checked_sub(1) else {
        return false;
    };
    let above_start = memchr::memrchr(b'\n', &data[..above_end]).map_or(0, |i| i + 1);
    is_attribute(&data[above_start..above_end])
}

/// Renames the default-slot candidates of `out[first..]` on the attribute `line` after the
/// credential-named string before them (`[Option("api-token", Default = "v")]`).
pub(super) fn name_by_option(line: &[u8], base: usize, first: usize, out: &mut [Candidate]) {
    if !is_attribute(line) {
        return;
    }
    let toks = tokenize(line);
    for c in &mut out[first..] {
        if !is_default_slot(&c.key) || c.start < base {
            continue;
        }
        let at = c.start - base;
        let name = toks
            .iter()
            .filter(|t| matches!(t.tok, Tok::Str { .. }) && t.end < at)
            .map(|t| String::from_utf8_lossy(&line[t.start..t.end]).into_owned())
            .find(|s| names_secret(s));
        if let Some(name) = name {
            c.key = key_for(&name);
        }
    }
}

/// Appends the default given by the attribute lines right above `line` (which starts at
/// `data[line_at..]`) when `line` declares a field named for a credential.
pub(super) fn from_attributes_above(
    data: &[u8],
    line: &[u8],
    line_at: usize,
    out: &mut Vec<Candidate>,
) {
    // Most lines have no attribute right above them: look before tokenizing the line.
    if !attribute_above(data, line_at) {
        return;
    }
    let toks = tokenize(line);
    // The field's name: the first name of the declaration that names a credential
    // (`api_token: String`, `pub api_token: Option<String>`, `public string ApiToken`).
    let Some(field) = toks
        .iter()
        .take(4)
        .filter(|t| t.tok == Tok::Word)
        .map(|t| String::from_utf8_lossy(&line[t.start..t.end]).into_owned())
        .find(|w| names_secret(w))
    else {
        return;
    };
    let mut end = line_at;
    for _ in 0..MAX_ATTRIBUTE_LINES {
        if end == 0 {
            return;
        }
        let above_end = end - 1;
        let above_start = memchr::memrchr(b'\n', &data[..above_end]).map_or(0, |i| i + 1);
        let above = &data[above_start..above_end];
        let above = above.strip_suffix(b"\r").unwrap_or(above);
        if above.len() > MAX_LINE || !is_attribute(above) {
            return;
        }
        let atoks = tokenize(above);
        // An attribute that names its own option is read on its own line.
        let names_own = atoks.iter().any(|t| {
            matches!(t.tok, Tok::Str { .. })
                && names_secret(&String::from_utf8_lossy(&above[t.start..t.end]))
        });
        for (k, w) in atoks.iter().enumerate() {
            let slot = w.tok == Tok::Word
                && is_default_slot(&String::from_utf8_lossy(&above[w.start..w.end]));
            let assigned = atoks
                .get(k + 1)
                .is_some_and(|o| o.tok == Tok::Op && &above[o.start..o.end] == b"=");
            let Some(s) = atoks.get(k + 2) else { continue };
            if !slot || !assigned || !matches!(s.tok, Tok::Str { .. }) || names_own {
                continue;
            }
            let value = String::from_utf8_lossy(&above[s.start..s.end]).into_owned();
            if super::classify::judge(&value, true).is_err() {
                continue;
            }
            out.push(Candidate::literal(
                key_for(&field),
                above_start + s.start,
                above_start + s.end,
                value,
                above_start,
                Origin::Assignment,
            ));
        }
        end = above_start;
    }
}
