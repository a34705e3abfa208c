//! `leakgate revoke` as a user meets it: the real binary, one secret on standard input, a
//! local server standing in for each provider. Every built-in revoker is run against every
//! answer its rule records (`[[rule.revoke.sample]]`: revoked, already invalid, missing
//! scope, error), and the request it sends is checked (method, path, where the secret goes).
//! The secret never shows in the output unless `--show-secrets`. `--verify` reports say
//! which live findings `leakgate revoke` can act on.

use crate::support::http::{Recorded, Reply, TestServer, RULE};
use assert_cmd::Command;
use leakgate::revoke::RevokeMeans;
use leakgate::rules::{Rule, RuleSet};
use leakgate::scan::Scanner;

/// How one provider's revocation request must look.
struct Expected {
    rules: &'static [&'static str],
    method: &'static str,
    path: &'static str,
    /// Where the secret travels: a header (name, prefix) or the body.
    secret_in: SecretIn,
    /// A header the provider requires: (name, value).
    header: Option<(&'static str, &'static str)>,
    /// A request sent first to learn what to revoke (method, path), with the secret where
    /// the revocation sends it; the revocation follows only when it succeeded.
    lookup: Option<(&'static str, &'static str)>,
}

enum SecretIn {
    Header(&'static str, &'static str),
    /// The body holds this text, `{s}` standing for the secret.
    Body(&'static str),
    /// Speckle: the bearer token, and the token's id (its first 10 characters) as the
    /// mutation's argument.
    SpeckleMutation,
    /// Discord: the webhook's id and token in the path (`{s}` the part after `/webhooks/`),
    /// nothing else.
    WebhookPath,
}

fn expected() -> Vec<Expected> {
    vec![
        // https://docs.github.com/en/rest/credentials/revoke: unauthenticated.
        Expected {
            rules: &[
                "github-pat",
                "github-fine-grained-pat",
                "github-oauth-token",
                "github-user-to-server-token",
                "github-refresh-token",
            ],
            method: "POST",
            path: "/credentials/revoke",
            secret_in: SecretIn::Body(r#"{"credentials":["{s}"]}"#),
            header: Some(("x-github-api-version", "2022-11-28")),
            lookup: None,
        },
        Expected {
            rules: &["github-app-installation-token"],
            method: "DELETE",
            path: "/installation/token",
            secret_in: SecretIn::Header("authorization", "Bearer "),
            header: Some(("x-github-api-version", "2022-11-28")),
            lookup: None,
        },
        Expected {
            rules: &["gitlab-pat"],
            method: "DELETE",
            path: "/api/v4/personal_access_tokens/self",
            secret_in: SecretIn::Header("private-token", ""),
            header: None,
            lookup: None,
        },
        Expected {
            rules: &["slack-bot-token", "slack-user-token"],
            method: "POST",
            path: "/api/auth.revoke",
            secret_in: SecretIn::Header("authorization", "Bearer "),
            header: None,
            lookup: None,
        },
        Expected {
            rules: &["dropbox-access-token"],
            method: "POST",
            path: "/2/auth/token/revoke",
            secret_in: SecretIn::Header("authorization", "Bearer "),
            header: None,
            lookup: None,
        },
        Expected {
            rules: &["google-oauth-access-token", "google-oauth-refresh-token"],
            method: "POST",
            path: "/revoke",
            secret_in: SecretIn::Body("token={s}"),
            header: Some(("content-type", "application/x-www-form-urlencoded")),
            lookup: None,
        },
        Expected {
            rules: &["discord-webhook-url"],
            method: "DELETE",
            path: "/api/v10/webhooks/{s}",
            secret_in: SecretIn::WebhookPath,
            header: None,
            lookup: None,
        },
        // The id is the one the recorded lookup answer gives (rules/cloudflare.toml).
        Expected {
            rules: &["cloudflare-api-token"],
            method: "DELETE",
            path: "/client/v4/user/tokens/f267e341f3dd4697bd3b9f71dd96247f",
            secret_in: SecretIn::Header("authorization", "Bearer "),
            header: None,
            lookup: Some(("GET", "/client/v4/user/tokens/verify")),
        },
        Expected {
            rules: &["speckle-token"],
            method: "POST",
            path: "/graphql",
            secret_in: SecretIn::SpeckleMutation,
            header: None,
            lookup: None,
        },
    ]
}

/// The secret the rule finds in its first example (a real-format fake).
fn example_secret(rule: &Rule) -> String {
    let alone = Rule::from_spec(rule.spec.clone(), &rule.origin, true).unwrap();
    let scanner = Scanner::new(RuleSet { rules: vec![alone] });
    rule.spec
        .examples
        .iter()
        .find_map(|example| {
            let found = scanner.scan(None, example.as_bytes());
            found.first().map(|m| m.secret.expose().to_string())
        })
        .unwrap_or_else(|| panic!("{}: no example yields a secret", rule.id))
}

/// A folder whose config points `endpoint` at `server`.
fn project(endpoint: &str, server: &TestServer) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[verify]\nendpoints = {{ {endpoint} = \"{}\" }}\ntimeout_ms = 5000\n",
            server.url()
        ),
    )
    .unwrap();
    dir
}

fn revoke(dir: &tempfile::TempDir, args: &[&str], stdin: &str) -> std::process::Output {
    Command::new(crate::support::sandbox::leakgate_bin())
        .current_dir(dir.path())
        .arg("revoke")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn check_request(expected: &Expected, rule: &str, secret: &str, seen: &Recorded) {
    assert_eq!(seen.method, expected.method, "{rule}");
    let tail = secret.split("/webhooks/").nth(1).unwrap_or_default();
    assert_eq!(seen.target, expected.path.replace("{s}", tail), "{rule}");
    if let Some((name, value)) = expected.header {
        assert_eq!(seen.header(name), Some(value), "{rule}: header {name}");
    }
    match &expected.secret_in {
        SecretIn::Header(name, prefix) => {
            assert_eq!(
                seen.header(name),
                Some(format!("{prefix}{secret}").as_str()),
                "{rule}: header {name}"
            );
        }
        SecretIn::Body(template) => {
            let encoded = if template.starts_with("token=") {
                percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC)
                    .to_string()
            } else {
                secret.to_string()
            };
            assert_eq!(
                seen.body_text(),
                template.replace("{s}", &encoded),
                "{rule}"
            );
            // The credential revocation API refuses authenticated calls.
            assert_eq!(seen.header("authorization"), None, "{rule}");
        }
        SecretIn::SpeckleMutation => {
            assert_eq!(
                seen.header("authorization"),
                Some(format!("Bearer {secret}").as_str()),
                "{rule}"
            );
            let body = seen.json();
            assert!(
                body["query"].as_str().unwrap().contains("apiTokenRevoke"),
                "{body}"
            );
            assert_eq!(body["variables"]["token"], secret[..10], "{rule}");
        }
        SecretIn::WebhookPath => {
            assert!(!tail.is_empty(), "{rule}: {secret}");
            assert_eq!(seen.header("authorization"), None, "{rule}");
            assert!(seen.body.is_empty(), "{rule}");
        }
    }
}

/// Every built-in revoker, against every answer its rule records, through the binary.
#[test]
fn each_revoker_reads_each_recorded_answer_and_sends_the_documented_request() {
    let set = RuleSet::builtin().unwrap();
    let cases = expected();
    let covered: Vec<&str> = cases.iter().flat_map(|c| c.rules.iter().copied()).collect();
    let with_revoker: Vec<&str> = set
        .rules
        .iter()
        .filter(|r| r.revoke().is_some())
        .map(|r| &*r.id)
        .collect();
    for id in &with_revoker {
        assert!(
            covered.contains(id),
            "rule `{id}` has a revoker this test does not run"
        );
    }
    for case in &cases {
        for id in case.rules {
            let rule = set.get(id).unwrap_or_else(|| panic!("no rule `{id}`"));
            let plan = rule.revoke().unwrap();
            let secret = example_secret(rule);
            assert!(!plan.samples.is_empty(), "{id}: no recorded answers");
            for sample in &plan.samples {
                let (status, headers, body) =
                    (sample.status, sample.headers.clone(), sample.body.clone());
                let server = TestServer::start(move |_| {
                    let mut reply = Reply::json(status, &body);
                    if !headers.is_empty() {
                        reply.headers.clear();
                    }
                    for (name, value) in &headers {
                        reply = reply.header(name, value);
                    }
                    reply
                });
                let dir = project(&plan.endpoint, &server);
                let out = revoke(&dir, &["--rule", id, "--yes"], &format!("{secret}\n"));
                let stdout = String::from_utf8_lossy(&out.stdout);
                let stderr = String::from_utf8_lossy(&out.stderr);
                // Under a server the user named, an issuer's rejection is the issuer's own.
                let expect = if sample.case == "other-deployment" {
                    RevokeMeans::Invalid
                } else {
                    sample.expect
                };
                let (code, label) = match expect {
                    RevokeMeans::Revoked => (0, "revoked"),
                    RevokeMeans::Submitted => (0, "submitted"),
                    RevokeMeans::Invalid => (1, "already invalid"),
                    RevokeMeans::Failed => (2, "failed"),
                };
                assert_eq!(
                    out.status.code(),
                    Some(code),
                    "{id} {} HTTP {status}: {stdout}{stderr}",
                    sample.case
                );
                assert!(
                    stdout.starts_with(&format!("{id}: {label} (")),
                    "{id} {}: {stdout}",
                    sample.case
                );
                assert!(!stdout.contains(&secret), "{id}: secret shown: {stdout}");
                assert!(!stderr.contains(&secret), "{id}: secret shown: {stderr}");
                let seen = server.requests();
                match case.lookup {
                    None => {
                        assert_eq!(seen.len(), 1, "{id}: one request");
                        check_request(case, id, &secret, &seen[0]);
                    }
                    Some((method, path)) => {
                        assert_eq!(seen[0].method, method, "{id}");
                        assert_eq!(seen[0].target, path, "{id}");
                        let revoked = expect == RevokeMeans::Revoked;
                        assert_eq!(seen.len(), if revoked { 2 } else { 1 }, "{id}");
                        if revoked {
                            check_request(case, id, &secret, &seen[1]);
                        }
                    }
                }
            }
        }
    }
}

fn gitlab_secret() -> String {
    format!("glpat-{}", crate::support::tokens::base62(7, 20))
}

#[test]
fn the_secret_shows_only_with_show_secrets() {
    let server = TestServer::start(|_| Reply::text(204, "application/json", ""));
    let dir = project("gitlab", &server);
    let secret = gitlab_secret();
    let out = revoke(&dir, &["--rule", "gitlab-pat", "--yes"], &secret);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("glpa…(26)"), "{stdout}");
    assert!(!stdout.contains(&secret), "{stdout}");
    let out = revoke(
        &dir,
        &["--rule", "gitlab-pat", "--yes", "--show-secrets"],
        &secret,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&secret));
}

