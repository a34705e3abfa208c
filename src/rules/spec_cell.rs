//! A rule's table as the rule file wrote it ([`RuleSpec`]), kept by a built-in rule as its
//! encoded bytes and decoded again only when something reads it.
//!
//! Building a rule reads its table once (id, keywords, regex, the checks of `load.rs`) and
//! keeps what a scan needs in [`super::Rule`]'s own fields. The table itself is read later
//! only for the few rules a run wakes (a context rule built on first use, a finding's
//! confidence, `--verify`) or by `rules check` and the tests. Holding 474 decoded tables
//! (≈ 570 bytes each, inline in every `Rule`) was half of a start-up's heap and its first-
//! touch page faults (issue 17, start-up); a built-in rule now holds a reference to its
//! bytes in the binary (the build script's `RULE_SPANS`) and a cell. A user rule's table,
//! parsed from TOML, is held decoded.
//!
//! Reads as the table (`Deref`), so `rule.spec.fallback` reads as before. A built-in table
//! that did not decode (a binary built wrong; every one is decoded by the tests) reads as
//! an empty table, never a panic, as [`Deferred`] does.

use super::syntax::{Deferred, RuleSpec};

/// See the module documentation.
pub struct SpecCell(Deferred<RuleSpec>);

impl SpecCell {
    /// A table parsed from a rule file, held as it is.
    pub(crate) fn decoded(spec: RuleSpec) -> SpecCell {
        SpecCell(Deferred::new(spec))
    }

    /// A built-in rule's table, kept as its encoded bytes in the binary.
    pub(crate) fn encoded(bytes: &'static [u8]) -> SpecCell {
        SpecCell(Deferred::encoded(bytes))
    }

    /// Whether the table is still only its encoded bytes (never read since the rule was
    /// built).
    pub fn is_encoded(&self) -> bool {
        self.0.is_encoded()
    }

    /// A built-in rule's table bytes in the binary (whether or not decoded since), `None`
    /// for a table parsed from a rule file.
    pub(crate) fn builtin_bytes(&self) -> Option<&'static [u8]> {
        self.0.encoded_bytes()
    }
}

impl std::ops::Deref for SpecCell {
    type Target = RuleSpec;

    fn deref(&self) -> &RuleSpec {
        &self.0
    }
}

impl std::fmt::Debug for SpecCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}
