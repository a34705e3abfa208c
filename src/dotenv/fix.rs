//! `leakgate dotenv --fix`: make git ignore every `untracked-not-ignored` `.env` file.
//!
//! **The right `.gitignore`** for `dir/.env.local` is the nearest existing `.gitignore` that
//! is a regular file, looking in `dir/` first and then in each folder above it up to the
//! work tree's root; if there is none, `.gitignore` at the root is created. The nearest file
//! is where the user already keeps ignore rules for that folder, and git gives a deeper
//! `.gitignore` precedence over higher ones, so a pattern there is not overridden by a file
//! further down the path (there is none). Symlinked `.gitignore` files are never written
//! through: git does not read them, and the edit would land outside the work tree.
//!
//! **The narrowest pattern** is the file's path relative to that `.gitignore`'s folder,
//! anchored with a leading `/` and with glob characters escaped: `/api/.env.local` matches
//! that one file and nothing else. It is appended at the end, so no later line of the same
//! file can undo it; existing bytes and line endings are kept (a CRLF file gets a CRLF
//! line), and a missing final newline is added first. After writing, a fresh exclude stack
//! checks that git now ignores each file; if something still re-includes it, the pattern
//! that does is reported. A file already ignored is left alone, so a second run changes
//! nothing. Tracked and staged files are never untracked here: the report prints the
//! `git rm --cached` command instead.

use super::worktree::{Decider, WorkTree};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// What `--fix` did for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixOutcome {
    /// `pattern` was appended to `gitignore` (work-tree relative) and git now ignores the file.
    Ignored { gitignore: String, pattern: String },
    /// `pattern` was appended but the file is still not ignored: `by` re-includes it.
    Defeated {
        gitignore: String,
        pattern: String,
        by: Option<Decider>,
    },
    /// Nothing could be written (the reason says why).
    Failed(String),
}

/// The `.gitignore` that should hold the pattern for work-tree relative `path`, relative
/// to the root. See the module documentation.
pub fn target_gitignore(root: &Path, path: &str) -> String {
    let mut dir = match path.rsplit_once('/') {
        Some((dir, _)) => dir.to_string(),
        None => String::new(),
    };
    loop {
        let candidate = join(&dir, ".gitignore");
        let is_regular_file = std::fs::symlink_metadata(root.join(&candidate))
            .map(|m| m.file_type().is_file())
            .unwrap_or(false);
        if is_regular_file {
            return candidate;
        }
        if dir.is_empty() {
            return ".gitignore".to_string();
        }
        dir = match dir.rsplit_once('/') {
            Some((parent, _)) => parent.to_string(),
            None => String::new(),
        };
    }
}

/// The anchored pattern, in the `.gitignore` at `gitignore`, that matches only `path`.
pub fn pattern_for(gitignore: &str, path: &str) -> String {
    let folder = gitignore
        .strip_suffix(".gitignore")
        .unwrap_or("")
        .trim_end_matches('/');
    let relative = if folder.is_empty() {
        path
    } else {
        path.strip_prefix(folder)
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(path)
    };
    format!("/{}", escape(relative))
}

/// Escapes what a `.gitignore` line would read as glob syntax or trim away: `\`, `*`, `?`,
/// `[`, and trailing spaces. (A leading `#` or `!` needs no escape after the anchoring `/`.)
fn escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    for c in path.chars() {
        if matches!(c, '\\' | '*' | '?' | '[') {
            out.push('\\');
        }
        out.push(c);
    }
    let trailing = out.len() - out.trim_end_matches(' ').len();
    if trailing > 0 {
        let kept = out.len() - trailing;
        out.truncate(kept);
        out.push_str(&"\\ ".repeat(trailing));
    }
    out
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Makes git ignore each of `paths` (work-tree relative, not ignored, not in the index),
/// each in its right `.gitignore`.
pub fn fix(tree: &WorkTree, paths: &[String]) -> anyhow::Result<BTreeMap<String, FixOutcome>> {
    let mut by_target: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut unwritable = BTreeMap::new();
    for path in paths {
        // A name that is not UTF-8 was listed lossily and cannot be written as a pattern.
        if std::fs::symlink_metadata(tree.root.join(path)).is_err() {
            unwritable.insert(
                path.clone(),
                FixOutcome::Failed(
                    "its name is not valid UTF-8 or it vanished; add a pattern by hand".into(),
                ),
            );
            continue;
        }
        let target = target_gitignore(&tree.root, path);
        let pattern = pattern_for(&target, path);
        by_target
            .entry(target)
            .or_default()
            .push((path.clone(), pattern));
    }
    let mut outcomes = fix_in(tree, by_target)?;
    outcomes.append(&mut unwritable);
    Ok(outcomes)
}

