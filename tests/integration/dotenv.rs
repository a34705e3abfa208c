//! `leakgate dotenv` and the `.env` part of `leakgate scan`, driven through the real binary
//! in temporary repositories built with the real `git`. The verdicts are compared with
//! git's own (`git check-ignore`, `git ls-files`, `git diff --cached`) on a table of layouts.

use crate::support::sandbox::Sandbox;
use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A [`Sandbox`] with this module's helpers (a wrapper, since other test modules add
/// helpers of the same names to their own wrappers).
struct Repo(Sandbox);

impl std::ops::Deref for Repo {
    type Target = Sandbox;

    fn deref(&self) -> &Sandbox {
        &self.0
    }
}

impl Repo {
    fn new() -> Repo {
        Repo(Sandbox::new())
    }

    fn read(&self, path: &str) -> Vec<u8> {
        std::fs::read(self.root.join(path)).unwrap()
    }

    /// `leakgate ARGS` in the repository, without colour.
    fn leakgate(&self, args: &[&str]) -> Command {
        self.leakgate_in(&self.root, args)
    }

    /// `leakgate ARGS` in `dir`, without colour.
    fn leakgate_in(&self, dir: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::from_std(self.leakgate_command_in(dir));
        cmd.args(args).env("NO_COLOR", "1");
        cmd
    }

    /// `path → state` from `leakgate dotenv` (human table).
    fn leakgate_states(&self) -> BTreeMap<String, String> {
        let out = self.leakgate(&["dotenv"]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        parse_table(&stdout)
    }

    /// What git itself says about `path`.
    fn git_state(&self, path: &str) -> &'static str {
        let in_index = self
            .git_output(&["ls-files", "--error-unmatch", "--", path])
            .status
            .success();
        if in_index {
            let has_head = self
                .git_output(&["rev-parse", "--verify", "-q", "HEAD"])
                .status
                .success();
            let same_as_head = has_head
                && self
                    .git_output(&["diff", "--cached", "--quiet", "HEAD", "--", path])
                    .status
                    .success();
            return if same_as_head { "tracked" } else { "staged" };
        }
        if self
            .git_output(&["check-ignore", "-q", "--", path])
            .status
            .success()
        {
            "ignored"
        } else {
            "untracked-not-ignored"
        }
    }
}

/// `path → state` from the human table (paths in these tests hold no spaces).
fn parse_table(stdout: &str) -> BTreeMap<String, String> {
    stdout
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|line| {
            let mut words = line.split_whitespace();
            (
                words.next().unwrap().to_string(),
                words.next().unwrap().to_string(),
            )
        })
        .collect()
}

/// One repository layout and the state each `.env` file must have.
struct Layout {
    name: &'static str,
    /// Files written before anything else (`.gitignore` files included).
    files: &'static [(&'static str, &'static str)],
    /// Committed with `git add -f` in a first commit.
    committed: &'static [&'static str],
    /// Changed and staged with `git add -f` after the commit (or with no commit at all).
    staged: &'static [&'static str],
    /// Deleted from disk at the end (still in the index).
    deleted: &'static [&'static str],
    /// Contents of `.git/info/exclude`.
    info_exclude: Option<&'static str>,
    /// Contents of a file named by `core.excludesFile`.
    excludes_file: Option<&'static str>,
    expect: &'static [(&'static str, &'static str)],
}

impl Layout {
    fn build(&self) -> Repo {
        let repo = Repo::new();
        for (path, content) in self.files {
            repo.write(path, content);
        }
        if let Some(exclude) = self.info_exclude {
            repo.write(".git/info/exclude", exclude);
        }
        if let Some(excludes) = self.excludes_file {
            let file = repo.home.join("global-ignore");
            std::fs::write(&file, excludes).unwrap();
            repo.git(&["config", "core.excludesFile", file.to_str().unwrap()]);
        }
        if !self.committed.is_empty() {
            let mut args = vec!["add", "-f", "--"];
            args.extend(self.committed);
            repo.git(&args);
            repo.git(&["commit", "-q", "-m", "first"]);
        }
        for path in self.staged {
            let old = std::fs::read_to_string(repo.root.join(path)).unwrap_or_default();
            repo.write(path, &format!("{old}CHANGED=1\n"));
            repo.git(&["add", "-f", "--", path]);
        }
        for path in self.deleted {
            std::fs::remove_file(repo.root.join(path)).unwrap();
        }
        repo
    }
}

