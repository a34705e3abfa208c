//! Suppression as a team adopting leakgate uses it (SPEC §6): inline markers,
//! `.leakgateignore`, `leakgate baseline` and `--baseline`, `--report-unused`, and the
//! summary saying what was suppressed and by what.

use crate::support::json;
use crate::support::sandbox::leakgate;
use crate::support::tokens::anthropic_key;
use leakgate::finding::fingerprint;
use std::fs;
use std::path::Path;

const RULE: &str = "anthropic-api-key";

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = leakgate().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scan_json(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["scan", ".", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(dir, &args);
    assert_ne!(code, 2, "stderr: {stderr}");
    (code, json(stdout.as_bytes()))
}

fn fingerprints_of(report: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

// ---- inline markers ----

#[test]
fn inline_markers_silence_their_line_and_are_counted_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.py",
        format!(
            "A = '{}'  # leakgate:allow\nB = '{}'  # gitleaks:allow\nC = '{}'\n",
            anthropic_key(1),
            anthropic_key(2),
            anthropic_key(3)
        ),
    );
    let (code, stdout, _) = run(dir.path(), &["scan", ".", "--color", "never"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("a.py:3:6"), "{stdout}");
    assert!(!stdout.contains("a.py:1:"), "{stdout}");
    assert!(!stdout.contains("a.py:2:"), "{stdout}");
    let summary = stdout.lines().last().unwrap();
    assert!(
        summary.contains("2 suppressed (2 by inline leakgate:allow)"),
        "{summary}"
    );
}

// ---- .leakgateignore ----

#[test]
fn leakgateignore_lists_fingerprints_with_comments() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (anthropic_key(4), anthropic_key(5), anthropic_key(6));
    write(dir.path(), "one.txt", format!("{a}\n"));
    write(dir.path(), "two.txt", format!("{b}\n"));
    write(dir.path(), "three.txt", format!("{c}\n"));
    write(
        dir.path(),
        ".leakgateignore",
        format!(
            "# revoked on 2026-01-02, kept in old fixtures\n{}\n\n   {}   # test account\n",
            fingerprint(RULE, &a),
            fingerprint(RULE, &b).to_string().to_uppercase()
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        fingerprints_of(&report),
        [fingerprint(RULE, &c).to_string()]
    );
    assert_eq!(report["summary"]["suppressed"][".leakgateignore"], 2);
}

#[test]
fn a_bad_leakgateignore_line_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".leakgateignore",
        "# header\n0123456789abcdef\nnot-a-fingerprint\n",
    );
    let (code, _, stderr) = run(dir.path(), &["scan", "."]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(".leakgateignore: line 3: `not-a-fingerprint`"),
        "{stderr}"
    );
}

#[test]
fn a_new_secret_on_a_suppressed_line_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (anthropic_key(7), anthropic_key(8));
    write(dir.path(), "settings.py", format!("TOKEN = '{old}'\n"));
    write(
        dir.path(),
        ".leakgateignore",
        format!("{}\n", fingerprint(RULE, &old)),
    );
    let (code, _) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0, "the old secret is suppressed");
    // Same file, same line, same column: a different secret.
    write(dir.path(), "settings.py", format!("TOKEN = '{new}'\n"));
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1, "fingerprints name secrets, not places");
    assert_eq!(
        fingerprints_of(&report),
        [fingerprint(RULE, &new).to_string()]
    );
    assert_eq!(report["findings"][0]["line"], 1);
}

#[test]
fn the_repository_leakgateignore_applies_when_scanning_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let a = anthropic_key(9);
    write(dir.path(), "src/a.txt", format!("{a}\n"));
    write(
        dir.path(),
        ".leakgateignore",
        format!("{}\n", fingerprint(RULE, &a)),
    );
    let (code, _, stderr) = run(dir.path(), &["scan", "src"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&dir.path().join("src"), &["scan", "."]);
    assert_eq!(code, 0, "{stderr}");
}

// ---- baselines ----

