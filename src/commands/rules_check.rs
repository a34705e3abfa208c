//! `leakgate rules check`: every rule proves itself on its own examples.
//!
//! For each rule: the regex compiles; every example yields a finding of that rule through
//! the real engine (prefilter, secret group, entropy, checksum, placeholder filter), so an
//! example whose keyword is missing fails too; no negative example does; a sensitive-file
//! rule matches its path examples and none of its negative ones. Ids are unique (checked when
//! the set is loaded). Run on the built-ins by the test suite.
//!
//! It lives here, not in `rules`, because it runs the scanner and the rule model depends on
//! neither the scanner nor the verifier. Verifiers' answer tables are replayed by
//! `verify::replay`.

use crate::finding::FindingKind;
use crate::rules::{Rule, RuleSet};
use crate::scan::Scanner;

/// One thing wrong with one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFailure {
    pub origin: String,
    pub id: String,
    pub problem: String,
}

impl std::fmt::Display for CheckFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: rule `{}`: {}", self.origin, self.id, self.problem)
    }
}

/// Checks every rule of `set`.
pub fn check(set: &RuleSet) -> Vec<CheckFailure> {
    set.rules.iter().flat_map(check_rule).collect()
}

/// Checks one rule in isolation.
pub fn check_rule(rule: &Rule) -> Vec<CheckFailure> {
    let mut problems = Vec::new();
    let alone = match Rule::from_spec(rule.spec.clone(), &rule.origin, true) {
        Ok(alone) => alone,
        Err(e) => {
            problems.push(e.to_string());
            return wrap(rule, problems);
        }
    };
    let spec = &rule.spec;
    let path_example = spec
        .path_examples
        .first()
        .map(crate::rules::syntax::SpecText::as_str);
    if spec.path.is_some() && path_example.is_none() {
        problems.push("a rule with `path` needs `path_examples`".into());
    }
    for path in &spec.path_examples {
        if !alone.applies_to_path(Some(path)) {
            problems.push(format!("path example `{path}` does not match `path`"));
        }
    }
    for path in &spec.path_negative_examples {
        if alone.applies_to_path(Some(path)) {
            problems.push(format!("negative path example `{path}` matches `path`"));
        }
    }
    match alone.kind {
        FindingKind::Secret => {
            if spec.examples.is_empty() {
                problems.push("needs at least one example".into());
            }
            if spec.negative_examples.is_empty() {
                problems.push("needs at least one negative example".into());
            }
            let scanner = Scanner::new(RuleSet { rules: vec![alone] });
            for (n, example) in spec.examples.iter().enumerate() {
                if scanner.scan(path_example, example.as_bytes()).is_empty() {
                    problems.push(format!("example {} does not match", n + 1));
                }
            }
            for (n, example) in spec.negative_examples.iter().enumerate() {
                if !scanner.scan(path_example, example.as_bytes()).is_empty() {
                    problems.push(format!("negative example {} matches", n + 1));
                }
            }
            problems.extend(check_known_public(rule, &scanner, path_example));
        }
        FindingKind::File => {
            if spec.path_examples.is_empty() || spec.path_negative_examples.is_empty() {
                problems
                    .push("a file rule needs `path_examples` and `path_negative_examples`".into());
            }
            if let Some(inspector) = alone.inspector {
                use crate::rules::inspect::Verdict;
                for (n, example) in spec.examples.iter().enumerate() {
                    if inspector.inspect(Some(example.as_bytes())) == Verdict::Empty {
                        problems.push(format!("content example {} is found empty", n + 1));
                    }
                }
                for (n, example) in spec.negative_examples.iter().enumerate() {
                    if inspector.inspect(Some(example.as_bytes())) != Verdict::Empty {
                        problems.push(format!("negative content example {} is a finding", n + 1));
                    }
                }
            }
            if let Some(content) = alone.content_regex() {
                if spec.examples.is_empty() || spec.negative_examples.is_empty() {
                    problems.push(
                        "a rule with `content` needs content examples and negative examples".into(),
                    );
                }
                for (n, example) in spec.examples.iter().enumerate() {
                    if !content.is_match(example.as_bytes()) {
                        problems.push(format!("content example {} does not match", n + 1));
                    }
                }
                for (n, example) in spec.negative_examples.iter().enumerate() {
                    if content.is_match(example.as_bytes()) {
                        problems.push(format!("negative content example {} matches", n + 1));
                    }
                }
            }
        }
    }
    wrap(rule, problems)
}

