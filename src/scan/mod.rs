//! The scanning engine: bytes in, matches out.
//!
//! [`Scanner::scan`] runs the [`prefilter`] over a blob, runs each woken rule's regex on its
//! regions, and keeps a match only if its secret passes the rule's checks: not a
//! placeholder ([`crate::context::stand_in::placeholder`]), above the rule's [`entropy`]
//! floor, a valid [`checksum`], and not on a line marked `leakgate:allow` (or
//! `gitleaks:allow`, for users coming from gitleaks).
//! [`decode`] then looks inside encoded values (base64, percent-encoding, string escapes)
//! and reports what it finds at the line of the encoded text. Sources give the scanner
//! bytes and turn its [`Match`]es into findings with their own provenance; the
//! config-driven allowlists are applied after that, in [`crate::suppress`].

pub mod checksum;
pub mod content;
pub mod decode;
pub mod entropy;
pub mod prefilter;

use crate::finding::{self, Finding, FindingKind, LineContext, Secret};
use crate::rules::{Rule, RuleSet};
use prefilter::Prefilter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// Inline markers that silence a line.
const INLINE_ALLOW: &[&[u8]] = &[b"leakgate:allow", b"gitleaks:allow"];
/// Hits per blob up to which redundant hits are looked for (see `Scanner::drop_redundant`).
const MAX_HITS_TO_DEDUPLICATE: usize = 4096;
/// Longest stretch of a line kept around a secret for display.
const CONTEXT: usize = 160;

/// A secret found in a blob, before provenance is attached.
#[derive(Clone)]
pub struct Match {
    /// Index into the scanner's rule set.
    pub rule: usize,
    /// Byte range of the secret in the scanned text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and byte column of the secret's start.
    pub line: usize,
    pub column: usize,
    pub secret: Secret,
    /// The text around the secret on its line (and the server its file names, for rules
    /// with a verify `server_hint`).
    pub context: LineContext,
}

impl std::fmt::Debug for Match {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Match")
            .field("rule", &self.rule)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("secret", &self.secret)
            .finish()
    }
}

/// What [`Scanner::scan_blob`] did with a blob.
#[derive(Debug)]
pub enum BlobScan {
    Scanned(Vec<Match>),
    /// Skipped: binary, and `--binary` was not given.
    Binary,
}

/// The compiled rule set plus its prefilter, shared by reference across worker threads.
pub struct Scanner {
    rules: RuleSet,
    prefilter: Prefilter,
    /// Indices of sensitive-file rules (path only).
    file_rules: Vec<usize>,
    /// One set over the file rules' path regexes, in `file_rules` order, built on first
    /// use: a path then costs one search, not one per rule, and one compile, not sixteen.
    /// `None` if a pattern does not compile (the rules are then asked one by one).
    file_paths: OnceLock<Option<regex::RegexSet>>,
    /// Secrets dropped because their line carries an inline allow marker, for the summary.
    inline_allowed: AtomicUsize,
    /// Context rules with a whole-file anchor: they run on a file found by its path,
    /// whether or not a keyword occurs in it.
    whole_file_rules: Vec<usize>,
    /// SHA-256 of every rule's `known_public` values: published samples that no rule
    /// reports (an emulator key matches the generic rules as well as its provider's).
    known_public: std::collections::HashSet<[u8; 32]>,
    /// Per rule, a searcher for the literals its regex cannot match without
    /// ([`Rule::required_literals`]), built the first time the rule is woken.
    required: Vec<OnceLock<Option<aho_corasick::AhoCorasick>>>,
}

