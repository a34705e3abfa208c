//! The provider rule catalog (chat, mail, payments, AI, observability, developer services)
//! seen from the user's side: `leakgate scan` on files that hold provider tokens.
//!
//! `rules check` already proves each rule on its own examples; these tests pin what the
//! catalog promises as a whole: each token is reported once, by its own rule, redacted;
//! Stripe test-mode keys are reported with a low severity; and a prefix-less key is reported
//! only when its provider's setting names it, never as bare hex. Token-shaped strings are
//! built at run time so that this file stays clean under any secret scanner.

use assert_cmd::Command;
use std::collections::BTreeSet;

/// A deterministic generator of random-looking token bodies (xorshift64*), so that failures
/// reproduce and no token literal sits in the source.
struct Fake(u64);

impl Fake {
    const HEX: &'static str = "0123456789abcdef";
    const DIGITS: &'static str = "0123456789";
    const ALNUM: &'static str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const UPPER_ALNUM: &'static str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const URL_SAFE: &'static str =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn of(&mut self, alphabet: &str, len: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        (0..len)
            .map(|_| chars[(self.next_u64() % chars.len() as u64) as usize])
            .collect()
    }

    fn hex(&mut self, len: usize) -> String {
        self.of(Self::HEX, len)
    }

    fn alnum(&mut self, len: usize) -> String {
        self.of(Self::ALNUM, len)
    }

    fn uuid(&mut self) -> String {
        format!(
            "{}-{}-{}-{}-{}",
            self.hex(8),
            self.hex(4),
            self.hex(4),
            self.hex(4),
            self.hex(12)
        )
    }
}

/// Runs `leakgate scan` on `files` (name, content) in a fresh directory; returns the JSON
/// lines report, its stdout text, and the exit code.
fn scan(files: &[(&str, String)]) -> (Vec<serde_json::Value>, String, i32) {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        std::fs::write(dir.path().join(name), content).unwrap();
    }
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", ".", "--format", "jsonl", "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let findings = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (findings, stdout, output.status.code().unwrap())
}

