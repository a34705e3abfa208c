//! `--verify` as a user meets it: the real binary, a temporary folder, a local issuer.
//! Without `--verify` no connection is made; with it, reports carry `verification`,
//! `--only-live` keeps live findings, the human report marks live tokens, and
//! `leakgate verify --rule ID` reads one secret from standard input.

use crate::support::http::{Reply, TestServer, RULE};
use assert_cmd::Command;

/// Live when the token ends in `live0`, dead when it ends in `dead0`, else a server error.
fn issuer() -> TestServer {
    TestServer::start(|request| {
        let auth = request.header("authorization").unwrap_or("");
        if auth.ends_with("live0") {
            Reply::json(200, r#"{"id":1}"#).header("X-Scopes", "repo, read:org")
        } else if auth.ends_with("dead0") {
            Reply::json(401, r#"{"message":"Bad credentials"}"#)
        } else {
            Reply::json(500, "{}")
        }
    })
}

fn token(tail: &str) -> String {
    let head = "m3".repeat(12);
    format!("tok_{}{tail}", &head[..24 - tail.len()])
}

/// A folder with the test rule, a config pointing `testsvc` at `server`, and `files`.
fn project(server: &TestServer, files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ testsvc = \"{}\" }}\ntimeout_ms = 5000\n",
            server.url()
        ),
    )
    .unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn leakgate(dir: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn without_verify_no_connection_is_made() {
    let server = issuer();
    let dir = project(&server, &[("a.txt", format!("k = {}\n", token("live0")))]);
    for format in ["human", "json", "sarif", "html"] {
        let out = leakgate(&dir, &["scan", ".", "--format", format]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(!stdout.contains("\"verification\""), "{stdout}");
    }
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn json_reports_carry_the_verification_object() {
    let server = issuer();
    let dir = project(
        &server,
        &[
            ("live.txt", format!("k = {}\n", token("live0"))),
            ("dead.txt", format!("k = {}\n", token("dead0"))),
            ("odd.txt", format!("k = {}\n", token("odd00"))),
        ],
    );
    let out = leakgate(&dir, &["scan", ".", "--verify", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status_of = |path: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"] == path)
            .map(|f| f["verification"].clone())
            .unwrap()
    };
    let live = status_of("live.txt");
    assert_eq!(live["status"], "live");
    assert_eq!(live["scopes"], serde_json::json!(["repo", "read:org"]));
    assert_eq!(status_of("dead.txt")["status"], "dead");
    assert_eq!(status_of("odd.txt")["status"], "unknown");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert!(requests
        .iter()
        .all(|r| r.method == "GET" && r.target == "/v1/me"));

    let out = leakgate(&dir, &["scan", ".", "--verify", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statuses: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["properties"]["verification"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.len(), 3);
    assert!(statuses.contains(&"live"), "{statuses:?}");
    assert!(statuses.contains(&"dead"), "{statuses:?}");
}

#[test]
fn only_live_keeps_only_live_findings() {
    let server = issuer();
    let dir = project(
        &server,
        &[
            ("live.txt", format!("k = {}\n", token("live0"))),
            ("dead.txt", format!("k = {}\n", token("dead0"))),
        ],
    );
    let out = leakgate(
        &dir,
        &["scan", ".", "--verify", "--only-live", "--format", "jsonl"],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["path"], "live.txt");

    // Nothing live: a clean exit.
    let quiet = project(
        &server,
        &[("dead.txt", format!("k = {}\n", token("dead0")))],
    );
    let out = leakgate(&quiet, &["scan", ".", "--verify", "--only-live"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn only_live_says_what_it_dropped_as_unknown_and_exits_2_unless_accepted() {
    // A port nothing listens on: every request is refused, as when offline.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.toml"), RULE).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        format!(
            "[rules]\nextra = [\"rules.toml\"]\n[allow]\npaths = [\"rules.toml\"]\n[verify]\nendpoints = {{ testsvc = \"http://127.0.0.1:{port}\" }}\ntimeout_ms = 5000\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        format!("k = {}\n", token("live0")),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("k = {}\n", token("dead0")),
    )
    .unwrap();
    let out = leakgate(&dir, &["scan", ".", "--verify", "--only-live"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "--only-live dropped 2 finding(s): 2 could not be verified (2 connection refused)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("--accept-unknown"), "{stderr}");
    // The detail names the host and the failure.
    let out = leakgate(&dir, &["scan", ".", "--verify", "--format", "json"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("127.0.0.1: connection refused"), "{stdout}");
    // Accepted explicitly: the live findings alone decide (none here).
    let out = leakgate(
        &dir,
        &["scan", ".", "--verify", "--only-live", "--accept-unknown"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("could not be verified"), "{stderr}");
}

#[test]
fn the_human_report_marks_live_tokens_with_scopes_and_remediation() {
    let server = issuer();
    let dir = project(
        &server,
        &[
            ("live.txt", format!("k = {}\n", token("live0"))),
            ("dead.txt", format!("k = {}\n", token("dead0"))),
        ],
    );
    let out = leakgate(&dir, &["scan", ".", "--verify", "--color", "never"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let live_block = text.split("\n\n").find(|b| b.contains("live.txt")).unwrap();
    assert!(live_block.contains(" LIVE "), "{text}");
    assert!(live_block.contains("scopes: repo, read:org"), "{text}");
    assert!(
        live_block.contains("act now: Revoke it at https://test-issuer.invalid/tokens."),
        "{text}"
    );
    let dead_block = text.split("\n\n").find(|b| b.contains("dead.txt")).unwrap();
    assert!(!dead_block.contains(" LIVE "), "{text}");
    assert!(dead_block.contains("DEAD"), "{text}");
}

fn verify_command(
    dir: &tempfile::TempDir,
    rule: &str,
    stdin: String,
) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["verify", "--rule", rule])
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn verify_command_reads_stdin_and_exits_by_status() {
    let server = issuer();
    let dir = project(&server, &[]);
    let live = token("live0");
    let (code, out, err) = verify_command(&dir, "test-token", format!("{live}\n"));
    assert_eq!(code, Some(0), "{out}");
    assert!(!err.contains("warning"), "{err}");
    assert!(out.contains("live"), "{out}");
    assert!(out.contains("scopes: repo, read:org"), "{out}");
    assert!(!out.contains(&live), "{out}");
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some(format!("Bearer {live}").as_str()),
        "the newline is trimmed"
    );

    let (code, out, _) = verify_command(&dir, "test-token", format!("{}\r\n", token("dead0")));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("dead"), "{out}");

    let (code, out, _) = verify_command(&dir, "test-token", token("odd00"));
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("unknown"), "{out}");

    // Not the rule's format: verified (the user asked), with a warning.
    let (code, _, err) = verify_command(&dir, "test-token", "not-a-tok-live0".into());
    assert_eq!(code, Some(0));
    assert!(err.contains("not a `test-token` secret"), "{err}");
    assert!(!err.contains("not-a-tok-live0"), "{err}");

    let (code, _, err) = verify_command(&dir, "no-such-rule", token("live0"));
    assert_eq!(code, Some(2));
    assert!(err.contains("no-such-rule"), "{err}");

    let (code, _, err) = verify_command(&dir, "test-token", String::new());
    assert_eq!(code, Some(2));
    assert!(err.contains("standard input"), "{err}");
}

#[test]
fn verify_command_with_a_rule_without_verifier_is_skipped() {
    let server = issuer();
    let dir = project(&server, &[]);
    std::fs::write(
        dir.path().join("rules.toml"),
        RULE.split("[rule.verify]").next().unwrap(),
    )
    .unwrap();
    // No rule verifies through `testsvc` any more, and naming an endpoint no rule uses is a
    // config error (a misspelt name would send tokens to the default issuer): drop it.
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        "[rules]\nextra = [\"rules.toml\"]\n",
    )
    .unwrap();
    let (code, out, _) = verify_command(&dir, "test-token", token("live0"));
    assert_eq!(code, Some(2));
    assert!(out.contains("skipped"), "{out}");
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn a_bad_verify_table_is_a_load_error_naming_the_file() {
    let server = issuer();
    let dir = project(&server, &[]);
    std::fs::write(
        dir.path().join("rules.toml"),
        RULE.replace(
            "url = \"https://api.test-issuer.invalid/v1/me\"",
            "url = \"http://api.test-issuer.invalid/v1/me\"",
        ),
    )
    .unwrap();
    let out = leakgate(&dir, &["scan", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules.toml"), "{err}");
    assert!(err.contains("test-token"), "{err}");
    assert!(err.contains("loopback"), "{err}");
}

#[test]
fn suppressed_findings_are_never_sent_to_the_issuer() {
    let server = issuer();
    let dir = project(
        &server,
        &[
            ("fixture.txt", format!("k = {}\n", token("live0"))),
            ("kept.txt", format!("k = {}\n", token("dead0"))),
        ],
    );
    let config = std::fs::read_to_string(dir.path().join(".leakgate.toml")).unwrap();
    std::fs::write(
        dir.path().join(".leakgate.toml"),
        config.replace(
            "paths = [\"rules.toml\"]",
            "paths = [\"rules.toml\", \"fixture.txt\"]",
        ),
    )
    .unwrap();
    let out = leakgate(&dir, &["scan", ".", "--verify", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let requests = server.requests();
    assert_eq!(requests.len(), 1, "only the reported finding is verified");
    assert!(requests[0]
        .header("authorization")
        .is_some_and(|a| a.ends_with("dead0")));
}

#[test]
fn verify_command_takes_an_explicit_config() {
    let server = issuer();
    let dir = project(&server, &[]);
    let elsewhere = tempfile::tempdir().unwrap();
    let config = dir.path().join(".leakgate.toml");
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .current_dir(elsewhere.path())
        .args(["verify", "--rule", "test-token", "--config"])
        .arg(&config)
        .write_stdin(format!("{}\n", token("live0")))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(server.request_count(), 1);
}
