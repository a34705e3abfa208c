//! Command lines and `K=V` held in strings.
//!
//! A credential handed to a program is often not assigned but passed: as a flag's value
//! (`--token v`, `--api-key=v`, `sshpass -p v`, `mysql -pv`), as a `K=V` word after a flag
//! (`gunicorn --env API_SECRET=v`, `docker run -e K=V`), or as `K=V` inside a string that a
//! tool later reads as an environment entry (Jenkins `withEnv(['API_TOKEN=v'])`, a Buildkite
//! or compose `environment: ["K=v"]` list, a notebook's `%env K=v`). This pass splits a
//! line into words twice: the line's own words outside strings (not in source code, where
//! an unquoted word is an expression), and the words of its string literals, a list of
//! literals read as one command line (`args: ["--token", "v"]`). A flag or a `K` pairs with
//! its value only when it names a secret ([`super::names`]).
//!
//! A property flag is the exception: `-Dname=value` is how java, Maven, Gradle, sbt, Ant and
//! the SonarScanner take a setting (`mvn sonar:sonar -Dsonar.login=v`,
//! `-Djavax.net.ssl.keyStorePassword=v`, `JAVA_OPTS="-Dspring.datasource.password=v"`,
//! Gradle's `-Pname=v`). It is an assignment, the command line's own `.properties` line, so
//! its name is offered as a key whatever it is, as a `.properties` file's keys are, and the
//! rules decide (`sonar.login` names no credential word; SonarQube's rule reads it under
//! `sonar`).

use super::kind::Kind;
use super::lexer::{Tok, Token};
use super::names::{is_password_directive, key_for, names_secret};
use super::{Candidate, Origin};

/// A word of a command line: its span in the line, and whether the next word may be its
/// value (the next word of the same string, or a whole string next in the list).
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    joins_next: bool,
}

/// Tools whose short flag takes a password as the next word.
/// (`login` is the subcommand of `docker login`, `podman login`, `helm registry login`,
/// `cf login`, whose `-p` is the password.)
/// SQL Server's `sqlcmd`/`osql`/`bcp -P`, MongoDB's shell and tools' `-p`, OpenLDAP's
/// clients' `-w`, Info-ZIP's `zip -P`, and the JDK's `keytool`/`jarsigner` store and key
/// passwords.
const SHORT_PASSWORD_FLAGS: &[(&str, &str)] = &[
    ("sshpass", "-p"),
    ("redis-cli", "-a"),
    ("login", "-p"),
    ("sqlcmd", "-P"),
    ("osql", "-P"),
    ("bcp", "-P"),
    ("mongosh", "-p"),
    ("mongodump", "-p"),
    ("mongorestore", "-p"),
    ("mongoexport", "-p"),
    ("mongoimport", "-p"),
    ("ldapsearch", "-w"),
    ("ldapmodify", "-w"),
    ("ldapadd", "-w"),
    ("ldapdelete", "-w"),
    ("ldapwhoami", "-w"),
    ("zip", "-P"),
    ("keytool", "-storepass"),
    ("keytool", "-keypass"),
    ("keytool", "-srcstorepass"),
    ("keytool", "-deststorepass"),
    ("jarsigner", "-storepass"),
    ("jarsigner", "-keypass"),
];

/// Words after which `NAME VALUE` sets a setting (`npm config set K V`, `setx K V`, csh `setenv K V`,
/// `heroku config:set`'s siblings).
fn is_set_word(word: &[u8]) -> bool {
    // Redis writes its commands in capitals (`CONFIG SET requirepass v`).
    matches!(word, b"set" | b"SET" | b"setx" | b"set-env" | b"setenv") || word.ends_with(b":set")
}

/// Tools whose `-p` takes a password glued to it (`mysql -pSECRET`).
/// (7-Zip's `-p` takes the archive password glued too: `7z a -pSECRET`.)
const GLUED_PASSWORD_TOOLS: &[&str] = &[
    "mysql",
    "mysqldump",
    "mysqladmin",
    "mariadb",
    "7z",
    "7za",
    "7zr",
    "7zz",
];

