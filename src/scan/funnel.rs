//! Counts of the scan's funnel (issue 17): keyword occurrences, windows, the lines the
//! context engine reads, its candidates and the ones a rule accepts, so that the stage to
//! cut is found by counting, not guessed. Compiled in only with `--features funnel`
//! (`cargo build --release --features funnel`), which prints the running totals to standard
//! error each time a scanning thread ends (the last lines printed are the run's totals);
//! without the feature every call is an empty inline function.

/// One stage of the funnel.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stage {
    /// Keyword occurrences the keyword pass reports (every rule's keywords).
    KeywordHits,
    /// Windows after merging, all rules.
    Windows,
    /// Windows of context rules whose rule applies to the path.
    ContextWindows,
    /// Context windows left after the valueless-line skip.
    ContextWindowsRead,
    /// Merged stretches the context engine reads.
    Segments,
    /// Lines (pieces of at most `MAX_LEXED` bytes) the context engine tokenizes.
    Lines,
    /// Bytes of those lines.
    LineBytes,
    /// Lines that mention a credential word.
    SecretLines,
    /// Candidates the extractors yield.
    Candidates,
    /// Candidate × woken rule pairs asked to `accepts`.
    Pairs,
    /// Pairs a rule accepts.
    Accepted,
    /// Context hits kept (not a published sample).
    ContextHits,
}

#[cfg(feature = "funnel")]
mod imp {
    use std::sync::atomic::{AtomicU64, Ordering};

    pub(super) const STAGES: usize = 12;
    pub(super) static COUNTS: [AtomicU64; STAGES] = [const { AtomicU64::new(0) }; STAGES];

    /// Prints the counts when a scanning thread ends (the process may exit without
    /// dropping the scanner; the last report printed holds every thread's counts).
    struct ReportAtThreadExit;

    impl Drop for ReportAtThreadExit {
        fn drop(&mut self) {
            report();
        }
    }

    thread_local! {
        static REPORT: ReportAtThreadExit = const { ReportAtThreadExit };
    }

    pub(super) fn add(stage: usize, n: usize) {
        REPORT.with(|_| ());
        COUNTS[stage].fetch_add(n as u64, Ordering::Relaxed);
    }

    pub(super) fn report() {
        use super::Stage::*;
        let all = [
            KeywordHits,
            Windows,
            ContextWindows,
            ContextWindowsRead,
            Segments,
            Lines,
            LineBytes,
            SecretLines,
            Candidates,
            Pairs,
            Accepted,
            ContextHits,
        ];
        for stage in all {
            eprintln!(
                "funnel {stage:?} {}",
                COUNTS[stage as usize].load(Ordering::Relaxed)
            );
        }
    }
}

/// Adds `n` to `stage`'s count (nothing without the `funnel` feature).
#[inline(always)]
pub(crate) fn add(stage: Stage, n: usize) {
    #[cfg(feature = "funnel")]
    imp::add(stage as usize, n);
    #[cfg(not(feature = "funnel"))]
    let _ = (stage, n);
}
