//! `--format json` and `--format jsonl`, in the shape of SPEC §3.

use super::{Report, ReportOptions};
use crate::finding::{CommitInfo, Confidence, Finding, FindingKind, Place, Severity, Verification};
use crate::rules::RuleSet;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::io::Write;

/// Report schema name.
pub const SCHEMA: &str = "leakgate.report.v1";

/// One finding as the JSON report holds it (SPEC §3), in the order the contract lists the
/// keys. Written by [`write()`] and [`write_lines`], and read back by `--baseline`
/// (src/suppress.rs), so the two cannot drift apart. Every key is optional when reading:
/// a baseline needs only fingerprints. `verification` appears only when it was asked for.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JsonFinding {
    pub rule: String,
    pub kind: Option<FindingKind>,
    pub title: String,
    /// The repository URL (credentials removed) for a finding in a repository audited by
    /// URL (`history --repo URL`, `--repos`, `--github-org`, `--gitlab-group`); absent for
    /// the local repository and files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Redacted unless `--show-secrets`.
    pub secret: Option<String>,
    pub fingerprint: String,
    pub commit: Option<CommitInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    pub remediation: Option<String>,
    /// The rule's severity and the finding's confidence (issue 14); absent in reports
    /// written before they existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// In a merged report (`report merge`), the secret's other places; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<Place>>,
}

impl JsonFinding {
    /// The finding as reported, rated by the rule (in `rules`) that made it.
    pub fn new(finding: &Finding, rules: &RuleSet, show_secrets: bool) -> JsonFinding {
        JsonFinding {
            rule: finding.rule.to_string(),
            kind: Some(finding.kind),
            title: finding.title.to_string(),
            repository: finding.repository.as_deref().map(str::to_string),
            path: finding.path.as_deref().map(str::to_string),
            line: finding.line,
            column: finding.column,
            secret: finding.shown_secret(show_secrets),
            fingerprint: finding.fingerprint.to_string(),
            commit: finding.shown_commit(show_secrets),
            verification: finding.verification.as_deref().cloned(),
            remediation: finding.remediation.as_deref().map(str::to_string),
            severity: Some(rules.severity_of(finding)),
            confidence: Some(rules.confidence_of(finding)),
            places: finding.merged.as_ref().map(|m| m.places.clone()),
        }
    }
}

/// A JSON report as `--baseline` reads it: the schema name and the findings (the summary
/// is not needed). `findings` is `None` when the document has none at all.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JsonReport {
    pub schema: Option<String>,
    pub findings: Option<Vec<JsonFinding>>,
}

/// One finding as a JSON value (SPEC §3).
pub fn finding_value(finding: &Finding, rules: &RuleSet, show_secrets: bool) -> Value {
    serde_json::to_value(JsonFinding::new(finding, rules, show_secrets)).expect("plain data")
}

/// The report as one JSON object, written a finding at a time (the `findings` array first,
/// the `summary` last), so that memory does not grow with a second copy of every finding.
/// The text is what `serde_json::to_writer_pretty` makes of the whole object (keys in
/// order: `findings`, `schema`, `summary`, `unused_suppressions`).
pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    out.write_all(b"{\n  \"findings\": [")?;
    let mut buffer = Vec::new();
    for (i, finding) in report.findings.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        buffer.clear();
        serde_json::to_writer_pretty(
            &mut buffer,
            &JsonFinding::new(finding, report.rules, options.show_secrets),
        )?;
        write_indented(out, &buffer, 4)?;
    }
    if !report.findings.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"schema\": ")?;
    serde_json::to_writer(&mut *out, SCHEMA)?;
    out.write_all(b",\n  \"summary\": ")?;
    buffer.clear();
    serde_json::to_writer_pretty(&mut buffer, &summary_value(report))?;
    write_indented_tail(out, &buffer, 2)?;
    if !report.unused.is_empty() {
        let unused: Value = report
            .unused
            .iter()
            .map(|(by, fp)| json!({"source": by.label(), "fingerprint": fp}))
            .collect();
        out.write_all(b",\n  \"unused_suppressions\": ")?;
        buffer.clear();
        serde_json::to_writer_pretty(&mut buffer, &unused)?;
        write_indented_tail(out, &buffer, 2)?;
    }
    out.write_all(b"\n}\n")
}

