//! The `aws` built-in verifier: an AWS secret access key, with the access key id the file
//! holds near it (the rule's `companion`), asked to STS `GetCallerIdentity`, signed with
//! SigV4 ([`super::sigv4`]).
//!
//! - The call needs no permission and changes nothing: every valid key may make it
//!   (<https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html>).
//!   HTTP 200 with `<Arn>` is `live`, naming the ARN.
//! - HTTP 403 `InvalidClientTokenId` ("the X.509 certificate or AWS access key ID provided
//!   does not exist in our records",
//!   <https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html>) says the key id is
//!   unknown to that partition. AWS's partitions (aws, aws-us-gov, aws-cn) keep separate
//!   keys, each with its own STS (<https://docs.aws.amazon.com/general/latest/gr/sts.html>), so
//!   the key is `dead` only when every partition answers so.
//! - HTTP 403 `SignatureDoesNotMatch` says the key id exists but this secret is not its
//!   secret: the pair found in the file may not belong together, so it proves nothing about
//!   the secret: `unknown`, saying the key id is in use.
//! - Anything else (`Throttling`, `RequestExpired` from a skewed clock, `OptInRequired`) is
//!   `unknown`.
//!
//! - HTTP 400/403 `ExpiredToken`: temporary credentials past their expiry, which cannot be
//!   renewed: `dead`.
//!
//! Temporary credentials (`ASIA...` key ids, from `AssumeRole`, SSO or an instance role) are
//! three parts: key id, secret access key and session token, which STS takes in the
//! `X-Amz-Security-Token` header, signed with the rest
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#temporary-security-credentials>).
//! The scanner finds the secret access key (with its key id as `companion`) and the session
//! token by two rules, so each one's check takes the other from the same file
//! ([`super::Clues::neighbours`]): `aws` for the secret access key (with the nearest session
//! token when its key id is temporary) and `aws-session` for the session token (with the
//! nearest secret access key and its key id).
//!
//! Not sent: a secret without an access key id near it, a temporary key id without a session
//! token in the file, or a session token without a temporary key pair in the file.

use super::http::{scrub, Answer, Request, Transport};
use super::sigv4::{amz_date, sign, Signing};
use super::table::{short, triage};
use super::{dead, endpoint, live, unknown, Clues, Target};
use crate::finding::{redact, Verification, VerifyStatus};
use std::time::{SystemTime, UNIX_EPOCH};

/// The `GetCallerIdentity` form body (STS Query API, version 2011-06-15).
pub const GET_CALLER_IDENTITY: &str = "Action=GetCallerIdentity&Version=2011-06-15";
const CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// One partition's STS: its name, URL and signing region.
struct Partition {
    name: &'static str,
    url: &'static str,
    region: &'static str,
}

/// Every partition's STS (<https://docs.aws.amazon.com/general/latest/gr/sts.html>).
const PARTITIONS: &[Partition] = &[
    Partition {
        name: "aws",
        url: "https://sts.amazonaws.com/",
        region: "us-east-1",
    },
    Partition {
        name: "aws-us-gov (GovCloud)",
        url: "https://sts.us-gov-west-1.amazonaws.com/",
        region: "us-gov-west-1",
    },
    Partition {
        name: "aws-cn (China)",
        url: "https://sts.cn-north-1.amazonaws.com.cn/",
        region: "cn-north-1",
    },
];

