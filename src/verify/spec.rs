//! A rule's `[rule.verify]` table, checked into a plan the verifier can run.
//!
//! The raw table ([`VerifySpec`]) is only the file's shape. [`VerifyPlan::from_spec`] checks
//! everything that can go wrong before any request: the URL parses, its scheme is `https`
//! (or `http` to a loopback address), `{{secret}}` never sits in the host, the method and
//! header names are valid, the status lists are sane, the JSON pointers are pointers and the
//! built-in exists. Rule loading calls it, so a bad table is a load error naming the file
//! rather than a verifier that silently never runs.

use super::endpoint;
use crate::rules::VerifySpec;
use std::collections::BTreeMap;

/// The placeholder replaced by the secret in URLs, headers, bodies and `basic_auth`.
pub const SECRET_PLACEHOLDER: &str = "{{secret}}";

/// Built-in verifiers, for checks a table cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// Speckle's GraphQL `activeUser` (SPEC §7).
    Speckle,
    /// Spell was retired in 2022: answers `unknown` without a request.
    Spell,
}

impl Builtin {
    /// Every built-in's name, as written in `verify = { builtin = "..." }`.
    pub const NAMES: &'static [&'static str] = &["speckle", "spell"];

    pub fn by_name(name: &str) -> Option<Builtin> {
        match name {
            "speckle" => Some(Builtin::Speckle),
            "spell" => Some(Builtin::Spell),
            _ => None,
        }
    }

    /// The endpoint name used when the table does not give one.
    pub fn default_endpoint(self) -> &'static str {
        match self {
            Builtin::Speckle => "speckle",
            Builtin::Spell => "spell",
        }
    }
}

/// What a live-status answer's JSON must hold to count as live.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonCheck {
    pub pointer: String,
    /// `None`: any value but `null` and `false`.
    pub equals: Option<serde_json::Value>,
}

/// A checked HTTP request template and how to read its answer.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpPlan {
    pub method: String,
    /// The URL template as written; its origin is the default base URL.
    pub url: String,
    pub headers: BTreeMap<String, String>,
    pub body: Option<String>,
    pub basic_auth: Option<String>,
    pub live_status: Vec<u16>,
    pub dead_status: Vec<u16>,
    pub scopes_header: Option<String>,
    pub live_json: Option<JsonCheck>,
    pub dead_json_pointer: Option<String>,
    pub dead_json_values: Vec<String>,
    pub scopes_json_pointer: Option<String>,
    pub identity_json_pointer: Option<String>,
}

/// How one rule's secrets are verified.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    Http(Box<HttpPlan>),
    Builtin(Builtin),
}

/// A checked verify table: the endpoint name plus what to do.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifyPlan {
    /// The `[verify.endpoints]` key that overrides the base URL.
    pub endpoint: String,
    pub check: Check,
}

const METHODS: &[&str] = &["GET", "POST", "HEAD", "PUT", "PATCH", "DELETE"];

