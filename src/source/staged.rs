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

use super::index_table::IndexTable;
use super::{warn, Outcome};
use crate::pipeline::{one_line, Blob, Data, Lines, Origin, Pipeline, Policy, Scanned};
use crate::scan::Scanner;
use anyhow::Context;
use gix::bstr::{BStr, ByteSlice};
use gix::index::entry::{Flags, Mode};
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

/// The index the next commit will record, as the hook read it.
#[derive(Debug)]
enum ReadIndex {
    /// Entries found in the mapped file and decoded one by one when asked (most indexes:
    /// see `index_table`).
    Table(IndexTable),
    /// gix's full decode: an index the table declines (split, sparse, with merge conflicts,
    /// or not there at all), and the source of the error for one that does not decode.
    Gix(Box<gix::index::File>),
}

impl ReadIndex {
    fn entries(&self) -> &dyn Entries {
        match self {
            ReadIndex::Table(table) => table,
            ReadIndex::Gix(file) => &***file,
        }
    }
}

/// What the comparison reads of an index: its entries by position, sorted by path and
/// then stage, and its cache-tree.
trait Entries {
    fn len(&self) -> usize;
    fn path(&self, i: usize) -> &BStr;
    fn id(&self, i: usize) -> ObjectId;
    fn mode(&self, i: usize) -> Mode;
    fn flags(&self, i: usize) -> Flags;
    fn tree(&self) -> Option<&gix::index::extension::Tree>;
}

impl Entries for gix::index::State {
    fn len(&self) -> usize {
        self.entries().len()
    }
    fn path(&self, i: usize) -> &BStr {
        self.entries()[i].path(self)
    }
    fn id(&self, i: usize) -> ObjectId {
        self.entries()[i].id
    }
    fn mode(&self, i: usize) -> Mode {
        self.entries()[i].mode
    }
    fn flags(&self, i: usize) -> Flags {
        self.entries()[i].flags
    }
    fn tree(&self) -> Option<&gix::index::extension::Tree> {
        gix::index::State::tree(self)
    }
}

impl Entries for IndexTable {
    fn len(&self) -> usize {
        IndexTable::len(self)
    }
    fn path(&self, i: usize) -> &BStr {
        IndexTable::path(self, i)
    }
    fn id(&self, i: usize) -> ObjectId {
        IndexTable::id(self, i)
    }
    fn mode(&self, i: usize) -> Mode {
        IndexTable::mode(self, i)
    }
    fn flags(&self, i: usize) -> Flags {
        IndexTable::flags(self, i)
    }
    fn tree(&self) -> Option<&gix::index::extension::Tree> {
        IndexTable::tree(self)
    }
}

/// Reads the index the next commit will record (`GIT_INDEX_FILE` when git sets it for a
/// hook), or an empty one when there is none yet: as a table of entry offsets when the
/// file allows (`index_table`: no 100,000 decoded entries for five staged files), else
/// with gix.
fn read_index(repo: &gix::Repository) -> anyhow::Result<ReadIndex> {
    match IndexTable::read(&repo.index_path(), repo.object_hash()) {
        Some(table) => Ok(ReadIndex::Table(table)),
        None => read_gix_index(repo).map(|file| ReadIndex::Gix(Box::new(file))),
    }
}

