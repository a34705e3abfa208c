//! The plan a rule's `[rule.verify]` table is checked into lives with the rules
//! (`rules::verify_plan`), so that the rule model does not depend on the verifier; it is
//! re-exported here for the verifier's modules.

pub use crate::rules::verify_plan::*;
