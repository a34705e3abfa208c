//! Sixth held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet, in code nobody tuned on). The five
//! earlier real-code sets (`heldout_real` to `heldout_real5`) have been measured and may be
//! tuned on, so this set, with new queries, measures code nobody has looked at for tuning. It
//! follows the fifth set's procedure and measuring test (the shared
//! [`super::blind_harness`]), spread over the languages and file kinds users write: Python,
//! JS/TS, Go, Java, Kotlin, C#, Ruby, PHP, Rust, Swift, Dart, Elixir, Scala, shell,
//! PowerShell, CI systems (GitHub Actions, GitLab CI, Jenkinsfile, Drone, Buildkite, Azure
//! Pipelines), Kubernetes/Kustomize, Ansible, Terraform/Pulumi, Dockerfiles and Compose,
//! `.env` samples, properties and other config files, XML configs, notebooks, Markdown, SQL,
//! HTTP tool exports and `.http` files, and the Speckle and Spell SDKs.
//!
//! Written blind on 2026-12-07: the engine (`src/context/` other than the earlier real-code
//! sets 3 to 5 as the model, `blind_harness.rs` and the `Case`/`fill` helpers of
//! `heldout_fresh2.rs`), `src/scan/` other than `checksum.rs`, docs/context-rules.md, the
//! rule bodies (other than their ids) and the probe tables were not read; the miss lists of
//! the earlier sets were not read.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. Stage 1 queries (exact strings, case-insensitive), in this order: `SpeckleApiClient`,
//!    `SPELL_OWNER`, `HTTPBasicAuth(`, `nodemailer.createTransport`,
//!    `oauth2.StaticTokenSource(`, `new PasswordAuthentication(`, `Credentials.basic(`,
//!    `new AzureKeyCredential(`, `Octokit::Client.new(`, `new PDO(`,
//!    `HeaderValue::from_static(`, `forHTTPHeaderField: "Authorization"`,
//!    `static const String apiKey`, `secret_key_base:`, `play.http.secret.key`,
//!    `ConvertTo-SecureString`, `docker login -u`, `CI_REGISTRY_PASSWORD`,
//!    `withCredentials([`, `from_secret:`, `BUILDKITE_AGENT_TOKEN`, `secretGenerator:`,
//!    `mysql_user:`, `administrator_login_password`, `RABBITMQ_DEFAULT_PASS`, `SMTP_PASS=`,
//!    `sasl.jaas.config`, `connectionString="`, `userdata.get(`, `Authorization: Basic `,
//!    `CREATE ROLE`, `ARG NPM_TOKEN`. None of them is a query of the five earlier real-code
//!    sets. Each is sent once to the public-code string index (`find_string`, context 300
//!    characters); the first 4 usable excerpts are taken in the order returned, whatever
//!    their label. An excerpt is unusable only when it is not source or config text (binary,
//!    minified blob, lock file) or repeats an excerpt already taken. Cases are named
//!    `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, so that about a quarter of the cases are positives),
//!    all fixed before any stage-2 result is read, in this order: `speckle_token: `,
//!    `spell_token = `, `"pass": "`, `ConvertTo-SecureString "`, `mysql -uroot -p`,
//!    `User Id=`, `sk-or-v1-`, `glpat-`, `xapp-`, `sk.eyJ`, `eyJhbGciOiJIUzI1NiIs`,
//!    `sqlserver://`, `api_token: "`, `SECRET_KEY_BASE=`, `clientSecret: "`,
//!    `"Authorization": "Basic `, `--token=`, `<apiKey>`, `TF_TOKEN_`,
//!    `discord.com/api/webhooks/`. From each, only the excerpts that hold a literal
//!    credential by the labelling rules below are taken, the first 3 in the order returned
//!    (an excerpt repeating one of an earlier real-code set or of stage 1 is skipped). This
//!    stage chooses by label, never by how hard a case looks. Cases are named
//!    `p<query>.<case>`.
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; an excerpt's first or
//!    last line cut by the window is dropped. The index gives no repository or path, so each
//!    case's comment gives the index id of its file (`read_file` with that id opens it) and
//!    the case's `file` is a plausible name for its language and kind.
//! 4. Labels, decided from the code before the scanner ever runs on it (the rules of the
//!    third to fifth sets):
//!    - a literal credential value (a real-looking key, token or password; a concrete default
//!      used when an environment variable is missing; a concrete fixture value in a test; a
//!      weak but concrete password such as `root` or `123456`) is POSITIVE. Its value is
//!      replaced by a value of the same kind generated at run time, and the case expects the
//!      rule a user would want: the provider rule when the value has a provider's shape, the
//!      URL rule for a password inside a connection URL, `connection-string-password` for an
//!      ADO.NET/JDBC-style `Password=` pair, the key-block rule for a private key block with
//!      key material, `jwt` for a JWT, `speckle-token` for a Speckle token, `spell-token` for
//!      a Spell token, else the generic rule by role (`generic-password`, `generic-api-key`,
//!      `generic-secret`, `generic-token`).
//!    - NEGATIVE: no literal at all (a variable, an environment or config lookup, a template
//!      `{{ .Values.x }}` or `${VAR}`, a type, a regex, prose, a list of names), an empty
//!      value, an elision (`...`, `****`), and a placeholder standing for a value the reader
//!      must supply (`<your-token>`, `YOUR_KEY_HERE`, `your_...`, `xxx` runs, change-me
//!      instructions, the bare words `password`, `secret`, `token`, `test`, `dummy`, `mock`,
//!      `placeholder` used as the value); a shipped, published default (RabbitMQ's
//!      `guest:guest`); a key header or stub without key material;
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
//! Stage 1: every query returned 10 excerpts; the first 4 were usable for every query (none
//! was binary, minified, a lock file or a repeat): 32 x 4 = 128 cases, 15 positives, 113
//! negatives. The SDK queries (`SpeckleApiClient`, `SPELL_OWNER`) returned only SDK code
//! without literals and games' spells; `userData.get(` returned map lookups, not Colab's
//! `userdata`; `CREATE ROLE` returned no role with a password: all kept as sampled, since
//! the procedure takes the first 4 whatever their label.
//!
//! Stage 2 (positives only, first 3 holding a literal, ranks among the 10 returned):
//! p1 `speckle_token: ` 0 (types, a `${{ secrets.SPECKLE_TOKEN }}` template); p2
//! `spell_token = ` 1 (rank 7, an xspell.ga token; rank 4 `sksp_envtoken`, a test's word
//! placeholder; the rest code and a token contract's address); p3 `"pass": "` 1 (rank 1;
//! the rest status maps, a template, an empty value); p4 `ConvertTo-SecureString "` 3
//! (ranks 1, 2, 4; rank 3 the elision `******`); p5 `mysql -uroot -p` 3 (ranks 1, 2, 4;
//! rank 3 prompts for the password); p6 `User Id=` 3 (ranks 1, 3, 4); p7 `sk-or-v1-` 3
//! (ranks 1, 5, 8; ranks 2, 6, 7 `sk-or-v1-...`/`your_key_here` fill-ins, 3 prose, 4 a
//! regex); p8 `glpat-` 0 (`xxx`, `glpat-test...`, regexes, `glpat-…`); p9 `xapp-` 0 (`x`,
//! `test`, `private`, `your-app-token-here`, elisions); p10 `sk.eyJ` 3 (ranks 2, 3, 4; rank
//! 1 an `xxx` placeholder); p11 `eyJhbGciOiJIUzI1NiIs` 1 (rank 10, a signing key; ranks 3,
//! 4, 7 Supabase anon keys and rank 6 jwt.io's published sample token are not secrets, ranks
//! 1 and 8 truncated two-part fragments, rank 2 a `payload.signature` fake, rank 9 cut by the
//! window); p12 `sqlserver://` 3 (ranks 2, 3, 4); p13 `api_token: "` 0 (`tok`, `token`,
//! `cf_token_123`, `shared-token`, `default`, `jira-token`, templates, empty values); p14
//! `SECRET_KEY_BASE=` 1 (rank 5; `precompile_placeholder`, fill-ins, empty values, a
//! `..._do_not_use_in_production_...` change-me value); p15 `clientSecret: "` 2 (ranks 5, 6;
//! the others empty, `foo`, `secret`, `cs_test_1`, `google-client-secret`, `gsecret`); p16
//! `"Authorization": "Basic ` 1 (rank 4; the others build the value from variables, `abc`,
//! `invalid`); p17 `--token=` 0 (variables, `xyz`, `XYZ`, `<your-token>`, `YOUR_TOKEN`); p18
//! `<apiKey>` 0 (types, usage strings, a regex); p19 `TF_TOKEN_` 0 (prose, commands,
//! variables); p20 `discord.com/api/webhooks/` 3 (ranks 3, 4, 6; rank 1 `xxxx`, 2 `...`, 5
//! a test's `1/abc`). Stage 2 gave 28 positives. Total: 156 cases, 43 positives, 113
//! negatives. By file kind: Markdown and docs 28 (9 positives), JavaScript/TypeScript 16
//! (7), Java 15 (5), Python 11 (2), Go 10 (2), shell 9 (3), C# 8 (3), CI configuration 7
//! (0), Ruby 5 (1), PHP 5 (0), Rust 5 (0), PowerShell 5 (0), Dart 4 (4), Swift 4 (0),
//! Dockerfiles 4 (1), Terraform 4 (1), Kotlin 3 (1), Elixir 3 (2), Scala 3 (0), XML 2 (0),
//! HTTP samples 2 (1), Kubernetes 1 (0), SQL 1 (0), other languages 1 (1).
//! Spell: no query returned a Spell or Speckle credential, so the set has no
//! `speckle-token` or `spell-token` case.
//!
//! Refinements made while sampling, before any scan of a case:
//! - values joining a role and the word password (`rootpassword`, `taskpassword`,
//!   `rootpass`, `hybridephp_pass`) are placeholders, as the fifth set's `testpassword`
//!   (q23.1, q23.3, q23.4); word fixtures such as `cf_token_123`, `sksp_envtoken`,
//!   `glpat-test` are placeholders; a fixture with a made-up but concrete value
//!   (`hop-secret` in a Go test, p3.1; a keyboard-mash client secret, p15.1) is a literal;
//! - weak concrete passwords are literals (positive): the `oc login` password `manage`
//!   (q17.3), `password1` (q22.3), a MySQL user's password equal to its user name (q23.3),
//!   `admin` (q25.2), `P@ssw0rd` and `Password123!` (p4.x), `root` and `123456` after
//!   `-p` (p5.1, p5.2), `1234`, `123`, `157748` (p6.1, p12.2, p12.3);
//! - a Basic credential (base64 of `user:password`) in an `Authorization` header, in a
//!   documented sample request (q30.1) or in code (p16.1), expects `generic-token` (the
//!   header's value, as a bearer value there would) and is written `{BASIC}`;
//! - Phoenix's `secret_key_base` (64 base64 characters, `{SKB}`) expects `generic-secret`
//!   (no rule id names Phoenix; q14.1, q14.2, p14.1); its LiveView signing salt is not a
//!   secret and is written at run time (`{SALT}`, q14.1);
//! - keys without a provider rule keep their shape and expect the generic rule by role:
//!   WeatherAPI's 31 hex (`{KH31}`, q13.1), TMDB's 32 hex (`{KH}`, q13.3), xspell's 32 hex
//!   token (`{TH32}`, p2.1), a 40-hex GitHub OAuth token (`{TH40}`, q9.4: the classic
//!   unprefixed shape, no `github-*` rule id names it); a JWT header used as an HMAC
//!   signing key is `generic-secret` (`{C}`, p11.1);
//! - JDBC `password=` and ADO.NET `Password=` pairs expect `connection-string-password`
//!   (p6.x, p12.1, p12.2); a separate `String password = "..."` expects `generic-password`
//!   (p12.3);
//! - where two literals stand on lines of their own, the other is trimmed away: the
//!   second Discord webhook (p20.1, p20.3), the `DB_PASS` and change-me `JWT_SECRET` lines
//!   (p7.2), the `accessCode` line (p15.2), a vless client id (p3.1), ARTEMIS's cut first
//!   line (q25.2); personal e-mail addresses are replaced by example ones (q6.1, q6.2,
//!   p15.2), a client id UUID is the non-secret `{UUID}` (p15.2);
//! - a Lua file is "other languages" (p20.1); Markdown with code blocks is "Markdown and
//!   docs" unless the block is an HTTP sample (q30.1, q30.3: "HTTP samples").
//!
//! Generator check (before the set was committed, each generator of this set alone in a
//! one-line `NAME=<value>` file scanned by the session-start binary, never a case; the
//! values drawn by a Python copy of the generators, same shapes): every provider shape was
//! reported by its rule (`{GAPI}`, `{ORK}`, `{MBSK}`, `{DWH}` as `VALUE=`); `{KH31}` under
//! `API_KEY=`, `{TH32}` and `{BASIC}` under `API_TOKEN=`/`TOKEN=` and `{SKB}` under
//! `SECRET=` were reported by their generic rules, while `{KH}` (32 hex, `API_KEY=`) and
//! `{TH40}` (40 hex, `API_TOKEN=`) were not. They are those values' real shapes, so none
//! was changed.
//!
//! # Measuring
//!
//! The shared harness ([`super::blind_harness`]): recall, precision, negatives quiet,
//! per-family lines, the missed and noisy forms, over the six generic rules and every rule
//! a case expects. For the shared shapes (`{S}` `{W}` `{K}` `{C}` `{T}`) the reported secret
//! must equal the value; for the shapes added here it must contain the value, or be a part
//! of it of at least 16 characters (a webhook rule may report the whole URL or its token).
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed or
//! a scan panics, never on low recall. Run it with:
//!
//! `cargo test --lib -- --exact --nocapture context::heldout_real6::held_aside_real6`

