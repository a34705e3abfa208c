//! A rule's `[rule.revoke]` table, checked into the plan `leakgate revoke` runs.
//!
//! The table says the one request that asks the issuer to revoke a secret it issued, with
//! the secret itself as the credential (GitLab's `personal_access_tokens/self`, Slack's
//! `auth.revoke`) or as the payload (GitHub's credential revocation API), and how to read the
//! issuer's answer. Its request goes through the same checks as a `[rule.verify]` request
//! (`verify_plan::request_plan`): an `https` URL (or `http` to loopback), `{{secret}}` never
//! in the host, valid methods and headers. Its answers say `revoked`, `submitted` (the issuer
//! took the request but does not say whether the secret was valid), `invalid` (the issuer
//! does not accept the secret: nothing left to revoke) or `failed` (it refused: a missing
//! scope, a bad request), and each table must cite the provider's page (`docs`).

use super::syntax::{AttemptSpec, RevokeSpec, SampleSpec, SpecText, VerifySpec, WhenSpec};
use super::verify_plan::{
    answer_rule, check_recorded_answer, request_plan, AnswerRule, RequestPlan,
};

/// What the issuer's answer to a revocation request says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevokeMeans {
    /// The issuer revoked the secret.
    Revoked,
    /// The issuer took the request; it revokes the secret if the secret is valid and does not
    /// say whether it was (GitHub's credential revocation API answers 202 to any list).
    Submitted,
    /// The issuer does not accept the secret: invalid, already revoked or expired.
    Invalid,
    /// The issuer refused or could not do it; the secret may still be live.
    Failed,
}

impl RevokeMeans {
    pub const NAMES: &'static [&'static str] = &["revoked", "submitted", "invalid", "failed"];

    pub fn by_name(name: &str) -> Option<RevokeMeans> {
        match name {
            "revoked" => Some(RevokeMeans::Revoked),
            "submitted" => Some(RevokeMeans::Submitted),
            "invalid" => Some(RevokeMeans::Invalid),
            "failed" => Some(RevokeMeans::Failed),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RevokeMeans::Revoked => "revoked",
            RevokeMeans::Submitted => "submitted",
            RevokeMeans::Invalid => "invalid",
            RevokeMeans::Failed => "failed",
        }
    }
}

/// One `[[rule.revoke.when]]` entry, checked: an answer rule whose meaning is a
/// revocation outcome.
pub type RevokeAnswer = AnswerRule<RevokeMeans>;

/// Built-in revokers, for requests a table cannot say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevokeBuiltin {
    /// Speckle's GraphQL mutation `apiTokenRevoke`, which needs the `tokens:write` scope.
    Speckle,
    /// Discord's `DELETE /webhooks/{id}/{token}`, with the id and token taken from the
    /// webhook URL the rule finds.
    DiscordWebhook,
    /// Cloudflare's token lookup (`user/tokens/verify`) then `DELETE user/tokens/{id}`,
    /// which needs the token's `API Tokens Write` permission.
    Cloudflare,
}

impl RevokeBuiltin {
    pub const NAMES: &'static [&'static str] = &["speckle", "discord-webhook", "cloudflare"];

    pub fn by_name(name: &str) -> Option<RevokeBuiltin> {
        match name {
            "speckle" => Some(RevokeBuiltin::Speckle),
            "discord-webhook" => Some(RevokeBuiltin::DiscordWebhook),
            "cloudflare" => Some(RevokeBuiltin::Cloudflare),
            _ => None,
        }
    }
}

/// A table revoker: one request and its answer rules.
#[derive(Clone, Debug)]
pub struct RevokeHttp {
    pub request: RequestPlan,
    /// First match wins; no match is `failed`.
    pub answers: Vec<RevokeAnswer>,
    /// See `RevokeSpec::also_issued_by`.
    pub also_issued_by: Option<String>,
    /// See `RevokeSpec::default_accepts`.
    pub default_accepts: Option<regex::Regex>,
}

/// How one rule's secrets are revoked.
#[derive(Clone, Debug)]
pub enum RevokeCheck {
    Http(Box<RevokeHttp>),
    Builtin(RevokeBuiltin),
}

/// One recorded answer of the issuer to a revocation request.
#[derive(Clone, Debug, PartialEq)]
pub struct RevokeSample {
    pub case: SpecText,
    pub status: u16,
    pub headers: std::collections::BTreeMap<String, String>,
    pub body: SpecText,
    pub expect: RevokeMeans,
    pub source: SpecText,
}

