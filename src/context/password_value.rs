//! Whether a literal under a password's name is a password someone typed (issue 13,
//! recall; branch `pwvalue12`).
//!
//! The generic rules judge a value by Shannon entropy and by whether it reads as an
//! identifier, tests made for generated tokens: under a key's or a token's name a value of
//! lowercase letters is a name (`uvzhmasqxezy` passes for one), eight characters with one
//! repeated fall under the entropy floor (`A94hJ9Wn` is 2.75 bits), and a word with a year
//! and a mark (`Summer2024!`) reads as words or as code (`x!`). A password need not look
//! random: under a password's name the value is judged by how rare its pieces are.
//!
//! [`is_typed_password`] takes away what a person or a document does not invent: known
//! words (`rules/words/`, after undoing the usual letter-for-digit swaps, `p4ssw0rd`),
//! runs of three or more that follow the alphabet, the digits or a keyboard row, forwards
//! or backwards, or repeat one character (`123`, `cba`, `qwe`, `aaa`), and a value that
//! is a short unit said again (`abcabcabc`, `12121212`) or a date (`20240101`). A value
//! with at least [`MIN_RARE`] characters left over is not trivial (`hunter22`, a word and a
//! repeat, `password123`, `qwertyui` and `admin1234` leave none): a value the rules
//! already report stays reported unless it is trivial. A value they drop (one case, a
//! name's shape, entropy under the floor) is reported when at least half of it is rare:
//! drawn, not built (`uvzhmasqxezy`, `A94hJ9Wn`, `48213907`, `mydbpass99`);
//! `Summer2024!` and `AviNetworks123!`, words with a number and a mark, are the example
//! passwords of documentation and stay unreported (the corpus's Ansible docs hold dozens). Words of a language, names of
//! pieces, format strings and URL queries are no passwords either.
//!
//! Stand-ins, code, references and placeholders are still the shared classifier's to drop
//! ([`super::classify::judge_typed_password`] applies every one of its checks except the
//! two made for generated tokens).

use std::collections::HashSet;
use std::sync::OnceLock;

/// The fewest characters a password must hold outside words, sequences and repeats.
pub const MIN_RARE: usize = 4;

/// Below this many characters a password is reported only when every character of it is
/// rare ([`rare_chars`]); `generic-password`'s `min_length` sets how short it may be.
pub const SHORT: usize = 8;

/// The fewest characters of a password the extractors that find literals by position hand
/// on (`super::fallbacks`, `super::siblings`): `generic-password`'s `min_length`, the
/// shortest value any generic rule reports (a unit test of `crate::scan::context_pass`
/// holds the two equal).
pub const FLOOR: usize = 5;

/// Keyboard rows (US layout), for runs such as `qwerty`, `asdf`, `zxcv`.
const ROWS: &[&[u8]] = &[b"1234567890", b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];

/// Whether `v`, a literal under a password's name that the classifier found no code,
/// reference or stand-in, is a password rather than words, a sequence or a name.
pub fn is_typed_password(v: &str) -> bool {
    if is_trivial(v) || reads_as_words(v) || is_not_a_value(v) {
        return false;
    }
    let alnum = v.bytes().filter(u8::is_ascii_alphanumeric).count();
    // A mark at the end does not make words joined by separators a drawn value
    // (`This-is-my-test-99!`, an API reference's example).
    // Nor does a statement's end after a constant's name (`auth.password = HSBC_PASS;`).
    let name_chars = v
        .trim_end_matches(['!', '?', '#', '*', ';', ','])
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    if name_chars && v.contains(SEPARATORS) {
        // Pieces joined by separators (`x-ms-copy-id`, `ESXI_PASSWORD`, `id-PBES2`,
        // `host-5001`): a name when fewer than half its letters and digits are rare in
        // the pieces of a name (a short piece, an acronym, a number, a word).
        return name_rare(v) * 2 >= alnum;
    }
    // At least half of it rare: a value the rules' own tests already drop for its shape
    // (one case, a name's humps, low entropy) is reported under a password's name when it
    // is mostly drawn, not built of words (`AviNetworks123!`, `Summer2024!`: words, a
    // number and a mark, the example passwords of documentation, stay as they were).
    rare_chars(v) * 2 >= v.chars().count()
}

/// The rare characters of a name's pieces: a piece of three characters or fewer, of
/// digits alone, or digits at a piece's end are a name's; in the rest, runs split at
/// humps that are acronyms (two to six capitals) or words are too.
fn name_rare(v: &str) -> usize {
    v.split(SEPARATORS)
        .filter(|p| p.len() > 3 && !p.bytes().all(|b| b.is_ascii_digit()))
        .map(|p| {
            let p = p.trim_end_matches(|c: char| c.is_ascii_digit());
            let acronyms: usize = super::classify::letter_runs(p)
                .iter()
                .filter(|r| (2..=6).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_uppercase()))
                .map(|r| rare_chars(r))
                .sum();
            rare_chars(p).saturating_sub(acronyms)
        })
        .sum()
}

