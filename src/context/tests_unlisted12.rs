//! Table-driven probes, through the built-in rules, of literal secrets whose value *shape*
//! the rules used to reject (issue 13, branch `recall10b`): a JSON Web Token under any
//! credential name and split over joined literals (reported as `jwt`, the value's shape),
//! a 64-hex password or secret (hex that looks like a digest is still a secret under a
//! credential's name), a UUID under an API-key name and Vault's `secret_id`, an all-digit
//! API key (Cloudinary's 15 digits), a 16-letter app password (Gmail's, written in four
//! groups of four), and a default password in a Helm chart README's parameter table. Each
//! negative is the near miss the class must keep quiet: digests under digest names, UUIDs
//! under id names, digits under port/timeout/id names, stand-ins.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Token-shaped values are built at run time, so the repository holds none.

use super::probe_check::Rows;

fn b64url(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

/// A signed JWT: a header naming its `alg`, a payload, a signature.
fn jwt() -> String {
    let header = b64url(&["{\"alg\":\"HS256\",", "\"typ\":\"JWT\"}"].concat());
    let payload = b64url("{\"sub\":\"svc-reporting\",\"role\":\"service\",\"iat\":1702549877}");
    let signature = [
        "Xk3vQ9Lm", "Z2pR7tWn", "4bY8cJ1d", "F6gH0sKa", "E5uVxTyN", "q2w",
    ]
    .concat();
    format!("{header}.{payload}.{signature}")
}

/// 64 hex digits that read like a SHA-256 digest.
fn hex64() -> String {
    (0..64u32)
        .map(|i| b"0123456789abcdef"[((i * 7 + 3) ^ (i / 5)) as usize % 16] as char)
        .collect()
}

/// A random (version 4) UUID.
fn uuid() -> String {
    ["3f9c1e7a", "5b2d", "4c8e", "9a61", "7d0b2e4f8c13"].join("-")
}

/// Cloudinary's API key: 15 digits.
fn digits15() -> String {
    ["48392", "61750", "48261"].concat()
}

/// A Google app password: 16 lowercase letters.
fn app16() -> String {
    ["qxkv", "mzbr", "twpl", "nfhd"].concat()
}

fn app16_spaced() -> String {
    ["qxkv", "mzbr", "twpl", "nfhd"].join(" ")
}

fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3"].concat()
}

fn secrets() -> Vec<String> {
    vec![
        jwt(),
        hex64(),
        uuid(),
        digits15(),
        app16(),
        app16_spaced(),
        v(),
    ]
}

fn fill(text: &str) -> String {
    let token = jwt();
    let (head, tail) = token.split_at(40);
    text.replace("{JWT1}", head)
        .replace("{JWT2}", tail)
        .replace("{JWT}", &token)
        .replace("{HEX64}", &hex64())
        .replace("{UUID}", &uuid())
        .replace("{D15}", &digits15())
        .replace("{APP16S}", &app16_spaced())
        .replace("{APP16}", &app16())
        .replace("{V}", &v())
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const JWTS: Rows<'static> = (
    &[
        (".env", "AUTH_TOKEN={JWT}\n", "jwt"),
        ("config/app.yaml", "auth:\n  token: {JWT}\n", "jwt"),
        ("settings.py", "SERVICE_JWT = \"{JWT}\"\n", "jwt"),
        ("appsettings.json", "{\"Api\": {\"AccessToken\": \"{JWT}\"}}\n", "jwt"),
        ("src/client.ts", "export const apiKey = '{JWT}';\n", "jwt"),
        // Split over joined literals: the joined value's shape decides the rule.
        ("tests/conftest.py", "TOKEN = \"{JWT1}\" \"{JWT2}\"\n", "jwt"),
        ("src/api.js", "const token = \"{JWT1}\" + \"{JWT2}\";\n", "jwt"),
    ],
    &[
        (".env", "AUTH_TOKEN=${AUTH_TOKEN}\n"),
        ("settings.py", "SERVICE_JWT = os.environ[\"SERVICE_JWT\"]\n"),
        ("src/api.js", "const token = \"eyJ\" + header + \".\" + payload;\n"),
    ],
);

#[rustfmt::skip]
const HEX_SECRETS: Rows<'static> = (
    &[
        (".env", "DB_PASSWORD={HEX64}\n", "generic-password"),
        ("config.json", "{\"db\": {\"password\": \"{HEX64}\"}}\n", "generic-password"),
        ("docker-compose.yml", "    environment:\n      POSTGRES_PASSWORD: {HEX64}\n", "generic-password"),
    ],
    &[
        ("package-lock.json", "      \"integrity\": \"sha256-{HEX64}\",\n"),
        ("checksums.yaml", "password_sha256: {HEX64}\n"),
        ("release.json", "{\"secret_digest\": \"{HEX64}\"}\n"),
        ("build.gradle", "    sha256 = '{HEX64}'\n"),
        ("manifest.yaml", "api_key_checksum: {HEX64}\n"),
        ("state.json", "{\"token_hash\": \"{HEX64}\"}\n"),
        ("deps.yaml", "commit: {HEX64}\n"),
        // Hex of a digest's length under a key's or a token's name is as often a test
        // vector or a docs example: only a password's name vouches for it.
        ("crypto_test.go", "\t\tkey: \"{HEX64}\",\n"),
        ("ansible.cfg", "token={HEX64}\n"),
    ],
);

