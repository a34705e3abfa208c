//! What text a rule's regex cannot match without: the literals one of which every match
//! holds, and whether a keyword is guarded by the regex as the start of a word.
//!
//! The prefilter wakes a rule where one of its keywords occurs, and the rule's regex then
//! runs on a window around it. For a keyword that is a common part of code (`box` in every
//! Rust `Box<...>`), most windows cannot hold a match: the regex also wants `secret` or
//! `token` after the name. [`required_literals`] reads that from the pattern's syntax tree,
//! so the scanner can drop a window in which none of those literals occurs before running
//! the regex on it. The answer is sound by construction (every match of the pattern holds
//! one of the literals, compared ASCII-case-insensitively), so dropping such a window never
//! loses a finding.
//!
//! [`keyword_guarded`] answers a narrower question from the pattern's text: whether the
//! regex only accepts the keyword's name where it starts a word part (after a character
//! that is not a letter or digit, or as the capitalised part of a camelCase name), in the
//! form the catalog's rules are written (`(?:^|[^A-Za-z0-9])(?i:box)|[a-z0-9](?:Box)`).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Most literals a set may hold; beyond it the set says too little to be worth searching.
const MAX_LITERALS: usize = 64;
/// Longest literal kept: longer ones are cut (a prefix of a required literal is required).
const MAX_LEN: usize = 24;
/// Shortest literal worth a search: shorter ones occur everywhere.
const MIN_USEFUL: usize = 3;
/// A class of at most this many distinct bytes (after ASCII lowercasing) is expanded.
const MAX_CLASS: usize = 4;

/// Lowercase literals such that every match of `hir` contains at least one of them
/// (compared ASCII-case-insensitively), chosen to be as selective as the pattern allows
/// and not implied by `keywords` alone; `None` if no set of useful literals is required.
pub fn required_literals(hir: &Hir, keywords: &[impl AsRef<str>]) -> Option<Vec<Vec<u8>>> {
    let mut candidates = Vec::new();
    required(hir, &mut candidates);
    candidates
        .into_iter()
        .map(minimal)
        .filter(|set| !set.is_empty() && set.iter().all(|l| l.len() >= MIN_USEFUL))
        .filter(|set| !implied_by_keywords(set, keywords))
        .max_by_key(|set| {
            let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        })
}

/// Whether a keyword's presence already guarantees one of `set` (each keyword contains one),
/// which makes searching for the set pointless in a window woken by a keyword.
fn implied_by_keywords(set: &[Vec<u8>], keywords: &[impl AsRef<str>]) -> bool {
    !keywords.is_empty()
        && keywords.iter().all(|k| {
            let k = k.as_ref().to_ascii_lowercase();
            set.iter()
                .any(|l| memchr::memmem::find(k.as_bytes(), l).is_some())
        })
}

/// Sorted, without duplicates, and without literals that contain another one of the set
/// (the shorter one occurs wherever the longer does).
fn minimal(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    set.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    set.dedup();
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(set.len());
    for lit in set {
        if !kept.iter().any(|k| memchr::memmem::find(&lit, k).is_some()) {
            kept.push(lit);
        }
    }
    kept
}

/// Pushes onto `out` every literal set that `hir` requires (each match holds one member of
/// each set pushed).
fn required(hir: &Hir, out: &mut Vec<Vec<Vec<u8>>>) {
    let own = prefixes(hir);
    if !own.lits.iter().any(Vec::is_empty) {
        out.push(own.lits);
    }
    match hir.kind() {
        HirKind::Capture(capture) => required(&capture.sub, out),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub, out),
        HirKind::Concat(parts) => {
            for (i, part) in parts.iter().enumerate() {
                required(part, out);
                if i > 0 {
                    let tail = prefixes_of_concat(&parts[i..]);
                    if !tail.lits.iter().any(Vec::is_empty) {
                        out.push(tail.lits);
                    }
                }
            }
        }
        HirKind::Alternation(branches) => {
            // Every branch must require something; the union of one set per branch is
            // then required. Each branch gives its best set.
            let mut union = Vec::new();
            for branch in branches {
                let mut sets = Vec::new();
                required(branch, &mut sets);
                let best = sets
                    .into_iter()
                    .map(minimal)
                    .filter(|s| !s.is_empty() && s.iter().all(|l| !l.is_empty()))
                    .max_by_key(|s| {
                        let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
                        (shortest, std::cmp::Reverse(s.len()))
                    });
                match best {
                    Some(set) => union.extend(set),
                    None => return,
                }
                if union.len() > MAX_LITERALS {
                    return;
                }
            }
            out.push(union);
        }
        _ => {}
    }
}

/// The literals every match of a pattern starts with. `exact`: each literal is a whole
/// match (so what follows the pattern can be appended); otherwise only a prefix.
struct Prefixes {
    lits: Vec<Vec<u8>>,
    exact: bool,
}

impl Prefixes {
    /// Nothing known: every match starts with the empty string.
    fn unknown() -> Prefixes {
        Prefixes {
            lits: vec![Vec::new()],
            exact: false,
        }
    }
}

