//! Plain settings: the command line plus `.leakgate.toml` (SPEC §6).
//!
//! Every default lives here, documented where it is defined. Loading a config file checks
//! and builds it into [`Settings`]: the compiled allowlist, the verifier's settings, and a
//! [`RuleSource`] that builds the rule set on whichever thread needs it. The rest of the
//! program reads a [`Config`] and never sees clap or TOML. Unknown keys and bad values are
//! errors naming the file, the line and the key, never silently ignored: a misspelt
//! `[allow]` entry that quietly allowed nothing would be a false sense of safety.

use crate::cli::{ColorChoice, Format, ScanArgs};
use crate::pipeline::Policy;
use crate::toml_location::{span_of, Step};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Name of the config file looked for at the repository or scan root.
pub const CONFIG_FILE_NAME: &str = ".leakgate.toml";
/// Default `--max-file-size`: 50 MiB.
/// Default `.env` template suffixes (SPEC §2).
pub const DEFAULT_DOTENV_TEMPLATES: &[&str] = &[
    "example", "sample", "template", "tmpl", "dist", "defaults", "schema",
];
/// Default `[verify] timeout_ms`.
pub const DEFAULT_VERIFY_TIMEOUT_MS: u64 = 10_000;
/// Default `[verify] concurrency`.
pub const DEFAULT_VERIFY_CONCURRENCY: usize = 8;

/// What is wrong with a config file: one line naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub message: String,
}

