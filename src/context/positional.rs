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
    // pika `PlainCredentials(username, password, erase_on_connect=False)`
    // (pika.readthedocs.io/en/stable/modules/credentials.html).
    ("plaincredentials", 2),
    // Perl DBI `DBI->connect($data_source, $username, $password, \%attr)`
    // (metacpan.org/pod/DBI#connect): only under its qualified name, a bare `connect` is
    // every client library's.
    ("dbi->connect", 3),
    // MySQL C API `mysql_real_connect(mysql, host, user, passwd, db, port, unix_socket,
    // flags)` (dev.mysql.com/doc/c-api/8.0/en/mysql-real-connect.html).
    ("mysql_real_connect", 4),
    // lua-resty-redis `red:auth(password)` (github.com/openresty/lua-resty-redis#auth): a
    // Lua method call, so only under the `:` that marks one.
    (":auth", 1),
    // LWP::UserAgent `$ua->credentials($netloc, $realm, $uname, $pass)`
    // (metacpan.org/pod/LWP::UserAgent#credentials).
    ("credentials", 4),
    // httr `authenticate(user, password, type = "basic")`
    // (httr.r-lib.org/reference/authenticate.html).
    ("authenticate", 2),
];

/// Callee (qualified as written, any case) → 1-based position of its signing-secret
/// argument; the candidate is named `secret`. PyJWT `jwt.encode(payload, key,
/// algorithm=...)` (pyjwt.readthedocs.io/en/stable/api.html#jwt.encode); jsonwebtoken
/// `jwt.sign(payload, secretOrPrivateKey, [options, callback])`
/// (github.com/auth0/node-jsonwebtoken#jwtsignpayload-secretorprivatekey-options-callback).
/// Only under the module name both documents import it as: `encode`/`sign` alone are
/// everywhere. The `generic-secret` rule's keywords wake these lines.
const SECRET_POSITIONS: &[(&str, usize)] = &[
    ("jwt.encode", 2),
    ("jwt.sign", 2),
    // An HMAC's key: Node's `crypto.createHmac(algorithm, key)`
    // (nodejs.org/api/crypto.html#cryptocreatehmacalgorithm-key-options), Python's
    // `hmac.new(key, msg, digestmod)` (docs.python.org/3/library/hmac.html#hmac.new), PHP's
    // `hash_hmac($algo, $data, $key)` (php.net/manual/en/function.hash-hmac.php), Ruby's
    // `OpenSSL::HMAC.hexdigest(digest, key, data)` and `.digest`
    // (docs.ruby-lang.org/en/master/OpenSSL/HMAC.html). Webhook tests sign their payloads so.
    ("createhmac", 2),
    ("hmac.new", 1),
    ("hash_hmac", 3),
    ("hmac.hexdigest", 2),
    ("openssl::hmac.digest", 2),
    // A signing key handed to the library that signs with it, most often through a
    // conversion to bytes (read through by [`argument`]): .NET's
    // `new SymmetricSecurityKey(byte[] key)`
    // (learn.microsoft.com/dotnet/api/microsoft.identitymodel.tokens.symmetricsecuritykey)
    // and `new HMACSHA256(byte[] key)`; Java's `new SecretKeySpec(byte[] key, String
    // algorithm)` (docs.oracle.com/javase/8/docs/api/javax/crypto/spec/SecretKeySpec.html),
    // java-jwt's `Algorithm.HMAC256(String secret)` (github.com/auth0/java-jwt), jjwt's
    // `Keys.hmacShaKeyFor(byte[] bytes)` (javadoc.io/doc/io.jsonwebtoken/jjwt-api); Go's
    // `hmac.New(h, key []byte)` (pkg.go.dev/crypto/hmac#New: written so, case and all, as
    // Python's `hmac.new(key, msg)` takes its key first; see [`position_of`]) and golang-jwt's
    // `token.SignedString(key)` (pkg.go.dev/github.com/golang-jwt/jwt/v5#Token.SignedString);
    // php-jwt's `JWT::encode($payload, $key, $alg)` and ruby-jwt's `JWT.encode(payload, key,
    // algorithm)` (github.com/firebase/php-jwt, github.com/jwt/ruby-jwt).
    ("symmetricsecuritykey", 1),
    ("hmacsha256", 1),
    ("hmacsha384", 1),
    ("hmacsha512", 1),
    ("secretkeyspec", 1),
    ("algorithm.hmac256", 1),
    ("algorithm.hmac384", 1),
    ("algorithm.hmac512", 1),
    ("hmacshakeyfor", 1),
    ("signedstring", 1),
    ("jwt::encode", 2),
    // Rust's jsonwebtoken `EncodingKey::from_secret(&[u8])` and `DecodingKey::from_secret`
    // (docs.rs/jsonwebtoken), RustCrypto's `Hmac::<Sha256>::new_from_slice(key)`
    // (docs.rs/hmac: `KeyInit::new_from_slice`, whose argument is a key whatever the
    // algorithm); Dart's dart_jsonwebtoken `SecretKey(String key)`
    // (pub.dev/packages/dart_jsonwebtoken).
    ("encodingkey::from_secret", 1),
    ("decodingkey::from_secret", 1),
    ("new_from_slice", 1),
    ("secretkey", 1),
    // MinIO's Go client `credentials.NewStaticV4(accessKeyID, secretAccessKey, token)` and
    // `NewStaticV2` (pkg.go.dev/github.com/minio/minio-go/v7/pkg/credentials#NewStaticV4):
    // an S3-compatible server's secret, not AWS's.
    ("newstaticv4", 2),
    ("newstaticv2", 2),
    // Cookie and session signing secrets passed by position: Express's cookie-parser
    // `cookieParser(secret, options)` (expressjs.com/en/resources/middleware/cookie-parser.html;
    // Express 3's `express.cookieParser(secret)`), itsdangerous's
    // `URLSafeTimedSerializer(secret_key, salt=...)` and `URLSafeSerializer(secret_key)`
    // (itsdangerous.palletsprojects.com/en/stable/url_safe/), gorilla/sessions'
    // `NewCookieStore(keyPairs ...[]byte)` (pkg.go.dev/github.com/gorilla/sessions#NewCookieStore).
    ("cookieparser", 1),
    ("urlsafetimedserializer", 1),
    ("urlsafeserializer", 1),
    ("newcookiestore", 1),
];

