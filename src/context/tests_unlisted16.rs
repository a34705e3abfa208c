//! Table-driven probes, through the built-in rules, of five miss families known from
//! earlier sessions (issue 13, recall; session 13, branch `peer13`), each in several
//! syntaxes, with the near misses each must keep quiet:
//!
//! - the names `credentials`, `credential`, `creds` holding a generated value (64 hex,
//!   mixed characters) in JSON, Python, JS/TS, Go, Java, YAML, `.env` and shell; not the
//!   objects, calls, paths, types, translations and references they mostly hold;
//! - base64 of `user:password` under an auth-named key (`user_auth`, `basic_auth`,
//!   `HTTP_AUTH`, `auth`, `basicAuth`, `proxyAuth`) outside an `Authorization: Basic`
//!   header, reported as the password, a UUID password included; not a stand-in password,
//!   base64 of text without a pair, an empty password, an encoder call;
//! - a secret as the default of an environment read (`GetEnvOrDefault("api_token",
//!   "<uuid>")`, `os.getenv`, `os.environ.get`, `process.env.X || "v"`, `?? "v"`,
//!   `ENV.fetch`, `System.getenv().getOrDefault`, `env::var(..).unwrap_or`, `${X:-v}` in
//!   shell and Compose), hex and UUIDs included; not a stand-in, an empty default, a
//!   non-credential or id name, a UUID under a token's name outside a read;
//! - setup-guide prose and markup: a Markdown table of accounts with no header row under a
//!   heading that names passwords or credentials, HTML table and definition-list cells
//!   (`<td>Password</td><td>v</td>`, also across lines), a role-labelled `Admin: admin / v`;
//!   not a described table, a table under another heading, a cell of prose, a stand-in;
//! - `.env` values that start with `=`, `+`, `?`, `^` or hold `#` (dotenv reads an unquoted
//!   value's `#` as a comment only after whitespace).
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Token-shaped values are built at run time, so the repository holds none.

use super::probe_check::Rows;
use base64::Engine;

/// A generated secret.
fn secret() -> String {
    ["Hq4vT9mL", "wR2kP7xN", "b3Yc8dF5", "gJ0sKaE6"].concat()
}

/// A password of mixed characters.
fn pw() -> String {
    ["Kx9", "vRq", "2Lm", "Z7w", "Tp"].concat()
}

/// `n` hex digits.
fn hex(n: usize) -> String {
    (0..n)
        .map(|i| b"0123456789abcdef"[(i * 11 + 3 + i / 5) % 16] as char)
        .collect()
}

/// A version-4 UUID.
fn uuid() -> String {
    ["8c1f2a7e", "-4b3d-4f9a-8e2c-", "1d7b6a5c4e3f"].concat()
}

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// The secret with a `#` inside it (a dotenv value keeps it: no whitespace before it).
fn hashed() -> String {
    let s = secret();
    format!("{}#{}", &s[..10], &s[10..])
}

fn secrets() -> Vec<String> {
    let mut out = vec![secret(), pw(), hex(64), hex(40), uuid(), hashed()];
    for lead in ["=", "+", "?", "^"] {
        out.push(format!("{lead}{}", secret()));
        out.push(format!("{lead}{}", pw()));
    }
    out
}

fn fill(text: &str) -> String {
    text.replace("{S}", &secret())
        .replace("{PW}", &pw())
        .replace("{HEX64}", &hex(64))
        .replace("{HEX40}", &hex(40))
        .replace("{UUID}", &uuid())
        .replace("{HASHED}", &hashed())
        .replace("{B64S}", &b64(&format!("deploy:{}", secret())))
        .replace("{B64UUID}", &b64(&format!("johndoe:{}", uuid())))
        .replace("{B64STANDIN}", &b64("user:password"))
        .replace("{B64CHANGEME}", &b64("admin:changeme"))
        .replace("{B64TEXT}", &b64("hello world, this is some text"))
        .replace("{B64EMPTY}", &b64("admin:"))
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const CREDENTIALS: Rows<'static> = (
    &[
        ("config/app.json", "{\"credentials\" : \"{HEX64}\"}\n", "generic-token"),
        ("settings/config.py", "creds = {S}\n", "generic-token"),
        ("settings.py", "CREDENTIALS = \"{S}\"\n", "generic-token"),
        ("src/client.js", "const credentials = '{S}';\n", "generic-token"),
        ("src/client.ts", "export const config = {\n  credential: \"{S}\",\n};\n", "generic-token"),
        ("cmd/main.go", "\tcreds := \"{S}\"\n", "generic-token"),
        ("src/main/java/App.java", "private static final String CREDENTIALS = \"{S}\";\n", "generic-token"),
        ("deploy/values.yaml", "service:\n  credentials: {S}\n", "generic-token"),
        (".env", "DB_CREDENTIALS={S}\n", "generic-token"),
        ("scripts/run.sh", "export API_CREDS=\"{S}\"\n", "generic-token"),
    ],
    &[
        ("settings.py", "credentials = None\n"),
        ("app.py", "creds = get_credentials(profile_name)\n"),
        ("app.py", "credentials = service_account.Credentials.from_service_account_file(path)\n"),
        ("config.json", "{\"credentials\": \"/etc/app/service-account.json\"}\n"),
        ("src/api.js", "fetch(url, { credentials: \"same-origin\" })\n"),
        ("locales/de.json", "{\"credentials\": \"Anmeldeinformationen\"}\n"),
        ("k8s/deploy.yaml", "credentials: ${APP_CREDENTIALS}\n"),
        ("src/App.java", "StorageSharedKeyCredential credential = new StorageSharedKeyCredential(account, key);\n"),
        ("config.yaml", "credentials: StorageSharedKeyCredentialProvider\n"),
        ("main.go", "creds := credentials.NewStaticCredentials(id, secret, \"\")\n"),
        ("lock.json", "{\"credentials_sha256\": \"{HEX64}\"}\n"),
        (".env", "CREDENTIALS=credentials.json\n"),
    ],
);

