//! Table-driven tests, through the built-in rules, of where credentials sit in the natural
//! distribution of public repositories that the earlier tables under-sampled (issue 13,
//! branch `recallprose`): prose and README setup steps, fenced shell and `.env` blocks in
//! Markdown and reStructuredText, notebooks, docstrings and comments, test code (pytest,
//! jest, Go table tests, JUnit, RSpec), and values whose name says little (`AI_API=v`,
//! `curl -u "v"` with no password). Each positive names the rule that must report the value;
//! each negative (a mention without a value, a placeholder, a reference, an assertion on a
//! variable, an ordinary id) must give no finding of any generic rule. `{V}` is the made-up
//! secret of `tests_unlisted5` (whose `check_all` runs these tables), `{S}` a made-up Speckle
//! token and `{P}` a made-up Spell token, all built at run time.

use super::tests_unlisted5::check_all;

#[test]
fn prose_sentences_that_give_a_credential() {
    check_all(
        &[
            ("README.md", "The password is `{V}`.\n", "generic-password"),
            ("docs/setup.md", "Your API key is `{V}`; keep it private.\n", "generic-api-key"),
            ("README.md", "Log in as `admin` with the password `{V}`.\n", "generic-password"),
            ("docs/usage.md", "Set the token to `{V}` in the settings panel.\n", "generic-token"),
            ("README.md", "Use the following API key: {V}\n", "generic-api-key"),
            (
                "docs/mysql-setup.md",
                "```\n$ sudo grep root /var/log/mysqld.log\n2021-01-09T04:42:39.886115Z 1 [Note] A temporary password is generated for root@localhost: {V}\n```\n",
                "generic-password",
            ),
            ("README.md", "Default credentials: username `admin`, password `{V}`\n", "generic-password"),
            ("docs/login.txt", "Your access token is {V}\n", "generic-token"),
            ("README.md", "Your Speckle token is `{S}`.\n", "speckle-token"),
            ("docs/ci.md", "Then paste the Spell token `{P}` into the CI secret.\n", "spell-token"),
            ("docs/guide.md", "Use the API key `{V}` for the sandbox.\n", "generic-api-key"),
        ],
        &[
            ("README.md", "The password is `ADMIN_PASSWORD`. A session is a cookie signed with a key.\n"),
            ("README.md", "Your API key is stored locally in your browser and never sent to our servers.\n"),
            ("docs/usage.md", "Set the token to `<your-token>` before running.\n"),
            ("README.md", "The default user is `admin` and the password is `password`.\n"),
            ("docs/faq.md", "- Check your API key is correct and has sufficient quota\n"),
            ("README.md", "Use the following API key: YOUR_API_KEY\n"),
            ("docs/notes.md", "the SSID is `acct` and the password is `v_Data`.\n"),
            ("docs/ctf.md", "This means the password is `0x60` bytes after our buffer.\n"),
            ("docs/usage.md", "Set the token to the value the dashboard shows.\n"),
            ("docs/usage.md", "Your API key is `sk-...`, shown once.\n"),
            ("README.md", "Copy the token from Settings, then run `make deploy`.\n"),
            ("docs/log.md", "Error: invalid token: check the settings page\n"),
            ("docs/api.md", "The request id is `3f2b8c1e-9d4a-4e7b-8c2d-1a5f6e7b8c9d` and the token is sent as a header.\n"),
            ("README.md", "Your Speckle token is stored in `~/.config/Speckle/Accounts`.\n"),
        ],
    );
}

