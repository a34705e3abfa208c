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
mod pkcs12;
pub mod revoke_plan;
pub mod syntax;
pub mod validator;
pub mod verify_plan;

use crate::finding::{Confidence, FindingKind, Severity};
use std::path::Path;
use std::sync::{Arc, OnceLock};
pub use syntax::{KnownPublicSpec, RuleSpec, VerifySpec};
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

/// Size limit for one compiled rule regex; generous, but bounded so a hostile user rule
/// cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 32 * 1024 * 1024;

/// A checked rule, ready to run.
pub struct Rule {
    /// Shared with every finding the rule makes, like `title`.
    pub id: Arc<str>,
    /// Shared with every finding the rule makes (as is `remediation`): half a million
    /// findings must not each hold a copy (issue 12 item 5).
    pub title: Arc<str>,
    pub provider: Option<String>,
    pub kind: FindingKind,
    pub keywords: Vec<String>,
    pub min_entropy: Option<f64>,
    /// The named validator a candidate must pass (`checksum = ...` in the file).
    pub validator: Option<Validator>,
    /// `severity` of the rule file, [`Severity::High`] when omitted.
    pub severity: Severity,
    /// SHA-256 digests of the rule's `known_public` values.
    pub known_public: Vec<[u8; 32]>,
    /// Only in paths that match this.
    path: Option<LazyRegex<regex::Regex>>,
    /// For a sensitive-file rule: only if the file's content matches this.
    content: Option<LazyRegex<regex::bytes::Regex>>,
    /// For a sensitive-file rule: only if this inspector finds something in the file.
    pub inspector: Option<inspect::Inspector>,
    /// The secret's pattern; `None` for a sensitive-file rule.
    regex: Option<LazyRegex<regex::bytes::Regex>>,
    /// See [`Rule::single_line`].
    single_line: OnceLock<bool>,
    /// The verify table's `server_hint`, compiled on first use.
    server_hint: Option<LazyRegex<regex::bytes::Regex>>,
    /// The verify table's `companion`, compiled on first use.
    companion: Option<LazyRegex<regex::bytes::Regex>>,
    pub remediation: Option<Arc<str>>,
    /// How `--verify` asks the issuer: the rule's checked `[rule.verify]` table.
    pub verify: Option<VerifyPlan>,
    /// How `leakgate revoke` asks the issuer to revoke the secret: the rule's checked
    /// `[rule.revoke]` table.
    pub revoke: Option<revoke_plan::RevokePlan>,
    /// The file the rule came from (`rules/github.toml`, or a user file's path).
    pub origin: String,
    pub spec: RuleSpec,
    /// For a context rule (`[rule.value]` / `[[rule.context]]` instead of `regex`): its
    /// compiled shape and anchors, run by the context engine.
    pub context: Option<crate::context::rule::ContextRule>,
}

/// A regex compiled the first time it is used.
struct LazyRegex<R> {
    source: String,
    compiled: OnceLock<Result<R, String>>,
}

/// The two regex types a rule holds, built with the same size limit.
trait CompileRegex: Sized {
    fn compile(source: &str) -> Result<Self, String>;
}

impl CompileRegex for regex::Regex {
    fn compile(source: &str) -> Result<Self, String> {
        regex::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| one_line(&e))
    }
}

impl CompileRegex for regex::bytes::Regex {
    fn compile(source: &str) -> Result<Self, String> {
        regex::bytes::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| one_line(&e))
    }
}

impl<R: CompileRegex> LazyRegex<R> {
    fn new(source: &str) -> LazyRegex<R> {
        LazyRegex {
            source: source.to_string(),
            compiled: OnceLock::new(),
        }
    }

    /// The compiled regex, or why it does not compile.
    fn try_get(&self) -> Result<&R, &str> {
        self.compiled
            .get_or_init(|| R::compile(&self.source))
            .as_ref()
            .map_err(String::as_str)
    }

