//! Table-driven tests of the extractors for forms no `=` or `:` ties (issue 13's "forms
//! nobody listed"): values named by a sibling ([`super::siblings`]), command lines and `K=V`
//! in strings ([`super::cmdline`]), `key value` directives and SQL ([`super::spaced`]), and
//! pairs inside a value ([`super::pairs`]). Each table has positives (the value is found
//! under a key holding the expected word) and negatives (no candidate holds the value under
//! a credential name).

use super::*;

/// A made-up secret, built at run time so no token-shaped string is committed.
fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat()
}

/// `(key, secret)` of every candidate of `text` at `path` (`{V}` is the secret).
fn found(path: &str, text: &str) -> Vec<(String, String)> {
    let text = text.replace("{V}", &v());
    let kind = Kind::detect(Some(path), text.as_bytes());
    extract_all(text.as_bytes(), kind)
        .into_iter()
        .map(|c| (c.key.clone(), c.secret().to_string()))
        .collect()
}

fn check(positives: &[(&str, &str, &str)], negatives: &[(&str, &str)]) {
    let secret = v();
    for (path, text, key) in positives {
        let got = found(path, text);
        assert!(
            got.iter()
                .any(|(k, s)| *s == secret && k.to_lowercase().contains(&key.to_lowercase())),
            "{path}: {text:?} should yield the value under {key:?}; got keys {:?}",
            got.iter().map(|(k, _)| k).collect::<Vec<_>>()
        );
    }
    for (path, text) in negatives {
        let got = found(path, text);
        assert!(
            !got.iter()
                .any(|(k, s)| *s == secret && names::names_secret(k)),
            "{path}: {text:?} should not name the value a credential; got keys {:?}",
            got.iter().map(|(k, _)| k).collect::<Vec<_>>()
        );
    }
}

#[test]
fn values_named_by_a_sibling() {
    check(
        &[
            (
                "src/config.clj",
                "{:spell-owner \"acme\"\n :spell-token \"{V}\"}\n",
                "spell-token",
            ),
            (
                "resources/config.edn",
                "{:db {:password \"{V}\"}}\n",
                "password",
            ),
            (
                "src/client.clj",
                "(http/post url {:oauth-token \"{V}\"})\n",
                "oauth-token",
            ),
            (
                "test/test_helper.exs",
                "Application.put_env(:app, :api_token, \"{V}\")\n",
                "api_token",
            ),
            (
                "include/auth.hrl",
                "-define(API_SECRET, \"{V}\").\n",
                "api_secret",
            ),
            (
                "lib/env.dart",
                "const k = String.fromEnvironment('API_KEY', defaultValue: '{V}');\n",
                "api_key",
            ),
            (
                "src/Api.hs",
                "let r = setRequestHeader \"Authorization\" [\"Bearer {V}\"] req\n",
                "authorization",
            ),
            (
                "App/A.swift",
                "UserDefaults.standard.set(\"{V}\", forKey: \"apiToken\")\n",
                "apitoken",
            ),
            (
                "Sources/A.m",
                "[d setObject:@\"{V}\" forKey:@\"authToken\"];\n",
                "authtoken",
            ),
            (
                "lib/client.rb",
                "  f.request :authorization, 'Bearer', '{V}'\n",
                "authorization",
            ),
            (
                "Jenkinsfile",
                "password(name: 'DEPLOY_PASSWORD', defaultValue: '{V}', description: 'x')\n",
                "deploy_password",
            ),
            (
                "App/S.swift",
                "let h: HTTPHeaders = [.authorization(bearerToken: \"{V}\")]\n",
                "token",
            ),
        ],
        &[
            // The credential name starts a pair of its own after the value.
            (
                "a.json",
                "{\"description\": \"{V}\", \"password\": \"x\"}\n",
            ),
            // A comparison with what names no credential, a call's result, a variable
            // between: no pairing. (A literal compared with a credential is the value the
            // check accepts: `compared.rs` reads it.)
            ("a.js", "if (mode === \"{V}\") { ok() }\n"),
            ("a.js", "f(token)(\"{V}\")\n"),
            ("a.py", "log(\"token\", user, \"{V}\")\n"),
            // A getter's argument is a name to look up, not the token.
            ("a.py", "x = getToken(\"{V}\")\n"),
            // A name that is not a credential's.
            ("a.exs", "Application.put_env(:app, :token_url, \"{V}\")\n"),
            // A fallback from something that names no credential.
            ("a.js", "const region = process.env.REGION || \"{V}\";\n"),
        ],
    );
}

