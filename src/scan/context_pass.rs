//! Hook-up of the context engine ([`crate::context`]) to the scanner: the regions the
//! prefilter woke for context rules, and the files a context rule reads whole, turned into
//! candidates and kept where a rule accepts them. Kept apart so that the scanner's side of
//! the context engine reads in one place, without the regex pass around it.

use super::{AllowedLines, RawHit, Scanner};

impl Scanner {
    /// The context engine's pass (see [`crate::context`]): key/value candidates from the
    /// lines around the woken context rules' keywords, kept where a rule accepts them; and
    /// whole files found by a rule's conventional path.
    pub(super) fn scan_context(
        &self,
        path: Option<&str>,
        data: &[u8],
        regions: &[(usize, usize, usize)],
        allowed: &AllowedLines,
        found: &mut Vec<RawHit>,
    ) {
        // One pass over the context rules that may read past their keyword windows: those
        // that take the whole file as one value, and those whose `path` anchor names this
        // file (read whole, up to a bound). Most blobs meet neither, and allocate nothing.
        let mut whole: Vec<usize> = Vec::new();
        let mut by_path: Vec<usize> = Vec::new();
        match path.and_then(|p| self.paths().matching(p)) {
            Some(targets) => {
                for target in targets {
                    match target {
                        super::path_set::Target::WholeFile(i) => whole.push(i),
                        super::path_set::Target::ReadsWhole(i) => by_path.push(i),
                        super::path_set::Target::FileRule(_) => {}
                    }
                }
                // A rule with two matching anchors of a kind is woken once.
                whole.dedup();
                by_path.dedup();
            }
            // No path, or the set did not compile: each rule is asked.
            None => {
                for &i in &self.whole_file_rules {
                    let Some(context) = self.rules.rules[i].context.as_ref() else {
                        continue;
                    };
                    if context.whole_file(path) {
                        whole.push(i);
                    }
                    if context.reads_whole(path) {
                        by_path.push(i);
                    }
                }
            }
        }
        if regions.is_empty() && whole.is_empty() && by_path.is_empty() {
            return;
        }
        let kind = crate::context::Kind::detect(path, data);
        let mut woken: Vec<usize> = regions.iter().map(|r| r.0).collect();
        woken.sort_unstable();
        woken.dedup();
        let mut ranges: Vec<(usize, usize, bool)> = regions
            .iter()
            .map(|r| (r.1, r.2, !self.rules.rules[r.0].spec.fallback))
            .collect();
        if !by_path.is_empty() {
            ranges.push((0, data.len().min(crate::context::MAX_READ_WHOLE), true));
            woken.extend(by_path);
            woken.sort_unstable();
            woken.dedup();
        }
        let mut candidates = crate::context::extract(data, kind, &ranges);
        if !whole.is_empty() {
            candidates.extend(crate::context::whole_file_candidate(data));
            woken.extend(whole);
            woken.sort_unstable();
            woken.dedup();
        }
        let mut facts = crate::context::rule::Facts::new(data, kind, path);
        for cand in &candidates {
            for &index in &woken {
                let Some(rule) = self.rules.rules[index].context.as_ref() else {
                    continue;
                };
                let Some(len) = rule.accepts(cand, &mut facts) else {
                    continue;
                };
                let secret = &cand.secret()[..len];
                // A published sample (`known_public`) is no finding, whichever rule meets it.
                if !self.is_known_public(secret.as_bytes()) {
                    // A secret shorter than the value (a token at the head of a value
                    // that runs on) ends where the token ends.
                    // (Bounded by the value's span: a value read lossily from invalid
                    // UTF-8 is not byte for byte the data.)
                    let end = match cand.decoded {
                        None if len < cand.secret().len() => (cand.start + len).min(cand.end),
                        _ => cand.end,
                    };
                    found.push(RawHit {
                        rule: index,
                        start: cand.start,
                        end,
                        decoded: cand.decoded.clone(),
                        allowed: allowed.contains(cand.start),
                    });
                }
            }
        }
    }
}