/// Appends each `(path, pattern)` to its `.gitignore` and checks the result. Split from
/// [`fix`] so tests can choose a target that something does override.
pub fn fix_in(
    tree: &WorkTree,
    by_target: BTreeMap<String, Vec<(String, String)>>,
) -> anyhow::Result<BTreeMap<String, FixOutcome>> {
    let mut outcomes = BTreeMap::new();
    let mut written = Vec::new();
    for (target, entries) in by_target {
        let patterns: Vec<&str> = entries.iter().map(|(_, p)| p.as_str()).collect();
        match append_patterns(&tree.root.join(&target), &patterns) {
            Ok(()) => written.push((target, entries)),
            Err(reason) => {
                for (path, _) in entries {
                    outcomes.insert(path, FixOutcome::Failed(format!("{target}: {reason}")));
                }
            }
        }
    }
    let mut excludes = tree.excludes()?;
    for (target, entries) in written {
        for (path, pattern) in entries {
            let outcome = if excludes.is_ignored(&path, false)? {
                FixOutcome::Ignored {
                    gitignore: target.clone(),
                    pattern,
                }
            } else {
                FixOutcome::Defeated {
                    gitignore: target.clone(),
                    pattern,
                    by: excludes.decider(&path)?,
                }
            };
            outcomes.insert(path, outcome);
        }
    }
    Ok(outcomes)
}

