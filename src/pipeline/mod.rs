//! One path from blob to finding (SPEC §1): every command's content goes through
//! [`Pipeline::run`].
//!
//! Sources (the work-tree walk, the index, history audits and ranges, commit messages,
//! standard input) only enumerate [`Blob`]s: bytes or where to read them, the paths rules
//! judge them by, and where they come from. The pipeline applies one policy to all of them:
//! `.env` and sensitive-file rules by path, the size limit (an explicit opt-out), Git LFS
//! pointers and compressed archives (counted, not scanned), text, UTF-16 or binary (binary
//! blobs are scanned for their [`printable`] runs unless `--no-binary`), blobs larger than a
//! window scanned in overlapping [`window`]s in bounded memory, and for a change only the
//! matches on lines it adds. What it does not scan it counts, by [`Skip`] reason. Sources
//! then attach commit provenance to the findings it returns; nothing else builds a
//! [`Finding`].

pub mod git_stream;
pub mod printable;
pub mod skip;
pub mod sniff;
pub mod window;

pub use skip::{Skip, Skips};

use crate::dotenv::{env_finding, is_encrypted_env, is_env_file, staged_env_finding, ENV_RULE_ID};
use crate::finding::{Finding, FindingKind};
use crate::scan::content::{self, Kind};
use crate::scan::{Match, Scanner};
use crate::source::diff::AddedLines;
use crate::source::warn;
use gix::ObjectId;
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Where a blob comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk (`scan`).
    WorkTree,
    /// Standard input (`scan -`).
    Stdin,
    /// An index entry (`staged`).
    Index,
    /// A blob of a commit's tree (`history`).
    Commit,
    /// A commit message (`history`).
    CommitMessage,
    /// A blob no ref reaches (`history` audit).
    Unreachable,
}

/// Where a blob's bytes are.
pub enum Data<'a> {
    Bytes(&'a [u8]),
    File(&'a Path),
    Stdin,
    /// A git object, read through this thread's repository handle.
    Object {
        repo: &'a gix::Repository,
        id: ObjectId,
    },
}

/// One blob to scan.
pub struct Blob<'a> {
    pub origin: Origin,
    /// Repository- or scan-relative, `/`-separated paths the blob is known by; path rules
    /// judge each, and findings are reported at each. A history blob may have several.
    pub paths: Vec<String>,
    /// The name findings carry when the blob has no path (`unreachable-blob/<id>`); path
    /// rules do not apply to it. `None` for standard input and commit messages.
    pub name: Option<String>,
    pub data: Data<'a>,
}

/// Which lines' matches to report.
pub enum Lines<'a> {
    /// Every line (an audit, a new file).
    All,
    /// Lines the blob adds relative to each of these older versions (a change; a merge has
    /// one per parent). Loaded only if the blob has matches; an error reading them is
    /// warned about and every line counts as added (reporting too much beats a false
    /// all-clear). A blob streamed from disk has no older version to compare with.
    AddedSince(Box<dyn FnOnce() -> Result<Vec<Vec<u8>>, String> + 'a>),
}

/// How blobs are treated.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    /// `--max-file-size`: larger blobs are skipped and counted (no limit by default).
    pub max_file_size: Option<u64>,
    /// Scan the printable runs of binary blobs (off with `--no-binary`).
    pub binary: bool,
    /// `.env` template suffixes (`[dotenv] templates`).
    pub dotenv_templates: Vec<String>,
    /// Encrypted env files (dotenv-vault, dotenvx, SOPS) are not findings
    /// (`[dotenv] allow_encrypted`).
    pub dotenv_allow_encrypted: bool,
    /// Keep each secret's line around it: only the human report shows it (and `--verify`
    /// reads the names and server hints in it), and it is most of a finding's memory,
    /// which matters when a scan makes hundreds of thousands.
    pub keep_context: bool,
}