/// What joins the words of a name.
const SEPARATORS: [char; 6] = ['-', '_', '.', ':', '\'', '\u{b7}'];

/// Whether `v` is made of words, sequences and repeats, or is a date: under a password's
/// name such a value is a stand-in or a guess (`qwerty123`, `87654321`), however high
/// its entropy.
pub fn is_trivial(v: &str) -> bool {
    is_repeated_unit(v) || is_date(v) || rare_chars(v) < MIN_RARE
}

/// Letters that read as words of a language, as translation catalogs keep them under a
/// password's label (`Lozinka:`, `Kanselaron`, `GUI-wachtwoord` as the values of keys
/// that name a password),
/// and test fixtures' passwords of one word (`porkchop`): letters alone (each piece of a
/// name joined by `-`, `.`, `'` or `_`, perhaps ending in `:` or `.`), in one case or
/// capitalised, that a person can say: a third or more vowels and no four consonants in a
/// row. Letters drawn at random rarely are (`uvzhmasqxezy`), and a label's `:` says it.
fn reads_as_words(v: &str) -> bool {
    let core = v.trim_end_matches([':', '.']);
    let label = core.len() < v.len();
    let pieces: Vec<&str> = core.split(SEPARATORS).filter(|p| !p.is_empty()).collect();
    if pieces.is_empty()
        || !pieces
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return false;
    }
    let cased = |p: &str| {
        let rest = p.get(1..).unwrap_or("");
        rest.bytes().all(|b| b.is_ascii_lowercase()) || p.bytes().all(|b| b.is_ascii_uppercase())
    };
    if !pieces.iter().all(|p| cased(p)) {
        return false;
    }
    // A capitalised word, perhaps joined to more in lowercase (`Passwort`, `Pled-clav`): a
    // label in some language; random letters in mixed case rarely fall so.
    let capitalised = core.as_bytes()[0].is_ascii_uppercase()
        && core[1..]
            .chars()
            .all(|c| c.is_ascii_lowercase() || SEPARATORS.contains(&c));
    label || capitalised || pieces.iter().all(|p| p.len() <= 3 || sayable(p))
}

/// A third or more of the letters vowels (`y` counted), and no four consonants in a row.
fn sayable(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let vowel = |b: u8| b"aeiouy".contains(&b);
    let vowels = lower.bytes().filter(|&b| vowel(b)).count();
    let mut run = 0;
    let mut longest = 0;
    for b in lower.bytes() {
        run = if vowel(b) { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    vowels * 3 >= lower.len() && longest < 4
}

/// Text that is no value of its own: a quote inside (`xml:"password,omitempty"`,
/// `item.secret|string+"`: code around a value), a format directive
/// (`storage-systems/%s/passwords`), an escaped line break (`multiline\nsecret`), a part
/// left out (`3Gs...==`), or a URL's query (`27017/?authMechanism=PLAIN`).
fn is_not_a_value(v: &str) -> bool {
    if v.contains(['"', '`']) || v.contains("...") || v.starts_with('\'') || v.ends_with('\'') {
        return true;
    }
    if is_number_notation(v) {
        return true;
    }
    if ["%s", "%d", "%v", "%(", "\\n", "\\r", "\\t"]
        .iter()
        .any(|d| v.contains(d))
    {
        return true;
    }
    let b = v.as_bytes();
    if has_character_reference(b) {
        return true;
    }
    (0..b.len()).any(|i| {
        (b[i] == b'?' || b[i] == b'&') && {
            let name = b[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic() || **c == b'_')
                .count();
            name >= 2 && b.get(i + 1 + name) == Some(&b'=')
        }
    })
}

/// Whether `v` is a number as code and prose write one, not as a person types a password:
/// a hexadecimal literal (`0x5821`, `0X1F`) or digits in groups of three after a
/// thousands separator (`75,312`, `1,048,576`): a flag, an error code or a count in a
/// table (session 14: the five-character floor read them under a password's name).
fn is_number_notation(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() > 2 && (v.starts_with("0x") || v.starts_with("0X")) {
        return b[2..].iter().all(u8::is_ascii_hexdigit);
    }
    let mut groups = v.split(',');
    let first = groups.next().unwrap_or("");
    v.contains(',')
        && (1..=3).contains(&first.len())
        && first.bytes().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit()))
}