/// Callee → 1-based position of an AWS secret access key, the argument after its access key
/// id; the candidate is named `aws_secret_access_key`. aws-sdk-go
/// `credentials.NewStaticCredentials(id, secret, token)`
/// (pkg.go.dev/github.com/aws/aws-sdk-go/aws/credentials#NewStaticCredentials) and v2's
/// `credentials.NewStaticCredentialsProvider(key, secret, session)`
/// (pkg.go.dev/github.com/aws/aws-sdk-go-v2/credentials#NewStaticCredentialsProvider); the
/// Java SDK's and the .NET SDK's `new BasicAWSCredentials(accessKey, secretKey)`
/// (docs.aws.amazon.com/AWSJavaSDK/latest/javadoc/com/amazonaws/auth/BasicAWSCredentials.html,
/// docs.aws.amazon.com/sdkfornet/v3/apidocs/items/Runtime/TBasicAWSCredentials.html), Java
/// v2's `AwsBasicCredentials.create(accessKeyId, secretAccessKey)`; Ruby's
/// `Aws::Credentials.new(access_key_id, secret_access_key, session_token)`
/// (docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/Credentials.html); JavaScript v2's
/// `new AWS.Credentials(accessKeyId, secretAccessKey, sessionToken)`
/// (docs.aws.amazon.com/AWSJavaScriptSDK/latest/AWS/Credentials.html). The
/// `aws-secret-access-key` rule's keywords wake these lines.
const AWS_POSITIONS: &[(&str, usize)] = &[
    ("newstaticcredentials", 2),
    ("newstaticcredentialsprovider", 2),
    ("basicawscredentials", 2),
    ("awsbasiccredentials.create", 2),
    ("aws::credentials.new", 2),
    ("aws.credentials", 2),
];

