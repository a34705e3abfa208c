//! The measuring harness the real-code sets (`heldout_real3` to `heldout_real6`, and the
//! tuning set `tuning_real7`) share: each set keeps its cases, its placeholders and their
//! generator, and how a reported secret counts as its value; filling, checking the set is
//! well formed, scanning and counting, and the alphabets and UUIDs the generators draw, live
//! here once.

use super::heldout_fresh2::Case;

/// A small seeded generator (splitmix64) for the shapes a set adds to the shared generator.
pub(super) struct Gen(pub u64);

impl Gen {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `len` characters drawn from `alphabet`.
    pub fn pick(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize] as char)
            .collect()
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| (self.next() & 0xFF) as u8).collect()
    }
}

/// The alphabets the sets' generators draw from.
/// The generic rules every real-code set measures; a set adds the provider rules its cases
/// name.
pub(super) const GENERIC_RULES: [&str; 4] = [
    "generic-password",
    "generic-secret",
    "generic-token",
    "generic-api-key",
];

pub(super) const HEX: &[u8] = b"0123456789abcdef";
pub(super) const BASE62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
pub(super) const BASE64: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
pub(super) const URLSAFE: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
pub(super) const DIGITS: &[u8] = b"0123456789";
pub(super) const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub(super) const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
pub(super) const UPPER_DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
pub(super) const LOWER_DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// A version-4 UUID.
/// Whether a reported secret is a case's value, as the later real-code sets judge it: a
/// value of a `shared` placeholder (one that stands in several lines of the case, a user
/// and a password say) only when reported whole; any other when the report holds it, or is
/// a part of it of 16 characters or more (a token reported without its scheme).
pub(super) fn reports_whole_or_long_part(
    shared: &[&str],
    placeholder: &str,
    value: &str,
    reported: &str,
) -> bool {
    if shared.contains(&placeholder) {
        return reported == value;
    }
    reported.contains(value) || (reported.len() >= 16 && value.contains(reported))
}

pub(super) fn uuid(g: &mut Gen) -> String {
    format!(
        "{}-{}-4{}-{}{}-{}",
        g.pick(HEX, 8),
        g.pick(HEX, 4),
        g.pick(HEX, 3),
        g.pick(b"89ab", 1),
        g.pick(HEX, 3),
        g.pick(HEX, 12)
    )
}

/// A PEM or OpenSSH armour line, built at run time so the repository holds none.
pub(super) fn armour(edge: &str, label: &str) -> String {
    let dashes = "-".repeat(5);
    format!("{dashes}{edge} {label}{dashes}")
}

/// A classic GitHub token as GitHub issues them: 30 random base62 characters and the CRC32
/// of that part as 6 base62 characters.
pub(super) fn github_classic_token(body: &str) -> String {
    let check = crate::scan::checksum::base62_crc32(body.as_bytes());
    ["ghp", "_", body, &check].concat()
}

/// What one held-aside set brings to the harness.
pub(super) struct BlindSet {
    /// The rules always measured; provider rules named by a case are added to them.
    pub generic: &'static [&'static str],
    /// For each rule a case may expect, the placeholders that can hold its value; a positive
    /// holds exactly one of them.
    pub measured: &'static [(&'static str, &'static [&'static str])],
    /// Placeholders that stand for a secret (a negative must hold none of them).
    pub secret_placeholders: &'static [&'static str],
    /// Every placeholder of the set and its value for one case's seed.
    pub values: fn(u64) -> Vec<(&'static str, String)>,
    /// Whether a reported secret is the case's value: `(placeholder, value, reported)`.
    pub reports_value: fn(&str, &str, &str) -> bool,
}

/// The shortest value the generic rules report (`generic-password`'s `min_length`).
const POLICY_FLOOR: usize = 8;

