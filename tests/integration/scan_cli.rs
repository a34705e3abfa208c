//! `leakgate scan` driven as a user would: real binary, temporary directories.

use crate::support::json;
use crate::support::sandbox::leakgate;
use crate::support::tokens::github_pat;
use std::fs;
use std::path::Path;

/// `leakgate scan ARGS` run in `dir`.
fn scan_in(dir: &Path, args: &[&str]) -> std::process::Output {
    leakgate()
        .current_dir(dir)
        .arg("scan")
        .args(args)
        .output()
        .unwrap()
}

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

#[test]
fn a_token_is_reported_with_every_json_field_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let token = github_pat(1);
    write(
        dir.path(),
        "src/settings.py",
        format!("DEBUG = True\nTOKEN = \"{token}\"\n"),
    );
    let out = scan_in(dir.path(), &[".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out.stdout);
    assert_eq!(report["schema"], "leakgate.report.v1");
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "github-pat");
    assert_eq!(finding["kind"], "secret");
    assert_eq!(finding["path"], "src/settings.py");
    assert_eq!(finding["line"], 2);
    assert_eq!(finding["column"], 10);
    assert_eq!(finding["secret"], "ghp_…(40)");
    assert_eq!(finding["commit"], serde_json::Value::Null);
    assert!(finding["title"].as_str().unwrap().contains("GitHub"));
    assert!(finding["remediation"]
        .as_str()
        .unwrap()
        .contains("github.com"));
    assert!(
        finding.get("verification").is_none(),
        "no verification without --verify"
    );
    let fp = finding["fingerprint"].as_str().unwrap();
    assert_eq!(
        fp,
        leakgate::finding::fingerprint("github-pat", &token).to_string()
    );
    assert_eq!(report["summary"]["findings"], 1);
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn a_clean_tree_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.rs",
        "fn main() { println!(\"hello\"); }\n",
    );
    leakgate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(0);
}

#[test]
fn the_full_secret_never_appears_without_show_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let token = github_pat(2);
    write(dir.path(), "a.env.txt", format!("A={token}\n"));
    for format in ["human", "json", "jsonl", "sarif", "html"] {
        for color in ["never", "always"] {
            let out = scan_in(dir.path(), &[".", "--format", format, "--color", color]);
            assert_eq!(out.status.code(), Some(1), "{format}");
            let all = [out.stdout, out.stderr].concat();
            let text = String::from_utf8_lossy(&all);
            assert!(!text.contains(&token), "{format}/{color} leaked the secret");
            assert!(
                text.contains("ghp_…(40)"),
                "{format}/{color} lacks the redacted form"
            );
        }
    }
    let out = scan_in(dir.path(), &[".", "--format", "json", "--show-secrets"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&token));
}

#[test]
fn two_secrets_on_one_line_never_show_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (github_pat(3), github_pat(4));
    write(dir.path(), "pair.txt", format!("first={a} second={b}\n"));
    let out = scan_in(dir.path(), &[".", "--color", "never"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains(&a) && !text.contains(&b), "{text}");
    assert_eq!(text.matches("github-pat").count(), 2, "{text}");
}

#[test]
fn standard_input_is_scanned() {
    let token = github_pat(5);
    let out = leakgate()
        .args(["scan", "-", "--format", "json"])
        .write_stdin(format!("line one\nexport GH={token}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out.stdout);
    assert_eq!(report["findings"][0]["line"], 2);
    assert_eq!(report["findings"][0]["path"], serde_json::Value::Null);
}

#[test]
fn ignore_files_are_honoured_and_no_ignore_overrides_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".gitignore", "ignored/\n");
    write(
        dir.path(),
        "ignored/secret.txt",
        format!("t={}\n", github_pat(6)),
    );
    write(
        dir.path(),
        ".git/config.txt",
        format!("t={}\n", github_pat(7)),
    );
    leakgate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(0);
    let out = scan_in(dir.path(), &[".", "--no-ignore", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ignored/secret.txt"));
    assert!(
        !text.contains(".git/"),
        ".git itself is never scanned: {text}"
    );
}

#[test]
fn hidden_files_are_scanned() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        format!("env:\n  TOKEN: {}\n", github_pat(8)),
    );
    let out = scan_in(dir.path(), &[".", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(".github/workflows/ci.yml"));
}

#[test]
fn binary_files_are_scanned_unless_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec();
    data.extend_from_slice(format!(" {} ", github_pat(9)).as_bytes());
    write(dir.path(), "app.bin", &data);
    leakgate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(1);
    // `--binary` (the old opt-in) is still accepted.
    leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--binary"])
        .assert()
        .code(1);
    leakgate()
        .current_dir(dir.path())
        .args(["scan", ".", "--no-binary"])
        .assert()
        .code(0);
}

