//! The safety rules of `--verify` (SPEC §7), each against a real HTTP server on 127.0.0.1:
//! only the issuer (or its configured override) is contacted, plain http only to loopback,
//! no redirects, timeouts, 429/5xx/HTML never live, the concurrency limit, one request per
//! distinct secret, insecure TLS only for the named hosts, and the secret in no output.

use crate::support::http::{Reply, TestServer, RULE};
use assert_cmd::Command;
use leakgate::finding::{Secret, VerifyStatus};
use leakgate::rules::{parse_rule_file, RuleSet};
use leakgate::verify::{Verifier, VerifierBuilder};
use std::time::Duration;

fn rules() -> RuleSet {
    RuleSet {
        rules: parse_rule_file(RULE, "test.toml", true).unwrap(),
    }
}

/// A token-shaped test value, built at run time.
fn token(n: usize) -> String {
    format!("tok_{:0>24}", format!("{n}x{}", "k7".repeat(6)))
}

fn verifier_for(server: &TestServer) -> Verifier {
    VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .timeout(Duration::from_secs(5))
        .build()
}

fn verify_one(verifier: &Verifier, secret: &str) -> leakgate::finding::Verification {
    let rules = rules();
    verifier.verify(rules.get("test-token").unwrap(), &Secret::new(secret))
}

#[test]
fn a_live_answer_is_read_with_scopes_and_identity() {
    let server = TestServer::start(|_| {
        Reply::json(200, r#"{"login":"ana"}"#).header("X-Scopes", "read, write")
    });
    let secret = token(1);
    let verdict = verify_one(&verifier_for(&server), &secret);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    assert_eq!(verdict.scopes, vec!["read", "write"]);
    assert!(verdict.detail.contains("as ana"), "{}", verdict.detail);
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].target, "/v1/me");
    assert_eq!(
        seen[0].header("authorization"),
        Some(format!("Bearer {secret}").as_str())
    );
}

#[test]
fn plain_http_to_a_non_loopback_host_is_skipped_without_a_connection() {
    let verifier = VerifierBuilder::new()
        .endpoint("testsvc", "http://192.0.2.10:8080")
        .timeout(Duration::from_millis(500))
        .build();
    let verdict = verify_one(&verifier, &token(2));
    assert_eq!(verdict.status, VerifyStatus::Skipped, "{}", verdict.detail);
    assert!(verdict.detail.contains("loopback"), "{}", verdict.detail);
}

#[test]
fn plain_http_to_a_non_loopback_host_in_config_is_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        "[verify]\nendpoints = { testsvc = \"http://speckle.example.org\" }\n",
    )
    .unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", ".", "--verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".leakgate.toml"), "{err}");
    assert!(err.contains("verify.endpoints.testsvc"), "{err}");
    assert!(err.contains("loopback"), "{err}");
}

