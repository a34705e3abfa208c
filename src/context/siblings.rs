//! Values named by a neighbour rather than by `=` or `:`.
//!
//! Many forms tie a literal to its name by position: a sibling argument
//! (`Application.put_env(:app, :spell_token, "v")`, `-define(API_SECRET, "v")`,
//! `String.fromEnvironment('API_KEY', defaultValue: 'v')`), a keyword symbol before it
//! (Clojure and EDN `{:spell-token "v"}`), a key given after it
//! (`UserDefaults.set("v", forKey: "spellToken")`, `[d setObject:@"v" forKey:@"k"]`), or a
//! header name or an Authorization scheme written as their own arguments
//! (`setRequestHeader "Authorization" ["Bearer v"]`, `request :authorization, 'Bearer', 'v'`).
//! A reader pairs such a literal with the nearest name that says "credential"; so does this
//! pass, for a literal that no extractor gave a credential key, that looks generated (the
//! shared classifier), and whose name sits within a few tokens on the same line, with only
//! separators, labels, `:` or an opening bracket between (never a closing bracket, another
//! literal value or an operator: `a == "v"` and `f(token)("v")` are not pairs).

use super::lexer::{Tok, Token};
use super::names::{is_auth_scheme, key_for, names_secret};
use super::{Candidate, Origin};

/// Most tokens between a value and the name that names it.
const MAX_GAP: usize = 5;

/// Shortest value (after an Authorization scheme) worth pairing. The shortest a generic rule reports:
/// a typed password (`super::password_value::FLOOR`).
const MIN_VALUE: usize = super::password_value::FLOOR;

/// Appends candidates for the string literals of `line` that a sibling names.
/// `out[first..]` are the candidates the other extractors found on this line.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for (j, t) in toks.iter().enumerate() {
        if !matches!(t.tok, Tok::Str { .. }) {
            continue;
        }
        // `"ab".repeat(2)`: the value is computed from the literal.
        if t.end - t.start < MIN_VALUE || super::lexer::transformed(line, toks, j) {
            continue;
        }
        // Borrowed from the line while it is tested (most strings are no sibling's value),
        // owned only by the candidate pushed.
        let content = crate::context::lossy(&line[t.start..t.end]);
        // `"Bearer v"`: the scheme is stripped once a name is found; only one word follows.
        let (scheme, value, offset) = match content.split_once(' ') {
            Some((s, rest)) if is_auth_scheme(s) && !rest.trim().contains(' ') => {
                let rest_trim = rest.trim_start();
                let offset = content.len() - rest_trim.len();
                // `Token token=v`: the auth-param's value.
                match super::lexer::auth_param_credential(rest_trim.trim_end()) {
                    Some((at, len)) => (true, &rest_trim[at..at + len], offset + at),
                    None => (true, rest_trim, offset),
                }
            }
            Some(_) => continue,
            None => (false, &content[..], 0),
        };
        let mut value = value.trim_end();
        let mut offset = offset;
        // Groovy `buildConfigField "String", "API_KEY", "\"v\""`: a quoted string inside.
        if let Some(inner) = value
            .strip_prefix("\\\"")
            .and_then(|v| v.strip_suffix("\\\""))
        {
            value = inner;
            offset += 2;
        }
        if value.len() < MIN_VALUE || names_secret(value) {
            continue;
        }
        let (start, end) = (
            base + t.start + offset,
            base + t.start + offset + value.len(),
        );
        // Already named by a credential key or a header: nothing to add. A value under
        // another key (`defaultValue:`, `setObject:`, `headers: [.authorization(bearerToken:
        // "v")]`) may still be named by the credential name next to it.
        let covers = |c: &&Candidate| c.start <= start && c.end >= end && c.end <= base + t.end;
        if out[first..]
            .iter()
            .filter(covers)
            .any(|c| names_secret(&c.key) || c.header.is_some())
        {
            continue;
        }
        let Some(name) = name_before(line, toks, j).or_else(|| name_after(line, toks, j)) else {
            continue;
        };
        if super::classify::judge(value, true).is_err() {
            continue;
        }
        let mut key = key_for(&name);
        let mut header = super::lexer::is_credential_header(&key).then(|| key.clone());
        // `HttpHeaders.AUTHORIZATION`, `echo.HeaderAuthorization`: the header's constant.
        // A scheme as its own argument (`'Bearer', 'v'`) sends the value as Authorization;
        // `token` alone is rather a token's key.
        let scheme_name = key.eq_ignore_ascii_case("bearer") || key.eq_ignore_ascii_case("basic");
        let basic = key.eq_ignore_ascii_case("basic")
            || (scheme
                && content
                    .split_once(' ')
                    .is_some_and(|(s, _)| s.eq_ignore_ascii_case("basic")));
        if scheme_name || super::rule::normalize(&key).ends_with("authorization") {
            key = "Authorization".into();
            header = Some(key.clone());
        }
        if scheme && header.is_none() {
            // `"Bearer v"` under a credential name is still the credential after the scheme.
            header = Some("Authorization".into());
        }
        let mut cand = Candidate::literal(
            key,
            start,
            end,
            value.to_string(),
            line_start,
            Origin::Argument,
        );
        cand.header = header;
        // The scheme stripped (`"Bearer v"`), for the rules' `scheme` anchor.
        if scheme {
            cand.scheme = content.split_once(' ').map(|(s, _)| s.to_string());
        }
        // `proxy_set_header Authorization "Basic <base64>"`, `'Basic', '<base64>'`: base64 of
        // `user:password`, whose password is the secret (as on a header line).
        if basic {
            if let Some(pass) = super::lexer::basic_password(&cand.value) {
                cand.decoded = Some(pass);
                cand.key = "password".into();
            }
        }
        // The first candidate covering the value lends its call and parents.
        if let Some(c) = out[first..].iter().find(covers) {
            cand.callee = c.callee.clone();
            cand.parents = c.parents.clone();
        }
        out.push(cand);
    }
}

