//! The line lexer: one line of any syntax in, key/value candidates out.
//!
//! One small lexer serves every syntax (env, shell, YAML, JSON, HCL, INI, code in a dozen
//! languages) because they share their atoms: words, quoted strings, brackets and a handful
//! of assignment operators (`=`, `:`, `:=`, `::=`, `?=`, `+=`, `.=`, `=>`). What differs is
//! where an unquoted value ends, which [`Kind`] says. The lexer never fails: text it does not
//! understand is skipped, so a malformed line yields fewer candidates, never an error.

use std::borrow::Cow;

use super::kind::Kind;
use super::{Candidate, Origin};

/// Longest line span lexed at once; longer lines are cut into windows by the caller.
pub const MAX_LEXED: usize = 16 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// A name: letters, digits, `_`, `$`, `@`, `.`, `-` (`self.password`, `X-Api-Key`).
    Word,
    /// A quoted string; the span is its content, `quote` the quote character.
    Str {
        quote: u8,
    },
    /// A run of operator characters (`=`, `:=`, `=>`, `+`, `::`).
    Op,
    Open(u8),
    Close(u8),
    /// `,` or `;`.
    Sep(u8),
    /// Anything else (`/`, `#`, `\`).
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) tok: Tok,
    /// Content span, relative to the line slice.
    pub(super) start: usize,
    pub(super) end: usize,
}

const OP_CHARS: &[u8] = b"=:?+<>!|&*%^~.";

/// Assignment-like operators after which a value follows its key.
const ASSIGN: &[&[u8]] = &[
    b"=",
    b":",
    b":=",
    b"::=",
    b":::=",
    b"?=",
    b"+=",
    b".=",
    b"=>",
    b"||=",
    b"??=",
    b"<-",
    FULLWIDTH_COLON,
];

/// Concatenation operators between adjacent string literals.
const CONCAT: &[&[u8]] = &[b"+", b".", b"..", b"&", b"<>", b"++"];

/// Type names that sit between a declared name and its `=` (`var token string = ...`).
const TYPE_WORDS: &[&str] = &[
    "string",
    "String",
    "str",
    "&str",
    "&'static",
    "Str",
    "var",
    "val",
    "let",
    "const",
    "auto",
    "final",
    "readonly",
    "NSString",
    "std::string",
    "char",
    "[]byte",
];

/// Words of C, C++, Objective-C, Kotlin, Swift and VB declarations that are not the declared
/// name: built-in and common string types, and modifiers.
const DECLARATION_WORDS: &[&str] = &[
    "std",
    "char",
    "wchar_t",
    "unsigned",
    "signed",
    "static",
    "constexpr",
    "volatile",
    "extern",
    "inline",
    "QString",
    "QByteArray",
    "CString",
    "LPCSTR",
    "LPCWSTR",
    "TCHAR",
    "private",
    "public",
    "protected",
    "internal",
    "lateinit",
    "mut",
    "Dim",
    "As",
];

/// Whether a word of a declaration is a type or a modifier rather than the declared name.
fn is_type_or_modifier(word: &str) -> bool {
    TYPE_WORDS.contains(&word) || DECLARATION_WORDS.contains(&word)
}

/// PowerShell's scope- and drive-qualified variables (`$env:DB_PASSWORD`, `$script:apiKey`,
/// `${env:API_TOKEN}`'s inside) are one name: the word `start..end` is extended over the
/// `:` and the name after it.
fn powershell_scoped_name(line: &[u8], start: usize, end: usize) -> usize {
    let scope = &line[start..end];
    // Every scope below starts `$` (asked of every word: most are passed over here).
    if scope.first() != Some(&b'$') {
        return end;
    }
    let scoped = [
        &b"$env"[..],
        b"$script",
        b"$global",
        b"$local",
        b"$private",
        b"$using",
    ]
    .iter()
    .any(|s| scope.eq_ignore_ascii_case(s));
    if !scoped
        || line.get(end) != Some(&b':')
        || !line
            .get(end + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
    {
        return end;
    }
    let mut i = end + 1;
    while i < line.len() && (line[i].is_ascii_alphanumeric() || line[i] == b'_') {
        i += 1;
    }
    i
}

/// U+FF1A FULLWIDTH COLON in UTF-8.
const FULLWIDTH_COLON: &[u8] = "\u{ff1a}".as_bytes();

pub(super) fn tokenize(line: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(line, &mut out);
    out
}

/// Byte classes of the tokenizer, looked up once per byte instead of tested one by one
/// (the tokenizer reads every byte of every line the context engine reads).
const SPACE: u8 = 1;
const WORD_START: u8 = 2;
const WORD_BYTE: u8 = 4;
const OP_CHAR: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_whitespace() {
            class |= SPACE;
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'@' {
            class |= WORD_START;
        }
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'@' | b'.' | b'-') || c >= 0x80 {
            class |= WORD_BYTE;
        }
        let mut k = 0;
        while k < OP_CHARS.len() {
            if OP_CHARS[k] == c {
                class |= OP_CHAR;
            }
            k += 1;
        }
        table[b] = class;
        b += 1;
    }
    table
}

static CLASSES: [u8; 256] = byte_classes();

fn class_is(b: u8, class: u8) -> bool {
    CLASSES[usize::from(b)] & class != 0
}

/// [`tokenize`] into `out` (cleared first), so that a caller lexing many lines reuses one
/// buffer.
pub(super) fn tokenize_into(line: &[u8], out: &mut Vec<Token>) {
    out.clear();
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        if class_is(b, SPACE) {
            i += 1;
            continue;
        }
        if b == b'"' || b == b'\'' || b == b'`' {
            if let Some(close) = string_end(line, i) {
                out.push(Token {
                    tok: Tok::Str { quote: b },
                    start: i + 1,
                    end: close,
                });
                i = close + 1;
                continue;
            }
            out.push(Token {
                tok: Tok::Other,
                start: i,
                end: i + 1,
            });
            i += 1;
            continue;
        }
        // The full-width colon of Chinese and Japanese text (`密码：v`) separates a name
        // from its value as `:` does.
        if b == FULLWIDTH_COLON[0] && line[i..].starts_with(FULLWIDTH_COLON) {
            out.push(Token {
                tok: Tok::Op,
                start: i,
                end: i + FULLWIDTH_COLON.len(),
            });
            i += FULLWIDTH_COLON.len();
            continue;
        }
        let dash_word = b == b'-'
            && (i == 0 || line[i - 1].is_ascii_whitespace())
            && line
                .get(i + 1)
                .is_some_and(|&n| n.is_ascii_alphabetic() || n == b'-');
        if class_is(b, WORD_START) || b >= 0x80 || dash_word {
            let start = i;
            i += 1;
            while i < line.len() {
                let c = line[i];
                if !class_is(c, WORD_BYTE)
                    || (c == FULLWIDTH_COLON[0] && line[i..].starts_with(FULLWIDTH_COLON))
                {
                    break;
                }
                i += 1;
            }
            i = powershell_scoped_name(line, start, i);
            // `a.b.` / `x-`: a trailing `.` or `-` belongs to what follows (`.=`, `->`).
            while i > start + 1 && matches!(line[i - 1], b'.' | b'-') {
                i -= 1;
            }
            out.push(Token {
                tok: Tok::Word,
                start,
                end: i,
            });
            continue;
        }
        // R's `name <- "value"`: `-` is no operator character (it joins words), so the
        // arrow is read here, when a space or a quote follows it.
        if b == b'<'
            && line.get(i + 1) == Some(&b'-')
            && line
                .get(i + 2)
                .is_none_or(|&n| n.is_ascii_whitespace() || n == b'"' || n == b'\'')
        {
            out.push(Token {
                tok: Tok::Op,
                start: i,
                end: i + 2,
            });
            i += 2;
            continue;
        }
        if class_is(b, OP_CHAR) {
            let start = i;
            while i < line.len() && class_is(line[i], OP_CHAR) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Op,
                start,
                end: i,
            });
            continue;
        }
        let tok = match b {
            b'(' | b'[' | b'{' => Tok::Open(b),
            b')' | b']' | b'}' => Tok::Close(b),
            b',' | b';' => Tok::Sep(b),
            _ => Tok::Other,
        };
        out.push(Token {
            tok,
            start: i,
            end: i + 1,
        });
        i += 1;
    }
}

/// Index of the quote closing the string opened at `open`, honouring backslash escapes
/// (not in backtick strings, which are raw in Go and hold `${}` in JS either way).
fn string_end(line: &[u8], open: usize) -> Option<usize> {
    let quote = line[open];
    if quote == b'`' {
        return memchr::memchr(quote, &line[open + 1..]).map(|p| open + 1 + p);
    }
    // From one quote or backslash to the next (the bytes between are content).
    let mut i = open + 1;
    while i < line.len() {
        i += memchr::memchr2(quote, b'\\', &line[i..])?;
        if line[i] == quote {
            return Some(i);
        }
        i += 2;
    }
    None
}

#[cfg(test)]
#[test]
fn string_end_skips_to_the_quote_a_byte_loop_finds() {
    fn reference(line: &[u8], open: usize) -> Option<usize> {
        let quote = line[open];
        let mut i = open + 1;
        while i < line.len() {
            match line[i] {
                b'\\' if quote != b'`' => i += 2,
                c if c == quote => return Some(i),
                _ => i += 1,
            }
        }
        None
    }
    let words = ["\"", "'", "`", "\\", "\\\\", "ab", " ", "\\\"", "x\\"];
    for line in super::names::tests::varied_lines(&words, 20_000) {
        for open in 0..line.len() {
            if matches!(line[open], b'"' | b'\'' | b'`') {
                assert_eq!(
                    string_end(&line, open),
                    reference(&line, open),
                    "{line:?} {open}"
                );
            }
        }
    }
}

/// An open bracket on the line, with what preceded it.
struct Frame<'a> {
    open: u8,
    /// For `(`: the name of what is called.
    callee: Option<Cow<'a, str>>,
    /// For `{` / `[`: the key it is the value of (`"speckle": {`).
    key: Option<Cow<'a, str>>,
    /// For `(`: the previous positional string argument, if the last argument was one.
    prev_arg: Option<Cow<'a, str>>,
    /// For `(`: the current argument has had something other than one string.
    arg_dirty: bool,
    /// Elements (arguments) before the current one.
    elements: usize,
    /// For `{` right after a name (C++ `api_key{"v"}`): that name.
    init_of: Option<Cow<'a, str>>,
    /// For `(`: the first words of the form (Lisp `(def name "v")`).
    words: Vec<Cow<'a, str>>,
}

impl<'a> Frame<'a> {
    fn new(
        open: u8,
        callee: Option<Cow<'a, str>>,
        key: Option<Cow<'a, str>>,
        init_of: Option<Cow<'a, str>>,
    ) -> Frame<'a> {
        Frame {
            open,
            callee,
            key,
            prev_arg: None,
            arg_dirty: false,
            elements: 0,
            init_of,
            words: Vec::new(),
        }
    }
}

/// Lisp forms that bind the name after them to a value (`(def api-secret "v")`).
fn is_definer(word: &str) -> bool {
    word.starts_with("def") || matches!(word, "setq" | "setv" | "set!" | "define" | "let")
}

/// Lexes `line` (the bytes `data[base..base + line.len()]`) and appends its candidates.
pub fn candidates(
    line: &[u8],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    candidates_at(line, base, line_start, kind, out, 0, None);
}

/// [`candidates`] of a line already tokenized (the caller reads the tokens again).
pub(super) fn candidates_tokenized(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    candidates_at(line, base, line_start, kind, out, 0, Some(toks));
}