/// The cases a revocation sample may record.
pub const REVOKE_SAMPLE_CASES: &[&str] = &[
    "revoked",
    "invalid",
    "missing-scope",
    "error",
    "other-deployment",
];

/// A checked `[rule.revoke]` table.
#[derive(Clone, Debug)]
pub struct RevokePlan {
    /// The `[verify.endpoints]` key whose base URL replaces the default origin.
    pub endpoint: String,
    pub check: RevokeCheck,
    /// The provider's page documenting the request.
    pub docs: String,
    pub samples: Vec<RevokeSample>,
}

impl RevokePlan {
    /// Checks a table; the error says what is wrong, for a message naming the rule file.
    pub fn from_spec(spec: &RevokeSpec) -> Result<RevokePlan, String> {
        let docs = spec
            .docs
            .clone()
            .filter(|d| d.starts_with("https://"))
            .ok_or("revoke needs `docs`, the https:// page of the provider that documents it")?;
        let samples = spec
            .sample
            .iter()
            .map(check_sample)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(name) = &spec.builtin {
            let builtin = RevokeBuiltin::by_name(name).ok_or_else(|| {
                format!(
                    "unknown revoke builtin `{name}` (known: {})",
                    RevokeBuiltin::NAMES.join(", ")
                )
            })?;
            if spec.url.is_some()
                || spec.method.is_some()
                || !spec.headers.is_empty()
                || spec.body.is_some()
                || !spec.when.is_empty()
                || spec.also_issued_by.is_some()
                || spec.default_accepts.is_some()
            {
                return Err(format!(
                    "revoke builtin `{name}` takes only `endpoint`, `docs` and `sample`"
                ));
            }
            return Ok(RevokePlan {
                endpoint: spec.endpoint.clone().unwrap_or_else(|| name.clone()),
                check: RevokeCheck::Builtin(builtin),
                docs,
                samples,
            });
        }
        let endpoint = spec
            .endpoint
            .clone()
            .ok_or("revoke needs an `endpoint` name (for [verify.endpoints] overrides)")?;
        if endpoint.is_empty()
            || !endpoint
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(format!(
                "revoke endpoint name `{endpoint}` must be lowercase [a-z0-9-_]"
            ));
        }
        // The request goes through the verifier's checks, from a table holding only it.
        let as_verify = VerifySpec {
            method: Some(spec.method.clone().unwrap_or_else(|| "POST".into())),
            url: spec.url.clone(),
            headers: spec.headers.clone(),
            body: spec.body.clone(),
            ..VerifySpec::default()
        };
        let request = request_plan(&as_verify, &AttemptSpec::default())
            .map_err(|e| format!("revoke: {e}"))?;
        if spec.when.is_empty() {
            return Err("revoke needs `[[rule.revoke.when]]` answer rules".into());
        }
        let answers = spec
            .when
            .iter()
            .map(revoke_answer)
            .collect::<Result<Vec<_>, _>>()?;
        if !answers
            .iter()
            .any(|a| matches!(a.means, RevokeMeans::Revoked | RevokeMeans::Submitted))
        {
            return Err("revoke: no `when` entry means `revoked` or `submitted`".into());
        }
        let default_accepts = match &spec.default_accepts {
            None => None,
            Some(source) => Some(
                regex::Regex::new(source)
                    .map_err(|e| format!("revoke `default_accepts`: {}", super::one_line(&e)))?,
            ),
        };
        Ok(RevokePlan {
            endpoint,
            check: RevokeCheck::Http(Box::new(RevokeHttp {
                request,
                answers,
                also_issued_by: spec.also_issued_by.clone(),
                default_accepts,
            })),
            docs,
            samples,
        })
    }
}

fn revoke_answer(when: &WhenSpec) -> Result<RevokeAnswer, String> {
    let means = RevokeMeans::by_name(&when.means).ok_or_else(|| {
        format!(
            "revoke `when` means `{}`: not one of {}",
            when.means,
            RevokeMeans::NAMES.join(", ")
        )
    })?;
    // The shape (statuses, JSON pointer, equals) is checked as a verify entry's is.
    let shape = answer_rule(&WhenSpec {
        means: "unknown".into(),
        ..when.clone()
    })
    .map_err(|e| e.replacen("verify", "revoke", 1))?;
    for status in &shape.statuses {
        if !(100..=599).contains(status) {
            return Err(format!("revoke status {status} is not an HTTP status"));
        }
        if means != RevokeMeans::Failed
            && (*status == 429 || *status >= 500 || (300..400).contains(status))
        {
            return Err(format!(
                "revoke status {status} can only mean `failed` (it means: try later, or a redirect)"
            ));
        }
    }
    Ok(RevokeAnswer {
        statuses: shape.statuses,
        json: shape.json,
        body_contains: shape.body_contains,
        means,
        note: shape.note,
    })
}