#[test]
fn utf16_text_is_decoded_and_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("REM settings\r\nset TOKEN={}\r\n", github_pat(10));
    let mut data = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_le_bytes());
    }
    write(dir.path(), "settings.bat", &data);
    let out = scan_in(dir.path(), &[".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out.stdout)["findings"][0]["line"], 2);
}

#[test]
fn oversized_files_are_skipped_with_a_warning_and_fail_closed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "big.txt",
        format!("{}\n{}", "x".repeat(2000), github_pat(11)),
    );
    let accepted = scan_in(
        dir.path(),
        &[".", "--max-file-size", "1000", "--accept-skips"],
    );
    assert_eq!(accepted.status.code(), Some(0));
    let out = scan_in(dir.path(), &[".", "--max-file-size", "1000"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("max-file-size"),
        "{stderr}"
    );
}

#[test]
fn symlinks_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "target.txt",
        format!("t={}\n", github_pat(12)),
    );
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("target.txt"),
        dir.path().join("link.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linkdir")).unwrap();
    leakgate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(0);
}

#[test]
fn base64_values_are_decoded_and_reported_at_the_encoded_line() {
    use base64::Engine;
    let dir = tempfile::tempdir().unwrap();
    let encoded = base64::engine::general_purpose::STANDARD.encode(github_pat(13));
    write(
        dir.path(),
        "secret.yaml",
        format!("apiVersion: v1\nkind: Secret\ndata:\n  token: {encoded}\n"),
    );
    let out = scan_in(dir.path(), &[".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out.stdout);
    assert_eq!(report["findings"][0]["rule"], "github-pat");
    assert_eq!(report["findings"][0]["line"], 4);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains(&encoded),
        "the encoded form is a secret too"
    );
}

#[test]
fn inline_allow_markers_silence_a_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.py",
        format!(
            "A = '{}'  # leakgate:allow\nB = '{}'  # gitleaks:allow\n",
            github_pat(14),
            github_pat(15)
        ),
    );
    leakgate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(0);
}

#[test]
fn output_file_receives_the_report() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", format!("{}\n", github_pat(16)));
    let report = dir.path().join("out/report.json");
    fs::create_dir_all(report.parent().unwrap()).unwrap();
    let out = leakgate()
        .current_dir(dir.path())
        .args(["scan", "a.txt", "--format", "json", "--output"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        json(&fs::read(report).unwrap())["findings"][0]["path"],
        "a.txt"
    );
}

#[test]
fn colour_follows_the_color_option() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", format!("{}\n", github_pat(17)));
    let coloured = scan_in(dir.path(), &[".", "--color", "always"]);
    assert!(coloured.stdout.contains(&0x1b));
    let plain = scan_in(dir.path(), &[".", "--color", "never"]);
    assert!(!plain.stdout.contains(&0x1b));
    let auto = leakgate()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["scan", "."])
        .output()
        .unwrap();
    assert!(!auto.stdout.contains(&0x1b));
}

#[test]
fn sarif_output_names_rules_and_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", format!("{}\n", github_pat(18)));
    let out = scan_in(dir.path(), &[".", "--format", "sarif"]);
    let sarif = json(&out.stdout);
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "github-pat");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "github-pat");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.txt"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert!(result["partialFingerprints"]
        .as_object()
        .is_some_and(|m| !m.is_empty()));
}

#[test]
fn jsonl_has_one_object_per_finding_and_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        format!("{}\n{}\n", github_pat(19), github_pat(20)),
    );
    let out = scan_in(dir.path(), &[".", "--format", "jsonl"]);
    let lines: Vec<&[u8]> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        assert_eq!(json(line)["rule"], "github-pat");
    }
}

// ---- bad input: one line naming the file, exit 2 ----

fn assert_one_line_error(out: &std::process::Output, needle: &str) {
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(
        lines[0].contains(needle),
        "`{needle}` missing from: {stderr}"
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = scan_in(dir.path(), &["does-not-exist"]);
    assert_one_line_error(&out, "does-not-exist");
}

/// Scans a folder whose config adds `my-rules.toml` holding `rules`.
fn scan_with_user_rules(rules: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".leakgate.toml",
        "[rules]\nextra = [\"my-rules.toml\"]\n",
    );
    write(dir.path(), "my-rules.toml", rules);
    scan_in(dir.path(), &["."])
}

