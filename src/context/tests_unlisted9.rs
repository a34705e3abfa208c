//! Table-driven probes, through the built-in rules, of literal credentials in code and tests
//! written the way the real-code sample `heldout_real2` showed them missed (issue 13, branch
//! `recall9code`). Each table is one class, with rows in other languages and shapes than the
//! sample's case, modelled on public code found by searching for the class: a
//! credential-named constant of a kind the names did not cover (licence keys, JWTs), a map
//! put whose key is a constant naming a credential, a positional argument of a helper named
//! for signing in, seeding users or signing, a literal behind a fallback (`||`, `??`, `or`,
//! a getenv-style default), a literal inside a call or method that only converts it to bytes
//! (`Buffer.from`, `.encode()`, `.getBytes()`), and a literal handed to a test double in place
//! of a credential getter. Negatives of the same shapes (expressions, lookups, placeholders,
//! words) must stay quiet.
//!
//! Rows follow [`super::tests_unlisted8::check_all`]: `{V}` is a made-up secret built at
//! run time, and a positive counts only when its rule reports exactly it.

use super::tests_unlisted8::check_all;

#[test]
fn credential_named_constants_of_other_kinds() {
    check_all(
        &[
            (
                "src/main/java/acme/App.java",
                "    private static final String LICENSE_KEY = \"{V}\";\n",
                "generic-api-key",
            ),
            (
                "src/registerLicense.ts",
                "const licenseKey = (window as any).__SF_LICENSE__ ?? '{V}';\n",
                "generic-api-key",
            ),
            (
                "app/config.py",
                "SYNCFUSION_LICENCE_KEY = \"{V}\"\n",
                "generic-api-key",
            ),
            ("main.go", "const licenseKey = \"{V}\"\n", "generic-api-key"),
            (
                "App.xaml.cs",
                "        SyncfusionLicenseProvider.RegisterLicense(\"{V}\");\n",
                "generic-api-key",
            ),
            (
                "src/test/kotlin/AuthTest.kt",
                "        val expiredJwt = \"{V}\"\n",
                "generic-token",
            ),
            (
                "spec/auth_spec.rb",
                "  let(:jwt) { \"{V}\" }\n",
                "generic-token",
            ),
            ("tests/test_auth.py", "    jwt = \"{V}\"\n", "generic-token"),
        ],
        &[
            (
                "src/registerLicense.ts",
                "const licenseKey = process.env.SYNCFUSION_LICENSE_KEY;\n",
            ),
            ("app/config.py", "    license_key: Optional[str] = None\n"),
            ("app/config.py", "LICENSE_KEY = \"YOUR_LICENSE_KEY_HERE\"\n"),
            ("src/app.ts", "        registerLicense(licenseKey);\n"),
            (
                "src/test/kotlin/AuthTest.kt",
                "    val jwt = JwtBuilder().subject(\"alice\").build()\n",
            ),
            (
                "src/constants.ts",
                "const LICENSE_KEY_HEADER = \"X-License-Key\";\n",
            ),
            (
                "app/config.py",
                "    license_key_path = \"/etc/acme/license.key\"\n",
            ),
            ("tests/test_auth.py", "    jwt = encode_jwt(claims, key)\n"),
        ],
    );
}

#[test]
fn map_puts_under_a_credential_constant() {
    check_all(
        &[
            (
                "src/test/java/StreamsTest.java",
                "    config.put(StreamsConfig.API_SECRET_CONFIG, \"{V}\");\n",
                "generic-secret",
            ),
            (
                "src/test/java/RegistryTest.java",
                "    props.put(AbstractKafkaSchemaSerDeConfig.USER_INFO_CONFIG, \"svc:{V}\");\n",
                "generic-password",
            ),
            (
                "tests/test_settings.py",
                "    settings[Config.API_TOKEN] = \"{V}\"\n",
                "generic-token",
            ),
            (
                "client_test.go",
                "\tcfg.Set(config.KeyPassword, \"{V}\")\n",
                "generic-password",
            ),
            (
                "Tests/ClientTests.cs",
                "        headers.Add(HeaderNames.Authorization, \"Bearer {V}\");\n",
                "generic-token",
            ),
            (
                "src/test/kotlin/ConfigTest.kt",
                "        props[ConfigKeys.DB_PASSWORD] = \"{V}\"\n",
                "generic-password",
            ),
            (
                "test/env.test.js",
                "  map.set(Keys.ACCESS_TOKEN, '{V}');\n",
                "generic-token",
            ),
            (
                "tests/test_registry.py",
                "conf = {\"basic.auth.user.info\": \"svc:{V}\"}\n",
                "generic-password",
            ),
        ],
        &[
            (
                "src/test/java/KafkaTest.java",
                "    props.put(SaslConfigs.SASL_PASSWORD_CONFIG, password);\n",
            ),
            (
                "src/test/java/KafkaTest.java",
                "    props.put(ApiConfig.API_KEY_CONFIG, System.getenv(\"API_KEY\"));\n",
            ),
            (
                "src/test/java/RegistryTest.java",
                "    props.put(AbstractKafkaSchemaSerDeConfig.USER_INFO_CONFIG, userInfo);\n",
            ),
            (
                "tests/test_settings.py",
                "    settings[Config.TOKEN_TYPE] = \"bearer\"\n",
            ),
            (
                "test/env.test.js",
                "  map.set(Keys.ACCESS_TOKEN_URL, 'https://auth.acme.io/oauth/token');\n",
            ),
            (
                "src/test/java/RegistryTest.java",
                "    props.put(USER_INFO_CONFIG, user + \":\" + password);\n",
            ),
            (
                "src/main/java/Registry.java",
                "    props.put(USER_INFO_CONFIG, \"USER_INFO\");\n",
            ),
        ],
    );
}

