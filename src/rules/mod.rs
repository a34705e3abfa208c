//! Rules: the data that says what a secret looks like (SPEC §5).
//!
//! Rule files are parsed by [`syntax`], checked here into [`Rule`]s, and gathered into a
//! [`RuleSet`] from the built-ins ([`builtin`]) plus any `[rules] extra` files, minus the
//! `[rules] disable` list.
//!
//! A pre-commit hook must feel instant, and most of its run used to be spent here, so the
//! regexes of built-in rules (content, path and file-content patterns) are compiled, and
//! their syntax trees read, only when first needed: a hook that touches three files pays
//! for the few rules whose keywords it meets. The built-ins are checked whole by the test
//! suite (`rules check` on every one). User rules are compiled at load time instead, so a
//! bad regex is an error (exit 2) naming the file, not a silent gap. `leakgate rules check`
//! is `commands::rules_check`: this module depends on neither the scanner nor the verifier
//! (a rule holds its checked verify plan and names its validator; the scanner runs it).

pub mod builtin;
#[cfg(test)]
mod held_out;
pub mod inspect;
pub(crate) mod lazy_regex;
pub mod literals;
mod load;
mod pkcs12;
pub mod revoke_plan;
mod set;
mod shape;
pub mod spec_cell;
pub mod syntax;
pub mod validator;
pub mod verify_plan;

use crate::finding::{Confidence, FindingKind, Severity};
use lazy_regex::LazyRegex;
pub use load::{load_rule_file, one_line, parse_rule_file, sha256, toml_error_line};
pub use set::RuleSet;
use shape::{is_single_line, parse_for_newline_reach};
use std::sync::{Arc, OnceLock};
pub use syntax::{KeywordBoundary, KnownPublicSpec, RuleSpec, VerifySpec};
pub use validator::Validator;
use verify_plan::VerifyPlan;

/// Why a rule file could not be used. Each message is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    // The I/O error is part of the message, not a `source`: a chained source would be
    // printed twice by `{:#}`.
    #[error("{file}: cannot read: {error}")]
    Read { file: String, error: std::io::Error },
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: rule `{id}`: {message}")]
    Invalid {
        file: String,
        id: String,
        message: String,
    },
    /// [`RuleError::Invalid`] located in the file's text (`key` names the offending value).
    #[error("{file}: line {line}: rule `{id}`: {message}")]
    InvalidAt {
        file: String,
        line: usize,
        id: String,
        message: String,
    },
}

/// A checked rule, ready to run.
pub struct Rule {
    /// Shared with every finding the rule makes, like `title`.
    pub id: Arc<str>,
    /// Borrowed from the embedded text for a built-in rule.
    pub provider: Option<syntax::SpecText>,
    pub kind: FindingKind,
    /// Lowercase; borrowed from the built-in rules' embedded text when it is lowercase
    /// already (issue 17, start-up).
    pub keywords: Vec<syntax::SpecText>,
    /// Per keyword, whether it wakes the rule only where it starts a word part
    /// (`keyword_boundary`, see [`KeywordBoundary::Word`]).
    pub keyword_starts_word: Vec<bool>,
    pub min_entropy: Option<f64>,
    /// The named validator a candidate must pass (`checksum = ...` in the file).
    pub validator: Option<Validator>,
    /// `severity` of the rule file, [`Severity::High`] when omitted.
    pub severity: Severity,
    /// SHA-256 digests of the rule's `known_public` values.
    pub known_public: Vec<[u8; 32]>,
    /// Only in paths that match this. Boxed, as `content`: few rules have one, and an
    /// empty slot is 8 bytes instead of 64 in each of 474 rules (issue 17, start-up).
    path: Option<Box<LazyRegex<regex::Regex>>>,
    /// For a sensitive-file rule: only if the file's content matches this.
    content: Option<Box<LazyRegex<regex::bytes::Regex>>>,
    /// For a sensitive-file rule: only if this inspector finds something in the file.
    pub inspector: Option<inspect::Inspector>,
    /// The secret's pattern; `None` for a sensitive-file rule.
    regex: Option<LazyRegex<regex::bytes::Regex>>,
    /// See [`Rule::single_line`].
    single_line: OnceLock<bool>,
    /// The parts made on first use that a scan seldom reads ([`Later`]), in one box made
    /// the first time one of them is asked for.
    later: OnceLock<Box<Later>>,
    /// The file the rule came from (`rules/github.toml`, or a user file's path), shared by
    /// the rules of one built-in file.
    pub origin: Arc<str>,
    /// The table the rule was built from; a built-in rule's is decoded again on first read
    /// ([`spec_cell`]).
    pub spec: spec_cell::SpecCell,
    /// Whether this is a context rule (`[rule.value]` / `[[rule.context]]` instead of
    /// `regex`), run by the context engine.
    is_context: bool,
    /// See [`Rule::has_file_or_path_anchor`].
    file_or_path_anchor: bool,
    /// A context rule's checked shape and anchors ([`Rule::context`]): built at load for a
    /// user rule, on first use for a built-in one.
    context: OnceLock<Option<Box<crate::context::rule::ContextRule>>>,
}

