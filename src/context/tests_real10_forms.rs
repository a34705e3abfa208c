//! Table-driven probes, through the built-in rules, of the families session 15 (branch
//! `recall15`, issue 13) fixed from `tuning_real10`'s misses, each in several syntaxes, with
//! the near misses each must keep quiet:
//!
//! - an AWS secret access key passed by position to the SDKs' static-credential
//!   constructors (Go v1 and v2, Java v1 and v2, .NET, Ruby, JavaScript v2), or written
//!   under a name that says only "secret" beside its `AKIA` key id (Terraform's
//!   `provider "aws"`, a Laravel array, YAML, `.env`); not variables, environment lookups,
//!   AWS's documented example pair, nor a lone 40-character secret with no key id near;
//!   MinIO's `credentials.NewStaticV4` reports its secret as a generic one;
//! - a signing secret someone typed (letters in one case, words run together, a word and
//!   digits) under a signing secret's name: Flask's `app.secret_key`, Django's `SECRET_KEY`,
//!   `jwt.sign(payload, "v")`, PyJWT's `jwt.encode`, `.env` `JWT_SECRET=`, YAML
//!   `session_secret:`, ASP.NET's `"Jwt": {"Key": ...}`; not words, stand-ins, sequences,
//!   references, nor the same values under a generated secret's or a token's name;
//! - a credential left alone in a comment (`#"v"`, `// 'v'`) right above the line that
//!   assigns its name (Python, JS, Go, Ruby); not prose, a digest, a stand-in, nor a
//!   literal beside a name that is no credential's.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret.
//! Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// An AWS secret access key's shape: 40 characters of base64.
fn aws_secret() -> String {
    ["q8Xv2Lm+9Tz", "Rb4/Kw7NpYc3", "Hd6JfS1aGe", "0uVxQi5"].concat()
}

/// An access key id: `AKIA` and 16 of base32's letters and digits.
fn key_id() -> String {
    ["AK", "IA", "Q4XWZJ7N2VB5KD3M"].concat()
}

/// A typed signing secret: lowercase letters, no word in it.
fn typed() -> String {
    ["uvzh", "masq", "xezy", "tkwb"].concat()
}

/// A typed signing secret: letters and two digits.
fn typed_digits() -> String {
    ["buech", "elej", "edi", "16"].concat()
}

/// A passphrase run together: words of another language, digits and a mark.
fn phrase() -> String {
    ["EstaEs", "UnaClave", "LargaPara", "FirmarTokens", "731!"].concat()
}

/// A Speckle token's shape: 42 lowercase hex digits.
fn speckle() -> String {
    [
        "3f9a1c", "7be2d4", "90c5a8", "e61f3b", "d27a94", "c0e8b5", "1d6f2a",
    ]
    .concat()
}

/// A generated key: 24 base62 characters.
fn key() -> String {
    ["Kq9wZ2vX", "p4LmTt7R", "bN3cY8dH"].concat()
}

fn secrets() -> Vec<String> {
    vec![
        aws_secret(),
        typed(),
        typed_digits(),
        phrase(),
        speckle(),
        key(),
    ]
}

