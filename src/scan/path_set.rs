//! Every path pattern the scanner asks of each file, in one regex set: the sensitive-file
//! rules' `path`, and the context rules' `file` (the whole file is the secret) and `path`
//! (the file is read whole) anchors.
//!
//! Each file scanned is asked all of them, so they must be compiled before the first file;
//! compiled one by one they were about a fifth of a pre-commit hook's run (issue 17: each
//! Unicode regex compile sets up its own UTF-8 automaton tables). One set is one compile
//! and one search per path, and gives the same answers as asking each pattern.

use crate::rules::RuleSet;

/// What a pattern of the set says about a path that matches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// Sensitive-file rule `.0` applies to the path (its content and inspector still decide).
    FileRule(usize),
    /// Context rule `.0` takes the whole file as one value (`file` anchor).
    WholeFile(usize),
    /// Context rule `.0` reads the whole file (`path` anchor).
    ReadsWhole(usize),
}

#[derive(Debug)]
pub(super) struct PathSet {
    /// `None` if a pattern does not compile in a set (callers then ask each rule).
    set: Option<regex::RegexSet>,
    /// What each pattern of the set means, by its index.
    targets: Vec<Target>,
}

impl PathSet {
    /// The set over `file_rules`' paths and `context_rules`' `file` and `path` anchors.
    pub(super) fn new(rules: &RuleSet, file_rules: &[usize], context_rules: &[usize]) -> PathSet {
        let mut sources: Vec<&str> = Vec::new();
        let mut targets = Vec::new();
        for &i in file_rules {
            // A file rule without `path` cannot be made (`Rule::from_spec`); `^$` keeps the
            // indices aligned all the same.
            sources.push(rules.rules[i].path_source().unwrap_or("^$"));
            targets.push(Target::FileRule(i));
        }
        for &i in context_rules {
            let Some(context) = rules.rules[i].context.as_ref() else {
                continue;
            };
            for source in context.file_sources() {
                sources.push(source);
                targets.push(Target::WholeFile(i));
            }
            for source in context.path_sources() {
                sources.push(source);
                targets.push(Target::ReadsWhole(i));
            }
        }
        PathSet {
            set: regex::RegexSet::new(sources).ok(),
            targets,
        }
    }

    /// What the patterns `path` matches say, in the order of the set (rules in rule order,
    /// a rule once per matching pattern); `None` when the set could not be compiled.
    pub(super) fn matching(&self, path: &str) -> Option<Vec<Target>> {
        let set = self.set.as_ref()?;
        Some(
            set.matches(path)
                .iter()
                .map(|at| self.targets[at])
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FindingKind;

    /// The set gives, for every built-in pattern, what asking the rule itself gives.
    #[test]
    fn the_set_answers_as_the_rules_do() {
        let rules = RuleSet::builtin().unwrap();
        let file_rules: Vec<usize> = (0..rules.len())
            .filter(|&i| rules.rules[i].kind == FindingKind::File)
            .collect();
        let context_rules: Vec<usize> = (0..rules.len())
            .filter(|&i| {
                rules.rules[i]
                    .context
                    .as_ref()
                    .is_some_and(|c| c.has_file_anchor() || c.has_path_anchor())
            })
            .collect();
        assert!(file_rules.len() > 5 && context_rules.len() > 1);
        let set = PathSet::new(&rules, &file_rules, &context_rules);
        let paths = [
            "src/main.rs",
            ".npmrc",
            "deploy/id_rsa",
            "config/.env",
            "secrets/db_password.txt",
            "Password",
            "home/.spell/config",
            "a\\.spell\\config",
            ".speckle-token",
            "speckle/accounts.db",
            "speckle/accounts/x.json",
            "terraform.tfstate",
            "x/credentials.json",
            "ÄPASSWORD",
            "",
        ];
        let mut hits = 0;
        for path in paths {
            let targets = set
                .matching(path)
                .expect("the built-in patterns compile as a set");
            hits += targets.len();
            let expected_files: Vec<usize> = file_rules
                .iter()
                .copied()
                .filter(|&i| rules.rules[i].applies_to_path(Some(path)))
                .collect();
            let found_files: Vec<usize> = targets
                .iter()
                .filter_map(|t| match t {
                    Target::FileRule(i) => Some(*i),
                    _ => None,
                })
                .collect();
            assert_eq!(found_files, expected_files, "{path}");
            for &i in &context_rules {
                let context = rules.rules[i].context.as_ref().unwrap();
                assert_eq!(
                    targets.contains(&Target::WholeFile(i)),
                    context.whole_file(Some(path)),
                    "{path}: {}",
                    rules.rules[i].id
                );
                assert_eq!(
                    targets.contains(&Target::ReadsWhole(i)),
                    context.reads_whole(Some(path)),
                    "{path}: {}",
                    rules.rules[i].id
                );
            }
        }
        assert!(hits > 5, "the sample paths match some patterns: {hits}");
    }
}
