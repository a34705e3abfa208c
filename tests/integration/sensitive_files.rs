//! Sensitive-file rules (`rules/files.toml`) through the real binary: each kind of file is
//! reported by `leakgate scan` under its rule, and look-alikes (a certificate in a `.pem`,
//! an `.npmrc` that reads its token from the environment) are not.

use assert_cmd::Command;

/// Key-shaped text built at run time, so the repository holds no key block.
fn pem(label: &str) -> String {
    let dashes = "-".repeat(5);
    format!("{dashes}BEGIN {label}{dashes}\nMIIBOgIBAAJBAK\n{dashes}END {label}{dashes}\n")
}

/// Terraform state (format 4) with no resource and no output, as Terraform writes it after
/// `destroy`, and as test fixtures hold it.
const EMPTY_STATE: &str = r#"{"version": 4, "terraform_version": "1.9.0", "serial": 7, "lineage": "3f1c2a9b", "outputs": {}, "resources": [], "check_results": null}"#;
/// The same in format 3 (Terraform before 0.12).
const EMPTY_STATE_V3: &str = r#"{"version": 3, "serial": 1, "modules": [{"path": ["root"], "outputs": {}, "resources": {}}]}"#;

/// Terraform state recording a database whose password the provider marks sensitive.
fn state_with_a_password() -> Vec<u8> {
    serde_json::json!({
        "version": 4,
        "terraform_version": "1.9.0",
        "serial": 3,
        "lineage": "3f1c2a9b",
        "outputs": {"db_endpoint": {"value": "db.internal:5432", "type": "string"}},
        "resources": [
            {
                "mode": "managed",
                "type": "aws_db_instance",
                "name": "main",
                "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                "instances": [{
                    "schema_version": 2,
                    "attributes": {"id": "db-1", "username": "app", "password": "pw-value-in-clear"},
                    "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]
                }]
            },
            {
                "mode": "managed",
                "type": "aws_s3_bucket",
                "name": "logs",
                "instances": [{"attributes": {"id": "logs"}, "sensitive_attributes": []}]
            }
        ]
    })
    .to_string()
    .into_bytes()
}

