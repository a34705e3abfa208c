//! The keyword prefilter: one pass over the bytes finds every rule's keywords.
//!
//! Running 150 regexes over every byte would make the scanner regex-bound. Instead one
//! pass of a case-insensitive keyword search ([`Anchors`], a gram filter whose tables stay
//! in the L1 cache) finds where any keyword occurs, and only the rules owning a keyword
//! run, and only on a window around each occurrence ([`Prefilter::regions`]). A rule whose
//! regex cannot match a newline gets the keyword's line as its window; a multi-line rule (a
//! private-key block) gets a wide window. Rules without keywords run on the whole input.
//!
//! (Until session 5 this was an Aho-Corasick automaton over the ~700 keywords: too many
//! case-insensitive patterns for its SIMD searcher, and a DFA larger than the L2 cache, so
//! it searched at about 270 MB/s; see docs/performance.md.)

use super::anchors::Anchors;
use crate::rules::syntax::SpecText;
use std::sync::OnceLock;

/// Bytes a window reaches back from a keyword (clipped to the start of its line).
const BACK: usize = 1024;
/// Bytes a single-line window reaches forward to find the end of the keyword's line.
const LINE_FORWARD: usize = 4 * 1024;
/// Bytes a window reaches forward from a keyword, before snapping to the end of a line.
/// Large enough for a private-key block that follows its `BEGIN` line.
const FORWARD: usize = 8 * 1024;
/// Further bytes a window may grow to reach the end of its last line.
const LINE_SLACK: usize = 1024;
/// The widest region one keyword gives a rule's regex (a longer match cannot be made from
/// one keyword's region); large blobs are scanned in windows that overlap by more.
pub const MAX_REGION: usize = BACK + FORWARD + LINE_SLACK + LINE_FORWARD;

/// A byte range of the input on which one rule must run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Region {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
}

pub struct Prefilter {
    /// The keyword searcher; `None` when no rule has a keyword.
    anchors: Option<Anchors>,
    /// The rules that own each keyword (pattern id of `anchors`), keyword after keyword,
    /// each with whether the keyword wakes it only where it starts a word part (see
    /// [`starts_word_part`]); keyword `i`'s are `owners[owner_starts[i]..owner_starts[i + 1]]`
    /// (one list, not one per keyword: no allocation per keyword at start-up, issue 17).
    owners: Vec<(usize, bool)>,
    owner_starts: Vec<u32>,
    /// Rules with no keyword: they run everywhere.
    always: Vec<usize>,
    /// Per rule index: the regex source of a content rule, if it has one, and how a match
    /// of it starts (worked out the first time one of the rule's keywords occurs). The
    /// source borrows a built-in rule's text (no copy per rule at start-up, issue 17).
    starts: Vec<(Option<SpecText>, OnceLock<Option<MatchStart>>)>,
}

/// How every match of a rule's regex starts, when its keyword is the start of every match
/// (`\b(EAA[A-Za-z0-9]{90,})\b` of meta-access-token): one of a few case-sensitive
/// literals (`EAA`), each starting with the keyword ignoring case, and, when the regex
/// opens with `\b` before a word character, after a byte that is not a word character.
/// An occurrence of the keyword that is neither cannot be where a match starts, and every
/// match starts at an occurrence of the keyword, so the rule is woken by the occurrences
/// that pass ([`MatchStart::admits`]) and by no others: the same matches are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchStart {
    /// The literals a match starts with, exactly (case-sensitive).
    literals: Vec<Vec<u8>>,
    /// Whether the byte before a match is never an ASCII letter, digit or `_`.
    after_non_word: bool,
}