const LAYOUTS: &[Layout] = &[
    Layout {
        name: "no ignore file",
        files: &[(".env", "A=1\n")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "untracked-not-ignored")],
    },
    Layout {
        name: "plain name pattern",
        files: &[
            (".gitignore", ".env\n"),
            (".env", "A=1\n"),
            ("a/b/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "ignored"), ("a/b/.env", "ignored")],
    },
    Layout {
        name: "wildcard with a negation",
        files: &[
            (".gitignore", ".env*\n!.env.local\n"),
            (".env", ""),
            (".env.local", ""),
            (".env.production", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            (".env", "ignored"),
            (".env.local", "untracked-not-ignored"),
            (".env.production", "ignored"),
        ],
    },
    Layout {
        name: "nested .gitignore applies below its folder only",
        files: &[("sub/.gitignore", ".env\n"), (".env", ""), ("sub/.env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "untracked-not-ignored"), ("sub/.env", "ignored")],
    },
    Layout {
        name: "nested negation overrides the root",
        files: &[
            (".gitignore", ".env\n"),
            ("sub/.gitignore", "!.env\n"),
            (".env", ""),
            ("sub/.env", ""),
            ("sub/deeper/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            (".env", "ignored"),
            ("sub/.env", "untracked-not-ignored"),
            ("sub/deeper/.env", "untracked-not-ignored"),
        ],
    },
    Layout {
        name: "directory pattern",
        files: &[
            (".gitignore", "config/\n"),
            ("config/.env", ""),
            ("other/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            ("config/.env", "ignored"),
            ("other/.env", "untracked-not-ignored"),
        ],
    },
    Layout {
        name: "a negation cannot re-include a file in an excluded folder",
        files: &[
            (".gitignore", "config/\n!config/.env\n"),
            ("config/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[("config/.env", "ignored")],
    },
    Layout {
        name: "folder contents excluded, one file re-included",
        files: &[
            (".gitignore", "config/*\n!config/.env\n"),
            ("config/.env", ""),
            ("config/prod.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            ("config/.env", "untracked-not-ignored"),
            ("config/prod.env", "ignored"),
        ],
    },
    Layout {
        name: "nested .gitignore inside an excluded folder cannot re-include",
        files: &[
            (".gitignore", "logs/\n"),
            ("logs/.gitignore", "!.env\n"),
            ("logs/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[("logs/.env", "ignored")],
    },
    Layout {
        name: ".git/info/exclude",
        files: &[(".env", ""), ("web/.env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: Some("/.env\n"),
        excludes_file: None,
        expect: &[(".env", "ignored"), ("web/.env", "untracked-not-ignored")],
    },
    Layout {
        name: "core.excludesFile",
        files: &[(".env", ""), ("deploy/prod.env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: Some(".env\n"),
        expect: &[
            (".env", "ignored"),
            ("deploy/prod.env", "untracked-not-ignored"),
        ],
    },
    Layout {
        name: ".gitignore beats core.excludesFile",
        files: &[(".gitignore", "!.env\n"), (".env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: Some(".env\n"),
        expect: &[(".env", "untracked-not-ignored")],
    },
    Layout {
        name: "a tracked file stays tracked when a pattern matches it",
        files: &[(".gitignore", ".env\n"), (".env", "A=1\n")],
        committed: &[".env"],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "tracked")],
    },
    Layout {
        name: "staged before the first commit",
        files: &[(".env.local", "A=1\n")],
        committed: &[],
        staged: &[".env.local"],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env.local", "staged")],
    },
    Layout {
        name: "staged change to a tracked file",
        files: &[("app/.env", "A=1\n"), ("app/other.env", "B=1\n")],
        committed: &["app/.env", "app/other.env"],
        staged: &["app/.env"],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[("app/.env", "staged"), ("app/other.env", "tracked")],
    },
    Layout {
        name: "staged new file next to committed ones",
        files: &[("README", "r\n"), ("prod.env", "A=1\n")],
        committed: &["README"],
        staged: &["prod.env"],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[("prod.env", "staged")],
    },
    Layout {
        name: "deleted from disk but still in the index",
        files: &[(".env", "A=1\n")],
        committed: &[".env"],
        staged: &[],
        deleted: &[".env"],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "tracked")],
    },
    Layout {
        name: "anchored pattern",
        files: &[(".gitignore", "/.env\n"), (".env", ""), ("sub/.env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "ignored"), ("sub/.env", "untracked-not-ignored")],
    },
    Layout {
        name: "double-star pattern",
        files: &[
            (".gitignore", "services/**/.env\n"),
            ("services/a/b/.env", ""),
            ("services/.env", ""),
            ("other/.env", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            ("other/.env", "untracked-not-ignored"),
            ("services/.env", "ignored"),
            ("services/a/b/.env", "ignored"),
        ],
    },
    Layout {
        name: "star suffix pattern also matches the bare name",
        files: &[(".gitignore", "*.env\n"), (".env", ""), ("prod.env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "ignored"), ("prod.env", "ignored")],
    },
    Layout {
        name: "comments and blank lines are not patterns",
        files: &[(".gitignore", "# .env\n\n   \n"), (".env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "untracked-not-ignored")],
    },
    Layout {
        name: "CRLF .gitignore",
        files: &[(".gitignore", "node_modules/\r\n.env\r\n"), (".env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "ignored")],
    },
    Layout {
        name: "deeper .gitignore re-ignores what the root re-included",
        files: &[
            (".gitignore", ".env.*\n!.env.production\n"),
            ("api/.gitignore", ".env.production\n"),
            (".env.production", ""),
            ("api/.env.production", ""),
        ],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[
            (".env.production", "untracked-not-ignored"),
            ("api/.env.production", "ignored"),
        ],
    },
    Layout {
        name: "templates are not listed",
        files: &[(".env.example", ""), ("x/.env.sample", ""), (".env", "")],
        committed: &[],
        staged: &[],
        deleted: &[],
        info_exclude: None,
        excludes_file: None,
        expect: &[(".env", "untracked-not-ignored")],
    },
];

#[test]
fn states_agree_with_git_on_every_layout() {
    assert!(LAYOUTS.len() >= 20);
    for layout in LAYOUTS {
        let repo = layout.build();
        let ours = repo.leakgate_states();
        let expected: BTreeMap<String, String> = layout
            .expect
            .iter()
            .map(|(p, s)| (p.to_string(), s.to_string()))
            .collect();
        for (path, state) in &expected {
            assert_eq!(
                repo.git_state(path),
                state,
                "layout `{}`: git's verdict on {path} is not what the table expects",
                layout.name
            );
        }
        assert_eq!(ours, expected, "layout `{}`", layout.name);
    }
}

#[test]
fn exit_code_is_zero_when_every_env_file_is_ignored() {
    let repo = Repo::new();
    repo.write(".gitignore", ".env*\n");
    repo.write(".env", "A=1\n");
    repo.write("sub/.env.local", "A=1\n");
    repo.leakgate(&["dotenv"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("0 that git would commit"));
}

#[test]
fn no_env_files_is_clean() {
    let repo = Repo::new();
    repo.write("README", "hello\n");
    repo.leakgate(&["dotenv"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("no .env files"));
}

#[test]
fn outside_a_git_work_tree_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".env"), "A=1\n").unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["dotenv"])
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not inside a git work tree"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn a_missing_path_is_an_error() {
    let repo = Repo::new();
    let out = repo.leakgate(&["dotenv", "nowhere"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere: no such file or directory"));
}

#[test]
fn json_report_holds_file_findings_with_their_state() {
    let repo = Repo::new();
    repo.write(".gitignore", "ignored.env\n");
    repo.write("ignored.env", "");
    repo.write(".env", "A=1\n");
    repo.write("api/.env", "A=1\n");
    repo.git(&["add", "-f", "api/.env"]);
    let out = repo
        .leakgate(&["dotenv", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema"], "leakgate.report.v1");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["path"], ".env");
    assert_eq!(findings[0]["kind"], "file");
    assert_eq!(findings[0]["rule"], "dotenv-file");
    assert!(findings[0]["line"].is_null() && findings[0]["secret"].is_null());
    assert!(findings[0]["title"]
        .as_str()
        .unwrap()
        .ends_with("(untracked-not-ignored)"));
    assert_eq!(findings[1]["path"], "api/.env");
    assert!(findings[1]["title"].as_str().unwrap().ends_with("(staged)"));
    assert!(findings[1]["remediation"]
        .as_str()
        .unwrap()
        .contains("git rm --cached -- api/.env"));
    assert_eq!(report["summary"]["findings"], 2);
    assert_eq!(report["summary"]["files"], 3);
}

#[test]
fn a_path_argument_limits_the_report_to_that_folder() {
    let repo = Repo::new();
    repo.write(".env", "");
    repo.write("web/.env", "");
    repo.write("web/app/.env.local", "");
    repo.write("webby/.env", "");
    let out = repo.leakgate(&["dotenv", "web"]).output().unwrap();
    let states = parse_table(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        states.keys().collect::<Vec<_>>(),
        ["web/.env", "web/app/.env.local"]
    );
}

#[test]
fn nested_repositories_and_symlinked_folders_are_not_walked() {
    let repo = Repo::new();
    repo.write(".env", "");
    repo.write("vendor/lib/.git/HEAD", "ref: refs/heads/main\n");
    repo.write("vendor/lib/.env", "");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join(".env"), "").unwrap();
    std::os::unix::fs::symlink(outside.path(), repo.root.join("linked")).unwrap();
    let states = repo.leakgate_states();
    assert_eq!(states.keys().collect::<Vec<_>>(), [".env"]);
}

#[test]
fn config_templates_and_allowlists_apply() {
    let repo = Repo::new();
    repo.write(
        ".leakgate.toml",
        "[dotenv]\ntemplates = [\"example\", \"ci\"]\n\n[allow]\npaths = [\"fixtures/**\"]\n",
    );
    repo.write(".env.ci", "");
    repo.write("fixtures/.env", "");
    let out = repo.leakgate(&["dotenv"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains(".env.ci"), "{stdout}");
    assert!(stdout.contains("allowed by allow.paths"), "{stdout}");
}

// ---- --fix ----

/// Every file under the work tree except `.git`, with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            if entry.file_name() == ".git" {
                continue;
            }
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                pending.push(entry.path());
            } else if kind.is_file() {
                files.insert(
                    entry.path().strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(entry.path()).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn fix_appends_to_the_nearest_gitignore_and_git_agrees() {
    let repo = Repo::new();
    repo.write(".gitignore", "target/\n");
    repo.write("services/.gitignore", "node_modules/\n");
    repo.write(".env", "A=1\n");
    repo.write("services/api/.env.local", "A=1\n");
    repo.write("docs/prod.env", "A=1\n");
    repo.leakgate(&["dotenv", "--fix"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "fixed: appended `/.env` to .gitignore",
        ))
        .stdout(predicates::str::contains(
            "fixed: appended `/api/.env.local` to services/.gitignore",
        ));
    assert_eq!(repo.read(".gitignore"), b"target/\n/.env\n/docs/prod.env\n");
    assert_eq!(
        repo.read("services/.gitignore"),
        b"node_modules/\n/api/.env.local\n"
    );
    for path in [".env", "services/api/.env.local", "docs/prod.env"] {
        assert_eq!(repo.git_state(path), "ignored", "{path}");
    }
}

#[test]
fn fix_creates_a_root_gitignore_when_there_is_none() {
    let repo = Repo::new();
    repo.write("a/b/.env", "A=1\n");
    repo.leakgate(&["dotenv", "--fix"]).assert().code(0);
    assert_eq!(repo.read(".gitignore"), b"/a/b/.env\n");
    assert_eq!(repo.git_state("a/b/.env"), "ignored");
}

#[test]
fn fix_keeps_crlf_and_adds_a_missing_final_newline() {
    let repo = Repo::new();
    repo.write(".gitignore", "node_modules/\r\n*.log");
    repo.write("sub/.gitignore", "dist/");
    repo.write(".env", "");
    repo.write("sub/.env", "");
    repo.leakgate(&["dotenv", "--fix"]).assert().code(0);
    assert_eq!(
        repo.read(".gitignore"),
        b"node_modules/\r\n*.log\r\n/.env\r\n"
    );
    assert_eq!(repo.read("sub/.gitignore"), b"dist/\n/.env\n");
    assert_eq!(repo.git_state(".env"), "ignored");
    assert_eq!(repo.git_state("sub/.env"), "ignored");
}

#[test]
fn fix_is_idempotent() {
    let repo = Repo::new();
    repo.write(".gitignore", "*.log\n");
    repo.write(".env", "");
    repo.write("x/y/.env.development", "");
    repo.leakgate(&["dotenv", "--fix"]).assert().code(0);
    let after_first = snapshot(&repo.root);
    repo.leakgate(&["dotenv", "--fix"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("fixed").not());
    assert_eq!(snapshot(&repo.root), after_first);
}

#[test]
fn fix_overrides_an_earlier_line_only_by_appending_after_it() {
    // `.env*` then `!.env.local`: the appended anchored pattern comes last, so it wins.
    let repo = Repo::new();
    repo.write(".gitignore", ".env*\n!.env.local\n");
    repo.write(".env.local", "");
    repo.leakgate(&["dotenv", "--fix"]).assert().code(0);
    assert_eq!(
        repo.read(".gitignore"),
        b".env*\n!.env.local\n/.env.local\n"
    );
    assert_eq!(repo.git_state(".env.local"), "ignored");
}

#[test]
fn fix_never_untracks_and_never_edits_anything_else() {
    let repo = Repo::new();
    repo.write(".env", "A=1\n");
    repo.write("README", "r\n");
    repo.git(&["add", "-f", ".env", "README"]);
    repo.git(&["commit", "-q", "-m", "first"]);
    repo.write("new.env", "B=1\n");
    repo.git(&["add", "-f", "new.env"]);
    repo.write("loose/.env", "C=1\n");
    let before = snapshot(&repo.root);
    let index_before = repo.git(&["ls-files", "--stage"]);
    let out = repo.leakgate(&["dotenv", "--fix"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("git rm --cached -- .env"), "{stdout}");
    assert!(stdout.contains("git rm --cached -- new.env"), "{stdout}");
    assert_eq!(repo.git(&["ls-files", "--stage"]), index_before);
    let mut after = snapshot(&repo.root);
    assert_eq!(
        after.remove(Path::new(".gitignore")),
        Some(b"/loose/.env\n".to_vec())
    );
    assert_eq!(after, before);
    assert_eq!(repo.git_state(".env"), "tracked");
    assert_eq!(repo.git_state("new.env"), "staged");
}

#[test]
fn fix_from_a_subfolder_prints_a_command_that_works_from_there() {
    let repo = Repo::new();
    repo.write("web/.env", "A=1\n");
    repo.git(&["add", "-f", "web/.env"]);
    let out = repo
        .leakgate_in(&repo.root.join("web"), &["dotenv", "--fix", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("git -C "), "{stdout}");
    assert!(stdout.contains(" rm --cached -- web/.env"), "{stdout}");
}

// ---- leakgate scan ----

#[test]
fn scan_reports_env_files_git_would_commit_and_not_ignored_ones() {
    let repo = Repo::new();
    repo.write(".gitignore", ".env\n.ignore-me/\n");
    repo.write(".env", "A=1\n");
    repo.write("web/.env.local", "A=1\n");
    repo.write("tracked/.env", "A=1\n");
    repo.write("tracked/.gitignore", ".env\n");
    repo.git(&["add", "-f", "tracked/.env"]);
    let out = repo
        .leakgate(&["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "dotenv-file")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["tracked/.env", "web/.env.local"]);
}

#[test]
fn scan_clean_when_env_files_are_ignored() {
    let repo = Repo::new();
    repo.write(".gitignore", ".env*\n");
    repo.write(".env", "A=1\n");
    repo.write("a/.env.test", "A=1\n");
    repo.leakgate(&["scan", "."]).assert().code(0);
}

#[test]
fn scan_sees_env_files_that_only_an_ignore_file_hides() {
    // `.ignore` files steer the walker, but git does not read them: git would commit this.
    let repo = Repo::new();
    repo.write(".ignore", ".env\n");
    repo.write(".env", "A=1\n");
    repo.leakgate(&["scan", "."])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(".env file that git would commit"));
}

#[test]
fn scan_reports_a_tracked_key_file_that_matches_an_ignore_pattern() {
    let repo = Repo::new();
    repo.write(".gitignore", "*.pem\nsecrets/\n");
    let key = format!(
        "-----BEGIN {} PRIVATE KEY-----\nMIIB\n-----END {} PRIVATE KEY-----\n",
        "RSA", "RSA"
    );
    repo.write("certs/server.pem", &key);
    repo.write("secrets/id_ed25519", "key\n");
    repo.write("untracked.pem", &key);
    repo.git(&["add", "-f", "certs/server.pem", "secrets/id_ed25519"]);
    let out = repo
        .leakgate(&["scan", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "file")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "certs/server.pem".to_string(),
                "private-key-file".to_string()
            ),
            (
                "secrets/id_ed25519".to_string(),
                "ssh-private-key-file".to_string()
            ),
        ]
    );
}

#[test]
fn scan_outside_git_warns_once_and_skips_the_env_check() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/.env"), "A=1\n").unwrap();
    std::fs::write(dir.path().join("b.env"), "A=1\n").unwrap();
    let out = Command::cargo_bin("leakgate")
        .unwrap()
        .args(["scan", "a", "b.env"])
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("not inside a git work tree").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn sarif_report_names_the_env_rule() {
    let repo = Repo::new();
    repo.write(".env", "A=1\n");
    let out = repo
        .leakgate(&["dotenv", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "dotenv-file");
    assert_eq!(
        run["tool"]["driver"]["rules"][0]["shortDescription"]["text"],
        ".env file that git would commit"
    );
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        ".env"
    );
}

#[test]
fn output_option_writes_the_table_to_a_file() {
    let repo = Repo::new();
    repo.write(".env", "A=1\n");
    let report = repo.home.join("report.txt");
    let out = repo
        .leakgate(&["dotenv", "--output", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains(".env  untracked-not-ignored"), "{text}");
}

#[test]
fn a_single_file_path_is_reported_alone() {
    let repo = Repo::new();
    repo.write(".env", "");
    repo.write("b/.env", "");
    let out = repo.leakgate(&["dotenv", "b/.env"]).output().unwrap();
    let states = parse_table(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(states.keys().collect::<Vec<_>>(), ["b/.env"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_name_that_is_not_utf8_is_reported_and_not_written_as_a_pattern() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.env");
    if std::fs::write(repo.root.join(name), "A=1\n").is_err() {
        return; // a file system that refuses such names has nothing to test
    }
    let out = repo.leakgate(&["dotenv", "--fix"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("untracked-not-ignored"), "{stdout}");
    assert!(stdout.contains("could not fix"), "{stdout}");
    assert!(!repo.root.join(".gitignore").exists());
}

#[test]
fn scan_and_dotenv_give_an_env_file_the_same_fingerprint_from_anywhere() {
    let repo = Repo::new();
    repo.write("web/.env", "A=1\n");
    let fingerprint = |out: std::process::Output| -> String {
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["findings"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let from_dotenv = fingerprint(
        repo.leakgate(&["dotenv", "--format", "json"])
            .output()
            .unwrap(),
    );
    let absolute = repo.root.to_str().unwrap().to_string();
    let from_scan = fingerprint(
        repo.leakgate_in(&repo.home, &["scan", &absolute, "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(from_dotenv, from_scan);
    // And `.leakgateignore` at the root suppresses it in both.
    repo.write(".leakgateignore", &format!("{from_dotenv}\n"));
    repo.leakgate(&["dotenv"]).assert().code(0);
    repo.leakgate(&["scan", "."]).assert().code(0);
}

#[test]
fn fix_escapes_glob_characters_so_git_matches_only_that_file() {
    let repo = Repo::new();
    repo.write("[x]/a*b.env", "");
    repo.write("[x]/aZZb.env", "");
    repo.write("x/aZb.env", "");
    repo.write("dir with space/.env", "");
    // Only the first and last are fixed here: limit the run to them one by one.
    repo.leakgate(&["dotenv", "--fix", "[x]/a*b.env"])
        .assert()
        .code(0);
    repo.leakgate(&["dotenv", "--fix", "dir with space"])
        .assert()
        .code(0);
    assert_eq!(
        repo.read(".gitignore"),
        b"/\\[x]/a\\*b.env\n/dir with space/.env\n"
    );
    assert_eq!(repo.git_state("[x]/a*b.env"), "ignored");
    assert_eq!(repo.git_state("dir with space/.env"), "ignored");
    assert_eq!(repo.git_state("[x]/aZZb.env"), "untracked-not-ignored");
    assert_eq!(repo.git_state("x/aZb.env"), "untracked-not-ignored");
}

#[test]
fn scan_applies_allow_paths_to_git_findings() {
    let repo = Repo::new();
    repo.write(".leakgate.toml", "[allow]\npaths = [\"fixtures/**\"]\n");
    repo.write(".gitignore", "*.pem\n");
    repo.write("fixtures/.env", "A=1\n");
    let key = format!("-----BEGIN {} KEY-----\nMIIB\n", "PRIVATE");
    repo.write("fixtures/test.pem", &key);
    repo.git(&["add", "-f", "fixtures/test.pem"]);
    repo.leakgate(&["scan", "."]).assert().code(0);
}

/// A staged `.env` that git ignores was force-added: the table and the hook's finding both
/// say to unstage it, and neither says to ignore it (git already does).
#[test]
fn a_force_added_env_file_is_unstaged_not_ignored_again() {
    let repo = Repo::new();
    repo.write(".gitignore", ".env\n");
    repo.write("README", "hello\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-qm", "init"]);
    repo.write(".env", "A=1\n");
    repo.git(&["add", "-f", ".env"]);
    let table = repo.leakgate(&["dotenv"]).output().unwrap();
    let table = String::from_utf8_lossy(&table.stdout).to_string();
    let row = table.lines().find(|l| l.starts_with(".env ")).unwrap();
    assert!(
        row.contains("git add -f") && row.contains("git rm --cached"),
        "{row}"
    );
    assert!(
        !row.contains("ignore it") && !row.contains("add `"),
        "{row}"
    );
    let hook = repo
        .leakgate(&["staged", "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&hook.stdout).unwrap();
    let remediation = report["findings"][0]["remediation"].as_str().unwrap();
    assert!(
        remediation.starts_with(row.split("  ").last().unwrap().trim()),
        "{remediation} / {row}"
    );
}
