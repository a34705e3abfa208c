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

#[cfg(test)]
mod blind_harness;
pub mod classify;
mod cmdline;
mod code_numbers;
mod commented;
mod commented_value;
mod compared;
mod continued;
mod csv_rows;
mod curl_user;
mod defaults;
mod embedded;
mod encoded;
mod erlang;
mod escaped_json;
pub mod escapes;
mod expectations;
mod fallbacks;
mod getters;
mod header_slots;
#[cfg(test)]
mod heldout;
#[cfg(test)]
mod heldout_fresh;
#[cfg(test)]
mod heldout_fresh2;
#[cfg(test)]
mod heldout_fresh3;
#[cfg(test)]
mod heldout_fresh4;
#[cfg(test)]
mod heldout_fresh5;
#[cfg(test)]
mod heldout_real;
#[cfg(test)]
mod heldout_real2;
#[cfg(test)]
mod heldout_real3;
#[cfg(test)]
mod heldout_real4;
#[cfg(test)]
mod heldout_real5;
#[cfg(test)]
mod heldout_real6;
#[cfg(test)]
mod heldout_real7;
#[cfg(test)]
mod heldout_real8;
#[cfg(test)]
mod heldout_real9;
mod html_cells;
mod httpie;
mod hurl;
pub mod kind;
mod labels;
pub mod lexer;
mod names;
mod npmrc;
mod option_defaults;
mod pairs;
pub(crate) mod password_value;
mod placed_shapes;
mod positional;
mod powershell;
mod property_set;
mod prose;
#[cfg(test)]
mod recall_listed;
mod rows;
pub mod rule;
mod secret_refs;
mod sent_tokens;
pub(crate) mod shapes;
mod shown;
mod siblings;
mod spaced;
pub mod stand_in;
mod struct_tags;
pub mod structure;
mod template_defaults;
mod tools;
mod translations;
mod triggers;
#[cfg(test)]
mod tuning_real10;
#[cfg(test)]
mod tuning_real11;
#[cfg(test)]
mod tuning_real7;
mod typed_secret;
pub mod urls;
mod userpwd;
pub mod xml;
mod yaml_block;
mod yaml_flow;

pub(crate) use csv_rows::heads_columns;
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
    /// The Authorization scheme the value was written after (`Bearer`, `SSWS`, `AccessKey`).
    pub scheme: Option<String>,
    /// The host of the URL the value came from.
    pub host: Option<String>,
    pub origin: Origin,
    /// Read from a document embedded in the file's text (`embedded`): a line of another
    /// syntax, which only rules that name a provider take (see `embedded`).
    pub embedded: bool,
    /// Offset of the value's line in the blob.
    pub line_start: usize,
}

impl Candidate {
    /// A literal value at `start..end` of the blob under `key`, with no other facts (the
    /// extractors that pair a value with a name fill in the rest).
    pub(crate) fn literal(
        key: String,
        start: usize,
        end: usize,
        value: String,
        line_start: usize,
        origin: Origin,
    ) -> Candidate {
        Candidate {
            key,
            parents: Vec::new(),
            start,
            end,
            value,
            decoded: None,
            quoted: true,
            callee: None,
            header: None,
            scheme: None,
            host: None,
            origin,
            embedded: false,
            line_start,
        }
    }

    /// A value written without quotes (a command-line word, a directive's argument, a
    /// `.pgpass` field): [`Candidate::literal`] of `text`, read lossily, not quoted.
    pub(crate) fn bare_word(
        key: String,
        start: usize,
        end: usize,
        text: &[u8],
        line_start: usize,
        origin: Origin,
    ) -> Candidate {
        let value = lossy(text).into_owned();
        let mut cand = Candidate::literal(key, start, end, value, line_start, origin);
        cand.quoted = false;
        cand
    }

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
            .field("scheme", &self.scheme)
            .field("host", &self.host)
            .field("origin", &self.origin)
            .finish()
    }
}

/// [`String::from_utf8_lossy`] of `bytes`, by [`std::str::from_utf8`] first: the same text
/// (borrowed where the bytes are valid UTF-8, as `from_utf8_lossy` gives it), found by the
/// standard library's validation, which takes ASCII a word at a time, where
/// `from_utf8_lossy`'s chunk iterator walks every byte (1.6 % of a scan in session 13's
/// profile, nearly all on the lexer's words and values, which are nearly always valid).
pub(crate) fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

#[cfg(test)]
#[test]
fn lossy_gives_what_from_utf8_lossy_gives() {
    let pieces: &[&[u8]] = &[
        b"a",
        b"Key",
        b"_",
        b" ",
        b"\xc3\xa9",
        b"\xc3",
        b"\xa9",
        b"\xff",
        b"\xef\xbc\x9a",
        b"\xf0\x9f\x98",
        b"\x80",
        b"0",
    ];
    let mut rng = test_lines::XorShift(0x0dd_c0ffee);
    for _ in 0..50_000 {
        let bytes: Vec<u8> = (0..rng.next() % 12)
            .flat_map(|_| {
                pieces[(rng.next() % pieces.len() as u64) as usize]
                    .iter()
                    .copied()
            })
            .collect();
        let (ours, std) = (lossy(&bytes), String::from_utf8_lossy(&bytes));
        assert_eq!(ours, std);
        assert_eq!(
            matches!(ours, std::borrow::Cow::Borrowed(_)),
            matches!(std, std::borrow::Cow::Borrowed(_))
        );
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
    extract_with(data, kind, regions, &[])
}

/// [`extract`], and also the byte ranges `stretches` read as they are (no lines before or
/// after them): the bounded stretches of long lines around their keywords.
pub fn extract_with(
    data: &[u8],
    kind: Kind,
    regions: &[(usize, usize, bool)],
    stretches: &[(usize, usize)],
) -> Vec<Candidate> {
    extract_reading(data, kind, regions, stretches, Documents::Read)
}

/// Whether `extract_range` reads the documents embedded in a file's lines
/// (`embedded`). What such a read finds is offered only to the rules that name a
/// provider ([`Candidate::embedded`]), so a caller whose woken rules are all generic
/// (`fallback`) skips it: every candidate it would add is one no woken rule is asked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Documents {
    /// Read them (some woken rule names a provider).
    Read,
    /// Skip them (no woken rule would be asked their candidates).
    Skip,
}

