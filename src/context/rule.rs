//! Context rules, checked and ready to run: a value shape plus anchors (see
//! docs/context-rules.md for the TOML a user writes).

use super::names::names_secret;
use super::{classify, structure, urls, Candidate, Kind, Origin};
use crate::rules::lazy_regex::LazyRegex;
use crate::rules::syntax::{ContextSpec, SpecText, ValueSpec};
use crate::rules::validator::Validator;
use crate::scan::checksum::Validate;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Bytes around a candidate's line searched for a URL host.
const HOST_REACH: usize = 2 * 1024;
/// Lines above a value's line that a `near` anchor reads.
const NEAR_LINES: usize = 3;
/// Bytes of a (long) line before and after the value that a `near` anchor reads.
const NEAR_REACH: usize = 1024;

/// A compiled context rule.
#[derive(Debug)]
pub struct ContextRule {
    charset: Option<[bool; 256]>,
    /// The value's `pattern`, anchored at both ends. Compiled on first use, like a content
    /// rule's regex: a hook run pays only for the rules whose candidates it meets.
    pattern: Option<LazyRegex<regex::Regex>>,
    /// `pattern` anchored at the start only: the token at the head of an unquoted value
    /// that runs on past it (`key: <token>"""`, `<token></value>`).
    pattern_head: Option<LazyRegex<regex::Regex>>,
    /// The `pattern` states no shape: one run of a class that admits nearly every printable
    /// character (`[^\s"'<]{16,64}`, a password its user chose). The shared classifier
    /// judges such a value, as it judges a value without a `pattern`.
    shapeless: bool,
    min_length: usize,
    /// Values from this many characters up to `min_length` pass only when drawn through
    /// and through ([`ContextRule::accepts_short_drawn`]).
    rare_min_length: Option<usize>,
    max_length: usize,
    min_entropy: Option<f64>,
    validator: Option<Validator>,
    generated: bool,
    quoted_in_bundles: bool,
    /// `not_prefix`, lowercase: values that start with one are another rule's token.
    not_prefix: Vec<String>,
    anchors: Vec<Anchor>,
    /// Every word of the anchors that need a `key` (see [`ContextRule::keyed_may_hold`]),
    /// built on first use: a hook run builds only the searchers of the rules it asks.
    key_words: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
}

#[derive(Debug)]
struct Anchor {
    key: Words,
    key_path: Words,
    not_key: Words,
    callee: Words,
    header: Vec<String>,
    scheme: Vec<String>,
    host: Vec<String>,
    near: Words,
    file: Option<LazyRegex<regex::Regex>>,
    path: Option<LazyRegex<regex::Regex>>,
}