/// What the pipeline made of one blob.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Findings, each at one of the blob's paths (or its name), without commit.
    pub findings: Vec<Finding>,
    /// Whether its content was read and scanned.
    pub read: bool,
    /// Bytes of content read.
    pub bytes: u64,
    /// Why it was not scanned.
    pub skipped: Option<Skip>,
}

/// The scanner and the policy every blob goes through.
pub struct Pipeline<'a> {
    scanner: &'a Scanner,
    policy: &'a Policy,
    /// Secret rules that look at the path: blobs known by several paths are scanned once
    /// per distinct set of these that apply.
    path_rules: Vec<usize>,
}

/// A blob's content once opened: the first piece (all of it, for most blobs) and, for a
/// large file or standard input, a reader for the rest.
struct Opened<'a> {
    head: Cow<'a, [u8]>,
    rest: Option<Box<dyn Read + 'a>>,
}

impl<'a> Pipeline<'a> {
    pub fn new(scanner: &'a Scanner, policy: &'a Policy) -> Pipeline<'a> {
        let path_rules = scanner
            .rules()
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == FindingKind::Secret && r.has_path())
            .map(|(i, _)| i)
            .collect();
        Pipeline {
            scanner,
            policy,
            path_rules,
        }
    }

    pub fn scanner(&self) -> &Scanner {
        self.scanner
    }

    /// Turns one blob into findings, or into a counted skip.
    pub fn run(&self, blob: Blob<'_>, lines: Lines<'_>) -> Scanned {
        let mut out = Scanned::default();
        let shown = self.shown(&blob);
        if matches!(blob.origin, Origin::Index | Origin::Commit) {
            // In a work tree, `.env` files are judged with git's view of them
            // (src/dotenv/scan.rs); in git, being there is the finding.
            for path in &blob.paths {
                if !is_env_file(path, &self.policy.dotenv_templates) {
                    continue;
                }
                out.findings.push(match (&blob.origin, &blob.data) {
                    // The hook's advice depends on whether git ignores the file.
                    (Origin::Index, Data::Object { repo, .. }) => staged_env_finding(repo, path),
                    _ => env_finding(path),
                });
            }
        }
        let opened = match self.open(&blob, &shown) {
            Ok(opened) => opened,
            Err(skip) => {
                self.file_findings(&blob, None, &mut out);
                out.skipped = Some(skip);
                return out;
            }
        };
        if self.policy.dotenv_allow_encrypted
            && opened.rest.is_none()
            && is_encrypted_env(&opened.head)
        {
            // An encrypted env file (dotenv-vault, dotenvx, SOPS) is meant to be committed.
            out.findings.retain(|f| &*f.rule != ENV_RULE_ID);
        }
        self.file_findings(&blob, Some(&opened.head), &mut out);
        // Files only: a commit message is text, whatever it starts with.
        let file = blob.origin != Origin::CommitMessage;
        if file && opened.rest.is_none() && sniff::is_lfs_pointer(&opened.head) {
            out.skipped = Some(Skip::Lfs);
            return out;
        }
        if file && sniff::archive_format(&opened.head).is_some() {
            out.skipped = Some(Skip::Archive);
            return out;
        }
        let kind = content::kind(&opened.head);
        if kind == Kind::Binary && !self.policy.binary {
            out.skipped = Some(Skip::Binary);
            return out;
        }
        out.read = true;
        out.bytes = opened.head.len() as u64;
        let Some(rest) = opened.rest else {
            let text = as_text(&opened.head, kind);
            let mut added = LazyAdded::new(lines);
            let mut reported = Vec::new();
            for (rule_path, at) in self.scan_paths(&blob) {
                let matches = self.scan_memory(rule_path.as_deref(), &text, &mut added, kind);
                for m in &matches {
                    for path in &at {
                        out.findings.push(self.secret_finding(m, path.as_ref()));
                    }
                }
                reported.extend(matches);
            }
            // One secret, one finding: a key file is not also reported as a sensitive file.
            self.scanner
                .keep_one_finding_per_secret(&mut out.findings, &text, &reported);
            return out;
        };
        // Streamed: a file, standard input, or a git blob too large to hold (git_stream.rs).
        // Path rules judge the first path; findings are reported at every path. A streamed
        // git blob is not compared with its older versions: every line counts as added,
        // which reports too much rather than too little.
        let rule_path = blob.paths.first().map(String::as_str);
        match self.scan_streamed(rule_path, opened.head, rest, kind) {
            Ok((matches, bytes)) => {
                out.bytes = bytes;
                // Shared paths for all of the blob's findings.
                let at: Vec<Option<Arc<str>>> = if blob.paths.is_empty() {
                    vec![blob.name.as_deref().map(Arc::from)]
                } else {
                    blob.paths
                        .iter()
                        .map(|p| Some(Arc::from(p.as_str())))
                        .collect()
                };
                for m in &matches {
                    for path in &at {
                        out.findings.push(self.secret_finding(m, path.as_ref()));
                    }
                }
            }
            Err(err) => {
                warn(format_args!("{shown}: cannot read: {err}"));
                out.read = false;
                out.skipped = Some(Skip::Unreadable);
            }
        }
        out
    }

    /// A `secret` finding for a match, at `path`.
    fn secret_finding(&self, m: &Match, path: Option<&Arc<str>>) -> Finding {
        let mut finding = self.scanner.secret_finding(m, path);
        if !self.policy.keep_context {
            finding.context = None;
        }
        finding
    }

    /// How warnings name the blob.
    fn shown(&self, blob: &Blob<'_>) -> String {
        if let Some(path) = blob.paths.first().or(blob.name.as_ref()) {
            return path.clone();
        }
        match blob.origin {
            Origin::Stdin => "standard input".into(),
            Origin::CommitMessage => "commit message".into(),
            _ => "blob".into(),
        }
    }

    /// Sensitive-file rules, at each of the blob's paths.
    fn file_findings(&self, blob: &Blob<'_>, head: Option<&[u8]>, out: &mut Scanned) {
        for path in &blob.paths {
            out.findings.extend(self.scanner.file_findings(path, head));
        }
    }

    /// Checks the size limit and reads the blob (the first window's worth, for a large
    /// file or standard input). A skip has been warned about, except a missing object:
    /// sources sum those up with their cause (a partial clone) and fix.
    fn open<'b>(&self, blob: &'b Blob<'_>, shown: &str) -> Result<Opened<'b>, Skip> {
        let too_large = |size: u64| match self.policy.max_file_size {
            Some(max) if size > max => {
                warn(format_args!(
                    "{shown}: not scanned, {size} bytes is over --max-file-size {max}"
                ));
                true
            }
            _ => false,
        };
        match &blob.data {
            Data::Bytes(bytes) => {
                if blob.origin != Origin::CommitMessage && too_large(bytes.len() as u64) {
                    return Err(Skip::TooLarge);
                }
                Ok(Opened {
                    head: Cow::Borrowed(bytes),
                    rest: None,
                })
            }
            Data::Object { repo, id } => {
                let header = match repo.try_find_header(*id) {
                    Ok(Some(header)) => header,
                    Ok(None) => return Err(Skip::Missing),
                    Err(err) => {
                        warn(format_args!(
                            "{shown} (blob {id}): cannot read: {}",
                            one_line(&err)
                        ));
                        return Err(Skip::Unreadable);
                    }
                };
                if too_large(header.size()) {
                    return Err(Skip::TooLarge);
                }
                if header.size() > git_stream::STREAM_OVER {
                    // Without a `git` program, the blob is read whole below.
                    if let Ok(stream) = git_stream::GitBlobStream::open(
                        repo.git_dir(),
                        &id.to_string(),
                        header.size(),
                    ) {
                        return read_head(Box::new(stream), 0).map_err(|err| {
                            warn(format_args!("{shown} (blob {id}): cannot read: {err}"));
                            Skip::Unreadable
                        });
                    }
                }
                match repo.find_blob(*id) {
                    Ok(mut found) => Ok(Opened {
                        head: Cow::Owned(found.take_data()),
                        rest: None,
                    }),
                    Err(err) => {
                        warn(format_args!(
                            "{shown} (blob {id}): cannot read: {}",
                            one_line(&err)
                        ));
                        Err(Skip::Unreadable)
                    }
                }
            }
            Data::File(path) => {
                let unreadable = |err: std::io::Error| {
                    warn(format_args!("{shown}: cannot read: {err}"));
                    Skip::Unreadable
                };
                let file = std::fs::File::open(path).map_err(unreadable)?;
                let size = file.metadata().map_err(unreadable)?.len();
                if too_large(size) {
                    return Err(Skip::TooLarge);
                }
                read_head(Box::new(file), size as usize).map_err(unreadable)
            }
            Data::Stdin => read_head(Box::new(std::io::stdin()), 0).map_err(|err| {
                warn(format_args!("standard input: cannot read: {err}"));
                Skip::Unreadable
            }),
        }
    }

    /// The paths to scan the blob with (`None`: no path rules apply), each with the paths
    /// (or name) its findings are reported at: one scan per distinct set of path-aware
    /// rules among the blob's paths.
    fn scan_paths(&self, blob: &Blob<'_>) -> Vec<ScanGroup> {
        if blob.paths.is_empty() {
            return vec![(None, vec![blob.name.as_deref().map(Arc::from)])];
        }
        if blob.paths.len() == 1 || self.path_rules.is_empty() {
            let at = blob
                .paths
                .iter()
                .map(|p| Some(Arc::from(p.as_str())))
                .collect();
            return vec![(Some(blob.paths[0].clone()), at)];
        }
        let signature = |path: &str| -> Vec<bool> {
            self.path_rules
                .iter()
                .map(|&r| self.scanner.rule(r).applies_to_path(Some(path)))
                .collect()
        };
        let mut groups: Vec<(Vec<bool>, ScanGroup)> = Vec::new();
        for path in &blob.paths {
            let sig = signature(path);
            match groups.iter_mut().find(|(s, _)| *s == sig) {
                Some((_, (_, at))) => at.push(Some(Arc::from(path.as_str()))),
                None => groups.push((
                    sig,
                    (Some(path.clone()), vec![Some(Arc::from(path.as_str()))]),
                )),
            }
        }
        groups.into_iter().map(|(_, group)| group).collect()
    }

    /// Matches in a blob held in memory, filtered to the lines a change adds.
    fn scan_memory(
        &self,
        path: Option<&str>,
        text: &[u8],
        added: &mut LazyAdded<'_>,
        kind: Kind,
    ) -> Vec<Match> {
        let matches = window::scan_slice(self.scanner, path, text);
        if matches.is_empty() {
            return matches;
        }
        let added = added.get(text, kind);
        matches
            .into_iter()
            .filter(|m| added.touches(text, m))
            .collect()
    }

    /// Scans a file or standard input too large for one window, piece by piece. Returns
    /// the matches and the bytes read.
    fn scan_streamed(
        &self,
        path: Option<&str>,
        head: Cow<'_, [u8]>,
        mut rest: Box<dyn Read + '_>,
        kind: Kind,
    ) -> std::io::Result<(Vec<Match>, u64)> {
        let mut pending: Vec<u8> = head.into_owned();
        let mut bytes = pending.len() as u64;
        let mut first = true;
        let mut chunk = vec![0u8; READ_CHUNK];
        let matches = window::scan_stream(self.scanner, path, |buf| {
            let at_end = loop {
                let n = rest.read(&mut chunk)?;
                if n == 0 {
                    break true;
                }
                bytes += n as u64;
                pending.extend_from_slice(&chunk[..n]);
                if pending.len() >= READ_CHUNK {
                    break false;
                }
            };
            let used = transform(&pending, kind, first, at_end, buf);
            first = false;
            pending.drain(..used);
            Ok(!at_end)
        })?;
        Ok((matches, bytes))
    }
}

