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
use super::{keep_oldest, Dated, HistoryOptions, Tally};
use crate::dotenv::{env_finding, is_env_finding};
use crate::finding::{CommitInfo, Finding, FindingKind};
use crate::scan::{BlobScan, Scanner};
use crate::source::{warn, Outcome};
use gix::bstr::ByteSlice;
use gix::ObjectId;
use rayon::prelude::*;

/// Prefix of the path reported for a blob that no ref reaches: it has no path, and its id is
/// what a user needs to look at it (`git cat-file -p <id>`).
pub const UNREACHABLE_PREFIX: &str = "unreachable-blob/";

/// Scans every blob and commit message of `repo`.
pub fn audit(
    repo: &gix::Repository,
    scanner: &Scanner,
    options: &HistoryOptions,
) -> anyhow::Result<Outcome> {
    let progress = Progress::new(options.progress);
    let pack_pages = PackPages::new(RELEASE_EVERY);
    let inventory = inventory(repo, &pack_pages)?;
    let (attribution, walk_errors) = Attribution::build(repo, &progress, &pack_pages)?;
    let path_rules: Vec<usize> = scanner
        .rules()
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == FindingKind::Secret && r.has_path())
        .map(|(i, _)| i)
        .collect();

    let sync = repo.clone().into_sync();
    progress.start("scanning blobs", inventory.blobs.len() as u64);
    let blobs = inventory
        .blobs
        .par_iter()
        .with_min_len(16)
        .map_init(
            || sync.to_thread_local(),
            |repo, blob| {
                let tally = scan_blob(repo, scanner, &attribution, &path_rules, blob, options);
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
                match scan_message(repo, scanner, id) {
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

    let all = blobs.merge(messages);
    Ok(Outcome {
        findings: keep_oldest(all.findings),
        files: 0,
        blobs: all.blobs,
        bytes: all.bytes,
        errors: all.errors + inventory.errors + walk_errors,
    })
}

/// Reads and scans one blob; findings for every path that introduced it.
fn scan_blob(
    repo: &gix::Repository,
    scanner: &Scanner,
    attribution: &Attribution,
    path_rules: &[usize],
    blob: &BlobEntry,
    options: &HistoryOptions,
) -> Tally {
    let mut tally = Tally::default();
    let intros: Vec<(String, ObjectId, u64)> = attribution
        .introductions(&blob.id)
        .into_iter()
        .map(|(path, commit, age)| (path.to_str_lossy().into_owned(), commit, age))
        .collect();
    let mut commit_infos: Vec<Option<CommitInfo>> = vec![None; intros.len()];
    let mut info_for = |repo: &gix::Repository, i: usize, errors: &mut usize| {
        if commit_infos[i].is_none() {
            match commit_info(repo, scanner, intros[i].1) {
                Ok(info) => commit_infos[i] = Some(info),
                Err(err) => {
                    warn(format_args!("{err:#}"));
                    *errors += 1;
                }
            }
        }
        commit_infos[i].clone()
    };

    let data = if blob.size > options.max_file_size {
        let shown = intros
            .first()
            .map(|(path, _, _)| path.clone())
            .unwrap_or_else(|| format!("{UNREACHABLE_PREFIX}{}", blob.id));
        warn(format_args!(
            "{shown} (blob {}): skipped, {} bytes is over --max-file-size {}",
            blob.id, blob.size, options.max_file_size
        ));
        None
    } else {
        match repo.find_blob(blob.id) {
            Ok(mut found) => Some(found.take_data()),
            Err(err) => {
                warn(format_args!("blob {}: cannot read: {err}", blob.id));
                tally.errors += 1;
                return tally;
            }
        }
    };

    // Files that must not be committed, whatever they hold, at each path that added them.
    for (i, (path, _, age)) in intros.iter().enumerate() {
        let mut found: Vec<Finding> = scanner.file_findings(path, data.as_deref());
        if is_env_finding(
            path,
            data.as_deref(),
            &options.dotenv_templates,
            options.dotenv_allow_encrypted,
        ) {
            found.push(env_finding(path));
        }
        if found.is_empty() {
            continue;
        }
        let info = info_for(repo, i, &mut tally.errors);
        tally.findings.extend(found.into_iter().map(|mut finding| {
            finding.commit = info.clone();
            Dated {
                age: Some(*age),
                finding,
            }
        }));
    }

    let Some(data) = data else {
        return tally;
    };
    tally.blobs += 1;
    tally.bytes += data.len() as u64;

    if intros.is_empty() {
        if let BlobScan::Scanned(matches) = scanner.scan_blob(None, &data, options.scan_binary) {
            let path = format!("{UNREACHABLE_PREFIX}{}", blob.id);
            tally.findings.extend(matches.iter().map(|m| Dated {
                age: None,
                finding: scanner.secret_finding(m, Some(&path)),
            }));
        }
        return tally;
    }

    // One scan per distinct set of path-aware rules among the blob's paths.
    let signature = |path: &str| -> Vec<bool> {
        path_rules
            .iter()
            .map(|&r| scanner.rule(r).applies_to_path(Some(path)))
            .collect()
    };
    let mut groups: Vec<(Vec<bool>, Vec<usize>)> = Vec::new();
    for (i, (path, _, _)) in intros.iter().enumerate() {
        let sig = if path_rules.is_empty() {
            Vec::new()
        } else {
            signature(path)
        };
        match groups.iter_mut().find(|(s, _)| *s == sig) {
            Some((_, members)) => members.push(i),
            None => groups.push((sig, vec![i])),
        }
    }
    for (_, members) in groups {
        let first = &intros[members[0]].0;
        let BlobScan::Scanned(matches) = scanner.scan_blob(Some(first), &data, options.scan_binary)
        else {
            return tally;
        };
        if matches.is_empty() {
            continue;
        }
        for i in members {
            let info = info_for(repo, i, &mut tally.errors);
            let (path, _, age) = &intros[i];
            tally.findings.extend(matches.iter().map(|m| {
                let mut finding = scanner.secret_finding(m, Some(path));
                finding.commit = info.clone();
                Dated {
                    age: Some(*age),
                    finding,
                }
            }));
        }
    }
    tally
}
