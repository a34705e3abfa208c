//! A credential given in a sentence: `The password is \`v\`.`, `Your API key is v`,
//! `Set the token to \`v\``, `log in with the password \`v\``, `Use the following API key: v`,
//! `A temporary password is generated for root@localhost: v`, `run it with --token v`.
//!
//! READMEs, setup guides, wiki pages and code comments hand out credentials in prose far
//! more often than in a `label: value` line ([`super::labels`]): a sample of public
//! repositories (issue 13, `heldout_real.rs`) had more misses in prose and setup blocks than
//! in any language. No `=` ties the name to the value there; a sentence does, through a few
//! words that always mean "this is its value": `is`, `was`, `=`, `to` after `set`/`change`,
//! a colon, or the value put in backticks or quotes right after the name.
//!
//! The pass reads one line as words, finds a name of up to three words that names a
//! credential (`password`, `API key`, `Speckle token`), and takes the one word its connector
//! points at. To stay off ordinary prose ("your API key is stored locally", "the token is
//! sent as a header"), a bare value must end the line or its clause (followed by `.`, `,`,
//! `;`); a value in backticks or quotes may sit anywhere. The shared classifier then decides
//! whether the word is a literal secret (placeholders, identifiers, words, paths and short
//! values are dropped). It runs on lines of files that are neither code nor a config syntax
//! (Markdown, text, reStructuredText) and on the text of code comments.

use super::names::names_secret;
use super::{Candidate, Origin};

/// Longest line read.
const MAX_LINE: usize = 1024;
/// Most words read on a line.
const MAX_WORDS: usize = 96;
/// Most words in a credential's name (`Speckle access token`).
const MAX_NAME_WORDS: usize = 3;
/// Most words between a credential's name and a colon whose value ends the line
/// (`password is generated for root@localhost: v`).
const MAX_COLON_GAP: usize = 8;

/// Words that start no credential's name: articles, possessives, verbs of the sentence.
const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "your",
    "my",
    "our",
    "their",
    "his",
    "her",
    "its",
    "this",
    "that",
    "these",
    "those",
    "following",
    "with",
    "and",
    "or",
    "of",
    "for",
    "to",
    "is",
    "use",
    "using",
    "set",
    "enter",
    "paste",
    "copy",
    "then",
    "as",
    "by",
    "in",
    "on",
    "at",
    "from",
    "same",
    "valid",
    "default",
];

/// Most words between a credential's name and its `is` (`password for the admin user is v`).
const MAX_OWNER_WORDS: usize = 5;

/// Verbs after which `to` gives a value (`set the token to v`, `change the password to v`).
const SETTING_VERBS: &[&str] = &["set", "change", "changed", "update", "reset", "sets"];

/// One word of a line: its byte span, its text less decoration, and how it was written.
struct Word<'a> {
    /// The word's text less surrounding backticks, quotes, emphasis and closing punctuation.
    core: &'a str,
    /// Offset of `core` in the line.
    at: usize,
    /// The word was wrapped in backticks or quotes.
    wrapped: bool,
    /// The word ended with `:` (before any decoration).
    colon: bool,
    /// The word ended its clause (`.`, `,`, `;`, `!`, `?` after it).
    clause_end: bool,
}

/// Appends the values that the sentences of `line` (at `data[base..]`) give a credential's
/// name. `first` is the first of `out` this line added (a value already read is skipped).
pub(super) fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(words) = sentence_words(line) else {
        return;
    };
    let last = words.len() - 1;
    for i in 0..words.len() {
        let Some(name_from) = name_ending_at(&words, i) else {
            continue;
        };
        let Some(v) = value_after(&words, name_from, i, last) else {
            continue;
        };
        let value = &words[v];
        let key = key_of(&words[name_from..=i]);
        push(key, value, base, line_start, first, out);
    }
    named_after(&words, base, line_start, first, out);
    entered(&words, base, line_start, first, out);
    flags(&words, base, line_start, first, out);
    login_pairs(&words, base, line_start, first, out);
    if !line.is_ascii() {
        cjk_values(line, base, line_start, first, out);
    }
}

