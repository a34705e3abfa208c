//! `pre-commit run --all-files` checks every tracked file (issue 16 item 7), run by the real
//! pre-commit framework with the `leakgate` hook's settings from `.pre-commit-hooks.yaml`
//! (`pass_filenames: true`, `require_serial: true`) and the binary under test as its entry
//! (a `language: system` hook, so the test does not rebuild the crate inside pre-commit).

use crate::support::sandbox::{isolate, leakgate_bin, Repo};
use crate::support::tokens::token;
use std::path::Path;
use std::process::{Command, Output};

/// The `leakgate` hook's entry in `.pre-commit-hooks.yaml`, from its `- id: leakgate` line
/// to the next hook.
fn published_hook() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let start = text.find("- id: leakgate\n").expect("the leakgate hook");
    let rest = &text[start + 1..];
    let end = rest.find("\n- id:").map_or(rest.len(), |i| i + 1);
    rest[..end].to_string()
}

fn pre_commit(repo: &Repo, home: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new("pre-commit");
    isolate(&mut cmd);
    cmd.env("PRE_COMMIT_HOME", home)
        .env("PRE_COMMIT_COLOR", "never")
        .args(args)
        .current_dir(repo.path())
        .output()
        .expect("pre-commit runs (installed by scripts/test-deps.sh)")
}

fn shown(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn pre_commit_all_files_scans_every_tracked_file() {
    let hook = published_hook();
    for setting in [
        "pass_filenames: true",
        "require_serial: true",
        "entry: leakgate staged",
    ] {
        assert!(hook.contains(setting), "{setting} missing from:\n{hook}");
    }
    let home = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: local\n    hooks:\n      - id: leakgate\n        name: leakgate\n        entry: {} staged\n        language: system\n        pass_filenames: true\n        require_serial: true\n        always_run: true\n",
            leakgate_bin().display()
        ),
    );
    // A token committed before the hook existed, in a file nobody touches again.
    repo.write("old/settings.py", format!("KEY = \"{}\"\n", token(60)));
    repo.write("README.md", "hello\n");
    repo.commit_all("before the hook");

    // A normal run checks what is staged: nothing new here, so it passes.
    repo.write("README.md", "hello again\n");
    repo.git(&["add", "README.md"]);
    let out = pre_commit(&repo, home.path(), &["run"]);
    assert!(out.status.success(), "{}", shown(&out));

    // --all-files passes every tracked file: the old token is found.
    let out = pre_commit(&repo, home.path(), &["run", "--all-files"]);
    let text = shown(&out);
    assert!(!out.status.success(), "--all-files passed: {text}");
    assert!(text.contains("old/settings.py:1"), "{text}");
    assert!(!text.contains(&token(60)), "the secret was printed whole");
}
