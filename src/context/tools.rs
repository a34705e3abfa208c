//! Passwords that known command-line tools take in forms no flag name says.
//!
//! [`super::cmdline`] pairs a value with a flag or a `K` that names a credential. Many tools
//! take a password where nothing names it: glued to a user name (`curl -uadmin:v`, `lftp -u
//! user,v`, Samba's `-U user%v`), by position (`htpasswd -b file user v`, `net use \\h\s v`,
//! `net user name v`, `rabbitmqctl add_user name v`, `mc alias set n url key v`), in an
//! Oracle connect string (`sqlplus user/v@db`), behind a short flag of the tool's own
//! (`ipmitool -P v`, `psexec -p v`, `snmpwalk -A v`), as a Windows `/pass:v` option, piped
//! to `chpasswd` as `user:v`, or named by a sibling flag (`az keyvault secret set --name
//! db-password --value v`, `gh secret set API_TOKEN --body v`). Each form is documented by
//! its tool's manual; this pass knows them by the tool's name, which must be a word of the
//! command line. It reads the line's own words outside source code, and the words of each
//! string literal that holds a command line (`sh "curl -uadmin:v ..."`) in any file.

use super::cmdline::{bare_words, Word};
use super::kind::Kind;
use super::lexer::{Tok, Token};
use super::names::{key_for, names_secret};
use super::{Candidate, Origin};
use std::sync::LazyLock;

/// Words, any of which a line must hold (in any case) for this pass to read it: the tools
/// and option spellings below.
const STEMS: &[&str] = &[
    "curl",
    "lftp",
    "open -u",
    "smb",
    "rpcclient",
    "wbinfo",
    "samba-tool",
    "htpasswd",
    "rabbitmqctl",
    "sqlplus",
    "expdp",
    "impdp",
    "rman",
    "sqlldr",
    "userid=",
    "ipmitool",
    "psexec",
    "isql",
    "ncftp",
    "snmp",
    "mosquitto_",
    "nuget",
    "/p:",
    "/rp ",
    "chpasswd",
    "passwd",
    "--value",
    "--body",
    "--secret-string",
    "<<<",
    "conjur",
    "berglas",
    "secret set",
    "transmission-remote",
    "ab -",
    "openssl",
    "ssh-keygen",
    "unzip",
    "twine",
    "rdesktop",
    "vsce",
    "ovsx",
    "codecov",
    "influx",
    "choco",
    "rar ",
    "sshpass",
    "login=",
    "setuser",
    " on >",
    "poetry config",
    "bundle config",
    "cargo login",
    "wpa_passphrase",
    "mysqlsh",
    "govc",
    "winrs",
    "netsh",
    "reg add",
    "-value",
    "racadm",
    "paexec",
    "nmcli",
    "kinit",
    "sudo -s",
    "--data",
    "--post-data",
    "--form",
    "rootpw",
    "bindpw",
    "psk",
    " eap ",
    "xauth",
    "ntlm",
    "cqlsh",
    "nodetool",
    "rabbitmqadmin",
    "mongo",
    "plink",
    "pscp",
    "psftp",
    "ibmcloud",
    "ldappasswd",
    "winrm",
    "nxc",
    "netexec",
    "crackmapexec",
    "smbmap",
    "doctl",
    "etcdctl",
    "-creds",
    "impacket",
    "cf auth",
    "vault login",
    "set-agent-token",
    "authtoken",
    "composer",
    "net use",
    "net user",
    "mc alias",
    "mc admin",
    "mc config",
    "security add-",
    "password= ",
    "/pass:",
    "/password:",
    "/pwd:",
    "exec.py",
    "dump.py",
    "client.py",
    "spns.py",
    "users.py",
    "tgt.py",
    "sid.py",
    "db2",
];

/// Runs on every line read: a DFA over the lowercased line (see `CaselessWords`).
static STEM_FINDER: LazyLock<super::names::CaselessWords> =
    LazyLock::new(|| super::names::CaselessWords::new(STEMS));

#[cfg(test)]
#[test]
fn caseless_tool_stems_match_where_the_case_insensitive_automaton_did() {
    super::names::tests::assert_caseless_agrees(STEMS);
}

/// `secret` (only after a pipe), Expect's `send `, Redis' `AUTH ` (case-sensitive).
static SPECIAL_FINDER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(["secret", "send ", "AUTH "]).expect("fixed words compile")
});

/// Flags whose value is `user<sep>password` (the tool, the flag, the separator).
/// curl `-u`/`--user`/`-U`/`--proxy-user` (curl.se/docs/manpage.html; the separate `-u v`
/// is read by the lexer, here the glued `-uv` and `--user=v`); lftp `-u user,pass`;
/// Samba's `-U user%pass` (smbclient, rpcclient, smbcacls, smbget, net, wbinfo,
/// samba-tool); ApacheBench `-A`/`-P auth-user:password`; hey `-a user:pass`;
/// transmission-remote `-n user:pass`.
const USER_PASS_FLAGS: &[(&str, &str, u8)] = &[
    ("curl", "-u", b':'),
    ("curl", "--user", b':'),
    ("curl", "-U", b':'),
    ("curl", "--proxy-user", b':'),
    ("lftp", "-u", b','),
    ("lftp", "--user", b','),
    // lftp's own `open -u user,pass host` (in `lftp -c "..."` and lftp scripts).
    ("open", "-u", b','),
    ("smbclient", "-U", b'%'),
    ("smbclient", "--user", b'%'),
    ("rpcclient", "-U", b'%'),
    ("smbcacls", "-U", b'%'),
    ("smbget", "-U", b'%'),
    ("smbtree", "-U", b'%'),
    ("net", "-U", b'%'),
    ("wbinfo", "-U", b'%'),
    ("samba-tool", "-U", b'%'),
    ("ab", "-A", b':'),
    ("ab", "-P", b':'),
    ("hey", "-a", b':'),
    ("transmission-remote", "-n", b':'),
    ("transmission-remote", "--auth", b':'),
    // etcd's `--user user:password` (etcd.io/docs, etcdctl), container tools' registry
    // credentials `--creds user:password` (skopeo `--src-creds`/`--dest-creds`, buildah,
    // podman).
    ("etcdctl", "--user", b':'),
    ("skopeo", "--creds", b':'),
    ("skopeo", "--src-creds", b':'),
    ("skopeo", "--dest-creds", b':'),
    ("buildah", "--creds", b':'),
    ("podman", "--creds", b':'),
];