/// Text that reads as a `KEY=value` or `KEY: value` line: config held in a string or an
/// element (`"config": "DB_PASSWORD=..."`, `<value>API_KEY=...</value>`).
pub fn looks_like_assignment(text: &[u8]) -> bool {
    let text = text.trim_ascii_start();
    text.len() <= MAX_NESTED
        && text.first().is_some_and(|b| b.is_ascii_alphabetic())
        && (memchr::memchr(b'=', text).is_some() || memchr::memmem::find(text, b": ").is_some())
}

/// Text that reads as a JSON object held in a string (`'{"api_key": "v"}'`,
/// `json.loads('{"password": "v"}')`).
fn looks_like_json_object(text: &[u8]) -> bool {
    text.len() <= MAX_NESTED
        && text.trim_ascii_start().starts_with(b"{\"")
        && memchr::memmem::find(text, b"\":").is_some()
}

/// Longest string content lexed again as a line of its own.
pub const MAX_NESTED: usize = 4096;

/// Lexes a line of text that was held inside a string or a parameter (decoded by
/// [`super::escapes`]): it is literal content, and is not lexed again.
pub fn candidates_nested(
    line: &[u8],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    candidates_at(line, base, line_start, kind, out, 1, None);
}

fn candidates_at(
    line: &[u8],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
    depth: u8,
    tokens: Option<&[Token]>,
) {
    let line = &line[..line.len().min(MAX_LEXED)];
    let owned;
    let toks: &[Token] = match tokens {
        Some(toks) => toks,
        None => {
            owned = tokenize(line);
            &owned
        }
    };
    let unwrapped;
    let toks: &[Token] = match unwrap_conversions(line, toks) {
        Some(t) => {
            unwrapped = t;
            &unwrapped
        }
        None => toks,
    };
    // A word as the statement and frame bookkeeping keep it: borrowed from the line (an
    // owned copy only for invalid UTF-8), made a `String` only where a candidate keeps it.
    let word_of = |t: &Token| crate::context::lossy(&line[t.start..t.end]);
    let first_out = out.len();
    let mut ctx = LineCtx {
        line,
        base,
        line_start,
        out,
        pair_name: None,
        depth,
        level: 0,
        first_out,
        last_value: None,
    };
    if kind == Kind::Dockerfile
        || (kind == Kind::Unknown && (line.starts_with(b"ENV ") || line.starts_with(b"ARG ")))
    {
        if let Some(done) = ctx.dockerfile_legacy(toks) {
            if done {
                return;
            }
        }
    }
    if ctx.declaration_without_operator(toks) {
        return;
    }
    let mut frames: Vec<Frame> = Vec::new();
    let mut stmt_words: Vec<Cow<str>> = Vec::new();
    let mut annotated: Option<String> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        ctx.level = frames.len();
        match t.tok {
            Tok::Word => {
                let word = word_of(&t);
                if is_string_prefix(&word) && adjacent_string(toks, i) {
                    i += 1;
                    continue;
                }
                if matches!(word.as_ref(), "-u" | "--user")
                    || (matches!(word.as_ref(), "-a" | "--auth") && httpie_line(line, toks))
                {
                    ctx.user_pass(t.end);
                }
                if let Some(frame) = frames.last_mut() {
                    if frame.open == b'(' && frame.elements == 0 && frame.words.len() < 2 {
                        frame.words.push(word.clone());
                    }
                    if frame.open != b'('
                        && frame.elements == 0
                        && !frame.arg_dirty
                        && frame.prev_arg.is_none()
                    {
                        // `{spell_token, "v"}`: a bare first element names the pair.
                        frame.prev_arg = Some(word.clone());
                    } else {
                        frame.arg_dirty = true;
                    }
                }
                stmt_words.push(word);
            }
            Tok::Str { .. } => {
                let next_is_assign = toks.get(i + 1).is_some_and(|n| is_assign(line, n))
                    || (toks.get(i + 1).is_some_and(|n| n.tok == Tok::Close(b']'))
                        && toks.get(i + 2).is_some_and(|n| is_assign(line, n)));
                ctx.header_in_string(t, frames.last().and_then(|f| f.callee.as_deref()));
                if next_is_assign {
                    stmt_words.push(word_of(&t));
                    i += 1;
                    continue;
                }
                // A string that is not a key: an argument, or an element.
                let (joined, last) = join_concatenation(line, toks, i);
                // R's `"v" -> name` and CUE's default `name: string | *"v"`: the name is
                // after the literal, or at the line's start.
                if let Some(key) =
                    right_assigned(line, toks, last).or_else(|| cue_default_of(line, toks, i))
                {
                    ctx.emit(
                        key,
                        &joined,
                        true,
                        None,
                        parents_of(&frames),
                        Origin::Assignment,
                    );
                    i = last + 1;
                    continue;
                }
                if transformed(line, toks, last) {
                    // `"ab".repeat(2)`, `"x".replace(...)`: the value is computed.
                    if let Some(frame) = frames.last_mut() {
                        frame.arg_dirty = true;
                    }
                    i = last + 1;
                    continue;
                }
                let parents = parents_of(&frames);
                let emitted_before = ctx.out.len();
                match frames.last_mut() {
                    Some(frame) if frame.open == b'(' => {
                        // `(ConvertTo-SecureString "v" -AsPlainText)` (a PowerShell
                        // subexpression), `(setenv "K" "v")` (Lisp): a parenthesised command
                        // is called by its first word.
                        let callee = frame.callee.as_deref().map(str::to_string).or_else(|| {
                            (frame.elements == 0 && frame.words.len() == 1)
                                .then(|| frame.words[0].to_string())
                        });
                        let key = if frame.arg_dirty {
                            // `(def name "v")`: the name the form binds.
                            (frame.callee.is_none()
                                && frame.elements == 0
                                && frame.words.len() == 2
                                && is_definer(&frame.words[0]))
                            .then(|| frame.words[1].to_string())
                        } else {
                            frame.prev_arg.as_deref().map(str::to_string)
                        };
                        // `.bearer_auth("v")`, `setBearerToken("v")`: sent as a bearer token.
                        let bearer = key.is_none()
                            && callee
                                .as_deref()
                                .is_some_and(|c| c.to_ascii_lowercase().contains("bearer"));
                        let key = key.or_else(|| bearer.then(|| "Authorization".to_string()));
                        // `resetPassword(token, "v")`, `changePassword("old", "v")`,
                        // `updatePassword(id, "v")`: a call that sets a password takes it
                        // after the account, token or old password it acts on, so its later
                        // arguments are named by the call too (a string before that names no
                        // credential is that account, not the value's name).
                        let key = match callee.as_deref().and_then(password_setter_key) {
                            Some(setter)
                                if frame.elements > 0
                                    && key
                                        .as_deref()
                                        .is_none_or(|k| !super::names::names_secret(k)) =>
                            {
                                Some(setter)
                            }
                            _ => key,
                        };
                        // `setApiKey("v")`, `.secret_key("v")`, `Auth.api_key("v")`: a
                        // setter or a credential-named call names its first argument.
                        let key = key.or_else(|| {
                            (frame.elements == 0)
                                .then(|| {
                                    callee
                                        .as_deref()
                                        .and_then(|c| setter_key(c).or_else(|| constructor_key(c)))
                                })
                                .flatten()
                        });
                        let emitted = ctx.out.len();
                        ctx.emit(
                            key.unwrap_or_default(),
                            &joined,
                            true,
                            callee,
                            parents,
                            Origin::Argument,
                        );
                        // The scheme the call sends it with, for the `scheme` anchor.
                        if bearer {
                            if let Some(cand) =
                                ctx.out.get_mut(emitted..).and_then(|c| c.last_mut())
                            {
                                cand.scheme.get_or_insert_with(|| "Bearer".to_string());
                            }
                        }
                        frame.prev_arg = Some(span_text(line, &joined));
                        frame.arg_dirty = false;
                    }
                    // C++ brace initialisation: `std::string api_key{"v"}`.
                    Some(frame)
                        if frame.elements == 0 && !frame.arg_dirty && frame.init_of.is_some() =>
                    {
                        let key = frame.init_of.as_deref().unwrap_or_default().to_string();
                        frame.arg_dirty = true;
                        ctx.emit(key, &joined, true, None, parents, Origin::Assignment);
                    }
                    // A pair in a tuple or list: `{"authorization", "Bearer v"}` (Elixir,
                    // Erlang), `["token", "v"]`: the first element names the second.
                    Some(frame) if frame.elements == 0 && !frame.arg_dirty => {
                        if frame.prev_arg.is_none() {
                            frame.prev_arg = Some(span_text(line, &joined));
                        } else {
                            frame.arg_dirty = true;
                        }
                    }
                    Some(frame) if frame.elements == 1 && !frame.arg_dirty => {
                        if let Some(key) = frame.prev_arg.as_deref().map(str::to_string) {
                            frame.arg_dirty = true;
                            ctx.emit(key, &joined, true, None, parents, Origin::Argument);
                        }
                    }
                    Some(frame) => frame.arg_dirty = true,
                    // A command's argument, without parentheses: PowerShell
                    // `ConvertTo-SecureString "v" -AsPlainText`, Ruby `authenticate "v"`.
                    None => {
                        if let Some(command) = command_before(line, toks, i) {
                            ctx.emit(
                                String::new(),
                                &joined,
                                true,
                                Some(command),
                                Vec::new(),
                                Origin::Argument,
                            );
                        }
                    }
                }
                // A literal no key names may still hold code or config of its own (a
                // notebook cell's `"client = Client(api_key='v')"` as a list's element),
                // read when it names a credential (most strings of code are messages).
                if ctx.out.len() == emitted_before
                    && joined.len() == 1
                    && super::names::mentions_secret(&line[joined[0].0..joined[0].1])
                {
                    ctx.read_inside(joined[0]);
                }
                i = last + 1;
                continue;
            }
            Tok::Op
                if is_assign(line, &t)
                    && frames.is_empty()
                    && tuple_assignment(line, toks, i).is_some() =>
            {
                // `user, password = "ops", "v"`: names and literals paired by position.
                let (pairs, last) = tuple_assignment(line, toks, i).unwrap_or_default();
                for (name, span) in pairs {
                    ctx.emit(name, &[span], true, None, Vec::new(), Origin::Assignment);
                }
                i = last + 1;
                continue;
            }
            Tok::Op if dotenv_glued_assign(kind, line, toks, i) => {
                // `KEY==v`, `KEY=+v` (dotenv, shell): the first `=` assigns, the rest of the
                // operator run starts the value (`=` is no operator a `.env` line can hold).
                let key = word_of(&toks[i - 1]).into_owned();
                let (vs, ve) = bare_value(line, t.start + 1, kind.bare_value_to_line_end(), kind);
                if ve > vs {
                    ctx.emit(
                        key,
                        &[(vs, ve)],
                        false,
                        None,
                        Vec::new(),
                        Origin::Assignment,
                    );
                }
                i += 1;
                continue;
            }
            Tok::Op if is_assign(line, &t) => {
                let op = &line[t.start..t.end];
                let key = resolve_key(line, toks, i, &stmt_words, annotated.as_deref());
                let Some(key) = key else {
                    i += 1;
                    continue;
                };
                if let Some(frame) = frames.last_mut() {
                    frame.arg_dirty = true;
                }
                // `f"..."` (a string prefix) and `("a" "b")` (a parenthesised literal) are
                // values as much as a bare literal.
                let mut value_at = i + 1;
                if toks.get(value_at).is_some_and(|n| {
                    n.tok == Tok::Word
                        && is_string_prefix(&word_of(n))
                        && adjacent_string(toks, value_at)
                }) {
                    value_at += 1;
                }
                if toks.get(value_at).is_some_and(|n| n.tok == Tok::Open(b'('))
                    && toks
                        .get(value_at + 1)
                        .is_some_and(|n| matches!(n.tok, Tok::Str { .. }))
                    // `("v")`, or `(` and the literal ending the line (black's `API_KEY = (`
                    // with the literal below it, read as one line by `continued`).
                    && toks
                        .get(join_concatenation(line, toks, value_at + 1).1 + 1)
                        .is_none_or(|n| n.tok == Tok::Close(b')'))
                {
                    value_at += 1;
                }
                // `= Field("v", ...)`, `= str("v")`, `= HeaderValue::from_static("v")`: a pure
                // wrapper's first argument is the value.
                if value_at == i + 1 {
                    let mut w = value_at;
                    // Go's `[]byte("v")`.
                    if toks.get(w).is_some_and(|n| n.tok == Tok::Open(b'['))
                        && toks.get(w + 1).is_some_and(|n| n.tok == Tok::Close(b']'))
                        && toks.get(w + 2).is_some_and(|n| n.tok == Tok::Word)
                    {
                        w += 2;
                    }
                    while toks
                        .get(w + 1)
                        .is_some_and(|n| n.tok == Tok::Op && &line[n.start..n.end] == b"::")
                        && toks.get(w + 2).is_some_and(|n| n.tok == Tok::Word)
                    {
                        w += 2;
                    }
                    let wrapper = toks.get(w).is_some_and(|n| {
                        n.tok == Tok::Word
                            && super::siblings::is_pure_wrapper(&line[n.start..n.end])
                    }) && toks
                        .get(w + 1)
                        .is_some_and(|n| n.tok == Tok::Open(b'(') && n.start == toks[w].end)
                        && toks
                            .get(w + 2)
                            .is_some_and(|n| matches!(n.tok, Tok::Str { .. }));
                    let wrapped = wrapper
                        .then(|| join_concatenation(line, toks, w + 2))
                        .filter(|(_, last)| {
                            toks.get(last + 1)
                                .is_some_and(|n| matches!(n.tok, Tok::Close(b')') | Tok::Sep(b',')))
                        })
                        .or_else(|| wrapped_literal(line, toks, value_at));
                    if let Some((joined, last)) = wrapped {
                        let callee = innermost_callee(&frames);
                        ctx.emit(
                            key,
                            &joined,
                            true,
                            callee,
                            parents_of(&frames),
                            Origin::Assignment,
                        );
                        annotated = None;
                        i = last + 1;
                        continue;
                    }
                }
                if value_at != i + 1 {
                    let (mut joined, last) = join_concatenation(line, toks, value_at);
                    let prefix = &line[toks[value_at - 1].start..toks[value_at - 1].end];
                    if matches!(prefix, b"R" | b"LR" | b"uR" | b"UR" | b"u8R") {
                        strip_raw_delimiters(line, &mut joined);
                    }
                    let callee = innermost_callee(&frames);
                    ctx.emit(
                        key,
                        &joined,
                        true,
                        callee,
                        parents_of(&frames),
                        Origin::Assignment,
                    );
                    annotated = None;
                    i = last + 1;
                    continue;
                }
                let next = toks.get(i + 1);
                // `:` glued to the word after it and not to the one before is a symbol or a
                // binding (Vue's `<Map :api-key="...">`, Ruby's `:token`), not a type.
                let prefix_colon = t.start > 0
                    && line[t.start - 1].is_ascii_whitespace()
                    && line.get(t.end).is_some_and(|b| !b.is_ascii_whitespace());
                let code_annotation = matches!(kind, Kind::Code | Kind::Hcl)
                    && op == b":"
                    && !prefix_colon
                    && next.is_some_and(|n| {
                        n.tok == Tok::Word
                            || n.tok == Tok::Op
                            // Zig's and Go's slice types: `token: []const u8 = "v"`.
                            || (n.tok == Tok::Open(b'[')
                                && toks
                                    .get(i + 2)
                                    .is_some_and(|c| c.tok == Tok::Close(b']') && c.start == n.end))
                    });
                // `KEY: value` opening a line of code, with no `=` after it, is not an
                // annotation but a config line pasted into the file: read line-based.
                let colon_line = code_annotation
                    && i == 1
                    && toks[0].tok == Tok::Word
                    && !toks[i + 1..].iter().any(|n| {
                        // `x: T = v` (an annotation), not base64 padding glued to a value.
                        is_assign(line, n)
                            && line[n.start] == b'='
                            && line[n.start - 1].is_ascii_whitespace()
                    });
                if code_annotation && !colon_line {
                    annotated = Some(key);
                    i += 1;
                    continue;
                }
                match next {
                    Some(n) if matches!(n.tok, Tok::Str { .. }) => {
                        let (joined, last) = join_concatenation(line, toks, i + 1);
                        let callee = innermost_callee(&frames);
                        ctx.emit(
                            key,
                            &joined,
                            true,
                            callee,
                            parents_of(&frames),
                            Origin::Assignment,
                        );
                        annotated = None;
                        i = last + 1;
                        continue;
                    }
                    Some(n) if matches!(n.tok, Tok::Open(b'{') | Tok::Open(b'[')) => {
                        // The key names a nested block: remembered by the frame pushed next.
                        stmt_words.push(Cow::Owned(key));
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                let from = t.end;
                // Unquoted values in code are expressions, never literal secrets; but a
                // line that starts `KEY=value` is not code (a config line pasted into a
                // source file): it falls back to line-based reading.
                let line_based = (kind == Kind::Code && i == 1 && op == b"=") || colon_line;
                if matches!(kind, Kind::Code) && !line_based {
                    i += 1;
                    continue;
                }
                // `Authorization: Klaviyo-API-Key v`: a header line runs to its end.
                let header_line = op == b":" && i == 1 && is_credential_header(&key);
                let to_line_end = kind.bare_value_to_line_end() || line_based || header_line;
                let (vs, mut ve) = bare_value(line, from, to_line_end, kind);
                if line_based {
                    // A statement's `;` or a list's `,` ends the value.
                    while ve > vs && matches!(line[ve - 1], b';' | b',') {
                        ve -= 1;
                    }
                }
                if ve > vs {
                    let span = vec![(vs, ve)];
                    ctx.emit(
                        key,
                        &span,
                        false,
                        innermost_callee(&frames),
                        parents_of(&frames),
                        Origin::Assignment,
                    );
                }
                // The rest of the line is read on, the value's own tokens too: a value may
                // itself hold `key="value"` pairs (`conn = connect(password="...")`,
                // `payload=speckle_token: ...` once decoded).
            }
            Tok::Open(c) => {
                let callee = (c == b'(').then(|| callee_before(line, toks, i)).flatten();
                let key = (c != b'(').then(|| stmt_words.last().cloned()).flatten();
                let init_of = (c == b'{')
                    .then(|| {
                        i.checked_sub(1)
                            .map(|p| toks[p])
                            .filter(|p| p.tok == Tok::Word && p.end == t.start)
                            .map(|p| word_of(&p))
                    })
                    .flatten()
                    .or_else(|| {
                        // Kotlin's `val secret: String by lazy { "v" }`: the block's value is
                        // the declared name's.
                        let n = stmt_words.len();
                        (c == b'{'
                            && n >= 2
                            && stmt_words[n - 2] == "by"
                            && stmt_words[n - 1] == "lazy")
                            .then(|| {
                                annotated
                                    .clone()
                                    .map(Cow::Owned)
                                    .or_else(|| n.checked_sub(3).map(|k| stmt_words[k].clone()))
                            })
                            .flatten()
                    });
                if let Some(frame) = frames.last_mut() {
                    frame.arg_dirty = true;
                }
                frames.push(Frame::new(c, callee, key, init_of));
                stmt_words.clear();
            }
            Tok::Close(_) => {
                frames.pop();
            }
            Tok::Sep(c) => {
                stmt_words.clear();
                if c == b';' {
                    annotated = None;
                }
                if let Some(frame) = frames.last_mut() {
                    if frame.arg_dirty {
                        frame.prev_arg = None;
                    }
                    frame.arg_dirty = false;
                    frame.elements += 1;
                }
            }
            Tok::Op | Tok::Other => {
                if let Some(frame) = frames.last_mut() {
                    frame.arg_dirty = true;
                }
            }
        }
        i += 1;
    }
}

/// A tuple assignment at `toks[op]` (`user, password = "ops", "v"`, Go's `:=`, Lua's
/// `local a, b = ...`): each name before the operator with the literal at its position after
/// it, when there are two or more names, as many single literals, and nothing else in the
/// statement. The pairs and the index of the last literal.
#[allow(clippy::type_complexity)]
fn tuple_assignment(
    line: &[u8],
    toks: &[Token],
    op: usize,
) -> Option<(Vec<(String, (usize, usize))>, usize)> {
    // Most assignments have one name: told before anything is allocated.
    if !matches!(&line[toks[op].start..toks[op].end], b"=" | b":=")
        || toks.get(op.checked_sub(2)?)?.tok != Tok::Sep(b',')
    {
        return None;
    }
    let mut names = Vec::new();
    let mut k = op;
    loop {
        let name = toks[k.checked_sub(1)?];
        if name.tok != Tok::Word {
            return None;
        }
        names.push(crate::context::lossy(&line[name.start..name.end]).into_owned());
        k -= 1;
        match k.checked_sub(1).map(|p| toks[p]) {
            Some(sep) if sep.tok == Tok::Sep(b',') => k -= 1,
            _ => break,
        }
    }
    // What precedes the names: nothing, a statement's end or a declaration keyword.
    let opens = match k.checked_sub(1).map(|p| toks[p]) {
        None => true,
        Some(p) if p.tok == Tok::Sep(b';') => true,
        Some(p) => {
            p.tok == Tok::Word
                && matches!(
                    &line[p.start..p.end],
                    b"local" | b"var" | b"let" | b"const" | b"my" | b"our"
                )
                && k == 1
        }
    };
    if names.len() < 2 || !opens {
        return None;
    }
    names.reverse();
    let mut pairs = Vec::with_capacity(names.len());
    let mut at = op + 1;
    for (n, name) in names.into_iter().enumerate() {
        if n > 0 {
            if toks.get(at)?.tok != Tok::Sep(b',') {
                return None;
            }
            at += 1;
        }
        let value = toks.get(at)?;
        if !matches!(value.tok, Tok::Str { .. }) {
            return None;
        }
        pairs.push((name, (value.start, value.end)));
        at += 1;
    }
    toks.get(at)
        .is_none_or(|t| t.tok == Tok::Sep(b';'))
        .then_some((pairs, at - 1))
}

/// Openers and closers of string literals the tokenizer does not know, read only where a
/// value is assigned: Nix's indented string (`''v''`), Perl's quote operators (`q{v}`,
/// `qq(v)`), OCaml's quoted string (`{|v|}`), Lua's long bracket (`[[v]]`, `[==[v]==]`).
const QUOTE_LIKE: &[(&[u8], &[u8])] = &[
    (b"''", b"''"),
    (b"q{", b"}"),
    (b"qq{", b"}"),
    (b"q(", b")"),
    (b"qq(", b")"),
    (b"q[", b"]"),
    (b"{|", b"|}"),
    (b"[[", b"]]"),
    (b"[=[", b"]=]"),
    (b"[==[", b"]==]"),
    // Ruby's percent literals.
    (b"%q(", b")"),
    (b"%Q(", b")"),
    (b"%q{", b"}"),
    (b"%Q{", b"}"),
    (b"%q[", b"]"),
    (b"%Q[", b"]"),
    (b"%(", b")"),
];

/// A literal written inside a wrapper that leaves it a literal, as the value starting at
/// `toks[at]`: a JSX or Svelte attribute's expression (`apiKey={"v"}`), a TypeScript type
/// assertion (`<string>"v"`), Swift's raw string (`#"v"#`), or a [`QUOTE_LIKE`] string. The
/// literal's content spans and the index of the wrapper's last token.
fn wrapped_literal(line: &[u8], toks: &[Token], at: usize) -> Option<(Vec<(usize, usize)>, usize)> {
    let first = toks.get(at)?;
    let is_str = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.tok, Tok::Str { .. }))
    };
    let op_is = |k: usize, op: &[u8]| {
        toks.get(k)
            .is_some_and(|t| t.tok == Tok::Op && &line[t.start..t.end] == op)
    };
    match first.tok {
        Tok::Open(b'{') if is_str(at + 1) => {
            let (spans, last) = join_concatenation(line, toks, at + 1);
            return (toks.get(last + 1)?.tok == Tok::Close(b'}')).then_some((spans, last + 1));
        }
        Tok::Op
            if op_is(at, b"<")
                && toks.get(at + 1).is_some_and(|t| t.tok == Tok::Word)
                && op_is(at + 2, b">")
                && is_str(at + 3) =>
        {
            return Some(join_concatenation(line, toks, at + 3));
        }
        // django-environ's `Env(SECRET_KEY=(str, "v"))`: a type and its default.
        Tok::Open(b'(')
            if toks
                .get(at + 1)
                .is_some_and(|t| t.tok == Tok::Word && &line[t.start..t.end] == b"str")
                && toks.get(at + 2).is_some_and(|t| t.tok == Tok::Sep(b','))
                && is_str(at + 3)
                && toks.get(at + 4).is_some_and(|t| t.tok == Tok::Close(b')')) =>
        {
            let s = toks[at + 3];
            return Some((vec![(s.start, s.end)], at + 4));
        }
        Tok::Other if line[first.start] == b'#' && is_str(at + 1) => {
            let s = toks[at + 1];
            return (s.start == first.end + 1).then(|| (vec![(s.start, s.end)], at + 1));
        }
        _ => {}
    }
    // A string token's span is its content: the wrapper starts at its quote.
    let raw_start = first.start - usize::from(matches!(first.tok, Tok::Str { .. }));
    let rest = &line[raw_start..];
    let (open, close) = QUOTE_LIKE.iter().find(|(open, _)| rest.starts_with(open))?;
    let from = raw_start + open.len();
    let len = memchr::memmem::find(&line[from..], close)?;
    let content = &line[from..from + len];
    if content.is_empty()
        || content
            .iter()
            .any(|b| b.is_ascii_whitespace() || b"'\"`".contains(b))
    {
        return None;
    }
    let end = from + len + close.len();
    let last = toks
        .iter()
        .rposition(|t| t.start < end)
        .filter(|&k| k >= at)?;
    Some((vec![(from, from + len)], last))
}

