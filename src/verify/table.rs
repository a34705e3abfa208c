//! Table verifiers: a rule's `[rule.verify]` requests, sent and read.
//!
//! [`request`] fills `{{secret}}` into the URL (percent-encoded), headers (raw), `basic_auth`
//! and the body (escaped for JSON and form bodies), at the rule's URL or its
//! `[verify.endpoints]` override. [`classify`] turns one answer into a status: first
//! [`triage`] (a redirect, a 429, a 5xx or an HTML page is `unknown`, never `live`, for
//! every verifier alike), then the table's answer rules in order; an answer no rule matches
//! is `unknown`. [`run`] tries the table's attempts in order: the first live answer wins,
//! and the secret is dead only if every attempt said dead, and only if the servers asked
//! are the secret's issuer (see `also_issued_by`).

use super::endpoint;
use super::http::{scrub, Answer, Request, Transport};
use super::spec::{
    HttpPlan, Means, RequestPlan, COMPANION_PLACEHOLDER, LABEL_PLACEHOLDER, SECRET_PLACEHOLDER,
};
use super::{dead, live, skipped, unknown, Clues, Target};
use crate::finding::{Verification, VerifyStatus};
use base64::Engine;
use serde_json::Value;

/// Builds the request for `secret`; the error is why it cannot be sent (a `skipped` reason).
pub fn request(plan: &RequestPlan, base: Option<&str>, secret: &str) -> Result<Request, String> {
    request_with_label(plan, base, secret, None)
}

/// [`request`], with the `{{label}}` of the host filled (see `host_label`).
pub fn request_with_label(
    plan: &RequestPlan,
    base: Option<&str>,
    secret: &str,
    label: Option<&str>,
) -> Result<Request, String> {
    request_with_parts(plan, base, secret, label, None)
}

