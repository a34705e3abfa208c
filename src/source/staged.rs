//! `leakgate staged`: what the next commit records, for the pre-commit hook (SPEC §1).
//!
//! The index is compared with `HEAD`'s tree (the empty tree before the first commit), and
//! only what the change adds is reported: every line of an added file, the added lines of a
//! modified one. Blobs are read from the object database by the ids the index holds, never
//! from the working tree, so a token that is staged and then edited out of the working file
//! is still caught, and an unstaged one is not reported. Opening the repository through
//! `gix::discover_with_environment_overrides` honours `GIT_DIR` and `GIT_INDEX_FILE`, which
//! is how `git commit <path>` and `git commit -a` show a hook the index they will commit.
//!
//! Renames are tracked (50% similarity, as git's default), and a renamed file is diffed
//! against its source blob: moving a file that already held a token does not report it
//! again, while a token added in the same rename is reported. Index entries git would not
//! commit as they are get a warning that names them: submodules (their content lives in
//! another repository) and merge conflicts. A conflicted path's "ours" and "theirs" stages
//! are both scanned for lines new relative to `HEAD`, so a token coming in through a
//! conflicted merge is reported before the conflict is even resolved.

use super::{warn, Outcome};
use crate::pipeline::{one_line, Blob, Data, Lines, Origin, Pipeline, Policy, Scanned};
use crate::scan::Scanner;
use anyhow::Context;
use gix::bstr::ByteSlice;
use gix::ObjectId;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Below this many blobs, scanning on the calling thread beats starting a thread pool: a
/// hook that commits three files must stay instant.
const PARALLEL_FROM: usize = 32;

/// One blob the next commit records, and what it replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
struct StagedBlob {
    /// Repository-relative, `/`-separated.
    path: String,
    id: ObjectId,
    /// The blob this one replaces (the same path in `HEAD`, or a rename's source); `None`
    /// when every line is new.
    old: Option<ObjectId>,
}

/// Opens the repository: the one holding `dir` if given (`--repo`), else the one the
/// environment (`GIT_DIR`) or the current directory names.
pub fn open(dir: Option<&Path>) -> anyhow::Result<gix::Repository> {
    let opened = match dir {
        Some(dir) => gix::discover(dir),
        None => gix::discover_with_environment_overrides("."),
    };
    let shown = dir.map_or_else(
        || {
            std::env::current_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|_| ".".into())
        },
        |d| d.display().to_string(),
    );
    let mut repo =
        opened.map_err(|e| anyhow::anyhow!("{shown}: not a git repository ({})", one_line(&e)))?;
    repo.object_cache_size_if_unset(4 * 1024 * 1024);
    Ok(repo)
}

/// The folder findings' paths are relative to and the config is looked for in: the work
/// tree's root, or the git folder of a bare repository.
pub fn root(repo: &gix::Repository) -> PathBuf {
    repo.workdir()
        .unwrap_or_else(|| repo.git_dir())
        .to_path_buf()
}

/// The blobs the next commit records that `HEAD` does not hold, found by comparing the
/// index with `HEAD`'s tree. Separate from [`scan_staged`] so that the caller can load the
/// rules meanwhile: each is about half of a hook's run time.
#[derive(Debug)]
pub struct StagedChanges(Vec<StagedBlob>);

impl StagedChanges {
    /// Compares the index with `HEAD`; warns about submodules and merge conflicts.
    pub fn find(repo: &gix::Repository) -> anyhow::Result<StagedChanges> {
        staged_blobs(repo).map(StagedChanges)
    }

