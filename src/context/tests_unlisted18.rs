//! Table-driven probes, through the built-in rules, of the families session 15 (issue 13)
//! fixed on main, each in several syntaxes, with the near misses each must keep quiet:
//!
//! - an Authorization value whose credential is an auth-param (`Token token=<key>`, as
//!   PagerDuty's REST API takes its key, and `Token token="<key>"`, as Rails'
//!   `authenticate_with_http_token` reads it), in Python, JS, Go, Ruby, shell and YAML:
//!   the finding is the key alone, attributed to the provider when its host is near; not a
//!   variable, a template, Digest's parameter list, a base64 credential's `=` padding.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// A PagerDuty REST API key's shape: 20 characters of letters, digits, `_`, `-`, `+`.
fn pagerduty_key() -> String {
    ["y_Fq3", "Ls8pW", "nK2xR", "v7TzM"].concat()
}

fn secrets() -> Vec<String> {
    vec![pagerduty_key()]
}

fn fill(text: &str) -> String {
    text.replace("{PD}", &pagerduty_key())
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
