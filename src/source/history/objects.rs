//! Object enumeration: every blob and commit in the object database, each once.
//!
//! Packs, loose objects and alternates are all listed by gix's store iterator; an object
//! may sit in several packs, so ids are de-duplicated. Only headers are read here (kind and
//! size), in parallel; blob contents are read later, one at a time, by the scan.

use super::pack_pages::{PackPages, FAULT_REACH};
use gix::prelude::*;
use gix::ObjectId;
use rayon::prelude::*;

/// A blob to scan and its size in bytes.
#[derive(Clone, Copy, Debug)]
pub struct BlobEntry {
    pub id: ObjectId,
    pub size: u64,
}

/// The blobs and commits of a repository.
#[derive(Debug, Default)]
pub struct Inventory {
    /// In pack order, so that neighbouring blobs share delta bases.
    pub blobs: Vec<BlobEntry>,
    pub commits: Vec<ObjectId>,
    /// Objects whose header could not be read (already warned about).
    pub errors: usize,
}

/// Lists every blob and commit of `repo`.
pub fn inventory(repo: &gix::Repository, pack_pages: &PackPages) -> anyhow::Result<Inventory> {
    let mut seen = gix::hashtable::HashSet::default();
    let mut ids = Vec::new();
    let iter = repo
        .objects
        .iter()
        .map_err(|e| anyhow::anyhow!("cannot list the object database: {e}"))?
        .with_ordering(
            gix::odb::store::iter::Ordering::PackAscendingOffsetThenLooseLexicographical,
        );
    for id in iter {
        let id = id.map_err(|e| anyhow::anyhow!("cannot list the object database: {e}"))?;
        if seen.insert(id) {
            ids.push(id);
        }
    }
    drop(seen);

    let sync = repo.clone().into_sync();
    let headers: Vec<Result<(ObjectId, gix::object::Kind, u64), String>> = ids
        .par_iter()
        .with_min_len(4096)
        .map_init(
            || sync.to_thread_local(),
            |repo, &id| {
                pack_pages.touched(FAULT_REACH);
                repo.objects
                    .header(id)
                    .map(|h| (id, h.kind(), h.size()))
                    .map_err(|e| format!("object {id}: cannot read its header: {e}"))
            },
        )
        .collect();

    let mut inventory = Inventory::default();
    for header in headers {
        match header {
            Ok((id, gix::object::Kind::Blob, size)) => inventory.blobs.push(BlobEntry { id, size }),
            Ok((id, gix::object::Kind::Commit, _)) => inventory.commits.push(id),
            Ok(_) => {}
            Err(message) => {
                super::super::warn(message);
                inventory.errors += 1;
            }
        }
    }
    Ok(inventory)
}
