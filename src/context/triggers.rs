//! Which trigger bytes a line holds, found by one scan of the line.
//!
//! The context engine runs some forty passes over every line it reads (session 13's and 14's
//! profiles: ~1 M lines × ~40 passes, no pass above 4 %). Several of them, and several of the
//! needle searches that gate them, can give nothing on a line that lacks a byte they start
//! from: the URL pass needs an `@` (a Go DSN), a `?` (a query) or a `:` (a scheme's `://`),
//! the XML pass a `<`, the template pass a `{`, the `base64` gates a `6`, curl's `-u` a `-`.
//! Each of those passes and searches costs a call and a scan of its own even on a line
//! without the byte. [`Present::of`] reads the line once, through a 256-entry table of byte
//! classes, and the engine asks the answer before each such pass: a pass is skipped only
//! where a byte it cannot do without is absent, so no candidate changes (the test
//! `context::gate_tests` compares gated and ungated extraction on generated lines).

/// A set of byte classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct Present(u16);

/// `@`: a Go DSN's user-info (`urls`).
pub(super) const AT: u16 = 1;
/// `?`: a query string (`urls`).
pub(super) const QUESTION: u16 = 1 << 1;
/// `:`: a URL's `://` (`urls`).
pub(super) const COLON: u16 = 1 << 2;
/// `<`: an element (`xml`).
pub(super) const LT: u16 = 1 << 3;
/// `{`: a template's `{{` or `{%`.
pub(super) const BRACE: u16 = 1 << 4;
/// `6`: `base64`, `Base64String`.
pub(super) const SIX: u16 = 1 << 5;
/// `(`: `btoa(`.
pub(super) const PAREN: u16 = 1 << 6;
/// `-`: curl's `-u`.
pub(super) const DASH: u16 = 1 << 7;

/// The class bits of each byte value, built at compile time.
static CLASSES: [u16; 256] = {
    let mut table = [0u16; 256];
    table[b'@' as usize] = AT;
    table[b'?' as usize] = QUESTION;
    table[b':' as usize] = COLON;
    table[b'<' as usize] = LT;
    table[b'{' as usize] = BRACE;
    table[b'6' as usize] = SIX;
    table[b'(' as usize] = PAREN;
    table[b'-' as usize] = DASH;
    table
};

impl Present {
    /// The classes of the bytes of `line`.
    pub(super) fn of(line: &[u8]) -> Present {
        let mut bits = 0u16;
        for &b in line {
            bits |= CLASSES[usize::from(b)];
        }
        Present(bits)
    }

    /// Whether `line` holds a byte of any of the classes in `classes`.
    pub(super) fn any(self, classes: u16) -> bool {
        ungated() || self.0 & classes != 0
    }
}

