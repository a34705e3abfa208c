//! What a verifier needs besides the secret, read from the same blob: the server a
//! self-hosted token belongs to (`server_hint`) and the other part of a two-part credential
//! (`companion`). Kept apart because it serves `verify`, not detection.

use crate::finding::Secret;
use crate::rules::Rule;

/// The server URL (`scheme://host[:port]`) that `rule`'s verify `server_hint` finds in
/// `data` nearest to `at` (its first group that took part in the match); `None` for rules
/// without one.
pub(super) fn server_hint(rule: &Rule, data: &[u8], at: usize) -> Option<String> {
    let re = rule.server_hint_regex()?;
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
    re.captures_iter(data)
        .filter_map(|caps| {
            let part = (1..caps.len()).find_map(|i| caps.get(i))?;
            let text = std::str::from_utf8(part.as_bytes()).ok()?;
            Some((part.start().abs_diff(at), text))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, text)| Secret::new(text.to_string()))
}
