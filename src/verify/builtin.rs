//! Built-in verifiers, for services a request table cannot describe (SPEC §7).
//!
//! - `speckle`: `POST {base}/graphql` with `Authorization: Bearer` and the query
//!   `activeUser { id }`, read as Speckle's published server answers
//!   (specklesystems/speckle-server):
//!   - a token is a 10-character id and a 32-character secret
//!     (`packages/server/modules/core/services/tokens.ts`, `createBareToken`); anything
//!     else is not sent;
//!   - an invalid, revoked, expired or unknown-to-this-server token gets HTTP 403
//!     `{"error":"Your token is not valid."}` before GraphQL runs
//!     (`packages/server/modules/shared/middleware/index.ts`, `createAuthContextFromToken`
//!     and `authContextMiddleware`): only that exact answer is a rejection;
//!   - a valid token is accepted, and a field its scopes do not cover is a GraphQL
//!     `FORBIDDEN` error inside HTTP 200: live;
//!   - a successful check updates the token's `lastUsed` time (`validateToken`), which the
//!     detail says.
//!
//!   Any Speckle server issues tokens of the same shape, and `app.speckle.systems` rejects
//!   another server's token exactly as a revoked one. So when the content names another
//!   server near the token (`server_hint`), that server's name makes the rejection
//!   `unknown`: the token is never sent there on our own initiative; the user may add it to
//!   `[verify.endpoints] speckle`. A refresh token (same shape, assigned to a name holding
//!   `refresh`) is never sent as a Bearer token: `unknown`. When the token may read them, a
//!   second query `activeUser { apiTokens { id scopes } }` finds the token's own entry (its
//!   id is the token's first 10 characters) and reports its scopes.
//! - `spell`: Spell (spell.ml) was retired after its 2022 acquisition; there is no one
//!   left to ask, so the answer is `unknown` with that reason and no request is made.

use super::http::{scrub, Answer, Request, Transport};
use super::table::{other_server, triage, value_text};
use super::{dead, endpoint, live, unknown, Clues, Target};
use crate::finding::{Verification, VerifyStatus};
use serde_json::Value;

/// Speckle's public server; self-hosted servers are set with `[verify.endpoints] speckle`.
pub const SPECKLE_DEFAULT_BASE: &str = "https://app.speckle.systems";
const SPECKLE_DEFAULT_HOST: &str = "app.speckle.systems";
/// The identity query: the cheapest read-only call.
pub const SPECKLE_IDENTITY_QUERY: &str = "query { activeUser { id } }";
/// The scopes query, sent only after the token proved live.
pub const SPECKLE_SCOPES_QUERY: &str = "query { activeUser { apiTokens { id scopes } } }";
/// Length of the id at the start of a Speckle token.
const SPECKLE_TOKEN_ID_LEN: usize = 10;
/// Length of the secret part after the id.
const SPECKLE_TOKEN_SECRET_LEN: usize = 32;
/// The server's answer to a token it does not accept (`createAuthContextFromToken`).
pub const SPECKLE_REJECTION: &str = "Your token is not valid.";
/// Said with every answer from a server that accepted the token.
pub const SPECKLE_LAST_USED: &str =
    "verifying updated the token's \"last used\" time on the server";

/// What a Spell verification always says.
pub const SPELL_RETIRED: &str =
    "Spell (spell.ml): the service was retired after its 2022 acquisition, so the token cannot be checked; remove it and rotate what it protected";

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

/// A Speckle token's shape: 10 + 32 lowercase hex characters.
pub fn is_speckle_token(secret: &str) -> bool {
    secret.len() == SPECKLE_TOKEN_ID_LEN + SPECKLE_TOKEN_SECRET_LEN
        && secret
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The name a secret is assigned to, from the text before it on its line:
/// `SPECKLE_REFRESH_TOKEN=` gives `SPECKLE_REFRESH_TOKEN`, `"token": "` gives `token`.
pub fn assigned_name(before: &str) -> &str {
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '=' | ':' | '>' | '(' | ',')
    });
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &trimmed[start..]
}