/// [`extract_with`], reading embedded documents or not (see [`Documents`]).
pub fn extract_reading(
    data: &[u8],
    kind: Kind,
    regions: &[(usize, usize, bool)],
    stretches: &[(usize, usize)],
    documents: Documents,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    // The start of the line a segment opens in, searched for only back to where the last
    // search stopped (segments come sorted): on a minified line of a megabyte, one search
    // of the line, not one per segment on it.
    let (mut line_start, mut searched_to) = (0, 0);
    for (s, e) in with_stretches(segments(data, kind, regions), stretches) {
        let from = if s >= searched_to { searched_to } else { 0 };
        line_start = match memchr::memrchr(b'\n', &data[from..s]) {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => line_start,
        };
        searched_to = s;
        crate::scan::funnel::add(crate::scan::funnel::Stage::Segments, 1);
        extract_range(data, s, e, line_start, kind, documents, &mut out);
    }
    // A table's rows below the window of its header line, to the table's end (a CSV
    // export's, a Markdown table's).
    if kind == Kind::Unknown {
        let mut headers: Vec<usize> = regions
            .iter()
            .filter(|r| csv_rows::keyword_line_heads_columns(data, kind, r.0, data.len()))
            .filter_map(|r| csv_rows::keyword_line_start(data, r.0))
            .collect();
        headers.sort_unstable();
        headers.dedup();
        for start in headers {
            csv_rows::rows_below_header(data, kind, start, &mut out);
        }
        let mut tables: Vec<usize> = regions
            .iter()
            .map(|r| r.0)
            .filter(|&at| rows::keyword_line_heads_table(data, at, data.len()))
            .collect();
        tables.sort_unstable();
        tables.dedup();
        for at in tables {
            rows::rows_below_table(data, at, LINES_AFTER, 2 * LINE_REACH, &mut out);
        }
    }
    out
}

