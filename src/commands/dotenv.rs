//! `leakgate dotenv [PATH] [--fix]`: the `.env` report; its work lives in
//! [`crate::dotenv::command`].

use crate::cli::DotenvArgs;
use crate::exit::ExitCode;

/// Runs `leakgate dotenv`.
pub fn run(args: DotenvArgs) -> anyhow::Result<ExitCode> {
    crate::dotenv::command::run(args)
}
