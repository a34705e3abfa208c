//! The tail every scanning command shares: suppression, verification, the report, the
//! summary of what was skipped, and the exit code.

use crate::config::Config;
use crate::exit::ExitCode;
use crate::report::{self, Report, Summary};
use crate::scan::Scanner;
use crate::source::{warn, Outcome};
use crate::suppress::{SuppressedBy, Suppressor};
use crate::verify::VerifierBuilder;
use std::path::PathBuf;
use std::time::Instant;

/// What a scanning command produced, before suppression and reporting.
pub struct Work {
    pub config: Config,
    pub scanner: Scanner,
    pub suppressor: Suppressor,
    /// The folder the findings' paths are relative to (the work tree, the git folder of a
    /// bare repository, or `.` for `scan`).
    pub root: PathBuf,
    pub outcome: Outcome,
    pub started: Instant,
}

/// What [`settle`] left: the findings reported, and why the result may not be clean.
#[derive(Clone, Copy, Debug)]
pub struct Settled {
    pub findings: usize,
    pub errors: usize,
    /// Skipped blobs that fail closed and were not accepted (`--accept-skips` accepts only
    /// `--max-file-size` skips).
    pub unaccepted_skips: usize,
}

impl Settled {
    pub fn exit_code(self) -> ExitCode {
        ExitCode::for_scan(self.findings, self.errors, self.unaccepted_skips)
    }
}

/// Suppress, verify, report, and the exit code.
pub fn finish(work: Work) -> anyhow::Result<ExitCode> {
    Ok(settle(work)?.exit_code())
}

/// [`finish`] without the exit code: applies suppression (config allowlists, fingerprints,
/// `.leakgateignore`, baseline; inline markers were counted by the scanner), writes the
/// report, and says how many findings it holds. Unused suppression entries, when asked
/// for, are reported but never change the exit code: a stale entry is housekeeping, not a
/// leak.
pub fn settle(work: Work) -> anyhow::Result<Settled> {
    let Work {
        config,
        scanner,
        suppressor,
        root,
        outcome,
        started,
    } = work;
    let (mut findings, mut suppressed) = suppressor.apply(outcome.findings, &root);
    let inline = scanner.inline_allowed();
    if inline > 0 {
        suppressed.insert(SuppressedBy::InlineMarker, inline);
    }
    // In place (no scratch copy of half a million findings); the commit and fingerprint
    // break ties so that the order does not depend on the threads.
    fn tie_break(f: &crate::finding::Finding) -> (Option<&str>, &str) {
        (
            f.commit.as_ref().map(|c| c.id.as_str()),
            f.fingerprint.as_str(),
        )
    }
    findings.sort_unstable_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| tie_break(a).cmp(&tie_break(b)))
    });
    // A secret reported anywhere is redacted in every commit subject that holds it.
    crate::finding::share_summary_secrets(&mut findings);
    // `--min-confidence` / `--min-severity`: a reviewer's filter, applied after suppression.
    let rules = scanner.rules();
    findings.retain(|f| {
        rules.confidence_of(f) >= config.min_confidence
            && rules.severity_of(f) >= config.min_severity
    });
    // Only with --verify: otherwise leakgate opens no network connection at all.
    let mut dropped_unknown = 0;
    if config.verify {
        let progress = !config.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
        let verifier = VerifierBuilder::from_config(&config.settings.verify)
            .progress(progress)
            .build();
        verifier.verify_findings(scanner.rules(), &mut findings);
        crate::revoke::mark_revocable(scanner.rules(), &mut findings);
        if config.only_live {
            let dropped = crate::verify::summary::keep_only_live(&mut findings);
            if let Some(message) = dropped.message() {
                eprintln!("leakgate: {message}");
            }
            // Findings dropped as unknown fail the run like unreadable input: the report
            // is not an all-clear for them.
            if dropped.unknown_count() > 0 && !config.accept_unknown {
                eprintln!(
                    "leakgate: exit 2: findings that could not be verified are not an all-clear (--accept-unknown accepts them)"
                );
                dropped_unknown = dropped.unknown_count();
            }
        }
    }
    let unused = if config.report_unused {
        suppressor.unused()
    } else {
        Vec::new()
    };
    let summary = Summary {
        findings: findings.len(),
        files: outcome.files,
        blobs: outcome.blobs,
        bytes: outcome.bytes,
        elapsed_ms: started.elapsed().as_millis(),
        errors: outcome.errors + dropped_unknown,
        repositories: outcome.repositories,
    };
    let report = Report {
        findings: &findings,
        summary,
        skipped: &outcome.skipped,
        suppressed: &suppressed,
        unused: &unused,
        rules: scanner.rules(),
    };
    report::write_to(config.output.as_deref(), &report, &report::options(&config))?;
    let unaccepted_skips = outcome.skipped.unaccepted(config.accept_skips);
    if unaccepted_skips > 0 && findings.is_empty() && outcome.errors == 0 {
        // `--accept-skips` helps only when every unaccepted skip is an opt-out it covers.
        let hint = if outcome.skipped.unaccepted(true) == 0 {
            "; pass --accept-skips to accept that"
        } else {
            " (missing, shallow, corrupt or unreadable content is never accepted as clean)"
        };
        warn(format_args!(
            "the result is not clean: {unaccepted_skips} blob{} could not be scanned (see above){hint}",
            if unaccepted_skips == 1 { "" } else { "s" }
        ));
    }
    // The scanner holds the rule set, a few thousand small allocations: freeing them one by
    // one was about a millisecond of a pre-commit hook's run (issue 17). Every command ends
    // the process soon after this, which returns the memory at once.
    std::mem::forget(scanner);
    Ok(Settled {
        findings: findings.len(),
        errors: outcome.errors + dropped_unknown,
        unaccepted_skips,
    })
}
