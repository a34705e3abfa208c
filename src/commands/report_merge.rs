//! `leakgate report merge SHARD...`: one report from the shards of an audit run on many
//! machines (docs/org-audit.md), in any report format.
//!
//! Shards are JSON reports: they carry the summary, with what was skipped and how many
//! inputs failed. The merge fails closed (exit 2) when a shard is missing, unreadable or
//! not a report, or when its summary says content was not scanned: skips that fail closed
//! (`too_large` unless `--accept-skips`; `unreadable`, `missing`, `shallow` always) or
//! errors (a repository that could not be cloned). JSON Lines shards carry no summary,
//! so they fail the merge unless `--accept-jsonl`.
//!
//! Findings are grouped by rule and fingerprint (the fingerprint names a secret, SPEC
//! §3.5): the same key leaked in 30 repositories is one finding with 29 more places
//! ([`crate::finding::Merged`]). The merged findings go through the same [`Report`] and
//! writers as a scan's, so every format (and any format added later) writes them.
//!
//! The merge never holds more than the shards: secrets are as the shards wrote them
//! (redacted, unless a shard was written with `--show-secrets`, and then redacted again
//! here unless the merge is given `--show-secrets` too), and so are commit summaries.

use crate::cli::MergeArgs;
use crate::exit::ExitCode;
use crate::finding::{
    redact, redact_occurrences, CommitInfo, Finding, Fingerprint, Merged, Place, Secret,
    VerifyStatus,
};
use crate::pipeline::{Skip, Skips};
use crate::report::json::{JsonFinding, SCHEMA};
use crate::report::{self, Purpose, Report, ReportOptions, Summary};
use crate::rules::RuleSet;
use crate::suppress::SuppressedBy;
use anyhow::Context;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

/// One shard as read.
struct Shard {
    findings: Vec<JsonFinding>,
    /// `None` for JSON Lines.
    summary: Option<Value>,
}

/// Runs `leakgate report merge`.
pub fn run(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let mut problems: Vec<String> = Vec::new();
    let mut shards = Vec::new();
    for path in &args.shards {
        match read_shard(path) {
            Ok(shard) => {
                problems.extend(incomplete(path, &shard, args));
                shards.push(shard);
            }
            Err(err) => problems.push(format!("{err:#}")),
        }
    }
    // A shard that could not be read leaves a hole nobody can see in the merged report:
    // write none.
    if shards.len() < args.shards.len() {
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        eprintln!("leakgate: exit 2: no merged report written, since a shard could not be read");
        return Ok(ExitCode::Error);
    }

    let mut totals = Totals::default();
    let mut all = Vec::new();
    for shard in shards {
        if let Some(summary) = &shard.summary {
            totals.add(summary);
        }
        all.extend(shard.findings);
    }
    let findings = merge_findings(all, args.show_secrets);
    let summary = Summary {
        findings: findings.len(),
        files: totals.files,
        blobs: totals.blobs,
        bytes: totals.bytes,
        elapsed_ms: totals.elapsed_ms,
        errors: totals.errors,
        repositories: totals.repositories,
    };
    let rules = RuleSet::builtin().context("the built-in rules")?;
    let report = Report {
        findings: &findings,
        summary,
        skipped: &totals.skipped,
        suppressed: &totals.suppressed,
        unused: &[],
        rules: &rules,
    };
    let options = ReportOptions {
        format: args.format,
        // Secrets and commit summaries were settled by `merge_findings` (redacted unless
        // asked for); the writers print them as they are.
        show_secrets: true,
        color: report::use_color(args.color, args.output.is_some()),
        quiet: args.quiet,
        purpose: Purpose::Scan,
    };
    report::write_to(args.output.as_deref(), &report, &options)?;
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        eprintln!(
            "leakgate: exit 2: the merged report is not complete ({} shard problem{})",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::Error);
    }
    Ok(ExitCode::for_scan(findings.len(), 0, 0))
}

