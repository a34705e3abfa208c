//! The context engine (issue 13): find tokens by where they sit.
//!
//! Tokens without a distinctive prefix (Speckle's 42 hex, Spell's opaque token, passwords)
//! can only be told from hashes and code by their surroundings. Rather than one regex per
//! rule trying to parse every syntax at once, this module reads a blob as the file type it
//! is ([`kind`]) and yields key/value [`Candidate`]s, each with its key, the keys it is
//! nested under, its value span and quoting, and nearby facts (the function it is passed
//! to, the header it is sent in, the host of a URL). Context rules ([`rule`]) then say which
//! keys, callees, headers and hosts they need and what their value looks like, and the
//! shared [`classify`] decides whether a value is a literal secret rather than code.
//!
//! The pass is bounded: it only reads the lines around occurrences of a context rule's
//! keyword (the scanner's prefilter finds them), each line at most [`lexer::MAX_LEXED`]
//! bytes, and the walks back to a line's parents stop after [`structure::MAX_BACK`] bytes.

pub mod classify;
pub mod escapes;
#[cfg(test)]
mod heldout;
#[cfg(test)]
mod heldout_fresh;
#[cfg(test)]
mod heldout_fresh2;
#[cfg(test)]
mod heldout_fresh3;
pub mod kind;
pub mod lexer;
#[cfg(test)]
mod recall_listed;
pub mod rule;
pub mod stand_in;
pub mod structure;
pub mod urls;
pub mod xml;

pub use kind::Kind;

/// How a candidate was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `key = value`, `key: value`, `"key": "value"`, `KEY=value`.
    Assignment,
    /// A string argument of a call (its key is the previous string argument, if any).
    Argument,
    /// A header line inside a string (`"Authorization: Bearer x"`).
    Header,
    /// The password of a URL's user-info.
    UrlUserinfo,
    /// A URL query parameter's value.
    UrlQuery,
    /// The last segment of a URL's path (`https://mainnet.infura.io/v3/<key>`).
    UrlPath,
    /// curl's `-u user:password`.
    UserPass,
    /// The whole content of a file found by its conventional path.
    WholeFile,
    /// An XML element's text (`<key>value</key>`).
    Element,
}

/// A value and where it sits.
#[derive(Clone)]
pub struct Candidate {
    /// The key as written (`SPECKLE_TOKEN`, `self.password`, `X-Api-Key`); empty for a
    /// positional argument.
    pub key: String,
    /// Keys this one is nested under on its own line (`{"speckle": {"token": ...}}`), outer
    /// first. Parents on earlier lines are found on demand by [`structure::parents`].
    pub parents: Vec<String>,
    /// Byte span of the value in the blob (from the first to the last joined piece).
    pub start: usize,
    pub end: usize,
    /// The value as written (for joined literals, the pieces joined).
    pub value: String,
    /// The secret when it is not the span's text: joined literals, a decoded Basic password.
    pub decoded: Option<String>,
    pub quoted: bool,
    /// The function the value is passed to (`authenticate_with_token`, `SpellClient`).
    pub callee: Option<String>,
    /// The HTTP header the value is sent in.
    pub header: Option<String>,
    /// The host of the URL the value came from.
    pub host: Option<String>,
    pub origin: Origin,
    /// Offset of the value's line in the blob.
    pub line_start: usize,
}

impl Candidate {
    /// The secret this candidate holds.
    pub fn secret(&self) -> &str {
        self.decoded.as_deref().unwrap_or(&self.value)
    }
}

impl std::fmt::Debug for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Candidate")
            .field("key", &self.key)
            .field("parents", &self.parents)
            .field("span", &(self.start, self.end))
            .field("value", &crate::finding::redact(self.secret()))
            .field("quoted", &self.quoted)
            .field("callee", &self.callee)
            .field("header", &self.header)
            .field("host", &self.host)
            .field("origin", &self.origin)
            .finish()
    }
}

/// Lines before a keyword's line that are read with it (a `Bearer` line above the URL).
const LINES_BEFORE: usize = 2;
/// Lines after a keyword's line that are read with it (a block opened on the keyword's
/// line: `speckle:` and its `token:` below, `<password>` and its value on the next line).
const LINES_AFTER: usize = 8;
/// Longest stretch of one line read around a keyword.
const LINE_REACH: usize = 4 * 1024;

