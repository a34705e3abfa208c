//! Audits of repositories named by URL (issue 18 items 1 and 2): `history --repo URL`
//! over smart HTTP served by a local `git http-backend` and over `file://`, credentials
//! from the environment, `--repos FILE`, and `--github-org` / `--gitlab-group` listed by
//! local stand-ins of the GitHub and GitLab APIs, with pagination. Nothing touches the
//! internet: every server listens on 127.0.0.1.
//!
//! Each run gets its own `TMPDIR`, so the tests can check that no temporary clone is left.

use crate::support::git_http::{basic, ApiReply, GitServer};
use crate::support::sandbox::{isolate, leakgate_bin, Sandbox};
use crate::support::tokens;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A repository whose history added a token in `settings.py` and removed it later.
pub(crate) struct Leaky {
    pub sandbox: Sandbox,
    pub secret: String,
    pub adding: String,
}

pub(crate) fn leaky(seed: u64) -> Leaky {
    let sandbox = Sandbox::new().with_clock(1_767_323_045 + seed as i64 * 1000);
    sandbox.write("README.md", "demo\n");
    sandbox.commit("initial");
    let secret = tokens::token(seed);
    sandbox.write("settings.py", &format!("API_KEY = \"{secret}\"\n"));
    let adding = sandbox.commit("add settings");
    sandbox.write("settings.py", "API_KEY = None\n");
    sandbox.commit("remove the key");
    Leaky {
        sandbox,
        secret,
        adding,
    }
}

/// A clean repository.
pub(crate) fn clean() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write("README.md", "nothing to see\n");
    sandbox.commit("initial");
    sandbox
}

/// Publishes `sandbox`'s repository as a bare repository at `root/name`.
pub(crate) fn publish(sandbox: &Sandbox, root: &Path, name: &str) -> PathBuf {
    let target = root.join(name);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    sandbox.git(&[
        "clone",
        "--bare",
        "-q",
        sandbox.root.to_str().unwrap(),
        target.to_str().unwrap(),
    ]);
    target
}

pub(crate) fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A folder for one run: the working folder (no config in it) and `TMPDIR`.
pub(crate) struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tmp")).unwrap();
        std::fs::create_dir_all(dir.path().join("cwd")).unwrap();
        Workspace { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `leakgate ARGS` in the empty working folder, with this workspace's `TMPDIR` and
    /// `envs`.
    pub fn run(&self, args: &[&str], envs: &[(&str, &str)]) -> Run {
        let output = self.command(args, envs).output().unwrap();
        Run {
            code: output.status.code().unwrap(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// The command [`Workspace::run`] runs.
    pub fn command(&self, args: &[&str], envs: &[(&str, &str)]) -> std::process::Command {
        let mut command = std::process::Command::new(leakgate_bin());
        isolate(&mut command);
        command
            .current_dir(self.path().join("cwd"))
            .env("TMPDIR", self.path().join("tmp"))
            .env_remove("LEAKGATE_GIT_TOKEN")
            .env_remove("GITHUB_TOKEN")
            .env_remove("GH_TOKEN")
            .env_remove("GITLAB_TOKEN")
            .env_remove("GITHUB_API_URL")
            .env_remove("CI_API_V4_URL")
            .args(args);
        for (name, value) in envs {
            command.env(name, value);
        }
        command
    }

    /// Temporary clones left behind.
    pub fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.path().join("tmp"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }
}

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr))
    }
}

/// The findings of the rule our tokens match.
pub(crate) fn anthropic(report: &Value) -> Vec<Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "anthropic-api-key")
        .cloned()
        .collect()
}