/// Reads one shard: a JSON report (`schema` `leakgate.report.v1`), or JSON Lines (one
/// finding per line). Errors name the file, and the line for JSON Lines.
fn read_shard(path: &Path) -> anyhow::Result<Shard> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the shard", path.display()))?;
    let shown = path.display();
    if let Ok(Value::Object(document)) = serde_json::from_str::<Value>(&text) {
        if document.contains_key("schema") || document.contains_key("summary") {
            let schema = document.get("schema").and_then(Value::as_str);
            if schema != Some(SCHEMA) {
                anyhow::bail!(
                    "{shown}: not a leakgate report (schema {}, expected {SCHEMA})",
                    schema.map_or("missing".to_string(), |s| format!("`{s}`"))
                );
            }
            let findings: Vec<JsonFinding> = match document.get("findings") {
                Some(findings) => serde_json::from_value(findings.clone())
                    .with_context(|| format!("{shown}: `findings` is not a list of findings"))?,
                None => anyhow::bail!("{shown}: the report has no `findings`"),
            };
            check_fingerprints(path, &findings)?;
            return Ok(Shard {
                findings,
                summary: document.get("summary").cloned(),
            });
        }
    }
    let mut findings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let finding: JsonFinding = serde_json::from_str(line).with_context(|| {
            format!(
                "{shown}: line {}: not a leakgate JSON report or JSON Lines",
                i + 1
            )
        })?;
        findings.push(finding);
    }
    check_fingerprints(path, &findings)?;
    Ok(Shard {
        findings,
        summary: None,
    })
}

/// Every finding has a rule and a fingerprint of 16 hex digits: the merge groups by them.
fn check_fingerprints(path: &Path, findings: &[JsonFinding]) -> anyhow::Result<()> {
    for (i, finding) in findings.iter().enumerate() {
        if finding.rule.is_empty() || Fingerprint::parse(&finding.fingerprint).is_none() {
            anyhow::bail!(
                "{}: finding {}: no rule, or a fingerprint that is not 16 hex digits",
                path.display(),
                i + 1
            );
        }
    }
    Ok(())
}

/// Why a readable shard does not prove its content was all scanned, if it does not.
fn incomplete(path: &Path, shard: &Shard, args: &MergeArgs) -> Vec<String> {
    let shown = path.display();
    let Some(summary) = &shard.summary else {
        if args.accept_jsonl {
            return Vec::new();
        }
        return vec![format!(
            "{shown}: JSON Lines carry no summary, so the merge cannot tell whether this shard scanned everything; \
             write shards with --format json (or pass --accept-jsonl)"
        )];
    };
    let mut problems = Vec::new();
    if !summary.is_object() {
        problems.push(format!("{shown}: the report's summary is not an object"));
        return problems;
    }
    let skipped = skips_of(summary);
    let unaccepted = skipped.unaccepted(args.accept_skips);
    if unaccepted > 0 {
        let reasons: Vec<String> = skipped
            .iter()
            .filter(|(reason, _)| {
                reason.fails_closed() && !(args.accept_skips && reason.acceptable())
            })
            .map(|(reason, n)| format!("{n} {}", reason.label()))
            .collect();
        problems.push(format!(
            "{shown}: {unaccepted} blob{} not scanned ({})",
            if unaccepted == 1 { "" } else { "s" },
            reasons.join(", ")
        ));
    }
    let errors = count(summary, "errors");
    if errors > 0 {
        problems.push(format!(
            "{shown}: {errors} input{} could not be read (a repository not cloned, an unreadable commit or folder)",
            if errors == 1 { "" } else { "s" }
        ));
    }
    problems
}

fn count(summary: &Value, key: &str) -> usize {
    summary.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}