/// The text of `toks[i]` as a name: a string's content, a word (a symbol's name without
/// its `:`), when it names a secret and is not called (`getToken("v")` is a getter).
fn name_at(line: &[u8], toks: &[Token], i: usize) -> Option<String> {
    let t = toks[i];
    // Borrowed while it is tested (most tokens name nothing), owned only when returned.
    let name = crate::context::lossy(&line[t.start..t.end]);
    match t.tok {
        Tok::Str { .. } => {}
        Tok::Word => {
            if toks.get(i + 1).is_some_and(|n| n.tok == Tok::Open(b'(')) {
                return None;
            }
        }
        _ => return None,
    }
    (names_secret(&name) || is_auth_scheme(&name) || super::names::is_password_directive(&name))
        .then(|| name.into_owned())
}

/// Whether `toks[i]` may stand between a value and its name: a `,`, a lone `:` or `=>`, a
/// label (`defaultValue:`, `forKey:`), a string prefix (`@"v"`), and, before the value
/// only, an opening bracket (`"Authorization" ["Bearer v"]`).
fn skippable(line: &[u8], toks: &[Token], i: usize, before_value: bool) -> bool {
    let t = toks[i];
    match t.tok {
        Tok::Sep(b',') => true,
        // `"k" to "v"` (Kotlin), `"k" -> "v"` (Scala): pair operators, before the value.
        // `process.env.X || "v"`, `x ?? "v"`: a fallback literal is the value of what it
        // falls back from.
        Tok::Op => {
            // Jsonnet's hidden and forced fields: `apiToken:: "v"`, `apiToken::: "v"`.
            matches!(&line[t.start..t.end], b":" | b"=>" | b"::" | b":::")
                || (before_value && export_marked_assignment(line, toks, i))
                // `API_TOKEN = str("v")`: an assignment of a pure wrapper's result.
                || (before_value
                    && matches!(&line[t.start..t.end], b"=" | b":=")
                    && toks.get(i + 1).is_some_and(|n| {
                        n.tok == Tok::Word && is_pure_wrapper(&line[n.start..n.end])
                    }))
                || (before_value && matches!(&line[t.start..t.end], b"||" | b"??" | b"?:"))
                // `get("API_KEY", default="v")`: a default's keyword.
                || (before_value
                    && &line[t.start..t.end] == b"="
                    && i > 0
                    && toks[i - 1].tok == Tok::Word
                    && is_default_label(&line[toks[i - 1].start..toks[i - 1].end]))
                || (before_value
                    && &line[t.start..t.end] == b">"
                    && t.start > 0
                    && line[t.start - 1] == b'-')
        }
        Tok::Open(b'[' | b'{') => before_value,
        // `JSON.stringify("v")`, `String("v")`: a pure wrapper's argument is its value.
        Tok::Open(b'(') => {
            before_value
                && i > 0
                && toks[i - 1].tok == Tok::Word
                && is_pure_wrapper(&line[toks[i - 1].start..toks[i - 1].end])
        }
        Tok::Other => before_value && line[t.start] == b'-' && line.get(t.end) == Some(&b'>'),
        Tok::Word => {
            let word = &line[t.start..t.end];
            word == b"@"
                || (before_value && (word == b"to" || word == b"or"))
                || (before_value
                    && is_default_label(word)
                    && toks.get(i + 1).is_some_and(|n| {
                        n.tok == Tok::Op && &line[n.start..n.end] == b"=" && n.start == t.end
                    }))
                || (before_value
                    && is_pure_wrapper(word)
                    && toks.get(i + 1).is_some_and(|n| n.tok == Tok::Open(b'(')))
                // `HeaderValue::` before a pure wrapper's name.
                || (before_value
                    && toks.get(i + 1).is_some_and(|n| {
                        n.tok == Tok::Op && &line[n.start..n.end] == b"::" && n.start == t.end
                    })
                    && toks.get(i + 2).is_some_and(|n| {
                        n.tok == Tok::Word && is_pure_wrapper(&line[n.start..n.end])
                    }))
                || (before_value
                    && toks.get(i + 1).is_some_and(|n| {
                        n.tok == Tok::Op && matches!(&line[n.start..n.end], b"||" | b"??")
                    }))
                || toks.get(i + 1).is_some_and(|n| {
                    n.tok == Tok::Op && &line[n.start..n.end] == b":" && n.start == t.end
                })
        }
        _ => false,
    }
}

