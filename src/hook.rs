//! `leakgate hook install`: plain git hooks that run leakgate, for repositories that do not
//! use the pre-commit framework (which `.pre-commit-hooks.yaml` serves instead).
//!
//! The `pre-commit` hook runs `leakgate staged`; the `commit-msg` hook runs `leakgate hook
//! commit-msg` on the message being recorded (see [`crate::commit_msg`]), so a token pasted
//! into a message is stopped too. The optional `pre-push` hook reads git's
//! pre-push lines (`<local ref> <local sha> <remote ref> <remote sha>`) and runs
//! `leakgate history <remote sha>..<local sha>` for each updated ref; a new branch scans the
//! commits that no remote has yet, and a deleted branch is skipped. The hooks are POSIX
//! shell, so they need nothing but `git` and `leakgate`; they look for `leakgate` on `PATH`
//! first (an upgraded install wins) and fall back to the absolute path of the binary that
//! installed them. If neither is there the hook fails, blocking the commit: a missing
//! scanner must not read as a clean one.
//!
//! Hooks are written where git runs them: `git rev-parse --git-path hooks` answers that,
//! honouring `core.hooksPath` and the common folder of linked worktrees. Each hook carries
//! a [`MARKER`] line; a hook without it belongs to someone else and is replaced only with
//! `--force` (after a backup copy). A foreign hook inside the work tree (husky points
//! `core.hooksPath` at `.husky`, whose hooks are tracked files, or at `.husky/_`, whose
//! files husky regenerates) is never replaced, even with `--force`: the project owns it, and
//! the refusal shows the line that calls leakgate from it.
//!
//! [`push_scan`] serves the pre-commit framework's pre-push stage, which hands the pushed
//! range over in `PRE_COMMIT_FROM_REF` / `PRE_COMMIT_TO_REF` instead of standard input.

use anyhow::Context;
use std::path::{Path, PathBuf};

/// The line that marks a hook as leakgate's own.
pub const MARKER: &str = "# leakgate-hook:";

/// Which hooks to install.
#[derive(Clone, Debug)]
pub struct InstallOptions {
    /// Also install the `pre-push` hook.
    pub pre_push: bool,
    /// Replace hooks that leakgate did not write.
    pub force: bool,
    /// The repository (default: the one holding the current directory).
    pub repo: Option<PathBuf>,
}

/// A hook to write: its file name and its script.
struct HookFile {
    name: &'static str,
    script: String,
}

/// Installs the hooks; returns the paths written.
pub fn install(options: &InstallOptions) -> anyhow::Result<Vec<PathBuf>> {
    let repo_dir = match &options.repo {
        Some(dir) => dir.clone(),
        None => std::env::current_dir().context("cannot read the current directory")?,
    };
    let hooks_dir = hooks_dir(&repo_dir)?;
    let binary = installing_binary()?;
    let mut hooks = vec![
        HookFile {
            name: "pre-commit",
            script: pre_commit_script(&binary),
        },
        HookFile {
            name: "commit-msg",
            script: commit_msg_script(&binary),
        },
    ];
    if options.pre_push {
        hooks.push(HookFile {
            name: "pre-push",
            script: pre_push_script(&binary),
        });
    }
    // Check every target before writing any, so a refusal leaves nothing half-installed.
    for hook in &hooks {
        let path = hooks_dir.join(hook.name);
        if !is_foreign(&path)? {
            continue;
        }
        if let Some(owner) = project_owned(&repo_dir, &hooks_dir, hook.name)? {
            anyhow::bail!(
                "{}: this {} hook belongs to the project ({}), so leakgate will not replace it, even with --force; call leakgate from {} instead by adding the line `{}`",
                path.display(),
                hook.name,
                owner.why,
                owner.edit.display(),
                call_line(hook.name)
            );
        }
        if !options.force {
            anyhow::bail!(
                "{}: a {} hook that leakgate did not write is already there; rerun with --force to replace it (a backup is kept), or call leakgate from it by adding the line `{}`",
                path.display(),
                hook.name,
                call_line(hook.name)
            );
        }
    }
    std::fs::create_dir_all(&hooks_dir)
        .with_context(|| format!("{}: cannot create the hooks folder", hooks_dir.display()))?;
    let mut written = Vec::new();
    for hook in &hooks {
        let path = hooks_dir.join(hook.name);
        if is_foreign(&path)? {
            let backup = hooks_dir.join(format!("{}.before-leakgate", hook.name));
            std::fs::rename(&path, &backup)
                .with_context(|| format!("{}: cannot move the old hook aside", path.display()))?;
        }
        write_executable(&path, &hook.script)?;
        written.push(path);
    }
    Ok(written)
}