/// Tools whose short flag takes a credential as the next word, which
/// [`super::cmdline`]'s table does not hold (its lines name a credential; these need not),
/// and what the credential is: ipmitool `-P`, PsExec `-p`, Sybase/unixODBC `isql -P`,
/// NcFTP's `-p`, Net-SNMP's v3 `-A` (auth) and `-X` (privacy) pass phrases, Mosquitto
/// clients' `-P`, `dotnet nuget add source -p`, `az login -p`, `openssl enc -k`,
/// `ssh-keygen -N` (new) / `-P` (old passphrase), `unzip -P`, twine's `-p`, rdesktop's `-p`;
/// tokens: `vsce`/`ovsx publish -p` (a personal access token), Codecov's uploader `-t`,
/// the influx CLI's `-t`; API keys: `dotnet nuget push -k`, Chocolatey's `-k`.
const SHORT_FLAGS: &[(&str, &str, &str)] = &[
    ("ipmitool", "-P", "password"),
    ("psexec", "-p", "password"),
    ("psexec64", "-p", "password"),
    ("isql", "-P", "password"),
    ("ncftp", "-p", "password"),
    ("ncftpput", "-p", "password"),
    ("ncftpget", "-p", "password"),
    ("ncftpls", "-p", "password"),
    ("snmpwalk", "-A", "password"),
    ("snmpwalk", "-X", "password"),
    ("snmpget", "-A", "password"),
    ("snmpget", "-X", "password"),
    ("snmpset", "-A", "password"),
    ("snmpset", "-X", "password"),
    ("snmpbulkwalk", "-A", "password"),
    ("snmpbulkwalk", "-X", "password"),
    ("snmptrap", "-A", "password"),
    ("snmptrap", "-X", "password"),
    ("mosquitto_pub", "-P", "password"),
    ("mosquitto_sub", "-P", "password"),
    ("mosquitto_rr", "-P", "password"),
    ("nuget", "-p", "password"),
    ("az", "-p", "password"),
    ("openssl", "-k", "password"),
    ("ssh-keygen", "-N", "passphrase"),
    ("ssh-keygen", "-P", "passphrase"),
    ("unzip", "-P", "password"),
    ("twine", "-p", "password"),
    ("rdesktop", "-p", "password"),
    ("vsce", "-p", "token"),
    ("ovsx", "-p", "token"),
    ("codecov", "-t", "token"),
    // The Codecov CLI (`codecovcli upload-process -t <token>`, docs.codecov.com/docs/the-codecov-cli).
    ("codecovcli", "-t", "token"),
    ("influx", "-t", "token"),
    ("influx", "-p", "password"),
    ("nuget", "-k", "api_key"),
    ("choco", "-k", "api_key"),
    // Cassandra's `cqlsh -p` and `nodetool -pw`, `rabbitmqadmin -p`, the legacy `mongo`
    // shell's `-p`, PuTTY's `plink`/`pscp`/`psftp -pw`, macOS `security
    // add-generic-password -w`, `ibmcloud login -p`, OpenLDAP's `ldappasswd -s` (new) and
    // `-w` (bind), Windows remote tools' `-p` (evil-winrm, NetExec/CrackMapExec, smbmap);
    // DigitalOcean's `doctl auth init -t` takes a token.
    ("cqlsh", "-p", "password"),
    ("nodetool", "-pw", "password"),
    ("rabbitmqadmin", "-p", "password"),
    ("mongo", "-p", "password"),
    ("plink", "-pw", "password"),
    ("pscp", "-pw", "password"),
    ("psftp", "-pw", "password"),
    ("security", "-w", "password"),
    ("ibmcloud", "-p", "password"),
    ("ldappasswd", "-s", "password"),
    ("ldappasswd", "-w", "password"),
    ("evil-winrm", "-p", "password"),
    ("nxc", "-p", "password"),
    ("netexec", "-p", "password"),
    ("crackmapexec", "-p", "password"),
    ("smbmap", "-p", "password"),
    ("doctl", "-t", "token"),
    // Dell iDRAC's `racadm -p`, PAExec's `-p`.
    ("racadm", "-p", "password"),
    ("paexec", "-p", "password"),
];

/// Tools whose `-p` takes the password glued to it, which [`super::cmdline`]'s table does
/// not hold: RAR's `-p<pwd>`, sshpass' `-p<pwd>`.
const GLUED_FLAGS: &[(&str, &str)] = &[("rar", "-p"), ("unrar", "-p"), ("sshpass", "-p")];

/// Tools that take an Oracle connect string `user/password[@service]` as a word
/// (SQL*Plus, Data Pump, RMAN's `target`, SQL*Loader, Data Guard's broker).
const ORACLE_TOOLS: &[&str] = &[
    "sqlplus", "expdp", "impdp", "exp", "imp", "rman", "sqlldr", "dgmgrl",
];

