//! Table-driven tests, through the built-in rules, of program code and templates in many
//! languages (issue 13, the fourth round of forms nobody listed): JSX/Svelte attribute
//! expressions, TypeScript casts and assertions, Lua attributes, calls split over lines,
//! and the declarations, maps and strings of Kotlin, Swift, Dart, Scala, Elixir, Clojure, R,
//! Julia, Perl, Groovy, C/C++, Objective-C, C#, F#, Haskell, OCaml, Nim, Zig, Crystal,
//! VB.NET, PowerShell, notebooks, Markdown, HTML and config languages (Jsonnet, CUE, Nix,
//! Starlark, CMake, protobuf text). Each positive names the rule that must report the value;
//! each negative must give no finding of any generic rule. `{V}` is a made-up secret and
//! `{S}` a made-up Speckle token and `{P}` a made-up Spell token, all built at run time.

use crate::scan::Scanner;

fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat()
}

fn speckle() -> String {
    "3fa9c2e17b".repeat(4) + "d5"
}

fn reported(scanner: &Scanner, path: &str, text: &str) -> Vec<String> {
    let text = text
        .replace("{V}", &v())
        .replace("{S}", &speckle())
        .replace("{P}", &(v() + "Jd5Yc8bW"));
    scanner
        .scan(Some(path), text.as_bytes())
        .into_iter()
        .map(|m| scanner.rule(m.rule).id.to_string())
        .collect()
}

/// Checks every row, then fails once listing every row that failed (so a table's misses are
/// counted together).
pub(super) fn check_all(positives: &[(&str, &str, &str)], negatives: &[(&str, &str)]) {
    super::tests_unlisted4::check_all_with(positives, negatives, reported);
}

#[test]
fn jsx_svelte_typescript_and_lua() {
    check_all(
        &[
            (
                "src/App.svelte",
                "<Widget apiKey={\"{V}\"} region=\"eu\" />\n",
                "generic-api-key",
            ),
            (
                "src/App.jsx",
                "  <Client token={'{V}'} />\n",
                "generic-token",
            ),
            (
                "src/App.tsx",
                "<Provider apiKey={`{V}`}>\n",
                "generic-api-key",
            ),
            (
                "src/App.vue",
                "<Map :api-key=\"'{V}'\" />\n",
                "generic-api-key",
            ),
            (
                "src/config.ts",
                "const apiKey = \"{V}\" as string;\n",
                "generic-api-key",
            ),
            (
                "src/config.ts",
                "export const API_TOKEN = '{V}' as const;\n",
                "generic-token",
            ),
            (
                "src/config.ts",
                "const token = <string>\"{V}\";\n",
                "generic-token",
            ),
            (
                "src/config.ts",
                "const secret = \"{V}\" satisfies Secret;\n",
                "generic-secret",
            ),
            (
                "src/config.ts",
                "const password: string = \"{V}\"!;\n",
                "generic-password",
            ),
            (
                "src/config.ts",
                "  apiKey: \"{V}\" as unknown as string,\n",
                "generic-api-key",
            ),
            (
                "init.lua",
                "local api_key <const> = \"{V}\"\n",
                "generic-api-key",
            ),
            ("init.lua", "local token <close> = '{V}'\n", "generic-token"),
            (
                "init.lua",
                "local cfg = { api_token = [[{V}]] }\n",
                "generic-token",
            ),
            (
                "src/viewer.ts",
                "const SPECKLE_TOKEN = \"{S}\" as const;\n",
                "speckle-token",
            ),
            (
                "src/Viewer.svelte",
                "<SpeckleViewer token={\"{S}\"} server=\"https://app.speckle.systems\" />\n",
                "speckle-token",
            ),
        ],
        &[
            ("src/App.svelte", "<Widget apiKey={apiKey} />\n"),
            ("src/App.jsx", "<Client token={props.token} />\n"),
            (
                "src/config.ts",
                "const apiKey = process.env.API_KEY as string;\n",
            ),
            (
                "src/config.ts",
                "const token = <string>config.get(\"auth.token\");\n",
            ),
            (
                "src/config.ts",
                "type Secret = string;\nconst secret = readSecret() satisfies Secret;\n",
            ),
            (
                "init.lua",
                "local api_key <const> = os.getenv(\"API_KEY\")\n",
            ),
            (
                "src/App.jsx",
                "<input type=\"password\" placeholder={t(\"auth.password.label\")} />\n",
            ),
        ],
    );
}

#[test]
fn calls_split_over_lines() {
    check_all(
        &[
            ("app/db.js", "const db = new Sequelize(\n  'shop',\n  'shop',\n  '{V}',\n  { dialect: 'mysql' }\n);\n", "generic-password"),
            ("fetch.py", "r = requests.get(\n    url,\n    auth=(\n        \"ops\",\n        \"{V}\",\n    ),\n)\n", "generic-password"),
            ("db.php", "$link = mysqli_connect(\n  'db',\n  'shop',\n  '{V}',\n  'shop'\n);\n", "generic-password"),
            ("Mail.cs", "var cred = new NetworkCredential(\n    \"ops@acme.io\",\n    \"{V}\");\n", "generic-password"),
            ("Mail.cs", "smtp.Credentials = new System.Net.NetworkCredential(\"ops@acme.io\",\n    \"{V}\");\n", "generic-password"),
            ("app.py", "client = Client(\n    host=\"api.acme.io\",\n    api_key=\"{V}\",\n)\n", "generic-api-key"),
            ("Db.java", "Connection c = DriverManager.getConnection(\n    url,\n    \"shop\",\n    \"{V}\");\n", "generic-password"),
            ("src/keys.ts", "export const apiKey =\n  \"{V}\";\n", "generic-api-key"),
            ("src/keys.ts", "const config = {\n  apiToken:\n    \"{V}\",\n};\n", "generic-token"),
            ("settings.py", "API_SECRET = (\n    \"{V}\"\n)\n", "generic-secret"),
            ("Keys.java", "private static final String PASSWORD =\n        \"{V}\";\n", "generic-password"),
        ],
        &[
            ("app/db.js", "const db = new Sequelize(\n  'shop',\n  'shop',\n  process.env.DB_PASS,\n);\n"),
            ("src/keys.ts", "const apiKey =\n  process.env.API_KEY;\n"),
            ("settings.py", "def api_key(self):\n    \"Return the key.\"\n"),
            ("settings.py", "if token ==\n    \"{V}\": pass\n"),
            ("app/db.js", "const db = new Sequelize(\n  '{V}',\n  'shop',\n  process.env.DB_PASS,\n);\n"),
            // A user's email address is no password; a computed literal is no value.
            ("Mail.cs", "var cred = new NetworkCredential(\"ops@acme.io\", password);\n"),
            ("verify.rs", "let other = format!(\n    \"TWILIO_API_KEY={sid}\\nTWILIO_API_SECRET={}\\n\",\n    \"{V}\".repeat(2)\n);\n"),
            ("app.js", "logger.info(\n  \"login\",\n  \"{V}\"\n);\n"),
        ],
    );
}

