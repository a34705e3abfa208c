//! `leakgate hook install` and `leakgate hook push-range` (src/hook.rs).

use crate::cli::Cli;
use crate::exit::ExitCode;
use crate::hook;
use crate::source::staged;

/// `leakgate hook install`.
pub fn install(options: hook::InstallOptions) -> anyhow::Result<ExitCode> {
    for path in hook::install(&options)? {
        println!("installed {}", path.display());
    }
    Ok(ExitCode::Clean)
}

/// `leakgate hook push-range`: `leakgate history` over the range the pre-commit framework
/// passes in its environment.
pub fn push_range(options: Vec<String>) -> anyhow::Result<ExitCode> {
    let var = |name: &str| std::env::var(name).ok();
    let scan = hook::push_scan(
        var("PRE_COMMIT_FROM_REF").as_deref(),
        var("PRE_COMMIT_TO_REF").as_deref(),
        var("PRE_COMMIT_LOCAL_BRANCH").as_deref(),
        var("PRE_COMMIT_REMOTE_NAME").as_deref(),
    )?;
    let revs = scan.revs(&staged::open(None)?)?;
    let args = ["leakgate".to_string(), "history".to_string()]
        .into_iter()
        .chain(options)
        .chain(std::iter::once("--".to_string()))
        .chain(revs);
    let cli =
        Cli::from_words(args).map_err(|e| anyhow::anyhow!("leakgate hook push-range: {e}"))?;
    super::run(cli)
}