/// The values [`cjk_values`] reads on a line that names no credential in ASCII (`初始密码为 v`,
/// `パスワードは v です`): only when it holds one of [`CJK_NAMES`].
pub(super) fn cjk_line(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if line.len() <= MAX_LINE
        && CJK_NAMES
            .iter()
            .any(|(n, _)| memchr::memmem::find(line, n.as_bytes()).is_some())
    {
        cjk_values(line, base, line_start, first, out);
    }
}

/// Credential nouns of Chinese and Japanese prose, and the key each reads as.
const CJK_NAMES: &[(&str, &str)] = &[
    ("密码", "password"),
    ("口令", "password"),
    ("密碼", "password"),
    ("密钥", "secret"),
    ("秘钥", "secret"),
    ("令牌", "token"),
    ("パスワード", "password"),
    ("トークン", "token"),
];

/// Words that put a value right after them in Chinese and Japanese prose: `为`/`為`/`是`
/// ("is"), `值` ("value", as in `生成值 v`, "generated value v"), `は` (the topic marker of
/// `パスワードは v`), the full-width colon.
const CJK_CONNECTORS: &[char] = &['为', '為', '是', '值', 'は', '：'];

/// Most characters between a credential's name and the connector before its value
/// (`ADMIN_PASSWORD 控制，本项目为 v`: "controls it; in this project it is v").
const MAX_CJK_GAP: usize = 12;

/// A value stated in CJK prose (a changelog's `.env ADMIN_PASSWORD（生成值 v）`, a doc
/// comment's `密码由 ADMIN_PASSWORD 控制，本项目为 v。`, `默认密码：v`): words are not split by
/// spaces there, so [`words`] does not see the connector. After a credential's name (an
/// identifier that names one, or a CJK noun), up to [`MAX_CJK_GAP`] characters of CJK text
/// (no ASCII word, no sentence end `。`/`；`), a connector, then the ASCII run it points at,
/// ended by a space, CJK punctuation or the line's end.
fn cjk_values(line: &[u8], base: usize, line_start: usize, first: usize, out: &mut Vec<Candidate>) {
    let Ok(text) = std::str::from_utf8(line) else {
        return;
    };
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    // Where each credential's name ends, and its key.
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if is_ident(c) {
            let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
            let word = &rest[..len];
            if word.len() <= 64 && names_secret(word) {
                names.push((i + len, word.to_string()));
            }
            i += len;
            continue;
        }
        if let Some((noun, key)) = CJK_NAMES.iter().find(|(n, _)| rest.starts_with(n)) {
            names.push((i + noun.len(), (*key).to_string()));
            i += noun.len();
            continue;
        }
        i += c.len_utf8();
    }
    for (end, key) in names {
        let Some(at) = connector_value(text, end) else {
            continue;
        };
        let rest = &text[at..];
        let len = rest
            .find(|c: char| c.is_whitespace() || !c.is_ascii())
            .unwrap_or(rest.len());
        let raw = &rest[..len];
        let core = raw.trim_end_matches(['.', ',', ';', '!', '?']);
        let (core, at, wrapped) = match core.strip_prefix('`').and_then(|c| c.strip_suffix('`')) {
            Some(inner) => (inner, at + 1, true),
            None => (core, at, false),
        };
        if core.is_empty() {
            continue;
        }
        let word = Word {
            core,
            at,
            wrapped,
            colon: false,
            clause_end: true,
        };
        push(key, &word, base, line_start, first, out);
    }
}

/// The offset of the value a connector points at after a name ending at `text[end..]`:
/// only CJK text and spaces between (no ASCII word, no sentence end), then the connector,
/// then optional spaces and an ASCII character.
fn connector_value(text: &str, end: usize) -> Option<usize> {
    for (seen, (k, c)) in text[end..].char_indices().enumerate() {
        if seen > MAX_CJK_GAP || c.is_ascii_alphanumeric() || matches!(c, '。' | '；' | '\n') {
            return None;
        }
        if CJK_CONNECTORS.contains(&c) {
            let after = end + k + c.len_utf8();
            let value = after + (text.len() - after - text[after..].trim_start().len());
            return text[value..]
                .chars()
                .next()
                .is_some_and(|v| v.is_ascii_graphic())
                .then_some(value);
        }
    }
    None
}

