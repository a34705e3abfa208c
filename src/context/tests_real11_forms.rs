//! Table-driven probes, through the built-in rules, of the families session 16 (branch
//! `recall16`, issue 13) fixed from `tuning_real11`'s misses, each in several syntaxes, with
//! the near misses each must keep quiet:
//!
//! - a typed password that ends in more than one mark (`AdminPassw0rd!!`) in Python, JSON,
//!   a `curl -d` body in Markdown, YAML and PHP; not Kotlin's `x!!` on a name or a member
//!   chain, nor marks alone;
//! - a Gmail app password written in its four groups, passed by position where a password
//!   goes (.NET's `NetworkCredential`, Python's `smtplib` `login`, Go's `SetBasicAuth`); not
//!   four words, nor 64 hex passed to a project's helper named like a token getter;
//! - a cookie or session signing secret passed by position: cookie-parser's `cookieParser`
//!   (Express 4 and 3), itsdangerous's `URLSafeTimedSerializer`, gorilla/sessions'
//!   `NewCookieStore`; not an environment lookup, no argument, Express's documented
//!   `keyboard cat`, nor the word `secret`;
//! - a UUID under an OAuth client secret's name (Keycloak draws them so) in Ruby, YAML, JS,
//!   `.env` and Python; not under a client id's name, nor in a test file;
//! - one pair's value inside a `;`-separated connection string read to its string's end
//!   (Npgsql's `Host=..;Password=v;Database=..`): reported as `v` alone, while a `;` inside
//!   a quoted password with no pair after it stays part of it.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// A typed password ending in two marks: a word-like run, a digit and `!!`.
fn marks() -> String {
    ["Qmtzv", "Kpwrt7xb", "!!"].concat()
}

/// A Gmail app password in its four groups of four lowercase letters.
fn app_password() -> String {
    ["qkvz", " mtpr", " ywhd", " nbxe"].concat()
}

/// A typed signing secret: lowercase letters and digits.
fn typed() -> String {
    ["qmzv", "tk", "482"].concat()
}

/// A UUID drawn by an identity server.
fn uuid() -> String {
    ["f5a50a1c", "-be22-4195-", "9f62-84fadeb5b245"].concat()
}

/// A typed password inside a connection string.
fn conn() -> String {
    ["Kx7mq", "2Rv9w"].concat()
}

/// 64 hex digits: a certificate's SHA-256 fingerprint.
fn fingerprint() -> String {
    [
        "ef742f95dc0d8aa8",
        "2d3cca4017af6dac",
        "3fce842903441598",
        "91952d18c53eefe7",
    ]
    .concat()
}

fn secrets() -> Vec<String> {
    vec![marks(), app_password(), typed(), uuid(), conn()]
}

fn fill(text: &str) -> String {
    text.replace("{MARKS}", &marks())
        .replace("{APP}", &app_password())
        .replace("{TYPED}", &typed())
        .replace("{UUID}", &uuid())
        .replace("{CONN}", &conn())
        .replace("{FP}", &fingerprint())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const TRAILING_MARKS: Rows<'static> = (
    &[
        ("seed.py", "password = \"{MARKS}\"\n", "generic-password"),
        ("fixtures/signup.json", "{\"name\":\"Admin User\",\"password\":\"{MARKS}\"}\n", "generic-password"),
        ("README.md", "```bash\ncurl -sS -X POST http://127.0.0.1:3000/api/auth/signup \\\n  -d '{\"email\":\"admin@example.com\",\"password\":\"{MARKS}\"}'\n```\n", "generic-password"),
        ("config/db.yml", "production:\n  password: \"{MARKS}\"\n", "generic-password"),
        ("config.php", "$password = '{MARKS}';\n", "generic-password"),
    ],
    &[
        ("src/main/kotlin/Login.kt", "    val password = user.password!!\n"),
        ("src/main/kotlin/Login.kt", "    val password = passwordField!!\n"),
        ("seed.py", "password = \"!!!!!!!!\"\n"),
        ("seed.py", "password = \"Password!!\"\n"),
    ],
);

#[test]
fn typed_passwords_ending_in_marks() {
    check_all("trailing marks", TRAILING_MARKS);
}

