//! Literals that an expression hands to a credential name unchanged, though no `=` sits
//! right before them.
//!
//! Code and tests write a credential as a literal inside a small expression more often than
//! as a bare `name = "v"`:
//!
//! - behind a fallback, the value used when a lookup finds nothing: `SECRET_KEY =
//!   os.environ.get("SECRET_KEY") or "v"`, `const licenseKey = window.__KEY__ ?? 'v'`,
//!   `let token = env::var("API_TOKEN").unwrap_or_else(|_| "v".to_string())`,
//!   `.orElseGet(() -> "v")`;
//! - inside a call or a method that only turns it into bytes or text: `const SECRET =
//!   'whsec_' + Buffer.from('v').toString('base64')`, Ruby's `SECRET =
//!   Base64.strict_encode64("v")`, Swift's `let apiSecret = Data("v".utf8)`;
//! - a subscript whose key is a constant naming the credential: `settings[Config.API_TOKEN] =
//!   "v"`, Kotlin's `props[ConfigKeys.DB_PASSWORD] = "v"`;
//! - a stubbed credential getter in a test: MockK's `every { settings.apiSecret } returns
//!   "v"`.
//!
//! The pass walks back from a literal over the tokens that leave it the value (opening
//! brackets of conversions, a closure's head, a joined literal before a `+`) to the operator
//! that ties it to a name: an assignment (its target), a fallback operator (the statement's
//! target, else the credential name the lookup on the left reads), a subscript or a stub.
//! The tokens after it may only convert it (`.toString('base64')`, `.utf8`, `)`). A name
//! that says "credential" ([`super::names::names_secret`]) and a value the shared classifier
//! takes for a literal give a candidate under that name; the rules decide which credential.

use super::lexer::{Tok, Token};
use super::names::{already_named, names_secret};
use super::{Candidate, Origin};

/// Shortest literal worth reading. The shortest a generic rule reports:
/// a typed password (`super::password_value::FLOOR`).
const MIN_VALUE: usize = super::password_value::FLOOR;

/// Calls (the callee's last name part, any case) that only convert their first argument to
/// bytes or text, or encode it whole: `Buffer.from`, `bytes`, `Data`, `String`,
/// `Base64.strict_encode64`, `btoa`, `b64encode`.
const CONVERTERS: &[&str] = &[
    "from",
    "bytes",
    "bytearray",
    "data",
    "string",
    "str",
    "encode",
    "encode64",
    "strict_encode64",
    "urlsafe_encode64",
    "b64encode",
    "urlsafe_b64encode",
    "standard_b64encode",
    "btoa",
    "getbytes",
    "tobase64string",
    "encodetostring",
    "some",
];

/// Methods after a literal that leave its value what it was, or encode it whole
/// (`.toString('base64')`, `.encode("utf-8")`, `.utf8`, `.to_vec()`).
const SAME_VALUE_METHODS: &[&str] = &[
    "tostring",
    "to_string",
    "to_owned",
    "into",
    "encode",
    "getbytes",
    "tobytearray",
    "encodetobytearray",
    "utf8",
    "b",
    "to_vec",
    "as_bytes",
    "into_bytes",
    "as_str",
    "freeze",
    "data",
];

/// Methods whose argument (or closure's result) is the fallback of a lookup: Rust's
/// `unwrap_or` / `unwrap_or_else`, Java's `Optional.orElse` / `orElseGet`, Kotlin's and
/// Scala's `getOrElse`.
const FALLBACK_METHODS: &[&str] = &[
    "unwrap_or",
    "unwrap_or_else",
    "or_else",
    "orelse",
    "orelseget",
    "getorelse",
];

/// Operators (and Python's, Ruby's and Lua's `or`) whose right side is the fallback.
fn is_fallback_operator(text: &[u8], tok: Tok) -> bool {
    match tok {
        Tok::Op => matches!(text, b"||" | b"??" | b"?:"),
        Tok::Word => text == b"or",
        _ => false,
    }
}

/// The last name part of `word` (after `.`, `::`, `->`), lowercase.
fn last_part(word: &[u8]) -> String {
    let last = word
        .rsplit(|b| matches!(b, b'.' | b':' | b'>'))
        .next()
        .unwrap_or(b"");
    String::from_utf8_lossy(last).to_ascii_lowercase()
}

fn in_list(list: &[&str], word: &[u8]) -> bool {
    let last = last_part(word);
    list.iter().any(|w| *w == last)
}