#[cfg(test)]
thread_local! {
    /// Set by the equivalence tests: every gate answers "present", as if there were none.
    static UNGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the gates are off on this thread: only a test turns them off
/// (`without_gates`); otherwise false, and the check compiles away.
#[inline]
pub(super) fn ungated() -> bool {
    #[cfg(test)]
    return UNGATED.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

/// Runs `f` with every gate off on this thread (tests only).
#[cfg(test)]
pub(super) fn without_gates<T>(f: impl FnOnce() -> T) -> T {
    UNGATED.with(|u| u.set(true));
    let out = f();
    UNGATED.with(|u| u.set(false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_class_is_found_where_its_byte_is_and_only_there() {
        for (byte, class) in [
            (b'@', AT),
            (b'?', QUESTION),
            (b':', COLON),
            (b'<', LT),
            (b'{', BRACE),
            (b'6', SIX),
            (b'(', PAREN),
            (b'-', DASH),
        ] {
            let with = [b"abc ".as_slice(), &[byte], b" xyz"].concat();
            assert!(Present::of(&with).any(class), "{}", byte as char);
            assert!(
                !Present::of(b"abc xyz = \"v\";").any(class),
                "{}",
                byte as char
            );
        }
        assert!(!Present::of(b"").any(u16::MAX));
    }
}

/// The proof that the gates change no candidate: [`super::extract_all`] with the gates
/// and without them (every gate answering "present") on generated lines that mix keys,
/// values, every trigger byte and the forms the gated passes read (URLs with user-info and
/// queries, Go DSNs, elements, templates, `base64` pipes and encoders, curl's `-u`, calls
/// with string and bare arguments), in every kind of file; and on every built-in rule's
/// examples and negative examples, alone and after a keyword line.
#[cfg(test)]
mod gate_tests {
    use super::super::{extract_all, Candidate, Kind, Origin};
    use crate::context::test_lines::XorShift;

    /// Every field of each candidate, the value included (compared, never printed).
    fn fields(cands: &[Candidate]) -> Vec<String> {
        crate::context::test_lines::candidate_fields(cands)
    }

    /// The candidates' origins, after checking that gated and ungated extraction agree.
    fn assert_same(data: &[u8], kind: Kind) -> Vec<Origin> {
        let gated = extract_all(data, kind);
        let ungated = super::without_gates(|| extract_all(data, kind));
        assert!(
            fields(&gated) == fields(&ungated),
            "gated and ungated candidates differ on {} bytes of {kind:?} (first line: {:?})",
            data.len(),
            String::from_utf8_lossy(&data[..data.len().min(60)])
        );
        gated.iter().map(|c| c.origin).collect()
    }

    const KINDS: [Kind; 11] = [
        Kind::Dockerfile,
        Kind::Makefile,
        Kind::Code,
        Kind::Unknown,
        Kind::Shell,
        Kind::Yaml,
        Kind::Json,
        Kind::Xml,
        Kind::Env,
        Kind::Ini,
        Kind::Hcl,
    ];

    #[test]
    fn gated_passes_give_the_candidates_of_ungated_ones() {
        // A value is built at run time (dogfood: no token-shaped literal in the tree).
        let value = ["Hq4tN7wZ2p", "K9mR3xL6aB", "u8Vd"].concat();
        let user = "deploy".to_string();
        let pieces: Vec<String> = vec![
            "password".into(),
            "api_key".into(),
            "token".into(),
            "DB_PASS".into(),
            "x".into(),
            "conn".into(),
            " = ".into(),
            "=".into(),
            ": ".into(),
            ":= ".into(),
            "\"".into(),
            "'".into(),
            "`".into(),
            "(".into(),
            ")".into(),
            ", ".into(),
            " ".into(),
            "@".into(),
            "?".into(),
            "&".into(),
            "://".into(),
            "<".into(),
            ">".into(),
            "</".into(),
            "{{".into(),
            "}}".into(),
            "{%".into(),
            "%}".into(),
            "base64".into(),
            "| base64".into(),
            "echo -n ".into(),
            "Convert.ToBase64String(".into(),
            "btoa(".into(),
            "Buffer.from(".into(),
            "encode(".into(),
            "curl -u ".into(),
            " -u ".into(),
            "-".into(),
            "https://".into(),
            "postgres://".into(),
            "tcp(db:3306)/app".into(),
            "?token=".into(),
            "&password=".into(),
            "login(".into(),
            "connect(".into(),
            "set_password(".into(),
            "<password>".into(),
            "</password>".into(),
            "default ".into(),
            "| default ".into(),
            "6".into(),
            "example.com".into(),
            value.clone(),
            value.clone(),
            user,
            "\\n".into(),
            "#".into(),
            ";".into(),
        ];
        // Whole forms of the gated passes, each line also cut or spliced at random below.
        let forms: Vec<String> = [
            "url = \"https://deploy:{v}@db.example.com/app?token={v}&x=1\"",
            "DATABASE_URL=postgres://deploy:{v}@db:5432/app",
            "  <password>{v}</password>",
            "<add key=\"ApiKey\" value=\"{v}\" />",
            "client.login(\"deploy\", \"{v}\")",
            "conn = connect(host, \"deploy\", \"{v}\")",
            "dsn := \"deploy:{v}@tcp(db:3306)/app\"",
            "echo -n 'deploy:{v}' | base64",
            "auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(\"deploy:{v}\"))",
            "headers.Authorization = 'Basic ' + btoa('deploy:{v}')",
            "curl -u {v}: https://api.example.com/v1",
            "token: {{ .Values.token | default \"{v}\" }}",
            "{% set api_key = \"{v}\" %}",
            "fetch('/api?api_key={v}')",
        ]
        .iter()
        .map(|f| f.replace("{v}", &value))
        .collect();
        let mut rng = XorShift(0x5eed_1505_9a7e_c0de);
        let mut found: Vec<Origin> = Vec::new();
        for round in 0..3000 {
            let mut data = Vec::new();
            let form = forms[(rng.next() % forms.len() as u64) as usize].as_bytes();
            let (cut, splice) = (
                (rng.next() % (form.len() as u64 + 1)) as usize,
                pieces[(rng.next() % pieces.len() as u64) as usize].as_bytes(),
            );
            match rng.next() % 3 {
                0 => data.extend_from_slice(form),
                1 => data.extend_from_slice(&form[..cut]),
                _ => {
                    data.extend_from_slice(&form[..cut]);
                    data.extend_from_slice(splice);
                    data.extend_from_slice(&form[cut..]);
                }
            }
            data.push(b'\n');
            for _ in 0..rng.next() % 4 {
                for _ in 0..rng.next() % 14 {
                    data.extend_from_slice(
                        pieces[(rng.next() % pieces.len() as u64) as usize].as_bytes(),
                    );
                }
                data.push(b'\n');
            }
            found.extend(assert_same(&data, KINDS[round % KINDS.len()]));
        }
        // The lines give candidates, among them those of the gated passes (URL user-info
        // and queries, elements, call arguments), so the comparison is not of empty lists.
        assert!(found.len() > 1000, "{} candidates", found.len());
        for origin in [
            Origin::UrlUserinfo,
            Origin::UrlQuery,
            Origin::Element,
            Origin::Argument,
        ] {
            assert!(found.contains(&origin), "no candidate of origin {origin:?}");
        }
    }

    #[test]
    fn gated_passes_give_the_candidates_of_ungated_ones_on_the_rules_examples() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let mut found = 0;
        for rule in &rules.rules {
            for example in rule
                .spec
                .examples
                .iter()
                .chain(&rule.spec.negative_examples)
            {
                for text in [
                    example.to_string(),
                    format!("token = get_token(x)\n{example}\n"),
                ] {
                    for kind in KINDS {
                        found += assert_same(text.as_bytes(), kind).len();
                    }
                }
            }
        }
        assert!(found > 1000, "{found} candidates");
    }
}
