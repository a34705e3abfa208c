//! Table-driven probes of five provider rules that kept the one-regex form until session 13
//! (`snyk-api-token`, `twitch-token`, `zendesk-api-token`, `cohere-api-key`,
//! `cloudflare-api-token`) and now use the context form. Their tokens have no prefix, so each
//! is taken only under a name that says the provider; the regex form read that name only in
//! `KEY=value`-like assignments, and an external check (the sample forms another scanner tests
//! its rules with, run outside the repository) found the same names missed in Go `var` and
//! `:=` declarations, Makefile `::=`, `?=` and `+=`, PHP `.=`, XML elements and YAML block
//! scalars. The family is "a provider-named key, in every syntax the engine reads"; each row
//! below is one syntax.
//!
//! Each negative is the near miss the rule must keep quiet: a sibling key of the same shape
//! that is no credential (`SNYK_ORG_ID`, `TWITCH_CLIENT_ID`, `cloudflareZone`), a reference or
//! a placeholder under the provider's credential name. A positive counts only when
//! a finding of its rule covers exactly the made-up secret. Token-shaped values are built at
//! run time, so the repository holds none.

use super::probe_check::Rows;

/// A version-4 UUID (a Snyk token's shape).
fn uuid() -> String {
    ["7c1e9a3f", "-52b8-4d6e-9f0a-", "1b2c3d4e5f6a"].concat()
}

/// `n` letters and digits of both cases (Zendesk and Cohere keys are 40).
fn alnum(n: usize) -> String {
    let set = b"aZ3kQ9mX2pL7vB4nR8tY6wC1dF5hJ0sG";
    (0..n)
        .map(|i| set[(i * 11 + 3 + i / 5) % set.len()] as char)
        .collect()
}

/// `n` lowercase letters and digits (a Twitch token is 30).
fn lower(n: usize) -> String {
    alnum(n).to_lowercase()
}

/// A Cloudflare API token: 40 letters, digits, `_` and `-`.
fn cf_token() -> String {
    let mut s = alnum(38);
    s.insert(12, '_');
    s.insert(25, '-');
    s
}

fn secrets() -> Vec<String> {
    vec![
        uuid(),
        alnum(40),
        lower(30),
        format!("oauth:{}", lower(30)),
        cf_token(),
    ]
}

fn fill(text: &str) -> String {
    text.replace("{UUID}", &uuid())
        .replace("{A40}", &alnum(40))
        .replace("{L30}", &lower(30))
        .replace("{CF}", &cf_token())
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const SNYK: Rows<'static> = (
    &[
        (".env", "SNYK_TOKEN={UUID}\n", "snyk-api-token"),
        ("ci/config.go", "var snykToken string = \"{UUID}\"\n", "snyk-api-token"),
        ("ci/config.go", "snykToken := `{UUID}`\n", "snyk-api-token"),
        ("Makefile", "SNYK_TOKEN ?= \"{UUID}\"\n", "snyk-api-token"),
        ("Makefile", "SNYK_TOKEN ::= \"{UUID}\"\n", "snyk-api-token"),
        ("config.php", "$snykToken .= \"{UUID}\";\n", "snyk-api-token"),
        ("pom.xml", "<properties>\n  <snykToken>{UUID}</snykToken>\n</properties>\n", "snyk-api-token"),
        ("ci.yml", "snyk_token: |\n  {UUID}\n", "snyk-api-token"),
        ("Config.java", "String snykAuth = \"{UUID}\";\n", "snyk-api-token"),
    ],
    &[
        (".env", "SNYK_ORG_ID={UUID}\n"),
        ("ci/config.go", "var snykOrg string = \"{UUID}\"\n"),
        (".env", "SNYK_TOKEN=<your-snyk-token>\n"),
        ("Makefile", "SNYK_TOKEN ?= \"$(shell cat .snyk-token)\"\n"),
    ],
);