fn fill(text: &str) -> String {
    text.replace("{AWS}", &aws_secret())
        .replace("{AKID}", &key_id())
        .replace("{TYPED}", &typed())
        .replace("{TD}", &typed_digits())
        .replace("{PHRASE}", &phrase())
        .replace("{SPK}", &speckle())
        .replace("{KEY}", &key())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const AWS_PAIRS: Rows<'static> = (
    &[
        ("main.go", "\tsess, err := session.NewSession(&aws.Config{\n\t\tCredentials: credentials.NewStaticCredentials(\"{AKID}\", \"{AWS}\", \"\"),\n\t})\n", "aws-secret-access-key"),
        ("internal/s3.go", "\tcfg.Credentials = credentials.NewStaticCredentialsProvider(\"{AKID}\", \"{AWS}\", \"\")\n", "aws-secret-access-key"),
        ("src/main/java/S3Config.java", "        AWSCredentials credentials = new BasicAWSCredentials(\"{AKID}\", \"{AWS}\");\n", "aws-secret-access-key"),
        ("src/main/java/S3Client.java", "        var creds = AwsBasicCredentials.create(\"{AKID}\", \"{AWS}\");\n", "aws-secret-access-key"),
        ("Services/Storage.cs", "        var credentials = new BasicAWSCredentials(\"{AKID}\", \"{AWS}\");\n", "aws-secret-access-key"),
        ("lib/uploader.rb", "  creds = Aws::Credentials.new('{AKID}', '{AWS}')\n", "aws-secret-access-key"),
        ("src/upload.js", "AWS.config.credentials = new AWS.Credentials('{AKID}', '{AWS}');\n", "aws-secret-access-key"),
        ("main.tf", "provider \"aws\" {\n  region     = var.region\n  access_key = \"{AKID}\"\n  secret_key = \"{AWS}\"\n}\n", "aws-secret-access-key"),
        ("config/filesystems.php", "        's3' => [\n            'key' => '{AKID}',\n            'secret' => '{AWS}',\n            'region' => 'us-east-1',\n        ],\n", "aws-secret-access-key"),
        ("config/storage.yml", "amazon:\n  service: S3\n  access_key_id: {AKID}\n  secret_key: {AWS}\n", "aws-secret-access-key"),
    ],
    &[
        ("main.go", "\t\tCredentials: credentials.NewStaticCredentials(accessKey, secretKey, \"\"),\n"),
        ("main.go", "\t\tCredentials: credentials.NewStaticCredentials(os.Getenv(\"AWS_ACCESS_KEY_ID\"), os.Getenv(\"AWS_SECRET_ACCESS_KEY\"), \"\"),\n"),
        ("src/main/java/S3Config.java", "        AWSCredentials credentials = new BasicAWSCredentials(Const.S3_ACCESS_KEY, Const.S3_SECRET_KEY);\n"),
        ("src/main/java/S3Config.java", "        AWSCredentials credentials = new BasicAWSCredentials(\"key\", \"secret\");\n"),
        ("lib/uploader.rb", "  creds = Aws::Credentials.new(ENV['AWS_ACCESS_KEY_ID'], ENV['AWS_SECRET_ACCESS_KEY'])\n"),
        ("main.tf", "provider \"aws\" {\n  access_key = var.access_key\n  secret_key = var.secret_key\n}\n"),
        ("main.tf", "provider \"aws\" {\n  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n  secret_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n}\n"),
        ("main.tf", "provider \"aws\" {\n  access_key = \"YOUR_ACCESS_KEY\"\n  secret_key = \"YOUR_SECRET_KEY\"\n}\n"),
        ("config/filesystems.php", "            'key' => env('AWS_ACCESS_KEY_ID'),\n            'secret' => env('AWS_SECRET_ACCESS_KEY'),\n"),
    ],
);

#[test]
fn aws_secrets_beside_their_key_ids() {
    check_all("AWS key pairs", AWS_PAIRS);
}

#[rustfmt::skip]
const AWS_NEIGHBOURS: &[(&str, &str, &str)] = &[
    // No key id near: the AWS rule does not claim a lone secret under `secret`.
    ("config/app.yml", "storage:\n  secret: {AWS}\n", "aws-secret-access-key"),
    // MinIO's client is no AWS: its secret is a generic one.
    ("main.go", "\tminioClient, err := minio.New(endpoint, &minio.Options{Creds: credentials.NewStaticV4(\"minio-id-0001\", \"{AWS}\", \"\")})\n", "aws-secret-access-key"),
];

#[test]
fn aws_rule_leaves_lone_secrets_and_minio_alone() {
    let negatives: Vec<(String, String, String)> = AWS_NEIGHBOURS
        .iter()
        .map(|(p, t, r)| (p.to_string(), fill(t), r.to_string()))
        .collect();
    let positives = vec![(
        "main.go".to_string(),
        fill(AWS_NEIGHBOURS[1].1),
        "generic-secret".to_string(),
    )];
    super::probe_check::check_filled_by_rule("AWS neighbours", &positives, &negatives, &secrets());
}