#[test]
fn a_repository_over_smart_http_is_audited_like_a_local_one() {
    let repo = leaky(1);
    let root = tempfile::tempdir().unwrap();
    publish(&repo.sandbox, root.path(), "org/app.git");
    let server = GitServer::start(root.path());
    let url = server.repo_url("org/app.git");
    let work = Workspace::new();

    let run = work.run(&["history", "--repo", &url, "--format", "json"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    let found = anthropic(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["repository"], url.as_str());
    assert_eq!(found[0]["path"], "settings.py");
    assert_eq!(found[0]["commit"]["id"], repo.adding.as_str());
    assert_eq!(report["summary"]["repositories"], 1);
    assert!(!run.stdout.contains(&repo.secret));
    // git really spoke smart HTTP to the backend.
    assert!(server
        .seen()
        .iter()
        .any(|s| s.target.contains("git-upload-pack")));
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());

    // Human output and SARIF name the repository too.
    let human = work.run(&["history", "--repo", &url, "--color", "never"], &[]);
    assert_eq!(human.code, 1);
    assert!(
        human.stdout.contains(&format!("repository {url}")),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("of 1 repository"), "{}", human.stdout);
    let sarif = work.run(&["history", "--repo", &url, "--format", "sarif"], &[]);
    let sarif: Value = serde_json::from_str(&sarif.stdout).unwrap();
    crate::support::sarif::assert_schema_valid(&sarif);
    crate::support::sarif::assert_github_accepts(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results
        .iter()
        .any(|r| r["properties"]["repository"] == url.as_str()));
}

#[test]
fn an_interrupted_audit_stops_git_and_removes_its_clone() {
    let repo = leaky(12);
    let root = tempfile::tempdir().unwrap();
    publish(&repo.sandbox, root.path(), "slow.git");
    let server = GitServer::start_slow(root.path(), std::time::Duration::from_secs(20));
    let work = Workspace::new();
    let child = work
        .command(&["history", "--repo", &server.repo_url("slow.git")], &[])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while work.leftovers().is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "no clone started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SIGINT to leakgate alone, as `kill -INT` sends it: git is not told.
    let killed = std::process::Command::new("sh")
        .args(["-c", "kill -s INT \"$0\"", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("temporary clones removed"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Well before the server answers: nothing came back.
    assert!(started.elapsed() < std::time::Duration::from_secs(15));
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());
}

#[test]
fn a_file_url_with_revisions_audits_what_they_reach() {
    let repo = leaky(2);
    let root = tempfile::tempdir().unwrap();
    let bare = publish(&repo.sandbox, root.path(), "app.git");
    // A branch the audit of `main` alone must not reach.
    let other = leaky(3);
    other.sandbox.git(&[
        "push",
        "-q",
        bare.to_str().unwrap(),
        "main:refs/heads/elsewhere",
        "--force",
    ]);
    let url = file_url(&bare);
    let work = Workspace::new();

    let all = work.run(&["history", "--repo", &url, "--format", "json"], &[]);
    assert_eq!(all.code, 1, "{}", all.stderr);
    assert_eq!(anthropic(&all.json()).len(), 2, "{}", all.stdout);

    let main = work.run(
        &["history", "--repo", &url, "main", "--format", "json"],
        &[],
    );
    assert_eq!(main.code, 1, "{}", main.stderr);
    let found = anthropic(&main.json());
    assert_eq!(found.len(), 1, "{}", main.stdout);
    assert_eq!(found[0]["commit"]["id"], repo.adding.as_str());
    assert_eq!(found[0]["repository"], url.as_str());

    let unknown = work.run(&["history", "--repo", &url, "no-such-branch"], &[]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert!(
        unknown.stderr.contains("unknown revision"),
        "{}",
        unknown.stderr
    );
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());
}

#[test]
fn a_token_from_the_environment_reaches_git_and_never_the_output() {
    let repo = leaky(4);
    let root = tempfile::tempdir().unwrap();
    publish(&repo.sandbox, root.path(), "private.git");
    let password = format!("tok-{}", tokens::base62(44, 20));
    let server = GitServer::start_with_auth(root.path(), &basic("x-access-token", &password));
    let url = server.repo_url("private.git");
    let work = Workspace::new();

    // Without credentials: the clone is refused, the run fails closed.
    let refused = work.run(&["history", "--repo", &url, "--format", "json"], &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stderr.contains("not audited"), "{}", refused.stderr);
    assert_eq!(refused.json()["summary"]["errors"], 1);

    // With LEAKGATE_GIT_TOKEN: git sends it as basic authentication.
    let run = work.run(
        &["history", "--repo", &url, "--format", "json"],
        &[("LEAKGATE_GIT_TOKEN", &password)],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(anthropic(&run.json()).len(), 1);
    assert!(!run.stdout.contains(&password) && !run.stderr.contains(&password));

    // Credentials in the URL are taken out of it, used, and never shown.
    let with_userinfo = url.replacen("http://", &format!("http://x-access-token:{password}@"), 1);
    let run = work.run(
        &["history", "--repo", &with_userinfo, "--format", "json"],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(anthropic(&run.json())[0]["repository"], url.as_str());
    assert!(!run.stdout.contains(&password) && !run.stderr.contains(&password));

    // A wrong token: git's refusal is reported without the token.
    let wrong = format!("http://x-access-token:{password}-wrong@{}", &url[7..]);
    let run = work.run(&["history", "--repo", &wrong], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains(&password), "{}", run.stderr);
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());
}

#[test]
fn a_repository_list_is_one_report_and_a_failed_clone_fails_closed() {
    let one = leaky(5);
    let two = clean();
    let root = tempfile::tempdir().unwrap();
    let a = publish(&one.sandbox, root.path(), "a.git");
    let b = publish(&two, root.path(), "b.git");
    let work = Workspace::new();
    let list = work.path().join("repos.txt");
    std::fs::write(
        &list,
        format!("# audit list\n{}\n\n{}\n", file_url(&a), file_url(&b)),
    )
    .unwrap();
    let list_arg = list.to_str().unwrap();

    let run = work.run(
        &[
            "history", "--repos", list_arg, "--jobs", "2", "--format", "json",
        ],
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["summary"]["repositories"], 2);
    let found = anthropic(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["repository"], file_url(&a).as_str());

    // The clean repository alone plus one that does not exist: not an all-clear.
    std::fs::write(
        &list,
        format!(
            "{}\n{}\n",
            file_url(&b),
            file_url(&root.path().join("gone.git"))
        ),
    )
    .unwrap();
    let run = work.run(&["history", "--repos", list_arg, "--format", "json"], &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("gone.git: not audited"),
        "{}",
        run.stderr
    );
    let report = run.json();
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["repositories"], 1);

    // A bad line is named by file and line.
    std::fs::write(&list, "ftp://example.invalid/r.git\n").unwrap();
    let run = work.run(&["history", "--repos", list_arg], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("repos.txt: line 1"), "{}", run.stderr);
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());
}

#[test]
fn a_partial_or_shallow_clone_is_refused() {
    let repo = leaky(6);
    let root = tempfile::tempdir().unwrap();
    let bare = publish(&repo.sandbox, root.path(), "p.git");
    assert!(leakgate::source::remote::clone::check_complete(&bare).is_ok());
    repo.sandbox
        .git_in(&bare, &["config", "remote.origin.promisor", "true"]);
    let err = leakgate::source::remote::clone::check_complete(&bare).unwrap_err();
    assert!(err.to_string().contains("partial"), "{err}");

    let shallow = root.path().join("shallow.git");
    repo.sandbox.git(&[
        "clone",
        "--bare",
        "-q",
        "--depth",
        "1",
        &file_url(&bare),
        shallow.to_str().unwrap(),
    ]);
    let err = leakgate::source::remote::clone::check_complete(&shallow).unwrap_err();
    assert!(err.to_string().contains("shallow"), "{err}");
}

/// A GitHub organisation of three repositories over two pages (Link header), one archived
/// and one a fork, served beside the repositories themselves.
#[test]
fn a_github_organisation_is_listed_page_by_page_and_audited() {
    let leaks = [leaky(7), leaky(8)];
    let root = tempfile::tempdir().unwrap();
    publish(&leaks[0].sandbox, root.path(), "acme/api.git");
    publish(&leaks[1].sandbox, root.path(), "acme/old.git");
    publish(&clean(), root.path(), "acme/fork.git");
    let api_token = format!("ghs_{}", tokens::base62(9, 36));
    let expected = format!("Bearer {api_token}");
    let server = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let base = std::sync::Arc::clone(&server);
    let git = GitServer::start_with_api(root.path(), move |seen| {
        let base = base.get().unwrap();
        if seen.authorization.as_deref() != Some(expected.as_str()) {
            return ApiReply {
                status: 401,
                headers: Vec::new(),
                body: r#"{"message":"Bad credentials"}"#.into(),
            };
        }
        let repo = |name: &str, archived: bool, fork: bool| {
            json!({"name": name, "clone_url": format!("{base}/git/acme/{name}.git"),
                   "archived": archived, "fork": fork})
        };
        if seen.target == "/api/orgs/acme/repos?type=all&per_page=100" {
            ApiReply::json(json!([repo("api", false, false)])).header(
                "Link",
                &format!(
                    "<{base}/api/organizations/1/repos?type=all&per_page=100&page=2>; rel=\"next\", \
                     <{base}/api/organizations/1/repos?type=all&per_page=100&page=2>; rel=\"last\""
                ),
            )
        } else if seen.target == "/api/organizations/1/repos?type=all&per_page=100&page=2" {
            ApiReply::json(json!([repo("old", true, false), repo("fork", false, true)]))
        } else {
            ApiReply {
                status: 404,
                headers: Vec::new(),
                body: "{}".into(),
            }
        }
    });
    server.set(git.url()).unwrap();
    let api = format!("{}/api", git.url());
    let work = Workspace::new();
    let env = [("GITHUB_TOKEN", api_token.as_str())];

    let run = work.run(
        &[
            "history",
            "--github-org",
            "acme",
            "--api-url",
            &api,
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["summary"]["repositories"], 3, "{}", run.stderr);
    let mut repos: Vec<String> = anthropic(&report)
        .iter()
        .map(|f| f["repository"].as_str().unwrap().to_string())
        .collect();
    repos.sort();
    assert_eq!(
        repos,
        [git.repo_url("acme/api.git"), git.repo_url("acme/old.git")]
    );
    assert!(
        run.stderr.contains("3 repositories to audit"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains(&api_token) && !run.stderr.contains(&api_token));
    // The API token went to git too (same host), as basic authentication.
    assert!(git
        .seen()
        .iter()
        .any(|s| s.target.contains("/git/acme/api.git")
            && s.authorization.as_deref() == Some(basic("x-access-token", &api_token).as_str())));

    // The listing alone, for --repos or the shard script.
    let run = work.run(
        &[
            "history",
            "--github-org",
            "acme",
            "--api-url",
            &api,
            "--skip-forks",
            "--list-repos",
        ],
        &env,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{}\n{}\n",
            git.repo_url("acme/api.git"),
            git.repo_url("acme/old.git")
        )
    );

    let run = work.run(
        &[
            "history",
            "--github-org",
            "acme",
            "--api-url",
            &api,
            "--skip-archived",
            "--skip-forks",
            "--format",
            "json",
        ],
        &env,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["summary"]["repositories"], 1);
    assert!(
        run.stderr.contains("(1 archived, 1 forks skipped)"),
        "{}",
        run.stderr
    );

    // Without the token: the API refuses, a one-line error, exit 2.
    let run = work.run(&["history", "--github-org", "acme", "--api-url", &api], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("HTTP 401"), "{}", run.stderr);
    assert!(run.stderr.contains("no API token"), "{}", run.stderr);
    assert!(work.leftovers().is_empty(), "{:?}", work.leftovers());
}

/// A GitLab group whose pages are named only by `x-next-page`, with the token in
/// `PRIVATE-TOKEN`.
#[test]
fn a_gitlab_group_is_listed_by_x_next_page_and_audited() {
    let leak = leaky(10);
    let root = tempfile::tempdir().unwrap();
    publish(&leak.sandbox, root.path(), "team/sub/one.git");
    publish(&clean(), root.path(), "team/two.git");
    let token = format!("glpat-{}", tokens::base62(11, 20));
    let expected = token.clone();
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let shared = std::sync::Arc::clone(&base);
    let git = GitServer::start_with_api(root.path(), move |seen| {
        let base = shared.get().unwrap();
        if seen.header("private-token") != Some(expected.as_str()) {
            return ApiReply {
                status: 401,
                headers: Vec::new(),
                body: r#"{"message":"401 Unauthorized"}"#.into(),
            };
        }
        let project = |path: &str| {
            json!({"path_with_namespace": path,
                   "http_url_to_repo": format!("{base}/git/{path}.git"),
                   "archived": false})
        };
        let first =
            "/api/v4/groups/team/projects?include_subgroups=true&per_page=100&order_by=id&sort=asc";
        if seen.target == first {
            ApiReply::json(json!([project("team/sub/one")])).header("x-next-page", "2")
        } else if seen.target == format!("{first}&page=2") {
            ApiReply::json(json!([project("team/two")])).header("x-next-page", "")
        } else {
            ApiReply {
                status: 404,
                headers: Vec::new(),
                body: format!("{{\"unexpected\":\"{}\"}}", seen.target),
            }
        }
    });
    base.set(git.url()).unwrap();
    let api = format!("{}/api/v4", git.url());
    let work = Workspace::new();
    let run = work.run(
        &[
            "history",
            "--gitlab-group",
            "team",
            "--api-url",
            &api,
            "--format",
            "json",
        ],
        &[("GITLAB_TOKEN", token.as_str())],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = run.json();
    assert_eq!(report["summary"]["repositories"], 2, "{}", run.stderr);
    let found = anthropic(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]["repository"],
        git.repo_url("team/sub/one.git").as_str()
    );
    assert!(!run.stdout.contains(&token) && !run.stderr.contains(&token));
}