/// Where git runs hooks for the repository holding `dir`.
fn hooks_dir(dir: &Path) -> anyhow::Result<PathBuf> {
    let output = std::process::Command::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .current_dir(dir)
        .output()
        .with_context(|| format!("{}: cannot run git", dir.display()))?;
    if !output.status.success() {
        anyhow::bail!("{}: not a git repository", dir.display());
    }
    let text = String::from_utf8(output.stdout)
        .with_context(|| format!("{}: the hooks path is not UTF-8", dir.display()))?;
    let relative = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    Ok(if relative.is_absolute() {
        relative
    } else {
        dir.join(relative)
    })
}

/// The shell line that runs leakgate's check for hook `name` from an existing hook script.
pub fn call_line(name: &str) -> &'static str {
    match name {
        "commit-msg" => r#"leakgate hook commit-msg "$1""#,
        // git gives pre-push hooks the pushed refs on standard input; from another hook,
        // the upstream range is what is about to be sent.
        "pre-push" => r#"leakgate history "@{upstream}..HEAD""#,
        _ => "leakgate staged",
    }
}

/// Why a hook file is the project's, and which file to edit to call leakgate.
struct ProjectHook {
    why: String,
    edit: PathBuf,
}

/// Whether hook `name` in `hooks_dir` is the project's rather than the user's: a file that
/// git tracks, or any hook inside the work tree (husky's `.husky/_` shims are ignored
/// files it regenerates, which call the tracked `.husky/<name>`).
fn project_owned(
    repo_dir: &Path,
    hooks_dir: &Path,
    name: &str,
) -> anyhow::Result<Option<ProjectHook>> {
    let Some(top) = work_tree_top(repo_dir)? else {
        return Ok(None);
    };
    let hooks = hooks_dir.canonicalize().unwrap_or(hooks_dir.to_path_buf());
    let Ok(inside) = hooks.strip_prefix(&top) else {
        return Ok(None);
    };
    if inside.starts_with(".git") {
        return Ok(None);
    }
    let path = hooks.join(name);
    let shown_dir = inside.display().to_string();
    if is_tracked(&top, &inside.join(name)) {
        return Ok(Some(ProjectHook {
            why: format!("git tracks it; core.hooksPath is {shown_dir}, as husky sets it"),
            edit: path,
        }));
    }
    // husky 9: core.hooksPath = .husky/_, whose generated shims run .husky/<name>.
    let edit = match hooks.parent() {
        Some(parent) if hooks.file_name().is_some_and(|n| n == "_") => parent.join(name),
        _ => path,
    };
    Ok(Some(ProjectHook {
        why: format!("core.hooksPath is {shown_dir}, inside the work tree, as husky sets it"),
        edit,
    }))
}

/// The top folder of the work tree holding `dir`, canonical; `None` outside one (or bare).
fn work_tree_top(dir: &Path) -> anyhow::Result<Option<PathBuf>> {
    let output = std::process::Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(dir)
        .output()
        .with_context(|| format!("{}: cannot run git", dir.display()))?;
    if !output.status.success() {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let top = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    Ok(Some(top.canonicalize().unwrap_or(top)))
}

/// Whether git tracks `relative` (to the work tree's `top`).
fn is_tracked(top: &Path, relative: &Path) -> bool {
    std::process::Command::new("git")
        .args(["ls-files", "--error-unmatch", "--"])
        .arg(relative)
        .current_dir(top)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// The running binary's absolute path, for the hook's fallback.
fn installing_binary() -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe().context("cannot locate the leakgate binary")?;
    Ok(exe.canonicalize().unwrap_or(exe))
}

/// Whether `path` holds a hook leakgate did not write.
fn is_foreign(path: &Path) -> anyhow::Result<bool> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(!String::from_utf8_lossy(&bytes)
            .lines()
            .any(|line| line.starts_with(MARKER))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(anyhow::anyhow!("{}: cannot read: {e}", path.display())),
    }
}