#[test]
fn setup_blocks_whose_names_say_little() {
    check_all(
        &[
            ("CONTRIBUTING.md", "4. Create a `.env`:\n   ```env\n   AI_API={V}\n   ```\n", "generic-api-key"),
            ("README.md", "```bash\nexport WEATHER_API={V}\n```\n", "generic-api-key"),
            ("README.md", "```env\nSPECKLE_SERVER=https://app.speckle.systems\nSPECKLE_TOKEN={S}\n```\n", "speckle-token"),
            ("README.md", "```bash\nexport SPELL_TOKEN='{P}'\nexport SPELL_OWNER='acme'\n```\n", "spell-token"),
            ("docs/install.rst", ".. code-block:: bash\n\n   export API_TOKEN={V}\n", "generic-token"),
            (
                "docs/identity.md",
                "```curl\ncurl https://api.acme.io/v1/sessions/vs_1 \\\n  -u \"{V}\" \\\n  -d type=id_number\n```\n",
                "generic-secret",
            ),
            ("docs/api.md", "```bash\ncurl https://api.acme.io/v1/charges -u {V}: -d amount=100\n```\n", "generic-secret"),
        ],
        &[
            ("README.md", "```env\nVITE_API=http://127.0.0.1:8000\n```\n"),
            ("README.md", "```env\nOPENAI_API=your_openai_api_key\n```\n"),
            ("README.md", "```env\nNEXT_PUBLIC_API=/api/v1\nAPI_VERSION=2023-06-01\n```\n"),
            ("README.md", "```bash\ncurl -u \"username\" https://api.github.com/user\n```\n"),
            ("docs/api.md", "```bash\ncurl -u \"$COMPANIES_HOUSE_API_KEY:\" \"https://api.acme.io/company/6\"\n```\n"),
            ("aliases.sh", "gmail() { curl -u \"$1\" --silent \"https://mail.google.com/mail/feed/atom\"; }\n"),
            ("README.md", "```bash\ncurl -u admin https://localhost:9200\n```\n"),
            ("README.md", "```bash\nexport SPELL_TOKEN='<auth token>'\nexport SPELL_OWNER='<owner>'\n```\n"),
            ("src/config.ts", "export const BASE_API = '/api/v1';\n"),
            ("src/config.py", "GRAPHQL_API = \"https://api.acme.io/graphql\"\n"),
            ("docs/install.rst", ".. code-block:: bash\n\n   export API_TOKEN=<token>\n"),
        ],
    );
}

#[test]
fn test_code_fixtures_and_assertions() {
    check_all(
        &[
            (
                "tests/test_client.py",
                "        self.assertEqual(client.token, \"{V}\")\n",
                "generic-token",
            ),
            (
                "tests/conftest.py",
                "@pytest.fixture\ndef client():\n    return Client(api_key=\"{V}\")\n",
                "generic-api-key",
            ),
            (
                "src/client.test.ts",
                "  const client = new Client({ token: \"{V}\" });\n",
                "generic-token",
            ),
            (
                "src/client.test.ts",
                "    expect(client.apiKey).toBe(\"{V}\");\n",
                "generic-api-key",
            ),
            (
                "client_test.go",
                "\t\t{name: \"valid\", token: \"{V}\", want: true},\n",
                "generic-token",
            ),
            (
                "src/test/java/ClientTest.java",
                "        assertEquals(\"{V}\", config.getApiKey());\n",
                "generic-api-key",
            ),
            (
                "spec/client_spec.rb",
                "  let(:api_key) { \"{V}\" }\n",
                "generic-api-key",
            ),
            (
                "spec/client_spec.rb",
                "    expect(client.password).to eq(\"{V}\")\n",
                "generic-password",
            ),
            (
                "tests/test_auth.py",
                "    monkeypatch.setenv(\"API_TOKEN\", \"{V}\")\n",
                "generic-token",
            ),
            (
                "auth_test.go",
                "\tt.Setenv(\"API_TOKEN\", \"{V}\")\n",
                "generic-token",
            ),
            (
                "tests/test_settings.py",
                "@mock.patch.dict(os.environ, {\"SECRET_KEY\": \"{V}\"})\n",
                "generic-secret",
            ),
            (
                "tests/test_speckle.py",
                "    client.authenticate_with_token(\"{S}\")\n",
                "speckle-token",
            ),
            (
                "tests/test_spell.py",
                "    client = SpellClient(token=\"{P}\", owner=\"acme\")\n",
                "spell-token",
            ),
        ],
        &[
            (
                "tests/test_client.py",
                "        self.assertEqual(client.token, expected_token)\n",
            ),
            (
                "src/client.test.ts",
                "    expect(client.apiKey).toBe(apiKey);\n",
            ),
            (
                "tests/test_api.py",
                "    assert response.json()[\"token\"] == token\n",
            ),
            (
                "client_test.go",
                "\t\t{name: \"empty token\", token: \"\", want: false},\n",
            ),
            (
                "spec/client_spec.rb",
                "  let(:api_key) { ENV.fetch(\"API_KEY\") }\n",
            ),
            (
                "src/login.test.tsx",
                "    expect(screen.getByLabelText(\"Password\")).toBeInTheDocument();\n",
            ),
            (
                "src/test/java/ClientTest.java",
                "        assertEquals(\"Invalid token\", ex.getMessage());\n",
            ),
            (
                "tests/test_auth.py",
                "    monkeypatch.setenv(\"API_TOKEN\", \"test-token\")\n",
            ),
            (
                "src/client.test.ts",
                "  const client = new Client({ token: \"fake-token\" });\n",
            ),
        ],
    );
}

