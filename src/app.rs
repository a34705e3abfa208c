//! Orchestration: choose the source, run it, then suppress, verify, report and pick the exit
//! code. Each command is a short function here; the work lives in the modules they call.

use crate::cli::{
    BaselineArgs, Cli, Command, Format, HistoryArgs, HookCommand, PathArgs, RulesCommand, ScanArgs,
    VerifyArgs,
};
use crate::config::{Config, LoadedConfig};
use crate::exit::ExitCode;
use crate::finding::{Secret, VerifyStatus};
use crate::hook;
use crate::report::{self, Report, ReportOptions, Summary};
use crate::rules::{check, RuleSet};
use crate::scan::allow::{SuppressedBy, Suppressor, IGNORE_FILE_NAME};
use crate::scan::Scanner;
use crate::source::{history as git_history, staged, walk, Outcome};
use crate::verify::VerifierBuilder;
use anyhow::Context;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs one command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Scan(args) => scan(args),
        Command::Rules(RulesCommand::List { config }) => rules_list(config.as_deref()),
        Command::Rules(RulesCommand::Check { files }) => rules_check(&files),
        // The pre-commit hook source (src/source/staged.rs).
        Command::Staged(args) => staged(args),
        // History audits and CI ranges (src/source/history/).
        Command::History(args) => history(args),
        // The .env report and --fix (src/dotenv/).
        Command::Dotenv(args) => crate::dotenv::command::run(args),
        // One secret from standard input (src/verify/).
        Command::Verify(args) => verify_one(&args),
        // Plain git hooks (src/hook.rs).
        Command::Hook(HookCommand::Install {
            pre_push,
            force,
            repo,
        }) => hook_install(hook::InstallOptions {
            pre_push,
            force,
            repo,
        }),
        Command::Hook(HookCommand::PushRange { options }) => push_range(options),
        // The commit-msg hook (src/commit_msg.rs).
        Command::Hook(HookCommand::CommitMsg { file, common }) => {
            crate::commit_msg::run(&common, &file)
        }
        Command::Baseline(args) => baseline(args),
    }
}

/// Builds the scanner for a config, sizing rayon's pool once.
pub fn scanner_for(config: &Config) -> anyhow::Result<Scanner> {
    if config.threads > 0 {
        // Fails only if a pool was already built; the first setting then stands.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads)
            .build_global();
    }
    Ok(Scanner::new(config.loaded.rule_set()?))
}

/// `leakgate scan [PATH...]`.
fn scan(args: PathArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let paths = scan_targets(&args.paths);
    let roots = config_roots(&paths);
    let config = Config::from_scan_args(&args.common, &roots)?;
    let (scanner, suppressor, outcome) = scan_work_tree(&config, &roots, &paths, args.no_ignore)?;
    finish(
        &config,
        &scanner,
        &suppressor,
        Path::new("."),
        outcome,
        started,
    )
}

/// `leakgate history [REV...]`: an audit of every blob, or the lines a range adds.
fn history(args: HistoryArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let work = history_work(&args.common, &args.revs)?;
    finish(
        &work.config,
        &work.scanner,
        &work.suppressor,
        &work.root,
        work.outcome,
        started,
    )
}

/// What a history scan produced, before suppression and reporting.
struct HistoryWork {
    config: Config,
    scanner: Scanner,
    suppressor: Suppressor,
    /// The work tree (or git folder) that finding paths are relative to.
    root: PathBuf,
    outcome: Outcome,
}

/// The work of `history` (and `baseline --history`): open the repository, read the config at
/// its root, scan the revisions (none: every blob).
fn history_work(common: &ScanArgs, revs: &[String]) -> anyhow::Result<HistoryWork> {
    let opened = git_history::open(common.repo.as_deref())?;
    let roots = vec![opened.root.clone()];
    let config = Config::from_scan_args(common, &roots)?;
    let scanner = scanner_for(&config)?;
    let suppressor = Suppressor::new(&config.loaded, &opened.root, config.baseline.as_deref())?;
    let options = git_history::HistoryOptions {
        max_file_size: config.max_file_size,
        scan_binary: config.binary,
        progress: !config.quiet,
        dotenv_templates: config.loaded.file.dotenv.templates.clone(),
        dotenv_allow_encrypted: config.loaded.file.dotenv.allow_encrypted,
    };
    let outcome = git_history::scan(&opened.repo, &scanner, revs, &options)?;
    Ok(HistoryWork {
        config,
        scanner,
        suppressor,
        root: opened.root,
        outcome,
    })
}

/// The paths `scan` and `baseline` look at: the given ones, or `.`.
fn scan_targets(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}

