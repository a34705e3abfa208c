//! A tuning set sampled from real public code (issue 13, session 11, branch `recall11`): the
//! blind real-code sets read 0.86-0.88 where the issue asks 0.95, and their summaries point at
//! generic passwords and API keys in Markdown setup guides, Python (settings modules, scripts,
//! notebooks, SDK calls), YAML, shell and `.env` samples, and at a few forms the earlier sets
//! showed weak (values split over lines, `secret_id` beside concatenated URLs, 16 lowercase
//! letters under `*_TOKEN`, base64 `auth:` keys, nginx `Authorization "Basic ..."`, Yarn
//! `npmAuthIdent`, Maven `sonar.login`). Unlike `heldout_real4`, this set is a TUNING set:
//! it is read, and the engine is fixed in general form from its misses. It is not a measure of
//! unseen code; the blind sets (`heldout_real5`, `heldout_real6`) stay that.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! `heldout_real4`'s procedure, labels and measure (shared harness `blind_harness`), with
//! these queries, none of them a query of `heldout_real`..`heldout_real5`:
//!
//! 1. Stage 1 queries (exact strings, case-insensitive, `find_string` with context 300), in
//!    this order, the first 4 usable excerpts of each whatever their label:
//!    `EMAIL_HOST_PASSWORD`, `'PASSWORD': '`, `genai.configure(api_key=`, `praw.Reddit(`,
//!    `HTTPBasicAuth(`, `cp .env.example .env`, `default password`, `NEXTAUTH_SECRET=`,
//!    `SMTP_PASSWORD=`, `bind_password`, `api_token:`, `-H "apikey:`, `&appid=`,
//!    `npmAuthIdent`, `sonar.login`, `proxy_set_header Authorization`, `"auths": {`,
//!    `secret_id`. Cases are named `q<query>.<case>`.
//! 2. Stage 2 queries (positives only, the first 3 excerpts holding a literal credential by
//!    the labelling rules), in this order: `授权码`, `EMAIL_HOST_PASSWORD = '`,
//!    `genai.configure(api_key="`, `api_key=\"` (the backslash is literal: notebook JSON),
//!    `APIKEY = "`, `npmAuthIdent: "`, `sonar.login=`, `Authorization "Basic `, `"auth": "`,
//!    `secret_id = "`, `_TOKEN = '`, `"Authorization": "Basic `, `SMTP_PASS=`, `passwd="`,
//!    `DB_PASS = '`, `api_key: "`. Cases are named `p<query>.<case>`.
//! 3. Stages 1b and 2b, added after stages 1 and 2 gave 98 cases (36 positives), fixed here
//!    before any of them was sent: stage 1 queries `Default credentials`, `db_password:`,
//!    `DATABASE_PASSWORD=`, `"api_key":` (first 4 usable excerpts each), and stage 2 queries
//!    `password: '`, `export PASSWORD=`, `api_key = '`, `ADMIN_PASSWORD=`,
//!    `spring.datasource.password=`, `REDIS_PASSWORD=` (first 3 positives each).
//! 4. Trimming, placeholders, labels and the one-value-per-case rule are `heldout_real4`'s
//!    (steps 3 and 4 of its procedure). Values are generated at run time.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: every query returned 10 excerpts and the first 4 were usable (none binary,
//! minified, a lock file or a repeat): 22 x 4 = 88 cases, 13 positives. Stage 2 (first 3
//! holding a literal): p1 `授权码` 1 (the others: `xxx`, prose, UI labels), p2
//! `EMAIL_HOST_PASSWORD = '` 2 (the rest empty or fill-ins), p3 `genai.configure(api_key="` 3,
//! p4 `api_key=\"` 0 (variables, elisions, a `FAKEKEY` fixture), p5 `APIKEY = "` 3, p6
//! `npmAuthIdent: "` 0 (variables, `user:pass`, fill-ins), p7 `sonar.login=` 3, p8
//! `Authorization "Basic ` 3 (the others decode to `user:pass`, `user:pw`, `:`, `email:test`
//! or are fill-ins), p9 `"auth": "` 1, p10 `secret_id = "` 1, p11 `_TOKEN = '` 1, p12
//! `"Authorization": "Basic ` 1, p13 `SMTP_PASS=` 0 (all fill-ins), p14 `passwd="` 3, p15
//! `DB_PASS = '` 3, p16 `api_key: "` 1 (the others descriptive test values), p17 `password: '`
//! 3, p18 `export PASSWORD=` 2 (the third candidate, a scanner's test table, holds the
//! well-known `hunter2`), p19 `api_key = '` 3, p20 `ADMIN_PASSWORD=` 3, p21
//! `spring.datasource.password=` 2, p22 `REDIS_PASSWORD=` 3. Stage 2 gave 42 positives.
//! Total: 130 cases, 55 positives, 75 negatives.
//!
//! Labelling calls made while sampling, before any scan:
//! - weak concrete passwords are literals and keep a weak shape (the blind sets' weak values
//!   are mostly of these shapes): digits (`{DIG3}` `{DIG4}` `{DIG6}`: `123`, `0000`,
//!   `012002`, `123456`), a lowercase word (`{LOW8}`: `root`, `admin`, `airflow`), a word and
//!   digits (`{LW}`: `senha123`, `demo1234`, `admin123`, `dreamtracer2024`), 16 lowercase
//!   letters (`{QQ16}`, a QQ or Gmail app password);
//! - descriptive values are fill-ins, not literals: `django-agent-password` (q10.1),
//!   `dev_evolution_key` (q12.3), `mytoken` (q17.4), `my_pass` (q2.3), `senha_app` (q9.4),
//!   `database_password` (q20.3), `abc` (q22.4), the conventional `ollama` key (q22.2);
//! - q8.4 the hit line's `dev-secret-change-me` is a fill-in, so the first literal, the
//!   development URL's password, is measured; q15.2 `-Dsonar.login=admin` is a user name
//!   beside `-Dsonar.password`, which is measured; q19.3 the hit line is a heading, the
//!   `ALTER USER ... WITH PASSWORD` literal below it is measured;
//! - Basic credentials (p8.x, p12.1) expect `generic-password` and their value is base64 of
//!   `user:password` (`{BASICW}`, `{BASICC}`, `{BASICU}`); the measure accepts the encoded
//!   value, the decoded pair or the decoded password; p9.1 a Docker config's `auth` expects
//!   `docker-config-auth` (`{DAUTH}`, the same password written in clear on its own line as
//!   `{DPW}`);
//! - p7.1, p7.2 a 40-hex `sonar.login` is SonarQube's older token shape and expects
//!   `sonarcloud-token`, the rule for that shape; q15.3, p7.3 `sqp_` tokens expect
//!   `sonarqube-analysis-token`;
//! - p10.1 a GitHub OAuth app's secret under `secret_id` expects `generic-secret` (the GitHub
//!   rule needs a GitHub name); the client id beside it is an identifier (`{GHCID}`);
//! - p1.1 the SMTP authorisation code sits in a variable named `s2` under a heading naming it
//!   (授权码): labelled positive, as the procedure takes what the excerpt holds.
//!
//! Personal e-mail addresses in the excerpts are replaced by example ones; comments in other
//! languages are translated where they would otherwise carry a credential word.
//!
//! # Measuring
//!
//! `heldout_real4`'s measure through the shared harness. For `{W}` and `{K}` the reported
//! secret must equal the value; for a Basic or Docker `auth` value it may be the encoded
//! value, the decoded `user:password` or the password; for the others it must contain the
//! value, or be a part of it of at least 16 characters.
//!
//! `cargo test --lib -- --exact --nocapture context::tuning_real7::tuning_real7`

#![cfg(test)]

use super::blind_harness::{
    uuid, BlindSet, Gen, BASE62, DIGITS, HEX, LOWER, LOWER_DIGITS, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};
use base64::Engine;

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const PHP: &str = "PHP";
const GO: &str = "Go";
const KOTLIN: &str = "Kotlin";
const RUBY: &str = "Ruby";
const HCL: &str = "Terraform";
const SHELL: &str = "shell scripts";
const CI: &str = "CI configuration and logs";
const DOCKER: &str = "Dockerfiles";
const OTHER: &str = "other languages";
const DOC: &str = "Markdown and docs";

/// The generic rules, always measured; provider rules named by a case are added to them.
const GENERIC: [&str; 4] = [
    "generic-password",
    "generic-secret",
    "generic-token",
    "generic-api-key",
];

/// For each rule a case may expect, the placeholders that can hold its value.
const MEASURED: &[(&str, &[&str])] = &[
    (
        "generic-password",
        &[
            "{W}", "{DIG3}", "{DIG4}", "{DIG6}", "{LW}", "{LOW8}", "{QQ16}", "{IDPW}", "{BASICW}",
            "{BASICC}", "{BASICU}",
        ],
    ),
    (
        "generic-api-key",
        &["{K}", "{LC32}", "{H32}", "{H8}", "{FIXK}", "{DIG3}"],
    ),
    ("generic-secret", &["{RS30}", "{SEC32}", "{HEX40}"]),
    ("openweather-api-key", &["{OWM}"]),
    ("postgres-url-password", &["{UW}"]),
    ("sonarqube-analysis-token", &["{SQP}"]),
    ("sonarcloud-token", &["{HEX40}"]),
    ("google-api-key", &["{GAK}"]),
    ("jwt", &["{JWT}"]),
    ("docker-config-auth", &["{DAUTH}"]),
];

