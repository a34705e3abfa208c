//! `leakgate history`: audits and revision ranges on temporary repositories built with the
//! real `git`. Tokens are built at run time (GitHub classic format with a valid CRC32) and
//! matched by a test rule given through `--config`, so the assertions do not depend on which
//! built-in rules exist; they look only at that rule's findings.

use crate::support::sandbox::Sandbox;
use assert_cmd::Command;
use leakgate::scan::checksum::base62_crc32;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

const RULE_ID: &str = "history-test-token";

/// A GitHub-classic-shaped token whose 30 random characters derive from `seed`.
fn token(seed: u32) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    let body: String = (0..30)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            ALPHABET[(state % 62) as usize] as char
        })
        .collect();
    format!("ghp_{body}{}", base62_crc32(body.as_bytes()))
}

/// A [`Sandbox`] with dated commits plus a config holding the test rule (outside the work
/// tree).
struct Repo {
    sandbox: Sandbox,
    config: PathBuf,
}

impl std::ops::Deref for Repo {
    type Target = Sandbox;

    fn deref(&self) -> &Sandbox {
        &self.sandbox
    }
}

impl Repo {
    fn new() -> Repo {
        let sandbox = Sandbox::new().with_clock(1_767_323_045);
        let rules = sandbox.dir.path().join("test-rules.toml");
        std::fs::write(
            &rules,
            format!(
                "[[rule]]\nid = \"{RULE_ID}\"\ntitle = \"Test token\"\n\
                 regex = '''\\b(ghp_[A-Za-z0-9]{{36}})\\b'''\nkeywords = [\"ghp_\"]\n\
                 checksum = \"github-crc32\"\nremediation = \"Rotate it.\"\n"
            ),
        )
        .unwrap();
        let config = sandbox.dir.path().join("leakgate.toml");
        std::fs::write(&config, "[rules]\nextra = [\"test-rules.toml\"]\n").unwrap();
        Repo { sandbox, config }
    }

    /// `leakgate history ARGS --config CONFIG` in the repository.
    fn leakgate(&self, args: &[&str]) -> Command {
        let mut command = Command::from_std(self.sandbox.leakgate_command());
        command
            .arg("history")
            .args(args)
            .arg("--config")
            .arg(&self.config);
        command
    }

    /// Runs `leakgate history ARGS --format json`; returns the exit code and the report.
    fn report(&self, args: &[&str]) -> (i32, Value) {
        let output = self
            .leakgate(args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let code = output.status.code().unwrap();
        assert!(
            code == 0 || code == 1,
            "exit {code}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        (code, serde_json::from_slice(&output.stdout).unwrap())
    }
}

/// The test rule's findings in a report.
fn ours(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == RULE_ID)
        .collect()
}

fn commit_id(finding: &Value) -> &str {
    finding["commit"]["id"].as_str().unwrap_or("(none)")
}

#[test]
fn a_token_added_then_removed_is_reported_with_the_commit_that_added_it() {
    let repo = Repo::new();
    let secret = token(1);
    repo.write("src/settings.py", "DEBUG = True\n");
    repo.commit("initial");
    repo.write(
        "src/settings.py",
        &format!("DEBUG = True\nGITHUB = \"{secret}\"\n"),
    );
    let adding = repo.commit("Add the deploy token\n\nLonger body.");
    repo.write("src/settings.py", "DEBUG = True\n");
    repo.commit("remove the token");

    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    let finding = found[0];
    let keys: Vec<&str> = finding
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "rule",
        "kind",
        "title",
        "path",
        "line",
        "column",
        "secret",
        "fingerprint",
        "commit",
        "remediation",
    ] {
        assert!(keys.contains(&key), "missing {key}");
    }
    assert!(!keys.contains(&"verification"));
    assert_eq!(finding["kind"], "secret");
    assert_eq!(finding["path"], "src/settings.py");
    assert_eq!(finding["line"], 2);
    assert_eq!(finding["column"], 11);
    assert_eq!(finding["secret"], "ghp_…(40)");
    assert_eq!(finding["fingerprint"].as_str().unwrap().len(), 16);
    let commit = &finding["commit"];
    assert_eq!(commit["id"], adding.as_str());
    assert_eq!(commit["author"], "Ada Lovelace");
    assert_eq!(commit["email"], "ada@example.org");
    // Committed at 2026-01-02T04:05:05+01:00 (one minute after the first commit).
    assert_eq!(commit["date"], "2026-01-02T03:05:05Z");
    assert_eq!(commit["summary"], "Add the deploy token");
    let summary = &report["summary"];
    assert_eq!(summary["blobs"], 2);
    assert!(summary["bytes"].as_u64().unwrap() > 0);
    // The whole secret appears nowhere in the report.
    assert!(!report.to_string().contains(&secret));
}

