//! `--format html` through the real binary (issue 18 item 4): one self-contained page whose
//! embedded data is the JSON report's findings, redacted, with text from scanned content
//! (a hostile path, author and commit subject) unable to leave the data block. The page's
//! behaviour in a browser (filters, sort, search, no network) is tested by
//! scripts/test-browser.sh in headless Chromium.

use crate::support::sandbox::{leakgate, Repo, Run};
use crate::support::tokens::{github_pat, token};

/// A path that would run script if a report put it into markup.
const HOSTILE_PATH: &str = "</script><img src=x onerror=alert(1)>";

fn run_in(repo: &Repo, args: &[&str]) -> Run {
    Run::from(
        leakgate()
            .args(args)
            .current_dir(repo.path())
            .output()
            .unwrap(),
    )
}

/// The JSON text between the data block's tags.
fn data_of(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"leakgate-data\">";
    let start = page.find(open).expect("the data block") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).expect("the data block is JSON")
}

#[test]
fn a_history_report_is_one_page_with_redacted_escaped_data() {
    let repo = Repo::new();
    let in_hostile_path = github_pat(7);
    let in_config = token(8);
    repo.write(HOSTILE_PATH, format!("GITHUB_TOKEN={in_hostile_path}\n"));
    repo.write(
        "config/app.yaml",
        format!("anthropic_api_key: {in_config}\n"),
    );
    repo.commit_all(&format!("<script>alert(2)</script> & add {in_config}"));

    let out = repo.path().join("report.html");
    let run = run_in(
        &repo,
        &[
            "history",
            "--format",
            "html",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let page = std::fs::read_to_string(&out).unwrap();

    // Self-contained: a policy that forbids every fetch, and nothing that would fetch.
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
        "no CSP"
    );
    for outside in ["src=\"", "href=\"", "<link", "@import", "url("] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
    // Hostile text stays inside the data block, escaped.
    assert_eq!(
        page.matches("</script>").count(),
        2,
        "a script element leaked"
    );
    assert!(!page.contains("<img"));
    assert!(!page.contains("alert(2)</script>"));
    // No secret whole, not even in the commit subject.
    for secret in [&in_hostile_path, &in_config] {
        assert!(!page.contains(secret.as_str()), "a secret in the page");
        assert!(
            !page.contains(&secret[4..30]),
            "a piece of a secret in the page"
        );
    }

    let data = data_of(&page);
    let findings = data["findings"].as_array().unwrap();
    // The two files, and the commit message that names one of the secrets.
    assert_eq!(findings.len(), 3, "{data}");
    assert_eq!(findings.iter().filter(|f| f["path"].is_null()).count(), 1);
    let hostile = findings
        .iter()
        .find(|f| f["path"] == HOSTILE_PATH)
        .expect("the hostile path, as text");
    assert_eq!(hostile["rule"], "github-pat");
    assert_eq!(hostile["secret"], "ghp_…(40)");
    assert_eq!(
        hostile["commit"]["summary"],
        "<script>alert(2)</script> & add sk-a…(108)"
    );
    assert!(hostile["commit"]["date"].as_str().unwrap().ends_with('Z'));
    // How to revoke, once per rule, from the rule's metadata: the two Anthropic findings
    // (file and commit message) share one entry.
    assert_eq!(page.matches("Anthropic API key").count(), 1);
    assert!(findings
        .iter()
        .all(|f| f.get("title").is_none() && f.get("remediation").is_none()));
    let github = &data["rules"]["github-pat"];
    assert!(github["remediation"]
        .as_str()
        .unwrap()
        .contains("github.com/settings/tokens"));
    assert_eq!(github["verify"], true);
    assert_eq!(github["revoke"], true);
    assert_eq!(data["rules"]["anthropic-api-key"]["revoke"], false);
    assert_eq!(github["severity"], hostile["severity"]);
    assert_eq!(data["summary"]["findings"], 3);
    assert_eq!(data["show_secrets"], false);

    // --show-secrets is the one way to put them in the page.
    let run = run_in(
        &repo,
        &[
            "history",
            "--format",
            "html",
            "--show-secrets",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shown = data_of(&std::fs::read_to_string(&out).unwrap());
    let secrets: Vec<&str> = shown["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["secret"].as_str().unwrap())
        .collect();
    assert!(secrets.contains(&in_hostile_path.as_str()), "{secrets:?}");
}

#[test]
fn scan_staged_and_dotenv_write_html_too() {
    let repo = Repo::new();
    let secret = github_pat(9);
    repo.write("deploy.sh", format!("export GH_TOKEN={secret}\n"));
    repo.git(&["add", "deploy.sh"]);
    for args in [
        &["scan", ".", "--format", "html"][..],
        &["staged", "--format", "html"][..],
    ] {
        let run = run_in(&repo, args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.contains(&secret), "{args:?}");
        let data = data_of(&run.stdout);
        let paths: Vec<&str> = data["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["deploy.sh"], "{args:?}");
        assert!(data["findings"][0]["commit"].is_null());
    }
    // `dotenv` writes its `file` findings the same way.
    repo.write(".env", "DEBUG=1\n");
    let run = run_in(&repo, &["dotenv", "--format", "html"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let data = data_of(&run.stdout);
    assert_eq!(data["findings"][0]["rule"], "dotenv-file", "{data}");
    assert_eq!(data["findings"][0]["kind"], "file");
    assert!(data["rules"]["dotenv-file"]["remediation"].is_string());
    // A clean tree is a page with no findings, exit 0.
    let clean = Repo::new();
    clean.write("README", "nothing here\n");
    let run = run_in(&clean, &["scan", ".", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(data_of(&run.stdout)["findings"], serde_json::json!([]));
}