/// Appends the tool-specific passwords of `line`.
pub(super) fn candidates(
    data: &[u8],
    line: &[u8],
    toks: &[Token],
    base: usize,
    line_start: usize,
    kind: Kind,
    out: &mut Vec<Candidate>,
) {
    // Beside the stems, forms cheaper to test apart: a literal piped into a command that
    // stores a secret, Expect's `send`, Redis' `AUTH`.
    let special = |text: &[u8]| {
        (memchr::memchr(b'|', text).is_some() && SPECIAL_FINDER.is_match(text))
            || SPECIAL_FINDER
                .find_iter(text)
                .any(|m| m.pattern().as_usize() > 0)
    };
    // An Expect script's `send "v\r"` on the line after `expect "*assword:"` (Expect is Tcl,
    // which the kind guess may take for code).
    let asked = line.trim_ascii_start().starts_with(b"send ") && {
        let prev = previous_line(data, line_start).trim_ascii_start();
        prev.starts_with(b"expect") && asks_password(prev)
    };
    // The line's own words, when it is a command line (most lines of code are not: they are
    // passed over before any search).
    if (asked || super::cmdline::reads_bare_words(kind, line))
        && (STEM_FINDER.is_match(line) || special(line))
    {
        let words = bare_words(line);
        command(line, &words, 0, base, line_start, asked, false, out);
    }
    // A command line held in a string: a CI step's `sh "..."`, a YAML `run: "..."`.
    for t in toks {
        if !matches!(t.tok, Tok::Str { .. }) {
            continue;
        }
        let content = &line[t.start..t.end];
        // A command line held in a string has a flag, a path, a pipe or a share (`-u`,
        // `u/v@db`, `| chpasswd`, `\\\\host`): strings of prose and data are passed over
        // before any search.
        if memchr::memchr(b' ', content).is_none()
            || (memchr::memchr3(b'-', b'/', b'|', content).is_none()
                && memchr::memchr(b'\\', content).is_none())
            || !(STEM_FINDER.is_match(content) || special(content))
        {
            continue;
        }
        let words = bare_words(content);
        command(content, &words, t.start, base, line_start, false, true, out);
    }
}

/// The program a word runs: its file name, lowercased, less `.exe`.
fn program(word: &[u8]) -> String {
    let name = word
        .rsplit(|&b| b == b'/' || b == b'\\')
        .next()
        .unwrap_or(word);
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    name.strip_suffix(".exe")
        .map(str::to_string)
        .unwrap_or(name)
}

/// The tools of the flag tables, each once.
fn table_tools() -> impl Iterator<Item = &'static str> {
    static TOOLS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut tools: Vec<&'static str> = USER_PASS_FLAGS
            .iter()
            .map(|t| t.0)
            .chain(SHORT_FLAGS.iter().map(|t| t.0))
            .chain(GLUED_FLAGS.iter().map(|t| t.0))
            .collect();
        tools.sort_unstable();
        tools.dedup();
        tools
    });
    TOOLS.iter().copied()
}

/// Whether `word` runs `name` (`/usr/bin/ipmitool`, `PsExec.exe`, `@curl` in a Makefile).
fn program_is(word: &[u8], name: &str) -> bool {
    program_file(word).eq_ignore_ascii_case(name.as_bytes())
}

/// The file name a word runs, as written: less its directory, a Makefile's `@`, `.exe`.
fn program_file(word: &[u8]) -> &[u8] {
    let word = word.trim_ascii_start();
    let word = word.strip_prefix(b"@").unwrap_or(word);
    let file = word
        .rsplit(|&b| b == b'/' || b == b'\\')
        .next()
        .unwrap_or(word);
    if file.len() > 4 && file[file.len() - 4..].eq_ignore_ascii_case(b".exe") {
        &file[..file.len() - 4]
    } else {
        file
    }
}

