//! Every `.env` file of a work tree and its state (SPEC §2): `ignored`,
//! `untracked-not-ignored`, `tracked` or `staged`.
//!
//! Files on disk are found by a walk that ignores the ignore rules (a `.env` that git ignores
//! is listed as `ignored`, not skipped), skips `.git` and nested repositories (their files
//! belong to another repository: `git add .` records a nested repository as a link, never
//! its files) and never follows symlinks. Files git already records come from the index, so
//! a tracked `.env` that matches an ignore pattern, or one deleted from disk but still in
//! the index, is still reported. The state of a file in the index is `staged` when the index
//! differs from `HEAD` for it (or there is no `HEAD` yet), else `tracked`; git's ignore
//! rules decide between the other two.

use super::is_env_file;
use super::worktree::{Excludes, WorkTree};
use crate::source::warn;
use anyhow::Context;
use std::collections::BTreeMap;
use std::path::Path;

/// Where a `.env` file stands with git.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnvState {
    /// Git ignores it: fine.
    Ignored,
    /// On disk, not ignored, not in the index: `git add .` would commit it.
    UntrackedNotIgnored,
    /// In the index and unchanged since `HEAD`: already committed.
    Tracked,
    /// Added or changed in the index relative to `HEAD`: the next commit records it.
    Staged,
}

impl EnvState {
    /// The name used in reports.
    pub fn label(self) -> &'static str {
        match self {
            EnvState::Ignored => "ignored",
            EnvState::UntrackedNotIgnored => "untracked-not-ignored",
            EnvState::Tracked => "tracked",
            EnvState::Staged => "staged",
        }
    }

    /// Whether this state is a finding (every state but `ignored`).
    pub fn is_finding(self) -> bool {
        self != EnvState::Ignored
    }
}

/// One `.env` file and its state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvFile {
    /// Relative to the work tree's root, `/`-separated.
    pub path: String,
    pub state: EnvState,
}

/// What a survey found.
#[derive(Debug, Default)]
pub struct Survey {
    /// Sorted by path.
    pub files: Vec<EnvFile>,
    /// Folders that could not be read (each already warned about); a `.env` may hide there.
    pub errors: usize,
}

/// How to survey.
#[derive(Clone, Copy, Debug, Default)]
pub struct SurveyOptions {
    /// Skip folders git ignores, whose untracked files are all ignored anyway. Faster (no
    /// walk through `node_modules/`), but ignored `.env` files there are not listed.
    pub prune_ignored_dirs: bool,
    /// Leave out encrypted env files (dotenv-vault, dotenvx, SOPS), recognised by the
    /// content git would commit: the index's for a file in it, else the file on disk.
    pub allow_encrypted: bool,
}

/// Encrypted env files are small; a larger file is not read to find out (it stays listed).
const MAX_ENCRYPTED_BYTES: u64 = 1024 * 1024;

/// The `.env` files at or under `under` (work-tree relative, `""` for all) with their states.
pub fn survey(
    tree: &WorkTree,
    under: &str,
    templates: &[String],
    options: SurveyOptions,
) -> anyhow::Result<Survey> {
    let mut excludes = tree.excludes()?;
    let in_index = index_states(tree, under, templates)?;
    let mut survey = Survey::default();
    let on_disk = walk(tree, under, templates, options, &mut excludes, &mut survey)?;
    let mut states: BTreeMap<String, EnvState> = in_index;
    for path in on_disk {
        if states.contains_key(&path) {
            continue;
        }
        let state = if excludes.is_ignored(&path, false)? {
            EnvState::Ignored
        } else {
            EnvState::UntrackedNotIgnored
        };
        states.insert(path, state);
    }
    if options.allow_encrypted {
        states.retain(|path, state| !is_encrypted(tree, path, *state));
    }
    survey.files = states
        .into_iter()
        .map(|(path, state)| EnvFile { path, state })
        .collect();
    Ok(survey)
}

/// Whether the `.env` file at `path` holds only encrypted values, in the content git would
/// commit. Unreadable content is not encrypted (the file stays listed).
fn is_encrypted(tree: &WorkTree, path: &str, state: EnvState) -> bool {
    let content = match state {
        EnvState::Tracked | EnvState::Staged => index_content(tree, path),
        EnvState::Ignored | EnvState::UntrackedNotIgnored => {
            let on_disk = tree.root.join(path);
            std::fs::symlink_metadata(&on_disk)
                .ok()
                .filter(|m| m.is_file() && m.len() <= MAX_ENCRYPTED_BYTES)
                .and_then(|_| std::fs::read(&on_disk).ok())
        }
    };
    content.is_some_and(|data| super::is_encrypted_env(&data))
}