/// C++'s raw string `R"delim(v)delim"`: the content less its delimiters.
fn strip_raw_delimiters(line: &[u8], spans: &mut [(usize, usize)]) {
    let Some((s, e)) = spans.first().copied() else {
        return;
    };
    let content = &line[s..e];
    let Some(open) = content.iter().take(17).position(|&b| b == b'(') else {
        return;
    };
    let delim = &content[..open];
    if delim
        .iter()
        .any(|b| b.is_ascii_whitespace() || b"\\)".contains(b))
    {
        return;
    }
    let tail = content.len() - delim.len();
    if tail > open + 1 && content[tail - 1] == b')' && &content[tail..] == delim {
        spans[0] = (s + open + 1, s + tail - 1);
    }
}

/// R's right assignment `"v" -> name` (alone in its statement), after the literal ending at
/// `toks[last]`: the name.
fn right_assigned(line: &[u8], toks: &[Token], last: usize) -> Option<String> {
    let (dash, gt, name) = (
        toks.get(last + 1)?,
        toks.get(last + 2)?,
        toks.get(last + 3)?,
    );
    let arrow = dash.tok == Tok::Other
        && line[dash.start] == b'-'
        && gt.tok == Tok::Op
        && &line[gt.start..gt.end] == b">"
        && gt.start == dash.end;
    let alone = toks
        .get(last + 4)
        .is_none_or(|t| matches!(t.tok, Tok::Sep(_)));
    (arrow && name.tok == Tok::Word && alone)
        .then(|| crate::context::lossy(&line[name.start..name.end]).into_owned())
}