/// Reads one command line's `words` (spans in `text`, which sits at `at` in the line);
/// `in_string` when the command line is a string literal's content, which the lexer does
/// not read as words.
#[allow(clippy::too_many_arguments)]
fn command(
    text: &[u8],
    words: &[Word],
    at: usize,
    base: usize,
    line_start: usize,
    asked: bool,
    in_string: bool,
    out: &mut Vec<Candidate>,
) {
    let word = |i: usize| &text[words[i].start..words[i].end];
    let mut emit = |key: &str, s: usize, e: usize| {
        let value = &text[s..e];
        if value.is_empty()
            || matches!(value[0], b'$' | b'%' | b'<' | b'{' | b'*' | b'-')
            || value.starts_with(b"file:")
            || value.starts_with(b"env:")
        {
            return;
        }
        out.push(Candidate::bare_word(
            key.to_string(),
            base + at + s,
            base + at + e,
            value,
            line_start,
            Origin::Argument,
        ));
    };
    // The current program: the first word, or the word after a `|`, `;`, `&&`, `sudo`.
    let mut tool = String::new();
    let mut tool_at = 0;
    let mut fresh = true;
    // The table tools the command's words after the program run (a subcommand, `dotnet
    // nuget`; a wrapped command, `docker exec db ipmitool`, `kubectl exec x -- cqlsh`).
    let mut wrapped: Vec<&'static str> = Vec::new();
    for i in 0..words.len() {
        let w = word(i);
        if matches!(w, b"|" | b";" | b"&&" | b"||") {
            if !fresh {
                positional(&tool, text, words, tool_at, i, &mut emit);
            }
            fresh = true;
            wrapped.clear();
            continue;
        }
        // Expect's `expect "*assword:"` then `send "v\r"` (on this line or the one above).
        if w == b"send"
            && (asked
                || ((0..i).any(|k| word(k) == b"expect") && (0..i).any(|k| asks_password(word(k)))))
        {
            if let Some((s, mut e)) = words.get(i + 1).map(|n| (n.start, n.end)) {
                while e >= s + 2 && matches!(&text[e - 2..e], b"\\r" | b"\\n") {
                    e -= 2;
                }
                emit("password", s, e);
            }
        }
        if fresh {
            // `echo v | sudo -S cmd` (sudo reads the password from standard input).
            if w == b"sudo"
                && words
                    .get(i + 1)
                    .is_some_and(|n| &text[n.start..n.end] == b"-S")
            {
                if let Some((s, e)) = echoed_before(text, words, i) {
                    emit("password", s, e);
                }
            }
            // Not the program: a prefix command, an environment entry, a YAML list marker
            // or key (`- curl ...`, `script: curl ...`), a shell prompt.
            if matches!(
                w,
                b"sudo"
                    | b"exec"
                    | b"time"
                    | b"nohup"
                    | b"env"
                    | b"-"
                    | b"$"
                    | b"#"
                    | b"RUN"
                    | b"&"
            ) || (is_env_pair(w) && !is_exec_key(w))
                || (w.len() > 1 && w.ends_with(b":"))
                || is_cron_field(w)
            {
                continue;
            }
            // systemd's `ExecStart=/usr/bin/x`, supervisord's `command=/usr/bin/x`.
            let w = if is_exec_key(w) {
                &w[memchr::memchr(b'=', w).map_or(0, |e| e + 1)..]
            } else {
                w
            };
            // A Makefile recipe's `@`, a notebook's `!`.
            let w = w
                .strip_prefix(b"@")
                .or_else(|| w.strip_prefix(b"!"))
                .unwrap_or(w);
            tool = program(w);
            tool_at = i;
            fresh = false;
            // `echo v | wrangler secret put API_TOKEN`, `printf v | gcloud secrets create
            // api-key --data-file=-`, `echo v | docker secret create db_password -`: a
            // literal piped into a command that stores a secret, named by the command.
            // The same literal given as a here-string: `vercel env add API_TOKEN production
            // <<< "v"` (bash manual, "Here Strings").
            if let Some((s, e)) =
                echoed_before(text, words, i).or_else(|| here_string(text, words, i))
            {
                if let Some(name) = stored_secret_name(text, words, i) {
                    let name = String::from_utf8_lossy(name);
                    let key = if names_secret(&name) {
                        key_for(&name)
                    } else {
                        "secret".into()
                    };
                    emit(&key, s, e);
                }
            }
            // `echo 'user:v' | chpasswd`; `echo v | passwd --stdin user`; `echo v | kinit p`.
            if tool == "chpasswd"
                || tool == "kinit"
                || (tool == "passwd" && has_word(text, words, i, b"--stdin"))
            {
                if let Some((s, e)) = echoed_before(text, words, i) {
                    let (s, e) = if tool == "chpasswd" {
                        match memchr::memchr(b':', &text[s..e]) {
                            Some(c) => (s + c + 1, e),
                            None => continue,
                        }
                    } else {
                        (s, e)
                    };
                    emit("password", s, e);
                }
            }
            continue;
        }
        let next = words.get(i + 1).map(|n| (n.start, n.end));
        if w.first() != Some(&b'-') && !w.contains(&b'=') && w.len() <= 40 {
            let file = program_file(w);
            for t in table_tools() {
                if file.eq_ignore_ascii_case(t.as_bytes()) && !wrapped.contains(&t) {
                    wrapped.push(t);
                }
            }
        }
        // The tool runs when it is the program or a word before the flag.
        let runs = |t: &str| t == tool || wrapped.contains(&t);
        // `-uuser:v`, `--user=user:v`, `-u user:v` (not curl's: the lexer reads that).
        for &(t, flag, sep) in USER_PASS_FLAGS {
            if !runs(t) {
                continue;
            }
            let f = flag.as_bytes();
            let value = if w == f {
                // curl's separate `-u v` / `--user v` on a line is the lexer's; in a string
                // (`subprocess.run("curl -u admin:v ...")`, a test's command table) it is
                // this pass's.
                next.filter(|_| in_string || !(t == "curl" && matches!(flag, "-u" | "--user")))
            } else if w.len() > f.len() && w.starts_with(f) && f.len() == 2 {
                Some((words[i].start + 2, words[i].end))
            } else if w.len() > f.len() + 1 && w.starts_with(f) && w[f.len()] == b'=' {
                Some((words[i].start + f.len() + 1, words[i].end))
            } else {
                None
            };
            if let Some((s, e)) = value {
                if let Some(c) = memchr::memchr(sep, &text[s..e]) {
                    emit("password", s + c + 1, e);
                }
            }
        }
        if let Some(&(_, _, key)) = SHORT_FLAGS
            .iter()
            .find(|&&(t, f, _)| runs(t) && f.as_bytes() == w)
        {
            if let Some((s, e)) = next {
                emit(key, s, e);
            }
        }
        for &(t, f) in GLUED_FLAGS {
            let f = f.as_bytes();
            if runs(t) && w.len() > f.len() && w.starts_with(f) {
                emit("password", words[i].start + f.len(), words[i].end);
            }
        }
        // Squid's `cache_peer ... login=user:password` (squid-cache.org, `cache_peer`).
        if w.len() > 6 && w[..6].eq_ignore_ascii_case(b"login=") {
            if let Some(c) = memchr::memchr(b':', &w[6..]) {
                emit("password", words[i].start + 6 + c + 1, words[i].end);
            }
        }
        // Redis ACL rules: `>password` adds a password (`ACL SETUSER app on >v`, a users.acl
        // line `user app on >v`; redis.io/docs/latest/operate/oss_and_stack/management/security/acl/).
        if w.len() > 1 && w[0] == b'>' && redis_acl(text, words, tool_at, i) {
            emit("password", words[i].start + 1, words[i].end);
        }
        // Redis' `AUTH [user] v` after `redis-cli` or at a `host:port>` prompt
        // (redis.io/docs/latest/commands/auth/).
        if w == b"AUTH" && (runs("redis-cli") || (i > 0 && word(i - 1).ends_with(b">"))) {
            let args: Vec<usize> = (i + 1..words.len().min(i + 3)).collect();
            if let Some(&k) = args.last() {
                emit("password", words[k].start, words[k].end);
            }
        }
        // strongSwan's ipsec.secrets `[ids] : PSK "v"` (`EAP`, `XAUTH`, `NTLM`: the secret's
        // type after the `:`; docs.strongswan.org, ipsec.secrets).
        if matches!(w, b"PSK" | b"EAP" | b"XAUTH" | b"NTLM") && i > 0 && word(i - 1) == b":" {
            if let Some((s, e)) = next {
                emit("password", s, e);
            }
        }
        // NetworkManager's `nmcli ... password v`, `wifi-sec.psk v`, `802-1x.password v`
        // (networkmanager.dev, nmcli: properties are set as `name value` pairs).
        if runs("nmcli") && (w == b"password" || w.ends_with(b".psk") || w.ends_with(b".password"))
        {
            if let Some((s, e)) = next {
                emit("password", s, e);
            }
        }
        // A form body in a request tool's data flag (`curl --data-raw 'user=u&password=v'`,
        // `wget --post-data`, `curl -F password=v`): its credential-named fields.
        if matches!(
            w,
            b"-d"
                | b"--data"
                | b"--data-raw"
                | b"--data-urlencode"
                | b"--data-binary"
                | b"--post-data"
                | b"-F"
                | b"--form"
        ) && (runs("curl") || runs("wget"))
        {
            if let Some((s, e)) = next {
                form_fields(&text[s..e], s, &mut emit);
            }
        }
        // DB2's `connect to db user u using v` (ibm.com/docs/db2, CONNECT statement).
        if w.eq_ignore_ascii_case(b"using")
            && i >= 2
            && word(i - 2).eq_ignore_ascii_case(b"user")
            && (runs("db2") || tool == "connect" || tool == "db2")
        {
            if let Some((s, e)) = next {
                emit("password", s, e);
            }
        }
        // WinRM's `winrs -p:v` / `-password:v`.
        if runs("winrs") {
            for prefix in [&b"-p:"[..], b"-password:"] {
                if w.len() > prefix.len() && w[..prefix.len()].eq_ignore_ascii_case(prefix) {
                    emit("password", words[i].start + prefix.len(), words[i].end);
                }
            }
        }
        // `netsh wlan set hostednetwork ssid=x key=v`.
        if runs("netsh") && w.len() > 4 && w[..4].eq_ignore_ascii_case(b"key=") {
            emit("password", words[i].start + 4, words[i].end);
        }
        // Impacket's targets `[domain/]user:password@host` (`psexec.py`, `secretsdump.py`,
        // `impacket-wmiexec`; github.com/fortra/impacket, examples' `target` argument);
        // MySQL Shell's `mysqlsh user:password@host` and `--uri`, govc's `-u
        // user:password@host`.
        if (is_impacket(&tool) || runs("mysqlsh") || runs("govc"))
            && w.contains(&b'@')
            && !w.starts_with(b"-")
            && memchr::memmem::find(w, b"://").is_none()
        {
            if let Some((s, e)) = impacket_password(w) {
                emit("password", words[i].start + s, words[i].start + e);
            }
        }
        // Windows options: `/pass:v`, `/password:v`, `/p:v` (FreeRDP), `/rp v` (schtasks).
        if w.first() == Some(&b'/') {
            windows_option(&tool, text, words, i, &mut emit);
        }
        // `sc config svc password= v`: the option's `=` ends its word.
        if w.eq_ignore_ascii_case(b"password=") {
            if let Some((s, e)) = next {
                emit("password", s, e);
            }
        }
        // Oracle's `user/password@service` (and `userid=user/password@service`).
        if ORACLE_TOOLS.contains(&tool.as_str()) {
            let (mut s, e) = (words[i].start, words[i].end);
            if w.len() > 7 && w[..7].eq_ignore_ascii_case(b"userid=") {
                s += 7;
            }
            if let Some(pass) = oracle_password(&text[s..e], tool == "sqlplus") {
                emit("password", s + pass.0, s + pass.1);
            }
        }
        // A value named by a sibling flag: `--name db-password --value v`, `gh secret set
        // API_TOKEN --body v`.
        // PowerShell's `Set-ItemProperty -Name DefaultPassword -Value v` (any case);
        // `reg add <key> /v DefaultPassword /d v` (Windows' autologon settings).
        // AWS Secrets Manager's `create-secret --name N --secret-string v` and
        // `put-secret-value --secret-id N --secret-string v` (AWS CLI reference,
        // secretsmanager create-secret / put-secret-value).
        let value_flag = matches!(
            w,
            b"--value" | b"--body" | b"-b" | b"--secret-value" | b"--secret-string"
        ) || w.eq_ignore_ascii_case(b"-value")
            || (w.eq_ignore_ascii_case(b"/d") && runs("reg"))
            // Conjur's `conjur variable set -i <id> -v <value>` (Conjur CLI reference).
            || (w == b"-v" && runs("conjur"));
        if value_flag {
            if let (Some((s, e)), Some(name)) = (next, sibling_name(text, words, tool_at, i)) {
                let name = String::from_utf8_lossy(name);
                let leaf = name.rsplit('/').next().unwrap_or(&name);
                if names_secret(leaf) {
                    emit(&key_for(leaf), s, e);
                }
            }
        }
    }
    if !fresh {
        positional(&tool, text, words, tool_at, words.len(), &mut emit);
    }
}

