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
//!
//! Modules by audience: `mod.rs` is the per-blob driver; `regex_pass` runs the rules'
//! regexes, `context_pass` hooks up the context engine, `hits` de-duplicates raw hits,
//! `inline_allow` reads allow markers, `locate` turns hits into displayed matches,
//! `verify_hints` reads what verifiers need, `file_rules` and `findings` make findings.

pub mod anchors;
pub mod checksum;
pub mod content;
pub mod decode;
pub mod entropy;
pub(crate) mod funnel;
pub mod prefilter;

mod context_pass;
mod file_rules;
mod findings;
mod gram_table;
mod hits;
mod inline_allow;
mod locate;
mod path_needle;
mod path_set;
mod regex_pass;
mod verify_hints;

pub(crate) use hits::RawHit;
pub(crate) use inline_allow::AllowedLines;
pub(crate) use locate::line_bounds;

use crate::finding::{LineContext, Secret};
use crate::rules::{Rule, RuleSet};
use locate::finish;
use prefilter::Prefilter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use verify_hints::{companion, server_hint};

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
    /// One set over the file rules' path regexes and the context rules' `file` and `path`
    /// anchors, built on first use: a path then costs one search, not one per pattern, and
    /// one compile, not twenty ([`path_set`]).
    paths: OnceLock<path_set::PathSet>,
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
    /// Per context rule, the fewest characters of a value it accepts (0: unknown), worked
    /// out the first time the rule is woken (src/scan/context_pass.rs).
    context_min_chars: Vec<OnceLock<usize>>,
    /// Whether fallback context rules' keyword lines that cannot hold a value are skipped
    /// (always, but for the test that compares findings with and without the skip).
    skip_valueless_lines: bool,
}

impl Scanner {
    pub fn new(rules: RuleSet) -> Scanner {
        let prefilter = Prefilter::for_content_rules(&rules);
        let (file_rules, whole_file_rules) = path_set::path_rules(&rules);
        let known_public = rules
            .rules
            .iter()
            .flat_map(|r| r.known_public.iter().copied())
            .collect();
        Scanner {
            required: rules.rules.iter().map(|_| OnceLock::new()).collect(),
            context_min_chars: rules.rules.iter().map(|_| OnceLock::new()).collect(),
            skip_valueless_lines: true,
            rules,
            prefilter,
            file_rules,
            paths: OnceLock::new(),
            inline_allowed: AtomicUsize::new(0),
            whole_file_rules,
            known_public,
        }
    }

    /// The set of path patterns ([`path_set`]), compiled the first time a path is asked.
    fn paths(&self) -> &path_set::PathSet {
        self.paths.get_or_init(|| {
            path_set::PathSet::new(&self.rules, &self.file_rules, &self.whole_file_rules)
        })
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
