//! A rule's `[rule.verify]` table, checked into the plan a rule holds and the verifier runs.
//!
//! The raw table ([`VerifySpec`]) is only the file's shape. [`VerifyPlan::from_spec`] checks
//! everything that can go wrong before any request: each URL parses, its scheme is `https`
//! (or `http` to a loopback address), `{{secret}}` never sits in a host, the methods and
//! header names are valid, every answer rule says what it means, the JSON pointers are
//! pointers and the built-in exists. Rule loading calls it, so a bad table is a load error
//! naming the file rather than a verifier that silently never runs.
//!
//! Two forms are accepted. The current one lists requests (`[[rule.verify.attempt]]`, or
//! the table's own request) and answer rules (`[[rule.verify.when]]`): nothing is dead
//! unless a rule says so. The old one (`live_status`, `dead_status`, `live_json_*`,
//! `dead_json_*`) is translated into answer rules; its `dead_status` must now be written
//! out, since its silent default `[401]` called answers dead that no one had looked at.

use super::syntax::{AttemptSpec, SampleSpec, SpecText, VerifySpec, WhenSpec};
use std::collections::BTreeMap;
use url::{Host, Url};

/// The placeholder replaced by the secret in URLs, headers, bodies and `basic_auth`.
pub const SECRET_PLACEHOLDER: &str = "{{secret}}";
/// The placeholder for the other part of a two-part credential (see `companion`).
pub const COMPANION_PLACEHOLDER: &str = "{{companion}}";
/// The placeholder for the first label of the issuer's host (see `host_label`).
pub const LABEL_PLACEHOLDER: &str = "{{label}}";

/// Why a table that sends `{{companion}}` without saying where it comes from is refused: the
/// placeholder would go out empty, or the secret never be sent, and nobody would know.
const NO_COMPANION: &str = "verify uses {{companion}} but declares no `companion` (the regex whose group finds the credential's other part near the secret)";

/// Built-in verifiers, for checks a table cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// Speckle's GraphQL `activeUser` (SPEC §7).
    Speckle,
    /// Spell was retired in 2022: answers `unknown` without a request.
    Spell,
    /// AWS STS `GetCallerIdentity`, signed with SigV4 with the access key id found near the
    /// secret access key (`companion`).
    Aws,
    /// Azure Storage `List Containers`, signed with Shared Key, at the account the content
    /// names near the key (`companion`).
    AzureStorage,
    /// AWS STS `GetCallerIdentity` for temporary credentials: a session token, signed with the
    /// secret access key found in the same file and that key's temporary key id (`ASIA...`).
    AwsSession,
}

impl Builtin {
    /// Every built-in's name, as written in `verify = { builtin = "..." }`.
    pub const NAMES: &'static [&'static str] =
        &["speckle", "spell", "aws", "aws-session", "azure-storage"];

    pub fn by_name(name: &str) -> Option<Builtin> {
        match name {
            "speckle" => Some(Builtin::Speckle),
            "spell" => Some(Builtin::Spell),
            "aws" => Some(Builtin::Aws),
            "aws-session" => Some(Builtin::AwsSession),
            "azure-storage" => Some(Builtin::AzureStorage),
            _ => None,
        }
    }

    /// Whether the built-in signs with the credential's other part, found by `companion`.
    pub fn needs_companion(self) -> bool {
        matches!(self, Builtin::Aws | Builtin::AzureStorage)
    }

    /// The rule whose secrets, found in the same file, this built-in pairs with: the parts of
    /// AWS temporary credentials (key id, secret access key, session token) are found by two
    /// rules, and each one's check needs the other's.
    pub fn neighbour_rule(self) -> Option<&'static str> {
        match self {
            Builtin::Aws => Some("aws-session-token"),
            Builtin::AwsSession => Some("aws-secret-access-key"),
            _ => None,
        }
    }

    /// The endpoint name used when the table does not give one.
    pub fn default_endpoint(self) -> &'static str {
        match self {
            Builtin::Speckle => "speckle",
            Builtin::Spell => "spell",
            Builtin::Aws | Builtin::AwsSession => "aws",
            Builtin::AzureStorage => "azure-storage",
        }
    }
}

/// What an answer means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Means {
    Live,
    Dead,
    Unknown,
}

impl Means {
    pub const NAMES: &'static [&'static str] = &["live", "dead", "unknown"];

    pub fn by_name(name: &str) -> Option<Means> {
        match name {
            "live" => Some(Means::Live),
            "dead" => Some(Means::Dead),
            "unknown" => Some(Means::Unknown),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Means::Live => "live",
            Means::Dead => "dead",
            Means::Unknown => "unknown",
        }
    }
}

