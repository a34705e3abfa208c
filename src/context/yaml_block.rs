//! YAML block scalars: a value written on the line after its key.
//!
//! `api_key: >-` (folded) or `api_key: |` (literal) says the value follows, indented, on the
//! next lines; the line reader sees only the indicator as the key's value. When the block is
//! one line (a token does not wrap), this pass reads that line and adds it as the key's
//! value. A block of several lines (a PEM key, a script, prose) is left to the rules that read
//! such content.

use super::Candidate;

/// Appends, for the candidates `out[first..]` of the line `data[line_at..line_end]` whose
/// value is a block scalar indicator, the one-line block that follows.
pub(super) fn candidates(
    data: &[u8],
    line_at: usize,
    line_end: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let mut found = Vec::new();
    for cand in &out[first..] {
        if !is_indicator(&cand.value) {
            continue;
        }
        let own = indent(&data[line_at..line_end]);
        let Some((at, next)) = next_line(data, line_end) else {
            continue;
        };
        let deeper = indent(next);
        let value = next.trim_ascii();
        if deeper <= own || value.is_empty() || value.contains(&b' ') || value.starts_with(b"#") {
            continue;
        }
        // One line only: the block ends where the indentation falls back.
        if let Some((_, after)) = next_line(data, at + next.len()) {
            if !after.trim_ascii().is_empty() && indent(after) >= deeper {
                continue;
            }
        }
        let Ok(text) = std::str::from_utf8(value) else {
            continue;
        };
        let start = at + deeper;
        let mut block = Candidate::literal(
            cand.key.clone(),
            start,
            start + value.len(),
            text.to_string(),
            cand.line_start,
            cand.origin,
        );
        block.parents = cand.parents.clone();
        found.push(block);
    }
    out.extend(found);
}

/// `|`, `>`, with an optional chomping (`-`, `+`) and indentation digit.
fn is_indicator(value: &str) -> bool {
    let mut chars = value.trim().chars();
    matches!(chars.next(), Some('|' | '>')) && chars.all(|c| matches!(c, '-' | '+' | '1'..='9'))
}

fn indent(line: &[u8]) -> usize {
    line.iter().take_while(|b| **b == b' ').count()
}

/// The line after the one ending at `line_end` (its start and text, without `\r`).
fn next_line(data: &[u8], line_end: usize) -> Option<(usize, &[u8])> {
    let at = line_end.checked_add(1).filter(|&a| a < data.len())?;
    let end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |i| at + i);
    let line = &data[at..end];
    Some((at, line.strip_suffix(b"\r").unwrap_or(line)))
}