#[test]
fn positional_arguments_of_sign_in_seed_and_signing_helpers() {
    check_all(
        &[
            ("internal/api/users_test.go", "\tadmin := testutil.SeedAdmin(db, \"{V}\")\n", "generic-password"),
            ("e2e/seed.ts", "  await seedUser(prisma, 'alice@acme.io', '{V}');\n", "generic-password"),
            ("tests/test_views.py", "        self.user = User.objects.create_user(\"alice\", \"alice@acme.io\", \"{V}\")\n", "generic-password"),
            ("spec/support/auth.rb", "    sign_in_with(\"ops@acme.io\", \"{V}\")\n", "generic-password"),
            ("src/test/java/AuthTest.java", "        authService.authenticateUser(\"admin\", \"{V}\");\n", "generic-password"),
            ("Data/SeedData.cs", "        await userManager.CreateAsync(admin, \"{V}\");\n", "generic-password"),
            ("test/sign.test.js", "const sig = crypto.createHmac('sha256', '{V}').update(body).digest('hex');\n", "generic-secret"),
            ("tests/test_webhook.py", "    sig = hmac.new(b\"{V}\", body, hashlib.sha256).hexdigest()\n", "generic-secret"),
            ("src/test/java/ClientIT.java", "        client.setCredentials(new BasicCredentials(\"svc\", \"{V}\"));\n", "generic-password"),
            ("test/client.test.ts", "    const api = new Client().withBasicAuth('svc', '{V}');\n", "generic-password"),
        ],
        &[
            ("internal/api/users_test.go", "\tadmin := testutil.SeedAdmin(db, password)\n"),
            ("tests/conftest.py", "    user = create_user(db, \"alice\", \"alice@example.com\")\n"),
            ("e2e/seed.ts", "  await seedUser(prisma, 'alice@acme.io', 'Alice Example');\n"),
            ("spec/support/auth.rb", "    sign_in_with(user.email, user.password)\n"),
            ("test/sign.test.js", "const sig = crypto.createHmac('sha256', secret).update(body).digest('hex');\n"),
            ("tests/test_webhook.py", "    sig = hmac.new(key, body, hashlib.sha256).hexdigest()\n"),
            ("Data/SeedData.cs", "        await userManager.CreateAsync(admin, adminPassword);\n"),
            ("e2e/login.ts", "  await loginAs(page, '/dashboard/settings');\n"),
            ("tests/test_users.py", "    user = create_user(db, \"alice\", \"3f2b8c1e-9d4a-4c7e-b5a6-0e1f2d3c4b5a\")\n"),
            ("src/test/java/ClientIT.java", "        client.setCredentials(new BasicCredentials(user, password));\n"),
            ("test/client.test.ts", "    const api = new Client().withBasicAuth('svc', process.env.SVC_PASSWORD);\n"),
        ],
    );
}

#[test]
fn literals_behind_a_fallback() {
    check_all(
        &[
            ("app/config.py", "    SECRET_KEY = os.environ.get(\"SECRET_KEY\") or \"{V}\"\n", "generic-secret"),
            ("app/settings.py", "API_TOKEN = os.getenv(\"API_TOKEN\", \"{V}\")\n", "generic-token"),
            ("cmd/server/main.go", "\tapiKey := getEnv(\"API_KEY\", \"{V}\")\n", "generic-api-key"),
            ("config/initializers/acme.rb", "Acme.api_key = ENV[\"ACME_API_KEY\"] || \"{V}\"\n", "generic-api-key"),
            ("config/services.php", "    'secret' => env('STRIPE_SECRET', '{V}'),\n", "generic-secret"),
            ("src/config.rs", "let token = env::var(\"API_TOKEN\").unwrap_or_else(|_| \"{V}\".to_string());\n", "generic-token"),
            ("src/main/java/Config.java", "String secret = Optional.ofNullable(System.getenv(\"APP_SECRET\")).orElse(\"{V}\");\n", "generic-secret"),
            ("Program.cs", "var apiKey = Environment.GetEnvironmentVariable(\"API_KEY\") ?? \"{V}\";\n", "generic-api-key"),
        ],
        &[
            ("app/config.py", "    SECRET_KEY = os.environ.get(\"SECRET_KEY\") or \"change-me\"\n"),
            ("cmd/server/main.go", "\tapiKey := getEnv(\"API_KEY\", \"\")\n"),
            ("config/initializers/acme.rb", "Acme.api_key = ENV[\"ACME_API_KEY\"] || default_key\n"),
            ("config/services.php", "    'secret' => env('STRIPE_SECRET'),\n"),
            ("src/config.rs", "let token = env::var(\"API_TOKEN\").unwrap_or_else(|_| String::new());\n"),
            ("Program.cs", "var apiKey = Environment.GetEnvironmentVariable(\"API_KEY\") ?? throw new InvalidOperationException(\"API_KEY missing\");\n"),
            ("app/settings.py", "API_TOKEN = os.getenv(\"API_TOKEN\", \"your-api-token\")\n"),
        ],
    );
}

