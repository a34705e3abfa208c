//! Ninth held-aside recall set sampled from real public code (issue 13: recall >= 0.95 at
//! precision >= 0.98 on the credential forms users meet, in code nobody tuned on). The
//! earlier real-code sets have been measured (and the fifth to seventh spent), so this set,
//! with new queries, measures code nobody has looked at for tuning. It follows the eighth
//! set's method (values replaced by generated values of the real one's shape) and the shared
//! measuring harness ([`super::blind_harness`]), spread over the file kinds users write:
//! Python, notebooks, JS/TS and Vue, Go, Java, Kotlin, C#, Ruby, PHP, Dart, shell,
//! Makefiles and justfiles, CI workflows, Terraform, YAML and JSON config, Markdown docs,
//! and the Speckle and Spell SDKs.
//!
//! Written blind on 2026-12-07 (session 14, branch `blindset14`): no engine code was read
//! (`src/context/` other than the earlier real-code sets 3 to 6 and `tuning_real7` as the
//! model, `blind_harness.rs` and the `Case` type of `heldout_fresh2.rs`); `heldout_real7` and
//! `heldout_real8` were never opened, grepped or run with `--nocapture` (their index ids were
//! extracted by a script printing ids only, so no file they sampled is sampled here).
//!
//! # Procedure (fixed and committed before sampling)
//!
//! 1. Queries: `docs/blind-sets/real9-queries.md`, committed before any was sent. Stage 1,
//!    37 queries, the first 3 usable excerpts of each whatever their label (cases
//!    `q<n>.<k>`); stage 2, 14 queries, and stage 3, 4 queries added (and committed) after
//!    stage 2 and before any of them was sent, the first 3 excerpts holding a literal
//!    credential (cases `p<n>.<k>`, `s<n>.<k>`). Each query was sent once to the public-code
//!    string index (`find_string`, context 300). None is a query of an earlier real-code set
//!    (compared case-insensitively against their headers and `real8-queries.md`).
//! 2. An excerpt is unusable when it is not source or config text, repeats one already
//!    taken, or comes from a file an earlier set sampled (`/work/wt/ids-used-before-s14.txt`).
//! 3. Each excerpt becomes ONE case, trimmed to the lines that matter; a line cut by the
//!    window is dropped. The comment above each case gives its file's index id.
//! 4. Labels, decided from the code before the scanner ever ran on it (the earlier sets'
//!    rules): a literal credential (a real-looking key, token or password, a concrete
//!    default used when an environment variable is missing, a concrete fixture value in a
//!    test, a weak concrete password such as `root` or `123456`, a sequential fake) is
//!    POSITIVE and expects the rule a user would want (the provider rule for a provider's
//!    shape, the URL rule for a password in a connection URL, else the generic rule by
//!    role); references, templates, types, empty values, elisions, fill-ins (`<...>`,
//!    `YOUR_...`, `your-...`, `tu-...`, `xxxx`, `BBBBBB`), bare role words and role-word
//!    compounds (`password`, `fallback-secret`, `secretpassword`, `supersecretkey`,
//!    `redispwd`, `pw`), word fixtures (`test-...-token`), change-me values, and published
//!    defaults or examples (AWS's documented key pair, Redis's `foobared`) are NEGATIVE.
//!    One case measures one value: the hit line's literal, else the first by position;
//!    other literals on lines of their own are trimmed away.
//! 5. A positive's value is replaced by a value generated at run time with the real one's
//!    shape: same length, character classes and prefix (`admin` -> five random lowercase
//!    letters, `123456` -> six digits, a 42-hex Speckle token -> 42 hex). Where a value
//!    spells a word that makes it what it is (`password123`, `...Password2026!`,
//!    `x_secret_key_2026`, `init-pass-123`), that word is kept and the rest drawn. Personal
//!    e-mail addresses, phone numbers and server addresses are replaced by example ones.
//!    Non-secret token-shaped text (a Twilio account SID, AWS's published example pair) is
//!    written at run time too, so the repository holds no token-shaped literal.
//! 6. The cases were committed before their first run; the test runs once on the branch, no
//!    case is changed, dropped or relabelled after its result is seen, and only the summary
//!    line is recorded.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1 (37 queries x 3): 111 cases, 19 positives. Ranks 1-3 were taken for every query
//! but `adminPassword:` (ranks 1-3 were files earlier sets sampled: ranks 4-6 taken). Some
//! queries returned only other code: `get_default_account(` (account services),
//! `"SPELL_TOKEN"` (Spell SDK code reading the variable), `key="ApiKey"` (Vue prop bindings),
//! `$(DB_PASSWORD)` (Makefiles, docs), `- name: DB_PASSWORD` (Markdown only): all kept as
//! sampled.
//!
//! Stage 2 (positives only; ranks among the 10 returned): `SPECKLE_TOKEN: "` 0 (1 hit, a
//! secrets template); `SPELL_TOKEN: ` 0 (game and lexer constants); `db_password: "` 3
//! (ranks 1, 5, 6); `apiKey: '` 1 (rank 9); `ENV AWS_SECRET_ACCESS_KEY` 0 (empty values,
//! fill-ins, AWS's published example, `accesskey` words, variables); `PGPASSWORD=` 3 (ranks
//! 3, 4, 9); `"password" => "` 3 (ranks 1, 2, 5); `String apiKey = "` 3 (ranks 2, 3, 5);
//! `password := "` 3 (ranks 1, 2, 3); `client_secret = "` 0; `"Authorization": "Bearer ` 0
//! (fill-ins and word fixtures); `postgresql://postgres:` 3 (ranks 1, 2, 4);
//! `SENDGRID_API_KEY=SG.` 1 (rank 4); `redis-cli -a ` 3 (ranks 1, 7, 8). Stage 2 gave 23
//! positives (134 cases, 42 positives), so stage 3 was added: `<add key="ApiKey" value="` 1
//! (rank 3); `openai.api_key = \"sk-` 3 (ranks 1, 6, 7); `speckleToken = "` 3 (ranks 1, 2,
//! 3); `mail.smtp.password=` 1 (rank 7).
//!
//! Total: 142 cases, 50 positives, 92 negatives. By file kind (cases, positives): Markdown
//! and docs 32 (9), Python 22 (5), JavaScript/TypeScript/Vue 21 (6), Go 13 (4), shell 11
//! (3), PHP 9 (4), Java 6 (5), Terraform 5 (0), C# 4 (1), Ruby 4 (2), Kotlin 3 (3), CI
//! configuration 3 (0), Makefiles 2 (1), other languages 2 (2: NetLogo, justfile),
//! notebooks 2 (2), YAML config 1 (1), Dart 1 (1), JSON 1 (1): 18 kinds. By expected rule:
//! `generic-password` 28, `generic-api-key` 8, `speckle-token` 4, `postgres-url-password` 3,
//! `openai-project-key` 2, `generic-secret` 1, `generic-token` 1, `google-api-key` 1,
//! `tencent-secret-key` 1, `openai-user-key` 1. Spell: no query returned a Spell credential.
//!
//! Judgements made while sampling, before any scan: the hit line's value a role compound or
//! fill-in with a literal elsewhere in the excerpt measures that literal (q13.2 `password123`
//! below `encoded_password`, q27.1 a Makefile help text's stated default, p3.1 a Tencent
//! secret key above a `your-password` fill-in, p7.2 `admin` below an empty value, p14.1
//! `mysql -p123456` below `redis-cli -a redispwd`); a password written inside `ENV['...']`
//! is the leaked password itself (q18.2, positive); `${PGPASSWORD:-app}` is a concrete
//! default (p6.2); a project-named JWT fallback (`idr_secret_key_2026` shape, q7.1) is a
//! literal while `fallback-secret` and `dev-secret-change-me` are not; a sequential
//! `SG.live.<hex>` fake is a literal without SendGrid's shape (`generic-api-key`, p13.1);
//! Go MySQL DSNs (`user:pass@tcp(...)`) expect `generic-password` (q10.2, q10.3).
//!
//! Generator check (before the set was committed; each generator alone in a one-line
//! `NAME="<value>"` file, three seeds, scanned by the session-start binary; never a case):
//! every provider shape was reported by its rule (`{SPK42}` speckle-token, `{TCSK}`
//! tencent-secret-key, `{GAPI}`, `{OAIP}`, `{OAIL}`), `{KH32}`, `{K20Q}`, `{SGSEQ}`, `{RHK}`
//! under `API_KEY=` and `{TH32}` under `API_TOKEN=` by their generic rules, and every
//! password shape of 8 characters or more under `PASSWORD=` but `{PW123}` (`password` and
//! three digits) and `{PWIP}` (`xxxx-pass-123`); `{JSK}` under `JWT_SECRET=` was not
//! reported, nor the shapes under 8 characters (`{L3}` to `{L7}`, `{D3}`, `{D6}`). They are
//! the sampled values' real shapes, so none was changed.
//!
//! # Measuring
//!
//! The shared harness: recall, precision, negatives quiet, over the six generic rules and
//! every rule a case expects. A placeholder standing on several lines of one case must be
//! reported whole; any other counts when the report holds it or is a part of it of 16
//! characters or more. It is a measurement, not a gate: the test fails only when the set
//! is malformed or a scan panics, never on low recall. Tuners must not run it with
//! `--nocapture`; the one recorded run is the summary line in docs/context-rules.md.

#![cfg(test)]

use super::blind_harness::{BlindSet, Gen, BASE62, DIGITS, HEX, LETTERS, LOWER, URLSAFE};
use super::heldout_fresh2::Case;

const PY: &str = "Python";
const NB: &str = "notebooks";
const JS: &str = "JavaScript and TypeScript";
const GO: &str = "Go";
const JAVA: &str = "Java";
const KOTLIN: &str = "Kotlin";
const CSHARP: &str = "C#";
const RUBY: &str = "Ruby";
const PHP: &str = "PHP";
const DART: &str = "Dart";
const SHELL: &str = "shell scripts";
const MAKE: &str = "Makefiles";
const CI: &str = "CI configuration";
const HCL: &str = "Terraform";
const YAML: &str = "YAML config";
const JSON: &str = "JSON";
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

/// Every password placeholder: weak words and digits keep their length and classes.
const PASSWORDS: &[&str] = &[
    "{GAPP}",
    "{PWIP}",
    "{L3}",
    "{L4}",
    "{L5}",
    "{L7}",
    "{L8}",
    "{L16}",
    "{D3}",
    "{D6}",
    "{PW123}",
    "{PWENV}",
    "{PWU1L5D4}",
    "{PWINST}",
    "{PWGOS}",
    "{PWL5D6}",
    "{PWK8S}",
    "{PWVA}",
    "{L6D2}",
    "{PWLEET}",
    "{PWL5D3}",
    "{PWCGR}",
    "{PWXHS}",
];

/// For each rule a case may expect, the placeholders that can hold its value.
const MEASURED: &[(&str, &[&str])] = &[
    ("speckle-token", &["{SPK42}"]),
    ("generic-password", PASSWORDS),
    ("generic-secret", &["{JSK}"]),
    ("generic-api-key", &["{KH32}", "{K20Q}", "{SGSEQ}", "{RHK}"]),
    ("generic-token", &["{TH32}"]),
    ("tencent-secret-key", &["{TCSK}"]),
    ("google-api-key", &["{GAPI}"]),
    ("postgres-url-password", &["{L4}", "{L8}"]),
    ("openai-project-key", &["{OAIP}"]),
    ("openai-user-key", &["{OAIL}"]),
];