/// Callee → 1-based position of a licence key; the candidate is named `license_key`.
/// Syncfusion's `SyncfusionLicenseProvider.RegisterLicense(key)` (.NET) and
/// `registerLicense(key)` (JavaScript)
/// (help.syncfusion.com/common/essential-studio/licensing/how-to-register-in-an-application).
const LICENSE_POSITIONS: &[(&str, usize)] = &[("registerlicense", 1)];

/// The 1-based argument position and candidate key of the callee `name` (as written,
/// qualified): an entry with a separator matches the name's ending, any other the last name
/// part.
fn position_of(name: &[u8]) -> Option<(usize, &'static str)> {
    let last = name
        .rsplit(|b| matches!(b, b'.' | b':' | b'>' | b'\\'))
        .next()
        .unwrap_or(b"");
    // Every entry ends with the callee's last name part: a length test that rejects almost
    // every call on a line before the tables are read in order.
    let ends_with_last = |entry: &&(&str, usize)| {
        let entry = entry.0.as_bytes();
        entry.len() >= last.len()
            && entry[entry.len() - last.len()..].eq_ignore_ascii_case(last)
            && (entry.len() == last.len()
                || matches!(entry[entry.len() - last.len() - 1], b'.' | b':' | b'>'))
    };
    // Go's `hmac.New(sha256.New, key)`: the key second, unlike Python's `hmac.new(key, msg)`.
    if name == b"hmac.New" {
        return Some((2, "secret"));
    }
    if last.is_empty()
        || !POSITIONS
            .iter()
            .chain(SECRET_POSITIONS)
            .chain(AWS_POSITIONS)
            .chain(LICENSE_POSITIONS)
            .any(|e| ends_with_last(&e))
    {
        return None;
    }
    let matches = |entry: &str| {
        let entry = entry.as_bytes();
        if entry.iter().any(|b| matches!(b, b'.' | b':' | b'>')) {
            name.len() >= entry.len()
                && name[name.len() - entry.len()..].eq_ignore_ascii_case(entry)
                && (name.len() == entry.len()
                    || entry[0] == b':'
                    || !name[name.len() - entry.len() - 1].is_ascii_alphanumeric())
        } else {
            last.eq_ignore_ascii_case(entry)
        }
    };
    let qualified = |entry: &&(&str, usize)| entry.0.contains(['.', ':', '>']);
    let tables = [
        (POSITIONS, "password"),
        (SECRET_POSITIONS, "secret"),
        (AWS_POSITIONS, "aws_secret_access_key"),
        (LICENSE_POSITIONS, "license_key"),
    ];
    // Qualified entries first: `red:auth(` is not the `auth=(` tuple.
    for want_qualified in [true, false] {
        for (table, key) in tables {
            if let Some((_, p)) = table
                .iter()
                .filter(|e| qualified(e) == want_qualified)
                .find(|(c, _)| matches(c))
            {
                return Some((*p, key));
            }
        }
    }
    None
}

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
        // A call without parentheses (Ruby's `req.basic_auth 'u', 'v'`, Perl's): the
        // callee word, a space, then a string; its arguments run to the line's end.
        let bare = t.tok == Tok::Word
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.tok, Tok::Str { .. }) && n.start > t.end)
            && i.checked_sub(1)
                .is_none_or(|p| !matches!(toks[p].tok, Tok::Word | Tok::Str { .. }));
        let name = if bare {
            Some(&line[t.start..t.end])
        } else if t.tok == Tok::Open(b'(') {
            callee_name(line, toks, i)
        } else {
            None
        };
        let known = name.and_then(position_of);
        let arg = match (known, name) {
            (Some((position, _)), _) => argument(line, toks, i, position),
            (None, Some(name)) if !bare && is_sign_in(name) => {
                sign_in_password(line, toks, i, false)
            }
            (None, Some(name)) if !bare && is_token_getter(name) => getter_password(line, toks, i),
            (None, Some(name)) if !bare && is_account_helper(name) => {
                sign_in_password(line, toks, i, true)
            }
            _ => None,
        };
        let key = known.map_or("password", |(_, key)| key);
        let Some(arg) = arg else {
            continue;
        };
        let value = crate::context::lossy(&line[arg.start..arg.end]).into_owned();
        let (start, end) = (base + arg.start, base + arg.end);
        // Already named by a credential key: nothing to add (`auth=(...)` names the tuple,
        // not the value).
        if out[first..]
            .iter()
            .any(|c| c.start <= start && c.end == end && super::names::names_secret(&c.key))
        {
            continue;
        }
        // A signing call's secret may be one someone typed (`jwt.encode(payload,
        // "uvzhmasqxezy")`): judged as such (`super::typed_secret`).
        // A value of a shape a credential's name vouches for is the rule's to judge under the
        // argument's name (`super::shapes`), as an assigned one is: a Gmail app password
        // written in its four groups (`new NetworkCredential("u", "abcd efgh ijkl mnop")`)
        // wherever a password is passed, the other shapes (64 hex) only at a documented
        // callee's position. A project's helper named like a sign-in or a token getter
        // takes other things there (`generateBootstrapToken(url, "subject", <root
        // fingerprint>)`: a certificate's SHA-256, in the wild-fresh corpus split).
        let shape = super::shapes::fits(&value);
        let shaped = shape == Some(super::shapes::Shape::AppPassword)
            || (shape.is_some() && known.is_some());
        if super::classify::judge(&value, true).is_err()
            && !shaped
            && (key != "secret" || super::classify::judge_typed_password(&value).is_err())
        {
            continue;
        }
        out.push(Candidate::literal(
            key.into(),
            start,
            end,
            value,
            line_start,
            Origin::Argument,
        ));
    }
}