#[test]
fn jvm_and_mobile_languages() {
    check_all(
        &[
            ("Config.kt", "const val API_KEY = \"{V}\"\n", "generic-api-key"),
            ("Config.kt", "    companion object {\n        private const val TOKEN = \"{V}\"\n    }\n", "generic-token"),
            ("Client.kt", "val client = AcmeClient(apiKey = \"{V}\", region = \"eu\")\n", "generic-api-key"),
            ("Client.kt", "private val secret: String by lazy { \"{V}\" }\n", "generic-secret"),
            ("Client.kt", "val password = \"\"\"{V}\"\"\"\n", "generic-password"),
            ("Client.kt", "val headers = mapOf(\"X-Api-Key\" to \"{V}\")\n", "generic-api-key"),
            ("Api.swift", "let apiKey = \"{V}\"\n", "generic-api-key"),
            ("Api.swift", "    static let apiToken: String = \"{V}\"\n", "generic-token"),
            ("Api.swift", "let headers = [\"X-Api-Key\": \"{V}\"]\n", "generic-api-key"),
            ("Api.swift", "request.setValue(\"Bearer {V}\", forHTTPHeaderField: \"Authorization\")\n", "generic-token"),
            ("Api.swift", "private let clientSecret = #\"{V}\"#\n", "generic-secret"),
            ("Api.swift", "enum Keys {\n    static let password = \"{V}\"\n}\n", "generic-password"),
            ("lib/env.dart", "const String apiKey = '{V}';\n", "generic-api-key"),
            ("lib/env.dart", "  static const apiToken = '{V}';\n", "generic-token"),
            ("lib/env.dart", "final secret = r'{V}';\n", "generic-secret"),
            ("lib/env.dart", "  static const String _password = \"{V}\";\n", "generic-password"),
            ("Conf.scala", "val apiKey = \"{V}\"\n", "generic-api-key"),
            ("Conf.scala", "implicit val token: String = \"{V}\"\n", "generic-token"),
            ("Conf.scala", "private[this] lazy val secret = \"{V}\"\n", "generic-secret"),
            ("build.gradle", "def apiKey = \"{V}\"\n", "generic-api-key"),
            ("build.gradle", "buildConfigField \"String\", \"API_KEY\", \"\\\"{V}\\\"\"\n", "generic-api-key"),
            ("build.gradle.kts", "buildConfigField(\"String\", \"API_TOKEN\", \"\\\"{V}\\\"\")\n", "generic-token"),
            ("build.gradle", "ext.apiToken = '{V}'\n", "generic-token"),
            ("build.gradle.kts", "extra[\"apiSecret\"] = \"{V}\"\n", "generic-secret"),
            ("build.gradle.kts", "credentials {\n    username = \"ci\"\n    password = \"{V}\"\n}\n", "generic-password"),
            ("Speckle.kt", "const val SPECKLE_TOKEN = \"{S}\"\n", "speckle-token"),
            ("Speckle.swift", "let speckleToken = \"{S}\"\n", "speckle-token"),
        ],
        &[
            ("Config.kt", "const val API_KEY_HEADER = \"X-Api-Key\"\n"),
            ("Config.kt", "enum class TokenType { ACCESS_TOKEN, REFRESH_TOKEN }\n"),
            ("Config.kt", "val token: AccessToken = AccessToken.empty()\n"),
            ("Client.kt", "val client = AcmeClient(apiKey = BuildConfig.API_KEY)\n"),
            ("Api.swift", "enum CodingKeys: String, CodingKey {\n    case apiKey = \"api_key\"\n    case accessToken = \"access_token\"\n}\n"),
            ("Api.swift", "let password = NSLocalizedString(\"auth.password.label\", comment: \"\")\n"),
            ("lib/env.dart", "const String apiKey = String.fromEnvironment('API_KEY');\n"),
            ("lib/env.dart", "final token = await storage.read(key: 'token');\n"),
            ("Conf.scala", "val apiKey = sys.env(\"API_KEY\")\n"),
            ("build.gradle", "def apiKey = project.findProperty(\"apiKey\") ?: \"\"\n"),
            ("Test.kt", "private const val FAKE_TOKEN = \"fake-token-for-tests\"\n"),
        ],
    );
}

