//! Hook-up of the context engine ([`crate::context`]) to the scanner: the regions the
//! prefilter woke for context rules, and the files a context rule reads whole, turned into
//! candidates and kept where a rule accepts them. Kept apart so that the scanner's side of
//! the context engine reads in one place, without the regex pass around it.

use super::{AllowedLines, RawHit, Scanner};

/// Longest stretch a keyword line may span and still be skipped (see [`may_hold_value`]):
/// the context engine clips longer lines to a stretch around the keyword, and a clip
/// boundary can fall inside a value.
const MAX_SKIPPED_LINES: usize = 4096;

impl Scanner {
    /// The context engine's pass (see [`crate::context`]): key/value candidates from the
    /// lines around the woken context rules' keywords, kept where a rule accepts them; and
    /// whole files found by a rule's conventional path.
    pub(super) fn scan_context(
        &self,
        path: Option<&str>,
        data: &[u8],
        regions: &[(usize, usize, usize)],
        stretches: &[(usize, usize, usize)],
        allowed: &AllowedLines<'_>,
        found: &mut Vec<RawHit>,
    ) {
        // One pass over the context rules that may read past their keyword windows: those
        // that take the whole file as one value, and those whose `path` anchor names this
        // file (read whole, up to a bound). Most blobs meet neither, and allocate nothing.
        let mut whole: Vec<usize> = Vec::new();
        let mut by_path: Vec<usize> = Vec::new();
        match path.and_then(|p| self.paths().matching(p)) {
            Some(targets) => {
                for target in targets {
                    match target {
                        super::path_set::Target::WholeFile(i) => whole.push(i),
                        super::path_set::Target::ReadsWhole(i) => by_path.push(i),
                        super::path_set::Target::FileRule(_) => {}
                    }
                }
                // A rule with two matching anchors of a kind is woken once.
                whole.dedup();
                by_path.dedup();
            }
            // No path, or the set did not compile: each rule is asked.
            None => {
                for &i in &self.whole_file_rules {
                    let Some(context) = self.rules.rules[i].context() else {
                        continue;
                    };
                    if context.whole_file(path) {
                        whole.push(i);
                    }
                    if context.reads_whole(path) {
                        by_path.push(i);
                    }
                }
            }
        }
        if regions.is_empty() && stretches.is_empty() && whole.is_empty() && by_path.is_empty() {
            return;
        }
        use super::funnel::{add, Stage};
        add(Stage::ContextWindows, regions.len());
        let kind = crate::context::Kind::detect(path, data);
        let mut woken: Vec<usize> = regions.iter().chain(stretches).map(|r| r.0).collect();
        woken.sort_unstable();
        woken.dedup();
        // Every woken rule sees every candidate, so a keyword line may be skipped only if
        // no woken rule could accept any value on it (see `may_hold_value`); the woken
        // set itself stays as it is.
        let shortest = woken
            .iter()
            .chain(&whole)
            .chain(&by_path)
            .map(|&i| self.min_value_chars(i))
            .min()
            .unwrap_or(0);
        let mut ranges: Vec<(usize, usize, bool)> = regions
            .iter()
            .map(|r| (r.1, r.2, !self.rules.rules[r.0].spec.fallback))
            .filter(|&(start, end, wide)| {
                wide || !self.skip_valueless_lines
                    || may_hold_value(data, kind, start, end, shortest)
            })
            .collect();
        add(Stage::ContextWindowsRead, ranges.len());
        #[cfg(feature = "funnel")]
        {
            let windows: Vec<(usize, usize, usize, bool)> = regions
                .iter()
                .map(|r| (r.0, r.1, r.2, !self.rules.rules[r.0].spec.fallback))
                .filter(|&(_, start, end, wide)| {
                    wide || !self.skip_valueless_lines
                        || may_hold_value(data, kind, start, end, shortest)
                })
                .collect();
            super::funnel::by_rule(&self.rules, data, kind, &windows);
        }
        if !by_path.is_empty() {
            ranges.push((0, data.len().min(crate::context::MAX_READ_WHOLE), true));
            woken.extend(by_path);
            woken.sort_unstable();
            woken.dedup();
        }
        // Stretches of long lines are read as they are (see `Prefilter::regions_and_stretches`).
        let stretches: Vec<(usize, usize)> = stretches.iter().map(|r| (r.1, r.2)).collect();
        // Embedded documents' candidates are offered only to rules that name a provider
        // (see the pair loop below): with none woken, they are not read.
        let documents = if woken
            .iter()
            .chain(&whole)
            .any(|&i| !self.rules.rules[i].spec.fallback)
        {
            crate::context::Documents::Read
        } else {
            crate::context::Documents::Skip
        };
        let mut candidates =
            crate::context::extract_reading(data, kind, &ranges, &stretches, documents);
        if !whole.is_empty() {
            candidates.extend(crate::context::whole_file_candidate(data));
            woken.extend(whole);
            woken.sort_unstable();
            woken.dedup();
        }
        add(Stage::Candidates, candidates.len());
        if candidates.is_empty() {
            return;
        }
        let rules: Vec<(usize, &crate::context::rule::ContextRule)> = woken
            .iter()
            .filter_map(|&index| Some((index, self.rules.rules[index].context()?)))
            .collect();
        // No woken rule accepts a value of fewer characters than its `min_value_chars`
        // (`ContextRule::shape_fits` is the first check of `accepts`, and the value it
        // checks is the candidate's secret or a head of it), and a secret of fewer bytes
        // has fewer characters: such a candidate is no rule's, and is not asked.
        let fewest = woken
            .iter()
            .map(|&i| self.min_value_chars(i))
            .min()
            .unwrap_or(0);
        // Each rule's own floor, for the same reason: a candidate shorter than a rule's
        // `min_value_chars` is not asked of that rule (a provider's 32-character token is
        // not asked of every 8-character password).
        let floors: Vec<usize> = rules
            .iter()
            .map(|&(index, _)| self.min_value_chars(index))
            .collect();
        let mut facts = crate::context::rule::Facts::new(data, kind, path);
        for cand in &candidates {
            if cand.secret().len() < fewest {
                continue;
            }
            for (&(index, rule), &floor) in rules.iter().zip(&floors) {
                if cand.secret().len() < floor {
                    continue;
                }
                // A value read from a document embedded in the file's text is offered to the
                // rules that name a provider only: a generic rule judges a value by its name
                // alone, and the docstrings and fixtures that embed documents are full of
                // example values under credential names (`crate::context::embedded`).
                if cand.embedded && self.rules.rules[index].spec.fallback {
                    continue;
                }
                add(Stage::Pairs, 1);
                let Some(len) = rule.accepts(cand, &mut facts) else {
                    continue;
                };
                add(Stage::Accepted, 1);
                let secret = &cand.secret()[..len];
                // A published sample (`known_public`) is no finding, whichever rule meets it.
                if !self.is_known_public(secret.as_bytes()) {
                    // A secret shorter than the value (a token at the head of a value
                    // that runs on) ends where the token ends.
                    // (Bounded by the value's span: a value read lossily from invalid
                    // UTF-8 is not byte for byte the data.)
                    let end = match cand.decoded {
                        None if len < cand.secret().len() => (cand.start + len).min(cand.end),
                        _ => cand.end,
                    };
                    // Every extractor keeps its spans inside the blob. One that did not (a
                    // span computed in a lossily decoded copy) must not panic while the hook
                    // runs, nor lose the finding: its span is clamped to the blob and its
                    // secret carried as text.
                    let inside = cand.start <= end && end <= data.len();
                    debug_assert!(inside, "a context candidate's span lies outside the blob");
                    let (start, end) = if inside {
                        (cand.start, end)
                    } else {
                        let end = end.min(data.len());
                        (cand.start.min(end), end)
                    };
                    add(Stage::ContextHits, 1);
                    found.push(RawHit {
                        rule: crate::context::shapes::owner(&self.rules, index, secret),
                        start,
                        end,
                        // A decoded value cut short (a docstring's closing `"""`) is
                        // reported as cut; a clamped span keeps its secret as text.
                        decoded: (cand.decoded.is_some() || !inside).then(|| secret.to_string()),
                        allowed: allowed.contains(start),
                    });
                }
            }
        }
    }
}

