//! Table-driven tests, through the built-in rules, of the forms the sixth held-aside set and
//! the set sampled from real code missed (issue 13, branch `recall6`): secrets passed by
//! position to well-known calls (PyJWT, jsonwebtoken, pika, Perl DBI, the MySQL C API,
//! lua-resty-redis, Ruby calls without parentheses). Each positive names the rule that must
//! report the value; each negative must give no finding of any generic rule. `{V}` is the
//! made-up secret `tests_unlisted5` builds at run time (its `check_all` runs these tables).

use super::tests_unlisted5::check_all;

#[test]
fn secrets_passed_by_position_to_well_known_calls() {
    check_all(
        &[
            (
                "svc/session.py",
                "token = jwt.encode(claims, '{V}')\n",
                "generic-secret",
            ),
            (
                "api/login.ts",
                "res.json({ token: jwt.sign(payload, \"{V}\") });\n",
                "generic-secret",
            ),
            (
                "consumer.py",
                "creds = PlainCredentials('worker', '{V}')\n",
                "generic-password",
            ),
            (
                "lib/Db.pm",
                "my $db = DBI->connect($dsn, 'report', '{V}');\n",
                "generic-password",
            ),
            (
                "db.c",
                "if (!mysql_real_connect(db, \"localhost\", \"root\", \"{V}\", \"app\", 0, NULL, 0))\n",
                "generic-password",
            ),
            (
                "cache.lua",
                "local ok, err = client:auth(\"{V}\")\n",
                "generic-password",
            ),
            (
                "lib/feed.rb",
                "request.basic_auth \"reader\", \"{V}\"\n",
                "generic-password",
            ),
        ],
        &[
            ("svc/session.py", "token = jwt.encode(claims, key)\n"),
            ("svc/session.py", "token = jwt.encode(claims, settings.JWT_KEY)\n"),
            ("api/login.ts", "jwt.sign(payload, process.env.JWT_SECRET)\n"),
            ("lib/Db.pm", "my $db = DBI->connect($dsn, $user, $pass);\n"),
            ("app.py", "conn = client.connect(\"db.example\", \"app\", \"{V}\")\n"),
            ("cache.lua", "local ok, err = client:auth(password)\n"),
            ("util.py", "data = codec.encode(text, \"utf-8\")\n"),
            ("lib/feed.rb", "request.basic_auth user, pass\n"),
            ("consumer.py", "creds = PlainCredentials(user, secret)\n"),
        ],
    );
}

#[test]
fn private_keys_service_keys_and_passwords_in_other_languages() {
    check_all(
        &[
            (
                "settings.py",
                "RECAPTCHA_PRIVATE_KEY = '{V}'\n",
                "generic-secret",
            ),
            (
                "config/push.js",
                "webpush.setVapidDetails(subject, publicKey, process.env.X);\nconst vapidPrivateKey = \"{V}\";\n",
                "generic-secret",
            ),
            (
                "tests/fixtures.py",
                "env = {\"SUPABASE_SERVICE_ROLE_KEY\": \"{V}\"}\n",
                "generic-api-key",
            ),
            ("docs/deploy.md", "- 数据库密码：`{V}`\n", "generic-password"),
            ("docs/setup.md", "パスワード: {V}\n", "generic-password"),
            ("docs/Einrichtung.md", "Passwort: {V}\n", "generic-password"),
        ],
        &[
            ("settings.py", "PRIVATE_KEY_PATH = 'keys/dev.pem'\n"),
            ("config.yml", "private_key: /etc/ssl/private/server.key\n"),
            ("config.js", "const vapidPublicKey = \"{V}\";\n"),
            ("keys.json", "{\"private_key_id\": \"key-id-for-tests\"}\n"),
            ("app.py", "private_key = load_key(path)\n"),
            ("locales/zh.json", "{\"password\": \"密码\", \"login\": \"登录\"}\n"),
            ("locales/zh.json", "{\"密码\": \"Password\"}\n"),
            ("docs/setup.md", "密码: 请输入您的密码\n"),
            ("settings.py", "SUPABASE_SERVICE_KEY = os.environ[\"SUPABASE_SERVICE_KEY\"]\n"),
        ],
    );
}

