//! Table-driven probes, through the built-in rules, of the families session 14 (branch
//! `recall14`, issue 13) finished or fixed, each in several syntaxes, with the near misses
//! each must keep quiet:
//!
//! - the 8-character floor: a typed password of 5-7 characters, every one rare, under a
//!   password's name (PHP, Python, JS/TS, Java, YAML, `.env`, shell, properties); not a
//!   word, a sequence, a repeat, a stand-in, a value of four characters, nor one under a
//!   token's or a key's name;
//! - a number written without quotes in code under a password's name is a flag, a field
//!   number, an enum value or a code (PowerShell, protobuf, TypeScript, Python, C#, HCL);
//!   the same digits quoted, or unquoted in YAML, `.env`, shell and INI, stay a password;
//! - the Go MySQL driver's DSN with its address left out (`user:v@/db`, `user:v@tcp/db`),
//!   in Go, YAML, TOML and `.env`; not an import alias (`@/components`), a variable, a
//!   template, an empty password;
//! - a token getter given a user and a password (`getToken(request, 'u', 'v')`,
//!   `get_token(client, "u", "v")`, `fetchAccessToken`, `obtain_jwt`) in TS, Python, Java,
//!   Go, Kotlin and Ruby; not variables, a stand-in, a path, a tokenizer;
//! - curl's `-u user:v` / `--user user:v` inside a string literal (a subprocess call, a
//!   test's command table, Go's `exec.Command`, Java's `Runtime.exec`, Ruby's backticks);
//!   not a variable, a stand-in, a user alone, `$USER:$TOKEN`.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// A password of mixed characters.
fn pw() -> String {
    ["Kx9", "vRq", "2Lm", "Z7w", "Tp"].concat()
}

/// A short password, every character rare (no word, sequence or repeat).
fn short() -> String {
    ["k7", "Qz", "#w"].concat()
}

/// Five digits with no run, repeat or date.
fn digits() -> String {
    ["58", "2", "13"].concat()
}

fn secrets() -> Vec<String> {
    vec![pw(), short(), digits()]
}

fn fill(text: &str) -> String {
    text.replace("{PW}", &pw())
        .replace("{SHORT}", &short())
        .replace("{DIG}", &digits())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const SHORT_PASSWORDS: Rows<'static> = (
    &[
        ("registro.php", "<?php\n$user = 'postgres';\n$password = '{SHORT}';\n", "generic-password"),
        ("app/db.py", "DB_PASSWORD = \"{SHORT}\"\n", "generic-password"),
        ("server/src/index.ts", "await createConnection({\n  username: \"root\",\n  password: \"{SHORT}\",\n});\n", "generic-password"),
        ("src/main/java/Db.java", "String password = \"{SHORT}\";\n", "generic-password"),
        ("group_vars/all.yml", "mysql_root_password: {SHORT}\n", "generic-password"),
        (".env", "POSTGRES_PASSWORD={SHORT}\n", "generic-password"),
        ("scripts/setup.sh", "export PGPASSWORD='{SHORT}'\n", "generic-password"),
        ("application.properties", "spring.datasource.password={SHORT}\n", "generic-password"),
        ("docker-compose.yml", "    environment:\n      - REDIS_PASSWORD={DIG}\n", "generic-password"),
        ("app/db.py", "db = {'user': 'root', 'password': '{DIG}'}\n", "generic-password"),
    ],
    &[
        ("registro.php", "<?php\n$password = 'admin';\n"),
        ("app/db.py", "DB_PASSWORD = \"12345\"\n"),
        ("app/db.py", "DB_PASSWORD = \"qwert\"\n"),
        ("app/db.py", "DB_PASSWORD = \"root1\"\n"),
        (".env", "POSTGRES_PASSWORD=aaaaa\n"),
        (".env", "POSTGRES_PASSWORD=xxxxxx\n"),
        (".env", "POSTGRES_PASSWORD=k7Qz\n"),
        ("app/config.py", "API_TOKEN = \"k7Qz#w\"\n"),
        ("app/config.py", "api_key = \"k7Qz#w\"\n"),
        ("app/db.py", "DB_PASSWORD = os.environ[\"PW\"]\n"),
        ("group_vars/all.yml", "mysql_root_password: \"{{ pw }}\"\n"),
        ("src/i18n/de.json", "{\"password\": \"Kennw\"}\n"),
    ],
);

