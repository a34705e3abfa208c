//! `leakgate scan [PATH...]`: files and directory trees, `-` for standard input.

use super::{config_roots, finish, ignore_file_root, scan_targets, scanner_for, Work};
use crate::cli::PathArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::source::walk;
use crate::suppress::Suppressor;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs `leakgate scan`.
pub fn run(args: PathArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let paths = scan_targets(&args.paths);
    let roots = config_roots(&paths);
    let config = Config::from_scan_args(&args.common, &roots)?;
    finish(work(config, &roots, &paths, args.no_ignore, started)?)
}

/// The work of `scan` (and `baseline`): the scanner, the suppression lists, and what the
/// walk found.
pub fn work(
    config: Config,
    roots: &[PathBuf],
    paths: &[PathBuf],
    no_ignore: bool,
    started: Instant,
) -> anyhow::Result<Work> {
    let scanner = scanner_for(&config)?;
    let suppressor = Suppressor::new(
        &config.settings,
        &ignore_file_root(&config.settings, roots),
        config.baseline.as_deref(),
    )?;
    let options = walk::WalkOptions {
        honour_ignores: !no_ignore,
        threads: config.threads,
        policy: config.policy.clone(),
    };
    // Inside a git work tree, git's view is added: .env files it would commit, and tracked
    // files the walker skipped because an ignore pattern matches them (src/dotenv/scan.rs).
    let outcome = crate::dotenv::scan_with_git_checks(
        &scanner,
        paths,
        &options,
        &config.policy.dotenv_templates,
        || walk::scan_paths(&scanner, paths, &options),
    )?;
    Ok(Work {
        config,
        scanner,
        suppressor,
        root: Path::new(".").to_path_buf(),
        outcome,
        started,
    })
}
