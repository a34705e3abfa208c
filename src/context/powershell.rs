//! PowerShell's environment drive: `Set-Item -Path Env:API_SECRET -Value 'v'`,
//! `Set-Item Env:API_KEY 'v'`, `New-Item -Path Env:\TOKEN -Value "v"`.
//!
//! The `Env:` drive names the variable in a path, and the value follows as `-Value` or as
//! the second positional argument; no `=` or `:` ties them, so the name/value passes miss it.
//! This pass reads such a command's words and names the value by the variable.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Cmdlets (and their aliases) that set an item of a drive.
const SETTERS: &[&str] = &["set-item", "new-item", "si", "ni"];

/// Appends the value a `Set-Item Env:NAME` command on `line` gives a credential-named
/// variable.
pub(super) fn candidates(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    // The line's first word (as [`words`] reads it: a quoted word keeps its quote, so is no
    // cmdlet) names a setter, or the line is passed over before it is read as text.
    let rest = line.trim_ascii_start();
    let first = &rest[..rest
        .iter()
        .position(u8::is_ascii_whitespace)
        .unwrap_or(rest.len())];
    if SETTERS
        .iter()
        .any(|s| first.eq_ignore_ascii_case(s.as_bytes()))
    {
        set_item(line, base, line_start, out);
    }
}

/// [`candidates`] without its gate.
fn set_item(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let Ok(text) = std::str::from_utf8(line) else {
        return;
    };
    let words = words(text);
    let Some((_, cmdlet)) = words.first() else {
        return;
    };
    if !SETTERS.iter().any(|s| s.eq_ignore_ascii_case(cmdlet)) {
        return;
    }
    let mut name = None;
    let mut value = None;
    let mut i = 1;
    while i < words.len() {
        let (at, w) = words[i];
        let lower = w.to_ascii_lowercase();
        if lower == "-path" || lower == "-literalpath" {
            i += 1;
            continue;
        }
        if lower == "-value" {
            value = words.get(i + 1).copied();
            i += 2;
            continue;
        }
        if let Some(var) = w
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("env:"))
            .map(|_| w[4..].trim_start_matches(['\\', '/']))
        {
            name = Some(var.to_string());
        } else if !w.starts_with('-') && name.is_some() && value.is_none() {
            value = Some((at, w));
        }
        i += 1;
    }
    let (Some(name), Some((at, raw))) = (name, value) else {
        return;
    };
    if !names_secret(&name) {
        return;
    }
    let (skip, v) = match raw.as_bytes().first() {
        Some(b'\'' | b'"') if raw.len() >= 2 && raw.ends_with(&raw[..1]) => {
            (1, &raw[1..raw.len() - 1])
        }
        _ => (0, raw),
    };
    if v.is_empty() || v.starts_with('$') || super::classify::judge(v, true).is_err() {
        return;
    }
    let start = base + at + skip;
    out.push(Candidate::literal(
        name,
        start,
        start + v.len(),
        v.to_string(),
        line_start,
        Origin::Assignment,
    ));
}

/// The words of `text` split at spaces, a quoted word kept whole, with their offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if matches!(bytes[i], b'\'' | b'"') {
            let q = bytes[i];
            i += 1;
            while i < bytes.len() && bytes[i] != q {
                i += 1;
            }
            i = (i + 1).min(bytes.len());
        } else {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
        }
        out.push((start, &text[start..i]));
    }
    out
}

/// A `ConvertTo-SecureString "v" -AsPlainText` passed to a cmdlet parameter that names the
/// credential (`Invoke-RestMethod -Authentication Bearer -Token (ConvertTo-SecureString "v"
/// -AsPlainText -Force)`, PowerShell 7's `-Token <SecureString>`; `-ApiKey (...)`): the
/// value the lexer found as `ConvertTo-SecureString`'s argument is named by that parameter
/// (`Token`), not taken for a password by the cmdlet's name.
pub(super) fn secure_string_params(line: &[u8], base: usize, first: usize, out: &mut [Candidate]) {
    for cand in &mut out[first..] {
        if cand.origin != Origin::Argument
            || !cand
                .callee
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case("convertto-securestring"))
            || cand.start < base
            || cand.start - base > line.len()
        {
            continue;
        }
        // Back from the value: the quote, the cmdlet's name, `(`, then `-Param`.
        let before = &line[..cand.start - base];
        let Some(open) = memchr::memrchr(b'(', before) else {
            continue;
        };
        let inside = before[open + 1..].trim_ascii_start();
        if !inside
            .get(..22)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"convertto-securestring"))
        {
            continue;
        }
        let head = before[..open].trim_ascii_end();
        let Some(dash) = head.iter().rposition(|b| b.is_ascii_whitespace()) else {
            continue;
        };
        let param = &head[dash + 1..];
        let Some(name) = param.strip_prefix(b"-") else {
            continue;
        };
        let Ok(name) = std::str::from_utf8(name) else {
            continue;
        };
        if !names_secret(name) {
            continue;
        }
        cand.key = name.to_string();
        cand.callee = None;
    }
}

#[cfg(test)]
#[test]
fn the_gate_passes_over_only_lines_no_setter_starts() {
    let words = [
        "Set-Item",
        "ni",
        "New-Item",
        "si",
        "-Path",
        "Env:API_SECRET",
        "Env:\\TOKEN",
        "-Value",
        "'v4lueV4lue9x'",
        "\"Zq8xLm2Np\"",
        "env:",
        "set",
        "item",
        "'",
        "\"",
    ];
    let fields = |out: &[Candidate]| -> Vec<(String, usize, usize, String)> {
        out.iter()
            .map(|c| (c.key.clone(), c.start, c.end, c.value.clone()))
            .collect()
    };
    let mut found = 0;
    for mut line in super::names::tests::varied_lines(&words, 20_000) {
        // Most lines start with a word, as commands do.
        if line.first().is_some_and(|b| b.is_ascii_alphabetic()) {
            line.splice(0..0, b"Set-Item ".iter().copied());
        }
        let (mut gated, mut ungated) = (Vec::new(), Vec::new());
        candidates(&line, 3, 0, &mut gated);
        set_item(&line, 3, 0, &mut ungated);
        assert_eq!(
            fields(&gated),
            fields(&ungated),
            "{:?}",
            String::from_utf8_lossy(&line)
        );
        found += gated.len();
    }
    // Some lines give a value (16 of these 20,000), so both answers are compared.
    assert!(found > 5, "{found}");
}
