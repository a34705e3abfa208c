//! The keyword/regex pass: the prefilter's regions, each woken rule's regex run on them, and
//! the checks a candidate secret must pass (placeholder, entropy floor, validator,
//! published sample, documentation host). Kept apart from the driver in `mod.rs` because it
//! is where rule authors' regexes meet the data, and what a false positive is traced to.

use super::{checksum, entropy, AllowedLines, RawHit, Scanner};
use crate::rules::Rule;

impl Scanner {
    /// Secrets in `data` as it is, without looking inside encodings. Hits on a line with an
    /// inline allow marker are kept, flagged `allowed`, so that they can be counted.
    pub(crate) fn scan_plain(&self, path: Option<&str>, data: &[u8]) -> Vec<RawHit> {
        let mut found = Vec::new();
        let allowed = AllowedLines::new(data);
        let single_line = |rule: usize| self.rules.rules[rule].single_line();
        let mut context_regions: Vec<(usize, usize, usize)> = Vec::new();
        // Context rules' keywords on long lines give bounded stretches, not regions.
        let (regions, stretches) = self
            .prefilter
            .regions_and_stretches(data, single_line, |r| self.rules.rules[r].is_context());
        let stretches: Vec<(usize, usize, usize)> = stretches
            .iter()
            .filter(|s| self.rules.rules[s.rule].applies_to_path(path))
            .map(|s| (s.rule, s.start, s.end))
            .collect();
        for region in regions {
            let rule = &self.rules.rules[region.rule];
            if !rule.applies_to_path(path) {
                continue;
            }
            if rule.is_context() {
                context_regions.push((region.rule, region.start, region.end));
                continue;
            }
            let hay = &data[region.start..region.end];
            if !self.may_match(region.rule, hay) {
                continue;
            }
            let Some(re) = rule.regex() else { continue };
            let group = Rule::secret_group(re);
            for caps in re.captures_iter(hay) {
                let Some(m) = secret_of(&caps, group) else {
                    continue;
                };
                if m.is_empty() {
                    continue;
                }
                let (start, end) = (region.start + m.start(), region.start + m.end());
                let whole_end = caps.get(0).map_or(m.end(), |w| w.end().max(m.end()));
                if self.accepts(rule, &data[start..end])
                    && !for_documentation_host(rule, &hay[m.end()..whole_end])
                    && !user_as_password(rule, &hay[..m.start()], m.as_bytes())
                {
                    found.push(RawHit {
                        rule: region.rule,
                        start,
                        end,
                        decoded: None,
                        allowed: allowed.contains(start),
                    });
                }
            }
        }
        self.scan_context(
            path,
            data,
            &context_regions,
            &stretches,
            &allowed,
            &mut found,
        );
        found
    }

    /// Whether `hay` holds one of the literals the rule's regex cannot match without
    /// (`secret` after a `box` keyword): a window woken by a keyword in `Box<dyn Error>` is
    /// dropped for the price of a literal search, not a regex run. Rules that require no
    /// such literal may always match.
    fn may_match(&self, rule: usize, hay: &[u8]) -> bool {
        let searcher = self.required[rule].get_or_init(|| {
            let literals = self.rules.rules[rule].required_literals()?;
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(literals)
                .ok()
        });
        searcher.as_ref().is_none_or(|s| s.is_match(hay))
    }

    /// The rule's checks on one candidate secret.
    pub(crate) fn accepts(&self, rule: &Rule, secret: &[u8]) -> bool {
        let Ok(text) = std::str::from_utf8(secret) else {
            return false;
        };
        if crate::context::stand_in::placeholder::is_placeholder(text) {
            return false;
        }
        if let Some(min) = rule.min_entropy {
            if entropy::shannon(secret) < min {
                return false;
            }
        }
        let valid = match rule.validator {
            Some(validator) => checksum::Validate::validate(validator, text),
            None => true,
        };
        valid && !self.is_known_public(secret)
    }

    /// Whether `secret` is a published sample some rule lists as `known_public`.
    pub fn is_known_public(&self, secret: &[u8]) -> bool {
        !self.known_public.is_empty() && self.known_public.contains(&crate::rules::sha256(secret))
    }
}

/// The secret in one regex match: the rule's secret group; if that group took no part in
/// the match (a rule whose alternatives each capture the secret in their own group, such as
/// a token that follows its context in one form and precedes it in another), the first group
/// that did; with no groups at all, the whole match.
fn secret_of<'h>(
    caps: &regex::bytes::Captures<'h>,
    group: usize,
) -> Option<regex::bytes::Match<'h>> {
    caps.get(group)
        .or_else(|| (1..caps.len()).find_map(|i| caps.get(i)))
        .or_else(|| caps.get(0))
}

/// Whether a URL-password rule's password repeats the URL's user name (`nats://leaf_user:
/// leaf_user@`, `amqp://guest:guest@`): a test account named for itself, not a secret. `before`
/// is the text up to the password.
fn user_as_password(rule: &Rule, before: &[u8], password: &[u8]) -> bool {
    rule.validator == Some(checksum::Validator::UrlPassword)
        && before
            .strip_suffix(b":")
            .and_then(|b| b.strip_suffix(password))
            .is_some_and(|b| b.ends_with(b"//"))
}

/// Whether a URL-password rule's match continues (after the password) with `@` and a host
/// reserved for documentation (`https://user:s3cret@example.com`): such credentials are
/// samples, whatever they look like.
fn for_documentation_host(rule: &Rule, after_secret: &[u8]) -> bool {
    rule.validator == Some(checksum::Validator::UrlPassword)
        && crate::context::stand_in::url_password::is_documentation_host(&String::from_utf8_lossy(
            after_secret,
        ))
}
