//! Findings: what leakgate reports, and the one place that decides how a secret is shown.
//!
//! A [`Finding`] carries the secret in a [`Secret`] wrapper whose `Debug` and `Display` are
//! redacted, so a stray `{:?}` in a log line, an error or a panic can never print a token
//! (SPEC §3, "never print or write a full secret unless asked"). Only the report writers call
//! [`Secret::expose`], and only when `--show-secrets` was given.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;

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
///
/// A commit subject can hold a token (`fix: use sk-ant-… for now`). `summary` is the text
/// as recorded; `summary_secrets` are the secrets known to occur in it (found by scanning
/// the message, or as other findings' secrets). Reports show [`CommitInfo::shown`], never
/// `summary` directly, and `Debug` shows the redacted summary.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    pub id: String,
    pub author: String,
    pub email: String,
    /// RFC 3339 in UTC, e.g. `2026-01-02T03:04:05Z`.
    pub date: String,
    pub summary: String,
    /// Secrets that occur in `summary`, redacted wherever it is shown.
    #[serde(skip)]
    pub summary_secrets: Vec<Secret>,
}

impl CommitInfo {
    /// The commit as a report shows it: the summary whole with `--show-secrets`, else with
    /// every known secret in it (its own `summary_secrets` and `also`) redacted.
    pub fn shown(&self, show_secrets: bool, also: Option<&Secret>) -> CommitInfo {
        let summary = if show_secrets {
            self.summary.clone()
        } else {
            let known = self.summary_secrets.iter().chain(also).map(Secret::expose);
            redact_occurrences(&self.summary, known)
        };
        CommitInfo {
            summary,
            summary_secrets: Vec::new(),
            ..self.clone()
        }
    }

    /// Adds `secret` to the secrets known to occur in the summary, once.
    pub fn note_secret(&mut self, secret: &Secret) {
        if !self.summary_secrets.contains(secret) {
            self.summary_secrets.push(secret.clone());
        }
    }
}

impl fmt::Debug for CommitInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommitInfo")
            .field("id", &self.id)
            .field("author", &self.author)
            .field("email", &self.email)
            .field("date", &self.date)
            .field("summary", &self.shown(false, None).summary)
            .finish()
    }
}

