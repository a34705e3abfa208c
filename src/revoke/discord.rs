//! The Discord webhook revoker: a webhook URL holds its own credential, and Discord lets
//! whoever holds it delete the webhook with it, without authentication:
//! `DELETE /webhooks/{webhook.id}/{webhook.token}` answers 204 No Content
//! (<https://discord.com/developers/docs/resources/webhook#delete-webhook-with-token>).
//! A webhook that no longer exists answers JSON error code 10015 (`Unknown Webhook`), a
//! wrong token 50027 (`Invalid Webhook Token`)
//! (<https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes>).
//!
//! The secret is the whole URL as the rule finds it (`discord.com/api/webhooks/ID/TOKEN`);
//! only its id and token are kept, checked to be digits and URL-safe characters, and the
//! request goes to `discord.com` (or a `[verify.endpoints] discord` base), never to the host
//! the URL names.

use super::{failed, Revocation, RevokeMeans};
use crate::verify::endpoint;
use crate::verify::http::{scrub, Answer, Request, Transport};
use crate::verify::table::triage;
use crate::verify::Target;
use serde_json::Value;

/// Discord's API base.
pub const DEFAULT_BASE: &str = "https://discord.com";
/// The host of Discord's API.
pub const DEFAULT_HOST: &str = "discord.com";

/// The webhook's id and token, from a URL as the rule finds it.
pub fn parts(secret: &str) -> Option<(&str, &str)> {
    let rest = &secret[secret.find("/webhooks/")? + "/webhooks/".len()..];
    let (id, token) = rest.split_once('/')?;
    let token = token.trim_end_matches('/');
    let id_ok = (17..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit());
    let token_ok = (60..=70).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (id_ok && token_ok).then_some((id, token))
}

fn revoke_request(base: Option<&str>, id: &str, token: &str) -> Result<Request, String> {
    let template = endpoint::with_base(
        &format!("{DEFAULT_BASE}/api/v10/webhooks/{id}/{{{{secret}}}}"),
        Some(base.unwrap_or(DEFAULT_BASE)),
    )?;
    Ok(Request {
        method: "DELETE".into(),
        url: endpoint::render(&template, token)?,
        headers: vec![("User-Agent".into(), "leakgate".into())],
        body: None,
    })
}

/// Asks Discord to delete the webhook `secret` names (see the module doc).
pub fn revoke(transport: &Transport, target: &Target<'_>, secret: &str) -> Revocation {
    let Some((id, token)) = parts(secret) else {
        return failed("not sent: not a Discord webhook URL (…/webhooks/<id>/<token>)");
    };
    let request = match revoke_request(target.base(), id, token) {
        Ok(request) => request,
        Err(reason) => return failed(scrub(&format!("endpoint not allowed: {reason}"), token)),
    };
    let host = match target {
        Target::Override(_) => request.url.host_str().unwrap_or("?").to_string(),
        _ => DEFAULT_HOST.to_string(),
    };
    match transport.send(request, secret) {
        Ok(answer) => read(&answer, &host),
        Err(reason) => failed(scrub(&format!("{host}: {reason}"), token)),
    }
}

/// Reads Discord's answer.
pub fn read(answer: &Answer, host: &str) -> Revocation {
    let server = format!("Discord at {host}");
    if let Some(verdict) = triage(answer) {
        return failed(format!("{server}: {}", verdict.detail));
    }
    let status = answer.status;
    if status == 204 {
        return Revocation {
            status: RevokeMeans::Revoked,
            detail: format!("the webhook was deleted by {server} (HTTP 204)"),
        };
    }
    let code = answer
        .json()
        .and_then(|j| j.get("code").and_then(Value::as_u64));
    match (status, code) {
        (404, Some(10015)) | (401, Some(50027)) => Revocation {
            status: RevokeMeans::Invalid,
            detail: format!(
                "{server} does not know this webhook (HTTP {status}, code {}): nothing to revoke",
                code.unwrap_or_default()
            ),
        },
        _ => failed(format!(
            "unexpected answer from {server} (HTTP {status}{}): not known to be revoked",
            code.map(|c| format!(", code {c}")).unwrap_or_default()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn url(id: &str, token: &str) -> String {
        format!("discord.com/api/webhooks/{id}/{token}")
    }

    #[test]
    fn only_an_id_and_a_url_safe_token_are_taken() {
        let token = "a1B2_c3-".repeat(8);
        let id = "1".repeat(18);
        let secret = url(&id, &token);
        assert_eq!(parts(&secret), Some((id.as_str(), token.as_str())));
        assert_eq!(parts(&url("12ab", &token)), None);
        assert_eq!(parts(&url(&id, "short")), None);
        assert_eq!(parts(&url(&id, &format!("{}%2F..", &token[..60]))), None);
        let request = revoke_request(Some("http://127.0.0.1:9"), &id, &token).unwrap();
        assert_eq!(
            request.url.as_str(),
            format!("http://127.0.0.1:9/api/v10/webhooks/{id}/{token}")
        );
        let request = revoke_request(None, &id, &token).unwrap();
        assert_eq!(request.url.host_str(), Some("discord.com"));
    }

    #[test]
    fn answers_are_read_as_discord_documents_them() {
        let answer = |status, body: &str| Answer {
            status,
            headers: HashMap::from([("content-type".into(), "application/json".into())]),
            body: body.as_bytes().to_vec(),
        };
        let cases = [
            (204, "", RevokeMeans::Revoked),
            (
                404,
                r#"{"message":"Unknown Webhook","code":10015}"#,
                RevokeMeans::Invalid,
            ),
            (
                401,
                r#"{"message":"Invalid Webhook Token","code":50027}"#,
                RevokeMeans::Invalid,
            ),
            (
                401,
                r#"{"message":"401: Unauthorized","code":0}"#,
                RevokeMeans::Failed,
            ),
            (
                429,
                r#"{"message":"You are being rate limited.","retry_after":1.0}"#,
                RevokeMeans::Failed,
            ),
            (200, "{}", RevokeMeans::Failed),
        ];
        for (status, body, expected) in cases {
            assert_eq!(
                read(&answer(status, body), "h").status,
                expected,
                "{status} {body}"
            );
        }
    }
}
