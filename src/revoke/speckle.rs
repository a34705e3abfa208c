//! The Speckle revoker: the GraphQL mutation `apiTokenRevoke`, sent with the token itself.
//!
//! From Speckle's published server source (specklesystems/speckle-server):
//! - `packages/server/assets/core/typedefs/apitoken.graphql`: `apiTokenRevoke(token:
//!   String!): Boolean!` needs the server role `SERVER_USER` and the token scope
//!   `tokens:write` (`@hasScope`);
//! - `packages/server/modules/core/graph/resolvers/apitoken.ts` and
//!   `modules/core/repositories/tokens.ts` (`revokeUserTokenByIdFactory`): the argument is cut
//!   to its first 10 characters, the token's id, and only a token the caller owns is deleted
//!   (`Did not revoke token` otherwise): so only the id is sent as the argument;
//! - `modules/shared/services/auth.ts` (`validateScopesFactory`): a token without the scope
//!   gets a GraphQL error `Your auth token does not have the required scope: tokens:write.`
//!   with code `FORBIDDEN` inside HTTP 200;
//! - `modules/shared/middleware/index.ts` (`createAuthContextFromToken`): a token the server
//!   does not accept (invalid, revoked, expired, or another server's) gets HTTP 403
//!   `{"error":"Your token is not valid."}` before GraphQL runs.
//!
//! A self-hosted server's token is sent there only when `[verify.endpoints] speckle` names it.

use super::{failed, Revocation, RevokeMeans};
use crate::verify::builtin::{is_speckle_token, SPECKLE_DEFAULT_BASE, SPECKLE_REJECTION};
use crate::verify::endpoint;
use crate::verify::http::{scrub, Answer, Request, Transport};
use crate::verify::table::{short, triage};
use crate::verify::Target;
use serde_json::Value;

/// The host of Speckle's public server.
pub const DEFAULT_HOST: &str = "app.speckle.systems";
/// The mutation; its variable is the token's id.
pub const REVOKE_MUTATION: &str =
    "mutation RevokeToken($token: String!) { apiTokenRevoke(token: $token) }";
/// The scope the mutation needs.
pub const REVOKE_SCOPE: &str = "tokens:write";
/// Length of the id at the start of a Speckle token.
const TOKEN_ID_LEN: usize = 10;

