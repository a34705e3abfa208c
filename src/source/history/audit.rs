//! The audit (`leakgate history` without revisions): every blob of the object database
//! scanned exactly once, plus every commit message.
//!
//! First [`Attribution`] maps blobs to the paths and commits that introduced them (path
//! rules need a path before the scan). Then every pack is decompressed by a parallel walk
//! of its delta tree ([`super::packs`]): each object is inflated once, and a blob is
//! scanned on the thread that just produced it and dropped, so memory holds only the delta
//! chains being resolved, whatever the size of the pack; the pack pages read are unmapped
//! as the audit moves on ([`super::pack_pages`]). Loose objects, objects too large for the
//! walk (over 32 MiB, and deltas on them: streamed by the pipeline instead of held whole),
//! and the objects of a pack that cannot be walked, are then read one by one. An object in several places is
//! scanned once (the first place claims it).
//!
//! A blob is scanned with the paths that introduced it (a blob also introduced at paths
//! that switch on a different set of path-aware rules is scanned once more per such set).
//! Each finding is then reported once per path that introduced the blob, with the oldest
//! commit, whose author and summary are read only then.

use super::attribution::Attribution;
use super::commits::{commit_info, scan_message, scan_message_of};
use super::pack_pages::{PackPages, FAULT_REACH, RELEASE_EVERY};
use super::packs::{self, Visitor};
use super::progress::Progress;
use super::{Dated, HistoryOptions, Tally};
use crate::finding::CommitInfo;
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline, Skip};
use crate::source::{warn, Outcome};
use gix::bstr::ByteSlice;
use gix::object::Kind;
use gix::prelude::*;
use gix::ObjectId;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// Prefix of the path reported for a blob that no ref reaches: it has no path, and its id is
/// what a user needs to look at it (`git cat-file -p <id>`).
pub const UNREACHABLE_PREFIX: &str = "unreachable-blob/";

/// Scans every blob and commit message of `repo` (`tips: None`), or every blob and
/// message reachable from `tips`.
pub fn audit(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    options: &HistoryOptions,
    tips: Option<&[ObjectId]>,
) -> anyhow::Result<Outcome> {
    let progress = Progress::new(options.progress);
    let pack_pages = PackPages::new(RELEASE_EVERY);
    let (attribution, walk_errors) = Attribution::build(repo, tips, &progress, &pack_pages)?;
    let locations = packs::locations(repo)?;
    let sync = repo.clone().into_sync();
    let shared = Shared {
        pipeline,
        attribution: &attribution,
        only_reachable: tips.is_some(),
        claims: Claims::default(),
        collected: Mutex::new(Tally::default()),
        sync: &sync,
        pack_pages: &pack_pages,
        progress: &progress,
    };
    let hash = repo.object_hash();
    let mut errors = walk_errors;

    progress.start("scanning objects", locations.objects);
    let mut one_by_one = locations.listed;
    let threads = rayon::current_num_threads();
    for index in &locations.packs {
        match packs::walk_pack(index, hash, threads, &pack_pages, ObjectScan::new(&shared)) {
            // Objects too large to hold whole, and deltas built on them: read by id, where
            // the pipeline streams a large blob.
            Ok(set_aside) => one_by_one.extend(set_aside),
            Err(err) => {
                warn(format_args!("{err:#}; reading its objects one by one"));
                match packs::pack_ids(index, hash) {
                    Ok(ids) => one_by_one.extend(ids),
                    Err(err) => {
                        warn(format_args!("{err:#}"));
                        errors += 1;
                    }
                }
            }
        }
    }
    for folder in &locations.loose {
        match packs::loose_ids(folder, hash) {
            Ok(ids) => one_by_one.extend(ids),
            Err(err) => {
                warn(format_args!("{err:#}"));
                errors += 1;
            }
        }
    }
    one_by_one.sort_unstable();
    one_by_one.dedup();
    let read_alone = one_by_one
        .par_iter()
        .with_min_len(16)
        .map_init(
            || sync.to_thread_local(),
            |repo, &id| {
                let mut tally = Tally::default();
                read_one(&shared, repo, id, &mut tally);
                shared.progress.inc(1);
                tally
            },
        )
        .reduce(Tally::default, Tally::merge);
    progress.finish();

    let Shared {
        claims, collected, ..
    } = shared;
    let mut all = collected
        .into_inner()
        .expect("no scan thread panicked while holding the tally")
        .merge(read_alone);
    all.errors += errors;
    // Blobs that commits name but the object database lacks: a partial clone's filtered
    // blobs, or a damaged repository. Never "clean".
    let missing = attribution
        .blob_ids()
        .filter(|id| !claims.contains(id))
        .count();
    all.skipped.add(Skip::Missing, missing);
    all.skipped
        .add(Skip::Shallow, attribution.shallow_boundary());
    Ok(all.into_outcome())
}