#[rustfmt::skip]
const POSITIONAL_APP_PASSWORDS: Rows<'static> = (
    &[
        ("Controllers/OrderController.cs", "                    Credentials = new NetworkCredential(\"someone@example.com\", \"{APP}\"), // app password\n", "generic-password"),
        ("mailer.py", "    server.login(\"someone@example.com\", \"{APP}\")\n", "generic-password"),
        ("mail.go", "\treq.SetBasicAuth(\"someone@example.com\", \"{APP}\")\n", "generic-password"),
    ],
    &[
        ("mailer.py", "    server.login(\"someone@example.com\", \"this is just text\")\n"),
        ("ca/bootstrap_test.go", "\ttoken := generateBootstrapToken(srv.URL, \"subject\", \"{FP}\")\n"),
        ("Controllers/OrderController.cs", "                    Credentials = new NetworkCredential(user, password),\n"),
    ],
);

#[test]
fn app_passwords_passed_by_position() {
    check_all("positional app passwords", POSITIONAL_APP_PASSWORDS);
}

#[rustfmt::skip]
const SIGNING_ARGUMENTS: Rows<'static> = (
    &[
        ("app.js", "app.use(cookieParser('{TYPED}'))\n", "generic-secret"),
        ("app.js", "app.use(express.cookieParser('{TYPED}'));\n", "generic-secret"),
        ("app.py", "serializer = URLSafeTimedSerializer(\"{TYPED}\", salt=\"email-confirm\")\n", "generic-secret"),
        ("main.go", "var store = sessions.NewCookieStore([]byte(\"{TYPED}\"))\n", "generic-secret"),
    ],
    &[
        ("app.js", "app.use(cookieParser(process.env.COOKIE_SECRET))\n"),
        ("app.js", "app.use(cookieParser())\n"),
        ("app.js", "app.use(cookieParser('keyboard cat'))\n"),
        ("app.js", "app.use(cookieParser('secret'))\n"),
        ("main.go", "var store = sessions.NewCookieStore([]byte(os.Getenv(\"SESSION_KEY\")))\n"),
    ],
);

#[test]
fn cookie_and_session_secrets_passed_by_position() {
    check_all("cookie and session secrets", SIGNING_ARGUMENTS);
}

#[rustfmt::skip]
const CLIENT_SECRET_UUIDS: Rows<'static> = (
    &[
        ("app/controllers/sessions_controller.rb", "    {\n      client_id: 'landing',\n      client_secret: '{UUID}'\n    }\n", "generic-secret"),
        ("config/keycloak.yml", "keycloak:\n  client_id: landing\n  client_secret: {UUID}\n", "generic-secret"),
        ("src/auth.js", "const params = { client_id: 'landing', client_secret: '{UUID}' };\n", "generic-secret"),
        (".env", "KEYCLOAK_CLIENT_SECRET={UUID}\n", "generic-secret"),
        ("auth.py", "CLIENT_SECRET = \"{UUID}\"\n", "generic-secret"),
    ],
    &[
        ("config/keycloak.yml", "keycloak:\n  client_id: {UUID}\n"),
        ("spec/requests/sessions_spec.rb", "    let(:params) { { client_id: 'landing', client_secret: '{UUID}' } }\n"),
        ("src/auth.js", "const params = { client_id: '{UUID}', scope: 'openid' };\n"),
    ],
);

#[test]
fn uuid_client_secrets() {
    check_all("UUID client secrets", CLIENT_SECRET_UUIDS);
}

#[rustfmt::skip]
const PAIR_TAILS: Rows<'static> = (
    &[
        ("Data/Db.cs", "        var cs = \"Host=db.example.com:5432;Username=app;Password={CONN};Database=shop\";\n", "connection-string-password"),
        ("About.vb", "        Dim connString As String = \"Host=192.168.1.100:5432;Username=postgres;Password={CONN};Database=MBK_Live\"\n", "connection-string-password"),
        ("About.vb", "        'Dim connString As String = \"Server=192.168.1.100;Port=5432;Database=MBK_Live;User Id=postgres;Password={CONN};\"\n", "connection-string-password"),
        ("db.py", "conn = psycopg2.connect(\"host=db port=5432 dbname=shop user=app password={CONN}\")\n", "generic-password"),
    ],
    &[
        ("Data/Db.cs", "        var cs = \"Host=db;Username=app;Password=;Database=shop\";\n"),
        ("Data/Db.cs", "        var cs = \"Host=db;Username=app;Password={password};Database=shop\";\n"),
    ],
);

#[test]
fn one_pair_of_a_connection_string() {
    check_all("pairs of a connection string", PAIR_TAILS);
}

#[test]
fn a_semicolon_inside_a_quoted_password_is_kept() {
    let pw = ["Xq7;Lm9", "#vR2kP8wZ"].concat();
    let found = super::tests::reported("config/app.yml", &format!("db:\n  password: \"{pw}\"\n"));
    assert!(
        found
            .iter()
            .any(|(rule, secret)| rule == "generic-password" && *secret == pw),
        "{found:?}"
    );
}
