//! Blob → commit attribution: which commits introduced a blob, and at which paths.
//!
//! Every ref's history (branches, tags, remotes, stash, a detached `HEAD`) is walked once,
//! newest first, and each commit's tree is diffed against its first parent's (the empty
//! tree for a root commit or a shallow boundary). A blob added or modified at a path is
//! "introduced" there by that commit; for each (blob, path) the oldest such commit is kept.
//! Tree diffs run in parallel, in batches of consecutive commits so that each worker's
//! object cache sees a parent's tree right after its child's.

use super::pack_pages::{PackPages, FAULT_REACH};
use super::progress::Progress;
use anyhow::Context;
use gix::bstr::{BStr, BString};
use gix::ObjectId;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Commits diffed in parallel before their results are merged (bounds memory).
const BATCH: usize = 4096;
/// Consecutive commits given to one worker.
const CHUNK: usize = 32;

/// A blob that a commit adds or modifies, relative to one parent.
#[derive(Clone, Debug)]
pub struct ChangedBlob {
    pub path: BString,
    pub id: ObjectId,
    /// The blob at that path in the parent, for a modification.
    pub previous: Option<ObjectId>,
}

/// Blob ids that commits introduced, with where and when.
#[derive(Debug, Default)]
pub struct Attribution {
    /// Commits in walk order, newest first: a larger index is older.
    commits: Vec<ObjectId>,
    paths: Vec<BString>,
    /// Blob → `(path index, commit index)`, one entry per path, with the oldest commit.
    by_blob: HashMap<ObjectId, Vec<(u32, u32)>>,
    /// Commit → its index in `commits`.
    commit_index: HashMap<ObjectId, u32>,
    /// Walked commits whose parents a shallow clone cut off.
    shallow_boundary: usize,
}

impl Attribution {
    /// Walks every ref's history of `repo`. Commits whose trees cannot be read are warned
    /// about and counted in the returned error count.
    /// `tips`: the commits to walk from (`None`: every ref and `HEAD`).
    pub fn build(
        repo: &gix::Repository,
        tips: Option<&[ObjectId]>,
        progress: &Progress,
        pack_pages: &PackPages,
    ) -> anyhow::Result<(Attribution, usize)> {
        let walked = walk_history(repo, tips)?;
        let shallow: HashSet<ObjectId> = repo
            .shallow_commits()
            .context("cannot read the shallow-clone boundary")?
            .map(|commits| commits.iter().copied().collect())
            .unwrap_or_default();
        progress.start("attributing commits", walked.len() as u64);

        let sync = repo.clone().into_sync();
        let mut attribution = Attribution {
            commits: walked.iter().map(|(id, _)| *id).collect(),
            commit_index: walked
                .iter()
                .enumerate()
                .map(|(i, (id, _))| (*id, i as u32))
                .collect(),
            ..Attribution::default()
        };
        attribution.shallow_boundary = walked
            .iter()
            .filter(|(id, parent)| parent.is_some() && shallow.contains(id))
            .count();
        let mut interned: HashMap<BString, u32> = HashMap::new();
        let mut errors = 0;
        for (batch_number, batch) in walked.chunks(BATCH).enumerate() {
            let results: Vec<(usize, anyhow::Result<Vec<ChangedBlob>>)> = batch
                .par_iter()
                .enumerate()
                .with_min_len(CHUNK)
                .map_init(
                    || (sync.to_thread_local(), gix::diff::tree::State::default()),
                    |(repo, state), (offset, (commit, parent))| {
                        let parent = parent.filter(|_| !shallow.contains(commit));
                        let changes = changed_blobs(repo, state, *commit, parent);
                        // A commit, its tree and its parent's, and the subtrees that differ.
                        pack_pages.touched(4 * FAULT_REACH);
                        progress.inc(1);
                        (batch_number * BATCH + offset, changes)
                    },
                )
                .collect();
            for (index, changes) in results {
                match changes {
                    Ok(changes) => {
                        for change in changes {
                            attribution.record(&mut interned, change, index as u32);
                        }
                    }
                    Err(err) => {
                        super::super::warn(format_args!("{err:#}"));
                        errors += 1;
                    }
                }
            }
        }
        progress.finish();
        Ok((attribution, errors))
    }

    fn record(&mut self, interned: &mut HashMap<BString, u32>, change: ChangedBlob, commit: u32) {
        let next = self.paths.len() as u32;
        let path = *interned.entry(change.path.clone()).or_insert(next);
        if path == next {
            self.paths.push(change.path);
        }
        let entries = self.by_blob.entry(change.id).or_default();
        match entries.iter_mut().find(|(p, _)| *p == path) {
            Some((_, kept)) => *kept = (*kept).max(commit),
            None => entries.push((path, commit)),
        }
    }

    /// Every blob id some commit introduced.
    pub fn blob_ids(&self) -> impl Iterator<Item = &ObjectId> {
        self.by_blob.keys()
    }

    /// How many walked commits sit on a shallow clone's boundary (their parents are not
    /// in the clone, so history behind them was not scanned).
    pub fn shallow_boundary(&self) -> usize {
        self.shallow_boundary
    }