#[test]
fn credentials_names_hold_generated_values() {
    check_all("credentials names", CREDENTIALS);
}

#[rustfmt::skip]
const BASIC_PAIRS: Rows<'static> = (
    &[
        ("config.json", "\"user_auth\": \"{B64UUID}\"\n", "generic-password"),
        ("config.yaml", "basic_auth: {B64S}\n", "generic-password"),
        (".env", "HTTP_AUTH={B64S}\n", "generic-password"),
        ("settings.py", "auth = \"{B64S}\"\n", "generic-password"),
        ("src/client.js", "const basicAuth = \"{B64S}\";\n", "generic-password"),
        ("cmd/main.go", "\thttpAuth := \"{B64S}\"\n", "generic-password"),
        ("src/App.java", "String proxyAuth = \"{B64S}\";\n", "generic-password"),
        ("scripts/push.sh", "export REGISTRY_AUTH='{B64S}'\n", "generic-password"),
    ],
    &[
        ("config.json", "{\"auth\": \"{B64STANDIN}\"}\n"),
        ("config.json", "{\"user_auth\": \"{B64CHANGEME}\"}\n"),
        ("config.yaml", "basic_auth: {B64TEXT}\n"),
        ("config.yaml", "user_auth: {B64EMPTY}\n"),
        ("src/client.js", "const basicAuth = btoa(user + ':' + pass);\n"),
        (".env", "HTTP_AUTH=${HTTP_AUTH}\n"),
    ],
);

#[test]
fn encoded_pairs_under_auth_names_give_their_password() {
    check_all("encoded pairs under auth names", BASIC_PAIRS);
}

#[rustfmt::skip]
const ENV_DEFAULTS: Rows<'static> = (
    &[
        ("cmd/main.go", " utils.GetEnvOrDefault(\"api_token\", \"{UUID}\")\n", "generic-token"),
        ("config/config.go", "token := getEnv(\"GITHUB_TOKEN\", \"{HEX40}\")\n", "github-token-legacy"),
        ("settings.py", "API_TOKEN = os.getenv(\"API_TOKEN\", \"{S}\")\n", "generic-token"),
        ("settings.py", "SECRET_KEY = os.environ.get(\"SECRET_KEY\", \"{HEX64}\")\n", "generic-secret|generic-api-key"),
        ("settings.py", "DB_PASSWORD = os.getenv(\"DB_PASSWORD\", \"{UUID}\")\n", "generic-password"),
        ("src/config.js", "const token = process.env.API_TOKEN || \"{S}\";\n", "generic-token"),
        ("src/config.ts", "export const apiKey = process.env.API_KEY ?? '{UUID}';\n", "generic-api-key"),
        ("config/initializers/app.rb", "TOKEN = ENV.fetch(\"API_TOKEN\", \"{S}\")\n", "generic-token"),
        ("src/main/java/Config.java", "String token = System.getenv().getOrDefault(\"API_TOKEN\", \"{S}\");\n", "generic-token"),
        ("src/main.rs", "let token = env::var(\"API_TOKEN\").unwrap_or(\"{S}\".to_string());\n", "generic-token"),
        ("entrypoint.sh", "curl -H \"Authorization: Bearer ${API_TOKEN:-{S}}\" \"$URL\"\n", "generic-token"),
        ("docker-compose.yml", "services:\n  app:\n    environment:\n      - SESSION_SECRET=${SESSION_SECRET:-{S}}\n", "generic-secret"),
    ],
    &[
        ("settings.py", "API_TOKEN = os.getenv(\"API_TOKEN\", \"changeme\")\n"),
        ("cmd/main.go", " utils.GetEnvOrDefault(\"api_url\", \"{UUID}\")\n"),
        ("cmd/main.go", " utils.GetEnvOrDefault(\"api_token_id\", \"{UUID}\")\n"),
        ("cmd/main.go", " GetEnvOrDefault(\"REQUEST_ID\", \"{UUID}\")\n"),
        ("settings.py", "TOKEN_FILE = os.getenv(\"TOKEN_FILE\", \"/run/secrets/token\")\n"),
        ("src/config.js", "const token = process.env.API_TOKEN || \"\";\n"),
        ("docker-compose.yml", "services:\n  app:\n    environment:\n      - API_TOKEN=${API_TOKEN:-}\n"),
        ("config.yaml", "token: {UUID}\n"),
        ("settings.py", "SECRET_KEY = os.environ.get(\"SECRET_KEY\", \"00000000-0000-0000-0000-000000000000\")\n"),
    ],
);

