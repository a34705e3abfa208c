//! `leakgate history`: git history, as an audit or as a CI gate (SPEC §1).
//!
//! With no revision, `audit` enumerates the object database (packs, loose objects,
//! alternates) and scans every blob exactly once, in parallel, plus every commit message.
//! Before that, `attribution` walks every ref's history once and maps each blob to the paths
//! and the oldest commits that introduced it: path-aware rules and sensitive-file rules need
//! the path, and findings carry the commit a user has to rewrite (author, date and summary
//! are read only for the commits of findings). Blobs no ref reaches (dangling
//! objects, reflog-only history, the index) are reported with `commit: null` and the path
//! `unreachable-blob/<id>`, the only name they have (`git cat-file -p <id>` shows them).
//! A secret is reported once per path, at the oldest commit that put it there
//! (`keep_oldest`), not once per later version of the file that still holds it.
//!
//! Revisions mean what they mean to `git rev-list`: only positive ones (`history main v2`)
//! audit what they reach, the same way; with any exclusion (`A..B`, `^A B`, `C^!`), `range`
//! is a gate: only the lines the selected commits add (each commit against its first
//! parent, merges against all parents) and their messages are checked.
//! `commits` turns commit objects into the report's `commit` object.

mod attribution;
mod audit;
mod commits;
mod pack_pages;
mod packs;
mod progress;
mod range;

use super::{warn, Outcome};
use crate::finding::{Finding, Fingerprint};
use crate::pipeline::{Pipeline, Skip};
use crate::scan::Scanner;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Bytes of decoded objects each repository handle keeps: trees and commits are looked up
/// again and again while walking history.
const OBJECT_CACHE_BYTES: usize = 16 * 1024 * 1024;

/// How to scan history.
#[derive(Clone, Debug)]
pub struct HistoryOptions {
    /// What the pipeline does with each blob.
    pub policy: crate::pipeline::Policy,
    /// Show a progress bar on standard error (only when it is a terminal and not `-q`).
    pub progress: bool,
}

/// An opened repository and the folder its findings' paths are relative to.
pub struct OpenRepository {
    pub repo: gix::Repository,
    /// The work tree, or the git dir of a bare repository.
    pub root: PathBuf,
}

/// Opens the repository at `dir` (or holding the current directory, honouring `GIT_DIR`).
/// Not a repository: a one-line error naming the folder.
pub fn open(dir: Option<&Path>) -> anyhow::Result<OpenRepository> {
    let opened = match dir {
        Some(dir) => gix::discover(dir),
        None => gix::discover_with_environment_overrides("."),
    };
    let shown = dir.unwrap_or(Path::new(".")).display().to_string();
    let mut repo = opened
        .map_err(|_| anyhow::anyhow!("{shown}: not a git repository (or cannot be opened)"))?;
    repo.object_cache_size_if_unset(OBJECT_CACHE_BYTES);
    let root = repo
        .workdir()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| repo.git_dir().to_path_buf());
    Ok(OpenRepository { repo, root })
}

/// Scans history as git's revision arguments say (SPEC §1): nothing, an audit of every
/// object; only positive revisions, an audit of what they reach; any exclusion, the
/// changes of the commits selected. Missing blobs and a shallow boundary are counted as
/// skips and explained once here, with the fix.
pub fn scan(
    repo: &gix::Repository,
    scanner: &Scanner,
    revs: &[String],
    options: &HistoryOptions,
) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::new(scanner, &options.policy);
    let outcome = match range::select(repo, revs)? {
        range::Selection::Everything => audit::audit(repo, &pipeline, options, None)?,
        range::Selection::Reachable(tips) => audit::audit(repo, &pipeline, options, Some(&tips))?,
        range::Selection::Changes(commits) => range::scan_range(repo, &pipeline, commits)?,
    };
    explain_missing(repo, &outcome);
    Ok(outcome)
}

/// Says why blobs or history are missing and how to get them: a partial clone's filter, a
/// shallow clone's boundary, or (neither) a damaged repository.
pub fn explain_missing(repo: &gix::Repository, outcome: &Outcome) {
    let missing = outcome.skipped.count(Skip::Missing);
    if missing > 0 {
        let blobs = if missing == 1 { "blob is" } else { "blobs are" };
        match promisor_remote(repo) {
            Some(remote) => warn(format_args!(
                "{missing} {blobs} missing: this is a partial clone (remote `{remote}` is a promisor; \
                 leakgate does not download objects), so that content was not scanned; fetch every blob with \
                 `git config --unset remote.{remote}.partialclonefilter && git fetch --refetch {remote}` \
                 (or clone without --filter), then run leakgate again"
            )),
            None => warn(format_args!(
                "{missing} {blobs} missing from the object database, so that content was not scanned; \
                 the repository may be damaged: run `git fsck` and fetch or re-clone it"
            )),
        }
    }
    let shallow = outcome.skipped.count(Skip::Shallow);
    if shallow > 0 {
        warn(format_args!(
            "shallow clone: history behind {shallow} boundary commit{} is not in this clone and was not scanned; \
             fetch more history (`git fetch --unshallow`, or `git fetch --deepen=N`)",
            if shallow == 1 { "" } else { "s" }
        ));
    }
}

