//! The one place that sends verification requests: ureq with rustls, no async runtime.
//!
//! Every agent here follows no redirects (a 3xx comes back as an answer, which the caller
//! reads as `unknown`), gives each request one overall timeout, treats HTTP error statuses
//! as answers rather than errors, and reads at most [`MAX_BODY`] bytes. Certificate checks
//! are switched off only for the hosts named in `[verify] insecure_hosts`, each request
//! picking its agent by its own host. Loopback requests never go through a proxy. Failures
//! become a short reason with the secret scrubbed out, never an error that aborts the scan.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;
use ureq::Agent;
use url::Url;

/// Answers are identity calls; anything longer than this is not one we need to read whole.
pub const MAX_BODY: u64 = 1024 * 1024;

/// A request, ready to send.
pub struct Request {
    pub method: String,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
}

/// The issuer's answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// Header names lower-cased; repeated headers joined with `, `.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// A web page rather than an API answer: a login wall, a proxy or an error page.
    pub fn is_html(&self) -> bool {
        if self
            .header("content-type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("html"))
        {
            return true;
        }
        let start: Vec<u8> = self
            .body
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take(15)
            .map(u8::to_ascii_lowercase)
            .collect();
        start.starts_with(b"<!doctype html") || start.starts_with(b"<html")
    }

    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// Sends requests under the run's timeout and TLS policy.
pub struct Transport {
    timeout: Duration,
    insecure_hosts: Vec<String>,
    /// Indexed by `insecure as usize * 2 + loopback as usize`, built on first use.
    agents: [OnceLock<Agent>; 4],
}

impl Transport {
    pub fn new(timeout: Duration, insecure_hosts: Vec<String>) -> Transport {
        Transport {
            timeout,
            insecure_hosts: insecure_hosts
                .into_iter()
                .map(|h| h.to_ascii_lowercase())
                .collect(),
            agents: Default::default(),
        }
    }

    fn agent(&self, url: &Url) -> &Agent {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let insecure = self.insecure_hosts.iter().any(|h| h == host);
        let loopback = url.host().is_some_and(|h| super::endpoint::is_loopback(&h));
        let index = usize::from(insecure) * 2 + usize::from(loopback);
        self.agents[index].get_or_init(|| self.build_agent(insecure, loopback))
    }

    fn build_agent(&self, insecure: bool, loopback: bool) -> Agent {
        let tls = ureq::tls::TlsConfig::builder()
            .disable_verification(insecure)
            .build();
        let mut config = Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(self.timeout))
            .user_agent(concat!("leakgate/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls);
        if loopback {
            config = config.proxy(None);
        }
        config.build().new_agent()
    }

    /// Sends one request. The error is a reason fit for a report, with `secret` scrubbed.
    pub fn send(&self, request: Request, secret: &str) -> Result<Answer, String> {
        let agent = self.agent(&request.url);
        let mut builder = ureq::http::Request::builder()
            .method(request.method.as_str())
            .uri(request.url.as_str());
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let result = match request.body {
            Some(body) => builder
                .body(body)
                .map_err(|_| "the secret cannot be sent in this request".to_string())
                .and_then(|r| agent.run(r).map_err(|e| self.reason(&e, secret))),
            None => builder
                .body(())
                .map_err(|_| "the secret cannot be sent in this request".to_string())
                .and_then(|r| agent.run(r).map_err(|e| self.reason(&e, secret))),
        };
        let mut response = result?;
        let status = response.status().as_u16();
        let mut headers: HashMap<String, String> = HashMap::new();
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            headers
                .entry(name.as_str().to_ascii_lowercase())
                .and_modify(|v| {
                    v.push_str(", ");
                    v.push_str(&value);
                })
                .or_insert(value);
        }
        let body = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
        {
            Ok(body) => body,
            // Only a 2xx answer is read for more than its status.
            Err(_) if !(200..300).contains(&status) => Vec::new(),
            Err(e) => return Err(self.reason(&e, secret)),
        };
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    /// A failure as `class: detail`, the class one of [`FAILURE_CLASSES`] so that
    /// summaries can count them (`--only-live`).
    fn reason(&self, err: &ureq::Error, secret: &str) -> String {
        let text = match err {
            ureq::Error::Timeout(_) => {
                format!("timeout: no answer within {} ms", self.timeout.as_millis())
            }
            ureq::Error::HostNotFound => "DNS: host not found (offline?)".to_string(),
            // rustls reports a refused certificate as an InvalidData I/O error.
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                match e.get_ref() {
                    Some(inner) => format!("TLS: {inner}"),
                    None => format!("connection failed: {}", e.kind()),
                }
            }
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                "connection refused".to_string()
            }
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                format!("timeout: no answer within {} ms", self.timeout.as_millis())
            }
            ureq::Error::Io(e) => format!("connection failed: {}", e.kind()),
            ureq::Error::ConnectionFailed => "connection failed".to_string(),
            ureq::Error::Tls(e) => format!("TLS: {e}"),
            ureq::Error::Rustls(e) => format!("TLS: {e}"),
            ureq::Error::BadUri(_) => "bad request URL".to_string(),
            ureq::Error::BodyExceedsLimit(_) => "answer too large".to_string(),
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
                "redirect not followed".to_string()
            }
            ureq::Error::Protocol(e) => format!("HTTP protocol error: {e}"),
            other => format!("request failed: {other}"),
        };
        scrub(&text, secret)
    }
}

/// The kinds of failure a detail may start with after its host, for summaries.
pub const FAILURE_CLASSES: &[&str] = &["DNS", "connection refused", "TLS", "timeout"];

/// Removes a secret, raw or percent-encoded, from a message.
pub fn scrub(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_string();
    }
    let redacted = crate::finding::redact(secret);
    let encoded = percent_encoding::utf8_percent_encode(secret, percent_encoding::NON_ALPHANUMERIC)
        .to_string();
    text.replace(secret, &redacted).replace(&encoded, &redacted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrub_removes_raw_and_encoded_secrets() {
        let secret = "abc:def/ghi";
        let text = format!("failed for {secret} and abc%3Adef%2Fghi");
        let clean = scrub(&text, secret);
        assert!(!clean.contains(secret));
        assert!(!clean.contains("abc%3Adef%2Fghi"));
        assert!(clean.contains("abc:…(11)"));
    }

    #[test]
    fn html_is_recognised_by_type_or_body() {
        let mut answer = Answer {
            status: 200,
            headers: HashMap::new(),
            body: b"  <!DOCTYPE html><html></html>".to_vec(),
        };
        assert!(answer.is_html());
        answer.body = b"{\"ok\":true}".to_vec();
        assert!(!answer.is_html());
        answer
            .headers
            .insert("content-type".into(), "text/html; charset=utf-8".into());
        assert!(answer.is_html());
    }
}
