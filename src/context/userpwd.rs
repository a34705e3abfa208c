//! Values that are `user:password` in one string, and users and passwords paired under an
//! auth key.
//!
//! libcurl's `CURLOPT_USERPWD` and `CURLOPT_PROXYUSERPWD` take "user:password" (libcurl
//! manual, <https://curl.se/libcurl/c/CURLOPT_USERPWD.html>), and so do the bindings that
//! pass them through: PHP's `curl_setopt($ch, CURLOPT_USERPWD, "u:v")` and
//! `curl_setopt_array($ch, [CURLOPT_USERPWD => "u:v"])`, pycurl's
//! `c.setopt(pycurl.USERPWD, "u:v")`, Ruby Curb's `c.userpwd = "u:v"`; clj-http's
//! `:basic-auth "u:v"` (its README, "Basic auth"). A Basic Authorization value built in
//! code encodes the same string: `"Basic " + btoa("u:v")`, `base64.b64encode(b"u:v")`,
//! `Base64.strict_encode64("u:v")`, `Convert.ToBase64String(Encoding.UTF8.GetBytes("u:v"))`.
//! The lexer names such a value by the option, whose name says `PWD`, so the whole
//! `user:password` was reported, or not at all; the secret is the part after the first
//! `:` (a password may hold `:`, a user name may not). This pass narrows each such
//! candidate to the password, named `password`.
//!
//! Guzzle's `'auth' => ['user', 'v']` (docs.guzzlephp.org, request options, `auth`) pairs
//! the two as a list under `auth`: the lexer names the second by the first; this pass
//! names it `password`.

use super::Candidate;

/// Option names (lowercase, without `_`, `-` or a module prefix) whose value is
/// `user:password`.
const USER_PASSWORD_OPTIONS: &[&str] = &["userpwd", "proxyuserpwd", "basicauth"];

/// Narrows the candidates from `first` on that an option in [`USER_PASSWORD_OPTIONS`] names
/// to the password after `user:`.
pub(super) fn split(first: usize, out: &mut [Candidate]) {
    // A `Basic` Authorization value on the line: the encoders' arguments are `user:password`.
    let basic = out[first..].iter().any(|c| {
        c.scheme
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("basic"))
    });
    for cand in &mut out[first..] {
        if cand.decoded.is_some() {
            continue;
        }
        if cand.origin == super::Origin::Argument
            && cand.callee.is_none()
            && cand.header.is_none()
            && !cand.key.is_empty()
            && cand
                .parents
                .last()
                .is_some_and(|p| p.eq_ignore_ascii_case("auth"))
            && cand
                .key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            cand.key = "password".to_string();
            continue;
        }
        let encoded = basic
            && cand.key.is_empty()
            && cand
                .callee
                .as_deref()
                .is_some_and(|c| is_encoder(c.rsplit(['.', ':']).next().unwrap_or(c)));
        if !encoded && !is_user_password_option(&cand.key) {
            continue;
        }
        let Some(colon) = cand.value.find(':') else {
            continue;
        };
        let (user, pass) = (&cand.value[..colon], &cand.value[colon + 1..]);
        // `"$user:$pass"`, `user + ":" + pass` are for the classifier; a user name is one
        // word, and the span must be the value as written.
        if user.is_empty()
            || pass.is_empty()
            || user.bytes().any(|b| b.is_ascii_whitespace())
            || cand.end - cand.start != cand.value.len()
        {
            continue;
        }
        cand.start += colon + 1;
        cand.value = pass.to_string();
        cand.key = "password".to_string();
    }
}

/// Base64 encoders and the byte conversions written inside them (last name part).
const ENCODERS: &[&str] = &[
    "btoa",
    "b64encode",
    "standard_b64encode",
    "urlsafe_b64encode",
    "encodebytes",
    "base64encode",
    "base64_encode",
    "encode64",
    "strict_encode64",
    "encodetostring",
    "tobase64string",
    "getbytes",
    "from",
    "encode",
];

/// Whether `name` (a callee's last name part) is in [`ENCODERS`], in any case.
fn is_encoder(name: &str) -> bool {
    ENCODERS.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// Whether `key` (`CURLOPT_USERPWD`, `pycurl.USERPWD`, `c.userpwd`) is such an option.
fn is_user_password_option(key: &str) -> bool {
    let leaf = key.rsplit(['.', ':', '>']).next().unwrap_or(key);
    let leaf = leaf
        .get(..8)
        .filter(|p| p.eq_ignore_ascii_case("curlopt_"))
        .map_or(leaf, |_| &leaf[8..]);
    let leaf = leaf.trim_start_matches(':');
    if leaf.len() > 16 {
        return false;
    }
    let mut norm = [0u8; 16];
    let mut n = 0;
    for b in leaf.bytes().filter(|b| *b != b'_' && *b != b'-') {
        norm[n] = b.to_ascii_lowercase();
        n += 1;
    }
    USER_PASSWORD_OPTIONS
        .iter()
        .any(|o| o.as_bytes() == &norm[..n])
}

/// Faraday's Basic auth middleware: `conn.request :authorization, :basic, 'user', 'v'`
/// (Faraday 2, lostisland.github.io/faraday/#/middleware/included/authentication) and
/// `conn.request :basic_auth, 'user', 'v'` (Faraday 1): the scheme's symbol, then the user
/// and the password as string literals. Appends the password.
pub(super) fn basic_symbol(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let Some(at) = memchr::memmem::find(line, b":basic") else {
        return;
    };
    let mut rest = &line[at + 6..];
    rest = rest.strip_prefix(b"_auth").unwrap_or(rest);
    let mut strings = Vec::with_capacity(2);
    for _ in 0..2 {
        let Some(r) = rest.trim_ascii_start().strip_prefix(b",") else {
            return;
        };
        let r = r.trim_ascii_start();
        let Some(&q) = r.first().filter(|q| matches!(q, b'\'' | b'"')) else {
            return;
        };
        let Some(len) = memchr::memchr(q, &r[1..]) else {
            return;
        };
        let s = line.len() - r.len() + 1;
        strings.push((s, s + len));
        rest = &r[len + 2..];
    }
    let (s, e) = strings[1];
    if e > s {
        out.push(Candidate::literal(
            "password".into(),
            base + s,
            base + e,
            String::from_utf8_lossy(&line[s..e]).into_owned(),
            line_start,
            super::Origin::Argument,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_names() {
        for yes in [
            "CURLOPT_USERPWD",
            "pycurl.USERPWD",
            "c.userpwd",
            "CURLOPT_PROXYUSERPWD",
        ] {
            assert!(is_user_password_option(yes), "{yes}");
        }
        for no in [
            "CURLOPT_PASSWORD",
            "password",
            "userpwd_file",
            "CURLOPT_USERNAME",
            "user_pass",
            "",
        ] {
            assert!(!is_user_password_option(no), "{no}");
        }
    }
}