/// CUE's default `name: string | *"v"` (the literal at `toks[at]`): the line's first name.
fn cue_default_of(line: &[u8], toks: &[Token], at: usize) -> Option<String> {
    let op = |k: usize| {
        toks.get(k)
            .filter(|t| t.tok == Tok::Op)
            .map(|t| &line[t.start..t.end])
    };
    let star = op(at.checked_sub(1)?)?;
    let default = star == b"|*" || (star == b"*" && op(at.checked_sub(2)?) == Some(b"|"));
    let (name, colon) = (toks.first()?, toks.get(1)?);
    (default && name.tok == Tok::Word && matches!(op(1), Some(b":")) && colon.end <= toks[at].start)
        .then(|| crate::context::lossy(&line[name.start..name.end]).into_owned())
}

/// Calls that turn a literal into another string type and nothing else (Rust's
/// `String::from`, `OsString::from`, `OsStr::new`; Java's `String.valueOf`; Python's `str`;
/// JavaScript's `String`; C++'s `std::string`, Qt's `QStringLiteral`).
const CONVERSIONS: &[&str] = &[
    "String::from",
    "OsString::from",
    "OsStr::new",
    "CString::new",
    "Cow::from",
    "Cow::Borrowed",
    "String.valueOf",
    "str",
    "String",
    "std::string",
    "QString",
    "QStringLiteral",
];

/// Whether `line` opens with a [`CONVERSIONS`] call of a literal (`OsString::from("v"),`).
pub(super) fn opens_with_conversion(line: &[u8]) -> bool {
    CONVERSIONS.iter().any(|c| {
        line.strip_prefix(c.as_bytes())
            .and_then(|rest| rest.strip_prefix(b"("))
            .is_some_and(|rest| rest.first().is_some_and(|b| matches!(b, b'"' | b'\'')))
    })
}

