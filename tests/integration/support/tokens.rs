//! Helpers shared by the integration tests: token builders and small fixtures.
//!
//! Tokens are built at run time so that no token-shaped string is committed: the repository
//! stays clean under any secret scanner, ours included.
#![allow(dead_code)]

use leakgate::scan::checksum::base62_crc32;

/// Deterministic pseudo-random base62 text, so a failing test can be reproduced.
pub fn base62(seed: u64, len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ALPHABET[(state % 62) as usize] as char
        })
        .collect()
}

/// A GitHub classic personal access token with a valid CRC32 checksum.
pub fn github_pat(seed: u64) -> String {
    let body = base62(seed, 30);
    format!("ghp_{body}{}", base62_crc32(body.as_bytes()))
}

/// An Anthropic API key in its documented shape (`sk-ant-api03-`, 93 characters, `AA`).
pub fn anthropic_key(seed: u64) -> String {
    format!("sk-ant-api03-{}AA", base62(seed, 93))
}

/// A command for the real binary.
pub fn leakgate() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("leakgate").expect("the binary is built");
    cmd.env_remove("NO_COLOR");
    cmd
}

/// Parses a `--format json` report.
pub fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(output)))
}
