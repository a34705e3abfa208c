//! `leakgate staged` in temporary repositories built with the real `git`: what the next
//! commit records is scanned, from the index, and only the lines it adds.

use crate::support::sandbox::{git_with_hook, install_hook, isolate, leakgate, Repo, Run};
use crate::support::tokens::token;

const JSON: &[&str] = &["--format", "json"];

#[test]
fn token_staged_then_deleted_from_the_working_file_is_reported() {
    let repo = Repo::new();
    repo.write("README.md", "hello\n");
    repo.commit_all("init");
    repo.write("app.py", format!("import os\nKEY = \"{}\"\n", token(1)));
    repo.git(&["add", "app.py"]);
    repo.write("app.py", "import os\nKEY = os.environ[\"KEY\"]\n");
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("app.py".to_string(), Some(2))]);
}

#[test]
fn token_only_in_the_working_tree_is_not_reported() {
    let repo = Repo::new();
    repo.write("app.py", "import os\n");
    repo.commit_all("init");
    repo.write("app.py", format!("import os\nKEY = \"{}\"\n", token(2)));
    repo.write("untracked.py", format!("KEY = \"{}\"\n", token(3)));
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.locations().is_empty());
}

#[test]
fn a_partially_staged_file_counts_only_the_staged_hunk() {
    let repo = Repo::new();
    let base: String = (1..=20).map(|i| format!("line {i}\n")).collect();
    repo.write("config.py", &base);
    repo.commit_all("init");
    // The index gets a token at line 3; the working file gets another at line 18 that is
    // not staged: the shape `git add -p` leaves.
    let mut staged: Vec<String> = base.lines().map(str::to_string).collect();
    staged.insert(2, format!("STAGED = \"{}\"", token(4)));
    let staged_text = staged.join("\n") + "\n";
    let mut working = staged.clone();
    working.insert(17, format!("UNSTAGED = \"{}\"", token(5)));
    repo.write("config.py", &staged_text);
    let blob = repo.git(&["hash-object", "-w", "config.py"]);
    repo.git(&[
        "update-index",
        "--cacheinfo",
        &format!("100644,{},config.py", blob.trim()),
    ]);
    repo.write("config.py", working.join("\n") + "\n");
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("config.py".to_string(), Some(3))]);
}

#[test]
fn a_patch_applied_to_the_index_counts_only_its_hunk() {
    let repo = Repo::new();
    let base: String = (1..=30).map(|i| format!("setting_{i} = {i}\n")).collect();
    repo.write("settings.py", &base);
    repo.commit_all("init");
    let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
    lines.insert(25, format!("TOKEN = \"{}\"", token(6)));
    lines.insert(1, format!("OTHER = \"{}\"", token(7)));
    repo.write("settings.py", lines.join("\n") + "\n");
    let diff = repo.git(&["diff", "-U0", "settings.py"]);
    // Keep only the second hunk (the token near the end), as `git add -p` would.
    let header_end = diff.find("@@").unwrap();
    let second = diff[header_end + 2..].find("\n@@").unwrap() + header_end + 3;
    let patch = format!("{}{}", &diff[..header_end], &diff[second..]);
    let patch_path = repo.path().join("hunk.patch");
    std::fs::write(&patch_path, patch).unwrap();
    repo.git(&[
        "apply",
        "--cached",
        "--unidiff-zero",
        patch_path.to_str().unwrap(),
    ]);
    std::fs::remove_file(&patch_path).unwrap();
    let index_text = repo.git(&["show", ":settings.py"]);
    assert!(
        !index_text.contains("OTHER"),
        "only one hunk was meant to be staged"
    );
    let staged_line = index_text
        .lines()
        .position(|l| l.starts_with("TOKEN"))
        .expect("the staged hunk")
        + 1;
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.locations(),
        vec![("settings.py".to_string(), Some(staged_line as u64))]
    );
}

#[test]
fn the_first_commit_of_a_new_repository_is_scanned() {
    let repo = Repo::new();
    repo.write("src/main.rs", format!("fn main() {{}}\n// {}\n", token(8)));
    repo.write("README.md", "hello\n");
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("src/main.rs".to_string(), Some(2))]);
}

