//! Value shapes that the shared classifier rejects on their own, but that a credential's
//! name vouches for (issue 13, recall): what a value *is* depends on what it is called.
//!
//! - 32 to 128 hex digits read like a digest (a commit id, a lockfile checksum), and the
//!   classifier drops them; under a password's name they are the password
//!   (`DB_PASSWORD=<64 hex>` from `openssl rand -hex 32`), unless the name itself names a
//!   digest (`password_sha256`, `password_hash`). Under a key's, a secret's or a token's
//!   name they are as often a test vector or a docs example, and stay dropped.
//! - A UUID is an id; under an API key's name it is the key (Heroku's legacy keys, many
//!   SaaS keys are random UUIDs), and HashiCorp Vault's AppRole `secret_id` is one
//!   (developer.hashicorp.com/vault/docs/auth/approle); under a name that ends in an id
//!   (`api_key_id`) it is not, nor under a token's name (example ids in docs).
//! - Digits alone have too little entropy per character for the generic floors; under an
//!   API key's name a run of 12 to 40 of them is the key (Cloudinary's `api_key` is 15 digits,
//!   cloudinary.com/documentation/how_to_integrate_cloudinary#account_details), not a port,
//!   a timeout or an id (names that are no key's).
//! - Sixteen lowercase letters read like an identifier; under a password's name, with few
//!   words in them, they are an app password (Google's app passwords are 16 letters, shown
//!   in four groups of four, support.google.com/accounts/answer/185833).
//!
//! [`fits`] says whether a value has one of these shapes (so that the rule's own length
//! and entropy floors, made for mixed characters, do not drop it first), [`vouched`]
//! whether the candidate's name vouches for it.

use super::classify::word_coverage;
use super::stand_in::placeholder;

/// Hex digests' lengths: MD5 (32) to SHA-512 (128).
const HEX_LENGTHS: std::ops::RangeInclusive<usize> = 32..=128;
/// A key of digits alone: at least 12 (shorter reads as a number), at most 40.
const DIGIT_LENGTHS: std::ops::RangeInclusive<usize> = SHORTEST..=40;
/// The fewest characters a value of any of these shapes has.
pub const SHORTEST: usize = 12;
/// A JWT under a credential name is read up to this length (an RS256 token with many
/// claims runs past the generic rules' 256).
const MAX_JWT: usize = 4096;

/// The shapes a name may vouch for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Hex,
    Uuid,
    Digits,
    AppPassword,
    Jwt,
}

/// The shape of `value`, if it is one a credential's name vouches for.
pub fn fits(value: &str) -> Option<Shape> {
    if is_jwt(value) {
        return Some(Shape::Jwt);
    }
    let b = value.as_bytes();
    if HEX_LENGTHS.contains(&b.len())
        && b.iter().all(u8::is_ascii_hexdigit)
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_alphabetic)
    {
        return Some(Shape::Hex);
    }
    if is_uuid(value) {
        return Some(Shape::Uuid);
    }
    if DIGIT_LENGTHS.contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        return Some(Shape::Digits);
    }
    if is_app_password(value) {
        return Some(Shape::AppPassword);
    }
    None
}