#[test]
fn functional_and_scripting_languages() {
    check_all(
        &[
            ("config/prod.exs", "config :shop, api_key: \"{V}\"\n", "generic-api-key"),
            ("config/prod.exs", "config :shop, Shop.Mailer,\n  adapter: Swoosh.Adapters.Mailgun,\n  api_key: \"{V}\"\n", "generic-api-key"),
            ("lib/shop.ex", "  @headers %{\"authorization\" => \"Bearer {V}\"}\n", "generic-token"),
            ("lib/shop.ex", "opts = [username: \"ops\", password: \"{V}\"]\n", "generic-password"),
            ("lib/shop.ex", "%{token: \"{V}\", ttl: 60}\n", "generic-token"),
            ("src/core.clj", "(def api-key \"{V}\")\n", "generic-api-key"),
            ("src/core.clj", "(def ^:private api-token \"{V}\")\n", "generic-token"),
            ("src/core.clj", "{:db-password \"{V}\" :db-user \"ops\"}\n", "generic-password"),
            ("analysis.R", "Sys.setenv(API_KEY = \"{V}\")\n", "generic-api-key"),
            ("analysis.R", "api_token <- \"{V}\"\n", "generic-token"),
            ("analysis.R", "\"{V}\" -> api_secret\n", "generic-secret"),
            ("analysis.R", "Sys.setenv(\"GITHUB_TOKEN\" = \"{V}\")\n", "generic-token"),
            ("main.jl", "const API_KEY = \"{V}\"\n", "generic-api-key"),
            ("main.jl", "ENV[\"API_TOKEN\"] = \"{V}\"\n", "generic-token"),
            ("main.jl", "token::String = \"{V}\"\n", "generic-token"),
            ("deploy.pl", "my $api_key = '{V}';\n", "generic-api-key"),
            ("deploy.pl", "my %cfg = (user => 'ops', password => '{V}');\n", "generic-password"),
            ("deploy.pl", "$ENV{API_TOKEN} = '{V}';\n", "generic-token"),
            ("deploy.pl", "$ENV{'API_SECRET'} = \"{V}\";\n", "generic-secret"),
            ("deploy.pl", "our $PASSWORD = q{{V}};\n", "generic-password"),
            ("Main.hs", "apiKey :: Text\napiKey = \"{V}\"\n", "generic-api-key"),
            ("Main.hs", "cfg = defaultConfig { apiToken = \"{V}\" }\n", "generic-token"),
            ("main.ml", "let api_key = \"{V}\"\n", "generic-api-key"),
            ("main.ml", "let token = {|{V}|}\n", "generic-token"),
            ("Main.fs", "let [<Literal>] ApiKey = \"{V}\"\n", "generic-api-key"),
            ("Main.fs", "let password = @\"{V}\"\n", "generic-password"),
            ("main.nim", "let apiKey = \"{V}\"\n", "generic-api-key"),
            ("main.zig", "const api_key = \"{V}\";\n", "generic-api-key"),
            ("main.zig", "const token: []const u8 = \"{V}\";\n", "generic-token"),
            ("main.cr", "API_KEY = \"{V}\"\n", "generic-api-key"),
            ("deploy.ps1", "$apiKey = \"{V}\"\n", "generic-api-key"),
            ("deploy.ps1", "$headers = @{ Authorization = \"Bearer {V}\" }\n", "generic-token"),
            ("deploy.ps1", "$headers = @{ 'X-Api-Key' = '{V}' }\n", "generic-api-key"),
            ("deploy.sh", "cat > .env <<EOF\nAPI_TOKEN={V}\nEOF\n", "generic-token"),
            ("deploy.sh", "cat <<'EOF' > ~/.netrc\nmachine api.acme.io login ops password {V}\nEOF\n", "netrc-credentials"),
        ],
        &[
            ("config/prod.exs", "config :shop, api_key: System.get_env(\"API_KEY\")\n"),
            ("lib/shop.ex", "opts = [username: \"ops\", password: password]\n"),
            ("src/core.clj", "(def api-key (System/getenv \"API_KEY\"))\n"),
            ("analysis.R", "Sys.setenv(API_KEY = key_from_vault)\n"),
            ("analysis.R", "api_token <- Sys.getenv(\"API_TOKEN\")\n"),
            ("deploy.pl", "my $password = $ENV{DB_PASSWORD};\n"),
            ("deploy.pl", "my %cfg = (password => $opts{password});\n"),
            ("Main.hs", "apiKey <- getEnv \"API_KEY\"\n"),
            ("main.ml", "let api_key = Sys.getenv \"API_KEY\"\n"),
            ("deploy.ps1", "$apiKey = $env:API_KEY\n"),
            ("deploy.sh", "cat > .env <<EOF\nAPI_TOKEN=${API_TOKEN}\nEOF\n"),
        ],
    );
}

