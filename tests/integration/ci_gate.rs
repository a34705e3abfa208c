//! The CI gate for a pull request, as docs/adoption.md describes it:
//! `leakgate history origin/main..HEAD --format sarif --output leakgate.sarif` in a clone
//! with an `origin`, and the scan step of the GitHub Action (`scripts/action-run.sh`) driven
//! with the environment GitHub gives it.

use crate::support::json;
use crate::support::sandbox::{write_file, Sandbox};
use crate::support::sarif;
use crate::support::tokens::anthropic_key;
use leakgate::finding::fingerprint;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RULE: &str = "anthropic-api-key";

/// A clone of a bare `origin` whose `main` already holds an old secret, checked out on a
/// feature branch: the state of a CI job for a pull request. The sandbox's repository is the
/// one that seeded `origin`.
struct PullRequest {
    sandbox: Sandbox,
    clone: PathBuf,
}

impl PullRequest {
    fn new() -> PullRequest {
        let sandbox = Sandbox::new();
        let top = sandbox.dir.path();
        let origin = top.join("origin.git");
        let clone = top.join("clone");
        sandbox.git_in(top, &["init", "-q", "--bare", "-b", "main", "origin.git"]);
        sandbox.write("README.md", "# service\n");
        sandbox.write(
            "legacy/settings.py",
            &format!("KEY = '{}'\n", anthropic_key(1)),
        );
        sandbox.commit("Initial import");
        sandbox.git(&["remote", "add", "origin", origin.to_str().unwrap()]);
        sandbox.git(&["push", "-q", "origin", "main"]);
        sandbox.git_in(top, &["clone", "-q", origin.to_str().unwrap(), "clone"]);
        sandbox.git_in(&clone, &["checkout", "-q", "-b", "feature"]);
        PullRequest { sandbox, clone }
    }

    fn git(&self, dir: &Path, args: &[&str]) -> String {
        self.sandbox.git_in(dir, args)
    }

    /// Writes `files` and commits them on the feature branch; returns the commit id.
    fn commit(&self, files: &[(&str, String)], message: &str) -> String {
        for (path, text) in files {
            write_file(&self.clone, path, text);
        }
        self.sandbox.commit_in(&self.clone, message)
    }

    /// `leakgate ARGS` in the clone, with `NO_COLOR` unset as in a plain terminal.
    fn leakgate(&self, args: &[&str]) -> Output {
        self.sandbox
            .leakgate_command_in(&self.clone)
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .unwrap()
    }

    /// The gate of docs/adoption.md; returns the exit code and the SARIF it wrote.
    fn gate(&self, extra: &[&str]) -> (i32, serde_json::Value) {
        let mut args = vec![
            "history",
            "origin/main..HEAD",
            "--format",
            "sarif",
            "--output",
            "leakgate.sarif",
        ];
        args.extend_from_slice(extra);
        let out = self.leakgate(&args);
        let code = out.status.code().unwrap();
        assert_ne!(code, 2, "{}", String::from_utf8_lossy(&out.stderr));
        let sarif = json(&fs::read(self.clone.join("leakgate.sarif")).unwrap());
        fs::remove_file(self.clone.join("leakgate.sarif")).unwrap();
        (code, sarif)
    }
}

fn results(sarif: &serde_json::Value) -> &Vec<serde_json::Value> {
    sarif["runs"][0]["results"].as_array().unwrap()
}

fn uri(result: &serde_json::Value) -> &str {
    result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
}

