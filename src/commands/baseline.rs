//! `leakgate baseline FILE [PATH...] [--history]`: a JSON report of today's findings, for
//! `--baseline FILE` later.

use super::{config_roots, scan_targets};
use crate::cli::{BaselineArgs, Format, ScanArgs};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::source::walk;
use std::path::Path;
use std::time::Instant;

/// Equivalent to `--format json --output FILE`, except that the exit code is 0 when the
/// file was written, whatever it holds (recording findings is the point), and 2 if some
/// input could not be read (the baseline would be incomplete).
pub fn run(args: BaselineArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let common = ScanArgs {
        format: Format::Json,
        output: Some(args.file.clone()),
        config: args.config.clone(),
        repo: args.repo.clone(),
        ..ScanArgs::default()
    };
    let work = if args.history {
        if !args.paths.is_empty() {
            anyhow::bail!("leakgate baseline --history takes no PATH (it reads the repository)");
        }
        super::history::work(&common, &[], started)?
    } else {
        let paths = scan_targets(&args.paths);
        let roots = config_roots(&paths);
        let config = Config::from_scan_args(&common, &roots)?;
        super::scan::work(config, &roots, &paths, false, started)?
    };
    let settled = super::finish::settle(work)?;
    written(
        &args.file,
        settled.findings,
        settled.errors + settled.unaccepted_skips,
    )
}

/// The exit code and message once a baseline file is written.
fn written(file: &Path, findings: usize, incomplete: usize) -> anyhow::Result<ExitCode> {
    eprintln!(
        "leakgate: wrote a baseline of {findings} finding{} to {}; use it with --baseline {}",
        if findings == 1 { "" } else { "s" },
        walk::display_path(file),
        walk::display_path(file),
    );
    Ok(if incomplete > 0 {
        ExitCode::Error
    } else {
        ExitCode::Clean
    })
}