fn prefixes(hir: &Hir) -> Prefixes {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Prefixes {
            lits: vec![Vec::new()],
            exact: true,
        },
        HirKind::Literal(literal) => {
            let mut lit = literal.0.to_ascii_lowercase();
            let exact = lit.len() <= MAX_LEN;
            lit.truncate(MAX_LEN);
            Prefixes {
                lits: vec![lit],
                exact,
            }
        }
        HirKind::Class(class) => match class_bytes(class) {
            Some(bytes) => Prefixes {
                lits: bytes.into_iter().map(|b| vec![b]).collect(),
                exact: true,
            },
            None => Prefixes::unknown(),
        },
        HirKind::Capture(capture) => prefixes(&capture.sub),
        HirKind::Repetition(rep) => {
            let sub = prefixes(&rep.sub);
            match (rep.min, rep.max) {
                (1, Some(1)) => sub,
                (0, Some(1)) => {
                    let mut lits = sub.lits;
                    lits.push(Vec::new());
                    Prefixes {
                        lits,
                        exact: sub.exact,
                    }
                }
                (0, _) => Prefixes::unknown(),
                _ => Prefixes {
                    lits: sub.lits,
                    exact: false,
                },
            }
        }
        HirKind::Concat(parts) => prefixes_of_concat(parts),
        HirKind::Alternation(branches) => {
            let mut lits = Vec::new();
            let mut exact = true;
            for branch in branches {
                let p = prefixes(branch);
                exact &= p.exact;
                lits.extend(p.lits);
                if lits.len() > MAX_LITERALS {
                    return Prefixes::unknown();
                }
            }
            Prefixes { lits, exact }
        }
    }
}

/// [`prefixes`] of the concatenation of `parts`: the cross product of the parts' literals
/// while they are whole matches and the product stays small.
fn prefixes_of_concat(parts: &[Hir]) -> Prefixes {
    let mut acc = Prefixes {
        lits: vec![Vec::new()],
        exact: true,
    };
    for part in parts {
        let next = prefixes(part);
        let product = acc.lits.len() * next.lits.len();
        if product > MAX_LITERALS {
            acc.exact = false;
            break;
        }
        let mut lits = Vec::with_capacity(product);
        let mut cut = false;
        for a in &acc.lits {
            for b in &next.lits {
                let mut lit = a.clone();
                lit.extend_from_slice(b);
                if lit.len() > MAX_LEN {
                    lit.truncate(MAX_LEN);
                    cut = true;
                }
                lits.push(lit);
            }
        }
        lits.sort();
        lits.dedup();
        acc = Prefixes {
            lits,
            exact: next.exact && !cut,
        };
        if !acc.exact {
            break;
        }
    }
    acc
}

/// The bytes a class matches, ASCII-lowercased, if they are few (a case-folded letter,
/// `[_\-]`); `None` for a wide class or one that matches non-ASCII text.
fn class_bytes(class: &Class) -> Option<Vec<u8>> {
    let mut bytes: Vec<u8> = Vec::new();
    let mut push = |start: u32, end: u32| -> Option<()> {
        if end > 0x7f || end - start >= 2 * MAX_CLASS as u32 {
            return None;
        }
        for b in start..=end {
            bytes.push((b as u8).to_ascii_lowercase());
        }
        Some(())
    };
    match class {
        Class::Bytes(class) => {
            for r in class.ranges() {
                push(u32::from(r.start()), u32::from(r.end()))?;
            }
        }
        Class::Unicode(class) => {
            for r in class.ranges() {
                push(u32::from(r.start()), u32::from(r.end()))?;
            }
        }
    }
    bytes.sort_unstable();
    bytes.dedup();
    (bytes.len() <= MAX_CLASS).then_some(bytes)
}