#[test]
fn literals_inside_byte_conversions() {
    check_all(
        &[
            ("test/webhook.test.js", "const WEBHOOK_SECRET = 'whsec_' + Buffer.from('{V}').toString('base64');\n", "generic-secret"),
            ("tests/test_hmac.py", "WEBHOOK_SECRET = \"{V}\".encode(\"utf-8\")\n", "generic-secret"),
            ("tests/test_sign.py", "signing_secret = bytes(\"{V}\", \"utf-8\")\n", "generic-secret"),
            ("src/test/java/SignerTest.java", "    byte[] secret = \"{V}\".getBytes(StandardCharsets.UTF_8);\n", "generic-secret"),
            ("test/sig.test.js", "const signingSecret = Buffer.from('{V}', 'utf8');\n", "generic-secret"),
            ("spec/webhook_spec.rb", "  SECRET = Base64.strict_encode64(\"{V}\")\n", "generic-secret"),
            ("src/test/kotlin/SignTest.kt", "    val secret = \"{V}\".toByteArray()\n", "generic-secret"),
            ("Tests/SignTests.swift", "let apiSecret = Data(\"{V}\".utf8)\n", "generic-secret"),
        ],
        &[
            ("test/webhook.test.js", "const WEBHOOK_SECRET = Buffer.from(process.env.WEBHOOK_SECRET, 'base64');\n"),
            ("tests/test_hmac.py", "WEBHOOK_SECRET = os.environ[\"WEBHOOK_SECRET\"].encode(\"utf-8\")\n"),
            ("src/test/java/SignerTest.java", "    byte[] secret = secretProvider.get().getBytes(StandardCharsets.UTF_8);\n"),
            ("src/test/kotlin/SignTest.kt", "    val secret = \"webhook-signing-secret\".toByteArray()\n"),
            ("test/sig.test.js", "const signingSecret = Buffer.from('', 'utf8');\n"),
            ("tests/sign.rs", "let secret = b\"<your-secret-here>\".to_vec();\n"),
            ("test/webhook.test.js", "const WEBHOOK_SECRET = 'whsec_' + Buffer.from(randomBytes(24)).toString('base64');\n"),
        ],
    );
}

#[test]
fn literals_handed_to_test_doubles_and_fixtures() {
    check_all(
        &[
            (
                "test/api.test.js",
                "jest.spyOn(config, 'getApiKey').mockReturnValue('{V}');\n",
                "generic-api-key",
            ),
            (
                "src/test/java/ClientTest.java",
                "    when(config.getApiKey()).thenReturn(\"{V}\");\n",
                "generic-api-key",
            ),
            (
                "spec/client_spec.rb",
                "  let(:api_token) { \"{V}\" }\n",
                "generic-token",
            ),
            (
                "tests/test_cli.py",
                "    monkeypatch.setenv(\"API_TOKEN\", \"{V}\")\n",
                "generic-token",
            ),
            (
                "test/store.test.js",
                "  store.seedToken('{V}', 'user-1');\n",
                "generic-token",
            ),
            (
                "src/test/kotlin/ClientTest.kt",
                "        every { settings.apiSecret } returns \"{V}\"\n",
                "generic-secret",
            ),
        ],
        &[
            (
                "test/api.test.js",
                "jest.spyOn(config, 'getApiKey').mockReturnValue(undefined);\n",
            ),
            (
                "src/test/java/ClientTest.java",
                "    when(config.getApiKey()).thenReturn(apiKey);\n",
            ),
            (
                "spec/client_spec.rb",
                "  let(:api_token) { create(:api_token).token }\n",
            ),
            (
                "tests/test_cli.py",
                "    monkeypatch.setenv(\"API_TOKEN\", token)\n",
            ),
            (
                "src/test/kotlin/ClientTest.kt",
                "        every { settings.apiSecret } returns secretFixture\n",
            ),
            (
                "src/test/java/ClientTest.java",
                "    when(config.getApiKeyName()).thenReturn(\"X-Api-Key-Header\");\n",
            ),
        ],
    );
}
