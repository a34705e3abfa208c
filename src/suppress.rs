//! Suppression after scanning: allowed paths, allowed secrets, fingerprints from the config,
//! `.leakgateignore` and `--baseline` (SPEC §6).
//!
//! Inline `leakgate:allow` is handled by the engine because it needs the line; everything
//! here works on finished [`Finding`]s, so every source (scan, staged, history) gets the
//! same behaviour by calling [`Suppressor::apply`]. Fingerprints name a secret, not a place,
//! so a new secret on a suppressed line is still reported.

use crate::config::{is_fingerprint, Settings};
use crate::finding::Finding;
use ignore::gitignore::Gitignore;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// File at the root listing fingerprints to ignore, one per line, `#` comments.
pub const IGNORE_FILE_NAME: &str = ".leakgateignore";

/// Why a finding was suppressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SuppressedBy {
    /// `leakgate:allow` or `gitleaks:allow` on the line (dropped by the engine, counted here).
    InlineMarker,
    AllowedPath,
    AllowedSecret,
    ConfigFingerprint,
    IgnoreFile,
    Baseline,
}

impl SuppressedBy {
    /// How the summary and the JSON `summary.suppressed` object name this reason.
    pub fn label(self) -> &'static str {
        match self {
            SuppressedBy::InlineMarker => "inline leakgate:allow",
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
    /// Builds the lists from the config's compiled allowlist, `.leakgateignore` at `root`,
    /// and a baseline file.
    pub fn new(
        config: &Settings,
        root: &Path,
        baseline: Option<&Path>,
    ) -> anyhow::Result<Suppressor> {
        let paths = config.allow.paths.clone();
        let secrets = config.allow.secrets.clone();
        let config_fingerprints = config.allow.fingerprints.clone();
        let mut ignore_file = HashSet::new();
        for folder in ignore_file_folders(config, root) {
            let path = folder.join(IGNORE_FILE_NAME);
            if path.is_file() {
                ignore_file.extend(read_ignore_file(&path)?);
            }
        }
        let baseline = match baseline {
            Some(path) => read_baseline(path)?,
            None => HashSet::new(),
        };
        Ok(Suppressor {
            root: absolute(&config.origin.root),
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
    ///
    /// Every fingerprint list holding the finding's fingerprint counts as used, even when
    /// another list or an allowed path suppresses it first: `--report-unused` should list
    /// only entries that name nothing that was found.
    pub fn reason(&self, finding: &Finding, base: &Path) -> Option<SuppressedBy> {
        let fp = finding.fingerprint.to_string();
        let by_fingerprint: Vec<SuppressedBy> = [
            (&self.config_fingerprints, SuppressedBy::ConfigFingerprint),
            (&self.ignore_file, SuppressedBy::IgnoreFile),
            (&self.baseline, SuppressedBy::Baseline),
        ]
        .into_iter()
        .filter(|(set, _)| set.contains(&fp))
        .map(|(_, by)| by)
        .collect();
        if !by_fingerprint.is_empty() {
            let mut used = self.used.lock().expect("not poisoned");
            for &by in &by_fingerprint {
                used.insert((by, fp.clone()));
            }
        }
        if let Some(path) = &finding.path {
            if self.path_allowed(&base.join(&**path)) {
                return Some(SuppressedBy::AllowedPath);
            }
        }
        if let Some(secret) = &finding.secret {
            if self.secrets.iter().any(|re| re.is_match(secret.expose())) {
                return Some(SuppressedBy::AllowedSecret);
            }
        }
        by_fingerprint.first().copied()
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

/// Where `.leakgateignore` is read from: beside the config file (when there is one) and at
/// `root` (the repository or scan root); both when they differ, so that a `--config` kept
/// elsewhere does not hide the root's list.
fn ignore_file_folders(config: &Settings, root: &Path) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if config.origin.path.is_some() {
        folders.push(absolute(&config.origin.root));
    }
    let root = absolute(root);
    if !folders.contains(&root) {
        folders.push(root);
    }
    folders
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
    let shown = crate::source::walk::display_path(path);
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{shown}: cannot read: {e}"))?;
    let mut out = HashSet::new();
    for (number, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        if !is_fingerprint(entry) {
            anyhow::bail!(
                "{shown}: line {}: `{entry}` is not a fingerprint (16 hex digits)",
                number + 1
            );
        }
        out.insert(entry.to_ascii_lowercase());
    }
    Ok(out)
}

/// The fingerprints of an earlier JSON report (`leakgate baseline`, `--format json`).
/// Anything else is an error rather than an empty baseline: a wrong file must not pass
/// silently, nor suppress everything.
fn read_baseline(path: &Path) -> anyhow::Result<HashSet<String>> {
    let shown = crate::source::walk::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{shown}: cannot read baseline: {e}"))?;
    let not_a_report = |why: String| {
        anyhow::anyhow!(
            "{shown}: not a leakgate JSON report ({why}); write one with `leakgate baseline {shown}`"
        )
    };
    let report: crate::report::json::JsonReport =
        serde_json::from_str(&text).map_err(|e| not_a_report(format!("{e}")))?;
    if let Some(schema) = &report.schema {
        if schema != crate::report::json::SCHEMA {
            return Err(not_a_report(format!("schema is {schema:?}")));
        }
    }
    let findings = report
        .findings
        .ok_or_else(|| not_a_report("no `findings` array".into()))?;
    let mut out = HashSet::new();
    for (index, finding) in findings.iter().enumerate() {
        match finding.fingerprint.as_str() {
            fp if is_fingerprint(fp) => {
                out.insert(fp.to_ascii_lowercase());
            }
            _ => {
                return Err(not_a_report(format!(
                    "finding {} has no valid `fingerprint`",
                    index + 1
                )))
            }
        }
    }
    Ok(out)
}
