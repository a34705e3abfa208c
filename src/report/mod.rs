//! Reports: findings rendered as human text, JSON, JSON Lines, SARIF (SPEC §3) or one HTML
//! page (issue 18).
//!
//! Every writer gets the same [`Report`] and the same [`ReportOptions`]; whether a secret is
//! shown whole is decided in one place, [`crate::finding::Finding::shown_secret`].

pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::cli::{ColorChoice, Format};
use crate::config::Config;
use crate::finding::Finding;
use crate::pipeline::Skips;
use crate::rules::RuleSet;
use crate::suppress::SuppressedBy;
use anyhow::Context;
use std::collections::BTreeMap;
use std::io::Write;

/// Counts for the `summary` object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub findings: usize,
    pub files: usize,
    pub blobs: usize,
    pub bytes: u64,
    pub elapsed_ms: u128,
    /// Inputs that could not be read outside any blob (a folder, a commit, a repository
    /// that could not be cloned): they make a clean result fail closed. Written to the
    /// JSON summary only when not 0.
    pub errors: usize,
    /// Repositories audited by URL (`history --repo URL`, `--repos`, `--github-org`,
    /// `--gitlab-group`); 0 for a local scan, and then not written.
    pub repositories: usize,
}

/// Everything a writer needs.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub summary: Summary,
    /// Blobs not scanned, by reason.
    pub skipped: &'a Skips,
    pub suppressed: &'a BTreeMap<SuppressedBy, usize>,
    /// Suppression entries that matched nothing (`--report-unused`).
    pub unused: &'a [(SuppressedBy, String)],
    pub rules: &'a RuleSet,
}

#[derive(Clone, Copy, Debug)]
pub struct ReportOptions {
    pub format: Format,
    pub show_secrets: bool,
    pub color: bool,
    pub quiet: bool,
    /// What the report is for; the human format reads differently for a blocked commit.
    pub purpose: Purpose,
}

/// What a report is for, where that changes how the human format reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Purpose {
    /// A scan or an audit: findings, then counts.
    #[default]
    Scan,
    /// The pre-commit hook (`leakgate staged`): a headline saying the commit is blocked,
    /// each finding with its fingerprint, then how to proceed.
    Commit,
    /// The commit-msg hook: as [`Purpose::Commit`], for the message being recorded.
    CommitMessage,
}

/// Whether to colour: `auto` means stdout is a terminal, no `--output`, and `NO_COLOR` is
/// unset or empty (<https://no-color.org>).
pub fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            use std::io::IsTerminal;
            !to_file
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes `report` in the chosen format.
pub fn write(
    report: &Report<'_>,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match options.format {
        Format::Human => human::write(report, options, out),
        Format::Json => json::write(report, options, out),
        Format::Jsonl => json::write_lines(report, options, out),
        Format::Sarif => sarif::write(report, options, out),
        Format::Html => html::write(report, options, out),
    }
}

/// The writer options a config asks for.
pub fn options(config: &Config) -> ReportOptions {
    ReportOptions {
        format: config.format,
        show_secrets: config.show_secrets,
        color: use_color(config.color, config.output.is_some()),
        quiet: config.quiet,
        purpose: config.purpose,
    }
}

/// Writes a report to `output` (`--output FILE`) or standard output.
pub fn write_to(
    output: Option<&std::path::Path>,
    report: &Report<'_>,
    options: &ReportOptions,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot write report", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            write(report, options, &mut out)
                .and_then(|_| out.flush())
                .with_context(|| format!("{}: cannot write report", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(report, options, &mut out)
                .and_then(|_| out.flush())
                .context("standard output")?;
        }
    }
    Ok(())
}
