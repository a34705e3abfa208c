//! The CI gate (`leakgate history A..B`, `leakgate history C^!`): only what the
//! selected commits add.
//!
//! Revisions follow `git rev-list` (`A..B`, `A...B`, `^A B`, `C^!`, `A^@`): with only
//! positive revisions ([`Selection::Reachable`]) the caller audits everything they reach;
//! any exclusion selects commits to judge by their changes. Each commit is judged against its first parent (the empty tree for a root commit or a
//! shallow boundary): a match is kept only if it touches an added line. A merge commit's
//! change relative to its first parent is kept only where it is new relative to every other
//! parent too, so a token written while resolving a conflict is caught, while a token the
//! merge merely brings in is reported on the commit that wrote it (when that commit is in
//! the range). Commit messages of the selected commits are scanned as well.

use super::attribution::{changed_blobs, commit_tree, ChangedBlob};
use super::commits::{commit_info, scan_message};
use super::{Dated, Tally};
use crate::finding::{CommitInfo, Finding};
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline};
use crate::source::{warn, Outcome};
use anyhow::Context;
use gix::bstr::ByteSlice;
use gix::revision::plumbing::Spec;
use gix::ObjectId;
use rayon::prelude::*;
use std::collections::HashSet;

/// Scans the commits that `revs` select.
pub fn scan_range(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    selected: Vec<ObjectId>,
) -> anyhow::Result<Outcome> {
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .context("cannot read the shallow-clone boundary")?
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let sync = repo.clone().into_sync();
    let gate = Gate {
        pipeline,
        shallow: &shallow,
    };
    let tally = selected
        .par_iter()
        .enumerate()
        .map_init(
            || (sync.to_thread_local(), gix::diff::tree::State::default()),
            |(repo, state), (age, &id)| {
                let mut tally = Tally::default();
                if let Err(err) = gate.scan_commit(repo, state, id, age as u64, &mut tally) {
                    warn(format_args!("{err:#}"));
                    tally.errors += 1;
                }
                tally
            },
        )
        .reduce(Tally::default, Tally::merge);
    Ok(tally.into_outcome())
}

/// What the revision arguments of `history` select, as `git rev-list` reads them.
#[derive(Debug, PartialEq, Eq)]
pub enum Selection {
    /// No revision: every object of the repository.
    Everything,
    /// Only positive revisions: every blob and message reachable from these commits.
    Reachable(Vec<ObjectId>),
    /// Some exclusion: these commits, newest first, each judged by what it adds.
    Changes(Vec<ObjectId>),
}

/// Reads `revs` as `git rev-list` does (its revision forms, not its options). Errors read
/// like git's: `unknown revision`, and in a shallow clone, the fix.
pub fn select(repo: &gix::Repository, revs: &[String]) -> anyhow::Result<Selection> {
    if revs.is_empty() {
        return Ok(Selection::Everything);
    }
    let shallow = repo
        .shallow_commits()
        .ok()
        .flatten()
        .is_some_and(|commits| !commits.is_empty());
    let mut include = Vec::new();
    let mut exclude = Vec::new();
    let mut changes = false;
    for rev in revs {
        let bad = |e: &dyn std::fmt::Display| revision_error(rev, e, shallow);
        let spec = repo.rev_parse(rev.as_str()).map_err(|e| bad(&e))?.detach();
        let commit = |id: ObjectId| -> anyhow::Result<ObjectId> {
            repo.find_object(id)
                .map_err(|e| bad(&e))?
                .peel_to_commit()
                .map(|c| c.id)
                .map_err(|_| anyhow::anyhow!("revision `{rev}` does not name a commit"))
        };
        match spec {
            Spec::Include(id) => include.push(commit(id)?),
            Spec::Exclude(id) => {
                exclude.push(commit(id)?);
                changes = true;
            }
            Spec::Range { from, to } => {
                exclude.push(commit(from)?);
                include.push(commit(to)?);
                changes = true;
            }
            Spec::Merge { theirs, ours } => {
                let (theirs, ours) = (commit(theirs)?, commit(ours)?);
                if let Some(base) = repo.merge_base(theirs, ours).map_err(|e| bad(&e))? {
                    exclude.push(base.detach());
                }
                include.extend([theirs, ours]);
                changes = true;
            }
            // `A^@`: A's parents, positive revisions.
            Spec::IncludeOnlyParents(id) => {
                let c = repo.find_commit(commit(id)?).map_err(|e| bad(&e))?;
                include.extend(c.parent_ids().map(|p| p.detach()));
            }
            // `C^!`: C without its parents' history, the one commit C.
            Spec::ExcludeParents(id) => {
                let c = repo.find_commit(commit(id)?).map_err(|e| bad(&e))?;
                exclude.extend(c.parent_ids().map(|p| p.detach()));
                include.push(c.id);
                changes = true;
            }
        }
    }
    let mut seen = HashSet::new();
    include.retain(|id| seen.insert(*id));
    if !changes {
        return Ok(Selection::Reachable(include));
    }
    if include.is_empty() {
        return Ok(Selection::Changes(Vec::new()));
    }
    let mut selected = Vec::new();
    let commits = repo
        .rev_walk(include)
        .sorting(gix::revision::walk::Sorting::ByCommitTime(
            Default::default(),
        ))
        .with_hidden(exclude)
        .all()
        .context("cannot walk the revision range")?;
    for info in commits {
        selected.push(info.context("cannot walk the revision range")?.id);
    }
    Ok(Selection::Changes(selected))
}

