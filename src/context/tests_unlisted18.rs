//! Table-driven probes, through the built-in rules, of the families session 15 (issue 13)
//! fixed on main, each in several syntaxes, with the near misses each must keep quiet:
//!
//! - an Authorization value whose credential is an auth-param (`Token token=<key>`, as
//!   PagerDuty's REST API takes its key, and `Token token="<key>"`, as Rails'
//!   `authenticate_with_http_token` reads it), in Python, JS, Go, Ruby, shell and YAML:
//!   the finding is the key alone, attributed to the provider when its host is near; not a
//!   variable, a template, Digest's parameter list, a base64 credential's `=` padding;
//! - a short secret (8-15 characters, `generic-secret`'s `rare_min_length`) under a
//!   secret's name, drawn through and through (an OAuth client secret of 10 characters, a
//!   MinIO secret key of 8), in Python, JS, Java, Go, YAML, `.env`, PHP and C#; not a name's
//!   placeholder, words with digits, a sequence, a repeat, a variable, nor a short value
//!   under an id's or a name's name.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// A PagerDuty REST API key's shape: 20 characters of letters, digits, `_`, `-`, `+`.
fn pagerduty_key() -> String {
    ["y_Fq3", "Ls8pW", "nK2xR", "v7TzM"].concat()
}

/// A 10-character client secret, letters and digits drawn at random.
fn short_secret() -> String {
    ["Gh7K", "q2Pz", "X9"].concat()
}

/// Eight characters: five letters, three digits, no word or run.
fn short_key() -> String {
    ["qzkvb", "381"].concat()
}

fn secrets() -> Vec<String> {
    vec![pagerduty_key(), short_secret(), short_key()]
}

fn fill(text: &str) -> String {
    text.replace("{PD}", &pagerduty_key())
        .replace("{SS}", &short_secret())
        .replace("{SK}", &short_key())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const AUTH_PARAMS: Rows<'static> = (
    &[
        ("pd/client.py", "resp = requests.get(\"https://api.pagerduty.com/incidents\", headers={\"Authorization\": \"Token token={PD}\"})\n", "pagerduty-api-key"),
        ("scripts/incidents.sh", "curl -s -H \"Authorization: Token token={PD}\" https://api.pagerduty.com/incidents\n", "pagerduty-api-key"),
        ("pd/client.go", "req, _ := http.NewRequest(\"GET\", \"https://api.pagerduty.com/services\", nil)\nreq.Header.Set(\"Authorization\", \"Token token={PD}\")\n", "pagerduty-api-key"),
        ("src/pd.js", "fetch('https://api.pagerduty.com/users', { headers: { Authorization: 'Token token={PD}' } });\n", "pagerduty-api-key"),
        ("lib/client.rb", "request['Authorization'] = 'Token token=\"{PD}\"'\n", "generic-token|pagerduty-api-key"),
        ("app/api.py", "headers = {\"Authorization\": \"Token token={PD}\"}\n", "generic-token|pagerduty-api-key"),
        ("http/requests.yaml", "headers:\n  Authorization: Token token={PD}\n", "generic-token|pagerduty-api-key"),
    ],
    &[
        ("pd/client.py", "headers = {\"Authorization\": f\"Token token={api_key}\"}\n"),
        ("pd/client.js", "headers: { Authorization: `Token token=${process.env.PD_TOKEN}` }\n"),
        ("scripts/pd.sh", "curl -H \"Authorization: Token token=$PAGERDUTY_TOKEN\" https://api.pagerduty.com/incidents\n"),
        ("app/api.py", "headers = {\"Authorization\": \"Token token=<YOUR_API_KEY>\"}\n"),
        ("app/digest.py", "headers = {\"Authorization\": 'Digest username=\"admin\", realm=\"api\", nonce=\"dcd98b7102dd\"'}\n"),
    ],
);

#[test]
fn authorization_auth_params_give_the_credential_alone() {
    check_all("auth params", AUTH_PARAMS);
}

/// No finding of an auth-param row holds the parameter's name: the secret is the key alone,
/// and nothing after a redaction shows `token=`.
#[test]
fn an_auth_param_is_never_reported_with_its_name() {
    let scanner = crate::scan::Scanner::new(crate::rules::RuleSet::builtin().unwrap());
    for (path, text, _) in AUTH_PARAMS.0 {
        let text = fill(text);
        for m in scanner.scan(Some(path), text.as_bytes()) {
            let secret = m.secret.expose();
            assert!(
                !secret.to_ascii_lowercase().contains("token="),
                "{path}: {} reported a value holding `token=`",
                scanner.rule(m.rule).id
            );
        }
    }
}

#[rustfmt::skip]
const SHORT_SECRETS: Rows<'static> = (
    &[
        ("blog_count.py", "client_id = \"Xq3bK9LmP2vR7tZw4YcN\"\nclient_secret = \"{SS}\"\n", "generic-secret"),
        ("tests/test_s3.py", "    c.S3_ACCESS_KEY = \"minio\"\n    c.S3_SECRET_KEY = \"{SK}\"\n", "generic-secret"),
        ("src/naver.js", "const CLIENT_SECRET = '{SS}';\n", "generic-secret"),
        ("src/main/java/App.java", "private static final String CLIENT_SECRET = \"{SS}\";\n", "generic-secret"),
        ("main.go", "var clientSecret = \"{SS}\"\n", "generic-secret"),
        ("config.yml", "oauth:\n  client_secret: {SS}\n", "generic-secret"),
        (".env", "APP_SECRET={SK}\n", "generic-secret"),
        ("config.php", "<?php\n$client_secret = '{SS}';\n", "generic-secret"),
        ("Program.cs", "var secret = \"{SS}\";\n", "generic-secret"),
    ],
    &[
        ("app.py", "client_secret = \"test1234\"\n"),
        ("app.py", "secret = \"mysecret1\"\n"),
        ("app.py", "SECRET_KEY = \"abc12345\"\n"),
        ("app.py", "SECRET_KEY = \"secret2024\"\n"),
        ("config.yml", "jwt_secret: secret123\n"),
        ("config.yml", "secret_name: prod-db-v2\n"),
        ("app.js", "const secret = 'Password1';\n"),
        ("app.js", "const clientSecret = getSecret();\n"),
        (".env", "APP_SECRET=xxxxxxxx\n"),
        (".env", "APP_SECRET=a1a1a1a1\n"),
        ("app.py", "secret_id = \"{SS}\"\n"),
        ("app.py", "api_key = \"{SS}\"\n"),
        ("app.py", "SECRET_VERSION = \"v2024r11\"\n"),
        ("plugins/modules/nexmo.py", "EXAMPLES = \"\"\"\n- community.general.nexmo:\n    api_secret: {SK}\n\"\"\"\n"),
    ],
);

#[test]
fn short_drawn_secrets_under_a_secret_name() {
    check_all("short secrets", SHORT_SECRETS);
}