/// What every scanning thread shares.
struct Shared<'a> {
    pipeline: &'a Pipeline<'a>,
    attribution: &'a Attribution,
    /// Revisions were named: only blobs and commits they reach are scanned.
    only_reachable: bool,
    /// Blobs and commits already scanned (or being scanned).
    claims: Claims,
    /// What the pack walks' threads found.
    collected: Mutex<Tally>,
    sync: &'a gix::ThreadSafeRepository,
    pack_pages: &'a PackPages,
    progress: &'a Progress,
}

impl Shared<'_> {
    /// Whether object `id` of `kind` is to be scanned here: a blob or a commit the audit
    /// covers, not yet claimed by another pack or thread.
    fn claim(&self, kind: Kind, id: &ObjectId) -> bool {
        let wanted = match kind {
            Kind::Blob => !self.only_reachable || self.attribution.has_blob(id),
            Kind::Commit => !self.only_reachable || self.attribution.age_of(id).is_some(),
            Kind::Tree | Kind::Tag => false,
        };
        wanted && self.claims.insert(*id)
    }

    /// Scans one object's content (a blob, or a commit's message) into `tally`.
    fn scan(
        &self,
        repo: &gix::Repository,
        kind: Kind,
        id: ObjectId,
        data: Data<'_>,
        tally: &mut Tally,
    ) {
        if kind == Kind::Blob {
            scan_blob(repo, self.pipeline, self.attribution, id, data, tally);
            return;
        }
        let found = match data {
            Data::Bytes(bytes) => scan_message_of(repo, self.pipeline, id, bytes),
            _ => scan_message(repo, self.pipeline, id),
        };
        match found {
            Ok(found) => {
                let age = self.attribution.age_of(&id);
                tally
                    .findings
                    .extend(found.into_iter().map(|finding| Dated { age, finding }));
            }
            Err(err) => {
                warn(format_args!("{err:#}"));
                tally.errors += 1;
            }
        }
    }
}

/// Object ids, sharded so that threads rarely wait on one another.
struct Claims(Vec<Mutex<HashSet<ObjectId>>>);

impl Default for Claims {
    fn default() -> Claims {
        Claims((0..64).map(|_| Mutex::default()).collect())
    }
}

impl Claims {
    fn shard(&self, id: &ObjectId) -> &Mutex<HashSet<ObjectId>> {
        &self.0[usize::from(id.as_bytes()[0]) % self.0.len()]
    }

    /// Adds `id`; false if it was there already.
    fn insert(&self, id: ObjectId) -> bool {
        self.shard(&id).lock().expect("not poisoned").insert(id)
    }

    fn contains(&self, id: &ObjectId) -> bool {
        self.shard(id).lock().expect("not poisoned").contains(id)
    }
}

/// One pack-walking thread's scanner: its own repository handle (to read a finding's
/// commit) and tally, added to the shared one when the thread is done.
struct ObjectScan<'s, 'a> {
    shared: &'s Shared<'a>,
    repo: gix::Repository,
    tally: Tally,
}