#[test]
fn redirects_are_not_followed() {
    let elsewhere = TestServer::start(|_| Reply::json(200, r#"{"login":"mallory"}"#));
    let target = format!("{}/steal", elsewhere.url());
    let server = TestServer::start(move |_| Reply::json(302, "{}").header("Location", &target));
    let verdict = verify_one(&verifier_for(&server), &token(3));
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("redirect"), "{}", verdict.detail);
    assert_eq!(server.request_count(), 1);
    assert_eq!(elsewhere.connection_count(), 0);
}

#[test]
fn a_timeout_is_unknown() {
    let server = TestServer::start(|_| {
        Reply::json(200, r#"{"login":"late"}"#).delayed(Duration::from_millis(1500))
    });
    let verifier = VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .timeout(Duration::from_millis(200))
        .build();
    let verdict = verify_one(&verifier, &token(4));
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(verdict.detail.contains("200 ms"), "{}", verdict.detail);
}

#[test]
fn rate_limits_server_errors_and_html_are_never_live() {
    let cases = [
        (Reply::json(429, r#"{"login":"x"}"#), "429"),
        (Reply::json(500, r#"{"login":"x"}"#), "500"),
        (Reply::json(503, "{}"), "503"),
        (
            Reply::text(200, "text/html", "<html><body>Sign in</body></html>"),
            "HTML",
        ),
        (
            Reply::text(200, "application/octet-stream", "<!DOCTYPE html><html>"),
            "HTML",
        ),
        (Reply::json(404, "{}"), "404"),
    ];
    for (reply, expected) in cases {
        let server = TestServer::start(move |_| reply.clone());
        let verdict = verify_one(&verifier_for(&server), &token(5));
        assert_eq!(
            verdict.status,
            VerifyStatus::Unknown,
            "{expected}: {}",
            verdict.detail
        );
        assert!(verdict.detail.contains(expected), "{}", verdict.detail);
    }
}

#[test]
fn a_dead_answer_is_dead() {
    let server = TestServer::start(|_| Reply::json(401, r#"{"message":"Bad credentials"}"#));
    let verdict = verify_one(&verifier_for(&server), &token(6));
    assert_eq!(verdict.status, VerifyStatus::Dead, "{}", verdict.detail);
}

#[test]
fn at_most_concurrency_requests_are_in_flight() {
    let server = TestServer::start(|_| {
        Reply::json(200, r#"{"login":"ana"}"#).delayed(Duration::from_millis(150))
    });
    let verifier = VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .concurrency(3)
        .timeout(Duration::from_secs(10))
        .build();
    let rules = rules();
    let mut findings: Vec<_> = (0..12).map(|n| finding(&token(100 + n))).collect();
    verifier.verify_findings(&rules, &mut findings);
    assert_eq!(server.request_count(), 12);
    assert!(
        server.max_in_flight() <= 3,
        "{} in flight",
        server.max_in_flight()
    );
    assert!(
        server.max_in_flight() >= 2,
        "requests ran one by one: {}",
        server.max_in_flight()
    );
    assert!(findings
        .iter()
        .all(|f| f.verification.as_ref().unwrap().status == VerifyStatus::Live));
}

fn finding(secret: &str) -> leakgate::finding::Finding {
    leakgate::finding::Finding {
        rule: "test-token".into(),
        kind: leakgate::finding::FindingKind::Secret,
        title: "Test service token".into(),
        path: Some("a.txt".into()),
        line: Some(1),
        column: Some(1),
        secret: Some(Secret::new(secret)),
        context: None,
        fingerprint: leakgate::finding::fingerprint("test-token", secret),
        commit: None,
        verification: None,
        remediation: None,
        repository: None,
        merged: None,
    }
}

#[test]
fn each_distinct_secret_is_sent_once_even_in_a_hundred_files() {
    let server = TestServer::start(|_| Reply::json(200, r#"{"login":"ana"}"#));
    let dir = tempfile::tempdir().unwrap();
    let secret = token(7);
    let other = token(8);
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ testsvc = \"{}\" }}\n",
            server.url()
        ),
    )
    .unwrap();
    for n in 0..100 {
        std::fs::write(
            dir.path().join(format!("file{n}.txt")),
            format!("KEY={secret}\n"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("other.txt"), format!("k = {other}\n")).unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", ".", "--verify", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|f: &serde_json::Value| f["rule"] == "test-token")
        .collect();
    assert_eq!(lines.len(), 101);
    assert!(lines.iter().all(|f| f["verification"]["status"] == "live"));
    assert_eq!(server.request_count(), 2, "one request per distinct secret");
}

#[test]
fn insecure_hosts_applies_only_to_the_named_hosts() {
    let server = TestServer::start_tls(|_| Reply::json(200, r#"{"login":"ana"}"#));
    let secret = token(9);
    // Not named: the self-signed certificate is refused, and that is unknown.
    let strict = VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .timeout(Duration::from_secs(5))
        .build();
    let verdict = verify_one(&strict, &secret);
    assert_eq!(verdict.status, VerifyStatus::Unknown, "{}", verdict.detail);
    assert!(
        verdict.detail.contains("TLS") || verdict.detail.contains("certificate"),
        "{}",
        verdict.detail
    );
    // Another host named: still checked.
    let other = VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .insecure_host("speckle.example.org")
        .build();
    assert_eq!(verify_one(&other, &secret).status, VerifyStatus::Unknown);
    // This host named: accepted.
    let insecure = VerifierBuilder::new()
        .endpoint("testsvc", server.url())
        .insecure_host("localhost")
        .build();
    let verdict = verify_one(&insecure, &secret);
    assert_eq!(verdict.status, VerifyStatus::Live, "{}", verdict.detail);
    // Same server reached by another name (its IP): not named, so checked again.
    let by_ip = VerifierBuilder::new()
        .endpoint("testsvc", format!("https://127.0.0.1:{}", server.port()))
        .insecure_host("localhost")
        .build();
    assert_eq!(verify_one(&by_ip, &secret).status, VerifyStatus::Unknown);
}

#[test]
fn the_secret_never_appears_in_output_errors_or_debug() {
    // The server echoes the secret everywhere it can.
    let server = TestServer::start(|request| {
        let auth = request.header("authorization").unwrap_or("").to_string();
        let secret = auth.trim_start_matches("Bearer ").to_string();
        if secret.ends_with("00") {
            Reply::json(200, &format!(r#"{{"login":"{secret}"}}"#)).header("X-Scopes", &secret)
        } else {
            Reply::json(418, &format!(r#"{{"error":"{secret} is bad"}}"#))
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let live = format!("tok_{}00", "q9".repeat(11));
    let odd = format!("tok_{}", "z8".repeat(12));
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ testsvc = \"{}\" }}\n",
            server.url()
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), format!("a = {live}\nb = {odd}\n")).unwrap();
    for format in ["human", "json", "jsonl", "sarif", "html"] {
        let out = Command::cargo_bin("leakgate")
            .unwrap()
            .current_dir(dir.path())
            .args([
                "scan", ".", "--verify", "--color", "always", "--format", format,
            ])
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("tok_"), "{format}: the findings are reported");
        assert!(!all.contains(&live), "{format}: live secret leaked");
        assert!(!all.contains(&odd), "{format}: secret leaked");
    }
    // A secret in the URL path and a connection failure: the reason names no secret.
    let in_path = RULE.replace(
        "url = \"https://api.test-issuer.invalid/v1/me\"",
        "url = \"https://api.test-issuer.invalid/bot{{secret}}/getMe\"",
    );
    let rules = RuleSet {
        rules: parse_rule_file(&in_path, "t.toml", true).unwrap(),
    };
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let verifier = VerifierBuilder::new()
        .endpoint("testsvc", format!("http://127.0.0.1:{port}"))
        .build();
    let secret = Secret::new(live.clone());
    let verdict = verifier.verify(rules.get("test-token").unwrap(), &secret);
    assert_eq!(verdict.status, VerifyStatus::Unknown);
    let shown = format!("{verdict:?} {} {verifier:?} {secret:?}", verdict.detail);
    assert!(!shown.contains(&live), "{shown}");
}

#[test]
fn a_host_named_in_scanned_content_is_never_contacted() {
    let issuer = TestServer::start(|_| Reply::json(200, r#"{"login":"ana"}"#));
    let decoy = TestServer::start(|_| Reply::json(200, r#"{"login":"decoy"}"#));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ testsvc = \"{}\" }}\n",
            issuer.url()
        ),
    )
    .unwrap();
    // The content names another server, as a self-hosted config file would.
    std::fs::write(
        dir.path().join("settings.env"),
        format!(
            "TESTSVC_URL={}/v1/me\nTESTSVC_SERVER=127.0.0.1:{}\nTESTSVC_TOKEN={}\n",
            decoy.url(),
            decoy.port(),
            token(10)
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["scan", ".", "--verify", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(issuer.request_count(), 1);
    assert_eq!(decoy.connection_count(), 0);
}