/// Asks a Speckle server about `secret` (see the module doc).
pub fn speckle(
    transport: &Transport,
    target: &Target<'_>,
    secret: &str,
    clues: &Clues,
) -> Verification {
    if !is_speckle_token(secret) {
        return unknown(
            "not sent: a Speckle token is 10 hex characters of id and 32 of secret, and this is not",
        );
    }
    if let Some(name) = clues
        .names
        .iter()
        .map(|n| assigned_name(n))
        .find(|n| n.to_ascii_lowercase().contains("refresh"))
    {
        return unknown(scrub(
            &format!(
                "not sent: assigned to `{name}`, a refresh token, which is exchanged only with its app's secret and never sent as a Bearer token; rotate it with its access token"
            ),
            secret,
        ));
    }
    let request = match speckle_request(target.base(), secret, SPECKLE_IDENTITY_QUERY) {
        Ok(request) => request,
        Err(reason) => return super::skipped(format!("endpoint not allowed: {reason}")),
    };
    let host = match target {
        Target::Override(_) => request.url.host_str().unwrap_or("?").to_string(),
        _ => SPECKLE_DEFAULT_HOST.to_string(),
    };
    let answer = match transport.send(request, secret) {
        Ok(answer) => answer,
        Err(reason) => return unknown(format!("{host}: {reason}")),
    };
    let mut verdict = read_identity(&answer, secret, &host);
    match verdict.status {
        VerifyStatus::Live => {
            match speckle_scopes(transport, target.base(), secret) {
                Some(scopes) => verdict.scopes = scopes,
                None => verdict
                    .detail
                    .push_str("; its scopes are not readable with this token"),
            }
            verdict.detail.push_str(&format!("; {SPECKLE_LAST_USED}"));
        }
        VerifyStatus::Dead if !matches!(target, Target::Override(_)) => {
            if let Some(named) = other_server(clues, std::slice::from_ref(&host), target) {
                return unknown(format!(
                    "{}; but the content names another Speckle server, {named}, whose tokens {host} rejects the same way: set [verify.endpoints] speckle = \"{named}\" to ask it",
                    verdict.detail
                ));
            }
            verdict.detail.push_str(
                "; a token of a self-hosted server is rejected the same way: set [verify.endpoints] speckle to ask that server",
            );
        }
        _ => {}
    }
    verdict
}

fn read_identity(answer: &Answer, secret: &str, host: &str) -> Verification {
    if let Some(verdict) = triage(answer) {
        return verdict;
    }
    let status = answer.status;
    let json = answer.json();
    if status == 403
        && json
            .as_ref()
            .and_then(|j| j.pointer("/error"))
            .and_then(Value::as_str)
            == Some(SPECKLE_REJECTION)
    {
        return dead(format!(
            "rejected by the Speckle server at {host} (HTTP 403, \"{SPECKLE_REJECTION}\")"
        ));
    }
    if status != 200 {
        return unknown(format!(
            "unexpected answer from the Speckle server at {host} (HTTP {status})"
        ));
    }
    let Some(json) = json else {
        return unknown(format!(
            "the Speckle server at {host} answered HTTP 200 without JSON"
        ));
    };
    match json.pointer("/data/activeUser") {
        Some(user) if user.get("id").is_some_and(|id| !id.is_null()) => live(scrub(
            &format!(
                "accepted by the Speckle server at {host} as user {}",
                value_text(&user["id"])
            ),
            secret,
        )),
        _ if has_error_code(&json, "FORBIDDEN") => live(format!(
            "accepted by the Speckle server at {host}; the token may not read the profile (FORBIDDEN: no profile:read)"
        )),
        Some(Value::Null) => live(format!(
            "accepted by the Speckle server at {host}; the token may not read the profile (no profile:read)"
        )),
        _ => unknown(format!(
            "the Speckle server at {host} answered without activeUser"
        )),
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
    use std::collections::HashMap;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: HashMap::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn identity_answers_are_read_as_the_server_source_says() {
        let s = "0123456789abcdef0123456789abcdef0123456789";
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
            // Not the middleware's rejection: nothing proves the token dead.
            (401, "", VerifyStatus::Unknown),
            (
                403,
                r#"{"error":"You do not have access"}"#,
                VerifyStatus::Unknown,
            ),
            (200, r#"{"data":{}}"#, VerifyStatus::Unknown),
            (200, "<html>login</html>", VerifyStatus::Unknown),
            (502, "", VerifyStatus::Unknown),
            (429, "", VerifyStatus::Unknown),
        ];
        for (status, body, expected) in cases {
            assert_eq!(
                read_identity(&answer(status, body), s, "h").status,
                expected,
                "{status} {body}"
            );
        }
    }

    #[test]
    fn the_assigned_name_is_the_key_before_the_secret() {
        assert_eq!(
            assigned_name("SPECKLE_REFRESH_TOKEN="),
            "SPECKLE_REFRESH_TOKEN"
        );
        assert_eq!(
            assigned_name(r#"{"refreshToken": "a", "token": ""#),
            "token"
        );
        assert_eq!(assigned_name(r#""refreshToken": ""#), "refreshToken");
        assert_eq!(assigned_name("Bearer "), "Bearer");
        assert_eq!(assigned_name(""), "");
    }

    #[test]
    fn only_the_speckle_shape_is_a_speckle_token() {
        assert!(is_speckle_token(&"a1".repeat(21)));
        assert!(!is_speckle_token(&"a1".repeat(20)));
        assert!(!is_speckle_token(&"A1".repeat(21)));
        assert!(!is_speckle_token(&"g1".repeat(21)));
    }

    #[test]
    fn spell_is_retired() {
        let verdict = spell();
        assert_eq!(verdict.status, VerifyStatus::Unknown);
        assert!(verdict
            .detail
            .contains("the service was retired after its 2022 acquisition"));
    }
}
