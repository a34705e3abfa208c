//! `leakgate revoke`: ask a secret's issuer to revoke it (docs/revoke.md).
//!
//! A rule's `[rule.revoke]` table (checked into a [`RevokePlan`] when the rule loads) names
//! the one request the provider documents for revoking a token with the token itself, and
//! how to read the answer; what a table cannot say is a built-in: Speckle's GraphQL mutation
//! ([`speckle`]), Discord's webhook deletion ([`discord`]), Cloudflare's lookup-then-delete
//! ([`cloudflare`]). Recorded answers are replayed by `rules check` ([`replay`]). The
//! request goes out through the verifier's transport ([`crate::verify::http`]) and URL policy
//! ([`crate::verify::endpoint`]), so revocation keeps every rule of verification:
//!
//! - only the rule's issuer is contacted, at its URL or a `[verify.endpoints]` override
//!   (a self-managed GitLab, a self-hosted Speckle server); `https`, plain `http` only to
//!   loopback;
//! - no redirects, one timeout, TLS checks off only for `insecure_hosts`;
//! - a redirect, a 429, a 5xx or an HTML page is never `revoked`: it is `failed`;
//! - the secret never appears in a detail or error.
//!
//! Nothing here runs unless the user runs `leakgate revoke` and confirms.

pub mod cloudflare;
pub mod discord;
pub mod replay;
pub mod speckle;

use crate::config::{VerifyConfig, DEFAULT_VERIFY_TIMEOUT_MS};
use crate::finding::{Finding, Secret, VerifyStatus};
pub use crate::rules::revoke_plan::RevokeMeans;
use crate::rules::revoke_plan::{RevokeBuiltin, RevokeCheck, RevokeHttp, RevokePlan};
use crate::rules::{Rule, RuleSet};
use crate::verify::http::{scrub, Answer, Transport};
use crate::verify::table::{default_host, request, short, triage};
use crate::verify::Target;
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

/// What the issuer answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revocation {
    pub status: RevokeMeans,
    /// What the issuer said, with its host; never the secret.
    pub detail: String,
}

impl Revocation {
    fn new(status: RevokeMeans, detail: impl Into<String>) -> Revocation {
        Revocation {
            status,
            detail: detail.into(),
        }
    }

    /// How the status reads in a report: `revoked`, `submitted`, `already invalid`, `failed`.
    pub fn label(&self) -> &'static str {
        match self.status {
            RevokeMeans::Revoked => "revoked",
            RevokeMeans::Submitted => "submitted",
            RevokeMeans::Invalid => "already invalid",
            RevokeMeans::Failed => "failed",
        }
    }
}

/// The request failed or the answer says nothing: the secret may still be live.
pub fn failed(detail: impl Into<String>) -> Revocation {
    Revocation::new(RevokeMeans::Failed, detail)
}

/// Sends revocation requests under the `[verify]` config's timeout, endpoints and TLS policy.
pub struct Revoker {
    transport: Transport,
    endpoints: BTreeMap<String, String>,
    stand_ins: BTreeMap<String, String>,
}

impl std::fmt::Debug for Revoker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Revoker")
            .field("endpoints", &self.endpoints)
            .finish_non_exhaustive()
    }
}

impl Revoker {
    /// A revoker with the settings of a `[verify]` config table.
    pub fn from_config(config: &VerifyConfig) -> Revoker {
        Revoker {
            transport: Transport::new(
                Duration::from_millis(config.timeout_ms),
                config.insecure_hosts.clone(),
            ),
            endpoints: config.endpoints.clone(),
            stand_ins: BTreeMap::new(),
        }
    }

    /// Every issuer at its default URL, the default timeout.
    pub fn new() -> Revoker {
        Revoker {
            transport: Transport::new(Duration::from_millis(DEFAULT_VERIFY_TIMEOUT_MS), Vec::new()),
            endpoints: BTreeMap::new(),
            stand_ins: BTreeMap::new(),
        }
    }

    /// Sends requests for revokers named `name` to `base`, but reads the answers as if the
    /// rule's own host had given them (recorded answers, tests).
    pub fn stand_in(mut self, name: impl Into<String>, base: impl Into<String>) -> Revoker {
        self.stand_ins.insert(name.into(), base.into());
        self
    }