/// The name a command from word `from` on stores a secret under: the word after `secret` or
/// `secrets` and a verb that stores (`put`, `set`, `create`, `add`; gcloud's `secrets
/// versions add NAME`).
fn stored_secret_name<'a>(text: &'a [u8], words: &[Word], from: usize) -> Option<&'a [u8]> {
    let word = |k: usize| &text[words[k].start..words[k].end];
    let end = (from..words.len())
        .find(|&k| matches!(word(k), b"|" | b";" | b"&&" | b"||"))
        .unwrap_or(words.len());
    // `env`: Vercel's `vercel env add NAME [environment]` (stdin is the value).
    let noun = (from..end).find(|&k| matches!(word(k), b"secret" | b"secrets" | b"env"))?;
    let mut k = noun + 1;
    if k < end && word(k) == b"versions" {
        k += 1;
    }
    if k >= end || !matches!(word(k), b"put" | b"set" | b"create" | b"add") {
        return None;
    }
    let name = (k + 1..end).map(word).find(|w| !w.starts_with(b"-"))?;
    // An environment is no secret store: only a variable named for a credential counts.
    if word(noun) == b"env" && !names_secret(&String::from_utf8_lossy(name)) {
        return None;
    }
    Some(name)
}

/// The credential-named fields of a form body `a=b&password=v` at `at`.
fn form_fields(body: &[u8], at: usize, emit: &mut impl FnMut(&str, usize, usize)) {
    let mut from = 0;
    for part in body.split(|&b| b == b'&') {
        if let Some(eq) = memchr::memchr(b'=', part) {
            let name = String::from_utf8_lossy(&part[..eq]);
            let key = if names_secret(&name) {
                Some(key_for(&name))
            } else if super::cmdline::is_pass_name(&name) || name == "pass" {
                Some("password".to_string())
            } else {
                None
            };
            if let Some(key) = key {
                emit(&key, at + from + eq + 1, at + from + part.len());
            }
        }
        from += part.len() + 1;
    }
}