#[test]
fn notebooks_docstrings_and_comments() {
    check_all(
        &[
            ("demo.ipynb", "   \"source\": [\n    \"import os\\n\",\n    \"os.environ[\\\"OPENAI_API_KEY\\\"] = \\\"{V}\\\"\\n\",\n", "generic-api-key"),
            ("demo.ipynb", "   \"source\": [\n    \"%env HF_TOKEN={V}\\n\",\n", "generic-token"),
            ("demo.ipynb", "   \"source\": [\n    \"client = Client(token=\\\"{V}\\\")\\n\",\n", "generic-token"),
            ("speckle.ipynb", "   \"source\": [\n    \"client.authenticate_with_token(\\\"{S}\\\")\\n\",\n", "speckle-token"),
            ("src/client.py", "    \"\"\"Example:\n\n        >>> client = Client(api_key=\"{V}\")\n    \"\"\"\n", "generic-api-key"),
            ("run.py", "# Usage: python run.py --token {V}\n", "generic-token"),
            ("src/api.js", "// api key: {V}\n", "generic-api-key"),
            ("main.go", "// Password: {V}\n", "generic-password"),
        ],
        &[
            ("demo.ipynb", "   \"source\": [\n    \"api_key = getpass.getpass(\\\"API key: \\\")\\n\",\n"),
            ("demo.ipynb", "   \"source\": [\n    \"os.environ[\\\"OPENAI_API_KEY\\\"] = \\\"<your key>\\\"\\n\",\n"),
            ("src/mail.py", "        :param api_key: SendGrid API Key.\n        :param from_email: Email to send the message from.\n"),
            ("run.py", "# Usage: python run.py --token <TOKEN>\n"),
            ("src/api.js", "// api key: see README\n"),
            ("src/client.py", "    >>> client = Client(api_key=os.environ[\"API_KEY\"])\n"),
            ("src/auth.py", "    # The token is refreshed by the middleware before it expires.\n"),
        ],
    );
}