/// Lowercase, without `_`, `-`, `.`, spaces and `$`: the form keys and words are compared in.
pub fn normalize(text: &str) -> String {
    // Keys are nearly always ASCII: a byte loop, without Unicode case tables (the same
    // result: an ASCII letter's lowercase is its ASCII lowercase).
    if text.is_ascii() {
        return text
            .bytes()
            .filter(|b| !matches!(b, b'_' | b'-' | b'.' | b' ' | b'$' | b'@'))
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    text.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' ' | '$' | '@'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn normalized(words: &[SpecText]) -> Vec<String> {
    words.iter().map(|w| normalize(w)).collect()
}

/// `hay.contains(needle)`, for the short names anchors look in: compared byte by byte
/// there (`str::contains` sets up a two-way searcher on every call, which costs more than
/// the search of a name), searched as before in longer text (a `near` anchor's lines).
fn contains_short(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    if hay.len() > 64 || needle.is_empty() {
        return memchr::memmem::find(hay, needle).is_some();
    }
    needle.len() <= hay.len()
        && hay
            .windows(needle.len())
            .any(|win| win.iter().zip(needle).all(|(a, b)| a == b))
}

/// Words an anchor looks for in a key, a parent key or a callee, normalized. A word written
/// with a leading `^` must start a part of the name (at its start, after a separator, or at
/// a lower-to-upper case change): `^box` finds `BOX_TOKEN` and `dropboxBoxKey`'s `Box`, not
/// `inbox_key` or `checkbox`. A word written with a trailing `$` must end the name: `^pass$`
/// finds `pass`, `DB_PASS` and `smtpPass`, not `passport`, `pass_through` or `bypass`.
#[derive(Debug, Default)]
struct Words(Vec<Word>);

#[derive(Debug)]
struct Word {
    text: String,
    starts_part: bool,
    ends_name: bool,
}

impl Words {
    fn new(words: &[SpecText]) -> Words {
        Words(
            words
                .iter()
                .map(|w| {
                    let (w, starts_part) = match w.strip_prefix('^') {
                        Some(rest) => (rest, true),
                        None => (w.as_str(), false),
                    };
                    let (w, ends_name) = match w.strip_suffix('$') {
                        Some(rest) if !rest.is_empty() => (rest, true),
                        _ => (w, false),
                    };
                    // `*`: any name (`callee = ["*"]`: an argument of any call).
                    let w = if w == "*" { "" } else { w };
                    Word {
                        text: normalize(w),
                        starts_part,
                        ends_name,
                    }
                })
                .collect(),
        )
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the list holds `*`, any name.
    fn any_name(&self) -> bool {
        self.0.iter().any(|w| w.text.is_empty())
    }

    /// Whether `name` (as written) holds one of the words.
    fn found_in(&self, name: &str) -> bool {
        self.found_in_normal(&normalize(name), name, &OnceCell::new())
    }

    /// [`Words::found_in`] of a name prepared once for many word lists.
    fn found_in_name(&self, name: &Name) -> bool {
        self.found_in_normal(&name.normal, &name.written, &name.starts)
    }

    /// [`Words::found_in`], given `name`, its [`normalize`]d form, and a cell for its
    /// [`part_starts`] (worked out on the first word that needs them: once per name, not
    /// once per word list, when the name is a [`Name`]).
    fn found_in_normal(&self, normal: &str, name: &str, starts: &OnceCell<Vec<usize>>) -> bool {
        let starts = || starts.get_or_init(|| part_starts(name));
        self.0.iter().any(|word| {
            let text = word.text.as_str();
            if word.ends_name {
                if !normal.ends_with(text) {
                    return false;
                }
                if !word.starts_part {
                    return true;
                }
                let at = normal.len() - text.len();
                return starts().contains(&at);
            }
            if !word.starts_part {
                return contains_short(normal, text);
            }
            let starts = starts();
            normal
                .match_indices(text)
                .any(|(at, _)| starts.contains(&at))
        })
    }
}

/// Byte offsets in [`normalize`]`(name)` where a part of `name` starts: its start, after a
/// separator or another non-alphanumeric character, and at a lower-to-upper case change.
fn part_starts(name: &str) -> Vec<usize> {
    if name.is_ascii() {
        return ascii_part_starts(name.as_bytes());
    }
    char_part_starts(name)
}

/// [`part_starts`] of an ASCII name (nearly every key), byte by byte: for an ASCII
/// character the Unicode tests are the ASCII ones, and its lowercase is one byte.
fn ascii_part_starts(name: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut len = 0;
    let mut prev: Option<u8> = None;
    for &c in name {
        if matches!(c, b'_' | b'-' | b'.' | b' ' | b'$' | b'@') {
            prev = Some(c);
            continue;
        }
        let starts_part = match prev {
            None => true,
            Some(p) => {
                !p.is_ascii_alphanumeric()
                    || ((p.is_ascii_lowercase() || p.is_ascii_digit()) && c.is_ascii_uppercase())
            }
        };
        if starts_part {
            starts.push(len);
        }
        len += 1;
        prev = Some(c);
    }
    starts
}

/// [`part_starts`] of any name, by `char`s and their Unicode properties.
fn char_part_starts(name: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut len = 0;
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if matches!(c, '_' | '-' | '.' | ' ' | '$' | '@') {
            prev = Some(c);
            continue;
        }
        let starts_part = match prev {
            None => true,
            Some(p) => {
                !p.is_alphanumeric()
                    || ((p.is_lowercase() || p.is_ascii_digit()) && c.is_uppercase())
            }
        };
        if starts_part {
            starts.push(len);
        }
        len += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        prev = Some(c);
    }
    starts
}

impl ContextRule {
    /// Checks a rule's `[rule.value]` and `[[rule.context]]` tables. `fallback` rules skip
    /// unquoted values in minified bundles unless told otherwise.
    pub fn from_spec(
        value: Option<&ValueSpec>,
        anchors: &[ContextSpec],
        fallback: bool,
    ) -> Result<ContextRule, String> {
        let default = ValueSpec::default();
        let value = value.unwrap_or(&default);
        if anchors.is_empty() {
            return Err("`[rule.value]` needs at least one `[[rule.context]]` anchor".into());
        }
        let charset = match &value.charset {
            None => None,
            Some(class) => Some(charset_table(class)?),
        };
        let (pattern, pattern_head) = match &value.pattern {
            None => (None, None),
            Some(p) => (
                Some(LazyRegex::new(&format!("^(?:{p})$"))),
                Some(LazyRegex::new(&format!("^(?:{p})"))),
            ),
        };
        let validator = match &value.validator {
            None => None,
            Some(name) => Some(Validator::by_name(name).ok_or_else(|| {
                format!(
                    "unknown validator `{name}` (known: {})",
                    Validator::NAMES.join(", ")
                )
            })?),
        };
        let (min_length, max_length) = (
            value.min_length.unwrap_or(8),
            value.max_length.unwrap_or(256),
        );
        if min_length == 0 || min_length > max_length {
            return Err(format!(
                "value length {min_length}..{max_length} is empty or starts at 0"
            ));
        }
        if let Some(rare) = value.rare_min_length {
            if rare < super::password_value::SHORT || rare >= min_length {
                return Err(format!(
                    "rare_min_length {rare} must be at least {} and under min_length {min_length}",
                    super::password_value::SHORT
                ));
            }
        }
        let anchors = anchors
            .iter()
            .map(|a| {
                let file = a.file.as_deref().map(LazyRegex::new);
                let path = a.path.as_deref().map(LazyRegex::new);
                let anchor = Anchor {
                    key: Words::new(&a.key),
                    key_path: Words::new(&a.key_path),
                    not_key: Words::new(&a.not_key),
                    callee: Words::new(&a.callee),
                    header: normalized(&a.header),
                    scheme: normalized(&a.scheme),
                    host: a.host.iter().map(|h| h.to_ascii_lowercase()).collect(),
                    near: Words::new(&a.near),
                    file,
                    path,
                };
                if anchor.key.is_empty()
                    && anchor.key_path.is_empty()
                    && anchor.callee.is_empty()
                    && anchor.header.is_empty()
                    && anchor.scheme.is_empty()
                    && anchor.file.is_none()
                    && ((anchor.near.is_empty() && anchor.host.is_empty())
                        || value.pattern.is_none())
                {
                    return Err(
                        "a context anchor needs `key`, `key_path`, `callee`, `header`, `scheme` or `file` \
                         (or `near` or `host`, in a rule whose value has a `pattern`)"
                            .to_string(),
                    );
                }
                Ok(anchor)
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(ContextRule {
            charset,
            shapeless: value.pattern.as_deref().is_some_and(is_shapeless),
            pattern,
            pattern_head,
            min_length,
            rare_min_length: value.rare_min_length,
            max_length,
            min_entropy: value.min_entropy,
            validator,
            generated: value.generated.unwrap_or(true),
            quoted_in_bundles: value.quoted_in_bundles.unwrap_or(fallback),
            not_prefix: value
                .not_prefix
                .iter()
                .map(|p| p.to_ascii_lowercase())
                .collect(),
            anchors,
            key_words: std::sync::OnceLock::new(),
        })
    }

    /// The fewest characters a value this rule accepts can have, if its value can hold no
    /// ASCII whitespace but at its ends (a `pattern` that matches none, or the classifier,
    /// which rejects a value with whitespace inside): the larger of `min_length` and the
    /// shortest match of `pattern`. `None` when the value may hold whitespace, or the
    /// pattern does not parse. The scanner uses it to skip keyword lines that hold no
    /// stretch that long (src/scan/context_pass.rs).
    pub fn min_value_chars(&self) -> Option<usize> {
        let Some(pattern) = &self.pattern else {
            let min = self.rare_min_length.unwrap_or(self.min_length);
            // A value of a shape a name vouches for may be shorter (`super::shapes`: 12
            // digits).
            if self.charset.is_none() && self.generated {
                return Some(min.min(super::shapes::SHORTEST));
            }
            return Some(min);
        };
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&pattern.source)
            .ok()?;
        let (chars, whitespace) = shortest_chars(&hir);
        (!whitespace).then_some(self.min_length.max(chars))
    }

    /// The regexes of the anchors' `file` conditions.
    pub fn file_patterns(&self) -> impl Iterator<Item = &regex::Regex> {
        self.anchors
            .iter()
            .filter_map(|a| a.file.as_ref().and_then(LazyRegex::get))
    }

    /// Compiles every regex of the rule now, reporting the first that is wrong: user rules
    /// at load, built-in ones in the test suite.
    pub fn compile(&self) -> Result<(), String> {
        for pattern in [&self.pattern, &self.pattern_head].into_iter().flatten() {
            pattern
                .try_get()
                .map_err(|e| format!("invalid value pattern: {e}"))?;
        }
        for anchor in &self.anchors {
            if let Some(file) = &anchor.file {
                file.try_get()
                    .map_err(|e| format!("invalid context file regex: {e}"))?;
            }
            if let Some(path) = &anchor.path {
                path.try_get()
                    .map_err(|e| format!("invalid context path regex: {e}"))?;
            }
        }
        Ok(())
    }

    /// The sources of the anchors' `file` regexes (for the scanner's set of path patterns).
    pub fn file_sources(&self) -> impl Iterator<Item = &str> {
        self.anchors
            .iter()
            .filter_map(|a| a.file.as_ref().map(|re| re.source.as_str()))
    }

    /// The sources of the anchors' `path` regexes (for the scanner's set of path patterns).
    pub fn path_sources(&self) -> impl Iterator<Item = &str> {
        self.anchors
            .iter()
            .filter_map(|a| a.path.as_ref().map(|re| re.source.as_str()))
    }

    /// Whether an anchor has a `file` condition (the whole file is the secret), asked
    /// without compiling its regex: the scanner asks every rule at start-up (issue 17).
    pub fn has_file_anchor(&self) -> bool {
        self.anchors.iter().any(|a| a.file.is_some())
    }

    /// Whether an anchor names files by their path (`path`): such files are read whole.
    pub fn has_path_anchor(&self) -> bool {
        self.anchors.iter().any(|a| a.path.is_some())
    }

    /// Whether `path` is a file that a `path` anchor reads whole.
    pub fn reads_whole(&self, path: Option<&str>) -> bool {
        path.is_some_and(|p| {
            self.anchors.iter().any(|a| {
                a.path
                    .as_ref()
                    .and_then(LazyRegex::get)
                    .is_some_and(|re| re.is_match(p))
            })
        })
    }

    /// Whether `value` has the rule's shape (charset and length).
    pub fn shape_fits(&self, value: &str) -> bool {
        let n = value.chars().count();
        if n < self.min_length || n > self.max_length {
            return false;
        }
        let charset_fits = match &self.charset {
            Some(table) => value.bytes().all(|b| table[b as usize]),
            None => true,
        };
        let owned_elsewhere = self.not_prefix.iter().any(|p| {
            value
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
        charset_fits
            && !owned_elsewhere
            && self
                .pattern
                .as_ref()
                .is_none_or(|re| re.get().is_some_and(|re| re.is_match(value)))
    }

    /// The length in bytes of the candidate's secret if it is this rule's secret: all of
    /// it, or for a rule with a `pattern`, the token at the head of a value written as is
    /// that runs on past the token into a closing quote or tag.
    pub fn accepts(&self, cand: &Candidate, facts: &mut Facts<'_>) -> Option<usize> {
        let mut value = cand.secret();
        let head = self.pattern_head.as_ref().and_then(LazyRegex::get);
        if let (Some(head), None) = (head, &cand.decoded) {
            if let Some(m) = head.find(value) {
                let next = value.as_bytes().get(m.end());
                if next.is_none_or(|&b| !(b.is_ascii_alphanumeric() || b"_-+/=".contains(&b))) {
                    value = &value[..m.end()];
                }
            }
        }
        // An unquoted value that keeps a docstring's closing `"""` (`api_token: <v>"""` in a
        // module's EXAMPLES) is the value before it, in every kind of file.
        if self.pattern.is_none() {
            value = classify::without_closing_triple_quote(value);
        }
        self.accepts_value(value, cand, facts)
            .then_some(value.len())
    }

    /// Whether any anchor holds for `cand`. With `gated`, the anchors that need a `key` are
    /// asked only when [`ContextRule::keyed_may_hold`] says one of them may: the same answer
    /// (the gate is a necessary condition of each such anchor), without asking each anchor's
    /// words in turn of every candidate × rule pair, nearly all of which no anchor holds
    /// for (session 14's profile: the anchors were 4 % of a scan, 8 % of a minified
    /// bundle's).
    fn anchors_hold(&self, cand: &Candidate, facts: &mut Facts<'_>, gated: bool) -> bool {
        let mut keyed_may_hold: Option<bool> = None;
        self.anchors.iter().any(|anchor| {
            if gated && anchor.file.is_none() && !anchor.key.is_empty() {
                let may = match keyed_may_hold {
                    Some(may) => may,
                    None => *keyed_may_hold.insert(self.keyed_may_hold(cand, facts)),
                };
                if !may {
                    return false;
                }
            }
            anchor.holds(cand, facts)
        })
    }

    /// False only when no anchor that needs a `key` (and reads no `file`) can hold for
    /// `cand`: such an anchor holds only if one of its key words is found in the
    /// candidate's effective name ([`Words::found_in_name`]), and each way a word is found
    /// (anywhere, at a part's start, at the name's end) finds its normalized text inside
    /// the name's normalized form. So a name that holds none of the texts of all those
    /// words, searched for at once, meets none of those anchors.
    fn keyed_may_hold(&self, cand: &Candidate, facts: &mut Facts<'_>) -> bool {
        let words = self.key_words.get_or_init(|| {
            let texts: Vec<&str> = self
                .anchors
                .iter()
                .filter(|a| a.file.is_none())
                .flat_map(|a| a.key.0.iter().map(|w| w.text.as_str()))
                .collect();
            aho_corasick::AhoCorasick::new(texts).ok()
        });
        match words {
            Some(words) => words.is_match(effective_name(cand, facts).normal.as_str()),
            None => true,
        }
    }

    fn accepts_value(&self, value: &str, cand: &Candidate, facts: &mut Facts<'_>) -> bool {
        if self
            .rare_min_length
            // (A value of fewer bytes than `rare` has fewer characters: not counted.)
            .is_some_and(|rare| {
                value.len() >= rare && (rare..self.min_length).contains(&value.chars().count())
            })
        {
            // A signing secret someone typed is judged as a typed password below when it is
            // not drawn (`super::typed_secret`).
            if self.accepts_short_drawn(value, cand, facts) {
                return true;
            }
            if !names_typed_secret(cand, facts) {
                return false;
            }
        }
        // A value of a shape a credential's name may vouch for (a 64-hex password, a UUID
        // API key, a 15-digit key, a JWT longer than the rule's bound: `super::shapes`) is
        // judged by its own shape's checks, not the rule's length and entropy floors.
        let named_shape = if self.pattern.is_none() && self.charset.is_none() && self.generated {
            super::shapes::fits(value)
        } else {
            None
        };
        // A signing secret someone typed, shorter than the rule's floor for generated
        // secrets but of a typed password's length (`jwt.sign(payload, "v")`,
        // `SECRET_KEY = "v"`): judged as one below (`super::typed_secret`).
        let generic_rule = self.pattern.is_none() && self.charset.is_none() && self.generated;
        let short_typed_secret = generic_rule
            && named_shape.is_none()
            && !self.shape_fits(value)
            && (super::password_value::SHORT..=self.max_length).contains(&value.chars().count())
            && names_typed_secret(cand, facts);
        if !self.shape_fits(value) && named_shape.is_none() && !short_typed_secret {
            return false;
        }
        // A form body taken whole after its first key (`oauth_token=29971f&oauth_token_secret=
        // 238eb8&...`): the field's own value must have the rule's shape too.
        if self.pattern.is_none() {
            let field = classify::form_field_value(value);
            if field.len() < value.len() && !self.shape_fits(field) {
                return false;
            }
        }
        if self.quoted_in_bundles && !cand.quoted && facts.bundle {
            return false;
        }
        if !self.anchors_hold(cand, facts, true) {
            return false;
        }
        // `FAKE_API_KEY = "..."`, `dummyToken`: a fixture named as one.
        if super::names::names_stand_in(&cand.key) {
            return false;
        }
        // A `pattern` states the exact shape (a provider's token format), so only stand-ins
        // are dropped; otherwise the shared classifier decides whether this is a literal.
        // Whether the name vouched for the value's shape (the classifier alone dropped it).
        let mut by_shape = false;
        // Under a password's name a literal of the rule's length is judged as a typed
        // password (`super::password_value`): by how rare its pieces are, not by the
        // identifier, word and entropy tests made for generated tokens. Not in a
        // translation file, where it is the word "password" in a language.
        let generic = self.pattern.is_none() && self.charset.is_none() && self.generated;
        // A signing secret a person sets (`app.secret_key`, `jwt.sign(payload, "v")`) is
        // judged so too (`super::typed_secret`).
        let typed_password = |facts: &mut Facts<'_>| {
            generic
                && !facts.translations
                && (self.shape_fits(value) || short_typed_secret)
                && (super::shapes::names_typed_password(&effective_name(cand, facts).normal)
                    || names_typed_secret(cand, facts))
                && classify::judge_typed_password(value).is_ok()
                && !elided_after(facts.data, cand.end)
        };
        let mut by_password = false;
        // A number written without quotes in code is a flag, a field number or a code
        // under a password's name, never a password (`super::code_numbers`).
        if generic
            && super::code_numbers::is_number_in_code(
                value,
                cand.quoted,
                facts.kind,
                facts.data.get(cand.end..).unwrap_or_default(),
            )
            && super::shapes::names_password(&effective_name(cand, facts).normal)
        {
            return false;
        }
        // Below `password_value::SHORT` characters (down to the rule's floor) a value is a
        // password only when it reaches the rule as one someone typed, under a password's
        // name, and every character of it is rare: no word, sequence, repeat or stand-in
        // (`48213`, `k7#Qz`; not `admin`, `12345`, `root1`).
        if generic && value.chars().count() < super::password_value::SHORT {
            return typed_password(facts)
                && super::password_value::rare_chars(value) == value.chars().count()
                && self.validator.is_none_or(|v| v.validate(value));
        }
        let literal = match self.pattern {
            Some(_) if !self.shapeless => {
                // A run of the digits or the alphabet (`0123456789012...`) fills a field in
                // tests and docs; a generated token of any provider's shape almost never
                // holds one.
                let stand_in = super::stand_in::placeholder::is_placeholder(value)
                    || super::stand_in::placeholder::is_sequence_filler(value);
                let name = self.generated && classify::made_of_words(value);
                !(stand_in || name)
            }
            _ => match classify::judge(value, self.generated) {
                // A value of a vouched-for shape below the rule's entropy floor (32 hex
                // digits drawn at random fall under 3.5 bits one time in five) is judged by
                // its shape's own checks below. Under a password's name, words, sequences
                // and repeats are a stand-in or a guess (`qwerty123`, `87654321`), whatever
                // their entropy.
                Ok(())
                    if self.shape_fits(value)
                        && (named_shape.is_none() || self.above_floor(value)) =>
                {
                    !(generic
                        && super::password_value::is_trivial(value)
                        && super::shapes::names_password(&effective_name(cand, facts).normal))
                }
                judged => {
                    by_shape = named_shape.is_some_and(|shape| {
                        (judged.is_ok() || shape != super::shapes::Shape::Jwt)
                            && (super::shapes::vouched(
                                shape,
                                value,
                                &effective_name(cand, facts).normal,
                                &super::shapes::Place {
                                    path: facts.path,
                                    data: facts.data,
                                    line_start: cand.line_start,
                                },
                            ) || super::sent_tokens::vouched(shape, value, cand)
                                || super::placed_shapes::vouched(
                                    shape,
                                    value,
                                    &effective_name(cand, facts).normal,
                                    cand,
                                    facts.data,
                                ))
                    });
                    by_password = !by_shape && typed_password(facts);
                    by_shape || by_password
                }
            },
        };
        if !literal {
            return false;
        }
        // A name that says only "credentials" vouches for no shape but a key's hex: the
        // value must look generated by its characters too (`super::shapes`).
        if generic
            && !by_shape
            && super::shapes::names_credentials_only(&effective_name(cand, facts).normal)
            && !super::shapes::mixes_digits_and_letters(value)
        {
            return false;
        }
        // A shape the name vouched for has its own checks (`super::shapes`); the rule's
        // entropy floor, made for mixed characters, is not one of them (sixteen letters
        // drawn from twenty-six may repeat a few).
        if named_shape.is_some() && (by_shape || !self.shape_fits(value)) {
            return self.validator.is_none_or(|v| v.validate(value));
        }
        if let Some(min) = self.min_entropy {
            if !by_password
                && crate::scan::entropy::shannon(value.as_bytes()) < min
                && !typed_password(facts)
            {
                return false;
            }
        }
        self.validator.is_none_or(|v| v.validate(value))
    }

    /// A value under `min_length` and at least `rare_min_length` long: the rule's anchors
    /// hold, the shared classifier finds no code, reference or stand-in, and the value is
    /// drawn, not built: letters mixed with digits, not words, and at least three quarters
    /// of its characters outside words, sequences and repeats
    /// ([`super::password_value::rare_chars`]). A name's short value (`secret = "test1234"`,
    /// `"mysecret1"`, `"abc12345"`) is none of these, and a short value under an id's or a
    /// version's name (`secret_id`, `SECRET_VERSION`) is no secret. Nor is one in a
    /// docstring: a module's EXAMPLES (Ansible's `api_secret: 0ce239a6`), where short sample
    /// values abound.
    fn accepts_short_drawn(&self, value: &str, cand: &Candidate, facts: &mut Facts<'_>) -> bool {
        let n = value.chars().count();
        let charset_fits = match &self.charset {
            Some(table) => value.bytes().all(|b| table[b as usize]),
            None => true,
        };
        charset_fits
            && self.pattern.is_none()
            && !(self.quoted_in_bundles && !cand.quoted && facts.bundle)
            && !facts.translations
            && !super::names::names_stand_in(&cand.key)
            && self.anchors_hold(cand, facts, true)
            && !super::shapes::names_id(&effective_name(cand, facts).normal)
            && !super::shapes::in_docstring(&super::shapes::Place {
                path: facts.path,
                data: facts.data,
                line_start: cand.line_start,
            })
            && classify::judge_typed_password(value).is_ok()
            && super::shapes::mixes_digits_and_letters(value)
            && super::password_value::is_typed_password(value)
            && super::password_value::rare_chars(value) * 4 >= n * 3
            && !elided_after(facts.data, cand.end)
            && self.validator.is_none_or(|v| v.validate(value))
    }

    /// Whether `value` reaches the rule's entropy floor (or the rule has none).
    fn above_floor(&self, value: &str) -> bool {
        self.min_entropy
            .is_none_or(|min| crate::scan::entropy::shannon(value.as_bytes()) >= min)
    }

    /// Whether the whole-file anchor applies to `path`.
    pub fn whole_file(&self, path: Option<&str>) -> bool {
        path.is_some_and(|p| self.file_patterns().any(|re| re.is_match(p)))
    }
}

/// The name a candidate's value belongs to: its own key, except where that key is a slot
/// rather than a name. A generic `default` / `value` / `example` key belongs to the name a
/// sibling line gives its item (`key: x-api-key` above `value: v`, an OpenAPI parameter's
/// `name: X-Api-Key` above `example: v`) or else to the enclosing block's name
/// (`variable "api_token" { default = ... }`, `- name: API_TOKEN` / `value: ...`). A key
/// that is a server's address belongs to the block that says what kind of credential it
/// keys (Composer's `"bearer": {"repo.acme.io": "v"}`, NuGet's `<apikeys>`).
fn effective_key(cand: &Candidate, facts: &mut Facts<'_>) -> String {
    let own = normalize(&cand.key);
    // `plaintext_value`: Terraform's GitHub provider secrets, named by `secret_name`.
    let slot = matches!(
        own.as_str(),
        "default" | "value" | "example" | "xexample" | "plaintextvalue"
    );
    if slot {
        if let Some(name) = structure::sibling_name(facts.data, cand.line_start) {
            if names_secret(&name) {
                return name;
            }
        }
    }
    let server = !slot && !cand.key.is_empty() && urls::is_server_key(&cand.key);
    if slot || server {
        let parent = cand
            .parents
            .last()
            .cloned()
            .or_else(|| facts.parents(cand.line_start).last().cloned());
        if let Some(parent) = parent {
            if slot || names_secret(&parent) {
                return parent;
            }
        }
    }
    // A map default's entry (HCL `variable "api_keys" { default = { reporting = "v" } }`):
    // the entries are keyed by use, and the credential is named by the variable.
    if !slot && !names_secret(&cand.key) && facts.kind == super::Kind::Hcl {
        let parents = if cand.parents.is_empty() {
            facts.parents(cand.line_start).to_vec()
        } else {
            cand.parents.clone()
        };
        if let [.., name, default] = parents.as_slice() {
            if normalize(default) == "default" && names_secret(name) {
                return name.clone();
            }
        }
    }
    cand.key.clone()
}

/// A name as written and in its [`normalize`]d form, prepared once per candidate for the
/// many rules and anchors that look for words in it.
struct Name {
    written: String,
    normal: String,
    /// [`part_starts`] of `written`, once a word that must start a part asks.
    starts: OnceCell<Vec<usize>>,
}

impl Name {
    fn new(written: String) -> Name {
        let normal = normalize(&written);
        Name {
            written,
            normal,
            starts: OnceCell::new(),
        }
    }
}

/// [`effective_key`] of `cand`, computed once however many woken rules and anchors ask.
/// Whether `cand`'s name vouches for a signing secret someone typed
/// ([`super::typed_secret::names_typed_secret`]).
fn names_typed_secret(cand: &Candidate, facts: &mut Facts<'_>) -> bool {
    let name = effective_name(cand, facts);
    // The parent is looked for only when it can decide: finding one reads back through the
    // file (a history audit's large JSON blobs made it a quarter of the run).
    let parent = match cand.parents.last() {
        Some(p) => Some(p.clone()),
        None if super::typed_secret::parent_may_vouch(&name.normal) => {
            facts.parents(cand.line_start).last().cloned()
        }
        None => None,
    };
    super::typed_secret::names_typed_secret(
        &name.normal,
        parent.as_deref(),
        cand.origin == super::Origin::Argument,
    )
}

fn effective_name(cand: &Candidate, facts: &mut Facts<'_>) -> Rc<Name> {
    if let Some(name) = &facts.memo_for(cand).effective {
        return Rc::clone(name);
    }
    let name = Rc::new(Name::new(effective_key(cand, facts)));
    facts.memo_for(cand).effective = Some(Rc::clone(&name));
    name
}

/// The text a `near` anchor reads around `cand`, computed once per candidate.
fn near_name(cand: &Candidate, facts: &mut Facts<'_>) -> Rc<Name> {
    if let Some(name) = &facts.memo_for(cand).near {
        return Rc::clone(name);
    }
    let name = Rc::new(Name::new(facts.near_text(cand)));
    facts.memo_for(cand).near = Some(Rc::clone(&name));
    name
}

/// What [`Anchor::holds`] derives from one candidate: the same for every rule, so the
/// context pass (candidates × woken rules × anchors) derives it once. It is keyed by every
/// input the derivations read, so a memo never answers for another candidate.
struct CandidateMemo {
    line_start: usize,
    start: usize,
    end: usize,
    key: String,
    parent: Option<String>,
    effective: Option<Rc<Name>>,
    near: Option<Rc<Name>>,
}

impl CandidateMemo {
    fn of(cand: &Candidate) -> CandidateMemo {
        CandidateMemo {
            line_start: cand.line_start,
            start: cand.start,
            end: cand.end,
            key: cand.key.clone(),
            parent: cand.parents.last().cloned(),
            effective: None,
            near: None,
        }
    }

    fn is_of(&self, cand: &Candidate) -> bool {
        self.line_start == cand.line_start
            && self.start == cand.start
            && self.end == cand.end
            && self.key == cand.key
            && self.parent.as_ref() == cand.parents.last()
    }
}

impl Anchor {
    fn holds(&self, cand: &Candidate, facts: &mut Facts<'_>) -> bool {
        if self.file.is_some() {
            // A whole-file anchor is met only by the whole-file candidate of a matching path.
            return cand.origin == Origin::WholeFile
                && self
                    .file
                    .as_ref()
                    .and_then(LazyRegex::get)
                    .is_some_and(|re| facts.path.is_some_and(|p| re.is_match(p)));
        }
        if let Some(re) = &self.path {
            if !facts.path_matches(re) {
                return false;
            }
        }
        let key = effective_name(cand, facts);
        if !self.key.is_empty() && !self.key.found_in_name(&key) {
            return false;
        }
        // A quoted string with spaces at its ends is data, not a name: a test table's row
        // `{" pass", "47575c5a435b4251"}` is a password and its scramble, not `pass = ...`.
        if !self.key.is_empty() && cand.key.trim() != cand.key {
            return false;
        }
        if self.not_key.found_in_name(&key) {
            return false;
        }
        if !self.callee.is_empty() {
            let Some(callee) = cand.callee.as_deref() else {
                return false;
            };
            if !self.callee.found_in(callee) {
                return false;
            }
            // `callee = ["*"]` is "a literal passed to a call": a string argument, not a
            // keyword argument or a bare word inside the parentheses.
            if self.callee.any_name() && cand.origin != Origin::Argument {
                return false;
            }
        }
        if !self.header.is_empty() {
            let Some(header) = cand.header.as_deref().map(normalize) else {
                return false;
            };
            if !self.header.contains(&header) {
                return false;
            }
        }
        if !self.scheme.is_empty() {
            let Some(scheme) = cand.scheme.as_deref().map(normalize) else {
                return false;
            };
            if !self.scheme.contains(&scheme) {
                return false;
            }
        }
        if !self.key_path.is_empty() {
            let in_key = self.key_path.found_in_name(&key);
            let in_parents = in_key
                || cand
                    .parents
                    .iter()
                    .chain(facts.parents(cand.line_start).iter())
                    .any(|p| self.key_path.found_in(p));
            if !in_parents {
                return false;
            }
        }
        if !self.near.is_empty() && !self.near.found_in_name(&near_name(cand, facts)) {
            return false;
        }
        if !self.host.is_empty() {
            let own = cand
                .host
                .iter()
                .any(|h| self.host.iter().any(|w| h.contains(w.as_str())));
            // An anchor with a host and no key, callee, header or `near` word is met only by
            // a part of a URL on that host (`https://mainnet.infura.io/v3/<key>`).
            let host_only = self.key.is_empty()
                && self.key_path.is_empty()
                && self.callee.is_empty()
                && self.header.is_empty()
                && self.scheme.is_empty()
                && self.near.is_empty();
            if host_only && !own {
                return false;
            }
            if !own
                && !facts
                    .hosts(cand.line_start)
                    .iter()
                    .any(|h| self.host.iter().any(|w| h.contains(w.as_str())))
            {
                return false;
            }
        }
        true
    }
}

/// Facts about a blob that candidates ask for, computed once per line on demand.
/// Whether the text right after a value is an ellipsis (`password = pypi-AgEIcHl...`): the
/// extractor leaves trailing dots out of a value, as a sentence's end, but a value written
/// shortened on purpose is a sample, not a password.
fn elided_after(data: &[u8], end: usize) -> bool {
    data.get(end..)
        .is_some_and(|rest| rest.starts_with(b"...") || rest.starts_with("\u{2026}".as_bytes()))
}

pub struct Facts<'a> {
    pub data: &'a [u8],
    pub kind: Kind,
    pub path: Option<&'a str>,
    /// The blob is a minified bundle or a source map.
    pub bundle: bool,
    /// The blob is a translation file (`super::translations`): its values are phrases.
    pub translations: bool,
    parents: HashMap<usize, Vec<String>>,
    hosts: HashMap<usize, Vec<String>>,
    memo: Option<CandidateMemo>,
    /// Whether the blob's path matches each `path` anchor's regex asked so far: the
    /// regex's address, its source (so that another regex at a freed one's address is
    /// never answered for), and the answer. The same for every candidate of the blob.
    path_answers: Vec<(usize, SpecText, bool)>,
}

impl<'a> Facts<'a> {
    pub fn new(data: &'a [u8], kind: Kind, path: Option<&'a str>) -> Facts<'a> {
        Facts {
            data,
            kind,
            path,
            bundle: is_bundle(path, data),
            translations: path.is_some_and(super::translations::is_translation_file),
            parents: HashMap::new(),
            hosts: HashMap::new(),
            memo: None,
            path_answers: Vec::new(),
        }
    }

    /// Whether the blob's path matches a `path` anchor's regex (false without a path, or
    /// for a regex that does not compile), worked out once per blob and regex.
    fn path_matches(&mut self, re: &LazyRegex<regex::Regex>) -> bool {
        let at = std::ptr::from_ref(re) as usize;
        if let Some(&(_, _, answer)) = self
            .path_answers
            .iter()
            .find(|(a, source, _)| *a == at && *source == re.source)
        {
            return answer;
        }
        let answer = self
            .path
            .is_some_and(|p| re.get().is_some_and(|re| re.is_match(p)));
        self.path_answers.retain(|(a, _, _)| *a != at);
        self.path_answers.push((at, re.source.clone(), answer));
        answer
    }

    /// The memo of `cand`, started afresh when the last one was of another candidate.
    fn memo_for(&mut self, cand: &Candidate) -> &mut CandidateMemo {
        if !self.memo.as_ref().is_some_and(|m| m.is_of(cand)) {
            self.memo = None;
        }
        self.memo.get_or_insert_with(|| CandidateMemo::of(cand))
    }

    fn parents(&mut self, line_start: usize) -> &[String] {
        let (data, kind) = (self.data, self.kind);
        self.parents
            .entry(line_start)
            .or_insert_with(|| structure::parents(data, kind, line_start))
    }

    /// The text a `near` anchor searches: the value's line (at most [`NEAR_REACH`] bytes
    /// each side of the value) and the [`NEAR_LINES`] lines above it.
    fn near_text(&self, cand: &Candidate) -> String {
        near_span(self.data, cand.line_start, cand.start, cand.end)
    }

    fn hosts(&mut self, line_start: usize) -> &[String] {
        let data = self.data;
        self.hosts.entry(line_start).or_insert_with(|| {
            let line_end =
                memchr::memchr(b'\n', &data[line_start..]).map_or(data.len(), |i| line_start + i);
            let from = line_start.saturating_sub(HOST_REACH);
            let to = (line_end + HOST_REACH).min(data.len());
            urls::hosts(&data[from..to])
        })
    }
}

/// The text of [`Facts::near_text`] for a value at `start..end` on the line at
/// `line_start`. Newlines are searched for only within [`NEAR_REACH`] of the value (the
/// text is clipped there anyway): on a minified line of a megabyte, a search of the whole
/// line for each candidate on it was most of what a `near` anchor cost.
fn near_span(data: &[u8], line_start: usize, start: usize, end: usize) -> String {
    let floor = start.saturating_sub(NEAR_REACH);
    let mut from = line_start;
    for _ in 0..NEAR_LINES {
        // A line that starts at or before `floor` is clipped to it, and so is any above it.
        if from <= floor {
            break;
        }
        from = super::line_start_within(data, from - 1, floor);
    }
    let from = from.max(floor);
    let reach = end.saturating_add(NEAR_REACH).min(data.len());
    let after = end.min(reach);
    let to = memchr::memchr(b'\n', &data[after..reach])
        .map_or(reach, |i| after + i)
        .max(from);
    String::from_utf8_lossy(&data[from..to]).into_owned()
}

/// A minified bundle (a line of 2,000+ bytes in a script) or a source map.
fn is_bundle(path: Option<&str>, data: &[u8]) -> bool {
    let lower = path.map(str::to_ascii_lowercase).unwrap_or_default();
    if lower.ends_with(".map") || lower.contains(".min.") {
        return true;
    }
    let script = [".js", ".mjs", ".cjs", ".css"]
        .iter()
        .any(|e| lower.ends_with(e));
    script
        && data
            .split(|&b| b == b'\n')
            .take(50)
            .any(|line| line.len() >= 2000)
}

/// Whether `pattern` is one repetition of a class that admits at least 80 of the 94
/// printable ASCII characters other than space: it bounds a value's length, not its shape.
fn is_shapeless(pattern: &str) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let Ok(hir) = regex_syntax::ParserBuilder::new().build().parse(pattern) else {
        return false;
    };
    let HirKind::Repetition(rep) = hir.kind() else {
        return false;
    };
    let admits = |b: u8| match rep.sub.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&char::from(b))),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| (r.start()..=r.end()).contains(&b)),
        _ => false,
    };
    (b'!'..=b'~').filter(|&b| admits(b)).count() >= 80
}