/// Whether `text` prompts for a password (`"*assword:"`, `Enter passphrase`).
fn asks_password(text: &[u8]) -> bool {
    memchr::memmem::find(text, b"assword").is_some()
        || memchr::memmem::find(text, b"assphrase").is_some()
}

/// The line before the one starting at `line_start`.
fn previous_line(data: &[u8], line_start: usize) -> &[u8] {
    if line_start == 0 {
        return &[];
    }
    let end = line_start - 1;
    let start = memchr::memrchr(b'\n', &data[..end]).map_or(0, |i| i + 1);
    &data[start..end]
}

/// Whether `tool` is one of Impacket's example scripts (`psexec.py`, `impacket-psexec`).
fn is_impacket(tool: &str) -> bool {
    tool.starts_with("impacket-")
        || [
            "psexec.py",
            "wmiexec.py",
            "smbexec.py",
            "atexec.py",
            "dcomexec.py",
            "secretsdump.py",
            "mssqlclient.py",
            "getuserspns.py",
            "getnpusers.py",
            "gettgt.py",
            "smbclient.py",
            "lookupsid.py",
        ]
        .contains(&tool)
}

/// The password's span in `[domain/]user:password@host`.
fn impacket_password(w: &[u8]) -> Option<(usize, usize)> {
    let at = w.iter().rposition(|&b| b == b'@')?;
    let user_from = w[..at]
        .iter()
        .rposition(|&b| b == b'/')
        .map_or(0, |i| i + 1);
    let colon = memchr::memchr(b':', &w[user_from..at])? + user_from;
    (colon + 1 < at && colon > user_from).then_some((colon + 1, at))
}

/// A crontab line's schedule field (`*/5`, `0`, `1-5`, `@daily`): not the program.
fn is_cron_field(w: &[u8]) -> bool {
    w.iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b'*' | b'/' | b',' | b'-'))
        || matches!(
            w,
            b"@reboot"
                | b"@yearly"
                | b"@annually"
                | b"@monthly"
                | b"@weekly"
                | b"@daily"
                | b"@hourly"
        )
}

/// A key whose value is a command line: systemd's `ExecStart=` (and `ExecStartPre=`, ...),
/// supervisord's `command=`.
fn is_exec_key(w: &[u8]) -> bool {
    (w.starts_with(b"Exec") && w.contains(&b'=')) || w.starts_with(b"command=")
}

/// Whether word `i` is an ACL rule of a Redis user: after `ACL SETUSER name` or on a
/// users.acl line `user name ...`.
fn redis_acl(text: &[u8], words: &[Word], tool_at: usize, i: usize) -> bool {
    let word = |k: usize| &text[words[k].start..words[k].end];
    (tool_at..i)
        .any(|k| word(k).eq_ignore_ascii_case(b"setuser") || (k == tool_at && word(k) == b"user"))
}

/// `K=V` before a command (`API_TOKEN=v rsync ...`): not the program.
fn is_env_pair(w: &[u8]) -> bool {
    memchr::memchr(b'=', w).is_some_and(|eq| {
        eq > 0
            && w[..eq]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'_')
    })
}

fn has_word(text: &[u8], words: &[Word], from: usize, w: &[u8]) -> bool {
    words[from..]
        .iter()
        .take_while(|n| !matches!(&text[n.start..n.end], b"|" | b";" | b"&&"))
        .any(|n| &text[n.start..n.end] == w)
}

/// The word after a `<<<` of the command that starts at word `from`.
fn here_string(text: &[u8], words: &[Word], from: usize) -> Option<(usize, usize)> {
    let k = words[from..]
        .iter()
        .take_while(|n| !matches!(&text[n.start..n.end], b"|" | b";" | b"&&"))
        .position(|n| &text[n.start..n.end] == b"<<<")?;
    let w = words.get(from + k + 1)?;
    Some((w.start, w.end))
}

/// The literal that `echo`/`printf` writes into the pipe that ends before word `pipe_to`.
fn echoed_before(text: &[u8], words: &[Word], pipe_to: usize) -> Option<(usize, usize)> {
    let pipe = pipe_to.checked_sub(1)?;
    if &text[words[pipe].start..words[pipe].end] != b"|" || pipe == 0 {
        return None;
    }
    let echo = words[..pipe]
        .iter()
        .rposition(|w| matches!(&text[w.start..w.end], b"echo" | b"printf"))?;
    // The last word before the pipe (`echo -e v |`, `printf '%s' v |`).
    let last = &words[pipe - 1];
    (pipe - 1 > echo).then_some((last.start, last.end))
}

/// `/pass:v`, `/password:v`, `/pwd:v`, FreeRDP's `/p:v`, schtasks' `/rp v` and `/p v`,
/// runas-likes' `/password v`.
fn windows_option(
    tool: &str,
    text: &[u8],
    words: &[Word],
    i: usize,
    emit: &mut impl FnMut(&str, usize, usize),
) {
    let w = &text[words[i].start..words[i].end];
    let body = &w[1..];
    let (name, value) = match memchr::memchr(b':', body) {
        Some(c) => (&body[..c], Some((words[i].start + 2 + c, words[i].end))),
        None => (body, None),
    };
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    let takes = match name.as_str() {
        "pass" | "password" | "pwd" | "passwd" => true,
        "p" => tool.contains("freerdp") || tool == "schtasks",
        "rp" => tool == "schtasks",
        _ => false,
    };
    if !takes {
        return;
    }
    match value {
        Some((s, e)) => emit("password", s, e),
        // `/rp v`, `/password v`: only for the Windows tools that take them so (a Unix path
        // `/password` is a word of its own too).
        None if matches!(tool, "schtasks" | "wmic" | "runas" | "cmdkey" | "sc") => {
            if let Some(n) = words.get(i + 1) {
                if text.get(n.start) != Some(&b'/') {
                    emit("password", n.start, n.end);
                }
            }
        }
        None => {}
    }
}

