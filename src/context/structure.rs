//! A line's parents: the keys of the blocks it sits in, found by walking back from it.
//!
//! Every kind nests by indentation (YAML, and YAML held in other files), JSON, HCL and code
//! also by braces, INI and TOML by `[section]` headers. The walk is bounded by [`MAX_BACK`] bytes, so a line deep in a
//! large file costs the same as one near the top; a parent further up is not seen.

use super::Kind;

/// Bytes walked back from a line to find its parents.
pub const MAX_BACK: usize = 16 * 1024;

/// The keys of the blocks holding the line that starts at `line_start`, outer first.
pub fn parents(data: &[u8], kind: Kind, line_start: usize) -> Vec<String> {
    let floor = line_start.saturating_sub(MAX_BACK);
    let mut out = Vec::new();
    // Indentation nests in every kind: YAML and unknown text, and also YAML held inside
    // other files (a heredoc in a shell script or Dockerfile, a multi-line string in code,
    // a block scalar) and code that nests by indentation (`class Ably:` above `key = ...`).
    by_indent(data, line_start, floor, &mut out);
    if kind.nests_by_braces() {
        by_braces(data, line_start, floor, &mut out);
    }
    if matches!(kind, Kind::Ini | Kind::Unknown) {
        by_section(data, line_start, floor, &mut out);
    }
    if kind == Kind::Xml {
        by_tags(data, line_start, floor, &mut out);
    }
    out.reverse();
    out
}

