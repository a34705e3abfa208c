//! Third held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet). [`super::heldout_real`] and
//! [`super::heldout_real2`] have both been read and used for tuning, so neither measures
//! unseen code any more. This set follows `heldout_real2`'s procedure and measuring test, with
//! new queries, a second positives-only stage (so that about a quarter of the cases are
//! positives, as the task asked), more file kinds (Dockerfiles, Compose, Terraform variables,
//! Kubernetes, `.env` samples, properties) and provider shapes the shared generator lacks
//! (GitHub, AWS, Google, OpenAI, Paystack, URL passwords, PEM and OpenSSH key blocks).
//!
//! Written blind on 2026-12-07: the engine (`src/context/` other than the two earlier
//! real-code sets as the model and the `Case`/`fill`/`measure` helpers of
//! `heldout_fresh2.rs`), `src/scan/`, docs/context-rules.md, the rule bodies and the probe
//! tables were not read; only the rule ids were listed, to name the expected rule.
//!
//! # Procedure (fixed before sampling)
//!
//! 1. Stage 1 queries (exact strings, case-insensitive), in this order: `SPECKLE_SERVER`,
//!    `authenticate_with_token`, `speckle.systems`, `ghp_`, `AKIA`, `BEGIN RSA PRIVATE KEY`,
//!    `postgresql://`, `mysql://`, `amqp://`, `hooks.slack.com`, `sk_test_`, `xoxb-`,
//!    `${{ secrets.`, `POSTGRES_PASSWORD`, `secretKeyRef`, `sensitive = true`,
//!    `GITHUB_TOKEN`, `spring.datasource.password`, `aws_secret_access_key`,
//!    `openai.api_key`, `JWT_SECRET`, `SECRET_KEY = `, `apiKey: "`, `private_token`,
//!    `passphrase`, `app_key`, `x-access-token`, `stringData:`, `MYSQL_PASSWORD`,
//!    `bot_token`, `REDIS_PASSWORD`, `"apiKey":`, `jdbc:`. None of them is a query of the
//!    two earlier real-code sets. Each is sent once to the public-code string index
//!    (`find_string`, context 300 characters); the first 6 usable excerpts are taken in the
//!    order returned, whatever their label. Cases are named `q<query>.<case>`.
//! 2. Stage 2 queries, chosen to reach the positive forms users write: `authenticate_with_token("`,
//!    `ENV API_KEY`, `variable "db_password"`, `api_key = "`, `token: "`, `_PASSWORD: "`,
//!    `OPENAI_API_KEY"] = `, `BEGIN OPENSSH PRIVATE KEY`, `sk-proj-`, `mongodb+srv://`,
//!    `client_secret: `, `ENV DB_PASSWORD`, `access_token = "`, `HUGGINGFACEHUB_API_TOKEN`,
//!    `passwd = `, `SpeckleClient(`, `redis://:`, `AIza`, and (added before it was sent,
//!    because Speckle literals were scarce) `SPECKLE_TOKEN=`. From each, only excerpts that
//!    hold a literal credential by the labelling rules below are taken, in the order returned:
//!    the first 2 for p1-p3, the first 3 from p4 on (changed after p1 and p2 gave none, before
//!    p4 was read). This stage chooses by label, never by how hard a case looks. Cases are
//!    named `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; an excerpt's first or
//!    last line cut by the window is dropped. The index gives no repository or path, so each
//!    case's comment gives the index id of its file (`read_file` with that id opens it) and
//!    the case's `file` is a plausible name for its language and kind.
//! 4. Labels, decided from the code before the scanner ever ran on it:
//!    - a literal credential value (a real-looking key, token or password; a concrete default
//!      used when an environment variable is missing; a concrete fixture value in a test,
//!      even a sequential fake such as `ghp_abcdefghij1234567890`; a weak but concrete
//!      password such as `root`, `admin` or `1947`) is POSITIVE. Its value is replaced by a
//!      value of the same kind generated at run time, and the case expects the rule a user
//!      would want: the provider rule when the value has a provider's shape (`github-pat`,
//!      `aws-access-key-id`, `aws-secret-access-key`, `google-api-key`, `openai-project-key`,
//!      `paystack-secret-key`, `openweather-api-key`, `speckle-token`), the URL rule for a
//!      password inside a connection URL (`amqp-url-password`, `mongodb-url-password`,
//!      `redis-url-password`), the key-block rule for a PEM or OpenSSH private key with key
//!      material (`private-key-pkcs8`, `private-key-openssh`), else the generic rule by role
//!      (`generic-password`, `generic-api-key`, `generic-secret`, `generic-token`);
//!    - NEGATIVE: no literal at all (a variable, an environment or config lookup, a template
//!      `{{.Password}}` or `${VAR}`, a type, a regex, prose, a list of names), an empty
//!      value, an elision (`...`, `MIIEpAIBAAK...`, `**********`), and a placeholder standing
//!      for a value the reader must supply: angle or upper-case fill-ins (`<your-token>`,
//!      `YOUR_KEY_HERE`, `TEMPEL_API_KEY_DISINI`), `your_...`/`tu-...` forms, `xxx` runs,
//!      change-me instructions, and the bare words `password`, `pass`, `pw`, `secret`,
//!      `default`, `dummy`, `mock`, `test`, `placeholder` or `<word>-test`/`test-<word>` used
//!      as the value; RabbitMQ's shipped `guest:guest` default; a header line or a stub body
//!      without key material;
//!    - one case measures one value: where an excerpt holds several credential literals, the
//!      measured one is the hit line's, else the first by position; the lines holding the
//!      others are trimmed away when they stand on lines of their own, else they get the same
//!      placeholder (same role) or are filled too.
//!
//!    Non-secret token-shaped text (key headers, DKIM signatures, a disk UUID) is written as a
//!    run-time placeholder so the repository holds no token-shaped literal.
//! 5. The set is checked to compile and be well formed, then the test runs once, when the set
//!    is finished; no case is changed, dropped or relabelled after its result is seen.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: every query returned 10 excerpts; the first 6 were usable for every query
//! (33 x 6 = 198 cases, 28 positives, 170 negatives); none repeated an excerpt of the two
//! earlier real-code sets. Stage 2 (positives only): p1 `authenticate_with_token("` 0 of 10
//! held a literal (the values were `token`, `config`, `test-token`, `ghp_test123`,
//! placeholders); p2 `ENV API_KEY` 0; p3 2 taken; p4 3; p5 `token: "` 0; p6 3; p7 1 (the
//! other nine: lookups, a `sk-test-key-not-real` dummy, placeholders); p8 3 (two OpenSSH key
//! blocks and, as the excerpt's first literal by position, an AWS key fixture: the hit line
//! was a bare header); p9 3; p10 3; p11 1; p12 3; p13 1; p14 0; p15 2; p16 1; p17 3; p18 3;
//! p19 `SPECKLE_TOKEN=` 0 (all placeholders). Stage 2 gave 32 positives. Total: 230 cases,
//! 60 positives, 170 negatives. Spell: no query returned a Spell credential, so the set has
//! no `spell-token` case. Refinements made while sampling, before any run:
//! - q3.3 the same Seq API key written twice gets one placeholder; q5.6 the DKIM signature's
//!   base64 is written with non-secret run-time placeholders; q7.4 the `SECRET_KEY` fallback
//!   is measured (the URL beside it has no password); q7.6, q8.1, q18.1, q18.5, q29.1, q33.4,
//!   p6.2, p12.1 weak concrete passwords are literals (positive);
//! - q9.1 the broker URL's password measured as `amqp-url-password`; q9.5, q9.6 `guest:guest`
//!   is RabbitMQ's shipped default (negative); q11.4 the Paystack key (40 hex after
//!   `sk_test_`) expects `paystack-secret-key`;
//! - q14.1 the Go test's list of required CI lines: the `POSTGRES_PASSWORD` line measured, the
//!   DSN lines below (the same passwords) trimmed away; q14.6 the same value in two services
//!   gets one placeholder;
//! - q22.4 the hit line is the AWS secret key; the access-key-id line and the request array
//!   repeating it trimmed away; q23.x Firebase web API keys expect `google-api-key`;
//! - q28.5 the Kubernetes secret's PKCS#8 block measured; the `.env` line above with an
//!   elided key trimmed away; q31.1 the hit line (`REDIS_PASSWORD=`) is empty, the block's
//!   `DB_PASSWORD` measured; q31.2 the MongoDB URL's password measured, the MinIO lines trimmed
//!   away; q31.5 the fixture `REDIS_PASSWORD` measured, the `REDIS_URL` repeating it trimmed
//!   away;
//! - p4.1 the `webhook_secret` line above the measured `api_key` trimmed away; p4.3 a 32-hex
//!   key keeps its hex shape; p7.1 a `sk-` key of 48 characters for an OpenAI-compatible
//!   proxy is not OpenAI's format: `generic-api-key`; p9.3 the other rows of the parametrize
//!   list holding credentials trimmed away; p13.1 the consumer key and secret lines and the
//!   access-token-secret line trimmed away, the access token (digits, dash, 40 characters)
//!   expects `generic-token`; p17.3 the other rows of the redaction table holding credentials
//!   trimmed away.
//!
//! # Measuring
//!
//! The same measure as [`super::heldout_real2`] (`heldout_fresh2::measure`): recall,
//! precision, negatives quiet, per-family lines, the missed and noisy forms, over the six
//! generic rules and every rule a case expects. It is reimplemented here only because the
//! shared one knows the shared generator's shapes alone: a case's own value must be reported
//! by its rule. For the shared shapes (`{S}` `{W}` `{K}` `{C}` `{T}` `{OWM}`) the reported
//! secret must equal the value, as there; for the shapes added here the reported secret must
//! contain the value's first line, or be a part of it of at least 16 characters (a URL rule
//! may report the whole URL or the password, a key rule the whole block).
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed or
//! a scan panics, never on low recall. Run it with:
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real3::held_aside_real3`

#![cfg(test)]

use super::blind_harness::{
    armour, github_classic_token, BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};

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
const R: &str = "R";
const NIX: &str = "Nix";
const HCL: &str = "Terraform";
const SHELL: &str = "shell scripts";
const CI: &str = "CI configuration";
const K8S: &str = "Kubernetes manifests";
const COMPOSE: &str = "docker-compose";
const DOCKER: &str = "Dockerfiles";
const ENV: &str = ".env samples";
const CONF: &str = "properties and other config files";
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
    ("generic-password", &["{W}"]),
    ("generic-api-key", &["{K}", "{KH}", "{SKX}"]),
    ("generic-secret", &["{C}"]),
    ("generic-token", &["{T}", "{TWAT}"]),
    ("openweather-api-key", &["{OWM}"]),
    ("github-pat", &["{GHP}"]),
    ("aws-access-key-id", &["{AKIA}"]),
    ("aws-secret-access-key", &["{AWSS}"]),
    ("paystack-secret-key", &["{PSK}"]),
    ("amqp-url-password", &["{UW}"]),
    ("mongodb-url-password", &["{UW}"]),
    ("redis-url-password", &["{UW}"]),
    ("google-api-key", &["{GAK}"]),
    ("openai-project-key", &["{OAIP}"]),
    ("private-key-pkcs8", &["{PK8BODY}"]),
    ("private-key-openssh", &["{OK2}"]),
];

/// The shared generator's shapes, compared exactly as `heldout_fresh2::measure` does.
const SHARED: [&str; 6] = ["{S}", "{W}", "{K}", "{C}", "{T}", "{OWM}"];

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
    "{SKX}",
    "{TWAT}",
    "{GHP}",
    "{AKIA}",
    "{AWSS}",
    "{PSK}",
    "{UW}",
    "{GAK}",
    "{OAIP}",
    "{PK8BODY}",
    "{OK1}",
    "{OK2}",
    "{OK3}",
];

/// Every placeholder of this set and its value for one case's seed: the shared generator's
/// values first, then this set's shapes.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0003);
    let openssh_magic = "b3BlbnNzaC1rZXktdjEAAAAA";
    let pkcs8_lines: Vec<String> = (0..4).map(|_| g.pick(BASE64, 64)).collect();
    let openai_marker = ["T3Bl", "bkFJ"].concat();
    let extra = [
        ("{KH}", g.pick(HEX, 32)),
        ("{SKX}", ["sk-", &g.pick(BASE62, 48)].concat()),
        (
            "{TWAT}",
            format!("{}-{}", g.pick(DIGITS, 9), g.pick(BASE62, 40)),
        ),
        ("{GHP}", github_classic_token(&g.pick(BASE62, 30))),
        (
            "{AKIA}",
            ["AK", "IA", &g.pick(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)].concat(),
        ),
        ("{AWSS}", g.pick(BASE64, 40)),
        ("{PSK}", ["sk_", "test_", &g.pick(HEX, 40)].concat()),
        ("{UW}", g.pick(BASE62, 16)),
        ("{GAK}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        (
            "{OAIP}",
            [
                "sk-",
                "proj-",
                &g.pick(URLSAFE, 58),
                &openai_marker,
                &g.pick(URLSAFE, 58),
            ]
            .concat(),
        ),
        ("{PK8BODY}", pkcs8_lines.join("\n    ")),
        (
            "{OK1}",
            [openssh_magic, &g.pick(BASE64, 70 - openssh_magic.len())].concat(),
        ),
        ("{OK2}", g.pick(BASE64, 70)),
        ("{OK3}", g.pick(BASE64, 70)),
        // Not secrets: armour lines without key material, a DKIM signature.
        ("{RSAH}", armour("BEGIN", "RSA PRIVATE KEY")),
        ("{RSAE}", armour("END", "RSA PRIVATE KEY")),
        ("{PKH}", armour("BEGIN", "PRIVATE KEY")),
        ("{PKE}", armour("END", "PRIVATE KEY")),
        ("{OSSHH}", armour("BEGIN", "OPENSSH PRIVATE KEY")),
        ("{OSSHE}", armour("END", "OPENSSH PRIVATE KEY")),
        ("{DKIMBH}", g.pick(BASE64, 43) + "="),
        ("{DKIM}", g.pick(BASE64, 64)),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    if SHARED.contains(&placeholder) {
        return reported == value;
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
    // ---------------------------------------------------------------- q1 `SPECKLE_SERVER`
    // index 9660495600
    Case { family: PY, form: "q1.1 python deployment test SPECKLE_SERVER from argv or env", file: "utils/test-deployment/run_tests.py", text: "from specklepy.api.client import SpeckleClient\nfrom specklepy.api.models import ServerInfo\n\n\n# Setting the SPECKLE_SERVER to test on\nSPECKLE_SERVER = \"\"\n\nif len(sys.argv) > 1:\n    SPECKLE_SERVER = sys.argv[1]\nif not SPECKLE_SERVER:\n    SPECKLE_SERVER = os.getenv(\"SPECKLE_SERVER\", \"\")\n", rule: None },
    // index 55643358329
    Case { family: PY, form: "q1.2 python settings schema key labels secret flags", file: "app/settings_schema.py", text: "    {\"group\": \"Speckle (interoperability)\", \"keys\": [\n        {\"key\": \"SPECKLE_SERVER\", \"label\": \"Server URL (e.g. https://speckle.yourco.com)\", \"secret\": False},\n        {\"key\": \"SPECKLE_TOKEN\", \"label\": \"Personal access token\", \"secret\": True},\n    ]},\n    {\"group\": \"Autodesk APS (paid RVT-to-IFC bridge)\", \"keys\": [\n", rule: None },
    // index 18051813899
    Case { family: PY, form: "q1.3 python specklepy token from os.environ then authenticate_with_token", file: "main.py", text: "    # Get token from environment\n    token = os.environ.get(\"SPECKLE_TOKEN\")\n    server_url = os.environ.get(\"SPECKLE_SERVER\", \"app.speckle.systems\")\n\n    if not token:\n        raise ValueError(\"SPECKLE_TOKEN environment variable not set\")\n\n    # Authenticate\n    client = SpeckleClient(host=server_url)\n    client.authenticate_with_token(token)\n", rule: None },
    // index 53965685609
    Case { family: JS, form: "q1.4 ts graphql client token from config field", file: "src/speckle-client.ts", text: "export class SpeckleGraphQLClient {\n  private readonly url: string;\n  private readonly token: string;\n\n  constructor(config: Config) {\n    this.url = `${config.SPECKLE_SERVER_URL}/graphql`;\n    this.token = config.SPECKLE_TOKEN;\n  }\n", rule: None },
    // index 51990493004
    Case { family: JS, form: "q1.5 js config validator env var name lists", file: "scripts/validate-config.js", text: "const optionalVars = {\n  monitoring: ['DATADOG_API_KEY', 'SENTRY_DSN', 'PROMETHEUS_ENABLED'],\n  ai: ['OPENAI_API_KEY', 'OPENAI_ORG_ID'],\n  bim: ['SPECKLE_SERVER_URL', 'SPECKLE_API_TOKEN'],\n  features: ['ENABLE_MCP_AGENTS', 'ENABLE_WEBSOCKETS', 'ENABLE_CACHE'],\n};\n", rule: None },
    // index 41036362784
    Case { family: JS, form: "q1.6 ts next route imports SPECKLE_TOKEN constant", file: "app/api/speckle/mesh/route.ts", text: "import { NextRequest, NextResponse } from 'next/server';\nimport { SPECKLE_SERVER, SPECKLE_TOKEN } from '@/lib/api/speckle';\n\ninterface RawMesh {\n  vertices: number[];\n  faces: number[];\n", rule: None },
    // ---------------------------------------------------------------- q2 `authenticate_with_token`
    // index 16107413680
    Case { family: RUBY, form: "q2.1 ruby before_action authenticate_with_token!", file: "app/controllers/scoreboard_controller.rb", text: "class ScoreboardController < ApplicationController\n  before_action: authenticate_with_token!, only: [:total_user_score]\n\n  def top_scores\n    @top_users = User.joins(:guesses).group(:user_name).order(\"sum_points DESC\")\n", rule: None },
    // index 23165440750
    Case { family: RUBY, form: "q2.2 ruby model remember_me_token encrypt and lookup", file: "app/models/user.rb", text: "  def remember_me!\n    self.remember_me_token_expiration = 2.weeks.from_now\n    self.remember_me_token = encrypt(\"#{email}--#{remember_me_token_expiration}\")\n    save\n  end\n\n  def forget_me!\n    self.remember_me_token_expiration = self.remember_me_token = nil\n    save\n  end\n\n  def self.authenticate_with_token(token)\n    user = self.first(:remember_me_token => token)\n", rule: None },
    // index 71119131895
    Case { family: DOC, form: "q2.3 markdown api token auth methods x-api-token header", file: "CLAUDE.md", text: "## API Token Authentication\n\nUsers have an `auth_token` column for stateless API authentication.\n\n**ApplicationController Methods:**\n- `authenticate_with_token` - Token-only auth via `x-api-token` header\n- `authenticate_user_or_token` - Token OR Devise session auth\n", rule: None },
    // index 49282637770
    Case { family: PY, form: "q2.4 python flask jwt.decode with config SECRET_KEY", file: "app/auth/routes.py", text: "@auth.route('/authenticate/<token>')\ndef authenticate_with_token(token):\n    try:\n        data = jwt.decode(token, current_app.config['SECRET_KEY'], algorithms=['HS256'])\n        usuario = Usuario.query.get(data['user_id'])\n", rule: None },
    // index 27686263555
    Case { family: RUBY, form: "q2.5 ruby module controller include Authenticable", file: "app/controllers/api/v1/bank/process_bank_controller.rb", text: "module Api\n  module V1\n    module Bank\n      class ProcessBankController < ApplicationController\n        include Authenticable\n        before_action :authenticate_with_token\n", rule: None },
    // index 22793545
    Case { family: RUBY, form: "q2.6 ruby sessions controller fb_access_token param", file: "app/controllers/api/v1/sessions_controller.rb", text: "    class SessionsController < ApplicationController\n      before_action :authenticate_with_token, only: [:destroy]\n\n      def create\n        fb_profile = validate_fb_user(params[:fb_access_token])\n        user = User.find_by_email(fb_profile[:email])\n", rule: None },
    // ---------------------------------------------------------------- q3 `speckle.systems`
    // index 41692589660
    Case { family: PY, form: "q3.1 python specklepy docstring workspace servers", file: "specklepy/core/api/resources/project_resource.py", text: "    def create_in_workspace(self, input: WorkspaceProjectCreateInput) -> Project:\n        \"\"\"\n        Creates a workspace project\n        This feature is only supported by Workspace Enabled Servers\n        (e.g. app.speckle.systems)\n\n        see `workspace.permissions.can_create_project` to see if the user has permission\n        \"\"\"\n", rule: None },
    // index 70106987495
    Case { family: JS, form: "q3.2 ts reducer test setProfile website", file: "src/document/reducers.test.ts", text: "    d = reducer(d, setAppDid({ appDid: APP })); // same DID again: no-op\n    d = reducer(d, setPublisherDid({ publisherDid: PUBLISHER }));\n    d = reducer(d, setProfile({ name: \" Speckle \", tagline: \"3D data\", logo: LOGO, website: \"https://speckle.systems\" }));\n    d = reducer(d, setProfile({ tagline: \"\", logo: null })); // clear tagline, keep logo\n", rule: None },
    // index 35785234595
    Case { family: CSHARP, form: "q3.3 c# otel headers X-Seq-ApiKey literal", file: "Sdk/Speckle.Sdk/Logging/SpeckleLogConfiguration.cs", text: "        Otel: new(\n          Endpoint: \"https://seq.speckle.systems/ingest/otlp/v1/logs\",\n          Headers: new() { { \"X-Seq-ApiKey\", \"{K}\" } }\n        )\n      ),\n      new(\n        Console: false,\n        Otel: new(\n          Endpoint: \"https://seq.speckle.systems/ingest/otlp/v1/traces\",\n          Headers: new() { { \"X-Seq-ApiKey\", \"{K}\" } }\n", rule: Some("generic-api-key") },
    // index 18355981610
    Case { family: DOC, form: "q3.4 markdown prose link to speckle", file: "README.md", text: "Plus, Topologic includes several industry-standard methods for data transport including IFC, OBJ, BREP, HBJSON, CSV, as well serializing through cloud-based services such as [Speckle](https://speckle.systems/).\n\nTopologic's open-source philosophy and licensing ([AGPLv3](https://www.gnu.org/licenses/agpl-3.0.en.html)) enables you to achieve your design vision with minimal incremental costs.\n", rule: None },
    // index 1123323590
    Case { family: DOC, form: "q3.5 markdown badges with server= query", file: "README.md", text: "[![website](https://img.shields.io/badge/https://-speckle.systems-royalblue?style=flat-square)](https://speckle.systems) [![docs](https://img.shields.io/badge/docs-speckle.guide-orange?style=flat-square&logo=read-the-docs&logoColor=white)](https://speckle.guide/dev/)\n\n## Introduction\n\nThis is the ALPHA version of the Speckle 2.0 Bentley MicroStation connector.\n", rule: None },
    // index 55629391970
    Case { family: DOC, form: "q3.6 markdown architecture prose connectors", file: "docs/architecture.md", text: "The architecture draws inspiration from\n[Speckle](https://speckle.systems/) - the open data platform for AEC - where\nbidirectional connectors pull data from native tools into a versioned object\ngraph, and collaboration, automation, and diffing emerge naturally from the\ndata model.\n", rule: None },
    // ---------------------------------------------------------------- q4 `ghp_`
    // index 46673522444
    Case { family: DOC, form: "q4.1 markdown anti-pattern list names token prefixes", file: "README.md", text: "### Security Checks\n\nAnti-patterns that trigger automatic deductions:\n\n- Hardcoded secrets (`sk-`, `ghp_`, API keys) - **-20**\n- Vague description - **-10**\n- Bloated top-level file - **-10**\n", rule: None },
    // index 63332091569
    Case { family: PY, form: "q4.2 python parametrize line templates filled at run time", file: "tests/test_secret_scanner.py", text: "    @pytest.mark.parametrize(\n        \"name,line\",\n        [\n            (\"aws\", '+AWS_ACCESS_KEY_ID = \"AKIA{}\"'),\n            (\"groq\", '+GROQ_API_KEY = \"gsk_{}\"'),\n            (\"github_pat\", '+token = \"ghp_{}\"'),\n            (\"stripe\", '+stripe = \"sk_live_{}\"'),\n            (\"generic\", '+api_key = \"{}\"'),\n        ],\n    )\n    def test_a_real_looking_credential_in_app_code_is_reported(self, name, line):\n        filler = {\n            \"aws\": _rand(16, string.ascii_uppercase + string.digits),\n", rule: None },
    // index 55638365519
    Case { family: JS, form: "q4.3 ts redaction test github pat in clone url", file: "src/redact.test.ts", text: "  it('redacts a GitHub PAT embedded in a URL', () => {\n    const out = redactSecrets('git clone https://{GHP}@github.com/x/y');\n    expect(out).not.toContain('{GHP}');\n    expect(out).toContain('github.com/x/y');\n  });\n", rule: Some("github-pat") },
    // index 23467993409
    Case { family: KOTLIN, form: "q4.4 kotlin companion const AUTHTOKEN github pat", file: "app/src/main/java/com/example/githubuser/api/ApiService.kt", text: "interface ApiService {\n\n    companion object {\n        const val AUTHTOKEN = \"{GHP}\"\n    }\n    @GET(\"search/users\")\n    @Headers(\"Authorization: token $AUTHTOKEN\")\n    fun getUser(\n        @Query(\"q\") username: String\n    ): Call<UserResponse>\n", rule: Some("github-pat") },
    // index 60387947894
    Case { family: PY, form: "q4.5 python leak-check regex with token prefix", file: "security/audit_log.py", text: "    def __init__(self, max_events: int = 1000):\n        self.max_events = max_events\n        self._events: List[SecurityEvent] = []\n        self._leak_check_regex = re.compile(\n            r\"(?i)(?:password|otp|secret|ghp_|4242|4111|[0-9]{12}|[A-Z]{5}[0-9]{4}[A-Z])\"\n        )\n", rule: None },
    // index 53641705079
    Case { family: SHELL, form: "q4.6 shell usage message GITHUB_TOKEN=ghp_xxx", file: "scripts/cleanup_stale_prs.sh", text: "REPO=\"kennylhilljr/Agent-Engineers\"\n\nif [ -z \"${GITHUB_TOKEN:-}\" ]; then\n  echo \"Error: GITHUB_TOKEN environment variable is required\"\n  echo \"Usage: GITHUB_TOKEN=ghp_xxx ./scripts/cleanup_stale_prs.sh\"\n  exit 1\nfi\n\nAUTH_HEADER=\"Authorization: token ${GITHUB_TOKEN}\"\n", rule: None },
    // ---------------------------------------------------------------- q5 `AKIA`
    // index 57585845387
    Case { family: JS, form: "q5.1 ts vitest const AWS access key id fixture", file: "test/protect/response-headers.test.ts", text: "import { describe, expect, it } from 'vitest';\nimport { createProtection } from '../../src/protect/runtime.js';\n\nconst AWS = '{AKIA}';\nconst json = (body: string, headers: Record<string, string> = {}) =>\n  new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });\n", rule: Some("aws-access-key-id") },
    // index 61400990882
    Case { family: SWIFT, form: "q5.2 swift credential regex table", file: "Sources/Scanner/CredentialScanner.swift", text: "    private static let credentialPatterns: [CredentialPattern] = {\n        let raw: [(String, String, Severity)] = [\n            (\"AWS access key\", #\"AKIA[0-9A-Z]{16}\"#, .high),\n            (\"AWS secret key\", #\"aws_secret_access_key\\s*=\\s*[A-Za-z0-9/+=]{30,}\"#, .high),\n            (\"Google API key\", #\"AIza[0-9A-Za-z\\-_]{35}\"#, .high),\n            (\"Slack token\", #\"xox[abprs]-[A-Za-z0-9\\-]{10,}\"#, .high),\n", rule: None },
    // index 24382241777
    Case { family: R, form: "q5.3 r named colour vector genus names", file: "scripts/cesa_tree.R", text: "col <- c(\"Anthoceros\" = \"red2\", \"Ceratodon\" = \"cornflowerblue\", \"Entodon\" = \"mediumturquoise\", \"Fontinalis\" = \"darkcyan\", \"Hypnum\" = \"lightseagreen\", \"Marchantia\" = \"mediumpurple\", \"Penium\" = \"royalblue3\", \"Physcomitrium\" = \"plum\", \"Sphagnum\" = \"violetred4\", \"Takakia\" = \"darkgoldenrod1\")\n\ntree <- read.tree(\"RAxML_bipartitions.CESA_all_refs_exon.tre\")\n", rule: None },
    // index 71654211677
    Case { family: DOC, form: "q5.4 markdown privacy note scan prefixes found none", file: "docs/fixture-privacy.md", text: "- Generic system paths (`/usr/bin`, cron shapes) and prose about auth\n  (`Bearer auth` in design text, not tokens). A scan for `ghp_|gho_|sk-ant-|\nsk-proj-|AKIA|xox[bap]-` plus real `user@host.tld` emails found exactly one\n  address (rule 4) and zero credential patterns.\n", rule: None },
    // index 67349358677
    Case { family: JS, form: "q5.5 ts credential regex array with key header pattern", file: "src/review/diff-check.ts", text: "const CREDENTIAL_PATTERNS: RegExp[] = [\n  /sk-[A-Za-z0-9]{20,}/,\n  /ghp_[A-Za-z0-9]{36}/,\n  /AKIA[0-9A-Z]{16}/,\n  /-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/,\n];\n\ninterface FileDiff {\n  path: string;\n", rule: None },
    // index 49161853172
    Case { family: CONF, form: "q5.6 eml dkim signature bh= b= base64", file: "tests/fixtures/message.eml", text: "        h=x-gm-message-state:from:to:cc:subject:date:message-id:in-reply-to\n         :references:mime-version:content-transfer-encoding;\n        bh={DKIMBH};\n        b={DKIM}\n         {DKIM}\n         7oVw==\n", rule: None },
    // ---------------------------------------------------------------- q6 `BEGIN RSA PRIVATE KEY`
    // index 8358420812
    Case { family: C, form: "q6.1 c ft_dprintf pem header and footer around output", file: "srcs/rsa/genrsa_out.c", text: "// PEM (need to initialize t_sym struct here!!!!)\n\tif (run_b64_e(p) != -2)\n\t{\n\t\tft_dprintf(p->w.fd, \"{RSAH}\\n\");\n\t\twrite(p->w.fd, p->w.msg, p->w.len);\n\t\tft_dprintf(p->w.fd, \"{RSAE}\\n\");\n\t}\n\t// BURN IT\n\tft_memset((char *)p->a.rsak, 0, sizeof(t_varint) * 9);\n", rule: None },
    // index 33139419647
    Case { family: KOTLIN, form: "q6.2 kotlin strip pem headers before decode", file: "app/src/main/java/com/example/mtls/CertManager.kt", text: "            // Convert private key\n            val privateKeyPem = keyPem\n                .replace(\"{PKH}\", \"\")\n                .replace(\"{PKE}\", \"\")\n                .replace(\"{RSAH}\", \"\")\n                .replace(\"{RSAE}\", \"\")\n                .replace(\"\\\\s+\".toRegex(), \"\")\n\n            val keySpec = PKCS8EncodedKeySpec(Base64.decode(privateKeyPem, Base64.DEFAULT))\n", rule: None },
    // index 19432167017
    Case { family: DOC, form: "q6.3 markdown korean pem block with insert-key placeholder", file: "posts/iot-monitoring.md", text: "서버 키\n\n```js\n{RSAH}\n개인 키 삽입\n{RSAE}\n```\n\n5.8 프론트엔드 개발\n", rule: None },
    // index 56755535207
    Case { family: PY, form: "q6.4 python dlp test pem header with elided body", file: "tests/test_dlp.py", text: "    def test_builtin_dlp_blocks_private_key(self, tmp_path):\n        with _single_agent(tmp_path, rules=ServerRules(allow=[\"StoreSecret\"])) as (agent, _):\n            status, _ = agent.call_tool(\n                \"StoreSecret\",\n                {\"value\": \"{RSAH}\\nMIIEpAIBAAK...\\n{RSAE}\"},\n            )\n        assert status != 200\n", rule: None },
    // index 71641600412
    Case { family: PY, form: "q6.5 python test marker pem not-a-real-key", file: "tests/test_github_app_token.py", text: "# A syntactically-real PEM is only needed where signing happens (see _key); everywhere else the\n# PEM is opaque bytes, so a marker string keeps the tests fast and readable.\n_FAKE_PEM = \"{RSAH}\\nnot-a-real-key\\n{RSAE}\\n\"\n\n\n@pytest.fixture(autouse=True)\ndef _clean_env(monkeypatch):\n", rule: None },
    // index 60796531067
    Case { family: PY, form: "q6.6 python redaction test pem header with stub", file: "tests/test_redaction.py", text: "    def test_redacts_private_key_header(self) -> None:\n        text = \"{RSAH}\\nMIIEpAIBAAKCAQ\"\n        result, _ = redact_credentials(text)\n        assert \"BEGIN RSA PRIVATE KEY\" not in result\n", rule: None },
    // ---------------------------------------------------------------- q7 `postgresql://`
    // index 48832953288
    Case { family: JS, form: "q7.1 ts pg Pool url with the word password", file: "src/database/drop.ts", text: "import { Pool } from 'pg';\nimport { dropEnumTypes } from './schemaQueries/enum-types';\nimport { dropTables } from './schemaQueries/tables';\n\nconst pool = new Pool({ connectionString: 'postgresql://postgres:password@localhost:5432/postgres' });\n", rule: None },
    // index 36888364968
    Case { family: JS, form: "q7.2 ts drizzle url without password", file: "src/db/index.ts", text: "const CONNECTION_STRING = \"postgresql://postgres@localhost:5432/boble\";\n\n// for migrations\nconst migrationClient = postgres(CONNECTION_STRING, { max: 1 });\nmigrate(drizzle(migrationClient), { migrationsFolder: \"./drizzle\" });\n", rule: None },
    // index 71654730873
    Case { family: DOC, form: "q7.3 markdown env docs USER:PASS template and rejected default", file: "docs/DEPLOY_ENV.md", text: "Recommended: Neon (`postgresql://USER:PASS@HOST.neon.tech/DB?sslmode=require`).\n\n### `JWT_SECRET`\n**Value:** A random >=64-character string. Generate with:\n```bash\nnode -e \"console.log(require('crypto').randomBytes(48).toString('hex'))\"\n```\n**Why:** signs CRM access tokens. The default `dev-crm-jwt-secret-change-me` is rejected.\n", rule: None },
    // index 12292985643
    Case { family: PY, form: "q7.4 python config SECRET_KEY env or literal fallback", file: "config.py", text: "import os\n\nclass Config():\n    SECRET_KEY = (os.environ.get(\"SECRET_KEY\") or \"{C}\")\n    DEBUG = True\n    SQLALCHEMY_DATABASE_URI = (os.environ.get(\"DATABASE_URL\") or \"postgresql://developer@127.0.0.1:5432/visit_dev\")\n    EMAIL_DOMAIN = 'records.nyc.gov'\n", rule: Some("generic-secret") },
    // index 720303
    Case { family: DOC, form: "q7.5 markdown env block username:password placeholders", file: "README.md", text: "    Create a `.env` file in the root directory with the following configuration:\n\n    ```plaintext\n    DATABASE_URL=postgresql://username:password@localhost:5432/yourdatabase\n    NEXTAUTH_SECRET=your_nextauth_secret\n    NEXTAUTH_URL=http://localhost:3000\n    NEXT_PUBLIC_BASE_URL=http://localhost:3000\n    NODE_ENV=production\n    ```\n", rule: None },
    // index 24520779753
    Case { family: JAVA, form: "q7.6 jsp DriverManager.getConnection password argument", file: "web/cart.jsp", text: "<%\ntry{\n\tDouble totalamt=0.0;\n\tConnection con=null;\n\tStatement stmt=null;\n\tResultSet rs=null;\n\tClass.forName(\"org.postgresql.Driver\");\n\tcon=DriverManager.getConnection(\"jdbc:postgresql://localhost:5432/dbtemplate\",\"postgres\",\"{W}\");\n\tstmt=con.createStatement();\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q8 `mysql://`
    // index 32446808723
    Case { family: JAVA, form: "q8.1 java dbcp datasource setPassword literal", file: "src/main/java/com/youku/soku/stat/SearchSokuStatDataSource.java", text: "    private SearchSokuStatDataSource() {\n\n        // driver\n        setDriverClassName(\"com.mysql.jdbc.Driver\");\n        setUrl(\"jdbc:mysql://10.103.8.8:3306/search_stat_soku?autoReconnect=true&useUnicode=true&characterEncoding=UTF-8\");\n        setUsername(\"yoqoo\");\n        setPassword(\"{W}\");\n\n        // pool\n        setInitialSize(2);\n", rule: Some("generic-password") },
    // index 53542038728
    Case { family: DOC, form: "q8.2 markdown production env user:password placeholder", file: "DEPLOYMENT.md", text: "### Environment Variables Required\n```env\nNODE_ENV=production\nDATABASE_URL=mysql://user:password@localhost:3306/srilanka_tourism\nNEXTAUTH_SECRET=your-secret-key\nNEXTAUTH_URL=https://yourdomain.com\n```\n", rule: None },
    // index 25782956138
    Case { family: KOTLIN, form: "q8.3 kotlin getenv elvis literal password default", file: "src/main/kotlin/db/DatabaseFactory.kt", text: "    val host = getenv(\"DB_HOST\") ?: \"localhost\"\n    val port = getenv(\"DB_PORT\") ?: \"3306\"\n    val name = getenv(\"DB_NAME\") ?: \"linguardia\"\n    val user = getenv(\"DB_USER\") ?: \"sara\"\n    val password = getenv(\"DB_PASSWORD\") ?: \"{W}\"\n\n    val jdbcUrl = \"jdbc:mysql://$host:$port/$name?serverTimezone=UTC\"\n", rule: Some("generic-password") },
    // index 19297903583
    Case { family: JAVA, form: "q8.4 java singleton fields empty password", file: "src/main/java/com/forma/gp/utils/ConnexionUtil.java", text: "public final class ConnexionUtil {\n\n\tprivate static ConnexionUtil instance;\n\tprivate String url = \"jdbc:mysql://localhost:3306/bank_db\";\n\tprivate String username = \"root\";\n\tprivate String password = \"\";\n\tprivate Connection connection;\n", rule: None },
    // index 71648913368
    Case { family: JS, form: "q8.5 ts config test url user:pw and invalid values", file: "src/config.test.ts", text: "    expect(config.port).toBe(8080);\n    expect(config.databaseUrl).toBe(\"postgresql://user:pw@db.internal:5432/finifeed\");\n  });\n\n  test(\"rejects invalid values\", () => {\n    expect(() => loadConfig({ PORT: \"not-a-port\" })).toThrow(/Invalid configuration/);\n    expect(() => loadConfig({ DATABASE_URL: \"mysql://localhost/db\" })).toThrow(/Invalid configuration/);\n", rule: None },
    // index 12952517933
    Case { family: JAVA, form: "q8.6 java jdbc url without credentials", file: "src/mysql/ListPrepDB.java", text: "public class ListPrepDB {\n\n\tpublic static void main(String[] args) {\n\t\tString url = \"jdbc:mysql://localhost:3306/javadb?useUnicode=true&characterEncoding=utf8\";\n\t\tConnection con = null;\n\t\tPreparedStatement pstmt = null;\n\t\tResultSet rs = null;\n", rule: None },
    // ---------------------------------------------------------------- q9 `amqp://`
    // index 44400747331
    Case { family: PY, form: "q9.1 python celery broker url with password", file: "tasks.py", text: "from celery import Celery\nimport time\napp = Celery('tasks', \n                broker='amqp://niceguy:{UW}@35.227.175.4:5672',\n                )\n \n@app.task\ndef send_email(email, token):\n    print (\"sending email...\")\n", rule: Some("amqp-url-password") },
    // index 58068013546
    Case { family: GO, form: "q9.2 go test comments documented default urls", file: "internal/facet/url_test.go", text: "\t\t\"https://svc-deploy@git.internal.corp/repo.git\",\n\t\t// Empty password.\n\t\t\"postgres://appuser:@db.internal:5432/app\",\n\t\t// A mailto/other scheme with no authority.\n\t\t\"mail dg@keld.co about it\",\n\t} {\n\t\tnoSpans(t, text)\n\t}\n}\n\n// A DOCUMENTED DEFAULT is noise, not a finding. amqp://guest:guest is\n// RabbitMQ's shipped default and postgres://user:pass@localhost is in every\n// tutorial: they grant nothing that is not already open by default.\n", rule: None },
    // index 7223157226
    Case { family: JS, form: "q9.3 js amqp and mongodb localhost urls", file: "consumer.js", text: "const amqp = require('amqplib');\nconst { MongoClient } = require('mongodb');\n\nconst rabbitMQUrl = 'amqp://localhost';\nconst lojaQueueName = 'pedidos_loja'; \n\n\nconst mongoUrl = 'mongodb://localhost:27017'; \n", rule: None },
    // index 37042351111
    Case { family: PY, form: "q9.4 python celery broker concatenated host", file: "client.py", text: "fileIP = input(\"Entrez le fichier d'adresse IP : \")\nhost = openIP(fileIP)\ntache = Celery('tasks', broker='amqp://guest:' + host + ':1025//')\n\n\ndef ask(addressIP):\n    global charge\n", rule: None },
    // index 4900366
    Case { family: PY, form: "q9.5 python urlparse rabbitmq guest default", file: "sarra/sr_config.py", text: "        self.admin                = None\n        self.manager              = None\n\n        # consumer\n        self.broker               = urllib.parse.urlparse('amqp://guest:guest@localhost/')\n        self.bindings             = []\n        self.exchange             = None\n", rule: None },
    // index 14419219366
    Case { family: JS, form: "q9.6 ts test env url or guest default", file: "test/pubsub.ts", text: "describe('rabbitr#pubsub', function() {\n  const rabbit = new Rabbitr({\n    url: process.env.RABBITMQ_URL || 'amqp://guest:guest@localhost/%2F',\n  });\n  before((done) => rabbit.whenReady(done));\n", rule: None },
    // ---------------------------------------------------------------- q10 `hooks.slack.com`
    // index 44766953395
    Case { family: JAVA, form: "q10.1 java mock config webhook url services/test", file: "src/test/java/org/codelibs/fess/helper/NotificationHelperTest.java", text: "    private static class MockFessConfig extends FessConfig.SimpleImpl {\n        private static final long serialVersionUID = 1L;\n\n        @Override\n        public String getSlackWebhookUrls() {\n            return \"https://hooks.slack.com/services/test\";\n        }\n\n        @Override\n        public String getGoogleChatWebhookUrls() {\n            return \"https://chat.googleapis.com/v1/spaces/test/messages?key=test\";\n        }\n", rule: None },
    // index 33421715440
    Case { family: DOC, form: "q10.2 markdown alertmanager yaml tu-app-password and TU_WEBHOOK_URL", file: "docs/MONITORING.md", text: "```yaml\nglobal:\n  smtp_smarthost: 'smtp.gmail.com:587'\n  smtp_from: 'tu-email@gmail.com'\n  smtp_auth_username: 'tu-email@gmail.com'\n  smtp_auth_password: 'tu-app-password'\n```\n\n### Slack\nAgrega tu webhook URL en `monitoring/alertmanager.yml`:\n```yaml\nslack_configs:\n  - api_url: 'https://hooks.slack.com/services/TU_WEBHOOK_URL'\n```\n", rule: None },
    // index 58673671990
    Case { family: PY, form: "q10.3 python notification channels elided webhook", file: "app/monitoring/alerting.py", text: "        self.notification_channels = [\n            {\"type\": \"email\", \"recipients\": [\"admin@example.com\"]},\n            {\"type\": \"slack\", \"webhook\": \"https://hooks.slack.com/...\"},\n        ]\n\n    async def check_and_alert(self, metrics: ErrorMetrics):\n", rule: None },
    // index 52885497670
    Case { family: JS, form: "q10.4 ts vitest mockSlackConfig webhook services/test", file: "src/lib/slack-notify.test.ts", text: "    it(\"sends via webhook when SLACK_WEBHOOK_URL is set (no token)\", async () => {\n      mockSlackConfig(\"\", \"https://hooks.slack.com/services/test\");\n      vi.mocked(global.fetch).mockResolvedValueOnce(new Response(\"ok\", { status: 200 }));\n      const { SlackClient } = await import(\"@/lib/slack-notify\");\n", rule: None },
    // index 10095973000
    Case { family: SHELL, form: "q10.5 shell webhook url from SLACK_TOKEN variable", file: "release.sh", text: "#!/bin/bash\n\n# Slack token for notifications\nSLACK_TOKEN=${SLACK_TOKEN:-\"\"}\nSLACK_CHANNEL=${SLACK_CHANNEL:-\"#github\"}\nSLACK_USER=${SLACK_USER:-\"NCSA Build\"}\n\npost_message() {\n  printf \"$1\\n\"\n  if [ \"${SLACK_TOKEN}\" != \"\" -a \"${SLACK_CHANNEL}\" != \"\" ]; then\n    url=\"https://hooks.slack.com/services/${SLACK_TOKEN}\"\n", rule: None },
    // index 18602440
    Case { family: DOC, form: "q10.6 markdown yaml config elided webhook_url", file: "README.md", text: "cost_control:\n  daily_budget_usd: 1000\n  per_agent_daily_budget_usd: 100\n\nalerts:\n  slack:\n    webhook_url: \"https://hooks.slack.com/...\"\n\nrate_limiting:\n  requests_per_minute: 1000\n", rule: None },
    // ---------------------------------------------------------------- q11 `sk_test_`
    // index 426517
    Case { family: NIX, form: "q11.1 nix build phase exports mock values", file: "flake.nix", text: "            export MEDUSA_DISABLE_ADMIN=true\n            export DATABASE_URL=\"postgres://mock:mock@localhost:5432/mock\"\n            export JWT_SECRET=\"build-time-secret\"\n            export COOKIE_SECRET=\"build-time-secret\"\n            export STRIPE_API_KEY=\"sk_test_mock\"\n            export NODE_ENV=\"production\"\n            \n            npm run build --workspace=apps/medusa\n          '';\n", rule: None },
    // index 61146187927
    Case { family: DOC, form: "q11.2 markdown prerequisites test keys sk_test_... prose", file: "docs/payments-e2e.md", text: "## Prerequisites\n\n- A Razorpay account with **Test Mode** enabled (toggle, top-right of the dashboard) and a Stripe account (test keys are the default `sk_test_...` ones - no toggle needed).\n- `RAZORPAY_KEY_ID`, `RAZORPAY_KEY_SECRET`, `STRIPE_SECRET_KEY` set in `.env` (see `.env.example`) from each dashboard's API Keys page.\n", rule: None },
    // index 11946369697
    Case { family: JS, form: "q11.3 ts env candidates startsWith sk_test_", file: "src/lib/stripe.ts", text: "  const candidates = [\n    process.env.STRIPE_SECRET_KEY_TEST,\n    process.env.STRIPE_TEST_SECRET_KEY,\n    process.env.STRIPE_SECRET_KEY,\n  ];\n\n  for (const candidate of candidates) {\n    if (candidate && candidate.startsWith(\"sk_test_\")) {\n      return candidate;\n    }\n  }\n", rule: None },
    // index 36496806667
    Case { family: PHP, form: "q11.4 php laravel Http withHeaders bearer paystack secret", file: "app/Http/Controllers/OrderController.php", text: "    $amount = $request->total * 100;\n\n    $response = Http::withHeaders([\n        'Authorization' => 'Bearer {PSK}',\n        'Content-Type' => 'application/json',\n    ])->post('https://api.paystack.co/transaction/initialize', [\n        'amount' => $amount,\n        'email' => $request->email,\n", rule: Some("paystack-secret-key") },
    // index 71643987277
    Case { family: DOC, form: "q11.5 markdown setup prose env names and sk_test_...", file: "docs/paymongo.md", text: "2. Add `PAYMONGO_SECRET_KEY`, `PAYMONGO_WEBHOOK_SECRET`,\n   `SUPABASE_SERVICE_ROLE_KEY`, and `NEXT_PUBLIC_SITE_URL` to `.env.local`.\n   Use PayMongo test credentials (`sk_test_...` and the matching webhook\n   signing secret) during development. Never expose these values to the\n   browser or commit them.\n", rule: None },
    // index 54549324997
    Case { family: PY, form: "q11.6 python getenv default sk_test_YOUR_KEY_HERE", file: "scripts/stripe_setup.py", text: "# Using test mode keys\n# Set your Stripe API key as environment variable:\n# export STRIPE_API_KEY=\"sk_test_...\"\nimport os\nstripe.api_key = os.getenv(\"STRIPE_API_KEY\", \"sk_test_YOUR_KEY_HERE\")\n\ndef create_product_and_price():\n", rule: None },
    // ---------------------------------------------------------------- q12 `xoxb-`
    // index 21625635271
    Case { family: RUST, form: "q12.1 rust raw-string search query list", file: "src/queries.rs", text: "    r#\"mysql:// password extension:yaml\"#,\n    // Private keys\n    r#\"\"BEGIN RSA PRIVATE KEY\" extension:pem\"#,\n    r#\"\"BEGIN OPENSSH PRIVATE KEY\" extension:txt\"#,\n    // API tokens\n    r#\"ghp_ extension:json\"#,\n    r#\"github_pat_ extension:env\"#,\n    r#\"xoxb- extension:env\"#,\n    r#\"xoxp- slack extension:yaml\"#,\n    // Stripe (live keys only)\n    r#\"sk_live_ extension:env\"#,\n", rule: None },
    // index 67450867456
    Case { family: PY, form: "q12.2 python api key regex pattern table", file: "scripts/scan_secrets.py", text: "# API Keys\nAPI_KEY_PATTERNS = [\n    (r\"sk-ant-[a-zA-Z0-9_-]{95,}\", \"anthropic_api_key\"),\n    (r\"sk-[a-zA-Z0-9]{48,}\", \"openai_api_key\"),\n    (r\"ghp_[a-zA-Z0-9]{36,}\", \"github_pat\"),\n    (r\"xoxb-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{24,}\", \"slack_bot_token\"),\n    (r\"AKIA[0-9A-Z]{16}\", \"aws_access_key\"),\n", rule: None },
    // index 34304971
    Case { family: GO, form: "q12.3 go test config dummy xoxb-test", file: "internal/slackbot/e2e_test.go", text: "\tt.Run(\"ValidConfig\", func(t *testing.T) {\n\t\tcfg := Config{\n\t\t\tBotToken:    \"xoxb-test\",\n\t\t\tAppToken:    \"xapp-test\",\n\t\t\tRPCEndpoint: \"http://localhost:8443\",\n\t\t}\n\t\tbot, err := New(cfg)\n", rule: None },
    // index 59196145801
    Case { family: DOC, form: "q12.4 markdown japanese sample env your_ placeholders", file: "README.md", text: "   サンプル .env（README 用）\n   ```\n   JQUANTS_REFRESH_TOKEN=your_jquants_refresh_token\n   OPENAI_API_KEY=sk-...\n   KABU_API_PASSWORD=your_kabu_password\n   SLACK_BOT_TOKEN=xoxb-...\n   SLACK_CHANNEL_ID=C01234567\n   KABUSYS_ENV=development\n   ```\n", rule: None },
    // index 54916780711
    Case { family: DOC, form: "q12.5 text env template elided values", file: "docs/ENV_TEMPLATE.txt", text: "# === Comms ===\nSENDGRID_API_KEY=SG....\nTWILIO_ACCOUNT_SID=ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nTWILIO_AUTH_TOKEN=...\nSLACK_BOT_TOKEN=xoxb-...\nDISCORD_BOT_TOKEN=...\n\n# === Auth / Security ===\nJWT_SECRET=a-long-random-string-at-least-32-chars\nNEXTAUTH_SECRET=...\nSESSION_SECRET=...\n", rule: None },
    // index 56449900426
    Case { family: DOC, form: "q12.6 markdown env table token prefixes", file: "README.md", text: "| Variable | Description |\n|---|---|\n| `SLACK_BOT_TOKEN` | Bot User OAuth token (`xoxb-...`) |\n| `SLACK_APP_TOKEN` | App-level token (`xapp-...`), required for Socket Mode |\n| `SLACK_SIGNING_SECRET` | Verifies inbound Slack requests |\n| `SPLITWISE_CONSUMER_SECRET` | Splitwise OAuth app secret |\n", rule: None },
    // ---------------------------------------------------------------- q13 `${{ secrets.`
    // index 35490689195
    Case { family: DOC, form: "q13.1 markdown gh-pages workflow github_token secret ref", file: "docs/MIGRATION.md", text: "      - run: npm install\n      - run: npm run build\n      - uses: peaceiris/actions-gh-pages@v3\n        with:\n          github_token: ${{ secrets.GITHUB_TOKEN }}\n          publish_dir: ./dist\n```\n", rule: None },
    // index 23713130210
    Case { family: DOC, form: "q13.2 markdown deploy step env aws secrets refs", file: "docs/DEPLOYMENT.md", text: "      - name: Deploy to AWS\n        run: pnpm run deploy --stage prod\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n```\n\n### Environment Management\n", rule: None },
    // index 46560468515
    Case { family: CI, form: "q13.3 github actions build env from secrets", file: ".github/workflows/ci-cd.yml", text: "      - name: Build\n        run: npm run build\n        env:\n          VITE_API_BASE_URL: ${{ secrets.VITE_API_BASE_URL }}\n          VITE_MQTT_BROKER_URL: ${{ secrets.VITE_MQTT_BROKER_URL }}\n\n  build-and-deploy:\n    needs: test\n    runs-on: ubuntu-latest\n", rule: None },
    // index 63132404180
    Case { family: PY, form: "q13.4 python workflow policy check secrets reference", file: "scripts/check_workflows.py", text: "        elif not post_merge_maintenance:\n            require(\n                \"${{ secrets.\" not in workflow,\n                f\"{name} must not reference repository secrets\",\n            )\n", rule: None },
    // index 55786152695
    Case { family: DOC, form: "q13.5 markdown french notes password: secrets ref", file: "docs/notes-brief.md", text: "2. **Auth CI : utiliser une PAIRE DE CLES, pas un mot de passe.**\n   Le workflow du brief met `password: ${{ secrets... }}`. Or Snowflake **deprecie l'auth\n   mot-de-passe seul** (MFA imposee, connexions programmatiques bloquees). Pour GitHub Actions,\n   configurer la **key-pair authentication** (cle RSA en secret).\n", rule: None },
    // index 267395
    Case { family: CI, form: "q13.6 github actions frontend build env secret ref", file: ".github/workflows/deploy.yml", text: "      - name: Build frontend\n        run: cd client && npm run build && cd ..\n        env:\n          VITE_API_URL: ${{ secrets.API_URL_PROD }}\n      \n      - name: Build backend\n        run: cd server && npm run build && cd ..\n", rule: None },
    // ---------------------------------------------------------------- q14 `POSTGRES_PASSWORD`
    // index 60868843526
    Case { family: GO, form: "q14.1 go test required ci strings POSTGRES_PASSWORD literal", file: "internal/ci/workflow_test.go", text: "\tciText := strings.ReplaceAll(string(ci), \"\\r\\n\", \"\\n\")\n\tfor _, required := range []string{\n\t\t\"image: postgres:16\",\n\t\t\"POSTGRES_USER: cortex_bootstrap\",\n\t\t\"POSTGRES_PASSWORD: {W}\",\n\t\t\"POSTGRES_DB: cortex_test\",\n\t\t\"pg_isready -U cortex_bootstrap -d cortex_test\",\n", rule: Some("generic-password") },
    // index 23405611601
    Case { family: DOC, form: "q14.2 markdown docker run POSTGRES_PASSWORD=secret word", file: "docs/ARCHITECTURE.md", text: "### Local Development\n\n```bash\n# 1. Start PostgreSQL\ndocker run -d -p 5432:5432 \\\n  -e POSTGRES_DB=soulvan \\\n  -e POSTGRES_PASSWORD=secret \\\n  postgres:15\n\n# 2. Initialize schema\npsql -h localhost -U postgres -d soulvan -f services/clip-provenance/schema.sql\n", rule: None },
    // index 66644829821
    Case { family: DOC, form: "q14.3 markdown compose POSTGRES_PASSWORD: default word", file: "README.md", text: "services:\n  db:\n    image: postgres:15\n    restart: always\n    environment:\n      POSTGRES_DB: task_manager\n      POSTGRES_USER: default_user\n      POSTGRES_PASSWORD: default\n    ports:\n      - \"5432:5432\"\n", rule: None },
    // index 56741739131
    Case { family: DOC, form: "q14.4 markdown runbook env var name list", file: "docs/runbooks/chatwoot-migration.md", text: "Minimum local env expected by Chatwoot:\n\n- `RAILS_ENV`\n- `POSTGRES_HOST`\n- `POSTGRES_PORT`\n- `POSTGRES_USERNAME`\n- `POSTGRES_PASSWORD`\n- `REDIS_URL`\n- `REDIS_PASSWORD` if applicable\n", rule: None },
    // index 176456
    Case { family: COMPOSE, form: "q14.5 compose environment list POSTGRES_PASSWORD=value", file: "docker-compose.yml", text: "  # PostgreSQL数据库（依赖）\n  dify-db:\n    image: xxx.xuanyuan.run/library/postgres:14-alpine\n    container_name: dify-db\n    ports:\n      - \"5432:5432\"\n    environment:\n      - POSTGRES_USER=dify\n      - POSTGRES_PASSWORD={W}\n      - POSTGRES_DB=dify\n    volumes:\n      - dify-db-data:/var/lib/postgresql/data\n", rule: Some("generic-password") },
    // index 53939319581
    Case { family: DOC, form: "q14.6 markdown compose spring and postgres password map", file: "notes/docker-compose.md", text: "    environment:\n      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/docker-spring\n      SPRING_DATASOURCE_USERNAME: postgres\n      SPRING_DATASOURCE_PASSWORD: {W}\n    ports:\n      - \"8080:8080\"\n\n  postgres:\n    image: postgres:latest\n    environment:\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD: {W}\n      POSTGRES_DB: docker-spring\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q15 `secretKeyRef`
    // index 22549711961
    Case { family: DOC, form: "q15.1 markdown k8s env db password from secretKeyRef", file: "docs/homer-deployment.md", text: "        - name: HEPLIFYSERVER_DBUSER\n          value: \"homer\"\n        - name: HEPLIFYSERVER_DBPASS\n          valueFrom:\n            secretKeyRef:\n              name: homer-secrets\n              key: db-password\n        - name: HEPLIFYSERVER_DBDATABASE\n          value: \"homer\"\n", rule: None },
    // index 10723002941
    Case { family: K8S, form: "q15.2 k8s deployment env MONGODB_URI from secretKeyRef", file: "k8s/api-deployment.yaml", text: "        env:\n        - name: NODE_ENV\n          value: \"production\"\n        - name: PORT\n          value: \"4000\"\n        - name: MONGODB_URI\n          valueFrom:\n            secretKeyRef:\n              name: neko-secrets\n              key: mongodb-uri\n        - name: REDIS_HOST\n          value: redis-service\n", rule: None },
    // index 56737480151
    Case { family: DOC, form: "q15.3 markdown design table type names ExternalSecretKeyRef", file: "docs/proposals/external-model-provider.md", text: "| File | Change |\n|---|---|\n| `externalmodelprovider_types.go` (new, ~180 lines) | `ExternalModelProvider`, `ExternalModelProviderSpec`, `ExternalModelProviderAuth`, `ExternalSecretKeyRef`, `ExternalModel`, `AdapterType` enum |\n", rule: None },
    // index 1050491
    Case { family: JAVA, form: "q15.4 java generated binding field secretKeyRef", file: "src/main/java/io/yupiik/kubernetes/bindings/DeploymentSpecTemplateSpecEphemeralContainersEnvValueFrom.java", text: "    private DeploymentSpecTemplateSpecEphemeralContainersEnvValueFromFieldRef fieldRef;\n    private DeploymentSpecTemplateSpecEphemeralContainersEnvValueFromResourceFieldRef resourceFieldRef;\n    private DeploymentSpecTemplateSpecEphemeralContainersEnvValueFromSecretKeyRef secretKeyRef;\n\n    public DeploymentSpecTemplateSpecEphemeralContainersEnvValueFrom() {\n        // no-op\n    }\n", rule: None },
    // index 47335938491
    Case { family: RUST, form: "q15.5 rust json! env secretKeyRef and empty jwt secret", file: "src/operator/storage.rs", text: "    let env = vec![\n        json!({\n            \"name\": \"DATABASE_URL\",\n            \"valueFrom\": {\n                \"secretKeyRef\": {\n                    \"name\": \"database-urls\",\n                    \"key\": \"migrations-url\"\n                }\n            }\n        }),\n        json!({\n            \"name\": \"PGRST_JWT_SECRET\",\n            \"value\": \"\"\n        }),\n", rule: None },
    // index 66473491196
    Case { family: DOC, form: "q15.6 markdown keystore spi method table password param", file: "docs/keystore.md", text: "| Method | Behaviour |\n|--------|-----------|\n| `engineGetKey(alias, password)` | Returns `PrivateKeyReference` or `SecretKeyReference`; returns `null` if alias not found. For hardware stores `password` is ignored (PIN is configured separately). |\n", rule: None },
    // ---------------------------------------------------------------- q16 `sensitive = true`
    // index 71652654757
    Case { family: OTHER, form: "q16.1 vala widget button.sensitive = true", file: "src/InstallPage.vala", text: "        if (pulse != 0) {\n            Source.remove (pulse);\n        }\n        bar.visible = false;\n        button.sensitive = true;\n        if (failure != null) {\n            text.label = _(\"L'installation n'a pas abouti : %s\").printf (failure);\n", rule: None },
    // index 2385352
    Case { family: CSHARP, form: "q16.2 c# keycloak access_token from response json", file: "Services/KeycloakService.cs", text: "        var content = await response.Content.ReadAsStringAsync();\n        var tokenResponse = JsonSerializer.Deserialize<JsonElement>(\n            content,\n            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }\n        );\n        var token = tokenResponse.GetProperty(\"access_token\").GetString() ?? \"\";\n        var expiresIn = tokenResponse.GetProperty(\"expires_in\").GetInt32();\n", rule: None },
    // index 58924478017
    Case { family: JS, form: "q16.3 tsx component default props canReadSensitive", file: "src/components/approval/ApprovalActionBar.tsx", text: "export function ApprovalActionBar({\n    allowedActions,\n    recoveryOptions = [],\n    workItemId,\n    expectedTaskVersion,\n    afterCancelStatusLabel = \"未提交\",\n    emergencyWithdraw = false,\n    canReadSensitive = true,\n    hiddenActions = [],\n}: {\n", rule: None },
    // index 20863592812
    Case { family: R, form: "q16.4 r dfm_lookup examples case_insensitive", file: "man/examples/dfm_lookup.R", text: "# regex v. glob format: note that \"united_states\" is a regex match for \"tax*\"\ndfm_lookup(my_dfm, my_dict, valuetype = \"glob\")\ndfm_lookup(my_dfm, my_dict, valuetype = \"regex\", case_insensitive = TRUE)\n\n# show unmatched tokens\ndfm_lookup(my_dfm, my_dict, nomatch = \"_UNMATCHED\")\n", rule: None },
    // index 10062997642
    Case { family: CSHARP, form: "q16.5 c# JsonSerializerOptions case insensitive", file: "Services/SavedChartService.cs", text: "        try\n        {\n            var jsonOptions = new JsonSerializerOptions\n            {\n                PropertyNameCaseInsensitive = true\n            };\n            return JsonSerializer.Deserialize<ChartCreationRequest>(savedChart.ConfigurationJson, jsonOptions);\n        }\n", rule: None },
    // index 63813888172
    Case { family: CSHARP, form: "q16.6 c# api client static json options", file: "src/TesouroApiClient.cs", text: "public sealed class TesouroApiClient(HttpClient httpClient, IConditionalGetStore etagStore)\n{\n    private static readonly JsonSerializerOptions JsonOptions = new()\n    {\n        PropertyNameCaseInsensitive = true\n    };\n", rule: None },
    // ---------------------------------------------------------------- q17 `GITHUB_TOKEN`
    // index 67433701804
    Case { family: DOC, form: "q17.1 markdown env block ghp_xxxxx and sk-xxxxx", file: "docs/WORKFLOW.md", text: "### 1. Variables de Entorno\nCrea un archivo `.env`:\n```env\nGITHUB_TOKEN=ghp_xxxxx\nOPENAI_API_KEY=sk-xxxxx\n```\n\n### 2. Instalar dependencias\n```bash\ncomposer install\n```\n", rule: None },
    // index 56180425624
    Case { family: DOC, form: "q17.2 markdown design doc ts interface doc comment error name", file: "specs/design.md", text: "```typescript\n/**\n * folder または path が存在するかを確認する。\n * - 200 -> true\n * - 404 -> false\n * - 401 -> `GITHUB_TOKEN_EXPIRED` を throw\n */\nverifyPath(owner: string, repo: string, branch: string, path: string): Promise<boolean>;\n```\n", rule: None },
    // index 58959937159
    Case { family: JS, form: "q17.3 js express process.env.GITHUB_TOKEN guard", file: "server/index.js", text: "async function fetchGuestbookComments() {\n  const githubToken = process.env.GITHUB_TOKEN;\n  if (!githubToken) throw new Error('GITHUB_TOKEN not configured');\n\n  const query = `\n    query($owner: String!, $name: String!, $categoryId: ID!) {\n", rule: None },
    // index 15741733174
    Case { family: DOC, form: "q17.4 markdown env block xxx placeholders", file: "docs/SETUP.md", text: "# Payments\nSTRIPE_SECRET_KEY=sk_test_xxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxx\n\n# Notifications\nSMTP_HOST=smtp.gmail.com\nSMTP_USER=your_email\nSMTP_PASS=your_password\nTWILIO_ACCOUNT_SID=ACxxx\nTWILIO_AUTH_TOKEN=xxx\n\n# Integrations\nTRELLO_API_KEY=xxx\nTRELLO_TOKEN=xxx\nSLACK_BOT_TOKEN=xoxb-xxx\nGITHUB_TOKEN=ghp_xxx\n", rule: None },
    // index 32661744874
    Case { family: DOC, form: "q17.5 markdown troubleshooting GITHUB_TOKEN permissions", file: "docs/TROUBLESHOOTING.md", text: "#### 5. Deployment Workflow Failures\n**Debug steps**:\n1. Check GitHub Actions logs\n2. Verify repository permissions\n3. Ensure `GITHUB_TOKEN` has proper permissions\n", rule: None },
    // index 71655337654
    Case { family: PY, form: "q17.6 python test patch.dict env dummy credentials", file: "tests/test_bot.py", text: "    def test_no_inherited_environment_credentials(self):\n        with patch.dict(bot.os.environ, {'SOME_SECRET': 'dummy', 'OPENAI_API_KEY': 'dummy',\n                                         'ANTHROPIC_API_KEY': 'dummy', 'GITHUB_TOKEN': 'dummy'}):\n            env = bot.model_env()\n        for key in ('SOME_SECRET', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GITHUB_TOKEN'):\n            self.assertNotIn(key, env)\n", rule: None },
    // ---------------------------------------------------------------- q18 `spring.datasource.password`
    // index 66468429368
    Case { family: CONF, form: "q18.1 properties spring.datasource.password literal", file: "src/main/resources/application.properties", text: "# CONEXION A BASE DE DATOS\n# ===========================================================================\nspring.datasource.url=jdbc:mysql://localhost:3306/webapp_db?useSSL=false&serverTimezone=Europe/Madrid&allowPublicKeyRetrieval=true\nspring.datasource.username=root\nspring.datasource.password={W}\nspring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver\n", rule: Some("generic-password") },
    // index 59598557288
    Case { family: JAVA, form: "q18.2 java SpringBootTest properties empty password", file: "src/test/java/ai/agent/persistence/AgentPersistenceH2Test.java", text: "@SpringBootTest(properties = {\n        \"spring.jpa.hibernate.ddl-auto=create-drop\",\n        \"spring.datasource.url=jdbc:h2:mem:persistence;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=false\",\n        \"spring.datasource.driver-class-name=org.h2.Driver\",\n        \"spring.datasource.username=sa\",\n        \"spring.datasource.password=\",\n        \"spring.jpa.database-platform=org.hibernate.dialect.H2Dialect\",\n})\n", rule: None },
    // index 10231708103
    Case { family: DOC, form: "q18.3 markdown properties YOUR_ placeholders", file: "README.md", text: "2. an application.properties must be provided in the server/src/main/resources/ \n```\nspring.datasource.url=YOUR_DATABASE_URL\nspring.datasource.username=YOUR_DATABASE_USERNAME\nspring.datasource.password=YOUR_DATABASE_PASSWORD\nspring.datasource.driver-class-name=org.postgresql.Driver\n\nplaceKeyApi=YOUR_PLACEKEY_API_KEY\nPlaceKeyUrl=https://api.placekey.io/v1/placekey\n```\n", rule: None },
    // index 31192042058
    Case { family: DOC, form: "q18.4 markdown indented properties empty h2 password", file: "README.md", text: "\t### Datasource for Test Case persistence\n\tspring.h2.console.enabled=true\n\tspring.datasource.username=sa\n\tspring.datasource.password=\n\tspring.datasource.driverClassName=org.h2.Driver\n\tspring.datasource.url=jdbc:h2:mem:selenium_harness\n", rule: None },
    // index 2472488
    Case { family: DOC, form: "q18.5 markdown estonian properties block password literal", file: "doc/INSTALLATION.md", text: "```properites\nsoap.security-server=http://10.0.13.198\nsoap.xroad-instance=ee-dev\n\nspring.datasource.url=jdbc:postgresql://localhost:5432/dhx_adapter\nspring.datasource.username=dhxuser\nspring.datasource.password={W}\nspring.datasource.driver-class-name=org.postgresql.Driver\n```\n", rule: Some("generic-password") },
    // index 20407224833
    Case { family: DOC, form: "q18.6 markdown properties yourpassword placeholder", file: "README.md", text: "4. Configure your database settings in `src/main/resources/application.properties`:\n    ```properties\n    spring.datasource.url=jdbc:postgresql://localhost:5432/yourdatabase\n    spring.datasource.username=yourusername\n    spring.datasource.password=yourpassword\n    ```\n", rule: None },
    // ---------------------------------------------------------------- q19 `aws_secret_access_key`
    // index 17637090109
    Case { family: JS, form: "q19.1 ts sfn client credentials env or constants", file: "test/step-functions.test.ts", text: "      credentials: {\n        accessKeyId:\n          process.env.AWS_ACCESS_KEY_ID ||\n          StepFunctionConstants.AWS_ACCESS_KEY_ID,\n        secretAccessKey:\n          process.env.AWS_SECRET_ACCESS_KEY ||\n          StepFunctionConstants.AWS_SECRET_ACCESS_KEY,\n        sessionToken: process.env.AWS_SESSION_TOKEN || \"local\",\n      },\n", rule: None },
    // index 71652673519
    Case { family: PY, form: "q19.2 python boto3 client kwargs from required_vars", file: "scripts/upload_roof.py", text: "    return boto3.client(\n        's3',\n        endpoint_url=required_vars['CLOUDFLARE_R2_ENDPOINT'],\n        aws_access_key_id=required_vars['CLOUDFLARE_R2_ACCESS_KEY_ID'],\n        aws_secret_access_key=required_vars['CLOUDFLARE_R2_SECRET'],\n        region_name='auto',\n    )\n", rule: None },
    // index 45896348824
    Case { family: JS, form: "q19.3 js ses client credentials from process.env", file: "scripts/verify-email.js", text: "const ses = new SESClient({\n    region: process.env.AWS_REGION || 'us-east-1',\n    credentials: {\n        accessKeyId: process.env.AWS_ACCESS_KEY_ID,\n        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,\n        sessionToken: process.env.AWS_SESSION_TOKEN\n    },\n", rule: None },
    // index 36380227804
    Case { family: RUBY, form: "q19.4 ruby carrierwave aws_credentials from rails secrets", file: "config/initializers/carrierwave.rb", text: "  config.aws_authenticated_url_expiration = 60 * 60 * 24 * 7\n\n  config.aws_credentials = {\n      access_key_id:     Rails.application.secrets.aws_access_key_id,\n      secret_access_key: Rails.application.secrets.aws_secret_access_key,\n      region:            Rails.application.secrets.aws_region\n  }\n", rule: None },
    // index 8613700729
    Case { family: DOC, form: "q19.5 markdown github secrets list YOUR_ACTUAL placeholders", file: "docs/AWS_SETUP.md", text: "Add these secrets (replace with your actual values):\n\n```\nAWS_ACCESS_KEY_ID = YOUR_ACTUAL_ACCESS_KEY\nAWS_SECRET_ACCESS_KEY = YOUR_ACTUAL_SECRET_KEY\nAWS_ACCOUNT_ID = YOUR_ACTUAL_ACCOUNT_ID\nDB_PASSWORD = YOUR_DATABASE_PASSWORD\nSECRET_KEY = YOUR_DJANGO_SECRET_KEY\nDB_NAME = codingal_db\n```\n", rule: None },
    // index 3827824
    Case { family: DOC, form: "q19.6 markdown shell aws configure set from variables", file: "README.md", text: "      export ENDPOINT=\"http://127.0.0.1:4566\"\n      export BUCKET=\"demo\"\n      export REGION=theshire\n      aws configure set aws_access_key_id ${ACCESS_KEY} && aws configure set aws_secret_access_key ${SECRET_KEY}\n      aws configure set region ${REGION}\n", rule: None },
    // ---------------------------------------------------------------- q20 `openai.api_key`
    // index 17478851987
    Case { family: PY, form: "q20.1 python openai.api_key = os.getenv in function", file: "app.py", text: "# -- OpenAI call -------------------------------------------------------------\ndef prompt_to_mermaid(desc: str, sys_msg: str, temp: float, model_name: str) -> str:\n    openai.api_key = os.getenv(\"OPENAI_API_KEY\")\n    \n    # Enhanced prompt with more specific instructions\n    enhanced_desc = f\"\"\"\n", rule: None },
    // index 47732901572
    Case { family: PY, form: "q20.2 python streamlit key check then os.getenv", file: "app.py", text: "if not os.getenv(\"OPENAI_API_KEY\"):\n    st.error(\"Cle API OpenAI non trouvee. Veuillez creer un fichier .env avec votre cle API.\")\n    st.info(\"Copiez le contenu de env_example.txt vers un fichier .env et ajoutez votre vraie cle API.\")\n    st.stop()\n\n# Configuration OpenAI\nopenai.api_key = os.getenv(\"OPENAI_API_KEY\")\n", rule: None },
    // index 5948376347
    Case { family: PY, form: "q20.3 python fastapi API_KEY getenv commented assignment", file: "main.py", text: "load_dotenv()\n\nAPI_KEY = os.getenv(\"OPENAI_API_KEY\") \n\nif not API_KEY:\n    raise RuntimeError(\"OPENAI_API_KEY not found. Please check your .env file.\")\n\n# Set the OpenAI API key\n#openai.api_key = API_KEY\n", rule: None },
    // index 35978015837
    Case { family: PY, form: "q20.4 python openai.api_key YOUR_KEY_HERE placeholder", file: "classify.py", text: "import openai\nimport os\nimport csv\nimport time\n\n#from dotenv import load_dotenv, find_dotenv\n#_ = load_dotenv(find_dotenv()) # read local .env file\n\nopenai.api_key  = 'YOUR_KEY_HERE'\n\n\n\ndef get_completion(prompt, model=\"gpt-4\"):\n", rule: None },
    // index 23781746972
    Case { family: PY, form: "q20.5 python japanese comment openai.api_key getenv", file: "query_expander.py", text: "import openai\nimport os\n\n# 環境変数からAPIキーを読み込み（app.pyで設定済みであればスキップ可）\nopenai.api_key = os.getenv(\"OPENAI_API_KEY\")\n\ndef expand_reserve_query(user_input, session_history):\n", rule: None },
    // index 30067073822
    Case { family: PY, form: "q20.6 python decouple config('APIKEY')", file: "bot/ia.py", text: "import pytz\nfrom decouple import config\nimport openai\n\nopenai.api_key = config('APIKEY')\n\n\ndef interpretar_mensagem(mensagem_usuario):\n", rule: None },
    // ---------------------------------------------------------------- q21 `JWT_SECRET`
    // index 71655159052
    Case { family: DOC, form: "q21.1 markdown spanish deploy check 401 JWT_SECRET", file: "docs/DESPLIEGUE.md", text: "3. Crea una cuenta -> debe entrar al Home. Si las llamadas fallan, abre la consola\n   del navegador: un error de CORS apunta a §7, un 401 apunta al `JWT_SECRET` de las\n   funciones.\n4. Explora un tema, agregalo y repasa una tarjeta.\n", rule: None },
    // index 10998940717
    Case { family: JS, form: "q21.2 ts generateToken jwtSecret from env guard", file: "src/services/auth.service.ts", text: "export const generateToken = (user: IUser): string => {\n  const jwtSecret = process.env.JWT_SECRET;\n  if (!jwtSecret) {\n    throw new Error('A variavel de ambiente JWT_SECRET nao esta definida.');\n  }\n\n  const payload = { id: user._id, email: user.email };\n  return jwt.sign(payload, jwtSecret, { expiresIn: '30d' });\n};\n", rule: None },
    // index 58673329147
    Case { family: JS, form: "q21.3 js middleware jwt.verify process.env.JWT_SECRET", file: "middleware/auth.js", text: "function verifyToken(req, res, next) {\n  const header = req.headers.authorization;\n  if (!header || !header.startsWith('Bearer ')) {\n    return res.status(401).json({ error: 'Unauthorized. Token missing.' });\n  }\n  try {\n    req.user = jwt.verify(header.split(' ')[1], process.env.JWT_SECRET);\n    next();\n", rule: None },
    // index 32579582617
    Case { family: JS, form: "q21.4 ts nest Joi validation schema JWT_SECRET", file: "apps/auth/src/auth.module.ts", text: "    ConfigModule.forRoot({\n      isGlobal: true,\n      envFilePath: 'apps/auth/.env',\n      validationSchema: Joi.object({\n        PORT: Joi.number().default(3001),\n        MONGODB_URI: Joi.string().uri().required(),\n        JWT_SECRET: Joi.string().required(),\n        JWT_EXPIRES_IN: Joi.string().default('3600s'),\n      }),\n    }),\n", rule: None },
    // index 63285545962
    Case { family: PY, form: "q21.5 python hmac with settings.jwt_secret_key", file: "app/routers/oauth.py", text: "    payload = user_id if not return_url else f\"{user_id}|{return_url}\"\n    sig = hmac.new(\n        settings.jwt_secret_key.encode(), payload.encode(), hashlib.sha256\n    ).hexdigest()[:32]\n    return f\"{payload}.{sig}\"\n", rule: None },
    // index 55399818907
    Case { family: JS, form: "q21.6 ts const JWT_SECRET env or literal fallback", file: "server/auth.ts", text: "import bcrypt from \"bcryptjs\";\nimport jwt from \"jsonwebtoken\";\nimport { Request, Response, NextFunction } from \"express\";\n\nconst JWT_SECRET = process.env.JWT_SECRET || \"{C}\";\n\nexport interface TokenPayload {\n  userId: string;\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- q22 `SECRET_KEY = `
    // index 31607472970
    Case { family: PY, form: "q22.1 python django settings obfuscated marker value", file: "postfix_adapter/settings/production.py", text: "from postfix_adapter.settings.common import *\n\n# SECURITY WARNING: keep the secret key used in production secret!\nSECRET_KEY = '___OBFUSCATED_FOR_MIRRORING___'\n\n# SECURITY WARNING: don't run with debug turned on in production!\nDEBUG = False\n", rule: None },
    // index 39722761990
    Case { family: C, form: "q22.2 c config parser strdup secret_key value", file: "src/config.c", text: "  else if (!strcmp(var, \"access_key\"))\n    {\n      ctx->access_key = strdup(value);\n      if (NULL == ctx->access_key)\n        return -1;\n    }\n  else if (!strcmp(var, \"secret_key\"))\n    {\n      ctx->secret_key = strdup(value);\n      if (NULL == ctx->secret_key)\n        return -1;\n    }\n", rule: None },
    // index 23375701225
    Case { family: PY, form: "q22.3 python class init self.secret_key = param", file: "security/auth.py", text: "class AuthenticationManager:\n    \"\"\"Secure authentication and session management.\"\"\"\n\n    def __init__(self, secret_key: str, session_timeout_hours: int = 24):\n        self.secret_key = secret_key\n        self.session_timeout_hours = session_timeout_hours\n        self.active_sessions: Dict[str, SessionData] = {}\n", rule: None },
    // index 7712634880
    Case { family: PHP, form: "q22.4 php $aws_secret_key literal amazon product api", file: "similar.php", text: "<?php\n\n\n\n// Your AWS Secret Key corresponding to the above ID, as taken from the AWS Your Account page\n\n$aws_secret_key = \"{AWSS}\";\n\n\n\n// The region you are interested in\n\n$endpoint = \"webservices.amazon.com\";\n\n\n\n$uri = \"/onca/xml\";\n", rule: Some("aws-secret-access-key") },
    // index 71655278545
    Case { family: PY, form: "q22.5 python SECRET_KEY getenv literal default", file: "config.py", text: "# ---------------------------------------------------------------------------\n# Flask\n# ---------------------------------------------------------------------------\nSECRET_KEY = os.getenv(\"SECRET_KEY\", \"{C}\")\nDEBUG = os.getenv(\"FLASK_DEBUG\", \"True\").lower() == \"true\"\nHOST = \"0.0.0.0\"\nPORT = 5000\n", rule: Some("generic-secret") },
    // index 47500341580
    Case { family: JAVA, form: "q22.6 java dev profile SECRET_KEY = \"secret\" word", file: "src/main/java/com/example/security/JwtUtil.java", text: "@Profile(\"dev\")\n@Component\npublic class JwtUtil {\n    private final String SECRET_KEY = \"secret\";\n\n    public String generateToken(UserDetails userDetails) {\n        return Jwts.builder()\n                .setSubject(userDetails.getUsername())\n", rule: None },
    // ---------------------------------------------------------------- q23 `apiKey: "`
    // index 49798500986
    Case { family: JS, form: "q23.1 js module firebaseConfig apiKey", file: "js/upload.js", text: "import { getAuth, signInWithEmailAndPassword } from \"https://www.gstatic.com/firebasejs/10.14.0/firebase-auth.js\";\n\n// Your web app's Firebase configuration\nconst firebaseConfig = {\n  apiKey: \"{GAK}\",\n  authDomain: \"login-70e58.firebaseapp.com\",\n  databaseURL: \"https://login-70e58-default-rtdb.firebaseio.com\",\n  projectId: \"login-70e58\",\n  storageBucket: \"login-70e58.appspot.com\",\n  messagingSenderId: \"271490799577\",\n", rule: Some("google-api-key") },
    // index 8613283286
    Case { family: JS, form: "q23.2 html inline module firebaseConfig apiKey", file: "dashboard.html", text: "        import { getAuth, onAuthStateChanged } from \"https://www.gstatic.com/firebasejs/10.13.1/firebase-auth.js\";\n\n        // Firebase configuration\n        const firebaseConfig = {\n            apiKey: \"{GAK}\",\n            authDomain: \"logins-13661.firebaseapp.com\",\n            databaseURL: \"https://logins-13661-default-rtdb.firebaseio.com\",\n            projectId: \"logins-13661\",\n            storageBucket: \"logins-13661.appspot.com\",\n", rule: Some("google-api-key") },
    // index 25242491441
    Case { family: JS, form: "q23.3 js firebaseConfig your-api-key-here placeholders", file: "src/firebase.js", text: "// Firebase configuration\nconst firebaseConfig = {\n  // These should be replaced with actual Firebase project credentials\n  apiKey: \"your-api-key-here\",\n  authDomain: \"your-project.firebaseapp.com\",\n  projectId: \"your-project-id\",\n  storageBucket: \"your-project.appspot.com\",\n  messagingSenderId: \"123456789\",\n  appId: \"your-app-id\"\n};\n", rule: None },
    // index 33646101671
    Case { family: JS, form: "q23.4 js node firebase config object apiKey", file: "server.js", text: "let store = require('store');\nlet firebase = require(\"firebase\");\n\nlet config = {\n    apiKey: \"{GAK}\",\n    authDomain: \"dashboard-epitech-7167a.firebaseapp.com\",\n    databaseURL: \"https://dashboard-epitech-7167a.firebaseio.com\",\n    projectId: \"dashboard-epitech-7167a\",\n    storageBucket: \"dashboard-epitech-7167a.appspot.com\",\n", rule: Some("google-api-key") },
    // index 71654550941
    Case { family: JS, form: "q23.5 tsx useState form empty apiKey and password", file: "src/components/GluetunSettings.tsx", text: "  const [form, setForm] = useState({\n    displayName: \"Gluetun\",\n    baseUrl: \"http://gluetun:8000\",\n    authMode: \"api_key\" as \"none\" | \"api_key\" | \"basic\",\n    tlsVerify: true,\n    requestTimeoutSeconds: 15,\n    apiKey: \"\",\n    username: \"\",\n    password: \"\",\n    saveCredential: false\n  });\n", rule: None },
    // index 41695343426
    Case { family: JS, form: "q23.6 react native var firebaseConfig apiKey", file: "App.js", text: "import HomeScreen from './Screens/homeScreen';\nimport * as firebase from 'firebase';\n\nvar firebaseConfig = {\n  apiKey: \"{GAK}\",\n  authDomain: \"social-app-a0f46.firebaseapp.com\",\n  databaseURL: \"https://social-app-a0f46.firebaseio.com\",\n  projectId: \"social-app-a0f46\",\n  storageBucket: \"social-app-a0f46.appspot.com\",\n  messagingSenderId: \"668057381690\",\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- q24 `private_token`
    // index 57443119695
    Case { family: JS, form: "q24.1 js frozen enum auth type names", file: "src/constants.js", text: "export const DEFAULTS = Object.freeze({\n  timeout: '30s',\n});\n\nexport const AUTH_TYPES = Object.freeze({\n  PRIVATE_TOKEN: 'private_token',\n  X_AUTH_TOKEN: 'x_auth_token',\n});\n", rule: None },
    // index 20794540725
    Case { family: PHP, form: "q24.2 php gitlab url private_token= from settings", file: "Classes/Service/GitLabService.php", text: "\tprotected function getGitLabApiResponse($command, $method = 'GET', array $arguments = array(), array $files = array(), array $server = array(), $content = NULL) {\n\t\treturn json_decode(\n\t\t\t$this->browser->request(\n\t\t\t\t$this->settings['git']['url'] . $command . (strpos($command, '?') ? '&' : '?') . 'private_token=' . $this->settings['git']['privateToken'],\n\t\t\t\t$method,\n", rule: None },
    // index 40813280415
    Case { family: PY, form: "q24.3 python import token from private_token module", file: "bot.py", text: "from private_token import token\nfrom random import randrange\nimport discord\nimport requests\nimport json\n\ncodeforces_problems = requests.get(\"https://codeforces.com/api/problemset.problems\").json()\n", rule: None },
    // index 68882606190
    Case { family: R, form: "q24.4 r compose url private_token parameter", file: "R/compose_url.R", text: "compose_url_gitlab <- function(path, token = NULL)\n{\n  compose_url(\n    protocol = \"https\", \n    domain_name = \"gitlab.com\", \n    path = path,\n    parameters = if (is.null(token)) {\n      list()\n    } else {\n      list(private_token = token)\n    }\n  )\n}\n", rule: None },
    // index 30376406835
    Case { family: PY, form: "q24.5 python gitlab client token from env", file: "ci/review_mr.py", text: "    mr_iid = os.environ[\"CI_MERGE_REQUEST_IID\"]\n    # Try GITLAB_TOKEN first, fallback to CI_JOB_TOKEN\n    gitlab_token = os.getenv(\"GITLAB_TOKEN\") or os.environ[\"CI_JOB_TOKEN\"]\n    source_branch = os.environ[\"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME\"]\n\n    gl = gitlab.Gitlab(gitlab_url, private_token=gitlab_token)\n    project = gl.projects.get(project_id)\n", rule: None },
    // index 9048782430
    Case { family: PY, form: "q24.6 python gitlab private_token=os.getenv", file: "gitlab_utils.py", text: "def auth_gitlab():\n    gl = None\n    try:\n        gl = gitlab.Gitlab(url=os.getenv('GITLAB_URL'), private_token=os.getenv('GITLAB_PERSONAL_TOKEN'))\n        gl.auth()\n        \n    except gitlab.GitlabAuthenticationError as e:\n", rule: None },
    // ---------------------------------------------------------------- q25 `passphrase`
    // index 71655310529
    Case { family: NIX, form: "q25.1 nix hardware config comment data pool passphrase", file: "hosts/nas/hardware-configuration.nix", text: "  # Root filesystem stays on its own small, unencrypted boot SSD/NVMe -\n  # deliberately NOT the ZFS data pool, so the OS always boots and comes up\n  # on the network without needing the data pool's passphrase (see zfs.nix).\n  fileSystems.\"/\" =\n    { device = \"/dev/disk/by-uuid/{UUID}\";\n      fsType = \"ext4\";\n    };\n", rule: None },
    // index 55609099874
    Case { family: DOC, form: "q25.2 markdown peers setup same realm passphrase", file: "README.md", text: "## Peers\n\nFor two or more hosts on the same LAN:\n\n1. Run `./setup.sh` on each host.\n2. Use the same realm name and the same realm passphrase/key on every host.\n3. Add each other host as a seed peer. Use just `<hostname-or-ip>` for the\n   normal same-realm default port.\n", rule: None },
    // index 37230170714
    Case { family: JS, form: "q25.3 js soroban contract call networkPassphrase constant", file: "src/components/Borrow.jsx", text: "        const contract = new Contract(TOKENS.BLEND.address);\n        const result = await contract.call(\n          sorobanServer,\n          'balance',\n          [nativeToScVal(pubKey, { type: 'address' })],\n          { networkPassphrase: Networks.TESTNET }\n        );\n", rule: None },
    // index 10308286214
    Case { family: SHELL, form: "q25.4 shell wpa_passphrase from config file", file: "wifi.sh", text: "\nbin/wpa_passphrase `cat config.txt | head -n1` `cat config.txt | tail -n1` > wpa_supplicant.conf\nkillall udhcpd\nifconfig ath0 0.0.0.0\niwconfig ath0 essid `cat config.txt | head -n1`\nbin/wpa_supplicant -B -Dwext -iath0 -cwpa_supplicant.conf\n", rule: None },
    // index 23256318194
    Case { family: KOTLIN, form: "q25.5 kotlin imports SsssPassphrase types", file: "matrix-sdk-android/src/main/java/im/vector/matrix/android/internal/crypto/secrets/DefaultSharedSecretStorageService.kt", text: "import im.vector.matrix.android.api.session.securestorage.KeySigner\nimport im.vector.matrix.android.api.session.securestorage.SsssKeySpec\nimport im.vector.matrix.android.api.session.securestorage.SsssPassphrase\nimport im.vector.matrix.android.api.session.securestorage.SecretStorageKeyContent\n", rule: None },
    // index 52182949094
    Case { family: PY, form: "q25.6 python finding dict recommendation passphrase policy", file: "checks/pcidss.py", text: "        \"severity_score\": 80,\n        \"severity_level\": \"High\",\n        \"resources_affected\": non_compliant,\n        \"recommendation\": \"Set min length to 12, require uppercase/lowercase/numbers/symbols, 90-day expiry, remember last 4 passwords. Consider passphrase policy (15+ chars) as an alternative.\",\n", rule: None },
    // ---------------------------------------------------------------- q26 `app_key`
    // index 28923484319
    Case { family: PY, form: "q26.1 python manual api key paste-here placeholder", file: "api/index.py", text: "# --- AI GEMINI (FIXED) ---\n# ISI API KEY ANDA DI SINI JIKA DI VERCEL MASIH ERROR\nAPI_KEY_MANUAL = \"TEMPEL_API_KEY_DISINI\" \n\nfinal_key = os.environ.get(\"GEMINI_APP_KEY\") or (API_KEY_MANUAL if \"AIza\" in API_KEY_MANUAL else None)\n\nif final_key:\n    genai.configure(api_key=final_key)\n", rule: None },
    // index 45539
    Case { family: PY, form: "q26.2 python pandas column name list mobile_app_key", file: "preprocess.py", text: "train = pd.read_csv('./data/training_set.csv')\n\nlog_column = ['rank', 'dt', 'cookie', 'ip', 'mobile_idfa', 'mobile_imei', 'mobile_android_id', \n\t      'mobile_openudid', 'mobile_mac', 'timestamps', 'camp_id', 'creativeid', 'mobile_os', \n\t      'mobile_type','mobile_app_key', 'mobile_app_name', 'placement_id', 'user_agent', \n\t      'media_id', 'os', 'born_time', 'flag']\n", rule: None },
    // index 71655347114
    Case { family: SHELL, form: "q26.3 powershell setup APP_KEY pattern then key:generate", file: "scripts/setup.ps1", text: "Say 'Installing PHP packages (composer install)'\nRun 'composer' @('install', '--no-interaction')\n\nif (-not (Select-String -Path '.env' -Pattern '^APP_KEY=base64:' -Quiet)) {\n    Run 'php' @('artisan', 'key:generate')\n}\n", rule: None },
    // index 58939697294
    Case { family: DOC, form: "q26.4 markdown manifest meta-data YOUR_TAPSELL_APP_KEY", file: "docs/ads/tapsell.md", text: "## 2. Configure the app id\n\nAdd your Tapsell app key to the manifest `<application>`:\n\n```xml\n<meta-data android:name=\"TAPSELL_APP_KEY\" android:value=\"YOUR_TAPSELL_APP_KEY\" />\n```\n", rule: None },
    // index 49802462639
    Case { family: DOC, form: "q26.5 markdown terraform plan vars from cat files", file: "README.md", text: "```bash\n    terraform plan -out terraform.tfplan \\\n        -var \"my_ip=$(curl -s ifconfig.co)\" \\\n        -var \"ssh_public_key=$(cat tbdevops.pub)\" \\\n        -var \"dd_api_key=$(cat dd-api-key)\" \\\n        -var \"dd_app_key=$(cat dd-app-key)\" \\\n        -var \"dd_external_id=$(cat dd-external-id)\"\n```\n", rule: None },
    // index 19055631554
    Case { family: PHP, form: "q26.6 php factory name app_key value Str::random", file: "database/factories/ApiKeyFactory.php", text: "class ApiKeyFactory extends Factory\n{\n    public function definition()\n    {\n        return [\n            'name' => 'app_key',\n            'value' => Str::random(200)\n        ];\n    }\n}\n", rule: None },
    // ---------------------------------------------------------------- q27 `x-access-token`
    // index 60222057844
    Case { family: PY, form: "q27.1 python askpass script username x-access-token env token", file: "scripts/publish.py", text: "        with os.fdopen(fd, \"w\", encoding=\"utf-8\") as handle:\n            handle.write(\n                \"#!/bin/sh\\n\"\n                \"case \\\"$1\\\" in\\n\"\n                \"  *sername*) printf '%s\\\\n' \\\"x-access-token\\\" ;;\\n\"\n                \"  *) printf '%s\\\\n' \\\"$JEPE_GITHUB_TOKEN\\\" ;;\\n\"\n                \"esac\\n\"\n            )\n", rule: None },
    // index 54362499889
    Case { family: GO, form: "q27.2 go sensitive header name map", file: "internal/middleware/logging.go", text: "func isSensitiveHeader(header string) bool {\n\tsensitiveHeaders := map[string]bool{\n\t\t\"Authorization\":       true,\n\t\t\"Cookie\":              true,\n\t\t\"X-CSRF-Token\":        true,\n\t\t\"X-API-Key\":           true,\n\t\t\"X-Access-Token\":      true,\n\t\t\"Proxy-Authorization\": true,\n\t}\n\treturn sensitiveHeaders[header]\n}\n", rule: None },
    // index 22241544214
    Case { family: JS, form: "q27.3 js commented token lookup chain", file: "middleware/validateToken.js", text: "// const validateToken = (req, res, next) => {\n\t\n// \tconst token = req.body.token || req.query.token || req.headers['x-access-token'] || req.cookies['access-token'];\n// \tif (!token) {\n// \t\treturn res.status(403).send(\" A token is required for authentication\");\n// \t}\n", rule: None },
    // index 7782134314
    Case { family: PY, form: "q27.4 python git push url with interpolated pat", file: "bot.py", text: "        subprocess.run([\"git\", \"add\", \"announcements_seen.json\"], check=True)\n        subprocess.run([\"git\", \"commit\", \"-m\", \"Update announcements_seen.json\"], check=True)\n        subprocess.run([\"git\", \"push\", f\"https://x-access-token:{pat}@github.com/Minhoooong/PKNU_Notice_Bot.git\"], check=True)\n        logging.info(\"Successfully pushed changes to GitHub.\")\n", rule: None },
    // index 30409294594
    Case { family: JS, form: "q27.5 js express header checks x-access-token", file: "routes/users.js", text: "function validateAccess(req, res, next){\n\tconsole.log(req.headers);\n\tif (!req.headers['x-access-token'] || !req.headers['x-user-id'] || !req.headers['x-app-id']){\n\t\tapi.response(res, 401);\n\t}else{\n", rule: None },
    // index 45287419864
    Case { family: JS, form: "q27.6 vue axios header from localStorage", file: "src/views/Profile.vue", text: "  mounted() {\n    axios\n      .get(`/api/user/${this.$route.params.username}`, {\n        headers: {\n          'x-access-token': window.localStorage.getItem('x-access-token'),\n        },\n      })\n", rule: None },
    // ---------------------------------------------------------------- q28 `stringData:`
    // index 26247609434
    Case { family: DOC, form: "q28.1 markdown k8s secret stringData xxx placeholders", file: "docs/ARCHITECTURE.md", text: "### Secret Management\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: kairoflow-secrets\n  namespace: kairoflow\ntype: Opaque\nstringData:\n  database-url: \"postgresql://user:pass@postgres:5432/kairoflow\"\n  redis-url: \"redis://:password@redis:6379/0\"\n  gitlab-token: \"glpat-xxxxxxxxxxxxxxxxxxxx\"\n  slack-token: \"xoxb-xxxxxxxxxxxxxxxxxxxx\"\n  clockify-key: \"xxxxxxxxxxxxxxxxxxxxxxxxxx\"\n  encryption-key: \"base64:xxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n", rule: None },
    // index 62288959484
    Case { family: DOC, form: "q28.2 markdown helm secret stringData template url", file: "docs/model-serving.md", text: "```yaml\n# From helm/templates/anythingllm-secret.yaml\nstringData:\n  LOCAL_AI_BASE_PATH: \"http://{{ .Values.model.name }}-predictor.{{ .Release.Namespace }}.svc.cluster.local:8080/v1\"\n```\n", rule: None },
    // index 35414958989
    Case { family: GO, form: "q28.3 go table test QueryStringData field", file: "pkg/sbdb/sbdb_test.go", text: "\t\t{\n\t\t\tbaseUrl:         baseUrl,\n\t\t\tname:            \"SBs returned, no error occurs\",\n\t\t\targs:            SmallBodyOptions{},\n\t\t\tgetterData:      new(http.Response),\n\t\t\tgetterErr:       nil,\n\t\t\tQueryStringData: \"test query string data\",\n\t\t\twantErr:         false,\n", rule: None },
    // index 17087181284
    Case { family: GO, form: "q28.4 go operator secret StringData from password variable", file: "controllers/tenant_controller.go", text: "\tdata := make(map[string]string)\n\tdata[\"DBPassword\"] = password\n\n\tsec := corev1.Secret{\n\t\tTypeMeta: metav1.TypeMeta{APIVersion: corev1.SchemeGroupVersion.String(), Kind: \"Secret\"},\n\t\tObjectMeta: metav1.ObjectMeta{\n\t\t\tName:      \"db-secret\",\n\t\t\tNamespace: tenant.Namespace,\n\t\t},\n\t\tStringData: data,\n\t\tType:       \"generic\",\n\t}\n", rule: None },
    // index 71533894349
    Case { family: DOC, form: "q28.5 markdown k8s secret stringData pkcs8 block scalar", file: "docs/dkim-setup.md", text: "### 2) Kubernetes Secret 주입\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: messaging-dkim-secret\n  namespace: production\ntype: Opaque\nstringData:\n  DKIM_PRIVATE_KEY: |\n    {PKH}\n    {PK8BODY}\n    {PKE}\n```\n", rule: Some("private-key-pkcs8") },
    // index 53768213939
    Case { family: RUST, form: "q28.6 rust trait AltStringData doc", file: "src/altrep.rs", text: "/// Trait for types that can back an ALTSTRING vector.\n///\n/// Note: `elt` returns a `&str` which will be converted to CHARSXP.\npub trait AltStringData: AltrepLen {\n    /// Get the string element at index `i`.\n    fn elt(&self, i: usize) -> Option<&str>;\n", rule: None },
    // ---------------------------------------------------------------- q29 `MYSQL_PASSWORD`
    // index 48142138358
    Case { family: PY, form: "q29.1 python flask app.config MYSQL_PASSWORD literal", file: "app.py", text: "app = Flask(__name__)\n\n# MYSQL CONNECTION\napp.config['MYSQL_HOST'] = 'localhost'\napp.config['MYSQL_USER'] = 'Jin'\napp.config['MYSQL_PASSWORD'] = '{W}'\napp.config['MYSQL_DB'] = 'h2o'\nmysql = MySQL(app)\n", rule: Some("generic-password") },
    // index 2104913
    Case { family: GO, form: "q29.2 go env var templates {{.Password}}", file: "internal/templates/templates.go", text: "\t\tEnvVars: map[string]string{\n\t\t\t\"DATABASE_URL\":  \"mysql://root:{{.Password}}@{{.Service}}:3306/mysql\",\n\t\t\t\"MYSQL_HOST\":    \"{{.Service}}\",\n\t\t\t\"MYSQL_PORT\":    \"3306\",\n\t\t\t\"MYSQL_USER\":    \"root\",\n\t\t\t\"MYSQL_PASSWORD\": \"{{.Password}}\",\n\t\t},\n\t\tSecretKeys:     []string{\"MYSQL_ROOT_PASSWORD\"},\n", rule: None },
    // index 39972570248
    Case { family: SHELL, form: "q29.3 shell mysqladmin -p from variable", file: "startup.sh", text: "    # wait for mysql\n    echo \"Waiting for MySQL connection\"\n    while ! mysqladmin ping -h\"mysql\" -u\"${MYSQL_USER}\" -p\"${MYSQL_PASSWORD}\" --silent; do\n      sleep 1\n    done\n", rule: None },
    // index 71646597893
    Case { family: SHELL, form: "q29.4 bash key name array for bitwarden sync", file: "scripts/env-from-bitwarden.sh", text: "ENV_FILE=\"$ROOT/.env\"\nITEM_NAME=\"mon-store-exo\"\nKEYS=(\n  MYSQL_ROOT_PASSWORD\n  MYSQL_DATABASE\n  MYSQL_USER\n  MYSQL_PASSWORD\n  JWT_SECRET\n)\n", rule: None },
    // index 32293396433
    Case { family: PY, form: "q29.5 python mysql connect kwargs from getenv", file: "db.py", text: "def getConnection():\n    return mysql.connector.connect(\n        host = os.getenv('MYSQL_HOST'),\n        user = os.getenv('MYSQL_USER'),\n        password = os.getenv('MYSQL_PASSWORD'),\n        database = os.getenv('MYSQL_DB')\n    )\n", rule: None },
    // index 60431538773
    Case { family: JS, form: "q29.6 js list of FAKE_ env names", file: "test/fixtures/fake-env.js", text: "    'FAKE_RUN_ID',\n    'FAKE_RUN_SECRET',\n    'FAKE_MYSQL_PASSWORD',\n    'FAKE_REDIS_PASSWORD',\n    'FAKE_COOKIE_VALUE',\n    'FAKE_BEARER_TOKEN',\n", rule: None },
    // ---------------------------------------------------------------- q30 `bot_token`
    // index 54565154044
    Case { family: PY, form: "q30.1 python frozen dataclass telegram_bot_token: str", file: "videogram/config.py", text: "@dataclass(frozen=True)\nclass Settings:\n    telegram_bot_token: str\n    download_dir: str = \"/tmp/videogram-downloads\"\n    max_download_mb: int = 48\n    min_free_disk_percent: float = 5.0\n    log_level: str = \"INFO\"\n", rule: None },
    // index 27315817819
    Case { family: DOC, form: "q30.2 markdown env block your_bot_token_here", file: "README.md", text: "4. Configure your environment variables in `.env`:\n```\nBOT_TOKEN=your_bot_token_here\nADMIN_USERNAME=your_telegram_username\nADMIN_CHAT_ID=your_chat_id\nPORT=3000\nNODE_ENV=development\n```\n", rule: None },
    // index 103714
    Case { family: PY, form: "q30.3 python import BOT_TOKEN from common", file: "bot/main.py", text: "import traceback\nimport re\n\nfrom common import AOT_TOKEN, BOT_TOKEN\nfrom common.constants import *\nfrom common.functions import *\n\nimport logging\n", rule: None },
    // index 60278746309
    Case { family: PY, form: "q30.4 python settings field empty token with docstring", file: "app/config.py", text: "    # =========================================================================\n    # Telegram alerts (notification task)\n    # =========================================================================\n    telegram_bot_token: str = \"\"\n    \"\"\"Telegram Bot API token. Empty -> Telegram alerts disabled (log-only).\"\"\"\n\n    telegram_chat_id: str = \"\"\n", rule: None },
    // index 56707596934
    Case { family: PY, form: "q30.5 python pydantic settings optional tokens None", file: "app/settings.py", text: "    HH_CLIENT_SECRET: str | None = None\n    HH_ACCESS_TOKEN: str | None = None\n\n    LLM_TIMEOUT: int = 600\n\n    TELEGRAM_BOT_TOKEN: str | None = None\n\n    class Config:\n        env_file = \".env\"\n", rule: None },
    // index 40613719264
    Case { family: PY, form: "q30.6 python telebot token from environ", file: "main.py", text: "load_dotenv(\".env\")\n\nTOKEN = environ.get(\"BOT_TOKEN\")\nbot = telebot.TeleBot(TOKEN)\n\n\n@bot.message_handler(func=lambda message: True)\ndef echo_all(message):\n", rule: None },
    // ---------------------------------------------------------------- q31 `REDIS_PASSWORD`
    // index 52115463075
    Case { family: DOC, form: "q31.1 markdown korean env block DB_PASSWORD literal", file: "README.md", text: "# 데이터베이스 설정\nDB_HOST=127.0.0.1\nDB_PORT=5432\nDB_DATABASE=dify\nDB_USERNAME=dify_admin\nDB_PASSWORD={W}\n\n# Redis 설정\nREDIS_HOST=127.0.0.1\nREDIS_PORT=6379\nREDIS_DB=0\nREDIS_PASSWORD=  # Redis 비밀번호, 없으면 비워 둠\n```\n", rule: Some("generic-password") },
    // index 10432005510
    Case { family: ENV, form: "q31.2 env example mongodb url with password", file: ".env.example", text: "MONGODB_URL=mongodb://mongodb:{UW}@mongodb:27017/instaintelli?authSource=admin\nMONGODB_DATABASE=instaintelli\nMONGODB_POSTS_COLLECTION=posts\n\n# ============================================\n# REDIS\n# ============================================\nREDIS_HOST=redis\nREDIS_PORT=6379\nREDIS_PASSWORD=\nREDIS_DB=0\nREDIS_URL=redis://redis:6379/0\n", rule: Some("mongodb-url-password") },
    // index 519150
    Case { family: JS, form: "q31.3 ts ioredis options from config fields", file: "src/infrastructure/cache/RedisCacheService.ts", text: "  constructor(config: RedisConfig) {\n    this.client = new Redis({\n      host: config.REDIS_HOST,\n      port: config.REDIS_PORT,\n      password: config.REDIS_PASSWORD,\n      db: config.REDIS_DB,\n", rule: None },
    // index 71650051770
    Case { family: GO, form: "q31.4 go test redis client password from getenv", file: "internal/cache/redis_test.go", text: "\taddr := os.Getenv(\"IOT_TEST_REDIS_ADDR\")\n\tif addr == \"\" {\n\t\tt.Skip(\"IOT_TEST_REDIS_ADDR is not configured\")\n\t}\n\tctx := context.Background()\n\tclient := NewClient(Options{Addr: addr, Password: os.Getenv(\"IOT_TEST_REDIS_PASSWORD\")})\n\tdefer client.Close()\n", rule: None },
    // index 58527694290
    Case { family: SHELL, form: "q31.5 bash test heredoc env REDIS_PASSWORD fixture value", file: "deploy/test_push.sh", text: "write_valid_environment() {\n  local destination=\"$1\"\n  local sentinel=\"$2\"\n  cat > \"$destination\" <<ENV\nTEST_SECRET_SENTINEL=${sentinel}\nREDIS_PASSWORD={W}\nMAIL_DELIVERY_MODE=smtp\nSMTP_HOST=smtp\nSMTP_PORT=25\nSMTP_USERNAME=\nSMTP_PASSWORD=\n", rule: Some("generic-password") },
    // index 63154979940
    Case { family: PY, form: "q31.6 python test env setdefault test values", file: "tests/test_dev_entrypoint.py", text: "_ENV_KEYS = (\"DEVCAKE_RUN_ID\", \"REDIS_URL\", \"REDIS_USER\", \"REDIS_PASSWORD\")\n_saved = {k: os.environ.get(k) for k in _ENV_KEYS}\nos.environ.setdefault(\"DEVCAKE_RUN_ID\", \"T-1-1-EXECUTE-AAAAAA\")\nos.environ.setdefault(\"REDIS_URL\", \"redis://localhost:6399/0\")\nos.environ.setdefault(\"REDIS_USER\", \"test\")\nos.environ.setdefault(\"REDIS_PASSWORD\", \"test\")\n", rule: None },
    // ---------------------------------------------------------------- q32 `"apiKey":`
    // index 53139569274
    Case { family: JS, form: "q32.1 ts deno fetch headers apikey constant", file: "supabase/functions/prazos-alerts/index.ts", text: "    try {\n      await fetch(`${EVOLUTION_API_URL}/message/sendText/${instanceName}`, {\n        method: \"POST\",\n        headers: { \"Content-Type\": \"application/json\", \"apikey\": EVOLUTION_API_KEY },\n        body: JSON.stringify({ number: phone, text: message }),\n      });\n", rule: None },
    // index 71653498254
    Case { family: PY, form: "q32.2 python supabase headers from service_role_key param", file: "app/storage/supabase.py", text: "        self.base_url = f\"{parsed.scheme}://{parsed.netloc}\"\n        self.headers = {\n            \"apikey\": service_role_key,\n            \"Authorization\": f\"Bearer {service_role_key}\",\n        }\n", rule: None },
    // index 55315982664
    Case { family: PY, form: "q32.3 python requests params apiKey from getenv", file: "src/odds.py", text: "    api_key = os.getenv(\"ODDS_API_KEY\")\n\n    if not api_key:\n        raise ValueError(\"Missing ODDS_API_KEY. Add your API key first.\")\n\n    url = \"https://api.the-odds-api.com/v4/sports/baseball_mlb/events\"\n\n    params = {\n        \"apiKey\": api_key\n    }\n", rule: None },
    // index 66581463969
    Case { family: PY, form: "q32.4 python newsapi params apiKey constant", file: "sources/news.py", text: "        try:\n            resp = requests.get(\n                f\"{NEWSAPI_BASE}/top-headlines\",\n                params={\"country\": NEWS_API_COUNTRY, \"pageSize\": 20, \"apiKey\": NEWS_API_KEY},\n                timeout=10,\n            )\n", rule: None },
    // index 2162934
    Case { family: JAVA, form: "q32.5 java switch case security scheme type apiKey", file: "src/main/java/net/thevpc/nuts/toolbox/ndoc/OpenApiMarkdown.java", text: "                String type = ee.getValue().asObject().getString(\"type\");\n                switch (type) {\n                    case \"apiKey\": {\n                        all.add(MdFactory.title(4, ee.getKey() + \" (Api Key)\"));\n", rule: None },
    // index 57651835554
    Case { family: PY, form: "q32.6 python httpx headers apikey from settings", file: "app/auth.py", text: "            resp = httpx.get(\n                f\"{settings.supabase_url}/auth/v1/user\",\n                headers={\n                    \"Authorization\": f\"Bearer {token}\",\n                    \"apikey\": settings.supabase_secret_key,\n                },\n                timeout=10,\n            )\n", rule: None },
    // ---------------------------------------------------------------- q33 `jdbc:`
    // index 12542
    Case { family: JAVA, form: "q33.1 java test hikari config connectionString without credentials", file: "src/test/java/ortus/boxlang/runtime/config/DatasourceConfigTest.java", text: "\t@Test\n\tvoid testItCanGenerateHikariConfig() {\n\t\tDatasourceConfig\tdatasource\t\t= new DatasourceConfig( Key.of( \"Foo\" ), Struct.of(\n\t\t    \"connectionString\", \"jdbc:postgresql://localhost:5432/foo\"\n\t\t) );\n\t\tHikariConfig\t\thikariConfig\t= datasource.toHikariConfig();\n", rule: None },
    // index 44576869532
    Case { family: JAVA, form: "q33.2 java constants URL USER empty PASSWORD", file: "src/main/java/com/mycompany/mavenproject1/DatabaseConnection.java", text: "public class DatabaseConnection {\n    private static final String URL = \"jdbc:mysql://localhost:3306/toko_kasir\";\n    private static final String USER = \"root\";\n    private static final String PASSWORD = \"\";\n    \n    private static Connection connection = null;\n", rule: None },
    // index 12595242857
    Case { family: JAVA, form: "q33.3 java getConnection empty password argument", file: "src/model/Doctor.java", text: "\t\tConnection con=null;\n\t\ttry\n\t\t{\n\t\t\tClass.forName(\"com.mysql.jdbc.Driver\");\n\t\t\tcon = DriverManager.getConnection(\"jdbc:mysql://127.0.0.1:3306/newdb\", \"root\", \"\"); \n\t\t\tSystem.out.print(\"Successfully connected\"); \n", rule: None },
    // index 18965867432
    Case { family: JAVA, form: "q33.4 java local String password literal", file: "src/main/java/cn/msss/App.java", text: "    public static void main( String[] args )\n    {\n        //1.连接数据库的四要素\n        String driver=\"com.mysql.jdbc.Driver\";\n        String url=\"jdbc:mysql://localhost:3306/texts\";\n        String userName=\"MTP\";\n        String password=\"{W}\";\n\n        //2.创建JDBC的 API\n        Connection con=null;\n", rule: Some("generic-password") },
    // index 38205206852
    Case { family: JAVA, form: "q33.5 java test derby in-memory datasource", file: "src/test/java/cz/muni/fi/pv168/MediumManagerImplTest.java", text: "    private static DataSource prepareDataSource() throws SQLException {\n        BasicDataSource ds = new BasicDataSource();\n        //we will use in memory database\n        ds.setUrl(\"jdbc:derby:memory:EvidenceManagerTests;create=true\");        \n        return ds;\n    }\n", rule: None },
    // index 53197897217
    Case { family: JAVA, form: "q33.6 java test writes env DB_URL without credentials", file: "src/test/java/config/EnvironmentConfigTest.java", text: "      // Given: .env has custom DB_URL\n      Path envFile = tempDir.resolve(\".env\");\n      Files.writeString(envFile, \"DB_URL=jdbc:postgresql://custom-host:9999/custom_db\\n\");\n\n      // When\n      EnvironmentConfig config = new EnvironmentConfig(tempDir);\n", rule: None },
    // ================================================================ stage 2 (positives only)
    // ---------------------------------------------------------------- p1 `authenticate_with_token("`: none of 10 held a literal
    // ---------------------------------------------------------------- p2 `ENV API_KEY`: none of 10 held a literal
    // ---------------------------------------------------------------- p3 `variable "db_password"`
    // index 9564113203
    Case { family: HCL, form: "p3.1 terraform variable db_password default literal", file: "variables.tf", text: "variable \"db_user\" {\n  description = \"RDS DB username\"\n  default = \"ecs\"\n}\n\nvariable \"db_password\" {\n  description = \"RDS DB password\"\n  default = \"{W}\"\n}\n\nvariable \"wp_title\" {\n  description = \"Wordpress title\"\n  default = \"My Wordpress on Elastic Container Service\"\n}\n", rule: Some("generic-password") },
    // index 51977700223
    Case { family: HCL, form: "p3.2 terraform variable db_password default after db_user", file: "variables.tf", text: "variable \"db_user\" {\n  description = \"Postgres DB User\"\n  default     = \"ecommerce_user\"\n}\n\nvariable \"db_password\" {\n  description = \"Postgres DB Password\"\n  default     = \"{W}\"\n}\n\nvariable \"db_name\" {\n  description = \"Postgres Database Name\"\n  default     = \"ecommerce\"\n}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `api_key = "`
    // index 71655300366
    Case { family: PY, form: "p4.1 python smoke test local api_key literal", file: "scripts/verify_m4.py", text: "async def run_m4_verification() -> None:\n    print(\"=\" * 80)\n    print(\"PRism Milestone 4: End-to-End Verification & Smoke Test\")\n    print(\"=\" * 80)\n\n    api_key = \"{K}\"\n\n    with tempfile.TemporaryDirectory() as tmp_dir:\n        review_db = str(Path(tmp_dir) / \"reviews.db\")\n", rule: Some("generic-api-key") },
    // index 26933361126
    Case { family: JS, form: "p4.2 react const API_KEY openweather hex key", file: "src/components/Hero.jsx", text: "const Hero = () => {\n  const [weatherData, setWeatherData] = useState(null);\n  const [loading, setLoading] = useState(true);\n  const API_KEY = \"{OWM}\"; // Replace with your API key\n  const CITY = \"Phnom Penh\";\n\n  useEffect(() => {\n    const fetchWeather = async () => {\n      try {\n        const response = await fetch(\n          `https://api.openweathermap.org/data/2.5/weather?q=${CITY}&appid=${API_KEY}&units=metric`\n", rule: Some("openweather-api-key") },
    // index 1495671
    Case { family: JS, form: "p4.3 js controller const API_KEY hex key", file: "Controllers/gamesController.js", text: "const { default: axios } = require(\"axios\");\nconst gameServices = require(\"../Services/gamesServices\");\n\nconst API_KEY = \"{KH}\";\nlet retrievedGames = null;\n\n// GET MOST POPULAR GAMES (DEFAULT FOR SHOWING)\nconst popularGames = async (req, res) => {\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p5 `token: "`: none of 10 held a literal (x, test-access-token, tok-xyz, a lock owner tag)
    // ---------------------------------------------------------------- p6 `_PASSWORD: "`
    // index 56196527332
    Case { family: JS, form: "p6.1 ts vitest schema parse with password literals", file: "src/lib/schemas.test.ts", text: "describe(\"26.2e - Schema ChangeTempPassword\", () => {\n  it(\"schema valido\", () => {\n    expect(ChangeTempPasswordSchema.safeParse({ temp_password: \"{W}\", new_password: \"{W}\" }).success).toBe(true);\n  });\n", rule: Some("generic-password") },
    // index 66676378522
    Case { family: JS, form: "p6.2 ts settings DEFAULTS admin_password literal", file: "src/settings.ts", text: "const DEFAULTS: SettingsBundle = {\n  global: {\n    base_url: \"\",\n    log_level: \"INFO\",\n    image_mode: \"url\",\n    admin_username: \"admin\",\n    admin_password: \"{W}\",\n    image_cache_max_size_mb: 512,\n    video_cache_max_size_mb: 1024,\n  },\n  grok: {\n    api_key: \"\",\n    proxy_url: \"\",\n", rule: Some("generic-password") },
    // index 43384956727
    Case { family: COMPOSE, form: "p6.3 speckle server compose POSTGRES_PASSWORD quoted", file: "docker-compose.yml", text: "      # TODO: Change this to a unique secret for this server\n      SESSION_SECRET: \"TODO:ReplaceWithLongString\"\n\n      STRATEGY_LOCAL: \"true\"\n      DEBUG: \"speckle:*\"\n\n      POSTGRES_URL: \"postgres\"\n      POSTGRES_USER: \"speckle\"\n      POSTGRES_PASSWORD: \"{W}\"\n      POSTGRES_DB: \"speckle\"\n      ENABLE_MP: \"false\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p7 `OPENAI_API_KEY"] = `
    // index 42471993276
    Case { family: PY, form: "p7.1 python os.environ OPENAI_API_KEY literal sk- proxy key", file: "code_review.py", text: "from langchain_openai import ChatOpenAI\nfrom langchain_core.messages import HumanMessage, SystemMessage\nfrom langchain_community.document_loaders import TextLoader\n\nos.environ[\"OPENAI_API_KEY\"] = \"{SKX}\"\nos.environ[\"OPENAI_BASE_URL\"] = \"https://api.chatanywhere.tech\"\n\nmodel = ChatOpenAI(model=\"gpt-4o-mini\")\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p8 `BEGIN OPENSSH PRIVATE KEY`
    // index 53249811088
    Case { family: RUST, form: "p8.1 rust test raw string openssh private key", file: "tests/debug_key_parse.rs", text: "use base64::Engine;\n\n#[test]\nfn debug_rsa_key_parse() {\n    let pem_content = r#\"{OSSHH}\n{OK1}\n{OK2}\n{OK3}\n{OSSHE}\n\"#;\n", rule: Some("private-key-openssh") },
    // index 41793644803
    Case { family: JS, form: "p8.2 js test openssh private key built by concatenation", file: "test/rsa.test.js", text: "    test('RSA encrpyt test', () => {\n\n        // UNFINISHED\n\n        let private_key = \n\"{OSSHH}\\n\" +\n\"{OK1}\\n\" +\n\"{OK2}\\n\" +\n\"{OK3}\\n\" +\n\"{OSSHE}\\n\";\n", rule: Some("private-key-openssh") },
    // index 60853253728
    Case { family: GO, form: "p8.3 go test table aws key fixture beside bare key headers", file: "internal/scan/scan_test.go", text: "func TestScan(t *testing.T) {\n\tt.Run(\"여섯 패턴을 잡습니다\", func(t *testing.T) {\n\t\tcases := []struct {\n\t\t\trule  string\n\t\t\tinput string\n\t\t}{\n\t\t\t{\"private-key\", \"{RSAH}\"},\n\t\t\t{\"private-key\", \"{OSSHH}\"},\n\t\t\t{\"aws-access-key\", \"aws_key = {AKIA}\"},\n", rule: Some("aws-access-key-id") },
    // ---------------------------------------------------------------- p9 `sk-proj-`
    // index 39925194250
    Case { family: JS, form: "p9.1 js const API_KEY openai project key", file: "script.js", text: "const API_KEY = '{OAIP}';\nconst submitButton= document.querySelector(\"#submit\");\nconst output = document.querySelector(\"#output\");\nconst input = document.querySelector(\"input\");\n", rule: Some("openai-project-key") },
    // index 15816595
    Case { family: PY, form: "p9.2 python key inside triple-quoted disabled block", file: "transcribe.py", text: "from openai import OpenAI\nimport os\nimport json\nimport torch\n\n'''\nOPENAI_API_KEY = \"{OAIP}\"\nclient = OpenAI(api_key=OPENAI_API_KEY)\n\naudio_file= open(\"data/speakers/q.mp3\", \"rb\")\n", rule: Some("openai-project-key") },
    // index 55077161890
    Case { family: PY, form: "p9.3 python parametrize data env line with project key", file: "tests/test_planned_action.py", text: "@pytest.mark.parametrize(\n    \"data\",\n    [\n        \"OPENAI_API_KEY={OAIP}\",\n        \"2026-07-21T09:15:00Z ERROR memory_write failed: connection reset\",\n        \"Memory write failed and is retrying because the backend is unavailable.\",\n    ],\n)\n", rule: Some("openai-project-key") },
    // ---------------------------------------------------------------- p10 `mongodb+srv://`
    // index 71669049354
    Case { family: PY, form: "p10.1 python pymongo uri with password", file: "upload.py", text: "import json\nfrom pymongo import MongoClient\n\nuri = \"mongodb+srv://EEIoT_newbie:{UW}@cluster0.xolr95j.mongodb.net/?retryWrites=true&w=majority&appName=Cluster0\"\nclient = MongoClient(uri)\n\ndb = client['EEIoT_newbie']\ncollection = db['frames']\n", rule: Some("mongodb-url-password") },
    // index 6729335379
    Case { family: JS, form: "p10.2 js mongoose.connect literal srv url", file: "controllers/dbController.js", text: "    } else if (database === 'db5') {\n        activeDB = process.env.MONGO_URI_5;\n    }\n\n    try {\n        await mongoose.connect(\"mongodb+srv://minh210801:{UW}@cluster-test-wnb.ia5floh.mongodb.net/new_database?retryWrites=true&w=majority\", {\n            useNewUrlParser: true,\n            useUnifiedTopology: true,\n        })\n", rule: Some("mongodb-url-password") },
    // index 32302323549
    Case { family: PY, form: "p10.3 python flask env uri then MongoClient literal url", file: "app.py", text: "app = Flask(__name__)\napp.config[\"MONGO_URI\"] = os.getenv(\"MONGO_URI\") + \"&ssl=true\"\nmongo = PyMongo(app)  # Initialisiert die Verbindung\nprint(f\"Mongo URI: {os.getenv('MONGO_URI')}\")\nclient = MongoClient('mongodb+srv://floki:{UW}@taxinovak.dmqd4.mongodb.net/')\nprint(client.list_database_names())\n", rule: Some("mongodb-url-password") },
    // ---------------------------------------------------------------- p11 `client_secret: `
    // index 24204813378
    Case { family: JS, form: "p11.1 js oauth validation post body client_secret literal", file: "middleware/oauth.js", text: "        const validationUrl = 'https://olympus.epsevg.upc.edu/oauth2/validation';\n        const postData = {\n            token: token,\n            username: username,\n            scope: scopes,\n            client_id: 'client-testing-01',\n            client_secret: '{C}'\n        };\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p12 `ENV DB_PASSWORD`
    // index 24366209098
    Case { family: DOCKER, form: "p12.1 dockerfile ENV DB_PASSWORD= literal", file: "Dockerfile", text: "FROM eclipse-temurin:17-jdk\n\nWORKDIR /app\nCOPY target/myProject-0.0.1-SNAPSHOT.jar app.jar\nEXPOSE 8080\nENV DB_HOST=database\nENV DB_PORT=5432\nENV DB_NAME=chief\nENV DB_USER=chief\nENV DB_PASSWORD={W}\nENV SPRING_PROFILES_ACTIVE=docker\nENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]\n", rule: Some("generic-password") },
    // index 56917452703
    Case { family: SHELL, form: "p12.2 shell set_env with :- default password", file: "docker/entrypoint.sh", text: "set_env DB_CONNECTION \"${DB_CONNECTION:-mysql}\"\nset_env DB_HOST \"${DB_HOST:-mariadb}\"\nset_env DB_PORT \"${DB_PORT:-3306}\"\nset_env DB_DATABASE \"${DB_DATABASE:-vector}\"\nset_env DB_USERNAME \"${DB_USERNAME:-vector}\"\nset_env DB_PASSWORD \"${DB_PASSWORD:-{W}}\"\nset_env CACHE_STORE \"${CACHE_STORE:-redis}\"\n", rule: Some("generic-password") },
    // index 35012696368
    Case { family: DOCKER, form: "p12.3 dockerfile ENV block password after comment", file: "Dockerfile", text: "# Expose the port the app runs on - CONTAINER_PORT\nEXPOSE 4000 5000 6000\n\n# Define environment variables\n# Modificar archivo : pg_hba.conf en la carpeta /var/lib/postgresql/data/pg_hba.conf\nENV DB_USER=postgres\nENV DB_PASSWORD={W}\nENV DB_HOST=192.168.1.22\nENV DB_PORT=5432\nENV DB_DATABASE=nodepg\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p13 `access_token = "`
    // index 44662951099
    Case { family: PY, form: "p13.1 python class attribute twitter access_token literal", file: "config.py", text: "    def dbApiConfig(self):\n        # return db configuration\n        return self.dbconfig\n\n\n    #twitter api configuration\n    access_token = \"{TWAT}\"\n    \n    twitter_config = {\n                   'consumer_key' : consumer_key,\n                   'consumer_secret': consumer_secret,\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p14 `HUGGINGFACEHUB_API_TOKEN`: none of 10 held a literal
    // ---------------------------------------------------------------- p16 `SpeckleClient(`
    // index 44375978573
    Case { family: PY, form: "p16.1 python specklepy module constant token then authenticate", file: "main.py", text: "from specklepy.transports.server import ServerTransport\n\n# Define global variables\nHOST = \"https://app.speckle.systems/\"\nAUTHENTICATION_TOKEN = \"{S}\"\nSTREAM_ID = \"99bdf924fb\"\nBRANCH_NAME = \"2843\"\n\n# Setting up SpeckleClient and authenticating\nclient = SpeckleClient(host=HOST)\nclient.authenticate_with_token(token=AUTHENTICATION_TOKEN)\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- p15 `passwd = `
    // index 39244183969
    Case { family: OTHER, form: "p15.1 vba module settings str_passwd literal", file: "src/hndl_performance_output.bas", text: "    str_file_prefix = \"performance-inbound\"\n    str_file_name_separator = \"-\"\n    str_file_appendix = \".xlsm\"\n    STR_TMPL_FILE_APPENDIX = \"tmpl\"\n    str_passwd = \"{W}\"\n    \n    STR_APP_MODULE_NAME = \"hndl_performance_output\"\n", rule: Some("generic-password") },
    // index 33300791239
    Case { family: R, form: "p15.2 r send.mail smtp list passwd literal", file: "daily_report.R", text: "  subject = paste(\"Daily Trading update\", Sys.Date(),\"\"),\n  smtp = list(host.name = \"smtp.gmail.com\",\n              port = 465,\n              user.name = \"throwawayhor@gmail.com\",\n              passwd = \"{W}\",\n              ssl = T),\n  authenticate = T,  send = T,\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p17 `redis://:`
    // index 12857073
    Case { family: DOC, form: "p17.1 markdown config cheat sheet redis url with password", file: "docs/content/administration/config-cheat-sheet.en-us.md", text: "- `INTERVAL`: **60**: Garbage Collection interval (sec), for memory and twoqueue cache only.\n- `HOST`: **\\<empty\\>**: Connection string for `redis` and `memcache`. For `twoqueue` sets configuration for the queue.\n  - Redis: `redis://:{UW}@127.0.0.1:6379/0?pool_size=100&idle_timeout=180s`\n  - Memcache: `127.0.0.1:9090;127.0.0.1:9091`\n", rule: Some("redis-url-password") },
    // index 11153210298
    Case { family: JS, form: "p17.2 ts env or literal redis url fallback", file: "src/lib/query-memory.ts", text: "// Redis client singleton\nlet redisClient: ReturnType<typeof createClient> | null = null;\n\nasync function getRedisClient() {\n  if (!redisClient) {\n    const redisUrl = process.env.REDIS_URL || 'redis://:{UW}@localhost:6379';\n    \n    try {\n      redisClient = createClient({ url: redisUrl });\n", rule: Some("redis-url-password") },
    // index 71653103313
    Case { family: JS, form: "p17.3 js redaction test row url password only", file: "test/redact.test.js", text: "  ['URL password only', 'redis://:{UW}@cache.local:6379', ['{UW}']],\n  ['signal token', `x-buddy-token ${'3f'.repeat(32)}`, ['3f3f3f3f3f3f']],\n  ['email', 'mail jane.doe+x@example.co.uk', ['jane.doe', 'example.co.uk']],\n", rule: Some("redis-url-password") },
    // ---------------------------------------------------------------- p19 `SPECKLE_TOKEN=`: none of 10 held a literal (your-token, ..., xxx, PALCEHOLDER, <personal access token>)
    // ---------------------------------------------------------------- p18 `AIza`
    // index 70524
    Case { family: JS, form: "p18.1 jsx iframe maps embed url key= google key", file: "src/components/AVMPanel.jsx", text: "                        loading=\"lazy\"\n                        allowFullScreen\n                        referrerPolicy=\"no-referrer-when-downgrade\"\n                        src={`https://www.google.com/maps/embed/v1/streetview?key={GAK}&location=${encodeURIComponent(address)}&heading=0&pitch=0&fov=90`}\n                    />\n", rule: Some("google-api-key") },
    // index 35970829164
    Case { family: JS, form: "p18.2 js firebaseConfig first line apiKey", file: "js/firebase-config.js", text: "const firebaseConfig = {\n  apiKey: \"{GAK}\",\n  authDomain: \"respuestas-a0c38.firebaseapp.com\",\n  databaseURL: \"https://respuestas-a0c38-default-rtdb.firebaseio.com\",\n  projectId: \"respuestas-a0c38\",\n  storageBucket: \"respuestas-a0c38.appspot.com\",\n  messagingSenderId: \"694006707121\",\n", rule: Some("google-api-key") },
    // index 28743724854
    Case { family: PHP, form: "p18.3 php curl geocode url with key=", file: "app/Http/Controllers/ExternalController.php", text: "class ExternalController extends Controller {\n    public function getAddress( $lat, $long ) {\n\n        $curl = curl_init();\n        curl_setopt_array( $curl, array(\n            CURLOPT_URL => 'https://maps.googleapis.com/maps/api/geocode/json?latlng='.$lat.','.$long.'&key={GAK}',\n            CURLOPT_RETURNTRANSFER => true,\n", rule: Some("google-api-key") },
];

#[test]
fn held_aside_real3() {
    SET.measure("real3", CASES, 31013, 60, 170);
}