#![cfg(test)]

use super::blind_harness::{
    BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, LOWER, LOWER_DIGITS, URLSAFE,
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
const SWIFT: &str = "Swift";
const DART: &str = "Dart";
const ELIXIR: &str = "Elixir";
const SCALA: &str = "Scala";
const SHELL: &str = "shell scripts";
const PWSH: &str = "PowerShell";
const CI: &str = "CI configuration";
const K8S: &str = "Kubernetes and Kustomize";
const HCL: &str = "Terraform";
const DOCKER: &str = "Dockerfiles";
const XML: &str = "XML and ASP.NET markup";
const SQL: &str = "SQL";
const DOC: &str = "Markdown and docs";
const HTTP: &str = "HTTP samples";
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
    ("generic-api-key", &["{K}", "{KH}", "{KH31}"]),
    ("generic-secret", &["{C}", "{SKB}"]),
    ("generic-token", &["{T}", "{TH32}", "{TH40}", "{BASIC}"]),
    ("connection-string-password", &["{W}"]),
    ("openweather-api-key", &["{OWM}"]),
    ("google-api-key", &["{GAPI}"]),
    ("openrouter-api-key", &["{ORK}"]),
    ("mapbox-secret-token", &["{MBSK}"]),
    ("discord-webhook-url", &["{DWH}"]),
];

/// The shared generator's shapes, compared exactly as `heldout_fresh2::measure` does.
const SHARED: [&str; 5] = ["{S}", "{W}", "{K}", "{C}", "{T}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}", "{P}", "{W}", "{K}", "{C}", "{T}", "{NEWS}", "{DD}", "{OWM}", "{AV}", "{ETH}", "{HK}",
    "{KH}", "{KH31}", "{TH32}", "{TH40}", "{GAPI}", "{SKB}", "{BASIC}", "{ORK}", "{MBSK}", "{DWH}",
];

