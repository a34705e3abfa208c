//! Acceptance rates of values under a password's name (issue 13, recall; branch
//! `pwvalue12`): a seeded generator draws values of each charset and length, writes each
//! under six password names in six syntaxes, and counts how many a finding covers exactly.
//! The table it prints (`cargo test --lib password_value_acceptance -- --nocapture`) is
//! the measure the session's docs quote; the assertions hold the policy: random values of
//! eight characters or more under a password's name are reported whatever their charset,
//! and stand-ins, sequences and words are not, in any of the syntaxes.
//!
//! Every value is generated at run time, so the repository holds none.

use crate::rules::RuleSet;
use crate::scan::Scanner;

/// A seeded xorshift generator: the same values on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick(&mut self, from: &[u8]) -> u8 {
        from[(self.next() % from.len() as u64) as usize]
    }

    fn word<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }

    fn string(&mut self, charset: &[u8], len: usize) -> String {
        (0..len).map(|_| self.pick(charset) as char).collect()
    }
}

const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const DIGITS: &[u8] = b"0123456789";
const LOWER_DIGITS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const MIXED: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const SYMBOLS: &[u8] =
    b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#%^&*-_+=.?";

/// Words people build passwords from (the human-typed shapes).
const WORDS: &[&str] = &[
    "summer", "winter", "autumn", "dragon", "falcon", "sunset", "coffee", "garden", "silver",
    "orange", "purple", "rocket", "planet", "forest", "harbor", "castle", "meadow", "thunder",
];

/// The charsets and shapes measured.
const CHARSETS: &[&str] = &[
    "lower",
    "digits",
    "lower+digits",
    "mixed",
    "mixed+symbols",
    "Word2024!",
    "leet&3",
    "mydbpass99",
];

const LENGTHS: &[usize] = &[8, 9, 10, 11, 12, 14, 16, 20, 24];

/// A value of `charset` of about `len` characters (the human shapes take the length their
/// pieces give, padded with digits up to `len`).
fn value(draw: &mut Draw, charset: &str, len: usize) -> String {
    let pad = |draw: &mut Draw, mut v: String| {
        while v.len() < len {
            v.push(draw.pick(DIGITS) as char);
        }
        v
    };
    match charset {
        "lower" => draw.string(LOWER, len),
        "digits" => draw.string(DIGITS, len),
        "lower+digits" => draw.string(LOWER_DIGITS, len),
        "mixed" => draw.string(MIXED, len),
        "mixed+symbols" => draw.string(SYMBOLS, len),
        // `Summer2024!`: a capitalised word, a year, a mark.
        "Word2024!" => {
            let w = draw.word(WORDS);
            let year = 1990 + draw.next() % 40;
            let mark = draw.pick(b"!@#$%&*?") as char;
            let v = format!("{}{}{year}", w[..1].to_ascii_uppercase(), &w[1..]);
            format!("{}{mark}", pad(draw, v))
        }
        // `Tr0ub4dor&3`: a word with letters turned to digits, a mark and a digit.
        "leet&3" => {
            let w = draw.word(WORDS);
            let leet: String = w
                .chars()
                .enumerate()
                .map(|(i, c)| match c {
                    'o' => '0',
                    'a' => '4',
                    'e' => '3',
                    'i' => '1',
                    _ if i == 0 => c.to_ascii_uppercase(),
                    _ => c,
                })
                .collect();
            let mark = draw.pick(b"!@#$%&*?") as char;
            let digit = draw.pick(DIGITS) as char;
            pad(draw, format!("{leet}{mark}{digit}"))
        }
        // `mydbpass99`: short pieces and a word run together, two digits.
        _ => {
            let a = draw.word(&["my", "db", "app", "srv", "dev", "prod"]);
            let b = draw.word(WORDS);
            let v = format!(
                "{a}{b}{}{}",
                draw.pick(DIGITS) as char,
                draw.pick(DIGITS) as char
            );
            pad(draw, v)
        }
    }
}

const NAMES: &[&str] = &[
    "password",
    "DB_PASSWORD",
    "passwd",
    "pwd",
    "MYSQL_ROOT_PASSWORD",
    "smtpPassword",
];

