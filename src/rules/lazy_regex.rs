//! Rule regexes compiled on first use, within a size limit.
//!
//! A hook that touches three files should pay only for the rules whose keywords it meets,
//! so a built-in rule's regexes wait here, as source, until the scanner first asks for
//! them; the size limit keeps a hostile user rule from eating memory.

use super::load::one_line;
use std::sync::OnceLock;

/// Size limit for one compiled rule regex; generous, but bounded so a hostile user rule
/// cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 32 * 1024 * 1024;

/// A regex compiled the first time it is used.
pub(crate) struct LazyRegex<R> {
    pub(crate) source: String,
    compiled: OnceLock<Result<R, String>>,
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

impl CompileRegex for regex::bytes::Regex {
    fn compile(source: &str) -> Result<Self, String> {
        regex::bytes::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map_err(|e| one_line(&e))
    }
}

impl<R: CompileRegex> LazyRegex<R> {
    pub(crate) fn new(source: &str) -> LazyRegex<R> {
        LazyRegex {
            source: source.to_string(),
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
