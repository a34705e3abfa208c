//! Command-line types (clap derive). Their doc comments are the `--help` text.
//!
//! Nothing outside this module and [`crate::config`] sees clap: `Config::from_cli` turns
//! these into plain settings, as fd does with its `Opts`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Find access tokens and files that must not be committed, before they are committed.
#[derive(Debug, Parser)]
#[command(name = "leakgate", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses a command line that leakgate builds itself (`hook push-range` runs
    /// `history`); the error is clap's message.
    pub fn from_words(words: impl IntoIterator<Item = String>) -> Result<Cli, String> {
        <Cli as Parser>::try_parse_from(words).map_err(|e| e.to_string())
    }
}

// Each subcommand's arguments are added to the command tree only when that subcommand is
// parsed or its help shown (`defer`, here and on the nested subcommand enums): building
// every subcommand's arguments at each start was about a tenth of a one-file scan's own
// work (issue 17, start-up). A plain comment: a doc comment here would become help text.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Scan what the next commit records: the index against HEAD (pre-commit hook).
    Staged(StagedArgs),
    /// Scan git history: every blob once (audit), or the lines a revision range adds.
    #[command(
        after_help = "--repo also takes a URL (https://, ssh://, git@host:path, file://): the repository is cloned whole into a temporary folder, audited, and removed; each finding names it. Recipes: docs/org-audit.md."
    )]
    History(HistoryArgs),
    /// Scan files and directory trees; `-` reads standard input.
    Scan(PathArgs),
    /// Report .env files that git would commit; --fix adds them to .gitignore.
    Dotenv(DotenvArgs),
    /// Check whether one secret, read from standard input, is live.
    Verify(VerifyArgs),
    /// Ask the issuer to revoke one secret, read from standard input (asks first).
    Revoke(RevokeArgs),
    /// List or self-test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Install git hooks.
    #[command(subcommand)]
    Hook(HookCommand),
    /// Write a baseline report of the current findings to FILE (for --baseline).
    Baseline(BaselineArgs),
    /// Work with reports: merge the shards of an audit run on many machines.
    #[command(subcommand)]
    Report(ReportCommand),
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum ReportCommand {
    /// Merge shard reports (`--format json`) into one report. A secret found in several
    /// places (the same key in 30 repositories) becomes one finding with all its places.
    /// Exit 2, failing closed, when a shard is missing or unreadable, or its summary says
    /// content was not scanned (skips that fail closed, errors); else 1 with findings, 0
    /// without.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The shard reports: JSON reports written by `leakgate history --format json`.
    #[arg(value_name = "SHARD", required = true)]
    pub shards: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the merged report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print secrets whole when the shards hold them whole (shards written with
    /// --show-secrets); by default every secret is redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Accept shards whose only unscanned content is files over --max-file-size (as
    /// --accept-skips does for a scan); missing, shallow, corrupt or unreadable content and
    /// errors are never accepted.
    #[arg(long)]
    pub accept_skips: bool,
    /// Accept JSON Lines shards, which carry no summary: the merge cannot tell whether they
    /// scanned everything, so by default they fail the merge.
    #[arg(long)]
    pub accept_jsonl: bool,
    /// Colour: auto honours NO_COLOR and a non-terminal output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing but errors; the exit code tells the result.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Human,
    Json,
    Jsonl,
    Sarif,
    // One self-contained HTML page: summary and a table to filter, sort and search
    // (`//`, not `///`: a doc comment would turn the help's value list into a long table).
    Html,
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

// Options common to every scanning command. (Plain comments on an `Args` struct: its doc
// comment would be applied as the `about` of each deferred subcommand that flattens it, after
// the subcommand's own, and replace it in `--help`.)
#[derive(Debug, Args, Clone, Default)]
pub struct ScanArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file (default: .leakgate.toml at the repository or scan root).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ask each secret's issuer whether it is still live (makes network requests).
    #[arg(long)]
    pub verify: bool,
    /// With --verify: report only findings whose secret is live.
    #[arg(long, requires = "verify")]
    pub only_live: bool,
    /// With --only-live: findings that could not be verified (offline, timeout, rate
    /// limit...) are dropped without failing the run; by default they make it exit 2.
    #[arg(long, requires = "only_live")]
    pub accept_unknown: bool,
    /// Print secrets whole instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Report only findings at least this sure: high (issuer prefix or checksum), medium
    /// (found by the words around it) or low (catch-all rules, the default: everything).
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(crate::finding::Confidence))]
    pub min_confidence: Option<crate::finding::Confidence>,
    /// Report only findings of rules at least this severe: low (test-mode keys), medium,
    /// high (the default of a rule) or critical. Default: everything.
    #[arg(long, value_name = "LEVEL", value_parser = clap::value_parser!(crate::finding::Severity))]
    pub min_severity: Option<crate::finding::Severity>,
    /// Suppress every finding whose fingerprint is in this earlier JSON report.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// List .leakgateignore, config and baseline entries that suppressed nothing.
    #[arg(long)]
    pub report_unused: bool,
    /// Colour: auto honours NO_COLOR and a non-terminal output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Worker threads: 0 (the default) means one per core; at most 4 × cores or 256,
    /// whichever is larger.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Do not scan files larger than BYTES (default: no limit; large files are scanned in
    /// bounded memory). Each one skipped is counted as `too_large` and makes a clean result
    /// exit 2 unless --accept-skips.
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Do not scan binary files (by default their printable runs are scanned, as `strings`
    /// shows them); the ones skipped are counted as `binary` and do not change the exit code.
    #[arg(long)]
    pub no_binary: bool,
    /// Binary files are scanned by default; kept so that older command lines still work.
    #[arg(long, hide = true, conflicts_with = "no_binary")]
    pub binary: bool,
    /// Exit 0 on a clean result even if files over --max-file-size were not scanned. Skip
    /// reasons (counted in the summary): `too_large` (over --max-file-size) makes a clean
    /// result exit 2 without this option; `unreadable` (I/O error, corrupt object),
    /// `missing` (a partial clone's filtered blob), `shallow` (history cut by a shallow
    /// clone) make it exit 2 even with it; `binary` (--no-binary), `archive` (zip, jar,
    /// whl, gzip, bzip2, xz, zstd, 7z: not extracted), `lfs` (a Git LFS pointer; the object
    /// is not in git) are only counted.
    #[arg(long)]
    pub accept_skips: bool,
    /// Print nothing but errors; the exit code tells the result.
    #[arg(short, long)]
    pub quiet: bool,
    /// The git repository (default: discovered from the current directory).
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Revisions, as `git rev-list` takes them: only positive ones (`main`, `HEAD v2`)
    /// audit every blob they reach; any exclusion (`A..B`, `A...B`, `^A B`, `C^!`) checks
    /// only what the selected commits add; none audits every blob in the repository
    /// (every ref, plus unreachable objects).
    #[arg(value_name = "REV")]
    pub revs: Vec<String>,
    #[command(flatten)]
    pub common: ScanArgs,
    #[command(flatten)]
    pub remote: RemoteArgs,
}

