//! Fifth held-aside recall set (issue 13: recall >= 0.95 at precision >= 0.98 "on context
//! forms users meet that were never used for tuning"). The four earlier sets
//! ([`super::heldout`], [`super::heldout_fresh`], [`super::heldout_fresh2`],
//! [`super::heldout_fresh3`]) had all been seen by the people tuning the context engine by
//! the time this one was written, so they no longer measure that.
//!
//! Written blind on 2026-12-06: without reading the engine (`src/context/` lexer, rules,
//! classifier, structure, URL, XML, escape, sibling, command-line, spacing, pair and name
//! code, `stand_in/`, `src/scan/`) or docs/context-rules.md. Only the four earlier sets and the
//! form and file names of `recall_listed.rs` and `tests*.rs` were read, to avoid repeating them. The forms follow how users of a pre-commit scanner write
//! application code and configuration, grounded in public documentation and real code: SDK
//! constructors and settings objects (specklepy's `SpeckleClient(host=...,
//! verify_certificate=...)`, `authenticate_with_token`, `StreamWrapper.get_client`; Spell's
//! `SpellClient(token=..., owner=...)` and `SPELL_TOKEN`/`SPELL_OWNER`; MinIO, NewsAPI,
//! pyowm, alpha_vantage, datadog `initialize`, SQLAlchemy `URL.create`, redis-go, knex,
//! nodemailer, Sequelize, PDO, Retrofit `@Headers`, envconfig struct tags), dataclass and
//! pydantic defaults, enums, builder chains, heredocs and multi-line strings; YAML anchors,
//! flow mappings and multi-document files, JSON5/JSONC, TOML inline tables and arrays of
//! tables, HCL maps, heredocs, `locals` and `helm_release` `set` blocks; `.env.*` variants
//! with comments; GitHub Actions job containers and matrices, GitLab `docker login`,
//! CircleCI `$BASH_ENV`, scripted Jenkins, Azure container resources, Make target-specific
//! variables, PowerShell `param()` defaults, `sshpass`, libpq conninfo, `PGPASSWORD`; the
//! Speckle self-hosting compose file's `SESSION_SECRET`, .NET `launchSettings.json`, Nuxt
//! `runtimeConfig`, graphql-request; and the two seed documents in `/work/shared/seeds/`
//! (specklepy authentication; Spell access tokens). The files are our own.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed,
//! never on low recall. Run it with:
//!
//! `cargo test --lib context::heldout_fresh4::held_aside_fourth -- --exact --nocapture`
//!
//! History (2026-12-06): blind recall was 0.836 when it was written and 0.867 after a round of
//! fixes that had not seen it (precision 1.000). Its misses were then used to tune the engine
//! (branch `recall3`), so it no longer measures unseen forms.
//!
//! No token is committed: placeholders are filled at run time by the shared seeded generator
//! ([`super::heldout_fresh2::fill`]), whose shapes are listed there; this set adds none.

#![cfg(test)]

use super::heldout_fresh2::{measure, Case};