/// The work of `scan`: the scanner, the suppression lists, and what the walk found.
fn scan_work_tree(
    config: &Config,
    roots: &[PathBuf],
    paths: &[PathBuf],
    no_ignore: bool,
) -> anyhow::Result<(Scanner, Suppressor, Outcome)> {
    let scanner = scanner_for(config)?;
    let suppressor = Suppressor::new(
        &config.loaded,
        &ignore_file_root(&config.loaded, roots),
        config.baseline.as_deref(),
    )?;
    let options = walk::WalkOptions {
        honour_ignores: !no_ignore,
        max_file_size: config.max_file_size,
        scan_binary: config.binary,
        threads: config.threads,
    };
    // Inside a git work tree, git's view is added: .env files it would commit, and tracked
    // files the walker skipped because an ignore pattern matches them (src/dotenv/scan.rs).
    let outcome = crate::dotenv::scan_with_git_checks(
        &scanner,
        paths,
        &options,
        &config.loaded.file.dotenv,
        || walk::scan_paths(&scanner, paths, &options),
    )?;
    Ok((scanner, suppressor, outcome))
}

/// `leakgate baseline FILE [PATH...] [--history]`: a JSON report of today's findings, for
/// `--baseline FILE` later. Equivalent to `--format json --output FILE`, except that the
/// exit code is 0 when the file was written, whatever it holds (recording findings is the
/// point), and 2 if some input could not be read (the baseline would be incomplete).
fn baseline(args: BaselineArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let common = ScanArgs {
        format: Format::Json,
        output: Some(args.file.clone()),
        config: args.config.clone(),
        repo: args.repo.clone(),
        ..ScanArgs::default()
    };
    if args.history {
        if !args.paths.is_empty() {
            anyhow::bail!("leakgate baseline --history takes no PATH (it reads the repository)");
        }
        return baseline_history(common, &args.file, started);
    }
    let paths = scan_targets(&args.paths);
    let roots = config_roots(&paths);
    let config = Config::from_scan_args(&common, &roots)?;
    let (scanner, suppressor, outcome) = scan_work_tree(&config, &roots, &paths, false)?;
    let errors = outcome.errors;
    let written = settle(
        &config,
        &scanner,
        &suppressor,
        Path::new("."),
        outcome,
        started,
    )?;
    baseline_written(&args.file, written, errors)
}

/// `leakgate staged`: what the next commit records.
fn staged(args: ScanArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let repo = staged::open(args.repo.as_deref())?;
    let root = staged::root(&repo);
    let mut config = Config::from_scan_args(&args, std::slice::from_ref(&root))?;
    config.purpose = report::Purpose::Commit;
    // Loading the rules and comparing the index with HEAD each take about half of a hook's
    // run: do them side by side.
    let (scanner, changes) = std::thread::scope(|scope| {
        let loading = scope.spawn(|| scanner_for(&config));
        let changes = staged::StagedChanges::find(&repo);
        let scanner = loading
            .join()
            .map_err(|_| anyhow::anyhow!("loading the rules failed unexpectedly"))?;
        anyhow::Ok((scanner?, changes?))
    })?;
    let suppressor = Suppressor::new(&config.loaded, &root, config.baseline.as_deref())?;
    let options = staged::StagedOptions {
        max_file_size: config.max_file_size,
        scan_binary: config.binary,
        dotenv_templates: config.loaded.file.dotenv.templates.clone(),
        dotenv_allow_encrypted: config.loaded.file.dotenv.allow_encrypted,
    };
    let outcome = staged::scan_staged(&repo, changes, &scanner, &options)?;
    finish(&config, &scanner, &suppressor, &root, outcome, started)
}

/// `leakgate hook install`.
fn hook_install(options: hook::InstallOptions) -> anyhow::Result<ExitCode> {
    for path in hook::install(&options)? {
        println!("installed {}", path.display());
    }
    Ok(ExitCode::Clean)
}

/// `leakgate hook push-range`: `leakgate history` over the range the pre-commit framework
/// passes in its environment.
fn push_range(options: Vec<String>) -> anyhow::Result<ExitCode> {
    let var = |name: &str| std::env::var(name).ok();
    let scan = hook::push_scan(
        var("PRE_COMMIT_FROM_REF").as_deref(),
        var("PRE_COMMIT_TO_REF").as_deref(),
        var("PRE_COMMIT_LOCAL_BRANCH").as_deref(),
        var("PRE_COMMIT_REMOTE_NAME").as_deref(),
    )?;
    let revs = scan.revs(&staged::open(None)?)?;
    let args = ["leakgate".to_string(), "history".to_string()]
        .into_iter()
        .chain(options)
        .chain(std::iter::once("--".to_string()))
        .chain(revs);
    let cli =
        Cli::from_words(args).map_err(|e| anyhow::anyhow!("leakgate hook push-range: {e}"))?;
    run(cli)
}