/// How the walk back from a literal ended.
enum Tie {
    /// At an assignment operator at this token index.
    Assignment(usize),
    /// At a fallback operator or method at this token index.
    Fallback(usize),
    /// At a subscript's constant key (`settings[Config.API_TOKEN] = "v"`): the key's index.
    Subscript(usize),
    /// At a stub's `returns` after `{ ... }` (MockK): the index of `returns`.
    Stub(usize),
}

/// Appends the candidates of `line`'s literals that an expression ties to a credential
/// name. `out[first..]` are the candidates the other extractors found on this line.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for (j, t) in toks.iter().enumerate() {
        if !matches!(t.tok, Tok::Str { .. }) || t.end - t.start < MIN_VALUE {
            continue;
        }
        let (start, end) = (base + t.start, base + t.end);
        if already_named(&out[first..], start, end) {
            continue;
        }
        let Some((tie, converted)) = walk_back(line, toks, j) else {
            continue;
        };
        if !tail_keeps_value(line, toks, j + 1) {
            continue;
        }
        let name = match tie {
            // A bare `name = "v"` is the lexer's; only a conversion crossed is new here.
            Tie::Assignment(k) if converted => target_before(line, toks, k),
            Tie::Assignment(_) => None,
            Tie::Fallback(k) => statement_target(line, toks, k)
                .filter(|n| names_secret(n))
                .or_else(|| looked_up_name(line, toks, k)),
            Tie::Subscript(k) => constant_name(&line[toks[k].start..toks[k].end]),
            Tie::Stub(k) => stubbed_name(line, toks, k),
        };
        let Some(name) = name.filter(|n| names_secret(n)) else {
            continue;
        };
        let value = String::from_utf8_lossy(&line[t.start..t.end]).into_owned();
        // A shape the classifier drops alone (hex, a UUID) is left to the rule: a
        // credential's name, or the read it is the fallback of, may vouch for it
        // (`super::shapes`, `super::placed_shapes`).
        if names_secret(&value)
            || (super::classify::judge(&value, true).is_err()
                && super::shapes::fits(&value).is_none())
        {
            continue;
        }
        out.push(Candidate::literal(
            name,
            start,
            end,
            value,
            line_start,
            Origin::Assignment,
        ));
    }
}

/// Walks back from the literal `toks[j]` over the tokens that leave it the value; the tie
/// it ends at, and whether a conversion was crossed.
fn walk_back(line: &[u8], toks: &[Token], j: usize) -> Option<(Tie, bool)> {
    let text = |k: usize| &line[toks[k].start..toks[k].end];
    let mut converted = false;
    let mut k = j.checked_sub(1)?;
    // A string prefix glued to the literal (`b"v"`, `r"v"`, `@"v"`).
    if toks[k].tok == Tok::Word && toks[k].end == toks[j].start - 1 && text(k).len() <= 2 {
        k = k.checked_sub(1)?;
    }
    loop {
        let t = toks[k];
        match t.tok {
            Tok::Open(b'(') => {
                let callee = k.checked_sub(1).map(|c| (c, toks[c]));
                match callee {
                    Some((c, w)) if w.tok == Tok::Word && w.end == t.start => {
                        let name = text(c);
                        if in_list(FALLBACK_METHODS, name) {
                            return Some((Tie::Fallback(c), converted));
                        }
                        if !in_list(CONVERTERS, name) {
                            return None;
                        }
                        converted = true;
                        k = c.checked_sub(1)?;
                    }
                    // `(expr ?? "v")`, `Data(("v"))`: a bracket alone.
                    Some((c, _)) => k = c,
                    None => return None,
                }
            }
            Tok::Op => {
                let mut op = text(k);
                // `->`: the lexer reads `-` apart from the `>`.
                if op == b">"
                    && k > 0
                    && matches!(toks[k - 1].tok, Tok::Word | Tok::Other)
                    && text(k - 1) == b"-"
                    && toks[k - 1].end == t.start
                {
                    k -= 1;
                    op = b"->";
                }
                if is_fallback_operator(op, t.tok) {
                    // `(|| "v")`: a closure's head, not the operator.
                    if k > 0 && toks[k - 1].tok == Tok::Open(b'(') {
                        let c = k.checked_sub(2)?;
                        return (toks[c].tok == Tok::Word && in_list(FALLBACK_METHODS, text(c)))
                            .then_some((Tie::Fallback(c), converted));
                    }
                    return Some((Tie::Fallback(k), converted));
                }
                match op {
                    // `|_| "v"`, `() -> "v"`: a closure's head inside a fallback method's
                    // call (`unwrap_or_else(|_| "v")`, `orElseGet(() -> "v")`).
                    b"|" | b"->" => {
                        let head: &[Tok] = if op == b"|" {
                            &[Tok::Open(b'('), Tok::Op, Tok::Word]
                        } else {
                            &[Tok::Open(b'('), Tok::Open(b'('), Tok::Close(b')')]
                        };
                        let m = k.checked_sub(head.len() + 1)?;
                        let fits = toks[m + 1..k].iter().zip(head).all(|(t, h)| t.tok == *h);
                        return (fits
                            && toks[m].tok == Tok::Word
                            && in_list(FALLBACK_METHODS, text(m)))
                        .then_some((Tie::Fallback(m), converted));
                    }
                    // `'whsec_' + Buffer.from('v')`: a literal joined before.
                    b"+" if k > 0 && matches!(toks[k - 1].tok, Tok::Str { .. }) => {
                        k = k.checked_sub(2)?;
                    }
                    b"=" | b":=" | b":" | b"=>" => {
                        // `settings[Config.API_TOKEN] = "v"`.
                        if op == b"=" && !converted && k >= 3 {
                            let (o, w, c) = (toks[k - 3], toks[k - 2], toks[k - 1]);
                            if o.tok == Tok::Open(b'[')
                                && w.tok == Tok::Word
                                && c.tok == Tok::Close(b']')
                            {
                                return Some((Tie::Subscript(k - 2), converted));
                            }
                        }
                        return Some((Tie::Assignment(k), converted));
                    }
                    _ => return None,
                }
            }
            Tok::Word if text(k) == b"or" => return Some((Tie::Fallback(k), converted)),
            Tok::Word if text(k) == b"returns" => return Some((Tie::Stub(k), converted)),
            _ => return None,
        }
    }
}