fn scan_file_rules(files: &[(&str, Vec<u8>)]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "file")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn each_sensitive_file_kind_is_reported_under_its_rule() {
    let private_key = format!("{} PRIVATE KEY", "RSA");
    let npm_token = format!("npm_{}", "q7Lm2Xv9Rt4Wz8Kp3Bn6Yc1Hd5Fs0Gj2Ae9U");
    let service_account = format!(
        "{{\"type\": \"service_account\", \"private_key\": \"{}\", \"client_email\": \"a@b.iam.gserviceaccount.com\"}}",
        pem(&format!("{} KEY", "PRIVATE")).replace('\n', "\\n")
    );
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("Speckle/Accounts.db", b"SQLite format 3\0".to_vec()),
        ("home/Speckle/Accounts/a1.json", b"{}".to_vec()),
        (".spell/config", b"token: x\n".to_vec()),
        (".ssh/id_ed25519", b"key\n".to_vec()),
        ("tls/server.key", pem(&private_key).into_bytes()),
        (
            "deploy.ppk",
            b"PuTTY-User-Key-File-3: ssh-ed25519\n".to_vec(),
        ),
        (
            "signing.p12",
            vec![0x30, 0x82, 0x0a, 0x00, 0x02, 0x01, 0x03],
        ),
        ("app/release.jks", vec![0xfe, 0xed, 0xfe, 0xed, 0x00, 0x00]),
        (".git-credentials", b"https://u:p@example.org\n".to_vec()),
        (
            ".npmrc",
            format!("//registry.npmjs.org/:_authToken={npm_token}\n").into_bytes(),
        ),
        (
            ".pypirc",
            format!(
                "[pypi]\nusername = __token__\npassword = {}\n",
                ["pypi", "AgEI"].join("-")
            )
            .into_bytes(),
        ),
        ("keys/project-1a2b.json", service_account.into_bytes()),
        ("infra/terraform.tfstate", state_with_a_password()),
        ("infra/terraform.tfstate.backup", state_with_a_password()),
        (
            ".netrc",
            // Built at run time so that our own tree scans clean.
            ["machine example.org login me password ", "hunter", "22\n"]
                .concat()
                .into_bytes(),
        ),
        ("public/.htpasswd", b"admin:$apr1$abc$def\n".to_vec()),
        (
            ".kube/config",
            // Built at run time so that no token-shaped literal is committed.
            format!(
                "users:\n- name: ci\n  user:\n    token: {}{}\n",
                "abcdefgh", "12345678"
            )
            .into_bytes(),
        ),
    ];
    let found = scan_file_rules(&files);
    let expected: Vec<(String, String)> = [
        (".git-credentials", "git-credentials-file"),
        (".kube/config", "kubeconfig-credentials"),
        (".netrc", "netrc-password"),
        (".npmrc", "npmrc-auth"),
        (".pypirc", "pypirc-password"),
        (".spell/config", "spell-config"),
        (".ssh/id_ed25519", "ssh-private-key-file"),
        ("Speckle/Accounts.db", "speckle-accounts-db"),
        ("app/release.jks", "java-keystore-file"),
        ("deploy.ppk", "putty-private-key-file"),
        ("home/Speckle/Accounts/a1.json", "speckle-accounts-json"),
        ("infra/terraform.tfstate", "terraform-state-file"),
        ("infra/terraform.tfstate.backup", "terraform-state-file"),
        ("keys/project-1a2b.json", "gcp-service-account-key-file"),
        ("public/.htpasswd", "htpasswd-file"),
        ("signing.p12", "pkcs12-keystore-file"),
        ("tls/server.key", "private-key-file"),
    ]
    .iter()
    .map(|(p, r)| (p.to_string(), r.to_string()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn look_alikes_are_not_reported() {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("tls/ca.pem", pem("CERTIFICATE").into_bytes()),
        ("tls/pub.key", pem("PUBLIC KEY").into_bytes()),
        (".ssh/id_ed25519.pub", b"ssh-ed25519 AAAA me\n".to_vec()),
        (
            ".npmrc",
            b"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n".to_vec(),
        ),
        (".pypirc", b"[pypi]\nusername = __token__\n".to_vec()),
        (
            "credentials.json",
            b"{\"installed\": {\"client_id\": \"x\"}}".to_vec(),
        ),
        (".netrc", b"machine example.org login me\n".to_vec()),
        (
            "kubeconfig",
            b"users:\n- name: sso\n  user:\n    exec:\n      command: aws\n".to_vec(),
        ),
        (
            "pkg/kubeconfig.go",
            b"package pkg\n\ttoken: tokenFromFlags,\n".to_vec(),
        ),
        ("main.tf", b"resource \"x\" \"y\" {}\n".to_vec()),
        // Sensitive files shown to hold nothing (issue 16, item 6).
        ("testdata/empty.tfstate", EMPTY_STATE.as_bytes().to_vec()),
        ("testdata/v3.tfstate", EMPTY_STATE_V3.as_bytes().to_vec()),
        (
            "android/debug.keystore",
            vec![0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 0],
        ),
        ("certs/placeholder.p12", Vec::new()),
        (
            "deploy/id_rsa",
            b"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ deploy@ci\n".to_vec(),
        ),
    ];
    assert_eq!(scan_file_rules(&files), Vec::<(String, String)>::new());
}

#[test]
fn a_terraform_state_finding_names_its_resources_and_sensitive_attributes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("terraform.tfstate"),
        state_with_a_password(),
    )
    .unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "terraform-state-file");
    assert_eq!(
        finding["title"],
        "Terraform state (terraform.tfstate): holds 2 resources: aws_db_instance.main (sensitive: password), aws_s3_bucket.logs; 1 output: db_endpoint"
    );
    assert!(
        !out.stdout.windows(17).any(|w| w == b"pw-value-in-clear"),
        "the state's value was printed"
    );
}

