//! Where a verifier may send a secret, and nowhere else (SPEC §7).
//!
//! A request goes to the rule's own URL, or to the same path under a base URL the user gave
//! in `[verify.endpoints]` (a self-hosted GitLab or Speckle server). The host always comes
//! from the rule or the config, never from scanned content: `{{secret}}` may only sit in the
//! path or query, it is percent-encoded there, and the rendered URL is parsed again to prove
//! its scheme, host and port are the ones the template named. Plain `http://` is accepted
//! only for loopback addresses, which is how tests point verifiers at local servers.

use crate::rules::verify_plan::{check_scheme, split_origin, SECRET_PLACEHOLDER};
pub use crate::rules::verify_plan::{check_url_template, is_loopback};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use url::Url;

/// Characters encoded when the secret is put into a URL path or query: everything that
/// could end the segment, start a query or fragment, or escape.
const URL_SECRET: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'?')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']')
    .add(b'@')
    .add(b'&')
    .add(b'=')
    .add(b'+')
    .add(b';');

/// Checks a `[verify.endpoints]` base URL (config loading).
pub fn check_base(base: &str) -> Result<(), String> {
    let url = Url::parse(base).map_err(|e| format!("`{base}` is not a URL: {e}"))?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("`{base}`: a base URL has no query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("`{base}`: no user name or password in a base URL"));
    }
    check_scheme(&url).map_err(|e| format!("`{base}`: {e}"))
}

/// The URL template with its origin replaced by `base` when an override is given:
/// `https://gitlab.com/api/v4/user` under `https://git.example.org` becomes
/// `https://git.example.org/api/v4/user`.
pub fn with_base(template: &str, base: Option<&str>) -> Result<String, String> {
    let (origin, rest) = split_origin(template)?;
    match base {
        None => Ok(format!("{origin}{rest}")),
        Some(base) => {
            check_base(base)?;
            let rest = if rest.is_empty() { "/" } else { rest };
            Ok(format!("{}{rest}", base.trim_end_matches('/')))
        }
    }
}

/// Puts the secret into a (resolved) URL template and proves the result still points at
/// the template's scheme, host and port. Errors never contain the secret.
pub fn render(template: &str, secret: &str) -> Result<Url, String> {
    let expected =
        Url::parse(&template.replace(SECRET_PLACEHOLDER, "x")).map_err(|_| "bad verify url")?;
    check_scheme(&expected)?;
    let encoded = utf8_percent_encode(secret, URL_SECRET).to_string();
    let url = Url::parse(&template.replace(SECRET_PLACEHOLDER, &encoded))
        .map_err(|_| "the secret cannot be placed in the verify url".to_string())?;
    if url.scheme() != expected.scheme()
        || url.host_str() != expected.host_str()
        || url.port_or_known_default() != expected.port_or_known_default()
    {
        return Err("the secret would change the verify url's host".into());
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_is_only_for_loopback() {
        assert!(check_base("http://127.0.0.1:8080").is_ok());
        assert!(check_base("http://localhost:1").is_ok());
        assert!(check_base("http://[::1]:9").is_ok());
        assert!(check_base("https://speckle.example.org").is_ok());
        assert!(check_base("http://speckle.example.org").is_err());
        assert!(check_base("http://10.0.0.1").is_err());
        assert!(check_base("file:///etc/passwd").is_err());
        assert!(check_base("https://user:pw@example.org").is_err());
    }

    #[test]
    fn a_base_override_keeps_the_path() {
        assert_eq!(
            with_base(
                "https://gitlab.com/api/v4/personal_access_tokens/self",
                Some("https://git.example.org/")
            )
            .unwrap(),
            "https://git.example.org/api/v4/personal_access_tokens/self"
        );
        assert_eq!(
            with_base(
                "https://api.github.com/user",
                Some("https://ghe.example.org/api/v3")
            )
            .unwrap(),
            "https://ghe.example.org/api/v3/user"
        );
        assert_eq!(
            with_base("https://api.github.com/user", None).unwrap(),
            "https://api.github.com/user"
        );
    }

    #[test]
    fn the_secret_cannot_move_the_request_to_another_host() {
        let template = "https://api.telegram.org/bot{{secret}}/getMe";
        let url = render(template, "123:abc").unwrap();
        assert_eq!(url.host_str(), Some("api.telegram.org"));
        for hostile in [
            "x@evil.example/",
            "/../../@evil.example",
            "a#b",
            "a?b=c/../",
        ] {
            let url = render(template, hostile).unwrap();
            assert_eq!(url.host_str(), Some("api.telegram.org"), "{hostile}");
            assert_eq!(url.fragment(), None);
        }
        assert!(check_url_template("https://{{secret}}.example.org/").is_err());
        assert!(check_url_template("https://api.example.org{{secret}}").is_err());
    }
}
