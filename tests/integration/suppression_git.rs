//! `staged` and `history` honour the same suppression as `scan` (SPEC §6): `[allow] paths`,
//! `.leakgateignore` and `--baseline`, plus inline markers, and the summary counts them.

use crate::support::json;
use crate::support::sandbox::Sandbox;
use crate::support::tokens::anthropic_key;
use leakgate::finding::fingerprint;
use std::fs;
use std::process::Output;

const RULE: &str = "anthropic-api-key";

/// A [`Sandbox`] with this module's helpers (a wrapper, since other test modules add
/// helpers of the same names to their own wrappers).
struct Repo(Sandbox);

impl std::ops::Deref for Repo {
    type Target = Sandbox;

    fn deref(&self) -> &Sandbox {
        &self.0
    }
}

impl Repo {
    fn new() -> Repo {
        Repo(Sandbox::new())
    }

    /// `leakgate ARGS` in the repository, with `NO_COLOR` unset as in a plain terminal.
    fn leakgate(&self, args: &[&str]) -> Output {
        self.leakgate_command()
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    }

    /// Runs a command with `--format json`; returns the exit code and the report.
    fn report(&self, args: &[&str]) -> (i32, serde_json::Value) {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--format", "json"]);
        let out = self.leakgate(&all);
        let code = out.status.code().unwrap();
        assert_ne!(code, 2, "{}", String::from_utf8_lossy(&out.stderr));
        (code, json(&out.stdout))
    }

    /// The suppression setup every test shares: a config allowing `fixtures/`, an ignore file
    /// naming `ignored`, and a baseline (taken by hand) naming `baselined`.
    fn adopt(&self, ignored: &str, baselined: &str) {
        self.write(".leakgate.toml", "[allow]\npaths = [\"fixtures/\"]\n");
        self.write(
            ".leakgateignore",
            &format!("# accepted\n{}\n", fingerprint(RULE, ignored)),
        );
        let baseline = serde_json::json!({
            "schema": "leakgate.report.v1",
            "findings": [{"rule": RULE, "fingerprint": fingerprint(RULE, baselined).to_string()}],
        });
        self.write("baseline.json", &baseline.to_string());
    }
}

fn fingerprints(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect()
}

/// The four kinds of suppressed secret plus one that is not: what each test stages or commits.
fn suppressed_and_fresh(repo: &Repo, seeds: [u64; 5]) -> String {
    let [allowed, ignored, baselined, inline, fresh] = seeds.map(anthropic_key);
    repo.adopt(&ignored, &baselined);
    repo.write("fixtures/keys.txt", &format!("{allowed}\n"));
    repo.write("tools/a.py", &format!("A = '{ignored}'\n"));
    repo.write("legacy/b.py", &format!("B = '{baselined}'\n"));
    repo.write("c.py", &format!("C = '{inline}'  # leakgate:allow\n"));
    repo.write("app/d.py", &format!("D = '{fresh}'\n"));
    fresh
}

fn assert_only(report: &serde_json::Value, fresh: &str) {
    assert_eq!(
        fingerprints(report),
        [fingerprint(RULE, fresh).to_string()],
        "{report:#}"
    );
    let suppressed = &report["summary"]["suppressed"];
    for label in [
        "allow.paths",
        ".leakgateignore",
        "baseline",
        "inline leakgate:allow",
    ] {
        assert_eq!(suppressed[label], 1, "{label}: {report:#}");
    }
}

#[test]
fn staged_honours_allow_paths_leakgateignore_baseline_and_inline_markers() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.commit("Initial");
    let fresh = suppressed_and_fresh(&repo, [1, 2, 3, 4, 5]);
    repo.git(&["add", "-A"]);
    let (code, report) = repo.report(&["staged", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    assert_only(&report, &fresh);
    // Unstage the fresh one: the commit may go ahead.
    repo.git(&["rm", "-q", "--cached", "app/d.py"]);
    let (code, report) = repo.report(&["staged", "--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn a_history_audit_honours_allow_paths_leakgateignore_baseline_and_inline_markers() {
    let repo = Repo::new();
    let fresh = suppressed_and_fresh(&repo, [6, 7, 8, 9, 10]);
    repo.commit("Everything");
    let (code, report) = repo.report(&["history", "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    assert_only(&report, &fresh);
}

#[test]
fn a_history_range_honours_allow_paths_leakgateignore_baseline_and_inline_markers() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.commit("Initial");
    let base = repo.git(&["rev-parse", "HEAD"]);
    let fresh = suppressed_and_fresh(&repo, [11, 12, 13, 14, 15]);
    repo.commit("Add");
    let range = format!("{base}..HEAD");
    let (code, report) = repo.report(&["history", &range, "--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    assert_only(&report, &fresh);
}

#[test]
fn baseline_history_records_every_blob_and_report_unused_works_on_history() {
    let repo = Repo::new();
    let (old, gone) = (anthropic_key(16), anthropic_key(17));
    repo.write("a.txt", &format!("{old}\n"));
    repo.commit("Old");
    let out = repo.leakgate(&["baseline", "base.json", "--history"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Deleting the file does not remove the secret from history: still suppressed.
    fs::remove_file(repo.root.join("a.txt")).unwrap();
    repo.write(
        ".leakgateignore",
        &format!("{}\n", fingerprint(RULE, &gone)),
    );
    repo.commit("Remove");
    let (code, report) = repo.report(&["history", "--baseline", "base.json", "--report-unused"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["suppressed"]["baseline"], 1);
    assert_eq!(
        report["unused_suppressions"],
        serde_json::json!([{"source": ".leakgateignore", "fingerprint": fingerprint(RULE, &gone).to_string()}])
    );
    let out = repo.leakgate(&["baseline", "x.json", "--history", "src"]);
    assert_eq!(out.status.code(), Some(2), "--history takes no PATH");
}