#[rustfmt::skip]
const TWITCH: Rows<'static> = (
    &[
        (".env", "TWITCH_CLIENT_SECRET={L30}\n", "twitch-token"),
        ("bot/main.go", "var twitchToken string = \"{L30}\"\n", "twitch-token"),
        ("bot/main.go", "twitchOauth := \"oauth:{L30}\"\n", "twitch-token"),
        ("Makefile", "TWITCH_TOKEN += \"{L30}\"\n", "twitch-token"),
        ("config.xml", "<twitchToken>\n    {L30}\n</twitchToken>\n", "twitch-token"),
        ("config.yaml", "twitch_token: >\n  {L30}\n", "twitch-token"),
    ],
    &[
        (".env", "TWITCH_CLIENT_ID={L30}\n"),
        (".env", "TWITCH_CLIENT_SECRET=<client-secret>\n"),
        ("bot/main.go", "var twitchChannel string = \"{L30}\"\n"),
    ],
);

#[rustfmt::skip]
const ZENDESK: Rows<'static> = (
    &[
        (".env", "ZENDESK_API_TOKEN={A40}\n", "zendesk-api-token"),
        ("support/client.go", "var zendeskToken string = \"{A40}\"\n", "zendesk-api-token"),
        ("support/client.go", "zendeskKey := `{A40}`\n", "zendesk-api-token"),
        ("Makefile", "ZENDESK_TOKEN :::= \"{A40}\"\n", "zendesk-api-token"),
        ("config.php", "$zendeskSecret .= \"{A40}\";\n", "zendesk-api-token"),
        ("settings.xml", "<zendeskToken>{A40}</zendeskToken>\n", "zendesk-api-token"),
    ],
    &[
        (".env", "ZENDESK_SUBDOMAIN={A40}\n"),
        (".env", "ZENDESK_API_TOKEN=your_zendesk_api_token_here\n"),
        ("support/client.go", "var zendeskUser string = \"{A40}\"\n"),
    ],
);

#[rustfmt::skip]
const COHERE: Rows<'static> = (
    &[
        (".env", "COHERE_API_KEY={A40}\n", "cohere-api-key"),
        (".env", "CO_API_KEY={A40}\n", "cohere-api-key"),
        ("llm/client.go", "var cohereKey string = \"{A40}\"\n", "cohere-api-key"),
        ("llm/client.go", "cohereToken := \"{A40}\"\n", "cohere-api-key"),
        ("Makefile", "COHERE_API_KEY ?= \"{A40}\"\n", "cohere-api-key"),
        ("app.py", "co = cohere.ClientV2(\"{A40}\")\n", "cohere-api-key"),
        ("config.yaml", "cohere:\n  api_key: |\n    {A40}\n", "cohere-api-key"),
    ],
    &[
        (".env", "COHERE_API_KEY=${COHERE_API_KEY}\n"),
        ("llm/client.go", "var cohereModel string = \"{A40}\"\n"),
    ],
);

#[rustfmt::skip]
const CLOUDFLARE: Rows<'static> = (
    &[
        (".env", "CLOUDFLARE_API_TOKEN={CF}\n", "cloudflare-api-token"),
        (".env", "CF_API_TOKEN={CF}\n", "cloudflare-api-token"),
        ("deploy/main.go", "var cloudflareToken string = \"{CF}\"\n", "cloudflare-api-token"),
        ("deploy/main.go", "cloudflareToken := `{CF}`\n", "cloudflare-api-token"),
        ("Makefile", "CLOUDFLARE_API_TOKEN ::= \"{CF}\"\n", "cloudflare-api-token"),
        ("config.php", "$cloudflareToken .= \"{CF}\";\n", "cloudflare-api-token"),
        ("wrangler.xml", "<cloudflareToken>{CF}</cloudflareToken>\n", "cloudflare-api-token"),
        ("ci.yml", "cloudflare_token: |\n  {CF}\n", "cloudflare-api-token"),
    ],
    &[
        (".env", "CLOUDFLARE_ACCOUNT_ID={CF}\n"),
        (".env", "CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}\n"),
        ("deploy/main.go", "var cloudflareZone string = \"{CF}\"\n"),
    ],
);

#[test]
fn snyk_token_names_in_every_syntax() {
    check_all("snyk names", SNYK);
}

#[test]
fn twitch_token_names_in_every_syntax() {
    check_all("twitch names", TWITCH);
}

#[test]
fn zendesk_token_names_in_every_syntax() {
    check_all("zendesk names", ZENDESK);
}

#[test]
fn cohere_key_names_in_every_syntax() {
    check_all("cohere names", COHERE);
}

#[test]
fn cloudflare_token_names_in_every_syntax() {
    check_all("cloudflare names", CLOUDFLARE);
}