#[rustfmt::skip]
const UUID_KEYS: Rows<'static> = (
    &[
        (".env", "API_KEY={UUID}\n", "generic-api-key"),
        ("config.yaml", "newrelic:\n  api_key: {UUID}\n", "generic-api-key"),
        ("src/Sync.cs", "    const string ApiKey = \"{UUID}\";\n", "generic-api-key"),
        ("settings.py", "SENDGRID_API_KEY = \"{UUID}\"\n", "generic-api-key"),
        ("vault.hcl", "secret_id = \"{UUID}\"\n", "generic-secret"),
        (".env", "VAULT_SECRET_ID={UUID}\n", "generic-secret"),
        ("login.json", "{\"role_id\": \"r-1\", \"secret_id\": \"{UUID}\"}\n", "generic-secret"),
    ],
    &[
        (".env", "API_KEY_ID={UUID}\n"),
        (".env", "REQUEST_ID={UUID}\n"),
        ("config.yaml", "tenant_id: {UUID}\n"),
        ("config.yaml", "client_id: {UUID}\n"),
        ("config.yaml", "token_uuid: {UUID}\n"),
        ("config.yaml", "secret_guid: {UUID}\n"),
        // A token's name does not vouch for a UUID (Consul and Proxmox examples).
        ("plugins/modules/consul_kv.py", "    token: {UUID}\n"),
        (".env", "API_KEY=00000000-0000-0000-0000-000000000000\n"),
    ],
);

#[rustfmt::skip]
const DIGIT_KEYS: Rows<'static> = (
    &[
        ("app.py", "cloudinary.config(cloud_name=\"acme\", api_key=\"{D15}\", api_secret=\"{V}\")\n", "generic-api-key"),
        (".env", "CLOUDINARY_API_KEY={D15}\n", "generic-api-key"),
        ("config.yaml", "cloudinary:\n  api_key: \"{D15}\"\n", "generic-api-key"),
    ],
    &[
        (".env", "API_KEY=123456789012345\n"),
        (".env", "API_KEY=000000000000000\n"),
        ("config.yaml", "port: 48392617\n"),
        ("config.yaml", "api_timeout: {D15}\n"),
        ("config.yaml", "api_key_id: {D15}\n"),
        (".env", "API_KEY=1702549877\n"),
    ],
);

#[rustfmt::skip]
const APP_PASSWORDS: Rows<'static> = (
    &[
        (".env", "SMTP_PASSWORD={APP16}\n", "generic-password"),
        ("settings.py", "EMAIL_HOST_PASSWORD = \"{APP16S}\"\n", "generic-password"),
        (".env", "GMAIL_APP_PASSWORD=\"{APP16S}\"\n", "generic-password"),
        ("config.yaml", "smtp:\n  password: {APP16}\n", "generic-password"),
        ("mailer.js", "  auth: { user: 'ops@acme.io', pass: '{APP16S}' },\n", "generic-password"),
    ],
    &[
        (".env", "SMTP_PASSWORD=\"abcd efgh ijkl mnop\"\n"),
        (".env", "SMTP_PASSWORD=\"xxxx xxxx xxxx xxxx\"\n"),
        (".env", "SMTP_PASSWORD=\"your app password\"\n"),
        (".env", "SMTP_PASSWORD=supersecretpassword\n"),
        (".env", "SMTP_PASSWORD=\"your gmail app pass\"\n"),
        ("config.yaml", "password: mysqlrootpassword\n"),
    ],
);

#[rustfmt::skip]
const FORMS: Rows<'static> = (
    &[
        ("charts/app/README.md", "| Name | Description | Value |\n| ---- | ----------- | ----- |\n| `auth.password` | Password for the custom user | `\"{V}\"` |\n", "generic-password"),
        ("charts/app/README.md", "| Parameter | Description | Default |\n|---|---|---|\n| auth.password | Password for the user | \"{V}\" |\n", "generic-password"),
        ("charts/app/README.md", "| Parameter | Description | Default |\n|---|---|---|\n| `auth.rootPassword` | Root password | `{V}` |\n", "generic-password"),
        // helm-docs: `| Key | Type | Default | Description |`.
        ("charts/app/README.md", "| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n| postgresql.auth.password | string | `\"{V}\"` | Password for the custom user to create |\n", "generic-password"),
        ("charts/app/README.md", "| redis.auth.password | string | `{V}` | Redis password. Ignored if auth.existingSecret is set |\n", "generic-password"),
    ],
    &[
        ("charts/app/README.md", "| Name | Description | Value |\n| ---- | ----------- | ----- |\n| `auth.password` | Password for the custom user | `\"\"` |\n"),
        ("charts/app/README.md", "| `auth.existingSecret` | Name of existing secret to use for credentials | `\"\"` |\n"),
        ("charts/app/README.md", "| `auth.password` | Password for the user | `nil` |\n"),
        ("charts/app/README.md", "| postgresql.auth.password | string | `\"\"` | Password for the custom user to create |\n"),
        ("charts/app/README.md", "| postgresql.auth.existingSecret | string | `\"\"` | Name of an existing secret with the password |\n"),
        ("charts/app/README.md", "| auth.passwordKey | string | `\"password\"` | Key in the secret that holds the password |\n"),
    ],
);

#[test]
fn jwts_under_credential_names_and_joined() {
    check_all("jwt", JWTS);
}

#[test]
fn hex_that_reads_as_a_digest_under_a_credential_name() {
    check_all("hex secrets", HEX_SECRETS);
}

#[test]
fn uuids_under_key_names() {
    check_all("uuid keys", UUID_KEYS);
}

#[test]
fn digit_keys_under_key_names() {
    check_all("digit keys", DIGIT_KEYS);
}

#[test]
fn app_passwords_of_sixteen_letters() {
    check_all("app passwords", APP_PASSWORDS);
}

#[test]
fn helm_readme_default_passwords() {
    check_all("helm readme tables", FORMS);
}
