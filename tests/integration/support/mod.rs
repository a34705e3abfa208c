//! What the integration tests share: [`sandbox`] (temporary git repositories with `HOME`
//! isolated, and the binary under test run in them), [`tokens`] (fake tokens built at run
//! time), [`http`] (a local HTTP server for verification), [`sarif`] (SARIF schema and GitHub
//! checks), and [`json`] for reading reports.
#![allow(dead_code)]

pub mod git_http;
pub mod http;
pub mod sandbox;
pub mod sarif;
pub mod tokens;

/// Parses a `--format json` report.
pub fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}
