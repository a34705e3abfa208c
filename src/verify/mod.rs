//! `--verify`: ask each secret's issuer whether it is still accepted (SPEC §7).
//!
//! A rule's `[rule.verify]` table is checked into a plan when the rule loads ([`spec`]); a
//! [`Verifier`], built by a [`VerifierBuilder`] from `[verify]` config, runs those plans over
//! a run's findings after suppression and before reporting (`commands::finish`). The rules it
//! keeps, whatever the rule files or scanned content say:
//!
//! - only the rule's issuer is contacted, at its URL or a `[verify.endpoints]` override,
//!   over `https` (plain `http` only to loopback) ([`endpoint`]);
//! - no redirects, one timeout per request, TLS checks off only for `insecure_hosts`
//!   ([`http`]);
//! - at most `concurrency` requests at once, and each distinct (rule, secret) pair is
//!   verified once per run however many files hold it;
//! - results are statuses, never errors: a failure is `unknown` with a reason, an endpoint
//!   that is not allowed or a rule without a verifier is `skipped`; a redirect, a 429, a 5xx
//!   or an HTML page is never `live` ([`table::triage`]);
//! - the secret never appears in a detail, error, log line or `Debug` output.
//!
//! Table verifiers live in [`table`]; Speckle and Spell, which a table cannot say, in
//! [`builtin`]. Without `--verify` nothing here runs and leakgate opens no connection.

pub mod aws;
pub mod azure;
pub mod builtin;
pub mod endpoint;
pub mod http;
pub mod replay;
pub mod sigv4;
pub mod spec;
pub mod summary;
pub mod table;

use crate::config::{VerifyConfig, DEFAULT_VERIFY_CONCURRENCY, DEFAULT_VERIFY_TIMEOUT_MS};
use crate::finding::{Finding, Secret, Verification, VerifyStatus};
use crate::rules::{Rule, RuleSet};
use spec::{Builtin, Check};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn verdict(status: VerifyStatus, detail: impl Into<String>) -> Verification {
    Verification {
        status,
        detail: detail.into(),
        scopes: Vec::new(),
        revocable: None,
    }
}

/// The issuer accepted the secret.
pub fn live(detail: impl Into<String>) -> Verification {
    verdict(VerifyStatus::Live, detail)
}

/// The issuer rejected the secret.
pub fn dead(detail: impl Into<String>) -> Verification {
    verdict(VerifyStatus::Dead, detail)
}

/// No answer that can be trusted either way.
pub fn unknown(detail: impl Into<String>) -> Verification {
    verdict(VerifyStatus::Unknown, detail)
}

/// Not asked: no verifier, or the endpoint is not allowed.
pub fn skipped(detail: impl Into<String>) -> Verification {
    verdict(VerifyStatus::Skipped, detail)
}

/// Where a verifier's requests go.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// The rule's own URLs.
    Default,
    /// A `[verify.endpoints]` base URL the user chose: its answers are the issuer's.
    Override(&'a str),
    /// A local server standing in for the rule's own hosts (`rules check`, tests): sent
    /// there, read as if the default hosts had answered.
    StandIn(&'a str),
}

impl<'a> Target<'a> {
    /// The base URL requests go to instead of the rule's, if any.
    pub fn base(&self) -> Option<&'a str> {
        match self {
            Target::Default => None,
            Target::Override(base) | Target::StandIn(base) => Some(base),
        }
    }
}

/// What the scanned content says around a secret, gathered over every finding of it: the
/// server URLs it names near the secret (never contacted) and the name it was assigned to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clues {
    /// Server base URLs named near the secret (`server_hint`).
    pub servers: Vec<String>,
    /// The text just before the secret on its line (`SPECKLE_REFRESH_TOKEN=`).
    pub names: Vec<String>,
    /// The other part of a two-part credential found near the secret (`companion`): the
    /// AWS access key id of a secret access key.
    pub companions: Vec<Secret>,
    /// Secrets of the built-in's neighbour rule ([`Builtin::neighbour_rule`]) found in the same
    /// file: the session token beside a temporary secret access key, or the secret access key
    /// (with its key id) beside a session token.
    pub neighbours: Vec<Neighbour>,
}

/// A secret of another rule found in the same file as the one verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbour {
    pub rule: String,
    pub secret: Secret,
    /// The neighbour's own `companion` (the key id beside a secret access key).
    pub companion: Option<Secret>,
    /// Lines between the two findings.
    pub distance: usize,
}

impl Clues {
    /// The neighbour of `rule` nearest the secret.
    pub fn nearest_neighbour(&self, rule: &str) -> Option<&Neighbour> {
        self.neighbours
            .iter()
            .filter(|n| n.rule == rule)
            .min_by_key(|n| n.distance)
    }
}

