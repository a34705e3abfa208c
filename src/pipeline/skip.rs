//! Why a blob was not scanned, and how many were not, by reason (SPEC §1, §3).
//!
//! Nothing is skipped in silence: every blob a source enumerates is either scanned or
//! counted here, and the counts reach the human summary and the JSON `summary.skipped`.
//! Some reasons fail closed (a clean result becomes exit 2): the content exists and we did
//! not read it. Of those, only the user's own opt-out (`--max-file-size`) can be accepted
//! with `--accept-skips`; content we could not get (missing blobs of a partial clone,
//! history cut by a shallow clone, corrupt objects, unreadable files) is never "clean".
//! Others are only counted: the user turned scanning off (`--no-binary`), or the content
//! is not in git in a form we can read yet (compressed archives, Git LFS objects).

use std::collections::BTreeMap;

/// Why a blob (or part of a history) was not scanned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// Binary, and `--no-binary` was given.
    Binary,
    /// Over `--max-file-size`.
    TooLarge,
    /// Could not be read (permissions, I/O error, corrupt object).
    Unreadable,
    /// Not in the object database: a partial clone's filtered blob, or a corrupt repository.
    Missing,
    /// History cut off by a shallow clone (counted once per boundary commit).
    Shallow,
    /// A compressed archive (zip, jar, whl, gzip, bzip2, xz, zstd, 7z): not extracted yet.
    Archive,
    /// A Git LFS pointer: the content lives in LFS storage, not in git.
    Lfs,
}

impl Skip {
    /// Every reason, in the order the summary lists them.
    pub const ALL: [Skip; 7] = [
        Skip::Binary,
        Skip::TooLarge,
        Skip::Unreadable,
        Skip::Missing,
        Skip::Shallow,
        Skip::Archive,
        Skip::Lfs,
    ];

    /// The key in JSON `summary.skipped`.
    pub fn key(self) -> &'static str {
        match self {
            Skip::Binary => "binary",
            Skip::TooLarge => "too_large",
            Skip::Unreadable => "unreadable",
            Skip::Missing => "missing",
            Skip::Shallow => "shallow",
            Skip::Archive => "archive",
            Skip::Lfs => "lfs",
        }
    }

    /// How the human summary names it.
    pub fn label(self) -> &'static str {
        match self {
            Skip::Binary => "binary (--no-binary)",
            Skip::TooLarge => "over --max-file-size",
            Skip::Unreadable => "unreadable",
            Skip::Missing => "missing from the clone",
            Skip::Shallow => "shallow-clone boundary",
            Skip::Archive => "archive not extracted",
            Skip::Lfs => "LFS object not in git",
        }
    }

    /// Whether this skip turns a clean result into exit 2: content that exists and was
    /// not read.
    pub fn fails_closed(self) -> bool {
        matches!(
            self,
            Skip::TooLarge | Skip::Unreadable | Skip::Missing | Skip::Shallow
        )
    }

    /// Whether `--accept-skips` accepts this skip: only an explicit opt-out by the user
    /// (`--max-file-size`). Missing blobs, shallow history, corrupt objects and unreadable
    /// files are never accepted (issue 12 item 2): the user did not choose to skip them.
    pub fn acceptable(self) -> bool {
        matches!(self, Skip::TooLarge)
    }
}

/// Skip counts by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skips(BTreeMap<Skip, usize>);

impl Skips {
    pub fn add(&mut self, reason: Skip, count: usize) {
        if count > 0 {
            *self.0.entry(reason).or_default() += count;
        }
    }

    pub fn count(&self, reason: Skip) -> usize {
        self.0.get(&reason).copied().unwrap_or(0)
    }

    pub fn merge(&mut self, other: &Skips) {
        for (&reason, &count) in &other.0 {
            self.add(reason, count);
        }
    }

    /// Reasons with a count, in [`Skip::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Skip, usize)> + '_ {
        self.0.iter().map(|(&reason, &count)| (reason, count))
    }

    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    /// Blobs whose skip fails closed.
    pub fn failing(&self) -> usize {
        self.iter()
            .filter(|(reason, _)| reason.fails_closed())
            .map(|(_, count)| count)
            .sum()
    }

    /// Blobs whose skip fails closed and is not accepted: with `accept_skips`, only those
    /// [`Skip::acceptable`] does not cover.
    pub fn unaccepted(&self, accept_skips: bool) -> usize {
        self.iter()
            .filter(|(reason, _)| reason.fails_closed() && !(accept_skips && reason.acceptable()))
            .map(|(_, count)| count)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unread_content_fails_closed() {
        let mut skips = Skips::default();
        skips.add(Skip::Binary, 2);
        skips.add(Skip::Archive, 1);
        skips.add(Skip::Lfs, 1);
        assert_eq!(skips.failing(), 0);
        skips.add(Skip::TooLarge, 1);
        skips.add(Skip::Missing, 0);
        assert_eq!(skips.failing(), 1);
        assert_eq!(skips.total(), 5);
        assert_eq!(skips.iter().count(), 4, "a zero count is not listed");
    }

    #[test]
    fn accept_skips_never_accepts_content_we_could_not_get() {
        let mut skips = Skips::default();
        skips.add(Skip::TooLarge, 2);
        assert_eq!(skips.unaccepted(false), 2);
        assert_eq!(skips.unaccepted(true), 0);
        skips.add(Skip::Missing, 3);
        skips.add(Skip::Shallow, 1);
        skips.add(Skip::Unreadable, 1);
        skips.add(Skip::Binary, 4);
        assert_eq!(skips.unaccepted(false), 7);
        assert_eq!(skips.unaccepted(true), 5);
    }

    #[test]
    fn keys_are_distinct() {
        let keys: std::collections::HashSet<&str> = Skip::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys.len(), Skip::ALL.len());
    }
}