/// Methods whose argument is the fallback of the lookup before them.
const FALLBACK_METHODS: &[&[u8]] = &[
    b"orElse",
    b"unwrap_or",
    b"getOrElse",
    b"getOrDefault",
    b"or_else",
];

/// The name a lookup ending with the `)` at `toks[close]` looks up: `getenv("API_KEY")`,
/// `ofNullable(System.getenv("API_TOKEN"))`, `option_env!("APP_SECRET")`.
fn looked_up(line: &[u8], toks: &[Token], close: usize) -> Option<String> {
    let mut k = close;
    while toks.get(k)?.tok == Tok::Close(b')') {
        k = k.checked_sub(1)?;
    }
    (toks.get(k.checked_sub(1)?)?.tok == Tok::Open(b'('))
        .then(|| name_at(line, toks, k))
        .flatten()
}

/// Keywords that give a lookup's fallback (`os.environ.get("K", default="v")`).
fn is_default_label(word: &[u8]) -> bool {
    matches!(
        word,
        b"default" | b"defaultValue" | b"default_value" | b"fallback" | b"defval"
    )
}

/// Calls that hand back their argument's content unchanged in kind (serialised, converted,
/// encoded): Vite's `define: { K: JSON.stringify("v") }`, `String("v")`, Python's
/// `str("v")` / `"v".encode()`'s `bytes("v")`, Rust's `String::from("v")`, `Some("v")`.
/// Compared case-sensitively on the whole callee.
const PURE_WRAPPERS: &[&[u8]] = &[
    b"JSON.stringify",
    b"String",
    b"str",
    b"bytes",
    b"encode",
    b"String::from",
    b"Some",
    b"Buffer.from",
    b"encodeURIComponent",
    b"Optional.of",
    b"std::string",
    // Qt's and Windows' literal macros: `QStringLiteral("v")`, `_T("v")`, `TEXT("v")`.
    b"QStringLiteral",
    b"QLatin1String",
    b"QString",
    b"QByteArray",
    b"QString::fromUtf8",
    b"_T",
    b"TEXT",
    b"CFSTR",
    // Rust's `HeaderValue::from_static("Bearer v")` (the path before it is skipped).
    b"from_static",
    // .NET's and Go's bytes of a literal: `Encoding.UTF8.GetBytes("v")`, `[]byte("v")`.
    b"Encoding.UTF8.GetBytes",
    b"Encoding.ASCII.GetBytes",
    b"Encoding.Default.GetBytes",
    b"byte",
    // Default makers: pydantic's `Field("v", env=...)`, dataclasses' `field(default="v")`.
    b"Field",
];