/// Whether `b` holds an HTML or XML character reference (`&lt;`, `&amp;`, `&#60;`,
/// `&#x3c;`): markup escaped in docs and generated typings (`password: &lt;value&gt;`),
/// not a typed password.
fn has_character_reference(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &c)| {
        if c != b'&' {
            return false;
        }
        let rest = &b[i + 1..];
        let (skip, in_body): (usize, fn(&u8) -> bool) = match rest {
            [b'#', b'x' | b'X', ..] => (2, u8::is_ascii_hexdigit),
            [b'#', ..] => (1, u8::is_ascii_digit),
            _ => (0, u8::is_ascii_alphabetic),
        };
        let body = rest[skip..].iter().take_while(|c| in_body(c)).count();
        let lengths = if skip == 0 { 2..=8 } else { 1..=7 };
        lengths.contains(&body) && rest.get(skip + body) == Some(&b';')
    })
}

/// How many characters of `v` are neither in a known word (three letters or more) nor in
/// a run of three or more that follows the alphabet, the digits or a keyboard row, or
/// repeats one character.
pub fn rare_chars(v: &str) -> usize {
    let decoded = super::stand_in::url_password::percent_decoded(v);
    // `1` stands for `i` (`adm1n`) or for `l` (`we1come`): the reading with fewer rare
    // characters counts.
    [b'i', b'l']
        .into_iter()
        .map(|one| rare_in(&unleet(&decoded, one)))
        .min()
        .unwrap_or(0)
}

fn rare_in(plain: &str) -> usize {
    let lower = plain.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut explained = vec![false; b.len()];
    mark_runs(b, &mut explained);
    mark_words(plain, &mut explained, super::classify::word_set());
    // A mark between two explained pieces joins them (`dell@force10`, `index.html?query`).
    for i in 1..b.len().saturating_sub(1) {
        if !b[i].is_ascii_alphanumeric() && explained[i - 1] && explained[i + 1] {
            explained[i] = true;
        }
    }
    explained.iter().filter(|e| !**e).count()
}

/// Digits and marks that stand for letters between two letters (`p4ssw0rd`, `p@ss`) read
/// as the letters (ASCII for ASCII, so every byte keeps its place).
fn unleet(v: &str, one: u8) -> String {
    let b = v.as_bytes();
    let letter = |i: Option<&u8>| i.is_some_and(u8::is_ascii_alphabetic);
    let out: Vec<u8> = (0..b.len())
        .map(|i| {
            let c = b[i];
            // Between two letters, or at an end beside one (`1nsecure`, `0th3r`).
            let before = i == 0 || letter(b.get(i - 1));
            let after = i + 1 == b.len() || letter(b.get(i + 1));
            if !(before && after) || b.len() < 2 {
                return c;
            }
            match c {
                b'0' => b'o',
                b'1' => one,
                b'3' => b'e',
                b'4' | b'@' => b'a',
                b'5' | b'$' => b's',
                b'7' => b't',
                _ => c,
            }
        })
        .collect();
    String::from_utf8(out).unwrap_or_else(|_| v.to_string())
}

/// The step from `a` to `b` along the alphabet, the digits or a keyboard row: `Some(1)`
/// forwards, `Some(-1)` backwards, `Some(0)` the same character.
fn steps(a: u8, b: u8) -> [Option<i8>; 2] {
    let along = |a: u8, b: u8| -> Option<i8> {
        let same_class = (a.is_ascii_lowercase() && b.is_ascii_lowercase())
            || (a.is_ascii_digit() && b.is_ascii_digit());
        if !same_class {
            return if a == b { Some(0) } else { None };
        }
        match b as i16 - a as i16 {
            0 => Some(0),
            1 => Some(1),
            -1 => Some(-1),
            _ => None,
        }
    };
    let keyboard = ROWS.iter().find_map(|row| {
        let i = row.iter().position(|&c| c == a)?;
        let j = row.iter().position(|&c| c == b)?;
        match j as i16 - i as i16 {
            1 => Some(2),
            -1 => Some(-2),
            _ => None,
        }
    });
    [along(a, b), keyboard]
}

/// Marks every character in a run of three or more with one step throughout; a run that
/// turns (`12321`) starts again at the character where it turns.
fn mark_runs(b: &[u8], explained: &mut [bool]) {
    for kind in 0..2 {
        let mut i = 0;
        while i + 1 < b.len() {
            let Some(step) = steps(b[i], b[i + 1])[kind] else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j + 1 < b.len() && steps(b[j], b[j + 1])[kind] == Some(step) {
                j += 1;
            }
            if j - i >= 2 {
                explained[i..=j].iter_mut().for_each(|e| *e = true);
            }
            i = j;
        }
    }
}