/// Whether the candidate's name (`normal`: the [`super::rule::normalize`]d effective key)
/// vouches for `value` of `shape` as a literal secret, and `value` is no stand-in.
pub fn vouched(shape: Shape, value: &str, normal: &str, place: &Place<'_>) -> bool {
    let b = value.as_bytes();
    if placeholder::is_placeholder(value) || placeholder::is_sequence_filler(value) {
        return false;
    }
    let distinct = {
        let mut seen = [false; 256];
        value.bytes().for_each(|b| seen[b as usize] = true);
        seen.iter().filter(|s| **s).count()
    };
    match shape {
        // The classifier has judged a JWT already (it accepts one); its length alone was
        // past the rule's bound.
        Shape::Jwt => names_credential(normal),
        // Under a secret's, a key's or a token's name, hex of a digest's length is as often
        // a test vector or a documentation example (Go's crypto tests' `key: "<64 hex>"`,
        // Ansible modules' `api_key:` / `auth_key:` examples: 100 findings in the wild-tune
        // corpus split), so only a password's name vouches for it.
        // A `secret_id` (HashiCorp Vault's AppRole secret, an OAuth app's secret under that
        // name: `client_id` / `secret_id`) is a secret's own name, not a key's or a
        // token's; hex under it is the secret. (`client_secret` is not: Ansible modules'
        // EXAMPLES write hex under it, 1 finding in the wild-heldout split.)
        Shape::Hex => {
            distinct >= 8
                && !names_digest(normal)
                && (names_password(normal)
                    || normal.ends_with("secretid")
                    || (names_credentials_only(normal)
                        && uniform_case(value)
                        && !counts_up(value)
                        && !is_sample(place))
                    || ((names_qualified_key(normal) || (b.len() == 32 && names_bare_key(normal)))
                        && !names_id(normal)
                        && uniform_case(value)
                        && !counts_up(value)
                        && !is_sample(place)))
        }
        // Under a token's name a UUID is as often an example id (Consul ACL and Proxmox
        // tokens in Ansible docs: 229 findings in wild-tune); an API key's name and Vault's
        // `secret_id` vouch for it.
        // An OAuth client's secret is one too where the identity server draws it as a UUID
        // (Keycloak's confidential clients, www.keycloak.org/docs/latest/server_admin, the
        // client's Credentials tab): `client_secret: '<uuid>'` beside `client_id`. Not in a
        // sample file or a docstring, where a UUID under any name is an example.
        Shape::Uuid => {
            distinct >= 8
                && (normal.ends_with("secretid")
                    || (normal.contains("apikey") && !names_id(normal))
                    || (normal.ends_with("clientsecret") && !is_sample(place)))
                && !names_digest(normal)
        }
        Shape::Digits => {
            distinct >= 6 && normal.contains("apikey") && !names_id(normal) && !is_millis(value)
        }
        // Under a token's, a secret's or a signing secret's name (`SECRET_KEY`,
        // `super::typed_secret`), sixteen letters with few words in them are the
        // same app password kept as a token (`SECRET_TOKEN`, `MAIL_TOKEN`: a QQ or 163 mail
        // SMTP authorisation code is sixteen lowercase letters).
        Shape::AppPassword => {
            let letters: String = value.split(' ').collect();
            distinct >= 10
                && (names_password(normal)
                    || names_token_or_secret(normal)
                    || super::typed_secret::names_typed_secret(normal, None, false))
                && !names_id(normal)
                && !names_digest(normal)
                && word_coverage(&letters) < 0.5
        }
    }
}

/// The rule that reports a secret a context rule accepted: a catch-all (`fallback`)
/// rule's value that is a JSON Web Token by its shape is reported by the `jwt` rule, when
/// the rule set has one. The joined value decides (`"eyJ..." "...sig"`, `"eyJ..." +
/// "..."`), and so does a token whose header the `jwt` rule's own check cannot read: the
/// credential's name already says it is a secret, the shape says which kind.
pub fn owner(rules: &crate::rules::RuleSet, index: usize, secret: &str) -> usize {
    if !rules.rules[index].spec.fallback || !is_jwt(secret) {
        return index;
    }
    rules
        .rules
        .iter()
        .position(|r| &*r.id == "jwt")
        .unwrap_or(index)
}

