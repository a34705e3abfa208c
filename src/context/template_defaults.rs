//! Literals inside template expressions: a default (`{{ .Values.token | default "v" }}`,
//! `{{ default "v" .Values.password }}`, Jinja's `{{ api_key | default('v') }}`) and a
//! literal piped into a filter (Ansible's `"{{ 'v' | password_hash('sha512') }}"`).
//!
//! Helm and Go templates (sprig's `default`: <https://masterminds.github.io/sprig/defaults.html>),
//! Jinja (`default(value, boolean=false)`, alias `d`) and Ansible (the `password_hash`
//! filter hashes the literal at render time, so the plain password is what is committed)
//! render the literal when nothing else is given. The classifier rejects the whole value as
//! a template reference (`{{...}}`); this pass adds each such literal as a candidate of its
//! own, named by the key the template is the value of (`password:`, `api_key =`).

use super::names::names_secret;
use super::{Candidate, Origin};

/// Longest template expression looked into.
const MAX_EXPRESSION: usize = 512;

/// Appends a candidate for every default and piped literal in the `{{ ... }}` expressions
/// of `line` whose key names a credential.
pub(super) fn candidates(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let mut from = 0;
    while let Some(open) = next_open(line, from) {
        let closer: &[u8] = if line[open + 1] == b'%' { b"%}" } else { b"}}" };
        let inner_start = open + 2;
        let reach = (inner_start + MAX_EXPRESSION).min(line.len());
        let Some(close) = memchr::memmem::find(&line[inner_start..reach], closer) else {
            return;
        };
        let inner_end = inner_start + close;
        from = inner_end + 2;
        // Named by the key the template is the value of, or by the variable it sets
        // (`{{- $token := ... }}`, `{% set api_key = ... %}`).
        let (key, literals_from) = match key_before(&line[..open]) {
            Some(key) => (key, inner_start),
            None => match key_inside(line, inner_start, inner_end) {
                Some((key, after)) => (key, after),
                None => continue,
            },
        };
        let key = String::from_utf8_lossy(key).into_owned();
        if !names_secret(&key) {
            continue;
        }
        for (s, e) in rendered_literals(line, literals_from, inner_end) {
            if e <= s {
                continue;
            }
            out.push(Candidate::literal(
                key.clone(),
                base + s,
                base + e,
                String::from_utf8_lossy(&line[s..e]).into_owned(),
                line_start,
                Origin::Assignment,
            ));
        }
    }
}

/// Where the next `{{` or `{%` at or after `from` opens.
fn next_open(line: &[u8], from: usize) -> Option<usize> {
    let rest = line.get(from..)?;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'{', &rest[at..]) {
        let i = at + i;
        if matches!(rest.get(i + 1), Some(b'{' | b'%')) {
            return Some(from + i);
        }
        at = i + 1;
    }
    None
}

/// The variable an expression `line[from..to]` sets (Go's `$name :=` or `$name =`, Jinja's
/// `set name =`) and where its value starts.
fn key_inside(line: &[u8], from: usize, to: usize) -> Option<(&[u8], usize)> {
    let inner = &line[from..to];
    let lead = inner
        .iter()
        .position(|b| !(b.is_ascii_whitespace() || *b == b'-'))?;
    let mut rest = &inner[lead..];
    if let Some(r) = rest.strip_prefix(b"set ") {
        rest = r.trim_ascii_start();
    } else {
        rest = rest.strip_prefix(b"$")?;
    }
    let name_len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))?;
    let after = rest[name_len..].trim_ascii_start();
    let op = if after.starts_with(b":=") {
        2
    } else if after.starts_with(b"=") && !after.starts_with(b"==") {
        1
    } else {
        return None;
    };
    let value_at = to - (after.len() - op);
    (name_len > 0).then(|| (&rest[..name_len], value_at))
}

/// The key a template on the rest of the line is the value of: the name before the last
/// `:` or `=` of `before` (`  password: "`, `api_key = "`, `SPECKLE_TOKEN: `).
fn key_before(before: &[u8]) -> Option<&[u8]> {
    let t = before.trim_ascii_end();
    let t = t
        .strip_suffix(b"\"")
        .or_else(|| t.strip_suffix(b"'"))
        .unwrap_or(t);
    let t = t.trim_ascii_end();
    let t = t
        .strip_suffix(b":")
        .or_else(|| t.strip_suffix(b"="))?
        .trim_ascii_end();
    let t = t
        .strip_suffix(b"\"")
        .or_else(|| t.strip_suffix(b"'"))
        .unwrap_or(t);
    let start = t
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
        .map_or(0, |i| i + 1);
    let key = &t[start..];
    (!key.is_empty()).then_some(key)
}

/// The contents of the string literals in `line[from..to]` that the template renders when
/// nothing else is given: a `default`'s argument, and a literal that opens the expression
/// and is piped into a filter.
fn rendered_literals(line: &[u8], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = from;
    while i < to {
        let q = line[i];
        if q != b'"' && q != b'\'' {
            i += 1;
            continue;
        }
        let s = i + 1;
        let Some(len) = memchr::memchr(q, &line[s..to]) else {
            break;
        };
        let e = s + len;
        i = e + 1;
        let head = line[from..s - 1].trim_ascii_end();
        let head = head.strip_suffix(b"(").unwrap_or(head).trim_ascii_end();
        let is_default = head.ends_with(b"default")
            || (head.ends_with(b"d") && head[..head.len() - 1].trim_ascii_end().ends_with(b"|"));
        let opens = line[from..s - 1]
            .iter()
            .all(|b| b.is_ascii_whitespace() || matches!(b, b'-' | b'('));
        let piped = line[e + 1..to].trim_ascii_start().first() == Some(&b'|');
        if is_default || (opens && piped) {
            found.push((s, e));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        candidates(line.as_bytes(), 0, 0, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn defaults_and_piped_literals() {
        let v = "Hq4tN7wZ2pK9".to_string() + "mR3xL6";
        for (line, key) in [
            (
                "  token: {{ .Values.token | default \"V\" | b64enc }}",
                "token",
            ),
            (
                "  password: {{ default \"V\" .Values.password | quote }}",
                "password",
            ),
            ("api_key = \"{{ api_key | default('V') }}\"", "api_key"),
            ("api_key = \"{{ api_key | d('V') }}\"", "api_key"),
            (
                "    password: \"{{ 'V' | password_hash('sha512') }}\"",
                "password",
            ),
            (
                "token: \"{{ lookup('env', 'T') | default('V', true) }}\"",
                "token",
            ),
        ] {
            let line = line.replace('V', &v);
            assert_eq!(values(&line), vec![(key.to_string(), v.clone())], "{line}");
        }
        for line in [
            "  token: {{ .Values.token | default .Values.global.token }}",
            "  password: {{ required \"set a password\" .Values.password }}",
            "  name: {{ .Values.name | default \"web\" }}",
            "  password: \"{{ user_password | password_hash('sha512') }}\"",
            "  token: {{ .Values.token | default \"\" }}",
        ] {
            assert!(values(line).is_empty(), "{line}");
        }
    }
}