    /// Adds the index blob of every file at or under `paths` (relative to the current
    /// directory) that has no staged change, to be scanned whole: `pre-commit run
    /// --all-files` passes every tracked file this way, and expects each to be checked.
    /// Files with a staged change stay judged by what they add. A path the index does not
    /// hold is warned about.
    pub fn with_whole_paths(
        mut self,
        repo: &gix::Repository,
        paths: &[PathBuf],
    ) -> anyhow::Result<StagedChanges> {
        if paths.is_empty() {
            return Ok(self);
        }
        let index = repo
            .index_or_empty()
            .with_context(|| format!("{}: cannot read the index", repo.index_path().display()))?;
        let changed: std::collections::HashSet<String> =
            self.0.iter().map(|b| b.path.clone()).collect();
        let mut added = std::collections::HashSet::new();
        for path in paths {
            let wanted = repository_path(repo, path)?;
            let mut found = false;
            for entry in index.entries() {
                let entry_path = entry.path(&index).to_str_lossy();
                let under = wanted.is_empty()
                    || entry_path == wanted
                    || entry_path
                        .strip_prefix(wanted.as_str())
                        .is_some_and(|rest| rest.starts_with('/'));
                if !under {
                    continue;
                }
                found = true;
                if entry.stage() != gix::index::entry::Stage::Unconflicted
                    || !is_content(entry.mode)
                    || entry.mode.is_submodule()
                    || changed.contains(entry_path.as_ref())
                    || !added.insert(entry_path.to_string())
                {
                    continue;
                }
                self.0.push(StagedBlob {
                    path: entry_path.into_owned(),
                    id: entry.id,
                    old: None,
                });
            }
            if !found {
                warn(format_args!(
                    "{}: not in the index, so not part of the next commit; not scanned",
                    path.display()
                ));
            }
        }
        Ok(self)
    }
}

/// `path` (relative to the current directory, or absolute) relative to the work tree's
/// root, `/`-separated; empty for the root itself.
fn repository_path(repo: &gix::Repository, path: &Path) -> anyhow::Result<String> {
    let root = repo
        .workdir()
        .context("a bare repository has no work tree to name paths in")?;
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .context("cannot read the current directory")?
            .join(path)
    };
    // Resolve `..` and symlinks in the folders; the file itself may be gone from disk.
    let (folder, name) = match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) if name != ".." => (folder.to_path_buf(), Some(name)),
        _ => (absolute.clone(), None),
    };
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    let full = match name {
        Some(name) => folder.join(name),
        None => folder,
    };
    let relative = full.strip_prefix(&root).map_err(|_| {
        anyhow::anyhow!(
            "{}: outside the repository at {}",
            path.display(),
            root.display()
        )
    })?;
    let text = crate::source::walk::display_path(relative);
    Ok(if text == "." { String::new() } else { text })
}

/// Scans what the next commit records.
pub fn scan_staged(
    repo: &gix::Repository,
    changes: StagedChanges,
    scanner: &Scanner,
    policy: &Policy,
) -> anyhow::Result<Outcome> {
    // Blobs under `[allow] paths` are scanned too: the command's `finish` suppresses their
    // findings and counts them in the summary, as for every other command.
    let blobs: Vec<StagedBlob> = changes.0;
    let pipeline = Pipeline::new(scanner, policy);

    let results: Vec<Scanned> = if blobs.len() < PARALLEL_FROM {
        blobs
            .iter()
            .map(|blob| scan_blob(repo, &pipeline, blob))
            .collect()
    } else {
        use rayon::prelude::*;
        let shared = repo.clone().into_sync();
        blobs
            .par_iter()
            .map_init(
                || shared.to_thread_local(),
                |repo, blob| scan_blob(repo, &pipeline, blob),
            )
            .collect()
    };

    let mut outcome = Outcome::default();
    for result in results {
        outcome.add(result, false);
    }
    crate::finding::dedup_findings(&mut outcome.findings);
    Ok(outcome)
}