#[test]
fn a_token_in_a_since_deleted_file_is_found() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.commit("initial");
    repo.write("ops/old-deploy.sh", &format!("export T={}\n", token(2)));
    let adding = repo.commit("deploy script");
    std::fs::remove_file(repo.root.join("ops/old-deploy.sh")).unwrap();
    repo.commit("drop the script");
    let (_, report) = repo.report(&[]);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "ops/old-deploy.sh");
    assert_eq!(commit_id(found[0]), adding);
}

#[test]
fn a_token_on_an_unmerged_branch_is_found() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit("initial");
    repo.git(&["checkout", "-q", "-b", "wip"]);
    repo.write("b.txt", &format!("{}\n", token(3)));
    let on_branch = repo.commit("wip");
    repo.git(&["checkout", "-q", "main"]);
    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(commit_id(found[0]), on_branch);
}

#[test]
fn a_token_written_in_a_merge_resolution_is_reported_on_the_merge() {
    let repo = Repo::new();
    repo.write("config.txt", "name = app\nmode = base\n");
    let base = repo.commit("initial");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write("config.txt", "name = app\nmode = feature\n");
    repo.write("feature.txt", &format!("{}\n", token(4)));
    let feature = repo.commit("feature work");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("config.txt", "name = app\nmode = main\n");
    repo.commit("main work");
    // Conflicting merge, resolved by writing a token into the file.
    let merge = repo.git_output(&["merge", "-q", "feature"]);
    assert!(!merge.status.success(), "the merge should conflict");
    let resolution = token(5);
    repo.write(
        "config.txt",
        &format!("name = app\nmode = both\nkey = {resolution}\n"),
    );
    let merge_commit = repo.commit("merge feature");

    // Audit: the resolution's token belongs to the merge, the branch's to its commit.
    let (_, report) = repo.report(&[]);
    let found = ours(&report);
    assert_eq!(found.len(), 2, "{report:#}");
    for finding in &found {
        match finding["path"].as_str().unwrap() {
            "config.txt" => assert_eq!(commit_id(finding), merge_commit),
            "feature.txt" => assert_eq!(commit_id(finding), feature),
            other => panic!("unexpected path {other}"),
        }
    }

    // The merge alone (`C^!`, as git reads it): only what the resolution adds, not what
    // the branch brought in.
    let (code, report) = repo.report(&[&format!("{merge_commit}^!")]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "config.txt");
    assert_eq!(found[0]["line"], 3);
    assert_eq!(commit_id(found[0]), merge_commit);

    // The range from the base: both, each on the commit that wrote it.
    let (_, report) = repo.report(&[&format!("{base}..main")]);
    let mut commits: Vec<&str> = ours(&report).into_iter().map(commit_id).collect();
    commits.sort();
    let mut expected = vec![merge_commit.as_str(), feature.as_str()];
    expected.sort();
    assert_eq!(commits, expected);
}

#[test]
fn a_token_in_a_commit_message_has_no_path_and_its_line_in_the_message() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    let message = format!("Fix login\n\nused {} to test", token(6));
    let id = repo.commit(&message);
    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["path"].is_null());
    assert_eq!(found[0]["line"], 3);
    assert_eq!(found[0]["column"], 6);
    assert_eq!(commit_id(found[0]), id);
    assert_eq!(found[0]["commit"]["summary"], "Fix login");
    // The range gate checks messages too.
    let (code, report) = repo.report(&["HEAD"]);
    assert_eq!(code, 1);
    assert_eq!(ours(&report).len(), 1);
}

