//! Fourth held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet). The three earlier real-code sets
//! (`heldout_real`, `heldout_real2`, `heldout_real3`) have all been measured and used for
//! tuning, so none of them measures unseen code any more. This set follows `heldout_real3`'s
//! procedure and measuring test, with new queries aimed at what the earlier sets were thin on:
//! Speckle and Spell SDK code, Kubernetes Secrets and Helm values, CI systems, Jupyter
//! notebooks (JSON-escaped source), Java/Kotlin and C# configuration, Go, Rust, PHP, Ruby,
//! Terraform, Compose, Ansible, `.npmrc`, `.pypirc`, `settings.xml`, Postman exports and curl
//! commands.
//!
//! Written blind on 2026-12-07: the engine (`src/context/` other than the earlier real-code
//! sets as the model and the `Case`/`fill` helpers of `heldout_fresh2.rs`), `src/scan/` other
//! than `checksum.rs` (for the GitHub checksum), docs/context-rules.md, the rule bodies (other
//! than their ids and example token shapes) and the probe tables were not read.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. Stage 1 queries (exact strings, case-insensitive), in this order: `specklepy`,
//!    `account.token`, `get_account_from_token`, `ServerTransport(`, `SpellClient`,
//!    `spell run`, `kind: Secret`, `existingSecret`, `CI_JOB_TOKEN`, `CIRCLE_TOKEN`,
//!    `os.environ[\"` (the backslash is literal: notebook JSON), `@Value("${`,
//!    `spring.mail.password`, `buildConfigField("String"`, `ConnectionStrings`,
//!    `new NetworkCredential(`, `getEnv("DB_PASSWORD"`, `.bearer_auth(`, `'password' =>`,
//!    `config.api_key =`, `provider "aws"`, `MYSQL_ROOT_PASSWORD`, `ansible_become_pass`,
//!    `_authToken`, `username = __token__`, `<password>`, `"key": "Authorization"`,
//!    `curl -u `, `PRIVATE-TOKEN`, `sk_live_`. None of them is a query of the three earlier
//!    real-code sets. Each is sent once to the public-code string index (`find_string`,
//!    context 300 characters); the first 5 usable excerpts are taken in the order returned,
//!    whatever their label. An excerpt is unusable only when it is not source or config text
//!    (binary, minified blob, lock file) or repeats an excerpt already taken. Cases are named
//!    `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, so that about a quarter of the cases are positives), in
//!    this order: `speckle_token = "`, `SpellClient(token=`, `DB_PASSWORD=`, `Pwd=`,
//!    `API_KEY = '`, `xoxp-`, `hooks.slack.com/services/T`, `postgres://postgres:`,
//!    `mysql://root:`, `BEGIN EC PRIVATE KEY`, `AWS_ACCESS_KEY_ID=AKIA`, `client_secret="`,
//!    `secret_key = '`, `token: '`, `sk-ant-api03-`, `hf_`, `SECRET_TOKEN = "`. From each,
//!    only the excerpts that hold a literal credential by the labelling rules below are taken,
//!    the first 3 in the order returned. This stage chooses by label, never by how hard a
//!    case looks. Cases are named `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; an excerpt's first or
//!    last line cut by the window is dropped. The index gives no repository or path, so each
//!    case's comment gives the index id of its file (`read_file` with that id opens it) and
//!    the case's `file` is a plausible name for its language and kind.
//! 4. Labels, decided from the code before the scanner ever runs on it (`heldout_real3`'s
//!    rules):
//!    - a literal credential value (a real-looking key, token or password; a concrete default
//!      used when an environment variable is missing; a concrete fixture value in a test; a
//!      weak but concrete password such as `root` or `123456`) is POSITIVE. Its value is
//!      replaced by a value of the same kind generated at run time, and the case expects the
//!      rule a user would want: the provider rule when the value has a provider's shape, the
//!      URL rule for a password inside a connection URL, the key-block rule for a private key
//!      block with key material, `speckle-token` for a Speckle token, `spell-token` for a
//!      Spell token, else the generic rule by role (`generic-password`, `generic-api-key`,
//!      `generic-secret`, `generic-token`);
//!    - NEGATIVE: no literal at all (a variable, an environment or config lookup, a template
//!      `{{ .Values.x }}` or `${VAR}`, a type, a regex, prose, a list of names), an empty
//!      value, an elision (`...`, `****`), and a placeholder standing for a value the reader
//!      must supply (`<your-token>`, `YOUR_KEY_HERE`, `your_...`, `xxx` runs, change-me
//!      instructions, the bare words `password`, `secret`, `token`, `test`, `dummy`, `mock`,
//!      `placeholder` used as the value); a key header or stub without key material;
//!    - one case measures one value: where an excerpt holds several credential literals, the
//!      measured one is the hit line's, else the first by position; the lines holding the
//!      others are trimmed away when they stand on lines of their own, else they get the same
//!      placeholder (same role) or are filled too.
//!
//!    Non-secret token-shaped text is written as a run-time placeholder so the repository
//!    holds no token-shaped literal.
//! 5. Generators are checked one by one (a one-line `NAME=<value>` file scanned by the built
//!    binary) before the set is finished; the cases are never scanned until the set is
//!    complete and committed. Then the test runs once; no case is changed, dropped or
//!    relabelled after its result is seen.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: every query returned 10 excerpts; the first 5 were usable for every query (none
//! was binary, minified, a lock file or a repeat): 30 x 5 = 150 cases, 14 positives, 136
//! negatives. Many queries aimed at SDK or CI names (`specklepy`, `ServerTransport(`,
//! `SpellClient`, `spell run`, `CI_JOB_TOKEN`, `@Value("${`, `.bearer_auth(`) returned only
//! code without literals (imports, MCP `StdioServerTransport`, games' spells): they are kept
//! as sampled, since the procedure takes the first 5 whatever their label.
//!
//! Stage 2 (positives only, first 3 holding a literal): p1 `speckle_token = "` 3; p2
//! `SpellClient(token=` 0 (9 returned, all pass a variable); p3 `DB_PASSWORD=` 2 (the others:
//! `your-db-password`, variables, an instruction in Chinese, `sua_senha`, empty values, the bare
//! word `secret`); p4 `Pwd=` 3 (ranks 3, 9, 10; rank 5, a Baidu share link's `?pwd=2023`
//! extraction code published for readers with the link, was judged not a secret); p5
//! `API_KEY = '` 3; p6 `xoxp-` 2; p7 `hooks.slack.com/services/T` 2; p8
//! `postgres://postgres:` 3; p9 `mysql://root:` 3; p10 `BEGIN EC PRIVATE KEY` 1 (rank 7, a
//! Kotlin test's EC key, was cut by the excerpt window before its end line, so the excerpt
//! does not hold the whole literal; not taken); p11 `AWS_ACCESS_KEY_ID=AKIA` 3; p12
//! `client_secret="` 3; p13 `secret_key = '` 3; p14 `token: '` 2; p15 `sk-ant-api03-` 2; p16
//! `hf_` 1; p17 `SECRET_TOKEN = "` 3. p1-p15 gave 35 positives, short of the 55 asked, so
//! three queries were added to the end of stage 2 and sent together with p16 and p17, before
//! any of their results was read: p18 `glpat-` 0 (placeholders, regexes, `glpat-test`), p19
//! `pypi-AgEI` 2, p20 `Bearer eyJ` 3. Stage 2 gave 44 positives. Total: 194 cases, 58
//! positives, 136 negatives. Spell: no query returned a Spell credential (the Spell client is
//! always given a variable), so again the set has no `spell-token` case.
//!
//! Refinements made while sampling, before any scan of a case:
//! - placeholders standing for the reader's value are negatives: `replace-me` (q8.4),
//!   `fake-token` (q9.5), `test`/`test-secret` (q13.4), `SOME API KEY` (q20.1),
//!   `api-key-must-not-persist` (q20.3), `XXX` (q23.2), `*password*` (q23.5),
//!   `local-registry-test` (q24.4), bare `password`/`pass`/`pw` in `curl -u`, `docker run`
//!   and `getenv` defaults (q17.2, q22.3, q28.1, q28.3, q28.4);
//! - weak concrete passwords and defaults are literals (positive): `printqueue` (q16.1),
//!   `apppassword` (q17.4), `123123` (q19.3), a README table's `rootsecret` (q22.1),
//!   `admin` (q22.2), `rootpw` (q22.5), `postgres` (p3.2, p8.1), `admin` as a mock server's
//!   client secret (p12.2), Flask `secret_key` phrases (p13.x);
//! - q7.1 the Kubernetes Secret's `data.password` (base64 of a 32-hex password) expects
//!   `kubernetes-secret-value`, its value generated as base64 of a password (`{B64W}`); the
//!   measure accepts the value as written or decoded;
//! - q8.2 the Helm README's two rows with the same default password get one placeholder;
//!   q22.2, q22.5, p17.2 the same value written twice, or passwords in one string literal,
//!   get one placeholder;
//! - q16.1 the hit line's credential measured, the second `NetworkCredential` line below it
//!   trimmed away; q19.3 and p14.x personal e-mail addresses replaced by example ones;
//! - q19.5 the weak passwords a test posts to be rejected sit in a loop list with no
//!   credential key: the hit line passes a variable (negative);
//! - q20.2 the RSpec fixture `"1234"` for `api_key` is a literal; q20.4 Cloudinary's
//!   15-digit API key keeps its digit shape (`{DIG15}`, `generic-api-key`);
//! - q26.3 the hit line's URL holds `<username>:<password>` fill-ins, so the JSON's
//!   `password` (64 hex, `{WH64}`) measured; the account UUIDs written as `{UUID}`;
//! - q26.4 the commented connection URL holding a password is the excerpt's last line, cut
//!   by the window: dropped, which leaves a negative;
//! - q29.4 a 20-character GitLab token of the old, unprefixed format: `generic-token`
//!   (`{T20}`); q30.2 the sequential fake `sk_live_1234...` is a fixture (`stripe-secret-key`);
//!   q30.3 the hit line builds its token by repetition (not a literal), so the dict's literal
//!   Postgres URL password measured;
//! - p4.1 an ADO.NET connection string's `Pwd=` expects `connection-string-password`;
//! - p5.3, p20.x JWTs (an n8n API key, bearer tokens) expect `jwt`; p20.2's JWT is split
//!   over two adjacent literals, written `{JWTA}` `{JWTB}`, and the measure takes the second
//!   part (the rule may report the joined value);
//! - p11.2, p11.3, p15.1 AWS's documented example key id (`AKIA...EXAMPLE`) is a
//!   placeholder, written at run time (`{AKIAEX}`), so the first literal after it measured:
//!   a sample `.env`'s database password, a test's `ghp_` fixture, an Anthropic key fixture;
//!   the other fixture lines of p15.1's table and p11.2's sample trimmed away;
//! - p12.3 the Unsplash `client_id` is an identifier (`{CID43}`, not a secret), its
//!   `secret_id` measured;
//! - p17.1 a QQ mail SMTP authorisation code (16 lowercase) named `SECRET_TOKEN`: `{QQ16}`,
//!   `generic-token`; p17.2 the FTP password line above the measured token trimmed away;
//! - p19.2 the OSV-SCALIBR test's PyPI key (deliberately altered from the real prefix) is
//!   replaced by a token of PyPI's real shape.
//!
//! Before the run, a check of the set found four case texts (q1.3, q22.2, q28.5, q29.1) cut
//! where a line of the excerpt starts with `## ` (the tool that turned the sampling notes into
//! cases took it for a section heading); they were restored from the excerpts.
//!
//! Generator check (before the set was finished, each generator alone in a one-line
//! `NAME=<value>` file scanned by the built binary, never a case): every provider shape was
//! reported by its rule (the JWT in `Authorization: Bearer` and `SUPABASE_SERVICE_ROLE_KEY=`
//! form, not as `AUTH_TOKEN=`); the generic shapes `{DIG15}` (Cloudinary's 15-digit key),
//! `{KUUID}` (a UUID key), `{QQ16}` (16 lowercase) and `{WH64}` (64 hex) were not reported.
//! They are those values' real shapes, so none was changed.
//!
//! # Result (first and only run, at 57d7602 on main b315a7f)
//!
//! `recall 48/58 = 0.828, precision 51/56 = 0.911, negatives quiet 136/136`. Missed: q8.2,
//! q20.4, q26.3, q30.3, p5.2, p12.3, p17.1, p17.2 and p17.3 (both reported as
//! `generic-secret`, the set expects `generic-token` for a `secret_token`), p20.2 (reported
//! as `generic-token`, the set expects `jwt`). No negative was noisy.
//!
//! # Measuring
//!
//! The same measure as `heldout_real3` (reimplemented here for this set's shapes): recall,
//! precision, negatives quiet, per-family lines, the missed and noisy forms, over the six
//! generic rules and every rule a case expects. For the shared shapes (`{S}` `{W}` `{K}`
//! `{C}` `{T}`) the reported secret must equal the value; for the shapes added here it must
//! contain the value's first line, or be a part of it of at least 16 characters (a URL rule
//! may report the whole URL or the password, a key rule the whole block), and for `{B64W}`
//! it may also be the decoded password.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed or
//! a scan panics, never on low recall. Run it with:
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real4::held_aside_real4`

#![cfg(test)]

use super::blind_harness::{
    armour, github_classic_token, uuid, BlindSet, Gen, BASE62, DIGITS, HEX, LETTERS, LOWER,
    UPPER_DIGITS, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};
use base64::Engine;

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const PHP: &str = "PHP";
const GO: &str = "Go";
const JAVA: &str = "Java";
const CSHARP: &str = "C#";
const KOTLIN: &str = "Kotlin";
const SWIFT: &str = "Swift";
const RUST: &str = "Rust";
const C: &str = "C and C++";
const RUBY: &str = "Ruby";
const NIX: &str = "Nix";
const HCL: &str = "Terraform";
const SHELL: &str = "shell scripts";
const CI: &str = "CI configuration and logs";
const K8S: &str = "Kubernetes and Helm";
const DOCKER: &str = "Dockerfiles";
const OTHER: &str = "other languages";
const DOC: &str = "Markdown and docs";

/// The generic rules, always measured; provider rules named by a case are added to them.
const GENERIC: [&str; 6] = [
    "speckle-token",
    "spell-token",
    "generic-password",
    "generic-secret",
    "generic-token",
    "generic-api-key",
];

/// For each rule a case may expect, the placeholders that can hold its value; a positive
/// holds exactly one of them.
const MEASURED: &[(&str, &[&str])] = &[
    ("speckle-token", &["{S}"]),
    ("generic-password", &["{W}", "{WH64}"]),
    ("generic-api-key", &["{K}", "{DIG15}", "{KUUID}"]),
    ("generic-secret", &["{C}"]),
    ("generic-token", &["{T}", "{T20}", "{QQ16}"]),
    ("kubernetes-secret-value", &["{B64W}"]),
    ("postgres-url-password", &["{UW}"]),
    ("mysql-url-password", &["{UW}"]),
    ("connection-string-password", &["{UW}"]),
    ("stripe-secret-key", &["{SKL}"]),
    ("google-api-key", &["{GAK}"]),
    ("jwt", &["{JWT}", "{JWTB}"]),
    ("slack-user-token", &["{XOXP}"]),
    ("slack-webhook-url", &["{SLWH}"]),
    ("private-key-ec", &["{ECBODY}"]),
    ("aws-access-key-id", &["{AKIA}"]),
    ("github-pat", &["{GHP}"]),
    ("huggingface-token", &["{HF}"]),
    ("pypi-token", &["{PYPI}"]),
    ("anthropic-api-key", &["{ANT}"]),
];

/// The shared generator's shapes, compared exactly as `heldout_fresh2::measure` does.
const SHARED: [&str; 5] = ["{S}", "{W}", "{K}", "{C}", "{T}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}", "{P}", "{W}", "{K}", "{C}", "{T}", "{NEWS}", "{DD}", "{OWM}", "{AV}", "{ETH}", "{HK}",
    "{WH64}", "{DIG15}", "{KUUID}", "{T20}", "{QQ16}", "{B64W}", "{UW}", "{SKL}", "{GAK}", "{JWT}",
    "{JWTA}", "{JWTB}", "{XOXP}", "{SLWH}", "{ECBODY}", "{AKIA}", "{GHP}", "{HF}", "{PYPI}",
    "{ANT}",
];

/// A signed JWT's shape (RFC 7519): base64url header naming its `alg`, a JSON payload, and a
/// 32-byte HMAC signature; split after the header's dot for the case that writes it as two
/// adjacent literals.
fn jwt_parts(g: &mut Gen) -> (String, String) {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = b64.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = format!(
        r#"{{"sub":"{}","iat":17{}}}"#,
        g.pick(BASE62, 16),
        g.pick(DIGITS, 8)
    );
    let signature = b64.encode(g.bytes(32));
    (
        format!("{header}."),
        format!("{}.{signature}", b64.encode(payload)),
    )
}

/// An EC P-256 private key body as OpenSSL writes it (RFC 5915 `ECPrivateKey` DER: version 1,
/// the 32-byte secret, the prime256v1 OID, the 65-byte public point), base64 in 64-column
/// lines.
fn ec_body(g: &mut Gen) -> String {
    let mut der = vec![0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20];
    der.extend(g.bytes(32));
    der.extend([
        0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
    ]);
    der.extend([0xa1, 0x44, 0x03, 0x42, 0x00, 0x04]);
    der.extend(g.bytes(64));
    let text = base64::engine::general_purpose::STANDARD.encode(&der);
    text.as_bytes()
        .chunks(64)
        .map(|line| String::from_utf8_lossy(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every placeholder of this set and its value for one case's seed: the shared generator's
/// values first, then this set's shapes.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0004);
    let (jwt_head, jwt_rest) = jwt_parts(&mut g);
    let k8s_password = g.pick(BASE62, 20);
    let extra = [
        ("{WH64}", g.pick(HEX, 64)),
        (
            "{DIG15}",
            [g.pick(b"123456789", 1), g.pick(DIGITS, 14)].concat(),
        ),
        ("{KUUID}", uuid(&mut g)),
        ("{T20}", g.pick(URLSAFE, 20)),
        ("{QQ16}", g.pick(LOWER, 16)),
        (
            "{B64W}",
            base64::engine::general_purpose::STANDARD.encode(k8s_password),
        ),
        ("{UW}", g.pick(BASE62, 16)),
        ("{SKL}", ["sk_", "live_", &g.pick(BASE62, 24)].concat()),
        ("{GAK}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        ("{JWT}", [jwt_head.as_str(), jwt_rest.as_str()].concat()),
        ("{JWTA}", jwt_head),
        ("{JWTB}", jwt_rest),
        (
            "{XOXP}",
            format!(
                "xox{}-{}-{}-{}-{}",
                "p",
                g.pick(DIGITS, 11),
                g.pick(DIGITS, 12),
                g.pick(DIGITS, 13),
                g.pick(HEX, 32)
            ),
        ),
        (
            "{SLWH}",
            format!(
                "https://hooks.{}/services/T{}/B{}/{}",
                "slack.com",
                g.pick(UPPER_DIGITS, 10),
                g.pick(UPPER_DIGITS, 10),
                g.pick(BASE62, 24)
            ),
        ),
        ("{ECBODY}", ec_body(&mut g)),
        (
            "{AKIA}",
            ["AK", "IA", &g.pick(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)].concat(),
        ),
        ("{GHP}", github_classic_token(&g.pick(BASE62, 30))),
        ("{HF}", ["hf", "_", &g.pick(LETTERS, 34)].concat()),
        (
            "{PYPI}",
            ["pypi-", "AgEIcHlwaS5vcmc", &g.pick(URLSAFE, 160)].concat(),
        ),
        (
            "{ANT}",
            ["sk-ant-", "api03-", &g.pick(URLSAFE, 93), "AA"].concat(),
        ),
        // Not secrets: identifiers, armour lines without key material, AWS's documented
        // example key id.
        ("{CID43}", g.pick(URLSAFE, 43)),
        ("{RSAH}", armour("BEGIN", "RSA PRIVATE KEY")),
        ("{ECH}", armour("BEGIN", "EC PRIVATE KEY")),
        ("{ECE}", armour("END", "EC PRIVATE KEY")),
        ("{AKIAEX}", ["AKIA", "IOSFODNN7", "EXAMPLE"].concat()),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    if SHARED.contains(&placeholder) {
        return reported == value;
    }
    if placeholder == "{B64W}" {
        // A Secret's `data` value: the rule may report it as written or decoded.
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(value)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        if decoded.as_deref() == Some(reported) {
            return true;
        }
    }
    let first_line = value.lines().next().unwrap_or(value);
    reported.contains(first_line) || (reported.len() >= 16 && value.contains(reported))
}

/// This set as the shared harness measures it.
const SET: BlindSet = BlindSet {
    generic: &GENERIC,
    measured: MEASURED,
    secret_placeholders: SECRET_PLACEHOLDERS,
    values,
    reports_value,
};

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- q1 `specklepy`
    // index 51766035905
    Case { family: PY, form: "q1.1 python automate get_client docstring names SPECKLE_TOKEN env", file: "main.py", text: "from specklepy.api.client import SpeckleClient\n\nfrom flatten import flatten_base\n\n\ndef get_client() -> SpeckleClient:\n    \"\"\"\n    Authenticate and return a SpeckleClient instance.\n    \n    Requires SPECKLE_TOKEN in environment or .env file.\n    Optionally set SPECKLE_SERVER (defaults to app.speckle.systems).\n", rule: None },
    // index 41695286150
    Case { family: PY, form: "q1.2 python specklepy test imports and fixture client", file: "tests/test_user.py", text: "import pytest\nfrom deprecated import deprecated\n\nfrom specklepy.api.client import SpeckleClient\nfrom specklepy.api.models import Activity, ActivityCollection, User\nfrom specklepy.logging.exceptions import SpeckleException\n\n\n@deprecated\n@pytest.mark.run(order=1)\nclass TestUser:\n    def test_user_get_self(self, client: SpeckleClient, user_dict):\n", rule: None },
    // index 4933213940
    Case { family: OTHER, form: "q1.3 julia pluto notebook prose mentions specklepy", file: "notebook.jl", text: "# ╔═╡ a5737aef-3554-44de-9225-8450320226b5\nmd\"\"\"\n## Exemple cas d'école\nSous un notebook pluto (julia), le client envoie l'épaisseur et le volume du verre, julia l'optimise et envoie une requête via specklepy à Grasshopper, et récupère en retour la forme 3D correspondante  \n\"\"\"\n\n# ╔═╡ 6649d9b4-20d0-4073-8071-138180628cca\nbegin\n\tvol=300  # volume objectif cm3\n\te=4e-1 \nend\n", rule: None },
    // index 29478801035
    Case { family: PY, form: "q1.4 python imports authenticate_client helper", file: "speckle_and_ai/main.py", text: "from specklepy.api import operations\nfrom specklepy.transports.server import ServerTransport\nfrom tqdm import tqdm\n\nfrom speckle_and_ai.area_float_numbers import extract_area_float_numbers\nfrom speckle_and_ai.authentication import authenticate_client\n", rule: None },
    // index 49970
    Case { family: PY, form: "q1.5 python qgis logger wrapper", file: "speckle_qgis/utils/logger.py", text: "\"\"\"Logging Utility Module for Speckle QGIS\"\"\"\nimport inspect\nfrom typing import Union\nimport webbrowser\nfrom specklepy_qt_ui.qt_ui.logger import logToUser as logToUser_UI\n\n\ndef logToUser(\n    msg: Union[str, Exception],\n    func=None,\n    level: int = 2,\n    plugin=None,\n    url=\"\",\n    blue=False,\n    report=False,\n):\n", rule: None },
    // ---------------------------------------------------------------- q2 `account.token`
    // index 56683583844
    Case { family: PY, form: "q2.1 python test asserts account.token equals descriptive word", file: "tests/test_lingya_qq.py", text: "    account = platform.register()\n\n    assert account.platform == \"lingya_qq\"\n    assert account.email == \"+8613800138000\"\n    assert account.user_id == \"1234567890\"\n    assert account.token == \"session-token\"\n    assert account.extra[\"vdevice_guid\"] == \"device1234567890\"\n    assert account.extra[\"v_vusession\"] == \"session-token\"\n    assert account.extra[\"v_vurefresh\"] == \"refresh-token\"\n", rule: None },
    // index 33270939069
    Case { family: JS, form: "q2.2 ts graphql accounts map tokenValues", file: "src/api/accounts.ts", text: "    .then(graphqlAccounts => graphqlAccounts.map<ApiAccount>(account => {\n      const balances = account.tokenValues.reduce<{ [marketNumber: string]: ApiBalance }>((memo, value) => {\n        const tokenBase = new BigNumber('10').pow(value.token.decimals);\n        const valuePar = new BigNumber(value.valuePar).times(tokenBase);\n        const indexObject = marketIndexMap[value.token.marketId];\n", rule: None },
    // index 53235211344
    Case { family: SWIFT, form: "q2.3 swift guard let token = updatedAccount.token", file: "Sources/ParkingFeeQuerySheet.swift", text: "        do {\n            let (account, plate) = try await MainActor.run {\n                try currentQueryContext()\n            }\n            let updatedAccount = try await loginAndPrepareAccount(account)\n            guard let token = updatedAccount.token, let uid = updatedAccount.uid else {\n                throw ParkingFeeQuerySheetError.loginFailed\n            }\n\n            let queryResult = try await APIService.shared.queryParkingFee(token: token, uid: uid, plateNo: plate)\n", rule: None },
    // index 10097992374
    Case { family: JAVA, form: "q2.4 java querydsl generated package account.token", file: "src/main/generated/QRefreshToken.java", text: "package com.kosa.chanzipup.domain.account.token;\n\nimport static com.querydsl.core.types.PathMetadataFactory.*;\n\nimport com.querydsl.core.types.dsl.*;\n\nimport com.querydsl.core.types.PathMetadata;\nimport javax.annotation.processing.Generated;\n", rule: None },
    // index 60648123399
    Case { family: JS, form: "q2.5 js service account jwt claims from parsed env json", file: "src/drive.js", text: "  const account = JSON.parse(env.GOOGLE_SERVICE_ACCOUNT_JSON);\n  const now = Math.floor(Date.now() / 1000);\n  const header = base64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: account.private_key_id }));\n  const claims = base64Url(JSON.stringify({\n    iss: account.client_email,\n    scope: DRIVE_SCOPE,\n    aud: account.token_uri || 'https://oauth2.googleapis.com/token',\n    iat: now,\n    exp: now + 3600,\n  }));\n  const unsignedToken = `${header}.${claims}`;\n  const key = await crypto.subtle.importKey(\n    'pkcs8',\n    pemToArrayBuffer(account.private_key),\n", rule: None },
    // ---------------------------------------------------------------- q3 `get_account_from_token`
    // index 23235431681
    Case { family: PY, form: "q3.1 python typed attributes and Config.get_account_from_token(token)", file: "account.py", text: "        self._account_id: str = token.account_id\n        self._token: AccountToken = token\n        self._created_at: datetime = token.issued_at\n        self._email: str | None = None\n\n        if config := Config.get_account_from_token(token):\n            self.__config = config\n            self._email = config.email\n", rule: None },
    // index 40587164516
    Case { family: PY, form: "q3.2 python streamlit specklepy imports", file: "app.py", text: "import streamlit as st\nfrom specklepy.api import operations\nfrom specklepy.api.client import SpeckleClient\nimport specklepy.api.client\nfrom specklepy.api.credentials import get_default_account,get_local_accounts\nfrom specklepy.transports.server import ServerTransport\nfrom specklepy.api.credentials import get_account_from_token\nimport specklepy.api\n", rule: None },
    // index 30846752877
    Case { family: PY, form: "q3.3 python viktor get_account_from_token from params", file: "app/speckle.py", text: "from specklepy.api.client import SpeckleClient\nfrom specklepy.api.credentials import get_account_from_token\n\ndef pull_stream_names(params, **kwargs):\n    client = SpeckleClient(host=params.step_1.user_speckle_server_url)\n    account = get_account_from_token(token=params.step_1.user_token,\n                                     server_url=params.step_1.user_speckle_server_url)\n", rule: None },
    // index 31399516587
    Case { family: PY, form: "q3.4 python streamlit dashboard imports then speckleServer", file: "dashboards/residential.py", text: "import streamlit as st\nimport pandas as pd\nimport plotly.express as px\nfrom pythreejs import *\nfrom specklepy.api.client import SpeckleClient\nfrom specklepy.api.credentials import get_account_from_token\n\nimport data_extraction.residential_extractor as residential_extractor\n", rule: None },
    // index 67519502021
    Case { family: PY, form: "q3.5 python fastapi router imports own get_account_from_token", file: "app/router_rooms.py", text: "import json\nfrom fastapi import APIRouter, Request, HTTPException\nfrom .ai.ai_kp import AIKP\nfrom .ai.spoiler_control import SpoilerController\nfrom .router_auth import get_account_from_token\n\nrouter = APIRouter(prefix=\"/api/rooms\")\n", rule: None },
    // ---------------------------------------------------------------- q4 `ServerTransport(`
    // index 57868764660
    Case { family: JS, form: "q4.1 ts mcp stdio transport main", file: "src/gateway.ts", text: "async function main() {\n  const transport = new StdioServerTransport();\n  await server.connect(transport);\n}\n\nmain().catch((e) => {\n  console.error(`[!] NEXUS Gateway startup error: ${e.message}`);\n  process.exit(1);\n});\n", rule: None },
    // index 66974181345
    Case { family: JS, form: "q4.2 ts mcp echo tool then stdio connect", file: "src/index.ts", text: "  const message = (args as { message?: string })?.message ?? \"\";\n  return {\n    content: [{ type: \"text\", text: `Echo: ${message}` }],\n  };\n});\n\n// Connect via stdio\nconst transport = new StdioServerTransport();\nawait server.connect(transport);\n", rule: None },
    // index 55519029225
    Case { family: JS, form: "q4.3 ts mcp loadConfig bootDeps", file: "src/main.ts", text: "import { loadConfig, bootDeps, buildServer } from './server.js'\n\nasync function main() {\n  const config = loadConfig()\n  const deps = await bootDeps(config)\n  const server = buildServer(deps)\n\n  const transport = new StdioServerTransport()\n  await server.connect(transport)\n", rule: None },
    // index 71650101285
    Case { family: JS, form: "q4.4 js mcp probe server transport start wrapper", file: "test/fixtures/probe-server.mjs", text: "const transport = new StdioServerTransport();\nconst start = transport.start.bind(transport);\n", rule: None },
    // index 61425698850
    Case { family: JS, form: "q4.5 ts streamable http transport session generator", file: "src/routes/mcp.ts", text: "        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })\n        reply.raw.on('close', () => { void transport.close(); void server.close() })\n        await server.connect(transport)\n        await transport.handleRequest(req.raw, reply.raw, req.body)\n", rule: None },
    // ---------------------------------------------------------------- q5 `SpellClient`
    // index 16475405918
    Case { family: JS, form: "q5.1 ts hyperspell client apiKey from process.env", file: "app/actions/hyperspell.ts", text: "function getHyperspellClient() {\n    const apiKey = process.env.HYPERSPELL_API_KEY;\n    if (!apiKey) {\n        throw new Error('HYPERSPELL_API_KEY is not set');\n    }\n    return new Hyperspell({\n        apiKey,\n        userID: userId\n    });\n}\n", rule: None },
    // index 59289896228
    Case { family: JS, form: "q5.2 ts hyperspell sync imports and interface", file: "src/sync/markdown.ts", text: "import * as crypto from \"node:crypto\"\nimport type { HyperspellClient } from \"../client.ts\"\nimport { log } from \"../logger.ts\"\n\nconst FRONTMATTER_REGEX = /^---\\n([\\s\\S]*?)\\n---\\n?/\n\ninterface MarkdownFile {\n  filePath: string\n  title: string\n  content: string\n  hyperspellId: string | null\n}\n", rule: None },
    // index 6974899943
    Case { family: C, form: "q5.3 c++ game spell client notification", file: "source/spells/SpellCallToWar.cpp", text: "    inputCommand.unselectAllTiles();\n\n    ClientNotification *clientNotification = SpellManager::createSpellClientNotification(SpellType::callToWar);\n    gameMap->tileToPacket(clientNotification->mPacket, tile);\n\n    ODClient::getSingleton().queueClientNotification(clientNotification);\n", rule: None },
    // index 66569747828
    Case { family: PY, form: "q5.4 python docspell client imports", file: "consume.py", text: "sys.path.insert(0, os.path.join(os.path.dirname(__file__), \"common\"))\nfrom common.docspell_client import DocspellClient, DocspellMeta  # noqa: E402\nfrom common.monthly_mirror import mirror as mirror_to_month_folder  # noqa: E402\nfrom common.notify import notify  # noqa: E402\n", rule: None },
    // index 58949681513
    Case { family: PY, form: "q5.5 python spellchecker hunspell client imports", file: "scripts/spellchecker/review.py", text: "from scripts.spellchecker.dictionary import DictionaryManager\nfrom scripts.spellchecker.engine import ReviewEngine\nfrom scripts.spellchecker.hunspell_client import HunspellClient\nfrom scripts.spellchecker.masker import MarkdownMasker\n", rule: None },
    // ---------------------------------------------------------------- q6 `spell run`
    // index 59655803156
    Case { family: DOC, form: "q6.1 markdown benchmark notes spell runtime path", file: "docs/benchmarks.md", text: "- The previous `end_battle_turn` runtime receipt/event attempt already showed the benchmark Wasm is close to the IC code-section limit, so adding a low-frequency spell runtime path is not the right next tradeoff.\n\nDecision:\n\n- Keep `CastAbility` row-backed for now.\n- Revisit only if a benchmark scenario starts casting battle spells often enough to show up in method or phase summaries.\n", rule: None },
    // index 56690234216
    Case { family: DOC, form: "q6.2 markdown agent handoff header", file: "NORTHSTAR.md", text: "# NORTHSTAR: Scripts: Spell Runtime Template Audit Cold Start Agent Handoff\n\nStatus: active\nLast updated: 2026-06-04\n\nThis file is the project-specific handoff for the next cold-start agent. It\ndoes not duplicate the workflow rules.\n", rule: None },
    // index 62593012736
    Case { family: DOC, form: "q6.3 markdown image prompt keywords", file: "docs/art-direction.md", text: "### D. RPG Devlog Sector\n- **Keywords**: Atmospheric lighting, dark fantasy gothic architecture, elemental spellcasting, ancient temple ruins, medieval knight armor.\n- **Example Prompt**: `\"Dark gothic fantasy cathedral courtyard illuminated by blue spell runes and moonlight, high-detail dark fantasy RPG environment\"`\n", rule: None },
    // index 54625556321
    Case { family: DOC, form: "q6.4 markdown table dry-spell run-length", file: "README.md", text: "| Application | Method (citable proxy) | Drives |\n|---|---|---|\n| **Hazard early‑warning** | IMD heatwave departure criteria · IMD rain categories · dry‑spell run‑length | Heatwave / heavy‑rain / drought maps |\n| **Urban heat** | NWS Rothfusz **heat index** + surface‑energy **LST/UHI** proxy | Heat‑stress map, peak cooling, danger‑area % |\n", rule: None },
    // index 19607277356
    Case { family: GO, form: "q6.5 go game shield spell mana cost", file: "day22/main.go", text: "func shield(player *player) (func() bool, error) {\n\tconst cost = 113\n\tif player.mana < cost {\n\t\treturn nil, errors.New(\"Not enough Mana\")\n\t}\n\tplayer.mana -= cost\n\tplayer.spent_mana += cost\n\ttimer := 6\n\tplayer.def += 7\n\t//report true if spell runs out\n", rule: None },
    // ---------------------------------------------------------------- q7 `kind: Secret`
    // index 38417410802
    Case { family: DOC, form: "q7.1 markdown k8s Secret data base64 password in doc", file: "README.md", text: ":warning: do not store passwords in the YAMl configuration files.\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: gateway-north-secret\ndata:\n  username: demo\n  password: {B64W}\n---\napiVersion: natz.katallaxie.com/v1alpha1\nkind: NatsGateway\n", rule: Some("kubernetes-secret-value") },
    // index 17829400232
    Case { family: DOC, form: "q7.2 markdown k8s Secret data angle placeholders", file: "docs/ssl-certificates.fr.md", text: "3. Créez un fichier de secret YAML en utilisant le certificat et la clé.\n     ```\n     apiVersion: v1\n     kind: Secret\n     metadata:\n       name: ssl-my-test\n     type: Opaque\n     data:\n       tls.crt: <client_certificate>\n       tls.key: <client_key>\n     ```\n", rule: None },
    // index 71623908362
    Case { family: DOC, form: "q7.3 markdown prose about unencrypted kind Secret in CI", file: "docs/secrets.vi.md", text: "Quy trình CI `.github/workflows/validate.yml` kiểm tra tính toàn vẹn của secret trên mỗi pull request:\n* Quét toàn bộ file YAML để chặn đứng bất kỳ file nào có `kind: Secret` mà chưa được mã hoá.\n* Chạy lệnh `sops filestatus` trên tất cả các file `*.sops.yaml` để xác minh chữ ký mã hoá hợp lệ.\n", rule: None },
    // index 7183847
    Case { family: SHELL, form: "q7.4 shell heredoc k8s Secret data from shell variables", file: "scripts/deploy-mq.sh", text: "  cat <<EOF | oc apply -f -\n---\nkind: Secret\napiVersion: v1\nmetadata:\n  name: mqcert\n  namespace: $namespace\ndata:\n  tls.key: $QM_KEY\n  tls.crt: $QM_CERT\n  app.crt: $APP_CERT\ntype: Opaque\nEOF\n", rule: None },
    // index 28034589197
    Case { family: DOC, form: "q7.5 markdown k8s Secret data shell variable references", file: "docs/spark-kafka.ru.md", text: "```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kafka-ssl-certs\n  namespace: spark\ntype: Opaque\ndata:\n  # Значения должны быть закодированы в base64\n  keystore.jks: ${BASE64_ENCODED_KEYSTORE}\n  truststore.jks: ${BASE64_ENCODED_TRUSTSTORE}\n```\n", rule: None },
    // ---------------------------------------------------------------- q8 `existingSecret`
    // index 63518017438
    Case { family: DOC, form: "q8.1 markdown helm auth.existingSecret prose", file: "deploy/helm/README.md", text: "To keep credentials out of Helm values entirely, pre-create a Secret\nwith an `auth.yaml` key containing a top-level `auth:` block and set\n`auth.existingSecret` (see `values.yaml` for the exact shape).\n", rule: None },
    // index 14388418
    Case { family: DOC, form: "q8.2 markdown helm values table postgres password defaults", file: "helm-charts/README.md", text: "| postgresql.auth.database | string | `\"WSO2AM_DB\"` | Name for a custom database to create |\n| postgresql.auth.postgresPassword | string | `\"{W}\"` | Password for the \"postgres\" admin user. Ignored if auth.existingSecret is provided |\n| postgresql.auth.username | string | `\"wso2carbon\"` | Name for a custom user to create |\n| postgresql.auth.password | string | `\"{W}\"` | Password for the custom user to create. Ignored if auth.existingSecret is provided |\n", rule: Some("generic-password") },
    // index 60767709328
    Case { family: DOC, form: "q8.3 markdown helm values plan existingSecret.name empty", file: "docs/plan.md", text: "**values.yaml** — `domain: cal.hajnal.space` → `domain: mcp.example.com`; add `existingSecret.name: \"\"` placeholder; add `bindAddress: \"0.0.0.0:3001\"` default; add `mcpDomain: \"\"` and `publicResourceUrl: \"\"` fields.\n", rule: None },
    // index 57733362793
    Case { family: DOC, form: "q8.4 markdown external db secret url with replace-me password", file: "docs/database.md", text: "```yaml\ndatabase:\n  type: external\n  external:\n    existingSecret: flow-like-database\n```\n\nThe named Secret must contain one key:\n\n```dotenv\nDATABASE_URL=postgresql://flowlike:replace-me@database.example.com:5432/flowlike?sslmode=require\n```\n", rule: None },
    // index 71653820068
    Case { family: K8S, form: "q8.5 helm template secretKeyRef helper", file: "templates/_helpers.tpl", text: "{{- define \"omnion.secretKeyRef\" -}}\n{{- $key := .key -}}\n{{- $name := .name -}}\n{{- $required := .required | default true -}}\n{{- if $required }}\n{{- if not $name }}\n{{- fail (printf \"a required credential (%s) has no existingSecret; create the Secret or set secrets.required=false\" $key) }}\n{{- end }}\n{{- end }}\n{{- if $name }}\nsecretKeyRef:\n  name: {{ $name }}\n  key: {{ $key }}\n{{- end }}\n{{- end -}}\n", rule: None },
    // ---------------------------------------------------------------- q9 `CI_JOB_TOKEN`
    // index 66418455973
    Case { family: DOC, form: "q9.1 markdown table fork MR CI_JOB_TOKEN prose", file: "README.md", text: "| 🎭 **Fork merge-request pwn** | Jobs reachable from **fork MR pipelines** (`merge_request_event`, `only: merge_requests`) that carry **secrets / a broad `CI_JOB_TOKEN` / `id_tokens` (OIDC)**, or that run **privileged work (deploy/publish/`kubectl`/`terraform`) with no `when: manual` gate**. |\n", rule: None },
    // index 56126194393
    Case { family: DOC, form: "q9.2 markdown release prose GITLAB_TOKEN CI_JOB_TOKEN", file: "docs/release.ko.md", text: "> **사전 설정 (1회)**: `create_release`는 Git 호스팅 Release API를 호출하므로, `api` 스코프의 Personal Access Token을 프로젝트 **Settings → CI/CD → Variables**에 `GITLAB_TOKEN`(Masked)으로 등록해야 합니다. publish는 `CI_JOB_TOKEN`을 자동으로 사용합니다.\n", rule: None },
    // index 45242338
    Case { family: DOC, form: "q9.3 markdown gitlab-ci script git push with CI_JOB_TOKEN variable", file: "docs/changelog.md", text: "    - |\n      if [[ -n \"$(git status --porcelain CHANGELOG.md)\" ]]; then\n        git add CHANGELOG.md\n        git commit -m \"chore: update CHANGELOG.md [skip ci]\"\n        git push https://oauth2:${CI_JOB_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git HEAD:${CI_COMMIT_REF_NAME}\n      fi\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n", rule: None },
    // index 53154804748
    Case { family: DOC, form: "q9.4 markdown env var docs GITLAB_TOKEN falls back to CI_JOB_TOKEN", file: "README.md", text: "`GITLAB_TOKEN` is a GitLab personal or project access token with `api` scope.\nRequired for posting merge request comments. Falls back to `CI_JOB_TOKEN` in\nGitLab CI if not set.\n", rule: None },
    // index 59891227663
    Case { family: PY, form: "q9.5 python monkeypatch setenv CI_JOB_TOKEN fake-token word", file: "tests/test_meta.py", text: "    calls = []\n    monkeypatch.setenv(\n        \"CI_MERGE_REQUEST_PROJECT_URL\", \"https://gitlab.example/org/repo\"\n    )\n    monkeypatch.setenv(\"CI_JOB_TOKEN\", \"fake-token\")\n    monkeypatch.setattr(\"semgrep.meta.git_supports_config_env\", lambda: True)\n", rule: None },
    // ---------------------------------------------------------------- q10 `CIRCLE_TOKEN`
    // index 39906616039
    Case { family: SHELL, form: "q10.1 shell curl -u CIRCLE_TOKEN variable", file: "scripts/circleci-env.sh", text: "echo \"We will try to list the existing environment values\"\ncurl \\\n  --header \"Content-Type: application/json\" \\\n  -u \"${CIRCLE_TOKEN}:\" \\\n  https://circleci.com/api/v1.1/project/${VCS_TYPE:-github}/${user}/${repo}/envvar\n", rule: None },
    // index 15374196799
    Case { family: JS, form: "q10.2 tsx localStorage setItem circle_token from response", file: "src/pages/AcceptInvite.tsx", text: "      // Store the token and redirect\n      localStorage.setItem('circle_token', response.access_token);\n      localStorage.setItem('circle_user', JSON.stringify({\n        userId: response.user_id,\n        contactId: response.circle_contact_id,\n", rule: None },
    // index 31521906664
    Case { family: CI, form: "q10.3 github hcl workflow secrets name list", file: ".github/main.workflow", text: "action \"shell\" {\n  uses = \"./docker/jq\"\n  args = [\"cat /github/workflow/event.json | jq '.pull_request.head.ref' | xargs -i echo '$HOGE_TOKEN {}'\"]\n  secrets = [\n    \"HOGE_TOKEN\",\n    \"CIRCLE_TOKEN\",\n  ]\n}\n", rule: None },
    // index 70957686499
    Case { family: DOC, form: "q10.4 markdown private configuration token env names", file: "SKILL.md", text: "CIRCLE_API_TOKEN or CIRCLE_TOKEN_FILE selects an Admin token. The pinned schema says Token; quick-start prose says Bearer, supported only by an explicit private auth scheme setting. Named accounts use CIRCLE_ACCOUNTS / --account; list_accounts returns labels only.\n", rule: None },
    // index 52085317309
    Case { family: RUST, form: "q10.5 rust env::var CIRCLE_TOKEN ok resolve_token", file: "src/config.rs", text: "        let token = resolve_token(\n            env::var(\"CIRCLE_TOKEN\").ok(),\n            parsed.as_ref().and_then(|c| c.token.clone()),\n        )?;\n", rule: None },
    // ---------------------------------------------------------------- q11 `os.environ[\"`
    // index 55735024649
    Case { family: SHELL, form: "q11.1 shell inline python os.environ HOST PORT escaped quotes", file: "bench/latency.sh", text: "    HOST=\"$HOST\" PORT=\"$PORT\" /usr/bin/python3 -c \"\nimport os, time, sys, urllib.request\nbody = sys.stdin.read()\nreq = urllib.request.Request(\n    f'http://{os.environ[\\\"HOST\\\"]}:{os.environ[\\\"PORT\\\"]}/v1/chat/completions',\n    data=body.encode('utf-8'),\n    headers={'Content-Type': 'application/json'},\n    method='POST'\n)\n", rule: None },
    // index 70100779559
    Case { family: RUST, form: "q11.2 rust test runs python setting os.environ X", file: "tests/python_isolation.rs", text: "#[tokio::test]\nasync fn no_state_crosses_calls() {\n    let r = run(\"python3 -c '\nimport builtins, sys, os, json\nbuiltins.open = None\nsys.path.insert(0, \\\"/evil\\\")\njson.dumps = lambda *a, **k: \\\"tampered\\\"\nos.environ[\\\"X\\\"] = \\\"1\\\"'; \\\n         python3 -c 'import builtins, sys, json, os; print(builtins.open is not None, \\\"/evil\\\" in sys.path, json.dumps(1), \\\"X\\\" in os.environ)'\")\n    .await;\n", rule: None },
    // index 53774781044
    Case { family: SHELL, form: "q11.3 shell env prefix HF_TOKEN variable then inline python payload", file: "scripts/runpod-setup.sh", text: "PAYLOAD=$(GPU_TYPE_ID=\"${GPU_TYPE_ID}\" IMAGE_NAME=\"${IMAGE_NAME}\" \\\n  VOLUME_ID=\"${VOLUME_ID}\" REGION=\"${REGION}\" \\\n  HF_TOKEN=\"${HF_TOKEN}\" INLINE_CMD=\"${INLINE_CMD}\" \\\n  python3 -c \"\nimport json, os\nprint(json.dumps({\n  'name': f'ace-setup-{os.environ[\\\"REGION\\\"].lower()}',\n  'imageName': os.environ['IMAGE_NAME'],\n  'gpuTypeIds': [os.environ['GPU_TYPE_ID']],\n", rule: None },
    // index 59550286874
    Case { family: DOC, form: "q11.4 markdown tool call json content with os.environ CXX", file: "transcripts/matmul.md", text: "**Tool Call: `write`**\n```json\n{\n  \"path\": \"optimized_matmul.py\",\n  \"content\": \"import os\\nimport torch\\nimport torch.nn as nn\\nfrom torch.utils.cpp_extension import load_inline\\n\\nos.environ[\\\"CXX\\\"] = \\\"hipcc\\\"\\n\\nmatmul_hip_source = \\\"\\\"\\\"\\n#include <hip/hip_runtime.h>\\n\"\n}\n```\n", rule: None },
    // index 57368549579
    Case { family: PY, form: "q11.5 python test bash script text with os.environ paths", file: "tests/test_supervisor.py", text: "            \"#!/usr/bin/env bash\\n\"\n            \"set -euo pipefail\\n\"\n            \"trap 'printf forwarded > \\\"$FORWARDED_PATH\\\"; exit 42' TERM\\n\"\n            \"printf '%s' \\\"$$\\\" > \\\"$OWNER_PATH\\\"\\n\"\n            \"/usr/bin/python3 -I -B -c 'import os; from pathlib import Path; \"\n            \"Path(os.environ[\\\"GROUP_PATH\\\"]).write_text(str(os.getpgrp()), \"\n            \"encoding=\\\"ascii\\\")'\\n\"\n", rule: None },
    // ---------------------------------------------------------------- q12 `@Value("${`
    // index 7619821286
    Case { family: JAVA, form: "q12.1 java spring @Value masterSecret appKey fields", file: "src/main/java/push/JPusher.java", text: "@Component(value=\"jPusher\")\npublic class JPusher extends Pusher\n{\n\t@Value(\"${masterSecret}\")\n\tprivate String masterSecret;\n\t\n\t@Value(\"${appKey}\")\n\tprivate String appKey;\n", rule: None },
    // index 38023910321
    Case { family: JAVA, form: "q12.2 java @Value security.token.secret into secretKey", file: "src/main/java/auth/AuthCandidateUseCase.java", text: "    @Autowired\n    private PasswordEncoder passwordEncoder;\n    \n    @Value(\"${security.token.secret.candidate}\")\n    private String secretKey;\n", rule: None },
    // index 45510807236
    Case { family: JAVA, form: "q12.3 java @Value jwtSecret field", file: "src/main/java/security/JwtUtils.java", text: "\t  @Value(\"${buy_EZ.jwtSecret}\")\n\t  private String jwtSecret;\n\t  @Value(\"${buy_EZ.jwtExpirationMS}\")\n\t  private int jwtExpirationMS;\n\t  @Value(\"${buy_EZ.jwtCookieName}\")\n\t  private String jwtCookie;\n", rule: None },
    // index 53965070321
    Case { family: JAVA, form: "q12.4 java @Value spring.mail.username field", file: "src/main/java/mail/MailService.java", text: "    private final JavaMailSender mailSender;\n\n    @Value(\"${spring.mail.username}\")\n    private String from;\n", rule: None },
    // index 15138606956
    Case { family: JAVA, form: "q12.5 java @Value token.header field", file: "src/main/java/controller/LoginController.java", text: "@RestController\npublic class LoginController {\n\n    private final LoginService loginService;\n\n    @Value(\"${token.header}\")\n    private String tokenHeader;\n", rule: None },
    // ---------------------------------------------------------------- q13 `spring.mail.password`
    // index 52522041027
    Case { family: JAVA, form: "q13.1 java @Value spring.mail.password empty default", file: "src/main/java/es/mqm/service/MailService.java", text: "    private final JavaMailSender mailSender;\n    @Value(\"${spring.mail.username:}\") private String mailUsername;\n    @Value(\"${spring.mail.password:}\") private String mailPassword;\n", rule: None },
    // index 36081694767
    Case { family: JAVA, form: "q13.2 java @Value spring.mail.password field", file: "src/main/java/service/EmailServiceImpl.java", text: "    @Value(\"${spring.mail.username}\")\n    private String username;\n    @Value(\"${spring.mail.password}\")\n    private String password;\n", rule: None },
    // index 17123681487
    Case { family: DOC, form: "q13.3 markdown properties mail password fill-in", file: "docs/EMAIL_SETUP.md", text: "```properties\n# Email Configuration (Gmail SMTP)\nspring.mail.host=smtp.gmail.com\nspring.mail.port=587\nspring.mail.username=your-email@gmail.com\nspring.mail.password=your-16-character-app-password\nspring.mail.properties.mail.smtp.auth=true\n", rule: None },
    // index 21943272
    Case { family: JAVA, form: "q13.4 java SpringBootTest properties bare test values", file: "src/test/java/ApplicationTests.java", text: "        // 6. Payco 더미\n        \"payco.client-id=test-client\",\n        \"payco.client-secret=test-secret\",\n\n        // 7. Mail 더미\n        \"spring.mail.host=localhost\",\n        \"spring.mail.port=1025\",\n        \"spring.mail.username=test\",\n        \"spring.mail.password=test\",\n", rule: None },
    // index 27229384992
    Case { family: JAVA, form: "q13.5 java commented println of env and properties", file: "src/main/java/service/AuthServiceImpl.java", text: "//        System.out.println(\"ENV MAIL_PASSWORD = \" + System.getenv(\"MAIL_PASSWORD\"));\n//        System.out.println(\"PROP spring.mail.username = \" + environment.getProperty(\"spring.mail.username\"));\n//        System.out.println(\"PROP spring.mail.password = \" + environment.getProperty(\"spring.mail.password\"));\n\n        return response;\n", rule: None },
    // ---------------------------------------------------------------- q14 `buildConfigField("String"`
    // index 48602244225
    Case { family: KOTLIN, form: "q14.1 kotlin gradle buildConfigField from variable", file: "app/build.gradle.kts", text: "    buildTypes {\n        release {\n            buildConfigField(\"String\", \"MOVIE_API_KEY\", movieApiKey)\n            isMinifyEnabled = false\n", rule: None },
    // index 37036504965
    Case { family: KOTLIN, form: "q14.2 kotlin gradle MAPS_API_KEY from local.properties or empty", file: "app/build.gradle.kts", text: "            MAPS_API_KEY = localProperties[\"MAPS_API_KEY\"]?.toString().toString()\n        } else {\n            MAPS_API_KEY=\"\"\n        }\n\n        buildConfigField(\"String\", \"MAPS_API_KEY\", \"\\\"$MAPS_API_KEY\\\"\")\n        manifestPlaceholders[\"MAPS_API_KEY\"] = MAPS_API_KEY\n", rule: None },
    // index 62804830215
    Case { family: KOTLIN, form: "q14.3 kotlin gradle envOrDefault map tiler key interpolated", file: "app/build.gradle.kts", text: "        val mapTilerApiKey = envOrDefault(\"MAPTILER_API_KEY\")\n        val mapTilerStyleUrl = envOrDefault(\n            \"MAPTILER_STYLE_URL\",\n            \"https://api.maptiler.com/maps/streets/style.json?key=$mapTilerApiKey\"\n        )\n        buildConfigField(\"String\", \"MAPTILER_API_KEY\", \"\\\"$mapTilerApiKey\\\"\")\n        buildConfigField(\"String\", \"MAPTILER_STYLE_URL\", \"\\\"$mapTilerStyleUrl\\\"\")\n", rule: None },
    // index 34890510
    Case { family: KOTLIN, form: "q14.4 kotlin gradle flavor BASE_URL fields", file: "app/build.gradle.kts", text: "            create(\"dev\") {\n                this.dimension = \"api\"\n                buildConfigField(\"String\", \"BASE_URL\", \"\\\"https://www.themealdb.com/\\\"\")\n            }\n            create(\"pilot\") {\n                this.dimension = \"api\"\n                buildConfigField(\"String\", \"BASE_URL\", \"\\\"https://www.themealdb.com/\\\"\")\n            }\n", rule: None },
    // index 58046779560
    Case { family: KOTLIN, form: "q14.5 kotlin gradle DEEPL_API_KEY from localProps getProperty", file: "app/build.gradle.kts", text: "        buildConfigField(\"String\", \"DEEPL_API_KEY\",\n            \"\\\"${localProps.getProperty(\"deepl.api.key\", \"\")}\\\"\")\n", rule: None },
    // ---------------------------------------------------------------- q15 `ConnectionStrings`
    // index 21353276799
    Case { family: CSHARP, form: "q15.1 c# ConfigurationManager.ConnectionStrings lookup", file: "Form3.cs", text: "        public Form3()\n        {\n            InitializeComponent();\n            connectionString = ConfigurationManager.ConnectionStrings[\"WyborLaptopaOkienkowy.Properties.Settings.Database1ConnectionString\"].ConnectionString;\n        }\n", rule: None },
    // index 42439309704
    Case { family: CSHARP, form: "q15.2 c# class over ConnectionStringSettings", file: "Configuration/Patterns/Reducer.cs", text: "namespace FGS.Pump.Configuration.Patterns\n{\n    public class EnumerableConnectionStringSettingsMultiplexReducer : IEnumerable<ConnectionStringSettings>\n    {\n        private readonly IEnumerable<IEnumerable<ConnectionStringSettings>> _adapted;\n        private readonly IEqualityComparer<string> _connectionStringNameComparer;\n", rule: None },
    // index 28573326324
    Case { family: CSHARP, form: "q15.3 c# wpf connection string from config", file: "MainWindow.xaml.cs", text: "        public MainWindow()\n        {\n            InitializeComponent();\n\n            string connectionString = ConfigurationManager.ConnectionStrings[\"WpfLINQtoSQLCompanyBenefit.Properties.Settings.CompanyBenefitDBConnectionString\"].ConnectionString;\n\n            dataContext = new LINQtoSQLdataClassesDataContext(connectionString);\n        }\n", rule: None },
    // index 49278436659
    Case { family: CSHARP, form: "q15.4 c# test overrides certificate password string.Empty", file: "tests/TestWebAppFactory.cs", text: "            var overrides = new Dictionary<string, string?>\n            {\n                [\"Kestrel:Endpoints:Https:Certificate:Path\"] = string.Empty,\n                [\"Kestrel:Endpoints:Https:Certificate:Password\"] = string.Empty,\n                [\"ConnectionStrings:DefaultConnection\"] = string.Empty \n            };\n            cfg.AddInMemoryCollection(overrides);\n", rule: None },
    // index 71655264144
    Case { family: DOC, form: "q15.5 markdown connection string table with elided credentials", file: "samples/README.md", text: "| Provider | Connection string key | Default (matches `docker-compose.yml`) |\n|---|---|---|\n| Postgres | `ConnectionStrings:NexJobPostgres` | `Host=localhost;Port=5432;Database=nexjob_sample;...` |\n| SqlServer | `ConnectionStrings:NexJobSqlServer` | `Server=localhost,1433;Database=master;User Id=sa;...` |\n| Redis | `ConnectionStrings:NexJobRedis` | `localhost:6379` |\n", rule: None },
    // ---------------------------------------------------------------- q16 `new NetworkCredential(`
    // index 30394527477
    Case { family: CSHARP, form: "q16.1 c# ftp NetworkCredential user and password literals in switch", file: "Services/FtpUploader.cs", text: "            FtpWebRequest reqFTP = (FtpWebRequest)FtpWebRequest.Create(uri);\n            switch (ftpUserType)\n            {\n                case FTPUserType.PrintQueue:\n                    reqFTP.Credentials = new NetworkCredential(\"printqueue\", \"{W}\");\n                    break;\n            }\n", rule: Some("generic-password") },
    // index 1879872
    Case { family: CSHARP, form: "q16.2 c# moq returns empty NetworkCredential", file: "test/HttpSourceAuthenticationHandlerTests.cs", text: "                        CredentialRequestType.Unauthorized,\n                        It.IsAny<string>(),\n                        It.IsAny<CancellationToken>()))\n                .Returns(() => Task.FromResult<ICredentials>(new NetworkCredential()));\n", rule: None },
    // index 43085603112
    Case { family: CSHARP, form: "q16.3 c# NetworkCredential from split config value", file: "Tunnel/ConfigReader.cs", text: "            var sCred = GetValue(exe, key);\n            if (string.IsNullOrEmpty(sCred))\n            {\n                throw new InvalidOperationException(\"配置项 Credential 错误\");\n            }\n            var aCred = sCred.Split(':');\n            return new NetworkCredential(aCred[0], aCred[1]);\n", rule: None },
    // index 71617823862
    Case { family: OTHER, form: "q16.4 vb.net NetworkCredential from datatable rows", file: "FormMain.vb", text: "\t\t\t\t\tdataTable = clsfun.ExecDataTable(\"Select c2,FtpUrl,FtpUser,FtpPassword from FTP_Category where c2='Enabled'\")\n\t\t\t\t\tDim webClient As WebClient = New WebClient()\n\t\t\t\t\tDim text As String = dataTable.Rows(0)(\"c1\").ToString()\n\t\t\t\t\twebClient.Credentials = New NetworkCredential(dataTable.Rows(0)(\"FtpUser\").ToString(), dataTable.Rows(0)(\"FtpPassword\").ToString())\n", rule: None },
    // index 36439130742
    Case { family: CSHARP, form: "q16.5 c# smtp NetworkCredential from config section", file: "Services/EmailService.cs", text: "            var smtpConfig = _configuration.GetSection(\"SmtpSettings\");\n\n            using (var client = new SmtpClient(smtpConfig[\"Host\"], int.Parse(smtpConfig[\"Port\"])))\n            {\n                client.Credentials = new NetworkCredential(smtpConfig[\"Username\"], smtpConfig[\"Password\"]);\n                client.EnableSsl = bool.Parse(smtpConfig[\"EnableSsl\"]);\n", rule: None },
    // ---------------------------------------------------------------- q17 `getEnv("DB_PASSWORD"`
    // index 53313477144
    Case { family: GO, form: "q17.1 go os.Getenv db settings then Sprintf dsn", file: "database/db.go", text: "\thost := os.Getenv(\"DB_HOST\")\n\tuser := os.Getenv(\"DB_USER\")\n\tpassword := os.Getenv(\"DB_PASSWORD\")\n\tdbname := os.Getenv(\"DB_NAME\")\n\tport := os.Getenv(\"DB_PORT\")\n\n\t// 3. postgreSQL 연결\n\tdsn := fmt.Sprintf(\"host=%s user=%s password=%s dbname=%s port=%s sslmode=disable TimeZone=Asia/Seoul\",\n\t\thost, user, password, dbname, port)\n", rule: None },
    // index 2442489
    Case { family: PY, form: "q17.2 python os.getenv DB_PASSWORD default bare word password", file: "app/config.py", text: "DB_HOST = os.getenv(\"DB_HOST\", \"localhost\")\nDB_PORT = os.getenv(\"DB_PORT\", \"5432\")\nDB_NAME = os.getenv(\"DB_NAME\", \"your_database\")\nDB_USER = os.getenv(\"DB_USER\", \"username\")\nDB_PASSWORD = quote(os.getenv(\"DB_PASSWORD\", \"password\"))\n\n# Construct the DATABASE_URL\nDB_URL = f\"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}:{DB_PORT}/{DB_NAME}\"\n", rule: None },
    // index 46208481324
    Case { family: PY, form: "q17.3 python os.getenv DB_PASSWORD empty default", file: "bot/main.py", text: "DB_HOST = os.getenv(\"DB_HOST\", \"db\")\nDB_NAME = os.getenv(\"DB_NAME\", \"pumpdb\")\nDB_USER = os.getenv(\"DB_USER\", \"pumpuser\")\nDB_PASSWORD = os.getenv(\"DB_PASSWORD\", \"\")\n\nBINANCE_REST = \"https://api.binance.com\"\n", rule: None },
    // index 37681889469
    Case { family: GO, form: "q17.4 go struct literal getEnv DB_PASSWORD concrete default", file: "config/config.go", text: "\t\tDBHost:     getEnv(\"DB_HOST\", \"localhost\"),\n\t\tDBPort:     getEnv(\"DB_PORT\", \"3306\"),\n\t\tDBName:     getEnv(\"DB_NAME\", \"appdb\"),\n\t\tDBUser:     getEnv(\"DB_USER\", \"appuser\"),\n\t\tDBPassword: getEnv(\"DB_PASSWORD\", \"{W}\"),\n\t\tJWTSecret:  getEnv(\"JWT_SECRET\", \"your-secret-key\"),\n\t}\n", rule: Some("generic-password") },
    // index 19524670539
    Case { family: JAVA, form: "q17.5 java System.getenv db_password", file: "src/main/java/db/ConnectionUtil.java", text: "        String url = System.getenv(\"db_url\");\n        String username = System.getenv(\"db_username\");\n        String password = System.getenv(\"db_password\");\n\n        // TODO 4: Register the Postgres driver with the DriverManager\n        DriverManager.registerDriver(new Driver());\n", rule: None },
    // ---------------------------------------------------------------- q18 `.bearer_auth(`
    // index 55192039228
    Case { family: RUST, form: "q18.1 rust reqwest bearer_auth optional key variable", file: "src/embed/http.rs", text: "        let mut rb = client.post(url).json(body);\n        if let Some(k) = api_key {\n            rb = rb.bearer_auth(k);\n        }\n        for (h, v) in headers {\n            rb = rb.header(h.as_str(), v.as_str());\n        }\n", rule: None },
    // index 57010844143
    Case { family: RUST, form: "q18.2 rust bearer_auth constant path as_str", file: "src/llm.rs", text: "    let response = CLIENT\n        .post(\"https://api.deepseek.com/chat/completions\")\n        .bearer_auth(crate::data::ai::AI_API_KEY.as_str())\n        .json(&request)\n        .send()\n", rule: None },
    // index 33233591908
    Case { family: RUST, form: "q18.3 rust keycloak create user bearer_auth backend_token", file: "src/keycloak.rs", text: "        let response = self\n            .client\n            .post(&self.config.users_url())\n            .bearer_auth(&backend_token)\n            .json(&create_request)\n            .send()\n            .await\n", rule: None },
    // index 86073913
    Case { family: RUST, form: "q18.4 rust env::var COHERE_API_KEY then bearer_auth", file: "src/main.rs", text: "    let api_key = env::var(\"COHERE_API_KEY\")?;\n    let client = Client::new();\n\n    let response: Value = client\n        .post(\"https://api.cohere.com/v2/chat\")\n        .bearer_auth(api_key)\n        .json(&json!({\n            \"model\": \"command-r7b-12-2024\",\n            \"messages\": messages,\n        }))\n", rule: None },
    // index 71644767103
    Case { family: RUST, form: "q18.5 rust test claim bearer_auth token parameter", file: "tests/agent_commands.rs", text: "async fn claim(panel: &TestPanel, token: &str, id: Uuid, claim_id: Uuid) -> Result<CommandControl> {\n    Ok(panel\n        .client\n        .post(format!(\"{}/api/agent/v1/commands/{id}/claim\", panel.base))\n        .bearer_auth(token)\n        .json(&CommandClaim { claim_id })\n", rule: None },
    // ---------------------------------------------------------------- q19 `'password' =>`
    // index 37823595747
    Case { family: PHP, form: "q19.1 php array password sha1 of variables", file: "src/TrueMoney.php", text: "    public function GetToken($user, $pass, $type = 'email')\n    {\n        $url = 'https://mobile-api-gateway.truemoney.com/mobile-api-gateway/api/v1/signin';\n        $header = array('Host: mobile-api-gateway.truemoney.com', 'Content-Type: application/json');\n        $data = array('username' => $user, 'password' => sha1($user.$pass), 'type' => $type);\n", rule: None },
    // index 71655372897
    Case { family: PHP, form: "q19.2 php laravel validate password rules", file: "app/Http/Controllers/UserController.php", text: "        $validated = $request->validate([\n            'name' => 'required|string|max:255',\n            'email' => 'required|email|max:255|unique:users,email',\n            'role' => ['required', Rule::in(array_keys(User::ROLES))],\n            'password' => ['required', 'confirmed', Password::min(8)],\n        ]);\n", rule: None },
    // index 45298305762
    Case { family: PHP, form: "q19.3 php seeder bcrypt literal password", file: "database/seeds/InitialSeeder.php", text: "    public function run()\n    {\n        $user = User::create(['name' => 'Alejandro', 'email' => 'user@example.com', 'password' => bcrypt('{W}')]);\n\n        $category = factory(Category::class)->create(['name' => 'Bracelets']);\n", rule: Some("generic-password") },
    // index 30247630377
    Case { family: PHP, form: "q19.4 php validate then attempt with request password", file: "app/Http/Controllers/CommerceController.php", text: "        $request->validate([\n            'email' => 'required|string|email',\n            'password' => 'required|string',\n        ]);\n\n        if (Auth::guard('web')->attempt(['email' => $request->email, 'password' => $request->password])) {\n            return redirect()->intended(route('commerce.dashboard'));\n        }\n", rule: None },
    // index 60083776122
    Case { family: PHP, form: "q19.5 php test posts rejected weak password from loop variable", file: "tests/Feature/PasswordPolicyTest.php", text: "        foreach (['password', 'abcdefgh', 'Sh0rt1'] as $weak) {\n            $this->postJson('/api/v1/auth/register', [\n                'name' => 'Test Person',\n                'email' => 'weak'.md5($weak).'@example.com',\n                'password' => $weak,\n                'password_confirmation' => $weak,\n                'role' => 'shipper',\n            ])->assertStatus(422)->assertJsonValidationErrors('password');\n        }\n", rule: None },
    // ---------------------------------------------------------------- q20 `config.api_key =`
    // index 9601112680
    Case { family: RUBY, form: "q20.1 ruby configure block api_key upper-case fill-in", file: "test/guardrail_notifier_test.rb", text: "    GuardrailNotifier.configure do |config|\n      config.api_key = \"SOME API KEY\"\n      config.monitored_environments = ['production']\n    end\n", rule: None },
    // index 18064163995
    Case { family: RUBY, form: "q20.2 ruby rspec config.api_key fixture literal", file: "spec/tmdb/configuration_spec.rb", text: "    describe \"#api_key\" do\n      it \"remembers the API key\" do\n        config.api_key = \"{K}\"\n        config.api_key.should == \"{K}\"\n      end\n    end\n", rule: Some("generic-api-key") },
    // index 60940087090
    Case { family: PY, form: "q20.3 python test fake config api_key descriptive words", file: "tests/test_pet_generation.py", text: "    provider_fakes.config.api_key = \"api-key-must-not-persist\"\n    provider_fakes.config.base_url = (\n        \"https://url-user:url-password@gateway.example:443/v1/\"\n        \"?token=query-secret#fragment-secret\"\n    )\n", rule: None },
    // index 1155085
    Case { family: RUBY, form: "q20.4 ruby rake Cloudinary.config api_key digits literal", file: "lib/tasks/export.rake", text: "        if defined?(Rails) && (Rails.env == 'development')\n          Dotenv.load\n          \n          Cloudinary.config do |config|\n            config.cloud_name = 'jli'\n            config.api_key = '{DIG15}'\n          end\n        end\n", rule: Some("generic-api-key") },
    // index 26039488615
    Case { family: RUBY, form: "q20.5 ruby ENV.fetch GOOGLE_API_KEY empty default", file: "config/initializers/timezone.rb", text: "Timezone::Lookup.config(:google) do |config|\n  config.api_key = ENV.fetch(\"GOOGLE_API_KEY\") { '' }\nend\n", rule: None },
    // ---------------------------------------------------------------- q21 `provider "aws"`
    // index 20721224175
    Case { family: HCL, form: "q21.1 terraform provider aws commented access_key value word", file: "main.tf", text: "# Configure the AWS Provider\nprovider \"aws\" {\n  region = var.aws_region\n  # access_key =\"value\"\n  # secret_key =\"value\"\n}\ndata \"aws_ami\" \"amazon-lunix-2\" {\n  most_recent = true\n", rule: None },
    // index 35368556280
    Case { family: HCL, form: "q21.2 terraform provider aws alias region", file: "ecr.tf", text: "provider \"aws\" {\n  alias  = \"us_east_1\"\n  region = \"us-east-1\"\n}\n\nresource \"aws_ecrpublic_repository\" \"ronesanspublicecr\" {\n  provider = aws.us_east_1\n\n  repository_name = \"ronesanspublicecr\"\n\n}\n", rule: None },
    // index 13797153825
    Case { family: DOC, form: "q21.3 markdown terraform provider shared credentials files", file: "tasks.md", text: "provider \"aws\" {\n  shared_config_files      = [\"/Users/tf_user/.aws/conf\"]\n  shared_credentials_files = [\"/Users/tf_user/.aws/creds\"]\n  profile                  = \"customprofile\"\n}\n", rule: None },
    // index 28355123985
    Case { family: HCL, form: "q21.4 terraform s3 backend and provider region local", file: "main.tf", text: "  backend \"s3\" {\n    bucket = \"terraform-state-bucket-39129419387\"\n    key    = \"terraform.tfstate\"\n    region = local.region\n  }\n}\n\nprovider \"aws\" {\n  region = local.region\n}\n", rule: None },
    // index 42042106005
    Case { family: HCL, form: "q21.5 terraform provider region var and key pair data source", file: "main.tf", text: "# Specify the provider and region\nprovider \"aws\" {\n  region = var.region\n}\n\n# Data source for existing Key Pair\ndata \"aws_key_pair\" \"existing\" {\n  key_name = var.key_name\n}\n", rule: None },
    // ---------------------------------------------------------------- q22 `MYSQL_ROOT_PASSWORD`
    // index 61906165462
    Case { family: DOC, form: "q22.1 markdown table compose default MYSQL_ROOT_PASSWORD", file: "docs/DOCKER.md", text: "Compose uses these (defaults in `docker-compose.yml`; override with a **`.env`** file next to `docker-compose.yml`):\n\n| Variable | Default (if unset) |\n|----------|---------------------|\n| `MYSQL_ROOT_PASSWORD` | `{W}` |\n| `MYSQL_DATABASE` | `demoapp` |\n| `MYSQL_USER` | `appuser` |\n", rule: Some("generic-password") },
    // index 15783607432
    Case { family: DOC, form: "q22.2 markdown docker run -e MYSQL_ROOT_PASSWORD literal", file: "notes/docker.md", text: "## 常用docker清单\n\n- docker run --name mysql -p 3306:3306 -v /home/app/data/mysql:/var/lib/mysql -e MYSQL_ROOT_PASSWORD={W} -d mysql:5.7\n- docker run --name mysql -p 3306:3306  -e MYSQL_ROOT_PASSWORD={W} -d mysql:5.7\n- docker run --name nacos -e MODE=standalone -p 8848:8848 -p 9848:9848 -d nacos/nacos-server:2.0.2\n", rule: Some("generic-password") },
    // index 32343241312
    Case { family: DOCKER, form: "q22.3 dockerfile comment docker run MYSQL_ROOT_PASSWORD bare pw", file: "Dockerfile", text: "COPY ./sqlScripts/ /docker-entrypoint-initdb.d/ \nCOPY . .\n### Command to start environment w/ database:\n#$ docker run -d -p 3306:3306 --name test \\\n# -e MYSQL_ROOT_PASSWORD=pw\n", rule: None },
    // index 24077815642
    Case { family: DOC, form: "q22.4 markdown compose mysql environment variable references", file: "docs/deploy.md", text: "    mysql:\n        image: mysql:8.0\n        restart: always\n        environment:\n            MYSQL_ROOT_PASSWORD: ${DB_PASSWORD}\n            MYSQL_DATABASE: ${DB_DATABASE}\n            MYSQL_USER: ${DB_USERNAME}\n            MYSQL_PASSWORD: ${DB_PASSWORD}\n", rule: None },
    // index 71630997787
    Case { family: PHP, form: "q22.5 php test writes env file with root password literal", file: "tests/ComposeEnvTest.php", text: "        $filled = sys_get_temp_dir() . '/yd-compose-' . bin2hex(random_bytes(4)) . '.env';\n        file_put_contents($filled, (string) file_get_contents($envExample)\n            . \"\\nMYSQL_ROOT_PASSWORD={W}\\nMYSQL_PASSWORD={W}\\nREDIS_PASSWORD={W}\\n\");\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q23 `ansible_become_pass`
    // index 71517835830
    Case { family: DOC, form: "q23.1 markdown prose ANSIBLE_BECOME_PASSWORD order of sources", file: "docs/fallbacks.md", text: "- A deliberate order of real sources, where each one is the right answer on\n  some install or deploy path. Example: the password from the request, else\n  ANSIBLE_BECOME_PASSWORD, else SYSTEM_PASSWORD. Before removing a source,\n  find out which path sets it.\n", rule: None },
    // index 9926040990
    Case { family: DOC, form: "q23.2 markdown playbook vars ansible_become_pass XXX", file: "sprawozdanie.md", text: "- name: Update package\n  hosts: Endpoints\n  vars:\n    ansible_become_pass: XXX\n  tasks:\n  - name: update packs\n    become: yes\n", rule: None },
    // index 29171004870
    Case { family: DOC, form: "q23.3 markdown inventory become password angle fill-in", file: "README.md", text: "sudo tee inventory > /dev/null <<EOL\n[nodes]\nnode2 ansible_host=192.168.50.205 ansible_user=neo ansible_become_password=<NOT REAL PASSWORD>\n\n[localhost]\nmac ansible_host=127.0.0.1 ansible_user=arslankhan ansible_connection=local\n", rule: None },
    // index 19289595360
    Case { family: SHELL, form: "q23.4 shell ansible-playbook extra-vars become pass variable", file: "scripts/restart.sh", text: "ansible-playbook  systemdRestart.yml -i inventory_files/${serverEnv}.ini  --forks=1  \\\n  --extra-vars serverEnv=${serverEnv}  \\\n  --extra-vars softwareSelection=${softwareSelection}  \\\n  --extra-vars ansible_become_pass=${SSHPASS}  \\\n  --extra-vars ansible_ssh_pass=${SSHPASS}\n", rule: None },
    // index 44374651365
    Case { family: DOC, form: "q23.5 markdown extra-vars become pass starred fill-in", file: "README.md", text: "If localhost, lunch ansible with the sudo password in this way:\n```\n    ansible-playbook -i hosts deploy_tangoenv.yml --extra-vars \"ansible_become_pass=*password*\"\n```\n", rule: None },
    // ---------------------------------------------------------------- q24 `_authToken`
    // index 71652463116
    Case { family: NIX, form: "q24.1 nix sops placeholder in npmrc content", file: "home.nix", text: "      npmrc = {\n        content = ''\n          //registry.npmjs.org/:_authToken=${config.sops.placeholder.npm-token}\n        '';\n        path = \"${config.home.homeDirectory}/.npmrc\";\n        mode = \"0600\";\n      };\n", rule: None },
    // index 54505890366
    Case { family: DOC, form: "q24.2 markdown ngrok add-authtoken angle fill-in", file: "README.md", text: "2. **(One-Time Setup)** Add your ngrok authtoken to the configuration:\n   ```powershell\n   .\\ngrok.exe config add-authtoken <YOUR_NGROK_AUTHTOKEN>\n   ```\n", rule: None },
    // index 47346202221
    Case { family: PY, form: "q24.3 python input set setter AuthToken", file: "temboo/Box/Folders.py", text: "        \"\"\"\n        Set the value of the AuthToken input for this choreography. ((required, string) Authorization Token retrieved by following the Oauth process described in Box.net API documentation.)\n        \"\"\"\n        def set_AuthToken(self, value):\n            InputSet._set_input(self, 'AuthToken', value)\n", rule: None },
    // index 57965227971
    Case { family: JS, form: "q24.4 js writes npmrc with descriptive local-registry-test token", file: "scripts/publish-local.mjs", text: "  const npmConfigPath = join(temporaryRoot, \"npmrc\")\n  writeFileSync(\n    npmConfigPath,\n    `registry=${registry}\\n//127.0.0.1:${port}/:_authToken=local-registry-test\\n`,\n  )\n", rule: None },
    // index 17001427281
    Case { family: CSHARP, form: "q24.5 c# _authTokenService generate tokens", file: "Services/AuthService.cs", text: "                    var rolesTask = GetUserRolesAsyncADO(userId);\n                    var accessTokenTask = _authTokenService.GenerateAccessTokenAsync(applicationUser, await rolesTask);\n                    var refreshTokenTask = _authTokenService.GenerateRefreshTokenAsync();\n", rule: None },
    // ---------------------------------------------------------------- q25 `username = __token__`
    // index 56171930264
    Case { family: DOC, form: "q25.1 markdown pypirc heredoc elided pypi tokens", file: "docs/publish.zh.md", text: "cat > ~/.config/pypirc <<'EOF'\n[distutils]\n  index-servers =\n      pypi\n      testpypi\n\n[pypi]\n  username = __token__\n  password = pypi-AgEIcHl...\n\n[testpypi]\n  username = __token__\n  password = pypi-AgENdGVz...\nEOF\n", rule: None },
    // index 9320574509
    Case { family: DOC, form: "q25.2 markdown pypirc YOUR_TOKEN_HERE", file: "PUBLISHING.md", text: "# Create/edit ~/.pypirc\ncat > ~/.pypirc << EOF\n[pypi]\nusername = __token__\npassword = pypi-YOUR_TOKEN_HERE\nEOF\n", rule: None },
    // index 71352044
    Case { family: PY, form: "q25.3 python docstring pypirc format with angle fill-ins", file: "publish.py", text: "    [pypi]\n    username = __token__\n    password = pypi-...<default pypi token you want to use>\n\n\n    [{source_name}]\n    repository = https://upload.pypi.org/legacy/\n    username = __token__\n    password = pypi-...<project specific token here>\n", rule: None },
    // index 47136484619
    Case { family: DOC, form: "q25.4 markdown pypirc password (token) fill-in", file: "content/blog/pypi.md", text: "3. Crear un archivo `.pypirc` en `/root`:\n\n```\n[pypi]\n\tusername = __token__\n\tpassword = (token)\n```\n", rule: None },
    // index 25237972304
    Case { family: DOC, form: "q25.5 markdown ini pypirc YOUR-NEW-TOKEN-HERE", file: "RELEASE.md", text: "   Replace the password line:\n   ```ini\n   [pypi]\n   username = __token__\n   password = pypi-YOUR-NEW-TOKEN-HERE\n   ```\n", rule: None },
    // ---------------------------------------------------------------- q26 `<password>`
    // index 95382
    Case { family: DOC, form: "q26.1 markdown sqlcmd angle fill-ins", file: "docs/load-data.md", text: "To create a table, open a command prompt and use sqlcmd.exe to run the following command:\n\n\n```sql\nsqlcmd.exe -S <server name> -d <database name> -U <username> -P <password> -I -Q \"\n    CREATE TABLE DimDate2\n    (\n        DateId INT NOT NULL,\n", rule: None },
    // index 31795787727
    Case { family: DOC, form: "q26.2 markdown maven settings.xml server password fill-in", file: "README.md", text: "Modify this section of settings.xml as necessary:\n```\n<server>\n    <id>maestro</id>\n    <username>_YOUR_MAESTRODEV_USERNAME_</username>\n    <password>_YOUR_MAESTRODEV_PASSWORD_</password>\n</server>\n```\n", rule: None },
    // index 39742236117
    Case { family: DOC, form: "q26.3 markdown service credentials json password hex literal beside url fill-ins", file: "docs/credentials.md", text: "  \"iam_role_crn\": \"crn:v1:bluemix:public:iam::::serviceRole:Manager\",\n  \"iam_serviceid_crn\": \"crn:v1:staging:public:iam-identity::[...]\",\n  \"password\": \"{WH64}\",\n  \"port\": 443,\n  \"url\": \"https://<username>:<password>@{UUID}-bluemix.cloudant.com\",\n  \"username\": \"{UUID}-bluemix\"\n}\n```\n", rule: Some("generic-password") },
    // index 23264695107
    Case { family: JS, form: "q26.4 js comment replace username and password fill-ins (url line cut by window)", file: "db.js", text: "const { MongoClient } = require('mongodb');\n\n// Replace <username> and <password> with your MongoDB Atlas credentials\n", rule: None },
    // index 55356189282
    Case { family: DOC, form: "q26.5 markdown neon connection string angle fill-ins", file: "docs/DEPLOY.md", text: "3. In the Neon project dashboard, open **Connection Details** and copy the connection\n   string. It looks like:\n   ```\n   postgresql://<user>:<password>@<endpoint>.neon.tech/<dbname>?sslmode=require\n   ```\n", rule: None },
    // ---------------------------------------------------------------- q27 `"key": "Authorization"`
    // index 20378222345
    Case { family: JS, form: "q27.1 ts open-mcp security header env var template", file: "src/tools/getdeploymentevents.ts", text: "  \"method\": \"get\",\n  \"security\": [\n    {\n      \"key\": \"Authorization\",\n      \"value\": \"Bearer <mcp-env-var>API_KEY</mcp-env-var>\",\n      \"in\": \"header\",\n      \"envVarName\": \"API_KEY\"\n    }\n  ],\n", rule: None },
    // index 58339856360
    Case { family: JS, form: "q27.2 ts open-mcp second tool bearer env var template", file: "src/tools/get_biz_partnership_ids.ts", text: "  \"path\": \"/biz/v1.0/biz-groups/{biz_group_id}/biz-partnership-ids\",\n  \"method\": \"get\",\n  \"security\": [\n    {\n      \"key\": \"Authorization\",\n      \"value\": \"Bearer <mcp-env-var>API_KEY</mcp-env-var>\",\n      \"in\": \"header\",\n      \"envVarName\": \"API_KEY\"\n    }\n  ],\n", rule: None },
    // index 37885951055
    Case { family: DOC, form: "q27.3 markdown json headers valueTemplate Bearer {apiKey}", file: "docs/custom-api.zh.md", text: "```json\n{\n  \"method\": \"POST\",\n  \"contentType\": \"application/json\",\n  \"headers\": [\n    {\"key\": \"Authorization\", \"valueTemplate\": \"Bearer {apiKey}\"}\n  ],\n  \"bodyFields\": [\n    {\"path\": \"model\", \"valueType\": \"template\", \"valueTemplate\": \"{model}\"},\n", rule: None },
    // index 20167510880
    Case { family: JS, form: "q27.4 ts open-mcp digitalocean tool bearer env var template", file: "src/tools/tags_unassign_resources.ts", text: "  \"baseUrl\": \"https://api.digitalocean.com\",\n  \"path\": \"/v2/tags/{tag_id}/resources\",\n  \"method\": \"delete\",\n  \"security\": [\n    {\n      \"key\": \"Authorization\",\n      \"value\": \"Bearer <mcp-env-var>API_KEY</mcp-env-var>\",\n      \"in\": \"header\",\n      \"envVarName\": \"API_KEY\"\n    }\n  ],\n", rule: None },
    // index 9376580
    Case { family: DOC, form: "q27.5 markdown postman collection bearer {{token}} and empty token variable", file: "docs/API.md", text: "          \"request\": {\n            \"method\": \"GET\",\n            \"url\": \"{{base_url}}/api/rooms\",\n            \"header\": [\n              {\"key\": \"Authorization\", \"value\": \"Bearer {{token}}\"}\n            ]\n          }\n        }\n      ]\n    }\n  ],\n  \"variable\": [\n    {\"key\": \"base_url\", \"value\": \"http://localhost:8000\"},\n    {\"key\": \"token\", \"value\": \"\"}\n  ]\n}\n```\n", rule: None },
    // ---------------------------------------------------------------- q28 `curl -u `
    // index 6924951675
    Case { family: DOC, form: "q28.1 markdown shell curl -u admin:password bare word", file: "docs/nexus-npm.md", text: "for file in $dir\ndo\n  echo \">>> $targetDir/$file 上传开始 \\n\"\n  ret=`curl -u admin:password -X POST \"$publishRestful\" -H \"Accept: application/json\" -H \"Content-Type: multipart/form-data\" -F \"npm.asset=@$file;type=application/x-compressed\"`\n  echo $ret\n", rule: None },
    // index 15159937770
    Case { family: DOC, form: "q28.2 markdown curl -u shell variables", file: "README.ja.md", text: "- 手動でcurlテスト:\n\n  ```bash\n  curl -u \"$INSTANCE_ID:$API_KEY\" \"$PROM_URL/api/v1/query?query=up\"\n  ```\n", rule: None },
    // index 56364294105
    Case { family: DOC, form: "q28.3 markdown curl -u user:pass bare words", file: "docs/mesh.md", text: "```bash\n# Local view, ASCII table + graph (renders straight to the terminal)\ncurl -u user:pass \"http://127.0.0.1:3381/v1/mesh?format=ascii\"\n\n# Network-wide topology crawl\ncurl -u user:pass \"http://127.0.0.1:3381/v1/mesh?crawl=true&format=ascii\"\n```\n", rule: None },
    // index 5872995
    Case { family: DOC, form: "q28.4 markdown bitcoin rpc curl -u bitcoin:password bare word", file: "README.md", text: "# Check RPC connectivity\ncurl -u bitcoin:password --data-binary '{\"jsonrpc\":\"1.0\",\"id\":\"test\",\"method\":\"getblockcount\",\"params\":[]}' -H 'content-type: text/plain;' http://127.0.0.1:18332/\n```\n", rule: None },
    // index 42960039030
    Case { family: HCL, form: "q28.5 terraform commented local-exec curl -u local reference", file: "grafana.tf", text: "##resource \"null_resource\" \"fetch_grafana_settings\" {\n##  provisioner \"local-exec\" {\n##    command = \"curl -u ${local.grafana_basic_auth} http://localhost:3000/api/admin/settings -o ${path.module}/grafana_settings.json\"\n##  }\n##}\n", rule: None },
    // ---------------------------------------------------------------- q29 `PRIVATE-TOKEN`
    // index 17992048451
    Case { family: DOC, form: "q29.1 markdown ruby client your-private-token fill-in", file: "README.md", text: "```ruby\n\nrequire 'alegra'\nclient = Alegra::Client.new('youremail@test.com', 'your-private-token')\n\n## Get Invoices\n\nclient.invoices.list()\n", rule: None },
    // index 66356784221
    Case { family: PY, form: "q29.2 python headers dict PRIVATE-TOKEN from settings", file: "app/services/git_fetcher.py", text: "        self.github_headers = {\n            \"Authorization\": f\"token {settings.GITHUB_TOKEN}\",\n            \"Accept\": \"application/vnd.github.v3+json\"\n        }\n        self.gitlab_headers = {\"PRIVATE-TOKEN\": settings.GITLAB_TOKEN}\n", rule: None },
    // index 56948319896
    Case { family: DOC, form: "q29.3 markdown curl PRIVATE-TOKEN header env variable", file: "docs/ci-lint.md", text: "jq -Rs '{content: ., include_jobs: true}' < examples/gitlab/01-quickstart.gitlab-ci.yml \\\n  | curl --fail-with-body --silent --request POST \\\n      --header \"PRIVATE-TOKEN: $GITLAB_TOKEN\" \\\n      --header \"Content-Type: application/json\" \\\n      --url \"https://gitlab.com/api/v4/projects/$PROJECT_ID/ci/lint\" \\\n      --data @- \\\n", rule: None },
    // index 403376
    Case { family: SHELL, form: "q29.4 shell git config extraheader PRIVATE-TOKEN literal", file: "start.sh", text: "if [ ! -d \"$GOPATH/pkg/mod/gitlab.ztgame.com/tech/public/go-service/$ZEUS\" ]; then\n\techo \"get zeus start\" \n\tset GOPROXY=\n\tgit config http.extraheader \"PRIVATE-TOKEN: {T20}\"\n\tgo get -v -insecure gitlab.ztgame.com/tech/public/go-service/$ZEUS\n\techo \"get zeus stop\"\nfi\n", rule: Some("generic-token") },
    // index 60584603441
    Case { family: DOC, form: "q29.5 markdown powershell GITLAB_TOKEN angle fill-in then curl header", file: "docs/setup.es.md", text: "```powershell\n$env:GITLAB_TOKEN = \"<pegar-token-aqui>\"\n```\n\nPara persistir en la sesion del usuario (sin admin):\n\n```powershell\nsetx GITLAB_TOKEN \"<pegar-token-aqui>\"\n```\n\nVerificar:\n\n```powershell\ncurl.exe -sI -H \"PRIVATE-TOKEN: $env:GITLAB_TOKEN\" https://gitlab.com/api/v4/user | Select-Object -First 1\n", rule: None },
    // ---------------------------------------------------------------- q30 `sk_live_`
    // index 56821998198
    Case { family: DOC, form: "q30.1 markdown env table stripe key elided", file: "README.md", text: "| Variable | Value |\n|---|---|\n| `ANTHROPIC_API_KEY` | Your Anthropic key |\n| `RAPIDAPI_KEY` | Your RapidAPI key |\n| `STRIPE_SECRET_KEY` | Your Stripe secret key (sk_live_...) |\n| `STRIPE_WEBHOOK_SECRET` | From Stripe webhook dashboard |\n| `STRIPE_PRICE_MONTHLY` | price_xxx for Plus monthly |\n", rule: None },
    // index 68346986673
    Case { family: GO, form: "q30.2 go test detector input stripe live key fixture in raw string", file: "guardrail/secrets_test.go", text: "func TestSecretsDetectsStripeKey(t *testing.T) {\n\tg := guardsecrets.New(guardrail.Strategy{})\n\tresult, err := g.Evaluate(ctx(), guardrail.DirectionInput, []byte(`{SKL}`))\n\tassertNoError(t, err)\n\tassertDecision(t, result, guardrail.DecisionBlock)\n}\n", rule: Some("stripe-secret-key") },
    // index 55039368378
    Case { family: PY, form: "q30.3 python test secrets dict built tokens and literal postgres url password", file: "tests/test_scrub.py", text: "_SECRETS = {\n    \"ssn\": \"123-45-6789\",\n    \"github_pat\": \"ghp_\" + \"A\" * 36,\n    \"github_app\": \"ghs_\" + \"B\" * 36,\n    \"anthropic\": \"sk-ant-\" + \"C\" * 40,\n    \"xai\": \"xai-\" + \"D\" * 40,\n    \"groq\": \"gsk_\" + \"E\" * 30,\n    \"huggingface\": \"hf_\" + \"F\" * 35,\n    \"stripe_live\": \"sk_live_\" + \"G\" * 30,\n    \"twilio_sid\": \"AC\" + \"0\" * 32,\n    \"sendgrid\": \"SG.\" + \"H\" * 22 + \".\" + \"I\" * 43,\n    \"aws_access\": \"AKIA\" + \"J\" * 16,\n    \"postgres_url\": \"postgres://user:{UW}@db.example.com:5432/app\",\n}\n", rule: Some("postgres-url-password") },
    // index 62638870233
    Case { family: DOC, form: "q30.4 markdown prose swap to sk_live_ elided key", file: "docs/LAUNCH.md", text: "When the test purchase works, switch Stripe out of test mode, swap\n`STRIPE_SECRET_KEY` to the `sk_live_...` key, redeploy, and you're live.\n", rule: None },
    // index 40734080688
    Case { family: DOC, form: "q30.5 markdown env sample generate-with instructions and your_ fill-ins", file: "docs/SECURITY.md", text: "# Copy this to .env and fill in real values\n# NEVER commit .env to git!\n\n# Flask\nSECRET_KEY=generate-with-python-secrets\nFLASK_DEBUG=False\n\n# Database\nDATABASE_URL=postgresql://user:password@localhost:5432/paysecure\n\n# JWT\nJWT_SECRET_KEY=generate-with-python-secrets\n\n# Stripe\nSTRIPE_API_KEY=sk_live_your_secret_key\nSTRIPE_WEBHOOK_SECRET=whsec_your_webhook_secret\n", rule: None },
    // ---------------------------------------------------------------- p1 `speckle_token = "`
    // index 31268409630
    Case { family: PY, form: "p1.1 python streamlit speckle_token literal then get_account_from_token", file: "dashboards/utils.py", text: "def setup_speckle_connection(models_limit=100):\n    speckle_server = \"macad.speckle.xyz\"\n    speckle_token = \"{S}\"\n    client = SpeckleClient(host=speckle_server)\n    account = get_account_from_token(speckle_token, speckle_server)\n    client.authenticate_with_account(account)\n\n    project_id = '31f8cca4e0'\n", rule: Some("speckle-token") },
    // index 3803425794
    Case { family: JS, form: "p1.2 tsx module const ZMK_SPECKLE_TOKEN beside self-hosted server", file: "src/pages/zmk/ZmkPage.tsx", text: "const { Title, Text, Paragraph } = Typography;\n\n// ZMK Speckle Config\nconst ZMK_SPECKLE_SERVER = \"https://speckle.structura-most.ru\";\nconst ZMK_SPECKLE_TOKEN = \"{S}\";\nconst ZMK_SPECKLE_STREAM = \"99d6211223\";\n\ninterface SpeckleModel {\n    id: string;\n    name: string;\n", rule: Some("speckle-token") },
    // index 27556639493
    Case { family: PY, form: "p1.3 python test speckle_token literal passed to own Client", file: "tests/test_speckle_server.py", text: "def test_speckleServer():\n\n    speckle_server = \"https://bg-designflow.germanywestcentral.cloudapp.azure.com\"\n    speckle_token = \"{S}\"\n\n    client_obj = Client(speckle_server, speckle_token)\n    stream_obj = Stream(client_obj, 0)\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- p3 `DB_PASSWORD=`
    // index 41531345138
    Case { family: DOC, form: "p3.1 markdown docker run -e DB_PASSWORD literal", file: "README.es.md", text: "> ```bash \n> docker build -t offers_management_api .\n> docker run -d -p 9876:9876 --name offers_management_api --network offer_net -e DB_USER=admin_db -e DB_PASSWORD={W} -e DB_HOST=offers_management_db -e DB_PORT=5432 -e DB_NAME=offer_db offers_management_api\n> ```\n", rule: Some("generic-password") },
    // index 31418547878
    Case { family: SHELL, form: "p3.2 shell DB_PASSWORD from env with :- concrete default", file: "scripts/deploy-triggers.sh", text: "# Récupération des variables d'environnement (ou utilisation des valeurs par défaut)\nDB_HOST=${POSTGRES_HOST:-localhost}\nDB_PORT=${POSTGRES_PORT:-5432}\nDB_NAME=${POSTGRES_DB:-remix_nestjs_dev}\nDB_USER=${POSTGRES_USER:-postgres}\nDB_PASSWORD=${POSTGRES_PASSWORD:-{W}}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `Pwd=`
    // index 6030340754
    Case { family: CSHARP, form: "p4.1 c# const ado connection string Pwd literal", file: "Database/DataAccess.cs", text: "    public class DataAccess\n    {\n        MySqlConnection conn;\n        MySqlCommand cmd;\n        MySqlDataReader reader;\n        const string ConnectionString = \"Server=localhost;Database=angularwebshop;Uid=root;Pwd={UW};\";\n", rule: Some("connection-string-password") },
    // index 25597250429
    Case { family: OTHER, form: "p4.2 sql comment set MYSQL_PWD literal", file: "create-db.sql", text: "--\n-- set MYSQL_PWD={W}\n-- \"%programfiles%\\MySQL\\MySQL Server 8.0\\bin\\mysql.exe\" -u root < create-db.sql\n--\n\ndrop  database if exists kt_zh;\n", rule: Some("generic-password") },
    // index 71650920974
    Case { family: PY, form: "p4.3 python f-string PWD env lookup with concrete default", file: "scripts/db2.py", text: "    return ibm_db_dbi.connect(\n        f\"DATABASE={os.environ.get('DB2_DATABASE', 'COREBANK')};\"\n        f\"HOSTNAME={os.environ.get('DB2_HOST', 'localhost')};\"\n        f\"PORT={os.environ.get('DB2_PORT', '50000')};PROTOCOL=TCPIP;\"\n        f\"UID={os.environ.get('DB2_USER', 'db2inst1')};\"\n        f\"PWD={os.environ.get('DB2_PASSWORD', '{W}')};\",\n        \"\",\n        \"\",\n    )\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p5 `API_KEY = '`
    // index 38034289878
    Case { family: PHP, form: "p5.1 php protected property api_key google key", file: "src/ProcessGoogleBooksAPIMetadata.php", text: "class ProcessGoogleBooksAPIMetadata\n{\n    protected $book_metadata_requested;\n    protected $api_key = '{GAK}';\n    protected $retrieved_book_metadata;\n", rule: Some("google-api-key") },
    // index 30724849653
    Case { family: JS, form: "p5.2 js const API_KEY uuid key beside agent id", file: "server.js", text: "const app = express();\napp.use(cors());\napp.use(express.json());\n\nconst API_KEY = '{KUUID}';\nconst AGENT_ID = '{UUID}';\n\napp.post('/api/vapi', async (req, res) => {\n", rule: Some("generic-api-key") },
    // index 71654596953
    Case { family: PY, form: "p5.3 python module API_KEY n8n jwt literal", file: "scripts/n8n_sync.py", text: "# -*- coding: utf-8 -*-\nimport json\nimport requests\nimport sys\n\nsys.stdout.reconfigure(encoding='utf-8')\n\nAPI_KEY = '{JWT}'\n", rule: Some("jwt") },
    // ---------------------------------------------------------------- p6 `xoxp-`
    // index 19248261293
    Case { family: PY, form: "p6.1 python Slacker constructor user token", file: "rally_to_slack.py", text: "import sys, os\nfrom pyral import Rally, rallyWorkset, RallyRESTAPIError\nfrom slacker import Slacker\n\nslack = Slacker('{XOXP}')\n", rule: Some("slack-user-token") },
    // index 72529283
    Case { family: DOC, form: "p6.2 markdown python block SLACK_TOKEN user token example value", file: "README.md", text: "```python\nSLACK_WEBHOOK_URL = 'https://slack.com/api/chat.postMessage'\nSLACK_TOKEN = '{XOXP}'\n```\n\nEnsure SLACK_CHANNEL is set for the default channel for alerts.\n", rule: Some("slack-user-token") },
    // ---------------------------------------------------------------- p7 `hooks.slack.com/services/T`
    // index 30634356034
    Case { family: PHP, form: "p7.1 php model routeNotificationForSlack returns webhook", file: "app/User.php", text: "    public function routeNotificationForSlack($notification)\n    {\n        return '{SLWH}';\n    }\n", rule: Some("slack-webhook-url") },
    // index 41368339
    Case { family: OTHER, form: "p7.2 cson config slack beta webhook url", file: "config/app.cson", text: "    slack: {\n      beta: \"{SLWH}\"\n    }\n    \n    legal: {\n      privacy: \"https://docs.google.com/document/d/15y4HGnX2mcNhq3wtd8WvYZMISyrmNrIxub_wCxzT1TA/pub?embedded=true\"\n", rule: Some("slack-webhook-url") },
    // ---------------------------------------------------------------- p8 `postgres://postgres:`
    // index 66720576209
    Case { family: RUBY, form: "p8.1 ruby ENV", file: "harness.rb", text: "ROOT = File.expand_path(__dir__)\n\nENV['DATABASE_URL'] ||= 'postgres://postgres:{UW}@postgres:5432/blog_development'\nENV['BLOG_DATABASE_PASSWORD'] ||= '<set in production>'\n", rule: Some("postgres-url-password") },
    // index 11070042314
    Case { family: RUST, form: "p8.2 rust anyhow context message with example url password", file: "src/config.rs", text: "        let database_url = std::env::var(\"DATABASE_URL\")\n            .context(\"DATABASE_URL is required (example: postgres://postgres:{UW}@localhost:5432/paldesigner)\")?;\n", rule: Some("postgres-url-password") },
    // index 22395896384
    Case { family: DOC, form: "p8.3 markdown fly secrets set DATABASE_URL with password", file: "FLY_COMMANDS.md", text: "```bash\n# 1. Crea app\nfly apps create bali-zero-journal --org personal\n\n# 2. Configura secrets\nfly secrets set DATABASE_URL=\"postgres://postgres:{UW}@bali-zero-db.flycast:5432\" -a bali-zero-journal\n\nfly secrets set NODE_ENV=production PORT=3000 -a bali-zero-journal\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- p9 `mysql://root:`
    // index 38110370733
    Case { family: PY, form: "p9.1 python create_engine pymysql url password", file: "vendor_summary.py", text: "if __name__ == \"__main__\":\n    # SQLAlchemy engine\n    engine = create_engine(\"mysql+pymysql://root:{UW}@localhost/inventory\")\n\n    logging.info(\"Creating vendor summary table\")\n", rule: Some("mysql-url-password") },
    // index 8031295008
    Case { family: PY, form: "p9.2 python module db_connect_string pymysql password", file: "app/db.py", text: "from sqlalchemy import create_engine\nfrom sqlalchemy.orm import scoped_session, sessionmaker\nfrom contextlib import contextmanager\n\ndb_connect_string = 'mysql+pymysql://root:{UW}@localhost:3306/nlp_platform?charset=utf8'\nssl_args = {\n\n}\n", rule: Some("mysql-url-password") },
    // index 30702665268
    Case { family: PY, form: "p9.3 python DB_URL constant pymysql password", file: "models.py", text: "from sqlalchemy.orm import declarative_base, relationship\n\nDB_URL = \"mysql+pymysql://root:{UW}@localhost/stocks_project\"\nengine = create_engine(DB_URL, echo=True)\n", rule: Some("mysql-url-password") },
    // ---------------------------------------------------------------- p10 `BEGIN EC PRIVATE KEY`
    // index 22188152398
    Case { family: SHELL, form: "p10.1 shell quoted heredoc writes ecdsa host key", file: "setup/ssh-keys.sh", text: "chmod 644 /etc/ssh/ssh_host_dsa_key.pub\n\ncat << 'EOF' > /etc/ssh/ssh_host_ecdsa_key\n{ECH}\n{ECBODY}\n{ECE}\nEOF\nchmod 600 /etc/ssh/ssh_host_ecdsa_key\n", rule: Some("private-key-ec") },
    // ---------------------------------------------------------------- p11 `AWS_ACCESS_KEY_ID=AKIA`
    // index 50796641704
    Case { family: CI, form: "p11.1 travis log export AWS_ACCESS_KEY_ID", file: "ci-logs/travis-job.log", text: "Encrypted environment variables have been removed for security reasons.\nSee https://docs.travis-ci.com/user/pull-requests/#pull-requests-and-security-restrictions\n$ export SCCACHE_BUCKET=rust-lang-ci-sccache2\n$ export SCCACHE_REGION=us-west-1\n$ export GCP_CACHE_BUCKET=rust-lang-ci-cache\n$ export AWS_ACCESS_KEY_ID={AKIA}\n---\n", rule: Some("aws-access-key-id") },
    // index 71618978884
    Case { family: JS, form: "p11.2 tsx sample env document template with url password beside aws example key", file: "src/components/DocumentVaultView.tsx", text: "const SAMPLE_DOCS = [\n  {\n    name: 'production.env',\n    type: 'env',\n    content: `# Production Environment Config\nNODE_ENV=production\nPORT=8080\nDATABASE_URL=postgres://admin:{UW}@192.168.1.45:5432/core_db\nAWS_ACCESS_KEY_ID={AKIAEX}\n`,\n  },\n", rule: Some("postgres-url-password") },
    // index 60817988659
    Case { family: PY, form: "p11.3 python parametrize rows github token fixture after aws example key", file: "tests/test_sanitizer.py", text: "    @pytest.mark.parametrize(\n        \"input_text,pattern_type,expected_redacted\",\n        [\n            (\n                \"AWS_ACCESS_KEY_ID={AKIAEX}\",\n                \"aws_access_key\",\n                \"AWS_ACCESS_KEY_ID=[AWS_ACCESS_KEY_REDACTED]\",\n            ),\n            (\n                \"GITHUB_TOKEN={GHP}\",\n                \"github_token\",\n                \"GITHUB_TOKEN={GHP}\",\n", rule: Some("github-pat") },
    // ---------------------------------------------------------------- p12 `client_secret="`
    // index 48497056163
    Case { family: SHELL, form: "p12.1 shell export CLIENT_SECRET literal then base64 credentials", file: "setup/btp-ias.sh", text: "echo \"Encode client credentials\"\nexport IDENTITY_AUTHENTICATION_INSTANCE=\"ag2ppojhf.trial-accounts.ondemand.com\"\nexport CLIENT_ID=\"{UUID}\"\nexport CLIENT_SECRET=\"{C}\"\nexport ENCODED_CREDENTIALS=$(echo -n \"$CLIENT_ID:$CLIENT_SECRET\" | base64)\n", rule: Some("generic-secret") },
    // index 29173253093
    Case { family: SHELL, form: "p12.2 shell export AB_CLIENT_SECRET weak literal for mock server", file: "tests/cli-unit-test.sh", text: "# Instructions:\n# - Run the Justice SDK Mock Server first before running this script.\n\nEXIT_CODE=0\nPYTHON='python3'\nMODULE='accelbyte_py_sdk_cli'\nMODULE_PATH='../samples/cli'\n\nexport AB_BASE_URL=\"http://127.0.0.1:8080\"\nexport AB_CLIENT_ID=\"admin\"\nexport AB_CLIENT_SECRET=\"{C}\"\nexport AB_NAMESPACE=\"test\"\n", rule: Some("generic-secret") },
    // index 9675376118
    Case { family: PY, form: "p12.3 python secret_id literal then url query client_secret", file: "unsplash.py", text: "    per_page = '30'\n\n    client_id = '{CID43}'\n    secret_id = '{C}'\n    collection_id = collection_id\n    url_api = \"https://api.unsplash.com/collections/\"+collection_id+\"/photos/?client_id=\" + client_id+\"&client_secret=\"+secret_id+\"&per_page=\"+str(per_page)\n    response = requests.get(url_api)\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p13 `secret_key = '`
    // index 38764088652
    Case { family: PY, form: "p13.1 python flask app.secret_key weak literal", file: "app.py", text: "load_dotenv()\n\napp = Flask(__name__)\napp.secret_key = '{C}'\napp.config['JWT_TOKEN_LOCATION'] = ['cookies']\n", rule: Some("generic-secret") },
    // index 53159839347
    Case { family: PY, form: "p13.2 python flask secret_key descriptive literal", file: "app.py", text: "import io\nimport base64\n\napp = Flask(__name__)\napp.secret_key = '{C}'\n\n# Ensure reports directory exists\nos.makedirs('reports', exist_ok=True)\n", rule: Some("generic-secret") },
    // index 19079688747
    Case { family: PY, form: "p13.3 python flask secret_key literal with change-in-production comment", file: "app.py", text: "import threading\nimport time\n\napp = Flask(__name__)\napp.secret_key = '{C}'  # Change this in production\n\n# Configuration\nBASE_DIR = 'AI-Interviewer'\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p14 `token: '`
    // index 48566063780
    Case { family: RUBY, form: "p14.1 ruby spec hash auth_token fixture literal", file: "spec/facades/users_facade_spec.rb", text: "RSpec.describe UsersFacade do\n  describe 'Instance methods' do\n    describe 'user' do\n      it 'returns a user object', :vcr do\n        user_details =\n          {\n            name: 'Joe',\n            email: 'joe@example.com',\n            google_id: '412gfhgf235',\n            auth_token: '{T}'\n          }\n        dms = DraftMadnessService.new.register_user(user_details)\n", rule: Some("generic-token") },
    // index 62475225515
    Case { family: JS, form: "p14.2 ts jest login call with password literal argument", file: "src/auth/auth.service.spec.ts", text: "    const service = new AuthService(\n      { findByEmailWithPassword: jest.fn().mockResolvedValue(user) } as any,\n      { sign: jest.fn().mockReturnValue('jwt') } as any,\n    );\n    await expect(service.login('admin@example.com', '{W}')).resolves.toMatchObject({\n      accessToken: 'jwt',\n    });\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p15 `sk-ant-api03-`
    // index 59715626606
    Case { family: GO, form: "p15.1 go test table anthropic key fixture beside key header and aws example", file: "hooks/secrets_test.go", text: "func TestSecretPatterns(t *testing.T) {\n\tblock := []string{\n\t\t\"+{RSAH}\",\n\t\t\"+aws_key = {AKIAEX}\",\n\t\t\"+key = {ANT}\",\n\t}\n\tpass := []string{\"+const skill = 'sk-illful'\", \"+// mention AKIA keys in docs\", \"+x = 1\"}\n", rule: Some("anthropic-api-key") },
    // index 68884327331
    Case { family: JS, form: "p15.2 ts test module const KEY anthropic fixture", file: "src/ai/service.test.ts", text: "import { MemoryAiKeyStore } from './key-store';\nimport { AiService, describeAiError, usageDTO } from './service';\nimport { RefusedError } from './agent';\n\nconst KEY = '{ANT}';\n\nfunction archive(): DB {\n", rule: Some("anthropic-api-key") },
    // ---------------------------------------------------------------- p16 `hf_`
    // index 200605
    Case { family: PY, form: "p16.1 python commented headers dict Bearer huggingface token", file: "app.py", text: "# @app.route('/Summarize',methods = ['GET', 'POST'])\n# def Summarize():\n#     if request.method == 'POST':\n#         API_URL = \"https://api-inference.huggingface.co/models/facebook/bart-large-cnn\"\n#         headers = {\"Authorization\": \"Bearer {HF}\"}\n\n#         data =request.form['text']\n", rule: Some("huggingface-token") },
    // ---------------------------------------------------------------- p17 `SECRET_TOKEN = "`
    // index 48205430288
    Case { family: JAVA, form: "p17.1 java static final SECRET_TOKEN smtp auth code", file: "src/main/java/util/MyEmailUtil.java", text: "public class MyEmailUtil {\n    private static final String FROM = \"sender@example.com\";\n    private static final String SECRET_TOKEN = \"{QQ16}\";\n\n    public static void send(String name, String email, String content) throws Exception {\n", rule: Some("generic-token") },
    // index 57101867783
    Case { family: PY, form: "p17.2 python constant and php string secret_token literal", file: "scripts/cleanup_story.py", text: "FTP_HOST = \"51.79.53.190\"\nFTP_USER = \"alotoinghe\"\nSECRET = \"{T}\"\n\ndef run():\n    print(\"=\" * 60)\n    print(\"🚀 LIVE DATABASE STORY CLEANUP ENGINE (STORY ID 2710)\")\n    print(\"=\" * 60)\n    \n    php_code = \"\"\"<?php\nrequire('./wp-load.php');\n\n$secret_token = \"{T}\";\nif (!isset($_GET['secret']) || $_GET['secret'] !== $secret_token) {\n    die(json_encode([\"error\" => \"Access denied\"]));\n}\n", rule: Some("generic-token") },
    // index 10783025873
    Case { family: HCL, form: "p17.3 terraform webhook authentication_configuration secret_token literal", file: "codepipeline.tf", text: "resource \"aws_codepipeline_webhook\" \"backend\" {\n  name            = var.backend_codepipeline_name\n  target_pipeline = aws_codepipeline.backend.name\n  target_action   = \"Source\"\n  authentication  = \"GITHUB_HMAC\"\n\n  authentication_configuration {\n    secret_token = \"{T}\"\n  }\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p19 `pypi-AgEI`
    // index 173220627
    Case { family: PY, form: "p19.1 python module _password pypi token", file: "publish.py", text: "import subprocess\n\n_user = \"vald3nir\"\n_password = \"{PYPI}\"\n\n\ndef publish_package():\n    subprocess.run([\"rm\", \"-rf\", \"dist\"])\n", rule: Some("pypi-token") },
    // index 25391188902
    Case { family: GO, form: "p19.2 go test const raw string pypi token", file: "veles/secrets/pypiapitoken/validator_test.go", text: "import (\n\t\"context\"\n\t\"net/http\"\n\t\"net/http/httptest\"\n\t\"net/url\"\n\t\"strings\"\n\t\"testing\"\n)\n\nconst validatorTestKey = `{PYPI}`\n\n// mockTransport redirects requests to the test server\n", rule: Some("pypi-token") },
    // ---------------------------------------------------------------- p20 `Bearer eyJ`
    // index 15984212007
    Case { family: JS, form: "p20.1 js const Authorization Bearer jwt literal", file: "scripts/seed.js", text: "const Authorization = \"Bearer {JWT}\";\nconst urlAPI = \"http://localhost:9000/graphql\"\n\nconst createUser = async (id, email, password, role) => {\n", rule: Some("jwt") },
    // index 60017048022
    Case { family: PY, form: "p20.2 python test jwt split over implicit string concatenation", file: "tests/test_scrubsmith.py", text: "# 8. --scrubsmith-output still detects secrets\ndef test_scrubsmith_output_still_detects_secrets() -> None:\n    jwt = (\n        \"Authorization: Bearer {JWTA}\"\n        \"{JWTB}\\n\"\n    )\n", rule: Some("jwt") },
    // index 24028763997
    Case { family: PY, form: "p20.3 python commented event headers authorization Bearer jwt", file: "lambda_function.py", text: "# lambda_handler(\n#     {\n#         \"httpMethod\": \"POST\",\n#         \"path\": \"/api/task\",\n#         \"headers\": {\n#             \"authorization\": \"Bearer {JWT}\"\n#         },\n", rule: Some("jwt") },
];

#[test]
fn held_aside_real4() {
    SET.measure("real4", CASES, 41017, 58, 136);
}