    /// The compiled regex; `None` if it does not compile (only possible for a built-in
    /// rule, which the test suite compiles, never for a user rule, compiled at load time).
    fn get(&self) -> Option<&R> {
        self.try_get().ok()
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl Rule {
    /// The rule's compiled content regex, compiling it on first use. `None` for a
    /// sensitive-file rule.
    pub fn regex(&self) -> Option<&regex::bytes::Regex> {
        self.regex.as_ref()?.get()
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
        self.server_hint.as_ref()?.get()
    }

    /// The verify table's `companion` regex, compiling it on first use.
    pub fn companion_regex(&self) -> Option<&regex::bytes::Regex> {
        self.companion.as_ref()?.get()
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
        if self.context.is_some() {
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

    /// Builds a rule from its table, checking everything that can be checked without
    /// compiling a regex. `eager` compiles them too (user rules).
    pub fn from_spec(spec: RuleSpec, origin: &str, eager: bool) -> Result<Rule, RuleError> {
        let id = spec.id.clone();
        let invalid = |message: String| RuleError::Invalid {
            file: origin.to_string(),
            id: id.clone(),
            message,
        };
        if spec.id.is_empty()
            || !spec
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(invalid("id must be lowercase [a-z0-9-]".into()));
        }
        let is_context = spec.value.is_some() || !spec.context.is_empty();
        if is_context && spec.regex.is_some() {
            return Err(invalid(
                "a rule has either `regex` or `[rule.value]`/`[[rule.context]]`, not both".into(),
            ));
        }
        if spec.regex.is_none() && spec.path.is_none() && !is_context {
            return Err(invalid(
                "needs `regex`, `path`, or a `[rule.value]` with `[[rule.context]]`".into(),
            ));
        }
        let context = if is_context {
            Some(
                crate::context::rule::ContextRule::from_spec(
                    spec.value.as_ref(),
                    &spec.context,
                    spec.fallback,
                )
                .map_err(&invalid)?,
            )
        } else {
            None
        };
        if spec.content.is_some() && spec.regex.is_some() {
            return Err(invalid(
                "`content` is for sensitive-file rules (no `regex`)".into(),
            ));
        }
        let inspector = match &spec.inspect {
            None => None,
            Some(_) if spec.regex.is_some() => {
                return Err(invalid(
                    "`inspect` is for sensitive-file rules (no `regex`)".into(),
                ))
            }
            Some(name) => Some(inspect::Inspector::by_name(name).ok_or_else(|| {
                invalid(format!(
                    "unknown inspector `{name}` (known: {})",
                    inspect::Inspector::NAMES.join(", ")
                ))
            })?),
        };
        if let Some(min) = spec.min_entropy {
            if !(0.0..=8.0).contains(&min) {
                return Err(invalid(format!("min_entropy {min} is outside 0..8")));
            }
        }
        let validator = match &spec.checksum {
            None => None,
            Some(name) => Some(Validator::by_name(name).ok_or_else(|| {
                invalid(format!(
                    "unknown checksum `{name}` (known validators: {})",
                    Validator::NAMES.join(", ")
                ))
            })?),
        };
        let verify = match &spec.verify {
            None => None,
            Some(verify) => Some(VerifyPlan::from_spec(verify).map_err(&invalid)?),
        };
        let revoke = match &spec.revoke {
            None => None,
            Some(revoke) => Some(revoke_plan::RevokePlan::from_spec(revoke).map_err(&invalid)?),
        };
        let known_public = spec
            .known_public
            .iter()
            .map(|entry| {
                parse_sha256(&entry.value_sha256).ok_or_else(|| {
                    invalid(format!(
                        "known_public value_sha256 `{}` is not 64 lowercase hex digits",
                        entry.value_sha256
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let kind = if spec.regex.is_some() || context.is_some() {
            FindingKind::Secret
        } else {
            FindingKind::File
        };
        let rule = Rule {
            id: spec.id.as_str().into(),
            title: Arc::from(spec.title.as_str()),
            provider: spec.provider.clone(),
            kind,
            keywords: spec.keywords.iter().map(|k| k.to_lowercase()).collect(),
            min_entropy: spec.min_entropy,
            validator,
            severity: spec.severity.unwrap_or(Severity::High),
            known_public,
            path: spec.path.as_deref().map(LazyRegex::new),
            content: spec.content.as_deref().map(LazyRegex::new),
            inspector,
            regex: spec.regex.as_deref().map(LazyRegex::new),
            single_line: OnceLock::new(),
            server_hint: spec
                .verify
                .as_ref()
                .and_then(|v| v.server_hint.as_deref())
                .map(LazyRegex::new),
            companion: spec
                .verify
                .as_ref()
                .and_then(|v| v.companion.as_deref())
                .map(LazyRegex::new),
            remediation: spec.remediation.as_deref().map(Arc::from),
            verify,
            revoke,
            origin: origin.to_string(),
            spec,
            context,
        };
        if eager {
            rule.compile().map_err(invalid)?;
        }
        Ok(rule)
    }
}

/// SHA-256 of `bytes`, as `known_public` names values.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

/// 64 lowercase hex digits as 32 bytes.
fn parse_sha256(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// Whether every match of a regex lies within one line, give or take one newline character
/// matched as a boundary at either end (`(?:[^a-z]|$)` after a token, `(?:^|[^a-z])`
/// before a key). The prefilter gives such rules a window of one line plus the newlines
/// around it.
fn is_single_line(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Concat(parts) if parts.len() >= 2 => {
            let (first, rest) = parts.split_first().expect("two or more parts");
            let (last, middle) = rest.split_last().expect("one or more parts");
            is_edge_boundary(first)
                && is_edge_boundary(last)
                && !middle.iter().any(can_match_newline)
        }
        _ => !can_match_newline(hir),
    }
}

/// A piece at the edge of a pattern that matches at most one character (or nothing), so a
/// newline it matches can only be the one next to the line.
fn is_edge_boundary(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::HirKind;
    if !can_match_newline(hir) {
        return true;
    }
    match hir.kind() {
        HirKind::Class(_) => true,
        HirKind::Capture(capture) => is_edge_boundary(&capture.sub),
        HirKind::Alternation(branches) => branches.iter().all(|b| {
            matches!(
                b.kind(),
                HirKind::Class(_) | HirKind::Look(_) | HirKind::Empty
            ) || !can_match_newline(b)
        }),
        _ => false,
    }
}

/// A pattern's syntax tree, for [`can_match_newline`]. ASCII mode first: Unicode classes
/// and case folding cost ~90 µs a rule to build, which over the built-in rules was most of
/// a pre-commit hook's run time, and they never change whether `\n` can match (`\s`, `.`,
/// negated classes and `\n` mean the same for it in both modes). Patterns that need
/// Unicode mode (`\p{..}`) take the full parse, which also reports real syntax errors.
fn parse_for_newline_reach(source: &str) -> Result<regex_syntax::hir::Hir, String> {
    let ascii = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .unicode(false)
        .build()
        .parse(source);
    match ascii {
        Ok(hir) => Ok(hir),
        Err(_) => regex_syntax::ParserBuilder::new()
            .utf8(false)
            .build()
            .parse(source)
            .map_err(|e| one_line(&e)),
    }
}

/// Whether a regex can match text that holds a newline.
fn can_match_newline(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => literal.0.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(repetition) => can_match_newline(&repetition.sub),
        HirKind::Capture(capture) => can_match_newline(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().any(can_match_newline),
    }
}

/// Regex errors span several lines (a caret diagram); keep the line that says what is wrong.
pub fn one_line(err: &dyn std::fmt::Display) -> String {
    let text = err.to_string();
    text.lines()
        .rev()
        .find(|l| l.trim_start().starts_with("error:"))
        .map(|l| {
            l.trim_start()
                .trim_start_matches("error:")
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| text.lines().map(str::trim).collect::<Vec<_>>().join(" "))
}

/// Parses one rule file's text. `origin` names it in errors.
pub fn parse_rule_file(text: &str, origin: &str, eager: bool) -> Result<Vec<Rule>, RuleError> {
    let file: syntax::RuleFile = toml::from_str(text).map_err(|e| RuleError::Syntax {
        file: origin.to_string(),
        message: toml_error_line(&e, text),
    })?;
    file.rule
        .into_iter()
        .enumerate()
        .map(|(index, spec)| {
            Rule::from_spec(spec, origin, eager).map_err(|e| locate_invalid(e, text, index))
        })
        .collect()
}

/// A one-line description of a TOML error: `line N: key: message`.
pub fn toml_error_line(err: &toml::de::Error, text: &str) -> String {
    crate::toml_location::describe(text, err.span(), err.message())
}

/// Locates an `Invalid` error of the `index`-th rule of a file at the line of the value the
/// message names (`invalid regex` → `regex`), else at the rule's `id`.
fn locate_invalid(err: RuleError, text: &str, index: usize) -> RuleError {
    use crate::toml_location::{line_of, span_of, Step};
    let RuleError::Invalid { file, id, message } = err else {
        return err;
    };
    const KEYS: &[(&str, &str)] = &[
        ("invalid path regex", "path"),
        ("invalid content regex", "content"),
        ("invalid regex", "regex"),
        ("min_entropy", "min_entropy"),
        ("unknown checksum", "checksum"),
    ];
    let key = KEYS
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or("id", |(_, key)| key);
    let span = span_of(
        text,
        &[Step::Key("rule"), Step::Index(index), Step::Key(key)],
    )
    .or_else(|| {
        span_of(
            text,
            &[Step::Key("rule"), Step::Index(index), Step::Key("id")],
        )
    });
    match span {
        Some(span) => RuleError::InvalidAt {
            file,
            line: line_of(text, span.start),
            id,
            message,
        },
        None => RuleError::Invalid { file, id, message },
    }
}

/// Reads and parses a user rule file (compiled eagerly).
pub fn load_rule_file(path: &Path) -> Result<Vec<Rule>, RuleError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| RuleError::Read {
        file: origin.clone(),
        error,
    })?;
    parse_rule_file(&text, &origin, true)
}

/// The rules in force.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// Only the built-in rules.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        for (name, text) in builtin::BUILTIN_RULE_FILES {
            rules.extend(parse_rule_file(text, &format!("rules/{name}"), false)?);
        }
        let set = RuleSet { rules };
        set.check_unique_ids()?;
        Ok(set)
    }

    /// Built-ins plus `extra` files, minus the `disable`d ids.
    pub fn load(extra: &[std::path::PathBuf], disable: &[String]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::builtin()?;
        for path in extra {
            set.rules.extend(load_rule_file(path)?);
        }
        set.check_unique_ids()?;
        set.rules.retain(|r| !disable.iter().any(|d| **d == *r.id));
        Ok(set)
    }

    fn check_unique_ids(&self) -> Result<(), RuleError> {
        let mut seen = std::collections::HashMap::new();
        for rule in &self.rules {
            if let Some(first) = seen.insert(rule.id.as_ref(), rule.origin.as_str()) {
                return Err(RuleError::Invalid {
                    file: rule.origin.clone(),
                    id: rule.id.to_string(),
                    message: format!("duplicate id (also in {first})"),
                });
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// A finding's confidence, from the rule that made it ([`Rule::confidence`]). A finding
    /// that no rule of the set made (the `.env` policy's) is `high`: it is a fact about a
    /// file, not a guess about a value.
    pub fn confidence_of(&self, finding: &crate::finding::Finding) -> Confidence {
        // A merged report's finding keeps the rating its shard gave it.
        if let Some(confidence) = finding.merged.as_ref().and_then(|m| m.confidence) {
            return confidence;
        }
        match self.get(&finding.rule) {
            Some(rule) => rule.confidence(finding.secret.as_ref().map(|s| s.expose())),
            None => Confidence::High,
        }
    }

    /// A finding's severity: its rule's, [`Severity::High`] if no rule of the set made it.
    pub fn severity_of(&self, finding: &crate::finding::Finding) -> Severity {
        if let Some(severity) = finding.merged.as_ref().and_then(|m| m.severity) {
            return severity;
        }
        self.get(&finding.rule)
            .map_or(Severity::High, |r| r.severity)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::can_match_newline;

    /// The rule model's library code depends on neither the engine nor the verifier
    /// (issue 12): they depend on it.
    #[test]
    fn rules_depend_on_neither_the_scanner_nor_the_verifier() {
        let sources = [
            ("mod.rs", include_str!("mod.rs")),
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
                can_match_newline(&super::parse_for_newline_reach(source).unwrap()),
                multi(source),
                "{}",
                rule.id
            );
        }
        for pattern in [r"(?i)key\s*=", r"\p{L}+\s", r"[^\p{L}]", r"(?i)é\W"] {
            assert_eq!(
                can_match_newline(&super::parse_for_newline_reach(pattern).unwrap()),
                multi(pattern),
                "{pattern}"
            );
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

    fn rule_from(text: &str) -> super::Rule {
        super::parse_rule_file(text, "t.toml", true)
            .unwrap()
            .remove(0)
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