/// `leakgate baseline FILE --history`: the baseline over every blob of the repository.
fn baseline_history(common: ScanArgs, file: &Path, started: Instant) -> anyhow::Result<ExitCode> {
    let work = history_work(&common, &[])?;
    let errors = work.outcome.errors;
    let written = settle(
        &work.config,
        &work.scanner,
        &work.suppressor,
        &work.root,
        work.outcome,
        started,
    )?;
    baseline_written(file, written, errors)
}

/// The exit code and message once a baseline file is written.
fn baseline_written(file: &Path, findings: usize, errors: usize) -> anyhow::Result<ExitCode> {
    eprintln!(
        "leakgate: wrote a baseline of {findings} finding{} to {}; use it with --baseline {}",
        if findings == 1 { "" } else { "s" },
        walk::display_path(file),
        walk::display_path(file),
    );
    Ok(if errors > 0 {
        ExitCode::Error
    } else {
        ExitCode::Clean
    })
}

/// Where `.leakgateignore` is looked for: the first discovery root that has one, else the
/// config's folder (the suppressor also reads the one beside the config file).
pub fn ignore_file_root(loaded: &LoadedConfig, roots: &[PathBuf]) -> PathBuf {
    roots
        .iter()
        .find(|root| root.join(IGNORE_FILE_NAME).is_file())
        .cloned()
        .unwrap_or_else(|| loaded.root.clone())
}

/// Where to look for `.leakgate.toml` when scanning `paths`, most specific first: the first
/// path if it is a folder (the scan root), the git work tree holding the first path, the
/// git work tree holding the current directory, then the current directory.
pub fn config_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = Vec::new();
    let mut push = |dir: PathBuf| {
        if !roots.contains(&dir) {
            roots.push(dir);
        }
    };
    if let Some(first) = paths.first().filter(|p| p.as_os_str() != "-") {
        if first.is_dir() {
            push(first.clone());
        }
        let start = if first.is_dir() {
            Some(first.as_path())
        } else {
            first.parent()
        };
        if let Some(top) = start
            .and_then(|dir| std::fs::canonicalize(dir).ok())
            .and_then(|dir| work_tree_top(&dir))
        {
            push(top);
        }
    }
    if let Ok(cwd) = std::env::current_dir() {
        if let Some(top) = work_tree_top(&cwd) {
            push(top);
        }
        push(cwd);
    }
    roots
}