/// Each `known_public` entry: the rule without its entries finds, in the entry's example,
/// a secret with the entry's digest (so the digest names a value this rule really meets),
/// and the rule with them does not report it.
fn check_known_public(rule: &Rule, scanner: &Scanner, path: Option<&str>) -> Vec<String> {
    let mut problems = Vec::new();
    if rule.spec.known_public.is_empty() {
        return problems;
    }
    let Ok(bare) = Rule::from_spec(without_known_public(&rule.spec), &rule.origin, true) else {
        return problems;
    };
    let bare = Scanner::new(RuleSet { rules: vec![bare] });
    for (n, entry) in rule.spec.known_public.iter().enumerate() {
        let digest = entry.value_sha256.as_str();
        let has_digest = |found: Vec<crate::scan::Match>| {
            found
                .iter()
                .any(|m| hex(&crate::rules::sha256(m.secret.expose().as_bytes())) == digest)
        };
        if !has_digest(bare.scan(path, entry.example.as_bytes())) {
            problems.push(format!(
                "known_public {}: the rule finds no value with digest {digest} in its example",
                n + 1
            ));
        } else if has_digest(scanner.scan(path, entry.example.as_bytes())) {
            problems.push(format!(
                "known_public {}: the value is still reported",
                n + 1
            ));
        }
    }
    problems
}

/// What `rules check` tells about each `known_public` value: which rule lists it, the value
/// redacted, and why it is not reported.
pub fn known_public_notes(set: &RuleSet) -> Vec<String> {
    let mut notes = Vec::new();
    for rule in &set.rules {
        let Ok(bare) = Rule::from_spec(without_known_public(&rule.spec), &rule.origin, true) else {
            continue;
        };
        let bare = Scanner::new(RuleSet { rules: vec![bare] });
        let path = rule
            .spec
            .path_examples
            .first()
            .map(crate::rules::syntax::SpecText::as_str);
        for entry in &rule.spec.known_public {
            let shown = bare
                .scan(path, entry.example.as_bytes())
                .into_iter()
                .find(|m| {
                    hex(&crate::rules::sha256(m.secret.expose().as_bytes()))
                        == entry.value_sha256.as_str()
                })
                .map_or_else(|| "(not found)".to_string(), |m| m.secret.redacted());
            notes.push(format!(
                "{}: rule `{}`: known public value {shown} is not reported: {}",
                rule.origin, rule.id, entry.reason
            ));
        }
    }
    notes
}

/// A rule's table without its `known_public` entries, to see what the rule alone finds.
fn without_known_public(spec: &crate::rules::RuleSpec) -> crate::rules::RuleSpec {
    let mut spec = spec.clone();
    spec.known_public.clear();
    spec
}

/// Lowercase hex of a digest.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn wrap(rule: &Rule, problems: Vec<String>) -> Vec<CheckFailure> {
    problems
        .into_iter()
        .map(|problem| CheckFailure {
            origin: rule.origin.to_string(),
            id: rule.id.to_string(),
            problem,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_passes_its_self_check() {
        let set = RuleSet::builtin().expect("built-in rules load");
        let failures = check(&set);
        assert!(
            failures.is_empty(),
            "{}",
            failures
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn a_rule_that_misses_its_example_is_reported() {
        let text = r#"
[[rule]]
id = "broken"
title = "Broken"
regex = '''\b(brk_[0-9]{30})\b'''
keywords = ["brk_"]
examples = ["brk_abc"]
negative_examples = ["nothing"]
"#;
        let rules = crate::rules::parse_rule_file(text, "t.toml", true).unwrap();
        let failures = check(&RuleSet { rules });
        assert_eq!(failures.len(), 1);
        assert!(failures[0].problem.contains("example 1 does not match"));
    }
}
