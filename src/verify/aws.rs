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
//! Not sent: a secret without an access key id near it, or whose nearest key id is a
//! temporary one (`ASIA...`, which needs its session token as well).

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
    now: &str,
) -> Result<Request, String> {
    let url = endpoint::render(&endpoint::with_base(partition.url, base)?, "")?;
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let signed = sign(
        &Signing {
            method: "POST",
            path: "/",
            query: "",
            headers: &[
                ("content-type", CONTENT_TYPE),
                ("host", &host),
                ("x-amz-date", now),
            ],
            body: GET_CALLER_IDENTITY.as_bytes(),
            amz_date: now,
            region: partition.region,
            service: "sts",
        },
        secret,
    );
    Ok(Request {
        method: "POST".into(),
        url,
        headers: vec![
            ("Content-Type".into(), CONTENT_TYPE.into()),
            ("X-Amz-Date".into(), now.into()),
            ("Authorization".into(), signed.authorization(key_id)),
        ],
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

/// Asks each partition's STS about the key (see the module doc).
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
    if !is_long_term_key_id(key_id) {
        return unknown(format!(
            "not sent: the access key id found near it ({}) is not a long-term key (AKIA...); a temporary key (ASIA...) also needs its session token",
            redact(key_id)
        ));
    }
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
    let mut first_unknown: Option<Verification> = None;
    for partition in partitions {
        let request = match request(partition, target.base(), key_id, secret, &now) {
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
            VerifyStatus::Dead => deaths.push(partition.name),
            _ => {
                first_unknown.get_or_insert(verdict);
            }
        }
    }
    match first_unknown {
        Some(verdict) => verdict,
        None => dead(format!(
            "access key id {} unknown to AWS STS in every partition asked ({}: HTTP 403 InvalidClientTokenId)",
            redact(key_id),
            deaths.join(", ")
        )),
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
        let req = request(&PARTITIONS[0], None, &id, &secret, "20261206T130000Z").unwrap();
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
