//! Fifth held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet). The four earlier real-code sets
//! (`heldout_real`, `heldout_real2`, `heldout_real3` and the fourth one) have all been
//! measured and are used for tuning, so none of them measures unseen code any more. This set
//! follows the fourth set's procedure and measuring test with new queries, spread over the
//! languages and file kinds users write: Python, JS/TS, Go, Java, Kotlin, C#, Ruby, PHP, Rust,
//! shell, CI systems (GitHub Actions, GitLab CI, CircleCI, Azure Pipelines, Bitbucket),
//! Kubernetes and Helm, Ansible, Terraform, Dockerfiles and Compose, `.env` samples,
//! properties, XML, Jupyter notebooks, Markdown, SQL and Postman exports, and the Speckle and
//! Spell SDKs.
//!
//! Written blind on 2026-12-07: the engine (`src/context/` other than the earlier real-code
//! sets as the model and the `Case`/`fill` helpers of `heldout_fresh2.rs`), `src/scan/` other
//! than `checksum.rs` (for the GitHub checksum), docs/context-rules.md, the rule bodies (other
//! than their ids) and the probe tables were not read.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. Stage 1 queries (exact strings, case-insensitive), in this order: `speckle_automate`,
//!    `@speckle/objectloader`, `spell.client`, `spell.ml`, `server.login(`, `new OpenAI({`,
//!    `SetBasicAuth(`, `DriverManager.getConnection(`, `const val API_KEY`,
//!    `new SqlConnection(`, `Rails.application.credentials`, `define('DB_PASSWORD'`,
//!    `.basic_auth(`, `sshpass -p`, `docker/login-action`, `DOCKER_AUTH_CONFIG`,
//!    `password: $DOCKERHUB_PASSWORD`, `$(System.AccessToken)`, `BITBUCKET_APP_PASSWORD`,
//!    `.dockerconfigjson`, `rootPassword:`, `ansible_password`, `master_password`,
//!    `MONGO_INITDB_ROOT_PASSWORD`, `MAIL_PASSWORD=`, `jdbc.password=`,
//!    `<property name="password"`, `%env `, `IDENTIFIED BY '`, `"type": "bearer"`,
//!    `export API_TOKEN=`. None of them is a query of the four earlier real-code sets. Each
//!    is sent once to the public-code string index (`find_string`, context 300 characters);
//!    the first 5 usable excerpts are taken in the order returned, whatever their label. An
//!    excerpt is unusable only when it is not source or config text (binary, minified blob,
//!    lock file) or repeats an excerpt already taken. Cases are named `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, so that about a quarter of the cases are positives),
//!    all fixed before any stage-2 result is read, in this order:
//!    `get_account_from_token("`, `SPELL_TOKEN="`, `WITH PASSWORD '`, `"password": "`,
//!    `ENV ADMIN_PASSWORD`, `setPassword("`, `apiKey = "`, `'x-api-key': '`, `github_pat_`,
//!    `dop_v1_`, `shpat_`, `postgresql+psycopg2://`, `password => '`, `'api_key' => '`,
//!    `jwtSecret: '`, `BEGIN PRIVATE KEY`, `token = '`, `'Authorization': 'Token `,
//!    `AccountKey=`, `SLACK_WEBHOOK_URL=https`. From each, only the excerpts that hold a
//!    literal credential by the labelling rules below are taken, the first 3 in the order
//!    returned (an excerpt repeating one of an earlier real-code set is skipped). This stage
//!    chooses by label, never by how hard a case looks. Cases are named `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; an excerpt's first or
//!    last line cut by the window is dropped. The index gives no repository or path, so each
//!    case's comment gives the index id of its file (`read_file` with that id opens it) and
//!    the case's `file` is a plausible name for its language and kind.
//! 4. Labels, decided from the code before the scanner ever runs on it (the rules of the
//!    third and fourth sets):
//!    - a literal credential value (a real-looking key, token or password; a concrete default
//!      used when an environment variable is missing; a concrete fixture value in a test; a
//!      weak but concrete password such as `root` or `123456`) is POSITIVE. Its value is
//!      replaced by a value of the same kind generated at run time, and the case expects the
//!      rule a user would want: the provider rule when the value has a provider's shape, the
//!      URL rule for a password inside a connection URL, `connection-string-password` for an
//!      ADO.NET/JDBC-style `Password=` pair, the key-block rule for a private key block with
//!      key material, `jwt` for a JWT, `speckle-token` for a Speckle token, `spell-token` for
//!      a Spell token, else the generic rule by role (`generic-password`, `generic-api-key`,
//!      `generic-secret`, `generic-token`). Where two generic rules are equally defensible
//!      (a `secret_token` key: `generic-secret` or `generic-token`), the case lists both
//!      and the measure accepts either; the case comment says so.
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
//!    relabelled after its result is seen, and its result is not written into this file.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: every query returned 10 excerpts; the first 5 were usable for every query (none
//! was binary, minified, a lock file or a repeat): 31 x 5 = 155 cases, 27 positives, 128
//! negatives. The queries aimed at SDK names (`speckle_automate`, `@speckle/objectloader`,
//! `spell.client`, `spell.ml`) returned only code and prose without literals (imports,
//! games' spells, blog links), and `%env ` returned Perl `%ENV` code: they are kept as
//! sampled, since the procedure takes the first 5 whatever their label.
//!
//! Stage 2 (positives only, first 3 holding a literal, ranks among the 10 returned):
//! p1 `get_account_from_token("` 2 (ranks 3, 4; the others pass a variable, `broken`, or
//! `your-token`); p2 `SPELL_TOKEN="` 0 (3 returned, all `HYPERSPELL_`/`DOCSPELL_`
//! placeholders); p3 `WITH PASSWORD '` 3 (ranks 2, 3, 7; rank 1 `CHANGE_ME`, rank 4
//! `güçlü-şifre`, "strong password" in Turkish, rank 6 `secure_password`); p4
//! `"password": "` 3 (ranks 1, 3, 4; rank 2 a redactor test's `registry-password`); p5
//! `ENV ADMIN_PASSWORD` 3 (ranks 1, 2, 4); p6 `setPassword("` 2 (ranks 4, 9; rank 2 the bare
//! word `password`, rank 8 `changeit`, the Java keystore's shipped default); p7 `apiKey = "`
//! 3 (ranks 1, 4, 7; rank 2 `nvapi-secret-value`); p8 `'x-api-key': '` 3 (ranks 2, 3, 5;
//! rank 1 `secret`, rank 4 `invoice-key`); p9 `github_pat_` 2 (ranks 7, 8; rank 1
//! `github_pat_TESTONLY_not_a_real_credential`); p10 `dop_v1_` 2 (ranks 2, 6); p11 `shpat_`
//! 1 (rank 5; the others `shpat_xxx`, `shpat_test_not_real`, `shpat_supersecret`, prose,
//! regexes); p12 `postgresql+psycopg2://` 3 (ranks 6, 8, 9); p13 `password => '` 3 (ranks
//! 1, 3, 5; rank 4 `mypassword`); p14 `'api_key' => '` 0 (validation rules, `sk-test`,
//! `k`, `test-key`, `TEST_API_KEY`, empty values); p15 `jwtSecret: '` 2 (ranks 6, 8; the
//! others `test-...`, `synthetic-...` and `should-be-ignored` test values); p16
//! `BEGIN PRIVATE KEY` 0 (rank 1, a PKCS#8 key in a Python string, is cut by the excerpt
//! window before its end line; the rest prose, regexes, stubs, elisions); p17 `token = '`
//! 2 (ranks 6, 9; rank 3 `un-token`, rank 10 `refreshsecret`); p18
//! `'Authorization': 'Token ` 1 (rank 8; the others interpolate a variable); p19
//! `AccountKey=` 3 (ranks 1, 3, 8); p20 `SLACK_WEBHOOK_URL=https` 0 (`your/webhook/url`,
//! `...`, `T00000000/B00000000/XXXX...`, `YOUR/WEBHOOK/URL`, `xxx`). Stage 2 gave 38
//! positives. Total: 193 cases, 65 positives, 128 negatives. Spell: no query returned a
//! Spell credential, so again the set has no `spell-token` case. No case had two generic
//! rules equally defensible for its value (no `secret_token`-like key came up), so every
//! case names one rule.
//!
//! Refinements made while sampling, before any scan of a case:
//! - q4.5 both lines of the excerpt are cut by the window: the hit line is kept from its
//!   first whole sentence;
//! - placeholders standing for the reader's value are negatives: `ignored` as an API key
//!   the local bridge ignores (q6.2), `my-secure-password`/`your-secure-password` (q21.3,
//!   q21.4), `testpassword` (q23.3), `replication_password` beside `master_host` (q23.5),
//!   `password_smtp_anda` (q25.1), `'VALUE'` (q26.4), a Chinese "your MySQL password"
//!   (q26.5), `not-a-real-token`, `SEU_TOKEN`, `your-secure-token` (q31.x); bare words
//!   `password` (q14.2), `secret` (q24.4), `pass` (q29.4); the elision `***` (q30.2);
//! - shipped defaults are negatives, as RabbitMQ's `guest:guest` in `heldout_real3`:
//!   Raspberry Pi OS's `raspberry` (q14.4), the Azure Storage emulator's published
//!   account key (p19.2, written `{AZURITE}`), Java's `changeit` (p6 rank 8);
//! - weak concrete passwords and descriptive phrases used as the value are literals
//!   (positive): `barPassword` in a Go test table (q7.4), `admin` (q8.2, q22.5, p5.1),
//!   `password1234` (q21.5), `super-secret-long-password` (q23.4), H2's `sa` (q26.2),
//!   `root`, `123456`, `abcd`, `mahara` (q27.x, q29.x), `password123` (p4.2),
//!   `testpassword123` (p4.3: more than the two placeholder words), `super_secret` (p13.1),
//!   a fixture XML inside a Python string (q27.2);
//! - the same value written twice in one excerpt gets one placeholder (q21.5, q23.1,
//!   q29.1-q29.3, p1.2, p4.3, p13.2); positional password arguments of
//!   `DriverManager.getConnection` (q8.2, q8.3) and of a test's `setup_master_password`
//!   (q23.1) expect `generic-password`; personal e-mail addresses are replaced by example
//!   ones (q5.1, q5.3);
//! - q9.2 the Giphy key beside `api.giphy.com` expects `giphy-api-key` (`{K}`, its 32
//!   base62 shape); q9.3, q9.5 and p7.2 32-hex keys with no provider named in the excerpt,
//!   and p7.1 SheCodes' near-hex key, keep the hex shape (`{KH}`, `generic-api-key`);
//! - q16.1 the made-up docker `auth` string derived from `my_username:my_password` is a
//!   placeholder, written at run time (`{DAUTH}`); q24.2 a Markdown table row keeps its
//!   padding; q30.5 only the login request body kept (the response's elided JWT trimmed);
//! - p1.1 a Speckle auth app's `appSecret` (10 hex, `{APPSEC}`) expects `generic-secret`,
//!   its `appId` kept as written; p5.2 and p5.3 the admin password named in a changelog
//!   line and a doc comment (a concrete value in prose is a literal);
//! - p6.1 the hit `resetPassword("` passes a reset hash (a UUID, written as the
//!   non-secret `{UUID}`) and a new password: the password measured; p6.2 the ciphertext
//!   lines below the encryptor's password trimmed away;
//! - p8.x AppSync (`da2-` + 26, `{APPSYNC}`), TheCatAPI (`live_` + 64, `{CATAPI}`) and a
//!   UUID key (`{KUUID}`) expect `generic-api-key` (no rule id names these providers);
//! - p9.1 the incident report's elided keys kept as written, its Neo4j password (the first
//!   literal) measured; p10.1 the Telegram bot token line above the DigitalOcean token,
//!   p10.2 the access-key line below it, p12.3 the JWT secret default lines, p15.2 the
//!   database URL and access-key lines, p19.1 the Django `SECRET_KEY` and `AUTHORIZATION`
//!   lines trimmed away; p11.1 the URL's userinfo API key (32 hex, `{KH}`) filled, the
//!   `shpat_` token measured; p18.1 a 40-hex REST framework token expects `generic-token`;
//!   p19.2 the local Postgres URL's password (the first literal) measured.
//!
//! Generator check (before the set was committed, each generator of this set alone in a
//! one-line `NAME=<value>` file scanned by the built binary, never a case): every provider
//! shape was reported by its rule (`{GHFG}`, `{DOP}`, `{SHPAT}`, `{TG}`, `{AZSK}` in a
//! connection string, `{UW}` in a `postgres://` URL on `localhost`; on a `db.example.com`
//! host it was not reported, a documentation host); under `API_KEY=` the shapes `{KH}`,
//! `{APPSYNC}` and `{CATAPI}` were reported as `generic-api-key`, while `{KUUID}` (a UUID),
//! `{APPSEC}` (10 hex, as `APP_SECRET=`) and `{TH40}` (40 hex, as `API_TOKEN=`) were not.
//! They are those values' real shapes, so none was changed.
//!
//! # Measuring
//!
//! The same measure as the fourth set (reimplemented here for this set's shapes): recall,
//! precision, negatives quiet, per-family lines, the missed and noisy forms, over the six
//! generic rules and every rule a case expects. For the shared shapes (`{S}` `{W}` `{K}`
//! `{C}` `{T}`) the reported secret must equal the value; for the shapes added here it must
//! contain the value, or be a part of it of at least 16 characters (a URL rule may report
//! the whole URL or the password).
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed or
//! a scan panics, never on low recall. Run it with:
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real5::held_aside_real5`

#![cfg(test)]

use super::blind_harness::{
    uuid, BlindSet, Gen, BASE62, DIGITS, HEX, LOWER_DIGITS, UPPER_DIGITS, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};
use base64::Engine;

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const GO: &str = "Go";
const JAVA: &str = "Java";
const KOTLIN: &str = "Kotlin";
const CSHARP: &str = "C#";
const RUBY: &str = "Ruby";
const PHP: &str = "PHP";
const RUST: &str = "Rust";
const C: &str = "C and C++";
const SHELL: &str = "shell scripts";
const CI: &str = "CI configuration";
const HCL: &str = "Terraform";
const DOCKER: &str = "Dockerfiles";
const CONF: &str = "properties and other config files";
const XML: &str = "XML configuration";
const SQL: &str = "SQL";
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

/// For each rule a case may expect, the placeholders that can hold its value; a positive
/// holds exactly one of them.
const MEASURED: &[(&str, &[&str])] = &[
    ("speckle-token", &["{S}"]),
    ("generic-password", &["{W}"]),
    (
        "generic-api-key",
        &["{K}", "{KH}", "{KUUID}", "{APPSYNC}", "{CATAPI}"],
    ),
    ("generic-secret", &["{C}", "{APPSEC}"]),
    ("generic-token", &["{T}", "{TH40}"]),
    ("giphy-api-key", &["{K}"]),
    ("github-fine-grained-pat", &["{GHFG}"]),
    ("digitalocean-pat", &["{DOP}"]),
    ("shopify-access-token", &["{SHPAT}"]),
    ("postgres-url-password", &["{UW}"]),
    ("telegram-bot-token", &["{TG}"]),
    ("azure-storage-account-key", &["{AZSK}"]),
];

/// The shared generator's shapes, compared exactly as `heldout_fresh2::measure` does.
const SHARED: [&str; 5] = ["{S}", "{W}", "{K}", "{C}", "{T}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}",
    "{P}",
    "{W}",
    "{K}",
    "{C}",
    "{T}",
    "{NEWS}",
    "{DD}",
    "{OWM}",
    "{AV}",
    "{ETH}",
    "{HK}",
    "{KH}",
    "{KUUID}",
    "{APPSEC}",
    "{APPSYNC}",
    "{CATAPI}",
    "{GHFG}",
    "{DOP}",
    "{SHPAT}",
    "{UW}",
    "{TG}",
    "{TH40}",
    "{AZSK}",
];

/// Every placeholder of this set and its value for one case's seed: the shared generator's
/// values first, then this set's shapes.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0005);
    let extra = [
        // A 32-hex API key (Flickr-style and other unprefixed keys).
        ("{KH}", g.pick(HEX, 32)),
        ("{KUUID}", uuid(&mut g)),
        // A Speckle auth app's secret: 10 hex.
        ("{APPSEC}", g.pick(HEX, 10)),
        // An AWS AppSync API key: `da2-` and 26 lowercase alphanumerics.
        (
            "{APPSYNC}",
            ["da2", "-", &g.pick(LOWER_DIGITS, 26)].concat(),
        ),
        // TheCatAPI's key: `live_` and 64 base62.
        ("{CATAPI}", ["live", "_", &g.pick(BASE62, 64)].concat()),
        // A GitHub fine-grained token: `github_pat_`, 22 characters, `_`, 59 characters.
        (
            "{GHFG}",
            [
                "github",
                "_pat_",
                "11",
                &g.pick(UPPER_DIGITS, 20),
                "_",
                &g.pick(BASE62, 59),
            ]
            .concat(),
        ),
        // A DigitalOcean personal access token: `dop_v1_` and 64 hex.
        ("{DOP}", ["dop", "_v1_", &g.pick(HEX, 64)].concat()),
        // A Shopify Admin API access token: `shpat_` and 32 hex.
        ("{SHPAT}", ["shp", "at_", &g.pick(HEX, 32)].concat()),
        // A password inside a connection URL.
        ("{UW}", g.pick(BASE62, 16)),
        // A Telegram bot token: the bot's numeric id, `:`, and 35 characters starting `AA`.
        (
            "{TG}",
            format!(
                "{}{}:AA{}",
                g.pick(b"123456789", 1),
                g.pick(DIGITS, 9),
                g.pick(URLSAFE, 33)
            ),
        ),
        // A REST framework token: 40 hex.
        ("{TH40}", g.pick(HEX, 40)),
        // An Azure Storage account key: base64 of 64 bytes.
        (
            "{AZSK}",
            base64::engine::general_purpose::STANDARD.encode(g.bytes(64)),
        ),
        // Not secrets: a made-up docker `auth` string standing for placeholder credentials,
        // and the Azure Storage emulator's published development account key.
        ("{DAUTH}", ["dUEHilubgiluBAeiub", "glIUAEbIUbgaa"].concat()),
        (
            "{AZURITE}",
            [
                "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6",
                "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
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
    // ---------------------------------------------------------------- q1 `speckle_automate`
    // index 65784234139
    Case { family: PY, form: "q1.1 python automate entry imports execute_automate_function", file: "main.py", text: "from speckle_automate import (\n    execute_automate_function,\n)\n\n\nfrom src.speckle_automate_checker_jacobs.function import automate_function\nfrom src.speckle_automate_checker_jacobs.inputs import FunctionInputs\n\n\n# make sure to call the function with the executor\nif __name__ == \"__main__\":\n", rule: None },
    // index 41916121641
    Case { family: PY, form: "q1.2 python automate function imports gltf helpers", file: "src/function.py", text: "from speckle_automate import AutomationContext\nfrom specklepy.objects import Base\n\nfrom src.gltf.create import (\n    create_gltf,\n    create_gltf_from_instances,\n    create_gltf_from_trimesh,\n)\nfrom src.inputs import FunctionInputs\nfrom src.utils.store import safe_store_file_result, write_gltf_to_tmp\n", rule: None },
    // index 29177585046
    Case { family: GO, form: "q1.3 go automate runner signature takes speckleToken string", file: "runner/context.go", text: "package runner\n\nimport (\n\t\"fmt\"\n\t\"github.com/jsdbroughton/speckle-go/pkg/speckle/api\"\n\t\"github.com/jsdbroughton/speckle-go/pkg/speckle/transports\"\n\t\"github.com/jsdbroughton/speckle-go/pkg/speckle_automate/automation_context\"\n\t\"github.com/jsdbroughton/speckle-go/pkg/speckle_automate/schema\"\n)\n\n// initializeAutomationContext initializes the AutomationContext\nfunc initializeAutomationContext(runData schema.AutomationRunData, speckleToken string) (*automation_context.AutomationContext, error) {\n", rule: None },
    // index 1679887610
    Case { family: PY, form: "q1.4 python automate module docstring and imports", file: "main.py", text: "\"\"\"This module contains the business logic of the function.\n\nuse the automation_context module to wrap your function in an Autamate context helper\n\"\"\"\n\nimport numpy as np\nfrom pydantic import Field\nfrom speckle_automate import (\n    AutomateBase,\n    AutomationContext,\n    execute_automate_function,\n)\nfrom specklepy.objects.other import Collection\n\nfrom utils.utils_osm import get_buildings, get_roads\n", rule: None },
    // index 14692829930
    Case { family: PY, form: "q1.5 python get_revit_model typed signature", file: "utils/revit.py", text: "from specklepy.api import operations\nfrom specklepy.api.models import Branch\nfrom specklepy.objects import Base\nfrom specklepy.objects.other import Transform\nfrom specklepy.transports.server import ServerTransport\nfrom speckle_automate import AutomationContext\nfrom typing import Optional\n\ndef get_revit_model(\n    automate_context: AutomationContext, static_model_name: str\n) -> tuple[Base, Optional[str], Optional[str]]:\n    # the static reference model will be retrieved from the project using model name stored in the inputs\n", rule: None },
    // ---------------------------------------------------------------- q2 `@speckle/objectloader`
    // index 56236568384
    Case { family: DOC, form: "q2.1 markdown architecture notes server token http client", file: "AGENTS.md", text: "- Node classes model Speckle resources. They can create refs without I/O and fetch on `.get`, `refresh()`, list helpers, mutations, or subscriptions.\n- `src/objects.ts` loads object graphs through patched `@speckle/objectloader2` and returns explicit-dispose handles.\n- Transforms are pure data reshapers and must never load from Speckle.\n- GraphQL documents in `src/operations/` are the source for `src/generated/`.\n", rule: None },
    // index 8981494320
    Case { family: JS, form: "q2.2 ts composable imports useAuthCookie", file: "lib/viewer/composables/data.ts", text: "import { useInjectedViewerState } from '~/lib/viewer/composables/setup'\nimport ObjectLoader from '@speckle/objectloader'\nimport { useAuthCookie } from '~/lib/auth/composables/auth'\nimport type { Optional } from '@speckle/shared'\n\nexport const useGetLoadedData = () => {\n  const {\n    resources: {\n      response: { modelsAndVersionIds }\n    },\n    projectId\n  } = useInjectedViewerState()\n", rule: None },
    // index 26615832014
    Case { family: JS, form: "q2.3 ts uploadToSpeckle config typed parameter", file: "src/speckle/upload.ts", text: "/**\n * Upload architectural model to Speckle\n *\n * Note: This is a simplified implementation using Speckle REST API.\n * For production, use the official @speckle/objectloader package.\n */\nexport async function uploadToSpeckle(\n  model: ArchitecturalModel,\n  config: SpeckleConfig,\n  metadata: any = {},\n  onProgress?: (message: string, progress: number) => void\n): Promise<SpeckleUploadResult> {\n  try {\n    onProgress?.('Converting to Speckle format...', 0.1);\n", rule: None },
    // index 11357092517
    Case { family: JS, form: "q2.4 ts SpeckleObject class imports", file: "src/Object.ts", text: "/**\n * SpeckleObject\n */\n\nimport ObjectLoader from '@speckle/objectloader';\n\nimport API from './api';\nimport SpeckleNode from './Node';\nimport SpeckleProject from './Project';\nimport { SpeckleBaseObject } from './types';\nimport md5 from 'md5';\n\nexport default class SpeckleObject extends SpeckleNode<SpeckleProject> {\n\tprotected readonly loader: any;\n", rule: None },
    // index 36929950679
    Case { family: JS, form: "q2.5 js vuex store token key names from template", file: "src/store/index.js", text: "/* eslint-disable camelcase */\nimport Vue from 'vue'\nimport Vuex from 'vuex'\nimport VuexPersistence from 'vuex-persist'\nimport ObjectLoader from '@speckle/objectloader'\nimport streamsModule from './streams'\nimport userModule from './user'\nimport router from '../router'\n\nconst xml2js = require('xml2js')\n\nVue.use(Vuex)\n\nconst APP_NAME = process.env.VUE_APP_SPECKLE_NAME\nconst TOKEN = `${APP_NAME}.AuthToken`\nconst REFRESH_TOKEN = `${APP_NAME}.RefreshToken`\n", rule: None },
    // ---------------------------------------------------------------- q3 `spell.client`
    // index 71441480636
    Case { family: JAVA, form: "q3.1 java minecraft mod package spell client imports", file: "src/main/java/com/github/yimeng261/maidspell/client/ClientSetup.java", text: "package com.github.yimeng261.maidspell.client;\n\nimport com.github.yimeng261.maidspell.MaidSpellMod;\nimport com.github.yimeng261.maidspell.client.gui.SpellWhiteListScreen;\nimport com.github.yimeng261.maidspell.client.gui.WinefoxChallengeConfigScreen;\nimport com.github.yimeng261.maidspell.client.model.AscensionHaloModel;\n", rule: None },
    // index 1256261651
    Case { family: GO, form: "q3.2 go spell checker state struct Client field", file: "runner/spell.go", text: "// wordRE matches simple words (letters, digits, apostrophes within words).\nvar wordRE = regexp.MustCompile(`(?i)[A-Za-z][A-Za-z0-9']*`)\n\n// SpellState is the runner's spell-check subsystem state.\ntype SpellState struct {\n\tEnabled      bool\n\tClient       *spell.Client\n\tranges       []search.Range\n\tlastTopLine  int\n\tlastMaxLines int\n\trunning      atomic.Bool\n\t// lastEditSeq is the Runner.editSeq value the last time we scanned.\n\tlastEditSeq int64\n}\n", rule: None },
    // index 61679474531
    Case { family: CSHARP, form: "q3.3 c# game spell definition fields", file: "GameServer/scripts/OreyBrain.cs", text: "\t\t#region Spells\n\t\tinternal static Spell Bomb => ScriptSpells.GetOrCreate(\"OreyBomb\", 60, static spell =>\n\t\t{\n\t\t\tspell.CastTime = 5;\n\t\t\tspell.Power = 0;\n\t\t\tspell.RecastDelay = Util.Random(20, 30);\n\t\t\tspell.ClientEffect = 4369;\n\t\t\tspell.Icon = 4369;\n\t\t\tspell.Damage = 800;\n\t\t\tspell.DamageType = (int)eDamageType.Energy;\n\t\t\tspell.Name = \"Energy Blast\";\n", rule: None },
    // index 14442298676
    Case { family: CSHARP, form: "q3.4 c# SendCastAnimation doc comments", file: "GameServer/spells/SpellHandler.cs", text: "\t\t/// <summary>\n\t\t/// Sends the cast animation\n\t\t/// </summary>\n\t\t/// <param name=\"castTime\">The cast time</param>\n\t\tpublic virtual void SendCastAnimation(ushort castTime)\n\t\t{\n\t\t\tSendCastAnimation(castTime, Spell.ClientEffect);\n\t\t}\n", rule: None },
    // index 30308273486
    Case { family: CSHARP, form: "q3.5 c# game DbSpell property getter", file: "GameServer/scripts/Tabor.cs", text: "\t#region Spells\n\tprivate Spell m_Tabor_DD;\n\tprivate Spell Tabor_DD\n\t{\n\t\tget\n\t\t{\n\t\t\tif (m_Tabor_DD == null)\n\t\t\t{\n\t\t\t\tDbSpell spell = new DbSpell();\n\t\t\t\tspell.AllowAdd = false;\n\t\t\t\tspell.CastTime = 3.5;\n\t\t\t\tspell.RecastDelay = Util.Random(10,15);\n\t\t\t\tspell.ClientEffect = 5087;\n", rule: None },
    // ---------------------------------------------------------------- q4 `spell.ml`
    // index 16987841161
    Case { family: PY, form: "q4.1 python todo comments link spell.ml blog", file: "train.py", text: "    #           > Test heads\n    #           > Compare deeper architectures\n    #           > Test subsampling ph\n    #           > Number of parameters. Use groups, reduce some of the mlp operations\n    #           > See optimization here:\n    #               TODO - https://spell.ml/blog/pytorch-training-tricks-YAnJqBEAACkARhgD\n    #               TODO - https://efficientdl.com/faster-deep-learning-in-pytorch-a-guide/#2-use-multiple-workers-and-pinned-memory-in-dataloader\n    #               TODO - https://www.fast.ai/2018/07/02/adam-weight-decay/\n", rule: None },
    // index 23218385278
    Case { family: DOC, form: "q4.2 markdown reference list spell.ml blog link", file: "README.md", text: "PRINCIPLES AND EMPIRICAL EVALUATION)\n- 참조 : https://youtu.be/Oh1pLlir39Q\n- 참조 : https://leimao.github.io/article/Neural-Networks-Quantization/\n- 참조 : https://leimao.github.io/blog/PyTorch-Quantization-Aware-Training/\n- 참조 : https://spell.ml/blog/pytorch-quantization-X8e7wBAAACIAHPhT\n- 참조 : https://www.youtube.com/playlist?list=PLC89UNusI0eSBZhwHlGauwNqVQWTquWqp\n- 참조 : https://wannabeaprogrammer.tistory.com/42\n", rule: None },
    // index 41896970339
    Case { family: DOC, form: "q4.3 markdown gradient checkpointing link with url fragment", file: "notes/memory.md", text: "### Gradient Checkpointing\n\n\nGradient checkpointing reduces the model's memory cost by 60% (at the cost of 25% greater training time).\n\n- https://spell.ml/blog/gradient-checkpointing-pytorch-YGypLBAAACEAefHs#:~:text=In%20a%20nutshell%2C%20gradient%20checkpointing,these%20values%20ahead%20of%20time\n- https://github.com/prigoyal/pytorch_memonger/blob/master/tutorial/Checkpointing_for_PyTorch_models.ipynb\n", rule: None },
    // index 9379362255
    Case { family: PY, form: "q4.4 python spell cli click group docs url", file: "spell/cli/commands/server.py", text: "RM_MAX_WAIT_TIME_S = 300\nRM_CHECK_PERIOD_S = 5\nRM_TOTAL_CHECKS = int(RM_MAX_WAIT_TIME_S / RM_CHECK_PERIOD_S)\n\n\n@group(\n    name=\"server\",\n    short_help=\"Manage model servers\",\n    help=\"Manage model servers\",\n    docs=\"https://spell.ml/docs/model_servers/\"\n)\n@click.option(\n    \"--raw\", help=\"display output in raw format\", is_flag=True, default=False, hidden=True\n)\n@click.pass_context\ndef server(ctx, raw):\n    pass\n", rule: None },
    // index 70923394902
    Case { family: DOC, form: "q4.5 markdown design notes mention lib corpus spell.mli", file: "docs/NOTES.md", text: "The corollary for `Spell`: it is consulted only to pick a parchment's tier tile, so on a build with no parchments it is never called — which is why serving 0.32.1 and 0.33.1 did not surface the version-keying question (see `lib/corpus/spell.mli` for the trigger that would).\n", rule: None },
    // ---------------------------------------------------------------- q5 `server.login(`
    // index 16154898525
    Case { family: PY, form: "q5.1 python smtp sendMail local password literal", file: "platform/notify.py", text: "def sendMail(receiver , msg  ):\n    print(\"inside send mail\")\n    print(msg)\n    sender = 'sender@example.com'\n    password = '{W}'\n    smtpserver = smtplib.SMTP(\"smtp.gmail.com\",587)\n    smtpserver.starttls()\n    smtpserver.login(sender,password)\n\t\n    smtpserver.sendmail(sender,receiver,msg)\n    print('sent')\n    smtpserver.close()\n", rule: Some("generic-password") },
    // index 40662897975
    Case { family: PY, form: "q5.2 python smtp login with config variables", file: "monitor.py", text: "    # Server and port information\n    smtpServer = smtplib.SMTP(emailServerName,emailServerPort)\n    smtpServer.ehlo()\n    smtpServer.starttls()\n    smtpServer.ehlo\n    # Login with sender email address and password\n    smtpServer.login(emailUser, emailPassword)\n    # Email content\n    header = 'To:' + emailTo + '\\n' + 'From: ' + emailUser + '\\n' + 'Subject:' + emailSubject + '\\n'\n", rule: None },
    // index 7799130
    Case { family: PY, form: "q5.3 python send_email gmail_password literal", file: "assistant.py", text: "def send_email(to, content):\n    email_server = smtplib.SMTP('smtp.gmail.com',587)\n    email_server.ehlo()\n    email_server.starttls()\n    gmail_user = 'assistant@example.com'\n    gmail_password = '{W}'\n    email_server.login(gmail_user,gmail_password)\n    email_server.sendmail(gmail_user,to,content)\n    email_server.quit()\n", rule: Some("generic-password") },
    // index 48348112815
    Case { family: PY, form: "q5.4 python2 smtp login gmail_pwd variable", file: "doorbell.py", text: "    try:\n        server = smtplib.SMTP(\"smtp.gmail.com\", 587)\n        server.ehlo()\n        server.starttls()\n        server.login(gmail_user, gmail_pwd)\n        server.sendmail(FROM, TO, message)\n        server.close()\n        print 'successfully sent the mail'\n    except:\n        print \"failed to send mail\"\n", rule: None },
    // index 59023021680
    Case { family: PY, form: "q5.5 python smtp login multi-line constants", file: "otp_mail.py", text: "    msg[\"Subject\"] = \"Password Reset OTP\"\n    msg[\"From\"] = EMAIL\n    msg[\"To\"] = receiver_email\n\n    server = smtplib.SMTP(\n        \"smtp.gmail.com\",\n        587\n    )\n\n    server.starttls()\n\n    server.login(\n        EMAIL,\n        PASSWORD\n    )\n\n    server.send_message(msg)\n\n    server.quit()\n", rule: None },
    // ---------------------------------------------------------------- q6 `new OpenAI({`
    // index 16356
    Case { family: JS, form: "q6.1 ts provider class constructor apiKey shorthand", file: "src/providers/openai.ts", text: "export class OpenAIProvider extends BaseProvider {\n  private client: OpenAI;\n  constructor(apiKey: string, baseURL: string) {\n    super()\n    this.client = new OpenAI({\n      apiKey,\n      baseURL\n    })\n  }\n", rule: None },
    // index 56362124136
    Case { family: DOC, form: "q6.2 markdown js example apiKey ignored word for local bridge", file: "README.md", text: "```javascript\nimport { DVAI } from \"@dvai-bridge/core\";\nimport OpenAI from \"openai\";\n\nconst dvai = new DVAI({ backend: \"transformers\" });\nawait dvai.initialize();\nconsole.log(dvai.baseUrl); // e.g. \"http://127.0.0.1:38883/v1\"\n\nconst openai = new OpenAI({ baseURL: dvai.baseUrl, apiKey: \"ignored\" });\nconst r = await openai.chat.completions.create({\n  model: dvai.transformersModelId,\n  messages: [{ role: \"user\", content: \"Hello!\" }],\n});\n", rule: None },
    // index 53837034456
    Case { family: JS, form: "q6.3 js openai client apiKey process.env", file: "api/chat.js", text: "import OpenAI from 'openai';\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n\nexport default async function handler(req, res) {\n  res.setHeader('Access-Control-Allow-Origin', '*');\n", rule: None },
    // index 40369335726
    Case { family: JS, form: "q6.4 ts service constructor apiKey parameter", file: "src/services/openai.ts", text: "import OpenAI from 'openai';\n\n/**\n * OpenAI service for image analysis\n */\nexport class OpenAIService {\n\tprivate client: OpenAI;\n\n\tconstructor(apiKey: string) {\n\t\tthis.client = new OpenAI({\n\t\t\tapiKey: apiKey\n\t\t});\n\t}\n", rule: None },
    // index 49758966516
    Case { family: JS, form: "q6.5 ts next route openai apiKey process.env multi-line", file: "app/api/suggest/route.ts", text: "import { NextRequest, NextResponse } from 'next/server'\nimport OpenAI from 'openai'\n\nconst openai = new OpenAI({\n  apiKey: process.env.OPENAI_API_KEY,\n})\n\nexport async function POST(request: NextRequest) {\n", rule: None },
    // ---------------------------------------------------------------- q7 `SetBasicAuth(`
    // index 48146213304
    Case { family: GO, form: "q7.1 go soap client SetBasicAuth from struct fields", file: "soap/client.go", text: "\treq, err := http.NewRequest(\"POST\", s.url, buffer)\n\tif err != nil {\n\t\treturn err\n\t}\n\tif s.auth != nil {\n\t\treq.SetBasicAuth(s.auth.Login, s.auth.Password)\n\t}\n\n\treq.Header.Add(\"Content-Type\", \"text/xml; charset=\\\"utf-8\\\"\")\n", rule: None },
    // index 55633560939
    Case { family: GO, form: "q7.2 go test SetBasicAuth table fields", file: "export/handler_test.go", text: "\t}\n\tfor _, tt := range tests {\n\t\tt.Run(tt.name, func(t *testing.T) {\n\t\t\treq := httptest.NewRequest(http.MethodGet, \"http://files.example.test/e/\"+testExportID+\"/hello.txt\", nil)\n\t\t\tif tt.user != \"\" {\n\t\t\t\treq.SetBasicAuth(tt.user, tt.pass)\n\t\t\t}\n\t\t\trec := httptest.NewRecorder()\n", rule: None },
    // index 14284134594
    Case { family: GO, form: "q7.3 go client Do SetBasicAuth nested fields", file: "client/client.go", text: "\treq, err := http.NewRequest(c.Method, c.URL, bytes.NewBuffer(c.Body))\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\n\tif c.Auth.BasicAuth != (BasicAuth{}) {\n\t\treq.SetBasicAuth(c.Auth.BasicAuth.UserName, c.Auth.BasicAuth.Password)\n\t}\n", rule: None },
    // index 6732858384
    Case { family: GO, form: "q7.4 go test table password fixture for basic auth", file: "qocache/app_test.go", text: "\t\t\tusername:     \"fooUser\",\n\t\t\tpassword:     \"{W}\",\n\t\t\texpectedCode: http.StatusUnauthorized}}\n\n\tfor _, tc := range cases {\n\t\tt.Run(tc.name, func(t *testing.T) {\n\t\t\treq, err := http.NewRequest(\"GET\", fmt.Sprintf(\"/qocache/status\"), nil)\n\t\t\tif err != nil {\n\t\t\t\tc.t.Fatal(err)\n\t\t\t}\n\n\t\t\treq.SetBasicAuth(tc.username, tc.password)\n", rule: Some("generic-password") },
    // index 31429187514
    Case { family: JAVA, form: "q7.5 java headers JWT concat and commented setBasicAuth getters", file: "src/main/java/com/example/DockerHubService.java", text: "        String url = \"https://hub.docker.com/v2/repositories/\" + dockerHubConfig.getUsername() + \"/?page_size=100\";\n\n        HttpHeaders headers = new HttpHeaders();\n        headers.set(\"Authorization\", \"JWT \" + jwtToken);\n        //headers.setBasicAuth(dockerHubConfig.getUsername(), dockerHubConfig.getToken());\n\n        HttpEntity<Void> request = new HttpEntity<>(headers);\n", rule: None },
    // ---------------------------------------------------------------- q8 `DriverManager.getConnection(`
    // index 71655477297
    Case { family: KOTLIN, form: "q8.1 kotlin test sqlite getConnection template url", file: "src/test/kotlin/StatsTest.kt", text: "        // Two words were saved this week, the others three weeks ago.\n        DriverManager.getConnection(\"jdbc:sqlite:${file.absolutePath}\").use { c ->\n", rule: None },
    // index 5849365812
    Case { family: JAVA, form: "q8.2 java getConnection url user password literal args", file: "src/bank/management/system/Conn.java", text: "package bank.management.system;\nimport java.sql.*;\npublic class Conn {\n    Connection connec;\n    Statement st ;\n    public Conn(){\n        try{\n            // Class.forName(\"com.mysql.cj.jdbc.Driver\");\n            connec = DriverManager.getConnection(\"jdbc:mysql://bankManagementSystem\", \"root\",\"{W}\");\n            st = connec.createStatement();\n", rule: Some("generic-password") },
    // index 35119491702
    Case { family: JAVA, form: "q8.3 java getConnection password literal third arg", file: "src/StatementResultSetDemo.java", text: "\ttry {\n\t\tClass.forName(\"com.mysql.cj.jdbc.Driver\");\n\t\t//DriverManager.registerDriver(new com.mysql.cj.jdbc.Driver());\n\t\tConnection con = DriverManager.getConnection(\"jdbc:mysql://localhost:3306/jayesh\", \"root\", \"{W}\");\n\n\t\tStatement st = con.createStatement();\n", rule: Some("generic-password") },
    // index 11756777127
    Case { family: JAVA, form: "q8.4 java getConnection empty password", file: "src/DisplayImage.java", text: "\t\ttry {\n\t\t\tClass.forName(\"com.mysql.jdbc.Driver\");\n\t\t\tcon = DriverManager.getConnection(\"jdbc:mysql://localhost:3307/H-Food-Delivery\",\"root\",\"\");\n\t\t\tstmt = con.createStatement();\n", rule: None },
    // index 29267120067
    Case { family: JAVA, form: "q8.5 java android getConnection constants", file: "app/src/main/java/ConnectionHelper.java", text: "            Class.forName(\"com.mysql.jdbc.Driver\").newInstance();\n            connection = DriverManager.getConnection(URL, USER, PASSWORD);\n\n            System.out.println(\"Connnection Success\");\n", rule: None },
    // ---------------------------------------------------------------- q9 `const val API_KEY`
    // index 27579037699
    Case { family: KOTLIN, form: "q9.1 kotlin object private const val API_KEY literal", file: "shared/src/commonMain/kotlin/NetworkProvider.kt", text: "internal object NetworkProvider {\n\n    private const val BASE_URL = \"api.freecurrencyapi.com\"\n    private const val API_KEY = \"{K}\"\n\n    fun provideHttpClient(engine: HttpClientEngine): HttpClient {\n        return HttpClient(engine) {\n", rule: Some("generic-api-key") },
    // index 5702461219
    Case { family: KOTLIN, form: "q9.2 kotlin constants object giphy base url and API_KEY", file: "app/src/main/java/com/example/giphytestapp/common/Constants.kt", text: "package com.example.giphytestapp.common\n\nimport com.example.giphytestapp.domain.model.GifModel\n\nobject Constants {\n    const val PAGE_SIZE = 25\n    const val API_LANG = \"en\"\n    const val BASE_URL = \"https://api.giphy.com\"\n    const val API_KEY = \"{K}\"\n\n    val LOADING_ITEM = GifModel(-1, -1, \"\", \"\")\n}\n", rule: Some("giphy-api-key") },
    // index 52663474
    Case { family: KOTLIN, form: "q9.3 kotlin top-level private const val typed API_KEY 32 hex", file: "app/src/main/java/com/bignerdranch/android/photogallery/api/PhotoInterceptor.kt", text: "package com.bignerdranch.android.photogallery.api\n\nimport okhttp3.HttpUrl\nimport okhttp3.Interceptor\nimport okhttp3.Response\n\nprivate const val API_KEY: String = \"{KH}\"\n\nclass PhotoInterceptor: Interceptor {\n    override fun intercept(chain: Interceptor.Chain): Response {\n", rule: Some("generic-api-key") },
    // index 43762523059
    Case { family: KOTLIN, form: "q9.4 kotlin const val API_KEY from Constants reference", file: "app/src/main/java/com/udacity/asteroidradar/api/AsteroidsApi.kt", text: "private const val BASE_URL = Constants.BASE_URL\nprivate const val API_KEY = Constants.API_KEY\n\nprivate val moshi = Moshi.Builder()\n    .add(KotlinJsonAdapterFactory())\n    .build()\n", rule: None },
    // index 34028417449
    Case { family: KOTLIN, form: "q9.5 kotlin companion object API_KEY 32 hex", file: "app/src/main/java/com/example/photogallery/PhotoInfoRepository.kt", text: "        } catch (e: Exception) {\n            Log.e(\"$TAG Exception\", \"Exception occurred\", e)\n        }\n    }\n\n    companion object {\n        private const val API_KEY = \"{KH}\"\n        private const val TAG = \"PhotoInfoRepository\"\n    }\n}\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- q10 `new SqlConnection(`
    // index 71651944261
    Case { family: CSHARP, form: "q10.1 c# SqlConnection from fixture ConnectionString property", file: "tests/EntriesTests.cs", text: "    private async Task ExecuteAsync(string sql)\n    {\n        await using var conn = new SqlConnection(_database.ConnectionString);\n        await conn.OpenAsync();\n        await using var cmd = new SqlCommand(sql, conn);\n        await cmd.ExecuteNonQueryAsync();\n    }\n", rule: None },
    // index 35757347806
    Case { family: CSHARP, form: "q10.2 c# connection string integrated security no password", file: "personel/SqlBaglantisi.cs", text: "namespace personel\n{\n    class SqlBaglantisi\n    {\n        public SqlConnection Baglanti()\n        {\n            SqlConnection Baglan = new SqlConnection(\"Data Source=DESKTOP-O48QP1T;Initial Catalog=NesneTabanlıVeriTabani;Integrated Security=True\");\n            Baglan.Open();\n            return Baglan;\n        }\n", rule: None },
    // index 29855732446
    Case { family: CSHARP, form: "q10.3 c# SqlConnection static Constr reference", file: "UploadFolder/PermissionRepository.cs", text: "        public void InsertInto(string DatabaseTableName, string SqlQuery)\n\n        {\n            SqlConnection Connection = new SqlConnection(ConnectionString.Constr);\n            SqlCommand Command = new SqlCommand(SqlQuery, Connection);\n            Connection.Open();\n", rule: None },
    // index 47187446716
    Case { family: CSHARP, form: "q10.4 c# SqlConnection strcon field", file: "Forms/Salary.aspx.cs", text: "            empID = (string)Session[\"empID\"];\n        \n\n            try\n            {\n                SqlConnection connection = new SqlConnection(strcon);\n                if(connection.State == ConnectionState.Closed)\n                {\n                    connection.Open();\n                }\n", rule: None },
    // index 863821
    Case { family: CSHARP, form: "q10.5 c# using SqlConnection connectionString variable", file: "EventManager.cs", text: "        public List<Event> GetEvents()\n        {\n            List<Event> events = new List<Event>();\n            using (SqlConnection connection = new SqlConnection(connectionString))\n            {\n                connection.Open();\n                string sql = \"SELECT * FROM event ORDER BY date ASC\";\n", rule: None },
    // ---------------------------------------------------------------- q11 `Rails.application.credentials`
    // index 71652252858
    Case { family: RUBY, form: "q11.1 ruby credentials.dig api_token expected", file: "app/controllers/api/v1/base_controller.rb", text: "      private\n\n      def authenticate_studio!\n        expected = Rails.application.credentials.dig(:studio, :api_token).to_s\n\n        # A missing credential means the API is OFF, and this line is the only thing\n        # in this file that says so. It is worth being exact about what it defends,\n", rule: None },
    // index 34077069528
    Case { family: RUBY, form: "q11.2 ruby url interpolates credentials gmaps_api_key", file: "app/controllers/resorts_controller.rb", text: "  def get_location\n    require \"json\"\n    require \"uri\"\n    require \"net/http\"\n\n    url = URI(\"https://maps.googleapis.com/maps/api/geocode/json?address=#{params[:address]}&key=#{Rails.application.credentials.gmaps_api_key}\")\n\n    https = Net::HTTP.new(url.host, url.port)\n    https.use_ssl = true\n", rule: None },
    // index 47180107968
    Case { family: RUBY, form: "q11.3 ruby commented seed credentials lookup", file: "db/seeds.rb", text: "\t\t#   country = LookupValue.where(\"original_code = ?\", \"India\").first\n\t\t#   state = LookupValue.where(\"original_code = ?\", \"Karnataka\").first\n\t\t#   city = LookupValue.where(\"original_code = ?\", \"Bangalore\").first\n\t\t#   distribution_center.distribution_center_type_id = LookupValue.where(\"code = ?\", Rails.application.credentials.distribution_center_types_store).first.try(:id)\n\t\t#   distribution_center.country_id = country.id\n", rule: None },
    // index 3253488
    Case { family: RUBY, form: "q11.4 ruby seeds api_key from credentials then X-Auth-Token interpolation", file: "db/seeds.rb", text: "require 'rest-client'\nrequire 'json'\nrequire 'byebug'\n\nTeam.destroy_all\nUser.destroy_all\n\n\n\ngoal_key = Rails.application.credentials.goooal[:api_key]\n\n# fetch for all the teams in the league\nteams_response = RestClient.get(\"http://api.football-data.org/v2/competitions/2021/teams\", {\"X-Auth-Token\" => \"#{goal_key}\"})\nresponse = JSON.parse(teams_response)\n", rule: None },
    // index 21188233788
    Case { family: RUBY, form: "q11.5 ruby instance vars from credentials.dig", file: "app/services/api_fill_database.rb", text: "class ApiFillDatabase\n\n  attr_reader :api_url, :api_key, :limit\n\n  def initialize\n    @api_url = Rails.application.credentials.dig(:secrets, :api, :url)\n    @api_key = Rails.application.credentials.dig(:secrets, :api, :key)\n    @limit = Rails.application.credentials.dig(:secrets, :api, :limit)\n  end\n", rule: None },
    // ---------------------------------------------------------------- q12 `define('DB_PASSWORD'`
    // index 6394240
    Case { family: PHP, form: "q12.1 php wordpress config empty DB_PASSWORD", file: "wp-config.php", text: "// ** MySQL settings - You can get this info from your web host ** //\n/** The name of the database for WordPress */\ndefine('DB_NAME', 'thorn_wireframe');\n\n/** MySQL database username */\ndefine('DB_USER', 'root');\n\n/** MySQL database password */\ndefine('DB_PASSWORD', '');\n\n/** MySQL hostname */\ndefine('DB_HOST', 'localhost');\n", rule: None },
    // index 41310363475
    Case { family: PHP, form: "q12.2 php define empty DB_PASSWORD then mysql_connect", file: "connect.php", text: "<?php\n\nsession_start();\ndefine('DB_HOST', 'localhost');\ndefine('DB_NAME', 'city');\ndefine('DB_USER', 'root');\ndefine('DB_PASSWORD', '');\n$con = mysql_connect(DB_HOST, DB_USER, DB_PASSWORD) or die(\"Failed to connect to MySQL: \" . mysql_error());\n", rule: None },
    // index 35118609805
    Case { family: PHP, form: "q12.3 php japanese config define DB_PASSWORD literal", file: "config.php", text: "/**\n * データベース設定\n */\n//データベースの種類\ndefine('DB_STORAGE', 'mysql');\n//データベースのホスト名\ndefine('DB_HOSTNAME', 'mysql426.db.sakura.ne.jp');\n//データベース名\ndefine('DB_DATABASE', 'fumimi-jp_taskapp');\n//データベースユーザー名\ndefine('DB_USERNAME', 'fumimi-jp');\n//データベースパスワード\ndefine('DB_PASSWORD', '{W}');\n//テーブル接頭辞\ndefine('DB_PREFIX', 'groupware_');\n", rule: Some("generic-password") },
    // index 12052587565
    Case { family: PHP, form: "q12.4 php database configuration define DB_PASSWORD", file: "config/database.php", text: "<?php\n// Database configuration\ndefine('DB_HOST', 'localhost');\ndefine('DB_USERNAME', 'u820431346_bcattendance');\ndefine('DB_PASSWORD', '{W}');\ndefine('DB_NAME', 'u820431346_bcattendance');\n\n// Create connection\nfunction getDBConnection() {\n", rule: Some("generic-password") },
    // index 29223443845
    Case { family: PHP, form: "q12.5 php wordpress config DB_PASSWORD with symbols", file: "wp-config.php", text: "// ** Database settings - You can get this info from your web host ** //\n/** The name of the database for WordPress */\ndefine('DB_NAME', 'valueloc_WPFAT');\n\n/** Database username */\ndefine('DB_USER', 'valueloc_WPFAT');\n\n/** Database password */\ndefine('DB_PASSWORD', '{W}');\n\n/** Database hostname */\ndefine('DB_HOST', 'localhost');\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q13 `.basic_auth(`
    // index 35448840995
    Case { family: RUST, form: "q13.1 rust reqwest basic_auth self fields twilio", file: "src/twilio.rs", text: "        let params = [\n            (\"To\", phone_number),\n            (\"Channel\", &channel.to_string()),\n        ];\n        \n        let response = self.http_client\n            .post(&url)\n            .basic_auth(&self.account_sid, Some(&self.auth_token))\n            .form(&params)\n            .send()\n            .await?;\n", rule: None },
    // index 58021730195
    Case { family: RUST, form: "q13.2 rust match auth enum basic_auth bearer_auth bindings", file: "src/zot.rs", text: "        let request = self\n            .client\n            .get(url)\n            .header(\"Accept\", \"application/vnd.oci.image.manifest.v1+json\");\n        match &self.config.auth {\n            ZotHttpAuth::None => request,\n            ZotHttpAuth::Basic { username, password } => request.basic_auth(username, password),\n            ZotHttpAuth::Bearer(token) => request.bearer_auth(token),\n        }\n    }\n", rule: None },
    // index 71570525810
    Case { family: RUST, form: "q13.3 rust stripe checkout basic_auth params.stripe_key", file: "src/billing/stripe.rs", text: "        let resp = params\n            .http_client\n            .post(\"https://api.stripe.com/v1/checkout/sessions\")\n            .basic_auth(params.stripe_key, Option::<&str>::None)\n            /* [094A-9] Idempotency key: evita sesiones duplicadas si la request se reintenta */\n            .header(\n                \"Idempotency-Key\",\n                format!(\"hosting-checkout-{}\", params.subscription_id),\n            )\n", rule: None },
    // index 17402800775
    Case { family: RUST, form: "q13.4 rust stripe usage basic_auth secret_key variable", file: "src/stripe.rs", text: "        let url = format!(\n            \"https://api.stripe.com/v1/subscription_items/{}/usage_records\",\n            subscription_item_id\n        );\n\n        let response = client\n            .post(&url)\n            .basic_auth(&secret_key, None::<&str>)\n            .form(&form)\n            .send()\n            .await?;\n", rule: None },
    // index 8159675
    Case { family: RUST, form: "q13.5 rust json rpc basic_auth config fields", file: "src/rpc.rs", text: "    let client = Client::new();\n    let response = client\n        .post(&config.address)\n        .basic_auth(&config.username, Some(&config.password))\n        .header(CONTENT_TYPE, \"application/json\")\n        .json(&json_rpc_request)\n        .send()\n        .await?\n        .json::<NetworkInfoResponse>()\n        .await?;\n", rule: None },
    // ---------------------------------------------------------------- q14 `sshpass -p`
    // index 24668360861
    Case { family: DOC, form: "q14.1 markdown bash block sshpass -p quoted password", file: "DEPLOYMENT.md", text: "## Remote Deployment\n\n```bash\n# SSH to Nexcess\nSSH_AUTH_SOCK=\"\" sshpass -p '{W}' ssh -o StrictHostKeyChecking=no -o PreferredAuthentications=password -o PubkeyAuthentication=no a17d7af6_1@d99a9d9894.nxcli.io\n\n# Deploy\ncd ~/9df7d73bf2.nxcli.io/drupal\ngit pull origin main\n```\n", rule: Some("generic-password") },
    // index 15817114166
    Case { family: SHELL, form: "q14.2 shell sshpass -p bare word password", file: "istoreos-revert.sh", text: "#!/bin/sh\n\n[ -f /tmp/.istoreos_offline -a \"$1\" != \"force\" ] && exit 0\n\nif virsh domstate istoreos | grep -q running ; then\n    virsh snapshot-revert istoreos --current --running # --force\n    # sync time with NTP\n    sshpass -p password ssh root@192.168.100.1 /etc/init.d/sysntpd restart\n    touch /tmp/.istoreos_lastrevert\nfi\n", rule: None },
    // index 7826526671
    Case { family: PY, form: "q14.3 python f-string sshpass -p interpolated password", file: "setup_ssh.py", text: "    for host in tqdm(hosts, desc=\"Setting up SSH keyless auth\"):\n        try:\n            logger.info(f\"Copying SSH key to {host}...\")\n            remove_known_host = f\"ssh-keygen -R {host}\"\n            copy_id = f\"sshpass -p {password} ssh-copy-id -o StrictHostKeyChecking=no root@{host}\"\n            await run_command(remove_known_host, shell=True)\n", rule: None },
    // index 49411259276
    Case { family: SHELL, form: "q14.4 shell commented sshpass raspberry pi shipped default password", file: "deploy_pis.sh", text: "for pi in \"${!ips[@]}\"\ndo\n\techo \"**************$pi*****************\"\n\t### Use once or if configuration is modified\n\t### Pull configuration from server.\n\t#sshpass -p 'raspberry' ssh pi@$pi \"touch $pi\"\n\t#sshpass -p 'raspberry' ssh pi@$pi \"sudo wget http://172.16.112.141/proxy/environment -O /etc/environment\"\n\t#sshpass -p 'raspberry' ssh pi@$pi \"sudo wget http://172.16.112.141/proxy/apt.conf -O /etc/apt/apt.conf\"\n", rule: None },
    // index 55168473146
    Case { family: SHELL, form: "q14.5 shell sshpass -p quoted variable", file: "packettunnel.sh", text: "        local s_name=\"${mesh_names[$i]}\"\n        local s_ip=\"${mesh_ips[$i]}\"\n        local s_user=\"${mesh_users[$i]}\"\n        local s_pass=\"${mesh_passes[$i]}\"\n        local s_role=\"${mesh_roles[$i]}\"\n        \n        echo \"  -> $s_name ($s_ip)...\"\n        \n        # Copy script\n        if ! sshpass -p \"$s_pass\" scp -o StrictHostKeyChecking=no -o ConnectTimeout=10 \"$0\" \"${s_user}@${s_ip}:/root/packettunnel.sh\" >/dev/null 2>&1; then\n            echo \"    ERROR: Failed to copy script. Skipping.\"\n            continue\n        fi\n", rule: None },
    // ---------------------------------------------------------------- q15 `docker/login-action`
    // index 60854092854
    Case { family: CI, form: "q15.1 actions docker login ghcr secrets.GITHUB_TOKEN", file: ".github/workflows/deploy.yml", text: "  build:\n    needs: test\n    runs-on: ubuntu-latest\n    permissions: { contents: read, packages: write }\n    outputs:\n      image: ${{ steps.meta.outputs.image }}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n", rule: None },
    // index 15003709494
    Case { family: DOC, form: "q15.2 markdown workflow docker hub login secrets references", file: "README.md", text: "name: Build and Push Docker image\n\non:\n  push:\n    branches: [\"main\"]\n  workflow_dispatch:\n\njobs:\n  build-and-push:\n    runs-on: ubuntu-latest\n\n    steps:\n      - name: Checkout repo\n        uses: actions/checkout@v4\n\n      - name: Log in to Docker Hub\n        uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n", rule: None },
    // index 66583842504
    Case { family: PY, form: "q15.3 python test asserts workflow text holds secret references", file: "tests/test_workflow.py", text: "    workflow = (ROOT / \".github/workflows/test.yml\").read_text(encoding=\"utf-8\")\n    publish_condition = (\n        \"if: github.event_name == 'push' && github.ref == 'refs/heads/main'\"\n    )\n\n    assert workflow.count(publish_condition) == 3\n    assert \"docker/login-action@v4\" in workflow\n    assert \"${{ vars.DOCKERHUB_USERNAME }}\" in workflow\n    assert \"${{ secrets.DOCKERHUB_TOKEN }}\" in workflow\n    assert 'test -n \"$DOCKERHUB_USERNAME\"' in workflow\n", rule: None },
    // index 50162469
    Case { family: DOC, form: "q15.4 markdown yaml block docker hub login secrets references", file: "docs/ci-patterns.md", text: "### External Service Operations\n```yaml\n- name: Login to Docker Hub\n  uses: docker/login-action@v3\n  with:\n    username: ${{ secrets.DOCKER_HUB_USERNAME }}\n    password: ${{ secrets.DOCKER_HUB_TOKEN }}\n  continue-on-error: true  # Don't fail if credentials not set\n```\n", rule: None },
    // index 43297019124
    Case { family: CI, form: "q15.5 actions registry login env registry and GITHUB_TOKEN", file: ".github/workflows/ci.yml", text: "      - name: Log in to Container Registry\n        uses: docker/login-action@v3\n        with:\n          registry: ${{ env.REGISTRY }}\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n\n      - name: Extract metadata\n        id: meta\n        uses: docker/metadata-action@v5\n", rule: None },
    // ---------------------------------------------------------------- q16 `DOCKER_AUTH_CONFIG`
    // index 3486249325
    Case { family: DOC, form: "q16.1 markdown gitlab docs DOCKER_AUTH_CONFIG example auth of my_username my_password", file: "content/docs/CI-CD/GitLab.md", text: "### Connecting to a docker repo with creds\n1. `printf \"my_username:my_password\" | openssl base64 -A` -> {DAUTH}\n2. Create CI/CD variable:\n```\n$DOCKER_AUTH_CONFIG=\n{\n  \"auths\": {\n    \"registry.example.com:5000\": {\n      \"auth\": \"{DAUTH}\"\n    }\n  }\n}\n```\n3. Or if you want to configure it for the runner:\n", rule: None },
    // index 60030035470
    Case { family: JS, form: "q16.2 js list of sensitive env var names", file: "src/runner.js", text: "    // Remove sensitive env vars from the child\n    const sensitiveVars = [\n      'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',\n      'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'NPM_TOKEN',\n      'DOCKER_AUTH_CONFIG', 'SSH_AUTH_SOCK', 'SSH_PRIVATE_KEY',\n      'DATABASE_URL', 'REDIS_URL', 'MONGO_URI', 'MONGODB_URI',\n      'API_KEY', 'SECRET_KEY', 'PRIVATE_KEY', 'JWT_SECRET',\n      'ANTHROPIC_API_KEY', 'OPENAI_API_KEY',\n    ];\n    for (const v of sensitiveVars) {\n      delete childEnv[v];\n    }\n", rule: None },
    // index 57394640800
    Case { family: RUST, form: "q16.3 rust const slice of secret env names", file: "src/env_filter.rs", text: "pub const COMMON_SECRET_NAMES: &[&str] = &[\n    \"AWS_ACCESS_KEY_ID\",\n    \"AWS_SECRET_ACCESS_KEY\",\n    \"AWS_SESSION_TOKEN\",\n    \"AZURE_CLIENT_SECRET\",\n    \"AZURE_CLIENT_CERTIFICATE_PASSWORD\",\n    \"CI_JOB_TOKEN\",\n    \"DATABASE_URL\",\n    \"DOCKER_AUTH_CONFIG\",\n    \"GH_TOKEN\",\n    \"GITHUB_TOKEN\",\n    \"GITLAB_TOKEN\",\n    \"GOOGLE_API_KEY\",\n    \"GOOGLE_APPLICATION_CREDENTIALS\",\n    \"KUBECONFIG\",\n    \"MYSQL_PWD\",\n    \"NPM_TOKEN\",\n    \"PGPASSWORD\",\n    \"REDIS_URL\",\n    \"SSH_AUTH_SOCK\",\n    \"VAULT_TOKEN\",\n];\n", rule: None },
    // index 35569515475
    Case { family: CI, form: "q16.4 jenkins job dsl credentialsBinding file DOCKER_AUTH_CONFIG", file: "jobs/deploy.groovy", text: "    wrappers {\n        preBuildCleanup()\n        timestamps()\n        buildName('#${BUILD_NUMBER}_${PROJECT_NAME}_${SITE_NAME}')\n        credentialsBinding {\n            file('DOCKER_AUTH_CONFIG', Defaults.DOCKER_SECRET_AUTH_CONFIG)\n        }\n        timeout {\n            absolute(Defaults.JOB_TIMEOUT)\n            failBuild()\n", rule: None },
    // index 63338069395
    Case { family: PY, form: "q16.5 python frozenset of sensitive env names and secret words", file: "src/executors.py", text: "_MAX_REQUEST_CHARS = 16_384\n_MAX_CAPTURE_BYTES = 2 * 1024 * 1024\n_SENSITIVE_ENV_EXACT = frozenset(\n    {\n        \"AWS_SESSION_TOKEN\",\n        \"AWS_SECRET_ACCESS_KEY\",\n        \"AZURE_CLIENT_SECRET\",\n        \"DOCKER_AUTH_CONFIG\",\n        \"GITHUB_TOKEN\",\n        \"GOOGLE_APPLICATION_CREDENTIALS\",\n        \"NPM_TOKEN\",\n        \"PYPI_TOKEN\",\n    }\n)\n_SECRET_WORDS = frozenset(\n    {\"TOKEN\", \"SECRET\", \"PASSWORD\", \"PASSWD\", \"CREDENTIAL\", \"CREDENTIALS\", \"COOKIE\"}\n)\n", rule: None },
    // ---------------------------------------------------------------- q17 `password: $DOCKERHUB_PASSWORD`
    // index 20159841682
    Case { family: DOC, form: "q17.1 markdown circleci config docker auth password env reference", file: "README.md", text: "```\nversion: 2.1\norbs:\n  slack: circleci/slack@4.1.1\n\njobs:\n  # 1st Job -- Build docker container.\n  app-build:\n    docker:\n      - image: circleci/php:7.4-node-browsers\n        auth:\n          username: mydockerhub-user\n          password: $DOCKERHUB_PASSWORD\n    working_directory: ~/laravel # directory where steps will run\n    steps:\n      - checkout\n", rule: None },
    // index 2436323663
    Case { family: DOC, form: "q17.2 markdown circleci docs two images auth env reference with comments", file: "jekyll/_cci2/env-vars.md", text: "```yaml\nversion: 2.1\njobs:\n  build:\n    docker:\n      - image: your/primary-image:version-tag\n        auth:\n          username: mydockerhub-user\n          password: $DOCKERHUB_PASSWORD  # context / project UI env-var reference\n      - image: mysql:5.7\n        auth:\n          username: mydockerhub-user\n          password: $DOCKERHUB_PASSWORD  # context / project UI env-var reference\n        environment:\n           TZ: \"America/Los_Angeles\"\n", rule: None },
    // index 3605199202
    Case { family: DOC, form: "q17.3 markdown japanese circleci docs auth env reference", file: "jekyll/_cci2_ja/private-images.md", text: "```yaml\nworkflows:\n  my-workflow:\n    jobs:\n      - build:\n          context:\n            - build-env-vars\n            - docker-hub-creds\n\njobs:\n  build:\n    docker:\n      - image: acme-private/private-image:321\n        auth:\n          username: mydockerhub-user  # 文字列リテラル値を指定します\n          password: $DOCKERHUB_PASSWORD  # または、プロジェクトの環境変数を参照するように指定します\n```\n", rule: None },
    // index 4040980732
    Case { family: DOC, form: "q17.4 markdown circleci docs raw block two images env reference", file: "jekyll/_cci2_ja/databases.md", text: "```yaml\n    docker:\n      - image: customimage/ruby:2.3-node-phantomjs-0.0.1\n        auth:\n          username: mydockerhub-user\n          password: $DOCKERHUB_PASSWORD  # コンテキスト/プロジェクト UI の環境変数を参照\n        environment:\n          RAILS_ENV: test\n          RACK_ENV: test\n      - image: cimg/mysql:5.7\n        auth:\n          username: mydockerhub-user\n          password: $DOCKERHUB_PASSWORD  # コンテキスト/プロジェクト UI の環境変数を参照\n", rule: None },
    // index 2944771823
    Case { family: DOC, form: "q17.5 markdown circleci env reference and compose xxx placeholders", file: "README.md", text: "# deploy-dockerhub\n\n## Usage with circle-ci\n```yaml\nversion: 2\njobs:\n    deploy:\n        docker:\n            - image: xmorse/deploy-dockerhub\n        environment:\n            USERNAME: $DOCKERHUB_USERNAME\n            PASSWORD: $DOCKERHUB_PASSWORD\n        steps:\n            - checkout\n            - run: /deploy\n```\n\n## Usage with docker-compose\n```yaml\nservices:\n    deploy:\n        image: xmorse/deploy-dockerhub\n        command: sh -c \"cd /src && /deploy\"\n        environment:\n             USERNAME: xxx\n             PASSWORD: xxx\n", rule: None },
    // ---------------------------------------------------------------- q18 `$(System.AccessToken)`
    // index 65814954766
    Case { family: DOC, form: "q18.1 markdown azure pipeline env SYSTEM_ACCESSTOKEN macro", file: "README.md", text: "### Pipeline authentication (Azure DevOps Test API)\n\nThe task reads test results from the Azure DevOps REST API. In YAML pipelines:\n\n```yaml\njobs:\n  - job: notify\n    steps:\n      # ...\n    env:\n      SYSTEM_ACCESSTOKEN: $(System.AccessToken)\n```\n", rule: None },
    // index 12628841551
    Case { family: SHELL, form: "q18.2 shell usage heredoc names token variable then positional args", file: "scripts/get-releases.sh", text: "AZURE_DEVOPS_TOKEN:   An Azure DevOps Bearer Token, used to query releases for a build.\n                      Azure DevOps Build variable: $(System.AccessToken)\nEOF\n    exit 1\n  fi\n\n  ORG_URI=$1\n  PROJECT_NAME=$2\n  PROJECT_GUID=$3\n  BUILD_DEF_ID=$4\n  AZURE_DEVOPS_TOKEN=$5\n  SOURCE_ID=\"$PROJECT_GUID:$BUILD_DEF_ID\"\n  AUTH_HEADER=\"Bearer $AZURE_DEVOPS_TOKEN\"\n", rule: None },
    // index 28822660756
    Case { family: CI, form: "q18.3 azure pipelines env macros for tokens and certs", file: "build/azure-pipelines/product-publish.yml", text: "      - pwsh: node build/azure-pipelines/common/publish.ts\n        env:\n          SYSTEM_ACCESSTOKEN: $(System.AccessToken)\n          PUBLISH_AUTH_TOKENS: \"$(PUBLISH_AUTH_TOKENS)\"\n          RELEASE_TENANT_ID: \"$(ESRP_TENANT_ID)\"\n          RELEASE_CLIENT_ID: \"$(ESRP_CLIENT_ID)\"\n          RELEASE_AUTH_CERT: \"$(esrp-auth)\"\n          RELEASE_REQUEST_SIGNING_CERT: \"$(esrp-sign)\"\n        displayName: Process artifacts\n", rule: None },
    // index 129258646
    Case { family: DOC, form: "q18.4 markdown azure snippet echo access token macro to file", file: "README.md", text: "```yaml\n# Sample azure pipeline snippet\nsteps:\n  - bash: |\n      echo $(System.AccessToken) > bearer.txt\n    displayName: Create auth token file\n  - bash: |\n      mvn test\n```\n", rule: None },
    // index 43420611301
    Case { family: CI, form: "q18.5 azure pipelines powershell step env access token and sas url macros", file: "azure-pipelines.yml", text: "      Remove-Item -Path $env:Build_SourcesDirectory\\clone\\* -Recurse -Force\n      Remove-Item -Path $env:Build_ArtifactStagingDirectory\\* -Recurse -Force\n    }\n  displayName: 'Clone, zip and store repos'\n  failOnStderr: false\n  env:\n    SYSTEM_ACCESSTOKEN: $(System.AccessToken)\n    SAS_URL_MAPPED: $(SasUrl)\n", rule: None },
    // ---------------------------------------------------------------- q19 `BITBUCKET_APP_PASSWORD`
    // index 58530774276
    Case { family: DOC, form: "q19.1 markdown env block empty token and cloud id placeholder then policy", file: "README.md", text: "# Optional fallback shared token for Jira/Confluence:\nATLASSIAN_API_TOKEN=\nJIRA_CLOUD_ID=your-cloud-id\n```\n\n### Token Policy (Operational)\n\nUse app-scoped env vars by default. Reusing the same secret across vars is allowed when desired.\n\n- Bitbucket: `BITBUCKET_API_TOKEN` (primary) -> `BITBUCKET_APP_PASSWORD` (legacy fallback).\n- Jira: `JIRA_API_TOKEN` (primary) -> `ATLASSIAN_API_TOKEN` (fallback).\n", rule: None },
    // index 70866252846
    Case { family: DOC, form: "q19.2 markdown agent instructions name bitbucket credential env vars", file: ".claude/commands/merge.md", text: "## Step 4 — Verify no failed check + no conflict, per PR\n**Build status.** Batch-fetch each candidate's latest commit build statuses via the Bitbucket API\n(`$BITBUCKET_USERNAME`/`$BITBUCKET_APP_PASSWORD`) — one batched call across the set, not one call per\n", rule: None },
    // index 12391699581
    Case { family: SHELL, form: "q19.3 shell credential placeholders your_bitbucket_app_password", file: "migrate.sh", text: "#!/bin/bash\n\n# Bitbucket credentials\nBITBUCKET_USER=\"your_bitbucket_username\"\nBITBUCKET_APP_PASSWORD=\"your_bitbucket_app_password\"\n\n# GitHub Enterprise credentials\nGITHUB_ORG=\"your_github_org_or_enterprise\"\nGITHUB_USER=\"your_github_username\"\nGITHUB_TOKEN=\"your_github_token\"\n\n# Bitbucket API endpoint\nBITBUCKET_API=\"https://api.bitbucket.org/2.0/repositories/$BITBUCKET_USER?pagelen=100\"\n", rule: None },
    // index 52221550266
    Case { family: DOC, form: "q19.4 markdown sh block elided tokens ATATT... and ...", file: "README.md", text: "### Auth (pick one)\n\n```sh\n# Recommended — Atlassian API token\nexport BITBUCKET_API_TOKEN=ATATT...\n\n# OR — workspace/repo/project access token (Bearer)\nexport BITBUCKET_ACCESS_TOKEN=...\n\n# OR — legacy app password (deprecated Sep 2025)\nexport BITBUCKET_USERNAME=your-username\nexport BITBUCKET_APP_PASSWORD=...\n\n# Optional default workspace\nexport BITBUCKET_WORKSPACE=your-workspace\n```\n", rule: None },
    // index 34184010771
    Case { family: PY, form: "q19.5 python credentials from os.getenv", file: "bitbucket_to_gitea_mirror.py", text: "# Bitbucket credentials (from environment variables)\nBITBUCKET_USERNAME = os.getenv('BITBUCKET_USERNAME')\nBITBUCKET_APP_PASSWORD = os.getenv('BITBUCKET_APP_PASSWORD')\n\n# Gitea credentials (from environment variables)\nGITEA_URL = os.getenv('GITEA_URL')  # For example, 'gitea.example.com'\nGITEA_TOKEN = os.getenv('GITEA_TOKEN')  # Gitea access token\n", rule: None },
    // ---------------------------------------------------------------- q20 `.dockerconfigjson`
    // index 29253274698
    Case { family: DOC, form: "q20.1 rst kubectl create secret with angle placeholders", file: "docs/deploy.rst", text: ".. code-block:: sh\n\n    # Based on existing credentials\n    docker login ghcr.io  # --username <github-username> --password <password>\n    kubectl create secret generic regcred --from-file=.dockerconfigjson=${PWD}/.docker/config.json --type=kubernetes.io/dockerconfigjson\n\n    # Create anew\n    kubectl create secret docker-registry regcred --docker-server=<your-registry-server> --docker-username=<your-name> --docker-password=<your-pword> --docker-email=<your-email>\n", rule: None },
    // index 12742908708
    Case { family: DOC, form: "q20.2 markdown powershell kubectl jsonpath dockerconfigjson decode", file: "docs/K8S_COMMANDS.md", text: "```powershell\n# Check secrets\nkubectl get secrets -n Top Dog\n\n# View secret (base64 decoded)\nkubectl get secret ghcr-secret -n Top Dog -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d\n\n# Check RBAC\nkubectl get rolebindings -n Top Dog\nkubectl get clusterrolebindings | grep Top Dog\n```\n", rule: None },
    // index 38733529368
    Case { family: GO, form: "q20.3 go corev1 Secret Data copies dockerconfigjson", file: "controllers/secrets.go", text: "\treturn &corev1.Secret{\n\t\tTypeMeta: metav1.TypeMeta{\n\t\t\tAPIVersion: corev1.SchemeGroupVersion.String(),\n\t\t\tKind:       \"Secret\",\n\t\t},\n\t\tObjectMeta: metav1.ObjectMeta{\n\t\t\tName:      imagePullSecret.Name,\n\t\t\tNamespace: spokeNameSpace,\n\t\t},\n\t\tData: map[string][]byte{\n\t\t\t\".dockerconfigjson\": imagePullSecret.Data[\".dockerconfigjson\"],\n\t\t},\n\t\tType: corev1.SecretTypeDockerConfigJson,\n\t}, nil\n}\n", rule: None },
    // index 5748767508
    Case { family: DOC, form: "q20.4 markdown echo placeholder username password base64 and kubectl secret", file: "README.md", text: "### Encode dockerhub username and password\n\n```\necho -n DOCKERHUB-USERNAME:DOCKERHUB-PASSWORD | base64\n```\n\n### Put token in 0-docker-registry-cred-setup/config.json\n\n### Create secret\n\n```\nkubectl create secret generic docker-cred --from-file=.dockerconfigjson=config.json --type=kubernetes.io/dockerconfigjson -n cicd-space\n```\n", rule: None },
    // index 61589832618
    Case { family: DOC, form: "q20.5 markdown prose secret bootstrap data keys", file: "terraform/README.md", text: "  (RUNE-018 secret-bootstrap mode), so PATs and tokens never\n  land in the runefile or in Terraform state as cleartext config.\n  Once a fromSecret is set, runed infers the auth type from the\n  secret's data keys (username+password → basic, token → bearer,\n  .dockerconfigjson → docker config JSON, awsAccessKeyId+… →\n  ECR), so omit `auth_type` and inline credentials in that mode.\n", rule: None },
    // ---------------------------------------------------------------- q21 `rootPassword:`
    // index 18245728846
    Case { family: PY, form: "q21.1 python config get rootpassword and getpass prompt", file: "vision.py", text: "            #Do it again for the root password\n            stored_rootpassword = config.get('Vision', 'rootpassword')\n            stars=''\n            for char in stored_rootpassword:\n                stars+='*'\n            rootpassword = getpass.getpass(prompt=f\"Enter root Password [{stars}]: \") or stored_rootpassword if len(sys.argv) == 1 else stored_rootpassword\n", rule: None },
    // index 54514091431
    Case { family: SHELL, form: "q21.2 shell heredoc helm values rootPassword from variables", file: "scripts/upgrade-secrets.sh", text: "  # ラッパーチャートのvaluesとしてマージされるため wordpress: 配下にネストする\n  cat >\"$WORKDIR/upgrade-values.yaml\" <<EOF\nwordpress:\n  mariadb:\n    auth:\n      rootPassword: \"$DB_ROOT_PASSWORD\"\n      password: \"$DB_PASSWORD\"\nEOF\n  kubectl create secret generic \"$MARIADB_UPGRADE_SECRET\" -n \"$NAMESPACE\" \\\n    --from-file=values.yaml=\"$WORKDIR/upgrade-values.yaml\" \\\n    --dry-run=client -o json >\"$WORKDIR/$MARIADB_UPGRADE_SECRET.json\"\n", rule: None },
    // index 323728471
    Case { family: DOC, form: "q21.3 markdown helm custom values my-secure-password placeholders", file: "helm/README.md", text: "Create a `custom-values.yaml` file to override defaults:\n\n```yaml\nnamespace: my-oscar-namespace\ncertManagerEmail: admin@example.com\n\ndatabase:\n  credentials:\n    rootPassword: my-secure-password\n    password: my-oscar-password\n\noscar:\n  image:\n    repository: my-registry/oscar-emr\n    tag: v1.0.0\n  replicas: 3\n```\n", rule: None },
    // index 8703759781
    Case { family: DOC, form: "q21.4 markdown helm my-values your-secure-password placeholders", file: "README.md", text: "创建 `my-values.yaml`：\n\n```yaml\nmysql:\n  auth:\n    rootPassword: 'your-secure-password'\n    password: 'your-secure-password'\n\napi:\n  env:\n    # Note: AI providers are configured through the database\n    # Configure via dashboard at http://<your-api-url>/ai-providers\n```\n", rule: None },
    // index 36233076691
    Case { family: DOC, form: "q21.5 markdown korean helm values mariadb rootpassword weak literal", file: "README.md", text: "## database\n이 헬름은 자동으로 mariadb를 설치하고 연동합니다. 선택적으로 외부 mariadb 또는 postgresql를 연결할 수 있습니다. <br>\n일반 계정과 root비밀번호를 설정할 수 있습니다.\n```yaml\nmariadb:\n  auth:\n    password: {W}\n    rootpassword: {W}\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q22 `ansible_password`
    // index 29621344541
    Case { family: DOC, form: "q22.1 markdown secret.yaml template with empty ansible_password", file: "README.md", text: "В директрии проекта создать файл secret.yaml с содержимым:\nall:\n\n  hosts:\n  \n    master:\n    \n      ansible_host: \n      \n      ansible_user: \n      \n      ansible_password: \n      \n    slave:\n    \n      ansible_host: \n      \n      ansible_user: \n      \n      ansible_password: \n", rule: None },
    // index 22179786071
    Case { family: RUBY, form: "q22.2 ruby hash ansible_password from resource param", file: "lib/provisioner/ansible.rb", text: "          keyvalues = {}\n          if @provisioned_resource.get_resource().is_windows?()\n            keyvalues[\"ansible_password\"] = @provisioned_resource.get_param(\"win_password\")\n            keyvalues[\"ansible_port\"] = \"5986\"\n            keyvalues[\"ansible_connection\"] = \"winrm\"\n            keyvalues[\"ansible_winrm_server_cert_validation\"] = \"ignore\"\n          end\n", rule: None },
    // index 71540757581
    Case { family: DOC, form: "q22.3 markdown credentials prose vault files", file: "README.md", text: "## Credentials\n\nFleet playbooks load `vault/corp-ans-secret.yml` through `vars_files`, which\ndefines `ansible_user` and `ansible_password`. A normal playbook call needs\n`--vault-password-file=vault/.vault_key.txt`; ad-hoc Ansible additionally needs\n`-e @vault/corp-ans-secret.yml` because it does not load playbook vars.\n", rule: None },
    // index 7763999531
    Case { family: SHELL, form: "q22.4 shell aliases sshpass with variables", file: ".bash_aliases", text: "alias sshopentlc-pw=\"sshpass -p ${RH_USER_PWD} ssh lab-user@${RH_VM_HOST}\"\nalias sshopentlc-tower=\"ssh -i ~/.ssh/${SSH_KEY_REDHAT} ${RH_USER_ID}\"\n\nalias sshcicd=\"ssh -i ~/.ssh/${SSH_KEY_WORK} ${TEST_SSH_ID}@${CICD_HOST1}\"\nalias sshanscicd=\"sshpass -p ${ANSIBLE_PASSWORD_LNX_WORK} ssh ${ANSIBLE_USER_LNX_WORK}@${CICD_HOST1}\"\n", rule: None },
    // index 59102496806
    Case { family: DOC, form: "q22.5 markdown ansible inventory yaml ansible_password weak literal", file: "docs/lab.md", text: "        ceos:\n          hosts:\n            ceos1:\n              ansible_host: ceos1\n            ceos2:\n              ansible_host: ceos2\n          vars:\n            ansible_connection: ansible.netcommon.network_cli\n            ansible_network_os: arista.eos.eos\n            ansible_user: admin\n            ansible_password: {W}\n            ansible_become: true\n            ansible_become_method: enable\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q23 `master_password`
    // index 62699160530
    Case { family: PY, form: "q23.1 python test setup_master_password literal argument", file: "tests/audit_test.py", text: "    test_files = {\n        \"document.pdf\": os.urandom(262144),\n        \"diagram.png\": os.urandom(524288),\n        \"archive.zip\": os.urandom(1048576),\n        \"contract.docx\": os.urandom(131072),\n    }\n\n    auth.setup_master_password(\"{W}\")\n    token = auth.verify_master_password(\"{W}\")\n", rule: Some("generic-password") },
    // index 57801479555
    Case { family: PY, form: "q23.2 python assigns session master password from variable", file: "ui/login_dialog.py", text: "                # Zero-trust linkage: cache password inside the session transient memory vault\n                security_utils.SESSION_MASTER_PASSWORD = password\n                self.accept()\n            else:\n                QMessageBox.critical(self, \"Authentication Failed\", \"Invalid Master Admin credentials. Please try again.\")\n", rule: None },
    // index 37292257460
    Case { family: C, form: "q23.3 c test master_password testpassword word", file: "tests/test_crypto.c", text: "#include <assert.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n#include \"../include/crypto.h\"\n#include \"../include/logging.h\"\n\nvoid test_crypto_generate_key(void) {\n    const char* master_password = \"testpassword\";\n    char* key = crypto_generate_key(master_password);\n    LOG_ASSERT(key != nullptr, \"Failed to generate key\");\n    free(key);\n    puts(\"Key generation test passed!\");\n}\n", rule: None },
    // index 2285930
    Case { family: HCL, form: "q23.4 terraform module argument master_password literal", file: "main.tf", text: "module \"cluster\" {\n  source = \"github.com/ostelco/ostelco-infra//terraform-google-gke\"\n  project_name = \"${var.project_name}\"\n  cluster_name = \"a1234\"\n  cluster_region = \"${var.cluster_region}\"\n  cluster_zone = \"europe-west1-b\"\n  cluster_description = \"a123\"\n  master_password = \"{W}\"\n}\n", rule: Some("generic-password") },
    // index 54385013045
    Case { family: SQL, form: "q23.5 sql change master to placeholder replication_password", file: "replication.sql", text: "-- Configure slave\nCHANGE MASTER TO\n    MASTER_HOST='master_host',\n    MASTER_USER='replicator',\n    MASTER_PASSWORD='replication_password',\n    MASTER_LOG_FILE='mysql-bin.000001',\n    MASTER_LOG_POS=154;\n\n-- Start replication\nSTART SLAVE;\n", rule: None },
    // ---------------------------------------------------------------- q24 `MONGO_INITDB_ROOT_PASSWORD`
    // index 7020700294
    Case { family: PY, form: "q24.1 python mongo url format from getenv", file: "repos/account_repo.py", text: "class AccountMongoRepo(AccountGetter, AccountSaver):\n    def __init__(self):\n        self._client = MongoClient('mongodb://{}:{}@{}:{}/'.format(\n            os.getenv('MONGO_INITDB_ROOT_USERNAME'),\n            os.getenv('MONGO_INITDB_ROOT_PASSWORD'), os.getenv('MONGO_HOST'),\n            os.getenv('MONGO_PORT')))\n        self._db = self._client[os.getenv('MONGO_DB')]\n", rule: None },
    // index 38132158144
    Case { family: DOC, form: "q24.2 markdown table docker run -e MONGO_INITDB_ROOT_PASSWORD literal", file: "docker-cheatsheet.md", text: "| **run container with enviroment variables**            | `docker container run -d -p 27017:27017 -e MONGO_INITDB_ROOT_USERNAME=mongouser -e MONGO_INITDB_ROOT_PASSWORD={W} mongo`                                     |\n", rule: Some("generic-password") },
    // index 60236182084
    Case { family: GO, form: "q24.3 go map env names to password variable", file: "internal/engines/env.go", text: "\tcase models.EngineMariaDB:\n\t\treturn map[string]string{\"MARIADB_DATABASE\": dbName, \"MARIADB_USER\": dbName, \"MARIADB_PASSWORD\": password, \"MARIADB_ROOT_PASSWORD\": password}\n\tcase models.EngineMongoDB:\n\t\treturn map[string]string{\"MONGO_INITDB_ROOT_USERNAME\": dbName, \"MONGO_INITDB_ROOT_PASSWORD\": password}\n\tcase models.EngineRedis:\n\t\treturn map[string]string{}\n", rule: None },
    // index 22252784674
    Case { family: DOC, form: "q24.4 markdown docker run MONGO_INITDB_ROOT_PASSWORD bare word secret", file: "README.md", text: "5. Run a mongodb docker container \n\n   ```sudo docker run -d -p 27017:27017 --name mgo -e MONGO_INITDB_ROOT_USERNAME=mongoadmin -e MONGO_INITDB_ROOT_PASSWORD=secret mongo```\n", rule: None },
    // index 71600641654
    Case { family: SHELL, form: "q24.5 shell mongodump password from env var in single quotes", file: "deploy/update.sh", text: "trap rollback ERR\n\"${old[@]}\" stop backend\n# No database migrations; pause the app for a consistent backup before replacement.\n\"${old[@]}\" exec -T mongo sh -c 'exec mongodump --username \"$MONGO_INITDB_ROOT_USERNAME\" --password \"$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin --db disciplinary_construction --archive --gzip' > \"$backup/mongo.archive.gz\" 2> \"$backup/mongodump.log\"\ntest -s \"$backup/mongo.archive.gz\"\n", rule: None },
    // ---------------------------------------------------------------- q25 `MAIL_PASSWORD=`
    // index 60324056089
    Case { family: DOC, form: "q25.1 markdown env block smtp placeholders in indonesian", file: "docs/DEPLOY.md", text: "# ===================================================\n# LAYANAN SURAT ELEKTRONIK (SMTP PRODUCTION)\n# ===================================================\nMAIL_MAILER=smtp\nMAIL_HOST=smtp.mailgun.org\nMAIL_PORT=587\nMAIL_USERNAME=username_smtp_anda\nMAIL_PASSWORD=password_smtp_anda\nMAIL_ENCRYPTION=tls\nMAIL_FROM_ADDRESS=\"no-reply@domain-anda.com\"\nMAIL_FROM_NAME=\"${APP_NAME}\"\n```\n", rule: None },
    // index 43406973664
    Case { family: SHELL, form: "q25.2 batch echo env template placeholders", file: "start.bat", text: "REM Check if .env file exists\nif not exist \".env\" (\n    echo [!] Warning: .env file not found!\n    echo Creating .env file with template...\n    echo.\n    (\n        echo # Email Configuration (REQUIRED^)\n        echo MAIL_USERNAME=your-email@gmail.com\n        echo MAIL_PASSWORD=your-16-char-app-password\n        echo.\n        echo # Azure Storage (OPTIONAL^)\n        echo AZURE_STORAGE_CONNECTION_STRING=your-connection-string\n        echo AZURE_STORAGE_CONTAINER_NAME=xrays\n    ) > .env\n", rule: None },
    // index 17601404299
    Case { family: PY, form: "q25.3 python fastapi-mail ConnectionConfig keyword args from settings", file: "app/utils/email.py", text: "# app/utils/email.py\nfrom fastapi_mail import FastMail, MessageSchema, ConnectionConfig\nfrom app.core.config import settings\n\n# Email configuration with updated field names\nconf = ConnectionConfig(\n    MAIL_USERNAME=settings.MAIL_USERNAME,\n    MAIL_PASSWORD=settings.MAIL_PASSWORD,\n    MAIL_FROM=settings.MAIL_FROM,\n    MAIL_PORT=settings.MAIL_PORT,\n    MAIL_SERVER=settings.MAIL_SERVER,\n    MAIL_STARTTLS=settings.MAIL_STARTTLS,\n    MAIL_SSL_TLS=settings.MAIL_SSL_TLS,\n    USE_CREDENTIALS=settings.MAIL_USE_CREDENTIALS\n)\n", rule: None },
    // index 9089768554
    Case { family: PY, form: "q25.4 python keyword args email_password from attribute", file: "scraper/x_client.py", text: "            # Add account to pool\n            await self.api.pool.add_account(\n                username=self.x_username,\n                password=self.x_password,\n                email=self.x_email,\n                email_password=self.x_password,  # Using same password for email\n                mfa_code=self.x_2fa if self.x_2fa else None\n            )\n", rule: None },
    // index 35426133349
    Case { family: DOC, form: "q25.5 markdown env blocks empty and template mail password", file: "docs/EMAIL.md", text: "### Development (.env)\n\n```env\nMAIL_HOST=localhost\nMAIL_PORT=1025\nMAIL_USERNAME=\nMAIL_PASSWORD=\nMAIL_FROM=noreply@mytherion.local\n```\n\n### Production (.env.production)\n\n```env\nMAIL_HOST=smtp.sendgrid.net  # or other provider\nMAIL_PORT=587\nMAIL_USERNAME=${SENDGRID_USERNAME}\nMAIL_PASSWORD=${SENDGRID_API_KEY}\nMAIL_FROM=noreply@mytherion.io\n```\n", rule: None },
    // ---------------------------------------------------------------- q26 `jdbc.password=`
    // index 12546399847
    Case { family: SHELL, form: "q26.1 powershell append sonar.jdbc.password from variable", file: "SonarQube.Scanner.ps1", text: "    if (![String]::IsNullOrWhiteSpace($dbUsername))\n    {\n        [void]$sb.Append(\" /d:sonar.jdbc.username=\" + (EscapeArg($dbUsername))) \n    }\n\n    if (![String]::IsNullOrWhiteSpace($dbPassword))\n    {\n        [void]$sb.Append(\" /d:sonar.jdbc.password=\" + (EscapeArg($dbPassword))) \n    }\n", rule: None },
    // index 5410141312
    Case { family: CONF, form: "q26.2 properties javax.persistence.jdbc.password weak literal", file: "src/test/resources/test.properties", text: "javax.persistence.jdbc.driver=org.h2.Driver\n# Set DB_CLOSE_DELAY=-1 to share the in-memory database among different JDBC connections.\njavax.persistence.jdbc.url=jdbc:h2:mem:db;DB_CLOSE_DELAY=-1\njavax.persistence.jdbc.user=sa\njavax.persistence.jdbc.password={W}\n# JTA is not supported in the transaction test environment.\njavax.persistence.transactionType=RESOURCE_LOCAL\n", rule: Some("generic-password") },
    // index 70873045987
    Case { family: DOC, form: "q26.3 markdown properties block jdbc.password weak literal", file: "notes/mybatis.md", text: "+ 引入相关配置文件，放到resources目录下（全部放到类的根路径下）\n    - mybatis-config.xml\n    - AccountMapper.xml\n    - jdbc.properties\n\n```properties\njdbc.driver=com.mysql.cj.jdbc.Driver\njdbc.url=jdbc:mysql://localhost:3306/mybatis\njdbc.username=root\njdbc.password={W}\n```\n", rule: Some("generic-password") },
    // index 37077880297
    Case { family: DOC, form: "q26.4 markdown helm --set jdbc.password VALUE placeholders", file: "README.md", text: "```bash\n> helm upgrade --install dataingestion-service -f ./dataingestion-service/values-dev.yaml --set jdbc.dbserver='VALUE',jdbc.dbname='VALUE',jdbc.username='VALUE',jdbc.password='VALUE',jdbc.nbs.dbserver='VALUE',jdbc.nbs.dbname='VALUE',jdbc.nbs.username='VALUE',jdbc.nbs.password='VALUE',kafka.cluster='VALUE' dataingestion-service\n```\n", rule: None },
    // index 26499277192
    Case { family: DOC, form: "q26.5 markdown chinese fill-in jdbc.password your mysql password", file: "README.md", text: "5. 右键表格选择import 导入爬取的数据到表中(.csv文件)\n6. 工程内修改数据库配置文件 jdbc.properties   \n    jdbc.username=你电脑MySQL数据库用户名\n    jdbc.password=你电脑MySQL数据库密码\n\n7. 打开浏览器访问 http://localhost:8080/epidemic/index.html\n", rule: None },
    // ---------------------------------------------------------------- q27 `<property name="password"`
    // index 18147762782
    Case { family: DOC, form: "q27.1 markdown mybatis xml property password placeholder reference", file: "README.md", text: "\t\t\t<dataSource type=\"POOLED\">\n\t\t\t\t<property name=\"driver\" value=\"${jdbc.driver}\"/>\n\t\t\t\t<property name=\"url\" value=\"${jdbc.url}\"/>\n\t\t\t\t<property name=\"username\" value=\"${jdbc.username}\"/>\n\t\t\t\t<property name=\"password\" value=\"${jdbc.password}\"/>\n\t\t\t</dataSource>\n", rule: None },
    // index 70962301547
    Case { family: PY, form: "q27.2 python test fixture dict xml string with property password literal", file: "tests/test_adoptions.py", text: "    # adoption's data source used, which the keyed pattern walked past.\n    \"src/main/webapp/WEB-INF/mvc-dispatcher-servlet.xml\": (\n        '<bean id=\"dataSource\">\\n  <property name=\"username\" value=\"root\"/>\\n'\n        '  <property name=\"password\" value=\"{W}\"/>\\n  <property name=\"url\"><value>jdbc:x</value></property>\\n'\n        '  <property name=\"password\"><value>${DB_PASSWORD}</value></property>\\n</bean>\\n'\n    ),\n    \"src/main/resources/db.properties\": \"db.url=jdbc:mysql://localhost/shop\\ndb.password=${DB_PASSWORD}\\n\",\n", rule: Some("generic-password") },
    // index 10361010392
    Case { family: XML, form: "q27.3 xml druid datasource property password placeholder", file: "src/main/resources/applicationContext.xml", text: "    <bean id=\"dataSource\" class=\"com.alibaba.druid.pool.DruidDataSource\" destroy-method=\"close\">\n        <property name=\"driverClassName\" value=\"${jdbc.driver}\"/>\n        <property name=\"url\" value=\"${jdbc.url}\"/>\n        <property name=\"username\" value=\"${jdbc.user}\"/>\n        <property name=\"password\" value=\"${jdbc.password}\"/>\n    </bean>\n", rule: None },
    // index 34190243522
    Case { family: DOC, form: "q27.4 markdown xml druid bean property password literal", file: "notes/spring.md", text: "    <property name=\"driverClassName\" value=\"com.mysql.cj.jdbc.Driver\"/>\n    <!-- 基本属性 url、user、password -->\n    <property name=\"url\" value=\"jdbc:mysql://localhost:3306/spring?useSSL=false&amp;serverTimezone=UTC\"/>\n    <property name=\"username\" value=\"root\"/>\n    <property name=\"password\" value=\"{W}\"/>\n</bean>\n```\n", rule: Some("generic-password") },
    // index 29392141112
    Case { family: DOC, form: "q27.5 markdown xml mybatis dataSource property password literal", file: "README.md", text: "### 1.1 配置数据源\n\n``` xml\n <dataSource type=\"UNPOOLED\">\n    <property name=\"driver\" value=\"com.mysql.jdbc.Driver\"/>\n    <property name=\"url\" value=\"jdbc:mysql://192.168.125.134:3306/micro_message\"/>\n    <property name=\"username\" value=\"root\"/>\n    <property name=\"password\" value=\"{W}\"/>\n</dataSource>\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q28 `%env `
    // index 27862794819
    Case { family: OTHER, form: "q28.1 perl test assigns %ENV hash", file: "t/envy.t", text: "# envy -*-perl-*-\nuse strict;\nuse Test; plan test => 3;\n%ENV = (REGRESSION_ENVY_PATH => \"./example/area1/etc/envy\");\nrequire Envy::DB;\n\n-d 't' or die \"Can't find ./t directory\";\n\nmy $db = Envy::DB->new(\\%ENV);\n", rule: None },
    // index 71267513499
    Case { family: RUST, form: "q28.2 rust raw string mlir func with %env argument", file: "src/tests/closure.rs", text: "  tribute_rtti.layout {type = !_closure, index = 32, fields = [\"u32\", \"dynamic\"]}\n  tribute_rtti.layout {type = !Other, index = 33, fields = [\"dynamic\"]}\n  func.func @make(%table: core.i32, %env: tribute_rt.anyref) -> !_closure {\n    %closure = adt.struct_new %table, %env {type = !_closure} : !_closure\n    %loaded = adt.struct_get %closure {field = 1, type = !_closure} : tribute_rt.anyref\n    func.return %closure\n  }\n}\"#,\n        );\n", rule: None },
    // index 55044646749
    Case { family: OTHER, form: "q28.3 perl comment and path from interpreter into %ENV", file: "t/shell.t", text: "# precede the first init(): init() snapshots %ENV into STORE and\n# sync_to_env() later copies STORE back to %ENV.\n{\n    my ($pvol, $pdirs) = File::Spec->splitpath($^X);\n    my $perldir = File::Spec->catpath($pvol, $pdirs, '');\n", rule: None },
    // index 13151420739
    Case { family: OTHER, form: "q28.4 perl empty %env hash joined into pytest command", file: "tests/containers/podman_pytest.pm", text: "    my %env = ();\n    my $env = join \" \", map { \"$_=$env{$_}\" } sort keys %env;\n    my $pytest_args = \"-vv --capture=tee-sys -o junit_logging=all --junit-xml $target.xml $ignore $deselect\";\n\n    run_command \"$env pytest $pytest_args podman/tests/$target\", no_assert => 1, timeout => 3600;\n", rule: None },
    // index 37093143834
    Case { family: OTHER, form: "q28.5 perl local copy of %ENV", file: "asgs-brew.pl", text: "#!/usr/bin/perl\n\nuse strict;\nuse warnings;\nuse Getopt::Long qw(GetOptionsFromArray);\nuse Cwd qw(getcwd);\n\npackage local::asgs_brew;\n\nuse constant EXIT_SUCCESS => 0;\n\n# copy existing environment\nlocal %ENV = %ENV;\n\nour $AFFECTED_ENV_VARS = {};    # list of envars that were updated across all steps\n", rule: None },
    // ---------------------------------------------------------------- q29 `IDENTIFIED BY '`
    // index 48069776273
    Case { family: SQL, form: "q29.1 sql create user identified by weak literal and grant repeating it", file: "sql/init.sql", text: "drop database ma_base;\ndrop user u_stage@localhost;\n\nCREATE DATABASE `ma_base` DEFAULT CHARACTER SET utf8 COLLATE utf8_general_ci;\nuse `ma_base`;\n\nCREATE USER 'u_stage'@'localhost' IDENTIFIED BY '{W}';\nGRANT USAGE ON * . * TO 'u_stage'@'localhost' IDENTIFIED BY '{W}' WITH MAX_QUERIES_PER_HOUR 0 MAX_CONNECTIONS_PER_HOUR 0 MAX_UPDATES_PER_HOUR 0 MAX_USER_CONNECTIONS 0 ;\nGRANT ALL PRIVILEGES ON `ma_base` . * TO 'u_stage'@'localhost';\n", rule: Some("generic-password") },
    // index 12518616758
    Case { family: SQL, form: "q29.2 sql hibernate user identified by weak literal twice", file: "src/main/resources/schema.sql", text: "CREATE DATABASE IF NOT EXISTS hibnatedb;\nCREATE USER 'hibuser'@'localhost' IDENTIFIED BY '{W}';\nALTER DATABASE hibnatedb\n  DEFAULT CHARACTER SET utf8\n  DEFAULT COLLATE utf8_general_ci;\n\nGRANT ALL PRIVILEGES ON hibnatedb.* TO 'hibuser'@'localhost' IDENTIFIED BY '{W}';\n\nUSE hibnatedb;\n", rule: Some("generic-password") },
    // index 40844302088
    Case { family: SQL, form: "q29.3 sql lowercase create user identified by app name password", file: "mahara.sql", text: "create database `mahara-db` character set UTF8;\ncreate user `maharauser`@localhost IDENTIFIED BY '{W}';\ngrant all on `mahara-db`.* to `maharauser`@localhost IDENTIFIED BY '{W}'\n", rule: Some("generic-password") },
    // index 19256426303
    Case { family: SHELL, form: "q29.4 shell mysql --execute identified by bare word pass", file: "srcs/requirements/mariadb/tools/setup.sh", text: "#!/bin/sh\n\nmariadb-install-db --user=root\n\nmysqld --user=root & sleep 5\n\nmysql --user=root --execute=\"CREATE DATABASE wordpress;\"\n\nmysql --user=root wordpress < wordpress.sql\n\nmysql --user=root --execute=\"CREATE USER 'root'@'%' IDENTIFIED BY 'pass'; GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION; USE wordpress; FLUSH PRIVILEGES;\"\n", rule: None },
    // index 539573
    Case { family: SHELL, form: "q29.5 shell sql string identified by shell variable", file: "wp-setup.sh", text: "function create_db() {\n  MYSQL=`which mysql`\n  Q1=\"CREATE DATABASE IF NOT EXISTS $DB_NAME;\"\n  Q2=\"GRANT ALL ON *.* TO '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';\"\n  Q3=\"FLUSH PRIVILEGES;\"\n  SQL=\"${Q1}${Q2}${Q3}\"\n", rule: None },
    // ---------------------------------------------------------------- q30 `"type": "bearer"`
    // index 316329308
    Case { family: PY, form: "q30.1 python test mock token response from constants", file: "tests/test_config_flow.py", text: "        self.aioclient_mock.post(\n            TOKEN_URL,\n            json={\n                \"refresh_token\": REFRESH_TOKEN,\n                \"access_token\": ACCESS_TOKEN,\n                \"type\": \"bearer\",\n                \"expires_in\": 60,\n            },\n        )\n", rule: None },
    // index 66823998893
    Case { family: JS, form: "q30.2 js block comment config json token elided stars", file: "src/architecture.js", text: "Schneider Cloud Provider\n------------------------\n{\n  \"endpoint\": \"https://cloud.schneider.com/devices\",\n  \"method\": \"POST\",\n  \"authentication\": {\n    \"type\": \"bearer\",\n    \"token\": \"***\"\n  },\n  \"polling_interval\": 60\n}\n*/\n", rule: None },
    // index 52131396158
    Case { family: OTHER, form: "q30.3 json catalog authentication descriptor type bearer", file: "catalog/notion.json", text: "            \"authentication\": {\n                \"in\": \"header\",\n                \"name\": \"Authorization\",\n                \"type\": \"bearer\",\n                \"description\": \"Notion integration token\"\n            },\n", rule: None },
    // index 57401469953
    Case { family: DOC, form: "q30.4 markdown json manifest auth type bearer", file: "docs/MCP_PLAN.md", text: "Add a `GET /.well-known/mcp.json` route that returns a static JSON document:\n\n```json\n{\n  \"name\": \"SmartSpecPro\",\n  \"url\": \"https://smartaihub.app/v1/mcp\",\n  \"auth\": { \"type\": \"bearer\" },\n  \"capabilities\": { \"tools\": true },\n  \"docs\": \"https://smartaihub.app/v1/docs\"\n}\n```\n", rule: None },
    // index 71545550813
    Case { family: DOC, form: "q30.5 markdown api docs login request body password literal", file: "docs/API.md", text: "#### POST `/api/v1/auth/login` Request Body:\n```json\n{\n  \"email\": \"secretary@gramai.in\",\n  \"password\": \"{W}\"\n}\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q31 `export API_TOKEN=`
    // index 71068404995
    Case { family: DOC, form: "q31.1 markdown bash export API_TOKEN not-a-real-token placeholder", file: "README.md", text: "Example:\n```bash\nexport BOARD_NAME=\"My Board\"\nexport ENVIRONMENT=dev\nexport API_TOKEN=not-a-real-token\nexport CHECK_TARGETS=\"example=https://example.com,local=http://localhost:8080/hello-world\"\ngo run .\n```\n", rule: None },
    // index 65888910395
    Case { family: DOC, form: "q31.2 markdown portuguese export API_TOKEN SEU_TOKEN placeholder", file: "README.md", text: "Se o provider exigir Bearer token:\n\n```bash\nexport API_TOKEN='SEU_TOKEN'\n```\n\nEssas variáveis agora são propagadas para o container da API.\n", rule: None },
    // index 60990743060
    Case { family: DOC, form: "q31.3 markdown export API_TOKEN your-secret-token-here placeholder", file: "DEPLOYMENT.md", text: "1. **Using .env file** (Recommended):\n   ```bash\n   echo \"API_TOKEN=your-secret-token-here\" >> .env\n   ```\n\n2. **Exporting before deployment**:\n   ```bash\n   export API_TOKEN=your-secret-token-here\n   ./deploy.sh\n   ```\n", rule: None },
    // index 48941994005
    Case { family: DOC, form: "q31.4 markdown export API_TOKEN quoted your-secure-token placeholder", file: "DEPLOYMENT.md", text: "```bash\ncd server\npip install -r requirements.txt\nexport API_TOKEN=\"your-secure-token\"\nexport STORAGE_DIR=\"/var/yfitg-scout/reports\"\nuvicorn main:app --host 0.0.0.0 --port 8000\n```\n", rule: None },
    // index 37206663830
    Case { family: DOC, form: "q31.5 markdown jenkinsfile withCredentials export API_TOKEN from binding", file: "docs/JENKINS.md", text: "                withCredentials([\n                    string(credentialsId: 'api-token', variable: 'API_TOKEN'),\n                    file(credentialsId: 'ssh-key', variable: 'SSH_KEY')\n                ]) {\n                    sh '''\n                        export API_TOKEN=$API_TOKEN\n                        chmod 600 $SSH_KEY\n                        ./deploy.sh\n                    '''\n                }\n", rule: None },
    // ---------------------------------------------------------------- p1 `get_account_from_token("`
    // index 4973489670
    Case { family: PY, form: "p1.1 python streamlit speckle auth app secret literal in token exchange json", file: "pages/login.py", text: "        json={\n            \"appSecret\": \"{APPSEC}\",\n            \"appId\": \"618a698b8a\",\n            \"accessCode\": access_code,\n            \"challenge\": challenge,\n        },)\n    response_json = response.json()\n    token = response_json['token']\n\nst.write('TOKEN: ', token)\naccount = get_account_from_token(\"speckle.xyz\", token)\nst.write(\"ACCOUNT\", account)\n", rule: Some("generic-secret") },
    // index 47415466838
    Case { family: PY, form: "p1.2 python streamlit get_account_from_token speckle token literal", file: "main.py", text: "    #------------\n    #Columns for inputs\n    # speckleToken = tokenCol.text_input(\"Speckle Token\", \"{S}\") #JL\n    #------------\n\n    #------------\n    #CLIENT\n    client = SpeckleClient(host=\"speckle.xyz\")\n    #get account from token\n    account = get_account_from_token(\"{S}\", \"speckle.xyz\")\n    #Authenticate\n    client.authenticate_with_account(account)\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- p3 `WITH PASSWORD '`
    // index 1364821
    Case { family: DOC, form: "p3.1 markdown docker exec psql create user with password literal", file: "README.md", text: "Create user `madmex_user` with password `madmex_user.` using the next line:\n\n```\n$sudo docker exec -u=postgres -it postgres-server-madmex \\\npsql -h 172.17.0.2 -p 5432 \\\n-c \"CREATE USER madmex_user WITH PASSWORD '{W}'\"\n```\n", rule: Some("generic-password") },
    // index 8931663421
    Case { family: DOC, form: "p3.2 markdown psql session create user with password literal after placeholder comment", file: "docs/postgresql.md", text: "-- 語法： CREATE USER myuser WITH PASSWORD 'secret_passwd';\n-- 建立使用者帳號 , 將 帳號 myuser 及密碼 secret_passwd 替換成實際的用戶及密碼\npostgres=# CREATE USER django_lab WITH PASSWORD '{W}';\nCREATE ROLE\n", rule: Some("generic-password") },
    // index 17041216201
    Case { family: DOCKER, form: "p3.3 dockerfile RUN psql alter role with password literal", file: "Dockerfile", text: "USER postgres\nRUN /etc/init.d/postgresql start && sleep 20 &&\\\n\tpsql --command \"ALTER ROLE postgres with password '{W}';\" &&\\\n\tcreatedb qualysguard --template template0 --encoding utf-8\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `"password": "`
    // index 71655093657
    Case { family: PY, form: "p4.1 python httpx post json login password literal", file: "scripts/smoke_test.py", text: "    print(\"\\nTesting POST /auth/login...\")\n    r2 = httpx.post(\n        \"http://127.0.0.1:8000/auth/login\",\n        json={\"email\": \"admin@cryptotrace.gov.in\", \"password\": \"{W}\"}\n    )\n    print(f\"Login Status Code: {r2.status_code}\")\n", rule: Some("generic-password") },
    // index 21780640872
    Case { family: DOC, form: "p4.2 markdown api docs register request json password literal", file: "docs/API.md", text: "**请求体**:\n```json\n{\n  \"username\": \"zhangsan\",\n  \"email\": \"zhangsan@example.com\",\n  \"password\": \"{W}\",\n  \"phone\": \"13800138000\",\n  \"role\": \"consumer\"\n}\n```\n", rule: Some("generic-password") },
    // index 10712915892
    Case { family: PY, form: "p4.3 python django test user_data password and confirmation fixture", file: "users/tests.py", text: "        self.user_data = {\n                \"username\": \"testuser\",\n                \"email\": \"testuser@example.com\",\n                \"first_name\": \"User\",\n                \"last_name\": \"Test\",\n                \"password\": \"{W}\",\n                \"password_confirmation\": \"{W}\",\n                \"phone\": \"123456789\",\n                \"role\": \"Patient\"\n            }\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p2 `SPELL_TOKEN="`
    // ---------------------------------------------------------------- p5 `ENV ADMIN_PASSWORD`
    // index 40097897761
    Case { family: DOCKER, form: "p5.1 dockerfile ENV ADMIN_PASSWORD quoted weak literal", file: "apps/api/Dockerfile", text: "# Install production dependencies for prisma\nRUN apt-get update -y && apt-get install -y openssl\n\nENV NODE_ENV=production\nENV DATABASE_URL=\"file:./data/dev.db\"\nENV ADMIN_PASSWORD=\"{W}\"\n\nEXPOSE 3000\n", rule: Some("generic-password") },
    // index 58700321491
    Case { family: DOC, form: "p5.2 markdown chinese changelog names generated ADMIN_PASSWORD value in prose", file: "PROGRESS.md", text: "- 管理员认证配置已补：.env ADMIN_PASSWORD（生成值 {W}）+ AUTH_REQUIRED=false（后端 security.py 由前后台分离改造引入，fail-closed；前端后台页面完成后置 true）\n- 验证：前端 35 测试、后端 380 测试、docker 重建（resumemind-app）、页面 title/问答正常\n", rule: Some("generic-password") },
    // index 57065638486
    Case { family: JS, form: "p5.3 tsx doc comment states the ADMIN_PASSWORD value", file: "src/components/PasswordGate.tsx", text: "/**\n * 全屏密码登录门\n *\n * 访问应用前必须输入密码（密码由后端 env ADMIN_PASSWORD 控制，本项目为 {W}）。\n * 验证流程：\n * 1. 调用后端 POST /api/admin/verify，校验通过后后端签发 platform_admin_session cookie（有效期 24h）\n * 2. 前端在 localStorage 记录登录标记，实现 Session/Token 持久化，刷新或重开页面不重复登录\n */\nimport { useState, useEffect, useCallback } from\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p6 `setPassword("`
    // index 1024129
    Case { family: JAVA, form: "p6.1 java ignored test resetPassword hash and new password literal", file: "src/test/java/com/worth/ifs/user/controller/UserControllerIntegrationTest.java", text: "    @Ignore(\"TODO DW - INFUND-936 - Not valid test after passwords moved out to Shib\")\n    @Test\n    public void testPasswordReset() {\n        RestResult<Void> restResult = controller.resetPassword(\"{UUID}\", \"{W}\");\n        assertTrue(restResult.isSuccess());\n    }\n", rule: Some("generic-password") },
    // index 21371692204
    Case { family: JAVA, form: "p6.2 java jasypt encryptor setPassword literal", file: "src/main/java/com/hxy/springbootconfiguration/util/JasyptUtil.java", text: "package com.hxy.springbootconfiguration.util;\n\nimport org.jasypt.util.text.BasicTextEncryptor;\n\npublic class JasyptUtil {\n    public static void main(String[] args) {\n        BasicTextEncryptor encryptor=new BasicTextEncryptor();\n        encryptor.setPassword(\"{W}\");\n\n        String username = encryptor.encrypt(\"root\");\n        String password= encryptor.encrypt(\"root\");\n        System.out.println(username+\"\\t\"+password);\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p7 `apiKey = "`
    // index 48757854397
    Case { family: JS, form: "p7.1 js let apiKey literal then template url key param", file: "src/index.js", text: "function searchCity(city) {\n  let apiKey = \"{KH}\";\n  let apiUrl = `https://api.shecodes.io/weather/v1/current?query=${city}&key=${apiKey}`;\n  console.log(apiUrl);\n  axios.get(apiUrl).then(updateWeather);\n}\n", rule: Some("generic-api-key") },
    // index 41839980277
    Case { family: JS, form: "p7.2 jsx module const apiKey 32 hex with turkish comment", file: "app/page.jsx", text: "import Movies from \"@/components/Movies\";\nimport React from \"react\";\n\n// API anahtarı\nconst apiKey = \"{KH}\";\n\nconst Page = async ({ searchParams }) => {\n", rule: Some("generic-api-key") },
    // index 21230509477
    Case { family: JS, form: "p7.3 react native component const apiKey accuweather", file: "App.js", text: "  // config para a api\n  const [city, setCity] = useState(\"\");\n  const [weatherData, setWeatherData] = useState(null);\n  const apiKey = \"{K}\";\n  const baseUrl = \"http://dataservice.accuweather.com/\";\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p8 `'x-api-key': '`
    // index 44530970539
    Case { family: JS, form: "p8.1 js fetch appsync graphql headers x-api-key literal", file: "src/pages/Analise.jsx", text: "          const response = await fetch('https://unhoqitkhjfd3oivkzhgctybgm.appsync-api.sa-east-1.amazonaws.com/graphql', {\n            method: 'POST',\n            headers: {\n              'Content-Type': 'application/json',\n              'x-api-key': '{APPSYNC}',\n            },\n            body: JSON.stringify({\n              query: `query { getUltimaAnaliseSoja(id: \"analise-soja\") { id timestamp analise } }`,\n            })\n          });\n", rule: Some("generic-api-key") },
    // index 17546161999
    Case { family: JS, form: "p8.2 jsx fetch thecatapi headers x-api-key live_ key", file: "src/pages/Cats.jsx", text: "                setLoading(true)\n                const response = await fetch('https://api.thecatapi.com/v1/images/search?limit=10', { //https://api.thecatapi.com/v1/images/search?limit=20\n                    headers: {\n                        'x-api-key': '{CATAPI}'\n                    }\n                })\n                const data = await response.json()\n", rule: Some("generic-api-key") },
    // index 26341223359
    Case { family: JS, form: "p8.3 ts axios create default headers x-api-key uuid", file: "src/services/api.ts", text: "import axios from 'axios';\n\nexport const API_URL = 'http://185.155.18.145:9999';\n\nexport const api = axios.create({\n  baseURL: API_URL,\n  headers: {\n    'Content-Type': 'application/json',\n    'x-api-key': '{KUUID}',\n  },\n});\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p9 `github_pat_`
    // index 27880904
    Case { family: DOC, form: "p9.1 markdown incident report elided keys and a neo4j password in clear", file: "SECURITY_INCIDENT.md", text: "## Exposed Credentials\n\n1. **Gemini API Key**: `AIzaSy...XRLiXo` (REDACTED)\n   - Service: Google Gemini AI\n   - Exposure: Claude Code conversation logs\n   - Action Required: REVOKE IMMEDIATELY\n\n2. **GitHub Personal Access Token**: `github_pat_11...NeTb5` (REDACTED)\n   - Service: GitHub\n   - Permissions: repo (full access)\n   - Exposure: Claude Code conversation logs\n   - Action Required: REVOKE IMMEDIATELY\n\n3. **Neo4j Password**: `{W}`\n   - Service: Local Neo4j database\n   - Risk: Low (localhost only, no public exposure)\n", rule: Some("generic-password") },
    // index 49344420359
    Case { family: JS, form: "p9.2 js const GITHUB_TOKEN fine-grained pat under replace-with comment", file: "server.js", text: "// server.js\nimport express from \"express\";\nimport fetch from \"node-fetch\";\n\nconst app = express();\napp.use(express.json({ limit: \"5mb\" }));\n\n// Replace with your own values:\nconst GITHUB_TOKEN = \"{GHFG}\";\nconst GITHUB_REPO = \"jnnhoang-oss/-conceptual-arrangement-task\";\nconst GITHUB_PATH = \"data\"; // folder inside the repo where CSVs go\n", rule: Some("github-fine-grained-pat") },
    // ---------------------------------------------------------------- p10 `dop_v1_`
    // index 21792180363
    Case { family: JS, form: "p10.1 js CONFIG object DO_TOKEN digitalocean pat", file: "worker.js", text: "// =================== CONFIGURATION ===================\nconst CONFIG = {\n    // Token sesuai request (dari bot telegram mu)\n    DO_TOKEN: \"{DOP}\",\n    WHITELIST_USERS: [7473782076],\n    DO_API: \"https://api.digitalocean.com/v2\",\n    BOT_API: \"https://api.telegram.org/bot\",\n    BOT_USERNAME: \"CloudSphereBot\"\n};\n", rule: Some("digitalocean-pat") },
    // index 40874911638
    Case { family: KOTLIN, form: "p10.2 kotlin trailing line comment holds a digitalocean pat", file: "src/main/kotlin/com/example/controller/UserController.kt", text: "    @PostMapping(\"/accept-terms\")\n    fun acceptTerms(@AuthenticationPrincipal userDetails: CustomUserDetails): ResponseEntity<UserDTO> {\n        val updatedUser = userService.acceptTerms(userDetails.username)\n        return ResponseEntity.ok(updatedUser)\n    }\n}\n\n\n//{DOP}\n", rule: Some("digitalocean-pat") },
    // ---------------------------------------------------------------- p11 `shpat_`
    // index 129466143
    Case { family: KOTLIN, form: "p11.1 kotlin base url userinfo api key and shpat token split over concatenation", file: "app/src/main/java/com/iti/android/team1/ebuy/network/RetrofitHelper.kt", text: "import retrofit2.Retrofit\nimport retrofit2.converter.gson.GsonConverterFactory\n\nprivate const val baseUrl = \"https://{KH}:\" +\n        \"{SHPAT}@mobile-ismailia.myshopify.com/admin/api/2022-04/\"\n\n\nprivate val retrofit = Retrofit.Builder().apply {\n    addConverterFactory(GsonConverterFactory.create())\n    this.baseUrl(baseUrl)\n}.build()\n", rule: Some("shopify-access-token") },
    // ---------------------------------------------------------------- p12 `postgresql+psycopg2://`
    // index 66051761703
    Case { family: PY, form: "p12.1 python getenv default database url with password", file: "app/database.py", text: "import os\nfrom dotenv import load_dotenv\nfrom sqlalchemy import create_engine, event\nfrom sqlalchemy.orm import sessionmaker, declarative_base\n\nload_dotenv()\n\nDATABASE_URL = os.getenv(\n    \"DATABASE_URL\",\n    \"postgresql+psycopg2://postgres:{UW}@localhost:5432/travelBuddy\"\n)\n", rule: Some("postgres-url-password") },
    // index 5234298
    Case { family: PY, form: "p12.2 python flask config class database uri with password", file: "config.py", text: "import os\n\n\nclass Config:\n    '''\n    General configuration parent class\n    '''\n   \n    SECRET_KEY = os.environ.get('SECRET_KEY')\n    SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://wecode:{UW}@localhost/blog_posts'\n    UPLOADED_PHOTOS_DEST ='app/static/photos'\n", rule: Some("postgres-url-password") },
    // index 11695452153
    Case { family: PY, form: "p12.3 python dev config getenv default database uri with password", file: "config.py", text: "class DevConfig(Config):\n    SQLALCHEMY_TRACK_MODIFICATIONS = True\n    DEBUG = True\n    SQLALCHEMY_DATABASE_URI = os.getenv('SQLALCHEMY_DATABASE_URI', 'postgresql+psycopg2://postgres:{UW}@localhost:5432/workdb')\n    SQLALCHEMY_TRACK_MODIFICATIONS = False\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- p13 `password => '`
    // index 26111940502
    Case { family: OTHER, form: "p13.1 puppet rabbitmq_user resource password attribute literal", file: "modules/openstack/manifests/profile/heat.pp", text: "class openstack::profile::heat {\n  include openstack::profile::common::interfaces\n  $mgmt_ip = openstack::profile::common::interfaces::mgmt_ip\n\n\n  rabbitmq_user { 'heat':\n    admin    => true,\n    password => '{W}',\n    provider => 'rabbitmqctl',\n    require  => Class['::rabbitmq'],\n  }\n", rule: Some("generic-password") },
    // index 18123818242
    Case { family: RUBY, form: "p13.2 ruby spec create! hash rocket password and confirmation fixture", file: "spec/controllers/registros_spec.rb", text: "  before :each do\n    miranda = Estado.create :nombre => 'Miranda'\n    baruta = Municipio.create :nombre => 'Baruta', :estado_id => miranda.id\n    sart = Parroquia.create:nombre => 'Sartenejas', :municipio_id => baruta.id\n\n    @con =   Usuario.create!({:email => 'conector@conector.com', :password => '{W}', :password_confirmation => '{W}', :rol => 'conector', :email => 'conector@conector.com'})\n", rule: Some("generic-password") },
    // index 40994083102
    Case { family: SHELL, form: "p13.3 shell heredoc puppet manifest mysql::db password literal", file: "install-dashboard.sh", text: "cat >/opt/puppetlabs/manifests/site.pp<<EOF\nnode default {\n  notice(\"this is the $fqdn node\")\n\n  include mysql::server\n\n  mysql::db { 'dashboard':\n    user     => 'admin',\n    password => '{W}',\n    host     => 'localhost',\n    grant    => ['all'],\n  }\n\n}\nEOF\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p14 `'api_key' => '`
    // ---------------------------------------------------------------- p15 `jwtSecret: '`
    // index 13542372842
    Case { family: JS, form: "p15.1 js module config object jwtSecret literal after crypt helpers", file: "config/config.js", text: "                try {\n                   return cryptr.decrypt(text)\n                }\n                catch(err){\n                    return 0;\n                }\n\n            }\n\n        }\n    },\n    jwtSecret: '{C}'\n};\n", rule: Some("generic-secret") },
    // index 8770127
    Case { family: JS, form: "p15.2 js config object jwtSecret literal beside salt rounds", file: "config.js", text: "config = {\n    port: process.env.PORT || 8090,\n    saltRounds: 2,\n    jwtSecret: '{C}',\n    tokenExpireTime: '6h',\n    tokenExpireHours: 6,\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p16 `BEGIN PRIVATE KEY`
    // ---------------------------------------------------------------- p17 `token = '`
    // index 16334608740
    Case { family: PY, form: "p17.1 python bot configuration TOKEN telegram bot token", file: "bot.py", text: "# ======================\n# 🛠️ BOT CONFIGURATION\n# ======================\nTOKEN = '{TG}'\nOWNER_USERNAME = \"GODxAloneBOY\"\nADMIN_IDS = [\"GODxAloneBOY\", \"RAJOWNER90\"]  # Add admin usernames here\nALLOWED_GROUP_IDS = [-1002658128612]\nMAX_THREADS = 900\n", rule: Some("telegram-bot-token") },
    // index 24943372575
    Case { family: PHP, form: "p17.2 php codeigniter controller protected $token telegram bot token", file: "application/controllers/Message.php", text: "<?php\ndefined('BASEPATH') OR exit('No direct script access allowed');\nrequire 'vendor/autoload.php';\nuse GuzzleHttp\\Client;\nuse GuzzleHttp\\Psr7\\Request;\n\nclass Message extends CI_Controller {\n\n\n\n    protected $token = '{TG}';\n\n    public function index()\n    {\n", rule: Some("telegram-bot-token") },
    // ---------------------------------------------------------------- p18 `'Authorization': 'Token `
    // index 17346282684
    Case { family: JS, form: "p18.1 js fetch headers Authorization Token 40 hex drf token", file: "test.js", text: "fetch('http://127.0.0.1:8000/protected_route/', {\n    method: 'GET',\n    headers: {\n        'Authorization': 'Token {TH40}'\n    }\n})\n.then(response => response.json())\n.then(data => console.log(data))\n.catch(error => console.error('Error:', error));\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p19 `AccountKey=`
    // index 12220948839
    Case { family: PY, form: "p19.1 python django settings azure storage connection string account key", file: "settings.py", text: "        'PORT': '3306',\n        }\n\n}\n\n\nCENTRAL_CONN_STR_AZURE = 'DefaultEndpointsProtocol=https;AccountName=sightcallmicroservices;AccountKey={AZSK};EndpointSuffix=core.windows.net'\nCENTRAL_AZURE_CONTAINER = 'aitrainermodels-qualif'\n\nDEFAULT_WEBHOOK_URL='https://8960-91-173-26-213.ngrok.io'\n", rule: Some("azure-storage-account-key") },
    // index 26613710229
    Case { family: PY, form: "p19.2 python local mode postgres url password beside azurite published default key", file: "config.py", text: "# Database settings\nif LOCAL_MODE:\n    PG_CONNSTR = \"postgresql://taxdb:{UW}@localhost:5432/taxdb\"\nelse:\n    PG_CONNSTR = os.getenv(\"AZURE_PG_CONNSTR\", \"\")\n\n# Blob storage settings\nif LOCAL_MODE:\n    BLOB_CONNSTR = \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};BlobEndpoint=http://localhost:10000/devstoreaccount1;\"\nelse:\n    BLOB_CONNSTR = os.getenv(\"AZURE_BLOB_CONNSTR\", \"\")\n", rule: Some("postgres-url-password") },
    // index 35175382869
    Case { family: JS, form: "p19.3 jsx example object endpoint azure connection string account key", file: "src/components/FineForm.jsx", text: "    model_type:\"BERT\",\n    model_size:\"Base\",\n    checkpoint:\"bert-base-uncased\",\n    dataset:\"cloud:graphcore/masked_test,text\",\n    tokenizer:\"bert-base-uncased\",\n    classifier:\"MLM\",\n    num_labels:32,\n    cloud:\"AzureBlob\",\n    endpoint:\"DefaultEndpointsProtocol=https;AccountName=andynlpstore;AccountKey={AZSK};EndpointSuffix=core.windows.net\",\n    results:\"\"\n  }\n]\n", rule: Some("azure-storage-account-key") },
    // ---------------------------------------------------------------- p20 `SLACK_WEBHOOK_URL=https`
];

#[test]
fn held_aside_real5() {
    SET.measure("real5", CASES, 51029, 65, 128);
}
