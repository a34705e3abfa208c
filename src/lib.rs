//! leakgate finds access tokens and files that must not be committed, before they are.
//!
//! Data flows one way: [`cli`] arguments become a plain [`config::Config`]; a source in
//! [`source`] (the index for `staged`, the object database for `history`, files for `scan`)
//! yields blobs with provenance; the [`scan::Scanner`] runs the keyword prefilter, the
//! rules' regexes and the secret checks over each blob, in parallel; findings
//! ([`finding::Finding`]) pass the allowlists, are optionally verified with their issuer,
//! and are written by [`report`] in the chosen format; [`exit`] turns the result into the
//! process's exit code. [`app`] wires these steps together for each command.

pub mod app;
pub mod cli;
pub mod config;
pub mod context;
pub mod dotenv;
pub mod exit;
pub mod finding;
pub mod hook;
pub mod report;
pub mod rules;
pub mod scan;
pub mod source;
pub mod toml_location;
pub mod verify;