/// A JSON value an answer must hold.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonCheck {
    pub pointer: String,
    /// Accepted values; empty: any value but `null` and `false`. A string also matches a
    /// number or boolean that prints as it (`"false"` matches `false`).
    pub equals: Vec<serde_json::Value>,
}

impl JsonCheck {
    /// Whether `json` holds an accepted value at the pointer; the value found, as text.
    pub fn find(&self, json: Option<&serde_json::Value>) -> Option<String> {
        let value = json?.pointer(&self.pointer)?;
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let accepted = if self.equals.is_empty() {
            !matches!(
                value,
                serde_json::Value::Null | serde_json::Value::Bool(false)
            )
        } else {
            self.equals
                .iter()
                .any(|expected| expected == value || expected.as_str().is_some_and(|e| e == text))
        };
        accepted.then_some(text)
    }
}

/// One answer rule: the shape of an answer and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRule<M = Means> {
    pub statuses: Vec<u16>,
    pub json: Option<JsonCheck>,
    pub body_contains: Option<String>,
    pub means: M,
    pub note: Option<String>,
}

impl<M> AnswerRule<M> {
    /// Whether the rule matches an answer (its status, body text and parsed JSON body):
    /// `Some` with the JSON value it checked, if any; `None` if it does not match. The
    /// verifier and the revoker read answers with the same rules.
    pub fn matches(
        &self,
        status: u16,
        body: &str,
        json: Option<&serde_json::Value>,
    ) -> Option<Option<String>> {
        if !self.statuses.contains(&status) {
            return None;
        }
        if let Some(needle) = &self.body_contains {
            if !body.contains(needle.as_str()) {
                return None;
            }
        }
        match &self.json {
            None => Some(None),
            Some(check) => check.find(json).map(Some),
        }
    }

    /// The rule's note as a detail suffix (`": note"`), or nothing.
    pub fn note_suffix(&self) -> String {
        self.note
            .as_ref()
            .map(|n| format!(": {n}"))
            .unwrap_or_default()
    }
}

/// One request template.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestPlan {
    pub label: Option<String>,
    pub method: String,
    /// The URL template as written; its origin is the default base URL.
    pub url: String,
    pub headers: BTreeMap<String, String>,
    pub body: Option<String>,
    pub basic_auth: Option<String>,
}

/// Checked requests and how to read their answers.
#[derive(Clone, Debug)]
pub struct HttpPlan {
    /// Tried in order; at least one.
    pub attempts: Vec<RequestPlan>,
    /// First match wins; no match is `unknown`.
    pub answers: Vec<AnswerRule>,
    pub scopes_header: Option<String>,
    pub scopes_json_pointer: Option<String>,
    pub identity_json_pointer: Option<String>,
    /// Who else issues secrets of this shape (see `VerifySpec::also_issued_by`).
    pub also_issued_by: Option<String>,
    /// See `VerifySpec::default_accepts`.
    pub default_accepts: Option<regex::Regex>,
    /// See `VerifySpec::host_label`.
    pub host_label: Option<regex::Regex>,
    /// See `VerifySpec::host_label_from_content`.
    pub host_label_from_content: bool,
}

/// How one rule's secrets are verified.
#[derive(Clone, Debug)]
pub enum Check {
    Http(Box<HttpPlan>),
    Builtin(Builtin),
}

/// One recorded answer of the issuer, for `rules check`.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub case: SpecText,
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: SpecText,
    pub expect: Means,
    pub source: SpecText,
}

/// The cases a sample may record.
pub const SAMPLE_CASES: &[&str] = &[
    "live",
    "missing-scope",
    "invalid",
    "revoked",
    "expired",
    "other-region",
    "other-deployment",
    "refresh-token",
    "ip-restricted",
];

/// A checked verify table: the endpoint name plus what to do.
#[derive(Clone, Debug)]
pub struct VerifyPlan {
    /// The `[verify.endpoints]` key that overrides the base URL.
    pub endpoint: String,
    pub check: Check,
    /// See `VerifySpec::server_hint`.
    pub server_hint: Option<String>,
    /// See `VerifySpec::companion`.
    pub companion: Option<String>,
    pub samples: Vec<Sample>,
}