#[test]
fn c_family_languages() {
    check_all(
        &[
            ("src/keys.h", "#define API_KEY \"{V}\"\n", "generic-api-key"),
            (
                "src/keys.c",
                "static const char *api_key = \"{V}\";\n",
                "generic-api-key",
            ),
            (
                "src/keys.c",
                "static const char API_SECRET[] = \"{V}\";\n",
                "generic-secret",
            ),
            (
                "src/keys.cpp",
                "std::string token = \"{V}\";\n",
                "generic-token",
            ),
            (
                "src/keys.cpp",
                "constexpr auto kApiKey = \"{V}\";\n",
                "generic-api-key",
            ),
            (
                "src/keys.cpp",
                "constexpr std::string_view kAuthToken = \"{V}\";\n",
                "generic-token",
            ),
            (
                "src/keys.cpp",
                "static const char* const kPassword = \"{V}\";\n",
                "generic-password",
            ),
            (
                "src/keys.cpp",
                "const auto secret = R\"({V})\";\n",
                "generic-secret",
            ),
            (
                "src/keys.cpp",
                "const QString apiToken = QStringLiteral(\"{V}\");\n",
                "generic-token",
            ),
            (
                "Keys.m",
                "NSString *const kApiKey = @\"{V}\";\n",
                "generic-api-key",
            ),
            (
                "Keys.m",
                "static NSString * const APIToken = @\"{V}\";\n",
                "generic-token",
            ),
            (
                "Keys.m",
                "NSDictionary *h = @{@\"X-Api-Key\": @\"{V}\"};\n",
                "generic-api-key",
            ),
            (
                "Keys.cs",
                "const string ApiKey = \"{V}\";\n",
                "generic-api-key",
            ),
            (
                "Keys.cs",
                "private static readonly string Token = \"{V}\";\n",
                "generic-token",
            ),
            (
                "Keys.cs",
                "var opts = new AcmeOptions { ApiKey = \"{V}\", Region = \"eu\" };\n",
                "generic-api-key",
            ),
            (
                "Keys.cs",
                "var c = new NetworkCredential(\"ops\", \"{V}\");\n",
                "generic-password",
            ),
            (
                "Keys.cs",
                "private const string Secret = @\"{V}\";\n",
                "generic-secret",
            ),
            (
                "Keys.cs",
                "client.DefaultRequestHeaders.Add(\"X-Api-Key\", \"{V}\");\n",
                "generic-api-key",
            ),
            (
                "Keys.vb",
                "Dim apiKey As String = \"{V}\"\n",
                "generic-api-key",
            ),
            (
                "Keys.vb",
                "Private Const ApiToken As String = \"{V}\"\n",
                "generic-token",
            ),
            (
                "Keys.vb",
                "Private ReadOnly Password As String = \"{V}\"\n",
                "generic-password",
            ),
            (
                "CMakeLists.txt",
                "set(API_KEY \"{V}\")\n",
                "generic-api-key",
            ),
            (
                "CMakeLists.txt",
                "set(ENV{API_TOKEN} \"{V}\")\n",
                "generic-token",
            ),
            (
                "CMakeLists.txt",
                "target_compile_definitions(app PRIVATE API_SECRET=\"{V}\")\n",
                "generic-secret",
            ),
            (
                "src/speckle.cpp",
                "const std::string SPECKLE_TOKEN = \"{S}\";\n",
                "speckle-token",
            ),
        ],
        &[
            ("src/keys.h", "#define API_KEY_LEN 32\n"),
            ("src/keys.h", "#define TOKEN_HEADER \"Authorization\"\n"),
            (
                "src/keys.c",
                "static const char *api_key = getenv(\"API_KEY\");\n",
            ),
            ("src/keys.cpp", "std::string token = config.token();\n"),
            ("Keys.m", "NSString *const kApiKeyName = @\"api_key\";\n"),
            ("Keys.cs", "const string ApiKeyHeader = \"X-Api-Key\";\n"),
            (
                "Keys.cs",
                "var opts = new AcmeOptions { ApiKey = configuration[\"Acme:ApiKey\"] };\n",
            ),
            (
                "Keys.cs",
                "var c = new NetworkCredential(user, password);\n",
            ),
            ("CMakeLists.txt", "set(API_KEY $ENV{API_KEY})\n"),
            (
                "CMakeLists.txt",
                "set(API_KEY \"\" CACHE STRING \"The API key\")\n",
            ),
        ],
    );
}

#[test]
fn notebooks_markup_and_config_languages() {
    check_all(
        &[
            ("notebooks/demo.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"import openai\\n\",\n    \"openai.api_key = \\\"{V}\\\"\\n\"\n   ]\n  }\n ]\n}\n", "generic-api-key"),
            ("notebooks/demo.ipynb", "   \"source\": [\n    \"os.environ[\\\"API_TOKEN\\\"] = \\\"{V}\\\"\\n\",\n    \"client = Client()\"\n   ]\n", "generic-token"),
            ("notebooks/demo.ipynb", "   \"source\": [\n    \"client = Client(api_key='{V}')\"\n   ]\n", "generic-api-key"),
            ("notebooks/speckle.ipynb", "   \"source\": [\n    \"from specklepy.api.client import SpeckleClient\\n\",\n    \"client = SpeckleClient(host=\\\"app.speckle.systems\\\")\\n\",\n    \"client.authenticate_with_token(\\\"{S}\\\")\\n\"\n   ]\n", "speckle-token"),
            ("README.md", "```python\napi_key = \"{V}\"\n```\n", "generic-api-key"),
            ("README.md", "```js\nconst client = new Client({ token: '{V}' });\n```\n", "generic-token"),
            ("public/index.html", "<div id=\"map\" data-api-key=\"{V}\"></div>\n", "generic-api-key"),
            ("public/index.html", "<meta name=\"api-key\" content=\"{V}\">\n", "generic-api-key"),
            ("public/index.html", "<input type=\"hidden\" name=\"api_token\" value=\"{V}\">\n", "generic-token"),
            ("public/index.html", "<script>window.API_SECRET = \"{V}\";</script>\n", "generic-secret"),
            ("src/environments/environment.prod.ts", "export const environment = {\n  production: true,\n  apiKey: '{V}',\n};\n", "generic-api-key"),
            ("query.json", "{\"query\": \"mutation Login($token: String!) { login(token: $token) { id } }\", \"variables\": {\"token\": \"{V}\"}}\n", "generic-token"),
            ("config.textproto", "credentials {\n  api_key: \"{V}\"\n}\n", "generic-api-key"),
            ("config.pbtxt", "password: \"{V}\"\n", "generic-password"),
            ("config.jsonnet", "{\n  apiKey: '{V}',\n}\n", "generic-api-key"),
            ("config.jsonnet", "local token = '{V}';\n", "generic-token"),
            ("config.cue", "apiKey: \"{V}\"\n", "generic-api-key"),
            ("config.cue", "token: string | *\"{V}\"\n", "generic-token"),
            ("configuration.nix", "  services.acme.apiKey = \"{V}\";\n", "generic-api-key"),
            ("configuration.nix", "  password = ''{V}'';\n", "generic-password"),
            ("BUILD.bazel", "API_KEY = \"{V}\"\n", "generic-api-key"),
            ("BUILD.bazel", "env = {\"API_TOKEN\": \"{V}\"},\n", "generic-token"),
            ("src/App.vue", "<script setup>\nconst apiToken = '{V}'\n</script>\n", "generic-token"),
        ],
        &[
            ("notebooks/demo.ipynb", "   \"source\": [\n    \"openai.api_key = os.environ[\\\"OPENAI_API_KEY\\\"]\\n\"\n   ]\n"),
            ("notebooks/demo.ipynb", "   \"source\": [\n    \"api_key = getpass.getpass('API key: ')\\n\"\n   ]\n"),
            ("README.md", "```python\napi_key = \"<your-api-key>\"\n```\n"),
            ("public/index.html", "<div data-api-key=\"{{ api_key }}\"></div>\n"),
            ("public/index.html", "<input type=\"password\" name=\"password\" value=\"\">\n"),
            ("public/index.html", "<label for=\"password\" data-i18n=\"auth.password.label\"></label>\n"),
            ("src/environments/environment.ts", "export const environment = {\n  apiKey: process.env['API_KEY'],\n};\n"),
            ("config.cue", "token: string\n"),
            ("configuration.nix", "  passwordFile = \"/run/secrets/acme\";\n"),
            ("BUILD.bazel", "env = {\"API_TOKEN\": \"$(API_TOKEN)\"},\n"),
        ],
    );
}