/// The parts of a [`Rule`] made on first use that most runs never read (a title for a
/// finding, a verify plan for `--verify`), boxed together: held inline they were a third of
/// every `Rule`, and the 474 built-in rules' vector is written, page by page, at every
/// start (its first-touch page faults were 6 % of a one-file scan's start-up, issue 17).
#[derive(Default)]
pub(crate) struct Later {
    /// [`Rule::title`], made on first use: a start that makes no finding allocates no title
    /// (issue 17, start-up).
    title: OnceLock<Arc<str>>,
    /// [`Rule::remediation`], made on first use as the title.
    remediation: OnceLock<Option<Arc<str>>>,
    /// See [`Rule::required_literals`].
    required_literals: OnceLock<Option<Vec<Vec<u8>>>>,
    /// The verify table's `server_hint`, compiled on first use (a built-in rule's verify
    /// table is read only then: [`syntax::Deferred`]).
    server_hint: OnceLock<Option<Box<LazyRegex<regex::bytes::Regex>>>>,
    /// The verify table's `companion`, as `server_hint`.
    companion: OnceLock<Option<Box<LazyRegex<regex::bytes::Regex>>>>,
    /// How `--verify` asks the issuer: the rule's checked `[rule.verify]` table. Built when
    /// the rule loads, or for a built-in rule on first use ([`Rule::verify`]).
    pub(crate) verify: OnceLock<Option<Box<VerifyPlan>>>,
    /// How `leakgate revoke` asks the issuer to revoke the secret: the rule's checked
    /// `[rule.revoke]` table. Built as [`Rule::verify`]'s ([`Rule::revoke`]).
    pub(crate) revoke: OnceLock<Option<Box<revoke_plan::RevokePlan>>>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl Rule {
    /// The parts made on first use, boxed the first time one is asked for.
    fn later(&self) -> &Later {
        self.later.get_or_init(Box::default)
    }

    /// The rule's title, shared with every finding the rule makes (as is
    /// [`Rule::remediation`]): half a million findings must not each hold a copy (issue 12
    /// item 5). Made from the rule's table the first time it is asked for.
    pub fn title(&self) -> &Arc<str> {
        self.later()
            .title
            .get_or_init(|| Arc::from(self.spec.title.as_str()))
    }

    /// What to do about a finding of this rule (`remediation` in the rule file), shared
    /// with its findings; made on first use as [`Rule::title`].
    pub fn remediation(&self) -> Option<&Arc<str>> {
        self.later()
            .remediation
            .get_or_init(|| self.spec.remediation.as_deref().map(Arc::from))
            .as_ref()
    }

    /// Whether this is a context rule (`[rule.value]` / `[[rule.context]]` instead of
    /// `regex`), whose candidates the context engine finds.
    pub fn is_context(&self) -> bool {
        self.is_context
    }

    /// A context rule's checked shape and anchors, `None` for a regex or sensitive-file
    /// rule. A built-in rule's is built on first use: a run that meets none of a context
    /// rule's keywords never builds it (issue 17, start-up; its word tables were a fifth of
    /// the start-up's allocations). A user rule's is built at load, so its errors are load
    /// errors; the built-in ones are built and compiled by the test suite and `leakgate
    /// rules check`, so this does not fail in a released binary (if it did, the rule would
    /// find nothing, as a built-in regex that does not compile).
    pub fn context(&self) -> Option<&crate::context::rule::ContextRule> {
        if !self.is_context {
            return None;
        }
        self.context
            .get_or_init(|| {
                let rule = crate::context::rule::ContextRule::from_spec(
                    self.spec.value.as_deref(),
                    &self.spec.context,
                    self.spec.fallback,
                );
                debug_assert!(rule.is_ok(), "{}: {:?}", self.id, rule.as_ref().err());
                rule.ok().map(Box::new)
            })
            .as_deref()
    }

    /// Whether [`Rule::context`] has been built (a user rule's at load, a built-in one's on
    /// first use).
    pub fn context_is_built(&self) -> bool {
        self.context.get().is_some()
    }

    /// Whether a context anchor names files by their path (`file` or `path`), asked of the
    /// rule's table without building it: the scanner asks every rule at start-up (for a
    /// built-in rule, the build script's list answers: its anchors stay encoded).
    pub fn has_file_or_path_anchor(&self) -> bool {
        self.file_or_path_anchor
    }

    /// The rule's checked `[rule.verify]` table, `None` if it has none. A built-in rule's
    /// table is checked on first use: a scan without `--verify` never builds the 474 plans
    /// (issue 17, start-up). The built-in tables are the ones the test suite and `leakgate
    /// rules check` build from the TOML sources (`RuleSet::builtin_from_toml`, which checks
    /// them at load) and `rules::set::tests` builds from the pre-parsed form, so this
    /// check does not fail in a released binary.
    pub fn verify(&self) -> Option<&VerifyPlan> {
        self.later()
            .verify
            .get_or_init(|| {
                let plan = VerifyPlan::from_spec(self.spec.verify.as_ref()?);
                debug_assert!(plan.is_ok(), "{}: {:?}", self.id, plan.as_ref().err());
                plan.ok().map(Box::new)
            })
            .as_deref()
    }

    /// The rule's checked `[rule.revoke]` table, `None` if it has none; built as
    /// [`Rule::verify`]'s.
    pub fn revoke(&self) -> Option<&revoke_plan::RevokePlan> {
        self.later()
            .revoke
            .get_or_init(|| {
                let plan = revoke_plan::RevokePlan::from_spec(self.spec.revoke.as_ref()?);
                debug_assert!(plan.is_ok(), "{}: {:?}", self.id, plan.as_ref().err());
                plan.ok().map(Box::new)
            })
            .as_deref()
    }

    /// The rule's compiled content regex, compiling it on first use. `None` for a
    /// sensitive-file rule.
    pub fn regex(&self) -> Option<&regex::bytes::Regex> {
        self.regex.as_ref()?.get()
    }

    /// The regex as written, without compiling it; a clone of it borrows a built-in rule's
    /// embedded text instead of copying it.
    pub(crate) fn regex_text(&self) -> Option<&syntax::SpecText> {
        self.regex.as_ref().map(|regex| &regex.source)
    }

    /// The rule's path regex, compiling it on first use.
    pub fn path_regex(&self) -> Option<&regex::Regex> {
        self.path.as_ref()?.get()
    }

    /// The sensitive-file rule's content regex, compiling it on first use.
    pub fn content_regex(&self) -> Option<&regex::bytes::Regex> {
        self.content.as_ref()?.get()
    }

    /// The verify table's `server_hint` regex, compiling it on first use.
    pub fn server_hint_regex(&self) -> Option<&regex::bytes::Regex> {
        self.server_hint_pattern()?.get()
    }

    fn server_hint_pattern(&self) -> Option<&LazyRegex<regex::bytes::Regex>> {
        self.later()
            .server_hint
            .get_or_init(|| {
                let source = self.spec.verify.as_ref()?.server_hint.as_deref()?;
                Some(Box::new(LazyRegex::new(source)))
            })
            .as_deref()
    }

    fn companion_pattern(&self) -> Option<&LazyRegex<regex::bytes::Regex>> {
        self.later()
            .companion
            .get_or_init(|| {
                let source = self.spec.verify.as_ref()?.companion.as_deref()?;
                Some(Box::new(LazyRegex::new(source)))
            })
            .as_deref()
    }

    /// The verify table's `companion` regex, compiling it on first use.
    pub fn companion_regex(&self) -> Option<&regex::bytes::Regex> {
        self.companion_pattern()?.get()
    }

    /// The source of the path regex, if the rule has one.
    pub fn path_source(&self) -> Option<&str> {
        self.path.as_ref().map(|p| p.source.as_str())
    }

    /// Whether the regex can only match within one line (it cannot match a `\n`). The
    /// prefilter then runs it on the keyword's line alone, not on a wide window. Read from
    /// the pattern's syntax tree the first time it is asked; a pattern that cannot be read
    /// gets the wide window, which can only find more.
    pub fn single_line(&self) -> bool {
        if self.is_context {
            return true;
        }
        *self
            .single_line
            .get_or_init(|| match (&self.regex, self.spec.multiline) {
                (None, _) => true,
                (Some(_), true) => false,
                (Some(regex), false) => parse_for_newline_reach(&regex.source)
                    .map(|hir| is_single_line(&hir))
                    .unwrap_or(false),
            })
    }

    /// Literals one of which every match of the rule's regex holds (lowercase, compared
    /// ASCII-case-insensitively), not implied by its keywords: a window around a keyword
    /// without any of them cannot hold a match. Read from the pattern's syntax tree the
    /// first time it is asked; `None` for a context rule, a pattern that cannot be read, or
    /// one that requires nothing worth a search.
    pub fn required_literals(&self) -> Option<&[Vec<u8>]> {
        self.later()
            .required_literals
            .get_or_init(|| {
                let regex = self.regex.as_ref()?;
                let hir = parse_for_newline_reach(&regex.source).ok()?;
                literals::required_literals(&hir, &self.keywords)
            })
            .as_deref()
    }

    /// Compiles every regex of the rule now and reads its syntax tree, reporting the first
    /// that is wrong as the message of [`RuleError::Invalid`].
    pub fn compile(&self) -> Result<(), String> {
        if let Some(path) = &self.path {
            path.try_get()
                .map_err(|e| format!("invalid path regex: {e}"))?;
        }
        if let Some(content) = &self.content {
            content
                .try_get()
                .map_err(|e| format!("invalid content regex: {e}"))?;
        }
        if let Some(regex) = &self.regex {
            regex.try_get().map_err(|e| format!("invalid regex: {e}"))?;
        }
        if let Some(hint) = self.server_hint_pattern() {
            hint.try_get()
                .map_err(|e| format!("verify `server_hint`: {e}"))?;
        }
        if let Some(companion) = self.companion_pattern() {
            companion
                .try_get()
                .map_err(|e| format!("verify `companion`: {e}"))?;
        }
        if self.is_context {
            // Built here, not by `Rule::context`, to report why it cannot be.
            if self.context.get().is_none() {
                let built = crate::context::rule::ContextRule::from_spec(
                    self.spec.value.as_deref(),
                    &self.spec.context,
                    self.spec.fallback,
                )?;
                let _ = self.context.set(Some(Box::new(built)));
            }
            if let Some(context) = self.context() {
                context.compile()?;
            }
        }
        self.single_line();
        Ok(())
    }

    /// Index of the capture group holding the secret: `secret` if named, else 1, else 0.
    pub fn secret_group(re: &regex::bytes::Regex) -> usize {
        if let Some(index) = re.capture_names().position(|n| n == Some("secret")) {
            return index;
        }
        if re.captures_len() > 1 {
            1
        } else {
            0
        }
    }

    /// Whether this rule may run on content at `path` (`None`: no path, e.g. stdin).
    pub fn applies_to_path(&self, path: Option<&str>) -> bool {
        match (&self.path, path) {
            (None, _) => true,
            (Some(re), Some(path)) => re.get().is_some_and(|re| re.is_match(path)),
            (Some(_), None) => false,
        }
    }

    /// Whether the rule runs only on some paths.
    pub fn has_path(&self) -> bool {
        self.path.is_some()
    }

    /// How sure a finding of this rule is, given its secret (`None` for a file finding):
    /// the rule's own `confidence` if it says; else `low` for a catch-all (`fallback`)
    /// rule; `high` for a secret that carries one of the rule's keywords as its issuer's
    /// prefix (`ghp_`, `AKIA`, `hooks.slack.com`) or that passed a format checksum; `medium`
    /// for a secret found by the words around it (`twilio ... auth_token = <hex>`). A file
    /// finding is `high` when the rule also checked the file's content, else `medium`.
    pub fn confidence(&self, secret: Option<&str>) -> Confidence {
        if let Some(confidence) = self.spec.confidence {
            return confidence;
        }
        if self.spec.fallback {
            return Confidence::Low;
        }
        match self.kind {
            FindingKind::File if self.spec.content.is_some() => Confidence::High,
            FindingKind::File => Confidence::Medium,
            FindingKind::Secret => {
                let validated = matches!(
                    self.validator,
                    Some(Validator::GithubCrc32 | Validator::NpmCrc32 | Validator::JwtHeader)
                );
                if validated || secret.is_some_and(|s| self.carries_keyword(s)) {
                    Confidence::High
                } else {
                    Confidence::Medium
                }
            }
        }
    }

    /// Whether `secret` starts with one of the rule's keywords, or holds one of five
    /// characters or more (a webhook URL's host): the token names its issuer itself.
    fn carries_keyword(&self, secret: &str) -> bool {
        let lower = secret.to_ascii_lowercase();
        self.keywords
            .iter()
            .any(|k| lower.starts_with(k.as_str()) || (k.len() >= 5 && lower.contains(k.as_str())))
    }

    /// Whether `secret` is one of this rule's `known_public` values.
    pub fn is_known_public(&self, secret: &[u8]) -> bool {
        !self.known_public.is_empty() && self.known_public.contains(&sha256(secret))
    }
}

#[cfg(test)]
mod tests {
    use super::shape::can_match_newline;