fn write_executable(path: &Path, script: &str) -> anyhow::Result<()> {
    std::fs::write(path, script).with_context(|| format!("{}: cannot write", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
            .with_context(|| format!("{}: cannot make it executable", path.display()))?;
    }
    Ok(())
}

/// `text` as one single-quoted shell word.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The shell lines that set `$leakgate` to the binary to run, or fail the hook.
fn find_binary(binary: &Path, skip_hint: &str) -> String {
    let fallback = shell_quote(&binary.to_string_lossy());
    format!(
        r#"fallback={fallback}
if command -v leakgate >/dev/null 2>&1; then
    leakgate=leakgate
elif [ -x "$fallback" ]; then
    leakgate="$fallback"
else
    printf '%s\n' "leakgate: not found on PATH or at $fallback; blocked. Install leakgate, or skip this check once with {skip_hint}." >&2
    exit 1
fi
"#
    )
}

/// The `pre-commit` hook: scan what the commit records.
fn pre_commit_script(binary: &Path) -> String {
    format!(
        r#"#!/bin/sh
{MARKER} pre-commit, written by `leakgate hook install` (run it again to update)
# Blocks a commit that adds secrets or .env files. Skip once: git commit --no-verify
{find}exec "$leakgate" staged
"#,
        find = find_binary(binary, "git commit --no-verify")
    )
}

/// The `commit-msg` hook: scan the message about to be recorded.
fn commit_msg_script(binary: &Path) -> String {
    format!(
        r#"#!/bin/sh
{MARKER} commit-msg, written by `leakgate hook install` (run it again to update)
# Blocks a commit whose message holds a secret. Skip once: git commit --no-verify
{find}exec "$leakgate" hook commit-msg "$1"
"#,
        find = find_binary(binary, "git commit --no-verify")
    )
}

/// The `pre-push` hook: scan the commits each pushed ref sends.
fn pre_push_script(binary: &Path) -> String {
    format!(
        r#"#!/bin/sh
{MARKER} pre-push, written by `leakgate hook install --pre-push` (run it again to update)
# Blocks a push whose commits add secrets. Skip once: git push --no-verify
{find}status=0
# git writes one line per ref: <local ref> <local sha> <remote ref> <remote sha>
while read -r local_ref local_sha remote_ref remote_sha; do
    [ -n "$local_sha" ] || continue
    case "$local_sha" in
        *[!0]*) ;;
        *) continue ;; # a deleted branch sends no commits
    esac
    revs=
    case "$remote_sha" in
        *[!0]*)
            if git cat-file -e "$remote_sha^{{commit}}" 2>/dev/null; then
                revs="$remote_sha..$local_sha"
            fi
            ;;
    esac
    if [ -z "$revs" ]; then
        # A new branch, or a remote tip this clone has not fetched: scan the commits that
        # no remote has, i.e. from each boundary with what remotes hold.
        if [ -z "$(git rev-list -n 1 "$local_sha" --not --remotes)" ]; then
            continue
        fi
        for base in $(git rev-list --boundary "$local_sha" --not --remotes | sed -n 's/^-//p'); do
            revs="$revs $base..$local_sha"
        done
        # No remote shares any history with it: everything it reaches is new. `<root>^!`
        # excludes the root's parents, of which it has none: as in `git log`, the tip then
        # stands for its whole history rather than for itself alone.
        [ -n "$revs" ] || revs="$local_sha $(git rev-list --max-parents=0 "$local_sha" | sed 's/$/^!/')"
    fi
    "$leakgate" history $revs </dev/null || status=$?
done
exit $status
"#,
        find = find_binary(binary, "git push --no-verify")
    )
}

/// What a pre-commit framework push stage scans, from its environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushScan {
    /// `FROM..TO`: both refs given.
    Range { from: String, to: String },
    /// The whole history of a branch: pre-commit sets no range, but names the branch and
    /// the remote, when the pushed commits reach a root commit (nothing on the remote
    /// shares their history).
    Whole(String),
}

