//! The index as the hook reads it: the offset of each entry in the mapped file (4 bytes),
//! instead of gix's decoded `Entry` (88 bytes) plus a copied path for each.
//!
//! In a 100,000-file repository gix's full decode writes about 12 MB of entries and paths,
//! and first-touch page faults of that memory were most of the hook's index read
//! (docs/performance.md "Hook", session 9). The comparison with `HEAD` then looks at the
//! entries of a few folders only: the cache-tree vouches for the others. So this reader
//! walks the entries once to find where each starts (and where the extensions begin),
//! keeps their offsets, and decodes an entry's fields only when asked.
//!
//! It handles exactly the files it can read as gix reads them, and declines everything
//! else ([`IndexTable::parse`] returns `None`), so that the caller reads the file with
//! gix instead: any index version but 2, 3 and 4, a split index (`link`), a sparse index
//! (`sdir`, or a folder entry), any other required extension, a merge conflict (an entry
//! with a stage), a path of 4,095 bytes or more, and any byte that does not parse. What it
//! does read it reads with gix's own rules (entry layout, flags, v4 path compression, the
//! cache-tree decoder), and the tests compare every field of every entry with gix's decode.

use gix::bstr::BStr;
use gix::index::entry::{Flags, Mode};
use gix::index::extension::Tree;
use gix::ObjectId;

/// Bytes before the first entry: signature, version, entry count.
const HEADER: usize = 12;
/// An entry's bytes before its object id: ctime, mtime, dev, ino, mode, uid, gid, size.
const STAT: usize = 40;
/// Where the mode is in an entry.
const MODE_AT: usize = 24;
/// On-disk flags: the path length (a length of 0xfff means "4,095 or more").
const PATH_LEN: u16 = 0x0fff;
const STAGE_MASK: u16 = 0x3000;
const EXTENDED: u16 = 0x4000;
/// The extended flags gix knows (intent-to-add, skip-worktree); any other is an error.
const KNOWN_EXTENDED: u16 = 0x6000;

/// The parsed part of an index: see the module documentation.
#[derive(Debug)]
pub struct Parsed {
    /// Each entry's first byte in the file (4 bytes an entry: in a 100,000-entry index,
    /// 100 pages to fault in instead of gix's 2,900).
    headers: Vec<u32>,
    /// Version 4 compresses each path against the previous one: the whole paths, one
    /// after the other...
    v4_paths: Vec<u8>,
    /// ...and where each ends in `v4_paths` (it starts where the previous one ends).
    v4_path_ends: Vec<u32>,
    version4: bool,
    hash_len: usize,
    tree: Option<Tree>,
}

/// An index file mapped into memory and parsed into [`Parsed`].
pub struct IndexTable {
    data: memmap2::Mmap,
    parsed: Parsed,
}

impl std::fmt::Debug for IndexTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexTable")
            .field("bytes", &self.data.len())
            .field("entries", &self.parsed.headers.len())
            .finish()
    }
}

impl IndexTable {
    /// Maps and parses the index at `path`; `None` when it cannot be read this way (missing,
    /// unreadable, or a file [`IndexTable::parse`] declines): the caller then reads it with
    /// gix, which also gives the errors.
    pub fn read(path: &std::path::Path, hash: gix::hash::Kind) -> Option<IndexTable> {
        let file = std::fs::File::open(path).ok()?;
        // SAFETY: as for gix, which maps the index the same way: git never writes into an
        // index file in place, it writes a lock file and renames it over the old one, so the
        // mapped bytes do not change while they are read.
        #[allow(unsafe_code)]
        let data = unsafe { memmap2::MmapOptions::new().populate().map(&file) }.ok()?;
        let parsed = IndexTable::parse(&data, hash)?;
        Some(IndexTable { data, parsed })
    }