#[test]
fn short_typed_passwords_reach_the_rule_when_wholly_rare() {
    check_all("short typed passwords", SHORT_PASSWORDS);
}

#[rustfmt::skip]
const NUMBERS_IN_CODE: Rows<'static> = (
    &[
        ("app/db.py", "DB_PASSWORD = \"{DIG}\"\n", "generic-password"),
        ("src/db.ts", "const password = '{DIG}';\n", "generic-password"),
        ("playbooks/credentials.yml", "ise_password: {DIG}\n", "generic-password"),
        (".env", "DB_PASSWORD={DIG}\n", "generic-password"),
        ("scripts/backup.sh", "PGPASSWORD={DIG} pg_dump -U app app\n", "generic-password"),
        ("config/app.ini", "[db]\npassword = {DIG}\n", "generic-password"),
    ],
    &[
        ("plugins/modules/win_user.ps1", "$ADS_UF_DONT_EXPIRE_PASSWD = {DIG}\n"),
        ("plugins/modules/win_user.ps1", "$PasswordNeverExpires = {DIG}\n"),
        ("etcdserverpb/raft_internal.proto", "message R {\n  AuthUserChangePasswordRequest auth_user_change_password = {DIG};\n}\n"),
        ("src/errors.ts", "export enum AuthError {\n  WrongPassword = {DIG},\n  ExpiredPassword = {DIG},\n}\n"),
        ("app/constants.py", "PASSWORD_RESET_TIMEOUT = {DIG}\n"),
        ("app/constants.py", "password = {DIG}\n"),
        ("src/Errors.cs", "public const int PasswordMismatch = 0x{DIG};\n"),
        ("main.tf", "variable \"x\" {\n  password_length = {DIG}\n}\n"),
        ("docs/errors.txt", "  int32 password_error = {DIG};\n"),
    ],
);

#[test]
fn numbers_in_code_are_no_passwords() {
    check_all("numbers in code", NUMBERS_IN_CODE);
}

#[rustfmt::skip]
const MYSQL_DSN: Rows<'static> = (
    &[
        ("main.go", "func main() {\n\tdb, err = sql.Open(\"mysql\", \"root:{PW}@/messages\")\n}\n", "generic-password"),
        ("main.go", "\tdb, err := sql.Open(\"mysql\", \"app:{SHORT}@/messages?parseTime=true\")\n", "generic-password"),
        ("main.go", "\tdb, err := sql.Open(\"mysql\", \"app:{PW}@tcp/messages\")\n", "generic-password"),
        ("config/app.yaml", "mysql_dsn: \"app:{PW}@/shop?charset=utf8mb4\"\n", "generic-password"),
        ("config.toml", "[mysql]\ndsn = \"app:{PW}@tcp6([::1]:3306)/shop\"\n", "generic-password"),
        (".env", "MYSQL_DSN=app:{PW}@/shop\n", "generic-password"),
    ],
    &[
        ("src/App.vue", "import Button from \"@/components/Button.vue\";\n"),
        ("main.go", "\tdb, err := sql.Open(\"mysql\", \"root:\" + pass + \"@/messages\")\n"),
        ("main.go", "\tdb, err := sql.Open(\"mysql\", \"root:@/messages\")\n"),
        ("main.go", "\tdb, err := sql.Open(\"mysql\", \"root:password@/messages\")\n"),
        ("config/app.yaml", "mysql_dsn: \"app:{{ .Password }}@/shop\"\n"),
        (".env", "MYSQL_DSN=app:${MYSQL_PASSWORD}@/shop\n"),
    ],
);

#[test]
fn go_mysql_dsns_without_an_address_give_their_password() {
    check_all("Go MySQL DSN", MYSQL_DSN);
}

