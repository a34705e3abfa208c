//! `leakgate hook install` and the hooks it writes, driven through real `git commit` and
//! `git push` in temporary repositories.

use crate::support::sandbox::{git_with_hook, isolate, leakgate, leakgate_bin, Repo, Run};
use crate::support::tokens::token;
use std::path::{Path, PathBuf};

fn install(dir: &Path, args: &[&str]) -> Run {
    Run::from(
        leakgate()
            .args(["hook", "install"])
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap(),
    )
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o111 != 0
}

#[test]
fn install_writes_an_executable_pre_commit_hook_with_the_marker() {
    let repo = Repo::new();
    let run = install(repo.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hook = repo.path().join(".git/hooks/pre-commit");
    let text = std::fs::read_to_string(&hook).unwrap();
    assert!(text.contains("# leakgate-hook:"), "{text}");
    assert!(text.contains("staged"), "{text}");
    assert!(is_executable(&hook));
    assert!(!repo.path().join(".git/hooks/pre-push").exists());
    // Reinstalling over its own hook is an update, not a conflict.
    let run = install(repo.path(), &["--pre-push"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(is_executable(&repo.path().join(".git/hooks/pre-push")));
}

#[test]
fn a_foreign_hook_is_kept_unless_force() {
    let repo = Repo::new();
    let hook = repo.path().join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();
    let run = install(repo.path(), &["--pre-push"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("pre-commit") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
    // Nothing is half-installed after a refusal.
    assert!(!repo.path().join(".git/hooks/pre-push").exists());

    let run = install(repo.path(), &["--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&hook)
        .unwrap()
        .contains("# leakgate-hook:"));
    let backup = repo.path().join(".git/hooks/pre-commit.before-leakgate");
    assert_eq!(
        std::fs::read_to_string(backup).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
}

#[test]
fn core_hooks_path_is_respected() {
    let repo = Repo::new();
    repo.git(&["config", "core.hooksPath", "tools/hooks"]);
    std::fs::create_dir_all(repo.path().join("sub")).unwrap();
    // Run from a subfolder: a relative hooksPath is relative to the work tree's root.
    let run = install(&repo.path().join("sub"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(repo.path().join("tools/hooks/pre-commit").is_file());
    assert!(!repo.path().join(".git/hooks/pre-commit").exists());

    let elsewhere = tempfile::tempdir().unwrap();
    let absolute = elsewhere.path().join("shared-hooks");
    repo.git(&["config", "core.hooksPath", absolute.to_str().unwrap()]);
    let run = install(repo.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(absolute.join("pre-commit").is_file());
}

#[test]
fn a_linked_worktree_installs_into_the_common_hooks_folder() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("init");
    let linked = tempfile::tempdir().unwrap();
    let linked_path = linked.path().join("wt");
    repo.git(&["worktree", "add", "-q", linked_path.to_str().unwrap()]);
    let run = install(&linked_path, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(repo.path().join(".git/hooks/pre-commit").is_file());

    // And it blocks a commit made in the linked worktree.
    std::fs::write(linked_path.join("b.txt"), format!("{}\n", token(40))).unwrap();
    repo.git_in(&linked_path, &["add", "b.txt"]);
    let out = git_in_with_path(&linked_path, &["commit", "-q", "-m", "x"], &path_with_bin());
    assert!(!out.status.success(), "the linked worktree's commit passed");
}

#[test]
fn repo_option_and_not_a_repository() {
    let repo = Repo::new();
    let elsewhere = tempfile::tempdir().unwrap();
    let run = install(elsewhere.path(), &["--repo", repo.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(repo.path().join(".git/hooks/pre-commit").is_file());

    let run = Run::from(
        leakgate()
            .args(["hook", "install"])
            .current_dir(elsewhere.path())
            .env(
                "GIT_CEILING_DIRECTORIES",
                elsewhere.path().parent().unwrap(),
            )
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("not a git repository"),
        "{}",
        run.stderr
    );
}

/// PATH with the built binary's folder first.
fn path_with_bin() -> std::ffi::OsString {
    let bin_dir = leakgate_bin().parent().unwrap().to_path_buf();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap()
}

/// PATH with `first` in front of the system folders only (no leakgate there).
fn system_path(first: Option<&Path>) -> std::ffi::OsString {
    let system = ["/usr/local/bin", "/usr/bin", "/bin"].map(PathBuf::from);
    std::env::join_paths(first.map(Path::to_path_buf).into_iter().chain(system)).unwrap()
}

fn git_in_with_path(dir: &Path, args: &[&str], path: &std::ffi::OsStr) -> std::process::Output {
    let mut cmd = std::process::Command::new("git");
    isolate(&mut cmd);
    cmd.args(args)
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap()
}

#[test]
fn the_hook_falls_back_to_the_installing_binary_when_leakgate_is_not_on_path() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("init");
    assert_eq!(install(repo.path(), &[]).code, 0);
    repo.write("a.txt", format!("a\n{}\n", token(41)));
    repo.git(&["add", "a.txt"]);
    let out = git_in_with_path(
        repo.path(),
        &["commit", "-q", "-m", "x"],
        &system_path(None),
    );
    assert!(!out.status.success(), "the commit passed");
    let shown = String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("a.txt:2"), "{shown}");
}

#[test]
fn the_hook_blocks_when_no_leakgate_can_be_found() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("init");
    // Install with a copy of the binary, then remove the copy.
    let copy_dir = tempfile::tempdir().unwrap();
    let copy = copy_dir.path().join("leakgate");
    std::fs::copy(leakgate_bin(), &copy).unwrap();
    // Another test thread that forks between our copy's open-for-write and its close lets
    // the child hold the write handle until it execs; running the copy then fails with
    // ETXTBSY ("Text file busy"). That is the test's own race, so wait it out.
    let out = (0..100)
        .find_map(|_| {
            let mut cmd = std::process::Command::new(&copy);
            isolate(&mut cmd);
            match cmd
                .args(["hook", "install"])
                .current_dir(repo.path())
                .output()
            {
                Err(e) if e.raw_os_error() == Some(26) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    None
                }
                other => Some(other.unwrap()),
            }
        })
        .expect("the copied binary stayed busy");
    assert!(out.status.success());
    std::fs::remove_file(&copy).unwrap();
    repo.write("a.txt", "a\nclean\n");
    repo.git(&["add", "a.txt"]);
    let out = git_in_with_path(
        repo.path(),
        &["commit", "-q", "-m", "x"],
        &system_path(None),
    );
    assert!(
        !out.status.success(),
        "a missing scanner let the commit through"
    );
    let shown = String::from_utf8_lossy(&out.stderr);
    assert!(shown.contains("leakgate: not found"), "{shown}");
}

#[test]
fn a_clean_commit_goes_through_the_hook() {
    let repo = Repo::new();
    assert_eq!(install(repo.path(), &[]).code, 0);
    repo.write("a.txt", "hello\n");
    repo.git(&["add", "a.txt"]);
    let out = git_with_hook(&repo, &["commit", "-q", "-m", "first"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A folder holding a fake `leakgate` that logs its arguments (one call per line) to
/// `calls.log` beside it, and exits with the code in `exit_code` if that file exists.
fn fake_leakgate() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{0}/calls.log'\nif [ -f '{0}/exit_code' ]; then exit \"$(cat '{0}/exit_code')\"; fi\nexit 0\n",
        dir.path().display()
    );
    let path = dir.path().join("leakgate");
    std::fs::write(&path, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn calls(fake: &tempfile::TempDir) -> Vec<String> {
    std::fs::read_to_string(fake.path().join("calls.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// A clone of a bare remote, with the pre-push hook installed.
fn pushing_repo() -> (Repo, tempfile::TempDir) {
    let remote = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new("git");
    isolate(&mut cmd);
    assert!(cmd
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(remote.path())
        .status()
        .unwrap()
        .success());
    let repo = Repo::new();
    repo.git(&["remote", "add", "origin", remote.path().to_str().unwrap()]);
    assert_eq!(install(repo.path(), &["--pre-push"]).code, 0);
    (repo, remote)
}

fn rev(repo: &Repo, name: &str) -> String {
    repo.git(&["rev-parse", name]).trim().to_string()
}

#[test]
fn pre_push_scans_each_pushed_range() {
    let (repo, _remote) = pushing_repo();
    let fake = fake_leakgate();
    let path = system_path(Some(fake.path()));
    repo.write("a.txt", "a\n");
    repo.commit_all("one");
    let first = rev(&repo, "HEAD");

    // First push to an empty remote: no remote has any of it, so everything is scanned.
    let out = git_in_with_path(repo.path(), &["push", "-q", "origin", "main"], &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `<root>^!` makes the tip stand for its whole history (git's revision syntax).
    assert_eq!(calls(&fake), vec![format!("history {first} {first}^!")]);

    // An update: the remote's old tip to the new one.
    repo.write("b.txt", "b\n");
    repo.commit_all("two");
    let second = rev(&repo, "HEAD");
    let out = git_in_with_path(repo.path(), &["push", "-q", "origin", "main"], &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(calls(&fake)[1], format!("history {first}..{second}"));

    // A new branch: the commits no remote has, from where it leaves remote history.
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write("c.txt", "c\n");
    repo.commit_all("three");
    let third = rev(&repo, "HEAD");
    let out = git_in_with_path(repo.path(), &["push", "-q", "origin", "feature"], &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(calls(&fake)[2], format!("history {second}..{third}"));

    // Deleting a branch sends nothing to scan.
    let out = git_in_with_path(
        repo.path(),
        &["push", "-q", "origin", "--delete", "feature"],
        &path,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(calls(&fake).len(), 3, "{:?}", calls(&fake));

    // Pushing a branch whose commits are all on a remote already scans nothing.
    repo.git(&["checkout", "-q", "-b", "same", "main"]);
    let out = git_in_with_path(repo.path(), &["push", "-q", "origin", "same"], &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(calls(&fake).len(), 3, "{:?}", calls(&fake));
}

#[test]
fn pre_push_blocks_when_the_scan_fails() {
    let (repo, remote) = pushing_repo();
    let fake = fake_leakgate();
    std::fs::write(fake.path().join("exit_code"), "1").unwrap();
    repo.write("a.txt", "a\n");
    repo.commit_all("one");
    let out = git_in_with_path(
        repo.path(),
        &["push", "-q", "origin", "main"],
        &system_path(Some(fake.path())),
    );
    assert!(!out.status.success(), "the push went through");
    let mut cmd = std::process::Command::new("git");
    isolate(&mut cmd);
    let refs = cmd
        .args(["for-each-ref"])
        .current_dir(remote.path())
        .output()
        .unwrap();
    assert!(refs.stdout.is_empty(), "the remote received refs");
}

#[test]
fn pre_push_reads_several_lines_and_skips_deletions_and_unknown_remote_tips() {
    let (repo, _remote) = pushing_repo();
    let fake = fake_leakgate();
    repo.write("a.txt", "a\n");
    repo.commit_all("one");
    let one = rev(&repo, "HEAD");
    repo.write("b.txt", "b\n");
    repo.commit_all("two");
    let two = rev(&repo, "HEAD");
    let zero = "0".repeat(40);
    let unknown = "1234567890".repeat(4);
    let stdin = format!(
        "refs/heads/main {two} refs/heads/main {one}\n\
         (delete) {zero} refs/heads/gone {one}\n\
         refs/heads/main {two} refs/heads/other {unknown}\n"
    );
    let mut cmd = std::process::Command::new(repo.path().join(".git/hooks/pre-push"));
    isolate(&mut cmd);
    let mut child = cmd
        .args(["origin", "url"])
        .current_dir(repo.path())
        .env("PATH", system_path(Some(fake.path())))
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    // The unknown remote tip is treated like a new branch; with no remote-tracking refs
    // at all, everything the local tip reaches is scanned.
    assert_eq!(
        calls(&fake),
        vec![
            format!("history {one}..{two}"),
            format!("history {two} {one}^!")
        ]
    );
}

#[test]
fn a_whole_push_names_every_root_so_the_tip_means_its_history() {
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("root one");
    let root_one = rev(&repo, "HEAD");
    repo.git(&["checkout", "-q", "--orphan", "other"]);
    repo.write("b.txt", "b\n");
    repo.commit_all("root two");
    let root_two = rev(&repo, "HEAD");
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&[
        "merge",
        "-q",
        "--no-edit",
        "--allow-unrelated-histories",
        "other",
    ]);
    let opened = gix::open(repo.path()).unwrap();
    let scan = leakgate::hook::push_scan(None, None, Some("main"), Some("origin")).unwrap();
    let mut revs = scan.revs(&opened).unwrap();
    assert_eq!(revs.remove(0), "main");
    revs.sort();
    let mut expected = vec![format!("{root_one}^!"), format!("{root_two}^!")];
    expected.sort();
    assert_eq!(revs, expected);

    let scan = leakgate::hook::push_scan(Some("abc"), Some("def"), None, None).unwrap();
    assert_eq!(scan.revs(&opened).unwrap(), vec!["abc..def".to_string()]);
}

#[test]
fn push_range_takes_its_range_from_the_pre_commit_environment() {
    // `hook push-range` hands `history` the range; an unknown revision is history's error,
    // which shows the range arrived intact.
    let repo = Repo::new();
    repo.write("a.txt", "a\n");
    repo.commit_all("one");
    let run = Run::from(
        leakgate()
            .args(["hook", "push-range"])
            .current_dir(repo.path())
            .env("PRE_COMMIT_FROM_REF", "nonexistent-from")
            .env("PRE_COMMIT_TO_REF", "HEAD")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("history") || run.stderr.contains("nonexistent-from"),
        "{}",
        run.stderr
    );
}

#[test]
fn push_range_without_a_range_is_an_error_not_a_whole_audit() {
    let repo = Repo::new();
    repo.write("a.txt", format!("KEY = \"{}\"\n", token(7)));
    repo.commit_all("one");
    let run = Run::from(
        leakgate()
            .args(["hook", "push-range"])
            .current_dir(repo.path())
            .env_remove("PRE_COMMIT_FROM_REF")
            .env_remove("PRE_COMMIT_TO_REF")
            .env_remove("PRE_COMMIT_LOCAL_BRANCH")
            .env_remove("PRE_COMMIT_REMOTE_NAME")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("PRE_COMMIT_FROM_REF"), "{}", run.stderr);
    assert!(run.stderr.contains("leakgate history"), "{}", run.stderr);
    assert!(
        !run.stdout.contains("a.txt"),
        "it audited anyway: {}",
        run.stdout
    );
}

#[test]
fn a_tracked_husky_hook_is_never_overwritten_even_with_force() {
    let repo = Repo::new();
    repo.git(&["config", "core.hooksPath", ".husky"]);
    let husky = "#!/bin/sh\nnpm test\n";
    repo.write(".husky/pre-commit", husky);
    repo.commit_all("husky");
    let run = install(repo.path(), &["--force"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stderr.trim().lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("leakgate staged"), "{}", run.stderr);
    assert!(run.stderr.contains(".husky/pre-commit"), "{}", run.stderr);
    assert!(run.stderr.contains("git tracks it"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(repo.path().join(".husky/pre-commit")).unwrap(),
        husky
    );
    assert!(!repo
        .path()
        .join(".husky/pre-commit.before-leakgate")
        .exists());
    assert!(!repo.path().join(".husky/commit-msg").exists());
    assert!(repo.git(&["status", "--porcelain"]).is_empty());
}

#[test]
fn husky_9_generated_hooks_point_at_the_tracked_hook_to_edit() {
    let repo = Repo::new();
    repo.git(&["config", "core.hooksPath", ".husky/_"]);
    repo.write(".husky/pre-commit", "npm test\n");
    repo.write(".husky/_/.gitignore", "*\n");
    let shim = "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n";
    repo.write(".husky/_/pre-commit", shim);
    repo.commit_all("husky 9");
    let run = install(repo.path(), &["--force"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("leakgate staged"), "{}", run.stderr);
    let edit = repo
        .path()
        .canonicalize()
        .unwrap()
        .join(".husky/pre-commit");
    assert!(
        run.stderr.contains(&format!("from {}", edit.display())),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(repo.path().join(".husky/_/pre-commit")).unwrap(),
        shim
    );
}

#[test]
fn the_commit_msg_hook_blocks_a_token_in_the_message() {
    let repo = Repo::new();
    let run = install(repo.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hook = repo.path().join(".git/hooks/commit-msg");
    assert!(is_executable(&hook));
    repo.write("a.txt", "hello\n");
    repo.git(&["add", "a.txt"]);
    let secret = token(21);
    let message = format!("deploy with {secret} for now");
    let out = git_with_hook(&repo, &["commit", "-q", "-m", &message]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "the commit went through: {text}");
    assert!(
        text.contains("commit blocked: 1 secret in the commit message"),
        "{text}"
    );
    assert!(text.contains("(commit message):1:13"), "{text}");
    assert!(
        !text.contains(&secret),
        "the secret was printed whole: {text}"
    );
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--verify", "-q", "HEAD"])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(!head.status.success(), "a commit was recorded");

    // A clean message, and a message whose token is marked as allowed, go through.
    let out = git_with_hook(&repo, &["commit", "-q", "-m", "add a.txt"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    repo.write("b.txt", "b\n");
    repo.git(&["add", "b.txt"]);
    let allowed = format!("test fixture {secret} leakgate:allow");
    let out = git_with_hook(&repo, &["commit", "-q", "-m", &allowed]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