/// The tokens of `toks` with each literal's conversion to another string type taken away,
/// if the line has one: `OsString::from("K")` and `"K".into()` read as `"K"`, so that a
/// pair call (`env.insert(OsString::from("DB_PASSWORD"), OsString::from("v"))`, Rust's
/// `m.insert("K".into(), "v".into())`, Java's `put("K", String.valueOf("v"))`) names its value
/// as the plain literals would, on one line or with each argument on a line of its own.
fn unwrap_conversions(line: &[u8], toks: &[Token]) -> Option<Vec<Token>> {
    let glued = |a: &Token, b: &Token| a.end == b.start;
    let is_str = |t: Option<&Token>| t.is_some_and(|t| matches!(t.tok, Tok::Str { .. }));
    // `Conv("v")` with the literal its only argument: the index of the conversion's first
    // token, the literal's at `open + 1`.
    let wrapped = |open: usize| -> Option<usize> {
        if toks[open].tok != Tok::Open(b'(')
            || !is_str(toks.get(open + 1))
            || toks.get(open + 2).map(|t| t.tok) != Some(Tok::Close(b')'))
        {
            return None;
        }
        let name = toks.get(open.checked_sub(1)?)?;
        if name.tok != Tok::Word || !glued(name, &toks[open]) {
            return None;
        }
        let mut from = open - 1;
        if from >= 2 {
            let (sep, path) = (toks[from - 1], toks[from - 2]);
            if sep.tok == Tok::Op
                && &line[sep.start..sep.end] == b"::"
                && path.tok == Tok::Word
                && glued(&path, &sep)
                && glued(&sep, name)
            {
                from -= 2;
            }
        }
        let callee = &line[toks[from].start..name.end];
        CONVERSIONS
            .iter()
            .any(|c| c.as_bytes() == callee)
            .then_some(from)
    };
    // `"v".into()`: the literal, then a same-value method with no arguments.
    let suffixed = |at: usize| -> bool {
        is_str(toks.get(at))
            && toks.get(at + 4).map(|t| t.tok) == Some(Tok::Close(b')'))
            && toks[at + 3].tok == Tok::Open(b'(')
            && toks[at + 2].tok == Tok::Word
            && toks[at + 1].tok == Tok::Op
            && &line[toks[at + 1].start..toks[at + 1].end] == b"."
            && SAME_VALUE_METHODS
                .iter()
                .any(|m| m.as_bytes() == &line[toks[at + 2].start..toks[at + 2].end])
    };
    if !(0..toks.len()).any(|i| suffixed(i) || wrapped(i).is_some()) {
        return None;
    }
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if let Some(from) = wrapped(i) {
            // The conversion's name was pushed already: replaced by its literal.
            out.truncate(out.len() - (i - from));
            out.push(toks[i + 1]);
            i += 3;
        } else if suffixed(i) {
            out.push(toks[i]);
            i += 5;
        } else {
            out.push(toks[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Methods that hand a literal on unchanged (a conversion to another string type).
const SAME_VALUE_METHODS: &[&str] = &[
    "to_string",
    "to_owned",
    "into",
    "as_str",
    "as_bytes",
    "as_ref",
    "encode",
    "getBytes",
    "toCharArray",
    "ToCharArray",
    "toString",
    "ToString",
    "c_str",
    "data",
    "freeze",
    "b",
    "dup",
    "strip",
    "trim",
    "Trim",
    // Rust's `"v".parse()` into a `HeaderValue`, Kotlin's and Rust's byte conversions.
    "parse",
    "toByteArray",
    "encodeToByteArray",
    "into_bytes",
    "to_vec",
];

/// Whether the literal ending at `toks[last]` is followed by a method call that computes a
/// new value from it (`"ab".repeat(2)`, `"a-b".replace("-", "")`), rather than a
/// conversion that keeps it (`"v".to_string()`).
pub(super) fn transformed(line: &[u8], toks: &[Token], last: usize) -> bool {
    let (Some(dot), Some(name), Some(open)) =
        (toks.get(last + 1), toks.get(last + 2), toks.get(last + 3))
    else {
        return false;
    };
    dot.tok == Tok::Op
        && &line[dot.start..dot.end] == b"."
        && dot.start == toks[last].end + 1
        && name.tok == Tok::Word
        && open.tok == Tok::Open(b'(')
        && !SAME_VALUE_METHODS
            .iter()
            .any(|m| m.as_bytes() == &line[name.start..name.end])
}

/// Words that start the name of a call which reads, checks or transforms a credential
/// rather than setting one (`getToken("name")`, `verify_password(...)`).
const NOT_SETTER_VERBS: &[&str] = &[
    "get", "load", "read", "fetch", "find", "lookup", "verify", "check", "validate", "hash", "has",
    "is", "delete", "remove", "revoke", "create", "generate", "new", "require", "parse", "encode",
    "decode", "encrypt", "decrypt", "compare", "mask", "redact", "print", "log", "format",
    "assert", "expect", "test", "make", "rotate", "refresh", "sign", "tokeni",
];

/// Nouns that a credential-named call ends with (`api_key(...)`, `secretKey(...)`).
const CREDENTIAL_NOUNS: &[&str] = &[
    "key",
    "token",
    "secret",
    "password",
    "passwd",
    "passphrase",
    "credential",
    "credentials",
];

/// A call's name as the setter checks read it: its last name part (`setApiKey` of
/// `client.setApiKey`), that part less `suffix` lowercased without `_`, whether it starts
/// with a setter's verb (`set`, `with`, `use` before a noun), and whether it is a method of
/// a receiver. `None` for a getter or a check ([`NOT_SETTER_VERBS`]).
struct CallName<'a> {
    last: &'a str,
    stem: &'a str,
    lower: String,
    setter: bool,
    method: bool,
}

fn call_name<'a>(callee: &'a str, suffixes: &[&str]) -> Option<CallName<'a>> {
    let last = callee.rsplit(['.', ':', '>']).next()?;
    let stem = suffixes
        .iter()
        .find_map(|s| last.strip_suffix(s))
        .unwrap_or(last);
    let lower: String = stem
        .chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    let setter = ["set", "with", "use"]
        .iter()
        .any(|p| lower.len() > p.len() + 2 && lower.starts_with(p));
    if !setter && NOT_SETTER_VERBS.iter().any(|v| lower.starts_with(v)) {
        return None;
    }
    let method = last.len() < callee.len();
    Some(CallName {
        last,
        stem,
        lower,
        setter,
        method,
    })
}

/// The key a call's first argument is set under: the call's last name part when it is a
/// setter (`setApiKey`, `with_token`, `useSecret`) or a credential noun (`api_key`,
/// `.secret_key`), and not a getter or a check (`get_token`, `verify_password`).
fn setter_key(callee: &str) -> Option<String> {
    let name = call_name(callee, &[])?;
    // A credential noun names its argument as a method of a receiver (a builder's
    // `.secret_key(v)`, `Auth.api_key(v)`); a free function so named is more often a helper
    // that builds or looks one up (`github_token(body)`).
    (name.setter || (name.method && CREDENTIAL_NOUNS.iter().any(|n| name.lower.ends_with(n))))
        .then(|| name.last.to_string())
}

/// The key of a call that sets a password (`resetPassword`, `change_password`,
/// `setPassphrase`, ASP.NET Identity's `ResetPasswordAsync`), whose password may follow
/// other arguments: a method or a setter whose name, less an `Async` suffix, ends in a
/// password's noun, and is no getter or check ([`NOT_SETTER_VERBS`]).
fn password_setter_key(callee: &str) -> Option<String> {
    let name = call_name(callee, &["Async", "_async"])?;
    ((name.setter || name.method)
        && ["password", "passwd", "passphrase"]
            .iter()
            .any(|n| name.lower.ends_with(n)))
    .then(|| name.stem.to_string())
}

/// The key a class named for a secret gives its first argument (`new SecretKeySpec("v"...)`,
/// `ApiKeyCredential("v")`, `AccessToken("v", expiry)`, `BearerToken("v")`): a capitalised
/// name that says token, secret or API key. Not a class that pairs a user with a password
/// (`UsernamePasswordCredentials("user", ...)`, `NetworkCredential(...)`), whose first
/// argument is the user.
fn constructor_key(callee: &str) -> Option<String> {
    let last = callee.rsplit(['.', ':', '>']).next()?;
    if !last.starts_with(|c: char| c.is_ascii_uppercase()) || !super::names::names_secret(last) {
        return None;
    }
    let lower = last.to_ascii_lowercase();
    let secret = ["secret", "apikey", "token", "bearer"]
        .iter()
        .any(|w| lower.contains(w));
    let pairs_user = ["password", "passwd", "credential", "user", "login"]
        .iter()
        .any(|w| lower.contains(w));
    (secret && !pairs_user).then(|| last.to_string())
}

/// The name called by the `(` at `toks[open]`: the word right before it, with the path
/// it is qualified by (`Secret::new`, `SecretString::from`; a `.` chain is one word already).
fn callee_before<'a>(line: &'a [u8], toks: &[Token], open: usize) -> Option<Cow<'a, str>> {
    let glued = |a: &Token, b: &Token| a.end == b.start;
    let p = open.checked_sub(1)?;
    let (word, paren) = (toks[p], toks[open]);
    if word.tok != Tok::Word || !glued(&word, &paren) {
        return None;
    }
    let mut first = p;
    while first >= 2 {
        let (sep, name) = (toks[first - 1], toks[first - 2]);
        if sep.tok == Tok::Op
            && &line[sep.start..sep.end] == b"::"
            && name.tok == Tok::Word
            && glued(&name, &sep)
            && glued(&sep, &toks[first])
        {
            first -= 2;
        } else {
            break;
        }
    }
    // `builder().secret_key(`: a method of a receiver the lexer read as an expression keeps
    // its `.`, so that it reads as a method.
    let mut from = toks[first].start;
    if let Some(dot) = first.checked_sub(1).map(|p| toks[p]) {
        if dot.tok == Tok::Op && glued(&dot, &toks[first]) && line[dot.end - 1] == b'.' {
            from = dot.end - 1;
        }
    }
    Some(crate::context::lossy(&line[from..word.end]))
}

/// The command whose argument the string at `toks[at]` is, when the string follows a
/// command word (and its `-flags`) that starts a statement or the right side of an
/// assignment or a pipe: `ConvertTo-SecureString "v"`, `$p = ConvertTo-SecureString -String
/// "v"`. Not a call with parentheses (that is a frame) nor a key.
fn command_before(line: &[u8], toks: &[Token], at: usize) -> Option<String> {
    let mut k = at.checked_sub(1)?;
    while toks[k].tok == Tok::Word && line[toks[k].start] == b'-' {
        k = k.checked_sub(1)?;
    }
    let command = toks[k];
    if command.tok != Tok::Word || line[command.start] == b'-' {
        return None;
    }
    let starts_statement = match k.checked_sub(1).map(|p| toks[p]) {
        None => true,
        Some(p) => {
            is_assign(line, &p)
                || p.tok == Tok::Sep(b';')
                || (p.tok == Tok::Op && &line[p.start..p.end] == b"|")
        }
    };
    starts_statement.then(|| crate::context::lossy(&line[command.start..command.end]).into_owned())
}

/// Whether `toks[i]` is an operator run glued to the key before it and starting with `=`
/// that is no assignment operator of its own, on a `.env` or shell line whose first word
/// (after `export`) is that key: `SECRET_KEY==v` assigns `=v` (dotenv and the shell take
/// everything after the first `=`). Also such a line in a file of no known syntax (a
/// README's fenced `.env` block, a deployment guide's variables): a value drawn from an
/// alphabet with symbols starts with one (`=!v`, `=%v`, `=+v`) as often as its alphabet
/// says.
fn dotenv_glued_assign(kind: Kind, line: &[u8], toks: &[Token], i: usize) -> bool {
    if !matches!(kind, Kind::Env | Kind::Shell | Kind::Unknown) || i == 0 {
        return false;
    }
    let (t, key) = (&toks[i], &toks[i - 1]);
    let key_at = match i {
        1 => true,
        2 => &line[toks[0].start..toks[0].end] == b"export",
        _ => false,
    };
    key_at
        && t.tok == Tok::Op
        && key.tok == Tok::Word
        && key.end == t.start
        && line[t.start] == b'='
        && !is_assign(line, t)
        && key_name(&line[key.start..key.end])
}

/// Whether `word` is a shell variable's name (letters, digits, `_`; not a digit first).
fn key_name(word: &[u8]) -> bool {
    word.first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && word.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

fn is_assign(line: &[u8], t: &Token) -> bool {
    t.tok == Tok::Op && ASSIGN.contains(&&line[t.start..t.end])
}

/// Whether the line runs HTTPie (`http`, `https`, `httpie`) or xh, whose `-a` / `--auth`
/// take `user:password` as curl's `-u` does.
fn httpie_line(line: &[u8], toks: &[Token]) -> bool {
    toks.first().is_some_and(|t| {
        t.tok == Tok::Word
            && matches!(
                &line[t.start..t.end],
                b"http" | b"https" | b"httpie" | b"xh" | b"xhs"
            )
    })
}

pub(super) fn is_string_prefix(word: &str) -> bool {
    matches!(
        word,
        "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf" | "R" | "B" | "F" | "U" | "L" | "@"
            // SQL national and escape strings (`N'v'`, `E'v'`).
            | "N" | "E"
            // C++ encodings and raw strings (`u8"v"`, `LR"(v)"`).
            | "u8" | "u8R" | "LR" | "uR" | "UR"
    )
}

fn adjacent_string(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|n| matches!(n.tok, Tok::Str { .. }) && n.start == toks[i].end + 1)
}

/// The key an assignment operator at `toks[op]` assigns to.
fn resolve_key(
    line: &[u8],
    toks: &[Token],
    op: usize,
    stmt_words: &[Cow<str>],
    annotated: Option<&str>,
) -> Option<String> {
    let text = |t: &Token| crate::context::lossy(&line[t.start..t.end]).into_owned();
    if let Some(name) = annotated {
        return Some(name.to_string());
    }
    let mut p = op.checked_sub(1)?;
    // A name inside a path or URL (`registry/api_key_store:tag`) is not a key.
    let quote = usize::from(matches!(toks[p].tok, Tok::Str { .. }));
    if toks[p]
        .start
        .checked_sub(1 + quote)
        .is_some_and(|b| matches!(line[b], b'/' | b'\\'))
    {
        return None;
    }
    let op_is =
        |k: usize, op: &[u8]| toks[k].tok == Tok::Op && &line[toks[k].start..toks[k].end] == op;
    // Lua's attributes: `local api_key <const> = "v"`, `<close>`.
    if p >= 3
        && op_is(p, b">")
        && toks[p - 1].tok == Tok::Word
        && matches!(
            &line[toks[p - 1].start..toks[p - 1].end],
            b"const" | b"close"
        )
        && op_is(p - 2, b"<")
    {
        p -= 3;
    }
    // A subscript in braces: Perl's `$ENV{API_TOKEN} = ...`, `$cfg{'password'} = ...`.
    if p >= 3
        && toks[p].tok == Tok::Close(b'}')
        && matches!(toks[p - 1].tok, Tok::Word | Tok::Str { .. })
        && toks[p - 2].tok == Tok::Open(b'{')
        && toks[p - 3].tok == Tok::Word
        && toks[p - 3].end == toks[p - 2].start
    {
        return Some(text(&toks[p - 1]));
    }
    // A C array: `char API_SECRET[] = "v"`, `char key[33] = "v"`: the name before `[`.
    if toks[p].tok == Tok::Close(b']') {
        let open = match toks.get(p.wrapping_sub(1)).map(|t| t.tok) {
            Some(Tok::Open(b'[')) => p.checked_sub(1),
            Some(Tok::Word)
                if line[toks[p - 1].start..toks[p - 1].end]
                    .iter()
                    .all(u8::is_ascii_digit) =>
            {
                p.checked_sub(2).filter(|&k| toks[k].tok == Tok::Open(b'['))
            }
            _ => None,
        };
        if let Some(name) = open
            .and_then(|k| k.checked_sub(1))
            .filter(|&k| toks[k].tok == Tok::Word && toks[k].end == toks[k + 1].start)
        {
            return Some(text(&toks[name]));
        }
    }
    // Angular's property binding `[apiKey]="'v'"` (a `[` glued to no name before it).
    if p >= 2
        && toks[p].tok == Tok::Close(b']')
        && toks[p - 1].tok == Tok::Word
        && toks[p - 2].tok == Tok::Open(b'[')
        && toks[p - 2]
            .start
            .checked_sub(1)
            .is_none_or(|b| line[b].is_ascii_whitespace())
    {
        return Some(text(&toks[p - 1]));
    }
    if toks[p].tok == Tok::Close(b']') {
        // `env["KEY"] = ...`, `$config['key'] = ...`
        p = p.checked_sub(1)?;
        return matches!(toks[p].tok, Tok::Str { .. }).then(|| text(&toks[p]));
    }
    match toks[p].tok {
        Tok::Str { .. } => Some(text(&toks[p])),
        Tok::Word => {
            let word = text(&toks[p]);
            let n = stmt_words.len();
            // Go `var name T = ...` / `const name T = ...` put the name first; C, C++,
            // Kotlin and Swift put a type or modifier there (`const std::string name =`,
            // `const val NAME =`, `const char *name =`), and the name is the last word.
            if n >= 3
                && matches!(stmt_words[0].as_ref(), "var" | "const")
                && !is_type_or_modifier(&stmt_words[1])
            {
                return Some(stmt_words[1].to_string());
            }
            if is_type_or_modifier(&word) && n >= 2 {
                // The type follows the name (`var token string =`, `param pw string =`),
                // perhaps behind `As` (VB `Dim token As String =`).
                let mut k = n - 2;
                if k >= 1 && stmt_words[k].eq_ignore_ascii_case("as") {
                    k -= 1;
                }
                return Some(stmt_words[k].to_string());
            }
            Some(word)
        }
        _ => None,
    }
}

