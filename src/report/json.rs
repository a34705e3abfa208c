//! `--format json` and `--format jsonl`, in the shape of SPEC §3.

use super::{Report, ReportOptions};
use crate::finding::Finding;
use serde_json::{json, Value};
use std::io::Write;

/// Report schema name.
pub const SCHEMA: &str = "leakgate.report.v1";

/// One finding as a JSON object. `verification` appears only when it was asked for.
pub fn finding_value(finding: &Finding, show_secrets: bool) -> Value {
    let mut object = json!({
        "rule": finding.rule,
        "kind": finding.kind,
        "title": finding.title,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "secret": finding.shown_secret(show_secrets),
        "fingerprint": finding.fingerprint,
        "commit": finding.shown_commit(show_secrets),
        "remediation": finding.remediation,
    });
    if let Some(verification) = &finding.verification {
        object["verification"] = json!(verification);
    }
    object
}

pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| finding_value(f, options.show_secrets))
        .collect();
    let s = report.summary;
    let mut document = json!({
        "schema": SCHEMA,
        "findings": findings,
        "summary": {
            "findings": report.findings.len(),
            "files": s.files,
            "blobs": s.blobs,
            "bytes": s.bytes,
            "elapsed_ms": s.elapsed_ms as u64,
        },
    });
    let mut skipped = serde_json::Map::new();
    for reason in crate::pipeline::Skip::ALL {
        skipped.insert(reason.key().into(), json!(report.skipped.count(reason)));
    }
    document["summary"]["skipped"] = Value::Object(skipped);
    if !report.suppressed.is_empty() {
        let suppressed: serde_json::Map<String, Value> = report
            .suppressed
            .iter()
            .map(|(by, n)| (by.label().to_string(), json!(n)))
            .collect();
        document["summary"]["suppressed"] = Value::Object(suppressed);
    }
    if !report.unused.is_empty() {
        document["unused_suppressions"] = report
            .unused
            .iter()
            .map(|(by, fp)| json!({"source": by.label(), "fingerprint": fp}))
            .collect();
    }
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

pub fn write_lines(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for finding in report.findings {
        serde_json::to_writer(&mut *out, &finding_value(finding, options.show_secrets))?;
        writeln!(out)?;
    }
    Ok(())
}
