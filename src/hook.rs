//! `leakgate hook install`: plain git hooks that run leakgate, for repositories that do not
//! use the pre-commit framework (which `.pre-commit-hooks.yaml` serves instead).
//!
//! The `pre-commit` hook runs `leakgate staged`. The optional `pre-push` hook reads git's
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
//! `--force` (after a backup copy).
//!
//! [`push_scan`] serves the pre-commit framework's pre-push stage, which hands the
//! pushed range over in `PRE_COMMIT_FROM_REF` / `PRE_COMMIT_TO_REF` instead of standard
//! input.

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
    let mut hooks = vec![HookFile {
        name: "pre-commit",
        script: pre_commit_script(&binary),
    }];
    if options.pre_push {
        hooks.push(HookFile {
            name: "pre-push",
            script: pre_push_script(&binary),
        });
    }
    // Check every target before writing any, so a refusal leaves nothing half-installed.
    if !options.force {
        for hook in &hooks {
            let path = hooks_dir.join(hook.name);
            if is_foreign(&path)? {
                anyhow::bail!(
                    "{}: a {} hook that leakgate did not write is already there; rerun with --force to replace it (a backup is kept), or call `leakgate staged` from it",
                    path.display(),
                    hook.name
                );
            }
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
    /// The whole history of a tip: pre-commit sets no range when the pushed commits reach
    /// a root commit (nothing on the remote shares their history); by hand, `HEAD`.
    Whole(String),
}

/// Reads `PRE_COMMIT_FROM_REF`, `PRE_COMMIT_TO_REF` and `PRE_COMMIT_LOCAL_BRANCH` (given
/// as arguments, for testing).
pub fn push_scan(
    from_ref: Option<&str>,
    to_ref: Option<&str>,
    local_branch: Option<&str>,
) -> PushScan {
    match (given(from_ref), given(to_ref), given(local_branch)) {
        (Some(from), Some(to), _) => PushScan::Range {
            from: from.to_string(),
            to: to.to_string(),
        },
        (None, Some(to), _) => PushScan::Whole(to.to_string()),
        (_, None, Some(branch)) => PushScan::Whole(branch.to_string()),
        _ => PushScan::Whole("HEAD".to_string()),
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
            push_scan(Some("abc"), Some("def"), Some("refs/heads/x")),
            PushScan::Range {
                from: "abc".into(),
                to: "def".into()
            }
        );
    }

    #[test]
    fn without_a_range_the_whole_branch_is_scanned() {
        assert_eq!(
            push_scan(None, None, Some("refs/heads/feature")),
            PushScan::Whole("refs/heads/feature".into())
        );
        assert_eq!(
            push_scan(None, Some("def"), None),
            PushScan::Whole("def".into())
        );
        assert_eq!(
            push_scan(Some(""), Some(" "), None),
            PushScan::Whole("HEAD".into())
        );
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
        let script = pre_push_script(Path::new("/usr/bin/leakgate"));
        assert!(script.lines().any(|l| l.starts_with(MARKER)));
        assert!(script.contains("history $revs"));
    }
}