/// Compared exactly.
const SHARED: [&str; 2] = ["{W}", "{K}"];

/// Encoded `user:password` values: the rule may report them encoded or decoded.
const ENCODED_PAIRS: [&str; 4] = ["{BASICW}", "{BASICC}", "{BASICU}", "{DAUTH}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{W}", "{K}", "{DIG3}", "{DIG4}", "{DIG6}", "{LW}", "{LOW8}", "{QQ16}", "{IDPW}", "{BASICW}",
    "{BASICC}", "{BASICU}", "{LC32}", "{H32}", "{H8}", "{FIXK}", "{RS30}", "{SEC32}", "{HEX40}",
    "{OWM}", "{UW}", "{SQP}", "{GAK}", "{JWT}", "{DAUTH}", "{DPW}",
];

/// A signed JWT's shape (RFC 7519): base64url header naming its `alg`, a JSON payload and a
/// 32-byte HMAC signature.
fn jwt(g: &mut Gen) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = b64.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = format!(
        r#"{{"sub":"{}","iat":17{}}}"#,
        g.pick(BASE62, 16),
        g.pick(DIGITS, 8)
    );
    let signature = b64.encode(g.bytes(32));
    format!("{header}.{}.{signature}", b64.encode(payload))
}

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// Every placeholder of this set and its value for one case's seed.
pub(super) fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0007);
    let docker_password = [g.pick(LOWER, 4), g.pick(DIGITS, 3)].concat();
    let extra = [
        ("{DIG3}", g.pick(DIGITS, 3)),
        ("{DIG4}", g.pick(DIGITS, 4)),
        ("{DIG6}", g.pick(DIGITS, 6)),
        ("{LW}", [g.pick(LOWER, 6), g.pick(DIGITS, 4)].concat()),
        ("{LOW8}", g.pick(LOWER, 6)),
        ("{QQ16}", g.pick(LOWER, 16)),
        ("{IDPW}", [g.pick(LOWER, 5), g.pick(DIGITS, 3)].concat()),
        ("{BASICW}", b64(&format!("admin:{}", g.pick(BASE62, 12)))),
        (
            "{BASICC}",
            b64(&format!("{}:{}", g.pick(BASE62, 32), g.pick(BASE62, 32))),
        ),
        (
            "{BASICU}",
            b64(&format!("{}:{}", uuid(&mut g), g.pick(BASE62, 12))),
        ),
        ("{LC32}", g.pick(LOWER_DIGITS, 32)),
        ("{H32}", g.pick(HEX, 32)),
        ("{H8}", g.pick(HEX, 8)),
        (
            "{FIXK}",
            ["bnc_", &g.pick(LOWER, 5), &g.pick(DIGITS, 5)].concat(),
        ),
        ("{RS30}", g.pick(URLSAFE, 30)),
        ("{SEC32}", g.pick(BASE62, 32)),
        ("{UW}", g.pick(BASE62, 16)),
        ("{SQP}", ["sq", "p_", &g.pick(HEX, 40)].concat()),
        ("{GAK}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        ("{JWT}", jwt(&mut g)),
        ("{DAUTH}", b64(&format!("tiger:{docker_password}"))),
        ("{DPW}", docker_password),
        // Not secrets: client identifiers.
        ("{CID22}", g.pick(URLSAFE, 22)),
        ("{GHCID}", g.pick(HEX, 20)),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    if SHARED.contains(&placeholder) {
        return reported == value;
    }
    if ENCODED_PAIRS.contains(&placeholder) {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(value)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default();
        let password = decoded.split_once(':').map(|(_, p)| p).unwrap_or("");
        return reported.contains(value) || reported == decoded || reported == password;
    }
    reported.contains(value) || (reported.len() >= 16 && value.contains(reported))
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
    // ---------------------------------------------------------------- q1 `EMAIL_HOST_PASSWORD`
    // index 25186108009
    Case { family: PY, form: "q1.1 python django settings email password from getenv", file: "config/settings.py", text: "EMAIL_HOST = os.getenv(\"EMAIL_HOST\")\nEMAIL_PORT = int(os.getenv(\"EMAIL_PORT\", 587))\nEMAIL_USE_TLS = os.getenv(\"EMAIL_USE_TLS\", \"True\") == \"True\"\nEMAIL_HOST_USER = os.getenv(\"EMAIL_HOST_USER\")\nEMAIL_HOST_PASSWORD = os.getenv(\"EMAIL_HOST_PASSWORD\")\nDEFAULT_FROM_EMAIL = os.getenv(\"DEFAULT_FROM_EMAIL\", EMAIL_HOST_USER)\n", rule: None },
    // index 230359
    Case { family: DOCKER, form: "q1.2 dockerfile ENV bare Password and My-secret-key fill-ins", file: "Dockerfile", text: "ARG DT_RELEASE_VERSION\nENV STRIPE_SECRET_KEY=\"My-secret-key\"\nENV STRIPE_PUBLISHABLE_KEY=\"My-stripe-key\"\nENV EMAIL_HOST_USER=\"HOST_USER\"\nENV EMAIL_HOST_PASSWORD=\"Password\"\nENV DT_RELEASE_VERSION ${DT_RELEASE_VERSION}\n", rule: None },
    // index 16174191559
    Case { family: DOC, form: "q1.3 markdown bash env block your_sendgrid_api_key", file: "README.md", text: "#### **Environment Variables Required**\n```bash\nEMAIL_HOST_PASSWORD=your_sendgrid_api_key\nDEFAULT_FROM_EMAIL=noreply@usc-pis.herokuapp.com\nEMAIL_HOST=smtp.sendgrid.net  # Optional (default)\nEMAIL_PORT=587               # Optional (default)\n```\n", rule: None },
    // index 52283316874
    Case { family: DOC, form: "q1.4 markdown python settings your_app_password", file: "README.md", text: "To enable real email reminders, update `settings.py`:\n\n```python\nEMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\nEMAIL_HOST = 'smtp.gmail.com'\nEMAIL_PORT = 587\nEMAIL_USE_TLS = True\nEMAIL_HOST_USER = 'your_email@gmail.com'\nEMAIL_HOST_PASSWORD = 'your_app_password'  # Use Gmail App Password\n```\n", rule: None },
    // ---------------------------------------------------------------- q2 `'PASSWORD': '`
    // index 6705869391
    Case { family: PY, form: "q2.1 python list of db config dicts password digits with comment", file: "app.py", text: "app = Flask(__name__)\napp.secret_key = \"your_secret_key\"  # Replace with a secure, random value\n\n# List of database configurations\ndb_configs = [\n    {\n        'host': '172.17.0.2',     # Fallback host\n        'user': 'FernanShen',     # Fallback username\n        'password': '{DIG6}',     # Fallback password\n        'database': 'FilmCatalog' # Fallback database name\n    },\n", rule: Some("generic-password") },
    // index 27868619061
    Case { family: DOC, form: "q2.2 rst example SESSION_REDIS PASSWORD digits", file: "README.rst", text: "An example::\n\n    SESSION_REDIS = {\n        'HOST': '192.168.1.2',\n        'PORT': 6739,\n        'PASSWORD': '{DIG3}',\n        'DB': 5,\n        'PREFIX': 'sessions',\n    }\n\n4. That's it\n", rule: Some("generic-password") },
    // index 784251
    Case { family: PY, form: "q2.3 python docstring credentials example my_pass", file: "obspy/clients/fdsn/mass_downloader.py", text: "            ``credentials={\n            'geofon.gfz-potsdam.de': {'eida_token': 'my_token_file.txt'},\n            'service.iris.edu': {'user': 'me', 'password': 'my_pass'}\n            'EIDA_TOKEN': '/path/to/token.txt'\n            }``\n", rule: None },
    // index 20527138971
    Case { family: PY, form: "q2.4 python psycopg2 db_params password digits with comment", file: "db.py", text: "import psycopg2\n\n# Database connection parameters\ndb_params = {\n    'host': 'localhost',\n    'database': 'journal',  # Updated to 'journal'\n    'user': 'harz',         # Updated to 'harz'\n    'password': '{DIG3}'       # Updated to the password\n}\n\n# Establish a connection to the PostgreSQL database\ntry:\n    connection = psycopg2.connect(**db_params)\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q3 `genai.configure(api_key=`
    // index 18344680554
    Case { family: PY, form: "q3.1 python genai configure imported constant", file: "vision.py", text: "import google.generativeai as genai\nimport base64\nimport json\nfrom secret import GEMINI_API_KEY\n\n# Set up the API key\ngenai.configure(api_key=GEMINI_API_KEY)\n", rule: None },
    // index 9551025444
    Case { family: PY, form: "q3.2 python streamlit text_input api key then configure variable", file: "app.py", text: "        k = st.text_input(\"Cle API\", type=\"password\")\n        if k:\n            st.session_state.api_key = k\n            st.rerun()\n\ndef analyser(contenu, niveau):\n    if not api_key: return \"Cle manquante.\"\n    try:\n        genai.configure(api_key=api_key)\n        model = genai.GenerativeModel('gemini-2.5-flash')\n", rule: None },
    // index 52568036364
    Case { family: PY, form: "q3.3 python st.secrets get then configure", file: "app.py", text: "                api_key = st.secrets.get(\"GEMINI_API_KEY\")\n                \n                if not api_key:\n                    st.error(\"No se encontro la llave GEMINI_API_KEY en los Secrets.\")\n                else:\n                    genai.configure(api_key=api_key)\n", rule: None },
    // index 35652002754
    Case { family: PY, form: "q3.4 python getenv GOOGLE_API_KEY then configure", file: "chatbot.py", text: "load_dotenv()\nAPI_KEY = os.getenv(\"GOOGLE_API_KEY\")\n\nif not API_KEY:\n    raise ValueError(\"GOOGLE_API_KEY not found in .env\")\n\ngenai.configure(api_key=API_KEY)\n", rule: None },
    // ---------------------------------------------------------------- q4 `praw.Reddit(`
    // index 71227772291
    Case { family: DOC, form: "q4.1 markdown python praw getenv credentials", file: "docs/ARCHITECTURE.md", text: "### Reddit Stream\n```python\nimport praw\n\nreddit = praw.Reddit(\n    client_id=os.getenv(\"REDDIT_CLIENT_ID\"),\n    client_secret=os.getenv(\"REDDIT_CLIENT_SECRET\"),\n    user_agent=os.getenv(\"REDDIT_USER_AGENT\")\n)\n```\n", rule: None },
    // index 31204606871
    Case { family: PY, form: "q4.2 python praw from json variables", file: "bot.py", text: "mention_mod = '<@&' + mod_role_1 + '>'\nreddit = praw.Reddit(client_id=json_client_id, client_secret=json_client_secret, user_agent=json_user_agent)\nbot_author = str(\"<@!\" + json_bot_author_id + \">\")\n", rule: None },
    // index 19580395241
    Case { family: PY, form: "q4.3 python asyncpraw from cfg settings", file: "bot.py", text: "reddit_agent = asyncpraw.Reddit(\n    client_id=cfg.settings['redditAPI']['client_id'],\n    client_secret=cfg.settings['redditAPI']['client_secret'],\n    user_agent=cfg.settings['redditAPI']['user_agent']\n)  # creates read-only reddit instance\n", rule: None },
    // index 822071
    Case { family: PY, form: "q4.4 python praw client_secret literal keyword argument", file: "app.py", text: "nltk.download('stopwords')\napp = Flask(__name__)\n\nreddit = praw.Reddit(\n    client_id=\"{CID22}\",\n    client_secret=\"{RS30}\",\n    user_agent=\"my-app by u/someone\"\n)\n\ndef extract_comment_data(comment):\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- q5 `HTTPBasicAuth(`
    // index 18498577048
    Case { family: JS, form: "q5.1 ts HttpBasicAuth from process.env", file: "src/welcome.ts", text: "const HSBC_USER = process.env.HSBC_USER;\nconst HSBC_PASS = process.env.HSBC_PASS;\nlet auth = new HttpBasicAuth();\nauth.username = HSBC_USER;\nauth.password = HSBC_PASS;\nclient.setDefaultAuthentication(auth);\n", rule: None },
    // index 25680803443
    Case { family: PY, form: "q5.2 python jira basic_auth tuple of attributes", file: "integrations/jira.py", text: "        try:\n            self.jira = JIRA(server=self.server, basic_auth=(self.username, self.apiToken))\n            self.jiraAuth = HTTPBasicAuth(self.username, self.apiToken)\n        except Exception as e:\n            logger.error(f\"Can't Connect to JIRA. Error - {e}\")\n", rule: None },
    // index 3222538
    Case { family: PY, form: "q5.3 python headers bare Basic and HTTPBasicAuth variables", file: "collectors/ambari.py", text: "                    'Authorization' : 'Basic',\n                    'Accept-Encoding': 'identity'\n                  }\n        # Retrieving Ambari config detail\n        response = requests.get(self.ambari_config_url, headers=headers, params=self.params_payload, stream=True, auth=HTTPBasicAuth(ambari_user, ambari_pass))\n", rule: None },
    // index 45287078578
    Case { family: PY, form: "q5.4 python flask_httpauth get_password callback", file: "app/api/authentication.py", text: "auth = HTTPBasicAuth()\n\n\n@auth.get_password\ndef get_password(username):\n    user = User.query.filter_by(UserName=str(username)).first_or_404()\n", rule: None },
    // ---------------------------------------------------------------- q6 `cp .env.example .env`
    // index 67221500446
    Case { family: DOC, form: "q6.1 markdown quickstart env block commented empty admin secret", file: "README.md", text: "```bash\ncp .env.example .env\npnpm install\npnpm dev          # http://localhost:5173\n```\n\n## Variables de entorno\n\n```env\n# Backend\nVITE_API_URL=http://localhost:9000\n\n# Opcional dev/scripts. NUNCA en produccion.\n# VITE_API_ADMIN_SECRET=\n```\n", rule: None },
    // index 71655375061
    Case { family: DOC, form: "q6.2 markdown env block SECRET_KEY your-secret-key-here", file: "README.md", text: "1. **Copy the example environment file:**\n```bash\ncp .env.example .env\n```\n\n2. **Edit `.env` with your configuration:**\n\n**Minimal Configuration for Local Development:**\n```bash\n# Core Settings\nENV=development\nSECRET_KEY=your-secret-key-here-change-in-production\nDEBUG=True\nALLOWED_HOSTS=localhost,127.0.0.1\n", rule: None },
    // index 58781299231
    Case { family: DOC, form: "q6.3 markdown backend setup edit DB_PASSWORD prose", file: "README.md", text: "```bash\ncd ~/portfolio\ncp .env.example .env\n# Edit .env with your DB_USER / DB_PASSWORD if needed\n\nsource .venv/bin/activate\ncd backend\npython manage.py migrate\n", rule: None },
    // index 54329385601
    Case { family: DOC, form: "q6.4 markdown add SECRET_KEY with openssl instruction", file: "README.md", text: "### 2. Create .env File\n```bash\ncp .env.example .env\n# Edit .env and add your SECRET_KEY (use `openssl rand -hex 32`)\n```\n\n### 3. Start Server\n```bash\ncd backend\nuvicorn app:app --reload\n```\n", rule: None },
    // ---------------------------------------------------------------- q7 `default password`
    // index 33292306020
    Case { family: JS, form: "q7.1 tsx dev user switcher logs in with bare password word", file: "src/components/UserSwitcher.tsx", text: "  const handleUserSwitch = async (email: string) => {\n    try {\n      // For development, we assume a default password for all users.\n      const { token } = await loginUser(email, 'password');\n      setToken(token);\n", rule: None },
    // index 16163417415
    Case { family: JS, form: "q7.2 tsx export default PasswordReset", file: "src/pages/PasswordReset.tsx", text: "          </BaseButton>\n        </div>\n      )}\n    </div>\n  );\n};\n\nexport default PasswordReset;\n", rule: None },
    // index 61582255590
    Case { family: JS, form: "q7.3 js import default password is the username hashed", file: "scripts/import.js", text: "      const [existing] = await sql`SELECT id FROM users WHERE username = ${username}`;\n      if (existing) { summary.users.skipped++; continue; }\n\n      // Default password = username\n      const hash = await bcrypt.hash(username, 10);\n", rule: None },
    // index 41933870670
    Case { family: JS, form: "q7.4 tsx export default PasswordVerification", file: "src/components/PasswordVerification.tsx", text: "          <Button\n            label=\"ok\"\n            color=\"primary\"\n            onClick={() => onVerify(password)}\n          />\n        </div>\n      </form>\n    </div>\n  );\n}\n\nexport default PasswordVerification;\n", rule: None },
    // ---------------------------------------------------------------- q8 `NEXTAUTH_SECRET=`
    // index 9333727886
    Case { family: DOC, form: "q8.1 markdown env.local your-nextauth-secret", file: "README.md", text: "#### `.env.local`\n\n```env\nNEXT_PUBLIC_API_URL=http://localhost:8000/api\nNEXT_PUBLIC_GITHUB_CLIENT_ID=your-github-client-id\nNEXTAUTH_SECRET=your-nextauth-secret\n```\n", rule: None },
    // index 44292226736
    Case { family: DOC, form: "q8.2 markdown vercel env NEXTAUTH_SECRET literal", file: "DEPLOY.md", text: "3. Add these environment variables:\n\n```env\n# OpenRouter\nOPENROUTER_BASE_URL=https://openrouter.ai/api/v1\n\n# NextAuth\nNEXTAUTH_URL=https://example.vercel.app\nNEXTAUTH_SECRET={SEC32}\n\n# Supabase\nNEXT_PUBLIC_SUPABASE_URL=https://xyzcompany.supabase.co\n", rule: Some("generic-secret") },
    // index 27942819086
    Case { family: DOC, form: "q8.3 markdown escaped fences env your_ fill-ins", file: "README.md", text: "Create a `.env.local` file in the root directory:\n\n\\`\\`\\`env\n# Database (for production)\nDATABASE_URL=your_database_url\n\n# Authentication (for production)\nNEXTAUTH_SECRET=your_nextauth_secret\nNEXTAUTH_URL=http://localhost:3000\n\n# Email Service (for production)\nEMAIL_SERVER_HOST=smtp.example.com\nEMAIL_SERVER_USER=your_email\nEMAIL_SERVER_PASSWORD=your_password\n\\`\\`\\`\n", rule: None },
    // index 36043183046
    Case { family: DOC, form: "q8.4 markdown dev env database url password beside change-me secret", file: "docs/SAFEGUARDS.md", text: "#### **Development Environment (.env.local)**\n```env\n# DEVELOPMENT ONLY - Safe to share with AI\nDATABASE_URL=\"postgres://dev_user:{UW}@localhost:5432/lynk_labs_dev\"\nNEXTAUTH_URL=\"http://localhost:3000\"\nNEXTAUTH_SECRET=\"dev-secret-change-me\"\nNODE_ENV=\"development\"\n```\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- q9 `SMTP_PASSWORD=`
    // index 26250397885
    Case { family: DOC, form: "q9.1 markdown env block your-app-password", file: "docs/ROADMAP.md", text: "**Variables de entorno:**\n```bash\nSMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=your-email@gmail.com\nSMTP_PASSWORD=your-app-password\nALERT_EMAILS=admin@example.com,team@example.com\n```\n", rule: None },
    // index 38137835530
    Case { family: DOC, form: "q9.2 markdown env block spanish new-value instructions", file: "docs/ROTATION.md", text: "REFRESH_TOKEN_SECRET=otra_clave_diferente_para_refresh_tokens\nSERVER_URL=https://api.tudominio.com\nSMTP_HOST=smtp.gmail.com\nSMTP_USER=nuevo_email_para_alertas@tudominio.com\nSMTP_PASSWORD=nueva_app_password_smtp\nCOMPANY_EMAIL_FROM=noreply@tudominio.com\nADMIN_EMAIL=admin@tudominio.com\nADMIN_PASSWORD=nueva_password_admin_super_segura_123!\nREDIS_PASSWORD=nueva_password_redis\n```\n", rule: None },
    // index 11076310
    Case { family: DOC, form: "q9.3 markdown env block your-password and sk- elision", file: "CLAUDE.md", text: "# Auth\nSECRET_KEY=your-secret-key-change-in-production\nALGORITHM=HS256\n\n# AI/LLM\nOPENAI_API_KEY=sk-...\nEMBEDDING_MODEL=text-embedding-ada-002\n\n# Email\nSMTP_HOST=smtp.example.com\nSMTP_PORT=587\nSMTP_USER=your-email\nSMTP_PASSWORD=your-password\nFROM_EMAIL=noreply@yourapp.com\n", rule: None },
    // index 54018688825
    Case { family: DOC, form: "q9.4 markdown env block portuguese senha_app and xxx", file: "DEPLOY.md", text: "# Recomendado (Email)\nSMTP_HOST=smtp.gmail.com\nSMTP_PORT=587\nSMTP_USER=email@gmail.com\nSMTP_PASSWORD=senha_app\nSMTP_FROM=noreply@seudominio.com\n\n# Opcional (Imagens)\nCLOUDINARY_CLOUD_NAME=xxx\nCLOUDINARY_API_KEY=xxx\nCLOUDINARY_API_SECRET=xxx\n```\n", rule: None },
    // ---------------------------------------------------------------- q10 `bind_password`
    // index 22797359562
    Case { family: DOC, form: "q10.1 markdown django ldap bind password descriptive example", file: "README.md", text: "**AUTH_LDAP_BIND_PASSWORD**<br>\nThis is the password for the user account that was specified in the previous section.\n<br>```AUTH_LDAP_BIND_PASSWORD = \"django-agent-password\"```\n", rule: None },
    // index 55513362
    Case { family: PY, form: "q10.2 python bind_password decrypted from config", file: "sync.py", text: "            'ldap_uri': self.config['LDAP_URI'],\n            'bind_user': self.config['LDAP_BIND_USER'],\n            'bind_password': self.fernet.decrypt(\n                self.config['LDAP_BIND_ENCRYPTED_PASSWORD'].encode('utf-8')).decode('utf-8')\n        })\n", rule: None },
    // index 66943365177
    Case { family: JS, form: "q10.3 ts ldap bind password from process.env", file: "lib/ldap.ts", text: "const LDAP_URL = process.env.LDAP_URL!\nconst LDAP_BASE_DN = process.env.LDAP_BASE_DN!\nconst LDAP_BIND_DN = process.env.LDAP_BIND_DN!\nconst LDAP_BIND_PASSWORD = process.env.LDAP_BIND_PASSWORD!\n", rule: None },
    // index 54765455052
    Case { family: SHELL, form: "q10.4 shell local bind_password empty", file: "install.sh", text: "collect_directory_config() {\n  local dc_fqdn=\"\"\n  local dc_ip=\"\"\n  local domain\n  local base_dn\n  local bind_short=\"\"\n  local bind_user\n  local bind_password=\"\"\n  local directory_label\n", rule: None },
    // ---------------------------------------------------------------- q11 `api_token:`
    // index 13222398606
    Case { family: PY, form: "q11.1 python config api_token from environ default empty", file: "bubble_sync.py", text: "        app_url=os.environ.get(\"BUBBLE_APP_URL\", \"\"),\n        api_token=os.environ.get(\"BUBBLE_API_TOKEN\", \"\"),\n        batch_size=int(os.environ.get(\"BUBBLE_BATCH_SIZE\", \"100\")),\n    )\n", rule: None },
    // index 28750404111
    Case { family: PY, form: "q11.2 python fastapi compares bearer with API_TOKEN", file: "server.py", text: "def verify_auth(authorization: Optional[str] = Header(None)) -> None:\n    if API_TOKEN:\n        if not authorization or not authorization.startswith(\"Bearer \"):\n            raise HTTPException(status_code=401, detail=\"Missing Bearer token\")\n        token = authorization.removeprefix(\"Bearer \").strip()\n        if token != API_TOKEN:\n", rule: None },
    // index 57999868701
    Case { family: JS, form: "q11.3 js spawn env with empty api tokens and variables", file: "scripts/test-standalone.mjs", text: "  env: {\n    ...process.env,\n    PORT: String(port),\n    STUDIO_AUTH_USER: authUser,\n    STUDIO_AUTH_PASSWORD: authPassword,\n    ELEVENLABS_API_KEY: '',\n    REPLICATE_API_TOKEN: '',\n    SUPABASE_SERVICE_ROLE_KEY: ''\n  },\n", rule: None },
    // index 4662681
    Case { family: DOC, form: "q11.4 markdown gitlab ci variables token from variable", file: "README.md", text: "  tags:\n    - defectdojo\n  variables:\n    DEFECT_DOJO_API_TOKEN: $DEFECT_DOJO_API_TOKEN\n```\n", rule: None },
    // ---------------------------------------------------------------- q12 `-H "apikey:`
    // index 36434553772
    Case { family: DOC, form: "q12.1 markdown curl apikey header variable", file: "README.md", text: "# Test database\ncurl -H \"apikey: $SUPABASE_ANON_KEY\" $SUPABASE_URL/rest/v1/\n```\n", rule: None },
    // index 66451118602
    Case { family: JS, form: "q12.2 js execSync curl apikey template variable", file: "scripts/publish.mjs", text: "execSync(\n  `curl -sS -X POST \"${uploadUrl}\" -H \"Authorization: Bearer ${KEY}\" -H \"apikey: ${KEY}\" ` +\n  `-H \"x-upsert: true\" -H \"Content-Type: application/zip\" --data-binary @${bundlePath}`,\n  { stdio: 'inherit' },\n);\n", rule: None },
    // index 55895510137
    Case { family: DOC, form: "q12.3 markdown curl apikey descriptive dev key", file: "README.md", text: "Resetar uma instancia travada:\n```bash\ncurl -X DELETE -H \"apikey: dev_evolution_key\" http://localhost:8085/instance/delete/atendefy-dev\n```\n", rule: None },
    // index 17884560127
    Case { family: DOC, form: "q12.4 markdown curl apikey elided jwt", file: "docs/SUPABASE.md", text: "# Get all users (requires anon key)\ncurl \"http://localhost:54321/rest/v1/users?select=*\" \\\n  -H \"apikey: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...\" \\\n  -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...\"\n```\n", rule: None },
    // ---------------------------------------------------------------- q13 `&appid=`
    // index 23336883526
    Case { family: JS, form: "q13.1 js openweather url appid from process.env", file: "server.js", text: "    const city = req.query.city;\n    const units = req.query.units;\n    try {\n        const byCityName = await axios.get(`https://api.openweathermap.org/data/2.5/weather?q=${city}&appid=${process.env.SECRET_KEY}&units=${units}`);\n", rule: None },
    // index 40518986161
    Case { family: JS, form: "q13.2 js const apiKey openweather hex literal then url concatenation", file: "website/app.js", text: "// Open Weather API Base URL\nconst baseURL = \"https://api.openweathermap.org/data/2.5/weather\";\nconst apiKey = \"{OWM}\";\n\n/*\nIntegrating with Weather API \nExample Call: api.openweathermap.org/data/2.5/weather?q={city name}&appid={API key} \n*/\nconst fetchWeatherData = async (city) => {\n    const url = baseURL + \"?q=\" + city + \"&appid=\" + apiKey + \"&units=metric\";\n", rule: Some("openweather-api-key") },
    // index 35055783706
    Case { family: JS, form: "q13.3 js fetch openweather appid template variable", file: "src/main.js", text: "const input = document.querySelector('#locationInput')\nconst searchBtn = document.querySelector('#searchBtn')\n\nasync function fetchWheather(city) {\n  const response = await fetch(`https://api.openweathermap.org/data/2.5/weather?q=${city}&units=metric&appid=${apiKey}&lang=en`).then(result => result.json())\n  return response\n}\n", rule: None },
    // index 11896719961
    Case { family: JS, form: "q13.4 js getToken AppID=1 query", file: "src/utils/getToken.js", text: "function getToken(callback = () => {}) {\n  const api = '/api/user/getToken'\n  axios\n    .post(api + (str_val(api, '?') ? '&AppID=1' : '?AppID=1'), {})\n    .then(async result => {\n      await localStorage.setItem('accessToken', result.data.token)\n", rule: None },
    // ---------------------------------------------------------------- q14 `npmAuthIdent`
    // index 57419139869
    Case { family: DOC, form: "q14.1 markdown feature list names npmAuthIdent", file: "docs/STATUS.md", text: "### Yarn (read-only)\n\n- `.yarnrc.yml` subset: `npmRegistryServer`, `npmScopes.<scope>.*`, `npmAuthToken`/`npmAuthIdent`, `npmAlwaysAuth` (attaches credentials to cross-origin tarball requests too), `packageExtensions`.\n", rule: None },
    // index 12718065646
    Case { family: KOTLIN, form: "q14.2 kotlin log entry with bracketed username:password", file: "src/main/kotlin/YarnAuth.kt", text: "                    YarnAuthMode.AUTH_IDENT -> {\n                        println(\n                            generateUsernamePasswordAuthentication(builder, definition)\n                        )\n                        logEntry.append(\"npmAuthIdent: [username:password]\")\n                    }\n", rule: None },
    // index 826606126
    Case { family: JS, form: "q14.3 ts test yarnrc npmRegistries npmAuthIdent user:pass fixture", file: "src/config.spec.ts", text: "          additionalYarnRcYml: {\n            npmRegistries: {\n              '//registry.company.com/': {\n                npmAuthIdent: 'user123:{IDPW}',\n              },\n            },\n          },\n", rule: Some("generic-password") },
    // index 8959271895
    Case { family: JS, form: "q14.4 ts interface npmAuthIdent string", file: "src/types.ts", text: "interface NpmRegistryEntry {\n  npmAlwaysAuth: boolean;\n  npmAuthIdent: string;\n}\n", rule: None },
    // ---------------------------------------------------------------- q15 `sonar.login`
    // index 71448920720
    Case { family: DOC, form: "q15.1 markdown mvn sonar.login from variable", file: "CLAUDE.md", text: "# Run for specific service\nmvn -f packages/app/GMLService/pom.xml sonar:sonar \\\n  -Dsonar.host.url=https://sonar.example.org \\\n  -Dsonar.login=${SONAR_TOKEN}\n```\n", rule: None },
    // index 10174850
    Case { family: CI, form: "q15.2 jenkinsfile mvn sonar.login and sonar.password literal", file: "Jenkinsfile", text: "    stage('SonarQube Static Code analysis') {\n      steps {\n        withMaven( maven: 'M3', mavenSettingsConfig: 'maven-settings') {\n\n          withSonarQubeEnv('SonarQube') {\n            sh \"mvn clean verify sonar:sonar -Dsonar.login=admin -Dsonar.password={W} -Dsonar.verbose=true -Dsonar.projectName=${groupId}:${artifactId} -Dsonar.projectKey=${groupId}:${artifactId} -Dsonar.projectVersion=$BUILD_NUMBER\";\n          }\n", rule: Some("generic-password") },
    // index 37422081170
    Case { family: KOTLIN, form: "q15.3 gradle kts sonarqube property sonar.login project token", file: "build.gradle.kts", text: "sonarqube {\n    properties {\n        property(\"sonar.projectKey\", \"vulnerable-project-poc-semgrep\")\n        property(\"sonar.host.url\", \"http://localhost:9001\")\n        property(\"sonar.login\", \"{SQP}\")\n    }\n}\n", rule: Some("sonarqube-analysis-token") },
    // index 43536940775
    Case { family: CI, form: "q15.4 jenkinsfile gradle sonar.login from variable", file: "Jenkinsfile", text: "                        ./gradlew clean build -x test \\\n                                    -Dsonar.projectKey=gradle2 \\\n                                    -Dsonar.host.url=${SONAR_HOST_URL} \\\n                                    -Dsonar.login=${SONAR_LOGIN}\n                            \"\"\"\n", rule: None },
    // ---------------------------------------------------------------- q16 `proxy_set_header Authorization`
    // index 139442953
    Case { family: DOC, form: "q16.1 markdown nginx forwards Authorization variable", file: "docs/nginx.md", text: "                proxy_set_header X-Forwarded-Proto $scheme;\n                proxy_set_header token $http_token;\n                proxy_set_header Authorization $http_Authorization;\n        }\n}\n```\n", rule: None },
    // index 62712502843
    Case { family: PY, form: "q16.2 python string with nginx location forwarding Authorization", file: "scripts/patch_nginx.py", text: "        proxy_pass http://127.0.0.1:3101;\n        proxy_http_version 1.1;\n        proxy_set_header Host $host;\n        proxy_set_header Authorization $http_authorization;\n        proxy_pass_request_headers on;\n        proxy_read_timeout 120s;\n    }\n'''\ntext = open(path).read()\n", rule: None },
    // index 54618796003
    Case { family: DOC, form: "q16.3 markdown nginx Bearer YOUR_TOKEN_HERE", file: "README.md", text: "    location / {\n        proxy_pass http://127.0.0.1:9993;\n        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_set_header Authorization \"Bearer YOUR_TOKEN_HERE\";\n    }\n}\n```\n", rule: None },
    // index 71467567258
    Case { family: JS, form: "q16.4 ts test nginx source clears Authorization", file: "test/gateway-editor.test.ts", text: "const source = `server {\n    listen 5003 ssl;\n    server_name example.com;\n    access_by_lua_file /conf/access_check.lua;\n    proxy_set_header Authorization \"\";\n    proxy_set_header Host $proxy_host;\n", rule: None },
    // ---------------------------------------------------------------- q17 `"auths": {`
    // index 63380649840
    Case { family: SHELL, form: "q17.1 shell writes empty docker auths", file: "scripts/build-sandbox.sh", text: "export DOCKER_CONFIG=\"$docker_config\"\nprintf '{ \"auths\": {} }\\n' > \"$DOCKER_CONFIG/config.json\"\n\ndocker version\n", rule: None },
    // index 55406610645
    Case { family: DOC, form: "q17.2 markdown external secret dockerconfigjson template", file: "docs/registry.md", text: "        .dockerconfigjson: |\n          {\n            \"auths\": {\n              \"harbor.acmeshop.vn\": {\n                \"username\": \"{{ .username }}\",\n                \"password\": \"{{ .password }}\"\n              }\n            }\n          }\n", rule: None },
    // index 28200352425
    Case { family: PY, form: "q17.3 python test snmp auths community public", file: "tests/unit/test_charm.py", text: "    config_dict = {\n        \"auths\": {\"public_v2\": {\"community\": \"public\", \"version\": 2}},\n        \"modules\": {\"my_module\": {\"walk\": [\"1.3.6.1.2.1.1\"]}},\n    }\n    valid_yaml = yaml.dump(config_dict)\n", rule: None },
    // index 59059284180
    Case { family: DOC, form: "q17.4 markdown yaml auths password mytoken and keystore fill-in", file: "docs/config.md", text: "```yaml\nauths:\n  registry.example.com:\n    username: myuser\n    password: mytoken\n```\n\n```json\n{\n  \"auths\": { \"registry.example.com\": { \"username\": \"myuser\", \"password\": \"<keystore-encrypted>\" } }\n}\n```\n", rule: None },
    // ---------------------------------------------------------------- q18 `secret_id`
    // index 35187309091
    Case { family: HCL, form: "q18.1 terraform secretsmanager secret_id reference", file: "main.tf", text: "data \"aws_secretsmanager_secret_version\" \"privatekey\" {\n  secret_id = data.aws_secretsmanager_secret.privatekey.id\n}\n", rule: None },
    // index 54685544311
    Case { family: PY, form: "q18.2 python OPENAI_SECRET_ID from environ", file: "pipeline/config.py", text: "DEFAULT_ATHENA_OUTPUT_LOCATION = os.environ.get(\"ATHENA_OUTPUT_LOCATION\")\nDEFAULT_OPENAI_SECRET_ID = os.environ.get(\"OPENAI_SECRET_ID\") or os.environ.get(\"OPENAI_API_KEY_SECRET_ID\")\n", rule: None },
    // index 2758141
    Case { family: HCL, form: "q18.3 terragrunt secret_id name template", file: "terragrunt.hcl", text: "data \"aws_secretsmanager_secret_version\" \"main\" {\n  secret_id = \"scrt-$${var.app}-secret-$${var.stage}-secret\"\n}\n", rule: None },
    // index 48195178111
    Case { family: GO, form: "q18.4 go query secret_id getter", file: "api/cluster.go", text: "// getSecretIdFromQuery returns secret id from query\nfunc getSecretIdFromQuery(c *gin.Context) string {\n\treturn c.Query(\"secret_id\")\n}\n", rule: None },
    // ---------------------------------------------------------------- p1 `授权码`
    // index 44446083771
    Case { family: DOC, form: "p1.1 markdown python qq smtp auth code in plain variable under heading", file: "notes/lab4.md", text: "### Send yourself an email\n\n- qq mail smtp authorisation code (授权码)\n\n  - base64 it with python\n\n  ```python\n  import base64\n  s1 = 'someone@example.com'\n  s2 = '{QQ16}'\n  a1 = base64.b64encode(s1.encode('utf-8'))\n  a2 = base64.b64encode(s2.encode('utf-8'))\n  print(a1)\n  print(a2)\n  ```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p2 `EMAIL_HOST_PASSWORD = '`
    // index 48327797172
    Case { family: PY, form: "p2.1 python django settings commented email password literal", file: "backend/settings.py", text: "# Email settings for Hostinger\n# EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\n# EMAIL_HOST = 'smtp.hostinger.com'\n# EMAIL_PORT = 465 \n# EMAIL_USE_SSL = True \n# EMAIL_USE_TLS = False  \n# EMAIL_HOST_USER = 'someone@example.com' \n# EMAIL_HOST_PASSWORD = '{W}'\n# DEFAULT_FROM_EMAIL = 'someone@example.com'\n\n\nEMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\nEMAIL_HOST = 'mail.privateemail.com'\n", rule: Some("generic-password") },
    // index 16291121637
    Case { family: PY, form: "p2.2 python django settings gmail app password 16 lowercase", file: "project/settings.py", text: "EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'\nEMAIL_HOST = 'smtp.gmail.com'\nEMAIL_PORT = 587\nEMAIL_HOST_USER = 'someone@gmail.com'\nEMAIL_HOST_PASSWORD = '{QQ16}'\nEMAIL_USE_TLS = True\n\n\nJAZZMIN_SETTINGS = {\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p3 `genai.configure(api_key="`
    // index 46882004314
    Case { family: PY, form: "p3.1 python genai configure google key literal", file: "app.py", text: "import pandas as pd\nimport google.generativeai as genai\nimport os\n\ngenai.configure(api_key=\"{GAK}\")\nmodel = genai.GenerativeModel(\"gemini-1.5-pro\")\n", rule: Some("google-api-key") },
    // index 7187925964
    Case { family: PY, form: "p3.2 python list models after configure google key literal", file: "list_models.py", text: "import google.generativeai as genai\n\ngenai.configure(api_key=\"{GAK}\")\n\nmodels = genai.list_models()\nfor model in models:\n    print(model.name)\n", rule: Some("google-api-key") },
    // index 40645548634
    Case { family: PY, form: "p3.3 python configure with your api key comment google key literal", file: "check_models.py", text: "import google.generativeai as genai\n\n# Configure with your API key\ngenai.configure(api_key=\"{GAK}\")\n\nprint(\"Available Gemini models:\")\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- p5 `APIKEY = "`
    // index 48757854397
    Case { family: JS, form: "p5.1 js let apiKey shecodes weather key then template url", file: "src/index.js", text: "function searchCity(city) {\n  let apiKey = \"{LC32}\";\n  let apiUrl = `https://api.shecodes.io/weather/v1/current?query=${city}&key=${apiKey}`;\n  console.log(apiUrl);\n  axios.get(apiUrl).then(updateWeather);\n}\n", rule: Some("generic-api-key") },
    // index 35142554677
    Case { family: JS, form: "p5.2 js const apiKey weatherstack hex with comment", file: "script.js", text: "function getWeather() {\n    const apiKey = \"{H32}\"; // Your Weatherstack API key\n    const city = document.getElementById(\"city\").value;\n  \n    if (!city) {\n      alert(\"Please enter a city\");\n      return;\n    }\n", rule: Some("generic-api-key") },
    // index 21230509477
    Case { family: JS, form: "p5.3 jsx const apiKey accuweather beside baseUrl", file: "App.js", text: "  const [city, setCity] = useState(\"\");\n  const [weatherData, setWeatherData] = useState(null);\n  const apiKey = \"{K}\";\n  const baseUrl = \"http://dataservice.accuweather.com/\";\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p7 `sonar.login=`
    // index 44309901820
    Case { family: CI, form: "p7.1 jenkinsfile bat mvn sonar.login 40 hex token", file: "Jenkinsfile", text: "            steps{\n                echo \"Start sonarqube analysis step\"\n                withSonarQubeEnv(installationName: 'Test_Sonar') {\n                    bat \"mvn clean install sonar:sonar -Dsonar.projectKey=sonar-demo -Dsonar.name=sonar-demo -Dsonar.login={HEX40}\"\n                }\n            }\n", rule: Some("sonarcloud-token") },
    // index 31280373400
    Case { family: CI, form: "p7.2 jenkinsfile sh mvn sonar host and 40 hex login", file: "Jenkinsfile", text: "          stage(\"build & SonarQube analysis\") {\n            agent any\n            steps {\n              withSonarQubeEnv('sonar') {\n                sh 'mvn clean package sonar:sonar -Dsonar.host.url=http://sonar-devops.example.com/ -Dsonar.login={HEX40} -Dsonar.sources=. -Dsonar.tests=.'\n              }\n            }\n", rule: Some("sonarcloud-token") },
    // index 37963189795
    Case { family: CI, form: "p7.3 jenkinsfile mvn sonar.login sqp project token", file: "Jenkinsfile", text: "     stage('sonar') {\n      steps {\n         dir('app') {\n           withSonarQubeEnv('sonar') {\n             sh 'mvn -U clean verify sonar:sonar -Dsonar.projectKey=helloword-devops -Dsonar.host.url=http://localhost:9000 -Dsonar.login={SQP}'\n         }\n                }\n      }\n    }\n", rule: Some("sonarqube-analysis-token") },
    // ---------------------------------------------------------------- p8 `Authorization "Basic `
    // index 30029033374
    Case { family: SHELL, form: "p8.1 shell heredoc nginx proxy_set_header Basic credential", file: "fix_whatsapp_proxy.sh", text: "cat > /tmp/nginx_whatsapp_fix.conf << 'EOF'\n    # WhatsApp API Reverse Proxy with Authentication\n    location /whatsapp-api/ {\n        # Add basic auth header for backend\n        proxy_set_header Authorization \"Basic {BASICW}\";\n        \n        proxy_pass http://whatsapp-api:3000/;\n        proxy_http_version 1.1;\n", rule: Some("generic-password") },
    // index 34071631189
    Case { family: JS, form: "p8.2 js config object authorization Basic client credentials", file: "config/orange.js", text: "    // Merchant key\n    merchant_key: process.env.ORANGE_MERCHANT_KEY,\n    // Application ID\n    application_id: process.env.ORANGE_APPLICATION_ID || process.env.APPLICATION_ID,\n    // Authorization \"Basic ...\" header (optional when computed from client_id:client_secret)\n    authorization: 'Basic {BASICC}'\n};\n", rule: Some("generic-password") },
    // index 69484170229
    Case { family: SHELL, form: "p8.3 shell heredoc nginx autologin Basic weak vnc password", file: "setup_kasm.sh", text: "        proxy_set_header X-Forwarded-Proto $scheme;\n        \n        # Autologin without a password pop-up\n        proxy_set_header Authorization \"Basic {BASICW}\";\n        proxy_read_timeout 86400s;\n        proxy_send_timeout 86400s;\n    }\n}\nNGINX_EOF\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p9 `"auth": "`
    // index 8565422
    Case { family: DOC, form: "p9.1 markdown k8s docs dockerconfigjson auths auth and password", file: "content/zh/docs/concepts/configuration/secret.md", text: "```json\n{\n  \"auths\": {\n    \"https://index.docker.io/v1/\": {\n      \"username\": \"tiger\",\n      \"password\": \"{DPW}\",\n      \"email\": \"tiger@acme.com\",\n      \"auth\": \"{DAUTH}\"\n    }\n  }\n}\n```\n", rule: Some("docker-config-auth") },
    // ---------------------------------------------------------------- p10 `secret_id = "`
    // index 9223704121
    Case { family: JS, form: "p10.1 js github login client_id and secret_id hex literal", file: "index.js", text: "const {connection} = require(\"./db\")\n// github login integration\nconst client_id = \"{GHCID}\";\nconst secret_id = \"{HEX40}\"\n\n\nconst app = express();\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p11 `_TOKEN = '`
    // index 7836617609
    Case { family: JS, form: "p11.1 js const HASURA_GHOST_TOKEN jwt literal", file: "server/index.js", text: "const { GraphQLClient, gql } = require('graphql-request');\n\nconst HASURA_ENDPOINT = 'https://kepler-data-center.hasura.app/v1/graphql';\nconst HASURA_GHOST_TOKEN = '{JWT}';\n", rule: Some("jwt") },
    // ---------------------------------------------------------------- p12 `"Authorization": "Basic `
    // index 8202015071
    Case { family: JS, form: "p12.1 ts angular Headers Authorization Basic watson credentials", file: "src/providers/watson.ts", text: "    var body = JSON.stringify(js);\n    var header = new Headers(\n      {\n        \"Accept\": \"application/json\",\n        \"Content-Type\": \"application/json\",\n        \"Authorization\": \"Basic {BASICU}\"\n       });\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p14 `passwd="`
    // index 39781745316
    Case { family: PY, form: "p14.1 python pymysql connect passwd digits", file: "insert_data.py", text: "sqlZone = \"insert into zone values(0, '{}');\"\n\nsqlWorker = \"insert into worker values(0, {})\"\n\ncon = pymysql.connect(host=\"localhost\", user=\"root\", passwd=\"{DIG4}\", charset=\"utf8\")\ncur = con.cursor()\n", rule: Some("generic-password") },
    // index 45403433631
    Case { family: SHELL, form: "p14.2 shell passwd variable piped to passwd for root", file: "build/entrypoint.sh", text: "if [ \"$RUN_SHELL\" == \"1\" ] ; then\n    # set the root password\n    passwd=\"{W}\"\n    echo -e \"$passwd\\n$passwd\\n\\n\" | /bin/passwd -f root 1>/dev/null 2>&1\n    # initialize and start dbus\n    dbus-uuidgen > /var/lib/dbus/machine-id\n", rule: Some("generic-password") },
    // index 11180310606
    Case { family: PY, form: "p14.3 python me_passwd literal then smtp login", file: "notify.py", text: "    msg = MIMEText(\"\\n\".join(message_list))\n    \n    me = \"someone@gmail.com\"\n    me_passwd=\"{LW}\"\n    \n    smtpserver = smtplib.SMTP(\"smtp.gmail.com\",587)\n    smtpserver.ehlo()\n    smtpserver.starttls()\n    smtpserver.ehlo\n    smtpserver.login(me, me_passwd)\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p15 `DB_PASS = '`
    // index 14273254128
    Case { family: PHP, form: "p15.1 php commented db_pass digits", file: "save_product_preview.php", text: "// start output buffering\n// ob_start();\n// database connection settings\n// $db_host = 'localhost';\n// $db_user = 'root';\n// $db_pass = '{DIG4}';\n// $db_name = 'stipvelation';\n\n\ndefine('DEBUG_MODE', true);\n", rule: Some("generic-password") },
    // index 138818433
    Case { family: PHP, form: "p15.2 php cs_db_pass literal with punctuation", file: "user-info.php", text: "<?php\n   \n\n   $cs_db_host = 'database-5007019476.ud-webspace.de';\n   $cs_db_name = 'dbs5795160';\n   $cs_db_user = 'dbu2575894';\n   $cs_db_pass = '{W}';\n\n   $table_name = '_k_q_xusers';\n", rule: Some("generic-password") },
    // index 56744532858
    Case { family: PHP, form: "p15.3 php config block DB_PASS literal", file: "import.php", text: "// =======================\n// CONFIG\n// =======================\n$DB_HOST = 'localhost';\n$DB_USER = 'someone';\n$DB_PASS = '{W}';\n$DB_NAME = 'someone_lkwfahrer';\n\n$TABLE = 'sachnummern';\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p16 `api_key: "`
    // index 39003533855
    Case { family: RUBY, form: "p16.1 ruby rspec client api_key digits fixture", file: "spec/extensiv/cart_ship_method_spec.rb", text: "RSpec.describe Extensiv::CartShipMethod do\n  describe \"#list\" do\n    it \"returns a collection of shipping method objects\" do\n      stub = stub_request(\"wms/shipmethod/list\", response: stub_response(fixture: \"cart/shipping_methods/list\"))\n      client = Extensiv::CartClient.new(api_user: \"testing\", api_key: \"{DIG3}\", adapter: :test, stubs: stub)\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- q19 `Default credentials`
    // index 65814356553
    Case { family: DOC, form: "q19.1 markdown airflow default credentials list password in backticks", file: "README.md", text: "**Step 4: Pipeline Execution**\n1. Access the Airflow web interface at http://localhost:8080\n2. Authenticate using the default credentials:\n   - Username: `airflow`\n   - Password: `{LOW8}`\n3. Locate the `weather_data_pipeline` DAG in the interface\n", rule: Some("generic-password") },
    // index 53381862303
    Case { family: DOC, form: "q19.2 markdown next improvements move default credentials to env", file: "README.md", text: "## Suggested Next Improvements\n\n- Move secrets (JWT secret, API keys, default credentials) to environment variables\n- Add structured health checks for producer/consumers and topic lag\n", rule: None },
    // index 46277435508
    Case { family: DOC, form: "q19.3 markdown postgresql ALTER USER WITH PASSWORD weak literal", file: "README.md", text: "### Default credentials\n\n- Port: `5432`\n- Host: `127.0.0.1`\n\n### Examples\n\nConfigure a database for Drupal.\n\n```postgresql\nCREATE DATABASE drupal;\nALTER DATABASE drupal SET bytea_output = 'escape';\nALTER USER root WITH PASSWORD '{LOW8}';\nGRANT ALL ON DATABASE drupal TO root;\n```\n", rule: Some("generic-password") },
    // index 59521864983
    Case { family: DOC, form: "q19.4 markdown options table secretKey sessionToken descriptions", file: "docs/aws-sts.md", text: "| **secretKey** | Secret Key | The secret key obtained from AWS. | string |  |  |\n| **sessionToken** | Session Token | Amazon AWS Session Token used when the user needs to assume a IAM role. | string |  |  |\n| **useDefaultCredentialsProvider** | Default Credentials Provider | Set whether the STS client should expect to load credentials through a default credentials provider. | boolean | false |  |\n", rule: None },
    // ---------------------------------------------------------------- q20 `db_password:`
    // index 3300451
    Case { family: JS, form: "q20.1 ts cdk secrets from secrets manager", file: "packages/cdk/lib/cloudquery.ts", text: "\t\tsecrets: {\n\t\t\tRIFFRAFF_DB_USERNAME: Secret.fromSecretsManager(\n\t\t\t\tcloudqueryRiffRaffDatabaseCredentials,\n\t\t\t\t'username',\n\t\t\t),\n\t\t\tRIFFRAFF_DB_PASSWORD: Secret.fromSecretsManager(\n\t\t\t\tcloudqueryRiffRaffDatabaseCredentials,\n\t\t\t\t'password',\n\t\t\t),\n", rule: None },
    // index 10426383916
    Case { family: JS, form: "q20.2 ts Environment interface db_password string", file: "src/config/environment.ts", text: "interface Environment {\n  port: number;\n  access_token_key: string;\n  db_user: string;\n  db_password: string;\n  db_name: string;\n  email_app: string;\n  email_password: string;\n}\n", rule: None },
    // index 44149109506
    Case { family: DOC, form: "q20.3 markdown yml db_password descriptive fill-in", file: "README.md", text: "## Customize other parameters\nSometime you need to run installer more times; in this case you can customize password to keep the same as the first installer run.\n```yml\ndb_password: database_password\npassword: sudo_user_password\n```\n", rule: None },
    // index 71648655766
    Case { family: JS, form: "q20.4 js child env MARIADB_PASSWORD variable", file: "scripts/e2e.mjs", text: "  MARIADB_HOST: host,\n  MARIADB_PORT: String(port),\n  MARIADB_USER: user,\n  MARIADB_PASSWORD: password,\n  MARIADB_DATABASE: database,\n  MARIADB_SSL: 'false',\n};\n", rule: None },
    // ---------------------------------------------------------------- q21 `DATABASE_PASSWORD=`
    // index 71650267324
    Case { family: DOC, form: "q21.1 markdown notes env key names with redacted value", file: "docs/HANDOFF.md", text: "- `.env.crm_test_local` exists and is gitignored. It\n  contains `DATABASE_HOST=127.0.0.1`, `DATABASE_PORT=55432`,\n  `DATABASE_NAME=crm_test`, `DATABASE_USER=crm_test_runner`,\n  `DATABASE_PASSWORD=<redacted>`. Key names only - never print the value.\n", rule: None },
    // index 19642714
    Case { family: DOC, form: "q21.2 markdown console exports angle fill-ins then bare secret example", file: "docs/helm.md", text: "    ```console\n    export DATABASE_USERNAME=<my-username>\n    export DATABASE_PASSWORD=<my-password>\n    export DATABASE_HOST=<hostname>\n    ```\n\n    :pencil2: Set environment variables.  Example:\n\n    ```console\n    export DATABASE_USERNAME=johnsmith\n    export DATABASE_PASSWORD=secret\n", rule: None },
    // index 57729436639
    Case { family: DOC, form: "q21.3 markdown production exports your_secure_password", file: "README.md", text: "```bash\n# set environment variables\nexport DATABASE_HOST=prod-db.example.com\nexport DATABASE_USER=sunrei_prod\nexport DATABASE_PASSWORD=your_secure_password\n\n./gradlew buildFatJar\n```\n", rule: None },
    // index 45256509979
    Case { family: SHELL, form: "q21.4 shell export database password from jq", file: "scripts/setup-db.sh", text: "    export SHARED_DATABASE_USERNAME=$(jq -r '.jdbc[] | select ( .name == \"WSO2AM_COMMON_DB\") | .username' ${INFRA_JSON})\n    export SHARED_DATABASE_PASSWORD=$(jq -r '.jdbc[] | select ( .name == \"WSO2AM_COMMON_DB\") | .password' ${INFRA_JSON})\n", rule: None },
    // ---------------------------------------------------------------- q22 `"api_key":`
    // index 59187478535
    Case { family: PHP, form: "q22.1 php docblock json output shape api_key", file: "src/Command/AiAnalyzerSetupCommand.php", text: " * With `--json` stdout is a single JSON object {\"api_key\": ..., \"user_id\": N}\n * (no decoration, errors go to stderr).\n */\nclass AiAnalyzerSetupCommand extends Command\n{\n    private const KEY_NAME = 'ai-analyzer';\n", rule: None },
    // index 54515389130
    Case { family: PY, form: "q22.2 python kwargs api_key attribute or ollama dummy", file: "src/chat_models.py", text: "    def _build_client(self) -> Any:\n        kwargs: dict[str, Any] = {\n            \"api_key\": self.api_key or \"ollama\",\n            \"base_url\": self.base_url or None,\n            \"timeout\": self.timeout,\n        }\n", rule: None },
    // index 67396753205
    Case { family: PY, form: "q22.3 python test posts api_key fixture literal", file: "tests/test_execution_idempotency.py", text: "def _save_credentials(test_client, headers: dict) -> None:\n    test_client.post(\n        \"/v1/trading/binance/credentials\",\n        json={\"api_key\": \"{FIXK}\", \"secret_key\": \"sec_idem12345\"},\n        headers=headers,\n    )\n", rule: Some("generic-api-key") },
    // index 71655476795
    Case { family: PY, form: "q22.4 python test settings round trip api_key abc dummy", file: "tests/test_config.py", text: "    cfg = Config(db, sorter_id=1).load()\n    cfg.save_api({**cfg.api, \"api_key\": \"abc\", \"model\": \"test-model\"})\n    cfg.serial[\"baud\"] = 19200\n    cfg.save()\n", rule: None },
    // ---------------------------------------------------------------- p17 `password: '`
    // index 47650754587
    Case { family: DOC, form: "p17.1 markdown js pg Pool password weak literal", file: "docs/DATABASE.md", text: "### Via Node.js\n```javascript\nconst { Pool } = require('pg');\n\nconst pool = new Pool({\n  user: 'thiago',\n  host: '192.168.0.105',\n  database: 'pizzaria_db',\n  password: '{LW}',\n  port: 5432,\n});\n```\n", rule: Some("generic-password") },
    // index 60511777717
    Case { family: JS, form: "p17.2 jsx useState login form prefilled password", file: "src/pages/LoginPage.jsx", text: "export function LoginPage() {\n  const [form, setForm] = useState({ email: 'admin@futbol.com', password: '{W}' });\n  const [submitting, setSubmitting] = useState(false);\n  const { login } = useAuth();\n", rule: Some("generic-password") },
    // index 71655320857
    Case { family: JS, form: "p17.3 js exported DEMO account password", file: "src/auth.js", text: "export function redirectIfSignedIn() {\n    const user = currentUser();\n    if (user) location.replace(user.onboarded ? '/dashboard' : '/onboarding');\n}\n\nexport const DEMO = { email: 'demo@agrosphere.ai', password: '{LW}' };\n\nexport async function loginDemo() {\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p18 `export PASSWORD=`
    // index 38486481097
    Case { family: SHELL, form: "p18.1 shell export PASSWORD literal then kubectl secret from it", file: "setup.sh", text: "helm repo add openfaas https://openfaas.github.io/faas-netes/\nexport PASSWORD={W}\n\nkubectl -n openfaas create secret generic basic-auth \\\n--from-literal=basic-auth-user=admin \\\n--from-literal=basic-auth-password=\"$PASSWORD\"\n", rule: Some("generic-password") },
    // index 4564130107
    Case { family: DOC, form: "p18.2 markdown exports PASSWORD weak literal then curl -u", file: "README.md", text: "```\nexport SERVICE=SOLR\nexport PASSWORD={LOW8}\nexport AMBARI_HOST=sandbox.hortonworks.com\nexport CLUSTER=Sandbox\n\n#get service status\ncurl -u admin:$PASSWORD -i -H 'X-Requested-By: ambari' -X GET http://$AMBARI_HOST:8080/api/v1/clusters/$CLUSTER/services/$SERVICE\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p19 `api_key = '`
    // index 71654596953
    Case { family: PY, form: "p19.1 python API_KEY n8n jwt literal", file: "scripts/update_workflow.py", text: "import json\nimport requests\nimport sys\n\nsys.stdout.reconfigure(encoding='utf-8')\n\nAPI_KEY = '{JWT}'\nN8N_URL = 'https://n8n.example.com'\n", rule: Some("jwt") },
    // index 22897811463
    Case { family: PHP, form: "p19.2 php send_sms vonage api_key 8 hex", file: "send_sms.php", text: "<?php\nfunction send_sms($to, $message) {\n    $api_key = '{H8}';\n    $from = 'VonageSMS';\n\n    // convert a local number to the international format\n    if (preg_match('/^0\\d{10}$/', $to)) {\n", rule: Some("generic-api-key") },
    // index 45492089568
    Case { family: JS, form: "p19.3 js const API_KEY google key then url query", file: "test-imagen.js", text: "/**\n * Google Generative Language API test (Gemini 2.5 Flash Image)\n */\n\nconst API_KEY = '{GAK}';\nconst API_ENDPOINT = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent';\n\nasync function testImagenAPI() {\n    const url = `${API_ENDPOINT}?key=${API_KEY}`;\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- p20 `ADMIN_PASSWORD=`
    // index 71652319326
    Case { family: SHELL, form: "p20.1 shell export ADMIN_PASSWORD default literal", file: "scripts/start-local.sh", text: "set -euo pipefail\ncd \"$(dirname \"$0\")/..\"\nmkdir -p logs\n: > logs/pids\n\nexport ADMIN_EMAIL=\"${ADMIN_EMAIL:-admin@example.com}\"\nexport ADMIN_PASSWORD=\"${ADMIN_PASSWORD:-{W}}\"\nexport RATE_LIMIT_RPM=\"${RATE_LIMIT_RPM:-1000000}\"\n", rule: Some("generic-password") },
    // index 29237418396
    Case { family: DOC, form: "p20.2 markdown compose grafana admin password list item", file: "README.md", text: "  grafana:\n    image: grafana/grafana\n    ports:\n      - \"3001:3000\"\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD={LW}\n    volumes:\n      - grafana_data:/var/lib/grafana\n", rule: Some("generic-password") },
    // index 67173006636
    Case { family: DOC, form: "p20.3 markdown docker run -e KEYCLOAK_ADMIN_PASSWORD weak", file: "README.md", text: "```bash\ndocker run -d \\\n  --name keycloak \\\n  -p 8090:8080 \\\n  -e KEYCLOAK_ADMIN=admin \\\n  -e KEYCLOAK_ADMIN_PASSWORD={LOW8} \\\n  quay.io/keycloak/keycloak:22.0.5 \\\n  start-dev\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p21 `spring.datasource.password=`
    // index 47166674069
    Case { family: DOC, form: "p21.1 markdown properties datasource password weak literal", file: "README.md", text: "```properties\n#database account\nspring.datasource.username=root\n#database password\nspring.datasource.password={LOW8}\n#database address\nspring.datasource.url=jdbc:mysql://localhost:3306/picturebed?useUnicode=true&characterEncoding=utf8&serverTimezone=GMT%2B8\n#port\nserver.port=8088\n```\n", rule: Some("generic-password") },
    // index 53848282484
    Case { family: DOC, form: "p21.2 markdown properties datasource password literal", file: "docs/SUMMARY.md", text: "## Configuration Required\n\n### Database Setup\n```properties\nspring.datasource.url=jdbc:mysql://localhost:3306/localkart_db\nspring.datasource.username=root\nspring.datasource.password={W}\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p22 `REDIS_PASSWORD=`
    // index 19258229485
    Case { family: OTHER, form: "p22.1 compose environment list REDIS_PASSWORD digits", file: "docker-compose.yml", text: "  redis: \n    image: redis:alpine\n    container_name: sc-redis\n    restart: always\n    volumes:\n      - ./data/redis:/data\n    # environment variables (connection parameters)\n    environment:\n      - REDIS_PASSWORD={DIG6}\n    networks:\n      - sc-net\n", rule: Some("generic-password") },
    // index 5203135
    Case { family: DOC, form: "p22.2 markdown env block REDIS_PASSWORD word and year", file: "README.md", text: "# Firebase\nNEXT_PUBLIC_FIREBASE_API_KEY=your_firebase_api_key\nNEXT_PUBLIC_FIREBASE_PROJECT_ID=your_project_id\n\n# Redis\nREDIS_PASSWORD={LW}\n```\n\n### 3. Start the dev server\n```bash\ndocker-compose up -d\n```\n", rule: Some("generic-password") },
    // index 49010426245
    Case { family: DOC, form: "p22.3 markdown docker run -e REDIS_PASSWORD literal", file: "README.md", text: "Redis:  \n\n ```bash\n    docker run -d --name redis \n  -p 6379:6379\n  -e REDIS_PASSWORD={W} \n  redis:latest\n ```\n", rule: Some("generic-password") },
];

#[test]
fn tuning_real7() {
    SET.measure("tuning_real7", CASES, 71007, 55, 75);
}
