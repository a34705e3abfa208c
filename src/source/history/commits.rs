//! Commit provenance: the report's `commit` object (SPEC §3) and the scan of commit
//! messages, shared by audits and ranges.

use crate::finding::{CommitInfo, Finding, Secret};
use crate::pipeline::{Blob, Data, Lines, Origin, Pipeline};
use crate::scan::Scanner;
use anyhow::Context;
use gix::ObjectId;

/// The `commit` object for commit `id`: author, email, author date in RFC 3339 UTC, and
/// the message's summary line, with the secrets `scanner` finds in that line noted so that
/// reports redact them (lines marked `leakgate:allow` included: an allowed secret is still
/// not printed).
pub fn commit_info(
    repo: &gix::Repository,
    scanner: &Scanner,
    id: ObjectId,
) -> anyhow::Result<CommitInfo> {
    let commit = repo
        .find_commit(id)
        .with_context(|| format!("commit {id}: cannot read"))?;
    let author = commit
        .author()
        .with_context(|| format!("commit {id}: bad author"))?;
    let summary = commit
        .message()
        .map(|m| m.summary().to_string())
        .unwrap_or_default();
    let summary_secrets = scanner
        .scan_plain(None, summary.as_bytes())
        .into_iter()
        .map(|hit| {
            Secret::new(String::from_utf8_lossy(
                &summary.as_bytes()[hit.start..hit.end],
            ))
        })
        .collect();
    Ok(CommitInfo {
        id: id.to_string(),
        author: author.name.to_string(),
        email: author.email.to_string(),
        date: rfc3339_utc(author.seconds()),
        summary,
        summary_secrets,
    })
}

/// Secrets in the message of commit `id`, each with `path: None`, its line within the
/// message, and the commit.
pub fn scan_message(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    id: ObjectId,
) -> anyhow::Result<Vec<Finding>> {
    let commit = repo
        .find_commit(id)
        .with_context(|| format!("commit {id}: cannot read"))?;
    scan_message_of(repo, pipeline, id, &commit.data)
}

/// [`scan_message`] for a commit already read: `data` is the commit object's content.
/// `repo` is read only when the message holds a finding.
pub fn scan_message_of(
    repo: &gix::Repository,
    pipeline: &Pipeline<'_>,
    id: ObjectId,
    data: &[u8],
) -> anyhow::Result<Vec<Finding>> {
    let commit = gix::objs::CommitRef::from_bytes(data, repo.object_hash())
        .map_err(|e| anyhow::anyhow!("commit {id}: cannot decode: {e}"))?;
    let blob = Blob {
        origin: Origin::CommitMessage,
        paths: Vec::new(),
        name: None,
        data: Data::Bytes(commit.message),
    };
    let mut findings = pipeline.run(blob, Lines::All).findings;
    if findings.is_empty() {
        return Ok(findings);
    }
    let mut info = commit_info(repo, pipeline.scanner(), id)?;
    for secret in findings.iter().filter_map(|f| f.secret.as_ref()) {
        info.note_secret(secret);
    }
    for finding in &mut findings {
        finding.commit = Some(Box::new(info.clone()));
    }
    Ok(findings)
}

/// `seconds` since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn rfc3339_utc(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's public
/// `civil_from_days` algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::rfc3339_utc;

    #[test]
    fn dates_are_rfc3339_in_utc() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_767_323_045), "2026-01-02T03:04:05Z");
        assert_eq!(rfc3339_utc(-1), "1969-12-31T23:59:59Z");
    }
}