impl Scanner {
    pub fn new(rules: RuleSet) -> Scanner {
        let prefilter = Prefilter::new(
            rules
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == FindingKind::Secret)
                .map(|(i, r)| (i, r.keywords.as_slice(), r.keyword_starts_word.as_slice())),
        );
        let file_rules = rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == FindingKind::File)
            .map(|(i, _)| i)
            .collect();
        let whole_file_rules = rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.context
                    .as_ref()
                    .is_some_and(|c| c.file_patterns().next().is_some() || c.has_path_anchor())
            })
            .map(|(i, _)| i)
            .collect();
        let known_public = rules
            .rules
            .iter()
            .flat_map(|r| r.known_public.iter().copied())
            .collect();
        Scanner {
            required: rules.rules.iter().map(|_| OnceLock::new()).collect(),
            rules,
            prefilter,
            file_rules,
            file_paths: OnceLock::new(),
            inline_allowed: AtomicUsize::new(0),
            whole_file_rules,
            known_public,
        }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn rule(&self, index: usize) -> &Rule {
        &self.rules.rules[index]
    }

    /// How many secrets this scanner has dropped, so far, because their line carries
    /// `leakgate:allow` or `gitleaks:allow`. Reported in the summary as suppressed.
    pub fn inline_allowed(&self) -> usize {
        self.inline_allowed.load(Ordering::Relaxed)
    }

    /// Classifies `data` (text, UTF-16 text, binary) and scans it; binary data is skipped
    /// unless `scan_binary`.
    pub fn scan_blob(&self, path: Option<&str>, data: &[u8], scan_binary: bool) -> BlobScan {
        match content::classify(data) {
            content::Content::Text(text) => BlobScan::Scanned(self.scan(path, &text)),
            content::Content::Binary if scan_binary => BlobScan::Scanned(self.scan(path, data)),
            content::Content::Binary => BlobScan::Binary,
        }
    }

    /// Every secret in `data`, which sits at `path` (if it has one), in order of position.
    pub fn scan(&self, path: Option<&str>, data: &[u8]) -> Vec<Match> {
        self.scan_with_stats(path, data).0
    }

    /// [`Scanner::scan`], also telling what looking inside encodings cost (bounded by the
    /// limits in [`decode`] whatever the input; tests hold it to them).
    pub fn scan_with_stats(
        &self,
        path: Option<&str>,
        data: &[u8],
    ) -> (Vec<Match>, decode::DecodeStats) {
        let mut raw = self.scan_plain(path, data);
        let (encoded, stats) = decode::scan_encoded(self, path, data);
        raw.extend(encoded);
        let raw = self.drop_redundant(raw);
        let (mut matches, allowed) = finish(data, raw);
        for m in &mut matches {
            m.context.server_hint = server_hint(self.rule(m.rule), data, m.start);
            m.context.companion = companion(self.rule(m.rule), data, m.start);
        }
        if allowed > 0 {
            self.inline_allowed.fetch_add(allowed, Ordering::Relaxed);
        }
        (matches, stats)
    }

    /// Drops hits that would report one secret twice:
    /// - a hit found by decoding a span in which the plain scan already found the same rule
    ///   (`postgres://u:p%40ss@h` is found as `p%40ss` and, percent-decoded, as `p@ss`);
    /// - a hit of a `fallback` rule (a catch-all that keys on words such as `token =`) whose
    ///   span overlaps a hit of a specific rule (`GITHUB_TOKEN=ghp_...`), or the same span
    ///   as another fallback rule's hit (`api_secret_key = ...`).
    ///
    /// The comparison is pairwise; a blob with more than [`MAX_HITS_TO_DEDUPLICATE`] hits
    /// (a generated file full of tokens) is reported as found rather than spending
    /// quadratic time on it.
    fn drop_redundant(&self, raw: Vec<RawHit>) -> Vec<RawHit> {
        if raw.len() > MAX_HITS_TO_DEDUPLICATE {
            return raw;
        }
        let overlaps = |a: &RawHit, b: &RawHit| a.start < b.end && b.start < a.end;
        let is_generic = |hit: &RawHit| self.rules.rules[hit.rule].spec.fallback;
        let mut kept: Vec<RawHit> = Vec::with_capacity(raw.len());
        for (i, hit) in raw.iter().enumerate() {
            let decoded_twice = hit.decoded.is_some()
                && raw.iter().any(|o| {
                    o.decoded.is_none()
                        && o.rule == hit.rule
                        && o.start >= hit.start
                        && o.end <= hit.end
                });
            let generic_shadowed = is_generic(hit)
                && raw.iter().enumerate().any(|(j, o)| {
                    overlaps(hit, o)
                        && (!is_generic(o) || (j < i && o.start == hit.start && o.end == hit.end))
                });
            if !decoded_twice && !generic_shadowed {
                kept.push(hit.clone());
            }
        }
        kept
    }

    /// Secrets in `data` as it is, without looking inside encodings. Hits on a line with an
    /// inline allow marker are kept, flagged `allowed`, so that they can be counted.
    pub(crate) fn scan_plain(&self, path: Option<&str>, data: &[u8]) -> Vec<RawHit> {
        let mut found = Vec::new();
        let allowed = AllowedLines::new(data);
        let single_line = |rule: usize| self.rules.rules[rule].single_line();
        let mut context_regions: Vec<(usize, usize, usize)> = Vec::new();
        for region in self.prefilter.regions(data, single_line) {
            let rule = &self.rules.rules[region.rule];
            if !rule.applies_to_path(path) {
                continue;
            }
            if rule.context.is_some() {
                context_regions.push((region.rule, region.start, region.end));
                continue;
            }
            let hay = &data[region.start..region.end];
            if !self.may_match(region.rule, hay) {
                continue;
            }
            let Some(re) = rule.regex() else { continue };
            let group = Rule::secret_group(re);
            for caps in re.captures_iter(hay) {
                let Some(m) = secret_of(&caps, group) else {
                    continue;
                };
                if m.is_empty() {
                    continue;
                }
                let (start, end) = (region.start + m.start(), region.start + m.end());
                let whole_end = caps.get(0).map_or(m.end(), |w| w.end().max(m.end()));
                if self.accepts(rule, &data[start..end])
                    && !for_documentation_host(rule, &hay[m.end()..whole_end])
                {
                    found.push(RawHit {
                        rule: region.rule,
                        start,
                        end,
                        decoded: None,
                        allowed: allowed.contains(start),
                    });
                }
            }
        }
        self.scan_context(path, data, &context_regions, &allowed, &mut found);
        found
    }

    /// Whether `hay` holds one of the literals the rule's regex cannot match without
    /// (`secret` after a `box` keyword): a window woken by a keyword in `Box<dyn Error>` is
    /// dropped for the price of a literal search, not a regex run. Rules that require no
    /// such literal may always match.
    fn may_match(&self, rule: usize, hay: &[u8]) -> bool {
        let searcher = self.required[rule].get_or_init(|| {
            let literals = self.rules.rules[rule].required_literals()?;
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(literals)
                .ok()
        });
        searcher.as_ref().is_none_or(|s| s.is_match(hay))
    }

    /// The context engine's pass (see [`crate::context`]): key/value candidates from the
    /// lines around the woken context rules' keywords, kept where a rule accepts them; and
    /// whole files found by a rule's conventional path.
    fn scan_context(
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

    /// The rule's checks on one candidate secret.
    pub(crate) fn accepts(&self, rule: &Rule, secret: &[u8]) -> bool {
        let Ok(text) = std::str::from_utf8(secret) else {
            return false;
        };
        if crate::context::stand_in::placeholder::is_placeholder(text) {
            return false;
        }
        if let Some(min) = rule.min_entropy {
            if entropy::shannon(secret) < min {
                return false;
            }
        }
        let valid = match rule.validator {
            Some(validator) => checksum::Validate::validate(validator, text),
            None => true,
        };
        valid && !self.is_known_public(secret)
    }

    /// Whether `secret` is a published sample some rule lists as `known_public`.
    pub fn is_known_public(&self, secret: &[u8]) -> bool {
        !self.known_public.is_empty() && self.known_public.contains(&crate::rules::sha256(secret))
    }

    /// Sensitive-file rules that `path` (relative, `/`-separated) trips. `content` is
    /// checked against rules that care what the file holds; `None` means "unknown", and
    /// rules with a `content` regex then do not fire, while rules with an inspector do
    /// (only a file shown to hold nothing is dropped).
    pub fn file_rules_matching(&self, path: &str, content: Option<&[u8]>) -> Vec<usize> {
        self.file_matches(path, content)
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    }

    /// The `file` findings for `path` holding `content` ([`Scanner::file_rules_matching`]),
    /// each titled with what its inspector found in the file, if anything.
    pub fn file_findings(&self, path: &str, content: Option<&[u8]>) -> Vec<Finding> {
        self.file_matches(path, content)
            .into_iter()
            .map(|(i, detail)| {
                let mut finding = self.file_finding(i, path);
                if let Some(detail) = detail {
                    finding.title = format!("{}: {detail}", finding.title).into();
                }
                finding
            })
            .collect()
    }

    /// The matching file rules, each with its inspector's detail.
    fn file_matches(&self, path: &str, content: Option<&[u8]>) -> Vec<(usize, Option<String>)> {
        let path_set = self.file_paths.get_or_init(|| {
            let sources = self
                .file_rules
                .iter()
                .map(|&i| self.rules.rules[i].path_source().unwrap_or("^$"));
            regex::RegexSet::new(sources).ok()
        });
        let by_path: Vec<usize> = match path_set {
            Some(set) => set
                .matches(path)
                .iter()
                .map(|at| self.file_rules[at])
                .collect(),
            None => self
                .file_rules
                .iter()
                .copied()
                .filter(|&i| self.rules.rules[i].applies_to_path(Some(path)))
                .collect(),
        };
        by_path
            .into_iter()
            .filter_map(|i| {
                let rule = &self.rules.rules[i];
                let by_regex = match (rule.spec.content.is_some(), content) {
                    (false, _) => true,
                    (true, Some(data)) => rule.content_regex().is_some_and(|re| re.is_match(data)),
                    (true, None) => false,
                };
                if !by_regex {
                    return None;
                }
                match rule.inspector.map(|inspector| inspector.inspect(content)) {
                    None => Some((i, None)),
                    Some(crate::rules::inspect::Verdict::Empty) => None,
                    Some(crate::rules::inspect::Verdict::Holds(detail)) => Some((i, detail)),
                }
            })
            .collect()
    }

    /// A `secret` finding from a match, without commit provenance.
    pub fn secret_finding(&self, m: &Match, path: Option<&Arc<str>>) -> Finding {
        let rule = self.rule(m.rule);
        Finding {
            rule: rule.id.clone(),
            kind: FindingKind::Secret,
            title: rule.title.clone(),
            path: path.cloned(),
            line: Some(m.line),
            column: Some(m.column),
            fingerprint: finding::fingerprint(&rule.id, m.secret.expose()),
            secret: Some(m.secret.clone()),
            context: Some(Box::new(m.context.clone())),
            commit: None,
            verification: None,
            remediation: rule.remediation.clone(),
            repository: None,
            merged: None,
        }
    }

    /// A `file` finding for a sensitive path. Its fingerprint is over the path, since there
    /// is no secret to name.
    pub fn file_finding(&self, rule_index: usize, path: &str) -> Finding {
        let rule = self.rule(rule_index);
        Finding {
            rule: rule.id.clone(),
            kind: FindingKind::File,
            title: rule.title.clone(),
            path: Some(path.into()),
            line: None,
            column: None,
            secret: None,
            context: None,
            fingerprint: finding::fingerprint(&rule.id, path),
            commit: None,
            verification: None,
            remediation: rule.remediation.clone(),
            repository: None,
            merged: None,
        }
    }
}