#[test]
fn tables_and_labelled_values_in_docs() {
    check_all(
        &[
            (
                "README.md",
                "| Setting | Value |\n| --- | --- |\n| API key | `{V}` |\n",
                "generic-api-key",
            ),
            ("README.md", "| Password | {V} |\n", "generic-password"),
            (
                "docs/demo.html",
                "<li>API key: <code>{V}</code></li>\n",
                "generic-api-key",
            ),
            ("CHANGELOG.md", "- **Token**: {V}\n", "generic-token"),
            ("docs/index.rst", ":API key: {V}\n", "generic-api-key"),
            (
                "docs/guide.md",
                "- 拥有有效的API Key: `{V}`\n",
                "generic-api-key",
            ),
        ],
        &[
            ("README.md", "| API key | Your key from the dashboard |\n"),
            ("README.md", "| `API_KEY` | required | The API key |\n"),
            (
                "docs/guide.md",
                "- API Key: `anything`, the bridge will replace it.\n",
            ),
            ("docs/guide.md", "- Hardcoded API key: `config.py:12`\n"),
            (
                "docs/guide.md",
                "- Requires API key: `browser-use cloud login <api-key>`\n",
            ),
            ("docs/index.rst", ":param token: the API token\n"),
        ],
    );
}

#[test]
fn test_doubles_and_equality_assertions() {
    check_all(
        &[
            (
                "src/test/java/AuthTest.java",
                "        when(config.getApiKey()).thenReturn(\"{V}\");\n",
                "generic-api-key",
            ),
            (
                "src/test/java/AuthTest.java",
                "        given(props.getPassword()).willReturn(\"{V}\");\n",
                "generic-password",
            ),
            (
                "src/auth.test.ts",
                "  jest.spyOn(auth, \"getToken\").mockReturnValue(\"{V}\");\n",
                "generic-token",
            ),
            (
                "tests/test_api.py",
                "    assert client.api_key == \"{V}\"\n",
                "generic-api-key",
            ),
            (
                "test/auth.spec.js",
                "    expect(cfg.secret).to.equal('{V}');\n",
                "generic-secret",
            ),
        ],
        &[
            (
                "src/test/java/AuthTest.java",
                "        when(config.getApiKey()).thenReturn(apiKey);\n",
            ),
            (
                "src/auth.test.ts",
                "  jest.spyOn(auth, \"getToken\").mockResolvedValue(null);\n",
            ),
            (
                "src/client.test.ts",
                "    expect(client.apiKey).not.toBe(\"{V}\");\n",
            ),
            (
                "src/parse.test.ts",
                "    expect(tokenize(\"a b\")).toEqual([\"a\", \"b\"]);\n",
            ),
            (
                "src/test/java/AuthTest.java",
                "        when(repo.findByToken(token)).thenReturn(Optional.of(user));\n",
            ),
        ],
    );
}

#[test]
fn sentences_in_other_orders_and_places() {
    check_all(
        &[
            (
                "README.md",
                "Use `{V}` as the API key for the demo account.\n",
                "generic-api-key",
            ),
            (
                "docs/setup.md",
                "1. Paste your token (`{V}`) into the form.\n",
                "generic-token",
            ),
            (
                "README.md",
                "> **Note:** the demo password is **{V}**\n",
                "generic-password",
            ),
            ("src/main.py", "# The API token is {V}\n", "generic-token"),
            ("README.md", "Speckle token: `{S}`\n", "speckle-token"),
        ],
        &[
            ("README.md", "Use `API_KEY` as the name of the variable.\n"),
            (
                "README.md",
                "Use `pip install acme` as the first step, then set your token.\n",
            ),
            (
                "src/main.py",
                "# The API token is read from the environment.\n",
            ),
            (
                "docs/setup.md",
                "1. Paste your token (it starts with `ghp_`) into the form.\n",
            ),
            (
                "docs/tokenizer.md",
                "The pad token is `<pad>` and the mask token is `[MASK]`.\n",
            ),
            ("docs/tokenizer.md", "The unknown token is `unk`.\n"),
        ],
    );
}