/// Whether a callee is a sign-in helper that the table does not list: its last name part
/// (without `_`) begins or ends with `login`, `logon` or `signin` (a project's `LoginAdmin`,
/// `loginAs`, `adminLogin`, Ruby's `sign_in_with`, Firebase's `signInWithEmailAndPassword`)
/// or begins with `authenticate` (`authenticateUser`), or a maker of Basic credentials
/// (`withBasicAuth`, `new BasicCredentials`, `withCredentials`). Test code signs in so, with
/// the user and the password as literals.
fn is_sign_in(name: &[u8]) -> bool {
    let last = last_part(name);
    [b"login".as_slice(), b"logon", b"signin"]
        .iter()
        .any(|w| starts_loosely(last, w) || ends_loosely(last, w))
        || starts_loosely(last, b"authenticate")
        || [b"basicauth".as_slice(), b"credentials", b"credential"]
            .iter()
            .any(|w| ends_loosely(last, w))
}

/// Whether a callee trades a user and a password for a token, a test's or a script's
/// sign-in by another name: the last name part begins with `get`, `fetch`, `obtain`,
/// `request`, `issue`, `acquire` or `generate` and ends with `token` or `jwt`
/// (Playwright's `getToken(request, 'nurse1', 'v')`, pytest's `get_token(client, "u",
/// "v")`, `fetchAccessToken("u", "v")`, `obtainJwt(...)`). Like a sign-in helper's, its
/// password is its last argument with a literal user before it.
fn is_token_getter(name: &[u8]) -> bool {
    let last = last_part(name);
    [
        b"get".as_slice(),
        b"fetch",
        b"obtain",
        b"request",
        b"issue",
        b"acquire",
        b"generate",
    ]
    .iter()
    .any(|v| starts_loosely(last, v))
        && [b"token".as_slice(), b"jwt"]
            .iter()
            .any(|w| ends_loosely(last, w))
}