#[test]
fn a_blob_no_ref_reaches_is_reported_without_a_commit() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit("initial");
    let loose = repo.root.join("../loose.txt");
    std::fs::write(&loose, format!("leftover {}\n", token(7))).unwrap();
    let blob = repo.git(&["hash-object", "-w", loose.to_str().unwrap()]);
    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert!(found[0]["commit"].is_null());
    assert_eq!(found[0]["path"], format!("unreachable-blob/{blob}"));
    assert_eq!(found[0]["line"], 1);
}

#[test]
fn a_shallow_clone_is_audited() {
    let origin = Repo::new();
    origin.write("old.txt", &format!("{}\n", token(8)));
    origin.commit("old");
    origin.write("new.txt", &format!("{}\n", token(9)));
    let tip = origin.commit("new");
    let clone_dir = origin.home.join("clone");
    let url = format!("file://{}", origin.root.display());
    origin.git(&[
        "clone",
        "-q",
        "--depth",
        "1",
        &url,
        clone_dir.to_str().unwrap(),
    ]);
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["history", "--format", "json", "--repo"])
        .arg(&clone_dir)
        .arg("--config")
        .arg(&origin.config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = ours(&report);
    // The boundary commit holds both files: both are attributed to it.
    assert_eq!(found.len(), 2, "{report:#}");
    for finding in found {
        assert_eq!(commit_id(finding), tip);
    }
}

#[test]
fn one_leak_in_two_thousand_commits_is_found_once() {
    let repo = Repo::new();
    let leak_at = 1234;
    let mut stream = Vec::new();
    for i in 1..=2000u32 {
        let seconds = 1_700_000_000 + i64::from(i) * 60;
        writeln!(stream, "commit refs/heads/main").unwrap();
        writeln!(
            stream,
            "committer Ada Lovelace <ada@example.org> {seconds} +0000"
        )
        .unwrap();
        let message = format!("commit {i}");
        writeln!(stream, "data {}\n{message}", message.len()).unwrap();
        let body = format!("counter = {i}\n");
        writeln!(
            stream,
            "M 100644 inline src/counter.txt\ndata {}\n{body}",
            body.len()
        )
        .unwrap();
        if i == leak_at {
            let body = format!("token = {}\n", token(10));
            writeln!(
                stream,
                "M 100644 inline src/secret.txt\ndata {}\n{body}",
                body.len()
            )
            .unwrap();
        }
        if i == leak_at + 1 {
            writeln!(stream, "D src/secret.txt").unwrap();
        }
        writeln!(stream).unwrap();
    }
    let mut child = repo
        .git_command(&repo.root)
        .args(["fast-import", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    repo.git(&["reset", "-q", "--hard", "main"]);

    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "src/secret.txt");
    assert_eq!(found[0]["commit"]["summary"], format!("commit {leak_at}"));
    assert_eq!(report["summary"]["blobs"], 2001);
}

#[test]
fn a_range_reports_only_the_lines_it_adds_with_their_commits() {
    let repo = Repo::new();
    let old = token(11);
    repo.write("app.cfg", &format!("old = {old}\n"));
    let start = repo.commit("before the range");
    let first = token(12);
    repo.write("app.cfg", &format!("old = {old}\nfirst = {first}\n"));
    let c1 = repo.commit("first in range");
    let second = token(13);
    repo.write(
        "app.cfg",
        &format!("old = {old}\nfirst = {first}\nsecond = {second}\n"),
    );
    repo.write("other.cfg", &format!("x = {second}\n"));
    let c2 = repo.commit("second in range");

    let (code, report) = repo.report(&[&format!("{start}..HEAD")]);
    assert_eq!(code, 1);
    let mut found: Vec<(String, u64, String)> = ours(&report)
        .into_iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                commit_id(f).to_string(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("app.cfg".to_string(), 2, c1.clone()),
            ("app.cfg".to_string(), 3, c2.clone()),
            ("other.cfg".to_string(), 1, c2.clone()),
        ]
    );

    // `C^!` means just that commit.
    let (_, report) = repo.report(&[&format!("{c1}^!")]);
    let lines: Vec<u64> = ours(&report)
        .into_iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2]);

    // `^` exclusions work like git's.
    let (_, report) = repo.report(&["HEAD", &format!("^{c1}")]);
    assert!(ours(&report).iter().all(|f| commit_id(f) == c2));
    assert_eq!(ours(&report).len(), 2);

    // An empty range is clean.
    let (code, report) = repo.report(&["HEAD..HEAD"]);
    assert_eq!(code, 0);
    assert!(ours(&report).is_empty());
}

