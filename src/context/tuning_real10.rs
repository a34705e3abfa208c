//! A tuning set sampled from real public code (issue 13, session 15, branch `recall15`). The
//! blind real-code sets read 38/51 (`heldout_real8`) and 35/50 (`heldout_real9`) where the
//! issue asks 0.95; this set samples fresh real files in the syntaxes they cover (Python,
//! JS/TS, Go, Java, C#, Ruby, PHP, Kubernetes and Compose YAML, Terraform, Dockerfiles, shell,
//! `.env`/INI/properties, XML, Markdown setup guides), with credentials assigned, passed to
//! SDKs and clients, set in headers, written in URLs and config, and the look-alikes beside
//! them (expressions, stand-ins, environment lookups, hashes). It is a TUNING set: it is read,
//! and the engine is fixed in general form (a family, several syntaxes, with negatives) from
//! its misses; the blind sets stay the measure of unseen code.
//!
//! # Procedure (fixed and committed before sampling)
//!
//! The queries, their order and the stages are in `docs/blind-sets/real10-queries.md`,
//! committed before the first query was sent (stage 3 was added and committed before any of
//! its queries was sent). Each query went once to the public-code string index
//! (`find_string`, context 300). Stage 1 takes the first 2 usable excerpts of each query
//! whatever their label (cases `q<n>.<k>`), stage 2 the first 3 holding a literal credential
//! (`p<n>.<k>`), stage 3 the first 2 usable excerpts (`r<n>.<k>`). Files an earlier set
//! sampled (`/work/wt/ids-used-before-s15.txt`) were skipped; none came up. The index ids
//! taken are listed above each case and in `/work/wt/ids-real10.txt`.
//!
//! # Sampling log (2026-12-07)
//!
//! Stage 1: 32 queries x 2 = 64 cases, 17 positives. Stage 2 (first 3 holding a literal of
//! the 10 excerpts returned): p1 3, p2 0 (variables; a `secret-bearer` fill-in), p3 3, p4 3,
//! p5 0 (variables, getenv, fill-ins), p6 1, p7 2, p8 2, p9 3, p10 2, p11 1 (the MinIO
//! `minio`/`minio123` and `minioadmin` defaults are conventional stand-ins), p12 3, p13 3,
//! p14 1, p15 0, p16 1 (no Spell token: the hits were Hyperspell and Docspell; the first
//! literal of the one excerpt holding credentials is measured), p17 0: 28 positives. Stage 3:
//! 8 x 2 = 16 cases, 1 positive. Total: 108 cases, 46 positives, 62 negatives.
//!
//! Labelling calls made while sampling, before any scan:
//! - labels follow `real9-queries.md`: literal credentials, including weak concrete
//!   passwords (a password equal to its user name too) and fixture values, are positives;
//!   references, templates, types, empty values, elisions, fill-ins (`your_…`, `TU_…`,
//!   `change_this…`, `xxxx`), bare words (`password`, `test`, `pass`), numbered stand-ins
//!   (`pass1`) and conventional defaults (`minioadmin`, `minio123`) are negatives;
//! - one value per case: when the hit line holds a fill-in, the first literal credential of
//!   the excerpt is measured (q29.2 the datasource password above `spring.mail.password=xxxx`,
//!   p7.1 `AUTH_PASSWORD` below a descriptive `taskboard_secret` URL password);
//! - q1.1 a 42-hex Speckle token left in a comment above the token input, q2.2 a Speckle
//!   `embedToken` in a model URL: both expect `speckle-token`;
//! - q11.1, p9.3, p11.1 an S3 secret key beside its access key id (AWS SDK, Terraform's
//!   `provider "aws"`, MinIO's Go client) expects `aws-secret-access-key`;
//! - q8.1 a literal `jwt.sign` secret argument and q15.2 a `Jwt:Key` passphrase expect
//!   `generic-secret`; q16.2 a `PASSPHRASE` constant expects `generic-password`;
//! - p1.x literal `X-API-Key` header values expect `generic-api-key` (no provider rule
//!   names Metabase's `mb_` or the `pro_` keys); p10.x Firebase `apiKey` values expect
//!   `google-api-key`; p14.1 a SendGrid key in a Bearer header expects `sendgrid-api-key`;
//! - p4.1 `mysql -u root -p <digits>` is labelled by its author's intent (the password),
//!   although the client would read the word after a space as a database name.
//! - corrected after the first run, before any engine change: q17.1 and q17.2 (a 128-hex
//!   `secret_key_base`) were labelled `generic-secret`, but the rule for that shape is
//!   `rails-secret-key-base`, which found both; the start figure is given with the
//!   corrected labels (31/46; 29/46 as first labelled).
//! - p9.2's value was `123456789`, a sequence the engine rightly drops as trivial; the
//!   procedure replaces values by random ones of the same shape (9 digits), which are not.
//!
//! Values are replaced by run-time values of the same shape (length, character classes,
//! prefix); weak passwords stay weak. Personal addresses are replaced by example ones,
//! comments in other languages are translated where they would carry a credential word.
//!
//! # Measuring
//!
//! The shared harness (`blind_harness`). For the weak placeholders and `{K}` the reported
//! secret must equal the value; for the others it must contain the value, or be a part of it
//! of at least 16 characters.
//!
//! `cargo test --lib -- --exact --nocapture context::tuning_real10::tuning_real10`

#![cfg(test)]

use super::blind_harness::{BlindSet, Gen, BASE62, BASE64, DIGITS, HEX, LETTERS, LOWER, URLSAFE};
use super::heldout_fresh2::{fill, Case};

const PY: &str = "Python";
const JS: &str = "JavaScript and TypeScript";
const PHP: &str = "PHP";
const GO: &str = "Go";
const JAVA: &str = "Java";
const CS: &str = "C#";
const RUBY: &str = "Ruby";
const HCL: &str = "Terraform";
const SHELL: &str = "shell scripts";
const DOCKER: &str = "Dockerfiles";
const K8S: &str = "Kubernetes";
const XML: &str = "XML";
const SPECKLE: &str = "Speckle";
const OTHER: &str = "other languages";
const DOC: &str = "Markdown and docs";

/// For each rule a case may expect, the placeholders that can hold its value.
const MEASURED: &[(&str, &[&str])] = &[
    (
        "generic-password",
        &[
            "{LOW8}", "{DIG6}", "{DIG8}", "{GAPP}", "{QQ16}", "{PX64}", "{WDATE}", "{LW}", "{CW}",
            "{LWAT}", "{W16}", "{LOWAT}", "{RS15}",
        ],
    ),
    (
        "generic-secret",
        &["{LW14}", "{PHRASE}", "{LOWSEC}", "{DIG9}"],
    ),
    ("generic-api-key", &["{K}", "{PRO64}", "{MB44}", "{AM64}"]),
    ("generic-token", &["{LOWTOK}"]),
    ("speckle-token", &["{S}"]),
    ("aws-secret-access-key", &["{AWSS}"]),
    ("postgres-url-password", &["{LOW8}", "{SNAKE}"]),
    ("google-api-key", &["{GAK}"]),
    ("rails-secret-key-base", &["{HEX128}"]),
    ("sendgrid-api-key", &["{SGK}"]),
];

/// Weak values and `{K}`: compared exactly.
const EXACT: [&str; 6] = ["{LOW8}", "{DIG6}", "{DIG8}", "{DIG9}", "{LW}", "{K}"];

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: &[&str] = &[
    "{S}", "{K}", "{LOW8}", "{DIG6}", "{DIG8}", "{DIG9}", "{GAPP}", "{QQ16}", "{PX64}", "{WDATE}",
    "{LW}", "{CW}", "{LWAT}", "{W16}", "{LOWAT}", "{RS15}", "{LW14}", "{PHRASE}", "{HEX128}",
    "{LOWSEC}", "{PRO64}", "{MB44}", "{AM64}", "{LOWTOK}", "{AWSS}", "{AKID}", "{SNAKE}", "{GAK}",
    "{SGK}",
];

/// Words a made-up passphrase is drawn from (a signing key written as a sentence).
const PHRASE_WORDS: [&str; 12] = [
    "Esta", "Es", "Una", "Clave", "Super", "Secreta", "Larga", "Para", "Firmar", "Token", "Muy",
    "Segura",
];