impl VerifyPlan {
    /// Checks a table; the error says what is wrong, for a message naming the rule file.
    pub fn from_spec(spec: &VerifySpec) -> Result<VerifyPlan, String> {
        if let Some(name) = &spec.endpoint {
            check_endpoint_name(name)?;
        }
        if let Some(name) = &spec.builtin {
            let builtin = Builtin::by_name(name).ok_or_else(|| {
                format!(
                    "unknown verify builtin `{name}` (known: {})",
                    Builtin::NAMES.join(", ")
                )
            })?;
            let extra = table_fields_set(spec);
            if !extra.is_empty() {
                return Err(format!(
                    "verify builtin `{name}` takes only `endpoint`, not {}",
                    extra.join(", ")
                ));
            }
            return Ok(VerifyPlan {
                endpoint: spec
                    .endpoint
                    .clone()
                    .unwrap_or_else(|| builtin.default_endpoint().to_string()),
                check: Check::Builtin(builtin),
            });
        }
        let url = spec
            .url
            .as_deref()
            .ok_or("verify needs `url` (or `builtin`)")?;
        endpoint::check_url_template(url)?;
        let endpoint = spec
            .endpoint
            .clone()
            .ok_or("verify needs an `endpoint` name (for [verify.endpoints] overrides)")?;
        let method = spec.method.as_deref().unwrap_or("GET").to_ascii_uppercase();
        if !METHODS.contains(&method.as_str()) {
            return Err(format!(
                "verify method `{method}` is not one of {}",
                METHODS.join(", ")
            ));
        }
        if spec.body.is_some() && matches!(method.as_str(), "GET" | "HEAD") {
            return Err(format!("verify `body` with method {method}"));
        }
        for (name, value) in &spec.headers {
            ureq::http::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| format!("verify header name `{name}` is not valid"))?;
            let sample = value.replace(SECRET_PLACEHOLDER, "x");
            ureq::http::HeaderValue::from_str(&sample)
                .map_err(|_| format!("verify header `{name}` has a value that is not valid"))?;
        }
        let uses_secret = url.contains(SECRET_PLACEHOLDER)
            || spec
                .headers
                .values()
                .any(|v| v.contains(SECRET_PLACEHOLDER))
            || spec
                .body
                .as_deref()
                .is_some_and(|b| b.contains(SECRET_PLACEHOLDER))
            || spec
                .basic_auth
                .as_deref()
                .is_some_and(|b| b.contains(SECRET_PLACEHOLDER));
        if !uses_secret {
            return Err(
                "verify never sends the secret: put {{secret}} in url, headers, body or basic_auth"
                    .into(),
            );
        }
        if let Some(auth) = &spec.basic_auth {
            if !auth.contains(':') {
                return Err("verify `basic_auth` must be `user:password`".into());
            }
        }
        let live_status = or_default(&spec.live_status, &[200]);
        let dead_status = or_default(&spec.dead_status, &[401]);
        for status in live_status.iter().chain(&dead_status) {
            if !(100..=599).contains(status) {
                return Err(format!("verify status {status} is not an HTTP status"));
            }
            if *status == 429 || *status >= 500 || (300..400).contains(status) {
                return Err(format!(
                    "verify status {status} cannot be live or dead (it means: try later, or a redirect)"
                ));
            }
        }
        if let Some(both) = live_status.iter().find(|s| dead_status.contains(s)) {
            return Err(format!("verify status {both} is both live and dead"));
        }
        for pointer in [
            &spec.live_json_pointer,
            &spec.dead_json_pointer,
            &spec.scopes_json_pointer,
            &spec.identity_json_pointer,
        ]
        .into_iter()
        .flatten()
        {
            if !pointer.is_empty() && !pointer.starts_with('/') {
                return Err(format!(
                    "verify JSON pointer `{pointer}` must start with `/`"
                ));
            }
        }
        if spec.live_json_value.is_some() && spec.live_json_pointer.is_none() {
            return Err("verify `live_json_value` needs `live_json_pointer`".into());
        }
        if !spec.dead_json_values.is_empty() && spec.dead_json_pointer.is_none() {
            return Err("verify `dead_json_values` needs `dead_json_pointer`".into());
        }
        let live_json = match &spec.live_json_pointer {
            None => None,
            Some(pointer) => Some(JsonCheck {
                pointer: pointer.clone(),
                equals: match &spec.live_json_value {
                    None => None,
                    Some(value) => Some(
                        serde_json::to_value(value)
                            .map_err(|e| format!("verify `live_json_value`: {e}"))?,
                    ),
                },
            }),
        };
        Ok(VerifyPlan {
            endpoint,
            check: Check::Http(Box::new(HttpPlan {
                method,
                url: url.to_string(),
                headers: spec.headers.clone(),
                body: spec.body.clone(),
                basic_auth: spec.basic_auth.clone(),
                live_status,
                dead_status,
                scopes_header: spec.scopes_header.as_ref().map(|h| h.to_ascii_lowercase()),
                live_json,
                dead_json_pointer: spec.dead_json_pointer.clone(),
                dead_json_values: spec.dead_json_values.clone(),
                scopes_json_pointer: spec.scopes_json_pointer.clone(),
                identity_json_pointer: spec.identity_json_pointer.clone(),
            })),
        })
    }
}