/// How many groups the regex `source` has (besides the whole match), read from its syntax
/// tree, which also says whether it is well formed: a small part of the cost of compiling
/// it (a hook starts in a few milliseconds). The rule compiles it on first use
/// (`Rule::server_hint_regex`), and at load for a user's rule (`Rule::compile`), which
/// catches what the syntax tree cannot (an unknown Unicode class, a pattern too large).
fn capture_groups(source: &str) -> Result<usize, String> {
    use regex_syntax::ast::{self, Ast, GroupKind};
    struct Count(usize);
    impl ast::Visitor for Count {
        type Output = usize;
        type Err = std::convert::Infallible;
        fn finish(self) -> Result<usize, Self::Err> {
            Ok(self.0)
        }
        fn visit_pre(&mut self, ast: &Ast) -> Result<(), Self::Err> {
            if let Ast::Group(group) = ast {
                if !matches!(group.kind, GroupKind::NonCapturing(_)) {
                    self.0 += 1;
                }
            }
            Ok(())
        }
    }
    let tree = ast::parse::Parser::new()
        .parse(source)
        .map_err(|e| super::one_line(&e))?;
    Ok(match ast::visit(&tree, Count(0)) {
        Ok(count) => count,
        Err(never) => match never {},
    })
}

const METHODS: &[&str] = &["GET", "POST", "HEAD", "PUT", "PATCH", "DELETE"];

impl VerifyPlan {
    /// Checks a table; the error says what is wrong, for a message naming the rule file.
    pub fn from_spec(spec: &VerifySpec) -> Result<VerifyPlan, String> {
        if let Some(name) = &spec.endpoint {
            check_endpoint_name(name)?;
        }
        let server_hint = match &spec.server_hint {
            None => None,
            Some(source) => {
                let groups =
                    capture_groups(source).map_err(|e| format!("verify `server_hint`: {e}"))?;
                if groups < 1 {
                    return Err("verify `server_hint` needs a group holding the URL".into());
                }
                Some(source.clone())
            }
        };
        let companion = match &spec.companion {
            None => None,
            Some(source) => {
                let groups =
                    capture_groups(source).map_err(|e| format!("verify `companion`: {e}"))?;
                if groups < 1 {
                    return Err("verify `companion` needs a group holding the other part".into());
                }
                Some(source.clone())
            }
        };
        let samples = spec
            .sample
            .iter()
            .map(check_sample)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(name) = &spec.builtin {
            let builtin = Builtin::by_name(name).ok_or_else(|| {
                format!(
                    "unknown verify builtin `{name}` (known: {})",
                    Builtin::NAMES.join(", ")
                )
            })?;
            if builtin.needs_companion() && companion.is_none() {
                return Err(format!(
                    "verify builtin `{name}` needs a `companion` (the regex whose group finds the credential's other part near the secret)"
                ));
            }
            let extra = table_fields_set(spec);
            if !extra.is_empty() {
                return Err(format!(
                    "verify builtin `{name}` takes only `endpoint`, `server_hint`, `companion` and `sample`, not {}",
                    extra.join(", ")
                ));
            }
            return Ok(VerifyPlan {
                endpoint: spec
                    .endpoint
                    .clone()
                    .unwrap_or_else(|| builtin.default_endpoint().to_string()),
                check: Check::Builtin(builtin),
                server_hint,
                companion,
                samples,
            });
        }
        let endpoint = spec
            .endpoint
            .clone()
            .ok_or("verify needs an `endpoint` name (for [verify.endpoints] overrides)")?;
        let attempts = if spec.attempt.is_empty() {
            vec![request_plan(spec, &AttemptSpec::default())?]
        } else {
            spec.attempt
                .iter()
                .map(|a| request_plan(spec, a))
                .collect::<Result<Vec<_>, _>>()?
        };
        let answers = if spec.when.is_empty() {
            legacy_answers(spec)?
        } else {
            let legacy = legacy_fields_set(spec);
            if !legacy.is_empty() {
                return Err(format!(
                    "verify: `when` replaces {}; keep one form",
                    legacy.join(", ")
                ));
            }
            spec.when
                .iter()
                .map(answer_rule)
                .collect::<Result<Vec<_>, _>>()?
        };
        check_statuses(&answers)?;
        for pointer in [&spec.scopes_json_pointer, &spec.identity_json_pointer]
            .into_iter()
            .flatten()
        {
            check_pointer(pointer)?;
        }
        Ok(VerifyPlan {
            endpoint,
            check: Check::Http(Box::new(HttpPlan {
                attempts,
                answers,
                scopes_header: spec.scopes_header.as_ref().map(|h| h.to_ascii_lowercase()),
                scopes_json_pointer: spec.scopes_json_pointer.clone(),
                identity_json_pointer: spec.identity_json_pointer.clone(),
                also_issued_by: spec.also_issued_by.clone(),
                host_label_from_content: spec.host_label_from_content,
                host_label: match &spec.host_label {
                    None => None,
                    Some(source) => Some(
                        regex::Regex::new(source)
                            .map_err(|e| format!("verify `host_label`: {}", super::one_line(&e)))?,
                    ),
                },
                default_accepts: match &spec.default_accepts {
                    None => None,
                    Some(source) => Some(regex::Regex::new(source).map_err(|e| {
                        format!("verify `default_accepts`: {}", super::one_line(&e))
                    })?),
                },
            })),
            server_hint,
            companion,
            samples,
        })
    }
}

