//! The rules in force: the built-ins, plus `[rules] extra` files, minus `[rules] disable`.

use super::load::{load_rule_file, parse_rule_file};
use super::{builtin, Rule, RuleError};
use crate::finding::{Confidence, Severity};

/// The rules in force.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// Only the built-in rules, from the form the build script parsed them into: each
    /// rule's table decoded from its own bytes (`builtin::rule_tables`) and kept as those
    /// bytes once the rule is built ([`super::spec_cell`]). No TOML is read.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        let tables = builtin::rule_tables();
        let mut rules = Vec::with_capacity(tables.len());
        // One origin per file, shared by its rules: (file index, `rules/<name>`).
        let mut origin: (usize, std::sync::Arc<str>) = (usize::MAX, "".into());
        for (index, (file, encoded)) in tables.enumerate() {
            if origin.0 != file {
                let name = match builtin::origin(file) {
                    Some(name) => name.into(),
                    None => format!("rules/{}", builtin::BUILTIN_RULE_FILES[file].0).into(),
                };
                origin = (file, name);
            }
            // What building reads of the table, from the build script's start record (no
            // decoding); the rule keeps the encoded table itself.
            let spec = match builtin::start_spec(index) {
                Some(spec) => spec,
                None => builtin::decode_rule(encoded)?,
            };
            match Rule::from_builtin_spec(spec, encoded, &origin.1) {
                Ok(rule) => rules.push(rule),
                // Parse the text again for the error: it locates the line.
                Err(err) => {
                    let text = builtin::BUILTIN_RULE_FILES[file].1;
                    return Err(parse_rule_file(text, &origin.1, false).err().unwrap_or(err));
                }
            }
        }
        // Each id is used once: `build.rs` checked it (`unique_ids`), and the test
        // `builtin_ids_are_unique` checks this list.
        Ok(RuleSet { rules })
    }

    /// Only the built-in rules, parsed from their TOML text as a user's rule files are:
    /// `leakgate rules check` checks the sources, not the build script's copy.
    pub fn builtin_from_toml() -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        for (name, text) in builtin::BUILTIN_RULE_FILES {
            rules.extend(parse_rule_file(text, &format!("rules/{name}"), false)?);
        }
        let set = RuleSet { rules };
        set.check_unique_ids()?;
        Ok(set)
    }

    /// Built-ins plus `extra` files, minus the `disable`d ids.
    pub fn load(extra: &[std::path::PathBuf], disable: &[String]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::builtin()?;
        for path in extra {
            set.rules.extend(load_rule_file(path)?);
        }
        if !extra.is_empty() {
            set.check_unique_ids()?;
        }
        set.rules.retain(|r| !disable.iter().any(|d| **d == *r.id));
        Ok(set)
    }

    fn check_unique_ids(&self) -> Result<(), RuleError> {
        let mut seen = std::collections::HashMap::new();
        for rule in &self.rules {
            if let Some(first) = seen.insert(rule.id.as_ref(), rule.origin.as_ref()) {
                return Err(RuleError::Invalid {
                    file: rule.origin.to_string(),
                    id: rule.id.to_string(),
                    message: format!("duplicate id (also in {first})"),
                });
            }
        }
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.id == id)
    }

    /// A finding's confidence, from the rule that made it ([`Rule::confidence`]). A finding
    /// that no rule of the set made (the `.env` policy's) is `high`: it is a fact about a
    /// file, not a guess about a value.
    pub fn confidence_of(&self, finding: &crate::finding::Finding) -> Confidence {
        // A merged report's finding keeps the rating its shard gave it.
        if let Some(confidence) = finding.merged.as_ref().and_then(|m| m.confidence) {
            return confidence;
        }
        match self.get(&finding.rule) {
            Some(rule) => rule.confidence(finding.secret.as_ref().map(|s| s.expose())),
            None => Confidence::High,
        }
    }

    /// A finding's severity: its rule's, [`Severity::High`] if no rule of the set made it.
    pub fn severity_of(&self, finding: &crate::finding::Finding) -> Severity {
        if let Some(severity) = finding.merged.as_ref().and_then(|m| m.severity) {
            return severity;
        }
        self.get(&finding.rule)
            .map_or(Severity::High, |r| r.severity)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built-in rule's context anchors and value shape stay encoded when the set loads;
    /// the build script's list of rules with a `file`/`path` anchor agrees with the anchors,
    /// and the encoded emptiness check with the decoded list.
    #[test]
    fn context_anchors_stay_encoded_and_the_file_anchor_list_agrees() {
        let set = RuleSet::builtin().unwrap();
        let mut anchored = 0;
        for rule in &set.rules {
            assert!(rule.spec.context.is_encoded(), "{}", rule.id);
            assert!(
                rule.spec.value.as_ref().is_none_or(|v| v.is_encoded()),
                "{}",
                rule.id
            );
            let empty = rule.spec.context.is_empty();
            let expected = rule
                .spec
                .context
                .iter()
                .any(|a| a.file.is_some() || a.path.is_some());
            assert_eq!(
                empty,
                rule.spec.context.as_slice().is_empty(),
                "{}",
                rule.id
            );
            assert_eq!(rule.has_file_or_path_anchor(), expected, "{}", rule.id);
            anchored += usize::from(expected);
        }
        assert!(anchored > 1);
    }

    /// A built-in rule keeps its table as its encoded bytes (`spec_cell`) once it is built;
    /// read, each table equals the one parsed from the TOML source, and the rule's own
    /// fields (origin, keywords, path pattern) are those of the TOML-built rule.
    #[test]
    fn builtin_tables_stay_encoded_and_read_as_the_toml() {
        let set = RuleSet::builtin().unwrap();
        let toml = RuleSet::builtin_from_toml().unwrap();
        assert_eq!(set.len(), toml.len());
        assert!(set.rules.iter().all(|r| r.spec.is_encoded()));
        assert!(toml.rules.iter().all(|r| !r.spec.is_encoded()));
        for (rule, parsed) in set.rules.iter().zip(&toml.rules) {
            assert_eq!(rule.id, parsed.id);
            assert_eq!(rule.origin, parsed.origin, "{}", rule.id);
            assert_eq!(rule.keywords, parsed.keywords, "{}", rule.id);
            assert_eq!(rule.path_source(), parsed.path_source(), "{}", rule.id);
            assert_eq!(*rule.spec, *parsed.spec, "{}", rule.id);
            assert!(!rule.spec.is_encoded());
        }
    }

    /// `RuleSet::builtin` builds each rule from the build script's start record
    /// (`builtin::start_spec`) instead of the decoded table: for every built-in rule, the
    /// record holds the same values as the table in every field it carries, and the rule
    /// built from it is the rule built from the whole table.
    #[test]
    fn start_records_build_the_rules_the_tables_build() {
        let set = RuleSet::builtin().unwrap();
        let origin: std::sync::Arc<str> = "rules/x.toml".into();
        let tables: Vec<_> = builtin::rule_tables().collect();
        assert_eq!(tables.len(), set.len());
        assert!(builtin::start_spec(tables.len()).is_none());
        for (file, (name, _)) in builtin::BUILTIN_RULE_FILES.iter().enumerate() {
            assert_eq!(
                builtin::origin(file),
                Some(format!("rules/{name}").as_str())
            );
        }
        assert!(builtin::origin(builtin::BUILTIN_RULE_FILES.len()).is_none());
        for (index, &(_, bytes)) in tables.iter().enumerate() {
            let record = builtin::start_spec(index).expect("a start record per rule");
            let table = builtin::decode_rule(bytes).unwrap();
            let id = table.id.to_string();
            assert_eq!(record.id, table.id);
            assert_eq!(record.provider, table.provider, "{id}");
            assert_eq!(record.regex, table.regex, "{id}");
            assert_eq!(record.keywords, table.keywords, "{id}");
            assert!(record.keywords.iter().all(|k| k.is_borrowed()), "{id}");
            assert_eq!(record.keyword_boundary, table.keyword_boundary, "{id}");
            assert_eq!(record.multiline, table.multiline, "{id}");
            assert_eq!(record.fallback, table.fallback, "{id}");
            assert_eq!(record.min_entropy, table.min_entropy, "{id}");
            assert_eq!(record.checksum, table.checksum, "{id}");
            assert_eq!(record.path, table.path, "{id}");
            assert_eq!(record.content, table.content, "{id}");
            assert_eq!(record.inspect, table.inspect, "{id}");
            assert_eq!(record.severity, table.severity, "{id}");
            assert_eq!(record.confidence, table.confidence, "{id}");
            let digests = |spec: &super::super::RuleSpec| -> Vec<String> {
                spec.known_public
                    .iter()
                    .map(|k| k.value_sha256.to_string())
                    .collect()
            };
            assert_eq!(digests(&record), digests(&table), "{id}");
            assert_eq!(record.value.is_some(), table.value.is_some(), "{id}");
            assert!(record.value.as_ref().is_none_or(|v| v.is_encoded()), "{id}");
            assert_eq!(record.value, table.value, "{id}");
            assert!(record.context.is_encoded(), "{id}");
            assert_eq!(record.context.is_empty(), table.context.is_empty(), "{id}");
            assert_eq!(record.context, table.context, "{id}");

            let from_record = Rule::from_builtin_spec(record, bytes, &origin).unwrap();
            let from_table = Rule::from_builtin_spec(table, bytes, &origin).unwrap();
            let loaded = &set.rules[index];
            for rule in [&from_table, loaded] {
                assert_eq!(from_record.id, rule.id);
                assert_eq!(from_record.kind, rule.kind, "{id}");
                assert_eq!(from_record.provider, rule.provider, "{id}");
                assert_eq!(from_record.keywords, rule.keywords, "{id}");
                assert_eq!(
                    from_record.keyword_starts_word, rule.keyword_starts_word,
                    "{id}"
                );
                assert_eq!(from_record.min_entropy, rule.min_entropy, "{id}");
                assert_eq!(from_record.validator, rule.validator, "{id}");
                assert_eq!(from_record.severity, rule.severity, "{id}");
                assert_eq!(from_record.known_public, rule.known_public, "{id}");
                assert_eq!(from_record.inspector, rule.inspector, "{id}");
                assert_eq!(from_record.path_source(), rule.path_source(), "{id}");
                assert_eq!(from_record.regex_text(), rule.regex_text(), "{id}");
                assert_eq!(from_record.is_context(), rule.is_context(), "{id}");
                assert_eq!(
                    from_record.has_file_or_path_anchor(),
                    rule.has_file_or_path_anchor(),
                    "{id}"
                );
                assert_eq!(from_record.single_line(), rule.single_line(), "{id}");
                assert_eq!(*from_record.spec, *rule.spec, "{id}");
            }
        }
    }

    /// `RuleSet::builtin` leaves the id check to the build script; the set it reads agrees.
    #[test]
    fn builtin_ids_are_unique() {
        let set = RuleSet::builtin().unwrap();
        assert!(set.len() > 400);
        set.check_unique_ids().unwrap();
        let mut doubled = RuleSet::builtin().unwrap();
        let extra = parse_rule_file(
            "[[rule]]\nid = \"github-pat\"\ntitle = \"T\"\nregex = 'x'\n",
            "user.toml",
            true,
        )
        .unwrap();
        doubled.rules.extend(extra);
        let err = doubled.check_unique_ids().unwrap_err().to_string();
        assert!(err.contains("duplicate id (also in rules/"), "{err}");
    }

    /// A built-in context rule is built on first use (`Rule::context`); each one builds,
    /// and reading the rule set builds none.
    #[test]
    fn every_builtin_context_rule_builds_on_first_use() {
        let set = RuleSet::builtin().unwrap();
        let context_rules: Vec<&Rule> = set.rules.iter().filter(|r| r.is_context()).collect();
        assert!(context_rules.len() > 10, "{}", context_rules.len());
        for rule in &set.rules {
            assert_eq!(
                rule.is_context(),
                rule.spec.value.is_some() || !rule.spec.context.is_empty(),
                "{}",
                rule.id
            );
        }
        // Lowercase keywords are borrowed from the embedded rules, not copied.
        let keywords: Vec<_> = set.rules.iter().flat_map(|r| &r.keywords).collect();
        assert!(keywords.iter().all(|k| k.to_lowercase() == k.as_str()));
        assert!(keywords.iter().filter(|k| k.is_borrowed()).count() * 10 > keywords.len() * 9);
        for rule in context_rules {
            assert!(!rule.context_is_built(), "{} built at load", rule.id);
            let spec = crate::context::rule::ContextRule::from_spec(
                rule.spec.value.as_deref(),
                &rule.spec.context,
                rule.spec.fallback,
            );
            assert!(spec.is_ok(), "{}: {:?}", rule.id, spec.err());
            assert!(rule.context().is_some(), "{}", rule.id);
        }
    }

    /// The built-in rules' verify and revoke tables are checked on first use
    /// (`Rule::from_builtin_spec`); each one builds, so none is silently missing.
    #[test]
    fn every_builtin_verify_and_revoke_table_builds_on_first_use() {
        let set = RuleSet::builtin().unwrap();
        let (mut verify, mut revoke) = (0, 0);
        for rule in &set.rules {
            if let Some(spec) = &rule.spec.verify {
                let plan = super::super::VerifyPlan::from_spec(spec);
                assert!(plan.is_ok(), "{}: {:?}", rule.id, plan.err());
                assert!(rule.verify().is_some(), "{}", rule.id);
                verify += 1;
            } else {
                assert!(rule.verify().is_none(), "{}", rule.id);
            }
            if let Some(spec) = &rule.spec.revoke {
                let plan = super::super::revoke_plan::RevokePlan::from_spec(spec);
                assert!(plan.is_ok(), "{}: {:?}", rule.id, plan.err());
                assert!(rule.revoke().is_some(), "{}", rule.id);
                revoke += 1;
            } else {
                assert!(rule.revoke().is_none(), "{}", rule.id);
            }
        }
        assert!(
            verify > 100 && revoke > 0,
            "{verify} verify, {revoke} revoke tables"
        );
    }
}