/// The blobs the index holds that `HEAD` does not: additions, modifications, renames, and
/// both sides of merge conflicts. Warns about entries that are not scanned.
fn staged_blobs(repo: &gix::Repository) -> anyhow::Result<Vec<StagedBlob>> {
    let index = repo
        .index_or_empty()
        .with_context(|| format!("{}: cannot read the index", repo.index_path().display()))?;
    let head_tree = repo
        .head_tree_id_or_empty()
        .context("HEAD: cannot read its tree")?
        .detach();
    let rewrites = gix::diff::Rewrites {
        copies: None,
        percentage: Some(0.5),
        limit: 1000,
        track_empty: false,
    };
    // Every path, wherever in the work tree leakgate runs: gix's default pathspec would
    // limit the comparison to the current subfolder, and a hook may run anywhere.
    let mut everything = repo
        .pathspec(
            false,
            None::<&str>,
            false,
            &gix::index::State::new(repo.object_hash()),
            gix::worktree::stack::state::attributes::Source::IdMapping,
        )
        .context("cannot build an empty pathspec")?;
    let mut staged = Vec::new();
    let mut submodules = Vec::new();
    let status = repo
        .tree_index_status(
            &head_tree,
            &index,
            Some(&mut everything),
            gix::status::tree_index::TrackRenames::Given(rewrites),
            |change, _, _| {
                use gix::diff::index::ChangeRef;
                let (location, id, mode, old) = match change {
                    ChangeRef::Addition {
                        location,
                        id,
                        entry_mode,
                        ..
                    } => (location, id, entry_mode, None),
                    ChangeRef::Modification {
                        location,
                        id,
                        entry_mode,
                        previous_id,
                        previous_entry_mode,
                        ..
                    } => {
                        let old = is_content(previous_entry_mode).then(|| previous_id.into_owned());
                        (location, id, entry_mode, old)
                    }
                    ChangeRef::Rewrite {
                        location,
                        id,
                        entry_mode,
                        source_id,
                        source_entry_mode,
                        ..
                    } => {
                        let old = is_content(source_entry_mode).then(|| source_id.into_owned());
                        (location, id, entry_mode, old)
                    }
                    ChangeRef::Deletion { .. } => return Ok(ControlFlow::Continue(())),
                };
                let path = location.to_str_lossy().into_owned();
                if mode.is_submodule() {
                    submodules.push(path);
                } else if is_content(mode) {
                    staged.push(StagedBlob {
                        path,
                        id: id.into_owned(),
                        old,
                    });
                }
                Ok(ControlFlow::Continue(()))
            },
        )
        .with_context(|| {
            format!(
                "{}: cannot compare the index with HEAD",
                repo.index_path().display()
            )
        })?;
    for path in submodules {
        warn(format_args!(
            "{path}: submodule, not scanned here (its commits live in its own repository; run leakgate there)"
        ));
    }
    staged.extend(conflicted_blobs(&index, &status.tree_index));
    Ok(staged)
}

/// Entry modes whose blob is content git commits: files, executables, symlinks.
fn is_content(mode: gix::index::entry::Mode) -> bool {
    !(mode.is_submodule() || mode.is_sparse())
}

/// Merge conflicts: git will not commit them as they are, but their content is on its way
/// into the repository. The "ours" and "theirs" versions are each compared with `HEAD`'s
/// blob at that path, so nothing either side adds can slip through.
fn conflicted_blobs(index: &gix::index::State, head: &gix::index::State) -> Vec<StagedBlob> {
    use gix::index::entry::Stage;
    let mut blobs = Vec::new();
    let mut warned: Option<&[u8]> = None;
    for entry in index.entries() {
        let stage = entry.stage();
        if stage == Stage::Unconflicted {
            continue;
        }
        let raw_path = entry.path(index);
        let path = raw_path.to_str_lossy().into_owned();
        if warned != Some(raw_path.as_bytes()) {
            warned = Some(raw_path.as_bytes());
            warn(format_args!(
                "{path}: unmerged (merge conflict); scanning its \"ours\" and \"theirs\" versions against HEAD; resolve it and `git add` it before committing"
            ));
        }
        if !matches!(stage, Stage::Ours | Stage::Theirs) || !is_content(entry.mode) {
            continue;
        }
        let old = head
            .entry_by_path(raw_path)
            .filter(|e| is_content(e.mode))
            .map(|e| e.id);
        blobs.push(StagedBlob {
            path,
            id: entry.id,
            old,
        });
    }
    blobs
}

/// One staged blob through the pipeline: what it adds relative to the blob it replaces
/// (every line, for a new file), plus `file` findings for its path.
fn scan_blob(repo: &gix::Repository, pipeline: &Pipeline<'_>, blob: &StagedBlob) -> Scanned {
    let lines = match blob.old.filter(|old| !old.is_null()) {
        Some(old) => Lines::AddedSince(Box::new(move || {
            repo.find_blob(old)
                .map(|mut b| vec![b.take_data()])
                .map_err(|e| {
                    format!(
                        "{}: cannot read the HEAD blob {old}: {}",
                        blob.path,
                        one_line(&e)
                    )
                })
        })),
        None => Lines::All,
    };
    let staged = Blob {
        origin: Origin::Index,
        paths: vec![blob.path.clone()],
        name: None,
        data: Data::Object { repo, id: blob.id },
    };
    pipeline.run(staged, lines)
}