/// Bytes on either side of a finding searched for its server hint or companion.
const NEAR: usize = 64 * 1024;

/// The whole lines within [`NEAR`] bytes of `at`, with the offset of their start: a
/// finding's server hint and companion are looked for there, not over the whole blob (a
/// blob with many findings would cost its size once per finding).
fn lines_near(data: &[u8], at: usize) -> (usize, &[u8]) {
    let at = at.min(data.len());
    let floor = at.saturating_sub(NEAR);
    let from = if floor == 0 {
        0
    } else {
        memchr::memrchr(b'\n', &data[floor..at]).map_or(floor, |i| floor + i + 1)
    };
    let ceiling = at.saturating_add(NEAR).min(data.len());
    let to = memchr::memchr(b'\n', &data[ceiling..]).map_or(data.len(), |i| ceiling + i);
    (from, &data[from..to])
}

/// The server URL (`scheme://host[:port]`) that `rule`'s verify `server_hint` finds in
/// `data` nearest to `at` (its first group that took part in the match); `None` for rules
/// without one.
fn server_hint(rule: &Rule, data: &[u8], at: usize) -> Option<String> {
    let re = rule.server_hint_regex()?;
    let (offset, data) = lines_near(data, at);
    let at = at - offset;
    re.captures_iter(data)
        .filter_map(|caps| {
            let url = (1..caps.len()).find_map(|i| caps.get(i))?;
            let text = std::str::from_utf8(url.as_bytes()).ok()?;
            // A bare host (`acme.myshopify.com`) is read as an https origin.
            let parsed = if text.contains("://") {
                url::Url::parse(text).ok()?
            } else {
                url::Url::parse(&format!("https://{text}")).ok()?
            };
            if !matches!(parsed.scheme(), "https" | "http") {
                return None;
            }
            let origin = parsed.origin().ascii_serialization();
            Some((url.start().abs_diff(at), origin))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, origin)| origin)
}

