//! The `leakgate` binary: parse arguments, run, print errors, exit.

use clap::Parser;
use leakgate::exit::ExitCode;

fn main() {
    let cli = leakgate::cli::Cli::parse();
    let code = match leakgate::commands::run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::Clean,
        Err(err) => {
            let message = one_line(&format!("{err:#}"));
            // A path in an error can hold terminal control characters: show them escaped.
            eprintln!(
                "error: {}",
                leakgate::report::human::escape_controls(&message)
            );
            ExitCode::Error
        }
    };
    std::process::exit(code.code());
}

/// A closed pipe (`leakgate scan . | head`) is how the reader says it has seen enough.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Errors are one line, so a hook's output stays readable.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