/// `eyJ<header>.eyJ<payload>.<signature>`: the JWS compact serialization (RFC 7515 section
/// 7.1) of a JSON header and payload (a JSON object always encodes to `eyJ`).
pub fn is_jwt(value: &str) -> bool {
    // The header starts the value: most values are told by their first bytes, before
    // they are split.
    if value.len() > MAX_JWT || !value.starts_with("eyJ") {
        return false;
    }
    let mut parts = value.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let base64url = |s: &str| {
        s.trim_end_matches('=')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    header.starts_with("eyJ")
        && payload.starts_with("eyJ")
        && header.len() >= 13
        && payload.len() >= 13
        && signature.len() >= 16
        && [header, payload, signature].into_iter().all(base64url)
}

/// `8-4-4-4-12` hex digits: 36 bytes, `-` at 8, 13, 18 and 23, hex digits elsewhere.
/// Checked byte by byte (asked of every candidate that a generic rule meets, most of
/// which are no UUID by their length alone), not by splitting the value into a `Vec`.
fn is_uuid(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Sixteen lowercase ASCII letters, as one run or as four groups of four split by single
/// spaces (19 bytes, spaces at 4, 9 and 14). Checked byte by byte, as [`is_uuid`].
fn is_app_password(v: &str) -> bool {
    let b = v.as_bytes();
    match b.len() {
        16 => b.iter().all(u8::is_ascii_lowercase),
        19 => b.iter().enumerate().all(|(i, &c)| match i {
            4 | 9 | 14 => c == b' ',
            _ => c.is_ascii_lowercase(),
        }),
        _ => false,
    }
}

/// A time in milliseconds since 1970 (13 digits, 2001 to 2040): a timestamp, not a key.
fn is_millis(v: &str) -> bool {
    v.len() == 13
        && v.parse::<u64>()
            .is_ok_and(|n| (1_000_000_000_000..2_210_000_000_000).contains(&n))
}

fn names_credential(normal: &str) -> bool {
    [
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "key",
        "auth",
        "credential",
        "jwt",
    ]
    .iter()
    .any(|w| normal.contains(w))
        || normal.ends_with("pass")
}

/// A name that says only "credentials" (`credentials`, `DB_CREDENTIALS`, `creds`,
/// `userCredential`), no password, secret, token or key: it holds objects, paths, types
/// and translations far more often than a literal, so a value under it counts only when it
/// [`mixes_digits_and_letters`] or is hex of a key's length.
pub fn names_credentials_only(normal: &str) -> bool {
    ["credentials", "credential", "creds"]
        .iter()
        .any(|w| normal.ends_with(w))
        && !["pass", "pwd", "secret", "token", "key"]
            .iter()
            .any(|w| normal.contains(w))
}

/// Whether `value` holds ASCII digits and ASCII letters both: what a generated value holds,
/// and a word, a translation or a type name does not.
pub fn mixes_digits_and_letters(value: &str) -> bool {
    let b = value.as_bytes();
    b.iter().any(u8::is_ascii_digit) && b.iter().any(u8::is_ascii_alphabetic)
}

/// A token's or a secret's name (`SECRET_TOKEN`, `mail_token`, `smtp_secret`).
fn names_token_or_secret(normal: &str) -> bool {
    normal.ends_with("token") || normal.ends_with("secret")
}

/// An API key's, a token's or a secret's name that says what it keys (`API_KEY`,
/// `access_token`, `client_secret`, `ZABBIX_AUTH_KEY`, `PRIVATE_KEY`), not the bare word
/// (`key:`, `token=`, `secret:`), which crypto test vectors and config samples write hex
/// under (Go's poly1305 vectors: `key: "<64 hex>"`, 49 findings in `wild-tune` when tried).
fn names_qualified_key(normal: &str) -> bool {
    ["key", "token", "secret"]
        .iter()
        .any(|w| normal.len() > w.len() && normal.ends_with(w))
}

/// The bare word alone (`token=`, `secret:`): it vouches for 32 hex digits only,
/// the length the classifier already keeps as a key (an MD5-length value is no digest it
/// drops), so that one drawn below the rule's entropy floor is not lost; 40 and 64 digits
/// under it stay the digests and test vectors they mostly are.
fn names_bare_key(normal: &str) -> bool {
    ["token", "secret"].contains(&normal)
}

/// Hex digits of one case: a key drawn as hex is printed in lowercase (or all in
/// uppercase); mixed case is no hex encoding's.
fn uniform_case(value: &str) -> bool {
    let b = value.as_bytes();
    !(b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase))
}

/// Hex whose bytes count up (`000102...0e0f`, `0123456789abcdef...`): a test pattern,
/// not a drawn key (cfssl's docs: `"auth-key": "000102030405060708090a0b0c0d0e0f"`).
fn counts_up(value: &str) -> bool {
    let steps = |width: usize| {
        let units: Vec<u32> = value
            .as_bytes()
            .chunks(width)
            .filter_map(|c| u32::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        let up = units.windows(2).filter(|w| w[1] == w[0] + 1).count();
        up * 4 >= units.len().saturating_sub(1) * 3
    };
    steps(1) || steps(2)
}

/// Where a candidate sits, for the shapes whose name alone does not settle them.
#[derive(Clone, Copy, Default)]
pub struct Place<'a> {
    pub path: Option<&'a str>,
    pub data: &'a [u8],
    pub line_start: usize,
}

/// Whether the candidate sits where sample values live rather than deployed ones: a test
/// or fixture file, documentation, or a docstring. Hex under an API key's or a token's name
/// there was, in the corpus, a test server's canned response (`golang.org/x/oauth2`'s
/// `"access_token": "<40 hex>"` in `*_test.go`, 15 findings), a module's EXAMPLES
/// docstring (Ansible collections' `auth_key: <64 hex>`, 30), a README's example or a
/// Molecule test scenario: every one of them a sample, none a key in use.
pub fn is_sample(place: &Place<'_>) -> bool {
    place.path.is_some_and(is_sample_path) || in_docstring(place) || is_token_response(place)
}

/// An OAuth token endpoint's response written out on one line
/// (`w.Write([]byte("access_token=<40 hex>&token_type=bearer"))`, `{"access_token": "...",
/// "token_type": "bearer"}`): what a fake server in a test answers, not a token kept to be
/// used. `token_type` is a response field (RFC 6749 section 5.1) that no client's settings
/// carry beside the token on the same line.
fn is_token_response(place: &Place<'_>) -> bool {
    let rest = place.data.get(place.line_start..).unwrap_or_default();
    let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    line.windows(10)
        .any(|w| w.eq_ignore_ascii_case(b"token_type"))
}

/// A test, fixture, example or documentation file by its path.
fn is_sample_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let file = lower.rsplit('/').next().unwrap_or(&lower);
    let dirs = &lower[..lower.len() - file.len()];
    const DIRS: [&str; 14] = [
        "test",
        "tests",
        "testdata",
        "testing",
        "spec",
        "specs",
        "__tests__",
        "fixtures",
        "fixture",
        "mocks",
        "examples",
        "example",
        "molecule",
        "docs",
    ];
    let in_dir = dirs.split('/').any(|d| DIRS.contains(&d));
    let stem = file.split('.').next().unwrap_or(file);
    let test_file = stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem.ends_with("_tests")
        || stem.ends_with("test")
        || file.contains(".test.")
        || file.contains(".spec.")
        || stem.ends_with("_spec")
        || stem.contains("vector")
        || stem.contains("example")
        || stem.contains("sample");
    let doc = [".md", ".markdown", ".rst", ".adoc", ".ipynb"]
        .iter()
        .any(|ext| file.ends_with(ext));
    in_dir || test_file || doc
}