#[test]
fn the_same_blob_at_two_paths_is_scanned_once_and_reported_at_both() {
    let repo = Repo::new();
    let text = format!("key: {}\n", token(14));
    repo.write("a/copy.yml", &text);
    repo.write("b/copy.yml", &text);
    let id = repo.commit("two copies");
    let (_, report) = repo.report(&[]);
    let mut paths: Vec<&str> = ours(&report)
        .into_iter()
        .map(|f| {
            assert_eq!(commit_id(f), id);
            f["path"].as_str().unwrap()
        })
        .collect();
    paths.sort();
    assert_eq!(paths, vec!["a/copy.yml", "b/copy.yml"]);
    // One blob in the repository, scanned once.
    assert_eq!(report["summary"]["blobs"], 1);
    assert_eq!(report["summary"]["bytes"], text.len());
}

#[test]
fn an_env_file_any_commit_added_is_a_file_finding() {
    let repo = Repo::new();
    repo.write(".env", "DEBUG=1\n");
    repo.write(".env.example", "DEBUG=\n");
    let id = repo.commit("env");
    std::fs::remove_file(repo.root.join(".env")).unwrap();
    repo.commit("untrack env");
    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let env: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "dotenv-file")
        .collect();
    assert_eq!(env.len(), 1, "{report:#}");
    assert_eq!(env[0]["path"], ".env");
    assert_eq!(env[0]["kind"], "file");
    assert!(env[0]["line"].is_null() && env[0]["secret"].is_null());
    assert_eq!(commit_id(env[0]), id);
}