/// The login pairs of a line that names no credential (`Default login: admin / v`): only
/// [`login_pairs`] of [`candidates`], for lines that hold a login word.
pub(super) fn login_line(
    line: &[u8],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if let Some(words) = sentence_words(line) {
        login_pairs(&words, base, line_start, first, out);
    }
}

/// The words of a line read as prose: none for a line longer than [`MAX_LINE`], one that is
/// not UTF-8, or one of fewer than two words.
fn sentence_words(line: &[u8]) -> Option<Vec<Word<'_>>> {
    if line.len() > MAX_LINE {
        return None;
    }
    let words = words(std::str::from_utf8(line).ok()?);
    (words.len() >= 2).then_some(words)
}

/// Whether `line` holds a word of a login sentence (`login`, `log in`, `sign in`, `logon`), in
/// any case: the gate of [`login_line`].
pub(super) fn mentions_login(line: &[u8]) -> bool {
    // Each word's first letter in either case, then the rest compared in place: a memchr
    // pass per letter, not a window comparison per byte.
    memchr::memchr3_iter(b'l', b'L', b's', line)
        .chain(memchr::memchr_iter(b'S', line))
        .any(|at| {
            let rest = &line[at..];
            [&b"login"[..], b"log in", b"logon", b"sign in", b"signin"]
                .iter()
                .any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))
        })
}

/// Words that say a sentence gives a user and a password as a pair (`Default credentials:
/// admin / v`, `log in with \`admin:v\``, `the default login is admin/v`).
const PAIR_WORDS: &[&str] = &[
    "credential",
    "credentials",
    "login",
    "logon",
    "log",
    "sign",
    "signin",
    "username",
    "user/password",
    "username/password",
    "user/pass",
];

/// Account roles that a setup guide labels a login pair with (`Admin: admin / v`, `Root:
/// root / v`, `Demo: demo / v`): only as a label, ending in a colon.
const ROLE_WORDS: &[&str] = &[
    "admin",
    "administrator",
    "root",
    "superuser",
    "guest",
    "demo",
    "operator",
    "manager",
    "user",
    "account",
];

/// Whether `line` holds a word of [`ROLE_WORDS`] right before a colon (`Admin:`), in any
/// case: with [`mentions_login`], the gate of [`login_line`].
pub(super) fn mentions_role_label(line: &[u8]) -> bool {
    memchr::memchr_iter(b':', line).any(|colon| {
        let start = line[..colon]
            .iter()
            .rposition(|b| !b.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let word = &line[start..colon];
        ROLE_WORDS
            .iter()
            .any(|r| word.eq_ignore_ascii_case(r.as_bytes()))
    })
}

/// `admin / v`, `` `admin` / `v` ``, `admin/v`, `` `admin:v` ``, `` `root` and `v` `` after a
/// word that announces a login pair: the second of the pair, as `password`. A user is one
/// plain word; the classifier judges the password (paths, words and placeholders drop).
fn login_pairs(
    words: &[Word<'_>],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(from) = words.iter().position(|w| {
        let core = w.core.trim_end_matches(':');
        PAIR_WORDS.iter().any(|p| core.eq_ignore_ascii_case(p))
            || (w.colon && ROLE_WORDS.iter().any(|r| core.eq_ignore_ascii_case(r)))
    }) else {
        return;
    };
    let user_like = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._@-".contains(&b))
    };
    let last = words.len() - 1;
    for k in from + 1..words.len() {
        let w = &words[k];
        // One word: `admin/v`, `admin:v` (wrapped, or bare and ending its clause).
        if let Some(sep) = w.core.find(['/', ':']) {
            let (user, pass) = (&w.core[..sep], &w.core[sep + 1..]);
            if user_like(user)
                && !pass.is_empty()
                && !pass.contains(['/', ':'])
                && (w.wrapped || w.clause_end || k == last)
            {
                let word = Word {
                    core: pass,
                    at: w.at + sep + 1,
                    wrapped: w.wrapped,
                    colon: false,
                    clause_end: w.clause_end,
                };
                push("password".into(), &word, base, line_start, first, out);
                return;
            }
        }
        // Three words: `admin / v`, `` `root` and `v` ``.
        let (Some(sep), Some(pass)) = (words.get(k + 1), words.get(k + 2)) else {
            continue;
        };
        let joined = sep.core == "/" || (sep.core == "and" && w.wrapped && pass.wrapped);
        if joined
            && user_like(w.core)
            && !w.clause_end
            && (pass.wrapped || pass.clause_end || k + 2 == last)
        {
            push("password".into(), pass, base, line_start, first, out);
            return;
        }
    }
}

