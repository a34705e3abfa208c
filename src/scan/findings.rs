//! Matches to [`Finding`]s, without provenance: the one place where the scanner builds a
//! finding, for the pipeline ([`crate::pipeline`]) to attach paths and commits to.

use super::{Match, Scanner};
use crate::finding::{self, Finding, FindingKind};
use std::sync::Arc;

impl Scanner {
    /// A `secret` finding from a match, without commit provenance.
    pub fn secret_finding(&self, m: &Match, path: Option<&Arc<str>>) -> Finding {
        let rule = self.rule(m.rule);
        Finding {
            rule: rule.id.clone(),
            kind: FindingKind::Secret,
            title: rule.title().clone(),
            path: path.cloned(),
            line: Some(m.line),
            column: Some(m.column),
            fingerprint: finding::fingerprint(&rule.id, m.secret.expose()),
            secret: Some(m.secret.clone()),
            context: Some(Box::new(m.context.clone())),
            commit: None,
            verification: None,
            remediation: rule.remediation().cloned(),
            repository: None,
            merged: None,
        }
    }

    /// A `file` finding for a sensitive path. Its fingerprint is over the path, since there
    /// is no secret to name.
    pub fn file_finding(&self, rule_index: usize, path: &str) -> Finding {
        let rule = self.rule(rule_index);
        Finding {
            rule: rule.id.clone(),
            kind: FindingKind::File,
            title: rule.title().clone(),
            path: Some(path.into()),
            line: None,
            column: None,
            secret: None,
            context: None,
            fingerprint: finding::fingerprint(&rule.id, path),
            commit: None,
            verification: None,
            remediation: rule.remediation().cloned(),
            repository: None,
            merged: None,
        }
    }
}

impl Scanner {
    /// One secret, one finding (issue 13): where a blob's sensitive-file finding and a
    /// secret finding report the same secret, drops the less specific of the two.
    ///
    /// A file rule that fires on what its content holds (a `.pem` holding `-----BEGIN ...
    /// PRIVATE KEY-----`, an `.npmrc` line `_authToken=...`, a `.pypirc` `password = ...`)
    /// names the secret that its content regex matches. Where a match of a specific rule
    /// (not a `fallback`) overlaps every stretch its content regex matches, the file finding
    /// goes: the match knows the secret's issuer and says more (the line, a fingerprint of
    /// the secret that a baseline keeps across renames, a verifier). For a rule judged by
    /// path alone (`id_ed25519`) the specific matches must cover every non-blank byte: the
    /// file is that secret. Where instead a catch-all rule's match (`generic-password` under
    /// `.pypirc`'s `password =`) overlaps the file rule's evidence, the file rule is the
    /// more specific one, and the catch-all's finding goes. A finding is never dropped for a
    /// different secret: only overlapping spans count.
    ///
    /// `findings` are the blob's findings (at each of its paths); `matches` are the secret
    /// matches they were made from, found in `text`. Other findings are kept as they are.
    pub fn keep_one_finding_per_secret(
        &self,
        findings: &mut Vec<Finding>,
        text: &[u8],
        matches: &[Match],
    ) {
        if matches.is_empty() || !findings.iter().any(|f| f.kind == FindingKind::File) {
            return;
        }
        let spans = |fallback: bool| -> Vec<(usize, usize)> {
            matches
                .iter()
                .filter(|m| self.rule(m.rule).spec.fallback == fallback)
                .map(|m| (m.start, m.end))
                .collect()
        };
        let (specific, catch_all) = (spans(false), spans(true));
        // Catch-all matches that a fired file rule's evidence overlaps: (rule, line, column).
        let mut shadowed: Vec<(&str, usize, usize)> = Vec::new();
        findings.retain(|f| {
            if f.kind != FindingKind::File {
                return true;
            }
            let Some(&index) = self
                .file_rules
                .iter()
                .find(|&&i| self.rules.rules[i].id == f.rule)
            else {
                return true;
            };
            let rule = self.rule(index);
            let evidence = evidence_of(rule, text);
            if reported_by(text, evidence.as_deref(), &specific) {
                return false;
            }
            for m in matches {
                let hit = (m.start, m.end);
                let overlapped = evidence
                    .as_deref()
                    .is_some_and(|spans| spans.iter().any(|&e| overlap(e, hit)));
                if overlapped && catch_all.contains(&hit) {
                    shadowed.push((&self.rule(m.rule).id, m.line, m.column));
                }
            }
            true
        });
        if shadowed.is_empty() {
            return;
        }
        findings.retain(|f| {
            f.kind != FindingKind::Secret
                || !shadowed.iter().any(|&(rule, line, column)| {
                    &*f.rule == rule && f.line == Some(line) && f.column == Some(column)
                })
        });
    }
}

/// The stretches of `text` that made the file rule `rule` fire: its content regex's
/// matches, or `None` for a rule judged by its path (and an inspector) alone.
fn evidence_of(rule: &crate::rules::Rule, text: &[u8]) -> Option<Vec<(usize, usize)>> {
    rule.spec.content.as_ref()?;
    Some(
        rule.content_regex()
            .map(|re| re.find_iter(text).map(|m| (m.start(), m.end())).collect())
            .unwrap_or_default(),
    )
}

/// Whether two byte ranges overlap (an empty range counts as its one position).
fn overlap((s, e): (usize, usize), (a, b): (usize, usize)) -> bool {
    a < e.max(s + 1) && s < b
}