/// A 256-entry table of the bytes a regex class body allows.
/// The fewest characters a match of `hir` has, and whether any of its characters may be
/// ASCII whitespace.
fn shortest_chars(hir: &regex_syntax::hir::Hir) -> (usize, bool) {
    use regex_syntax::hir::{Class, HirKind};
    const WHITESPACE: &[u8] = b" \t\r\n\x0b\x0c";
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (0, false),
        HirKind::Literal(lit) => (
            String::from_utf8_lossy(&lit.0).chars().count(),
            lit.0.iter().any(|b| WHITESPACE.contains(b)),
        ),
        HirKind::Class(Class::Unicode(class)) => (
            1,
            class.ranges().iter().any(|r| {
                WHITESPACE
                    .iter()
                    .any(|&b| (r.start()..=r.end()).contains(&char::from(b)))
            }),
        ),
        HirKind::Class(Class::Bytes(class)) => (
            1,
            class
                .ranges()
                .iter()
                .any(|r| WHITESPACE.iter().any(|b| (r.start()..=r.end()).contains(b))),
        ),
        HirKind::Repetition(rep) => {
            let (n, ws) = shortest_chars(&rep.sub);
            (n.saturating_mul(rep.min as usize), ws)
        }
        HirKind::Capture(cap) => shortest_chars(&cap.sub),
        HirKind::Concat(subs) => subs
            .iter()
            .map(shortest_chars)
            .fold((0, false), |a, b| (a.0.saturating_add(b.0), a.1 || b.1)),
        HirKind::Alternation(subs) => subs
            .iter()
            .map(shortest_chars)
            .fold((usize::MAX, false), |a, b| (a.0.min(b.0), a.1 || b.1)),
    }
}