    /// The rule model's library code depends on neither the engine nor the verifier
    /// (issue 12): they depend on it.
    #[test]
    fn rules_depend_on_neither_the_scanner_nor_the_verifier() {
        let sources = [
            ("mod.rs", include_str!("mod.rs")),
            ("lazy_regex.rs", include_str!("lazy_regex.rs")),
            ("load.rs", include_str!("load.rs")),
            ("set.rs", include_str!("set.rs")),
            ("shape.rs", include_str!("shape.rs")),
            ("builtin.rs", include_str!("builtin.rs")),
            ("syntax.rs", include_str!("syntax.rs")),
            ("validator.rs", include_str!("validator.rs")),
            ("verify_plan.rs", include_str!("verify_plan.rs")),
        ];
        for (name, text) in sources {
            // Tests may drive the scanner; the library code may not.
            let library = text.split("#[cfg(test)]").next().unwrap_or(text);
            for needle in [concat!("crate", "::scan"), concat!("crate", "::verify")] {
                let text = library;
                assert!(!text.contains(needle), "src/rules/{name} uses {needle}");
            }
        }
    }

    /// The 474 built-in rules' vector is written at every start; what most runs never
    /// read is boxed ([`super::Later`]). A guard against growing it back unnoticed.
    #[test]
    fn a_rule_stays_small() {
        let size = std::mem::size_of::<super::Rule>();
        assert!(size <= 304, "Rule is {size} bytes");
    }

