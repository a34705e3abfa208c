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
//! The temporary folder is removed when the [`Clone`] is dropped (also on an error), and
//! on Ctrl-C or SIGTERM: a handler installed with the first clone removes every clone still on disk
//! and exits with 130, the shell's code for SIGINT. A `SIGKILL` cannot be caught; the
//! folder then stays in the system's temporary folder, named `leakgate-clone-*`.

use super::credentials::{self, Basic};
use super::{redact_userinfo, RemoteUrl, ALLOWED_PROTOCOLS};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, Once};

/// Clones on disk now, for the Ctrl-C handler.
static LIVE_CLONES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// A temporary bare clone; the folder goes when this is dropped.
pub struct Clone {
    dir: Option<tempfile::TempDir>,
    git_dir: PathBuf,
}

impl Clone {
    /// The bare repository.
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }
}

impl Drop for Clone {
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
pub fn clone(url: &RemoteUrl, basic: Option<&Basic>) -> anyhow::Result<Clone> {
    install_interrupt_handler();
    let dir = tempfile::Builder::new()
        .prefix("leakgate-clone-")
        .tempdir()
        .context("cannot make a temporary folder for the clone")?;
    remember(dir.path());
    // From here on, dropping `clone` removes the folder.
    let clone = Clone {
        git_dir: dir.path().join("repo.git"),
        dir: Some(dir),
    };
    let mut command = Command::new("git");
    command
        // Every branch and tag, as the server has them; no `--filter`, no `--depth`.
        .args(["clone", "--bare", "--quiet", "--"])
        .arg(url.for_git())
        .arg(&clone.git_dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Never wait for a password on a terminal; helpers still answer.
        .env("GIT_TERMINAL_PROMPT", "0")
        // `ext::` and other transports that run commands are never allowed.
        .env("GIT_ALLOW_PROTOCOL", ALLOWED_PROTOCOLS)
        .env("LC_ALL", "C");
    if let Some(basic) = basic {
        command.envs(credentials::git_environment(url, basic));
    }
    let output = command
        .output()
        .context("cannot run `git` (is git installed and on PATH?)")?;
    if !output.status.success() {
        let message = last_lines(&String::from_utf8_lossy(&output.stderr), 3);
        let message = scrub(&message, basic);
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

fn remember(path: &Path) {
    LIVE_CLONES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(path.to_path_buf());
}

fn forget(path: &Path) {
    LIVE_CLONES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != path);
}

/// On Ctrl-C, SIGTERM (a CI runner or Kubernetes stopping the job) or SIGHUP, remove
/// every clone on disk and exit 130. git, in the same process group, gets Ctrl-C too
/// and stops.
fn install_interrupt_handler() {
    HANDLER.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let clones = std::mem::take(&mut *LIVE_CLONES.lock().unwrap_or_else(|e| e.into_inner()));
            for path in clones {
                let _ = std::fs::remove_dir_all(path);
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
