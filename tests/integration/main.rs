//! leakgate's integration tests: one test binary, one module per area, so that cargo builds
//! and links the test harness once instead of once per file.
//!
//! Tests drive the real binary (the one cargo built, or the program `LEAKGATE_TEST_PROGRAM`
//! names) in temporary git repositories built with the real `git`, `HOME` isolated
//! ([`support::sandbox`]), with tokens built at run time ([`support::tokens`]).
//! Run one area with `cargo test --test integration staged::`, one test by its name.

mod support;

mod account_stores;
mod ci_gate;
mod config;
mod decode_bounds;
mod dotenv;
mod dotenv_policy;
mod engine_properties;
mod history;
mod hook;
mod html_report;
mod output;
mod precommit_all_files;
mod precommit_framework;
mod provider_rules;
mod recall;
mod remote;
mod report_merge;
mod revoke_cli;
mod rules_catalog;
mod sarif_schema;
mod scan_cli;
mod sensitive_files;
mod skips;
mod snapshots;
mod staged;
mod suppression;
mod suppression_git;
mod verify_cli;
mod verify_multipart;
mod verify_providers;
mod verify_rows;
mod verify_safety;