/// The candidates in the lines around each of `regions` (byte ranges around keyword
/// occurrences, and whether the rule needs the lines around them: a rule that looks for a
/// host or an SDK call nearby does; a generic rule only needs the keyword's line, and the
/// lines below it when that line opens a block), each line read once, in order.
pub fn extract(data: &[u8], kind: Kind, regions: &[(usize, usize, bool)]) -> Vec<Candidate> {
    let mut segments: Vec<(usize, usize)> = Vec::new();
    for &(at, region_end, wide) in regions {
        let ls = crate::scan::line_bounds(data, at).0;
        let le = crate::scan::line_bounds(data, region_end.max(at)).1;
        // The keyword's own line decides whether a block opens (a prefilter region can
        // reach into the lines below it: `variable "db_password" {` then `type = string`).
        let keyword_line_end = crate::scan::line_bounds(data, at).1;
        if !wide && !opens_block(&data[ls..keyword_line_end]) {
            segments.push((
                ls.max(at.saturating_sub(LINE_REACH)),
                le.min(region_end.max(at) + 2 * LINE_REACH),
            ));
            continue;
        }
        let mut from = ls;
        for _ in 0..if wide { LINES_BEFORE } else { 0 } {
            if from == 0 {
                break;
            }
            from = crate::scan::line_bounds(data, from - 1).0;
        }
        let mut to = le;
        for _ in 0..LINES_AFTER {
            if to >= data.len() {
                break;
            }
            to = crate::scan::line_bounds(data, to + 1).1;
        }
        // Clip: long lines contribute only the stretch around the keyword.
        let from = from.max(at.saturating_sub(LINE_REACH));
        let to = to.min(region_end.max(at) + 2 * LINE_REACH);
        segments.push((from, to));
    }
    segments.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in segments {
        match merged.last_mut() {
            Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::new();
    for (s, e) in merged {
        extract_range(data, s, e, kind, &mut out);
    }
    out
}

/// Whether a line opens a block whose values sit on the lines below (`speckle:`,
/// `"auth": {`, `variable "x" {`, `<password>`, `environment {`).
fn opens_block(line: &[u8]) -> bool {
    let t = line.trim_ascii_end();
    matches!(
        t.last(),
        Some(b':' | b'{' | b'[' | b'(' | b'>' | b'=' | b'|')
    )
}

/// Most bytes of a file read whole because a rule's `path` anchor names it (an account
/// store, a tool's config file).
pub const MAX_READ_WHOLE: usize = 4 * 1024 * 1024;

/// Longest file taken whole as one token.
const MAX_WHOLE_FILE: usize = 1024;

/// The whole content of a small one-line file, as a candidate (a token file found by its
/// conventional path).
pub fn whole_file_candidate(data: &[u8]) -> Option<Candidate> {
    if data.len() > MAX_WHOLE_FILE {
        return None;
    }
    let start = data.iter().position(|b| !b.is_ascii_whitespace())?;
    let end = data.iter().rposition(|b| !b.is_ascii_whitespace())? + 1;
    if data[start..end].iter().any(u8::is_ascii_whitespace) {
        return None;
    }
    Some(Candidate {
        key: String::new(),
        parents: Vec::new(),
        start,
        end,
        value: String::from_utf8_lossy(&data[start..end]).into_owned(),
        decoded: None,
        quoted: false,
        callee: None,
        header: None,
        host: None,
        origin: Origin::WholeFile,
        line_start: crate::scan::line_bounds(data, start).0,
    })
}

/// Every candidate of a whole blob (tests, and small files).
pub fn extract_all(data: &[u8], kind: Kind) -> Vec<Candidate> {
    let mut out = Vec::new();
    extract_range(data, 0, data.len(), kind, &mut out);
    out
}

fn extract_range(data: &[u8], from: usize, to: usize, kind: Kind, out: &mut Vec<Candidate>) {
    let mut at = from;
    while at < to {
        let end = memchr::memchr(b'\n', &data[at..to]).map_or(to, |i| at + i);
        let mut line = &data[at..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        let line_start = crate::scan::line_bounds(data, at).0;
        let mut chunk = 0;
        while chunk < line.len() || (chunk == 0 && line.is_empty()) {
            let piece = &line[chunk..(chunk + lexer::MAX_LEXED).min(line.len())];
            let base = at + chunk;
            lexer::candidates(piece, base, line_start, kind, out);
            urls::candidates(piece, base, line_start, out);
            xml::candidates(data, piece, base, line_start, end, out);
            chunk += lexer::MAX_LEXED;
            if line.is_empty() {
                break;
            }
        }
        at = end + 1;
    }
}

#[cfg(test)]
mod tests;
