//! `leakgate rules list` and `leakgate rules check`.

use super::config_roots;
use crate::config::Settings;
use crate::exit::ExitCode;
use crate::rules::RuleSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `leakgate rules list`: one rule per line.
pub fn list(config: Option<&Path>) -> anyhow::Result<ExitCode> {
    let roots = config_roots(&[]);
    let settings = Settings::discover(config, &roots)?;
    let rules = settings.rules.build()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for rule in &rules.rules {
        let kind = match rule.kind {
            crate::finding::FindingKind::Secret => "secret",
            crate::finding::FindingKind::File => "file",
        };
        let verify = if rule.verify().is_some() {
            "verify"
        } else {
            "-"
        };
        writeln!(
            out,
            "{}\t{kind}\t{verify}\t{}\t{}",
            rule.id,
            rule.title(),
            rule.origin
        )?;
    }
    out.flush()?;
    Ok(ExitCode::Clean)
}

/// `leakgate rules check [FILE...]`: built-ins by default.
pub fn check(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let set = if files.is_empty() {
        RuleSet::builtin_from_toml()?
    } else {
        let mut rules = Vec::new();
        for file in files {
            rules.extend(crate::rules::load_rule_file(file)?);
        }
        RuleSet { rules }
    };
    let mut failures: Vec<String> = super::rules_check::check(&set)
        .iter()
        .map(ToString::to_string)
        .collect();
    // Verifiers replay their recorded issuer answers against a local server.
    let (replay_problems, replay_warnings, replayed) =
        crate::verify::replay::check_set(&set, files.is_empty());
    failures.extend(replay_problems);
    // Revokers replay theirs too.
    let (revoke_problems, revoke_replayed) =
        crate::revoke::replay::check_set(&set, files.is_empty());
    failures.extend(revoke_problems);
    for warning in &replay_warnings {
        crate::source::warn(warning);
    }
    for failure in &failures {
        eprintln!("{failure}");
    }
    for note in super::rules_check::known_public_notes(&set) {
        println!("{note}");
    }
    if failures.is_empty() {
        println!(
            "{} rules checked: all compile, match their examples and no negative example; {replayed} recorded issuer answers replayed, {revoke_replayed} recorded revocation answers replayed",
            set.len()
        );
        Ok(ExitCode::Clean)
    } else {
        eprintln!("{} problem(s) in {} rules", failures.len(), set.len());
        Ok(ExitCode::Error)
    }
}