    fn multi(pattern: &str) -> bool {
        can_match_newline(
            &regex_syntax::ParserBuilder::new()
                .utf8(false)
                .build()
                .parse(pattern)
                .unwrap(),
        )
    }

    #[test]
    fn the_ascii_parse_agrees_with_the_unicode_one_on_every_builtin_rule() {
        let set = super::RuleSet::builtin().unwrap();
        for rule in &set.rules {
            let Some(source) = &rule.spec.regex else {
                continue;
            };
            assert_eq!(
                can_match_newline(&super::shape::parse_for_newline_reach(source).unwrap()),
                multi(source),
                "{}",
                rule.id
            );
        }
        for pattern in [r"(?i)key\s*=", r"\p{L}+\s", r"[^\p{L}]", r"(?i)é\W"] {
            assert_eq!(
                can_match_newline(&super::shape::parse_for_newline_reach(pattern).unwrap()),
                multi(pattern),
                "{pattern}"
            );
        }
    }

    /// `Rule::from_spec` asks `keyword_guarded` only when the regex has a `(?i:` opener;
    /// on every built-in rule that gives what asking it always gives.
    #[test]
    fn keyword_boundaries_are_those_keyword_guarded_reads() {
        let set = super::RuleSet::builtin().unwrap();
        let mut guarded = 0;
        for rule in &set.rules {
            let (Some(regex), None) = (&rule.spec.regex, rule.spec.keyword_boundary) else {
                continue;
            };
            for (keyword, &word) in rule.spec.keywords.iter().zip(&rule.keyword_starts_word) {
                assert_eq!(
                    word,
                    super::literals::keyword_guarded(regex, keyword),
                    "{} {keyword}",
                    rule.id
                );
                guarded += usize::from(word);
            }
        }
        // The built-in rules whose regex guarded a keyword's start are in the context form
        // now (session 15 converted the last, `drone-ci-token`); the inference still holds
        // for a user's rule written that way.
        if guarded == 0 {
            let spec = super::RuleSpec {
                id: "guarded".into(),
                title: "Guarded".into(),
                provider: None,
                regex: Some(
                    r"(?:(?:^|[^A-Za-z0-9])(?i:drone))[^\n]{0,80}?([A-Za-z0-9]{32})".into(),
                ),
                keywords: vec!["drone".into()],
                ..Default::default()
            };
            let rule = super::Rule::from_spec(spec, "x.toml", true).unwrap();
            assert_eq!(rule.keyword_starts_word, vec![true]);
        }
    }

