//! leakgate finds access tokens and files that must not be committed, before they are.
//!
//! Data flows one way: [`cli`] arguments become a plain [`config::Config`]; a source in
//! [`source`] (the index for `staged`, the object database for `history`, files for `scan`)
//! enumerates blobs with provenance; [`pipeline`] turns each blob into findings or a
//! counted skip (size, binary, archive, LFS, missing), running the [`scan::Scanner`] (the
//! keyword prefilter, the rules' regexes and the secret checks) over it, in parallel;
//! findings ([`finding::Finding`]) pass the allowlists ([`suppress`]), are optionally
//! verified with their issuer,
//! and are written by [`report`] in the chosen format; [`exit`] turns the result into the
//! process's exit code. [`commands`] wires these steps together, one module per command.
//!
//! The contract (commands, formats, exit codes, rule and config formats) is
//! `docs/spec.md`; comments cite its sections as `SPEC §N`.

// No unsafe code, except where a local `#[allow(unsafe_code)]` argues why (the madvise of
// `source::history::pack_pages`).
#![deny(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod commit_msg;
pub mod config;
pub mod context;
pub mod dotenv;
pub mod exit;
pub mod finding;
pub mod hook;
pub mod pipeline;
pub mod report;
pub mod revoke;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
#[cfg(test)]
mod test_git;
pub mod toml_location;
pub mod verify;
