//! Every path pattern the scanner asks of each file, in one regex set: the sensitive-file
//! rules' `path`, and the context rules' `file` (the whole file is the secret) and `path`
//! (the file is read whole) anchors.
//!
//! Each file scanned is asked all of them, so they must be compiled before the first file;
//! compiled one by one they were about a fifth of a pre-commit hook's run (issue 17: each
//! Unicode regex compile sets up its own UTF-8 automaton tables). One set is one compile
//! and one search per path, and gives the same answers as asking each pattern.
//!
//! Compiling the set is still about a fifth of the allocations of `leakgate scan` on one
//! small file (issue 17, docs/performance.md "Startup"), and most paths match none of the
//! patterns: every built-in pattern needs a literal such as `.pem`, `netrc`, `password`
//! at the end of the path, or `kubeconfig` in it. So the set is compiled only when a path
//! has one of the strings some pattern's every match ends with or contains ([`Endings`],
//! read from the patterns' syntax); a path that has none is answered "no pattern" without
//! it. A pattern without such strings turns the pre-check off, and the set is compiled on
//! the first path, as before.

use std::sync::OnceLock;

use super::path_needle::{fold, Needle};
use crate::finding::FindingKind;
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
    /// The patterns, compiled into `set` the first time a path passes `endings`.
    sources: Vec<String>,
    /// `None` inside if a pattern does not compile in a set (callers then ask each rule).
    set: OnceLock<Option<regex::RegexSet>>,
    /// What each pattern of the set means, by its index.
    targets: Vec<Target>,
    /// What every match of some pattern ends with; `None`: not known, ask the set.
    endings: Option<Endings>,
}

/// A cheap necessary condition for a path to match some pattern of the set: a path that
/// satisfies no pattern's needle ([`super::path_needle`]) matches no pattern.
#[derive(Debug)]
struct Endings(Vec<PatternNeedle>);

/// One pattern's [`Needle`]: for a built-in pattern, the one the build script worked out
/// (borrowed from the binary), else worked out here.
#[derive(Debug)]
enum PatternNeedle {
    Builtin {
        ends_with: bool,
        strings: &'static [&'static [u8]],
    },
    Computed(Needle),
}

/// The built-in path patterns' needles, `(source, ends_with, strings)`, sorted by source
/// (written by build.rs with [`Needle::of`]).
mod builtin {
    include!(concat!(env!("OUT_DIR"), "/path-needles.rs"));
}

impl PatternNeedle {
    fn of(source: &str) -> Option<PatternNeedle> {
        match builtin::PATH_NEEDLES.binary_search_by(|(s, _, _)| (*s).cmp(source)) {
            Ok(at) => {
                let (_, ends_with, strings) = builtin::PATH_NEEDLES[at];
                Some(PatternNeedle::Builtin { ends_with, strings })
            }
            Err(_) => Needle::of(source).map(PatternNeedle::Computed),
        }
    }

    /// Whether `folded`, a folded path, has one of the strings.
    fn found_in(&self, folded: &[u8]) -> bool {
        let found = |ends_with: bool, string: &[u8]| {
            if ends_with {
                folded.ends_with(string)
            } else {
                memchr::memmem::find(folded, string).is_some()
            }
        };
        match self {
            PatternNeedle::Builtin { ends_with, strings } => {
                strings.iter().any(|s| found(*ends_with, s))
            }
            PatternNeedle::Computed(needle) => {
                needle.strings.iter().any(|s| found(needle.ends_with, s))
            }
        }
    }
}

impl Endings {
    /// `None` if a pattern has no needle.
    fn of(sources: &[&str]) -> Option<Endings> {
        sources
            .iter()
            .map(|source| PatternNeedle::of(source))
            .collect::<Option<Vec<_>>>()
            .map(Endings)
    }