fn skips_of(summary: &Value) -> Skips {
    let mut skips = Skips::default();
    for reason in Skip::ALL {
        let n = summary
            .get("skipped")
            .and_then(|s| s.get(reason.key()))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        skips.add(reason, n as usize);
    }
    skips
}

/// The shards' summaries added up.
#[derive(Default)]
struct Totals {
    files: usize,
    blobs: usize,
    bytes: u64,
    /// The shards' times added: the work the audit took, not the wall-clock time.
    elapsed_ms: u128,
    errors: usize,
    repositories: usize,
    skipped: Skips,
    suppressed: BTreeMap<SuppressedBy, usize>,
}

impl Totals {
    fn add(&mut self, summary: &Value) {
        self.files += count(summary, "files");
        self.blobs += count(summary, "blobs");
        self.bytes += summary.get("bytes").and_then(Value::as_u64).unwrap_or(0);
        self.elapsed_ms += u128::from(
            summary
                .get("elapsed_ms")
                .and_then(Value::as_u64)
                .unwrap_or(0),
        );
        self.errors += count(summary, "errors");
        self.repositories += count(summary, "repositories");
        self.skipped.merge(&skips_of(summary));
        if let Some(Value::Object(suppressed)) = summary.get("suppressed") {
            for (label, n) in suppressed {
                if let Some(by) = suppressed_by(label) {
                    *self.suppressed.entry(by).or_default() += n.as_u64().unwrap_or(0) as usize;
                }
            }
        }
    }
}

/// The suppression reason a summary names by `label`.
fn suppressed_by(label: &str) -> Option<SuppressedBy> {
    [
        SuppressedBy::InlineMarker,
        SuppressedBy::AllowedPath,
        SuppressedBy::AllowedSecret,
        SuppressedBy::ConfigFingerprint,
        SuppressedBy::IgnoreFile,
        SuppressedBy::Baseline,
    ]
    .into_iter()
    .find(|by| by.label() == label)
}

/// Whether `text` is a secret as leakgate redacts it: up to 4 characters, `…`, and the
/// length in parentheses (SPEC §3).
fn is_redacted(text: &str) -> bool {
    let Some((head, tail)) = text.split_once('…') else {
        return false;
    };
    head.chars().count() <= 4
        && tail
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Groups findings by rule and fingerprint: one finding per secret, its other places in
/// [`Merged::places`]. Identical places (a repository audited by two shards) count once.
fn merge_findings(all: Vec<JsonFinding>, show_secrets: bool) -> Vec<Finding> {
    // Whole secrets a shard wrote (it ran with --show-secrets): redacted wherever they
    // occur, commit summaries included, unless the merge shows secrets too.
    let whole: Vec<String> = if show_secrets {
        Vec::new()
    } else {
        let mut whole: Vec<String> = all
            .iter()
            .filter_map(|f| f.secret.clone())
            .filter(|s| !is_redacted(s))
            .collect();
        whole.sort();
        whole.dedup();
        whole
    };
    let shown_summary = |commit: Option<CommitInfo>| {
        commit.map(|mut c| {
            if !whole.is_empty() {
                c.summary = redact_occurrences(&c.summary, whole.iter().map(String::as_str));
            }
            c
        })
    };

    let mut groups: HashMap<(String, Fingerprint), Vec<JsonFinding>> = HashMap::new();
    for finding in all {
        // Checked when the shard was read.
        let Some(fingerprint) = Fingerprint::parse(&finding.fingerprint) else {
            continue;
        };
        groups
            .entry((finding.rule.clone(), fingerprint))
            .or_default()
            .push(finding);
    }
    let mut merged = Vec::with_capacity(groups.len());
    for ((_, fingerprint), mut group) in groups {
        group.sort_by(|a, b| place_key(a).cmp(&place_key(b)));
        group.dedup_by(|a, b| place_key(a) == place_key(b));
        // The verification to show: a live answer anywhere wins.
        let verification = group
            .iter()
            .filter_map(|f| f.verification.clone())
            .max_by_key(|v| match v.status {
                VerifyStatus::Live => 3,
                VerifyStatus::Unknown => 2,
                VerifyStatus::Dead => 1,
                VerifyStatus::Skipped => 0,
            });
        let mut rest = group.into_iter();
        let Some(first) = rest.next() else { continue };
        let places: Vec<Place> = rest
            .map(|f| Place {
                repository: f.repository,
                path: f.path,
                line: f.line,
                column: f.column,
                commit: shown_summary(f.commit),
            })
            .collect();
        let secret = first.secret.map(|s| {
            if show_secrets || is_redacted(&s) {
                Secret::new(s)
            } else {
                Secret::new(redact(&s))
            }
        });
        merged.push(Finding {
            rule: Arc::from(first.rule),
            kind: first.kind.unwrap_or(crate::finding::FindingKind::Secret),
            title: Arc::from(first.title),
            path: first.path.map(Arc::from),
            line: first.line,
            column: first.column,
            secret,
            context: None,
            fingerprint,
            commit: shown_summary(first.commit).map(Box::new),
            verification: verification.map(Box::new),
            remediation: first.remediation.map(Arc::from),
            repository: first.repository.map(Arc::from),
            merged: Some(Box::new(Merged {
                places,
                severity: first.severity,
                confidence: first.confidence,
            })),
        });
    }
    merged.sort_by(|a, b| {
        (a.repository.as_deref(), a.sort_key(), &a.fingerprint).cmp(&(
            b.repository.as_deref(),
            b.sort_key(),
            &b.fingerprint,
        ))
    });
    merged
}

type PlaceKey<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<usize>,
    Option<usize>,
    Option<&'a str>,
);