fn check_sample(sample: &SampleSpec) -> Result<RevokeSample, String> {
    let expect = check_recorded_answer(
        "revoke",
        sample,
        REVOKE_SAMPLE_CASES,
        RevokeMeans::by_name(&sample.expect),
        RevokeMeans::NAMES,
    )?;
    Ok(RevokeSample {
        case: sample.case.clone(),
        status: sample.status,
        headers: sample.headers.clone(),
        body: sample.body.clone(),
        expect,
        source: sample.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> RevokeSpec {
        toml::from_str(text).unwrap()
    }

    const GITLAB: &str = r#"endpoint = "gitlab"
method = "DELETE"
url = "https://gitlab.com/api/v4/personal_access_tokens/self"
headers = { PRIVATE-TOKEN = "{{secret}}" }
docs = "https://docs.gitlab.com/api/personal_access_tokens/"
[[when]]
status = [204]
means = "revoked"
[[when]]
status = [401]
means = "invalid"
"#;

    #[test]
    fn a_table_becomes_one_request_and_its_answers() {
        let plan = RevokePlan::from_spec(&spec(GITLAB)).unwrap();
        assert_eq!(plan.endpoint, "gitlab");
        let RevokeCheck::Http(http) = plan.check else {
            panic!("not a table");
        };
        assert_eq!(http.request.method, "DELETE");
        assert_eq!(http.answers.len(), 2);
        assert_eq!(http.answers[0].means, RevokeMeans::Revoked);
        assert_eq!(http.answers[1].means, RevokeMeans::Invalid);
    }

    #[test]
    fn bad_tables_are_rejected_with_a_reason() {
        let cases = [
            (GITLAB.replace("docs = \"https://docs.gitlab.com/api/personal_access_tokens/\"\n", ""), "docs"),
            (GITLAB.replace("https://gitlab.com", "http://gitlab.com"), "http"),
            (GITLAB.replace("PRIVATE-TOKEN = \"{{secret}}\"", "X = \"y\""), "never sends the secret"),
            (GITLAB.replace("means = \"invalid\"", "means = \"gone\""), "means `gone`"),
            (GITLAB.replace("status = [401]", "status = [503]"), "can only mean `failed`"),
            (GITLAB.replace("means = \"revoked\"", "means = \"failed\""), "no `when` entry means `revoked`"),
            (GITLAB.replace("endpoint = \"gitlab\"", "endpoint = \"Git Lab\""), "endpoint name"),
            ("builtin = \"nope\"\ndocs = \"https://x.example/\"".to_string(), "unknown revoke builtin"),
            ("builtin = \"speckle\"\nurl = \"https://x.example/\"\ndocs = \"https://x.example/\"".to_string(), "takes only"),
            (format!("{GITLAB}[[sample]]\ncase = \"sunny\"\nstatus = 204\nexpect = \"revoked\"\nsource = \"x\"\n"), "case `sunny`"),
            (format!("{GITLAB}[[sample]]\ncase = \"revoked\"\nstatus = 204\nexpect = \"live\"\nsource = \"x\"\n"), "expect `live`"),
        ];
        for (text, expected) in cases {
            let err = RevokePlan::from_spec(&spec(&text)).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn the_default_method_is_post_and_a_builtin_takes_its_name_as_endpoint() {
        let plan = RevokePlan::from_spec(&spec(
            r#"endpoint = "slack"
url = "https://slack.com/api/auth.revoke"
headers = { Authorization = "Bearer {{secret}}" }
docs = "https://api.slack.com/methods/auth.revoke"
[[when]]
status = [200]
means = "revoked""#,
        ))
        .unwrap();
        let RevokeCheck::Http(http) = plan.check else {
            panic!("not a table");
        };
        assert_eq!(http.request.method, "POST");
        let plan = RevokePlan::from_spec(&spec(
            "builtin = \"speckle\"\ndocs = \"https://speckle.guide/\"",
        ))
        .unwrap();
        assert_eq!(plan.endpoint, "speckle");
        assert!(matches!(
            plan.check,
            RevokeCheck::Builtin(RevokeBuiltin::Speckle)
        ));
    }
}