// `history` over repositories named by URL or listed by a forge (issue 18). Clones use
// git's credential helpers and ssh keys; over https, `LEAKGATE_GIT_TOKEN` (user name
// `LEAKGATE_GIT_USERNAME`, default `x-access-token`) is sent to each repository's host.
// (A plain comment, as on `ScanArgs`.)
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Many repositories")]
pub struct RemoteArgs {
    /// Audit every repository listed in FILE, one URL per line (`#` starts a comment).
    /// One report covers all; each finding names its repository.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["repo", "github_org", "gitlab_group"])]
    pub repos: Option<PathBuf>,
    /// Audit every repository of a GitHub organisation (token: GITHUB_TOKEN or GH_TOKEN).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["repo", "gitlab_group"])]
    pub github_org: Option<String>,
    /// Audit every project of a GitLab group and its subgroups (token: GITLAB_TOKEN).
    #[arg(long, value_name = "GROUP", conflicts_with = "repo")]
    pub gitlab_group: Option<String>,
    /// The forge's API for --github-org / --gitlab-group (Enterprise Server, self-managed):
    /// default GITHUB_API_URL or `https://api.github.com`, CI_API_V4_URL or
    /// `https://gitlab.com/api/v4`.
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,
    /// Leave out archived repositories.
    #[arg(long)]
    pub skip_archived: bool,
    /// Leave out forks.
    #[arg(long)]
    pub skip_forks: bool,
    /// Repositories cloned and audited at the same time.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub jobs: usize,
    /// Print the repositories the listing holds, one URL per line, and exit without
    /// auditing: a list for --repos or scripts/shard-audit.sh.
    #[arg(long)]
    pub list_repos: bool,
}

#[derive(Debug, Args)]
pub struct StagedArgs {
    /// Also scan the index version of these paths (files or folders) in full when they
    /// have no staged change; a path with a staged change is checked for what it adds, as
    /// always. This is how `pre-commit run --all-files` passes every tracked file.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: ScanArgs,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Files or directories to scan; `-` reads standard input (default: `.`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Scan files that .gitignore, .ignore or .git/info/exclude would skip.
    #[arg(long)]
    pub no_ignore: bool,
    #[command(flatten)]
    pub common: ScanArgs,
}