impl<'s, 'a> ObjectScan<'s, 'a> {
    fn new(shared: &'s Shared<'a>) -> ObjectScan<'s, 'a> {
        ObjectScan {
            shared,
            repo: shared.sync.to_thread_local(),
            tally: Tally::default(),
        }
    }
}

impl Clone for ObjectScan<'_, '_> {
    fn clone(&self) -> Self {
        ObjectScan::new(self.shared)
    }
}

impl Drop for ObjectScan<'_, '_> {
    fn drop(&mut self) {
        let tally = std::mem::take(&mut self.tally);
        if let Ok(mut collected) = self.shared.collected.lock() {
            let merged = std::mem::take(&mut *collected).merge(tally);
            *collected = merged;
        }
    }
}

impl Visitor for ObjectScan<'_, '_> {
    fn object(&mut self, kind: Kind, data: &[u8], id: &ObjectId) {
        self.shared.pack_pages.touched(data.len() as u64);
        self.shared.progress.inc(1);
        if self.shared.claim(kind, id) {
            self.shared
                .scan(&self.repo, kind, *id, Data::Bytes(data), &mut self.tally);
        }
    }
}

/// Reads one object by id (a loose object, or one of a pack that could not be walked) and
/// scans it if it is a blob or commit not scanned yet.
fn read_one(shared: &Shared<'_>, repo: &gix::Repository, id: ObjectId, tally: &mut Tally) {
    if shared.claims.contains(&id) {
        return;
    }
    shared.pack_pages.touched(FAULT_REACH);
    let kind = match repo.objects.header(id) {
        Ok(header) => header.kind(),
        Err(err) => {
            warn(format_args!("object {id}: cannot read its header: {err}"));
            tally.errors += 1;
            return;
        }
    };
    if shared.claim(kind, &id) {
        shared.scan(repo, kind, id, Data::Object { repo, id }, tally);
    }
}

/// Scans one blob through the pipeline, at every path that introduced it; each finding
/// gets the oldest commit that introduced the blob at its path.
fn scan_blob(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    attribution: &Attribution,
    id: ObjectId,
    data: Data<'_>,
    tally: &mut Tally,
) {
    let intros: Vec<(String, ObjectId, u64)> = attribution
        .introductions(&id)
        .into_iter()
        .map(|(path, commit, age)| (path.to_str_lossy().into_owned(), commit, age))
        .collect();
    let unreachable = intros.is_empty();
    let scanned = pipeline.run(
        Blob {
            origin: if unreachable {
                Origin::Unreachable
            } else {
                Origin::Commit
            },
            paths: intros.iter().map(|(path, _, _)| path.clone()).collect(),
            name: unreachable.then(|| format!("{UNREACHABLE_PREFIX}{id}")),
            data,
        },
        Lines::All,
    );
    tally.count(&scanned);
    if scanned.findings.is_empty() {
        return;
    }
    if unreachable {
        tally.findings.extend(
            scanned
                .findings
                .into_iter()
                .map(|finding| Dated { age: None, finding }),
        );
        return;
    }
    // Commit provenance, read once per path that has findings.
    let by_path: HashMap<&str, usize> = intros
        .iter()
        .enumerate()
        .map(|(i, (path, _, _))| (path.as_str(), i))
        .collect();
    let mut infos: HashMap<usize, Option<CommitInfo>> = HashMap::new();
    for mut finding in scanned.findings {
        let Some(&i) = finding.path.as_deref().and_then(|p| by_path.get(p)) else {
            continue;
        };
        let (_, commit, age) = &intros[i];
        let info = infos.entry(i).or_insert_with(|| {
            match commit_info(repo, pipeline.scanner(), *commit) {
                Ok(info) => Some(info),
                Err(err) => {
                    warn(format_args!("{err:#}"));
                    tally.errors += 1;
                    None
                }
            }
        });
        finding.commit = info.clone().map(Box::new);
        tally.findings.push(Dated {
            age: Some(*age),
            finding,
        });
    }
}