#[test]
fn command_lines_and_env_entries_in_strings() {
    check(
        &[
            ("Jenkinsfile", "withEnv(['API_TOKEN={V}']) {\n", "api_token"),
            (
                ".buildkite/pipeline.yml",
                "    environment:\n      - \"API_TOKEN={V}\"\n",
                "api_token",
            ),
            (
                "k8s/job.yaml",
                "args: [\"--server\", \"https://x.example\", \"--token\", \"{V}\"]\n",
                "token",
            ),
            ("k8s/job.yaml", "args: [\"--token={V}\"]\n", "token"),
            (
                "compose.yaml",
                "    command: worker --api-key {V}\n",
                "api-key",
            ),
            (
                "compose.yaml",
                "    command: [\"worker\", \"--api-key\", \"{V}\"]\n",
                "api-key",
            ),
            (
                "Procfile",
                "web: gunicorn app:app --env API_SECRET={V} --workers 3\n",
                "api_secret",
            ),
            (
                "n.ipynb",
                "{\"source\": [\"%env API_TOKEN={V}\\n\", \"import x\\n\"]}\n",
                "api_token",
            ),
            (
                "n.ipynb",
                "{\"source\": [\"!export API_TOKEN={V}\\n\"]}\n",
                "api_token",
            ),
            ("deploy.sh", "sshpass -p {V} ssh deploy@host\n", "password"),
            ("deploy.sh", "redis-cli -a {V} ping\n", "password"),
            ("deploy.sh", "mysql -u root -p{V} app\n", "password"),
            (
                "deploy.sh",
                "kubectl create secret generic db --from-literal=password={V}\n",
                "password",
            ),
            (
                "deploy.sh",
                "docker run -e API_TOKEN={V} acme/app\n",
                "api_token",
            ),
        ],
        &[
            // A flag whose value is not the credential.
            ("run.sh", "tool --token-file {V}\n"),
            ("run.sh", "tool --verbose {V}\n"),
            // In source code an unquoted word is an expression.
            ("main.py", "cmd = tool --token {V}\n"),
            // A help text after a flag is no value.
            ("cli.py", "p.add_argument(\"--token\", \"use {V} here\")\n"),
            // `-p` of a tool that does not take a password there.
            ("run.sh", "mkdir -p {V}\n"),
            ("run.sh", "ssh -p {V} host\n"),
            ("run.sh", "docker run -p {V} app\n"),
            // A cookie's pair in a string is no environment entry.
            (
                "auth_test.py",
                "h = {\"Cookie\": \"_oauth_request_token={V}\"}\n",
            ),
        ],
    );
}

#[test]
fn space_separated_keys_and_sql() {
    check(
        &[
            (
                "redis/redis.conf",
                "bind 127.0.0.1\nrequirepass {V}\n",
                "password",
            ),
            ("redis/redis.conf", "masterauth {V}\n", "password"),
            (
                ".netrc",
                "machine api.example.com login me password {V}\n",
                "password",
            ),
            (
                ".netrc",
                "machine api.example.com\n  login me\n  password {V}\n",
                "password",
            ),
            (
                "db/init.sql",
                "CREATE USER app WITH PASSWORD '{V}';\n",
                "password",
            ),
            (
                "db/init.sql",
                "ALTER ROLE app WITH LOGIN PASSWORD '{V}';\n",
                "password",
            ),
            (
                "db/grants.sql",
                "CREATE USER 'r'@'%' IDENTIFIED BY '{V}';\n",
                "password",
            ),
            (
                "db/grants.sql",
                "ALTER USER 'r'@'%' IDENTIFIED WITH caching_sha2_password BY '{V}';\n",
                "password",
            ),
        ],
        &[
            // A literal after a keyword that names no credential.
            ("db/init.sql", "CREATE USER app WITH LOGIN '{V}';\n"),
            // Prose and code are no directives.
            // (`the password is v` is a sentence that gives a value: `prose.rs` reads it.)
            ("notes.txt", "the password for {V}\n"),
            ("main.py", "requirepass {V}\n"),
            ("a.conf", "tokenizer {V}\n"),
            // `BY` without `IDENTIFIED`.
            ("x.sql", "SELECT * FROM t ORDER BY '{V}';\n"),
            ("x.sql", "SELECT * FROM t GROUP BY {V};\n"),
            // A literal in a column that names no credential.
            (
                "db/seed.sql",
                "INSERT INTO users (password, name) VALUES ('x', '{V}');\n",
            ),
        ],
    );
}