/// Appends `patterns`, one per line, to the file at `file`, creating it if needed, keeping
/// its bytes and its line ending.
fn append_patterns(file: &Path, patterns: &[&str]) -> Result<(), String> {
    let existing = match std::fs::symlink_metadata(file) {
        Ok(m) if m.file_type().is_file() => {
            Some(std::fs::read(file).map_err(|e| format!("cannot read: {e}"))?)
        }
        Ok(_) => return Err("not a regular file; not writing through it".into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read: {e}")),
    };
    let content = existing.as_deref().unwrap_or_default();
    let newline: &[u8] = if memchr::memmem::find(content, b"\r\n").is_some() {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut addition = Vec::new();
    if !content.is_empty() && !content.ends_with(b"\n") {
        addition.extend_from_slice(newline);
    }
    for pattern in patterns {
        addition.extend_from_slice(pattern.as_bytes());
        addition.extend_from_slice(newline);
    }
    let mut options = std::fs::OpenOptions::new();
    if existing.is_some() {
        options.append(true);
    } else {
        options.write(true).create_new(true);
    }
    let mut handle = options
        .open(file)
        .map_err(|e| format!("cannot write: {e}"))?;
    handle
        .write_all(&addition)
        .map_err(|e| format!("cannot write: {e}"))
}

/// The command that untracks `path` (work-tree relative), for the user to run: from the
/// work tree's root when that is the current folder, else with `git -C ROOT`.
pub fn untrack_command(root: &Path, path: &str) -> String {
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| std::fs::canonicalize(d).ok());
    let prefix = if here.as_deref() == Some(root) {
        "git".to_string()
    } else {
        format!("git -C {}", shell_quote(&root.display().to_string()))
    };
    format!("{prefix} rm --cached -- {}", shell_quote(path))
}

/// Quotes `text` for a POSIX shell when it holds anything but safe characters.
fn shell_quote(text: &str) -> String {
    let safe = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._/-+=:@,".contains(&b));
    if safe {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_is_anchored_relative_to_its_gitignore() {
        assert_eq!(pattern_for(".gitignore", ".env"), "/.env");
        assert_eq!(
            pattern_for(".gitignore", "a/b/.env.local"),
            "/a/b/.env.local"
        );
        assert_eq!(
            pattern_for("a/.gitignore", "a/b/.env.local"),
            "/b/.env.local"
        );
        assert_eq!(pattern_for("a/b/.gitignore", "a/b/.env"), "/.env");
    }

    #[test]
    fn glob_characters_and_trailing_spaces_are_escaped() {
        assert_eq!(pattern_for(".gitignore", "[x]/*.env"), r"/\[x]/\*.env");
        assert_eq!(pattern_for(".gitignore", "a?/.env "), r"/a\?/.env\ ");
        assert_eq!(pattern_for(".gitignore", r"b\c.env"), r"/b\\c.env");
    }

    #[test]
    fn quoting_only_when_needed() {
        assert_eq!(shell_quote("a/.env"), "a/.env");
        assert_eq!(shell_quote("my dir/.env"), "'my dir/.env'");
        assert_eq!(shell_quote("it's.env"), r"'it'\''s.env'");
    }

    fn git(dir: &Path, args: &[&str]) {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn a_pattern_that_a_deeper_negation_defeats_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        git(dir.path(), &["init", "-q"]);
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/.gitignore"), "*.log\n!.env\n").unwrap();
        std::fs::write(dir.path().join("sub/.env"), "A=1\n").unwrap();
        let tree = WorkTree::discover(dir.path())
            .unwrap()
            .expect("a work tree");
        // The root file, not the right one: sub/.gitignore is deeper and wins.
        let plan = BTreeMap::from([(
            ".gitignore".to_string(),
            vec![("sub/.env".to_string(), "/sub/.env".to_string())],
        )]);
        let outcomes = fix_in(&tree, plan).unwrap();
        match &outcomes["sub/.env"] {
            FixOutcome::Defeated {
                gitignore,
                pattern,
                by,
            } => {
                assert_eq!(gitignore, ".gitignore");
                assert_eq!(pattern, "/sub/.env");
                let by = by.as_ref().expect("the negation is named");
                assert_eq!(by.to_string(), "sub/.gitignore:2: !.env");
                assert!(by.negative);
            }
            other => panic!("expected a defeated pattern, got {other:?}"),
        }
        // The right .gitignore for it is the deeper one, where nothing overrides it.
        assert_eq!(target_gitignore(&tree.root, "sub/.env"), "sub/.gitignore");
        let outcomes = fix(&tree, &["sub/.env".to_string()]).unwrap();
        assert_eq!(
            outcomes["sub/.env"],
            FixOutcome::Ignored {
                gitignore: "sub/.gitignore".into(),
                pattern: "/.env".into()
            }
        );
    }

    #[test]
    fn a_symlinked_gitignore_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "x\n").unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join("sub")).unwrap();
        std::os::unix::fs::symlink(&outside, repo.join("sub/.gitignore")).unwrap();
        assert_eq!(target_gitignore(&repo, "sub/.env"), ".gitignore");
        let err = append_patterns(&repo.join("sub/.gitignore"), &["/.env"]).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        assert_eq!(std::fs::read(&outside).unwrap(), b"x\n");
    }

    #[test]
    fn appending_keeps_bytes_and_line_endings() {
        let dir = tempfile::tempdir().unwrap();
        let crlf = dir.path().join("crlf");
        std::fs::write(&crlf, b"node_modules/\r\n*.log").unwrap();
        append_patterns(&crlf, &["/.env"]).unwrap();
        assert_eq!(
            std::fs::read(&crlf).unwrap(),
            b"node_modules/\r\n*.log\r\n/.env\r\n"
        );
        let lf = dir.path().join("lf");
        std::fs::write(&lf, b"target\n").unwrap();
        append_patterns(&lf, &["/a/.env", "/b.env"]).unwrap();
        assert_eq!(std::fs::read(&lf).unwrap(), b"target\n/a/.env\n/b.env\n");
        let new = dir.path().join("new");
        append_patterns(&new, &["/.env"]).unwrap();
        assert_eq!(std::fs::read(&new).unwrap(), b"/.env\n");
    }
}
