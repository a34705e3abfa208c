//! The human format: `path:line:column`, the rule title, the redacted secret in its line,
//! the commit when there is one, the fingerprint and what to do about it; coloured when
//! allowed.
//!
//! Three things shape it beyond that:
//! - Scanned text is hostile. A line or a file name can carry terminal control sequences
//!   (erase the finding above, print a fake "0 findings") or bidirectional overrides;
//!   everything taken from scanned content, paths or commits goes through
//!   [`escape_controls`], so it shows as `\x1b`, `\r`, `\u{202e}`.
//! - A blocked commit ([`Purpose::Commit`], [`Purpose::CommitMessage`]) reads top-down:
//!   one headline saying why, each finding with its fingerprint, then how to proceed.
//! - A large report (an audit of a whole history) ends with counts by rule and the paths
//!   with most findings, so a thousand findings can be triaged.

use super::{Purpose, Report, ReportOptions};
use crate::finding::{Finding, FindingKind, VerifyStatus};
use owo_colors::{OwoColorize, Style};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;

/// From this many findings on, the report ends with counts by rule and by path.
pub const BREAKDOWN_FROM: usize = 20;
/// How many rules and paths the breakdown lists.
const BREAKDOWN_TOP: usize = 10;

struct Palette {
    location: Style,
    title: Style,
    secret: Style,
    dim: Style,
    live: Style,
}

impl Palette {
    fn new(color: bool) -> Palette {
        if !color {
            let plain = Style::new();
            return Palette {
                location: plain,
                title: plain,
                secret: plain,
                dim: plain,
                live: plain,
            };
        }
        Palette {
            location: Style::new().magenta().bold(),
            title: Style::new().red().bold(),
            secret: Style::new().yellow(),
            dim: Style::new().dimmed(),
            live: Style::new().white().on_red().bold(),
        }
    }
}

/// `text` with every control character shown as an escape (`\x1b`, `\r`, `\n`, `\u{85}`)
/// and every invisible formatting character that can reorder or hide text (bidirectional
/// overrides and isolates, zero-width characters) as `\u{…}`. Tabs stay: they cannot hide
/// anything.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() || is_invisible_format(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Unicode format characters that change how a line reads without being seen: zero-width
/// spaces and joiners, directional marks, embeddings, overrides and isolates, the BOM.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}'
        | '\u{061c}')
}

pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if options.quiet {
        return Ok(());
    }
    let p = Palette::new(options.color);
    let blocked = options.purpose != Purpose::Scan && !report.findings.is_empty();
    if blocked {
        writeln!(
            out,
            "{}\n",
            headline(report.findings, options.purpose).style(p.title)
        )?;
    }
    for finding in report.findings {
        write_finding(finding, options, &p, out)?;
    }
    write_summary(report, &p, out)?;
    if report.findings.len() >= BREAKDOWN_FROM {
        write_breakdown(report.findings, &p, out)?;
    }
    if blocked {
        write_how_to_proceed(report.findings, options.purpose, out)?;
    }
    Ok(())
}

/// `commit blocked: 2 secrets in 2 files`, naming file findings too.
fn headline(findings: &[Finding], purpose: Purpose) -> String {
    let secrets: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Secret)
        .collect();
    let files = findings.len() - secrets.len();
    let mut parts = Vec::new();
    if !secrets.is_empty() {
        let places: BTreeSet<Option<&str>> = secrets.iter().map(|f| f.path.as_deref()).collect();
        let place = if purpose == Purpose::CommitMessage {
            "the commit message".to_string()
        } else {
            plural(places.len(), "file")
        };
        parts.push(format!("{} in {place}", plural(secrets.len(), "secret")));
    }
    if files > 0 {
        parts.push(format!(
            "{} that must not be committed",
            plural(files, "file")
        ));
    }
    format!("commit blocked: {}", parts.join(" and "))
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn location(finding: &Finding, purpose: Purpose) -> String {
    let path = match (&finding.path, &finding.commit) {
        (Some(path), _) => escape_controls(path),
        (None, Some(_)) => "(commit message)".to_string(),
        (None, None) if purpose == Purpose::CommitMessage => "(commit message)".to_string(),
        (None, None) => "(stdin)".to_string(),
    };
    match (finding.line, finding.column) {
        (Some(line), Some(column)) => format!("{path}:{line}:{column}"),
        _ => path,
    }
}

