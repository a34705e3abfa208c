//! `--only-live` without hiding what could not be checked.
//!
//! Keeping only live findings drops dead ones (the issuer said so) and unknown ones (no one
//! could say). The second kind is not an all-clear: offline, a timeout or a rate limit drop
//! every finding. [`keep_only_live`] counts what it dropped and why, so the run can say so
//! and fail (exit 2) unless the user accepted unknowns explicitly (`--accept-unknown`).

use crate::finding::{Finding, VerifyStatus};
use std::collections::BTreeMap;

/// What `--only-live` dropped.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub dead: usize,
    /// Not asked (no verifier, a file finding).
    pub skipped: usize,
    /// Unknown, by reason class (`offline or DNS`, `timeout`, `rate limited`...).
    pub unknown: BTreeMap<&'static str, usize>,
}

impl Dropped {
    pub fn unknown_count(&self) -> usize {
        self.unknown.values().sum()
    }

    /// One line for standard error, or `None` when nothing was dropped.
    pub fn message(&self) -> Option<String> {
        let unknown = self.unknown_count();
        if unknown + self.dead + self.skipped == 0 {
            return None;
        }
        let mut parts = Vec::new();
        if unknown > 0 {
            let reasons: Vec<String> = self
                .unknown
                .iter()
                .map(|(reason, n)| format!("{n} {reason}"))
                .collect();
            parts.push(format!(
                "{unknown} could not be verified ({})",
                reasons.join(", ")
            ));
        }
        if self.dead > 0 {
            parts.push(format!("{} dead", self.dead));
        }
        if self.skipped > 0 {
            parts.push(format!("{} without a verifier", self.skipped));
        }
        Some(format!(
            "--only-live dropped {} finding(s): {}",
            unknown + self.dead + self.skipped,
            parts.join("; ")
        ))
    }
}

/// Keeps the live findings of a verified run and counts the rest.
pub fn keep_only_live(findings: &mut Vec<Finding>) -> Dropped {
    let mut dropped = Dropped::default();
    findings.retain(|finding| {
        let Some(verification) = &finding.verification else {
            dropped.skipped += 1;
            return false;
        };
        match verification.status {
            VerifyStatus::Live => return true,
            VerifyStatus::Dead => dropped.dead += 1,
            VerifyStatus::Skipped => dropped.skipped += 1,
            VerifyStatus::Unknown => {
                *dropped
                    .unknown
                    .entry(reason_class(&verification.detail))
                    .or_default() += 1
            }
        }
        false
    });
    dropped
}

/// The reason an answer was unknown, from its detail (see `http::FAILURE_CLASSES` and
/// `table::triage`).
pub fn reason_class(detail: &str) -> &'static str {
    const CLASSES: &[(&str, &str)] = &[
        (": DNS:", "offline or DNS failure"),
        (": connection refused", "connection refused"),
        (": TLS:", "TLS error"),
        (": timeout:", "timeout"),
        (": connection failed", "connection failed"),
        ("HTTP 429", "rate limited"),
        ("server error", "server error"),
        ("redirect not followed", "redirect"),
        ("an HTML page", "HTML page"),
        ("retired", "retired service"),
        ("not sent", "not sent"),
        (
            "proves nothing",
            "rejected by a server that may not be the issuer",
        ),
        (
            "names another",
            "rejected by a server that may not be the issuer",
        ),
    ];
    CLASSES
        .iter()
        .find(|(marker, _)| detail.contains(marker))
        .map_or("unclear answer", |(_, class)| class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Verification;

    fn finding(status: VerifyStatus, detail: &str) -> Finding {
        let mut finding = crate::dotenv::env_finding(".env");
        finding.verification = Some(Box::new(Verification {
            status,
            detail: detail.into(),
            scopes: Vec::new(),
            revocable: None,
        }));
        finding
    }

    #[test]
    fn only_live_findings_stay_and_the_rest_is_counted_by_reason() {
        let mut findings = vec![
            finding(VerifyStatus::Live, "accepted"),
            finding(VerifyStatus::Dead, "rejected"),
            finding(
                VerifyStatus::Unknown,
                "api.github.com: DNS: host not found (offline?)",
            ),
            finding(
                VerifyStatus::Unknown,
                "api.github.com: DNS: host not found (offline?)",
            ),
            finding(
                VerifyStatus::Unknown,
                "slack.com: timeout: no answer within 10 ms",
            ),
            finding(
                VerifyStatus::Unknown,
                "HTTP 429: rate limited, try again later",
            ),
            finding(VerifyStatus::Skipped, "no verifier"),
        ];
        let dropped = keep_only_live(&mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!(dropped.dead, 1);
        assert_eq!(dropped.skipped, 1);
        assert_eq!(dropped.unknown_count(), 4);
        let message = dropped.message().unwrap();
        assert!(message.contains("6 finding(s)"), "{message}");
        assert!(message.contains("2 offline or DNS failure"), "{message}");
        assert!(message.contains("1 timeout"), "{message}");
        assert!(message.contains("1 rate limited"), "{message}");
        assert_eq!(Dropped::default().message(), None);
    }
}
