//! Credentials passed by position to a call that is known to take one.
//!
//! `new Sequelize('db', 'user', 'v')`, `new PDO($dsn, 'user', 'v')`,
//! `DriverManager.getConnection(url, "user", "v")`, reqwest's `.basic_auth("user", Some("v"))`,
//! requests' `auth=("user", "v")` and `HTTPBasicAuth("user", "v")`, Go's
//! `req.SetBasicAuth("user", "v")`: no name sits next to the password; the callee's
//! documented signature says which argument it is. [`POSITIONS`] is that table (callee's last
//! name part, compared without case, and the 1-based argument that is the password); a string
//! literal at that position (or wrapped in `Some(...)`) on the call's line is a candidate
//! under the key `password`, judged by the shared classifier like every other value, so a
//! placeholder (`'secret'`, `'changeme'`) stays quiet.

use super::lexer::{Tok, Token};
use super::{Candidate, Origin};

/// Callee (last name part, any case) → 1-based position of its password argument.
/// Sources: Sequelize constructor `(database, username, password, options)`
/// (sequelize.org/api/v6/class/src/sequelize.js~sequelize#instance-constructor-constructor);
/// PHP `PDO::__construct($dsn, $username, $password)` (php.net/manual/en/pdo.construct.php);
/// `mysqli(host, username, password)` / `mysqli_connect` (php.net/manual/en/mysqli.construct.php);
/// JDBC `DriverManager.getConnection(url, user, password)`; reqwest
/// `RequestBuilder::basic_auth(username, Option<password>)`; requests `HTTPBasicAuth` /
/// `HTTPDigestAuth(username, password)` and the `auth=(user, password)` tuple; Go
/// `Request.SetBasicAuth(username, password)`. The `generic-password` rule's keywords wake
/// the lines of the callees no other keyword names (`sequelize(`, `pdo(`, `auth=(`).
const POSITIONS: &[(&str, usize)] = &[
    ("sequelize", 3),
    ("pdo", 3),
    ("mysqli", 3),
    ("mysqli_connect", 3),
    ("getconnection", 3),
    ("basic_auth", 2),
    ("basicauth", 2),
    ("httpbasicauth", 2),
    ("httpdigestauth", 2),
    ("setbasicauth", 2),
    // Apache HttpClient `UsernamePasswordCredentials(user, password)`
    // (hc.apache.org/httpcomponents-client-5.2.x/current/httpclient5/apidocs), Java's
    // `java.net.PasswordAuthentication(user, char[] password)`.
    ("usernamepasswordcredentials", 2),
    ("passwordauthentication", 2),
    // Python's `smtplib.SMTP.login(user, password)`, `imaplib.IMAP4.login(user, password)`,
    // `ftplib.FTP.login(user, passwd)` (docs.python.org/3/library/smtplib.html); keyring's
    // `set_password(service_name, username, password)` (pypi.org/project/keyring).
    ("login", 2),
    ("set_password", 3),
    // OkHttp's `Credentials.basic(username, password)`
    // (square.github.io/okhttp/5.x/okhttp/okhttp3/-credentials/basic.html).
    ("basic", 2),
    // `auth=("user", "v")`: the keyword names the tuple.
    ("auth", 2),
];

/// Appends the password arguments of the known calls on `line`.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for (i, t) in toks.iter().enumerate() {
        if t.tok != Tok::Open(b'(') {
            continue;
        }
        let Some(position) = callee_name(line, toks, i).and_then(|name| {
            POSITIONS
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(&name))
                .map(|(_, p)| *p)
        }) else {
            continue;
        };
        let Some(arg) = argument(line, toks, i, position) else {
            continue;
        };
        let value = String::from_utf8_lossy(&line[arg.start..arg.end]).into_owned();
        let (start, end) = (base + arg.start, base + arg.end);
        // Already named by a credential key: nothing to add (`auth=(...)` names the tuple,
        // not the value).
        if out[first..]
            .iter()
            .any(|c| c.start <= start && c.end == end && super::names::names_secret(&c.key))
        {
            continue;
        }
        if super::classify::judge(&value, true).is_err() {
            continue;
        }
        out.push(Candidate::literal(
            "password".into(),
            start,
            end,
            value,
            line_start,
            Origin::Argument,
        ));
    }
}

/// The last name part of the callee of the `(` at `toks[open]`: a word glued to it
/// (`new PDO(`, `.basic_auth(`), or the keyword of `auth=(` / `auth: (`.
fn callee_name(line: &[u8], toks: &[Token], open: usize) -> Option<String> {
    let p = open.checked_sub(1)?;
    let prev = toks[p];
    let word = match prev.tok {
        Tok::Word if prev.end == toks[open].start => prev,
        Tok::Op if matches!(&line[prev.start..prev.end], b"=" | b":") => {
            let w = toks[p.checked_sub(1)?];
            let name = &line[w.start..w.end];
            if w.tok != Tok::Word || !name.eq_ignore_ascii_case(b"auth") {
                return None;
            }
            w
        }
        _ => return None,
    };
    let text = String::from_utf8_lossy(&line[word.start..word.end]);
    Some(text.rsplit(['.', ':', '>', '\\']).next()?.to_string())
}

/// The string literal that is argument `position` (1-based) of the call opened at
/// `toks[open]`, alone or as `Some("v")`; `None` when that argument is anything else or lies
/// past the line.
fn argument(line: &[u8], toks: &[Token], open: usize, position: usize) -> Option<Token> {
    let mut depth = 0usize;
    let mut index = 1;
    let mut from = open + 1;
    let mut j = open + 1;
    while j < toks.len() {
        match toks[j].tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => break,
            Tok::Close(_) => depth -= 1,
            Tok::Sep(b',') if depth == 0 => {
                if index == position {
                    break;
                }
                index += 1;
                from = j + 1;
            }
            _ => {}
        }
        j += 1;
    }
    if index != position {
        return None;
    }
    let arg = &toks[from..j];
    match arg {
        [s] if matches!(s.tok, Tok::Str { .. }) => Some(*s),
        [w, o, s, c]
            if w.tok == Tok::Word
                && &line[w.start..w.end] == b"Some"
                && o.tok == Tok::Open(b'(')
                && matches!(s.tok, Tok::Str { .. })
                && c.tok == Tok::Close(b')') =>
        {
            Some(*s)
        }
        _ => None,
    }
}