#[test]
fn common_languages_second_round() {
    check_all(
        &[
            ("settings.py", "class Settings(BaseSettings):\n    api_key: SecretStr = Field(\"{V}\", env=\"API_KEY\")\n", "generic-api-key"),
            ("settings.py", "    api_token: str = Field(default=\"{V}\")\n", "generic-token"),
            ("settings.py", "API_KEY: Final[str] = \"{V}\"\n", "generic-api-key"),
            ("settings.py", "token = os.getenv(\"API_TOKEN\", \"{V}\")\n", "generic-token"),
            ("settings.py", "payload = '{\"api_key\": \"{V}\", \"region\": \"eu\"}'\n", "generic-api-key"),
            ("settings.py", "data = json.loads('{\"password\": \"{V}\"}')\n", "generic-password"),
            ("settings.py", "secret = \"\"\"{V}\"\"\"\n", "generic-secret"),
            ("settings.py", "    def api_key(self):\n        return \"{V}\"\n", "generic-api-key"),
            ("src/auth.js", "const { apiKey = \"{V}\" } = options;\n", "generic-api-key"),
            ("src/auth.js", "function connect(password = '{V}') {\n", "generic-password"),
            ("src/auth.js", "process.env.API_TOKEN ??= \"{V}\";\n", "generic-token"),
            ("src/auth.js", "axios.defaults.headers.common[\"Authorization\"] = \"Bearer {V}\";\n", "generic-token"),
            ("src/auth.js", "localStorage.setItem(\"authToken\", \"{V}\");\n", "generic-token"),
            ("src/auth.js", "class Api {\n  static apiKey = \"{V}\";\n  #secret = \"{V}\";\n}\n", "generic-api-key"),
            ("src/auth.js", "  get apiKey() { return \"{V}\"; }\n", "generic-api-key"),
            ("src/auth.ts", "const headers = new Headers({ 'x-api-key': '{V}' });\n", "generic-api-key"),
            ("main.go", "cfg := Config{APIKey: \"{V}\", Region: \"eu\"}\n", "generic-api-key"),
            ("main.go", "os.Setenv(\"API_TOKEN\", \"{V}\")\n", "generic-token"),
            ("main.go", "var headers = map[string]string{\"X-Api-Key\": \"{V}\"}\n", "generic-api-key"),
            ("main.go", "func (c *Client) apiToken() string { return \"{V}\" }\n", "generic-token"),
            ("app.rb", "ENV[\"API_TOKEN\"] ||= \"{V}\"\n", "generic-token"),
            ("app.rb", "Stripe.api_key = \"{V}\"\n", "generic-api-key"),
            ("app.rb", "opts = { :password => \"{V}\" }\n", "generic-password"),
            ("app.rb", "token = ENV.fetch(\"API_TOKEN\", \"{V}\")\n", "generic-token"),
            ("index.php", "define('API_KEY', '{V}');\n", "generic-api-key"),
            ("index.php", "    private $apiSecret = '{V}';\n", "generic-secret"),
            ("index.php", "putenv(\"API_TOKEN={V}\");\n", "generic-token"),
            ("index.php", "$key = env('API_KEY', '{V}');\n", "generic-api-key"),
            ("Api.java", "private static final String API_KEY = \"{V}\";\n", "generic-api-key"),
            ("Api.java", "System.setProperty(\"api.token\", \"{V}\");\n", "generic-token"),
            ("Api.java", "props.put(\"mail.smtp.password\", \"{V}\");\n", "generic-password"),
            ("Api.java", "Client c = Client.builder().apiKey(\"{V}\").build();\n", "generic-api-key"),
            ("Api.java", "  public String getApiKey() { return \"{V}\"; }\n", "generic-api-key"),
            ("Api.java", "creds.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(\"ops\", \"{V}\"));\n", "generic-password"),
            ("src/main.rs", "static API_TOKEN: &str = \"{V}\";\n", "generic-token"),
            ("src/main.rs", "std::env::set_var(\"API_SECRET\", \"{V}\");\n", "generic-secret"),
            ("src/main.rs", "headers.insert(AUTHORIZATION, HeaderValue::from_static(\"Bearer {V}\"));\n", "generic-token"),
            ("src/main.rs", "headers.insert(\"x-api-key\", \"{V}\".parse().unwrap());\n", "generic-api-key"),
            ("Program.cs", "Environment.SetEnvironmentVariable(\"API_KEY\", \"{V}\");\n", "generic-api-key"),
            ("Program.cs", "public string ApiKey => \"{V}\";\n", "generic-api-key"),
            ("Program.cs", "var d = new Dictionary<string, string> { [\"ApiToken\"] = \"{V}\" };\n", "generic-token"),
            ("Program.cs", "var d = new Dictionary<string, string> { { \"ApiSecret\", \"{V}\" } };\n", "generic-secret"),
            ("App.kt", "override val apiKey: String get() = \"{V}\"\n", "generic-api-key"),
            ("App.kt", "fun apiToken(): String = \"{V}\"\n", "generic-token"),
            ("App.kt", "manifestPlaceholders[\"apiKey\"] = \"{V}\"\n", "generic-api-key"),
            ("App.kt", "resValue(\"string\", \"api_key\", \"{V}\")\n", "generic-api-key"),
            ("Api.swift", "var apiKey: String { \"{V}\" }\n", "generic-api-key"),
            ("Api.swift", "UserDefaults.standard.set(\"{V}\", forKey: \"apiToken\")\n", "generic-token"),
            ("res/values/secrets.xml", "<resources>\n    <string name=\"api_key\">{V}</string>\n</resources>\n", "generic-api-key"),
            ("templates/base.html", "{% set api_key = \"{V}\" %}\n", "generic-api-key"),
            ("templates/base.html", "<script>\n  window.config = { apiToken: \"{V}\" };\n</script>\n", "generic-token"),
            ("templates/page.tmpl", "{{ $token := \"{V}\" }}\n", "generic-token"),
            ("lib/config.ex", "System.put_env(\"API_TOKEN\", \"{V}\")\n", "generic-token"),
            ("setup.ps1", "[Environment]::SetEnvironmentVariable(\"API_KEY\", \"{V}\", \"User\")\n", "generic-api-key"),
            ("lib/Config.pm", "use constant API_KEY => '{V}';\n", "generic-api-key"),
            ("Main.hs", "main = setEnv \"API_TOKEN\" \"{V}\"\n", "generic-token"),
            ("speckle.py", "client = SpeckleClient(host=\"app.speckle.systems\")\nclient.authenticate_with_token(\n    \"{S}\"\n)\n", "speckle-token"),
            ("speckle.js", "const SPECKLE_TOKEN = process.env.SPECKLE_TOKEN ?? \"{S}\";\n", "speckle-token"),
        ],
        &[
            ("settings.py", "    api_key: SecretStr = Field(..., env=\"API_KEY\")\n"),
            ("settings.py", "payload = '{\"api_key\": \"%s\"}' % key\n"),
            ("settings.py", "    def api_key(self):\n        return self._api_key\n"),
            ("settings.py", "    def password_label(self):\n        return \"Enter password\"\n"),
            ("src/auth.js", "const { apiKey = process.env.API_KEY } = options;\n"),
            ("src/auth.js", "  get apiKey() { return this._apiKey; }\n"),
            ("src/auth.js", "headers[\"Authorization\"] = `Bearer ${token}`;\n"),
            ("main.go", "func (c *Client) apiToken() string { return c.token }\n"),
            ("Api.java", "  public String getApiKeyHeader() { return \"X-Api-Key\"; }\n"),
            ("Program.cs", "public string ApiKey => _options.ApiKey;\n"),
            ("App.kt", "fun apiToken(): String = BuildConfig.API_TOKEN\n"),
            ("Api.swift", "var apiKey: String { Bundle.main.object(forInfoDictionaryKey: \"API_KEY\") as! String }\n"),
            ("src/main.rs", "headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!(\"Bearer {}\", token))?);\n"),
            ("templates/base.html", "{% set api_key = config.api_key %}\n"),
            ("Api.java", "String hash = DigestUtils.sha256Hex(password);\n"),
            ("test/auth.test.js", "const password = 'dummy-password';\n"),
            ("i18n.js", "const labels = { password: 'auth.password.label', token: 'auth.token.hint' };\n"),
        ],
    );
}

