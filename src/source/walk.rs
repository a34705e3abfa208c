//! `leakgate scan`: files and directory trees, walked in parallel with `ignore`.
//!
//! Hidden files are scanned (`.env`, `.npmrc`, `.github/` are where secrets live); only
//! `.git` itself is skipped. `.gitignore`, `.ignore` and `.git/info/exclude` are honoured
//! unless `--no-ignore`. Symlinks are not followed. Each walker thread reads and scans the
//! files it visits, as ripgrep does, so reading and matching overlap.

use super::{warn, Outcome};
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline, Policy, Scanned};
use crate::scan::Scanner;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// How to walk.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    pub honour_ignores: bool,
    /// 0 lets `ignore` choose.
    pub threads: usize,
    /// What the pipeline does with each file.
    pub policy: Policy,
}

/// Scans `paths` (`-` is standard input). A path that does not exist is an error.
///
/// Files under `[allow] paths` are read and scanned like any other: suppression happens
/// afterwards, in the command's `finish`, so the summary can say how many findings it
/// suppressed.
pub fn scan_paths(
    scanner: &Scanner,
    paths: &[PathBuf],
    options: &WalkOptions,
) -> anyhow::Result<Outcome> {
    for path in paths {
        if path.as_os_str() != "-" && std::fs::symlink_metadata(path).is_err() {
            anyhow::bail!("{}: no such file or directory", path.display());
        }
    }
    let pipeline = Pipeline::new(scanner, &options.policy);
    let mut outcome = Outcome::default();
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let blob = Blob {
            origin: Origin::Stdin,
            paths: Vec::new(),
            name: None,
            data: Data::Stdin,
        };
        outcome.add(pipeline.run(blob, Lines::All), true);
    }
    if !files.is_empty() {
        outcome.merge(walk(&pipeline, &files, options));
    }
    Ok(outcome)
}

fn walk(pipeline: &Pipeline<'_>, roots: &[&PathBuf], options: &WalkOptions) -> Outcome {
    // Only regular files named (a hook's or an editor's few files): each is read as it is
    // named, on this thread. `ignore` never filters a path it is given (its ignore rules
    // apply to what it finds below a folder), so this reads what the walk read, without
    // building the walk (global git configuration and excludes, about 1,900 allocation
    // calls) or starting threads (issue 17: start-up cost). A symbolic link or a folder
    // among them takes the parallel walk.
    let only_files = roots
        .iter()
        .all(|root| std::fs::symlink_metadata(root).is_ok_and(|meta| meta.file_type().is_file()));
    if only_files {
        let mut outcome = Outcome::default();
        for root in roots {
            outcome.add(scan_file(pipeline, root), true);
        }
        return outcome;
    }
    let mut builder = ignore::WalkBuilder::new(roots[0]);
    for root in &roots[1..] {
        builder.add(root);
    }
    let honour = options.honour_ignores;
    builder
        .hidden(false)
        .follow_links(false)
        .git_ignore(honour)
        .git_exclude(honour)
        .git_global(honour)
        .ignore(honour)
        .parents(honour)
        .require_git(false)
        .threads(options.threads)
        .filter_entry(|entry| entry.file_name() != ".git");

    let total = Mutex::new(Outcome::default());
    // Each walker thread sums its own files and merges once, when it is done.
    builder.build_parallel().run(|| {
        let mut mine = ThreadOutcome {
            outcome: Outcome::default(),
            total: &total,
        };
        Box::new(move |entry: Result<ignore::DirEntry, ignore::Error>| {
            use ignore::WalkState::Continue;
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    warn(format_args!("{err}"));
                    mine.outcome.errors += 1;
                    return Continue;
                }
            };
            if entry.file_type().is_some_and(|t| t.is_file()) {
                mine.outcome.add(scan_file(pipeline, entry.path()), true);
            }
            Continue
        })
    });
    total.into_inner().expect("not poisoned")
}

/// One walker thread's sums, merged into the total when the thread's visitor is dropped.
struct ThreadOutcome<'t> {
    outcome: Outcome,
    total: &'t Mutex<Outcome>,
}

impl Drop for ThreadOutcome<'_> {
    fn drop(&mut self) {
        let mine = std::mem::take(&mut self.outcome);
        self.total.lock().expect("not poisoned").merge(mine);
    }
}

/// The path as shown in reports: `/`-separated, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    text.to_string()
}

/// Reads and scans one file through the pipeline (sensitive-file rules, then secrets).
/// Unreadable files are warned about (naming the file) and counted as skipped.
pub fn scan_file(pipeline: &Pipeline<'_>, path: &Path) -> Scanned {
    let blob = Blob {
        origin: Origin::WorkTree,
        paths: vec![display_path(path)],
        name: None,
        data: Data::File(path),
    };
    pipeline.run(blob, Lines::All)
}
