//! From rule-file text to checked [`Rule`]s: the errors a rule author sees.
//!
//! Every check that can be made without compiling a regex is made here, and each error
//! names the file, the rule and (when the TOML says) the line: a bad user rule is exit 2
//! with a message that says what to fix, never a silent gap in what is scanned.

use super::lazy_regex::LazyRegex;
use super::{
    inspect, literals, revoke_plan, syntax, KeywordBoundary, Rule, RuleError, RuleSpec, Validator,
    VerifyPlan,
};
use crate::finding::{FindingKind, Severity};
use std::path::Path;
use std::sync::{Arc, OnceLock};

impl Rule {
    /// Builds a rule from its table, checking everything that can be checked without
    /// compiling a regex. `eager` compiles them too (user rules).
    pub fn from_spec(spec: RuleSpec, origin: &str, eager: bool) -> Result<Rule, RuleError> {
        Rule::build(spec, &Arc::from(origin), eager, None)
    }

    /// A built-in rule from the build script's pre-parsed form: as [`Rule::from_spec`], but
    /// its verify and revoke tables ([`Rule::verify`]) and its context rule
    /// ([`Rule::context`]) are checked on first use, since a scan without `--verify` never
    /// reads the former and one that meets none of its keywords never the latter (issue 17,
    /// start-up). `encoded` is the table's own bytes in the binary, which the rule keeps
    /// instead of the decoded table ([`super::spec_cell`]).
    pub(crate) fn from_builtin_spec(
        spec: RuleSpec,
        encoded: &'static [u8],
        origin: &Arc<str>,
    ) -> Result<Rule, RuleError> {
        Rule::build(spec, origin, false, Some(encoded))
    }

    /// `builtin` is a built-in rule's encoded table: its verify, revoke and context parts
    /// are then built on first use, and the rule keeps the bytes, not the decoded table.
    fn build(
        mut spec: RuleSpec,
        origin: &Arc<str>,
        eager: bool,
        builtin: Option<&'static [u8]>,
    ) -> Result<Rule, RuleError> {
        let on_first_use = builtin.is_some();
        // Borrowed, for a built-in rule: copied only into an error.
        let id = spec.id.clone();
        let invalid = |message: String| RuleError::Invalid {
            file: origin.to_string(),
            id: id.to_string(),
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
        // A built-in rule's context rule is built on first use (`Rule::context`).
        let context = OnceLock::new();
        if is_context && !on_first_use {
            let rule = crate::context::rule::ContextRule::from_spec(
                spec.value.as_deref(),
                &spec.context,
                spec.fallback,
            )
            .map_err(&invalid)?;
            let _ = context.set(Some(Box::new(rule)));
        }
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
        let later = OnceLock::new();
        if !on_first_use {
            let parts = super::Later::default();
            let (verify, revoke) = (&parts.verify, &parts.revoke);
            let plan = match &spec.verify {
                None => None,
                Some(verify) => Some(Box::new(VerifyPlan::from_spec(verify).map_err(&invalid)?)),
            };
            let _ = verify.set(plan);
            let plan = match &spec.revoke {
                None => None,
                Some(revoke) => Some(Box::new(
                    revoke_plan::RevokePlan::from_spec(revoke).map_err(&invalid)?,
                )),
            };
            let _ = revoke.set(plan);
            let _ = later.set(Box::new(parts));
        }
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
        let kind = if spec.regex.is_some() || is_context {
            FindingKind::Secret
        } else {
            FindingKind::File
        };
        // `keyword_guarded` reads `(?i:name` openers; most regexes have none, and asking it
        // per keyword lowercases the whole pattern each time (a start-up cost, issue 17).
        let has_opener = spec.regex.as_ref().is_some_and(|regex| {
            regex
                .as_bytes()
                .windows(4)
                .any(|w| w.eq_ignore_ascii_case(b"(?i:"))
        });
        // A built-in rule's anchors stay encoded until its context rule is built; the
        // build script listed the rules that have such an anchor.
        let file_or_path_anchor = is_context
            && if on_first_use {
                super::builtin::has_file_anchor(&spec.id)
            } else {
                spec.context
                    .iter()
                    .any(|a| a.file.is_some() || a.path.is_some())
            };
        let keyword_starts_word = spec
            .keywords
            .iter()
            .map(|k| match (spec.keyword_boundary, &spec.regex) {
                (Some(KeywordBoundary::Word), _) => true,
                (Some(KeywordBoundary::Anywhere), _) | (None, None) => false,
                (None, Some(_)) if !has_opener => false,
                (None, Some(regex)) => literals::keyword_guarded(regex, k),
            })
            .collect();
        // A built-in rule does not keep its decoded table (`spec_cell`), so its keyword
        // list is taken, lowercased in place, instead of copied.
        let keywords = match builtin {
            Some(_) => std::mem::take(&mut spec.keywords),
            None => spec.keywords.clone(),
        };
        let keywords = keywords
            .into_iter()
            .map(|k| {
                // An ASCII keyword (all built-in ones) is lowercase when it has no ASCII
                // capital; asking Unicode's tables per character was ~1 % of a one-file
                // scan's start (issue 17). The answer is the same.
                let lower = if k.is_ascii() {
                    !k.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    k.chars().all(|c| c.to_lowercase().eq(std::iter::once(c)))
                };
                if lower {
                    k
                } else {
                    k.to_lowercase().into()
                }
            })
            .collect();
        let rule = Rule {
            id: spec.id.as_str().into(),
            provider: spec.provider.clone(),
            kind,
            keywords,
            keyword_starts_word,
            min_entropy: spec.min_entropy,
            validator,
            severity: spec.severity.unwrap_or(Severity::High),
            known_public,
            path: spec.path.clone().map(|p| Box::new(LazyRegex::from_text(p))),
            content: spec
                .content
                .clone()
                .map(|c| Box::new(LazyRegex::from_text(c))),
            inspector,
            regex: spec.regex.clone().map(LazyRegex::from_text),
            single_line: OnceLock::new(),
            later,
            origin: Arc::clone(origin),
            spec: match builtin {
                Some(encoded) => super::spec_cell::SpecCell::encoded(encoded),
                None => super::spec_cell::SpecCell::decoded(spec),
            },
            is_context,
            file_or_path_anchor,
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
