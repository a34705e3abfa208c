//! `leakgate history [REV...]`: an audit of every blob, of what revisions reach, or of
//! what a range adds (src/source/history/); of a local repository, or of repositories
//! named by URL, listed in a file, or listed by a GitHub organisation or GitLab group
//! (src/source/remote/).

use super::{config_roots, finish, ignore_file_root, scanner_for, Work};
use crate::cli::{HistoryArgs, RemoteArgs, ScanArgs};
use crate::config::Config;
use crate::exit::ExitCode;
use crate::source::history as git_history;
use crate::source::remote::{self, batch, credentials::Basic, listing};
use crate::suppress::Suppressor;
use anyhow::bail;
use std::io::Write;
use std::time::Instant;

/// Runs `leakgate history`.
pub fn run(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    if args.remote.list_repos {
        return list_repos(&args.common, &args.remote);
    }
    finish(work_with(
        &args.common,
        &args.remote,
        &args.revs,
        Instant::now(),
    )?)
}

/// The work of `history` (and `baseline --history`): open the repository, read the config
/// at its root, scan what the revisions select. `--repo` may be a URL.
pub fn work(common: &ScanArgs, revs: &[String], started: Instant) -> anyhow::Result<Work> {
    work_with(common, &RemoteArgs::default(), revs, started)
}

fn work_with(
    common: &ScanArgs,
    remote_args: &RemoteArgs,
    revs: &[String],
    started: Instant,
) -> anyhow::Result<Work> {
    if let Some(targets) = remote_targets(common, remote_args)? {
        return remote_work(common, remote_args, targets, revs, started);
    }
    let opened = git_history::open(common.repo.as_deref())?;
    let roots = vec![opened.root.clone()];
    let config = Config::from_scan_args(common, &roots)?;
    let scanner = scanner_for(&config)?;
    let suppressor = Suppressor::new(&config.settings, &opened.root, config.baseline.as_deref())?;
    let options = git_history::HistoryOptions {
        policy: config.policy.clone(),
        progress: !config.quiet,
    };
    let outcome = git_history::scan(&opened.repo, &scanner, revs, &options)?;
    Ok(Work {
        config,
        scanner,
        suppressor,
        root: opened.root,
        outcome,
        started,
    })
}

/// `--list-repos`: the repositories a listing holds, one URL per line (credentials never
/// included), and exit 0.
fn list_repos(common: &ScanArgs, args: &RemoteArgs) -> anyhow::Result<ExitCode> {
    let Some(targets) = remote_targets(common, args)? else {
        bail!("--list-repos needs --github-org, --gitlab-group, --repos or --repo URL");
    };
    let mut out = std::io::stdout().lock();
    for target in &targets {
        writeln!(out, "{}", target.url.shown())?;
    }
    Ok(ExitCode::Clean)
}

/// The repositories named by URL (`--repo URL`, `--repos`, `--github-org`,
/// `--gitlab-group`), or `None` for a local repository.
fn remote_targets(
    common: &ScanArgs,
    args: &RemoteArgs,
) -> anyhow::Result<Option<Vec<listing::Listed>>> {
    let filters = listing::Filters {
        skip_archived: args.skip_archived,
        skip_forks: args.skip_forks,
    };
    if args.api_url.is_some() && args.github_org.is_none() && args.gitlab_group.is_none() {
        bail!("--api-url is for --github-org or --gitlab-group");
    }
    let listed = |urls: Vec<remote::RemoteUrl>| {
        urls.into_iter()
            .map(|url| listing::Listed { url, token: None })
            .collect::<Vec<_>>()
    };
    let targets = if let Some(file) = &args.repos {
        let urls = listing::from_file(file)?;
        if urls.is_empty() {
            bail!(
                "{}: the repository list holds no URL; an audit of nothing is not an all-clear",
                file.display()
            );
        }
        listed(urls)
    } else if let Some(org) = &args.github_org {
        let api = listing::api_base(
            args.api_url.as_deref(),
            &["GITHUB_API_URL"],
            listing::GITHUB_API,
        )?;
        let token = listing::first_env(listing::GITHUB_TOKEN_VARS);
        let found = listing::github_org(org, &api, token.as_deref(), filters)?;
        announce(common, &format!("GitHub organisation {org}"), &found)?;
        found.repositories
    } else if let Some(group) = &args.gitlab_group {
        let api = listing::api_base(
            args.api_url.as_deref(),
            &["CI_API_V4_URL"],
            listing::GITLAB_API,
        )?;
        let token = listing::first_env(listing::GITLAB_TOKEN_VARS);
        let found = listing::gitlab_group(group, &api, token.as_deref(), filters)?;
        announce(common, &format!("GitLab group {group}"), &found)?;
        found.repositories
    } else {
        match common
            .repo
            .as_deref()
            .and_then(|p| p.to_str())
            .filter(|text| remote::is_remote(text))
        {
            Some(text) => listed(vec![remote::RemoteUrl::parse(text)?]),
            None => return Ok(None),
        }
    };
    Ok(Some(targets))
}

/// Says on standard error what a listing found and left out; an empty listing is an
/// error (a token without access lists nothing, and that is not an all-clear).
fn announce(common: &ScanArgs, what: &str, found: &listing::Listing) -> anyhow::Result<()> {
    let mut skipped = Vec::new();
    if found.archived_skipped > 0 {
        skipped.push(format!("{} archived", found.archived_skipped));
    }
    if found.forks_skipped > 0 {
        skipped.push(format!("{} forks", found.forks_skipped));
    }
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!(" ({} skipped)", skipped.join(", "))
    };
    if found.repositories.is_empty() {
        bail!("{what}: no repository to audit{skipped}; an audit of nothing is not an all-clear");
    }
    if !common.quiet {
        eprintln!(
            "leakgate: {what}: {} repositor{} to audit{skipped}",
            found.repositories.len(),
            if found.repositories.len() == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    Ok(())
}

/// Audits repositories named by URL. The config is the one the current folder (or
/// `--config`) gives, never one inside a cloned repository: an audited repository must
/// not be able to allowlist its own secrets.
fn remote_work(
    common: &ScanArgs,
    args: &RemoteArgs,
    targets: Vec<listing::Listed>,
    revs: &[String],
    started: Instant,
) -> anyhow::Result<Work> {
    let roots = config_roots(&[]);
    let config = Config::from_scan_args(common, &roots)?;
    let scanner = scanner_for(&config)?;
    let root = ignore_file_root(&config.settings, &roots);
    let suppressor = Suppressor::new(&config.settings, &root, config.baseline.as_deref())?;
    let options = batch::BatchOptions {
        jobs: args.jobs.max(1),
        progress: !config.quiet,
        history: git_history::HistoryOptions {
            policy: config.policy.clone(),
            progress: !config.quiet,
        },
        revs: revs.to_vec(),
        token: Basic::from_env(),
    };
    let outcome = batch::audit(&targets, &scanner, &options);
    // `allow.paths` globs match a remote finding's path from the config's folder.
    let paths_root = config.settings.origin.root.clone();
    Ok(Work {
        config,
        scanner,
        suppressor,
        root: paths_root,
        outcome,
        started,
    })
}