/// Flags whose next word is a property's `name=value` (`mvn -D sonar.login=v`; Maven's and
/// Gradle's long forms): [`property_word`] reads the glued forms.
const PROPERTY_FLAGS: &[&[u8]] = &[
    b"-D",
    b"-P",
    b"--define",
    b"--system-prop",
    b"--project-prop",
];

/// A word that sets a property: `-Dname=value` (the JVM's system properties, which java,
/// Maven, Gradle, sbt, Ant and the SonarScanner take; a C compiler's and CMake's
/// `-DNAME=value` define the same way), Gradle's `-Pname=value`, the SonarScanner for
/// .NET's `/d:name=value`, alone or as the value of settings that hold a command line's
/// options (`JAVA_OPTS=-Dx=v`, `org.gradle.jvmargs=-Dx=v`, systemd's
/// `Environment=JAVA_OPTS=-Dx=v`). The property name's span and its `=`, in `word`.
pub(super) fn property_word(word: &[u8]) -> Option<(usize, usize)> {
    let flag = |rest: &[u8]| match rest {
        [b'/' | b'-', b'd' | b'D', b':', ..] => Some(3),
        [b'-', b'D' | b'P', ..] => Some(2),
        _ => None,
    };
    let mut at = 0;
    let name_at = loop {
        if let Some(len) = flag(&word[at..]) {
            break at + len;
        }
        let eq = at + memchr::memchr(b'=', &word[at..])?;
        if !is_env_name(&word[at..eq]) {
            return None;
        }
        at = eq + 1;
        if matches!(word.get(at), Some(b'"' | b'\'')) {
            at += 1;
        }
    };
    let eq = name_at + memchr::memchr(b'=', &word[name_at..])?;
    is_env_name(&word[name_at..eq]).then_some((name_at, eq))
}

/// Appends the flag values and `K=V` words of `line`.
pub(super) fn candidates(
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    // A flag, a `K=V`, or a `set`-style command (`setx API_TOKEN v` has neither).
    if memchr::memchr2(b'-', b'=', line).is_none() && memchr::memmem::find(line, b"set").is_none() {
        return;
    }
    if toks.iter().any(|t| matches!(t.tok, Tok::Str { .. })) {
        let quoted = quoted_words(line, toks);
        read_words(line, &quoted, true, base, line_start, out);
    }
    if reads_bare_words(kind, line) {
        let bare = bare_words(line);
        read_words(line, &bare, false, base, line_start, out);
        piped_to_stdin(line, &bare, base, line_start, out);
    }
}

/// Whether a line's words outside strings are a command line's: outside source code and
/// structured data, and in source code a line that is one (a PowerShell script's `docker
/// login -u bot -p v`, `& mysql.exe -uroot -pv`, a notebook's `!curl -uadmin:v ...`).
pub(super) fn reads_bare_words(kind: Kind, line: &[u8]) -> bool {
    match kind {
        Kind::Json | Kind::Xml => false,
        Kind::Code => command_line_in_code(line),
        _ => true,
    }
}

/// A line of source code that runs a program: a first word (after PowerShell's `&` or a
/// notebook's `!`) that is a plain name or path, then a flag (`-u`, `--user`, `/user:`)
/// as the second word, and no assignment, call or block before the flag.
fn command_line_in_code(line: &[u8]) -> bool {
    let mut rest = line.trim_ascii_start();
    if let Some(r) = rest.strip_prefix(b"& ").or_else(|| rest.strip_prefix(b"!")) {
        rest = r.trim_ascii_start();
    }
    let first_end = rest
        .iter()
        .position(u8::is_ascii_whitespace)
        .unwrap_or(rest.len());
    let first = &rest[..first_end];
    if first.is_empty()
        || !first[0].is_ascii_alphabetic() && !matches!(first[0], b'"' | b'.' | b'/')
        || first
            .iter()
            .any(|b| matches!(b, b'(' | b'=' | b'{' | b';' | b'[' | b','))
    {
        return false;
    }
    let second = rest[first_end..].trim_ascii_start();
    // A flag: `-x`, `--xx`, or a Windows `/x:`.
    let flag = match second {
        [b'-', b'-', c, ..] | [b'-', c, ..] => c.is_ascii_alphabetic(),
        [b'/', c, ..] => c.is_ascii_alphabetic() && second.contains(&b':'),
        _ => false,
    };
    // Or a subcommand, then a flag (`docker login -u`, `net use Z: ...`).
    let sub_flag = || {
        let sub_end = second
            .iter()
            .position(u8::is_ascii_whitespace)
            .unwrap_or(second.len());
        let sub = &second[..sub_end];
        let third = second[sub_end..].trim_ascii_start();
        !sub.is_empty()
            && sub.iter().all(|b| b.is_ascii_lowercase() || *b == b'-')
            && matches!(third, [b'-', c, ..] if c.is_ascii_alphabetic() || *c == b'-')
    };
    flag || sub_flag()
}