#[test]
fn environment_read_defaults_are_values() {
    check_all("environment read defaults", ENV_DEFAULTS);
}

#[rustfmt::skip]
const SETUP_PROSE: Rows<'static> = (
    &[
        ("docs/SETUP.md", "## Default passwords\n\n| admin | {PW} |\n", "generic-password"),
        ("README.md", "# Demo\n\n### Credentials\n\n| root | {PW} | full access |\n", "generic-password"),
        ("docs/setup.html", "<table><tr><td>Password</td><td>{PW}</td></tr></table>\n", "generic-password"),
        ("docs/guide.html", "<table>\n<tr>\n  <td>password</td>\n  <td>{PW}</td>\n</tr>\n</table>\n", "generic-password"),
        ("docs/keys.html", "<dl><dt>API token</dt><dd>{S}</dd></dl>\n", "generic-token"),
        ("docs/INSTALL.md", "Admin: admin / {PW}\n", "generic-password"),
        ("notes.txt", "Root: root / {PW}\n", "generic-password"),
        ("README.md", "- Demo: `demo` / `{PW}`\n", "generic-password"),
    ],
    &[
        ("README.md", "## Default passwords\n\n| user | description |\n| admin | The administrator |\n"),
        ("README.md", "## Passwords\n\nChoose a strong one.\n\n| rule | example |\n"),
        ("README.md", "## Setup\n\n| admin | {PW} |\n"),
        ("README.md", "## Default passwords\n\n| Role | Note |\n|---|---|\n| admin | {PW} |\n"),
        ("docs/x.html", "<td>Password</td><td>your password</td>\n"),
        ("docs/x.html", "<td>Username</td><td>{PW}</td>\n"),
        ("docs/x.md", "Admin: admin / password\n"),
        ("docs/x.md", "Admin: see the admin guide / FAQ\n"),
        ("docs/x.md", "Root: /usr/local / bin\n"),
    ],
);

#[test]
fn setup_guides_give_accounts_in_tables_cells_and_pairs() {
    check_all("setup-guide prose", SETUP_PROSE);
}

#[rustfmt::skip]
const DOTENV_VALUES: Rows<'static> = (
    &[
        (".env", "SECRET_KEY=={S}\n", "generic-secret"),
        (".env", "DB_PASSWORD=={PW}\n", "generic-password"),
        (".env", "API_TOKEN=+{S}\n", "generic-token"),
        (".env.production", "API_KEY=?{S}\n", "generic-api-key"),
        ("deploy/prod.env", "CLIENT_SECRET=^{S}\n", "generic-secret"),
        (".env", "API_TOKEN={HASHED}\n", "generic-token"),
        (".env", "API_TOKEN={S} # rotated monthly\n", "generic-token"),
        ("scripts/env.sh", "export API_TOKEN=={S}\n", "generic-token"),
        // The same line on a Dockerfile's `ARG` line.
        ("Dockerfile", "FROM python:3.12\nARG API_TOKEN=+{S}\n", "generic-token"),
    ],
    &[
        (".env", "DB_PASSWORD==changeme\n"),
        (".env", "SECRET_KEY==\n"),
        (".env", "API_TOKEN==${API_TOKEN}\n"),
        (".env", "API_TOKEN= # set in CI\n"),
        ("src/check.sh", "if [ \"$API_TOKEN\" == \"\" ]; then exit 1; fi\n"),
        ("docs/x.md", "API_TOKEN==changeme\n"),
        ("Dockerfile", "FROM python:3.12\nENV API_TOKEN=+${API_TOKEN}\n"),
        ("docs/x.md", "Compare with `API_TOKEN == token` in the check.\n"),
    ],
);

#[test]
fn dotenv_values_keep_leading_marks_and_inner_hashes() {
    check_all("dotenv values", DOTENV_VALUES);
}
