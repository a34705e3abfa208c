//! Auditing many repositories into one outcome: each cloned, audited as a local
//! repository, its findings tagged with its URL, and its clone removed before the next
//! one starts on that worker; `--jobs` workers at a time.
//!
//! A repository that cannot be cloned or audited is a warning naming it and one error in
//! the outcome: the run then fails closed (exit 2) unless it has findings, as an
//! unreadable file does for `scan`, and the JSON summary carries the count, so that a
//! merged shard with a failed repository fails the merge too.
//!
//! Parallelism is by repository (cloning waits on the network); each audit also uses
//! rayon's pool for its blobs, which the workers share.

use super::credentials::{self, Basic};
use super::listing::Listed;
use super::{clone, redact_userinfo};
use crate::scan::Scanner;
use crate::source::history::{self, HistoryOptions};
use crate::source::{warn, Outcome};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// How to audit a list of repositories.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Repositories audited at the same time (at least 1).
    pub jobs: usize,
    /// A bar of repositories done on standard error, when it is a terminal.
    pub progress: bool,
    /// What each audit does; its own progress is shown only for a single repository.
    pub history: HistoryOptions,
    /// The revisions to audit in each repository (none: everything).
    pub revs: Vec<String>,
    /// The `http(s)` token for repositories whose listing gave none
    /// (`LEAKGATE_GIT_TOKEN`).
    pub token: Option<Basic>,
}

/// Audits every repository of `targets`; one outcome for all, each finding naming its
/// repository.
pub fn audit(targets: &[Listed], scanner: &Scanner, options: &BatchOptions) -> Outcome {
    let single = targets.len() == 1;
    let mut history = options.history.clone();
    history.progress = history.progress && single;
    let bar = repository_bar(options.progress && !single, targets.len());
    let next = AtomicUsize::new(0);
    let total = Mutex::new(Outcome::default());
    let workers = options.jobs.clamp(1, targets.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(target) = targets.get(i) else {
                    break;
                };
                if let Some(bar) = &bar {
                    bar.set_message(target.url.shown().to_string());
                }
                let outcome = match audit_one(target, scanner, &history, options) {
                    Ok(outcome) => outcome,
                    Err(err) => {
                        warn(format_args!(
                            "{}: not audited: {}",
                            target.url,
                            redact_userinfo(&format!("{err:#}"))
                        ));
                        Outcome {
                            errors: 1,
                            ..Outcome::default()
                        }
                    }
                };
                total
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .merge(outcome);
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
            });
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    total.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Clones one repository, audits it, tags its findings; the clone is removed on return.
fn audit_one(
    target: &Listed,
    scanner: &Scanner,
    history_options: &HistoryOptions,
    options: &BatchOptions,
) -> anyhow::Result<Outcome> {
    let token = target.token.as_ref().or(options.token.as_ref());
    let basic = credentials::for_url(&target.url, token);
    let clone = clone::clone(&target.url, basic.as_ref())?;
    let opened = history::open(Some(clone.git_dir()))?;
    let mut outcome = history::scan(&opened.repo, scanner, &options.revs, history_options)?;
    let name: Arc<str> = Arc::from(target.url.shown());
    for finding in &mut outcome.findings {
        finding.repository = Some(Arc::clone(&name));
    }
    outcome.repositories = 1;
    Ok(outcome)
}

/// `repositories [=====>    ] 3/10 https://…`, on a terminal only.
fn repository_bar(wanted: bool, total: usize) -> Option<ProgressBar> {
    if !wanted || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("repositories [{bar:30}] {pos}/{len} {wide_msg}")
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(250));
    Some(bar)
}
