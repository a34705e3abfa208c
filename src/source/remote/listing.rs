//! The repositories to audit: a file of URLs (`--repos FILE`), a GitHub organisation
//! (`--github-org NAME`) or a GitLab group and its subgroups (`--gitlab-group NAME`).
//!
//! The forge APIs are read with the same care as verification: `https` only (plain `http`
//! only to a loopback address, which is how tests point the listing at a local stand-in),
//! no redirects, the token sent only to the API's host, and a `next` page only on the
//! API's own origin. Every page is read: a listing cut short would audit part of an
//! organisation and report it clean.
//!
//! - GitHub: `GET /orgs/{org}/repos?type=all&per_page=100`, the next page named by the
//!   `Link` header's `rel="next"`
//!   (<https://docs.github.com/en/rest/repos/repos#list-organization-repositories>,
//!   <https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api>);
//!   each repository's `clone_url`, `archived` and `fork`.
//! - GitLab: `GET /groups/{id}/projects?include_subgroups=true&per_page=100`, the next page
//!   named by `Link` `rel="next"` or, failing that, the `x-next-page` header (empty on the
//!   last page) (<https://docs.gitlab.com/api/groups/#list-projects>,
//!   <https://docs.gitlab.com/api/rest/#offset-based-pagination>); each project's
//!   `http_url_to_repo`, `archived`, and `forked_from_project` (present only for a fork).

use super::credentials::Basic;
use super::RemoteUrl;
use anyhow::{bail, Context};
use serde::Deserialize;
use std::path::Path;
use std::time::Duration;
use url::Url;

/// GitHub's API, unless `--api-url` or `GITHUB_API_URL` (set by GitHub Actions, also on
/// Enterprise Server) says otherwise.
pub const GITHUB_API: &str = "https://api.github.com";
/// GitLab.com's API, unless `--api-url` or `CI_API_V4_URL` (set by GitLab CI) says
/// otherwise.
pub const GITLAB_API: &str = "https://gitlab.com/api/v4";
/// Where the API tokens are read from, first set wins.
pub const GITHUB_TOKEN_VARS: &[&str] = &["GITHUB_TOKEN", "GH_TOKEN"];
pub const GITLAB_TOKEN_VARS: &[&str] = &["GITLAB_TOKEN"];
/// Pages past this many mean a server that never says "last".
const MAX_PAGES: usize = 10_000;
const TIMEOUT: Duration = Duration::from_secs(60);

/// One repository to audit, with the token for its clone if the listing has one.
#[derive(Clone, Debug)]
pub struct Listed {
    pub url: RemoteUrl,
    pub token: Option<Basic>,
}

/// Which repositories an organisation listing leaves out.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filters {
    pub skip_archived: bool,
    pub skip_forks: bool,
}

/// What a listing kept and what it left out.
#[derive(Debug, Default)]
pub struct Listing {
    pub repositories: Vec<Listed>,
    pub archived_skipped: usize,
    pub forks_skipped: usize,
}

/// The URLs of `path`, one per line; blank lines and lines starting with `#` are skipped.
/// A bad line is an error naming the file and line.
pub fn from_file(path: &Path) -> anyhow::Result<Vec<RemoteUrl>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the repository list", path.display()))?;
    let mut urls = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let url = RemoteUrl::parse(line)
            .with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    Ok(urls)
}

/// The first of `vars` that is set and not empty.
pub fn first_env(vars: &[&str]) -> Option<String> {
    vars.iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
}

