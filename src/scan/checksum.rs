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
            Validator::PemComplete => pem_body_not_truncated(secret),
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

/// Whether a PEM block's body holds the key its DER header announces (see
/// [`Validator::PemComplete`]). Bodies that do not open with a DER SEQUENCE (random test
/// fixtures, a legacy encrypted key's ciphertext) pass: only a body that states its own
/// length, and falls far short of it, is known to be a truncated example.
fn pem_body_not_truncated(block: &str) -> bool {
    use base64::Engine;
    // The body starts after the BEGIN line's closing dashes and ends at the END line.
    let after_begin = match block.find("BEGIN") {
        Some(at) => &block[at..],
        None => return true,
    };
    let body = match after_begin.find("-----") {
        Some(at) => &after_begin[at + 5..],
        None => return true,
    };
    let body = body.split("-----END").next().unwrap_or(body);
    if body.contains("Proc-Type:") || body.contains("DEK-Info:") {
        return true;
    }
    // A key pasted into a string literal separates its lines with `\n` escapes; the `n`
    // must not be read as base64.
    let body = body.replace("\\r", " ").replace("\\n", " ");
    let base64_chars: String = body
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/')
        .collect();
    let Some(head) = base64_chars.get(..8) else {
        return true;
    };
    let Ok(header) = base64::engine::general_purpose::STANDARD_NO_PAD.decode(head) else {
        return true;
    };
    let (content_len, header_len) = match header[..] {
        [0x30, len, ..] if len < 0x80 => (usize::from(len), 2),
        [0x30, 0x81, len, ..] => (usize::from(len), 3),
        [0x30, 0x82, hi, lo, ..] => (usize::from(hi) << 8 | usize::from(lo), 4),
        [0x30, 0x83, a, b, c, ..] => (
            usize::from(a) << 16 | usize::from(b) << 8 | usize::from(c),
            5,
        ),
        _ => return true,
    };
    let announced = header_len + content_len;
    let present = base64_chars.len() * 3 / 4;
    present * 2 >= announced
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

    /// A PEM block of `body` bytes, base64 in 64-character lines joined by `separator`.
    fn pem_block(body: &[u8], separator: &str) -> String {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(body);
        let lines: Vec<&str> = encoded
            .as_bytes()
            .chunks(64)
            .map(|chunk| std::str::from_utf8(chunk).unwrap())
            .collect();
        let marker = ["RSA", "PRIVATE", "KEY-----"].join(" ");
        format!(
            "-----BEGIN {marker}{separator}{}{separator}-----END {marker}",
            lines.join(separator)
        )
    }

    /// A DER SEQUENCE announcing `content_len` bytes, of which `present` follow.
    fn der_sequence(content_len: usize, present: usize) -> Vec<u8> {
        let mut der = vec![0x30, 0x82, (content_len >> 8) as u8, content_len as u8];
        der.extend((0..present).map(|i| (i * 37 % 251) as u8));
        der
    }

    #[test]
    fn a_pem_body_cut_short_of_its_der_length_is_rejected() {
        let whole = der_sequence(1189, 1189);
        assert!(Validator::PemComplete.validate(&pem_block(&whole, "\n")));
        assert!(Validator::PemComplete.validate(&pem_block(&whole, "\\n")));
        assert!(Validator::PemComplete.validate(&pem_block(&whole, " ")));
        let cut = der_sequence(1189, 44);
        assert!(!Validator::PemComplete.validate(&pem_block(&cut, "\n")));
        assert!(!Validator::PemComplete.validate(&pem_block(&cut, " ")));
        assert!(!Validator::PemComplete.validate(&pem_block(&cut, "\\n")));
    }

    #[test]
    fn pem_bodies_without_a_der_header_pass() {
        let random: Vec<u8> = (0..96).map(|i| (i * 53 % 256) as u8 | 0x01).collect();
        assert!(Validator::PemComplete.validate(&pem_block(&random, "\n")));
        let marker = ["RSA", "PRIVATE", "KEY-----"].join(" ");
        let encrypted = format!(
            "-----BEGIN {marker}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIEow{}\n-----END {marker}",
            "Ab1".repeat(20)
        );
        assert!(Validator::PemComplete.validate(&encrypted));
    }
}
