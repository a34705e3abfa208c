//! `.leakgate.toml` as a user writes it (SPEC §6): every key does what it says, every bad
//! value is one error line naming the file, the line and the key (exit 2), and the file is
//! found at the scan root, the repository root, or through `--config`.

use crate::support::json;
use crate::support::sandbox::leakgate;
use crate::support::tokens::{anthropic_key, base62};
use std::fs;
use std::path::Path;
use std::process::Output;

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

/// A rule file for a made-up `zq_` token, so tests can add rules of their own.
const ZQ_RULES: &str = r#"
[[rule]]
id = "zq-token"
title = "ZQ token"
regex = '''\b(zq_[A-Za-z0-9]{24})\b'''
keywords = ["zq_"]
min_entropy = 3.0
"#;

fn zq_token(seed: u64) -> String {
    format!("zq_{}", base62(seed, 24))
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn scan_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let out = leakgate()
        .current_dir(dir)
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert_ne!(code, 2, "stderr: {}", String::from_utf8_lossy(&out.stderr));
    (code, json(&out.stdout))
}

fn paths_of(report: &serde_json::Value) -> Vec<String> {
    let mut paths: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths
}

// ---- every key works ----

#[test]
fn rules_disable_switches_a_rule_off() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", format!("{}\n", anthropic_key(1)));
    let (code, _) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    write(
        dir.path(),
        ".leakgate.toml",
        "[rules]\ndisable = [\"anthropic-api-key\"]\n",
    );
    let (code, report) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn rules_extra_files_are_relative_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ci/zq.toml", ZQ_RULES);
    write(
        dir.path(),
        ".leakgate.toml",
        "[rules]\nextra = [\"ci/zq.toml\"]\n",
    );
    write(
        dir.path(),
        "src/app.cfg",
        format!("key = {}\n", zq_token(1)),
    );
    let (code, report) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(report["findings"][0]["rule"], "zq-token");

    // The same file through --config from elsewhere: `extra` is relative to the config.
    let other = tempfile::tempdir().unwrap();
    write(
        other.path(),
        "conf/leakgate.toml",
        "[rules]\nextra = [\"zq.toml\"]\n",
    );
    write(other.path(), "conf/zq.toml", ZQ_RULES);
    let config = other.path().join("conf/leakgate.toml");
    let (code, report) = scan_json(dir.path(), &[".", "--config", config.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(report["findings"][0]["rule"], "zq-token");
}

#[test]
fn allow_paths_are_gitignore_style_globs_relative_to_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let key = |n| format!("k = {}\n", anthropic_key(n));
    write(dir.path(), "tests/fixtures/deep/a.txt", key(1));
    write(dir.path(), "snapshots/x.snap", key(2));
    write(dir.path(), "src/keep.snap", key(3));
    write(dir.path(), "docs/guide/build/out.txt", key(4));
    write(dir.path(), "src/real.txt", key(5));
    write(dir.path(), "other/tests/fixtures/b.txt", key(6));
    write(
        dir.path(),
        ".leakgate.toml",
        concat!(
            "[allow]\n",
            "paths = [\n",
            "  \"/tests/fixtures/**\",\n", // anchored at the config's folder
            "  \"*.snap\",\n",             // any depth
            "  \"!src/keep.snap\",\n",     // negation, as in .gitignore
            "  \"build/\",\n",             // a folder at any depth
            "]\n",
        ),
    );
    let (code, report) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        paths_of(&report),
        [
            "other/tests/fixtures/b.txt",
            "src/keep.snap",
            "src/real.txt"
        ]
    );
    assert_eq!(report["summary"]["suppressed"]["allow.paths"], 3);
}

#[test]
fn allow_secrets_are_regexes_on_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (anthropic_key(7), anthropic_key(8));
    write(dir.path(), "a.txt", format!("{a}\n{b}\n"));
    // Allow the first key by a regex that matches only it.
    let prefix = &a[..20];
    write(
        dir.path(),
        ".leakgate.toml",
        format!("[allow]\nsecrets = ['''^{prefix}''']\n"),
    );
    let (code, report) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(report["summary"]["suppressed"]["allow.secrets"], 1);
}

#[test]
fn allow_fingerprints_suppress_that_secret_everywhere_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (anthropic_key(9), anthropic_key(10));
    write(dir.path(), "one.txt", format!("{a}\n"));
    write(dir.path(), "two/three.txt", format!("x = {a}\n"));
    write(dir.path(), "four.txt", format!("{b}\n"));
    let fp = leakgate::finding::fingerprint("anthropic-api-key", &a).to_string();
    write(
        dir.path(),
        ".leakgate.toml",
        format!("[allow]\nfingerprints = [\"{}\"]\n", fp.to_uppercase()),
    );
    let (code, report) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(paths_of(&report), ["four.txt"]);
    assert_eq!(report["summary"]["suppressed"]["allow.fingerprints"], 2);
}