pub(super) fn is_pure_wrapper(word: &[u8]) -> bool {
    PURE_WRAPPERS.contains(&word)
}

/// Nim's export marker: `const apiKey* = "v"`, `var apiKey*: string = "v"`: a `*` glued to
/// the name, then `=`, or the `=` after such a `*`.
fn export_marked_assignment(line: &[u8], toks: &[Token], i: usize) -> bool {
    let text = |k: usize| &line[toks[k].start..toks[k].end];
    let star_at = |k: usize| {
        k > 0
            && toks[k].tok == Tok::Op
            && text(k) == b"*"
            && toks[k - 1].tok == Tok::Word
            && toks[k - 1].end == toks[k].start
    };
    match text(i) {
        b"*" => {
            star_at(i)
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.tok == Tok::Op && &line[n.start..n.end] == b"=")
        }
        b"=" => i > 0 && star_at(i - 1),
        _ => false,
    }
}

/// The nearest credential name before the value at `toks[j]`.
fn name_before(line: &[u8], toks: &[Token], j: usize) -> Option<String> {
    let mut i = j;
    for _ in 0..=MAX_GAP {
        i = i.checked_sub(1)?;
        if let Some(name) = name_at(line, toks, i) {
            // A name written as a key of its own (`"password": x, "v"`) is that key's.
            return Some(name);
        }
        // A lookup's fallback: Kotlin's `getenv("API_KEY") ?: "v"`, `.orElse("v")`,
        // `.unwrap_or("v")`, `.getOrElse("v")`: the name looked up.
        if toks[i].tok == Tok::Open(b'(')
            && i >= 3
            && toks[i - 1].tok == Tok::Word
            && FALLBACK_METHODS.contains(&&line[toks[i - 1].start..toks[i - 1].end])
            && toks[i - 2].tok == Tok::Op
            && &line[toks[i - 2].start..toks[i - 2].end] == b"."
        {
            return looked_up(line, toks, i - 3);
        }
        if toks[i].tok == Tok::Close(b')')
            && toks.get(i + 1).is_some_and(|n| {
                n.tok == Tok::Op && matches!(&line[n.start..n.end], b"?:" | b"??" | b"||")
            })
        {
            return looked_up(line, toks, i);
        }
        // A subscript before a fallback (`process.env["API_KEY"] || "v"`,
        // `$_ENV['APP_SECRET'] ?? 'v'`): the subscript's name.
        if i >= 2 && toks[i].tok == Tok::Close(b']') && toks[i - 2].tok == Tok::Open(b'[') {
            let fallback = toks.get(i + 1).is_some_and(|n| {
                n.tok == Tok::Op && matches!(&line[n.start..n.end], b"||" | b"??" | b"?:")
            });
            if fallback {
                return name_at(line, toks, i - 1);
            }
        }
        // CMake's `set(ENV{API_TOKEN} "v")`: the environment entry's name.
        if i >= 3
            && toks[i].tok == Tok::Close(b'}')
            && toks[i - 2].tok == Tok::Open(b'{')
            && toks[i - 3].tok == Tok::Word
            && toks[i - 3].end == toks[i - 2].start
            && &line[toks[i - 3].start..toks[i - 3].end] == b"ENV"
        {
            return name_at(line, toks, i - 1);
        }
        if !skippable(line, toks, i, true) {
            return None;
        }
    }
    None
}

