//! The `leakgate` hook of `.pre-commit-hooks.yaml`, run by the real pre-commit framework:
//! pre-commit builds this checkout (its HEAD commit) with `cargo install`, installs its git
//! hook, and a commit holding a token is refused while a clean one goes through.
//!
//! The build reuses this checkout's target folder with a faster release profile, and
//! pre-commit keeps its cache in a private folder, so the test leaves nothing behind.

mod git_support;

use git_support::{isolate, token, Repo};
use std::path::Path;
use std::process::{Command, Output};

/// Fails (never skips) when pre-commit is missing: CI installs it.
fn require_pre_commit() {
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .map(|out| out.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "the pre-commit framework is not installed: run `pip install pre-commit`"
    );
}

/// A command with the environment pre-commit and its cargo build need.
fn with_env(mut cmd: Command, pre_commit_home: &Path) -> Command {
    isolate(&mut cmd);
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    cmd.env("PRE_COMMIT_HOME", pre_commit_home)
        .env("CARGO_TARGET_DIR", checkout.join("target"))
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("PRE_COMMIT_COLOR", "never");
    cmd
}

fn shown(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn pre_commit_framework_blocks_a_token_and_passes_a_clean_commit() {
    require_pre_commit();
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = {
        let mut cmd = Command::new("git");
        isolate(&mut cmd);
        let out = cmd
            .args(["rev-parse", "HEAD"])
            .current_dir(checkout)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", shown(&out));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let home = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: leakgate\n",
            checkout.display()
        ),
    );
    repo.commit_all("pre-commit config");

    let mut install = with_env(Command::new("pre-commit"), home.path());
    let out = install
        .arg("install")
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "pre-commit install: {}", shown(&out));

    repo.write("app.py", format!("KEY = \"{}\"\n", token(50)));
    repo.git(&["add", "app.py"]);
    let mut commit = with_env(Command::new("git"), home.path());
    let out = commit
        .args(["commit", "-q", "-m", "leak"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let text = shown(&out);
    assert!(!out.status.success(), "a token was committed: {text}");
    assert!(text.contains("app.py:1"), "{text}");
    assert!(!text.contains(&token(50)), "the secret was printed whole");

    repo.write("app.py", "KEY = os.environ[\"KEY\"]\n");
    repo.git(&["add", "app.py"]);
    let mut commit = with_env(Command::new("git"), home.path());
    let out = commit
        .args(["commit", "-q", "-m", "clean"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a clean commit was refused: {}",
        shown(&out)
    );
}

/// The `leakgate-commit-msg` hook of `.pre-commit-hooks.yaml`, in the framework's
/// commit-msg stage. The hook definitions are this checkout's, copied into a throwaway hook
/// repository with only `language` changed to `system`, so that the framework runs the
/// binary under test (on `PATH`) instead of building this crate again; stage, entry and
/// file passing are exactly what users get.
#[test]
fn pre_commit_framework_commit_msg_stage_blocks_a_token_in_the_message() {
    require_pre_commit();
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hooks = std::fs::read_to_string(checkout.join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("stages: [commit-msg]"), "{hooks}");
    let system: String = hooks
        .lines()
        .map(|line| match line.trim_start().strip_prefix("language:") {
            Some(_) => "  language: system".to_string(),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let hook_repo = Repo::new();
    hook_repo.write(".pre-commit-hooks.yaml", system + "\n");
    hook_repo.commit_all("hooks");
    let rev = hook_repo.git(&["rev-parse", "HEAD"]).trim().to_string();

    let home = tempfile::tempdir().unwrap();
    let repo = Repo::new();
    repo.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: leakgate-commit-msg\n",
            hook_repo.path().display()
        ),
    );
    repo.commit_all("pre-commit config");
    let bin_dir = git_support::leakgate_bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let run = |program: &str, args: &[&str]| {
        let mut cmd = with_env(Command::new(program), home.path());
        cmd.args(args)
            .current_dir(repo.path())
            .env("PATH", &path)
            .output()
            .unwrap()
    };
    let out = run("pre-commit", &["install", "-t", "commit-msg"]);
    assert!(out.status.success(), "pre-commit install: {}", shown(&out));

    repo.write("a.txt", "hello\n");
    repo.git(&["add", "a.txt"]);
    let secret = token(33);
    let out = run("git", &["commit", "-q", "-m", &format!("ship it {secret}")]);
    let text = shown(&out);
    assert!(!out.status.success(), "the message was recorded: {text}");
    assert!(
        text.contains("commit blocked: 1 secret in the commit message"),
        "{text}"
    );
    assert!(
        !text.contains(&secret),
        "the secret was printed whole: {text}"
    );

    let out = run("git", &["commit", "-q", "-m", "add a.txt"]);
    assert!(
        out.status.success(),
        "a clean message was refused: {}",
        shown(&out)
    );
}