/// One scan of a blob: the path rules see (`None`: no path), and where its findings are
/// reported (paths, or the blob's name).
type ScanGroup = (Option<String>, Vec<Option<Arc<str>>>);

/// Bytes read from a file or standard input per call.
const READ_CHUNK: usize = 1024 * 1024;

/// Reads the first window's worth of `reader`; the rest stays to be streamed. `size` is
/// what the file's metadata says (0 if unknown); a file that fits is read whole.
fn read_head<'b>(mut reader: Box<dyn Read + 'b>, size: usize) -> std::io::Result<Opened<'b>> {
    let limit = window::WHOLE + 1;
    let mut head = Vec::with_capacity(size.min(limit));
    (&mut reader).take(limit as u64).read_to_end(&mut head)?;
    if head.len() < limit {
        return Ok(Opened {
            head: Cow::Owned(head),
            rest: None,
        });
    }
    Ok(Opened {
        head: Cow::Owned(head),
        rest: Some(reader),
    })
}

/// The text the scanner sees of a blob held in memory: itself, its UTF-16 decoded, or its
/// printable runs.
pub fn as_text(data: &[u8], kind: Kind) -> Cow<'_, [u8]> {
    match kind {
        Kind::Text => Cow::Borrowed(data),
        Kind::Utf16 { little } => Cow::Owned(content::decode_utf16(data, little)),
        Kind::Binary => {
            let mut out = Vec::new();
            printable::runs(data, &mut out, true);
            Cow::Owned(out)
        }
    }
}

