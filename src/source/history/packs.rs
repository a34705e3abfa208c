//! Every object of the object database, decompressed once: packs by a parallel delta-tree
//! walk, everything else (loose objects, a pack that could not be walked) listed by id.
//!
//! Reading a packed blob by id resolves its delta chain from the base each time (a small
//! cache helps only when neighbours share a base), which made an audit spend most of its
//! time decompressing. gix's pack traversal (`gix_pack::index::File::traverse_with_index`,
//! the one `git verify-pack`-style checks use) instead builds the tree of deltas from the
//! pack's index, inflates each base once and applies its deltas right after, on every
//! thread, with only the chain being resolved held in memory. Objects come out in no
//! particular order; [`Visitor::object`] sees each with its kind and id.
//!
//! The walk holds every object it resolves whole, so objects over [`WALK_AT_MOST`] bytes
//! (read from the pack entry's header, or for a delta from the first bytes of the delta,
//! where git writes the size of the object it makes) are kept out of it, with every delta
//! built on one, which would need it whole as a base. [`walk_pack`] returns their ids, and
//! the audit reads them by id, where the pipeline streams a large blob through `git
//! cat-file` ([`crate::pipeline::git_stream`]).
//!
//! Where the objects are comes from gix's store ([`gix::odb::store::structure`]): every
//! pack index and multi-pack index, and every loose object folder, alternates included.

use anyhow::Context;
use gix::odb::pack;
use gix::ObjectId;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::pack_pages::{PackPages, FAULT_REACH};
use crate::pipeline::git_stream::STREAM_OVER;
use rayon::prelude::*;

/// Where the objects of a repository are.
#[derive(Debug, Default)]
pub struct Locations {
    /// Pack index files (`.idx`), each with its `.pack` beside it.
    pub packs: Vec<PathBuf>,
    /// Objects to read one by one: loose objects, and packed objects whose pack has no
    /// index of its own (only a multi-pack index names them).
    pub loose: Vec<PathBuf>,
    pub listed: Vec<ObjectId>,
    /// How many objects all of these hold (for progress; duplicates counted).
    pub objects: u64,
}

/// Lists the packs and loose object folders of `repo`.
pub fn locations(repo: &gix::Repository) -> anyhow::Result<Locations> {
    use gix::odb::store::structure::Record;
    let records = repo
        .objects
        .store_ref()
        .structure()
        .map_err(|e| anyhow::anyhow!("cannot list the object database: {e}"))?;
    let mut found = Locations::default();
    for record in records {
        match record {
            Record::LooseObjectDatabase {
                objects_directory,
                num_objects,
            } => {
                found.objects += num_objects as u64;
                found.loose.push(objects_directory);
            }
            Record::Index { path, .. } => {
                let index = pack::index::File::at(&path, repo.object_hash())
                    .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
                found.objects += u64::from(index.num_objects());
                found.packs.push(path);
            }
            Record::MultiIndex { path, .. } => add_multi_index(&mut found, &path)?,
            Record::Empty => {}
        }
    }
    found.packs.sort();
    found.packs.dedup();
    Ok(found)
}

/// The packs a multi-pack index covers: walked through their own index where it is there
/// (git keeps it), else listed by id from the multi-pack index.
fn add_multi_index(found: &mut Locations, path: &Path) -> anyhow::Result<()> {
    let multi = pack::multi_index::File::at(path, None)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut unindexed = Vec::new();
    for (number, name) in multi.index_names().iter().enumerate() {
        let index = folder.join(name);
        if index.is_file() && index.with_extension("pack").is_file() {
            found.packs.push(index);
        } else {
            unindexed.push(number as u32);
        }
    }
    if unindexed.is_empty() {
        return Ok(());
    }
    for entry in multi.iter() {
        let entry = entry.map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", path.display()))?;
        if unindexed.contains(&entry.pack_index) {
            found.objects += 1;
            found.listed.push(entry.oid);
        }
    }
    Ok(())
}

