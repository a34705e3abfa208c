//! A labelled value in prose: `- API key: `v``, `**Access token**: v`,
//! `<p><strong>Password:</strong> v</p>`, and with a dash or an arrow for the colon
//! (`Token - v`, `**API Key** - \`v\``, `Password → v`).
//!
//! READMEs, wiki pages and demo screens write credentials as a label of a few words, a
//! colon, and the value, often in a list item, in bold or inside HTML tags. The lexer reads
//! only the word before the colon as the key (`key` of `API key`) and stops at tags; this
//! pass reads the whole label of a line that is nothing but `label: value` once list
//! markers, emphasis and tags are set aside, and gives the value (one word, optionally in
//! backticks) under the label's words joined (`API_key`). The shared classifier judges it.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Most words in a label.
const MAX_LABEL_WORDS: usize = 4;
/// Longest line read.
const MAX_LINE: usize = 512;
/// Separators other than a colon that a label line writes between spaces.
const DASHES: &[&str] = &[" - ", " – ", " — ", " → ", " -> ", " => "];

/// Appends the value of the `label: value` line `line` (at `data[base..]`), if its label
/// names a credential.
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if line.len() > MAX_LINE {
        return;
    }
    let Ok(text) = std::str::from_utf8(line) else {
        return;
    };
    // The line's visible text, each kept character with its offset.
    let mut visible: Vec<(usize, char)> = Vec::new();
    let mut in_tag = false;
    for (i, ch) in text.char_indices() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '_' | '`' => {}
            _ => visible.push((i, ch)),
        }
    }
    let plain: String = visible.iter().map(|(_, c)| c).collect();
    let colon = plain
        .find(':')
        .map(|i| (i, 1))
        .or_else(|| plain.find('\u{ff1a}').map(|i| (i, '\u{ff1a}'.len_utf8())));
    // No colon: a dash or an arrow between spaces (`Token - v`, `Password → v`), after the
    // label's first letter (a list item's own `- ` is no separator).
    let dashed = colon.is_none();
    let Some((colon, colon_len)) = colon.or_else(|| {
        let from = plain.find(char::is_alphanumeric)?;
        DASHES
            .iter()
            .filter_map(|d| plain[from..].find(d).map(|i| (from + i + 1, d.len() - 2)))
            .min()
    }) else {
        return;
    };
    let label = plain[..colon]
        .trim()
        .trim_start_matches(['-', '+', '•', '#', '>'])
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ')'])
        .trim();
    // A plain `word: value` line is the lexer's; a one-word label is read here only when
    // emphasis or tags surround it.
    let decorated = visible.len() != text.chars().count();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() == 1 && !decorated && !dashed {
        return;
    }
    if words.is_empty()
        || words.len() > MAX_LABEL_WORDS
        || !words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
    {
        return;
    }
    let key = words.join("_");
    if !names_secret(&key) {
        return;
    }
    // The value, read in the written line after the colon: one word, less the emphasis,
    // backticks and tags around it.
    let Some(&(colon_at, _)) = visible.get(plain[..colon].chars().count()) else {
        return;
    };
    let mut from = colon_at + colon_len;
    let mut to = text.len();
    loop {
        let rest = &text[from..to];
        let trimmed = rest.trim_start();
        from += rest.len() - trimmed.len();
        let skip = if trimmed.starts_with('<') {
            trimmed.find('>').map_or(0, |i| i + 1)
        } else {
            ["**", "__", "`"]
                .iter()
                .find(|m| trimmed.starts_with(*m))
                .map_or(0, |m| m.len())
        };
        if skip == 0 {
            break;
        }
        from += skip;
    }
    loop {
        let rest = &text[from..to];
        let trimmed = rest.trim_end();
        to -= rest.len() - trimmed.len();
        let skip = if trimmed.ends_with('>') {
            trimmed.rfind('<').map_or(0, |i| trimmed.len() - i)
        } else {
            ["**", "__", "`"]
                .iter()
                .find(|m| trimmed.ends_with(*m))
                .map_or(0, |m| m.len())
        };
        if skip == 0 || skip > to - from {
            break;
        }
        to -= skip;
    }
    if from >= to {
        return;
    }
    let value = &text[from..to];
    // Prose, not code: a quoted or comma-ended value is an assignment the lexer reads.
    if value.contains(char::is_whitespace)
        || value.contains(['<', '>', '`', '"', '\'', ',', ';', '(', ')', '{', '}'])
    {
        return;
    }
    let (start, end) = (base + from, base + to);
    if super::names::already_named(&out[first..], start, end) {
        return;
    }
    out.push(Candidate::bare_word(
        key,
        start,
        end,
        value.as_bytes(),
        line_start,
        Origin::Assignment,
    ));
}
