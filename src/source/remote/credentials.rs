//! Credentials for cloning over `http(s)`, from the environment or taken out of a URL, and
//! how they reach git without a command line.
//!
//! git's own credential helpers and ssh keys need nothing from leakgate: `git clone` asks
//! them as always. A token in `LEAKGATE_GIT_TOKEN` (or the API token of an organisation
//! listing, for repositories on the API's own host) becomes an `Authorization: Basic`
//! header set as `http.<scheme://host[:port]/>.extraHeader`, so git sends it only to that
//! host, through the `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` variables
//! (git-config(1), "ENVIRONMENT"): unlike `-c` on the command line, the environment of a
//! process is not shown by `ps` to other users.
//!
//! Basic authentication with the token as password is what both forges document for git
//! over HTTPS: GitHub takes any user name with a token as password
//! (<https://docs.github.com/en/get-started/git-basics/about-remote-repositories#cloning-with-https-urls>),
//! GitLab a personal access token as password, `oauth2` as user name for an OAuth token
//! (<https://docs.gitlab.com/user/profile/personal_access_tokens/>).

use super::RemoteUrl;
use base64::Engine;

/// The token for cloning over `http(s)`.
pub const GIT_TOKEN_VAR: &str = "LEAKGATE_GIT_TOKEN";
/// The user name sent with [`GIT_TOKEN_VAR`]; default [`DEFAULT_USER`].
pub const GIT_USER_VAR: &str = "LEAKGATE_GIT_USERNAME";
/// GitHub's documented user name for installation tokens; any name works for a PAT.
pub const DEFAULT_USER: &str = "x-access-token";

/// A user name and password (or token) for basic authentication. `Debug` hides the
/// password.
#[derive(Clone, PartialEq, Eq)]
pub struct Basic {
    pub user: String,
    password: String,
}

impl std::fmt::Debug for Basic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Basic({}:…)", self.user)
    }
}

impl Basic {
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Basic {
        Basic {
            user: user.into(),
            password: password.into(),
        }
    }

    /// The token of [`GIT_TOKEN_VAR`], with the user name of [`GIT_USER_VAR`]; `None` when
    /// the variable is unset or empty.
    pub fn from_env() -> Option<Basic> {
        let token = std::env::var(GIT_TOKEN_VAR)
            .ok()
            .filter(|t| !t.is_empty())?;
        let user = std::env::var(GIT_USER_VAR)
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| DEFAULT_USER.to_string());
        Some(Basic::new(user, token))
    }

    /// The password, to scrub it from messages.
    pub fn password(&self) -> &str {
        &self.password
    }

    /// `Authorization: Basic …` (RFC 7617).
    fn header(&self) -> String {
        let pair = format!("{}:{}", self.user, self.password);
        format!(
            "Authorization: Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

/// The credentials to clone `url` with: the userinfo that was in the URL, else `token`.
/// Only for `http(s)`: other transports authenticate with ssh keys or not at all.
pub fn for_url(url: &RemoteUrl, token: Option<&Basic>) -> Option<Basic> {
    url.http_origin()?;
    match url.userinfo() {
        Some((user, password)) => Some(Basic::new(
            if user.is_empty() { DEFAULT_USER } else { user },
            password,
        )),
        None => token.cloned(),
    }
}

/// The environment that makes git send `basic` to `url`'s host only, added after the
/// `GIT_CONFIG_*` entries the environment may already hold.
pub fn git_environment(url: &RemoteUrl, basic: &Basic) -> Vec<(String, String)> {
    let Some(origin) = url.http_origin() else {
        return Vec::new();
    };
    let first = std::env::var("GIT_CONFIG_COUNT")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    vec![
        (
            format!("GIT_CONFIG_KEY_{first}"),
            format!("http.{origin}.extraHeader"),
        ),
        (format!("GIT_CONFIG_VALUE_{first}"), basic.header()),
        ("GIT_CONFIG_COUNT".to_string(), (first + 1).to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_for_the_repository_host_only() {
        let url = RemoteUrl::parse("https://git.example.org/org/r.git").unwrap();
        let basic = Basic::new("x-access-token", "tok-123");
        let env = git_environment(&url, &basic);
        let key = env.iter().find(|(k, _)| k.starts_with("GIT_CONFIG_KEY_"));
        assert_eq!(
            key.map(|(_, v)| v.as_str()),
            Some("http.https://git.example.org/.extraHeader")
        );
        let value = env
            .iter()
            .find(|(k, _)| k.starts_with("GIT_CONFIG_VALUE_"))
            .unwrap();
        // base64("x-access-token:tok-123")
        assert_eq!(
            value.1,
            "Authorization: Basic eC1hY2Nlc3MtdG9rZW46dG9rLTEyMw=="
        );
        assert!(!format!("{basic:?}").contains("tok-123"));
    }

    #[test]
    fn url_userinfo_wins_and_ssh_gets_nothing() {
        let token = Basic::new("x-access-token", "from-env");
        let url = RemoteUrl::parse("https://me:from-url@host.example/r.git").unwrap();
        assert_eq!(for_url(&url, Some(&token)).unwrap().password(), "from-url");
        let url = RemoteUrl::parse("https://host.example/r.git").unwrap();
        assert_eq!(for_url(&url, Some(&token)).unwrap().password(), "from-env");
        let url = RemoteUrl::parse("git@host.example:r.git").unwrap();
        assert!(for_url(&url, Some(&token)).is_none());
    }
}
