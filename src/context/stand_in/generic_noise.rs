//! The generic-value classifier: code, references, hashes, paths, versions and names that a
//! rule taking "whatever follows `api_key =`" sees far more often than secrets. Used by the
//! context engine's shared classifier (`super::super::classify`) and by regex rules through
//! `checksum = "generic-value"`. The prefix and extension lists are data:
//! `rules/words/code-prefixes.txt`, `file-extensions.txt`, `checksummed-prefixes.txt`.

use super::url_password::is_stand_in_password;
use super::word_list;
use std::sync::OnceLock;

/// File extensions that mark a value as a file name (`secret_file = creds.json`).
fn file_extensions() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../rules/words/file-extensions.txt")))
}

/// Prefixes of code, references and hashes rather than literal secrets.
fn code_prefixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../rules/words/code-prefixes.txt")))
}

/// Prefixes of token formats whose rules validate a checksum.
fn checksummed_prefixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        word_list(include_str!(
            "../../../rules/words/checksummed-prefixes.txt"
        ))
    })
}

/// Whether a value caught by a generic `key = value` rule is noise: a stand-in
/// ([`is_stand_in_password`]), code (a call, an index, a member access, a reference), a UUID,
/// a SHA-1/SHA-2 hex digest (git commits, lockfile checksums), a URL, a path or file name,
/// a version string, a date and time, or an identifier such as an i18n key (`auth.password.label`,
/// `PASSWORD_FIELD`, `newPassword`).
pub fn is_generic_noise(value: &str) -> bool {
    is_noise_but_name(value) || is_identifier(value.trim())
}

/// [`is_generic_noise`] without its test for names: what no name vouches for (code,
/// references, hashes, paths, versions, dates, written text). A password's name vouches
/// for a value that reads as an identifier only by its shape (`uvzhmasqxezy`), and
/// `context::password_value` judges it instead.
pub fn is_noise_but_name(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if is_stand_in_password(v) {
        return true;
    }
    if v.contains(['(', ')', '[', ']', '{', '}']) || v.contains("://") || v.contains("::") {
        return true;
    }
    if code_prefixes().iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if is_uuid(v) || is_sha_hex(v) || is_path_or_file(&lower) || is_version(v) {
        return true;
    }
    if is_hex_literal(v) || is_postgres_md5(&lower) || is_timestamp(v) {
        return true;
    }
    is_checksummed_format(v)
        || is_base64_of_prose(v)
        || is_namespaced_id(v)
        || is_written_text(v)
        || unicode_unescaped(v).is_some_and(|text| is_written_text(&text))
        || is_delimited_regex(v)
}

/// Text a person wrote in a natural language, as translation catalogs hold it beside keys
/// that name a password or a token (MediaWiki's `"config-db-password": "Adatbázisjelszó:"`,
/// `"apihelp-login-param-password": "Slaptažodis."`, `"password-change-forbidden":
/// "您的密码至少需要$1个字符。"`): either any letter or punctuation mark of a script other
/// than Latin, Greek and Cyrillic (ideographs, kana, hangul, Thai, Khmer, Arabic, full-width
/// and general punctuation), or words of letters with at least one letter or combining
/// accent beyond ASCII, joined by `-`, `_` or apostrophes, with no digit or symbol, perhaps
/// ending in `:` or `.` (`Passwort_zurücksetzen`, `Käyttäjänimi:`, `Hokasit́e`). A generated
/// secret is ASCII, and a typed password of one plain word is rejected as a name already
/// (`Passwort`).
fn is_written_text(v: &str) -> bool {
    let other_script = |c: char| {
        let cp = c as u32;
        cp >= 0x0590
            && (c.is_alphabetic()
                || (0x2000..=0x206F).contains(&cp)
                || (0x3000..=0x303F).contains(&cp)
                || (0xFF00..=0xFFEF).contains(&cp))
    };
    if v.chars().any(other_script) {
        return true;
    }
    let combining = |c: char| {
        let cp = c as u32;
        (0x0300..=0x036F).contains(&cp)
            || (0x1AB0..=0x1AFF).contains(&cp)
            || (0x1DC0..=0x1DFF).contains(&cp)
    };
    let core = v.trim_end_matches([':', '.']);
    core.chars()
        .any(|c| (!c.is_ascii() && c.is_alphabetic()) || combining(c))
        && core
            .chars()
            .all(|c| c.is_alphabetic() || combining(c) || "-_'\u{2019}\u{02bc}\\".contains(c))
}