#[test]
fn inline_code_and_real_sentences() {
    check_all(
        &[
            ("README.md", "Run `export API_TOKEN={V}` before starting the server.\n", "generic-token"),
            ("README.md", "Then set `SPECKLE_TOKEN={S}` in your shell.\n", "speckle-token"),
            ("docs/api.md", "Call it with `curl -H \"Authorization: Bearer {V}\" https://api.acme.io/v1/me`.\n", "generic-token"),
            ("README.md", "Start it with `npm start -- --api-key {V}` and open the page.\n", "generic-api-key"),
            ("docs/sql.md", "- Sets the SA password to `{V}`\n", "generic-password"),
        ],
        &[
            ("docs/deploy.md", "Do not proceed; clarify that mainnet native token is `PROS`.\n"),
            ("docs/spec.md", "- the field-derived base-profile relation token is `references_record`, and the kind remains.\n"),
            ("docs/board.md", "- [ ] Source is `.gamedev/state.md` agent lines whose status token is `blocked`.\n"),
            ("README.md", "Add admin password to `.env.local`:\n"),
            ("docs/auth.md", "- **WHEN** a client submits the wrong password to `POST /auth/login`\n"),
            ("README.md", "Run `export API_TOKEN=$(cat token.txt)` before starting the server.\n"),
        ],
    );
}

#[test]
fn notebook_markdown_cells() {
    check_all(
        &[
            ("demo.ipynb", "   \"cell_type\": \"markdown\",\n   \"source\": [\n    \"Your API key is `{V}`.\\n\",\n", "generic-api-key"),
            ("demo.ipynb", "   \"source\": [\n    \"- **Password**: `{V}`\\n\",\n", "generic-password"),
        ],
        &[
            ("demo.ipynb", "   \"source\": [\n    \"Your API key is stored in the `.env` file.\\n\",\n"),
        ],
    );
}

