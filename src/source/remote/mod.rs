//! Repositories audited by URL (issue 18): `history --repo URL`, `--repos FILE`,
//! `--github-org NAME`, `--gitlab-group NAME`.
//!
//! Each repository is cloned whole into a temporary bare repository ([`clone`]), which is
//! then audited exactly as a local one (`crate::source::history::scan`), and removed. Every
//! finding names the repository by its URL with credentials taken out
//! ([`RemoteUrl::shown`]). [`listing`] turns a file of URLs, a GitHub organisation or a
//! GitLab group into the list of repositories, and [`batch`] audits them with bounded
//! parallelism into one outcome.
//!
//! Credentials never travel on a command line, where `ps` shows them: git's own credential
//! helpers and ssh keys work as they do for `git clone`; a token from the environment
//! ([`credentials`]) reaches git as an `http.<origin>.extraHeader` through `GIT_CONFIG_*`
//! variables, for the repository's own host only. Userinfo in a URL given on the command
//! line is taken out of the URL the same way. No message prints a URL with its userinfo.

pub mod batch;
pub mod clone;
pub mod credentials;
pub mod listing;

use anyhow::{bail, Context};
use url::Url;

/// How git reaches a repository.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    /// `https://`, or `http://` to a loopback address.
    Http,
    /// `ssh://` or the scp-like `[user@]host:path`.
    Ssh,
    /// `git://` (unauthenticated, read-only).
    Git,
    /// `file://`.
    File,
}

/// A repository URL as given, split into what git is handed, what reports show, and the
/// credentials that were in it.
#[derive(Clone, PartialEq, Eq)]
pub struct RemoteUrl {
    /// The URL handed to `git clone`: without a password, and for `http(s)` without any
    /// userinfo (it travels in a header instead).
    for_git: String,
    /// The URL as every message and report shows it: no password, and for `http(s)` and
    /// `file` no user name either (a token is often put there).
    shown: String,
    transport: Transport,
    /// `user:password` taken out of an `http(s)` URL, sent as basic authentication.
    userinfo: Option<(String, String)>,
}

impl std::fmt::Debug for RemoteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the credentials.
        f.debug_struct("RemoteUrl")
            .field("shown", &self.shown)
            .field("transport", &self.transport)
            .finish()
    }
}

