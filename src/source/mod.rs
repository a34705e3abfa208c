//! Sources: where the bytes to scan come from, and the provenance their findings carry.
//!
//! [`walk`] reads files and trees (`leakgate scan`); the git sources read the index
//! (`staged`) and the object database (`history`). Each produces an [`Outcome`]: findings
//! with provenance plus counts; `app` applies suppression, verification and reporting.

pub mod diff;
pub mod history;
pub mod staged;
pub mod walk;

use crate::finding::Finding;

/// What a source found and how much it read.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Files read (work-tree sources).
    pub files: usize,
    /// Blobs read (git sources).
    pub blobs: usize,
    pub bytes: u64,
    /// Inputs that could not be read; they make a clean result fail closed.
    pub errors: usize,
}

/// Prints a warning to standard error. Warnings are never silenced: an unreadable file
/// must not pass unnoticed, even with `--quiet`. Control characters in it (a file name can
/// hold any) are shown escaped.
pub fn warn(message: impl std::fmt::Display) {
    let message = crate::report::human::escape_controls(&message.to_string());
    eprintln!("warning: {message}");
}
