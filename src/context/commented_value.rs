//! A credential left in a comment on its own, beside the line that names it (issue 13,
//! recall; session 15, branch `recall15`, from `tuning_real10`'s Speckle miss):
//!
//! ```text
//! #"3449a8170a0bd5f1b9c8a1c6c03e9fadbc91928b34"
//! speckleToken = tokenCol.text_input("Speckle token")
//! ```
//!
//! A script that once held the token as a literal keeps it, commented out, above the line
//! that now reads it from an input, the environment or a secret store (`// 'v'` above
//! `const apiKey = process.env.API_KEY`, `# "v"` above `token = os.getenv("TOKEN")`). The
//! comment holds no name; the line next to it does. A comment whose whole text is one quoted
//! literal, right above (or, failing that, right below) an assignment to a name that says
//! "credential"
//! ([`super::names::names_secret`]), gives a candidate under that name; the rules and the
//! shared classifier judge it like any other (a digest, a stand-in, prose stay quiet).

use super::names::names_secret;
use super::{Candidate, Origin};

/// Comment markers a line may start with, longest first.
const MARKERS: &[&[u8]] = &[b"///", b"//", b"--", b"#"];

/// The shortest literal read: the shortest a generic rule reports without a password's name.
const MIN_VALUE: usize = super::password_value::SHORT;

/// Appends the candidate of `line` (the line `data[at..end]`, starting at `line_start`) when
/// it is a comment holding one quoted literal above a credential's assignment.
pub(super) fn candidates(
    data: &[u8],
    line: &[u8],
    at: usize,
    end: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let Some((start, value)) = lone_literal(line) else {
        return;
    };
    // The comment sits above the line that names it (`#"v"` over `token = ...`), or right
    // below it (`API_KEY = os.environ["API_KEY"]` over `# "v"`: the literal the lookup
    // replaced, kept under it). The line above wins when both name a credential.
    let Some(name) = next_line(data, end)
        .and_then(assigned_name)
        .or_else(|| previous_line(data, at).and_then(assigned_name))
    else {
        return;
    };
    let value_start = at + start;
    out.push(Candidate::literal(
        name.to_string(),
        value_start,
        value_start + value.len(),
        String::from_utf8_lossy(value).into_owned(),
        line_start,
        Origin::Assignment,
    ));
}

/// The offset in `line` and the text of the literal a comment line holds alone:
/// `#"v"`, `# 'v'`, `// "v"`.
fn lone_literal(line: &[u8]) -> Option<(usize, &[u8])> {
    let trimmed = line.trim_ascii_start();
    let marker = MARKERS.iter().find(|m| trimmed.starts_with(m))?;
    let lead = line.len() - trimmed.len() + marker.len();
    let body = line[lead..].trim_ascii_start();
    let open = lead + (line[lead..].len() - body.len());
    let body = body.trim_ascii_end();
    let quote = *body.first()?;
    if !matches!(quote, b'"' | b'\'') || body.len() < MIN_VALUE + 2 || body.last() != Some(&quote) {
        return None;
    }
    let value = &body[1..body.len() - 1];
    if value
        .iter()
        .any(|&b| b == quote || b == b'\\' || b.is_ascii_whitespace())
    {
        return None;
    }
    Some((open + 1, value))
}

/// The line after the one that ends at `end` (at its newline, or the data's end).
fn next_line(data: &[u8], end: usize) -> Option<&[u8]> {
    let from = end.checked_add(1).filter(|&f| f <= data.len())?;
    let to = memchr::memchr(b'\n', &data[from..]).map_or(data.len(), |i| from + i);
    Some(&data[from..to])
}

/// The line before the one that starts at `line_start`, when there is one.
fn previous_line(data: &[u8], line_start: usize) -> Option<&[u8]> {
    let end = line_start
        .checked_sub(1)
        .filter(|&e| data.get(e) == Some(&b'\n'))?;
    let end = if end > 0 && data[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    let from = memchr::memrchr(b'\n', &data[..end]).map_or(0, |i| i + 1);
    Some(&data[from..end])
}

/// The name a line assigns to, when it names a credential: `speckleToken = ...`,
/// `const apiKey = ...`, `token := ...`, `API_TOKEN: ...`, `export TOKEN=...`.
fn assigned_name(line: &[u8]) -> Option<&str> {
    let mut rest = line.trim_ascii_start();
    for keyword in [
        &b"export "[..],
        b"const ",
        b"let ",
        b"var ",
        b"final ",
        b"val ",
    ] {
        if let Some(r) = rest.strip_prefix(keyword) {
            rest = r.trim_ascii_start();
        }
    }
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$'))
        .count();
    let name = std::str::from_utf8(&rest[..len]).ok()?;
    let after = rest[len..].trim_ascii_start();
    let assigns = (after.starts_with(b"=") && !after.starts_with(b"=="))
        || after.starts_with(b":=")
        || (after.starts_with(b":") && !after.starts_with(b"::"));
    (assigns && names_secret(name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::{assigned_name, lone_literal};

    #[test]
    fn a_comment_of_one_literal_and_the_name_beside_it() {
        // Built at run time, so the repository holds no token-shaped literal.
        let v = ["Kq9w", "Z2vX", "p4Lm", "Tt7R"].concat();
        for line in [format!("    #\"{v}\""), format!("// '{v}'")] {
            assert_eq!(
                lone_literal(line.as_bytes()).map(|(_, found)| found),
                Some(v.as_bytes()),
                "{line}"
            );
        }
        for line in [
            "# \"two words here\"".to_string(),
            format!("# the token is \"{v}\""),
            "# \"short\"".to_string(),
            format!("x = \"{v}\""),
            "# \"unclosed".to_string(),
        ] {
            assert!(lone_literal(line.as_bytes()).is_none(), "{line}");
        }
        assert_eq!(
            assigned_name(b"    speckleToken = tokenCol.text_input()"),
            Some("speckleToken")
        );
        assert_eq!(
            assigned_name(b"const apiKey = process.env.API_KEY;"),
            Some("apiKey")
        );
        assert_eq!(assigned_name(b"\ttoken := os.Getenv(\"T\")"), Some("token"));
        assert_eq!(assigned_name(b"if token == x:"), None);
        assert_eq!(assigned_name(b"name = input()"), None);
    }
}