/// Reads `PRE_COMMIT_FROM_REF`, `PRE_COMMIT_TO_REF`, `PRE_COMMIT_LOCAL_BRANCH` and
/// `PRE_COMMIT_REMOTE_NAME` (given as arguments, for testing). Anything else (run by hand,
/// or a stage that sets no range) is an error, not a silent audit of the whole history.
pub fn push_scan(
    from_ref: Option<&str>,
    to_ref: Option<&str>,
    local_branch: Option<&str>,
    remote_name: Option<&str>,
) -> anyhow::Result<PushScan> {
    match (
        given(from_ref),
        given(to_ref),
        given(local_branch),
        given(remote_name),
    ) {
        (Some(from), Some(to), _, _) => Ok(PushScan::Range {
            from: from.to_string(),
            to: to.to_string(),
        }),
        (None, None, Some(branch), Some(_)) => Ok(PushScan::Whole(branch.to_string())),
        _ => anyhow::bail!(
            "leakgate hook push-range: PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF are not both set; this command runs in the pre-commit framework's pre-push stage, which sets them. By hand, scan a range with `leakgate history FROM..TO`, or the whole history with `leakgate history`"
        ),
    }
}

impl PushScan {
    /// The `leakgate history` revisions. A whole history is the tip plus `<root>^!` for
    /// each root commit it reaches: in git's revision syntax (which `history` follows) that
    /// excludes nothing, so the tip stands for everything it reaches, where a tip named
    /// alone would mean that commit only.
    pub fn revs(&self, repo: &gix::Repository) -> anyhow::Result<Vec<String>> {
        match self {
            PushScan::Range { from, to } => Ok(vec![format!("{from}..{to}")]),
            PushScan::Whole(tip) => {
                let id = repo
                    .rev_parse_single(tip.as_str())
                    .map_err(|e| anyhow::anyhow!("bad revision `{tip}`: {e}"))?
                    .detach();
                let mut revs = vec![tip.clone()];
                for info in repo
                    .rev_walk([id])
                    .all()
                    .with_context(|| format!("{tip}: cannot walk its history"))?
                {
                    let info = info.with_context(|| format!("{tip}: cannot walk its history"))?;
                    if info.parent_ids.is_empty() {
                        revs.push(format!("{}^!", info.id));
                    }
                }
                Ok(revs)
            }
        }
    }
}

/// A variable's value unless it is missing or blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_comes_from_both_refs() {
        assert_eq!(
            push_scan(
                Some("abc"),
                Some("def"),
                Some("refs/heads/x"),
                Some("origin")
            )
            .unwrap(),
            PushScan::Range {
                from: "abc".into(),
                to: "def".into()
            }
        );
    }

    #[test]
    fn a_root_reaching_push_scans_the_whole_branch() {
        assert_eq!(
            push_scan(None, None, Some("refs/heads/feature"), Some("origin")).unwrap(),
            PushScan::Whole("refs/heads/feature".into())
        );
    }

    #[test]
    fn without_a_range_it_is_an_error() {
        for (from, to, branch, remote) in [
            (None, None, None, None),
            (None, Some("def"), None, None),
            (Some(""), Some(" "), None, None),
            (None, None, Some("refs/heads/feature"), None),
        ] {
            let err = push_scan(from, to, branch, remote).unwrap_err().to_string();
            assert!(err.contains("PRE_COMMIT_FROM_REF"), "{err}");
        }
    }

    #[test]
    fn shell_quoting_survives_quotes_and_spaces() {
        assert_eq!(shell_quote("/a b/it's"), r"'/a b/it'\''s'");
    }

    #[test]
    fn scripts_carry_the_marker_and_the_fallback() {
        let script = pre_commit_script(Path::new("/opt/leak gate/leakgate"));
        assert!(script.starts_with("#!/bin/sh\n"));
        assert!(script.lines().any(|l| l.starts_with(MARKER)));
        assert!(script.contains("fallback='/opt/leak gate/leakgate'"));
        assert!(script.contains("exec \"$leakgate\" staged"));
        let script = commit_msg_script(Path::new("/usr/bin/leakgate"));
        assert!(script.lines().any(|l| l.starts_with(MARKER)));
        assert!(script.contains(r#"exec "$leakgate" hook commit-msg "$1""#));
        let script = pre_push_script(Path::new("/usr/bin/leakgate"));
        assert!(script.lines().any(|l| l.starts_with(MARKER)));
        assert!(script.contains("history $revs"));
    }
}
