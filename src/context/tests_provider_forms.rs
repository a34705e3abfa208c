//! Every provider-named context rule, in every syntax the engine reads: each of a rule's own
//! `examples` that is one `NAME = value` assignment is written again, name and value, in a
//! dozen file syntaxes (dotenv, Go `var` and `:=` with backticks, Makefile `::=` and `?=`,
//! PHP `.=`, an XML element with the value on its own line, a YAML block scalar, YAML and
//! JSON nested under the provider's key, Dockerfile `ENV K V`, Python and TypeScript, CSV rows
//! (`name,value` and a header naming the column), escaped JSON outside a literal), and a
//! finding of the rule must cover exactly the value; each `negative_examples` entry of the
//! same shape, written the same ways, must give no finding of the rule.
//!
//! Why. A rule in the one-regex form read its provider's setting name only in `KEY = value`
//! assignments, and an external check (another scanner's sample forms, run outside the
//! repository) found the same names missed in Go declarations, Makefile assignments, PHP
//! `.=`, XML elements and YAML block scalars. A rule in the context form gets every syntax
//! from the engine; this module proves it per rule from the rule's own examples, so a rule
//! converted later is covered by adding nothing but its examples. The examples live in
//! `rules/*.toml` (allowlisted), so no token-shaped text is written here: every value comes
//! from the compiled catalog at run time.
//!
//! The forms nested under a parent key (`twitch: { client_secret: v }`) are written only
//! when the name's first part is one of the rule's `key_path` words (the provider's name);
//! a form whose syntax cannot hold the value unescaped (a `$` in a Makefile, a quote in a
//! quoted string) is skipped for that value.

use super::probe_check::check_filled_by_rule;
use crate::rules::{Rule, RuleSet};
use crate::scan::Scanner;

/// One syntax: the file it is written in, its text with `{NAME}` (upper snake case),
/// `{name}` (lower snake case), `{camel}` (lower camel case), `{parent}` / `{child}` (the
/// name's first part and the rest, snake case) and `{v}` (the value), the characters the
/// value may not hold there, and whether it needs a parent key.
struct Form {
    path: &'static str,
    text: &'static str,
    forbid: &'static str,
    nested: bool,
}

#[rustfmt::skip]
const FORMS: &[Form] = &[
    Form { path: ".env", text: "{NAME}={v}\n", forbid: " \t#'\"`\\$", nested: false },
    Form { path: "internal/config/config.go", text: "package config\n\nvar {camel} string = \"{v}\"\n", forbid: "\"\\", nested: false },
    Form { path: "internal/config/config.go", text: "package config\n\nfunc load() string {\n\t{camel} := `{v}`\n\treturn {camel}\n}\n", forbid: "`", nested: false },
    Form { path: "Makefile", text: "{NAME} ::= {v}\n", forbid: " \t#$\\", nested: false },
    Form { path: "Makefile", text: "{NAME} ?= {v}\n", forbid: " \t#$\\", nested: false },
    Form { path: "src/config.php", text: "<?php\n${camel} = '';\n${camel} .= '{v}';\n", forbid: "'\\", nested: false },
    Form { path: "conf/settings.xml", text: "<settings>\n  <{camel}>\n    {v}\n  </{camel}>\n</settings>\n", forbid: "<>&", nested: false },
    Form { path: "config/app.yaml", text: "{name}: |\n  {v}\n", forbid: "", nested: false },
    Form { path: "config/app.yaml", text: "{parent}:\n  {child}: \"{v}\"\n", forbid: "\"\\", nested: true },
    Form { path: "config/app.json", text: "{\n  \"{parent}\": {\n    \"{child}\": \"{v}\"\n  }\n}\n", forbid: "\"\\", nested: true },
    Form { path: "Dockerfile", text: "FROM alpine:3.20\nENV {NAME} {v}\n", forbid: " \t\"'\\$", nested: false },
    Form { path: "app/settings.py", text: "{NAME} = \"{v}\"\n", forbid: "\"\\", nested: false },
    Form { path: "src/config.ts", text: "export const {camel} = '{v}';\n", forbid: "'\\", nested: false },
    // Delimited rows: a `name,value` export, and a header naming the column.
    Form { path: "exports/settings.csv", text: "{camel},{v},\n", forbid: " \t,;\"\\", nested: false },
    Form { path: "exports/keys.csv", text: "env,{NAME}\nproduction,{v}\n", forbid: " \t,;\"\\", nested: false },
    // JSON with escaped quotes outside any literal: a log line, a pasted object.
    Form { path: "logs/app.log", text: "2024-05-01 INFO body={\\\"{name}\\\":\\\"{v}\\\"}\n", forbid: "\"\\", nested: false },
    Form { path: "notes/escaped.txt", text: "\\{\n    \\\"{name}\\\": \\\"{v}\\\"\n\\}\n", forbid: "\"\\", nested: false },
];