fn write_finding(
    finding: &Finding,
    options: &ReportOptions,
    p: &Palette,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let is_live = finding
        .verification
        .as_ref()
        .is_some_and(|v| v.status == VerifyStatus::Live);
    if is_live {
        // A live token is the one to act on first: make it impossible to miss.
        write!(out, "{} ", " LIVE ".style(p.live))?;
    }
    write!(
        out,
        "{}  {}",
        location(finding, options.purpose).style(p.location),
        escape_controls(&finding.title).style(p.title)
    )?;
    writeln!(
        out,
        "  {}",
        format!("[{}]", escape_controls(&finding.rule)).style(p.dim)
    )?;
    if let Some((before, secret, after)) = finding.shown_line_parts(options.show_secrets) {
        let before = escape_controls(before);
        let after = escape_controls(after);
        writeln!(
            out,
            "    {}{}{}",
            before.trim_start(),
            escape_controls(&secret).style(p.secret),
            after.trim_end()
        )?;
    } else if finding.secret.is_none() {
        writeln!(
            out,
            "    this file must not be committed, whatever it holds"
        )?;
    }
    if let Some(repository) = &finding.repository {
        let text = format!("repository {repository}");
        writeln!(out, "    {}", escape_controls(&text).style(p.dim))?;
    }
    if let Some(commit) = finding.shown_commit(options.show_secrets) {
        let short: String = commit.id.chars().take(12).collect();
        let text = format!(
            "commit {short}  {} <{}>  {}  {}",
            commit.author, commit.email, commit.date, commit.summary
        );
        writeln!(out, "    {}", escape_controls(&text).style(p.dim))?;
    }
    if let Some(v) = &finding.verification {
        let status = format!("{:?}", v.status).to_uppercase();
        let mut text = format!("{status}: {}", v.detail);
        if !v.scopes.is_empty() {
            text.push_str(&format!(" (scopes: {})", v.scopes.join(", ")));
        }
        let text = escape_controls(&text);
        if v.status == VerifyStatus::Live {
            writeln!(out, "    {}", text.style(p.live))?;
        } else {
            writeln!(out, "    {}", text.style(p.dim))?;
        }
        if v.revocable == Some(true) {
            let hint = format!(
                "revoke: leakgate revoke --rule {} (reads the secret from standard input)",
                escape_controls(&finding.rule)
            );
            writeln!(out, "    {}", hint.style(p.title))?;
        }
    }
    for place in finding.merged.iter().flat_map(|m| m.places.iter()) {
        writeln!(
            out,
            "    {}",
            escape_controls(&place_text(place)).style(p.dim)
        )?;
    }
    writeln!(
        out,
        "    {}",
        format!("fingerprint {}", finding.fingerprint).style(p.dim)
    )?;
    if let Some(remediation) = &finding.remediation {
        let remediation = escape_controls(remediation);
        if is_live {
            writeln!(out, "    {} {remediation}", "→ act now:".style(p.title))?;
        } else {
            writeln!(out, "    → {remediation}")?;
        }
    }
    writeln!(out)
}

/// `also in REPOSITORY path:line:column (commit 0123456789ab)`: one more place of a merged
/// report's secret.
fn place_text(place: &crate::finding::Place) -> String {
    let mut text = String::from("also in ");
    if let Some(repository) = &place.repository {
        text.push_str(repository);
        text.push(' ');
    }
    let path = match (&place.path, &place.commit) {
        (Some(path), _) => path.as_str(),
        (None, Some(_)) => "(commit message)",
        (None, None) => "(stdin)",
    };
    text.push_str(path);
    if let (Some(line), Some(column)) = (place.line, place.column) {
        text.push_str(&format!(":{line}:{column}"));
    }
    if let Some(commit) = &place.commit {
        let short: String = commit.id.chars().take(12).collect();
        text.push_str(&format!(" (commit {short})"));
    }
    text
}

fn write_summary(report: &Report<'_>, p: &Palette, out: &mut dyn Write) -> std::io::Result<()> {
    let s = report.summary;
    let mut scanned = if s.blobs > 0 {
        format!("{} blobs", s.blobs)
    } else {
        format!("{} files", s.files)
    };
    if s.repositories > 0 {
        let noun = if s.repositories == 1 {
            "repository"
        } else {
            "repositories"
        };
        scanned.push_str(&format!(" of {} {noun}", s.repositories));
    }
    let mut line = format!(
        "{} finding{} in {scanned} ({}) in {} ms",
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" },
        human_bytes(s.bytes),
        s.elapsed_ms
    );
    let suppressed: usize = report.suppressed.values().sum();
    if suppressed > 0 {
        let parts: Vec<String> = report
            .suppressed
            .iter()
            .map(|(by, n)| format!("{n} by {}", by.label()))
            .collect();
        line.push_str(&format!("; {suppressed} suppressed ({})", parts.join(", ")));
    }
    let skipped = report.skipped.total();
    if skipped > 0 {
        let parts: Vec<String> = report
            .skipped
            .iter()
            .map(|(reason, n)| format!("{n} {}", reason.label()))
            .collect();
        line.push_str(&format!("; {skipped} not scanned ({})", parts.join(", ")));
    }
    writeln!(out, "{}", line.style(p.dim))?;
    for (by, fp) in report.unused {
        writeln!(out, "unused suppression: {fp} in {}", by.label())?;
    }
    Ok(())
}

