//! A small HTTP/1.1 server on 127.0.0.1 for verification tests: it records every request
//! (method, path, headers, body), answers with a handler's reply, and measures how many
//! requests were in flight at once. Plain or TLS (a self-signed certificate made at test
//! time with rcgen, served with rustls). One request per connection (`Connection: close`).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The test rule of the verification tests: `tok_` + 24 characters, verified by a GET with
/// a bearer token at endpoint `testsvc` (pointed at a [`TestServer`] by each test's config).
pub const RULE: &str = r#"
[[rule]]
id = "test-token"
title = "Test service token"
provider = "TestService"
regex = '''\b(tok_[a-z0-9]{24})\b'''
keywords = ["tok_"]
examples = ['t = "tok_a1b2c3d4e5f6g7h8i9j0k1l2"']
negative_examples = ['tok_short']
remediation = "Revoke it at https://test-issuer.invalid/tokens."

[rule.verify]
endpoint = "testsvc"
url = "https://api.test-issuer.invalid/v1/me"
headers = { Authorization = "Bearer {{secret}}" }
live_status = [200]
dead_status = [401, 403]
scopes_header = "x-scopes"
identity_json_pointer = "/login"
"#;

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == &name.to_ascii_lowercase())
            .map(|(_, v)| v.as_str())
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// What the handler answers.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Wait this long before answering (timeouts, concurrency).
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string(),
            delay: Duration::ZERO,
        }
    }

    pub fn text(status: u16, content_type: &str, body: &str) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.to_string(),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

struct Shared {
    handler: Box<Handler>,
    requests: Mutex<Vec<Recorded>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    connections: AtomicUsize,
}

/// A running server; it lives until the test process ends.
pub struct TestServer {
    port: u16,
    tls: bool,
    shared: Arc<Shared>,
}

impl TestServer {
    /// A plain HTTP server on 127.0.0.1.
    pub fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> TestServer {
        Self::spawn(Box::new(handler), None)
    }

    /// An HTTPS server on 127.0.0.1 with a self-signed certificate for `localhost`, made
    /// now: no one trusts it.
    pub fn start_tls(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> TestServer {
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()])
            .expect("self-signed certificate");
        let chain = vec![cert.cert.der().clone()];
        let key = rustls::pki_types::PrivateKeyDer::Pkcs8(
            rustls::pki_types::PrivatePkcs8KeyDer::from(cert.signing_key.serialize_der()),
        );
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .expect("server certificate");
        Self::spawn(Box::new(handler), Some(Arc::new(config)))
    }

    fn spawn(handler: Box<Handler>, tls: Option<Arc<rustls::ServerConfig>>) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            handler,
            requests: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        });
        let server_shared = Arc::clone(&shared);
        let is_tls = tls.is_some();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                server_shared.connections.fetch_add(1, Ordering::SeqCst);
                let shared = Arc::clone(&server_shared);
                let tls = tls.clone();
                std::thread::spawn(move || match tls {
                    None => serve(stream, &shared),
                    Some(config) => {
                        let Ok(connection) = rustls::ServerConnection::new(config) else {
                            return;
                        };
                        serve(rustls::StreamOwned::new(connection, stream), &shared);
                    }
                });
            }
        });
        TestServer {
            port,
            tls: is_tls,
            shared,
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT` (or `https://localhost:PORT` for a TLS server).
    pub fn url(&self) -> String {
        if self.tls {
            format!("https://localhost:{}", self.port)
        } else {
            format!("http://127.0.0.1:{}", self.port)
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    pub fn request_count(&self) -> usize {
        self.shared.requests.lock().unwrap().len()
    }

    /// TCP connections accepted, including ones that never sent a request.
    pub fn connection_count(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// The most requests this server was answering at the same time.
    pub fn max_in_flight(&self) -> usize {
        self.shared.max_in_flight.load(Ordering::SeqCst)
    }
}

fn serve<S: Read + Write>(stream: S, shared: &Shared) {
    let mut reader = BufReader::new(stream);
    let Some(request) = read_request(&mut reader) else {
        return;
    };
    let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    shared.max_in_flight.fetch_max(now, Ordering::SeqCst);
    shared.requests.lock().unwrap().push(request.clone());
    let reply = (shared.handler)(&request);
    if !reply.delay.is_zero() {
        std::thread::sleep(reply.delay);
    }
    // Counted out before the answer is written: once the client has the answer it may
    // send its next request, which must not be counted as overlapping this one.
    shared.in_flight.fetch_sub(1, Ordering::SeqCst);
    let mut head = format!("HTTP/1.1 {} Status\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let stream = reader.get_mut();
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(reply.body.as_bytes());
    let _ = stream.flush();
}

/// A request's method, target and headers (lowercased names).
pub type Head = (String, String, Vec<(String, String)>);

/// An HTTP/1.1 request's line and headers (names lowercased), read up to the blank line;
/// `None` when the client closed the connection first. Shared with the git server.
pub fn read_head<R: BufRead>(reader: &mut R) -> Option<Head> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    Some((method, target, headers))
}

fn read_request<R: BufRead>(reader: &mut R) -> Option<Recorded> {
    let (method, target, headers) = read_head(reader)?;
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}
