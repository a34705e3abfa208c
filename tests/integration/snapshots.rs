//! Snapshots of what users and scripts read: the four report formats of one small history
//! audit, and `--help` of every command (docs/spec.md §1 and §3).
//!
//! The snapshots live in `tests/integration/snapshots/`, one `.snap` file each. Text that
//! changes from run to run is replaced before comparing: the sandbox's temporary folder
//! (`[TEMP]`), commit ids (`[COMMIT]`, `[SHORT-COMMIT]`), elapsed time (`[ELAPSED]`) and the
//! crate version (`[VERSION]`). Everything else is exact, so a change to an output format or
//! a help text shows up here as a diff to review.
//!
//! When an output changes on purpose, update the snapshots and review the diff:
//!
//! ```text
//! INSTA_UPDATE=always cargo test --test integration snapshots::
//! git diff tests/integration/snapshots/
//! ```
//!
//! or, with `cargo install cargo-insta`, `cargo insta test --review` (or
//! `cargo insta accept` after a failing run left `.snap.new` files). Neither is needed to
//! run the tests. On a mismatch the test fails; with `CI=true` (set by `.ci/run` and by CI
//! services) insta writes no `.snap.new` file and a missing snapshot fails too.

use crate::support::sandbox::Sandbox;
use crate::support::tokens::github_pat;
use std::process::Output;

/// Seconds of the sandbox's first commit date: fixed, so dates in reports are stable.
const CLOCK: i64 = 1_767_225_600;

/// A repository with one committed token and one committed `.env` file: a `secret` and a
/// `file` finding, both with a commit.
fn small_repository() -> Sandbox {
    let sandbox = Sandbox::new().with_clock(CLOCK);
    sandbox.write("README.md", "A small project.\n");
    sandbox.commit("Initial commit");
    sandbox.write(
        "app/settings.py",
        &format!(
            "DEBUG = False\nGITHUB_TOKEN = \"{}\"\nTIMEOUT = 30\n",
            github_pat(42)
        ),
    );
    sandbox.write(".env", "DEBUG=1\n");
    sandbox.commit("Add settings");
    sandbox
}

/// The filters that make a run's output stable (see the module doc).
fn filters(sandbox: &Sandbox) -> Vec<(String, String)> {
    let temp = regex::escape(&sandbox.dir.path().display().to_string());
    vec![
        (temp, "[TEMP]".into()),
        (r"\b[0-9a-f]{40}\b".into(), "[COMMIT]".into()),
        (
            r"commit [0-9a-f]{12}\b".into(),
            "commit [SHORT-COMMIT]".into(),
        ),
        (
            r#""elapsed_ms": ?\d+"#.into(),
            r#""elapsed_ms": "[ELAPSED]""#.into(),
        ),
        (r"\bin \d+ ms\b".into(), "in [ELAPSED] ms".into()),
        (
            format!(
                r#""semanticVersion": ?"{}""#,
                regex::escape(env!("CARGO_PKG_VERSION"))
            ),
            r#""semanticVersion": "[VERSION]""#.into(),
        ),
    ]
}

/// The exit code, standard output, and standard error when there is any.
fn shown(out: &Output) -> String {
    let mut text = format!(
        "exit code: {}\n--- stdout\n{}",
        out.status.code().map_or("none".into(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout)
    );
    if !out.stderr.is_empty() {
        text.push_str("--- stderr\n");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    text
}

/// Runs `leakgate ARGS` in the sandbox's repository and compares the result with the
/// snapshot `name`.
fn assert_run(sandbox: &Sandbox, name: &str, args: &[&str]) {
    let out = sandbox
        .leakgate_command()
        .args(args)
        .env("COLUMNS", "100")
        .output()
        .expect("leakgate runs");
    let filters = filters(sandbox);
    let mut settings = insta::Settings::clone_current();
    for (pattern, replacement) in &filters {
        settings.add_filter(pattern, replacement.as_str());
    }
    settings.set_description(format!("leakgate {}", args.join(" ")));
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, shown(&out)));
}

#[test]
fn history_audit_human() {
    assert_run(&small_repository(), "history_human", &["history"]);
}

#[test]
fn history_audit_json() {
    let sandbox = small_repository();
    assert_run(&sandbox, "history_json", &["history", "--format", "json"]);
}

#[test]
fn history_audit_jsonl() {
    let sandbox = small_repository();
    assert_run(&sandbox, "history_jsonl", &["history", "--format", "jsonl"]);
}

#[test]
fn history_audit_sarif() {
    let sandbox = small_repository();
    assert_run(&sandbox, "history_sarif", &["history", "--format", "sarif"]);
}

/// One test per command's `--help`, so that one changed text fails (and updates) alone.
macro_rules! help {
    ($($test:ident => [$($word:literal),*];)*) => {$(
        #[test]
        fn $test() {
            let sandbox = Sandbox::new();
            assert_run(&sandbox, stringify!($test), &[$($word,)* "--help"]);
        }
    )*};
}

help! {
    help_leakgate => [];
    help_staged => ["staged"];
    help_history => ["history"];
    help_scan => ["scan"];
    help_dotenv => ["dotenv"];
    help_verify => ["verify"];
    help_revoke => ["revoke"];
    help_rules => ["rules"];
    help_rules_list => ["rules", "list"];
    help_rules_check => ["rules", "check"];
    help_hook => ["hook"];
    help_hook_install => ["hook", "install"];
    help_hook_push_range => ["hook", "push-range"];
    help_baseline => ["baseline"];
    help_report => ["report"];
    help_report_merge => ["report", "merge"];
}