/// One request: the attempt's fields over the table's (also `[rule.revoke]`'s request).
pub(crate) fn request_plan(
    spec: &VerifySpec,
    attempt: &AttemptSpec,
) -> Result<RequestPlan, String> {
    let url = attempt
        .url
        .as_deref()
        .or(spec.url.as_deref())
        .ok_or("verify needs `url` (or `builtin`)")?;
    check_url_template(url)?;
    if url.contains(LABEL_PLACEHOLDER) {
        if spec.host_label.is_none() && !spec.host_label_from_content {
            return Err(
                "verify url holds {{label}} but the table has no `host_label` or `host_label_from_content`"
                    .into(),
            );
        }
        if spec.host_label_from_content && spec.server_hint.is_none() {
            return Err("verify `host_label_from_content` needs a `server_hint`".into());
        }
        let after = url.strip_prefix("https://{{label}}.").unwrap_or_default();
        if after.is_empty() || after.contains(LABEL_PLACEHOLDER) {
            return Err(
                "verify url: {{label}} may only be the first label of an https host with a fixed suffix (https://{{label}}.example.com/...)"
                    .into(),
            );
        }
    }
    let method = attempt
        .method
        .as_deref()
        .or(spec.method.as_deref())
        .unwrap_or("GET")
        .to_ascii_uppercase();
    if !METHODS.contains(&method.as_str()) {
        return Err(format!(
            "verify method `{method}` is not one of {}",
            METHODS.join(", ")
        ));
    }
    let headers = attempt.headers.as_ref().unwrap_or(&spec.headers).clone();
    let body = attempt.body.clone().or_else(|| spec.body.clone());
    let basic_auth = attempt
        .basic_auth
        .clone()
        .or_else(|| spec.basic_auth.clone());
    if body.is_some() && matches!(method.as_str(), "GET" | "HEAD") {
        return Err(format!("verify `body` with method {method}"));
    }
    for (name, value) in &headers {
        ureq::http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("verify header name `{name}` is not valid"))?;
        let sample = value.replace(SECRET_PLACEHOLDER, "x");
        ureq::http::HeaderValue::from_str(&sample)
            .map_err(|_| format!("verify header `{name}` has a value that is not valid"))?;
    }
    let uses_secret = url.contains(SECRET_PLACEHOLDER)
        || headers.values().any(|v| v.contains(SECRET_PLACEHOLDER))
        || body
            .as_deref()
            .is_some_and(|b| b.contains(SECRET_PLACEHOLDER))
        || basic_auth
            .as_deref()
            .is_some_and(|b| b.contains(SECRET_PLACEHOLDER));
    if !uses_secret {
        return Err(
            "verify never sends the secret: put {{secret}} in url, headers, body or basic_auth"
                .into(),
        );
    }
    let uses_companion = url.contains(COMPANION_PLACEHOLDER)
        || headers.values().any(|v| v.contains(COMPANION_PLACEHOLDER))
        || body
            .as_deref()
            .is_some_and(|b| b.contains(COMPANION_PLACEHOLDER))
        || basic_auth
            .as_deref()
            .is_some_and(|b| b.contains(COMPANION_PLACEHOLDER));
    if uses_companion && spec.companion.is_none() {
        return Err(NO_COMPANION.into());
    }
    if let Some(auth) = &basic_auth {
        if !auth.contains(':') {
            return Err("verify `basic_auth` must be `user:password`".into());
        }
    }
    Ok(RequestPlan {
        label: attempt.label.clone(),
        method,
        url: url.to_string(),
        headers,
        body,
        basic_auth,
    })
}