/// The `summary` object (SPEC §3): counts, skips by reason, suppressions by source.
pub(super) fn summary_value(report: &Report<'_>) -> Value {
    let s = report.summary;
    let mut summary = json!({
        "findings": report.findings.len(),
        "files": s.files,
        "blobs": s.blobs,
        "bytes": s.bytes,
        "elapsed_ms": s.elapsed_ms as u64,
    });
    let skipped: serde_json::Map<String, Value> = crate::pipeline::Skip::ALL
        .iter()
        .map(|reason| {
            (
                reason.key().to_string(),
                json!(report.skipped.count(*reason)),
            )
        })
        .collect();
    summary["skipped"] = Value::Object(skipped);
    // Only when there were any, so that reports of clean local scans keep their shape; a
    // shard merged by `report merge` with errors fails the merge closed.
    if s.errors > 0 {
        summary["errors"] = json!(s.errors);
    }
    if s.repositories > 0 {
        summary["repositories"] = json!(s.repositories);
    }
    if !report.suppressed.is_empty() {
        let suppressed: serde_json::Map<String, Value> = report
            .suppressed
            .iter()
            .map(|(by, n)| (by.label().to_string(), json!(n)))
            .collect();
        summary["suppressed"] = Value::Object(suppressed);
    }
    summary
}

/// Writes pretty-printed JSON with every line indented by `indent` spaces. Pretty JSON
/// holds no raw newline inside a string, so lines are safe to indent.
pub(super) fn write_indented(
    out: &mut dyn Write,
    pretty: &[u8],
    indent: usize,
) -> std::io::Result<()> {
    out.write_all(&vec![b' '; indent])?;
    write_indented_tail(out, pretty, indent)
}

/// [`write_indented`] for a value that follows a key on the same line: its first line is
/// not indented.
pub(super) fn write_indented_tail(
    out: &mut dyn Write,
    pretty: &[u8],
    indent: usize,
) -> std::io::Result<()> {
    let pad = vec![b' '; indent];
    for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(&pad)?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

pub fn write_lines(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for finding in report.findings {
        let record = JsonFinding::new(finding, report.rules, options.show_secrets);
        serde_json::to_writer(&mut *out, &record)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{fingerprint, FindingKind, Secret};
    use crate::report::Summary;

    fn findings_fingerprints(count: usize) -> Vec<String> {
        vec![fingerprint("demo", "x").to_string(); count]
    }

    /// The streamed text is the whole document, findings first and summary last.
    #[test]
    fn the_streamed_document_equals_the_pretty_printed_one() {
        let finding = |n: usize| Finding {
            rule: "demo".into(),
            kind: FindingKind::Secret,
            title: "Demo \"token\"\nwith a newline".into(),
            path: Some(format!("dir/file{n}.txt").into()),
            line: Some(n),
            column: Some(3),
            secret: Some(Secret::new(format!("secret-value-{n}"))),
            context: None,
            fingerprint: fingerprint("demo", "x"),
            commit: None,
            verification: None,
            remediation: Some("Rotate it.".into()),
            repository: None,
            merged: None,
        };
        let rules = crate::rules::RuleSet { rules: Vec::new() };
        let mut skipped = crate::pipeline::Skips::default();
        skipped.add(crate::pipeline::Skip::Binary, 2);
        let suppressed = std::collections::BTreeMap::new();
        for count in [0, 1, 3] {
            let findings: Vec<Finding> = (1..=count).map(finding).collect();
            let unused = [(
                crate::suppress::SuppressedBy::Baseline,
                "0123456789abcdef".to_string(),
            )];
            let report = Report {
                findings: &findings,
                summary: Summary::default(),
                skipped: &skipped,
                suppressed: &suppressed,
                unused: &unused[..count.min(1)],
                rules: &rules,
            };
            let options = ReportOptions {
                format: crate::cli::Format::Json,
                show_secrets: false,
                color: false,
                quiet: false,
                purpose: crate::report::Purpose::Scan,
            };
            let mut streamed = Vec::new();
            write(&report, &options, &mut streamed).unwrap();
            let mut document = json!({
                "schema": SCHEMA,
                "findings": findings.iter().map(|f| finding_value(f, &rules, false)).collect::<Vec<_>>(),
                "summary": summary_value(&report),
            });
            if count > 0 {
                document["unused_suppressions"] =
                    json!([{"source": "baseline", "fingerprint": "0123456789abcdef"}]);
            }
            let text = String::from_utf8(streamed).unwrap();
            let parsed: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, document, "{text}");
            // Findings first, summary last.
            let findings = text.find("\"findings\"").unwrap();
            assert!(findings < text.find("\"summary\"").unwrap());
            // And the baseline reader reads what the writer wrote.
            let read: JsonReport = serde_json::from_str(&text).unwrap();
            let fingerprints: Vec<String> = read
                .findings
                .unwrap()
                .into_iter()
                .map(|f| f.fingerprint)
                .collect();
            assert_eq!(fingerprints, findings_fingerprints(count));
        }
    }
}