fn or_default(list: &[u16], default: &[u16]) -> Vec<u16> {
    if list.is_empty() {
        default.to_vec()
    } else {
        list.to_vec()
    }
}

/// Endpoint names are config keys: lowercase `[a-z0-9-_]`.
fn check_endpoint_name(name: &str) -> Result<(), String> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(format!(
            "verify endpoint name `{name}` must be lowercase [a-z0-9-_]"
        ));
    }
    Ok(())
}

/// The table fields a builtin does not take, by name.
fn table_fields_set(spec: &VerifySpec) -> Vec<&'static str> {
    let mut set = Vec::new();
    let mut note = |present: bool, name: &'static str| {
        if present {
            set.push(name);
        }
    };
    note(spec.method.is_some(), "method");
    note(spec.url.is_some(), "url");
    note(!spec.headers.is_empty(), "headers");
    note(spec.body.is_some(), "body");
    note(spec.basic_auth.is_some(), "basic_auth");
    note(!spec.live_status.is_empty(), "live_status");
    note(!spec.dead_status.is_empty(), "dead_status");
    note(spec.scopes_header.is_some(), "scopes_header");
    note(spec.live_json_pointer.is_some(), "live_json_pointer");
    note(spec.live_json_value.is_some(), "live_json_value");
    note(spec.dead_json_pointer.is_some(), "dead_json_pointer");
    note(!spec.dead_json_values.is_empty(), "dead_json_values");
    note(spec.scopes_json_pointer.is_some(), "scopes_json_pointer");
    note(
        spec.identity_json_pointer.is_some(),
        "identity_json_pointer",
    );
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> VerifySpec {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn a_github_style_table_is_accepted_with_defaults() {
        let plan = VerifyPlan::from_spec(&spec(
            r#"endpoint = "github"
url = "https://api.github.com/user"
headers = { Authorization = "token {{secret}}" }
scopes_header = "X-OAuth-Scopes""#,
        ))
        .unwrap();
        assert_eq!(plan.endpoint, "github");
        let Check::Http(http) = plan.check else {
            panic!("not an http plan")
        };
        assert_eq!(http.method, "GET");
        assert_eq!(http.live_status, vec![200]);
        assert_eq!(http.dead_status, vec![401]);
        assert_eq!(http.scopes_header.as_deref(), Some("x-oauth-scopes"));
    }

    #[test]
    fn bad_tables_are_rejected_with_a_reason() {
        let cases = [
            (r#"builtin = "nope""#, "unknown verify builtin"),
            (
                r#"builtin = "speckle"
url = "https://x.example/""#,
                "takes only `endpoint`",
            ),
            (
                r#"endpoint = "x"
url = "https://{{secret}}.example.com/""#,
                "host",
            ),
            (
                r#"endpoint = "x"
url = "http://api.example.com/{{secret}}""#,
                "http",
            ),
            (
                r#"endpoint = "x"
url = "ftp://api.example.com/{{secret}}""#,
                "scheme",
            ),
            (r#"url = "https://api.example.com/{{secret}}""#, "endpoint"),
            (
                r#"endpoint = "x"
url = "https://api.example.com/me""#,
                "never sends the secret",
            ),
            (
                r#"endpoint = "x"
method = "BREW"
url = "https://api.example.com/{{secret}}""#,
                "method",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_status = [200]
dead_status = [200]"#,
                "both live and dead",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_status = [503]"#,
                "cannot be live or dead",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/{{secret}}"
live_json_pointer = "ok""#,
                "must start with `/`",
            ),
            (
                r#"endpoint = "Bad Name"
url = "https://api.example.com/{{secret}}""#,
                "endpoint name",
            ),
            (
                r#"endpoint = "x"
url = "https://api.example.com/me"
headers = { "Bad Header" = "{{secret}}" }"#,
                "header name",
            ),
        ];
        for (text, expected) in cases {
            let err = VerifyPlan::from_spec(&spec(text)).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn a_builtin_gets_its_default_endpoint_name() {
        let plan = VerifyPlan::from_spec(&spec(r#"builtin = "speckle""#)).unwrap();
        assert_eq!(plan.endpoint, "speckle");
        assert_eq!(plan.check, Check::Builtin(Builtin::Speckle));
    }
}