/// Whether the tokens from `toks[from]` only close brackets, call methods that keep the
/// value (with literal or plain-word arguments) and end the statement.
fn tail_keeps_value(line: &[u8], toks: &[Token], from: usize) -> bool {
    let mut i = from;
    while i < toks.len() {
        let t = toks[i];
        match t.tok {
            Tok::Close(b')') => i += 1,
            Tok::Word if line[t.start] == b'.' || i > from && is_dot(line, toks[i - 1]) => {
                if !in_list(SAME_VALUE_METHODS, &line[t.start..t.end]) {
                    return false;
                }
                i += 1;
                if toks.get(i).is_some_and(|n| n.tok == Tok::Open(b'(')) {
                    i += 1;
                    while i < toks.len() && toks[i].tok != Tok::Close(b')') {
                        if !matches!(toks[i].tok, Tok::Str { .. } | Tok::Word | Tok::Sep(b',')) {
                            return false;
                        }
                        i += 1;
                    }
                    i += 1;
                }
            }
            // `.toString` lexed apart from its dot.
            Tok::Op if is_dot(line, t) => i += 1,
            Tok::Sep(_) | Tok::Close(b'}' | b']') | Tok::Other => return true,
            _ => return false,
        }
    }
    true
}

fn is_dot(line: &[u8], t: Token) -> bool {
    t.tok == Tok::Op && &line[t.start..t.end] == b"."
}

/// The name assigned by the operator at `toks[k]`: the word or string before it, or before
/// a type annotation (`let apiSecret: Data = ...`).
fn target_before(line: &[u8], toks: &[Token], k: usize) -> Option<String> {
    let text = |i: usize| &line[toks[i].start..toks[i].end];
    let mut n = k.checked_sub(1)?;
    if n >= 2
        && toks[n].tok == Tok::Word
        && toks[n - 1].tok == Tok::Op
        && text(n - 1) == b":"
        && text(k) == b"="
    {
        n -= 2;
    }
    match toks[n].tok {
        Tok::Word | Tok::Str { .. } => Some(String::from_utf8_lossy(text(n)).into_owned()),
        _ => None,
    }
}

/// The target of the statement holding the fallback at `toks[k]`: the name before the first
/// assignment operator outside brackets on the line before it.
fn statement_target(line: &[u8], toks: &[Token], k: usize) -> Option<String> {
    let mut depth = 0i32;
    for i in 0..k {
        match toks[i].tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth -= 1,
            Tok::Op
                if depth <= 0
                    && matches!(
                        &line[toks[i].start..toks[i].end],
                        b"=" | b":=" | b":" | b"=>"
                    ) =>
            {
                return target_before(line, toks, i);
            }
            _ => {}
        }
    }
    None
}