/// Flags of commands that read a credential from standard input, and what they read:
/// `docker login --password-stdin`, `gh auth login --with-token`, `helm registry login
/// --password-stdin`, `cf auth --password-stdin`-likes.
const STDIN_FLAGS: &[(&[u8], &str)] = &[
    (b"--password-stdin", "password"),
    (b"--with-token", "token"),
    (b"--token-stdin", "token"),
    (b"--secret-stdin", "secret"),
];

/// A literal fed to such a command: `echo 'v' | docker login -u x --password-stdin`,
/// `printf '%s' v | ...`, `gh auth login --with-token <<< 'v'`.
fn piped_to_stdin(
    line: &[u8],
    words: &[Word],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let text = |w: &Word| &line[w.start..w.end];
    let Some(key) = STDIN_FLAGS
        .iter()
        .find(|(flag, _)| words.iter().any(|w| text(w) == *flag))
        .map(|(_, key)| *key)
    else {
        return;
    };
    let mut value = None;
    for (i, w) in words.iter().enumerate() {
        match text(w) {
            // `echo v |`, `printf '%s' v |`, `echo -n v |`: the last word before the pipe.
            b"echo" | b"printf" => {
                let pipe = words[i + 1..].iter().position(|n| text(n) == b"|");
                if let Some(p) = pipe.filter(|&p| p > 0) {
                    value = Some(&words[i + p]);
                }
            }
            b"<<<" => value = words.get(i + 1),
            _ => continue,
        }
        break;
    }
    let Some(v) = value else {
        return;
    };
    let (mut vs, mut ve) = (v.start, v.end);
    // The word keeps a closing quote when a quote opened it (see `bare_words`).
    if ve > vs && matches!(line[ve - 1], b'"' | b'\'') {
        ve -= 1;
    }
    if vs < ve && vs > 0 && matches!(line[vs - 1], b'"' | b'\'') && line[vs] == line[vs - 1] {
        vs += 1;
    }
    let value = &line[vs..ve];
    if value.is_empty() || matches!(value[0], b'$' | b'-' | b'<' | b'%') {
        return;
    }
    out.push(Candidate::bare_word(
        key.into(),
        base + vs,
        base + ve,
        value,
        line_start,
        Origin::Argument,
    ));
}

/// The line's words outside quotes, less the brackets and separators around them; a
/// quoted word is kept whole, without its quotes.
pub(super) fn bare_words(line: &[u8]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if line[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < line.len() && !line[i].is_ascii_whitespace() {
            if matches!(line[i], b'"' | b'\'') {
                let q = line[i];
                i += 1;
                while i < line.len() && line[i] != q {
                    i += 1;
                }
            }
            i += 1;
        }
        let end = i.min(line.len());
        let mut s = start;
        let mut e = end;
        // Backticks: a Markdown or reStructuredText code span (`` `mysql -uroot -pv` ``) or
        // a shell command substitution around the command line.
        while s < e && matches!(line[s], b'[' | b'(' | b'"' | b'\'' | b'`') {
            s += 1;
        }
        while e > s && matches!(line[e - 1], b']' | b')' | b',' | b';' | b'"' | b'\'' | b'`') {
            e -= 1;
        }
        if e > s {
            words.push(Word {
                start: s,
                end: e,
                joins_next: true,
            });
        }
    }
    words
}