/// `(path, text)` of `name` set to `v` in six syntaxes.
fn files(name: &str, v: &str) -> [(&'static str, String); 6] {
    [
        (".env", format!("{name}={v}\n")),
        ("settings.py", format!("{name} = \"{v}\"\n")),
        ("config.yaml", format!("db:\n  {name}: {v}\n")),
        ("config.json", format!("{{\n  \"{name}\": \"{v}\"\n}}\n")),
        (
            "Config.java",
            format!("class Config {{\n    String {name} = \"{v}\";\n}}\n"),
        ),
        ("config.js", format!("const {name} = \"{v}\";\n")),
    ]
}

/// Of `values`, written under every name in every syntax, how many files reported the
/// value exactly, and how many files there were.
fn reported(scanner: &Scanner, values: &[String]) -> (usize, usize) {
    let mut hits = 0;
    let mut total = 0;
    for v in values {
        for name in NAMES {
            for (path, text) in files(name, v) {
                total += 1;
                let found = scanner
                    .scan(Some(path), text.as_bytes())
                    .iter()
                    .any(|m| m.secret.expose() == v);
                hits += usize::from(found);
                if !found && std::env::var_os("PW_MISSES").is_some() {
                    eprintln!("miss {path}: {text:?}");
                }
            }
        }
    }
    (hits, total)
}

/// Values drawn per cell.
const PER_CELL: usize = 6;

#[test]
fn password_value_acceptance() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let mut draw = Draw(0x9e37_79b9_7f4a_7c15);
    let mut table = String::from("charset         ");
    for len in LENGTHS {
        table.push_str(&format!("{len:>6}"));
    }
    table.push_str("   all\n");
    let mut rates = Vec::new();
    for charset in CHARSETS {
        table.push_str(&format!("{charset:<16}"));
        let (mut hits, mut total) = (0, 0);
        for &len in LENGTHS {
            let values: Vec<String> = (0..PER_CELL)
                .map(|_| value(&mut draw, charset, len))
                .collect();
            let (h, t) = reported(&scanner, &values);
            table.push_str(&format!("{:>5}%", h * 100 / t));
            hits += h;
            total += t;
        }
        table.push_str(&format!("{:>5}%\n", hits * 100 / total));
        rates.push((*charset, hits as f64 / total as f64));
    }
    eprintln!(
        "password values reported (per cell {PER_CELL} values x 6 names x 6 syntaxes):\n{table}"
    );
    for (charset, rate) in rates {
        // Random values of every charset are reported (digits alone too, a sequence or a
        // date among them aside; a few symbols that start a comment in `.env` aside).
        // Lowercase letters a person can say read as a word of some language (translation
        // catalogs keep such words under a password's label), so a few random ones are
        // left. Values built of words (`Summer2024!`, `R0ck3t#22`, `devgarden27`: the
        // shape of `hunter22` and of documentation's example passwords) are policy: only
        // measured.
        let floor = match charset {
            "lower" => 0.85,
            "Word2024!" | "leet&3" | "mydbpass99" => 0.0,
            _ => 0.95,
        };
        assert!(rate >= floor, "{charset}: {:.0}% reported", rate * 100.0);
    }
}

/// Stand-ins, sequences, keyboard rows, words and names under a password's name: none is
/// reported in any syntax under any of the names.
#[test]
fn password_stand_ins_stay_quiet() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let quiet: Vec<String> = [
        "changeme",
        "password",
        "password123",
        "Password1!",
        "p@ssw0rd",
        "Passw0rd!",
        "********",
        "your_password",
        "<password>",
        "xxxxxxxx",
        "12345678",
        "1234567890",
        "87654321",
        "11111111",
        "12121212",
        "aaaaaaaa",
        "abcdefgh",
        "qwertyui",
        "asdfghjkl",
        "qwerty123",
        "hunter22",
        "secret123",
        "admin1234",
        "test1234",
        "mysecretpassword",
        "supersecret",
        "postgres",
        "rabbitmq",
        "newPassword",
        "PASSWORD_FIELD",
        "auth.password.label",
        "dbPassword",
        "20240101",
        "abcabcabc",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut noisy = Vec::new();
    for v in &quiet {
        let (hits, _) = reported(&scanner, std::slice::from_ref(v));
        if hits > 0 {
            noisy.push(format!("{v} ({hits})"));
        }
    }
    assert!(noisy.is_empty(), "reported: {}", noisy.join(", "));
}

