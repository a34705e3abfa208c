//! Rule regexes compiled on first use, within a size limit.
//!
//! A hook that touches three files should pay only for the rules whose keywords it meets,
//! so a built-in rule's regexes wait here, as source, until the scanner first asks for
//! them; the size limit keeps a hostile user rule from eating memory. The source is a
//! [`SpecText`]: a built-in rule's borrows the binary's embedded rules instead of being
//! copied at every start (issue 17).

use super::load::one_line;
use super::syntax::SpecText;
use std::sync::OnceLock;

/// Size limit for one compiled rule regex; generous, but bounded so a hostile user rule
/// cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 32 * 1024 * 1024;

/// Cache of one rule regex's lazy DFA (per thread using it), four times regex's default.
/// The keyed rules' patterns (`key[^\n]{0,120}?=`) make many DFA states, and with 2 MiB the
/// cache filled and was cleared over and over on the history workload, so states were
/// rebuilt all the time (about a tenth of the audit's CPU). With 8 MiB the audit takes 9 %
/// less CPU and peak RSS does not move: the cache grows only as far as states are made.
const DFA_CACHE_LIMIT: usize = 8 * 1024 * 1024;

/// A regex compiled the first time it is used.
pub(crate) struct LazyRegex<R> {
    pub(crate) source: SpecText,
    compiled: OnceLock<Result<R, String>>,
}

/// A rule's regexes are written by rule authors, never secrets: Debug shows the source.
impl<R> std::fmt::Debug for LazyRegex<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("LazyRegex").field(&self.source).finish()
    }
}

/// The two regex types a rule holds, built with the same size limit.
pub(crate) trait CompileRegex: Sized {
    fn compile(source: &str) -> Result<Self, String>;
}

impl CompileRegex for regex::Regex {
    fn compile(source: &str) -> Result<Self, String> {
        regex::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| one_line(&e))
    }
}

/// Content regexes run with ASCII semantics (`\b`, `\w`, `\s`, `\d`, `.`, `(?i)` and
/// counted repetitions all work on bytes): tokens and the keys around them are ASCII, and
/// Unicode semantics cost the whole scan. A Unicode word boundary makes the lazy DFA give
/// up at the first non-ASCII byte (TypeScript's localized messages, any UTF-8 comment), and
/// a Unicode `[^\n]{0,120}` is a UTF-8 automaton per repetition, which thrashes the DFA's
/// cache; either way the search falls back to the PikeVM, ten times slower. A pattern that
/// needs Unicode (a user rule with `\p{L}` or an explicit `(?u)` class that bytes cannot
/// express) is compiled as written.
impl CompileRegex for regex::bytes::Regex {
    fn compile(source: &str) -> Result<Self, String> {
        let build = |unicode: bool| {
            regex::bytes::RegexBuilder::new(source)
                .unicode(unicode)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(DFA_CACHE_LIMIT)
                .build()
        };
        build(false)
            .or_else(|_| build(true))
            .map_err(|e| one_line(&e))
    }
}

impl<R: CompileRegex> LazyRegex<R> {
    pub(crate) fn new(source: &str) -> LazyRegex<R> {
        LazyRegex::from_text(source.into())
    }

    /// [`LazyRegex::new`] keeping `source` as it is (borrowed, for a built-in rule).
    pub(crate) fn from_text(source: SpecText) -> LazyRegex<R> {
        LazyRegex {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled regex, or why it does not compile.
    pub(crate) fn try_get(&self) -> Result<&R, &str> {
        self.compiled
            .get_or_init(|| R::compile(&self.source))
            .as_ref()
            .map_err(String::as_str)
    }

    /// The compiled regex; `None` if it does not compile (only possible for a built-in
    /// rule, which the test suite compiles, never for a user rule, compiled at load time).
    pub(crate) fn get(&self) -> Option<&R> {
        self.try_get().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::CompileRegex;

    fn compile(pattern: &str) -> regex::bytes::Regex {
        <regex::bytes::Regex as CompileRegex>::compile(pattern).unwrap()
    }

    #[test]
    fn every_builtin_content_regex_compiles_with_ascii_semantics() {
        // None of them may fall back to Unicode mode, which costs the lazy DFA.
        let set = crate::rules::RuleSet::builtin().unwrap();
        for rule in &set.rules {
            for source in [&rule.spec.regex, &rule.spec.content].into_iter().flatten() {
                let ascii = regex::bytes::RegexBuilder::new(source)
                    .unicode(false)
                    .size_limit(super::REGEX_SIZE_LIMIT)
                    .build();
                assert!(ascii.is_ok(), "{}: {:?}", rule.id, ascii.err());
            }
        }
    }

    #[test]
    fn tokens_next_to_non_ascii_text_and_invalid_utf8_are_found() {
        let token = format!("ghp_{}", "a1B2".repeat(9));
        let re = compile(r"\b(ghp_[A-Za-z0-9]{36})\b");
        for (before, after) in [
            ("« ", " »"),
            ("jeton : ", " — expiré"),
            ("トークン=", "。"),
            ("\u{00e9}=", ""),
        ] {
            let hay = format!("{before}{token}{after}");
            let caps = re.captures(hay.as_bytes()).expect(before);
            assert_eq!(&caps[1], token.as_bytes(), "{before}");
        }
        // Latin-1 bytes (not UTF-8) around the token, and a gap of them between a key and
        // its value: byte semantics read them as any other non-word byte.
        let mut hay = b"\xe9t\xe9 = ".to_vec();
        hay.extend_from_slice(token.as_bytes());
        hay.push(0xff);
        let caps = re.captures(&hay).unwrap();
        assert_eq!(&caps[1], token.as_bytes());
        let keyed = compile(r"(?i:api_key)[^\n]{0,20}?=[ \t]*([a-z0-9]{8})\b");
        let caps = keyed.captures(b"API_KEY \xe9\xe8 = abcd1234\n").unwrap();
        assert_eq!(&caps[1], b"abcd1234");
    }

    #[test]
    fn case_insensitive_keywords_stay_ascii() {
        let re = compile(r"(?i:secret)\s*=\s*(\w+)");
        assert!(re.is_match(b"SECRET = abc"));
        // The Kelvin sign is no `k` and U+017F no `s` in a key name.
        assert!(!compile(r"(?i)key").is_match("\u{212a}ey".as_bytes()));
        assert!(!re.is_match("\u{017f}ecret = abc".as_bytes()));
    }

    #[test]
    fn a_pattern_that_needs_unicode_is_compiled_as_written() {
        let re = compile(r"\p{Greek}+");
        assert_eq!(
            re.find("abc αβγ".as_bytes()).unwrap().as_bytes(),
            "αβγ".as_bytes()
        );
        assert!(<regex::bytes::Regex as CompileRegex>::compile(r"(").is_err());
    }
}
