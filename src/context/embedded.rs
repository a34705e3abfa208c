//! Lines of one syntax held in a file of another: embedded documents.
//!
//! Real code holds other files' lines constantly: a test's heredoc or triple-quoted string
//! with a shell script, `subprocess.run("ngrok config add-authtoken …")`, a Jenkinsfile's
//! `sh '…'`, a Kubernetes manifest or a zuliprc in a Go raw string, a command in an XML
//! `<value>` or a JSON string (read by [`crate::scan::decode`] when it is escaped), a
//! PowerShell profile that runs `az storage … --account-key …`. The file's own kind reads
//! those lines as its syntax (a Go line `export TOKEN=v` is an expression, its value an
//! identifier), so the forms only the shell, env and YAML readers know (a command line's
//! subcommands and flags, `export K=V`, a bare `K=V`, a Kubernetes `- name:` / `value:`
//! item) were lost there.
//!
//! This pass takes a line (or an XML element's text, or a string literal's content) whose
//! own shape is another syntax's, and reads it again with the engine's ordinary line
//! extractors for that syntax ([`super::extract_range`] on the same bytes, so every span
//! is already the outer file's). It is bounded as the rest of the engine: it runs only on
//! the lines read around a context rule's keyword, and each embedded text is a strict part
//! of the line it was read from (a string's content, an element's text) or a line of
//! another kind, so reads within reads end with the line's quotes. The shapes are narrow on purpose: a line of code that merely could be
//! shell (`x = y`, `return token`) is not re-read; a re-read line names a command, an
//! export, an env entry, a `.netrc` line, a YAML item or a connection string plainly.
//!
//! What an embedded read finds is offered to the rules that name a provider only
//! ([`Candidate::embedded`]): a generic rule judges a value by its name alone, and the
//! docstrings and fixtures that embed documents are full of example values under
//! credential names (Ansible modules' `EXAMPLES` YAML, a README's `export K=v`); a
//! provider rule's anchors and value shape vouch for a token of its own.

use super::kind::Kind;
use super::lexer::{Tok, Token};
use super::Candidate;

/// Words that start a statement of source code, which a command line's program is not.
const STATEMENT_WORDS: &[&[u8]] = &[
    b"import",
    b"from",
    b"return",
    b"package",
    b"const",
    b"var",
    b"let",
    b"def",
    b"class",
    b"if",
    b"else",
    b"elif",
    b"for",
    b"while",
    b"func",
    b"fn",
    b"function",
    b"go",
    b"use",
    b"using",
    b"namespace",
    b"public",
    b"private",
    b"protected",
    b"static",
    b"print",
    b"raise",
    b"throw",
    b"yield",
    b"await",
    b"new",
    b"case",
    b"with",
    b"assert",
    b"del",
    b"pass",
    b"break",
    b"continue",
    b"typedef",
    b"struct",
    b"enum",
    b"type",
    b"module",
    b"require",
    b"include",
    b"match",
    b"not",
    b"and",
    b"or",
    b"in",
    b"is",
    b"as",
    b"do",
    b"end",
    b"then",
    b"try",
    b"catch",
    b"finally",
    b"except",
    b"switch",
    b"default",
    b"void",
    b"int",
    b"string",
    b"bool",
    b"final",
    b"val",
    b"override",
    b"async",
    b"export",
];

