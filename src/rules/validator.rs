//! Named validators (`checksum = "..."` in a rule file): checks a candidate secret must pass
//! beyond its pattern.
//!
//! A rule only names its validator here; the scanner runs it (`scan::checksum`), so the rule
//! model does not depend on the engine. The rule-file key stays `checksum`, the name it has
//! always had (`validator` is accepted as well).

/// A named validator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validator {
    /// GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): after the `_`, 30 random
    /// base62 characters then 6 characters that are the CRC32 of those 30, in base62,
    /// left-padded with `0`.
    GithubCrc32,
    /// npm access tokens (`npm_`): the same construction as GitHub's.
    NpmCrc32,
    /// JSON Web Tokens: the first segment is base64url of a JSON object with an `alg` key.
    JwtHeader,
    /// A password taken from a URL's user-info: not a stand-in (`password`, `****`, ...)
    /// and long enough once decoded.
    UrlPassword,
    /// A value taken from a generic `key = value` assignment: not a stand-in, not code,
    /// not a hash, UUID, URL, path or version.
    GenericValue,
    /// A PEM private-key block: when its base64 body opens with a DER SEQUENCE header (as
    /// every unencrypted RSA, EC or PKCS #8 key does), the body must hold at least half the
    /// bytes that header announces. A documentation example cut after one line
    /// (`MIIEpQIBAAKCAQEA…` announcing 1,193 bytes, carrying 48) is not a usable key.
    PemComplete,
}

impl Validator {
    pub const NAMES: &'static [&'static str] = &[
        "github-crc32",
        "npm-crc32",
        "jwt-header",
        "url-password",
        "generic-value",
        "pem-complete",
    ];

    pub fn by_name(name: &str) -> Option<Validator> {
        match name {
            "github-crc32" => Some(Validator::GithubCrc32),
            "npm-crc32" => Some(Validator::NpmCrc32),
            "jwt-header" => Some(Validator::JwtHeader),
            "url-password" => Some(Validator::UrlPassword),
            "generic-value" => Some(Validator::GenericValue),
            "pem-complete" => Some(Validator::PemComplete),
            _ => None,
        }
    }
}