/// The password of an Oracle connect string `user/password@service` (`user/password` alone
/// only for SQL*Plus, whose other words are no paths): its span in `word`.
fn oracle_password(word: &[u8], bare: bool) -> Option<(usize, usize)> {
    let slash = memchr::memchr(b'/', word)?;
    let user = &word[..slash];
    if user.is_empty()
        || !user[0].is_ascii_alphabetic()
        || !user
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'#'))
    {
        return None;
    }
    let rest = &word[slash + 1..];
    let end = match memchr::memchr(b'@', rest) {
        Some(at) => at,
        None if bare => rest.len(),
        None => return None,
    };
    let pass = &rest[..end];
    if pass.is_empty() || pass.contains(&b'/') {
        return None;
    }
    Some((slash + 1, slash + 1 + end))
}

/// The name a `--value` flag's value goes by: the `--name`/`-n` flag's value, or the word
/// after `set` (`gh secret set NAME`, `gh variable set NAME`).
fn sibling_name<'a>(text: &'a [u8], words: &[Word], from: usize, upto: usize) -> Option<&'a [u8]> {
    let word = |k: usize| &text[words[k].start..words[k].end];
    (from..upto).find_map(|k| {
        let w = word(k);
        if (matches!(w, b"--name" | b"-n" | b"--secret-id" | b"-i" | b"--id")
            || w.eq_ignore_ascii_case(b"-name")
            || w.eq_ignore_ascii_case(b"/v"))
            && k + 1 < upto
        {
            return Some(word(k + 1));
        }
        if w == b"set" && k >= 1 && word(k - 1) == b"secret" && k + 1 < upto {
            return Some(word(k + 1)).filter(|n| !n.starts_with(b"-"));
        }
        None
    })
}

/// The tools [`positional`] reads.
const POSITIONAL_TOOLS: &[&str] = &[
    "berglas",
    "htpasswd",
    "net",
    "rabbitmqctl",
    "mc",
    "poetry",
    "bundle",
    "cargo",
    "rootpw",
    "bindpw",
    "openssl",
    "cf",
    "vault",
    "consul",
    "ngrok",
    "composer",
    "wpa_passphrase",
    "isql",
];

/// The positional tool a command runs: its program, or the last word of the command that
/// runs one (`docker exec web htpasswd -b f u v`, `kubectl exec x -- rabbitmqctl ...`).
fn positional_tool(
    tool: &str,
    text: &[u8],
    words: &[Word],
    tool_at: usize,
    end: usize,
) -> Option<(String, usize)> {
    if POSITIONAL_TOOLS.contains(&tool) {
        return Some((tool.to_string(), tool_at));
    }
    (tool_at + 1..end).rev().find_map(|k| {
        let w = &text[words[k].start..words[k].end];
        POSITIONAL_TOOLS
            .iter()
            .find(|t| program_is(w, t))
            .map(|t| (t.to_string(), k))
    })
}