#[test]
fn an_empty_repository_with_nothing_staged_is_clean() {
    let repo = Repo::new();
    let run = repo.staged(&[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_detached_head_is_compared_with_its_commit() {
    let repo = Repo::new();
    repo.write("a.txt", format!("old = \"{}\"\n", token(9)));
    repo.commit_all("first");
    repo.write("b.txt", "more\n");
    repo.commit_all("second");
    repo.git(&["checkout", "-q", "--detach", "HEAD~1"]);
    repo.write(
        "a.txt",
        format!("old = \"{}\"\nnew = \"{}\"\n", token(9), token(10)),
    );
    repo.git(&["add", "a.txt"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("a.txt".to_string(), Some(2))]);
}

#[test]
fn a_linked_worktree_scans_its_own_index() {
    let repo = Repo::new();
    repo.write("a.txt", "base\n");
    repo.commit_all("init");
    let linked = tempfile::tempdir().unwrap();
    let linked_path = linked.path().join("wt");
    repo.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        "feature",
        linked_path.to_str().unwrap(),
    ]);
    std::fs::write(linked_path.join("secret.txt"), format!("t={}\n", token(11))).unwrap();
    repo.git_in(&linked_path, &["add", "secret.txt"]);
    // The main worktree's index is untouched.
    let main_run = repo.staged(JSON);
    assert_eq!(main_run.code, 0, "{}", main_run.stderr);
    let run = repo.staged_in(&linked_path, JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("secret.txt".to_string(), Some(1))]);
}

/// Enough distinct lines for rename detection to pair the old and new paths.
fn body_lines(count: usize) -> String {
    (1..=count)
        .map(|i| format!("def function_{i}():\n    return {i} * {i}\n"))
        .collect()
}

#[test]
fn a_renamed_file_holding_an_old_token_is_not_reported_again() {
    let repo = Repo::new();
    let text = format!("KEY = \"{}\"\n{}", token(12), body_lines(20));
    repo.write("old_name.py", &text);
    repo.commit_all("init");
    repo.git(&["mv", "old_name.py", "new_name.py"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);

    // Renamed and lightly edited: still a rename, still nothing new.
    repo.write("new_name.py", format!("{text}# trailing comment\n"));
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_token_added_in_the_same_rename_is_reported() {
    let repo = Repo::new();
    let text = format!("KEY = \"{}\"\n{}", token(13), body_lines(20));
    repo.write("old_name.py", &text);
    repo.commit_all("init");
    repo.git(&["mv", "old_name.py", "new_name.py"]);
    repo.write("new_name.py", format!("{text}OTHER = \"{}\"\n", token(14)));
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("new_name.py".to_string(), Some(42))]);
}