/// A long-term access key id: `AKIA` and 16 base32 characters.
fn is_long_term_key_id(id: &str) -> bool {
    id.len() == 20
        && id.starts_with("AKIA")
        && id[4..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
}

/// A temporary access key id: `ASIA` and 16 base32 characters.
fn is_temporary_key_id(id: &str) -> bool {
    id.len() == 20
        && id.starts_with("ASIA")
        && id[4..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
}

/// A session token: base64, no whitespace, at least 100 characters (STS's are several hundred).
fn is_session_token(token: &str) -> bool {
    token.len() >= 100
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+' | b'='))
}

/// The rule that finds session tokens, and the one that finds secret access keys.
const SESSION_TOKEN_RULE: &str = "aws-session-token";
const SECRET_KEY_RULE: &str = "aws-secret-access-key";

/// A secret access key: 40 base64 characters.
fn is_secret_access_key(secret: &str) -> bool {
    secret.len() == 40
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+')
}

/// The signed `GetCallerIdentity` request for one partition (at `base`, when set).
fn request(
    partition: &Partition,
    base: Option<&str>,
    key_id: &str,
    secret: &str,
    session_token: Option<&str>,
    now: &str,
) -> Result<Request, String> {
    let url = endpoint::render(&endpoint::with_base(partition.url, base)?, "")?;
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let mut signed_headers = vec![
        ("content-type", CONTENT_TYPE),
        ("host", host.as_str()),
        ("x-amz-date", now),
    ];
    if let Some(token) = session_token {
        signed_headers.push(("x-amz-security-token", token));
    }
    let signed = sign(
        &Signing {
            method: "POST",
            path: "/",
            query: "",
            headers: &signed_headers,
            body: GET_CALLER_IDENTITY.as_bytes(),
            amz_date: now,
            region: partition.region,
            service: "sts",
        },
        secret,
    );
    let mut headers = vec![
        ("Content-Type".into(), CONTENT_TYPE.into()),
        ("X-Amz-Date".into(), now.into()),
    ];
    if let Some(token) = session_token {
        headers.push(("X-Amz-Security-Token".into(), token.to_string()));
    }
    headers.push(("Authorization".into(), signed.authorization(key_id)));
    Ok(Request {
        method: "POST".into(),
        url,
        headers,
        body: Some(GET_CALLER_IDENTITY.as_bytes().to_vec()),
    })
}

/// The text of the first `<tag>` element in an XML answer.
fn element<'a>(body: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{tag}>"))?;
    Some(body[start..start + end].trim())
}

/// Reads one partition's answer.
fn read(answer: &Answer, host: &str, key_id: &str, secret: &str) -> Verification {
    if let Some(verdict) = triage(answer) {
        return unknown(format!("{host}: {}", verdict.detail));
    }
    let body = String::from_utf8_lossy(&answer.body);
    let status = answer.status;
    let code = element(&body, "Code").unwrap_or_default();
    match (status, code) {
        (200, _) => match element(&body, "Arn") {
            Some(arn) => live(scrub(
                &format!("accepted by AWS STS at {host} (HTTP 200) as {}", short(arn)),
                secret,
            )),
            None => unknown(format!(
                "{host}: HTTP 200 without an <Arn>, not a GetCallerIdentity answer"
            )),
        },
        (400 | 403, "ExpiredToken") => dead(format!(
            "the temporary credentials of access key id {} expired (AWS STS at {host}: HTTP {status} ExpiredToken)",
            redact(key_id)
        )),
        (403, "InvalidClientTokenId") => dead(format!(
            "access key id {} unknown to AWS STS at {host} (HTTP 403 InvalidClientTokenId)",
            redact(key_id)
        )),
        (403, "SignatureDoesNotMatch") => unknown(format!(
            "AWS STS at {host} knows access key id {} (still in use: rotate it) but this secret is not its secret (HTTP 403 SignatureDoesNotMatch): the key id found near it may belong to another secret",
            redact(key_id)
        )),
        (_, "") => unknown(format!(
            "unexpected answer from AWS STS at {host} (HTTP {status})"
        )),
        (_, code) => unknown(scrub(
            &format!(
                "unexpected answer from AWS STS at {host} (HTTP {status} {})",
                short(code)
            ),
            secret,
        )),
    }
}

/// Asks each partition's STS about a secret access key (see the module doc).
pub fn verify(
    transport: &Transport,
    target: &Target<'_>,
    secret: &str,
    clues: &Clues,
) -> Verification {
    if !is_secret_access_key(secret) {
        return unknown(
            "not sent: an AWS secret access key is 40 base64 characters, and this is not",
        );
    }
    let Some(key_id) = clues.companions.first().map(|c| c.expose()) else {
        return unknown(
            "not sent: a secret access key is checked with its access key id (AKIA...), and none was found near it in the file",
        );
    };
    if is_long_term_key_id(key_id) {
        return ask_sts(transport, target, key_id, secret, None);
    }
    if !is_temporary_key_id(key_id) {
        return unknown(format!(
            "not sent: the access key id found near it ({}) is not an access key id (AKIA... or ASIA...)",
            redact(key_id)
        ));
    }
    match clues.nearest_neighbour(SESSION_TOKEN_RULE) {
        Some(token) if is_session_token(token.secret.expose()) => {
            ask_sts(transport, target, key_id, secret, Some(token.secret.expose()))
        }
        _ => unknown(format!(
            "not sent: the access key id found near it ({}) is a temporary key (ASIA...), which also needs its session token, and none was found in the file",
            redact(key_id)
        )),
    }
}

/// Asks each partition's STS about a session token, signed with the temporary key pair found
/// in the same file (see the module doc).
pub fn verify_session(
    transport: &Transport,
    target: &Target<'_>,
    token: &str,
    clues: &Clues,
) -> Verification {
    if !is_session_token(token) {
        return unknown("not sent: this does not look like an AWS session token");
    }
    let pair = clues.nearest_neighbour(SECRET_KEY_RULE).and_then(|n| {
        let key_id = n.companion.as_ref()?.expose();
        (is_temporary_key_id(key_id) && is_secret_access_key(n.secret.expose()))
            .then(|| (key_id, n.secret.expose()))
    });
    let Some((key_id, secret)) = pair else {
        return unknown(
            "not sent: a session token is checked with its temporary access key id (ASIA...) and secret access key, and no such pair was found in the file",
        );
    };
    let verdict = ask_sts(transport, target, key_id, secret, Some(token));
    Verification {
        detail: scrub(&verdict.detail, token),
        ..verdict
    }
}

/// Asks each partition's STS (only the override's server under `[verify.endpoints] aws`);
/// live at the first acceptance, dead only if every partition rejects the credentials.
fn ask_sts(
    transport: &Transport,
    target: &Target<'_>,
    key_id: &str,
    secret: &str,
    session_token: Option<&str>,
) -> Verification {
    let now = amz_date(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    // Under a `[verify.endpoints] aws` override, that one server is asked.
    let partitions = match target {
        Target::Override(_) => &PARTITIONS[..1],
        _ => PARTITIONS,
    };
    let mut deaths = Vec::new();
    let mut first_death: Option<Verification> = None;
    let mut first_unknown: Option<Verification> = None;
    for partition in partitions {
        let request = match request(
            partition,
            target.base(),
            key_id,
            secret,
            session_token,
            &now,
        ) {
            Ok(request) => request,
            Err(reason) => return super::skipped(format!("endpoint not allowed: {reason}")),
        };
        let host = match target {
            Target::Override(_) => request.url.host_str().unwrap_or("?").to_string(),
            _ => super::table::default_host(partition.url),
        };
        let verdict = match transport.send(request, secret) {
            Ok(answer) => read(&answer, &host, key_id, secret),
            Err(reason) => unknown(format!("{host}: {reason}")),
        };
        match verdict.status {
            VerifyStatus::Live => return verdict,
            VerifyStatus::Dead => {
                deaths.push(partition.name);
                first_death.get_or_insert(verdict);
            }
            _ => {
                first_unknown.get_or_insert(verdict);
            }
        }
    }
    match (first_unknown, first_death) {
        (Some(verdict), _) => verdict,
        (None, Some(death)) if partitions.len() > 1 => dead(format!(
            "{}; rejected in every partition asked ({})",
            death.detail,
            deaths.join(", ")
        )),
        (None, Some(death)) => death,
        (None, None) => unknown("no AWS STS server was asked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_element() {
        let body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code></Error></ErrorResponse>";
        assert_eq!(element(body, "Code"), Some("InvalidClientTokenId"));
        assert_eq!(element(body, "Arn"), None);
    }

    #[test]
    fn only_long_term_key_ids_are_sent() {
        let id = format!("AKIA{}", "QW3RT5YU7IOPASDF");
        assert!(is_long_term_key_id(&id));
        assert!(!is_long_term_key_id(&id.replacen("AKIA", "ASIA", 1)));
        assert!(!is_long_term_key_id(&id[..19]));
    }

    #[test]
    fn the_request_is_signed_for_sts_and_sends_no_secret() {
        let id = format!("AKIA{}", "QW3RT5YU7IOPASDF");
        let secret = "s".repeat(40);
        let req = request(&PARTITIONS[0], None, &id, &secret, None, "20261206T130000Z").unwrap();
        assert_eq!(req.url.as_str(), "https://sts.amazonaws.com/");
        let auth = &req
            .headers
            .iter()
            .find(|(n, _)| n == "Authorization")
            .unwrap()
            .1;
        assert!(auth.starts_with(&format!(
            "AWS4-HMAC-SHA256 Credential={id}/20261206/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="
        )));
        assert!(!auth.contains(&secret));
        assert_eq!(req.body.as_deref(), Some(GET_CALLER_IDENTITY.as_bytes()));
    }
}
