//! Where in a TOML file something is: its line and its dotted key.
//!
//! serde's messages for a wrong type (`invalid type: string "5", expected u64`) say what is
//! wrong but not where; a user fixing `.leakgate.toml` or a rule file needs the line and
//! the key (`line 7: verify.timeout_ms: invalid type ...`). The toml crate reports a byte
//! span; this module turns a span into a line and finds the key it belongs to by parsing
//! the document once more, with spans, and taking the innermost key that holds the span.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = floor_char_boundary(text, offset.min(text.len()));
    text[..end].matches('\n').count() + 1
}

/// The dotted key (`verify.endpoints.speckle`, `rule.regex`) whose key or value holds byte
/// `offset`, or `None` if the text does not parse or nothing holds it. Array elements are
/// not numbered: the key of the array is the useful name.
pub fn key_at(text: &str, offset: usize) -> Option<String> {
    let document = DeTable::parse(text).ok()?;
    let mut best: Option<(usize, Vec<String>)> = None;
    let mut path = Vec::new();
    visit_table(document.get_ref(), offset, &mut path, &mut best);
    best.map(|(_, keys)| keys.join("."))
}

/// `line N: key: message`, or `line N: message` when no key holds the span, or just the
/// message without a span. The message is made one line.
pub fn describe(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> String {
    let message = message.trim().replace('\n', " ");
    let Some(span) = span else {
        return message;
    };
    let line = line_of(text, span.start);
    match key_at(text, span.start) {
        // The message may already name the key (`unknown field `x``); naming it again
        // is still clearer than guessing which table it sits in.
        Some(key) => format!("line {line}: {key}: {message}"),
        None => format!("line {line}: {message}"),
    }
}

/// One step into a TOML document: a key in a table, or an index in an array.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Byte span of the value at `steps` (`[Key("rule"), Index(2), Key("regex")]`), if the text
/// parses and has it. Used to point at a value that parsed but is not acceptable (a bad
/// URL, an unknown rule id).
pub fn span_of(text: &str, steps: &[Step<'_>]) -> Option<std::ops::Range<usize>> {
    let document = DeTable::parse(text).ok()?;
    let (first, rest) = steps.split_first()?;
    let Step::Key(key) = first else {
        return None;
    };
    let mut value = document.get_ref().get(*key)?;
    for step in rest {
        value = match (step, value.get_ref()) {
            (Step::Key(key), DeValue::Table(table)) => table.get(*key)?,
            (Step::Index(i), DeValue::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(value.span())
}

fn visit_table(
    table: &DeTable<'_>,
    offset: usize,
    path: &mut Vec<String>,
    best: &mut Option<(usize, Vec<String>)>,
) {
    for (key, value) in table.iter() {
        path.push(key.get_ref().to_string());
        for span in [key.span(), value.span()] {
            if span.start <= offset && offset < span.end.max(span.start + 1) {
                let width = span.end.saturating_sub(span.start);
                if best.as_ref().is_none_or(|(w, _)| width <= *w) {
                    *best = Some((width, path.clone()));
                }
            }
        }
        visit_value(value, offset, path, best);
        path.pop();
    }
}

fn visit_value(
    value: &Spanned<DeValue<'_>>,
    offset: usize,
    path: &mut Vec<String>,
    best: &mut Option<(usize, Vec<String>)>,
) {
    match value.get_ref() {
        DeValue::Table(table) => visit_table(table, offset, path, best),
        DeValue::Array(items) => {
            for item in items.iter() {
                visit_value(item, offset, path, best);
            }
        }
        _ => {}
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(text: &str, needle: &str) -> Option<String> {
        key_at(text, text.find(needle).expect("needle in text"))
    }

    #[test]
    fn a_value_in_a_table_gets_its_dotted_key() {
        let text = "[verify]\ntimeout_ms = \"5\"\nconcurrency = 2\n";
        assert_eq!(key_of(text, "\"5\"").as_deref(), Some("verify.timeout_ms"));
        assert_eq!(key_of(text, "2\n").as_deref(), Some("verify.concurrency"));
    }

    #[test]
    fn an_array_element_gets_the_array_key() {
        let text = "[allow]\nsecrets = [\n  '^ok',\n  '(bad',\n]\n";
        assert_eq!(key_of(text, "'(bad'").as_deref(), Some("allow.secrets"));
        assert_eq!(line_of(text, text.find("'(bad'").unwrap()), 4);
    }

    #[test]
    fn inline_tables_and_arrays_of_tables_are_followed() {
        let text = "[verify]\nendpoints = { speckle = 3 }\n";
        assert_eq!(
            key_of(text, "3 }").as_deref(),
            Some("verify.endpoints.speckle")
        );
        let text = "[[rule]]\nid = \"a\"\n\n[[rule]]\nid = \"b\"\nregex = '(x'\n";
        assert_eq!(key_of(text, "'(x'").as_deref(), Some("rule.regex"));
    }

    #[test]
    fn a_key_itself_is_found() {
        let text = "[allow]\npaths = []\nsecret = []\n";
        assert_eq!(key_of(text, "secret =").as_deref(), Some("allow.secret"));
    }

    #[test]
    fn span_of_follows_keys_and_indices() {
        let text = "[[rule]]\nid = \"a\"\n\n[[rule]]\nid = \"b\"\nregex = '(x'\n";
        let span = span_of(
            text,
            &[Step::Key("rule"), Step::Index(1), Step::Key("regex")],
        );
        assert_eq!(&text[span.unwrap()], "'(x'");
        assert!(span_of(text, &[Step::Key("rule"), Step::Index(5)]).is_none());
        let text = "[verify]\nendpoints = { speckle = 'x' }\n";
        let span = span_of(
            text,
            &[
                Step::Key("verify"),
                Step::Key("endpoints"),
                Step::Key("speckle"),
            ],
        );
        assert_eq!(&text[span.unwrap()], "'x'");
    }

    #[test]
    fn describe_names_line_and_key_on_one_line() {
        let text = "[verify]\ntimeout_ms = \"5\"\n";
        let at = text.find("\"5\"").unwrap();
        let said = describe(text, Some(at..at + 3), "invalid type\nexpected u64");
        assert_eq!(said, "line 2: verify.timeout_ms: invalid type expected u64");
        assert_eq!(describe("x = ", None, "broken"), "broken");
    }
}