/// The API base URL: `flag`, else the first of `vars` set, else `default`; checked
/// (`https`, or `http` to loopback).
pub fn api_base(flag: Option<&str>, vars: &[&str], default: &str) -> anyhow::Result<Url> {
    let text = flag
        .map(str::to_string)
        .or_else(|| first_env(vars))
        .unwrap_or_else(|| default.to_string());
    let mut url = Url::parse(text.trim_end_matches('/'))
        .with_context(|| format!("{text}: not a valid API URL"))?;
    crate::rules::verify_plan::check_scheme(&url)
        .map_err(|reason| anyhow::anyhow!("{text}: {reason}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        bail!(
            "{}: put the API token in the environment, not in the URL",
            super::redact_userinfo(&text)
        );
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

#[derive(Deserialize)]
struct GithubRepo {
    clone_url: String,
    #[serde(default)]
    archived: bool,
    #[serde(default)]
    fork: bool,
}

#[derive(Deserialize)]
struct GitlabProject {
    http_url_to_repo: String,
    #[serde(default)]
    archived: bool,
    #[serde(default)]
    forked_from_project: Option<serde_json::Value>,
}

/// Every repository of GitHub organisation `org`.
pub fn github_org(
    org: &str,
    api: &Url,
    token: Option<&str>,
    filters: Filters,
) -> anyhow::Result<Listing> {
    let first = api
        .join(&format!(
            "orgs/{}/repos?type=all&per_page=100",
            path_segment(org)
        ))
        .context("the organisation name does not make a URL")?;
    let headers: Vec<(&str, String)> = [
        Some(("Accept", "application/vnd.github+json".to_string())),
        Some(("X-GitHub-Api-Version", "2022-11-28".to_string())),
        token.map(|t| ("Authorization", format!("Bearer {t}"))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let pages = read_pages("GitHub", first, &headers, token)?;
    let clone_token = token.map(|t| Basic::new(super::credentials::DEFAULT_USER, t));
    let mut listing = Listing::default();
    for page in pages {
        let repos: Vec<GithubRepo> = serde_json::from_value(page)
            .context("GitHub: the repository list is not in the documented shape")?;
        for repo in repos {
            listing.add(
                api,
                &repo.clone_url,
                repo.archived,
                repo.fork,
                filters,
                &clone_token,
            )?;
        }
    }
    Ok(listing)
}

/// Every project of GitLab group `group` (a path like `org/team`, or an id) and its
/// subgroups.
pub fn gitlab_group(
    group: &str,
    api: &Url,
    token: Option<&str>,
    filters: Filters,
) -> anyhow::Result<Listing> {
    let mut query = "include_subgroups=true&per_page=100&order_by=id&sort=asc".to_string();
    if filters.skip_archived {
        query.push_str("&archived=false");
    }
    let first = api
        .join(&format!("groups/{}/projects?{query}", path_segment(group)))
        .context("the group name does not make a URL")?;
    let headers: Vec<(&str, String)> = token
        .map(|t| ("PRIVATE-TOKEN", t.to_string()))
        .into_iter()
        .collect();
    let pages = read_pages("GitLab", first, &headers, token)?;
    // GitLab takes a personal access token as the password with any user name, and an
    // OAuth token (CI_JOB_TOKEN aside) with `oauth2`.
    let clone_token = token.map(|t| Basic::new("oauth2", t));
    let mut listing = Listing::default();
    for page in pages {
        let projects: Vec<GitlabProject> = serde_json::from_value(page)
            .context("GitLab: the project list is not in the documented shape")?;
        for project in projects {
            let fork = project.forked_from_project.is_some();
            listing.add(
                api,
                &project.http_url_to_repo,
                project.archived,
                fork,
                filters,
                &clone_token,
            )?;
        }
    }
    Ok(listing)
}

impl Listing {
    fn add(
        &mut self,
        api: &Url,
        clone_url: &str,
        archived: bool,
        fork: bool,
        filters: Filters,
        token: &Option<Basic>,
    ) -> anyhow::Result<()> {
        if archived && filters.skip_archived {
            self.archived_skipped += 1;
            return Ok(());
        }
        if fork && filters.skip_forks {
            self.forks_skipped += 1;
            return Ok(());
        }
        let url = RemoteUrl::parse(clone_url)?;
        // The API token goes only to the forge it came from: the API's host, or the host
        // it is the `api.` subdomain of (api.github.com serves github.com).
        let token = token.as_ref().filter(|_| same_forge(api, &url)).cloned();
        if !self.repositories.iter().any(|r| r.url == url) {
            self.repositories.push(Listed { url, token });
        }
        Ok(())
    }
}

/// Whether `url` is served by the forge whose API is `api`.
fn same_forge(api: &Url, url: &RemoteUrl) -> bool {
    let (Some(api_host), Some(host)) = (api.host_str(), url.http_host()) else {
        return false;
    };
    let api_host = api_host.to_ascii_lowercase();
    host == api_host || api_host.strip_prefix("api.") == Some(host.as_str())
}

/// A name as one URL path segment (`org/team` → `org%2Fteam`, as GitLab wants a
/// namespaced path).
fn path_segment(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Reads `first` and every next page; each page's body as JSON.
fn read_pages(
    forge: &str,
    first: Url,
    headers: &[(&str, String)],
    token: Option<&str>,
) -> anyhow::Result<Vec<serde_json::Value>> {
    let loopback = first
        .host()
        .is_some_and(|h| crate::rules::verify_plan::is_loopback(&h));
    let mut config = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!("leakgate/", env!("CARGO_PKG_VERSION")));
    if loopback {
        config = config.proxy(None);
    }
    let agent = config.build().new_agent();
    let scrub = |text: &str| match token.filter(|t| !t.is_empty()) {
        Some(token) => text.replace(token, "***"),
        None => text.to_string(),
    };
    let mut pages = Vec::new();
    let mut next = Some(first.clone());
    while let Some(url) = next.take() {
        if pages.len() >= MAX_PAGES {
            bail!("{forge} API: more than {MAX_PAGES} pages; stopping rather than looping");
        }
        let mut request = agent.get(url.as_str());
        for (name, value) in headers {
            request = request.header(*name, value.as_str());
        }
        let mut response = request
            .call()
            .map_err(|e| anyhow::anyhow!("{forge} API {url}: {}", scrub(&e.to_string())))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let link = header("link");
        let next_page = header("x-next-page");
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| anyhow::anyhow!("{forge} API {url}: {}", scrub(&e.to_string())))?;
        if status != 200 {
            let hint = match status {
                401 | 403 if token.is_none() => {
                    " (no API token was found in the environment; see --help)"
                }
                401 | 403 => " (the token was refused or lacks the scope to list repositories)",
                404 => " (no such organisation or group, or the token cannot see it)",
                _ => "",
            };
            let detail: String = scrub(&body).chars().take(200).collect();
            bail!("{forge} API {url}: HTTP {status}{hint}: {}", detail.trim());
        }
        let page: serde_json::Value = serde_json::from_str(&body)
            .map_err(|e| anyhow::anyhow!("{forge} API {url}: the answer is not JSON: {e}"))?;
        pages.push(page);
        next = next_url(&url, link.as_deref(), next_page.as_deref());
        if let Some(candidate) = &next {
            if candidate.origin() != first.origin() {
                bail!(
                    "{forge} API {url}: the next page is on another server ({}); not following it",
                    candidate.origin().ascii_serialization()
                );
            }
        }
    }
    Ok(pages)
}

/// The next page: the `Link` header's `rel="next"` target, else the current URL with
/// `page` set to `x-next-page` when that header holds a number.
fn next_url(current: &Url, link: Option<&str>, x_next_page: Option<&str>) -> Option<Url> {
    if let Some(target) = link.and_then(link_next) {
        return current.join(&target).ok();
    }
    let page = x_next_page.map(str::trim).filter(|p| !p.is_empty())?;
    page.parse::<u64>().ok()?;
    let mut url = current.clone();
    let pairs: Vec<(String, String)> = current
        .query_pairs()
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair("page", page);
    Some(url)
}

/// The target of `rel="next"` in a `Link` header (RFC 8288):
/// `<https://…?page=2>; rel="next", <…>; rel="last"`.
fn link_next(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.trim().split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        let is_next = params.split(';').any(|param| {
            let param = param.trim();
            param
                .strip_prefix("rel=")
                .map(|v| v.trim_matches('"').split_whitespace().any(|r| r == "next"))
                .unwrap_or(false)
        });
        is_next.then(|| target.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_link_is_found_among_others() {
        let header = r#"<https://api.github.com/organizations/1/repos?page=3>; rel="next", <https://api.github.com/organizations/1/repos?page=9>; rel="last""#;
        assert_eq!(
            link_next(header).as_deref(),
            Some("https://api.github.com/organizations/1/repos?page=3")
        );
        assert_eq!(link_next(r#"<https://x/?page=1>; rel="first""#), None);
    }

    #[test]
    fn x_next_page_sets_the_page_when_there_is_no_link() {
        let current =
            Url::parse("https://gl.example/api/v4/groups/g/projects?per_page=100&page=1").unwrap();
        let next = next_url(&current, None, Some("2")).unwrap();
        assert_eq!(
            next.as_str(),
            "https://gl.example/api/v4/groups/g/projects?per_page=100&page=2"
        );
        assert!(next_url(&current, None, Some("")).is_none());
        assert!(next_url(&current, None, None).is_none());
    }

    #[test]
    fn api_tokens_go_to_their_own_forge_only() {
        let api = Url::parse("https://api.github.com/").unwrap();
        let on = RemoteUrl::parse("https://github.com/o/r.git").unwrap();
        let off = RemoteUrl::parse("https://elsewhere.example/o/r.git").unwrap();
        assert!(same_forge(&api, &on));
        assert!(!same_forge(&api, &off));
        let api = Url::parse("https://gitlab.example.org/api/v4/").unwrap();
        let on = RemoteUrl::parse("https://gitlab.example.org/g/p.git").unwrap();
        assert!(same_forge(&api, &on));
    }

    #[test]
    fn group_paths_are_one_segment() {
        assert_eq!(path_segment("org/team"), "org%2Fteam");
    }
}