/// What to do with each object of a pack. Cloned once per thread.
pub trait Visitor: Clone + Send {
    fn object(&mut self, kind: gix::object::Kind, data: &[u8], id: &ObjectId);
}

/// Objects larger than this are kept out of a pack walk, which would hold each whole, and
/// read by id afterwards, where the pipeline streams them ([`STREAM_OVER`]).
const WALK_AT_MOST: u64 = STREAM_OVER;

/// Decompresses every object of the pack indexed by `index_path` on `threads` threads,
/// handing each to a clone of `visitor`; returns the objects it set aside for the caller
/// to read by id: those over [`WALK_AT_MOST`] bytes, and every delta built on one (which
/// would need it whole in memory). An error stops the walk: objects not yet visited are
/// not; the caller reads the pack's objects by id instead.
pub fn walk_pack<V: Visitor>(
    index_path: &Path,
    object_hash: gix::hash::Kind,
    threads: usize,
    pages: &PackPages,
    visitor: V,
) -> anyhow::Result<Vec<ObjectId>> {
    let bundle = pack::Bundle::at(index_path, object_hash)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("{}: cannot open the pack", index_path.display()))?;
    let mut entries: Vec<pack::index::Entry> = bundle.index.iter().collect();
    entries.sort_unstable_by_key(|e| e.pack_offset);
    let aside = set_aside(&bundle, &entries, pages)
        .with_context(|| format!("{}: cannot read the pack", index_path.display()))?;
    let (kept, aside): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .zip(aside)
        .partition(|(_, aside)| !*aside);
    let never = AtomicBool::new(false);
    let index = &bundle.index;
    let tree = pack::cache::delta::Tree::from_offsets_in_pack(
        bundle.pack.path(),
        kept.into_iter().map(|(entry, _)| entry),
        &|e: &pack::index::Entry| e.pack_offset,
        &|id| Ok(index.lookup(id).map(|i| index.pack_offset_at_index(i))),
        &mut gix::progress::Discard,
        &never,
        object_hash,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .with_context(|| format!("{}: cannot read the pack", index_path.display()))?;
    let mut visitor = visitor;
    tree.traverse(
        |range, pack: &pack::data::File| pack.entry_slice(range),
        &bundle.pack,
        bundle.pack.pack_end() as u64,
        move |entry: &mut pack::index::Entry, _progress, context| {
            if let Some(kind) = context.entry.header.as_kind() {
                visitor.object(kind, context.decompressed, &entry.oid);
            }
            Ok(())
        },
        pack::cache::delta::traverse::Options {
            object_progress: Box::new(gix::progress::Discard),
            size_progress: &mut gix::progress::Discard,
            thread_limit: Some(threads.max(1)),
            should_interrupt: &never,
            object_hash,
            // Never reached by what is walked (see `set_aside`); should a header lie, the
            // walk fails and the caller reads the pack's objects by id.
            alloc_limit_bytes: Some(WALK_AT_MOST as usize),
        },
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .with_context(|| format!("{}: cannot read the pack", index_path.display()))?;
    Ok(aside.into_iter().map(|(entry, _)| entry.oid).collect())
}

/// For each entry of `entries` (sorted by pack offset), whether a walk must leave it out:
/// its object, or its delta data, is over [`WALK_AT_MOST`] bytes, or its delta base is
/// left out. Reads only entry headers and the first bytes of each delta, where the size of
/// the object it makes is written.
fn set_aside(
    bundle: &pack::Bundle,
    entries: &[pack::index::Entry],
    pages: &PackPages,
) -> anyhow::Result<Vec<bool>> {
    use pack::data::entry::Header;
    let pack = &bundle.pack;
    let index = &bundle.index;
    // Per entry: too large itself, and the offset of its delta base.
    let sizes: Vec<(bool, Option<u64>)> = entries
        .par_iter()
        .with_min_len(1024)
        .map_init(gix::zlib::Inflate::default, |inflate, e| {
            pages.touched(FAULT_REACH);
            let entry = pack
                .entry(e.pack_offset)
                .map_err(|err| anyhow::anyhow!("object {}: {err}", e.oid))?;
            let base = match entry.header {
                Header::Commit | Header::Tree | Header::Blob | Header::Tag => None,
                Header::OfsDelta { base_distance } => Some(
                    entry
                        .checked_base_pack_offset(base_distance)
                        .ok_or_else(|| anyhow::anyhow!("object {}: bad delta base", e.oid))?,
                ),
                Header::RefDelta { base_id } => Some(
                    index
                        .lookup(base_id)
                        .map(|i| index.pack_offset_at_index(i))
                        .ok_or_else(|| {
                            anyhow::anyhow!(
                                "object {}: delta base {base_id} not in the pack",
                                e.oid
                            )
                        })?,
                ),
            };
            let mut large = entry.decompressed_size > WALK_AT_MOST;
            if base.is_some() && !large {
                let data = pack
                    .entry_slice(entry.data_offset..pack.pack_end() as u64)
                    .ok_or_else(|| anyhow::anyhow!("object {}: truncated", e.oid))?;
                large = delta_result_size(inflate, data)
                    .ok_or_else(|| anyhow::anyhow!("object {}: bad delta header", e.oid))?
                    > WALK_AT_MOST;
            }
            anyhow::Ok((large, base))
        })
        .collect::<anyhow::Result<_>>()?;
    let position = |offset: u64| {
        entries
            .binary_search_by_key(&offset, |e| e.pack_offset)
            .ok()
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for (i, (_, base)) in sizes.iter().enumerate() {
        if let Some(base) = *base {
            let base = position(base).ok_or_else(|| {
                anyhow::anyhow!("object {}: delta base not in the pack", entries[i].oid)
            })?;
            children[base].push(i);
        }
    }
    let large: Vec<bool> = sizes.iter().map(|(large, _)| *large).collect();
    Ok(with_deltas_on_them(large, &children))
}

/// `aside`, plus every entry built, through any chain of deltas, on one that is aside.
/// `children[i]` are the entries whose delta base is entry `i`.
fn with_deltas_on_them(mut aside: Vec<bool>, children: &[Vec<usize>]) -> Vec<bool> {
    let mut todo: Vec<usize> = (0..aside.len()).filter(|&i| aside[i]).collect();
    while let Some(i) = todo.pop() {
        for &child in &children[i] {
            if !aside[child] {
                aside[child] = true;
                todo.push(child);
            }
        }
    }
    aside
}

/// The size of the object a delta makes, from the start of its zlib-compressed data: a
/// delta begins with the base's size and the result's size, each a little-endian number
/// in 7-bit groups whose high bit says another follows (gitformat-pack(5), "Deltified
/// representation"). `None` if the data is not such a header.
fn delta_result_size(inflate: &mut gix::zlib::Inflate, compressed: &[u8]) -> Option<u64> {
    let mut head = [0u8; 20];
    inflate.reset();
    let (_, _, written) = inflate.once(compressed, &mut head).ok()?;
    let mut numbers = head[..written].iter();
    let mut read = || {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *numbers.next()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    };
    let _base_size = read()?;
    read()
}

/// The ids of every object in the pack indexed by `index_path` (to read them one by one
/// when the pack could not be walked).
pub fn pack_ids(index_path: &Path, object_hash: gix::hash::Kind) -> anyhow::Result<Vec<ObjectId>> {
    let index = pack::index::File::at(index_path, object_hash)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", index_path.display()))?;
    Ok(index.iter().map(|entry| entry.oid).collect())
}

/// The ids of the loose objects under `objects_directory`.
pub fn loose_ids(
    objects_directory: &Path,
    object_hash: gix::hash::Kind,
) -> anyhow::Result<Vec<ObjectId>> {
    gix::odb::loose::Store::at(objects_directory, object_hash)
        .iter()
        .map(|id| {
            id.map_err(|e| {
                anyhow::anyhow!(
                    "{}: cannot list loose objects: {e}",
                    objects_directory.display()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_git::git;

    /// A zlib stream holding `data` in one stored (uncompressed) deflate block (RFC 1950,
    /// RFC 1951 §3.2.4).
    fn stored_zlib(data: &[u8]) -> Vec<u8> {
        let len = data.len() as u16;
        let mut out = vec![0x78, 0x01, 0x01];
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(data);
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
        out.extend(((b << 16) | a).to_be_bytes());
        out
    }

    #[test]
    fn the_result_size_is_read_from_a_delta_header() {
        let mut inflate = gix::zlib::Inflate::default();
        // Base 300 (0xac 0x02), result 2^30 + 5 (five groups), then instructions.
        let header = [0xac, 0x02, 0x85, 0x80, 0x80, 0x80, 0x04, 0x90, 0x01];
        let size = delta_result_size(&mut inflate, &stored_zlib(&header));
        assert_eq!(size, Some((1 << 30) + 5));
        // A small one after a large one: the inflater is reset between entries.
        let size = delta_result_size(&mut inflate, &stored_zlib(&[0x0a, 0x07, 0x91]));
        assert_eq!(size, Some(7));
        assert_eq!(delta_result_size(&mut inflate, &stored_zlib(&[0x0a])), None);
        assert_eq!(delta_result_size(&mut inflate, b"not zlib"), None);
    }

    #[test]
    fn deltas_on_a_set_aside_entry_are_set_aside_through_any_chain() {
        // 0 <- 1 <- 2, 3 alone, 4 <- 5.
        let children = vec![vec![1], vec![2], vec![], vec![], vec![5], vec![]];
        let aside = with_deltas_on_them(vec![true, false, false, false, false, true], &children);
        assert_eq!(aside, [true, true, true, false, false, true]);
    }

    /// In a pack made by git: a blob over the limit, and a blob git stored as a delta
    /// against it (or it against that one), are set aside; a small blob is walked.
    #[test]
    fn a_packed_large_blob_and_its_delta_relatives_are_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        // One path, two versions: a 2 MiB file, then the same text repeated past the limit,
        // which git stores as a delta on the other (or the other as a delta on it).
        let chunk: String = (0..80 * 1024)
            .map(|i| format!("row {i} value {}\n", i * 7919 % 10007))
            .collect();
        let large = chunk.repeat((WALK_AT_MOST as usize) / chunk.len() + 1);
        std::fs::write(root.join("small.txt"), "hello\n").unwrap();
        std::fs::write(root.join("data.txt"), &chunk).unwrap();
        git(root, &["add", "."]);
        git(root, &["commit", "-q", "-m", "chunk"]);
        std::fs::write(root.join("data.txt"), &large).unwrap();
        git(root, &["commit", "-q", "-am", "large"]);
        git(root, &["repack", "-adfq"]);
        let pack_dir = root.join(".git/objects/pack");
        let index_path = std::fs::read_dir(&pack_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "idx"))
            .unwrap();
        let bundle = pack::Bundle::at(&index_path, gix::hash::Kind::Sha1).unwrap();
        let mut entries: Vec<pack::index::Entry> = bundle.index.iter().collect();
        entries.sort_unstable_by_key(|e| e.pack_offset);
        let aside = set_aside(&bundle, &entries, &PackPages::new(u64::MAX)).unwrap();
        let aside_of = |name: &str| {
            let id = ObjectId::from_hex(git(root, &["rev-parse", name]).as_bytes()).unwrap();
            let i = entries.iter().position(|e| e.oid == id).unwrap();
            let delta = bundle
                .pack
                .entry(entries[i].pack_offset)
                .unwrap()
                .header
                .is_delta();
            (aside[i], delta)
        };
        let (large_aside, large_delta) = aside_of("HEAD:data.txt");
        assert!(large_aside);
        let (chunk_aside, chunk_delta) = aside_of("HEAD~1:data.txt");
        assert!(chunk_delta || large_delta, "git stored neither as a delta");
        // The chunk is small; it is set aside only when it is a delta on the large blob.
        assert_eq!(chunk_aside, chunk_delta);
        assert_eq!(aside_of("HEAD:small.txt"), (false, false));
    }
}