/// The kind an embedded text of one line reads as, if its shape is plainly another
/// syntax's than the file's: `export K=V`, a bare `K=V` entry, a command line, a YAML list
/// item's pair (`- api_key: v`, which no code writes; with `in_text`, an element's or a
/// heredoc's text, any `key: v` line), a C `#define`.
pub(super) fn foreign_kind(text: &[u8], in_text: bool) -> Option<Kind> {
    let mut t = strip_string_close(text.trim_ascii());
    let mut item = in_text;
    // A YAML list item or a CI step's script key holding the line (`- curl …`,
    // `run: vercel deploy …`), a shell prompt.
    // A comment's text (`// DefaultEndpointsProtocol=…;AccountKey=v;…`, `# export K=v`).
    for marker in [&b"// "[..], b"# ", b"-- ", b"* "] {
        if let Some(rest) = t.strip_prefix(marker) {
            t = rest.trim_ascii_start();
            break;
        }
    }
    for prefix in [&b"- "[..], b"$ ", b"> "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_ascii_start();
            item |= prefix == b"- ";
        }
    }
    for key in [&b"run:"[..], b"script:", b"command:", b"cmd:"] {
        if t.len() > key.len() && t[..key.len()].eq_ignore_ascii_case(key) {
            let rest = t[key.len()..].trim_ascii_start();
            if !rest.starts_with(b"|") && !rest.starts_with(b">") && !rest.starts_with(b"\"") {
                t = rest;
            }
        }
    }
    if t.len() < 8 {
        return None;
    }
    // A C preprocessor definition (`#define IO_KEY "v"`, an Arduino sketch in a page).
    if t.starts_with(b"#define ") {
        return Some(Kind::Code);
    }
    if item && yaml_pair(t) {
        return Some(Kind::Yaml);
    }
    if let Some(rest) = t.strip_prefix(b"export ") {
        return env_entry(rest.trim_ascii_start()).then_some(Kind::Shell);
    }
    if env_entry(t) {
        return Some(Kind::Env);
    }
    if netrc_line(t) {
        return Some(Kind::Ini);
    }
    (command_line(t) || property_line(t)).then_some(Kind::Shell)
}

/// A line of a command's options that starts with a property flag (`-Dsonar.login=v \`): a
/// command line continued over lines, as a Jenkinsfile's `sh """…"""` and a shell script
/// write a long `mvn` or `java` call, whose later lines hold only flags.
fn property_line(t: &[u8]) -> bool {
    let first = t.split(u8::is_ascii_whitespace).next().unwrap_or_default();
    matches!(first.first(), Some(b'-' | b'/')) && super::cmdline::property_word(first).is_some()
}

/// The end of a line that closes a string holding it: a lone backtick, a triple quote, and
/// the statement's `;` after them (``  value: v`;``, `key: v"""`).
fn strip_string_close(t: &[u8]) -> &[u8] {
    let mut t = t.strip_suffix(b";").unwrap_or(t);
    for close in [&b"\"\"\""[..], b"'''"] {
        if t.len() > 3 && t.ends_with(close) && t.windows(3).filter(|w| *w == close).count() == 1 {
            t = &t[..t.len() - 3];
        }
    }
    if t.ends_with(b"`") && memchr::memchr_iter(b'`', t).count() % 2 == 1 {
        t = &t[..t.len() - 1];
    }
    t.trim_ascii_end()
}

/// A value less the quotes around it.
fn unquoted(value: &[u8]) -> &[u8] {
    match value {
        [q @ (b'"' | b'\''), inner @ .., last] if last == q => inner,
        v => v,
    }
}

/// One word with nothing of code in it.
fn plain_word(value: &[u8]) -> bool {
    !value.is_empty()
        && !value.iter().any(|&b| {
            b.is_ascii_whitespace()
                || matches!(
                    b,
                    b';' | b'(' | b')' | b'{' | b'}' | b'[' | b']' | b',' | b'"' | b'\'' | b'`'
                )
        })
}

/// `key: value`: a plain key glued to its `:`, then one plain word (quoted or not).
fn yaml_pair(t: &[u8]) -> bool {
    let Some(colon) = memchr::memchr(b':', t) else {
        return false;
    };
    let (key, value) = (&t[..colon], t[colon + 1..].trim_ascii());
    !key.is_empty()
        && key[0].is_ascii_alphabetic()
        && key
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && t.get(colon + 1) == Some(&b' ')
        && plain_word(unquoted(value))
}