/// Marks known words of three letters or more, longest first, in each run of letters
/// split where the case turns as a person writes words (`Summer`, `RED`, `myPass`): a
/// value in random case (`LFiNdIdp`) holds no word across its humps.
fn mark_words(v: &str, explained: &mut [bool], words: &HashSet<&'static str>) {
    for run in super::classify::letter_runs(v) {
        let offset = run.as_ptr() as usize - v.as_ptr() as usize;
        let run = run.to_ascii_lowercase();
        let stand_ins = super::stand_in::url_password::stand_in_words();
        let known =
            |w: &str| words.contains(w) || short_words().contains(w) || stand_ins.contains(&w);
        let mut at = 0;
        while at < run.len() {
            let longest = (3..=14.min(run.len() - at))
                .rev()
                .find(|&n| known(&run[at..at + n]));
            match longest {
                Some(n) => {
                    let from = offset + at;
                    explained[from..from + n].iter_mut().for_each(|e| *e = true);
                    at += n;
                }
                None => at += 1,
            }
        }
    }
}

/// English words of three and four letters (`rules/words/short-words.txt`), which the
/// shared lists leave out (they judge names, where such words are noise): a typed
/// password is often made of them (`porkchop`).
fn short_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        super::stand_in::word_list(include_str!("../../rules/words/short-words.txt"))
            .into_iter()
            .collect()
    })
}

/// A short unit said again to the length of the value (`abcabcabc`, `12121212`,
/// `Ab1Ab1Ab1`): a unit of at most half the value, repeated two times or more.
fn is_repeated_unit(v: &str) -> bool {
    let b = v.as_bytes();
    (1..=b.len() / 2).any(|n| b.iter().enumerate().all(|(i, &c)| c == b[i % n]))
}

/// Eight digits that read as a date (`20240101`, `01012024`, `31121999`).
fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| v[r].parse::<u32>().unwrap_or(0);
    let year = |y: u32| (1900..=2099).contains(&y);
    let day_month = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    (year(num(0..4)) && day_month(num(6..8), num(4..6)))
        || (year(num(4..8)) && (day_month(num(0..2), num(2..4)) || day_month(num(2..4), num(0..2))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_code_or_table_notation_are_no_password() {
        for v in ["0x5821", "0X1F2E", "75,312", "1,048,576", "56,128"] {
            assert!(is_number_notation(v), "{v}");
            assert!(!is_typed_password(v), "{v}");
        }
        // Digits without a separator, a comma that groups otherwise, and hex digits
        // without `0x` are not read as a number's notation.
        for v in ["991545", "12,34", "1234,567", "0xZZ", "ab,cde", "x5821"] {
            assert!(!is_number_notation(v), "{v}");
        }
    }

    #[test]
    fn typed_passwords_and_what_is_not_one() {
        for v in [
            "Tr0ub4dor&3",
            "mydbpass99",
            "uvzhmasqxezy",
            "pZOXzcycDe",
            "s7s333h9mt",
            "68f7e4qe",
            "48213907",
            "LFiNdIdp",
            "nXMgWJoleSrc",
            "xkqvbt-wzrnm",
            "Xk9-Lm2q-Pz7w",
        ] {
            assert!(is_typed_password(v), "{v} is a password");
        }
        for v in [
            "hunter22",
            "password123",
            "p4ssw0rd",
            "qwertyui",
            "asdfghjkl",
            "12345678",
            "87654321",
            "admin1234",
            "abcabcabc",
            "12121212",
            "20240101",
            "newPassword",
            "secretpassword",
            "NOPASSWD:",
            "x-ms-copy-id",
            "ESXI_PASSWORD",
            "Lozinka:",
            "porkchop",
            "GUI-wachtwoord",
            "pa%3Fsword",
            "storage-systems/%s/passwords",
            "27017/?authMechanism=PLAIN",
            "9000/dir/index.html?query=term#fragment",
            "1nsecure",
            "dell@force10",
            "&lt;keyvalue&gt;",
            "tag:&lt;key&gt;",
            "&#60;password&#62;",
            "This-is-my-test-99!",
            "HSBC_PASS;",
            "we1come!",
            "Passwort",
            "Pled-clav",
            "id-PBES2",
            "id-hmacWithSHA256",
            "host-5001",
            "ESXI_PASSWORD'",
            "Summer2024!",
            "AviNetworks123!",
        ] {
            assert!(!is_typed_password(v), "{v} is no password");
        }
    }

    #[test]
    fn runs_count_forwards_backwards_and_on_keyboard_rows() {
        assert_eq!(rare_chars("xk9cba"), 3);
        assert_eq!(rare_chars("zzz7"), 1);
        assert_eq!(rare_chars("qwe"), 0);
        assert_eq!(rare_chars("jq9m"), 4);
    }
}
