//! Temporary git repositories built with the real `git`, and the binary under test run in
//! them, isolated from the developer's machine: no enclosing git's variables (a hook running
//! `cargo test`), no system or global git configuration, and a private `HOME` and
//! `XDG_CONFIG_HOME`, so the developer's global excludes file never hides a test's file.
//!
//! [`Sandbox`] is the repository helper; [`Repo`] is the older interface of the hook and
//! `staged` tests, now a [`Sandbox`] underneath. The binary under test is the one cargo
//! built, or the program `LEAKGATE_TEST_PROGRAM` names (see [`leakgate_bin`]).
#![allow(dead_code)]

use assert_cmd::Command;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// A temporary repository (a [`Sandbox`]) with the interface the hook tests use: commands
/// that return untrimmed output and a [`Run`].
pub struct Repo {
    sandbox: Sandbox,
}

/// Variables an enclosing git (a hook running `cargo test`) would leak into the commands a
/// test runs.
pub const GIT_VARIABLES: &[&str] = &[
    "GIT_DIR",
    "GIT_INDEX_FILE",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
];

/// Removes the variables of [`GIT_VARIABLES`], so that `cmd` finds its repository from its
/// working folder rather than from an enclosing git.
pub fn forget_enclosing_git(cmd: &mut std::process::Command) {
    for var in GIT_VARIABLES {
        cmd.env_remove(var);
    }
}

/// An empty home shared by the commands that run outside a [`Sandbox`] (below cargo's
/// per-target temporary folder). Nothing writes to it: a test that needs a global git
/// configuration or excludes file of its own uses a [`Sandbox`]'s home.
pub fn shared_home() -> &'static Path {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty-home");
        std::fs::create_dir_all(home.join(".config")).expect("shared test home");
        home
    })
}

/// Runs `cmd` without the enclosing git's variables, the system and global git
/// configuration, the developer's `HOME` (an empty [`shared_home`] instead) or colour.
pub fn isolate(cmd: &mut std::process::Command) {
    forget_enclosing_git(cmd);
    let home = shared_home();
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1");
}

/// The binary under test, isolated like [`isolate`] does for git.
pub fn leakgate() -> Command {
    let mut cmd = std::process::Command::new(leakgate_bin());
    isolate(&mut cmd);
    Command::from_std(cmd)
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo {
            sandbox: Sandbox::new(),
        };
        // Also in the repository's configuration, for git commands run with [`isolate`]
        // rather than the sandbox's identity variables.
        repo.git(&["config", "user.name", "Test User"]);
        repo.git(&["config", "user.email", "test@example.org"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    pub fn path(&self) -> &Path {
        &self.sandbox.root
    }

    /// The sandbox underneath, for its home and its isolation.
    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    /// Runs git in `dir`, asserting success; returns standard output.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let mut cmd = self.sandbox.git_command(dir);
        cmd.env("NO_COLOR", "1");
        let out = cmd.args(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(self.path(), args)
    }

    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, content).unwrap();
    }

    pub fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--no-verify", "-m", message]);
    }

    /// `leakgate staged ARGS` run in `dir`.
    pub fn staged_in(&self, dir: &Path, args: &[&str]) -> Run {
        let out = self
            .sandbox
            .leakgate_command_in(dir)
            .env("NO_COLOR", "1")
            .arg("staged")
            .args(args)
            .output()
            .unwrap();
        Run::from(out)
    }

    pub fn staged(&self, args: &[&str]) -> Run {
        self.staged_in(self.path(), args)
    }
}

/// One run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().expect("exit code"),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Run {
    /// `(path, line)` of every finding in a JSON report.
    pub fn locations(&self) -> Vec<(String, Option<u64>)> {
        let report: serde_json::Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not a JSON report ({e}): {}", self.stdout));
        report["findings"]
            .as_array()
            .expect("findings array")
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap_or_default().to_string(),
                    f["line"].as_u64(),
                )
            })
            .collect()
    }

    pub fn rules(&self) -> Vec<String> {
        let report: serde_json::Value = serde_json::from_str(&self.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    }
}

/// The binary under test: the program `LEAKGATE_TEST_PROGRAM` names (to test a release or
/// an installed build), else the one cargo built for this test run.
pub fn leakgate_bin() -> PathBuf {
    match std::env::var_os("LEAKGATE_TEST_PROGRAM") {
        Some(program) if !program.is_empty() => PathBuf::from(program),
        _ => assert_cmd::cargo::cargo_bin("leakgate"),
    }
}

