//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! Rules go in `tool.driver.rules`; each result carries `partialFingerprints` with our
//! content fingerprint, so code scanning tracks one alert per secret across commits.
//! Findings without a path (commit messages) get a location that names the commit, since
//! code scanning rejects results without one.

use super::{Report, ReportOptions};
use crate::finding::Finding;
use serde_json::{json, Value};
use std::io::Write;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Only the rules that appear in results, in a stable order, with their index.
    let mut rule_ids: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| {
            let rule = report.rules.get(id);
            let title = rule.map(|r| r.title.as_str()).unwrap_or(id);
            let help = rule
                .and_then(|r| r.remediation.as_deref())
                .unwrap_or("Revoke the secret at its issuer and rotate it.");
            json!({
                "id": id,
                "name": pascal_case(id),
                "shortDescription": {"text": title},
                "fullDescription": {"text": title},
                "help": {"text": help},
                "defaultConfiguration": {"level": "error"},
                "properties": {"tags": ["security", "secret"], "security-severity": "8.0"},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            result(
                f,
                rule_ids.binary_search(&f.rule.as_str()).unwrap_or(0),
                options,
            )
        })
        .collect();
    let document = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "leakgate",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/leakgate/leakgate",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn result(finding: &Finding, rule_index: usize, options: &ReportOptions) -> Value {
    let shown = finding.shown_secret(options.show_secrets);
    let mut text = match &shown {
        Some(secret) => format!("{} found: {secret}", finding.title),
        None => format!("{}: this file must not be committed", finding.title),
    };
    if let Some(commit) = &finding.commit {
        text.push_str(&format!(" (commit {})", commit.id));
    }
    let uri = match (&finding.path, &finding.commit) {
        (Some(path), _) => path.clone(),
        (None, Some(commit)) => format!("commit-message/{}", commit.id),
        (None, None) => "stdin".to_string(),
    };
    let mut region = json!({"startLine": finding.line.unwrap_or(1)});
    if let Some(column) = finding.column {
        region["startColumn"] = json!(column);
    }
    let mut value = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region,
        }}],
        "partialFingerprints": {"leakgateFingerprint/v1": finding.fingerprint},
    });
    if let Some(verification) = &finding.verification {
        value["properties"] = json!({"verification": verification});
    }
    value
}

/// `github-pat` → `GithubPat`, the SARIF `name` convention.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