/// `text` with every occurrence of any of `secrets` redacted. Occurrences that overlap or
/// touch are one stretch and get one redaction covering all of it, so no byte of any
/// secret shows and no secret's head is shown twice.
pub fn redact_occurrences<'a>(text: &str, secrets: impl IntoIterator<Item = &'a str>) -> String {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for secret in secrets.into_iter().filter(|s| !s.is_empty()) {
        spans.extend(text.match_indices(secret).map(|(at, s)| (at, at + s.len())));
    }
    if spans.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in merge_spans(spans) {
        out.push_str(&text[at..start]);
        out.push_str(&redact(&text[start..end]));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte spans sorted and merged: spans that overlap or touch become one.
pub fn merge_spans(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Makes every finding's commit summary know every reported secret that occurs in it, so
/// that a token reported in one place is redacted in another commit's subject too. One
/// Aho-Corasick pass per distinct summary.
pub fn share_summary_secrets(findings: &mut [Finding]) {
    // Before collecting anything: a scan with half a million findings and no commits must
    // not hold a second copy of every secret.
    if findings.iter().all(|f| f.commit.is_none()) {
        return;
    }
    let secrets: Vec<Secret> = {
        let mut all: Vec<Secret> = findings
            .iter()
            .filter_map(|f| f.secret.clone())
            .filter(|s| !s.expose().is_empty())
            .collect();
        all.sort();
        all.dedup();
        all
    };
    if secrets.is_empty() {
        return;
    }
    let Ok(automaton) = aho_corasick::AhoCorasick::new(secrets.iter().map(Secret::expose)) else {
        return;
    };
    let mut found: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for finding in findings.iter_mut() {
        let Some(commit) = finding.commit.as_mut() else {
            continue;
        };
        let hits = found.entry(commit.summary.clone()).or_insert_with(|| {
            let mut hits: Vec<usize> = automaton
                .find_overlapping_iter(&commit.summary)
                .map(|m| m.pattern().as_usize())
                .collect();
            hits.sort_unstable();
            hits.dedup();
            hits
        });
        for &i in hits.iter() {
            commit.note_secret(&secrets[i]);
        }
    }
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
    /// For a live secret: whether `leakgate revoke --rule ID` can act on it (its rule has a
    /// revoker). Absent for every other status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revocable: Option<bool>,
}

/// The text on either side of a secret on its line, cut to a readable length, with any
/// other secret on that line already redacted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineContext {
    pub before: String,
    pub after: String,
    /// When other secrets overlap or touch this one (a JWT found whole and in parts), the
    /// whole stretch of the line they cover, this secret included: shown as one redaction
    /// in place of the secret, so that no byte of a neighbour shows between the two.
    pub covering: Option<Secret>,
    /// Not on the line: a server URL the file names near the secret (the rule's verify
    /// `server_hint`), for `--verify`. Never contacted, only named when the default
    /// server's rejection proves nothing. Not reported.
    pub server_hint: Option<String>,
    /// Not on the line: the other part of a two-part credential the file holds near the
    /// secret (the rule's verify `companion`, such as an AWS access key id), for `--verify`.
    /// Not reported.
    pub companion: Option<Secret>,
}

/// One reported finding, with its provenance.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: Arc<str>,
    pub kind: FindingKind,
    /// The rule's title, shared with the rule (a `.env` finding names its state in it).
    pub title: Arc<str>,
    /// Path relative to the scan root or repository; `None` for a commit message or stdin.
    pub path: Option<Arc<str>>,
    /// 1-based line, `None` for a `file` finding.
    pub line: Option<usize>,
    /// 1-based column in bytes, `None` for a `file` finding.
    pub column: Option<usize>,
    pub secret: Option<Secret>,
    /// The text around the secret on its line; other secrets in it are already redacted.
    /// Boxed, like `commit`: absent from most findings a JSON report holds (the line is
    /// kept only for the human report and `--verify`), and half a million findings must
    /// not each carry its inline size (issue 12 item 5).
    pub context: Option<Box<LineContext>>,
    pub fingerprint: Fingerprint,
    /// Present only for history findings; boxed for the same reason as `context`.
    pub commit: Option<Box<CommitInfo>>,
    /// Only with `--verify`; boxed for the same reason as `context`.
    pub verification: Option<Box<Verification>>,
    /// The rule's remediation, shared with the rule.
    pub remediation: Option<Arc<str>>,
    /// The repository the finding was made in, when it is not the local one: the URL of a
    /// repository audited by `history --repo URL` or an organisation listing, with any
    /// credentials in it already removed ([`crate::source::remote::RemoteUrl::shown`]).
    pub repository: Option<Arc<str>>,
    /// What a merged report (`report merge`) knows beyond one place: the secret's other
    /// places (one secret leaked in 30 repositories is one finding with 29 more places) and
    /// the rating its shard gave it. `None` elsewhere.
    pub merged: Option<Box<Merged>>,
}

/// A finding read back from shard reports by `report merge`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// The same secret's other places, in report order.
    pub places: Vec<Place>,
    /// The shard's rating: the merge has no rule for a shard's own rules, and the secret
    /// it reads is redacted, so it keeps the rating the shard wrote.
    pub severity: Option<Severity>,
    pub confidence: Option<Confidence>,
}

/// One more place of a secret in a merged report: where, and in which commit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// As the shard wrote it (its summary already redacted unless the shard showed secrets).
    pub commit: Option<CommitInfo>,
}

/// A finding's fingerprint: the first 16 hex digits of SHA-256 over `rule id`, a NUL byte
/// and the secret (SPEC §3). Held inline (16 bytes, no allocation): half a million findings
/// each carry one (issue 12 item 5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint([u8; 16]);

impl Fingerprint {
    /// The fingerprint as the 16 lowercase hex digits reports show.
    pub fn as_str(&self) -> &str {
        // Built only from ASCII hex digits (by `fingerprint` or `parse`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// A fingerprint written by a report or a config file: exactly 16 hex digits, either
    /// case (stored lowercase).
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let bytes: [u8; 16] = text.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(u8::is_ascii_hexdigit)
            .then(|| Fingerprint(bytes.map(|b| b.to_ascii_lowercase())))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({})", self.as_str())
    }
}

impl PartialEq<str> for Fingerprint {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Fingerprint {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The fingerprint of `secret` found by rule `rule_id` (SPEC §3).
pub fn fingerprint(rule_id: &str, secret: &str) -> Fingerprint {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hasher = Sha256::new();
    hasher.update(rule_id.as_bytes());
    hasher.update([0u8]);
    hasher.update(secret.as_bytes());
    let digest = hasher.finalize();
    let mut out = [0u8; 16];
    for (i, byte) in digest[..8].iter().enumerate() {
        out[2 * i] = HEX[usize::from(byte >> 4)];
        out[2 * i + 1] = HEX[usize::from(byte & 0xf)];
    }
    Fingerprint(out)
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
        let (before, secret, after) = self.shown_line_parts(show_secrets)?;
        Some(format!("{before}{secret}{after}"))
    }

