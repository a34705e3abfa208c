//! `leakgate revoke --rule ID`: one secret from standard input, revoked at its issuer
//! (src/revoke/, docs/revoke.md).

use super::config_roots;
use crate::cli::RevokeArgs;
use crate::config::Settings;
use crate::exit::ExitCode;
use crate::finding::Secret;
use crate::revoke::{RevokeMeans, Revoker};
use crate::rules::Rule;
use anyhow::Context;
use std::io::{BufRead, Write};

/// `leakgate revoke --rule ID [--yes]`: reads one secret from standard input (never from
/// argv, where shell history and `ps` would see it), asks on the terminal unless `--yes`,
/// sends the provider's revocation request and prints what it answered. Exit 0 revoked (or
/// the request accepted), 1 the issuer does not accept the secret (nothing to revoke), 2
/// failed, not confirmed, or an error.
pub fn run(args: &RevokeArgs) -> anyhow::Result<ExitCode> {
    let roots = config_roots(&[]);
    let settings = Settings::discover(args.config.as_deref(), &roots)?;
    let rules = settings.rules.build()?;
    let rule = rules
        .get(&args.rule)
        .with_context(|| format!("no rule has id `{}` (see `leakgate rules list`)", args.rule))?;
    if rule.revoke().is_none() {
        let mut with: Vec<&str> = rules
            .rules
            .iter()
            .filter(|r| r.revoke().is_some())
            .map(|r| &*r.id)
            .collect();
        with.sort_unstable();
        anyhow::bail!(
            "rule `{}` has no revoker: its provider documents no way to revoke a token with the token itself (rules with one: {})",
            rule.id,
            with.join(", ")
        );
    }
    let secret = read_secret(rule)?;
    let shown = if args.show_secrets {
        secret.expose().to_string()
    } else {
        secret.redacted()
    };
    let revoker = Revoker::from_config(&settings.verify);
    let host = revoker.host(rule).unwrap_or_else(|| "?".into());
    if !args.yes {
        let question = format!(
            "Revoke this {} ({shown}) at {host}? It stops working everywhere it is used, and it cannot be undone. [y/N] ",
            rule.title()
        );
        match ask_on_terminal(&question)? {
            Some(true) => {}
            Some(false) => {
                eprintln!("leakgate: not revoked (not confirmed)");
                return Ok(ExitCode::Error);
            }
            None => anyhow::bail!(
                "no terminal to ask for confirmation on: pass --yes to revoke without asking"
            ),
        }
    }
    let revocation = revoker.revoke(rule, &secret);
    println!(
        "{}: {} ({shown}): {}",
        rule.id,
        revocation.label(),
        revocation.detail
    );
    Ok(match revocation.status {
        RevokeMeans::Revoked | RevokeMeans::Submitted => ExitCode::Clean,
        RevokeMeans::Invalid => ExitCode::Findings,
        RevokeMeans::Failed => {
            if let Some(remediation) = rule.remediation() {
                println!("→ revoke it by hand: {remediation}");
            }
            ExitCode::Error
        }
    })
}

/// One secret on one line from standard input.
fn read_secret(rule: &Rule) -> anyhow::Result<Secret> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprintln!("leakgate: paste the secret, then press Enter and Ctrl-D");
    }
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut input)
        .context("standard input")?;
    let value = input.trim_end_matches(['\n', '\r']);
    if value.trim().is_empty() {
        anyhow::bail!(
            "standard input: no secret to revoke (pipe it in: `leakgate revoke --rule {} < file`)",
            rule.id
        );
    }
    if value.contains(['\n', '\r']) {
        anyhow::bail!("standard input: expected one secret on one line");
    }
    Ok(Secret::new(value))
}

/// Asks `question` on the controlling terminal (standard input holds the secret): `None`
/// when there is none to ask on, which is also the case when standard error is not a
/// terminal (a script, a CI job).
fn ask_on_terminal(question: &str) -> anyhow::Result<Option<bool>> {
    if !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return Ok(None);
    }
    let Ok(tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return Ok(None);
    };
    let mut writer = tty.try_clone().context("the terminal")?;
    let answer = confirm(question, &mut std::io::BufReader::new(tty), &mut writer)
        .context("the terminal")?;
    Ok(Some(answer))
}

/// Writes `question`, reads one line: only `y` or `yes` (any case) confirm.
pub fn confirm(
    question: &str,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> std::io::Result<bool> {
    output.write_all(question.as_bytes())?;
    output.flush()?;
    let mut line = String::new();
    input.read_line(&mut line)?;
    let answer = line.trim().to_ascii_lowercase();
    Ok(answer == "y" || answer == "yes")
}

#[cfg(test)]
mod tests {
    use super::confirm;

    #[test]
    fn only_yes_confirms() {
        for (typed, expected) in [
            ("y\n", true),
            ("YES\n", true),
            (" yes \n", true),
            ("\n", false),
            ("n\n", false),
            ("yep\n", false),
            ("", false),
        ] {
            let mut shown = Vec::new();
            let answer = confirm("Revoke? [y/N] ", &mut typed.as_bytes(), &mut shown).unwrap();
            assert_eq!(answer, expected, "{typed:?}");
            assert_eq!(shown, b"Revoke? [y/N] ");
        }
    }
}
