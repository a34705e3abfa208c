//! Issue 15's table, row by row: every verifier that could call a live token dead (or a dead
//! one live), against a local server answering as the provider documents (or, for crates.io,
//! GitLab and Speckle, as their published server source does). `stand_in` sends a rule's
//! requests to the local server while reading the answers as if the rule's own hosts gave
//! them, which is what decides whether a rejection proves anything; `endpoint` is the
//! user's `[verify.endpoints]` override, whose server is the issuer.

use crate::support::http::{Recorded, Reply, TestServer};
use leakgate::finding::{Finding, Secret, Verification, VerifyStatus};
use leakgate::rules::{Rule, RuleSet};
use leakgate::scan::Scanner;
use leakgate::verify::VerifierBuilder;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn rule(id: &str) -> Rule {
    let set = RuleSet::builtin().unwrap();
    let found = set.rules.into_iter().find(|r| &*r.id == id);
    found.unwrap_or_else(|| panic!("no rule {id}"))
}

/// The secret the rule's first example yields, found by the real scanner.
fn example_secret(rule: &Rule) -> String {
    let alone = Rule::from_spec(rule.spec.clone(), &rule.origin, true).unwrap();
    let scanner = Scanner::new(RuleSet { rules: vec![alone] });
    let found = scanner.scan(None, rule.spec.examples[0].as_bytes());
    found[0].secret.expose().to_string()
}

/// Verifies `rule`'s first example secret, the server standing in for the rule's hosts.
fn at_default(rule: &Rule, server: &TestServer) -> Verification {
    let endpoint = rule.verify().unwrap().endpoint.clone();
    VerifierBuilder::new()
        .stand_in(endpoint, server.url())
        .timeout(Duration::from_secs(30))
        .build()
        .verify(rule, &Secret::new(example_secret(rule)))
}

/// Verifies it with the server set in `[verify.endpoints]`.
fn at_override(rule: &Rule, server: &TestServer) -> Verification {
    let endpoint = rule.verify().unwrap().endpoint.clone();
    VerifierBuilder::new()
        .endpoint(endpoint, server.url())
        .timeout(Duration::from_secs(30))
        .build()
        .verify(rule, &Secret::new(example_secret(rule)))
}

fn always(status: u16, body: &'static str) -> TestServer {
    TestServer::start(move |_| Reply::json(status, body))
}

/// Answers `first` to the first `n` requests, then `then`.
fn after(n: usize, first: (u16, &'static str), then: (u16, &'static str)) -> TestServer {
    let count = Arc::new(AtomicUsize::new(0));
    TestServer::start(move |_| {
        if count.fetch_add(1, Ordering::SeqCst) < n {
            Reply::json(first.0, first.1)
        } else {
            Reply::json(then.0, then.1)
        }
    })
}

fn assert_status(verdict: &Verification, expected: VerifyStatus) {
    assert_eq!(verdict.status, expected, "{}", verdict.detail);
}

