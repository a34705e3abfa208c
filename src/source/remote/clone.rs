//! A whole clone of a repository into a temporary bare repository, removed afterwards.
//!
//! Cloning runs the `git` program (`git clone --bare`) rather than gix's clone: git is
//! what every user's credential helpers, ssh keys and agents, proxies, CA bundles and
//! `url.<base>.insteadOf` rules are configured for, it speaks every transport a forge
//! offers, and leakgate's gix build carries no network client. The object database git
//! writes is then read by the same audit as a local repository.
//!
//! The clone must hold every blob: a partial clone (`--filter`) or a shallow one would
//! leave content unread while the audit says "clean". leakgate never asks for either,
//! and checks the result anyway ([`check_complete`]): no promisor remote, no partial-clone
//! filter, no `shallow` file. (A missing blob would also be counted by the audit and fail
//! the run; this check says why before any scanning.)
//!
//! The temporary folder is removed when the [`Cloned`] is dropped (also on an error), and
//! on Ctrl-C, SIGTERM or SIGHUP: a handler installed with the first clone stops any
//! `git clone` still writing (so that it cannot write the folder again), removes every
//! clone on disk and exits with 130, the shell's code for an interrupt. A `SIGKILL` cannot be caught; the
//! folder then stays in the system's temporary folder, named `leakgate-clone-*`.

use super::credentials::{self, Basic};
use super::{redact_userinfo, RemoteUrl, ALLOWED_PROTOCOLS};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, Once};
use std::time::Duration;

/// A clone on disk now, and the `git clone` still writing it, for the signal handler.
struct Live {
    dir: PathBuf,
    git: Option<Child>,
}

static LIVE_CLONES: Mutex<Vec<Live>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();
/// How often a clone's end is checked: the child is kept where the signal handler can
/// stop it, so it is polled rather than waited on.
const POLL: Duration = Duration::from_millis(20);

/// A temporary bare clone; the folder goes when this is dropped.
pub struct Cloned {
    dir: Option<tempfile::TempDir>,
    git_dir: PathBuf,
}

impl Cloned {
    /// The bare repository.
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }
}

impl Drop for Cloned {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let path = dir.path().to_path_buf();
            forget(&path);
            if let Err(err) = dir.close() {
                super::super::warn(format_args!(
                    "{}: cannot remove the temporary clone: {err}",
                    path.display()
                ));
            }
        }
    }
}

/// Clones `url` whole into a new temporary folder, with `basic` for `http(s)` if given.
/// Errors name the URL as shown and carry git's last message, with any userinfo and the
/// password redacted.
pub fn clone(url: &RemoteUrl, basic: Option<&Basic>) -> anyhow::Result<Cloned> {
    install_interrupt_handler();
    let dir = tempfile::Builder::new()
        .prefix("leakgate-clone-")
        .tempdir()
        .context("cannot make a temporary folder for the clone")?;
    remember(dir.path());
    // From here on, dropping `clone` removes the folder.
    let clone = Cloned {
        git_dir: dir.path().join("repo.git"),
        dir: Some(dir),
    };
    // git's messages go to a file in the temporary folder: read after git ends, and
    // removed with the folder.
    let stderr_path = clone
        .dir
        .as_ref()
        .expect("set above")
        .path()
        .join("git-stderr");
    let stderr = std::fs::File::create(&stderr_path)
        .context("cannot make a temporary file for git's messages")?;
    let mut command = Command::new("git");
    command
        // Every branch and tag, as the server has them; no `--filter`, no `--depth`.
        .args(["clone", "--bare", "--quiet", "--"])
        .arg(url.for_git())
        .arg(&clone.git_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        // Never wait for a password on a terminal; helpers still answer.
        .env("GIT_TERMINAL_PROMPT", "0")
        // `ext::` and other transports that run commands are never allowed.
        .env("GIT_ALLOW_PROTOCOL", ALLOWED_PROTOCOLS)
        .env("LC_ALL", "C");
    // git and the helpers it starts (git-remote-https, fetch-pack, index-pack) in a
    // process group of their own, which the signal handler stops as one.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    if let Some(basic) = basic {
        command.envs(credentials::git_environment(url, basic));
    }
    {
        // Spawned and registered under the lock the signal handler takes: an interrupt
        // between the two would find the folder but not git, remove the folder, and leave
        // git writing it again.
        let mut clones = live();
        let child = command
            .spawn()
            .context("cannot run `git` (is git installed and on PATH?)")?;
        register(&mut clones, &clone.git_dir, child)?;
    }
    let status = wait_registered(&clone.git_dir)?;
    if !status.success() {
        let text = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        let message = scrub(&last_lines(&text, 3), basic);
        bail!("{url}: git clone failed: {message}");
    }
    check_complete(&clone.git_dir).with_context(|| format!("{url}"))?;
    Ok(clone)
}

