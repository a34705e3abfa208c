//! Exit codes (SPEC §4) and how a run's results merge into one.

/// What the process reports to its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitCode {
    /// No findings after allowlists and baseline.
    Clean = 0,
    /// Findings.
    Findings = 1,
    /// Bad arguments, bad config or rule file, not a git repository, unreadable input.
    Error = 2,
}

impl ExitCode {
    /// The code for a finished scan: findings win; otherwise any per-item error (an
    /// unreadable folder or commit) or any content skipped that fails closed (over
    /// `--max-file-size` unless `--accept-skips`; unreadable, missing, shallow always) turns a
    /// clean result into an error: the scan fails closed.
    pub fn for_scan(findings: usize, errors: usize, unaccepted_skips: usize) -> ExitCode {
        if findings > 0 {
            ExitCode::Findings
        } else if errors > 0 || unaccepted_skips > 0 {
            ExitCode::Error
        } else {
            ExitCode::Clean
        }
    }

    pub fn code(self) -> i32 {
        self as i32
    }
}

#[cfg(test)]
mod tests {
    use super::ExitCode;

    #[test]
    fn findings_win_and_errors_fail_closed() {
        assert_eq!(ExitCode::for_scan(0, 0, 0), ExitCode::Clean);
        assert_eq!(ExitCode::for_scan(3, 0, 0), ExitCode::Findings);
        assert_eq!(ExitCode::for_scan(0, 1, 0), ExitCode::Error);
        assert_eq!(ExitCode::for_scan(2, 1, 0), ExitCode::Findings);
        assert_eq!(ExitCode::for_scan(0, 0, 1), ExitCode::Error);
        assert_eq!(ExitCode::for_scan(1, 0, 1), ExitCode::Findings);
    }
}