/// The words of the line's string literals, split at whitespace and at written `\n`, `\t`,
/// `\r` escapes. Consecutive literals (only `,` between) continue one command line, but a
/// word joins the next literal only when that literal is one word (`["--token", "v"]`, not
/// `"--token", "the token to use"`).
fn quoted_words(line: &[u8], toks: &[Token]) -> Vec<Word> {
    // (start, end, string number, whole string, string follows the previous one)
    let mut raw: Vec<(usize, usize, usize, bool, bool)> = Vec::new();
    let mut prev_str: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.tok, Tok::Str { .. }) {
            continue;
        }
        let follows =
            prev_str.is_some_and(|p| toks[p + 1..i].iter().all(|m| m.tok == Tok::Sep(b',')));
        prev_str = Some(i);
        let content = &line[t.start..t.end];
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let (mut s, mut k) = (0, 0);
        while k <= content.len() {
            let cut = if k == content.len() || content[k].is_ascii_whitespace() {
                1
            } else if content[k] == b'\\' && matches!(content.get(k + 1), Some(b'n' | b't' | b'r'))
            {
                2
            } else {
                0
            };
            if cut == 0 {
                k += 1;
                continue;
            }
            if k > s {
                pieces.push((s, k));
            }
            s = k + cut;
            k += cut;
        }
        let whole = pieces.len() == 1;
        for (p, (s, e)) in pieces.into_iter().enumerate() {
            raw.push((t.start + s, t.start + e, i, whole, follows && p == 0));
        }
    }
    (0..raw.len())
        .map(|w| {
            let (start, end, string, ..) = raw[w];
            let joins_next = raw
                .get(w + 1)
                .is_some_and(|&(_, _, next_string, whole, follows)| {
                    next_string == string || (whole && follows)
                });
            Word {
                start,
                end,
                joins_next,
            }
        })
        .collect()
}

/// Whether `text` is an environment name (`API_TOKEN`, `spell.token`).
fn is_env_name(text: &[u8]) -> bool {
    text.first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && text
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
}