/// Passwords by position: `htpasswd -b[c] [file] user v`, `net use [d:] \\host\share v`,
/// `net user name v`, `rabbitmqctl add_user|change_password|authenticate_user name v`,
/// `mc alias set name url key v` (and `mc config host add`): the command's arguments are
/// the words after `tool_at` up to `end` (a separator or the end of the line).
fn positional(
    tool: &str,
    text: &[u8],
    words: &[Word],
    tool_at: usize,
    end: usize,
    emit: &mut impl FnMut(&str, usize, usize),
) {
    let Some((tool, tool_at)) = positional_tool(tool, text, words, tool_at, end) else {
        return;
    };
    let tool = tool.as_str();
    let word = |k: usize| &text[words[k].start..words[k].end];
    let args: Vec<usize> = (tool_at + 1..end)
        .take_while(|&k| !matches!(word(k), b">" | b"<" | b">>" | b"2>&1"))
        .collect();
    let plain: Vec<usize> = args
        .iter()
        .copied()
        .filter(|&k| {
            let w = word(k);
            let windows_option = tool == "net" && w.starts_with(b"/");
            !(w.starts_with(b"-") || windows_option)
        })
        .collect();
    let at = |k: usize| (words[k].start, words[k].end);
    match tool {
        "htpasswd" => {
            let flags: Vec<&[u8]> = args
                .iter()
                .map(|&k| word(k))
                .filter(|w| w.starts_with(b"-"))
                .collect();
            if !flags.iter().any(|f| f[1..].contains(&b'b')) {
                return;
            }
            // `-C cost` and `-r rounds` take a number: a plain word that is all digits.
            let plain: Vec<usize> = plain
                .into_iter()
                .filter(|&k| !word(k).iter().all(u8::is_ascii_digit))
                .collect();
            let index = if flags.iter().any(|f| f[1..].contains(&b'n')) {
                1
            } else {
                2
            };
            if let Some(&k) = plain.get(index) {
                let (s, e) = at(k);
                emit("password", s, e);
            }
        }
        "net" => match plain.first().map(|&k| word(k).to_ascii_lowercase()) {
            Some(sub) if sub == b"use" => {
                // The password follows the share (`\\host\share`).
                if let Some(share) = plain.iter().position(|&k| word(k).starts_with(b"\\\\")) {
                    if let Some(&k) = plain.get(share + 1) {
                        let (s, e) = at(k);
                        emit("password", s, e);
                    }
                }
            }
            Some(sub) if sub == b"user" && plain.len() == 3 => {
                let (s, e) = at(plain[2]);
                emit("password", s, e);
            }
            _ => {}
        },
        "rabbitmqctl" => {
            if let [sub, _name, pass, ..] = plain[..] {
                if matches!(
                    word(sub),
                    b"add_user" | b"change_password" | b"authenticate_user"
                ) {
                    let (s, e) = at(pass);
                    emit("password", s, e);
                }
            }
        }
        "mc" => {
            let subs: Vec<&[u8]> = plain.iter().take(3).map(|&k| word(k)).collect();
            let secret_at = match subs[..] {
                [b"alias", b"set", ..] => 5,
                [b"config", b"host", b"add"] => 6,
                // `mc admin user add ALIAS ACCESSKEY SECRETKEY`.
                [b"admin", b"user", b"add"] => 5,
                _ => return,
            };
            if let Some(&k) = plain.get(secret_at) {
                let (s, e) = at(k);
                emit("secret_key", s, e);
            }
        }
        // `poetry config http-basic.<repo> user v`, `poetry config pypi-token.<repo> v`
        // (python-poetry.org/docs/repositories/#configuring-credentials).
        "poetry" => {
            if let [config, setting, ref rest @ ..] = plain[..] {
                if word(config) != b"config" {
                    return;
                }
                let setting = word(setting);
                let (key, k) = if setting.starts_with(b"http-basic.") {
                    ("password", rest.get(1))
                } else if setting.starts_with(b"pypi-token.") {
                    ("token", rest.first())
                } else {
                    return;
                };
                if let Some(&k) = k {
                    let (s, e) = at(k);
                    emit(key, s, e);
                }
            }
        }
        // `bundle config [set] [--global] <host> user:v` (bundler.io/man/bundle-config.1.html,
        // "Credentials for gem sources").
        "bundle" => {
            let plain: Vec<usize> = plain.into_iter().filter(|&k| word(k) != b"set").collect();
            if let [config, host, creds] = plain[..] {
                if word(config) == b"config" && word(host).contains(&b'.') {
                    let (s, e) = at(creds);
                    if let Some(c) = memchr::memchr(b':', &text[s..e]) {
                        emit("password", s + c + 1, e);
                    }
                }
            }
        }
        // `openssl passwd [-1|-5|-6|-apr1] [-salt s] v`: the password to hash.
        "openssl" => {
            let plain: Vec<usize> = args
                .iter()
                .copied()
                .enumerate()
                .filter(|&(n, k)| {
                    !word(k).starts_with(b"-")
                        && (n == 0 || !matches!(word(args[n - 1]), b"-salt" | b"-in"))
                })
                .map(|(_, k)| k)
                .collect();
            if let [sub, .., pass] = plain[..] {
                if word(sub) == b"passwd" && plain.len() >= 2 {
                    let (s, e) = at(pass);
                    emit("password", s, e);
                }
            }
        }
        // Cloud Foundry's `cf auth USERNAME PASSWORD` (cli.cloudfoundry.org, `cf auth`).
        "cf" => {
            if let [sub, _user, pass] = plain[..] {
                if word(sub) == b"auth" {
                    let (s, e) = at(pass);
                    emit("password", s, e);
                }
            }
        }
        // `vault login <token>` (developer.hashicorp.com/vault/docs/commands/login; a
        // `-method=` login takes `key=value` pairs instead), Consul's `consul acl
        // set-agent-token <type> <token>`, ngrok's `ngrok config add-authtoken <token>` and
        // the older `ngrok authtoken <token>`.
        "vault" | "consul" | "ngrok" => {
            let token = match (tool, &plain[..]) {
                ("vault", [sub, token]) if word(*sub) == b"login" => *token,
                ("consul", [acl, sub, _kind, token])
                    if word(*acl) == b"acl" && word(*sub) == b"set-agent-token" =>
                {
                    *token
                }
                ("ngrok", [sub, token]) if word(*sub) == b"authtoken" => *token,
                ("ngrok", [config, sub, token])
                    if word(*config) == b"config" && word(*sub) == b"add-authtoken" =>
                {
                    *token
                }
                _ => return,
            };
            if !word(token).contains(&b'=') {
                let (s, e) = at(token);
                emit(
                    if tool == "ngrok" {
                        "authtoken"
                    } else {
                        "token"
                    },
                    s,
                    e,
                );
            }
        }
        // Berglas: `berglas create|update <ref> <data>`, the ref a bucket path or
        // `sm://<project>/<name>` (github.com/GoogleCloudPlatform/berglas, README "CLI
        // Usage"): named by the ref's last segment.
        "berglas" => {
            if let [verb, reference, data] = plain[..] {
                if !matches!(word(verb), b"create" | b"update") {
                    return;
                }
                let reference = String::from_utf8_lossy(word(reference));
                let leaf = reference.rsplit('/').next().unwrap_or(&reference);
                if names_secret(leaf) {
                    let (s, e) = at(data);
                    emit(&key_for(leaf), s, e);
                }
            }
        }
        // Composer's `composer config [-g] http-basic.<host> user v`, `github-oauth.<host> v`,
        // `gitlab-token.<host> v`, `bearer.<host> v` (getcomposer.org/doc/articles/authentication-for-private-packages.md).
        "composer" => {
            if let [config, setting, ref rest @ ..] = plain[..] {
                if word(config) != b"config" {
                    return;
                }
                let setting = word(setting);
                let (key, k) = if setting.starts_with(b"http-basic.") {
                    ("password", rest.get(1))
                } else if setting.starts_with(b"github-oauth.")
                    || setting.starts_with(b"gitlab-token.")
                    || setting.starts_with(b"gitlab-oauth.")
                    || setting.starts_with(b"bearer.")
                {
                    ("token", rest.first())
                } else {
                    return;
                };
                if let Some(&k) = k {
                    let (s, e) = at(k);
                    emit(key, s, e);
                }
            }
        }
        // Kickstart's `rootpw [--plaintext] v` (not `--iscrypted`, `--lock`;
        // pykickstart.readthedocs.io, `rootpw`).
        "rootpw" | "bindpw" => {
            let crypted = args
                .iter()
                .any(|&k| matches!(word(k), b"--iscrypted" | b"--lock"));
            if let ([pass], false) = (&plain[..], crypted) {
                let (s, e) = at(*pass);
                emit("password", s, e);
            }
        }
        // unixODBC's `isql [-v] DSN USER PASSWORD` (Sybase's `isql -P v` is a flag).
        "isql" => {
            if let [_dsn, _user, pass] = plain[..] {
                let (s, e) = at(pass);
                emit("password", s, e);
            }
        }
        // `wpa_passphrase SSID passphrase` (w1.fi, wpa_passphrase(8)).
        "wpa_passphrase" => {
            if let [_ssid, pass] = plain[..] {
                let (s, e) = at(pass);
                emit("password", s, e);
            }
        }
        // `cargo login <token>` (doc.rust-lang.org/cargo/commands/cargo-login.html).
        "cargo" => {
            if let [login, token] = plain[..] {
                if word(login) == b"login" {
                    let (s, e) = at(token);
                    emit("token", s, e);
                }
            }
        }
        _ => {}
    }
}