/// [`request_with_label`], with `{{companion}}`, the other part of a two-part credential,
/// filled too (percent-encoded in the URL's path, as is in headers and `basic_auth`).
pub fn request_with_parts(
    plan: &RequestPlan,
    base: Option<&str>,
    secret: &str,
    label: Option<&str>,
    companion: Option<&str>,
) -> Result<Request, String> {
    let mut template = endpoint::with_base(&plan.url, base)?;
    if template.contains(LABEL_PLACEHOLDER) {
        let label = label.ok_or("no host label for this secret")?;
        template = template.replace(LABEL_PLACEHOLDER, label);
    }
    let companion = companion.unwrap_or_default();
    if template.contains(COMPANION_PLACEHOLDER) {
        let encoded =
            percent_encoding::utf8_percent_encode(companion, percent_encoding::NON_ALPHANUMERIC)
                .to_string();
        template = template.replace(COMPANION_PLACEHOLDER, &encoded);
    }
    let url = endpoint::render(&template, secret)?;
    let fill = |text: &str| {
        text.replace(COMPANION_PLACEHOLDER, companion)
            .replace(SECRET_PLACEHOLDER, secret)
    };
    let mut headers = Vec::new();
    for (name, value) in &plan.headers {
        headers.push((name.clone(), fill(value)));
    }
    if let Some(auth) = &plan.basic_auth {
        let pair = fill(auth);
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

/// The host label `re`'s group 1 finds in `secret`, if it is a valid DNS label (letters,
/// digits, hyphens, not at either end, at most 63): the only part of an issuer's host a
/// secret may choose.
pub fn host_label(re: &regex::Regex, secret: &str) -> Option<String> {
    let label = re.captures(secret)?.get(1)?.as_str().to_ascii_lowercase();
    let valid = (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-');
    valid.then_some(label)
}

/// The label a server named in the content gives the first attempt's host: its host must
/// be exactly `{label}.{suffix}` for the template `https://{{label}}.{suffix}/...`, the label
/// a valid DNS label.
fn content_label(plan: &HttpPlan, clues: &Clues) -> Option<String> {
    let template = &plan.attempts.first()?.url;
    let rest = template.strip_prefix("https://{{label}}.")?;
    let suffix = rest.split(['/', '?', ':']).next()?.to_ascii_lowercase();
    let any = regex::Regex::new("^(.*)$").ok()?;
    clues.servers.iter().find_map(|server| {
        let url = url::Url::parse(server).ok()?;
        let host = url.host_str()?.to_ascii_lowercase();
        let label = host.strip_suffix(&suffix)?.strip_suffix('.')?;
        if label.contains('.') {
            return None;
        }
        host_label(&any, label)
    })
}

/// The host a URL template names by default (`gitlab.com`).
pub fn default_host(template: &str) -> String {
    url::Url::parse(&template.replace(SECRET_PLACEHOLDER, "x"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// Asks the issuer with each of the plan's attempts in turn (see the module doc).
/// `endpoint` is the `[verify.endpoints]` key, `provider` the service's name.
pub fn run(
    transport: &Transport,
    plan: &HttpPlan,
    endpoint: &str,
    target: &Target<'_>,
    provider: Option<&str>,
    secret: &str,
    clues: &Clues,
) -> Verification {
    if let (Some(accepts), Target::Default | Target::StandIn(_)) = (&plan.default_accepts, target) {
        if !accepts.is_match(secret) {
            let hosts: Vec<String> = plan.attempts.iter().map(|a| default_host(&a.url)).collect();
            return unknown(format!(
                "not sent to {}: this secret's shape says another server issued it (an instance prefix); set [verify.endpoints] {endpoint} = \"https://...\" to ask that server",
                hosts.join(", ")
            ));
        }
    }
    // Under an override the user's base replaces the whole origin: no label to fill.
    let label = match (&plan.host_label, plan.host_label_from_content, target) {
        (_, _, Target::Override(_)) => None,
        (_, true, _) => match content_label(plan, clues) {
            Some(label) => Some(label),
            None => {
                let hosts: Vec<String> = plan.attempts.iter().map(|a| a.url.clone()).collect();
                return unknown(format!(
                    "not sent: the content names no host of the form {} for this secret; set [verify.endpoints] {endpoint} to the right one",
                    hosts.join(", ")
                ));
            }
        },
        (Some(re), false, _) => match host_label(re, secret) {
            Some(label) => Some(label),
            None => {
                return unknown(
                    "not sent: the secret does not name its issuer's host as the rule expects",
                )
            }
        },
        (None, false, _) => None,
    };
    let needs_companion = plan.attempts.iter().any(|a| {
        a.url.contains(COMPANION_PLACEHOLDER)
            || a.basic_auth
                .as_deref()
                .is_some_and(|b| b.contains(COMPANION_PLACEHOLDER))
            || a.headers
                .iter()
                .any(|(_, v)| v.contains(COMPANION_PLACEHOLDER))
    });
    let companion = clues.companions.first().map(|c| c.expose());
    if needs_companion {
        let fits = companion.is_some_and(|c| {
            (1..=254).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"@._+-".contains(&b))
        });
        if !fits {
            return unknown(
                "not sent: this secret is checked with the other part of its credential (the rule's `companion`), and none was found near it in the file",
            );
        }
    }
    let mut requests: Vec<(&RequestPlan, Request)> = Vec::new();
    for attempt in &plan.attempts {
        let request = match request_with_parts(
            attempt,
            target.base(),
            secret,
            label.as_deref(),
            companion.filter(|_| needs_companion),
        ) {
            Ok(request) => request,
            Err(reason) => {
                return skipped(scrub(&format!("endpoint not allowed: {reason}"), secret))
            }
        };
        // Under one override, attempts that differed only by host are one request.
        let same = |(_, r): &(&RequestPlan, Request)| {
            r.method == request.method
                && r.url == request.url
                && r.headers == request.headers
                && r.body == request.body
        };
        if matches!(target, Target::Override(_)) && requests.iter().any(same) {
            continue;
        }
        requests.push((attempt, request));
    }
    let several = requests.len() > 1;
    let mut said: Vec<Verification> = Vec::new();
    let mut hosts: Vec<String> = Vec::new();
    for (attempt, request) in requests {
        // Name the service and the host asked, so that a token rejected by the public
        // server is not mistaken for a dead token of a self-hosted one.
        let host = match target {
            Target::StandIn(_) => default_host(
                &attempt
                    .url
                    .replace(LABEL_PLACEHOLDER, label.as_deref().unwrap_or("x")),
            ),
            _ => request.url.host_str().unwrap_or("?").to_string(),
        };
        let mut issuer = match provider {
            Some(provider) => format!("{provider} at {host}"),
            None => host.clone(),
        };
        if let (true, Some(label)) = (several, &attempt.label) {
            issuer.push_str(&format!(" ({label})"));
        }
        if !hosts.contains(&host) {
            hosts.push(host.clone());
        }
        let verdict = match transport.send(request, secret) {
            Ok(answer) => classify(plan, &answer, &issuer, secret),
            Err(reason) => unknown(format!("{host}: {reason}")),
        };
        if verdict.status == VerifyStatus::Live {
            return verdict;
        }
        said.push(verdict);
    }
    let joined = said
        .iter()
        .map(|v| v.detail.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    if said.iter().any(|v| v.status != VerifyStatus::Dead) {
        return unknown(joined);
    }
    if let Some(named) = other_server(clues, &hosts, target) {
        return unknown(format!(
            "{joined}; the content names another server, {named}, which was not asked: set [verify.endpoints] {endpoint} = \"{named}\" to ask it"
        ));
    }
    match (&plan.also_issued_by, target) {
        (Some(others), Target::Default | Target::StandIn(_)) => unknown(format!(
            "{joined}; that proves nothing for a token of {others}, which {} rejects too: set [verify.endpoints] {endpoint} = \"https://...\" to ask the server that issued it",
            hosts.join(", ")
        )),
        _ => dead(joined),
    }
}

/// A server the content names near the secret that is not among the `hosts` asked (nor the
/// user's override): the rejection then proves nothing about it.
pub fn other_server(clues: &Clues, hosts: &[String], target: &Target<'_>) -> Option<String> {
    if matches!(target, Target::Override(_)) {
        return None;
    }
    clues
        .servers
        .iter()
        .find(|server| {
            let host = url::Url::parse(server)
                .ok()
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
            host.is_some_and(|h| !hosts.iter().any(|asked| asked.eq_ignore_ascii_case(&h)))
        })
        .cloned()
}

/// The answers no verifier may read as live or dead: a redirect, rate limiting, a server
/// error, a web page.
pub fn triage(answer: &Answer) -> Option<Verification> {
    let status = answer.status;
    if (300..400).contains(&status) {
        return Some(unknown(format!("HTTP {status}: redirect not followed")));
    }
    if status == 429 {
        let wait = answer
            .header("retry-after")
            .map(|w| format!(" (retry after {})", short(w)))
            .unwrap_or_default();
        return Some(unknown(format!(
            "HTTP 429: rate limited{wait}, try again later"
        )));
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

/// Reads one answer by the table's rules. `issuer` names the service in the detail.
pub fn classify(plan: &HttpPlan, answer: &Answer, issuer: &str, secret: &str) -> Verification {
    if let Some(verdict) = triage(answer) {
        return verdict;
    }
    let status = answer.status;
    let json = answer.json();
    let body = String::from_utf8_lossy(&answer.body);
    for rule in &plan.answers {
        let Some(found) = rule.matches(status, &body, json.as_ref()) else {
            continue;
        };
        let mut what = format!("HTTP {status}");
        if let (Some(value), Means::Dead | Means::Unknown) = (&found, rule.means) {
            what.push_str(&format!(", {}", short(value)));
        }
        let note = rule.note_suffix();
        return match rule.means {
            Means::Live => accepted(plan, answer, json.as_ref(), issuer, secret, &what, &note),
            Means::Dead => dead(scrub(
                &format!("rejected by {issuer} ({what}){note}"),
                secret,
            )),
            Means::Unknown => unknown(scrub(&format!("{issuer} answered {what}{note}"), secret)),
        };
    }
    unknown(format!("unexpected answer from {issuer} (HTTP {status})"))
}

/// A live verdict, with the scopes and identity the answer shows.
fn accepted(
    plan: &HttpPlan,
    answer: &Answer,
    json: Option<&Value>,
    issuer: &str,
    secret: &str,
    what: &str,
    note: &str,
) -> Verification {
    let mut scopes = Vec::new();
    if let Some(header) = &plan.scopes_header {
        if let Some(value) = answer.header(header) {
            scopes.extend(split_scopes(value));
        }
    }
    if let Some(pointer) = &plan.scopes_json_pointer {
        match json.and_then(|j| j.pointer(pointer)) {
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
        .and_then(|p| json.and_then(|j| j.pointer(p)))
        .filter(|v| !v.is_null())
        .map(value_text);
    let detail = match identity {
        Some(who) => format!("accepted by {issuer} ({what}) as {}{note}", short(&who)),
        None => format!("accepted by {issuer} ({what}){note}"),
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
pub fn short(text: &str) -> String {
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
dead_status = [401]
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
    fn bodies_are_read_on_any_status_and_an_unmatched_answer_is_unknown() {
        let plan = plan(
            r#"endpoint = "x"
url = "https://api.example.com/me"
headers = { K = "{{secret}}" }
[[when]]
status = [403]
body_contains = "website"
means = "live"
note = "cookie-only endpoint"
[[when]]
status = [403]
json = "/errors/0/detail"
equals = ["authentication failed"]
means = "dead"
"#,
        );
        let read = |status, body| classify(&plan, &answer(status, body), "x", SECRET);
        let verdict = read(403, r#"{"errors":[{"detail":"only on the website"}]}"#);
        assert_eq!(verdict.status, VerifyStatus::Live);
        assert!(
            verdict.detail.contains("cookie-only endpoint"),
            "{}",
            verdict.detail
        );
        let verdict = read(403, r#"{"errors":[{"detail":"authentication failed"}]}"#);
        assert_eq!(verdict.status, VerifyStatus::Dead);
        assert!(
            verdict.detail.contains("authentication failed"),
            "{}",
            verdict.detail
        );
        assert_eq!(read(403, r#"{"errors":[]}"#).status, VerifyStatus::Unknown);
        // Nothing says 401 is dead, so it is not.
        assert_eq!(read(401, "{}").status, VerifyStatus::Unknown);
        assert_eq!(read(200, "{}").status, VerifyStatus::Unknown);
    }

    #[test]
    fn a_host_label_must_be_a_dns_label() {
        let re = regex::Regex::new(r"-([a-z0-9.\-]+)$").unwrap();
        assert_eq!(host_label(&re, "abc-us21").as_deref(), Some("us21"));
        assert_eq!(host_label(&re, "abc-us21.evil.example"), None);
        assert_eq!(host_label(&re, "abc-"), None);
        let re = regex::Regex::new(r"^([^@]+)@").unwrap();
        assert_eq!(host_label(&re, "acme-shop@x").as_deref(), Some("acme-shop"));
        assert_eq!(host_label(&re, "-acme@x"), None);
        assert_eq!(host_label(&re, "a/b@x"), None);
    }

    #[test]
    fn secrets_are_escaped_for_json_and_form_bodies() {
        let json = plan(
            r#"endpoint = "x"
method = "POST"
url = "https://api.example.com/check"
headers = { "Content-Type" = "application/json" }
body = '{"token":"{{secret}}"}'
dead_status = [401]"#,
        );
        let request = request(&json.attempts[0], None, "a\"b").unwrap();
        assert_eq!(request.body.unwrap(), br#"{"token":"a\"b"}"#);
        let form = plan(
            r#"endpoint = "x"
method = "POST"
url = "https://api.example.com/check"
headers = { "Content-Type" = "application/x-www-form-urlencoded" }
body = 'token={{secret}}'
dead_status = [401]"#,
        );
        let request = super::request(&form.attempts[0], None, "a&b=c").unwrap();
        assert_eq!(request.body.unwrap(), b"token=a%26b%3Dc");
    }

    #[test]
    fn basic_auth_is_encoded() {
        let plan = plan(
            r#"endpoint = "x"
url = "https://api.example.com/v1/me"
basic_auth = "{{secret}}:"
dead_status = [401]"#,
        );
        let request = request(&plan.attempts[0], None, "key").unwrap();
        assert_eq!(
            request.headers,
            vec![("Authorization".to_string(), "Basic a2V5Og==".to_string())]
        );
    }
}
