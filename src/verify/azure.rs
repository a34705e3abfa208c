//! The `azure-storage` built-in verifier: an Azure storage account key, with the account
//! name the file gives near it (the rule's `companion`), asked with a Shared Key signed
//! `List Containers` (`GET https://{account}.blob.core.windows.net/?comp=list&maxresults=1`,
//! <https://learn.microsoft.com/rest/api/storageservices/list-containers2>), a read of the
//! account's container names that changes nothing.
//!
//! - The account name fills the one label of the issuer's host: 3 to 24 lowercase letters
//!   and digits, as Azure requires of a storage account's name
//!   (<https://learn.microsoft.com/azure/storage/common/storage-account-overview#storage-account-name>),
//!   with the fixed suffix `.blob.core.windows.net`, https only. Nothing else from the
//!   content chooses a host. When the content names another cloud (`EndpointSuffix=` or a
//!   blob endpoint outside `core.windows.net`: Azure China, US Government), the key is not
//!   sent: `unknown`, naming it.
//! - The signature follows "Authorize with Shared Key"
//!   (<https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key>):
//!   HMAC-SHA256 with the base64-decoded key over the verb, twelve standard header lines,
//!   the `x-ms-` headers and the canonicalized resource.
//! - HTTP 200 is `live`. HTTP 403 `AuthenticationFailed` whose detail says the MAC signature
//!   is not the same as any computed signature is the answer to a key that is not (or no
//!   longer) one of the account's two keys
//!   (<https://learn.microsoft.com/rest/api/storageservices/common-rest-api-error-codes>,
//!   <https://learn.microsoft.com/troubleshoot/azure/azure-storage/blobs/authentication/storage-troubleshoot-403-errors>):
//!   `dead`. Another `AuthenticationFailed` (a skewed clock: "Request date header too old"),
//!   `KeyBasedAuthenticationNotPermitted` (the account refuses Shared Key, the key may still
//!   be valid), `AuthorizationFailure` (a firewall), a DNS failure (no such account) and
//!   anything else are `unknown`.

use super::http::{Answer, Request, Transport};
use super::sigv4::utc_parts;
use super::table::{short, triage};
use super::{dead, endpoint, live, unknown, Clues, Target};
use crate::finding::Verification;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::{SystemTime, UNIX_EPOCH};

/// The Blob service version the request asks for.
pub const AZURE_STORAGE_VERSION: &str = "2021-08-06";
/// The URL template; `{{label}}` is the account name.
const LIST_CONTAINERS: &str = "https://{{label}}.blob.core.windows.net/?comp=list&maxresults=1";
/// The public cloud's storage suffix.
const PUBLIC_SUFFIX: &str = "core.windows.net";
/// What Azure says, in `AuthenticationErrorDetail`, when the key is not the account's.
pub const WRONG_KEY_DETAIL: &str = "The MAC signature found in the HTTP request";

/// A storage account name: 3 to 24 lowercase letters and digits.
pub fn is_account_name(name: &str) -> bool {
    (3..=24).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// `Sun, 06 Dec 2026 13:00:00 GMT` (RFC 1123), for `x-ms-date`.
pub fn rfc1123(unix_seconds: u64) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day, hour, minute, second, weekday) = utc_parts(unix_seconds);
    format!(
        "{}, {day:02} {} {year:04} {hour:02}:{minute:02}:{second:02} GMT",
        DAYS[weekday as usize],
        MONTHS[(month - 1) as usize]
    )
}

/// The Shared Key string to sign for `GET /?comp=list&maxresults=1` with no body.
pub fn string_to_sign(account: &str, ms_date: &str) -> String {
    // VERB, then Content-Encoding, Content-Language, Content-Length (empty for 0),
    // Content-MD5, Content-Type, Date, If-Modified-Since, If-Match, If-None-Match,
    // If-Unmodified-Since, Range: all empty.
    format!(
        "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:{ms_date}\nx-ms-version:{AZURE_STORAGE_VERSION}\n/{account}/\ncomp:list\nmaxresults:1"
    )
}

/// The `Authorization` header, or `None` when the key is not base64.
pub fn authorization(account: &str, key: &str, ms_date: &str) -> Option<String> {
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
    // Keys written by hand or cut may carry non-zero trailing bits: still decoded.
    let lenient = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
    );
    let key = lenient.decode(key).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(string_to_sign(account, ms_date).as_bytes());
    let signature = STANDARD.encode(mac.finalize().into_bytes());
    Some(format!("SharedKey {account}:{signature}"))
}