#[test]
fn a_modification_reports_only_added_lines() {
    let repo = Repo::new();
    repo.write("app.py", format!("A = \"{}\"\nx = 1\n", token(15)));
    repo.commit_all("init");
    repo.write("app.py", format!("A = \"{}\"\nx = 2\n", token(15)));
    repo.git(&["add", "app.py"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_deleted_file_reports_nothing() {
    let repo = Repo::new();
    repo.write("leak.py", format!("A = \"{}\"\n", token(16)));
    repo.write(".env", "A=1\n");
    repo.commit_all("init");
    repo.git(&["rm", "-q", "leak.py", ".env"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.locations().is_empty());
}

#[test]
fn a_binary_file_is_scanned_unless_no_binary() {
    let repo = Repo::new();
    let mut data = vec![0u8, 1, 2, 3, 0, 0, 7];
    data.extend_from_slice(format!("\n{}\n", token(17)).as_bytes());
    repo.write("blob.bin", &data);
    repo.git(&["add", "blob.bin"]);
    let run = repo.staged(&["--format", "json", "--no-binary"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // A binary blob's line is the number of its printable run (`strings` order).
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("blob.bin".to_string(), Some(1))]);
}

#[test]
fn a_blob_over_max_file_size_is_skipped_with_a_warning_and_fails_closed() {
    let repo = Repo::new();
    repo.write("big.txt", format!("{}\n{}\n", "x".repeat(500), token(18)));
    repo.git(&["add", "big.txt"]);
    let accepted = repo.staged(&["--max-file-size", "100", "--accept-skips"]);
    assert_eq!(accepted.code, 0, "{}", accepted.stderr);
    let run = repo.staged(&["--max-file-size", "100"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("big.txt") && run.stderr.contains("--max-file-size"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_submodule_is_named_in_a_warning_and_does_not_crash() {
    let sub = Repo::new();
    sub.write("inner.txt", format!("t={}\n", token(19)));
    sub.commit_all("inner");
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("init");
    repo.git(&[
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        sub.path().to_str().unwrap(),
        "vendor/sub",
    ]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("vendor/sub") && run.stderr.contains("submodule"),
        "{}",
        run.stderr
    );
}

/// A repository in the middle of a conflicted merge of `theirs` into `main`, on `file`.
fn conflicted(theirs_text: &str) -> Repo {
    let repo = Repo::new();
    repo.write("file.txt", "one\ntwo\nthree\n");
    repo.commit_all("base");
    repo.git(&["checkout", "-q", "-b", "theirs"]);
    repo.write("file.txt", theirs_text);
    repo.commit_all("theirs");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("file.txt", "one\nTWO from main\nthree\n");
    repo.commit_all("ours");
    let mut cmd = std::process::Command::new("git");
    isolate(&mut cmd);
    let merged = cmd
        .args(["merge", "-q", "--no-edit", "theirs"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(!merged.status.success(), "the merge should conflict");
    repo
}

#[test]
fn a_merge_conflict_is_named_and_does_not_crash() {
    let repo = conflicted("one\ntwo from theirs\nthree\n");
    let run = repo.staged(&[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("file.txt") && run.stderr.contains("merge conflict"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_token_in_a_conflicted_file_cannot_slip_through() {
    let repo = conflicted(&format!("one\nkey = \"{}\"\nthree\n", token(20)));
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("file.txt".to_string(), Some(2))]);
    assert!(run.stderr.contains("merge conflict"), "{}", run.stderr);
}

#[test]
fn line_numbers_refer_to_the_staged_file() {
    let repo = Repo::new();
    repo.write("app.py", "a\n");
    repo.commit_all("init");
    let staged = format!("a\nb\nc\nd\nKEY = \"{}\"\n", token(21));
    repo.write("app.py", &staged);
    repo.git(&["add", "app.py"]);
    // The working file loses lines above the token: the staged line number must stand.
    repo.write("app.py", format!("KEY = \"{}\"\n", token(21)));
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("app.py".to_string(), Some(5))]);
}

#[test]
fn a_staged_env_file_blocks_whatever_it_holds() {
    let repo = Repo::new();
    repo.write("README.md", "x\n");
    repo.commit_all("init");
    repo.write("deploy/.env", "DEBUG=1\n");
    repo.write(".env.example", "DEBUG=0\n");
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.rules(), vec!["dotenv-file".to_string()]);
    assert_eq!(run.locations(), vec![("deploy/.env".to_string(), None)]);
}

#[test]
fn a_staged_env_file_holding_a_token_reports_both() {
    let repo = Repo::new();
    repo.write(".env", format!("KEY={}\n", token(22)));
    repo.git(&["add", ".env"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut rules = run.rules();
    rules.sort();
    assert_eq!(rules, vec!["anthropic-api-key", "dotenv-file"]);
}

#[test]
fn a_sensitive_file_rule_from_the_config_fires_on_a_staged_path() {
    let repo = Repo::new();
    repo.write(".leakgate.toml", "[rules]\nextra = [\"ci/files.toml\"]\n");
    repo.write(
        "ci/files.toml",
        r#"[[rule]]
id = "test-keystore"
title = "Key store"
path = '''\.vaultdb$'''
path_examples = ["release.vaultdb"]
path_negative_examples = ["release.txt"]
"#,
    );
    repo.commit_all("config");
    // An extension no built-in rule covers, so only the config rule can fire.
    repo.write("android/release.vaultdb", [0u8, 1, 2, 3]);
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.rules(), vec!["test-keystore".to_string()]);
    assert_eq!(
        run.locations(),
        vec![("android/release.vaultdb".to_string(), None)]
    );
}

#[test]
fn config_allow_paths_and_inline_allow_apply() {
    let repo = Repo::new();
    repo.write(".leakgate.toml", "[allow]\npaths = [\"fixtures/**\"]\n");
    repo.commit_all("config");
    repo.write("fixtures/sample.txt", format!("{}\n", token(23)));
    repo.write("ok.txt", format!("{} # leakgate:allow\n", token(24)));
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn repo_option_opens_that_repository() {
    let repo = Repo::new();
    repo.write("a.txt", format!("{}\n", token(25)));
    repo.git(&["add", "a.txt"]);
    let elsewhere = tempfile::tempdir().unwrap();
    let run = repo.staged_in(
        elsewhere.path(),
        &["--format", "json", "--repo", repo.path().to_str().unwrap()],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("a.txt".to_string(), Some(1))]);
}

#[test]
fn running_from_a_subdirectory_scans_the_whole_index() {
    let repo = Repo::new();
    repo.write("top.txt", format!("{}\n", token(26)));
    repo.write("sub/dir/x.txt", "x\n");
    repo.git(&["add", "-A"]);
    let run = repo.staged_in(&repo.path().join("sub/dir"), JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.locations(), vec![("top.txt".to_string(), Some(1))]);
}

#[test]
fn not_a_git_repository_is_a_one_line_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = leakgate()
        .arg("staged")
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .output()
        .unwrap();
    let run = Run::from(out);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("not a git repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn exit_codes_clean_findings_and_bad_arguments() {
    let repo = Repo::new();
    repo.write("a.txt", "clean\n");
    repo.git(&["add", "a.txt"]);
    assert_eq!(repo.staged(&[]).code, 0);
    repo.write("b.txt", format!("{}\n", token(27)));
    repo.git(&["add", "b.txt"]);
    let run = repo.staged(&[]);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains(&token(27)), "secret printed whole");
    assert_eq!(repo.staged(&["--format", "nope"]).code, 2);
    repo.write(".leakgate.toml", "[allow]\nunknown = 1\n");
    let run = repo.staged(&[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(".leakgate.toml"), "{}", run.stderr);
}

#[test]
fn many_staged_files_are_scanned_in_parallel_with_the_same_result() {
    let repo = Repo::new();
    for i in 0..100 {
        repo.write(&format!("src/file_{i:03}.txt"), format!("value {i}\n"));
    }
    repo.commit_all("init");
    for i in 0..100 {
        let extra = if i % 25 == 7 {
            format!("key = \"{}\"\n", token(100 + i))
        } else {
            "more\n".to_string()
        };
        repo.write(
            &format!("src/file_{i:03}.txt"),
            format!("value {i}\n{extra}"),
        );
    }
    repo.git(&["add", "-A"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut found = run.locations();
    found.sort();
    let expected: Vec<(String, Option<u64>)> = [7, 32, 57, 82]
        .iter()
        .map(|i| (format!("src/file_{i:03}.txt"), Some(2)))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn git_commit_path_with_the_hook_checks_what_is_committed() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.write("b.txt", "b\n");
    repo.commit_all("init");
    install_hook(&repo);
    // A token staged in a.txt, but only b.txt is committed: `git commit b.txt` builds a
    // temporary index (GIT_INDEX_FILE) holding b.txt's working content only.
    repo.write("a.txt", format!("a\n{}\n", token(30)));
    repo.git(&["add", "a.txt"]);
    repo.write("b.txt", "b\nclean change\n");
    let out = git_with_hook(&repo, &["commit", "-q", "-m", "b only", "b.txt"]);
    assert!(
        out.status.success(),
        "committing a clean path was refused: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Now the token is in the working file of the committed path, not staged.
    repo.write("b.txt", format!("b\nclean change\n{}\n", token(31)));
    let out = git_with_hook(&repo, &["commit", "-q", "-m", "b token", "b.txt"]);
    assert!(
        !out.status.success(),
        "a token in `git commit <path>` passed"
    );
    // git shows a hook's output on its standard error.
    let shown = String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("b.txt:3"), "{shown}");
    assert!(!shown.contains(&token(31)), "secret printed whole");
}

#[test]
fn git_commit_all_with_the_hook_checks_the_working_changes() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("init");
    install_hook(&repo);
    // Not staged, but `git commit -a` stages tracked changes into index.lock first.
    repo.write("a.txt", format!("a\n{}\n", token(32)));
    let out = git_with_hook(&repo, &["commit", "-q", "-a", "-m", "all"]);
    assert!(!out.status.success(), "a token in `git commit -a` passed");
    let shown = String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("a.txt:2"), "{shown}");
    // Once removed, the same commit goes through.
    repo.write("a.txt", "a\nfine\n");
    let out = git_with_hook(&repo, &["commit", "-q", "-a", "-m", "all"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A GitHub classic token with a valid CRC32 tail, built at run time.
fn github_token(body: &str) -> String {
    assert_eq!(body.len(), 30);
    let check = leakgate::scan::checksum::base62_crc32(body.as_bytes());
    format!("{}_{body}{check}", "ghp")
}

#[test]
fn a_github_token_is_reported_only_with_a_valid_checksum() {
    let repo = Repo::new();
    let valid = github_token("Qw3rTy7UiOp2AsDfGh8JkLzXcVbNm4");
    let forged = format!("{}_Qw3rTy7UiOp2AsDfGh8JkLzXcVbNm4000000", "ghp");
    repo.write(
        "deploy.yml",
        format!("env:\n  A: {forged}\n  GH_TOKEN: {valid}\n"),
    );
    repo.git(&["add", "deploy.yml"]);
    let run = repo.staged(JSON);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.rules(), vec!["github-pat".to_string()]);
    assert_eq!(run.locations(), vec![("deploy.yml".to_string(), Some(3))]);
    assert!(!run.stdout.contains(&valid), "secret printed whole");
}
