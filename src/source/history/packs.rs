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
//! Where the objects are comes from gix's store ([`gix::odb::store::structure`]): every
//! pack index and multi-pack index, and every loose object folder, alternates included.

use anyhow::Context;
use gix::odb::pack;
use gix::ObjectId;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

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

/// Decompresses every object of the pack indexed by `index_path` on `threads` threads,
/// handing each to a clone of `visitor`. An error stops the walk: objects not yet visited
/// are not; the caller reads the pack's objects by id instead.
pub fn walk_pack<V: Visitor>(
    index_path: &Path,
    object_hash: gix::hash::Kind,
    threads: usize,
    visitor: V,
) -> anyhow::Result<()> {
    let bundle = pack::Bundle::at(index_path, object_hash)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("{}: cannot open the pack", index_path.display()))?;
    let mut visitor = visitor;
    let never = AtomicBool::new(false);
    bundle
        .index
        .traverse_with_index(
            &bundle.pack,
            move |kind, data, entry, _progress| {
                visitor.object(kind, data, &entry.oid);
                Ok(())
            },
            &mut gix::progress::Discard,
            &never,
            pack::index::traverse::with_index::Options {
                // As `git cat-file` does: no checksum of the whole pack or of each object
                // (a damaged object still fails to inflate or to apply as a delta).
                check: pack::index::traverse::SafetyCheck::SkipFileAndObjectChecksumVerification,
                thread_limit: Some(threads.max(1)),
                alloc_limit_bytes: None,
            },
        )
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("{}: cannot read the pack", index_path.display()))?;
    Ok(())
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