#[test]
fn without_a_terminal_and_without_yes_nothing_is_sent() {
    let server = TestServer::start(|_| Reply::text(204, "application/json", ""));
    let dir = project("gitlab", &server);
    let out = revoke(&dir, &["--rule", "gitlab-pat"], &gitlab_secret());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("pass --yes"), "{stderr}");
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn a_rule_without_a_revoker_or_no_secret_is_an_error_before_any_request() {
    let server = TestServer::start(|_| Reply::text(204, "application/json", ""));
    let dir = project("gitlab", &server);
    let out = revoke(&dir, &["--rule", "stripe-secret-key", "--yes"], "sk_x\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("has no revoker"), "{stderr}");
    assert!(stderr.contains("gitlab-pat"), "{stderr}");
    let out = revoke(&dir, &["--rule", "gitlab-pat", "--yes"], "\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no secret to revoke"));
    let out = revoke(&dir, &["--rule", "no-such-rule", "--yes"], "x\n");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn a_redirect_is_not_followed_and_is_no_revocation() {
    let other = TestServer::start(|_| Reply::text(204, "application/json", ""));
    let target = format!("{}/api/v4/personal_access_tokens/self", other.url());
    let server = TestServer::start(move |_| {
        Reply::text(307, "application/json", "").header("Location", &target)
    });
    let dir = project("gitlab", &server);
    let out = revoke(&dir, &["--rule", "gitlab-pat", "--yes"], &gitlab_secret());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("failed"), "{stdout}");
    assert!(stdout.contains("redirect not followed"), "{stdout}");
    assert!(stdout.contains("→ revoke it by hand"), "{stdout}");
    assert_eq!(other.connection_count(), 0);
}