impl std::fmt::Display for RemoteUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Schemes git can clone that leakgate accepts (git's own `GIT_ALLOW_PROTOCOL` names).
pub const ALLOWED_PROTOCOLS: &str = "https:http:ssh:git:file";

impl RemoteUrl {
    /// Parses a repository URL: `https://`, `http://` (loopback only: a token must not
    /// cross a network in the clear), `ssh://`, `git://`, `file://`, or git's scp-like
    /// `[user@]host:path`. Anything else (a local path, `ext::`, a URL starting with `-`)
    /// is an error naming the URL as shown.
    pub fn parse(text: &str) -> anyhow::Result<RemoteUrl> {
        let text = text.trim();
        if text.starts_with('-') {
            bail!("{}: not a repository URL", redact_userinfo(text));
        }
        if text.contains("://") {
            return Self::parse_url(text);
        }
        if let Some((host, path)) = scp_like(text) {
            // `user@host:path`: the user name is the ssh account (`git`), not a secret; a
            // `user:password@` form does not exist in this syntax.
            let shown = format!("{host}:{path}");
            return Ok(RemoteUrl {
                for_git: shown.clone(),
                shown,
                transport: Transport::Ssh,
                userinfo: None,
            });
        }
        bail!(
            "{}: not a repository URL (https://, ssh://, git://, file:// or user@host:path)",
            redact_userinfo(text)
        )
    }

    fn parse_url(text: &str) -> anyhow::Result<RemoteUrl> {
        let shown_input = redact_userinfo(text);
        let mut url =
            Url::parse(text).with_context(|| format!("{shown_input}: not a valid URL"))?;
        let transport = match url.scheme() {
            "https" => Transport::Http,
            "http" => {
                if !url
                    .host()
                    .is_some_and(|h| crate::rules::verify_plan::is_loopback(&h))
                {
                    bail!(
                        "{shown_input}: plain http is accepted only for a loopback address; use https"
                    );
                }
                Transport::Http
            }
            "ssh" | "git+ssh" | "ssh+git" => Transport::Ssh,
            "git" => Transport::Git,
            "file" => Transport::File,
            other => bail!(
                "{shown_input}: the `{other}` scheme is not supported (https, ssh, git, file)"
            ),
        };
        let user = percent_encoding::percent_decode_str(url.username())
            .decode_utf8_lossy()
            .into_owned();
        let password = url.password().map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8_lossy()
                .into_owned()
        });
        let mut userinfo = None;
        // Setting parts of these URLs cannot fail: they have a host (or are file URLs,
        // whose userinfo is always empty).
        let _ = url.set_password(None);
        let for_git;
        let shown;
        match transport {
            Transport::Http => {
                if !user.is_empty() || password.is_some() {
                    userinfo = Some((user, password.unwrap_or_default()));
                }
                let _ = url.set_username("");
                for_git = url.to_string();
                shown = for_git.clone();
            }
            Transport::Ssh | Transport::Git => {
                for_git = url.to_string();
                shown = for_git.clone();
            }
            Transport::File => {
                let _ = url.set_username("");
                for_git = url.to_string();
                shown = for_git.clone();
            }
        }
        Ok(RemoteUrl {
            for_git,
            shown,
            transport,
            userinfo,
        })
    }

    /// The URL as reports and messages show it (no credentials).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The URL `git clone` is given (no password, no `http(s)` userinfo).
    pub fn for_git(&self) -> &str {
        &self.for_git
    }

    pub fn transport(&self) -> Transport {
        self.transport
    }

    /// The `user:password` that was in an `http(s)` URL.
    pub fn userinfo(&self) -> Option<(&str, &str)> {
        self.userinfo
            .as_ref()
            .map(|(user, password)| (user.as_str(), password.as_str()))
    }

    /// `scheme://host[:port]/` of an `http(s)` URL: the prefix git's `http.<url>.*`
    /// settings match, so a header set for it goes to this host only.
    pub fn http_origin(&self) -> Option<String> {
        if self.transport != Transport::Http {
            return None;
        }
        let url = Url::parse(&self.for_git).ok()?;
        let host = url.host_str()?;
        Some(match url.port() {
            Some(port) => format!("{}://{host}:{port}/", url.scheme()),
            None => format!("{}://{host}/", url.scheme()),
        })
    }

    /// The host name (without port) of an `http(s)` URL, lower-cased.
    pub fn http_host(&self) -> Option<String> {
        if self.transport != Transport::Http {
            return None;
        }
        Url::parse(&self.for_git)
            .ok()?
            .host_str()
            .map(|h| h.to_ascii_lowercase())
    }
}

/// Whether `text` names a repository by URL rather than a local folder, as git decides
/// (`url_is_local_not_ssh` in git's connect.c): a `scheme://` URL, or a colon before any
/// slash (`host:path`). A folder that exists on disk stays a folder, so that an odd local
/// name with a colon keeps working as before.
pub fn is_remote(text: &str) -> bool {
    if std::path::Path::new(text).exists() {
        return false;
    }
    text.contains("://") || scp_like(text).is_some()
}

/// `[user@]host:path` split into `([user@]host, path)`: a colon before the first slash,
/// a non-empty host, and not a Windows drive letter (`C:\...`).
fn scp_like(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let slash = text.find('/').unwrap_or(usize::MAX);
    if colon > slash || colon == 0 {
        return None;
    }
    let (host, path) = (&text[..colon], &text[colon + 1..]);
    if host.len() == 1 && host.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // `transport::address` is git's remote-helper syntax (`ext::command`), not a host.
    if path.is_empty() || path.starts_with(':') || host.contains(char::is_whitespace) {
        return None;
    }
    Some((host, path))
}

