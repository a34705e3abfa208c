//! The human report of `leakgate dotenv`: one row per `.env` file (path, state, what to do),
//! then a one-line summary. The "what to do" text is also the finding's remediation in the
//! JSON and SARIF reports, so every format gives the same exact step.

use super::fix::{self, FixOutcome};
use super::survey::EnvState;
use owo_colors::{OwoColorize, Style};
use std::io::Write;
use std::path::Path;

/// One line of the table.
#[derive(Clone, Debug)]
pub struct Row {
    /// Relative to the work tree's root.
    pub path: String,
    pub state: EnvState,
    pub action: String,
}

/// What to do about the file at `path` in `state`, or what `--fix` did about it. `ignored`:
/// git's ignore rules match the path (a tracked or staged file can still be ignored: it
/// was added with `git add -f`, so the step is not "ignore it").
pub fn action(
    root: &Path,
    path: &str,
    state: EnvState,
    fixed: Option<&FixOutcome>,
    ignored: bool,
) -> String {
    match fixed {
        Some(FixOutcome::Ignored { gitignore, pattern }) => {
            return format!("fixed: appended `{pattern}` to {gitignore}");
        }
        Some(FixOutcome::Defeated {
            gitignore,
            pattern,
            by,
        }) => {
            let culprit = match by {
                Some(decider) => format!(
                    "`{}` at {}:{}",
                    decider.pattern, decider.source, decider.line
                ),
                None => "another rule".to_string(),
            };
            return format!(
                "appended `{pattern}` to {gitignore}, but {culprit} still re-includes it: remove that line"
            );
        }
        Some(FixOutcome::Failed(reason)) => return format!("could not fix: {reason}"),
        None => {}
    }
    match state {
        EnvState::Ignored => "nothing: git ignores it".to_string(),
        EnvState::UntrackedNotIgnored => {
            let gitignore = fix::target_gitignore(root, path);
            let pattern = fix::pattern_for(&gitignore, path);
            format!("add `{pattern}` to {gitignore} (or run `leakgate dotenv --fix`)")
        }
        EnvState::Tracked if ignored => format!(
            "run `{}` (git already ignores it) and rotate every secret it held (they are in the history)",
            fix::untrack_command(root, path)
        ),
        EnvState::Tracked => format!(
            "run `{}`, ignore it, and rotate every secret it held (they are in the history)",
            fix::untrack_command(root, path)
        ),
        EnvState::Staged => staged_step(root, path, ignored),
    }
}

/// What to do about a `.env` file staged for the next commit: unstage it, and ignore it
/// unless git already does (then it was force-added, and ignoring it again would not help).
/// The `dotenv` table and the hook's finding give this same step.
pub fn staged_step(root: &Path, path: &str, ignored: bool) -> String {
    let untrack = fix::untrack_command(root, path);
    if ignored {
        format!("git ignores it, so it was added with `git add -f`: unstage it with `{untrack}` (the file stays on disk)")
    } else {
        let gitignore = fix::target_gitignore(root, path);
        let pattern = fix::pattern_for(&gitignore, path);
        format!("unstage it with `{untrack}` (the file stays on disk), then add `{pattern}` to {gitignore} (or run `leakgate dotenv --fix`)")
    }
}

/// Writes the table and the summary line.
pub fn write(
    out: &mut dyn Write,
    rows: &[Row],
    root: &Path,
    under: &str,
    findings: usize,
    color: bool,
) -> std::io::Result<()> {
    let place = if under.is_empty() {
        root.display().to_string()
    } else {
        format!("{under} in {}", root.display())
    };
    if rows.is_empty() {
        return writeln!(out, "no .env files under {place}");
    }
    // Paths are shown with control characters escaped: a file name can hold any.
    let shown: Vec<String> = rows
        .iter()
        .map(|r| crate::report::human::escape_controls(&r.path))
        .collect();
    let path_width = shown
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0)
        .max("PATH".len());
    let state_width = EnvState::UntrackedNotIgnored.label().len();
    writeln!(
        out,
        "{:path_width$}  {:state_width$}  WHAT TO DO",
        "PATH", "STATE"
    )?;
    for (row, path) in rows.iter().zip(&shown) {
        let style = match (color, row.state.is_finding()) {
            (false, _) => Style::new(),
            (true, true) => Style::new().red().bold(),
            (true, false) => Style::new().green(),
        };
        let padded = format!("{:state_width$}", row.state.label());
        writeln!(
            out,
            "{:path_width$}  {}  {}",
            path,
            padded.style(style),
            crate::report::human::escape_controls(&row.action)
        )?;
    }
    writeln!(out)?;
    let files = rows.len();
    writeln!(
        out,
        "{files} .env file{} under {place}: {findings} that git would commit",
        if files == 1 { "" } else { "s" },
    )
}
