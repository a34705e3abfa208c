//! Encrypted env files, recognised by what they hold: they are meant to be committed.
//!
//! Three tools write them, each in dotenv syntax (`KEY=value` lines, `#` comments):
//! - dotenv-vault's `.env.vault`: `DOTENV_VAULT_<ENVIRONMENT>="<base64 ciphertext>"` and
//!   `DOTENV_VAULT_<ENVIRONMENT>_VERSION=<n>` (<https://www.dotenv.org/docs/security/env-vault>);
//! - dotenvx: values `encrypted:<base64>`, beside the public key `DOTENV_PUBLIC_KEY[_ENV]`
//!   (<https://dotenvx.com/docs/quickstart/encryption>); its private keys live in `.env.keys`,
//!   which stays a finding;
//! - SOPS in dotenv format: values `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]` and `sops_*`
//!   metadata keys (`sops_version`, `sops_mac`, …); keys ending with the unencrypted suffix
//!   (`sops_unencrypted_suffix`, `_unencrypted` by default) are left in clear on purpose
//!   (<https://github.com/getsops/sops>, README "Encrypting only parts of a file").
//!
//! A file counts as encrypted only if every assignment is encrypted or one of those tools'
//! metadata, and at least one is encrypted: a single value in clear keeps it a finding.

/// Whether `content` is an env file whose values are all encrypted by dotenv-vault,
/// dotenvx or SOPS.
pub fn is_encrypted_env(content: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(content) else {
        return false;
    };
    let assignments: Vec<(&str, &str)> = match text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(assignment)
        .collect::<Option<Vec<_>>>()
    {
        Some(assignments) => assignments,
        None => return false,
    };
    let sops = assignments.iter().any(|(key, _)| *key == "sops_version");
    let unencrypted_suffix = assignments
        .iter()
        .find(|(key, _)| *key == "sops_unencrypted_suffix")
        .map_or("_unencrypted", |(_, value)| *value);
    let mut encrypted = 0;
    for (key, value) in &assignments {
        if is_vault_entry(key) {
            if is_vault_version(key) {
                continue;
            }
            if !is_base64(value) {
                return false;
            }
            encrypted += 1;
        } else if value.starts_with("encrypted:") || is_sops_value(value) {
            encrypted += 1;
        } else if key.starts_with("DOTENV_PUBLIC_KEY")
            || (sops && key.starts_with("sops_"))
            || (sops && key.ends_with(unencrypted_suffix))
            || value.is_empty()
        {
            continue;
        } else {
            return false;
        }
    }
    encrypted > 0
}

/// `KEY=value` with an optional `export`, the value unquoted; `None` if not an assignment.
fn assignment(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_prefix("export ").unwrap_or(line);
    let (key, value) = line.split_once('=')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-')
    {
        return None;
    }
    let value = value.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(value);
    Some((key, value))
}

fn is_vault_entry(key: &str) -> bool {
    key.starts_with("DOTENV_VAULT_")
}

fn is_vault_version(key: &str) -> bool {
    key.ends_with("_VERSION")
}

/// `ENC[AES256_GCM,data:…,…]`, SOPS's encrypted value.
fn is_sops_value(value: &str) -> bool {
    value.starts_with("ENC[") && value.ends_with(']') && value.contains("data:")
}

fn is_base64(value: &str) -> bool {
    value.len() >= 16
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::is_encrypted_env;

    fn b64(n: usize) -> String {
        "Q3VyaW91cyB0aGF0IHlvdSBkZWNvZGVkIHRoaXM".repeat(n)
    }

    #[test]
    fn dotenv_vault_files_are_encrypted() {
        let text = format!(
            "#/----.env.vault----/\n\n# development\nDOTENV_VAULT_DEVELOPMENT=\"{}\"\nDOTENV_VAULT_DEVELOPMENT_VERSION=1\n",
            b64(2)
        );
        assert!(is_encrypted_env(text.as_bytes()));
    }

    #[test]
    fn dotenvx_files_are_encrypted() {
        let text = format!(
            "#/---[DOTENV_PUBLIC_KEY]---/\nDOTENV_PUBLIC_KEY=\"03f8b3766c\"\n\n# .env\nHELLO=\"encrypted:{}\"\nexport DB='encrypted:{}'\n",
            b64(1),
            b64(2)
        );
        assert!(is_encrypted_env(text.as_bytes()));
    }

    #[test]
    fn sops_dotenv_files_are_encrypted() {
        let text = "API_KEY=ENC[AES256_GCM,data:Zm9vYmFy,iv:aXY=,tag:dGFn,type:str]\nPORT_unencrypted=8080\nsops_version=3.8.1\nsops_mac=ENC[AES256_GCM,data:bWFj,iv:aXY=,tag:dGFn,type:str]\nsops_lastmodified=2025-01-02T03:04:05Z\n";
        assert!(is_encrypted_env(text.as_bytes()));
    }

    #[test]
    fn one_value_in_clear_keeps_it_a_secret() {
        let text = format!(
            "DOTENV_PUBLIC_KEY=\"03f8\"\nHELLO=\"encrypted:{}\"\nPASSWORD=hunter2-in-clear\n",
            b64(1)
        );
        assert!(!is_encrypted_env(text.as_bytes()));
        assert!(!is_encrypted_env(b"SECRET=abc\n"));
        assert!(!is_encrypted_env(b"DOTENV_PUBLIC_KEY=03f8\n"));
        assert!(!is_encrypted_env(b""));
        // sops_* keys are metadata only in a SOPS file.
        assert!(!is_encrypted_env(
            b"sops_token=ghp_plain\nX=ENC[AES256_GCM,data:eA==,iv:aQ==,tag:dA==,type:str]\n"
        ));
        assert!(!is_encrypted_env(b"not an env file at all {\n"));
    }
}
