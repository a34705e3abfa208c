//! XML elements: `<key>value</key>` on one line, or with the value on the next line, and
//! `<property name="key">value</property>`. (Attribute pairs, `key="K" value="V"`, are the
//! line lexer's.)

use super::{Candidate, Origin};

/// Longest element text taken as a value.
const MAX_TEXT: usize = 1024;

/// Candidates from elements that open on this line (`line` is `data[base..]`, `line_end`
/// the end of the line in `data`, so that a value on the next line can be read).
pub fn candidates(
    data: &[u8],
    line: &[u8],
    base: usize,
    line_start: usize,
    line_end: usize,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &line[i..]).map(|p| i + p) {
        i = lt + 1;
        let name_end = line[i..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b"_-.:".contains(&b)))
            .map_or(line.len(), |p| i + p);
        if name_end == i || !line[i].is_ascii_alphabetic() {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &line[name_end..]).map(|p| name_end + p) else {
            return;
        };
        if line[gt - 1] == b'/' {
            continue;
        }
        let tag = &line[i..name_end];
        let attrs = &line[name_end..gt];
        let mut close = Vec::with_capacity(tag.len() + 3);
        close.extend_from_slice(b"</");
        close.extend_from_slice(tag);
        // Same line, or the text alone on the next line(s) before the closing tag.
        let text_from = base + gt + 1;
        let search_end = (line_end + MAX_TEXT).min(data.len());
        let Some(close_at) =
            memchr::memmem::find(&data[text_from..search_end], &close).map(|p| text_from + p)
        else {
            continue;
        };
        let raw = &data[text_from..close_at];
        if raw.contains(&b'<') || raw.len() > MAX_TEXT {
            continue;
        }
        // Config held in an element, entity-escaped (`API_KEY=a&amp;b`, `&quot;v&quot;`):
        // decoded, then read as lines of its own.
        if raw.contains(&b'&') {
            let decoded = super::escapes::xml_unescape(raw);
            if super::escapes::reads_as_lines(&decoded.bytes) {
                let line_start = crate::scan::line_bounds(data, text_from).0;
                super::escapes::candidates(
                    &decoded,
                    text_from,
                    line_start,
                    super::Kind::Unknown,
                    |a, b| String::from_utf8_lossy(&data[a..b]).into_owned(),
                    out,
                );
            }
        }
        let lead = raw.iter().take_while(|b| b.is_ascii_whitespace()).count();
        let trail = raw
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        if lead + trail >= raw.len() {
            continue;
        }
        let (s, e) = (text_from + lead, close_at - trail);
        if data[s..e].contains(&b'\n') {
            continue;
        }
        if super::lexer::looks_like_assignment(&data[s..e]) {
            let line_start = crate::scan::line_bounds(data, s).0;
            super::lexer::candidates(&data[s..e], s, line_start, super::Kind::Unknown, out);
        }
        // The element's name, made only for an element that holds a value.
        let key = named_attribute(attrs)
            .or_else(|| plist_key(data, base + lt, tag))
            .unwrap_or_else(|| String::from_utf8_lossy(tag).into());
        out.push(Candidate {
            key,
            parents: Vec::new(),
            start: s,
            end: e,
            value: String::from_utf8_lossy(&data[s..e]).into_owned(),
            // `<password>a&amp;b</password>` holds `a&b`.
            decoded: data[s..e].contains(&b'&').then(|| {
                String::from_utf8_lossy(&super::escapes::xml_unescape(&data[s..e]).bytes)
                    .into_owned()
            }),
            // Element text is literal content, never code.
            quoted: true,
            callee: None,
            header: None,
            scheme: None,
            host: None,
            origin: Origin::Element,
            embedded: false,
            line_start: if s > base + line.len() {
                crate::scan::line_bounds(data, s).0
            } else {
                line_start
            },
        });
        i = gt;
    }
}

/// Longest `<key>...</key>` read before a property-list value.
const MAX_PLIST_KEY: usize = 256;

/// A property list's key for the value element opening at `open` (`<key>ApiToken</key>`
/// then `<string>...</string>`, as in `Info.plist` and macOS/iOS settings files): the text
/// of a `<key>` element right before it, whitespace apart.
fn plist_key(data: &[u8], open: usize, tag: &[u8]) -> Option<String> {
    if !matches!(tag, b"string" | b"data") {
        return None;
    }
    let before = data[..open].trim_ascii_end();
    let inner = before.strip_suffix(b"</key>")?;
    let from = inner.len().saturating_sub(MAX_PLIST_KEY);
    let start = memchr::memmem::rfind(&inner[from..], b"<key>")? + from + b"<key>".len();
    let key = inner[start..].trim_ascii();
    (!key.is_empty() && !key.contains(&b'<')).then(|| String::from_utf8_lossy(key).into_owned())
}

/// The value of a `name="..."` or `key="..."` attribute.
fn named_attribute(attrs: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(attrs);
    for name in ["name=", "key="] {
        if let Some(at) = text.find(name) {
            let rest = &text[at + name.len()..];
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let inner = &rest[1..];
                return inner.find(quote).map(|end| inner[..end].to_string());
            }
        }
    }
    None
}
