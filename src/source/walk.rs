//! `leakgate scan`: files and directory trees, walked in parallel with `ignore`.
//!
//! Hidden files are scanned (`.env`, `.npmrc`, `.github/` are where secrets live); only
//! `.git` itself is skipped. `.gitignore`, `.ignore` and `.git/info/exclude` are honoured
//! unless `--no-ignore`. Symlinks are not followed. Each walker thread reads and scans the
//! files it visits, as ripgrep does, so reading and matching overlap.

use super::{warn, Outcome};
use crate::scan::{BlobScan, Scanner};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

/// How to walk.
#[derive(Clone, Debug)]
pub struct WalkOptions {
    pub honour_ignores: bool,
    pub max_file_size: u64,
    pub scan_binary: bool,
    /// 0 lets `ignore` choose.
    pub threads: usize,
}

/// Scans `paths` (`-` is standard input). A path that does not exist is an error.
///
/// Files under `[allow] paths` are read and scanned like any other: suppression happens
/// afterwards, in `app::finish`, so the summary can say how many findings it suppressed.
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
    let mut outcome = Outcome::default();
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.as_os_str() == "-");
    if !stdin.is_empty() {
        let mut data = Vec::new();
        std::io::stdin()
            .read_to_end(&mut data)
            .map_err(|e| anyhow::anyhow!("standard input: cannot read: {e}"))?;
        outcome.files += 1;
        outcome.bytes += data.len() as u64;
        if let BlobScan::Scanned(matches) = scanner.scan_blob(None, &data, options.scan_binary) {
            outcome
                .findings
                .extend(matches.iter().map(|m| scanner.secret_finding(m, None)));
        }
    }
    if !files.is_empty() {
        let walked = walk(scanner, &files, options);
        outcome.findings.extend(walked.findings);
        outcome.files += walked.files;
        outcome.bytes += walked.bytes;
        outcome.errors += walked.errors;
    }
    Ok(outcome)
}

fn walk(scanner: &Scanner, roots: &[&PathBuf], options: &WalkOptions) -> Outcome {
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

    let findings = Mutex::new(Vec::new());
    let files = AtomicUsize::new(0);
    let bytes = AtomicU64::new(0);
    let errors = AtomicUsize::new(0);
    builder.build_parallel().run(|| {
        Box::new(|entry| {
            use ignore::WalkState::Continue;
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    warn(format_args!("{err}"));
                    errors.fetch_add(1, Ordering::Relaxed);
                    return Continue;
                }
            };
            let Some(file_type) = entry.file_type() else {
                return Continue;
            };
            if !file_type.is_file() {
                return Continue;
            }
            let path = entry.path();
            match scan_file(scanner, path, options) {
                Ok(Some((found, size))) => {
                    files.fetch_add(1, Ordering::Relaxed);
                    bytes.fetch_add(size, Ordering::Relaxed);
                    if !found.is_empty() {
                        findings.lock().expect("not poisoned").extend(found);
                    }
                }
                Ok(None) => {}
                Err(message) => {
                    warn(message);
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            Continue
        })
    });
    Outcome {
        findings: findings.into_inner().expect("not poisoned"),
        files: files.into_inner(),
        blobs: 0,
        bytes: bytes.into_inner(),
        errors: errors.into_inner(),
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

/// Reads and scans one file: sensitive-file rules, then secrets. `Ok(None)`: skipped (too
/// large, with a warning, or binary). `Err` is a one-line message naming the file.
pub fn scan_file(
    scanner: &Scanner,
    path: &Path,
    options: &WalkOptions,
) -> Result<Option<(Vec<crate::finding::Finding>, u64)>, String> {
    let shown = display_path(path);
    let metadata = std::fs::metadata(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if metadata.len() > options.max_file_size {
        warn(format_args!(
            "{shown}: skipped, {} bytes is over --max-file-size {}",
            metadata.len(),
            options.max_file_size
        ));
        return Ok(None);
    }
    let data = std::fs::read(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let mut found: Vec<crate::finding::Finding> = scanner.file_findings(&shown, Some(&data));
    match scanner.scan_blob(Some(&shown), &data, options.scan_binary) {
        BlobScan::Scanned(matches) => {
            found.extend(
                matches
                    .iter()
                    .map(|m| scanner.secret_finding(m, Some(&shown))),
            );
        }
        BlobScan::Binary => {
            if found.is_empty() {
                return Ok(None);
            }
        }
    }
    Ok(Some((found, data.len() as u64)))
}