/// The credential name that the lookup left of the fallback at `toks[k]` reads: a string
/// (`os.environ.get("SECRET_KEY") or ...`) or a word's last part (`process.env.DB_PASSWORD
/// || ...`), the nearest one.
fn looked_up_name(line: &[u8], toks: &[Token], k: usize) -> Option<String> {
    toks[..k].iter().rev().find_map(|t| {
        let text = &line[t.start..t.end];
        let name = match t.tok {
            Tok::Str { .. } => String::from_utf8_lossy(text).into_owned(),
            Tok::Word => constant_name(text)?,
            _ => return None,
        };
        names_secret(&name).then_some(name)
    })
}

/// The last name part of a word (`Config.API_TOKEN` → `API_TOKEN`).
fn constant_name(word: &[u8]) -> Option<String> {
    let last = word
        .rsplit(|b| matches!(b, b'.' | b':' | b'>'))
        .next()
        .filter(|l| !l.is_empty())?;
    Some(String::from_utf8_lossy(last).into_owned())
}

/// The credential getter stubbed by MockK's `every { settings.apiSecret } returns "v"`: the
/// last word inside the braces right before `returns`.
fn stubbed_name(line: &[u8], toks: &[Token], k: usize) -> Option<String> {
    let close = k.checked_sub(1)?;
    if toks[close].tok != Tok::Close(b'}') {
        return None;
    }
    toks[..close]
        .iter()
        .rev()
        .take_while(|t| t.tok != Tok::Open(b'{'))
        .find(|t| t.tok == Tok::Word)
        .and_then(|t| constant_name(&line[t.start..t.end]))
        .map(|n| {
            // `getApiSecret()` stubs the getter of `apiSecret`.
            n.strip_prefix("get")
                .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
                .map_or(n.clone(), str::to_string)
        })
}

#[cfg(test)]
mod tests {
    use super::super::{extract_all, Kind};

    /// The keys the pass gives the literal `v` of each line (the made-up value is built at
    /// run time).
    fn keys_of(line: &str) -> Vec<String> {
        let v = ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat();
        let text = line.replace("{V}", &v) + "\n";
        extract_all(text.as_bytes(), Kind::Code)
            .into_iter()
            .filter(|c| c.value == v)
            .map(|c| c.key)
            .collect()
    }

    #[test]
    fn names_the_literal_by_the_statement_or_the_lookup() {
        let rows = [
            (
                "SECRET_KEY = os.environ.get(\"X\") or \"{V}\"",
                "SECRET_KEY",
            ),
            ("const licenseKey = window.__KEY__ ?? '{V}';", "licenseKey"),
            ("x = os.environ.get(\"API_TOKEN\") or \"{V}\"", "API_TOKEN"),
            (
                "let token = env::var(\"T\").unwrap_or_else(|_| \"{V}\".to_string());",
                "token",
            ),
            ("String secret = opt.orElseGet(() -> \"{V}\");", "secret"),
            (
                "const SECRET = 'whsec_' + Buffer.from('{V}').toString('base64');",
                "SECRET",
            ),
            ("let apiSecret = Data(\"{V}\".utf8)", "apiSecret"),
            ("settings[Config.API_TOKEN] = \"{V}\"", "API_TOKEN"),
            ("every { settings.apiSecret } returns \"{V}\"", "apiSecret"),
        ];
        for (line, key) in rows {
            assert!(
                keys_of(line).iter().any(|k| k == key),
                "{line}: {:?}",
                keys_of(line)
            );
        }
    }

    #[test]
    fn leaves_computed_values_and_unnamed_literals() {
        for line in [
            // The literal is not the value: it is looked up, compared or joined with code.
            "x = lookup(\"{V}\") or default_value",
            "secret = cache[\"{V}\"] ?? fallback",
            "const SECRET = 'whsec_' + Buffer.from('{V}').toString('base64') + suffix;",
            "const SECRET = crypto.hash('{V}');",
            // No credential name anywhere.
            "const color = theme.color ?? '{V}';",
            "settings[Config.THEME] = \"{V}\"",
        ] {
            let keys = keys_of(line);
            assert!(
                keys.iter().all(|k| !super::names_secret(k)),
                "{line}: {keys:?}"
            );
        }
    }
}