/// The string at `toks[first]` and any literals concatenated to it (`"a" + "b"`,
/// `"a" "b"`, `'a' . 'b'`): their content spans, and the index of the last token used.
fn join_concatenation(line: &[u8], toks: &[Token], first: usize) -> (Vec<(usize, usize)>, usize) {
    let mut spans = vec![(toks[first].start, toks[first].end)];
    let mut last = first;
    loop {
        match (toks.get(last + 1), toks.get(last + 2)) {
            (Some(n), _) if matches!(n.tok, Tok::Str { .. }) => {
                spans.push((n.start, n.end));
                last += 1;
            }
            (Some(op), Some(n))
                if op.tok == Tok::Op
                    && CONCAT.contains(&&line[op.start..op.end])
                    && matches!(n.tok, Tok::Str { .. }) =>
            {
                spans.push((n.start, n.end));
                last += 2;
            }
            _ => return (spans, last),
        }
    }
}

/// The unquoted value after an operator ending at `from`: to the end of the line less a
/// trailing comment (` #`, ` //`, ` ;` in INI), or one word.
fn bare_value(line: &[u8], from: usize, to_line_end: bool, kind: Kind) -> (usize, usize) {
    let mut s = from;
    while s < line.len() && (line[s] == b' ' || line[s] == b'\t') {
        s += 1;
    }
    let mut e = s;
    if to_line_end {
        e = line.len();
        let mut k = s;
        while k < line.len() {
            let c = line[k];
            let after_space = k > s && (line[k - 1] == b' ' || line[k - 1] == b'\t');
            if after_space && (c == b'#' || (c == b';' && kind == Kind::Ini)) {
                e = k;
                break;
            }
            k += 1;
        }
    } else {
        // A Dockerfile's `ENV`/`ARG` value is one word to the next blank: Docker reads no
        // `(`, `&`, `;` or `,` there (`ENV SECRET_KEY=ab(cd&ef` sets `ab(cd&ef`), and a value
        // cut at one would be reported short with its rest shown in clear.
        let ends_word = |b: u8| {
            b.is_ascii_whitespace()
                || (kind != Kind::Dockerfile && b",;()]}\"'`&|".contains(&b))
                || (kind == Kind::Xml && b == b'<')
        };
        while e < line.len() && !ends_word(line[e]) {
            e += 1;
        }
    }
    while e > s && line[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    // An unquoted value on a line that continues a string literal of the line above
    // keeps the literal's escapes and its closing quote on its line
    // (`authorization: Basic dXNlcjpwdw==\r\n\r\n");`): the value is what comes before.
    if e > s && !matches!(line[s], b'"' | b'\'') {
        e = s + escaped_string_tail(&line[s..e]).unwrap_or(e - s);
    }
    // An unquoted value that ends a docstring or heredoc-like block keeps the block's
    // closing `"""` / `'''` on its line (`api_token: v"""`): the value is what comes before.
    if to_line_end && e >= s + 4 && !matches!(line[s], b'"' | b'\'') {
        let tail = &line[e - 3..e];
        if tail == b"\"\"\"" || tail == b"'''" {
            e -= 3;
        }
    }
    // A quoted value (`KEY="v" # c`) keeps its content only.
    if e >= s + 2 && matches!(line[s], b'"' | b'\'') && line[e - 1] == line[s] {
        return (s + 1, e - 1);
    }
    (s, e)
}

/// Where a tail of line-break or tab escapes (`\r`, `\n`, `\t`), with the quotes, closing
/// brackets, commas, semicolons and spaces around them, starts in `value`; none unless the
/// tail holds at least one escape. Read from the end, so a `\n` inside the value
/// (`abc\ndef`) is kept.
fn escaped_string_tail(value: &[u8]) -> Option<usize> {
    let mut at = value.len();
    let mut escaped = false;
    while at > 0 {
        let c = value[at - 1];
        if at >= 2 && value[at - 2] == b'\\' && b"rnt".contains(&c) {
            at -= 2;
            escaped = true;
        } else if b"\"');,]} \t".contains(&c) {
            at -= 1;
        } else {
            break;
        }
    }
    (escaped && at > 0).then_some(at)
}

fn parents_of(frames: &[Frame<'_>]) -> Vec<String> {
    frames
        .iter()
        .filter_map(|f| f.key.as_deref().map(str::to_string))
        .collect()
}

fn innermost_callee(frames: &[Frame<'_>]) -> Option<String> {
    frames
        .iter()
        .rev()
        .find(|f| f.open == b'(')
        .and_then(|f| f.callee.as_deref().map(str::to_string))
}

/// Header names whose value is a credential, matched case-insensitively.
pub fn is_credential_header(name: &str) -> bool {
    // Asked of every key the lexer emits: compared in place, without a lowercased copy.
    ["authorization", "proxy-authorization", "cookie"]
        .iter()
        .any(|h| name.eq_ignore_ascii_case(h))
        || (name.contains('-')
            && ["token", "key", "auth", "secret", "password", "session"]
                .iter()
                .any(|w| contains_ignore_ascii_case(name, w)))
}

/// Whether `hay` holds `needle` (lowercase ASCII), ASCII case ignored: as
/// `hay.to_ascii_lowercase().contains(needle)`, without the copy.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `key` is npm's `_auth` setting: `_auth`, `//registry/:_auth`, or the
/// environment's `npm_config__auth`.
fn is_npm_auth_key(key: &str) -> bool {
    key.eq_ignore_ascii_case("_auth")
        || ends_with_ignore_ascii_case(key, ":_auth")
        || ends_with_ignore_ascii_case(key, "__auth")
}

/// Whether `hay` ends with `needle` (lowercase ASCII), ASCII case ignored.
fn ends_with_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.as_bytes()[hay.len() - needle.len()..].eq_ignore_ascii_case(needle.as_bytes())
}

/// Emission state for one line.
struct LineCtx<'a> {
    line: &'a [u8],
    base: usize,
    line_start: usize,
    out: &'a mut Vec<Candidate>,
    /// Nesting depth: string contents that read as `KEY=value` are lexed once more.
    depth: u8,
    /// The last `name=`/`key=` value on the line, for a following `value=` (XML
    /// `<add key="K" value="V"/>`, `{"key": "K", "value": "V"}`).
    pair_name: Option<String>,
    /// How many brackets are open where the lexer is.
    level: usize,
    /// The first of `out` that this line added.
    first_out: usize,
    /// The last candidate this line added, and `level` when it was: the value that a
    /// header name after it applies to (`setValue("v", forHTTPHeaderField: "Authorization")`).
    last_value: Option<(usize, usize)>,
}

/// The text of `spans` of `line`, joined: borrowed from the line when it is one span of
/// valid UTF-8 (what [`LineCtx::value_text`] makes a `String` of).
fn span_text<'a>(line: &'a [u8], spans: &[(usize, usize)]) -> Cow<'a, str> {
    match spans {
        [(s, e)] => crate::context::lossy(&line[*s..*e]),
        _ => Cow::Owned(
            spans
                .iter()
                .map(|&(s, e)| crate::context::lossy(&line[s..e]))
                .collect(),
        ),
    }
}

