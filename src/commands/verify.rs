//! `leakgate verify --rule ID`: one secret from standard input (src/verify/).

use super::config_roots;
use crate::cli::VerifyArgs;
use crate::config::Settings;
use crate::exit::ExitCode;
use crate::finding::{Secret, VerifyStatus};
use crate::rules::RuleSet;
use crate::scan::Scanner;
use crate::verify::VerifierBuilder;
use anyhow::Context;

/// `leakgate verify --rule ID`: one secret from standard input (never from argv, where
/// shell history and `ps` would see it). Exit 0 live, 1 dead, 2 unknown, skipped or error.
pub fn run(args: &VerifyArgs) -> anyhow::Result<ExitCode> {
    let roots = config_roots(&[]);
    let settings = Settings::discover(args.config.as_deref(), &roots)?;
    let rules = settings.rules.build()?;
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
    let verifier = VerifierBuilder::from_config(&settings.verify).build();
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
        if let Some(remediation) = rule.remediation() {
            println!("→ {remediation}");
        }
        if rule.revoke().is_some() {
            println!(
                "→ or revoke it from here: leakgate revoke --rule {} (reads the secret from standard input)",
                rule.id
            );
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
    let path = rule
        .spec
        .path_examples
        .first()
        .map(crate::rules::syntax::SpecText::as_str);
    Scanner::new(RuleSet { rules: vec![alone] })
        .scan(path, value.as_bytes())
        .iter()
        .any(|m| m.secret.expose() == value)
}