#[test]
fn a_full_config_with_every_key_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ci/zq.toml", ZQ_RULES);
    write(
        dir.path(),
        ".leakgate.toml",
        r#"
[rules]
disable = ["zq-token"]
extra = ["ci/zq.toml"]

[allow]
paths = ["tests/fixtures/**"]
secrets = ['''^sk_test_''']
fingerprints = ["9f2c1e0a7b3d4c55"]

[dotenv]
templates = ["example", "sample", "in"]

[verify]
insecure_hosts = ["speckle.example.org"]
timeout_ms = 2500
concurrency = 2
"#,
    );
    write(dir.path(), "a.txt", format!("{}\n", zq_token(3)));
    let (code, _) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 0, "zq-token is disabled");
    let out = leakgate()
        .current_dir(dir.path())
        .args(["rules", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(!listed.contains("zq-token"), "{listed}");
    assert!(listed.contains("anthropic-api-key"), "{listed}");
}

#[test]
fn verify_endpoints_accept_https_and_loopback_http() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ci/issuer.toml",
        r#"
[[rule]]
id = "zq-token"
title = "ZQ token"
regex = '''\b(zq_[A-Za-z0-9]{24})\b'''
keywords = ["zq_"]

[rule.verify]
endpoint = "zq"
method = "GET"
url = "https://zq.example.org/whoami"
headers = { Authorization = "Bearer {{secret}}" }
live_status = [200]
dead_status = [401]
"#,
    );
    for base in [
        "https://zq.internal.example",
        "http://127.0.0.1:8080",
        "http://localhost:9",
    ] {
        write(
            dir.path(),
            ".leakgate.toml",
            format!("[rules]\nextra = [\"ci/issuer.toml\"]\n[verify]\nendpoints = {{ zq = \"{base}\" }}\n"),
        );
        let (code, _) = scan_json(dir.path(), &["."]);
        assert_eq!(code, 0, "{base}");
    }
}

// ---- bad values: one line naming file, line and key; exit 2 ----

/// Runs `leakgate scan .` in `dir` and checks the error: exit 2, one line, naming `file`,
/// `line N` and every other needle.
fn assert_config_error(dir: &Path, file: &str, line: usize, needles: &[&str]) -> String {
    let out = leakgate()
        .current_dir(dir)
        .args(["scan", "."])
        .output()
        .unwrap();
    check_error(&out, file, line, needles)
}

fn check_error(out: &Output, file: &str, line: usize, needles: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    let message = lines[0];
    assert!(message.starts_with("error: "), "{message}");
    assert!(message.contains(file), "`{file}` missing: {message}");
    assert!(
        message.contains(&format!("line {line}:")),
        "`line {line}` missing: {message}"
    );
    for needle in needles {
        assert!(message.contains(needle), "`{needle}` missing: {message}");
    }
    message.to_string()
}

fn config_error_case(config: &str, line: usize, needles: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".leakgate.toml", config);
    assert_config_error(dir.path(), ".leakgate.toml", line, needles)
}

#[test]
fn an_unknown_key_is_an_error_naming_line_and_key() {
    config_error_case("[allow]\npaths = []\n\nsecret = []\n", 4, &["secret"]);
    config_error_case("[rules]\n[bogus]\nx = 1\n", 2, &["bogus"]);
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_naming_line_and_key() {
    config_error_case(
        "[verify]\nconcurrency = 2\ntimeout_ms = \"5s\"\n",
        3,
        &["verify.timeout_ms", "invalid type"],
    );
    config_error_case("[allow]\npaths = \"tests/**\"\n", 2, &["allow.paths"]);
    config_error_case(
        "[verify]\nendpoints = { speckle = 3 }\n",
        2,
        &["verify.endpoints.speckle"],
    );
}

#[test]
fn a_bad_regex_in_allow_secrets_is_an_error() {
    config_error_case(
        "[allow]\nsecrets = [\n  '^ok',\n  '(unclosed',\n]\n",
        4,
        &["allow.secrets", "invalid regex"],
    );
}

#[test]
fn a_bad_fingerprint_is_an_error() {
    config_error_case(
        "[allow]\nfingerprints = [\n  \"9f2c1e0a7b3d4c55\",\n  \"not-a-fingerprint\",\n]\n",
        4,
        &["allow.fingerprints", "not-a-fingerprint", "16 hex digits"],
    );
}

#[test]
fn an_unknown_rule_id_in_disable_is_an_error() {
    config_error_case(
        "[rules]\ndisable = [\n  \"anthropic-api-key\",\n  \"no-such-rule\",\n]\n",
        4,
        &["rules.disable", "no-such-rule"],
    );
}

#[test]
fn a_missing_extra_rule_file_is_an_error() {
    config_error_case(
        "\n[rules]\nextra = [\"ci/missing.toml\"]\n",
        3,
        &["rules.extra", "ci/missing.toml"],
    );
}

#[test]
fn an_invalid_regex_in_a_user_rule_names_the_rule_file_line_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".leakgate.toml",
        "[rules]\nextra = [\"mine.toml\"]\n",
    );
    write(
        dir.path(),
        "mine.toml",
        "[[rule]]\nid = \"ok\"\ntitle = \"Ok\"\nregex = '''(ok_[a-z]{20})'''\n\n[[rule]]\nid = \"broken\"\ntitle = \"Broken\"\nkeywords = [\"x\"]\nregex = '''(unclosed'''\n",
    );
    assert_config_error(
        dir.path(),
        "mine.toml",
        10,
        &["rule `broken`", "invalid regex"],
    );
}