#[test]
fn the_gate_reports_what_the_pull_request_adds_and_nothing_older() {
    let pr = PullRequest::new();
    let added = anthropic_key(2);
    let commit = pr.commit(
        &[("app/config.py", format!("TOKEN = '{added}'\n"))],
        "Add config",
    );
    let (code, sarif) = pr.gate(&[]);
    assert_eq!(code, 1);
    sarif::assert_schema_valid(&sarif);
    sarif::assert_github_accepts(&sarif);
    let results = results(&sarif);
    assert_eq!(results.len(), 1, "only the new secret: {sarif:#}");
    assert_eq!(uri(&results[0]), "app/config.py");
    assert_eq!(
        results[0]["partialFingerprints"]["leakgateFingerprint/v1"],
        fingerprint(RULE, &added).to_string()
    );
    assert!(
        results[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains(&commit),
        "the result names the commit that added it"
    );
    let text = serde_json::to_string(&sarif).unwrap();
    assert!(!text.contains(&added), "redacted");
}

#[test]
fn a_clean_pull_request_passes_the_gate() {
    let pr = PullRequest::new();
    pr.commit(
        &[("docs/notes.md", "Nothing secret here.\n".into())],
        "Docs",
    );
    // Touching the file that holds the old secret does not report it again.
    pr.commit(
        &[(
            "legacy/settings.py",
            format!("KEY = '{}'\nDEBUG = False\n", anthropic_key(1)),
        )],
        "Settings",
    );
    let (code, sarif) = pr.gate(&[]);
    assert_eq!(code, 0, "{sarif:#}");
    sarif::assert_schema_valid(&sarif);
    assert!(results(&sarif).is_empty());
}

#[test]
fn the_gate_honours_a_history_baseline_leakgateignore_and_allow_paths() {
    let pr = PullRequest::new();
    // The team records the history as it is, and commits the baseline.
    let out = pr.leakgate(&["baseline", "leakgate-baseline.json", "--history"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let baseline = json(&fs::read(pr.clone.join("leakgate-baseline.json")).unwrap());
    assert_eq!(
        baseline["findings"][0]["fingerprint"],
        fingerprint(RULE, &anthropic_key(1)).to_string()
    );
    let ignored = anthropic_key(3);
    let fresh = anthropic_key(4);
    pr.commit(
        &[
            // The old secret, copied: in the baseline.
            (
                "moved/settings.py",
                format!("KEY = '{}'\n", anthropic_key(1)),
            ),
            // Listed in .leakgateignore.
            ("tools/sample.py", format!("SAMPLE = '{ignored}'\n")),
            (
                ".leakgateignore",
                format!("{}\n", fingerprint(RULE, &ignored)),
            ),
            // Under an allowed path.
            ("tests/fixtures/keys.txt", format!("{}\n", anthropic_key(5))),
            (
                ".leakgate.toml",
                "[allow]\npaths = [\"tests/fixtures/**\"]\n".into(),
            ),
        ],
        "Adopt leakgate",
    );
    let (code, sarif) = pr.gate(&["--baseline", "leakgate-baseline.json"]);
    assert_eq!(code, 0, "{sarif:#}");
    pr.commit(&[("app/new.py", format!("K = '{fresh}'\n"))], "New");
    let (code, sarif) = pr.gate(&["--baseline", "leakgate-baseline.json"]);
    assert_eq!(code, 1);
    let results = results(&sarif);
    assert_eq!(results.len(), 1, "{sarif:#}");
    assert_eq!(uri(&results[0]), "app/new.py");
}

// ---- the GitHub Action's scan step ----

fn action_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/action-run.sh")
}

/// Runs the action's scan step in the clone with GitHub's environment for `event`.
fn run_action(pr: &PullRequest, env: &[(&str, &str)]) -> (Output, String) {
    let bin_dir = assert_cmd::cargo::cargo_bin("leakgate")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let outputs = pr.clone.join("github-output.txt");
    fs::write(&outputs, "").unwrap();
    let mut command = Command::new("bash");
    command
        .arg(action_script())
        .current_dir(&pr.clone)
        .env("PATH", path)
        .env("HOME", &pr.sandbox.home)
        .env("GITHUB_OUTPUT", &outputs)
        .env("LEAKGATE_FORMAT", "sarif")
        .env("LEAKGATE_OUTPUT", "leakgate.sarif");
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().unwrap();
    let written = fs::read_to_string(&outputs).unwrap();
    fs::remove_file(&outputs).unwrap();
    (out, written)
}

#[test]
fn the_action_scans_a_pull_request_range_and_reports_the_exit_code_as_an_output() {
    let pr = PullRequest::new();
    let base = pr.git(&pr.clone, &["rev-parse", "origin/main"]);
    pr.commit(
        &[("app/a.py", format!("A = '{}'\n", anthropic_key(6)))],
        "A",
    );
    let head = pr.git(&pr.clone, &["rev-parse", "HEAD"]);
    let (out, outputs) = run_action(
        &pr,
        &[
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("PR_BASE_SHA", &base),
            ("PR_HEAD_SHA", &head),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Findings do not fail this step: the upload runs first, a later step fails the job.
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    assert!(
        outputs.contains(&format!("range={base}..{head}\n")),
        "{outputs}"
    );
    assert!(
        stdout.contains("::error::leakgate: secrets found"),
        "{stdout}"
    );
    let sarif = json(&fs::read(pr.clone.join("leakgate.sarif")).unwrap());
    sarif::assert_schema_valid(&sarif);
    assert_eq!(results(&sarif).len(), 1);
}

#[test]
fn the_action_audits_everything_for_a_new_branch_and_passes_extra_arguments() {
    let pr = PullRequest::new();
    pr.commit(&[("docs/a.md", "hello\n".into())], "Docs");
    let head = pr.git(&pr.clone, &["rev-parse", "HEAD"]);
    let zeros = "0".repeat(40);
    let (out, outputs) = run_action(
        &pr,
        &[
            ("GITHUB_EVENT_NAME", "push"),
            ("PUSH_BEFORE", &zeros),
            ("GITHUB_SHA", &head),
            ("LEAKGATE_ARGS", "--quiet --threads 2"),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        outputs.contains("range=\n"),
        "a whole-history audit: {outputs}"
    );
    // The audit finds the old secret on main.
    assert!(outputs.contains("exit-code=1\n"), "{outputs}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("--quiet --threads 2"), "{stdout}");
}

#[test]
fn the_action_fails_clearly_in_a_shallow_clone() {
    let pr = PullRequest::new();
    pr.commit(&[("docs/a.md", "hello\n".into())], "Docs");
    let head = pr.git(&pr.clone, &["rev-parse", "HEAD"]);
    let (out, outputs) = run_action(
        &pr,
        &[
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("PR_BASE_SHA", &"1".repeat(40)),
            ("PR_HEAD_SHA", &head),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(outputs.contains("exit-code=2"), "{outputs}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("fetch-depth: 0"), "{stdout}");
}

#[test]
fn action_yml_runs_the_tested_script_and_declares_its_inputs() {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    assert!(text.contains("using: composite"));
    assert!(text.contains("scripts/action-run.sh"));
    assert!(text.contains("github/codeql-action/upload-sarif@"));
    for input in [
        "range:",
        "format:",
        "output:",
        "args:",
        "upload-sarif:",
        "fail-on-findings:",
        "install:",
    ] {
        assert!(text.contains(&format!("\n  {input}")), "input {input}");
    }
    // Inputs reach shell code only through the environment: `${{ inputs.x }}` appears as a
    // whole `KEY: value` (an `env:` or `with:` entry) or in an `if:` condition, never inside
    // a `run:` script.
    for line in text.lines().filter(|l| l.contains("inputs.")) {
        let line = line.trim();
        let whole_value = line.split_once(": ").is_some_and(|(_, value)| {
            value.starts_with("${{ inputs.")
                && value.ends_with("}}")
                && value.matches("${{").count() == 1
        });
        assert!(
            whole_value || line.starts_with("if:"),
            "an input spliced into shell code: {line}"
        );
    }
}
