//! The `leakgate` hook of `.pre-commit-hooks.yaml`, run by the real pre-commit framework: a
//! commit holding a token is refused while a clean one goes through.
//!
//! The hook runs the binary under test (see `support::sandbox::leakgate_bin`), not a build
//! of this checkout's `HEAD`: the test copies our `.pre-commit-hooks.yaml` into a throwaway
//! hook repository with `language: rust` changed to `language: system`, so that pre-commit
//! runs the entry (`leakgate staged`) from `PATH`, where the test puts the binary under test.
//! Everything else in the manifest (entry, arguments, stages, `pass_filenames`) is ours as
//! committed. pre-commit keeps its cache in a private folder, so the test leaves nothing
//! behind.

use crate::support::sandbox::{leakgate_bin, Sandbox};
use crate::support::tokens::token;
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

/// A command with the sandbox's git isolation and what pre-commit needs: its private cache,
/// and `bin` (holding `leakgate`) first on `PATH`. pre-commit is a Python program whose
/// user site-packages may live under the real `HOME`, so `HOME` stays; the developer's git
/// configuration and global excludes stay out through `GIT_CONFIG_GLOBAL` and the
/// sandbox's `XDG_CONFIG_HOME`.
fn with_env(sandbox: &Sandbox, program: &str, pre_commit_home: &Path, bin: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(&sandbox.root);
    sandbox.isolate(&mut cmd);
    if let Some(home) = std::env::var_os("HOME") {
        cmd.env("HOME", home);
    }
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("PRE_COMMIT_HOME", pre_commit_home)
        .env("PRE_COMMIT_COLOR", "never")
        .env("PATH", path);
    cmd
}

fn shown(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A hook repository in `dir` holding our `.pre-commit-hooks.yaml` with its hooks made
/// `language: system`; returns its commit id.
fn hook_repository(sandbox: &Sandbox, dir: &Path) -> String {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(checkout.join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml");
    assert!(
        manifest.contains("language: rust"),
        "the manifest no longer declares `language: rust`; update this test"
    );
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join(".pre-commit-hooks.yaml"),
        manifest.replace("language: rust", "language: system"),
    )
    .unwrap();
    sandbox.git_in(dir, &["init", "-q", "-b", "main"]);
    sandbox.commit_in(dir, "hooks")
}

#[test]
fn pre_commit_framework_blocks_a_token_and_passes_a_clean_commit() {
    require_pre_commit();
    let sandbox = Sandbox::new();
    let top = sandbox.dir.path();
    let hooks = top.join("hooks");
    let rev = hook_repository(&sandbox, &hooks);
    let bin = top.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(leakgate_bin(), bin.join("leakgate")).unwrap();
    let cache = top.join("pre-commit-cache");

    sandbox.write(
        ".pre-commit-config.yaml",
        &format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: leakgate\n",
            hooks.display()
        ),
    );
    sandbox.commit("pre-commit config");

    let out = with_env(&sandbox, "pre-commit", &cache, &bin)
        .arg("install")
        .output()
        .unwrap();
    assert!(out.status.success(), "pre-commit install: {}", shown(&out));

    sandbox.write("app.py", &format!("KEY = \"{}\"\n", token(50)));
    sandbox.git(&["add", "app.py"]);
    let out = with_env(&sandbox, "git", &cache, &bin)
        .args(["commit", "-q", "-m", "leak"])
        .output()
        .unwrap();
    let text = shown(&out);
    assert!(!out.status.success(), "a token was committed: {text}");
    assert!(text.contains("app.py:1"), "{text}");
    assert!(!text.contains(&token(50)), "the secret was printed whole");

    sandbox.write("app.py", "KEY = os.environ[\"KEY\"]\n");
    sandbox.git(&["add", "app.py"]);
    let out = with_env(&sandbox, "git", &cache, &bin)
        .args(["commit", "-q", "-m", "clean"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a clean commit was refused: {}",
        shown(&out)
    );
}

/// The `leakgate-commit-msg` hook of `.pre-commit-hooks.yaml` in the framework's commit-msg
/// stage (issue 16, item 10): a token pasted into a message is stopped at `git commit`.
#[test]
fn pre_commit_framework_commit_msg_stage_blocks_a_token_in_the_message() {
    require_pre_commit();
    let sandbox = Sandbox::new();
    let top = sandbox.dir.path();
    let hooks = top.join("hooks");
    let rev = hook_repository(&sandbox, &hooks);
    let bin = top.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(leakgate_bin(), bin.join("leakgate")).unwrap();
    let cache = top.join("pre-commit-cache");

    sandbox.write(
        ".pre-commit-config.yaml",
        &format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: leakgate-commit-msg\n",
            hooks.display()
        ),
    );
    sandbox.commit("pre-commit config");
    let out = with_env(&sandbox, "pre-commit", &cache, &bin)
        .args(["install", "-t", "commit-msg"])
        .output()
        .unwrap();
    assert!(out.status.success(), "pre-commit install: {}", shown(&out));

    sandbox.write("a.txt", "hello\n");
    sandbox.git(&["add", "a.txt"]);
    let secret = token(33);
    let out = with_env(&sandbox, "git", &cache, &bin)
        .args(["commit", "-q", "-m", &format!("ship it {secret}")])
        .output()
        .unwrap();
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

    let out = with_env(&sandbox, "git", &cache, &bin)
        .args(["commit", "-q", "-m", "add a.txt"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "a clean message was refused: {}",
        shown(&out)
    );
}
