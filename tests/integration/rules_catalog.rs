//! The built-in rule catalog, end to end: real binary, real files in a temporary tree.
//!
//! Token-shaped values are built here at run time (with their checksums where the format has
//! one), never committed, so the repository stays clean under any secret scanner.

use assert_cmd::Command;
use leakgate::scan::checksum::base62_crc32;
use std::collections::BTreeSet;
use std::path::Path;

/// Deterministic pseudo-random characters from `alphabet` (xorshift), so that values look
/// random to the entropy floors without a committed literal.
struct Chars(u64);

impl Chars {
    fn take(&mut self, alphabet: &str, n: usize) -> String {
        let alphabet = alphabet.as_bytes();
        (0..n)
            .map(|_| {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                alphabet[(self.0 % alphabet.len() as u64) as usize] as char
            })
            .collect()
    }
}

const BASE62: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX: &str = "0123456789abcdef";
const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn crc_token(prefix: &str, chars: &mut Chars) -> String {
    let body = chars.take(BASE62, 30);
    format!("{prefix}{body}{}", base62_crc32(body.as_bytes()))
}

fn scan_json(dir: &Path) -> (i32, serde_json::Value, String) {
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap_or(-1), report, stdout)
}

fn rules_of(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn provider_tokens_in_a_tree_are_found_and_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let mut chars = Chars(0x5eed_1234_abcd_ef01);
    let ghp = crc_token("ghp_", &mut chars);
    let npm = crc_token("npm_", &mut chars);
    let speckle = chars.take(HEX, 42);
    let aws_id = format!("AKIA{}", chars.take("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
    let aws_secret = chars.take(BASE64, 40);
    let db_password = chars.take(BASE62, 18);
    let key_lines: Vec<String> = (0..4).map(|_| chars.take(BASE64, 64)).collect();
    let secrets = [&ghp, &npm, &speckle, &aws_secret, &db_password];

    std::fs::write(
        dir.path().join("deploy.sh"),
        format!("git clone https://{ghp}@github.com/acme/app.git\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".npmrc"),
        format!("//registry.npmjs.org/:_authToken={npm}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("viewer.py"),
        format!("client.authenticate_with_token(\"{speckle}\")\n"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join(".aws")).unwrap();
    std::fs::write(
        dir.path().join(".aws/credentials"),
        format!("[default]\naws_access_key_id = {aws_id}\naws_secret_access_key = {aws_secret}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("settings.yaml"),
        format!("database:\n  url: postgresql://app:{db_password}@db.acme.internal/app\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("server.key"),
        format!(
            "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n",
            key_lines.join("\n")
        ),
    )
    .unwrap();

    let gcp_key_lines: Vec<String> = (0..6).map(|_| chars.take(BASE64, 64)).collect();
    std::fs::write(
        dir.path().join("sa.json"),
        format!(
            "{{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod\",\n  \"private_key_id\": \"{}\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{}\\n-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"ci@acme-prod.iam.gserviceaccount.com\"\n}}\n",
            chars.take(HEX, 40),
            gcp_key_lines.join("\\n")
        ),
    )
    .unwrap();
    let speckle_yaml = chars.take(HEX, 42);
    std::fs::write(
        dir.path().join("speckle.yml"),
        format!("speckle:\n  server: https://app.speckle.systems\n  token: {speckle_yaml}\n"),
    )
    .unwrap();

    let (code, report, stdout) = scan_json(dir.path());
    assert_eq!(code, 1);
    let found: BTreeSet<(String, String)> = rules_of(&report).into_iter().collect();
    for expected in [
        ("github-pat", "deploy.sh"),
        ("npm-access-token", ".npmrc"),
        ("speckle-token", "viewer.py"),
        ("aws-access-key-id", ".aws/credentials"),
        ("aws-secret-access-key", ".aws/credentials"),
        ("postgres-url-password", "settings.yaml"),
        ("private-key-rsa", "server.key"),
        ("gcp-service-account-key", "sa.json"),
        ("speckle-token", "speckle.yml"),
    ] {
        assert!(
            found
                .iter()
                .any(|(rule, path)| rule == expected.0 && path.ends_with(expected.1)),
            "missing {expected:?} in {found:?}"
        );
    }
    for secret in secrets {
        assert!(
            !stdout.contains(secret.as_str()),
            "a secret of {} characters is printed whole",
            secret.len()
        );
    }
}

#[test]
fn a_token_with_a_wrong_checksum_is_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut chars = Chars(0x0bad_c0de_0bad_c0de);
    let good = crc_token("ghp_", &mut chars);
    let mut bad = good.clone();
    let last = if bad.ends_with('A') { "B" } else { "A" };
    bad.replace_range(bad.len() - 1.., last);
    std::fs::write(dir.path().join("a.txt"), format!("token: {bad}\n")).unwrap();
    let (code, report, _) = scan_json(dir.path());
    assert_eq!(code, 0, "{report}");
}

#[test]
fn a_generic_rule_defers_to_the_specific_rule_on_the_same_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut chars = Chars(0x1234_5678_9abc_def0);
    let ghp = crc_token("ghp_", &mut chars);
    std::fs::write(dir.path().join(".env.ci"), format!("GITHUB_TOKEN={ghp}\n")).unwrap();
    let (_, report, _) = scan_json(dir.path());
    let secrets: Vec<String> = rules_of(&report)
        .into_iter()
        .map(|(rule, _)| rule)
        .filter(|rule| rule != "dotenv-file")
        .collect();
    assert_eq!(secrets, vec!["github-pat".to_string()]);
}

#[test]
fn usual_false_positives_stay_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let mut chars = Chars(0xfeed_face_cafe_beef);
    let sha1 = chars.take(HEX, 40);
    let sha256 = chars.take(HEX, 64);
    let sri = chars.take(BASE64, 86);
    let go_hash = chars.take(BASE64, 43);
    let uuid = format!(
        "{}-{}-{}-{}-{}",
        chars.take(HEX, 8),
        chars.take(HEX, 4),
        chars.take(HEX, 4),
        chars.take(HEX, 4),
        chars.take(HEX, 12)
    );
    let files = [
        (
            "package-lock.json",
            format!(
                "{{\n  \"node_modules/js-tokens\": {{\n    \"version\": \"4.0.0\",\n    \"resolved\": \"https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz\",\n    \"integrity\": \"sha512-{sri}==\"\n  }}\n}}\n"
            ),
        ),
        (
            "Cargo.lock",
            format!("[[package]]\nname = \"tokenizers\"\nversion = \"0.1.0\"\nchecksum = \"{sha256}\"\n"),
        ),
        (
            "go.sum",
            format!("github.com/acme/token v1.2.3 h1:{go_hash}=\n"),
        ),
        (
            "settings.py",
            "SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\npassword = get_password()\napi_key: str = settings.API_KEY\nTOKEN = process.env.TOKEN\n".to_string(),
        ),
        (
            "config.yaml",
            format!(
                "api_key: ${{API_KEY}}\npassword: changeme\ntoken: <your-token>\nsecret_version_id: {uuid}\ndeploy_token_sha: {sha1}\ndb: postgres://user:password@localhost/app\n"
            ),
        ),
        (
            "i18n/de.json",
            "{\"password\": \"Passwort\", \"password_hint\": \"auth.password.hint\", \"token_label\": \"TOKEN_LABEL_TEXT\"}\n".to_string(),
        ),
        (
            "docs/keys.md",
            "Keys start with `-----BEGIN RSA PRIVATE KEY-----` and then...\n\nSPECKLE_SERVER=https://app.speckle.systems\nSPELL_OWNER=acme\n".to_string(),
        ),
        (
            "icon.css",
            format!(".token-icon {{ background: url(\"data:image/png;base64,iVBORw0KGgo{}\"); }}\n", chars.take(BASE64, 60)),
        ),
    ];
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let (code, report, _) = scan_json(dir.path());
    assert_eq!(code, 0, "unexpected findings: {:?}", rules_of(&report));
}

#[test]
fn rules_list_holds_the_catalog() {
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let list = String::from_utf8(output.stdout).unwrap();
    for id in [
        "speckle-token",
        "spell-token",
        "github-pat",
        "gitlab-pat",
        "aws-access-key-id",
        "private-key-openssh",
        "jwt",
        "generic-password",
    ] {
        assert!(
            list.lines().any(|l| l.split('\t').next() == Some(id)),
            "{id} is not listed"
        );
    }
    assert!(list.lines().count() >= 90, "{} rules", list.lines().count());
}

#[test]
fn speckle_and_spell_tokens_inside_a_kubernetes_secret_are_found() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let mut chars = Chars(0x5bec_c1e5_9e11_0001);
    let speckle = chars.take(HEX, 42);
    let spell = chars.take(BASE62, 32);
    let env = format!("SPECKLE_TOKEN={speckle}\nSPELL_TOKEN={spell}\n");
    let encoded = base64::engine::general_purpose::STANDARD.encode(env);
    std::fs::write(
        dir.path().join("secret.yaml"),
        format!(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: viewer-env\ndata:\n  dotenv: {encoded}\n"
        ),
    )
    .unwrap();
    let (code, report, stdout) = scan_json(dir.path());
    assert_eq!(code, 1);
    let rules: BTreeSet<String> = rules_of(&report).into_iter().map(|(r, _)| r).collect();
    assert!(rules.contains("speckle-token"), "{rules:?}");
    assert!(rules.contains("spell-token"), "{rules:?}");
    assert!(!stdout.contains(&speckle) && !stdout.contains(&spell));
    let line = report["findings"][0]["line"].as_u64();
    assert_eq!(line, Some(6), "reported at the encoded line");
}
