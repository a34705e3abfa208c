//! Table verifiers: a rule's `[rule.verify]` request template, sent and read.
//!
//! [`request`] fills `{{secret}}` into the URL (percent-encoded), headers (raw), `basic_auth`
//! and the body (escaped for JSON and form bodies), at the rule's URL or its
//! `[verify.endpoints]` override. [`classify`] turns the answer into a status: first
//! [`triage`] (a redirect, a 429, a 5xx or an HTML page is `unknown`, never `live`), then the
//! table's dead and live statuses, its JSON checks, scopes and identity.

use super::endpoint;
use super::http::{scrub, Answer, Request};
use super::spec::{HttpPlan, SECRET_PLACEHOLDER};
use super::{dead, live, unknown};
use crate::finding::Verification;
use base64::Engine;
use serde_json::Value;

/// Builds the request for `secret`; the error is why it cannot be sent (a `skipped` reason).
pub fn request(plan: &HttpPlan, base: Option<&str>, secret: &str) -> Result<Request, String> {
    let template = endpoint::with_base(&plan.url, base)?;
    let url = endpoint::render(&template, secret)?;
    let mut headers = Vec::new();
    for (name, value) in &plan.headers {
        headers.push((name.clone(), value.replace(SECRET_PLACEHOLDER, secret)));
    }
    if let Some(auth) = &plan.basic_auth {
        let pair = auth.replace(SECRET_PLACEHOLDER, secret);
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        headers.push(("Authorization".into(), format!("Basic {encoded}")));
    }
    let body = plan.body.as_ref().map(|body| {
        let content_type = plan
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase())
            .unwrap_or_default();
        let filled = if content_type.contains("json") {
            let quoted = serde_json::Value::String(secret.to_string()).to_string();
            let inner = quoted
                .strip_prefix('"')
                .and_then(|q| q.strip_suffix('"'))
                .unwrap_or_default();
            body.replace(SECRET_PLACEHOLDER, inner)
        } else if content_type.contains("x-www-form-urlencoded") {
            let encoded =
                percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            body.replace(SECRET_PLACEHOLDER, &encoded)
        } else {
            body.replace(SECRET_PLACEHOLDER, secret)
        };
        filled.into_bytes()
    });
    Ok(Request {
        method: plan.method.clone(),
        url,
        headers,
        body,
    })
}

/// The answers no verifier may read as live or dead: a redirect, rate limiting, a server
/// error, a web page.
pub fn triage(answer: &Answer) -> Option<Verification> {
    let status = answer.status;
    if (300..400).contains(&status) {
        return Some(unknown(format!("HTTP {status}: redirect not followed")));
    }
    if status == 429 {
        return Some(unknown("HTTP 429: rate limited, try again later"));
    }
    if status >= 500 {
        return Some(unknown(format!("HTTP {status}: server error")));
    }
    if answer.is_html() {
        return Some(unknown(format!(
            "HTTP {status}: an HTML page, not an API answer"
        )));
    }
    None
}

/// Reads an answer by the table's rules. `issuer` names the service in the detail.
pub fn classify(plan: &HttpPlan, answer: &Answer, issuer: &str, secret: &str) -> Verification {
    if let Some(verdict) = triage(answer) {
        return verdict;
    }
    let status = answer.status;
    if plan.dead_status.contains(&status) {
        return dead(format!("rejected by {issuer} (HTTP {status})"));
    }
    if !plan.live_status.contains(&status) {
        return unknown(format!("unexpected answer from {issuer} (HTTP {status})"));
    }
    let json = answer.json();
    if let Some(check) = &plan.live_json {
        let value = json.as_ref().and_then(|j| j.pointer(&check.pointer));
        let accepted = match (&check.equals, value) {
            (_, None) => false,
            (Some(expected), Some(value)) => value == expected,
            (None, Some(value)) => !matches!(value, Value::Null | Value::Bool(false)),
        };
        if !accepted {
            if let Some(pointer) = &plan.dead_json_pointer {
                let reason = json
                    .as_ref()
                    .and_then(|j| j.pointer(pointer))
                    .map(value_text);
                if let Some(reason) = reason {
                    if plan.dead_json_values.is_empty() || plan.dead_json_values.contains(&reason) {
                        return dead(scrub(
                            &format!("rejected by {issuer} ({})", short(&reason)),
                            secret,
                        ));
                    }
                    return unknown(scrub(
                        &format!("{issuer} answered HTTP {status} with `{}`", short(&reason)),
                        secret,
                    ));
                }
            }
            return unknown(format!(
                "unexpected answer from {issuer} (HTTP {status}, {} not as expected)",
                check.pointer
            ));
        }
    }
    let mut scopes = Vec::new();
    if let Some(header) = &plan.scopes_header {
        if let Some(value) = answer.header(header) {
            scopes.extend(split_scopes(value));
        }
    }
    if let Some(pointer) = &plan.scopes_json_pointer {
        match json.as_ref().and_then(|j| j.pointer(pointer)) {
            Some(Value::Array(items)) => scopes.extend(items.iter().map(value_text)),
            Some(Value::String(text)) => scopes.extend(split_scopes(text)),
            _ => {}
        }
    }
    scopes.retain(|s| !s.is_empty() && s != secret);
    scopes.dedup();
    let identity = plan
        .identity_json_pointer
        .as_ref()
        .and_then(|p| json.as_ref().and_then(|j| j.pointer(p)))
        .filter(|v| !v.is_null())
        .map(value_text);
    let detail = match identity {
        Some(who) => format!("accepted by {issuer} (HTTP {status}) as {}", short(&who)),
        None => format!("accepted by {issuer} (HTTP {status})"),
    };
    let mut verdict = live(scrub(&detail, secret));
    verdict.scopes = scopes.iter().map(|s| scrub(s, secret)).collect();
    verdict
}