#[test]
fn third_round_calls_and_declarations() {
    check_all(
        &[
            ("src/main.rs", "const API_KEY: &'static str = \"{V}\";\n", "generic-api-key"),
            ("Api.java", "headers.setBearerAuth(\"{V}\");\n", "generic-token"),
            ("mail.py", "server.login(\"ops@acme.io\", \"{V}\")\n", "generic-password"),
            ("mail.py", "ftp.login(user=\"ops\", passwd=\"{V}\")\n", "generic-password"),
            ("vault.py", "keyring.set_password(\"acme\", \"ops\", \"{V}\")\n", "generic-password"),
            ("index.php", "curl_setopt($ch, CURLOPT_USERPWD, \"ops:{V}\");\n", "generic-password"),
            ("index.php", "curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer {V}']);\n", "generic-token"),
            ("init.vim", "let g:openai_api_key = '{V}'\n", "generic-api-key"),
            ("init.el", "(setq openai-api-key \"{V}\")\n", "generic-api-key"),
            ("core.lisp", "(defparameter *api-token* \"{V}\")\n", "generic-token"),
            ("Main.pas", "const ApiKey = '{V}';\n", "generic-api-key"),
            ("Main.pas", "  FToken := '{V}';\n", "generic-token"),
            ("Vault.sol", "string private apiSecret = \"{V}\";\n", "generic-secret"),
            ("Keys.cls", "String apiKey = '{V}';\n", "generic-api-key"),
            ("main.go", "viper.SetDefault(\"api_token\", \"{V}\")\n", "generic-token"),
            ("main.go", "apiKey := flag.String(\"api-key\", \"{V}\", \"the API key\")\n", "generic-api-key"),
            ("app.ts", "constructor(private readonly apiKey = \"{V}\") {}\n", "generic-api-key"),
            ("app.ts", "enum Secrets { ApiToken = \"{V}\" }\n", "generic-token"),
            ("app.py", "setattr(settings, \"API_SECRET\", \"{V}\")\n", "generic-secret"),
            ("app.py", "app.config.update(SECRET_KEY=\"{V}\")\n", "generic-secret"),
            ("app.swift", "let cred = URLCredential(user: \"ops\", password: \"{V}\", persistence: .none)\n", "generic-password"),
            ("app.dart", "final res = await http.get(uri, headers: {'Authorization': 'Bearer {V}'});\n", "generic-token"),
            ("lib/app.rb", "client = Octokit::Client.new(access_token: \"{V}\")\n", "generic-token"),
            ("script.m", "setenv('API_KEY', '{V}');\n", "generic-api-key"),
            ("App.vue", "<script>\nexport default {\n  data() {\n    return { apiKey: '{V}' }\n  }\n}\n</script>\n", "generic-api-key"),
            ("speckle.ts", "const client = new SpeckleApiClient({\n  server: \"https://app.speckle.systems\",\n  token:\n    \"{S}\",\n});\n", "speckle-token"),
        ],
        &[
            ("mail.py", "server.login(user, password)\n"),
            ("mail.py", "server.login(\"ops@acme.io\", os.environ[\"SMTP_PASSWORD\"])\n"),
            ("app.py", "page.login(\"admin\", \"admin\")\n"),
            ("app.ts", "enum TokenKind { Access = \"access_token\", Refresh = \"refresh_token\" }\n"),
            ("init.vim", "let g:openai_api_key = $OPENAI_API_KEY\n"),
            ("app.swift", "request.addValue(\"Bearer \\(token)\", forHTTPHeaderField: \"Authorization\")\n"),
            ("App.kt", "const val AUTH_HEADER = \"KakaoAK $REST_API_KEY\"\n"),
        ],
    );
}

