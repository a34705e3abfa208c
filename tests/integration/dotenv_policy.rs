//! `.env` templates and encrypted env files are not findings (issue 16, item 5): in the
//! pre-commit hook, the CI gate, the audit, `scan` and `dotenv`, in a real repository.

use crate::support::sandbox::{leakgate, Repo, Run};

fn run_in(repo: &Repo, args: &[&str]) -> Run {
    Run::from(
        leakgate()
            .args(args)
            .current_dir(repo.path())
            .output()
            .unwrap(),
    )
}

/// Paths of the `dotenv-file` findings of a JSON report.
fn env_findings(run: &Run) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", run.stdout, run.stderr));
    let mut paths: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "dotenv-file")
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths
}

const TEMPLATES: &[&str] = &[
    ".env.test-example",
    ".env.tmpl",
    ".env.schema",
    "example.env",
    "sample.env",
    ".env.example.json",
    "config/.env.local_sample",
];

fn base64ish(n: usize) -> String {
    "Q3VyaW91cyB0aGF0IHlvdSBkZWNvZGVkIHRoaXM".repeat(n)
}

fn encrypted_files() -> Vec<(&'static str, String)> {
    vec![
        (
            ".env.vault",
            format!(
                "#/-------------------.env.vault---------------------/\n# development\nDOTENV_VAULT_DEVELOPMENT=\"{}\"\nDOTENV_VAULT_DEVELOPMENT_VERSION=1\n",
                base64ish(2)
            ),
        ),
        (
            ".env.production",
            format!(
                "#/---[DOTENV_PUBLIC_KEY]---/\nDOTENV_PUBLIC_KEY_PRODUCTION=\"03f8b376\"\n# .env.production\nDATABASE_URL=\"encrypted:{}\"\n",
                base64ish(3)
            ),
        ),
        (
            "deploy/.env.sops",
            "API_KEY=ENC[AES256_GCM,data:Zm9vYmFyYmF6,iv:aXZpdml2,tag:dGFndGFn,type:str]\nsops_version=3.8.1\nsops_mac=ENC[AES256_GCM,data:bWFjbWFj,iv:aXZpdml2,tag:dGFndGFn,type:str]\n".to_string(),
        ),
    ]
}

#[test]
fn templates_and_encrypted_env_files_are_not_findings_anywhere() {
    let repo = Repo::new();
    repo.write("README.md", "hi\n");
    repo.commit_all("init");
    for name in TEMPLATES {
        repo.write(name, "API_KEY=\nDEBUG=true\n");
    }
    for (name, content) in encrypted_files() {
        repo.write(name, content);
    }
    // A real env file and dotenvx's private keys file are still findings.
    repo.write(".env.local", "API_KEY=local-value\n");
    repo.write(
        ".env.keys",
        "DOTENV_PRIVATE_KEY_PRODUCTION=\"81dac4d2c42e67a2\"\n",
    );
    repo.git(&["add", "-A"]);
    let expected = vec![".env.keys".to_string(), ".env.local".to_string()];

    let staged = repo.staged_in(repo.path(), &["--format", "json"]);
    assert_eq!(env_findings(&staged), expected, "staged");
    let scan = run_in(&repo, &["scan", ".", "--format", "json"]);
    assert_eq!(env_findings(&scan), expected, "scan");
    let dotenv = run_in(&repo, &["dotenv", "--format", "json"]);
    assert_eq!(env_findings(&dotenv), expected, "dotenv");

    repo.git(&["commit", "-q", "--no-verify", "-m", "env files"]);
    let audit = run_in(&repo, &["history", "--format", "json"]);
    assert_eq!(env_findings(&audit), expected, "history audit");
    let gate = run_in(&repo, &["history", "--format", "json", "HEAD~1..HEAD"]);
    assert_eq!(env_findings(&gate), expected, "history range");

    // Editing a tracked template never blocks a commit.
    repo.write(".env.test-example", "API_KEY=\nDEBUG=false\nNEW_FLAG=\n");
    repo.git(&["add", "-A"]);
    let staged = repo.staged_in(repo.path(), &[]);
    assert_eq!(staged.code, 0, "{}{}", staged.stdout, staged.stderr);
}

#[test]
fn encrypted_env_files_are_findings_again_when_the_config_says_so() {
    let repo = Repo::new();
    repo.write(".leakgate.toml", "[dotenv]\nallow_encrypted = false\n");
    for (name, content) in encrypted_files() {
        repo.write(name, content);
    }
    repo.git(&["add", "-A"]);
    let staged = repo.staged_in(repo.path(), &["--format", "json"]);
    assert_eq!(
        env_findings(&staged),
        vec![".env.production", ".env.vault", "deploy/.env.sops"]
    );
    // A value in clear makes an otherwise encrypted file a finding whatever the config.
    let repo = Repo::new();
    repo.write(
        ".env.vault",
        format!(
            "DOTENV_VAULT_DEVELOPMENT=\"{}\"\nPASSWORD=in-clear-value\n",
            base64ish(2)
        ),
    );
    repo.git(&["add", "-A"]);
    let staged = repo.staged_in(repo.path(), &["--format", "json"]);
    assert_eq!(env_findings(&staged), vec![".env.vault"]);
}
