//! Private key blocks written as code: a PEM block split into one string literal per line
//! and put back together by the program, which the key rules' regexes cannot read.
//!
//! Tests and fixtures build keys so (issue 13): JavaScript, TypeScript, Java, Go and C#
//! concatenate the lines (`'-----BEGIN OPENSSH PRIVATE KEY-----\n' +` then
//! `'b3BlbnNzaC1rZXktdjEAAAAA...\n' +` ...), Python and C put the literals side by side, and
//! many list them as an array's elements joined with `"\n"` afterwards
//! (`['-----BEGIN RSA PRIVATE KEY-----', 'MIIE...', ...].join('\n')`). The literals'
//! bodies, from the `-----BEGIN` marker on, are joined into the block they spell, one line
//! per literal that does not end in its own `\n`, and the ordinary scan reads the result.
//!
//! The finder bails out on a blob without `PRIVATE KEY-----` (one `memmem` pass), looks
//! only at lines where a BEGIN marker sits inside a string literal, and follows a run only
//! while each line holds nothing but string literals and the punctuation that joins them,
//! for at most [`MAX_LINES`] lines and [`MAX_BLOCK`] bytes.

/// Longest run of lines followed from a BEGIN marker (a 4096-bit RSA key is about 50
/// lines of 64 characters).
const MAX_LINES: usize = 120;
/// Most bytes of source a run may span.
const MAX_BLOCK: usize = 16 * 1024;

/// What marks a private key block's first line; every PEM private key label ends so
/// (`RSA`, `EC`, `DSA`, `OPENSSH`, `ENCRYPTED`, PKCS#8's none, PGP's `KEY BLOCK`).
const MARKER: &[u8] = b"-----BEGIN ";

/// Runs of string literals that spell a private key block, each as the list of its
/// literals' bodies (the first from its BEGIN marker on): at most `limit` runs.
pub(super) fn key_block_runs(data: &[u8], limit: usize) -> Vec<Vec<(usize, usize)>> {
    let finder = memchr::memmem::Finder::new(b"PRIVATE KEY");
    if finder.find(data).is_none() {
        return Vec::new();
    }
    let mut runs = Vec::new();
    let mut at = 0;
    while runs.len() < limit {
        let Some(found) = memchr::memmem::find(&data[at..], MARKER) else {
            break;
        };
        let marker = at + found;
        let line_end = memchr::memchr(b'\n', &data[marker..]).map_or(data.len(), |i| marker + i);
        at = line_end.max(marker + 1);
        let label_end = (marker + 80).min(line_end);
        if finder.find(&data[marker..label_end]).is_none() {
            continue;
        }
        if let Some(run) = run_from(data, marker, line_end) {
            at = run.last().map_or(at, |&(_, end)| end.max(at));
            runs.push(run);
        }
    }
    runs
}

/// The literals that spell the block whose BEGIN marker is at `marker`, if the marker sits
/// inside a string literal that leaves the rest of the block to the literals after it.
fn run_from(data: &[u8], marker: usize, line_end: usize) -> Option<Vec<(usize, usize)>> {
    let line_start = memchr::memrchr(b'\n', &data[..marker]).map_or(0, |i| i + 1);
    let first_line = literals(&data[line_start..line_end], false)?;
    // The literal that holds the marker, and those after it on its line.
    let holder = first_line
        .iter()
        .position(|&(s, e)| line_start + s <= marker && marker < line_start + e)?;
    let mut run: Vec<(usize, usize)> = first_line[holder..]
        .iter()
        .map(|&(s, e)| (line_start + s, line_start + e))
        .collect();
    run[0].0 = marker;
    // A block written whole in one literal is read by the plain scan (and the escape
    // decoder): nothing to join.
    if ends_block(data, run[run.len() - 1]) {
        return (run.len() > 1).then_some(run);
    }
    let mut line_start = line_end + 1;
    for _ in 0..MAX_LINES {
        if line_start >= data.len() || line_start - marker > MAX_BLOCK {
            break;
        }
        let end = memchr::memchr(b'\n', &data[line_start..]).map_or(data.len(), |i| line_start + i);
        let Some(pieces) = literals(&data[line_start..end], true) else {
            break;
        };
        if pieces.is_empty() {
            // A blank line inside the statement (rare), or its end: keep looking one line.
            line_start = end + 1;
            continue;
        }
        for (s, e) in pieces {
            run.push((line_start + s, line_start + e));
            if ends_block(data, (line_start + s, line_start + e)) {
                return Some(run);
            }
        }
        line_start = end + 1;
    }
    (run.len() > 1).then_some(run)
}

/// Whether the literal body `data[s..e]` holds the block's END line.
fn ends_block(data: &[u8], (s, e): (usize, usize)) -> bool {
    memchr::memmem::find(&data[s..e], b"-----END ").is_some()
}

/// The bodies of the string literals on `line` (`'...'`, `"..."`, `` `...` ``, with an
/// optional one-letter prefix such as Python's `b` or C#'s `@`), as ranges in `line`. With
/// `only`, the line must hold nothing else but the punctuation that joins literals (`+`,
/// `,`, `.`, `&`, brackets, `;`, a line-continuation `\`) and whitespace; otherwise `None`.
/// A literal not closed on its line gives `None`.
fn literals(line: &[u8], only: bool) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        if matches!(b, b'"' | b'\'' | b'`') {
            let close = closing(line, i + 1, b)?;
            out.push((i + 1, close));
            i = close + 1;
            continue;
        }
        let prefix = b.is_ascii_alphabetic()
            && matches!(line.get(i + 1), Some(b'"' | b'\''))
            && (i == 0 || !line[i - 1].is_ascii_alphanumeric());
        let verbatim = b == b'@' && line.get(i + 1) == Some(&b'"');
        if prefix && matches!(b, b'b' | b'B' | b'r' | b'R' | b'u' | b'U' | b'f') || verbatim {
            i += 1;
            continue;
        }
        if only && !(b.is_ascii_whitespace() || b"+,.&()[]{};\\".contains(&b)) {
            return None;
        }
        i += 1;
    }
    Some(out)
}

