//! The Cloudflare API token revoker: two requests, both with the token itself.
//!
//! 1. `GET /client/v4/user/tokens/verify` gives the token's id and status
//!    (<https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/>):
//!    `result.status` `active` goes on; `disabled` or `expired`, or error code 1000 (`Invalid
//!    API Token`), means there is nothing to revoke.
//! 2. `DELETE /client/v4/user/tokens/{id}` destroys it, which the token may do only if it
//!    holds the `API Tokens Write` permission
//!    (<https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/delete/>):
//!    `success: true` is a revocation; a refusal says the permission is missing.
//!
//! The id must be 32 hex characters before it is put in the path. Requests go to
//! `api.cloudflare.com` or a `[verify.endpoints] cloudflare` base, nowhere else.

use super::{failed, Revocation, RevokeMeans};
use crate::verify::endpoint;
use crate::verify::http::{scrub, Answer, Request, Transport};
use crate::verify::table::{short, triage};
use crate::verify::Target;
use serde_json::Value;

/// Cloudflare's API base.
pub const DEFAULT_BASE: &str = "https://api.cloudflare.com";
/// The host of Cloudflare's API.
pub const DEFAULT_HOST: &str = "api.cloudflare.com";
/// The permission a token needs to delete itself.
pub const PERMISSION: &str = "API Tokens Write";

fn request(base: Option<&str>, method: &str, path: &str, secret: &str) -> Result<Request, String> {
    let template = endpoint::with_base(
        &format!("{DEFAULT_BASE}{path}"),
        Some(base.unwrap_or(DEFAULT_BASE)),
    )?;
    Ok(Request {
        method: method.into(),
        url: endpoint::render(&template, secret)?,
        headers: vec![
            ("Authorization".into(), format!("Bearer {secret}")),
            ("User-Agent".into(), "leakgate".into()),
        ],
        body: None,
    })
}

/// What the first request found.
enum Lookup {
    /// The token's id; it is active.
    Active(String),
    /// The answer, already read.
    Done(Revocation),
}

/// The first error's code and message, for a detail.
fn first_error(json: Option<&Value>) -> Option<(u64, String)> {
    let error = json?.pointer("/errors/0")?;
    let code = error.get("code")?.as_u64()?;
    let message = error
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Some((code, short(message)))
}

fn read_lookup(answer: &Answer, server: &str, secret: &str) -> Lookup {
    if let Some(verdict) = triage(answer) {
        return Lookup::Done(failed(format!("{server}: {}", verdict.detail)));
    }
    let json = answer.json();
    let status = answer.status;
    if matches!(status, 400 | 401) && first_error(json.as_ref()).is_some_and(|(c, _)| c == 1000) {
        return Lookup::Done(Revocation {
            status: RevokeMeans::Invalid,
            detail: format!(
                "{server} does not accept this token (HTTP {status}, code 1000, Invalid API Token): nothing to revoke"
            ),
        });
    }
    let result = json.as_ref().and_then(|j| j.get("result"));
    let id = result
        .and_then(|r| r.get("id"))
        .and_then(Value::as_str)
        .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()));
    let token_status = result.and_then(|r| r.get("status")).and_then(Value::as_str);
    match (status, id, token_status) {
        (200, Some(id), Some("active")) => Lookup::Active(id.to_string()),
        (200, _, Some(other @ ("disabled" | "expired"))) => Lookup::Done(Revocation {
            status: RevokeMeans::Invalid,
            detail: format!("{server} says the token is {other}: nothing to revoke"),
        }),
        _ => Lookup::Done(failed(scrub(
            &format!(
                "unexpected answer from {server} to the token lookup (HTTP {status}{}): not revoked",
                first_error(json.as_ref())
                    .map(|(c, m)| format!(", code {c}, {m}"))
                    .unwrap_or_default()
            ),
            secret,
        ))),
    }
}

