//! The `.env` policy (SPEC §2): which names are `.env` files, and which are templates.
//!
//! `.env`, `.env.*` and `*.env` at any depth are environment files. Templates are meant to
//! be committed and are not: a template word (`example`, `sample`, `template`, `tmpl`,
//! `dist`, `defaults`, `schema`, configurable in `[dotenv] templates`) as the last suffix or
//! a `-`/`_` part of it (`.env.test-example`), before a data-format extension
//! (`.env.example.json`), or in the name before `.env` (`example.env`, `sample.env`).
//! Encrypted env files (dotenv-vault, dotenvx, SOPS) are recognised by their content in
//! [`encrypted`] and are not findings either (`[dotenv] allow_encrypted`).
//!
//! Beyond the name policy: [`worktree`] asks git whether a path is ignored, [`survey`] finds
//! every `.env` file of a work tree with its state, [`fix`] appends ignore patterns
//! (`--fix`), and [`command`] is `leakgate dotenv` itself, with [`table`] its human report.
//! `leakgate scan` reuses the survey through [`scan_with_git_checks`].

pub mod command;
pub mod encrypted;
pub mod fix;
pub mod survey;
pub mod table;
pub mod worktree;

use crate::finding::{fingerprint, Finding, FindingKind};
pub use encrypted::is_encrypted_env;
pub use scan::{scan_findings, scan_with_git_checks};
pub use survey::EnvState;

mod scan;

/// Rule id of `.env` findings. The `.env` policy needs the configurable template list, so
/// it is code rather than a path rule in `rules/files.toml`.
pub const ENV_RULE_ID: &str = "dotenv-file";
/// Title of `.env` findings.
pub const ENV_TITLE: &str = ".env file that git would commit";
/// What to do about one.
pub const ENV_REMEDIATION: &str = "Add it to .gitignore (`leakgate dotenv --fix`), untrack it with `git rm --cached`, and rotate any secret it held.";

/// A `file` finding for the `.env` file at `path`.
pub fn env_finding(path: &str) -> Finding {
    Finding {
        rule: ENV_RULE_ID.into(),
        kind: FindingKind::File,
        title: ENV_TITLE.into(),
        path: Some(path.into()),
        line: None,
        column: None,
        secret: None,
        context: None,
        fingerprint: fingerprint(ENV_RULE_ID, path),
        commit: None,
        verification: None,
        remediation: Some(ENV_REMEDIATION.into()),
        repository: None,
        merged: None,
    }
}

/// A `file` finding for the `.env` file at `path` in a known state: the title names the
/// state (`… (tracked)`), and `remediation`, when given, replaces the generic one with the
/// exact step for this file.
pub fn env_finding_in(path: &str, state: EnvState, remediation: Option<String>) -> Finding {
    let mut finding = env_finding(path);
    finding.title = format!("{ENV_TITLE} ({})", state.label()).into();
    if let Some(remediation) = remediation {
        finding.remediation = Some(remediation.into());
    }
    finding
}

/// The finding for a `.env` file staged in `repo`, with the step that fits it: a file git
/// ignores was force-added (`git add -f`), so telling its owner to ignore it would be
/// wrong; it only needs unstaging.
pub fn staged_env_finding(repo: &gix::Repository, path: &str) -> Finding {
    let mut finding = env_finding(path);
    let Some(root) = repo
        .workdir()
        .and_then(|dir| std::fs::canonicalize(dir).ok())
    else {
        return finding;
    };
    let tree = worktree::WorkTree {
        repo: repo.clone(),
        root: root.clone(),
    };
    let ignored = ignored_by_git(&tree, path);
    let step = table::staged_step(&root, path, ignored);
    let rotate = if ignored {
        ", and rotate any secret it held if it was ever pushed"
    } else {
        ""
    };
    finding.remediation = Some(format!("{step}{rotate}.").into());
    finding
}