#[test]
fn baseline_command_writes_a_redacted_json_report_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (anthropic_key(10), anthropic_key(11));
    write(dir.path(), "legacy/old.txt", format!("{a}\n{b}\n"));
    let (code, _, stderr) = run(dir.path(), &["baseline", "leakgate-baseline.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("wrote a baseline of 2 findings to leakgate-baseline.json"),
        "{stderr}"
    );
    let text = fs::read_to_string(dir.path().join("leakgate-baseline.json")).unwrap();
    assert!(
        !text.contains(&a) && !text.contains(&b),
        "secrets are redacted"
    );
    let baseline = json(text.as_bytes());
    assert_eq!(baseline["schema"], "leakgate.report.v1");
    let mut expected = vec![
        fingerprint(RULE, &a).to_string(),
        fingerprint(RULE, &b).to_string(),
    ];
    expected.sort();
    assert_eq!(fingerprints_of(&baseline), expected);

    // `--format json --output FILE` writes the same findings: it is an equivalent baseline.
    let (code, _, _) = run(
        dir.path(),
        &[
            "scan",
            "legacy",
            "--format",
            "json",
            "--output",
            "by-hand.json",
        ],
    );
    assert_eq!(code, 1);
    let by_hand = json(&fs::read(dir.path().join("by-hand.json")).unwrap());
    assert_eq!(fingerprints_of(&by_hand), expected);
}

#[test]
fn baseline_command_takes_paths() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/a.txt", format!("{}\n", anthropic_key(12)));
    write(dir.path(), "out/b.txt", format!("{}\n", anthropic_key(13)));
    let (code, _, stderr) = run(dir.path(), &["baseline", "base.json", "in"]);
    assert_eq!(code, 0, "{stderr}");
    let baseline = json(&fs::read(dir.path().join("base.json")).unwrap());
    assert_eq!(
        fingerprints_of(&baseline),
        [fingerprint(RULE, &anthropic_key(12)).to_string()]
    );
}

#[test]
fn a_baseline_suppresses_old_findings_and_lets_new_ones_through() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (anthropic_key(14), anthropic_key(15));
    write(dir.path(), "legacy.txt", format!("{old}\n"));
    let (code, _, stderr) = run(dir.path(), &["baseline", "base.json"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, report) = scan_json(dir.path(), &["--baseline", "base.json"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["suppressed"]["baseline"], 1);

    // The old secret copied elsewhere is still the same secret: suppressed.
    write(dir.path(), "copy.txt", format!("x = {old}\n"));
    // A new one is reported.
    write(dir.path(), "new.txt", format!("{new}\n"));
    let (code, report) = scan_json(dir.path(), &["--baseline", "base.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        fingerprints_of(&report),
        [fingerprint(RULE, &new).to_string()]
    );
    assert_eq!(report["summary"]["suppressed"]["baseline"], 2);

    let (code, stdout, _) = run(
        dir.path(),
        &["scan", ".", "--baseline", "base.json", "--color", "never"],
    );
    assert_eq!(code, 1);
    let summary = stdout.lines().last().unwrap();
    assert!(
        summary.starts_with("1 finding in") && summary.contains("2 suppressed (2 by baseline)"),
        "{summary}"
    );
}

#[test]
fn a_baseline_that_is_not_a_json_report_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "nothing\n");
    write(dir.path(), "broken.json", "{ not json");
    write(dir.path(), "other.json", "{\"results\": []}");
    write(
        dir.path(),
        "no-fp.json",
        "{\"schema\": \"leakgate.report.v1\", \"findings\": [{\"rule\": \"x\"}]}",
    );
    write(
        dir.path(),
        "sarif.json",
        "{\"version\": \"2.1.0\", \"runs\": []}",
    );
    for (file, needle) in [
        ("broken.json", "broken.json: not a leakgate JSON report"),
        ("other.json", "no `findings` array"),
        ("no-fp.json", "finding 1 has no valid `fingerprint`"),
        ("sarif.json", "sarif.json: not a leakgate JSON report"),
        ("missing.json", "missing.json: cannot read baseline"),
    ] {
        let (code, _, stderr) = run(dir.path(), &["scan", ".", "--baseline", file]);
        assert_eq!(code, 2, "{file}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(needle), "{file}: {stderr}");
    }
}

// ---- --report-unused ----

#[test]
fn report_unused_lists_stale_entries_without_changing_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let (live, gone_a, gone_b, gone_c) = (
        anthropic_key(16),
        anthropic_key(17),
        anthropic_key(18),
        anthropic_key(19),
    );
    // A baseline taken when `gone_c` was still there.
    write(dir.path(), "old.txt", format!("{gone_c}\n{live}\n"));
    let (code, _, stderr) = run(dir.path(), &["baseline", "base.json"]);
    assert_eq!(code, 0, "{stderr}");
    fs::remove_file(dir.path().join("old.txt")).unwrap();
    write(dir.path(), "kept.txt", format!("{live}\n"));
    write(
        dir.path(),
        ".leakgateignore",
        format!("{}\n", fingerprint(RULE, &gone_a)),
    );
    write(
        dir.path(),
        ".leakgate.toml",
        format!(
            "[allow]\nfingerprints = [\"{}\"]\n",
            fingerprint(RULE, &gone_b)
        ),
    );

    // Clean run (the live secret is in the baseline): unused entries keep exit 0.
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "scan",
            ".",
            "--baseline",
            "base.json",
            "--report-unused",
            "--color",
            "never",
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    let summary_at = lines
        .iter()
        .position(|l| l.starts_with("0 findings in"))
        .expect("summary line");
    let after: Vec<&str> = lines[summary_at + 1..].to_vec();
    assert_eq!(after.len(), 3, "{stdout}");
    for (fp, source) in [
        (fingerprint(RULE, &gone_a).to_string(), ".leakgateignore"),
        (fingerprint(RULE, &gone_b).to_string(), "allow.fingerprints"),
        (fingerprint(RULE, &gone_c).to_string(), "baseline"),
    ] {
        let expected = format!("unused suppression: {fp} in {source}");
        assert!(after.contains(&expected.as_str()), "{expected}\n{stdout}");
    }

    // JSON: `unused_suppressions`, same exit code.
    let (code, report) = scan_json(dir.path(), &["--baseline", "base.json", "--report-unused"]);
    assert_eq!(code, 0);
    let unused = report["unused_suppressions"].as_array().unwrap();
    assert_eq!(unused.len(), 3, "{report}");
    assert!(unused.contains(&serde_json::json!({
        "source": "baseline",
        "fingerprint": fingerprint(RULE, &gone_c).to_string(),
    })));

    // With a finding, the exit code is 1, whatever is unused.
    write(dir.path(), "fresh.txt", format!("{}\n", anthropic_key(20)));
    let (code, report) = scan_json(dir.path(), &["--baseline", "base.json", "--report-unused"]);
    assert_eq!(code, 1);
    assert_eq!(report["unused_suppressions"].as_array().unwrap().len(), 3);

    // Without the flag, nothing about unused entries.
    let (_, report) = scan_json(dir.path(), &["--baseline", "base.json"]);
    assert!(report.get("unused_suppressions").is_none());
}

