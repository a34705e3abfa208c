//! `--format html`: one self-contained page to triage findings in a browser (issue 18 item 4).
//!
//! A one-off audit can end in thousands of findings; a terminal listing of them is hard to
//! read and harder to share. The page holds a summary (by rule, severity, verification
//! status, repository, top paths, and a timeline of when each secret was introduced) and a
//! table to filter, sort and search. Everything is in the one file: the style and script are
//! inline (`html/report.css`, `html/report.js`, embedded at build time), and a strict
//! Content-Security-Policy allows only those two blocks, by hash, and no fetch of any kind,
//! so opening a report never touches the network.
//!
//! The findings are the JSON report's objects ([`JsonFinding`], so secrets and commit
//! subjects are redacted exactly as there unless `--show-secrets`), embedded in a
//! `<script type="application/json">` block and written one at a time, as the JSON writer
//! does. What they carry once per rule (title, remediation, whether a verifier exists) is
//! written once per rule in a `rules` table. Every `<`, `>` and `&` in that block is written
//! as a `\u` escape, so no text from scanned content (a path such as
//! `</script><img src=x onerror=…>`) can close the block or start markup; the script reads
//! the data with `JSON.parse` and puts it on the page only as text.

use super::json::{summary_value, JsonFinding, SCHEMA};
use super::{Report, ReportOptions};
use base64::Engine;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;

/// The page's style sheet, inlined.
const STYLE: &str = include_str!("html/report.css");
/// The page's script, inlined.
const SCRIPT: &str = include_str!("html/report.js");

/// Writes the report as one HTML page.
pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    write!(
        out,
        concat!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n",
            "<meta name=\"referrer\" content=\"no-referrer\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"generator\" content=\"leakgate {version}\">\n",
            "<title>leakgate report</title>\n<style>{style}</style>\n</head>\n",
        ),
        csp = content_security_policy(),
        version = env!("CARGO_PKG_VERSION"),
        style = STYLE,
    )?;
    out.write_all(BODY.as_bytes())?;
    out.write_all(b"<script type=\"application/json\" id=\"leakgate-data\">")?;
    write_data(report, options, &mut ScriptSafe(&mut *out))?;
    out.write_all(b"</script>\n<script>")?;
    out.write_all(SCRIPT.as_bytes())?;
    out.write_all(b"</script>\n</body>\n</html>\n")
}

/// The policy: nothing may load or connect (`default-src 'none'`), and the only style and
/// script allowed are the two inline blocks this writer emits, named by their SHA-256
/// (CSP Level 2 hash sources), so even markup that somehow reached the page could not run.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; base-uri 'none'; form-action 'none'",
        hash_source(STYLE),
        hash_source(SCRIPT)
    )
}

/// A CSP hash source (`sha256-<base64>`) for an inline block's exact text.
fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page's static markup between `<body>` and the data; the script fills it in.
const BODY: &str = r#"<body>
<header>
<h1>leakgate report</h1>
<p id="overview">Loading…</p>
<p id="skipped" class="warning" hidden></p>
</header>
<noscript><p class="warning">This report needs JavaScript to show its findings. Its data is in
this file as JSON, in the script element with id <code>leakgate-data</code>.</p></noscript>
<main>
<section id="summary" aria-label="Summary">
<div class="card"><h2>Severity</h2><ol id="by-severity" class="bars"></ol></div>
<div class="card"><h2>Verification</h2><ol id="by-status" class="bars"></ol></div>
<div class="card"><h2>Rules</h2><ol id="by-rule" class="bars"></ol></div>
<div class="card" id="repository-card" hidden><h2>Repositories</h2><ol id="by-repository" class="bars"></ol></div>
<div class="card"><h2>Top paths</h2><ol id="by-path" class="bars"></ol></div>
<div class="card wide"><h2>When each secret was introduced</h2><div id="timeline"></div><p id="timeline-note" class="note"></p></div>
</section>
<section id="findings" aria-label="Findings">
<form id="controls" role="search">
<label>Rule <select id="filter-rule"></select></label>
<label>Severity <select id="filter-severity"></select></label>
<label>Verification <select id="filter-status"></select></label>
<label id="filter-repository-label" hidden>Repository <select id="filter-repository"></select></label>
<label class="grow">Search <input id="search" type="search" placeholder="path, rule, commit, author, secret…" autocomplete="off"></label>
<button id="reset" type="button">Reset</button>
</form>
<p id="count" aria-live="polite"></p>
<table id="table">
<thead><tr>
<th><button type="button" data-sort="severity">Severity</button></th>
<th><button type="button" data-sort="rule">Rule</button></th>
<th><button type="button" data-sort="secret">Secret</button></th>
<th><button type="button" data-sort="place">Place</button></th>
<th><button type="button" data-sort="date">Introduced</button></th>
<th><button type="button" data-sort="status">Verification</button></th>
<th>How to revoke</th>
</tr></thead>
<tbody id="rows"></tbody>
</table>
<p><button id="more" type="button" hidden>Show more</button></p>
</section>
</main>
"#;

/// The embedded data: `{"schema", "show_secrets", "summary", "rules", "findings"}`, the
/// findings last, one at a time.
fn write_data(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    out.write_all(b"{\"schema\":")?;
    serde_json::to_writer(&mut *out, SCHEMA)?;
    write!(out, ",\"show_secrets\":{}", options.show_secrets)?;
    out.write_all(b",\"summary\":")?;
    serde_json::to_writer(&mut *out, &summary_value(report))?;
    out.write_all(b",\"rules\":")?;
    serde_json::to_writer(&mut *out, &rules_value(report))?;
    out.write_all(b",\"findings\":[")?;
    for (i, finding) in report.findings.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let mut value = serde_json::to_value(JsonFinding::new(
            finding,
            report.rules,
            options.show_secrets,
        ))?;
        if let Value::Object(map) = &mut value {
            // Written once per rule in `rules`.
            map.remove("title");
            map.remove("remediation");
        }
        serde_json::to_writer(&mut *out, &value)?;
    }
    out.write_all(b"]}")
}

