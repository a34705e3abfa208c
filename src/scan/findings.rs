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
