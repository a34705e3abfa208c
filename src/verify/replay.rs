//! Replays a verifier's recorded answers (`[[rule.verify.sample]]`) for `rules check`.
//!
//! Each sample is served by a one-shot HTTP server on 127.0.0.1 standing in for the rule's
//! own hosts (every attempt gets the same answer), the rule's verifier is run against it
//! with a secret taken from the rule's first example, and the status it maps the answer to
//! must be the sample's `expect`. A built-in verifier must carry samples for a live secret
//! and a rejected one (`invalid`, `revoked` or `expired`); a user's rule may omit them, and
//! is then only warned about.

use super::spec::{Means, Sample};
use super::VerifierBuilder;
use crate::finding::{Secret, VerifyStatus};
use crate::rules::Rule;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Built-in verifiers whose answer table is still to be written (docs/verify.md keeps the
/// same list). `rules check` warns about them instead of failing; the test suite holds this
/// list to exactly the verifiers without a table, so it can only shrink.
pub const TABLE_PENDING: &[&str] = &[];

/// What replaying one rule's samples found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Samples that map to another status than they expect, or cannot be replayed.
    pub failures: Vec<String>,
    /// A table that lacks the samples a built-in verifier must have.
    pub missing: Vec<String>,
    /// How many samples were replayed.
    pub count: usize,
}

/// Replays every verifier of `set` for `rules check`: (problems, warnings, samples
/// replayed), each line naming the rule's file and id. A missing answer table is a problem
/// for built-in rules (`builtin`) and a warning for a user's.
pub fn check_set(set: &crate::rules::RuleSet, builtin: bool) -> (Vec<String>, Vec<String>, usize) {
    let (mut problems, mut warnings, mut count) = (Vec::new(), Vec::new(), 0);
    for rule in set.rules.iter().filter(|r| r.verify().is_some()) {
        let result = replay_rule(rule);
        count += result.count;
        let name = |problem: &String| format!("{}: rule `{}`: {problem}", rule.origin, rule.id);
        problems.extend(result.failures.iter().map(name));
        if builtin && !TABLE_PENDING.contains(&rule.id.as_ref()) {
            problems.extend(result.missing.iter().map(name));
        } else if builtin {
            if !result.missing.is_empty() {
                warnings.push(name(
                    &"answer table pending (see docs/verify.md)".to_string(),
                ));
            }
        } else {
            warnings.extend(result.missing.iter().map(name));
        }
    }
    (problems, warnings, count)
}

/// Replays `rule`'s samples; a rule without a verifier has nothing to replay.
pub fn replay_rule(rule: &Rule) -> Replayed {
    let mut out = Replayed::default();
    let Some(plan) = rule.verify() else {
        return out;
    };
    let has = |cases: &[&str]| {
        plan.samples
            .iter()
            .any(|s| cases.contains(&s.case.as_str()))
    };
    if !has(&["live"])
        && !matches!(
            plan.check,
            super::spec::Check::Builtin(super::spec::Builtin::Spell)
        )
    {
        out.missing
            .push("no `[[rule.verify.sample]]` answer for a live secret (case = \"live\")".into());
    }
    if !has(&["invalid", "revoked", "expired"])
        && !matches!(
            plan.check,
            super::spec::Check::Builtin(super::spec::Builtin::Spell)
        )
    {
        out.missing.push(
            "no `[[rule.verify.sample]]` answer for a rejected secret (case = \"invalid\", \"revoked\" or \"expired\")"
                .into(),
        );
    }
    let Some(secret) = example_secret(rule) else {
        if !plan.samples.is_empty() {
            out.failures
                .push("no example yields a secret to replay the samples with".into());
        }
        return out;
    };
    for (n, sample) in plan.samples.iter().enumerate() {
        out.count += 1;
        match replay_sample(rule, &plan.endpoint, sample, &secret) {
            Ok(status) if status == sample.expect => {}
            Ok(status) => out.failures.push(format!(
                "sample {} ({}, HTTP {}) maps to {} but expects {} (source: {})",
                n + 1,
                sample.case,
                sample.status,
                status.name(),
                sample.expect.name(),
                sample.source
            )),
            Err(reason) => out
                .failures
                .push(format!("sample {} cannot be replayed: {reason}", n + 1)),
        }
    }
    out
}