/// The password of a token getter's call opened at `toks[open]`: a sign-in helper's, when
/// the user before it reads as a name (a letter past `f`, or an `@`). Two hex ids
/// (gophercloud's `oauth1.GetAccessToken(client, "ce9e07", "6be26a")`, a request token and
/// its verifier) are no user and password.
fn getter_password(line: &[u8], toks: &[Token], open: usize) -> Option<Token> {
    let password = sign_in_password(line, toks, open, false)?;
    let count = (1..=8)
        .take_while(|&p| argument_exists(toks, open, p))
        .last()?;
    let user = argument(line, toks, open, count - 1)?;
    line[user.start..user.end]
        .iter()
        .any(|b| (b.is_ascii_alphabetic() && !b.is_ascii_hexdigit()) || *b == b'@')
        .then_some(password)
}

/// Whether a callee creates or seeds an account, whose password its tests pass last: the
/// last name part begins with `seed`, `create`, `add` or `register` and the name (with its
/// qualifier) names a user, an admin or an account (a Go test's `testutil.SeedAdmin(db,
/// "v")`, `seedUser(prisma, email, "v")`, Django's `User.objects.create_user("u", "e", "v")`
/// and `create_superuser`, ASP.NET Identity's `userManager.CreateAsync(user, "v")`).
fn is_account_helper(name: &[u8]) -> bool {
    let last = last_part(name);
    [b"seed".as_slice(), b"create", b"add", b"register"]
        .iter()
        .any(|v| starts_loosely(last, v))
        && [b"user".as_slice(), b"admin", b"account"]
            .iter()
            .any(|a| name.windows(a.len()).any(|x| x.eq_ignore_ascii_case(a)))
}

/// The last name part of a callee (after `.`, `:`, `->`, `\\`).
fn last_part(name: &[u8]) -> &[u8] {
    name.rsplit(|b| matches!(b, b'.' | b':' | b'>' | b'\\'))
        .next()
        .unwrap_or(b"")
}

/// Whether `part`, without its `_` and in any case, begins with `word` (lowercase).
fn starts_loosely(part: &[u8], word: &[u8]) -> bool {
    let mut letters = part.iter().filter(|b| **b != b'_');
    word.iter()
        .all(|w| letters.next().is_some_and(|b| b.to_ascii_lowercase() == *w))
}

/// Whether `part`, without its `_` and in any case, ends with `word` (lowercase).
fn ends_loosely(part: &[u8], word: &[u8]) -> bool {
    let mut letters = part.iter().rev().filter(|b| **b != b'_');
    word.iter()
        .rev()
        .all(|w| letters.next().is_some_and(|b| b.to_ascii_lowercase() == *w))
}

/// The password of a sign-in helper's call opened at `toks[open]`: its last argument, when
/// it and the argument before it (the user) are both string literals. An account helper's
/// last literal needs no literal before it: what precedes it may be the store it seeds
/// (`SeedAdmin(db, "v")`) or the user object (`CreateAsync(user, "v")`).
fn sign_in_password(line: &[u8], toks: &[Token], open: usize, account: bool) -> Option<Token> {
    let count = (1..=8)
        .take_while(|&p| argument_exists(toks, open, p))
        .last()?;
    if count < 2 {
        return None;
    }
    if !account {
        argument(line, toks, open, count - 1)?;
    }
    argument(line, toks, open, count)
}

/// Whether the call opened at `toks[open]` has an argument at `position` (1-based) on its line.
fn argument_exists(toks: &[Token], open: usize, position: usize) -> bool {
    let mut depth = 0usize;
    let mut index = 1;
    let mut empty = true;
    for t in &toks[open + 1..] {
        match t.tok {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) if depth == 0 => return index == position && !empty,
            Tok::Close(_) => depth -= 1,
            Tok::Sep(b',') if depth == 0 => {
                if index == position {
                    return !empty;
                }
                index += 1;
                empty = true;
                continue;
            }
            _ => {}
        }
        empty = false;
    }
    false
}