impl LineCtx<'_> {
    fn value_text(&self, spans: &[(usize, usize)]) -> String {
        span_text(self.line, spans).into_owned()
    }

    fn emit(
        &mut self,
        key: String,
        spans: &[(usize, usize)],
        quoted: bool,
        callee: Option<String>,
        parents: Vec<String>,
        origin: Origin,
    ) {
        // A string literal holding a quoted string (Gradle `buildConfigField("String",
        // "TOKEN", "\"v\"")`): the inner string is the value.
        let unquoted;
        let spans = match spans {
            [(s, e)]
                if e - s > 4
                    && self.line[*s..].starts_with(b"\\\"")
                    && self.line[..*e].ends_with(b"\\\"") =>
            {
                unquoted = [(s + 2, e - 2)];
                &unquoted[..]
            }
            // A JavaScript literal in an HTML attribute (Vue's `:api-key="'v'"`).
            [(s, e)]
                if quoted
                    && e - s > 2
                    && *s > 0
                    && self.line[s - 1] == b'"'
                    && self.line[*s] == b'\''
                    && self.line[e - 1] == b'\''
                    && !self.line[s + 1..e - 1].contains(&b'\'') =>
            {
                unquoted = [(s + 1, e - 1)];
                &unquoted[..]
            }
            _ => spans,
        };
        let value = self.value_text(spans);
        if quoted && spans.len() == 1 {
            self.read_inside(spans[0]);
        }
        let key_is = |words: &[&str]| words.iter().any(|w| key.eq_ignore_ascii_case(w));
        let (names_pair, values_pair) = (
            key_is(&["key", "name", "id"]),
            key_is(&["value", "content", "example"]),
        );
        let key_says_header = contains_ignore_ascii_case(&key, "header");
        let mut key = key;
        if names_pair {
            self.pair_name = Some(value.clone());
        } else if values_pair {
            // `content`: HTML's `<meta name="api-key" content="v">`; `example`: an OpenAPI
            // parameter's `{"name": "api_key", "in": "query", "example": "v"}`.
            if let Some(name) = self.pair_name.take() {
                key = name;
            }
        }
        // A header name given after its value: Swift `setValue("Bearer v",
        // forHTTPHeaderField: "Authorization")`, Objective-C `[r setValue:@"v"
        // forHTTPHeaderField:@"X-Api-Key"]`. The header names the value before it.
        if key_says_header && is_credential_header(&value) {
            if let Some((at, level)) = self.last_value {
                let earlier = &mut self.out[at];
                if level == self.level && at >= self.first_out && earlier.header.is_none() {
                    earlier.key = value.clone();
                    earlier.header = Some(value.clone());
                    strip_auth_scheme(earlier);
                    return;
                }
            }
        }
        // `AuthenticationHeaderValue("Bearer", "v")`, `("Basic", "<base64>")`: the scheme
        // names an Authorization value.
        // A value keyed by the bearer scheme itself (Thunder Client's `"bearer": "v"`,
        // Elixir's `{:bearer, "v"}`) is a bearer token: its scheme is the key.
        let bearer_key = key.eq_ignore_ascii_case("bearer");
        if matches!(key.as_str(), "Bearer" | "bearer" | "Basic" | "basic") {
            if key.eq_ignore_ascii_case("basic") {
                if let Some(pass) = basic_password(&value) {
                    let (start, end) = (spans[0].0, spans[spans.len() - 1].1);
                    self.push(Candidate {
                        key: "password".into(),
                        parents,
                        start: self.base + start,
                        end: self.base + end,
                        value,
                        decoded: Some(pass),
                        quoted,
                        callee,
                        header: Some("Authorization".into()),
                        scheme: None,
                        host: None,
                        origin,
                        embedded: false,
                        line_start: self.line_start,
                    });
                    return;
                }
            }
            key = "Authorization".into();
        }
        let (start, end) = (spans[0].0, spans[spans.len() - 1].1);
        let header = is_credential_header(&key).then(|| key.clone());
        let mut joined = (spans.len() > 1).then(|| value.clone());
        // `.npmrc` `_auth` (and `//registry/:_auth`, `NPM_CONFIG__AUTH`) is base64 of
        // `user:password`; a name that merely ends in `_auth` (`token_auth`, `basic_auth`)
        // is not npm's, and its value is not decoded as one.
        if is_npm_auth_key(&key) {
            if let Some(pass) = basic_password(&value) {
                joined = Some(pass);
                key = "password".into();
            }
        }
        let mut cand = Candidate {
            key,
            parents,
            start: self.base + start,
            end: self.base + end,
            value,
            decoded: joined,
            // Inside a string literal, everything is literal.
            quoted: quoted || self.depth > 0,
            callee,
            header,
            scheme: None,
            host: None,
            origin,
            embedded: false,
            line_start: self.line_start,
        };
        strip_auth_scheme(&mut cand);
        if bearer_key && cand.scheme.is_none() {
            cand.scheme = Some("Bearer".into());
        }
        self.push(cand);
    }

    /// Config or code held in the string literal whose content is `s..e` (a notebook cell's
    /// source line, `"config": "DB_PASSWORD=..."`), read as lines of its own: decoded first
    /// when it holds escapes (`\"`, `\n` between lines, `\u0027`). Strings inside strings are
    /// not read again.
    fn read_inside(&mut self, (s, e): (usize, usize)) {
        if self.depth > 0 {
            return;
        }
        let (line, base, line_start) = (self.line, self.base, self.line_start);
        let content = &line[s..e];
        if content.contains(&b'\\') && content.len() <= MAX_NESTED {
            let decoded = super::escapes::unescape_string(content);
            if super::escapes::reads_as_lines(&decoded.bytes) {
                super::escapes::candidates(
                    &decoded,
                    base + s,
                    line_start,
                    Kind::Unknown,
                    |a, b| crate::context::lossy(&line[a - base..b - base]).into_owned(),
                    self.out,
                );
            }
        } else if content.len() <= MAX_NESTED {
            if looks_like_assignment(content)
                || super::escapes::reads_as_lines(content)
                || (looks_like_json_object(content) && super::names::mentions_secret(content))
            {
                candidates_at(
                    content,
                    base + s,
                    line_start,
                    Kind::Unknown,
                    self.out,
                    1,
                    None,
                );
            }
            super::spaced::nested_statement(content, base + s, line_start, self.out);
        }
    }

    /// Appends a candidate, remembered as the line's last value.
    fn push(&mut self, cand: Candidate) {
        self.out.push(cand);
        self.last_value = Some((self.out.len() - 1, self.level));
    }

    /// Declarations with no operator between the name and the value: C's `#define NAME
    /// "v"` (also `@"v"`, `L"v"`), Elixir's module attribute `@name "v"`, and `set [-x]
    /// NAME value` (fish, Tcl, csh). True when the line was one.
    fn declaration_without_operator(&mut self, toks: &[Token]) -> bool {
        let line = self.line;
        let text = |t: &Token| &line[t.start..t.end];
        let is_str = |t: Option<&Token>| t.is_some_and(|t| matches!(t.tok, Tok::Str { .. }));
        let (name, mut value_at, bare) = match toks {
            [hash, define, name, ..]
                if hash.tok == Tok::Other
                    && line[hash.start] == b'#'
                    && define.tok == Tok::Word
                    && text(define) == b"define"
                    && name.tok == Tok::Word =>
            {
                (*name, 3, false)
            }
            [attr, ..]
                if attr.tok == Tok::Word
                    && line[attr.start] == b'@'
                    && attr.end - attr.start > 1
                    && is_str(toks.get(1)) =>
            {
                (*attr, 1, false)
            }
            [set, ..] if set.tok == Tok::Word && text(set).eq_ignore_ascii_case(b"set") => {
                let mut k = 1;
                while toks
                    .get(k)
                    .is_some_and(|t| t.tok == Tok::Word && line[t.start] == b'-')
                {
                    k += 1;
                }
                match toks.get(k) {
                    Some(name) if name.tok == Tok::Word && k + 1 < toks.len() => {
                        (*name, k + 1, true)
                    }
                    _ => return false,
                }
            }
            _ => return false,
        };
        if toks.get(value_at).is_some_and(|t| {
            t.tok == Tok::Word
                && is_string_prefix(&crate::context::lossy(text(t)))
                && adjacent_string(toks, value_at)
        }) {
            value_at += 1;
        }
        let key = crate::context::lossy(text(&name)).into_owned();
        if is_str(toks.get(value_at)) {
            let (joined, _) = join_concatenation(line, toks, value_at);
            self.emit(key, &joined, true, None, Vec::new(), Origin::Assignment);
            return true;
        }
        if !bare || toks.get(value_at).is_some_and(|t| is_assign(line, t)) {
            return false;
        }
        let (vs, ve) = bare_value(line, name.end, true, Kind::Shell);
        if ve > vs {
            self.emit(
                key,
                &[(vs, ve)],
                false,
                None,
                Vec::new(),
                Origin::Assignment,
            );
        }
        true
    }

    /// `"Authorization: Bearer x"`, `'X-Api-Key:abc'` (curl `-H`, HTTPie, raw requests).
    fn header_in_string(&mut self, t: Token, callee: Option<&str>) {
        let s = &self.line[t.start..t.end];
        let Some(colon) = s.iter().position(|&b| b == b':') else {
            return;
        };
        let name = &s[..colon];
        if name.is_empty()
            || name.len() > 60
            || !name[0].is_ascii_alphabetic()
            || !name
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            || s.get(colon + 1) == Some(&b'/')
        {
            return;
        }
        let name = crate::context::lossy(name).into_owned();
        if !is_credential_header(&name) {
            return;
        }
        let mut vs = t.start + colon + 1;
        while vs < t.end && self.line[vs] == b' ' {
            vs += 1;
        }
        if vs >= t.end {
            return;
        }
        let mut cand = Candidate {
            header: Some(name.clone()),
            scheme: None,
            key: name,
            parents: Vec::new(),
            start: self.base + vs,
            end: self.base + t.end,
            value: crate::context::lossy(&self.line[vs..t.end]).into_owned(),
            decoded: None,
            quoted: true,
            callee: callee.map(str::to_string),
            host: None,
            origin: Origin::Header,
            embedded: false,
            line_start: self.line_start,
        };
        strip_auth_scheme(&mut cand);
        self.out.push(cand);
    }

    /// curl's `-u user:password`: the password, keyed `password`.
    fn user_pass(&mut self, after: usize) {
        let (mut s, mut e) = bare_value(self.line, after, false, Kind::Shell);
        if s > 0 && matches!(self.line[s - 1], b'"' | b'\'') {
            let q = self.line[s - 1];
            if let Some(close) = self.line[s..].iter().position(|&b| b == q) {
                e = s + close;
            }
        } else if matches!(self.line.get(s), Some(b'"' | b'\'')) {
            s += 1;
            if let Some(close) = self.line[s..].iter().position(|&b| b == self.line[s - 1]) {
                e = s + close;
            }
        }
        // An opening quote with nothing after it (`-u "` at the end of a line) leaves no
        // value: the end can then sit before the start.
        if e <= s {
            return;
        }
        let Some(colon) = self.line[s..e].iter().position(|&b| b == b':') else {
            return;
        };
        let ps = s + colon + 1;
        // `-u <key>:`, `-u <key>:X`, `-u <token>:api_token`: APIs that take their key as
        // the Basic user name (Stripe, Lob, Freshdesk, Toggl) leave the password empty or a
        // fixed word; the user name is then the credential.
        let marker = &self.line[ps..e];
        if matches!(marker, b"" | b"X" | b"x" | b"api_token") && colon > 0 {
            self.out.push(Candidate {
                callee: Some("curl".into()),
                ..Candidate::bare_word(
                    "user".into(),
                    self.base + s,
                    self.base + s + colon,
                    &self.line[s..s + colon],
                    self.line_start,
                    Origin::UserPass,
                )
            });
        }
        if ps >= e {
            return;
        }
        self.out.push(Candidate {
            callee: Some("curl".into()),
            ..Candidate::bare_word(
                "password".into(),
                self.base + ps,
                self.base + e,
                &self.line[ps..e],
                self.line_start,
                Origin::UserPass,
            )
        });
    }

    /// Dockerfile `ENV KEY value` / `ARG`: the legacy form with a space. `Some(true)` when
    /// the line was that form and is done.
    fn dockerfile_legacy(&mut self, toks: &[Token]) -> Option<bool> {
        let first = toks.first()?;
        let word = &self.line[first.start..first.end];
        if !(word.eq_ignore_ascii_case(b"ENV") || word.eq_ignore_ascii_case(b"ARG")) {
            return None;
        }
        let key = toks.get(1).filter(|t| t.tok == Tok::Word)?;
        if toks.get(2).is_some_and(|t| is_assign(self.line, t)) {
            return Some(false);
        }
        let (vs, ve) = bare_value(self.line, key.end, true, Kind::Env);
        if ve <= vs {
            return Some(true);
        }
        let name = crate::context::lossy(&self.line[key.start..key.end]).into_owned();
        self.emit(
            name,
            &[(vs, ve)],
            false,
            None,
            Vec::new(),
            Origin::Assignment,
        );
        Some(true)
    }
}

