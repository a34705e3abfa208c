//! A `user:password` written out to be base64-encoded on a shell line: the Basic credential
//! computed in place (`AUTH=$(echo -n 'user:v' | base64)`, `printf '%s' "user:v" | base64`,
//! `base64 <<< 'user:v'`, `echo -n user:v | openssl base64`).
//!
//! Setup guides and scripts build an `Authorization: Basic` value so (RFC 7617 section 2:
//! the credentials are base64 of `user-id ":" password`), then send `$AUTH` in a header on a
//! later line: the header holds a reference, and the only literal is the pair handed to the
//! encoder. No name says "password" there, only the encoder and the colon do. This pass takes
//! the literal piped or here-stringed into `base64` (or `openssl base64`, `openssl enc
//! -base64`) and gives the part after its first `:` as `password`; the shared classifier
//! drops placeholders (`user:password`, `$USER:$PASS`).

use super::{Candidate, Origin};

/// Appends the password of each `user:password` literal that `line` (at `data[base..]`)
/// pipes or here-strings into a base64 encoder.
pub(super) fn candidates(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    for at in memchr::memmem::find_iter(line, b"base64") {
        // `base64` as a word of its own (not `b64`, `base64_encode(`, `--base64`).
        let before = at.checked_sub(1).map(|i| line[i]);
        let after = line.get(at + 6).copied();
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
            || after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'(')
        {
            continue;
        }
        let literal = here_string(line, at + 6).or_else(|| piped_into(line, at));
        let Some((s, e)) = literal else {
            continue;
        };
        let Some(colon) = memchr::memchr(b':', &line[s..e]) else {
            continue;
        };
        let user = &line[s..s + colon];
        // A user is one plain word: not `$USER`, not `https` of a URL.
        if user.is_empty()
            || user.len() > 64
            || !user
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"._@+-".contains(b))
            || line[s + colon + 1..e].starts_with(b"//")
        {
            continue;
        }
        let (ps, pe) = (s + colon + 1, e);
        if pe <= ps {
            continue;
        }
        out.push(Candidate::bare_word(
            "password".into(),
            base + ps,
            base + pe,
            &line[ps..pe],
            line_start,
            Origin::Assignment,
        ));
    }
}

/// Base64 encoders of programming languages, as written before their `(` (lowercase):
/// Python's `b64encode`, JavaScript's `btoa` and `Buffer.from(...).toString('base64')`, Ruby's
/// `encode64`/`strict_encode64`, PHP's `base64_encode`, .NET's `ToBase64String`, Go's
/// `EncodeToString`, Java's `encodeToString`, Kotlin's and Dart's `base64Encode`.
const CODE_ENCODERS: &[&[u8]] = &[
    b"b64encode(",
    b"btoa(",
    b"encode64(",
    b"base64_encode(",
    b"tobase64string(",
    b"encodetostring(",
    b"base64encode(",
    b"buffer.from(",
];

/// Appends the password of a `user:password` literal that `line` hands to a base64 encoder
/// in code (`base64.b64encode(b"u:v")`, `btoa("u:v")`, `Base64.strict_encode64("u:v")`,
/// `Convert.ToBase64String(Encoding.UTF8.GetBytes("u:v"))`,
/// `base64.StdEncoding.EncodeToString([]byte("u:v"))`, `Buffer.from("u:v").toString("base64")`):
/// the literal is the first string inside the call, within the byte conversions written
/// there.
pub(super) fn code_encoders(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let lower = line.to_ascii_lowercase();
    for enc in CODE_ENCODERS {
        for at in memchr::memmem::find_iter(&lower, enc) {
            // `Buffer.from("u:v")` encodes only when it is turned into base64.
            if *enc == b"buffer.from(" && memchr::memmem::find(&lower[at..], b"base64").is_none() {
                continue;
            }
            let open = at + enc.len();
            // Only byte conversions and string prefixes before the literal.
            let Some(q) = line[open..]
                .iter()
                .take(48)
                .position(|b| *b == b'"' || *b == b'\'')
                .map(|i| open + i)
            else {
                continue;
            };
            let between = &lower[open..q];
            if !between
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"._[]()@ ".contains(b))
                || between.iter().filter(|b| **b == b')').count() > 0
            {
                continue;
            }
            let quote = line[q];
            let Some(close) = memchr::memchr(quote, &line[q + 1..]).map(|i| q + 1 + i) else {
                continue;
            };
            let literal = &line[q + 1..close];
            let Some(colon) = memchr::memchr(b':', literal) else {
                continue;
            };
            let user = &literal[..colon];
            if user.is_empty()
                || user.len() > 64
                || !user
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || b"._@+-".contains(b))
                || literal[colon + 1..].starts_with(b"//")
                || colon + 1 >= literal.len()
            {
                continue;
            }
            let (ps, pe) = (q + 1 + colon + 1, close);
            out.push(Candidate::bare_word(
                "password".into(),
                base + ps,
                base + pe,
                &line[ps..pe],
                line_start,
                Origin::Assignment,
            ));
        }
    }
}

/// `base64 <<< 'v'`, `base64 <<<"v"`, `base64 -w0 <<< v`: the literal after `<<<` (from
/// `from`, just after the word `base64`), its quotes left out.
fn here_string(line: &[u8], from: usize) -> Option<(usize, usize)> {
    let rest = &line[from..];
    let op = memchr::memmem::find(rest, b"<<<")?;
    // Only the encoder's own flags between it and `<<<`.
    if !rest[..op]
        .split(|b| b.is_ascii_whitespace())
        .all(|w| w.is_empty() || w.starts_with(b"-"))
    {
        return None;
    }
    let mut s = from + op + 3;
    while line.get(s).is_some_and(|b| *b == b' ') {
        s += 1;
    }
    word_at(line, s)
}

