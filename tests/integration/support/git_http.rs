//! A local smart-HTTP git server for the remote-audit tests: a small HTTP/1.1 server on
//! 127.0.0.1 that hands `/git/...` requests to the real `git http-backend` as CGI
//! (git-http-backend(1): `GIT_PROJECT_ROOT` + `PATH_INFO` name the repository,
//! `GIT_HTTP_EXPORT_ALL` exports every repository under the root), and every other request
//! to a handler: the stand-in of a forge's API. It can require basic authentication, and
//! records each request's method, target and `Authorization` header.
//!
//! One request per connection (`Connection: close`); request bodies with `Content-Length`
//! or chunked (git sends large negotiations chunked).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub authorization: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An API answer: status, headers, JSON body.
pub struct ApiReply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl ApiReply {
    pub fn json(body: serde_json::Value) -> ApiReply {
        ApiReply {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> ApiReply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

type ApiHandler = dyn Fn(&Seen) -> ApiReply + Send + Sync;

struct Shared {
    root: PathBuf,
    /// `Authorization` value git requests must carry, if any.
    required_auth: Option<String>,
    api: Option<Box<ApiHandler>>,
    seen: Mutex<Vec<Seen>>,
    /// How long git requests wait before they are answered.
    delay: std::time::Duration,
}

/// A running server; it lives until the test process ends.
pub struct GitServer {
    port: u16,
    shared: Arc<Shared>,
}

impl GitServer {
    /// Serves the bare repositories under `root` at `/git/<path>`.
    pub fn start(root: &Path) -> GitServer {
        Self::spawn(Shared {
            root: root.to_path_buf(),
            required_auth: None,
            api: None,
            seen: Mutex::new(Vec::new()),
            delay: std::time::Duration::ZERO,
        })
    }

    /// As [`GitServer::start`], answering git only with this `Authorization` header.
    pub fn start_with_auth(root: &Path, authorization: &str) -> GitServer {
        Self::spawn(Shared {
            root: root.to_path_buf(),
            required_auth: Some(authorization.to_string()),
            api: None,
            seen: Mutex::new(Vec::new()),
            delay: std::time::Duration::ZERO,
        })
    }

    /// As [`GitServer::start`], answering git requests only after `delay`: a clone that
    /// is still running when a test interrupts it.
    pub fn start_slow(root: &Path, delay: std::time::Duration) -> GitServer {
        Self::spawn(Shared {
            root: root.to_path_buf(),
            required_auth: None,
            api: None,
            seen: Mutex::new(Vec::new()),
            delay,
        })
    }

    /// As [`GitServer::start`], with `api` answering every request outside `/git/`.
    pub fn start_with_api(
        root: &Path,
        api: impl Fn(&Seen) -> ApiReply + Send + Sync + 'static,
    ) -> GitServer {
        Self::spawn(Shared {
            root: root.to_path_buf(),
            required_auth: None,
            api: Some(Box::new(api)),
            seen: Mutex::new(Vec::new()),
            delay: std::time::Duration::ZERO,
        })
    }

    fn spawn(shared: Shared) -> GitServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(shared);
        let server = Arc::clone(&shared);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let shared = Arc::clone(&server);
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        GitServer { port, shared }
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The clone URL of the repository at `path` below the root.
    pub fn repo_url(&self, path: &str) -> String {
        format!("{}/git/{path}", self.url())
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }
}

/// `Authorization: Basic` value for `user:password`.
pub fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

struct Request {
    seen: Seen,
    path: String,
    query: String,
    body: Vec<u8>,
}

fn serve(stream: std::net::TcpStream, shared: &Shared) {
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    shared.seen.lock().unwrap().push(request.seen.clone());
    let (status, headers, body) = if request.path.starts_with("/git/") {
        std::thread::sleep(shared.delay);
        match &shared.required_auth {
            Some(required) if request.seen.authorization.as_deref() != Some(required) => (
                401,
                vec![(
                    "WWW-Authenticate".to_string(),
                    "Basic realm=\"test\"".to_string(),
                )],
                b"authentication required\n".to_vec(),
            ),
            _ => cgi(&shared.root, &request),
        }
    } else {
        match &shared.api {
            Some(api) => {
                let reply = api(&request.seen);
                (reply.status, reply.headers, reply.body.into_bytes())
            }
            None => (404, Vec::new(), b"not found\n".to_vec()),
        }
    };
    let mut head = format!("HTTP/1.1 {status} Status\r\n");
    for (name, value) in &headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let stream = reader.get_mut();
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}

/// Runs `git http-backend` for one request; returns status, headers and body.
fn cgi(root: &Path, request: &Request) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let path_info = request.path.trim_start_matches("/git");
    let mut command = Command::new("git");
    command
        .arg("http-backend")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", super::sandbox::shared_home())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_PROJECT_ROOT", root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("PATH_INFO", path_info)
        .env("QUERY_STRING", &request.query)
        .env("REQUEST_METHOD", &request.seen.method)
        .env("REMOTE_ADDR", "127.0.0.1")
        .env("CONTENT_LENGTH", request.body.len().to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(kind) = request.seen.header("content-type") {
        command.env("CONTENT_TYPE", kind);
    }
    if let Some(encoding) = request.seen.header("content-encoding") {
        command.env("HTTP_CONTENT_ENCODING", encoding);
    }
    if let Some(protocol) = request.seen.header("git-protocol") {
        command.env("GIT_PROTOCOL", protocol);
    }
    let mut child = command.spawn().expect("git http-backend runs");
    let mut stdin = child.stdin.take().unwrap();
    let body = request.body.clone();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&body);
    });
    let output = child.wait_with_output().expect("git http-backend output");
    let _ = writer.join();
    let out = output.stdout;
    let split = out
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| out.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2)));
    let Some((at, gap)) = split else {
        return (500, Vec::new(), b"bad CGI answer\n".to_vec());
    };
    let mut status = 200;
    let mut headers = Vec::new();
    for line in String::from_utf8_lossy(&out[..at]).lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("status") {
            status = value
                .split_whitespace()
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(500);
        } else {
            headers.push((name.to_string(), value.to_string()));
        }
    }
    (status, headers, out[at + gap..].to_vec())
}

fn read_request<R: BufRead>(reader: &mut R) -> Option<Request> {
    let (method, target, headers) = super::http::read_head(reader)?;
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let body = if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        read_chunked(reader)?
    } else {
        let length = find("content-length")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        reader.read_exact(&mut body).ok()?;
        body
    };
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path.to_string(), query.to_string()),
        None => (target.clone(), String::new()),
    };
    Some(Request {
        seen: Seen {
            method,
            target,
            authorization: find("authorization"),
            headers,
        },
        path,
        query,
        body,
    })
}

fn read_chunked<R: BufRead>(reader: &mut R) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size = String::new();
        reader.read_line(&mut size).ok()?;
        let size = usize::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
        if size == 0 {
            // Trailers, then the empty line.
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
                    return Some(body);
                }
            }
        }
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..]).ok()?;
        let mut crlf = String::new();
        reader.read_line(&mut crlf).ok()?;
    }
}
