//! `leakgate staged`: what the next commit records (src/source/staged.rs).

use super::{finish, scanner_for, Work};
use crate::cli::StagedArgs;
use crate::config::Config;
use crate::exit::ExitCode;
use crate::source::staged;
use crate::suppress::Suppressor;
use std::time::Instant;

/// Runs `leakgate staged`.
pub fn run(args: StagedArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let StagedArgs {
        paths,
        common: args,
    } = args;
    let repo = staged::open(args.repo.as_deref())?;
    let root = staged::root(&repo);
    let mut config = Config::from_scan_args(&args, std::slice::from_ref(&root))?;
    config.purpose = crate::report::Purpose::Commit;
    // Loading the rules and comparing the index with HEAD each take about half of a hook's
    // run: do them side by side. The rules load on this thread: their thousands of small
    // allocations then come from the main heap, not from a new thread's arena, which
    // grows a page range at a time (issue 17).
    let (scanner, changes) = std::thread::scope(|scope| {
        let comparing = {
            let repo = repo.clone();
            let paths = &paths;
            scope.spawn(move || {
                staged::StagedChanges::find(&repo)
                    .and_then(|changes| changes.with_whole_paths(&repo, paths))
            })
        };
        let scanner = scanner_for(&config);
        let changes = comparing
            .join()
            .map_err(|_| anyhow::anyhow!("reading the index failed unexpectedly"))?;
        anyhow::Ok((scanner?, changes?))
    })?;
    let suppressor = Suppressor::new(&config.settings, &root, config.baseline.as_deref())?;
    let outcome = staged::scan_staged(&repo, changes, &scanner, &config.policy)?;
    crate::source::history::explain_missing(&repo, &outcome);
    finish(Work {
        config,
        scanner,
        suppressor,
        root,
        outcome,
        started,
    })
}
