//! Fake tokens for the integration tests, the one place that builds them.
//!
//! Tokens are built at run time so that no token-shaped string is committed: the repository
//! stays clean under any secret scanner, ours included. Every builder is deterministic in
//! its `seed`, so a failing test can be reproduced and two seeds give two different tokens.
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

/// A token the built-in `anthropic-api-key` rule reports (the `sk-ant-api03-` shape, from a
/// different generator than [`anthropic_key`], so the two never collide).
pub fn token(seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let body: String = (0..93)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize] as char
        })
        .collect();
    format!("sk-ant-api{}-{body}AA", "03")
}
