//! Helpers shared by the integration tests that drive `leakgate` in temporary git
//! repositories built with the real `git`. Not every test file uses every helper.
#![allow(dead_code)]

use assert_cmd::Command;
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A token the built-in `anthropic-api-key` rule reports, built at run time from `seed` so
/// that no token-shaped string is committed to this repository.
pub fn token(seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let body: String = (0..93)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize] as char
        })
        .collect();
    format!("sk-ant-api{}-{body}AA", "03")
}

/// A temporary repository with an isolated git configuration.
pub struct Repo {
    pub dir: tempfile::TempDir,
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

/// Runs git without the enclosing git's variables or the user's configuration.
pub fn isolate(cmd: &mut std::process::Command) {
    forget_enclosing_git(cmd);
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1");
}

/// The built binary, isolated like [`isolate`] does for git.
pub fn leakgate() -> Command {
    let mut cmd = std::process::Command::new(leakgate_bin());
    isolate(&mut cmd);
    Command::from_std(cmd)
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test User"]);
        repo.git(&["config", "user.email", "test@example.org"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in `dir`, asserting success; returns standard output.
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let mut cmd = std::process::Command::new("git");
        isolate(&mut cmd);
        let out = cmd.args(args).current_dir(dir).output().expect("git runs");
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
        let out = leakgate()
            .arg("staged")
            .args(args)
            .current_dir(dir)
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

/// The path of the built binary, for hooks that must run it.
pub fn leakgate_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("leakgate")
}

/// Runs `git ARGS` in the repository with the built binary first on PATH, as a user who
/// installed leakgate would; returns the output.
pub fn git_with_hook(repo: &Repo, args: &[&str]) -> std::process::Output {
    let bin_dir = leakgate_bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let mut cmd = std::process::Command::new("git");
    isolate(&mut cmd);
    cmd.args(args)
        .current_dir(repo.path())
        .env("PATH", path)
        .output()
        .unwrap()
}

pub fn install_hook(repo: &Repo) {
    let out = leakgate()
        .args(["hook", "install"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "hook install failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A temporary folder holding a repository (`repo/`, initialised on `main`) and a private home
/// (`home/`). Unlike [`Repo`], which points `GIT_CONFIG_GLOBAL` at `/dev/null`, every git and
/// `leakgate` command a `Sandbox` runs gets `HOME` and `XDG_CONFIG_HOME` inside that home: the
/// developer's global config and global excludes never leak into a test, yet a test may give
/// git a global config or excludes file of its own there. Commits are made by a fixed author.
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