#[test]
fn blobs_over_the_size_limit_are_skipped_with_a_warning() {
    let repo = Repo::new();
    repo.write("big.txt", &format!("{}\n{}", token(15), "x".repeat(4000)));
    repo.commit("big");
    let output = repo
        .leakgate(&["--max-file-size", "1000", "--format", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(ours(&report).is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("--max-file-size"),
        "{stderr}"
    );
}

#[test]
fn a_clean_audit_exits_zero_and_draws_no_progress_when_not_a_terminal() {
    let repo = Repo::new();
    repo.write("a.txt", "nothing to see\n");
    repo.commit("clean");
    let output = repo.leakgate(&["--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_bad_revision_is_a_one_line_error() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit("initial");
    let output = repo.leakgate(&["no-such-branch..HEAD"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no-such-branch"), "{stderr}");
}

#[test]
fn a_folder_that_is_not_a_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["history", "--repo"])
        .arg(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(Path::new("/")),
        )
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a git repository"), "{stderr}");
}

#[test]
fn a_bare_repository_is_audited() {
    let repo = Repo::new();
    repo.write("deploy/key.txt", &format!("{}\n", token(16)));
    let id = repo.commit("key");
    let bare = repo.home.join("bare.git");
    repo.git(&["clone", "-q", "--bare", ".", bare.to_str().unwrap()]);
    let output = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["history", "--format", "json", "--repo"])
        .arg(&bare)
        .arg("--config")
        .arg(&repo.config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = ours(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["path"], "deploy/key.txt");
    assert_eq!(commit_id(found[0]), id);
}

#[test]
fn symmetric_ranges_and_commit_only_specs_follow_git() {
    let repo = Repo::new();
    repo.write("base.txt", "base\n");
    repo.commit("base");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("side.txt", &format!("{}\n", token(17)));
    let side = repo.commit("side");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("main.txt", &format!("{}\n", token(18)));
    let main = repo.commit("main");
    repo.write("later.txt", &format!("{}\n", token(19)));
    let later = repo.commit("later");

    let commits = |rev: &str| {
        let (_, report) = repo.report(&[rev]);
        let mut ids: Vec<String> = ours(&report)
            .into_iter()
            .map(|f| commit_id(f).to_string())
            .collect();
        ids.sort();
        ids
    };
    let mut expected = vec![side.clone(), main.clone(), later.clone()];
    expected.sort();
    assert_eq!(commits("side...main"), expected);
    assert_eq!(commits(&format!("{main}^!")), vec![main.clone()]);
    assert_eq!(commits("main~1..main"), vec![later]);
}

/// Lines of made-up source, so that git stores later versions of a file as deltas.
fn filler(lines: usize) -> String {
    (0..lines)
        .map(|i| format!("value_{i} = compute(\"field_{i}\", {})\n", i * 7919 % 1000))
        .collect()
}

#[test]
fn every_pack_loose_object_and_alternate_is_scanned_once() {
    let repo = Repo::new();
    repo.write(
        "src/app.py",
        &format!("{}KEY = \"{}\"\n", filler(200), token(21)),
    );
    let first = repo.commit("first");
    repo.git(&["gc", "-q"]);
    // A new version of the same file (a delta in the next pack) and a second token.
    repo.write(
        "src/app.py",
        &format!("{}KEY = \"{}\"\nOTHER = 1\n", filler(200), token(21)),
    );
    repo.write(
        "src/more.py",
        &format!("{}X = \"{}\"\n", filler(50), token(22)),
    );
    let second = repo.commit("second");
    repo.git(&["repack", "-q"]);
    // Every object once more in a third pack, the first two kept, and a multi-pack index.
    repo.git(&["repack", "-q", "-a"]);
    repo.git(&["multi-pack-index", "write"]);
    // A loose object on top.
    repo.write("late.txt", &format!("{}\n", token(23)));
    let third = repo.commit("third");
    let packs = std::fs::read_dir(repo.root.join(".git/objects/pack"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pack")
        })
        .count();
    assert!(packs >= 3, "{packs} packs");
    let blobs = repo
        .git(&["cat-file", "--batch-all-objects", "--batch-check"])
        .lines()
        .filter(|l| l.contains(" blob "))
        .count();

    let (code, report) = repo.report(&[]);
    assert_eq!(code, 1);
    let mut found: Vec<(String, String)> = ours(&report)
        .into_iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                commit_id(f).to_owned(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("late.txt".to_owned(), third.clone()),
            ("src/app.py".to_owned(), first.clone()),
            ("src/more.py".to_owned(), second.clone()),
        ],
        "{report:#}"
    );
    assert_eq!(report["summary"]["blobs"], blobs, "each blob scanned once");

    // A clone sharing these objects through `objects/info/alternates`, with a commit of
    // its own: both object databases are read.
    let shared = repo.home.join("shared");
    let url = repo.root.to_str().unwrap().to_owned();
    repo.git(&["clone", "-q", "--shared", &url, shared.to_str().unwrap()]);
    std::fs::write(shared.join("own.txt"), format!("{}\n", token(24))).unwrap();
    repo.git_in(&shared, &["add", "own.txt"]);
    repo.git_in(&shared, &["commit", "-q", "-m", "own"]);
    let output = Command::from_std(repo.leakgate_command())
        .args(["history", "--format", "json", "--repo"])
        .arg(&shared)
        .arg("--config")
        .arg(&repo.config)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut paths: Vec<&str> = ours(&report)
        .into_iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        vec!["late.txt", "own.txt", "src/app.py", "src/more.py"]
    );
}
