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
/// Yarn's `npmAuthIdent` is `username:password`, or that pair base64-encoded
/// (yarnpkg.com/configuration/yarnrc#npmAuthIdent).
const USER_PASSWORD_OPTIONS: &[&str] = &["userpwd", "proxyuserpwd", "basicauth", "npmauthident"];

/// Whether `key`'s last part names a value that is base64 of `user:password`: Yarn's
/// `npmAuthIdent`, a registry's `auth` (a Docker `config.json` entry, a Helm chart's or
/// a CI config's registry credentials: `auth: <base64 of user:password>`), and any name
/// whose last word is `auth` or that names credentials (`user_auth`, `basic_auth`,
/// `HTTP_AUTH`, `basicAuth`, `proxy_auth`, `credentials`, `creds`): outside an
/// `Authorization: Basic` header the same encoded pair is kept under such names. Only a
/// value that decodes to such a pair is read so.
fn holds_encoded_pair(key: &str) -> bool {
    let leaf = key
        .trim_matches(['"', '\''])
        .rsplit(['.', ':', '>'])
        .next()
        .unwrap_or(key);
    let leaf = super::rule::normalize(leaf);
    [
        "auth",
        "authb64",
        "authbase64",
        "npmauthident",
        "credentials",
        "credential",
        "creds",
    ]
    .iter()
    .any(|w| leaf.ends_with(w))
        // A token sent as the credential (the jira library's `token_auth`, a client's
        // `bearer_auth`) is the secret as written: a Jira Data Center token is base64 of
        // `id:random` and is not a pair to split.
        && !["tokenauth", "bearerauth"].iter().any(|w| leaf.ends_with(w))
}

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
        // Base64 of `user:password` under a name that holds that pair: the password.
        if holds_encoded_pair(&cand.key) {
            if let Some(pass) = super::lexer::basic_password(&cand.value) {
                cand.decoded = Some(pass);
                cand.key = "password".to_string();
                continue;
            }
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

/// Whether `key` (`CURLOPT_USERPWD`, `pycurl.USERPWD`, `c.userpwd`) is such an option, or
/// a Confluent Schema Registry client's `basic.auth.user.info` (its constant
/// `USER_INFO_CONFIG`), whose value is `user:password`
/// (docs.confluent.io/platform/current/schema-registry/security/index.html).
fn is_user_password_option(key: &str) -> bool {
    let whole = super::rule::normalize(key);
    if whole.ends_with("userinfo") || whole.ends_with("userinfoconfig") {
        return true;
    }
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

/// A user and a password as two string literals right after a Basic-auth name: Faraday's
/// `conn.request :authorization, :basic, 'user', 'v'` (Faraday 2,
/// lostisland.github.io/faraday/#/middleware/included/authentication) and `conn.request
/// :basic_auth, 'user', 'v'` (Faraday 1), clj-http's `{:basic-auth ["user" "v"]}` (its
/// README, "Basic auth"), http-client's `applyBasicAuth "user" "v" req` (Haskell,
/// hackage.haskell.org/package/http-client), `BASIC_AUTH = ("user", "v")`. Appends the
/// password.
pub(super) fn basic_pair(line: &[u8], base: usize, line_start: usize, out: &mut Vec<Candidate>) {
    let mut from = 0;
    while let Some(at) = find_basic(line, from) {
        from = at + 5;
        let mut rest = &line[at + 5..];
        for suffix in [&b"-auth"[..], b"_auth", b"auth"] {
            if rest.len() >= suffix.len() && rest[..suffix.len()].eq_ignore_ascii_case(suffix) {
                rest = &rest[suffix.len()..];
                break;
            }
        }
        if rest
            .first()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            continue;
        }
        // The name's own closing quote, the operator or separator after it, then `[` or `(`.
        if rest.first().is_some_and(|b| matches!(b, b'"' | b'\'')) {
            rest = &rest[1..];
        }
        let lead = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b':' | b'=' | b'>' | b','))
            .unwrap_or(rest.len());
        rest = &rest[lead..];
        rest = rest
            .strip_prefix(b"[")
            .or_else(|| rest.strip_prefix(b"("))
            .unwrap_or(rest);
        if let Some((s, e)) = second_of_two_strings(line, rest) {
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
    }
}

/// Where `basic` (any case) occurs in `line` at or after `from`, not inside a word.
fn find_basic(line: &[u8], from: usize) -> Option<usize> {
    let rest = line.get(from..)?;
    memchr::memchr2_iter(b'b', b'B', rest)
        .map(|i| from + i)
        .find(|&i| {
            line.get(i..i + 5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"basic"))
                && (i == 0
                || !(line[i - 1].is_ascii_alphanumeric() || line[i - 1] == b'_')
                // A camel-case word's part (Haskell's `applyBasicAuth "user" "v"`).
                || (line[i] == b'B' && line[i - 1].is_ascii_lowercase()))
        })
}

/// The span (in `line`) of the second of two string literals that open `rest` (a suffix of
/// `line`), separated by a comma or blanks.
fn second_of_two_strings(line: &[u8], rest: &[u8]) -> Option<(usize, usize)> {
    let mut rest = rest;
    let mut spans = [(0, 0); 2];
    for (n, span) in spans.iter_mut().enumerate() {
        let skip = rest
            .iter()
            .position(|b| !(b.is_ascii_whitespace() || (n == 1 && *b == b',')))
            .unwrap_or(rest.len());
        let r = &rest[skip..];
        let q = *r.first().filter(|q| matches!(q, b'\'' | b'"'))?;
        let len = memchr::memchr(q, &r[1..])?;
        let s = line.len() - r.len() + 1;
        *span = (s, s + len);
        rest = &r[len + 2..];
    }
    // Exactly two: a third element makes a list of words (`["basic", "email", "profile"]`).
    if rest.trim_ascii_start().first() == Some(&b',') {
        return None;
    }
    Some(spans[1])
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