/// A value spelled with `\uXXXX` escapes, as Java and JavaScript sources and Java
/// `.properties` files write letters beyond ASCII (the JDK's `{ "PW", "Pal\u00e1u" }`, a
/// country name under the code `PW`; keytool's Swedish `"l\u00F6senord: "`), decoded so
/// that written text is read as text. `None` when the value holds no such escape, or one
/// that is not four hex digits of a character.
fn unicode_unescaped(v: &str) -> Option<String> {
    if !v.contains("\\u") {
        return None;
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(at) = rest.find("\\u") {
        out.push_str(&rest[..at]);
        let hex = rest.get(at + 2..at + 6)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
        rest = &rest[at + 6..];
    }
    out.push_str(rest);
    Some(out)
}

/// A regular expression between delimiters, as PHP and Perl write one
/// (`#^mw:Transclusion#` in MediaWiki's Parsoid, `/^[a-z]+$/i`), passed to a call beside a
/// token it matches:
/// the same delimiter at both ends (flags may follow) around a pattern anchored with `^`
/// or `$`.
fn is_delimited_regex(v: &str) -> bool {
    let Some(first) = v.chars().next() else {
        return false;
    };
    if !"#~!%@|/".contains(first) {
        return false;
    }
    let body = v.trim_end_matches(|c: char| "imsxuUDAJn".contains(c));
    let Some(inner) = body
        .strip_prefix(first)
        .and_then(|rest| rest.strip_suffix(first))
    else {
        return false;
    };
    inner.len() >= 2 && (inner.starts_with('^') || inner.ends_with('$'))
}

/// An object's ID written under a dotted namespace of lowercase labels, at least one of
/// them a word: `amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A` (an Amazon customer ID, the
/// subject of a web identity token in the AWS SDK's tests), `amzn1.ask.skill.<uuid>`.
/// Tokens with a dotted prefix carry one short label (`ya29.`, `s.`, `hvs.`, `sk.`), not a
/// namespace of two labels or more that ends in a word.
fn is_namespaced_id(v: &str) -> bool {
    let Some((namespace, id)) = v.rsplit_once('.') else {
        return false;
    };
    let labels: Vec<&str> = namespace.split('.').collect();
    labels.len() >= 2
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && labels.iter().all(|l| {
            l.len() >= 2
                && l.as_bytes()[0].is_ascii_lowercase()
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|l| l.len() >= 3 && super::super::classify::word_coverage(l) >= 0.8)
}

/// A value in a format that a checksummed rule owns (`ghp_` + 36): that rule decides, so a
/// lookalike whose checksum fails is not reported again as a generic token.
fn is_checksummed_format(v: &str) -> bool {
    checksummed_prefixes().iter().any(|p| {
        v.strip_prefix(p)
            .is_some_and(|rest| rest.len() == 36 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
    })
}

/// `8-4-4-4-12` hex digits.
fn is_uuid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Hex of the length of a SHA-1, SHA-256, SHA-384 or SHA-512 digest.
fn is_sha_hex(v: &str) -> bool {
    matches!(v.len(), 40 | 64 | 96 | 128) && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A hex number written as code writes it (`0x5632724fb8ac3699296af26281e1d0f1`): a
/// digest, a localized key or a constant. A typed password is not spelled as a hex literal.
fn is_hex_literal(v: &str) -> bool {
    v.strip_prefix("0x")
        .or_else(|| v.strip_prefix("0X"))
        .is_some_and(|hex| hex.len() >= 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// PostgreSQL's stored password hash: `md5` and 32 hex digits (`CREATE ROLE ... PASSWORD
/// 'md5...'` and Ansible's `postgresql_user` take it instead of the password).
fn is_postgres_md5(lower: &str) -> bool {
    lower
        .strip_prefix("md5")
        .is_some_and(|hex| hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An ISO 8601 / RFC 3339 date and time (`2016-01-25T16:39:48.166Z`,
/// `2016-11-06T15:32:17.000000`, `2013-09-11 06:07:51+02:00`): the value of a credential's
/// `expires_at`, `created_at` or `password_expires_at`, which API fixtures hold beside the
/// credential itself. A date and a time of day, then only fractions and a zone.
fn is_timestamp(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date = b.len() >= 16
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't' | b' ' | b'_')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16);
    date && b[16..]
        .iter()
        .all(|c| c.is_ascii_digit() || b":.+-Zz".contains(c))
}

/// Standard base64 with its `=` padding: a multiple of four characters of its alphabet.
fn is_padded_base64(v: &str) -> bool {
    v.len() >= 16
        && v.len().is_multiple_of(4)
        && v.ends_with('=')
        && v.trim_end_matches('=').len() + 2 >= v.len()
        && v.trim_end_matches('=')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

fn is_path_or_file(lower: &str) -> bool {
    if ["/", "./", "../", "~/", "\\"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        // One base64 value in 64 starts with `/`; padded to a multiple of four, with no
        // dot, it is the encoding, not a path (no path ends in `=`).
        return !is_padded_base64(lower);
    }
    // `.aws/credentials`, `config/secrets.yml`: every piece between slashes is a name.
    if lower.contains('/')
        && lower
            .split('/')
            .filter(|piece| !piece.is_empty())
            .all(is_identifier)
    {
        return true;
    }
    // A resource name (`projects/123456/locations/global/keys/<uuid>`): names, numbers and
    // UUIDs between slashes, most of them names.
    if lower.matches('/').count() >= 2 {
        let pieces: Vec<&str> = lower.split('/').filter(|p| !p.is_empty()).collect();
        let names = pieces.iter().filter(|p| is_identifier(p)).count();
        let ids = pieces
            .iter()
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()) || is_uuid(p))
            .count();
        if names + ids == pieces.len() && names * 2 >= pieces.len() {
            return true;
        }
    }
    let bytes = lower.as_bytes();
    if bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":\\" {
        return true;
    }
    // A file name; under a folder, its stem may carry a timestamp
    // (`output/sample-214.2023-11-01T10:44:03.353Z.json`).
    let stem_chars: &[u8] = if lower.contains('/') {
        b"_-./:"
    } else {
        b"_-./"
    };
    match lower.rsplit_once('.') {
        Some((stem, ext)) => {
            !stem.is_empty()
                && file_extensions().contains(&ext)
                && stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || stem_chars.contains(&b))
        }
        None => false,
    }
}

/// `1.2.3`, `v2.0`, `^4.17.21`, `>=1.0.0-beta`.
fn is_version(v: &str) -> bool {
    let core = v.trim_start_matches(['^', '~', '>', '<', '=', 'v', 'V']);
    let mut parts = core.split(['-', '+']).next().unwrap_or("").split('.');
    let all_numeric = parts
        .clone()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    all_numeric && parts.nth(1).is_some()
}

/// A name or label, not a secret: one capitalised word in any script (`Passwort`,
/// `Contraseña`), letters in camelCase or in one case (`newPassword`, `BINDSTRING`), or words joined by
/// `_`, `-`, `.` or `::` where every word reads as a word: all lowercase, all uppercase or
/// CamelCase, digits only at its end (`auth.password.label`, `WIN32_ERROR`,
/// `token_idx1_forward`, `MsV1_0_PROTOCOL_MESSAGE_TYPE`). Random tokens mix case and digits
/// inside their pieces (`hN7-vQ2w`), so they do not pass for names.
pub(crate) fn is_identifier(v: &str) -> bool {
    let mut chars = v.chars();
    if let Some(first) = chars.next() {
        let rest: Vec<char> = chars.collect();
        if first.is_uppercase() && !rest.is_empty() && rest.iter().all(|c| c.is_lowercase()) {
            return true;
        }
    }
    if !v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"_-.:".contains(&b))
    {
        return false;
    }
    let separated = v.contains(['_', '-', '.', ':']);
    if !separated {
        let letters_only = v.bytes().all(|b| b.is_ascii_alphabetic());
        let humps = v
            .as_bytes()
            .windows(2)
            .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            .count();
        let one_case =
            v.bytes().all(|b| b.is_ascii_lowercase()) || v.bytes().all(|b| b.is_ascii_uppercase());
        if !letters_only || one_case {
            return letters_only;
        }
        // Mixed case: a name when its capitals start humps (`newPassword`, `TokenStore`), when
        // it is short (`wgDBuser`), or when it reads mostly as words with acronyms in it
        // (`getHTTPResponse`); twelve or more letters drawn at random put capitals side by
        // side inside the value (`NLacjROyJViX`), in no words.
        return humps >= 1
            && (v.len() < 12
                || capitals_start_humps(v)
                || crate::context::classify::word_coverage(v) >= 0.5);
    }
    v.split(['_', '-', '.', ':'])
        .filter(|part| !part.is_empty())
        .all(is_word)
}

/// Whether every capital of `v` (ASCII letters) starts a hump of at least two lowercase
/// letters, or ends it: `newPassword`, `TokenStoreX`; not `NLacjROyJViX`.
fn capitals_start_humps(v: &str) -> bool {
    let b = v.as_bytes();
    (0..b.len()).all(|i| {
        !b[i].is_ascii_uppercase()
            || i + 1 == b.len()
            || (i + 2 < b.len() && b[i + 1].is_ascii_lowercase() && b[i + 2].is_ascii_lowercase())
    })
}

/// All lowercase, all uppercase, or CamelCase humps, with digits only at the end
/// (`password`, `WIN32`, `idx1`, `MsV1`); pieces of three characters or fewer always pass.
fn is_word(part: &str) -> bool {
    if part.len() <= 3 {
        return true;
    }
    let letters = part.trim_end_matches(|c: char| c.is_ascii_digit());
    if letters.is_empty() {
        return true;
    }
    let body_has_digit = letters.bytes().any(|b| b.is_ascii_digit());
    let lower = part.bytes().all(|b| !b.is_ascii_uppercase());
    let upper = part.bytes().all(|b| !b.is_ascii_lowercase());
    if lower || upper {
        // `idx1`, `WIN32`, `D3D10`: one case reads as a name when at most one digit sits
        // among its letters; random base36 (`q8zr3lkp0vx7`) scatters several.
        let inner_digits = letters.bytes().filter(u8::is_ascii_digit).count();
        return inner_digits <= 1;
    }
    if body_has_digit {
        return false;
    }
    // CamelCase: every uppercase letter starts a hump of lowercase letters (or ends the word).
    let bytes = letters.as_bytes();
    bytes.iter().enumerate().all(|(i, b)| {
        !b.is_ascii_uppercase()
            || i + 1 == bytes.len()
            || bytes[i + 1].is_ascii_lowercase()
            || (i > 0 && bytes[i - 1].is_ascii_lowercase())
    })
}

/// Whether `value` is base64 of text a person wrote, not of a credential:
/// prose (`bm90IG15IHJlYWwgcGFzc3dvcmQ=` is "not my real password"), a form label
/// (`UGFzc3dvcmQ6` is "Password:", as portal themes store their strings) or a URL
/// (`aHR0cHM6Ly9...`). Random credentials, and base64 of them, decode to bytes without
/// spaces, or to letters that are not words.
fn is_base64_of_prose(value: &str) -> bool {
    use base64::Engine;
    if value.len() < 8
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
    {
        return false;
    }
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(value) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return false;
    };
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return false;
    }
    if text.starts_with("https://") || text.starts_with("http://") {
        return true;
    }
    let words = text.split_whitespace().collect::<Vec<_>>();
    if words.len() >= 2 {
        // Words of letters (a trailing or leading punctuation mark aside); a number may
        // stand among them ("must be 8 characters"), but most pieces are words.
        let is_word = |w: &str| {
            let core = w.trim_matches(|c: char| ",.!?'-:;()\"".contains(c));
            !core.is_empty() && core.chars().all(|c| c.is_alphabetic() || c == '\'')
        };
        let is_number = |w: &str| {
            w.trim_end_matches([',', '.', ':'])
                .bytes()
                .all(|b| b.is_ascii_digit())
        };
        let wordy = words.iter().filter(|w| is_word(w)).count();
        return wordy >= 2
            && words.iter().all(|w| is_word(w) || is_number(w))
            && wordy * 4 >= words.len() * 3;
    }
    // One word: a label such as "Password:" or "Username", all letters and a known word.
    let label = text.trim_end_matches([':', '.', '?']);
    label.len() >= 4
        && label.bytes().all(|b| b.is_ascii_alphabetic())
        && super::super::classify::word_coverage(label) >= 0.8
}

#[cfg(test)]
mod tests {
    use super::is_generic_noise;

    #[test]
    fn generic_noise_is_recognised() {
        for value in [
            "get_password()",
            "os.environ['DB_PASSWORD']",
            "settings.SECRET_KEY",
            "self.api_key",
            "auth.password.label",
            "PASSWORD_FIELD",
            "newPassword",
            "Optional[str]",
            "SecretStr",
            "0b5c6a1e-3f2d-4c8b-9a7e-1d2c3b4a5f6e",
            "3f786850e387550fdab836ed7e6dc881de23001b",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15dc08c0a05fd1b",
            "sha512-Q5Kw8tZq1xv3Yd2R7pN0mB4cL6sH9jF",
            "h1:Q5Kw8tZq1xv3Yd2R7pN0mB4cL6sH9jF=",
            "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7x",
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA",
            "https://auth.internal/token",
            "/run/secrets/db_password",
            "credentials.json",
            "^4.17.21",
            "v1.2.3-beta",
            "$2b$12$Q5Kw8tZq1xv3Yd2R7pN0mO",
            "********",
            "Passwort",
            "Contraseña",
            "WIN32_ERROR",
            "D3D10_SB_RESOURCE_RETURN_TYPE",
            "MSV1_0_PROTOCOL_MESSAGE_TYPE",
            "token_idx1_forward",
            ":RecursiveSuffix",
            ":Chacha20Poly1305",
            "ChangeCachedPassword",
            "ghp_Zx8Kq2LmN4pR7tV1wY3aB5cD9eF0gH000000",
            ".aws/credentials",
            "config/secrets.yml",
            // scan tree: object-store keys in AWS API examples.
            "output/sample-214.edi.2023-11-01T10:44:03.353Z.json",
            "my-app/22a0-stage-150819_185942.war",
            "INTERNETFEATURELIST",
            // fp-bench: an npm README's sample password, base64 of a sentence.
            "bm90IG15IHJlYWwgcGFzc3dvcmQ=",
            // fp-bench: the URL Standard's test data, a stand-in behind escapes.
            "pass%5B%7F",
            // wild-tune: SNMP localized keys written as hex literals (Ansible nxos, os10).
            "0x5632724fb8ac3699296af26281e1d0f1",
            // wild-tune: PostgreSQL's stored md5 hash (Ansible postgresql_user docs).
            "md59543f1d82624df2b31672ec0f7050460",
            // wild-tune: OpenSSL `Salted__` ciphertext (Ansible SONiC docs).
            "U2FsdGVkX199MZ7YOPkOR9O6wEZmtGSgiDfnlcN9hBg=",
            // wild-tune: a portal theme's strings, base64 of labels and sentences.
            "UGFzc3dvcmQ6",
            "VXNlcm5hbWU6",
            "Q29uZmlybSBwYXNzd29yZDo=",
            "UGFzc3dvcmRzIG11c3QgYmUgOCBjaGFyYWN0ZXJzIGFuZCBjb250YWluIGEgbGV0dGVyIGFuZCBudW1iZXIu",
            // wild-tune: base64 of a URL (Ansible Check Point docs).
            "aHR0cHM6Ly9kZXYtY2xvdWRpbmZyYS1ndy5leGFtcGxlLmNvbS9hcHA=",
            // wild-heldout: a credential's expiry in API fixtures (go-gitlab, gophercloud).
            "2016-01-25T16:39:48.166Z",
            "2016-11-06T15:32:17.000000",
            "2013-09-11T06:07:51.501805Z",
            "2022-08-04T01:02:03+02:00",
            // wild-fresh2: an Amazon customer ID, an STS web identity token's subject
            // (AWS SDK v2 config tests).
            "amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A",
            "amzn1.ask.skill.0b5c6a1e-3f2d-4c8b-9a7e-1d2c3b4a5f6e",
            // wild-tune3: MediaWiki's translation catalogs, labels and sentences under keys
            // that name a password, a token or a key.
            "Adatbázisjelszó:",
            "Slaptažodis.",
            "Passwort_zurücksetzen",
            "Käyttäjänimi:",
            "Ọ̀rọ̀ìpamọ́",
            "Peittsääʹnn",
            "Hokasit\u{301}e",
            "A\u{331}lyoot-a\u{331}tyunta\u{331}m:",
            "ШъэфгущыI:",
            "您的密码至少需要$1个字符。",
            "互換性のために、ウェブUIで使用されるトークンも受理されます。",
            "ពាក្យសម្ងាត់មិនបានវាយបញ្ចូលទេ។",
            // wild-tune3: a PHP regular expression passed beside `$token` (Parsoid).
            "#^mw:Transclusion#",
            "/^token_[a-z]+$/i",
            // wild-tune4: the JDK's locale data and keytool's Swedish strings, letters
            // beyond ASCII written as Java `\u` escapes.
            "Pal\\u00e1u",
            "palaw\\u00fa",
            "Kp\\u00e0law\\u00f9",
            "Bela\\u016do",
            "st\\u00F6ds",
            "Nyckellagerl\\u00F6senord:",
        ] {
            assert!(is_generic_noise(value), "{value} is noise");
        }
    }

    #[test]
    fn real_looking_values_are_not_generic_noise() {
        for value in [
            "q8Zr3LkP0vX7mN2bT5yW",
            "Tr0ub4dor&3",
            "d41d8cd98f00b204e9800998ecf8427e",
            "wJ4lrXUtnFEMI/K7MDENG/bPxRfiCYz1",
            "sk_4eC39HqLyjWDarjtT1zdp7dc",
            "hN7-vQ2w_xK9pL3m",
            "Zx8Kq2Lm-Np4R7tV1wY3",
            "q8zr3lkp0vx7mn2b_t5yw",
            // A hex value without `0x`, a short `0x` one, and `md5` before a non-digest.
            "5632724fb8ac3699296af26281e1d0f1",
            "0x5f3a9c",
            "md5Xq7Lm9vR2kP8wZ",
            // Base64 of a `user:password` credential, of a random password, and a
            // random value that decodes to letters and a digit.
            "ZGVwbG95OlhxN0xtOXZSMmtQOA==",
            "VHIwdWI0ZG9yJjNmMzQ=",
            "S3E3dlpsbVB0eA==",
            // Digits and dashes that are no date and time of day.
            "2016-01-25T16:39x8Kq2LmN4pR7",
            "2016-01-25-Xq7Lm9vR2kP8",
            // Dotted tokens: one short label before the secret, or labels that are no words.
            "s.Xq7Lm9vR2kP8wZx8Kq2LmN4p",
            "b.AAAAAQKq2LmN4pR7tV1wY3aB5cD9eF0gH",
            "xq7.lm9vr.R2kP8wZx8Kq2LmN4p",
            // Typed passwords with letters beyond ASCII and a digit or a symbol; values
            // between two `#` or `/` that are no anchored patterns.
            "Lösenord2024!",
            "Pässwört#9x",
            "#Xq7Lm9vR2kP8#",
            "~Xq7Lm9vR2kP8wZ~",
            // Java `\u` escapes around a typed password with a digit or a symbol, around
            // a generated value, or a broken escape.
            "L\\u00f6senord2024!",
            "Xq7\\u00e9Lm9vR2kP8wZ",
            "P\\u00e4ss\\uZZZZw\\u00f6rt",
        ] {
            assert!(!is_generic_noise(value), "{value} is not noise");
        }
        // A Vault token: one short dotted prefix, built at run time (no token is committed).
        let vault = ["hvs", ".CAESIJq7Lm9vR2kP8w", "Zx8Kq2LmN4pR7tV1wY3aB"].concat();
        assert!(!is_generic_noise(&vault), "{vault} is not noise");
    }
}