/// A `[[rule.verify.when]]` entry, checked (also `[[rule.revoke.when]]`, whose `means`
/// the caller reads itself).
pub(crate) fn answer_rule(when: &WhenSpec) -> Result<AnswerRule, String> {
    let means = Means::by_name(&when.means).ok_or_else(|| {
        format!(
            "verify `when` means `{}`: not one of {}",
            when.means,
            Means::NAMES.join(", ")
        )
    })?;
    if when.status.is_empty() {
        return Err("verify `when` needs `status` (a list of HTTP statuses)".into());
    }
    if !when.equals.is_empty() && when.json.is_none() {
        return Err("verify `when`: `equals` needs `json` (a JSON pointer)".into());
    }
    let json = match &when.json {
        None => None,
        Some(pointer) => {
            check_pointer(pointer)?;
            Some(JsonCheck {
                pointer: pointer.clone(),
                equals: when
                    .equals
                    .iter()
                    .map(|v| {
                        serde_json::to_value(v).map_err(|e| format!("verify `when` equals: {e}"))
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            })
        }
    };
    Ok(AnswerRule {
        statuses: when.status.clone(),
        json,
        body_contains: when.body_contains.clone(),
        means,
        note: when.note.clone(),
    })
}

/// The old keys as answer rules, in the order the old reader applied them.
fn legacy_answers(spec: &VerifySpec) -> Result<Vec<AnswerRule>, String> {
    if spec.dead_status.is_empty() {
        return Err(
            "verify: no `[[rule.verify.when]]` answer rules and no `dead_status`: say which answers mean rejected (there is no default any more; see docs/verify.md)"
                .into(),
        );
    }
    let live_status = if spec.live_status.is_empty() {
        vec![200]
    } else {
        spec.live_status.clone()
    };
    if let Some(both) = live_status.iter().find(|s| spec.dead_status.contains(s)) {
        return Err(format!("verify status {both} is both live and dead"));
    }
    if spec.live_json_value.is_some() && spec.live_json_pointer.is_none() {
        return Err("verify `live_json_value` needs `live_json_pointer`".into());
    }
    if !spec.dead_json_values.is_empty() && spec.dead_json_pointer.is_none() {
        return Err("verify `dead_json_values` needs `dead_json_pointer`".into());
    }
    let rule = |statuses: &[u16], json: Option<JsonCheck>, means, note: Option<&str>| AnswerRule {
        statuses: statuses.to_vec(),
        json,
        body_contains: None,
        means,
        note: note.map(str::to_string),
    };
    let mut answers = vec![rule(&spec.dead_status, None, Means::Dead, None)];
    match &spec.live_json_pointer {
        None => answers.push(rule(&live_status, None, Means::Live, None)),
        Some(pointer) => {
            check_pointer(pointer)?;
            let equals = match &spec.live_json_value {
                None => Vec::new(),
                Some(value) => vec![serde_json::to_value(value)
                    .map_err(|e| format!("verify `live_json_value`: {e}"))?],
            };
            answers.push(rule(
                &live_status,
                Some(JsonCheck {
                    pointer: pointer.clone(),
                    equals,
                }),
                Means::Live,
                None,
            ));
            if let Some(dead_pointer) = &spec.dead_json_pointer {
                check_pointer(dead_pointer)?;
                let equals = if spec.dead_json_values.is_empty() {
                    Vec::new()
                } else {
                    spec.dead_json_values
                        .iter()
                        .map(|v| serde_json::Value::String(v.clone()))
                        .collect()
                };
                answers.push(rule(
                    &live_status,
                    Some(JsonCheck {
                        pointer: dead_pointer.clone(),
                        equals,
                    }),
                    Means::Dead,
                    None,
                ));
            }
            let note = format!("{pointer} not as expected");
            answers.push(rule(&live_status, None, Means::Unknown, Some(&note)));
        }
    }
    Ok(answers)
}

/// Statuses that can never be read as live or dead: they mean "try later" or "elsewhere".
fn check_statuses(answers: &[AnswerRule]) -> Result<(), String> {
    for answer in answers {
        for status in &answer.statuses {
            if !(100..=599).contains(status) {
                return Err(format!("verify status {status} is not an HTTP status"));
            }
            if answer.means != Means::Unknown
                && (*status == 429 || *status >= 500 || (300..400).contains(status))
            {
                return Err(format!(
                    "verify status {status} cannot be live or dead (it means: try later, or a redirect)"
                ));
            }
        }
    }
    Ok(())
}

fn check_pointer(pointer: &str) -> Result<(), String> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err(format!(
            "verify JSON pointer `{pointer}` must start with `/`"
        ));
    }
    Ok(())
}