/// The secret of the rule's first example that its regex matches (also for replaying
/// `[[rule.revoke.sample]]`).
pub(crate) fn example_secret(rule: &Rule) -> Option<String> {
    if rule.is_context() {
        // A context rule has no regex: its examples go through the context engine.
        let alone = Rule::from_spec(rule.spec.clone(), &rule.origin, false).ok()?;
        let scanner = crate::scan::Scanner::new(crate::rules::RuleSet { rules: vec![alone] });
        return rule.spec.examples.iter().find_map(|example| {
            let found = scanner.scan(None, example.as_bytes());
            found.first().map(|m| m.secret.expose().to_string())
        });
    }
    let re = rule.regex()?;
    let group = Rule::secret_group(re);
    rule.spec.examples.iter().find_map(|example| {
        let caps = re.captures(example.as_bytes())?;
        let m = caps
            .get(group)
            .or_else(|| (1..caps.len()).find_map(|i| caps.get(i)))?;
        String::from_utf8(m.as_bytes().to_vec()).ok()
    })
}

fn replay_sample(
    rule: &Rule,
    endpoint: &str,
    sample: &Sample,
    secret: &str,
) -> Result<Means, String> {
    let server = OneAnswerServer::start(sample).map_err(|e| format!("local server: {e}"))?;
    let verifier = VerifierBuilder::new()
        .timeout(Duration::from_secs(5))
        .concurrency(1)
        .stand_in(endpoint, server.url())
        .build();
    let verdict = verifier.verify_with(rule, &Secret::new(secret.to_string()), &replay_clues(rule));
    Ok(match verdict.status {
        VerifyStatus::Live => Means::Live,
        VerifyStatus::Dead => Means::Dead,
        VerifyStatus::Unknown | VerifyStatus::Skipped => Means::Unknown,
    })
}

/// What the content says around the secret while replaying: for a verifier that takes its
/// host's first label from the content (`{shop}.myshopify.com`), a host of that form.
fn replay_clues(rule: &Rule) -> super::Clues {
    let mut clues = super::Clues::default();
    // The other part of a two-part credential, from the rule's own examples.
    if let Some(re) = rule.companion_regex() {
        let part = rule.spec.examples.iter().find_map(|example| {
            let caps = re.captures(example.as_bytes())?;
            let part = (1..caps.len()).find_map(|i| caps.get(i))?;
            Some(String::from_utf8_lossy(part.as_bytes()).into_owned())
        });
        clues
            .companions
            .extend(part.map(crate::finding::Secret::new));
    }
    // A session token's check signs with the temporary key pair found beside it in the file;
    // the replay stands one in (built here, so that no key-shaped text sits in the source).
    if let Some(super::spec::Check::Builtin(super::spec::Builtin::AwsSession)) =
        rule.verify().map(|p| &p.check)
    {
        clues.neighbours.push(super::Neighbour {
            rule: "aws-secret-access-key".into(),
            secret: crate::finding::Secret::new("k7Fq2ZpR9xWm4TbV8cYn".repeat(2)),
            companion: Some(crate::finding::Secret::new(format!(
                "ASIA{}",
                "Q4XWZJ7N2VB5KD3M"
            ))),
            distance: 1,
        });
    }
    if let Some(super::spec::Check::Http(plan)) = rule.verify().map(|p| &p.check) {
        if plan.host_label_from_content {
            if let Some(rest) = plan
                .attempts
                .first()
                .and_then(|a| a.url.strip_prefix("https://{{label}}."))
            {
                let suffix = rest.split(['/', '?', ':']).next().unwrap_or_default();
                clues.servers.push(format!("https://replay-shop.{suffix}"));
            }
        }
    }
    clues
}