    /// Finds every entry of an index file's bytes, and decodes its cache-tree; `None` for a
    /// file it does not handle (module documentation).
    pub fn parse(data: &[u8], hash: gix::hash::Kind) -> Option<Parsed> {
        let hash_len = hash.len_in_bytes();
        if data.len() < HEADER + hash_len || data.len() > u32::MAX as usize {
            return None;
        }
        if &data[..4] != b"DIRC" {
            return None;
        }
        let version4 = match be32(&data[4..8]) {
            2 | 3 => false,
            4 => true,
            _ => return None,
        };
        let count = be32(&data[8..12]) as usize;
        // Each entry takes at least its fixed part and two more bytes: reject impossible
        // counts before allocating for them.
        let fixed = STAT + hash_len + 2;
        if count > (data.len() - HEADER) / (fixed + 2) {
            return None;
        }
        let mut headers = Vec::with_capacity(count);
        let mut v4_paths: Vec<u8> = Vec::new();
        let mut v4_path_ends: Vec<u32> = Vec::new();
        if version4 {
            v4_path_ends.reserve(count);
        }
        let mut previous: Option<(usize, usize)> = None;
        let mut at = HEADER;
        for _ in 0..count {
            let header = at;
            let flags = be16(data.get(header + fixed - 2..header + fixed)?);
            let mut path_at = header + fixed;
            if flags & EXTENDED != 0 {
                let extended = be16(data.get(path_at..path_at + 2)?);
                if extended & !KNOWN_EXTENDED != 0 {
                    return None;
                }
                path_at += 2;
            }
            if flags & STAGE_MASK != 0 {
                return None;
            }
            if Mode::from_bits_truncate(be32(&data[header + MODE_AT..header + MODE_AT + 4]))
                .is_sparse()
            {
                return None;
            }
            if version4 {
                // A varint of how many bytes to drop from the previous path's end, then the
                // rest of this path, NUL-terminated; no padding.
                let (strip, used) =
                    gix::utils::decode::leb64_from_read(data.get(path_at..)?).ok()?;
                let suffix_at = path_at + used;
                let (suffix_len, rest) = until_nul(data.get(suffix_at..)?)?;
                let start = v4_paths.len();
                // Like gix, the first entry's strip count is not used.
                if let Some((previous_start, previous_end)) = previous {
                    let keep_end = previous_end.checked_sub(usize::try_from(strip).ok()?)?;
                    keep_end.checked_sub(previous_start)?;
                    v4_paths.extend_from_within(previous_start..keep_end);
                }
                v4_paths.extend_from_slice(&data[suffix_at..suffix_at + suffix_len]);
                previous = Some((start, v4_paths.len()));
                v4_path_ends.push(u32::try_from(v4_paths.len()).ok()?);
                at = data.len() - rest;
            } else {
                let len = usize::from(flags & PATH_LEN);
                if len == usize::from(PATH_LEN) {
                    return None;
                }
                let path_end = path_at + len;
                // 1 to 8 NUL bytes pad the entry to a multiple of 8 bytes.
                at = header + ((path_end - header + 8) & !7);
                if at > data.len() {
                    return None;
                }
            }
            headers.push(header as u32);
        }
        if at > data.len() {
            return None;
        }
        // git writes an end-of-index-entries extension with `index.threads`; it must point
        // where the entries were found to end.
        if let Ok(Some(offset)) = gix::index::extension::end_of_index_entry::decode(data, hash) {
            if offset != at {
                return None;
            }
        }
        let mut tree = None;
        let mut extensions =
            gix::index::extension::Iter::new_without_checksum(data.get(at..)?, hash)?;
        for (signature, bytes) in extensions.by_ref() {
            match &signature {
                b"TREE" => tree = gix::index::extension::tree::decode(bytes, hash, None),
                // Required extensions (lower-case): the split index's `link`, the sparse
                // index's `sdir`, and any newer one.
                required if required[0].is_ascii_lowercase() => return None,
                // Optional ones (resolve-undo, untracked cache, fsmonitor, offsets) say
                // nothing about what the next commit records.
                _ => {}
            }
        }
        if data.len() - at - extensions.consumed != hash_len {
            return None;
        }
        Some(Parsed {
            headers,
            v4_paths,
            v4_path_ends,
            version4,
            hash_len,
            tree,
        })
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.parsed.headers.len()
    }