fn check_sample(sample: &SampleSpec) -> Result<Sample, String> {
    let expect = check_recorded_answer(
        "verify",
        sample,
        SAMPLE_CASES,
        Means::by_name(&sample.expect),
        Means::NAMES,
    )?;
    Ok(Sample {
        case: sample.case.clone(),
        status: sample.status,
        headers: sample.headers.clone(),
        body: sample.body.clone(),
        expect,
        source: sample.source.clone(),
    })
}

/// The checks every recorded answer shares, whether `what` is `verify` or `revoke`: a
/// known case, an expected meaning among `names` (`expect`, already looked up), a source,
/// and an HTTP status. Returns the expected meaning.
pub(crate) fn check_recorded_answer<M>(
    what: &str,
    sample: &SampleSpec,
    cases: &[&str],
    expect: Option<M>,
    names: &[&str],
) -> Result<M, String> {
    if !cases.contains(&sample.case.as_str()) {
        return Err(format!(
            "{what} sample case `{}`: not one of {}",
            sample.case,
            cases.join(", ")
        ));
    }
    let expect = expect.ok_or_else(|| {
        format!(
            "{what} sample expect `{}`: not one of {}",
            sample.expect,
            names.join(", ")
        )
    })?;
    if sample.source.trim().is_empty() {
        return Err(format!(
            "{what} sample needs a `source` (the page or file it is taken from)"
        ));
    }
    if !(100..=599).contains(&sample.status) {
        return Err(format!(
            "{what} sample status {} is not an HTTP status",
            sample.status
        ));
    }
    Ok(expect)
}

/// Endpoint names are config keys: lowercase `[a-z0-9-_]`.
fn check_endpoint_name(name: &str) -> Result<(), String> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "verify endpoint name `{name}` must be lowercase [a-z0-9-_]"
        ));
    }
    Ok(())
}

/// The old-form keys set, by name.
fn legacy_fields_set(spec: &VerifySpec) -> Vec<&'static str> {
    let mut set = Vec::new();
    let mut note = |present: bool, name: &'static str| {
        if present {
            set.push(name);
        }
    };
    note(!spec.live_status.is_empty(), "live_status");
    note(!spec.dead_status.is_empty(), "dead_status");
    note(spec.live_json_pointer.is_some(), "live_json_pointer");
    note(spec.live_json_value.is_some(), "live_json_value");
    note(spec.dead_json_pointer.is_some(), "dead_json_pointer");
    note(!spec.dead_json_values.is_empty(), "dead_json_values");
    set
}

/// The table fields a builtin does not take, by name.
fn table_fields_set(spec: &VerifySpec) -> Vec<&'static str> {
    let mut set = legacy_fields_set(spec);
    let mut note = |present: bool, name: &'static str| {
        if present {
            set.push(name);
        }
    };
    note(spec.method.is_some(), "method");
    note(spec.url.is_some(), "url");
    note(!spec.headers.is_empty(), "headers");
    note(spec.body.is_some(), "body");
    note(spec.basic_auth.is_some(), "basic_auth");
    note(!spec.attempt.is_empty(), "attempt");
    note(!spec.when.is_empty(), "when");
    note(spec.also_issued_by.is_some(), "also_issued_by");
    note(spec.default_accepts.is_some(), "default_accepts");
    note(spec.host_label.is_some(), "host_label");
    note(spec.host_label_from_content, "host_label_from_content");
    note(spec.scopes_header.is_some(), "scopes_header");
    note(spec.scopes_json_pointer.is_some(), "scopes_json_pointer");
    note(
        spec.identity_json_pointer.is_some(),
        "identity_json_pointer",
    );
    set
}

// URL policy for templates (rule loading); `verify::endpoint` applies it to requests.

/// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`) or `localhost`.
pub fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
        Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
    }
}

/// The scheme policy: `https` anywhere, `http` only to loopback.
pub fn check_scheme(url: &Url) -> Result<(), String> {
    let host = url.host().ok_or("the URL has no host")?;
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(&host) => Ok(()),
        "http" => Err(format!(
            "plain http is allowed only to loopback addresses, not to {host}"
        )),
        other => Err(format!("URL scheme `{other}` is not https")),
    }
}

/// Splits a URL template at the end of its authority: (`https://host:port`, `/path?query`).
pub fn split_origin(template: &str) -> Result<(&str, &str), String> {
    let after_scheme = template
        .find("://")
        .map(|i| i + 3)
        .ok_or("verify url must be absolute (https://...)")?;
    let end = template[after_scheme..]
        .find(['/', '?', '#'])
        .map(|i| i + after_scheme)
        .unwrap_or(template.len());
    Ok((&template[..end], &template[end..]))
}