/// The contents of `.leakgate.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FileConfig {
    pub rules: RulesConfig,
    pub allow: AllowConfig,
    pub dotenv: DotenvConfig,
    pub verify: VerifyConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RulesConfig {
    /// Rule ids to switch off.
    pub disable: Vec<Spanned<String>>,
    /// More rule files, relative to the config file's folder.
    pub extra: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AllowConfig {
    /// Gitignore-style globs, relative to the config file's folder.
    pub paths: Vec<Spanned<String>>,
    /// Regexes matched against the secret.
    pub secrets: Vec<Spanned<String>>,
    /// Fingerprints (16 hex digits) to suppress everywhere.
    pub fingerprints: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DotenvConfig {
    /// Words that mark a `.env` file as a template: as its last suffix or a part of it
    /// (`.env.example`, `.env.test-example`), or in the name before `.env` (`example.env`).
    pub templates: Vec<String>,
    /// Encrypted env files (dotenv-vault, dotenvx, SOPS), recognised by content, are meant
    /// to be committed and are not findings. `false` reports them like any `.env` file.
    pub allow_encrypted: bool,
}

impl Default for DotenvConfig {
    fn default() -> Self {
        DotenvConfig {
            templates: DEFAULT_DOTENV_TEMPLATES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            allow_encrypted: true,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct VerifyConfig {
    /// Base URLs for self-hosted issuers, by the rule's `endpoint` name.
    pub endpoints: BTreeMap<String, String>,
    /// Hosts whose TLS certificates are not checked (self-signed self-hosted servers).
    pub insecure_hosts: Vec<String>,
    pub timeout_ms: u64,
    pub concurrency: usize,
}

impl Default for VerifyConfig {
    fn default() -> Self {
        VerifyConfig {
            endpoints: BTreeMap::new(),
            insecure_hosts: Vec::new(),
            timeout_ms: DEFAULT_VERIFY_TIMEOUT_MS,
            concurrency: DEFAULT_VERIFY_CONCURRENCY,
        }
    }
}

/// The raw contents of a config file, parsed but not yet built into [`Settings`].
struct LoadedConfig {
    file: FileConfig,
    origin: ConfigOrigin,
}

/// Where the config came from, and how to point at one of its lines in an error.
#[derive(Debug, Clone, Default)]
pub struct ConfigOrigin {
    /// The file's path, if one was found.
    pub path: Option<PathBuf>,
    /// The folder that relative paths in it are relative to.
    pub root: PathBuf,
    /// The file's text, for locating bad values.
    text: std::sync::Arc<str>,
}

impl ConfigOrigin {
    /// The config file's name as errors show it.
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .map(crate::source::walk::display_path)
            .unwrap_or_else(|| CONFIG_FILE_NAME.into())
    }

    /// An error about the value at `span`, naming its line and key.
    pub fn value_error(
        &self,
        span: std::ops::Range<usize>,
        key: &str,
        message: &str,
    ) -> ConfigError {
        let line = crate::toml_location::line_of(&self.text, span.start);
        ConfigError {
            file: self.display_name(),
            message: format!("line {line}: {key}: {message}"),
        }
    }

    /// An error about the value at the dotted `steps`, for values kept without a span.
    fn error_at(&self, steps: &[Step<'_>], key: &str, message: &str) -> ConfigError {
        let span = span_of(&self.text, steps).unwrap_or(0..0);
        self.value_error(span, key, message)
    }
}

/// What `.leakgate.toml` asks for, built and checked: the compiled allowlist, the rule set
/// (as a [`RuleSource`] that builds it, on whichever thread needs it), and the verifier's
/// settings. Commands read this, never the TOML.
#[derive(Debug, Default)]
pub struct Settings {
    pub origin: ConfigOrigin,
    /// `[allow]`, compiled.
    pub allow: AllowList,
    /// `[rules]`: the rule set this config asks for.
    pub rules: RuleSource,
    /// `[verify]`, checked.
    pub verify: VerifyConfig,
    /// `[dotenv]`, checked.
    pub dotenv: DotenvConfig,
}

/// `[allow]` compiled: the path globs, the secret regexes and the fingerprints.
#[derive(Debug, Clone)]
pub struct AllowList {
    /// Gitignore-style globs, rooted at the config's folder.
    pub paths: ignore::gitignore::Gitignore,
    /// Regexes matched against the secret.
    pub secrets: Vec<regex::Regex>,
    /// Fingerprints, lower case.
    pub fingerprints: std::collections::HashSet<String>,
}

impl Default for AllowList {
    fn default() -> Self {
        AllowList {
            paths: ignore::gitignore::Gitignore::empty(),
            secrets: Vec::new(),
            fingerprints: Default::default(),
        }
    }
}

/// `[rules]`: the extra rule files and disabled ids, and what builds the rule set from
/// them. Building reads rule files, so it is left to the command, which may run it beside
/// other work (the pre-commit hook loads rules while it compares the index with `HEAD`).
#[derive(Debug, Default)]
pub struct RuleSource {
    origin: ConfigOrigin,
    /// Extra rule files as written, with their paths resolved against the config's folder.
    extra: Vec<(Spanned<String>, PathBuf)>,
    disable: Vec<Spanned<String>>,
    /// `[verify] endpoints` names, each of which some rule must use.
    endpoint_names: Vec<String>,
}

impl Settings {
    /// `--config FILE` if given, else `.leakgate.toml` in the first of `roots` that has
    /// one, else defaults rooted at the first root.
    pub fn discover(explicit: Option<&Path>, roots: &[PathBuf]) -> Result<Settings, ConfigError> {
        if let Some(path) = explicit {
            return Settings::load(path);
        }
        for root in roots {
            let candidate = root.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                return Settings::load(&candidate);
            }
        }
        let root = roots.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        LoadedConfig {
            file: FileConfig::default(),
            origin: ConfigOrigin {
                root,
                ..ConfigOrigin::default()
            },
        }
        .build()
    }

    /// Reads, checks and builds one config file.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        LoadedConfig::load(path)?.build()
    }
}

impl LoadedConfig {
    /// Reads and parses one config file.
    fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let name = crate::source::walk::display_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: name.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let file: FileConfig = toml::from_str(&text).map_err(|e| ConfigError {
            file: name.clone(),
            message: crate::rules::toml_error_line(&e, &text),
        })?;
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Ok(LoadedConfig {
            file,
            origin: ConfigOrigin {
                path: Some(path.to_path_buf()),
                root,
                text: text.into(),
            },
        })
    }

    /// Checks every value and builds the [`Settings`]; the first bad value is the error.
    fn build(self) -> Result<Settings, ConfigError> {
        let allow = self.build_allow()?;
        self.check_dotenv()?;
        self.check_verify()?;
        let LoadedConfig { file, origin } = self;
        let extra = file
            .rules
            .extra
            .into_iter()
            .map(|p| {
                let path = if origin.root == Path::new(".") {
                    PathBuf::from(p.get_ref())
                } else {
                    origin.root.join(p.get_ref())
                };
                (p, path)
            })
            .collect();
        Ok(Settings {
            rules: RuleSource {
                origin: origin.clone(),
                extra,
                disable: file.rules.disable,
                endpoint_names: file.verify.endpoints.keys().cloned().collect(),
            },
            origin,
            allow,
            verify: file.verify,
            dotenv: file.dotenv,
        })
    }

    fn build_allow(&self) -> Result<AllowList, ConfigError> {
        let origin = &self.origin;
        let allow = &self.file.allow;
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&origin.root);
        for glob in &allow.paths {
            if let Err(e) = builder.add_line(None, glob.get_ref()) {
                return Err(origin.value_error(
                    glob.span(),
                    "allow.paths",
                    &format!("bad glob: {}", crate::rules::one_line(&e)),
                ));
            }
        }
        let paths = builder.build().map_err(|e| ConfigError {
            file: origin.display_name(),
            message: format!("allow.paths: {}", crate::rules::one_line(&e)),
        })?;
        let mut secrets = Vec::with_capacity(allow.secrets.len());
        for secret in &allow.secrets {
            match regex::Regex::new(secret.get_ref()) {
                Ok(re) => secrets.push(re),
                Err(e) => {
                    return Err(origin.value_error(
                        secret.span(),
                        "allow.secrets",
                        &format!("invalid regex: {}", crate::rules::one_line(&e)),
                    ))
                }
            }
        }
        let mut fingerprints = std::collections::HashSet::new();
        for fp in &allow.fingerprints {
            let value = fp.get_ref();
            if !is_fingerprint(value) {
                return Err(origin.value_error(
                    fp.span(),
                    "allow.fingerprints",
                    &format!("`{value}` is not a fingerprint (16 hex digits)"),
                ));
            }
            fingerprints.insert(value.to_ascii_lowercase());
        }
        Ok(AllowList {
            paths,
            secrets,
            fingerprints,
        })
    }

    fn check_dotenv(&self) -> Result<(), ConfigError> {
        for (index, template) in self.file.dotenv.templates.iter().enumerate() {
            if template.is_empty() || template.contains(['.', '/', '\\']) {
                return Err(self.origin.error_at(
                    &[
                        Step::Key("dotenv"),
                        Step::Key("templates"),
                        Step::Index(index),
                    ],
                    "dotenv.templates",
                    &format!("`{template}` is not a file name suffix (like `example`, no dot)"),
                ));
            }
        }
        Ok(())
    }

    fn check_verify(&self) -> Result<(), ConfigError> {
        let verify = &self.file.verify;
        let origin = &self.origin;
        for (name, base) in &verify.endpoints {
            // The verifier's own rule for base URLs (SPEC §7: https, or http on loopback).
            if let Err(problem) = crate::verify::endpoint::check_base(base) {
                return Err(origin.error_at(
                    &[Step::Key("verify"), Step::Key("endpoints"), Step::Key(name)],
                    &format!("verify.endpoints.{name}"),
                    &problem,
                ));
            }
        }
        for (index, host) in verify.insecure_hosts.iter().enumerate() {
            if host.is_empty() || host.contains(['/', ' ']) || host.contains("://") {
                return Err(origin.error_at(
                    &[
                        Step::Key("verify"),
                        Step::Key("insecure_hosts"),
                        Step::Index(index),
                    ],
                    "verify.insecure_hosts",
                    &format!("`{host}` is not a host name (like `speckle.example.org`)"),
                ));
            }
        }
        if verify.concurrency == 0 {
            return Err(origin.error_at(
                &[Step::Key("verify"), Step::Key("concurrency")],
                "verify.concurrency",
                "must be at least 1",
            ));
        }
        if verify.timeout_ms == 0 {
            return Err(origin.error_at(
                &[Step::Key("verify"), Step::Key("timeout_ms")],
                "verify.timeout_ms",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

impl RuleSource {
    /// Loads the rule set this config asks for. A missing extra rule file, an unknown id in
    /// `disable` and an endpoint name no rule uses are errors naming the config's line.
    /// Safe to call from any thread.
    pub fn build(&self) -> anyhow::Result<crate::rules::RuleSet> {
        let origin = &self.origin;
        for (extra, path) in &self.extra {
            if !path.is_file() {
                return Err(origin
                    .value_error(
                        extra.span(),
                        "rules.extra",
                        &format!(
                            "`{}`: no such rule file (paths are relative to the config file)",
                            extra.get_ref()
                        ),
                    )
                    .into());
            }
        }
        let extra_files: Vec<PathBuf> = self.extra.iter().map(|(_, path)| path.clone()).collect();
        let mut set = crate::rules::RuleSet::load(&extra_files, &[])?;
        for id in &self.disable {
            if set.get(id.get_ref()).is_none() {
                return Err(origin
                    .value_error(
                        id.span(),
                        "rules.disable",
                        &format!("no rule has id `{}`", id.get_ref()),
                    )
                    .into());
            }
        }
        // Only asked when the configuration names endpoints: it builds every rule's verify
        // and revoke plan, which a plain scan never needs (issue 17, start-up).
        let endpoint_names: Vec<&str> = if self.endpoint_names.is_empty() {
            Vec::new()
        } else {
            set.rules
                .iter()
                .flat_map(|r| {
                    let verify = r.verify().map(|plan| plan.endpoint.as_str());
                    let revoke = r.revoke().map(|plan| plan.endpoint.as_str());
                    verify.into_iter().chain(revoke)
                })
                .collect()
        };
        for name in &self.endpoint_names {
            if !endpoint_names.contains(&name.as_str()) {
                return Err(origin
                    .error_at(
                        &[Step::Key("verify"), Step::Key("endpoints"), Step::Key(name)],
                        &format!("verify.endpoints.{name}"),
                        "no rule verifies or revokes through an endpoint of this name",
                    )
                    .into());
            }
        }
        let disable: Vec<&str> = self.disable.iter().map(|d| d.get_ref().as_str()).collect();
        set.rules.retain(|r| !disable.contains(&r.id.as_ref()));
        Ok(set)
    }
}

/// Whether `value` is a fingerprint: 16 hex digits (SPEC §3).
pub fn is_fingerprint(value: &str) -> bool {
    value.len() == 16 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Settings for one run of a scanning command.
#[derive(Debug)]
pub struct Config {
    pub format: Format,
    pub output: Option<PathBuf>,
    pub verify: bool,
    pub only_live: bool,
    /// `--accept-unknown`: `--only-live` may drop unverifiable findings without exit 2.
    pub accept_unknown: bool,
    /// `--min-confidence`; `low` keeps every finding.
    pub min_confidence: crate::finding::Confidence,
    /// `--min-severity`; `low` keeps every finding.
    pub min_severity: crate::finding::Severity,
    pub show_secrets: bool,
    pub baseline: Option<PathBuf>,
    pub report_unused: bool,
    pub color: ColorChoice,
    /// Worker threads; 0 lets rayon choose (one per core).
    pub threads: usize,
    /// What happens to each blob: size limit, binary handling, `.env` templates.
    pub policy: Policy,
    /// Skipped content does not turn a clean result into exit 2.
    pub accept_skips: bool,
    pub quiet: bool,
    pub repo: Option<PathBuf>,
    /// What the report is for (set by the hook commands).
    pub purpose: crate::report::Purpose,
    /// `.leakgate.toml`, built.
    pub settings: Settings,
}

/// The most worker threads `--threads` accepts: 4 per core, or 256 on a small machine.
/// More only adds contention; `--threads 100000` once stalled a machine.
pub fn max_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (4 * cores).max(256)
}

impl Config {
    /// Settings from the common scan options, with the config found from `roots`.
    pub fn from_scan_args(args: &ScanArgs, roots: &[PathBuf]) -> anyhow::Result<Config> {
        let threads = args.threads.unwrap_or(0);
        // `max_threads` is never below 256; asking for the core count reads the cgroup's
        // CPU quota files, 1-3 % of a one-file scan's start-up (issue 17).
        if threads > 256 && threads > max_threads() {
            anyhow::bail!(
                "--threads {threads}: too many; use 0 (one per core) or at most {}",
                max_threads()
            );
        }
        let settings = Settings::discover(args.config.as_deref(), roots)?;
        Ok(Config {
            format: args.format,
            output: args.output.clone(),
            verify: args.verify,
            only_live: args.only_live,
            accept_unknown: args.accept_unknown,
            min_confidence: args.min_confidence.unwrap_or_default(),
            min_severity: args.min_severity.unwrap_or_default(),
            show_secrets: args.show_secrets,
            baseline: args.baseline.clone(),
            report_unused: args.report_unused,
            color: args.color,
            threads,
            policy: Policy {
                max_file_size: args.max_file_size,
                binary: !args.no_binary,
                dotenv_templates: settings.dotenv.templates.clone(),
                dotenv_allow_encrypted: settings.dotenv.allow_encrypted,
                // The human report shows it; `--verify` reads server hints and names in it.
                keep_context: args.format == Format::Human || args.verify,
            },
            accept_skips: args.accept_skips,
            quiet: args.quiet,
            repo: args.repo.clone(),
            purpose: crate::report::Purpose::Scan,
            settings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn an_unknown_key_names_the_line() {
        let (_dir, path) = write("[allow]\npaths = []\nsecret = []\n");
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("secret"), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn a_bad_regex_names_the_line_and_key() {
        let (_dir, path) = write("[allow]\nsecrets = [\n  '^ok',\n  '(unclosed',\n]\n");
        let err = Settings::load(&path).unwrap_err().to_string();
        assert!(err.contains("line 4"), "{err}");
        assert!(err.contains("allow.secrets"), "{err}");
    }

    #[test]
    fn defaults_apply_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::discover(None, &[dir.path().to_path_buf()]).unwrap();
        assert!(settings.origin.path.is_none());
        assert_eq!(settings.verify.concurrency, DEFAULT_VERIFY_CONCURRENCY);
        assert_eq!(settings.dotenv.templates.len(), 7);
        assert!(settings.dotenv.allow_encrypted);
    }
}