/// Whether the line starts inside a triple-quoted string (a Python docstring, a module's
/// `EXAMPLES = r'''...'''`): an odd count of `"""` or `'''` before it.
pub(crate) fn in_docstring(place: &Place<'_>) -> bool {
    let Some(before) = place.data.get(..place.line_start) else {
        return false;
    };
    let count = |q: &[u8]| before.windows(3).filter(|w| *w == q).count();
    count(b"\"\"\"") % 2 == 1 || count(b"'''") % 2 == 1
}

/// A name that spells a password out (`password`, `passwd`, `pwd`, `passphrase`): only
/// these vouch for a value the classifier took for a word or a name
/// (`super::password_value`). A name ending in `pass` alone does not: in code it is as
/// often a pass of a renderer or a parser (`this.renderPass="offscreen"`).
pub(crate) fn names_typed_password(normal: &str) -> bool {
    ["password", "passwd", "pwd", "passphrase"]
        .iter()
        .any(|w| normal.contains(w))
}

pub(crate) fn names_password(normal: &str) -> bool {
    ["password", "passwd", "pwd", "passphrase"]
        .iter()
        .any(|w| normal.contains(w))
        || normal.ends_with("pass")
}

/// A name that says its value is a digest or an object's id, not a credential.
fn names_digest(normal: &str) -> bool {
    [
        "sha",
        "md5",
        "hash",
        "digest",
        "checksum",
        "sum",
        "integrity",
        "commit",
        "revision",
        "etag",
        "fingerprint",
        "crc",
        "oid",
        "object",
        "blob",
    ]
    .iter()
    .any(|w| normal.contains(w))
        || normal.ends_with("rev")
}

