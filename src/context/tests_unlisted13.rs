//! Table-driven probes, through the built-in rules, of the forms the real-code tuning set
//! `tuning_real7` (issue 13, branch `recall11`) found missed, fixed in general form: a Basic
//! credential that a header directive sets (nginx `proxy_set_header Authorization "Basic
//! <base64>"`, Apache `RequestHeader set`, HAProxy `set-header`), reported as the password
//! it encodes; Yarn's `npmAuthIdent` and a registry's `auth` (`user:password`, plain or
//! base64); hex under a `secret_id` (Vault's AppRole secret, an OAuth app's secret kept
//! under that name beside its `client_id`); sixteen lowercase letters under a token's or a secret's
//! name (a mail provider's SMTP authorisation code); a literal continued on the lines below
//! it (Python's implicit concatenation in brackets, `+` and `\` continuations, a header
//! value split over two literals); and a password of random letters in both cases. Each
//! negative is the near miss the class must keep quiet.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Token-shaped values are built at run time, so the repository holds none.

use super::probe_check::Rows;
use base64::Engine;

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

fn b64url(text: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

/// A password of mixed characters.
fn pw() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "x"].concat()
}

/// A generated secret, split in two for the joined forms.
fn secret() -> String {
    ["Zq8vT3mL", "wR6kP2xN", "b7Yc1dF5", "gH0sKaE2"].concat()
}

/// A password of letters alone, drawn at random (capitals side by side).
fn letters() -> String {
    ["NLac", "jROy", "JViX", "tWQp"].concat()
}

/// 40 and 32 hex digits (a GitHub OAuth app's and a Facebook app's secret shapes).
fn hex(n: usize) -> String {
    (0..n)
        .map(|i| b"0123456789abcdef"[(i * 7 + 3 + i / 5) % 16] as char)
        .collect()
}

/// Sixteen lowercase letters (a QQ or 163 mail SMTP authorisation code).
fn code16() -> String {
    ["qxkv", "mzbr", "twpl", "nfhd"].concat()
}

/// A signed JWT, split after its header for the joined form.
fn jwt() -> (String, String) {
    let header = b64url(&["{\"alg\":\"HS256\",", "\"typ\":\"JWT\"}"].concat());
    let payload = b64url("{\"sub\":\"svc-reporting\",\"iat\":1702549877}");
    let signature = [
        "Xk3vQ9Lm", "Z2pR7tWn", "4bY8cJ1d", "F6gH0sKa", "E5uVxTyN", "q2w",
    ]
    .concat();
    (format!("{header}."), format!("{payload}.{signature}"))
}

fn secrets() -> Vec<String> {
    let (head, rest) = jwt();
    vec![
        pw(),
        secret(),
        letters(),
        hex(40),
        hex(32),
        code16(),
        [head, rest].concat(),
    ]
}