/// `segments` and `stretches` merged and sorted, as [`segments`] merges its own.
fn with_stretches(
    segments: Vec<(usize, usize)>,
    stretches: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    if stretches.is_empty() {
        return segments;
    }
    let mut all = segments;
    all.extend_from_slice(stretches);
    all.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (s, e) in all {
        match merged.last_mut() {
            Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The lines of the stretches [`extract`] reads for `regions` (the scan's funnel counts).
#[cfg(feature = "funnel")]
pub(crate) fn segment_lines(data: &[u8], kind: Kind, regions: &[(usize, usize, bool)]) -> usize {
    segments(data, kind, regions)
        .iter()
        .map(|&(s, e)| memchr::memchr_iter(b'\n', &data[s..e]).count() + 1)
        .sum()
}

/// The merged, sorted stretches of `data` that [`extract`] reads for `regions`.
fn segments(data: &[u8], kind: Kind, regions: &[(usize, usize, bool)]) -> Vec<(usize, usize)> {
    let mut segments: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
    // Regions come grouped by rule; taken in order of position, the keyword lines of
    // neighbouring regions are found once ([`LineCache`]), not once per rule and region:
    // on a minified line of a megabyte that is the difference between one search of the
    // line and one per keyword on it.
    let mut order: Vec<&(usize, usize, bool)> = regions.iter().collect();
    order.sort_unstable_by_key(|r| r.0);
    let mut lines = LineCache::default();
    for &&(at, region_end, wide) in &order {
        // Every bound below is clipped to `LINE_REACH` (back) and `2 * LINE_REACH` (on)
        // from the keyword, so newlines are searched for only within those bounds: a line
        // that starts before `floor` gives `floor` either way, one that ends after `cap`
        // gives `cap`.
        let floor = at.saturating_sub(LINE_REACH);
        let cap = region_end.max(at) + 2 * LINE_REACH;
        let (ls, keyword_line_end) = lines.bounds(data, at);
        let le = line_end_within(data, region_end.max(at), cap);
        // The keyword's own line decides whether a block opens (a prefilter region can
        // reach into the lines below it: `variable "db_password" {` then `type = string`).
        // A single-line rule's window starts at the newline before its keyword's line
        // (`scan::prefilter::line_window`): the line it starts on may open a block of
        // values (`Parameters:` above `  DBPassword:`; not a statement's block,
        // `def get(self):` or `if (ok) {`: see [`opens_value_block`]), and the keyword's
        // own line may open a call (`    auth=(` below `    url,`).
        if !wide
            && !opens_value_block(&data[ls..keyword_line_end])
            && !keyword_line_opens_call(data, at, cap)
            && !rows::keyword_line_heads_table(data, at, cap)
            && !csv_rows::keyword_line_heads_columns(data, kind, at, cap)
            && (kind != Kind::Unknown || !rows::keyword_line_is_heading(data, at, cap))
        {
            // The region ends one past the newline of its last keyword line, so `le` is the
            // end of the line below it: read only when the keyword line leaves its value
            // open there (see [`skips_line_below`]).
            let le = if skips_line_below(data, region_end, kind) {
                region_end - 1
            } else {
                le
            };
            segments.push((ls.max(floor), le.min(cap)));
            continue;
        }
        let mut from = ls;
        for _ in 0..if wide { LINES_BEFORE } else { 0 } {
            if from <= floor {
                break;
            }
            from = line_start_within(data, from - 1, floor);
        }
        let mut to = le;
        for _ in 0..LINES_AFTER {
            if to >= data.len() || to >= cap {
                break;
            }
            to = line_end_within(data, to + 1, cap);
        }
        // Clip: long lines contribute only the stretch around the keyword.
        segments.push((from.max(floor), to.min(cap)));
    }
    segments.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in segments {
        match merged.last_mut() {
            Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Whether `data[at]` is the newline before a line (ending by `cap`) that opens a call whose
/// arguments follow on the lines below (`    auth=(`): only a call, since reading the lines
/// below every keyword line that opens a block costs scan time for little.
fn keyword_line_opens_call(data: &[u8], at: usize, cap: usize) -> bool {
    if data.get(at) != Some(&b'\n') {
        return false;
    }
    let end = line_end_within(data, at + 1, cap);
    data[at + 1..end].trim_ascii_end().last() == Some(&b'(')
}

/// Longest keyword line, and line below it, that [`skips_line_below`] reads; past it the
/// line below is read, as before.
const BELOW_REACH: usize = LINE_REACH;

/// Whether the engine leaves unread the line below a single-line rule's region that ends
/// at `region_end`: one past the newline that ends its last keyword line
/// (`scan::prefilter::line_window` takes that newline into the window, so the region's
/// end falls on the next line's start). `scan::context_pass::may_hold_value` asks the same,
/// so that it judges the lines the engine reads. False (the line is read) where the region
/// does not end so (a long line clipped), where either line is longer than
/// [`BELOW_REACH`], and wherever [`reads_line_below`] says the keyword line goes on below.
pub(crate) fn skips_line_below(data: &[u8], region_end: usize, kind: Kind) -> bool {
    if region_end == 0 || region_end > data.len() || data[region_end - 1] != b'\n' {
        return false;
    }
    let newline = region_end - 1;
    let floor = newline.saturating_sub(BELOW_REACH);
    let start = match memchr::memrchr(b'\n', &data[floor..newline]) {
        Some(i) => floor + i + 1,
        None if floor == 0 => 0,
        None => return false,
    };
    let reach = (region_end + BELOW_REACH).min(data.len());
    let below_end = match memchr::memchr(b'\n', &data[region_end..reach]) {
        Some(i) => region_end + i,
        None if reach == data.len() => reach,
        None => return false,
    };
    !reads_line_below(&data[start..newline], &data[region_end..below_end], kind)
}

/// Bytes that end a keyword line whose value, if any, is complete on it: a word or number,
/// a closed call, list or block, a closed string, a statement's or sentence's end
/// (`token = get_token(x)`, `return token;`, `self.token = token`, `"token": null`).
fn ends_closed(last: u8) -> bool {
    last.is_ascii_alphanumeric()
        || matches!(
            last,
            b'_' | b';'
                | b')'
                | b']'
                | b'}'
                | b'"'
                | b'\''
                | b'`'
                | b'.'
                | b'!'
                | b'?'
                | b'*'
                | b'/'
        )
}

/// Whether the line `below` a single-line rule's keyword `line` (of a blob of `kind`) may
/// hold a value that the keyword line names or starts, so that the engine reads it with
/// the keyword line. What ties a value on the next line to the line above it, each pass
/// that reads across lines taken in turn:
///
/// - a key whose value or block follows (`password:`, `token =`, `"auth": {`,
///   `<password>`, `api_key: |-`, `"bearer": {` above a server's key; the parents of a line
///   are its blocks' keys, `structure::parents`), a call or list left open (`connect(`,
///   `[`), a continuation (`\`, `+`, `&&`): every keyword line that does not end in a word,
///   a number, a closing bracket or quote, or a statement's or sentence's end
///   ([`ends_closed`]), with two exceptions below;
/// - a string left open on it (`"""`, a shell string over lines: the lexer reads the rest
///   of a literal from the line above): an odd count of any quote character (an escaped
///   quote or an apostrophe in prose reads the line too);
/// - a section header (`[tokens]`): the keys below are its entries;
/// - a slot that a sibling line names (`- name: API_TOKEN` above `value: v`, a header
///   list's `"key": "Authorization"` above `"value": "Bearer v"`, an OpenAPI parameter's
///   `example:`, HCL's `plaintext_value`): the line below holds `value`, `default` or
///   `example` in any case (`rule::effective_key`, `header_slots`).
///
/// The exceptions, lines that end open but name nothing on the next line: a keyword line
/// ending `,` (a list's or record's entry, an argument) is read below only in code whose
/// next line starts with a literal (`continued` reads such a line as an argument of the
/// call the lines above it open: `getConnection(url,` above `"v")`); a statement's head
/// in code (`function auth(token) {`, `def get_token(self):`, `if (token) {`: its head,
/// without the openers, ends `)`) only above a `return` (`getters` names a returned
/// literal by the function above it).
///
/// And the line below is read wherever it names a credential itself
/// ([`names::mentions_secret`], the gate of the pairing extractors: every credential word
/// a name is judged by holds one of its stems). Its keywords would wake its own window,
/// but not every name a rule accepts holds one of the rule's keywords (Go's
/// `newKey := "v"` holds none of `generic-api-key`'s `key = "` forms), and such a value is
/// found today when a keyword line sits above it. What is left below a closed keyword line
/// is a line that names no credential and that nothing above it names: no extractor gives
/// a value there. The passes that read past a line read the blob, not the lines read
/// (`shown`, `xml`, `yaml_block`, `hurl`, `continued`'s joined literals look below the
/// keyword line from it), so they see the line below either way.
pub(crate) fn reads_line_below(line: &[u8], below: &[u8], kind: Kind) -> bool {
    let t = line.trim_ascii();
    let next = below.trim_ascii();
    if names::mentions_secret(next) {
        return true;
    }
    if [&b"value"[..], b"default", b"example"]
        .iter()
        .any(|slot| contains_caseless(next, slot))
    {
        return true;
    }
    let Some(&last) = t.last() else {
        return true;
    };
    let odd = |q: u8| memchr::memchr_iter(q, t).count() % 2 == 1;
    if odd(b'"') || odd(b'\'') || odd(b'`') {
        return true;
    }
    if last == b',' {
        return kind == Kind::Code && starts_with_literal(next);
    }
    if kind == Kind::Code && matches!(last, b'{' | b':') && is_statement_head(t) {
        return next.starts_with(b"return");
    }
    if !ends_closed(last) {
        return true;
    }
    t.first() == Some(&b'[') && last == b']'
}

/// Whether a line opens with a string literal, a prefix of letters or `@` aside (`"v"`,
/// `@"v"`, `r'v'`, `b"v"`): the lines `continued` reads as a call's argument.
fn starts_with_literal(line: &[u8]) -> bool {
    line.iter()
        .take(3)
        .position(|b| matches!(b, b'"' | b'\'' | b'`'))
        .is_some_and(|q| line[..q].iter().all(u8::is_ascii_alphanumeric) || line[..q] == *b"@")
}

/// Whether a line that ends with block openers is a statement's head: without them, it
/// ends `)` (a definition's parameters, a condition, a handler's argument).
fn is_statement_head(line: &[u8]) -> bool {
    let mut head = line.trim_ascii();
    while let Some((&last, rest)) = head.split_last() {
        if !matches!(last, b':' | b'{' | b'[' | b'(' | b'>' | b'=' | b'|') {
            break;
        }
        head = rest.trim_ascii_end();
    }
    head.last() == Some(&b')')
}

/// Whether `text` holds the lowercase ASCII word `needle` in any case.
fn contains_caseless(text: &[u8], needle: &[u8]) -> bool {
    let first = needle[0];
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &text[from..]) {
        let at = from + i;
        if text
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The bounds of the line last asked for, so that the keywords on one line cost one
/// search for its ends.
#[derive(Default)]
struct LineCache {
    line: Option<(usize, usize)>,
}

impl LineCache {
    /// [`crate::scan::line_bounds`] of `at`.
    fn bounds(&mut self, data: &[u8], at: usize) -> (usize, usize) {
        match self.line {
            Some((start, end)) if start <= at && at <= end => (start, end),
            _ => {
                let line = crate::scan::line_bounds(data, at);
                self.line = Some(line);
                line
            }
        }
    }
}

/// The start of the line holding `at`, or `floor` if the line starts before it: the
/// larger of the two.
fn line_start_within(data: &[u8], at: usize, floor: usize) -> usize {
    let at = at.min(data.len());
    if at <= floor {
        return floor;
    }
    memchr::memrchr(b'\n', &data[floor..at]).map_or(floor, |i| floor + i + 1)
}

/// The end of the line holding `at` (its newline, or the end of the data), or `cap` if the
/// line ends after it: the smaller of the two.
fn line_end_within(data: &[u8], at: usize, cap: usize) -> usize {
    let at = at.min(data.len());
    let reach = cap.min(data.len());
    if at >= reach {
        return at.min(cap);
    }
    memchr::memchr(b'\n', &data[at..reach]).map_or(reach, |i| at + i)
}

#[cfg(test)]
mod segment_tests {
    use super::*;

    /// The segments as computed before the bounded searches (every line found whole).
    fn reference(data: &[u8], kind: Kind, regions: &[(usize, usize, bool)]) -> Vec<(usize, usize)> {
        let bounds = crate::scan::line_bounds;
        let mut segments = Vec::new();
        for &(at, region_end, wide) in regions {
            let ls = bounds(data, at).0;
            let le = bounds(data, region_end.max(at)).1;
            let keyword_line_end = bounds(data, at).1;
            let next_opens = data.get(at) == Some(&b'\n')
                && data[at + 1..bounds(data, at + 1).1].trim_ascii_end().last() == Some(&b'(');
            if !wide && !opens_value_block(&data[ls..keyword_line_end]) && !next_opens {
                // The line below the last keyword line, skipped where both lines are found
                // within `BELOW_REACH` and the keyword line does not go on there.
                let le = if region_end > 0 && data.get(region_end - 1) == Some(&b'\n') {
                    let newline = region_end - 1;
                    let (kw_start, _) = bounds(data, newline);
                    let (_, below_end) = bounds(data, region_end);
                    let floor = newline.saturating_sub(BELOW_REACH);
                    let line_found = if kw_start == 0 {
                        floor == 0
                    } else {
                        kw_start > floor
                    };
                    let reach = (region_end + BELOW_REACH).min(data.len());
                    let below_found = below_end < reach || reach == data.len();
                    let goes_on = reads_line_below(
                        &data[kw_start..newline],
                        &data[region_end.min(below_end)..below_end],
                        kind,
                    );
                    if line_found && below_found && !goes_on {
                        newline
                    } else {
                        le
                    }
                } else {
                    le
                };
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
                from = bounds(data, from - 1).0;
            }
            let mut to = le;
            for _ in 0..LINES_AFTER {
                if to >= data.len() {
                    break;
                }
                to = bounds(data, to + 1).1;
            }
            segments.push((
                from.max(at.saturating_sub(LINE_REACH)),
                to.min(region_end.max(at) + 2 * LINE_REACH),
            ));
        }
        segments.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in segments {
            match merged.last_mut() {
                Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    #[test]
    fn a_statement_s_block_is_not_read_below() {
        let values = [
            "Parameters:",
            "  credentials: {",
            "\"password\": [",
            "<password>",
            "variable \"db_password\" {",
            "headers = {",
            "  token_opts = (",
            "Connection c = DriverManager.getConnection(",
            "secrets: |",
            "'auth' => [",
            "if:",
            "      parameters:",
        ];
        for line in values {
            assert!(opens_value_block(line.as_bytes()), "{line}");
        }
        let statements = [
            "def get_token(self):",
            "if (token) {",
            "    if not password:",
            "for key in keys:",
            "} else {",
            "    else:",
            "    try:",
            "function auth() {",
            "impl Token {",
            "class Config:",
            "class Config(Base):",
            ".then((token) => {",
            "} catch (e) {",
            "auth: x",
            "token = get_token(x)",
            "case \"token\":",
        ];
        for line in statements {
            assert!(!opens_value_block(line.as_bytes()), "{line}");
        }
    }

    /// The lines read for a keyword on the middle line of `text` (the line before the
    /// keyword's window starts on, the keyword's line, and what follows): the window
    /// `scan::prefilter::line_window` gives it, from the newline before its line to one
    /// past the newline after it.
    fn read_for_second_line(text: &str, kind: Kind) -> Vec<String> {
        let data = text.as_bytes();
        let at = memchr::memchr(b'\n', data).expect("a line above");
        let end = at + 1 + memchr::memchr(b'\n', &data[at + 1..]).expect("a line below") + 1;
        segments(data, kind, &[(at, end, false)])
            .iter()
            .flat_map(|&(s, e)| text[s..e].lines().map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn the_line_below_a_keyword_line_is_read_only_where_the_line_goes_on() {
        // Token-shaped values are built here, not written whole (dogfood).
        // (No stem of `names::mentions_secret` in it: `7z` of `q7zL` would be one.)
        let value = ["Hq4tN7wZ2p", "K9mR3xL6aB"].concat();
        let goes_on = [
            ("password:", format!("  {value}"), Kind::Yaml),
            ("token =", format!("    \"{value}\""), Kind::Code),
            ("\"auth\": {", format!("\"user\": \"{value}\""), Kind::Json),
            ("<password>", format!("{value}</password>"), Kind::Xml),
            ("api_key: |-", format!("  {value}"), Kind::Yaml),
            ("export TOKEN=\\", value.clone(), Kind::Shell),
            (
                "conn = getConnection(url, user,",
                format!("    \"{value}\")"),
                Kind::Code,
            ),
            (
                "String getToken() {",
                format!("    return \"{value}\";"),
                Kind::Code,
            ),
            (
                "def get_token(self):",
                format!("    return '{value}'"),
                Kind::Code,
            ),
            ("token = \"\"\"", format!("{value}\"\"\""), Kind::Code),
            ("[tokens]", format!("github = {value}"), Kind::Ini),
            ("- name: API_TOKEN", format!("  value: {value}"), Kind::Yaml),
            (
                "\"key\": \"Authorization\",",
                format!("\"value\": \"Bearer {value}\""),
                Kind::Json,
            ),
            ("name: X-Api-Token", format!("example: {value}"), Kind::Yaml),
            (
                "secret_name = \"DEPLOY_TOKEN\"",
                format!("plaintext_value = \"{value}\""),
                Kind::Hcl,
            ),
            (
                "func TestRPCClient_Keys(t *testing.T) {",
                format!("\tnewKey := \"{value}\""),
                Kind::Code,
            ),
            (
                "self.token = token",
                format!("self.api_key = \"{value}\""),
                Kind::Code,
            ),
            (
                "headers = {\"X-Token\": \"a\" +",
                format!("\"{value}\"}}"),
                Kind::Code,
            ),
        ];
        for (line, below, kind) in &goes_on {
            let text = format!("above\n{line}\n{below}\nafter\n");
            let read = read_for_second_line(&text, *kind);
            assert!(read.contains(below), "{line} / {below}: {read:?}");
            assert!(
                reads_line_below(line.as_bytes(), below.as_bytes(), *kind),
                "{line}"
            );
        }
        let closed = [
            (
                "token = get_token(x)",
                format!("other = \"{value}\""),
                Kind::Code,
            ),
            ("return token;", format!("x = \"{value}\";"), Kind::Code),
            (
                "self.token = token",
                "self.ready = True".to_string(),
                Kind::Code,
            ),
            ("\"nextToken\": null", "}".to_string(), Kind::Json),
            (
                "\"output_token\": \"NextToken\",",
                "\"location\": \"header\",".to_string(),
                Kind::Json,
            ),
            (
                "function check(token) {",
                "    count += 1;".to_string(),
                Kind::Code,
            ),
            ("if (token) {", format!("x = \"{value}\";"), Kind::Code),
            (
                "def get_token(self):",
                "    self.refresh()".to_string(),
                Kind::Code,
            ),
            (
                "validate(token, options,",
                "    callback)".to_string(),
                Kind::Code,
            ),
            (
                "The token is described below.",
                value.clone(),
                Kind::Unknown,
            ),
        ];
        for (line, below, kind) in &closed {
            let text = format!("above\n{line}\n{below}\nafter\n");
            let read = read_for_second_line(&text, *kind);
            assert_eq!(read, vec!["above".to_string(), line.to_string()], "{line}");
            assert!(
                !reads_line_below(line.as_bytes(), below.as_bytes(), *kind),
                "{line}"
            );
        }
    }

    #[test]
    fn bounded_line_searches_give_the_segments_of_whole_line_searches() {
        let mut rng = crate::context::test_lines::XorShift(0x9e37_79b9_7f4a_7c15);
        for round in 0..300 {
            // Lines from empty to several times `LINE_REACH`, some opening a block.
            let data = crate::context::test_lines::random_lines(
                &mut rng,
                40_000,
                [40, 3000, 20_000],
                b"ab =:{ ,)\"",
            );
            let regions: Vec<(usize, usize, bool)> = (0..1 + rng.next() % 40)
                .map(|_| {
                    let at = (rng.next() as usize) % (data.len() + 1);
                    let end = (at + (rng.next() % 9000) as usize).min(data.len());
                    // Half the regions end as a keyword line's window does: one past the
                    // newline that ends a line (`scan::prefilter::line_window`).
                    let end = match memchr::memchr(b'\n', &data[end..]) {
                        Some(i) if rng.next().is_multiple_of(2) => end + i + 1,
                        _ => end,
                    };
                    (at, end, rng.next().is_multiple_of(2))
                })
                .collect();
            let kind = if round % 2 == 0 {
                Kind::Code
            } else {
                Kind::Json
            };
            assert_eq!(
                segments(&data, kind, &regions),
                reference(&data, kind, &regions),
                "round {round}"
            );
        }
    }
}

/// Inputs for the tests that compare a bounded search with the whole-line search it
/// replaced: a seeded xorshift and text of lines of random length (empty, short, long and
/// very long, so that some lines pass every reach a search stops at).
#[cfg(test)]
pub(crate) mod test_lines {
    /// Every field of each candidate, the value included, as one string a candidate (for
    /// comparing two extractions field by field; compared, never printed).
    pub(crate) fn candidate_fields<'a>(
        cands: impl IntoIterator<Item = &'a super::Candidate>,
    ) -> Vec<String> {
        cands
            .into_iter()
            .map(|c| {
                format!(
                    "{}|{:?}|{}|{}|{}|{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{}",
                    c.key,
                    c.parents,
                    c.start,
                    c.end,
                    c.value,
                    c.decoded,
                    c.quoted,
                    c.callee,
                    c.header,
                    c.scheme,
                    c.host,
                    c.origin,
                    c.line_start
                )
            })
            .collect()
    }

    pub(crate) struct XorShift(pub u64);

    impl XorShift {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// At least `total` bytes of lines drawn from `alphabet`; a line is empty or up to one of
    /// `max_lens` bytes long, each with the same odds.
    pub(crate) fn random_lines(
        rng: &mut XorShift,
        total: usize,
        max_lens: [u64; 3],
        alphabet: &[u8],
    ) -> Vec<u8> {
        let mut data = Vec::new();
        while data.len() < total {
            let len = match rng.next() % 4 {
                0 => 0,
                pick => (rng.next() % max_lens[pick as usize - 1]) as usize,
            };
            data.extend((0..len).map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize]));
            data.push(b'\n');
        }
        data
    }
}

/// Whether a line opens a block whose values sit on the lines below (`speckle:`,
/// `"auth": {`, `variable "x" {`, `<password>`, `environment {`).
pub(crate) fn opens_block(line: &[u8]) -> bool {
    let t = line.trim_ascii_end();
    matches!(
        t.last(),
        Some(b':' | b'{' | b'[' | b'(' | b'>' | b'=' | b'|')
    )
}

/// Words that open a block by a statement (a condition, a loop, a definition, a handler)
/// rather than by a key: the block they open holds code, not the values of a record.
const STATEMENT_WORDS: &[&[u8]] = &[
    b"if",
    b"elif",
    b"else",
    b"elsif",
    b"unless",
    b"while",
    b"until",
    b"for",
    b"foreach",
    b"with",
    b"try",
    b"except",
    b"catch",
    b"finally",
    b"def",
    b"fn",
    b"fun",
    b"func",
    b"function",
    b"class",
    b"struct",
    b"impl",
    b"trait",
    b"interface",
    b"enum",
    b"switch",
    b"case",
    b"match",
    b"do",
    b"async",
    b"lambda",
    b"loop",
    b"select",
    b"when",
];

/// Statement words that open their block with nothing but `:` after them (`else:`,
/// `try:`): no record names a key so.
const BARE_STATEMENT_WORDS: &[&[u8]] = &[b"else", b"try", b"except", b"finally"];

/// Whether a line opens a block ([`opens_block`]) whose lines below may be values of a
/// record (`Parameters:`, `"auth": {`, `headers = {`, `<password>`, `variable "x" {`), or
/// the arguments of a call left open (`conn = connect(`): not a block a statement opens,
/// whose lines below are statements (`def get_token(self):`, `if (token) {`,
/// `for key in keys:`, `} else {`, `function auth() {`, `.then((t) => {`). A statement's
/// head ends with `)` before its openers (a definition's parameters, a condition, a
/// handler's argument), or starts with a statement word ([`STATEMENT_WORDS`]) that is no
/// key (`if:` of a YAML workflow is one).
///
/// The lines below a keyword line are read for a single-line (generic) rule only when the
/// line its window starts on opens such a block (see `segments`): below a statement's head
/// sit statements, each of which holds the rule's keyword again (and so is a window of its
/// own) or lies outside what the keyword's line can name.
pub(crate) fn opens_value_block(line: &[u8]) -> bool {
    let t = line.trim_ascii_end();
    if !opens_block(t) {
        return false;
    }
    // A call left open: its arguments follow.
    if t.last() == Some(&b'(') {
        return true;
    }
    let mut head = t.trim_ascii_start();
    while let Some((&last, rest)) = head.split_last() {
        if !matches!(last, b':' | b'{' | b'[' | b'(' | b'>' | b'=' | b'|') {
            break;
        }
        head = rest.trim_ascii_end();
    }
    if head.last() == Some(&b')') {
        return false;
    }
    // The first word, after closing brackets and blanks (`} else {`).
    let start = t
        .iter()
        .position(|b| !matches!(b, b'}' | b')' | b']' | b';') && !b.is_ascii_whitespace())
        .unwrap_or(t.len());
    let first = &t[start..];
    let end = first
        .iter()
        .position(|b| !b.is_ascii_alphanumeric() && *b != b'_')
        .unwrap_or(first.len());
    let word = &first[..end];
    let is = |words: &[&[u8]]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
    match first.get(end) {
        // `if:`, `when:` name keys; `else:`, `try:` open statements.
        Some(b':') => !is(BARE_STATEMENT_WORDS),
        _ => !is(STATEMENT_WORDS),
    }
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
        scheme: None,
        host: None,
        origin: Origin::WholeFile,
        embedded: false,
        line_start: crate::scan::line_bounds(data, start).0,
    })
}

/// Every candidate of a whole blob (tests, and small files).
pub fn extract_all(data: &[u8], kind: Kind) -> Vec<Candidate> {
    let mut out = Vec::new();
    extract_range(data, 0, data.len(), 0, kind, Documents::Read, &mut out);
    out
}

/// The needles [`extract_range`] searches each line for, each searcher built once.
static TEMPLATE_OPEN: names::Finder = names::Finder::new(b"{{");
static TEMPLATE_TAG: names::Finder = names::Finder::new(b"{%");
static BASE64: names::Finder = names::Finder::new(b"base64");
static NCODE: names::Finder = names::Finder::new(b"ncode");
static BASE64_STRING: names::Finder = names::Finder::new(b"Base64String");
static BTOA: names::Finder = names::Finder::new(b"btoa(");
static DASH_U: names::Finder = names::Finder::new(b"-u");

/// `first_line_start` is where the line holding `from` starts (every later line starts
/// after the newline that ends the one before it).
fn extract_range(
    data: &[u8],
    from: usize,
    to: usize,
    first_line_start: usize,
    kind: Kind,
    documents: Documents,
    out: &mut Vec<Candidate>,
) {
    let mut at = from;
    let mut line_start = first_line_start;
    // One token buffer for every line of the range.
    let mut toks = Vec::new();
    while at < to {
        let end = memchr::memchr(b'\n', &data[at..to]).map_or(to, |i| at + i);
        let mut line = &data[at..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        let mut chunk = 0;
        while chunk < line.len() || (chunk == 0 && line.is_empty()) {
            let piece = &line[chunk..(chunk + lexer::MAX_LEXED).min(line.len())];
            let base = at + chunk;
            let first = out.len();
            lexer::tokenize_into(piece, &mut toks);
            let toks = &toks[..];
            // Whether the line names a credential: the gate of most passes, searched once.
            let mentions_secret = names::mentions_secret(piece);
            // Which trigger bytes the piece holds, and whether it holds a string literal:
            // read once, asked before the passes that start from one (see [`triggers`]).
            let present = triggers::Present::of(piece);
            let has_string =
                triggers::ungated() || toks.iter().any(|t| matches!(t.tok, lexer::Tok::Str { .. }));
            {
                use crate::scan::funnel::{add, Stage};
                add(Stage::Lines, 1);
                add(Stage::LineBytes, piece.len());
                add(Stage::SecretLines, usize::from(mentions_secret));
                if mentions_secret {
                    add(Stage::SecretLineBytes, piece.len());
                }
                if piece.len() > 1024 {
                    add(Stage::BigLines, 1);
                    add(Stage::BigLineBytes, piece.len());
                }
            }
            lexer::candidates_tokenized(piece, toks, base, line_start, kind, out);
            if kind == Kind::Yaml {
                yaml_flow::trim_values(piece, base, first, out);
                yaml_block::candidates(data, at, end, first, out);
            }
            // A Go DSN starts from an `@`, a query from a `?`, a URL from its `://`.
            if present.any(triggers::AT | triggers::QUESTION | triggers::COLON) {
                urls::candidates(piece, base, line_start, out);
            }
            if present.any(triggers::LT) {
                xml::candidates(data, piece, base, line_start, end, out);
            }
            // Every argument it takes is a string literal (`positional::argument`).
            if has_string {
                positional::candidates(piece, toks, base, line_start, first, out);
            }
            header_slots::candidates(data, first, out);
            if kind == Kind::Code && chunk == 0 {
                commented_value::candidates(data, line, at, end, line_start, out);
            }
            // The forms no `=` or `:` ties: a value named by a sibling argument or symbol,
            // a command line's flags, `key value` directives; and the pairs inside values.
            if mentions_secret {
                property_set::candidates(first, out);
                siblings::candidates(piece, toks, base, line_start, first, out);
                cmdline::candidates(piece, toks, base, line_start, kind, out);
                spaced::candidates(piece, toks, base, line_start, kind, out);
                pairs::candidates(first, out);
                defaults::candidates(first, out);
                powershell::candidates(piece, base, line_start, out);
                powershell::secure_string_params(piece, base, first, out);
                userpwd::split(first, out);
                userpwd::basic_pair(piece, base, line_start, out);
                if chunk == 0 {
                    hurl::basic_auth_section(data, line, end, out);
                }
                httpie::bearer_auth(piece, base, line_start, out);
                if present.any(triggers::BRACE)
                    && (TEMPLATE_OPEN.find(piece).is_some() || TEMPLATE_TAG.find(piece).is_some())
                {
                    template_defaults::candidates(piece, base, line_start, out);
                }
                defaults::cue_defaults(first, out);
                if kind != Kind::Shell {
                    erlang::binaries(piece, base, line_start, out);
                }
                npmrc::candidates(piece, base, line_start, first, out);
                if kind == Kind::Code {
                    struct_tags::candidates(piece, toks, base, line_start, out);
                    compared::candidates(piece, toks, base, line_start, first, out);
                    option_defaults::name_by_option(piece, base, first, out);
                    commented::candidates(piece, base, line_start, first, out);
                    expectations::candidates(piece, base, line_start, first, out);
                    fallbacks::candidates(piece, toks, base, line_start, first, out);
                    if chunk == 0 {
                        option_defaults::from_attributes_above(data, piece, at, out);
                    }
                }
                if kind == Kind::Shell {
                    defaults::shell_line(piece, base, line_start, first, out);
                }
                rows::table_row(piece, base, line_start, out);
                if chunk == 0 {
                    html_cells::candidates(data, piece, base, line_start, end, first, out);
                }
                if kind == Kind::Unknown {
                    prose::candidates(piece, base, line_start, first, out);
                }
                // A credential printed by the command on this line, shown on the next.
                if chunk == 0 && matches!(kind, Kind::Unknown | Kind::Shell) {
                    shown::candidates(data, line, end, out);
                }
                if kind == Kind::Yaml {
                    cmdline::yaml_quoted_item(piece, base, line_start, out);
                }
            }
            // `Default login: admin / v`: a login pair in a sentence that names no credential.
            if kind == Kind::Unknown
                && !mentions_secret
                && (prose::mentions_login(piece) || prose::mentions_role_label(piece))
            {
                prose::login_line(piece, base, line_start, first, out);
            }
            // `初始密码为 v`: a credential named in CJK prose only.
            if kind == Kind::Unknown && !mentions_secret && !piece.is_ascii() {
                prose::cjk_line(piece, base, line_start, first, out);
            }
            if kind == Kind::Unknown || piece.trim_ascii_start().starts_with(b"<") {
                labels::candidates(piece, base, line_start, first, out);
            }
            if kind == Kind::Unknown && chunk == 0 && piece.trim_ascii_start().starts_with(b"|") {
                rows::table_column(data, piece, at, base, line_start, first, out);
                rows::headless_row(data, piece, at, base, line_start, first, out);
            }
            // JSON printed with escaped quotes outside any literal (a log line's body), and
            // delimited rows (`name,value`; a row under a header of names): the names need
            // not hold a credential word, the rules judge them (`X_HONEYCOMB_TEAM`).
            escaped_json::candidates(piece, base, line_start, kind, out);
            if kind == Kind::Unknown && memchr::memchr3(b',', b'\t', b';', piece).is_some() {
                csv_rows::pair_row(piece, base, line_start, out);
                if chunk == 0 {
                    csv_rows::column_row(data, piece, at, base, line_start, out);
                }
            }
            if kind == Kind::Unknown {
                rows::pgpass_line(piece, base, line_start, out);
                rows::userlist_line(piece, base, line_start, out);
                rows::sasl_map_line(piece, base, line_start, out);
            }
            // A returned literal is named on its line, or (`return "v"`) on the line above.
            if kind == Kind::Code
                && (toks
                    .first()
                    .is_some_and(|t| &piece[t.start..t.end] == b"return")
                    || mentions_secret)
            {
                getters::candidates(data, piece, toks, base, line_start, out);
            }
            if kind == Kind::Code && chunk == 0 && line.len() <= lexer::MAX_LEXED {
                continued::candidates(data, at, at + line.len(), first, out);
            }
            // `echo -n 'user:v' | base64`: a Basic credential computed in place.
            if present.any(triggers::SIX) && BASE64.find(piece).is_some() {
                encoded::candidates(piece, base, line_start, out);
            }
            if kind == Kind::Code
                && (NCODE.find(piece).is_some()
                    || (present.any(triggers::SIX) && BASE64_STRING.find(piece).is_some())
                    || (present.any(triggers::PAREN) && BTOA.find(piece).is_some()))
            {
                encoded::code_encoders(piece, base, line_start, out);
            }
            // curl's `-u v` with no password: an API key as the Basic user name.
            if present.any(triggers::DASH) && DASH_U.find(piece).is_some() {
                curl_user::candidates(data, piece, at, base, line_start, out);
            }
            // Tools that take a password where no name says so (their own gate: the tools'
            // names).
            tools::candidates(data, piece, toks, base, line_start, kind, out);
            // Lines of another syntax held in this file (a command line, `export K=V`, an
            // env item in a string or an element's text): read as that syntax.
            if documents == Documents::Read {
                embedded::candidates(data, piece, toks, base, line_start, kind, out);
            }
            if piece.len() > 1024 {
                crate::scan::funnel::add(
                    crate::scan::funnel::Stage::BigLineCands,
                    out.len() - first,
                );
            }
            chunk += lexer::MAX_LEXED;
            if line.is_empty() {
                break;
            }
        }
        at = end + 1;
        line_start = at;
    }
}

#[cfg(test)]
mod probe_check;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_django_split;
#[cfg(test)]
mod tests_embedded;
#[cfg(test)]
mod tests_named_forms;
#[cfg(test)]
mod tests_password_values;
#[cfg(test)]
mod tests_property_flags;
#[cfg(test)]
mod tests_provider_forms;
#[cfg(test)]
mod tests_real10_forms;
#[cfg(test)]
mod tests_real11_forms;
#[cfg(test)]
mod tests_shape_grid;
#[cfg(test)]
mod tests_unlisted;
#[cfg(test)]
mod tests_unlisted10;
#[cfg(test)]
mod tests_unlisted11;
#[cfg(test)]
mod tests_unlisted12;
#[cfg(test)]
mod tests_unlisted13;
#[cfg(test)]
mod tests_unlisted14;
#[cfg(test)]
mod tests_unlisted15;
#[cfg(test)]
mod tests_unlisted16;
#[cfg(test)]
mod tests_unlisted17;
#[cfg(test)]
mod tests_unlisted18;
#[cfg(test)]
mod tests_unlisted2;
#[cfg(test)]
mod tests_unlisted3;
#[cfg(test)]
mod tests_unlisted4;
#[cfg(test)]
mod tests_unlisted5;
#[cfg(test)]
mod tests_unlisted6;
#[cfg(test)]
mod tests_unlisted7;
#[cfg(test)]
mod tests_unlisted8;
#[cfg(test)]
mod tests_unlisted9;
#[cfg(test)]
mod tests_wild_noise;