    #[test]
    fn lazy_rules_defer_regex_errors_and_eager_ones_report_them() {
        let spec = |regex: &str, path: &str| super::RuleSpec {
            id: "bad".into(),
            title: "Bad".into(),
            provider: None,
            regex: Some(regex.into()),
            keywords: vec!["k".into()],
            path: Some(path.into()),
            ..Default::default()
        };
        let lazy = super::Rule::from_spec(spec("k(", r"\.txt$"), "rules/x.toml", false).unwrap();
        assert!(lazy.regex().is_none(), "a broken pattern finds nothing");
        assert!(!lazy.single_line(), "and gets the wide window");
        let eager = super::Rule::from_spec(spec("k(", r"\.txt$"), "x.toml", true).unwrap_err();
        assert!(eager.to_string().contains("invalid regex"), "{eager}");
        let eager = super::Rule::from_spec(spec("k", r"(\.txt$"), "x.toml", true).unwrap_err();
        assert!(eager.to_string().contains("invalid path regex"), "{eager}");
        let good = super::Rule::from_spec(spec(r"k=(\w+)", r"\.txt$"), "x.toml", true).unwrap();
        assert!(good.single_line() && good.applies_to_path(Some("a.txt")));
        assert!(!good.applies_to_path(Some("a.rs")));
    }