/// Every placeholder of this set and its value for one case's seed.
pub(super) fn values(seed: u64) -> Vec<(&'static str, String)> {
    let mut values = fill(seed);
    let mut g = Gen(seed ^ 0x5EED_0010);
    let phrase: String = (0..7)
        .map(|_| PHRASE_WORDS[(g.next() % PHRASE_WORDS.len() as u64) as usize])
        .collect::<String>()
        + &g.pick(DIGITS, 3)
        + "!";
    let symbols: Vec<u8> = [BASE62, b"*&$!%#".as_slice()].concat();
    let upper: Vec<u8> = LETTERS[..26].to_vec();
    let extra = [
        ("{LOW8}", g.pick(LOWER, 6)),
        ("{DIG6}", g.pick(DIGITS, 6)),
        ("{DIG8}", g.pick(DIGITS, 8)),
        ("{DIG9}", g.pick(DIGITS, 9)),
        ("{LW}", [g.pick(LOWER, 5), g.pick(DIGITS, 3)].concat()),
        ("{LW14}", [g.pick(LOWER, 12), g.pick(DIGITS, 2)].concat()),
        (
            "{GAPP}",
            (0..4)
                .map(|_| g.pick(LOWER, 4))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ("{QQ16}", g.pick(LOWER, 16)),
        ("{PX64}", g.pick(&symbols, 64)),
        (
            "{WDATE}",
            [
                g.pick(&upper, 1),
                g.pick(LOWER, 2),
                "Root2026".to_string(),
                g.pick(DIGITS, 4),
                g.pick(&upper, 1),
                g.pick(DIGITS, 1),
            ]
            .concat(),
        ),
        (
            "{CW}",
            [g.pick(&upper, 1), g.pick(LOWER, 9), g.pick(DIGITS, 2)].concat(),
        ),
        (
            "{LWAT}",
            [g.pick(LOWER, 6), "@".into(), g.pick(DIGITS, 4)].concat(),
        ),
        ("{W16}", g.pick(BASE62, 16)),
        ("{LOWAT}", [g.pick(LOWER, 12), "@".into()].concat()),
        ("{RS15}", g.pick(URLSAFE, 15)),
        ("{PHRASE}", phrase),
        ("{HEX128}", g.pick(HEX, 128)),
        ("{LOWSEC}", g.pick(LOWER, 17)),
        ("{LOWTOK}", g.pick(LOWER, 13)),
        ("{PRO64}", ["pro", "_", &g.pick(HEX, 64)].concat()),
        ("{MB44}", ["mb", "_", &g.pick(BASE64, 43), "="].concat()),
        ("{AM64}", ["am", "_", &g.pick(HEX, 64)].concat()),
        ("{AWSS}", g.pick(BASE64, 40)),
        (
            "{AKID}",
            ["AK", "IA", &g.pick(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)].concat(),
        ),
        (
            "{SNAKE}",
            [
                g.pick(LOWER, 6),
                "_".into(),
                g.pick(LOWER, 3),
                "_".into(),
                g.pick(LOWER, 4),
            ]
            .concat(),
        ),
        ("{GAK}", ["AI", "za", &g.pick(URLSAFE, 35)].concat()),
        (
            "{SGK}",
            ["S", "G.", &g.pick(URLSAFE, 22), ".", &g.pick(URLSAFE, 43)].concat(),
        ),
        // Not secrets: a MinIO access key id and a subresource-integrity digest.
        ("{MINIOID}", g.pick(BASE62, 20)),
        ("{SRI384}", ["sha384-", &g.pick(BASE64, 64)].concat()),
    ];
    values.extend(extra);
    values
}

/// Whether a reported secret is the case's value (see the module docs).
fn reports_value(placeholder: &str, value: &str, reported: &str) -> bool {
    if EXACT.contains(&placeholder) {
        return reported == value;
    }
    reported.contains(value) || (reported.len() >= 16 && value.contains(reported))
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
    // ---------------------------------------------------------------- q1 `speckleToken:`
    // index 48528923081
    Case { family: SPECKLE, form: "q1.1 python streamlit speckle token commented out above the input", file: "main.py", text: "    speckleServer = serverCol.text_input(\"Server URL\", \"speckle.xyz\", help=\"Speckle server to connect.\")\n    #\"{S}\"\n    speckleToken = tokenCol.text_input(\"Speckle token\", help=\"If you don't know how to get your token, take a look at this [link](<https://speckle.guide/dev/tokens.html>)\")\n    stream = False\n    if speckleServer and speckleToken:\n        try:\n            client = SpeckleClient(host=speckleServer)\n            account = get_account_from_token(speckleToken, speckleServer)\n            client.authenticate_with_account(account)\n", rule: Some("speckle-token") },
    // index 23290659402
    Case { family: JS, form: "q1.2 ts zod schema speckleToken nonempty string", file: "src/main.ts", text: "const InputVariablesSchema = z.object({\n  speckleAutomateUrl: z.string().url().nonempty(),\n  speckleToken: z.string().nonempty(),\n  speckleFunctionId: z.string().nonempty(),\n  speckleFunctionInputSchema: z.record(z.string().nonempty(), z.unknown()).nullable(),\n  speckleFunctionCommand: z.string().nonempty().array()\n})\n", rule: None },
    // ---------------------------------------------------------------- q2 `app.speckle.systems`
    // index 17607482475
    Case { family: JS, form: "q2.1 ts speckle app options from import.meta.env with server fallback", file: "src/stores/auth.ts", text: "  const CLIENT_ID = import.meta.env.VITE_CLIENT_ID;\n  const CLIENT_SECRET = import.meta.env.VITE_CLIENT_SECRET;\n  const SERVER_URL =\n    import.meta.env.VITE_SERVER_URL || \"https://app.speckle.systems\";\n\n  const options: ApplicationOptions = {\n    clientId: CLIENT_ID,\n    clientSecret: CLIENT_SECRET,\n    serverUrl: SERVER_URL,\n  };\n", rule: None },
    // index 56506583040
    Case { family: SPECKLE, form: "q2.2 python dict speckle embed url with embedToken query", file: "pages/dashboard.py", text: "EMPREENDIMENTOS = {\n    \"Resort Boa Viagem\": {\n        \"speckle_url\": r\"https://app.speckle.systems/projects/68bf6c4cd9/models/8246528aa7?embedToken={S}\",\n        \"nome_exibicao\": \"Resort Boa Viagem - Complexo Hoteleiro\",\n        \"arquivo_cmms\": \"CMMS_Export_RB - CMMS_RB.csv\"\n    },\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- q3 `Anthropic(api_key=`
    // index 54095994154
    Case { family: PY, form: "q3.1 python anthropic client from config attribute", file: "extractor.py", text: "def get_client() -> anthropic.Anthropic:\n    return anthropic.Anthropic(api_key=config.ANTHROPIC_API_KEY)\n\n\ndef extract_products(url: str, html: str) -> list[dict]:\n    client = get_client()\n", rule: None },
    // index 56999763154
    Case { family: PY, form: "q3.2 python anthropic client from settings attribute", file: "app/reasoning.py", text: "def _run_llm_reasoning(mode: str, signal_text: str) -> list[dict]:\n    \"\"\"Run Claude on the signals and parse the findings JSON.\"\"\"\n    import json\n\n    client = anthropic.Anthropic(api_key=settings.anthropic_api_key)\n    system = _MODE_SYSTEM_PROMPTS[mode]\n", rule: None },
    // ---------------------------------------------------------------- q4 `MongoClient("mongodb`
    // index 5907030469
    Case { family: DOC, form: "q4.1 markdown pymongo localhost url without credentials", file: "README.md", text: "```python\nimport pymongo\nmyclient = pymongo.MongoClient(\"mongodb://localhost:27017/\")\nmydb = myclient[\"mydatabase\"]\n```\n", rule: None },
    // index 17787282244
    Case { family: PY, form: "q4.2 python MongoClient bare srv scheme", file: "scraper.py", text: "import pymongo\nfrom pymongo import MongoClient\ncluster = MongoClient(\"mongodb+srv://\")        #cluster name\ndb = cluster[\"NYAA\"]    #database name\ncollection = db[\"Anime\"]    #collection name\n", rule: None },
    // ---------------------------------------------------------------- q5 `openai.api_key = "`
    // index 17209297275
    Case { family: PY, form: "q5.1 python cohere and openai keys API_KEY stand-ins", file: "run.py", text: "co = cohere.Client('API_KEY')\n\nopenai.api_key = \"API_KEY\"\n# SCENARIO_PROMPTS_FILENAME = \"good deception - final prompts.csv\"\nclient = anthropic.Anthropic(\n    # defaults to os.environ.get(\"ANTHROPIC_API_KEY\")\n    api_key=os.environ.get(\"ANTHROPIC_API_KEY\"),\n)\n", rule: None },
    // index 22735677075
    Case { family: PY, form: "q5.2 python algod token from getenv and openai YOUR_API_KEY", file: "game.py", text: "ALGOD_API_TOKEN = os.getenv(\"ALGOD_API_TOKEN\")\nCREATOR_MNEMONIC = os.getenv(\"CREATOR_MNEMONIC\")\n\nalgod_client = AlgodClient(algod_token=ALGOD_API_TOKEN, algod_address=ALGOD_API_ADDR)\n\n\n#replace YOUR_API_KEY with your api key\nopenai.api_key = \"YOUR_API_KEY\"\n", rule: None },
    // ---------------------------------------------------------------- q6 `nodemailer.createTransport(`
    // index 24136785194
    Case { family: JS, form: "q6.1 js nodemailer auth from process.env", file: "utils/mailSender.js", text: "        let transporter = nodemailer.createTransport({\n            host: process.env.MAIL_HOST,\n            auth:{\n                user: process.env.MAIL_USER,\n                pass: process.env.MAIL_PASS\n            }\n        })\n", rule: None },
    // index 268394
    Case { family: JS, form: "q6.2 js nodemailer test account members", file: "smtp/test.js", text: "            let acc = await nodemailer.createTestAccount();\n    \n            let transport = nodemailer.createTransport({\n                host: \"localhost\",\n                port: 25,\n                auth: {\n                    user: acc.user,\n                    pass: acc.pass,\n                },\n                rejectUnauthorized: false\n            });\n", rule: None },
    // ---------------------------------------------------------------- q7 `mongoose.connect('mongodb`
    // index 39119850445
    Case { family: JS, form: "q7.1 js mongoose localhost url", file: "server.js", text: "// Database connection\nmongoose.connect('mongodb://localhost:27017/suscribers', { useNewUrlParser: true, useUnifiedTopology: true });\nconst db = mongoose.connection;\n", rule: None },
    // index 5814539005
    Case { family: JS, form: "q7.2 js mongoose localhost url then", file: "app.js", text: "mongoose.Promise = global.Promise;\n//Connect to Mongoose\nmongoose.connect('mongodb://localhost/vidjot-dev', {useNewUrlParser: true})\n.then(() => console.log('Mongo DB connected'))\n.catch(err => console.log(err));\n", rule: None },
    // ---------------------------------------------------------------- q8 `jwt.sign(`
    // index 55827
    Case { family: JS, form: "q8.1 js jwt.sign literal secret argument", file: "server.js", text: "    if (rows.length || req.body.code === 'apple') {\n      const myToken = jwt.sign({ email: req.body.email }, '{LW14}')\n      res.status(200).json(myToken);\n    } else {\n", rule: Some("generic-secret") },
    // index 29423920302
    Case { family: JS, form: "q8.2 js jwt.sign secret constant", file: "controllers/auth.js", text: "    if (!(await user.checkPassword(password))) {\n      return res.status(401).json({ error: 'Incorrect password' });\n    }\n    const token = jwt.sign({ userId: user._id }, JWT_SECRET);\n    res.json({  auth: true ,token , data: user });\n", rule: None },
    // ---------------------------------------------------------------- q9 `'x-api-key':`
    // index 71653890012
    Case { family: PY, form: "q9.1 python one-line post helper x-api-key from os.environ", file: "review.py", text: "def an(prompt):\n    x=post('https://api.anthropic.com/v1/messages',{'x-api-key':os.environ['ANTHROPIC_API_KEY'],'anthropic-version':'2023-06-01'},{'model':os.environ['ANTHROPIC_MODEL'],'max_tokens':3000,'messages':[{'role':'user','content':prompt}]})\n    return '\\n'.join(p.get('text','') for p in x.get('content',[]) if p.get('type')=='text').strip()\n", rule: None },
    // index 25271155302
    Case { family: JS, form: "q9.2 ts axios headers X-API-Key from import.meta.env constant", file: "src/api/axios.ts", text: "export const WL_API_KEY = import.meta.env.VITE_WL_API_KEY;\n\nexport const getAxios = async (endpoint: string) => {\n  if (!API_BASE) throw new Error('API_BASE not defined');\n\n  const response = await axios.get(`${API_BASE}${API_VERSION}${endpoint}`, {\n    headers: {\n      'X-API-Key': WL_API_KEY\n    }\n  });\n", rule: None },
    // ---------------------------------------------------------------- q10 `Authorization: `Bearer`
    // index 56837540515
    Case { family: JS, form: "q10.1 tsx conditional spread bearer headers from variables", file: "src/pages/EventPage.tsx", text: "        const response = await fetch(functionUrl, {\n          method: 'GET',\n          headers: {\n            ...(anonKey ? { Authorization: `Bearer ${anonKey}` } : {}),\n            ...(accessToken ? { 'X-Privy-Authorization': `Bearer ${accessToken}` } : {}),\n          },\n        });\n", rule: None },
    // index 37313038975
    Case { family: JS, form: "q10.2 js bearer header from localStorage token", file: "src/services/absensi.js", text: "export const getMyAbsensi = async () => {\n  const token = localStorage.getItem(\"access_token\");\n\n  const response = await fetch(\n    `${API_BASE_URL}/absensi/report/me`,\n    {\n      headers: {\n        Authorization: `Bearer ${token}`,\n      },\n    }\n  );\n", rule: None },
    // ---------------------------------------------------------------- q11 `credentials.NewStaticCredentials(`
    // index 16199481320
    Case { family: GO, form: "q11.1 go aws static credentials literal key pair", file: "main.go", text: "func main() {\n\n\tsess, err := session.NewSession(&aws.Config{\n\t\tRegion:      aws.String(\"eu-north-1\"),\n\t\tCredentials: credentials.NewStaticCredentials(\"{AKID}\", \"{AWSS}\", \"\"),\n\t})\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n", rule: Some("aws-secret-access-key") },
    // index 5227472735
    Case { family: GO, form: "q11.2 go static credentials from parameters", file: "pkg/storage/s3_test.go", text: "func setupFakeS3(accessKey, secretAccessKey, region, bucket string) (*s3.S3, error) {\n\ts3Config := &aws.Config{\n\t\tCredentials:      credentials.NewStaticCredentials(accessKey, secretAccessKey, \"\"),\n\t\tEndpoint:         aws.String(\"http://localhost:9000\"),\n\t\tRegion:           aws.String(region),\n\t}\n", rule: None },
    // ---------------------------------------------------------------- q12 `redis.NewClient(`
    // index 26668784414
    Case { family: GO, form: "q12.1 go redis options password from parameter", file: "session/store.go", text: "func (ss *ServiceSessionStore) Open(host string, pw string, db int, poolSize int) error {\n\tss.client = redis.NewClient(&redis.Options{\n\t\tAddr:     host,\n\t\tPassword: pw,\n\t\tDB:       db,\n\t\tPoolSize: poolSize,\n\t})\n", rule: None },
    // index 71636640374
    Case { family: GO, form: "q12.2 go test miniredis client and hmac sign helper", file: "kitexx/callback_test.go", text: "func runtimeWith(t *testing.T, cb httpx.Callback) *kitexx.Runtime {\n\tsrv := miniredis.RunT(t)\n\trdb := redis.NewClient(&redis.Options{Addr: srv.Addr()})\n\tt.Cleanup(func() { rdb.Close() })\n\trt := &kitexx.Runtime{Redis: rdb}\n\treturn rt\n}\n\nfunc sign(secret, ts, body string) string {\n\tm := hmac.New(sha256.New, []byte(secret))\n", rule: None },
    // ---------------------------------------------------------------- q13 `Header.Set("Authorization"`
    // index 60456243758
    Case { family: GO, form: "q13.1 go test table of malformed authorization headers", file: "internal/auth/middleware_test.go", text: "func TestMiddlewareMalformedHeader401(t *testing.T) {\n\th := newServer(t, &fakeVerifier{}, nil)\n\tfor _, hdr := range []string{\"Token abc\", \"Bearer\", \"Bearer  \", \"garbage\"} {\n\t\tr := httptest.NewRequest(\"GET\", \"/p\", nil)\n\t\tr.Header.Set(\"Authorization\", hdr)\n\t\tw := httptest.NewRecorder()\n\t\th.ServeHTTP(w, r)\n", rule: None },
    // index 71655100268
    Case { family: GO, form: "q13.2 go bearer header concatenated with token variable", file: "internal/client/client.go", text: "\treq, err := http.NewRequestWithContext(reqCtx, http.MethodGet, rawURL, nil)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"build request for %s: %w\", rawURL, err)\n\t}\n\treq.Header.Set(\"Authorization\", \"Bearer \"+token)\n\treq.Header.Set(\"Accept\", \"application/json\")\n", rule: None },
    // ---------------------------------------------------------------- q14 `BasicAWSCredentials(`
    // index 17183500128
    Case { family: JAVA, form: "q14.1 java sqs client credentials from profile getters", file: "src/main/java/config/SqsConfig.java", text: "    @Bean\n    public AmazonSQSAsync amazonSQSAsync() {\n        return AmazonSQSAsyncClientBuilder.standard().withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(sqlUrl, profile.getRegion())).withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(profile.getAccessKeyId(), profile.getSecretAccessKey()))).build();\n    }\n", rule: None },
    // index 29411793018
    Case { family: JAVA, form: "q14.2 java s3 credentials from constants class", file: "src/main/java/S3Uploader.java", text: "\tprivate AmazonS3 auth() {\n\t\tSystem.out.println(\"auth start\");\n\n\t\tAWSCredentials credentials = new BasicAWSCredentials(Const.S3_ACCESS_KEY, Const.S3_SECRET_KEY);\n\n\t\tClientConfiguration clientConfig = new ClientConfiguration();\n", rule: None },
    // ---------------------------------------------------------------- q15 `"ConnectionStrings": {`
    // index 71582855522
    Case { family: DOC, form: "q15.1 markdown jsonc empty jwt key and connection string", file: "docs/CONFIGURATION.md", text: "`appsettings.json` is tracked by git and holds **no secrets**. Two values are deliberately\nleft as empty strings so the file still documents the configuration shape:\n\n```jsonc\n\"Jwt\":               { \"Key\": \"\" }\n\"ConnectionStrings\": { \"DefaultConnection\": \"\" }\n```\n", rule: None },
    // index 61870226252
    Case { family: DOC, form: "q15.2 markdown appsettings json Jwt Key passphrase literal", file: "README.md", text: "```json\n{\n  \"ConnectionStrings\": {\n    \"Redis\": \"localhost:6379\"\n  },\n  \"Logging\": {\n    \"LogLevel\": {\n      \"Default\": \"Information\",\n      \"Microsoft.AspNetCore\": \"Warning\"\n    }\n  },\n  \"AllowedHosts\": \"*\",\n  \"Jwt\": {\n    \"Key\": \"{PHRASE}\",\n    \"Issuer\": \"Api.Auth\",\n    \"Audience\": \"ECommerce\"\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- q16 `SymmetricSecurityKey(Encoding.UTF8.GetBytes(`
    // index 53667221614
    Case { family: CS, form: "q16.1 csharp signing key from options value", file: "Services/JwtService.cs", text: "            _jwtSetting = options.Value;\n            _signingCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_jwtSetting.SecretKey)), SecurityAlgorithms.HmacSha256);\n        }\n", rule: None },
    // index 7839337624
    Case { family: CS, form: "q16.2 csharp const PASSPHRASE literal used as signing key", file: "MyFileSpace.Core/Helpers/JsonWebToken.cs", text: "    public static class JsonWebToken\n    {\n        private const string PASSPHRASE = \"{PX64}\";\n        private const string ISSUER_AND_AUDIENCE = \"MyFileSpace\";\n        public const string USER_ROLE_CLAIM = \"user_role\";\n\n        public static string GenerateToken(User user)\n        {\n            List<Claim> authClaims = SetClaims(user);\n\n            var authSignIngKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(PASSPHRASE));\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q17 `config.secret_key_base`
    // index 4706125933
    Case { family: DOC, form: "q17.1 markdown yaml rails secret_key_base 128 hex", file: "README.md", text: "#### Cookie session store\n\n```yaml\nauth:\n  type: rails\n  cookie: _app_session\n\n  rails:\n    # Rails version this is used for reading the\n    # various cookies formats.\n    version: 5.2\n\n    # Found in 'Rails.application.config.secret_key_base'\n    secret_key_base: {HEX128}\n```\n", rule: Some("rails-secret-key-base") },
    // index 49115864713
    Case { family: RUBY, form: "q17.2 ruby initializer secret_key_base 128 hex", file: "config/initializers/secret_token.rb", text: "# Make sure the secret is at least 30 characters and all random,\n# no regular words or you'll be exposed to dictionary attacks.\n# You can use `rake secret` to generate a secure secret key.\n\n# Make sure your secret_key_base is kept private\n# if you're sharing your code publicly.\nDbServer::Application.config.secret_key_base = '{HEX128}'\n", rule: Some("rails-secret-key-base") },
    // ---------------------------------------------------------------- q18 `password: ENV[`
    // index 40709076333
    Case { family: RUBY, form: "q18.1 ruby sinatra database hash password from ENV", file: "app.rb", text: "require 'pg'\n\nset :database, {adapter: 'postgresql', database: 'users', \nusername: 'postgres', password: ENV['PG'] }\nenable :sessions\n", rule: None },
    // index 34073146473
    Case { family: OTHER, form: "q18.2 swift credentials password from env dictionary force unwrapped", file: "Tests/GDTFShareTests.swift", text: "@Suite\nstruct GDTFShare {\n    let downloadFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(\"Fixtures\")\n    let credentials = Credentials(username: \"SwiftGDTF\", password: env[\"GDTF_SHARE_PASSWORD\"]!)\n", rule: None },
    // ---------------------------------------------------------------- q19 `$mail->Password`
    // index 49243463085
    Case { family: PHP, form: "q19.1 php phpmailer gmail app password in four groups", file: "send_mail.php", text: "    $mail = new PHPMailer(true);\n    try {\n        $mail->isSMTP();\n        $mail->Host = 'smtp.gmail.com';\n        $mail->SMTPAuth = true;\n        $mail->Username = 'someone@example.com';\n        $mail->Password = '{GAPP}';\n        $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;\n        $mail->Port = 587;\n", rule: Some("generic-password") },
    // index 18030519030
    Case { family: PHP, form: "q19.2 php phpmailer aligned gmail app password 16 lowercase", file: "register.php", text: "                        $mail->SMTPAuth   = true;                                   //Enable SMTP authentication\n                        $mail->Username   = 'someone@example.com';                     //SMTP username\n                        $mail->Password   = '{QQ16}';                               //SMTP password\n                        $mail->SMTPSecure = 'tls';            //Enable implicit TLS encryption\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q20 `secretKeyRef:`
    // index 29501165068
    Case { family: K8S, form: "q20.1 k8s daemonset env DD_API_KEY from secretKeyRef", file: "k8s/datadog-agent.yaml", text: "      containers:\n        - name: datadog-agent\n          image: datadog/agent:latest\n          env:\n            - name: DD_API_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: datadog-secret\n                  key: api-key\n            - name: DD_LOGS_ENABLED\n              value: \"true\"\n", rule: None },
    // index 54550402873
    Case { family: DOC, form: "q20.2 markdown k8s gateway api key from secretKeyRef", file: "docs/vi/deploy.md", text: "      containers:\n      - name: gateway\n        image: portkeyai/gateway:latest\n        ports:\n        - containerPort: 8787\n        env:\n        - name: PORTKEY_GATEWAY_API_KEY\n          valueFrom:\n            secretKeyRef:\n              name: portkey-secrets\n              key: gateway-api-key\n", rule: None },
    // ---------------------------------------------------------------- q21 `MYSQL_ROOT_PASSWORD:`
    // index 17476665
    Case { family: DOC, form: "q21.1 markdown compose mysql root password digits", file: "content/posts/docker-compose.md", text: "## Config file\n```yml\nversion: '3.1'\n\nservices:\n  db:\n    image: mysql:5.7\n    environment:\n      MYSQL_ROOT_PASSWORD: {DIG6}\n      MYSQL_USER: gin_layout\n      MYSQL_PASSWORD: gin_layout\n      MYSQL_DATABASE: gin_layout\n    command: --default-authentication-plugin=mysql_native_password\n", rule: Some("generic-password") },
    // index 36033515925
    Case { family: DOC, form: "q21.2 markdown text block compose mysql root password digits", file: "notes/django.md", text: "```text\n1. Start a MySQL database\n# docker-compose.yaml\nversion: '3'\nservices:\n  mysql:\n    image: 'mysql/mysql-server:5.7'\n    restart: always\n    container_name: mysql\n    environment:\n      MYSQL_ROOT_PASSWORD: {DIG6}\n    command:\n      --default-authentication-plugin=mysql_native_password\n      --character-set-server=utf8mb4\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q22 `NPM_TOKEN=`
    // index 10903205905
    Case { family: DOC, form: "q22.1 markdown prose build-arg NPM_TOKEN elision", file: "docs/docker.md", text: "**Real incident caused by mixing these up:** A developer needed an NPM token to install private packages during `docker build`. They passed it as `--build-arg NPM_TOKEN=...` and then did `ENV NPM_TOKEN=$NPM_TOKEN`. The token was baked into every image layer.\n", rule: None },
    // index 52375149565
    Case { family: SHELL, form: "q22.2 shell NPM_TOKEN from argument written to npmrc", file: "scripts/publish.sh", text: "#!/bin/bash\n\nset -eu pipefail\n\nNPM_TOKEN=$1\n\n# Configure npm for publishing\necho \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n\npnpm run dry-run\n", rule: None },
    // ---------------------------------------------------------------- q23 `resource "aws_db_instance"`
    // index 34701844893
    Case { family: HCL, form: "q23.1 terraform db instance credentials from variables", file: "main.tf", text: "resource \"aws_db_instance\" \"sample_database\" {\n  allocated_storage    = 10\n  db_name              = \"sampleDatabase\"\n  engine               = \"postgres\"\n  engine_version       = \"14.1\"\n  instance_class       = \"db.t3.micro\"\n  username             = var.db_username\n  password             = var.db_password\n  skip_final_snapshot  = true\n}\n", rule: None },
    // index 43544480433
    Case { family: HCL, form: "q23.2 terraform managed master password and jsondecode of secret", file: "modules/db/main.tf", text: "resource \"aws_db_instance\" \"this\" {\n  identifier                  = \"db-${var.env}\"\n  username                    = \"dolpinuser\"\n  db_name                     = \"dolpin\"\n  manage_master_user_password = true\n}\n\nresource \"aws_secretsmanager_secret_version\" \"backend_db_secret_value\" {\n  secret_id = aws_secretsmanager_secret.backend_db_credentials.id\n\n  secret_string = jsonencode({\n    host     = aws_db_instance.this.endpoint\n    port     = 5432\n    username = \"dolpinuser\"\n    password = jsondecode(data.aws_secretsmanager_secret_version.rds_auto_secret_version.secret_string).password\n  })\n}\n", rule: None },
    // ---------------------------------------------------------------- q24 `provider "azurerm"`
    // index 1923957
    Case { family: HCL, form: "q24.1 terraform variable default acctest resource name", file: "testdata/main.tf", text: "provider \"azurerm\" {\n  features {\n  }\n}\n\nvariable \"resource_name\" {\n  type    = string\n  default = \"acctest049822\"\n}\n\nvariable \"location\" {\n  type    = string\n  default = \"eastus2euap\"\n}\n", rule: None },
    // index 27603605007
    Case { family: HCL, form: "q24.2 terraform commented backend and provider features", file: "infra/main.tf", text: "  # backend \"azurerm\" {\n  #   resource_group_name   = \"terraform-state-rg\"\n  #   storage_account_name  = \"terraformstatestg\"\n  #   container_name        = \"tfstate\"\n  #   key                   = \"employee-management.tfstate\"\n  # }\n}\n\nprovider \"azurerm\" {\n  skip_provider_registration = true\n  features {\n    key_vault {\n      purge_soft_delete_on_destroy    = true\n    }\n  }\n}\n", rule: None },
    // ---------------------------------------------------------------- q25 `ENV DATABASE_URL`
    // index 66826328705
    Case { family: DOCKER, form: "q25.1 dockerfile ENV sqlite file DATABASE_URL", file: "Dockerfile", text: "FROM base AS runner\nWORKDIR /app\nENV NODE_ENV=production\nENV NEXT_TELEMETRY_DISABLED=1\nENV PORT=3000\nENV HOSTNAME=0.0.0.0\nENV DATABASE_URL=file:/app/data/aicomic.db\nENV UPLOAD_DIR=/app/uploads\n", rule: None },
    // index 55949591375
    Case { family: DOCKER, form: "q25.2 dockerfile ENV sqlite DATABASE_URL twice", file: "Dockerfile", text: "# Build the application\nENV NEXT_TELEMETRY_DISABLED=1\nENV DATABASE_URL=file:/app/data/qrtags.db\nRUN bun run build\n\n# Create data directory\nRUN mkdir -p /app/data\n\nEXPOSE 3000\n\nENV PORT=3000\nENV HOSTNAME=\"0.0.0.0\"\nENV DATABASE_URL=file:/app/data/qrtags.db\n", rule: None },
    // ---------------------------------------------------------------- q26 `mysqldump -u`
    // index 48005952441
    Case { family: SHELL, form: "q26.1 shell mysqldump -p glued to variable", file: "backup.sh", text: "backup_file=\"/tmp/wordpress-$BACKUP_NAME-$(date +%s).tar.gz\"\nmysqldump_file=/tmp/mysqldump.sql\n\nmysqldump -u $WORDPRESS_DB_USER -h $WORDPRESS_DB_HOST -p$WORDPRESS_DB_PASSWORD $WORDPRESS_DB_NAME --opt > $mysqldump_file\ntar -czf $backup_file $mysqldump_file $ASSET_PATH\n", rule: None },
    // index 23807184981
    Case { family: DOC, form: "q26.2 markdown mysqldump as root without password", file: "docs/DATABASE.md", text: "```bash\n# Full database backup\nmysqldump -uroot APPDB --single-transaction --routines --triggers \\\n  | gzip > /backup/mysql/APPDB-$(date +%Y%m%d-%H%M%S).sql.gz\n\n# Schema-only backup\nmysqldump -uroot APPDB --no-data --routines --triggers \\\n  > /backup/mysql/APPDB-schema.sql\n```\n", rule: None },
    // ---------------------------------------------------------------- q27 `--password=`
    // index 28554380944
    Case { family: OTHER, form: "q27.1 makefile mysql command --password= weak word", file: "Makefile", text: "mysql := \\\n\tmysql \\\n\t--user=ayuda \\\n\t--password={LOW8} \\\n\tayuda\n\ntypes := creditos total deuda\n", rule: Some("generic-password") },
    // index 36044092159
    Case { family: SHELL, form: "q27.2 shell mysql --password= weak word repeated", file: "scripts/load.sh", text: "#!/bin/sh\nset -euo pipefail\n\nmysql -h 127.0.0.1 --user root --password={LOW8} pacificpoke < sql/drop_tables.sql\nmysql -h 127.0.0.1 --user root --password={LOW8} pacificpoke < sql/create_tables.sql\nmysql -h 127.0.0.1 --user root --password={LOW8} pacificpoke < sql/Types.sql\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q28 `sqlalchemy.url =`
    // index 120408094
    Case { family: DOC, form: "q28.1 rst ini sqlite url and changethis secret", file: "docs/configuration.rst", text: "  pyramid.includes = pyramid_debugtoolbar\n                     pyramid_tm\n  mail.default_sender = yourname@yourhost\n  sqlalchemy.url = sqlite:///%(here)s/Kotti.db\n  kotti.site_title = Kotti\n  kotti.secret = changethis1\n", rule: None },
    // index 20883322054
    Case { family: DOC, form: "q28.2 markdown ini sqlalchemy postgres url with weak password", file: "README.md", text: "**Konfigurasi:**\n```ini\n[app:main]\nuse = egg:gym-booking-backend\n\npyramid.reload_templates = true\npyramid.default_locale_name = en\n\nsqlalchemy.url = postgresql://postgres:{LOW8}@localhost/gym_booking_db\n\n[server:main]\nuse = egg:waitress#main\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- q29 `spring.mail.password=`
    // index 62768910337
    Case { family: DOC, form: "q29.1 html pre properties TU_ fill-ins", file: "README.html", text: "<p>Edit <code>src/main/resources/application-dev.properties</code> with your values:</p>\n\n<pre><code># Cloudinary\ncloudinary.cloud-name=TU_CLOUD_NAME\ncloudinary.api-key=TU_API_KEY\ncloudinary.api-secret=TU_API_SECRET\n\n# Correo\nspring.mail.username=TU_EMAIL\nspring.mail.password=TU_PASSWORD\n</code></pre>\n", rule: None },
    // index 8633093947
    Case { family: DOC, form: "q29.2 markdown yaml datasource data-password digits then xxxx mail password", file: "README.md", text: "    url: jdbc:mysql://localhost:3306/market?characterEncoding=utf8&serverTimezone=UTC\n    data-username: root\n    data-password: {DIG8}\n  main:\n    banner-mode: off\n```\n\n### Mail\n\n```\nspring.mail.default-encoding=UTF-8\nspring.mail.host=smtp.xxx.com\n# sender mailbox password\nspring.mail.password=xxxx\nspring.mail.port=25\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q30 `<property name="password" value="`
    // index 4686105253
    Case { family: XML, form: "q30.1 mybatis xml password bare word", file: "docs/mybatis.md", text: "            <dataSource type=\"POOLED\">\n                <property name=\"driver\" value=\"com.mysql.cj.jdbc.Driver\"/>\n                <property name=\"url\" value=\"jdbc:mysql://db.example.com:3306/study\"/>\n                <property name=\"username\" value=\"root\"/>\n                <property name=\"password\" value=\"password\"/>\n            </dataSource>\n", rule: None },
    // index 44669338753
    Case { family: XML, form: "q30.2 spring beans xml c3p0 password digits", file: "notes/spring-jdbc.md", text: "    <bean id=\"dataSource\" class=\"com.mchange.v2.c3p0.ComboPooledDataSource\">\n        <property name=\"driverClass\" value=\"com.mysql.jdbc.Driver\"></property>\n        <property name=\"jdbcUrl\" value=\"jdbc:mysql://localhost:3306/test\"></property>\n        <property name=\"user\" value=\"root\"></property>\n        <property name=\"password\" value=\"{DIG8}\"></property>\n    </bean>\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- q31 `integrity="sha384-`
    // index 43408683422
    Case { family: OTHER, form: "q31.1 jsp bootstrap link integrity hash", file: "WEB-INF/views/employee.jsp", text: "<head>\n<meta charset=\"utf-8\">\n<title>Insert title here</title>\n<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/bootstrap@4.6.0/dist/css/bootstrap.min.css\" integrity=\"{SRI384}\" crossorigin=\"anonymous\">\n</head>\n", rule: None },
    // index 37926788957
    Case { family: OTHER, form: "q31.2 html bootstrap link integrity hash", file: "dashboard.html", text: "    <!-- Bootstrap CSS -->\n    <link href=\"https://cdn.jsdelivr.net/npm/bootstrap@5.0.2/dist/css/bootstrap.min.css\" rel=\"stylesheet\" integrity=\"{SRI384}\" crossorigin=\"anonymous\">\n    <!-- Custom CSS File -->\n    <link rel=\"stylesheet\" href=\"css/dashboard.css\">\n", rule: None },
    // ---------------------------------------------------------------- q32 `"token": "`
    // index 57958481267
    Case { family: DOC, form: "q32.1 markdown python test sse token hi", file: "docs/plans/sse.md", text: "```python\ndef test_sse_line_format():\n    from app.routers.sse import sse_line, sse_token, sse_done, sse_stage\n    assert sse_line({\"token\": \"hi\"}) == b'data: {\"token\": \"hi\"}\\n\\n'\n    assert b\"token\" in sse_token(\"x\")\n```\n", rule: None },
    // index 646262
    Case { family: PY, form: "q32.2 python mock token response descriptive value", file: "tests/test_scoped_token.py", text: "_MOCK_TOKEN_RESPONSE = {\n    \"id\": \"tok_test123\",\n    \"token\": \"ps_test_scoped_token_value\",\n    \"name\": \"test-token\",\n}\n", rule: None },
    // ---------------------------------------------------------------- p1 `"X-API-Key": "`
    // index 56012888730
    Case { family: PY, form: "p1.1 python headers dict X-API-KEY literal", file: "prices.py", text: "    async def get_ime_data(self):\n        \"\"\"IME Products - in Tomans\"\"\"\n        if self._is_cache_valid(\"ime\"):\n            return self.cache[\"ime\"]\n        \n        headers = {\"X-API-KEY\": \"{K}\"}\n        try:\n            async with httpx.AsyncClient() as client:\n", rule: Some("generic-api-key") },
    // index 53594276520
    Case { family: JS, form: "p1.2 js axios headers x-api-key prefixed hex literal", file: "index.js", text: "const obtenerUsuario = async () => {\n    try {\n        const respuesta = await axios.get('https://reqres.in/api/users/4',{\n\n            headers: {\n                'Authorization': 'Basic' + Buffer.from('someone@example.com').toString('base64'),\n                \"x-api-key\": \"{PRO64}\"\n            }\n        });\n", rule: Some("generic-api-key") },
    // index 30625608090
    Case { family: PY, form: "p1.3 python metabase X-API-Key mb_ base64 literal", file: "inspect_card.py", text: "def main():\n    # Metabase card inspection endpoint\n    url = \"https://metabase.example.com/api/card/5342?ignore_view=true\"\n    \n    # Headers\n    headers = {\n        \"X-API-Key\": \"{MB44}\",\n    }\n    \n    try:\n        response = requests.get(url, headers=headers)\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p2 `Header.Set("Authorization", "Bearer `: no excerpt held a literal credential (variables, and a `secret-bearer` fill-in)
    // ---------------------------------------------------------------- p3 `MYSQL_PASSWORD: `
    // index 8890692081
    Case { family: DOC, form: "p3.1 markdown compose app env MYSQL_PASSWORD weak word", file: "docs/docker-notes.md", text: "   services:\n     app:\n       image: node:12-alpine\n       command: sh -c \"yarn install && yarn run dev\"\n       ports:\n         - 3000:3000\n       working_dir: /app\n       environment:\n         MYSQL_HOST: mysql\n         MYSQL_USER: root\n         MYSQL_PASSWORD: {LOW8}\n         MYSQL_DB: todos\n  ```\n", rule: Some("generic-password") },
    // index 53334206376
    Case { family: OTHER, form: "p3.2 compose root password weak word beside env references", file: "docker-compose.yml", text: "  db:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: {LOW8}\n      MYSQL_DATABASE: ${MYSQL_DATABASE}\n      MYSQL_USER: ${MYSQL_USER}\n      MYSQL_PASSWORD: ${MYSQL_PASSWORD}\n    volumes:\n      - mysql_data:/var/lib/mysql\n", rule: Some("generic-password") },
    // index 56476271346
    Case { family: DOC, form: "p3.3 markdown compose dev mysql root password word date letters", file: "docs/DEPLOY.md", text: "```yaml\nversion: '3.8'\n\nservices:\n  mysql:\n    image: mysql:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: {WDATE}\n      MYSQL_DATABASE: geo_collab\n      MYSQL_USER: geo_user\n    ports:\n      - \"3306:3306\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p4 `mysql -u root -p`
    // index 18058463411
    Case { family: DOC, form: "p4.1 tex notes mysql -u root -p space digits", file: "docker/mysql.md", text: "```tex\n1. enter the container\ndocker exec -it mysql bash\n2. in the container run\nmysql -u root -p {DIG6}\n3. then run\ngrant all privileges on *.*  to 'root'@'%' ;\n", rule: Some("generic-password") },
    // index 36293689841
    Case { family: SHELL, form: "p4.2 shell mysqladmin ping -p glued weak word", file: "entrypoint.sh", text: "#!/bin/sh\n\nlog() {\n  echo \"$(date '+%Y-%m-%d %H:%M:%S') - $1\"\n}\n\nlog \"Waiting for MySQL to be ready...\"\nuntil mysqladmin ping -h mysql -u root -p{LOW8} --silent; do\n  log \"MySQL not ready yet, retrying in 5 seconds...\"\n  sleep 5\ndone\n", rule: Some("generic-password") },
    // index 4785881
    Case { family: DOC, form: "p4.3 markdown sql grant identified by weak word", file: "README.md", text: "## Create database user with mysql\nmysql -u root -p\n```sh\nGRANT ALL PRIVILEGES ON *.* TO root@localhost IDENTIFIED BY '{LOW8}' WITH GRANT OPTION;\nGRANT ALL PRIVILEGES ON *.* TO root@127.0.0.1 IDENTIFIED BY '{LOW8}' WITH GRANT OPTION;\n```\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p5 `aws_secret_access_key=`: no excerpt held a literal credential (variables, getenv, fill-ins)
    // ---------------------------------------------------------------- p6 `token = "`
    // index 37907732009
    Case { family: JS, form: "p6.1 jsx const token lowercase literal posted with id", file: "src/pages/Thanks/index.js", text: "    getOrder(id){\n        const token = \"{LOWTOK}\";\n  \n          axios.post(`https://handler.example.com/api/order/get`, { id, token })\n            .then((result) => {\n              this.setState({\n                  orders: result.data.data[0]\n              })\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- p7 `JWT_SECRET=`
    // index 52998251349
    Case { family: DOC, form: "p7.1 markdown backend env AUTH_PASSWORD weak beside fill-in secrets", file: "CLAUDE.md", text: "**`backend/.env`** (passed as docker-compose env too):\n```\nDATABASE_URL=postgresql://taskboard:taskboard_secret@postgres:5432/taskboard\nJWT_SECRET=change_this_secret_in_production\nPORT=3001\nAUTH_USERNAME=admin\nAUTH_PASSWORD={LW}\nWEBHOOK_SECRET=change_this_webhook_secret\n```\n", rule: Some("generic-password") },
    // index 55759936780
    Case { family: DOC, form: "p7.2 markdown env DATABASE_URL postgres password weak word", file: "docs/SETUP.md", text: "If there is no `.env.example`, create `apps/api/.env` with:\n```\nDATABASE_URL=postgres://postgres:{LOW8}@localhost:5432/education_gestor\nJWT_SECRET=supersecretkey_change_in_production_minimum_32_chars\nPORT=3333\nNODE_ENV=development\n```\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- p8 `DATABASE_URL=postgres://`
    // index 42711308065
    Case { family: DOC, form: "p8.1 markdown bootstrap defaults app password in DATABASE_URL", file: "backend/scripts/README.md", text: "  - DB name: `DB_NAME=physio`\n  - app user/pass: `DB_APP_USER=physio_app`, `DB_APP_PASS={SNAKE}`\n  After running, set `DATABASE_URL=postgres://physio_app:{SNAKE}@localhost:5432/physio?sslmode=disable`.\n", rule: Some("postgres-url-password") },
    // index 61016495365
    Case { family: DOC, form: "p8.2 markdown text block backend env postgres url weak word", file: "README.md", text: "## Backend environment variables\n\n```text\nHTTP_ADDR=:8080\nDATABASE_URL=postgres://powertemp:{LOW8}@postgres:5432/powertemp?sslmode=disable\nSIMULATOR_URL=http://sensor-simulator:8090\nEXPORT_DIR=/app/exports\n```\n", rule: Some("postgres-url-password") },
    // ---------------------------------------------------------------- p9 `secret_key = "`
    // index 32009281044
    Case { family: PY, form: "p9.1 python flask secret_key lowercase nonsense literal", file: "app.py", text: "from flask import Flask, render_template, request, redirect, url_for, flash\nfrom surveys import surveys\n\napp= Flask(__name__)\napp.secret_key = \"{LOWSEC}\"\n\nresponses = []\n", rule: Some("generic-secret") },
    // index 48059345094
    Case { family: JAVA, form: "p9.2 java static final SECRET_KEY digits with salt", file: "src/utils/TrippleDesASCUtils.java", text: "public class TrippleDesASCUtils {\n    /* Private variable declaration */\n    private static final String SECRET_KEY = \"{DIG9}\";\n    private static final String SALTVALUE = \"abcdefg\";\n\n    /* Encryption Method */\n    public static String encrypt(String strToEncrypt) throws UnsupportedEncodingException, java.security.InvalidKeyException {\n", rule: Some("generic-secret") },
    // index 1529619
    Case { family: HCL, form: "p9.3 terraform provider aws access_key and secret_key literals", file: "main.tf", text: "# AWS provider configuration with explicit credentials\nprovider \"aws\" {\n  region     = var.region\n  access_key = \"{AKID}\"\n  secret_key = \"{AWSS}\"\n}\n\n# Create IAM user\nresource \"aws_iam_user\" \"terraform_user\" {\n  name = \"terraformuser\"\n}\n", rule: Some("aws-secret-access-key") },
    // ---------------------------------------------------------------- p10 `"ApiKey": "`
    // index 38167748525
    Case { family: PY, form: "p10.1 python pyrebase firebaseConfig apiKey", file: "spambot.py", text: "from pyrebase import pyrebase\n\n# Firebase project configurations\nfirebaseConfig = {\"apiKey\": \"{GAK}\",\n                  \"authDomain\": \"spambot-f9b9e.firebaseapp.com\",\n                  \"projectId\": \"spambot-f9b9e\",\n", rule: Some("google-api-key") },
    // index 25534269515
    Case { family: PY, form: "p10.2 python flet pyrebase firebaseConfig apiKey multi-line", file: "main.py", text: "import flet as ft\nimport pyrebase\n\nfirebaseConfig = {\n  \"apiKey\": \"{GAK}\",\n  \"authDomain\": \"authentication-d1616.firebaseapp.com\",\n  \"projectId\": \"authentication-d1616\",\n  \"messagingSenderId\": \"242629951802\",\n", rule: Some("google-api-key") },
    // ---------------------------------------------------------------- p11 `minio.New(`
    // index 45532082684
    Case { family: GO, form: "p11.1 go minio accessKeyID and secretAccessKey literals", file: "main.go", text: "func InitMinio() *minio.Client {\n\tendpoint := \"203.0.113.5:5000\"\n\taccessKeyID := \"{MINIOID}\"\n\tsecretAccessKey := \"{AWSS}\"\n\tuseSSL := false\n\n\t// Initialize minio client object.\n\tminioClient, err := minio.New(endpoint, &minio.Options{\n\t\tCreds:  credentials.NewStaticV4(accessKeyID, secretAccessKey, \"\"),\n\t\tSecure: useSSL,\n\t})\n", rule: Some("aws-secret-access-key") },
    // ---------------------------------------------------------------- p12 `String password = "`
    // index 6003109758
    Case { family: JAVA, form: "p12.1 java static final PASSWORD word word digits", file: "src/main/java/App.java", text: "public class App\n{\n    private static final String URL = \"jdbc:sqlserver://203.0.113.9\\\\MSSQLSERVER:1433;database=Hostel;trustServerCertificate=true\";\n    private static final String LOGIN = \"admin\";\n    private static final String PASSWORD = \"{CW}\";\n\n    public static void main( String[] args ){\n", rule: Some("generic-password") },
    // index 48064200798
    Case { family: JAVA, form: "p12.2 java local hotspot password word at digits", file: "app/src/main/java/HotspotActivity.java", text: "    private void startHotspot() {\n        String ssid = \"edubox\";\n        String password = \"{LWAT}\";\n        boolean success = hotspotManager.startHotspot(ssid, password);\n        if (success) {\n", rule: Some("generic-password") },
    // index 24128776308
    Case { family: JAVA, form: "p12.3 java DAO static final PASSWORD strong literal", file: "src/DAO.java", text: "public class DAO {\n    private static final String CONN_URL = \"jdbc:mysql://db.example.org:3306/\";\n    private static final String DB_NAME = \"RotaSystem\";\n    private static final String USER = \"2022d_JTurner\";\n    private static final String PASSWORD = \"{W16}\";\n    \n    public static ResultSet ExecuteQuery(String sql) throws SQLException {\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p13 `$mail->Password = '`
    // index 71523353781
    Case { family: PHP, form: "p13.1 php phpmailer office365 password word at digits", file: "mail/send.php", text: "\t$mail->IsSMTP();\n\t$mail->Host = \"outlook.office365.com\";\n\t$mail->SMTPAuth = true;\n\t//$mail->SMTPSecure = \"ssl\";\n\t$mail->Username = 'workflow@example.com';\n\t$mail->Password = '{LWAT}';\n\t$mail->Port       = \"587\";                    // set the SMTP port\n", rule: Some("generic-password") },
    // index 5855022621
    Case { family: PHP, form: "p13.2 php phpmailer gmail app password groups with replace comment", file: "checkout.php", text: "    $mail->isSMTP();\n    $mail->Host = 'smtp.gmail.com';\n    $mail->SMTPAuth = true;\n    $mail->Username = 'someone@example.com'; // Replace with your Gmail email\n    $mail->Password = '{GAPP}'; // Replace with your Gmail password\n    $mail->SMTPSecure = 'ssl';\n    $mail->Port = 465;\n", rule: Some("generic-password") },
    // index 40825989711
    Case { family: PHP, form: "p13.3 php phpmailer password lowercase word with trailing at", file: "enviar.php", text: "        $mail->SMTPSecure = 'tls';  \n        $mail->SMTPAutoTLS = false;\n        $mail->Username = 'someone@example.com'; // existing mailbox on your domain\n        $mail->Password = '{LOWAT}'; // your mailbox password\n        \n        // SENDER\n        $mail->Sender = \"someone@example.com\";\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- p14 `'Authorization': 'Bearer `
    // index 8036379106
    Case { family: JS, form: "p14.1 js fetch headers bearer sendgrid key", file: "src/mail.js", text: "    fetch('https://api.sendgrid.com/v3/mail/send', {\n      method: 'POST',\n      headers: {\n        'Authorization': 'Bearer {SGK}',\n        'Content-Type': 'application/json'\n      },\n", rule: Some("sendgrid-api-key") },
    // ---------------------------------------------------------------- p15 `authenticate_with_token(`: no excerpt held a literal credential (`TOKEN` stand-in, variables)
    // ---------------------------------------------------------------- p16 `SPELL_TOKEN=`
    // index 6974495450
    Case { family: DOC, form: "p16.1 markdown vercel env block prefixed hex api key first of several", file: "DEPLOY.md", text: "Add these for **ALL environments** (Production, Preview, Development):\n\n```\nAGENTMAIL_API_KEY={AM64}\nCONVEX_DEPLOYMENT=dev:notable-puma-25\n```\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- p17 `.signWith(`: no excerpt held a literal credential (variables; a descriptive `forged-doc-only-wrong-secret` test key)
    // ---------------------------------------------------------------- r1 `password_hash(`
    // index 71654360098
    Case { family: PY, form: "r1.1 python seed admin user password_hash from variable", file: "seed.py", text: "        admin_user = User.query.filter_by(email=admin_email).first()\n        if not admin_user:\n            admin_user = User(\n                full_name=admin_name,\n                email=admin_email,\n                password_hash=generate_password_hash(password),\n                role=\"secretary\",\n                must_change_password=False\n            )\n", rule: None },
    // index 543523
    Case { family: PY, form: "r1.2 python bcrypt hashed password decode", file: "backend/resources/auth.py", text: "        confirm_password_equal_password(args.password, args.confirm_password)\n        hashed_password = bcrypt.generate_password_hash(\n            args.password).decode('utf-8')\n        new_user = User(name=args.name, email=args.email,\n                        password=hashed_password, register_date=datetime.datetime.now())\n", rule: None },
    // ---------------------------------------------------------------- r2 `api_key: str`
    // index 54081466132
    Case { family: PY, form: "r2.1 python function parameter api_key annotation", file: "clyro/mcp/agent_id.py", text: "_UNCONFIRMED_SUFFIX = \".unconfirmed\"\n\n\ndef _extract_org_id_from_api_key(api_key: str) -> UUID | None:\n    \"\"\"Extract org_id from JWT-style API key WITHOUT signature verification.\"\"\"\n    try:\n        import base64 as _b64\n", rule: None },
    // index 71654279332
    Case { family: PY, form: "r2.2 python method default api_key None", file: "providers/vanguard.py", text: "class VanguardProvider:\n    provider_id = 'vanguard'\n\n    def fetch(self, provider: dict, resource: dict, api_key: str | None = None):\n        subject = str(resource.get('subject') or resource.get('entity_id') or 'VT')\n", rule: None },
    // ---------------------------------------------------------------- r3 `token: string;`
    // index 13829305656
    Case { family: JS, form: "r3.1 ts interface token string field", file: "src/connectors/github.ts", text: "export interface GitHubConfig {\n  token: string;\n  owner: string;\n  repo: string;\n  webhookSecret?: string;\n  defaultBranch?: string;\n}\n", rule: None },
    // index 1528896
    Case { family: JS, form: "r3.2 ts test hashes a literal fixture password", file: "src/modules/deliveries/useCases/findAll.spec.ts", text: "let user: User;\nlet deliveryman_token: string;\n\ndescribe('FindAllDeliveriesReceivedController', () => {\n  beforeAll(async () => {\n    const password = await bcryptHashProvider.generateHash('{RS15}');\n\n    user = await prismaUsersRepository.create({\n      name: 'Aliya Bailey',\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- r4 `secretName:`
    // index 15974968736
    Case { family: DOC, form: "r4.1 markdown helm ingress tls secretName", file: "docs/helm-graphql.md", text: "```yaml\ningress:\n  tls:\n    - hosts:\n        - foo.example.com\n        - bar.example.com\n      secretName: graphql-ingress-tls\n```\n", rule: None },
    // index 47489977991
    Case { family: DOC, form: "r4.2 markdown cert-manager certificate secretName", file: "docs/design.md", text: "```yaml\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: ignition-sync-webhook-cert\n  namespace: ignition-sync-operator-system\nspec:\n  secretName: ignition-sync-webhook-cert\n  issuerRef:\n    name: selfsigned-issuer\n    kind: Issuer\n```\n", rule: None },
    // ---------------------------------------------------------------- r5 `process.env.API_KEY`
    // index 27388291734
    Case { family: JS, form: "r5.1 ts GoogleGenAI apiKey non-null env", file: "server/index.ts", text: "const transporter = process.env.SMTP_USER\n  ? nodemailer.createTransport({\n      host: \"smtp.gmail.com\",\n      auth: {\n        user: process.env.SMTP_USER,\n        pass: process.env.SMTP_PASS,\n      },\n    })\n  : null;\n\nconst ai = new GoogleGenAI({ apiKey: process.env.API_KEY! });\n", rule: None },
    // index 5907834
    Case { family: JS, form: "r5.2 ts config auth token env or empty and hex addresses", file: "src/config.ts", text: "    uniswapV2ExchangeRouterAddress:\n      '0xF9234CB08edb93c0d4a4d4c70cC3FfD070e78e07',\n    rpcPollingMaxAllowedStateDelayInBlocks: 0,\n    hashFlowAuthToken: process.env.API_KEY_HASHFLOW_AUTH_TOKEN || '',\n    hashFlowDisabledMMs:\n      process.env[`HASHFLOW_DISABLED_MMS_1`]?.split(',') || [],\n", rule: None },
    // ---------------------------------------------------------------- r6 `@Value("${jwt.secret}")`
    // index 49414697915
    Case { family: JAVA, form: "r6.1 java spring Value jwt secret field", file: "src/main/java/security/JwtTokenProvider.java", text: "@Service\npublic class JwtTokenProvider {\n    @Value(\"${jwt.secret}\")\n    private String secretKey;\n\n    @Value(\"${jwt.expiration}\")\n    private long validityInMillis;\n", rule: None },
    // index 8731285700
    Case { family: JAVA, form: "r6.2 java spring Value jwt secret two-space indent", file: "src/main/java/service/JwtAccountDetailsService.java", text: "public class JwtAccountDetailsService implements UserDetailsService {\n\n  @Value(\"${jwt.secret}\")\n  private String secretKey;\n  @Value(\"${jwt.expiration}\")\n  private long expiration;\n", rule: None },
    // ---------------------------------------------------------------- r7 `password_file`
    // index 10903218267
    Case { family: PY, form: "r7.1 python constants master password file path", file: "bills.py", text: "# Encryption configuration\nENCRYPTION_KEY_FILE = '.encryption_key'\nSALT_FILE = '.salt'\nMASTER_PASSWORD_FILE = '.master_password'\n\n# Session timeout configuration\nSESSION_TIMEOUT_MINUTES = 0.5\n", rule: None },
    // index 65789969772
    Case { family: SHELL, form: "r7.2 shell heredoc env file empty VNC_PASSWORD_FILE", file: "scripts/init-env.sh", text: "CHROME_PROFILE_DIR=${profile_dir}\nCHROME_BIN=${chrome_bin}\n\n# Required. Create with: make set-vnc-password\n# VNC/noVNC refuse to start without this file.\nVNC_PASSWORD_FILE=\nEOF\n  chmod 600 \"$env_file\"\n", rule: None },
    // ---------------------------------------------------------------- r8 `credentials("`
    // index 42701090880
    Case { family: OTHER, form: "r8.1 kotlin test sign-in credentials numbered stand-ins", file: "src/test/kotlin/SignInServiceTest.kt", text: "    @Test\n    fun should_give_a_user_with_valid_credentials_access() = runTest {\n        val conundrum = service.signIn(SignInCredentials(\"user01@test.com\", \"pass1\")).await()\n        expect(conundrum.user.tag).toBe(\"user-one\")\n    }\n\n    @Test\n    fun should_not_give_a_user_with_valid_credentials_access() = runTest {\n        try {\n            service.signIn(SignInCredentials(\"username\", \"password\")).await()\n", rule: None },
    // index 15142542735
    Case { family: JAVA, form: "r8.2 java minio builder default minioadmin credentials", file: "src/main/java/service/MinioService.java", text: "    private MinioClient getClient() {\n        return MinioClient.builder()\n            .endpoint(\"http://localhost:9000\")\n            .credentials(\"minioadmin\", \"minioadmin\")\n            .build();\n    }\n", rule: None },
];

#[test]
fn tuning_real10() {
    SET.measure("tuning_real10", CASES, 10_010, 46, 62);
}