fn revoke_request(base: Option<&str>, secret: &str) -> Result<Request, String> {
    let template = endpoint::with_base(
        &format!("{SPECKLE_DEFAULT_BASE}/graphql"),
        Some(base.unwrap_or(SPECKLE_DEFAULT_BASE)),
    )?;
    let url = endpoint::render(&template, secret)?;
    let id: String = secret.chars().take(TOKEN_ID_LEN).collect();
    let body = serde_json::json!({ "query": REVOKE_MUTATION, "variables": { "token": id } })
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

/// Asks a Speckle server to revoke `secret` (see the module doc).
pub fn revoke(transport: &Transport, target: &Target<'_>, secret: &str) -> Revocation {
    if !is_speckle_token(secret) {
        return failed(
            "not sent: a Speckle token is 10 hex characters of id and 32 of secret, and this is not",
        );
    }
    let request = match revoke_request(target.base(), secret) {
        Ok(request) => request,
        Err(reason) => return failed(format!("endpoint not allowed: {reason}")),
    };
    let host = match target {
        Target::Override(_) => request.url.host_str().unwrap_or("?").to_string(),
        _ => DEFAULT_HOST.to_string(),
    };
    match transport.send(request, secret) {
        Ok(answer) => read(
            &answer,
            secret,
            &host,
            matches!(target, Target::Override(_)),
        ),
        Err(reason) => failed(format!("{host}: {reason}")),
    }
}

/// Reads the server's answer to the mutation. `chosen` is whether the user named the server.
pub fn read(answer: &Answer, secret: &str, host: &str, chosen: bool) -> Revocation {
    let server = format!("the Speckle server at {host}");
    if let Some(verdict) = triage(answer) {
        return failed(format!("{server}: {}", verdict.detail));
    }
    let json = answer.json();
    if answer.status == 403
        && json
            .as_ref()
            .and_then(|j| j.pointer("/error"))
            .and_then(Value::as_str)
            == Some(SPECKLE_REJECTION)
    {
        let mut detail = format!(
            "{server} does not accept this token (HTTP 403, \"{SPECKLE_REJECTION}\"): nothing to revoke there"
        );
        if !chosen {
            detail.push_str(
                "; a token of a self-hosted server is rejected the same way: set [verify.endpoints] speckle to revoke it there",
            );
        }
        return Revocation {
            status: RevokeMeans::Invalid,
            detail,
        };
    }
    let Some(json) = json.filter(|_| answer.status == 200) else {
        return failed(format!(
            "unexpected answer from {server} (HTTP {}): not known to be revoked",
            answer.status
        ));
    };
    if json.pointer("/data/apiTokenRevoke") == Some(&Value::Bool(true)) {
        return Revocation {
            status: RevokeMeans::Revoked,
            detail: format!("revoked by {server} (apiTokenRevoke: true)"),
        };
    }
    let errors = json
        .get("errors")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let forbidden = errors
        .iter()
        .find(|e| e.pointer("/extensions/code").and_then(Value::as_str) == Some("FORBIDDEN"));
    if let Some(error) = forbidden {
        let message = error.get("message").and_then(Value::as_str).unwrap_or("");
        let why = if message.contains(REVOKE_SCOPE) {
            format!("the token lacks the `{REVOKE_SCOPE}` scope Speckle requires to revoke a token with itself")
        } else {
            format!("FORBIDDEN: {}", short(message))
        };
        return failed(scrub(
            &format!(
                "{server} refused: {why}; revoke it in the web app (profile > Developer settings > Personal Access Tokens)"
            ),
            secret,
        ));
    }
    match errors
        .first()
        .and_then(|e| e.get("message"))
        .and_then(Value::as_str)
    {
        Some(message) => failed(scrub(
            &format!("{server} did not revoke it: {}", short(message)),
            secret,
        )),
        None => failed(format!(
            "{server} answered without apiTokenRevoke: not known to be revoked"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            headers: HashMap::from([("content-type".into(), "application/json".into())]),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn answers_are_read_as_the_server_source_says() {
        let secret = &format!("0123456789{}", "abcdef0123456789".repeat(2));
        let cases = [
            (
                200,
                r#"{"data":{"apiTokenRevoke":true}}"#,
                RevokeMeans::Revoked,
            ),
            (
                403,
                r#"{"error":"Your token is not valid."}"#,
                RevokeMeans::Invalid,
            ),
            (
                200,
                r#"{"errors":[{"message":"Your auth token does not have the required scope: tokens:write.","extensions":{"code":"FORBIDDEN"}}],"data":null}"#,
                RevokeMeans::Failed,
            ),
            (
                200,
                r#"{"errors":[{"message":"Did not revoke token","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}"#,
                RevokeMeans::Failed,
            ),
            (
                200,
                r#"{"data":{"apiTokenRevoke":false}}"#,
                RevokeMeans::Failed,
            ),
            (
                403,
                r#"{"error":"You do not have access"}"#,
                RevokeMeans::Failed,
            ),
            (502, "", RevokeMeans::Failed),
        ];
        for (status, body, expected) in cases {
            let read = read(&answer(status, body), secret, "h", false);
            assert_eq!(read.status, expected, "{status} {body}: {}", read.detail);
        }
        let scope = read(
            &answer(
                200,
                r#"{"errors":[{"message":"Your auth token does not have the required scope: tokens:write.","extensions":{"code":"FORBIDDEN"}}]}"#,
            ),
            secret,
            "h",
            false,
        );
        assert!(
            scope.detail.contains("lacks the `tokens:write` scope"),
            "{}",
            scope.detail
        );
    }

    #[test]
    fn only_the_token_id_is_the_mutation_argument() {
        let secret = &format!("0123456789{}", "abcdef0123456789".repeat(2));
        let request = revoke_request(Some("http://127.0.0.1:9"), secret).unwrap();
        let body: Value = serde_json::from_slice(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["variables"]["token"], "0123456789");
        assert!(!String::from_utf8_lossy(request.body.as_deref().unwrap()).contains(secret));
        assert_eq!(request.url.as_str(), "http://127.0.0.1:9/graphql");
    }
}