#[test]
fn byte_conversions_and_manifests() {
    check_all(
        &[
            ("auth.go", "var jwtSecret = []byte(\"{V}\")\n", "generic-secret"),
            ("Auth.cs", "var secretKey = Encoding.UTF8.GetBytes(\"{V}\");\n", "generic-secret"),
            ("Auth.kt", "val secret = \"{V}\".toByteArray()\n", "generic-secret"),
            ("auth.rs", "let secret = \"{V}\".as_bytes().to_vec();\n", "generic-secret"),
            ("auth.rs", "let token = \"{V}\".to_string().into_bytes();\n", "generic-token"),
            ("Auth.java", "Key key = new SecretKeySpec(\"{V}\".getBytes(StandardCharsets.UTF_8), \"HmacSHA256\");\n", "generic-secret"),
            ("app/src/main/AndroidManifest.xml", "<meta-data\n    android:name=\"com.acme.sdk.API_KEY\"\n    android:value=\"{V}\" />\n", "generic-api-key"),
            ("app/src/main/AndroidManifest.xml", "<meta-data android:name=\"com.acme.API_TOKEN\" android:value=\"{V}\"/>\n", "generic-token"),
            ("ios/App/Info.plist", "<dict>\n  <key>AcmeApiKey</key>\n  <string>{V}</string>\n</dict>\n", "generic-api-key"),
            ("grpc_client.py", "metadata = [(\"authorization\", \"Bearer {V}\")]\n", "generic-token"),
            ("grpc_client.py", "metadata = ((\"x-api-key\", \"{V}\"),)\n", "generic-api-key"),
        ],
        &[
            ("auth.go", "var jwtSecret = []byte(os.Getenv(\"JWT_SECRET\"))\n"),
            ("Auth.kt", "val secret = secretName.toByteArray()\n"),
            ("app/src/main/AndroidManifest.xml", "<meta-data android:name=\"com.acme.API_KEY\" android:value=\"${acmeApiKey}\"/>\n"),
            ("app/src/main/AndroidManifest.xml", "<meta-data android:name=\"com.acme.API_KEY\" android:value=\"@string/acme_api_key\"/>\n"),
        ],
    );
}

#[test]
fn speckle_and_spell_in_the_new_forms() {
    check_all(
        &[
            ("viewer.py", "    def speckle_token(self):\n        return \"{S}\"\n", "speckle-token"),
            ("src/main.rs", "const SPECKLE_TOKEN: &str = \"{S}\";\n", "speckle-token"),
            ("init.lua", "local speckle_token <const> = \"{S}\"\n", "speckle-token"),
            ("deploy.pl", "$ENV{SPECKLE_TOKEN} = '{S}';\n", "speckle-token"),
            ("src/speckle.ts", "export const SPECKLE_TOKEN =\n  \"{S}\";\n", "speckle-token"),
            ("Speckle.cs", "var client = new Client(new Account { token = \"{S}\", serverInfo = new ServerInfo { url = \"https://app.speckle.systems\" } });\n", "speckle-token"),
            ("train.py", "client = SpellClient(\n    token=\"{P}\",\n    owner=\"acme\",\n)\n", "spell-token"),
            ("train.py", "SPELL_TOKEN = os.getenv(\"SPELL_TOKEN\", \"{P}\")\n", "spell-token"),
            ("init.lua", "local spell_token <const> = \"{P}\"\n", "spell-token"),
            ("src/App.svelte", "<SpellRun spellToken={\"{P}\"} />\n", "spell-token"),
            ("deploy.pl", "$ENV{SPELL_TOKEN} = '{P}';\n", "spell-token"),
        ],
        &[
            ("viewer.py", "    def speckle_commit(self):\n        return \"{S}\"\n"),
        ],
    );
}

#[test]
fn fallbacks_after_subscripts_and_default_labels() {
    check_all(
        &[
            (
                "src/config.js",
                "const apiKey = process.env[\"API_KEY\"] || \"{V}\";\n",
                "generic-api-key",
            ),
            (
                "config/app.rb",
                "token = ENV[\"API_TOKEN\"] || \"{V}\"\n",
                "generic-token",
            ),
            (
                "config.php",
                "$secret = $_ENV['APP_SECRET'] ?? '{V}';\n",
                "generic-secret",
            ),
            (
                "settings.py",
                "API_KEY = os.environ.get(\"API_KEY\", default=\"{V}\")\n",
                "generic-api-key",
            ),
            (
                "settings.py",
                "PASSWORD = env.str(\"DB_PASSWORD\", default=\"{V}\")\n",
                "generic-password",
            ),
            (
                "Config.java",
                "String token = System.getenv().getOrDefault(\"API_TOKEN\", \"{V}\");\n",
                "generic-token",
            ),
            (
                "config.go",
                "secret := getEnv(\"APP_SECRET\", \"{V}\")\n",
                "generic-secret",
            ),
        ],
        &[
            (
                "src/config.js",
                "const apiKey = process.env[\"API_KEY\"] || defaultKey;\n",
            ),
            (
                "settings.py",
                "API_KEY = os.environ.get(\"API_KEY\", default=None)\n",
            ),
            (
                "settings.py",
                "API_KEY = os.environ.get(\"API_KEY_NAME\", default=\"{V}\")\n",
            ),
        ],
    );
}