impl Scanner {
    /// [`crate::context::rule::ContextRule::min_value_chars`] of rule `index` (0 when it
    /// gives none, or the rule is no context rule), worked out once.
    fn min_value_chars(&self, index: usize) -> usize {
        *self.context_min_chars[index].get_or_init(|| {
            self.rules.rules[index]
                .context()
                .and_then(|c| c.min_value_chars())
                .unwrap_or(0)
        })
    }
}

/// Whether the lines the context engine reads for a keyword region at `start..end` of a
/// fallback rule (the line that holds `start`, through the line that holds `end`, or the
/// line before it where the engine skips the line below the keyword line: see
/// `crate::context::extract` and `crate::context::skips_line_below`) may hold a value of
/// `shortest` characters or more, the
/// fewest any woken context rule accepts. A conservative test, true whenever any
/// extractor could find such a value there:
///
/// - a value written as is (no escapes, no joined literals) spans at least as many bytes
///   as it has characters, and holds no whitespace but at its ends, so it lies within one
///   run of non-blank bytes and the blanks next to it on its line;
/// - a quoted value, joined literals (`"ab" + "cd"`) included, lies between the first and
///   the last quote character of the lines;
/// - escapes, entities, percent-encoding and XML elements (whose text may sit on the next
///   lines) are not reasoned about: lines with `\`, `&`, `%` or `<` are always read, as
///   are lines that open a block (the engine then reads the lines below) and long lines
///   (clipped by the engine).
fn may_hold_value(
    data: &[u8],
    kind: crate::context::Kind,
    start: usize,
    end: usize,
    shortest: usize,
) -> bool {
    if shortest == 0 || start >= end {
        return true;
    }
    // The lines' bounds, searched for only as far as a skipped stretch may reach (a
    // minified line of a megabyte is not searched once per keyword on it).
    let floor = end.saturating_sub(MAX_SKIPPED_LINES);
    if start < floor {
        return true;
    }
    let Some(line_start) = (match memchr::memrchr(b'\n', &data[floor..start]) {
        Some(i) => Some(floor + i + 1),
        None => (floor == 0).then_some(0),
    }) else {
        return true;
    };
    let reach = (line_start + MAX_SKIPPED_LINES + 1).min(data.len());
    // The engine reads the line below the keyword line only where the keyword line goes
    // on there (`crate::context::skips_line_below`); the lines judged are the lines read.
    let Some(last_end) = (if end <= reach && crate::context::skips_line_below(data, end, kind) {
        Some(end - 1)
    } else {
        match memchr::memchr(b'\n', &data[end.min(reach)..reach]) {
            Some(i) => Some(end.min(reach) + i),
            None => (reach == data.len()).then_some(reach),
        }
    }) else {
        return true;
    };
    if last_end - line_start > MAX_SKIPPED_LINES {
        return true;
    }
    let line_end = memchr::memchr(b'\n', &data[start..last_end]).map_or(last_end, |i| start + i);
    if crate::context::opens_value_block(&data[line_start..line_end]) {
        return true;
    }
    let lines = &data[line_start..last_end];
    if memchr::memchr(b'<', lines).is_some() {
        return true;
    }
    // A Markdown heading that names a credential: the engine reads the rows below it
    // (`crate::context::rows`, a table of accounts without a header row).
    if kind == crate::context::Kind::Unknown
        && (lines.first() == Some(&b'#') || memchr::memmem::find(lines, b"\n#").is_some())
    {
        return true;
    }
    // A header that names a credential's column: the engine reads the rows below it
    // (`crate::context::csv_rows`).
    if kind == crate::context::Kind::Unknown
        && lines
            .split(|&b| b == b'\n')
            .any(crate::context::heads_columns)
    {
        return true;
    }
    if lines.len() < shortest {
        return false;
    }
    if memchr::memchr3(b'\\', b'&', b'%', lines).is_some() {
        return true;
    }
    let is_quote = |b: &u8| matches!(b, b'"' | b'\'' | b'`');
    if let (Some(first), Some(last)) = (
        lines.iter().position(is_quote),
        lines.iter().rposition(is_quote),
    ) {
        if last - first > shortest {
            return true;
        }
    }
    let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c);
    let mut stretch = 0;
    let mut blanks_before = 0;
    let mut run = 0;
    for &b in lines {
        if b == b'\n' {
            stretch = 0;
            blanks_before = 0;
            run = 0;
        } else if blank(b) {
            if run > 0 {
                // A run ended: the blanks after it count for it, and start the next one's.
                blanks_before = 0;
                run = 0;
            }
            blanks_before += 1;
            stretch += 1;
        } else {
            if run == 0 {
                stretch = blanks_before;
            }
            run += 1;
            stretch += 1;
        }
        if stretch >= shortest {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn holds(text: &str, shortest: usize) -> bool {
        // The region a keyword on the text's first line gets: that line, with the newline
        // before it, and the next.
        let data = format!("prelude\n{text}\nnext = 1\n");
        let start = "prelude".len();
        let end = start + 1 + text.len() + 1;
        may_hold_value(
            data.as_bytes(),
            crate::context::Kind::Code,
            start,
            end,
            shortest,
        )
    }

    #[test]
    fn the_line_below_is_judged_where_the_engine_reads_it() {
        let value = ["Hq4tN7wZ2p", "K9mR3xL6aB"].concat();
        let with_below = |line: &str, below: &str| {
            let data = format!("prelude\n{line}\n{below}\n");
            let start = "prelude".len();
            let end = start + 1 + line.len() + 1;
            may_hold_value(data.as_bytes(), crate::context::Kind::Code, start, end, 16)
        };
        // A closed keyword line: the engine does not read the line below, nor is it judged.
        assert!(!with_below(
            "token = get_token(x)",
            &format!("other = \"{value}\"")
        ));
        assert!(!with_below("if (token) {", &format!("x = \"{value}\"")));
        // A keyword line that goes on below: the line below is read and judged.
        assert!(with_below("token =", &format!("    \"{value}\"")));
        assert!(with_below(
            "- name: API_TOKEN",
            &format!("  value: {value}")
        ));
        assert!(with_below(
            "String getToken() {",
            &format!("return \"{value}\";")
        ));
    }

    #[test]
    fn a_line_without_a_long_enough_stretch_cannot_hold_a_value() {
        assert!(!holds("token = get_token(x)", 16));
        assert!(!holds("if token is None: return", 16));
        assert!(!holds("if pwd: go", 8));
    }

    #[test]
    fn any_form_a_value_may_take_keeps_the_line() {
        // As is, quoted, padded inside its quotes, joined, escaped, entity- or
        // percent-encoded, in an element, a block opened above.
        // Token-shaped values are built here, not written whole (dogfood: `leakgate scan .`).
        let value = ["Kq9mZ2pL", "xKy9PWq7", "zLm3"].concat();
        for text in [
            format!("token = {value}"),
            format!("token = 'short' or '{}'", &value[..16]),
            "token = '     Kq9mZ2pL     '".to_string(),
            format!(
                "token = \"{}\" + \"{}\" + \"{}\"",
                &value[..6],
                &value[6..12],
                &value[12..18]
            ),
            "token = \"Kq9m\\u005a2pL\"".to_string(),
            "<token>Kq9mZ2pL</token>".to_string(),
            "token=Kq9&amp;mZ2".to_string(),
            "url = a%2Fb".to_string(),
            format!("--token {value}"),
        ] {
            assert!(holds(&text, 16), "{text}");
        }
        let long = format!("token = get({})", "x, ".repeat(2000));
        assert!(holds(&long, 16), "a long line, which the engine clips");
        let data = format!("auth:\n  token: {value}\n");
        let data = data.as_bytes();
        assert!(
            may_hold_value(data, crate::context::Kind::Yaml, 5, data.len(), 16),
            "a block opens"
        );
    }

    #[test]
    fn min_value_chars_reads_the_pattern() {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let of = |id: &str| {
            rules
                .get(id)
                .and_then(|r| r.context())
                .and_then(|c| c.min_value_chars())
        };
        assert_eq!(of("box-client-secret"), Some(32));
        // 16 by its `min_length`, lowered to the shortest shape a credential's name
        // vouches for (`context::shapes`: an API key of 12 digits).
        assert_eq!(of("generic-token"), Some(12));
        // A typed password as short as the extractors' floor, every character rare
        // (`context::rule`, `context::password_value`).
        assert_eq!(
            of("generic-password"),
            Some(crate::context::password_value::FLOOR)
        );
    }

    /// The proof that skipping lines drops no finding: every example and negative example
    /// of every rule, alone and in the forms the generic rules meet (after a keyword line,
    /// between code lines that name the keyword), gives the same matches with and without
    /// the skip.
    #[test]
    fn skipping_valueless_lines_changes_no_finding() {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let mut texts: Vec<String> = Vec::new();
        for rule in &rules.rules {
            for example in rule
                .spec
                .examples
                .iter()
                .chain(&rule.spec.negative_examples)
            {
                texts.push(example.to_string());
                texts.push(format!(
                    "token = get_token(x)\n{example}\npassword: str\nsecret = None\n"
                ));
                texts.push(format!("# the api_key and token below\n{example}\n"));
                texts.push(format!("{example}\nif token: pass\n"));
            }
        }
        let skipping = Scanner::new(RuleSet::builtin().expect("built-in rules load"));
        let mut reading = Scanner::new(rules);
        reading.skip_valueless_lines = false;
        let shown = |m: &crate::scan::Match| (m.rule, m.start, m.end, m.secret.expose().to_owned());
        for text in &texts {
            let a: Vec<_> = skipping
                .scan(None, text.as_bytes())
                .iter()
                .map(shown)
                .collect();
            let b: Vec<_> = reading
                .scan(None, text.as_bytes())
                .iter()
                .map(shown)
                .collect();
            assert_eq!(
                a,
                b,
                "findings differ on an example of {} bytes",
                text.len()
            );
        }
    }
}

#[cfg(test)]
mod keyword_boundary_tests {
    use crate::rules::{KeywordBoundary, RuleSet};
    use crate::scan::prefilter::Prefilter;

    /// Lowercase, without the separators names are compared without (`context::rule`).
    fn normal(text: &str) -> String {
        crate::context::rule::normalize(text)
    }

    /// A context rule whose keywords wake it only at a word part's start must not need them
    /// anywhere else: every anchor word that holds one of its keywords asks for it at a
    /// part's start (`^`), or is a host or an Authorization scheme (a word of its own).
    #[test]
    fn a_word_bounded_context_rule_asks_for_its_keywords_at_a_part_start() {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let mut bounded = 0;
        for rule in &rules.rules {
            if rule.spec.keyword_boundary != Some(KeywordBoundary::Word) || !rule.is_context() {
                continue;
            }
            bounded += 1;
            for anchor in rule.spec.context.iter() {
                let asked = [
                    &anchor.key,
                    &anchor.key_path,
                    &anchor.not_key,
                    &anchor.callee,
                    &anchor.header,
                    &anchor.near,
                ];
                for word in asked.into_iter().flatten() {
                    for keyword in &rule.keywords {
                        let holds = normal(word).contains(&normal(keyword));
                        assert!(
                            !holds || word.starts_with('^'),
                            "{}: anchor word `{}` holds keyword `{keyword}` without `^`",
                            rule.id,
                            &**word
                        );
                    }
                }
            }
        }
        assert!(bounded >= 20, "{bounded} word-bounded context rules");
    }

    /// Whether the keyword pass wakes rule `id` anywhere in `text`.
    fn wakes(rules: &RuleSet, prefilter: &Prefilter, id: &str, text: &str) -> bool {
        let index = rules
            .rules
            .iter()
            .position(|r| &*r.id == id)
            .expect("rule exists");
        prefilter
            .regions(text.as_bytes(), |r| rules.rules[r].single_line())
            .iter()
            .any(|r| r.rule == index)
    }

    #[test]
    fn a_provider_name_glued_inside_a_word_wakes_no_window() {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let prefilter = Prefilter::for_content_rules(&rules);
        // (rule, text, wakes): the name as a key, a part of a key in every case style, a
        // callee, a host, after an escape or a percent-encoded byte; and inside words.
        let table: &[(&str, &str, bool)] = &[
            ("ably-api-key", "ABLY_API_KEY=x", true),
            ("ably-api-key", "const ablyKey = x", true),
            ("ably-api-key", "const myAblyKey = x", true),
            ("ably-api-key", "headers['x-ably-key'] = x", true),
            ("ably-api-key", "new Ably.Realtime(x)", true),
            ("ably-api-key", "url = 'https://rest.ably.io/keys'", true),
            ("ably-api-key", "env = \"A=1\\nably_key=x\"", true),
            ("ably-api-key", "q=a%0Aably_key", true),
            ("ably-api-key", "{\"ably\": {\"key\": x}}", true),
            ("ably-api-key", "this is probably fine", false),
            ("ably-api-key", "PROBABLY_FINE = 1", false),
            ("lob-api-key", "LOB_API_KEY=x", true),
            ("lob-api-key", "lobApiKey: x", true),
            ("lob-api-key", "for f in glob.glob(p): blob = f", false),
            ("lob-api-key", "GLOBAL_STATE = 1", false),
            ("rollbar-access-token", "rollbar.init(x)", true),
            ("rollbar-access-token", "ROLLBAR_TOKEN=x", true),
            ("rollbar-access-token", ".scrollbar { width: 1px }", false),
            ("openweather-api-key", "OWM_API_KEY=x", true),
            ("openweather-api-key", "growmore = 1", false),
            ("customerio-api-key", "CIO_SITE_ID=x", true),
            ("customerio-api-key", "ratio = precision", false),
            ("box-client-secret", "BOX_CLIENT_SECRET=x", true),
            ("box-client-secret", "dropboxBoxKey = x", true),
            ("box-client-secret", "<input type=\"checkbox\">", false),
            ("okta-api-token", "Authorization: SSWS x", true),
        ];
        for &(id, text, expected) in table {
            assert_eq!(
                wakes(&rules, &prefilter, id, text),
                expected,
                "{id}: {text}"
            );
        }
    }

    /// Ably's `app.key:secret` shape, built at run time (dogfood: `leakgate scan .`).
    fn ably_key() -> String {
        [
            "Wr9fMX.Hf_ags:",
            "35sdgBnQRtvbLprYwArWoB5Zig",
            "RwcZIcbD_fcNB2ZOM",
        ]
        .concat()
    }

    /// The values of a word-bounded rule are found in every form they were found before:
    /// keys in each case style, a parent block, a joined literal, a value below its name.
    #[test]
    fn word_bounded_rules_keep_their_values() {
        let scanner = crate::scan::Scanner::new(RuleSet::builtin().expect("built-in rules load"));
        let key = ably_key();
        let (head, tail) = key.split_at(20);
        let texts = [
            format!("ABLY_API_KEY={key}\n"),
            format!("const myAblyKey = \"{key}\";\n"),
            format!("ably:\n  key: {key}\n"),
            format!("const ablyKey = \"{head}\" + \"{tail}\";\n"),
            format!("new Ably.Realtime('{key}')\n"),
            format!("env:\n  ABLY_KEY: \"{key}\"\n"),
        ];
        for text in &texts {
            let found = scanner
                .scan(None, text.as_bytes())
                .iter()
                .any(|m| &*scanner.rules().rules[m.rule].id == "ably-api-key");
            assert!(
                found,
                "ably-api-key not found in a text of {} bytes",
                text.len()
            );
        }
    }

    /// A credential deep inside a long line (minified JavaScript, a JSON document on one
    /// line), with other text and other keywords before and after it, is found at its own
    /// byte offset and column: the long line is read only in stretches around its keywords
    /// (`Prefilter::regions_and_stretches`), and the stretches' offsets are the blob's.
    #[test]
    fn a_credential_deep_inside_a_long_line_is_found_at_its_column() {
        let scanner = crate::scan::Scanner::new(RuleSet::builtin().expect("built-in rules load"));
        // Built at run time (dogfood: `leakgate scan .`): a generic API key.
        let ably = ably_key();
        let generic = ["q8Vd2LmZ", "x4Rt7NbK", "p1Ws9HcE", "y6Jf3GuA"].concat();
        let js = "function n(e){return e.t+1};var r={a:\"b\",c:[1,2,3],nextToken:null};";
        let json = "{\"id\":12,\"name\":\"row\",\"tags\":[\"a\",\"b\"],\"pageToken\":\"\"},";
        let cases: Vec<(String, &str, String, &str)> = vec![
            (
                js.repeat(300),
                "ably-api-key",
                format!("var o={{ablyKey:\"{ably}\"}};"),
                "bundle.min.js",
            ),
            (
                js.repeat(300),
                "generic-api-key",
                format!("c.apiKey=\"{generic}\";"),
                "bundle.min.js",
            ),
            (
                json.repeat(200),
                "generic-api-key",
                format!("{{\"api_key\":\"{generic}\"}},"),
                "rows.json",
            ),
        ];
        for (filler, id, statement, path) in &cases {
            // Cut the filler only between its units (whole statements, whole objects).
            let unit = if path.ends_with(".json") {
                json.len()
            } else {
                js.len()
            };
            let half = unit * (filler.len() / unit / 2);
            for (before, after) in [
                (filler.len(), filler.len()),
                (half, unit),
                (unit, filler.len()),
            ] {
                let mut text = String::from("// head\n");
                text.push_str(&filler[..before]);
                let secret = if *id == "ably-api-key" {
                    &ably
                } else {
                    &generic
                };
                let at = text.len()
                    + statement
                        .find(secret.as_str())
                        .expect("secret in statement");
                text.push_str(statement);
                text.push_str(&filler[..after]);
                text.push('\n');
                assert!(text.len() > 2 * crate::scan::prefilter::LONG_LINE);
                let found = scanner.scan(Some(path), text.as_bytes());
                let hit = found.iter().find(|m| m.start == at);
                let Some(hit) = hit else {
                    panic!(
                        "{id}: nothing found at {at} in a line of {} bytes",
                        text.len()
                    );
                };
                assert_eq!(
                    (hit.line, hit.column),
                    (2, at - "// head\n".len() + 1),
                    "{id}"
                );
                assert_eq!(hit.end, at + secret.len(), "{id}");
            }
        }
    }
}
