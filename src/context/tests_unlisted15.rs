//! Table-driven probes, through the built-in rules, of the families the sixth real-code set
//! (`heldout_real6`, spent in session 13 by branch `spend13`) missed or reported under
//! another rule, fixed in general form:
//!
//! - a signing key handed to the call that signs with it, most often through a conversion
//!   to bytes: .NET's `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("v"))` and
//!   `new HMACSHA256(...)`, Java's `Algorithm.HMAC256("v")`, jjwt's
//!   `Keys.hmacShaKeyFor("v".toByteArray())`, Go's `token.SignedString([]byte("v"))` and
//!   `hmac.New(sha256.New, []byte("v"))`, PHP's `JWT::encode($p, 'v', 'HS256')`, Node's
//!   `jwt.sign(p, Buffer.from('v'))`, Python's `hmac.new("v".encode(), ...)`;
//! - a connection string's password whose string the rule did not see start: an element's
//!   text (`<ConfiguredValue>Data Source=...;Password=v`), a `K=` value (`CONN=Data
//!   Source=...`), Microsoft's JDBC URL (`jdbc:sqlserver://host;databaseName=d;user=u;
//!   password=v`, jTDS's too), in Java, Kotlin, properties, YAML, Markdown;
//! - a command line in a Markdown or reStructuredText code span, or a shell command
//!   substitution (`` `mysql -uroot -pv -D db < x.sql` ``, `` `redis-cli -a v ping` ``);
//! - a name read by its last word: `SECRET_TOKEN`, `$secret_token`, `secretToken` hold a
//!   token (`generic-token`), `ACCESS_TOKEN_SECRET`, `tokenSecret` a secret;
//! - a provider's name inside a longer word of the key (`XSPELL_TOKEN`, the token of the
//!   xspell.ga spell checker, is no Spell token): the generic rule reports it.
//!
//! Each negative is the near miss the family must keep quiet: a variable, a lookup, a
//! template or a placeholder where the literal would be, an empty value, a non-key argument
//! of the same call. A positive counts only when a finding of its rule covers exactly the
//! made-up secret. Token-shaped values are built at run time, so the repository holds none.

use super::probe_check::Rows;

// The made-up values are tests_unlisted14's, so that one value counts in both tables.
use super::tests_unlisted14::{hex, pw, secret};

fn secrets() -> Vec<String> {
    vec![pw(), secret(), hex(32)]
}

fn fill(text: &str) -> String {
    text.replace("{PW}", &pw())
        .replace("{S}", &secret())
        .replace("{HEX32}", &hex(32))
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const SIGNING_KEYS: Rows<'static> = (
    &[
        ("Services/TokenService.cs", "        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"{S}\"));\n", "generic-secret"),
        ("Auth/Signer.cs", "    using var hmac = new HMACSHA256(Encoding.ASCII.GetBytes(\"{S}\"));\n", "generic-secret"),
        ("src/main/java/Jwt.java", "        Algorithm algorithm = Algorithm.HMAC256(\"{S}\");\n", "generic-secret"),
        ("src/main/java/Sign.java", "        SecretKeySpec spec = new SecretKeySpec(\"{S}\".getBytes(StandardCharsets.UTF_8), \"HmacSHA256\");\n", "generic-secret"),
        ("src/main/kotlin/Jwt.kt", "    private val key = Keys.hmacShaKeyFor(\"{S}\".toByteArray())\n", "generic-secret"),
        ("auth/jwt.go", "\tsigned, err := token.SignedString([]byte(\"{S}\"))\n", "generic-secret"),
        ("webhook/sign.go", "\tmac := hmac.New(sha256.New, []byte(\"{S}\"))\n", "generic-secret"),
        ("src/Auth.php", "        $jwt = JWT::encode($payload, '{S}', 'HS256');\n", "generic-secret"),
        ("src/auth.js", "const token = jwt.sign(payload, Buffer.from('{S}'));\n", "generic-secret"),
        ("app/sign.py", "digest = hmac.new(\"{S}\".encode(), body, hashlib.sha256).hexdigest()\n", "generic-secret"),
        ("src/auth.rs", "    let key = EncodingKey::from_secret(b\"{S}\");\n", "generic-secret"),
        ("src/sign.rs", "    let mut mac = HmacSha256::new_from_slice(\"{S}\".as_bytes()).unwrap();\n", "generic-secret"),
        ("lib/auth.dart", "  final token = jwt.sign(SecretKey('{S}'));\n", "generic-secret"),
    ],
    &[
        ("Services/TokenService.cs", "        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_config[\"Jwt:Key\"]));\n"),
        ("Services/TokenService.cs", "        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));\n"),
        ("Services/TokenService.cs", "        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"your-secret-key-here\"));\n"),
        ("src/main/java/Jwt.java", "        Algorithm algorithm = Algorithm.HMAC256(System.getenv(\"JWT_SECRET\"));\n"),
        ("src/main/java/Sign.java", "        SecretKeySpec spec = new SecretKeySpec(keyBytes, \"HmacSHA256\");\n"),
        ("auth/jwt.go", "\tsigned, err := token.SignedString([]byte(os.Getenv(\"JWT_SECRET\")))\n"),
        ("webhook/sign.go", "\tmac := hmac.New(sha256.New, []byte(\"\"))\n"),
        ("src/Auth.php", "        $jwt = JWT::encode($payload, $key, 'HS256');\n"),
        ("app/sign.py", "digest = hmac.new(key, \"{S}\".encode(), hashlib.sha256).hexdigest()\n"),
        ("src/main/kotlin/Jwt.kt", "    private val key = Keys.hmacShaKeyFor(\"changeme\".toByteArray())\n"),
        ("src/auth.rs", "    let key = EncodingKey::from_secret(secret.as_bytes());\n"),
        ("lib/auth.dart", "  final token = jwt.sign(SecretKey(env['JWT_SECRET']!));\n"),
    ],
);

