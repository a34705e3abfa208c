//! Tokens in the files where the Speckle and Spell tools keep them: Speckle's account store
//! (`Accounts.db`, SQLite, scanned through its printable runs; account JSON files) and the
//! Spell CLI's `~/.spell/config`. The server of a Speckle account may be self-hosted under
//! any name, so the file's path is what ties the token to Speckle.

use crate::support::json;
use crate::support::sandbox::leakgate;
use crate::support::tokens::base62;
use std::fs;
use std::path::Path;

/// Deterministic lowercase hex, the shape of a Speckle token (42) or an object hash (32).
fn hex(seed: u64, len: usize) -> String {
    base62(seed, len * 2)
        .bytes()
        .map(|b| char::from(b"0123456789abcdef"[usize::from(b) % 16]))
        .take(len)
        .collect()
}

fn write(dir: &Path, rel: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, content).unwrap();
}

/// `(rule, path, secret)` of every finding of `leakgate scan . --show-secrets` in `dir`.
fn findings(dir: &Path) -> Vec<(String, String, String)> {
    let out = leakgate()
        .current_dir(dir)
        .args(["scan", ".", "--format", "json", "--show-secrets"])
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out.stdout);
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["path"].as_str().unwrap_or_default().to_string(),
                f["secret"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// One account as specklepy and the .NET core serialise it.
fn account_json(token: &str, refresh: &str, server: &str) -> String {
    format!(
        "{{\"isDefault\":true,\"token\":\"{token}\",\"refreshToken\":\"{refresh}\",\
         \"serverInfo\":{{\"name\":\"ACME BIM\",\"company\":\"ACME\",\"url\":\"{server}\"}},\
         \"userInfo\":{{\"id\":\"{}\",\"name\":\"Ana\",\"email\":\"ana@acme-arch.com\"}}}}",
        hex(9, 10)
    )
}

/// An SQLite database file laid out as SQLite writes one (a 100-byte header, a table
/// b-tree page whose cell holds a record: varint header, the `hash` text, the `content`
/// text), with the account JSON as the `content` of one row of `objects`.
fn sqlite_accounts_db(hash: &str, content: &str) -> Vec<u8> {
    let mut db = Vec::new();
    db.extend_from_slice(b"SQLite format 3\0");
    db.extend_from_slice(&[0x10, 0x00, 0x01, 0x01, 0x00, 0x40, 0x20, 0x20]);
    db.resize(100, 0);
    db.extend_from_slice(&[0x0d, 0x00, 0x00, 0x00, 0x01, 0x0f, 0x00, 0x00]);
    db.resize(4096, 0);
    let mut page = vec![0u8; 4096];
    // A cell near the page's end: payload size, then the record's header and its texts.
    let record: Vec<u8> = [
        &[0x83u8, 0x12, 0x03, 0x51, 0x9b][..],
        hash.as_bytes(),
        content.as_bytes(),
    ]
    .concat();
    let at = 4096 - record.len() - 8;
    page[at..at + record.len()].copy_from_slice(&record);
    db.extend_from_slice(&page);
    db
}

#[test]
fn speckle_accounts_db_and_account_files_give_the_token_as_speckle_token() {
    let dir = tempfile::tempdir().unwrap();
    let (token, refresh) = (hex(1, 42), hex(2, 42));
    let server = "https://bim.acme-arch.com";
    write(
        dir.path(),
        "home/.config/Speckle/Accounts.db",
        sqlite_accounts_db(&hex(3, 32), &account_json(&token, &refresh, server)),
    );
    let json_token = hex(4, 42);
    write(
        dir.path(),
        "home/.local/share/Speckle/Accounts/ana.json",
        account_json(&json_token, &hex(5, 42), server),
    );
    let found = findings(dir.path());
    for (secret, path) in [
        (&token, "home/.config/Speckle/Accounts.db"),
        (&json_token, "home/.local/share/Speckle/Accounts/ana.json"),
    ] {
        assert!(
            found
                .iter()
                .any(|(r, p, s)| r == "speckle-token" && p == path && s == secret),
            "{path}: {found:?}"
        );
    }
}

#[test]
fn the_same_account_json_elsewhere_is_not_attributed_to_speckle() {
    // Without the store's path or a Speckle host, a 42-hex `token` is not Speckle's.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fixtures/account.json",
        account_json(&hex(6, 42), &hex(7, 42), "https://bim.acme-arch.com"),
    );
    let found = findings(dir.path());
    assert!(
        found.iter().all(|(r, ..)| r != "speckle-token"),
        "{found:?}"
    );
}

#[test]
fn spell_cli_config_gives_the_token_as_spell_token() {
    let dir = tempfile::tempdir().unwrap();
    // The session token `spell login` stores, sent as a JWT.
    let token = format!("eyJhbGciOiJIUzI1NiJ9.{}.{}", base62(11, 64), base62(12, 43));
    write(
        dir.path(),
        "home/.spell/config",
        format!(
            "email: ana@acme-research.io\ninclude_uncommitted: true\nowner: acme-research\n\
             spell_admin_token: ''\ntoken: {token}\ntype: global\nuser_name: ana\n"
        ),
    );
    let found = findings(dir.path());
    assert!(
        found
            .iter()
            .any(|(r, p, s)| r == "spell-token" && p == "home/.spell/config" && *s == token),
        "{found:?}"
    );
}
