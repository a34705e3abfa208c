//! Whether a value under a password's name is a number written in code, not a password
//! (issue 13, noise; session 14, branch `recall14`).
//!
//! A password is text: in a language that quotes its strings, a value written without
//! quotes and made of a number's characters is a number, and a number under a password's
//! name is a flag, a field number, an enum value, an error code or a limit:
//! PowerShell's `$ADS_UF_DONT_EXPIRE_PASSWD = 65536`, a protobuf field
//! `auth_user_change_password = <n>;`, TypeScript's `enum E { WrongPassword = 40913 }`,
//! Python's `PASSWORD_RESET = 3`, C's `#define PASSWD_ERR 0x1F`. Once passwords of five
//! characters are reported (`generic-password`'s floor), these are most of what the floor
//! adds in code.
//!
//! Config formats keep theirs: YAML's `ise_password: <six digits>`, `.env`, INI, shell,
//! Dockerfiles and Makefiles read an unquoted value as text, and JSON is data someone
//! typed. In any other file a number that ends a statement (`= 1103;`) is code too.

use super::kind::Kind;

/// Whether `value`, unquoted (`quoted` false) in a blob of `kind`, is a number literal of
/// code: in source code or HCL, or anywhere but a config format when a `;` ends it.
pub fn is_number_in_code(value: &str, quoted: bool, kind: Kind, after: &[u8]) -> bool {
    if quoted {
        return false;
    }
    let (body, statement_end) = match value.strip_suffix([';', ',']) {
        Some(body) => (body, true),
        None => (value, next_mark(after) == Some(b';')),
    };
    if !is_number_literal(body) {
        return false;
    }
    match kind {
        Kind::Code | Kind::Hcl => true,
        Kind::Env | Kind::Shell | Kind::Dockerfile | Kind::Makefile | Kind::Ini | Kind::Yaml => {
            false
        }
        Kind::Json | Kind::Xml | Kind::Unknown => statement_end,
    }
}

/// The first byte after spaces and tabs on the value's line.
fn next_mark(after: &[u8]) -> Option<u8> {
    after.iter().copied().find(|b| *b != b' ' && *b != b'\t')
}

/// A number as languages write one: an optional sign, then hex, octal or binary after
/// `0x` / `0o` / `0b`, or decimal digits with `_` or `'` between groups and one `.`, and a
/// type suffix (`L`, `u`, `UL`, `f`, `m`, `n`).
fn is_number_literal(v: &str) -> bool {
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    let lower = v.to_ascii_lowercase();
    for (prefix, digit) in [
        ("0x", u8::is_ascii_hexdigit as fn(&u8) -> bool),
        ("0o", |b: &u8| (b'0'..=b'7').contains(b)),
        ("0b", |b: &u8| *b == b'0' || *b == b'1'),
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_end_matches(['u', 'l']);
            return !rest.is_empty() && rest.bytes().all(|b| digit(&b) || b == b'_');
        }
    }
    let body = lower.trim_end_matches(['u', 'l', 'f', 'd', 'm', 'n']);
    let b = body.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'_' | b'\'' | b'.'))
        && b.iter().filter(|c| **c == b'.').count() <= 1
        && lower.len() - body.len() <= 2
}

#[cfg(test)]
mod tests {
    use super::{is_number_in_code, Kind};

    #[test]
    fn numbers_in_code_and_values_in_config() {
        for (value, kind, after) in [
            ("65536", Kind::Code, ""),
            ("1103;", Kind::Unknown, "\n"),
            ("1103", Kind::Unknown, "; // field\n"),
            ("40913,", Kind::Code, "\n"),
            ("0x1F", Kind::Code, "\n"),
            ("-48213", Kind::Code, ""),
            ("48_213L", Kind::Code, ""),
            ("65536", Kind::Hcl, ""),
        ] {
            assert!(
                is_number_in_code(value, false, kind, after.as_bytes()),
                "{value} {kind:?}"
            );
        }
        for (value, quoted, kind, after) in [
            ("65536", true, Kind::Code, ""),
            ("991545", false, Kind::Yaml, "\n"),
            ("58213", false, Kind::Env, "\n"),
            ("58213", false, Kind::Shell, "\n"),
            ("58213", false, Kind::Ini, "\n"),
            ("58213", false, Kind::Unknown, "\n"),
            ("58213", false, Kind::Json, ",\n"),
            ("58a13", false, Kind::Code, ""),
            ("x58213", false, Kind::Code, ""),
            ("58.21.3", false, Kind::Code, ""),
        ] {
            assert!(
                !is_number_in_code(value, quoted, kind, after.as_bytes()),
                "{value} {kind:?}"
            );
        }
    }
}