#[test]
fn plain_http_to_another_host_is_refused_at_config_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        "[verify]\nendpoints = { gitlab = \"http://gitlab.example.org\" }\n",
    )
    .unwrap();
    let out = revoke(&dir, &["--rule", "gitlab-pat", "--yes"], &gitlab_secret());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("loopback"), "{stderr}");
}

/// Verification reports say which live findings `leakgate revoke` can act on: a live GitLab
/// token (revocable), a live token of a rule without a revoker (not), and a dead one (not
/// said).
#[test]
fn verify_reports_mark_live_revocable_findings() {
    let server = TestServer::start(|request: &Recorded| {
        if request
            .header("authorization")
            .unwrap_or("")
            .ends_with("dead0")
        {
            Reply::json(401, r#"{"message":"Bad credentials"}"#)
        } else if request.target.starts_with("/api/v4/") {
            Reply::json(
                200,
                r#"{"id":4,"name":"ci","scopes":["api"],"active":true}"#,
            )
        } else {
            Reply::json(200, r#"{"login":"tester"}"#)
        }
    });
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ gitlab = \"{0}\", testsvc = \"{0}\" }}\ntimeout_ms = 5000\n",
            server.url()
        ),
    )
    .unwrap();
    let other = format!("tok_{}", "q7".repeat(12));
    let dead = format!("tok_{}qdead0", "q7".repeat(9));
    std::fs::write(
        dir.path().join("settings.txt"),
        format!(
            "GITLAB_TOKEN={}\nTEST={other}\nOLD={dead}\n",
            gitlab_secret()
        ),
    )
    .unwrap();
    let run = |format: &str| {
        Command::new(crate::support::sandbox::leakgate_bin())
            .current_dir(dir.path())
            .args(["scan", "settings.txt", "--verify", "--format", format])
            .output()
            .unwrap()
    };
    let json = crate::support::json(&run("json").stdout);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3, "{json}");
    for finding in findings {
        if finding["verification"]["status"] == "dead" {
            assert!(
                finding["verification"].get("revocable").is_none(),
                "{finding}"
            );
            continue;
        }
        assert_eq!(finding["verification"]["status"], "live", "{finding}");
        // Said for every live finding: true where a revoker exists.
        let revocable = finding["rule"] == "gitlab-pat";
        assert_eq!(finding["verification"]["revocable"], revocable, "{finding}");
    }
    let sarif = crate::support::json(&run("sarif").stdout);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let marked: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r["properties"]["verification"]["revocable"] == true)
        .collect();
    assert_eq!(marked.len(), 1, "{sarif}");
    assert_eq!(marked[0]["ruleId"], "gitlab-pat");
    let human = String::from_utf8_lossy(&run("human").stdout).into_owned();
    assert!(
        human.contains("revoke: leakgate revoke --rule gitlab-pat"),
        "{human}"
    );
    assert!(!human.contains("--rule test-token"), "{human}");
}