impl BlindSet {
    /// The placeholder a positive case's value sits in, when the case is well formed.
    fn measured_placeholder(&self, case: &Case) -> Option<&'static str> {
        let (_, candidates) = self
            .measured
            .iter()
            .find(|(rule, _)| Some(*rule) == case.rule)?;
        let present: Vec<&'static str> = candidates
            .iter()
            .copied()
            .filter(|p| case.text.contains(p))
            .collect();
        match present.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The case's text with its placeholders filled, and the value that must be found.
    fn instantiate(&self, case: &Case, seed: u64) -> (String, Option<(&'static str, String)>) {
        let values = (self.values)(seed);
        let mut text = case.text.to_string();
        for (placeholder, value) in &values {
            text = text.replace(placeholder, value);
        }
        let secret = self.measured_placeholder(case).and_then(|p| {
            values
                .iter()
                .find(|(name, _)| *name == p)
                .map(|(name, value)| (*name, value.clone()))
        });
        (text, secret)
    }

    /// The set is usable: names unique, files named, each positive names a rule that exists and
    /// holds exactly one of its placeholders, each negative holds no secret placeholder, and no
    /// placeholder is left unfilled.
    fn malformed(&self, cases: &[Case], rules: &crate::rules::RuleSet) -> Vec<String> {
        let mut problems = Vec::new();
        let mut forms = std::collections::HashSet::new();
        let known: Vec<&str> = (self.values)(0).into_iter().map(|(p, _)| p).collect();
        for case in cases {
            if !forms.insert(case.form) {
                problems.push(format!("{}: form named twice", case.form));
            }
            if case.file.is_empty() || case.text.is_empty() {
                problems.push(format!("{}: no file name or no text", case.form));
            }
            for (start, _) in case.text.match_indices('{') {
                // `${VAR}` is shell or template syntax, `{16}` a regex count: not placeholders.
                if case.text[..start].ends_with('$') {
                    continue;
                }
                let rest = &case.text[start..];
                if let Some(end) = rest.find('}') {
                    let name = &rest[..=end];
                    let inner = &name[1..end];
                    let looks_like_placeholder = inner
                        .starts_with(|c: char| c.is_ascii_uppercase())
                        && inner
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    if looks_like_placeholder && !known.contains(&name) {
                        problems.push(format!("{}: unknown placeholder {name}", case.form));
                    }
                }
            }
            match case.rule {
                Some(rule) => {
                    if rules.get(rule).is_none() {
                        problems.push(format!("{}: no rule {rule}", case.form));
                    }
                    if self.measured_placeholder(case).is_none() {
                        problems.push(format!("{}: not one placeholder for {rule}", case.form));
                    }
                }
                None => {
                    if self
                        .secret_placeholders
                        .iter()
                        .any(|p| case.text.contains(p))
                    {
                        problems.push(format!("{}: a negative holding a secret", case.form));
                    }
                }
            }
        }
        problems
    }

    /// Scans every case (case `i` filled from seed `seed_base + i`) with the built-in rules and
    /// prints recall, precision, the per-family counts and the forms that went wrong. Panics only
    /// when the set is malformed or not the size the sampling log gives.
    pub(super) fn measure(
        &self,
        label: &str,
        cases: &[Case],
        seed_base: u64,
        positives: usize,
        negatives: usize,
    ) {
        use crate::rules::RuleSet;
        use crate::scan::Scanner;
        let scanner = Scanner::new(RuleSet::builtin().unwrap());
        let problems = self.malformed(cases, scanner.rules());
        assert!(
            problems.is_empty(),
            "malformed held-aside set ({label}): {problems:?}"
        );

        // The rules measured: the generic six and every rule a case expects.
        let mut watched: Vec<&str> = self.generic.to_vec();
        for rule in cases.iter().filter_map(|c| c.rule) {
            if !watched.contains(&rule) {
                watched.push(rule);
            }
        }
        let found_positives = cases.iter().filter(|c| c.rule.is_some()).count();
        assert_eq!(
            (found_positives, cases.len() - found_positives),
            (positives, negatives),
            "the set is not the size its sampling log gives"
        );

        // Cases named in LEAKGATE_BLIND_EXCLUDE (comma-separated forms) are left out of the
        // count: a held-aside set whose files were later sampled into a tuning set is reported
        // both whole and without those cases. Each case keeps its own seed either way.
        let excluded: Vec<String> = std::env::var("LEAKGATE_BLIND_EXCLUDE")
            .map(|list| list.split(',').map(|f| f.trim().to_string()).collect())
            .unwrap_or_default();
        let skip = |case: &Case| excluded.iter().any(|f| f == case.form);
        let skipped_positives = cases.iter().filter(|c| skip(c) && c.rule.is_some()).count();
        let skipped = cases.iter().filter(|c| skip(c)).count();
        let (positives, negatives) = (
            positives - skipped_positives,
            negatives - (skipped - skipped_positives),
        );

        let (mut found, mut reported, mut right, mut quiet) = (0, 0, 0, 0);
        // Positives whose value reaches the generic rules' shortest length (8 characters:
        // `generic-password`'s floor, a policy), and how many of them were found: sets that
        // keep a sampled password's own shape hold weak values below it (`admin`, `1234`).
        let (mut long_positives, mut long_found) = (0, 0);
        let (mut missed, mut noisy) = (Vec::new(), Vec::new());
        let mut scanned = 0;
        // family -> (found, positives, quiet negatives, negatives)
        let mut by_family: Vec<(&str, [usize; 4])> = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            if skip(case) {
                continue;
            }
            let (text, secret) = self.instantiate(case, i as u64 + seed_base);
            let hits: Vec<_> = scanner
                .scan(Some(case.file), text.as_bytes())
                .into_iter()
                .filter(|m| watched.contains(&scanner.rule(m.rule).id.as_ref()))
                .collect();
            scanned += 1;
            reported += hits.len();
            let slot = match by_family.iter().position(|(f, _)| *f == case.family) {
                Some(slot) => slot,
                None => {
                    by_family.push((case.family, [0; 4]));
                    by_family.len() - 1
                }
            };
            let tally = &mut by_family[slot].1;
            let got = || -> Vec<String> {
                hits.iter()
                    .map(|m| scanner.rule(m.rule).id.to_string())
                    .collect()
            };
            match (case.rule, secret) {
                (Some(rule), Some((placeholder, value))) => {
                    tally[1] += 1;
                    let good = hits
                        .iter()
                        .filter(|m| {
                            &*scanner.rule(m.rule).id == rule
                                && (self.reports_value)(placeholder, &value, m.secret.expose())
                        })
                        .count();
                    right += good;
                    let long = value.chars().count() >= POLICY_FLOOR;
                    long_positives += usize::from(long);
                    if good > 0 {
                        long_found += usize::from(long);
                        found += 1;
                        tally[0] += 1;
                    } else {
                        missed.push(format!("{} (got {:?})", case.form, got()));
                    }
                }
                (Some(_), None) => unreachable!("checked by malformed()"),
                (None, _) => {
                    tally[3] += 1;
                    if hits.is_empty() {
                        quiet += 1;
                        tally[2] += 1;
                    } else {
                        noisy.push(format!("{} (got {:?})", case.form, got()));
                    }
                }
            }
        }
        let precision = if reported == 0 {
            1.0
        } else {
            right as f64 / reported as f64
        };
        let label = if skipped > 0 {
            format!("{label}, {skipped} cases excluded")
        } else {
            label.to_string()
        };
        println!(
            "held-aside ({label}): recall {found}/{positives} = {:.3}, precision {right}/{reported} = {precision:.3}, negatives quiet {quiet}/{negatives}",
            found as f64 / positives as f64
        );
        println!(
            "held-aside-floor ({label}): recall {long_found}/{long_positives} of the values of {POLICY_FLOOR}+ characters"
        );
        for (family, [f, p, q, n]) in &by_family {
            println!("  {family}: found {f}/{p}, negatives quiet {q}/{n}");
        }
        println!("  missed: {missed:?}\n  noisy: {noisy:?}");
        assert_eq!(scanned + skipped, cases.len(), "every case was scanned");
        assert!(right >= found);
    }
}
