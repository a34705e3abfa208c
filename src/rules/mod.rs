//! Rules: the data that says what a secret looks like (SPEC §5).
//!
//! Rule files are parsed by [`syntax`], checked here into [`Rule`]s, and gathered into a
//! [`RuleSet`] from the built-ins ([`builtin`]) plus any `[rules] extra` files, minus the
//! `[rules] disable` list. Regexes of built-in rules are compiled lazily, the first time the
//! prefilter sees one of the rule's keywords, so a hook that touches three files does not
//! compile every pattern; user rules are compiled at load time so that a bad regex is an
//! error (exit 2) naming the file, not a silent gap. [`check`] is `leakgate rules check`.

pub mod builtin;
pub mod check;
pub mod syntax;

use crate::finding::FindingKind;
use crate::scan::checksum::Checksum;
use std::path::Path;
use std::sync::OnceLock;
pub use syntax::{RuleSpec, VerifySpec};

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
    pub id: String,
    pub title: String,
    pub provider: Option<String>,
    pub kind: FindingKind,
    pub keywords: Vec<String>,
    pub min_entropy: Option<f64>,
    pub checksum: Option<Checksum>,
    pub path: Option<regex::Regex>,
    pub content: Option<regex::bytes::Regex>,
    /// Whether the regex can only match within one line (it cannot match a `\n`). The
    /// prefilter then runs it on the keyword's line alone, not on a wide window.
    pub single_line: bool,
    pub remediation: Option<String>,
    pub verify: Option<VerifySpec>,
    /// The file the rule came from (`rules/github.toml`, or a user file's path).
    pub origin: String,
    pub spec: RuleSpec,
    regex_source: Option<String>,
    compiled: OnceLock<Result<regex::bytes::Regex, String>>,
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
        let source = self.regex_source.as_ref()?;
        self.compiled
            .get_or_init(|| compile_bytes(source))
            .as_ref()
            .ok()
    }

    /// Compiles the regex now, reporting why it cannot be compiled.
    pub fn compile(&self) -> Result<(), String> {
        match &self.regex_source {
            None => Ok(()),
            Some(source) => self
                .compiled
                .get_or_init(|| compile_bytes(source))
                .as_ref()
                .map(|_| ())
                .map_err(Clone::clone),
        }
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
            (Some(re), Some(path)) => re.is_match(path),
            (Some(_), None) => false,
        }
    }

    /// Builds a rule from its table, checking everything that can be checked without
    /// compiling the main regex. `eager` compiles it too (user rules).
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
        if spec.regex.is_none() && spec.path.is_none() {
            return Err(invalid("needs `regex`, `path`, or both".into()));
        }
        if spec.content.is_some() && spec.regex.is_some() {
            return Err(invalid(
                "`content` is for sensitive-file rules (no `regex`)".into(),
            ));
        }
        if let Some(min) = spec.min_entropy {
            if !(0.0..=8.0).contains(&min) {
                return Err(invalid(format!("min_entropy {min} is outside 0..8")));
            }
        }
        let checksum = match &spec.checksum {
            None => None,
            Some(name) => Some(Checksum::by_name(name).ok_or_else(|| {
                invalid(format!(
                    "unknown checksum `{name}` (known: {})",
                    Checksum::NAMES.join(", ")
                ))
            })?),
        };
        let path = match &spec.path {
            None => None,
            Some(p) => Some(
                regex::RegexBuilder::new(p)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|e| invalid(format!("invalid path regex: {}", one_line(&e))))?,
            ),
        };
        let content = match &spec.content {
            None => None,
            Some(c) => {
                Some(compile_bytes(c).map_err(|e| invalid(format!("invalid content regex: {e}")))?)
            }
        };
        let single_line = match &spec.regex {
            Some(_) if spec.multiline => false,
            // Parse even when compiling lazily, so that a syntax error is always a load
            // error.
            Some(source) => is_single_line(
                &parse_for_newline_reach(source)
                    .map_err(|e| invalid(format!("invalid regex: {e}")))?,
            ),
            None => true,
        };
        if let Some(verify) = &spec.verify {
            crate::verify::spec::VerifyPlan::from_spec(verify).map_err(&invalid)?;
        }
        let kind = if spec.regex.is_some() {
            FindingKind::Secret
        } else {
            FindingKind::File
        };
        let rule = Rule {
            id: spec.id.clone(),
            title: spec.title.clone(),
            provider: spec.provider.clone(),
            kind,
            keywords: spec.keywords.iter().map(|k| k.to_lowercase()).collect(),
            min_entropy: spec.min_entropy,
            checksum,
            path,
            content,
            single_line,
            remediation: spec.remediation.clone(),
            verify: spec.verify.clone(),
            origin: origin.to_string(),
            regex_source: spec.regex.clone(),
            compiled: OnceLock::new(),
            spec,
        };
        if eager {
            rule.compile()
                .map_err(|e| invalid(format!("invalid regex: {e}")))?;
        }
        Ok(rule)
    }
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

fn compile_bytes(source: &str) -> Result<regex::bytes::Regex, String> {
    regex::bytes::RegexBuilder::new(source)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| one_line(&e))
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
        set.rules.retain(|r| !disable.contains(&r.id));
        Ok(set)
    }

    fn check_unique_ids(&self) -> Result<(), RuleError> {
        let mut seen = std::collections::HashMap::new();
        for rule in &self.rules {
            if let Some(first) = seen.insert(rule.id.as_str(), rule.origin.as_str()) {
                return Err(RuleError::Invalid {
                    file: rule.origin.clone(),
                    id: rule.id.clone(),
                    message: format!("duplicate id (also in {first})"),
                });
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
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
            let Some(source) = &rule.regex_source else {
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
