//! Recall of the whole catalog (issue 6, part 4): every secret rule's token, planted in
//! realistic files of many kinds, is found by that rule, on its line, by the real binary.
//!
//! The tokens come from the rules' own examples at run time (extracted with the rule
//! itself through the library), so no token-shaped literal is committed here. A rule whose
//! token is found on a line of its own (a prefixed format) is planted bare, in each kind's
//! idiom (`KEY = "..."`, an XML attribute, a base64 `data:` value...); a rule that needs
//! its context (`aws_secret_access_key = ...`) is planted as its example line. Failures name
//! the rule and the file kind and show the token only redacted.

mod kinds;

use leakgate::finding::{fingerprint, redact, FindingKind};
use leakgate::rules::RuleSet;
use leakgate::scan::Scanner;
use std::collections::{BTreeMap, BTreeSet};

/// One token to find: the rule, the secret, the text planted, and the line offset of the
/// secret inside that text.
struct Target {
    rule: String,
    /// The rule is a `fallback`: it defers to a specific rule that reports the same text
    /// (a base64-wrapped key that a decoder hands to the rule for its PEM type).
    fallback: bool,
    secret: String,
    text: String,
    bare: bool,
    offset: usize,
}

/// Tokens from every secret rule's examples, as the full catalog reports them.
fn targets(scanner: &Scanner) -> (Vec<Target>, Vec<String>) {
    let mut out = Vec::new();
    let mut without = Vec::new();
    for (index, rule) in scanner.rules().rules.iter().enumerate() {
        if rule.kind != FindingKind::Secret {
            continue;
        }
        let mut any = false;
        for example in &rule.spec.examples {
            let found = scanner.scan(None, example.as_bytes());
            let Some(m) = found.iter().find(|m| m.rule == index) else {
                continue;
            };
            any = true;
            let secret = m.secret.expose().to_string();
            let alone = scanner.scan(None, format!("{secret}\n").as_bytes());
            let bare = alone
                .iter()
                .any(|a| a.rule == index && a.secret.expose() == secret);
            out.push(Target {
                rule: rule.id.to_string(),
                fallback: rule.spec.fallback,
                text: if bare {
                    secret.clone()
                } else {
                    example.to_string()
                },
                offset: if bare { 0 } else { m.line - 1 },
                secret,
                bare,
            });
        }
        if !any {
            without.push(rule.id.to_string());
        }
    }
    (out, without)
}

/// `(rule, file name, line, fingerprint)` of every secret finding of a scan of `dir`.
fn scan(dir: &std::path::Path) -> BTreeSet<(String, String, usize, String)> {
    let output = assert_cmd::Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", "--no-ignore", "--format", "jsonl", "--quiet"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        output.status.code() == Some(1),
        "scan exit code {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|f| f["kind"] == "secret")
        .map(|f| {
            let path = f["path"].as_str().unwrap_or("");
            let name = path.rsplit(['/', '\\']).next().unwrap_or(path).to_string();
            (
                f["rule"].as_str().unwrap().to_string(),
                name,
                f["line"].as_u64().unwrap() as usize,
                f["fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Whether a finding must name the planted secret itself (its fingerprint). A multi-line
/// secret (a key block) is reported as written, with the file's line endings or `\n`
/// escapes; so is a value a rule finds in its written form (percent-encoded in a URL,
/// entity-escaped in XML), since the plain finding wins over the decoded one.
fn reported_as_decoded(kind: &str, text: &str) -> bool {
    let as_written = text.contains('\n')
        || matches!(kind, "percent-encoded-url" | "json-unicode-escapes")
        || (kind == "xml" && text.contains(['&', '<']));
    !as_written
}

#[test]
fn every_rule_token_is_found_in_every_kind_of_file() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let (targets, without) = targets(&scanner);
    assert!(
        without.is_empty(),
        "rules whose examples yield no finding of their own with the full catalog: {without:?}"
    );
    assert!(targets.len() >= 200, "only {} targets", targets.len());

    let dir = tempfile::tempdir().unwrap();
    // (file name) -> (target index, kind name, line expected)
    let mut expected: BTreeMap<String, (usize, &str, usize)> = BTreeMap::new();
    for (t, target) in targets.iter().enumerate() {
        let plant = kinds::Plant {
            text: &target.text,
            bare: target.bare,
        };
        for kind in kinds::KINDS {
            let stem = format!("t{t:04}-{}-{}", target.rule, kind.name);
            let file = (kind.build)(&plant, &stem);
            let line = file.line + if file.keeps_lines { target.offset } else { 0 };
            std::fs::write(dir.path().join(&file.name), &file.bytes).unwrap();
            expected.insert(file.name, (t, kind.name, line));
        }
    }
    // One large file holding every plant, each on its own line among log lines.
    let log_plants: Vec<String> = targets
        .iter()
        .map(|t| {
            if t.bare {
                format!(
                    "2026-01-02T03:04:05Z WARN retrying with credential {}",
                    t.text
                )
            } else {
                t.text.clone()
            }
        })
        .collect();
    let (log, log_lines) = kinds::large_log(&log_plants);
    assert!(
        log.len() > 1024 * 1024,
        "the large file is {} bytes",
        log.len()
    );
    std::fs::write(dir.path().join("large.log"), log).unwrap();

    let found = scan(dir.path());
    let hit = |rule: &str, name: &str, line: usize| {
        found
            .iter()
            .any(|(r, n, l, _)| r == rule && n == name && *l == line)
    };
    let mut misses = Vec::new();
    let mut wrong_secret = Vec::new();
    for (name, &(t, kind, line)) in &expected {
        let target = &targets[t];
        let deferred = target.fallback
            && found
                .iter()
                .any(|(r, n, l, _)| r != &target.rule && n == name && *l == line);
        if !hit(&target.rule, name, line) && !deferred {
            misses.push(format!(
                "{} in {kind} ({}, expected line {line}, {})",
                target.rule,
                redact(&target.secret),
                if target.bare { "bare" } else { "example line" }
            ));
        } else if reported_as_decoded(kind, &target.text)
            && !found.iter().any(|(r, n, l, f)| {
                r == &target.rule
                    && n == name
                    && *l == line
                    && *f == fingerprint(r, &target.secret).to_string()
            })
        {
            wrong_secret.push(format!("{} in {kind}", target.rule));
        }
    }
    for (t, target) in targets.iter().enumerate() {
        let line = log_lines[t] + target.offset;
        if !hit(&target.rule, "large.log", line) {
            misses.push(format!(
                "{} in large-file ({}, expected line {line})",
                target.rule,
                redact(&target.secret)
            ));
        }
    }
    let planted = expected.len() + targets.len();
    // Shown with --nocapture: the recall figure.
    println!(
        "recall: {} of {planted} planted tokens found",
        planted - misses.len()
    );
    assert!(
        misses.is_empty() && wrong_secret.is_empty(),
        "{} of {planted} planted tokens missed:\n{}\n{} found with another secret than planted:\n{}",
        misses.len(),
        misses.join("\n"),
        wrong_secret.len(),
        wrong_secret.join("\n")
    );
}