#[rustfmt::skip]
const CONNECTION_STRINGS: Rows<'static> = (
    &[
        ("writeups/archetype.md", "    <Configuration ConfiguredType=\"Property\" ValueType=\"String\">\n        <ConfiguredValue>Data Source=.;Password={PW};User ID=ARCHETYPE\\sql_svc;Initial Catalog=Catalog;</ConfiguredValue>\n    </Configuration>\n", "connection-string-password"),
        ("Web.config", "<connectionString>Server=db01;Database=app;User Id=sa;Password={PW};</connectionString>\n", "connection-string-password"),
        (".env", "CONN=Data Source=db01;User ID=app;Password={PW}\n", "connection-string-password"),
        ("src/TestJdbc.java", "        String jdbcUrl = \"jdbc:sqlserver://HOME\\\\SQLEXPRESS:1434;databaseName=hb;user=hbstudent;password={PW}\";\n", "connection-string-password"),
        ("src/Conect.java", "            conn = DriverManager.getConnection(\"jdbc:sqlserver://localhost:1433;username=sa;password={PW}\");\n", "connection-string-password"),
        ("src/main/kotlin/Db.kt", "val url = \"jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={PW}\"\n", "connection-string-password"),
        ("application.properties", "spring.datasource.url=jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={PW}\n", "connection-string-password"),
        ("config.yml", "database:\n  url: jdbc:jtds:sqlserver://db:1433/app;user=sa;password={PW}\n", "connection-string-password"),
        // The password before the server.
        ("Data/Db.cs", "    const string Conn = \"User ID=app;Password={PW};Data Source=db01;Initial Catalog=hr\";\n", "connection-string-password"),
        ("odbc.py", "conn = pyodbc.connect(\"UID=app;PWD={PW};DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01\")\n", "connection-string-password"),
        ("docs/setup.md", "Set `Server=db01;Database=hr;User Id=app;Password={PW}` in the settings.\n", "connection-string-password"),
    ],
    &[
        ("writeups/archetype.md", "        <ConfiguredValue>Data Source=.;Password=;User ID=svc;</ConfiguredValue>\n"),
        ("src/TestJdbc.java", "        String jdbcUrl = \"jdbc:sqlserver://db:1434;databaseName=hb;user=app;password=\" + password;\n"),
        ("application.properties", "spring.datasource.url=jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${DB_PASSWORD}\n"),
        ("application.properties", "spring.datasource.url=jdbc:sqlserver://db:1433;databaseName=app;integratedSecurity=true;\n"),
        ("README.md", "`jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=<password>`\n"),
        (".env", "CONN=Data Source=db01;User ID=app;Password=changeme\n"),
        ("Data/Db.cs", "    const string Conn = \"User ID=app;Password=;Data Source=db01\";\n"),
        ("Data/Db.cs", "    var conn = $\"User ID=app;Password={password};Data Source=db01\";\n"),
        // Prose about the forms, a one-letter stand-in in each code span.
        ("docs/rules.md", "a JDBC URL (`jdbc:sqlserver://h;user=u;password=v`, jTDS too), a password first (`User ID=u;Password=v;Data Source=db`)\n"),
    ],
);

