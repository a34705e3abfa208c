//! The human format: `path:line:column`, the rule title, the redacted secret in its line,
//! the commit when there is one, and what to do about it; coloured when allowed.

use super::{Report, ReportOptions};
use crate::finding::{Finding, VerifyStatus};
use owo_colors::{OwoColorize, Style};
use std::io::Write;

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

pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let p = Palette::new(options.color);
    if !options.quiet {
        for finding in report.findings {
            write_finding(finding, options, &p, out)?;
        }
    }
    if !options.quiet {
        write_summary(report, &p, out)?;
    }
    Ok(())
}

fn location(finding: &Finding) -> String {
    let path = match (&finding.path, &finding.commit) {
        (Some(path), _) => path.clone(),
        (None, Some(_)) => "(commit message)".to_string(),
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
        location(finding).style(p.location),
        finding.title.style(p.title)
    )?;
    writeln!(out, "  {}", format!("[{}]", finding.rule).style(p.dim))?;
    if let Some(line) = finding.shown_line(options.show_secrets) {
        let secret = finding
            .shown_secret(options.show_secrets)
            .unwrap_or_default();
        let highlighted = match line.find(&secret) {
            Some(at) if !secret.is_empty() => format!(
                "{}{}{}",
                &line[..at],
                secret.style(p.secret),
                &line[at + secret.len()..]
            ),
            _ => line.clone(),
        };
        writeln!(out, "    {}", highlighted.trim())?;
    } else if finding.secret.is_none() {
        writeln!(
            out,
            "    this file must not be committed, whatever it holds"
        )?;
    }
    if let Some(commit) = &finding.commit {
        let short: String = commit.id.chars().take(12).collect();
        writeln!(
            out,
            "    {}",
            format!(
                "commit {short}  {} <{}>  {}  {}",
                commit.author, commit.email, commit.date, commit.summary
            )
            .style(p.dim)
        )?;
    }
    if let Some(v) = &finding.verification {
        let status = format!("{:?}", v.status).to_uppercase();
        let mut text = format!("{status}: {}", v.detail);
        if !v.scopes.is_empty() {
            text.push_str(&format!(" (scopes: {})", v.scopes.join(", ")));
        }
        if v.status == VerifyStatus::Live {
            writeln!(out, "    {}", text.style(p.live))?;
        } else {
            writeln!(out, "    {}", text.style(p.dim))?;
        }
    }
    if let Some(remediation) = &finding.remediation {
        if is_live {
            writeln!(out, "    {} {remediation}", "→ act now:".style(p.title))?;
        } else {
            writeln!(out, "    → {remediation}")?;
        }
    }
    writeln!(out)
}

fn write_summary(report: &Report<'_>, p: &Palette, out: &mut dyn Write) -> std::io::Result<()> {
    let s = report.summary;
    let scanned = if s.blobs > 0 {
        format!("{} blobs", s.blobs)
    } else {
        format!("{} files", s.files)
    };
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
