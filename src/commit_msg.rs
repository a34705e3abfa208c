//! `leakgate hook commit-msg FILE`: the check of a commit message before git records it.
//!
//! `leakgate history` finds a token pasted into a message only once it is in the history,
//! where removing it means rewriting commits. The commit-msg hook (written by `hook
//! install`, or the `leakgate-commit-msg` hook of `.pre-commit-hooks.yaml`) runs this on
//! the message file git hands it, and a secret blocks the commit while the message is still
//! only a file. Findings have no path (SPEC §3: a finding in a commit message has `path:
//! null`) and are suppressed like any other (inline marker, fingerprints, baseline).
//!
//! With `git commit -v`, the message file also holds the staged diff below a scissors line
//! (`# ------------------------ >8 ------------------------`); git drops it from the
//! message, so it is not scanned here (the pre-commit hook checks the staged changes).

use crate::cli::ScanArgs;
use crate::commands::{finish, scanner_for, Work};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline};
use crate::report::Purpose;
use crate::source::{staged, Outcome};
use crate::suppress::Suppressor;
use anyhow::Context;
use std::path::Path;
use std::time::Instant;

/// The line after which git discards the rest of the message file.
const SCISSORS: &[u8] = b"------------------------ >8 ------------------------";

/// Scans the message in `file` and reports as a blocked commit.
pub fn run(common: &ScanArgs, file: &Path) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let text = std::fs::read(file)
        .with_context(|| format!("{}: cannot read the commit message", file.display()))?;
    let message = recorded_part(&text);
    let repo = staged::open(common.repo.as_deref())?;
    let root = staged::root(&repo);
    let mut config = Config::from_scan_args(common, std::slice::from_ref(&root))?;
    config.purpose = Purpose::CommitMessage;
    let scanner = scanner_for(&config)?;
    let suppressor = Suppressor::new(&config.settings, &root, config.baseline.as_deref())?;
    let scanned = Pipeline::new(&scanner, &config.policy).run(
        Blob {
            origin: Origin::CommitMessage,
            paths: Vec::new(),
            name: None,
            data: Data::Bytes(message),
        },
        Lines::All,
    );
    let outcome = Outcome {
        findings: scanned.findings,
        files: 1,
        bytes: scanned.bytes,
        ..Outcome::default()
    };
    finish(Work {
        config,
        scanner,
        suppressor,
        root,
        outcome,
        started,
    })
}

/// The part of a message file git records: everything before a scissors line.
pub fn recorded_part(text: &[u8]) -> &[u8] {
    let mut at = 0;
    for line in text.split_inclusive(|&b| b == b'\n') {
        if memchr::memmem::find(line, SCISSORS).is_some() {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::recorded_part;

    #[test]
    fn the_diff_below_the_scissors_is_not_part_of_the_message() {
        let text = b"subject\n\nbody\n# ------------------------ >8 ------------------------\n# Do not modify\ndiff --git a/x b/x\n";
        assert_eq!(recorded_part(text), b"subject\n\nbody\n");
        assert_eq!(recorded_part(b"plain\n"), b"plain\n");
    }
}