/// Runs `git ARGS` in the repository with the built binary first on PATH, as a user who
/// installed leakgate would; returns the output.
pub fn git_with_hook(repo: &Repo, args: &[&str]) -> std::process::Output {
    let bin_dir = leakgate_bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut cmd = repo.sandbox().git_command(repo.path());
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("PATH", path)
        .output()
        .unwrap()
}

pub fn install_hook(repo: &Repo) {
    let out = repo
        .sandbox()
        .leakgate_command()
        .args(["hook", "install"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hook install failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A temporary folder holding a repository (`repo/`, initialised on `main`) and a private home
/// (`home/`). Every git and `leakgate` command a `Sandbox` runs gets `HOME` and
/// `XDG_CONFIG_HOME` inside that home: the developer's global config and global excludes
/// never leak into a test, yet a test may give git a global config or excludes file of its
/// own there. Commits are made by a fixed author.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    /// The repository's work tree.
    pub root: PathBuf,
    /// What `HOME` points at; `XDG_CONFIG_HOME` is its `.config`.
    pub home: PathBuf,
    /// With [`Sandbox::with_clock`]: the seconds of the next commit's dates.
    clock: Option<Cell<i64>>,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("repo");
        let home = dir.path().join("home");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(home.join(".config")).unwrap();
        let sandbox = Sandbox {
            dir,
            root,
            home,
            clock: None,
        };
        sandbox.git(&["init", "-q", "-b", "main"]);
        sandbox
    }

    /// Dates git's author and committer at `first` seconds (+0100) and each commit made
    /// with [`Sandbox::commit`] one minute later, so that commit ids and dates are stable.
    pub fn with_clock(mut self, first: i64) -> Sandbox {
        self.clock = Some(Cell::new(first));
        self
    }

    /// Applies the isolation described on [`Sandbox`] to `cmd`.
    pub fn isolate(&self, cmd: &mut std::process::Command) {
        forget_enclosing_git(cmd);
        cmd.env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Ada Lovelace")
            .env("GIT_AUTHOR_EMAIL", "ada@example.org")
            .env("GIT_COMMITTER_NAME", "Ada Lovelace")
            .env("GIT_COMMITTER_EMAIL", "ada@example.org");
    }

    /// An isolated `git` run in `dir`, dated by the clock if there is one.
    pub fn git_command(&self, dir: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new("git");
        self.isolate(&mut cmd);
        cmd.current_dir(dir);
        if let Some(clock) = &self.clock {
            let date = format!("@{} +0100", clock.get());
            cmd.env("GIT_AUTHOR_DATE", &date)
                .env("GIT_COMMITTER_DATE", &date);
        }
        cmd
    }

    /// `git ARGS` in `dir`, whether or not it succeeds.
    pub fn git_output_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.git_command(dir).args(args).output().expect("git runs")
    }

    /// `git ARGS` in the repository, whether or not it succeeds.
    pub fn git_output(&self, args: &[&str]) -> Output {
        self.git_output_in(&self.root, args)
    }

    /// Runs git in `dir`, asserting success; returns standard output, trimmed.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_output_in(dir, args);
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// Runs git in the repository, asserting success; returns standard output, trimmed.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.root, args)
    }

    /// Writes `text` to `rel` in the repository, creating its folders.
    pub fn write(&self, rel: &str, text: &str) {
        write_file(&self.root, rel, text);
    }

    /// Stages everything in `dir` and commits it (even if nothing changed); returns the
    /// commit id.
    pub fn commit_in(&self, dir: &Path, message: &str) -> String {
        self.git_in(dir, &["add", "-A"]);
        self.git_in(dir, &["commit", "-q", "--allow-empty", "-m", message]);
        if let Some(clock) = &self.clock {
            clock.set(clock.get() + 60);
        }
        self.git_in(dir, &["rev-parse", "HEAD"])
    }

    /// Stages everything in the repository and commits it; returns the commit id.
    pub fn commit(&self, message: &str) -> String {
        self.commit_in(&self.root, message)
    }

    /// The built binary, isolated like git and run in `dir`.
    pub fn leakgate_command_in(&self, dir: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new(leakgate_bin());
        self.isolate(&mut cmd);
        cmd.current_dir(dir);
        cmd
    }

    /// The built binary, isolated like git and run in the repository.
    pub fn leakgate_command(&self) -> std::process::Command {
        self.leakgate_command_in(&self.root)
    }
}

/// Writes `text` to `rel` below `dir`, creating its folders.
pub fn write_file(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