fn fill(text: &str) -> String {
    let s = secret();
    let (head, rest) = jwt();
    text.replace("{BASIC}", &b64(&format!("admin:{}", pw())))
        .replace("{BASICE}", &b64("admin:"))
        .replace("{IDENT}", &b64(&format!("deploy:{}", pw())))
        .replace("{PW}", &pw())
        .replace("{S1}", &s[..16])
        .replace("{S2}", &s[16..])
        .replace("{LETTERS}", &letters())
        .replace("{HEX40}", &hex(40))
        .replace("{HEX32}", &hex(32))
        .replace("{CODE16}", &code16())
        .replace("{JWT1}", &head)
        .replace("{JWT2}", &rest)
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const BASIC_DIRECTIVES: Rows<'static> = (
    &[
        ("nginx/site.conf", "    location / {\n        proxy_set_header Authorization \"Basic {BASIC}\";\n        proxy_pass http://app:3000/;\n    }\n", "generic-password"),
        ("nginx.conf", "proxy_set_header Authorization 'Basic {BASIC}';\n", "generic-password"),
        ("scripts/fix_proxy.sh", "cat > /etc/nginx/conf.d/api.conf << 'EOF'\n    location /api/ {\n        proxy_set_header Authorization \"Basic {BASIC}\";\n    }\nEOF\n", "generic-password"),
        ("README.md", "```nginx\nlocation / {\n    proxy_set_header Authorization \"Basic {BASIC}\";\n}\n```\n", "generic-password"),
        ("httpd.conf", "RequestHeader set Authorization \"Basic {BASIC}\"\n", "generic-password"),
        ("haproxy.cfg", "    http-request set-header Authorization \"Basic {BASIC}\"\n", "generic-password"),
    ],
    &[
        ("nginx.conf", "proxy_set_header Authorization \"Basic $auth_b64\";\n"),
        ("nginx.conf", "proxy_set_header Authorization \"Basic YOUR_BASE64_CREDENTIALS\";\n"),
        ("nginx.conf", "proxy_set_header Authorization \"Basic <base64 of user:pass>\";\n"),
        ("nginx.conf", "proxy_set_header Authorization \"\";\n"),
        ("nginx.conf", "proxy_set_header Authorization $http_authorization;\n"),
        ("nginx.conf", "proxy_set_header Authorization \"Basic {BASICE}\";\n"),
    ],
);

#[rustfmt::skip]
const ENCODED_PAIRS: Rows<'static> = (
    &[
        (".yarnrc.yml", "npmRegistries:\n  \"//npm.acme.io/\":\n    npmAuthIdent: \"deploy:{PW}\"\n", "generic-password"),
        (".yarnrc.yml", "npmAlwaysAuth: true\nnpmAuthIdent: {IDENT}\n", "generic-password"),
        ("src/config.spec.ts", "  additionalYarnRcYml: {\n    npmRegistries: {\n      '//npm.acme.io/': {\n        npmAuthIdent: 'deploy:{PW}',\n      },\n    },\n  },\n", "generic-password"),
        ("values.yaml", "registry:\n  server: registry.acme.io\n  auth: {BASIC}\n", "generic-password"),
        ("settings.json", "{\"registry\": \"registry.acme.io\", \"auth\": \"{BASIC}\"}\n", "generic-password"),
    ],
    &[
        (".yarnrc.yml", "npmAuthIdent: \"${NPM_AUTH_IDENT}\"\n"),
        (".yarnrc.yml", "npmAuthIdent: \"<username>:<password>\"\n"),
        ("docs/yarn.md", "To use a user account, set `npmAuthIdent: \"<username>:<password>\"`.\n"),
        ("config.yaml", "server:\n  auth: none\n"),
        ("config.json", "{\"auth\": \"api_key\", \"type\": \"bearer\"}\n"),
        ("values.yaml", "registry:\n  auth: \"{{ .Values.registry.auth }}\"\n"),
        ("config.yaml", "auth: true\n"),
    ],
);

#[rustfmt::skip]
const HEX_CLIENT_SECRETS: Rows<'static> = (
    &[
        ("index.js", "const client_id = \"fa13941b658610eebb16\";\nconst secret_id = \"{HEX40}\"\n", "generic-secret"),
        (".env", "VAULT_SECRET_ID={HEX40}\n", "generic-secret"),
        ("login.json", "{\"role_id\": \"web\", \"secret_id\": \"{HEX32}\"}\n", "generic-secret"),
    ],
    &[
        ("lock.json", "{\"client_secret_sha\": \"{HEX40}\"}\n"),
        ("state.yaml", "app_secret_checksum: {HEX40}\n"),
        ("deploy.yaml", "secret_commit: {HEX40}\n"),
        ("config.yaml", "client_secret_hash: {HEX32}\n"),
        ("secret_id_digest.yaml", "secret_id_sha1: {HEX40}\n"),
        // An Ansible module's EXAMPLES write hex under `client_secret`: not vouched for.
        ("plugins/modules/oidc.py", "EXAMPLES = '''\n    client_id: a8e43af034e7f2608780\n    client_secret: {HEX40}\n'''\n"),
        // A bare secret's or a token's name still does not vouch for hex (test vectors).
        ("crypto_test.go", "\t\tsecret: \"{HEX40}\",\n"),
        ("ansible.cfg", "token={HEX40}\n"),
    ],
);