impl MatchStart {
    /// How every match of `source` starts, if the regex says so and each such literal
    /// starts with one of `keywords` (lowercase), ignoring case. `None` keeps the keyword
    /// waking the rule wherever it occurs.
    pub fn of_regex(source: &str, keywords: &[String]) -> Option<MatchStart> {
        use regex_syntax::hir::literal::{ExtractKind, Extractor};
        use regex_syntax::hir::{HirKind, Look};
        // Parsed as the loader may compile it (Unicode on is the wider reading: a
        // case-insensitive letter there has more forms, so fewer regexes qualify).
        let hir = regex_syntax::ParserBuilder::new()
            .utf8(false)
            .build()
            .parse(source)
            .ok()?;
        let mut extractor = Extractor::new();
        extractor.kind(ExtractKind::Prefix);
        let seq = extractor.extract(&hir);
        let literals: Vec<Vec<u8>> = seq
            .literals()?
            .iter()
            .map(|l| l.as_bytes().to_vec())
            .collect();
        if literals.is_empty() || literals.len() > 16 {
            return None;
        }
        let is_prefix = |keyword: &String, literal: &Vec<u8>| {
            !keyword.is_empty()
                && literal.len() >= keyword.len()
                && literal[..keyword.len()].eq_ignore_ascii_case(keyword.as_bytes())
        };
        if !literals
            .iter()
            .all(|l| keywords.iter().any(|k| is_prefix(k, l)))
        {
            return None;
        }
        // The first thing the regex asserts, inside any capture groups.
        let mut first = &hir;
        loop {
            match first.kind() {
                HirKind::Capture(capture) => first = &capture.sub,
                HirKind::Concat(parts) if !parts.is_empty() => first = &parts[0],
                _ => break,
            }
        }
        let after_non_word = matches!(
            first.kind(),
            HirKind::Look(
                Look::WordAscii | Look::WordUnicode | Look::WordStartAscii | Look::WordStartUnicode
            )
        ) && literals
            .iter()
            .all(|l| l[0].is_ascii_alphanumeric() || l[0] == b'_');
        Some(MatchStart {
            literals,
            after_non_word,
        })
    }

    /// Whether a match may start at `at`. A byte before `at` that is an ASCII word
    /// character is a word character under both ASCII and Unicode `\b`.
    pub fn admits(&self, data: &[u8], at: usize) -> bool {
        if self.after_non_word
            && at
                .checked_sub(1)
                .and_then(|i| data.get(i))
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return false;
        }
        let rest = &data[at..];
        self.literals.iter().any(|l| rest.starts_with(l))
    }
}