    /// Whether the index holds no entry.
    pub fn is_empty(&self) -> bool {
        self.parsed.headers.is_empty()
    }

    /// The cache-tree extension, if the index has a valid one.
    pub fn tree(&self) -> Option<&Tree> {
        self.parsed.tree.as_ref()
    }

    /// Entry `i`'s path.
    pub fn path(&self, i: usize) -> &BStr {
        self.parsed.path(&self.data, i)
    }

    /// Entry `i`'s object id.
    pub fn id(&self, i: usize) -> ObjectId {
        self.parsed.id(&self.data, i)
    }

    /// Entry `i`'s mode, as gix reads it.
    pub fn mode(&self, i: usize) -> Mode {
        self.parsed.mode(&self.data, i)
    }

    /// Entry `i`'s flags, as gix keeps them in memory (the path length cleared).
    pub fn flags(&self, i: usize) -> Flags {
        self.parsed.flags(&self.data, i)
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }
}

impl Parsed {
    fn path<'a>(&'a self, data: &'a [u8], i: usize) -> &'a BStr {
        if self.version4 {
            let start = match i {
                0 => 0,
                _ => self.v4_path_ends[i - 1] as usize,
            };
            return self.v4_paths[start..self.v4_path_ends[i] as usize].into();
        }
        // Versions 2 and 3: the path follows the flags (and the extended flags), and its
        // length is in the flags (never 0xfff: [`IndexTable::parse`] declines those).
        let flags_at = self.headers[i] as usize + STAT + self.hash_len;
        let flags = be16(&data[flags_at..flags_at + 2]);
        let start = flags_at + 2 + if flags & EXTENDED != 0 { 2 } else { 0 };
        data[start..start + usize::from(flags & PATH_LEN)].into()
    }

    fn id(&self, data: &[u8], i: usize) -> ObjectId {
        let at = self.headers[i] as usize + STAT;
        ObjectId::from_bytes_or_panic(&data[at..at + self.hash_len])
    }

    fn mode(&self, data: &[u8], i: usize) -> Mode {
        let at = self.headers[i] as usize + MODE_AT;
        Mode::from_bits_truncate(be32(&data[at..at + 4]))
    }

    fn flags(&self, data: &[u8], i: usize) -> Flags {
        let at = self.headers[i] as usize + STAT + self.hash_len;
        let flags = be16(&data[at..at + 2]);
        let extended = match flags & EXTENDED {
            0 => 0,
            _ => be16(&data[at + 2..at + 4]),
        };
        Flags::from_bits_retain(u32::from(flags) | u32::from(extended) << 16) & !Flags::PATH_LEN
    }
}

fn be32(bytes: &[u8]) -> u32 {
    u32::from_be_bytes(bytes[..4].try_into().expect("four bytes"))
}

fn be16(bytes: &[u8]) -> u16 {
    u16::from_be_bytes(bytes[..2].try_into().expect("two bytes"))
}

