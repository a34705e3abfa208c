//! Text held inside other text, written in its host's escapes: a config line inside a JSON
//! or JavaScript string (`"api_key = \"v\""`, `\n` between its lines, `\/` and `\u00XX` as
//! some serializers write them), inside a percent-encoded URL parameter
//! (`payload=API_KEY%3Dv`), or inside XML (`&amp;`, `&quot;`). The inner text is decoded,
//! with a map from each decoded byte back to the written one, and read again as lines of
//! its own: a candidate found there keeps the span of what is written in the blob, and the
//! decoded secret.

use super::kind::Kind;
use super::Candidate;

/// Decoded bytes, and for each of them (and one past the end) its offset in the written
/// text.
pub struct Decoded {
    pub bytes: Vec<u8>,
    pub map: Vec<usize>,
}

impl Decoded {
    fn push(&mut self, b: u8, at: usize) {
        self.bytes.push(b);
        self.map.push(at);
    }

    fn push_char(&mut self, c: char, at: usize) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.push(b, at);
        }
    }
}

/// JSON and JavaScript string escapes: `\"`, `\'`, `\\`, `\/`, `\n`, `\r`, `\t`, `\uXXXX`
/// (surrogate pairs joined), `\xXX`. An unknown escape keeps its character.
pub fn unescape_string(text: &[u8]) -> Decoded {
    let mut out = Decoded {
        bytes: Vec::with_capacity(text.len()),
        map: Vec::with_capacity(text.len() + 1),
    };
    let hex = |s: &[u8]| -> Option<u32> {
        std::str::from_utf8(s)
            .ok()
            .and_then(|s| u32::from_str_radix(s, 16).ok())
    };
    let mut i = 0;
    while i < text.len() {
        if text[i] != b'\\' || i + 1 >= text.len() {
            out.push(text[i], i);
            i += 1;
            continue;
        }
        let at = i;
        match text[i + 1] {
            b'n' => (out.push(b'\n', at), i += 2).1,
            b'r' => (out.push(b'\r', at), i += 2).1,
            b't' => (out.push(b'\t', at), i += 2).1,
            b'u' if i + 6 <= text.len() => match hex(&text[i + 2..i + 6]) {
                Some(high @ 0xD800..=0xDBFF)
                    if text.get(i + 6..i + 8) == Some(b"\\u") && i + 12 <= text.len() =>
                {
                    match hex(&text[i + 8..i + 12]) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            out.push_char(char::from_u32(c).unwrap_or('\u{FFFD}'), at);
                            i += 12;
                        }
                        _ => (out.push(b'u', at), i += 2).1,
                    }
                }
                Some(code) => {
                    out.push_char(char::from_u32(code).unwrap_or('\u{FFFD}'), at);
                    i += 6;
                }
                None => (out.push(b'u', at), i += 2).1,
            },
            b'x' if i + 4 <= text.len() => match hex(&text[i + 2..i + 4]) {
                Some(code) => {
                    out.push_char(char::from_u32(code).unwrap_or('\u{FFFD}'), at);
                    i += 4;
                }
                None => (out.push(b'x', at), i += 2).1,
            },
            other => (out.push(other, at), i += 2).1,
        }
    }
    out.map.push(text.len());
    out
}