#[rustfmt::skip]
const LETTER_CODES: Rows<'static> = (
    &[
        ("src/MailUtil.java", "    private static final String SECRET_TOKEN = \"{CODE16}\";\n", "generic-secret|generic-token"),
        ("mail.py", "MAIL_TOKEN = '{CODE16}'\n", "generic-token|generic-secret"),
        (".env", "SMTP_SECRET={CODE16}\n", "generic-secret|generic-token"),
    ],
    &[
        ("mail.py", "MAIL_TOKEN = 'abcdefghijklmnop'\n"),
        ("mail.py", "TOKEN_TYPE = 'qxkvmzbrtwplnfhd'\n"),
        ("mail.py", "token_id = '{CODE16}'\n"),
        ("mail.py", "session_token = 'authorizationkey'\n"),
        ("mail.py", "token_hash = '{CODE16}'\n"),
    ],
);

#[rustfmt::skip]
const JOINED_LINES: Rows<'static> = (
    &[
        ("settings.py", "API_KEY = (\n    \"{S1}\"\n    \"{S2}\"\n)\n", "generic-api-key"),
        ("settings.py", "API_KEY = \"{S1}\" \\\n    \"{S2}\"\n", "generic-api-key"),
        ("src/app.js", "const apiKey = \"{S1}\" +\n  \"{S2}\";\n", "generic-api-key"),
        ("src/App.java", "String apiKey = \"{S1}\"\n    + \"{S2}\";\n", "generic-api-key"),
        ("tests/test_scan.py", "    jwt = (\n        \"Authorization: Bearer {JWT1}\"\n        \"{JWT2}\\n\"\n    )\n", "jwt"),
    ],
    &[
        ("settings.py", "API_KEY = (\n    os.environ[\"API_KEY\"]\n)\n"),
        ("settings.py", "msg = (\n    \"Set API_KEY \"\n    \"in your environment\"\n)\n"),
        ("src/app.js", "const apiKey = prefix +\n  suffix;\n"),
        ("settings.py", "API_KEY = \"your-api-key\" \\\n    \"-goes-here\"\n"),
    ],
);

#[rustfmt::skip]
const LETTER_PASSWORDS: Rows<'static> = (
    &[
        ("config.py", "DB_PASSWORD = \"{LETTERS}\"\n", "generic-password"),
        (".env", "ADMIN_PASSWORD={LETTERS}\n", "generic-password"),
        ("config.json", "{\"password\": \"{LETTERS}\"}\n", "generic-password"),
    ],
    &[
        ("form.js", "const password = \"newPassword\";\n"),
        ("client.js", "password: \"getHTTPResponse\",\n"),
        ("ui.json", "{\"password\": \"PasswordField\"}\n"),
        ("i18n.json", "{\"password\": \"MyPassword\"}\n"),
        ("config.py", "DB_PASSWORD = \"XMLHttpRequest\"\n"),
    ],
);

#[test]
fn basic_credentials_set_by_header_directives() {
    check_all("basic header directives", BASIC_DIRECTIVES);
}

#[test]
fn user_password_pairs_under_auth_and_npm_auth_ident() {
    check_all("encoded pairs", ENCODED_PAIRS);
}

#[test]
fn hex_under_client_secret_names() {
    check_all("hex client secrets", HEX_CLIENT_SECRETS);
}

#[test]
fn sixteen_letters_under_token_names() {
    check_all("letter codes", LETTER_CODES);
}

#[test]
fn literals_continued_on_lines_below() {
    check_all("joined lines", JOINED_LINES);
}

#[test]
fn passwords_of_random_letters() {
    check_all("letter passwords", LETTER_PASSWORDS);
}