/// The element text of `<tag>` in an XML answer.
fn element<'a>(body: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find(&format!("</{tag}>"))?;
    Some(body[start..start + end].trim())
}

fn read(answer: &Answer, host: &str) -> Verification {
    if let Some(verdict) = triage(answer) {
        return unknown(format!("{host}: {}", verdict.detail));
    }
    let body = String::from_utf8_lossy(&answer.body);
    let code = element(&body, "Code").unwrap_or_default();
    match (answer.status, code) {
        (200, _) => live(format!(
            "accepted by Azure Storage at {host} (HTTP 200, List Containers)"
        )),
        (403, "AuthenticationFailed") if body.contains(WRONG_KEY_DETAIL) => dead(format!(
            "rejected by Azure Storage at {host}: not one of the account's keys (HTTP 403 AuthenticationFailed, MAC signature mismatch)"
        )),
        (status, "") => unknown(format!(
            "unexpected answer from Azure Storage at {host} (HTTP {status})"
        )),
        (status, code) => unknown(format!(
            "unexpected answer from Azure Storage at {host} (HTTP {status} {})",
            short(code)
        )),
    }
}

/// Asks the account's Blob service about the key (see the module doc).
pub fn verify(
    transport: &Transport,
    target: &Target<'_>,
    secret: &str,
    clues: &Clues,
) -> Verification {
    let Some(account) = clues.companions.first().map(|c| c.expose()) else {
        return unknown(
            "not sent: a storage account key is checked at its account, and no account name (AccountName=, --account-name, {name}.blob.core.windows.net) was found near it in the file",
        );
    };
    if !is_account_name(account) {
        return unknown(
            "not sent: the account name found near it is not a storage account name (3 to 24 lowercase letters and digits)",
        );
    }
    if !matches!(target, Target::Override(_)) {
        let foreign = clues.servers.iter().find(|server| {
            let host = url::Url::parse(server)
                .ok()
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
                .unwrap_or_default();
            host != PUBLIC_SUFFIX && !host.ends_with(&format!(".{PUBLIC_SUFFIX}"))
        });
        if let Some(named) = foreign {
            return unknown(format!(
                "not sent: the content names a server outside Azure's public cloud ({named}); set [verify.endpoints] azure-storage to the account's blob endpoint there to ask it"
            ));
        }
    }
    let template = LIST_CONTAINERS.replace("{{label}}", account);
    let url = match endpoint::with_base(&template, target.base())
        .and_then(|t| endpoint::render(&t, ""))
    {
        Ok(url) => url,
        Err(reason) => return super::skipped(format!("endpoint not allowed: {reason}")),
    };
    let ms_date = rfc1123(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    let Some(auth) = authorization(account, secret, &ms_date) else {
        return unknown("not sent: the key is not base64");
    };
    let host = match target {
        Target::Override(_) => url.host_str().unwrap_or("?").to_string(),
        _ => format!("{account}.blob.{PUBLIC_SUFFIX}"),
    };
    let request = Request {
        method: "GET".into(),
        url,
        headers: vec![
            ("x-ms-date".into(), ms_date),
            ("x-ms-version".into(), AZURE_STORAGE_VERSION.into()),
            ("Authorization".into(), auth),
        ],
        body: None,
    };
    match transport.send(request, secret) {
        Ok(answer) => read(&answer, &host),
        Err(reason) => unknown(format!("{host}: {reason}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc1123() {
        assert_eq!(rfc1123(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(rfc1123(1_796_562_000), "Sun, 06 Dec 2026 13:00:00 GMT");
    }

    #[test]
    fn account_names_are_strict() {
        assert!(is_account_name("acmeprod01"));
        for bad in [
            "ab",
            "Acme",
            "acme-prod",
            "a.b.c",
            &"a".repeat(25),
            "acme/x",
        ] {
            assert!(!is_account_name(bad), "{bad}");
        }
    }

    #[test]
    fn the_string_to_sign_has_the_documented_layout() {
        let text = string_to_sign("acmeprod", "Sun, 06 Dec 2026 13:00:00 GMT");
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(lines[0], "GET");
        // Eleven standard headers, all empty, then the canonicalized headers and resource.
        assert!(lines[1..12].iter().all(|l| l.is_empty()));
        assert_eq!(lines[12], "x-ms-date:Sun, 06 Dec 2026 13:00:00 GMT");
        assert_eq!(lines[13], "x-ms-version:2021-08-06");
        assert_eq!(&lines[14..], ["/acmeprod/", "comp:list", "maxresults:1"]);
    }
}
