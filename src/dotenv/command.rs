//! `leakgate dotenv [PATH] [--fix]`: the `.env` hygiene report of one work tree.
//!
//! Surveys every `.env` file under PATH (all of them, ignored ones included), applies
//! `--fix` to the `untracked-not-ignored` ones, and reports each file with its state after
//! the fix and what to do. Files that are not ignored are `file` findings (SPEC §2), which
//! pass the usual allowlists; exit 1 if any remains, 0 if none, 2 outside a git work tree.

use super::fix::{self, FixOutcome};
use super::survey::{self, EnvState, SurveyOptions};
use super::table::{self, Row};
use super::worktree::WorkTree;
use crate::cli::{DotenvArgs, ScanArgs};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::report::{Report, Summary};
use crate::suppress::Suppressor;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Runs `leakgate dotenv`.
pub fn run(args: DotenvArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    if std::fs::symlink_metadata(&path).is_err() {
        anyhow::bail!("{}: no such file or directory", path.display());
    }
    let tree = match WorkTree::locate(&path)? {
        Ok(tree) => tree,
        Err(why) => anyhow::bail!(
            "{}: not inside a git work tree ({why}); `leakgate dotenv` checks .env files against git's ignore rules and index",
            path.display()
        ),
    };
    let scan_args = ScanArgs {
        format: args.format,
        output: args.output.clone(),
        config: args.config.clone(),
        color: args.color,
        ..ScanArgs::default()
    };
    let mut roots = Vec::new();
    if path.is_dir() {
        roots.push(path.clone());
    }
    roots.push(tree.root.clone());
    let config = Config::from_scan_args(&scan_args, &roots)?;
    let templates = config.settings.dotenv.templates.clone();
    let under = tree.relative(&path)?;

    let options = SurveyOptions {
        allow_encrypted: config.settings.dotenv.allow_encrypted,
        ..SurveyOptions::default()
    };
    let found = survey::survey(&tree, &under, &templates, options)?;
    let outcomes = if args.fix {
        let offending: Vec<String> = found
            .files
            .iter()
            .filter(|f| f.state == EnvState::UntrackedNotIgnored)
            .map(|f| f.path.clone())
            .collect();
        fix::fix(&tree, &offending)?
    } else {
        Default::default()
    };

    let suppressor = Suppressor::new(&config.settings, &tree.root, None)?;
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    let mut suppressed = std::collections::BTreeMap::new();
    for file in &found.files {
        let fix_outcome = outcomes.get(&file.path);
        let state = match fix_outcome {
            Some(FixOutcome::Ignored { .. }) => EnvState::Ignored,
            _ => file.state,
        };
        let ignored = state.is_finding() && super::ignored_by_git(&tree, &file.path);
        let mut action = table::action(&tree.root, &file.path, state, fix_outcome, ignored);
        if state.is_finding() {
            let finding = super::env_finding_in(&file.path, state, Some(action.clone()));
            match suppressor.reason(&finding, &tree.root) {
                Some(by) => {
                    *suppressed.entry(by).or_insert(0) += 1;
                    action = format!("allowed by {}", by.label());
                }
                None => findings.push(finding),
            }
        }
        rows.push(Row {
            path: file.path.clone(),
            state,
            action,
        });
    }

    let summary = Summary {
        findings: findings.len(),
        files: found.files.len(),
        blobs: 0,
        bytes: 0,
        elapsed_ms: started.elapsed().as_millis(),
        ..Summary::default()
    };
    match config.format {
        crate::cli::Format::Human => {
            let color = crate::report::use_color(config.color, config.output.is_some());
            write_to(&config, |out| {
                table::write(out, &rows, &tree.root, &under, findings.len(), color)
            })?;
        }
        _ => {
            let rules = super::report_rules()?;
            let report = Report {
                findings: &findings,
                summary,
                skipped: &Default::default(),
                suppressed: &suppressed,
                unused: &[],
                rules: &rules,
            };
            crate::report::write_to(
                config.output.as_deref(),
                &report,
                &crate::report::options(&config),
            )?;
        }
    }
    Ok(ExitCode::for_scan(findings.len(), found.errors, 0))
}

/// Runs `write` on `--output` or standard output.
fn write_to(
    config: &Config,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    match &config.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot write report", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)
                .and_then(|_| out.flush())
                .with_context(|| format!("{}: cannot write report", path.display()))
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)
                .and_then(|_| out.flush())
                .context("standard output")
        }
    }
}