fn read_words(
    line: &[u8],
    words: &[Word],
    in_strings: bool,
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let text = |w: &Word| &line[w.start..w.end];
    // `named`: the key must name a credential (a flag's name, an environment entry's);
    // otherwise it is a property's name, offered whatever it is (see the module's doc).
    let mut emit = |key: &[u8], mut vs: usize, mut ve: usize, origin: Origin, named: bool| {
        // `K="v"`: the quotes are no part of the value (a closing one may be cut already).
        if ve > vs && matches!(line[vs], b'"' | b'\'') {
            let quote = line[vs];
            vs += 1;
            if ve > vs && line[ve - 1] == quote {
                ve -= 1;
            }
        }
        // OpenSSL's pass-phrase arguments (and the tools that copied them: apksigner,
        // TIBCO's): `pass:v` is the password, `env:`, `file:`, `fd:` name where it is.
        if line[vs..ve].starts_with(b"pass:") {
            vs += 5;
        } else if [&b"env:"[..], b"file:", b"fd:"]
            .iter()
            .any(|p| line[vs..ve].starts_with(p))
        {
            return;
        }
        let value = &line[vs..ve];
        if value.is_empty() || matches!(value[0], b'$' | b'-' | b'<' | b'{') {
            return;
        }
        let key = crate::context::lossy(key);
        let key = if !named {
            key.into_owned()
        } else if names_secret(&key) || is_password_directive(&key) {
            key_for(&key)
        } else if is_pass_name(&key) {
            "password".to_string()
        } else {
            return;
        };
        let mut cand = Candidate::literal(
            key,
            base + vs,
            base + ve,
            crate::context::lossy(value).into_owned(),
            line_start,
            origin,
        );
        cand.quoted = in_strings;
        // `set req.http.Authorization = "Bearer v"` (Varnish VCL): a header set by name.
        if cand.key.to_ascii_lowercase().ends_with("authorization") {
            cand.header = Some("Authorization".into());
            super::lexer::strip_auth_scheme(&mut cand);
        }
        out.push(cand);
    };
    for (i, w) in words.iter().enumerate() {
        let word = text(w);
        let next = words.get(i + 1).filter(|_| w.joins_next);
        // `-Dsonar.login=v`, `JAVA_OPTS=-Dx.password=v`.
        if let Some((ns, eq)) = property_word(word) {
            let (key, vs) = (&word[ns..eq], w.start + eq + 1);
            emit(key, vs, w.end, Origin::Assignment, false);
            continue;
        }
        if word.len() > 1 && word[0] == b'-' {
            let flag_at = w.start + word.iter().take_while(|&&b| b == b'-').count();
            match memchr::memchr(b'=', word) {
                // `--token=v`, `--from-literal=password=v`.
                Some(eq) => {
                    let (vs, ve) = (w.start + eq + 1, w.end);
                    let inner = &line[vs..ve];
                    match memchr::memchr(b'=', inner) {
                        // `--define=sonar.login=v`: a property, whatever its name.
                        Some(e2) if is_env_name(&inner[..e2]) => {
                            let named = !PROPERTY_FLAGS.contains(&&word[..eq]);
                            emit(&inner[..e2], vs + e2 + 1, ve, Origin::Argument, named)
                        }
                        _ => emit(&line[flag_at..w.start + eq], vs, ve, Origin::Argument, true),
                    }
                }
                None if next.is_none() => {}
                None => {
                    let Some(n) = next else { continue };
                    let value = text(n);
                    // `--env API_SECRET=v`, `-e K=V`, `--set K=V`; a property after its
                    // flag (`mvn -D sonar.login=v`), whatever its name.
                    if let Some(eq) = memchr::memchr(b'=', value) {
                        if is_env_name(&value[..eq]) {
                            let named = !PROPERTY_FLAGS.contains(&word);
                            let vs = n.start + eq + 1;
                            emit(&value[..eq], vs, n.end, Origin::Argument, named);
                            continue;
                        }
                    }
                    let flag = crate::context::lossy(&line[flag_at..w.end]);
                    // `--token v`; `redis-server --requirepass v`; not a switch
                    // (`adduser --disabled-password NAME`).
                    if is_switch(&flag) {
                    } else if names_secret(&flag)
                        || is_password_directive(&flag)
                        || is_pass_name(&flag)
                    {
                        emit(
                            &line[flag_at..w.end],
                            n.start,
                            n.end,
                            Origin::Argument,
                            true,
                        );
                    } else if short_flag_takes_password(line, w.start, word) {
                        emit(b"password", n.start, n.end, Origin::Argument, true);
                    }
                }
            }
            // `mysql -pSECRET`.
            if word.len() > 2 && word.starts_with(b"-p") && glued_password_tool(line, w.start) {
                emit(b"password", w.start + 2, w.end, Origin::Argument, true);
            }
            continue;
        }
        // `npm config set //registry/:_authToken V`, `setx API_TOKEN V`.
        if is_set_word(word) {
            // Flags between `set` and the name are the command's (`pulumi config set
            // --secret dbPassword v`).
            let skip = words[i + 1..]
                .iter()
                .take_while(|n| {
                    text(n).starts_with(b"-") && memchr::memchr(b'=', text(n)).is_none()
                })
                .count();
            let next = if skip == 0 {
                next
            } else {
                words
                    .get(i + skip)
                    .filter(|n| n.joins_next)
                    .and(words.get(i + 1 + skip))
            };
            // `set NAME = v` (Varnish VCL, Tcl-likes): the value after the `=`.
            let mut at_val = i + 2 + skip;
            if words.get(at_val).is_some_and(|v| text(v) == b"=") {
                at_val += 1;
            }
            if let (Some(k), Some(val)) = (next, words.get(at_val)) {
                if k.joins_next && memchr::memchr(b'=', text(k)).is_none() {
                    emit(text(k), val.start, val.end, Origin::Argument, true);
                }
            }
            continue;
        }
        // Outside strings: `heroku config:set API_TOKEN=V OTHER=x` (a word each), and
        // systemd's `Environment=API_TOKEN=V`.
        if !in_strings {
            let mut at = w.start;
            let mut rest = word;
            if let Some(eq) = memchr::memchr(b'=', rest) {
                if rest[eq + 1..].contains(&b'=') && is_env_name(&rest[..eq]) {
                    at += eq + 1;
                    rest = &rest[eq + 1..];
                }
            }
            if let Some(eq) = memchr::memchr(b'=', rest) {
                let name = &rest[..eq];
                if is_env_name(name) && !name.iter().any(u8::is_ascii_lowercase) {
                    emit(name, at + eq + 1, w.end, Origin::Assignment, true);
                }
            }
            continue;
        }
        // `K=V` inside a string: an environment entry, named in capitals as environment
        // variables are (a cookie's or a form's `request_token=...` is not one).
        if in_strings {
            if let Some(eq) = memchr::memchr(b'=', word) {
                if is_env_name(&word[..eq]) && !word[..eq].iter().any(u8::is_ascii_lowercase) {
                    emit(
                        &word[..eq],
                        w.start + eq + 1,
                        w.end,
                        Origin::Assignment,
                        true,
                    );
                }
            }
        }
    }
}

