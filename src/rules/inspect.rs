//! Content conditions that a regex cannot state: named inspectors that read a sensitive
//! file and say whether it holds anything to leak, and what.
//!
//! A path alone over-reports: Terraform's test fixtures are state files with no resource,
//! Android templates ship an empty `debug.keystore`, and an `id_rsa` sometimes holds only a
//! public key. A file rule with `inspect = "<name>"` is a finding only if its inspector
//! finds something; the finding's title then says what (the resources and sensitive
//! attributes of a state file). Unknown content (a file too large to read) is reported, and
//! so is content an inspector cannot make sense of: only a file shown to be empty of secrets
//! is dropped.

use serde_json::Value;
use std::collections::BTreeSet;

/// A named inspector (`inspect = "…"` in a file rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inspector {
    /// Terraform state (`*.tfstate`): a finding if it records resources or outputs.
    TerraformState,
    /// A Java key store (JKS, JCEKS) or PKCS#12 file: not a finding if empty.
    Keystore,
    /// An SSH key file (`id_rsa`): not a finding if empty or holding only public keys.
    PrivateKey,
}

/// What an inspector found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing to leak: not a finding.
    Empty,
    /// A finding; the detail, if any, says what the file holds.
    Holds(Option<String>),
}

impl Inspector {
    pub const NAMES: &'static [&'static str] = &["terraform-state", "keystore", "private-key"];

    pub fn by_name(name: &str) -> Option<Inspector> {
        match name {
            "terraform-state" => Some(Inspector::TerraformState),
            "keystore" => Some(Inspector::Keystore),
            "private-key" => Some(Inspector::PrivateKey),
            _ => None,
        }
    }

    /// Reads `content`; `None` (not read) is a finding without detail.
    pub fn inspect(self, content: Option<&[u8]>) -> Verdict {
        let Some(content) = content else {
            return Verdict::Holds(None);
        };
        match self {
            Inspector::TerraformState => terraform_state(content),
            Inspector::Keystore => keystore(content),
            Inspector::PrivateKey => private_key(content),
        }
    }
}

/// Attribute names that hold credentials whether or not the provider marks them sensitive.
const SECRET_ATTRIBUTE_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "private_key",
    "access_key",
    "api_key",
    "client_key",
    "connection_string",
    "key_material",
];

/// How many resources the detail names before "and N more".
const RESOURCES_NAMED: usize = 8;

/// Terraform state, format 4 (Terraform 0.12 on: `resources` with `instances`, each with
/// `attributes` and `sensitive_attributes`) and format 3 (`modules` with `resources` keyed
/// `type.name` and `primary.attributes`), per Terraform's `internal/states/statefile`
/// readers. Outputs are values too (`outputs.<name>.value`, `sensitive`).
fn terraform_state(content: &[u8]) -> Verdict {
    let Ok(state) = serde_json::from_slice::<Value>(content) else {
        return Verdict::Holds(Some("not readable as Terraform state JSON".into()));
    };
    let mut resources: Vec<(String, BTreeSet<String>)> = Vec::new();
    let mut outputs: Vec<(String, bool)> = Vec::new();
    collect_outputs(state.get("outputs"), &mut outputs);
    if let Some(list) = state.get("resources").and_then(Value::as_array) {
        for resource in list {
            let mut name = String::new();
            if let Some(module) = resource.get("module").and_then(Value::as_str) {
                name.push_str(module);
                name.push('.');
            }
            if resource.get("mode").and_then(Value::as_str) == Some("data") {
                name.push_str("data.");
            }
            name.push_str(resource.get("type").and_then(Value::as_str).unwrap_or("?"));
            name.push('.');
            name.push_str(resource.get("name").and_then(Value::as_str).unwrap_or("?"));
            let mut sensitive = BTreeSet::new();
            for instance in resource
                .get("instances")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                marked_sensitive(instance.get("sensitive_attributes"), &mut sensitive);
                secret_named(instance.get("attributes"), &mut sensitive);
            }
            resources.push((name, sensitive));
        }
    }
    for module in state
        .get("modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        collect_outputs(module.get("outputs"), &mut outputs);
        if let Some(map) = module.get("resources").and_then(Value::as_object) {
            for (name, resource) in map {
                let mut sensitive = BTreeSet::new();
                secret_named(
                    resource.get("primary").and_then(|p| p.get("attributes")),
                    &mut sensitive,
                );
                resources.push((name.clone(), sensitive));
            }
        }
    }
    if resources.is_empty() && outputs.is_empty() {
        return Verdict::Empty;
    }
    let mut parts = Vec::new();
    if !resources.is_empty() {
        let named: Vec<String> = resources
            .iter()
            .take(RESOURCES_NAMED)
            .map(|(name, sensitive)| {
                if sensitive.is_empty() {
                    name.clone()
                } else {
                    let list: Vec<&str> = sensitive.iter().map(String::as_str).collect();
                    format!("{name} (sensitive: {})", list.join(", "))
                }
            })
            .collect();
        let mut text = format!(
            "{} resource{}: {}",
            resources.len(),
            if resources.len() == 1 { "" } else { "s" },
            named.join(", ")
        );
        if resources.len() > RESOURCES_NAMED {
            text.push_str(&format!(" and {} more", resources.len() - RESOURCES_NAMED));
        }
        parts.push(text);
    }
    if !outputs.is_empty() {
        let named: Vec<String> = outputs
            .iter()
            .map(|(name, sensitive)| {
                if *sensitive {
                    format!("{name} (sensitive)")
                } else {
                    name.clone()
                }
            })
            .collect();
        parts.push(format!(
            "{} output{}: {}",
            outputs.len(),
            if outputs.len() == 1 { "" } else { "s" },
            named.join(", ")
        ));
    }
    Verdict::Holds(Some(format!("holds {}", parts.join("; "))))
}