/// The last name part of the callee of the `(` at `toks[open]`: a word glued to it
/// (`new PDO(`, `.basic_auth(`), or the keyword of `auth=(` / `auth: (`.
fn callee_name<'l>(line: &'l [u8], toks: &[Token], open: usize) -> Option<&'l [u8]> {
    let p = open.checked_sub(1)?;
    let prev = toks[p];
    let (word, mut k) = match prev.tok {
        Tok::Word if prev.end == toks[open].start => (prev, p),
        Tok::Op if matches!(&line[prev.start..prev.end], b"=" | b":") => {
            let q = p.checked_sub(1)?;
            let w = toks[q];
            let name = &line[w.start..w.end];
            if w.tok != Tok::Word || !name.eq_ignore_ascii_case(b"auth") {
                return None;
            }
            (w, q)
        }
        _ => return None,
    };
    // The qualifier glued before it: `red` `:` `auth`, `DBI` `-` `>` `connect`.
    let mut from = word.start;
    while let Some(q) = k.checked_sub(1) {
        let t = toks[q];
        let text = &line[t.start..t.end];
        let joins =
            matches!(t.tok, Tok::Word) || matches!(text, b":" | b"::" | b">" | b"->" | b"." | b"-");
        if t.end != from || !joins {
            break;
        }
        from = t.start;
        k = q;
    }
    Some(&line[from..word.end])
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
    if let Some(s) = converted_literal(line, arg) {
        return Some(s);
    }
    match arg {
        [s] if matches!(s.tok, Tok::Str { .. }) => Some(*s),
        // A string prefix glued to the literal: Python's `b"v"`, `r"v"`.
        [p, s]
            if p.tok == Tok::Word
                && matches!(s.tok, Tok::Str { .. })
                && p.end + 1 == s.start
                && matches!(
                    &line[p.start..p.end],
                    b"b" | b"r" | b"u" | b"br" | b"rb" | b"B"
                ) =>
        {
            Some(*s)
        }
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

/// The literal of an argument that only turns it into bytes on its way to a signing call:
/// Go's `[]byte("v")`, .NET's `Encoding.UTF8.GetBytes("v")`, Node's `Buffer.from("v")`,
/// JavaScript's `new TextEncoder().encode("v")`, Java's `"v".getBytes(UTF_8)`, Kotlin's
/// `"v".toByteArray()`, Python's `"v".encode()`, Rust's `"v".as_bytes()`.
fn converted_literal(line: &[u8], arg: &[Token]) -> Option<Token> {
    let is_str = |t: &Token| matches!(t.tok, Tok::Str { .. });
    let text = |t: &Token| &line[t.start..t.end];
    match arg {
        // `Conv("v")`, `new TextEncoder().encode("v")`: a converter's call of one literal
        // ends the argument.
        [.., w, o, s, c]
            if w.tok == Tok::Word
                && o.tok == Tok::Open(b'(')
                && w.end == o.start
                && is_str(s)
                && c.tok == Tok::Close(b')')
                && is_byte_converter(text(w)) =>
        {
            Some(*s)
        }
        // `"v".getBytes(...)`: the literal, then a conversion method and its arguments.
        [s, dot, m, o, ..]
            if is_str(s)
                && dot.tok == Tok::Op
                && text(dot) == b"."
                && m.tok == Tok::Word
                && o.tok == Tok::Open(b'(')
                && BYTE_METHODS
                    .iter()
                    .any(|b| text(m).eq_ignore_ascii_case(b.as_bytes())) =>
        {
            Some(*s)
        }
        _ => None,
    }
}

/// Calls (the callee's last name part, any case) that turn a string into its bytes.
fn is_byte_converter(name: &[u8]) -> bool {
    let last = last_part(name);
    [
        b"byte".as_slice(),
        b"getbytes",
        b"from",
        b"encode",
        b"bytes",
    ]
    .iter()
    .any(|c| last.eq_ignore_ascii_case(c))
}

/// Methods that turn a literal into its bytes, unchanged.
const BYTE_METHODS: &[&str] = &[
    "getBytes",
    "toByteArray",
    "encodeToByteArray",
    "encode",
    "as_bytes",
    "into_bytes",
    "to_vec",
];