/// Counts by rule and the paths holding most findings, most first.
fn write_breakdown(findings: &[Finding], p: &Palette, out: &mut dyn Write) -> std::io::Result<()> {
    let mut by_rule: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut by_path: HashMap<String, usize> = HashMap::new();
    for finding in findings {
        by_rule
            .entry(&finding.rule)
            .or_insert((0, &finding.title))
            .0 += 1;
        let path = match &finding.path {
            Some(path) => escape_controls(path),
            None if finding.commit.is_some() => "(commit messages)".to_string(),
            None => "(stdin)".to_string(),
        };
        *by_path.entry(path).or_default() += 1;
    }
    let mut rules: Vec<(&str, usize, &str)> =
        by_rule.into_iter().map(|(r, (n, t))| (r, n, t)).collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut paths: Vec<(String, usize)> = by_path.into_iter().collect();
    paths.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let width = findings.len().to_string().len();
    writeln!(
        out,
        "\n{}",
        format!("by rule ({}):", rules.len()).style(p.title)
    )?;
    for (rule, n, title) in rules.iter().take(BREAKDOWN_TOP) {
        writeln!(
            out,
            "  {n:>width$}  {}  {}",
            escape_controls(rule),
            escape_controls(title).style(p.dim)
        )?;
    }
    if rules.len() > BREAKDOWN_TOP {
        let rest: usize = rules[BREAKDOWN_TOP..].iter().map(|r| r.1).sum();
        writeln!(
            out,
            "  {rest:>width$}  in {} other rules",
            rules.len() - BREAKDOWN_TOP
        )?;
    }
    writeln!(
        out,
        "{}",
        format!("top paths ({} with findings):", paths.len()).style(p.title)
    )?;
    for (path, n) in paths.iter().take(BREAKDOWN_TOP) {
        writeln!(out, "  {n:>width$}  {path}")?;
    }
    if paths.len() > BREAKDOWN_TOP {
        let rest: usize = paths[BREAKDOWN_TOP..].iter().map(|p| p.1).sum();
        writeln!(
            out,
            "  {rest:>width$}  in {} other paths",
            paths.len() - BREAKDOWN_TOP
        )?;
    }
    Ok(())
}

/// The ways out of a blocked commit, in the order a user should consider them.
fn write_how_to_proceed(
    findings: &[Finding],
    purpose: Purpose,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let example = findings
        .iter()
        .find(|f| f.kind == FindingKind::Secret)
        .or(findings.first())
        .map(|f| f.fingerprint.as_str())
        .unwrap_or("<fingerprint>");
    let has_secrets = findings.iter().any(|f| f.kind == FindingKind::Secret);
    let mut steps = vec![if purpose == Purpose::CommitMessage {
        "Remove it: take the secret out of the message and commit again (git kept what you wrote in .git/COMMIT_EDITMSG); revoke it if it was ever shared.".to_string()
    } else {
        "Remove it: take the secret out of the change (read it from the environment or a secret store), or unstage the file, as each → says; then commit again. Revoke a secret that was ever pushed or shared.".to_string()
    }];
    if has_secrets {
        steps.push("A false positive: add `leakgate:allow` in a comment on its line.".to_string());
    }
    steps.push(format!(
        "Accept it: add its fingerprint to .leakgateignore (one per line), e.g. `echo {example} >> .leakgateignore`."
    ));
    steps.push(
        "Many existing findings: record them once with `leakgate baseline .leakgate-baseline.json` and give the hook `--baseline .leakgate-baseline.json`.".to_string(),
    );
    writeln!(out, "\nHow to proceed:")?;
    for (n, step) in steps.iter().enumerate() {
        writeln!(out, "  {}. {step}", n + 1)?;
    }
    writeln!(
        out,
        "  Skip this check once (not recommended): git commit --no-verify"
    )
}

fn human_bytes(bytes: u64) -> String {
    const UNITS: &[&str] = &["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            escape_controls("a\x1b[2Kb\rc\nd\te"),
            "a\\x1b[2Kb\\rc\\nd\te"
        );
        assert_eq!(escape_controls("x\u{202e}y\u{85}"), "x\\u{202e}y\\u{85}");
        assert_eq!(escape_controls("plain — ünïcode"), "plain — ünïcode");
    }

    fn finding(kind: FindingKind, path: Option<&str>) -> Finding {
        Finding {
            rule: "demo".into(),
            kind,
            title: "Demo".into(),
            path: path.map(Into::into),
            line: None,
            column: None,
            secret: None,
            context: None,
            fingerprint: crate::finding::Fingerprint::parse("0123456789abcdef")
                .expect("16 hex digits"),
            commit: None,
            verification: None,
            remediation: None,
            repository: None,
            merged: None,
        }
    }

    #[test]
    fn the_headline_counts_secrets_files_and_places() {
        let findings = vec![
            finding(FindingKind::Secret, Some("a.py")),
            finding(FindingKind::Secret, Some("b.py")),
        ];
        assert_eq!(
            headline(&findings, Purpose::Commit),
            "commit blocked: 2 secrets in 2 files"
        );
        let findings = vec![
            finding(FindingKind::Secret, Some("a.py")),
            finding(FindingKind::File, Some(".env")),
        ];
        assert_eq!(
            headline(&findings, Purpose::Commit),
            "commit blocked: 1 secret in 1 file and 1 file that must not be committed"
        );
        let findings = vec![finding(FindingKind::Secret, Some(".git/COMMIT_EDITMSG"))];
        assert_eq!(
            headline(&findings, Purpose::CommitMessage),
            "commit blocked: 1 secret in the commit message"
        );
    }
}