/// `NAME=value` with nothing else on the line: a name of letters, digits, `_`, `.` and `-`
/// glued to `=`, and a value of one word (quoted or not) that no code would end with or
/// hold (`;`, a call's or block's brackets, a comma).
fn env_entry(t: &[u8]) -> bool {
    let Some(eq) = memchr::memchr(b'=', t) else {
        return false;
    };
    let (name, value) = (&t[..eq], &t[eq + 1..]);
    !name.is_empty()
        && (name[0].is_ascii_alphabetic() || name[0] == b'_')
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && value.first().is_some_and(|&b| b != b'=')
        && (plain_word(unquoted(value)) || connection_string(value))
}

/// A connection string's parts, `Name=value;Name=value;…` (ADO.NET, Azure's
/// `DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…`), less its first name: the
/// first name's value, then one or more parts, each a plain name glued to `=` and a value
/// with nothing of code in it.
fn connection_string(value: &[u8]) -> bool {
    // The first part is the first name's own value (`https` of `Protocol=https;…`).
    let mut parts = value.split(|&b| b == b';').filter(|p| !p.is_empty());
    if !parts.next().is_some_and(plain_word) {
        return false;
    }
    let mut count = 0;
    for part in parts {
        let Some(eq) = memchr::memchr(b'=', part) else {
            return false;
        };
        if eq == 0
            || !part[..eq]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b' ')
            || !plain_word(&part[eq + 1..]) && eq + 1 < part.len()
        {
            return false;
        }
        count += 1;
    }
    count >= 1
}

/// A command line: a program (a plain lowercase name or a path, not a statement word of
/// code), then at least two more words, with no call, block, statement end or assignment
/// of code on the line, and a flag, or subcommands before a value that looks generated
/// (`ngrok config add-authtoken v`, `az storage container list --account-key v`).
fn command_line(t: &[u8]) -> bool {
    // The words are walked once, without collecting them; the program's own test, the
    // cheapest, comes first (most lines of code start with a statement word or a name in
    // capitals or brackets).
    let mut words = t
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let Some(program) = words.next() else {
        return false;
    };
    if !(program[0].is_ascii_lowercase() || matches!(program[0], b'/' | b'.'))
        || !program.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.' | b'/')
        })
        || STATEMENT_WORDS.contains(&program)
        || t.iter()
            .any(|&b| matches!(b, b'(' | b')' | b'{' | b'}' | b';' | b'`'))
        || t.windows(3).any(|w| w == b" = ")
    {
        return false;
    }
    // After the program: how many words, whether one is a flag, whether all but the last
    // are plain subcommands, and the last.
    let (mut count, mut flag, mut subcommands, mut last) = (0usize, false, true, &b""[..]);
    for word in words {
        if count > 0 {
            subcommands &= last.iter().all(|&b| b.is_ascii_lowercase() || b == b'-');
        }
        flag |= word.len() > 1 && word[0] == b'-';
        last = word;
        count += 1;
    }
    count >= 2
        && (flag
            || (subcommands
                && last.len() >= 16
                && last.iter().any(u8::is_ascii_digit)
                && last.iter().any(u8::is_ascii_alphabetic)))
}

/// The text of an XML element written on one line, or the start or end of one written
/// over lines (`<value>text</value>`, `<value>text`, `text</value>`): its span in `line`.
fn element_text(line: &[u8]) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_ascii_start().len();
    let t = &line[lead..];
    let mut start = lead;
    if t.starts_with(b"<") && !t.starts_with(b"</") {
        let close = memchr::memchr(b'>', t)?;
        if close == 0 || t[close - 1] == b'/' {
            return None;
        }
        start = lead + close + 1;
    }
    let end = match memchr::memrchr(b'<', &line[start..]) {
        Some(i) if line[start + i..].starts_with(b"</") => start + i,
        Some(_) => return None,
        None => line.trim_ascii_end().len(),
    };
    (start < end && memchr::memchr(b'<', &line[start..end]).is_none()).then_some((start, end))
}