const CODE: &str = "application code";
const CONFIG: &str = "config and infra";
const CI: &str = "CI and scripts";
const PLACES: &str = "Speckle and Spell";

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- application code: Python
    Case { family: CODE, form: "python dataclass default", file: "acme/settings.py", text: "from dataclasses import dataclass\n\n\n@dataclass\nclass Settings:\n    api_url: str = \"https://api.acme-corp.io\"\n    api_key: str = \"{K}\"\n    timeout: int = 30\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "pydantic Field default SecretStr", file: "app/config.py", text: "class Settings(BaseSettings):\n    db_host: str = \"db\"\n    db_password: SecretStr = Field(default=\"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "python str Enum member", file: "app/keys.py", text: "class Credentials(str, Enum):\n    CLIENT_ID = \"acme-reporting\"\n    CLIENT_SECRET = \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "python requests auth tuple", file: "scripts/export.py", text: "resp = requests.get(\n    \"https://portal.acme-corp.io/api/export\",\n    auth=(\"deploy\", \"{W}\"),\n    timeout=10,\n)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "python triple-quoted ini template", file: "scripts/bootstrap.py", text: "CONFIG = \"\"\"\n[acme]\nendpoint = https://api.acme-corp.io\napi_key = {K}\n\"\"\"\nPath(\"~/.acme.ini\").expanduser().write_text(CONFIG)\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "datadog initialize options dict", file: "monitoring/events.py", text: "from datadog import initialize, api\n\noptions = {\n    \"api_key\": \"{DD}\",\n    \"app_key\": os.environ[\"DD_APP_KEY\"],\n}\ninitialize(**options)\n", rule: Some("datadog-api-key") },
    Case { family: CODE, form: "newsapi NewsApiClient", file: "news/fetch.py", text: "from newsapi import NewsApiClient\n\nnewsapi = NewsApiClient(api_key=\"{NEWS}\")\ntop = newsapi.get_top_headlines(language=\"en\")\n", rule: Some("newsapi-api-key") },
    Case { family: CODE, form: "pyowm OWM positional", file: "weather/today.py", text: "from pyowm import OWM\n\nowm = OWM(\"{OWM}\")\nmgr = owm.weather_manager()\n", rule: Some("openweather-api-key") },
    Case { family: CODE, form: "alpha_vantage TimeSeries key", file: "quotes/daily.py", text: "from alpha_vantage.timeseries import TimeSeries\n\nts = TimeSeries(key=\"{AV}\", output_format=\"pandas\")\n", rule: Some("alphavantage-api-key") },
    Case { family: CODE, form: "pytest fixture returning dict", file: "tests/conftest.py", text: "@pytest.fixture\ndef oauth_config():\n    return {\n        \"client_id\": \"acme-web\",\n        \"client_secret\": \"{C}\",\n    }\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "sqlalchemy URL.create", file: "app/db.py", text: "url = URL.create(\n    \"postgresql+psycopg\",\n    username=\"app\",\n    password=\"{W}\",\n    host=\"db.acme-corp.io\",\n    database=\"app\",\n)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "minio client secret_key", file: "storage/client.py", text: "client = Minio(\n    \"minio.acme-corp.io:9000\",\n    access_key=\"reporting\",\n    secret_key=\"{C}\",\n    secure=True,\n)\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "python class attribute", file: "app/integrations/acme.py", text: "class AcmeClient:\n    BASE_URL = \"https://api.acme-corp.io/v2\"\n    TOKEN = \"{T}\"\n\n    def __init__(self):\n        self.session = requests.Session()\n", rule: Some("generic-token") },
    Case { family: CODE, form: "python session.headers.update", file: "app/http.py", text: "session = requests.Session()\nsession.headers.update({\"X-Api-Key\": \"{K}\", \"Accept\": \"application/json\"})\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- application code: JS/TS
    Case { family: CODE, form: "axios.create default headers", file: "src/api/client.ts", text: "export const api = axios.create({\n  baseURL: 'https://api.acme-corp.io/v1',\n  headers: { 'X-API-Key': '{K}' },\n});\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "ts private readonly field", file: "src/services/payments.service.ts", text: "@Injectable()\nexport class PaymentsService {\n  private readonly apiSecret = '{C}';\n  constructor(private http: HttpClient) {}\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "ts string enum", file: "src/constants.ts", text: "export enum AcmeKeys {\n  Region = 'eu-west-1',\n  ApiKey = '{K}',\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "js template literal Token header", file: "src/lib/fetcher.js", text: "const res = await fetch(`${BASE}/orders`, {\n  headers: { Authorization: `Token {T}` },\n});\n", rule: Some("generic-token") },
    Case { family: CODE, form: "js Object.freeze config", file: "src/config.js", text: "export default Object.freeze({\n  dbHost: 'db.acme-corp.io',\n  dbPassword: \"{W}\",\n});\n", rule: Some("generic-password") },
    Case { family: CODE, form: "knexfile connection", file: "knexfile.js", text: "module.exports = {\n  production: {\n    client: 'pg',\n    connection: {\n      host: 'db.acme-corp.io',\n      user: 'app',\n      password: '{W}',\n      database: 'app',\n    },\n  },\n};\n", rule: Some("generic-password") },
    Case { family: CODE, form: "nodemailer auth pass", file: "src/mail.js", text: "const transporter = nodemailer.createTransport({\n  host: 'smtp.acme-corp.io',\n  port: 587,\n  auth: { user: 'mailer@acme-corp.io', pass: '{W}' },\n});\n", rule: Some("generic-password") },
    Case { family: CODE, form: "jest setup process.env assign", file: "jest.setup.ts", text: "process.env.NODE_ENV = 'test';\nprocess.env.API_SECRET = '{C}';\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "sequelize positional password", file: "src/db.js", text: "const sequelize = new Sequelize('app', 'app', '{W}', {\n  host: 'db.acme-corp.io',\n  dialect: 'postgres',\n});\n", rule: Some("generic-password") },
    Case { family: CODE, form: "ts object satisfies config", file: "src/env.ts", text: "export const env = {\n  apiUrl: 'https://api.acme-corp.io',\n  apiToken: '{T}',\n} satisfies Env;\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- application code: Go
    Case { family: CODE, form: "go map literal header", file: "internal/client/client.go", text: "var defaultHeaders = map[string]string{\n\t\"Accept\":    \"application/json\",\n\t\"X-Api-Key\": \"{K}\",\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "go const block", file: "internal/acme/consts.go", text: "const (\n\tbaseURL   = \"https://api.acme-corp.io\"\n\tapiSecret = \"{C}\"\n)\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "go SetBasicAuth", file: "cmd/export/main.go", text: "req, _ := http.NewRequest(http.MethodGet, \"https://portal.acme-corp.io/export\", nil)\nreq.SetBasicAuth(\"deploy\", \"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "go envconfig default tag", file: "internal/config/config.go", text: "type Config struct {\n\tPort     int    `envconfig:\"PORT\" default:\"8080\"`\n\tAPIToken string `envconfig:\"API_TOKEN\" default:\"{T}\"`\n}\n", rule: Some("generic-token") },
    Case { family: CODE, form: "go redis.Options Password", file: "internal/cache/redis.go", text: "rdb := redis.NewClient(&redis.Options{\n\tAddr:     \"cache.acme-corp.io:6379\",\n\tPassword: \"{W}\",\n\tDB:       0,\n})\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- application code: JVM
    Case { family: CODE, form: "java Map.of headers", file: "src/main/java/io/acme/Headers.java", text: "private static final Map<String, String> HEADERS = Map.of(\n    \"Accept\", \"application/json\",\n    \"X-Api-Key\", \"{K}\");\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "java DataSourceBuilder chain", file: "src/main/java/io/acme/DbConfig.java", text: "return DataSourceBuilder.create()\n    .url(\"jdbc:postgresql://db.acme-corp.io:5432/app\")\n    .username(\"app\")\n    .password(\"{W}\")\n    .build();\n", rule: Some("generic-password") },
    Case { family: CODE, form: "java @TestPropertySource properties", file: "src/test/java/io/acme/ClientIT.java", text: "@SpringBootTest\n@TestPropertySource(properties = {\"acme.base-url=http://localhost:8089\", \"acme.api-key={K}\"})\nclass ClientIT {\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "kotlin data class default", file: "src/main/kotlin/io/acme/AcmeConfig.kt", text: "data class AcmeConfig(\n    val baseUrl: String = \"https://api.acme-corp.io\",\n    val apiSecret: String = \"{C}\",\n)\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "kotlin mapOf to", file: "src/main/kotlin/io/acme/Http.kt", text: "val headers = mapOf(\"Accept\" to \"application/json\", \"X-Api-Key\" to \"{K}\")\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "kotlin retrofit @Headers", file: "app/src/main/java/io/acme/OrdersApi.kt", text: "interface OrdersApi {\n    @Headers(\"X-Api-Key: {K}\")\n    @GET(\"v2/orders\")\n    suspend fun list(): List<Order>\n}\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- application code: .NET
    Case { family: CODE, form: "c# NetworkCredential", file: "Mailer/SmtpSender.cs", text: "var smtp = new SmtpClient(\"smtp.acme-corp.io\", 587)\n{\n    EnableSsl = true,\n    Credentials = new NetworkCredential(\"mailer\", \"{W}\"),\n};\n", rule: Some("generic-password") },
    Case { family: CODE, form: "c# options Configure lambda", file: "Api/Program.cs", text: "builder.Services.Configure<AcmeOptions>(o =>\n{\n    o.BaseUrl = \"https://api.acme-corp.io\";\n    o.ApiKey = \"{K}\";\n});\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "c# dictionary index initializer", file: "Auth/TokenRequest.cs", text: "var form = new Dictionary<string, string>\n{\n    [\"grant_type\"] = \"client_credentials\",\n    [\"client_secret\"] = \"{C}\",\n};\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "c# verbatim const", file: "Data/Db.cs", text: "internal static class Db\n{\n    public const string Password = @\"{W}\";\n}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- application code: Ruby, PHP
    Case { family: CODE, form: "ruby configure block", file: "config/initializers/acme.rb", text: "Acme.configure do |config|\n  config.api_key = '{K}'\n  config.timeout = 10\nend\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "ruby keyword args constructor", file: "app/services/billing.rb", text: "client = Billing::Client.new(api_secret: '{C}', environment: :production)\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "ruby squiggly heredoc yaml", file: "spec/support/fixtures.rb", text: "CONFIG_YAML = <<~YAML\n  endpoint: https://api.acme-corp.io\n  token: {T}\nYAML\n", rule: Some("generic-token") },
    Case { family: CODE, form: "ruby ENV.fetch default", file: "config/database.rb", text: "PASSWORD = ENV.fetch('DB_PASSWORD', '{W}')\n", rule: Some("generic-password") },
    Case { family: CODE, form: "php PDO constructor", file: "src/Db.php", text: "$pdo = new PDO('mysql:host=db.acme-corp.io;dbname=app', 'app', '{W}', [\n    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,\n]);\n", rule: Some("generic-password") },
    Case { family: CODE, form: "php private class const", file: "src/Acme/Client.php", text: "final class Client\n{\n    private const API_SECRET = '{C}';\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "php putenv", file: "tests/bootstrap.php", text: "<?php\nputenv('API_TOKEN={T}');\nrequire __DIR__ . '/../vendor/autoload.php';\n", rule: Some("generic-token") },
    Case { family: CODE, form: "php nowdoc ini", file: "bin/setup.php", text: "$ini = <<<'INI'\n[acme]\napi_key = {K}\nINI;\nfile_put_contents('acme.ini', $ini);\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- application code: Rust, Swift
    Case { family: CODE, form: "rust struct literal to_string", file: "src/config.rs", text: "let cfg = Config {\n    base_url: \"https://api.acme-corp.io\".to_string(),\n    api_key: \"{K}\".to_string(),\n    ..Default::default()\n};\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "rust static str", file: "src/auth.rs", text: "static API_TOKEN: &str = \"{T}\";\n", rule: Some("generic-token") },
    Case { family: CODE, form: "rust basic_auth Some", file: "src/export.rs", text: "let resp = client\n    .get(\"https://portal.acme-corp.io/export\")\n    .basic_auth(\"deploy\", Some(\"{W}\"))\n    .send()?;\n", rule: Some("generic-password") },
    Case { family: CODE, form: "rust raw string toml", file: "tests/config.rs", text: "let cfg: Config = toml::from_str(r#\"\n    endpoint = \"https://api.acme-corp.io\"\n    api_token = \"{T}\"\n\"#)?;\n", rule: Some("generic-token") },
    Case { family: CODE, form: "swift SDK init labelled", file: "App/AppDelegate.swift", text: "let configuration = AcmeConfiguration(apiKey: \"{K}\", environment: .production)\nAcme.start(with: configuration)\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "swift multi-line json body", file: "App/Login.swift", text: "let body = \"\"\"\n{\"username\": \"ops\", \"password\": \"{W}\"}\n\"\"\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- application code: shell
    Case { family: CODE, form: "shell := default expansion", file: "scripts/sync.sh", text: "#!/usr/bin/env bash\nset -euo pipefail\n: \"${API_TOKEN:={T}}\"\ncurl -fsS \"https://api.acme-corp.io/sync\"\n", rule: Some("generic-token") },
    Case { family: CODE, form: "shell readonly", file: "scripts/lib.sh", text: "readonly API_SECRET=\"{C}\"\nreadonly API_URL=\"https://api.acme-corp.io\"\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "shell heredoc credentials file", file: "scripts/setup-dev.sh", text: "mkdir -p ~/.acme\ncat > ~/.acme/credentials <<EOF\n[default]\napi_key = {K}\nEOF\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- config and infra
    Case { family: CONFIG, form: "compose x- anchor alias env", file: "docker-compose.yml", text: "x-common-env: &common-env\n  API_SECRET: {C}\n  LOG_LEVEL: info\n\nservices:\n  web:\n    image: acme/web\n    environment: *common-env\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "yaml flow mapping", file: "config/database.yml", text: "production: {adapter: postgresql, host: db.acme-corp.io, password: {W}}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "multi-document yaml second doc", file: "k8s/app.yaml", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  api-token: {T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "yaml array of credential objects", file: "config/registries.yaml", text: "registries:\n  - name: internal\n    url: https://registry.acme-corp.io\n    username: ci\n    password: {W}\n  - name: public\n    url: https://registry-1.docker.io\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "yaml folded block scalar", file: "config/acme.yaml", text: "acme:\n  api_key: >-\n    {K}\n  region: eu-west-1\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "json5 unquoted key comment", file: "config/prod.json5", text: "{\n  // rotated by ops\n  apiSecret: '{C}',\n  region: 'eu-west-1',\n}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "jsonc settings trailing comma", file: ".vscode/settings.json", text: "{\n  // acme extension\n  \"acme.endpoint\": \"https://api.acme-corp.io\",\n  \"acme.apiToken\": \"{T}\",\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "json array of accounts", file: "config/accounts.json", text: "{\n  \"accounts\": [\n    {\"user\": \"report\", \"password\": \"{W}\"},\n    {\"user\": \"audit\", \"password\": null}\n  ]\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "toml inline table", file: "config.toml", text: "[app]\nname = \"acme\"\ndatabase = { host = \"db\", user = \"app\", password = \"{W}\" }\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "toml array of tables", file: "servers.toml", text: "[[servers]]\nname = \"eu\"\nurl = \"https://eu.api.acme-corp.io\"\napi_key = \"{K}\"\n\n[[servers]]\nname = \"us\"\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "toml dotted key", file: "acme.toml", text: "acme.api.endpoint = \"https://api.acme-corp.io\"\nacme.api.secret = \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: ".env.production trailing comment", file: ".env.production", text: "NODE_ENV=production\nAPI_TOKEN={T} # rotated 2026-11\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: ".env.local double-quoted comment", file: ".env.local", text: "DB_HOST=localhost\nDB_PASSWORD=\"{W}\"  # local only\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: ".env.staging CRLF", file: ".env.staging", text: "APP_ENV=staging\r\nAPI_KEY={K}\r\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "hcl variable map default", file: "infra/variables.tf", text: "variable \"api_keys\" {\n  type = map(string)\n  default = {\n    reporting = \"{K}\"\n  }\n}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "hcl heredoc in resource", file: "infra/k8s.tf", text: "resource \"kubernetes_secret\" \"app\" {\n  metadata {\n    name = \"app-config\"\n  }\n  data = {\n    \"config.yaml\" = <<-EOT\n      endpoint: https://api.acme-corp.io\n      token: {T}\n    EOT\n  }\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "terraform locals", file: "infra/locals.tf", text: "locals {\n  db_name     = \"app\"\n  db_password = \"{W}\"\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "terraform actions secret plaintext_value", file: "infra/github.tf", text: "resource \"github_actions_secret\" \"api\" {\n  repository      = \"web\"\n  secret_name     = \"API_SECRET\"\n  plaintext_value = \"{C}\"\n}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "terraform helm_release set block", file: "infra/redis.tf", text: "resource \"helm_release\" \"redis\" {\n  name  = \"redis\"\n  chart = \"oci://registry-1.docker.io/bitnamicharts/redis\"\n\n  set {\n    name  = \"auth.password\"\n    value = \"{W}\"\n  }\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "dockerfile RUN writes .npmrc", file: "Dockerfile", text: "FROM node:20-alpine\nWORKDIR /app\nRUN echo \"//npm.acme-corp.io/:_authToken={T}\" > .npmrc && npm ci\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "dockerfile ENV continuation", file: "Dockerfile", text: "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 \\\n    API_SECRET={C} \\\n    PORT=8000\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "compose ${VAR:-default}", file: "compose.yaml", text: "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-{W}}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "k8s command block list flag", file: "k8s/worker.yaml", text: "      containers:\n        - name: worker\n          image: acme/worker:2.3\n          command:\n            - /app/worker\n            - --queue=default\n            - --api-token={T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "helm externalDatabase values", file: "values.prod.yaml", text: "postgresql:\n  enabled: false\nexternalDatabase:\n  host: db.acme-corp.io\n  user: app\n  password: {W}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "ansible uri headers", file: "roles/notify/tasks/main.yml", text: "- name: Notify deploy\n  ansible.builtin.uri:\n    url: https://api.acme-corp.io/deploys\n    method: POST\n    headers:\n      X-Api-Key: {K}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "spring properties ${ENV:default}", file: "src/main/resources/application.properties", text: "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=${DB_PASSWORD:{W}}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "hibernate.cfg.xml property name", file: "src/main/resources/hibernate.cfg.xml", text: "<hibernate-configuration>\n  <session-factory>\n    <property name=\"hibernate.connection.username\">app</property>\n    <property name=\"hibernate.connection.password\">{W}</property>\n  </session-factory>\n</hibernate-configuration>\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "properties colon separator", file: "conf/acme.properties", text: "acme.endpoint: https://api.acme-corp.io\nacme.api.token: {T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "nginx proxy_set_header", file: "nginx/conf.d/api.conf", text: "location /api/ {\n    proxy_pass https://api.acme-corp.io/;\n    proxy_set_header X-Api-Key {K};\n}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "gitconfig http extraHeader", file: ".gitconfig", text: "[http \"https://git.acme-corp.io/\"]\n\textraHeader = Authorization: Bearer {T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "my.cnf client password", file: ".my.cnf", text: "[client]\nuser=root\npassword=\"{W}\"\nhost=db.acme-corp.io\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "php.ini mysqli default_pw", file: "php.ini", text: "[MySQLi]\nmysqli.default_host = db.acme-corp.io\nmysqli.default_user = app\nmysqli.default_pw = {W}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- CI and scripts
    Case { family: CI, form: "actions job container credentials", file: ".github/workflows/build.yml", text: "jobs:\n  build:\n    runs-on: ubuntu-latest\n    container:\n      image: registry.acme-corp.io/build:3\n      credentials:\n        username: ci\n        password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "actions matrix include value", file: ".github/workflows/smoke.yml", text: "    strategy:\n      matrix:\n        include:\n          - region: eu\n            api_key: {K}\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "actions run block export", file: ".github/workflows/release.yml", text: "      - name: Publish\n        run: |\n          export API_TOKEN={T}\n          ./scripts/publish.sh\n", rule: Some("generic-token") },
    Case { family: CI, form: "actions docker build-arg", file: ".github/workflows/image.yml", text: "      - run: docker build --build-arg API_TOKEN={T} -t acme/web .\n", rule: Some("generic-token") },
    Case { family: CI, form: "gitlab docker login -p", file: ".gitlab-ci.yml", text: "build:\n  image: docker:27\n  script:\n    - docker login -u ci -p {W} registry.acme-corp.io\n    - docker build -t registry.acme-corp.io/web .\n", rule: Some("generic-password") },
    Case { family: CI, form: "circleci BASH_ENV export", file: ".circleci/config.yml", text: "      - run:\n          name: Setup env\n          command: |\n            echo 'export API_SECRET={C}' >> \"$BASH_ENV\"\n", rule: Some("generic-secret") },
    Case { family: CI, form: "jenkins scripted env assignment", file: "Jenkinsfile", text: "node {\n  env.API_TOKEN = '{T}'\n  stage('Deploy') {\n    sh './deploy.sh'\n  }\n}\n", rule: Some("generic-token") },
    Case { family: CI, form: "azure container resource env", file: "azure-pipelines.yml", text: "resources:\n  containers:\n  - container: pg\n    image: postgres:16\n    env:\n      POSTGRES_PASSWORD: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "make target-specific variable", file: "Makefile", text: "test: API_SECRET = {C}\ntest:\n\tpytest -q\n", rule: Some("generic-secret") },
    Case { family: CI, form: "make export assignment", file: "Makefile", text: "export API_TOKEN = {T}\n\ndeploy:\n\t./deploy.sh\n", rule: Some("generic-token") },
    Case { family: CI, form: "powershell param default", file: "scripts/Publish.ps1", text: "param(\n    [string]$Endpoint = 'https://api.acme-corp.io',\n    [string]$ApiToken = '{T}'\n)\n", rule: Some("generic-token") },
    Case { family: CI, form: "powershell Set-Item Env:", file: "scripts/dev.ps1", text: "Set-Item -Path Env:API_SECRET -Value '{C}'\n", rule: Some("generic-secret") },
    Case { family: CI, form: "mysqldump --password=quoted", file: "scripts/backup.sh", text: "mysqldump -h db.acme-corp.io -u root --password='{W}' app > /backups/app.sql\n", rule: Some("generic-password") },
    Case { family: CI, form: "sshpass -p", file: "scripts/push.sh", text: "sshpass -p '{W}' scp build.tgz deploy@web1.acme-corp.io:/srv/releases/\n", rule: Some("generic-password") },
    Case { family: CI, form: "psql conninfo string", file: "scripts/migrate.sh", text: "psql \"host=db.acme-corp.io user=app password={W} dbname=app sslmode=require\" -f migrate.sql\n", rule: Some("generic-password") },
    Case { family: CI, form: "export PGPASSWORD", file: "scripts/restore.sh", text: "export PGPASSWORD={W}\npg_restore -h db.acme-corp.io -U app -d app dump.pgc\n", rule: Some("generic-password") },
    Case { family: CI, form: "vagrant provision env hash", file: "Vagrantfile", text: "Vagrant.configure(\"2\") do |config|\n  config.vm.provision \"shell\", path: \"provision.sh\", env: { \"API_SECRET\" => \"{C}\" }\nend\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- Speckle and Spell
    Case { family: PLACES, form: "specklepy self-hosted verify_certificate env fallback", file: "scripts/upload.py", text: "client = SpeckleClient(host=\"speckle.internal.acme-design.com\", verify_certificate=False)\nclient.authenticate_with_token(os.environ.get(\"SPECKLE_TOKEN\", \"{S}\"))\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "specklepy subclass default args", file: "bg/speckle_client.py", text: "class Client(SpeckleClient):\n    def __init__(self, speckle_server=\"https://app.speckle.systems\", speckle_token=\"{S}\"):\n        super().__init__(host=speckle_server)\n        self.authenticate_with_token(speckle_token)\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "speckle dataclass settings", file: "app/speckle_settings.py", text: "@dataclass(frozen=True)\nclass SpeckleSettings:\n    server_url: str = \"https://app.speckle.systems\"\n    token: str = \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "specklepy StreamWrapper get_client", file: "scripts/pull.py", text: "wrapper = StreamWrapper(\"https://app.speckle.systems/projects/3073b96e86/models/a1b2c3d4e5\")\nclient = wrapper.get_client(token=\"{S}\")\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "c# JsonProperty speckle_token default", file: "Calc.Core/CalcConfig.cs", text: "public class CalcConfig\n{\n    [JsonProperty(\"speckle_server_url\")]\n    public string SpeckleServerUrl { get; set; } = \"https://app.speckle.systems\";\n    [JsonProperty(\"speckle_token\")]\n    public string SpeckleToken { get; set; } = \"{S}\";\n}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "launchSettings environmentVariables", file: "Properties/launchSettings.json", text: "{\n  \"profiles\": {\n    \"Connector\": {\n      \"commandName\": \"Project\",\n      \"environmentVariables\": {\n        \"SPECKLE_SERVER\": \"https://speckle.acme-design.com\",\n        \"SPECKLE_TOKEN\": \"{S}\"\n      }\n    }\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "js Headers template literal speckle", file: "src/speckle/api.js", text: "const res = await fetch('https://app.speckle.systems/graphql', {\n  method: 'POST',\n  headers: new Headers({ Authorization: `Bearer {S}`, 'Content-Type': 'application/json' }),\n  body: JSON.stringify({ query }),\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "nuxt runtimeConfig speckle", file: "nuxt.config.ts", text: "export default defineNuxtConfig({\n  runtimeConfig: {\n    speckleToken: '{S}',\n    public: { speckleServer: 'https://app.speckle.systems' },\n  },\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "graphql-request client speckle", file: "src/lib/speckle.ts", text: "export const speckle = new GraphQLClient('https://speckle.acme-design.com/graphql', {\n  headers: { authorization: 'Bearer {S}' },\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "go speckle const and header", file: "internal/speckle/client.go", text: "const (\n\tspeckleServer = \"https://app.speckle.systems\"\n\tspeckleToken  = \"{S}\"\n)\n\nreq.Header.Set(\"Authorization\", \"Bearer \"+speckleToken)\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "rust speckle struct literal", file: "src/speckle.rs", text: "let speckle = SpeckleConfig {\n    server: \"https://app.speckle.systems\".into(),\n    token: \"{S}\".into(),\n};\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "toml inline table speckle", file: "pyproject.toml", text: "[tool.acme.sync]\nspeckle = { server = \"https://speckle.acme-design.com\", token = \"{S}\" }\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: ".env.production speckle quoted comment", file: ".env.production", text: "SPECKLE_SERVER_URL=https://speckle.acme-design.com\nSPECKLE_TOKEN=\"{S}\" # streams:read streams:write\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "speckle self-host compose SESSION_SECRET", file: "speckle-server/docker-compose.yml", text: "services:\n  speckle-server:\n    image: speckle/speckle-server:2\n    environment:\n      CANONICAL_URL: \"https://speckle.acme-design.com\"\n      SESSION_SECRET: \"{C}\"\n      STRATEGY_LOCAL: \"true\"\n", rule: Some("generic-secret") },
    Case { family: PLACES, form: "speckle self-host compose postgres password", file: "speckle-server/docker-compose.yml", text: "services:\n  postgres:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_DB: speckle2\n      POSTGRES_USER: speckle\n      POSTGRES_PASSWORD: {W}\n", rule: Some("generic-password") },
    Case { family: PLACES, form: "spell workflow-level env", file: ".github/workflows/train.yml", text: "name: train\non: [push]\nenv:\n  SPELL_OWNER: acme\n  SPELL_TOKEN: {P}\njobs:\n  train:\n    runs-on: ubuntu-latest\n    steps:\n      - run: spell run python train.py\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell .env.production quoted comment", file: ".env.production", text: "SPELL_OWNER=acme\nSPELL_TOKEN='{P}' # ci-token\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell python settings dict", file: "trainer/settings.py", text: "SPELL = {\n    \"owner\": \"acme\",\n    \"token\": \"{P}\",\n}\nclient = spell.client.SpellClient(**SPELL)\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell pydantic settings default", file: "trainer/config.py", text: "class TrainerSettings(BaseSettings):\n    spell_owner: str = \"acme\"\n    spell_token: str = \"{P}\"\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell dockerfile ENV pairs", file: "Dockerfile.train", text: "FROM python:3.10\nRUN pip install spell\nENV SPELL_OWNER=acme SPELL_TOKEN={P}\nCMD [\"spell\", \"run\", \"python\", \"train.py\"]\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell bashrc export comment", file: ".bashrc", text: "# spell access-tokens create ci-token\nexport SPELL_TOKEN=\"{P}\"\nexport SPELL_OWNER=\"acme\"\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell monkeypatch.setenv", file: "tests/test_launch.py", text: "def test_launch(monkeypatch):\n    monkeypatch.setenv(\"SPELL_OWNER\", \"acme\")\n    monkeypatch.setenv(\"SPELL_TOKEN\", \"{P}\")\n    client = spell.client.from_environment()\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell helm values", file: "charts/trainer/values.yaml", text: "spell:\n  owner: acme\n  token: {P}\nschedule: \"0 3 * * *\"\n", rule: Some("spell-token") },
    // ---------------------------------------------------------------- negatives
    Case { family: CODE, form: "pydantic Field env no default", file: "app/config.py", text: "class Settings(BaseSettings):\n    api_key: str = Field(..., validation_alias=\"ACME_API_KEY\")\n    db_password: SecretStr\n", rule: None },
    Case { family: CODE, form: "python password hash fixture", file: "tests/fixtures/users.py", text: "ADMIN = {\"username\": \"admin\", \"password_hash\": \"{CRYPT}\"}\n", rule: None },
    Case { family: CODE, form: "python keyring lookup", file: "scripts/deploy.py", text: "password = keyring.get_password(\"acme-deploy\", \"deploy\")\n", rule: None },
    Case { family: CODE, form: "python fake test user", file: "tests/test_login.py", text: "user = User.objects.create_user(username=\"alice\", password=\"test\")\n", rule: None },
    Case { family: CODE, form: "ts interface optional secret", file: "src/types.ts", text: "export interface AcmeOptions {\n  apiSecret?: string;\n  apiToken: string | undefined;\n}\n", rule: None },
    Case { family: CODE, form: "js env nullish empty", file: "src/config.js", text: "export const apiKey = process.env.ACME_API_KEY ?? '';\n", rule: None },
    Case { family: CODE, form: "go os.Getenv in options", file: "internal/cache/redis.go", text: "rdb := redis.NewClient(&redis.Options{\n\tAddr:     os.Getenv(\"REDIS_ADDR\"),\n\tPassword: os.Getenv(\"REDIS_PASSWORD\"),\n})\n", rule: None },
    Case { family: CODE, form: "java readPassword", file: "src/main/java/io/acme/Cli.java", text: "char[] password = System.console().readPassword(\"Password: \");\n", rule: None },
    Case { family: CODE, form: "c# configuration indexer", file: "Api/Program.cs", text: "var speckleToken = builder.Configuration[\"Speckle:Token\"];\n", rule: None },
    Case { family: CODE, form: "ruby credentials.dig", file: "config/initializers/acme.rb", text: "config.api_key = Rails.application.credentials.dig(:acme, :api_key)\n", rule: None },
    Case { family: CODE, form: "php $_ENV fallback empty", file: "config/db.php", text: "$password = $_ENV['DB_PASSWORD'] ?? '';\n", rule: None },
    Case { family: CODE, form: "rust env::var", file: "src/main.rs", text: "let token = std::env::var(\"SPELL_TOKEN\").context(\"SPELL_TOKEN not set\")?;\n", rule: None },
    Case { family: CODE, form: "kotlin BuildConfig reference", file: "app/src/main/java/io/acme/Api.kt", text: "val apiKey = BuildConfig.ACME_API_KEY\n", rule: None },
    Case { family: CONFIG, form: "mkdocs !ENV tag", file: "mkdocs.yml", text: "extra:\n  analytics:\n    token: !ENV [ANALYTICS_TOKEN, '']\n", rule: None },
    Case { family: CONFIG, form: "compose secrets file", file: "compose.yaml", text: "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n", rule: None },
    Case { family: CONFIG, form: "k8s envFrom secretRef", file: "k8s/deploy.yaml", text: "          envFrom:\n            - secretRef:\n                name: api-secret\n", rule: None },
    Case { family: CONFIG, form: "terraform vault data source", file: "infra/db.tf", text: "  password = data.vault_generic_secret.db.data[\"password\"]\n", rule: None },
    Case { family: CONFIG, form: "terraform sensitive variable", file: "infra/variables.tf", text: "variable \"api_token\" {\n  type      = string\n  sensitive = true\n}\n", rule: None },
    Case { family: CONFIG, form: "dockerfile secret mount", file: "Dockerfile", text: "RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n", rule: None },
    Case { family: CONFIG, form: ".env.example empty values", file: ".env.example", text: "API_SECRET=\nDB_PASSWORD=\nAPI_KEY=your-api-key-here\n", rule: None },
    Case { family: CONFIG, form: "html script integrity", file: "public/index.html", text: "<script src=\"https://cdn.acme-corp.io/sdk.js\" integrity=\"{SRI}\" crossorigin=\"anonymous\"></script>\n", rule: None },
    Case { family: CONFIG, form: "azure ad public client ids", file: "src/authConfig.json", text: "{\n  \"clientId\": \"{UUID}\",\n  \"tenantId\": \"{UUID}\",\n  \"redirectUri\": \"http://localhost:3000\"\n}\n", rule: None },
    Case { family: CONFIG, form: "sentry dsn public key", file: ".env", text: "SENTRY_DSN=https://{HEX32}@o450123.ingest.sentry.io/5512345\n", rule: None },
    Case { family: CONFIG, form: "sops dotenv encrypted", file: ".env.enc", text: "API_SECRET={SOPS}\nsops_version=3.9.1\n", rule: None },
    Case { family: CONFIG, form: "pre-commit rev sha", file: ".pre-commit-config.yaml", text: "repos:\n  - repo: https://github.com/acme/secret-hooks\n    rev: {HEX40}\n    hooks:\n      - id: detect-private-key\n", rule: None },
    Case { family: CONFIG, form: "helm image digest existingSecret", file: "values.yaml", text: "image:\n  repository: acme/web\n  digest: sha256:{HEX64}\nauth:\n  existingSecret: web-db-credentials\n", rule: None },
    Case { family: CI, form: "gitlab id_tokens aud", file: ".gitlab-ci.yml", text: "deploy:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme-corp.io\n  script:\n    - ./deploy.sh\n", rule: None },
    Case { family: CI, form: "make shell pass show", file: "Makefile", text: "API_TOKEN ?= $(shell pass show acme/api-token)\n", rule: None },
    Case { family: CI, form: "powershell key vault lookup", file: "scripts/deploy.ps1", text: "$apiSecret = (Get-AzKeyVaultSecret -VaultName acme-kv -Name api-secret -AsPlainText)\n", rule: None },
    Case { family: PLACES, form: "objectloader env token object id", file: "src/loadModel.ts", text: "const loader = new ObjectLoader({\n  serverUrl: 'https://app.speckle.systems',\n  streamId: '3073b96e86',\n  objectId: '{HEX32}',\n  token: import.meta.env.VITE_SPECKLE_TOKEN,\n})\n", rule: None },
    Case { family: PLACES, form: "specklepy token from environ", file: "scripts/pull.py", text: "account = get_account_from_token(os.environ[\"SPECKLE_TOKEN\"], \"https://app.speckle.systems\")\n", rule: None },
    Case { family: PLACES, form: "spell from_environment only", file: "trainer/run.py", text: "import spell.client\n\nclient = spell.client.from_environment()\nrun = client.runs.new(command=\"python train.py\", machine_type=\"V100\")\n", rule: None },
];

#[test]
fn held_aside_fourth() {
    measure("fourth", CASES, 13001, 95, 28);
}