#[test]
fn crates_io_tells_a_live_token_from_an_unknown_one_by_the_body_of_its_403() {
    let rule = rule("crates-io-token");
    let live = always(
        403,
        r#"{"errors":[{"detail":"this action can only be performed on the crates.io website"}]}"#,
    );
    let verdict = at_default(&rule, &live);
    assert_status(&verdict, VerifyStatus::Live);
    assert!(
        verdict.detail.contains("website only"),
        "{}",
        verdict.detail
    );
    let dead = always(403, r#"{"errors":[{"detail":"authentication failed"}]}"#);
    assert_status(&at_default(&rule, &dead), VerifyStatus::Dead);
    let other = always(403, r#"{"errors":[{"detail":"account locked"}]}"#);
    assert_status(&at_default(&rule, &other), VerifyStatus::Unknown);
}

#[test]
fn a_datadog_key_of_another_site_is_asked_there_and_found_live() {
    let rule = rule("datadog-api-key");
    // US1 rejects the key; EU1, the second site asked, accepts it.
    let server = after(
        1,
        (403, r#"{"errors":["Forbidden"]}"#),
        (200, r#"{"valid":true}"#),
    );
    let verdict = at_default(&rule, &server);
    assert_status(&verdict, VerifyStatus::Live);
    assert!(verdict.detail.contains("EU1"), "{}", verdict.detail);
    assert_eq!(server.request_count(), 2);
    // Dead only when every site rejects it: seven sites asked.
    let server = always(403, r#"{"errors":["Forbidden"]}"#);
    assert_status(&at_default(&rule, &server), VerifyStatus::Dead);
    assert_eq!(server.request_count(), 7);
    for request in server.requests() {
        assert_eq!(request.target, "/api/v1/validate");
    }
}

#[test]
fn figma_invalid_scope_is_a_live_token_and_invalid_token_is_dead() {
    let rule = rule("figma-pat");
    let server = always(
        403,
        r#"{"status":403,"err":"Invalid scope(s): file_content:read. This endpoint requires the current_user:read scope"}"#,
    );
    let verdict = at_default(&rule, &server);
    assert_status(&verdict, VerifyStatus::Live);
    assert!(
        verdict.detail.contains("current_user:read"),
        "{}",
        verdict.detail
    );
    let server = always(403, r#"{"status":403,"err":"Invalid token"}"#);
    assert_status(&at_default(&rule, &server), VerifyStatus::Dead);
}

#[test]
fn sendgrid_403_is_a_live_key_without_the_scope() {
    let rule = rule("sendgrid-api-key");
    let server = always(
        403,
        r#"{"errors":[{"field":null,"message":"access forbidden"}]}"#,
    );
    let verdict = at_default(&rule, &server);
    assert_status(&verdict, VerifyStatus::Live);
    assert!(verdict.detail.contains("lacks"), "{}", verdict.detail);
    let server = always(
        401,
        r#"{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}"#,
    );
    assert_status(&at_default(&rule, &server), VerifyStatus::Dead);
    // Any other 401 (IP Access Management's refusal is not documented) proves nothing.
    let server = always(
        401,
        r#"{"errors":[{"field":null,"message":"authorization required"}]}"#,
    );
    assert_status(&at_default(&rule, &server), VerifyStatus::Unknown);
}

#[test]
fn dropbox_missing_scope_is_live_and_only_invalid_or_expired_tokens_are_dead() {
    let rule = rule("dropbox-access-token");
    let server = always(
        401,
        r#"{"error_summary":"missing_scope/","error":{".tag":"missing_scope","required_scope":"account_info.read"}}"#,
    );
    assert_status(&at_default(&rule, &server), VerifyStatus::Live);
    for tag in ["invalid_access_token", "expired_access_token"] {
        let body: &'static str = Box::leak(
            format!(r#"{{"error_summary":"{tag}/","error":{{".tag":"{tag}"}}}}"#).into_boxed_str(),
        );
        assert_status(&at_default(&rule, &always(401, body)), VerifyStatus::Dead);
    }
    let server = always(
        401,
        r#"{"error_summary":"user_suspended/","error":{".tag":"user_suspended"}}"#,
    );
    assert_status(&at_default(&rule, &server), VerifyStatus::Unknown);
}

#[test]
fn an_openai_restricted_key_without_model_access_is_live() {
    for id in [
        "openai-project-key",
        "openai-service-account-key",
        "openai-user-key",
        "openai-admin-key",
    ] {
        let rule = rule(id);
        let server = always(
            401,
            r#"{"error":{"message":"You have insufficient permissions for this operation. Missing scopes: api.model.read.","type":"invalid_request_error","param":null,"code":null}}"#,
        );
        let verdict = at_default(&rule, &server);
        assert_status(&verdict, VerifyStatus::Live);
        let server = always(
            401,
            r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
        );
        assert_status(&at_default(&rule, &server), VerifyStatus::Dead);
        // A 401 that is neither: not proof of anything.
        let server = always(401, r#"{"error":{"code":"account_deactivated"}}"#);
        assert_status(&at_default(&rule, &server), VerifyStatus::Unknown);
    }
}

/// A Postmark server that accepts the token only in `accepted_header`.
fn postmark(accepted_header: &'static str) -> TestServer {
    TestServer::start(move |request: &Recorded| {
        if request.header(accepted_header).is_some() {
            Reply::json(200, r#"{"ID":1,"Name":"Production"}"#)
        } else {
            Reply::json(
                401,
                r#"{"ErrorCode":10,"Message":"The token you provided was invalid."}"#,
            )
        }
    })
}

#[test]
fn postmark_tries_both_token_headers_before_calling_a_token_dead() {
    // A server token found under a name that suggested an account token, and the reverse.
    for (id, accepted) in [
        ("postmark-account-token", "x-postmark-server-token"),
        ("postmark-server-token", "x-postmark-account-token"),
    ] {
        let rule = rule(id);
        let server = postmark(accepted);
        let verdict = at_override(&rule, &server);
        assert_status(&verdict, VerifyStatus::Live);
        assert_eq!(server.request_count(), 2, "{id}");
    }
    let rule = rule("postmark-server-token");
    let server = always(401, r#"{"ErrorCode":10,"Message":"invalid"}"#);
    assert_status(&at_override(&rule, &server), VerifyStatus::Dead);
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_gitlab_instance_prefixed_token_is_captured_whole_and_never_sent_to_gitlab_com() {
    let rule = rule("gitlab-pat");
    let token = format!("acme-glpat-{}", "Xq7ZbT2mKd9LwR4vNs8e");
    let alone = Rule::from_spec(rule.spec.clone(), &rule.origin, true).unwrap();
    let scanner = Scanner::new(RuleSet { rules: vec![alone] });
    let found = scanner.scan(None, format!("GITLAB_TOKEN={token}\n").as_bytes());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].secret.expose(), token);

    let server = always(200, r#"{"id":1,"name":"ci","scopes":["api"]}"#);
    let verdict = VerifierBuilder::new()
        .stand_in("gitlab", server.url())
        .build()
        .verify(&rule, &Secret::new(token.clone()));
    assert_status(&verdict, VerifyStatus::Unknown);
    assert!(
        verdict.detail.contains("[verify.endpoints] gitlab"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.request_count(), 0, "not sent to gitlab.com");

    // At the user's own instance, the whole token is sent.
    let verdict = VerifierBuilder::new()
        .endpoint("gitlab", server.url())
        .build()
        .verify(&rule, &Secret::new(token.clone()));
    assert_status(&verdict, VerifyStatus::Live);
    assert_eq!(
        server.requests()[0].header("private-token"),
        Some(token.as_str())
    );
}

#[test]
fn cloudflare_disabled_or_expired_tokens_are_dead_though_success_is_true() {
    let rule = rule("cloudflare-api-token");
    for status in ["disabled", "expired"] {
        let body: &'static str = Box::leak(
            format!(
                r#"{{"success":true,"errors":[],"result":{{"id":"f267e341","status":"{status}"}}}}"#
            )
            .into_boxed_str(),
        );
        assert_status(&at_default(&rule, &always(200, body)), VerifyStatus::Dead);
    }
    let server = always(
        200,
        r#"{"success":true,"errors":[],"result":{"id":"f267e341","status":"active"}}"#,
    );
    assert_status(&at_default(&rule, &server), VerifyStatus::Live);
}

#[test]
fn a_rejection_at_the_saas_default_proves_nothing_for_self_managed_tokens() {
    for (id, endpoint, host) in [
        ("github-pat", "github", "api.github.com"),
        ("github-fine-grained-pat", "github", "api.github.com"),
        ("github-oauth-token", "github", "api.github.com"),
        ("gitlab-pat", "gitlab", "gitlab.com"),
        (
            "terraform-cloud-token",
            "terraform-cloud",
            "app.terraform.io",
        ),
    ] {
        let rule = rule(id);
        let body = if id.starts_with("github") {
            r#"{"message":"Bad credentials"}"#
        } else {
            r#"{"errors":[{"status":"401","title":"unauthorized"}]}"#
        };
        let verdict = at_default(&rule, &always(401, body));
        assert_status(&verdict, VerifyStatus::Unknown);
        assert!(verdict.detail.contains(host), "{id}: {}", verdict.detail);
        assert!(
            verdict
                .detail
                .contains(&format!("[verify.endpoints] {endpoint}")),
            "{id}: {}",
            verdict.detail
        );
        // The user's own server is the issuer: its rejection is final.
        assert_status(&at_override(&rule, &always(401, body)), VerifyStatus::Dead);
    }
}

#[test]
fn regional_keys_are_asked_in_every_region_before_being_called_dead() {
    for (id, regions, region) in [
        ("honeycomb-api-key", 2, "EU"),
        ("intercom-access-token", 3, "AU"),
        ("snyk-api-token", 4, "SNYK-AU-01"),
        ("terraform-cloud-token", 2, "EU"),
    ] {
        let rule = rule(id);
        // Only the last region knows the key.
        let server = after(regions - 1, (401, r#"{"error":"unknown"}"#), (200, "{}"));
        let verdict = at_default(&rule, &server);
        assert_status(&verdict, VerifyStatus::Live);
        assert!(verdict.detail.contains(region), "{id}: {}", verdict.detail);
        assert_eq!(server.request_count(), regions, "{id}");
    }
    let rule = rule("honeycomb-api-key");
    let server = always(401, r#"{"error":"unknown API key"}"#);
    assert_status(&at_default(&rule, &server), VerifyStatus::Dead);
    assert_eq!(server.request_count(), 2);
}

/// Speckle findings from scanning `content` at `path` with the built-in rule.
fn speckle_findings(content: &str) -> (RuleSet, Vec<Finding>) {
    let set = RuleSet::builtin().unwrap();
    let alone = Rule::from_spec(
        rule("speckle-token").spec.clone(),
        "rules/speckle.toml",
        true,
    )
    .unwrap();
    let scanner = Scanner::new(RuleSet { rules: vec![alone] });
    let findings: Vec<Finding> = scanner
        .scan(Some(".env"), content.as_bytes())
        .iter()
        .map(|m| scanner.secret_finding(m, Some(&std::sync::Arc::from(".env"))))
        .collect();
    (set, findings)
}

fn speckle_token(seed: &str) -> String {
    seed.repeat(42).chars().take(42).collect()
}

const SPECKLE_REJECTION: &str = r#"{"error":"Your token is not valid."}"#;

#[test]
fn speckle_rejection_by_the_public_server_names_the_server_the_content_names() {
    let token = speckle_token("3f9a1c7e5b");
    let content = format!("SPECKLE_SERVER=https://speckle.acme-arch.com\nSPECKLE_TOKEN={token}\n");
    let (set, mut findings) = speckle_findings(&content);
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0].context.as_ref().unwrap().server_hint.as_deref(),
        Some("https://speckle.acme-arch.com")
    );
    let server = always(403, SPECKLE_REJECTION);
    let verifier = VerifierBuilder::new()
        .stand_in("speckle", server.url())
        .build();
    verifier.verify_findings(&set, &mut findings);
    let verdict = findings[0].verification.clone().unwrap();
    assert_status(&verdict, VerifyStatus::Unknown);
    assert!(
        verdict.detail.contains("https://speckle.acme-arch.com"),
        "{}",
        verdict.detail
    );
    assert!(
        verdict.detail.contains("[verify.endpoints] speckle"),
        "{}",
        verdict.detail
    );
    // Only the public server was asked, never the one the content names.
    assert_eq!(server.request_count(), 1);

    // Content naming only the public server: its rejection is final.
    let content = format!("SPECKLE_SERVER=https://app.speckle.systems\nSPECKLE_TOKEN={token}\n");
    let (set, mut findings) = speckle_findings(&content);
    let server = always(403, SPECKLE_REJECTION);
    let verifier = VerifierBuilder::new()
        .stand_in("speckle", server.url())
        .build();
    verifier.verify_findings(&set, &mut findings);
    assert_status(
        findings[0].verification.as_ref().unwrap(),
        VerifyStatus::Dead,
    );
}

#[test]
fn speckle_reads_only_the_middleware_rejection_as_dead() {
    let rule = rule("speckle-token");
    let verdict = at_default(&rule, &always(403, SPECKLE_REJECTION));
    assert_status(&verdict, VerifyStatus::Dead);
    assert!(verdict.detail.contains("self-hosted"), "{}", verdict.detail);
    for (status, body) in [(401, "{}"), (403, r#"{"error":"Forbidden"}"#)] {
        let body: &'static str = Box::leak(body.to_string().into_boxed_str());
        assert_status(
            &at_default(&rule, &always(status, body)),
            VerifyStatus::Unknown,
        );
    }
    // Live, with the "last used" warning.
    let server = always(
        200,
        r#"{"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}],"data":{"activeUser":null}}"#,
    );
    let verdict = at_default(&rule, &server);
    assert_status(&verdict, VerifyStatus::Live);
    assert!(verdict.detail.contains("last used"), "{}", verdict.detail);
}

#[test]
fn a_speckle_refresh_token_is_never_sent() {
    let token = speckle_token("a7c3e9b1d5");
    let content = format!("SPECKLE_REFRESH_TOKEN={token}\n");
    let (set, mut findings) = speckle_findings(&content);
    assert_eq!(findings.len(), 1, "the rule finds it");
    let server = always(200, r#"{"data":{"activeUser":{"id":"u1"}}}"#);
    let verifier = VerifierBuilder::new()
        .endpoint("speckle", server.url())
        .build();
    verifier.verify_findings(&set, &mut findings);
    let verdict = findings[0].verification.clone().unwrap();
    assert_status(&verdict, VerifyStatus::Unknown);
    assert!(verdict.detail.contains("refresh"), "{}", verdict.detail);
    assert!(!verdict.detail.contains(&token));
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn a_mailchimp_key_is_asked_at_the_datacenter_it_names_and_nowhere_else() {
    let rule = rule("mailchimp-api-key");
    let server = always(401, r#"{"title":"API Key Invalid","status":401}"#);
    let verdict = at_default(&rule, &server);
    assert_status(&verdict, VerifyStatus::Dead);
    // Read as the key's own datacenter host, filled from the key's suffix.
    assert!(
        verdict.detail.contains("us21.api.mailchimp.com"),
        "{}",
        verdict.detail
    );
    let request = &server.requests()[0];
    assert_eq!(request.target, "/3.0/ping");
    assert!(request
        .header("authorization")
        .is_some_and(|a| a.starts_with("Basic ")));
    // A label that is not a DNS label is never put into a host.
    let hostile = format!("{}-us21", "a".repeat(32)).replace("-us21", "-us21.evil");
    let verdict = VerifierBuilder::new()
        .stand_in("mailchimp", server.url())
        .build()
        .verify(&rule, &Secret::new(hostile));
    assert_status(&verdict, VerifyStatus::Unknown);
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_shopify_token_is_asked_at_the_shop_the_content_names_and_only_there() {
    let token = format!("shpat_{}", "d16d25b57e901f31".repeat(2));
    let scan = |content: &str| {
        let set = RuleSet::builtin().unwrap();
        let alone = Rule::from_spec(
            rule("shopify-access-token").spec.clone(),
            "rules/shopify.toml",
            true,
        )
        .unwrap();
        let scanner = Scanner::new(RuleSet { rules: vec![alone] });
        let findings: Vec<Finding> = scanner
            .scan(Some(".env"), content.as_bytes())
            .iter()
            .map(|m| scanner.secret_finding(m, Some(&std::sync::Arc::from(".env"))))
            .collect();
        (set, findings)
    };
    let server = always(
        200,
        r#"{"shop":{"myshopify_domain":"acme-store.myshopify.com"}}"#,
    );
    let (set, mut findings) = scan(&format!(
        "SHOP=acme-store.myshopify.com\nSHOPIFY_ACCESS_TOKEN={token}\n"
    ));
    VerifierBuilder::new()
        .stand_in("shopify", server.url())
        .build()
        .verify_findings(&set, &mut findings);
    let verdict = findings[0].verification.clone().unwrap();
    assert_status(&verdict, VerifyStatus::Live);
    assert!(
        verdict.detail.contains("acme-store.myshopify.com"),
        "{}",
        verdict.detail
    );
    assert_eq!(server.requests()[0].target, "/admin/api/2024-10/shop.json");

    // No shop named, or a host outside myshopify.com: not sent.
    for content in [
        format!("SHOPIFY_ACCESS_TOKEN={token}\n"),
        format!("SHOP=https://acme.evil.example\nSHOPIFY_ACCESS_TOKEN={token}\n"),
    ] {
        let server = always(200, "{}");
        let (set, mut findings) = scan(&content);
        VerifierBuilder::new()
            .stand_in("shopify", server.url())
            .build()
            .verify_findings(&set, &mut findings);
        let verdict = findings[0].verification.clone().unwrap();
        assert_status(&verdict, VerifyStatus::Unknown);
        assert!(verdict.detail.contains("not sent"), "{}", verdict.detail);
        assert_eq!(server.connection_count(), 0);
    }
}

/// Verifier answer tables checked against the providers' pages (issue 15, second pass): a
/// rejection that may come from an IP allow-list, another region or another environment
/// is never dead.
#[test]
fn a_telegram_test_environment_bot_is_live_and_dead_needs_both_environments() {
    let rule = rule("telegram-bot-token");
    let unauthorized = (
        401,
        r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#,
    );
    let test_env_bot = after(
        1,
        unauthorized,
        (
            200,
            r#"{"ok":true,"result":{"id":1,"is_bot":true,"username":"test_bot"}}"#,
        ),
    );
    assert_status(&at_default(&rule, &test_env_bot), VerifyStatus::Live);
    let requests = test_env_bot.requests();
    assert!(
        requests[1].target.ends_with("/test/getMe"),
        "{}",
        requests[1].target
    );
    assert_status(
        &at_default(&rule, &always(unauthorized.0, unauthorized.1)),
        VerifyStatus::Dead,
    );
}

#[test]
fn a_postman_eu_key_is_live_and_a_mistral_codestral_key_is_live() {
    let postman = rule("postman-api-key");
    let eu_key = after(
        1,
        (
            401,
            r#"{"error":{"name":"AuthenticationError","message":"Invalid API Key."}}"#,
        ),
        (200, r#"{"user":{"id":1,"username":"ana"}}"#),
    );
    assert_status(&at_default(&postman, &eu_key), VerifyStatus::Live);
    let mistral = rule("mistral-api-key");
    let codestral_key = after(
        1,
        (401, r#"{"message":"Unauthorized"}"#),
        (200, r#"{"object":"list","data":[]}"#),
    );
    assert_status(&at_default(&mistral, &codestral_key), VerifyStatus::Live);
}

#[test]
fn a_rejection_an_ip_allow_list_may_have_made_is_never_dead() {
    // Stripe: only its own invalid or expired key messages prove death.
    let stripe = rule("stripe-secret-key");
    let other = always(401, r#"{"error":{"type":"invalid_request_error"}}"#);
    assert_status(&at_default(&stripe, &other), VerifyStatus::Unknown);
    let expired = always(
        401,
        r#"{"error":{"message":"Expired API Key provided: sk_live_****","type":"invalid_request_error"}}"#,
    );
    assert_status(&at_default(&stripe, &expired), VerifyStatus::Dead);
    // npm refuses a token limited to other IP ranges with 403.
    let npm = rule("npm-access-token");
    assert_status(
        &at_default(&npm, &always(403, r#"{"error":"Forbidden"}"#)),
        VerifyStatus::Unknown,
    );
    // Buildkite: only the exact invalid-token message is dead.
    let buildkite = rule("buildkite-api-token");
    assert_status(
        &at_default(&buildkite, &always(401, r#"{"message":"Forbidden"}"#)),
        VerifyStatus::Unknown,
    );
    // Heroku: 403 (trusted IP ranges, a suspended account) is not dead.
    let heroku = rule("heroku-api-key");
    assert_status(
        &at_default(&heroku, &always(403, r#"{"id":"forbidden","message":"x"}"#)),
        VerifyStatus::Unknown,
    );
}