#[test]
fn tuples_quote_operators_and_header_maps() {
    check_all(
        &[
            (
                "deploy.py",
                "user, password = \"ops\", \"{V}\"\n",
                "generic-password",
            ),
            (
                "main.go",
                "user, pass := \"ops\", \"{V}\"\n",
                "generic-password",
            ),
            (
                "init.lua",
                "local user, api_key = \"ops\", \"{V}\"\n",
                "generic-api-key",
            ),
            ("config/app.rb", "token = %q({V})\n", "generic-token"),
            ("config/app.rb", "API_SECRET = %Q{{V}}\n", "generic-secret"),
            (
                "main.go",
                "req.Header = http.Header{\"Authorization\": {\"Bearer {V}\"}}\n",
                "generic-token",
            ),
            (
                "Api.kt",
                "val credential = Credentials.basic(\"ops\", \"{V}\")\n",
                "generic-password",
            ),
            (
                "settings.py",
                "env = environ.Env(SECRET_KEY=(str, \"{V}\"))\n",
                "generic-secret",
            ),
        ],
        &[
            ("deploy.py", "password, user = read_password(), \"{V}\"\n"),
            (
                "deploy.py",
                "api_key, region = os.environ[\"API_KEY\"], \"{V}\"\n",
            ),
        ],
    );
}

#[test]
fn templates_and_documentation() {
    check_all(
        &[
            (
                "templates/index.html.erb",
                "<%= javascript_tag \"window.apiKey = '{V}';\" %>\n",
                "generic-api-key",
            ),
            (
                "resources/views/app.blade.php",
                "@php $apiToken = '{V}'; @endphp\n",
                "generic-token",
            ),
            (
                "templates/app.hbs",
                "{{> widget apiKey=\"{V}\"}}\n",
                "generic-api-key",
            ),
            (
                "templates/config.j2",
                "{% set db_password = '{V}' %}\n",
                "generic-password",
            ),
            (
                "templates/page.twig",
                "{% set secret = \"{V}\" %}\n",
                "generic-secret",
            ),
            (
                "docs/setup.md",
                "Set `API_TOKEN={V}` in your shell before running.\n",
                "generic-token",
            ),
            (
                "docs/setup.md",
                "```kotlin\nconst val API_KEY = \"{V}\"\n```\n",
                "generic-api-key",
            ),
            (
                "docs/setup.rst",
                ".. code-block:: python\n\n   client = Client(api_key=\"{V}\")\n",
                "generic-api-key",
            ),
            (
                "docs/api.adoc",
                "[source,bash]\n----\ncurl -H \"X-Api-Key: {V}\" https://api.acme.io\n----\n",
                "generic-api-key",
            ),
            (
                "src/App.vue",
                "<template>\n  <GoogleMap api-key=\"{V}\" :center=\"center\" />\n</template>\n",
                "generic-api-key",
            ),
            (
                "src/app.component.html",
                "<app-map [apiKey]=\"'{V}'\"></app-map>\n",
                "generic-api-key",
            ),
        ],
        &[
            (
                "templates/config.j2",
                "{% set db_password = vault_db_password %}\n",
            ),
            (
                "docs/setup.md",
                "Set `API_TOKEN=<your token>` in your shell before running.\n",
            ),
            (
                "src/app.component.html",
                "<app-map [apiKey]=\"apiKey\"></app-map>\n",
            ),
            ("templates/app.hbs", "{{> widget apiKey=config.apiKey}}\n"),
        ],
    );
}

#[test]
fn fixtures_named_fake_dummy_or_example() {
    check_all(
        &[],
        &[
            ("tests/test_client.py", "FAKE_API_KEY = \"{V}\"\n"),
            ("src/client.test.ts", "const dummyToken = '{V}';\n"),
            (
                "ClientTest.kt",
                "private const val EXAMPLE_SECRET = \"{V}\"\n",
            ),
            ("spec/client_spec.rb", "let(:mock_password) { \"{V}\" }\n"),
            ("client_test.go", "const fakeAPIToken = \"{V}\"\n"),
        ],
    );
}

#[test]
fn fallback_methods_and_elvis() {
    check_all(
        &[
            ("Config.kt", "val apiKey = System.getenv(\"API_KEY\") ?: \"{V}\"\n", "generic-api-key"),
            ("Config.java", "String token = Optional.ofNullable(System.getenv(\"API_TOKEN\")).orElse(\"{V}\");\n", "generic-token"),
            ("src/main.rs", "let key = std::env::var(\"API_KEY\").unwrap_or(\"{V}\".to_string());\n", "generic-api-key"),
            ("src/main.rs", "let secret = option_env!(\"APP_SECRET\").unwrap_or(\"{V}\");\n", "generic-secret"),
            ("Config.scala", "val password = sys.env.get(\"DB_PASSWORD\").getOrElse(\"{V}\")\n", "generic-password"),
        ],
        &[
            ("Config.kt", "val apiKey = System.getenv(\"API_KEY\") ?: error(\"API_KEY missing\")\n"),
            ("src/main.rs", "let key = std::env::var(\"API_KEY\").unwrap_or_default();\n"),
        ],
    );
}