/// A name whose last word says it holds an id (`api_key_id`, `token_uuid`, `client_id`).
pub(crate) fn names_id(normal: &str) -> bool {
    [
        "id",
        "ids",
        "uuid",
        "guid",
        "identifier",
        "number",
        "num",
        "no",
    ]
    .iter()
    .any(|w| normal.ends_with(w))
        || ["port", "timeout", "ttl", "count", "size", "version"]
            .iter()
            .any(|w| normal.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape checks as they were written before the byte-by-byte forms: splitting the
    /// value into parts.
    mod split_forms {
        pub fn is_uuid(v: &str) -> bool {
            let parts: Vec<&str> = v.split('-').collect();
            parts.len() == 5
                && parts
                    .iter()
                    .zip([8, 4, 4, 4, 12])
                    .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
        }

        pub fn is_app_password(v: &str) -> bool {
            let lower = |s: &str| s.bytes().all(|b| b.is_ascii_lowercase());
            let groups: Vec<&str> = v.split(' ').collect();
            match groups.as_slice() {
                [one] => one.len() == 16 && lower(one),
                [_, _, _, _] => groups.iter().all(|g| g.len() == 4 && lower(g)),
                _ => false,
            }
        }

        pub fn is_jwt(value: &str) -> bool {
            if value.len() > super::MAX_JWT {
                return false;
            }
            let mut parts = value.split('.');
            let (Some(header), Some(payload), Some(signature), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return false;
            };
            let base64url = |s: &str| {
                s.trim_end_matches('=')
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            };
            header.starts_with("eyJ")
                && payload.starts_with("eyJ")
                && header.len() >= 13
                && payload.len() >= 13
                && signature.len() >= 16
                && [header, payload, signature].into_iter().all(base64url)
        }
    }

    /// The byte-by-byte shape checks answer as the split forms on generated values: near
    /// misses of each shape (a byte changed, inserted or dropped, a separator moved, an
    /// upper-case or multi-byte letter) and random mixes of their characters.
    #[test]
    fn shape_checks_answer_as_the_split_forms() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let uuid = ["3f9c1e7a", "5b2d", "4c8e", "9a61", "7d0b2e4f8c13"].join("-");
        let app = ["qxkv", "mzbr", "twpl", "nfhd"].join(" ");
        let jwt = [
            "eyJhbGciOiJIUzI1NiJ9",
            "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
            "dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        ]
        .join(".");
        let pieces: [&str; 12] = ["a", "f", "0", "9", "-", " ", ".", "Q", "é", "eyJ", "=", "_"];
        let mut checked = 0;
        for round in 0..30_000 {
            let mut v: Vec<u8> = match round % 4 {
                0 => uuid.clone().into_bytes(),
                1 => app.clone().into_bytes(),
                2 => jwt.clone().into_bytes(),
                _ => Vec::new(),
            };
            if v.is_empty() {
                for _ in 0..(next() % 40) {
                    v.extend_from_slice(pieces[(next() % 12) as usize].as_bytes());
                }
            } else {
                for _ in 0..(next() % 3) {
                    let at = (next() as usize) % (v.len() + 1);
                    let piece = pieces[(next() % 12) as usize].as_bytes();
                    match next() % 3 {
                        0 if at < v.len() => {
                            v.remove(at);
                        }
                        1 if at < v.len() => v[at] = piece[0],
                        _ => v.splice(at..at, piece.iter().copied()).for_each(drop),
                    }
                }
            }
            let v = String::from_utf8_lossy(&v).into_owned();
            assert_eq!(is_uuid(&v), split_forms::is_uuid(&v), "{v:?}");
            assert_eq!(
                is_app_password(&v),
                split_forms::is_app_password(&v),
                "{v:?}"
            );
            assert_eq!(is_jwt(&v), split_forms::is_jwt(&v), "{v:?}");
            checked += usize::from(is_uuid(&v) || is_app_password(&v) || is_jwt(&v));
        }
        // The near misses include the shapes themselves, unchanged.
        assert!(checked > 1_000, "{checked} of the values had a shape");
    }

    #[test]
    fn shapes_are_told_apart() {
        let hex: String = (0..64)
            .map(|i| b"0123456789abcdef"[(i * 7 + 3) % 16] as char)
            .collect();
        assert_eq!(fits(&hex), Some(Shape::Hex));
        assert_eq!(
            fits(&["3f9c1e7a", "5b2d", "4c8e", "9a61", "7d0b2e4f8c13"].join("-")),
            Some(Shape::Uuid)
        );
        assert_eq!(fits("483926175048261"), Some(Shape::Digits));
        assert_eq!(
            fits(&["qxkv", "mzbr", "twpl", "nfhd"].join(" ")),
            Some(Shape::AppPassword)
        );
        assert_eq!(fits("Hq4tN7wZ2pK9mR3"), None);
        assert_eq!(fits("qxkv mzbr twpl"), None);
    }

    #[test]
    fn names_vouch_or_not() {
        let hex: String = (0..64)
            .map(|i| b"0123456789abcdef"[(i * 7 + 3) % 16] as char)
            .collect();
        assert!(vouched(Shape::Hex, &hex, "dbpassword", &Place::default()));
        assert!(!vouched(Shape::Hex, &hex, "key", &Place::default()));
        assert!(!vouched(
            Shape::Hex,
            &hex,
            "passwordsha256",
            &Place::default()
        ));
        assert!(!vouched(Shape::Hex, &hex, "tokenhash", &Place::default()));
        let uuid = ["3f9c1e7a", "5b2d", "4c8e", "9a61", "7d0b2e4f8c13"].join("-");
        assert!(vouched(Shape::Uuid, &uuid, "apikey", &Place::default()));
        assert!(vouched(
            Shape::Uuid,
            &uuid,
            "vaultsecretid",
            &Place::default()
        ));
        assert!(!vouched(Shape::Uuid, &uuid, "apikeyid", &Place::default()));
        assert!(!vouched(Shape::Uuid, &uuid, "requestid", &Place::default()));
        assert!(vouched(
            Shape::Digits,
            "483926175048261",
            "cloudinaryapikey",
            &Place::default()
        ));
        assert!(!vouched(
            Shape::Digits,
            "483926175048261",
            "apitimeout",
            &Place::default()
        ));
        assert!(!vouched(
            Shape::Digits,
            "123456789012345",
            "apikey",
            &Place::default()
        ));
        assert!(!vouched(
            Shape::Digits,
            "1702549877123",
            "apikey",
            &Place::default()
        ));
        assert!(vouched(
            Shape::AppPassword,
            "qxkv mzbr twpl nfhd",
            "smtppassword",
            &Place::default()
        ));
        assert!(!vouched(
            Shape::AppPassword,
            "abcd efgh ijkl mnop",
            "smtppassword",
            &Place::default()
        ));
        assert!(!vouched(
            Shape::AppPassword,
            "qxkvmzbrtwplnfhd",
            "apikey",
            &Place::default()
        ));
    }
    #[test]
    fn hex_under_key_names_needs_a_qualified_name_and_a_deployed_place() {
        let hex: String = (0..40)
            .map(|i| b"0123456789abcdef"[(i * 7 + 3 + i / 5) % 16] as char)
            .collect();
        let at = |path: &'static str, data: &'static [u8]| Place {
            path: Some(path),
            data,
            line_start: data.len(),
        };
        let deployed = at("config/settings.py", b"");
        for name in [
            "apikey",
            "authtoken",
            "clientsecret",
            "privatekey",
            "zabbixauthkey",
        ] {
            assert!(vouched(Shape::Hex, &hex, name, &deployed), "{name}");
        }
        for name in [
            "key",
            "token",
            "secret",
            "apikeyid",
            "tokensha1",
            "secretchecksum",
        ] {
            assert!(!vouched(Shape::Hex, &hex, name, &deployed), "{name}");
        }
        for path in [
            "pkg/oauth2_test.go",
            "tests/client.py",
            "src/test_client.py",
            "src/app.spec.ts",
            "cfssl/testdata/config.json",
            "molecule/default/molecule.yml",
            "README.md",
            "docs/setup.rst",
            "crypto/poly1305/vectors_test.go",
        ] {
            assert!(
                !vouched(Shape::Hex, &hex, "apikey", &at(path, b"")),
                "{path}"
            );
        }
        let docstring = at("plugins/modules/acme.py", b"EXAMPLES = r'''\n- acme:\n");
        assert!(!vouched(Shape::Hex, &hex, "apikey", &docstring));
        let closed = at("acme.py", b"'''doc'''\n");
        assert!(vouched(Shape::Hex, &hex, "apikey", &closed));
        let response = Place {
            path: Some("server.go"),
            data: b"w.Write([]byte(\"access_token=x&token_type=bearer\"))\n",
            line_start: 0,
        };
        assert!(!vouched(Shape::Hex, &hex, "accesstoken", &response));
        let counting: String = (0u8..16).map(|i| format!("{i:02x}")).collect();
        assert!(!vouched(Shape::Hex, &counting, "apikey", &deployed));
        let mixed = format!("{}{}", &hex[..20], hex[20..].to_ascii_uppercase());
        assert!(!vouched(Shape::Hex, &mixed, "apikey", &deployed));
        // 32 digits under the bare word: the length the classifier keeps.
        assert!(vouched(Shape::Hex, &hex[..32], "token", &deployed));
        assert!(!vouched(
            Shape::Hex,
            &hex[..32],
            "token",
            &at("a_test.go", b"")
        ));
    }
}