/// Whether `name` is a compound name whose last part is `pass` or `pw` (`ansible_become_pass`,
/// `db-pass`, `smtp.pass`, `mysqli.default_pw`): a password passed on a command line (`-e ansible_become_pass=v`,
/// `--set db.pass=v`). Only here: in code, `render_pass` and `first_pass` are no passwords,
/// but a command line's `NAME=v` setting is a setting.
pub(super) fn is_pass_name(name: &str) -> bool {
    let mut parts = name.trim_start_matches('-').rsplit(['_', '-', '.']);
    let compound = parts
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("pass") || p.eq_ignore_ascii_case("pw"))
        && parts.next().is_some();
    compound || ends_with_password_word(name)
}

/// Words of a flag that make it a switch about a credential rather than a flag taking
/// one: whether there is one (`adduser --disabled-password`, `--no-password`,
/// `--passwordless`), where it comes from (`docker login --password-stdin`, Ansible's
/// `--ask-pass` and `--ask-vault-pass`, `--prompt-password`, `--random-password`). The word after such a
/// flag is the command's next argument (a user name, a file), never its value.
const SWITCH_WORDS: &[&str] = &[
    "disabled",
    "disable",
    "no",
    "without",
    "skip",
    "ask",
    "prompt",
    "stdin",
    "empty",
    "random",
    "generate",
    "expire",
    "passwordless",
    "interactive",
];

/// Whether `flag` (without its dashes) is a switch about a credential ([`SWITCH_WORDS`]).
fn is_switch(flag: &str) -> bool {
    flag.split(['-', '_'])
        .any(|part| SWITCH_WORDS.iter().any(|w| part.eq_ignore_ascii_case(w)))
}

/// Password settings written as one word, which no credential word nor `_pass` finds:
/// OpenLDAP's `bindpw` (ldap.conf, nslcd.conf) and `rootpw` (slapd.conf, kickstart),
/// OfflineIMAP's `remotepass` / `localpass`, SSSD's `ldap_default_authtok`.
const PASSWORD_WORDS: &[&str] = &["bindpw", "rootpw", "remotepass", "localpass", "authtok"];

fn ends_with_password_word(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PASSWORD_WORDS.iter().any(|w| lower.ends_with(w))
}

/// Whether a tool named before `at` on the line takes a password as its short `flag`.
fn short_flag_takes_password(line: &[u8], at: usize, flag: &[u8]) -> bool {
    let before = crate::context::lossy(&line[..at]);
    SHORT_PASSWORD_FLAGS.iter().any(|(tool, f)| {
        f.as_bytes() == flag && before.split_whitespace().any(|w| command_word(w) == *tool)
    })
}

/// Whether a tool that takes `-pPASSWORD` is named before `at` on the line.
fn glued_password_tool(line: &[u8], at: usize) -> bool {
    let before = crate::context::lossy(&line[..at]);
    before.split_whitespace().any(|w| {
        let w = command_word(w);
        let name = w.rsplit(['/', '\\']).next().unwrap_or(w);
        let name = name.strip_suffix(".exe").unwrap_or(name);
        GLUED_PASSWORD_TOOLS.contains(&name)
    })
}