impl Clues {
    fn add(&mut self, finding: &Finding) {
        if let Some(server) = finding
            .context
            .as_ref()
            .and_then(|c| c.server_hint.as_ref())
        {
            if !self.servers.contains(server) {
                self.servers.push(server.clone());
            }
        }
        if let Some(companion) = finding.context.as_ref().and_then(|c| c.companion.as_ref()) {
            if !self.companions.contains(companion) {
                self.companions.push(companion.clone());
            }
        }
        if let Some(context) = &finding.context {
            let start = context
                .before
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            let name = context.before[start..].to_string();
            if !self.names.contains(&name) {
                self.names.push(name);
            }
        }
    }
}

/// Adds to `clues` the secrets of rule `wanted` found in the same file as `finding` (same path,
/// same commit), with their distance in lines.
fn add_neighbours(clues: &mut Clues, finding: &Finding, wanted: &str, findings: &[Finding]) {
    let commit = |f: &Finding| f.commit.as_ref().map(|c| c.id.clone());
    for other in findings
        .iter()
        .filter(|f| &*f.rule == wanted && f.path == finding.path && commit(f) == commit(finding))
    {
        let Some(secret) = &other.secret else {
            continue;
        };
        let distance = match (other.line, finding.line) {
            (Some(a), Some(b)) => a.abs_diff(b),
            _ => usize::MAX,
        };
        let neighbour = Neighbour {
            rule: other.rule.to_string(),
            secret: secret.clone(),
            companion: other.context.as_ref().and_then(|c| c.companion.clone()),
            distance,
        };
        if !clues.neighbours.contains(&neighbour) {
            clues.neighbours.push(neighbour);
        }
    }
}

/// Settings for a [`Verifier`]; every default is the config's.
#[derive(Clone, Debug)]
pub struct VerifierBuilder {
    timeout: Duration,
    concurrency: usize,
    endpoints: BTreeMap<String, String>,
    stand_ins: BTreeMap<String, String>,
    insecure_hosts: Vec<String>,
    progress: bool,
}

impl Default for VerifierBuilder {
    /// Timeout [`DEFAULT_VERIFY_TIMEOUT_MS`], [`DEFAULT_VERIFY_CONCURRENCY`] requests at
    /// once, every issuer at its default URL, every certificate checked.
    fn default() -> Self {
        VerifierBuilder {
            timeout: Duration::from_millis(DEFAULT_VERIFY_TIMEOUT_MS),
            concurrency: DEFAULT_VERIFY_CONCURRENCY,
            endpoints: BTreeMap::new(),
            stand_ins: BTreeMap::new(),
            insecure_hosts: Vec::new(),
            progress: false,
        }
    }
}

impl VerifierBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// The settings of a `[verify]` config table.
    pub fn from_config(config: &VerifyConfig) -> Self {
        VerifierBuilder {
            timeout: Duration::from_millis(config.timeout_ms),
            concurrency: config.concurrency,
            endpoints: config.endpoints.clone(),
            stand_ins: BTreeMap::new(),
            insecure_hosts: config.insecure_hosts.clone(),
            progress: false,
        }
    }

    /// How long one request may take, from connecting to the last byte.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many requests may be in flight at once (at least 1).
    pub fn concurrency(mut self, concurrency: usize) -> Self {
        self.concurrency = concurrency.max(1);
        self
    }

    /// Sends requests for verifiers named `name` to `base` instead of their default URL.
    pub fn endpoint(mut self, name: impl Into<String>, base: impl Into<String>) -> Self {
        self.endpoints.insert(name.into(), base.into());
        self
    }

    /// Sends requests for verifiers named `name` to `base`, but reads the answers as if the
    /// rule's own hosts had given them (a rejection there may still prove nothing). For
    /// replaying recorded answers (`rules check`) and tests.
    pub fn stand_in(mut self, name: impl Into<String>, base: impl Into<String>) -> Self {
        self.stand_ins.insert(name.into(), base.into());
        self
    }

    /// Shows a progress line on standard error while verifying (for a terminal).
    pub fn progress(mut self, show: bool) -> Self {
        self.progress = show;
        self
    }

    /// Does not check the TLS certificate of this host (and of no other).
    pub fn insecure_host(mut self, host: impl Into<String>) -> Self {
        self.insecure_hosts.push(host.into());
        self
    }

    pub fn build(self) -> Verifier {
        Verifier {
            transport: http::Transport::new(self.timeout, self.insecure_hosts),
            concurrency: self.concurrency.max(1),
            endpoints: self.endpoints,
            stand_ins: self.stand_ins,
            progress: self.progress,
            cache: Mutex::new(HashMap::new()),
        }
    }
}