/// Turns the raw bytes of a streamed blob into text, appending to `out`; returns how many
/// bytes of `raw` it used (the rest, a cut character or run, waits for more).
fn transform(raw: &[u8], kind: Kind, first: bool, at_end: bool, out: &mut Vec<u8>) -> usize {
    match kind {
        Kind::Text => {
            out.extend_from_slice(raw);
            raw.len()
        }
        Kind::Utf16 { little } => {
            let mut body = raw;
            let mut skipped = 0;
            if first && (raw.starts_with(&[0xFF, 0xFE]) || raw.starts_with(&[0xFE, 0xFF])) {
                body = &raw[2..];
                skipped = 2;
            }
            let even = if at_end { body.len() } else { body.len() & !1 };
            out.extend_from_slice(&content::decode_utf16(&body[..even], little));
            skipped + even
        }
        Kind::Binary => printable::runs(raw, out, at_end),
    }
}

/// The added lines of a change, computed the first time a match needs them.
struct LazyAdded<'l> {
    lines: Option<Lines<'l>>,
    added: Option<AddedLines>,
}

impl<'l> LazyAdded<'l> {
    fn new(lines: Lines<'l>) -> LazyAdded<'l> {
        LazyAdded {
            lines: Some(lines),
            added: None,
        }
    }

    fn get(&mut self, text: &[u8], kind: Kind) -> &AddedLines {
        if self.added.is_none() {
            let added = match self.lines.take() {
                None | Some(Lines::All) => AddedLines::All,
                Some(Lines::AddedSince(load)) => match load() {
                    Ok(olds) => olds.iter().fold(AddedLines::All, |added, old| {
                        let old_kind = match (kind, content::kind(old)) {
                            (Kind::Binary, _) => Kind::Binary,
                            (_, Kind::Binary) => Kind::Text,
                            (_, old_kind) => old_kind,
                        };
                        let old = as_text(old, old_kind);
                        intersect(added, AddedLines::between(&old, text))
                    }),
                    Err(message) => {
                        warn(format_args!(
                            "{message}; reporting every line of the new version"
                        ));
                        AddedLines::All
                    }
                },
            };
            self.added = Some(added);
        }
        self.added.as_ref().expect("just set")
    }
}

/// Lines added relative to both sides.
pub fn intersect(a: AddedLines, b: AddedLines) -> AddedLines {
    match (a, b) {
        (AddedLines::All, other) | (other, AddedLines::All) => other,
        (AddedLines::Some(a), AddedLines::Some(b)) => {
            AddedLines::Some(a.iter().zip(&b).map(|(x, y)| *x && *y).collect())
        }
    }
}

/// An error's text on one line (for warnings about a blob).
pub(crate) fn one_line(err: &dyn std::fmt::Display) -> String {
    err.to_string()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn token() -> String {
        format!(
            "sk-ant-api03-{}AA",
            "aZ3bY4cX5dW6eV7fU8gT9hS0iR1jQ2kP3lO4mN5nM6oL7pK8qJ9rI0sH1tG2uF3vE4wD5xC6yB7zA8"
                .chars()
                .chain("q1w2e3r4t5y6u7i8o9p0a".chars())
                .take(93)
                .collect::<String>()
        )
    }

    fn run_file(data: &[u8], policy: &Policy) -> Scanned {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.dat");
        std::fs::write(&path, data).unwrap();
        let scanner = Scanner::new(RuleSet::builtin().unwrap());
        let pipeline = Pipeline::new(&scanner, policy);
        pipeline.run(
            Blob {
                origin: Origin::WorkTree,
                paths: vec!["big.dat".into()],
                name: None,
                data: Data::File(&path),
            },
            Lines::All,
        )
    }

    fn binary_policy() -> Policy {
        Policy {
            binary: true,
            ..Policy::default()
        }
    }

    #[test]
    fn a_large_binary_file_is_streamed_through_its_printable_runs() {
        let mut data: Vec<u8> = (0..window::WHOLE + 3 * 1024 * 1024)
            .map(|i| if i % 3 == 0 { 0 } else { 0xff })
            .collect();
        data.extend_from_slice(b"\x00\x00first run\x00");
        data.extend_from_slice(format!("ANTHROPIC_KEY={}", token()).as_bytes());
        data.extend_from_slice(b"\x00\x01");
        let scanned = run_file(&data, &binary_policy());
        assert!(scanned.read && scanned.skipped.is_none());
        assert_eq!(scanned.bytes, data.len() as u64);
        assert_eq!(scanned.findings.len(), 1, "{:?}", scanned.findings);
        // The second printable run of the file.
        assert_eq!(scanned.findings[0].line, Some(2));

        let off = Policy::default();
        let skipped = run_file(&data, &off);
        assert_eq!(skipped.skipped, Some(Skip::Binary));
        assert!(skipped.findings.is_empty());
    }

    #[test]
    fn a_large_utf16_file_is_streamed_decoded() {
        let mut text = "REM filler line\r\n".repeat(window::WHOLE / 16);
        text.push_str(&format!("set ANTHROPIC_KEY={}\r\n", token()));
        let lines = text.matches('\n').count();
        let mut data = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            data.extend_from_slice(&unit.to_le_bytes());
        }
        let scanned = run_file(&data, &binary_policy());
        assert_eq!(scanned.findings.len(), 1, "{:?}", scanned.findings);
        assert_eq!(scanned.findings[0].line, Some(lines));
    }

    #[test]
    fn over_the_size_limit_is_a_counted_skip_that_keeps_path_findings() {
        let policy = Policy {
            max_file_size: Some(10),
            ..binary_policy()
        };
        let scanned = run_file(token().as_bytes(), &policy);
        assert_eq!(scanned.skipped, Some(Skip::TooLarge));
        assert!(!scanned.read);
        assert!(scanned.findings.is_empty());
    }
}