#[test]
fn pairs_inside_a_value() {
    let secret = v();
    let cases: &[(&str, &str, &str)] = &[
        (
            "appsettings.json",
            "{\"Default\": \"Server=db;User Id=app;Password={V};Trust=True\"}\n",
            "password",
        ),
        (
            "app.env",
            "DSN=host=db&user=u&password={V}&sslmode=require\n",
            "password",
        ),
        (
            "a.properties",
            "jdbc.url=jdbc:sqlserver://db;user=sa;password={V}\n",
            "password",
        ),
        (
            "a.json",
            "{\"odbc\": \"Driver={x};Uid=u;Pwd={V};\"}\n",
            "pwd",
        ),
    ];
    for (path, text, key) in cases {
        let got = found(path, text);
        assert!(
            got.iter()
                .any(|(k, s)| *s == secret && k.eq_ignore_ascii_case(key)),
            "{path}: {text:?}"
        );
    }
    // Parts whose key names no credential stay inside their value.
    for (path, text) in [
        ("a.json", "{\"q\": \"a=1;b={V}\"}\n"),
        ("a.json", "{\"q\": \"user=u&token_url={V}\"}\n"),
        // Words that are not all pairs are no conninfo.
        ("a.py", "msg = \"set password={V} for user=x now\"\n"),
    ] {
        assert!(
            !found(path, text)
                .iter()
                .any(|(k, s)| *s == secret && names::names_secret(k)),
            "{path}: {text:?}"
        );
    }
}

#[test]
fn scheme_anchor_takes_values_sent_under_that_authorization_scheme() {
    let rule = rule::ContextRule::from_spec(
        Some(&crate::rules::syntax::ValueSpec {
            pattern: Some("[A-Za-z0-9]{18}".into()),
            ..Default::default()
        }),
        &[crate::rules::syntax::ContextSpec {
            header: vec!["authorization".into()],
            scheme: vec!["AcmeKey".into()],
            ..Default::default()
        }],
        false,
    )
    .unwrap();
    let accepted = |path: &str, text: &str| {
        let text = text.replace("{V}", &v());
        let kind = Kind::detect(Some(path), text.as_bytes());
        let mut facts = rule::Facts::new(text.as_bytes(), kind, Some(path));
        extract_all(text.as_bytes(), kind)
            .iter()
            .any(|c| rule.accepts(c, &mut facts).is_some())
    };
    for (path, text) in [
        (
            "run.sh",
            "curl -H 'Authorization: AcmeKey {V}' https://api.example\n",
        ),
        ("a.py", "headers = {\"Authorization\": \"AcmeKey {V}\"}\n"),
        ("a.http", "Authorization: acmekey {V}\n"),
    ] {
        assert!(accepted(path, text), "{text:?}");
    }
    for (path, text) in [
        // Another scheme, no scheme, or the scheme's word outside an Authorization value.
        (
            "run.sh",
            "curl -H 'Authorization: Bearer {V}' https://api.example\n",
        ),
        ("a.py", "headers = {\"Authorization\": \"{V}\"}\n"),
        ("a.py", "AcmeKey = \"{V}\"\n"),
    ] {
        assert!(!accepted(path, text), "{text:?}");
    }
}

#[test]
fn a_parenthesised_command_calls_its_first_word() {
    let secret = v();
    let text = "$c = New-Object PSCredential ('admin', (ConvertTo-SecureString '{V}' -AsPlainText -Force))\n"
        .replace("{V}", &secret);
    let kind = Kind::detect(Some("x.ps1"), text.as_bytes());
    assert!(extract_all(text.as_bytes(), kind)
        .iter()
        .any(|c| c.secret() == secret && c.callee.as_deref() == Some("ConvertTo-SecureString")));
    // A parenthesised expression with no command word has no callee.
    let text = "x = (\"{V}\")\n".replace("{V}", &secret);
    assert!(extract_all(text.as_bytes(), Kind::Code)
        .iter()
        .all(|c| c.secret() != secret || c.callee.is_none()));
}
