//! The commands: one module per verb, each `run(args) -> Result<ExitCode>`, and the tail
//! they share ([`finish()`](finish::finish): suppress, verify, report, exit code).
//!
//! A scanning command opens its source, builds the [`Config`] and the scanner, lets the
//! source enumerate blobs through [`crate::pipeline`], and hands the [`Outcome`](crate::source::Outcome) to
//! [`finish::finish`]. The work lives in the modules they call.

pub mod baseline;
pub mod dotenv;
pub mod finish;
pub mod history;
pub mod hook;
pub mod report_merge;
pub mod revoke;
pub mod rules;
pub mod rules_check;
pub mod scan;
pub mod staged;
pub mod verify;

use crate::cli::{Cli, Command, HookCommand, ReportCommand, RulesCommand};
use crate::config::{Config, Settings};
use crate::exit::ExitCode;
use crate::scan::Scanner;
use crate::suppress::IGNORE_FILE_NAME;
use std::path::{Path, PathBuf};

pub use finish::{finish, Work};

/// Runs one command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Scan(args) => scan::run(args),
        Command::Staged(args) => staged::run(args),
        Command::History(args) => history::run(args),
        Command::Dotenv(args) => dotenv::run(args),
        Command::Verify(args) => verify::run(&args),
        Command::Revoke(args) => revoke::run(&args),
        Command::Rules(RulesCommand::List { config }) => rules::list(config.as_deref()),
        Command::Rules(RulesCommand::Check { files }) => rules::check(&files),
        Command::Hook(HookCommand::Install {
            pre_push,
            force,
            repo,
        }) => hook::install(crate::hook::InstallOptions {
            pre_push,
            force,
            repo,
        }),
        Command::Hook(HookCommand::PushRange { options }) => hook::push_range(options),
        Command::Hook(HookCommand::CommitMsg { file, common }) => {
            crate::commit_msg::run(&common, &file)
        }
        Command::Baseline(args) => baseline::run(args),
        Command::Report(ReportCommand::Merge(args)) => report_merge::run(&args),
    }
}

/// Builds the scanner for a config, sizing rayon's pool once.
pub fn scanner_for(config: &Config) -> anyhow::Result<Scanner> {
    if config.threads > 0 {
        // Fails only if a pool was already built; the first setting then stands.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .build_global();
    }
    Ok(Scanner::new(config.settings.rules.build()?))
}

/// The paths `scan` and `baseline` look at: the given ones, or `.`.
pub fn scan_targets(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}

/// Where `.leakgateignore` is looked for: the first discovery root that has one, else the
/// config's folder (the suppressor also reads the one beside the config file).
pub fn ignore_file_root(settings: &Settings, roots: &[PathBuf]) -> PathBuf {
    roots
        .iter()
        .find(|root| root.join(IGNORE_FILE_NAME).is_file())
        .cloned()
        .unwrap_or_else(|| settings.origin.root.clone())
}

/// Where to look for `.leakgate.toml` when scanning `paths`, most specific first: the first
/// path if it is a folder (the scan root), the git work tree holding the first path, the
/// git work tree holding the current directory, then the current directory.
pub fn config_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut push = |dir: PathBuf| {
        if !roots.contains(&dir) {
            roots.push(dir);
        }
    };
    if let Some(first) = paths.first().filter(|p| p.as_os_str() != "-") {
        if first.is_dir() {
            push(first.clone());
        }
        let start = if first.is_dir() {
            Some(first.as_path())
        } else {
            first.parent()
        };
        if let Some(top) = start
            .and_then(|dir| std::fs::canonicalize(dir).ok())
            .and_then(|dir| work_tree_top(&dir))
        {
            push(top);
        }
    }
    if let Ok(cwd) = std::env::current_dir() {
        if let Some(top) = work_tree_top(&cwd) {
            push(top);
        }
        push(cwd);
    }
    roots
}

/// The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a linked
/// worktree or submodule).
fn work_tree_top(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}