/// Whether git's ignore rules (`.gitignore`, `info/exclude`, `core.excludesFile`) match
/// `path`; `false` when they cannot be read.
pub(crate) fn ignored_by_git(tree: &worktree::WorkTree, path: &str) -> bool {
    tree.excludes()
        .and_then(|mut excludes| excludes.is_ignored(path, false))
        .unwrap_or(false)
}

/// The `.env` policy as a rule, for report metadata only (SARIF's `tool.driver.rules`):
/// findings come from [`survey`], never from matching this rule's path, which cannot
/// express the template list or git's view.
pub fn report_rules() -> anyhow::Result<crate::rules::RuleSet> {
    let text = format!(
        r#"[[rule]]
id = "{ENV_RULE_ID}"
title = "{ENV_TITLE}"
path = '(?:^|/)(?:\.env|\.env\..+|[^/]+\.env)$'
remediation = "{ENV_REMEDIATION}"
"#
    );
    let rules = crate::rules::parse_rule_file(&text, "dotenv", false)?;
    Ok(crate::rules::RuleSet { rules })
}

/// Whether the file name at the end of `path` (`/`-separated) is a `.env` file that must
/// not be committed, given the template words. Says nothing about content: see
/// [`is_env_finding`].
pub fn is_env_file(path: &str, templates: &[String]) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let is_env =
        name == ".env" || name.starts_with(".env.") || (name.ends_with(".env") && name.len() > 4);
    is_env && !is_template(name, templates)
}

/// Whether the `.env` file at `path` holding `content` (`None`: unknown, too large to read)
/// is a finding: [`is_env_file`], and not an encrypted env file when those are allowed.
pub fn is_env_finding(
    path: &str,
    content: Option<&[u8]>,
    templates: &[String],
    allow_encrypted: bool,
) -> bool {
    is_env_file(path, templates)
        && !(allow_encrypted && content.is_some_and(encrypted::is_encrypted_env))
}

/// Extensions of data formats a template may be written in (`.env.example.json`).
const DATA_EXTENSIONS: &[&str] = &["json", "yaml", "yml", "toml", "txt", "md"];

/// Whether the `.env` file name `name` is a template.
fn is_template(name: &str, templates: &[String]) -> bool {
    let word = |part: &str| templates.iter().any(|t| t.eq_ignore_ascii_case(part));
    let holds_word = |piece: &str| piece.split(['-', '_']).any(word);
    if let Some(rest) = name.strip_prefix(".env.") {
        let suffixes: Vec<&str> = rest.split('.').collect();
        let last = suffixes[suffixes.len() - 1];
        if holds_word(last) {
            return true;
        }
        let data_format = DATA_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(last));
        return data_format && suffixes.len() >= 2 && holds_word(suffixes[suffixes.len() - 2]);
    }
    // `example.env`, `test-sample.env`, `app.example.env`.
    match name.strip_suffix(".env") {
        Some(stem) => stem.split('.').any(holds_word),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_env_file;
    use crate::config::DEFAULT_DOTENV_TEMPLATES;

    fn templates() -> Vec<String> {
        DEFAULT_DOTENV_TEMPLATES
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn env_names_at_any_depth() {
        for path in [
            ".env",
            "app/.env",
            ".env.local",
            "deploy/.env.production",
            "prod.env",
            "a/b/staging.env",
            ".env.test",
            ".env.local.json",
            ".env.example.local",
            "exampleapp.env",
            ".env.keys",
            ".env.vault",
        ] {
            assert!(is_env_file(path, &templates()), "{path}");
        }
    }

    #[test]
    fn templates_and_lookalikes_are_not() {
        for path in [
            ".env.example",
            "x/.env.sample",
            ".env.template",
            ".env.dist",
            ".env.defaults",
            "env",
            "environment.rs",
            ".envrc",
            "src/dotenv.rs",
            ".env.local.example",
            ".env.test-example",
            ".env.tmpl",
            ".env.schema",
            "example.env",
            "sample.env",
            "config/test_sample.env",
            ".env.example.json",
            ".env.Example",
        ] {
            assert!(!is_env_file(path, &templates()), "{path}");
        }
    }
}