/// Runs verifiers, remembering each (rule, secret) answer for the rest of the run.
pub struct Verifier {
    transport: http::Transport,
    concurrency: usize,
    endpoints: BTreeMap<String, String>,
    stand_ins: BTreeMap<String, String>,
    progress: bool,
    cache: Mutex<HashMap<(Arc<str>, Secret), Verification>>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The cache's keys are secrets: never shown.
        f.debug_struct("Verifier")
            .field("concurrency", &self.concurrency)
            .field("endpoints", &self.endpoints)
            .finish_non_exhaustive()
    }
}

impl Verifier {
    /// Verifies one secret with `rule`'s verifier (once per run).
    pub fn verify(&self, rule: &Rule, secret: &Secret) -> Verification {
        self.verify_with(rule, secret, &Clues::default())
    }

    /// [`Verifier::verify`], knowing what the content says around the secret.
    pub fn verify_with(&self, rule: &Rule, secret: &Secret, clues: &Clues) -> Verification {
        let key = (rule.id.clone(), secret.clone());
        if let Some(known) = self.cached(&key) {
            return known;
        }
        let result = self.ask(rule, secret.expose(), clues);
        self.remember(key, result.clone());
        result
    }

    fn cached(&self, key: &(Arc<str>, Secret)) -> Option<Verification> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.get(key).cloned()
    }

    fn remember(&self, key: (Arc<str>, Secret), result: Verification) {
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.insert(key, result);
    }

    /// Sets `verification` on every finding: each distinct (rule, secret) is asked once,
    /// at most `concurrency` at a time. A `file` finding has no secret and is `skipped`.
    pub fn verify_findings(&self, rules: &RuleSet, findings: &mut [Finding]) {
        let by_id: HashMap<&str, &Rule> = rules.rules.iter().map(|r| (r.id.as_ref(), r)).collect();
        let mut jobs: Vec<(&Rule, Secret, Clues)> = Vec::new();
        let mut queued: HashMap<(Arc<str>, Secret), usize> = HashMap::new();
        for finding in findings.iter() {
            let (Some(secret), Some(rule)) = (&finding.secret, by_id.get(finding.rule.as_ref()))
            else {
                continue;
            };
            let key = (rule.id.clone(), secret.clone());
            if self.cached(&key).is_some() {
                continue;
            }
            let index = *queued.entry(key).or_insert_with(|| {
                jobs.push((rule, secret.clone(), Clues::default()));
                jobs.len() - 1
            });
            jobs[index].2.add(finding);
            if let Some(Check::Builtin(builtin)) = rule.verify().map(|p| &p.check) {
                if let Some(wanted) = builtin.neighbour_rule() {
                    add_neighbours(&mut jobs[index].2, finding, wanted, findings);
                }
            }
        }
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let total = jobs.len();
        let workers = self.concurrency.min(jobs.len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some((rule, secret, clues)) = jobs.get(index) else {
                        break;
                    };
                    let result = self.ask(rule, secret.expose(), clues);
                    self.remember((rule.id.clone(), secret.clone()), result);
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if self.progress {
                        eprint!("\rleakgate: verifying {finished}/{total} secrets…");
                    }
                });
            }
        });
        if self.progress && total > 0 {
            eprint!("\r\x1b[2K");
        }
        for finding in findings.iter_mut() {
            finding.verification = Some(Box::new(match &finding.secret {
                None => skipped("a file finding has no secret to verify"),
                Some(secret) => self
                    .cached(&(finding.rule.clone(), secret.clone()))
                    .unwrap_or_else(|| skipped(format!("no rule `{}` in force", finding.rule))),
            }));
        }
    }

    /// Runs `rule`'s verifier for `secret`, uncached.
    fn ask(&self, rule: &Rule, secret: &str, clues: &Clues) -> Verification {
        let Some(plan) = rule.verify() else {
            return skipped(format!("rule `{}` has no verifier", rule.id));
        };
        let target = match (
            self.endpoints.get(&plan.endpoint),
            self.stand_ins.get(&plan.endpoint),
        ) {
            (Some(base), _) => Target::Override(base),
            (None, Some(base)) => Target::StandIn(base),
            (None, None) => Target::Default,
        };
        match &plan.check {
            Check::Builtin(Builtin::Spell) => builtin::spell(),
            Check::Builtin(Builtin::AzureStorage) => {
                azure::verify(&self.transport, &target, secret, clues)
            }
            Check::Builtin(Builtin::Aws) => aws::verify(&self.transport, &target, secret, clues),
            Check::Builtin(Builtin::AwsSession) => {
                aws::verify_session(&self.transport, &target, secret, clues)
            }
            Check::Builtin(Builtin::Speckle) => {
                builtin::speckle(&self.transport, &target, secret, clues)
            }
            Check::Http(http_plan) => table::run(
                &self.transport,
                http_plan,
                &plan.endpoint,
                &target,
                rule.provider.as_deref(),
                secret,
                clues,
            ),
        }
    }
}