/// The other part of a two-part credential that `rule`'s verify `companion` finds in `data`
/// nearest to `at` (the first group that took part in the nearest match); `None` for rules
/// without one.
fn companion(rule: &Rule, data: &[u8], at: usize) -> Option<Secret> {
    let re = rule.companion_regex()?;
    let (offset, data) = lines_near(data, at);
    let at = at - offset;
    re.captures_iter(data)
        .filter_map(|caps| {
            let part = (1..caps.len()).find_map(|i| caps.get(i))?;
            let text = std::str::from_utf8(part.as_bytes()).ok()?;
            Some((part.start().abs_diff(at), text))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, text)| Secret::new(text.to_string()))
}

/// The secret in one regex match: the rule's secret group; if that group took no part in
/// the match (a rule whose alternatives each capture the secret in their own group, such as
/// a token that follows its context in one form and precedes it in another), the first group
/// that did; with no groups at all, the whole match.
fn secret_of<'h>(
    caps: &regex::bytes::Captures<'h>,
    group: usize,
) -> Option<regex::bytes::Match<'h>> {
    caps.get(group)
        .or_else(|| (1..caps.len()).find_map(|i| caps.get(i)))
        .or_else(|| caps.get(0))
}

/// Whether a URL-password rule's match continues (after the password) with `@` and a host
/// reserved for documentation (`https://user:s3cret@example.com`): such credentials are
/// samples, whatever they look like.
fn for_documentation_host(rule: &Rule, after_secret: &[u8]) -> bool {
    rule.validator == Some(checksum::Validator::UrlPassword)
        && crate::context::stand_in::url_password::is_documentation_host(&String::from_utf8_lossy(
            after_secret,
        ))
}