    #[test]
    fn every_builtin_rule_compiles_and_a_user_rule_s_bad_value_pattern_is_a_load_error() {
        // Built-in rules compile lazily at run time; this is where a broken one is caught.
        for rule in &super::RuleSet::builtin().unwrap().rules {
            rule.compile()
                .unwrap_or_else(|e| panic!("{}: {e}", rule.id));
        }
        let text = |pattern: &str| {
            format!(
                "[[rule]]\nid = \"x\"\ntitle = \"X\"\n[rule.value]\npattern = '{pattern}'\n\
                 [[rule.context]]\nkey = [\"x_token\"]\n"
            )
        };
        let err = super::parse_rule_file(&text("[a-z"), "user.toml", true).unwrap_err();
        assert!(err.to_string().contains("invalid value pattern"), "{err}");
        let lazy = super::parse_rule_file(&text("[a-z"), "rules/x.toml", false).unwrap();
        assert!(lazy[0].compile().is_err());
        super::parse_rule_file(&text("[a-z]{20}"), "user.toml", true).unwrap();
    }

    fn rule_from(text: &str) -> super::Rule {
        super::parse_rule_file(text, "t.toml", true)
            .unwrap()
            .remove(0)
    }

    #[test]
    fn a_user_rule_may_use_unicode_classes_and_case_folding() {
        // What a rule's regex may say includes regex's Unicode syntax (docs/performance.md,
        // "rule regexes with ASCII semantics": a pattern that needs Unicode is compiled as
        // written): general categories, scripts, binary properties, Unicode `\w`/`\b`, and
        // case-insensitive matching by Unicode simple case folding, in `regex` and `path`.
        // Start-up work on the dependencies (issue 17) must leave every one of them there.
        let rule = rule_from(concat!(
            "[[rule]]\nid = \"u\"\ntitle = \"U\"\nkeywords = [\"k\"]\n",
            "regex = '''k=(\\p{Lu}\\p{Ll}+ \\p{Greek}+ \\p{Script=Cyrillic}+ \\p{Emoji} ",
            "(?u:\\w+\\b) (?i:σοφία))'''\n",
            "path = '''(?i)ÄRGER\\.txt$'''\n",
        ));
        let re = rule.regex().expect("compiles");
        let text = "k=Été αβγ доступ 🔑 naïve ΣΟΦΊΑ";
        let caps = re.captures(text.as_bytes()).expect("matches");
        assert_eq!(&caps[1], &text.as_bytes()[2..]);
        // Simple case folding beyond ASCII: final sigma for sigma, and `ſ` for `s`.
        assert!(re.is_match("k=Été αβγ доступ 🔑 naïve ςΟΦίΑ".as_bytes()));
        assert!(rule.applies_to_path(Some("docs/ärger.TXT")));
        assert!(!rule.applies_to_path(Some("docs/arger.txt")));
        let folded = rule_from(
            "[[rule]]\nid = \"f\"\ntitle = \"F\"\nkeywords = [\"x\"]\nregex = '''x(?u:(?i:ss))x'''\n",
        );
        assert!(folded.regex().unwrap().is_match("xſSx".as_bytes()));
    }