/// Outputs with a value, and whether each is marked sensitive.
fn collect_outputs(outputs: Option<&Value>, into: &mut Vec<(String, bool)>) {
    for (name, output) in outputs.and_then(Value::as_object).into_iter().flatten() {
        if output.get("value").is_some_and(|v| !v.is_null()) {
            let sensitive = output.get("sensitive").and_then(Value::as_bool) == Some(true);
            into.push((name.clone(), sensitive));
        }
    }
}

/// The attribute paths of `sensitive_attributes`: a list of paths, each a list of steps
/// `{"type": "get_attr", "value": "password"}` (a lone step object is read as a path too).
fn marked_sensitive(list: Option<&Value>, into: &mut BTreeSet<String>) {
    for path in list.and_then(Value::as_array).into_iter().flatten() {
        let steps: Vec<&Value> = match path {
            Value::Array(steps) => steps.iter().collect(),
            Value::Object(_) => vec![path],
            _ => continue,
        };
        let mut name = String::new();
        for step in steps {
            match step.get("value") {
                Some(Value::String(attr)) if step.get("type") == Some(&"get_attr".into()) => {
                    if !name.is_empty() {
                        name.push('.');
                    }
                    name.push_str(attr);
                }
                Some(Value::String(key)) => name.push_str(&format!("[{key:?}]")),
                Some(Value::Number(index)) => name.push_str(&format!("[{index}]")),
                _ => {}
            }
        }
        if !name.is_empty() {
            into.insert(name);
        }
    }
}

/// Top-level attributes whose name says they hold a credential, when they hold a value.
fn secret_named(attributes: Option<&Value>, into: &mut BTreeSet<String>) {
    for (name, value) in attributes.and_then(Value::as_object).into_iter().flatten() {
        let lower = name.to_ascii_lowercase();
        let holds = match value {
            Value::String(text) => !text.is_empty(),
            Value::Null | Value::Bool(_) => false,
            Value::Array(items) => !items.is_empty(),
            Value::Object(map) => !map.is_empty(),
            Value::Number(_) => true,
        };
        if holds && SECRET_ATTRIBUTE_WORDS.iter().any(|w| lower.contains(w)) {
            into.insert(name.clone());
        }
    }
}

/// JKS (magic `FEEDFEED`) and JCEKS (`CECECECE`) start with the magic, a 4-byte version and
/// a 4-byte big-endian entry count (OpenJDK `sun.security.provider.JavaKeyStore.engineLoad`).
/// A PKCS#12 file is read without its password (src/rules/pkcs12.rs): empty of secrets
/// only when every part is readable and holds no key and no secret bag.
fn keystore(content: &[u8]) -> Verdict {
    if content.iter().all(u8::is_ascii_whitespace) {
        return Verdict::Empty;
    }
    let magic = content.get(..4);
    if matches!(
        magic,
        Some([0xfe, 0xed, 0xfe, 0xed]) | Some([0xce, 0xce, 0xce, 0xce])
    ) {
        if let Some(count) = content.get(8..12) {
            let count = u32::from_be_bytes([count[0], count[1], count[2], count[3]]);
            if count == 0 {
                return Verdict::Empty;
            }
            return Verdict::Holds(Some(format!(
                "holds {count} entr{}",
                if count == 1 { "y" } else { "ies" }
            )));
        }
    }
    if content.first() == Some(&0x30) {
        if let Some(found) = super::pkcs12::contents(content) {
            if found.is_empty_of_secrets() {
                return Verdict::Empty;
            }
            return Verdict::Holds(Some(format!("holds {}", found.describe())));
        }
    }
    Verdict::Holds(None)
}

/// Key types of OpenSSH public key lines (`ssh-keygen -l` accepts these).
const PUBLIC_KEY_PREFIXES: &[&str] = &[
    "ssh-rsa ",
    "ssh-dss ",
    "ssh-ed25519 ",
    "ssh-ed448 ",
    "ecdsa-sha2-",
    "sk-ssh-ed25519@openssh.com ",
    "sk-ecdsa-sha2-",
];