/// The lines of a blob that carry an inline allow marker, found in one pass, so that
/// asking about each hit costs a binary search rather than a walk over its line (which,
/// on a 10 MB minified line with thousands of candidates, would be quadratic).
pub(crate) struct AllowedLines {
    /// Sorted, disjoint `(start, end)` byte ranges of marked lines.
    lines: Vec<(usize, usize)>,
}

impl AllowedLines {
    pub(crate) fn new(data: &[u8]) -> AllowedLines {
        let mut lines: Vec<(usize, usize)> = Vec::new();
        for marker in INLINE_ALLOW {
            // Occurrences come in order: skip those on a line already found, so that a line
            // holding the marker a million times is walked once.
            let mut last_end: Option<usize> = None;
            for at in memchr::memmem::find_iter(data, marker) {
                if last_end.is_some_and(|end| at <= end) {
                    continue;
                }
                let bounds = line_bounds(data, at);
                last_end = Some(bounds.1);
                lines.push(bounds);
            }
        }
        lines.sort_unstable();
        lines.dedup();
        AllowedLines { lines }
    }

    /// Whether the line holding byte `at` carries a marker.
    pub(crate) fn contains(&self, at: usize) -> bool {
        let i = self.lines.partition_point(|&(start, _)| start <= at);
        i > 0 && at <= self.lines[i - 1].1
    }
}

/// Byte range of the line holding byte `at` (without its newline).
pub(crate) fn line_bounds(data: &[u8], at: usize) -> (usize, usize) {
    let at = at.min(data.len());
    let start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i);
    (start, end)
}

/// A hit before it is located: the rule, the byte range in the scanned text, and for a
/// secret found inside an encoded value, the decoded secret (the range is then the encoded
/// text, so that the finding points at the line a user can see).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RawHit {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
    pub decoded: Option<String>,
    /// The hit's line carries an inline allow marker: counted, never reported.
    pub allowed: bool,
}

