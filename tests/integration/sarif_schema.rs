//! Our SARIF validates against the SARIF 2.1.0 JSON schema and meets what GitHub code
//! scanning requires (SPEC §3), for every kind of finding: secrets in files, secrets with
//! the commit that introduced them, secrets in commit messages, and sensitive files.
//!
//! The schema is not committed: `scripts/test-deps.sh` installs it from a pinned PyPI
//! package. These tests fail, not skip, when it is missing.

use crate::support::json;
use crate::support::sandbox::leakgate;
use crate::support::sarif;
use crate::support::tokens::{anthropic_key, base62};
use leakgate::finding::{fingerprint, CommitInfo, Finding, FindingKind, LineContext, Secret};
use sarif::{assert_github_accepts, assert_schema_valid, validator};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

/// A user rule for a sensitive file, so that the binary reports a `file` finding whatever the
/// built-in file rules are (the extension is made up).
const SENSITIVE_FILE_RULE: &str = r#"
[[rule]]
id = "test-sensitive-file"
title = "Test key store"
path = '''\.lgkeys$'''
path_examples = ["release.lgkeys"]
path_negative_examples = ["release.txt"]
remediation = "Remove the key store from the repository and rotate its keys."
"#;

#[test]
fn sarif_from_the_binary_validates_with_secret_and_file_findings() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (anthropic_key(1), anthropic_key(2));
    write(dir.path(), "src/settings.py", format!("KEY = \"{a}\"\n"));
    write(dir.path(), "docs/my notes #1/é.md", format!("key: {b}\n"));
    write(
        dir.path(),
        "android/release.lgkeys",
        b"\xfe\xed\xfe\xed binary",
    );
    write(dir.path(), "ci/rules.toml", SENSITIVE_FILE_RULE);
    write(
        dir.path(),
        ".leakgate.toml",
        "[rules]\nextra = [\"ci/rules.toml\"]\n",
    );
    let out = leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains(&a) && !text.contains(&b),
        "secrets are redacted"
    );
    let sarif = json(text.as_bytes());
    assert_schema_valid(&sarif);
    assert_github_accepts(&sarif);

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3, "{sarif:#}");
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(&"android/release.lgkeys"), "{uris:?}");
    assert!(uris.contains(&"src/settings.py"), "{uris:?}");
    assert!(
        uris.contains(&"docs/my%20notes%20%231/%C3%A9.md"),
        "{uris:?}"
    );
    let settings = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/settings.py"
        })
        .unwrap();
    assert_eq!(
        settings["partialFingerprints"]["leakgateFingerprint/v1"],
        fingerprint("anthropic-api-key", &a).to_string()
    );
    assert_eq!(
        settings["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 8 + a.len()})
    );
}

#[test]
fn sarif_without_findings_validates() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "nothing to see\n");
    let out = leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let sarif = json(&out.stdout);
    assert_schema_valid(&sarif);
    assert_github_accepts(&sarif);
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
}

fn commit(id_seed: u64) -> CommitInfo {
    CommitInfo {
        id: base62(id_seed, 40).to_lowercase(),
        author: "A. Developer".into(),
        email: "dev@example.org".into(),
        date: "2026-01-02T03:04:05Z".into(),
        summary: "Add settings".into(),
        ..CommitInfo::default()
    }
}

fn secret_finding(
    path: Option<&str>,
    line: usize,
    secret: &str,
    commit: Option<CommitInfo>,
) -> Finding {
    Finding {
        rule: "anthropic-api-key".into(),
        kind: FindingKind::Secret,
        title: "Anthropic API key".into(),
        path: path.map(Into::into),
        line: Some(line),
        column: Some(5),
        secret: Some(Secret::new(secret)),
        context: Some(Box::new(LineContext {
            before: "key=".into(),
            ..LineContext::default()
        })),
        fingerprint: fingerprint("anthropic-api-key", secret),
        commit: commit.map(Box::new),
        verification: None,
        remediation: Some("Revoke it.".into()),
        repository: None,
        merged: None,
    }
}

/// Commit findings come from `leakgate history`; the SARIF writer is driven directly here so
/// that every kind of finding is covered, including a rule that is not in the rule set.
#[test]
fn sarif_validates_for_commit_findings_commit_messages_and_file_findings() {
    let (a, b, c) = (anthropic_key(3), anthropic_key(4), anthropic_key(5));
    let findings = vec![
        secret_finding(Some("config/app.yml"), 3, &a, Some(commit(1))),
        // In a commit message: no path.
        secret_finding(None, 2, &b, Some(commit(2))),
        // Standard input: no path, no commit.
        secret_finding(None, 1, &c, None),
        Finding {
            rule: "dotenv-file".into(),
            kind: FindingKind::File,
            title: ".env file that git would commit".into(),
            path: Some("services/api/.env".into()),
            line: None,
            column: None,
            secret: None,
            context: None,
            fingerprint: fingerprint("dotenv-file", "services/api/.env"),
            commit: Some(Box::new(commit(3))),
            verification: None,
            remediation: None,
            repository: None,
            merged: None,
        },
    ];
    let rules = leakgate::rules::RuleSet::builtin().unwrap();
    let suppressed = Default::default();
    let report = leakgate::report::Report {
        findings: &findings,
        summary: leakgate::report::Summary::default(),
        skipped: &Default::default(),
        suppressed: &suppressed,
        unused: &[],
        rules: &rules,
    };
    let options = leakgate::report::ReportOptions {
        format: leakgate::cli::Format::Sarif,
        show_secrets: false,
        color: false,
        quiet: false,
        purpose: leakgate::report::Purpose::Scan,
    };
    let mut out = Vec::new();
    leakgate::report::write(&report, &options, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    for secret in [&a, &b, &c] {
        assert!(!text.contains(secret.as_str()), "secrets are redacted");
    }
    let sarif = json(text.as_bytes());
    assert_schema_valid(&sarif);
    assert_github_accepts(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let uri_of = |r: &Value| {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        uri_of(&results[1]),
        format!("commit-message/{}", commit(2).id)
    );
    assert!(results[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains(&commit(1).id));
    assert_eq!(uri_of(&results[3]), "services/api/.env");
    // A rule missing from the rule set still gets a complete descriptor.
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().any(|r| r["id"] == "dotenv-file"));
}

/// What a test breaks in a SARIF document, and how.
type Breakage = (&'static str, fn(&mut Value));

/// The validator is not vacuous: broken SARIF fails it.
#[test]
fn the_schema_check_rejects_broken_sarif() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", format!("{}\n", anthropic_key(6)));
    let out = leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "sarif"])
        .output()
        .unwrap();
    let good = json(&out.stdout);
    let validator = validator();
    assert!(validator.is_valid(&good));
    let breakages: [Breakage; 4] = [
        ("version", |s| s["version"] = Value::from("2.0.0")),
        ("uri", |s| {
            s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"] = Value::from("a file with spaces.txt")
        }),
        ("message", |s| {
            s["runs"][0]["results"][0]
                .as_object_mut()
                .unwrap()
                .remove("message");
        }),
        ("startLine", |s| {
            s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                Value::from(0)
        }),
    ];
    for (what, breakage) in breakages {
        let mut bad = good.clone();
        breakage(&mut bad);
        assert!(!validator.is_valid(&bad), "a broken {what} passed");
    }
}
