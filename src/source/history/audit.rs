//! The audit (`leakgate history` without revisions): every blob of the object database
//! scanned exactly once, in parallel, plus every commit message.
//!
//! Blobs are read in pack order, one per task, and dropped as soon as they are scanned, and
//! the pack pages read are unmapped as the audit moves on ([`super::pack_pages`]), so
//! memory stays flat whatever the size of the pack. A blob is scanned with the first path
//! that introduced it (path-aware rules need one); a blob also introduced at paths that
//! switch on a different set of path-aware rules is scanned once more per such set. Each
//! finding is then reported once per path that introduced the blob, with the oldest commit.

use super::attribution::Attribution;
use super::commits::{commit_info, scan_message};
use super::objects::{inventory, BlobEntry};
use super::pack_pages::{PackPages, RELEASE_EVERY};
use super::progress::Progress;
use super::{Dated, HistoryOptions, Tally};
use crate::finding::CommitInfo;
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline, Skip};
use crate::source::{warn, Outcome};
use gix::bstr::ByteSlice;
use gix::ObjectId;
use rayon::prelude::*;
use std::collections::HashMap;

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
    let mut inventory = inventory(repo, &pack_pages)?;
    let (attribution, walk_errors) = Attribution::build(repo, tips, &progress, &pack_pages)?;
    if tips.is_some() {
        // Only what the named revisions reach: no unreachable blobs, no other branches.
        inventory
            .blobs
            .retain(|blob| attribution.has_blob(&blob.id));
        inventory
            .commits
            .retain(|id| attribution.age_of(id).is_some());
    }

    let sync = repo.clone().into_sync();
    progress.start("scanning blobs", inventory.blobs.len() as u64);
    let blobs = inventory
        .blobs
        .par_iter()
        .with_min_len(16)
        .map_init(
            || sync.to_thread_local(),
            |repo, blob| {
                let tally = scan_blob(repo, pipeline, &attribution, blob);
                pack_pages.touched(blob.size);
                progress.inc(1);
                tally
            },
        )
        .reduce(Tally::default, Tally::merge);

    progress.start("scanning messages", inventory.commits.len() as u64);
    let messages = inventory
        .commits
        .par_iter()
        .with_min_len(64)
        .map_init(
            || sync.to_thread_local(),
            |repo, &id| {
                let mut tally = Tally::default();
                match scan_message(repo, pipeline, id) {
                    Ok(found) => tally
                        .findings
                        .extend(found.into_iter().map(|finding| Dated {
                            age: attribution.age_of(&id),
                            finding,
                        })),
                    Err(err) => {
                        warn(format_args!("{err:#}"));
                        tally.errors += 1;
                    }
                }
                progress.inc(1);
                tally
            },
        )
        .reduce(Tally::default, Tally::merge);
    progress.finish();

    let mut all = blobs.merge(messages);
    all.errors += inventory.errors + walk_errors;
    // Blobs that commits name but the object database lacks: a partial clone's filtered
    // blobs, or a damaged repository. Never "clean".
    let present: gix::hashtable::HashSet<ObjectId> = inventory.blobs.iter().map(|b| b.id).collect();
    let missing = attribution
        .blob_ids()
        .filter(|id| !present.contains(*id))
        .count();
    all.skipped.add(Skip::Missing, missing);
    all.skipped
        .add(Skip::Shallow, attribution.shallow_boundary());
    Ok(all.into_outcome())
}

/// Scans one blob through the pipeline, at every path that introduced it; each finding
/// gets the oldest commit that introduced the blob at its path.
fn scan_blob(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    attribution: &Attribution,
    blob: &BlobEntry,
) -> Tally {
    let mut tally = Tally::default();
    let intros: Vec<(String, ObjectId, u64)> = attribution
        .introductions(&blob.id)
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
            name: unreachable.then(|| format!("{UNREACHABLE_PREFIX}{}", blob.id)),
            data: Data::Object { repo, id: blob.id },
        },
        Lines::All,
    );
    tally.count(&scanned);
    if scanned.findings.is_empty() {
        return tally;
    }
    if unreachable {
        tally.findings.extend(
            scanned
                .findings
                .into_iter()
                .map(|finding| Dated { age: None, finding }),
        );
        return tally;
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
    tally
}