#[test]
fn keys_named_for_their_service_or_role() {
    check_all(
        &[
            (
                "README.md",
                "```env\nOPENAI_KEY={V}\n```\n",
                "generic-api-key",
            ),
            (".env.example", "GOOGLE_MAPS_KEY={V}\n", "generic-api-key"),
            (
                "config/settings.py",
                "STRIPE_KEY = \"{V}\"\n",
                "generic-api-key",
            ),
            (
                "config.json",
                "{\"sendgrid_key\": \"{V}\"}\n",
                "generic-api-key",
            ),
            (
                "src/config.ts",
                "export const mapsKey = \"{V}\";\n",
                "generic-api-key",
            ),
            (".env", "ENCRYPTION_KEY={V}\n", "generic-secret"),
            ("config.yml", "signing_key: {V}\n", "generic-secret"),
            ("app/settings.py", "JWT_KEY = '{V}'\n", "generic-secret"),
            (
                "wp-config.php",
                "define('AUTH_KEY', '{V}');\n",
                "generic-secret",
            ),
            (".env", "APP_KEY=base64:{V}{V}\n", "generic-secret"),
        ],
        &[
            (".env", "RECAPTCHA_SITE_KEY={V}\n"),
            (".env", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY={V}\n"),
            (".env", "VAPID_PUBLIC_KEY={V}\n"),
            (".env", "ALGOLIA_SEARCH_KEY={V}\n"),
            ("src/cache.py", "CACHE_KEY = \"user-sessions-by-id\"\n"),
            ("src/store.ts", "const STORAGE_KEY = 'app.settings.v2';\n"),
            ("src/list.tsx", "<Item key=\"row-1\" />\n"),
            ("src/models.py", "PRIMARY_KEY = \"id\"\n"),
            (".env", "SSH_KEY=~/.ssh/id_ed25519\n"),
            (
                ".env",
                "KMS_KEY=arn:aws:kms:us-east-1:123456789012:key/abc\n",
            ),
            (
                "README.md",
                "```env\nOPENAI_KEY=your_openai_key_here\n```\n",
            ),
            (
                "src/i18n.ts",
                "const key = \"settings.apiKeys.createButtonLabel\";\n",
            ),
            (
                "src/config.py",
                "ENCRYPTION_KEY = os.environ[\"ENCRYPTION_KEY\"]\n",
            ),
            (
                "oauth1/parameters.py",
                "    For example::\n\n        Authorization: OAuth realm=\"Example\",\n            oauth_consumer_key=\"0685bd9184jfhq22\",\n",
            ),
            (
                "openapi.yaml",
                "    V2Key:\n      properties:\n        name:\n          example: projects/123456867718/locations/global/keys/b7ff1f9f-8275-410a-94dd-3855ee9b5dd2\n",
            ),
        ],
    );
}

/// Seed scripts and tests that hash an admin's password write it as the hashing call's
/// literal argument (read after the seventh held-aside set, `heldout_real2`, was measured).
#[test]
fn literals_handed_to_password_hashing_calls() {
    check_all(
        &[
            (
                "scripts/seed.js",
                "const adminHash = await bcrypt.hash(\"{V}\", 10);\n",
                "generic-password",
            ),
            (
                "test/auth.test.js",
                "const h = bcrypt.hashSync('{V}', 10);\n",
                "generic-password",
            ),
            (
                "tests/conftest.py",
                "hashed = bcrypt.hashpw(b\"{V}\", bcrypt.gensalt())\n",
                "generic-password",
            ),
            (
                "app/seed.py",
                "user.password = generate_password_hash(\"{V}\")\n",
                "generic-password",
            ),
            (
                "fixtures.py",
                "u = User(username=\"admin\", password=make_password(\"{V}\"))\n",
                "generic-password",
            ),
            (
                "install.php",
                "<?php $h = password_hash(\"{V}\", PASSWORD_DEFAULT);\n",
                "generic-password",
            ),
            (
                "DataLoader.java",
                "admin.setPassword(passwordEncoder.encode(\"{V}\"));\n",
                "generic-password",
            ),
        ],
        &[
            (
                "src/auth.js",
                "const hash = await bcrypt.hash(req.body.password, 10);\n",
            ),
            ("src/auth.js", "const salt = await bcrypt.genSalt(10);\n"),
            (
                "app/views.py",
                "user.password = generate_password_hash(form.password.data)\n",
            ),
            (
                "src/Users.java",
                "String h = passwordEncoder.encode(rawPassword);\n",
            ),
            (
                "seed.js",
                "const h = await bcrypt.hash(\"password\", 10);\n",
            ),
        ],
    );
}

/// Tests sign in through a project's own helper, with the user and the password as literals
/// (read after the seventh held-aside set, `heldout_real2`, was measured).
#[test]
fn sign_in_helpers_called_with_literals() {
    check_all(
        &[
            (
                "users_test.go",
                "\tadminToken, err := adminClient.LoginAdmin(ctx, \"admin\", \"{V}\")\n",
                "generic-password",
            ),
            (
                "auth_test.go",
                "\tfix, err := testutil.LoginUser(db, \"bob\", \"{V}\")\n",
                "generic-password",
            ),
            (
                "login.spec.ts",
                "await signInWithEmailAndPassword(auth, \"alice@example.com\", \"{V}\");\n",
                "generic-password",
            ),
            (
                "cypress/e2e/admin.cy.js",
                "cy.loginAs(\"admin\", \"{V}\")\n",
                "generic-password",
            ),
            (
                "tests/test_views.py",
                "self.client.login(\"admin\", \"{V}\")\n",
                "generic-password",
            ),
        ],
        &[
            (
                "users_test.go",
                "\tadminToken, err := adminClient.LoginAdmin(ctx, user, pass)\n",
            ),
            ("routes.go", "\tr.HandleFunc(\"/login\", loginHandler)\n"),
            ("router.js", "loginRoute(\"/login\", \"dashboard\")\n"),
            ("auth.js", "loginWith(\"github\", \"oauth2\")\n"),
            ("i18n.js", "i18n.loginLabel(\"Log in\", \"Sign in\")\n"),
            (
                "login.ts",
                "await signInWithEmailAndPassword(auth, email, password);\n",
            ),
            (
                "seed_test.go",
                "\tfix, err := testutil.LoginUser(db, \"bob\", \"password\")\n",
            ),
        ],
    );
}
