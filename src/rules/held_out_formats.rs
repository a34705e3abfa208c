//! Recall of the catalog on held-out examples (issue 14): `rules/held-out/formats/*.toml`
//! hold texts (new formats of providers that already had a rule, and cloud/devops
//! providers) written from each provider's documentation before its rule, never copied from
//! the rule's own examples (see `rules/held-out/formats/README.md`).
//! A negative that a catch-all rule still reports says so in `known_noise`.
//!
//! Each `[[case]]` is scanned with the whole built-in catalog and must be reported by the
//! rule it names; each `[[negative]]` must be reported by no rule. The test prints recall per
//! syntax (`cargo test --lib held_out_formats -- --nocapture`). A case the catalog misses on purpose
//! says why in `known_miss`, so a regression fails the test while a known gap stays listed.

#![cfg(test)]

use super::RuleSet;
use crate::scan::Scanner;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldOutFile {
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    negative: Vec<Negative>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    rule: String,
    syntax: String,
    text: String,
    #[serde(default)]
    known_miss: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    text: String,
    /// Why a rule reports this text today (a catch-all rule's known noise).
    #[serde(default)]
    known_noise: Option<String>,
}

/// Every held-out file, by name.
fn held_out_files() -> Vec<(String, HeldOutFile)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/held-out/formats");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/held-out/formats exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let file: HeldOutFile =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                file,
            )
        })
        .collect()
}

#[test]
fn held_out_format_examples_are_found_by_their_rules() {
    let set = RuleSet::builtin().unwrap();
    let ids: Vec<String> = set.rules.iter().map(|r| r.id.clone()).collect();
    let scanner = Scanner::new(set);
    // syntax -> (found, total)
    let mut by_syntax: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut problems = Vec::new();
    let (mut negatives, mut quiet) = (0, 0);
    for (file, held_out) in held_out_files() {
        for (n, case) in held_out.case.iter().enumerate() {
            // `private-key-any`: any of the private-key rules (the decoders may hand a
            // base64-wrapped key to the rule for its PEM type).
            let any_key = case.rule == "private-key-any";
            if !any_key && !ids.contains(&case.rule) {
                problems.push(format!("{file} case {}: no rule `{}`", n + 1, case.rule));
                continue;
            }
            let found = scanner.scan(None, case.text.as_bytes()).iter().any(|m| {
                let id = &scanner.rule(m.rule).id;
                *id == case.rule || (any_key && id.starts_with("private-key-"))
            });
            let entry = by_syntax.entry(case.syntax.clone()).or_default();
            entry.1 += 1;
            if found {
                entry.0 += 1;
            }
            match (found, &case.known_miss) {
                (false, None) => problems.push(format!(
                    "{file} case {} ({}, {}): not found",
                    n + 1,
                    case.rule,
                    case.syntax
                )),
                (true, Some(_)) => problems.push(format!(
                    "{file} case {} ({}): found now; drop its known_miss",
                    n + 1,
                    case.rule
                )),
                _ => {}
            }
        }
        for (n, negative) in held_out.negative.iter().enumerate() {
            negatives += 1;
            let hits = scanner.scan(None, negative.text.as_bytes());
            if hits.is_empty() {
                quiet += 1;
                if negative.known_noise.is_some() {
                    problems.push(format!(
                        "{file} negative {}: quiet now; drop its known_noise",
                        n + 1
                    ));
                }
            } else if negative.known_noise.is_none() {
                let rules: Vec<&str> = hits
                    .iter()
                    .map(|m| scanner.rule(m.rule).id.as_str())
                    .collect();
                problems.push(format!(
                    "{file} negative {}: reported by {}",
                    n + 1,
                    rules.join(", ")
                ));
            }
        }
    }
    let (found, total) = by_syntax
        .values()
        .fold((0, 0), |(f, t), (a, b)| (f + a, t + b));
    println!("held-out recall by syntax:");
    for (syntax, (f, t)) in &by_syntax {
        println!("  {syntax:8} {f}/{t}");
    }
    println!("  {:8} {found}/{total}", "all");
    println!("held-out negatives with no finding: {quiet}/{negatives}");
    assert!(total > 0, "no held-out case was read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