#[rustfmt::skip]
const TOKEN_GETTERS: Rows<'static> = (
    &[
        ("e2e/rbac.spec.ts", "    const token = await getToken(request, 'nurse1', '{PW}');\n", "generic-password"),
        ("tests/test_api.py", "    token = get_token(client, \"alice\", \"{PW}\")\n", "generic-password"),
        ("src/test/java/ApiTest.java", "        String token = fetchAccessToken(\"alice\", \"{PW}\");\n", "generic-password"),
        ("api_test.go", "\ttoken := testutil.GetToken(t, \"alice\", \"{PW}\")\n", "generic-password"),
        ("src/test/kotlin/ApiTest.kt", "        val token = requestAuthToken(\"alice\", \"{PW}\")\n", "generic-password"),
        ("spec/api_spec.rb", "    token = obtain_jwt(\"alice\", \"{PW}\")\n", "generic-password"),
    ],
    &[
        ("e2e/rbac.spec.ts", "    const token = await getToken(request, 'nurse1', password);\n"),
        ("e2e/rbac.spec.ts", "    const token = await getToken(request, user.name, user.password);\n"),
        ("e2e/rbac.spec.ts", "    const token = await getToken(request, 'nurse1', 'password');\n"),
        ("tests/test_api.py", "    token = get_token(client, \"alice\", \"\")\n"),
        ("src/api.ts", "    const t = getToken(\"GET\", \"/api/v1/session\");\n"),
        ("src/nlp.py", "    tok = get_tokenizer(\"basic_english\", \"en\")\n"),
        ("src/api.ts", "    const t = await getToken();\n"),
        ("oauth1/testing/requests_test.go", "\ttoken, err := oauth1.GetAccessToken(client.ServiceClient(), \"ce9e07\", \"6be26a\").Extract()\n"),
    ],
);

#[test]
fn token_getters_given_a_user_and_a_password() {
    check_all("token getters", TOKEN_GETTERS);
}

#[rustfmt::skip]
const CURL_IN_STRINGS: Rows<'static> = (
    &[
        ("tests/test_redact.py", "@pytest.mark.parametrize(\"command, kept\", [\n    (\"curl -u admin:{PW} -d @.env https://x.test\", \"-u admin:\"),\n])\n", "generic-password"),
        ("scripts/push.py", "subprocess.run(\"curl -u deploy:{PW} https://repo.internal/upload\", shell=True)\n", "generic-password"),
        ("src/upload.js", "execSync('curl --user deploy:{PW} https://repo.internal/upload');\n", "generic-password"),
        ("cmd/push.go", "\tout, err := exec.Command(\"sh\", \"-c\", \"curl -u deploy:{PW} https://repo.internal/upload\").Output()\n", "generic-password"),
        ("src/main/java/Push.java", "        Runtime.getRuntime().exec(\"curl -u deploy:{PW} https://repo.internal/upload\");\n", "generic-password"),
        ("lib/push.rb", "    system(\"curl -u deploy:{PW} https://repo.internal/upload\")\n", "generic-password"),
    ],
    &[
        ("scripts/push.py", "subprocess.run(\"curl -u deploy:$PASS https://repo.internal/upload\", shell=True)\n"),
        ("scripts/push.py", "subprocess.run(\"curl -u $USER:$TOKEN https://repo.internal/upload\", shell=True)\n"),
        ("scripts/push.py", "subprocess.run(\"curl -u admin:password https://repo.internal/upload\", shell=True)\n"),
        ("scripts/push.py", "subprocess.run(\"curl -u admin https://repo.internal/upload\", shell=True)\n"),
        ("src/upload.js", "execSync(`curl -u deploy:${pass} https://repo.internal/upload`);\n"),
        ("cmd/push.go", "\tcmd := fmt.Sprintf(\"curl -u %s:%s https://repo.internal\", user, pass)\n"),
    ],
);

#[test]
fn curl_user_flags_inside_strings() {
    check_all("curl in strings", CURL_IN_STRINGS);
}
