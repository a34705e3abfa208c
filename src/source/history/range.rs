//! The CI gate (`leakgate history A..B`, `leakgate history <commit>`): only what the
//! selected commits add.
//!
//! Revisions follow git's syntax (`A..B`, `A...B`, `^A`, `A^!`, `A^@`), with one difference:
//! commits named alone, without any exclusion, mean just those commits, not their history.
//! Each commit is judged against its first parent (the empty tree for a root commit or a
//! shallow boundary): a match is kept only if it touches an added line. A merge commit's
//! change relative to its first parent is kept only where it is new relative to every other
//! parent too, so a token written while resolving a conflict is caught, while a token the
//! merge merely brings in is reported on the commit that wrote it (when that commit is in
//! the range). Commit messages of the selected commits are scanned as well.

use super::attribution::{changed_blobs, commit_tree, ChangedBlob};
use super::commits::{commit_info, scan_message};
use super::{keep_oldest, Dated, HistoryOptions, Tally};
use crate::dotenv::{env_finding, is_env_finding};
use crate::finding::{CommitInfo, Finding};
use crate::scan::{BlobScan, Scanner};
use crate::source::diff::AddedLines;
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
    scanner: &Scanner,
    revs: &[String],
    options: &HistoryOptions,
) -> anyhow::Result<Outcome> {
    let selected = select_commits(repo, revs)?;
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .context("cannot read the shallow-clone boundary")?
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let sync = repo.clone().into_sync();
    let gate = Gate {
        scanner,
        options,
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
    Ok(Outcome {
        findings: keep_oldest(tally.findings),
        files: 0,
        blobs: tally.blobs,
        bytes: tally.bytes,
        errors: tally.errors,
    })
}

/// The commits `revs` select, newest first.
pub fn select_commits(repo: &gix::Repository, revs: &[String]) -> anyhow::Result<Vec<ObjectId>> {
    let mut include = Vec::new();
    let mut exclude = Vec::new();
    let mut walk = false;
    for rev in revs {
        let bad = |e: &dyn std::fmt::Display| {
            let reason = e.to_string();
            let reason = reason.lines().next().unwrap_or("").to_string();
            anyhow::anyhow!("bad revision `{rev}`: {reason}")
        };
        let spec = repo.rev_parse(rev.as_str()).map_err(|e| bad(&e))?.detach();
        let commit = |id: ObjectId| -> anyhow::Result<ObjectId> {
            repo.find_object(id)
                .and_then(|o| o.peel_to_commit())
                .map(|c| c.id)
                .map_err(|e| bad(&e))
        };
        match spec {
            Spec::Include(id) => include.push(commit(id)?),
            Spec::Exclude(id) => {
                exclude.push(commit(id)?);
                walk = true;
            }
            Spec::Range { from, to } => {
                exclude.push(commit(from)?);
                include.push(commit(to)?);
                walk = true;
            }
            Spec::Merge { theirs, ours } => {
                let (theirs, ours) = (commit(theirs)?, commit(ours)?);
                if let Some(base) = repo.merge_base(theirs, ours).map_err(|e| bad(&e))? {
                    exclude.push(base.detach());
                }
                include.extend([theirs, ours]);
                walk = true;
            }
            Spec::IncludeOnlyParents(id) => {
                let c = repo.find_commit(commit(id)?).map_err(|e| bad(&e))?;
                include.extend(c.parent_ids().map(|p| p.detach()));
                walk = true;
            }
            Spec::ExcludeParents(id) => {
                let c = repo.find_commit(commit(id)?).map_err(|e| bad(&e))?;
                exclude.extend(c.parent_ids().map(|p| p.detach()));
                include.push(c.id);
                walk = true;
            }
        }
    }
    if !walk {
        let mut seen = HashSet::new();
        include.retain(|id| seen.insert(*id));
        return Ok(include);
    }
    if include.is_empty() {
        return Ok(Vec::new());
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
    Ok(selected)
}

/// What every commit of a range is checked with.
struct Gate<'a> {
    scanner: &'a Scanner,
    options: &'a HistoryOptions,
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
        let (scanner, options) = (self.scanner, self.options);
        let dated = |finding| Dated {
            age: Some(age),
            finding,
        };
        tally
            .findings
            .extend(scan_message(repo, scanner, id)?.into_iter().map(dated));

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
            let found = scan_change(repo, scanner, &change, &other_parents, options, tally)?;
            if found.is_empty() {
                continue;
            }
            if info.is_none() {
                info = Some(commit_info(repo, scanner, id)?);
            }
            tally.findings.extend(found.into_iter().map(|mut finding| {
                finding.commit = info.clone();
                dated(finding)
            }));
        }
        Ok(())
    }
}