/// Whether `text` starts with `prefix` (lowercase ASCII), ASCII case ignored: as
/// `text.to_ascii_lowercase().starts_with(prefix)`, without the copy.
fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `Bearer x`, `token x`, `Basic x`: the credential after the scheme. A Basic value is
/// decoded to `user:password`, and the password becomes the value.
pub(super) fn strip_auth_scheme(c: &mut Candidate) {
    // Joined literals (`"Bearer " + "v"`): the scheme is stripped from the joined secret.
    if let Some(joined) = c.decoded.as_ref().filter(|_| c.header.is_some()).cloned() {
        if let Some((scheme, rest)) = joined.split_once(' ') {
            let rest = rest.trim_start();
            if super::names::is_auth_scheme(scheme) && !rest.is_empty() && !rest.contains(' ') {
                c.scheme = Some(scheme.to_string());
                c.decoded = Some(rest.to_string());
            }
        }
        return;
    }
    // The value's prefixes are compared with ASCII case ignored, in place
    // ([`starts_with_ignore_ascii_case`]): a lowercased copy has the same bytes at the same
    // offsets but costs an allocation per candidate.
    // An Authorization value is `<scheme> <credentials>`, and providers name their own
    // schemes (`Klaviyo-API-Key pk_...`, `SSWS ...`, `GenieKey ...`): one word, then the
    // credential.
    let authorization = c
        .header
        .as_deref()
        .is_some_and(|h| h.eq_ignore_ascii_case("authorization"));
    if authorization && c.decoded.is_none() && !starts_with_ignore_ascii_case(&c.value, "basic ") {
        if let Some((scheme, rest)) = c.value.split_once(' ') {
            let rest = rest.trim_start();
            let scheme_like = !scheme.is_empty()
                && scheme.len() <= 40
                && scheme.as_bytes()[0].is_ascii_alphabetic()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
            // `Token token=<key>` (PagerDuty), `Token token="<key>"` (Rails'
            // `authenticate_with_http_token`): the credential is an auth-param's value.
            if let Some((at, len)) = scheme_like.then(|| auth_param_credential(rest)).flatten() {
                c.scheme = Some(scheme.to_string());
                let skipped = c.value.len() - rest.len() + at;
                c.start += skipped;
                c.value = c.value[skipped..skipped + len].to_string();
                return;
            }
            if scheme_like && !rest.is_empty() && !rest.contains(char::is_whitespace) {
                c.scheme = Some(scheme.to_string());
                c.start += c.value.len() - rest.len();
                c.value = rest.to_string();
                return;
            }
        }
    }
    // Google's legacy FCM/GCM server key, `Authorization: key=<key>` (and `key = <key>`):
    // the API key after `key=`, with `key` as its scheme.
    if authorization && c.decoded.is_none() {
        if let Some(rest) = starts_with_ignore_ascii_case(&c.value, "key")
            .then(|| c.value[3..].trim_start())
            .and_then(|r| r.strip_prefix('='))
        {
            let rest = rest.trim_start();
            if !rest.is_empty() && !rest.contains(char::is_whitespace) {
                let skipped = c.value.len() - rest.len();
                c.scheme = Some(c.value[..3].to_string());
                c.start += skipped;
                c.value = c.value[skipped..].to_string();
                return;
            }
        }
    }
    for scheme in ["bearer ", "token ", "bot ", "basic ", "apikey ", "key "] {
        if starts_with_ignore_ascii_case(&c.value, scheme) && c.decoded.is_none() {
            c.scheme = Some(c.value[..scheme.len() - 1].to_string());
            let rest = c.value[scheme.len()..].trim_start().to_string();
            let skipped = c.value.len() - rest.len();
            c.start += skipped;
            c.value = rest.clone();
            if scheme != "basic " {
                if let Some((at, len)) = auth_param_credential(&rest) {
                    c.start += at;
                    c.value = rest[at..at + len].to_string();
                    return;
                }
            }
            let rest = rest.as_str();
            if scheme == "basic " {
                if let Some(pass) = basic_password(rest) {
                    c.decoded = Some(pass);
                    c.key = "password".into();
                } else if basic_user_alone(rest) {
                    // base64 of `user:` with no password (OpenShift's
                    // `openshift-challenging-client:`): the password is empty.
                    c.decoded = Some(String::new());
                    c.key = "password".into();
                } else if let Some(at) = plain_basic_password(rest) {
                    // REST Client's (VS Code) unencoded `Basic user password` and
                    // `Basic user:password` (github.com/Huachao/vscode-restclient#basic-auth).
                    c.start += at;
                    c.value = rest[at..].to_string();
                    c.key = "password".into();
                }
            }
            return;
        }
    }
}

/// The credential among an Authorization value's auth-params (RFC 9110 section 11.4:
/// `name=token` or `name="quoted"`, separated by commas): the one parameter, or the one
/// named `token`, `key`, `api_key` or `access_token`. Its offset and length in `params`.
/// A list without such a parameter (Digest's `username=`, `response=`) gives `None`.
pub(super) fn auth_param_credential(params: &str) -> Option<(usize, usize)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for part in params.split(',') {
        let (name, value) = part.trim().split_once('=')?;
        let name = name.trim_end();
        let word = name.len() <= 32
            && name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        // A token68 credential ends in `=` padding (`Bearer dGVzdA==`): no parameter.
        if !word || value.trim_start().starts_with('=') {
            return None;
        }
        let value_at = part.find('=')? + 1;
        let raw = &part[value_at..];
        let value_lead = raw.len() - raw.trim_start().len();
        let value = value.trim();
        let (inner_at, inner) = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) => (1, inner),
            None => (0, value),
        };
        if inner.is_empty() || inner.contains(|ch: char| ch.is_whitespace() || ch == '"') {
            return None;
        }
        found.push((
            name.to_ascii_lowercase(),
            offset + value_at + value_lead + inner_at,
            inner.len(),
        ));
        offset += part.len() + 1;
    }
    if let [(_, at, len)] = found.as_slice() {
        return Some((*at, *len));
    }
    found
        .iter()
        .find(|(name, _, _)| {
            matches!(
                name.as_str(),
                "token" | "key" | "api_key" | "apikey" | "access_token"
            )
        })
        .map(|(_, at, len)| (*at, *len))
}

/// Where the password starts in an unencoded `user password` or `user:password` (one
/// separator, no other space).
fn plain_basic_password(rest: &str) -> Option<usize> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let sep = match words.as_slice() {
        [user, pass] if !user.contains(':') && !pass.is_empty() => rest.find(pass)?,
        [pair] => pair.find(':').filter(|&i| i > 0 && i + 1 < pair.len())? + 1,
        _ => return None,
    };
    Some(sep)
}

/// Whether `encoded` is base64 of `user:` with an empty password.
fn basic_user_alone(encoded: &str) -> bool {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .is_some_and(|t| t.len() > 1 && t.ends_with(':') && !t.chars().any(char::is_control))
}

/// The password of base64 `user:password`.
pub fn basic_password(encoded: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let (_, pass) = text.split_once(':')?;
    (!pass.is_empty() && pass.chars().all(|c| !c.is_control())).then(|| pass.to_string())
}

#[cfg(test)]
mod tokenize_tests {
    //! The table-driven tokenizer against the byte-by-byte one it replaced.
    use super::*;

    fn is_word_start(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'@'
    }

    fn is_word_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b"_$@.-".contains(&b) || b >= 0x80
    }

    fn reference(line: &[u8]) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b == b'"' || b == b'\'' || b == b'`' {
                if let Some(close) = string_end(line, i) {
                    out.push(Token {
                        tok: Tok::Str { quote: b },
                        start: i + 1,
                        end: close,
                    });
                    i = close + 1;
                    continue;
                }
                out.push(Token {
                    tok: Tok::Other,
                    start: i,
                    end: i + 1,
                });
                i += 1;
                continue;
            }
            // The full-width colon of Chinese and Japanese text (`密码：v`) separates a name
            // from its value as `:` does.
            if line[i..].starts_with(FULLWIDTH_COLON) {
                out.push(Token {
                    tok: Tok::Op,
                    start: i,
                    end: i + FULLWIDTH_COLON.len(),
                });
                i += FULLWIDTH_COLON.len();
                continue;
            }
            let dash_word = b == b'-'
                && (i == 0 || line[i - 1].is_ascii_whitespace())
                && line
                    .get(i + 1)
                    .is_some_and(|&n| n.is_ascii_alphabetic() || n == b'-');
            if is_word_start(b) || b >= 0x80 || dash_word {
                let start = i;
                i += 1;
                while i < line.len()
                    && is_word_byte(line[i])
                    && !line[i..].starts_with(FULLWIDTH_COLON)
                {
                    i += 1;
                }
                i = powershell_scoped_name(line, start, i);
                // `a.b.` / `x-`: a trailing `.` or `-` belongs to what follows (`.=`, `->`).
                while i > start + 1 && matches!(line[i - 1], b'.' | b'-') {
                    i -= 1;
                }
                out.push(Token {
                    tok: Tok::Word,
                    start,
                    end: i,
                });
                continue;
            }
            // R's `name <- "value"`: `-` is no operator character (it joins words), so the
            // arrow is read here, when a space or a quote follows it.
            if b == b'<'
                && line.get(i + 1) == Some(&b'-')
                && line
                    .get(i + 2)
                    .is_none_or(|&n| n.is_ascii_whitespace() || n == b'"' || n == b'\'')
            {
                out.push(Token {
                    tok: Tok::Op,
                    start: i,
                    end: i + 2,
                });
                i += 2;
                continue;
            }
            if OP_CHARS.contains(&b) {
                let start = i;
                while i < line.len() && OP_CHARS.contains(&line[i]) {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Op,
                    start,
                    end: i,
                });
                continue;
            }
            let tok = match b {
                b'(' | b'[' | b'{' => Tok::Open(b),
                b')' | b']' | b'}' => Tok::Close(b),
                b',' | b';' => Tok::Sep(b),
                _ => Tok::Other,
            };
            out.push(Token {
                tok,
                start: i,
                end: i + 1,
            });
            i += 1;
        }
        out
    }

    #[test]
    fn byte_classes_tokenize_as_the_byte_tests_did() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet: Vec<&[u8]> = vec![
            b"a",
            b"Z",
            b"0",
            b"_",
            b"$",
            b"@",
            b".",
            b"-",
            b" ",
            b"\t",
            b"\"",
            b"'",
            b"`",
            b"\\",
            b"=",
            b":",
            b"<",
            b">",
            b"+",
            b"(",
            b")",
            b"[",
            b"]",
            b"{",
            b"}",
            b",",
            b";",
            b"#",
            b"/",
            b"\xef\xbc\x9a",
            b"\xef",
            b"\xc3\xa9",
            b"$env",
            b"!",
            b"|",
            b"?",
            b"\r",
            b"\x0c",
            b"\x0b",
        ];
        for round in 0..20_000 {
            let mut line = Vec::new();
            for _ in 0..next() % 40 {
                line.extend_from_slice(alphabet[(next() % alphabet.len() as u64) as usize]);
            }
            let got: Vec<_> = tokenize(&line)
                .iter()
                .map(|t| (t.tok, t.start, t.end))
                .collect();
            let want: Vec<_> = reference(&line)
                .iter()
                .map(|t| (t.tok, t.start, t.end))
                .collect();
            assert_eq!(
                got,
                want,
                "round {round}: {:?}",
                crate::context::lossy(&line)
            );
        }
    }

    #[test]
    fn credential_headers_are_told_without_a_lowercased_copy() {
        let reference = |name: &str| {
            let lower = name.to_ascii_lowercase();
            lower == "authorization"
                || lower == "proxy-authorization"
                || lower == "cookie"
                || (lower.contains('-')
                    && ["token", "key", "auth", "secret", "password", "session"]
                        .iter()
                        .any(|w| lower.contains(w)))
        };
        for name in [
            "Authorization",
            "AUTHORIZATION",
            "Proxy-Authorization",
            "Cookie",
            "X-Api-Key",
            "x-auth-TOKEN",
            "X-Session",
            "Content-Type",
            "token",
            "api_key",
            "",
            "-",
            "Ä-Key",
            "X-Sécret",
            "x-SECRET-é",
            "Set-Cookie",
            "Authorizationx",
        ] {
            assert_eq!(is_credential_header(name), reference(name), "{name}");
        }
        assert!(ends_with_ignore_ascii_case("//registry/:_AUTH", "_auth"));
        assert!(!ends_with_ignore_ascii_case("auth", "_auth"));
        assert!(contains_ignore_ascii_case("forHTTPHeaderField", "header"));
    }
}