/// `echo -n 'v' | base64`, `printf '%s' "v" | openssl base64`: the last word of the `echo`
/// or `printf` command piped into the encoder at `at`, its quotes left out.
fn piped_into(line: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut head = line[..at].trim_ascii_end();
    // `openssl base64`, `openssl enc -base64` (the `-` is before `at`).
    if let Some(h) = head.strip_suffix(b"-") {
        head = h.trim_ascii_end();
        head = head.strip_suffix(b"enc")?.trim_ascii_end();
        head = head.strip_suffix(b"openssl")?.trim_ascii_end();
    } else if let Some(h) = head.strip_suffix(b"openssl") {
        head = h.trim_ascii_end();
    }
    let head = head.strip_suffix(b"|")?;
    if head.ends_with(b"|") {
        return None;
    }
    let head = head.trim_ascii_end();
    // The command piped: back to the start of the line, a `$(`, a backtick, `;` or `&&`.
    let start = head
        .iter()
        .rposition(|b| matches!(b, b'(' | b'`' | b';' | b'&' | b'|'))
        .map_or(0, |i| i + 1);
    // The program: `echo` or `printf`, after a prompt, `RUN`, Make's `@` or `sudo`.
    let (command_start, program_len) = ["echo ", "printf "].iter().find_map(|p| {
        let at = memchr::memmem::find(&head[start..], p.as_bytes())? + start;
        let before = at.checked_sub(1).map(|i| head[i]);
        before
            .is_none_or(|b| b.is_ascii_whitespace() || b"@(`;&|".contains(&b))
            .then_some((at, p.len() - 1))
    })?;
    // The last word: quoted (with its quotes) or bare.
    let end = head.len();
    let last = head[..end]
        .last()
        .copied()
        .filter(|q| *q == b'"' || *q == b'\'');
    let s = match last {
        Some(q) => memchr::memrchr(q, &head[command_start..end - 1])? + command_start,
        None => head[..end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1),
    };
    if s <= command_start + program_len {
        return None;
    }
    word_at(line, s)
}

/// The word starting at `s`: a quoted string's inside, or a bare word up to a space, `|`,
/// `)` or `;`.
fn word_at(line: &[u8], s: usize) -> Option<(usize, usize)> {
    match line.get(s)? {
        q @ (b'"' | b'\'') => {
            let close = memchr::memchr(*q, &line[s + 1..])? + s + 1;
            Some((s + 1, close))
        }
        _ => {
            let e = line[s..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || b"|);`".contains(b))
                .map_or(line.len(), |i| s + i);
            (e > s).then_some((s, e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Extractor = fn(&[u8], usize, usize, &mut Vec<Candidate>);

    fn values_of(extract: Extractor, line: &str) -> Vec<String> {
        let mut out = Vec::new();
        extract(line.as_bytes(), 0, 0, &mut out);
        out.into_iter().map(|c| c.value).collect()
    }

    fn passwords(line: &str) -> Vec<String> {
        values_of(candidates, line)
    }

    #[test]
    fn pairs_handed_to_an_encoder_give_their_password() {
        let v = "Hq4tN7wZ2pK9mR3xL6";
        for line in [
            format!("AUTH=$(echo -n 'admin:{v}' | base64)"),
            format!("AUTH=`echo -n \"admin:{v}\" | base64 -w0`"),
            format!("export B64=$(printf '%s' 'ci-bot:{v}' | base64)"),
            format!("$ echo -n admin:{v} | openssl base64"),
            format!("echo -n 'admin:{v}' | openssl enc -base64"),
            format!("TOKEN=$(base64 <<< \"admin:{v}\")"),
            format!("base64 -w0 <<< 'svc@acme.io:{v}'"),
        ] {
            assert_eq!(passwords(&line), vec![v.to_string()], "{line}");
        }
    }

    fn code_passwords(line: &str) -> Vec<String> {
        values_of(code_encoders, line)
    }

    #[test]
    fn pairs_handed_to_an_encoder_in_code_give_their_password() {
        let v = "Hq4tN7wZ2pK9mR3xL6";
        for line in [
            format!("auth = base64.b64encode(b\"admin:{v}\").decode()"),
            format!("const auth = btoa('admin:{v}');"),
            format!("auth = Base64.strict_encode64(\"deploy:{v}\")"),
            format!("$auth = base64_encode('api:{v}');"),
            format!("var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(\"ops:{v}\"));"),
            format!("auth := base64.StdEncoding.EncodeToString([]byte(\"ops:{v}\"))"),
            format!("const auth = Buffer.from(\"ops:{v}\").toString(\"base64\");"),
        ] {
            assert_eq!(code_passwords(&line), vec![v.to_string()], "{line}");
        }
        for line in [
            "auth = base64.b64encode(f\"{user}:{password}\".encode())",
            "const auth = btoa(user + ':' + pass);",
            "const b = Buffer.from('a:b', 'utf8');",
            "x = base64.b64encode(json.dumps(payload))",
            "btoa('https://acme.io')",
        ] {
            assert!(code_passwords(line).iter().all(|p| p.len() < 4), "{line}");
        }
    }

    #[test]
    fn other_uses_of_base64_give_nothing() {
        for line in [
            "IMAGE=$(base64 -i test.png)",
            "echo $AUTH | base64 -d",
            "cat key.pem | base64",
            "echo -n \"$USER:$PASS\" | base64",
            "echo 'https://acme.io' | base64",
            "x = base64_encode('a:b')",
            "echo hello | base64",
        ] {
            let got: Vec<String> = passwords(line)
                .into_iter()
                .filter(|p| !p.starts_with('$'))
                .collect();
            assert!(got.is_empty(), "{line}: {got:?}");
        }
    }
}