#[derive(Debug, Args)]
pub struct DotenvArgs {
    /// The work tree to check (default: `.`).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Append ignore patterns to .gitignore for every offending file.
    #[arg(long)]
    pub fix: bool,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The rule whose verifier to use (see `leakgate rules list`).
    #[arg(long, value_name = "ID")]
    pub rule: String,
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    /// The rule whose revoker to use (docs/revoke.md lists the rules that have one).
    #[arg(long, value_name = "ID")]
    pub rule: String,
    /// Revoke without asking on the terminal (needed when there is no terminal).
    #[arg(long)]
    pub yes: bool,
    /// Print the secret whole instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Config file; its `[verify]` table (endpoints for self-managed servers, timeout_ms,
    /// insecure_hosts) applies to revocation too.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum RulesCommand {
    /// The rules in force (built-in and from config), one per line.
    List {
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Self-test rules: compile, examples match, negative examples don't.
    Check {
        /// Rule files to check (default: the built-in rules).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum HookCommand {
    /// Write .git/hooks/pre-commit and commit-msg (and pre-push with --pre-push).
    Install {
        /// Also install a pre-push hook that scans the pushed commits.
        #[arg(long)]
        pre_push: bool,
        /// Overwrite hooks that leakgate did not write.
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "DIR")]
        repo: Option<PathBuf>,
    },
    /// Scan the commits a pre-commit framework push sends: `leakgate history
    /// $PRE_COMMIT_FROM_REF..$PRE_COMMIT_TO_REF` (the `leakgate-push` hook's entry).
    PushRange {
        /// Options passed on to `leakgate history` (e.g. `--format json`).
        #[arg(
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "HISTORY OPTION"
        )]
        options: Vec<String>,
    },
    /// Check a commit message before git records it (the commit-msg hook; git and the
    /// pre-commit framework pass the message file).
    CommitMsg {
        #[command(flatten)]
        common: ScanArgs,
        /// The file holding the message (`.git/COMMIT_EDITMSG`).
        #[arg(value_name = "MESSAGE FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Where to write the baseline (a JSON report).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What to scan: `scan` paths (default `.`), or with --history the whole history.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Take the baseline over the git history instead of the work tree.
    #[arg(long)]
    pub history: bool,
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    pub repo: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The whole command tree, deferred subcommands expanded, passes clap's own checks
    /// (names, conflicts, value parsers), and every subcommand has its arguments.
    #[test]
    fn the_command_tree_is_well_formed_with_deferred_subcommands() {
        let mut command = Cli::command();
        command.build();
        command.clone().debug_assert();
        let scan = command.find_subcommand("scan").expect("scan");
        assert!(scan.get_arguments().any(|a| a.get_id() == "threads"));
        let install = command
            .find_subcommand("hook")
            .and_then(|hook| hook.find_subcommand("install"))
            .expect("hook install");
        assert!(install.get_arguments().any(|a| a.get_id() == "pre_push"));
    }

    /// A deferred subcommand's help says what the subcommand does (its variant's doc), not
    /// what a flattened argument struct's doc would say: expanding it adds arguments only.
    #[test]
    fn deferred_subcommands_keep_their_own_about() {
        let mut command = Cli::command();
        command.build();
        let about = |path: &[&str]| {
            let mut sub = &command;
            for name in path {
                sub = sub.find_subcommand(name).expect(name);
            }
            sub.get_about().map(ToString::to_string).unwrap_or_default()
        };
        assert!(about(&["scan"]).starts_with("Scan files and directory trees"));
        assert!(about(&["staged"]).starts_with("Scan what the next commit records"));
        assert!(about(&["history"]).starts_with("Scan git history"));
        assert!(about(&["hook", "commit-msg"]).starts_with("Check a commit message"));
        for sub in command.get_subcommands() {
            assert!(!about(&[sub.get_name()]).is_empty(), "{}", sub.get_name());
        }
    }

    /// Parsing reaches a deferred subcommand's arguments, and an unknown one is still an
    /// error that names it.
    #[test]
    fn deferred_subcommands_parse_their_arguments() {
        let cli = Cli::try_parse_from(["leakgate", "scan", "--threads", "1", "a.txt"]).unwrap();
        assert!(matches!(cli.command, Command::Scan(_)));
        let err = Cli::try_parse_from(["leakgate", "scan", "--no-such-flag"]).unwrap_err();
        assert!(err.to_string().contains("--no-such-flag"), "{err}");
        let cli = Cli::try_parse_from(["leakgate", "rules", "check"]).unwrap();
        assert!(matches!(
            cli.command,
            Command::Rules(RulesCommand::Check { .. })
        ));
    }
}