/// Findings in what one changed blob adds.
fn scan_change(
    repo: &gix::Repository,
    scanner: &Scanner,
    change: &ChangedBlob,
    other_parents: &[gix::Tree<'_>],
    options: &HistoryOptions,
    tally: &mut Tally,
) -> anyhow::Result<Vec<Finding>> {
    let path = change.path.to_str_lossy();
    // The blob as some other parent of a merge has it at this path: already reported there.
    let mut others = Vec::new();
    for tree in other_parents {
        let entry = tree
            .lookup_entry_by_path(std::path::Path::new(&*path))
            .with_context(|| format!("{path}: cannot read a merge parent's tree"))?;
        if let Some(entry) = entry.filter(|e| e.mode().is_blob_or_symlink()) {
            if entry.object_id() == change.id {
                return Ok(Vec::new());
            }
            others.push(entry.object_id());
        }
    }

    let size = repo
        .find_header(change.id)
        .with_context(|| format!("{path} (blob {}): cannot read", change.id))?
        .size();
    let data = if size > options.max_file_size {
        warn(format_args!(
            "{path} (blob {}): skipped, {size} bytes is over --max-file-size {}",
            change.id, options.max_file_size
        ));
        None
    } else {
        Some(read_blob(repo, change.id, &path)?)
    };

    let mut found: Vec<Finding> = scanner.file_findings(&path, data.as_deref());
    if is_env_finding(
        &path,
        data.as_deref(),
        &options.dotenv_templates,
        options.dotenv_allow_encrypted,
    ) {
        found.push(env_finding(&path));
    }
    let Some(data) = data else {
        return Ok(found);
    };
    tally.blobs += 1;
    tally.bytes += data.len() as u64;

    let mut added = match change.previous {
        Some(old) => AddedLines::between(&read_blob(repo, old, &path)?, &data),
        None => AddedLines::All,
    };
    for other in others {
        added = intersect(
            added,
            AddedLines::between(&read_blob(repo, other, &path)?, &data),
        );
    }
    if added.is_empty() {
        return Ok(found);
    }
    if let BlobScan::Scanned(matches) = scanner.scan_blob(Some(&path), &data, options.scan_binary) {
        found.extend(
            matches
                .iter()
                .filter(|m| added.touches(&data, m))
                .map(|m| scanner.secret_finding(m, Some(&path))),
        );
    }
    Ok(found)
}

fn read_blob(repo: &gix::Repository, id: ObjectId, path: &str) -> anyhow::Result<Vec<u8>> {
    repo.find_blob(id)
        .map(|mut b| b.take_data())
        .with_context(|| format!("{path} (blob {id}): cannot read"))
}

/// Lines added relative to both sides.
fn intersect(a: AddedLines, b: AddedLines) -> AddedLines {
    match (a, b) {
        (AddedLines::All, other) | (other, AddedLines::All) => other,
        (AddedLines::Some(a), AddedLines::Some(b)) => {
            AddedLines::Some(a.iter().zip(&b).map(|(x, y)| *x && *y).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