#[rustfmt::skip]
const TYPED_SIGNING_SECRETS: Rows<'static> = (
    &[
        ("app.py", "app = Flask(__name__)\napp.secret_key = \"{TYPED}\"\n", "generic-secret"),
        ("mysite/settings.py", "SECRET_KEY = '{TD}'\n", "generic-secret"),
        ("server.js", "  const myToken = jwt.sign({ email: req.body.email }, '{TD}')\n", "generic-secret"),
        ("auth.py", "    token = jwt.encode(payload, \"{TYPED}\", algorithm=\"HS256\")\n", "generic-secret"),
        (".env", "JWT_SECRET={TYPED}\n", "generic-secret"),
        ("config/default.yml", "server:\n  session_secret: {TD}\n", "generic-secret"),
        ("appsettings.json", "{\n  \"Jwt\": {\n    \"Key\": \"{PHRASE}\",\n    \"Issuer\": \"Api.Auth\"\n  }\n}\n", "generic-api-key|generic-secret"),
        ("src/main/java/Crypto.java", "    private static final String SECRET_KEY = \"{TD}\";\n", "generic-secret"),
    ],
    &[
        ("app.py", "app.secret_key = \"secretkey\"\n"),
        ("app.py", "app.secret_key = \"changeme\"\n"),
        ("app.py", "app.secret_key = \"your_secret_key\"\n"),
        ("app.py", "app.secret_key = \"development\"\n"),
        ("app.py", "app.secret_key = os.urandom(24)\n"),
        ("mysite/settings.py", "SECRET_KEY = 'mysecretkey123'\n"),
        ("server.js", "  const t = jwt.sign(payload, 'secret')\n"),
        ("server.js", "  const t = jwt.sign(payload, 'abcdefghijkl')\n"),
        ("server.js", "  const t = jwt.sign(payload, process.env.JWT_SECRET)\n"),
        (".env", "JWT_SECRET=supersecretjwtkey\n"),
        (".env", "JWT_SECRET=qwertyuiop\n"),
        ("appsettings.json", "{\n  \"Jwt\": {\n    \"Key\": \"YourSuperSecretKeyForJwtTokens\"\n  }\n}\n"),
        ("appsettings.json", "{\n  \"Redis\": {\n    \"Key\": \"{TYPED}\"\n  }\n}\n"),
        ("config.py", "CLIENT_SECRET = \"clientsecretvalue\"\n"),
        ("src/App.js", "const token = \"authorization\";\n"),
        ("k8s/deploy.yaml", "            secretKeyRef:\n              name: {TYPED}\n"),
    ],
);

#[test]
fn typed_signing_secrets_under_their_names() {
    check_all("typed signing secrets", TYPED_SIGNING_SECRETS);
}

#[rustfmt::skip]
const COMMENTED_VALUES: Rows<'static> = (
    &[
        ("main.py", "    speckleServer = serverCol.text_input(\"Server URL\", \"speckle.xyz\")\n    #\"{SPK}\"\n    speckleToken = tokenCol.text_input(\"Speckle token\")\n    client = SpeckleClient(host=speckleServer)\n", "speckle-token"),
        ("src/api.js", "// '{KEY}'\nconst apiKey = process.env.API_KEY;\n", "generic-api-key"),
        ("main.go", "\t// \"{KEY}\"\n\ttoken := os.Getenv(\"SERVICE_TOKEN\")\n", "generic-token"),
        ("lib/client.rb", "  # '{KEY}'\n  api_key = ENV['API_KEY']\n", "generic-api-key"),
    ],
    &[
        ("main.py", "# \"Paste your token below\"\ntoken = input()\n"),
        ("main.py", "# \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\ntoken = os.getenv(\"TOKEN\")\n"),
        ("main.py", "# \"YOUR_API_KEY_HERE\"\napi_key = os.getenv(\"API_KEY\")\n"),
        ("main.py", "# \"{KEY}\"\nname = input()\n"),
        ("main.py", "# \"{KEY}\"\n\nprint(token)\n"),
        ("src/api.js", "// 'getAccessTokenSilently'\nconst token = await getAccessTokenSilently();\n"),
    ],
);

#[test]
fn credentials_left_in_a_comment_beside_their_name() {
    check_all("commented values", COMMENTED_VALUES);
}