    /// Whether some pattern could match `path`.
    fn may_match(&self, path: &str) -> bool {
        let folded = fold(path.as_bytes());
        self.0.iter().any(|needle| needle.found_in(&folded))
    }
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
        // Read from the rules' tables: building the context rules for their sources
        // would build them at the first file (issue 17, start-up). A built-in rule's
        // patterns come from the build script's list, so its table stays encoded.
        for &i in context_rules {
            let rule = &rules.rules[i];
            let builtin = rule
                .spec
                .builtin_bytes()
                .and_then(|_| crate::rules::builtin::file_anchor_patterns(&rule.id));
            let (file, path): (Vec<&str>, Vec<&str>) = match builtin {
                Some((file, path)) => (file.to_vec(), path.to_vec()),
                None => {
                    let anchors = &rule.spec.context;
                    (
                        anchors.iter().filter_map(|a| a.file.as_deref()).collect(),
                        anchors.iter().filter_map(|a| a.path.as_deref()).collect(),
                    )
                }
            };
            for source in file {
                sources.push(source);
                targets.push(Target::WholeFile(i));
            }
            for source in path {
                sources.push(source);
                targets.push(Target::ReadsWhole(i));
            }
        }
        PathSet {
            endings: Endings::of(&sources),
            sources: sources.into_iter().map(str::to_owned).collect(),
            set: OnceLock::new(),
            targets,
        }
    }

    /// What the patterns `path` matches say, in the order of the set (rules in rule order,
    /// a rule once per matching pattern); `None` when the set could not be compiled.
    pub(super) fn matching(&self, path: &str) -> Option<Vec<Target>> {
        if self.set.get().is_none()
            && self
                .endings
                .as_ref()
                .is_some_and(|endings| !endings.may_match(path))
        {
            return Some(Vec::new());
        }
        self.compiled_matching(path)
    }

    /// [`PathSet::matching`] without the pre-check of the path's ending.
    fn compiled_matching(&self, path: &str) -> Option<Vec<Target>> {
        let set = self
            .set
            .get_or_init(|| regex::RegexSet::new(&self.sources).ok())
            .as_ref()?;
        Some(
            set.matches(path)
                .iter()
                .map(|at| self.targets[at])
                .collect(),
        )
    }
}

