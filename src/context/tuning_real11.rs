//! A second tuning set sampled from real public code (issue 13, session 16, branch
//! `recall16`). The blind real-code sets read 38/51 (`heldout_real8`) and 35/50
//! (`heldout_real9`) and have not moved for two sessions; `tuning_real10` fixed the families
//! its own sample showed. This set samples the places earlier sets under-covered: Spring
//! `@Value` and `application.yml` defaults, .NET `NetworkCredential` and connection strings,
//! Laravel and WordPress config, Rails secrets, Terraform providers other than the clouds',
//! Compose `environment:` lists, Ansible command lines, Express session and cookie secrets,
//! Postman exports, Rust and Kotlin constants, Speckle's .NET SDK and Spell's Python client;
//! with the look-alikes beside them (defaults that are stand-ins, lookups, type annotations,
//! field-name lists). It is a TUNING set: it is read, and the engine is fixed in general form
//! (a family, several syntaxes, with negatives) from its misses; the blind sets stay the
//! measure of unseen code.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! The queries, their order and the stages are in `docs/blind-sets/real11-queries.md`,
//! committed before the first query was sent (stage 3 was added and committed after stages 1
//! and 2 and before any of its queries was sent). Each query went once to the public-code
//! string index (`find_string`, context 300). Stage 1 takes the first 3 usable excerpts of
//! each query whatever their label (cases `q<n>.<k>`), stages 2 and 3 the first 3 holding a
//! literal credential (`p<n>.<k>`, `s<n>.<k>`). Files an earlier set sampled
//! (`/work/wt/ids-used-before-s16.txt`, and `tuning_real10`'s) were skipped: one came up (s7,
//! index 7798327) and the next excerpt holding a literal was taken. The index ids taken are
//! listed above each case and in `/work/wt/ids-real11.txt`.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: 17 queries x 3 = 51 cases, 7 positives. Stage 2 (first 3 holding a literal of the
//! 10 excerpts returned): p1 2, p2 3, p3 1, p4 0, p5 2, p6 2, p7 1, p8 1, p9 0, p10 0, p11 0,
//! p12 1, p13 0: 13 positives. Stage 3: s1 2, s2 0, s3 2, s4 3, s5 2, s6 3, s7 3, s8 3, s9 3,
//! s10 3, s11 0, s12 1, s13 2, s14 0, s15 2: 29 positives. Total: 93 cases, 49 positives, 44
//! negatives.
//!
//! Labelling calls made while sampling, before any scan:
//! - labels follow `real9-queries.md` and `tuning_real10`: literal credentials, including weak
//!   concrete passwords (a password equal to its user name too: p7.1, s4.3, s10.2) and
//!   fixture values, are positives; references, templates, types, empty values, elisions,
//!   fill-ins (`your_…`, `tu-…`, `<…>`, `PASSWORD`, `changeme`, `*`), bare words (`password`,
//!   `secret`, `test`, `pass`), numbered stand-ins (`p1`), descriptive values that name their
//!   own role (`fraud_password`, `drupalpass`, `admin-dev-password`,
//!   `test-secret-key-for-jwt-…`) and conventional defaults (`postgres`, `root`,
//!   `admin:admin`, Express's documented `keyboard cat`) are negatives;
//! - one value per case: the hit line's, or when it holds none, the first literal credential
//!   of the excerpt (q4.1's `PasswordHere1` is itself a fill-in, so the case is a negative);
//! - digit sequences (`123456`, `12345678`, `123`) are weak concrete passwords: positives,
//!   replaced by random digits of the same length as `tuning_real10`'s p9.2 was;
//! - p3.1 measures the first of two shell-default passwords (`MYSQL_ROOT_PASSWORD`'s 9 digits);
//! - p12.1 a `key-` value of 20 hex (shorter than Mailgun issues) expects `generic-api-key`;
//!   s3.1 a Facebook SDK `'secret'` and s3.2 a reCAPTCHA `'secret'` expect `generic-secret`;
//!   s9.2 a GitHub OAuth `client_secret` under a github.com base URL expects `generic-secret`
//!   (the GitHub rule reads it under a GitHub-named parent);
//! - corrected after the first run, before any engine change: s2.1 (`jwt.secret=` a camel-case
//!   value of words, `my` + `Secret` `Key` `For` … `Token` + `123456789`) names its own role as
//!   the descriptive values above do, and was taken by mistake: dropped (s2 holds none), so
//!   the start figure is 36/49 on this set's 93 cases (36/50 as first taken); s4.1's password
//!   inside a SQL Server connection string was labelled `generic-password`, but the rule for
//!   that place is `connection-string-password`, which found it (37/49 with the label fixed);
//! - provider shapes expect their rule: s7.1 `atlassian-api-token`, s7.3 `google-api-key`,
//!   s8.x `huggingface-token`, s12.1 `laravel-app-key`, s13.x `django-secret-key`.
//!
//! Values are replaced by run-time values of the same shape (length, character classes,
//! prefix); weak passwords stay weak. Personal addresses are replaced by example ones, host
//! names by example hosts; comments in other languages are translated where they would carry
//! a credential word.
//!
//! # Measuring
//!
//! The shared harness (`blind_harness`). A value under 16 characters must be reported exactly;
//! a longer one must be contained in the reported secret, or contain a reported part of at
//! least 16 characters.
//!
//! `cargo test --lib -- --exact --nocapture context::tuning_real11::tuning_real11`

#![cfg(test)]

use super::blind_harness::{
    uuid, BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, LETTERS, LOWER, URLSAFE,
};
use super::heldout_fresh2::{fill, Case};

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const PHP: &str = "PHP";
const GO: &str = "Go";
const JAVA: &str = "Java";
const KOTLIN: &str = "Kotlin";
const CS: &str = "C# and VB.NET";
const RUBY: &str = "Ruby";
const RUST: &str = "Rust";
const HCL: &str = "Terraform";
const SHELL: &str = "shell scripts and Makefiles";
const DOCKER: &str = "Compose files";
const SPECKLE: &str = "Speckle";
const SPELL: &str = "Spell";
const OTHER: &str = "other languages";
const DOC: &str = "Markdown and docs";

/// For each rule a case may expect, the placeholders that can hold its value.
const MEASURED: &[(&str, &[&str])] = &[
    (
        "generic-password",
        &[
            "{WDEV}", "{LW4}", "{PX16}", "{GAPP}", "{NAMEYR}", "{DIG9}", "{LW}", "{APW}", "{LOW4}",
            "{B62X}", "{CAP4D3}", "{UP8}", "{LOW7}", "{LOW2D1}", "{CAMD3}", "{DIG6}", "{DIG8}",
            "{DIG3}", "{CAPAT}", "{CAPD1}", "{QQ16}",
        ],
    ),
    (
        "generic-secret",
        &[
            "{KS14}", "{LOW6D3}", "{LOW9}", "{DIG3}", "{PXS64}", "{FBSEC}", "{RECAP}", "{UUIDS}",
            "{HEX40S}", "{P40}",
        ],
    ),
    (
        "generic-api-key",
        &[
            "{TW25}", "{PIXA}", "{H32K}", "{GIGYA}", "{MGK20}", "{UUIDK}",
        ],
    ),
    ("connection-string-password", &["{CAP4D4}"]),
    ("atlassian-api-token", &["{ATATT}"]),
    ("google-api-key", &["{GAK}"]),
    ("huggingface-token", &["{HFT}"]),
    ("laravel-app-key", &["{LARAKEY}"]),
    ("django-secret-key", &["{DJI}"]),
    ("django-secret-key-named", &["{DJK}"]),
];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{WDEV}",
    "{LW4}",
    "{PX16}",
    "{GAPP}",
    "{NAMEYR}",
    "{DIG9}",
    "{LW}",
    "{APW}",
    "{LOW4}",
    "{B62X}",
    "{CAP4D3}",
    "{UP8}",
    "{CAP4D4}",
    "{LOW7}",
    "{LOW2D1}",
    "{CAMD3}",
    "{DIG6}",
    "{DIG8}",
    "{DIG3}",
    "{CAPAT}",
    "{CAPD1}",
    "{QQ16}",
    "{KS14}",
    "{LOW6D3}",
    "{LOW9}",
    "{PXS64}",
    "{CAMELJWT}",
    "{FBSEC}",
    "{RECAP}",
    "{UUIDS}",
    "{HEX40S}",
    "{P40}",
    "{TW25}",
    "{PIXA}",
    "{H32K}",
    "{GIGYA}",
    "{MGK20}",
    "{UUIDK}",
    "{ATATT}",
    "{GAK}",
    "{HFT}",
    "{LARAKEY}",
    "{DJK}",
    "{DJI}",
    "{TWAT}",
    "{DIG6X}",
    "{UHEX29}",
    "{H32K2}",
    "{CIVHEX}",
];