/// The question on a real terminal: `script` (util-linux) gives the command a pseudo-terminal
/// whose input is this test's answer; the secret still comes through a pipe.
#[test]
fn the_terminal_question_must_be_answered_yes() {
    let server = TestServer::start(|_| Reply::text(204, "application/json", ""));
    let dir = project("gitlab", &server);
    let program = crate::support::sandbox::leakgate_bin();
    let line = format!(
        "printf '%s\\n' '{}' | '{}' revoke --rule gitlab-pat; echo \"exit=$?\"",
        gitlab_secret(),
        program.display()
    );
    let ask = |answer: &str| {
        let mut child = std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("script (util-linux) runs the command on a pseudo-terminal");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(answer.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let declined = ask("n\n");
    assert!(declined.contains("[y/N]"), "{declined}");
    assert!(declined.contains("glpa…(26)"), "{declined}");
    assert!(
        declined.contains("not revoked (not confirmed)"),
        "{declined}"
    );
    assert!(declined.contains("exit=2"), "{declined}");
    assert_eq!(server.request_count(), 0);
    let confirmed = ask("y\n");
    assert!(
        confirmed.contains("gitlab-pat: revoked (glpa…(26))"),
        "{confirmed}"
    );
    assert!(confirmed.contains("exit=0"), "{confirmed}");
    assert!(!confirmed.contains(&gitlab_secret()), "{confirmed}");
    assert_eq!(server.request_count(), 1);
}

/// `leakgate verify` on one live secret whose rule has a revoker says how to revoke it.
#[test]
fn verify_of_one_live_revocable_secret_points_to_revoke() {
    let server = TestServer::start(|_| {
        Reply::json(
            200,
            r#"{"id":4,"name":"ci","scopes":["api"],"active":true}"#,
        )
    });
    let dir = project("gitlab", &server);
    let out = Command::new(crate::support::sandbox::leakgate_bin())
        .current_dir(dir.path())
        .args(["verify", "--rule", "gitlab-pat"])
        .write_stdin(gitlab_secret())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("→ or revoke it from here: leakgate revoke --rule gitlab-pat"),
        "{stdout}"
    );
}

/// Cloudflare: the token looks up its own id, then deletes itself; without the permission
/// to delete tokens the second step is refused, and the report says which permission.
#[test]
fn a_cloudflare_token_without_the_permission_to_delete_itself_is_not_revoked() {
    let id = "0123456789abcdef0123456789abcdef";
    let server = TestServer::start(move |request: &Recorded| match request.method.as_str() {
        "GET" => Reply::json(
            200,
            &format!(
                r#"{{"result":{{"id":"{id}","status":"active"}},"success":true,"errors":[]}}"#
            ),
        ),
        _ => Reply::json(
            403,
            r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}"#,
        ),
    });
    let dir = project("cloudflare", &server);
    let secret = crate::support::tokens::base62(11, 40);
    let out = revoke(&dir, &["--rule", "cloudflare-api-token", "--yes"], &secret);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("API Tokens Write"), "{stdout}");
    assert!(!stdout.contains(&secret), "{stdout}");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].method, "DELETE");
    assert_eq!(seen[1].target, format!("/client/v4/user/tokens/{id}"));
}