fn read_delete(answer: &Answer, server: &str, secret: &str) -> Revocation {
    if let Some(verdict) = triage(answer) {
        return failed(format!("{server}: {}", verdict.detail));
    }
    let json = answer.json();
    let status = answer.status;
    if status == 200 && json.as_ref().and_then(|j| j.get("success")) == Some(&Value::Bool(true)) {
        return Revocation {
            status: RevokeMeans::Revoked,
            detail: format!("revoked by {server} (HTTP 200, the token was deleted)"),
        };
    }
    let said = first_error(json.as_ref())
        .map(|(c, m)| format!(", code {c}, {m}"))
        .unwrap_or_default();
    let why = if matches!(status, 401 | 403) {
        format!(
            ": a token may delete itself only with the `{PERMISSION}` permission; delete it at https://dash.cloudflare.com/profile/api-tokens"
        )
    } else {
        String::new()
    };
    failed(scrub(
        &format!("{server} did not delete the token (HTTP {status}{said}){why}"),
        secret,
    ))
}

/// Asks Cloudflare to delete the API token `secret` (see the module doc).
pub fn revoke(transport: &Transport, target: &Target<'_>, secret: &str) -> Revocation {
    let shape = secret.len() == 40
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !shape {
        return failed("not sent: a Cloudflare API token is 40 letters, digits, `_` or `-`");
    }
    let lookup = match request(
        target.base(),
        "GET",
        "/client/v4/user/tokens/verify",
        secret,
    ) {
        Ok(request) => request,
        Err(reason) => return failed(format!("endpoint not allowed: {reason}")),
    };
    let host = match target {
        Target::Override(_) => lookup.url.host_str().unwrap_or("?").to_string(),
        _ => DEFAULT_HOST.to_string(),
    };
    let server = format!("Cloudflare at {host}");
    let id = match transport.send(lookup, secret) {
        Ok(answer) => match read_lookup(&answer, &server, secret) {
            Lookup::Active(id) => id,
            Lookup::Done(revocation) => return revocation,
        },
        Err(reason) => return failed(format!("{host}: {reason}")),
    };
    let delete = match request(
        target.base(),
        "DELETE",
        &format!("/client/v4/user/tokens/{id}"),
        secret,
    ) {
        Ok(request) => request,
        Err(reason) => return failed(format!("endpoint not allowed: {reason}")),
    };
    match transport.send(delete, secret) {
        Ok(answer) => read_delete(&answer, &server, secret),
        Err(reason) => failed(format!("{host}: {reason}")),
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

    const ID: &str = "f267e341f3dd4697bd3b9f71dd96247f";
    /// Not token-shaped on purpose: only scrubbed from details.
    const SECRET: &str = "test-secret-never-shown";

    #[test]
    fn the_lookup_finds_an_active_token_or_says_why_not() {
        let read = |status, body: &str| read_lookup(&answer(status, body), "CF", SECRET);
        let active = format!(r#"{{"result":{{"id":"{ID}","status":"active"}},"success":true}}"#);
        assert!(matches!(read(200, &active), Lookup::Active(id) if id == ID));
        for (status, body, expected) in [
            (
                200,
                format!(r#"{{"result":{{"id":"{ID}","status":"disabled"}},"success":true}}"#),
                RevokeMeans::Invalid,
            ),
            (
                401,
                r#"{"success":false,"errors":[{"code":1000,"message":"Invalid API Token"}]}"#
                    .into(),
                RevokeMeans::Invalid,
            ),
            (
                200,
                r#"{"result":{"id":"../../zones","status":"active"},"success":true}"#.into(),
                RevokeMeans::Failed,
            ),
            (
                403,
                r#"{"success":false,"errors":[]}"#.into(),
                RevokeMeans::Failed,
            ),
            (503, "{}".into(), RevokeMeans::Failed),
        ] {
            match read(status, &body) {
                Lookup::Done(revocation) => assert_eq!(revocation.status, expected, "{body}"),
                Lookup::Active(_) => panic!("{body}: active"),
            }
        }
    }

    #[test]
    fn the_deletion_needs_success_and_a_refusal_names_the_permission() {
        let read = |status, body: &str| read_delete(&answer(status, body), "CF", SECRET);
        let done = read(
            200,
            &format!(r#"{{"success":true,"result":{{"id":"{ID}"}}}}"#),
        );
        assert_eq!(done.status, RevokeMeans::Revoked);
        let refused = read(
            403,
            r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}"#,
        );
        assert_eq!(refused.status, RevokeMeans::Failed);
        assert!(refused.detail.contains(PERMISSION), "{}", refused.detail);
        assert!(refused.detail.contains("10000"), "{}", refused.detail);
        assert_eq!(
            read(200, r#"{"success":false}"#).status,
            RevokeMeans::Failed
        );
    }
}