/// Whether the regex `source` accepts `keyword`'s name (its leading letters and digits)
/// only where a word part starts: every `(?i:name...)` in it follows the guard
/// `(?:^|[^A-Za-z0-9])`, the camelCase form `[a-z0-9](?:Name)` being the other way in.
/// A keyword that starts with punctuation (`$1$`) has no name and is never guarded.
pub fn keyword_guarded(source: &str, keyword: &str) -> bool {
    // Compared in place, ignoring ASCII case: asked per keyword of every built-in rule at
    // start-up, so no lowercased copy of the pattern (issue 17).
    const OPENER: &[u8] = b"(?i:";
    const GUARD: &[u8] = b"(?:^|[^a-za-z0-9])";
    let name_len = keyword
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 {
        return false;
    }
    let name = &keyword.as_bytes()[..name_len];
    let source = source.as_bytes();
    let (mut all, mut with_guard) = (0, 0);
    for at in memchr::memchr_iter(b'(', source) {
        let rest = &source[at..];
        let opens = rest.len() >= OPENER.len() + name_len
            && rest[..OPENER.len()].eq_ignore_ascii_case(OPENER)
            && rest[OPENER.len()..OPENER.len() + name_len].eq_ignore_ascii_case(name);
        if !opens {
            continue;
        }
        all += 1;
        if at >= GUARD.len() && source[at - GUARD.len()..at].eq_ignore_ascii_case(GUARD) {
            with_guard += 1;
        }
    }
    with_guard > 0 && with_guard == all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hir(pattern: &str) -> Hir {
        regex_syntax::ParserBuilder::new()
            .utf8(false)
            .unicode(false)
            .build()
            .parse(pattern)
            .unwrap()
    }

    fn required_of(pattern: &str, keywords: &[&str]) -> Option<Vec<String>> {
        let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
        required_literals(&hir(pattern), &keywords).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8(l).unwrap())
                .collect()
        })
    }

    #[test]
    fn the_word_after_a_provider_name_is_required() {
        let set = required_of(
            r"(?:^|[^A-Za-z0-9])(?i:box)[A-Za-z0-9_.\-]{0,20}?(?i:secret|developer[_\-]?token)\s*=\s*([A-Za-z0-9]{32})",
            &["box"],
        )
        .unwrap();
        assert_eq!(
            set,
            vec![
                "secret",
                "developertoken",
                "developer-token",
                "developer_token"
            ]
        );
    }

    #[test]
    fn a_set_the_keyword_implies_is_not_chosen() {
        assert_eq!(required_of(r"\b(ghp_[A-Za-z0-9]{36})\b", &["ghp_"]), None);
        assert_eq!(
            required_of(r"\b(ghp_[A-Za-z0-9]{36})\b", &["token"]),
            Some(vec!["ghp_".to_string()])
        );
    }

    #[test]
    fn every_branch_of_an_alternation_must_require_something() {
        assert_eq!(
            required_of(r"(?:acme_key=|(?i:secret):)([a-f0-9]{8})", &["acme"]),
            Some(vec!["secret:".to_string(), "acme_key=".to_string()])
        );
        assert_eq!(
            required_of(r"(?:acme_key=|[a-z]+:)([a-f0-9]{8})", &["acme"]),
            None
        );
    }

    #[test]
    fn optional_and_repeated_parts_require_nothing_of_their_own() {
        assert_eq!(required_of(r"(?:secret)?[a-f0-9]{8}", &[]), None);
        assert_eq!(
            required_of(r"(?:secret)+[a-f0-9]{8}", &[]),
            Some(vec!["secret".to_string()])
        );
    }

    #[test]
    fn short_literals_are_not_worth_a_search() {
        assert_eq!(required_of(r"ab[0-9]{8}", &[]), None);
    }

    #[test]
    fn every_match_of_the_pattern_holds_a_required_literal() {
        // Sound on the catalog's shapes: each example text the regex matches holds one.
        let patterns = [
            r"(?i:neon[A-Za-z0-9_.\-]{0,20}?api[_\-.]?key[ \t]*(?::=|=>|=|:)[ \t]*|console\.neon\.tech[^\n]{0,200}?Bearer[ \t]+)([a-z0-9]{64})",
            r"(?:(?:^|[^A-Za-z0-9])(?i:lob)|[a-z0-9](?:Lob))[^\n]{0,80}?\b((?:live|test)_[a-f0-9]{35})\b",
        ];
        let texts = [
            format!("NEON_API_KEY={}", "a1".repeat(32)),
            format!("curl console.neon.tech -H 'Bearer {}'", "b2".repeat(32)),
            format!("myLob = \"test_{}\"", "c".repeat(35)),
        ];
        for pattern in patterns {
            let re = regex::bytes::Regex::new(pattern).unwrap();
            let set: Vec<Vec<u8>> = required_literals(&hir(pattern), &[] as &[&str]).unwrap();
            for text in &texts {
                if let Some(m) = re.find(text.as_bytes()) {
                    let found = m.as_bytes().to_ascii_lowercase();
                    assert!(
                        set.iter()
                            .any(|l| memchr::memmem::find(&found, l).is_some()),
                        "{pattern} matched {text} without any of {set:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn guarded_keywords_are_read_from_the_catalog_form() {
        let rx = r"(?:(?:^|[^A-Za-z0-9])(?i:box)|[a-z0-9](?:Box))(?i:secret)=(\w+)";
        assert!(keyword_guarded(rx, "box"));
        assert!(!keyword_guarded(rx, "secret"), "`secret` is not guarded");
        let sf = r"(?:(?:^|[^A-Za-z0-9])(?i:sfdc)|(?:^|[^A-Za-z0-9])(?i:sf))[._\-](\w+)";
        assert!(keyword_guarded(sf, "sf_"));
        assert!(!keyword_guarded(r"(?i:okta)[^\n]{0,60}?(00\w{40})", "okta"));
        let mixed = r"(?:(?:^|[^A-Za-z0-9])(?i:neon)|(?i:neon)\.tech)(\w+)";
        assert!(!keyword_guarded(mixed, "neon"), "one unguarded use");
        assert!(!keyword_guarded(r"\$1\$(\w+)", "$1$"));
    }
}