/// A word of a command line less the quotes, commas and brackets of a list it is written in
/// (`["CMD", "mysqladmin", "-pv"]`, `command: ["sh", "-c", "redis-cli -a v"]`) and the
/// backticks of a code span it opens (`` `mysql ``), or after the opener of a command
/// substitution (`` DBS=`mysql ``, `out=$(mysql`).
fn command_word(w: &str) -> &str {
    // A command substitution opened inside the word (`DBS=\`mysql`, `out=$(mysql`): the
    // command is what follows its opener.
    let w = match (w.rfind('`'), w.rfind("$(")) {
        (Some(a), Some(b)) if b + 1 > a => &w[b + 2..],
        (Some(a), _) => &w[a + 1..],
        (None, Some(b)) => &w[b + 2..],
        (None, None) => w,
    };
    w.trim_matches(['"', '\'', ',', '[', ']', '`'])
}

/// A YAML list item that is one quoted command line (`- 'curl --header "PRIVATE-TOKEN: v"
/// https://...'` under a CI job's `script:`): the quotes only keep YAML from reading the
/// `: ` inside, so the content is read as a shell line of its own, spans in the blob.
pub(super) fn yaml_quoted_item(
    line: &[u8],
    base: usize,
    line_start: usize,
    out: &mut Vec<Candidate>,
) {
    let lead = line.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let Some(item) = line[lead..].strip_prefix(b"- ") else {
        return;
    };
    let item_at = line.len() - item.len();
    let body = item.trim_ascii();
    let open_at = item_at + (item.len() - item.trim_ascii_start().len());
    let Some(&quote) = body.first() else {
        return;
    };
    if !matches!(quote, b'\'' | b'"') || body.len() < 3 || body.last() != Some(&quote) {
        return;
    }
    let inner = &line[open_at + 1..open_at + body.len() - 1];
    // Only a quote of the other kind inside: an escaped or doubled quote of the same kind
    // would need YAML's unescaping first.
    if inner.contains(&quote) {
        return;
    }
    let inner_base = base + open_at + 1;
    let toks = super::lexer::tokenize(inner);
    super::lexer::candidates_tokenized(inner, &toks, inner_base, line_start, Kind::Shell, out);
    candidates(inner, &toks, inner_base, line_start, Kind::Shell, out);
}

#[cfg(test)]
mod tests {
    use super::property_word;

    #[test]
    fn property_words_are_read_by_their_flag() {
        // (word, the property's name)
        let cases: &[(&str, Option<&str>)] = &[
            ("-Dsonar.login=v", Some("sonar.login")),
            (
                "-Djavax.net.ssl.keyStorePassword=v",
                Some("javax.net.ssl.keyStorePassword"),
            ),
            ("-PossrhPassword=v", Some("ossrhPassword")),
            ("/d:sonar.token=\"v\"", Some("sonar.token")),
            ("-d:sonar.token=v", Some("sonar.token")),
            (
                "JAVA_OPTS=-Dspring.datasource.password=v",
                Some("spring.datasource.password"),
            ),
            ("JAVA_OPTS=\"-Dx.password=v", Some("x.password")),
            ("Environment=JAVA_OPTS=-Dx.password=v", Some("x.password")),
            ("org.gradle.jvmargs=-Dx.password=v", Some("x.password")),
            ("-DCMAKE_BUILD_TYPE=Release", Some("CMAKE_BUILD_TYPE")),
            // Not a property: no `=`, another flag, a lowercase `-p`, a name that is none.
            ("-Dsonar", None),
            ("-Pprofile", None),
            ("-pSECRET", None),
            ("--token=v", None),
            ("-D=v", None),
            ("-D1x=v", None),
            ("x=y", None),
            ("a(b)=-Dx=v", None),
        ];
        for (word, want) in cases {
            let got = property_word(word.as_bytes()).map(|(s, e)| &word[s..e]);
            assert_eq!(got, *want, "{word}");
        }
    }
}