/// Percent-encoding (`%3D` is `=`; `+` stays `+`: it is a space only in forms, and a
/// literal `+` in base64 tokens).
pub fn percent_decode(text: &[u8]) -> Decoded {
    let mut out = Decoded {
        bytes: Vec::with_capacity(text.len()),
        map: Vec::with_capacity(text.len() + 1),
    };
    let mut i = 0;
    while i < text.len() {
        let byte = (text[i] == b'%' && i + 3 <= text.len())
            .then(|| {
                std::str::from_utf8(&text[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .flatten();
        match byte {
            Some(b) => {
                out.push(b, i);
                i += 3;
            }
            None => {
                out.push(text[i], i);
                i += 1;
            }
        }
    }
    out.map.push(text.len());
    out
}

/// XML's predefined entities and character references (`&amp;`, `&lt;`, `&#38;`, `&#x26;`).
pub fn xml_unescape(text: &[u8]) -> Decoded {
    let mut out = Decoded {
        bytes: Vec::with_capacity(text.len()),
        map: Vec::with_capacity(text.len() + 1),
    };
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'&' {
            if let Some(semi) = text[i..(i + 10).min(text.len())]
                .iter()
                .position(|&b| b == b';')
            {
                let name = &text[i + 1..i + semi];
                let c = match name {
                    b"amp" => Some('&'),
                    b"lt" => Some('<'),
                    b"gt" => Some('>'),
                    b"quot" => Some('"'),
                    b"apos" => Some('\''),
                    [b'#', b'x' | b'X', hex @ ..] => std::str::from_utf8(hex)
                        .ok()
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32),
                    [b'#', dec @ ..] => std::str::from_utf8(dec)
                        .ok()
                        .and_then(|d| d.parse::<u32>().ok())
                        .and_then(char::from_u32),
                    _ => None,
                };
                if let Some(c) = c {
                    out.push_char(c, i);
                    i += semi + 1;
                    continue;
                }
            }
        }
        out.push(text[i], i);
        i += 1;
    }
    out.map.push(text.len());
    out
}

/// Whether text held in a string or a parameter reads as code or config of its own: a
/// `KEY=value` / `key: value` line, a call or statement holding a quoted literal
/// (`new Ably.Realtime('v')`), or a markup element with quoted attributes (a Spring bean's
/// `<property name="password" value="v"/>` held in a test's string).
pub fn reads_as_lines(text: &[u8]) -> bool {
    if text.len() > super::lexer::MAX_NESTED {
        return false;
    }
    text.split(|&b| b == b'\n').any(|line| {
        super::lexer::looks_like_assignment(line)
            || is_markup_with_attributes(line)
            // Prose that puts a value in backticks (`Your API key is \`v\``).
            || (line.contains(&b'`') && super::names::mentions_secret(line))
            || (line.iter().any(|b| matches!(b, b'"' | b'\'' | b'`'))
                && line
                    .trim_ascii_start()
                    .first()
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'$'))
    })
}

/// A line that opens with an element whose attributes are quoted (`<add key="k" value="v"/>`).
fn is_markup_with_attributes(line: &[u8]) -> bool {
    let line = line.trim_ascii_start();
    line.len() > 2
        && line[0] == b'<'
        && line[1].is_ascii_alphabetic()
        && (memchr::memmem::find(line, b"=\"").is_some()
            || memchr::memmem::find(line, b"='").is_some())
}

/// Candidates of `decoded` (the decoding of `data[src..]`, whose line starts at
/// `line_start`), each line read as `kind`, spans mapped back to `data`.
pub fn candidates(
    decoded: &Decoded,
    src: usize,
    line_start: usize,
    kind: Kind,
    data_text: impl Fn(usize, usize) -> String,
    out: &mut Vec<Candidate>,
) {
    let mut inner = Vec::new();
    let mut at = 0;
    let bytes = &decoded.bytes;
    while at <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let mut line = &bytes[at..end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        if !line.is_empty() {
            let first = inner.len();
            super::lexer::candidates_nested(line, at, line_start, kind, &mut inner);
            super::spaced::nested_statement(line, at, line_start, &mut inner);
            // A notebook's Markdown cell, a docstring held in JSON: prose
            // (`Your API key is \`v\``, `- **Password**: \`v\``).
            if kind == Kind::Unknown && super::names::mentions_secret(line) {
                super::labels::candidates(line, at, line_start, first, &mut inner);
                super::prose::candidates(line, at, line_start, first, &mut inner);
            }
        }
        at = end + 1;
    }
    for mut cand in inner {
        if cand.start > bytes.len() || cand.end > bytes.len() || cand.start > cand.end {
            continue;
        }
        let (s, e) = (src + decoded.map[cand.start], src + decoded.map[cand.end]);
        let written = data_text(s, e);
        if cand.decoded.is_none() && written != cand.value {
            cand.decoded = Some(std::mem::take(&mut cand.value));
        }
        cand.value = written;
        cand.start = s;
        cand.end = e;
        cand.quoted = true;
        cand.line_start = line_start;
        out.push(cand);
    }
}