    fn target<'a>(&'a self, plan: &RevokePlan) -> Target<'a> {
        match (
            self.endpoints.get(&plan.endpoint),
            self.stand_ins.get(&plan.endpoint),
        ) {
            (Some(base), _) => Target::Override(base),
            (None, Some(base)) => Target::StandIn(base),
            (None, None) => Target::Default,
        }
    }

    /// The host a revocation of `rule`'s secrets goes to (for the confirmation prompt).
    pub fn host(&self, rule: &Rule) -> Option<String> {
        let plan = rule.revoke()?;
        let default = match &plan.check {
            RevokeCheck::Http(http) => default_host(&http.request.url),
            RevokeCheck::Builtin(RevokeBuiltin::Speckle) => speckle::DEFAULT_HOST.to_string(),
            RevokeCheck::Builtin(RevokeBuiltin::DiscordWebhook) => {
                discord::DEFAULT_HOST.to_string()
            }
            RevokeCheck::Builtin(RevokeBuiltin::Cloudflare) => cloudflare::DEFAULT_HOST.to_string(),
        };
        Some(match self.target(plan) {
            Target::Override(base) => url::Url::parse(base)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or(default),
            _ => default,
        })
    }

    /// Asks `rule`'s issuer to revoke `secret`; a rule without a revoker is `failed`.
    pub fn revoke(&self, rule: &Rule, secret: &Secret) -> Revocation {
        let Some(plan) = rule.revoke() else {
            return failed(format!("rule `{}` has no revoker", rule.id));
        };
        let target = self.target(plan);
        let secret = secret.expose();
        match &plan.check {
            RevokeCheck::Builtin(RevokeBuiltin::Speckle) => {
                speckle::revoke(&self.transport, &target, secret)
            }
            RevokeCheck::Builtin(RevokeBuiltin::DiscordWebhook) => {
                discord::revoke(&self.transport, &target, secret)
            }
            RevokeCheck::Builtin(RevokeBuiltin::Cloudflare) => {
                cloudflare::revoke(&self.transport, &target, secret)
            }
            RevokeCheck::Http(http) => run(
                &self.transport,
                http,
                &plan.endpoint,
                &target,
                rule.provider.as_deref(),
                secret,
            ),
        }
    }
}

impl Default for Revoker {
    fn default() -> Self {
        Revoker::new()
    }
}

/// Sends a table revoker's request and reads the answer.
fn run(
    transport: &Transport,
    plan: &RevokeHttp,
    endpoint: &str,
    target: &Target<'_>,
    provider: Option<&str>,
    secret: &str,
) -> Revocation {
    let default = default_host(&plan.request.url);
    if let (Some(accepts), Target::Default | Target::StandIn(_)) = (&plan.default_accepts, target) {
        if !accepts.is_match(secret) {
            return failed(format!(
                "not sent to {default}: this secret's shape says another server issued it (an instance prefix); set [verify.endpoints] {endpoint} = \"https://...\" to revoke it there"
            ));
        }
    }
    let request = match request(&plan.request, target.base(), secret) {
        Ok(request) => request,
        Err(reason) => {
            return failed(scrub(&format!("endpoint not allowed: {reason}"), secret));
        }
    };
    let host = match target {
        Target::StandIn(_) => default.clone(),
        _ => request.url.host_str().unwrap_or("?").to_string(),
    };
    let issuer = match provider {
        Some(provider) => format!("{provider} at {host}"),
        None => host.clone(),
    };
    let answer = match transport.send(request, secret) {
        Ok(answer) => answer,
        Err(reason) => return failed(format!("{host}: {reason}")),
    };
    let read = classify(plan, &answer, &issuer, secret);
    match (&plan.also_issued_by, target, read.status) {
        (Some(others), Target::Default | Target::StandIn(_), RevokeMeans::Invalid) => failed(format!(
            "{}; that proves nothing for a token of {others}, which {host} rejects too: set [verify.endpoints] {endpoint} = \"https://...\" to revoke it at the server that issued it",
            read.detail
        )),
        _ => read,
    }
}

/// Reads one answer by the table's rules; `issuer` names the service in the detail.
pub fn classify(plan: &RevokeHttp, answer: &Answer, issuer: &str, secret: &str) -> Revocation {
    if let Some(verdict) = triage(answer) {
        return failed(format!("{issuer}: {}", verdict.detail));
    }
    let status = answer.status;
    let json = answer.json();
    let body = String::from_utf8_lossy(&answer.body);
    for rule in &plan.answers {
        let Some(found) = rule.matches(status, &body, json.as_ref()) else {
            continue;
        };
        let mut what = format!("HTTP {status}");
        if let (Some(value), RevokeMeans::Invalid | RevokeMeans::Failed) = (&found, rule.means) {
            what.push_str(&format!(", {}", short(value)));
        }
        let note = rule.note_suffix();
        let detail = match rule.means {
            RevokeMeans::Revoked => format!("revoked by {issuer} ({what}){note}"),
            RevokeMeans::Submitted => {
                format!("{issuer} accepted the revocation request ({what}){note}")
            }
            RevokeMeans::Invalid => {
                format!("{issuer} does not accept this secret ({what}){note}: nothing to revoke")
            }
            RevokeMeans::Failed => format!("{issuer} did not revoke it ({what}){note}"),
        };
        return Revocation::new(rule.means, scrub(&detail, secret));
    }
    failed(format!(
        "unexpected answer from {issuer} (HTTP {status}): not known to be revoked"
    ))
}

