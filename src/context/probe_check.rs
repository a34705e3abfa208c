//! The checking loop every probe table (`tests_unlisted*`) shares: scan each row through
//! the built-in rules, count a positive only when a finding of its rule covers exactly one
//! of the table's made-up secrets, require silence on each negative, print the class's
//! figures and fail once with every row that went wrong. Each table keeps its own
//! placeholders and their values; only the loop lives here.

use crate::rules::RuleSet;
use crate::scan::Scanner;

/// Rows of one class: positives `(path, text, rule)` and negatives `(path, text)`.
pub(super) type Rows<'a> = (&'a [(&'a str, &'a str, &'a str)], &'a [(&'a str, &'a str)]);

/// Whether `m` is a finding of one of `rules` (`a|b`) whose secret is one of `secrets`.
pub(super) fn is_hit(
    scanner: &Scanner,
    m: &crate::scan::Match,
    rules: &str,
    secrets: &[String],
) -> bool {
    let id = &*scanner.rule(m.rule).id;
    rules.split('|').any(|r| r == id) && secrets.iter().any(|s| m.secret.expose() == s)
}

/// Checks every row (`text` already filled), prints the class's figures, and fails once,
/// listing every row that went wrong. A negative must give no finding at all.
pub(super) fn check_filled(
    class: &str,
    positives: &[(String, String, String)],
    negatives: &[(String, String)],
    secrets: &[String],
) {
    let negatives: Vec<(String, String, String)> = negatives
        .iter()
        .map(|(p, t)| (p.clone(), t.clone(), String::new()))
        .collect();
    check_filled_by_rule(class, positives, &negatives, secrets);
}

/// [`check_filled`], where a negative `(path, text, rules)` must give no finding of
/// `rules` (`a|b`), or none at all when `rules` is empty: a probe of one rule's own
/// negatives does not ask other rules to keep quiet.
pub(super) fn check_filled_by_rule(
    class: &str,
    positives: &[(String, String, String)],
    negatives: &[(String, String, String)],
    secrets: &[String],
) {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let mut wrong = Vec::new();
    let mut found = 0;
    for (path, text, rule) in positives {
        let matches = scanner.scan(Some(path), text.as_bytes());
        if matches.iter().any(|m| is_hit(&scanner, m, rule, secrets)) {
            found += 1;
        } else {
            let got: Vec<String> = matches
                .iter()
                .map(|m| {
                    let exact = secrets.iter().any(|s| m.secret.expose() == s);
                    format!(
                        "{}{}",
                        scanner.rule(m.rule).id,
                        if exact { "" } else { "(inexact)" }
                    )
                })
                .collect();
            wrong.push(format!("MISS {path}: {text:?} wants {rule}; got {got:?}"));
        }
    }
    let mut quiet = 0;
    for (path, text, rules) in negatives {
        let got: Vec<String> = scanner
            .scan(Some(path), text.as_bytes())
            .into_iter()
            .map(|m| scanner.rule(m.rule).id.to_string())
            .filter(|id| rules.is_empty() || rules.split('|').any(|r| r == id))
            .collect();
        if got.is_empty() {
            quiet += 1;
        } else {
            wrong.push(format!("NOISE {path}: {text:?} got {got:?}"));
        }
    }
    eprintln!(
        "probe ({class}): found {found}/{}, negatives quiet {quiet}/{}",
        positives.len(),
        negatives.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {} rows wrong:\n{}",
        wrong.len(),
        positives.len() + negatives.len(),
        wrong.join("\n")
    );
}

/// [`check_filled`] of `rows` once `fill` has put each table's made-up values in.
pub(super) fn check_rows(
    class: &str,
    (positives, negatives): Rows<'_>,
    secrets: &[String],
    fill: impl Fn(&str) -> String,
) {
    let positives: Vec<(String, String, String)> = positives
        .iter()
        .map(|(p, t, r)| (p.to_string(), fill(t), r.to_string()))
        .collect();
    let negatives: Vec<(String, String)> = negatives
        .iter()
        .map(|(p, t)| (p.to_string(), fill(t)))
        .collect();
    check_filled(class, &positives, &negatives, secrets);
}