/// A name's parts: split at `_`, `-`, `.` and at a lowercase letter or digit followed by an
/// uppercase one (`twitchClientSecret`, `TWITCH_CLIENT_SECRET` -> twitch, client, secret).
fn parts(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if matches!(c, '_' | '-' | '.') {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn camel(parts: &[String]) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i == 0 {
            out.push_str(p);
        } else {
            let mut cs = p.chars();
            if let Some(c) = cs.next() {
                out.push(c.to_ascii_uppercase());
                out.push_str(cs.as_str());
            }
        }
    }
    out
}

/// The rule's provider words: its `key_path` words, without `^` / `$`, lowercase and
/// without separators.
fn provider_words(rule: &Rule) -> Vec<String> {
    rule.spec
        .context
        .iter()
        .flat_map(|anchor| anchor.key_path.iter())
        .map(|w| {
            w.as_str()
                .trim_start_matches('^')
                .trim_end_matches('$')
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// `name` and `value` written in every form that can hold them, as `(path, text)`.
fn render(rule: &Rule, name: &str, value: &str) -> Vec<(String, String)> {
    let p = parts(name);
    if p.is_empty() {
        return Vec::new();
    }
    let nested = p.len() >= 2 && provider_words(rule).contains(&p[0]);
    let upper = p.join("_").to_ascii_uppercase();
    let lower = p.join("_");
    let cam = camel(&p);
    FORMS
        .iter()
        .filter(|f| !f.nested || nested)
        .filter(|f| !value.chars().any(|c| f.forbid.contains(c)))
        .map(|f| {
            let text = f
                .text
                .replace("{NAME}", &upper)
                .replace("{name}", &lower)
                .replace("{camel}", &cam)
                .replace("{parent}", &p[0])
                .replace("{child}", &p[1..].join("_"))
                .replace("{v}", value);
            (f.path.to_string(), text)
        })
        .collect()
}

/// The name written before a value on an assignment line: `NAME=`, `export NAME="`,
/// `"name": "`, `name => '`, `#define NAME "`.
fn assigned_name(before: &str) -> Option<&str> {
    let re = regex::Regex::new(
        r#"^\s*(?:#define\s+([A-Za-z_]\w*)\s+"|(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*(?::=|=>|=|:)\s*["'`]?)$"#,
    )
    .unwrap();
    let c = re.captures(before)?;
    c.get(1).or(c.get(2)).map(|m| m.as_str())
}

/// Whether `after` only closes an assignment line (a quote, a comma or semicolon).
fn closes_line(after: &str) -> bool {
    let re = regex::Regex::new(r#"^["'`]?\s*[,;]?\s*$"#).unwrap();
    re.is_match(after)
}

/// `(name, value)` of an example the rule finds on one assignment line: the value is the
/// finding's secret, the name what the line assigns it to.
fn example_pair(scanner: &Scanner, rule: &Rule, example: &str) -> Option<(String, String)> {
    if example.trim_end().contains('\n') {
        return None;
    }
    scanner.scan(None, example.as_bytes()).iter().find_map(|m| {
        if *scanner.rule(m.rule).id != *rule.id {
            return None;
        }
        let value = m.secret.expose();
        let at = example.find(value)?;
        let name = assigned_name(&example[..at])?;
        closes_line(&example[at + value.len()..]).then(|| (name.to_string(), value.to_string()))
    })
}

/// `(name, value)` of a negative example that is one assignment line.
fn negative_pair(example: &str) -> Option<(String, String)> {
    let re = regex::Regex::new(
        r#"^\s*(?:export\s+)?["']?([A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*(?::=|=>|=|:)\s*(["'`]?)([^\s"'`]+)["'`]?\s*[,;]?\s*$"#,
    )
    .unwrap();
    let c = re.captures(example.trim_end())?;
    Some((c[1].to_string(), c[3].to_string()))
}

/// The rows of `ids`: positives `(path, text, rule)`, negatives `(path, text, rule)`, the
/// values the positives must be found as, and the ids of rules with no example of the
/// assignment shape (nothing to render).
#[allow(clippy::type_complexity)]
fn rows(
    scanner: &Scanner,
    set: &RuleSet,
    ids: &[&str],
) -> (
    Vec<(String, String, String)>,
    Vec<(String, String, String)>,
    Vec<String>,
    Vec<String>,
) {
    let (mut pos, mut neg, mut secrets, mut bare) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for id in ids {
        let rule = set.get(id).unwrap_or_else(|| panic!("no rule `{id}`"));
        let before = pos.len();
        for example in rule.spec.examples.iter() {
            if let Some((name, value)) = example_pair(scanner, rule, example.as_str()) {
                for (path, text) in render(rule, &name, &value) {
                    pos.push((path, text, id.to_string()));
                }
                secrets.push(value);
            }
        }
        if pos.len() == before {
            bare.push(id.to_string());
        }
        for example in rule.spec.negative_examples.iter() {
            if let Some((name, value)) = negative_pair(example.as_str()) {
                for (path, text) in render(rule, &name, &value) {
                    neg.push((path, text, id.to_string()));
                }
            }
        }
    }
    (pos, neg, secrets, bare)
}

/// Checks `ids`' examples and negative examples in every form; fails once with every row
/// that went wrong. Each id must have at least one example of the assignment shape.
pub(super) fn check_rules(class: &str, ids: &[&str]) {
    let set = RuleSet::builtin().unwrap();
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let (pos, neg, secrets, bare) = rows(&scanner, &set, ids);
    assert!(
        bare.is_empty(),
        "rules with no `NAME = value` example to render: {bare:?}"
    );
    check_filled_by_rule(class, &pos, &neg, &secrets);
}

#[test]
fn name_parts_and_camel_case() {
    assert_eq!(
        parts("TWITCH_CLIENT_SECRET"),
        ["twitch", "client", "secret"]
    );
    assert_eq!(parts("twitchClientSecret"), ["twitch", "client", "secret"]);
    assert_eq!(parts("auth0.client-secret"), ["auth0", "client", "secret"]);
    assert_eq!(camel(&parts("CO_API_KEY")), "coApiKey");
}

#[test]
fn assignment_lines_give_name_and_value() {
    assert_eq!(assigned_name("export ACME_TOKEN=\""), Some("ACME_TOKEN"));
    assert_eq!(assigned_name("  \"acme_key\": \""), Some("acme_key"));
    assert_eq!(assigned_name("#define ACME_KEY \""), Some("ACME_KEY"));
    assert_eq!(assigned_name("curl -H \"X-Acme: "), None);
    assert!(closes_line("\",") && closes_line("") && !closes_line(" # acme"));
    assert_eq!(
        negative_pair("ACME_TOKEN=${ACME_TOKEN}"),
        Some(("ACME_TOKEN".into(), "${ACME_TOKEN}".into()))
    );
    assert_eq!(negative_pair("Authorization: Bearer x y"), None);
}

/// Session 13's five conversions (branch peerrules13).
#[test]
fn session13_conversions_in_every_form() {
    check_rules(
        "provider forms, session 13",
        &[
            "snyk-api-token",
            "twitch-token",
            "zendesk-api-token",
            "cohere-api-key",
            "cloudflare-api-token",
        ],
    );
}

/// Session 14's conversions (branch convert14b): every rule of the list, including those
/// whose names carry no parent-key word (`npm-legacy-token`, `tenable-api-keys`' `TIO_`
/// names), so none drops out of the check.
#[test]
fn session14b_conversions_in_every_form() {
    check_rules(
        "provider forms, session 14 (convert14b)",
        &[
            "hetzner-cloud-token",
            "honeycomb-api-key",
            "hubspot-api-key",
            "ibm-cloud-api-key",
            "intercom-access-token",
            "linode-token",
            "mailgun-api-key",
            "mailgun-webhook-signing-key",
            "meta-app-secret",
            "splunk-hec-token",
            "elastic-api-key",
            "logzio-token",
            "checkly-api-key",
            "betterstack-source-token",
            "pagerduty-api-key",
            "pagerduty-integration-key",
            "postmark-server-token",
            "postmark-account-token",
            "scaleway-secret-key",
            "shodan-api-key",
            "tenable-api-keys",
            "crowdstrike-client-secret",
            "segment-write-key",
            "tencent-secret-key",
            "twitter-api-secret",
            "kaggle-api-key",
            "newrelic-license-key-legacy",
            "npm-legacy-token",
            "virustotal-api-key",
        ],
    );
}

/// Provider-named rules whose names are not read in every form yet, and why: their
/// keyword is the name's snake-case spelling, which a camelCase name does not hold
/// (`stream_api` is not in `streamApiSecret`, `sf_` not in `sfConsumerSecret`), so Go, PHP,
/// XML and TypeScript forms never wake the rule (`generic-secret` takes the Stream one).
const KNOWN_GAPS: &[&str] = &["stream-api-secret", "salesforce-consumer-secret"];

/// Every context rule with a provider word in its anchors' `key_path`, except
/// [`KNOWN_GAPS`]: a rule converted to the context form is checked here with no more
/// than its own examples.
#[test]
fn every_provider_rule_in_every_form() {
    let set = RuleSet::builtin().unwrap();
    let ids: Vec<&str> = set
        .rules
        .iter()
        .filter(|r| r.is_context() && !provider_words(r).is_empty())
        .map(|r| &*r.id)
        .filter(|id| !KNOWN_GAPS.contains(id))
        .collect();
    assert!(ids.len() > 100, "{} provider-named rules", ids.len());
    check_rules("provider forms, every provider-named rule", &ids);
}