/// What the page shows once per rule: title, provider, severity, remediation (how to revoke),
/// whether `leakgate verify --rule ID` can check the secret and whether `leakgate revoke
/// --rule ID` can revoke it. Keyed by rule id, for the rules that made a finding. A finding
/// no rule of the set made (the `.env` policy's) takes its title and remediation from the
/// finding.
fn rules_value(report: &Report<'_>) -> Value {
    let mut rules: BTreeMap<&str, Value> = BTreeMap::new();
    for finding in report.findings {
        if rules.contains_key(&*finding.rule) {
            continue;
        }
        let rule = report.rules.get(&finding.rule);
        let mut entry = Map::new();
        entry.insert("title".into(), json!(&*finding.title));
        if let Some(provider) = rule.and_then(|r| r.provider.as_deref()) {
            entry.insert("provider".into(), json!(provider));
        }
        entry.insert(
            "severity".into(),
            serde_json::to_value(report.rules.severity_of(finding)).unwrap_or(Value::Null),
        );
        let remediation = finding
            .remediation
            .as_deref()
            .or_else(|| rule.and_then(|r| r.remediation().map(|text| &**text)));
        entry.insert("remediation".into(), json!(remediation));
        entry.insert(
            "verify".into(),
            json!(rule.is_some_and(|r| r.verify().is_some())),
        );
        entry.insert(
            "revoke".into(),
            json!(rule.is_some_and(|r| r.revoke().is_some())),
        );
        rules.insert(&*finding.rule, Value::Object(entry));
    }
    json!(rules)
}

/// A writer that escapes `<`, `>` and `&` as JSON `\u` escapes. JSON text holds these bytes
/// only inside strings (its own syntax never uses them), where the escape means the same
/// character, so the text parses to the same value; and with no `<` at all, nothing in it
/// can end the `<script>` element that holds it. The three are ASCII, so they never occur
/// inside a multi-byte UTF-8 sequence.
struct ScriptSafe<'a>(&'a mut dyn Write);

impl Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, &byte) in buf.iter().enumerate() {
            let escape: &[u8] = match byte {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(escape)?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    //! Pages with findings are tested through the real binary (tests/integration/
    //! html_report.rs) and in a browser (scripts/test-browser.sh); these pin the parts that
    //! need no finding.
    use super::*;
    use crate::report::{Purpose, Summary};

    const HOSTILE: &str = "</script><img src=x onerror=alert(1)>&amp;<!--";

    fn render_empty() -> String {
        let rules = crate::rules::RuleSet { rules: Vec::new() };
        let skipped = crate::pipeline::Skips::default();
        let suppressed = BTreeMap::new();
        let report = Report {
            findings: &[],
            summary: Summary::default(),
            skipped: &skipped,
            suppressed: &suppressed,
            unused: &[],
            rules: &rules,
        };
        let options = ReportOptions {
            format: crate::cli::Format::Html,
            show_secrets: false,
            color: false,
            quiet: false,
            purpose: Purpose::Scan,
        };
        let mut out = Vec::new();
        write(&report, &options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The text between the data block's tags.
    fn data_block(page: &str) -> &str {
        let open = "<script type=\"application/json\" id=\"leakgate-data\">";
        let start = page.find(open).unwrap() + open.len();
        let end = start + page[start..].find("</script>").unwrap();
        &page[start..end]
    }

    #[test]
    fn escaped_json_has_no_markup_characters_and_parses_to_the_same_value() {
        let value = json!({"path": HOSTILE, "nested": [{"summary": format!("a & b {HOSTILE}")}]});
        let mut escaped = Vec::new();
        // Written in small pieces, as a buffered writer may hand them over.
        let text = serde_json::to_vec(&value).unwrap();
        let mut safe = ScriptSafe(&mut escaped);
        for piece in text.chunks(7) {
            safe.write_all(piece).unwrap();
        }
        let escaped = String::from_utf8(escaped).unwrap();
        for byte in ["<", ">", "&"] {
            assert!(!escaped.contains(byte), "raw {byte}: {escaped}");
        }
        assert!(escaped.contains("\\u003c/script\\u003e"));
        assert_eq!(serde_json::from_str::<Value>(&escaped).unwrap(), value);
    }

    #[test]
    fn the_policy_allows_only_the_inline_blocks_and_no_fetch() {
        let page = render_empty();
        let csp = content_security_policy();
        assert!(csp.starts_with("default-src 'none';"));
        assert!(page.contains(&format!("content=\"{csp}\"")));
        // The hashes name the exact text of the blocks on the page.
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(csp.contains(&hash_source(STYLE)) && csp.contains(&hash_source(SCRIPT)));
        // No reference to anything outside the file.
        for outside in [
            "src=\"", "href=\"", "@import", "url(", "http://", "https://",
        ] {
            assert!(!page.contains(outside), "{outside} in the page");
        }
        let value: Value = serde_json::from_str(data_block(&page)).unwrap();
        assert_eq!(value["findings"], json!([]));
        assert_eq!(value["rules"], json!({}));
        assert_eq!(value["show_secrets"], false);
        assert_eq!(value["summary"]["findings"], 0);
    }
}