#[test]
fn an_entry_matched_in_two_lists_is_used_in_both() {
    let dir = tempfile::tempdir().unwrap();
    let a = anthropic_key(21);
    write(dir.path(), "a.txt", format!("{a}\n"));
    let (code, _, _) = run(dir.path(), &["baseline", "base.json"]);
    assert_eq!(code, 0);
    write(
        dir.path(),
        ".leakgateignore",
        format!("{}\n", fingerprint(RULE, &a)),
    );
    let (code, report) = scan_json(dir.path(), &["--baseline", "base.json", "--report-unused"]);
    assert_eq!(code, 0);
    assert!(report.get("unused_suppressions").is_none(), "{report}");
}

#[test]
fn the_summary_names_every_kind_of_suppression() {
    let dir = tempfile::tempdir().unwrap();
    let keys: Vec<String> = (22..27).map(anthropic_key).collect();
    write(dir.path(), "fixtures/a.txt", format!("{}\n", keys[0]));
    write(
        dir.path(),
        "b.txt",
        format!("{} # leakgate:allow\n", keys[1]),
    );
    write(dir.path(), "c.txt", format!("{}\n", keys[2]));
    write(dir.path(), "d.txt", format!("{}\n", keys[3]));
    write(dir.path(), "e.txt", format!("{}\n", keys[4]));
    write(
        dir.path(),
        ".leakgate.toml",
        format!(
            "[allow]\npaths = [\"fixtures/\"]\nsecrets = ['''^{}''']\nfingerprints = [\"{}\"]\n",
            &keys[2][..24],
            fingerprint(RULE, &keys[3])
        ),
    );
    write(
        dir.path(),
        ".leakgateignore",
        format!("{}\n", fingerprint(RULE, &keys[4])),
    );
    let (code, stdout, _) = run(dir.path(), &["scan", ".", "--color", "never"]);
    assert_eq!(code, 0, "{stdout}");
    let summary = stdout.lines().last().unwrap();
    assert!(
        summary.contains(
            "5 suppressed (1 by inline leakgate:allow, 1 by allow.paths, 1 by allow.secrets, \
             1 by allow.fingerprints, 1 by .leakgateignore)"
        ),
        "{summary}"
    );
}