/// Words the camel-case JWT secret of s2.1 is drawn from (the source's own words, reordered).
const JWT_WORDS: [&str; 9] = [
    "Secret",
    "Key",
    "For",
    "Admin",
    "Dashboard",
    "Service",
    "Jwt",
    "Authentication",
    "Token",
];

/// Every placeholder of this set and its value for one case's seed.
pub(super) fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0011);
    let upper: &[u8] = &LETTERS[..26];
    let upper_hex: &[u8] = b"0123456789ABCDEF";
    let symbols16: Vec<u8> = [BASE62, b"#;*!%$".as_slice()].concat();
    let printable: Vec<u8> = [BASE62, b"~}$=)(/.;[|@?!:<>*+,-^#%&".as_slice()].concat();
    let django: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789!@#$%^*(-_=+)";
    let base58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let token_body: Vec<u8> = URLSAFE.to_vec();
    let camel: String = (0..7)
        .map(|_| JWT_WORDS[(g.next() % JWT_WORDS.len() as u64) as usize])
        .collect();
    let extra = [
        ("{WDEV}", [g.pick(LOWER, 11), "_dev".into()].concat()),
        ("{LW4}", [g.pick(LOWER, 5), g.pick(DIGITS, 4)].concat()),
        ("{PX16}", g.pick(&symbols16, 16)),
        (
            "{GAPP}",
            (0..4)
                .map(|_| g.pick(LOWER, 4))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "{NAMEYR}",
            [g.pick(upper, 1), g.pick(LOWER, 6), g.pick(DIGITS, 4)].concat(),
        ),
        ("{DIG9}", g.pick(DIGITS, 9)),
        ("{DIG6}", g.pick(DIGITS, 6)),
        ("{DIG6X}", g.pick(DIGITS, 6)),
        ("{DIG8}", g.pick(DIGITS, 8)),
        ("{DIG3}", g.pick(DIGITS, 3)),
        ("{DIG15}", g.pick(DIGITS, 15)),
        ("{LW}", [g.pick(LOWER, 5), g.pick(DIGITS, 3)].concat()),
        (
            "{APW}",
            [
                g.pick(upper, 1),
                g.pick(LOWER, 4),
                g.pick(upper, 1),
                g.pick(LOWER, 4),
                g.pick(DIGITS, 1),
                g.pick(LOWER, 2),
                "!!".into(),
            ]
            .concat(),
        ),
        ("{LOW4}", g.pick(LOWER, 4)),
        ("{B62X}", [g.pick(BASE62, 10), "!".into()].concat()),
        (
            "{CAP4D3}",
            [g.pick(upper, 1), g.pick(LOWER, 4), g.pick(DIGITS, 3)].concat(),
        ),
        ("{UP8}", g.pick(upper, 8)),
        (
            "{CAP4D4}",
            [g.pick(upper, 1), g.pick(LOWER, 4), g.pick(DIGITS, 4)].concat(),
        ),
        ("{LOW7}", g.pick(LOWER, 7)),
        ("{LOW2D1}", [g.pick(LOWER, 2), g.pick(DIGITS, 1)].concat()),
        (
            "{CAMD3}",
            [
                g.pick(upper, 1),
                g.pick(LOWER, 2),
                g.pick(upper, 1),
                g.pick(LOWER, 2),
                g.pick(DIGITS, 3),
            ]
            .concat(),
        ),
        (
            "{CAPAT}",
            [
                g.pick(upper, 1),
                g.pick(LOWER, 8),
                "@".into(),
                g.pick(DIGITS, 1),
                g.pick(LOWER, 1),
            ]
            .concat(),
        ),
        (
            "{CAPD1}",
            [g.pick(upper, 1), g.pick(LOWER, 4), g.pick(DIGITS, 1)].concat(),
        ),
        ("{QQ16}", g.pick(LOWER, 16)),
        ("{KS14}", [g.pick(LOWER, 10), g.pick(DIGITS, 4)].concat()),
        ("{LOW6D3}", [g.pick(LOWER, 6), g.pick(DIGITS, 3)].concat()),
        ("{LOW9}", g.pick(LOWER, 9)),
        ("{PXS64}", g.pick(&printable, 64)),
        (
            "{CAMELJWT}",
            ["my".to_string(), camel, "123456789".into()].concat(),
        ),
        ("{FBID}", g.pick(DIGITS, 15)),
        ("{FBSEC}", g.pick(HEX, 32)),
        ("{RECAP}", ["6Le".to_string(), g.pick(URLSAFE, 37)].concat()),
        ("{UUIDS}", uuid(&mut g)),
        ("{UUIDK}", uuid(&mut g)),
        ("{GHCID}", g.pick(HEX, 20)),
        ("{HEX40S}", g.pick(HEX, 40)),
        ("{P40}", g.pick(BASE62, 40)),
        ("{TW25}", g.pick(BASE62, 25)),
        (
            "{TWAT}",
            [g.pick(DIGITS, 18), "-".into(), g.pick(BASE62, 31)].concat(),
        ),
        (
            "{PIXA}",
            [g.pick(DIGITS, 8), "-".into(), g.pick(HEX, 25)].concat(),
        ),
        ("{H32K}", g.pick(HEX, 32)),
        ("{H32K2}", g.pick(HEX, 32)),
        ("{GIGYA}", ["3_".to_string(), g.pick(URLSAFE, 64)].concat()),
        ("{MGK20}", ["key-".to_string(), g.pick(HEX, 20)].concat()),
        ("{UHEX29}", g.pick(upper_hex, 29)),
        ("{HEX32N}", g.pick(HEX, 32)),
        (
            "{ATATT}",
            [
                "ATATT3".to_string(),
                g.pick(&token_body, 180),
                "=".into(),
                g.pick(upper_hex, 8),
            ]
            .concat(),
        ),
        (
            "{GAK}",
            ["AI".to_string(), "za".into(), g.pick(URLSAFE, 35)].concat(),
        ),
        (
            "{HFT}",
            ["hf".to_string(), "_".into(), g.pick(LETTERS, 34)].concat(),
        ),
        ("{CIVHEX}", g.pick(HEX, 32)),
        ("{CLSEC}", g.pick(URLSAFE, 27)),
        (
            "{LARAKEY}",
            ["base64:".to_string(), g.pick(BASE64, 43), "=".into()].concat(),
        ),
        ("{DJK}", g.pick(django, 50)),
        (
            "{DJI}",
            ["django-insecure-".to_string(), g.pick(django, 50)].concat(),
        ),
        ("{BTC1}", ["1".to_string(), g.pick(base58, 33)].concat()),
        ("{BTC2}", ["1".to_string(), g.pick(base58, 33)].concat()),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    if value.chars().count() < 16 {
        return reported == value;
    }
    super::blind_harness::reports_whole_or_long_part(&[], placeholder, value, reported)
}

/// This set as the shared harness measures it.
const SET: BlindSet = BlindSet {
    generic: &super::blind_harness::GENERIC_RULES,
    measured: MEASURED,
    secret_placeholders: SECRET_PLACEHOLDERS,
    values,
    reports_value,
};

