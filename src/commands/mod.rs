//! Commands that combine the building blocks (rules, scanner, verifier) for one job.
//!
//! The rule model in [`crate::rules`] depends on neither the scanner nor the verifier; what
//! needs them together lives here.

pub mod rules_check;
