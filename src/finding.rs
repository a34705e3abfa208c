//! Findings: what leakgate reports, and the one place that decides how a secret is shown.
//!
//! A [`Finding`] carries the secret in a [`Secret`] wrapper whose `Debug` and `Display` are
//! redacted, so a stray `{:?}` in a log line, an error or a panic can never print a token
//! (SPEC §3, "never print or write a full secret unless asked"). Only the report writers call
//! [`Secret::expose`], and only when `--show-secrets` was given.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The two kinds of finding (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// A rule's pattern matched content.
    Secret,
    /// A file that must not be committed, whatever it holds.
    File,
}

/// A secret value. Its `Debug` and `Display` show only the redacted form.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The whole secret. Call only to send it to its issuer or when `--show-secrets` is on.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The first 4 characters, `…`, then the length in characters: `ghp_…(40)`.
    pub fn redacted(&self) -> String {
        redact(&self.0)
    }
}

/// Redacts any string the way SPEC §3 describes.
pub fn redact(value: &str) -> String {
    let count = value.chars().count();
    let head: String = value.chars().take(4).collect();
    format!("{head}…({count})")
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.redacted())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// How much harm a leaked secret can do (issue 14): a rule's `severity`. A rule that does
/// not say is [`Severity::High`]: most rules name a credential that acts on a live account;
/// rules for test-mode or short-lived keys say `low` or `medium`, rules for keys that open a
/// whole cloud account, move money or sign as a machine say `critical`. The derived
/// `Default` is the lowest level, the value of an unset `--min-severity`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    Low,
    Medium,
    High,
    Critical,
}

/// How sure leakgate is that a finding is a real secret (issue 14), derived from the rule
/// that found it (see `Rule::confidence`): `high` for a token that carries its issuer's
/// prefix or passes a validator, `medium` for a value found by the words around it,
/// `low` for catch-all rules. `--min-confidence` drops findings below a level.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    #[default]
    Low,
    Medium,
    High,
}

impl std::str::FromStr for Severity {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            _ => Err(format!(
                "unknown severity `{text}` (known: low, medium, high, critical)"
            )),
        }
    }
}

impl std::str::FromStr for Confidence {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_lowercase().as_str() {
            "low" => Ok(Confidence::Low),
            "medium" => Ok(Confidence::Medium),
            "high" => Ok(Confidence::High),
            _ => Err(format!(
                "unknown confidence `{text}` (known: low, medium, high)"
            )),
        }
    }
}

/// The commit that introduced a finding (SPEC §3 `commit`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    pub id: String,
    pub author: String,
    pub email: String,
    /// RFC 3339 in UTC, e.g. `2026-01-02T03:04:05Z`.
    pub date: String,
    pub summary: String,
}

/// Outcome of asking a token's issuer whether it is still accepted (SPEC §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerifyStatus {
    Live,
    Dead,
    Unknown,
    Skipped,
}

/// The `verification` object of a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub status: VerifyStatus,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
}

/// The text on either side of a secret on its line, cut to a readable length, with any
/// other secret on that line already redacted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineContext {
    pub before: String,
    pub after: String,
    /// Not on the line: a server URL the file names near the secret (the rule's verify
    /// `server_hint`), for `--verify`. Never contacted, only named when the default
    /// server's rejection proves nothing. Not reported.
    pub server_hint: Option<String>,
}

/// One reported finding, with its provenance.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: String,
    pub kind: FindingKind,
    pub title: String,
    /// Path relative to the scan root or repository; `None` for a commit message or stdin.
    pub path: Option<String>,
    /// 1-based line, `None` for a `file` finding.
    pub line: Option<usize>,
    /// 1-based column in bytes, `None` for a `file` finding.
    pub column: Option<usize>,
    pub secret: Option<Secret>,
    /// The text around the secret on its line; other secrets in it are already redacted.
    pub context: Option<LineContext>,
    pub fingerprint: String,
    pub commit: Option<CommitInfo>,
    pub verification: Option<Verification>,
    pub remediation: Option<String>,
}

/// First 16 hex digits of SHA-256 over `rule id`, a NUL byte and the secret (SPEC §3).
pub fn fingerprint(rule_id: &str, secret: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(rule_id.as_bytes());
    hasher.update([0u8]);
    hasher.update(secret.as_bytes());
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

impl Finding {
    /// The secret as the report should show it: whole with `--show-secrets`, else redacted.
    pub fn shown_secret(&self, show_secrets: bool) -> Option<String> {
        self.secret.as_ref().map(|s| {
            if show_secrets {
                s.expose().to_string()
            } else {
                s.redacted()
            }
        })
    }

    /// The line the finding sits on, with the secret shown as [`Finding::shown_secret`].
    pub fn shown_line(&self, show_secrets: bool) -> Option<String> {
        let context = self.context.as_ref()?;
        let secret = self.shown_secret(show_secrets).unwrap_or_default();
        Some(format!("{}{}{}", context.before, secret, context.after))
    }

    /// Ordering used by every report: path, then line, column and rule.
    pub fn sort_key(&self) -> (Option<&str>, Option<usize>, Option<usize>, &str) {
        (
            self.path.as_deref(),
            self.line,
            self.column,
            self.rule.as_str(),
        )
    }
}

/// Drops repeated findings: same rule, path, position and fingerprint. Sources that can
/// meet one place twice (overlapping scan paths, a file both walked and read from the index,
/// both stages of a conflicted file) call this before reporting.
pub fn dedup_findings(findings: &mut Vec<Finding>) {
    let mut seen = std::collections::HashSet::new();
    findings.retain(|f| {
        seen.insert((
            f.rule.clone(),
            f.path.clone(),
            f.line,
            f.column,
            f.fingerprint.clone(),
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_keeps_four_characters_and_the_length() {
        let token = format!("ghp_{}", "a1B2".repeat(9));
        assert_eq!(redact(&token), "ghp_…(40)");
        assert_eq!(redact("abc"), "abc…(3)");
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let token = format!("ghp_{}", "Zq9".repeat(12));
        let secret = Secret::new(token.clone());
        assert!(!format!("{secret:?}").contains(&token));
        assert!(!format!("{secret}").contains(&token));
    }

    #[test]
    fn fingerprint_depends_on_rule_and_secret_only() {
        let a = fingerprint("github-pat", "value-one");
        assert_eq!(a.len(), 16);
        assert_eq!(a, fingerprint("github-pat", "value-one"));
        assert_ne!(a, fingerprint("github-pat", "value-two"));
        assert_ne!(a, fingerprint("gitlab-pat", "value-one"));
    }
}