/// Values the typed-password reading must leave alone, as they stand in the files they were
/// found in (the benchmark tree's packages, a spent real-code set): a renderer's pass named
/// like a password in a minified bundle, an API reference's example password of words,
/// escaped markup in generated typings, and tokens a guide shortened with an ellipsis.
#[test]
fn code_and_examples_beside_password_names_stay_quiet() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let blobs = [
        (
            "dist/plotly.min.js",
            "{this.opaquePassCutoff=t;break}this.renderPass=\"offscreen\";for(const t of i){}\n",
        ),
        (
            "apis/cognito-idp.examples.json",
            "{\n  \"input\": {\n    \"TemporaryPassword\": \"This-is-my-test-99!\",\n    \"Username\": \"testuser\"\n  }\n}\n",
        ),
        (
            "clients/ec2.d.ts",
            "    /**\n     *   tag:&lt;key&gt; - The key/value combination of a tag.\n     */\n    password: &lt;keyvalue&gt;\n",
        ),
        (
            "src/welcome.ts",
            "const HSBC_PASS = process.env.HSBC_PASS;\nlet auth = new HttpBasicAuth();\nauth.password = HSBC_PASS;\n",
        ),
        (
            "docs/publish.md",
            "cat > ~/.pypirc <<'EOF'\n[pypi]\n  username = __token__\n  password = pypi-AgEIcHl...\n\n[testpypi]\n  password = pypi-AgENdGVz\u{2026}\nEOF\n",
        ),
    ];
    for (path, text) in blobs {
        let found: Vec<String> = scanner
            .scan(Some(path), text.as_bytes())
            .iter()
            .map(|m| format!("rule {} line {}", m.rule, m.line))
            .collect();
        assert!(found.is_empty(), "{path}: {found:?}");
    }
}

/// Words under a password's name in translation files (`super::translations`) and the
/// argument after a switch about passwords are no passwords; the same words in a
/// settings file, and a drawn value in a catalog or after a flag that takes one, are.
#[test]
fn translations_and_password_switches_stay_quiet() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let found = |path: &str, text: &str| -> Vec<String> {
        scanner
            .scan(Some(path), text.as_bytes())
            .iter()
            .map(|m| format!("rule {} line {}", m.rule, m.line))
            .collect()
    };
    // Romansh for "password", joined at run time (the catalog line itself is quiet only
    // in a catalog, and this file is none).
    let word = ["pled", "clav"].join("-");
    let romansh = format!("{{\n\t\"yourpassword\": \"{word}\"\n}}\n");
    let quiet = [
        ("languages/i18n/rm.json", romansh.as_str()),
        (
            "app/src/main/res/values-fi/strings.xml",
            "<resources>\n  <string name=\"password\">salasana</string>\n</resources>\n",
        ),
        (
            "po/cy.po",
            "msgid \"Password\"\nmsgstr \"cyfrinair\"\n",
        ),
        (
            "src/main/resources/messages_sv.properties",
            "login.password=losenordet\n",
        ),
        (
            "config/locales/et.yml",
            "et:\n  login:\n    password: salasona\n",
        ),
        (
            "osutil/user_test.go",
            "\t\t{\"adduser\", \"--force-badname\", \"--gecos\", \"my gecos\", \"--disabled-password\", \"karl.sagan\"},\n",
        ),
        (
            "ci/deploy.sh",
            "echo \"$TOKEN\" | docker login --password-stdin quay.io/organisation\nansible-playbook --ask-vault-pass playbooks/site.yml\nmysqldump --no-password backupuser\n",
        ),
    ];
    for (path, text) in quiet {
        assert!(
            found(path, text).is_empty(),
            "{path}: {:?}",
            found(path, text)
        );
    }
    // The same word outside a catalog is read as a typed password, as before.
    assert_eq!(found("deploy/settings.json", &romansh).len(), 1);
    // A settings file kept beside catalogs is no catalog.
    assert_eq!(found("config/locale/settings.json", &romansh).len(), 1);
    // A drawn value in a catalog, and after a flag that takes a password, is reported.
    let mut draw = Draw(0x5eed_0013);
    let drawn = format!(
        "{}{}{}",
        draw.string(LOWER, 6),
        draw.string(DIGITS, 4),
        draw.string(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 6)
    );
    let catalog = format!("{{\n\t\"adminpassword\": \"{drawn}\"\n}}\n");
    assert_eq!(found("src/locales/en.json", &catalog).len(), 1, "{catalog}");
    let flag = format!(
        "\t\t{{\"adduser\", \"--disabled-login\", \"--password\", \"{drawn}\", \"karl\"}},\n"
    );
    assert_eq!(found("osutil/user_test.go", &flag).len(), 1, "{flag}");
}