/// Placeholders standing on several lines of one case: their value must be reported whole.
const SHARED: [&str; 5] = ["{L5}", "{L8}", "{PW123}", "{PWLEET}", "{K20Q}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{SPK42}",
    "{JSK}",
    "{GAPP}",
    "{PWIP}",
    "{L3}",
    "{L4}",
    "{L5}",
    "{L7}",
    "{L8}",
    "{L16}",
    "{D3}",
    "{D6}",
    "{PW123}",
    "{PWENV}",
    "{PWU1L5D4}",
    "{PWINST}",
    "{PWGOS}",
    "{PWL5D6}",
    "{PWK8S}",
    "{PWVA}",
    "{L6D2}",
    "{PWLEET}",
    "{PWL5D3}",
    "{PWCGR}",
    "{PWXHS}",
    "{KH32}",
    "{K20Q}",
    "{SGSEQ}",
    "{RHK}",
    "{TH32}",
    "{TCSK}",
    "{GAPI}",
    "{OAIP}",
    "{OAIL}",
    "{HUNTER}",
];

/// A value of the given shape: `A` an upper-case letter, `a` a lower-case one, `0` a digit;
/// any other character stands for itself.
fn shaped(g: &mut Gen, shape: &str) -> String {
    shape
        .chars()
        .map(|c| match c {
            'A' => g.pick(&LETTERS[..26], 1),
            'a' => g.pick(LOWER, 1),
            '0' => g.pick(DIGITS, 1),
            other => other.to_string(),
        })
        .collect()
}