impl Prefilter {
    /// Builds the keyword searcher from `(rule index, keywords, keyword_starts_word)` of every
    /// content rule; the third slice says, per keyword, whether it must start a word part
    /// ([`crate::rules::KeywordBoundary::Word`]).
    pub fn new<'a, K: AsRef<str> + 'a>(
        rules: impl Iterator<Item = (usize, &'a [K], &'a [bool])>,
    ) -> Prefilter {
        use std::borrow::Cow;
        // Keywords are borrowed from the rules (they are lowercase already, but for a
        // test's or a caller's): one copy of each, for the searcher (issue 17, start-up).
        let mut patterns: Vec<Cow<'a, str>> = Vec::new();
        let mut owners: Vec<Vec<(usize, bool)>> = Vec::new();
        // Sized for the built-in rules' ~750 keywords: growing it rehashed every keyword
        // several times at each start (issue 17).
        let mut position: std::collections::HashMap<Cow<'a, str>, usize> =
            std::collections::HashMap::with_capacity(1024);
        let mut always = Vec::new();
        for (index, keywords, starts_word) in rules {
            if keywords.is_empty() {
                always.push(index);
            }
            for (i, keyword) in keywords.iter().enumerate() {
                let keyword: &'a str = keyword.as_ref();
                let keyword: Cow<'a, str> = if keyword.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(keyword.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(keyword)
                };
                // A keyword that starts with punctuation has no word to start.
                let word = starts_word.get(i).copied().unwrap_or(false)
                    && keyword
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphanumeric());
                match position.get(&keyword) {
                    Some(&at) => owners[at].push((index, word)),
                    None => {
                        position.insert(keyword.clone(), patterns.len());
                        patterns.push(keyword);
                        owners.push(vec![(index, word)]);
                    }
                }
            }
        }
        let patterns: Vec<Vec<u8>> = patterns
            .into_iter()
            .map(|k| k.into_owned().into_bytes())
            .collect();
        let mut owner_starts = Vec::with_capacity(owners.len() + 1);
        let mut flat = Vec::with_capacity(owners.iter().map(Vec::len).sum());
        for list in owners {
            owner_starts.push(flat.len() as u32);
            flat.extend(list);
        }
        owner_starts.push(flat.len() as u32);
        Prefilter {
            anchors: (!patterns.is_empty()).then(|| Anchors::from_patterns(patterns)),
            owners: flat,
            owner_starts,
            always,
            starts: Vec::new(),
        }
    }

    /// [`Prefilter::new`] of the built-in rules, from the build script's table of their
    /// keywords and owners (`rules::builtin::keyword_table`): the same keywords in the same
    /// order, with the same owners, without hashing ~900 keywords at every start (issue 17).
    /// A keyword's word-boundary flag is the owning rule's, as in `new`.
    fn from_builtin_table(
        rules: &[crate::rules::Rule],
        table: crate::rules::builtin::KeywordTable,
    ) -> Prefilter {
        let mut owners = Vec::with_capacity(table.owner_count());
        let mut owner_starts = Vec::with_capacity(table.len() + 1);
        for i in 0..table.len() {
            let alphanumeric_start = table
                .keyword(i)
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric());
            owner_starts.push(owners.len() as u32);
            owners.extend(table.owners(i).map(|(rule, k)| {
                let word = rules
                    .get(rule)
                    .and_then(|r| r.keyword_starts_word.get(k))
                    .copied()
                    .unwrap_or(false);
                (rule, word && alphanumeric_start)
            }));
        }
        owner_starts.push(owners.len() as u32);
        // The searcher borrows the keywords and the table `build.rs` filed them in.
        let (text, ranges) = table.text_and_ranges();
        Prefilter {
            anchors: (!table.is_empty()).then(|| Anchors::builtin(text, ranges)),
            owners,
            owner_starts,
            always: table.always().collect(),
            starts: Vec::new(),
        }
    }

    /// The owners of keyword `pattern`: `(rule index, needs a word-part start)`.
    fn owners_of(&self, pattern: usize) -> &[(usize, bool)] {
        let (from, to) = (self.owner_starts[pattern], self.owner_starts[pattern + 1]);
        &self.owners[from as usize..to as usize]
    }

    /// The prefilter of a rule set's content rules, with each rule's keyword narrowed to
    /// where its regex can start a match ([`MatchStart`]).
    pub fn for_content_rules(rules: &crate::rules::RuleSet) -> Prefilter {
        let content = |r: &crate::rules::Rule| r.kind == crate::finding::FindingKind::Secret;
        let mut prefilter = match crate::rules::builtin::keyword_table(&rules.rules) {
            Some(table) => Prefilter::from_builtin_table(&rules.rules, table),
            None => Prefilter::new(
                rules
                    .rules
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| content(r))
                    .map(|(i, r)| (i, r.keywords.as_slice(), r.keyword_starts_word.as_slice())),
            ),
        };
        prefilter.starts = rules
            .rules
            .iter()
            .map(|r| {
                let source = r
                    .regex_text()
                    .filter(|_| content(r) && !r.is_context())
                    .cloned();
                (source, OnceLock::new())
            })
            .collect();
        prefilter
    }

    /// Whether a match of `rule`'s regex may start at the keyword occurrence at `at`.
    #[inline]
    fn may_start(&self, rule: usize, data: &[u8], at: usize) -> bool {
        let Some((Some(source), start)) = self.starts.get(rule) else {
            return true;
        };
        let start = start.get_or_init(|| {
            // The rule's keywords, lowercase: the patterns of `anchors` it owns.
            let keywords: Vec<String> = self
                .anchors
                .iter()
                .flat_map(|anchors| {
                    (0..self.owner_starts.len().saturating_sub(1))
                        .filter(|&id| self.owners_of(id).iter().any(|&(r, _)| r == rule))
                        .map(|id| String::from_utf8_lossy(anchors.pattern(id)).into_owned())
                })
                .collect();
            MatchStart::of_regex(source, &keywords)
        });
        start.as_ref().is_none_or(|start| start.admits(data, at))
    }

    /// The merged regions where each rule must run, sorted by rule then start.
    /// `single_line` tells whether a rule's matches stay within one line.
    pub fn regions(&self, data: &[u8], single_line: impl Fn(usize) -> bool) -> Vec<Region> {
        self.regions_and_stretches(data, single_line, |_| false).0
    }

    /// [`Prefilter::regions`], except that a keyword of a rule for which `stretch` holds,
    /// on a line longer than `long_line`, gives no region but a bounded stretch of its
    /// line around it (`stretch_around`), returned apart (merged per rule, sorted by
    /// rule then start): the context engine reads such stretches as they are, not the
    /// lines around them (see docs/performance.md, session 14, branch perf14b).
    pub fn regions_and_stretches(
        &self,
        data: &[u8],
        single_line: impl Fn(usize) -> bool,
        stretch: impl Fn(usize) -> bool,
    ) -> (Vec<Region>, Vec<Region>) {
        let mut regions = Regions::default();
        let mut stretches = Regions::default();
        let bound = long_line();
        for &rule in &self.always {
            regions.add(rule, 0, data.len());
        }
        if let Some(anchors) = &self.anchors {
            // Windows are computed once per hit position, not once per rule; a keyword on
            // the line of the previous single-line window reuses that line's bounds.
            let mut wide: Option<(usize, usize, usize)> = None;
            let mut line = LineCache::default();
            anchors.for_each(data, |pattern, start, end| {
                super::funnel::add(super::funnel::Stage::KeywordHits, 1);
                let mut word_part: Option<bool> = None;
                for &(rule, needs_word) in self.owners_of(pattern) {
                    if needs_word
                        && !*word_part.get_or_insert_with(|| starts_word_part(data, start))
                    {
                        continue;
                    }
                    if !self.may_start(rule, data, start) {
                        continue;
                    }
                    if bound > 0 && stretch(rule) {
                        let (from, to) = line.window(data, start, end);
                        // The line's start and end where `line_window` reached them: a
                        // newline, or the start or end of the data within its reach.
                        let before = if data.get(from) == Some(&b'\n') && from < start {
                            Some(from + 1)
                        } else if start <= BACK {
                            Some(0)
                        } else {
                            None
                        };
                        let after = if to > end && data.get(to - 1) == Some(&b'\n') {
                            Some(to - 1)
                        } else if end + LINE_FORWARD >= data.len() {
                            Some(data.len())
                        } else {
                            None
                        };
                        let long = match (before, after) {
                            (Some(b), Some(a)) => a - b > bound,
                            _ => true,
                        };
                        if long {
                            let (s, e) = stretch_around(data, start, end, before, after, bound);
                            stretches.add(rule, s, e);
                            continue;
                        }
                    }
                    let (from, to) = if single_line(rule) {
                        line.window(data, start, end)
                    } else {
                        match wide {
                            Some((at, from, to)) if at == start => (from, to),
                            _ => {
                                let (from, to) = window(data, start, end);
                                wide = Some((start, from, to));
                                (from, to)
                            }
                        }
                    };
                    regions.add(rule, from, to);
                }
            });
        }
        let merged = merge(regions.list);
        super::funnel::add(super::funnel::Stage::Windows, merged.len());
        (merged, merge(stretches.list))
    }
}