/// A revision that does not resolve, in git's words; in a shallow clone the commit may
/// just not have been fetched, and the message says how to get it.
fn revision_error(rev: &str, err: &dyn std::fmt::Display, shallow: bool) -> anyhow::Error {
    let detail = err.to_string();
    let detail = detail.lines().next().unwrap_or("").trim();
    if shallow {
        anyhow::anyhow!(
            "unknown revision `{rev}`: shallow clone: fetch more history (`git fetch --unshallow`, or `git fetch --deepen=N`) ({detail})"
        )
    } else {
        anyhow::anyhow!("unknown revision `{rev}` ({detail})")
    }
}

/// What every commit of a range is checked with.
struct Gate<'a> {
    pipeline: &'a Pipeline<'a>,
    /// Commits whose parents a shallow clone lacks.
    shallow: &'a HashSet<ObjectId>,
}

impl Gate<'_> {
    /// Scans what commit `id` adds, and its message.
    fn scan_commit(
        &self,
        repo: &gix::Repository,
        state: &mut gix::diff::tree::State,
        id: ObjectId,
        age: u64,
        tally: &mut Tally,
    ) -> anyhow::Result<()> {
        let pipeline = self.pipeline;
        let dated = |finding| Dated {
            age: Some(age),
            finding,
        };
        tally
            .findings
            .extend(scan_message(repo, pipeline, id)?.into_iter().map(dated));

        let commit = repo
            .find_commit(id)
            .with_context(|| format!("commit {id}: cannot read"))?;
        let parents: Vec<ObjectId> = if self.shallow.contains(&id) {
            Vec::new()
        } else {
            commit.parent_ids().map(|p| p.detach()).collect()
        };
        let changes = changed_blobs(repo, state, id, parents.first().copied())?;
        if changes.is_empty() {
            return Ok(());
        }
        let other_parents = parents
            .iter()
            .skip(1)
            .map(|&p| commit_tree(repo, p))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let mut info: Option<CommitInfo> = None;
        for change in changes {
            let found = scan_change(repo, pipeline, &change, &other_parents, tally)?;
            if found.is_empty() {
                continue;
            }
            if info.is_none() {
                info = Some(commit_info(repo, pipeline.scanner(), id)?);
            }
            tally.findings.extend(found.into_iter().map(|mut finding| {
                finding.commit = info.clone().map(Box::new);
                dated(finding)
            }));
        }
        Ok(())
    }
}

/// Findings in what one changed blob adds, relative to its first parent and to every
/// other parent of a merge.
fn scan_change(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    change: &ChangedBlob,
    other_parents: &[gix::Tree<'_>],
    tally: &mut Tally,
) -> anyhow::Result<Vec<Finding>> {
    let path = change.path.to_str_lossy().into_owned();
    // The blob as some other parent of a merge has it at this path: already reported there.
    let mut olds: Vec<ObjectId> = change.previous.into_iter().collect();
    for tree in other_parents {
        let entry = tree
            .lookup_entry_by_path(std::path::Path::new(&path))
            .with_context(|| format!("{path}: cannot read a merge parent's tree"))?;
        if let Some(entry) = entry.filter(|e| e.mode().is_blob_or_symlink()) {
            if entry.object_id() == change.id {
                return Ok(Vec::new());
            }
            olds.push(entry.object_id());
        }
    }
    let lines = if olds.is_empty() {
        Lines::All
    } else {
        let shown = path.clone();
        Lines::AddedSince(Box::new(move || {
            olds.iter()
                .map(|&old| {
                    repo.find_blob(old)
                        .map(|mut b| b.take_data())
                        .map_err(|e| format!("{shown} (blob {old}): cannot read: {e}"))
                })
                .collect()
        }))
    };
    let scanned = pipeline.run(
        Blob {
            origin: Origin::Commit,
            paths: vec![path],
            name: None,
            data: Data::Object {
                repo,
                id: change.id,
            },
        },
        lines,
    );
    tally.count(&scanned);
    Ok(scanned.findings)
}

#[cfg(test)]
mod tests {
    use crate::pipeline::intersect;
    use crate::source::diff::AddedLines;

    #[test]
    fn a_line_is_added_by_a_merge_only_if_no_parent_has_it() {
        let merged = b"base\nfrom feature\nresolved\n";
        let vs_first = AddedLines::between(b"base\n", merged);
        let vs_second = AddedLines::between(b"base\nfrom feature\n", merged);
        let added = intersect(vs_first, vs_second);
        let lines: Vec<usize> = (1..=3).filter(|&l| added.contains(l)).collect();
        assert_eq!(lines, vec![3]);
        assert_eq!(intersect(AddedLines::All, AddedLines::All), AddedLines::All);
    }
}
