//! Built-in verifiers, for services a request table cannot describe (SPEC §7).
//!
//! - `speckle`: `POST {base}/graphql` with `Authorization: Bearer` and the query
//!   `activeUser { id }`. HTTP 401/403 is dead. A 200 is live even when `activeUser` is
//!   null or the answer carries a `FORBIDDEN` error: the server accepted the token, which only
//!   lacks `profile:read`. When the token may read it, a second query
//!   `activeUser { apiTokens { id scopes } }` finds the token's own entry (its id is the
//!   token's first 10 characters) and reports its scopes.
//! - `spell`: Spell (spell.ml) was retired in 2022; there is no one left to ask, so the
//!   answer is `unknown` with that reason and no request is made.

use super::http::{scrub, Answer, Request, Transport};
use super::table::{triage, value_text};
use super::{dead, endpoint, live, unknown};
use crate::finding::Verification;
use serde_json::Value;

/// Speckle's public server; self-hosted servers are set with `[verify.endpoints] speckle`.
pub const SPECKLE_DEFAULT_BASE: &str = "https://app.speckle.systems";
/// The identity query: the cheapest read-only call.
pub const SPECKLE_IDENTITY_QUERY: &str = "query { activeUser { id } }";
/// The scopes query, sent only after the token proved live.
pub const SPECKLE_SCOPES_QUERY: &str = "query { activeUser { apiTokens { id scopes } } }";
/// Length of the id at the start of a Speckle token.
const SPECKLE_TOKEN_ID_LEN: usize = 10;

/// What a Spell verification always says.
pub const SPELL_RETIRED: &str =
    "Spell (spell.ml) was retired in 2022: the token cannot be checked; remove it and rotate what it protected";

/// The Spell verdict: no request.
pub fn spell() -> Verification {
    unknown(SPELL_RETIRED)
}

fn speckle_request(base: Option<&str>, secret: &str, query: &str) -> Result<Request, String> {
    let template = endpoint::with_base(
        &format!("{SPECKLE_DEFAULT_BASE}/graphql"),
        Some(base.unwrap_or(SPECKLE_DEFAULT_BASE)),
    )?;
    let url = endpoint::render(&template, secret)?;
    let body = serde_json::json!({ "query": query })
        .to_string()
        .into_bytes();
    Ok(Request {
        method: "POST".into(),
        url,
        headers: vec![
            ("Authorization".into(), format!("Bearer {secret}")),
            ("Content-Type".into(), "application/json".into()),
            ("Accept".into(), "application/json".into()),
        ],
        body: Some(body),
    })
}

/// Whether a GraphQL answer carries an error with `extensions.code == code`.
fn has_error_code(json: &Value, code: &str) -> bool {
    json.get("errors")
        .and_then(Value::as_array)
        .is_some_and(|errors| {
            errors
                .iter()
                .any(|e| e.pointer("/extensions/code").and_then(Value::as_str) == Some(code))
        })
}

/// Asks a Speckle server about `secret`.
pub fn speckle(transport: &Transport, base: Option<&str>, secret: &str) -> Verification {
    let request = match speckle_request(base, secret, SPECKLE_IDENTITY_QUERY) {
        Ok(request) => request,
        Err(reason) => return super::skipped(format!("endpoint not allowed: {reason}")),
    };
    let answer = match transport.send(request, secret) {
        Ok(answer) => answer,
        Err(reason) => return unknown(reason),
    };
    let mut verdict = read_identity(&answer, secret, base.is_some());
    if verdict.status == crate::finding::VerifyStatus::Live {
        match speckle_scopes(transport, base, secret) {
            Some(scopes) => verdict.scopes = scopes,
            None => verdict
                .detail
                .push_str("; its scopes are not readable with this token"),
        }
    }
    verdict
}