/// A JSON value as plain text: strings without quotes.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Scopes written as `repo, read:org` or `read write`.
fn split_scopes(text: &str) -> Vec<String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Keeps values from an answer to a readable length.
fn short(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::VerifyStatus;
    use crate::rules::VerifySpec;
    use crate::verify::spec::{Check, VerifyPlan};
    use std::collections::HashMap;

    fn plan(text: &str) -> HttpPlan {
        let spec: VerifySpec = toml::from_str(text).unwrap();
        match VerifyPlan::from_spec(&spec).unwrap().check {
            Check::Http(plan) => *plan,
            Check::Builtin(_) => panic!("builtin"),
        }
    }

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: HashMap::from([("content-type".into(), "application/json".into())]),
            body: body.as_bytes().to_vec(),
        }
    }

    const SECRET: &str = "test-secret-value-0000";

    const SLACK: &str = r#"endpoint = "slack"
method = "POST"
url = "https://slack.com/api/auth.test"
headers = { Authorization = "Bearer {{secret}}" }
live_json_pointer = "/ok"
live_json_value = true
dead_json_pointer = "/error"
dead_json_values = ["invalid_auth", "token_revoked"]
identity_json_pointer = "/user""#;

    #[test]
    fn ok_false_is_dead_only_for_known_errors() {
        let plan = plan(SLACK);
        let verdict = classify(
            &plan,
            &answer(200, r#"{"ok":true,"user":"ana"}"#),
            "x",
            SECRET,
        );
        assert_eq!(verdict.status, VerifyStatus::Live);
        assert!(verdict.detail.contains("as ana"), "{}", verdict.detail);
        let verdict = classify(
            &plan,
            &answer(200, r#"{"ok":false,"error":"invalid_auth"}"#),
            "x",
            SECRET,
        );
        assert_eq!(verdict.status, VerifyStatus::Dead);
        let verdict = classify(
            &plan,
            &answer(200, r#"{"ok":false,"error":"fatal_error"}"#),
            "x",
            SECRET,
        );
        assert_eq!(verdict.status, VerifyStatus::Unknown);
        let verdict = classify(&plan, &answer(200, "not json"), "x", SECRET);
        assert_eq!(verdict.status, VerifyStatus::Unknown);
    }

    #[test]
    fn secrets_are_escaped_for_json_and_form_bodies() {
        let json = plan(
            r#"endpoint = "x"
method = "POST"
url = "https://api.example.com/check"
headers = { "Content-Type" = "application/json" }
body = '{"token":"{{secret}}"}'"#,
        );
        let request = request(&json, None, "a\"b").unwrap();
        assert_eq!(request.body.unwrap(), br#"{"token":"a\"b"}"#);
        let form = plan(
            r#"endpoint = "x"
method = "POST"
url = "https://api.example.com/check"
headers = { "Content-Type" = "application/x-www-form-urlencoded" }
body = 'token={{secret}}'"#,
        );
        let request = super::request(&form, None, "a&b=c").unwrap();
        assert_eq!(request.body.unwrap(), b"token=a%26b%3Dc");
    }

    #[test]
    fn basic_auth_is_encoded() {
        let plan = plan(
            r#"endpoint = "x"
url = "https://api.example.com/v1/me"
basic_auth = "{{secret}}:""#,
        );
        let request = request(&plan, None, "key").unwrap();
        assert_eq!(
            request.headers,
            vec![("Authorization".to_string(), "Basic a2V5Og==".to_string())]
        );
    }
}