    #[test]
    fn confidence_follows_the_shape_of_the_rule_and_the_secret() {
        use crate::finding::Confidence;
        let prefixed = rule_from(
            "[[rule]]\nid = \"p\"\ntitle = \"P\"\nregex = 'tok_[a-z]{8}'\nkeywords = [\"tok_\"]\n",
        );
        assert_eq!(prefixed.confidence(Some("tok_abcdefgh")), Confidence::High);
        let context = rule_from(
            "[[rule]]\nid = \"c\"\ntitle = \"C\"\nregex = 'acme_key=([a-f0-9]{8})'\nkeywords = [\"acme\"]\n",
        );
        assert_eq!(context.confidence(Some("0123abcd")), Confidence::Medium);
        let catch_all = rule_from(
            "[[rule]]\nid = \"g\"\ntitle = \"G\"\nfallback = true\nregex = 'key=(\\w+)'\nkeywords = [\"key\"]\n",
        );
        assert_eq!(catch_all.confidence(Some("keyed")), Confidence::Low);
        let said = rule_from(
            "[[rule]]\nid = \"s\"\ntitle = \"S\"\nconfidence = \"low\"\nseverity = \"critical\"\nregex = 'tok_[a-z]{8}'\nkeywords = [\"tok_\"]\n",
        );
        assert_eq!(said.confidence(Some("tok_abcdefgh")), Confidence::Low);
        assert_eq!(said.severity, crate::finding::Severity::Critical);
        assert_eq!(
            prefixed.severity,
            crate::finding::Severity::High,
            "the default"
        );
    }

    #[test]
    fn a_known_public_digest_must_be_hex_and_silences_its_value() {
        let value = "tok_abcdefgh";
        let digest: String = super::sha256(value.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let text = format!(
            "[[rule]]\nid = \"p\"\ntitle = \"P\"\nregex = 'tok_[a-z]{{8}}'\nkeywords = [\"tok_\"]\nknown_public = [{{ value_sha256 = \"{digest}\", reason = \"docs\", example = \"t = {value}\" }}]\n"
        );
        let rules = super::parse_rule_file(&text, "t.toml", true).unwrap();
        let scanner = crate::scan::Scanner::new(super::RuleSet { rules });
        assert!(scanner.scan(None, b"t = tok_abcdefgh").is_empty());
        assert_eq!(scanner.scan(None, b"t = tok_zyxwvuts").len(), 1);
        let bad = text.replace(&digest, "abc");
        let err = super::parse_rule_file(&bad, "t.toml", true).unwrap_err();
        assert!(err.to_string().contains("value_sha256"), "{err}");
    }

    #[test]
    fn newline_reach_is_read_from_the_pattern() {
        assert!(!multi(r"\b(ghp_[A-Za-z0-9]{36})\b"));
        assert!(!multi(r"key[ \t]*=[ \t]*([^\s]+)"));
        assert!(!multi(r"(?i)token[^\n]{0,40}"));
        assert!(multi(r"key\s*=\s*(\w+)"));
        assert!(multi(r"(?s)BEGIN.*END"));
        assert!(multi(r"[^x]"));
        assert!(multi("a\nb"));
    }
}
