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
    /// Lines (pieces) of more than 1 KiB (minified code, long JSON lines): a few in a hundred
    /// of the lines read, most of the bytes and candidates (session 14).
    BigLines,
    /// Bytes of those lines.
    BigLineBytes,
    /// Candidates the extractors yield on those lines.
    BigLineCands,
    /// Bytes of the lines that mention a credential word.
    SecretLineBytes,
}

#[cfg(feature = "funnel")]
mod imp {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    pub(super) const STAGES: usize = 16;
    pub(super) static COUNTS: [AtomicU64; STAGES] = [const { AtomicU64::new(0) }; STAGES];

    /// [`super::by_rule`]'s counts of one rule.
    #[derive(Default)]
    pub(super) struct RuleCounts {
        pub(super) windows: u64,
        pub(super) wide: u64,
        pub(super) lines: u64,
        pub(super) own_lines: u64,
        /// Per keyword: occurrences in the rule's windows, and those at a word part's start.
        pub(super) keywords: BTreeMap<String, (u64, u64)>,
    }

    pub(super) static RULES: Mutex<BTreeMap<String, RuleCounts>> = Mutex::new(BTreeMap::new());

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
            BigLines,
            BigLineBytes,
            BigLineCands,
            SecretLineBytes,
        ];
        for stage in all {
            eprintln!(
                "funnel {stage:?} {}",
                COUNTS[stage as usize].load(Ordering::Relaxed)
            );
        }
        if let Some(file) = std::env::var_os("LEAKGATE_FUNNEL_RULES") {
            let _ = std::fs::write(file, rule_table());
        }
    }

    /// The per-rule counts as tab-separated rows, the rules with the most lines first:
    /// `rule windows wide lines own_lines keyword:occurrences:at_word_start ...`.
    fn rule_table() -> String {
        let table = RULES.lock().unwrap_or_else(|e| e.into_inner());
        let mut rows: Vec<(&String, &RuleCounts)> = table.iter().collect();
        rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.lines));
        let mut out = String::from("rule\twindows\twide\tlines\town_lines\tkeywords\n");
        for (id, c) in rows {
            let keywords: Vec<String> = c
                .keywords
                .iter()
                .map(|(k, (n, word))| format!("{k}:{n}:{word}"))
                .collect();
            out.push_str(&format!(
                "{id}\t{}\t{}\t{}\t{}\t{}\n",
                c.windows,
                c.wide,
                c.lines,
                c.own_lines,
                keywords.join(" ")
            ));
        }
        out
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

/// Per context rule: the windows it asks the context engine to read, the lines of those
/// windows read alone (`lines`) and the lines no other woken rule's window covers
/// (`own_lines`: what the rule alone costs), and per keyword how often it occurs in the
/// rule's windows and how often at the start of a word part
/// ([`crate::scan::prefilter::starts_word_part`]). Written, when the variable
/// `LEAKGATE_FUNNEL_RULES` names a file, to that file as a table each time a scanning
/// thread ends (the last one written holds every thread's counts).
#[cfg(feature = "funnel")]
pub(crate) fn by_rule(
    rules: &crate::rules::RuleSet,
    data: &[u8],
    kind: crate::context::Kind,
    // (rule index, window start, window end, wide) of every window the engine reads.
    windows: &[(usize, usize, usize, bool)],
) {
    let ranges: Vec<(usize, usize, bool)> = windows.iter().map(|w| (w.1, w.2, w.3)).collect();
    let all = crate::context::segment_lines(data, kind, &ranges);
    let mut woken: Vec<usize> = windows.iter().map(|w| w.0).collect();
    woken.sort_unstable();
    woken.dedup();
    let mut table = imp::RULES.lock().unwrap_or_else(|e| e.into_inner());
    for rule in woken {
        let (own, others): (Vec<&(usize, usize, usize, bool)>, Vec<_>) =
            windows.iter().partition(|w| w.0 == rule);
        let own_ranges: Vec<(usize, usize, bool)> = own.iter().map(|w| (w.1, w.2, w.3)).collect();
        let other_ranges: Vec<(usize, usize, bool)> =
            others.iter().map(|w| (w.1, w.2, w.3)).collect();
        let lines = crate::context::segment_lines(data, kind, &own_ranges);
        let own_lines = all - crate::context::segment_lines(data, kind, &other_ranges);
        let spec = &rules.rules[rule];
        let entry = table.entry(spec.id.to_string()).or_default();
        entry.windows += own.len() as u64;
        entry.wide += own.iter().filter(|w| w.3).count() as u64;
        entry.lines += lines as u64;
        entry.own_lines += own_lines as u64;
        for keyword in &spec.keywords {
            let keyword = keyword.as_bytes();
            let counts = entry
                .keywords
                .entry(String::from_utf8_lossy(keyword).into_owned())
                .or_default();
            for w in &own {
                let hay = &data[w.1..w.2];
                if hay.len() < keyword.len() {
                    continue;
                }
                for at in 0..=hay.len() - keyword.len() {
                    if hay[at..at + keyword.len()].eq_ignore_ascii_case(keyword) {
                        counts.0 += 1;
                        if crate::scan::prefilter::starts_word_part(data, w.1 + at) {
                            counts.1 += 1;
                        }
                    }
                }
            }
        }
    }
}