/// A line of code held in a string (a PHP config line in a JSON string, an `eval`'s or a
/// test fixture's source): a call with a quoted argument, `name('…` or `name("…`.
fn code_call(content: &[u8]) -> Option<Kind> {
    memchr::memchr(b'(', content)
        .filter(|&i| {
            i > 0
                && content[i - 1].is_ascii_alphanumeric()
                && matches!(content.get(i + 1), Some(b'\'' | b'"'))
                && memchr::memchr(b')', &content[i..]).is_some()
        })
        .map(|_| Kind::Code)
}

/// A `.netrc` line (`password v`, `login v`): a keyword of the file and one word.
fn netrc_line(t: &[u8]) -> bool {
    let mut words = t
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(b"password" | b"login" | b"account"), Some(_), None)
    )
}

/// A Kubernetes env item read where the file is not YAML (a manifest in a code string):
/// on the line above `value: v`, a `- name: NAME` (after whatever opens the string). The
/// name, when `text` (at `at` in `data`) is such a `value:`.
fn env_item_name<'a>(data: &'a [u8], text: &[u8], at: usize) -> Option<&'a [u8]> {
    if !text.starts_with(b"value:") {
        return None;
    }
    let line_start = memchr::memrchr(b'\n', &data[..at]).map_or(0, |i| i + 1);
    if line_start == 0 {
        return None;
    }
    let prev_start = memchr::memrchr(b'\n', &data[..line_start - 1]).map_or(0, |i| i + 1);
    let prev = &data[prev_start..line_start - 1];
    let prev = prev.strip_suffix(b"\r").unwrap_or(prev);
    const MARK: &[u8] = b"- name:";
    let i = memchr::memmem::find(prev, MARK)?;
    let name = unquoted(prev[i + MARK.len()..].trim_ascii());
    (!name.is_empty()
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
    .then_some(name)
}

/// Appends the candidates of the embedded documents of one line (`piece`, at `base` in
/// `data`; `toks` its tokens) of a file of `kind`.
#[allow(clippy::too_many_arguments)]
pub(super) fn candidates(
    data: &[u8],
    piece: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    if !matches!(kind, Kind::Code | Kind::Json | Kind::Xml | Kind::Hcl) {
        return;
    }
    let first = out.len();
    read_documents(data, piece, toks, base, line_start, kind, out);
    for cand in &mut out[first..] {
        cand.embedded = true;
    }
}

