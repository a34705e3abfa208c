//! Replays a revoker's recorded answers (`[[rule.revoke.sample]]`) for `rules check`.
//!
//! As for verifiers (`verify::replay`): each sample is served by a one-shot server on
//! 127.0.0.1 standing in for the rule's own host, the rule's revoker runs against it with
//! the secret of the rule's first example, and what it makes of the answer must be the
//! sample's `expect`. A built-in rule's revoker must record a revocation (`revoked`) and at
//! least one answer that is not one.

use super::Revoker;
use crate::finding::Secret;
use crate::rules::Rule;
use crate::verify::replay::{example_secret, OneAnswerServer};
use crate::verify::spec::{Means, Sample};

/// Replays every revoker of `set`: (problems, samples replayed), each problem naming the
/// rule's file and id. Missing samples are a problem for built-in rules (`builtin`) only.
pub fn check_set(set: &crate::rules::RuleSet, builtin: bool) -> (Vec<String>, usize) {
    let (mut problems, mut count) = (Vec::new(), 0);
    for rule in set.rules.iter().filter(|r| r.revoke().is_some()) {
        let (failures, replayed) = replay_rule(rule, builtin);
        count += replayed;
        problems.extend(
            failures
                .iter()
                .map(|p| format!("{}: rule `{}`: {p}", rule.origin, rule.id)),
        );
    }
    (problems, count)
}

/// Replays `rule`'s revocation samples: (problems, samples replayed).
pub fn replay_rule(rule: &Rule, require_samples: bool) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let Some(plan) = rule.revoke() else {
        return (problems, 0);
    };
    if require_samples {
        if !plan.samples.iter().any(|s| s.case == "revoked") {
            problems.push(
                "no `[[rule.revoke.sample]]` answer for a revocation (case = \"revoked\")".into(),
            );
        }
        if !plan.samples.iter().any(|s| s.case != "revoked") {
            problems.push(
                "no `[[rule.revoke.sample]]` answer that is not a revocation (invalid, missing-scope, error)".into(),
            );
        }
    }
    let Some(secret) = example_secret(rule) else {
        if !plan.samples.is_empty() {
            problems
                .push("no example yields a secret to replay the revocation samples with".into());
        }
        return (problems, 0);
    };
    let mut count = 0;
    for (n, sample) in plan.samples.iter().enumerate() {
        count += 1;
        let served = Sample {
            case: sample.case.clone(),
            status: sample.status,
            headers: sample.headers.clone(),
            body: sample.body.clone(),
            expect: Means::Unknown,
            source: sample.source.clone(),
        };
        let server = match OneAnswerServer::start(&served) {
            Ok(server) => server,
            Err(e) => {
                problems.push(format!(
                    "revoke sample {} cannot be replayed: local server: {e}",
                    n + 1
                ));
                continue;
            }
        };
        let revoker = Revoker::new().stand_in(plan.endpoint.clone(), server.url());
        let got = revoker.revoke(rule, &Secret::new(secret.clone()));
        if got.status != sample.expect {
            problems.push(format!(
                "revoke sample {} ({}, HTTP {}) maps to {} but expects {} (source: {}): {}",
                n + 1,
                sample.case,
                sample.status,
                got.status.name(),
                sample.expect.name(),
                sample.source,
                got.detail
            ));
        }
    }
    (problems, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// Every built-in revoker carries its answers, and every one maps as it says.
    #[test]
    fn every_built_in_revoker_replays_its_answers() {
        let set = RuleSet::builtin().unwrap();
        let (problems, count) = check_set(&set, true);
        assert!(problems.is_empty(), "{problems:#?}");
        let revokers = set.rules.iter().filter(|r| r.revoke().is_some()).count();
        assert!(revokers >= 15, "{revokers} revokers");
        assert!(count >= 2 * revokers, "{count} samples");
    }
}