fn rule_ids(findings: &[serde_json::Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn provider_tokens_are_each_reported_once_by_their_own_rule_and_redacted() {
    let mut fake = Fake(0x5eed_1234_abcd_0001);
    let tokens: Vec<(&str, String, String)> = vec![
        (
            "slack-bot-token",
            "SLACK_BOT_TOKEN",
            format!(
                "xoxb-{}-{}-{}",
                fake.of(Fake::DIGITS, 12),
                fake.of(Fake::DIGITS, 13),
                fake.alnum(24)
            ),
        ),
        (
            "slack-webhook-url",
            "SLACK_WEBHOOK",
            format!(
                "https://hooks.slack.com/services/T{}/B{}/{}",
                fake.of(Fake::UPPER_ALNUM, 10),
                fake.of(Fake::UPPER_ALNUM, 11),
                fake.alnum(24)
            ),
        ),
        (
            "sendgrid-api-key",
            "SENDGRID_API_KEY",
            format!(
                "SG.{}.{}",
                fake.of(Fake::URL_SAFE, 22),
                fake.of(Fake::URL_SAFE, 43)
            ),
        ),
        (
            "stripe-secret-key",
            "STRIPE_SECRET_KEY",
            format!("sk_live_{}", fake.alnum(99)),
        ),
        (
            "shopify-access-token",
            "SHOPIFY_TOKEN",
            format!("shpat_{}", fake.hex(32)),
        ),
        (
            "openai-project-key",
            "OPENAI_API_KEY",
            format!(
                "sk-proj-{}T3BlbkFJ{}",
                fake.of(Fake::URL_SAFE, 74),
                fake.of(Fake::URL_SAFE, 74)
            ),
        ),
        (
            "anthropic-admin-key",
            "ANTHROPIC_ADMIN_KEY",
            format!("sk-ant-admin01-{}AA", fake.of(Fake::URL_SAFE, 93)),
        ),
        (
            "groq-api-key",
            "GROQ_API_KEY",
            format!("gsk_{}", fake.alnum(52)),
        ),
        (
            "huggingface-token",
            "HF_TOKEN",
            format!("hf_{}", fake.alnum(34)),
        ),
        (
            "sentry-user-token",
            "SENTRY_AUTH_TOKEN",
            format!("sntryu_{}", fake.hex(64)),
        ),
        (
            "grafana-service-account-token",
            "GRAFANA_TOKEN",
            format!("glsa_{}_{}", fake.alnum(32), fake.hex(8)),
        ),
        (
            "newrelic-user-api-key",
            "NEW_RELIC_API_KEY",
            format!("NRAK-{}", fake.of(Fake::UPPER_ALNUM, 27)),
        ),
        (
            "dynatrace-api-token",
            "DT_API_TOKEN",
            format!(
                "dt0c01.{}.{}",
                fake.of(Fake::UPPER_ALNUM, 24),
                fake.of(Fake::UPPER_ALNUM, 64)
            ),
        ),
        (
            "linear-api-key",
            "LINEAR_API_KEY",
            format!("lin_api_{}", fake.alnum(40)),
        ),
        (
            "postman-api-key",
            "POSTMAN_API_KEY",
            format!("PMAK-{}-{}", fake.hex(24), fake.hex(34)),
        ),
        (
            "hubspot-private-app-token",
            "HUBSPOT_TOKEN",
            format!("pat-na1-{}", fake.uuid()),
        ),
        (
            "supabase-pat",
            "SUPABASE_ACCESS_TOKEN",
            format!("sbp_{}", fake.hex(40)),
        ),
        (
            "tailscale-key",
            "TS_AUTHKEY",
            format!("tskey-auth-k{}CNTRL-{}", fake.alnum(11), fake.alnum(33)),
        ),
        ("datadog-api-key", "DD_API_KEY", fake.hex(32)),
        ("twilio-auth-token", "TWILIO_AUTH_TOKEN", fake.hex(32)),
    ]
    .into_iter()
    .map(|(rule, name, value)| (rule, name.to_string(), value))
    .collect();
    let content: String = tokens
        .iter()
        .map(|(_, name, value)| format!("{name}: \"{value}\"\n"))
        .collect();
    let (findings, stdout, code) = scan(&[("settings.yaml", content)]);

    assert_eq!(code, 1, "findings must fail the scan");
    let expected: Vec<String> = tokens.iter().map(|(rule, _, _)| rule.to_string()).collect();
    assert_eq!(rule_ids(&findings), expected);
    for (n, finding) in findings.iter().enumerate() {
        assert_eq!(finding["line"], n + 1, "finding {n} is on its own line");
    }
    for (rule, _, value) in &tokens {
        assert!(
            !stdout.contains(value.as_str()),
            "the {rule} secret must be redacted in the report"
        );
    }
}

#[test]
fn stripe_test_mode_keys_are_reported_with_a_low_severity_and_live_keys_are_critical() {
    let mut fake = Fake(0x5eed_1234_abcd_0002);
    let test_key = format!("sk_test_{}", fake.alnum(99));
    let (findings, _, code) = scan(&[("billing.yaml", format!("STRIPE_KEY={test_key}\n"))]);
    assert_eq!(code, 1);
    assert_eq!(rule_ids(&findings), ["stripe-test-secret-key"]);
    assert_eq!(findings[0]["severity"], "low");
    assert_eq!(findings[0]["confidence"], "high");

    let live_key = format!("rk_live_{}", fake.alnum(99));
    let (findings, _, code) = scan(&[("billing.yaml", format!("STRIPE_KEY={live_key}\n"))]);
    assert_eq!(code, 1);
    assert_eq!(rule_ids(&findings), ["stripe-restricted-key"]);
}

#[test]
fn a_prefixless_key_is_reported_only_under_its_providers_setting() {
    let mut fake = Fake(0x5eed_1234_abcd_0003);
    let key = fake.hex(32);
    // Bare hex under a name that no provider owns: only the generic fallback rules may
    // speak (for `API_KEY=`), never a provider rule, and hashes are left alone.
    let bare = format!("API_KEY={key}\nchecksum = \"{key}\"\nrevision: {key}\n");
    let (findings, _, _) = scan(&[("config.ini", bare)]);
    for finding in &findings {
        let rule = finding["rule"].as_str().unwrap();
        assert!(rule.starts_with("generic-"), "{rule} claimed bare hex");
        assert_eq!(finding["line"], 1, "{rule} claimed a hash");
    }

    let named = format!(
        "DATADOG_API_KEY={key}\nPOSTMARK_SERVER_TOKEN={}\n",
        fake.uuid()
    );
    let (findings, _, code) = scan(&[("config.ini", named)]);
    assert_eq!(code, 1);
    assert_eq!(
        rule_ids(&findings),
        ["datadog-api-key", "postmark-server-token"]
    );
}

#[test]
fn context_rules_do_not_reach_other_providers_settings_on_the_same_file() {
    // A Discord mention opens a window for the Discord bot token rule; a Mistral key on a
    // later line must still be reported by the Mistral rule only, and the Discord rule must
    // not claim a value that lacks its three-part shape.
    let mut fake = Fake(0x5eed_1234_abcd_0004);
    let content = format!(
        "# discord bot settings\nMISTRAL_API_KEY={}\nDISCORD_GUILD={}\n",
        fake.alnum(32),
        fake.of(Fake::DIGITS, 19)
    );
    let (findings, _, code) = scan(&[("bot.toml", content)]);
    assert_eq!(code, 1);
    assert_eq!(rule_ids(&findings), ["mistral-api-key"]);
}

/// The rule files of this catalog (the other provider files are checked by their own tests).
const CATALOG_FILES: &[&str] = &[
    "adyen",
    "ai",
    "airtable",
    "algolia",
    "anthropic",
    "asana",
    "atlassian",
    "auth0",
    "azure-devops",
    "braintree",
    "brevo",
    "buildkite",
    "circleci",
    "contentful",
    "datadog",
    "discord",
    "dropbox",
    "dynatrace",
    "figma",
    "flyio",
    "frameio",
    "grafana",
    "honeycomb",
    "hubspot",
    "huggingface",
    "intercom",
    "jfrog",
    "launchdarkly",
    "linear",
    "mailchimp",
    "mailgun",
    "mapbox",
    "meta",
    "netlify",
    "newrelic",
    "ngrok",
    "notion",
    "okta",
    "onepassword",
    "openai",
    "pagerduty",
    "planetscale",
    "postman",
    "postmark",
    "razorpay",
    "render",
    "resend",
    "sendgrid",
    "sentry",
    "shippo",
    "shopify",
    "slack",
    "snyk",
    "sonarqube",
    "square",
    "stripe",
    "supabase",
    "tailscale",
    "telegram",
    "twilio",
    "twitch",
    "twitter",
    "vercel",
    "zendesk",
];

#[test]
fn every_catalog_rule_names_its_provider_keywords_and_where_to_revoke() {
    let set = leakgate::rules::RuleSet::builtin().unwrap();
    let ours: Vec<_> = set
        .rules
        .iter()
        .filter(|r| {
            CATALOG_FILES
                .iter()
                .any(|f| *r.origin == *format!("rules/{f}.toml"))
        })
        .collect();
    let files: BTreeSet<&str> = ours.iter().map(|r| &*r.origin).collect();
    assert_eq!(
        files.len(),
        CATALOG_FILES.len(),
        "a catalog file is missing"
    );
    for rule in ours {
        let id = &rule.id;
        assert!(rule.provider.is_some(), "{id} names no provider");
        assert!(!rule.keywords.is_empty(), "{id} has no keywords");
        assert!(
            rule.remediation().is_some_and(|r| r.len() > 20),
            "{id} does not say where to revoke"
        );
        assert!(
            !rule.spec.negative_examples.is_empty(),
            "{id} has no negative example"
        );
    }
}

#[test]
fn kubernetes_env_entries_pair_a_provider_name_with_the_value_below_it() {
    // In a manifest the setting name and its value sit on two lines (`- name:` / `value:`);
    // a prefix-less key there must not slip through, and a neighbouring entry's value must
    // not be claimed by the name above it.
    let mut fake = Fake(0x5eed_1234_abcd_0005);
    let manifest = format!(
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          env:\n            - name: DD_SITE\n              value: datadoghq.eu\n            - name: DD_API_KEY\n              value: \"{}\"\n            - name: TWILIO_AUTH_TOKEN\n              value: {}\n            - name: BUILD_SHA\n              value: {}\n",
        fake.hex(32),
        fake.hex(32),
        fake.hex(40)
    );
    let (findings, _, code) = scan(&[("deployment.yaml", manifest)]);
    assert_eq!(code, 1);
    let located: Vec<(String, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        located,
        [
            ("datadog-api-key".to_string(), 12),
            ("twilio-auth-token".to_string(), 14)
        ]
    );
}