#[rustfmt::skip]
pub(super) const CASES: &[Case] = &[
    // ---------------------------------------------------------------- q1 `@Value("${spring.datasource.password:`
    // index 14703417613
    Case { family: JAVA, form: "q1.1 java spring Value datasource password empty default", file: "src/main/java/config/DataSourceFallbackConfig.java", text: "    @Value(\"${spring.datasource.url:}\")\n    private String pgUrl;\n\n    @Value(\"${spring.datasource.username:}\")\n    private String pgUser;\n\n    @Value(\"${spring.datasource.password:}\")\n    private String pgPassword;\n\n    @Value(\"${spring.datasource.driver-class-name:org.postgresql.Driver}\")\n    private String pgDriver;\n", rule: None },
    // index 52787761723
    Case { family: JAVA, form: "q1.2 java constructor parameters Value datasource password empty default", file: "src/main/java/task/DatabaseBackupTask.java", text: "    public DatabaseBackupTask(\n            @Value(\"${spring.datasource.url}\") String jdbcUrl,\n            @Value(\"${spring.datasource.username}\") String username,\n            @Value(\"${spring.datasource.password:}\") String password,\n            @Value(\"${app.backup.database.dir:backups/database}\") String backupDir) {\n        this.jdbcUrl = jdbcUrl;\n        this.password = password;\n    }\n", rule: None },
    // index 68881170718
    Case { family: JAVA, form: "q1.3 java final constructor parameters Value password empty default", file: "src/main/java/util/DatabaseConnectionUtils.java", text: "    public DatabaseConnectionUtils(\n        @Value(\"${spring.datasource.url}\") final String url,\n        @Value(\"${spring.datasource.username}\") final String username,\n        @Value(\"${spring.datasource.password:}\") final String password\n    ) {\n        this.url = url;\n        this.username = username;\n        this.password = password;\n    }\n", rule: None },
    // ---------------------------------------------------------------- q2 `password: ${DB_PASSWORD:`
    // index 60086522025
    Case { family: DOC, form: "q2.1 markdown compose POSTGRES_PASSWORD shell default dev password", file: "docs/PLAN.md", text: "```yaml\nservices:\n  db:\n    image: pgvector/pgvector:pg16\n    restart: unless-stopped\n    environment:\n      POSTGRES_DB: secondbrain\n      POSTGRES_USER: secondbrain\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-{WDEV}}\n    ports:\n      - \"${DB_PORT:-5432}:5432\"\n```\n", rule: Some("generic-password") },
    // index 52603504020
    Case { family: DOC, form: "q2.2 markdown compose POSTGRES_PASSWORD default the word password", file: "docs/guide.md", text: "```yaml\n  postgres:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_USER: ${DB_USER:-user}\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-password}\n      POSTGRES_DB: ${DB_NAME:-transcendence}\n```\n", rule: None },
    // index 40336624215
    Case { family: DOC, form: "q2.3 markdown spring application.yaml password default postgres", file: "README.md", text: "```yaml\nspring:\n  datasource:\n    url: jdbc:postgresql://postgresdb:5432/${DB_NAME:postgres}\n    username: ${DB_USER:postgres}\n    password: ${DB_PASSWORD:postgres}\n    hikari:\n      maximum-pool-size: 10\n```\n", rule: None },
    // ---------------------------------------------------------------- q3 `NetworkCredential("`
    // index 27793185324
    Case { family: CS, form: "q3.1 csharp smtp NetworkCredential literal email and weak password", file: "Program.cs", text: "\t\tMailMessage message = new MailMessage(\"someone@example.com\", \"someone@example.com\", subject, password);\n\t\tSmtpClient smtpClient = new SmtpClient(\"smtp.gmail.com\", 587);\n\t\tsmtpClient.EnableSsl = true;\n\t\tsmtpClient.Credentials = new NetworkCredential(\"someone@example.com\", \"{LW4}\");\n\t\tsmtpClient.Send(message);\n\t}\n", rule: Some("generic-password") },
    // index 22187268474
    Case { family: CS, form: "q3.2 csharp System.Net.NetworkCredential on the line below new with symbols password", file: "App_Code/Mailer.cs", text: "        message.IsBodyHtml = true;\n        SmtpClient client = new SmtpClient(\"smtp.gmail.com\", 587); //Gmail smtp    \n        System.Net.NetworkCredential basicCredential1 = new\n        System.Net.NetworkCredential(\"someone@example.com\", \"{PX16}\");\n        client.EnableSsl = true;\n        client.UseDefaultCredentials = false;\n        client.Credentials = basicCredential1;\n", rule: Some("generic-password") },
    // index 17024647614
    Case { family: CS, form: "q3.3 csharp object initializer NetworkCredential gmail app password", file: "Controllers/OrderController.cs", text: "                var smtpClient = new SmtpClient(\"smtp.gmail.com\")\n                {\n                    Port = 587,\n                    Credentials = new NetworkCredential(\"someone@example.com\", \"{GAPP}\"), // Use app password here\n                    EnableSsl = true\n                };\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q4 `"JwtSettings": {`
    // index 22468107674
    Case { family: DOC, form: "q4.1 markdown appsettings admin PasswordHere1 and jwt secret fill-in", file: "README.md", text: "```json\n\"AdminUser\": {\n  \"AdminEmail\": \"admin@example.com\",\n  \"Username\": \"Sewer56\",\n  \"Password\": \"PasswordHere1\"\n},\n```\n\n### Set Secret Key\n\nYou will need to set an arbitrary secret key which will be used for JSON Web Token verification.\n\n```json\n\"JwtSettings\": {\n  \"Secret\": \"YOUR SECRET KEY HERE\",\n  \"TokenLifetime\": \"00:59:59\"\n},\n```\n", rule: None },
    // index 9380139914
    Case { family: DOC, form: "q4.2 markdown appsettings your_ fill-ins", file: "README.md", text: "      `appsettings.json`\n      ```json\n      {\n        \"ConnectionStrings\": {\n          \"LocalDB\": \"your_database_connection_string\"\n        },\n        \"JwtSettings\": {\n          \"Secret\": \"your_jwt_secret\",\n          \"Issuer\": \"your_issuer\",\n          \"Audience\": \"your_audience\"\n        }\n      }\n      ```\n", rule: None },
    // index 113351519
    Case { family: DOC, form: "q4.3 html pre appsettings star stand-ins", file: "README.md", text: "<p>Set google api propertis in appsettings.json</p>\n<pre>\n\"GoogleOAuthOptions\": {\n    \"ClientId\": \"*\",\n    \"ClientSecret\": \"*\"\n  },\n</pre>\n<p>You can optionally specify JWT properties</p>\n<pre>\n\"JwtSettings\": {\n    \"Key\": \"*\",\n    \"HashKey\": \"*\",\n    \"LifetimeInMinutes\": 5,\n</pre>\n", rule: None },
    // ---------------------------------------------------------------- q5 `env('DB_PASSWORD',`
    // index 32884442
    Case { family: PHP, form: "q5.1 php test setup env defaults with empty password", file: "tests/TestCase.php", text: "            $db_driver = env('DB_DRIVER') ? env('DB_DRIVER') : 'sqlite';\n            $db_host = env('DB_HOST', '127.0.0.1');\n            $db_port = env('DB_PORT', '');\n\n            $db_user = env('DB_USERNAME', 'forge');\n            $db_pass = env('DB_PASSWORD', '');\n            $db_prefix = env('DB_PREFIX', 'phpunit_test_');\n", rule: None },
    // index 52817439752
    Case { family: PY, form: "q5.2 python django DATABASES getenv default name and year password", file: "backend/settings.py", text: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': os.getenv('DB_NAME', 'duck23_store_db'),\n        'USER': os.getenv('DB_USER', 'hobbes'),\n        'PASSWORD': os.getenv('DB_PASSWORD', '{NAMEYR}'),  # replace with the right password\n        'HOST': os.getenv('DB_HOST', 'localhost'),\n        'PORT': os.getenv('DB_PORT', '5432'),\n    }\n}\n", rule: Some("generic-password") },
    // index 61134112502
    Case { family: PY, form: "q5.3 python DB_CONFIG getenv empty password default", file: "test_db.py", text: "DB_CONFIG = {\n    'host': os.getenv('DB_HOST', 'localhost'),\n    'port': int(os.getenv('DB_PORT', 3306)),\n    'user': os.getenv('DB_USER', 'root'),\n    'password': os.getenv('DB_PASSWORD', ''),\n    'database': os.getenv('DB_NAME', 'game_review_platform'),\n    'charset': 'utf8mb4'\n}\n", rule: None },
    // ---------------------------------------------------------------- q6 `Rails.application.secrets`
    // index 1953960
    Case { family: RUBY, form: "q6.1 ruby twilio client from rails secrets", file: "app/controllers/charges_controller.rb", text: "    charge = Stripe::Charge.create(\n      :customer    => customer.id,\n      :amount      => @amount.to_i,\n      :currency    => 'gbp'\n    )\n\n    client = Twilio::REST::Client.new Rails.application.secrets.twilio_account_sid, Rails.application.secrets.twilio_auth_token\n", rule: None },
    // index 26873165715
    Case { family: RUBY, form: "q6.2 ruby twitter client block literal consumer_key beside secrets", file: "lib/load_tweets.rb", text: "  def createClient\n    return Twitter::REST::Client.new do |config|\n      config.consumer_key        = \"{TW25}\"\n      config.consumer_secret     = Rails.application.secrets.twitter_consumer_secret\n      config.access_token        = \"{TWAT}\"\n      config.access_token_secret = Rails.application.secrets.twitter_access_token_secret\n    end\n  end\n", rule: Some("generic-api-key") },
    // index 10041642240
    Case { family: RUBY, form: "q6.3 ruby rails secrets hash lookup in interpolation", file: "app/controllers/application_controller.rb", text: "      referrer_or_root = request.referrer\n      if referrer_or_root.present?\n        referrer_or_root = root_path unless URI(referrer_or_root).host == \"#{Rails.application.secrets[:domain_name]}\"\n      else\n        referrer_or_root = root_path\n      end\n", rule: None },
    // ---------------------------------------------------------------- q7 `provider "postgresql"`
    // index 69414323961
    Case { family: HCL, form: "q7.1 terraform postgresql provider password from random_password result", file: "infra/main.tf", text: "provider \"postgresql\" {\n  host      = azurerm_postgresql_flexible_server.main.fqdn\n  port      = 5432\n  database  = azurerm_postgresql_flexible_server_database.main.name\n  username  = var.postgres_admin_username\n  password  = random_password.postgres_admin.result\n  sslmode   = \"require\"\n  superuser = false\n}\n", rule: None },
    // index 246751986
    Case { family: HCL, form: "q7.2 terraform postgresql provider password from decoded secrets manager local", file: "main.tf", text: "locals {\n  postgres-credentials = jsondecode(data.aws_secretsmanager_secret_version.postgres-credentials.secret_string)\n}\n\nprovider \"postgresql\" {\n  host            = local.hostname\n  port            = 5432\n  database        = \"postgres\"\n  username        = local.postgresql_credentials.username\n  password        = local.postgresql_credentials.password\n  sslmode         = \"require\"\n  connect_timeout = 15\n}\n", rule: None },
    // index 31523517291
    Case { family: HCL, form: "q7.3 terraform mysql postgresql digitalocean providers from empty variables", file: "providers.tf", text: "variable \"mysql_password\" {}\n\nprovider \"mysql\" {\n  endpoint = \"${var.mysql_host}:${var.mysql_port}\"\n  username = var.mysql_username\n  password = var.mysql_password\n}\n\nvariable \"postgres_password\" {}\n\nprovider \"postgresql\" {\n  host     = var.postgres_host\n  username = var.postgres_username\n  password = var.postgres_password\n  sslmode  = \"disable\"\n}\n\nvariable \"digitalocean_token\" {}\n\nprovider \"digitalocean\" {\n  token = var.digitalocean_token\n}\n", rule: None },
    // ---------------------------------------------------------------- q8 `- POSTGRES_PASSWORD=`
    // index 7943163984
    Case { family: DOC, form: "q8.1 markdown compose environment list postgres default password", file: "README.md", text: "```\nservices:\n  postgres:\n    image: postgres:latest\n    container_name: postgres\n    ports:\n      - 5432:5432\n    environment:\n         - POSTGRES_PASSWORD=postgres\n         - POSTGRES_USER=postgres\n         - POSTGRES_DB=sales\n    restart: unless-stopped\n```\n", rule: None },
    // index 48173170464
    Case { family: DOC, form: "q8.2 markdown compose environment list numbered stand-in p1", file: "README.md", text: "Edit docker-compose.yml to use postgres (choose whichever user/pwd you want)\n\n```\nservices:\n  postgres:\n    image: postgres:13.0\n    restart: always\n    environment:\n      - POSTGRES_USER=u1\n      - POSTGRES_PASSWORD=p1\n    volumes:\n      - postgres:/var/lib/postgresql/data\n```\n", rule: None },
    // index 15748069644
    Case { family: DOC, form: "q8.3 markdown compose environment list descriptive app_password", file: "README.md", text: "Key configuration options in `docker-compose.yml`:\n\n```yaml\nenvironment:\n  - POSTGRES_DB=fraud_detection\n  - POSTGRES_USER=fraud_user\n  - POSTGRES_PASSWORD=fraud_password\n  - REDIS_HOST=redis\n  - KAFKA_BOOTSTRAP_SERVERS=kafka:9092\n```\n", rule: None },
    // ---------------------------------------------------------------- q9 `redis_password:`
    // index 45416865839
    Case { family: RUST, form: "q9.1 rust serde config struct redis_password Option String", file: "src/libs/redis.rs", text: "#[derive(Deserialize, Debug)]\npub struct Config {\n    #[serde(default = \"default_redis_host\")]\n    pub redis_host: String,\n    #[serde(default = \"default_redis_port\")]\n    pub redis_port: u32,\n    pub redis_password: Option<String>,\n    #[serde(default = \"default_redis_tls\")]\n    pub redis_tls: bool,\n}\n", rule: None },
    // index 20698754
    Case { family: PY, form: "q9.2 python pydantic settings password and secret key annotations", file: "backend/core/conf.py", text: "    # Env MySQL\n    MYSQL_HOST: str\n    MYSQL_PORT: int\n    MYSQL_USER: str\n    MYSQL_PASSWORD: str\n\n    # Env Redis\n    REDIS_HOST: str\n    REDIS_PORT: int\n    REDIS_PASSWORD: str\n    REDIS_DATABASE: int\n\n    # Env Token\n    TOKEN_SECRET_KEY: str  # secrets.token_urlsafe(32)\n", rule: None },
    // index 65777317259
    Case { family: PY, form: "q9.3 python settings REDIS_PASSWORD optional None and empty api key", file: "app/config.py", text: "    # -- Redis --\n    REDIS_HOST: str = \"localhost\"\n    REDIS_PORT: int = 6383\n    REDIS_PASSWORD: str | None = None\n\n    # -- Auth --\n    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24  # 24 hours\n\n    # -- YouTube --\n    YOUTUBE_API_KEY_V3: str = \"\"\n", rule: None },
    // ---------------------------------------------------------------- q10 `app.use(session({`
    // index 48453633663
    Case { family: JS, form: "q10.1 js express session the documentation's keyboard cat", file: "index.js", text: "var app = express(); // cookie-parser\n\napp.use(cookieParser()); // session (needed by express-flash)\n\napp.use(session({\n  secret: 'keyboard cat',\n  // secret string (could live in .env)\n  resave: false,\n  saveUninitialized: true,\n  cookie: {\n    maxAge: 60000\n  } // 60 seconds\n\n}));\n", rule: None },
    // index 71622438738
    Case { family: JS, form: "q10.2 js express session env or change-me fallback", file: "server.js", text: "app.use(express.json());\napp.use(express.urlencoded({ extended: true }));\napp.use(session({\n  secret: process.env.SESSION_SECRET || 'dev-secret-change-me',\n  resave: false,\n  saveUninitialized: false,\n  cookie: { httpOnly: true, maxAge: 1000 * 60 * 60 * 4 }\n}));\n", rule: None },
    // index 24699183198
    Case { family: JS, form: "q10.3 js express session typed lowercase and digits secret", file: "app.js", text: "app.use(bodyParser.json());//para leer json\napp.use(bodyParser.urlencoded({extended: true}));\napp.use(session({\n secret: \"{KS14}\",\n resave: false,\n saveUninitialized: false\n}));\napp.use(methodOverride(\"_method\"));\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- q11 `"bearer": [`
    // index 55895318902
    Case { family: PY, form: "q11.1 python openapi security Bearer empty scopes", file: "app/main.py", text: "            \"scheme\": \"bearer\",\n            \"bearerFormat\": \"JWT\",\n        }\n    }\n    for path, methods in openapi_schema[\"paths\"].items():\n        if path.startswith(\"/api/todos\"):\n            for method in methods.values():\n                method[\"security\"] = [{\"Bearer\": []}]\n    app.openapi_schema = openapi_schema\n", rule: None },
    // index 43623448282
    Case { family: PY, form: "q11.2 python drf-yasg security Bearer and description", file: "projects/views.py", text: "                \"**Security:**\\n\"\n                \"- Bearer Token authentication is required.\"\n        ),\n        security=[{\"Bearer\": []}],\n        responses={\n            200: openapi.Response(\n                \"Success. Returns a list of projects.\",\n            ),\n            401: openapi.Response(\n                \"Unauthorized. Authentication credentials were not provided.\",\n            ),\n", rule: None },
    // index 24797279422
    Case { family: PY, form: "q11.3 python generated postman collection bearer token template variable", file: "scripts/export_postman.py", text: "        \"auth\": {\n            \"type\": \"bearer\",\n            \"bearer\": [\n                {\n                    \"key\": \"token\",\n                    \"value\": \"{{jwt_token}}\",\n                    \"type\": \"string\"\n                }\n            ]\n        },\n        \"variable\": [\n            {\n                \"key\": \"base_url\",\n                \"value\": \"http://localhost:8000\"\n", rule: None },
    // ---------------------------------------------------------------- q12 `Speckle.Core.Credentials`
    // index 49700258986
    Case { family: SPECKLE, form: "q12.1 csharp speckle server transport factory from an account", file: "Core/Transports/ServerTransportFactory.cs", text: "using Speckle.Core.Credentials;\nusing Speckle.InterfaceGenerator;\n\nnamespace Speckle.Core.Transports;\n\n[GenerateAutoInterface]\npublic class ServerTransportFactory : IServerTransportFactory\n{\n  public IServerTransport Create(Account account, string streamId, int timeoutSeconds, string? blobStorageFolder) =>\n    new ServerTransport(account, streamId, timeoutSeconds, blobStorageFolder);\n}\n", rule: None },
    // index 754631086
    Case { family: SPECKLE, form: "q12.2 csharp speckle dynamo stream function optional account", file: "ConnectorDynamo/Functions/Stream.cs", text: "using Speckle.Core.Api;\nusing Speckle.Core.Credentials;\nusing Speckle.Core.Logging;\n\nnamespace Speckle.ConnectorDynamo.Functions;\n\npublic static class Stream\n{\n  /// <summary>\n  /// Get an existing Stream\n  /// </summary>\n  /// <param name=\"stream\">Stream to get with the specified account</param>\n  /// <param name=\"account\">Optional Speckle account to use</param>\n", rule: None },
    // index 33722799286
    Case { family: SPECKLE, form: "q12.3 csharp speckle dynamo utils usings", file: "ConnectorDynamo/Functions/Utils.cs", text: "using System.Collections;\nusing System.Collections.Generic;\nusing System.Linq;\nusing Speckle.Core.Credentials;\n\nnamespace Speckle.ConnectorDynamo.Functions\n{\n  internal static class Utils\n  {\n    internal static List<T> MultiDimensionalInputToList<T>(object input)\n    {\n      var items = new List<T>();\n", rule: None },
    // ---------------------------------------------------------------- q13 `spell.client.from_environment`
    // index 31667778068
    Case { family: SPELL, form: "q13.1 python spell client from environment new run", file: "spell_run.py", text: "import spell.client\nclient = spell.client.from_environment()\n\nr=client.runs.new(command=\"run mkdir /importantstuff\")\n#r=client.runs.new(github_url=\"https://example.com/fast-style-transfer\", command=\"colorization/models/fetch_release_models.sh\")\n", rule: None },
    // index 12897142903
    Case { family: SPELL, form: "q13.2 python spell client run with attached resources", file: "spell_prepare.py", text: "import spell.client\n\n# Create a client\nclient = spell.client.from_environment()\n\nr = client.runs.new(\n    command=\"mkdir -p data && tar -zxf midi/midi.tar.gz -C data && python data.py; rm -fr data\",\n    pip_packages=[\"fastparquet\", \"pandas\", \"music21\", \"fastprogress\"],\n    attached_resources={\n        \"uploads/midi\": \"midi\"\n    },\n    idempotent=True\n)\n", rule: None },
    // index 2734450543
    Case { family: SPELL, form: "q13.3 python spell client with run wait helper", file: "launch.py", text: "import spell.client\nimport hydra\nimport logging\n\nlog = logging.getLogger(__name__)\n\nclient = spell.client.from_environment()\n\n\ndef wait(run, logs=False):\n    if run is None:\n        return\n    run.wait_status(client.runs.COMPLETE)\n    run.refresh()\n", rule: None },
    // ---------------------------------------------------------------- q14 `const API_KEY: &str = "`
    // index 63183008047
    Case { family: RUST, form: "q14.1 rust test const API_KEY test-key stand-in", file: "tests/install.rs", text: "/// `CLOTO_CATALOG_URL` / `CLOTO_SEAL_JWKS_URL` are process-global and every\n/// test points them at its own mock server, so tests run one at a time.\nstatic ENV_LOCK: Mutex<()> = Mutex::const_new(());\n\nconst API_KEY: &str = \"test-key\";\nconst KID: &str = \"test-hub-key\";\n", rule: None },
    // index 57623747377
    Case { family: RUST, form: "q14.2 rust test const API_KEY descriptive words with live prefix", file: "src/routes/company.rs", text: "    #[tokio::test]\n    async fn a_company_can_bring_its_own_composio_account_and_give_it_back() {\n        const API_KEY: &str = \"ak_live_company_own_key\";\n        let home_dir = home();\n        let state = state_with_manifest(home_dir.path(), GRANTED).await;\n", rule: None },
    // index 77244907
    Case { family: RUST, form: "q14.3 rust const API_KEY names an environment variable", file: "src/main.rs", text: "use state::AppState;\nuse storage::Storage;\n\nconst BASE: &str = \"OPENAI_API_BASE\";\nconst API_KEY: &str = \"OPENAI_API_KEY\";\n\n#[tokio::main]\nasync fn main() -> Result<()> {\n    let base = std::env::var(BASE).ok();\n    let key = std::env::var(API_KEY).ok();\n", rule: None },
    // ---------------------------------------------------------------- q15 `DATABASE_URL: postgres://`
    // index 55609628314
    Case { family: DOC, form: "q15.1 markdown compose DATABASE_URL from shell defaults and variables", file: "docs/DEPLOY.md", text: "  web:\n    image: ghcr.io/${GITHUB_REPOSITORY}:latest\n    restart: unless-stopped\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n      DATABASE_URL: postgres://${POSTGRES_USER:-oketa}:${POSTGRES_PASSWORD}@db:5432/${POSTGRES_DB:-oketa_cup}\n      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY}\n      ALLOWED_HOSTS: ${ALLOWED_HOSTS}\n", rule: None },
    // index 51873129814
    Case { family: DOC, form: "q15.2 markdown compose changeme password and REPLACE_WITH secret", file: "README.md", text: "    environment:\n      POSTGRES_USER: memex\n      POSTGRES_PASSWORD: changeme\n      POSTGRES_DB: memex\n\n  web:\n    image: registry.gitlab.com/shibao/memex:latest\n    environment:\n      DATABASE_URL: postgres://memex:changeme@db:5432/memex\n      SECRET_KEY_BASE: REPLACE_WITH_LONG_RANDOM_STRING\n      HOST: memex.yourdomain.com\n", rule: None },
    // index 66935096104
    Case { family: DOC, form: "q15.3 markdown compose DATABASE_URL postgres postgres and elided keys", file: "docs/setup.md", text: "    env_file: .env\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/clinic_portal\n      REDIS_URL: redis://redis:6379/0\n    ports:\n      - \"8000:8000\"\n```\n\n**`.env` file** (never commit this):\n```env\nAWS_ACCESS_KEY_ID=AKIA...\nAWS_SECRET_ACCESS_KEY=...\n```\n", rule: None },
    // ---------------------------------------------------------------- q16 `curl --user `
    // index 9963813363
    Case { family: DOC, form: "q16.1 markdown rpc example curl --user user name only", file: "docs/getgovernanceinfo.md", text: "***Examples:***\n\n```\n> syscoin-cli getgovernanceinfo \n> curl --user myusername --data-binary '{\"jsonrpc\": \"1.0\", \"id\":\"curltest\", \"method\": \"getgovernanceinfo\", \"params\": [] }' -H 'content-type: text/plain;' http://127.0.0.1:8370/\n```\n", rule: None },
    // index 22909083
    Case { family: PY, form: "q16.2 python comment curl --user with key read from a file", file: "management/daemon.py", text: "\tif \"APIKEY\" in os.environ: auth_service.key = os.environ[\"APIKEY\"]\n\n\t# For testing on the command line, you can use `curl` like so:\n\t#    curl --user $(</var/lib/mailinabox/api.key): http://localhost:10222/mail/users\n\tauth_service.write_key()\n\n\tapp.logger.info('API key: ' + auth_service.key)\n", rule: None },
    // index 44366218278
    Case { family: OTHER, form: "q16.3 kotlin rpc help text bitcoin addresses beside curl --user", file: "src/main/kotlin/rpc/ListUnspent.kt", text: "      |Examples\n      |> bitcoin-cli listunspent\n      |> bitcoin-cli listunspent 6 9999999 \"[\\\"{BTC1}\\\",\\\"{BTC2}\\\"]\"\n      |> curl --user myusername --data-binary '{\"jsonrpc\": \"1.0\", \"id\":\"curltest\", \"method\": \"listunspent\", \"params\": [6, 9999999 \"[\\\"{BTC1}\\\",\\\"{BTC2}\\\"]\"] }' -H 'content-type: text/plain;' http://127.0.0.1:8332/\n    \"\"\".trimMargin()\n", rule: None },
    // ---------------------------------------------------------------- q17 `smtpPassword`
    // index 29379603773
    Case { family: CS, form: "q17.1 csharp configuration indexer EmailSettings SmtpPassword", file: "Services/EmailService.cs", text: "            var smtpServer = _configuration[\"EmailSettings:SmtpServer\"];\n            var smtpPort = int.Parse(_configuration[\"EmailSettings:SmtpPort\"]);\n            var smtpUsername = _configuration[\"EmailSettings:SmtpUsername\"];\n            var smtpPassword = _configuration[\"EmailSettings:SmtpPassword\"];\n            var senderEmail = _configuration[\"EmailSettings:SenderEmail\"];\n", rule: None },
    // index 59348363753
    Case { family: DOC, form: "q17.2 markdown api response smtpPassword masked bullet", file: "docs/api.md", text: "* **Response: 200 OK**\n  ```json\n  [\n    {\n      \"id\": 1,\n      \"type\": \"smtp\",\n      \"enabled\": true,\n      \"config\": {\n        \"smtpHost\": \"smtp.example.com\",\n        \"smtpPort\": 587,\n        \"smtpUsername\": \"user@example.com\",\n        \"smtpPassword\": \"\u{2022}\"\n      }\n    }\n  ]\n  ```\n", rule: None },
    // index 52173404768
    Case { family: JS, form: "q17.3 js field name list holding smtpPassword", file: "static/app.js", text: "  \"sendBtn\",\n  \"sendBtnSticky\",\n  \"sendBtnOverlay\",\n];\nconst BASIC_SMTP_FIELDS = [\"smtpHost\", \"smtpUsername\", \"fromEmail\"];\nconst CONNECTION_FIELDS = [...BASIC_SMTP_FIELDS, \"smtpPort\", \"smtpPassword\", \"replyTo\", \"unsubscribeEmail\", \"useStarttls\", \"useSsl\", \"verifyTls\"];\nconst SENT_COPY_FIELDS = [\"saveSentCopy\", \"imapHost\", \"imapPort\", \"imapUsername\", \"imapPassword\", \"imapSentFolder\", \"imapUseSsl\", \"imapVerifyTls\"];\n", rule: None },
    // ---------------------------------------------------------------- p1 `cookieParser('`
    // index 26271428372
    Case { family: JS, form: "p1.1 js cookieParser typed name and digits secret", file: "app.js", text: "const cookieParser = require('cookie-parser')\nconst port = 3000\nconst app = express()\n\napp.engine('hbs', exphbs({ defaultLayout: 'main', extname: '.hbs' }))\napp.set('view engine', 'hbs')\napp.use(bodyParser.urlencoded({ extended: true }))\napp.use(cookieParser('{LOW6D3}'))\n", rule: Some("generic-secret") },
    // index 4660090397
    Case { family: JS, form: "p1.2 js express.cookieParser lowercase compound secret", file: "app.js", text: "app.use(express.bodyParser());\napp.use(bodyParser.json());\napp.use(expressValidator());\napp.use(express.methodOverride());\napp.use(express.cookieParser('{LOW9}'));\napp.use(express.session());\napp.use('/', quard.setSessions);\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p2 `const val API_KEY = "`
    // index 14888811118
    Case { family: KOTLIN, form: "p2.1 kotlin top-level const API_KEY digits dash hex", file: "app/src/main/java/api/PixaBayAPI.kt", text: "import retrofit2.Call\nimport retrofit2.http.GET\nimport retrofit2.http.Query\n\nconst val API_KEY = \"{PIXA}\"\n\n//Set up retrofit interface to define Api calls\ninterface PixaBayAPI {\n    @GET(\"api/?key=$API_KEY\" )\n    fun fetchPhotos(\n", rule: Some("generic-api-key") },
    // index 7384132543
    Case { family: KOTLIN, form: "p2.2 kotlin object const API_KEY and APP_KEY hex", file: "app/src/main/java/net/PgyerUrl.kt", text: "object PgyerUrl {\n\n    const val API_KEY = \"{H32K}\"\n    const val APP_KEY = \"{H32K2}\"\n\n    @Domain(name = \"Pgyer\")\n    const val BASE_URL = \"https://www.pgyer.com/apiv2/\"\n\n    const val CHECK_UPDATE = \"app/check\"\n}\n", rule: Some("generic-api-key") },
    // index 37488338833
    Case { family: KOTLIN, form: "p2.3 kotlin companion const API_KEY numbered underscore prefix", file: "src/main/kotlin/TokenResolver.kt", text: "class TokenResolver(private val client: HttpClient, private val user: String, private val pass: String) {\n    private val settings: Settings = Settings()\n\n    companion object {\n        const val API_KEY = \"{GIGYA}\"\n        const val TOKEN_TIME_OUT = 1000*60*30\n    }\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p3 `- MYSQL_PASSWORD=`
    // index 41085992709
    Case { family: DOCKER, form: "p3.1 compose environment list shell defaults digit passwords", file: "docker-compose.yml", text: "    volumes:\n      - ./data/db/mysql/:/var/lib/mysql/\n      - ./conf/mysql/my.cnf:/etc/mysql/my.cnf\n    environment:\n      - MYSQL_ROOT_USER=${MYSQL_ROOT_USER:-root}\n      - MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:-{DIG9}}\n      - MYSQL_USER=${MYSQL_USER:-hoshisakan}\n      - MYSQL_PASSWORD=${MYSQL_PASSWORD:-{DIG6X}}\n      - MYSQL_DATABASE=${MYSQL_DATABASE:-Default}\n    restart: always\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `curl -u admin:`: no excerpt held a literal credential (`admin:admin` defaults, `PASSWORD` and `$PASSWORD` fill-ins, a descriptive `secure-admin-password-2025`, a `pass` stand-in)
    // ---------------------------------------------------------------- p5 `secretKey: "`
    // index 37441559958
    Case { family: GO, form: "p5.1 go rocketmq credentials struct literal short digit secret key", file: "consumer/main.go", text: "\tcon, e := rocketmq.NewPushConsumer(\n\t\tconsumer.WithGroupName(\"test_consumer\"),\n\t\tconsumer.WithNsResolver(primitive.NewPassthroughResolver([]string{\"203.0.113.7:9876\"})),\n\t\t// only a Credential is needed here to authenticate with the producer\n\t\tconsumer.WithCredentials(primitive.Credentials{\n\t\t\tAccessKey: \"acl\",\n\t\t\tSecretKey: \"{DIG3}\",\n\t\t}),\n\t)\n", rule: Some("generic-secret") },
    // index 24912945888
    Case { family: JS, form: "p5.2 js client object apiKey upper hex and secretKey of printable symbols", file: "picacg.js", text: "const picacg = {\n    BaseUrl: \"https://picaapi.picacomic.com/\",\n    empty: 'hiker://empty',\n    apiKey: \"{UHEX29}\",\n    nonce: \"{HEX32N}\",\n    secretKey: \"{PXS64}\",\n    d: [],\n    headers: {\n        \"accept\":            \"application/vnd.picacomic.com.v1+json\",\n        \"app-channel\":       \"2\",\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- p6 `"password":"`
    // index 60786195564
    Case { family: DOC, form: "p6.1 markdown curl login compact json weak word and digits password", file: "docs/TESTING.md", text: "### 3. Testar login\n```bash\n# Via curl\ncurl -X POST http://localhost:8080/v1/auth/login \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"username\":\"admin\",\"password\":\"{LW}\"}'\n\n# Via frontend\n# http://localhost:3000\n# Login: admin / {LW}\n```\n", rule: Some("generic-password") },
    // index 53865376644
    Case { family: DOC, form: "p6.2 markdown curl signup compact json mixed password with symbols", file: "README.md", text: "Create the first account (open signup):\n\n```bash\ncurl -sS -X POST http://127.0.0.1:3000/api/auth/signup \\\n  -H 'content-type: application/json' \\\n  -d '{\"name\":\"Admin User\",\"email\":\"admin@example.com\",\"password\":\"{APW}\"}'\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p7 `pg_password`
    // index 59789495888
    Case { family: PY, form: "p7.1 python test constants PG_PASSWORD equal to the user name", file: "tests/test_company_models.py", text: "from jhin_domain import new_uuid7\n\nPG_HOST = \"127.0.0.1\"\nPG_PORT = 55432\nPG_ADMIN_DATABASE = \"postgres\"\nPG_USER = \"{LOW4}\"\nPG_PASSWORD = \"{LOW4}\"\n\n\ndef _company_models() -> tuple[type[Any], type[Any]]:\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p8 `provider "mysql"`
    // index 29212141858
    Case { family: HCL, form: "p8.1 terraform mysql_user plaintext_password literal", file: "rds/main.tf", text: "provider \"mysql\" {\n    endpoint = \"${aws_db_instance.master.endpoint}\"\n    username = \"${var.admin_username}\"\n    password = \"${var.admin_password}\"\n}\n\nresource \"mysql_user\" \"ro_user\" {\n  user               = \"ro_user\"\n  host               = \"%\"\n  plaintext_password = \"{B62X}\"\n}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p9 `"SmtpPassword"`: no excerpt held a literal credential (settings lookups, a `tu-password` fill-in, `test` seed rows, a descriptive test value)
    // ---------------------------------------------------------------- p10 `access_token=`: no excerpt held a literal credential (variables, an `xyz` stand-in, empty `.env` entries)
    // ---------------------------------------------------------------- p11 `"speckleToken"`: no excerpt held a literal credential (Firestore fields, form inputs, struct tags, lookups)
    // ---------------------------------------------------------------- p12 `api_key="key-`
    // index 32383261691
    Case { family: DOC, form: "p12.1 markdown java -jar spring arguments mailgun key- short hex", file: "README.md", text: "For example\n```bash\njava -jar target/hishop.jar \\\n    --spring_data_mongodb_uri=\"mongodb://db.example.com:39165/hishop\" \\\n    --mailgun_api_key=\"{MGK20}\" \\\n    --mailgun_url=\"https://api.mailgun.net/v3/sandbox.mailgun.org/messages\" \\\n    --spring.output.ansi.enabled=ALWAYS\n```\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p13 `token = \"`: no excerpt held a literal credential (test fixtures of other scanners, escaped format strings, fill-ins)
    // ---------------------------------------------------------------- s1 `define('DB_PASSWORD', '`
    // index 16504751103
    Case { family: PHP, form: "s1.1 php wp-config define DB_PASSWORD name and digits", file: "wp-config.php", text: "// ** MySQL settings - You can get this info from your web host ** //\n/** The name of the database for WordPress */\ndefine('DB_NAME', 'britwordpress');\n\n/** MySQL database username */\ndefine('DB_USER', 'brit');\n\n/** MySQL database password */\ndefine('DB_PASSWORD', '{CAP4D3}');\n\n/** MySQL hostname */\ndefine('DB_HOST', 'localhost');\n", rule: Some("generic-password") },
    // index 27791788308
    Case { family: PHP, form: "s1.2 php define DB_PASSWORD eight capitals", file: "search.php", text: "if ($_SERVER['REQUEST_METHOD'] === 'GET') {\n    define('DB_SERVER', 'localhost');\n    define('DB_USERNAME', 'ntodtenhagen');\n    define('DB_PASSWORD', '{UP8}');\n    define('DB_NAME', 'f19_ntodtenhagen');\n\n    $connection = mysqli_connect(DB_SERVER, DB_USERNAME, DB_PASSWORD, DB_NAME);\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- s2 `jwt.secret=`: no excerpt held a literal credential (see the sampling log: a camel-case value naming its own role, descriptive values, a digit run, fill-ins, the word `secret`)
    // ---------------------------------------------------------------- s3 `'secret' => '`
    // index 47294027170
    Case { family: PHP, form: "s3.1 php facebook sdk config array app secret hex", file: "app/controllers/UserCusController.php", text: "  public function getloadfacebook(){\n        $facebook = new Facebook(array(\n        'appId' => '{FBID}',\n        'secret' => '{FBSEC}',\n        'cookie'=>'false',\n        \n        )); // facebook config (Add security key and App id)\n        $facebook->destroySession();  // To Remove Old Session\n        $token = $facebook->getAccessToken();\n", rule: Some("generic-secret") },
    // index 14009276815
    Case { family: PHP, form: "s3.2 php recaptcha siteverify post data secret", file: "contact.php", text: "if (isset($_POST['submitForm'])) {\n    $captcha_response = true;\n    $recaptcha = $_POST['g-recaptcha-response'];\n \n    $url = 'https://www.google.com/recaptcha/api/siteverify';\n    $data = array(\n        'secret' => '{RECAP}',\n        'response' => $recaptcha\n    );\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- s4 `;Password=`
    // index 21165442962
    Case { family: CS, form: "s4.1 csharp UseSqlServer connection string Password name and year", file: "Models/Soft2Context.cs", text: "    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)\n        => optionsBuilder.UseSqlServer(\"Data Source=example.database.windows.net;Initial Catalog=soft2;Persist Security Info=True;User ID=boldijakab;Password={CAP4D4};Trust Server Certificate=True\");\n\n    protected override void OnModelCreating(ModelBuilder modelBuilder)\n", rule: Some("connection-string-password") },
    // index 35345648157
    Case { family: CS, form: "s4.2 vb commented npgsql connection strings lowercase password", file: "About.vb", text: "    Private Sub About_Load(ByVal sender As System.Object, ByVal e As System.EventArgs) Handles MyBase.Load\n        'Dim connString As String = \"Host=192.168.1.100:5432;Username=postgres;Password={LOW7};Database=MBK_Live\"\n        'Dim connString As String = \"Server=192.168.1.100;Port=5432;Database=MBK_Live;User Id=postgres;Password={LOW7};\"\n\n        'Dim conn As NpgsqlConnection = New NpgsqlConnection(connString)\n", rule: Some("generic-password") },
    // index 49298816742
    Case { family: JAVA, form: "s4.3 java derby jdbc url password equal to the user", file: "src/java/queryDB.java", text: "    static public int user_login(String id_usuario, String password){\n        Connection connection = null;\n        try {\n            connection = DriverManager.getConnection(\"jdbc:derby://localhost:1527/pr2;user={LOW2D1};password={LOW2D1}\");\n            String query;\n            PreparedStatement statement;\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- s5 `ansible_password=`
    // index 34157647998
    Case { family: SHELL, form: "s5.1 makefile echo ansible-playbook -e ansible_password literal", file: "Makefile", text: "default:\n\tgit pull\n\techo ansible-playbook -i $(app_name)-$(env).example.shop, -e ansible_user=ec2-user -e ansible_password={CAMD3} -e env=$(env) -e app_name=$1 roboshop.yml\n", rule: Some("generic-password") },
    // index 43806496293
    Case { family: SHELL, form: "s5.2 shell user data ansible-playbook -e ansible_password literal repeated", file: "user-data.sh", text: "#!/bin/bash\nyum install ansible -y\n\ncd /tmp\ngit clone https://example.com/ansible-roboshop-roles.git\ncd ansible-roboshop-roles\n#command to run ansible playbook\nansible-playbook -i inventory -e ansible_user=ec2-user -e ansible_password={CAMD3} -e component=mongodb main.yaml\n\nansible-playbook -i inventory -e ansible_user=ec2-user -e ansible_password={CAMD3} -e component=redis main.yaml\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- s6 `.setPassword("`
    // index 42562870877
    Case { family: JAVA, form: "s6.1 java pool properties setPassword digits with commented setProperty", file: "src/util/DBPool.java", text: "            p.setUrl(\"jdbc:mysql://127.0.0.1:3306/teach\");//p.setProperty(\"url\", \"jdbc:mysql://127.0.0.1:3306/teach\");\n            p.setUsername(\"root\");//p.setProperty(\"username\", \"root\");\n            p.setPassword(\"{DIG6}\");//p.setProperty(\"password\", \"{DIG6}\");\n            p.setMaxActive(200);//p.setProperty(\"maxActive\", \"200\");\n", rule: Some("generic-password") },
    // index 24210570782
    Case { family: GO, form: "s6.2 go fiber handler user SetPassword digits", file: "controllers/userController.go", text: "func CreateUser(c *fiber.Ctx) error {\n\tvar user models.User\n\n\tif err := c.BodyParser(&user); err != nil {\n\t\treturn err\n\t}\n\n\tuser.SetPassword(\"{DIG8}\")\n\n\tdatabase.DB.Create(&user)\n\n\treturn c.JSON(user)\n}\n", rule: Some("generic-password") },
    // index 36285033107
    Case { family: JAVA, form: "s6.3 java test fixture getUser setPassword three digits", file: "src/test/java/CustomerServiceTest.java", text: "        Customer customer = new Customer();//id=2\n        customer.setLastName(\"Letswalo\");\n        customer.setFirstName(\"Tshepiso\");\n        customer.setUser(new User());\n        customer.getUser().setUsername(\"linx\");\n        customer.getUser().setPassword(\"{DIG3}\");\n\n        Customer customer1 = new Customer();\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- s7 `private static final String API_KEY = "`
    // index 49724691847
    Case { family: JAVA, form: "s7.1 java service static final API_KEY atlassian token", file: "src/main/java/service/Projects.java", text: "@Service\npublic class Projects {\n\n    private static final String API_KEY = \"{ATATT}\";\n\n    public JsonNode getProjects() throws UnirestException {\n\n        HttpResponse<JsonNode> response = Unirest.get(\"https://example.atlassian.net/rest/api/3/project/search\")\n", rule: Some("atlassian-api-token") },
    // index 71537897527
    Case { family: JAVA, form: "s7.2 java static final API_KEY uuid shaped key with api url", file: "src/main/java/service/ChatServiceImpl.java", text: "@Service\npublic class ChatServiceImpl implements ChatService {\n    // the API configuration (filled in)\n    private static final String API_KEY = \"{UUIDK}\";\n    private static final String API_URL = \"https://ark.cn-beijing.volces.com/api/v3/chat/completions\";\n    private static final String MODEL = \"deepseek-v3-250324\";\n", rule: Some("generic-api-key") },
    // index 7798327 skipped (sampled by an earlier set); next holding a literal:
    // index 12054405607
    Case { family: JAVA, form: "s7.3 java static final API_KEY google key concatenated into the endpoint", file: "src/main/java/GeminiService.java", text: "public class GeminiService {\n    private static final String API_KEY = \"{GAK}\";\n    private static final String ENDPOINT =\n            \"https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=\"\n                    + API_KEY;\n\n    private static final HttpClient CLIENT = HttpClient.newHttpClient();\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- s8 `token="hf_`
    // index 25131784610
    Case { family: PY, form: "s8.1 python from_pretrained token keyword hugging face token", file: "train.py", text: "        else:\n            tokenizer = AutoTokenizer.from_pretrained(\"./models/llama2/tokenizer\")\n            model = LlamaForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-chat-hf\", token=\"{HFT}\", device_map=\"auto\", use_cache=False)\n\n            tokenizer.pad_token_id = tokenizer.eos_token_id\n", rule: Some("huggingface-token") },
    // index 62409085355
    Case { family: PY, form: "s8.2 python your_token hugging face token at the top", file: "chat.py", text: "import torch\nimport transformers\nimport sys\nimport argparse\n\nyour_token=\"{HFT}\"\n\n\n# # Llama-2-7b-chat\n# model     = transformers.AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-chat-hf\", token=your_token,device_map=\"auto\", torch_dtype=\"auto\")\n", rule: Some("huggingface-token") },
    // index 21445310
    Case { family: PY, form: "s8.3 python module constants HUGGINGFACE_TOKEN beside a hex api key", file: "config.py", text: "import os\nfrom enum import Enum\n\nfrom typing import Optional\n\nfrom pydantic import BaseModel\n\nCIVIAI_API_KEY=\"{CIVHEX}\"\nHUGGINGFACE_TOKEN=\"{HFT}\"\nUSER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/58.0.3029.110 Safari/537.3'\n", rule: Some("huggingface-token") },
    // ---------------------------------------------------------------- s9 `client_secret: '`
    // index 34637432682
    Case { family: RUBY, form: "s9.1 ruby keycloak password grant params client_secret uuid", file: "app/controllers/sessions_controller.rb", text: "  def keycloack_params\n    {\n      username: params[:email],\n      password: params[:password],\n      client_id: 'landing',\n      grant_type: 'password',\n      client_secret: '{UUIDS}'\n    }\n  end\n\nend\n", rule: Some("generic-secret") },
    // index 3877257
    Case { family: JS, form: "s9.2 ts gluegun http params github oauth client_secret hex with lint comments", file: "src/commands/list.ts", text: "import { http, GluegunToolbox } from 'gluegun'\n\nconst api = http.create({\n  baseURL: 'https://api.github.com',\n  params: {\n    client_id: '{GHCID}', // eslint-disable-line @typescript-eslint/camelcase\n    client_secret: '{HEX40S}' // eslint-disable-line @typescript-eslint/camelcase\n  },\n  timeout: 20000\n})\n", rule: Some("generic-secret") },
    // index 47299941282
    Case { family: JS, form: "s9.3 vue created passport password grant client_secret and user password", file: "src/App.vue", text: "    created(){\n\n      const postData = {\n        grant_type: 'password',\n        client_id: 2,\n        client_secret: '{P40}',\n        username: 'someone@example.com',\n        password: 'waviq',\n        scope: ''\n      }\n\n      this.$http.post('http://localhost:5000/oauth/token', postData).then(response => {\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- s10 `password="`
    // index 43251254551
    Case { family: PHP, form: "s10.1 php phpmailer tab-indented Password name at digit letter", file: "sendcertificate.php", text: "\t\t\t\t\t$mail=new PHPMailer();\n\t\t\t\t\t$mail->isSMTP();\n\t\t\t\t\t$mail->Host='smtp.gmail.com';\n\t\t\t\t\t$mail->Port=587;\n\t\t\t\t\t$mail->SMTPSecure=\"tls\";\n\t\t\t\t\t$mail->SMTPAuth=true;\n\t\t\t\t\t$mail->Username=\"someone@example.com\";\n\t\t\t\t\t$mail->Password=\"{CAPAT}\";\n\t\t\t\t\t$mail->setFrom(\"someone@example.com\");\n", rule: Some("generic-password") },
    // index 8144089966
    Case { family: PY, form: "s10.2 python commented mysql connect password equal to the user", file: "regression.py", text: "#load data from DB\n#db_connection = mysql.connector.connect(user=\"{CAPD1}\", password=\"{CAPD1}\", host=\"localhost\")\n#db_cursor = db_connection.cursor()\n#db_cursor.execute(\"USE usedCarsDB\")\n", rule: Some("generic-password") },
    // index 56944563481
    Case { family: PY, form: "s10.3 python dict constructor password digits", file: "dictionaries.py", text: "account = dict(\n    username=\"afrah\",\n    email=\"someone@example.com\",\n    password=\"{DIG6}\"\n)\n\n# adding to a dictionary\naccount[\"age\"] = 25\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- s11 `TELEGRAM_BOT_TOKEN`: no excerpt held a literal credential (environment lookups, `...` elisions, a `123456:ABC-...` stand-in, names in lists)
    // ---------------------------------------------------------------- s12 `APP_KEY=base64:`
    // index 23743986941
    Case { family: DOC, form: "s12.1 markdown example laravel env block APP_KEY base64", file: "README.md", text: "**Example `.env`**\n\n```conf\nAPP_NAME=Laravel\nAPP_ENV=local\nAPP_KEY={LARAKEY}\nAPP_DEBUG=true\nAPP_URL=http://localhost\n\nLOG_CHANNEL=stack\n\nDB_CONNECTION=mysql\nDB_HOST=mysql\nDB_PORT=3306\nDB_DATABASE=homestead\nDB_USERNAME=root\nDB_PASSWORD=secret\n```\n", rule: Some("laravel-app-key") },
    // ---------------------------------------------------------------- s13 `DJANGO_SECRET_KEY`
    // index 9393178
    Case { family: DOC, form: "s13.1 markdown vercel required variables DJANGO_SECRET_KEY generated value", file: "DEPLOY.md", text: "### **4. Environment Variables Setup**\nWhile redeploying, make sure these are set in Vercel:\n\n**Required Variables:**\n```\nDJANGO_SECRET_KEY={DJK}\nDJANGO_DEBUG=False\nDATABASE_URL=postgresql://your-neon-connection-string\n```\n", rule: Some("django-secret-key-named") },
    // index 15239699428
    Case { family: PY, form: "s13.2 python settings environ get DJANGO_SECRET_KEY insecure default", file: "config/settings.py", text: "# --------------------------------------------------------------------------------------\n# Basic\n# --------------------------------------------------------------------------------------\nSECRET_KEY = os.environ.get(\n    \"DJANGO_SECRET_KEY\",\n    \"{DJI}\"  # dev default\n)\nDEBUG = os.environ.get(\"DJANGO_DEBUG\", \"true\").lower() == \"true\"\n", rule: Some("django-secret-key") },
    // ---------------------------------------------------------------- s14 `bot.run(`: no excerpt held a literal credential (variables, a `BOT TOKEN GOES HERE` fill-in, argument-less calls)
    // ---------------------------------------------------------------- s15 `auth: { user: '`
    // index 18854171815
    Case { family: JS, form: "s15.1 js nodemailer one-line auth gmail app password groups", file: "send.js", text: "const nodemailer = require('nodemailer');\n\nconst transporter = nodemailer.createTransport({\n  host: 'smtp.gmail.com',\n  port: 587,\n  secure: false,\n  auth: { user: 'someone@example.com', pass: '{GAPP}' }\n});\n", rule: Some("generic-password") },
    // index 61927213450
    Case { family: JS, form: "s15.2 js nodemailer service gmail one-line auth sixteen lowercase", file: "server.js", text: "let verificationCodes = {};\n\nconst transporter = nodemailer.createTransport({\n    service: 'gmail',\n    auth: { user: 'someone@example.com', pass: '{QQ16}' }\n});\n\napp.post('/api/auth/register-send-code', async (req, res) => {\n", rule: Some("generic-password") },
];

#[test]
fn tuning_real11() {
    SET.measure("tuning_real11", CASES, 10_011, 49, 44);
}