/// `text` with the userinfo of every `scheme://user[:password]@` URL in it replaced by
/// `***`: git's and servers' messages may repeat a URL as it was given. Used on every
/// message that can hold a URL.
pub fn redact_userinfo(text: &str) -> String {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        regex::Regex::new(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@").expect("valid pattern")
    });
    pattern.replace_all(text, "${1}***@").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_taken_out_of_https_urls() {
        let url = RemoteUrl::parse("https://someone:s3cr3t-value@git.example.org/org/repo.git") // leakgate:allow
            .unwrap();
        assert_eq!(url.shown(), "https://git.example.org/org/repo.git");
        assert_eq!(url.for_git(), "https://git.example.org/org/repo.git");
        assert_eq!(url.userinfo(), Some(("someone", "s3cr3t-value")));
        assert_eq!(
            url.http_origin().as_deref(),
            Some("https://git.example.org/")
        );
        assert!(!format!("{url:?}").contains("s3cr3t"));
        // A token alone in the user name is taken out too.
        let url = RemoteUrl::parse("https://tok3n@git.example.org:8443/r.git").unwrap();
        assert_eq!(url.shown(), "https://git.example.org:8443/r.git");
        assert_eq!(url.userinfo(), Some(("tok3n", "")));
        assert_eq!(
            url.http_origin().as_deref(),
            Some("https://git.example.org:8443/")
        );
    }

    #[test]
    fn ssh_and_scp_like_urls_keep_their_account() {
        let url = RemoteUrl::parse("git@github.com:org/repo.git").unwrap();
        assert_eq!(url.transport(), Transport::Ssh);
        assert_eq!(url.for_git(), "git@github.com:org/repo.git");
        let url = RemoteUrl::parse("ssh://git@host.example:2222/org/repo.git").unwrap();
        assert_eq!(url.transport(), Transport::Ssh);
        assert_eq!(url.shown(), "ssh://git@host.example:2222/org/repo.git");
        assert!(url.userinfo().is_none());
        let url = RemoteUrl::parse("ssh://git:pw@host.example/r.git").unwrap();
        assert!(!url.for_git().contains("pw"));
    }

    #[test]
    fn plain_http_only_to_loopback_and_odd_inputs_refused() {
        assert!(RemoteUrl::parse("http://127.0.0.1:9/r.git").is_ok());
        assert!(RemoteUrl::parse("http://localhost/r.git").is_ok());
        let err = RemoteUrl::parse("http://u:pw@git.example.org/r.git")
            .unwrap_err()
            .to_string();
        assert!(err.contains("https") && !err.contains("pw"), "{err}");
        assert!(RemoteUrl::parse("ext::sh -c touch% /tmp/x").is_err());
        assert!(RemoteUrl::parse("--upload-pack=touch /tmp/x").is_err());
        assert!(RemoteUrl::parse("ftp://host/r.git").is_err());
        assert!(RemoteUrl::parse("plain/local/dir").is_err());
    }

    #[test]
    fn remote_or_local_as_git_decides() {
        assert!(is_remote("https://host/r.git"));
        assert!(is_remote("file:///srv/r.git"));
        assert!(is_remote("git@host:org/r.git"));
        assert!(is_remote("host:r.git"));
        assert!(!is_remote("./dir:with/colon"));
        assert!(!is_remote("dir/sub"));
        assert!(!is_remote("C:\\work\\repo"));
    }

    #[test]
    fn userinfo_is_redacted_in_any_message() {
        let message = "fatal: unable to access 'https://user:hunter2@host/r.git/': 403";
        assert_eq!(
            redact_userinfo(message),
            "fatal: unable to access 'https://***@host/r.git/': 403"
        );
        assert_eq!(redact_userinfo("no url here"), "no url here");
    }
}