fn charset_table(class: &str) -> Result<[bool; 256], String> {
    let re = regex::bytes::Regex::new(&format!("^[{class}]$"))
        .map_err(|e| format!("invalid charset: {}", crate::rules::one_line(&e)))?;
    let mut table = [false; 256];
    for b in 0..=255u8 {
        table[b as usize] = re.is_match(&[b]);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::{contains_short, is_shapeless, near_span, NEAR_LINES, NEAR_REACH};

    /// [`near_span`] as it was written before its newline searches were bounded: the
    /// lines above found whole, and the value's line searched to its end.
    fn near_span_whole_lines(data: &[u8], line_start: usize, start: usize, end: usize) -> String {
        let mut from = line_start;
        for _ in 0..NEAR_LINES {
            if from == 0 {
                break;
            }
            from = crate::scan::line_bounds(data, from - 1).0;
        }
        let from = from.max(start.saturating_sub(NEAR_REACH));
        let line_end =
            memchr::memchr(b'\n', &data[end.min(data.len())..]).map_or(data.len(), |i| end + i);
        let to = line_end.min(end + NEAR_REACH).max(from);
        String::from_utf8_lossy(&data[from..to]).into_owned()
    }

    /// The byte-by-byte part starts of ASCII names are those of the `char` walk, on names
    /// of letters in both cases, digits, separators and other punctuation.
    #[test]
    fn ascii_part_starts_are_the_char_walks() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"aZkQ09_-. $@:/xYtT";
        for _ in 0..50_000 {
            let name: String = (0..next() % 24)
                .map(|_| char::from(alphabet[(next() % alphabet.len() as u64) as usize]))
                .collect();
            assert_eq!(
                super::ascii_part_starts(name.as_bytes()),
                super::char_part_starts(&name),
                "{name:?}"
            );
            assert_eq!(super::part_starts(&name), super::char_part_starts(&name));
        }
        // A name with a multi-byte character takes the `char` walk.
        assert_eq!(
            super::part_starts("ÉtéKey"),
            super::char_part_starts("ÉtéKey")
        );
    }

    #[test]
    fn bounded_near_text_is_the_text_of_whole_line_searches() {
        let mut rng = crate::context::test_lines::XorShift(0x51_7cc1_b727_220a);
        for round in 0..2_000 {
            // Lines from empty to several times `NEAR_REACH`.
            let data = crate::context::test_lines::random_lines(
                &mut rng,
                12_000,
                [60, 1500, 6000],
                b"ab =:\"",
            );
            let start = (rng.next() as usize) % (data.len() + 1);
            let end = (start + (rng.next() % 200) as usize).min(data.len());
            // The value's own line start, or (a value below its key's line) an earlier one.
            let own = crate::scan::line_bounds(&data, start).0;
            let line_start = if rng.next().is_multiple_of(3) {
                crate::scan::line_bounds(&data, own.saturating_sub(1)).0
            } else {
                own
            };
            assert_eq!(
                near_span(&data, line_start, start, end),
                near_span_whole_lines(&data, line_start, start, end),
                "round {round}"
            );
        }
    }

    #[test]
    fn contains_short_answers_as_str_contains() {
        let long = "x".repeat(70);
        let parts = ["", "a", "b", "ab", "ba", "token", "tok", "é", long.as_str()];
        for a in parts {
            for b in parts {
                let hay = format!("{a}{b}{a}");
                for c in parts {
                    for d in parts {
                        let needle = format!("{c}{d}");
                        assert_eq!(
                            contains_short(&hay, &needle),
                            hay.contains(needle.as_str()),
                            "{hay:?} {needle:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn only_a_class_of_nearly_every_character_is_shapeless() {
        for pattern in [r#"[^\s"'`<\\/]{16,64}"#, r"\S{12,}", r"[!-~]{8,128}"] {
            assert!(is_shapeless(pattern), "{pattern} states no shape");
        }
        for pattern in [
            r"[A-Za-z0-9]{32}",
            r"[a-f0-9]{40}",
            r"[A-Za-z0-9_\-]{43}",
            r"sk_live_[A-Za-z0-9]{24}",
            r"[A-Za-z0-9]{6}\.[A-Za-z0-9]{6}:[A-Za-z0-9_\-]{43}",
            r"[A-Za-z0-9+/=]{40,}",
        ] {
            assert!(!is_shapeless(pattern), "{pattern} states a shape");
        }
    }
}

#[cfg(test)]
mod key_gate_tests {
    use super::super::test_lines::XorShift;
    use super::super::{extract_all, Candidate, Kind, Origin};
    use super::{ContextRule, Facts};

    /// Every built-in context rule.
    fn context_rules(set: &crate::rules::RuleSet) -> Vec<&ContextRule> {
        set.rules.iter().filter_map(|r| r.context()).collect()
    }

    /// Names made of the rules' own key words (every case, separators, neighbours that
    /// make a word start or end inside the name, the `not_key` words), and of junk.
    fn random_name(rng: &mut XorShift, words: &[String]) -> String {
        const JUNK: &[&str] = &[
            "db", "my", "s", "id", "x", "App", "hash", "Name", "url", "_", "-", ".", " ", "$", "@",
            "Value", "default", "by", "pass", "tok", "é", "Ä", "密",
        ];
        let mut name = String::new();
        for _ in 0..1 + rng.next() % 4 {
            let piece = if rng.next().is_multiple_of(3) {
                JUNK[(rng.next() % JUNK.len() as u64) as usize].to_string()
            } else {
                words[(rng.next() % words.len() as u64) as usize].clone()
            };
            let piece = match rng.next() % 4 {
                0 => piece.to_uppercase(),
                1 => {
                    let mut c = piece.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                }
                _ => piece,
            };
            name.push_str(&piece);
            if rng.next().is_multiple_of(3) {
                name.push(['_', '-', '.', ' '][(rng.next() % 4) as usize]);
            }
        }
        name
    }

    #[test]
    fn the_key_gate_changes_no_anchor_s_answer() {
        let set = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let rules = context_rules(&set);
        let mut words: Vec<String> = rules
            .iter()
            .flat_map(|r| r.anchors.iter())
            .flat_map(|a| {
                a.key
                    .0
                    .iter()
                    .chain(&a.not_key.0)
                    .chain(&a.callee.0)
                    .map(|w| w.text.clone())
            })
            .filter(|w| !w.is_empty())
            .collect();
        words.sort();
        words.dedup();
        assert!(words.len() > 100, "the rules' words: {}", words.len());
        let mut rng = XorShift(0x5eed_14ab_cdef_0123);
        let value = ["Hq4tN7wZ2p", "K9mR3xL6aB"].concat();
        let mut asked = 0usize;
        let mut held = 0usize;
        for round in 0..100 {
            // A blob of lines that name values (so that candidates have parents, siblings
            // and slots to be named by), read as each kind.
            let mut text = String::new();
            for _ in 0..12 {
                let name = random_name(&mut rng, &words);
                let indent = " ".repeat((rng.next() % 3) as usize * 2);
                let line = match rng.next() % 7 {
                    0 => format!("{indent}{name}:"),
                    1 => format!("{indent}\"{name}\": \"{value}\","),
                    2 => format!("{indent}{name} = \"{value}\""),
                    3 => format!("{indent}client.{name}(\"{value}\")"),
                    4 => format!("{indent}value: {value}"),
                    5 => format!("{indent}- name: {name}"),
                    _ => format!("{indent}{name}={value}"),
                };
                text.push_str(&line);
                text.push('\n');
            }
            let kind = [Kind::Yaml, Kind::Json, Kind::Code, Kind::Env, Kind::Unknown]
                [(round % 5) as usize];
            let data = text.as_bytes();
            let mut cands: Vec<Candidate> = extract_all(data, kind);
            // And candidates with names the extractors would not give, in every origin.
            for _ in 0..30 {
                let at = (rng.next() as usize) % data.len();
                let line_start = crate::scan::line_bounds(data, at).0;
                let mut cand = Candidate::literal(
                    random_name(&mut rng, &words),
                    at,
                    at,
                    value.clone(),
                    line_start,
                    [
                        Origin::Assignment,
                        Origin::Argument,
                        Origin::Header,
                        Origin::UrlQuery,
                        Origin::Element,
                    ][(rng.next() % 5) as usize],
                );
                if rng.next().is_multiple_of(2) {
                    cand.parents.push(random_name(&mut rng, &words));
                }
                if rng.next().is_multiple_of(2) {
                    cand.callee = Some(random_name(&mut rng, &words));
                }
                if rng.next().is_multiple_of(4) {
                    cand.header = Some(random_name(&mut rng, &words));
                }
                cands.push(cand);
            }
            let mut gated = Facts::new(data, kind, Some("config/settings.yml"));
            let mut plain = Facts::new(data, kind, Some("config/settings.yml"));
            for cand in &cands {
                for rule in &rules {
                    let answer = rule.anchors_hold(cand, &mut gated, true);
                    assert_eq!(
                        answer,
                        rule.anchors_hold(cand, &mut plain, false),
                        "key {:?}, parents {:?}, callee {:?}, in {text:?}",
                        cand.key,
                        cand.parents,
                        cand.callee
                    );
                    asked += 1;
                    held += usize::from(answer);
                }
            }
        }
        // The test asks both ways, and meets anchors that hold as well as ones that do not.
        assert!(
            asked > 100_000 && held > 1_000,
            "asked {asked}, held {held}"
        );
    }
}
