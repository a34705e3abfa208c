//! Sensitive-file rules: findings that a file's path (and, for some rules, its content or
//! an inspector's look at it) trips, with no secret to show. Kept apart because these rules
//! never meet the regex or context passes.

use super::Scanner;
use crate::finding::Finding;

impl Scanner {
    /// Sensitive-file rules that `path` (relative, `/`-separated) trips. `content` is
    /// checked against rules that care what the file holds; `None` means "unknown", and
    /// rules with a `content` regex then do not fire, while rules with an inspector do
    /// (only a file shown to hold nothing is dropped).
    pub fn file_rules_matching(&self, path: &str, content: Option<&[u8]>) -> Vec<usize> {
        self.file_matches(path, content)
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    }

    /// The `file` findings for `path` holding `content` ([`Scanner::file_rules_matching`]),
    /// each titled with what its inspector found in the file, if anything.
    pub fn file_findings(&self, path: &str, content: Option<&[u8]>) -> Vec<Finding> {
        self.file_matches(path, content)
            .into_iter()
            .map(|(i, detail)| {
                let mut finding = self.file_finding(i, path);
                if let Some(detail) = detail {
                    finding.title = format!("{}: {detail}", finding.title).into();
                }
                finding
            })
            .collect()
    }

    /// The matching file rules, each with its inspector's detail.
    fn file_matches(&self, path: &str, content: Option<&[u8]>) -> Vec<(usize, Option<String>)> {
        let by_path: Vec<usize> = match self.paths().matching(path) {
            Some(targets) => targets
                .into_iter()
                .filter_map(|target| match target {
                    super::path_set::Target::FileRule(i) => Some(i),
                    _ => None,
                })
                .collect(),
            None => self
                .file_rules
                .iter()
                .copied()
                .filter(|&i| self.rules.rules[i].applies_to_path(Some(path)))
                .collect(),
        };
        by_path
            .into_iter()
            .filter_map(|i| {
                let rule = &self.rules.rules[i];
                let by_regex = match (rule.spec.content.is_some(), content) {
                    (false, _) => true,
                    (true, Some(data)) => rule.content_regex().is_some_and(|re| re.is_match(data)),
                    (true, None) => false,
                };
                if !by_regex {
                    return None;
                }
                match rule.inspector.map(|inspector| inspector.inspect(content)) {
                    None => Some((i, None)),
                    Some(crate::rules::inspect::Verdict::Empty) => None,
                    Some(crate::rules::inspect::Verdict::Holds(detail)) => Some((i, detail)),
                }
            })
            .collect()
    }
}