/// Whether the secret spans `specific` report all that made a file rule fire on `text`:
/// each stretch of its `evidence`, or with none (a rule judged by path), every non-blank
/// byte of the file.
fn reported_by(
    text: &[u8],
    evidence: Option<&[(usize, usize)]>,
    specific: &[(usize, usize)],
) -> bool {
    if specific.is_empty() {
        return false;
    }
    if let Some(evidence) = evidence {
        return !evidence.is_empty()
            && evidence
                .iter()
                .all(|&e| specific.iter().any(|&m| overlap(e, m)));
    }
    let mut spans = specific.to_vec();
    spans.sort_unstable();
    let blank = |bytes: &[u8]| bytes.iter().all(u8::is_ascii_whitespace);
    let mut at = 0;
    for (start, end) in spans {
        let start = start.min(text.len());
        if start > at && !blank(&text[at..start]) {
            return false;
        }
        at = at.max(end.min(text.len()));
    }
    blank(&text[at..])
}

#[cfg(test)]
mod tests {
    use crate::finding::FindingKind;
    use crate::rules::RuleSet;
    use crate::scan::Scanner;

    /// A made-up PEM block (built at run time: the repository holds no key) with `label`,
    /// whose body is base64 of bytes that open with `magic`.
    fn pem(label: &str, magic: &[u8]) -> String {
        use base64::Engine;
        let mut bytes = magic.to_vec();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        while bytes.len() < 240 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            bytes.push((state >> 32) as u8);
        }
        let body = base64::engine::general_purpose::STANDARD.encode(bytes);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        let d = "-".repeat(5);
        format!(
            "{d}BEGIN {label}{d}\n{}\n{d}END {label}{d}\n",
            lines.join("\n")
        )
    }

    /// The rules of the findings left for `path` holding `text`: its file findings, and its
    /// secret findings, after the file findings that a secret finding reports are dropped.
    fn left(path: &str, text: &str) -> Vec<String> {
        let scanner = Scanner::new(RuleSet::builtin().unwrap());
        let matches = scanner.scan(Some(path), text.as_bytes());
        let mut findings = scanner.file_findings(path, Some(text.as_bytes()));
        findings.extend(matches.iter().map(|m| scanner.secret_finding(m, None)));
        scanner.keep_one_finding_per_secret(&mut findings, text.as_bytes(), &matches);
        let mut rules: Vec<String> = findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    f.rule,
                    if f.kind == FindingKind::File {
                        "file"
                    } else {
                        "secret"
                    }
                )
            })
            .collect();
        rules.sort();
        rules
    }

    #[test]
    fn a_key_file_is_one_finding_the_key_content() {
        let ssh = pem("OPENSSH PRIVATE KEY", b"openssh-key-v1\0");
        let rsa = pem("RSA PRIVATE KEY", &[0x02, 0x01, 0x00]);
        let cert = pem("CERTIFICATE", &[0x30, 0x05]);
        let rows: &[(&str, String, &[&str])] = &[
            (
                "home/.ssh/id_ed25519",
                ssh.clone(),
                &["private-key-openssh:secret"],
            ),
            ("deploy/id_rsa", rsa.clone(), &["private-key-rsa:secret"]),
            ("certs/server.key", rsa.clone(), &["private-key-rsa:secret"]),
            // A certificate and its key in one file: the key is the file rule's evidence.
            (
                "certs/bundle.pem",
                format!("{cert}{rsa}"),
                &["private-key-rsa:secret"],
            ),
        ];
        for (path, text, want) in rows {
            assert_eq!(&left(path, text), want, "{path}");
        }
    }

    #[test]
    fn the_more_specific_of_two_findings_of_one_secret_stays() {
        let rsa = pem("RSA PRIVATE KEY", &[0x02, 0x01, 0x00]);
        let d = "-".repeat(5);
        // A second key block the key rules do not take (a truncated example): the file
        // finding still stands for it.
        let stub = format!("{d}BEGIN PRIVATE KEY{d}\nMIIE...\n{d}END PRIVATE KEY{d}\n");
        let pair = base64_of("deploy:Hq4tN7wZ2pK9mR3xL6aB8");
        let rows: &[(&str, String, &[&str])] = &[
            (
                "certs/two.pem",
                format!("{rsa}{stub}"),
                &["private-key-file:file", "private-key-rsa:secret"],
            ),
            // Key file with a note beside the key: the key is not the whole file.
            (
                "deploy/id_rsa",
                format!("{rsa}# rotate me; the other half is on the vault\nhost=db.acme.io\n"),
                &["private-key-rsa:secret", "ssh-private-key-file:file"],
            ),
            // Only a catch-all rule's match over the file rule's evidence: the file rule
            // (a tool's credential file) is the more specific one.
            (
                ".npmrc",
                format!("registry=https://r.acme.io/\n//r.acme.io/:_auth={pair}\n"),
                &["npmrc-auth:file"],
            ),
            (
                ".pypirc",
                format!("[internal]\nrepository = https://pypi.acme.io/\nusername = deploy\npassword = {}\n", secret()),
                &["pypirc-password:file"],
            ),
            (
                ".netrc",
                format!("machine git.acme.io login ci password {}\n", secret()),
                &["netrc-password:file"],
            ),
            // A catch-all match elsewhere in the file is another secret: it stays.
            (
                ".pypirc",
                format!("[internal]\npassword = {}\n# api_token = {}\n", secret(), secret().to_lowercase()),
                &["generic-token:secret", "pypirc-password:file"],
            ),
        ];
        for (path, text, want) in rows {
            assert_eq!(&left(path, text), want, "{path}");
        }
    }

    fn secret() -> String {
        ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat()
    }

    fn base64_of(text: &str) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(text)
    }
}