/// The length of the NUL-terminated string at the start of `bytes`, and how many bytes
/// follow its NUL; `None` without a NUL. Like gix, fewer than two bytes never hold one.
fn until_nul(bytes: &[u8]) -> Option<(usize, usize)> {
    if bytes.len() < 2 {
        return None;
    }
    let nul = memchr::memchr(0, bytes)?;
    Some((nul, bytes.len() - nul - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const SHA1: gix::hash::Kind = gix::hash::Kind::Sha1;

    /// Reads `bytes` as a table and, when the table takes them, checks every field of every
    /// entry and the cache-tree against gix's full decode of the same bytes (written to
    /// `scratch`). Returns whether the table took them.
    fn agrees_with_gix(bytes: &[u8], scratch: &Path) -> bool {
        let Some(parsed) = IndexTable::parse(bytes, SHA1) else {
            return false;
        };
        std::fs::write(scratch, bytes).unwrap();
        let gix = gix::index::File::at(scratch, SHA1, true, Default::default())
            .expect("the table read an index gix does not");
        assert_eq!(parsed.headers.len(), gix.entries().len());
        for (i, entry) in gix.entries().iter().enumerate() {
            assert_eq!(parsed.path(bytes, i), entry.path(&gix), "path of entry {i}");
            assert_eq!(parsed.id(bytes, i), entry.id, "id of entry {i}");
            assert_eq!(parsed.mode(bytes, i), entry.mode, "mode of entry {i}");
            assert_eq!(parsed.flags(bytes, i), entry.flags, "flags of entry {i}");
        }
        assert_eq!(parsed.tree.as_ref(), gix.tree());
        assert!(!gix.is_sparse());
        true
    }

    struct Repo {
        dir: tempfile::TempDir,
        scratch: tempfile::TempDir,
    }

    impl Repo {
        /// Folders three deep, long and short names (version 4 compresses the shared
        /// prefixes), an executable, a symlink and a submodule, committed.
        fn new() -> Repo {
            let repo = Repo {
                dir: tempfile::tempdir().unwrap(),
                scratch: tempfile::tempdir().unwrap(),
            };
            repo.git(&["init", "-q", "-b", "main"]);
            for f in 0..6 {
                for i in 0..4 {
                    repo.write(
                        &format!("src/module_{f}/deeper_folder_name/file_{i}.txt"),
                        &format!("{f} {i}\n"),
                    );
                }
                repo.write(&format!("src/module_{f}/x"), "short\n");
            }
            repo.write("run.sh", "echo hi\n");
            repo.write("z.txt", "last\n");
            repo.git(&["add", "-A"]);
            repo.git(&["update-index", "--chmod=+x", "run.sh"]);
            let blob = repo.git(&["hash-object", "-w", "z.txt"]);
            let commit_like = repo.git(&["hash-object", "-w", "run.sh"]);
            repo.git(&[
                "update-index",
                "--add",
                "--cacheinfo",
                &format!("120000,{blob},link"),
            ]);
            repo.git(&[
                "update-index",
                "--add",
                "--cacheinfo",
                &format!("160000,{commit_like},vendor/sub"),
            ]);
            repo.git(&["commit", "-q", "-m", "tree"]);
            repo
        }

        fn git(&self, args: &[&str]) -> String {
            crate::test_git::git(self.dir.path(), args)
        }

        fn write(&self, rel: &str, text: &str) {
            let path = self.dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }

        fn index(&self) -> Vec<u8> {
            std::fs::read(self.dir.path().join(".git/index")).unwrap()
        }

        /// Whether the table takes the repository's index (checked against gix if so).
        fn taken(&self) -> bool {
            agrees_with_gix(&self.index(), &self.scratch.path().join("index"))
        }
    }

    #[test]
    fn indexes_git_writes_read_as_gix_reads_them() {
        let repo = Repo::new();
        assert!(repo.taken(), "version 2 with a cache-tree");
        repo.write("src/module_2/deeper_folder_name/file_1.txt", "edited\n");
        repo.write("src/module_9/new.txt", "new\n");
        repo.git(&["add", "-A"]);
        assert!(
            repo.taken(),
            "staged changes: a cache-tree with invalid folders"
        );

        // Extended flags make version 3.
        repo.write("later.txt", "intent\n");
        repo.git(&["add", "-N", "later.txt"]);
        repo.git(&["update-index", "--skip-worktree", "src/module_1/x"]);
        assert_eq!(&repo.index()[4..8], &[0, 0, 0, 3]);
        assert!(repo.taken(), "version 3: intent-to-add, skip-worktree");

        // Version 4: paths compressed against the previous one.
        repo.git(&["update-index", "--index-version", "4"]);
        assert_eq!(&repo.index()[4..8], &[0, 0, 0, 4]);
        assert!(repo.taken(), "version 4");
        repo.git(&["update-index", "--no-skip-worktree", "src/module_1/x"]);
        repo.git(&["rm", "-q", "--cached", "later.txt"]);
        assert!(repo.taken(), "version 4 without extended flags");

        // Optional extensions: end of entries, offsets, untracked cache; and git's
        // `feature.manyFiles` (version 4, no trailer hash).
        repo.git(&[
            "-c",
            "index.recordEndOfIndexEntries=true",
            "-c",
            "index.recordOffsetTable=true",
            "-c",
            "index.threads=2",
            "update-index",
            "--index-version",
            "2",
        ]);
        assert!(repo.taken(), "EOIE and IEOT");
        repo.git(&[
            "-c",
            "core.untrackedCache=true",
            "update-index",
            "--untracked-cache",
        ]);
        repo.git(&["-c", "core.untrackedCache=true", "status", "--short"]);
        assert!(repo.taken(), "untracked cache");
        repo.git(&[
            "-c",
            "feature.manyFiles=true",
            "update-index",
            "--index-version",
            "4",
        ]);
        repo.git(&["-c", "feature.manyFiles=true", "add", "-A"]);
        assert!(repo.taken(), "feature.manyFiles");

        // Declined: a split index (the entries live partly in the shared index).
        repo.git(&["update-index", "--split-index"]);
        assert!(!repo.taken(), "split index");
        repo.git(&["update-index", "--no-split-index"]);
        assert!(repo.taken(), "no longer split");
    }

    #[test]
    fn sparse_indexes_and_conflicts_are_left_to_gix() {
        let repo = Repo::new();
        repo.git(&[
            "sparse-checkout",
            "set",
            "--cone",
            "--sparse-index",
            "src/module_1",
        ]);
        assert!(!repo.taken(), "sparse index");
        repo.git(&["sparse-checkout", "disable"]);
        assert!(repo.taken());

        repo.git(&["checkout", "-q", "-b", "theirs"]);
        repo.write("z.txt", "theirs\n");
        repo.git(&["commit", "-q", "-am", "theirs"]);
        repo.git(&["checkout", "-q", "main"]);
        repo.write("z.txt", "ours\n");
        repo.git(&["commit", "-q", "-am", "ours"]);
        let merge = std::process::Command::new("git")
            .args(["merge", "-q", "theirs"])
            .current_dir(repo.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .unwrap();
        assert!(!merge.status.success(), "the merge conflicts");
        assert!(!repo.taken(), "merge conflict stages");
    }

    /// Any damaged index is either declined (gix then reads it, or reports the error) or
    /// read exactly as gix reads it: one byte changed, and the file cut, at every position
    /// of the header, the first entries and the extensions and trailer, of a version-2, a
    /// version-3 and a version-4 index.
    #[test]
    fn damaged_indexes_are_declined_or_read_as_gix_reads_them() {
        let repo = Repo::new();
        let scratch = repo.scratch.path().join("damaged");
        let mut versions = vec![repo.index()];
        repo.write("new.txt", "new\n");
        repo.git(&["add", "-N", "new.txt"]);
        versions.push(repo.index());
        repo.git(&["update-index", "--index-version", "4"]);
        versions.push(repo.index());
        for bytes in &versions {
            assert!(agrees_with_gix(bytes, &scratch));
            let mut taken = 0;
            let positions = (0..300).chain(bytes.len() - 300..bytes.len());
            for at in positions {
                let mut damaged = bytes.clone();
                damaged[at] ^= 0xff;
                taken += usize::from(agrees_with_gix(&damaged, &scratch));
                taken += usize::from(agrees_with_gix(&bytes[..at], &scratch));
            }
            // Changes in stat data, ids and the trailer leave a readable index.
            assert!(taken > 200, "{taken} of 1,200");
        }
    }
}