/// Verbs of a setup step that hand the reader a value to type (`Enter \`v\` when prompted
/// for the password`, `paste \`v\` into the API key field`, `use the token v to log in`).
const ENTRY_VERBS: &[&str] = &[
    "enter", "type", "paste", "input", "use", "provide", "supply",
];

/// Most words between an entered value and the credential's name after it.
const MAX_ENTRY_GAP: usize = 6;

/// A value a setup step tells the reader to enter, named in the same clause: `Enter \`v\`
/// when prompted for the password` (a wrapped value right after the verb, the name within
/// [`MAX_ENTRY_GAP`] words after it), and `use the token v to log in` (the name, then the
/// value as its apposition, after the verb and a determiner).
fn entered(
    words: &[Word<'_>],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let is_verb =
        |w: &Word<'_>| !w.wrapped && ENTRY_VERBS.iter().any(|v| w.core.eq_ignore_ascii_case(v));
    for k in 1..words.len() {
        if !is_verb(&words[k - 1]) || words[k - 1].clause_end {
            continue;
        }
        // `Enter \`v\` ... password`.
        if words[k].wrapped && !words[k].clause_end {
            for j in k + 1..words.len().min(k + 1 + MAX_ENTRY_GAP) {
                if let Some(from) = name_ending_at(words, j).filter(|&f| f > k) {
                    let key = key_of(&words[from..=j]);
                    push(key, &words[k], base, line_start, first, out);
                    break;
                }
                if words[j].clause_end || words[j].colon {
                    break;
                }
            }
            continue;
        }
        // `use the token v to ...`: a determiner, the name, the bare value.
        if !matches!(
            words[k].core.to_ascii_lowercase().as_str(),
            "the" | "this" | "your"
        ) {
            continue;
        }
        for j in k + 1..words.len().min(k + 1 + MAX_NAME_WORDS) {
            if words[j].clause_end || words[j].colon || words[j].wrapped {
                break;
            }
            if name_ending_at(words, j) == Some(k + 1) {
                if let Some(v) = words.get(j + 1).filter(|v| !v.wrapped && !v.colon) {
                    let key = key_of(&words[k + 1..=j]);
                    push(key, v, base, line_start, first, out);
                }
                break;
            }
        }
    }
}

/// The key a run of words names: their cores joined by `_` (`API key` → `API_key`).
fn key_of(words: &[Word<'_>]) -> String {
    words.iter().map(|w| w.core).collect::<Vec<_>>().join("_")
}

/// `Use \`v\` as the API key`: a wrapped value, then `as`, then the name it is used as.
fn named_after(
    words: &[Word<'_>],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for k in 0..words.len().saturating_sub(2) {
        if !words[k].wrapped || !words[k + 1].core.eq_ignore_ascii_case("as") {
            continue;
        }
        // The name's words follow `as` and its determiners, up to a clause's end.
        let mut from = k + 2;
        while words.get(from).is_some_and(|w| {
            NOT_NAME_WORDS
                .iter()
                .any(|s| w.core.eq_ignore_ascii_case(s))
        }) {
            from += 1;
        }
        for i in from..words.len().min(from + MAX_NAME_WORDS) {
            if name_ending_at(words, i) == Some(from) {
                let key = key_of(&words[from..=i]);
                push(key, &words[k], base, line_start, first, out);
                break;
            }
            if words[i].clause_end || words[i].colon {
                break;
            }
        }
    }
}

/// `--token v`, `--api-key=v`: a credential-named flag of a command line written in prose
/// or a comment (`# Usage: run.py --token v`).
fn flags(
    words: &[Word<'_>],
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    for (i, w) in words.iter().enumerate() {
        let Some(flag) = w.core.strip_prefix("--") else {
            continue;
        };
        let (name, value) = match flag.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (flag, None),
        };
        if !names_secret(name) {
            continue;
        }
        match value {
            Some(value) if !value.is_empty() => {
                let at = w.at + 2 + name.len() + 1;
                let word = Word {
                    core: value.trim_matches(['"', '\'']),
                    at: at + usize::from(value.starts_with(['"', '\''])),
                    wrapped: value.starts_with(['"', '\'']),
                    colon: false,
                    clause_end: false,
                };
                push(name.to_string(), &word, base, line_start, first, out);
            }
            Some(_) => {}
            None => {
                if let Some(next) = words.get(i + 1).filter(|n| !n.core.starts_with('-')) {
                    push(name.to_string(), next, base, line_start, first, out);
                }
            }
        }
    }
}

fn push(
    key: String,
    value: &Word<'_>,
    base: usize,
    line_start: usize,
    first: usize,
    out: &mut Vec<Candidate>,
) {
    let v = value.core;
    if v.is_empty()
        || v.contains([
            '<', '>', '{', '}', '(', ')', '[', ']', '`', '"', '\'', '=', '|',
        ])
    {
        return;
    }
    let (start, end) = (base + value.at, base + value.at + v.len());
    // Read already under a name (a lexer's `key: v` under `key` is no name of it).
    if super::names::already_named(&out[first..], start, end) {
        return;
    }
    let mut cand = Candidate::bare_word(
        key,
        start,
        end,
        v.as_bytes(),
        line_start,
        Origin::Assignment,
    );
    cand.quoted = value.wrapped;
    out.push(cand);
}

/// The index of the first word of a credential's name that ends at word `i`, if one does:
/// word `i` and up to two words before it that are no sentence words, joined, name a secret
/// (`API key`, `Speckle token`, `password`).
fn name_ending_at(words: &[Word<'_>], i: usize) -> Option<usize> {
    let w = &words[i];
    // A name written as code (`` `ADMIN_PASSWORD` ``, `` `minio_access_key/secret_key` ``):
    // one identifier, or several joined by `/`, whose last names a credential.
    if w.wrapped {
        return code_name(w.core).then_some(i);
    }
    // The name ends in its credential's noun (`token`, `password`, `API key`), not in a
    // word of the sentence after it (`password is`, `token generated`).
    if !is_name_word(w.core) || !(names_secret(w.core) || w.core.eq_ignore_ascii_case("key")) {
        return None;
    }
    let mut from = i;
    while from > 0 && i - from + 1 < MAX_NAME_WORDS {
        let prev = &words[from - 1];
        if prev.wrapped || prev.colon || prev.clause_end || !is_name_word(prev.core) {
            break;
        }
        if NOT_NAME_WORDS
            .iter()
            .any(|s| prev.core.eq_ignore_ascii_case(s))
        {
            break;
        }
        from -= 1;
    }
    // Some ending of the words names a secret (`token`, `API key`); the qualifiers in front
    // are kept (`Speckle token`): the rules read them.
    (from..=i)
        .any(|f| {
            let joined: String = key_of(&words[f..=i]);
            names_secret(&joined)
        })
        .then_some(from)
}

/// Whether a word written as code is a credential's name: identifiers joined by `/`
/// (`secret_key`, `DB_PASSWORD`, `minio_access_key/secret_key`), the last of which names a
/// credential and holds a `_`, `-` or a case change (a setting's name, not a plain word of
/// the sentence in backticks).
fn code_name(core: &str) -> bool {
    let last = core.rsplit('/').next().unwrap_or(core);
    let joined = last.contains(['_', '-'])
        || last
            .as_bytes()
            .windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    core.len() <= 64
        && joined
        && core
            .split('/')
            .all(|p| is_name_word(p) && p.as_bytes()[0].is_ascii_alphabetic())
        && names_secret(last)
}

fn is_name_word(core: &str) -> bool {
    core.chars().any(char::is_alphanumeric)
        && core.len() <= 32
        && core
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The word that the connector after the name `words[from..=i]` points at. A bare value
/// must end its line or clause; a wrapped one may sit anywhere.
fn value_after(words: &[Word<'_>], from: usize, i: usize, last: usize) -> Option<usize> {
    let ends = |v: usize| {
        words
            .get(v)
            .is_some_and(|w| w.wrapped || w.clause_end || v == last)
    };
    let name = &words[i];
    // `API key: v`, and `admin password: v (change it!)`: a parenthetical after the value
    // ends it too.
    if name.colon {
        let aside = words.get(i + 2).is_some_and(|w| w.core.starts_with('('));
        return (i < last && (ends(i + 1) || aside)).then_some(i + 1);
    }
    let next = words.get(i + 1)?;
    // `password \`v\``: the value wrapped right after its name.
    if next.wrapped {
        return Some(i + 1);
    }
    let connector = next.core.to_ascii_lowercase();
    // `password (default \`v\`)`, `token defaults to \`v\``, `secret_key (default: v)`: the
    // default a setting takes, wrapped or ending its clause.
    if matches!(connector.as_str(), "default" | "defaults" | "defaulting") && !next.clause_end {
        let mut v = i + 2;
        if words
            .get(v)
            .is_some_and(|w| !w.wrapped && matches!(w.core, "to" | "is" | "of"))
        {
            v += 1;
        }
        let wrapped = words.get(v).is_some_and(|w| w.wrapped);
        if wrapped || (next.colon && ends(v)) {
            return Some(v);
        }
    }
    // `The password for the admin user is v`, `password for user \`root\` is \`v\``: whose
    // credential it is, in a few words, then the connector.
    if matches!(connector.as_str(), "for" | "of") && !next.clause_end {
        let is_at = (i + 2..(i + 2 + MAX_OWNER_WORDS).min(last))
            .find(|&k| matches!(words[k].core, "is" | "was") && !words[k].wrapped);
        if let Some(k) = is_at {
            let plain_between = words[i + 1..k]
                .iter()
                .all(|w| !w.clause_end && !w.colon && !w.core.starts_with("http"));
            if plain_between && !words[k].clause_end && ends(k + 1) {
                return Some(k + 1);
            }
        }
    }
    match connector.as_str() {
        "is" | "was" | "=" | "are" if !next.clause_end && ends(i + 2) => return Some(i + 2),
        "to" if !next.clause_end && ends(i + 2) => {
            let verb_before = words[..from]
                .iter()
                .rev()
                .take(4)
                .any(|w| SETTING_VERBS.iter().any(|s| w.core.eq_ignore_ascii_case(s)));
            if verb_before {
                return Some(i + 2);
            }
        }
        _ => {}
    }
    // `... password is generated for root@localhost: v`: a colon a few words on, whose
    // value ends the line.
    let colon = (i + 1..last).find(|&k| words[k].colon && k + 1 == last)?;
    (colon - i <= MAX_COLON_GAP).then_some(last)
}

/// The words of `text`, each less decoration.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace()) {
        // The word's offset in `text` (a whitespace character may be more than one byte).
        let start = raw.as_ptr() as usize - text.as_ptr() as usize;
        if raw.is_empty() {
            continue;
        }
        if out.len() == MAX_WORDS {
            break;
        }
        let mut s = 0;
        let mut e = raw.len();
        let b = raw.as_bytes();
        // A word in parentheses (`(\`v\`)`, `(v),`): read inside them.
        let mut clause_end = false;
        if b[0] == b'(' {
            if let Some(close) = raw.rfind(')').filter(|&c| c > 1) {
                let after = &raw[close + 1..];
                if after.chars().all(|c| ".,;:!?".contains(c)) {
                    s = 1;
                    e = close;
                    clause_end = !after.is_empty();
                }
            }
        }
        // Closing punctuation and a colon come after any decoration (`\`v\`.`, `**Key**:`).
        let mut colon = false;
        while e > s {
            match b[s..e].last() {
                Some(b'.' | b',' | b';' | b'!' | b'?') => {
                    clause_end = true;
                    e -= 1;
                }
                Some(b':') => {
                    colon = true;
                    e -= 1;
                }
                Some(b')' | b']') if !raw[s..e].contains(['(', '[']) => e -= 1,
                _ => break,
            }
        }
        let mut wrapped = false;
        loop {
            if e > s + 1 && matches!(b[s], b'`' | b'"' | b'\'') && b[e - 1] == b[s] {
                wrapped = true;
                s += 1;
                e -= 1;
            } else if e > s + 3 && (raw[s..e].starts_with("**") && raw[s..e].ends_with("**")) {
                s += 2;
                e -= 2;
            } else if e > s && matches!(b[s], b'(' | b'[' | b'*') {
                s += 1;
            } else if e > s + 1 && b[e - 1] == b'*' && !raw[s..e].starts_with('*') {
                // The end of an emphasis opened on an earlier word (`**Admin password**`).
                e -= 1;
            } else if e > s && b[s] == b':' {
                // A reStructuredText field (`:API key: v`).
                s += 1;
            } else {
                break;
            }
        }
        // `**Password**:` leaves its colon inside the emphasis.
        if e > s && b[e - 1] == b':' {
            colon = true;
            e -= 1;
        }
        out.push(Word {
            core: &raw[s..e],
            at: start + s,
            wrapped,
            colon,
            clause_end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        candidates(line.as_bytes(), 0, 0, 0, &mut out);
        out.into_iter().map(|c| (c.key, c.value)).collect()
    }

    #[test]
    fn sentences_give_their_values() {
        let v = "Hq4tN7wZ2pK9mR3xL6";
        let cases = [
            (format!("The password is `{v}`."), "password"),
            (format!("Your API key is {v}"), "API_key"),
            (format!("Set the token to `{v}` now."), "token"),
            (format!("Log in with the password `{v}`."), "password"),
            (format!("Use the following API key: {v}"), "API_key"),
            (
                format!("[Note] A temporary password is generated for root@localhost: {v}"),
                "temporary_password",
            ),
            (format!("Your Speckle token is `{v}`."), "Speckle_token"),
            (format!(":API key: {v}"), "API_key"),
            (format!("# Usage: run.py --token {v}"), "token"),
        ];
        for (line, key) in cases {
            let got = values(&line);
            assert!(
                got.iter().any(|(k, val)| k == key && val == v),
                "{line}: {got:?}"
            );
        }
    }

    #[test]
    fn code_names_defaults_and_login_pairs_give_their_values() {
        let v = "Hq4tN7wZ2pK9mR3xL6";
        let cases = [
            (
                format!("Same for `minio_access_key/secret_key` (`'{v}'`)."),
                "minio_access_key/secret_key",
            ),
            (
                format!("`JWT_SECRET` defaults to `{v}` in development."),
                "JWT_SECRET",
            ),
            (
                format!("the admin password (default: `{v}`) must change"),
                "admin_password",
            ),
            (
                format!("- **Admin password** (default `{v}`)"),
                "Admin_password",
            ),
            (format!("Default credentials: `admin:{v}`"), "password"),
            (format!("Log in with admin / {v}"), "password"),
            (
                format!("Use the credentials `root` and `{v}` to log in."),
                "password",
            ),
        ];
        for (line, key) in cases {
            let got = values(&line);
            assert!(
                got.iter().any(|(k, val)| k == key && val == v),
                "{line}: {got:?}"
            );
        }
    }

    #[test]
    fn prose_without_a_value_gives_nothing_of_it() {
        for line in [
            "Your API key is stored locally in your browser.",
            "Check your API key is correct and has sufficient quota",
            "The token is sent as a header.",
            "Set the token in the settings panel.",
            "Error: invalid token: check the settings page",
        ] {
            let got = values(line);
            assert!(got.is_empty(), "{line}: {got:?}");
        }
    }
}
