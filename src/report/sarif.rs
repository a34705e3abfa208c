//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! Rules go in `tool.driver.rules`; each result carries `partialFingerprints` with our
//! content fingerprint, so code scanning tracks one alert per secret across commits.
//! Findings without a path (commit messages) get a location that names the commit, since
//! code scanning rejects results without one.

use super::{Report, ReportOptions};
use crate::finding::{Confidence, Finding, Severity};
use serde_json::{json, Value};
use std::io::Write;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Only the rules that appear in results, in a stable order, with their index.
    let mut rule_ids: Vec<&str> = report.findings.iter().map(|f| f.rule.as_ref()).collect();
    rule_ids.sort_unstable();
    rule_ids.dedup();
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| {
            let rule = report.rules.get(id);
            let title = rule.map(|r| &**r.title()).unwrap_or(id);
            let help = rule
                .and_then(|r| r.remediation().map(|text| &**text))
                .unwrap_or("Revoke the secret at its issuer and rotate it.");
            let severity = rule.map_or(Severity::High, |r| r.severity);
            json!({
                "id": id,
                "name": pascal_case(id),
                "shortDescription": {"text": title},
                "fullDescription": {"text": title},
                "help": {"text": help},
                "defaultConfiguration": {"level": level(severity)},
                "properties": {
                    "tags": ["security", "secret"],
                    "security-severity": security_severity(severity),
                    "severity": severity,
                },
            })
        })
        .collect();
    let tool = json!({"driver": {
        "name": "leakgate",
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/leakgate/leakgate",
        "rules": rules,
    }});
    // Written a result at a time, in the order and layout `to_writer_pretty` gives the
    // whole document (keys sorted: `$schema`, `runs` (`results`, `tool`), `version`), so
    // that memory does not hold a second copy of every finding.
    out.write_all(b"{\n  \"$schema\": ")?;
    serde_json::to_writer(&mut *out, SARIF_SCHEMA)?;
    out.write_all(b",\n  \"runs\": [\n    {\n      \"results\": [")?;
    let mut buffer = Vec::new();
    for (i, finding) in report.findings.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let index = rule_ids.binary_search(&finding.rule.as_ref()).unwrap_or(0);
        let rating = (
            report.rules.severity_of(finding),
            report.rules.confidence_of(finding),
        );
        buffer.clear();
        serde_json::to_writer_pretty(&mut buffer, &result(finding, index, rating, options))?;
        super::json::write_indented(out, &buffer, 8)?;
    }
    if !report.findings.is_empty() {
        out.write_all(b"\n      ")?;
    }
    out.write_all(b"],\n      \"tool\": ")?;
    buffer.clear();
    serde_json::to_writer_pretty(&mut buffer, &tool)?;
    super::json::write_indented_tail(out, &buffer, 6)?;
    out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
}

/// SARIF `level` of a severity: GitHub code scanning shows `error` and `warning` as alerts
/// that fail a check and `note` as a remark.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's `security-severity` score, whose bands (9.0+ critical, 7.0+ high, 4.0+ medium,
/// below low) GitHub turns back into the severity shown on the alert.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn result(
    finding: &Finding,
    rule_index: usize,
    (severity, confidence): (Severity, Confidence),
    options: &ReportOptions,
) -> Value {
    let shown = finding.shown_secret(options.show_secrets);
    let mut text = match &shown {
        Some(secret) => format!("{} found: {secret}", finding.title),
        None => format!("{}: this file must not be committed", finding.title),
    };
    if let Some(commit) = &finding.commit {
        text.push_str(&format!(" (commit {})", commit.id));
    }
    if let Some(repository) = &finding.repository {
        text.push_str(&format!(" in {repository}"));
    }
    let uri = artifact_uri(finding.path.as_deref(), finding.commit.as_deref());
    let region = region(finding);
    let mut value = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": region,
        }}],
        "partialFingerprints": {"leakgateFingerprint/v1": finding.fingerprint},
        "properties": {"severity": severity, "confidence": confidence},
    });
    if let Some(verification) = &finding.verification {
        value["properties"]["verification"] = json!(verification);
    }
    if let Some(repository) = &finding.repository {
        value["properties"]["repository"] = json!(&**repository);
    }
    if let Some(places) = finding
        .merged
        .as_ref()
        .map(|m| &m.places)
        .filter(|p| !p.is_empty())
    {
        // A merged report's other places of the same secret: related locations, each
        // naming its repository and commit (SARIF 2.1.0 §3.27.22).
        value["relatedLocations"] = places
            .iter()
            .enumerate()
            .map(|(i, place)| related_location(i + 1, place))
            .collect();
    }
    value
}

/// The `artifactLocation.uri` of a place: its path, else the commit whose message holds
/// it, else standard input.
fn artifact_uri(path: Option<&str>, commit: Option<&crate::finding::CommitInfo>) -> String {
    match (path, commit) {
        (Some(path), _) => uri_reference(path),
        (None, Some(commit)) => format!("commit-message/{}", commit.id),
        (None, None) => "stdin".to_string(),
    }
}

/// One more place of a merged report's secret, as a SARIF related location.
fn related_location(id: usize, place: &crate::finding::Place) -> Value {
    let mut text = String::from("The same secret");
    if let Some(repository) = &place.repository {
        text.push_str(&format!(" in {repository}"));
    }
    if let Some(commit) = &place.commit {
        text.push_str(&format!(" (commit {})", commit.id));
    }
    let line = place.line.unwrap_or(1);
    let column = place.column.unwrap_or(1);
    json!({
        "id": id,
        "message": {"text": text},
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(place.path.as_deref(), place.commit.as_ref())},
            "region": {"startLine": line, "startColumn": column},
        },
    })
}

/// The region code scanning highlights. GitHub wants all four of start and end line and
/// column: a secret spans its length on its line (for a secret found inside an encoded
/// value this is the decoded length, an approximation of the encoded span); a `file`
/// finding points at the start of the file.
fn region(finding: &Finding) -> Value {
    let line = finding.line.unwrap_or(1);
    let column = finding.column.unwrap_or(1);
    let length = finding.secret.as_ref().map_or(0, |s| s.expose().len());
    json!({
        "startLine": line,
        "startColumn": column,
        "endLine": line,
        "endColumn": column + length,
    })
}

/// Characters that cannot stand as themselves in the path of a relative URI reference
/// (RFC 3986): a path with a space or a `#` must still be a valid `artifactLocation.uri`.
/// `:` is escaped too, so that `c:x` is never read as a scheme. Non-ASCII is always escaped.
const URI_ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A report path (`/`-separated, relative to the repository or scan root) as a URI reference.
fn uri_reference(path: &str) -> String {
    percent_encoding::utf8_percent_encode(path, URI_ESCAPED).to_string()
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

#[cfg(test)]
mod tests {
    use super::uri_reference;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_reference("src/main.rs"), "src/main.rs");
        assert_eq!(uri_reference("my dir/a#1.txt"), "my%20dir/a%231.txt");
        assert_eq!(uri_reference("c:x/é.txt"), "c%3Ax/%C3%A9.txt");
        assert_eq!(uri_reference("100%.txt"), "100%25.txt");
    }
}
