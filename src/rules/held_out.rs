//! Held-out recall: token examples written from each provider's documentation *before* its
//! rule, kept apart from the rule's own `examples` (which the rule author tunes the regex
//! against), so the figure below says how the rules do on text they were not fitted to.
//!
//! Files: `rules/held-out/*.toml` (allowlisted with the rest of `rules/`, and not rule files:
//! `builtin.rs` lists only the `.toml` files directly in `rules/`). Each holds
//!
//! ```toml
//! [[positive]]          # must be found by `rule`
//! rule = "lob-api-key"
//! syntax = "env"        # env, yaml, json, code, toml, xml, shell, url, ini, other
//! text = "LOB_API_KEY=..."
//! path = "config/.env"  # optional: the file the text sits in
//! known_miss = "why"    # optional: a miss we know of and accept, said out loud
//!
//! [[negative]]          # must NOT be found by `rule` (no `rule`: by any rule)
//! rule = "lob-api-key"
//! text = "LOB_API_KEY=test_xxxxxxxx"
//! known_false_positive = "why"  # optional: reported, and we know it
//! ```
//!
//! `[[case]]` is read as `[[positive]]` and `known_noise` as `known_false_positive` (the
//! names the item-2 formats file was written with). A positive's `rule` may be
//! `private-key-any`: any `private-key-*` rule (a decoder hands a base64-wrapped key to the
//! rule for its PEM type).
//!
//! The test prints recall per syntax (`cargo test --lib held_out -- --nocapture`) and fails
//! on an unexpected miss, on a `known_miss` that is found after all (so the list stays
//! true), and on a negative that is found (unless marked `known_false_positive`).

use super::RuleSet;
use crate::scan::Scanner;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldOutFile {
    #[serde(default, alias = "case")]
    positive: Vec<Case>,
    #[serde(default)]
    negative: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Required for a positive; a negative without one must be quiet for every rule.
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    syntax: Option<String>,
    text: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    known_miss: Option<String>,
    /// For a negative: it is reported, and we know why (said out loud, like `known_miss`).
    #[serde(default, alias = "known_noise")]
    known_false_positive: Option<String>,
}

/// Whether `scanner` reports, in the case's text, a finding of the case's rule
/// (`private-key-any`: any private-key rule), or of any rule when the case names none.
fn found_by(scanner: &Scanner, case: &Case) -> bool {
    scanner
        .scan(case.path.as_deref(), case.text.as_bytes())
        .iter()
        .any(|m| {
            let id = &scanner.rule(m.rule).id;
            match case.rule.as_deref() {
                None => true,
                Some("private-key-any") => id.starts_with("private-key-"),
                Some(rule) => &**id == rule,
            }
        })
}

/// Whether the case names a rule that the catalog has (no rule, for a negative, is fine).
fn names_known_rule(case: &Case, known: &std::collections::BTreeSet<String>) -> bool {
    match case.rule.as_deref() {
        None | Some("private-key-any") => true,
        Some(rule) => known.contains(rule),
    }
}

fn load_all(dir: &Path) -> Vec<(String, HeldOutFile)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("rules/held-out exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let parsed: HeldOutFile =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, parsed)
        })
        .collect()
}

#[test]
fn held_out_examples_are_found_by_their_rules() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/held-out");
    let set = RuleSet::builtin().expect("built-in rules load");
    let known: std::collections::BTreeSet<String> =
        set.rules.iter().map(|r| r.id.to_string()).collect();
    let scanner = Scanner::new(set);
    // syntax -> (found, total)
    let mut by_syntax: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    let mut negatives = (0usize, 0usize);
    let files = load_all(&dir);
    assert!(!files.is_empty(), "no held-out files in {}", dir.display());
    for (name, file) in &files {
        for (n, case) in file.positive.iter().enumerate() {
            let Some(rule) = case
                .rule
                .as_deref()
                .filter(|_| names_known_rule(case, &known))
            else {
                problems.push(format!(
                    "{name}: positive {}: no rule `{}`",
                    n + 1,
                    case.rule.as_deref().unwrap_or("")
                ));
                continue;
            };
            let syntax = case.syntax.clone().unwrap_or_else(|| "other".into());
            let found = found_by(&scanner, case);
            let entry = by_syntax.entry(syntax).or_default();
            entry.1 += 1;
            if found {
                entry.0 += 1;
            }
            match (found, &case.known_miss) {
                (false, None) => problems.push(format!(
                    "{name}: positive {} ({}) is not found by `{}`",
                    n + 1,
                    case.syntax.as_deref().unwrap_or("other"),
                    rule
                )),
                (true, Some(_)) => problems.push(format!(
                    "{name}: positive {} is marked known_miss but is found now: drop the mark",
                    n + 1
                )),
                _ => {}
            }
        }
        for (n, case) in file.negative.iter().enumerate() {
            if !names_known_rule(case, &known) {
                problems.push(format!(
                    "{name}: negative {}: no rule `{}`",
                    n + 1,
                    case.rule.as_deref().unwrap_or("")
                ));
                continue;
            }
            negatives.1 += 1;
            match (found_by(&scanner, case), &case.known_false_positive) {
                (true, None) => problems.push(format!(
                    "{name}: negative {} is found by `{}`",
                    n + 1,
                    case.rule.as_deref().unwrap_or("a rule")
                )),
                (false, Some(_)) => problems.push(format!(
                    "{name}: negative {} is marked known_false_positive but is not found: drop the mark",
                    n + 1
                )),
                (true, Some(_)) => {}
                (false, None) => negatives.0 += 1,
            }
        }
    }
    let (found, total) = by_syntax
        .values()
        .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
    println!("held-out recall over {} files:", files.len());
    for (syntax, (f, t)) in &by_syntax {
        println!(
            "  {syntax:<6} {f:>4}/{t:<4} {:.1} %",
            100.0 * *f as f64 / *t as f64
        );
    }
    println!(
        "  all    {found:>4}/{total:<4} {:.1} %",
        100.0 * found as f64 / total as f64
    );
    println!("  negatives not reported: {}/{}", negatives.0, negatives.1);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