#[test]
fn a_bad_glob_in_allow_paths_is_an_error() {
    config_error_case(
        "[allow]\npaths = [\n  \"ok/**\",\n  \"bad/{unclosed\",\n]\n",
        4,
        &["allow.paths", "bad glob"],
    );
}

#[test]
fn bad_dotenv_templates_are_errors() {
    config_error_case(
        "[dotenv]\ntemplates = [\"example\", \".sample\"]\n",
        2,
        &["dotenv.templates", ".sample"],
    );
}

#[test]
fn bad_verify_values_are_errors() {
    config_error_case(
        "[verify]\ntimeout_ms = 100\nconcurrency = 0\n",
        3,
        &["verify.concurrency", "at least 1"],
    );
    config_error_case(
        "[verify]\n\ntimeout_ms = 0\n",
        3,
        &["verify.timeout_ms", "at least 1"],
    );
    config_error_case(
        "[verify]\ninsecure_hosts = [\"https://speckle.example.org/\"]\n",
        2,
        &["verify.insecure_hosts", "not a host name"],
    );
    config_error_case(
        "[verify]\nendpoints = { speckle = \"not a url\" }\n",
        2,
        &["verify.endpoints.speckle", "not a URL"],
    );
    config_error_case(
        "[verify]\nendpoints = { speckle = \"http://speckle.example.org\" }\n",
        2,
        &["verify.endpoints.speckle", "loopback"],
    );
}

#[test]
fn an_endpoint_name_that_no_rule_uses_is_an_error() {
    // A misspelt endpoint name would silently send tokens to the default issuer.
    config_error_case(
        "[verify]\nendpoints = { speckel = \"https://speckle.example.org\" }\n",
        2,
        &["verify.endpoints.speckel", "no rule"],
    );
}

#[test]
fn a_missing_config_file_given_with_config_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--config", "nowhere.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("nowhere.toml: cannot read"), "{stderr}");
}

// ---- discovery ----

const DISABLE_ANTHROPIC: &str = "[rules]\ndisable = [\"anthropic-api-key\"]\n";

#[test]
fn the_repository_root_config_applies_when_scanning_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    write(dir.path(), ".leakgate.toml", DISABLE_ANTHROPIC);
    write(
        dir.path(),
        "src/deep/a.txt",
        format!("{}\n", anthropic_key(11)),
    );
    // From the root, scanning a subfolder.
    let (code, _) = scan_json(dir.path(), &["src/deep"]);
    assert_eq!(code, 0);
    // From inside the subfolder, scanning `.`.
    let (code, _) = scan_json(&dir.path().join("src/deep"), &["."]);
    assert_eq!(code, 0);
    // From outside the repository, naming the subfolder.
    let outside = tempfile::tempdir().unwrap();
    let target = dir.path().join("src/deep");
    let (code, _) = scan_json(outside.path(), &[target.to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn the_scan_root_config_applies_and_wins_over_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    // The repository's config allows nothing special; the subproject's disables the rule.
    write(dir.path(), ".leakgate.toml", "[allow]\npaths = []\n");
    write(dir.path(), "sub/.leakgate.toml", DISABLE_ANTHROPIC);
    write(dir.path(), "sub/a.txt", format!("{}\n", anthropic_key(12)));
    let (code, _) = scan_json(dir.path(), &["sub"]);
    assert_eq!(code, 0, "sub/.leakgate.toml applies");
    let (code, _) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 1, "the root config applies to the root scan");
    // A plain folder outside any repository has its own config found too.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), ".leakgate.toml", DISABLE_ANTHROPIC);
    write(plain.path(), "a.txt", format!("{}\n", anthropic_key(13)));
    let (code, _) = scan_json(dir.path(), &[plain.path().to_str().unwrap()]);
    assert_eq!(code, 0);
}

#[test]
fn an_explicit_config_replaces_discovery() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".leakgate.toml", DISABLE_ANTHROPIC);
    write(dir.path(), "ci/strict.toml", "[allow]\npaths = []\n");
    write(dir.path(), "a.txt", format!("{}\n", anthropic_key(14)));
    let (code, _) = scan_json(dir.path(), &["."]);
    assert_eq!(code, 0);
    let (code, _) = scan_json(dir.path(), &[".", "--config", "ci/strict.toml"]);
    assert_eq!(code, 1, "the discovered config is not merged in");
}