/// An SSH key file: empty, or only public keys (OpenSSH lines, PEM public keys or
/// certificates, RFC 4716 public keys), is not a finding; anything else is.
fn private_key(content: &[u8]) -> Verdict {
    let text = String::from_utf8_lossy(content);
    if text.contains("PRIVATE KEY") || text.contains("PuTTY-User-Key-File") {
        return Verdict::Holds(None);
    }
    let mut in_block = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if in_block {
            in_block = !(line.starts_with("-----END ") || line.starts_with("---- END SSH2"));
            continue;
        }
        let public_block = (line.starts_with("-----BEGIN ")
            && (line.contains("PUBLIC KEY") || line.contains("CERTIFICATE")))
            || line.starts_with("---- BEGIN SSH2 PUBLIC KEY");
        if public_block {
            in_block = true;
        } else if !PUBLIC_KEY_PREFIXES.iter().any(|p| line.starts_with(p)) {
            return Verdict::Holds(None);
        }
    }
    Verdict::Empty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_with_no_resource_and_no_output_is_empty() {
        let state = br#"{"version": 4, "terraform_version": "1.9.0", "serial": 1, "lineage": "5d0c", "outputs": {}, "resources": [], "check_results": null}"#;
        assert_eq!(
            Inspector::TerraformState.inspect(Some(state)),
            Verdict::Empty
        );
        let v3 =
            br#"{"version": 3, "modules": [{"path": ["root"], "outputs": {}, "resources": {}}]}"#;
        assert_eq!(Inspector::TerraformState.inspect(Some(v3)), Verdict::Empty);
    }

    #[test]
    fn a_state_with_resources_names_them_and_their_sensitive_attributes() {
        let state = br#"{"version": 4, "outputs": {"db_password": {"value": "x", "type": "string", "sensitive": true}},
          "resources": [
            {"mode": "managed", "type": "aws_db_instance", "name": "main", "instances": [
              {"attributes": {"id": "db-1", "password": "hunter2", "username": "admin"},
               "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]},
            {"mode": "data", "type": "aws_ami", "name": "ubuntu", "instances": [{"attributes": {"id": "ami-1"}}]},
            {"module": "module.vault", "mode": "managed", "type": "tls_private_key", "name": "ca", "instances": [
              {"attributes": {"private_key_pem": "-----BEGIN", "public_key_pem": "x"},
               "sensitive_attributes": [{"type": "get_attr", "value": "private_key_pem"}]}]}
          ]}"#;
        let Verdict::Holds(Some(detail)) = Inspector::TerraformState.inspect(Some(state)) else {
            panic!("not a finding");
        };
        assert_eq!(
            detail,
            "holds 3 resources: aws_db_instance.main (sensitive: password), data.aws_ami.ubuntu, module.vault.tls_private_key.ca (sensitive: private_key_pem); 1 output: db_password (sensitive)"
        );
    }

    #[test]
    fn unreadable_or_unknown_state_is_reported() {
        assert!(matches!(
            Inspector::TerraformState.inspect(Some(b"{not json")),
            Verdict::Holds(Some(_))
        ));
        assert_eq!(
            Inspector::TerraformState.inspect(None),
            Verdict::Holds(None)
        );
    }

    #[test]
    fn an_empty_keystore_is_not_a_finding() {
        let mut jks = vec![0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 0];
        assert_eq!(Inspector::Keystore.inspect(Some(&jks)), Verdict::Empty);
        assert_eq!(Inspector::Keystore.inspect(Some(b"")), Verdict::Empty);
        jks[11] = 1;
        jks.extend_from_slice(&[0; 64]);
        assert_eq!(
            Inspector::Keystore.inspect(Some(&jks)),
            Verdict::Holds(Some("holds 1 entry".into()))
        );
        let pkcs12 = [0x30, 0x82, 0x0a, 0x00, 0x02, 0x01, 0x03];
        assert_eq!(
            Inspector::Keystore.inspect(Some(&pkcs12)),
            Verdict::Holds(None)
        );
    }

    #[test]
    fn a_key_file_holding_only_public_keys_is_not_a_finding() {
        let public = b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9v user@host\n";
        assert_eq!(Inspector::PrivateKey.inspect(Some(public)), Verdict::Empty);
        let pem = b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
        assert_eq!(Inspector::PrivateKey.inspect(Some(pem)), Verdict::Empty);
        assert_eq!(Inspector::PrivateKey.inspect(Some(b"\n")), Verdict::Empty);
        let private = b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n";
        assert_eq!(
            Inspector::PrivateKey.inspect(Some(private)),
            Verdict::Holds(None)
        );
        assert_eq!(
            Inspector::PrivateKey.inspect(Some(b"garbage")),
            Verdict::Holds(None)
        );
    }
}