/// Length over which a keyword's line is read only in stretches around its keywords
/// (0: never): [`LONG_LINE`], or `LEAKGATE_LONG_LINE` where set (a measurement knob).
fn long_line() -> usize {
    static BOUND: OnceLock<usize> = OnceLock::new();
    *BOUND.get_or_init(|| {
        std::env::var("LEAKGATE_LONG_LINE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(LONG_LINE)
    })
}

/// Lines longer than this (minified code, a JSON document on one line) are read by the
/// context engine only in stretches of about this many bytes either side of each keyword.
pub const LONG_LINE: usize = 1024;

/// How far past the nominal bound a stretch's edge may move to reach a token-safe point.
const CUT_SLACK: usize = 64;

/// The stretch of a long line around the keyword at `start..end`: from about `reach`
/// bytes before it to about `reach` bytes after, within the line (`line_start` and
/// `line_end` where they were found), each edge moved out to a token-safe point (just
/// after a `,`, `;`, `{`, `}`, or blank before; at one after) so that a string literal
/// or a `key: value` pair is less often cut mid-way.
fn stretch_around(
    data: &[u8],
    start: usize,
    end: usize,
    line_start: Option<usize>,
    line_end: Option<usize>,
    reach: usize,
) -> (usize, usize) {
    let safe = |b: u8| matches!(b, b',' | b';' | b'{' | b'}' | b' ' | b'\t');
    let low = line_start.unwrap_or_else(|| {
        let floor = start.saturating_sub(reach);
        memchr::memrchr(b'\n', &data[floor..start]).map_or(floor, |i| floor + i + 1)
    });
    let high = line_end.unwrap_or_else(|| {
        let cap = (end + reach).min(data.len());
        memchr::memchr(b'\n', &data[end..cap]).map_or(cap, |i| end + i)
    });
    let mut from = start.saturating_sub(reach).max(low);
    if from > low {
        let stop = from.saturating_sub(CUT_SLACK).max(low);
        from = data[stop..from]
            .iter()
            .rposition(|&b| safe(b))
            .map_or(from, |i| stop + i + 1);
    }
    let mut to = (end + reach).min(high);
    if to < high {
        let stop = (to + CUT_SLACK).min(high);
        to = data[to..stop]
            .iter()
            .position(|&b| safe(b))
            .map_or(to, |i| to + i);
    }
    (from, to)
}

/// The regions of one blob as they are found, each merged on arrival with the last region
/// of its rule when the two overlap or touch. Keyword occurrences arrive nearly in order of
/// position, so most of them only widen their rule's last region, and the final sort
/// ([`merge`]) sees a short list instead of one entry per occurrence and owner. Merging two
/// touching regions early gives the same union [`merge`] gives (it is associative).
#[derive(Default)]
struct Regions {
    list: Vec<Region>,
    /// Per rule index, the index in `list` of the rule's last region (`u32::MAX`: none);
    /// empty until the first region.
    last: Vec<u32>,
}

impl Regions {
    fn add(&mut self, rule: usize, start: usize, end: usize) {
        if let Some(&at) = self.last.get(rule) {
            if let Some(last) = self.list.get_mut(at as usize) {
                if start <= last.end && last.start <= end {
                    last.start = last.start.min(start);
                    last.end = last.end.max(end);
                    return;
                }
            }
        }
        if self.last.len() <= rule {
            self.last.resize(rule + 1, u32::MAX);
        }
        self.last[rule] = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(Region { rule, start, end });
    }
}

/// The single-line window of the last keyword occurrence whose line was found whole
/// (a newline on either side within reach), so that the next occurrences on that line
/// (most of them: keywords cluster on a line) skip the two newline searches. The window is
/// the one [`line_window`] gives: see [`LineCache::window`].
#[derive(Default)]
struct LineCache {
    /// The newlines before and after the line: no newline lies between them.
    line: Option<(usize, usize)>,
}

impl LineCache {
    /// [`line_window`] of the keyword at `start..end`.
    #[inline]
    fn window(&mut self, data: &[u8], start: usize, end: usize) -> (usize, usize) {
        if let Some((before, after)) = self.line {
            // `line_window` searches back to `start - BACK` and finds `before` (the last
            // newline before `start`) if it is that close, and forward from `end` to
            // `end + LINE_FORWARD` and finds `after` (the first newline at or after `end`).
            if before < start
                && end <= after
                && start - before <= BACK
                && after < end + LINE_FORWARD
            {
                return (before, after + 1);
            }
        }
        let (from, to) = line_window(data, start, end);
        let found_before = data.get(from) == Some(&b'\n') && from < start;
        let found_after = to > end && data.get(to - 1) == Some(&b'\n');
        self.line = (found_before && found_after).then(|| (from, to - 1));
        (from, to)
    }
}

/// Whether the text at `at` starts a word part: `at` is the first byte, or the byte before
/// it is neither a letter nor a digit, or a lowercase letter or digit comes before an
/// uppercase letter (the `Box` of `myBoxSecret`). `inbox`, `sandbox` and `CHECKBOX` hold
/// `box` inside a word; `BOX_SECRET`, `box.secret` and `boxSecret` start with it.
pub fn starts_word_part(data: &[u8], at: usize) -> bool {
    let Some(&before) = at.checked_sub(1).and_then(|i| data.get(i)) else {
        return true;
    };
    if !before.is_ascii_alphanumeric() {
        return true;
    }
    // After an escape (`\nably_key=` inside a string literal) or a percent-encoded byte
    // (`%0Aably_key`), a word starts as after the character the escape stands for.
    let escaped = |i: usize| at.checked_sub(i).and_then(|i| data.get(i));
    if escaped(2) == Some(&b'\\')
        || (escaped(3) == Some(&b'%') && escaped(2).is_some_and(u8::is_ascii_hexdigit))
    {
        return true;
    }
    (before.is_ascii_lowercase() || before.is_ascii_digit())
        && data.get(at).is_some_and(u8::is_ascii_uppercase)
}

/// The keyword's own line (clipped to [`BACK`] before and [`LINE_FORWARD`] after it),
/// with the newline characters on either side, which single-line rules may match as a
/// boundary.
fn line_window(data: &[u8], start: usize, end: usize) -> (usize, usize) {
    let floor = start.saturating_sub(BACK);
    let from = match memchr::memrchr(b'\n', &data[floor..start]) {
        Some(i) => floor + i,
        None => floor,
    };
    let reach = (end + LINE_FORWARD).min(data.len());
    let to = match memchr::memchr(b'\n', &data[end..reach]) {
        Some(i) => end + i + 1,
        None => reach,
    };
    (from, to)
}

/// The wide window around a keyword at `start..end`, for rules that span lines.
fn window(data: &[u8], start: usize, end: usize) -> (usize, usize) {
    let floor = start.saturating_sub(BACK);
    let from = match memchr::memrchr(b'\n', &data[floor..start]) {
        Some(i) => floor + i + 1,
        None => floor,
    };
    let reach = (end + FORWARD).min(data.len());
    let slack = (reach + LINE_SLACK).min(data.len());
    let to = match memchr::memchr(b'\n', &data[reach..slack]) {
        Some(i) => reach + i,
        None => slack,
    };
    (from, to)
}

/// Sorts and merges overlapping or touching regions of the same rule.
fn merge(mut regions: Vec<Region>) -> Vec<Region> {
    regions.sort_unstable();
    let mut merged: Vec<Region> = Vec::with_capacity(regions.len());
    for region in regions {
        match merged.last_mut() {
            Some(last) if last.rule == region.rule && region.start <= last.end => {
                last.end = last.end.max(region.end);
            }
            _ => merged.push(region),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefilter(rules: &[&[&str]]) -> Prefilter {
        with_boundaries(rules, false)
    }

    /// A prefilter whose keywords all wake their rule only at a word start (`word`), or
    /// anywhere.
    fn with_boundaries(rules: &[&[&str]], word: bool) -> Prefilter {
        let owned: Vec<Vec<String>> = rules
            .iter()
            .map(|k| k.iter().map(|s| s.to_string()).collect())
            .collect();
        let flags: Vec<Vec<bool>> = owned.iter().map(|k| vec![word; k.len()]).collect();
        Prefilter::new(
            owned
                .iter()
                .zip(&flags)
                .enumerate()
                .map(|(i, (k, f))| (i, k.as_slice(), f.as_slice())),
        )
    }

    fn keywords(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| k.to_string()).collect()
    }

    #[test]
    fn a_token_prefix_is_read_from_the_regex() {
        let meta = MatchStart::of_regex(r"\b(EAA[A-Za-z0-9]{90,})\b", &keywords(&["eaa"]))
            .expect("meta's tokens start with EAA");
        assert_eq!(meta.literals, vec![b"EAA".to_vec()]);
        assert!(meta.after_non_word);
        assert!(meta.admits(b"t=EAAx", 2) && meta.admits(b"EAAx", 0));
        assert!(!meta.admits(b"t=eaax", 2), "case differs");
        assert!(!meta.admits(b"xEAAx", 1), "inside a word");
        assert!(!meta.admits(b"_EAAx", 1), "after an underscore");

        let aws = MatchStart::of_regex(
            r"(?-u:\b)((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?-u:\b)",
            &keywords(&["akia", "asia", "abia", "acca"]),
        )
        .expect("each literal starts with a keyword");
        assert!(aws.admits(b" ASIA", 1) && !aws.admits(b" asia", 1));

        // Without `\b` the byte before is free; the case still holds.
        let square =
            MatchStart::of_regex(r"(EAAA[A-Za-z0-9_\-]{60})", &keywords(&["eaaa"])).expect("EAAA");
        assert!(!square.after_non_word && square.admits(b"xEAAA", 1));

        // A case-insensitive start keeps every case (as the literals' case forms).
        let any_case = MatchStart::of_regex(r"\b(?i:eaa)[A-Za-z0-9]{90,}", &keywords(&["eaa"]))
            .expect("eaa in any case");
        assert!(any_case.admits(b" eAa", 1) && !any_case.admits(b"xeaa", 1));

        // A keyword that is not where every match starts, a regex with an optional prefix:
        // no narrowing.
        for (regex, keyword) in [
            (
                r"(?i:telegram|token)[^\n]{0,80}?([0-9]{8,10}:[A-Za-z0-9_-]{35})",
                "token",
            ),
            (r"(?:pat)?[A-Za-z0-9]{14}", "pat"),
            (r"x?pat[A-Za-z0-9]{14}", "pat"),
            (r"[^A-Za-z0-9](?i:box)[a-z]+", "box"),
            (r"(", "pat"),
        ] {
            assert_eq!(
                MatchStart::of_regex(regex, &keywords(&[keyword])),
                None,
                "{regex}"
            );
        }
    }

    /// The built-in rules' prefilter, from the build script's keyword table, is the one
    /// `Prefilter::new` works out from the loaded rules: the same keywords in the same
    /// order, the same owners with the same word-boundary flags, the same keyword-less
    /// rules. A set with a rule disabled does not take the table.
    #[test]
    fn the_builtin_keyword_table_is_what_the_rules_give() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        assert!(crate::rules::builtin::keyword_table(&rules.rules).is_some());
        let content = |r: &crate::rules::Rule| r.kind == crate::finding::FindingKind::Secret;
        let from_table = Prefilter::for_content_rules(&rules);
        let worked_out = Prefilter::new(
            rules
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| content(r))
                .map(|(i, r)| (i, r.keywords.as_slice(), r.keyword_starts_word.as_slice())),
        );
        let patterns = |p: &Prefilter| -> Vec<Vec<u8>> {
            let anchors = p.anchors.as_ref().expect("built-in rules have keywords");
            (0..p.owner_starts.len() - 1)
                .map(|i| anchors.pattern(i).to_vec())
                .collect()
        };
        assert!(patterns(&from_table).len() > 500);
        assert_eq!(patterns(&from_table), patterns(&worked_out));
        assert_eq!(from_table.owners, worked_out.owners);
        assert_eq!(from_table.owner_starts, worked_out.owner_starts);
        assert_eq!(from_table.always, worked_out.always);
        assert!(from_table.owners.iter().any(|&(_, word)| word));

        let mut fewer = crate::rules::RuleSet::builtin().expect("built-in rules load");
        fewer.rules.remove(0);
        assert!(crate::rules::builtin::keyword_table(&fewer.rules).is_none());
        let mut swapped = crate::rules::RuleSet::builtin().expect("built-in rules load");
        swapped.rules.swap(0, 1);
        assert!(crate::rules::builtin::keyword_table(&swapped.rules).is_none());
    }

    #[test]
    fn narrowed_keywords_wake_their_rules_where_a_match_starts() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let p = Prefilter::for_content_rules(&rules);
        let meta = (0..rules.rules.len())
            .find(|&i| rules.rules[i].id.as_ref() == "meta-access-token")
            .expect("meta-access-token is built in");
        let woken = |text: &str| {
            p.regions(text.as_bytes(), |i| rules.rules[i].single_line())
                .iter()
                .any(|r| r.rule == meta)
        };
        let token = format!("EAA{}", "Zq9".repeat(31));
        assert!(woken(&format!("FB_TOKEN={token}\n")));
        assert!(!woken(
            "let rows = teaAndCoffee; // eaa xEAAx: not where a token starts\n"
        ));
    }

    #[test]
    fn a_word_keyword_wakes_its_rule_only_where_a_word_part_starts() {
        let p = with_boundaries(&[&["box"], &["$1$"]], true);
        for text in [
            "BOX_CLIENT_SECRET=x",
            "box.clientSecret = x",
            "boxClientSecret: x",
            "myBoxSecret = x",
            "config2Box = x",
            "\"box\": {}",
            "x = box",
        ] {
            assert_eq!(p.regions(text.as_bytes(), |_| true).len(), 1, "{text}");
        }
        for text in [
            "inbox",
            "checkbox_secret",
            "CHECKBOX",
            "sandbox = 1",
            "Xbox",
        ] {
            assert!(p.regions(text.as_bytes(), |_| true).is_empty(), "{text}");
        }
        assert_eq!(
            p.regions(b"root:x$1$ab", |_| true).len(),
            1,
            "a keyword that starts with punctuation matches anywhere"
        );
        let anywhere = with_boundaries(&[&["box"]], false);
        assert_eq!(anywhere.regions(b"sandbox", |_| true).len(), 1);
    }

    #[test]
    fn okta_does_not_wake_inside_rook_table() {
        let p = with_boundaries(&[&["okta"]], true);
        assert!(p.regions(b"rookTable = 1", |_| true).is_empty());
        assert_eq!(p.regions(b"oktaToken = 1", |_| true).len(), 1);
        assert_eq!(p.regions(b"config.okta.key = 1", |_| true).len(), 1);
        assert_eq!(p.regions(b"myOktaToken = 1", |_| true).len(), 1);
    }

    #[test]
    fn only_rules_whose_keyword_occurs_get_a_region() {
        let p = prefilter(&[&["ghp_"], &["xoxb-"]]);
        let data = b"line one\ntoken = GHP_abc\nline three\n";
        let regions = p.regions(data, |_| false);
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].rule, 0);
        assert_eq!(
            regions[0].start, 9,
            "the window starts at the keyword's line"
        );
    }

    #[test]
    fn overlapping_keywords_all_fire() {
        let p = prefilter(&[&["sk-"], &["sk-ant-"]]);
        let rules: Vec<usize> = p
            .regions(b"x sk-ant-abc", |_| false)
            .iter()
            .map(|r| r.rule)
            .collect();
        assert_eq!(rules, vec![0, 1]);
    }

    #[test]
    fn every_keyword_occurrence_wakes_its_rule_even_when_keywords_overlap() {
        // Keywords that overlap in every way: containment, suffix = prefix, repetition.
        let keywords: &[&[&str]] = &[
            &["abc"],
            &["bcd"],
            &["b"],
            &["abcde"],
            &["cda"],
            &["dd"],
            &["eab"],
        ];
        let p = prefilter(keywords);
        let mut state = 0x2545f4914f6cdd1du64;
        for _ in 0..2000 {
            let len = (state % 24) as usize;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    b"abcde"[(state % 5) as usize]
                })
                .collect();
            let mut woken: Vec<usize> =
                p.regions(&text, |_| false).iter().map(|r| r.rule).collect();
            woken.sort();
            woken.dedup();
            let expected: Vec<usize> = keywords
                .iter()
                .enumerate()
                .filter(|(_, k)| memchr::memmem::find(&text, k[0].as_bytes()).is_some())
                .map(|(i, _)| i)
                .collect();
            assert_eq!(woken, expected, "text {:?}", String::from_utf8_lossy(&text));
        }
    }

    /// The regions as computed before the windows were merged on arrival and single-line
    /// windows reused their line's bounds: every occurrence's window, sorted and merged.
    fn reference_regions(
        p: &Prefilter,
        data: &[u8],
        single_line: impl Fn(usize) -> bool,
    ) -> Vec<Region> {
        let mut regions: Vec<Region> = p
            .always
            .iter()
            .map(|&rule| Region {
                rule,
                start: 0,
                end: data.len(),
            })
            .collect();
        if let Some(anchors) = &p.anchors {
            anchors.for_each(data, |pattern, start, end| {
                for &(rule, needs_word) in p.owners_of(pattern) {
                    if needs_word && !starts_word_part(data, start) {
                        continue;
                    }
                    if !p.may_start(rule, data, start) {
                        continue;
                    }
                    let (from, to) = if single_line(rule) {
                        line_window(data, start, end)
                    } else {
                        window(data, start, end)
                    };
                    regions.push(Region {
                        rule,
                        start: from,
                        end: to,
                    });
                }
            });
        }
        merge(regions)
    }

    #[test]
    fn regions_are_those_of_every_occurrence_s_own_window_merged() {
        // Keywords that overlap and share owners, rules with single-line and wide windows,
        // word-part keywords, and text whose lines run from empty to longer than a window
        // reaches (so that clipped lines and lines found whole both occur).
        let lists: [&[&str]; 6] = [
            &["key", "ab"],
            &["key"],
            &["keyk", "yk"],
            &["ab", "b\nk"],
            &["kab", "key"],
            &[],
        ];
        let owned: Vec<Vec<String>> = lists
            .iter()
            .map(|k| k.iter().map(|s| s.to_string()).collect())
            .collect();
        let flags: Vec<Vec<bool>> = owned
            .iter()
            .enumerate()
            .map(|(i, k)| (0..k.len()).map(|j| (i + j) % 3 == 1).collect())
            .collect();
        let p = Prefilter::new(
            owned
                .iter()
                .zip(&flags)
                .enumerate()
                .map(|(i, (k, f))| (i, k.as_slice(), f.as_slice())),
        );
        let single_line = |rule: usize| rule.is_multiple_of(2);
        let mut state = 0x853c_49e6_748f_ea9bu64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..600 {
            let len = (next() % [64, 2_000, 9_000, 24_000][round % 4]) as usize;
            // Newlines from very common to absent.
            let newline_every = [3u64, 40, 700, 3_000, u64::MAX][round % 5];
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    if r % newline_every == 0 {
                        b'\n'
                    } else {
                        b"keyKEYabk _x."[(r >> 8) as usize % 13]
                    }
                })
                .collect();
            assert_eq!(
                p.regions(&data, single_line),
                reference_regions(&p, &data, single_line),
                "round {round}"
            );
        }
    }

    #[test]
    fn nearby_hits_merge_into_one_region() {
        let p = prefilter(&[&["key"]]);
        let regions = p.regions(b"key key key", |_| false);
        assert_eq!(regions.len(), 1);
    }

    #[test]
    fn single_line_rules_get_only_the_keyword_line() {
        let p = prefilter(&[&["tok"]]);
        let data = b"before\nx tok y\nafter\n";
        assert_eq!(
            p.regions(data, |_| true),
            vec![Region {
                rule: 0,
                start: 6,
                end: 15
            }]
        );
    }

    #[test]
    fn no_built_in_rule_runs_over_a_whole_blob() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let unanchored: Vec<&str> = rules
            .rules
            .iter()
            .filter(|r| r.kind == crate::finding::FindingKind::Secret && r.keywords.is_empty())
            .map(|r| r.id.as_ref())
            .collect();
        assert!(
            unanchored.is_empty(),
            "rules without a keyword run over every byte of every blob: {unanchored:?}"
        );
    }

    #[test]
    fn rules_without_keywords_cover_everything() {
        let p = prefilter(&[&[]]);
        assert_eq!(
            p.regions(b"abc", |_| false),
            vec![Region {
                rule: 0,
                start: 0,
                end: 3
            }]
        );
    }
}
