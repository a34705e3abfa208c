//! Seventh held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet, on cases nobody tuned on). The
//! fourth set and `tuning_real7` are spent (read and tuned on); this set follows their
//! procedure and the shared measure (`blind_harness`) with new queries spread over the
//! languages and file kinds users write: Python, JS/TS, Go, Java/Kotlin, YAML (CI systems,
//! Kubernetes, Compose, Ansible, Helm), Terraform, Dockerfiles, shell, `.env`, properties,
//! INI and TOML, Markdown setup guides, notebooks, C#, Ruby, PHP, Rust, API tools' files
//! (Postman exports, `.http` files), and Speckle and Spell where the index has them.
//!
//! Written blind in session 12 (2026-12-07) by branch `blindset12`: the engine
//! (`src/context/` other than the spent real-code sets as the model, the harness and the
//! `Case`/`fill` helpers of `heldout_fresh2.rs`), `src/scan/`, the rule bodies (other than
//! their ids) and the probe tables were not read; `heldout_real6` was not opened.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. Stage 1 queries (exact strings, case-insensitive, `find_string` with context 300), in
//!    this order; the first 3 usable excerpts of each are taken in the order returned,
//!    whatever their label: `SPECKLE_TOKEN:`, `authenticate_with_account(`,
//!    `speckle_server_url`, `SPELL_TOKEN:`, `OpenAI(api_key=`, `psycopg2.connect(`,
//!    `pymysql.connect(`, `smtplib.SMTP_SSL(`, `userdata.get(`, `` Authorization: `Bearer ${ ``,
//!    `createTransport({`, `new Pool({`, `sql.Open("mysql"`, `req.Header.Set("Authorization"`,
//!    `private static final String API_KEY`, `System.getenv("`, `secrets.DOCKERHUB_TOKEN`,
//!    `name: DB_PASSWORD`, `PGADMIN_DEFAULT_PASSWORD`, `mysql_root_password`,
//!    `adminPassword:`, `admin_password =`, `ARG NPM_TOKEN`, `export GITHUB_TOKEN=`,
//!    `mysql -uroot -p`, `JWT_SECRET_KEY=`, `STRIPE_SECRET_KEY=`, `db.password=`, `[auth]`,
//!    `export OPENAI_API_KEY=`, `Environment.GetEnvironmentVariable(`, `ENV.fetch(`,
//!    `smtp_settings`, `CURLOPT_USERPWD`, `'password' => env(`, `env::var(`,
//!    `"key": "x-api-key"`, `@token =`. None of them is a query of an earlier real-code set
//!    that this author could read. An excerpt is unusable only when it is not source or
//!    config text (binary, minified blob, lock file), repeats an excerpt already taken, or
//!    comes from a file whose index id an earlier set sampled (the list of those ids is
//!    given to the author). Cases are named `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, so that about 30% of the cases are positives), in
//!    this order: `SPECKLE_TOKEN="`, `SpeckleClient(host="`, `Password: "`,
//!    `db_password = "`, `SECRET_KEY = 'django-insecure-`, `apiKey: '`, `API_TOKEN = "`,
//!    `-u admin:`, `password: "`, `ApiKey = "`, `$password = '`, `client_secret = "`,
//!    `X-API-Key: `, `auth_token: "`, `access_key = "`, `\"password\": \"` (the
//!    backslashes are literal: notebook JSON). From each, only the excerpts that hold a
//!    literal credential by the labelling rules below are taken, the first 3 in the order
//!    returned; this stage chooses by label, never by how hard a case looks. Cases are named
//!    `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; an excerpt's first or
//!    last line cut by the window is dropped. Each case's comment gives the index id of its
//!    file (`read_file` with that id opens it); the case's `file` is a plausible name for
//!    its language and kind.
//! 4. Labels, decided from the code before the scanner ever runs on it (`heldout_real4`'s
//!    rules): a literal credential value (a real-looking key, token or password; a concrete
//!    default used when an environment variable is missing; a concrete fixture value; a weak
//!    but concrete password) is POSITIVE, its value replaced by a value of the same kind
//!    generated at run time, expecting the rule a user would want (the provider rule for a
//!    provider's shape, the URL rule for a password in a connection URL, `jwt` for a JWT,
//!    `speckle-token` / `spell-token` for those services, else the generic rule by role);
//!    NEGATIVE: no literal (a variable, an environment or config lookup, a template, a type,
//!    prose), an empty value, an elision, a placeholder for the reader's value
//!    (`<your-token>`, `YOUR_KEY`, `your_...`, `xxx`, change-me, the bare words `password`,
//!    `secret`, `token`, `test`), a shipped default (`guest`, `changeit`); one case measures
//!    one value (the hit line's, else the first by position; other credential lines trimmed
//!    away or given the same placeholder). Non-secret token-shaped text is a run-time
//!    placeholder, so the repository holds no token-shaped literal.
//! 5. Generators are checked one by one (a one-line `NAME=<value>` file scanned by the built
//!    binary) before the set is finished; the cases are never scanned until the set is
//!    complete and committed. Then the test runs once, on main at the session start; no case
//!    is changed, dropped or relabelled after its result is seen, and only its summary line
//!    is written down.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: 38 queries, the first 3 usable excerpts of each: 114 cases, 16 positives, 98
//! negatives. Excerpts skipped because their file's index id was sampled by an earlier set:
//! q9 `userdata.get(` ranks 1-4, q20 `mysql_root_password` rank 1, q23 `ARG NPM_TOKEN` ranks
//! 1-4, q25 `mysql -uroot -p` ranks 1, 2 and 4 (rank 4 was first written down before the id
//! was checked, then replaced by rank 6 before any scan). None was binary, minified or a lock
//! file. The queries aimed at Speckle and Spell returned only code without literals (types,
//! `get_default_account()`, environment lookups) and, for `SPELL_TOKEN:`, games' and crypto
//! assets' spell tokens; `userdata.get(` returned JavaScript `userData.get(...)`, not Colab
//! notebooks; `admin_password =` returned JavaScript and Java before any Terraform; `[auth]`
//! returned log tags and React effects: all kept as sampled, since the procedure takes the
//! first 3 whatever their label.
//!
//! Stage 2 (positives only, the first 3 holding a literal, in the order returned):
//! p1 `SPECKLE_TOKEN="` 1 (rank 5; the others a regex, an empty default, `your-token-here`,
//! prose); p2 `SpeckleClient(host="` 1 (rank 7; rank 10 `__YOUR_TOKEN__`, the others pass a
//! variable or an account); p3 `Password: "` 2 (ranks 4, 5; rank 1 the bare word `password`,
//! rank 2 a Rust test's `secret-password`, the rest empty form values); p4 `db_password = "`
//! 3 (ranks 3, 4, 6; ranks 1, 2, 5 the bare word or empty); p5
//! `SECRET_KEY = 'django-insecure-` 3 (ranks 1, 3, 6; ranks 2, 4, 5 `dev-key-change-in-...`,
//! `please-change-this-...`, `change-this-later`); p6 `apiKey: '` 3 (ranks 4, 5, 7; rank 1
//! base64 of `test`, rank 2 `YOUR_ADAPTY_PUBLIC_KEY`, rank 3 `k`, rank 6 a UI label);
//! p7 `API_TOKEN = "` 3 (ranks 3, 4, 8; rank 1 a JWT whose line the window cuts, rank 2
//! `real-modal-token`, rank 5 `local`, rank 6 a constant salt inside a hashed expression,
//! judged not a credential by itself, rank 7 `ffffff` in a doc comment); p8 `-u admin:` 2
//! (ranks 1, 9; ranks 3, 4, 7 Cloudera Manager's and Graylog's shipped `admin:admin`, ranks 5,
//! 6, 8, 10 fill-ins or the bare word); p9 `password: "` 0 new (the index is
//! case-insensitive: the same excerpts as p3); p10 `ApiKey = "` 2 (ranks 4, 8; ranks 1, 2, 5,
//! 10 from files an earlier set sampled, the rest empty or `nvapi-secret-value`); p11
//! `$password = '` 3 (ranks 2, 3, 4); p12 `client_secret = "` 3 (ranks 2, 9, 10; the others
//! empty, field names, `x-client-secret`, `your-...`, `secret`); p13 `X-API-Key: ` 2 (ranks 1,
//! 10; the others variables, fill-ins, elisions, `sk-field-kit-demo-key`); p14 `auth_token: "`
//! 0 (prints, templates, descriptive test values, key names); p15 `access_key = "` 3 (ranks
//! 5, 8, 10; the others `test-key`, `THEREQUIRED...` fill-ins, names, elisions); p16
//! `\"password\": \"` 2 (ranks 1, 8; rank 2 `changedpassword`, rank 7 the bare word, rank 10
//! reqres.in's published demo password, the rest interpolated). Stage 2 gave 33 positives.
//!
//! Total: 147 cases, 49 positives, 98 negatives. By file kind: Python 34 (16 positives),
//! JavaScript and TypeScript 33 (14), Markdown and docs 30 (5), Java 10 (6), PHP 10 (3),
//! Ruby 6, Go 6 (1), C# 4 (1), shell 3 (2), Rust 3, other languages 3 (1), YAML 2,
//! Kotlin 1, Dockerfiles 1, API tools' files 1. Spell: no query returned a Spell credential,
//! so again the set has no `spell-token` case; Speckle: two literal tokens (p1.1, p2.1).
//!
//! Labelling calls made while sampling, before any scan:
//! - weak concrete passwords are literals and keep their shape with generated characters:
//!   digits (`{DIG3}` `{DIG4}` `{DIG6}`), lowercase words (`{LOW4}` `{LOW5}` `{LOW7}`
//!   `{LOW11}`: `root`, `admin`, `curso`, `development`), a word and digits (`{LW8}` `{LW9}`
//!   `{LW11}`), digits then letters (`{LD10}`), letters and digits (`{AN9}` `{AN10}`
//!   `{AN15}`), a Gmail app password as four groups of four letters (`{GAPP}`); stronger
//!   ones are the shared `{W}`;
//! - fill-ins and descriptive values are negatives: `badpass` in a demo of a failed login
//!   (q13.1), `demoapi` (q15.3), `mysecret` (q25.3), `dev-key-change-in-production` (q37.1),
//!   the bare word `password` (q20.3, q22.2); shipped or published defaults too (Cloudera's
//!   and Graylog's `admin:admin`, reqres.in's demo password);
//! - q10.3 a seeded user's password passed positionally to a test's `getToken` and q18.3 a
//!   redaction test's fixture value are literals (positive); q18.3's other fixture lines
//!   (a second value, an AMQP URL) trimmed away;
//! - q15.2 Cloudinary's 15-digit API key keeps its shape (`{DIG15}`); its secret's line
//!   trimmed away; q15.1 an OpenAI user key expects `openai-user-key` (`{OAIU}`);
//! - q19.1, p4.3, p7.2, p12.1 the other credential lines beside the measured one (a second
//!   password, fake `sk-` and `sk_live_` keys, a wallet mnemonic, a console password) trimmed
//!   away; q37.2 a UUID under `X-API-Key` in a README's example is a literal (`{UUIDK}`);
//! - p5.x Django `django-insecure-` keys expect `django-secret-key` (`{DJ}`, 50 characters of
//!   Django's key alphabet); p5.1's keyboard-run key is a literal of that shape;
//! - p6.1 a TMDB key (32 hex, `{H32K}`) expects `generic-api-key` (no TMDB rule); p6.2,
//!   p6.3 Firebase/Google keys expect `google-api-key` (`{GAK}`), p6.3 inside a scanner's
//!   acknowledgement file that quotes a test fixture;
//! - p7.1 a Telegram bot token expects `telegram-bot-token` (`{TG}`); p7.2 a PureStake
//!   Algorand key (40 base62) and p7.3 a deliberately vulnerable module's `ak_live_` token
//!   (`{AKL}`) expect `generic-token`;
//! - p10.x 32-hex keys beside api.openweathermap.org expect `openweather-api-key`;
//! - p12.2 Zoho's client secret is 42 hex (`{HEX42}`, the length of a Speckle token) and
//!   expects `generic-secret`; the client ids of p12.2 and p12.3 are identifiers (`{ZCID}`,
//!   `{CID20}`); p12.3 Naver's 10-character client secret (`{AN10}`);
//! - p13.1 the `Authorization: Bearer` line above the measured `x-api-key` trimmed away;
//!   p13.2 an `if_live_` key in a docs page's snippet (`{IFL}`);
//! - p15.2 the S3 access key `minio` is an identifier, the secret key beside it is measured
//!   (`generic-secret`); p15.3 the access-point alias is no credential, the 40-character
//!   secret access key expects `aws-secret-access-key` (`{AWSS}`);
//! - Speckle stream, commit and project ids are identifiers (`{SID10}`, `{CID10}`).
//!
//! Personal e-mail addresses and a few host names are replaced by example ones; comments in
//! other languages are translated.
//!
//! # Measuring
//!
//! `heldout_real5`'s measure through the shared harness (`blind_harness`). For the shared
//! generator's `{S}`, `{W}`, `{K}`, `{T}` the reported secret must equal the value; for the
//! others it must contain the value, or be a part of it of at least 16 characters.
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real7::held_aside_real7`
//!
//! # Result (the one blind run)
//!
//! Run once, on main at the session start (04762c0) with only this set added, after the set
//! was committed (eb19fb5). Only the summary line is written down:
//! `held-aside (real7): recall 32/49 = 0.653, precision 32/33 = 0.970, negatives quiet 98/98`.
//!
//! Generator check (each value shape scanned alone under a plain `KEY=` line of a `.env`
//! file by the session-start binary, keys named by role): every shape is reported by its
//! rule except three password shapes: digits only (3, 4 and 6 digits under `PASSWORD=`),
//! lowercase letters only (4, 5, 7 and 11 letters under `PASSWORD=`), and lowercase
//! letters/digits, a hyphen, lowercase letters (12 characters under `PASSWORD=`).

#![cfg(test)]

use super::blind_harness::{
    uuid, BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, LOWER, LOWER_DIGITS, UPPER_DIGITS, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const GO: &str = "Go";
const JAVA: &str = "Java";
const KOTLIN: &str = "Kotlin";
const CS: &str = "C#";
const RUBY: &str = "Ruby";
const PHP: &str = "PHP";
const RUST: &str = "Rust";
const SHELL: &str = "shell scripts";
const YAML: &str = "YAML (Kubernetes)";
const DOCKER: &str = "Dockerfiles";
const API: &str = "API tools' files";
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
    (
        "generic-password",
        &[
            "{W}", "{DIG3}", "{DIG4}", "{DIG6}", "{LOW4}", "{LOW5}", "{LOW7}", "{LOW11}", "{LW8}",
            "{LW9}", "{LW11}", "{LD10}", "{AN9}", "{AN10}", "{AN15}", "{PWH12}", "{GAPP}",
        ],
    ),
    (
        "generic-api-key",
        &["{K}", "{DIG15}", "{UUIDK}", "{H32K}", "{IFL}", "{K128}"],
    ),
    ("generic-secret", &["{SEC32}", "{HEX42}", "{AN10}", "{LW8}"]),
    ("generic-token", &["{T}", "{AKL}"]),
    ("openai-user-key", &["{OAIU}"]),
    ("django-secret-key", &["{DJ}"]),
    ("google-api-key", &["{GAK}"]),
    ("telegram-bot-token", &["{TG}"]),
    ("openweather-api-key", &["{OWM}"]),
    ("aws-secret-access-key", &["{AWSS}"]),
];

/// The shared generator's shapes, compared exactly.
const SHARED: [&str; 4] = ["{S}", "{W}", "{K}", "{T}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}", "{P}", "{W}", "{K}", "{C}", "{T}", "{OWM}", "{DIG3}", "{DIG4}", "{DIG6}", "{DIG15}",
    "{LOW4}", "{LOW5}", "{LOW7}", "{LOW11}", "{LW8}", "{LW9}", "{LW11}", "{LD10}", "{AN9}",
    "{AN10}", "{AN15}", "{PWH12}", "{GAPP}", "{UUIDK}", "{H32K}", "{IFL}", "{K128}", "{SEC32}",
    "{HEX42}", "{AKL}", "{OAIU}", "{DJ}", "{GAK}", "{TG}", "{AWSS}",
];

/// The characters Django's `get_random_secret_key` draws from.
const DJANGO: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";

/// Every placeholder of this set and its value for one case's seed.
pub(super) fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0012);
    let extra = [
        ("{DIG3}", g.pick(DIGITS, 3)),
        ("{DIG4}", g.pick(DIGITS, 4)),
        ("{DIG6}", g.pick(DIGITS, 6)),
        ("{DIG15}", g.pick(DIGITS, 15)),
        ("{LOW4}", g.pick(LOWER, 4)),
        ("{LOW5}", g.pick(LOWER, 5)),
        ("{LOW7}", g.pick(LOWER, 7)),
        ("{LOW11}", g.pick(LOWER, 11)),
        ("{LW8}", [g.pick(LOWER, 5), g.pick(DIGITS, 3)].concat()),
        ("{LW9}", [g.pick(LOWER, 6), g.pick(DIGITS, 3)].concat()),
        ("{LW11}", [g.pick(LOWER, 8), g.pick(DIGITS, 3)].concat()),
        ("{LD10}", [g.pick(DIGITS, 4), g.pick(LOWER, 6)].concat()),
        ("{AN9}", g.pick(BASE62, 9)),
        ("{AN10}", g.pick(BASE62, 10)),
        ("{AN15}", g.pick(BASE62, 15)),
        (
            "{PWH12}",
            [g.pick(LOWER_DIGITS, 5), "-".to_string(), g.pick(LOWER, 6)].concat(),
        ),
        ("{GAPP}", {
            let groups: Vec<String> = (0..4).map(|_| g.pick(LOWER, 4)).collect();
            groups.join(" ")
        }),
        ("{UUIDK}", uuid(&mut g)),
        ("{H32K}", g.pick(HEX, 32)),
        ("{IFL}", ["if_", "live_", &g.pick(HEX, 24)].concat()),
        ("{K128}", g.pick(BASE62, 128)),
        ("{SEC32}", g.pick(BASE62, 32)),
        ("{HEX42}", g.pick(HEX, 42)),
        ("{AKL}", ["ak_", "live_", &g.pick(HEX, 32)].concat()),
        (
            "{OAIU}",
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
        (
            "{DJ}",
            ["django-", "insecure-", &g.pick(DJANGO, 50)].concat(),
        ),
        ("{GAK}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        (
            "{TG}",
            [
                g.pick(DIGITS, 10),
                ":".to_string(),
                "AA".to_string(),
                g.pick(URLSAFE, 33),
            ]
            .concat(),
        ),
        ("{AWSS}", g.pick(BASE64, 40)),
        // Not secrets: identifiers.
        ("{SID10}", g.pick(HEX, 10)),
        ("{CID10}", g.pick(HEX, 10)),
        ("{CID20}", g.pick(BASE62, 20)),
        ("{ZCID}", g.pick(UPPER_DIGITS, 30)),
        ("{APALIAS}", g.pick(LOWER_DIGITS, 34)),
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
pub(super) const CASES: &[Case] = &[
    // ================================================================ stage 1
    // ---------------------------------------------------------------- q1 `SPECKLE_TOKEN:`
    // index 54033695918
    Case { family: JS, form: "q1.1 ts declaration zod config schema speckle token type", file: "dist/config.d.ts", text: "import { z } from \"zod\";\ndeclare const ConfigSchema: z.ZodObject<{\n    SPECKLE_TOKEN: z.ZodString;\n    SPECKLE_SERVER_URL: z.ZodDefault<z.ZodString>;\n}, \"strip\", z.ZodTypeAny, {\n    SPECKLE_TOKEN: string;\n    SPECKLE_SERVER_URL: string;\n}, {\n    SPECKLE_TOKEN: string;\n    SPECKLE_SERVER_URL?: string | undefined;\n}>;\nexport type Config = z.infer<typeof ConfigSchema>;\n", rule: None },
    // index 26531530300
    Case { family: PY, form: "q1.2 python automate main speckle_token parameter", file: "main.py", text: "    class Config:\n        alias_generator = camelcase\n\n\ndef main(speckle_project_data: str, function_inputs: str, speckle_token: str):\n    \n    # schema comes from automate \n    project_data = SpeckleProjectData.model_validate_json(speckle_project_data)\n    # defined by function author (above). Optional \n    inputs = FunctionInputs.model_validate_json(function_inputs)\n", rule: None },
    // index 38866324957
    Case { family: JS, form: "q1.3 next config env from process.env speckle token", file: "next.config.js", text: "    return config;\n  },\n\n  // Environment variables for client-side\n  env: {\n    NEXT_PUBLIC_SPECKLE_SERVER_URL: process.env.NEXT_PUBLIC_SPECKLE_SERVER_URL,\n    NEXT_PUBLIC_SPECKLE_TOKEN: process.env.NEXT_PUBLIC_SPECKLE_TOKEN,\n    NEXT_PUBLIC_AUTODESK_CLIENT_ID: process.env.NEXT_PUBLIC_AUTODESK_CLIENT_ID,\n  },\n", rule: None },
    // ---------------------------------------------------------------- q2 `authenticate_with_account(`
    // index 9078792818
    Case { family: PY, form: "q2.1 python speckle client host from decouple config default account", file: "comments.py", text: "def get_commit_comments(stream_id, commit_id):\n    # Extracting configuration data from environment variables or .env file\n    HOST = config('HOST')\n\n    # Create and authenticate the client\n    client = SpeckleClient(host=HOST)\n    account = get_default_account()\n    client.authenticate_with_account(account)\n", rule: None },
    // index 179865158
    Case { family: PY, form: "q2.2 python speckle host stream and commit ids default account", file: "speckle_io.py", text: "def initialise_speckle(HOST, STREAM_ID, COMMIT_ID):\n    HOST = 'https://speckle.xyz/'\n    STREAM_ID = '{SID10}'\n    COMMIT_ID = '{CID10}'\n\n    # create and authenticate a client\n    client = SpeckleClient(host=HOST)\n    account = get_default_account()\n    client.authenticate_with_account(account)\n\n    # get the specified commit data\n    commit = client.commit.get(STREAM_ID, COMMIT_ID)\n", rule: None },
    // index 47574003579
    Case { family: PY, form: "q2.3 python send_to_speckle default account server transport", file: "speckle_export.py", text: "def send_to_speckle(INhost, INstream_id, INobjects):\n    account = get_default_account()\n    client = SpeckleClient(host=INhost)\n    client.authenticate_with_account(account)\n    transport = ServerTransport(client=client, stream_id=INstream_id)\n", rule: None },
    // ---------------------------------------------------------------- q3 `speckle_server_url`
    // index 44729064264
    Case { family: PY, form: "q3.1 python fastapi getenv speckle token and client secret", file: "backend/main.py", text: "# Load environment variables\nload_dotenv(dotenv_path=os.path.join(os.path.dirname(__file__), '..', '.env'))\n\nSPECKLE_SERVER_URL = os.getenv(\"SPECKLE_SERVER_URL\")\nPROJECT_ID = os.getenv(\"PROJECT_ID\")\nMODEL_ID = os.getenv(\"MODEL_ID\")\nBRANCH_NAME = os.getenv(\"BRANCH_NAME\", \"main\")\nSPECKLE_TOKEN_STG = os.getenv(\"SPECKLE_TOKEN_STG\")\n\nSPECKLE_CLIENT_ID = os.getenv(\"SPECKLE_CLIENT_ID\")\n", rule: None },
    // index 65846556985
    Case { family: PY, form: "q3.2 python speckle server url literal and local accounts", file: "speckle_auth.py", text: "from specklepy.api.client import SpeckleClient\nfrom specklepy.api.credentials import get_local_accounts\n\nSPECKLE_SERVER_URL = \"ldd-emea.example.com\"\n\n# Default project and model identifiers (can be parameterized)\nproject_id = '{SID10}'\n\n\ndef speckle_authenticate(server_url: str = SPECKLE_SERVER_URL):\n    \"\"\"Authenticate a Speckle client using local desktop accounts.\n", rule: None },
    // index 57495627130
    Case { family: PY, form: "q3.3 python requests graphql bearer f-string token", file: "speckle_client.py", text: "    url = (server_url or settings.SPECKLE_SERVER_URL).rstrip(\"/\")\n    resp = requests.post(\n        f\"{url}/graphql\",\n        json={\"query\": query, \"variables\": {\"streamId\": stream_id, \"commitId\": commit_id}},\n        headers={\"Authorization\": f\"Bearer {token}\", \"Content-Type\": \"application/json\"},\n        timeout=30,\n        verify=True,\n    )\n", rule: None },
    // ---------------------------------------------------------------- q4 `SPELL_TOKEN:`
    // index 14682287197
    Case { family: OTHER, form: "q4.1 cpp map of spell token enum values", file: "src/spell_parser.cpp", text: "std::map<std::string, Spell_Token>\ngenerate_elements_map()\n{\n  std::map<std::string, Spell_Token> elements;\n\n  elements[ \"name\" ] = Spell_Token::Name;\n  elements[ \"school\" ] = Spell_Token::School;\n  elements[ \"level\" ] = Spell_Token::Level;\n", rule: None },
    // index 20095309114
    Case { family: JS, form: "q4.2 ts token map SPELL_TOKEN crypto asset", file: "src/tokens.ts", text: "// [.√.]\nexport const SPELL_TOKEN: TokenMap = {\n    [ChainId.ETHEREUM]: {\n        chainId: 1,\n        address: SPELL_ADDRESS[1],\n        name: \"Spell Token\",\n        symbol: \"SPELL\",\n        decimals: 18,\n        logoURI: spellLogo,\n        coingeckoId: spellId\n    },\n", rule: None },
    // index 9676913485
    Case { family: JS, form: "q4.3 js card types SPELL_TOKEN label", file: "src/constants.js", text: "const CARD_TYPES = {\n  UNIT: \"Unit\",\n  SPELL: \"Spell\",\n  RESOURCE: \"Resource\",\n  TOKEN: \"Token\",\n  SPELL_TOKEN: \"Spell Token\",\n  SPELL_UNIT: \"Spell Unit\",\n};\n", rule: None },
    // ---------------------------------------------------------------- q5 `OpenAI(api_key=`
    // index 52152501013
    Case { family: PY, form: "q5.1 python OpenAI client api_key getenv", file: "agent.py", text: "from openai import OpenAI\nfrom dotenv import load_dotenv\nimport os\n\nload_dotenv()\n\nclient = OpenAI(api_key=os.getenv(\"OPENAI_API_KEY\"))\n\n\ndef get_response(user_input):\n    plan = planner_agent(user_input)\n", rule: None },
    // index 41773656688
    Case { family: PY, form: "q5.2 python AsyncOpenAI api_key from getenv chain", file: "rag/summary.py", text: "    global _summary_client\n    if _summary_client is not None:\n        return _summary_client\n    base_url = os.getenv(\"RAG_SUMMARY_BASE_URL\")\n    if base_url:\n        api_key = os.getenv(\"RAG_SUMMARY_API_KEY\") or os.getenv(\"OPENAI_API_KEY\", \"\")\n        _summary_client = AsyncOpenAI(api_key=api_key, base_url=base_url)\n        return _summary_client\n    if os.getenv(\"DEEPSEEK_API_KEY\"):\n        api_key = os.getenv(\"DEEPSEEK_API_KEY\")\n        base_url = os.getenv(\"DEEPSEEK_API_BASE\", \"https://api.deepseek.com/v1\")\n        _summary_client = AsyncOpenAI(api_key=api_key, base_url=base_url)\n", rule: None },
    // index 10914040483
    Case { family: PY, form: "q5.3 python openai key from user parameters or getenv", file: "bot.py", text: "    openai_api_key = user_parameters.get('openai_api_key', '') or os.getenv(\"OPENAI_API_KEY_BACKUP\")\n    client = OpenAI(api_key=openai_api_key)\n\n    try: completion = client.beta.chat.completions.parse(model=model, messages=[{\"role\": \"system\", \"content\": system_prompt}, {\"role\": \"user\", \"content\": prompt}], response_format=PostContents)\n", rule: None },
    // ---------------------------------------------------------------- q6 `psycopg2.connect(`
    // index 17945070766
    Case { family: PY, form: "q6.1 python psycopg2 dsn formatted from config.get", file: "upgrade_db.py", text: "config = ConfigParser.ConfigParser()\nconfig.read(BILLING_PATH+\"/ebs_config.ini\") \n\ntry:\n    conn = psycopg2.connect(\"dbname='%s' user='%s' host='%s' password='%s' port='%s'\" % (config.get('db', 'name'), config.get('db', 'username'),config.get('db', 'host'),config.get('db', 'password'), config.get('db', 'port')));\n    cur=conn.cursor()\n", rule: None },
    // index 80746
    Case { family: PY, form: "q6.2 python psycopg2 connect url variable", file: "app/db.py", text: "        url = DATABASE_URL\n        if '?' not in url:\n            url += '?sslmode=require'\n        elif 'sslmode' not in url:\n            url += '&sslmode=require'\n        \n        conn = psycopg2.connect(url)\n        return conn\n    except Exception as e:\n        print(f\"DATABASE_URL configurada: {'Sim' if DATABASE_URL else 'Nao'}\")\n        raise\n", rule: None },
    // index 34941301756
    Case { family: PY, form: "q6.3 python psycopg2 keyword password digits", file: "moderator.py", text: "import psycopg2\n\n# Connect aan datamodel\nconn = psycopg2.connect(\n    host=\"localhost\",\n    database=\"CorrectZuilproject\",\n    user=\"postgres\",\n    password=\"{DIG6}\")\n\n# invoeren van naam en email Moderator\nprint('Hallo Moderator,')\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q7 `pymysql.connect(`
    // index 55605510612
    Case { family: PY, form: "q7.1 python pymysql connect kwargs factory", file: "src/shared/mysql_data.py", text: "def _pymysql_connection_factory(**kwargs):\n    try:\n        import pymysql\n    except ImportError as error:\n        raise MySqlConfigurationError(\"pymysql is required for direct MySQL access\") from error\n    return pymysql.connect(**kwargs)\n", rule: None },
    // index 40875176232
    Case { family: PY, form: "q7.2 python pymysql password from config object", file: "report.py", text: "import pymysql\nfrom config import load_config\n\nconfig = load_config()\ncon = pymysql.connect(host=config.db.host, user=config.db.user,\n                       password=config.db.password, db=config.db.database)\ncursor=con.cursor()\n", rule: None },
    // index 71654888952
    Case { family: PY, form: "q7.3 python argparse db-password default literal", file: "tools/import_scores.py", text: "    ap.add_argument(\"--db-host\", default=\"127.0.0.1\")\n    ap.add_argument(\"--db-user\", default=\"osap2027\")\n    ap.add_argument(\"--db-password\", default=\"{LD10}\")\n    ap.add_argument(\"--db-api\", default=\"osap-api\")\n    ap.add_argument(\"--limit\", type=int, default=0)\n    args = ap.parse_args()\n\n    db = pymysql.connect(host=args.db_host, user=args.db_user, password=args.db_password,\n                         database=args.db_api, charset=\"utf8mb4\",\n                         cursorclass=pymysql.cursors.DictCursor)\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q8 `smtplib.SMTP_SSL(`
    // index 46814083122
    Case { family: PY, form: "q8.1 python smtp ssl login with variables", file: "insider_alert.py", text: "    msg.attach(MIMEText(body, 'plain'))\n    \n    try:\n        with smtplib.SMTP_SSL('smtp.gmail.com', 465) as server:\n            server.login(EMAIL_USER, EMAIL_PASS)\n            server.sendmail(EMAIL_USER, RECEIVER, msg.as_string())\n        print(f\"EMAIL SENT for {ticker}\")\n", rule: None },
    // index 2244702
    Case { family: PY, form: "q8.2 python smtp ssl context login sender_password variable", file: "app.py", text: "    em = EmailMessage()\n    em[\"From\"] = sender_email\n    em[\"To\"] = email_receiver\n    em[\"Subject\"] = subject\n    em.set_content(body)\n\n    context = ssl.create_default_context()\n\n    with smtplib.SMTP_SSL('smtp.gmail.com', 465, context=context) as smtp:\n        smtp.login(sender_email, sender_password)\n        smtp.sendmail(sender_email, email_receiver, em.as_string())\n", rule: None },
    // index 37991406297
    Case { family: PY, form: "q8.3 python commented smtp example empty password", file: "send_email.py", text: "# from_addr = \"sender@example.com\"\n# password = \"\"\n# to_addr=\"receiver@example.com\"\n# smtp_server=\"smtp.qq.com\"\n\n# import smtplib\n# from email.mime.text import MIMEText\n# msg = MIMEText('hello, send by Python...', 'plain', 'utf-8')\n\n# server = smtplib.SMTP_SSL()\n# server.connect(smtp_server,465)\n# server.login(from_addr, password)\n", rule: None },
    // ---------------------------------------------------------------- q9 `userdata.get(`
    // (ranks 1-4 come from files an earlier set sampled: skipped)
    // index 19595695727
    Case { family: JS, form: "q9.1 js sequelize userData get plain dashboard", file: "controllers/dashboardRoutes.js", text: "    const userData = await User.findByPk(req.session.userId, {\n      include: [\n        {\n          model: Post,\n          include: {\n            model: Comment,\n          },\n        },\n      ],\n      attributes: [\"username\"],\n    });\n    const user = userData.get({ plain: true });\n    const posts = user.posts;\n", rule: None },
    // index 55850040497
    Case { family: JS, form: "q9.2 vue UserData get module key fallback", file: "src/modules/Draw.vue", text: "// Tick force re-read do UserData quando broadcast chega.\nconst _tick = ref(0);\n\nfunction ud(key, fallback = null) {\n  void _tick.value;\n  if (!moduleId.value) return fallback;\n  const v = UserData.get(`${MID.value}.${key}`, fallback);\n  return v == null ? fallback : v;\n}\n", rule: None },
    // index 5797952957
    Case { family: JS, form: "q9.3 js login checkPassword request body", file: "controllers/api/userRoutes.js", text: "    const validPassword = await dbUserData.checkPassword(req.body.password);\n\n    if (!validPassword) {\n      res\n        .status(400)\n        .json({ message: \"Incorrect email or password. Please try again!\" });\n      return;\n    }\n    // loggedInUser = dbUserData.get({ plain: true });\n    req.session.save(() => {\n      req.session.loggedIn = true;\n", rule: None },
    // ---------------------------------------------------------------- q10 `Authorization: `Bearer ${`
    // index 66440483810
    Case { family: JS, form: "q10.1 ts auth headers bearer from process.env key", file: "lib/unreal.ts", text: "function authHeaders(): Record<string, string> {\n  const key = process.env.UNREAL_RENDER_KEY;\n  return key ? { Authorization: `Bearer ${key}` } : {};\n}\n", rule: None },
    // index 37458259910
    Case { family: JS, form: "q10.2 jsx axios upload bearer token from localStorage", file: "src/pages/Upload.jsx", text: "      const token = localStorage.getItem('token');\n      const response = await axios.post(\n        `${API_BASE_URL}/upload/ocr-grievance`,\n        formData,\n        {\n          headers: {\n            'Content-Type': 'multipart/form-data',\n            Authorization: `Bearer ${token}`,\n          },\n        }\n      );\n", rule: None },
    // index 60529009355
    Case { family: JS, form: "q10.3 ts playwright getToken seeded user password", file: "e2e/prosthetics-rbac.spec.ts", text: "  test('NURSE role cannot access prosthetics endpoints (403)', async ({ request }) => {\n    const token = await getToken(request, 'nurse1', '{LW8}');\n\n    const res = await request.get(`${API}/prosthesis-manufacturing/instances`, {\n      headers: { Authorization: `Bearer ${token}` },\n    });\n    expect(res.status()).toBe(403);\n  });\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q11 `createTransport({`
    // index 16381918085
    Case { family: JS, form: "q11.1 js commented nodemailer transport pass from env", file: "scripts/newsletter.js", text: "\t// const mailName = \"newsletter@example.com\"\n\t// const transporter = nodemailer.createTransport({\n\t// \thost: \"example.com\",\n\t// \tport: 587,\n\t// \tsecure: false,\n\t// \tauth: {\n\t// \t\tuser: \"newsletter@example.com\",\n\t// \t\t// user: mailName,\n\t// \t\tpass: process.env.MAIL_PASSWORD\n\t// \t},\n", rule: None },
    // index 49677511190
    Case { family: JS, form: "q11.2 ts nodemailer gmail app password spaced groups", file: "src/auth/auth.service.ts", text: "  private async sendResetPasswordEmail(email: string, resetToken: string) {\n    const transporter = nodemailer.createTransport({\n      service: 'gmail',\n      auth: {\n        user: 'someone@example.com',\n        pass: '{GAPP}'\n      }\n    });\n\n    const mailOptions = {\n      from: 'someone@example.com',\n      to: email,\n", rule: Some("generic-password") },
    // index 71654174105
    Case { family: JS, form: "q11.3 js nodemailer smtp from process.env guarded", file: "services/email.js", text: "const smtpUser = process.env.SMTP_USER;\nconst smtpPass = process.env.SMTP_PASS;\nconst smtpFrom = process.env.SMTP_FROM || smtpUser || 'no-reply@example.com';\n\nlet transporter = null;\n\nif (smtpHost && smtpUser && smtpPass) {\n  transporter = nodemailer.createTransport({\n    host: smtpHost,\n    port: smtpPort,\n    secure: smtpPort === 465,\n    auth: {\n      user: smtpUser,\n      pass: smtpPass,\n    },\n  });\n", rule: None },
    // ---------------------------------------------------------------- q12 `new Pool({`
    // index 53940333446
    Case { family: JS, form: "q12.1 ts pg pool connectionString env", file: "scripts/migrate.ts", text: "async function migrate() {\n  const databaseUrl = process.env.DATABASE_URL;\n  if (!databaseUrl) {\n    console.error('DATABASE_URL not set');\n    process.exit(1);\n  }\n\n  const pool = new Pool({ connectionString: databaseUrl });\n  const client = await pool.connect();\n", rule: None },
    // index 12301529336
    Case { family: JS, form: "q12.2 js pg pool literal password word", file: "server/database.js", text: " const { Pool } = require('pg');\n // 2 - set PG parameters\n const pool = new Pool({\n     host: 'localhost',\n     port: 5432,\n     user: 'development',\n     password: '{LOW11}',\n     database: 'lightbnb'\n });\n", rule: Some("generic-password") },
    // index 290411
    Case { family: DOC, form: "q12.3 readme pg pool your_pg_password", file: "README.md", text: "Configure PostgreSQL connection in db.js:\n\n\nconst pool = new Pool({\n  user: 'your_pg_user',\n  host: 'localhost',\n  database: 'postgres',\n  password: 'your_pg_password',\n  port: 5432,\n});\nStart the backend server:\n\n\nnode index.js\n", rule: None },
    // ---------------------------------------------------------------- q13 `sql.Open("mysql"`
    // index 6882716125
    Case { family: GO, form: "q13.1 go const baduser badpass demo of a failed login", file: "main.go", text: "func main() {\n\tconst username = \"baduser\"\n\tconst password = \"badpass\"\n\tconst database = \"cookbook\"\n\n\tconst dataSourceName = username + \":\" + password + \"@/\" + database\n\n\tdb, err := sql.Open(\"mysql\", dataSourceName)\n\tif nil != err {\n", rule: None },
    // index 44365865635
    Case { family: GO, form: "q13.2 go sql open with package variable dsn", file: "db/db.go", text: "var StringConnectionBD string\n\nfunc ConnectDB() (*sql.DB, error) {\n\tdb, err := sql.Open(\"mysql\", StringConnectionBD)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"connectdb/sql.open: %w\", err)\n\t}\n", rule: None },
    // index 13294197100
    Case { family: GO, form: "q13.3 go sql open literal dsn root password", file: "main.go", text: "func main() {\n\tvar err error\n\tdb, err = sql.Open(\"mysql\", \"root:{LOW7}@/messages\")\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\n\terr = db.Ping()\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q14 `req.Header.Set("Authorization"`
    // index 56709845459
    Case { family: GO, form: "q14.1 go test bearer from binding method", file: "gateway_test.go", text: "\treq, err := http.NewRequest(http.MethodPost, binding.HostMCPURL(), strings.NewReader(`{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}`))\n\tif err != nil {\n\t\tt.Fatalf(\"new request: %v\", err)\n\t}\n\treq.Header.Set(\"Authorization\", \"Bearer \"+binding.AuthToken())\n\tresp, err := http.DefaultClient.Do(req)\n", rule: None },
    // index 52402797809
    Case { family: GO, form: "q14.2 go resend request bearer from struct field", file: "internal/email/resend.go", text: "\treq, err := http.NewRequestWithContext(ctx, \"POST\", \"https://api.resend.com/emails\", bytes.NewReader(jsonBody))\n\tif err != nil {\n\t\treturn fmt.Errorf(\"failed to create request: %w\", err)\n\t}\n\n\treq.Header.Set(\"Authorization\", \"Bearer \"+s.apiKey)\n\treq.Header.Set(\"Content-Type\", \"application/json\")\n", rule: None },
    // index 68455940444
    Case { family: GO, form: "q14.3 go test helper bearer testToken constant reference", file: "server_test.go", text: "// apiGet performs a GET with the session token and a loopback Host header.\nfunc apiGet(t *testing.T, ts *httptest.Server, path string) *http.Response {\n\tt.Helper()\n\treq, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n\treq.Header.Set(\"Authorization\", \"Bearer \"+testToken)\n\tresp, err := http.DefaultClient.Do(req)\n", rule: None },
    // ---------------------------------------------------------------- q15 `private static final String API_KEY`
    // index 32494862887
    Case { family: JAVA, form: "q15.1 java android activity openai user key constant", file: "app/src/main/java/com/example/chat/MainActivity.java", text: "public class MainActivity extends AppCompatActivity {\n\n    private static final String API_KEY=\"{OAIU}\";\n    RecyclerView recyclerView;\n    TextView welcomeTextView;\n    EditText messageEditText;\n", rule: Some("openai-user-key") },
    // index 7798327
    Case { family: JAVA, form: "q15.2 java cloudinary uploader numeric api key constant", file: "src/main/java/com/example/util/FileUploader.java", text: "public class FileUploader {\n\n    private static final String CLOUD_NAME = \"duqhan\";\n    private static final String API_KEY = \"{DIG15}\";\n\n    public static CloudineryImageDto uploadImage(MultipartFile file) {\n        CloudineryImageDto imageBean = new CloudineryImageDto();\n        imageBean.setUrl(\"failure\");\n", rule: Some("generic-api-key") },
    // index 25189782352
    Case { family: JAVA, form: "q15.3 java sdk demo api key returns random score", file: "app/src/main/java/com/example/MainActivity.java", text: "public class MainActivity extends ABActivity {\n    private static final String API_KEY = \"demoapi\"; // Returns random score for API testing\n    private static final String USER_ID = \"demouser\"; // Returns random score for API testing\n    private TextView mText;\n", rule: None },
    // ---------------------------------------------------------------- q16 `System.getenv("`
    // index 47821932993
    Case { family: JAVA, form: "q16.1 java config file path from getenv", file: "src/main/java/com/example/CommonConfig.java", text: "    static {\n        try {\n            commonConfigFile = System.getenv(\"commonConfigurationFilePath\");\n            commonConfigFile = commonConfigFile.replace(\"${APP_HOME}\", System.getenv(\"APP_HOME\"));\n            logger.info(\"Common config file :{}\", commonConfigFile );\n", rule: None },
    // index 23572386183
    Case { family: JAVA, form: "q16.2 java jedis host from getenv", file: "src/main/java/com/example/Visits.java", text: "\tprivate static final JedisPool createJedisPool() throws IOException {\n\n\t\tString host;\n\t\tInteger port;\n\n\t\thost = System.getenv(\"REDIS_HOST\");\n\t\tport = Integer.valueOf(System.getProperty(\"redis.port\", \"6379\"));\n\n\t\tJedisPoolConfig poolConfig = new JedisPoolConfig();\n", rule: None },
    // index 62165859753
    Case { family: KOTLIN, form: "q16.3 kotlin program files from getenv with default", file: "src/main/kotlin/CmakeFinder.kt", text: "    val candidates = mutableListOf<String>()\n\n    // Visual Studio 2022 / 2019 (every edition)\n    val programFiles = listOf(\n        System.getenv(\"ProgramFiles\") ?: \"C:\\\\Program Files\",\n        System.getenv(\"ProgramFiles(x86)\") ?: \"C:\\\\Program Files (x86)\"\n    )\n", rule: None },
    // ---------------------------------------------------------------- q17 `secrets.DOCKERHUB_TOKEN`
    // index 65782374512
    Case { family: DOC, form: "q17.1 markdown workflow docker login from secrets", file: "docs/DEPLOY.md", text: "```yaml\nname: Deploy Backend to VPS\non:\n  push:\n    branches: [ main ]\n\njobs:\n  build-and-push:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n", rule: None },
    // index 9135904892
    Case { family: DOC, form: "q17.2 markdown tag workflow login to docker hub secrets", file: "docs/docker.md", text: "      - name: Login to Docker Hub\n        uses: docker/login-action@v2\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n\n      - name: Build and push\n        uses: docker/build-push-action@v4\n", rule: None },
    // index 34414096577
    Case { family: DOC, form: "q17.3 readme ci login then build push secrets", file: "README.md", text: "      - name: Log in to Docker Hub\n        uses: docker/login-action@v3\n        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n\n      - name: Build and push Docker image\n        uses: docker/build-push-action@v5\n        with:\n          context: ./app\n", rule: None },
    // ---------------------------------------------------------------- q18 `name: DB_PASSWORD`
    // index 48787869743
    Case { family: YAML, form: "q18.1 k8s job env secretKeyRef db password", file: "k8s/migration-job.yaml", text: "        env:\n        - name: DB_HOST\n          value: \"postgresql.default.svc.cluster.local\"\n        - name: DB_USER\n          valueFrom:\n            secretKeyRef:\n              name: db-credentials\n              key: username\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db-credentials\n              key: password\n", rule: None },
    // index 65853932183
    Case { family: YAML, form: "q18.2 k8s deployment env secretKeyRef openai key", file: "k8s/deployment.yaml", text: "        env:\n        - name: SPRING_PROFILES_ACTIVE\n          value: \"prod\"\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: l4aichat-secrets\n              key: db-password\n        - name: OPENAI_API_KEY\n          valueFrom:\n            secretKeyRef:\n              name: l4aichat-secrets\n              key: openai-api-key\n", rule: None },
    // index 71637429608
    Case { family: PY, form: "q18.3 python test fixture helm diff env db password value", file: "tests/test_redact.py", text: "RAW = \"\\n\".join(\n    f\"2026-09-30T19:38:{i:02d}.000000Z 01O {line}\"\n    for i, line in enumerate(\n        [\n            \"Comparing release=admin, chart=/tmp/h/govone-v2, namespace=hml\",\n            \"hml, admin, Deployment (apps) has changed:\",\n            \"            - name: DB_PASSWORD\",\n            '-             value: \"{PWH12}\"',\n        ]\n    )\n)\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q19 `PGADMIN_DEFAULT_PASSWORD`
    // index 9889111690
    Case { family: PY, form: "q19.1 python pydantic settings pgadmin default password", file: "app/config.py", text: "    allowed_file_types: list[str] = [\"application/pdf\"]\n    \n    # pgAdmin settings\n    pgadmin_default_email: str = \"admin@example.com\"\n    pgadmin_default_password: str = \"{LW8}\"\n    \n    class Config:\n        env_file = \".env\"\n        case_sensitive = False\n", rule: Some("generic-password") },
    // index 59678419660
    Case { family: DOC, form: "q19.2 markdown docker run pgadmin password word", file: "README.md", text: "pgAdmin, con el servidor preconfigurado:\n\n```bash\ndocker run -d --name pgadmin --restart always -p 5050:80 \\\n  -e PGADMIN_DEFAULT_EMAIL=admin@example.com \\\n  -e PGADMIN_DEFAULT_PASSWORD={LOW5} \\\n  -e PGADMIN_CONFIG_SERVER_MODE=True \\\n  -e PGADMIN_CONFIG_PASSWORD_LENGTH_MIN=4 \\\n  -v pgadmin_data:/var/lib/pgadmin \\\n", rule: Some("generic-password") },
    // index 71415107260
    Case { family: DOC, form: "q19.3 markdown prose pgadmin variables in env", file: "docs/SETUP.md", text: "**Optional — `pgadmin`:** the compose file's `pgadmin` service needs its own `PGADMIN_DEFAULT_EMAIL`/`PGADMIN_DEFAULT_PASSWORD` in `.env` (not currently in `.env.example` — it's a dev convenience, not a hard dependency of the app itself) if you want the web GUI at `:5050`; the app runs fine without it.\n", rule: None },
    // ---------------------------------------------------------------- q20 `mysql_root_password`
    // (rank 1 comes from a file an earlier set sampled: skipped)
    // index 7952039722
    Case { family: SHELL, form: "q20.1 shell setup script mysql root password word", file: "setup.sh", text: "#!/bin/bash\n\nset -e\n\nMYSQL_ROOT_PASSWORD=\"{LOW4}\"\n\nsudo apt update\nsudo apt upgrade -y\n\nsudo DEBIAN_FRONTEND=noninteractive apt-get -y install mysql-server\nsudo service mysql start\n\nmysql -u root -p\"${MYSQL_ROOT_PASSWORD}\" < database_init.sql\n", rule: Some("generic-password") },
    // index 55762918912
    Case { family: DOC, form: "q20.2 markdown compose mysql root password word", file: "docs/DEPLOYMENT.md", text: "  mysql:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: {LOW4}\n      MYSQL_DATABASE: charity_org\n    volumes:\n      - ./db/schema.sql:/docker-entrypoint-initdb.d/schema.sql\n    restart: unless-stopped\n```\n", rule: Some("generic-password") },
    // index 40728370132
    Case { family: JS, form: "q20.3 ts storybook yaml example bare word password", file: "src/stories/code-editor.stories.ts", text: "const exampleCode = /* YAML */ `apiVersion: v1\nkind: Pod\nmetadata:\n  name: frontend\nspec:\n  containers:\n  - name: db\n    image: mysql\n    env:\n    - name: MYSQL_ROOT_PASSWORD\n      value: \"password\"\n    resources:\n      requests:\n        memory: \"64Mi\"\n", rule: None },
    // ---------------------------------------------------------------- q21 `adminPassword:`
    // index 13074711886
    Case { family: JS, form: "q21.1 ts server action admin password from form data", file: "app/actions/server.ts", text: "\t\tconst rawConfig: ServerSettings = {\n\t\t\tserverName: formData.get('serverName') as string,\n\t\t\tadminPassword: formData.get('adminPassword') as string,\n\t\t\tcarGroup: formData.get('carGroup') as string,\n", rule: None },
    // index 11898811
    Case { family: JS, form: "q21.2 ts secrets parameter type with admin password", file: "src/build.ts", text: "  static async build_iOS(bundlePath: string, secrets: {\n    githubUsername: string\n    githubToken: string\n    matchPassword: string\n    fastlanePassword: string\n    appStoreKeyPassword: string\n    adminPassword: string\n  }): Promise<string> {\n    const abs = path.resolve(bundlePath)\n    const cwd = path.dirname(abs)\n\n    await Security.unlockKeychain(\"login\", secrets.adminPassword)\n", rule: None },
    // index 61739537896
    Case { family: JS, form: "q21.3 ts dto class-validator admin password field", file: "src/orgs/dto/create-org.dto.ts", text: "  @IsString()\n  @IsNotEmpty()\n  @MinLength(3)\n  @MaxLength(50)\n  adminUsername: string;\n\n  @IsString()\n  @IsNotEmpty()\n  @MinLength(8)\n  @MaxLength(100)\n  adminPassword: string;\n", rule: None },
    // ---------------------------------------------------------------- q22 `admin_password =`
    // index 60065033754
    Case { family: JS, form: "q22.1 js seed script admin password env default", file: "scripts/seed.js", text: "import { query } from '../src/db.js';\nimport { hashPassword } from '../src/auth.js';\nimport { config } from '../src/config.js';\nimport { migrate } from '../src/migrate.js';\n\nconst ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || '{W}';\n\nasync function seed() {\n  await migrate();\n", rule: Some("generic-password") },
    // index 26091641694
    Case { family: JAVA, form: "q22.2 java ldap constants admin password bare word", file: "src/main/java/ldap/constants/LdapConstants.java", text: "public class LdapConstants {\n    public static final String HOST = \"ldap.forumsys.com\";\n    public static final int PORT = 389;\n    public static final String BIND_DN = \"cn=read-only-admin,dc=example,dc=com\";\n    public static final String ADMIN_PASSWORD = \"password\";\n    public static final String LDAP_FACTORY = \"com.sun.jndi.ldap.LdapCtxFactory\";\n", rule: None },
    // index 56693328834
    Case { family: JS, form: "q22.3 js serverless admin password env default", file: "api/admin.js", text: "const SUPABASE_URL = process.env.SUPABASE_URL;\nconst SUPABASE_KEY = process.env.SUPABASE_SERVICE_ROLE_KEY; // service_role (server-side)\nconst ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || '{AN15}';\nconst ADMIN_USERNAME = process.env.ADMIN_USERNAME || 'admin';\nconst SESSION_MAX_AGE = 24 * 60 * 60;\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q23 `ARG NPM_TOKEN`
    // (ranks 1-4 come from files an earlier set sampled: skipped)
    // index 6233436961
    Case { family: DOCKER, form: "q23.1 dockerfile multi-stage ARG NPM_TOKEN", file: "Dockerfile", text: "FROM node:16-alpine3.16 as build\n\nWORKDIR /usr/src/app\n\nARG NPM_TOKEN\n\nCOPY package.json yarn.lock ./\n\nRUN yarn install\n", rule: None },
    // index 19095135136
    Case { family: OTHER, form: "q23.2 makefile token read from npmrc build-arg", file: "Makefile", text: "export TOKEN=$(shell cat ~/.npmrc | fgrep authToken | awk -F'\"' '{print $$2}')\n\nimage:\n\t\tdocker build -f docker/Dockerfile --build-arg NPM_TOKEN=$$TOKEN -t registry.gitlab.com/kocherga/core:dev .\n", rule: None },
    // index 58247061586
    Case { family: DOC, form: "q23.3 markdown dockerfile antipattern npmrc authToken from ARG", file: "docs/docker-guia.md", text: "**O jeito errado, que quase todo mundo faz primeiro:**\n```dockerfile\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci && rm .npmrc\n```\nApagar o arquivo **nao adianta**: a camada anterior, que o continha, permanece na imagem. Prove:\n```bash\ndocker history --no-trunc IMAGEM | grep -i token     # o token esta la\n", rule: None },
    // ---------------------------------------------------------------- q24 `export GITHUB_TOKEN=`
    // index 52804749511
    Case { family: DOC, form: "q24.1 markdown troubleshooting export elided tokens", file: "docs/figma-sync.md", text: "### \"Missing environment variables\" error\nEnsure all required environment variables are set:\n```bash\nexport FIGMA_API_KEY=\"...\"\nexport GITHUB_TOKEN=\"...\"\n```\n", rule: None },
    // index 22546532206
    Case { family: DOC, form: "q24.2 markdown set github token your_github_token_here", file: "README.vi.md", text: "   ```bash\n   # Windows (Command Prompt)\n   set GITHUB_TOKEN=your_github_token_here\n   \n   # Windows (PowerShell)\n   $env:GITHUB_TOKEN=\"your_github_token_here\"\n   \n   # Linux/macOS\n   export GITHUB_TOKEN=your_github_token_here\n   ```\n", rule: None },
    // index 71652452716
    Case { family: DOC, form: "q24.3 markdown export GITHUB_TOKEN YOUR_TOKEN", file: "docs/github.md", text: "### Use with GitHub\n\nExample:\n\n```sh\nexport GITHUB_TOKEN=YOUR_TOKEN   # or pass --token=YOUR_TOKEN\ninfraharvest import github --all --owner=YOUR_ORGANIZATION --resources=repositories\n", rule: None },
    // ---------------------------------------------------------------- q25 `mysql -uroot -p`
    // (ranks 1, 2 and 4 come from files an earlier set sampled: skipped)
    // index 62609739631
    Case { family: DOC, form: "q25.1 markdown mysql -p prompt create database", file: "README.md", text: "pip install -r requirements.txt\ncopy .env.example .env      # edit DB_*, SECRET_KEY, LM_STUDIO_* and so on\n\n# create the database\nmysql -uroot -p -e \"CREATE DATABASE note_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\"\n\n# start\nuvicorn main:app --reload --host 0.0.0.0 --port 8000\n", rule: None },
    // index 14864839486
    Case { family: DOC, form: "q25.3 markdown docker mysql mysecret fill-in", file: "README.md", text: "## docker\n```\ndocker run --name mysql-container -e MYSQL_ROOT_PASSWORD=mysecret -d -p 3306:3306 mysql:latest\n```\nthe database name is then mysql \n\n## run mysql inside docker to look at the db\n```\ndocker exec -it mysql-container mysql -uroot -pmysecret\n```\n", rule: None },
    // index 40702617376
    Case { family: SHELL, form: "q25.2 shell mysql -p from read variable", file: "install.sh", text: "    echo \"Please wait.....\"\n    mysql -uroot -p${dbpass} -e \"drop database if exists tlbbdb; drop database if exists web;\";\n    mysql -uroot -p${dbpass} -e \"create database tlbbdb; create database web;\";\n    mysql -uroot -p${dbpass} tlbbdb < tlbbdb.sql\n", rule: None },
    // ---------------------------------------------------------------- q26 `JWT_SECRET_KEY=`
    // index 42168957490
    Case { family: DOC, form: "q26.1 markdown env block your-jwt-secret", file: "README.md", text: "   ```env\n   # Frontend\n   VITE_API_BASE_URL=http://localhost:5000\n   \n   # Backend\n   FLASK_APP=app.py\n   FLASK_ENV=development\n   SECRET_KEY=your-secret-key\n   DATABASE_URL=sqlite:///portfolio.db\n   JWT_SECRET_KEY=your-jwt-secret\n   ```\n", rule: None },
    // index 52617439315
    Case { family: DOC, form: "q26.2 markdown env list xxxxx and your-secret-key", file: "docs/ARCHITECTURE.md", text: "### **Environment Variables**\n```\nDATABASE_URL=postgresql://user:pass@host:5432/estimateos\nANTHROPIC_API_KEY=sk-ant-xxxxx\nJWT_SECRET_KEY=your-secret-key\nAWS_ACCESS_KEY_ID=xxxxx (if using S3)\nAWS_SECRET_ACCESS_KEY=xxxxx\nS3_BUCKET_NAME=estimateos-uploads\n```\n", rule: None },
    // index 34197355
    Case { family: DOC, form: "q26.3 markdown compose environment interpolated", file: "docs/design.md", text: "services:\n  backend:\n    build:\n      context: ./backend\n      dockerfile: Dockerfile\n    container_name: unified-portal-backend\n    restart: always\n    environment:\n      - DATABASE_URL=${DATABASE_URL}\n      - JWT_SECRET_KEY=${JWT_SECRET_KEY}\n      - CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}\n      - CLOUDFLARE_EMAIL=${CLOUDFLARE_EMAIL}\n", rule: None },
    // ---------------------------------------------------------------- q27 `STRIPE_SECRET_KEY=`
    // index 32033442818
    Case { family: DOC, form: "q27.1 markdown env block elided keys", file: "docs/AGENTS.md", text: "### Environment Variables\n```bash\n# LangSmith (required for tracing)\nLANGSMITH_API_KEY=lsv2_sk_...\n\n# API Keys for connection checking\nHUBSPOT_API_KEY=...\nSTRIPE_SECRET_KEY=...\nGEMINI_API_KEY=...\n```\n", rule: None },
    // index 21272553218
    Case { family: DOC, form: "q27.2 readme server env your_stripe_secret_key", file: "README.md", text: "server/.env\n\nPORT=5000\nMONGO_URI=your_mongodb_connection_string\nJWT_SECRET=your_jwt_secret\nFIREBASE_PROJECT_ID=your_firebase_project_id\nSTRIPE_SECRET_KEY=your_stripe_secret_key\n5. Run the Server\ncd server\nnpm run dev\n", rule: None },
    // index 52444219718
    Case { family: DOC, form: "q27.3 markdown stripe test mode elided keys", file: "docs/SETUP.md", text: "1. In the Stripe dashboard, make sure you're in **Test mode** (toggle top-right).\n2. Go to **Developers → API keys**. Copy both:\n\n```\nSTRIPE_SECRET_KEY=sk_test_...\nNEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_...\n```\n", rule: None },
    // ---------------------------------------------------------------- q28 `db.password=`
    // index 31257737843
    Case { family: DOC, form: "q28.1 markdown ebean properties empty password", file: "docs/ebean.md", text: "```properties\nebean.db.ddl.generate=true\nebean.db.ddl.run=true\n\ndatasource.db.username=sa\ndatasource.db.password=\ndatasource.db.databaseUrl=jdbc:h2:mem:customer\ndatasource.db.databaseDriver=org.h2.Driver\n```\n", rule: None },
    // index 63244013108
    Case { family: DOC, form: "q28.2 markdown helm set elided token and fill-in passwords", file: "docs/INSTALL.md", text: "helm upgrade --install tgv charts/trueguardvision -n fraud-poc --create-namespace \\\n  -f charts/trueguardvision/values-customer.yaml \\\n  --set clusterDomain=apps.example.com \\\n  --set imagePullSecret.token=ghp_**** \\\n  --set engine.dragonflyPassword='<engine ACL password>' \\\n  --set externalDatabases.mongodb.password='<fraud_app password>'\n```\n", rule: None },
    // index 71339957843
    Case { family: DOC, form: "q28.3 readme db.properties YOUR_MYSQL_PASSWORD", file: "README.md", text: "## Configure\nEdit src/main/resources/db.properties:\ndb.password=YOUR_MYSQL_PASSWORD\n\n## Run\n1. mvn clean package\n2. Deploy target/jdbc-mvc-student.war to Tomcat 10.\n", rule: None },
    // ---------------------------------------------------------------- q29 `[auth]`
    // index 12816749518
    Case { family: JS, form: "q29.1 jsx admin page auth query param effect", file: "src/pages/admin.jsx", text: "const Admin = () => {\n    const [auth, setAuth] = useQueryParam(\"auth\", StringParam);\n\n    useEffect(() => {\n        switch(auth) {\n            case 'reset':\n                logout(() => navigate(`/admin?auth=logout`));\n                break;\n        }\n        setAuth('ok');\n    }, [auth]);\n", rule: None },
    // index 56730607873
    Case { family: JS, form: "q29.2 js auth guard token from localStorage log tag", file: "assets/js/auth-guard.js", text: "        // Check for a token in localStorage\n        const token = localStorage.getItem('token');\n        const userStr = localStorage.getItem('user');\n        \n        if (!token || !userStr) {\n            // No token: redirect to /login\n            console.log('[AUTH] no token, redirect to /login');\n            window.location.href = '/login/?redirect=' + encodeURIComponent(currentPath);\n            return;\n        }\n", rule: None },
    // index 66372059383
    Case { family: JS, form: "q29.3 js register sets token cookie log tag", file: "controllers/auth.js", text: "    const isProduction = process.env.NODE_ENV === 'production';\n    res.cookie('token', token, {\n      httpOnly: true,\n      sameSite: isProduction ? 'none' : 'lax',\n      secure: isProduction,\n      maxAge: 7 * 24 * 60 * 60 * 1000\n    });\n    console.log('[auth] cookie set', {\n      secure: isProduction,\n      sameSite: isProduction ? 'none' : 'lax'\n    });\n    return res.status(201).json({ token, user: toSafeUser(user) });\n", rule: None },
    // ---------------------------------------------------------------- q30 `export OPENAI_API_KEY=`
    // index 71651122646
    Case { family: DOC, form: "q30.1 markdown examples export elided key", file: "examples/README.md", text: "For the model-backed examples:\n\n```bash\nexport OPENAI_API_KEY=...\nuv run python examples/create_agent_decision_explanation.py\n```\n", rule: None },
    // index 46295210201
    Case { family: DOC, form: "q30.2 markdown expo env your-openai-key-here", file: "docs/ENV_SETUP.md", text: "### **Development Setup**\n```bash\n# Set environment variables for development\nexport EXPO_PUBLIC_SUPABASE_URL=\"https://your-project-ref.supabase.co\"\nexport EXPO_PUBLIC_SUPABASE_ANON_KEY=\"your-anon-key-here\"\nexport OPENAI_API_KEY=\"your-openai-key-here\"\n\n# Start development server\nnpx expo start\n```\n", rule: None },
    // index 55365159281
    Case { family: DOC, form: "q30.3 markdown benchmark export elided key with comment", file: "benchmark/README.md", text: "```bash\ncd openevolve/benchmark/triton_matmul_backward_bench\n\nexport OPENAI_API_KEY=...    # config.yaml runs on gpt-5.5\n\nopenevolve-run \\\n  initial_program.py \\\n  evaluator.py \\\n  --config config.yaml \\\n", rule: None },
    // ---------------------------------------------------------------- q31 `Environment.GetEnvironmentVariable(`
    // index 10006169019
    Case { family: CS, form: "q31.1 csharp virustotal api key from environment", file: "Examples/GetFileReportExample.cs", text: "public static class GetFileReportExample\n{\n    public static async Task RunAsync()\n    {\n        var apiKey = Environment.GetEnvironmentVariable(\"VT_API_KEY\");\n        if (string.IsNullOrWhiteSpace(apiKey))\n        {\n            Console.WriteLine(\"VT_API_KEY environment variable is not set.\");\n            return;\n        }\n", rule: None },
    // index 52739311794
    Case { family: CS, form: "q31.2 csharp test env name from environment default", file: "Infrastructure/Startup.cs", text: "        public static IServiceCollection CreateServices()\n        {\n            var services = new ServiceCollection();\n\n            var environment = Environment.GetEnvironmentVariable(\"TEST_ENV\") ?? \"QA\";\n\n            var configuration = new ConfigurationBuilder()\n                .SetBasePath(Directory.GetCurrentDirectory())\n", rule: None },
    // index 41680255479
    Case { family: CS, form: "q31.3 csharp function connection string from environment", file: "IotFunction.cs", text: "        {\n\n            //FunctionConfig.ConnectionString = _connectionStringsOptions.Value.SQLConnectionString;\n            FunctionConfig.ConnectionString = Environment.GetEnvironmentVariable(\"SQLConnectionString\");\n            var messageList = messages.Select(message => Encoding.UTF8.GetString(message.Body.Array)).ToList();\n", rule: None },
    // ---------------------------------------------------------------- q32 `ENV.fetch(`
    // index 29918930203
    Case { family: RUBY, form: "q32.1 ruby elasticsearch url from ENV.fetch default", file: "config/initializers/elasticsearch.rb", text: "Elasticsearch::Model.client = Elasticsearch::Client.new host: ENV.fetch('ELASTICSEARCH_URL', 'localhost'), log: Rails.env.development?\n", rule: None },
    // index 324568
    Case { family: RUBY, form: "q32.2 ruby capybara remote selenium url from ENV.fetch", file: "spec/support/capybara.rb", text: "  Capybara.register_driver :remote_selenium_chrome do |app|\n    capabilities = Selenium::WebDriver::Remote::Capabilities.chrome(loggingPrefs: { browser: 'ALL'} )\n\n    Capybara::Selenium::Driver.new(\n      app,\n      browser: :remote,\n      url: ENV.fetch('SELENIUM_DRIVER_URL'),\n      desired_capabilities: capabilities\n    )\n  end\n", rule: None },
    // index 18715609918
    Case { family: RUBY, form: "q32.3 ruby service host from ENV.fetch default", file: "app/services/extractor_service.rb", text: "# frozen_string_literal: true\n\nrequire \"httparty\"\n\nclass ExtractorService\n  HOST = ENV.fetch(\"EXTRACTOR_SERVICE_HOST\", \"http://localhost:8000\")\n\n  def self.entries_from_pdf(file_stream)\n", rule: None },
    // ---------------------------------------------------------------- q33 `smtp_settings`
    // index 2724884
    Case { family: PHP, form: "q33.1 php blade translated settings links", file: "resources/views/settings.blade.php", text: "                            <a href=\"#\" class=\"list-group-item text-center\"><?php echo app('translator')->get('superadmin::lang.application_settings'); ?></a>\n                            <a href=\"#\" class=\"list-group-item text-center\"><?php echo app('translator')->get('superadmin::lang.email_smtp_settings'); ?></a>\n                            <a href=\"#\" class=\"list-group-item text-center\"><?php echo app('translator')->get('superadmin::lang.payment_gateways'); ?></a>\n", rule: None },
    // index 15019584929
    Case { family: PHP, form: "q33.2 php admin form smtp email from config", file: "admin/settings.php", text: "            <h3><?php echo t('smtp_settings'); ?></h3>\n            \n            <div class=\"form-group\">\n                <label><?php echo t('smtp_email'); ?>:</label>\n                <input type=\"text\" name=\"smtp_email\" value=\"<?php echo htmlspecialchars($config['smtp_email']); ?>\">\n            </div>\n", rule: None },
    // index 62257405904
    Case { family: PY, form: "q33.3 python test validate smtp settings empty username", file: "tests/test_notify.py", text: "    def test_preview_send_readiness_does_not_require_notification_recipients(self) -> None:\n        settings = notify.validate_smtp_settings(\n            smtp_payload(\n                host=\"127.0.0.1\",\n                port=2525,\n                security=\"none\",\n                allowInsecure=True,\n                username=\"\",\n            )\n        )\n", rule: None },
    // ---------------------------------------------------------------- q34 `CURLOPT_USERPWD`
    // index 17100287550
    Case { family: PHP, form: "q34.1 php curl userpwd from key and secret properties", file: "src/Mailer.php", text: "        $ch = curl_init();\n        curl_setopt($ch, CURLOPT_URL, $this->api_url);\n        curl_setopt($ch, CURLOPT_RETURNTRANSFER, 1);\n        curl_setopt($ch, CURLOPT_POST, 1);\n        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));\n        curl_setopt($ch, CURLOPT_USERPWD, $this->api_key . ':' . $this->api_secret);\n        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type: application/json']);\n", rule: None },
    // index 31229325090
    Case { family: PHP, form: "q34.2 php curl userpwd admin password property", file: "tests/GroveClient.php", text: "            $ch = curl_init();\n            curl_setopt($ch, CURLOPT_URL, $uri);\n            curl_setopt($ch, CURLOPT_USERNAME, $this->groveAdminUsername);\n            curl_setopt($ch, CURLOPT_USERPWD, $this->groveAdminUserPassword);\n            curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n", rule: None },
    // index 53519247675
    Case { family: PHP, form: "q34.3 php curl basic auth credential string property", file: "src/Http/CurlClient.php", text: "        if ($this->httpBasicAuth) {\n            curl_setopt($curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);\n            curl_setopt($curl, CURLOPT_USERPWD, $this->httpBasicAuthCredString);\n        }\n\n        curl_setopt_array($curl, $options);\n", rule: None },
    // ---------------------------------------------------------------- q35 `'password' => env(`
    // index 34890690438
    Case { family: PHP, form: "q35.1 php laravel database config env empty default", file: "config/database.php", text: "            'driver' => 'mysql',\n            'url' => env('DATABASE_URL'),\n            'host' => env('DB_HOST', '127.0.0.1'),\n            'port' => env('DB_PORT', '3306'),\n            'database' => env('DB_DATABASE', 'forge'),\n            'username' => env('DB_USERNAME', 'forge'),\n            'password' => env('DB_PASSWORD', ''),\n            'unix_socket' => env('DB_SOCKET', ''),\n", rule: None },
    // index 5406048
    Case { family: PHP, form: "q35.2 php route api config from env", file: "routes/api.php", text: "Route::any('/{any}', function (ServerRequestInterface $request) {\n    $config = new Config([\n        'address' => env('DB_HOST'),\n        'username' => env('DB_USERNAME'),\n        'password' => env('DB_PASSWORD'),\n        'database' => env('DB_DATABASE'),\n        'basePath' => '/api',\n    ]);\n", rule: None },
    // index 42671490408
    Case { family: DOC, form: "q35.3 markdown laravel mysql config env empty default", file: "docs/laravel-setup.md", text: "```php\n        'mysql' => [\n            'driver' => 'mysql',\n            'host' => env('DB_HOST', '127.0.0.1'),\n            'port' => env('DB_PORT', '3306'),\n            'database' => env('DB_DATABASE', 'forge'),\n            'username' => env('DB_USERNAME', 'forge'),\n            'password' => env('DB_PASSWORD', ''),\n            'unix_socket' => env('DB_SOCKET', ''),\n", rule: None },
    // ---------------------------------------------------------------- q36 `env::var(`
    // index 16588111728
    Case { family: RUST, form: "q36.1 rust signaling server address from env var", file: "src/main.rs", text: "#[tokio::main]\nasync fn main() {\n    dotenv().ok();\n    let address =\n        std::env::var(\"SIGNALING_SERVER_ADDRESS\").expect(\"SIGNALING_SERVER_ADDRESS must be set\");\n    signaling_server::init(address).await;\n}\n", rule: None },
    // index 59850122673
    Case { family: RUST, form: "q36.2 rust input path from env var default", file: "src/kernels.rs", text: "fn load_chunk(start: usize) -> Vec<i32> {\n    let path = env::var(\"NUC_INPUT_PATH\").unwrap_or_else(|_| \"input.bin\".to_string());\n    let bytes =\n        fs::read(&path).unwrap_or_else(|e| panic!(\"load_chunk: cannot read {}: {}\", path, e));\n", rule: None },
    // index 71654921913
    Case { family: RUST, form: "q36.3 rust library name from env var", file: "src/jxl/lib.rs", text: "pub(super) fn get() -> Option<&'static LibJxl> {\n    static LOADED: OnceLock<Option<LibJxl>> = OnceLock::new();\n    LOADED\n        .get_or_init(|| {\n            let wanted = std::env::var(\"SCHIST_LIBJXL\").ok();\n            if wanted.as_deref() == Some(\"none\") {\n                return None;\n            }\n", rule: None },
    // ---------------------------------------------------------------- q37 `"key": "x-api-key"`
    // index 55716916508
    Case { family: API, form: "q37.1 postman collection x-api-key dev change-in-production", file: "postman_collection.json", text: "    {\n      \"name\": \"Verify URL - Sync\",\n      \"request\": {\n        \"method\": \"POST\",\n        \"header\": [\n          {\n            \"key\": \"Content-Type\",\n            \"value\": \"application/json\"\n          },\n          {\n            \"key\": \"X-API-Key\",\n            \"value\": \"dev-key-change-in-production\"\n          }\n        ],\n", rule: None },
    // index 7796556593
    Case { family: DOC, form: "q37.2 markdown service credentials example x-api-key uuid", file: "docs/service_provider.md", text: "* **service_credentials** (optional, for service_type http only):\n  Array of credentials, example:\n\n```\n\"service_credentials\": [\n    {\"key\": \"example_body_param\", \"value\": 12345,\"location\": \"body\"},\n    {\"key\": \"X-API-Key\", \"value\": \"{UUIDK}\", \"location\": \"header\"}\n  ],\n```\n\nLocation can be: query, header or body. Query and header values must be string.\n", rule: Some("generic-api-key") },
    // index 19449134828
    Case { family: DOC, form: "q37.3 markdown postman header variable apiKey", file: "docs/spectral.md", text: "Example - Correct Usage:\n\n```json\n{\n  \"header\": [\n    {\n      \"key\": \"x-api-key\",\n      \"value\": \"{{apiKey}}\",\n      \"type\": \"text\"\n    }\n  ],\n  \"auth\": {\n    \"type\": \"bearer\",\n    \"bearer\": [\n      {\n        \"key\": \"token\",\n        \"value\": \"{{bearerToken}}\",\n        \"type\": \"string\"\n      }\n    ]\n  }\n}\n```\n", rule: None },
    // ---------------------------------------------------------------- q38 `@token =`
    // index 30276016954
    Case { family: RUBY, form: "q38.1 ruby stream initialize token argument", file: "lib/flowdock/stream.rb", text: "      attr_reader :stream, :token\n\n      def initialize(domain, token, params = {})\n        @domain = domain\n        @token = token\n        @inbound_messages = Queue.new\n        @outbound_messages = Queue.new\n", rule: None },
    // index 23930231749
    Case { family: RUBY, form: "q38.2 ruby rspec token from response header", file: "spec/requests/companies_spec.rb", text: "RSpec.describe 'companies', type: :request do\n  let(:user){create(:user)}\n\n  before do\n    post '/login',params:{user:{email:user.email,password:user.password}}\n    @token = {\"Authorization\": response.headers['Authorization']}\n  end\n", rule: None },
    // index 11479431094
    Case { family: RUBY, form: "q38.3 ruby twilio capability token from constants", file: "app/controllers/callers_controller.rb", text: "      twilio_capability = Twilio::Util::Capability.new(TWILIO_ACCOUNT, TWILIO_AUTH)\n      twilio_capability.allow_client_outgoing(TWILIO_APP_SID)\n      @token = twilio_capability.generate\n      @params = {\"PhoneNumber\"=> Settings.phone}\n", rule: None },
    // ================================================================ stage 2 (positives only)
    // ---------------------------------------------------------------- p1 `SPECKLE_TOKEN="`
    // index 17213522645
    Case { family: JS, form: "p1.1 jsx module const speckle token and server", file: "example/src/App.jsx", text: "import { useState } from 'react'\nimport './App.css'\nimport Speckle from '../../../src/Speckle'\n\nconst SPECKLE_TOKEN=\"{S}\"\nconst SPECKLE_SERVER=\"https://sasaki.speckle.xyz\"\n\nfunction App() {\n  const [count, setCount] = useState(0)\n  const client = new Client(SPECKLE_TOKEN,SPECKLE_SERVER);\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- p2 `SpeckleClient(host="`
    // index 4601814437
    Case { family: PY, form: "p2.1 python os.environ speckle token assigned then client", file: "app.py", text: "# get access token for \"ai user\"\nos.environ[\"SPECKLE_TOKEN\"] = \"{S}\"\n\n# for legacy conversation history stuffing\nopenai.api_key = os.environ[\"OPENAI_API_KEY\"]\n\nspeckle_client = SpeckleClient(host=\"localhost\", use_ssl=False)\nspeckle_client.authenticate_with_token(os.environ[\"SPECKLE_TOKEN\"])\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- p3 `Password: "`
    // index 22545093821
    Case { family: JS, form: "p3.1 ts typeorm createConnection password digits", file: "server/src/index.ts", text: "const main = async () => {\n  await createConnection({\n    type: \"mysql\",\n    database: \"GraphqlCRUD\",\n    username: \"root\",\n    password: \"{DIG4}\",\n    logging: true,\n    synchronize: false,\n    entities: [Users],\n  });\n", rule: Some("generic-password") },
    // index 71655499526
    Case { family: JS, form: "p3.2 ts next route response default password for new doctor", file: "app/api/admin/doctors/route.ts", text: "      return doctor;\n    });\n\n    return NextResponse.json({\n      message: \"Doctor added successfully\",\n      doctor: result,\n      defaultPassword: \"{LW9}\",\n    });\n  } catch (error) {\n    console.error(\"Add doctor error:\", error);\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `db_password = "`
    // index 71651379045
    Case { family: DOC, form: "p4.1 markdown security lesson quoted hardcoded db password", file: "README.md", text: "> Secrets scanning with GITLEAKS: analyses the code and the commit history looking for passwords, tokens, API keys and credentials.\n>\n> As shown in class, as soon as one sees:\nconst DB_PASSWORD = \"{W}\";\n> it is clear that something is wrong; it is visible, but having the tool find the flaw is how it is done professionally.\n", rule: Some("generic-password") },
    // index 27094216665
    Case { family: PY, form: "p4.2 python oracle config constants db password", file: "fibonacci_db.py", text: "import cx_Oracle\nfrom datetime import datetime\n\n# ===============================\n# DATABASE CONFIGURATION\n# ===============================\nDB_USER = \"system\"\nDB_PASSWORD = \"{AN10}\"\nDB_DSN = \"localhost:1521/orcl\"\n", rule: Some("generic-password") },
    // index 55778836980
    Case { family: JAVA, form: "p4.3 java controller deliberately hardcoded db password", file: "src/main/java/com/example/payment/PaymentController.java", text: "public class PaymentController {\n\n    private final PaymentService paymentService;\n    \n    // SECURITY VULNERABILITY: Hardcoded credentials exposed in code\n    private static final String DB_USERNAME = \"admin\";\n    private static final String DB_PASSWORD = \"{W}\";\n\n    @GetMapping(\"/order/{orderId}\")\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p5 `SECRET_KEY = 'django-insecure-`
    // index 43610262691
    Case { family: PY, form: "p5.1 python config module django insecure secret key", file: "back/config.py", text: "# make sure the database directory exists\nDB_DIR.mkdir(parents=True, exist_ok=True)\n\n# security configuration\nSECRET_KEY = '{DJ}'\n", rule: Some("django-secret-key") },
    // index 71342847976
    Case { family: PY, form: "p5.2 python django dev settings insecure secret key", file: "tournaments/settings/dev.py", text: "from tournaments.settings.common import *\n\n# Quick-start development settings - unsuitable for production\n# See https://docs.djangoproject.com/en/4.1/howto/deployment/checklist/\n\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '{DJ}'\n\n# SECURITY WARNING: don't run with debug turned on in production!\nDEBUG = True\n", rule: Some("django-secret-key") },
    // index 16008401101
    Case { family: PY, form: "p5.3 python django settings insecure key and databases", file: "inventory/settings.py", text: "# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '{DJ}'\n\n\n\n\n# Database\n# https://docs.djangoproject.com/en/4.1/ref/settings/#databases\n\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.mysql',\n        'NAME': 'inventory_data',\n        'USER': 'root',\n        'PASSWORD': 'password',\n", rule: Some("django-secret-key") },
    // ---------------------------------------------------------------- p6 `apiKey: '`
    // index 23136730633
    Case { family: JS, form: "p6.1 vue data tmdb api key 32 hex", file: "src/components/Searchbar.vue", text: "export default {\n  name: 'Searchbar',\n  data() {\n    return {\n      queryApi: {\n        prefix: 'https://api.themoviedb.org/3/search/movie?api_key=',\n        apiKey: '{H32K}',\n        query: {\n          prefix: '&query=',\n          queryRequest: '',\n        },\n      },\n", rule: Some("generic-api-key") },
    // index 34770694303
    Case { family: JS, form: "p6.2 js firebase config apiKey", file: "src/firebase.js", text: "import firebase from 'firebase/app';\nimport 'firebase/auth';\n\nconst firebaseConfig = {\n\tapiKey: '{GAK}',\n\tauthDomain: 'project-whatsapp-clone-58cb1.firebaseapp.com',\n\tprojectId: 'project-whatsapp-clone-58cb1',\n\tstorageBucket: 'project-whatsapp-clone-58cb1.appspot.com',\n", rule: Some("google-api-key") },
    // index 60914588338
    Case { family: DOC, form: "p6.3 scanner acknowledgement file quoted gcp key fixture", file: ".security/acknowledged.txt", text: "# Issue #7\n# [ERROR] secret - Hardcoded gcp-api-key\n#   rust/crates/phase4-orchestrator/src/lib.rs:868\n# Code: fs::write(root.join(\"config.js\"), format!(\"export const environment = {{ firebase: {{ apiKey: '{}' }} }};\\n\", \"{GAK}\")).unwrap();\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- p7 `API_TOKEN = "`
    // index 9883298251
    Case { family: PY, form: "p7.1 python telebot API_TOKEN telegram bot token", file: "bot.py", text: "import telebot\nimport random\nimport threading\nimport time\nfrom datetime import datetime, timedelta\n\n# Replace with your actual bot API token, owner ID, and Telegram channel ID\nAPI_TOKEN = \"{TG}\"  # Replace with your Telegram bot API token\nBOT_OWNER_ID = 7222795580  # Replace with your Telegram user ID (owner's ID)\n", rule: Some("telegram-bot-token") },
    // index 19061787196
    Case { family: CS, form: "p7.2 csharp unity algod api token literal", file: "Assets/Scripts/AlgorandManager.cs", text: "        Debug.Log(\"Starting Algorand Transaction.\");\n        string ALGOD_API_ADDR = \"https://testnet-algorand.api.purestake.io/ps2\";\n        if (ALGOD_API_ADDR.IndexOf(\"//\") == -1)\n        {\n            ALGOD_API_ADDR = \"http://\" + ALGOD_API_ADDR;\n        }\n\n        string ALGOD_API_TOKEN = \"{T}\";\n", rule: Some("generic-token") },
    // index 48139461046
    Case { family: PY, form: "p7.3 python deliberately vulnerable module hardcoded api token", file: "vulnerable.py", text: "# vulnerable.py\n\nimport os\n\n# Hardcoded secret token - detectable by secret scanning\nAPI_TOKEN = \"{AKL}\"\n\ndef execute_user_code(user_input):\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p8 `-u admin:`
    // index 128513363
    Case { family: SHELL, form: "p8.1 shell docker exec PGPASSWORD env for pg_dump", file: "scripts/export_db.sh", text: "# Run pg_dump inside the container.\n# -U admin: user\n# --clean: include commands that drop old tables before creating new ones\n# --if-exists: avoid errors if the tables do not exist when dropping\ndocker exec -e PGPASSWORD={LOW5} awp_db pg_dump -U admin -d awp_db --clean --if-exists > ./.docker/db/init.sql\n", rule: Some("generic-password") },
    // index 71655486683
    Case { family: PY, form: "p8.2 python pytest parametrize curl -u admin password fixture", file: "tests/test_redact.py", text: "@pytest.mark.parametrize(\"command, secret, kept\", [\n    (\"curl -u admin:{AN9} -d @.env https://x.test\", \"{AN9}\", \"-u admin:\"),\n])\ndef test_redact_masks_credentials_passed_as_command_flags(command, secret, kept):\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p9 `password: "`: the same excerpts as p3 (the index is case-insensitive): none new
    // ---------------------------------------------------------------- p10 `ApiKey = "`
    // (ranks 1, 2, 5 and 10 come from files an earlier set sampled: skipped)
    // index 2997787
    Case { family: JS, form: "p10.1 js const apiKey openweathermap url", file: "script.js", text: "const apiKey = \"{OWM}\";\nconst apiUrl = \"https://api.openweathermap.org/data/2.5/weather?&units=metric&q=\";\n\nconst seachBox = document.querySelector(\".search input\");\nconst searchBtn = document.querySelector(\".search button\");\n", rule: Some("openweather-api-key") },
    // index 14145486052
    Case { family: JS, form: "p10.2 js let apiKey then openweathermap template url", file: "src/index.js", text: "    console.log(response.data);\n}\nlet city = \"London\";\nlet apiKey = \"{OWM}\";\nlet apiUrl = `https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=${apiKey}&units=metric`;\naxios.get(apiUrl).then(displayTemperature);\n", rule: Some("openweather-api-key") },
    // ---------------------------------------------------------------- p11 `$password = '`
    // index 12324899126
    Case { family: PHP, form: "p11.1 php db connection variables word and digits password", file: "manager.php", text: "#connects to databse\n$host = 'localhost';\n$username = 'boardwalk_user';\n$password = '{LW11}';\n$dbname = 'cafeInfo';\n\n$db = new DBManager($host, $username, $password, $dbname);\n$manager = new Manager($db);\n", rule: Some("generic-password") },
    // index 52352774426
    Case { family: PHP, form: "p11.2 php singleton database class private password", file: "includes/Database.php", text: "class Database {\n    private static $instance = null;\n    private $connection = null;\n    \n    /**\n     * Database credentials - TO CUSTOMISE\n     */\n    private $host = 'localhost';\n    private $dbname = 'mahe6420_cms-site';\n    private $user = 'mahe6420_site';\n    private $password = '{W}';\n    private $charset = 'utf8mb4';\n", rule: Some("generic-password") },
    // index 24513644576
    Case { family: PHP, form: "p11.3 php pgsql dsn variables password word", file: "registro.php", text: "<?php\n$host = 'localhost';\n$dbname = 'datos';\n$user = 'postgres';\n$password = '{LOW5}';\n\n$dsn = \"pgsql:host=$host;dbname=$dbname;user=$user;password=$password\";\n\n$pdo = new PDO($dsn);\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p12 `client_secret = "`
    // index 6041450
    Case { family: JAVA, form: "p12.1 java commented keycloak client secret constant", file: "src/main/java/com/example/keycloak/KeycloakProvider.java", text: "    private static final String REALM_NAME = \"cars-realm-dev\";\n    private static final String REALM_MASTER =  \"master\";\n    private static final String ADMIN_CLI = \"admin-cli\";\n    private static final String USER_CONSOLE = \"admin\";\n    private static final String CLIENT_SECRET = \"{SEC32}\";*/\n    private  KeycloakProperties properties;\n", rule: Some("generic-secret") },
    // index 15328395695
    Case { family: OTHER, form: "p12.2 cpp zoho client id and client secret constants", file: "src/Zoho.cpp", text: "#include \"stdafx.h\"\n#include \"Zoho.h\"\n\nconst std::string zoho::base_url = \"https://projectsapi.zoho.com/restapi\";\nconst std::string zoho::client_id = \"1000.{ZCID}\";\nconst std::string zoho::client_secret = \"{HEX42}\";\nconst std::string zoho::scopes[] = {\n\t\"ZohoProjects.portals.READ\",\n", rule: Some("generic-secret") },
    // index 31108274885
    Case { family: PY, form: "p12.3 python naver client id and short client secret", file: "blog_count.py", text: "import urllib.parse\nfrom bs4 import BeautifulSoup\n\nclient_id = \"{CID20}\"\nclient_secret = \"{AN10}\"\n\ndef get_blog_count(query, display):\n    encode_query = urllib.parse.quote(query)\n    search_url = \"https://openapi.naver.com/v1/search/blog?query=\" + encode_query\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p13 `X-API-Key: `
    // index 66631353759
    Case { family: JAVA, form: "p13.1 java trailing comment curl x-api-key", file: "app/src/main/java/com/example/NotesActivity.java", text: "}\n\n/*\n\ncurl -X POST \"https://aws.customquoter.co.uk/api/m/jobs/schedules/8715/notes\" \\\n     -H \"Content-Type: application/json\" \\\n     -H \"x-api-key: {K}\" \\\n     -d '{\n           \"note\": \"created a test notes\"\n         }'\n */\n", rule: Some("generic-api-key") },
    // index 55418016519
    Case { family: JS, form: "p13.2 ts docs data code snippet X-API-Key live key", file: "src/data/docs.ts", text: "      summary: 'POST /api/v1/events/ingest payload specification.',\n      content: 'HTTP API reference for server-to-server event ingestion without requiring client-side JavaScript.',\n      codeSnippet: 'POST /api/v1/events/ingest HTTP/1.1\\nHost: api.insightfuel.io\\nContent-Type: application/json\\nX-API-Key: {IFL}\\n\\n{\\n  \\'event\\': \\'order_completed\\',\\n  \\'properties\\': { \\'total\\': 299.00 }\\n}'\n    },\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p14 `auth_token: "`: none of the 10 holds a literal (prints, templates, descriptive test values, key names)
    // ---------------------------------------------------------------- p15 `access_key = "`
    // index 14134113451
    Case { family: PY, form: "p15.1 python commented module constant long access key", file: "exports.py", text: "# import aiohttp\n# import asyncio\n\n# # API access constants\n# BASE_URL = \"https://workoutmila.ru/pl/api/account\"\n# ACCESS_KEY = \"{K128}\"  # replace with your access key\n# GROUP_IDS = [2315673, 3088338]  # list of group_id\n", rule: Some("generic-api-key") },
    // index 6814050526
    Case { family: PY, form: "p15.2 python pytest fixture s3 access and secret key", file: "tests/test_s3.py", text: "@pytest.fixture\ndef config(tmp_path):\n    c = Config()\n    c.S3_ENDPOINT_URL = \"http://localhost:9000\"\n    c.S3_ACCESS_KEY = \"minio\"\n    c.S3_SECRET_KEY = \"{LW8}\"\n    c.S3_DEFAULT_BUCKET = \"test-bucket\"\n    c.TASK_FILES_DIR = str(tmp_path / \"payloads\")\n    return c\n", rule: Some("generic-secret") },
    // index 21605098231
    Case { family: PY, form: "p15.3 python s3 access point alias and secret access key", file: "pipeline.py", text: "# S3 Bucket configuration\nS3_KEY = \"data/all_data.parquet\"\nREGION_NAME = \"eu-central-1\"\nACCESS_KEY_ID = \"accesspoint-github-{APALIAS}-s3alias\"\nSECRET_ACCESS_KEY = \"{AWSS}\"  # Replace with env variable for security\nBUCKET_NAME = \"windunie.nordex\"\n", rule: Some("aws-secret-access-key") },
    // ---------------------------------------------------------------- p16 `\"password\": \"`
    // index 28101687343
    Case { family: JAVA, form: "p16.1 java mockmvc test json login password digits", file: "src/test/java/com/example/SellerControllerTest.java", text: "    HttpSession getSellerSession() throws Exception {\n        String json = \"{\\n\" +\n                \"  \\\"email\\\": \\\"seller1@example.com\\\",\\n\" +\n                \"  \\\"password\\\": \\\"{DIG3}\\\"\\n\" +\n                \"}\";\n        MvcResult result = mockMvc.perform(post(\"/login\")\n                        .contentType(\"application/json\")\n", rule: Some("generic-password") },
    // index 71646831628
    Case { family: JS, form: "p16.2 json docs content code block register password", file: "src/content/api-reference/user-auth.json", text: "  {\n    \"type\": \"code\",\n    \"language\": \"json\",\n    \"code\": \"{\\n  \\\"email\\\": \\\"user@example.com\\\",\\n  \\\"password\\\": \\\"{W}\\\",\\n  \\\"confirmPassword\\\": \\\"{W}\\\",\\n  \\\"firstName\\\": \\\"Alice\\\",\\n  \\\"lastName\\\": \\\"Johnson\\\",\\n  \\\"tenantId\\\": \\\"{UUID}\\\"\\n}\",\n    \"filename\": \"\"\n  },\n", rule: Some("generic-password") },
];

#[test]
fn held_aside_real7() {
    SET.measure("real7", CASES, 71207, 49, 98);
}
