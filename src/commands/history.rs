//! `leakgate history [REV...]`: an audit of every blob, of what revisions reach, or of
//! what a range adds (src/source/history/).

use super::{finish, scanner_for, Work};
use crate::cli::{HistoryArgs, ScanArgs};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::source::history as git_history;
use crate::suppress::Suppressor;
use std::time::Instant;

/// Runs `leakgate history`.
pub fn run(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    finish(work(&args.common, &args.revs, Instant::now())?)
}

/// The work of `history` (and `baseline --history`): open the repository, read the config
/// at its root, scan what the revisions select.
pub fn work(common: &ScanArgs, revs: &[String], started: Instant) -> anyhow::Result<Work> {
    let opened = git_history::open(common.repo.as_deref())?;
    let roots = vec![opened.root.clone()];
    let config = Config::from_scan_args(common, &roots)?;
    let scanner = scanner_for(&config)?;
    let suppressor = Suppressor::new(&config.loaded, &opened.root, config.baseline.as_deref())?;
    let options = git_history::HistoryOptions {
        policy: config.policy.clone(),
        progress: !config.quiet,
    };
    let outcome = git_history::scan(&opened.repo, &scanner, revs, &options)?;
    Ok(Work {
        config,
        scanner,
        suppressor,
        root: opened.root,
        outcome,
        started,
    })
}