/// Every placeholder of this set and its value for one case's seed.
fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut g = Gen(seed ^ 0x5EED_0009);
    let openai_marker = ["T3Bl", "bkFJ"].concat();
    vec![
        // Speckle's personal access token: 42 hex.
        ("{SPK42}", g.pick(HEX, 42)),
        // A project-named JWT fallback: three letters, `_secret_key_`, a year.
        (
            "{JSK}",
            [&g.pick(LOWER, 3), "_secret_", "key_20", &g.pick(DIGITS, 2)].concat(),
        ),
        // A Google app password: four groups of four lower-case letters.
        ("{GAPP}", shaped(&mut g, "aaaa aaaa aaaa aaaa")),
        (
            "{PWIP}",
            [&g.pick(LOWER, 4), "-pass-", &g.pick(DIGITS, 3)].concat(),
        ),
        ("{L3}", g.pick(LOWER, 3)),
        ("{L4}", g.pick(LOWER, 4)),
        ("{L5}", g.pick(LOWER, 5)),
        ("{L7}", g.pick(LOWER, 7)),
        ("{L8}", g.pick(LOWER, 8)),
        ("{L16}", g.pick(LOWER, 16)),
        ("{D3}", g.pick(DIGITS, 3)),
        ("{D6}", g.pick(DIGITS, 6)),
        ("{PW123}", ["pass", "word", &g.pick(DIGITS, 3)].concat()),
        ("{PWENV}", shaped(&mut g, "##AaAaaa0000")),
        ("{PWU1L5D4}", shaped(&mut g, "Aaaaaa0000")),
        (
            "{PWINST}",
            [
                &shaped(&mut g, "Aaaaaaaaaaaa"),
                "Pass",
                "word",
                &g.pick(DIGITS, 3),
                "!",
            ]
            .concat(),
        ),
        ("{PWGOS}", shaped(&mut g, "AaaaaaaaAaaaaa000")),
        ("{PWL5D6}", shaped(&mut g, "aaaaa000000")),
        (
            "{PWK8S}",
            [
                &shaped(&mut g, "A0aAaaaaaAaaaa"),
                "Pass",
                "word",
                &g.pick(DIGITS, 4),
                "!",
            ]
            .concat(),
        ),
        ("{PWVA}", shaped(&mut g, "AaaaaAaa0000!")),
        ("{L6D2}", shaped(&mut g, "aaaaaa00")),
        ("{PWLEET}", shaped(&mut g, "A@aaa0aa")),
        ("{PWL5D3}", shaped(&mut g, "aaaaa000")),
        ("{PWCGR}", shaped(&mut g, "aaaaaaaaa_aaaaa")),
        ("{PWXHS}", shaped(&mut g, "Aaa@0000#Aaaaa")),
        // Keys without a provider shape: 32 hex, a Quandl-style 20-character key, a
        // sequential-looking SendGrid-named fake, a made-up dashed key.
        ("{KH32}", g.pick(HEX, 32)),
        ("{K20Q}", g.pick(URLSAFE, 20)),
        ("{SGSEQ}", ["SG", ".live.", &g.pick(HEX, 12)].concat()),
        (
            "{RHK}",
            shaped(&mut g, "a0aaaaa-00a0-00a0-a00a-0000aaaaaaaA"),
        ),
        ("{TH32}", g.pick(HEX, 32)),
        // A Tencent Cloud SecretKey: 32 base62.
        ("{TCSK}", g.pick(BASE62, 32)),
        // A Google API key: `AIza` and 35 URL-safe characters.
        ("{GAPI}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        // OpenAI keys: project (`sk-proj-`, 74, the marker, 74) and legacy (20, marker, 20).
        (
            "{OAIP}",
            [
                "sk-",
                "proj-",
                &g.pick(URLSAFE, 74),
                &openai_marker,
                &g.pick(URLSAFE, 74),
            ]
            .concat(),
        ),
        (
            "{OAIL}",
            [
                "sk-",
                &g.pick(BASE62, 20),
                &openai_marker,
                &g.pick(BASE62, 20),
            ]
            .concat(),
        ),
        // A second password on a measured case's line (not measured): `hunter2`'s shape.
        ("{HUNTER}", shaped(&mut g, "aaaaaa0")),
        // Not secrets: a Twilio account SID (an id in a URL path) and AWS's published
        // documentation example pair, written at run time so the repository holds neither.
        ("{TWSID}", ["A", "C", &g.pick(HEX, 32)].concat()),
        ("{AWSEXID}", ["AK", "IAIOSFODNN7", "EXAMPLE"].concat()),
        (
            "{AWSEXSK}",
            ["wJalrXUtnFEMI/K7MDENG/", "bPxRfiCY", "EXAMPLEKEY"].concat(),
        ),
        // Not secrets, written at run time so the repository scans clean: a Spanish
        // `your-password` fill-in in a connection string, a fixture's truncated JWT header.
        ("{TUPW}", ["Tu", "Pass", "word", "123"].concat()),
        ("{JWTHDR}", ["eyJhbGciOi", "JIUzI1Ni", "w9"].concat()),
        // A Python f-string's `{API}` stands for itself.
        ("{API}", "{API}".to_string()),
    ]
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
    // ---------------- q1 `get_default_account(`
    // index 11411078104
    Case { family: PY, form: "q1.1 python async service default account from repository", file: "app/services/exchange_service.py", text: "        account = await self.exchange_account_repository.get(account_id)\n        if not account or account.user_id != str(user_id):\n            return False\n\n        return await self.exchange_account_repository.set_default_account(\n            user_id, account_id\n        )\n\n    async def get_default_account(self, user_id: UUID) -> Optional[ExchangeAccount]:\n        \"\"\"Get user's default account\"\"\"\n        return await self.exchange_account_repository.get_default_account(user_id)\n", rule: None },
    // index 39737581759
    Case { family: PHP, form: "q1.2 php wordpress default account id option", file: "includes/ea-misc-functions.php", text: "/**\n * @return array|object|void|null\n * @since 1.0.2\n */\nfunction eaccounting_get_default_account() {\n\t$default_account_id = (int) eaccounting_get_option( 'default_account_id' );\n\tif ( empty( $default_account_id ) || empty( eaccounting_get_account( $default_account_id ) ) ) {\n\t\tglobal $wpdb;\n\t\t$default_account_id = $wpdb->get_var( \"SELECT id FROM $wpdb->ea_accounts order by id ASC limit 1\" );\n", rule: None },
    // index 71584191154
    Case { family: PY, form: "q1.3 python staticmethod default or first game account", file: "services/account_service.py", text: "    @staticmethod\n    async def get_default_or_first_account(\n        discord_user_id: int, game: GameType\n    ) -> Optional[AccountModel]:\n        \"\"\"Lấy tài khoản mặc định của game hoặc tài khoản đầu tiên.\"\"\"\n        return await AccountRepository.get_default_account(discord_user_id, game)\n\n    @staticmethod\n    async def set_default_account(discord_user_id: int, account_id: int) -> bool:\n        \"\"\"Đặt tài khoản làm mặc định.\"\"\"\n        return await AccountRepository.set_default(discord_user_id, account_id)\n", rule: None },
    // ---------------- q2 `SpeckleClient(host=`
    // index 53562149240
    Case { family: PY, form: "q2.1 python speckle token from environment checked then used", file: "scripts/speckle_to_howick.py", text: "    server = os.environ.get(\"SPECKLE_SERVER\", \"https://app.speckle.systems\")\n    token = os.environ.get(\"SPECKLE_TOKEN\")\n    if not token:\n        print(\"Error: Set SPECKLE_TOKEN environment variable.\")\n        sys.exit(1)\n\n    client = SpeckleClient(host=server)\n    client.authenticate_with_token(token)\n    print(f\"Connected to {server}\")\n", rule: None },
    // index 70991440836
    Case { family: DOC, form: "q2.2 markdown specklepy example default account token", file: "docs/ifc-to-speckle.md", text: "from specklepy.api.credentials import get_default_account\nfrom specklepy.transports.server import ServerTransport\nfrom specklepy.api.operations import send\n\n# 1. Convert IFC to Speckle Base object\nbase_object = open_and_convert_file(\n    ifc_path='model.ifc'\n)\n\n# 2. Setup Speckle client\nclient = SpeckleClient(host='https://your-speckle-server.com')\naccount = get_default_account()\nclient.authenticate_with_token(account.token)\n", rule: None },
    // index 35507071670
    Case { family: PY, form: "q2.3 python streamlit speckle token literal variable", file: "app.py", text: "    speckleToken =\"{SPK42}\"\n    #-------\n    #-------\n    #CLIENT\n    client = SpeckleClient(host=speckleServer)\n    #Get account from Token\n    account = get_account_from_token(speckleToken, speckleServer)\n    #Authenticate\n    client.authenticate_with_account(account)\n", rule: Some("speckle-token") },
    // ---------------- q3 `"SPELL_TOKEN"`
    // index 28418397130
    Case { family: PY, form: "q3.1 python spell config token from environment", file: "spell/cli/config.py", text: "    def load_config(self, loader=yaml.safe_load):\n        try:\n            self.load_config_from_file(loader=loader)\n        except ConfigException:\n            self.load_default_config(\"global\")\n        if \"SPELL_TOKEN\" in os.environ:\n            self.config.token = os.environ[\"SPELL_TOKEN\"]\n            if \"SPELL_OWNER\" not in os.environ:\n                raise ExitException(\"The SPELL_TOKEN environment variable is set, but SPELL_OWNER is not.\")\n", rule: None },
    // index 19062554091
    Case { family: PY, form: "q3.2 python prefect flow spell token env secret", file: "examples/spell_flow.py", text: "def main():\n    create_run_in_org = CreateSpellRun(owner=\"spell-org\")\n\n    with Flow(\"example-flow\") as f:\n        token = EnvVarSecret(\"SPELL_TOKEN\")\n        state = create_run_in_org(\n            command=\"python models/train.py\",\n            machine_type=\"t4\",\n            github_url=\"https://github.com/spellml/cnn-cifar10.git\",\n            token=token,\n        )\n", rule: None },
    // index 1174794859
    Case { family: PY, form: "q3.3 python spell config token and owner from environment", file: "spell/configs/config_handler.py", text: "    def load_config(self, loader=yaml.safe_load):\n        try:\n            self.load_config_from_file(loader=loader)\n        except ConfigException:\n            self.load_default_config(\"global\")\n        if \"SPELL_TOKEN\" in os.environ:\n            self.config.token = os.environ[\"SPELL_TOKEN\"]\n        if \"SPELL_OWNER\" in os.environ:\n            self.config.owner = os.environ[\"SPELL_OWNER\"]\n", rule: None },
    // ---------------- q4 `os.getenv("API_KEY", "`
    // index 53750904589
    Case { family: DOC, form: "q4.1 markdown python config module api key empty default", file: "docs/project-template.md", text: "class Config:\n    \"\"\"Application configuration.\"\"\"\n\n    def __init__(self):\n        self.api_key = os.getenv(\"API_KEY\", \"\")\n        self.database_url = os.getenv(\"DATABASE_URL\", \"\")\n        self.debug = os.getenv(\"DEBUG\", \"False\").lower() == \"true\"\n", rule: None },
    // index 37697812309
    Case { family: PY, form: "q4.2 python environ set from getenv empty default", file: "agent.py", text: "load_dotenv()\nos.environ[\"OPENAI_API_KEY\"] = os.getenv(\"API_KEY\", \"\")\nos.environ[\"OPENAI_BASE_URL\"] = os.getenv(\"BASE_URL\", \"\")\n", rule: None },
    // index 71539505974
    Case { family: PY, form: "q4.3 python settings class api key empty default", file: "app/config.py", text: "    # ---- Chat memory ----\n    MAX_HISTORY_TURNS: int = int(os.getenv(\"MAX_HISTORY_TURNS\", 3))\n\n    # ---- Security / limits ----\n    API_KEY: str = os.getenv(\"API_KEY\", \"\")               # empty = auth disabled\n    MAX_UPLOAD_MB: int = int(os.getenv(\"MAX_UPLOAD_MB\", 25))\n", rule: None },
    // ---------------- q5 `headers={"Authorization": f"Bearer`
    // index 61721310808
    Case { family: PY, form: "q5.1 python test login word password then bearer from cookie", file: "tests/test_api_agents.py", text: "            json={\n                \"provider\": \"basic\",\n                \"username\": \"user@example.test\",\n                \"password\": \"correct-password\",\n                \"next\": \"\",\n            },\n        )\n        response = client.get(\n            \"/api/agents\",\n            params={\"workspace_id\": str(WORKSPACE_ID)},\n            headers={\"Authorization\": f\"Bearer {login.cookies['hermes_session_at']}\"},\n        )\n", rule: None },
    // index 59095857268
    Case { family: PY, form: "q5.2 python httpx post bearer from api_key argument", file: "app/ideation/client.py", text: "    url = base_url.rstrip(\"/\") + _CREATE_IDEA_PATH\n    try:\n        with httpx.Client(timeout=_TIMEOUT_SECONDS) as client:\n            resp = client.post(\n                url, json=payload, headers={\"Authorization\": f\"Bearer {api_key}\"}\n            )\n            resp.raise_for_status()\n            data = resp.json()\n", rule: None },
    // index 56616075163
    Case { family: PY, form: "q5.3 python test register with PASSWORD constant then bearer token", file: "tests/test_auth_flow.py", text: "def test_me_before_setup_returns_404(s):\n    phone = _fresh_phone()\n    r0 = s.post(f\"{API}/auth/register\", json={\"phone\": phone, \"password\": PASSWORD})\n    assert r0.status_code == 200\n    token = r0.json()[\"token\"]\n\n    r = s.get(f\"{API}/auth/me\", headers={\"Authorization\": f\"Bearer {token}\"})\n    assert r.status_code == 404, r.text\n", rule: None },
    // ---------------- q6 `login(token=`
    // index 59921964761
    Case { family: PY, form: "q6.1 python hf token empty string with replace comment", file: "generate_prompts.py", text: "from huggingface_hub import login\nfrom tqdm import tqdm\nimport time\n\n# --- 1. AUTHENTICATION ---\n# Replace with your token from https://huggingface.co/settings/tokens\nHF_TOKEN = \"\"\nlogin(token=HF_TOKEN)\n", rule: None },
    // index 41778104216
    Case { family: PY, form: "q6.2 python hf login token from getenv", file: "app.py", text: "from flux.sampling import denoise, get_schedule, prepare, unpack\nfrom flux.util import (configs, embed_watermark, load_ae, load_clip, load_flow_model, load_t5)\nfrom huggingface_hub import login\nlogin(token=os.getenv('Token'))\n\nimport torch\n", rule: None },
    // index 25231734761
    Case { family: PY, form: "q6.3 python hf login token from dotenv values", file: "ingest.py", text: "from dotenv import dotenv_values\nfrom huggingface_hub import login\n\nray.init()\n\nvenv = dotenv_values('.env')\nlogin(token=venv[\"HF_TOKEN\"], add_to_git_credential=True)\n", rule: None },
    // ---------------- q7 `process.env.JWT_SECRET ||`
    // index 71649446334
    Case { family: JS, form: "q7.1 js jwt sign env fallback project secret literal", file: "controllers/patientController.js", text: "            // Geração de Token JWT\n            const token = jwt.sign(\n                { id: newPatient.id, name: newPatient.name },\n                process.env.JWT_SECRET || '{JSK}',\n                { expiresIn: '1d' }\n            );\n", rule: Some("generic-secret") },
    // index 6601029
    Case { family: JS, form: "q7.2 js jwt secret fallback-secret word then logs", file: "server.js", text: "// JWT utilities\nconst generateToken = (userId) => {\n  const secret = process.env.JWT_SECRET || 'fallback-secret';\n  console.log('🔑 Generate Token - JWT_SECRET env value:', process.env.JWT_SECRET);\n  console.log('🔑 Generate Token - JWT_SECRET exists:', !!process.env.JWT_SECRET);\n  console.log('🔑 Generate Token - Using secret:', secret.substring(0, 10) + '...');\n", rule: None },
    // index 62973692619
    Case { family: JS, form: "q7.3 ts const jwt secret dev change-me fallback", file: "src/middleware/auth.ts", text: "import { NextFunction, Request, Response } from \"express\";\nimport jwt from \"jsonwebtoken\";\nimport { ApiError } from \"./errorHandler\";\n\nexport interface AuthedRequest extends Request {\n  user?: { id: string; email: string; role: string };\n}\n\nconst JWT_SECRET = process.env.JWT_SECRET || \"dev-secret-change-me\";\n", rule: None },
    // ---------------- q8 `pass: '`
    // index 712646
    Case { family: JS, form: "q8.1 js nodemailer gmail app password literal", file: "mail.js", text: "const nodemailer = require('nodemailer');\n\n\nlet mailTransporter = nodemailer.createTransport({\n\tservice: 'gmail',\n\tauth: {\n\t\tuser: 'sender@example.com',\n\t\tpass: '{GAPP}'\n\t}\n});\n", rule: Some("generic-password") },
    // index 71651045411
    Case { family: JS, form: "q8.2 js test env object admin pass fixture", file: "test/auth.test.js", text: "import { signToken, ADMIN_PASS_KEY } from '../functions/_lib.js';\n\nconst ENV = {\n  ADMIN_USER: 'admin',\n  ADMIN_PASS: '{PWIP}',\n};\n", rule: Some("generic-password") },
    // index 63387608876
    Case { family: JS, form: "q8.3 js interview question list pass criteria text", file: "scripts/questions.js", text: "const SECOND_ROUND_HANDWRITTEN = [\n  {\n    file: 'promise.md',\n    title: '手写 Promise（then 链）',\n    weight: 3,\n    ask: '手写简化版 `Promise`：支持 `then` 链式、异步 resolve。不必完整 A+。',\n    pass: '能 then 链式拿到值；同步/异步 resolve 都对',\n  },\n", rule: None },
    // ---------------- q9 `apiKey: process.env.`
    // index 1785083
    Case { family: JS, form: "q9.1 ts next route openai client key from env", file: "app/api/notes/route.ts", text: "import { supabase } from \"@/lib/supabaseClient\";\n\nimport { NextResponse } from \"next/server\";\nimport OpenAI from \"openai\";\n\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n", rule: None },
    // index 10315550498
    Case { family: JS, form: "q9.2 tsx component genai client key from env", file: "pages/CategoryPage.tsx", text: "  const [selectedPropertyTypes, setSelectedPropertyTypes] = useState<PropertyType[]>(searchParams.getAll('propertyType') as PropertyType[]);\n  const [sortBy, setSortBy] = useState(searchParams.get('sortBy') || 'rating_desc');\n  \n  const ai = new GoogleGenAI({ apiKey: process.env.API_KEY });\n", rule: None },
    // index 40352124173
    Case { family: JS, form: "q9.3 tsx voice session genai client key from env", file: "components/VoiceAssistant.tsx", text: "    setVoiceStatus('CONNECTING');\n    try {\n      const ai = new GoogleGenAI({ apiKey: process.env.API_KEY });\n      const inputCtx = new (window.AudioContext || (window as any).webkitAudioContext)({ sampleRate: INPUT_SAMPLE_RATE });\n", rule: None },
    // ---------------- q10 `sql.Open("mysql", "`
    // index 71405989191
    Case { family: GO, form: "q10.1 go package doc example dsn user pass words", file: "mysqlstore/doc.go", text: "// Package mysqlstore keeps kiln's jobs in MySQL 8.0.19 or later, on any [sql.DB] opened with\n// github.com/go-sql-driver/mysql. [New] creates the store's tables, kiln_jobs and the rest, in the\n// database the DSN names, or brings them up to date:\n//\n//\tdb, err := sql.Open(\"mysql\", \"user:pass@tcp(localhost:3306)/app\")\n//\tstore, err := mysqlstore.New(ctx, db)\n", rule: None },
    // index 28802010096
    Case { family: GO, form: "q10.2 go mysql dsn root weak password", file: "cmd/server/main.go", text: "func setupDatabase() (*sql.DB, error) {\n\tdb, err := sql.Open(\"mysql\", \"root:{L4}@tcp(127.0.0.1:3306)/clean\")\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", rule: Some("generic-password") },
    // index 39264331491
    Case { family: GO, form: "q10.3 go mysql dsn app user weak password", file: "main.go", text: "func main() {\n\tlogger := log.New(os.Stdout, servername, log.LstdFlags|log.Lshortfile)\n\t// Opening the database\n\tdb, err := sql.Open(\"mysql\", \"adminMusicApp:{L5}@tcp(127.0.0.1:3306)/discography\")\n\tif err != nil {\n\t\tlogger.Fatalf(\"[ERROR] Failed to open connection to %v database: %v\\n\", servername, err.Error())\n\t\treturn\n\t}\n", rule: Some("generic-password") },
    // ---------------- q11 `redis.Options{`
    // index 71634027222
    Case { family: GO, form: "q11.1 go redis options password from getenv", file: "internal/ratelimit/redis.go", text: "\topts := &redis.Options{\n\t\tAddr:         redisAddr,\n\t\tPassword:     os.Getenv(\"REDIS_PASSWORD\"),\n\t\tPoolSize:     20,\n\t\tMinIdleConns: 2,\n\t\tDialTimeout:  2 * time.Second,\n\t}\n", rule: None },
    // index 21327192
    Case { family: GO, form: "q11.2 go redis options empty password with comment", file: "cache/redis.go", text: "func NewRedisCache() *RedisCache {\n\tclient := redis.NewClient(&redis.Options{\n\t\tAddr:     \"host.docker.internal:6379\",\n\t\tPassword: \"\", // No password by default\n\t\tDB:       0,  // Use default DB\n\t})\n", rule: None },
    // index 55498460832
    Case { family: GO, form: "q11.3 go test miniredis options addr only", file: "call/redis_store_test.go", text: "func TestRedisStoreEnforcesBusyAndAcceptState(t *testing.T) {\n\tserver := miniredis.RunT(t)\n\tclient := redis.NewClient(&redis.Options{Addr: server.Addr()})\n\tstore := NewRedisStore(client, 30*time.Second, time.Hour)\n", rule: None },
    // ---------------- q12 `Password: os.Getenv(`
    // index 60694879972
    Case { family: GO, form: "q12.1 go config struct fields from getenv", file: "config/config.go", text: "\tcfg := &Config{\n\t\tDBHost:     os.Getenv(\"DB_HOST\"),\n\t\tDBPort:     port,\n\t\tDBUser:     os.Getenv(\"DB_USER\"),\n\t\tDBPassword: os.Getenv(\"DB_PASSWORD\"),\n\t\tDBName:     os.Getenv(\"DB_NAME\"),\n\t\tJWTSecret:  os.Getenv(\"SECRETKEY\"),\n\t}\n", rule: None },
    // index 15581116912
    Case { family: GO, form: "q12.2 go mail struct password from getenv", file: "cmd/mail/main.go", text: "\tm := Mail{\n\t\tDomain: os.Getenv(\"MAIL_DOMAIN\"),\n\t\tHost: os.Getenv(\"MAIL_HOST\"),\n\t\tPort: port,\n\t\tUsername: os.Getenv(\"MAIL_USERNAME\"),\n\t\tPassword: os.Getenv(\"MAIL_PASSWORD\"),\n\t\tEncryption: os.Getenv(\"MAIL_ENCRYPTION\"),\n\t}\n", rule: None },
    // index 30843233887
    Case { family: GO, form: "q12.3 go database config password from getenv", file: "main.go", text: "\tdbConfig := &shorten.DataBaseConfig{\n\t\tHost:     os.Getenv(\"HOST\"),\n\t\tPort:     os.Getenv(\"PORT\"),\n\t\tUser:     os.Getenv(\"PUSER\"),\n\t\tPassword: os.Getenv(\"PASSWORD\"),\n\t\tDB:       os.Getenv(\"DB\"),\n\t}\n", rule: None },
    // ---------------- q13 `.password("`
    // index 34071502204
    Case { family: JAVA, form: "q13.1 java test builder bare word password", file: "src/test/java/shop/PurchaseGroupServiceTest.java", text: "    @BeforeEach\n    void setUp() {\n        user = User.builder()\n            .id(1L)\n            .nickname(\"testUser\")\n            .username(\"testUser@test.com\")\n            .password(\"password\")\n            .role(UserRole.USER)\n            .build();\n", rule: None },
    // index 55964568259
    Case { family: JAVA, form: "q13.2 java test register request weak password fixture", file: "src/test/java/auth/AuthServiceTest.java", text: "        registerRequest = new RegisterRequest(\"testuser\", \"test@example.com\", \"{PW123}\");\n        loginRequest = new LoginRequest(\"testuser\", \"{PW123}\");\n\n        testUser = User.builder()\n                .id(1L)\n                .username(\"testuser\")\n                .email(\"test@example.com\")\n                .password(\"encoded_password\")\n                .role(User.Role.USER)\n                .build();\n", rule: Some("generic-password") },
    // index 26689502944
    Case { family: JAVA, form: "q13.3 java test dto builder three digit password", file: "src/test/java/customer/CustomerControllerTest.java", text: "    @Test\n    @Rollback(value = false)\n    void insert() {\n        RequestCustomerDTO test = new RequestCustomerDTO().builder()\n                .password(\"{D3}\")\n                .name(\"1234\")\n                .addr(\"1234\")\n                .tel(\"1234\")\n                .point(100)\n                .build();\n", rule: Some("generic-password") },
    // ---------------- q14 `buildConfigField "String", "API_KEY"`
    // index 41608370777
    Case { family: DOC, form: "q14.1 markdown gradle flavors api key env with placeholder fallback", file: "docs/security.md", text: "```gradle\n// android/app/build.gradle\nandroid {\n    productFlavors {\n        dev {\n            // Read from environment variable\n            def apiKey = System.getenv(\"DEV_API_KEY\") ?: \"dev-placeholder-key\"\n            buildConfigField \"String\", \"API_KEY\", \"\\\"${apiKey}\\\"\"\n        }\n", rule: None },
    // index 26256258887
    Case { family: DOC, form: "q14.2 markdown gradle build type api key from process env", file: "docs/mobile-security.md", text: "// android/app/build.gradle\nbuildTypes {\n  release {\n    buildConfigField \"String\", \"API_KEY\", \"\\\"${process.env.API_KEY}\\\"\"\n    minifyEnabled true\n    shrinkResources true\n  }\n}\n", rule: None },
    // index 42544668854
    Case { family: DOC, form: "q14.3 markdown gradle cheatsheet my_api_key placeholder", file: "docs/android-gradle.md", text: "        // define whether this build is a production build\n        buildConfigField \"boolean\", \"IS_PRODUCTION\", \"false\"\n        // note that to define a string you need to escape it\n        buildConfigField \"String\", \"API_KEY\", \"\\\"my_api_key\\\"\"\n    }\n", rule: None },
    // ---------------- q15 `val apiKey = "`
    // index 25428484838
    Case { family: KOTLIN, form: "q15.1 kotlin activity val tmdb hex api key", file: "app/src/main/java/com/example/movies/MainActivity.kt", text: "class MainActivity : AppCompatActivity() {\n    var page = 1\n    val Url = \"https://api.themoviedb.org/3/\"\n    val apikey = \"{KH32}\"\n    lateinit var list: ListaMovie\n     var listSQLite= arrayListOf<MovieFavorite>()\n    val retrofit = Retrofit.Builder()\n        .baseUrl(Url)\n        .addConverterFactory(GsonConverterFactory.create())\n        .build()\n", rule: Some("generic-api-key") },
    // index 20188479143
    Case { family: KOTLIN, form: "q15.2 kotlin spring service private val hex api key", file: "src/main/kotlin/wallet/Web3jService.kt", text: "@Service\nclass Web3jService(\n    private val infuraApiService: InfuraApiService,\n) {\n\n    private val apiKey = \"{KH32}\"\n\n    fun createTransaction(privateKey:String,recipientAddress: String, amount: BigInteger): String {\n", rule: Some("generic-api-key") },
    // index 45739149968
    Case { family: KOTLIN, form: "q15.3 kotlin test mock server const hex api key", file: "src/test/kotlin/utils/MockServer.kt", text: "package utils\n\nimport org.mockserver.integration.ClientAndServer\nimport org.mockserver.model.HttpRequest\nimport org.mockserver.model.HttpResponse\n\nobject MockServer {\n\n    private const val apiKey = \"{KH32}\"\n    private const val latitude = 50f\n    private const val longitude = 30f\n", rule: Some("generic-api-key") },
    // ---------------- q16 `"DefaultConnection": "`
    // index 52917457989
    Case { family: DOC, form: "q16.1 markdown appsettings sqlite data source no password", file: "README.md", text: "The `appsettings.json` file is not tracked by git. Copy `appsettings.example.json` and rename it:\n\n```json\n{\n  \"ConnectionStrings\": {\n    \"DefaultConnection\": \"Data Source=Data/SyncTask.db\"\n  },\n  \"Serilog\": {\n    \"MinimumLevel\": \"Information\",\n", rule: None },
    // index 9262007409
    Case { family: DOC, form: "q16.2 markdown appsettings spanish your-password fill-in", file: "README.md", text: "3. Actualizar la cadena de conexión en el archivo:\n\n   ```\n   backend/appsettings.json\n   ```\n\nEjemplo:\n\n```json\n\"ConnectionStrings\": {\n  \"DefaultConnection\": \"Server=localhost;Database=BibliotecaDB;User Id=sa;Password={TUPW};\"\n}\n```\n", rule: None },
    // index 71644364004
    Case { family: DOC, form: "q16.3 markdown redshift skill default connection name", file: "skills/redshift/SKILL.md", text: "一个最小的 Serverless Data API IAM connection：\n\n```json\n{\n  \"schemaVersion\": 1,\n  \"defaultConnection\": \"analytics-api\",\n  \"connections\": {\n    \"analytics-api\": {\n      \"deployment\": \"serverless\",\n      \"transport\": \"data_api\",\n      \"database\": \"dev\",\n", rule: None },
    // ---------------- q17 `options.ClientSecret =`
    // index 21434528973
    Case { family: CSHARP, form: "q17.1 c# google auth client secret from configuration", file: "Program.cs", text: ".AddGoogle(options =>\n{\n    options.ClientId = builder.Configuration[\"Authentication:Google:ClientId\"];\n    options.ClientSecret = builder.Configuration[\"Authentication:Google:ClientSecret\"];\n        options.Scope.Add(\"openid\");\n        options.Scope.Add(\"profile\");\n", rule: None },
    // index 48262887363
    Case { family: CSHARP, form: "q17.2 c# google auth empty client id and secret with comments", file: "Startup.cs", text: "            services.AddAuthentication()\n                .AddGoogle(options => {\n                    options.ClientId = \"\"; //Your google OAuth ClientId\n                    options.ClientSecret = \"\";  //Your google OAuth ClientSecret\n                });\n", rule: None },
    // index 30402093
    Case { family: CSHARP, form: "q17.3 c# github and spotify options secrets from configuration", file: "Program.cs", text: "builder.Services.Configure<GitHubOptions>(options =>\n{\n    options.ClientId = builder.Configuration[\"GITHUB_CLIENT_ID\"];\n    options.ClientSecret = builder.Configuration[\"GITHUB_CLIENT_SECRET\"];\n    options.Name = \"spotihub\";\n});\n", rule: None },
    // ---------------- q18 `:password => ENV[`
    // index 22195602675
    Case { family: RUBY, form: "q18.1 ruby rest client twilio auth token from env", file: "app/models/sms_sender.rb", text: "      response = RestClient::Request.new(\n          :method => :post,\n          :url => 'https://api.twilio.com/2010-04-01/Accounts/{TWSID}/Messages.json',\n          :user => ENV['TWILIO_ACCOUNT_SID'],\n          :password => ENV['TWILIO_AUTH_TOKEN'],\n          :payload => { :Body => body,\n                        :From => from,\n                        :To => number}\n        ).execute\n", rule: None },
    // index 34664085
    Case { family: RUBY, form: "q18.2 ruby smtp settings literal password written inside ENV brackets", file: "config/environment.rb", text: "ActionMailer::Base.smtp_settings = {\n    :address => 'smtp.gmail.com',\n    :port => '587',\n    :authentication => :plain,\n    :username => ENV['sender@example.com'],\n    :password => ENV['{PWENV}'],\n    :domain => 'heroku.com',\n    :enable_startstls_auto => true\n}\n", rule: Some("generic-password") },
    // index 52537550265
    Case { family: RUBY, form: "q18.3 ruby rest client reddit app secret from env", file: "lib/reddit/client.rb", text: "      def post(path, payload, headers)\n        response = RestClient::Request.execute(\n          :method => :post,\n          :url => path,\n          :user => ENV[\"REDDIT_TIODOPAVE_APP_ID\"],\n          :password => ENV[\"REDDIT_TIODOPAVE_APP_SECRET\"],\n          :payload => payload,\n          :headers => headers\n        )\n", rule: None },
    // ---------------- q19 `mysqli_connect(`
    // index 21850380101
    Case { family: PHP, form: "q19.1 php mysqli connect root empty password", file: "index.php", text: "<?php\ninclude 'allocate.php';\n\n// Connect to DB\n$conn = mysqli_connect(\"localhost\", \"root\", \"\", \"allocation_db\");\nif (!$conn) {\n    die(\"Connection failed: \" . mysqli_connect_error());\n}\n", rule: None },
    // index 10952992361
    Case { family: PHP, form: "q19.2 php login mysqli connect root empty password after post vars", file: "login.php", text: "    // Define $username and $password\n    $username=$_POST['username'];\n    $password=$_POST['password'];\n    // Establishing Connection with Server by passing server_name, user_id and password as a parameter\n    $connection = mysqli_connect(\"localhost\", \"root\", \"\");\n", rule: None },
    // index 16226846336
    Case { family: PHP, form: "q19.3 php mysqli connect hosted db literal password", file: "insert.php", text: "<html>\n<body>\n<?php\n\n// Create connection\n$con = mysqli_connect('sql112.infinityfree.com:3306', 'if0_38929520', '{PWU1L5D4}', 'if0_38929520_cse15');\n\n// Check connection\nif (!$con) {\n    die(\"Connection failed: \" . mysqli_connect_error());\n}\n", rule: Some("generic-password") },
    // ---------------- q20 `$password = "`
    // index 56549
    Case { family: PHP, form: "q20.1 php connection parameters root weak password", file: "db.php", text: "<?php\n// Connection parameters\n$servername = \"db\";\n$username = \"root\";\n$password = \"{L4}\";\n$dbname = \"my_database\";\n\n// Create connection\n$conn = new mysqli($servername, $username, $password, $dbname);\n", rule: Some("generic-password") },
    // index 28542704969
    Case { family: PHP, form: "q20.2 php inline html db variables empty password", file: "insert.php", text: "    <?php\n        $servername = \"localhost\";\n        $username = \"root\";\n        $password = \"\";\n        $dbname = \"mydb\";\n        //Connect to database\n        $conn = mysqli_connect($servername,$username,$password,$dbname);\n", rule: None },
    // index 22661253794
    Case { family: PHP, form: "q20.3 php google client then db empty password", file: "config/google.php", text: "$client->addScope(\"email\");\n$client->addScope(\"profile\");\n\n$hostname = \"localhost\";\n$username = \"root\";\n$password = \"\";\n$database = \"banco_cpa\";\n\n$conn = mysqli_connect($hostname, $username, $password, $database);\n", rule: None },
    // ---------------- q21 `- name: DB_PASSWORD`
    // index 33799569890
    Case { family: DOC, form: "q21.1 markdown hebrew guide k8s env from secretKeyRef", file: "docs/rds-setup.md", text: "    - name: DB_USER\n      valueFrom:\n        secretKeyRef:\n          name: journai-rds-secret\n          key: DB_USER\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef:\n          name: journai-rds-secret\n          key: DB_PASSWORD\n```\n\n### שלב 5: Deploy\n", rule: None },
    // index 56734819745
    Case { family: DOC, form: "q21.2 markdown template prompts generated secret password", file: "docs/templates.md", text: "```yaml\nmeta:\n  name: wordpress\n  description: WordPress with MySQL database\n  version: \"1.0\"\n  tags: [cms, blog, php]\n\nprompts:\n  - name: DB_PASSWORD\n    description: Database password\n    required: true\n    secret: true\n    generate: password      # updock generates a strong value\n", rule: None },
    // index 24090080090
    Case { family: DOC, form: "q21.3 markdown k8s notes single env from secret", file: "notes/kubernetes.md", text: "single env:\nenv:\n  - name: DB_Password\n    valueFrom:\n      secretkeyRef:\n        name: app-secret\n        key: DB_Password\n\n## volumes\nvolumes:\n  - name: app-secret-volume\n    secret:\n      secretName: app-secret\n```\n", rule: None },
    // ---------------- q22 `adminPassword:`
    // index 53245816471
    Case { family: JS, form: "q22.1 ts provisioning passes admin password from secrets", file: "src/server/provisioning.ts", text: "  if (provisioningMethod === 'ssh_mysql') {\n    if (!secrets.adminPassword) {\n      throw new Error('Senha administrativa do banco é obrigatória para provisionar conexões MySQL/MariaDB.');\n    }\n\n    const inspection = await provisionMysqlConnection(target, {\n      sshPassword: secrets.sshPassword,\n      adminPassword: secrets.adminPassword,\n      appPassword: secrets.appPassword,\n", rule: None },
    // index 71653307176
    Case { family: JS, form: "q22.2 ts test install payload admin password fixture", file: "test/install.test.ts", text: "    const first = await app.inject({\n      method: 'POST',\n      url: '/api/v1/install/complete',\n      payload: {\n        siteName: 'Installation Test',\n        adminEmail: 'install-resubmission@example.com',\n        adminUsername: 'install-resubmission',\n        adminPassword: '{PWINST}',\n      },\n    });\n", rule: Some("generic-password") },
    // index 55620431236
    Case { family: JS, form: "q22.3 tsx config context interface admin password string type", file: "src/components/setup/ConfigContext.tsx", text: "interface ConfigCtx {\n  siteUrl: string;\n  setSiteUrl: (v: string) => void;\n  port: string;\n  setPort: (v: string) => void;\n  adminPassword: string;\n  setAdminPassword: (v: string) => void;\n  displayName: string;\n", rule: None },
    // ---------------- q23 `KEYCLOAK_ADMIN_PASSWORD`
    // index 57395943234
    Case { family: GO, form: "q23.1 go config keycloak admin password empty default", file: "internal/config/config.go", text: "\t\t\tRealm:                  value(\"KEYCLOAK_REALM\", \"basic-platform\"),\n\t\t\tAdminUsername:          value(\"KEYCLOAK_ADMIN_USERNAME\", \"\"),\n\t\t\tAdminPassword:          value(\"KEYCLOAK_ADMIN_PASSWORD\", \"\"),\n\t\t\tAdminClientID:          value(\"KEYCLOAK_ADMIN_CLIENT_ID\", \"\"),\n\t\t\tAdminClientSecret:      value(\"KEYCLOAK_ADMIN_CLIENT_SECRET\", \"\"),\n", rule: None },
    // index 13159896309
    Case { family: DOC, form: "q23.2 markdown list of env names no longer needed", file: "MIGRATION.md", text: "## 📝 Environment Variables\n\nNo longer needed:\n- `KEYCLOAK_ISSUER`\n- `KEYCLOAK_CLIENT_ID`\n- `KEYCLOAK_CLIENT_SECRET`\n- `KEYCLOAK_ADMIN_URL`\n- `KEYCLOAK_ADMIN_USER`\n- `KEYCLOAK_ADMIN_PASSWORD`\n- `KEYCLOAK_REALM`\n", rule: None },
    // index 61144082649
    Case { family: SHELL, form: "q23.3 shell kcadm credentials password from env", file: "scripts/export-realm.sh", text: "docker compose --env-file \"${ENV_FILE}\" -f \"${COMPOSE_FILE}\" exec -T \\\n  --env KEYCLOAK_ADMIN_PASSWORD keycloak \\\n  /opt/keycloak/bin/kcadm.sh config credentials \\\n  --server http://keycloak:8080 --realm master \\\n  --user \"$(grep -E '^KEYCLOAK_ADMIN=' \"${ENV_FILE}\" | tail -1 | cut -d= -f2-)\" \\\n  --password:env KEYCLOAK_ADMIN_PASSWORD >/dev/null\n", rule: None },
    // ---------------- q24 `password: ${{ secrets.`
    // index 57698186146
    Case { family: CI, form: "q24.1 github actions import certificate env from secrets", file: ".github/workflows/release.yml", text: "      - name: Import certificate\n        env:\n          APPLE_CERTIFICATE_BASE64: ${{ secrets.APPLE_CERTIFICATE_BASE64 }}\n          APPLE_CERTIFICATE_PASSWORD: ${{ secrets.APPLE_CERTIFICATE_PASSWORD }}\n        run: |\n          # Create temporary keychain\n          KEYCHAIN_PATH=$RUNNER_TEMP/build.keychain\n          KEYCHAIN_PASSWORD=$(openssl rand -base64 32)\n", rule: None },
    // index 71562021541
    Case { family: CI, form: "q24.2 github actions macos signing secrets and empty keychain password", file: ".github/workflows/build.yml", text: "      - name: Setup macOS signing\n        if: matrix.platform == 'mac'\n        env:\n          CERTIFICATE_P12: ${{ secrets.MACOS_CERTIFICATE_P12 }}\n          CERTIFICATE_PASSWORD: ${{ secrets.MACOS_CERTIFICATE_PASSWORD }}\n        run: |\n          echo \"$CERTIFICATE_P12\" | base64 --decode > certificate.p12\n          security create-keychain -p \"\" build.keychain\n", rule: None },
    // index 32900164486
    Case { family: CI, form: "q24.3 github actions msdeploy credentials from secrets", file: ".github/workflows/deploy.yml", text: "          site: ${{ env.MSDEPLOY_SITE }} # msdeploySite in .PublishSettings file\n          server: ${{ secrets.MSDEPLOY_SERVER }} # https://{server}/msdeploy.axd?{site}\" from .PublishSettings file\n          username: ${{ secrets.MSDEPLOY_USER }}\n          password: ${{ secrets.MSDEPLOY_PASSWORD }}\n", rule: None },
    // ---------------- q25 `SONAR_TOKEN:`
    // index 214609954
    Case { family: DOC, form: "q25.1 markdown actions sonar scanner login from env", file: "docs/security-scanning.md", text: "    - name: Run SonarQube\n      env:\n        SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}\n      run: |\n        sonar-scanner \\\n          -Dsonar.projectKey=myproject \\\n          -Dsonar.sources=. \\\n          -Dsonar.host.url=http://localhost:9000 \\\n          -Dsonar.login=$SONAR_TOKEN\n", rule: None },
    // index 21075491569
    Case { family: DOC, form: "q25.2 markdown actions sonarqube analysis token from secrets", file: "sonarqube/README.md", text: "      - name: Run SonarQube Analysis\n        env:\n          SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}\n        run: |\n          ./sonarqube/setup-sonarqube.sh\n```\n", rule: None },
    // index 71547256354
    Case { family: SHELL, form: "q25.3 shell sonar step when host and token set", file: "scripts/quality.sh", text: "if [[ -n \"${SONAR_HOST_URL:-}\" && -n \"${SONAR_TOKEN:-}\" ]]; then\n  step \"SonarQube (quality gate must pass)\"\n  SONAR=\"org.sonarsource.scanner.maven:sonar-maven-plugin:5.8.0.7211:sonar\"\n  mvn -q -B \"$SONAR\" -Dsonar.projectKey=agentic-sdlc -Dsonar.qualitygate.wait=true\n", rule: None },
    // ---------------- q26 `$DOCKER_PASSWORD`
    // index 13843253
    Case { family: SHELL, form: "q26.1 shell twine upload and commented docker login from env", file: "release.sh", text: "python setup.py test\npython setup.py sdist bdist_wheel\n\ntwine upload dist/* --skip-existing --username $PYPI_USERNAME --password $PYPI_PASSWORD\n\n# sudo docker login -u $DOCKER_USERNAME -p $DOCKER_PASSWORD\n# sudo docker build -t autolens/$PACKAGE_NAME .\n", rule: None },
    // index 37852991948
    Case { family: DOC, form: "q26.2 markdown vietnamese export docker password placeholder letters", file: "README.md", text: "2- Chuẩn bị các biến môi trường, và login và Docker account của bạn\n```sh\nexport DOCKER_USERNAME=AAAAAA\nexport DOCKER_PASSWORD=BBBBBB\ndocker login -u=\"$DOCKER_USERNAME\" -p=\"$DOCKER_PASSWORD\"\n```\n", rule: None },
    // index 31964437253
    Case { family: SHELL, form: "q26.3 shell docker login password-stdin when set", file: "entrypoint.sh", text: "# Docker login if credentials are provided\nif [ -n \"$DOCKER_USERNAME\" ] && [ -n \"$DOCKER_PASSWORD\" ]; then\necho \"$DOCKER_PASSWORD\" | docker login --username \"$DOCKER_USERNAME\" --password-stdin\necho \"Successfully logged into Docker Hub.\"\nfi\n", rule: None },
    // ---------------- q27 `$(DB_PASSWORD)`
    // index 18194836592
    Case { family: MAKE, form: "q27.1 makefile help text states default db password", file: "Makefile", text: "\t@echo \"\"\n\t@echo \"Environment variables:\"\n\t@echo \"  DB_PASSWORD - Database password (default: {PWGOS})\"\n\ndeploy: ## Deploy infrastructure to AWS\n\t@echo \"Deploying Gospital to AWS...\"\n\t@cd $(TERRAFORM_DIR) && terraform init\n\t@cd $(TERRAFORM_DIR) && terraform apply -var=\"db_password=$(DB_PASSWORD)\" -auto-approve\n", rule: Some("generic-password") },
    // index 211351682
    Case { family: DOC, form: "q27.2 markdown azure pipelines key vault variable group", file: "docs/azure-devops.md", text: "Example:\nvariables:\n- group: keyvault-secrets  # Linked to Key Vault\n\nsteps:\n- script: |\n    echo \"Deploying with credentials...\"\n    # $(DB_PASSWORD) automatically fetched from Key Vault\n```\n", rule: None },
    // index 10524092762
    Case { family: MAKE, form: "q27.3 makefile migrate postgres url from make variables", file: "Makefile", text: "migrate-up:\n\t@echo \"migrating up...\"\n\t@migrate -path db/migrations -database \"postgres://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)/$(DB_NAME)?sslmode=disable\" up\n\nmigrate-down:\n\t@echo \"migrating down...\"\n\t@migrate -path db/migrations -database \"postgres://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)/$(DB_NAME)?sslmode=disable\" down\n", rule: None },
    // ---------------- q28 `variable "api_key"`
    // index 59971764173
    Case { family: JS, form: "q28.1 ts test missing env error message names API_KEY", file: "test/missing-env.error.spec.ts", text: "describe('MissingEnvError', () => {\n  it('creates error without hint', () => {\n    const err = new MissingEnvError('API_KEY');\n    expect(err.key).toBe('API_KEY');\n    expect(err.hint).toBeUndefined();\n    expect(err.message).toBe('Required environment variable \"API_KEY\" is missing');\n    expect(err.name).toBe('MissingEnvError');\n  });\n", rule: None },
    // index 66242932943
    Case { family: HCL, form: "q28.2 terraform variable api key sensitive default null", file: "examples/llm/main.tf", text: "variable \"api_key\" {\n  description = \"Optional bearer token for the endpoint.\"\n  type        = string\n  default     = null\n  sensitive   = true\n}\n", rule: None },
    // index 44135688938
    Case { family: HCL, form: "q28.3 terraform variables api key and secret empty defaults", file: "variables.tf", text: "variable \"api_key\" {\n  type = string\n  default = \"\"\n}\n\nvariable \"api_secret\" {\n  type = string\n  default = \"\"\n}\n", rule: None },
    // ---------------- q29 `provider "github"`
    // index 58246500491
    Case { family: HCL, form: "q29.1 terraform github provider token from variable", file: "modules/gh-secrets/main.tf", text: "provider \"github\" {\n  token = var.github_token\n}\n\ndata \"github_actions_public_key\" \"public_key\" {\n  repository = var.repository\n}\n", rule: None },
    // index 35711338706
    Case { family: HCL, form: "q29.2 terraform empty github provider block", file: "main.tf", text: "# Configure the GitHub Provider\nprovider \"github\" {\n  \n}\n\nresource \"github_repository\" \"example\" {\n  name       = \"first-repo-from-terraform\"\n  description = \"my first resources on github\"\n  visibility = \"private\"\n}\n", rule: None },
    // index 27970084016
    Case { family: HCL, form: "q29.3 terraform required providers and bare github provider", file: "main.tf", text: "terraform {\n  required_providers {\n    github = {\n      source  = \"integrations/github\"\n      version = \"~> 5.17\"\n    }\n  }\n}\n\nprovider \"github\" {\n}\n", rule: None },
    // ---------------- q30 `ENV SECRET_KEY`
    // index 43600877757
    Case { family: DOC, form: "q30.1 markdown docker run env supersecretkey word and elided url", file: "README.md", text: "### Run container\n\n1. Import or pull from registry\n2. `sudo docker run -p 6566:6566 --env DB_URL=\"postgresql://*******:********@db.e-ecology.sara.nl/eecology?sslmode=require\" --env SECRET_KEY=supersecretkey -d --name smsreciever sverhoeven/smsreciever:1.0.0`\n", rule: None },
    // index 71352156942
    Case { family: SHELL, form: "q30.2 shell unset env names after test run", file: "scripts/verify-matrix.sh", text: "  TEST_LOG=$(uv run pytest tests/ -q 2>&1)\n  TEST_EXIT=$?\n  echo \"$MIGRATE_LOG\" > \"$RESULTS_DIR/${CELL}.migrate.log\"\n  echo \"$TEST_LOG\" > \"$RESULTS_DIR/${CELL}.pytest.log\"\n  unset FASTAPI_ENV SECRET_KEY PROJECT_NAME FIRST_SUPERUSER FIRST_SUPERUSER_PASSWORD DATABASE_URL\n  popd >/dev/null\n", rule: None },
    // index 51879023802
    Case { family: GO, form: "q30.3 go lookup env secret key presence checks", file: "cmd/gateway/env.go", text: "\t_, ok = os.LookupEnv(\"EXER_GRPC_CLIENT_ADDR\")\n\tif !ok {\n\t\tlog.Fatalf(\"unable to find env EXER_GRPC_CLIENT_ADDR\")\n\t}\n\t_, ok = os.LookupEnv(\"SECRET_KEY\")\n\tif !ok {\n\t\tlog.Fatalf(\"unable to find env SECRET_KEY\")\n\t}\n", rule: None },
    // ---------------- q31 `curl -H "Authorization: Bearer`
    // index 26962540379
    Case { family: DOC, form: "q31.1 markdown troubleshooting curl bearer hex api key", file: "docs/troubleshooting.md", text: "**Testar API key:**\n```bash\ncurl -H \"Authorization: Bearer {TH32}\" \\\n     https://api.kie.ai/api/v1/jobs/createTask\n```\n\n✅ **2. Verificar foto base:**\n", rule: Some("generic-token") },
    // index 54554023709
    Case { family: DOC, form: "q31.2 markdown cron refresh curl bearer from env", file: "docs/partner.md", text: "Manual trigger (production):\n\n```bash\ncurl -H \"Authorization: Bearer $CRON_SECRET\" \\\n  https://www.zkmedusa.com/api/partner/cron/refresh\n```\n", rule: None },
    // index 52133150474
    Case { family: DOC, form: "q31.3 markdown funnel curl bearer angle fill-in", file: "docs/deploy.md", text: "5. Verify authenticated API access:\n\n```bash\ncurl -H \"Authorization: Bearer <your-token>\" \\\n  \"https://<your-funnel-url>/accounts?page_size=1\"\n```\n", rule: None },
    // ---------------- q32 `export AWS_SECRET_ACCESS_KEY=`
    // index 3115129
    Case { family: DOC, form: "q32.1 markdown readme export aws keys xxxx fill-ins", file: "README.md", text: "Option B — Using environment variables\nexport AWS_ACCESS_KEY_ID=xxxx\nexport AWS_SECRET_ACCESS_KEY=xxxx\nexport AWS_REGION=us-east-1\nnpm run deploy\n", rule: None },
    // index 49306085914
    Case { family: SHELL, form: "q32.2 shell echo export lines from secret variables", file: "scripts/setup-s3.sh", text: "echo \"Object storage ready, use the following:\"\necho \"export AWS_HOST=${S3URL}\"\necho \"export AWS_ACCESS_KEY=${ACCESSKEY}\"\necho \"export AWS_SECRET_ACCESS_KEY=${SECRETKEY}\"\n", rule: None },
    // index 59268875944
    Case { family: DOC, form: "q32.3 markdown aws published documentation example key pair", file: "docs/aws-env.md", text: "## Required for AWS CLI / Pulumi\n\n```bash\nexport AWS_ACCESS_KEY_ID=\"{AWSEXID}\"\nexport AWS_SECRET_ACCESS_KEY=\"{AWSEXSK}\"\nexport AWS_DEFAULT_REGION=\"us-east-1\"\n```\n", rule: None },
    // ---------------- q33 `mail.password=`
    // index 62075139808
    Case { family: JS, form: "q33.1 js firebase functions setup comment app-password fill-in", file: "functions/index.js", text: " * Setup:\n * 1. Install dependencies: npm install nodemailer\n * 2. Configure email: firebase functions:config:set email.user=\"your-email@gmail.com\" email.password=\"your-app-password\"\n * 3. Configure admin emails: firebase functions:config:set email.admin_emails=\"admin1@nadoumi.com,admin2@nadoumi.com\"\n * 4. Deploy: firebase deploy --only functions\n */\n", rule: None },
    // index 20137090018
    Case { family: DOC, form: "q33.2 markdown spring mail properties your-app-password", file: "README.md", text: "1. Configure SMTP in `application.properties` (or env vars). Example for Gmail:\n   - `spring.mail.host=smtp.gmail.com`\n   - `spring.mail.port=587`\n   - `spring.mail.username=your@gmail.com`\n   - `spring.mail.password=your-app-password` (use an [App Password](https://support.google.com/accounts/answer/185833), not your normal password)\n   - `spring.mail.properties.mail.smtp.auth=true`\n", rule: None },
    // index 304442923
    Case { family: JS, form: "q33.3 ts firebase config comment secretpassword word then config reads", file: "functions/src/feedback.ts", text: "// Set variable for this project\n// firebase functions:config:set gmail.email=\"myusername@gmail.com\" gmail.password=\"secretpassword\"\nconst gmailEmail = functions.config().gmail.email;\nconst gmailPassword = functions.config().gmail.password;\nconst mailTransport = nodemailer.createTransport({\n  service: 'gmail',\n  auth: {\n    user: gmailEmail,\n    pass: gmailPassword\n  }\n})\n", rule: None },
    // ---------------- q34 `ssl.keystore.password=`
    // index 49180869242
    Case { family: SHELL, form: "q34.1 shell kafka command config heredoc from env", file: "scripts/create-topics.sh", text: "    --command-config <(cat <<EOF\nsecurity.protocol=${SECURITY_PROTOCOL}\nsasl.mechanism=${SASL_MECHANISM}\nsasl.jaas.config=${SASL_JAAS_CONFIG}\nssl.keystore.location=${SSL_KEYSTORE_LOCATION}\nssl.keystore.password=${SSL_KEYSTORE_PASSWORD}\nssl.truststore.location=${SSL_TRUSTSTORE_LOCATION}\nssl.truststore.password=${SSL_TRUSTSTORE_PASSWORD}\nssl.endpoint.identification.algorithm=\nEOF\n", rule: None },
    // index 5489510822
    Case { family: DOC, form: "q34.2 markdown kafka server properties angle fill-ins", file: "docs/security.md", text: "```yaml\n# Kafka broker configuration (server.properties)\nlisteners=SSL://0.0.0.0:9093\nssl.keystore.location=/var/private/ssl/kafka.server.keystore.jks\nssl.keystore.password=<keystore_password>\nssl.key.password=<key_password>\nssl.truststore.location=/var/private/ssl/kafka.server.truststore.jks\nssl.truststore.password=<truststore_password>\nssl.client.auth=required\n```\n", rule: None },
    // index 593542727
    Case { family: SHELL, form: "q34.3 shell usage heredoc config properties angle fill-ins", file: "kafka-admin.sh", text: "USAGE=$(cat <<-END\n--- create a file with this content muster (config.properties) ---\nbootstrap.servers=cflt-kafka-bootstrap:9093\nsecurity.protocol=SSL\nssl.truststore.location=/tmp/ca.p12\nssl.truststore.password=<ca.password>\nssl.keystore.location=/tmp/user.p12\nssl.keystore.password=<user.password>\n----\n", rule: None },
    // ---------------- q35 `auth_token = `
    // index 71652685899
    Case { family: PY, form: "q35.1 python module auth token from getenv empty default", file: "server.py", text: "log = logging.getLogger(__name__)\n\nAUTH_TOKEN = os.getenv(\"UDH_AUTH_TOKEN\", \"\").strip()\nUDH_PUBLIC_URL = os.getenv(\"UDH_PUBLIC_URL\", \"\").strip().rstrip(\"/\")\n", rule: None },
    // index 22827163044
    Case { family: PY, form: "q35.2 python zoho refresh auth token from client data", file: "zoho_token_refresh.py", text: "def refresh_zoho_token(client_data, db_collection):\n    try:\n        # Initialize auth_token\n        auth_token = client_data.get('authtoken', None)\n        \n        # Extract relevant data from client_data\n        refresh_token = client_data['refresh_token']\n        client_id = client_data['client_id']\n        client_secret = client_data['client_secret']\n", rule: None },
    // index 54498125109
    Case { family: PY, form: "q35.3 python django settings twilio from environ empty defaults", file: "config/settings.py", text: "# ─── Twilio SMS Configuration ─────────────────────────────────\n# For OTP verification via SMS\n# SECURITY: All Twilio credentials MUST be set via environment variables\nTWILIO_ACCOUNT_SID = os.environ.get('TWILIO_ACCOUNT_SID', '')\nTWILIO_AUTH_TOKEN = os.environ.get('TWILIO_AUTH_TOKEN', '')\nTWILIO_VERIFY_SERVICE_SID = os.environ.get('TWILIO_VERIFY_SERVICE_SID', '')\n", rule: None },
    // ---------------- q36 `key="ApiKey"`
    // index 28265735168
    Case { family: JS, form: "q36.1 vue template binds APIkey prop", file: "src/App.vue", text: "<template>\n  <div class=\"main\">\n    <Modal v-if=\"modalOpen\" v-on:close-modal=\"toggleModal\" :APIkey=\"APIkey\" />\n    <Navigation v-on:add-city=\"toggleModal\" />\n    <router-view :cities=\"cities\"></router-view>\n  </div>\n</template>\n", rule: None },
    // index 21702467393
    Case { family: JS, form: "q36.2 vue tinymce editor binds api-key prop", file: "src/components/QTextEditor.vue", text: "<template>\n\t<tinymce\n\t\t:id=\"controlId\"\n\t\tref=\"editor\"\n\t\tv-model.lazy=\"curValue\"\n\t\t:key=\"domKey\"\n\t\t:api-key=\"apiKey\"\n\t\t:init=\"ctrlOptions\"\n\t\t:tinymce-script-src=\"tinymceScriptSrc\"\n\t\t:disabled=\"disabled || readonly\" />\n</template>\n", rule: None },
    // index 17303937533
    Case { family: JS, form: "q36.3 vue google map binds api-key prop", file: "src/components/MapView.vue", text: "<template>\n  <GoogleMap\n      :api-key=\"apiKey\"\n      :center=\"somePoint\"\n      :zoom=\"15\"\n      style=\"width: 100%; height: 500px\"\n      styles=\"dark\">\n", rule: None },
    // ---------------- q37 `username: admin`
    // index 61832648972
    Case { family: JS, form: "q37.1 ts session token username from admin user record", file: "app/api/login/route.ts", text: "    const token = createSessionToken({\n      sub: adminUser.id,\n      username: adminUser.email,\n      role: \"admin\",\n      ttlSeconds: 60 * 60 * 24 * 30, // 30 days\n    })\n", rule: None },
    // index 6737447
    Case { family: DOC, form: "q37.2 markdown spring boot admin client yaml literal password", file: "docs/monitoring.md", text: "```yaml\n# 公共配置文件\nspring:\n  # 配置SpringBootAdmin\n  boot:\n    admin:\n      client:\n        # todo 是否纳入SpringBootAdmin监控体系（预先关闭）\n        enabled: true\n        # SpringBootAdmin地址\n        url: http://127.0.0.1:38077/spring-boot-admin/\n        # SpringBootAdmin账号\n        username: admin\n        # SpringBootAdmin密码\n        password: {PWL5D6}\n", rule: Some("generic-password") },
    // index 28414288442
    Case { family: SHELL, form: "q37.3 shell django create superuser weak password and echo", file: "start-dev.sh", text: "echo -e \"${BLUE}👤 Setting up Django superuser...${NC}\"\npython manage.py shell -c \"\nfrom django.contrib.auth.models import User\nif not User.objects.filter(username='admin').exists():\n    User.objects.create_superuser('admin', 'admin@example.com', '{L5}')\n    print('✅ Django superuser created (username: admin, password: {L5})')\nelse:\n    print('✅ Django superuser already exists')\n\"\n", rule: Some("generic-password") },
    // ---------------- p1 `SPECKLE_TOKEN: "`
    // ---------------- p2 `SPELL_TOKEN: `
    // ---------------- p3 `db_password: "`
    // index 53189666356
    Case { family: YAML, form: "p3.1 yaml env config tencent secret key literal beside fill-ins", file: "env.yaml", text: "TENCENT_SECRET_KEY: \"{TCSK}\"\n\n# CloudBase 环境\nENV_ID: \"ai-generator-1gp9p3g64d04e869\"\n\n# TDSQL-C PostgreSQL\nDATABASE_URL: \"postgresql://root:password@host.sql.tencentcdb.com:5432/ppt_rsd\"\nDB_HOST: \"host.sql.tencentcdb.com\"\nDB_PORT: \"5432\"\nDB_NAME: \"ppt_rsd\"\nDB_USER: \"root\"\nDB_PASSWORD: \"your-password\"\n", rule: Some("tencent-secret-key") },
    // index 61634793316
    Case { family: DOC, form: "p3.2 markdown k8s secret stringData db password literal", file: "docs/ARCHITECTURE.md", text: "```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: shopsphere-secret\n  namespace: microservices-demo\ntype: Opaque\nstringData:\n  DB_USERNAME: \"shopsphere_admin\"\n  DB_PASSWORD: \"{PWK8S}\"\n```\n", rule: Some("generic-password") },
    // index 23455302511
    Case { family: DOC, form: "p3.3 markdown python settings listing db password literal", file: "docs/PROJECT_OVERVIEW.md", text: "### **Database Configuration**\n```python\n# Settings from backend/config.py\ndb_host: \"localhost\"\ndb_port: 3306\ndb_user: \"root\" \ndb_password: \"{L7}\"\ndb_name: \"ncd_management\"\n```\n", rule: Some("generic-password") },
    // ---------------- p4 `apiKey: '`
    // index 11391989743
    Case { family: DART, form: "p4.1 dart firebase options google api key literal", file: "lib/main_prod.dart", text: "// ignore: avoid_void_async\nvoid main() async {\n  await Firebase.initializeApp(\n    options: const FirebaseOptions(\n      apiKey: '{GAPI}',\n      appId: '1029485859684',\n", rule: Some("google-api-key") },
    // ---------------- p5 `ENV AWS_SECRET_ACCESS_KEY`
    // ---------------- p6 `PGPASSWORD=`
    // index 2753745
    Case { family: PY, form: "p6.1 python ssh command string psql with quoted password", file: "scripts/check_callback.py", text: "    # 检查数据库中的待处理视频\n    print('\\n📊 检查数据库中的待处理视频...')\n    cmd = '''ssh -i C:\\\\server_key -o StrictHostKeyChecking=no root@203.0.113.7 \"PGPASSWORD='{PWVA}' psql -h 127.0.0.1 -U video_app -d video_app -c \\\\\"SELECT id, title, status, created_at FROM videos WHERE status='REVIEWING' ORDER BY created_at DESC LIMIT 5;\\\\\"\"'''\n    stdin, stdout, stderr = ssh.exec_command(cmd, timeout=60)\n", rule: Some("generic-password") },
    // index 56783456340
    Case { family: SHELL, form: "p6.2 shell pgpassword parameter expansion weak default", file: "database/load_seeds.sh", text: "set -euo pipefail\n\nPGHOST=\"${PGHOST:-localhost}\"\nPGPORT=\"${PGPORT:-5432}\"\nPGUSER=\"${PGUSER:-app}\"\nPGPASSWORD=\"${PGPASSWORD:-{L3}}\"\nPGDATABASE=\"${PGDATABASE:-beer_and_beverages}\"\nexport PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE\n", rule: Some("generic-password") },
    // index 11179140045
    Case { family: SHELL, form: "p6.3 shell pgpassword prefix literal before psql", file: "scripts/migrate.sh", text: "#!/bin/bash\nset -e\n\necho \"Running migrations and seeding the database...\"\n\n# Run the SQL migration directly\necho \"Creating database tables...\"\nPGPASSWORD={L8} psql -h postgres -U postgres -d innosystem -c \"\n-- Create job_types table\nCREATE TABLE IF NOT EXISTS job_types (\n    id UUID PRIMARY KEY,\n", rule: Some("generic-password") },
    // ---------------- p7 `"password" => "`
    // index 37502338976
    Case { family: PHP, form: "p7.1 php route array account password literal", file: "routes/web.php", text: "Route::get('/truemoney/set', function() {\n\n$data = [\n    \"username\" => \"0612345678\",\n    \"password\" => \"{L6D2}\",\n];\n\n$bot_true_money = new BotTrueMoney($data);\n", rule: Some("generic-password") },
    // index 5745364856
    Case { family: PHP, form: "p7.2 php test register empty then weak admin password", file: "tests/Feature/AuthTest.php", text: "    function testRegisterFailed() {\n        $this->post(\"/api/v1/auth/register\", [\n            \"username\" => \"farish\",\n            \"email\" => \"farish\",\n            \"password\" => \"\"\n        ])\n        ->assertBadRequest();\n    }\n\n    function testRegisterUserAlreadyExist() {\n        $this->post(\"/api/v1/auth/register\", [\n            \"username\" => \"admin\",\n            \"email\" => \"admin@gmail.com\",\n            \"password\" => \"{L5}\"\n        ])\n        ->assertUnauthorized();\n", rule: Some("generic-password") },
    // index 18083321531
    Case { family: RUBY, form: "p7.3 ruby cucumber step create user password and confirmation", file: "features/step_definitions/user_steps.rb", text: "def create_user(user_name)\n  User.create!(\"user_name\" => user_name,\n               \"password\" => \"{L8}\",\n               \"password_confirmation\" => \"{L8}\",\n               \"full_name\" => user_name,\n               \"organisation\" => \"UNICEF\",\n               \"disabled\" => \"false\",\n               \"email\" => \"rapidftr@rapidftr.com\",\n               \"role_ids\" => [\"ADMIN\"])\nend\n", rule: Some("generic-password") },
    // ---------------- p8 `String apiKey = "`
    // index 32400019384
    Case { family: JAVA, form: "p8.1 java controller final api key and url carrying it", file: "src/main/java/quotes/QuoteController.java", text: "@RestController\n@CrossOrigin(origins = \"*\")\npublic class QuoteController {\n    final String apiKey = \"{K20Q}\";\n    final String urlPrefix = \"https://www.quandl.com/api/v3/datasets/EURONEXT/%s.json?api_key={K20Q}\";\n", rule: Some("generic-api-key") },
    // index 19022420734
    Case { family: JAVA, form: "p8.2 java android activity private final hex api key", file: "app/src/main/java/com/example/news/NewsActivity.java", text: "public class NewsActivity extends AppCompatActivity {\n\n    private RecyclerView recyclerNews;\n    private List<NewsItem> newsList = new ArrayList<>();\n    private NewsAdapter adapter;\n    private final String apiKey = \"{KH32}\";\n", rule: Some("generic-api-key") },
    // index 25339597864
    Case { family: JAVA, form: "p8.3 java constant api_key query pair with hex key", file: "app/src/main/java/com/example/movies/DetailsActivity.java", text: "    public final String IMDB_BASE_URL = \"http://api.themoviedb.org/3/movie/\";\n    public final String APIKEY = \"api_key={KH32}\";\n    public final String REVIEW_ADD = \"/reviews?\";\n    public final String TRAILER_ADD = \"/videos?\";\n", rule: Some("generic-api-key") },
    // ---------------- p9 `password := "`
    // index 23307697289
    Case { family: GO, form: "p9.1 go ari client username and equal password literal", file: "main.go", text: "func main() {\n\t// ARI server details\n\tariURL := \"http://localhost:8088/ari\"\n\tusername := \"asterisk\"\n\tpassword := \"{L8}\"\n\n\t// Create HTTP client\n\tclient := &http.Client{}\n", rule: Some("generic-password") },
    // index 5596049
    Case { family: DOC, form: "p9.2 markdown radius users file cleartext password and radtest", file: "docs/lab-setup.md", text: "```\nnano /etc/raddb/users\nnetuser Cleartext-Password := \"{PWLEET}\"\n       Service-Type = Administrative-User\n\nsystemctl enable --now radiusd\nradtest netuser {PWLEET} localhost 0 testing123\n```\n", rule: Some("generic-password") },
    // index 54362414324
    Case { family: GO, form: "p9.3 go reset tool default password unless argument given", file: "cmd/resetpw/main.go", text: "\t// Get username from args or use default\n\tusername := \"admin\"\n\tif len(os.Args) > 1 {\n\t\tusername = os.Args[1]\n\t}\n\n\t// Get password from args or use default\n\tpassword := \"{PWL5D3}\"\n\tif len(os.Args) > 2 {\n\t\tpassword = os.Args[2]\n\t}\n", rule: Some("generic-password") },
    // ---------------- p10 `client_secret = "`
    // ---------------- p11 `"Authorization": "Bearer `
    // ---------------- p12 `postgresql://postgres:`
    // index 59926977688
    Case { family: PY, form: "p12.1 python optuna storage url postgres equal password", file: "train/sweeper.py", text: "    # Priority: Environment variable > Config file\n    BASE = \"postgresql://postgres:{L8}@<IP>:23436/wyoloservice\"\n    CONTROL_HOST = os.getenv(\"CONTROL_HOST\", \"localhost\")\n    storage_url = BASE.replace(\"<IP>\", CONTROL_HOST)\n", rule: Some("postgres-url-password") },
    // index 66047121013
    Case { family: JS, form: "p12.2 js pg client connection string root password", file: "scripts/drop-profiles.js", text: "const { Client } = require('pg');\nconst c = new Client({ connectionString: 'postgresql://postgres:{L4}@localhost:5432/sast_db' });\n(async () => {\n  await c.connect();\n", rule: Some("postgres-url-password") },
    // index 24862861228
    Case { family: DOC, form: "p12.3 markdown database url postgres weak password", file: "README.md", text: "Use PostgreSQL by setting:\n\n```bash\nDATABASE_URL=postgresql://postgres:{L8}@localhost:5432/behavioral_auth\n```\n\nIf `DATABASE_URL` is empty, the app uses SQLite via `DB_PATH`.\n", rule: Some("postgres-url-password") },
    // ---------------- p13 `SENDGRID_API_KEY=SG.`
    // index 54930620351
    Case { family: JSON, form: "p13.1 json fixture file content with sequential sendgrid-named key", file: "fixtures/drive_files.json", text: "        \"name\": \"prod-secrets.env\",\n        \"mimeType\": \"text/plain\",\n        \"folder\": \"Engineering/Config\",\n        \"content_text\": \"# Brightwave production secrets - DO NOT SHARE\\nDATABASE_URL=postgres://admin:{HUNTER}@db.internal:5432/prod\\nJWT_SIGNING_KEY={JWTHDR}\\nSENDGRID_API_KEY={SGSEQ}\\n\",\n        \"days_ago\": 24,\n", rule: Some("generic-api-key") },
    // ---------------- p14 `redis-cli -a `
    // index 66450008351
    Case { family: DOC, form: "p14.1 markdown redis-cli role-word password then mysql six digit password", file: "docs/deploy.md", text: "查看 Redis 数据：\n\n```bash\ndocker exec -it accessguard-redis redis-cli -a redispwd\n```\n\n查看 MySQL 数据：\n\n```bash\ndocker exec -it accessguard-mysql mysql -uroot -p{D6} accessguard\n", rule: Some("generic-password") },
    // index 13189516886
    Case { family: OTHER, form: "p14.2 justfile redis-cli project password literal", file: "justfile", text: "# Open PostgreSQL shell\ndocker-shell-db:\n    docker-compose exec postgres psql -U codegraph -d codegraph\n\n# Open Redis CLI\ndocker-shell-redis:\n    docker-compose exec redis redis-cli -a {PWCGR}\n", rule: Some("generic-password") },
    // index 71641499096
    Case { family: DOC, form: "p14.3 markdown verification commands redis-cli literal password", file: "docs/verify.md", text: "## 验证命令\n\n```bash\n# HTTP\ncurl -s -w \"\\n%{http_code}\" http://...\n\n# Redis\nredis-cli -a {PWXHS} GET \"key\"\n", rule: Some("generic-password") },
    // ---------------- s1 `<add key="ApiKey" value="`
    // index 23595202568
    Case { family: DOC, form: "s1.1 markdown rhino compute app settings xml made-up api key", file: "docs/compute-config.md", text: "## 2. rhino.compute.config\n\n```xml\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n    <add key=\"ApiKey\" value=\"{RHK}\" />\n    <add key=\"RequireApiKey\" value=\"true\" />\n    <add key=\"AllowedHosts\" value=\"*\" />\n  </appSettings>\n</configuration>\n```\n", rule: Some("generic-api-key") },
    // ---------------- s2 `openai.api_key = \"sk-`
    // index 52631531438
    Case { family: OTHER, form: "s2.1 netlogo py run string sets openai project key", file: "model.nlogo", text: ";; Setup Python environment and OpenAI integration\nto setup-python\n  py:setup py:python\n  py:run \"import openai\"\n  py:run \"import os\"\n  py:run \"openai.api_key = \\\"{OAIP}\\\"\"\n  py:run \"elements_list = []\"\n", rule: Some("openai-project-key") },
    // index 22420818509
    Case { family: NB, form: "s2.2 notebook source line legacy openai key in function", file: "summaries.ipynb", text: "        \"# Running GPT-3\\n\",\n        \"def create_summaries(input_text_path):\\n\",\n        \"\\n\",\n        \"    # Set the API key\\n\",\n        \"    final_text=''\\n\",\n        \"    openai.api_key = \\\"{OAIL}\\\"\\n\",\n        \"    for key, value in input_text_path.items():\\n\",\n", rule: Some("openai-user-key") },
    // index 49789847931
    Case { family: NB, form: "s2.3 notebook cell openai project key after arabic comment", file: "trading_assistant.ipynb", text: "   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"ffec5456\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"\\n\",\n    \"# 🔐 أدخل مفاتيحك هنا\\n\",\n    \"openai.api_key = \\\"{OAIP}\\\"\\n\",\n   ]\n  },\n", rule: Some("openai-project-key") },
    // ---------------- s3 `speckleToken = "`
    // index 31196310771
    Case { family: PY, form: "s3.1 python streamlit page speckle token literal beside server", file: "pages/dashboard.py", text: "        # #-------\n        # #Speckle Server and Token\n        speckleServer = \"macad.speckle.xyz\"\n        speckleToken = \"{SPK42}\"\n        #CLIENT\n        client = SpeckleClient(host=speckleServer)\n        #Get account from Token\n        account = get_account_from_token(speckleToken, speckleServer)\n", rule: Some("speckle-token") },
    // index 31246942599
    Case { family: PY, form: "s3.2 python run function speckle token literal then account", file: "data_extraction/facade.py", text: "def run(selected_team: str) -> None:\n    \n    # 2. Speckle Connection\n    speckleServer = \"macad.speckle.xyz\"\n    speckleToken = \"{SPK42}\"\n    client = SpeckleClient(host=speckleServer)\n    account = get_account_from_token(speckleToken, speckleServer)\n    client.authenticate_with_account(account)\n", rule: Some("speckle-token") },
    // index 36944581151
    Case { family: CSHARP, form: "s3.3 c# speckle token local then Account token initializer", file: "Program.cs", text: "        private static async Task SendToSpeckle(Base rootCommitObject, string blobStorageFolder = null)\n        {\n            var startSendTime = DateTime.Now;\n            Console.WriteLine(\"SendToSpeckle started.\");\n\n            string speckleToken = \"{SPK42}\";\n            string projectId = \"f97a0b4c05\";\n\n            var account = new Account\n            {\n                token = speckleToken,\n                serverInfo = new ServerInfo { url = \"https://app.speckle.systems\" }\n            };\n", rule: Some("speckle-token") },
    // ---------------- s4 `mail.smtp.password=`
    // index 39282189631
    Case { family: JS, form: "s4.1 servoy js mail properties array literal app password", file: "forms/mailTest.js", text: "\tvar properties = new Array();\n\tproperties[0] = 'mail.smtp.host=smtp.gmail.com';\n\tproperties[1] = 'mail.smtp.auth=true';\n\tproperties[2] = 'mail.smtp.starttls.enable=true';\n\tproperties[3] = 'mail.smtp.port=587';\n\tproperties[4] = 'mail.smtp.username=sender@example.com';\n\tproperties[5] = 'mail.smtp.password={L16}';\n\n\tvar success = plugins.mail.sendMail('to@example.com', 'sender@example.com', 'test', msgText, null, null, null, properties);\n", rule: Some("generic-password") },
];

#[test]
fn held_aside_real9() {
    SET.measure("real9", CASES, 91031, 50, 92);
}
