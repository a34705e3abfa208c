//! Eighth held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet, in code nobody tuned on). The seven
//! earlier real-code sets have been measured (`heldout_real5` and `heldout_real6` spent and
//! tuned on, `heldout_real7` still blind); this one, with new queries, measures code nobody
//! has looked at for tuning. It follows the sixth set's procedure and the shared harness
//! ([`super::blind_harness`]), with its queries biased toward what the earlier sets had
//! little of: Go, YAML (Compose, CI, Helm values, Ansible), Terraform, Dockerfiles, Kotlin,
//! C#, Ruby, shell, properties and INI files, JSON, SQL, Java, and Speckle and Spell.
//!
//! Written blind on 2026-12-07 (branch `blindset13`): the engine (`src/context/` other than
//! `blind_harness.rs`, the `Case`/`fill` helpers of `heldout_fresh2.rs` and the spent sets
//! `heldout_real5`/`heldout_real6` as layout examples), `src/rules`, the rule bodies (only
//! their ids, from `leakgate rules list`) and the miss lists of the earlier sets were not
//! read; `heldout_real7.rs` was never opened (its index ids were extracted by a script that
//! printed ids only, to exclude its files).
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. The queries, committed first in `docs/blind-sets/real8-queries.md` (36 stage-1 and 16
//!    stage-2 exact strings, none a query string of `heldout_real3` to `heldout_real6` or
//!    `tuning_real7`), each sent once to the public-code string index (`find_string`,
//!    context 300 characters), in order. A file any earlier real-code set sampled (by index
//!    id: the ids of every earlier set, `heldout_real7`'s included) is skipped, as is an
//!    excerpt that is not source or config text.
//! 2. Stage 1: the first 3 usable excerpts of each query, whatever their label; cases
//!    `q<query>.<case>`. Stage 2 (positives only): the first 3 excerpts holding a literal
//!    credential by the labels below, in the order returned; cases `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter (a line cut by the
//!    window dropped). Each case's comment gives the index id of its file (`read_file` with
//!    that id opens it); the case's `file` is a plausible name for its language and kind.
//! 4. Labels, decided from the code before the scanner ever ran on it (the sixth set's):
//!    - POSITIVE: a literal credential value (a real-looking key, token or password; a
//!      concrete default used when a variable is missing; a concrete fixture value in a test;
//!      a weak but concrete password such as `123456`, a password equal to its user name, a
//!      word used as a login password). It expects the rule a user would want: the provider
//!      rule when the value has a provider's shape, `connection-string-password` for an
//!      ADO.NET `Password=` pair, `speckle-token` for a Speckle token, else the generic rule
//!      by role (`generic-password`, `generic-token`).
//!    - NEGATIVE: no literal (a variable, a lookup, a template, a type, prose, a list of
//!      names), an empty value, an elision, a placeholder for a value the reader supplies
//!      (`your_password`, `YOUR_...`, `xxxxxx`, `<...>`, the bare words `password`, `pass`,
//!      `pwd`, `secret`, `pw`), word fixtures (`test password`, `secret-token`,
//!      `super-secret-value`, `secret_key`, `testKey`, `secret123`), values joining a role
//!      and the word password (`ansiblepassword`, `adminpass`, `systems_password`), and a
//!      shipped, published default (`minioadmin`, Bitnami's `bitnami`, Vagrant's `vagrant`,
//!      SonarQube's `admin/admin`, GitHub's documented sample token).
//!    - One case measures one value: where an excerpt holds several credential literals, the
//!      measured one is the hit line's, else the first by position; the lines holding the
//!      others are trimmed away when they stand on lines of their own (q34.1's `postgres123`,
//!      p13.1's LangSmith key, p14.1's FamilySearch developer key, p14.3's PIN, p16.2's
//!      base64 root user), else they get the same placeholder.
//! 5. A positive's value is replaced by a value of the SAME SHAPE generated at run time (the
//!    same length and the same character classes in the same places: `admin` becomes five
//!    random lowercase letters, `123456` six random digits, a Google key `AIza` and 35
//!    URL-safe characters), so the repository holds no credential. Personal e-mail
//!    addresses are replaced by example ones; non-secret hex (object ids, a container id, an
//!    Ethereum address) is written as the shared generator's `{HEX32}`/`{HEX40}`/`{HEX64}`.
//! 6. The cases were committed before any scan of a case; then the test runs once; no case
//!    is changed, dropped or relabelled after its result is seen.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: 36 queries x 3 = 108 cases (15 positives, 93 negatives). Three queries' first
//! three excerpts were all files an earlier set sampled and were skipped (q11
//! `db.password=`, q20 `smtp_settings`, q34 `PGADMIN_DEFAULT_PASSWORD`; the next three
//! usable taken). The Speckle queries gave one literal token (q30.3, a Speckle viewer call
//! in a commented line); `spell whoami` gave CLI docs and other tools named `*spell`, no
//! Spell credential.
//!
//! Stage 2 (positives only, first 3 holding a literal, ranks among the 10 returned):
//! - p1 `speckle_token=`: 0 positives among 10 (`...`, `your-token`, `your_token_here`,
//!   `<personal access token ...>`, `xxx`, `PALCEHOLDER`, variable references)
//! - p2 `DB_PASSWORD: ` (positives at ranks 3, 4, 8; rank 2 the bare word `password`, the
//!   rest None, fill-ins, Joi types, env lookups, `fake-password`)
//! - p3 `ansible_become_password=` (one positive, rank 8; rank 2 `ansiblepassword` a
//!   role-and-password placeholder, rank 3 Vagrant's shipped `vagrant`, the rest format fields
//!   and variables)
//! - p4 `quarkus.datasource.password` (positives at ranks 4, 5; ranks 1, 2 the bare word
//!   `secret`, the rest lookups and references)
//! - p5 `--requirepass ` (positives at ranks 5, 9, 10; rank 1 `pw`, rank 7 `mypass`
//!   placeholders, the rest variables)
//! - p6 `admin_password = "` (positives at ranks 2, 3, 4; rank 1 a choose-your-own
//!   instruction)
//! - p7 `Password = "` (positives at ranks 1, 3, 4; rank 2 a property name, the rest
//!   empty, `Dummy`, template fields)
//! - p8 `token := "` (one positive, rank 6; the rest empty, word fixtures
//!   `rt1.validtokenopaque`, `api_key`, `accessToken`, `readonlytoken`)
//! - p9 `private val apiKey = "` (positives at ranks 1, 2, 3)
//! - p10 `IDENTIFIED BY "` (one positive, rank 6; ranks 9, 10 the bare word `password` and
//!   `your_password`, the rest concatenations, binds and prose)
//! - p11 `export DB_PASSWORD=` (positives at ranks 4, 5, 9; the rest generated,
//!   `your-db-password`, `SUA_SENHA`, `your_postgres_password`, `your_password`,
//!   `crypto_password`, `your_secure_password`)
//! - p12 `"access_token": "` (one positive, rank 1, a login password in the sample
//!   request; rank 2 GitHub's published documentation sample token, the rest `<your_jwt_here>`,
//!   `eyJ...`, word fixtures, `dummy-token`)
//! - p13 `os.environ['OPENAI_API_KEY'] = '` (positives at ranks 5, 6, 7; the rest
//!   `sk-your-key-here`, test words, `your_api_key`, empty, `NA`)
//! - p14 `:password => '` (positives at ranks 1, 4, 5; ranks 2, 3 the bare word
//!   `password`, the rest PHP constants, empty values)
//! - p15 `db_pass = ` (positives at ranks 3, 5, 8; rank 4 `adminpass` and rank 7
//!   `systems_password` role-and-password placeholders, the rest constants, env lookups,
//!   fill-ins)
//! - p16 `MINIO_ROOT_PASSWORD` (positives at ranks 3, 4, 8; ranks 9 MinIO's shipped
//!   `minioadmin`, 10 a default `rfpose-secret` in a role-and-secret form, the rest names,
//!   references and fill-ins)
//!
//! Stage 2 gave 36 positives. Total: 144 cases, 51 positives, 93 negatives. By file kind
//! (cases, positives): Markdown and docs 27 (11), Python 26 (7), JavaScript/TypeScript 15
//! (5), shell 9 (4), Java 8 (4), Go 8 (4), Kotlin 8 (4), C# 8 (1), Ruby 6 (4), other
//! languages 6 (2: Arduino, a Windows batch file; also 1C, C++, a Makefile), Dockerfiles 5
//! (1), Terraform 4 (0), PHP 3 (0), CI configuration 3 (0), PowerShell 2 (1), SQL 2 (1),
//! Compose 2 (1), Rust 1 (0), `.env` files 1 (1). By expected rule: `generic-password` 43,
//! `google-api-key` 2, `openai-project-key` 2, `openai-user-key` 1,
//! `connection-string-password` 1, `speckle-token` 1, `generic-token` 1.
//!
//! # The one blind run (recorded by its author; only this line was read)
//!
//! On this branch at main ca0b327 (session 13's start):
//! `held-aside (real8): recall 30/51 = 0.588, precision 31/31 = 1.000, negatives quiet 93/93`.
//!
//! Generator check (after the run, never a case: each shape of this set drawn three times by
//! a Python copy of the generators, alone in a one-line `PASSWORD=<value>` file, or
//! `TOKEN=`/`VALUE=`/`SPECKLE_TOKEN=` for the token and provider shapes, scanned by the
//! session-start binary): not reported alone were 4 and 6 digits, 4 to 7 lowercase letters,
//! 4 capitals, and a digit, a capital, a lowercase letter, a capital, nine lowercase letters
//! and `<` (`{PWEL14}`); reported in part of the draws: 8 lowercase letters (2 of 3), three
//! hyphen-joined lowercase runs (2 of 3), a digit, five lowercase letters, `_`, three
//! lowercase letters (1 of 3). Every other shape, and each provider and token shape, was
//! reported by a rule each time.
//!
//! # Measuring
//!
//! The shared harness ([`super::blind_harness`]): recall, precision, negatives quiet,
//! per-family lines, the missed and noisy forms, over the six generic rules and every rule a
//! case expects. A Speckle token (`{S}`) must be reported whole; any other value counts when
//! the report holds it, or is a part of it of at least 16 characters.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed or
//! a scan panics, never on low recall. It is BLIND: only its summary line may be read; run
//! it without `--nocapture` unless recording that line:
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real8::held_aside_real8`

#![cfg(test)]

use super::blind_harness::{
    BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, LOWER, LOWER_DIGITS, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const GO: &str = "Go";
const JAVA: &str = "Java";
const KOTLIN: &str = "Kotlin";
const CSHARP: &str = "C#";
const RUBY: &str = "Ruby";
const PHP: &str = "PHP";
const RUST: &str = "Rust";
const SHELL: &str = "shell scripts";
const PWSH: &str = "PowerShell";
const CI: &str = "CI configuration";
const COMPOSE: &str = "Compose files";
const HCL: &str = "Terraform";
const DOCKER: &str = "Dockerfiles";
const SQL: &str = "SQL";
const ENV: &str = ".env files";
const DOC: &str = "Markdown and docs";
const OTHER: &str = "other languages";

/// The generic rules, always measured; provider rules named by a case are added to them.
const GENERIC: [&str; 6] = [
    "speckle-token",
    "spell-token",
    "generic-password",
    "generic-secret",
    "generic-token",
    "generic-api-key",
];

/// The password shapes of this set (see [`values`]).
const PASSWORDS: &[&str] = &[
    "{L4}",
    "{L5}",
    "{L6}",
    "{L7}",
    "{L8}",
    "{L16}",
    "{D4}",
    "{D6}",
    "{D8}",
    "{U4}",
    "{L5D3}",
    "{L9D3}",
    "{U5D3}",
    "{L4AD4}",
    "{SL6S}",
    "{B62_8}",
    "{B64_44}",
    "{H32U4}",
    "{HYPH3}",
    "{PWM15}",
    "{PWF14}",
    "{PWAR14}",
    "{PWLAB10}",
    "{PW3F10}",
    "{PWEL14}",
    "{PWSW12}",
    "{LMSPW}",
    "{WIFIPW}",
];

/// For each rule a case may expect, the placeholders that can hold its value; a positive
/// holds exactly one of them.
const MEASURED: &[(&str, &[&str])] = &[
    ("speckle-token", &["{S}"]),
    ("generic-password", PASSWORDS),
    ("connection-string-password", &["{PWCAP13}"]),
    ("generic-token", &["{LD20}"]),
    ("google-api-key", &["{GAPI}"]),
    ("openai-project-key", &["{OAIPROJ}", "{OAIPROJ20}"]),
    ("openai-user-key", &["{OAILEG}"]),
];

/// Placeholders that must be reported whole (a Speckle token, as the earlier sets judge it).
const SHARED: [&str; 1] = ["{S}"];

/// Placeholders that stand for a secret (a negative must hold none of them): the shared
/// generator's and this set's.
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}",
    "{P}",
    "{W}",
    "{K}",
    "{C}",
    "{T}",
    "{L4}",
    "{L5}",
    "{L6}",
    "{L7}",
    "{L8}",
    "{L16}",
    "{D4}",
    "{D6}",
    "{D8}",
    "{U4}",
    "{L5D3}",
    "{L9D3}",
    "{U5D3}",
    "{L4AD4}",
    "{SL6S}",
    "{B62_8}",
    "{B64_44}",
    "{H32U4}",
    "{HYPH3}",
    "{PWM15}",
    "{PWF14}",
    "{PWAR14}",
    "{PWLAB10}",
    "{PW3F10}",
    "{PWEL14}",
    "{PWSW12}",
    "{LMSPW}",
    "{WIFIPW}",
    "{PWCAP13}",
    "{LD20}",
    "{GAPI}",
    "{OAIPROJ}",
    "{OAIPROJ20}",
    "{OAILEG}",
];

const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Every placeholder of this set and its value for one case's seed: the shared generator's
/// values first (`{S}` and the non-secret `{HEX32}`/`{HEX40}`/`{HEX64}` are used), then this
/// set's shapes, each the shape of the real value it replaces.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0008);
    let extra = [
        // Lowercase words of a given length (`root`, `admin`, `postgres`, a 16-letter app
        // password), digits only (`1234`, `123456`, `24852230`), uppercase (`NIKO`).
        ("{L4}", g.pick(LOWER, 4)),
        ("{L5}", g.pick(LOWER, 5)),
        ("{L6}", g.pick(LOWER, 6)),
        ("{L7}", g.pick(LOWER, 7)),
        ("{L8}", g.pick(LOWER, 8)),
        ("{L16}", g.pick(LOWER, 16)),
        ("{D4}", g.pick(DIGITS, 4)),
        ("{D6}", g.pick(DIGITS, 6)),
        ("{D8}", g.pick(DIGITS, 8)),
        ("{U4}", g.pick(UPPER, 4)),
        // Letters then digits (`admin123`, `ADMIN123`, a word and `333`).
        ("{L5D3}", g.pick(LOWER, 5) + &g.pick(DIGITS, 3)),
        ("{L9D3}", g.pick(LOWER, 9) + &g.pick(DIGITS, 3)),
        ("{U5D3}", g.pick(UPPER, 5) + &g.pick(DIGITS, 3)),
        // Four letters, `@`, four digits; `*`, six letters, `#`.
        (
            "{L4AD4}",
            [g.pick(LOWER, 4), "@".into(), g.pick(DIGITS, 4)].concat(),
        ),
        (
            "{SL6S}",
            ["*".into(), g.pick(LOWER, 6), "#".into()].concat(),
        ),
        // Eight mixed-case alphanumerics; 44 base64 ending in `=`; 32 hex and four capitals.
        ("{B62_8}", g.pick(BASE62, 8)),
        ("{B64_44}", g.pick(BASE64, 43) + "="),
        ("{H32U4}", g.pick(HEX, 32) + &g.pick(UPPER, 4)),
        // Three lowercase runs joined by hyphens (3, 9 and 5 letters).
        (
            "{HYPH3}",
            [g.pick(LOWER, 3), g.pick(LOWER, 9), g.pick(LOWER, 5)].join("-"),
        ),
        // Mixed passwords, position by position: two alphanumerics, `*`, twelve more.
        (
            "{PWM15}",
            [g.pick(BASE62, 2), "*".into(), g.pick(BASE62, 12)].concat(),
        ),
        // A capital, eleven digits, a lowercase letter, `@`.
        (
            "{PWF14}",
            [
                g.pick(UPPER, 1),
                g.pick(DIGITS, 11),
                g.pick(LOWER, 1),
                "@".into(),
            ]
            .concat(),
        ),
        // Two capitalised words, `@`, four digits (`AdminRole@1234`).
        ("{PWAR14}", {
            [
                g.pick(UPPER, 1),
                g.pick(LOWER, 4),
                g.pick(UPPER, 1),
                g.pick(LOWER, 3),
                "@".into(),
                g.pick(DIGITS, 4),
            ]
            .concat()
        }),
        // A capital, two lowercase, two capitals, `@`, four digits.
        ("{PWLAB10}", {
            [
                g.pick(UPPER, 1),
                g.pick(LOWER, 2),
                g.pick(UPPER, 2),
                "@".into(),
                g.pick(DIGITS, 4),
            ]
            .concat()
        }),
        // A digit, five lowercase, `_`, three lowercase.
        (
            "{PW3F10}",
            [
                g.pick(DIGITS, 1),
                g.pick(LOWER, 5),
                "_".into(),
                g.pick(LOWER, 3),
            ]
            .concat(),
        ),
        // A digit, a capital, a lowercase, a capital, nine lowercase, `<`.
        ("{PWEL14}", {
            [
                g.pick(DIGITS, 1),
                g.pick(UPPER, 1),
                g.pick(LOWER, 1),
                g.pick(UPPER, 1),
                g.pick(LOWER, 9),
                "<".into(),
            ]
            .concat()
        }),
        // Ten lowercase letters and digits, a capital, a lowercase letter.
        (
            "{PWSW12}",
            [g.pick(LOWER_DIGITS, 10), g.pick(UPPER, 1), g.pick(LOWER, 1)].concat(),
        ),
        // Two lowercase, two digits, two lowercase, two digits.
        (
            "{LMSPW}",
            [
                g.pick(LOWER, 2),
                g.pick(DIGITS, 2),
                g.pick(LOWER, 2),
                g.pick(DIGITS, 2),
            ]
            .concat(),
        ),
        // Two lowercase, `$@`, seven digits, a capital.
        (
            "{WIFIPW}",
            [
                g.pick(LOWER, 2),
                "$@".into(),
                g.pick(DIGITS, 7),
                g.pick(UPPER, 1),
            ]
            .concat(),
        ),
        // A capitalised word, `_`, three digits, `#` (in an ADO.NET connection string).
        ("{PWCAP13}", {
            [
                g.pick(UPPER, 1),
                g.pick(LOWER, 7),
                "_".into(),
                g.pick(DIGITS, 3),
                "#".into(),
            ]
            .concat()
        }),
        // A test's made-up token: twenty lowercase letters and digits.
        ("{LD20}", g.pick(LOWER_DIGITS, 20)),
        // A Google API key: `AIza` and 35 URL-safe characters.
        ("{GAPI}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        // OpenAI project keys, the current form (74 + marker + 74) and the older one
        // (20 + marker + 20); a legacy user key (`sk-`, 20 + marker + 20).
        ("{OAIPROJ}", {
            [
                "sk-",
                "proj-",
                &g.pick(URLSAFE, 74),
                "T3Blbk",
                "FJ",
                &g.pick(URLSAFE, 74),
            ]
            .concat()
        }),
        ("{OAIPROJ20}", {
            [
                "sk-",
                "proj-",
                &g.pick(BASE62, 20),
                "T3Blbk",
                "FJ",
                &g.pick(BASE62, 20),
            ]
            .concat()
        }),
        (
            "{OAILEG}",
            [
                "sk",
                "-",
                &g.pick(BASE62, 20),
                "T3Blbk",
                "FJ",
                &g.pick(BASE62, 20),
            ]
            .concat(),
        ),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    super::blind_harness::reports_whole_or_long_part(&SHARED, placeholder, value, reported)
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
    // -------------------- q1 `password: {{`
    // index 10577652711
    Case { family: PHP, form: "q1.1 php mail config template new password placeholder", file: "config/mail.php", text: "  \"sendPwd\"=>array(\n      \"subject\"=>\"new password\",\n      \"content\"=>\"Dear member,<br>your new password: {{password}}<br>Greetings<br>{{domain_name}}\"\n  ),\n  \"template\"=>array(\n      \"subject\"=>\"template\",\n      \"content\"=>\"Dear member,<br>{{content}}<br>Greetings<br>{{domain_name}}\"\n  )\n);\n", rule: None },
    // index 71336888826
    Case { family: JS, form: "q1.2 js test delivery template password mustache field", file: "test/fulfillment.test.js", text: "  const variant = db.products[0].variants[0];\n  variant.deliveryTemplate = [\n    \"NETFLIX {{variant_name}}\",\n    \"email: {{email}}\",\n    \"password: {{password}}\",\n    \"{{#if profile}}profile: {{profile}}{{/if}}\",\n    \"{{#if pin}}pin: {{pin}}{{/if}}\",\n    \"berakhir: {{rental_end}}\",\n  ].join(\"\\n\");\n  variant.deliveryTemplateVersion = 7;\n  variant.requiredDeliveryFields = [\"email\", \"password\", \"rental_end\"];\n", rule: None },
    // index 4855893936
    Case { family: CSHARP, form: "q1.3 c# email template one time password mustache", file: "Services/EmailTemplates.cs", text: "                    new EmailTemplate()\n                    {\n                        Subject = \"Sign in link\",\n                        Body = \"Use this link to sign in\\n{{link}}\\n\\nor use this one time password: {{one_time_password}}\",\n                    }\n                },\n            };\n            foreach(var template in templates)\n", rule: None },
    // -------------------- q2 `auth.password`
    // index 1091414
    Case { family: CSHARP, form: "q2.1 c# basic auth optional password HasValue", file: "Infrastructure/Web/RequestExtensions.cs", text: "        var fromBasicAuth = GetBasicAuth(request);\n        if (!fromBasicAuth.Username.HasValue)\n        {\n            return Optional<string>.None;\n        }\n\n        if (fromBasicAuth.Username.HasValue\n            && !fromBasicAuth.Password.HasValue)\n        {\n            return fromBasicAuth.Username;\n        }\n", rule: None },
    // index 53105717054
    Case { family: DOC, form: "q2.2 markdown config table default login password", file: "README.md", text: "| Property | Default | Description |\n|----------|---------|-------------|\n| `webssh.auth.username` | `admin` | Login username |\n| `webssh.auth.password` | `{L5D3}` | Login password |\n| `webssh.session-store.directory` | `./data/sessions` | Session data storage directory |\n| `webssh.crypto.master-key` | `change-this-master-key-in-production` | Credential encryption master key |\n", rule: Some("generic-password") },
    // index 32590483769
    Case { family: PHP, form: "q2.3 php laravel controller password view and validation", file: "app/Http/Controllers/AuthController.php", text: "    public function showPasswordForm() {\n        return view('auth.password');\n    }\n\n    public function updatePassword(Request $request) {\n        $request->validate([\n            'old_password' => 'required',\n            'password' => 'required|confirmed'\n        ]);\n\n        $user = Auth::user();\n        if (Hash::check($request->old_password, $user->password)) {\n", rule: None },
    // -------------------- q3 `ansible_ssh_pass`
    // index 11157820160
    Case { family: PY, form: "q3.1 python writes ansible inventory with format field password", file: "gen_inventory.py", text: "for line in config_data:\n    if line == '':\n        continue\n    ip, ipv64, ipv6, root_passwd = line.split(' ')\n    env.write(str('\\n'\n                  '    server_{ip}:\\n'\n                  '      ansible_host: {ip}\\n'\n                  '      ansible_ssh_user: root\\n'\n                  '      ansible_ssh_pass: {root_passwd}\\n'\n                  '      ipv4: {ip}\\n'\n                  '      nipv6: {ipv6}\\n'\n                  '      nipv664: {ipv64}\\n').format(ip=ip,\n                                                     root_passwd=root_passwd,\n", rule: None },
    // index 71244647285
    Case { family: DOC, form: "q3.2 markdown ansible role requirements host var names", file: "roles/routeros/README.md", text: "## Requirements\n\n- collections `community.routeros`, `ansible.netcommon`\n- `sshpass` on the control node\n- host vars: `ansible_network_os: community.routeros.routeros`, `ansible_host`, `ansible_user`,\n  `ansible_ssh_pass`\n\n## Variables\n\n```yaml\nmikrotik:\n  filespath: /srv/ansible/files/<inventory>   # contains one directory per inventory host\n```\n", rule: None },
    // index 5142820550
    Case { family: CI, form: "q3.3 jenkinsfile ansible extra vars from credentials variable", file: "Jenkinsfile", text: "                        withCredentials([usernamePassword(credentialsId: \"${params.ssh_connection_user}\", passwordVariable: 'ansible_password', usernameVariable: 'ansible_user')]) {\n                            sh(label: '',\n                            script: \"\"\"ansible-playbook -c paramiko -i \"${params.ans_inventory}\" \"${params.ans_playbook}\" --extra-vars \\\\\"ansible_ssh_pass=${ansible_password} ansible_become_pass=${ansible_password}\\\\\" --extra-vars \\\\\"${params.ans_extra}\\\\\" --tags \"${params.ans_tags}\" --limit \"${params.ans_limit}\" -u \"${ansible_user}\"\n", rule: None },
    // -------------------- q4 `secrets.NPM_TOKEN`
    // index 59283032527
    Case { family: JS, form: "q4.1 ts doc comment on release job secrets reference", file: "scripts/audit/release-findings.ts", text: " * WHAT WAS CORRECTED IN THE FINDING. It arrived claiming the release job \"pins Node 20 while npm\n * trusted publishing requires >= 22.14.0, so OIDC publishing cannot work\". The release job does not\n * use trusted publishing: it runs `npm publish --provenance` with\n * `NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}` — token auth plus a Sigstore attestation, which is why\n * `id-token: write` is present. Node 20's npm supports --provenance. So the Node version is NOT a\n", rule: None },
    // index 53896872097
    Case { family: DOC, form: "q4.2 markdown workflow sample publish step secrets reference", file: "docs/publishing.md", text: "      - name: Build and publish\n        run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n      \n      - name: Create Release\n        uses: actions/create-release@v1\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n        with:\n          tag_name: ${{ github.ref }}\n", rule: None },
    // index 62530398847
    Case { family: DOC, form: "q4.3 markdown asset table naming secret in workflow", file: "docs/ownership.md", text: "  | Asset | Evidence | Recovery if lost |\n  |---|---|---|\n  | GitHub repo `ravidsrk/frontguard` (personal, not an org) | README badges, `package.json` repository | GitHub account recovery codes — not in repo |\n  | npm scope `@frontguard/*` + unscoped `create-frontguard-plugin` | manifests, `secrets.NPM_TOKEN` in `release.yml:274` | second npm owner / 2FA — unknown |\n  | Domain `frontguard.dev` | homepage, wrangler routes | registrar unknown |\n", rule: None },
    // -------------------- q5 `gitlab-ci-token`
    // index 71179582081
    Case { family: JS, form: "q5.1 js release config test repository url with example word password", file: "scripts/release-config.test.mjs", text: "const githubReleaseConfig = buildReleaseConfig({ RELEASE_PROVIDER: 'github' });\nconst gitlabReleaseConfig = buildReleaseConfig({\n  RELEASE_PROVIDER: 'gitlab',\n  CI_REPOSITORY_URL: 'https://gitlab-ci-token:example@gitlab.example.com/group/project.git',\n});\nconst configuredReleasePlugins = new Set([...pluginNames(githubReleaseConfig), ...pluginNames(gitlabReleaseConfig)]);\n", rule: None },
    // index 2507370466
    Case { family: RUBY, form: "q5.2 ruby request spec clone with build token password", file: "spec/requests/git_http_spec.rb", text: "          context 'when build created by system is authenticated' do\n            it \"downloads get status 200\" do\n              clone_get \"#{project.path_with_namespace}.git\", user: 'gitlab-ci-token', password: build.token\n\n              expect(response).to have_http_status(200)\n              expect(response.content_type.to_s).to eq(Gitlab::Workhorse::INTERNAL_API_CONTENT_TYPE)\n            end\n", rule: None },
    // index 6708494416
    Case { family: DOC, form: "q5.3 markdown russian setup echo new sonarqube password", file: "docs/sonarqube.md", text: "```bash\necho \"🔧 Настройка SonarQube:\"\necho \"1. Откройте: http://sonarqube.localdomain:9000\"\necho \"2. Войдите: admin/admin\"\necho \"3. Смените пароль на '{L8}'\"\necho \"4. Создайте токен для GitLab:\"\necho \"   • My Account → Security → Generate Token\"\necho \"   • Название: gitlab-ci-token\"\necho \"   • Скопируйте значение токена\"\necho \"\"\necho \"⚠️  ЗАПИШИТЕ ТОКЕН: ________________\"\n```\n", rule: Some("generic-password") },
    // -------------------- q6 `random_password`
    // index 71647280754
    Case { family: HCL, form: "q6.1 terraform outputs random_password results sensitive", file: "infra/outputs.tf", text: "output \"postgres_admin_password\" {\n  value     = random_password.postgres_admin.result\n  sensitive = true\n}\n\noutput \"spark_writer_password\" {\n  value     = random_password.spark_writer.result\n  sensitive = true\n}\n", rule: None },
    // index 32281865259
    Case { family: PY, form: "q6.2 python password generator joins random characters", file: "password_generator.py", text: "special_char=['!','@','#','$','%','&']\noption+=special_char\n#ask for length of password\nprint(\"Password Length:\")\npassword_length=int(input())\n#select random characters and join them\nrandom_char=[random.choice(option) for i in range(password_length)]\nrandom_password=\"\".join(random_char)\n#print password\nprint (random_password)\n", rule: None },
    // index 23577446499
    Case { family: PY, form: "q6.3 python random password function symbol list", file: "gen_data.py", text: "#生成随机密码\ndef random_password():\n    key_length = 9\n    all_num = []\n    all_lowercase = []\n    all_uppercase = []\n    all_symbol = ['!','@','#','$','%','&','*','_','-']\n", rule: None },
    // -------------------- q7 `password = var.`
    // index 41383416495
    Case { family: HCL, form: "q7.1 terraform commented-out postgres provider from variables", file: "modules/cachet/db.tf", text: "//variable \"cachet_db_instance_password\" {}\n\n//provider \"postgresql\" {\n//  host     = var.db_host\n//  password = var.db_password\n//  username = var.db_username\n//\n//  port            = 5432\n//  database        = \"cachet\"\n//  sslmode         = \"require\"\n", rule: None },
    // index 49415473470
    Case { family: HCL, form: "q7.2 terraform module inputs password access and secret key from variables", file: "main.tf", text: "module \"OMAPP\" {\n  region                     = var.region\n  source                     = \"./modules/order_management_app\"\n  environment = var.environment\n  db_password = var.db_password\n  db_username = var.db_username\n  access_key = var.access_key\n  secret_key = var.secret_key\n\n}\n", rule: None },
    // index 32585648340
    Case { family: HCL, form: "q7.3 terraform registry block password from variable", file: "container_apps.tf", text: "  registry = {\n    server   = var.acr_url\n    username = var.acr_username\n    password = var.acr_password\n  }\n", rule: None },
    // -------------------- q8 `ENV POSTGRES_PASSWORD`
    // index 45617365094
    Case { family: DOC, form: "q8.1 markdown docker run env postgres password pwd word", file: "README.md", text: "## Run\n```bash\ndocker run --env POSTGRES_DB=db --env POSTGRES_USER=usr --env POSTGRES_PASSWORD=pwd -p 5432:5432 -v my_volume:/var/liv/postgresql/data --name database --network tp1-network database\n```\n", rule: None },
    // index 17305445534
    Case { family: DOCKER, form: "q8.2 dockerfile production stage env postgres password phrase", file: "Dockerfile", text: "# Production Image\nFROM python-base as production\n\nCOPY --from=builder-base $PYSETUP_PATH $PYSETUP_PATH\n\nCOPY ./backend /backend/\n\nENV POSTGRES_PASSWORD={HYPH3}\n\n# CMD [\"poetry\", \"./planar/backend/app/app/main.py\"]\n\nCMD [\"uvicorn\", \"backend.app.app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"80\"]\n", rule: Some("generic-password") },
    // index 71572209134
    Case { family: DOCKER, form: "q8.3 dockerfile env postgres password bare word pass", file: "Dockerfile", text: "# install useful commands\nRUN apt-get update\nRUN apt-get install -y python3\nRUN apt install -y python3-pip\nRUN pip3 install --no-cache-dir -r ./mv-query-optimization/requirements.txt --break-system-packages\nRUN apt install -y python-is-python3\n\nENV POSTGRES_PASSWORD=pass\n", rule: None },
    // -------------------- q9 `MARIADB_ROOT_PASSWORD`
    // index 63079657079
    Case { family: SHELL, form: "q9.1 shell remote restore mysql password from container env", file: "scripts/restore.sh", text: "$SSH_CMD \"k3s kubectl exec deployment/mariadb -n $NAMESPACE -c mariadb -- \\\n  sh -c 'mysql $REMOTE_DB_NAME \\\n    -u root -p\\\"\\$MARIADB_ROOT_PASSWORD\\\" < /tmp/wp_restore.sql' && \\\n  rm -f /tmp/wp_restore.sql\"\n\necho \"[7/9] Fixing file ownership (www-data = uid 33) ...\"\n", rule: None },
    // index 52943942579
    Case { family: DOC, form: "q9.2 markdown feature list db root password auto read", file: "README.md", text: "  - `DB_CONTAINER=\"pi_mariadb\"` — explicit container name for deterministic setups\n  - `DB_CONTAINER=\"\"` with `DB_ROOT_PASSWORD` set — native (non-Docker) MariaDB/MySQL on localhost\n  - `DB_ROOT_PASSWORD` auto-read from container environment if not explicitly set (`MYSQL_ROOT_PASSWORD` / `MARIADB_ROOT_PASSWORD`)\n", rule: None },
    // index 68427584834
    Case { family: SHELL, form: "q9.3 shell backup reads root password from container env", file: "bin/backup.sh", text: "  user=\"root\"\n  secret=\"$(backup_docker_env_value \"$container_id\" MARIADB_ROOT_PASSWORD || true)\"\n  [[ -n \"$secret\" ]] || secret=\"$(backup_docker_env_value \"$container_id\" MYSQL_ROOT_PASSWORD || true)\"\n  if ! database_output=\"$(backup_docker_mysql_query \"$container_id\" \"$client\" \"$user\" \"$secret\" \"$mysql_sql\" 2>/dev/null)\"; then\n", rule: None },
    // -------------------- q10 `spring.rabbitmq.password`
    // index 34286511935
    Case { family: JAVA, form: "q10.1 java rabbitmq config value annotations", file: "src/main/java/com/example/config/RabbitMQConfig.java", text: "    @Value(\"${spring.rabbitmq.host}\")\n    private String host;\n\n    @Value(\"${spring.rabbitmq.username}\")\n    private String username;\n\n    @Value(\"${spring.rabbitmq.password}\")\n    private String password;\n\n    @Value(\"${spring.rabbitmq.template.exchange}\")\n    private String exchange;\n", rule: None },
    // index 61006980890
    Case { family: JAVA, form: "q10.2 java test registry adds password from container getter", file: "src/test/java/com/example/SyncIntegrationTest.java", text: "        registry.add(\"spring.rabbitmq.host\", rabbitContainer::getHost);\n        registry.add(\"spring.rabbitmq.port\", rabbitContainer::getAmqpPort);\n        registry.add(\"spring.rabbitmq.username\", rabbitContainer::getAdminUsername);\n        registry.add(\"spring.rabbitmq.password\", rabbitContainer::getAdminPassword);\n    }\n", rule: None },
    // index 22151935505
    Case { family: DOC, form: "q10.3 markdown spring application json bitnami default password", file: "README.md", text: "Start Data Flow Server\n```shell\nexport ROOT_DIR=$PWD\nexport SPRING_APPLICATION_JSON='{\"spring.cloud.stream.binders.rabbitBinder.environment.spring.rabbitmq.username\":\"user\",\"spring.cloud.stream.binders.rabbitBinder.environment.spring.rabbitmq.password\":\"bitnami\",\"spring.rabbitmq.username\":\"user\",\"spring.rabbitmq.password\":\"bitnami\"}'\n```\n", rule: None },
    // -------------------- q11 `db.password=` (ranks 1-3 sampled by an earlier set, skipped)
    // index 80770928
    Case { family: DOC, form: "q11.1 markdown config properties fill-in credentials", file: "README.md", text: "    - Rename the copy to `config.properties` and update it with your local database credentials:\n      ```properties\n      db.url=jdbc:mysql://localhost:3306/your_database_name\n      db.user=your_username\n      db.password=your_password\n      ```\n", rule: None },
    // index 49520527628
    Case { family: SHELL, form: "q11.2 shell catalina opts system properties from env", file: "docker/entrypoint.sh", text: "#!/bin/bash\nenvsubst < /usr/local/tomcat/conf/server.xml > /usr/local/tomcat/conf/server.xml\nexport CATALINA_OPTS=\"-Ddb.host=database -Ddb.port=3306 -Ddb.user=${MYSQL_USER} -Ddb.password=${MYSQL_ROOT_PASSWORD}\"\necho CATALINA_OPTS\ncatalina.sh run\n", rule: None },
    // index 56842950623
    Case { family: JAVA, form: "q11.3 java javadoc scrubbing test attribute word fixture", file: "src/test/java/com/example/tracing/TracingE2eTest.java", text: " *   <li>{@code scrubbing_атрибут_password_маскируется_до_попадания_в_Jaeger} —\n *       проверка цепочки {@link ScrubbingSpanProcessor}: атрибут {@code db.password=secret123}\n *       приходит в Jaeger со значением {@code \"***\"}, а соседний {@code db.system}\n *       не затрагивается.</li>\n", rule: None },
    // -------------------- q12 `smtp.PlainAuth(`
    // index 34486572742
    Case { family: GO, form: "q12.1 go send mail local password equal to user name", file: "mail/send.go", text: "func SendMail(body string, email string, c chan string ) {\n\tfrom := \"sender.test@example.com\"\n\tpassword := \"{L8}\"\n\n\t// Receiver email address.\n\tto := []string{\n\t\temail,\n\t}\n\tfmt.Println(to[0])\n\n\t// smtp server configuration.\n\tsmtpHost := \"smtp.gmail.com\"\n\tsmtpPort := \"587\"\n\n\t// Message.\n\tmessage := []byte(body)\n\n\t// Authentication.\n\tauth := smtp.PlainAuth(\"\", from, password, smtpHost)\n", rule: Some("generic-password") },
    // index 51996829147
    Case { family: GO, form: "q12.2 go smtp client auth with fields when set", file: "internal/mail/smtp.go", text: "\t// Authenticate if credentials are provided\n\tif s.username != \"\" || s.password != \"\" {\n\t\tauth := smtp.PlainAuth(\"\", s.username, s.password, s.host)\n\t\tif err := smtpClient.Auth(auth); err != nil {\n\t\t\treturn fmt.Errorf(\"smtp auth: %w\", err)\n\t\t}\n\t}\n", rule: None },
    // index 26207221867
    Case { family: GO, form: "q12.3 go send report local password literal gmx", file: "email/email.go", text: "func Send(data []Message, email string) error {\n\tfrom := \"reports@example.com\"\n\tpassword := \"{PWM15}\"\n\n\tto := []string{\n\t\temail,\n\t}\n\n\tsmtpHost := \"mail.gmx.com\"\n\tsmtpPort := \"587\"\n\n\tauth := smtp.PlainAuth(\"\", from, password, smtpHost)\n", rule: Some("generic-password") },
    // -------------------- q13 `Password: "`
    // index 45356273411
    Case { family: RUBY, form: "q13.1 ruby request spec user create bare word password", file: "spec/requests/api/v1/favorites/destroy_spec.rb", text: "RSpec.describe \"Destroy Favorites API\", type: :request do\n  describe \"DELETE /api/v1/favorites\" do\n    describe \"happy path\" do\n      it \"can delete a favorite for a user when given valid parameters\" do\n        user = User.create!(name: \"Mikejones\", email: \"mjones@example.com\", password: \"password\", password_confirmation: \"password\")\n", rule: None },
    // index 53780082701
    Case { family: RUST, form: "q13.2 rust test auth config word fixtures for redaction", file: "src/export/redact.rs", text: "            auth: AuthConfigDto {\n                r#type: \"bearer\".to_string(),\n                bearer_token: \"secret-token\".to_string(),\n                username: \"user\".to_string(),\n                password: \"secret-password\".to_string(),\n                api_key_key: \"X-API-Key\".to_string(),\n                api_key_value: \"secret-api-key\".to_string(),\n                api_key_placement: \"header\".to_string(),\n            },\n", rule: None },
    // index 37926345686
    Case { family: OTHER, form: "q13.3 arduino serial prompt enter password state machine", file: "wifi_setup.ino", text: "        case 1:{\n          Serial.println(s); \n          s.toCharArray(ssid, s.length());\n          ssid[s.length()] = 0;\n\n          state = READCHAR; s = \"\";\n          Serial.print(\"Enter Password: \");\n          break;\n        }\n        case 2:{\n          Serial.println(s);\n          s.toCharArray(password, s.length());\n          password[s.length()] = 0;\n", rule: None },
    // -------------------- q14 `jwtKey = []byte(`
    // index 14548867
    Case { family: GO, form: "q14.1 go login signs with word placeholder jwt key", file: "services/auth_service.go", text: "\ttoken := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{\n\t\t\"username\": loginDto.Email,\n\t\t\"pass\":     loginDto.Password,\n\t})\n\tvar jwtKey = []byte(\"secret_key\")\n\ttokenString, _ := token.SignedString(jwtKey)\n\tif user.PasswordHash != tokenString && loginDto.Email == \"encrypted\" {\n", rule: None },
    // index 48115010932
    Case { family: GO, form: "q14.2 go test setup jwt key test word", file: "routes/routes_test.go", text: "func Setup() {\n\tdb = &database.MockDB{}\n\tutils.JWTKey = []byte(\"testKey\")\n\t_ = db.Connect(\"test\")\n\n\trouter = mux.NewRouter()\n\troutes.AddRoutes(router, &db)\n", rule: None },
    // index 30677016247
    Case { family: GO, form: "q14.3 go jwt key from environment", file: "utils/jwt.go", text: "package utils\n\nimport (\n\t\"errors\"\n\t\"os\"\n\n\t\"github.com/golang-jwt/jwt/v5\"\n)\n\nvar jwtKey = []byte(os.Getenv(\"JWT_KEY\"))\n\nfunc GenerateToken(claims *jwt.MapClaims) (string, error) {\n\ttoken := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)\n\tjwt, err := token.SignedString(jwtKey)\n", rule: None },
    // -------------------- q15 `postgresqlPassword`
    // index 10854283346
    Case { family: PWSH, form: "q15.1 powershell az postgres admin password variable literal", file: "deploy.ps1", text: "# stworzenie postgress\nWrite-Output \"Tworzenie PostgreSQL...\"\n$PostgressName = \"psql-$AppName\"\n$PostgressUserName = \"RssFeedAdmin\"\n$PostgreSQLPassword = \"{B62_8}\"\n$DbName = \"postgres\"\naz postgres server create --resource-group $ResourceGroupName --name $PostgressName --location $ResourceLocation --admin-user $PostgressUserName --admin-password $PostgreSQLPassword --sku-name B_Gen5_1 --auto-grow Disabled --storage-size 5120\n", rule: Some("generic-password") },
    // index 38122697546
    Case { family: JAVA, form: "q15.2 java config getter throws when password missing", file: "src/main/java/com/example/config/Configuration.java", text: "    public static String getPostgresqlPassword() {\n        String databasePassword = configurationList.postgresqlPassword;\n        return Optional.ofNullable(databasePassword).orElseThrow(\n                () -> new NullPointerException(\"postgresqlPassword not specified in the Configuration.json file.\"));\n    }\n", rule: None },
    // index 3141196766
    Case { family: CSHARP, form: "q15.3 c# aspire secret parameter for postgres password", file: "AppHost/Program.cs", text: "// Add PostgreSQL database infrastructure\nvar postgreSqlPassword = builder.AddParameter(\"postgreSql-password\", secret: true);\nvar postgres = builder.AddPostgres(\"database\", password: postgreSqlPassword)\n    // Configure the container to store data in a volume so that it persists across instances.\n    .WithDataVolume(isReadOnly: false)\n", rule: None },
    // -------------------- q16 `addHeader("Authorization"`
    // index 71632928731
    Case { family: KOTLIN, form: "q16.1 kotlin okhttp interceptor bearer from auth manager", file: "app/src/main/java/com/example/api/ApiClient.kt", text: "    class AuthInterceptor : Interceptor {\n        override fun intercept(chain: Interceptor.Chain): okhttp3.Response {\n            val token = AuthManager.token\n            val request = if (token != null) {\n                chain.request().newBuilder()\n                    .addHeader(\"Authorization\", \"Bearer $token\")\n                    .build()\n            } else {\n                chain.request()\n            }\n            return chain.proceed(request)\n        }\n    }\n", rule: None },
    // index 42732461641
    Case { family: KOTLIN, form: "q16.2 kotlin retrofit interceptor bearer from variable", file: "app/src/main/java/com/example/network/RetrofitInstance.kt", text: "        httpClient.addInterceptor(Interceptor { chain ->\n            val request: Request =\n                chain.request().newBuilder()\n                    .addHeader(\"Accept\", \"application/json\")\n                    .addHeader(\"Authorization\", \"Bearer $mytoken\")\n                    .build()\n            chain.proceed(request)\n        })\n", rule: None },
    // index 35575194226
    Case { family: KOTLIN, form: "q16.3 kotlin commented authorization header concatenation", file: "app/src/main/java/com/example/di/NetworkModule.kt", text: "    fun provideAuthorizationInterceptor(\n        @Named(TOKEN) token: String, connection: CheckInternetConnection\n    ): Interceptor {\n        return Interceptor { chain ->\n\n\n            var request = chain.request()\n\n            val requestBuilder = request.newBuilder()\n            //  .addHeader(\"Authorization\", \"Bearer \" + token);\n            val cacheControl = CacheControl.Builder()\n", rule: None },
    // -------------------- q17 `val password = "`
    // index 12957704872
    Case { family: OTHER, form: "q17.1 1c bsl function default empty password parameter", file: "CommonModules/GetFilesFromInternet/Module.bsl", text: "// Result:\n//  String, an address in a temporary storage in which the\n//    file received by the specified URL was placed.\n//\nFunction GetFileFromInternet(Val SessionKey, Val URL, Val Port = 0, Val UserName = \"\", Val Password = \"\", Val Timeout = 20,Val SecureConnection = Undefined, Val PassiveConnection = Undefined) Export\n\t\n\tCheckCorrectnessOfCallOnEnvironment();\n", rule: None },
    // index 5176582
    Case { family: KOTLIN, form: "q17.2 kotlin test fixture test password words", file: "src/test/kotlin/com/example/service/SignUpServiceTest.kt", text: "    private val id = UUID.randomUUID()\n    private val code = \"12345678\"\n    private val email = \"test@test.com\"\n    private val accountId = \"test accountId\"\n    private val password = \"test password\"\n    private val question = \"test question\"\n    private val answer = \"test answer\"\n", rule: None },
    // index 39455433187
    Case { family: KOTLIN, form: "q17.3 kotlin activity hardcoded admin login password", file: "app/src/main/java/com/example/school/AdminLoginActivity.kt", text: "class AdminLoginActivity : AppCompatActivity() {\n    override fun onCreate(savedInstanceState: Bundle?) {\n        super.onCreate(savedInstanceState)\n        setContentView(R.layout.admin_login)\n        setRequestedOrientation(ActivityInfo.SCREEN_ORIENTATION_LANDSCAPE);\n\n        val password = \"{L5}\"\n        val email = \"admin@test.be\"\n\n        val txtEmail = findViewById<TextView>(R.id.editTextTextEmailAddress)\n        val txtPassword = findViewById<TextView>(R.id.editTextTextPassword)\n", rule: Some("generic-password") },
    // -------------------- q18 `UseSqlServer("`
    // index 71638967019
    Case { family: CSHARP, form: "q18.1 c# dbcontext integrated security connection string", file: "MadPay724.Data/DataBaseContext/ApplicationDBContext.cs", text: "    public class ApplicationDBContext : DbContext\n    {\n        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)\n        {\n            optionsBuilder.UseSqlServer(\"Data Source=.;Initial Catalog=MadPay724DB;Integrated Security=true\");\n        }\n", rule: None },
    // index 17362075449
    Case { family: CSHARP, form: "q18.2 c# scaffolded dbcontext sa password in connection string", file: "Models/EventsContext.cs", text: "    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)\n#warning To protect potentially sensitive information in your connection string, you should move it out of source code. You can avoid scaffolding the connection string by using the Name= syntax to read it from configuration - see https://go.microsoft.com/fwlink/?linkid=2131148. For more guidance on storing connection strings, see https://go.microsoft.com/fwlink/?LinkId=723263.\n        => optionsBuilder.UseSqlServer(\"Server=localhost,1433;Database=Events;User Id=sa;Password={PWCAP13};TrustServerCertificate=True;\");\n", rule: Some("connection-string-password") },
    // index 5666957319
    Case { family: CSHARP, form: "q18.3 c# scaffolded dbcontext trusted connection", file: "Models/SocialDBContext.cs", text: "            if (!optionsBuilder.IsConfigured)\n            {\n#warning To protect potentially sensitive information in your connection string, you should move it out of source code. You can avoid scaffolding the connection string by using the Name= syntax to read it from configuration - see https://go.microsoft.com/fwlink/?linkid=2131148. For more guidance on storing connection strings, see http://go.microsoft.com/fwlink/?LinkId=723263.\n                optionsBuilder.UseSqlServer(\"Server=(localdb)\\\\MSSQLLocalDB;Database=SocialDB;Trusted_Connection=True;\");\n            }\n", rule: None },
    // -------------------- q19 `ClientSecret = "`
    // index 58527249370
    Case { family: CSHARP, form: "q19.1 c# test config word fixture client secret", file: "tests/ConfigServiceTests.cs", text: "        var statePath = Path.Combine(_testDirectory, \"a365.generated.config.json\");\n        var config = new Agent365Config\n        {\n            AgentBlueprintId = \"aaa-111\",\n            AgentBlueprintClientSecret = \"super-secret-value\",\n            AgentBlueprintClientSecretProtected = false\n        };\n", rule: None },
    // index 71652978115
    Case { family: CSHARP, form: "q19.2 c# test credentials bare word secret", file: "tests/PowerBISchemaBuilderTest.cs", text: "    private static PowerBICredentials Credentials() => new()\n    {\n        TenantId = \"tenant\",\n        ClientId = \"client\",\n        ClientSecret = \"secret\"\n    };\n", rule: None },
    // index 20622592870
    Case { family: PWSH, form: "q19.3 powershell graph app x-run placeholders", file: "Export-Contacts.ps1", text: "# Application (client) ID, tenant Name and secret\n$clientID = \"xxxxxx\"\n$tenantName = \"tenant.onmicrosoft.com\"\n$clientSecret = \"xxxxxx\"\n$resource = \"https://graph.microsoft.com/\"\n$LogFile = \"C:\\Log\\Contactos.txt\"\n\n$ReqTokenBody = @{\n    Grant_Type    = \"client_credentials\"\n    Scope         = \"https://graph.microsoft.com/.default\"\n    client_Id     = $clientID\n    Client_Secret = $clientSecret\n} \n", rule: None },
    // -------------------- q20 `smtp_settings` (ranks 1-3 sampled by an earlier set, skipped)
    // index 38857325669
    Case { family: RUBY, form: "q20.1 ruby actionmailer smtp settings gmail app password", file: "config/initializers/smtp.rb", text: "ActionMailer::Base.delivery_method = :smtp\nActionMailer::Base.raise_delivery_errors = true\nActionMailer::Base.smtp_settings = {\n    address:              'smtp.gmail.com',\n    port:                  587,\n    domain:               'aeromontazh.herokuapp.com',\n    user_name:            'mailer@example.com',\n    password:             '{L16}',\n    authentication:       'plain',\n    enable_starttls_auto:  true \n", rule: Some("generic-password") },
    // index 30452840009
    Case { family: DOC, form: "q20.2 markdown deploy notes mailer env variable names", file: "README.md", text: "If you want to use another mail provider, just make sure to include the environment variables `TEC_USERNAME` and `TEC_PASSWORD` in your production environment.\n<br>\nIf you want to review the mailer configuration or wish to change the provider head to [production.rb](config/environments/production.rb) and update `config.action_mailer.smtp_settings` to match your own configuration.\n", rule: None },
    // index 56121853589
    Case { family: PY, form: "q20.3 python admin router imports auth token and smtp models", file: "app/api/admin.py", text: "from app.models.admin_audit_log import AdminAuditLog\nfrom app.models.admin_user import AdminUser\nfrom app.models.auth_token import AuthToken\nfrom app.models.electricity_reading import ElectricityReading\nfrom app.models.notification import Notification\nfrom app.models.room import Room\nfrom app.models.smtp_settings import SmtpSettings\nfrom app.schemas.admin import (\n    AdminAuthTokenCreate,\n    AdminAuthTokenOut,\n    AdminAuthTokenUpdate,\n", rule: None },
    // -------------------- q21 `Stripe.api_key =`
    // index 49132006198
    Case { family: PY, form: "q21.1 python django view stripe key from environment", file: "store/views.py", text: "    # read secret key from env\n    stripe_key = os.environ.get('STRIPE_SECRET_KEY')\n    if not stripe_key:\n        # Stripe not configured; fallback to checkout page\n        return redirect('store:checkout')\n    stripe.api_key = stripe_key\n", rule: None },
    // index 24979140088
    Case { family: PY, form: "q21.2 python stripe key from sensitive module constant", file: "modules/stripe_pay.py", text: "import stripe\nfrom modules._sensitive import STRIPE_SK\n\n\nclass StripePay:\n    def __init__(self):\n        stripe.api_key = STRIPE_SK\n        self.stripe = stripe\n", rule: None },
    // index 505528
    Case { family: PY, form: "q21.3 python stripe key getenv after dotenv", file: "server/inventory.py", text: "load_dotenv(find_dotenv())\n\nstripe.api_key = os.getenv('STRIPE_SECRET_KEY')\nstripe.api_version = '2019-02-11'\n", rule: None },
    // -------------------- q22 `htpasswd -b`
    // index 26142653690
    Case { family: PHP, form: "q22.1 php exec htpasswd with password argument variable", file: "www/inc/server.php", text: "function SERVER_addToHtpasswd($htpasswdFile,$username,$password)\n{\n\texec(\"sudo /usr/bin/htpasswd -bm '$htpasswdFile' '$username' '$password' \",$output, $rv);\n\treturn($rv == 0);\n}\n", rule: None },
    // index 71571236345
    Case { family: SHELL, form: "q22.2 shell bcrypt helper hashes password argument", file: "scripts/lib/hash.sh", text: "bcrypt() {\n  local pw=\"$1\"\n  if command -v htpasswd >/dev/null 2>&1; then\n    htpasswd -bnBC 12 \"\" \"$pw\" | tr -d '\\n' | sed 's/^://'\n  else\n    docker_run docker run --rm \"wazuh/wazuh-indexer:${WAZUH_TAG#v}\" \\\n      bash -c \"JAVA_HOME=/usr/share/wazuh-indexer/jdk \\\n        /usr/share/wazuh-indexer/plugins/opensearch-security/tools/hash.sh -p '$pw'\" \\\n      | grep -oE '^\\$2[aby]\\$.*' | tr -d '\\n'\n  fi\n}\n", rule: None },
    // index 5445488735
    Case { family: SHELL, form: "q22.3 shell webdav entrypoint htpasswd from env variables", file: "entrypoint.sh", text: "# create users passwdfiles\nif  [ \"$BASIC_AUTH\" = \"True\" ]; then\n    # basic authentication\n    sed -i -e 's#AuthType Digest#AuthType Basic#g' $DAV_CONF\n    htpasswd -bc $PASSWD $WEBDAV_USERNAME $WEBDAV_PASSWORD\n    echo \"Basic authentication has been set\"\nelse\n", rule: None },
    // -------------------- q23 `smtp_password =`
    // index 20019411487
    Case { family: OTHER, form: "q23.1 makefile exported empty smtp and api key settings", file: "Makefile", text: "# SMTP Configuration\nexport SMTP_HOST =\nexport SMTP_PORT = 587\nexport SMTP_USERNAME =\nexport SMTP_PASSWORD =\n\n# SendGrid Configuration (if using SendGrid)\nexport SENDGRID_API_KEY =\n\n# AWS SES Configuration (if using AWS SES)\nexport AWS_REGION = us-east-1\n", rule: None },
    // index 62327240497
    Case { family: PY, form: "q23.2 python invite mail smtp settings from environment", file: "app/mailer.py", text: "def send_invite_email(to_email, invite_url):\n    smtp_host = os.environ.get('SMTP_HOST')\n    smtp_port = int(os.environ.get('SMTP_PORT', '587'))\n    smtp_user = os.environ.get('SMTP_USER')\n    smtp_password = os.environ.get('SMTP_PASSWORD')\n    smtp_from = os.environ.get('SMTP_FROM', smtp_user)\n", rule: None },
    // index 71636694427
    Case { family: PY, form: "q23.3 python notifier constructor stores password parameter", file: "coordinare/notify/email.py", text: "        self._name = name\n        self._smtp_host = smtp_host\n        self._smtp_port = smtp_port\n        self._smtp_username = smtp_username\n        self._smtp_password = smtp_password\n        self._sender = sender\n        self._recipient = recipient\n", rule: None },
    // -------------------- q24 `"secret": "`
    // index 1386682
    Case { family: DOC, form: "q24.1 markdown auth0 sms gateway json my-secret placeholder", file: "docs/sms-gateway.md", text: "```\n{\n    \"options\": {\n      \"strategy\": \"sms\",\n      \"provider\": \"sms_gateway\",\n      \"gateway_url\": \"{URL_OF_YOUR_GATEWAY}\",\n      \"gateway_authentication\": {\n            \"method\": \"bearer\",\n            \"subject\": \"urn:Auth0\",\n            \"audience\": \"urn:MySmsGateway\",\n            \"secret\": \"MySecretToSignTheToken\"\n      },\n      \"from\": \"+1 234 567\",\n      \"template\": \"Your verification code is: @@password@@\",\n", rule: None },
    // index 65763439972
    Case { family: PY, form: "q24.2 python test redaction dictionary word value fixtures", file: "tests/test_redaction.py", text: "    secrets = {\n        \"cookie\": \"cookie-value-71\",\n        \"set_cookie\": \"set-cookie-value-72\",\n        \"ibm\": \"ibm-client-value-73\",\n        \"api\": \"api-key-value-74\",\n        \"client\": \"client-id-value-75\",\n        \"consumer\": \"consumer-key-value-76\",\n        \"token\": \"token-value-77\",\n        \"secret\": \"secret-value-78\",\n        \"password\": \"password-value-79\",\n        \"user\": \"user-value-80\",\n    }\n", rule: None },
    // index 14240535622
    Case { family: DOC, form: "q24.3 markdown curl create user credentials secret digits", file: "docs/getting-started.md", text: "#### Account Creation\n\nUse the Magistrala API to create user account:\n\n```bash\ncurl -s -S -i --cacert docker/ssl/certs/ca.crt -X POST -H \"Content-Type: application/json\" https://localhost/users -d '{\"name\": \"John Doe\", \"credentials\": {\"identity\": \"john.doe@email.com\", \"secret\": \"{D8}\"}, \"status\": \"enabled\"}'\n```\n", rule: Some("generic-password") },
    // -------------------- q25 `getpass.getpass(`
    // index 34708747183
    Case { family: PY, form: "q25.1 python korbit login prompts password client secret from config", file: "korbit_cli.py", text: "def login(config):\n    email = raw_input('Email: ')\n    password = getpass.getpass()\n    resp = requests.post('https://api.korbit.co.kr/v1/oauth2/access_token', data={\n        'client_id': config['korbit_client_id'],\n        'client_secret': config['korbit_client_secret'],\n        'grant_type': 'password',\n        'username': email,\n        'password': password,\n    })\n", rule: None },
    // index 1490038
    Case { family: PY, form: "q25.2 python cli asks for password when option missing", file: "epicyon_client.py", text: "    if not args.password:\n        args.password = getpass.getpass('Password: ')\n        if not args.password:\n            print('Specify a password with the --password option')\n            sys.exit()\n    args.password = args.password.replace('\\n', '')\n", rule: None },
    // index 7138295683
    Case { family: PY, form: "q25.3 python mint import prompts for password", file: "wxbanker/mint.py", text: "def doImport():\n    from wxbanker import controller\n    bankController = controller.Controller()\n    \n    username = raw_input(\"Mint email: \")\n    password = getpass.getpass(\"Password: \")\n    \n    MintDotCom.Login(username, password)\n", rule: None },
    // -------------------- q26 `CREATE USER`
    // index 71655082962
    Case { family: JS, form: "q26.1 js controller create user error and login reads password from body", file: "controllers/userController.js", text: "        } catch (error) {\n          console.error(\"Error creating user:\", error);\n          res\n            .status(500)\n            .json({ message: \"Failed to create user\", error: error });\n        }\n    },\n\n    LoginUser: async(req, res) => {\n      try {\n        const { email, password } = req.body;\n\n        const user = await User.findOne({where: { email }});\n", rule: None },
    // index 38915881512
    Case { family: JS, form: "q26.2 js load test creates user sessions", file: "tests/load/adaptive.spec.js", text: "    // RL determines optimal load pattern\n    const loadPattern = await loadTester.determineOptimalLoad();\n    \n    // Create user sessions based on pattern\n    const sessions = [];\n    for (let i = 0; i < loadPattern.concurrentUsers; i++) {\n      const context = await browser.newContext();\n      const page = await context.newPage();\n      sessions.push({ context, page });\n    }\n", rule: None },
    // index 7754618652
    Case { family: DOC, form: "q26.3 markdown supabase trigger migration psql command", file: "docs/auth.md", text: "### Setup Automatic Profile Creation\n\n**File**: `backend/shared/migrations/supabase-auth-setup.sql`\n\nThis SQL script creates triggers that automatically create user profiles when Supabase Auth creates accounts.\n\n**Run the migration**:\n\n```bash\n# After starting Docker containers\ndocker compose exec supabase-db psql -U postgres -d postgres < backend/shared/migrations/supabase-auth-setup.sql\n```\n", rule: None },
    // -------------------- q27 `ALTER USER`
    // index 61416331415
    Case { family: PY, form: "q27.1 python module docstring token names to drop ddl template", file: "scripts/drop_pats.py", text: "  KEEP (5) -- NEVER dropped:\n    LIBRARY_PAT         the MAIN in-use session token (the live write lane)\n    RIPPLE_LOADER_PAT   least-privilege loader\n    CLAUDE_MCP_RO       read-only MCP token\n    PORTAL_RECON        recon token\n    WAVE3_LOAD          wave-3 load token\n\nDDL per drop:  ALTER USER CROGG23 REMOVE PROGRAMMATIC ACCESS TOKEN \"<name>\"\nNames are quoted to preserve the exact (mixed) case SHOW reports.\n", rule: None },
    // index 6552485
    Case { family: SQL, form: "q27.2 sql schema script alter user search path", file: "lojas.sql", text: "-- Criação de um esquema chamado 'lojas';\nCREATE SCHEMA lojas;\n\n-- Comentario do esquema 'lojas';\nCOMMENT ON SCHEMA lojas is 'Esquema criado para \"organizar\" as tabelas do BD uvv';\n\n-- Configurando o usuário 'joaodellarmelina' para ter definido o esquema criado.\nALTER USER joaodellarmelina SET search_path TO lojas;\n", rule: None },
    // index 49496443370
    Case { family: DOC, form: "q27.3 markdown mysql install notes root password changed to digits", file: "docs/mysql-install.md", text: "## **安装后期设置**\n\n### 修改Root密码\n\n假如需要把Root密码改成\"{D6}\"，操作命令如下：\n\n```mysql\nuse mysql;\nALTER USER 'root'@'localhost' IDENTIFIED BY '{D6}';\nflush privileges;\n```\n", rule: Some("generic-password") },
    // -------------------- q28 `mail.smtp.auth`
    // index 17186824182
    Case { family: JAVA, form: "q28.1 java email service password in parentheses and smtp property", file: "src/main/java/com/example/service/EmailProviderService.java", text: "\tpublic  void sendMail(String emailContact, String emailSubject, String body) {\n\n\t\tString fromEmail =(\"contact@example.com\");\n\t\tString password =(\"{L4AD4}\");\n\t\tProperties property = new Properties();\n\t\tproperty.put(\"mail.smtp.auth\", \"true\");\n\t\tproperty.put(\"mail.smtp.starttls.enable\", \"true\");\n\t\tproperty.put(\"mail.smtp.host\", \"smtp.gmail.com\");\n\t\tproperty.put(\"mail.smtp.port\", \"587\");\n\t\tproperty.setProperty(\"mail.smtp.user\", \"contact@example.com\");\n\t\tproperty.setProperty(\"mail.smtp.password\", \"{L4AD4}\");\n", rule: Some("generic-password") },
    // index 5149819317
    Case { family: JAVA, form: "q28.2 java anonymous authenticator password authentication literal", file: "src/main/java/com/example/mail/MailSender.java", text: "\t\t\tproperties.put(\"mail.smtp.host\", host);\n\t\t\tproperties.put(\"mail.smtp.port\", \"465\");\n\t\t\tproperties.put(\"mail.smtp.ssl.enable\",\"true\");\n\t\t\tproperties.put(\"mail.smtp.auth\",\"true\");\n\t\t\t\n\t\t\t//step 1\n\t\t\tSession session = Session.getInstance(properties,new Authenticator() {\n\n\t\t\t\t@Override\n\t\t\t\tprotected PasswordAuthentication getPasswordAuthentication() {\n\t\t\t\t\t\n\t\t\t\t\treturn new PasswordAuthentication(\"notify@example.com\",\"{SL6S}\");\n\t\t\t\t}\n\t\t\t\t\n\t\t\t});\n", rule: Some("generic-password") },
    // index 71649300522
    Case { family: DOC, form: "q28.3 markdown spring mail properties fill-in app password", file: "README.md", text: "```properties\nspring.mail.host=smtp.gmail.com\nspring.mail.port=587\nspring.mail.username=YOUR_SENDER_EMAIL\nspring.mail.password=YOUR_SMTP_APP_PASSWORD\nspring.mail.properties.mail.smtp.auth=true\nspring.mail.properties.mail.smtp.starttls.enable=true\n```\n", rule: None },
    // -------------------- q29 `.setApiKey(`
    // index 52807698097
    Case { family: JS, form: "q29.1 ts sendgrid key from function parameter", file: "functions/src/email/sendContact.ts", text: "export async function sendContact(sgKey: string, args: SendContactProps) {\n  try {\n    const { userEmail, subject, body } = args;\n    sgMail.setApiKey(sgKey);\n    const html = newContactMessage({ toName: 'Admin', fromEmail: userEmail, body });\n", rule: None },
    // index 22102624762
    Case { family: JS, form: "q29.2 ts sendgrid key from config import when defined", file: "src/helpers/email.ts", text: "import sgMail from '@sendgrid/mail';\nimport ExpressError from \"../expressError\";\nimport { SENDGRID_API_KEY } from '../config';\n\nif(SENDGRID_API_KEY) {\n    sgMail.setApiKey(SENDGRID_API_KEY);\n} else {\n    console.error('Sendgrid API key is undefined');\n}\n", rule: None },
    // index 44423081062
    Case { family: JS, form: "q29.3 ts nest controller sendgrid key from process env", file: "src/email/email.controller.ts", text: "  @Post()\n  sendEmail(@Body() emailRequest: SendEmailRequest): void {\n    const sgMail = require('@sendgrid/mail');\n    sgMail.setApiKey(process.env.SENDGRID_API_KEY);\n \n    sgMail\n      .send(emailRequest)\n", rule: None },
    // -------------------- q30 `speckle.xyz`
    // index 9016293563
    Case { family: PY, form: "q30.1 python streamlit commit url default and stream wrapper client", file: "streamlit_app.py", text: "# Inputs\nwith input:\n    st.subheader(\"Inputs\")\n    commit_url = st.text_input(\n        \"Commit URL\",\n        \"https://speckle.xyz/streams/e6c04f6c1c/commits/c230834154\",\n    )\n\n# Wrapper\n# helpers for urls and getting authenticated clients and transports\nwrapper = StreamWrapper(commit_url)\n# get an authenticated SpeckleClient if there is a local account for the server\nclient = wrapper.get_client()\n", rule: None },
    // index 47183985818
    Case { family: JS, form: "q30.2 js speckle utils server url and loader token parameter", file: "src/speckleUtils.js", text: "import ObjectLoader from '@speckle/objectloader';\nimport {\n  streamCommitsQuery,\n  streamSearchQuery,\n  userInfoQuery\n} from \"./speckleQueries.js\"\n\nexport let SERVER_URL = \"https://speckle.xyz\"\n\n\nexport async function getStreamObjects(streamId,token, objectId) {\n  const loader = new ObjectLoader( { SERVER_URL, token, streamId, objectId } )\n", rule: None },
    // index 7823669858
    Case { family: JS, form: "q30.3 jsx commented viewer loadObject with speckle token argument", file: "src/components/SpeckleViewer.jsx", text: "      //  await newViewer.init();\n       //await newViewer.loadObject(\"https://speckle.xyz/streams/1af93c4201/objects/{HEX32}\", '{S}');\n      //  console.log('newViewer', newViewer)\n      //  setViewer(newViewer);\n      setLoading(false)\n    };\n    init();\n  }, []);\n", rule: Some("speckle-token") },
    // -------------------- q31 `specklepy.api`
    // index 30653183624
    Case { family: PY, form: "q31.1 python automate test imports secret str and speckle client", file: "tests/test_function.py", text: "import os\nimport secrets\nimport string\n\nfrom pydantic import SecretStr\nfrom specklepy.logging.exceptions import SpeckleException\n\nimport pytest\nfrom gql import gql\nfrom speckle_automate import (\n    AutomationContext,\n    AutomationRunData,\n    AutomationStatus,\n    run_function,\n)\nfrom specklepy.api import operations\nfrom specklepy.api.client import SpeckleClient\n", rule: None },
    // index 25481743889
    Case { family: PY, form: "q31.2 python speckle send sample server transport with client", file: "send_block.py", text: "from specklepy.transports.server import ServerTransport\nfrom specklepy.api import operations\n\nfrom sample_test_block import Block\n\n# here's the data you want to send\nblock = Block(length=2, height=4)\n\n# next create a server transport - this is the vehicle through which you will send and receive\ntransport = ServerTransport(client=client, stream_id=new_stream_id)\n", rule: None },
    // index 1127205239
    Case { family: PY, form: "q31.3 python specklepy client imports account and resources", file: "src/specklepy/api/client.py", text: "from deprecated import deprecated\n\nfrom specklepy.api.credentials import Account\nfrom specklepy.api.resources import (\n    ActiveUserResource,\n    ModelResource,\n    OtherUserResource,\n    ProjectInviteResource,\n    ProjectResource,\n    SubscriptionResource,\n", rule: None },
    // -------------------- q32 `spell whoami`
    // index 4237082654
    Case { family: DOC, form: "q32.1 markdown install spell cli login and whoami", file: "README.md", text: "#### Install Spell CLI\n```\npip install spell\n\nspell login\nspell whoami\n```\n### Clone the repo\n", rule: None },
    // index 70912844826
    Case { family: DOC, form: "q32.2 markdown cli design decisions login scopes", file: "features/spell-login/DECISIONS.md", text: "5. **`spell whoami` ships in the first release.** It prints the signed-in account and whether the stored session is still valid, without contacting the network unless asked.\n6. **`spell login` asks for a read scope on the Arcane service API up front, along with `openid`, `profile` and `offline_access`.** Nothing call\n", rule: None },
    // index 56797866542
    Case { family: DOC, form: "q32.3 markdown cli command table login password and token options", file: "packages/cli/README.md", text: "| Command | Description |\n| --- | --- |\n| `skillspell login [email] [password]` | Authenticate via email/password, `--token <PAT>`, or `--sso` (browser SAML). |\n| `skillspell logout` | Clear stored credentials. |\n| `skillspell whoami` | Show the currently authenticated user. |\n", rule: None },
    // -------------------- q33 `requirepass`
    // index 36819535110
    Case { family: JS, form: "q33.1 js compiled japanese locale strings require password labels", file: "lib/locales/ja-JP.js", text: "var _default = (_voIPOnly$telephonyOn = {}, _defineProperty(_voIPOnly$telephonyOn, \"turnOffCamera\", \"参加者のカメラをオフにする\"), _defineProperty(_voIPOnly$telephonyOn, \"turnOffHostCamera\", \"会議への参加時にホストのカメラをオフにする\"), _defineProperty(_voIPOnly$telephonyOn, \"requirePassword\", \"パスワードを必須にする\"), _defineProperty(_voIPOnly$telephonyOn, \"setPassword\", \"パスワードを設定*\"), _defineProperty(_voIPOnly$telephonyOn, \"passwordEmptyError\", \"会議パスワードが必要です\"), _voIPOnly$telephonyOn);\n", rule: None },
    // index 57922698840
    Case { family: COMPOSE, form: "q33.2 compose redis command requirepass from env when set", file: "docker-compose.yml", text: "  redis:\n    image: redis:7-alpine\n    container_name: chatbot-redis\n    restart: unless-stopped\n    command: redis-server --appendonly yes ${REDIS_PASSWORD:+--requirepass ${REDIS_PASSWORD}}\n    ports:\n      - \"6379:6379\"\n    volumes:\n      - redis_data:/data\n", rule: None },
    // index 13592175
    Case { family: OTHER, form: "q33.3 c++ server conf reads requirepass and masterauth", file: "src/server_conf.cc", text: "  GetConfStr(\"replication-id\", &replication_id_);\n  GetConfStr(\"requirepass\", &requirepass_);\n  GetConfStr(\"masterauth\", &masterauth_);\n  //  GetConfStr(\"userpass\", &userpass_);\n  GetConfInt(\"maxclients\", &maxclients_);\n", rule: None },
    // -------------------- q34 `PGADMIN_DEFAULT_PASSWORD` (ranks 1-3 sampled by an earlier set, skipped)
    // index 32447998060
    Case { family: PY, form: "q34.1 python runner docker run pgadmin password from parameter", file: "tools/pgadmin_container.py", text: "    def _run_container(self, email: str, password: str, port: int):\n        try:\n            self.runner.run_command(\n                f\"docker run --name {self.container_name} -p {port}:80 \"\n                f\"-e 'PGADMIN_DEFAULT_EMAIL={email}' \"\n                f\"-e 'PGADMIN_DEFAULT_PASSWORD={password}' \"\n                \"-d my-custom-pgadmin\"\n            )\n        except subprocess.CalledProcessError as cpe:\n", rule: None },
    // index 38555762560
    Case { family: DOC, form: "q34.2 restructuredtext readme settings read from config and env names", file: "README.rst", text: "        'NAME': 'postgres',\n        'USER': config('POSTGRES_USER'),\n        'PASSWORD': config('POSTGRES_PASSWORD'),\n        'HOST': config('DJANGO_DB_HOST', default='db'),\n        'PORT': '5432',\n        }\n    }\n\nYou must also add POSTGRES_USER, POSTGRES_PASSWORD, DJANGO_DB_HOST, PGADMIN_DEFAULT_EMAIL and PGADMIN_DEFAULT_PASSWORD variable to .env file.\n", rule: None },
    // index 37666015
    Case { family: DOC, form: "q34.3 markdown docker notes pgadmin run with uppercase password", file: "notas/docker.md", text: "- esto es para pgadmin no es nesesario colocar volumen el `-d` ya viene con el puerto hace las dos funciones al mismo tiempo \n\n ```docker\ndocker container run --name pdadmin2 -e PGADMIN_DEFAULT_PASSWORD={U4} -e PGADMIN_DEFAULT_EMAIL=NIKO@google.com -dp 8089:80 dpage/pgadmin4:6.17\n```\n\n- {HEX64}\n", rule: Some("generic-password") },
    // -------------------- q35 `token: ${{ secrets.`
    // index 8608454
    Case { family: DOC, form: "q35.1 markdown workflow guide explicit secrets mapping", file: "docs/ci-security.md", text: "### 2. Avoid `secrets: inherit`\n\nInstead of passing all secrets blindly with `secrets: inherit`, explicitly pass only the secrets each workflow needs:\n\n```yaml\n# BAD - passes all secrets\nsecrets: inherit\n\n# GOOD - explicit secrets only\nsecrets:\n  SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}\n```\n", rule: None },
    // index 42626994074
    Case { family: CI, form: "q35.2 github workflow commented snyk step token from secrets", file: ".github/workflows/ci.yml", text: "      - name: Security vulnerability scan (Snyk) [Optional]\n        # Uncomment if using Snyk for deeper security scanning\n        # uses: snyk/actions/node@master\n        # env:\n        #   SNYK_TOKEN: ${{ secrets.SNYK_TOKEN }}\n        # with:\n        #   args: --severity-threshold=high\n        continue-on-error: false\n", rule: None },
    // index 10495034009
    Case { family: CI, form: "q35.3 github workflow npm publish auth token from secrets", file: ".github/workflows/publish.yml", text: "      - name: Publish to npm\n        run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n\n      - name: Verify npm publication\n        run: |\n          sleep 10\n          npm view @mission_sciences/provider-sdk version\n", rule: None },
    // -------------------- q36 `ARG GITHUB_TOKEN`
    // index 52716573670
    Case { family: DOCKER, form: "q36.1 dockerfile build stage arg github token without default", file: "Dockerfile", text: "WORKDIR /app\n\nARG GITHUB_TOKEN\n\n# Install the parent POM so the cloned module can resolve com:core-bank:1.0-SNAPSHOT\nRUN curl -fsSL https://raw.githubusercontent.com/Deathrow002/Core-Banking/master/pom.xml -o /app/pom.xml\nRUN mvn clean install -N\n", rule: None },
    // index 58895582845
    Case { family: DOCKER, form: "q36.2 dockerfile env github token from build arg", file: "Dockerfile", text: "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\n\nARG GITHUB_USER\nARG GITHUB_TOKEN\n\nENV GITHUB_USER=$GITHUB_USER\nENV GITHUB_TOKEN=$GITHUB_TOKEN\n\nCOPY nuget.config ./\nCOPY *.csproj ./\n\nRUN dotnet restore\n", rule: None },
    // index 71134235410
    Case { family: DOCKER, form: "q36.3 dockerfile args for nuget restore", file: "src/Kariyer.Recruiting.Api/Dockerfile", text: "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nARG GITHUB_USER\nARG GITHUB_TOKEN\n\nCOPY [\"nuget.config\", \"Directory.Build.props\", \"Directory.Packages.props\", \"./\"]\n", rule: None },
    // -------------------- p1 `speckle_token=`: 0 positives among 10 (`...`, `your-token`, `your_token_here`, `<personal access token ...>`, `xxx`, `PALCEHOLDER`, variable references)
    // -------------------- p2 `DB_PASSWORD: ` (positives at ranks 3, 4, 8; rank 2 the bare word `password`, the rest None, fill-ins, Joi types, env lookups, `fake-password`)
    // index 54793519347
    Case { family: JS, form: "p2.1 ts playwright web server env db password literal", file: "playwright.config.ts", text: "      reuseExistingServer: !process.env.CI,\n      timeout: 120000,\n      env: {\n        SERVER_PORT: \"8080\",\n        JWT_SECRET: \"playwright-e2e-secret\",\n        ACCESS_TTL: \"60\",\n        REFRESH_TTL: \"7\",\n        DB_HOST: \"localhost\",\n        DB_PORT: \"5432\",\n        DB_USER: \"postgres\",\n        DB_PASSWORD: \"{L8}\",\n        DB_NAME: \"sync_test\",\n        DB_SSLMODE: \"disable\",\n      },\n", rule: Some("generic-password") },
    // index 51932358507
    Case { family: PY, form: "p2.2 python settings getenv default db password", file: "app/core/config.py", text: "    DB_DRIVER: str = os.getenv(\"DB_DRIVER\", \"sqlite+aiosqlite\")\n    DB_NAME: str = os.getenv(\"DB_NAME\", \"template.db\")\n    DB_HOST: str = os.getenv(\"DB_HOST\", \"localhost\")\n    DB_PORT: int = int(os.getenv(\"DB_PORT\", \"5432\"))\n    DB_USER: str = os.getenv(\"DB_USER\", \"postgres\")\n    DB_PASSWORD: str = os.getenv(\"DB_PASSWORD\", \"{L8}\")\n    DATABASE_URL: str | None = None\n", rule: Some("generic-password") },
    // index 65715195162
    Case { family: COMPOSE, form: "p2.3 compose radarr environment db password hex with suffix", file: "apps/radarr/docker-compose.yaml", text: "services:\n  radarr:\n    cap_drop:\n      - ALL\n    container_name: radarr\n    privileged: false\n    environment:\n      DB_DATABASE: radarr\n      DB_HOST: postgresql\n      DB_LOGSDB: radarr-log\n      DB_PASSWORD: {H32U4}\n      DB_PORT: \"5432\"\n      DB_TYPE: sqlite\n      DB_USER: radarr\n      TZ: Etc/UTC\n", rule: Some("generic-password") },
    // -------------------- p3 `ansible_become_password=` (one positive, rank 8; rank 2 `ansiblepassword` a role-and-password placeholder, rank 3 Vagrant's shipped `vagrant`, the rest format fields and variables)
    // index 3605668803
    Case { family: DOC, form: "p3.1 markdown go run vm deploy ssh and become password digits", file: "README.md", text: "## 发布到虚拟机集群\n\n执行命令会自动安装ansible控制机和受控机, 不同的集群环境可以给`--ansible.hosts`参数设置不同的主机列表,用逗号分隔\n\n```\ngo run main.go vm --default.appdir=~/workspace/hellogo --ssh.username=guobin --ssh.password={D6} --ansible.ansible_become_password={D6} --ansible.hosts=127.0.0.1 --ansible.ansible_port=2222 --ansible.role=go\n```\n", rule: Some("generic-password") },
    // -------------------- p4 `quarkus.datasource.password` (positives at ranks 4, 5; ranks 1, 2 the bare word `secret`, the rest lookups and references)
    // index 445103493
    Case { family: JAVA, form: "p4.1 java test profile system property default db password", file: "src/test/java/com/example/PostgresTestProfile.java", text: "        String user = System.getProperty(\"TEST_DB_USERNAME\", \"postgres\");\n        String pass = System.getProperty(\"TEST_DB_PASSWORD\", \"{L8}\");\n        cfg.put(\"quarkus.datasource.db-kind\", \"postgresql\");\n        cfg.put(\"quarkus.datasource.jdbc.url\", url);\n        cfg.put(\"quarkus.datasource.username\", user);\n        cfg.put(\"quarkus.datasource.password\", pass);\n", rule: Some("generic-password") },
    // index 19598217558
    Case { family: DOC, form: "p4.2 markdown quarkus application properties spaced password digits", file: "README.md", text: "#### No arquivo `src/main/resources/application.properties`, verifique as seguintes configurações:\n\n```properties\nquarkus.datasource.db-kind = postgresql\nquarkus.datasource.username = topicos1\nquarkus.datasource.password = {D6}\nquarkus.datasource.jdbc.url = jdbc:postgresql://localhost:5432/topicos1db\n\nquarkus.hibernate-orm.database.generation=drop-and-create\n```\n", rule: Some("generic-password") },
    // -------------------- p5 `--requirepass ` (positives at ranks 5, 9, 10; rank 1 `pw`, rank 7 `mypass` placeholders, the rest variables)
    // index 52700429116
    Case { family: SHELL, form: "p5.1 shell redis cluster docker run requirepass and masterauth digits", file: "redis-cluster/start.sh", text: "docker run -d \\\n--name redis-node1 \\\n--network heima-dianping_heima-network \\\n-p 7001:6379 \\\n-v /Users/blizzardcan/docker/heima-dianping/redis-cluster/node1:/data \\\nredis:7.0 \\\nredis-server \\\n--cluster-enabled yes \\\n--cluster-config-file nodes.conf \\\n--cluster-node-timeout 5000 \\\n--appendonly yes \\\n--requirepass {D6} \\\n--masterauth {D6}\n", rule: Some("generic-password") },
    // index 32297331691
    Case { family: SHELL, form: "p5.2 shell dev setup mysql -p and redis requirepass digits", file: "scripts/run_base.sh", text: "    # 等待数据库初始化\n    sleep 30\n    # 初始化table\n    mysql -h $MysqlHost -u root -p{D6} < $(pwd)/../docs/sql/config.sql\nelif [$BaseServer = \"redis\"]; then \n    docker run -d --rm -p 6379:6379 -v $(pwd)/../conf/redis/redis.conf:/etc/redis/redis.conf --name config-redis redis:$ServerTag --requirepass {D6}\nelif [ $BaseServer = \"backend\" ]; then\n", rule: Some("generic-password") },
    // index 65794023046
    Case { family: OTHER, form: "p5.3 windows batch docker run redis requirepass digits", file: "start-redis.bat", text: ") else (\n    echo 🆕 Creating new Redis container with authentication...\n    docker run --name redis-auto-thesis -d -p 6379:6379 redis:7-alpine redis-server --requirepass {D6}\n    if %errorlevel% == 0 (\n        echo ✅ Redis container created and started\n    ) else (\n", rule: Some("generic-password") },
    // -------------------- p6 `admin_password = "` (positives at ranks 2, 3, 4; rank 1 a choose-your-own instruction)
    // index 38900143196
    Case { family: JS, form: "p6.1 js express admin route compares to literal admin password", file: "functions/index.js", text: "// --- Admin Routes ---\napp.post('/getAdminData', async (req, res) => {\n    const { email, password } = req.body;\n    const ADMIN_EMAIL = \"admin@example.org\";\n    const ADMIN_PASSWORD = \"{D8}\";\n\n    if (email !== ADMIN_EMAIL || password !== ADMIN_PASSWORD) {\n        return res.status(403).json({ error: \"Credenciais de administrador inválidas.\" });\n    }\n", rule: Some("generic-password") },
    // index 12163554791
    Case { family: PY, form: "p6.2 python db setup inserts admin with literal password", file: "setup_database.py", text: "    # Insert admin user if it doesn't exist\n    admin_address = \"0x{HEX40}\"\n    admin_password = \"{U5D3}\"\n    \n    # Convert to checksum address\n    admin_address = Web3.to_checksum_address(admin_address)\n", rule: Some("generic-password") },
    // index 60290075051
    Case { family: JS, form: "p6.3 ts deno edge function admin password constant", file: "supabase/functions/admin-api/index.ts", text: "// Contrato: POST /admin-api  body = { op: string, args?: object, adminPassword: string }\n//           => 200 { data } | 400 { error }\n// deno-lint-ignore-file no-explicit-any\nimport { createClient } from \"https://esm.sh/@supabase/supabase-js@2.45.4\";\n\nconst ADMIN_PASSWORD = \"{PWF14}\";\nconst ADMIN_LOGIN = \"adm\";\nconst ADMIN_EMAIL = `${ADMIN_LOGIN}@gpva.local`;\n", rule: Some("generic-password") },
    // -------------------- p7 `Password = "` (positives at ranks 1, 3, 4; rank 2 a property name, the rest empty, `Dummy`, template fields)
    // index 57542393499
    Case { family: JS, form: "p7.1 tsx lms gate password constant", file: "src/App.tsx", text: "import { supabase } from \"./utils/supabase/client\";\nimport { setCurrentUser, clearCurrentUser } from \"./utils/subscriptionUtils\";\nimport { useSession } from \"./session/SessionContext\";\n\nconst LMS_PASSWORD = \"{LMSPW}\";\n\n// ─── LMS 비밀번호 게이트 ───\nfunction LMSGate() {\n  const { lmsUnlocked, setLmsUnlocked } = useSession();\n", rule: Some("generic-password") },
    // index 49153962939
    Case { family: OTHER, form: "p7.2 arduino esp32 wifi password const char pointer", file: "src/main.ino", text: "String UID_scan;*/\nconst char* ssid = \"Eleves\";\nconst char* password = \"{WIFIPW}\";\nString serverName = \"https://b268076a-1104-466e-837a-a82b9ada121d.mock.pstmn.io/\";\n\nvoid setup()\n{\n", rule: Some("generic-password") },
    // index 42100448109
    Case { family: JAVA, form: "p7.3 java shell user class static password fields", file: "src/shell/user.java", text: "package shell;\n\npublic class user\n{\n    private static String username = \"\";\n    private static String password = \"\";\n    private static String rootPassword = \"password\";\n    private static String danPassword = \"{L4}\";\n    //private static String currentUser = \"\";\n", rule: Some("generic-password") },
    // -------------------- p8 `token := "` (one positive, rank 6; the rest empty, word fixtures `rt1.validtokenopaque`, `api_key`, `accessToken`, `readonlytoken`)
    // index 9978013
    Case { family: GO, form: "p8.1 go repository test reset token keyboard mash fixture", file: "internal/repository/user_repo_test.go", text: "func Test_FindUserByToken(t *testing.T) {\n\tdb, closeFn := getDB(t)\n\tdefer closeFn()\n\n\tuserRepo := NewUserRepo(db)\n\n\tuser := generateUser(t)\n\ttoken := \"{LD20}\"\n\n\tuser.ResetPasswordToken = token\n\n\trequire.NoError(t, userRepo.CreateUser(context.Background(), user))\n", rule: Some("generic-token") },
    // -------------------- p9 `private val apiKey = "` (positives at ranks 1, 2, 3)
    // index 53063730681
    Case { family: KOTLIN, form: "p9.1 kotlin repository gemini google api key under replace comment", file: "app/src/main/java/com/example/scan/GeminiRepository.kt", text: "class GeminiRepository {\n\n    // Substitua pela sua chave real do Google AI Studio\n    private val apiKey = \"{GAPI}\"\n\n    private val generativeModel = GenerativeModel(\n        modelName = \"gemini-3-flash-preview\",\n        apiKey = apiKey\n    )\n", rule: Some("google-api-key") },
    // index 13067163591
    Case { family: KOTLIN, form: "p9.2 kotlin openai service project key", file: "app/src/main/java/com/example/myapplication/OpenAIService.kt", text: "class OpenAIService {\n    private val client = OkHttpClient()\n    private val apiKey = \"{OAIPROJ}\"\n    private val apiUrl = \"https://api.openai.com/v1/chat/completions\"\n\n    fun sendMessage(message: String, callback: (String) -> Unit) {\n", rule: Some("openai-project-key") },
    // index 6902868651
    Case { family: KOTLIN, form: "p9.3 kotlin activity google api key with trailing replace comment", file: "app/src/main/java/com/example/voice/MainActivity.kt", text: "class MainActivity : AppCompatActivity() {\n\n    private lateinit var binding: ActivityMainBinding\n    private val RECORD_AUDIO_PERMISSION = 1000\n    private val apiKey = \"{GAPI}\" // ← APIキーは適宜置き換えてください\n\n    override fun onCreate(savedInstanceState: Bundle?) {\n        super.onCreate(savedInstanceState)\n", rule: Some("google-api-key") },
    // -------------------- p10 `IDENTIFIED BY "` (one positive, rank 6; ranks 9, 10 the bare word `password` and `your_password`, the rest concatenations, binds and prose)
    // index 24627062613
    Case { family: SQL, form: "p10.1 plsql execute immediate create user identified by literal", file: "scripts/01_create_admin.sql", text: "    IF user_exists = 0 THEN\n        -- Create the user if it doesn't exist\n        EXECUTE IMMEDIATE 'CREATE USER mbta_admin IDENTIFIED BY \"{PWAR14}\"';\n        DBMS_OUTPUT.PUT_LINE('User \"mbta_admin\" created successfully.');\n    ELSE\n        -- User already exists, inform the user\n        DBMS_OUTPUT.PUT_LINE('User \"mbta_admin\" already exists.');\n    END IF;\n", rule: Some("generic-password") },
    // -------------------- p11 `export DB_PASSWORD=` (positives at ranks 4, 5, 9; the rest generated, `your-db-password`, `SUA_SENHA`, `your_postgres_password`, `your_password`, `crypto_password`, `your_secure_password`)
    // index 65733832132
    Case { family: DOC, form: "p11.1 markdown lab guide export db password quoted", file: "docs/lab-app.md", text: "Defina as variáveis da aplicação:\n\n```bash\nexport DB_HOST=192.168.56.20\nexport DB_PORT=3306\nexport DB_NAME=chamados\nexport DB_USER=chamados_app\nexport DB_PASSWORD='{PWLAB10}'\nexport APP_HOST=0.0.0.0\nexport APP_PORT=8000\n```\n", rule: Some("generic-password") },
    // index 56180257
    Case { family: SHELL, form: "p11.2 shell rspec docker script exports db password equal to user", file: "bin/rspec-docker.sh", text: "#!/bin/bash\n#\n# Run rspec inside Docker\n\nDOCKERFILE_TAG=\"makigas/makigas-rspec:latest\"\n\nexport RAILS_ENV=\"test\"\nexport DB_HOST=\"dbtest\"\nexport DB_NAME=\"makigas\"\nexport DB_USERNAME=\"makigas\"\nexport DB_PASSWORD=\"{L7}\"\n", rule: Some("generic-password") },
    // index 33883133902
    Case { family: DOC, form: "p11.3 markdown go backend local run exports db password", file: "backend/README.md", text: "### 3. サーバー起動（ローカル）\n\n```bash\n# 環境変数設定\nexport DB_HOST=localhost\nexport DB_PORT=5432\nexport DB_USER=3focus\nexport DB_PASSWORD={PW3F10}\nexport DB_NAME=3focus_db\nexport PORT=8080\n\n# サーバー起動\ngo run cmd/api/main.go\n```\n", rule: Some("generic-password") },
    // -------------------- p12 `"access_token": "` (one positive, rank 1, a login password in the sample request; rank 2 GitHub's published documentation sample token, the rest `<your_jwt_here>`, `eyJ...`, word fixtures, `dummy-token`)
    // index 29723928353
    Case { family: DOC, form: "p12.1 markdown websocket guide curl login json password digits", file: "docs/websocket.md", text: "2. **Login via REST API** to get the **access token (AT)**:\n   ```bash\n   curl -X POST http://localhost:8080/api/auth/login \\\n        -H \"Content-Type: application/json\" \\\n        -d '{\"username\":\"admin\",\"password\":\"{D6}\"}'\n   ```\n   Response example:\n   ```json\n   {\n     \"access_token\": \"<your_jwt_here>\"\n   }\n   ```\n", rule: Some("generic-password") },
    // -------------------- p13 `os.environ['OPENAI_API_KEY'] = '` (positives at ranks 5, 6, 7; the rest `sk-your-key-here`, test words, `your_api_key`, empty, `NA`)
    // index 47482426406
    Case { family: PY, form: "p13.1 python langgraph tutorial environ openai project key", file: "langgraph_tutorial.py", text: "from IPython.display import Image, display\nfrom typing import Literal\nimport os\nimport functools\nimport json\nimport graphviz\n\nos.environ['OPENAI_API_KEY'] = '{OAIPROJ20}'\n\nos.environ[\"LANGCHAIN_TRACING_V2\"] = \"true\"\nos.environ[\"LANGCHAIN_PROJECT\"] = \"LangGraph Tutorial\"\n", rule: Some("openai-project-key") },
    // index 70956279911
    Case { family: PY, form: "p13.2 python config ollama word key and elastic password literal", file: "config.py", text: "import os\n\nos.environ['OPENAI_BASE_URL'] = 'http://localhost:11434/v1'\nos.environ['OPENAI_API_KEY'] = 'ollama'\nOPENAI_API_KEY = os.environ['OPENAI_API_KEY']\nopenai_api_key = OPENAI_API_KEY\nelastic_url_port = 'https://compute-lsis-2.lis-lab.fr/elastic'\nkibana_url_port = 'https://compute-lsis-2.lis-lab.fr/kibana'\nelastic_user=\"daull\"\nelastic_password=\"{PWEL14}\"\nPickleCacheActivated = False\n", rule: Some("generic-password") },
    // index 27957804626
    Case { family: PY, form: "p13.3 python kivy chat screen environ legacy openai key", file: "chatbox.py", text: "from langchain.memory import ConversationEntityMemory\nfrom langchain.memory.prompt import ENTITY_MEMORY_CONVERSATION_TEMPLATE\n\nos.environ['OPENAI_API_KEY'] = '{OAILEG}'\n\n\nclass ChatBox(MDScreen):\n    def __init__(self, *args, **kwargs):\n        super().__init__(*args, **kwargs)\n", rule: Some("openai-user-key") },
    // -------------------- p14 `:password => '` (positives at ranks 1, 4, 5; ranks 2, 3 the bare word `password`, the rest PHP constants, empty values)
    // index 18101820051
    Case { family: RUBY, form: "p14.1 ruby familysearch authenticate hash rocket password digits", file: "examples/authenticate.rb", text: "if communicator.identity_v1.authenticate :username => 'api-user-1241', :password => '{D4}'\n  FamilyTreeV2 = Org::Familysearch::Ws::Familytree::V2::Schema\n  # p = FamilyTreeV2::Person.new\n  # p.add_name \"Jonathan /Duplicate/\"\n", rule: Some("generic-password") },
    // index 29737122516
    Case { family: RUBY, form: "p14.2 ruby sinatra activerecord establish connection password digits", file: "models/dbase.rb", text: "class Dbase\n\tdef connect\n\t\tActiveRecord::Base.establish_connection(\n  \t\t\t:adapter  => 'postgresql',\n  \t\t\t:host     => 'localhost',\n\t\t\t:port \t  => '5432',\n   \t\t\t:username => 'santiago',\n   \t\t\t:password => '{D6}',\n  \t\t\t:database => 'game',\n   \t\t\t:encoding => 'utf8'\n\t\t)\n\tend\nend\n", rule: Some("generic-password") },
    // index 36034421841
    Case { family: RUBY, form: "p14.3 ruby snmp agent options hash password mixed", file: "test/policy2_test.rb", text: "policy2_agent = FgPolicy2.new(:ip_address => '10.20.2.41',\n                              :community => 'monit_fg',\n                              :username => 'networkguest',\n                              :password => '{PWSW12}',\n                              :serial_number => 'fd3000c',\n                              :basetarget => 'basetarget',\n", rule: Some("generic-password") },
    // -------------------- p15 `db_pass = ` (positives at ranks 3, 5, 8; rank 4 `adminpass` and rank 7 `systems_password` role-and-password placeholders, the rest constants, env lookups, fill-ins)
    // index 71654502421
    Case { family: PY, form: "p15.1 python export script postgres connection constants password", file: "export_tables.py", text: "import os\nimport psycopg\nimport pandas as pd\n\n# Parámetros de conexión a PostgreSQL\nDB_HOST = \"localhost\"\nDB_PORT = \"5432\"\nDB_NAME = \"gestion_apuestas\"\nDB_USER = \"postgres\"\nDB_PASS = \"{L9D3}\"\n\n# Nombres exactos de las 13 tablas extraídas del dump DDL\nTABLES = [\n", rule: Some("generic-password") },
    // index 35964205966
    Case { family: GO, form: "p15.2 go const block db pass equal to user", file: "database/db.go", text: "const (\n\tDB_HOST = \"localhost\"\n\tDB_POST = \"5432\"\n\tDB_USER = \"docker\"\n\tDB_PASS = \"{L6}\"\n\tDB_NAME = \"docker\"\n)\n\nfunc StartDB() *gorm.DB {\n\tdsn := fmt.Sprintf(\"host=%s port=%s user=%s password=%s dbname=%s sslmode=disable\", DB_HOST, DB_PORT, DB_USER, DB_PASS, DB_NAME)\n", rule: Some("generic-password") },
    // index 43448009896
    Case { family: PY, form: "p15.3 python seed admin script db pass and bare word user password", file: "scripts/create_admin.py", text: "# --- Configuration ---\nDB_NAME = \"myfastapi\"\nDB_USER = \"postgres\"\nDB_PASS = \"{L8}\"\nDB_HOST = \"localhost\"  # or your DB host\nDB_PORT = 5432\n\n# --- Password Hashing ---\npwd_context = CryptContext(schemes=[\"bcrypt\"], deprecated=\"auto\")\npassword = \"secret\"\nhashed_password = pwd_context.hash(password)\n", rule: Some("generic-password") },
    // -------------------- p16 `MINIO_ROOT_PASSWORD` (positives at ranks 3, 4, 8; ranks 9 MinIO's shipped `minioadmin`, 10 a default `rfpose-secret` in a role-and-secret form, the rest names, references and fill-ins)
    // index 54925475051
    Case { family: DOC, form: "p16.1 markdown deploy guide heredoc env file postgres password", file: "docs/deploy.md", text: "练习项目可以直接使用下面这组简单配置：\n\n```bash\ncat > docker/.env.prod <<'EOF'\nPOSTGRES_USER=postgres\nPOSTGRES_PASSWORD={L8}\nPOSTGRES_DB=ainative\n\nMINIO_ROOT_USER=minioadmin\nMINIO_ROOT_PASSWORD=minioadmin\nMINIO_BUCKET=ainative-files\n\nSECRET_KEY=practice-only-secret-key-change-before-real-deploy\nAPP_TIMEZONE=Asia/Shanghai\nEOF\n```\n", rule: Some("generic-password") },
    // index 9221996
    Case { family: SHELL, form: "p16.2 shell installer writes minio env file base64 root password", file: "install.sh", text: "    # 创建 MinIO 环境配置文件\n    cat > /etc/default/minio << 'EOF'\n# MinIO local configuration file\n# Volume to be used for MinIO server.\nMINIO_VOLUMES=\"/opt/minio/data\"\n\n# User and group\nMINIO_ROOT_PASSWORD={B64_44}\n\n# Use if you want to run MinIO on a custom port.\nMINIO_OPTS=\"--console-address \\\":9001\\\"\"\nEOF\n", rule: Some("generic-password") },
    // index 18344457191
    Case { family: ENV, form: "p16.3 env file minio root password weak", file: ".env", text: "# MinIO Credentials\nMINIO_ROOT_USER=minio\nMINIO_ROOT_PASSWORD={L5D3}\nMINIO_ACCESS_KEY=\nMINIO_SECRET_KEY=\nMINIO_URL= http://localhost:9000\n\nMETADATA_KEY=\"/metadata/symbols_metadata.json\"\nBRONZE_PATH=\"/data/bronze\"\n", rule: Some("generic-password") },
];

#[test]
fn held_aside_real8() {
    SET.measure("real8", CASES, 81031, 51, 93);
}