/// [`candidates`]' reads, each appending to `out`.
fn read_documents(
    data: &[u8],
    piece: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    let read = |s: usize, e: usize, inner: Kind, out: &mut Vec<Candidate>| {
        super::extract_range(
            data,
            base + s,
            base + e,
            line_start,
            inner,
            super::Documents::Read,
            out,
        );
    };
    // The line itself (a line of a multi-line string, or a line that is not code at all),
    // or, in XML, an element's text.
    let (s, e, in_text) = match (kind, element_text(piece)) {
        (Kind::Xml, Some((s, e))) => (s, e, true),
        (Kind::Xml, None) => (0, piece.len(), true),
        _ => (0, piece.len(), false),
    };
    let text = &piece[s..e];
    let lead = text.len() - text.trim_ascii_start().len();
    let trimmed = strip_string_close(text.trim_ascii());
    let (from, to) = (s + lead, s + lead + trimmed.len());
    if let Some(name) = env_item_name(data, &piece[from..to], base + from) {
        // A `value:` whose item's `- name:` is on the line above: the value under that name.
        let first = out.len();
        read(from, to, Kind::Yaml, out);
        let name = super::lossy(name).into_owned();
        for cand in &mut out[first..] {
            if cand.key.eq_ignore_ascii_case("value") {
                cand.key.clone_from(&name);
                cand.parents.clear();
            }
        }
    } else if let Some(inner) = foreign_kind(text, in_text).filter(|&k| k != kind) {
        read(from, to, inner, out);
    }
    // A string literal's content: a command line or an entry handed to a tool
    // (`subprocess.run("ngrok config add-authtoken v")`, `sh 'export K=v'`).
    for t in toks {
        if !matches!(t.tok, Tok::Str { .. }) || t.end - t.start < 8 || t.end > piece.len() {
            continue;
        }
        let content = &piece[t.start..t.end];
        if memchr::memchr2(b' ', b'=', content).is_none() || (t.start, t.end) == (s + lead, e) {
            continue;
        }
        // The content is not the line's own text, so a string of code in code is read too
        // (`"env('APP_KEY', 'v')"`, a PHP config line in a JSON string).
        // A bare `K=V` in a string is `cmdline`'s (an environment entry handed to a tool,
        // judged by its name there), not a document's.
        let inner = foreign_kind(content, false).filter(|&k| k != Kind::Env);
        if let Some(inner) = inner.or_else(|| code_call(content)) {
            read(t.start, t.end, inner, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line of `lines` reads as `kind` (`None`: as no foreign syntax).
    fn assert_kind(lines: &[&str], kind: Option<Kind>) {
        for line in lines {
            assert_eq!(foreign_kind(line.as_bytes(), false), kind, "{line}");
        }
    }

    #[test]
    fn lines_of_other_syntaxes_are_told_by_their_shape() {
        let shell = [
            "export DRONE_TOKEN=abc123def456",
            "ngrok config add-authtoken 2abcDEF123ghiJKL456_mno",
            "az storage container list --account-name acme --account-key abc==",
            "run: vercel deploy --prod --token abc123",
            "- curl -u user:pass https://example.com",
            "$ codecovcli upload-process -t abc",
            "curl --user \"a:b\" --digest https://cloud.example.com",
        ];
        assert_kind(&shell, Some(Kind::Shell));
        let env = [
            "DRONE_TOKEN=abc123def456",
            "key=abc123def456",
            "API_KEY='abc123def'",
        ];
        assert_kind(&env, Some(Kind::Env));
        let code = [
            "import os",
            "return token",
            "token = get_token(x)",
            "const x = 1",
            "password: userB.password!",
            "package config",
            "x=foo(bar)",
            "a=b;c=d",
            "from a import b as c",
            "if token and not expired:",
            "var Env = os.Getenv(\"ENV\")",
            "self.token = token",
            "export default config;",
            "export { token }",
            "Write-Host ready",
            "the token is here",
            "git push origin main",
            "password: userB.password!,",
        ];
        assert_kind(&code, None);
        // Plain commands read as command lines; reading them finds nothing a rule takes (no
        // flag or name ties a value), so they cost a line's read only. Prose does not: its
        // last word is no generated value.
        // `(line, inside an element's or a heredoc's text, kind)`.
        let cases: [(&[u8], bool, Option<Kind>); 9] = [
            (b"git push -f origin main", false, Some(Kind::Shell)),
            (b"the token is here", false, None),
            // YAML pairs only as list items, or in an element's or a heredoc's text.
            (b"- api_key: abc123def456", false, Some(Kind::Yaml)),
            (b"api_key: abc123def456", true, Some(Kind::Yaml)),
            (b"api_key: abc123def456", false, None),
            (b"  password abc123def456", false, Some(Kind::Ini)),
            (b"#define IO_KEY \"abc123\"", false, Some(Kind::Code)),
            // A continued command line's options (`-Dsonar.login=v \`); not a negation.
            (b"  -Dsonar.login=abc123def456 \\", false, Some(Kind::Shell)),
            (b"-Dx = y - z", false, None),
        ];
        for (line, in_text, kind) in cases {
            assert_eq!(
                foreign_kind(line, in_text),
                kind,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        // A string's closing quote is no part of the line's value.
        assert_eq!(strip_string_close(b"value: abc`;"), b"value: abc");
        assert_eq!(strip_string_close(b"password abc\"\"\""), b"password abc");
    }

    #[test]
    fn an_element_s_text_is_its_span() {
        let cases: [(&str, Option<&str>); 5] = [
            (
                "    <value>ngrok config add-authtoken v</value>",
                Some("ngrok config add-authtoken v"),
            ),
            ("    <value>mailjet:", Some("mailjet:")),
            ("  secret_key: v</value>", Some("secret_key: v")),
            ("<add key=\"a\" value=\"b\" />", None),
            ("<a><b>x</b></a>", None),
        ];
        for (line, want) in cases {
            let got = element_text(line.as_bytes()).map(|(s, e)| &line[s..e]);
            assert_eq!(got, want, "{line}");
        }
    }

    /// `extract_range` of all of `data`, reading embedded documents or not.
    fn extract(data: &[u8], kind: Kind, documents: super::super::Documents) -> Vec<Candidate> {
        let mut out = Vec::new();
        super::super::extract_range(data, 0, data.len(), 0, kind, documents, &mut out);
        out
    }

    fn fields(cands: &[&Candidate]) -> Vec<String> {
        crate::context::test_lines::candidate_fields(cands.iter().copied())
    }

    /// Skipping embedded documents (`Documents::Skip`, when no woken rule names a
    /// provider) drops exactly the candidates marked `embedded`, which only such rules are
    /// asked (`scan::context_pass`): the other candidates are the same, in the same order.
    #[test]
    fn skipping_documents_drops_only_the_embedded_candidates() {
        use super::super::Documents;
        // A value is built at run time (dogfood: no token-shaped literal in the tree).
        let value = ["2yq8RfKtC4mZ", "pL7wX3vN9bTq", "Hx5Jc2Wk8Dr4"].concat();
        let forms = [
            "subprocess.run(\"ngrok config add-authtoken {v}\")",
            "    ngrok config add-authtoken {v}",
            "export DRONE_TOKEN={v}",
            "DRONE_TOKEN={v}",
            "- api_key: {v}",
            "  - name: DD_API_KEY",
            "    value: {v}",
            "machine api.example.com login deploy password {v}",
            "  password {v}",
            "#define IO_KEY \"{v}\"",
            "<value>az storage container list --account-key {v}</value>",
            "\"cmd\": \"curl -H 'Authorization: Bearer {v}' https://api.example.com\"",
            "$ codecovcli upload-process -t {v}",
            "run: vercel deploy --prod --token {v}",
            "sh 'export WANDB_API_KEY={v}'",
            "\"env('APP_KEY', '{v}')\"",
            "conn = \"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={v}\"",
            "token = get_token(x)",
            "password = \"{v}\"",
        ];
        let lines: Vec<String> = forms.iter().map(|f| f.replace("{v}", &value)).collect();
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let mut texts: Vec<String> = Vec::new();
        // Each form alone, and the forms in runs of three (an item's name above its value).
        for (i, line) in lines.iter().enumerate() {
            texts.push(format!("{line}\n"));
            let next: Vec<&str> = (0..3)
                .map(|k| lines[(i + k) % lines.len()].as_str())
                .collect();
            texts.push(next.join("\n"));
        }
        for rule in &rules.rules {
            for example in rule
                .spec
                .examples
                .iter()
                .chain(&rule.spec.negative_examples)
            {
                texts.push(format!("token = get_token(x)\n{example}\n"));
            }
        }
        let mut embedded = 0;
        for text in &texts {
            for kind in [Kind::Code, Kind::Json, Kind::Xml, Kind::Hcl, Kind::Yaml] {
                let read = extract(text.as_bytes(), kind, Documents::Read);
                let skipped = extract(text.as_bytes(), kind, Documents::Skip);
                let kept: Vec<&Candidate> = read.iter().filter(|c| !c.embedded).collect();
                embedded += read.len() - kept.len();
                assert!(
                    fields(&kept) == fields(&skipped.iter().collect::<Vec<_>>()),
                    "{kind:?}: {text}"
                );
                assert!(skipped.iter().all(|c| !c.embedded));
            }
        }
        // The forms are read as documents, so the comparison is not of equal lists only.
        assert!(embedded > 50, "{embedded} embedded candidates");
    }
}