/// The remote a partial clone fetches missing objects from (`remote.<name>.promisor`).
fn promisor_remote(repo: &gix::Repository) -> Option<String> {
    let config = repo.config_snapshot();
    repo.remote_names()
        .into_iter()
        .map(|name| name.to_string())
        .find(|name| config.boolean(format!("remote.{name}.promisor").as_str()) == Some(true))
        .or_else(|| {
            config
                .string("extensions.partialClone")
                .map(|name| name.to_string())
        })
}

/// A finding and how old its commit is: a larger `age` is older (the position of the
/// commit in a newest-first walk); `None` for findings without a commit.
pub(crate) struct Dated {
    pub age: Option<u64>,
    pub finding: Finding,
}

/// What parallel workers accumulate.
#[derive(Default)]
pub(crate) struct Tally {
    pub findings: Vec<Dated>,
    pub blobs: usize,
    pub bytes: u64,
    pub errors: usize,
    pub skipped: crate::pipeline::Skips,
}

impl Tally {
    pub fn merge(mut self, other: Tally) -> Tally {
        self.findings.extend(other.findings);
        self.blobs += other.blobs;
        self.bytes += other.bytes;
        self.errors += other.errors;
        self.skipped.merge(&other.skipped);
        self
    }

    /// Counts one blob the pipeline saw; its findings are the caller's to date.
    pub fn count(&mut self, scanned: &crate::pipeline::Scanned) {
        if scanned.read {
            self.blobs += 1;
            self.bytes += scanned.bytes;
        }
        if let Some(reason) = scanned.skipped {
            self.skipped.add(reason, 1);
        }
    }

    /// The outcome: one finding per secret and path, at its oldest commit.
    pub fn into_outcome(self) -> Outcome {
        Outcome {
            findings: keep_oldest(self.findings),
            files: 0,
            blobs: self.blobs,
            bytes: self.bytes,
            errors: self.errors,
            skipped: self.skipped,
            repositories: 0,
        }
    }
}

/// What [`keep_oldest`] keeps one finding per: rule, fingerprint and path.
type KeptKey = (Arc<str>, Fingerprint, Option<Arc<str>>);

/// One finding per rule, kind, path and secret: the one with the oldest commit.
///
/// A token that stays in a file while the rest of the file is edited lives in many blob
/// versions; reporting it once, at the commit that introduced it, is what a user needs.
/// Fingerprints name secrets, not places, so suppression is unaffected.
pub(crate) fn keep_oldest(findings: Vec<Dated>) -> Vec<Finding> {
    let mut best: HashMap<KeptKey, Dated> = HashMap::new();
    for dated in findings {
        let f = &dated.finding;
        let key = (f.rule.clone(), f.fingerprint, f.path.clone());
        let replace = match best.get(&key) {
            None => true,
            Some(kept) => older(dated.age, kept.age),
        };
        if replace {
            best.insert(key, dated);
        }
    }
    best.into_values().map(|d| d.finding).collect()
}

/// Whether `a` is strictly older than `b`; a finding with a commit beats one without.
fn older(a: Option<u64>, b: Option<u64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CommitInfo, FindingKind};

    fn finding(line: usize, commit: &str) -> Finding {
        Finding {
            rule: "demo".into(),
            kind: FindingKind::Secret,
            title: "Demo".into(),
            path: Some("a.txt".into()),
            line: Some(line),
            column: Some(1),
            secret: None,
            context: None,
            fingerprint: crate::finding::Fingerprint::parse("0123456789abcdef")
                .expect("16 hex digits"),
            commit: Some(Box::new(CommitInfo {
                id: commit.into(),
                author: String::new(),
                email: String::new(),
                date: String::new(),
                ..CommitInfo::default()
            })),
            verification: None,
            remediation: None,
            repository: None,
            merged: None,
        }
    }

    #[test]
    fn the_oldest_commit_of_a_secret_at_a_path_is_kept() {
        let kept = keep_oldest(vec![
            Dated {
                age: Some(1),
                finding: finding(9, "newer"),
            },
            Dated {
                age: Some(5),
                finding: finding(3, "older"),
            },
            Dated {
                age: None,
                finding: finding(4, "none"),
            },
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].commit.as_ref().unwrap().id, "older");
        assert_eq!(kept[0].line, Some(3));
    }
}
