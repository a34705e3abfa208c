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

pub mod builtin;
pub mod endpoint;
pub mod http;
pub mod spec;
pub mod table;

use crate::config::{VerifyConfig, DEFAULT_VERIFY_CONCURRENCY, DEFAULT_VERIFY_TIMEOUT_MS};
use crate::finding::{Finding, Secret, Verification, VerifyStatus};
use crate::rules::{Rule, RuleSet};
use spec::{Builtin, Check, VerifyPlan};
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

fn verdict(status: VerifyStatus, detail: impl Into<String>) -> Verification {
    Verification {
        status,
        detail: detail.into(),
        scopes: Vec::new(),
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

/// Settings for a [`Verifier`]; every default is the config's.
#[derive(Clone, Debug)]
pub struct VerifierBuilder {
    timeout: Duration,
    concurrency: usize,
    endpoints: BTreeMap<String, String>,
    insecure_hosts: Vec<String>,
}

impl Default for VerifierBuilder {
    /// Timeout [`DEFAULT_VERIFY_TIMEOUT_MS`], [`DEFAULT_VERIFY_CONCURRENCY`] requests at
    /// once, every issuer at its default URL, every certificate checked.
    fn default() -> Self {
        VerifierBuilder {
            timeout: Duration::from_millis(DEFAULT_VERIFY_TIMEOUT_MS),
            concurrency: DEFAULT_VERIFY_CONCURRENCY,
            endpoints: BTreeMap::new(),
            insecure_hosts: Vec::new(),
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
            insecure_hosts: config.insecure_hosts.clone(),
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
            cache: Mutex::new(HashMap::new()),
        }
    }
}

/// Runs verifiers, remembering each (rule, secret) answer for the rest of the run.
pub struct Verifier {
    transport: http::Transport,
    concurrency: usize,
    endpoints: BTreeMap<String, String>,
    cache: Mutex<HashMap<(String, Secret), Verification>>,
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
        let key = (rule.id.clone(), secret.clone());
        if let Some(known) = self.cached(&key) {
            return known;
        }
        let result = self.ask(rule, secret.expose());
        self.remember(key, result.clone());
        result
    }

    fn cached(&self, key: &(String, Secret)) -> Option<Verification> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.get(key).cloned()
    }

    fn remember(&self, key: (String, Secret), result: Verification) {
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.insert(key, result);
    }

    /// Sets `verification` on every finding: each distinct (rule, secret) is asked once,
    /// at most `concurrency` at a time. A `file` finding has no secret and is `skipped`.
    pub fn verify_findings(&self, rules: &RuleSet, findings: &mut [Finding]) {
        let by_id: HashMap<&str, &Rule> = rules.rules.iter().map(|r| (r.id.as_str(), r)).collect();
        let mut jobs: Vec<(&Rule, Secret)> = Vec::new();
        let mut queued = std::collections::HashSet::new();
        for finding in findings.iter() {
            let (Some(secret), Some(rule)) = (&finding.secret, by_id.get(finding.rule.as_str()))
            else {
                continue;
            };
            let key = (rule.id.clone(), secret.clone());
            if self.cached(&key).is_none() && queued.insert(key) {
                jobs.push((rule, secret.clone()));
            }
        }
        let next = AtomicUsize::new(0);
        let workers = self.concurrency.min(jobs.len());
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some((rule, secret)) = jobs.get(index) else {
                        break;
                    };
                    let result = self.ask(rule, secret.expose());
                    self.remember((rule.id.clone(), secret.clone()), result);
                });
            }
        });
        for finding in findings.iter_mut() {
            finding.verification = Some(match &finding.secret {
                None => skipped("a file finding has no secret to verify"),
                Some(secret) => self
                    .cached(&(finding.rule.clone(), secret.clone()))
                    .unwrap_or_else(|| skipped(format!("no rule `{}` in force", finding.rule))),
            });
        }
    }

    /// Runs `rule`'s verifier for `secret`, uncached.
    fn ask(&self, rule: &Rule, secret: &str) -> Verification {
        let Some(spec) = &rule.verify else {
            return skipped(format!("rule `{}` has no verifier", rule.id));
        };
        let plan = match VerifyPlan::from_spec(spec) {
            Ok(plan) => plan,
            Err(reason) => return skipped(format!("bad verify table: {reason}")),
        };
        let base = self.endpoints.get(&plan.endpoint).map(String::as_str);
        match plan.check {
            Check::Builtin(Builtin::Spell) => builtin::spell(),
            Check::Builtin(Builtin::Speckle) => builtin::speckle(&self.transport, base, secret),
            Check::Http(http_plan) => {
                let request = match table::request(&http_plan, base, secret) {
                    Ok(request) => request,
                    Err(reason) => {
                        return skipped(http::scrub(
                            &format!("endpoint not allowed: {reason}"),
                            secret,
                        ))
                    }
                };
                // Name the service and the host asked, so that a token rejected by the
                // public server is not mistaken for a dead token of a self-hosted one.
                let host = request.url.host_str().unwrap_or("?").to_string();
                let issuer = match &rule.provider {
                    Some(provider) => format!("{provider} at {host}"),
                    None => host,
                };
                match self.transport.send(request, secret) {
                    Ok(answer) => table::classify(&http_plan, &answer, &issuer, secret),
                    Err(reason) => unknown(reason),
                }
            }
        }
    }
}