/// Checks a rule's URL template (rule loading).
pub fn check_url_template(template: &str) -> Result<(), String> {
    let (origin, rest) = split_origin(template)?;
    if origin.contains(SECRET_PLACEHOLDER) {
        return Err("verify url: {{secret}} may not be in the host".into());
    }
    if origin.contains(COMPANION_PLACEHOLDER) {
        return Err("verify url: {{companion}} may not be in the host".into());
    }
    if rest.contains('#') {
        return Err("verify url: no fragment".into());
    }
    let url = Url::parse(
        &template
            .replace(SECRET_PLACEHOLDER, "x")
            .replace(COMPANION_PLACEHOLDER, "x")
            .replace(LABEL_PLACEHOLDER, "x"),
    )
    .map_err(|e| format!("verify url is not a URL: {e}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("verify url: no user name or password in the URL (use basic_auth)".into());
    }
    check_scheme(&url).map_err(|e| format!("verify url: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> VerifySpec {
        toml::from_str(text).unwrap()
    }

    fn http(plan: VerifyPlan) -> HttpPlan {
        match plan.check {
            Check::Http(http) => *http,
            Check::Builtin(_) => panic!("not an http plan"),
        }
    }

    /// The syntax tree's count is the compiled regex's, on every built-in `server_hint` and
    /// `companion` and on the group kinds there are.
    #[test]
    fn capture_groups_counts_what_the_compiled_regex_counts() {
        let set = crate::rules::RuleSet::builtin().unwrap();
        let mut sources: Vec<String> = set
            .rules
            .iter()
            .filter_map(|r| r.spec.verify.as_ref())
            .flat_map(|v| [v.server_hint.clone(), v.companion.clone()])
            .flatten()
            .collect();
        assert!(sources.len() >= 5, "{sources:?}");
        sources.extend(
            [
                r"a",
                r"(a)(?:b)(?P<c>c)(?<d>d)",
                r"(?i)(x(y))",
                r"\(not a group\)",
                r"[(]",
            ]
            .map(String::from),
        );
        for source in &sources {
            let compiled = regex::Regex::new(source).unwrap();
            assert_eq!(
                capture_groups(source).unwrap(),
                compiled.captures_len() - 1,
                "{source}"
            );
        }
        let err = capture_groups("k(").unwrap_err();
        assert!(
            crate::rules::one_line(&err).contains("unclosed group"),
            "{err}"
        );
    }

    #[test]
    fn an_old_form_table_becomes_answer_rules() {
        let plan = http(
            VerifyPlan::from_spec(&spec(
                r#"endpoint = "github"
url = "https://api.github.com/user"
headers = { Authorization = "token {{secret}}" }
scopes_header = "X-OAuth-Scopes"
dead_status = [401]"#,
            ))
            .unwrap(),
        );
        assert_eq!(plan.attempts.len(), 1);
        assert_eq!(plan.attempts[0].method, "GET");
        let read: Vec<(Vec<u16>, Means)> = plan
            .answers
            .iter()
            .map(|a| (a.statuses.clone(), a.means))
            .collect();
        assert_eq!(
            read,
            vec![(vec![401], Means::Dead), (vec![200], Means::Live)]
        );
        assert_eq!(plan.scopes_header.as_deref(), Some("x-oauth-scopes"));
    }

    #[test]
    fn an_old_form_table_without_dead_status_is_an_error_not_a_silent_401() {
        let err = VerifyPlan::from_spec(&spec(
            r#"endpoint = "x"
url = "https://api.example.com/me"
headers = { Authorization = "Bearer {{secret}}" }"#,
        ))
        .unwrap_err();
        assert!(err.contains("no `dead_status`"), "{err}");
    }

    #[test]
    fn attempts_take_the_table_fields_as_defaults() {
        let plan = http(
            VerifyPlan::from_spec(&spec(
                r#"endpoint = "x"
headers = { K = "{{secret}}" }

[[attempt]]
label = "EU"
url = "https://api.example.eu/me"

[[attempt]]
url = "https://api.example.com/me"
headers = { Other = "{{secret}}" }

[[when]]
status = [200]
means = "live"
"#,
            ))
            .unwrap(),
        );
        assert_eq!(plan.attempts.len(), 2);
        assert_eq!(plan.attempts[0].label.as_deref(), Some("EU"));
        assert!(plan.attempts[0].headers.contains_key("K"));
        assert!(plan.attempts[1].headers.contains_key("Other"));
        assert!(!plan.attempts[1].headers.contains_key("K"));
    }

    #[test]
    fn bad_tables_are_rejected_with_a_reason() {
        let cases = [
            (r#"builtin = "nope""#, "unknown verify builtin"),
            (
                r#"builtin = "speckle"
url = "https://x.example/""#,
                "takes only `endpoint`",
            ),
            (
                r#"endpoint = "x"
url = "https://{{secret}}.example.com/"
dead_status = [401]"#,
                "host",
            ),
            (
                r#"endpoint = "x"
url = "http://api.example.com/{{secret}}"
dead_status = [401]"#,
                "http",
            ),
            (
                r#"endpoint = "x"
url = "ftp://api.example.com/{{secret}}"
dead_status = [401]"#,
                "scheme",
            ),
            (r#"url = "https://api.example.com/{{secret}}""#, "endpoint"),
            (
                r#"endpoint = "x"
url = "https://api.example.com/me"
dead_status = [401]"#,
                "never sends the secret",
            ),
            (
                r#"endpoint = "x"
method = "BREW"
url = "https://api.example.com/{{secret}}"
dead_status = [401]"#,
                "method",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_status = [200]
dead_status = [200]"#,
                "both live and dead",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_status = [503]
dead_status = [401]"#,
                "cannot be live or dead",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_json_pointer = "ok"
dead_status = [401]"#,
                "must start with `/`",
            ),
            (
                r#"endpoint = "Bad Name"
url = "https://api.example.com/{{secret}}""#,
                "endpoint name",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/me"
headers = { "Bad Header" = "{{secret}}" }
dead_status = [401]"#,
                "header name",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
[[when]]
status = [200]
means = "maybe""#,
                "means `maybe`",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
[[when]]
means = "live""#,
                "needs `status`",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
dead_status = [401]
[[when]]
status = [200]
means = "live""#,
                "keep one form",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
[[when]]
status = [429]
means = "dead""#,
                "cannot be live or dead",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
[[when]]
status = [200]
means = "live"
[[sample]]
case = "sunny"
status = 200
expect = "live"
source = "x""#,
                "case `sunny`",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
[[when]]
status = [200]
means = "live"
[[sample]]
case = "live"
status = 200
expect = "live"
source = """#,
                "needs a `source`",
            ),
        ];
        for (text, expected) in cases {
            let err = VerifyPlan::from_spec(&spec(text)).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn a_table_sending_the_companion_must_declare_it() {
        for place in [
            r#"url = "https://api.example.com/accounts/{{companion}}"
headers = { K = "{{secret}}" }"#,
            r#"url = "https://api.example.com/me"
basic_auth = "{{companion}}:{{secret}}""#,
            r#"url = "https://api.example.com/me"
headers = { Account = "{{companion}}", K = "{{secret}}" }"#,
        ] {
            let table =
                format!("endpoint = \"x\"\n{place}\n[[when]]\nstatus = [200]\nmeans = \"live\"\n");
            let err = VerifyPlan::from_spec(&spec(&table)).unwrap_err();
            assert!(err.contains("declares no `companion`"), "{table}: {err}");
            let declared = format!("companion = '(AC[0-9a-f]{{32}})'\n{table}");
            assert!(
                VerifyPlan::from_spec(&spec(&declared)).is_ok(),
                "{declared}"
            );
        }
        let err = VerifyPlan::from_spec(&spec(r#"builtin = "aws""#)).unwrap_err();
        assert!(err.contains("needs a `companion`"), "{err}");
    }

    #[test]
    fn a_missing_companion_is_a_load_error_naming_the_rule_file() {
        let text = r#"
[[rule]]
id = "acme-secret"
title = "Acme secret"
regex = '''\b(acme_[a-z0-9]{24})\b'''
keywords = ["acme_"]
examples = ["acme_0123456789abcdefghijklmn"]
negative_examples = ["acme_x"]

[rule.verify]
endpoint = "acme"
url = "https://api.acme.example/v1/accounts/{{companion}}"
basic_auth = "{{companion}}:{{secret}}"

[[rule.verify.when]]
status = [200]
means = "live"
"#;
        let err = crate::rules::parse_rule_file(text, "rules/acme.toml", true).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("rules/acme.toml: "), "{message}");
        assert!(message.contains("acme-secret"), "{message}");
        assert!(message.contains("declares no `companion`"), "{message}");
    }

    #[test]
    fn a_builtin_gets_its_default_endpoint_name() {
        let plan = VerifyPlan::from_spec(&spec(r#"builtin = "speckle""#)).unwrap();
        assert_eq!(plan.endpoint, "speckle");
        assert!(matches!(plan.check, Check::Builtin(Builtin::Speckle)));
    }
}