/// The blanks that start `line`. They stop at a newline like at any other byte, so the
/// rest of a blob from a line's start gives its line's indentation: a caller need not find
/// the line's end first (on a minified line of a megabyte, a search per candidate).
fn indent_of(line: &[u8]) -> usize {
    line.iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Lines above, from nearest to farthest: `(start, line)`.
fn lines_above(
    data: &[u8],
    line_start: usize,
    floor: usize,
) -> impl Iterator<Item = (usize, &[u8])> {
    let mut end = line_start;
    std::iter::from_fn(move || {
        if end == 0 || end <= floor {
            return None;
        }
        let line_end = end - 1;
        let start = memchr::memrchr(b'\n', &data[..line_end]).map_or(0, |i| i + 1);
        end = start;
        let mut line = &data[start..line_end];
        if line.last() == Some(&b'\r') {
            line = &line[..line.len() - 1];
        }
        Some((start, line))
    })
}

/// YAML: each line above with less indentation that opens a block (`key:` with no value,
/// or `- key:`) is a parent.
fn by_indent(data: &[u8], line_start: usize, floor: usize, out: &mut Vec<String>) {
    let own = indent_of(&data[line_start..]);
    let mut limit = own;
    for (_, line) in lines_above(data, line_start, floor) {
        if limit == 0 {
            break;
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() || trimmed.starts_with(b"#") {
            continue;
        }
        let indent = indent_of(line);
        if indent >= limit {
            continue;
        }
        limit = indent;
        let body = trimmed.strip_prefix(b"- ").unwrap_or(trimmed);
        if let Some(key) = body.strip_suffix(b":") {
            out.push(unquote(key));
        } else if let Some(colon) = memchr::memchr(b':', body) {
            // `- name: X` opening a list item (`value:` below it): the item is named X.
            let key = unquote(&body[..colon]);
            if trimmed.starts_with(b"- ") && matches!(key.as_str(), "name" | "key") {
                out.push(unquote(&body[colon + 1..]));
            } else {
                out.push(key);
            }
        }
    }
}

/// Braces: each unmatched `{` or `[` above, with the key before it on its line
/// (`"speckle": {`, `variable "speckle_token" {`, `environment {`).
fn by_braces(data: &[u8], line_start: usize, floor: usize, out: &mut Vec<String>) {
    let mut depth: i32 = 0;
    for (_, line) in lines_above(data, line_start, floor) {
        for (i, &b) in line.iter().enumerate().rev() {
            match b {
                b'}' | b']' => depth += 1,
                b'{' | b'[' => {
                    if depth == 0 {
                        if let Some(key) = key_before(&line[..i]) {
                            out.push(key);
                        }
                    } else {
                        depth -= 1;
                    }
                }
                _ => {}
            }
        }
    }
}

/// The last word or string before a block opener, ignoring `=` / `:` between.
fn key_before(text: &[u8]) -> Option<String> {
    let t = text.trim_ascii_end();
    let t = t
        .strip_suffix(b"=")
        .or_else(|| t.strip_suffix(b":"))
        .unwrap_or(t)
        .trim_ascii_end();
    let t = t.strip_suffix(b"(").unwrap_or(t);
    if let Some(inner) = t.strip_suffix(b"\"").or_else(|| t.strip_suffix(b"'")) {
        let start = inner.iter().rposition(|&b| b == b'"' || b == b'\'')?;
        return Some(String::from_utf8_lossy(&inner[start + 1..]).into_owned());
    }
    let start = t
        .iter()
        .rposition(|&b| !(b.is_ascii_alphanumeric() || b"_-.$".contains(&b)))
        .map_or(0, |i| i + 1);
    (start < t.len()).then(|| String::from_utf8_lossy(&t[start..]).into_owned())
}

/// INI / TOML: the nearest `[section]` header above.
fn by_section(data: &[u8], line_start: usize, floor: usize, out: &mut Vec<String>) {
    for (_, line) in lines_above(data, line_start, floor) {
        let t = line.trim_ascii();
        if t.len() > 2 && t[0] == b'[' && t[t.len() - 1] == b']' && line[0] == b'[' {
            let inner = t.trim_ascii_start().trim_start_matches_brackets();
            out.push(String::from_utf8_lossy(inner).into_owned());
            return;
        }
    }
}

trait TrimBrackets {
    fn trim_start_matches_brackets(&self) -> &[u8];
}

impl TrimBrackets for [u8] {
    fn trim_start_matches_brackets(&self) -> &[u8] {
        let s = self.iter().position(|&b| b != b'[').unwrap_or(self.len());
        let e = self.iter().rposition(|&b| b != b']').map_or(s, |i| i + 1);
        self[s..e.max(s)].trim_ascii()
    }
}

/// XML: open tags above that are not closed before the line.
fn by_tags(data: &[u8], line_start: usize, floor: usize, out: &mut Vec<String>) {
    let mut closed: Vec<Vec<u8>> = Vec::new();
    for (_, line) in lines_above(data, line_start, floor) {
        let mut tags: Vec<(bool, &[u8], bool)> = Vec::new();
        let mut i = 0;
        while let Some(lt) = memchr::memchr(b'<', &line[i..]).map(|p| i + p) {
            let close = line.get(lt + 1) == Some(&b'/');
            let s = lt + 1 + usize::from(close);
            let e = line[s..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || b"_-.:".contains(&b)))
                .map_or(line.len(), |p| s + p);
            let gt = memchr::memchr(b'>', &line[e..]).map(|p| e + p);
            let self_closing = gt.is_some_and(|g| g > 0 && line[g - 1] == b'/');
            if e > s {
                tags.push((close, &line[s..e], self_closing));
            }
            i = gt.map_or(line.len(), |g| g + 1);
        }
        for (close, name, self_closing) in tags.into_iter().rev() {
            if self_closing {
                continue;
            }
            if close {
                closed.push(name.to_vec());
            } else if let Some(pos) = closed.iter().rposition(|c| c == name) {
                closed.remove(pos);
            } else {
                out.push(String::from_utf8_lossy(name).into_owned());
            }
        }
    }
}

fn unquote(key: &[u8]) -> String {
    let k = key.trim_ascii();
    let k = k
        .strip_prefix(b"\"")
        .and_then(|k| k.strip_suffix(b"\""))
        .or_else(|| k.strip_prefix(b"'").and_then(|k| k.strip_suffix(b"'")))
        .unwrap_or(k);
    String::from_utf8_lossy(k).into_owned()
}

/// Lines above a `value:` line searched for the `name:` / `key:` line that names it.
const SIBLING_LINES: usize = 8;

/// The name a sibling line gives the value on the line at `line_start`: a generic
/// `value:` / `example:` key whose item is named on an earlier line of the same block, at
/// the same indentation (Bruno's `auth:apikey { key: x-api-key` / `value: v }`, an OpenAPI
/// parameter's `name: X-Api-Key` ... `example: v`, a list item's `key:` / `value:`, HCL's
/// `set { name = "auth.password" value = v }` and `secret_name = "X"` ... `plaintext_value = v`).
/// The walk stops at a line indented less (the block's opener) or after `SIBLING_LINES` lines.
pub fn sibling_name(data: &[u8], line_start: usize) -> Option<String> {
    let own = indent_of(&data[line_start..]);
    let floor = line_start.saturating_sub(MAX_BACK);
    for (_, line) in lines_above(data, line_start, floor).take(SIBLING_LINES) {
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() || trimmed.starts_with(b"#") {
            continue;
        }
        let indent = indent_of(line);
        // `- name: X` opens the item that holds the value (two columns less).
        let item = trimmed.starts_with(b"- ") && indent + 2 == own;
        if indent != own && !item {
            if indent < own {
                return None;
            }
            continue;
        }
        let body = trimmed.strip_prefix(b"- ").unwrap_or(trimmed);
        // `name: X` (YAML, Bruno) or `name = "X"` (HCL: a `helm_release`'s `set` block,
        // `github_actions_secret`'s `secret_name`).
        let Some(mut colon) = memchr::memchr2(b':', b'=', body) else {
            continue;
        };
        let mut key_from = 0;
        // An XML attribute with a namespace (Android's `android:name="com.acme.API_KEY"`
        // above `android:value="v"`): the name after the prefix, up to its `=`.
        if body[colon] == b':' {
            let rest = &body[colon + 1..];
            let name_len = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                .unwrap_or(rest.len());
            if name_len > 0 && rest.get(name_len) == Some(&b'=') {
                key_from = colon + 1;
                colon += 1 + name_len;
            }
        }
        let key = unquote(&body[key_from..colon]).to_ascii_lowercase();
        if matches!(key.as_str(), "name" | "key" | "secret_name") {
            let name = unquote(
                body[colon + 1..]
                    .trim_ascii()
                    .strip_suffix(b",")
                    .unwrap_or(body[colon + 1..].trim_ascii()),
            );
            return (!name.is_empty()).then_some(name);
        }
        if item {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod indent_tests {
    use super::indent_of;

    /// The indentation read from a line's start to the blob's end is the indentation of the
    /// line alone (what `by_indent` and `sibling_name` read before, after finding the end).
    #[test]
    fn indentation_needs_no_line_end() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5_000 {
            let data: Vec<u8> = (0..(next() % 40))
                .map(|_| b"  \t\t\n\r a:-"[(next() % 10) as usize])
                .collect();
            for line_start in 0..=data.len() {
                let end = memchr::memchr(b'\n', &data[line_start..])
                    .map_or(data.len(), |i| line_start + i);
                assert_eq!(
                    indent_of(&data[line_start..]),
                    indent_of(&data[line_start..end])
                );
            }
        }
    }
}