    /// Whether some walked commit introduced blob `id`.
    pub fn has_blob(&self, id: &ObjectId) -> bool {
        self.by_blob.contains_key(id)
    }

    /// How old a reachable commit is (larger is older); `None` if no ref reaches it.
    pub fn age_of(&self, commit: &ObjectId) -> Option<u64> {
        self.commit_index.get(commit).map(|&i| u64::from(i))
    }

    /// Where blob `id` was introduced: `(path, commit, age)` with the oldest commit per
    /// path, oldest introduction first. Empty for a blob that no ref reaches.
    pub fn introductions(&self, id: &ObjectId) -> Vec<(&BStr, ObjectId, u64)> {
        let mut found: Vec<(&BStr, ObjectId, u64)> = self
            .by_blob
            .get(id)
            .map(|entries| {
                entries
                    .iter()
                    .map(|&(path, commit)| {
                        (
                            self.paths[path as usize].as_ref(),
                            self.commits[commit as usize],
                            u64::from(commit),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        found.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        found
    }
}

/// Every commit reachable from `tips` (default: any ref or `HEAD`), newest first, with its
/// first parent.
fn walk_history(
    repo: &gix::Repository,
    tips: Option<&[ObjectId]>,
) -> anyhow::Result<Vec<(ObjectId, Option<ObjectId>)>> {
    let tips = match tips {
        Some(tips) => tips.to_vec(),
        None => all_tips(repo)?,
    };
    if tips.is_empty() {
        return Ok(Vec::new());
    }
    let mut walked = Vec::new();
    let walk = repo
        .rev_walk(tips)
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            Default::default(),
        ))
        .all()
        .context("cannot walk the commit history")?;
    for info in walk {
        let info = info.context("cannot walk the commit history")?;
        let parent = info.parent_ids().next().map(|p| p.detach());
        walked.push((info.id, parent));
    }
    Ok(walked)
}

/// The commits every ref and `HEAD` point at.
fn all_tips(repo: &gix::Repository) -> anyhow::Result<Vec<ObjectId>> {
    let mut tips = Vec::new();
    if let Ok(id) = repo.head_id() {
        tips.push(id.detach());
    }
    let references = repo.references().context("cannot list references")?;
    for reference in references.all().context("cannot list references")? {
        let Ok(mut reference) = reference else {
            continue;
        };
        // Refs to trees or blobs (rare tags) have no history to walk.
        if let Ok(commit) = reference.peel_to_commit() {
            tips.push(commit.id);
        }
    }
    tips.sort();
    tips.dedup();
    Ok(tips)
}

/// Blobs (and symlinks, which are blobs too; not submodules) that `commit` adds or modifies relative to `parent`
/// (`None`: relative to the empty tree).
pub fn changed_blobs(
    repo: &gix::Repository,
    state: &mut gix::diff::tree::State,
    commit: ObjectId,
    parent: Option<ObjectId>,
) -> anyhow::Result<Vec<ChangedBlob>> {
    let new_tree = commit_tree(repo, commit)?;
    let old_tree = match parent {
        Some(parent) => commit_tree(repo, parent)?,
        None => repo.empty_tree(),
    };
    tree_changes(repo, state, &old_tree, &new_tree)
        .with_context(|| format!("commit {commit}: cannot diff its tree"))
}

/// The root tree of `commit`.
pub fn commit_tree(repo: &gix::Repository, commit: ObjectId) -> anyhow::Result<gix::Tree<'_>> {
    repo.find_commit(commit)
        .and_then(|c| c.tree())
        .with_context(|| format!("commit {commit}: cannot read its tree"))
}

/// Blobs added or modified between two trees.
pub fn tree_changes(
    repo: &gix::Repository,
    state: &mut gix::diff::tree::State,
    old: &gix::Tree<'_>,
    new: &gix::Tree<'_>,
) -> anyhow::Result<Vec<ChangedBlob>> {
    use gix::diff::tree::recorder::Change;
    let mut recorder = gix::diff::tree::Recorder::default();
    let hash = repo.object_hash();
    gix::diff::tree(
        gix::objs::TreeRefIter::from_bytes(&old.data, hash),
        gix::objs::TreeRefIter::from_bytes(&new.data, hash),
        state,
        &repo.objects,
        &mut recorder,
    )?;
    Ok(recorder
        .records
        .into_iter()
        .filter_map(|change| match change {
            Change::Addition {
                entry_mode,
                oid,
                path,
                ..
            } if entry_mode.is_blob_or_symlink() => Some(ChangedBlob {
                path,
                id: oid,
                previous: None,
            }),
            Change::Modification {
                previous_entry_mode,
                previous_oid,
                entry_mode,
                oid,
                path,
            } if entry_mode.is_blob_or_symlink() => Some(ChangedBlob {
                path,
                id: oid,
                previous: previous_entry_mode
                    .is_blob_or_symlink()
                    .then_some(previous_oid),
            }),
            _ => None,
        })
        .collect())
}