/// Fails when the clone lacks content: a partial clone (promisor remote, filter) or a
/// shallow one.
pub fn check_complete(git_dir: &Path) -> anyhow::Result<()> {
    let output = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir)
        .args(["config", "--local", "--list"])
        .stdin(Stdio::null())
        .output()
        .context("cannot run `git config`")?;
    let config = String::from_utf8_lossy(&output.stdout).to_ascii_lowercase();
    let partial = config.lines().any(|line| {
        line.starts_with("extensions.partialclone=")
            || (line.starts_with("remote.")
                && (line.contains(".promisor=true") || line.contains(".partialclonefilter=")))
    });
    if partial {
        bail!("the clone is partial (a promisor remote with a filter): blobs would be missing, so it is not audited");
    }
    if git_dir.join("shallow").exists() {
        bail!("the clone is shallow: history would be missing, so it is not audited");
    }
    Ok(())
}

/// The last `n` non-empty lines of git's message, joined by ` / `.
fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let start = lines.len().saturating_sub(n);
    let joined = lines[start..].join(" / ");
    if joined.is_empty() {
        "no message from git".to_string()
    } else {
        joined
    }
}

/// `message` with URL userinfo and the password of `basic` redacted.
fn scrub(message: &str, basic: Option<&Basic>) -> String {
    let mut message = redact_userinfo(message);
    if let Some(password) = basic.map(Basic::password).filter(|p| !p.is_empty()) {
        message = message.replace(password, "***");
    }
    message
}

fn live() -> std::sync::MutexGuard<'static, Vec<Live>> {
    LIVE_CLONES.lock().unwrap_or_else(|e| e.into_inner())
}

fn remember(path: &Path) {
    live().push(Live {
        dir: path.to_path_buf(),
        git: None,
    });
}

fn forget(path: &Path) {
    live().retain(|l| l.dir != path);
}

/// The folder a clone's `git_dir` sits in (the one [`remember`] registered).
fn clone_folder(git_dir: &Path) -> anyhow::Result<&Path> {
    git_dir
        .parent()
        .with_context(|| format!("{}: the clone has no folder", git_dir.display()))
}

/// Keeps the `git clone` writing `git_dir` where the signal handler can stop it before
/// removing the folder.
fn register(clones: &mut [Live], git_dir: &Path, child: Child) -> anyhow::Result<()> {
    let dir = clone_folder(git_dir)?;
    match clones.iter_mut().find(|l| l.dir == dir) {
        Some(entry) => entry.git = Some(child),
        None => bail!("{}: the clone is not registered", dir.display()),
    }
    Ok(())
}

/// Waits for the registered `git clone` writing `git_dir`.
fn wait_registered(git_dir: &Path) -> anyhow::Result<std::process::ExitStatus> {
    let dir = clone_folder(git_dir)?;
    loop {
        {
            let mut clones = live();
            let Some(entry) = clones.iter_mut().find(|l| l.dir == dir) else {
                bail!("interrupted");
            };
            let Some(git) = entry.git.as_mut() else {
                bail!("interrupted");
            };
            if let Some(status) = git.try_wait().context("waiting for `git clone`")? {
                entry.git = None;
                return Ok(status);
            }
        }
        std::thread::sleep(POLL);
    }
}

/// On Ctrl-C, SIGTERM (a CI runner or Kubernetes stopping the job) or SIGHUP, remove
/// every clone on disk and exit 130. The signal may reach leakgate alone (`kill PID`),
/// so the handler stops the `git clone` children itself.
fn install_interrupt_handler() {
    HANDLER.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            // The lock is kept: no clone starts or ends while the folders go.
            let mut clones = live();
            for clone in clones.iter_mut() {
                // git first, or it would write the folder again while it is removed.
                if let Some(git) = clone.git.as_mut() {
                    stop_group(git);
                }
                let _ = std::fs::remove_dir_all(&clone.dir);
            }
            eprintln!("leakgate: interrupted; temporary clones removed");
            std::process::exit(130);
        });
        if let Err(err) = installed {
            super::super::warn(format_args!(
                "cannot catch Ctrl-C ({err}): an interrupted run may leave a leakgate-clone-* folder in the temporary folder"
            ));
        }
    });
}

/// Stops `git` and every process of its group (the helpers it started), then reaps it.
fn stop_group(git: &mut Child) {
    #[cfg(unix)]
    {
        // `kill -s KILL -- -PGID` (the shell's builtin: no procps needed); the group's id is
        // git's pid (`process_group(0)`).
        let _ = Command::new("sh")
            .args(["-c", "kill -s KILL -- \"-$0\"", &git.id().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = git.kill();
    let _ = git.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_lose_passwords_and_userinfo() {
        let basic = Basic::new("x", "tok-999");
        let message = "fatal: https://x:tok-999@h/r.git: denied for tok-999";
        let scrubbed = scrub(message, Some(&basic));
        assert!(!scrubbed.contains("tok-999"), "{scrubbed}");
        assert!(scrubbed.contains("https://***@h/r.git"), "{scrubbed}");
    }

    #[test]
    fn git_messages_are_cut_to_their_last_lines() {
        assert_eq!(last_lines("a\n\nb\nc\nd\n", 2), "c / d");
        assert_eq!(last_lines("", 2), "no message from git");
    }
}