/// The rules a path can decide: sensitive-file rules (`kind = "file"`), and context rules
/// with a `file` or `path` anchor. Indices into `rules.rules`, in that order.
pub(super) fn path_rules(rules: &RuleSet) -> (Vec<usize>, Vec<usize>) {
    let file_rules = (0..rules.len())
        .filter(|&i| rules.rules[i].kind == FindingKind::File)
        .collect();
    let anchored = (0..rules.len())
        .filter(|&i| rules.rules[i].has_file_or_path_anchor())
        .collect();
    (file_rules, anchored)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A built-in rule's `file` and `path` patterns come from the build script's list:
    /// for every built-in rule, the list holds what its decoded anchors say, in their
    /// order, and building the set decodes no rule's table.
    #[test]
    fn builtin_anchor_patterns_are_the_tables_and_stay_encoded() {
        let rules = RuleSet::builtin().unwrap();
        let (file_rules, context_rules) = path_rules(&rules);
        let set = PathSet::new(&rules, &file_rules, &context_rules);
        assert!(rules.rules.iter().all(|rule| rule.spec.is_encoded()));
        let mut listed = 0;
        for rule in &rules.rules {
            let anchors = &rule.spec.context;
            let file: Vec<&str> = anchors.iter().filter_map(|a| a.file.as_deref()).collect();
            let path: Vec<&str> = anchors.iter().filter_map(|a| a.path.as_deref()).collect();
            match crate::rules::builtin::file_anchor_patterns(&rule.id) {
                Some((listed_file, listed_path)) => {
                    assert_eq!(
                        (listed_file, listed_path),
                        (&file[..], &path[..]),
                        "{}",
                        rule.id
                    );
                    listed += 1;
                }
                None => assert!(file.is_empty() && path.is_empty(), "{}", rule.id),
            }
        }
        assert_eq!(listed, context_rules.len());
        let anchored = set
            .targets
            .iter()
            .filter(|t| !matches!(t, Target::FileRule(_)))
            .count();
        let patterns: usize = context_rules
            .iter()
            .map(|&i| {
                let (file, path) =
                    crate::rules::builtin::file_anchor_patterns(&rules.rules[i].id).unwrap();
                file.len() + path.len()
            })
            .sum();
        assert_eq!(anchored, patterns);
    }

    /// A user rule's anchors (no build-script entry) are read from its table.
    #[test]
    fn a_user_rules_anchor_patterns_are_read_from_its_table() {
        let text = "[[rule]]\nid = \"acme-file\"\ntitle = \"t\"\nkeywords = [\"acme\"]\n\
                    [rule.value]\npattern = \"[a-z]{8}\"\n\
                    [[rule.context]]\nfile = '(^|/)acme\\.key$'\n";
        let parsed = crate::rules::parse_rule_file(text, "user.toml", false).unwrap();
        let rules = RuleSet { rules: parsed };
        let (file_rules, context_rules) = path_rules(&rules);
        assert_eq!((file_rules.len(), context_rules.len()), (0, 1));
        let set = PathSet::new(&rules, &file_rules, &context_rules);
        assert_eq!(set.matching("x/acme.key"), Some(vec![Target::WholeFile(0)]));
        assert_eq!(set.matching("x/acme.txt"), Some(vec![]));
    }

    /// The set gives, for every built-in pattern, what asking the rule itself gives.
    #[test]
    fn the_set_answers_as_the_rules_do() {
        let rules = RuleSet::builtin().unwrap();
        let (file_rules, context_rules) = path_rules(&rules);
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
                let context = rules.rules[i].context().unwrap();
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

    /// The pre-check of a path's ending is on for the built-in patterns, keeps the set
    /// uncompiled for a path no pattern can match, and answers as the compiled set does for
    /// every file rule's path examples and negative examples and for paths that differ
    /// from the endings only in case, by Unicode case folding, or by a non-ASCII character.
    #[test]
    fn the_ending_check_answers_as_the_set_does() {
        let rules = RuleSet::builtin().unwrap();
        let (file_rules, context_rules) = path_rules(&rules);
        let gated = PathSet::new(&rules, &file_rules, &context_rules);
        let endings = gated
            .endings
            .as_ref()
            .expect("every built-in pattern has a needle");
        assert!(endings.0.len() > 10);
        assert!(endings
            .0
            .iter()
            .all(|n| matches!(n, PatternNeedle::Builtin { .. })));
        assert!(endings.0.iter().any(|n| matches!(
            n,
            PatternNeedle::Builtin {
                ends_with: false,
                ..
            }
        )));
        // The build script's needles are the ones worked out at run time.
        for (source, ends_with, strings) in builtin::PATH_NEEDLES {
            let needle = Needle::of(source).unwrap();
            assert_eq!(needle.ends_with, *ends_with, "{source}");
            assert_eq!(needle.strings, strings.to_vec(), "{source}");
        }
        for path in ["a.txt", "src/main.rs", "README.md", "ÄPASSWORD.md", ""] {
            assert_eq!(gated.matching(path), Some(Vec::new()), "{path}");
        }
        assert!(
            gated.set.get().is_none(),
            "paths no pattern can match leave the set uncompiled"
        );

        let mut paths: Vec<String> = Vec::new();
        for file in crate::rules::builtin::preparsed().unwrap() {
            for spec in file.rule {
                for example in spec
                    .path_examples
                    .iter()
                    .chain(&spec.path_negative_examples)
                {
                    paths.push(example.to_string());
                }
            }
        }
        assert!(paths.len() > 30, "{}", paths.len());
        let variants: Vec<String> = paths
            .iter()
            .flat_map(|p| {
                [
                    p.to_uppercase(),
                    p.replace('s', "ſ").replace('k', "\u{212a}"),
                    format!("{p}x"),
                    format!("x{p}"),
                    format!("Ä/{p}"),
                    format!("{p}Ä"),
                ]
            })
            .collect();
        paths.extend(variants);
        paths.extend(
            [
                "Password",
                "x/MY_PASSWD.TXT",
                "paſſword",
                ".ſpeckle-token",
                "a\\.spell\\config",
                "speckle\\accounts\\x.json",
                "x.tfstate.backup",
            ]
            .map(String::from),
        );
        let compiled = PathSet::new(&rules, &file_rules, &context_rules);
        let mut hits = 0;
        for path in &paths {
            let expected = compiled.compiled_matching(path).unwrap();
            hits += usize::from(!expected.is_empty());
            let fresh = PathSet::new(&rules, &file_rules, &context_rules);
            assert_eq!(fresh.matching(path).unwrap(), expected, "{path}");
            assert_eq!(gated.matching(path).unwrap(), expected, "{path}");
        }
        assert!(hits > 30, "the examples match: {hits}");
    }

    /// [`fold`] relies on Unicode simple case folding (what `(?i)` matches) mapping no
    /// letter but `ſ` and the Kelvin sign onto an ASCII letter.
    #[test]
    fn only_two_non_ascii_letters_fold_to_ascii_ones() {
        for letter in ('a'..='z').chain('A'..='Z') {
            let hir = regex_syntax::Parser::new()
                .parse(&format!("(?i){letter}"))
                .unwrap();
            let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
                hir.kind()
            else {
                panic!("{letter}: {hir:?}");
            };
            let chars: Vec<char> = class.iter().flat_map(|r| r.start()..=r.end()).collect();
            for c in chars {
                let mut utf8 = [0; 4];
                assert_eq!(
                    fold(c.encode_utf8(&mut utf8).as_bytes()),
                    vec![letter.to_ascii_lowercase() as u8],
                    "{letter} {c}"
                );
            }
        }
        assert_eq!(
            fold("Paſſ\u{212a}ey/ÄB".as_bytes()),
            "passkey/Äb".as_bytes()
        );
    }
}