/// The CI gate and the hook over a repository whose test fixtures hold empty state files:
/// only the state that records resources is reported.
#[test]
fn the_gate_and_the_hook_report_only_state_that_holds_resources() {
    let repo = crate::support::sandbox::Repo::new();
    repo.write("README.md", "infra\n");
    repo.commit_all("init");
    repo.write(
        "internal/command/testdata/apply/terraform.tfstate",
        EMPTY_STATE,
    );
    repo.write("internal/states/testdata/v3.tfstate", EMPTY_STATE_V3);
    repo.write(
        "app/debug.keystore",
        [0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 0],
    );
    repo.commit_all("fixtures");
    let gate = |range: &str| {
        let out = crate::support::sandbox::leakgate()
            .args(["history", "--format", "json", range])
            .current_dir(repo.path())
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["title"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(gate("HEAD~1..HEAD"), Vec::<String>::new());

    repo.write("prod/terraform.tfstate", state_with_a_password());
    repo.git(&["add", "-A"]);
    let run = repo.staged_in(repo.path(), &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("aws_db_instance.main (sensitive: password)"),
        "{}",
        run.stdout
    );
    repo.git(&["commit", "-q", "--no-verify", "-m", "prod state"]);
    let titles = gate("HEAD~1..HEAD");
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert!(
        titles[0].contains("aws_db_instance.main (sensitive: password)"),
        "{titles:?}"
    );
}

/// Runs `openssl` in `dir`; the test suite's dependencies (scripts/test-deps.sh) install it.
fn openssl(dir: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl runs (scripts/test-deps.sh installs it)");
    assert!(status.success(), "openssl {args:?} failed");
}

/// PKCS#12 files as `openssl pkcs12 -export` writes them (issue 16 item 6): a store with a
/// private key is a finding that says what it holds; a trust store of certificates in the
/// clear is not; certificates under a password are reported, since they cannot be listed.
#[test]
fn pkcs12_files_are_reported_by_what_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&tree).unwrap();
    openssl(
        &work,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
            "-days",
            "2",
            "-subj",
            "/CN=leakgate-test",
        ],
    );
    let out = |name: &str| tree.join(name).to_string_lossy().into_owned();
    let (with_key, trust_clear, trust_encrypted) =
        (out("signing.p12"), out("truststore.p12"), out("ca.pfx"));
    openssl(
        &work,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            "key.pem",
            "-in",
            "cert.pem",
            "-passout",
            "pass:changeit",
            "-out",
            &with_key,
        ],
    );
    openssl(
        &work,
        &[
            "pkcs12",
            "-export",
            "-nokeys",
            "-in",
            "cert.pem",
            "-certpbe",
            "NONE",
            "-passout",
            "pass:",
            "-out",
            &trust_clear,
        ],
    );
    openssl(
        &work,
        &[
            "pkcs12",
            "-export",
            "-nokeys",
            "-in",
            "cert.pem",
            "-passout",
            "pass:changeit",
            "-out",
            &trust_encrypted,
        ],
    );
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", ".", "--format", "json"])
        .current_dir(&tree)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "ca.pfx");
    assert!(
        found[0].1.contains("1 password-encrypted part"),
        "{found:?}"
    );
    assert_eq!(found[1].0, "signing.p12");
    assert!(found[1].1.contains("1 private key"), "{found:?}");
}

/// A key block with a body the key rules take: 64-character base64 lines of bytes that
/// open with `magic` and then look random (built at run time).
fn full_pem(label: &str, magic: &[u8]) -> String {
    use base64::Engine;
    let mut bytes = magic.to_vec();
    let mut state = 0x853c_49e6_748f_ea9bu64;
    while bytes.len() < 240 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.push((state >> 40) as u8);
    }
    let body = base64::engine::general_purpose::STANDARD.encode(bytes);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let d = "-".repeat(5);
    format!(
        "{d}BEGIN {label}{d}\n{}\n{d}END {label}{d}\n",
        lines.join("\n")
    )
}

/// One secret, one finding: a key file whose key the key rules report is not reported a
/// second time as a sensitive file (issue 13).
#[test]
fn a_key_file_and_its_key_are_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            ".ssh/id_ed25519",
            full_pem("OPENSSH PRIVATE KEY", b"openssh-key-v1\0"),
        ),
        (
            "tls/server.key",
            full_pem(&format!("{} PRIVATE KEY", "RSA"), &[2, 1, 0]),
        ),
    ];
    for (path, content) in &files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    let want = [
        (".ssh/id_ed25519", "private-key-openssh", "secret"),
        ("tls/server.key", "private-key-rsa", "secret"),
    ]
    .map(|(p, r, k)| (p.to_string(), r.to_string(), k.to_string()));
    assert_eq!(found, want);
}