#[rustfmt::skip]
const CODE_SPAN_COMMANDS: Rows<'static> = (
    &[
        ("notes/mysql.md", "2. 不进入mysql\n`mysql -uroot -p{PW} -D chin < /var/www/chin.sql`\n", "generic-password"),
        ("README.md", "Run `mysql -u root -p{PW} app` to connect.\n", "generic-password"),
        ("README.md", "- `mysqldump -uroot -p{PW} app > backup.sql`\n", "generic-password"),
        ("docs/deploy.md", "`sshpass -p {PW} ssh root@10.0.0.1`\n", "generic-password"),
        ("docs/cache.md", "Check it with `redis-cli -a {PW} ping`.\n", "generic-password"),
        ("docs/db.rst", "Connect with ``mysql -uroot -p{PW} app``.\n", "generic-password"),
        ("README.md", "| step | command |\n| --- | --- |\n| connect | `mysql -uroot -p{PW}` |\n", "generic-password"),
        ("backup.sh", "DBS=`mysql -uroot -p{PW} -e 'show databases'`\n", "generic-password"),
        ("backup.sh", "DBS=$(mysql -uroot -p{PW} -e 'show databases')\n", "generic-password"),
    ],
    &[
        ("README.md", "Run `mysql -uroot -p` and type the password.\n"),
        ("README.md", "`mysql -uroot -p$MYSQL_ROOT_PASSWORD app`\n"),
        ("README.md", "`mysql -uroot -p<password> app`\n"),
        ("docs/deploy.md", "`sshpass -p \"$SSH_PASS\" ssh host`\n"),
        ("docs/cache.md", "`redis-cli -a ${REDIS_PASSWORD} ping`\n"),
        ("README.md", "`mysql -uroot -ppassword`\n"),
        ("README.md", "Use `mysql -h db -P 3306 app` to check the port.\n"),
    ],
);

#[rustfmt::skip]
const PROVIDER_INSIDE_A_WORD: Rows<'static> = (
    &[
        ("grammar/checker.py", "      XSPELL_TOKEN = \"{HEX32}\"\n\n      response = requests.get(\"http://xspell.ga/?api=spell&token=%s\" % XSPELL_TOKEN)\n", "generic-token"),
        ("src/checker.js", "const xspellToken = '{S}';\n", "generic-token"),
        // The provider's own names keep its rule.
        (".env", "SPELL_TOKEN={S}\n", "spell-token"),
        ("config.yaml", "spell:\n  token: {S}\n", "spell-token"),
        ("train.py", "client = spell.client.from_environment(token=\"{S}\")\n", "spell-token"),
    ],
    &[
        ("grammar/checker.py", "      XSPELL_TOKEN = os.environ[\"XSPELL_TOKEN\"]\n"),
        ("src/checker.js", "const xspellToken = process.env.XSPELL_TOKEN;\n"),
    ],
);

#[rustfmt::skip]
const HEAD_NOUN: Rows<'static> = (
    &[
        ("src/main/java/MailUtil.java", "    private static final String SECRET_TOKEN = \"{S}\";\n", "generic-token"),
        ("scripts/cleanup.php", "$secret_token = \"{S}\";\n", "generic-token"),
        ("codepipeline.tf", "  authentication_configuration {\n    secret_token = \"{S}\"\n  }\n", "generic-token"),
        ("config/app.yml", "webhook:\n  secretToken: {S}\n", "generic-token"),
        // The last word a secret: still `generic-secret`'s.
        ("twitter.py", "ACCESS_TOKEN_SECRET = \"{S}\"\n", "generic-secret"),
        ("config.js", "const tokenSecret = '{S}';\n", "generic-secret"),
    ],
    &[
        ("codepipeline.tf", "    secret_token = var.github_webhook_secret\n"),
        ("config/app.yml", "webhook:\n  secretToken: ${WEBHOOK_SECRET_TOKEN}\n"),
    ],
);

#[test]
fn a_name_is_read_by_its_last_word() {
    check_all("head noun", HEAD_NOUN);
}

#[test]
fn signing_keys_handed_to_the_signing_call() {
    check_all("signing keys", SIGNING_KEYS);
}

#[test]
fn connection_strings_in_element_text_env_values_and_jdbc_urls() {
    check_all("connection strings", CONNECTION_STRINGS);
}

#[test]
fn command_lines_in_code_spans() {
    check_all("code span commands", CODE_SPAN_COMMANDS);
}

#[test]
fn a_provider_name_inside_a_longer_word_is_not_the_provider() {
    check_all("provider inside a word", PROVIDER_INSIDE_A_WORD);
    // And the provider rule stays off the longer word's value.
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    for (path, text) in [
        ("grammar/checker.py", "XSPELL_TOKEN = \"{HEX32}\"\n"),
        ("src/checker.js", "const xspellToken = '{S}';\n"),
    ] {
        let ids: Vec<String> = scanner
            .scan(Some(path), fill(text).as_bytes())
            .into_iter()
            .map(|m| scanner.rule(m.rule).id.to_string())
            .collect();
        assert!(!ids.iter().any(|id| id == "spell-token"), "{path}: {ids:?}");
    }
}