/// Sorts, de-duplicates and locates raw hits. The same secret found plainly and again
/// through a decoder on the same line is reported once. Returns the matches and how many
/// distinct hits were dropped for an inline allow marker.
fn finish(data: &[u8], mut raw: Vec<RawHit>) -> (Vec<Match>, usize) {
    raw.sort_unstable_by_key(|h| (h.start, h.rule, h.end));
    raw.dedup_by(|b, a| a.rule == b.rule && a.start == b.start && a.decoded == b.decoded);
    // Spans that overlap or touch are merged into stretches (disjoint, sorted), each shown
    // as one redaction: two rules' hits on one JWT must not show a head of each part.
    // With the longest stretch's length, the stretches near a hit are found by binary
    // search rather than by a walk over all of them (quadratic for a generated file full
    // of tokens).
    let spans = finding::merge_spans(raw.iter().map(|h| (h.start, h.end)).collect());
    let longest = spans.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    let mut line = 1;
    let mut counted_to = 0;
    let mut allowed_count = 0;
    let mut current_line: Option<(usize, usize)> = None;
    let matches = raw
        .into_iter()
        .filter_map(|hit| {
            let RawHit {
                rule,
                start,
                end,
                decoded,
                allowed,
            } = hit;
            line += memchr::memchr_iter(b'\n', &data[counted_to..start]).count();
            counted_to = start;
            // Hits come sorted: many on one long line share its bounds, found once.
            let (line_start, line_end) = match current_line {
                Some((s, e)) if s <= start && start <= e => (s, e),
                _ => line_bounds(data, start),
            };
            current_line = Some((line_start, line_end));
            let secret =
                decoded.unwrap_or_else(|| String::from_utf8_lossy(&data[start..end]).into_owned());
            if !seen.insert((rule, line, secret.clone())) {
                return None;
            }
            if allowed {
                allowed_count += 1;
                return None;
            }
            let end_on_line = end.min(line_end).max(start);
            // The stretch of overlapping secrets holding this one, cut to its line.
            let (stretch_start, stretch_end) = stretch_of(&spans, start, end);
            let lead = stretch_start.max(line_start).min(start);
            let tail = stretch_end.min(line_end).max(end_on_line);
            let covering = (lead < start || tail > end_on_line)
                .then(|| Secret::new(String::from_utf8_lossy(&data[lead..tail.max(end)])));
            // The window never cuts a neighbour's stretch: it is shown whole or not at all.
            let from = outside_stretch(&spans, lead.saturating_sub(CONTEXT).max(line_start))
                .max(line_start);
            let to = outside_stretch(&spans, (tail + CONTEXT).min(line_end)).min(line_end);
            let to = if to < tail { line_end } else { to };
            let mut before = masked(data, from, lead, near(&spans, from, lead, longest));
            let mut after = masked(data, tail, to, near(&spans, tail, to, longest));
            if from > line_start {
                before.insert(0, '…');
            }
            let after_trimmed = after.trim_end_matches('\r').len();
            after.truncate(after_trimmed);
            if to < line_end {
                after.push('…');
            }
            Some(Match {
                rule,
                start,
                end,
                line,
                column: start - line_start + 1,
                secret: Secret::new(secret),
                context: LineContext {
                    before,
                    after,
                    covering,
                    server_hint: None,
                    companion: None,
                },
            })
        })
        .collect();
    (matches, allowed_count)
}

/// The stretches (merged, sorted, none longer than `longest`) that may overlap `from..to`.
fn near(spans: &[(usize, usize)], from: usize, to: usize, longest: usize) -> &[(usize, usize)] {
    let first = spans.partition_point(|&(s, _)| s < from.saturating_sub(longest));
    let last = spans.partition_point(|&(s, _)| s < to);
    &spans[first..last.max(first)]
}

/// The stretch (merged spans) holding the hit `start..end`; the hit itself if none does.
fn stretch_of(spans: &[(usize, usize)], start: usize, end: usize) -> (usize, usize) {
    let i = spans.partition_point(|&(s, _)| s <= start);
    match i.checked_sub(1).map(|i| spans[i]) {
        Some((s, e)) if e >= end => (s, e),
        _ => (start, end),
    }
}

/// `at`, moved back to the start of the stretch it falls inside, so that a window edge
/// never cuts a secret.
fn outside_stretch(spans: &[(usize, usize)], at: usize) -> usize {
    let i = spans.partition_point(|&(s, _)| s < at);
    match i.checked_sub(1).map(|i| spans[i]) {
        Some((s, e)) if at < e => s,
        _ => at,
    }
}