    /// [`Finding::shown_line`] in three parts: the text before the secret, the secret (or
    /// the stretch of overlapping secrets holding it) as shown, and the text after it.
    pub fn shown_line_parts(&self, show_secrets: bool) -> Option<(&str, String, &str)> {
        let context = self.context.as_ref()?;
        let shown = match (&context.covering, show_secrets) {
            (Some(covering), true) => covering.expose().to_string(),
            (Some(covering), false) => covering.redacted(),
            (None, _) => self.shown_secret(show_secrets).unwrap_or_default(),
        };
        Some((&context.before, shown, &context.after))
    }

    /// The commit as the report should show it: its summary with this finding's secret and
    /// every other secret known to occur in it redacted, unless `--show-secrets`.
    pub fn shown_commit(&self, show_secrets: bool) -> Option<CommitInfo> {
        self.commit
            .as_ref()
            .map(|c| c.shown(show_secrets, self.secret.as_ref()))
    }

    /// Ordering used by every report: path, then line, column and rule.
    pub fn sort_key(&self) -> (Option<&str>, Option<usize>, Option<usize>, &str) {
        (
            self.path.as_deref(),
            self.line,
            self.column,
            self.rule.as_ref(),
        )
    }
}

/// Drops repeated findings: same rule, path, position and fingerprint. Sources that can
/// meet one place twice (overlapping scan paths, a file both walked and read from the index,
/// both stages of a conflicted file) call this before reporting.
///
/// In place (sorted, then adjacent repeats dropped): a scan with half a million findings
/// must not hold a second copy of their keys. Reports sort findings again for display.
pub fn dedup_findings(findings: &mut Vec<Finding>) {
    fn key(f: &Finding) -> (&str, Option<&str>, Option<usize>, Option<usize>, &str) {
        (
            f.rule.as_ref(),
            f.path.as_deref(),
            f.line,
            f.column,
            f.fingerprint.as_str(),
        )
    }
    findings.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
    findings.dedup_by(|a, b| key(a) == key(b));
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
    fn overlapping_occurrences_get_one_redaction() {
        let a = "eyJhbGciOi.payload";
        let b = "payload.sig9";
        let text = format!("token {a}.sig9 end");
        let shown = redact_occurrences(&text, [a, b]);
        assert_eq!(shown, "token eyJh…(23) end");
        assert_eq!(
            redact_occurrences("nothing here", ["secret"]),
            "nothing here"
        );
    }

    #[test]
    fn a_commit_summary_is_redacted_unless_asked() {
        let token = format!("ghp_{}", "Zq9".repeat(12));
        let mut commit = CommitInfo {
            summary: format!("use {token} for now"),
            ..CommitInfo::default()
        };
        assert!(commit.shown(false, None).summary.contains(&token));
        let secret = Secret::new(token.clone());
        assert_eq!(
            commit.shown(false, Some(&secret)).summary,
            "use ghp_…(40) for now"
        );
        commit.note_secret(&secret);
        assert_eq!(commit.shown(false, None).summary, "use ghp_…(40) for now");
        assert!(commit.shown(true, None).summary.contains(&token));
        assert!(!format!("{commit:?}").contains(&token));
    }

    #[test]
    fn a_secret_reported_elsewhere_is_redacted_in_every_subject() {
        let token = format!("pw-{}", "Kq9z".repeat(5));
        let finding = |secret: Option<&str>, summary: &str| Finding {
            rule: "demo".into(),
            kind: FindingKind::Secret,
            title: "Demo".into(),
            path: Some("a.txt".into()),
            line: Some(1),
            column: Some(1),
            secret: secret.map(Secret::new),
            context: None,
            fingerprint: fingerprint("demo", "x"),
            commit: Some(Box::new(CommitInfo {
                summary: summary.to_string(),
                ..CommitInfo::default()
            })),
            verification: None,
            remediation: None,
            repository: None,
            merged: None,
        };
        let mut findings = vec![
            finding(Some(&token), "add config"),
            finding(Some("unrelated-value-1"), &format!("rotate {token} later")),
        ];
        share_summary_secrets(&mut findings);
        let shown = findings[1].shown_commit(false).unwrap().summary;
        assert_eq!(shown, "rotate pw-K…(23) later");
        assert!(findings[0].shown_commit(false).unwrap().summary == "add config");
    }

    #[test]
    fn fingerprint_depends_on_rule_and_secret_only() {
        let a = fingerprint("github-pat", "value-one");
        assert_eq!(a.as_str().len(), 16);
        assert_eq!(a, fingerprint("github-pat", "value-one"));
        assert_ne!(a, fingerprint("github-pat", "value-two"));
        assert_ne!(a, fingerprint("gitlab-pat", "value-one"));
    }
}