/// The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a linked
/// worktree or submodule).
fn work_tree_top(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The common tail of every scanning command: suppress, verify, report, exit code.
/// `base` is the folder the findings' paths are relative to.
pub fn finish(
    config: &Config,
    scanner: &Scanner,
    suppressor: &Suppressor,
    base: &Path,
    outcome: Outcome,
    started: Instant,
) -> anyhow::Result<ExitCode> {
    let errors = outcome.errors;
    let findings = settle(config, scanner, suppressor, base, outcome, started)?;
    Ok(ExitCode::for_scan(findings, errors))
}

/// [`finish`] without the exit code: applies suppression (config allowlists, fingerprints,
/// `.leakgateignore`, baseline; inline markers were counted by the scanner), writes the
/// report, and returns how many findings it holds. Unused suppression entries, when asked
/// for, are reported but never change the exit code: a stale entry is housekeeping, not a
/// leak.
pub fn settle(
    config: &Config,
    scanner: &Scanner,
    suppressor: &Suppressor,
    base: &Path,
    outcome: Outcome,
    started: Instant,
) -> anyhow::Result<usize> {
    let (mut findings, mut suppressed) = suppressor.apply(outcome.findings, base);
    let inline = scanner.inline_allowed();
    if inline > 0 {
        suppressed.insert(SuppressedBy::InlineMarker, inline);
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // A secret reported anywhere is redacted in every commit subject that holds it.
    crate::finding::share_summary_secrets(&mut findings);
    // Only with --verify: otherwise leakgate opens no network connection at all.
    if config.verify {
        let verifier = VerifierBuilder::from_config(&config.loaded.file.verify).build();
        verifier.verify_findings(scanner.rules(), &mut findings);
        if config.only_live {
            findings.retain(|f| {
                f.verification
                    .as_ref()
                    .is_some_and(|v| v.status == VerifyStatus::Live)
            });
        }
    }
    let unused = if config.report_unused {
        suppressor.unused()
    } else {
        Vec::new()
    };
    let summary = Summary {
        findings: findings.len(),
        files: outcome.files,
        blobs: outcome.blobs,
        bytes: outcome.bytes,
        elapsed_ms: started.elapsed().as_millis(),
    };
    let report = Report {
        findings: &findings,
        summary,
        suppressed: &suppressed,
        unused: &unused,
        rules: scanner.rules(),
    };
    write_report(config, &report)?;
    Ok(findings.len())
}

/// Writes a report to `--output` or standard output.
pub fn write_report(config: &Config, report: &Report<'_>) -> anyhow::Result<()> {
    let options = ReportOptions {
        format: config.format,
        show_secrets: config.show_secrets,
        color: report::use_color(config.color, config.output.is_some()),
        quiet: config.quiet,
        purpose: config.purpose,
    };
    match &config.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot write report", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            report::write(report, &options, &mut out)
                .and_then(|_| out.flush())
                .with_context(|| format!("{}: cannot write report", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            report::write(report, &options, &mut out)
                .and_then(|_| out.flush())
                .context("standard output")?;
        }
    }
    Ok(())
}

/// `leakgate verify --rule ID`: one secret from standard input (never from argv, where
/// shell history and `ps` would see it). Exit 0 live, 1 dead, 2 unknown, skipped or error.
fn verify_one(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let roots = config_roots(&[]);
    let loaded = LoadedConfig::discover(args.config.as_deref(), &roots)?;
    let rules = loaded.rule_set()?;
    let rule = rules
        .get(&args.rule)
        .with_context(|| format!("no rule has id `{}` (see `leakgate rules list`)", args.rule))?;
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut input)
        .context("standard input")?;
    let value = input.trim_end_matches(['\n', '\r']);
    if value.trim().is_empty() {
        anyhow::bail!(
            "standard input: no secret to verify (pipe it in: `leakgate verify --rule {} < file`)",
            rule.id
        );
    }
    if value.contains(['\n', '\r']) {
        anyhow::bail!("standard input: expected one secret on one line");
    }
    let secret = Secret::new(value);
    if !looks_like(rule, value) {
        crate::source::warn(format_args!(
            "the input ({}) is not a `{}` secret as the rule's pattern finds them; verifying it anyway",
            secret.redacted(),
            rule.id
        ));
    }
    let verifier = VerifierBuilder::from_config(&loaded.file.verify).build();
    let verification = verifier.verify(rule, &secret);
    let mut line = format!(
        "{}: {} ({}): {}",
        rule.id,
        format!("{:?}", verification.status).to_lowercase(),
        secret.redacted(),
        verification.detail
    );
    if !verification.scopes.is_empty() {
        line.push_str(&format!("; scopes: {}", verification.scopes.join(", ")));
    }
    println!("{line}");
    if verification.status == VerifyStatus::Live {
        if let Some(remediation) = &rule.remediation {
            println!("→ {remediation}");
        }
    }
    Ok(match verification.status {
        VerifyStatus::Live => ExitCode::Clean,
        VerifyStatus::Dead => ExitCode::Findings,
        VerifyStatus::Unknown | VerifyStatus::Skipped => ExitCode::Error,
    })
}

/// Whether the rule's own pattern finds exactly `value` in it.
fn looks_like(rule: &crate::rules::Rule, value: &str) -> bool {
    let Ok(alone) = crate::rules::Rule::from_spec(rule.spec.clone(), &rule.origin, true) else {
        return false;
    };
    let path = rule.spec.path_examples.first().map(String::as_str);
    Scanner::new(RuleSet { rules: vec![alone] })
        .scan(path, value.as_bytes())
        .iter()
        .any(|m| m.secret.expose() == value)
}

/// `leakgate rules list`: one rule per line.
fn rules_list(config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let roots = config_roots(&[]);
    let loaded = LoadedConfig::discover(config, &roots)?;
    let rules = loaded.rule_set()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for rule in &rules.rules {
        let kind = match rule.kind {
            crate::finding::FindingKind::Secret => "secret",
            crate::finding::FindingKind::File => "file",
        };
        let verify = if rule.verify.is_some() { "verify" } else { "-" };
        writeln!(
            out,
            "{}\t{kind}\t{verify}\t{}\t{}",
            rule.id, rule.title, rule.origin
        )?;
    }
    out.flush()?;
    Ok(ExitCode::Clean)
}

/// `leakgate rules check [FILE...]`: built-ins by default.
fn rules_check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let set = if files.is_empty() {
        RuleSet::builtin()?
    } else {
        let mut rules = Vec::new();
        for file in files {
            rules.extend(crate::rules::load_rule_file(file)?);
        }
        RuleSet { rules }
    };
    let failures = check::check(&set);
    for failure in &failures {
        eprintln!("{failure}");
    }
    if failures.is_empty() {
        println!(
            "{} rules checked: all compile, match their examples and no negative example",
            set.len()
        );
        Ok(ExitCode::Clean)
    } else {
        eprintln!("{} problem(s) in {} rules", failures.len(), set.len());
        Ok(ExitCode::Error)
    }
}
