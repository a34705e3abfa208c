//! The named validators of rules (`checksum = "..."` in a rule file, see
//! `rules::validator`), run on each candidate secret.
//!
//! Some token formats carry a checksum of their random part. Validating it removes nearly
//! every false positive of a prefix rule (a `ghp_` string in a test fixture or a doc that was
//! typed by hand fails it), at the cost of a CRC over 30 bytes.
//!
//! Formats without a checksum get structural validators here too: a JWT's header must
//! decode to a JSON object naming its `alg`, and the values caught by context rules
//! (passwords in URLs, `api_key = ...`) must not be stand-ins or code, see
//! [`crate::context::stand_in`].

pub use crate::rules::validator::Validator;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Running a rule's named validator on a candidate secret.
pub trait Validate {
    /// Whether `secret` passes the validator (a valid checksum, a real value).
    fn validate(self, secret: &str) -> bool;
}

impl Validate for Validator {
    fn validate(self, secret: &str) -> bool {
        match self {
            Validator::GithubCrc32 | Validator::NpmCrc32 => crc32_base62_tail(secret),
            Validator::JwtHeader => jwt_header_names_alg(secret),
            Validator::UrlPassword => {
                !crate::context::stand_in::url_password::is_url_password_noise(secret)
            }
            Validator::GenericValue => {
                !crate::context::stand_in::generic_noise::is_generic_noise(secret)
            }
        }
    }
}

/// Whether the first `.`-separated segment of `token` is base64url (padding optional) of a
/// JSON object holding an `alg` key, as every signed JWT's header does.
fn jwt_header_names_alg(token: &str) -> bool {
    use base64::Engine;
    let Some(header) = token.split('.').next() else {
        return false;
    };
    let trimmed = header.trim_end_matches('=');
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(trimmed) else {
        return false;
    };
    match serde_json::from_slice::<serde_json::Value>(&bytes) {
        Ok(serde_json::Value::Object(map)) => map.get("alg").is_some_and(|alg| alg.is_string()),
        _ => false,
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
        assert!(Validator::GithubCrc32.validate(&token));
    }

    #[test]
    fn a_wrong_checksum_fails() {
        let body = "Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH";
        assert!(!Validator::GithubCrc32.validate(&format!("ghp_{body}000000")));
        assert!(!Validator::GithubCrc32.validate("ghp_short"));
        assert!(!Validator::GithubCrc32.validate("no-underscore"));
    }

    #[test]
    fn npm_tokens_use_the_same_construction() {
        let body = "Qw7Er4Ty1Ui8Op5As2Df9Gh6Jk3Lz0";
        let token = format!("npm_{body}{}", base62_crc32(body.as_bytes()));
        assert!(Validator::NpmCrc32.validate(&token));
        let mut broken = token.clone();
        broken.replace_range(5..6, "x");
        assert!(!Validator::NpmCrc32.validate(&broken));
    }

    fn b64url(text: &str) -> String {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
    }

    #[test]
    fn a_jwt_header_must_be_json_naming_its_alg() {
        let payload = b64url(r#"{"sub":"42"}"#);
        let signed = format!(
            "{}.{payload}.c2lnbmF0dXJl",
            b64url(r#"{"alg":"HS256","typ":"JWT"}"#)
        );
        assert!(Validator::JwtHeader.validate(&signed));
        let no_alg = format!("{}.{payload}.c2lnbmF0dXJl", b64url(r#"{"typ":"JWT"}"#));
        assert!(!Validator::JwtHeader.validate(&no_alg));
        let not_json = format!("{}.{payload}.c2lnbmF0dXJl", b64url("{not json"));
        assert!(!Validator::JwtHeader.validate(&not_json));
        assert!(!Validator::JwtHeader.validate("eyJ!!!.x.y"));
    }

    #[test]
    fn url_and_generic_validators_reject_stand_ins() {
        assert!(!Validator::UrlPassword.validate("password"));
        assert!(Validator::UrlPassword.validate("q8Zr3LkP0vX7"));
        assert!(!Validator::GenericValue.validate("get_password()"));
        assert!(Validator::GenericValue.validate("q8Zr3LkP0vX7mN2b"));
    }
}