/// A server on 127.0.0.1 that gives every request the same answer (also for replaying
/// `[[rule.revoke.sample]]`).
pub(crate) struct OneAnswerServer {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl OneAnswerServer {
    pub(crate) fn start(sample: &Sample) -> std::io::Result<OneAnswerServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        listener.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        let answer = render(sample);
        let stopping = Arc::clone(&stop);
        std::thread::spawn(move || {
            while !stopping.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                        let mut reader = BufReader::new(stream);
                        if read_request(&mut reader).is_ok() {
                            let mut stream = reader.into_inner();
                            let _ = stream.write_all(&answer);
                            let _ = stream.flush();
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        Ok(OneAnswerServer { port, stop })
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for OneAnswerServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Reads one request (head and `Content-Length` body) and drops it.
fn read_request(reader: &mut impl BufRead) -> std::io::Result<()> {
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length.min(1 << 20)];
    reader.read_exact(&mut body)
}

/// The sample as an HTTP/1.1 answer; JSON unless its headers say otherwise.
fn render(sample: &Sample) -> Vec<u8> {
    let mut head = format!("HTTP/1.1 {} Sample\r\n", sample.status);
    let has_type = sample
        .headers
        .keys()
        .any(|k| k.eq_ignore_ascii_case("content-type"));
    if !has_type {
        head.push_str("Content-Type: application/json\r\n");
    }
    for (name, value) in &sample.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        sample.body.len()
    ));
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(sample.body.as_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// Every built-in verifier carries its answer table, and every row maps as it says.
    #[test]
    fn every_built_in_verifier_replays_its_answer_table() {
        let set = RuleSet::builtin().unwrap();
        let mut problems = Vec::new();
        let mut replayed = 0;
        let mut without_table = Vec::new();
        for rule in set.rules.iter().filter(|r| r.verify().is_some()) {
            let result = replay_rule(rule);
            replayed += result.count;
            for problem in &result.failures {
                problems.push(format!("{}: {problem}", rule.id));
            }
            if !result.missing.is_empty() {
                without_table.push(rule.id.as_ref());
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(replayed > 0);
        without_table.sort_unstable();
        let mut pending = TABLE_PENDING.to_vec();
        pending.sort_unstable();
        assert_eq!(
            without_table, pending,
            "TABLE_PENDING must list exactly the built-in verifiers without an answer table"
        );
        let (problems, _, _) = check_set(&set, true);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn docs_list_every_built_in_verifier() {
        let docs = include_str!("../../docs/verify.md");
        let set = RuleSet::builtin().unwrap();
        for rule in set.rules.iter().filter(|r| r.verify().is_some()) {
            assert!(
                docs.contains(&format!("| `{}` |", rule.id)),
                "docs/verify.md does not list the verifier of `{}`",
                rule.id
            );
        }
    }

    #[test]
    fn a_sample_that_maps_otherwise_is_reported_with_its_source() {
        let text = r#"
[[rule]]
id = "acme-key"
title = "Acme key"
regex = '''\b(acme_[a-z0-9]{24})\b'''
keywords = ["acme_"]
examples = ["acme_0123456789abcdefghijklmn"]
negative_examples = ["acme_x"]

[rule.verify]
endpoint = "acme"
url = "https://api.acme.example/v1/me"
headers = { Authorization = "Bearer {{secret}}" }

[[rule.verify.when]]
status = [200]
means = "live"

[[rule.verify.when]]
status = [401]
json = "/error"
equals = ["invalid_key"]
means = "dead"

[[rule.verify.sample]]
case = "live"
status = 200
body = '{"id":"1"}'
expect = "live"
source = "https://docs.acme.example/me"

[[rule.verify.sample]]
case = "revoked"
status = 401
body = '{"error":"key_revoked"}'
expect = "dead"
source = "https://docs.acme.example/errors"
"#;
        let rules = crate::rules::parse_rule_file(text, "t.toml", true).unwrap();
        let result = replay_rule(&rules[0]);
        assert_eq!(result.count, 2);
        assert!(result.missing.is_empty(), "{:?}", result.missing);
        assert_eq!(result.failures.len(), 1, "{:?}", result.failures);
        assert!(result.failures[0].contains("maps to unknown but expects dead"));
        assert!(result.failures[0].contains("https://docs.acme.example/errors"));
    }

    #[test]
    fn a_verifier_without_samples_is_missing_its_table() {
        let text = r#"
[[rule]]
id = "acme-key"
title = "Acme key"
regex = '''\b(acme_[a-z0-9]{24})\b'''
keywords = ["acme_"]
examples = ["acme_0123456789abcdefghijklmn"]
negative_examples = ["acme_x"]

[rule.verify]
endpoint = "acme"
url = "https://api.acme.example/v1/me"
headers = { Authorization = "Bearer {{secret}}" }
dead_status = [401]
"#;
        let rules = crate::rules::parse_rule_file(text, "t.toml", true).unwrap();
        let result = replay_rule(&rules[0]);
        assert_eq!(result.missing.len(), 2, "{:?}", result.missing);
        assert!(result.failures.is_empty());
    }
}
