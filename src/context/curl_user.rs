//! curl's `-u v` with no password: an API key sent as the Basic user name.
//!
//! APIs that take their key as the user name of HTTP Basic authentication (Stripe,
//! Chargebee, Recurly, Paystack and others; their docs write `curl https://api... -u "v"`,
//! often with the flag on a continuation line of its own) give curl a user and no password:
//! curl then asks for the password, which such APIs ignore. The lexer reads `-u user:pass`
//! and `-u key:`; this pass reads `-u v` / `--user v` without a colon when the command is
//! curl (on the flag's line, or on the line its `\` continuation lines start from), and gives
//! the value under the key `user` with the callee `curl`. A person's user name (`admin`,
//! `$1`, `"$USER"`) is dropped by the shared classifier: only a value that looks generated
//! qualifies.

use super::{Candidate, Origin};

/// Most continuation lines walked back to the command's first line.
const MAX_LINES: usize = 8;
/// Most bytes walked back.
const MAX_BACK: usize = 2048;

/// Appends the value of a colon-less `-u` / `--user` flag of a curl command on the line
/// `data[at..end]` (its first `piece` bytes read, at `data[base..]`).
pub(super) fn candidates(
    data: &[u8],
    piece: &[u8],
    at: usize,
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(flag_end) = flag_end(piece) else {
        return;
    };
    // The value: one word, or a quoted string.
    let rest = &piece[flag_end..];
    let lead = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'=')
        .count();
    let rest = &rest[lead..];
    let (s, e, quoted) = match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let Some(close) = rest[1..].iter().position(|&b| b == q) else {
                return;
            };
            (1, 1 + close, true)
        }
        Some(_) => (
            0,
            rest.iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(rest.len()),
            false,
        ),
        None => return,
    };
    let value = &rest[s..e];
    if value.is_empty() || value.contains(&b':') || value.starts_with(b"-") {
        return;
    }
    if !runs_curl(&piece[..flag_end]) && !continues_curl(data, at) {
        return;
    }
    let start = base + flag_end + lead + s;
    let mut cand = Candidate::bare_word(
        "user".into(),
        start,
        start + value.len(),
        value,
        line_start,
        Origin::UserPass,
    );
    cand.quoted = quoted;
    cand.callee = Some("curl".into());
    out.push(cand);
}

/// The end of a `-u` / `--user` word on `line` (a word of its own: not `git push -u`'s
/// `-u` glued to more).
fn flag_end(line: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&line[from..], b"-u").map(|i| from + i) {
        let word_start = |k: usize| k == 0 || line[k - 1].is_ascii_whitespace();
        let after = &line[i + 2..];
        if word_start(i) && after.first() == Some(&b' ') {
            return Some(i + 2);
        }
        // `--user v`, `--user=v`.
        if i >= 1 && line[i - 1] == b'-' && word_start(i - 1) {
            if let Some(rest) = after.strip_prefix(b"ser") {
                if matches!(rest.first(), Some(b' ' | b'=')) {
                    return Some(i + 5);
                }
            }
        }
        from = i + 2;
    }
    None
}

/// Whether the text before the flag runs curl (`curl`, `/usr/bin/curl`, `curl.exe`).
fn runs_curl(text: &[u8]) -> bool {
    text.split(|b| b.is_ascii_whitespace() || *b == b'(' || *b == b'`')
        .any(|w| {
            let w = w.rsplit(|b| *b == b'/').next().unwrap_or(w);
            w.eq_ignore_ascii_case(b"curl") || w.eq_ignore_ascii_case(b"curl.exe")
        })
}

/// Whether the line at `at` continues (through lines ending with `\`) a command that runs
/// curl.
fn continues_curl(data: &[u8], at: usize) -> bool {
    let floor = at.saturating_sub(MAX_BACK);
    let mut line_end = at;
    for _ in 0..MAX_LINES {
        if line_end == 0 || line_end <= floor {
            return false;
        }
        let prev = &data[floor..line_end - 1];
        let start = memchr::memrchr(b'\n', prev).map_or(floor, |i| floor + i + 1);
        let text = data[start..line_end - 1].trim_ascii_end();
        if !text.ends_with(b"\\") {
            return false;
        }
        if runs_curl(text) {
            return true;
        }
        line_end = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(data: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in data.split_inclusive('\n') {
            let text = line.trim_end_matches('\n').as_bytes();
            candidates(data.as_bytes(), text, at, at, at, &mut out);
            at += line.len();
        }
        out.into_iter().map(|c| c.value).collect()
    }

    #[test]
    fn a_user_without_a_password_of_a_curl_command() {
        assert_eq!(
            values("curl https://api.acme.io/v1 -u \"k1\" -d a=1\n"),
            ["k1"]
        );
        assert_eq!(
            values("curl https://api.acme.io/v1 \\\n  -H 'A: b' \\\n  -u k2 \\\n  -d a=1\n"),
            ["k2"]
        );
        assert_eq!(values("curl --user=k3 https://api.acme.io\n"), ["k3"]);
        // Not curl, a colon (the lexer's), a flag glued to more.
        assert!(values("mysql -u root -p\n").is_empty());
        assert!(values("git push -u origin main\n").is_empty());
        assert!(values("curl -u user:pass https://x\n").is_empty());
        assert!(values("echo a \\\n  -u k4\n").is_empty());
        assert!(values("curl -uk5 https://x\n").is_empty());
    }
}
