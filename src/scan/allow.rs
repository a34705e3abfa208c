//! Suppression after scanning: allowed paths, allowed secrets, fingerprints from the config,
//! `.leakgateignore` and `--baseline` (SPEC §6).
//!
//! Inline `leakgate:allow` is handled by the engine because it needs the line; everything
//! here works on finished [`Finding`]s, so every source (scan, staged, history) gets the
//! same behaviour by calling [`Suppressor::apply`]. Fingerprints name a secret, not a place,
//! so a new secret on a suppressed line is still reported.

use crate::config::LoadedConfig;
use crate::finding::Finding;
use anyhow::Context;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// File at the root listing fingerprints to ignore, one per line, `#` comments.
pub const IGNORE_FILE_NAME: &str = ".leakgateignore";

/// Why a finding was suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SuppressedBy {
    AllowedPath,
    AllowedSecret,
    ConfigFingerprint,
    IgnoreFile,
    Baseline,
}

impl SuppressedBy {
    pub fn label(self) -> &'static str {
        match self {
            SuppressedBy::AllowedPath => "allow.paths",
            SuppressedBy::AllowedSecret => "allow.secrets",
            SuppressedBy::ConfigFingerprint => "allow.fingerprints",
            SuppressedBy::IgnoreFile => IGNORE_FILE_NAME,
            SuppressedBy::Baseline => "baseline",
        }
    }
}

/// The suppression lists of one run.
pub struct Suppressor {
    root: PathBuf,
    paths: Gitignore,
    secrets: Vec<regex::Regex>,
    config_fingerprints: HashSet<String>,
    ignore_file: HashSet<String>,
    baseline: HashSet<String>,
    used: Mutex<HashSet<(SuppressedBy, String)>>,
}

impl Suppressor {
    /// Builds the lists from the config, `.leakgateignore` at `root`, and a baseline file.
    pub fn new(
        config: &LoadedConfig,
        root: &Path,
        baseline: Option<&Path>,
    ) -> anyhow::Result<Suppressor> {
        let mut builder = GitignoreBuilder::new(&config.root);
        for glob in &config.file.allow.paths {
            builder.add_line(None, glob).with_context(|| {
                format!("{}: allow.paths: bad glob `{glob}`", config_name(config))
            })?;
        }
        let paths = builder
            .build()
            .with_context(|| format!("{}: allow.paths", config_name(config)))?;
        let secrets = config
            .file
            .allow
            .secrets
            .iter()
            .map(|s| regex::Regex::new(s.get_ref()).expect("checked when the config was loaded"))
            .collect();
        let config_fingerprints = config
            .file
            .allow
            .fingerprints
            .iter()
            .map(|f| f.get_ref().to_ascii_lowercase())
            .collect();
        let ignore_path = root.join(IGNORE_FILE_NAME);
        let ignore_file = if ignore_path.is_file() {
            read_ignore_file(&ignore_path)?
        } else {
            HashSet::new()
        };
        let baseline = match baseline {
            Some(path) => read_baseline(path)?,
            None => HashSet::new(),
        };
        Ok(Suppressor {
            root: absolute(&config.root),
            paths,
            secrets,
            config_fingerprints,
            ignore_file,
            baseline,
            used: Mutex::new(HashSet::new()),
        })
    }

    /// Whether `path` (relative to the current directory, or absolute) is allowed, so need
    /// not be read at all.
    pub fn path_allowed(&self, path: &Path) -> bool {
        if self.paths.is_empty() {
            return false;
        }
        let absolute = absolute(path);
        match absolute.strip_prefix(&self.root) {
            Ok(relative) => self
                .paths
                .matched_path_or_any_parents(relative, false)
                .is_ignore(),
            Err(_) => false,
        }
    }

    /// Why `finding` is suppressed, if it is. `base` is what its path is relative to.
    pub fn reason(&self, finding: &Finding, base: &Path) -> Option<SuppressedBy> {
        if let Some(path) = &finding.path {
            if self.path_allowed(&base.join(path)) {
                return Some(SuppressedBy::AllowedPath);
            }
        }
        if let Some(secret) = &finding.secret {
            if self.secrets.iter().any(|re| re.is_match(secret.expose())) {
                return Some(SuppressedBy::AllowedSecret);
            }
        }
        let fp = &finding.fingerprint;
        for (set, by) in [
            (&self.config_fingerprints, SuppressedBy::ConfigFingerprint),
            (&self.ignore_file, SuppressedBy::IgnoreFile),
            (&self.baseline, SuppressedBy::Baseline),
        ] {
            if set.contains(fp) {
                self.used
                    .lock()
                    .expect("not poisoned")
                    .insert((by, fp.clone()));
                return Some(by);
            }
        }
        None
    }

    /// Drops suppressed findings; returns the kept ones and a count per reason.
    pub fn apply(
        &self,
        findings: Vec<Finding>,
        base: &Path,
    ) -> (Vec<Finding>, BTreeMap<SuppressedBy, usize>) {
        let mut counts = BTreeMap::new();
        let kept = findings
            .into_iter()
            .filter(|f| match self.reason(f, base) {
                Some(by) => {
                    *counts.entry(by).or_insert(0) += 1;
                    false
                }
                None => true,
            })
            .collect();
        (kept, counts)
    }

    /// Fingerprint entries that suppressed nothing in this run: `(where, fingerprint)`.
    pub fn unused(&self) -> Vec<(SuppressedBy, String)> {
        let used = self.used.lock().expect("not poisoned");
        let mut out: Vec<(SuppressedBy, String)> = [
            (&self.config_fingerprints, SuppressedBy::ConfigFingerprint),
            (&self.ignore_file, SuppressedBy::IgnoreFile),
            (&self.baseline, SuppressedBy::Baseline),
        ]
        .into_iter()
        .flat_map(|(set, by)| set.iter().map(move |fp| (by, fp.clone())))
        .filter(|entry| !used.contains(entry))
        .collect();
        out.sort();
        out
    }
}

fn config_name(config: &LoadedConfig) -> String {
    config
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| crate::config::CONFIG_FILE_NAME.into())
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Normalise `.` and `..` without touching the file system (the path may not exist).
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `.leakgateignore`: one fingerprint per line, `#` starts a comment.
fn read_ignore_file(path: &Path) -> anyhow::Result<HashSet<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out = HashSet::new();
    for (number, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        if entry.len() != 16 || !entry.bytes().all(|b| b.is_ascii_hexdigit()) {
            anyhow::bail!(
                "{}: line {}: `{entry}` is not a fingerprint (16 hex digits)",
                path.display(),
                number + 1
            );
        }
        out.insert(entry.to_ascii_lowercase());
    }
    Ok(out)
}

/// The fingerprints of an earlier JSON report (`--format json`).
fn read_baseline(path: &Path) -> anyhow::Result<HashSet<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read baseline", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}: not a JSON report: {e}", path.display()))?;
    let findings = value
        .get("findings")
        .and_then(|f| f.as_array())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}: not a leakgate JSON report (no `findings` array)",
                path.display()
            )
        })?;
    Ok(findings
        .iter()
        .filter_map(|f| f.get("fingerprint").and_then(|v| v.as_str()))
        .map(str::to_ascii_lowercase)
        .collect())
}