/// The index of the `quote` that closes a literal whose body starts at `from`, skipping
/// backslash escapes.
fn closing(line: &[u8], from: usize, quote: u8) -> Option<usize> {
    let mut i = from;
    while i < line.len() {
        match line[i] {
            b'\\' => i += 2,
            b if b == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// A literal's body as a line of the block: its escapes undone, and a newline added when
/// it does not end with one (an array's element, a literal concatenated without `\n`).
/// A literal of only whitespace (`+ '\n' +` between the lines) adds nothing: every line
/// already ends with its newline.
pub(super) fn decode_line(body: &[u8]) -> Option<Vec<u8>> {
    let mut text = super::strings::unescape(body)?;
    if text.iter().all(u8::is_ascii_whitespace) {
        return Some(Vec::new());
    }
    if text.last() != Some(&b'\n') {
        text.push(b'\n');
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a run spells, as the decoder joins it.
    fn joined(data: &[u8]) -> Vec<String> {
        key_block_runs(data, 10)
            .into_iter()
            .map(|run| {
                let mut text = Vec::new();
                for (s, e) in run {
                    text.extend(decode_line(&data[s..e]).unwrap());
                }
                String::from_utf8(text).unwrap()
            })
            .collect()
    }

    fn dashes() -> String {
        "-".repeat(5)
    }

    #[test]
    fn concatenated_adjacent_and_listed_lines_are_joined() {
        let d = dashes();
        let rows: &[(&str, String)] = &[
            (
                "js, + at line ends",
                format!("const k =\n  '{d}BEGIN OPENSSH PRIVATE KEY{d}\\n' +\n  'AAAA\\n' +\n  'BBBB\\n' +\n  '{d}END OPENSSH PRIVATE KEY{d}\\n';\n"),
            ),
            (
                "java, + at line starts",
                format!("String k = \"{d}BEGIN RSA PRIVATE KEY{d}\\n\"\n    + \"AAAA\\n\"\n    + \"BBBB\\n\"\n    + \"{d}END RSA PRIVATE KEY{d}\";\n"),
            ),
            (
                "python, adjacent single-quoted",
                format!("KEY = (\n    '{d}BEGIN EC PRIVATE KEY{d}\\n'\n    'AAAA\\n'\n    'BBBB\\n'\n    '{d}END EC PRIVATE KEY{d}\\n'\n)\n"),
            ),
            (
                "array joined afterwards",
                format!("const k = [\n  '{d}BEGIN PRIVATE KEY{d}',\n  'AAAA',\n  'BBBB',\n  '{d}END PRIVATE KEY{d}',\n].join('\\n');\n"),
            ),
        ];
        for (name, text) in rows {
            let got = joined(text.as_bytes());
            assert_eq!(got.len(), 1, "{name}: {got:?}");
            assert!(
                got[0].starts_with(&format!("{d}BEGIN "))
                    && got[0].contains("\nAAAA\nBBBB\n")
                    && got[0].contains(&format!("{d}END ")),
                "{name}: {:?}",
                got[0]
            );
        }
    }

    #[test]
    fn no_run_where_nothing_is_joined() {
        let d = dashes();
        let rows: &[(&str, String)] = &[
            ("a plain PEM file", format!("{d}BEGIN RSA PRIVATE KEY{d}\nAAAA\n{d}END RSA PRIVATE KEY{d}\n")),
            ("a marker compared in code", format!("if line.startswith('{d}BEGIN RSA PRIVATE KEY{d}'):\n    keys.append(line)\n")),
            ("a block written whole in one literal", format!("k = '{d}BEGIN RSA PRIVATE KEY{d}\\nAAAA\\n{d}END RSA PRIVATE KEY{d}'\n")),
            ("a public key", format!("k = '{d}BEGIN PUBLIC KEY{d}\\n' +\n  'AAAA\\n'\n")),
            ("no literal after the marker", format!("const begin = '{d}BEGIN PRIVATE KEY{d}';\nconst end = '{d}END PRIVATE KEY{d}';\n")),
        ];
        for (name, text) in rows {
            assert!(joined(text.as_bytes()).is_empty(), "{name}");
        }
    }

    #[test]
    fn a_run_stops_at_code_and_within_its_bounds() {
        let d = dashes();
        let text = format!(
            "k = '{d}BEGIN RSA PRIVATE KEY{d}\\n' +\n  'AAAA\\n' +\n  readRest();\nother = 'x'\n"
        );
        assert_eq!(
            joined(text.as_bytes()),
            [format!("{d}BEGIN RSA PRIVATE KEY{d}\nAAAA\n")]
        );
        let long = format!(
            "k = '{d}BEGIN RSA PRIVATE KEY{d}\\n' +\n{}",
            "  'AAAA\\n' +\n".repeat(MAX_LINES * 2)
        );
        let got = joined(long.as_bytes());
        assert_eq!(got[0].matches("AAAA").count(), MAX_LINES);
    }
}