/// Every placeholder of this set and its value for one case's seed: the shared generator's
/// values first, then this set's shapes.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0006);
    let b64 = &base64::engine::general_purpose::STANDARD;
    let b64url = &base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let extra = [
        // Unprefixed hex keys and tokens: 32 and 31 hex keys, 32 and 40 hex tokens.
        ("{KH}", g.pick(HEX, 32)),
        ("{KH31}", g.pick(HEX, 31)),
        ("{TH32}", g.pick(HEX, 32)),
        ("{TH40}", g.pick(HEX, 40)),
        // A Google API key: `AIza` and 35 URL-safe characters.
        ("{GAPI}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        // Phoenix's secret_key_base: 64 base64 characters.
        ("{SKB}", g.pick(BASE64, 64)),
        // A Basic credential: base64 of `user:password`.
        ("{BASIC}", {
            let pair = format!("{}:{}", g.pick(LOWER, 8), g.pick(BASE62, 12));
            b64.encode(pair)
        }),
        // An OpenRouter key: `sk-or-v1-` and 64 hex.
        ("{ORK}", ["sk-or", "-v1-", &g.pick(HEX, 64)].concat()),
        // A Mapbox secret token: `sk.`, the base64url of `{"u":user,"a":id}`, `.`, 22
        // URL-safe characters.
        ("{MBSK}", {
            let claims = format!(
                "{{\"u\":\"{}\",\"a\":\"{}\"}}",
                g.pick(LOWER, 9),
                g.pick(LOWER_DIGITS, 25)
            );
            ["sk", ".", &b64url.encode(claims), ".", &g.pick(URLSAFE, 22)].concat()
        }),
        // A Discord webhook URL: the webhook's 19-digit id and its 68-character token.
        ("{DWH}", {
            [
                "https://discord.com/api/",
                "webhooks/",
                &g.pick(b"123456789", 1),
                &g.pick(DIGITS, 18),
                "/",
                &g.pick(URLSAFE, 68),
            ]
            .concat()
        }),
        // Not a secret: a LiveView signing salt.
        ("{SALT}", g.pick(BASE62, 16)),
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
    // ---------------------------------------------------------------- q1 `SpeckleApiClient`
    // index 31488901164
    Case { family: CSHARP, form: "q1.1 c# unity receiver SpeckleApiClient property", file: "Assets/UnityReceiver.cs", text: "using System.Reflection;\n\npublic class UnityReceiver : MonoBehaviour\n{\n\n    public SpeckleCore.SpeckleApiClient Client { get; set; }\n    public List<SpeckleCore.SpeckleObject> SpeckleObjects { get; set; }\n    public List<object> ConvertedObjects;\n", rule: None },
    // index 46968702488
    Case { family: CSHARP, form: "q1.2 c# revit receiver class doc and properties", file: "SpeckleRevit/RevitReceiver.cs", text: "namespace SpeckleRevit\n{\n  /// <summary>\n  /// Class that holds a rhino receiver client warpped around the\n  /// SpeckleApiClient.\n  /// </summary>\n  [Serializable]\n  public class RevitReceiver : ISpeckleClient\n  {\n    public Interop Context { get; set; }\n\n    public SpeckleApiClient Client { get; set; }\n\n    public List<SpeckleObject> Objects { get; set; }\n\n    public string StreamId { get; private set; }\n", rule: None },
    // index 22725527859
    Case { family: PY, form: "q1.3 python speckle login reads api token from a file", file: "speckle_utils.py", text: "def login_to_client_with_token_file(\n    client_url=None, token_file=None\n    ):\n    \"\"\"Function login_to_client_with_token_file\n    \"\"\"\n    # Check input\n    if not client_url:\n        return None, None\n    \n    if not token_file:\n        return None, None\n\n    # Define client\n    client = speckle.SpeckleApiClient(client_url)\n\n    # Read API token from file\n    with open(token_file, 'r') as read_this_file:\n        api_token = read_this_file.readlines()[0]\n    \n    # Login with token\n    login_status = client.login_with_token(api_token)\n\n    return client, login_status\n", rule: None },
    // index 41639815540
    Case { family: CSHARP, form: "q1.4 c# grasshopper sender client fields", file: "SpeckleGrasshopper/GhSenderClient.cs", text: "namespace SpeckleGrasshopper\n{\n    public class GhSenderClient : GH_Component, IGH_VariableParameterComponent\n    {\n        string streamId, clientId, baseUrl;\n        string Log { get; set; }\n        bool ready;\n\n        Action expireComponentAction;\n\n        SpeckleApiClient mySender;\n\n        public GhSenderClient()\n          : base(\"Data Sender\", \"Data Sender\",\n              \"Sends data to Speckle.\",\n              \"Speckle\", \"I/O\")\n        {\n        }\n", rule: None },
    // ---------------------------------------------------------------- q2 `SPELL_OWNER`
    // index 43144218393
    Case { family: JAVA, form: "q2.1 java game spell builder target selector SPELL_OWNER", file: "src/main/java/com/example/spells/NatureSpells.java", text: "    .spell(SpellBuilder.forEffect()\n        // マナスティール（2%/秒）\n        .onTick(PartBuilder.justAction(SpellAction.RESTORE_MANA.create(2D))\n            .addTarget(TargetSelector.SPELL_OWNER.create())\n            .tick(20D))\n        // 自然DoT\n        .onTick(PartBuilder.damage(SpellCalcs.ENTANGLING_THORNS_DOT, Elements.Nature)\n            .tick(20D))\n", rule: None },
    // index 31525973898
    Case { family: JS, form: "q2.2 js sequelize query spells by spell_owner", file: "controllers/character.js", text: "const spells = (req, res) => {\n  sequelize\n    .query(\"SELECT * FROM spells WHERE spell_owner=?\", {\n      replacements: [req.params.userid],\n    })\n    .then((resp) => {\n      res.status(200).send(resp[0]);\n    });\n};\n", rule: None },
    // index 59301793519
    Case { family: GO, form: "q2.3 go embedded sql counts catalog_spell_owners", file: "internal/catalog/stats.go", text: "\t\t\t(SELECT count(*) FROM catalog_spell_owners fact\n\t\t\t\tJOIN game_entity_versions version ON version.id=fact.spell_version_id AND version.build_id=$1\n\t\t\t\tJOIN game_entities entity ON entity.id=version.entity_id AND entity.product_id=(SELECT id FROM game_products WHERE slug=$2) AND entity.deleted_at IS NULL),\n", rule: None },
    // index 1322403288
    Case { family: RUBY, form: "q2.4 ruby spell sync service builds spell attributes", file: "app/services/sync_spells.rb", text: "  def call\n    get_spells.map.with_index do |spell, index|\n      build_spell(spell, index)\n    end\n  end\n\n  def build_spell(spell, index)\n    spell_owners = find_spell_owners(spell)\n    puts \"Syncing Skill [##{index.to_s.green}] - #{spell['name'].cyan}\"\n    {\n      spell_attributes: {\n        book_url: spell_owners&.first&.book_url,\n        cast_distance: spell[\"cast_distance\"],\n", rule: None },
    // ---------------------------------------------------------------- q3 `HTTPBasicAuth(`
    // index 18498577048
    Case { family: JS, form: "q3.1 ts generated api client basic auth from env", file: "src/welcome.ts", text: "import {DefaultApi, HttpBasicAuth} from './hsbc-api';\n\nconst HSBC_SERVICE_HOST = process.env.HSBC_SERVICE_HOST + \"/v1\";\nlet client = new DefaultApi(HSBC_SERVICE_HOST);\n\nconst HSBC_USER = process.env.HSBC_USER;\nconst HSBC_PASS = process.env.HSBC_PASS;\nlet auth = new HttpBasicAuth();\nauth.username = HSBC_USER;\nauth.password = HSBC_PASS;\nclient.setDefaultAuthentication(auth);\n", rule: None },
    // index 25680803443
    Case { family: PY, form: "q3.2 python jira client basic auth from credentials module", file: "jira_client.py", text: "    S1enabledArchiveId = credentials.S1enabledArchiveId\n    workSpaceId = credentials.workspaceID\n\n    def __init__(self):\n        super().__init__()\n        try:\n            self.jira = JIRA(server=self.server, basic_auth=(self.username, self.apiToken))\n            self.jiraAuth = HTTPBasicAuth(self.username, self.apiToken)\n        except Exception as e:\n            logger.error(f\"Can't Connect to JIRA. Error - {e}\")\n", rule: None },
    // index 3222538
    Case { family: PY, form: "q3.3 python ambari headers Authorization Basic word and auth variables", file: "collectors/ambari.py", text: "        headers = {'X-Requested-By' : 'ambari',\n                    'Authorization' : 'Basic',\n                    'Accept-Encoding': 'identity'\n                  }\n        # Retrieving Ambari config detail\n        response = requests.get(self.ambari_config_url, headers=headers, params=self.params_payload, stream=True, auth=HTTPBasicAuth(ambari_user, ambari_pass))\n        if response.status_code == 200:\n", rule: None },
    // index 45287078578
    Case { family: PY, form: "q3.4 python flask_httpauth get_password callback", file: "app/api/auth.py", text: "from flask_httpauth import HTTPBasicAuth\nfrom flask import abort, jsonify\nfrom . import api\nfrom ..exceptions import UserNotActivatedError\nfrom app.models.users import User\n\n# 用户登陆\nauth = HTTPBasicAuth()\n\n\n@auth.get_password\ndef get_password(username):\n    user = User.query.filter_by(UserName=str(username)).first_or_404()\n", rule: None },
    // ---------------------------------------------------------------- q4 `nodemailer.createTransport`
    // index 2708730
    Case { family: JS, form: "q4.1 ts mail service createTransport from options", file: "src/services/mail.service.ts", text: "    // createTransport\n    async createTransport(transporter_options: any): Promise<Transporter> {\n        const transporter = await nodemailer.createTransport(transporter_options)\n        return transporter\n    }\n", rule: None },
    // index 7872626745
    Case { family: JS, form: "q4.2 js nodemailer gmail auth from config json", file: "utils/sendMail.js", text: "const nodemailer = require('nodemailer');\nconst { EMAIL, PASS } = require('../config.json');\n\nmodule.exports = function sendMail(name, email, message){\n    var transporter = nodemailer.createTransport({\n        service: 'gmail',\n        auth: {\n          user: EMAIL,\n          pass: PASS\n        }\n      });\n", rule: None },
    // index 71655028785
    Case { family: JS, form: "q4.3 ts nodemailer transporter when smtp variables are set", file: "server/email.ts", text: "// Create nodemailer transporter if credentials are provided\nlet transporter: Transporter | null = null;\n\nif (smtpHost && smtpUser && smtpPass) {\n  transporter = nodemailer.createTransport({\n    host: smtpHost,\n    port: smtpPort,\n    secure: smtpSecure,\n    auth: {\n      user: smtpUser,\n      pass: smtpPass,\n    },\n  });\n}\n", rule: None },
    // index 24218866395
    Case { family: JS, form: "q4.4 ts next route gmail transporter from process.env", file: "app/api/submit/route.ts", text: "import { NextRequest, NextResponse } from \"next/server\";\nimport nodemailer from \"nodemailer\";\n\ninterface FormData {\n  email: string;\n  answers: { question: string; answer: string }[];\n}\n\n// Create Gmail transporter\nconst transporter = nodemailer.createTransport({\n  service: \"gmail\",\n  auth: {\n    user: process.env.GMAIL_USER,\n    pass: process.env.GMAIL_APP_PASSWORD,\n  },\n});\n", rule: None },
    // ---------------------------------------------------------------- q5 `oauth2.StaticTokenSource(`
    // index 30178315769
    Case { family: GO, form: "q5.1 go cobra serve command github token from config", file: "cmd/serve.go", text: "var serveCmd = &cobra.Command{\n\tUse:   \"serve\",\n\tShort: \"Server release tool\",\n\tRunE: func(cmd *cobra.Command, args []string) error {\n\t\tserverCfg.CircleClient = cfg.circleClient\n\t\tif cfg.githubToken != \"\" {\n\t\t\tctx := context.Background()\n\t\t\tts := oauth2.StaticTokenSource(\n\t\t\t\t&oauth2.Token{AccessToken: cfg.githubToken},\n\t\t\t)\n\t\t\ttc := oauth2.NewClient(ctx, ts)\n\t\t\tserverCfg.GithubClient = github.NewClient(tc)\n\t\t} else {\n\t\t\tserverCfg.GithubClient = github.NewClient(nil)\n\t\t}\n", rule: None },
    // index 11001129719
    Case { family: GO, form: "q5.2 go viper GITHUB_TOKEN into static token source", file: "main.go", text: "\tgithubToken := viper.GetString(\"GITHUB_TOKEN\")\n\tts := oauth2.StaticTokenSource(\n\t\t&oauth2.Token{AccessToken: githubToken},\n\t)\n\tctx := context.Background()\n\ttc := oauth2.NewClient(ctx, ts)\n\tbaseUrl := viper.GetString(\"BASE_URL\")\n\tclient, err := github.NewEnterpriseClient(baseUrl, baseUrl, tc)\n", rule: None },
    // index 37877802584
    Case { family: GO, form: "q5.3 go client credentials or static token from config struct", file: "internal/client/client.go", text: "\t\t\tc := clientcredentials.Config{\n\t\t\t\tClientID:     cfg.OAuth2.ClientID,\n\t\t\t\tClientSecret: cfg.OAuth2.ClientSecret,\n\t\t\t\tTokenURL:     u.ResolveReference(t).String(),\n\t\t\t\tAuthStyle:    oauth2.AuthStyleInParams,\n\t\t\t}\n\n\t\t\thc = c.Client(ctx)\n\t\t} else if cfg.OAuth2.Token != \"\" {\n\t\t\t// Static token flow\n\t\t\tts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: cfg.OAuth2.Token})\n\t\t\thc = oauth2.NewClient(ctx, ts)\n\t\t}\n", rule: None },
    // index 66091244
    Case { family: GO, form: "q5.4 go setClientToken method token parameter", file: "cmd/clusterctl/client/repository/repository_github.go", text: "// setClientToken sets authenticatingHTTPClient field of gitHubRepository struct.\nfunc (g *gitHubRepository) setClientToken(token string) {\n\tts := oauth2.StaticTokenSource(\n\t\t&oauth2.Token{AccessToken: token},\n\t)\n\tg.authenticatingHTTPClient = oauth2.NewClient(context.TODO(), ts)\n}\n", rule: None },
    // ---------------------------------------------------------------- q6 `new PasswordAuthentication(`
    // index 44659629089
    Case { family: JAVA, form: "q6.1 android javamail authenticator literal address and password", file: "app/src/main/java/com/example/register/SendMail.java", text: "                        props.put(\"mail.smtp.port\", \"465\");\n\n                        session = Session.getDefaultInstance(props, new Authenticator() {\n                            @Override\n                            protected PasswordAuthentication getPasswordAuthentication() {\n\n                                return new PasswordAuthentication(\"project@example.com\", \"{W}\");\n\n                            }\n                        });\n", rule: Some("generic-password") },
    // index 16405705259
    Case { family: JAVA, form: "q6.2 java javamail anonymous authenticator literal password", file: "src/main/java/shop/mail/MailSender.java", text: "\t\tprops.put(\"mail.smtp.auth\", \"true\");\n\t\tprops.put(\"mail.smtp.port\", \"465\");\n\n\t\tSession session = Session.getInstance(props,\n\t\t\t\t  new javax.mail.Authenticator() {\n\t\t\t\t\tprotected PasswordAuthentication getPasswordAuthentication() {\n\t\t\t\t\t\treturn new PasswordAuthentication(\"shop@example.com\", \"{W}\");\n\t\t\t\t\t}\n\t\t\t\t  });\n", rule: Some("generic-password") },
    // index 39372105644
    Case { family: JAVA, form: "q6.3 java mail authenticator username password fields", file: "src/main/java/com/example/mail/EmailService.java", text: "        properties.put(\"mail.smtp.auth\", \"true\");\n        properties.put(\"mail.smtp.starttls.enable\", \"true\"); // TLS 암호화\n\n        Session session = Session.getInstance(properties, new Authenticator() {\n            protected PasswordAuthentication getPasswordAuthentication() {\n                return new PasswordAuthentication(username, password);\n            }\n        });\n", rule: None },
    // index 10811462039
    Case { family: JAVA, form: "q6.4 java mail session authenticator variables", file: "src/mail/SendMail.java", text: "        System.out.println(\"\\n\\t mail.smtp.host: \" + smtp_host);\n        Session session = Session.getInstance(props, \n        \t\tnew javax.mail.Authenticator() {\n            protected PasswordAuthentication getPasswordAuthentication() {\n                return new PasswordAuthentication(username, password);\n            }\n             });  //Session.getDefaultInstance(props, null);\n", rule: None },
    // ---------------------------------------------------------------- q7 `Credentials.basic(`
    // index 41445263400
    Case { family: KOTLIN, form: "q7.1 kotlin okhttp login request basic header from variables", file: "app/src/main/java/com/example/app/LoginActivity.kt", text: "            val request = Request.Builder()\n                .url(\"https://10.0.0.191:443/api/v1/user/login/?\")\n                // using basic authentication to further encrypt our credentials over https\n                // adding another layer of encryption\n                .addHeader(\"Authorization\", Credentials.basic(username, password, Charsets.UTF_8))\n                .build()\n", rule: None },
    // index 372660
    Case { family: JAVA, form: "q7.2 java okhttp post basic credentials from user details service", file: "src/main/java/com/example/bitbucket/BitbucketClient.java", text: "    RequestBody body = RequestBody.create(JSON_MEDIA_TYPE, json);\n    Builder builder = new Request.Builder().url(url).post(body);\n\n\tString credentials =\n\t\t\tCredentials.basic(this.crowdUserDetailsService.loadUserByToken(crowdCookieValue).getUsername(),\n\t\t\t\t\tmanager.getUserPassword());\n\tbuilder = builder.addHeader(\"Authorization\", credentials);\n", rule: None },
    // index 18648844890
    Case { family: KOTLIN, form: "q7.3 kotlin okhttp interceptor basic auth with wiki comment", file: "app/src/main/java/com/example/api/ApiClient.kt", text: "    private fun createClient(username: String, password: String): OkHttpClient {\n        val authInterceptor = Interceptor { chain ->\n            val original = chain.request()\n            // Wiki: \"Authorization: Basic <base64(uuid:password)>\"\n            val credentials = Credentials.basic(username, password)\n\n            val request = original.newBuilder()\n                .header(\"Authorization\", credentials)\n                .build()\n\n            chain.proceed(request)\n        }\n", rule: None },
    // index 57504661710
    Case { family: JAVA, form: "q7.4 java commented out client credentials request", file: "src/main/java/com/example/auth/TokenService.java", text: "//    public String requestToken() throws IOException {\n//        // Construir credenciales en Basic Auth\n//        String credential = Credentials.basic(clientId, clientSecret);\n//\n//        // Body con grant_type\n//        RequestBody body = new FormBody.Builder()\n//                .add(\"grant_type\", \"client_credentials\")\n//                .build();\n", rule: None },
    // ---------------------------------------------------------------- q8 `new AzureKeyCredential(`
    // index 46464088738
    Case { family: CSHARP, form: "q8.1 c# sample test environment api key", file: "tests/Samples/Sample_StartTranslation.cs", text: "            string endpoint = TestEnvironment.Endpoint;\n            string apiKey = TestEnvironment.ApiKey;\n            Uri sourceUrl = new Uri(TestEnvironment.SourceUrl);\n            Uri targetUrl = new Uri(TestEnvironment.TargetUrl);\n\n            var client = new DocumentTranslationClient(new Uri(endpoint), new AzureKeyCredential(apiKey));\n", rule: None },
    // index 22183717333
    Case { family: JAVA, form: "q8.2 java azure openai client builder key from settings", file: "src/main/java/com/example/ai/KernelConfig.java", text: "    private OpenAIAsyncClient openAIAsyncClient() throws ConfigurationException {\n        // Create an Azure OpenAI client\n        AzureOpenAISettings settings = settings();\n        return new OpenAIClientBuilder().endpoint(settings.getEndpoint()).credential(new AzureKeyCredential(settings.getKey())).buildAsyncClient();\n    }\n", rule: None },
    // index 14712557413
    Case { family: JS, form: "q8.3 ts form recognizer client key from process.env", file: "app/api/ocr/route.ts", text: "    if (process.env.AZURE_FORM_RECOGNIZER_ENDPOINT && process.env.AZURE_FORM_RECOGNIZER_KEY) {\n      console.log('[OCR API] Using Azure Form Recognizer...');\n      \n      const client = new DocumentAnalysisClient(\n        process.env.AZURE_FORM_RECOGNIZER_ENDPOINT,\n        new AzureKeyCredential(process.env.AZURE_FORM_RECOGNIZER_KEY)\n      );\n", rule: None },
    // index 11729848
    Case { family: CSHARP, form: "q8.4 c# openai client key from settings service", file: "src/Plugins/AzureOpenAI/ProviderHelper.cs", text: "    public static OpenAIClient GetClient(string model, IServiceProvider services)\n    {\n        var settingsService = services.GetRequiredService<ILlmProviderSettingService>();\n        var settings = settingsService.GetSetting(\"azure-openai\", model);\n        var client = new OpenAIClient(new Uri(settings.Endpoint), new AzureKeyCredential(settings.ApiKey));\n        return client;\n    }\n", rule: None },
    // ---------------------------------------------------------------- q9 `Octokit::Client.new(`
    // index 10859094368
    Case { family: RUBY, form: "q9.1 ruby octokit client api key from ENV", file: "lib/kumano_tasks/github_reader.rb", text: "require 'octokit'\nrequire 'dotenv/load'\n\nmodule KumanoTasks\n  class GithubReader\n    API_KEY=ENV['API_KEY'].freeze\n    REPOSITORY=ENV['REPOSITORY'].freeze\n\n    def initialize\n      @client = Octokit::Client.new(access_token: API_KEY)\n    end\n", rule: None },
    // index 43558350713
    Case { family: RUBY, form: "q9.2 ruby model octoclient from stored access token attribute", file: "app/models/user.rb", text: "    unless user.github_access_token == auth_token\n      user.update_attribute(:github_access_token, auth_token)\n    end\n    user\n  end\n\n  def octoclient\n    @octoclient ||= Octokit::Client.new(:access_token => github_access_token)\n  end\nend\n", rule: None },
    // index 404369513
    Case { family: RUBY, form: "q9.3 ruby initializer octokit access tokens from ENV", file: "config/initializers/github.rb", text: "#configuration of Github api gem\n\nGithub_blobs_api = Octokit::Client.new(access_token: ENV[\"GITHUB_REPO_BOT_ACCESS_TOKEN\"])\n\nOctokit.configure do |c|\n  c.access_token = ENV[\"GITHUB_ACCESS_TOKEN\"]\nend\n", rule: None },
    // index 16378095878
    Case { family: RUBY, form: "q9.4 ruby octokit client literal 40 hex access token", file: "lib/searcher.rb", text: "# Include methods for searching information about gems\nmodule Searcher\n  def check_token\n    puts 'Enter Github API Access Token'\n    token = gets.chomp.to_s\n    Octokit::Client.new(access_token: '{TH40}')\n  rescue Octokit::Unauthorized\n    puts 'Wrong Access Token, '\n    check_token(token)\n  end\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- q10 `new PDO(`
    // index 6539038754
    Case { family: PHP, form: "q10.1 php model constructor pdo from parameters", file: "modele/modele.class.php", text: "<?php\nclass Modele\n{\n    private $unPDO;\n    private $table; //table générique du modele\n\n    public function __construct($serveur, $bdd, $user, $mdp)\n    {\n        $this->unPDO = null;\n        try {\n            $url = \"mysql:host=\" . $serveur . \";dbname=\" . $bdd;\n            $this->unPDO = new PDO(\n                $url,\n                $user,\n                $mdp,\n                array(PDO::MYSQL_ATTR_INIT_COMMAND => \"SET NAMES utf8\")\n            );\n", rule: None },
    // index 45168452159
    Case { family: PHP, form: "q10.2 php pdo root with empty password", file: "game.php", text: "function logResult_db($outcome) {\n\n    $db = new PDO('mysql:host=localhost;dbname=tictactoe', 'root', '');\n    $stmt = $db->prepare(\"\n        INSERT INTO games (player_x_name, player_o_name, moves, outcome)\n        VALUES (:player_x_name, :player_o_name, :moves, :outcome)\n    \");\n", rule: None },
    // index 71655284894
    Case { family: PHP, form: "q10.3 php pdo sqlite or mysql from Config::get", file: "src/Database.php", text: "            try {\n                if (Config::get('db.driver') === 'sqlite') {\n                    self::$connection = new PDO('sqlite:' . Config::get('db.path'), null, null, $options);\n                    self::$connection->exec('PRAGMA foreign_keys = ON');\n                } else {\n", rule: None },
    // index 12939572669
    Case { family: PHP, form: "q10.4 php db settings empty password variable", file: "db.php", text: "<?php\n$host = 'localhost';\n$dbname = 'nokta';\n$username = 'root';\n$password = '';\n\ntry {\n    $db = new PDO(\"mysql:host=$host;dbname=$dbname;charset=utf8\", $username, $password);\n    $db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);\n} catch (PDOException $e) {\n    die(\"Veritabanı bağlantı hatası: \" . $e->getMessage());\n}\n", rule: None },
    // ---------------------------------------------------------------- q11 `HeaderValue::from_static(`
    // index 15707865
    Case { family: RUST, form: "q11.1 rust warp cross-origin isolation headers", file: "src/server.rs", text: "        let mut headers = HeaderMap::new();\n        headers.insert(\n            \"Cross-Origin-Embedder-Policy\",\n            HeaderValue::from_static(\"require-corp\"),\n        );\n        headers.insert(\n            \"Cross-Origin-Opener-Policy\",\n            HeaderValue::from_static(\"same-origin\"),\n        );\n", rule: None },
    // index 52868201700
    Case { family: RUST, form: "q11.2 rust test request scope header", file: "src/policy/context.rs", text: "    #[test]\n    fn extract_context_rest_path_with_scope_header() {\n        let mut req = Request::builder()\n            .uri(\"/v1/tools/gmail/users/me/messages\")\n            .body(Body::empty())\n            .unwrap();\n        req.headers_mut().insert(\"x-agentsso-scope\", HeaderValue::from_static(\"gmail.readonly\"));\n        req.extensions_mut().insert(AgentId(\"test-agent\".to_owned()));\n", rule: None },
    // index 60895449120
    Case { family: RUST, form: "q11.3 rust passthrough response content type fallback", file: "src/proxy/response.rs", text: "/// Passes a non-JSON upstream body through verbatim (no cooldown active).\npub(super) fn passthrough_response(ctype: &str, data: Vec<u8>) -> Response {\n    let ctype = HeaderValue::from_str(ctype)\n        .unwrap_or_else(|_| HeaderValue::from_static(\"application/octet-stream\"));\n    Response::builder()\n        .status(200)\n        .header(header::CONTENT_TYPE, ctype)\n        .header(header::VARY, \"Accept\")\n        .body(Body::from(data))\n        .expect(\"valid passthrough response\")\n}\n", rule: None },
    // index 18125853645
    Case { family: RUST, form: "q11.4 rust ndjson streaming response headers", file: "src/routes/chat.rs", text: "      let mut response = Response::new(Body::from_stream(stream));\n      let headers = response.headers_mut();\n      headers.insert(\n        \"content-type\",\n        HeaderValue::from_static(\"application/x-ndjson; charset=utf-8\"),\n      );\n      headers.insert(\"cache-control\", HeaderValue::from_static(\"no-cache\"));\n      headers.insert(\"connection\", HeaderValue::from_static(\"keep-alive\"));\n", rule: None },
    // ---------------------------------------------------------------- q12 `forHTTPHeaderField: "Authorization"`
    // index 13233804
    Case { family: SWIFT, form: "q12.1 swift basic auth header from base64 encoded string", file: "Sources/HTTP/BasicAuth.swift", text: "            let base64 = utf8?.base64EncodedStringWithOptions(NSDataBase64EncodingOptions(rawValue: 0))\n            \n            guard let encodedString = base64 else {\n                return\n            }\n            \n            request.setValue(\"Basic \\(encodedString)\", forHTTPHeaderField: \"Authorization\")\n        }\n    }\n}\n", rule: None },
    // index 27624086034
    Case { family: SWIFT, form: "q12.2 swift bearer header from optional token", file: "App/Services/APIClient.swift", text: "        request.setValue(\"application/json\", forHTTPHeaderField: \"Content-Type\")\n        request.setValue(\"application/json\", forHTTPHeaderField: \"Accept\")\n\n        if requiresAuth {\n            if let token = token {\n            request.setValue(\"Bearer \\(token)\", forHTTPHeaderField: \"Authorization\")\n                print(\"🔐 Added Authorization header with token\")\n            } else {\n                print(\"❌ NO TOKEN AVAILABLE for authenticated request!\")\n            }\n        }\n", rule: None },
    // index 40893599184
    Case { family: SWIFT, form: "q12.3 swift bearer concatenated variable", file: "App/Network/ContentsFetcher.swift", text: "        guard let contentsURL = urlComponents.url else { return }\n        var request = URLRequest(url: contentsURL)\n        request.httpMethod = \"GET\"\n        request.addValue(\"Bearer \" + bearerToken, forHTTPHeaderField: \"Authorization\")\n", rule: None },
    // index 68358712704
    Case { family: SWIFT, form: "q12.4 swift session access token bearer header", file: "App/Services/FunctionsClient.swift", text: "        let session = try await client.auth.session\n        var request = URLRequest(url: url)\n        request.httpMethod = \"POST\"\n        request.setValue(\"application/json\", forHTTPHeaderField: \"Content-Type\")\n        request.setValue(\"Bearer \\(session.accessToken)\", forHTTPHeaderField: \"Authorization\")\n        request.httpBody = try JSONEncoder().encode(body)\n", rule: None },
    // ---------------------------------------------------------------- q13 `static const String apiKey`
    // index 22927220838
    Case { family: DART, form: "q13.1 dart constants weatherapi key split over two lines with replace comment", file: "lib/core/api_constants.dart", text: "class ApiConstants {\n  static const String baseUrl = 'https://api.weatherapi.com/v1';\n  static const String forecastEndpoint = '/forecast.json';\n  static const String apiKey =\n      '{KH31}'; // Reemplaza con tu clave de WeatherAPI\n  static const int forecastDays =\n      3; // Número de días para el pronóstico (máx. 14 en plan pago)\n", rule: Some("generic-api-key") },
    // index 38051438148
    Case { family: DART, form: "q13.2 dart weather service openweathermap key constant", file: "lib/services/weather_service.dart", text: "/// Dịch vụ lấy và xử lý dữ liệu thời tiết từ API OpenWeatherMap.\nclass WeatherService {\n  // --- Constants ---\n  static const String apiKey = '{OWM}';\n  static const String baseUrl = 'https://api.openweathermap.org/data/2.5';\n\n  // --- Dependencies ---\n  final DatabaseService databaseService;\n", rule: Some("openweather-api-key") },
    // index 71643212163
    Case { family: DART, form: "q13.3 dart tmdb client key constant beside proxy base", file: "lib/api/tmdb_client.dart", text: "import 'dart:convert';\nimport 'package:flutter/foundation.dart';\nimport 'package:http/http.dart' as http;\n\nclass TmdbClient {\n  static const String apiKey = '{KH}';\n  // Same-origin production proxy: works on all ISPs without DNS blockades\n  static const String proxyBase = 'https://streamlyvercelin.vercel.app/api/tmdb';\n  static const String directBase = 'https://api.themoviedb.org/3';\n", rule: Some("generic-api-key") },
    // index 45903418083
    Case { family: DART, form: "q13.4 dart youtube service google api key constant", file: "lib/services/youtube_service.dart", text: "import 'package:http/http.dart' as http;\nimport 'dart:convert';\n\nimport 'package:xml2json/xml2json.dart';\n\nclass YoutubeService {\n  static const String apiKey = '{GAPI}';\n\n  static Future<List<dynamic>> searchAll(String query) async {\n    final url = Uri.https('www.googleapis.com', '/youtube/v3/search', {\n      'key': apiKey,\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- q14 `secret_key_base:`
    // index 7156474839
    Case { family: ELIXIR, form: "q14.1 elixir dev endpoint config secret_key_base literal", file: "config/dev.exs", text: "  live_reload: [\n    patterns: [\n      ~r\"priv/static/(?!uploads/).*(js|css|png|jpeg|jpg|gif|svg)$\",\n      ~r\"priv/gettext/.*(po)$\",\n      ~r\"lib/service_warp_web/(controllers|live|components)/.*(ex|heex)$\"\n    ]\n  ],\n  secret_key_base: \"{SKB}\",\n  pubsub_server: ServiceWarp.PubSub,\n  live_view: [signing_salt: \"{SALT}\"]\n", rule: Some("generic-secret") },
    // index 19347367464
    Case { family: ELIXIR, form: "q14.2 elixir config endpoint secret_key_base literal", file: "config/config.exs", text: "# General application configuration\nuse Mix.Config\n\nconfig :pappap,\n  ecto_repos: [Pappap.Repo]\n\n# Configures the endpoint\nconfig :pappap, PappapWeb.Endpoint,\n  url: [host: \"localhost\"],\n  secret_key_base: \"{SKB}\",\n  render_errors: [view: PappapWeb.ErrorView, accepts: ~w(html json), layout: false],\n  pubsub_server: Pappap.PubSub,\n  live_view: [signing_salt: \"AQTgcwja\"]\n", rule: Some("generic-secret") },
    // index 55321116939
    Case { family: JS, form: "q14.3 ts secret generators map by env name", file: "scripts/generate-secrets.ts", text: "// value starts with `changeme_` OR when the template value is empty.\nconst generators: Record<string, () => string> = {\n\tPOSTGRES_PASSWORD: () => password(40),\n\tZITADEL_MASTERKEY: () => password(32), // Zitadel requires exactly 32 chars\n\tLAGO_SECRET_KEY_BASE: () => hex(64), // 128-char hex (≥ Rails default of 64)\n\tLAGO_ENCRYPTION_DET_KEY: () => password(32),\n\tLAGO_ENCRYPTION_SALT: () => password(32),\n", rule: None },
    // index 27386515089
    Case { family: ELIXIR, form: "q14.4 elixir prod config secret_key_base from ${VAR}", file: "config/prod.exs", text: "  server: true,\n  url: [host: \"${HELIX_ENDPOINT_URL}\", port: 4000],\n  https: [ port: 4000,\n           otp_app: :helix,\n           keyfile: \"${HELIX_SSL_KEYFILE}\",\n           certfile: \"${HELIX_SSL_CERTFILE}\"\n         ],\n  secret_key_base: \"${HELIX_ENDPOINT_SECRET_KEY}\",\n  debug_errors: false,\n  check_origin: false\n", rule: None },
    // ---------------------------------------------------------------- q15 `play.http.secret.key`
    // index 39007170675
    Case { family: DOCKER, form: "q15.1 dockerfile cmd requires APPLICATION_SECRET", file: "Dockerfile", text: "HEALTHCHECK --interval=30s --timeout=3s --start-period=40s --retries=3 \\\n  CMD curl -f http://localhost:9000/health || exit 1\n\nCMD if [ -z \"$APPLICATION_SECRET\" ]; then \\\n      echo \"ERROR: APPLICATION_SECRET environment variable is required\" && exit 1; \\\n    fi && \\\n    bin/skatemap-live -Dplay.http.secret.key=${APPLICATION_SECRET}\n", rule: None },
    // index 25089943095
    Case { family: SCALA, form: "q15.2 scala lazy val play secret from configuration", file: "app/utils/Signer.scala", text: "  lazy val sessionDomain = configuration.getOptionalWithFileSupport[String](\"play.http.session.domain\").get\n  lazy val playSecret    = configuration.getOptionalWithFileSupport[String](\"play.http.secret.key\").get\n\n  def sign(message: String): String =\n    scala.util.Try {\n      val mac = javax.crypto.Mac.getInstance(\"HmacSHA256\")\n      mac.init(new javax.crypto.spec.SecretKeySpec(playSecret.getBytes(\"utf-8\"), \"HmacSHA256\"))\n", rule: None },
    // index 32448386745
    Case { family: SCALA, form: "q15.3 scala guice provider jwt shared secret from configuration", file: "app/modules/SilhouetteModule.scala", text: "  @Provides\n  def provideJwtAuthenticatorSettings(configuration: Configuration): JWTAuthenticatorSettings = {\n    JWTAuthenticatorSettings(sharedSecret = configuration.get[String](\"play.http.secret.key\"))\n  }\n", rule: None },
    // index 46317561300
    Case { family: DOC, form: "q15.4 markdown setup steps change the play secret key", file: "README.md", text: "1. Change all-actors/application.conf `thisActorSystem` to your own actor system name\n2. Use the same string in /all-actors/Application.java in the field `actorSystemName`\n3. Change the play secret key value in /play-service/application.conf - `play.http.secret.key`\n\n### Note\n1.In this Application , throw only org.sunbird.BaseException\n", rule: None },
    // ---------------------------------------------------------------- q16 `ConvertTo-SecureString`
    // index 29077048621
    Case { family: PWSH, form: "q16.1 powershell dsrm password yourpassword placeholder", file: "Install-ADDS.ps1", text: "#Declare variables\n$domainName = \"corp.pri\"\n$dsrmPassword = ConvertTo-SecureString \"yourpassword\" -AsPlainText -Force\n$NetbiosName = \"CORP\"\n\n#Install the AD Domain Services role\nInstall-WindowsFeature -Name AD-Domain-Services -IncludeManagementTools -IncludeAllSubFeature\n", rule: None },
    // index 52076974051
    Case { family: PWSH, form: "q16.2 powershell pester connect with password from config", file: "tests/Integration/ScheduledPosts.Tests.ps1", text: "    Import-Module $modulePath -Force\n\n    Connect-MMServer -Url $config.Url -Username $config.AdminUsername -Password (ConvertTo-SecureString $config.AdminPassword -AsPlainText -Force) -DefaultTeam $config.TestTeamName\n\n    $script:Channel = Get-MMChannel -Name 'town-square'\n", rule: None },
    // index 58217570011
    Case { family: PWSH, form: "q16.3 powershell random certificate password from a guid", file: "build/Package-Msix.ps1", text: "    if ([string]::IsNullOrWhiteSpace($certificatePasswordText)) {\n        $certificatePasswordText = [Convert]::ToBase64String([Guid]::NewGuid().ToByteArray())\n    }\n\n    $certificatePassword = ConvertTo-SecureString $certificatePasswordText -AsPlainText -Force\n    $certificate = New-SelfSignedCertificate `\n        -Type Custom `\n        -Subject $certificateSubject `\n", rule: None },
    // index 71654302216
    Case { family: PWSH, form: "q16.4 powershell secure string from a cred file", file: "Invoke-EnvChecker.ps1", text: "if (-not (Test-Path $CredFile)) {\n    throw \"CredFile not found: $CredFile  (run Sync-CredFromKeyVault.ps1 first)\"\n}\n$cipher = (Get-Content $CredFile -Raw).Trim()\n$pw     = ConvertTo-SecureString $cipher\n", rule: None },
    // ---------------------------------------------------------------- q17 `docker login -u`
    // index 53779333846
    Case { family: CI, form: "q17.1 jenkinsfile usernamePassword docker login password-stdin", file: "Jenkinsfile", text: "                        withCredentials([usernamePassword(\n                            credentialsId: DOCKER_CREDENTIALS_ID,\n                            usernameVariable: 'DOCKER_USERNAME',\n                            passwordVariable: 'DOCKER_PASSWORD'\n                        )]) {\n                            sh 'echo $DOCKER_PASSWORD | docker login -u $DOCKER_USERNAME --password-stdin'\n                        }\n", rule: None },
    // index 25788003061
    Case { family: DOC, form: "q17.2 markdown jenkins best practices groovy credentials block", file: "docs/jenkins-best-practices.md", text: "- **Rotate regularly** (every 90 days minimum)\n- **Use short-lived tokens** when possible\n\n```groovy\n// ✅ Good\nwithCredentials([usernamePassword(\n    credentialsId: 'DOCKERHUB_CREDENTIALS',\n    usernameVariable: 'USER',\n    passwordVariable: 'PASS'\n)]) {\n    sh 'echo $PASS | docker login -u $USER --password-stdin'\n}\n```\n", rule: None },
    // index 19189597891
    Case { family: SHELL, form: "q17.3 shell oc login literal password then docker login with oc token", file: "build.sh", text: "#!/bin/sh\n#\n\nsudo docker build -t microruntime:v2 -f Dockerfile .\nsudo docker tag microruntime:v2 172.30.1.1:5000/msrnamespace/microruntime:v2\noc login -u developer -p {W}\noc project msrnamespace\nsudo docker login -u developer -p $(oc whoami -t) 172.30.1.1:5000\nsudo docker push 172.30.1.1:5000/msrnamespace/microruntime:v2\n", rule: Some("generic-password") },
    // index 71571924391
    Case { family: CI, form: "q17.4 jenkinsfile push stage quoted docker variables", file: "Jenkinsfile", text: "        stage('Push Docker Image') {\n            steps {\n                withCredentials([usernamePassword(credentialsId: \"${DOCKER_CREDENTIALS_ID}\", passwordVariable: 'DOCKER_PASSWORD', usernameVariable: 'DOCKER_USERNAME')]) {\n                    sh 'echo \"$DOCKER_PASSWORD\" | docker login -u \"$DOCKER_USERNAME\" --password-stdin'\n                    sh \"docker push ${DOCKER_IMAGE}:${DOCKER_TAG}\"\n                    sh \"docker push ${DOCKER_IMAGE}:latest\"\n                }\n            }\n        }\n", rule: None },
    // ---------------------------------------------------------------- q18 `CI_REGISTRY_PASSWORD`
    // index 71556776957
    Case { family: DOC, form: "q18.1 markdown gitlab ci container registry job", file: "docs/gitlab-ci.md", text: "```yaml\nbuild-image:\n  stage: build\n  image: docker:27\n  services:\n    - docker:27-dind\n  variables:\n    DOCKER_TLS_CERTDIR: \"/certs\"\n  script:\n    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin \"$CI_REGISTRY\"\n    - docker build -t \"$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA\" .\n    - docker push \"$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA\"\n", rule: None },
    // index 6057211097
    Case { family: CI, form: "q18.2 gitlab ci build template docker login predefined variables", file: ".gitlab-ci.yml", text: ".build_template: &build_template\n  stage: build\n  image: docker:24-dind\n  services:\n    - docker:24-dind\n  before_script:\n    - docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY\n    - docker buildx create --use --driver docker-container\n", rule: None },
    // index 56695250162
    Case { family: DOC, form: "q18.3 markdown gitlab ci build images job", file: "k8s/openan-chart/README.md", text: "### GitLab CI\n\n```yaml\nbuild-images:\n  stage: build\n  image: docker:latest\n  services:\n    - docker:dind\n  script:\n    - docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY\n    - cd k8s/openan-chart/build\n    - ./build.sh\n", rule: None },
    // index 17109963632
    Case { family: SHELL, form: "q18.4 shell docker login long options from ci variables", file: "ci/build-image.sh", text: "      echo \"[INFO] Logging into: ${CI_REGISTRY}\" \\\n  &&  docker login \\\n        --username \"${CI_REGISTRY_USER}\" \\\n        --password \"${CI_REGISTRY_PASSWORD}\" \\\n      \"${CI_REGISTRY}\" \\\n  &&  echo \"[INFO] Pulling: ${tag}\" \\\n", rule: None },
    // ---------------------------------------------------------------- q19 `withCredentials([`
    // index 7096246516
    Case { family: CI, form: "q19.1 groovy script buildImage with docker hub credentials", file: "script.groovy", text: "def buildImage(){\n    echo \"building the docker image\"\n    withCredentials([usernamePassword(credentialsId: 'DOCKER_HUB', passwordVariable: 'PASS', usernameVariable: 'USERNAME')]){\n    sh 'docker build -t magedsopihy/node_project:1.0 -f /app/Dockerfile'\n    sh 'echo $PASS | docker login -u $USERNAME --password-stdin'\n    sh 'docker push magedsopihy/node_project:1.0'\n    }\n}\n", rule: None },
    // index 71648977951
    Case { family: DOC, form: "q19.2 markdown jenkins kubeconfig file credential", file: "docs/jenkins-k8s.md", text: "  --access-scope type=namespace,namespaces=orders\n\n# In pipeline\nwithCredentials([file(credentialsId: 'kubeconfig-dev', variable: 'KUBECONFIG')]) {\n  sh 'kubectl -n orders rollout status deploy/orders-api'\n}\n```\n", rule: None },
    // index 42871225906
    Case { family: CI, form: "q19.3 groovy deploy stage empty credential variables", file: "vars/deploy.groovy", text: "def deployK8S() {\n    stage('Deploy to K8S') {\n        withCredentials([usernamePassword(credentialsId: \"${env.SA}\", usernameVariable: \"\", passwordVariable: \"\")]) {\n            def deployer = docker.image('');\n            deployer.pull();\n", rule: None },
    // index 36020732581
    Case { family: CI, form: "q19.4 jenkinsfile precheck stage artifactory credentials", file: "Jenkinsfile", text: "    stages {\n        stage('Precheck params'){\n            steps {\n                script {\n                    withCredentials([\n                        usernamePassword(\n                            credentialsId: 'artifactory-chih',\n                            usernameVariable: 'USERNAME',\n                            passwordVariable: 'PASSWORD'\n                        )\n                    ]){\n", rule: None },
    // ---------------------------------------------------------------- q20 `from_secret:`
    // index 9364862784
    Case { family: DOC, form: "q20.1 markdown drone pipeline docker plugin credentials from secrets", file: "docs/drone.md", text: "steps:\n- name: build-image     # 步骤名称\n    image: plugins/docker # 使用镜像\n    depends_on: [build-tags, build-project] # 依赖步骤\n    settings:             # 当前设置\n      username:           # 账号名称\n        from_secret: docker_username\n      password:           # 账号密码\n        from_secret: docker_password\n      dockerfile: deploy/Dockerfile # Dockerfile地址， 注意是相对地址\n", rule: None },
    // index 15250844559
    Case { family: DOC, form: "q20.2 markdown drone digitalocean pipeline token from secret", file: "content/pipeline/digitalocean/syntax/steps.md", text: "```yaml {linenos=table}\nkind: pipeline\ntype: digitalocean\nname: default\n\ntoken:\n  from_secret: token\n\nsteps:\n- name: backend\n  commands:\n  - go build\n  - go test\n```\n", rule: None },
    // index 49022279049
    Case { family: CI, form: "q20.3 drone ssh step host and password from secrets", file: ".drone.yml", text: "  - name: ssh\n    image: appleboy/drone-ssh\n    settings:\n      # 你服务器ip地址\n      host:\n        from_secret: TEST_SERVER_IP\n      # 服务器账号\n      username: root\n      # 密码登入写法\n      password:\n        from_secret: TEST_SERVER_PASSWORD\n      port: 22\n", rule: None },
    // index 69493788354
    Case { family: GO, form: "q20.4 go plugin flag doc comment yaml example from_secret", file: "plugin/flags.go", text: "\t\t// Custom build arguments for the build. Example:\n\t\t//\n\t\t// ```yaml\n\t\t// steps:\n\t\t//   - name: Build\n\t\t//     image: quay.io/thegeeklab/wp-docker-buildx\n\t\t//     settings:\n\t\t//       repo: example/repo\n\t\t//       build_args:\n\t\t//         FOO: bar\n\t\t//         API_KEY:\n\t\t//           from_secret: API_KEY\n\t\t// ```\n", rule: None },
    // ---------------------------------------------------------------- q21 `BUILDKITE_AGENT_TOKEN`
    // index 46315598478
    Case { family: HCL, form: "q21.1 terraform stack parameters agent token parameter store path", file: "main.tf", text: "  parameters = {\n    VpcId                                 = var.vpc_id\n    Subnets                               = var.subnets\n    SecretsBucket                         = var.secrets_bucket\n    ManagedPolicyARNs                     = var.managed_policy_arn\n    BuildkiteAgentTokenParameterStorePath = var.buildkite_agent_token_parameter_store_path\n    BootstrapScriptUrl                    = var.bootstrap_script_url\n    BuildkiteQueue                        = \"default\"\n", rule: None },
    // index 32709472278
    Case { family: GO, form: "q21.2 go const env key name for the agent token", file: "internal/controller/scheduler/scheduler.go", text: "const (\n\tdefaultTermGracePeriodSeconds = 60\n\tagentTokenKey                 = \"BUILDKITE_AGENT_TOKEN\"\n\tAgentContainerName            = \"agent\"\n\tCopyAgentContainerName        = \"copy-agent\"\n\tCheckoutContainerName         = \"checkout\"\n)\n", rule: None },
    // index 511457883
    Case { family: PWSH, form: "q21.3 powershell help text your-token-here example", file: "setup-task.ps1", text: "if ($Help) {\n    Write-Host \"Usage: ./setup-task.ps1\"\n    Write-Host \"\"\n    Write-Host \"This script sets up a Windows Task Scheduler job to run Docker container updates every minute.\"\n    Write-Host \"\"\n    Write-Host \"Requirements:\"\n    Write-Host \"  - BUILDKITE_AGENT_TOKEN environment variable must be set\"\n    Write-Host \"  - Script must be run with administrator privileges\"\n    Write-Host \"\"\n    Write-Host \"Examples:\"\n    Write-Host \"  `$env:BUILDKITE_AGENT_TOKEN = 'your-token-here'\"\n    Write-Host \"  ./setup-task.ps1\"\n    exit 0\n}\n", rule: None },
    // index 53003730588
    Case { family: SHELL, form: "q21.4 shell summary echo next step takes agent token argument", file: "setup-host.sh", text: "echo \"  Arch list:    ${ARCH_LIST}\"\necho \"  Base image:   ${CI_BASE_IMAGE}\"\necho \"  Data dir:     ${DATA_DIR}\"\necho \"\"\necho \"Next: run ./install-agent-stack.sh <BUILDKITE_AGENT_TOKEN>\"\n", rule: None },
    // ---------------------------------------------------------------- q22 `secretGenerator:`
    // index 62708200094
    Case { family: SHELL, form: "q22.1 shell heredoc kustomization secret generator from env file", file: "scripts/vcluster/create.sh", text: "    cat >\"${kustom_file}\" <<EOF\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${TENANT_TARGET_NAMESPACE}\nresources:\n  - ../../base\ngeneratorOptions:\n  disableNameSuffixHash: true\nconfigMapGenerator:\n  - name: app-settings\n    behavior: replace\n    envs:\n      - app.env\nsecretGenerator:\n  - name: db-credentials\n    behavior: replace\n    envs:\n      - secrets.env\npatches:\n  - path: ingress-patch.yaml\nEOF\n", rule: None },
    // index 57582467084
    Case { family: K8S, form: "q22.2 kustomization secret generator from files", file: "overlays/development/kustomization.yaml", text: "  - name: cluster-config\n    literals:\n      - CLUSTER_NAME=development\n      - TRUST_DOMAIN=dev.company.com\n      - ENVIRONMENT=development\n      - LOG_LEVEL=DEBUG\n      - ENABLE_FEDERATION=false\n\nsecretGenerator:\n  - name: spire-secrets\n    files:\n      - ca.crt=secrets/dev-ca.crt\n      - ca.key=secrets/dev-ca.key\n    options:\n      disableNameSuffixHash: true\n", rule: None },
    // index 29613326204
    Case { family: DOC, form: "q22.3 markdown kustomize component secret generator literal password", file: "docs/components.md", text: "**kustomization.yaml:**\n\n```yaml\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n\nresources:\n  - db-deployment.yaml\n  - db-service.yaml\n\nsecretGenerator:\n  - name: db-creds\n    literals:\n      - password={W}\n\npatches:\n  - path: api-patch.yaml\n```\n", rule: Some("generic-password") },
    // index 43501413719
    Case { family: SCALA, form: "q22.4 scala service constructor secret generator dependency", file: "src/main/scala/cinema/ReservationService.scala", text: "class ReservationService[F[_]: Async](\n  screeningRepository: ScreeningRepository[F],\n  reservationRepository: ReservationRepository[F],\n  reservationRequestRepository: ReservationRequestRepository[F],\n  localClock: LocalClock[F],\n  confirmationSecretGenerator: ConfirmationSecretGenerator[F],\n  reservationRequestEncoder: EntityPayloads.ReservationRequestEncoder\n) extends ReservationServiceApi[F] {\n", rule: None },
    // ---------------------------------------------------------------- q23 `mysql_user:`
    // index 35943092378
    Case { family: DOC, form: "q23.1 markdown compose mysql rootpassword taskpassword placeholders", file: "README.md", text: "**docker-compose.yml**\n```yaml\nversion: '3.8'\n\nservices:\n  mysql:\n    image: mysql:8.0\n    container_name: taskmanagement-mysql\n    environment:\n      MYSQL_ROOT_PASSWORD: rootpassword\n      MYSQL_DATABASE: taskmanagement\n      MYSQL_USER: taskuser\n      MYSQL_PASSWORD: taskpassword\n    ports:\n      - \"3306:3306\"\n", rule: None },
    // index 45700828703
    Case { family: SHELL, form: "q23.2 shell heredoc configmap mysql settings without password", file: "apps/snipe-it/env.sh", text: "data:\n  # Snipe-IT Settings\n  APP_ENV: \"production\"\n  APP_DEBUG: \"false\"\n  APP_URL: \"https://snipe-it.${DOMAIN}\"\n  APP_TIMEZONE: \"Asia/Taipei\"\n  APP_LOCALE: \"zh-TW\"\n  APP_TRUSTED_PROXIES: \"10.244.0.0/16\"\n\n  # Mysql Parameters\n  MYSQL_DATABASE: \"snipeit\"\n  MYSQL_HOST: \"mysql\"\n  MYSQL_USER: \"snipeit\"\n  MYSQL_PORT_3306_TCP_ADDR: \"mysql\"\nEOF\n", rule: None },
    // index 8652627593
    Case { family: DOC, form: "q23.3 markdown compose mysql user password literal beside rootpassword", file: "docs/docker.md", text: "### With MySQL Database\n```yaml\nversion: '3.8'\nservices:\n  mysql:\n    image: mysql:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: rootpassword\n      MYSQL_DATABASE: wisemapping\n      MYSQL_USER: wisemapping\n      MYSQL_PASSWORD: {W}\n    volumes:\n      - mysql-data:/var/lib/mysql\n", rule: Some("generic-password") },
    // index 26775905588
    Case { family: SHELL, form: "q23.4 shell heredoc compose rootpass and project_pass placeholders", file: "install.sh", text: "    cat > docker-compose.yml << EOF\nversion: '3.8'\n\nservices:\n  mysql:\n    image: mysql:8.0\n    container_name: ${PROJECT_NAME}_mysql\n    environment:\n      MYSQL_ROOT_PASSWORD: rootpass\n      MYSQL_DATABASE: hybridephp_db\n      MYSQL_USER: hybridephp_user\n      MYSQL_PASSWORD: hybridephp_pass\n    ports:\n      - \"3306:3306\"\n", rule: None },
    // ---------------------------------------------------------------- q24 `administrator_login_password`
    // index 9512442883
    Case { family: HCL, form: "q24.1 terraform postgres server password from variable", file: "modules/pgsql/main.tf", text: "resource \"azurerm_postgresql_server\" \"pgsql_server\" {\n  name                             = var.name\n  location                         = azurerm_resource_group.resource_group.location\n  resource_group_name              = azurerm_resource_group.resource_group.name\n  administrator_login              = var.pgsql_login_username\n  administrator_login_password     = var.login_password\n  sku_name                         = var.pgsql_sku\n", rule: None },
    // index 29444554693
    Case { family: HCL, form: "q24.2 terraform sql server literal leetspeak admin password", file: "main.tf", text: "resource \"azurerm_sql_server\" \"example\" {\n  name                         = \"ssdemopoc\"\n  resource_group_name          = var.azurerm_resource_group\n  location                     = var.azurerm_location\n  version                      = \"12.0\"\n  administrator_login          = \"4dm1n157r470r\"\n  administrator_login_password = \"{W}\"\n\n  tags = {\n    environment = \"production\"\n  }\n", rule: Some("generic-password") },
    // index 28928188
    Case { family: PY, form: "q24.3 python cli function signature keyword defaults none", file: "azure/cli/command_modules/postgres/custom.py", text: "def flexible_server_create(cmd, client,\n                           resource_group_name=None, server_name=None,\n                           location=None, backup_retention=None,\n                           sku_name=None, tier=None,\n                           storage_gb=None, administrator_login=None,\n                           administrator_login_password=None, version=None,\n                           tags=None, database_name=None,\n", rule: None },
    // index 35357989843
    Case { family: HCL, form: "q24.4 terraform sql server password from random_password", file: "main.tf", text: "resource \"azurerm_mssql_server\" \"demo\" {\n  name                         = \"terraformactionsdemo\"\n  resource_group_name          = azurerm_resource_group.default.name\n  location                     = azurerm_resource_group.default.location\n  version                      = \"12.0\"\n  administrator_login          = random_string.sql.result\n  administrator_login_password = random_password.sql.result\n}\n", rule: None },
    // ---------------------------------------------------------------- q25 `RABBITMQ_DEFAULT_PASS`
    // index 6289824
    Case { family: DOC, form: "q25.1 markdown env block strong-password fill-ins", file: "docs/deployment.md", text: "   # Neo4j Configuration\n   NEO4J_URI=bolt://neo4j:7687\n   NEO4J_USER=neo4j\n   NEO4J_PASSWORD=<strong-password>\n\n   # RabbitMQ Configuration\n   RABBITMQ_DEFAULT_USER=apollonia\n   RABBITMQ_DEFAULT_PASS=<strong-password>\n   AMQP_CONNECTION_STRING=amqp://apollonia:<password>@rabbitmq:5672/\n\n   # Redis Configuration\n   REDIS_HOST=redis\n   REDIS_PORT=6379\n   REDIS_PASSWORD=<strong-password>\n", rule: None },
    // index 8088482199
    Case { family: DOC, form: "q25.2 markdown docker run rabbitmq default pass literal", file: "README.md", text: "## RabbitMQ \n```\ndocker run --name broker -p5672:5672 -p15672:15672 -p1883:1883 -e RABBITMQ_DEFAULT_USER=admin -e RABBITMQ_DEFAULT_PASS={W} rabbitmq\n```\n## NATS streaming\n```\ndocker run --name nats -d -p 4222:4222 nats-streaming -store file -dir datastore --hb_interval=1s --hb_timeout=1s --hb_fail_count=2\n```\n", rule: Some("generic-password") },
    // index 56436061089
    Case { family: PY, form: "q25.3 python pika credentials from settings", file: "app/services/publisher.py", text: "    def publish_message(self, payload: dict, routing_key: str | None = None, exchange: str | None = None) -> bool:\n        credentials = pika.PlainCredentials(settings.RABBITMQ_DEFAULT_USER, settings.RABBITMQ_DEFAULT_PASS)\n        params = pika.ConnectionParameters(host=settings.RABBITMQ_HOST, port=settings.RABBITMQ_PORT, credentials=credentials)\n", rule: None },
    // index 42490318224
    Case { family: PY, form: "q25.4 python pydantic settings typed rabbitmq fields", file: "config/rabbitmq.py", text: "from pydantic_settings import BaseSettings\n\n\nclass RabbitMQSettings(BaseSettings):\n    \"\"\"\n    Конфигурация rabbitmq\n    \"\"\"\n\n    RMQ_VERSION: str\n    RMQ_HOST: str\n    RMQ_PORT: int\n    RMQ_GUI_PORT: int\n    RABBITMQ_DEFAULT_USER: str\n    RABBITMQ_DEFAULT_PASS: str\n    RABBITMQ_DEFAULT_VHOST: str\n", rule: None },
    // ---------------------------------------------------------------- q26 `SMTP_PASS=`
    // index 38089347722
    Case { family: DOC, form: "q26.1 markdown vercel env tu- fill-ins", file: "DEPLOYMENT.md", text: "# Cloudinary\nCLOUDINARY_CLOUD_NAME=\"tu-cloud-name\"\nCLOUDINARY_API_KEY=\"tu-api-key\"\nCLOUDINARY_API_SECRET=\"tu-api-secret\"\n\\`\\`\\`\n\n### Variables Opcionales\n\n\\`\\`\\`bash\n# Email (opcional)\nSMTP_HOST=\"smtp.gmail.com\"\nSMTP_PORT=\"587\"\nSMTP_USER=\"tu-email@gmail.com\"\nSMTP_PASS=\"tu-app-password\"\n", rule: None },
    // index 49099488452
    Case { family: DOC, form: "q26.2 markdown french smtp env votre-mot-de-passe", file: "docs/email.md", text: "```bash\n# Configuration SMTP (serveur mail)\nSMTP_HOST=smtp.gmail.com              # Adresse du serveur SMTP\nSMTP_PORT=587                         # Port SMTP (587 pour TLS, 465 pour SSL)\nSMTP_USER=votre-email@gmail.com       # Email d'authentification\nSMTP_PASS=votre-mot-de-passe          # Mot de passe ou token d'authentification\nSMTP_SECURE=false                     # true pour SSL (port 465), false pour TLS (port 587)\n", rule: None },
    // index 55916462897
    Case { family: DOC, form: "q26.3 markdown backend env your- fill-ins", file: "README.md", text: "```env\nPORT=5000\nMONGO_URI=your-mongodb-connection-string\n\n# SMTP Configuration for Password Reset Emails (e.g. Gmail App Passwords)\nSMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=your-email@gmail.com\nSMTP_PASS=your-app-password\n```\n", rule: None },
    // index 71613095417
    Case { family: DOC, form: "q26.4 markdown portuguese env sua-senha fill-in", file: "README.md", text: "Edite o arquivo `.env` e configure as credenciais SMTP:\n\n```env\nSMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=seu-email@gmail.com\nSMTP_PASS=sua-senha-de-aplicativo\nSMTP_FROM=seu-email@gmail.com\n```\n", rule: None },
    // ---------------------------------------------------------------- q27 `sasl.jaas.config`
    // index 55865804585
    Case { family: DOC, form: "q27.1 markdown kafka console producer jaas API_KEY API_SECRET fill-ins", file: "docs/kafka.md", text: "```bash\nkafka-console-producer --broker-list pkc-YOUR_REGION.confluent.cloud:9092 \\\n  --topic student-expiring-plans \\\n  --property parse.key=true \\\n  --property key.separator=: \\\n  --producer-property security.protocol=SASL_SSL \\\n  --producer-property sasl.mechanism=PLAIN \\\n  --producer-property sasl.jaas.config='org.apache.kafka.common.security.plain.PlainLoginModule required username=\"API_KEY\" password=\"API_SECRET\";'\n```\n", rule: None },
    // index 14010758105
    Case { family: JAVA, form: "q27.2 java list of kafka property names", file: "src/main/java/kafka/ui/PropertiesController.java", text: "                            \"ssl.key.password\",\n                            \"ssl.keystore.location\",\n                            \"ssl.keystore.password\",\n                            \"ssl.truststore.location\",\n                            \"ssl.truststore.password\",\n                            \"sasl.jaas.config\",\n                            \"sasl.mechanism\",\n                            \"security.protocol\")\n            );\n", rule: None },
    // index 169190555
    Case { family: JAVA, form: "q27.3 java commented kerberos jaas example", file: "src/main/java/kafka/SaslConfig.java", text: "                case SCRAM_SHA_512:\n                    model = \"org.apache.kafka.common.security.scram.ScramLoginModule\";\n                    break;\n                case GSSAPI:\n                    // kerberos\n//                    model = \"com.sun.security.auth.module.Krb5LoginModule\";\n//                    sasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required \\\n//                    useKeyTab=true \\\n//                    storeKey=true \\\n//                    keyTab=\"/path/to/kafka_client.keytab\" \\\n//                    principal=\"client/your.hostname@YOUR.REALM\";\n                default:\n", rule: None },
    // index 21267773555
    Case { family: PY, form: "q27.4 python spark kafka write jaas from variable", file: "jobs/kafka_roundtrip.py", text: "kafka_write_df.write \\\n    .format(\"kafka\") \\\n    .option(\"kafka.bootstrap.servers\", kafka_bootstrap_servers) \\\n    .option(\"topic\", input_topic) \\\n    .option(\"kafka.security.protocol\", \"SASL_PLAINTEXT\") \\\n    .option(\"kafka.sasl.mechanism\", \"PLAIN\") \\\n    .option(\"kafka.sasl.jaas.config\", kafka_jaas_config) \\\n    .save()\n", rule: None },
    // ---------------------------------------------------------------- q28 `connectionString="`
    // index 39874866572
    Case { family: XML, form: "q28.1 aspx sql data source connection string expression", file: "Customers.aspx", text: "    <asp:SqlDataSource ID=\"SqlDataSource1\" runat=\"server\" ConnectionString=\"<%$ ConnectionStrings:DefaultConnection %>\" SelectCommand=\"SELECT * FROM [Customer]\"></asp:SqlDataSource>\n", rule: None },
    // index 45274412792
    Case { family: DOC, form: "q28.2 markdown setup web.config connection string integrated security", file: "README.md", text: "4] Open the project in visual studio.<br />\n5] Open the web.config and add the connection string in this format and put your correct DataSource:<br />\n\t\t\t`<connectionStrings> <add name=\"DBModel\" connectionString=\"data source={YourDataSource};initial catalog=mitchellvehicle;integrated ecurity=True;MultipleActiveResultSets=True;App=EntityFramework\" providerName=\"System.Data.SqlClient\" />\n\t\t\t\t</connectionStrings>`\n 6] Rebuild the Solution<br />\n", rule: None },
    // index 71634054782
    Case { family: DOC, form: "q28.3 markdown design time connection string without password", file: "README.md", text: "```bash\nDatabase__World__ConnectionString=\"Host=127.0.0.1;Port=1;Database=design_time_only\" \\\n  dotnet ef migrations add <Name> --project src/Server/Avalon.Database.World \\\n  --startup-project src/Server/Avalon.Api --context WorldDbContext\n```\n", rule: None },
    // index 17367080132
    Case { family: XML, form: "q28.4 aspx sql data source secure connection string expression", file: "ExportQueue.aspx", text: "<asp:SqlDataSource ID=\"SqlExp\" runat=\"server\"\n                   ConnectionString=\"<%$ ConnectionStrings:SecureConnectionString %>\"\n                   SelectCommand=\"SELECT * FROM NewQueue WHERE (NewQueue.Type = 'Export') AND (NewQueue.Status = 'SECTA' OR NewQueue.Status = 'SECTNA') AND (NewQueue.Finished IS NULL) AND (NewQueue.Withdrawal IS NULL OR NewQueue.Withdrawal = 'False')\"\n", rule: None },
    // ---------------------------------------------------------------- q29 `userdata.get(`
    // index 12364950827
    Case { family: JAVA, form: "q29.1 java firebase map product fields from userData", file: "app/src/main/java/com/example/shop/CartActivity.java", text: "                        Object data = dataMap.get(key);\n\n                        try {\n                            HashMap<String, Object> userData = (HashMap<String, Object>) data;         // cQualification\n\n                            SetProductDetails getProduct = new SetProductDetails((String) userData.get(\"name\"), (String) userData.get(\"price\"), (String) userData.get(\"details\"), (String) userData.get(\"category\"), (String) userData.get(\"id\"), (String) userData.get(\"imageUrl\"), (String) userData.get(\"quantity\"));\n", rule: None },
    // index 47221185017
    Case { family: JAVA, form: "q29.2 java spring controller optional userData get", file: "src/main/java/com/example/flights/FavoritesController.java", text: "        Optional<Flight> flightData = flightsRepository.findById(flightId);\n        Optional<User> userData = userRepository.findById(userId);\n\n        if (flightData.isPresent() && userData.isPresent()) {\n            Flight flight = flightData.get();\n            User user = userData.get();\n            user.getFavoritesFlights().add(flight);\n            userRepository.save(user);\n", rule: None },
    // index 40100525507
    Case { family: JS, form: "q29.3 ts firebase query by authorization token variable", file: "src/api/v1/features/generateAuthorization.ts", text: "                        .child(Cfg.Local().fbDbUserData)\n                        .orderByChild('authorization')\n                        .equalTo(token)\n                        .limitToFirst(1);\n                    const fbUserDataResp = (await fbUserData.get()).toJSON();\n                    if (!fbUserDataResp) created = true;\n                    attempts += 1;\n", rule: None },
    // index 71647357457
    Case { family: PY, form: "q29.4 python test asserts notebook reads HF_TOKEN from colab userdata", file: "tests/test_notebooks.py", text: "def test_colab_small_notebook_has_hf_token_fallback():\n    notebook = json.loads((ROOT / \"GRIT_Colab_Qwen2.5_0.5B_Qwen3Guard_0.6B.ipynb\").read_text())\n    source = \"\".join(\"\".join(cell[\"source\"]) for cell in notebook[\"cells\"])\n    assert \"os.environ.get('HF_TOKEN'\" in source\n    assert \"userdata.get('HF_TOKEN')\" in source\n    assert \"except Exception as exc:\" in source\n    assert \"getpass('HF_TOKEN (input hidden): ')\" in source\n", rule: None },
    // ---------------------------------------------------------------- q30 `Authorization: Basic `
    // index 41848776833
    Case { family: HTTP, form: "q30.1 markdown http sample request basic credential", file: "docs/api/agents/archive/GetActivityFilter.md", text: "## Sample request\n\n```http!\nPOST /api/v1/Agents/Archive/GetActivityFilter\nAuthorization: Basic {BASIC}\nAccept: application/json; charset=utf-8\nAccept-Language: en\n```\n", rule: Some("generic-token") },
    // index 31216526753
    Case { family: PHP, form: "q30.2 php stream context basic header from encoded variable", file: "bing_search.php", text: "\t\t$auth = base64_encode(\"$acctKey:$acctKey\");\n\t\t$data = array(\n\t\t'http' => array(\n\t\t'request_fulluri' => true,\n\t\t// ignore_errors can help debug – remove for production. This option added in PHP 5.2.10\n\t\t'ignore_errors' => true,\n\t\t'header' => \"Authorization: Basic $auth\")\n\t\t);\n", rule: None },
    // index 66541935713
    Case { family: HTTP, form: "q30.3 markdown http token request base64 of fill-ins", file: "docs/api.md", text: "## `POST /token` — Autenticación (Basic Auth) ✅ verificado\n\n```http\nPOST /token\nAuthorization: Basic base64(<USERNAME>:<PASSWORD>)\n```\n\nSin body. Respuesta `200`:\n\n```json\n{ \"token\": \"<JWT>\", \"expire\": \"YYYY-MM-DD HH:mm:ss\" }\n```\n", rule: None },
    // index 55769971883
    Case { family: DOC, form: "q30.4 markdown porting notes basic header from key placeholder", file: "docs/porting-notes.md", text: "- `decodo`'s key is **already base64-encoded** `user:pass` — used directly as\n  `Authorization: Basic {key}` (`decodo/index.ts:23`). Do NOT re-encode.\n- `kimi` is keyed by `KIMI_API_KEY` but **also requires `SCRAPFLY_API_KEY`** because\n  it proxies through Scrapfly (`kimi/index.ts:36`, `scrapfly_proxy.ts:49`).\n", rule: None },
    // ---------------------------------------------------------------- q31 `CREATE ROLE`
    // index 124512
    Case { family: RUST, form: "q31.1 rust sql parser test create role authorization", file: "tests/sqlparser_mssql.rs", text: "#[test]\nfn parse_mssql_create_role() {\n    let sql = \"CREATE ROLE mssql AUTHORIZATION helena\";\n    match ms().verified_stmt(sql) {\n        Statement::CreateRole {\n            names,\n            authorization_owner,\n            ..\n        } => {\n", rule: None },
    // index 63064312602
    Case { family: GO, form: "q31.2 go service log message create role failed", file: "internal/service/self_register.go", text: "\tcreatedRole, roleErr := s.personRoleRepo.Create(ctx, role)\n\tif roleErr != nil {\n\t\tslog.ErrorContext(ctx, \"selfRegisterService.Register: create role failed\",\n\t\t\t\"error\", roleErr.Error(), \"person_id\", personID,\n\t\t)\n\t}\n", rule: None },
    // index 47397061932
    Case { family: DOC, form: "q31.3 markdown snowflake system roles prose", file: "docs/snowflake-roles.md", text: "### USERADMIN\n\n- Role dedicated to create and manage users and roles that it owns.\n- It is granted the `CREATE USER` and `CREATE ROLE` security privileges.\n- It separates the management of users and roles from the management of all grants.\n", rule: None },
    // index 58886542797
    Case { family: SQL, form: "q31.4 sql create service role without login password", file: "supabase/migrations/setup.sql", text: "-- Create a service role for Edge Functions\nDO $$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN\n        CREATE ROLE service_role;\n    END IF;\nEND $$;\n\n-- Grant necessary permissions to service role\nGRANT USAGE ON SCHEMA public TO service_role;\n", rule: None },
    // ---------------------------------------------------------------- q32 `ARG NPM_TOKEN`
    // index 912653791
    Case { family: SHELL, form: "q32.1 shell docker build passes NPM_TOKEN build arg from env", file: "scripts/test-docker.sh", text: "    if [ -n \"$NPM_TOKEN\" ]; then\n        if docker build -f \"$dir/Dockerfile\" --build-arg NPM_TOKEN=\"$NPM_TOKEN\" -t \"$image_name\" \"$dir\"; then\n            echo -e \"${GREEN}✅ Docker build successful for $dir${NC}\"\n            return 0\n        else\n", rule: None },
    // index 31098477166
    Case { family: DOCKER, form: "q32.2 dockerfile npmrc template sed from build arg", file: "Dockerfile", text: "# Dockerfile\n\nFROM node:20\n\nWORKDIR /app\n\n# Copy npmrc template with placeholder\nCOPY .npmrc.template .npmrc\nARG NPM_TOKEN\nRUN sed -i \"s|_NPM_TOKEN_|${NPM_TOKEN}|\" .npmrc\n\nCOPY package*.json ./\nRUN npm install\n", rule: None },
    // index 71290107196
    Case { family: DOC, form: "q32.3 markdown multi-stage dockerfile elided token echo", file: "posts/docker-secrets.md", text: "```dockerfile file=Dockerfile\nFROM node:22 AS build\nARG NPM_TOKEN\nRUN echo \"...${NPM_TOKEN}...\" > .npmrc && npm ci\n\nFROM node:22-slim\nCOPY --from=build /app/node_modules ./node_modules\n```\n", rule: None },
    // index 41682973246
    Case { family: DOCKER, form: "q32.4 dockerfile npmrc auth token from build arg", file: "Dockerfile", text: "FROM node:8\n\nWORKDIR /usr/src/app\n\nARG NPM_TOKEN\n\nCOPY package*.json ./\n\nRUN echo \"//registry.npmjs.org/:_authToken=$NPM_TOKEN\" > /usr/src/app/.npmrc\nRUN npm ci --production\n", rule: None },
    // ---------------------------------------------------------------- p1 `speckle_token: `
    // ---------------------------------------------------------------- p2 `spell_token = `
    // index 40719541531
    Case { family: PY, form: "p2.1 python spell-check api token constant in query string", file: "grammar/checker.py", text: "      #response = proc.stdout.read()\n      #response = html.unescape(response.decode('utf-8'))\n      XSPELL_TOKEN = \"{TH32}\"\n\n      response = requests.get(\"http://xspell.ga/?api=spell&token=%s&check=%s\" % (XSPELL_TOKEN, sentence)).text\n\n      tokens, spaces = call_regex(response)\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p3 `"pass": "`
    // index 71653921332
    Case { family: GO, form: "p3.1 go test socks hop account pass fixture map literal", file: "internal/chain/chain_test.go", text: "\t\t\tsettings := map[string]any{\"address\": \"127.0.0.1\", \"port\": hopPort}\n\t\t\thopValue[\"settings\"] = settings\n\t\t\tswitch protocol {\n\t\t\tcase \"socks\":\n\t\t\t\tinbound[\"settings\"] = map[string]any{\"auth\": \"password\", \"accounts\": []any{map[string]any{\"user\": \"hop\", \"pass\": \"{W}\"}}}\n\t\t\t\tsettings[\"user\"], settings[\"pass\"] = \"hop\", \"{W}\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `ConvertTo-SecureString "`
    // index 5940141833
    Case { family: DOC, form: "p4.1 markdown powershell pscredential with plain text password", file: "README.md", text: " > Warning:  _Do not do this in a production system.  Do not do this with real passwords._\n  \n  You can hand craft a PSCredential object with some code like this:  \n  ``` PowerShell\n  $localCred = New-Object -typename System.Management.Automation.PSCredential -argumentlist \"Administrator\", (ConvertTo-SecureString \"{W}\" -AsPlainText -Force) \n  ```\n  Grossly insecure - but useful for testing.  Now you get no prompts at all in this session. \n", rule: Some("generic-password") },
    // index 27411657743
    Case { family: DOC, form: "p4.2 markdown powershell pfx certificate password literal", file: "docs/graph-app-cert.md", text: "# Define the parameters for the certificate\n$certSubject = \"CN=xuhuanGraphAppCert\"  # Change this to the desired certificate name\n$certPath = \"<path>\"  # Path where you want to save the certificate file\n$certPassword = ConvertTo-SecureString \"{W}\" -AsPlainText -Force  # Password to secure the PFX file\n", rule: Some("generic-password") },
    // index 56447429753
    Case { family: DOC, form: "p4.3 markdown homelab new-aduser account password literal", file: "docs/active-directory.md", text: "# Create sample users\n$users = @(\"jsmith\",\"bjones\",\"alee\",\"mwilson\")\nforeach ($user in $users) {\n    New-ADUser -Name $user `\n        -SamAccountName $user `\n        -UserPrincipalName \"$user@homelab.local\" `\n        -Path \"OU=Lab Users,DC=homelab,DC=local\" `\n        -AccountPassword (ConvertTo-SecureString \"{W}\" -AsPlainText -Force) `\n        -Enabled $true\n}\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p5 `mysql -uroot -p`
    // index 23170193836
    Case { family: SHELL, form: "p5.1 shell mysql root password glued to -p before heredoc", file: "install/phyre-mysql.sh", text: "# Create MySQL user\nMYSQL_PHYRE_ROOT_USERNAME=\"phyre\"\nMYSQL_PHYRE_ROOT_PASSWORD=\"$(tr -dc a-za-z0-9 </dev/urandom | head -c 32; echo)\"\n\nmysql -uroot -p{W} <<MYSQL_SCRIPT\n  CREATE USER '$MYSQL_PHYRE_ROOT_USERNAME'@'%' IDENTIFIED BY '$MYSQL_PHYRE_ROOT_PASSWORD';\n  GRANT ALL PRIVILEGES ON *.* TO '$MYSQL_PHYRE_ROOT_USERNAME'@'%' WITH GRANT OPTION;\n  FLUSH PRIVILEGES;\nMYSQL_SCRIPT\n", rule: Some("generic-password") },
    // index 40813531
    Case { family: DOC, form: "p5.2 markdown notes mysql import with password glued to -p", file: "notes/mysql.md", text: "#### 执行脚本sql文件\n1. 进入mysql\n`mysql>source /var/www/chinslickingweb/chin.sql;`\n\n2. 不进入mysql\n`mysql -uroot -p{W} -D chin < /var/www/chinslickingweb/chin.sql`\n\n\n### mysql导出\n导出某个数据库：\n```\nmysqldump -uroot -p test > E:/mysql/bak/2019_08_04.sql\n", rule: Some("generic-password") },
    // index 48931154881
    Case { family: SHELL, form: "p5.3 shell ssh remote mysql quoted password glued to -p", file: "deploy/init_db.sh", text: "# === Копирование на VPS ===\nscp -i \"$SSH_KEY\" /tmp/init_temp.sql \"$SSH_USER@$SSH_HOST:$REMOTE_TMP\"\n\n# === Выполнение на VPS ===\nssh -i \"$SSH_KEY\" \"$SSH_USER@$SSH_HOST\" \"mysql -uroot -p'{W}' < $REMOTE_TMP\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p6 `User Id=`
    // index 32752483050
    Case { family: CSHARP, form: "p6.1 c# static connection string sa password", file: "AutoStock.Data/DbContextFactory.cs", text: "namespace AutoStock.Data;\n\npublic class DbContextFactory\n{\n    public static string ConnectionString => \"Data Source=.;Initial Catalog=AutoStock;Persist Security Info=True;User ID=sa;Password={W};Trust Server Certificate=True\";\n\n    private static PooledDbContextFactory<AutoStockContext>? _factory;\n", rule: Some("connection-string-password") },
    // index 45512614155
    Case { family: CSHARP, form: "p6.2 c# constructor assigns connection string with password", file: "PizzaApp/MenuDb.cs", text: "        public MenuDb()\n        {\n           this.ConnectionString = \"Data Source=192.168.6.4;Persist Security Info=True;User ID=sa;Password={W};Database=PizzaDB\";\n          //  this.ConnectionString = \"Server=localhost;Database=PizzaDB;Trusted_Connection=True;\";\n\n            this.menuDt = new DataTable();\n", rule: Some("connection-string-password") },
    // index 19398896625
    Case { family: DOC, form: "p6.3 markdown writeup quoted dtsConfig connection string password", file: "writeups/archetype.md", text: "    <Configuration ConfiguredType=\"Property\" Path=\"\\Package.Connections[Destination].Properties[ConnectionString]\" ValueType=\"String\">\n        <ConfiguredValue>Data Source=.;Password={W};User ID=ARCHETYPE\\sql_svc;Initial Catalog=Catalog;Provider=SQLNCLI10.1;Persist Security Info=True;Auto Translate=False;</ConfiguredValue>\n    </Configuration>\n</DTSConfiguration>\n```\n", rule: Some("connection-string-password") },
    // ---------------------------------------------------------------- p7 `sk-or-v1-`
    // index 53875445870
    Case { family: JS, form: "p7.1 js const openrouter key with trailing spaces inside quotes", file: "src/services/ai.js", text: "import axios from \"axios\";\n\nconst OPENROUTER_API_KEY = \"{ORK}   \";\n\nexport const getAIResponse = async (message) => {\n  try {\n    const response = await axios.post(\n      \"https://openrouter.ai/api/v1/chat/completions\",\n", rule: Some("openrouter-api-key") },
    // index 33563688005
    Case { family: DOC, form: "p7.2 markdown server env block openrouter key under OPENAI_API_KEY", file: "SETUP.md", text: "**Create `server/.env`:**\n```env\nPORT=5000\nNODE_ENV=development\n\nDB_HOST=auth-db1336.hstgr.io\nDB_NAME=u509616587_luno\n\nOPENAI_API_KEY={ORK}\n```\n", rule: Some("openrouter-api-key") },
    // index 62483187530
    Case { family: PY, form: "p7.3 python getenv default openrouter key", file: "app/config.py", text: "#Chatbot \nOPENAI_API_KEY = os.getenv(\"OPENAI_API_KEY\", '{ORK}')\nOPENAI_MODEL= os.getenv(\"OPENAI_MODEL\", 'google/gemma-3-27b-it:free')\nOPENAI_API_URL = os.getenv(\"OPENAI_API_URL\", 'https://openrouter.ai/api/v1')\n", rule: Some("openrouter-api-key") },
    // ---------------------------------------------------------------- p8 `glpat-`
    // ---------------------------------------------------------------- p9 `xapp-`
    // ---------------------------------------------------------------- p10 `sk.eyJ`
    // index 30349031044
    Case { family: JS, form: "p10.1 jsx fetch mapbox datasets url access_token secret token", file: "src/components/MapPage.jsx", text: "  const [filter, setFilter] = useState([]);\n  fetch('https://api.mapbox.com/datasets/v1/annieqiu/clgjixyhi00w32aqjldij9nfw/features/?access_token={MBSK}', {\n    method: 'PUT',\n    headers: {\n      'Content-Type': 'application/json',\n    },\n", rule: Some("mapbox-secret-token") },
    // index 16998790234
    Case { family: KOTLIN, form: "p10.2 kotlin local val accessToken mapbox secret token", file: "app/src/main/java/com/example/nav/MapActivity.kt", text: "    private fun navigationEntrePostion(from: Point, to: Point) {\n        // Source: https://docs.mapbox.com/help/tutorials/getting-started-directions-api/\n        // Sous: Parameters\n        // Clé\n        val accessToken = \"{MBSK}\"\n        // Url de l'api qui nous permet de dessiner une ligne\n", rule: Some("mapbox-secret-token") },
    // index 6744704449
    Case { family: JS, form: "p10.3 expo app config rnmapbox plugin android accessToken", file: "app.config.js", text: "\t\tplugins: [\n\t\t\t\"expo-router\",\n\t\t\t\"expo-web-browser\",\n\t\t\t[\n\t\t\t\t\"@rnmapbox/maps\",\n\t\t\t\t{\n\t\t\t\t\tandroid: {\n\t\t\t\t\t\taccessToken:\n\t\t\t\t\t\t\t\"{MBSK}\",\n\t\t\t\t\t},\n\t\t\t\t},\n\t\t\t],\n", rule: Some("mapbox-secret-token") },
    // ---------------------------------------------------------------- p11 `eyJhbGciOiJIUzI1NiIs`
    // index 26644179371
    Case { family: CSHARP, form: "p11.1 c# jwt symmetric signing key literal", file: "Infrastructure/Services/TokenService.cs", text: "public static class TokenService\n{\n    public static string GenerateToken(string username)\n    {\n        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"{C}\"));\n        var creds = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p12 `sqlserver://`
    // index 49242393891
    Case { family: JAVA, form: "p12.1 java jdbc sqlserver url user and password properties", file: "src/com/joaodias/jdbc/TestJdbc.java", text: "public class TestJdbc {\n\n    public static void main(String[] args) {\n\n        String jdbcUrl = \"jdbc:sqlserver://HOME-DESKTOP\\\\SQLEXPRESS:1434;databaseName=hb_student_tracker;user=hbstudent;password={W}\";\n\n        try {\n            System.out.println(\"Connecting to database: \" + jdbcUrl);\n            Connection myconn = DriverManager.getConnection(jdbcUrl);\n", rule: Some("connection-string-password") },
    // index 42853875966
    Case { family: JAVA, form: "p12.2 java getConnection sqlserver url with password property", file: "src/dao/Conect.java", text: "    public Conect() {\n        try {\n            Class.forName(\"com.microsoft.sqlserver.jdbc.SQLServerDriver\");\n            conn = DriverManager.getConnection(\"jdbc:sqlserver://localhost:1433;databasename=BooksSuppliers;username=sa;password={W}\");\n            \n        } catch (Exception e) {\n            e.printStackTrace();\n        }\n    }\n", rule: Some("connection-string-password") },
    // index 31428584046
    Case { family: JAVA, form: "p12.3 java local password variable numeric literal", file: "src/util/DBConection.java", text: "    public static Connection openConnection(){\n        try {\n            Class.forName(\"com.microsoft.sqlserver.jdbc.SQLServerDriver\");\n            String url = \"jdbc:sqlserver://localhost:1433;databaseName=Employee\";\n            String username = \"sa\";\n            String password = \"{W}\";\n            connection =\n                    DriverManager.getConnection(url, username, password);\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p13 `api_token: "`
    // ---------------------------------------------------------------- p14 `SECRET_KEY_BASE=`
    // index 25774948716
    Case { family: DOCKER, form: "p14.1 dockerfile build stage env SECRET_KEY_BASE literal", file: "Dockerfile", text: "# -----------------\n# BUILD\n# -----------------\nFROM base AS build\n\nRUN apk add curl bash git\n\nARG MIX_ENV=prod\nENV MIX_ENV=$MIX_ENV\nENV SECRET_KEY_BASE=\"{SKB}\"\nCOPY . ./\n\n# install application\nRUN mix do deps.get, compile\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p15 `clientSecret: "`
    // index 23019069320
    Case { family: GO, form: "p15.1 go test youtube client config client secret fixture", file: "playlist/playlist_test.go", text: "func createMockServices(t *testing.T) *Playlist {\n\n\tdata := data.InMemorySQLiteConnect()\n\tplaylist := &ytservice.YTPlaylistFake{}\n\n\tdata.NewYoutubeClientConfig(&models.YoutubeClientConfig{\n\t\tClientID:     \"11223534584-asdfhasdjfhwieyrwqejhkflasd.apps.googleusercontent.com\",\n\t\tClientSecret: \"{C}\",\n\t\tRedirectURL:  \"urn:ietf:wg:oauth:2.0:oob\",\n\t\tAuthURL:      \"https://accounts.google.com/o/oauth2/auth\",\n\t\tTokenURL:     \"https://oauth2.googleapis.com/token\",\n\t})\n", rule: Some("generic-secret") },
    // index 35960789285
    Case { family: JS, form: "p15.2 jsx auth request body client secret literal", file: "src/pages/Login.jsx", text: "            body: JSON.stringify({\n              email: \"student@example.com\",\n              name: \"nitesh kumar\",\n              rollNo: \"12208934\",\n              clientID: \"{UUID}\",\n              clientSecret: \"{C}\",\n            }),\n          }\n        );\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p16 `"Authorization": "Basic `
    // index 8202015071
    Case { family: JS, form: "p16.1 ts angular headers literal basic credential for watson", file: "src/app/chat.service.ts", text: "  mensaje(msn:string){\n    var js = {\n      \"input\": {\n        \"text\": msn\n      },\n      \"alternate_intents\": true\n    }\n    var body = JSON.stringify(js);\n    var header = new Headers(\n      {\n        \"Accept\": \"application/json\",\n        \"Content-Type\": \"application/json\",\n        \"Authorization\": \"Basic {BASIC}\"\n       });\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p17 `--token=`
    // ---------------------------------------------------------------- p18 `<apiKey>`
    // ---------------------------------------------------------------- p19 `TF_TOKEN_`
    // ---------------------------------------------------------------- p20 `discord.com/api/webhooks/`
    // index 58650031063
    Case { family: OTHER, form: "p20.1 lua roblox script webhook url under replace-with comment", file: "src/ServerScript.lua", text: "local HttpService = game:GetService(\"HttpService\")\nlocal TeleportService = game:GetService(\"TeleportService\")\nlocal Players = game:GetService(\"Players\")\nlocal Workspace = game:GetService(\"Workspace\")\n\n-- WEBHOOK URLs - REPLACE WITH YOUR ACTUAL WEBHOOKS\nlocal WEBHOOK_URL_LOW = \"{DWH}\"\n\nlocal player = Players.LocalPlayer\n", rule: Some("discord-webhook-url") },
    // index 52548949243
    Case { family: JS, form: "p20.2 js const discord webhook url after requires", file: "index.js", text: "const fs = require('fs');\nconst readline = require('readline');\nconst axios = require('axios');\nconst ConnectionManager = require('./core/ConnectionManager');\nconst FarmManager = require('./modules/FarmManager');\n\nconst configFile = './config.json';\nconst WEBHOOK_URL = \"{DWH}\";\n\nconst COLORS = { GREEN: 5763719, RED: 15548997, YELLOW: 16776960, PURPLE: 10181046, BLUE: 3447003 };\n", rule: Some("discord-webhook-url") },
    // index 25031008
    Case { family: JS, form: "p20.3 js webhook constants one literal one fill-in", file: "script.js", text: "// 🔴 WKLEJ SWOJE WEBHOOKI DO KONKRETNYCH KANAŁÓW 🔴\nconst WEBHOOK_LAPD = \"{DWH}\";\nconst WEBHOOK_DOJ  = \"TU_WKLEJ_WEBHOOK_KANAL_DOJ\";\n", rule: Some("discord-webhook-url") },
];

#[test]
fn held_aside_real6() {
    SET.measure("real6", CASES, 61031, 43, 113);
}