/// Where a finding is: repository, path, line, column, commit.
fn place_key(f: &JsonFinding) -> PlaceKey<'_> {
    (
        f.repository.as_deref(),
        f.path.as_deref(),
        f.line,
        f.column,
        f.commit.as_ref().map(|c| c.id.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(repository: &str, path: &str, secret: &str) -> JsonFinding {
        JsonFinding {
            rule: "demo".into(),
            title: "Demo".into(),
            repository: Some(repository.into()),
            path: Some(path.into()),
            line: Some(1),
            column: Some(1),
            secret: Some(secret.into()),
            fingerprint: crate::finding::fingerprint("demo", "value").to_string(),
            ..JsonFinding::default()
        }
    }

    #[test]
    fn one_secret_in_many_places_is_one_finding() {
        let merged = merge_findings(
            vec![
                finding("https://h/b.git", "x.env", "abcd…(20)"),
                finding("https://h/a.git", "y.env", "abcd…(20)"),
                // The same place, from a second shard.
                finding("https://h/a.git", "y.env", "abcd…(20)"),
            ],
            false,
        );
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].repository.as_deref(), Some("https://h/a.git"));
        let places = &merged[0].merged.as_ref().unwrap().places;
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].repository.as_deref(), Some("https://h/b.git"));
        assert_eq!(merged[0].shown_secret(true).as_deref(), Some("abcd…(20)"));
    }

    #[test]
    fn whole_secrets_from_a_shard_are_redacted_unless_asked() {
        let value = "whole-secret-value-123";
        let mut f = finding("https://h/a.git", "a", value);
        f.commit = Some(CommitInfo {
            id: "c1".into(),
            summary: format!("add {value}"),
            ..CommitInfo::default()
        });
        let merged = merge_findings(vec![f], false);
        assert_eq!(merged[0].shown_secret(true).as_deref(), Some("whol…(22)"));
        let summary = &merged[0].commit.as_ref().unwrap().summary;
        assert!(!summary.contains(value), "{summary}");
        assert!(is_redacted("ghp_…(40)") && is_redacted("ab…(2)"));
        assert!(!is_redacted("ghp_abc…(40)") && !is_redacted("plain"));
    }
}
