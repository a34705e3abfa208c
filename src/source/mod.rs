//! Sources: where the bytes to scan come from, and the provenance their findings carry.
//!
//! [`walk`] reads files and trees (`leakgate scan`); the git sources read the index
//! (`staged`) and the object database (`history`). Sources only enumerate blobs: each goes
//! through [`crate::pipeline::Pipeline::run`], and the source adds commit provenance and
//! sums the results into an [`Outcome`]: findings plus counts, skips by reason; the
//! command's `finish` applies suppression, verification and reporting.

pub mod diff;
pub mod history;
pub mod index_table;
pub mod remote;
pub mod staged;
pub mod walk;

use crate::finding::Finding;
use crate::pipeline::{Scanned, Skips};

/// What a source found and how much it read.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Files read (work-tree sources).
    pub files: usize,
    /// Blobs read (git sources).
    pub blobs: usize,
    pub bytes: u64,
    /// Inputs that could not be read outside any blob (a folder, a commit); they make a
    /// clean result fail closed.
    pub errors: usize,
    /// Blobs not scanned, by reason.
    pub skipped: Skips,
    /// Repositories audited by URL (`history --repo URL` and the repository lists); 0 for
    /// local sources.
    pub repositories: usize,
}

impl Outcome {
    /// Adds what the pipeline made of one blob; `file` says whether a scanned blob counts
    /// as a file (work tree) or a blob (git).
    pub fn add(&mut self, scanned: Scanned, file: bool) {
        if scanned.read {
            if file {
                self.files += 1;
            } else {
                self.blobs += 1;
            }
            self.bytes += scanned.bytes;
        }
        if let Some(reason) = scanned.skipped {
            self.skipped.add(reason, 1);
        }
        self.findings.extend(scanned.findings);
    }

    /// Adds another outcome's findings and counts.
    pub fn merge(&mut self, mut other: Outcome) {
        // Extend the larger list: with many findings, copying the larger one would briefly
        // hold it twice (issue 12 item 5).
        if other.findings.len() > self.findings.len() {
            std::mem::swap(&mut self.findings, &mut other.findings);
        }
        self.findings.extend(other.findings);
        self.files += other.files;
        self.blobs += other.blobs;
        self.bytes += other.bytes;
        self.errors += other.errors;
        self.skipped.merge(&other.skipped);
        self.repositories += other.repositories;
    }
}

/// Prints a warning to standard error. Warnings are never silenced: an unreadable file
/// must not pass unnoticed, even with `--quiet`. Control characters in it (a file name can
/// hold any) are shown escaped.
pub fn warn(message: impl std::fmt::Display) {
    let message = crate::report::human::escape_controls(&message.to_string());
    eprintln!("warning: {message}");
}