/// Reads the index with gix's full decode.
///
/// Unlike `gix::Repository::index`, the SHA-1 trailer is not checked: git itself checks it
/// only in `git fsck` (`verify_index_checksum`, read-cache.c), so `git commit` records
/// whatever entries the file holds, and so reads the hook. Checking it is hashing the
/// whole file, most of the hook's time in a large repository (docs/performance.md "Hook").
/// A file that does not decode (truncated, torn) is an error.
fn read_gix_index(repo: &gix::Repository) -> anyhow::Result<gix::index::File> {
    let path = repo.index_path();
    gix::index::File::at_or_default(
        &path,
        repo.object_hash(),
        true,
        gix::index::decode::Options::default(),
    )
    .map_err(|e| anyhow::anyhow!("{}: cannot read the index ({e})", path.display()))
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
pub struct StagedChanges {
    blobs: Vec<StagedBlob>,
    /// The index the blobs were found in, kept for [`StagedChanges::with_whole_paths`].
    index: ReadIndex,
}

impl StagedChanges {
    /// Compares the index with `HEAD`; warns about submodules and merge conflicts.
    pub fn find(repo: &gix::Repository) -> anyhow::Result<StagedChanges> {
        let index = read_index(repo)?;
        let blobs = staged_blobs(repo, &index)?;
        Ok(StagedChanges { blobs, index })
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
        let index = self.index.entries();
        let changed: std::collections::HashSet<String> =
            self.blobs.iter().map(|b| b.path.clone()).collect();
        let mut added = std::collections::HashSet::new();
        for path in paths {
            let wanted = repository_path(repo, path)?;
            let mut found = false;
            // Index entries are sorted by path: those under `wanted` share its bytes as a
            // prefix, in one run.
            let first = partition_point(0..index.len(), |i| index.path(i) < wanted.as_bytes());
            let end = partition_point(first..index.len(), |i| {
                index.path(i).starts_with(wanted.as_bytes())
            });
            for i in first..end {
                let entry_path = index.path(i).to_str_lossy();
                let under = wanted.is_empty()
                    || entry_path == wanted
                    || entry_path
                        .strip_prefix(wanted.as_str())
                        .is_some_and(|rest| rest.starts_with('/'));
                if !under {
                    continue;
                }
                found = true;
                let mode = index.mode(i);
                if index.flags(i).stage() != gix::index::entry::Stage::Unconflicted
                    || !is_content(mode)
                    || mode.is_submodule()
                    || changed.contains(entry_path.as_ref())
                    || !added.insert(entry_path.to_string())
                {
                    continue;
                }
                self.blobs.push(StagedBlob {
                    path: entry_path.into_owned(),
                    id: index.id(i),
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
    let StagedChanges { blobs, index } = changes;
    // The index is not needed any more, and freeing a large one piece by piece is a
    // measurable part of a hook's run in a monorepo: the process ends soon after.
    std::mem::forget(index);
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
///
/// The index and `HEAD`'s tree are compared directly ([`compare_quickly`]), reading only
/// the trees of folders the index's cache of tree ids says changed, so that committing five
/// files costs the same in a repository of a hundred files or of a million. Only when the
/// change both adds and deletes files (a possible rename, which needs every candidate pair
/// compared), or with a sparse index, does gix's full comparison run.
fn staged_blobs(repo: &gix::Repository, index: &ReadIndex) -> anyhow::Result<Vec<StagedBlob>> {
    let head_tree = repo
        .head_tree_id_or_empty()
        .context("HEAD: cannot read its tree")?
        .detach();
    let index = match index {
        // The table holds no merge-conflict stage and no sparse folder (it declines both),
        // so there is no conflicted blob to add.
        ReadIndex::Table(table) => {
            if let Some(quick) = compare_quickly(repo, table, head_tree)? {
                warn_submodules(quick.submodules);
                return Ok(quick.blobs);
            }
            // A possible rename: gix's full comparison needs gix's index.
            let index = read_gix_index(repo)?;
            return staged_blobs_with_renames(repo, &index, head_tree);
        }
        ReadIndex::Gix(index) => index,
    };
    if !index.is_sparse() {
        if let Some(quick) = compare_quickly(repo, &***index, head_tree)? {
            warn_submodules(quick.submodules);
            let mut staged = quick.blobs;
            staged.extend(conflicted_blobs(index, |path| {
                quick.conflicted_in_head.get(path).copied()
            }));
            return Ok(staged);
        }
    }
    staged_blobs_with_renames(repo, index, head_tree)
}

/// What [`compare_quickly`] found.
#[derive(Debug, Default)]
struct QuickComparison {
    blobs: Vec<StagedBlob>,
    /// Submodules the next commit changes (not scanned, warned about).
    submodules: Vec<String>,
    /// The `HEAD` blob at each path with a merge conflict.
    conflicted_in_head: std::collections::HashMap<gix::bstr::BString, ObjectId>,
    added: bool,
    deleted: bool,
    /// `HEAD` trees read (the folders the cache-tree could not vouch for).
    trees_read: usize,
}

/// Compares the index with `HEAD`'s tree folder by folder. A folder whose tree id in the
/// index's cache-tree extension (kept by git as it stages, and what `git commit` writes
/// as the folder's tree) equals `HEAD`'s is skipped unread; in the others, each index entry is
/// compared by id and mode with `HEAD`'s entry at its path. `None` when the change adds and
/// deletes files: renames must then be looked for.
fn compare_quickly<I: Entries + ?Sized>(
    repo: &gix::Repository,
    index: &I,
    head_tree: ObjectId,
) -> anyhow::Result<Option<QuickComparison>> {
    let mut walk = QuickWalk {
        repo,
        index,
        found: QuickComparison::default(),
    };
    walk.folder(0, 0..index.len(), Some(head_tree), index.tree())?;
    let found = walk.found;
    Ok((!(found.added && found.deleted)).then_some(found))
}

/// How many positions from 0 on (of `len`) satisfy `in_run`, which holds for position 0
/// and then for a prefix only: a galloping search (1, 2, 4... then binary), so a run of
/// `n` costs about 2·log2(n) probes, near its start.
fn run_length(len: usize, in_run: impl Fn(usize) -> bool) -> usize {
    let mut probe = 1;
    while probe < len && in_run(probe) {
        probe *= 2;
    }
    // Position `probe / 2` is in the run; the end is after it and at most at `probe`.
    partition_point(probe / 2 + 1..probe.min(len), in_run)
}

/// The first position in `range` where `before` turns false (`range.end` if it never
/// does); `before` holds for a prefix of `range` only. `slice::partition_point` over
/// positions instead of items.
fn partition_point(range: std::ops::Range<usize>, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (range.start, range.end.max(range.start));
    while low < high {
        let middle = low + (high - low) / 2;
        if before(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

/// The position of `name` in `sorted` (sorted by `key`), trying `*next` first: the walk
/// asks for the names of a folder mostly in order, so that is usually it, and a folder of
/// a thousand sub-folders costs a comparison each instead of a binary search each. Sets
/// `*next` past the position found.
fn find_sorted<T>(
    sorted: &[T],
    key: impl Fn(&T) -> &[u8],
    name: &[u8],
    next: &mut usize,
) -> Option<usize> {
    let found = match sorted.get(*next) {
        Some(item) if key(item) == name => Some(*next),
        _ => sorted.binary_search_by(|item| key(item).cmp(name)).ok(),
    };
    if let Some(i) = found {
        *next = i + 1;
    }
    found
}

/// One entry of a `HEAD` tree, owned.
struct HeadEntry {
    name: gix::bstr::BString,
    mode: gix::objs::tree::EntryMode,
    id: ObjectId,
}

struct QuickWalk<'r, I: ?Sized> {
    repo: &'r gix::Repository,
    index: &'r I,
    found: QuickComparison,
}

impl<I: Entries + ?Sized> QuickWalk<'_, I> {
    /// Compares the index entries `entries`, all under one folder whose path is the first
    /// `prefix` bytes of theirs, with the folder's tree in `HEAD` (`head`; `None` if
    /// `HEAD` has no such folder) and the index's cached tree of it.
    fn folder(
        &mut self,
        prefix: usize,
        entries: std::ops::Range<usize>,
        head: Option<ObjectId>,
        cached: Option<&gix::index::extension::Tree>,
    ) -> anyhow::Result<()> {
        if let (Some(head), Some(cached)) = (head, cached) {
            if cached.num_entries.is_some() && cached.id == head {
                return Ok(());
            }
        }
        let mut head_entries = match head {
            Some(id) => self.head_entries(id)?,
            None => Vec::new(),
        };
        head_entries.sort_by(|a, b| a.name.cmp(&b.name));
        let mut matched = vec![false; head_entries.len()];
        // The cache-tree's sub-folders, by name (git keeps them in its own order).
        let mut cached_children: Vec<&gix::index::extension::Tree> =
            cached.map_or_else(Vec::new, |c| c.children.iter().collect());
        cached_children.sort_by(|a, b| a.name.cmp(&b.name));
        let index = self.index;
        let (mut next_cached, mut next_head) = (0, 0);
        let mut at = entries.start;
        while at < entries.end {
            let path = index.path(at);
            let rest = &path[prefix..];
            let (name, is_folder) = match rest.find_byte(b'/') {
                Some(slash) => (&rest[..slash], true),
                None => (rest, false),
            };
            let cached_child = match is_folder {
                true => find_sorted(&cached_children, |t| &t.name, name, &mut next_cached)
                    .map(|i| cached_children[i]),
                false => None,
            };
            // The entries of this name: one file (its conflict stages), or a folder's. They
            // are one run from `at` (entries are sorted by path, and the paths under
            // `name/` sort together). A folder the cache-tree vouches for spans the number
            // of entries it records, checked at the run's end; otherwise a galloping search
            // finds the end in about 2·log2(its entries) steps. Either way a folder is passed
            // over without walking its entries: the cost follows the folders that changed,
            // not the size of the index.
            let in_run = |i: usize| {
                let next = &index.path(i)[prefix..];
                if is_folder {
                    next.len() > name.len() && next.starts_with(name) && next[name.len()] == b'/'
                } else {
                    next == name
                }
            };
            let run_len = entries.end - at;
            let end = at
                + match cached_child.and_then(|c| c.num_entries).map(|n| n as usize) {
                    Some(n)
                        if n > 0
                            && n <= run_len
                            && in_run(at + n - 1)
                            && (n == run_len || !in_run(at + n)) =>
                    {
                        n
                    }
                    _ => run_length(run_len, |i| in_run(at + i)),
                };
            let in_head = find_sorted(&head_entries, |e| &e.name, name, &mut next_head);
            if let Some(i) = in_head {
                matched[i] = true;
            }
            let head_entry = in_head.map(|i| &head_entries[i]);
            if is_folder {
                let head_folder = match head_entry {
                    Some(e) if e.mode.is_tree() => Some(e.id),
                    // A file that became a folder: the file is deleted.
                    Some(_) => {
                        self.found.deleted = true;
                        None
                    }
                    None => None,
                };
                self.folder(prefix + name.len() + 1, at..end, head_folder, cached_child)?;
            } else {
                let head_file = match head_entry {
                    Some(e) if e.mode.is_tree() => {
                        // A folder that became a file: its files are deleted.
                        self.found.deleted = true;
                        None
                    }
                    other => other,
                };
                self.file(at..end, head_file);
            }
            at = end;
        }
        if matched.contains(&false) {
            self.found.deleted = true;
        }
        Ok(())
    }

    /// Compares the index entries of one path (several when it has a merge conflict) with
    /// `HEAD`'s entry there.
    fn file(&mut self, stages: std::ops::Range<usize>, head: Option<&HeadEntry>) {
        use gix::index::entry::Stage;
        let index = self.index;
        let at = stages.start;
        let path = index.path(at);
        let flags = index.flags(at);
        if flags.stage() != Stage::Unconflicted || stages.len() > 1 {
            // Scanned by `conflicted_blobs` against this HEAD blob.
            if let Some(head) = head.filter(|h| h.mode.is_blob_or_symlink()) {
                self.found
                    .conflicted_in_head
                    .insert(path.to_owned(), head.id);
            }
            return;
        }
        if flags.contains(Flags::INTENT_TO_ADD) {
            // `git add -N`: nothing staged yet (gix's comparison skips these too).
            return;
        }
        let (id, mode) = (index.id(at), index.mode(at));
        if let Some(head) = head {
            if head.id == id && index_mode(head.mode) == mode {
                return;
            }
        } else {
            self.found.added = true;
        }
        let path = path.to_str_lossy().into_owned();
        if mode.is_submodule() {
            self.found.submodules.push(path);
        } else if is_content(mode) {
            self.found.blobs.push(StagedBlob {
                path,
                id,
                old: head
                    .filter(|h| is_content(index_mode(h.mode)))
                    .map(|h| h.id),
            });
        }
    }

    /// The entries of `HEAD`'s tree `id`.
    fn head_entries(&mut self, id: ObjectId) -> anyhow::Result<Vec<HeadEntry>> {
        self.found.trees_read += 1;
        let tree = self
            .repo
            .find_tree(id)
            .with_context(|| format!("HEAD: cannot read tree {id}"))?;
        let decoded = tree
            .decode()
            .with_context(|| format!("HEAD: cannot decode tree {id}"))?;
        Ok(decoded
            .entries
            .iter()
            .map(|e| HeadEntry {
                name: e.filename.to_owned(),
                mode: e.mode,
                id: e.oid.to_owned(),
            })
            .collect())
    }
}

/// The index's mode for a tree entry's (as gix makes an index from a tree).
fn index_mode(mode: gix::objs::tree::EntryMode) -> gix::index::entry::Mode {
    use gix::index::entry::Mode;
    use gix::objs::tree::EntryKind;
    match mode.kind() {
        EntryKind::Tree => Mode::DIR,
        EntryKind::Blob => Mode::FILE,
        EntryKind::BlobExecutable => Mode::FILE_EXECUTABLE,
        EntryKind::Link => Mode::SYMLINK,
        EntryKind::Commit => Mode::COMMIT,
    }
}

fn warn_submodules(paths: Vec<String>) {
    for path in paths {
        warn(format_args!(
            "{path}: submodule, not scanned here (its commits live in its own repository; run leakgate there)"
        ));
    }
}

/// [`staged_blobs`] by gix's full comparison of the index with `HEAD`'s tree, with rename
/// tracking (50% similarity, as git's default).
///
/// This is what `gix::Repository::tree_index_status` does (`HEAD`'s tree read into an
/// index, then `gix_diff::index` with a rewrite tracker), called directly: gix's `status`
/// feature, which provides that method, would also compile the work-tree status and
/// directory walk (gix-status, gix-dir) that leakgate never uses.
fn staged_blobs_with_renames(
    repo: &gix::Repository,
    index: &gix::index::State,
    head_tree: ObjectId,
) -> anyhow::Result<Vec<StagedBlob>> {
    let rewrites = gix::diff::Rewrites {
        copies: None,
        percentage: Some(0.5),
        limit: 1000,
        track_empty: false,
    };
    let head: gix::index::State = repo
        .index_from_tree(&head_tree)
        .with_context(|| format!("HEAD: cannot read tree {head_tree}"))?
        .into();
    let mut resource_cache = repo
        .diff_resource_cache_for_tree_diff()
        .context("cannot prepare the rename detection")?;
    // Every path, wherever in the work tree leakgate runs: no pattern and no prefix (a
    // hook may run in any subfolder). Without patterns no attribute is ever asked for.
    let mut everything = gix::pathspec::Search::from_specs(std::iter::empty(), None, Path::new(""))
        .context("cannot build an empty pathspec")?;
    let mut staged = Vec::new();
    let mut submodules = Vec::new();
    gix_diff::index(
        &head,
        index,
        |change| {
            use gix_diff::index::ChangeRef;
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
        Some(gix_diff::index::RewriteOptions {
            resource_cache: &mut resource_cache,
            find: repo,
            rewrites,
        }),
        &mut everything,
        &mut |_, _, _, _| false,
    )
    .with_context(|| {
        format!(
            "{}: cannot compare the index with HEAD",
            repo.index_path().display()
        )
    })?;
    warn_submodules(submodules);
    staged.extend(conflicted_blobs(index, |path| {
        head.entry_by_path(path)
            .filter(|e| is_content(e.mode))
            .map(|e| e.id)
    }));
    Ok(staged)
}

/// Entry modes whose blob is content git commits: files, executables, symlinks.
fn is_content(mode: gix::index::entry::Mode) -> bool {
    !(mode.is_submodule() || mode.is_sparse())
}

/// Merge conflicts: git will not commit them as they are, but their content is on its way
/// into the repository. The "ours" and "theirs" versions are each compared with `HEAD`'s
/// blob at that path, so nothing either side adds can slip through.
fn conflicted_blobs(
    index: &gix::index::State,
    head_blob: impl Fn(&gix::bstr::BStr) -> Option<ObjectId>,
) -> Vec<StagedBlob> {
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
        let old = head_blob(raw_path);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository made with the real `git`, isolated from the user's configuration.
    struct TestRepo(tempfile::TempDir);

    impl TestRepo {
        fn new() -> TestRepo {
            let repo = TestRepo(tempfile::tempdir().unwrap());
            repo.git(&["init", "-q", "-b", "main"]);
            repo
        }

        fn git(&self, args: &[&str]) {
            crate::test_git::git(self.0.path(), args);
        }

        /// Writes a file dated a minute ago: a file as new as the index is "racily
        /// clean" to git, which then re-adds it on `git add -A` and drops the cache-tree
        /// of its folders; on a fast or a busy machine that made the count of trees read
        /// depend on timing.
        fn write(&self, rel: &str, text: &str) {
            let path = self.0.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            let a_minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|file| file.set_modified(a_minute_ago))
                .unwrap();
        }

        fn open(&self) -> gix::Repository {
            gix::open_opts(self.0.path(), gix::open::Options::isolated()).unwrap()
        }

        /// The quick comparison (`None`: it declined) and the full one, sorted.
        fn both(&self) -> (Option<QuickComparison>, Vec<StagedBlob>) {
            let repo = self.open();
            let index = repo.index_or_empty().unwrap();
            let head = repo.head_tree_id_or_empty().unwrap().detach();
            let state: &gix::index::State = &index;
            let mut quick = compare_quickly(&repo, state, head).unwrap();
            if let Some(quick) = quick.as_mut() {
                quick.blobs.sort_by(|a, b| a.path.cmp(&b.path));
            }
            let mut full = staged_blobs_with_renames(&repo, &index, head).unwrap();
            full.sort_by(|a, b| a.path.cmp(&b.path));
            (quick, full)
        }
    }

    /// A tree of `folders` folders of 5 files each, committed.
    fn committed_tree(folders: usize) -> TestRepo {
        let repo = TestRepo::new();
        for f in 0..folders {
            for i in 0..5 {
                repo.write(&format!("src/m{f:02}/deep/f{i}.txt"), &format!("{f} {i}\n"));
            }
        }
        repo.write("top.txt", "top\n");
        repo.write("run.sh", "echo hi\n");
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "tree"]);
        repo
    }

    #[test]
    fn the_quick_comparison_agrees_with_the_full_one() {
        let repo = committed_tree(6);
        // Modified, added (new folder and existing folder), mode changed.
        repo.write("src/m01/deep/f2.txt", "changed\n");
        repo.write("src/m03/new.txt", "new\n");
        repo.write("docs/a/b.txt", "new folder\n");
        repo.git(&["add", "-A"]);
        repo.git(&["update-index", "--chmod=+x", "run.sh"]);
        let (quick, full) = repo.both();
        let quick = quick.expect("no deletion: no rename to look for");
        assert_eq!(quick.blobs, full);
        let paths: Vec<&str> = full.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "docs/a/b.txt",
                "run.sh",
                "src/m01/deep/f2.txt",
                "src/m03/new.txt"
            ]
        );
        assert!(full[2].old.is_some() && full[0].old.is_none());

        // Only deletions: nothing to scan either way.
        repo.git(&["commit", "-q", "-m", "more"]);
        repo.git(&["rm", "-q", "-r", "src/m04", "top.txt"]);
        let (quick, full) = repo.both();
        assert_eq!(quick.expect("deletions alone").blobs, full);
        assert!(full.is_empty());

        // A deletion and an addition together may be a rename: the full comparison runs.
        repo.write("moved.txt", "0 0\n");
        repo.git(&["add", "-A"]);
        assert!(repo.both().0.is_none());
    }

    #[test]
    fn a_file_replaced_by_a_folder_and_back_agrees() {
        let repo = committed_tree(2);
        repo.git(&["rm", "-q", "top.txt"]);
        repo.write("top.txt/inside.txt", "x\n");
        repo.git(&["add", "-A"]);
        let (quick, full) = repo.both();
        // An addition and a deletion: renames are looked for by the full comparison.
        assert!(quick.is_none());
        assert_eq!(full.len(), 1);
    }

    #[test]
    fn a_rename_is_compared_with_its_source_blob() {
        let repo = committed_tree(1);
        let long: String = (0..40).map(|i| format!("line {i} of the file\n")).collect();
        repo.write("old-name.txt", &long);
        repo.write("exact.txt", &long.replace("line", "row"));
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "files to move"]);
        let head_blob = |path: &str| {
            repo.open()
                .rev_parse_single(format!("HEAD:{path}").as_str())
                .unwrap()
                .detach()
        };
        let (similar_source, exact_source) = (head_blob("old-name.txt"), head_blob("exact.txt"));
        // One rename with an edit (39 of 40 lines kept), one without, one unrelated file.
        std::fs::remove_file(repo.0.path().join("old-name.txt")).unwrap();
        repo.write("new-name.txt", &format!("{long}one more line\n"));
        repo.git(&["mv", "exact.txt", "moved-exact.txt"]);
        repo.write("unrelated.txt", "nothing alike\n");
        repo.git(&["add", "-A"]);
        let (quick, full) = repo.both();
        assert!(
            quick.is_none(),
            "additions and deletions: renames are looked for"
        );
        let found: Vec<(&str, Option<ObjectId>)> =
            full.iter().map(|b| (b.path.as_str(), b.old)).collect();
        assert_eq!(
            found,
            [
                ("moved-exact.txt", Some(exact_source)),
                ("new-name.txt", Some(similar_source)),
                ("unrelated.txt", None),
            ]
        );
    }

    #[test]
    fn before_the_first_commit_everything_staged_is_new() {
        let repo = TestRepo::new();
        repo.write("a/b.txt", "b\n");
        repo.write("c.txt", "c\n");
        repo.git(&["add", "-A"]);
        let (quick, full) = repo.both();
        assert_eq!(quick.unwrap().blobs, full);
        assert_eq!(full.len(), 2);
    }

    #[test]
    fn unchanged_folders_are_not_read() {
        let repo = committed_tree(40);
        let (quick, _) = repo.both();
        let quick = quick.unwrap();
        assert!(quick.blobs.is_empty());
        assert_eq!(quick.trees_read, 0, "nothing staged: no tree read");

        repo.write("src/m07/deep/f1.txt", "edited\n");
        repo.write("src/m31/deep/f3.txt", "edited\n");
        repo.git(&["add", "-A"]);
        let (quick, full) = repo.both();
        let quick = quick.unwrap();
        assert_eq!(quick.blobs, full);
        assert_eq!(full.len(), 2);
        // The root, src/, and src/m07 and src/m31 with their deep/ folders: 6 of 82.
        assert_eq!(quick.trees_read, 6);
    }

    /// The hook's own read of the index (a table of offsets when it can be) finds exactly
    /// what gix's full comparison finds, over generated changes: edits, new files in
    /// existing and new folders, mode changes, intent-to-add, skip-worktree and deletions
    /// (then renames are looked for), in index versions 2, 3 and 4, and in split indexes
    /// (left to gix).
    #[test]
    fn the_hook_finds_what_the_full_comparison_finds() {
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut pick = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for case in 0..24 {
            let repo = committed_tree(8);
            let version = ["2", "3", "4"][case % 3];
            repo.git(&["update-index", "--index-version", version]);
            let split = case % 8 == 7;
            if split {
                repo.git(&["update-index", "--split-index"]);
            }
            let mut ops = Vec::new();
            for op in 0..1 + pick(6) {
                let existing = format!("src/m{:02}/deep/f{}.txt", pick(8), pick(5));
                let new_file = format!("src/m{:02}/deep/new{op}.txt", pick(8));
                let new_folder = format!("fresh{}/d{op}/n.txt", pick(3));
                match pick(7) {
                    0 => {
                        repo.write(&existing, &format!("edited {case} {op}\n"));
                        repo.git(&["add", &existing]);
                    }
                    1 => {
                        repo.write(&new_file, &format!("new {case} {op}\n"));
                        repo.git(&["add", &new_file]);
                    }
                    2 => {
                        repo.write(&new_folder, &format!("folder {case} {op}\n"));
                        repo.git(&["add", &new_folder]);
                    }
                    3 => repo.git(&["update-index", "--chmod=+x", &existing]),
                    4 => {
                        repo.write(&new_file, &format!("intent {case} {op}\n"));
                        repo.git(&["add", "-N", &new_file]);
                    }
                    5 => repo.git(&["update-index", "--skip-worktree", &existing]),
                    _ => repo.git(&["rm", "-q", "--cached", "--ignore-unmatch", &existing]),
                }
                ops.push(existing);
            }
            let opened = repo.open();
            let found = StagedChanges::find(&opened).unwrap();
            assert_eq!(
                matches!(found.index, ReadIndex::Table(_)),
                !split,
                "case {case}: the table reads every unsplit index"
            );
            let mut hook = found.blobs;
            hook.sort_by(|a, b| a.path.cmp(&b.path));
            let head = opened.head_tree_id_or_empty().unwrap().detach();
            let gix_index = read_gix_index(&opened).unwrap();
            let mut full = staged_blobs_with_renames(&opened, &gix_index, head).unwrap();
            full.sort_by(|a, b| a.path.cmp(&b.path));
            assert_eq!(
                hook, full,
                "case {case} (version {version}), touched {ops:?}"
            );
        }
    }

    #[test]
    fn run_length_finds_every_run_end() {
        for len in 1..40 {
            for run in 1..=len {
                let items: Vec<bool> = (0..len).map(|i| i < run).collect();
                assert_eq!(run_length(items.len(), |i| items[i]), run, "{run} of {len}");
            }
        }
    }

    /// The index's SHA-1 trailer is not checked, as git does not check it outside `fsck`:
    /// with a wrong trailer `git commit` still records the entries, so the hook must read
    /// them. A file cut short is an error, not an empty index.
    #[test]
    fn the_index_is_read_as_git_reads_it() {
        let repo = committed_tree(3);
        repo.write("src/m01/deep/f2.txt", "edited\n");
        repo.git(&["add", "-A"]);
        let index_path = repo.0.path().join(".git/index");
        let mut bytes = std::fs::read(&index_path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        std::fs::write(&index_path, &bytes).unwrap();
        // git reads it: write-tree (what commit records) succeeds.
        repo.git(&["write-tree"]);
        let found = StagedChanges::find(&repo.open()).unwrap();
        let paths: Vec<&str> = found.blobs.iter().map(|b| b.path.as_str()).collect();
        assert_eq!(paths, ["src/m01/deep/f2.txt"]);

        std::fs::write(&index_path, &bytes[..bytes.len() / 2]).unwrap();
        let err = StagedChanges::find(&repo.open()).unwrap_err();
        assert!(
            format!("{err:#}").contains("cannot read the index"),
            "{err:#}"
        );
    }
}
