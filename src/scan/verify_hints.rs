//! What a verifier needs besides the secret, read from the same blob: the server a
//! self-hosted token belongs to (`server_hint`) and the other part of a two-part credential
//! (`companion`). Kept apart because it serves `verify`, not detection.

use crate::finding::Secret;
use crate::rules::Rule;

/// Bytes on either side of a finding searched for its server hint or companion.
const NEAR: usize = 64 * 1024;

/// The whole lines within [`NEAR`] bytes of `at`, with the offset of their start: a
/// finding's server hint and companion are looked for there, not over the whole blob (a
/// blob with many findings would cost its size once per finding).
fn lines_near(data: &[u8], at: usize) -> (usize, &[u8]) {
    let at = at.min(data.len());
    let floor = at.saturating_sub(NEAR);
    let from = if floor == 0 {
        0
    } else {
        memchr::memrchr(b'\n', &data[floor..at]).map_or(floor, |i| floor + i + 1)
    };
    let ceiling = at.saturating_add(NEAR).min(data.len());
    let to = memchr::memchr(b'\n', &data[ceiling..]).map_or(data.len(), |i| ceiling + i);
    (from, &data[from..to])
}

/// The server URL (`scheme://host[:port]`) that `rule`'s verify `server_hint` finds in
/// `data` nearest to `at` (its first group that took part in the match); `None` for rules
/// without one.
pub(super) fn server_hint(rule: &Rule, data: &[u8], at: usize) -> Option<String> {
    let re = rule.server_hint_regex()?;
    let (offset, data) = lines_near(data, at);
    let at = at - offset;
    re.captures_iter(data)
        .filter_map(|caps| {
            let url = (1..caps.len()).find_map(|i| caps.get(i))?;
            let text = std::str::from_utf8(url.as_bytes()).ok()?;
            // A bare host (`acme.myshopify.com`) is read as an https origin.
            let parsed = if text.contains("://") {
                url::Url::parse(text).ok()?
            } else {
                url::Url::parse(&format!("https://{text}")).ok()?
            };
            if !matches!(parsed.scheme(), "https" | "http") {
                return None;
            }
            let origin = parsed.origin().ascii_serialization();
            Some((url.start().abs_diff(at), origin))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, origin)| origin)
}

/// The other part of a two-part credential that `rule`'s verify `companion` finds in `data`
/// nearest to `at` (the first group that took part in the nearest match); `None` for rules
/// without one.
pub(super) fn companion(rule: &Rule, data: &[u8], at: usize) -> Option<Secret> {
    let re = rule.companion_regex()?;
    let (offset, data) = lines_near(data, at);
    let at = at - offset;
    re.captures_iter(data)
        .filter_map(|caps| {
            let part = (1..caps.len()).find_map(|i| caps.get(i))?;
            let text = std::str::from_utf8(part.as_bytes()).ok()?;
            Some((part.start().abs_diff(at), text))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, text)| Secret::new(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::{lines_near, NEAR};

    #[test]
    fn hints_and_companions_are_looked_for_in_whole_lines_near_the_finding() {
        let line = format!("{}\n", "x".repeat(99));
        let data = line.repeat(3000).into_bytes(); // 300 KB of 100-byte lines
        let at = 150_000 + 7;
        let (from, near) = lines_near(&data, at);
        assert!(from <= at && at < from + near.len());
        assert!(from == 0 || data[from - 1] == b'\n');
        assert_eq!(near.last(), Some(&b'x'));
        assert_eq!(data.get(from + near.len()), Some(&b'\n'));
        assert!(near.len() <= 2 * NEAR + 200);
        // A small blob is searched whole.
        assert_eq!(lines_near(b"ab\ncd", 4), (0, &b"ab\ncd"[..]));
    }
}