#[test]
fn a_malformed_rule_file_is_an_error_naming_it() {
    let out = scan_with_user_rules("[[rule]]\nid = \"x\"\ntitle = 5\n");
    assert_one_line_error(&out, "my-rules.toml");
}

#[test]
fn an_invalid_regex_in_a_user_rule_is_an_error_naming_file_and_rule() {
    let out = scan_with_user_rules(
        "[[rule]]\nid = \"mine\"\ntitle = \"Mine\"\nregex = '''(unclosed'''\nkeywords = [\"x\"]\n",
    );
    assert_one_line_error(&out, "my-rules.toml: line 4: rule `mine`: invalid regex");
}

#[test]
fn a_malformed_config_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".leakgate.toml", "[allow\npaths = 3\n");
    let out = scan_in(dir.path(), &["."]);
    assert_one_line_error(&out, ".leakgate.toml");
}

#[test]
fn an_unreadable_file_warns_and_fails_closed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.txt", "nothing here\n");
    write(dir.path(), "locked.txt", "nothing here either\n");
    let locked = dir.path().join("locked.txt");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: drop to an unprivileged user when running as root.
    let mut cmd = if is_root() {
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("leakgate"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("leakgate"))
    };
    let out = cmd
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("locked.txt"), "{stderr}");
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

// ---- rules ----

#[test]
fn rules_check_passes_on_the_built_ins() {
    leakgate().args(["rules", "check"]).assert().code(0);
}

#[test]
fn rules_list_prints_one_rule_per_line() {
    let out = leakgate().args(["rules", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let set = leakgate::rules::RuleSet::builtin().unwrap();
    assert_eq!(text.lines().count(), set.len());
    assert!(text.lines().any(|l| l.starts_with("github-pat\t")));
}

#[test]
fn every_rule_example_is_found_by_the_binary_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let scanner = leakgate::scan::Scanner::new(leakgate::rules::RuleSet::builtin().unwrap());
    // (rule, file, for a fallback rule the line its example's secret is found at)
    let mut expected = Vec::new();
    for (index, rule) in scanner
        .rules()
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == leakgate::finding::FindingKind::Secret)
    {
        for (n, example) in rule.spec.examples.iter().enumerate() {
            let rel = match rule.spec.path_examples.first() {
                Some(path) => format!("{}-{n}/{path}", rule.id),
                None => format!("{}-{n}/example.txt", rule.id),
            };
            write(dir.path(), &rel, format!("{example}\n"));
            // Where the library reports the example: by the rule itself, or else (deferred)
            // by the rule it defers to.
            let own_line = rule.spec.fallback.then(|| {
                let found = scanner.scan(None, example.as_bytes());
                found
                    .iter()
                    .find(|m| m.rule == index)
                    .or_else(|| found.first())
                    .map_or(0, |m| m.line as u64)
            });
            expected.push((rule.id.clone(), rel, own_line));
        }
    }
    let out = scan_in(dir.path(), &[".", "--no-ignore", "--format", "jsonl"]);
    // (rule, path, line) of every finding.
    let found: Vec<(String, String, u64)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v = json(l.as_bytes());
            (
                v["rule"].as_str().unwrap().to_string(),
                v["path"].as_str().unwrap_or("").to_string(),
                v["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut missing = Vec::new();
    for (rule, rel, own_line) in &expected {
        let in_file: Vec<_> = found.iter().filter(|(_, p, _)| p == rel).collect();
        let ok = if let Some(line) = own_line {
            // A fallback rule (a base64-wrapped PEM key) defers to the specific rule that
            // reports the same secret (`private-key-rsa` for the decoded RSA key), as the
            // recall test counts it: the secret is reported exactly once, at the line where
            // the rule finds it (the encoded line), by this rule or the one it defers to.
            in_file.len() == 1 && in_file[0].2 == *line
        } else {
            in_file.iter().any(|(r, _, _)| **r == **rule)
        };
        if !ok {
            missing.push((rule, rel, in_file));
        }
    }
    assert!(
        missing.is_empty(),
        "examples not found by the binary (rule, file, findings in the file): {missing:?}"
    );
}