/// The nearest credential name after the value at `toks[j]` (`set("v", forKey: "k")`),
/// unless that name starts a pair of its own (`"v", "password": ...`).
fn name_after(line: &[u8], toks: &[Token], j: usize) -> Option<String> {
    // A literal right before a pair's operator is the pair's key, and what follows its
    // value, not its name: Go's `"28P01": "invalid_password"`, a map of error codes.
    if toks.get(j + 1).is_some_and(|t| {
        t.tok == Tok::Op && matches!(&line[t.start..t.end], b":" | b"=>" | b"::" | b":::")
    }) {
        return None;
    }
    let mut i = j;
    for _ in 0..=MAX_GAP {
        i += 1;
        if i >= toks.len() {
            return None;
        }
        if let Some(name) = name_at(line, toks, i) {
            let starts_pair = toks.get(i + 1).is_some_and(|n| n.tok == Tok::Op);
            return (!starts_pair && toks[i].tok != Tok::Word).then_some(name);
        }
        if !skippable(line, toks, i, false) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`candidates`] as it was written before its strings were borrowed: the content, the
    /// value and the candidates covering it made owned for every string of 8+ bytes.
    fn owned_form(
        line: &[u8],
        toks: &[Token],
        base: usize,
        line_start: usize,
        first: usize,
        out: &mut Vec<Candidate>,
    ) {
        let text = |t: &Token| crate::context::lossy(&line[t.start..t.end]).into_owned();
        for (j, t) in toks.iter().enumerate() {
            if !matches!(t.tok, Tok::Str { .. }) {
                continue;
            }
            if t.end - t.start < MIN_VALUE || super::super::lexer::transformed(line, toks, j) {
                continue;
            }
            let content = text(t);
            let (scheme, value, offset) = match content.split_once(' ') {
                Some((s, rest)) if is_auth_scheme(s) && !rest.trim().contains(' ') => {
                    let rest_trim = rest.trim_start();
                    let offset = content.len() - rest_trim.len();
                    match super::super::lexer::auth_param_credential(rest_trim.trim_end()) {
                        Some((at, len)) => (true, rest_trim[at..at + len].to_string(), offset + at),
                        None => (true, rest_trim.to_string(), offset),
                    }
                }
                Some(_) => continue,
                None => (false, content.clone(), 0),
            };
            let mut value = value.trim_end().to_string();
            let mut offset = offset;
            if let Some(inner) = value
                .strip_prefix("\\\"")
                .and_then(|v| v.strip_suffix("\\\""))
            {
                value = inner.to_string();
                offset += 2;
            }
            if value.len() < MIN_VALUE || names_secret(&value) {
                continue;
            }
            let (start, end) = (
                base + t.start + offset,
                base + t.start + offset + value.len(),
            );
            let existing: Vec<&Candidate> = out[first..]
                .iter()
                .filter(|c| c.start <= start && c.end >= end && c.end <= base + t.end)
                .collect();
            if existing
                .iter()
                .any(|c| names_secret(&c.key) || c.header.is_some())
            {
                continue;
            }
            let Some(name) = name_before(line, toks, j).or_else(|| name_after(line, toks, j))
            else {
                continue;
            };
            if super::super::classify::judge(&value, true).is_err() {
                continue;
            }
            let mut key = key_for(&name);
            let mut header = super::super::lexer::is_credential_header(&key).then(|| key.clone());
            let scheme_name =
                key.eq_ignore_ascii_case("bearer") || key.eq_ignore_ascii_case("basic");
            let basic = key.eq_ignore_ascii_case("basic")
                || (scheme
                    && content
                        .split_once(' ')
                        .is_some_and(|(s, _)| s.eq_ignore_ascii_case("basic")));
            if scheme_name || super::super::rule::normalize(&key).ends_with("authorization") {
                key = "Authorization".into();
                header = Some(key.clone());
            }
            if scheme && header.is_none() {
                header = Some("Authorization".into());
            }
            let mut cand = Candidate::literal(key, start, end, value, line_start, Origin::Argument);
            cand.header = header;
            if scheme {
                cand.scheme = content.split_once(' ').map(|(s, _)| s.to_string());
            }
            if basic {
                if let Some(pass) = super::super::lexer::basic_password(&cand.value) {
                    cand.decoded = Some(pass);
                    cand.key = "password".into();
                }
            }
            if let Some(c) = existing.first() {
                cand.callee = c.callee.clone();
                cand.parents = c.parents.clone();
            }
            out.push(cand);
        }
    }

    type Fields = (
        String,
        Vec<String>,
        usize,
        usize,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn fields(c: &Candidate) -> Fields {
        (
            c.key.clone(),
            c.parents.clone(),
            c.start,
            c.end,
            c.value.clone(),
            c.callee.clone(),
            c.header.clone(),
            c.scheme.clone(),
        )
    }

    /// The borrowing form gives the candidates of the owned form, field by field, on
    /// generated lines of names, lookups, labels, schemes and quoted values (the lexer's
    /// candidates of each line given first, as the engine does).
    #[test]
    fn borrowed_strings_give_the_candidates_of_owned_ones() {
        // Token-shaped values built at run time (dogfood: `leakgate scan .`).
        let value = ["Hq4t", "N7wZ", "2pK9", "mR3x"].concat();
        let pieces: Vec<String> = vec![
            format!("\"{value}\""),
            format!("'{value}'"),
            format!("\"Bearer {value}\""),
            format!("\"\\\"{value}\\\"\""),
            format!("\"{value} x\""),
            format!("\"{}\"", &value[..9]),
            "\"api_key\"".into(),
            "\"X-Api-Key\"".into(),
            "\"Authorization\"".into(),
            "\"password\"".into(),
            "\"é token é\"".into(),
            "API_TOKEN".into(),
            ":spell_token".into(),
            "password".into(),
            "getenv(\"API_KEY\")".into(),
            "forKey:".into(),
            "defaultValue:".into(),
            ".orElse(".into(),
            "process.env[\"SECRET\"]".into(),
            "Bearer".into(),
            " ".into(),
            ",".into(),
            ", ".into(),
            ":".into(),
            " = ".into(),
            "(".into(),
            ")".into(),
            "[".into(),
            "{".into(),
            " || ".into(),
            " ?: ".into(),
            "token: ".into(),
            "f(".into(),
            "\u{e9}".into(),
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let line: String = (0..1 + next() % 12)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize].as_str())
                .collect();
            let line = line.as_bytes();
            let toks = super::super::lexer::tokenize(line);
            let base = 7;
            let mut before = Vec::new();
            super::super::lexer::candidates(line, base, 3, crate::context::Kind::Code, &mut before);
            let mut after = before.clone();
            let lexed = before.len();
            owned_form(line, &toks, base, 3, 0, &mut before);
            candidates(line, &toks, base, 3, 0, &mut after);
            let (a, b): (Vec<Fields>, Vec<Fields>) = (
                before.iter().map(fields).collect(),
                after.iter().map(fields).collect(),
            );
            found += after.len() - lexed;
            assert_eq!(a, b, "{:?}", crate::context::lossy(line));
        }
        // Siblings name values on many of the lines.
        assert!(found > 1_000, "{found} candidates from siblings");
    }
}