/// `data[from..to]` as text, with every stretch of hit spans inside it replaced by one
/// redaction, so that showing one finding's line never shows a neighbour's secret. Spans
/// are merged here as well, so overlapping ones are never redacted piecemeal.
fn masked(data: &[u8], from: usize, to: usize, spans: &[(usize, usize)]) -> String {
    let inside: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(s, e)| s < to && e > from)
        .map(|&(s, e)| (s.max(from), e.min(to)))
        .collect();
    let mut out = String::new();
    let mut at = from;
    for (s, e) in finding::merge_spans(inside) {
        out.push_str(&String::from_utf8_lossy(&data[at..s]));
        out.push_str(&finding::redact(&String::from_utf8_lossy(&data[s..e])));
        at = e;
    }
    if at < to {
        out.push_str(&String::from_utf8_lossy(&data[at..to]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rule_file;

    fn scanner(rules: &str) -> Scanner {
        Scanner::new(RuleSet {
            rules: parse_rule_file(rules, "test.toml", true).unwrap(),
        })
    }

    const DEMO: &str = r#"
[[rule]]
id = "demo-token"
title = "Demo token"
regex = '''\b(dmo_[A-Za-z0-9]{20})\b'''
keywords = ["dmo_"]
min_entropy = 3.0
"#;

    #[test]
    fn hints_and_companions_are_looked_for_in_whole_lines_near_the_finding() {
        let line = format!("{}\n", "x".repeat(99));
        let data = line.repeat(3000).into_bytes(); // 300 KB of 100-byte lines
        let at = 150_000 + 7;
        let (from, near) = lines_near(&data, at);
        assert!(from <= at && at < from + near.len());
        assert!(from == 0 || data[from - 1] == b'\n');
        assert_eq!(near.last(), Some(&b'x'));
        assert_eq!(data.get(from + near.len()), Some(&b'\n'));
        assert!(near.len() <= 2 * NEAR + 200);
        // A small blob is searched whole.
        assert_eq!(lines_near(b"ab\ncd", 4), (0, &b"ab\ncd"[..]));
    }

    #[test]
    fn finds_line_and_column() {
        let s = scanner(DEMO);
        let data = b"first\n  key = dmo_q8Zr3LkP0vX7mN2bT5yW\n";
        let found = s.scan(Some("a.txt"), data);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].column), (2, 9));
        assert_eq!(found[0].secret.expose(), "dmo_q8Zr3LkP0vX7mN2bT5yW");
    }

    #[test]
    fn inline_allow_silences_the_line() {
        let s = scanner(DEMO);
        let data = b"key = dmo_q8Zr3LkP0vX7mN2bT5yW # leakgate:allow\n";
        assert!(s.scan(None, data).is_empty());
        let data = b"key = dmo_q8Zr3LkP0vX7mN2bT5yW # gitleaks:allow\n";
        assert!(s.scan(None, data).is_empty());
        assert_eq!(s.inline_allowed(), 2);
    }

    #[test]
    fn inline_allow_silences_only_its_own_line() {
        let s = scanner(DEMO);
        let data = b"a = dmo_q8Zr3LkP0vX7mN2bT5yW # leakgate:allow\nb = dmo_Zr3LkP0vX7mN2bT5yWq8\n";
        let found = s.scan(None, data);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
        assert_eq!(s.inline_allowed(), 1);
    }

    #[test]
    fn inline_allow_covers_encoded_secrets_on_its_line() {
        use base64::Engine;
        let s = scanner(DEMO);
        let encoded = base64::engine::general_purpose::STANDARD.encode("dmo_q8Zr3LkP0vX7mN2bT5yW");
        let allowed = format!("token: {encoded} # leakgate:allow\n");
        assert!(s.scan(None, allowed.as_bytes()).is_empty());
        let plain = format!("token: {encoded}\n");
        assert_eq!(s.scan(None, plain.as_bytes()).len(), 1);
    }

    #[test]
    fn inline_allow_silences_a_secret_found_inside_an_escaped_string() {
        let s = scanner(DEMO);
        let data = br#"{"key": "dmo_q8Zr3LkP0vX7mN2bT5yW\n"} // leakgate:allow"#;
        assert!(s.scan(None, data).is_empty());
        let data = br#"{"key": "dmo_q8Zr3LkP0vX7mN2bT5yW\n"}"#; // leakgate:allow
        assert_eq!(s.scan(None, data).len(), 1);
    }

    #[test]
    fn entropy_floor_and_placeholders_drop_candidates() {
        let s = scanner(DEMO);
        assert!(s.scan(None, b"dmo_aaaaaaaaaaaaaaaaaaaa").is_empty());
        assert!(s.scan(None, b"dmo_abababababababababab").is_empty());
    }

    #[test]
    fn overlapping_spans_are_masked_without_panicking() {
        let data = b"key = abcdefghijklmnop end";
        let text = masked(data, 0, data.len(), &[(6, 22), (8, 12), (10, 24)]);
        assert_eq!(text, "key = abcd…(18)nd", "{text}");
        assert!(!text.contains("mnop"), "{text}");
    }

    #[test]
    fn overlapping_hits_show_one_redaction_covering_both() {
        let s = scanner(
            r#"
[[rule]]
id = "whole"
title = "Whole token"
regex = '''(dmo_[a-zA-Z0-9]{10}\.[a-zA-Z0-9]{12})'''
keywords = ["dmo_"]

[[rule]]
id = "tail"
title = "Token tail"
regex = '''\.([a-zA-Z0-9]{12})\b'''
keywords = ["."]
"#,
        );
        let data = b"key = dmo_q8Zr3LkP0v.X7mN2bT5yWab; next = dmo_Zr3LkP0vX7.mN2bT5yWq8Zr end\n";
        let found = s.scan(None, data);
        assert_eq!(found.len(), 4, "{found:?}");
        for m in &found {
            let shown = match &m.context.covering {
                Some(covering) => covering.redacted(),
                None => m.secret.redacted(),
            };
            let text = format!("{}{}{}", m.context.before, shown, m.context.after);
            assert_eq!(
                text,
                "key = dmo_…(27); next = dmo_…(27) end",
                "rule {}",
                s.rule(m.rule).id
            );
        }
    }

    #[test]
    fn an_alternative_that_captures_in_another_group_reports_that_group() {
        let s = scanner(
            r#"
[[rule]]
id = "either-side"
title = "Token before or after its context"
regex = '''ctx=(dmo_[A-Za-z0-9]{20})|(dmo_[A-Za-z0-9]{20}) <-ctx'''
keywords = ["dmo_"]
"#,
        );
        let before = s.scan(None, b"ctx=dmo_q8Zr3LkP0vX7mN2bT5yW\n");
        let after = s.scan(None, b"dmo_q8Zr3LkP0vX7mN2bT5yW <-ctx\n");
        assert_eq!(before.len(), 1);
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].secret.expose(), "dmo_q8Zr3LkP0vX7mN2bT5yW");
        assert_eq!(after[0].column, 1);
    }

    #[test]
    fn a_fallback_hit_under_a_specific_one_is_dropped() {
        let s = scanner(&format!(
            "{DEMO}{}",
            r#"
[[rule]]
id = "catch-all-token"
title = "Catch-all token"
fallback = true
regex = '''token\s*=\s*(\S{12,})'''
keywords = ["token"]
"#
        ));
        let found = s.scan(None, b"token = dmo_q8Zr3LkP0vX7mN2bT5yW\n"); // leakgate:allow
        assert_eq!(found.len(), 1);
        assert_eq!(s.rule(found[0].rule).id.as_ref(), "demo-token");
        let found = s.scan(None, b"token = q8Zr3LkP0vX7mN2bT5yW\n"); // leakgate:allow
        assert_eq!(found.len(), 1);
        assert_eq!(s.rule(found[0].rule).id.as_ref(), "catch-all-token");
    }

    #[test]
    fn a_secret_found_plain_is_not_found_again_decoded() {
        let s = scanner(
            r#"
[[rule]]
id = "url-password"
title = "Password in a URL"
regex = '''://[a-z]+:([^@/\s]+)@'''
keywords = ["://"]
"#,
        );
        let found = s.scan(None, b"https://bob:Kq9%21mZ2pLx@host.internal\n"); // leakgate:allow
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].secret.expose(), "Kq9%21mZ2pLx");
    }

    #[test]
    fn a_url_password_for_a_documentation_host_is_not_reported() {
        let s = scanner(
            r#"
[[rule]]
id = "url-password"
title = "Password in a URL"
regex = '''://[a-z]+:([^@/\s]+)@[a-z.]+'''
keywords = ["://"]
checksum = "url-password"
"#,
        );
        let doc = b"https://bob:Kq9mZ2pLxW@example.com/x\n"; // leakgate:allow
        assert!(s.scan(None, doc).is_empty());
        let doc = b"https://bob:Kq9mZ2pLxW@ci.example.org\n"; // leakgate:allow
        assert!(s.scan(None, doc).is_empty());
        let real = b"https://bob:Kq9mZ2pLxW@ci.acme.org\n"; // leakgate:allow
        assert_eq!(s.scan(None, real).len(), 1);
    }

    #[test]
    fn long_lines_are_cut_for_display() {
        let s = scanner(DEMO);
        let mut data = "x".repeat(5000);
        data.push_str(" dmo_q8Zr3LkP0vX7mN2bT5yW ");
        data.push_str(&"y".repeat(5000));
        let found = s.scan(None, data.as_bytes());
        assert_eq!(found.len(), 1);
        assert!(found[0].context.before.len() + found[0].context.after.len() < 400);
    }
}
