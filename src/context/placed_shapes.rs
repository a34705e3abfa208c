//! Value shapes that where a value sits vouches for, whatever its name (issue 13, recall).
//!
//! [`super::shapes`] lets a credential's *name* vouch for a shape the classifier drops
//! alone (hex under a password's name, a UUID under an API key's). Two places say as much
//! as a name, because there the value is a credential by construction:
//!
//! - the password of a `user:password` pair that was base64-encoded for HTTP Basic
//!   authentication (RFC 7617 section 2) and decoded by the engine: a UUID or hex there is
//!   the password the client sends (`"user_auth": "<base64 of user:<uuid>>"`), not an id;
//! - the default of an environment read (`GetEnvOrDefault("api_token", "<uuid>")`,
//!   `os.getenv("API_TOKEN", "<hex>")`, `ENV.fetch("X", "v")`, `${API_TOKEN:-v}`): the
//!   value the program runs with when the variable is unset, under a credential's name;
//!   example ids in docs (the reason a token's name alone does not vouch for a UUID) are
//!   written as values, not as the fallback of a read.

use super::shapes::Shape;
use super::Candidate;

/// Fewest distinct characters (a UUID of few digits is a filler: `11111111-...`).
const MIN_DISTINCT: usize = 8;
/// Longest stretch of a line before the value searched for an environment read.
const MAX_BEFORE: usize = 256;

/// Whether `cand`, whose secret `value` has `shape` and whose effective name is `normal`
/// ([`super::rule::normalize`]d), sits where its shape is the credential's own.
pub(super) fn vouched(
    shape: Shape,
    value: &str,
    normal: &str,
    cand: &Candidate,
    data: &[u8],
) -> bool {
    if !matches!(shape, Shape::Uuid | Shape::Hex) || !distinct_enough(value) {
        return false;
    }
    if super::stand_in::placeholder::is_placeholder(value)
        || super::stand_in::placeholder::is_sequence_filler(value)
    {
        return false;
    }
    decoded_pair_password(cand) || (names_credential(normal) && env_default(cand, data))
}

fn distinct_enough(value: &str) -> bool {
    let mut seen = [false; 256];
    value.bytes().for_each(|b| seen[b as usize] = true);
    seen.iter().filter(|s| **s).count() >= MIN_DISTINCT
}

/// The candidate's secret is the password decoded from its base64 `user:password` value.
fn decoded_pair_password(cand: &Candidate) -> bool {
    cand.decoded
        .as_deref()
        .is_some_and(|pass| super::lexer::basic_password(&cand.value).as_deref() == Some(pass))
}

/// A name that says credential and not an id or a digest (`api_token`, `DB_PASSWORD`,
/// `SESSION_SECRET`; not `api_token_id`, `secret_sha`).
fn names_credential(normal: &str) -> bool {
    const WORDS: &[&str] = &[
        "password",
        "passwd",
        "pwd",
        "secret",
        "token",
        "apikey",
        "credential",
        "creds",
    ];
    const NOT: &[&str] = &[
        "id", "uuid", "guid", "hash", "digest", "sha", "md5", "checksum", "name", "url", "file",
        "path",
    ];
    WORDS.iter().any(|w| normal.contains(w)) && !NOT.iter().any(|w| normal.ends_with(w))
}

/// Environment reads, lowercase, whose fallback follows on the line: Go's and Python's
/// `getenv`, Python's `os.environ.get`, Ruby's `ENV.fetch`, Node's `process.env`, Rust's
/// `env::var`, Java's `System.getenv().getOrDefault`, helpers named for them
/// (`GetEnvOrDefault`, `env_or`), and a shell or Compose `${NAME:-v}`.
const ENV_READS: &[&str] = &[
    "getenv",
    "environ",
    "env.fetch",
    "env[",
    "process.env",
    "env::var",
    "envordefault",
    "env_or",
    "envor(",
    "${",
];

/// Whether the value is the fallback of an environment read: the read is written on the
/// value's line before it (`os.getenv("API_TOKEN", "v")`, `process.env.TOKEN || "v"`,
/// `${TOKEN:-v}`), and the value is no first argument (the variable's name).
fn env_default(cand: &Candidate, data: &[u8]) -> bool {
    if cand.start <= cand.line_start || cand.start > data.len() {
        return false;
    }
    let from = cand.start.saturating_sub(MAX_BEFORE).max(cand.line_start);
    let before = data[from..cand.start].to_ascii_lowercase();
    ENV_READS
        .iter()
        .any(|r| memchr::memmem::find(&before, r.as_bytes()).is_some())
        && fallback_marker(&before)
}

/// Whether the text before the value ends as a fallback does: after the variable's name
/// and a `,` (a getter's second argument), `||`, `??`, `or`, `unwrap_or(`, `:-`, `:=`,
/// `-` or `:` of a shell default, with the value's own quote.
fn fallback_marker(before: &[u8]) -> bool {
    let t = before.trim_ascii_end();
    let t = t
        .strip_suffix(b"\"")
        .or_else(|| t.strip_suffix(b"'"))
        .or_else(|| t.strip_suffix(b"`"))
        .unwrap_or(t)
        .trim_ascii_end();
    // `String::from(` / `.to_string()` wrappers: `unwrap_or(String::from("v"))`.
    let t = t
        .strip_suffix(b"string::from(")
        .unwrap_or(t)
        .trim_ascii_end();
    [
        &b","[..],
        b"||",
        b"??",
        b" or",
        b"unwrap_or(",
        b"unwrap_or_else(|_|",
        b":-",
        b":=",
        b"-",
        b":",
    ]
    .iter()
    .any(|m| t.ends_with(m))
}
