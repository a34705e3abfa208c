//! What `leakgate scan PATH` adds inside a git work tree, beyond the files its walker reads.
//!
//! The walker honours ignore files through the `ignore` crate, so it cannot say what git
//! would commit. Here git decides: every `.env` file under PATH that git would commit
//! (`untracked-not-ignored`, `tracked`, `staged`) is a `file` finding, found even when the
//! walker skipped it (an ignore pattern that matches a tracked file does not untrack it, and
//! `.ignore` files mean nothing to git). Ignored `.env` files are fine and not read. Tracked
//! files that match an ignore pattern are read here, since the walker skipped them, so a
//! committed key file or token in one is still reported. Outside a git work tree the `.env`
//! check cannot be made: one warning says so.
//!
//! A regular file named on the command line whose name is no `.env` name needs none of
//! this: the walker reads a named file whatever the ignore files say, and nothing else can
//! lie under a file. Such paths skip repository discovery (opening the repository, its
//! configuration and index was a third of a pre-commit `scan a.rs`'s start-up, issue 17);
//! when every path is one, no thread is started either.

use super::survey::{self, is_under, SurveyOptions};
use super::worktree::WorkTree;
use crate::pipeline::Pipeline;
use crate::scan::Scanner;
use crate::source::walk::{self, display_path, WalkOptions};
use crate::source::{warn, Outcome};
use anyhow::Context;
use std::path::{Path, PathBuf};

/// Runs `walk` (the scan walker over `paths`) and, on a thread beside it so every core
/// stays busy, [`scan_findings`]; merges both and drops repeated findings.
pub fn scan_with_git_checks(
    scanner: &Scanner,
    paths: &[PathBuf],
    options: &WalkOptions,
    templates: &[String],
    walk: impl FnOnce() -> anyhow::Result<Outcome>,
) -> anyhow::Result<Outcome> {
    let checked: Vec<PathBuf> = paths
        .iter()
        .filter(|path| needs_git_checks(path, templates))
        .cloned()
        .collect();
    if checked.is_empty() {
        return walk();
    }
    let (walked, git) = std::thread::scope(|s| {
        let git = s.spawn(|| scan_findings(scanner, &checked, options, templates));
        (walk(), git.join())
    });
    let mut outcome = walked?;
    let git =
        git.map_err(|_| anyhow::anyhow!("the git checks of `scan` stopped unexpectedly"))??;
    outcome.merge(git);
    crate::finding::dedup_findings(&mut outcome.findings);
    Ok(outcome)
}

/// Whether the git checks can find anything for `path` that the walk does not: true for
/// standard input's `-` (skipped there), a folder, a symbolic link, anything that is not a
/// regular file, and a regular file with a `.env` name (its state is git's to say). False
/// for any other regular file: the walker reads a named file even when an ignore file
/// matches it, and no `.env` file or tracked file can lie under a file.
fn needs_git_checks(path: &Path, templates: &[String]) -> bool {
    let regular_file = std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_file());
    let env_name = path
        .file_name()
        .is_some_and(|name| super::is_env_file(&name.to_string_lossy(), templates));
    !regular_file || env_name
}

/// The `.env` findings for `paths`, and the findings in tracked files the walker skipped.
pub fn scan_findings(
    scanner: &Scanner,
    paths: &[PathBuf],
    options: &WalkOptions,
    templates: &[String],
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let pipeline = Pipeline::new(scanner, &options.policy);
    let mut outside = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            continue;
        }
        let tree = match WorkTree::locate(path)? {
            Ok(tree) => tree,
            Err(why) => {
                outside.push(format!("{} ({why})", path.display()));
                continue;
            }
        };
        let under = tree.relative(path)?;
        let found = survey::survey(
            &tree,
            &under,
            templates,
            SurveyOptions {
                prune_ignored_dirs: true,
                allow_encrypted: options.policy.dotenv_allow_encrypted,
            },
        )?;
        outcome.errors += found.errors;
        for file in found.files.iter().filter(|f| f.state.is_finding()) {
            let shown = shown_path(path, &under, &file.path);
            let ignored = super::ignored_by_git(&tree, &file.path);
            let action = super::table::action(&tree.root, &file.path, file.state, None, ignored);
            let mut finding = super::env_finding_in(&shown, file.state, Some(action));
            // Named by its work-tree path, as `dotenv`, `staged` and `history` name it, so
            // one suppression entry holds wherever the scan starts.
            finding.fingerprint = crate::finding::fingerprint(super::ENV_RULE_ID, &file.path);
            outcome.findings.push(finding);
        }
        if options.honour_ignores {
            for rel in tracked_but_ignored(&tree, &under)? {
                // `[allow] paths` apply afterwards, to the findings, as for walked files.
                let on_disk = path_under(path, &under, &rel);
                outcome.add(walk::scan_file(&pipeline, &on_disk), true);
            }
        }
    }
    if !outside.is_empty() {
        warn(format_args!(
            "{}: not inside a git work tree, so .env files were not checked against git's ignore rules",
            outside.join(", ")
        ));
    }
    Ok(outcome)
}

/// Regular files in the index under `under` that git's ignore rules match (so the walker
/// skipped them) and that exist on disk.
fn tracked_but_ignored(tree: &WorkTree, under: &str) -> anyhow::Result<Vec<String>> {
    let index = tree
        .repo
        .index_or_empty()
        .context("cannot read the git index")?;
    let mut excludes = tree.excludes()?;
    let mut paths = Vec::new();
    for entry in index.entries() {
        if entry.stage_raw() != 0
            || !matches!(
                entry.mode,
                gix::index::entry::Mode::FILE | gix::index::entry::Mode::FILE_EXECUTABLE
            )
        {
            continue;
        }
        let rel = entry.path(&index).to_string();
        if !is_under(&rel, under) || !excludes.is_ignored(&rel, false)? {
            continue;
        }
        let is_file = std::fs::symlink_metadata(tree.root.join(&rel))
            .map(|m| m.file_type().is_file())
            .unwrap_or(false);
        if is_file {
            paths.push(rel);
        }
    }
    Ok(paths)
}

/// Work-tree relative `rel`, which is under `under` (the work-tree relative form of
/// `given`), as a path starting with `given`, the way the walker reaches it.
fn path_under(given: &Path, under: &str, rel: &str) -> PathBuf {
    let rest = rel[under.len().min(rel.len())..].trim_start_matches('/');
    if rest.is_empty() {
        given.to_path_buf()
    } else {
        given.join(rest)
    }
}

/// `rel` as the walker would show it when scanning `given`.
fn shown_path(given: &Path, under: &str, rel: &str) -> String {
    display_path(&path_under(given, under, rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_from_the_scanned_path() {
        assert_eq!(shown_path(Path::new("."), "", "a/.env"), "a/.env");
        assert_eq!(
            shown_path(Path::new("sub"), "sub", "sub/x/.env"),
            "sub/x/.env"
        );
        assert_eq!(shown_path(Path::new("../r"), "", ".env"), "../r/.env");
        assert_eq!(
            shown_path(Path::new("sub/.env"), "sub/.env", "sub/.env"),
            "sub/.env"
        );
    }
}
