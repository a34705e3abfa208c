//! References to a secret kept in a secret store: not the secret itself.
//!
//! CI servers, deployment tools and config loaders name a stored secret by an address that
//! is then resolved at run time: TeamCity's `credentialsJSON:<uuid>`, HashiCorp Vault's
//! `vault:secret/data/app#token`, 1Password's `op://vault/item/field`, AWS Secrets Manager
//! and SSM ARNs, Google Secret Manager's `projects/<p>/secrets/<s>/versions/<v>`, Berglas'
//! `sm://` and `berglas://`, helmfile/vals' `ref+vault://`, `ref+awssecrets://` and the like.
//! Such a value sits where a secret would (`password("env.GH_TOKEN", "credentialsJSON:...")`)
//! and carries an id with a token's entropy, so the classifier must know it for what it is:
//! reporting it teaches users to ignore the scanner, and rotating it changes nothing.

/// Scheme-like prefixes (compared case-insensitively) that open a secret-store address.
const PREFIXES: &[&str] = &[
    "credentialsjson:",
    "vault:",
    "vault://",
    "op://",
    "arn:aws:secretsmanager:",
    "arn:aws:ssm:",
    "arn:aws:kms:",
    "sm://",
    "berglas://",
    "gcpsm://",
    "awssm://",
    "azurekeyvault://",
    "keyvault://",
    "bws://",
    "doppler://",
    "infisical://",
    "secret://",
    "secretref:",
    "secretref+",
    "ref+",
];

/// Whether `value` is the address of a secret in a secret store, not a secret.
pub fn is_secret_store_reference(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // Google Secret Manager: `projects/<project>/secrets/<name>[/versions/<v>]`.
    if let Some(rest) = lower.strip_prefix("projects/") {
        let mut parts = rest.split('/');
        let (project, kind, name) = (parts.next(), parts.next(), parts.next());
        return project.is_some_and(|p| !p.is_empty())
            && kind == Some("secrets")
            && name.is_some_and(|n| !n.is_empty());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_secret_store_reference;

    fn id() -> String {
        ["3f2a9c1e", "7b4d", "4e8a", "9c2f", "1a5b6c7d8e9f"].join("-")
    }

    #[test]
    fn secret_store_addresses_are_references() {
        let id = id();
        let refs = [
            format!("credentialsJSON:{id}"),
            format!("vault:secret/data/app#{id}"),
            format!("op://Deploy/{id}/password"),
            format!("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-{id}"),
            format!("arn:aws:ssm:eu-west-1:123456789012:parameter/app/{id}"),
            format!("projects/acme-prod/secrets/{id}/versions/latest"),
            format!("sm://acme-prod/{id}"),
            format!("ref+vault://secret/app#/{id}"),
            format!("ref+awssecrets://app/{id}"),
        ];
        for r in &refs {
            assert!(is_secret_store_reference(r), "{r}");
        }
    }

    #[test]
    fn secrets_and_other_values_are_not_references() {
        let secret = ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat();
        let others = [
            secret.clone(),
            format!("vaultpass{secret}"),
            format!("projects/{secret}"),
            format!("https://deploy:{secret}@git.acme-corp.io"),
            format!("opaque{secret}"),
        ];
        for o in &others {
            assert!(!is_secret_store_reference(o), "{o}");
        }
    }
}