/// The index's blob for `path` (stage 0), if small enough to read.
fn index_content(tree: &WorkTree, path: &str) -> Option<Vec<u8>> {
    let index = tree.repo.index_or_empty().ok()?;
    let entry = index.entry_by_path(path.into())?;
    let header = tree.repo.find_header(entry.id).ok()?;
    if header.size() > MAX_ENCRYPTED_BYTES {
        return None;
    }
    let mut blob = tree.repo.find_blob(entry.id).ok()?;
    Some(blob.take_data())
}

/// Whether work-tree relative `path` is `under` (a folder or the file itself).
pub fn is_under(path: &str, under: &str) -> bool {
    under.is_empty()
        || path == under
        || (path.len() > under.len()
            && path.starts_with(under)
            && path.as_bytes()[under.len()] == b'/')
}

/// `.env` entries of the index under `under`: `staged` or `tracked`.
fn index_states(
    tree: &WorkTree,
    under: &str,
    templates: &[String],
) -> anyhow::Result<BTreeMap<String, EnvState>> {
    let repo = &tree.repo;
    let index = repo.index_or_empty().context("cannot read the git index")?;
    let head_tree = if repo.head().context("cannot read HEAD")?.is_unborn() {
        None
    } else {
        Some(repo.head_tree().context("cannot read HEAD's tree")?)
    };
    let mut states = BTreeMap::new();
    for entry in index.entries() {
        // Submodules, and folders of a sparse index, are not files.
        if matches!(
            entry.mode,
            gix::index::entry::Mode::COMMIT | gix::index::entry::Mode::DIR
        ) {
            continue;
        }
        let path = entry.path(&index).to_string();
        if !is_under(&path, under) || !is_env_file(&path, templates) {
            continue;
        }
        let unchanged = entry.stage_raw() == 0
            && match &head_tree {
                None => false,
                Some(tree) => tree
                    .lookup_entry_by_path(&path)
                    .with_context(|| format!("{path}: cannot look it up in HEAD"))?
                    .is_some_and(|e| {
                        e.object_id() == entry.id
                            && u32::from(e.mode().value()) == entry.mode.bits()
                    }),
            };
        let state = if unchanged {
            EnvState::Tracked
        } else {
            EnvState::Staged
        };
        // A conflicted path has several entries; any of them differing makes it staged.
        let slot = states.entry(path).or_insert(state);
        *slot = (*slot).max(state);
    }
    Ok(states)
}

/// `.env` files on disk at or under `under`, work-tree relative.
fn walk(
    tree: &WorkTree,
    under: &str,
    templates: &[String],
    options: SurveyOptions,
    excludes: &mut Excludes<'_>,
    survey: &mut Survey,
) -> anyhow::Result<Vec<String>> {
    let start = if under.is_empty() {
        tree.root.clone()
    } else {
        tree.root.join(under)
    };
    let mut found = Vec::new();
    let Ok(metadata) = std::fs::symlink_metadata(&start) else {
        return Ok(found);
    };
    if !metadata.is_dir() {
        if is_env_file(under, templates) {
            found.push(under.to_string());
        }
        return Ok(found);
    }
    let mut pending = vec![(start, under.to_string())];
    while let Some((dir, rel)) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                warn(format_args!("{}: cannot read folder: {err}", shown(&rel)));
                survey.errors += 1;
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    warn(format_args!("{}: cannot read folder: {err}", shown(&rel)));
                    survey.errors += 1;
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            // `file_type` does not follow symlinks: a link to a folder is not walked, and a
            // link named `.env` is a file git would commit (as a link).
            let Ok(file_type) = entry.file_type() else {
                warn(format_args!("{child}: cannot read"));
                survey.errors += 1;
                continue;
            };
            if file_type.is_dir() {
                if name == ".git" || is_nested_repository(&entry.path()) {
                    continue;
                }
                if options.prune_ignored_dirs && excludes.dir_ignored(&child)? {
                    continue;
                }
                pending.push((entry.path(), child));
            } else if is_env_file(&name, templates) {
                found.push(child);
            }
        }
    }
    Ok(found)
}

/// A folder holding its own `.git` (folder or file): a nested repository or submodule.
fn is_nested_repository(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(".git")).is_ok()
}

fn shown(rel: &str) -> &str {
    if rel.is_empty() {
        "."
    } else {
        rel
    }
}

#[cfg(test)]
mod tests {
    use super::is_under;

    #[test]
    fn under_means_the_folder_or_the_file_itself() {
        assert!(is_under("a/.env", ""));
        assert!(is_under("a/.env", "a"));
        assert!(is_under("a/.env", "a/.env"));
        assert!(!is_under("ab/.env", "a"));
        assert!(!is_under(".env", "a"));
    }
}