/// Says for each live finding whether `leakgate revoke --rule ID` can act on it (its rule
/// has a revoker): `revocable` is `Some` for live findings only. Runs after `--verify`.
pub fn mark_revocable(rules: &RuleSet, findings: &mut [Finding]) {
    let revocable: HashMap<&str, bool> = rules
        .rules
        .iter()
        .map(|r| (&*r.id, r.revoke().is_some()))
        .collect();
    for finding in findings.iter_mut() {
        if let Some(verification) = finding.verification.as_mut() {
            verification.revocable = (verification.status == VerifyStatus::Live)
                .then(|| revocable.get(&*finding.rule).copied().unwrap_or(false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::syntax::RevokeSpec;

    fn plan(text: &str) -> RevokeHttp {
        let spec: RevokeSpec = toml::from_str(text).unwrap();
        match RevokePlan::from_spec(&spec).unwrap().check {
            RevokeCheck::Http(http) => *http,
            RevokeCheck::Builtin(_) => panic!("builtin"),
        }
    }

    fn answer(status: u16, content_type: &str, body: &str) -> Answer {
        Answer {
            status,
            headers: HashMap::from([("content-type".into(), content_type.into())]),
            body: body.as_bytes().to_vec(),
        }
    }

    const SECRET: &str = "xoxb-0000-test-secret-value";

    const SLACK: &str = r#"endpoint = "slack"
url = "https://slack.com/api/auth.revoke"
headers = { Authorization = "Bearer {{secret}}" }
docs = "https://api.slack.com/methods/auth.revoke"
[[when]]
status = [200]
json = "/revoked"
equals = [true]
means = "revoked"
[[when]]
status = [200]
json = "/error"
equals = ["invalid_auth", "token_revoked"]
means = "invalid"
[[when]]
status = [200]
json = "/error"
means = "failed"
"#;

    #[test]
    fn answers_are_read_by_the_table_and_the_rest_fails() {
        let plan = plan(SLACK);
        let read = |status, content_type, body| {
            classify(&plan, &answer(status, content_type, body), "Slack", SECRET)
        };
        let json = "application/json";
        assert_eq!(
            read(200, json, r#"{"ok":true,"revoked":true}"#).status,
            RevokeMeans::Revoked
        );
        let invalid = read(200, json, r#"{"ok":false,"error":"invalid_auth"}"#);
        assert_eq!(invalid.status, RevokeMeans::Invalid);
        assert!(
            invalid.detail.contains("invalid_auth"),
            "{}",
            invalid.detail
        );
        let refused = read(200, json, r#"{"ok":false,"error":"not_bearer_token"}"#);
        assert_eq!(refused.status, RevokeMeans::Failed);
        assert!(
            refused.detail.contains("not_bearer_token"),
            "{}",
            refused.detail
        );
        // `revoked: false` is no revocation.
        assert_eq!(
            read(200, json, r#"{"ok":true,"revoked":false}"#).status,
            RevokeMeans::Failed
        );
        for (status, content_type, body) in [
            (302, json, ""),
            (429, json, "{}"),
            (503, json, "{}"),
            (200, "text/html", "<html>login</html>"),
            (401, json, "{}"),
        ] {
            assert_eq!(
                read(status, content_type, body).status,
                RevokeMeans::Failed,
                "{status} {body}"
            );
        }
    }

    #[test]
    fn a_secret_echoed_by_the_issuer_is_scrubbed_from_the_detail() {
        let plan = plan(SLACK);
        let body = format!(r#"{{"ok":false,"error":"{SECRET}"}}"#);
        let read = classify(
            &plan,
            &answer(200, "application/json", &body),
            "Slack",
            SECRET,
        );
        assert_eq!(read.status, RevokeMeans::Failed);
        assert!(!read.detail.contains(SECRET), "{}", read.detail);
    }
}