fn read_identity(answer: &Answer, secret: &str, overridden: bool) -> Verification {
    if let Some(verdict) = triage(answer) {
        return verdict;
    }
    let status = answer.status;
    if status == 401 || status == 403 {
        let mut detail = format!("rejected by the Speckle server (HTTP {status})");
        if !overridden {
            detail.push_str(&format!(
                " at {SPECKLE_DEFAULT_BASE}; a token of a self-hosted server needs [verify.endpoints] speckle"
            ));
        }
        return dead(detail);
    }
    if status != 200 {
        return unknown(format!(
            "unexpected answer from the Speckle server (HTTP {status})"
        ));
    }
    let Some(json) = answer.json() else {
        return unknown("the Speckle server's answer is not JSON");
    };
    match json.pointer("/data/activeUser") {
        Some(user) if user.get("id").is_some_and(|id| !id.is_null()) => live(scrub(
            &format!(
                "accepted by the Speckle server as user {}",
                value_text(&user["id"])
            ),
            secret,
        )),
        Some(Value::Null) => live(
            "accepted by the Speckle server; the token may not read the profile (no profile:read)",
        ),
        _ if has_error_code(&json, "FORBIDDEN") => {
            live("accepted by the Speckle server; the token may not read the profile (FORBIDDEN)")
        }
        _ => unknown("the Speckle server's answer has no activeUser"),
    }
}

/// The token's scopes from its own `apiTokens` entry, when readable.
fn speckle_scopes(transport: &Transport, base: Option<&str>, secret: &str) -> Option<Vec<String>> {
    let request = speckle_request(base, secret, SPECKLE_SCOPES_QUERY).ok()?;
    let answer = transport.send(request, secret).ok()?;
    if answer.status != 200 || answer.is_html() {
        return None;
    }
    let json = answer.json()?;
    let id: String = secret.chars().take(SPECKLE_TOKEN_ID_LEN).collect();
    let tokens = json.pointer("/data/activeUser/apiTokens")?.as_array()?;
    let own = tokens
        .iter()
        .find(|t| t.get("id").and_then(Value::as_str) == Some(id.as_str()))?;
    let scopes = own.get("scopes")?.as_array()?;
    Some(
        scopes
            .iter()
            .map(value_text)
            .map(|s| scrub(&s, secret))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::VerifyStatus;
    use std::collections::HashMap;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: HashMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn identity_answers_are_read_as_the_spec_says() {
        let s = "0123456789abcdef";
        let cases = [
            (
                200,
                r#"{"data":{"activeUser":{"id":"u1"}}}"#,
                VerifyStatus::Live,
            ),
            (200, r#"{"data":{"activeUser":null}}"#, VerifyStatus::Live),
            (
                200,
                r#"{"data":null,"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}"#,
                VerifyStatus::Live,
            ),
            (
                403,
                r#"{"error":"Your token is not valid."}"#,
                VerifyStatus::Dead,
            ),
            (401, "", VerifyStatus::Dead),
            (200, r#"{"data":{}}"#, VerifyStatus::Unknown),
            (200, "<html>login</html>", VerifyStatus::Unknown),
            (502, "", VerifyStatus::Unknown),
            (429, "", VerifyStatus::Unknown),
        ];
        for (status, body, expected) in cases {
            assert_eq!(
                read_identity(&answer(status, body), s, false).status,
                expected,
                "{status} {body}"
            );
        }
    }

    #[test]
    fn a_rejection_by_the_public_server_points_at_self_hosted_servers() {
        let rejected = answer(403, "{}");
        let public = read_identity(&rejected, "0123456789abcdef", false);
        assert_eq!(public.status, VerifyStatus::Dead);
        assert!(public.detail.contains("self-hosted"), "{}", public.detail);
        let own = read_identity(&rejected, "0123456789abcdef", true);
        assert!(!own.detail.contains("self-hosted"), "{}", own.detail);
    }

    #[test]
    fn spell_is_retired() {
        let verdict = spell();
        assert_eq!(verdict.status, VerifyStatus::Unknown);
        assert!(verdict.detail.contains("retired"));
    }
}
