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
use crate::finding::Finding;
use crate::scan::{content, Scanner};
use crate::source::diff::AddedLines;
use anyhow::Context;
use gix::bstr::ByteSlice;
use gix::ObjectId;
use std::borrow::Cow;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// Below this many blobs, scanning on the calling thread beats starting a thread pool: a
/// hook that commits three files must stay instant.
const PARALLEL_FROM: usize = 32;

/// How to scan the staged blobs.
#[derive(Clone, Debug)]
pub struct StagedOptions {
    /// Blobs larger than this are skipped with a warning.
    pub max_file_size: u64,
    /// Scan binary blobs too.
    pub scan_binary: bool,
    /// `.env` template suffixes (`[dotenv] templates`).
    pub dotenv_templates: Vec<String>,
    /// Encrypted env files are not findings (`[dotenv] allow_encrypted`).
    pub dotenv_allow_encrypted: bool,
}

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
}

/// Scans what the next commit records.
pub fn scan_staged(
    repo: &gix::Repository,
    changes: StagedChanges,
    scanner: &Scanner,
    options: &StagedOptions,
) -> anyhow::Result<Outcome> {
    // Blobs under `[allow] paths` are scanned too: `app::finish` suppresses their findings
    // and counts them in the summary, as for every other command.
    let blobs: Vec<StagedBlob> = changes.0;

    let results: Vec<BlobResult> = if blobs.len() < PARALLEL_FROM {
        blobs
            .iter()
            .map(|blob| scan_blob(repo, scanner, blob, options))
            .collect()
    } else {
        use rayon::prelude::*;
        let shared = repo.clone().into_sync();
        blobs
            .par_iter()
            .map_init(
                || shared.to_thread_local(),
                |repo, blob| scan_blob(repo, scanner, blob, options),
            )
            .collect()
    };

    let mut outcome = Outcome::default();
    for result in results {
        outcome.blobs += usize::from(result.read);
        outcome.bytes += result.bytes;
        if let Some(message) = result.error {
            warn(message);
            outcome.errors += 1;
        }
        outcome.findings.extend(result.findings);
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

/// What scanning one staged blob produced.
#[derive(Default)]
struct BlobResult {
    findings: Vec<Finding>,
    read: bool,
    bytes: u64,
    /// A blob that could not be read: a warning, and the run fails closed.
    error: Option<String>,
}

/// Reads one staged blob and reports what it adds, plus `file` findings for its path.
fn scan_blob(
    repo: &gix::Repository,
    scanner: &Scanner,
    blob: &StagedBlob,
    options: &StagedOptions,
) -> BlobResult {
    let path = blob.path.as_str();
    let mut result = BlobResult::default();
    if crate::dotenv::is_env_file(path, &options.dotenv_templates) {
        result
            .findings
            .push(crate::dotenv::staged_env_finding(repo, path));
    }
    let size = match repo.find_header(blob.id) {
        Ok(header) => header.size(),
        Err(e) => {
            result.error = Some(format!(
                "{path}: cannot read staged blob {}: {}",
                blob.id,
                one_line(&e)
            ));
            return result;
        }
    };
    if size > options.max_file_size {
        warn(format_args!(
            "{path}: skipped, {size} bytes is over --max-file-size {}",
            options.max_file_size
        ));
        result.findings.extend(scanner.file_findings(path, None));
        return result;
    }
    let data = match repo.find_blob(blob.id) {
        Ok(mut found) => found.take_data(),
        Err(e) => {
            result.error = Some(format!(
                "{path}: cannot read staged blob {}: {}",
                blob.id,
                one_line(&e)
            ));
            return result;
        }
    };
    result.read = true;
    result.bytes = data.len() as u64;
    if options.dotenv_allow_encrypted && crate::dotenv::is_encrypted_env(&data) {
        // An encrypted env file (dotenv-vault, dotenvx, SOPS) is meant to be committed.
        result
            .findings
            .retain(|f| f.rule != crate::dotenv::ENV_RULE_ID);
    }
    result
        .findings
        .extend(scanner.file_findings(path, Some(&data)));

    let text: Cow<'_, [u8]> = match content::classify(&data) {
        content::Content::Text(text) => text,
        content::Content::Binary if options.scan_binary => Cow::Borrowed(&data),
        content::Content::Binary => return result,
    };
    let matches = scanner.scan(Some(path), &text);
    if matches.is_empty() {
        return result;
    }
    let added = match old_text(repo, blob, options) {
        Some(old) => AddedLines::between(&old, &text),
        None => AddedLines::All,
    };
    result.findings.extend(
        matches
            .iter()
            .filter(|m| added.touches(&text, m))
            .map(|m| scanner.secret_finding(m, Some(path))),
    );
    result
}

/// The old blob as the text its lines are compared in (decoded like the new one). `None`
/// (every line counts as added) when there is no old blob, or it cannot be read or is too
/// large to diff: reporting too much beats a false all-clear.
fn old_text(repo: &gix::Repository, blob: &StagedBlob, options: &StagedOptions) -> Option<Vec<u8>> {
    let old = blob.old?;
    if old.is_null() {
        return None;
    }
    let header = repo.find_header(old).ok()?;
    if header.size() > options.max_file_size {
        return None;
    }
    let data = repo.find_blob(old).ok()?.take_data();
    match content::classify(&data) {
        content::Content::Text(text) => Some(text.into_owned()),
        content::Content::Binary => Some(data),
    }
}

/// An error's text on one line.
fn one_line(err: &dyn std::fmt::Display) -> String {
    err.to_string()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
