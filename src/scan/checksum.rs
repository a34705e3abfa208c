//! Named checksum validators (`checksum = "..."` in a rule).
//!
//! Some token formats carry a checksum of their random part. Validating it removes nearly
//! every false positive of a prefix rule (a `ghp_` string in a test fixture or a doc that was
//! typed by hand fails it), at the cost of a CRC over 30 bytes.

/// A named validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checksum {
    /// GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): after the `_`, 30 random
    /// base62 characters then 6 characters that are the CRC32 of those 30, in base62,
    /// left-padded with `0`.
    GithubCrc32,
    /// npm access tokens (`npm_`): the same construction as GitHub's.
    NpmCrc32,
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Checksum {
    pub const NAMES: &'static [&'static str] = &["github-crc32", "npm-crc32"];

    pub fn by_name(name: &str) -> Option<Checksum> {
        match name {
            "github-crc32" => Some(Checksum::GithubCrc32),
            "npm-crc32" => Some(Checksum::NpmCrc32),
            _ => None,
        }
    }

    /// Whether `secret` carries a valid checksum.
    pub fn validate(self, secret: &str) -> bool {
        match self {
            Checksum::GithubCrc32 | Checksum::NpmCrc32 => crc32_base62_tail(secret),
        }
    }
}

/// `prefix_` + 30 characters + 6 base62 CRC32 characters.
fn crc32_base62_tail(secret: &str) -> bool {
    let Some((_, rest)) = secret.split_once('_') else {
        return false;
    };
    if rest.len() != 36 || !rest.is_ascii() {
        return false;
    }
    let (body, check) = rest.split_at(30);
    base62_crc32(body.as_bytes()) == check
}

/// Base62 of the CRC32 of `body`, left-padded to 6 characters.
pub fn base62_crc32(body: &[u8]) -> String {
    let mut value = crc32fast::hash(body);
    let mut digits = [b'0'; 6];
    for slot in digits.iter_mut().rev() {
        *slot = BASE62[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8(digits.to_vec()).expect("base62 digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_built_with_its_checksum_validates() {
        let body = "Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH";
        let token = format!("ghp_{body}{}", base62_crc32(body.as_bytes()));
        assert!(Checksum::GithubCrc32.validate(&token));
    }

    #[test]
    fn a_wrong_checksum_fails() {
        let body = "Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH";
        assert!(!Checksum::GithubCrc32.validate(&format!("ghp_{body}000000")));
        assert!(!Checksum::GithubCrc32.validate("ghp_short"));
        assert!(!Checksum::GithubCrc32.validate("no-underscore"));
    }
}
