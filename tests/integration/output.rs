//! What reports show (issue 16, items 1-4 and 11), in real repositories through the real
//! binary: no format prints a secret whole (commit subjects and baselines included),
//! overlapping secrets are one redaction, control characters in scanned text and file
//! names are escaped, a blocked commit reads headline / findings / how to proceed, and a
//! large report ends with counts by rule and path.

use crate::support::sandbox::{leakgate, Repo, Run};
use crate::support::tokens::token;
use base64::Engine;

fn run_in(repo: &Repo, args: &[&str]) -> Run {
    Run::from(
        leakgate()
            .args(args)
            .current_dir(repo.path())
            .output()
            .unwrap(),
    )
}

#[test]
fn no_output_format_prints_a_secret_from_a_commit_subject() {
    let repo = Repo::new();
    let in_file_and_subject = token(101);
    let only_in_subject = token(102);
    repo.write("app.py", format!("KEY = \"{in_file_and_subject}\"\n"));
    repo.commit_all(&format!(
        "use {in_file_and_subject} and {only_in_subject} for now"
    ));
    let secrets = [&in_file_and_subject, &only_in_subject];
    let check = |what: &str, text: &str| {
        for secret in secrets {
            assert!(
                !text.contains(secret.as_str()),
                "{what} holds a secret: {text}"
            );
            // Not even a long piece of it.
            assert!(
                !text.contains(&secret[10..40]),
                "{what} holds a piece: {text}"
            );
        }
    };
    for format in ["human", "json", "jsonl", "sarif", "html"] {
        let run = run_in(&repo, &["history", "--format", format, "--color", "always"]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        check(format, &run.stdout);
        check(&format!("{format} (stderr)"), &run.stderr);
    }
    let human = run_in(&repo, &["history", "--color", "never"]);
    assert!(
        human
            .stdout
            .contains("use sk-a…(108) and sk-a…(108) for now"),
        "{}",
        human.stdout
    );
    let json = run_in(&repo, &["history", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    for finding in report["findings"].as_array().unwrap() {
        assert_eq!(
            finding["commit"]["summary"],
            "use sk-a…(108) and sk-a…(108) for now"
        );
    }
    // The baseline file, which the docs say to commit.
    let baseline = repo.path().join("baseline.json");
    let run = run_in(
        &repo,
        &["baseline", baseline.to_str().unwrap(), "--history"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    check("baseline", &std::fs::read_to_string(&baseline).unwrap());
    check("baseline (stderr)", &run.stderr);
    // --show-secrets is the one way to see them.
    let shown = run_in(&repo, &["history", "--format", "jsonl", "--show-secrets"]);
    assert!(shown.stdout.contains(&only_in_subject), "{}", shown.stdout);
}

/// A JWT whose payload holds a token: the JWT rule and the token found inside the decoded
/// payload cover overlapping spans of one line.
#[test]
fn overlapping_secrets_are_one_redaction_covering_all_of_them() {
    let repo = Repo::new();
    let url = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = url.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = url.encode(format!(r#"{{"sub":"42","key":"{}"}}"#, token(7)));
    let signature = url.encode((0u8..32).map(|i| i.wrapping_mul(37)).collect::<Vec<_>>());
    let jwt = format!("{header}.{payload}.{signature}");
    repo.write("app.py", format!("TOKEN = \"{jwt}\"  # prod\n"));
    let run = run_in(&repo, &["scan", "app.py", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = format!("    TOKEN = \"eyJh…({})\"  # prod", jwt.len());
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("TOKEN ="))
        .collect();
    assert!(lines.len() >= 2, "{}", run.stdout);
    for line in lines {
        assert_eq!(line, expected, "{}", run.stdout);
    }
}

#[test]
fn control_characters_in_lines_and_file_names_are_escaped() {
    let repo = Repo::new();
    let name = "evil\x1b[2K\r.py";
    let line = format!(
        "KEY = \"{}\" \x1b[1A\x1b[2K\r0 findings\u{202e}\n",
        token(8)
    );
    repo.write(name, line);
    let run = run_in(&repo, &["scan", ".", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stdout.contains('\x1b'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\r'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{202e}'), "{:?}", run.stdout);
    assert!(
        run.stdout.contains(r"evil\x1b[2K\r.py:1:8"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains(r#"" \x1b[1A\x1b[2K\r0 findings\u{202e}"#),
        "{}",
        run.stdout
    );
}

#[test]
fn a_blocked_commit_reads_headline_findings_then_how_to_proceed() {
    let repo = Repo::new();
    repo.write("README.md", "hi\n");
    repo.commit_all("init");
    repo.write("app.py", format!("KEY = \"{}\"\n", token(11)));
    repo.write("lib/config.py", format!("OTHER = \"{}\"\n", token(12)));
    repo.git(&["add", "-A"]);
    let run = repo.staged_in(repo.path(), &["--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.starts_with("commit blocked: 2 secrets in 2 files\n"),
        "{out}"
    );
    let json = repo.staged_in(repo.path(), &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let mut last = 0;
    for finding in report["findings"].as_array().unwrap() {
        let fingerprint = finding["fingerprint"].as_str().unwrap();
        let at = out
            .find(&format!("fingerprint {fingerprint}"))
            .unwrap_or_else(|| panic!("no fingerprint {fingerprint}: {out}"));
        assert!(at > last, "{out}");
        last = at;
    }
    let steps = [
        "How to proceed:",
        "Remove it",
        "`leakgate:allow`",
        ".leakgateignore",
        "leakgate baseline",
        "--no-verify",
    ];
    for step in steps {
        let at = out.find(step).unwrap_or_else(|| panic!("no {step}: {out}"));
        assert!(at > last, "{step} is out of order: {out}");
        last = at;
    }
    // A clean commit says nothing about being blocked.
    repo.git(&["reset", "-q"]);
    let run = repo.staged_in(repo.path(), &["--color", "never"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(!run.stdout.contains("blocked"), "{}", run.stdout);
}

#[test]
fn a_force_added_ignored_env_file_is_not_told_to_add_it_to_gitignore() {
    let repo = Repo::new();
    repo.write(".gitignore", ".env\n");
    repo.commit_all("init");
    repo.write(".env", "DEBUG=1\n");
    repo.git(&["add", "-f", ".env"]);
    let run = repo.staged_in(repo.path(), &["--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("commit blocked: 1 file that must not be committed"),
        "{}",
        run.stdout
    );
    let remediation = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("→"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(!remediation.contains(".gitignore"), "{remediation}");
    assert!(remediation.contains("git add -f"), "{remediation}");
    assert!(remediation.contains("rm --cached"), "{remediation}");

    // Not ignored: then ignoring it is the step.
    repo.write(".gitignore", "");
    repo.git(&["add", ".gitignore"]);
    let run = repo.staged_in(repo.path(), &["--color", "never"]);
    assert!(run.stdout.contains("to .gitignore"), "{}", run.stdout);
}

#[test]
fn a_large_report_ends_with_counts_by_rule_and_top_paths() {
    let repo = Repo::new();
    for i in 0..25u64 {
        let dir = if i < 15 { "hot" } else { "cold" };
        repo.write(
            &format!("{dir}/f{i}.py"),
            format!("KEY = \"{}\"\n", token(200 + i)),
        );
    }
    repo.write("hot/many.py", {
        (0..5)
            .map(|i| format!("K{i} = \"{}\"\n", token(300 + i)))
            .collect::<String>()
    });
    repo.commit_all("many");
    let run = run_in(&repo, &["history", "--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = &run.stdout;
    let by_rule = out.find("by rule (1):").unwrap_or_else(|| panic!("{out}"));
    let top = out
        .find("top paths (26 with findings):")
        .unwrap_or_else(|| panic!("{out}"));
    assert!(by_rule < top, "{out}");
    let tail = &out[by_rule..];
    assert!(tail.contains("30  anthropic-api-key"), "{tail}");
    // The path with most findings comes first.
    let first_path = out[top..].lines().nth(1).unwrap();
    assert_eq!(
        first_path.split_whitespace().collect::<Vec<_>>(),
        ["5", "hot/many.py"]
    );
    assert!(tail.contains("in 16 other paths"), "{tail}");

    // A small report has no breakdown.
    let small = Repo::new();
    small.write("a.py", format!("KEY = \"{}\"\n", token(9)));
    small.commit_all("one");
    let run = run_in(&small, &["history", "--color", "never"]);
    assert!(!run.stdout.contains("by rule"), "{}", run.stdout);
}