#[test]
fn literals_compared_with_a_credential() {
    check_all(
        &[
            (
                "middleware/key.ts",
                "  if (req.header('X-API-Key') !== \"{V}\") { return res.status(403).end(); }\n",
                "generic-api-key",
            ),
            (
                "tests/ClientTests.cs",
                "        Assert.AreEqual(\"{V}\", handler.Headers.GetValues(\"x-api-key\").First());\n",
                "generic-api-key",
            ),
            (
                "tests/test_config.py",
                "        self.assertEqual(settings.DB_PASSWORD, \"{V}\")\n",
                "generic-password",
            ),
            (
                "app/hooks.py",
                "    if request.headers.get(\"X-Webhook-Secret\") == \"{V}\":\n",
                "generic-secret",
            ),
        ],
        &[
            ("util.js", "if (typeof apiKey === 'string' && apiKey !== '') {}\n"),
            ("auth.js", "if (req.get('x-api-key') !== process.env.API_KEY) return deny();\n"),
            ("auth.py", "if token == expected_token:\n"),
            ("auth.py", "if password == \"changeme\":\n"),
            ("auth.go", "if header.Get(\"Authorization\") == \"\" {\n"),
            ("test.cs", "Assert.Equal(\"Bearer\", request.Headers.Authorization.Scheme);\n"),
            ("test.py", "self.assertEqual(resp.status_code, 401)  # bad password\n"),
        ],
    );
}

#[test]
fn option_defaults_declared_by_attributes() {
    check_all(
        &[
            (
                "Cli/Options.cs",
                "    [Option('k', \"api-key\", Required = false, Default = \"{V}\")]\n    public string Key { get; set; }\n",
                "generic-api-key",
            ),
            (
                "src/cli.rs",
                "    /// The service password.\n    #[arg(short, long)]\n    #[arg(default_value = \"{V}\")]\n    db_password: String,\n",
                "generic-password",
            ),
        ],
        &[
            ("src/cli.rs", "    #[arg(long, default_value = \"{V}\")]\n    output_dir: String,\n"),
            ("src/cli.rs", "    #[arg(long, env = \"API_TOKEN\")]\n    api_token: String,\n"),
            ("Cli/Options.cs", "    [Option(\"api-key\", Default = null)]\n    public string Key { get; set; }\n"),
            ("src/cli.rs", "    #[arg(long, default_value = \"changeme\")]\n    api_token: String,\n"),
        ],
    );
}

#[test]
fn unencoded_basic_credentials_and_env_lines_in_comments() {
    check_all(
        &[
            (
                "api/health.http",
                "GET https://example.internal/health\nAuthorization: Basic admin {V}\n",
                "generic-password",
            ),
            (
                "api/health.rest",
                "Authorization: Basic admin:{V}\n",
                "generic-password",
            ),
            (
                "src/lib/db.ts",
                "// Add to .env:\n// DATABASE_PASSWORD={V}\n",
                "generic-password",
            ),
            (
                "scripts/sync.py",
                "# SYNC_API_KEY='{V}'\n",
                "generic-api-key",
            ),
        ],
        &[
            (
                "api/health.http",
                "Authorization: Basic {{user}} {{password}}\n",
            ),
            ("src/lib/db.ts", "// DATABASE_PASSWORD=<your password>\n"),
            (
                "src/lib/db.ts",
                "// Set DATABASE_PASSWORD=... in your .env before running\n",
            ),
            (
                "src/lib/db.ts",
                "// api_token=abc is read from the environment\n",
            ),
            ("src/main.rs", "#[cfg(feature = \"API_TOKEN\")]\n"),
        ],
    );
}

#[test]
fn labelled_values_in_prose() {
    check_all(
        &[
            (
                "docs/access.md",
                "* **Access token:** `{V}`\n",
                "generic-token",
            ),
            ("README.md", "1. API key: {V}\n", "generic-api-key"),
            (
                "src/Demo.jsx",
                "      <li><b>Password:</b> {V}</li>\n",
                "generic-password",
            ),
        ],
        &[
            ("README.md", "- API key: set it in the dashboard\n"),
            ("README.md", "- API key: `<your-api-key>`\n"),
            ("README.md", "The access token: see the section below.\n"),
            (
                "src/Demo.jsx",
                "      <li><b>Password:</b> {password}</li>\n",
            ),
            (
                "docs/a.md",
                "- Token endpoint: `https://auth.example.internal/oauth/token`\n",
            ),
        ],
    );
}
