//! Sixth held-aside recall set (issue 13: recall >= 0.95 at precision >= 0.98 "on context
//! forms users meet that were never used for tuning"). The five earlier sets
//! ([`super::heldout`], [`super::heldout_fresh`], [`super::heldout_fresh2`],
//! [`super::heldout_fresh3`], [`super::heldout_fresh4`]) had all been seen by the people
//! tuning the context engine by the time this one was written, so they no longer measure that.
//!
//! Written blind on 2026-12-06: without reading the engine (nothing in `src/context/` but the
//! earlier held-aside sets and `recall_listed.rs`, only the file names of `tests*.rs`; nothing
//! in `src/scan/`, `src/context/stand_in/` or docs/context-rules.md), and without running the
//! set before it was complete. No form repeats one of the earlier sets or a form issue 13
//! item 1 lists. The forms are grounded, per family, in the public documentation and code
//! cited in the comments above each group; the files are our own.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed,
//! never on low recall. Run it with:
//!
//! `cargo test --lib context::heldout_fresh5::held_aside_fifth -- --exact --nocapture`
//!
//! History (2026-12-06): blind recall was 0.759 (145/191) at precision 0.980 (145/148), all
//! 52 negatives quiet, on its one run against main at 3f4c1e1 when it was written.
//! It read 170/191 = 0.890 (precision 170/173) on main at 90425f4, after other fixes that had
//! not seen it. After tuning (branch recall6): its misses were used to tune the engine by
//! family (positional secrets of well-known calls, literals compared with a credential,
//! option defaults, REST Client Basic, labelled values in prose), giving 182/191 = 0.953,
//! precision 182/185, negatives quiet 52/52; it no longer measures unseen forms.
//!
//! No token is committed: placeholders are filled at run time by the shared seeded generator
//! ([`super::heldout_fresh2::fill`]), whose shapes are listed there; this set adds none.
//! Besides the token placeholders, it uses the generator's non-secret shapes (`{HEX32}` a
//! Speckle object id, `{HEX40}`, `{HEX64}` digests, `{UUID}`, `{SRI}`): in negatives, and
//! once beside a Speckle token.

#![cfg(test)]

use super::heldout_fresh2::{measure, Case};

const CODE: &str = "application code";
const CONFIG: &str = "config formats";
const DEPLOY: &str = "deployment manifests";
const CI: &str = "CI systems";
const CMD: &str = "command lines and scripts";
const API: &str = "API tools, notebooks, docs";
const PLACES: &str = "Speckle and Spell";

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- application code: Python
    // Python stdlib docs (smtplib.SMTP.login, ftplib.FTP.login(user, passwd)), paramiko
    // SSHClient.connect, PyJWT `jwt.encode(payload, key, algorithm=...)`, Flask config docs
    // (`app.config["SECRET_KEY"]`), argparse/click option defaults, pika PlainCredentials,
    // psycopg2 `connect(dsn)`.
    Case { family: CODE, form: "python smtplib login positional", file: "scripts/notify.py", text: "with smtplib.SMTP_SSL(\"smtp.acme-corp.io\", 465) as server:\n    server.login(\"alerts@acme-corp.io\", \"{W}\")\n    server.send_message(msg)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "python paramiko connect password", file: "ops/restart.py", text: "ssh = paramiko.SSHClient()\nssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())\nssh.connect(\"web1.acme-corp.io\", username=\"deploy\", password=\"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "python ftplib login passwd", file: "scripts/upload.py", text: "ftp = FTP(\"files.acme-corp.io\")\nftp.login(user=\"upload\", passwd=\"{W}\")\nftp.storbinary(\"STOR report.csv\", fh)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "pyjwt encode key positional", file: "app/auth/tokens.py", text: "def issue(user_id):\n    return jwt.encode({\"sub\": user_id}, \"{C}\", algorithm=\"HS256\")\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "flask app.config SECRET_KEY index", file: "app/__init__.py", text: "app = Flask(__name__)\napp.config[\"SECRET_KEY\"] = \"{C}\"\napp.config[\"SESSION_COOKIE_SECURE\"] = True\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "argparse add_argument default", file: "tools/export.py", text: "parser = argparse.ArgumentParser()\nparser.add_argument(\"--api-key\", default=\"{K}\", help=\"Acme API key\")\nargs = parser.parse_args()\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "click option default", file: "cli/sync.py", text: "@click.command()\n@click.option(\"--token\", default=\"{T}\", help=\"Acme API token\")\ndef sync(token):\n    run(token)\n", rule: Some("generic-token") },
    Case { family: CODE, form: "pika PlainCredentials", file: "worker/queue.py", text: "credentials = pika.PlainCredentials(\"app\", \"{W}\")\nparams = pika.ConnectionParameters(\"mq.acme-corp.io\", 5672, \"/\", credentials)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "python typing Final constant", file: "acme/constants.py", text: "from typing import Final\n\nAPI_SECRET: Final = \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "psycopg2 connect dsn string", file: "jobs/nightly.py", text: "conn = psycopg2.connect(\"host=db.acme-corp.io dbname=app user=app password={W}\")\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- application code: JS/TS and front-end frameworks
    // React docs (JSX props), Vue options API `data()`, Svelte `<script>` blocks, Angular
    // HttpHeaders, Express `req.get`, jsonwebtoken `jwt.sign(payload, secret, options)`,
    // express-session `secret`, MDN localStorage/URLSearchParams, axios `defaults.headers.common`.
    Case { family: CODE, form: "react jsx string prop", file: "src/components/StoreMap.jsx", text: "export default function StoreMap() {\n  return <MapProvider apiKey=\"{K}\" center={[52.5, 13.4]} />;\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "vue options data()", file: "src/components/Orders.vue", text: "<script>\nexport default {\n  data() {\n    return {\n      apiToken: '{T}',\n      orders: [],\n    }\n  },\n}\n</script>\n", rule: Some("generic-token") },
    Case { family: CODE, form: "svelte script let", file: "src/routes/search/+page.svelte", text: "<script>\n  let apiKey = '{K}';\n  let results = [];\n</script>\n\n<input bind:value={query} />\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "angular HttpHeaders set", file: "src/app/orders.service.ts", text: "list() {\n  const headers = new HttpHeaders().set('X-Api-Key', '{K}');\n  return this.http.get<Order[]>('https://api.acme-corp.io/orders', { headers });\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "express header comparison", file: "server/middleware/auth.js", text: "app.use((req, res, next) => {\n  if (req.get('x-api-key') !== '{K}') return res.sendStatus(401);\n  next();\n});\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "jsonwebtoken sign positional secret", file: "server/auth.js", text: "const token = jwt.sign({ sub: user.id }, '{C}', { expiresIn: '1h' });\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "express-session secret option", file: "server/app.js", text: "app.use(session({\n  secret: '{C}',\n  resave: false,\n  saveUninitialized: false,\n}));\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "localStorage.setItem token", file: "src/dev/seed.js", text: "localStorage.setItem('apiToken', '{T}');\nlocation.reload();\n", rule: Some("generic-token") },
    Case { family: CODE, form: "axios defaults common header", file: "src/http.js", text: "axios.defaults.baseURL = 'https://api.acme-corp.io';\naxios.defaults.headers.common['Authorization'] = 'Bearer {T}';\n", rule: Some("generic-token") },
    Case { family: CODE, form: "URLSearchParams object", file: "src/search.ts", text: "const qs = new URLSearchParams({ q: city, api_key: '{K}' });\nconst res = await fetch(`https://api.acme-corp.io/search?${qs}`);\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "ts constructor parameter property default", file: "src/acme/client.ts", text: "export class AcmeClient {\n  constructor(private readonly apiSecret: string = '{C}') {}\n}\n", rule: Some("generic-secret") },
    // ---------------------------------------------------------------- application code: Go
    // Go `flag` package docs, spf13/viper `SetDefault`, golang-jwt examples (`[]byte` key),
    // go-sql-driver/mysql `Config{User, Passwd}`, lib/pq `sql.Open` conninfo.
    Case { family: CODE, form: "go flag.String default", file: "cmd/export/main.go", text: "apiKey := flag.String(\"api-key\", \"{K}\", \"Acme API key\")\nflag.Parse()\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "go viper.SetDefault", file: "internal/config/defaults.go", text: "func init() {\n\tviper.SetDefault(\"acme.api_secret\", \"{C}\")\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "go []byte conversion var", file: "internal/auth/jwt.go", text: "var jwtSecret = []byte(\"{C}\")\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "go mysql.Config Passwd", file: "internal/db/mysql.go", text: "cfg := mysql.Config{\n\tUser:   \"app\",\n\tPasswd: \"{W}\",\n\tNet:    \"tcp\",\n\tAddr:   \"db.acme-corp.io:3306\",\n\tDBName: \"app\",\n}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "go sql.Open conninfo", file: "internal/db/pg.go", text: "db, err := sql.Open(\"postgres\", \"host=db.acme-corp.io user=app password={W} dbname=app sslmode=require\")\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- application code: JVM and Android
    // JDK `System.setProperty`, `DriverManager.getConnection(url, user, password)`, Lombok
    // `@Builder.Default`, Java 15 text blocks, OkHttp `Credentials.basic`, Android resource and
    // manifest `<meta-data>` docs (SDK keys in AndroidManifest.xml).
    Case { family: CODE, form: "java System.setProperty", file: "src/main/java/io/acme/Boot.java", text: "System.setProperty(\"acme.api.key\", \"{K}\");\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "java DriverManager positional", file: "src/main/java/io/acme/Db.java", text: "Connection conn = DriverManager.getConnection(\n    \"jdbc:mysql://db.acme-corp.io:3306/app\", \"app\", \"{W}\");\n", rule: Some("generic-password") },
    Case { family: CODE, form: "lombok Builder.Default field", file: "src/main/java/io/acme/AcmeSettings.java", text: "@Builder\npublic class AcmeSettings {\n    @Builder.Default\n    private String apiSecret = \"{C}\";\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "java text block json", file: "src/test/java/io/acme/LoginIT.java", text: "String body = \"\"\"\n    {\"username\": \"ops\", \"password\": \"{W}\"}\n    \"\"\";\n", rule: Some("generic-password") },
    Case { family: CODE, form: "kotlin okhttp Credentials.basic", file: "app/src/main/java/io/acme/Portal.kt", text: "val credential = Credentials.basic(\"deploy\", \"{W}\")\nval request = Request.Builder().url(url).header(\"Authorization\", credential).build()\n", rule: Some("generic-password") },
    Case { family: CODE, form: "android strings.xml resource", file: "app/src/main/res/values/strings.xml", text: "<resources>\n    <string name=\"app_name\">Acme</string>\n    <string name=\"acme_api_key\">{K}</string>\n</resources>\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "android manifest meta-data", file: "app/src/main/AndroidManifest.xml", text: "<application android:label=\"Acme\">\n    <meta-data\n        android:name=\"io.acme.sdk.API_KEY\"\n        android:value=\"{K}\" />\n</application>\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- application code: .NET, Ruby, PHP
    // CommandLineParser `[Option(Default = ...)]`, SqlConnectionStringBuilder, Ruby Net::HTTP
    // docs (`req['X']=`, `basic_auth`), Sinatra `set :session_secret`, Capistrano
    // `ssh_options`, PHPMailer README, PHP `mysqli_connect`, Guzzle client options.
    Case { family: CODE, form: "c# CommandLineParser Option Default", file: "Tools/Options.cs", text: "[Option(\"api-token\", Default = \"{T}\", HelpText = \"Acme API token\")]\npublic string ApiToken { get; set; }\n", rule: Some("generic-token") },
    Case { family: CODE, form: "c# SqlConnectionStringBuilder initializer", file: "Data/Factory.cs", text: "var csb = new SqlConnectionStringBuilder\n{\n    DataSource = \"db.acme-corp.io\",\n    UserID = \"app\",\n    Password = \"{W}\",\n};\n", rule: Some("generic-password") },
    Case { family: CODE, form: "ruby net/http header index", file: "lib/acme/fetch.rb", text: "req = Net::HTTP::Get.new(uri)\nreq['X-Api-Key'] = '{K}'\nres = http.request(req)\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "ruby net/http basic_auth", file: "lib/portal.rb", text: "req = Net::HTTP::Post.new(uri)\nreq.basic_auth 'deploy', '{W}'\n", rule: Some("generic-password") },
    Case { family: CODE, form: "sinatra set session_secret", file: "app.rb", text: "require 'sinatra'\n\nenable :sessions\nset :session_secret, '{C}'\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "capistrano ssh_options password", file: "config/deploy/production.rb", text: "server 'web1.acme-corp.io', roles: %w{app web}\nset :ssh_options, {\n  user: 'deploy',\n  password: '{W}',\n  auth_methods: %w(password)\n}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "phpmailer Password property", file: "src/Mailer.php", text: "$mail->isSMTP();\n$mail->Host = 'smtp.acme-corp.io';\n$mail->SMTPAuth = true;\n$mail->Username = 'mailer@acme-corp.io';\n$mail->Password = '{W}';\n", rule: Some("generic-password") },
    Case { family: CODE, form: "php mysqli_connect positional", file: "legacy/db.php", text: "$link = mysqli_connect('db.acme-corp.io', 'app', '{W}', 'app');\n", rule: Some("generic-password") },
    Case { family: CODE, form: "guzzle client headers option", file: "src/Acme/Http.php", text: "$client = new Client([\n    'base_uri' => 'https://api.acme-corp.io',\n    'headers' => ['X-Api-Key' => '{K}'],\n]);\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- application code: Rust, Swift, Dart, Scala, Elixir
    // reqwest `HeaderValue::from_static`, clap derive `default_value`, `std::env::set_var`,
    // Apple URLCredential and xcconfig docs, Dart `static const`, Flutter `--dart-define`,
    // akka-http `OAuth2BearerToken`, Elixir `System.put_env`, Req `auth: {:bearer, ...}`.
    Case { family: CODE, form: "rust HeaderValue::from_static", file: "src/client.rs", text: "let mut headers = HeaderMap::new();\nheaders.insert(\"x-api-key\", HeaderValue::from_static(\"{K}\"));\nlet client = Client::builder().default_headers(headers).build()?;\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "rust clap default_value", file: "src/args.rs", text: "#[derive(Parser)]\nstruct Args {\n    #[arg(long, default_value = \"{T}\")]\n    api_token: String,\n}\n", rule: Some("generic-token") },
    Case { family: CODE, form: "rust env::set_var", file: "tests/common/mod.rs", text: "pub fn setup() {\n    std::env::set_var(\"API_SECRET\", \"{C}\");\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "swift URLCredential", file: "App/Portal/Session.swift", text: "let credential = URLCredential(user: \"deploy\", password: \"{W}\", persistence: .forSession)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "xcconfig build setting", file: "Config/Release.xcconfig", text: "API_BASE_URL = https:/$()/api.acme-corp.io\nACME_API_KEY = {K}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "dart class static const", file: "lib/env.dart", text: "class Env {\n  static const apiSecret = '{C}';\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "flutter --dart-define in launch args", file: ".vscode/launch.json", text: "{\n  \"configurations\": [\n    {\n      \"name\": \"app\",\n      \"request\": \"launch\",\n      \"type\": \"dart\",\n      \"args\": [\"--dart-define=ACME_API_KEY={K}\"]\n    }\n  ]\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "akka-http OAuth2BearerToken", file: "src/main/scala/acme/Orders.scala", text: "val request = HttpRequest(uri = \"https://api.acme-corp.io/orders\")\n  .addHeader(Authorization(OAuth2BearerToken(\"{T}\")))\n", rule: Some("generic-token") },
    Case { family: CODE, form: "elixir System.put_env", file: "test/test_helper.exs", text: "System.put_env(\"API_TOKEN\", \"{T}\")\nExUnit.start()\n", rule: Some("generic-token") },
    Case { family: CODE, form: "elixir Req auth bearer tuple", file: "lib/acme/orders.ex", text: "  def list do\n    Req.get!(\"https://api.acme-corp.io/orders\", auth: {:bearer, \"{T}\"})\n  end\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- application code: Lua, Perl, R, C/C++
    // lua-resty-redis `red:auth`, Neovim `vim.g`, Perl DBI `connect($dsn, $user, $pass)` and
    // `%ENV`, R DBI `dbConnect` and keyring, libcurl `CURLOPT_USERPWD` /
    // `CURLOPT_XOAUTH2_BEARER` (curl.se man pages), MySQL C API `mysql_real_connect`, POSIX
    // `setenv`.
    Case { family: CODE, form: "lua resty redis auth", file: "lua/cache.lua", text: "local red = redis:new()\nlocal ok, err = red:connect(\"cache.acme-corp.io\", 6379)\nlocal res, err = red:auth(\"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "neovim vim.g setting", file: ".config/nvim/lua/plugins/acme.lua", text: "vim.g.acme_api_key = \"{K}\"\nrequire(\"acme\").setup({})\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "perl DBI connect positional", file: "bin/report.pl", text: "my $dbh = DBI->connect(\"dbi:Pg:dbname=app;host=db.acme-corp.io\", \"app\", \"{W}\", { RaiseError => 1 });\n", rule: Some("generic-password") },
    Case { family: CODE, form: "perl %ENV assignment", file: "bin/sync.pl", text: "$ENV{API_TOKEN} = '{T}';\nsystem('./sync.sh');\n", rule: Some("generic-token") },
    Case { family: CODE, form: "r DBI dbConnect password arg", file: "R/db.R", text: "con <- DBI::dbConnect(RPostgres::Postgres(), host = \"db.acme-corp.io\", user = \"app\", password = \"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "r keyring key_set_with_value", file: "R/setup.R", text: "keyring::key_set_with_value(\"acme-db\", username = \"app\", password = \"{W}\")\n", rule: Some("generic-password") },
    Case { family: CODE, form: "c CURLOPT_USERPWD", file: "src/upload.c", text: "curl_easy_setopt(curl, CURLOPT_URL, \"https://files.acme-corp.io/upload\");\ncurl_easy_setopt(curl, CURLOPT_USERPWD, \"deploy:{W}\");\n", rule: Some("generic-password") },
    Case { family: CODE, form: "c CURLOPT_XOAUTH2_BEARER", file: "src/fetch.c", text: "curl_easy_setopt(curl, CURLOPT_URL, \"https://api.acme-corp.io/orders\");\ncurl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, \"{T}\");\n", rule: Some("generic-token") },
    Case { family: CODE, form: "c mysql_real_connect positional", file: "src/db.c", text: "if (!mysql_real_connect(conn, \"db.acme-corp.io\", \"app\", \"{W}\", \"app\", 3306, NULL, 0)) {\n    fprintf(stderr, \"%s\\n\", mysql_error(conn));\n}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "c setenv", file: "src/main.c", text: "setenv(\"API_SECRET\", \"{C}\", 1);\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "c++ std::map brace initializer", file: "src/config.cpp", text: "const std::map<std::string, std::string> kConfig{\n    {\"endpoint\", \"https://api.acme-corp.io\"},\n    {\"api_key\", \"{K}\"},\n};\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "c char array", file: "firmware/net.c", text: "static char wifi_password[] = \"{W}\";\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- config formats
    // Cloudflare Workers docs (`[vars]` in wrangler.toml, `.dev.vars`), Netlify `netlify.toml`
    // `[build.environment]`, Cargo `[env]`, PHP-FPM pool `env[NAME]`, Kafka
    // `sasl.jaas.config`, ASP.NET web.config, Tomcat `tomcat-users.xml`, Log4j2 SMTP appender,
    // Flask `.flaskenv`, R `.Renviron`, NixOS `environment.etc.<name>.text`, Jsonnet and CUE
    // env lists, Tilt `secret_from_dict`, Bazel `--action_env`, CMake `set(... CACHE)` and
    // `target_compile_definitions`, Packer HCL sources, nodemon/cypress/vercel JSON, PgBouncer
    // `[databases]`.
    Case { family: CONFIG, form: "wrangler.toml [vars]", file: "wrangler.toml", text: "name = \"acme-worker\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2026-11-01\"\n\n[vars]\nAPI_TOKEN = \"{T}\"\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: ".dev.vars", file: ".dev.vars", text: "API_HOST=\"localhost:3000\"\nAPI_SECRET=\"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "netlify.toml build.environment", file: "netlify.toml", text: "[build]\n  command = \"npm run build\"\n  publish = \"dist\"\n\n[build.environment]\n  ACME_API_KEY = \"{K}\"\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "cargo config [env]", file: ".cargo/config.toml", text: "[env]\nACME_API_TOKEN = \"{T}\"\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "php-fpm pool env[]", file: "docker/php/www.conf", text: "[www]\nuser = www-data\npm = dynamic\nenv[API_SECRET] = {C}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "kafka sasl.jaas.config", file: "config/client.properties", text: "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"{W}\";\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "web.config connectionString attribute", file: "Web.config", text: "<configuration>\n  <connectionStrings>\n    <add name=\"Default\" connectionString=\"Server=db.acme-corp.io;Database=app;User Id=app;Password={W};\" providerName=\"System.Data.SqlClient\" />\n  </connectionStrings>\n</configuration>\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "tomcat-users.xml user attributes", file: "conf/tomcat-users.xml", text: "<tomcat-users>\n  <role rolename=\"manager-gui\"/>\n  <user username=\"admin\" password=\"{W}\" roles=\"manager-gui\"/>\n</tomcat-users>\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "log4j2 SMTP appender smtpPassword", file: "src/main/resources/log4j2.xml", text: "<Appenders>\n  <SMTP name=\"Mail\" to=\"ops@acme-corp.io\" smtpHost=\"smtp.acme-corp.io\" smtpUsername=\"alerts\" smtpPassword=\"{W}\"/>\n</Appenders>\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: ".flaskenv", file: ".flaskenv", text: "FLASK_APP=app.py\nFLASK_DEBUG=1\nSECRET_KEY={C}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: ".Renviron", file: ".Renviron", text: "R_LIBS_USER=~/R/library\nACME_API_KEY={K}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "nix indented string file", file: "hosts/web/configuration.nix", text: "  environment.etc.\"acme/credentials\".text = ''\n    [default]\n    api_key = {K}\n  '';\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "nix users password", file: "hosts/web/users.nix", text: "  users.users.deploy = {\n    isNormalUser = true;\n    password = \"{W}\";\n  };\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "jsonnet env name/value array", file: "deploy/api.jsonnet", text: "{\n  env: [\n    { name: 'LOG_LEVEL', value: 'info' },\n    { name: 'API_TOKEN', value: '{T}' },\n  ],\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "cue env list", file: "deploy/worker.cue", text: "env: [\n\t{name: \"LOG_LEVEL\", value: \"info\"},\n\t{name: \"API_SECRET\", value: \"{C}\"},\n]\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "tiltfile secret_from_dict", file: "Tiltfile", text: "load('ext://secret', 'secret_from_dict')\nk8s_yaml(secret_from_dict('api', inputs={'API_KEY': '{K}'}))\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: ".bazelrc action_env", file: ".bazelrc", text: "build --action_env=ACME_API_TOKEN={T}\ntest --test_output=errors\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "cmake set CACHE", file: "CMakeLists.txt", text: "cmake_minimum_required(VERSION 3.20)\nproject(acme C)\nset(ACME_API_KEY \"{K}\" CACHE STRING \"Acme API key\")\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "cmake target_compile_definitions", file: "src/CMakeLists.txt", text: "add_executable(app main.c)\ntarget_compile_definitions(app PRIVATE API_SECRET=\"{C}\")\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "packer source ssh_password", file: "images/ubuntu.pkr.hcl", text: "source \"vsphere-iso\" \"ubuntu\" {\n  vcenter_server = \"vc.acme-corp.io\"\n  ssh_username   = \"ubuntu\"\n  ssh_password   = \"{W}\"\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "nodemon.json env", file: "nodemon.json", text: "{\n  \"watch\": [\"src\"],\n  \"env\": {\n    \"API_TOKEN\": \"{T}\"\n  }\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "cypress.env.json", file: "cypress.env.json", text: "{\n  \"login_user\": \"qa@acme-corp.io\",\n  \"login_password\": \"{W}\"\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "vercel.json env", file: "vercel.json", text: "{\n  \"version\": 2,\n  \"env\": {\n    \"API_SECRET\": \"{C}\"\n  }\n}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "pgbouncer databases conninfo", file: "pgbouncer/pgbouncer.ini", text: "[databases]\napp = host=db.acme-corp.io port=5432 dbname=app user=app password={W}\n\n[pgbouncer]\nlisten_port = 6432\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- deployment manifests
    // Argo CD Application `helm.parameters`, Flux HelmRelease `spec.values`, Docker Compose
    // `command`/`healthcheck`, systemd `ExecStart`, Ansible `password_hash` filter and
    // `community.docker.docker_container` env, Serverless Framework v3 `params`, Procfile,
    // AWS CDK `environment`, Pulumi TypeScript Secret, Bicep `appSettings`, ARM parameter
    // files, Dockerfile `HEALTHCHECK`, Kubernetes probe `httpHeaders`.
    Case { family: DEPLOY, form: "argocd application helm parameters", file: "argocd/redis.yaml", text: "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: redis\nspec:\n  source:\n    chart: redis\n    helm:\n      parameters:\n        - name: auth.password\n          value: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "flux helmrelease values", file: "clusters/prod/minio.yaml", text: "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: minio\nspec:\n  values:\n    auth:\n      rootUser: admin\n      rootPassword: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "compose command requirepass", file: "docker-compose.yml", text: "services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "compose healthcheck mysqladmin -p", file: "compose.yaml", text: "services:\n  db:\n    image: mysql:8\n    healthcheck:\n      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\", \"-uroot\", \"-p{W}\"]\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "systemd ExecStart flag", file: "/etc/systemd/system/exporter.service", text: "[Unit]\nDescription=Acme exporter\n\n[Service]\nExecStart=/usr/local/bin/exporter --listen :9100 --api-key={K}\nRestart=always\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "ansible password_hash filter literal", file: "roles/users/tasks/main.yml", text: "- name: Create deploy user\n  ansible.builtin.user:\n    name: deploy\n    password: \"{{ '{W}' | password_hash('sha512') }}\"\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "ansible docker_container env", file: "roles/api/tasks/main.yml", text: "- name: Run API\n  community.docker.docker_container:\n    name: api\n    image: acme/api:2\n    env:\n      API_SECRET: \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: DEPLOY, form: "serverless stage params", file: "serverless.yml", text: "service: acme-api\nparams:\n  prod:\n    apiKey: {K}\n  default:\n    apiKey: dev\nprovider:\n  name: aws\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "procfile env prefix", file: "Procfile", text: "web: bundle exec puma -C config/puma.rb\nworker: API_TOKEN={T} bundle exec sidekiq\n", rule: Some("generic-token") },
    Case { family: DEPLOY, form: "cdk lambda environment", file: "lib/api-stack.ts", text: "new lambda.Function(this, 'Handler', {\n  runtime: lambda.Runtime.NODEJS_20_X,\n  handler: 'index.handler',\n  environment: { API_SECRET: '{C}' },\n});\n", rule: Some("generic-secret") },
    Case { family: DEPLOY, form: "pulumi ts k8s Secret stringData", file: "infra/index.ts", text: "new k8s.core.v1.Secret(\"api\", {\n  metadata: { name: \"api\" },\n  stringData: { \"api-token\": \"{T}\" },\n});\n", rule: Some("generic-token") },
    Case { family: DEPLOY, form: "bicep appSettings name/value", file: "infra/site.bicep", text: "resource site 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'acme-api'\n  properties: {\n    siteConfig: {\n      appSettings: [\n        { name: 'ACME_API_KEY', value: '{K}' }\n      ]\n    }\n  }\n}\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "arm parameters file value", file: "azuredeploy.parameters.json", text: "{\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\",\n  \"parameters\": {\n    \"adminPassword\": {\n      \"value\": \"{W}\"\n    }\n  }\n}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "dockerfile HEALTHCHECK curl header", file: "Dockerfile", text: "FROM node:20-alpine\nHEALTHCHECK CMD curl -f -H \"X-Api-Key: {K}\" http://localhost:8080/health || exit 1\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "k8s probe httpHeaders", file: "k8s/api.yaml", text: "          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n              httpHeaders:\n                - name: X-Api-Key\n                  value: {K}\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- CI systems
    // GitHub Actions metadata syntax (`inputs.<id>.default`, reusable workflow `secrets:`,
    // `docker://` actions with `args`), GitLab `spec:inputs` and service `variables`, CircleCI
    // `docker login --password-stdin`, Jenkins declarative `string` parameters and
    // Configuration as Code credentials, Azure Pipelines `pwsh` step, Bitbucket
    // `definitions.services`, Travis `env.jobs`, Drone Jsonnet, Buildkite agent config, Tekton
    // Task params.
    Case { family: CI, form: "actions composite input default", file: ".github/actions/notify/action.yml", text: "name: Notify\ninputs:\n  api-token:\n    description: Acme token\n    default: {T}\nruns:\n  using: composite\n  steps:\n    - run: ./notify.sh\n      shell: bash\n", rule: Some("generic-token") },
    Case { family: CI, form: "actions reusable workflow secrets literal", file: ".github/workflows/deploy.yml", text: "jobs:\n  deploy:\n    uses: acme/workflows/.github/workflows/deploy.yml@v2\n    secrets:\n      api-secret: {C}\n", rule: Some("generic-secret") },
    Case { family: CI, form: "actions docker action args", file: ".github/workflows/notify.yml", text: "      - uses: docker://acme/notify:1\n        with:\n          args: --api-key {K} --channel deploys\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "gitlab spec inputs default", file: "templates/notify.yml", text: "spec:\n  inputs:\n    api_token:\n      default: {T}\n---\nnotify:\n  script: ./notify.sh\n", rule: Some("generic-token") },
    Case { family: CI, form: "gitlab service variables", file: ".gitlab-ci.yml", text: "test:\n  image: python:3.12\n  services:\n    - name: mysql:8\n      variables:\n        MYSQL_ROOT_PASSWORD: {W}\n  script:\n    - pytest\n", rule: Some("generic-password") },
    Case { family: CI, form: "circleci docker login password-stdin", file: ".circleci/config.yml", text: "      - run:\n          name: Login\n          command: echo \"{W}\" | docker login -u acme-ci --password-stdin registry.acme-corp.io\n", rule: Some("generic-password") },
    Case { family: CI, form: "jenkins string parameter default", file: "Jenkinsfile", text: "pipeline {\n  parameters {\n    string(name: 'API_KEY', defaultValue: '{K}', description: 'Acme key')\n  }\n}\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "jenkins casc usernamePassword", file: "casc/jenkins.yaml", text: "credentials:\n  system:\n    domainCredentials:\n      - credentials:\n          - usernamePassword:\n              id: registry\n              scope: GLOBAL\n              username: ci\n              password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "azure pwsh step env assignment", file: "azure-pipelines.yml", text: "steps:\n- pwsh: |\n    $env:API_TOKEN = '{T}'\n    ./deploy.ps1\n  displayName: Deploy\n", rule: Some("generic-token") },
    Case { family: CI, form: "bitbucket definitions services", file: "bitbucket-pipelines.yml", text: "definitions:\n  services:\n    mysql:\n      image: mysql:8\n      variables:\n        MYSQL_DATABASE: app\n        MYSQL_ROOT_PASSWORD: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "travis env jobs matrix", file: ".travis.yml", text: "language: python\nenv:\n  jobs:\n    - API_TOKEN={T} SUITE=integration\n", rule: Some("generic-token") },
    Case { family: CI, form: "drone jsonnet environment", file: ".drone.jsonnet", text: "{\n  kind: 'pipeline',\n  name: 'test',\n  steps: [{\n    name: 'test',\n    image: 'python:3.12',\n    environment: { API_SECRET: '{C}' },\n    commands: ['pytest'],\n  }],\n}\n", rule: Some("generic-secret") },
    Case { family: CI, form: "buildkite-agent.cfg token", file: "buildkite-agent.cfg", text: "token=\"{T}\"\nname=\"%hostname-%spawn\"\ntags=\"queue=default\"\n", rule: Some("generic-token") },
    Case { family: CI, form: "tekton task param default", file: "tekton/notify-task.yaml", text: "apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: notify\nspec:\n  params:\n    - name: api-key\n      type: string\n      default: {K}\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- command lines and scripts
    // kubectl reference (`create secret generic --from-literal`, `create secret
    // docker-registry`, `set env`), `helm repo add --username --password`, mysqladmin,
    // mongosh, redis-cli `-a`, `az webapp config appsettings set`, `gcloud run deploy
    // --set-env-vars`, PuTTY plink `-pw`, expect(1), lftp `-u user,pass`, curl `-d` /
    // `--data-urlencode`, wget `--http-password`, HTTPie request items, Cloud Foundry CLI
    // (`set-env`, `cups -p`), ansible-playbook `-e`, `docker exec -e`, `poetry config
    // http-basic`, `npm config set`, openssl `-passout pass:`, keytool `-storepass`, sqlcmd.
    Case { family: CMD, form: "kubectl create secret --from-literal", file: "scripts/bootstrap.sh", text: "kubectl create secret generic api --from-literal=api-token={T} -n prod\n", rule: Some("generic-token") },
    Case { family: CMD, form: "kubectl docker-registry --docker-password", file: "scripts/registry.sh", text: "kubectl create secret docker-registry regcred \\\n  --docker-server=registry.acme-corp.io \\\n  --docker-username=ci \\\n  --docker-password={W}\n", rule: Some("generic-password") },
    Case { family: CMD, form: "kubectl set env", file: "scripts/rotate.sh", text: "kubectl set env deployment/api API_SECRET={C}\n", rule: Some("generic-secret") },
    Case { family: CMD, form: "helm repo add --password", file: "scripts/helm-setup.sh", text: "helm repo add acme https://charts.acme-corp.io --username ci --password {W}\n", rule: Some("generic-password") },
    Case { family: CMD, form: "mysqladmin password", file: "scripts/init-db.sh", text: "mysqladmin -u root password '{W}'\n", rule: Some("generic-password") },
    Case { family: CMD, form: "mongosh -p", file: "scripts/mongo-shell.sh", text: "mongosh --host db.acme-corp.io -u admin -p '{W}' --authenticationDatabase admin\n", rule: Some("generic-password") },
    Case { family: CMD, form: "redis-cli -a", file: "scripts/cache-check.sh", text: "redis-cli -h cache.acme-corp.io -a '{W}' ping\n", rule: Some("generic-password") },
    Case { family: CMD, form: "az webapp appsettings set", file: "scripts/azure.sh", text: "az webapp config appsettings set -g prod -n acme-api --settings ACME_API_KEY={K}\n", rule: Some("generic-api-key") },
    Case { family: CMD, form: "gcloud run --set-env-vars", file: "scripts/gcp-deploy.sh", text: "gcloud run deploy api --image gcr.io/acme/api:2 --region europe-west1 --set-env-vars API_SECRET={C}\n", rule: Some("generic-secret") },
    Case { family: CMD, form: "plink -pw", file: "scripts/restart.cmd", text: "plink -ssh -pw {W} deploy@web1.acme-corp.io \"sudo systemctl restart api\"\r\n", rule: Some("generic-password") },
    Case { family: CMD, form: "expect send password", file: "scripts/login.exp", text: "#!/usr/bin/expect -f\nspawn ssh deploy@web1.acme-corp.io\nexpect \"password:\"\nsend \"{W}\\r\"\ninteract\n", rule: Some("generic-password") },
    Case { family: CMD, form: "lftp -u user,pass", file: "scripts/publish.sh", text: "lftp -u deploy,{W} sftp://files.acme-corp.io -e \"mirror -R dist /srv/site; quit\"\n", rule: Some("generic-password") },
    Case { family: CMD, form: "curl -d client_secret form field", file: "scripts/token.sh", text: "curl -X POST https://auth.acme-corp.io/oauth/token -d grant_type=client_credentials -d client_id=reporting -d client_secret={C}\n", rule: Some("generic-secret") },
    Case { family: CMD, form: "curl --data-urlencode password", file: "scripts/login.sh", text: "curl https://portal.acme-corp.io/login --data-urlencode \"username=ops\" --data-urlencode \"password={W}\"\n", rule: Some("generic-password") },
    Case { family: CMD, form: "wget --http-password", file: "scripts/backup-fetch.sh", text: "wget --http-user=deploy --http-password={W} https://files.acme-corp.io/backup.tgz\n", rule: Some("generic-password") },
    Case { family: CMD, form: "httpie request item field", file: "scripts/login-http.sh", text: "http POST https://api.acme-corp.io/v1/login username=ops password={W}\n", rule: Some("generic-password") },
    Case { family: CMD, form: "cf set-env", file: "scripts/cf.sh", text: "cf set-env acme-api API_SECRET {C}\ncf restage acme-api\n", rule: Some("generic-secret") },
    Case { family: CMD, form: "cf cups json credentials", file: "scripts/cf-services.sh", text: "cf create-user-provided-service app-db -p '{\"username\":\"app\",\"password\":\"{W}\"}'\n", rule: Some("generic-password") },
    Case { family: CMD, form: "ansible-playbook -e extra var", file: "scripts/provision.sh", text: "ansible-playbook -i inventory/prod site.yml -e \"db_password={W}\"\n", rule: Some("generic-password") },
    Case { family: CMD, form: "docker exec -e", file: "scripts/db-shell.sh", text: "docker exec -it -e PGPASSWORD={W} db psql -U app -c 'select 1'\n", rule: Some("generic-password") },
    Case { family: CMD, form: "poetry config http-basic", file: "scripts/ci-setup.sh", text: "poetry config http-basic.acme deploy {W}\npoetry install\n", rule: Some("generic-password") },
    Case { family: CMD, form: "npm config set _authToken", file: "scripts/npm-login.sh", text: "npm config set //npm.acme-corp.io/:_authToken {T}\n", rule: Some("generic-token") },
    Case { family: CMD, form: "openssl -passout pass:", file: "scripts/make-p12.sh", text: "openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:{W}\n", rule: Some("generic-password") },
    Case { family: CMD, form: "keytool -storepass", file: "scripts/truststore.sh", text: "keytool -importcert -alias acme -file ca.pem -keystore truststore.jks -storepass {W} -noprompt\n", rule: Some("generic-password") },
    Case { family: CMD, form: "sqlcmd -P", file: "scripts/mssql-check.sh", text: "sqlcmd -S db.acme-corp.io -U sa -P '{W}' -Q \"SELECT 1\"\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- API tools, notebooks, docs
    // Postman Collection v2.1 schema (`auth.basic`, `body.urlencoded`), Insomnia export
    // `authentication.type: basic`, Bruno `auth:basic` / `body:form-urlencoded` blocks, HAR 1.2
    // (`postData.params`, `queryString`), JetBrains HTTP client (`Authorization: Basic user
    // pass`), OpenAPI 3 `example`, Thunder Client, AsciiDoc `[source]` blocks, IPython
    // `%set_env` and `!` shell escapes, Databricks `dbutils.widgets.text`.
    Case { family: API, form: "postman basic auth array", file: "Portal.postman_collection.json", text: "{\"auth\": {\"type\": \"basic\", \"basic\": [{\"key\": \"password\", \"value\": \"{W}\", \"type\": \"string\"}, {\"key\": \"username\", \"value\": \"ops\", \"type\": \"string\"}]}}\n", rule: Some("generic-password") },
    Case { family: API, form: "postman urlencoded body", file: "Auth.postman_collection.json", text: "{\"request\": {\"method\": \"POST\", \"body\": {\"mode\": \"urlencoded\", \"urlencoded\": [{\"key\": \"grant_type\", \"value\": \"client_credentials\", \"type\": \"text\"}, {\"key\": \"client_secret\", \"value\": \"{C}\", \"type\": \"text\"}]}}}\n", rule: Some("generic-secret") },
    Case { family: API, form: "insomnia basic auth", file: "insomnia/portal.json", text: "{\"_type\": \"request\", \"url\": \"https://portal.acme-corp.io/api/status\", \"authentication\": {\"type\": \"basic\", \"username\": \"ops\", \"password\": \"{W}\"}}\n", rule: Some("generic-password") },
    Case { family: API, form: "bruno auth:basic", file: "portal/Status.bru", text: "get {\n  url: https://portal.acme-corp.io/api/status\n  auth: basic\n}\n\nauth:basic {\n  username: ops\n  password: {W}\n}\n", rule: Some("generic-password") },
    Case { family: API, form: "bruno body:form-urlencoded", file: "auth/Token.bru", text: "post {\n  url: https://auth.acme-corp.io/oauth/token\n  body: formUrlEncoded\n}\n\nbody:form-urlencoded {\n  grant_type: client_credentials\n  client_secret: {C}\n}\n", rule: Some("generic-secret") },
    Case { family: API, form: "har postData params", file: "captures/portal-login.har", text: "{\"request\": {\"method\": \"POST\", \"url\": \"https://portal.acme-corp.io/login\", \"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"params\": [{\"name\": \"username\", \"value\": \"ops\"}, {\"name\": \"password\", \"value\": \"{W}\"}]}}}\n", rule: Some("generic-password") },
    Case { family: API, form: "har queryString api_key", file: "captures/search.har", text: "{\"request\": {\"method\": \"GET\", \"url\": \"https://api.acme-corp.io/v1/search\", \"queryString\": [{\"name\": \"q\", \"value\": \"berlin\"}, {\"name\": \"api_key\", \"value\": \"{K}\"}]}}\n", rule: Some("generic-api-key") },
    Case { family: API, form: ".http Basic user pass", file: "requests/portal.http", text: "GET https://portal.acme-corp.io/api/status\nAuthorization: Basic ops {W}\n", rule: Some("generic-password") },
    Case { family: API, form: ".http form-urlencoded body", file: "requests/token.http", text: "POST https://auth.acme-corp.io/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&client_id=reporting&client_secret={C}\n", rule: Some("generic-secret") },
    Case { family: API, form: "openapi requestBody example", file: "openapi.yaml", text: "  /login:\n    post:\n      requestBody:\n        content:\n          application/json:\n            example:\n              username: ops\n              password: {W}\n", rule: Some("generic-password") },
    Case { family: API, form: "thunder client bearer auth", file: "thunder-tests/thunderclient.json", text: "[{\"name\": \"orders\", \"url\": \"https://api.acme-corp.io/orders\", \"method\": \"GET\", \"auth\": {\"type\": \"bearer\", \"bearer\": \"{T}\"}}]\n", rule: Some("generic-token") },
    Case { family: API, form: "asciidoc source block export", file: "docs/setup.adoc", text: "== Setup\n\n[source,bash]\n----\nexport API_TOKEN={T}\n./sync.sh\n----\n", rule: Some("generic-token") },
    Case { family: API, form: "markdown yaml fence config", file: "docs/configuration.md", text: "## Configuration\n\n```yaml\nacme:\n  endpoint: https://api.acme-corp.io\n  api_secret: {C}\n```\n", rule: Some("generic-secret") },
    Case { family: API, form: "markdown bullet inline code", file: "docs/staging.md", text: "Staging access:\n\n- Endpoint: `https://staging.acme-corp.io`\n- API key: `{K}`\n", rule: Some("generic-api-key") },
    Case { family: API, form: "notebook %set_env magic", file: "notebooks/export.ipynb", text: "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"%set_env ACME_API_KEY={K}\\n\", \"import acme\\n\"]}]}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "notebook shell escape curl", file: "notebooks/fetch.ipynb", text: "{\"cell_type\": \"code\", \"source\": [\"!curl -s -H \\\"X-Api-Key: {K}\\\" https://api.acme-corp.io/v1/export -o export.csv\\n\"]}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "databricks widgets text default", file: "notebooks/ingest.ipynb", text: "{\"cell_type\": \"code\", \"source\": [\"dbutils.widgets.text(\\\"api_token\\\", \\\"{T}\\\")\\n\", \"token = dbutils.widgets.get(\\\"api_token\\\")\\n\"]}\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- Speckle and Spell
    // Speckle: @speckle/viewer `UrlHelper.getResourceUrls(url, authToken)` (speckle-server
    // packages/viewer), GraphQL Code Generator `schema` with headers (the-guild.dev docs),
    // graphql-ws `connectionParams`, Apollo Client `headers`, Angular `environment.ts`, Next.js
    // `NEXT_PUBLIC_` env files, Streamlit `secrets.toml`, curl `--oauth2-bearer` (curl.se),
    // wget `--header`, xh `-A bearer`, `vault kv put`, `az keyvault secret set`, `gh secret
    // set --body`, Terraform `kubernetes_secret`, JetBrains run configuration `<envs>`,
    // Grasshopper `.ghx` XML (the "Speckle Model URL with Token" component in
    // speckle-sharp-connectors), PowerShell 7 `-Authentication Bearer -Token`, Power Query M
    // `Web.Contents` headers (Speckle Power BI connector). Spell: the seed document
    // (SPELL_TOKEN/SPELL_OWNER, `spell.client.from_environment()`), with AWS SSM / Secrets
    // Manager / Secret Manager CLIs, tox `setenv`, pytest-env, nox `session.env`, VS Code
    // `terminal.integrated.env.*`, conda `environment.yml` `variables:` and `conda env config
    // vars set` (docs.conda.io), crontab, Airflow `BashOperator(env=...)` and `Variable.set`,
    // `env(1)`, `os.putenv`.
    Case { family: PLACES, form: "viewer UrlHelper.getResourceUrls token arg", file: "src/viewer/load.ts", text: "const urls = await UrlHelper.getResourceUrls(\n  'https://app.speckle.systems/projects/7b434814e7/models/af0b69d890',\n  '{S}'\n)\nfor (const url of urls) await viewer.loadObject(new SpeckleLoader(viewer.getWorldTree(), url), true)\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "graphql codegen schema headers speckle", file: "codegen.ts", text: "const config: CodegenConfig = {\n  schema: [\n    {\n      'https://app.speckle.systems/graphql': {\n        headers: { Authorization: 'Bearer {S}' },\n      },\n    },\n  ],\n  documents: ['src/**/*.graphql'],\n}\nexport default config\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "graphql-ws connectionParams speckle", file: "src/lib/subscriptions.ts", text: "const wsClient = createClient({\n  url: 'wss://app.speckle.systems/graphql',\n  connectionParams: { Authorization: 'Bearer {S}' },\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "apollo client headers speckle", file: "src/apollo.ts", text: "export const client = new ApolloClient({\n  uri: 'https://speckle.acme-design.com/graphql',\n  cache: new InMemoryCache(),\n  headers: { authorization: 'Bearer {S}' },\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "angular environment.ts speckle", file: "src/environments/environment.ts", text: "export const environment = {\n  production: false,\n  speckleServerUrl: 'https://app.speckle.systems',\n  speckleToken: '{S}',\n};\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "next .env.local NEXT_PUBLIC speckle", file: ".env.local", text: "NEXT_PUBLIC_SPECKLE_SERVER=https://app.speckle.systems\nNEXT_PUBLIC_SPECKLE_TOKEN={S}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "streamlit secrets.toml speckle", file: ".streamlit/secrets.toml", text: "SPECKLE_HOST = \"app.speckle.systems\"\nSPECKLE_TOKEN = \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "curl --oauth2-bearer speckle", file: "scripts/whoami.sh", text: "curl --oauth2-bearer {S} -H 'Content-Type: application/json' -d '{\"query\":\"{ activeUser { name } }\"}' https://app.speckle.systems/graphql\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "wget header speckle objects", file: "scripts/fetch-object.sh", text: "wget --header=\"Authorization: Bearer {S}\" https://app.speckle.systems/objects/3073b96e86/{HEX32}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "xh bearer auth speckle", file: "scripts/query.sh", text: "xh -A bearer -a {S} POST https://speckle.acme-design.com/graphql query='{ activeUser { id } }'\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "vault kv put speckle", file: "scripts/vault-seed.sh", text: "vault kv put secret/speckle server=https://app.speckle.systems token={S}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "az keyvault secret set speckle", file: "scripts/kv.sh", text: "az keyvault secret set --vault-name acme-kv --name speckle-token --value {S}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "gh secret set --body speckle", file: "scripts/repo-setup.sh", text: "gh secret set SPECKLE_TOKEN --body \"{S}\" --repo acme/bim-sync\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "terraform kubernetes_secret data speckle", file: "infra/speckle.tf", text: "resource \"kubernetes_secret\" \"speckle\" {\n  metadata {\n    name = \"speckle-sync\"\n  }\n  data = {\n    SPECKLE_TOKEN = \"{S}\"\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "jetbrains run configuration envs speckle", file: ".idea/runConfigurations/push_model.xml", text: "<component name=\"ProjectRunConfigurationManager\">\n  <configuration name=\"push_model\" type=\"PythonConfigurationType\">\n    <envs>\n      <env name=\"SPECKLE_TOKEN\" value=\"{S}\" />\n    </envs>\n  </configuration>\n</component>\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "grasshopper ghx panel near speckle component", file: "definitions/facade.ghx", text: "<chunk name=\"Object\">\n  <items count=\"1\">\n    <item name=\"Name\" type_name=\"gh_string\" type_code=\"10\">Speckle Model URL with Token</item>\n  </items>\n</chunk>\n<chunk name=\"Object\">\n  <items count=\"2\">\n    <item name=\"Name\" type_name=\"gh_string\" type_code=\"10\">Panel</item>\n    <item name=\"UserText\" type_name=\"gh_string\" type_code=\"10\">{S}</item>\n  </items>\n</chunk>\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "powershell -Authentication Bearer -Token speckle", file: "scripts/Get-SpeckleUser.ps1", text: "$token = ConvertTo-SecureString '{S}' -AsPlainText -Force\nInvoke-RestMethod -Uri https://app.speckle.systems/graphql -Method Post -Authentication Bearer -Token $token -Body $body -ContentType 'application/json'\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "power query Web.Contents headers speckle", file: "powerbi/Speckle.pq", text: "let\n    Source = Json.Document(Web.Contents(\"https://app.speckle.systems/graphql\", [Headers = [Authorization = \"Bearer {S}\", #\"Content-Type\" = \"application/json\"], Content = Text.ToBinary(query)]))\nin\n    Source\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "aws ssm put-parameter spell", file: "scripts/ssm-seed.sh", text: "aws ssm put-parameter --name /ml/spell/token --type SecureString --value {P}\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "aws secretsmanager create-secret spell", file: "scripts/secrets-seed.sh", text: "aws secretsmanager create-secret --name spell-token --secret-string {P}\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "gcloud secrets create stdin spell", file: "scripts/gcp-secrets.sh", text: "echo -n \"{P}\" | gcloud secrets create spell-token --data-file=-\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "tox setenv spell", file: "tox.ini", text: "[testenv]\ndeps = pytest\nsetenv =\n    SPELL_OWNER = acme\n    SPELL_TOKEN = {P}\ncommands = pytest\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "pytest-env pyproject spell", file: "pyproject.toml", text: "[tool.pytest.ini_options]\nenv = [\n    \"SPELL_OWNER=acme\",\n    \"SPELL_TOKEN={P}\",\n]\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "nox session.env spell", file: "noxfile.py", text: "@nox.session\ndef train(session):\n    session.env[\"SPELL_TOKEN\"] = \"{P}\"\n    session.run(\"spell\", \"run\", \"python train.py\", external=True)\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "vscode terminal env spell", file: ".vscode/settings.json", text: "{\n  \"terminal.integrated.env.linux\": {\n    \"SPELL_OWNER\": \"acme\",\n    \"SPELL_TOKEN\": \"{P}\"\n  }\n}\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "conda environment.yml variables spell", file: "environment.yml", text: "name: trainer\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\nvariables:\n  SPELL_OWNER: acme\n  SPELL_TOKEN: {P}\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "conda env config vars set spell", file: "scripts/conda-setup.sh", text: "conda env config vars set SPELL_OWNER=acme SPELL_TOKEN={P} -n trainer\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "crontab inline env spell", file: "deploy/trainer.crontab", text: "# m h dom mon dow command\n0 3 * * * SPELL_TOKEN={P} /usr/local/bin/spell run python train.py\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "airflow BashOperator env spell", file: "dags/train.py", text: "train = BashOperator(\n    task_id=\"spell_train\",\n    bash_command=\"spell run python train.py\",\n    env={\"SPELL_OWNER\": \"acme\", \"SPELL_TOKEN\": \"{P}\"},\n)\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "airflow Variable.set spell", file: "scripts/airflow_seed.py", text: "from airflow.models import Variable\n\nVariable.set(\"spell_token\", \"{P}\")\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "env command prefix spell", file: "scripts/list-runs.sh", text: "env SPELL_TOKEN={P} SPELL_OWNER=acme spell ps\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "os.putenv spell", file: "trainer/bootstrap.py", text: "os.putenv(\"SPELL_OWNER\", \"acme\")\nos.putenv(\"SPELL_TOKEN\", \"{P}\")\n", rule: Some("spell-token") },
    // ---------------------------------------------------------------- negatives
    // The same tools with the value read from elsewhere, declared, hashed, pinned, or marked
    // fake: no secret in the file.
    Case { family: CODE, form: "pyjwt decode env secret", file: "app/auth/verify.py", text: "payload = jwt.decode(token, os.environ[\"JWT_SECRET\"], algorithms=[\"HS256\"])\n", rule: None },
    Case { family: CODE, form: "argparse default from env", file: "tools/export.py", text: "parser.add_argument(\"--api-key\", default=os.environ.get(\"ACME_API_KEY\"), help=\"Acme API key\")\n", rule: None },
    Case { family: CODE, form: "flask secret_key urandom", file: "app/__init__.py", text: "app.secret_key = os.urandom(32)\n", rule: None },
    Case { family: CODE, form: "react prop from env", file: "src/components/StoreMap.jsx", text: "  return <MapProvider apiKey={process.env.REACT_APP_MAPS_KEY} />;\n", rule: None },
    Case { family: CODE, form: "vue v-model password input", file: "src/components/Login.vue", text: "<input v-model=\"form.password\" type=\"password\" autocomplete=\"current-password\" />\n", rule: None },
    Case { family: CODE, form: "go flag default from Getenv", file: "cmd/export/main.go", text: "apiKey := flag.String(\"api-key\", os.Getenv(\"ACME_API_KEY\"), \"Acme API key\")\n", rule: None },
    Case { family: CODE, form: "java bean validation password field", file: "src/main/java/io/acme/SignupForm.java", text: "    @NotBlank\n    @Size(min = 12)\n    private String password;\n", rule: None },
    Case { family: CODE, form: "android getString resource", file: "app/src/main/java/io/acme/Api.kt", text: "val apiKey = context.getString(R.string.acme_api_key)\n", rule: None },
    Case { family: CODE, form: "csproj UserSecretsId", file: "Api/Api.csproj", text: "<PropertyGroup>\n  <TargetFramework>net8.0</TargetFramework>\n  <UserSecretsId>{UUID}</UserSecretsId>\n</PropertyGroup>\n", rule: None },
    Case { family: CODE, form: "rails fixture bcrypt digest", file: "test/fixtures/users.yml", text: "alice:\n  email: alice@example.com\n  password_digest: <%= BCrypt::Password.create('password') %>\n", rule: None },
    Case { family: CODE, form: "php password_hash call", file: "src/Controller/Signup.php", text: "$hash = password_hash($request->input('password'), PASSWORD_DEFAULT);\n", rule: None },
    Case { family: CODE, form: "rust clap env arg", file: "src/args.rs", text: "    #[arg(long, env = \"ACME_API_TOKEN\")]\n    api_token: String,\n", rule: None },
    Case { family: CODE, form: "c getenv", file: "src/main.c", text: "const char *api_secret = getenv(\"API_SECRET\");\n", rule: None },
    Case { family: CODE, form: "r dbConnect Sys.getenv", file: "R/db.R", text: "con <- DBI::dbConnect(RPostgres::Postgres(), password = Sys.getenv(\"DB_PASSWORD\"))\n", rule: None },
    Case { family: CODE, form: "python fake key fixture", file: "tests/test_client.py", text: "FAKE_API_KEY = \"fake-api-key-for-tests\"\nclient = AcmeClient(api_key=FAKE_API_KEY)\n", rule: None },
    Case { family: CODE, form: "python NewType password", file: "acme/types.py", text: "Password = NewType(\"Password\", str)\nApiToken = NewType(\"ApiToken\", str)\n", rule: None },
    Case { family: CONFIG, form: "wrangler secrets required names", file: "wrangler.toml", text: "[secrets]\nrequired = [\"API_TOKEN\", \"API_SECRET\"]\n", rule: None },
    Case { family: CONFIG, form: ".dev.vars.example placeholders", file: ".dev.vars.example", text: "API_SECRET=your-secret-here\nSESSION_SECRET=change-me\n", rule: None },
    Case { family: CONFIG, form: "yarn.lock entry", file: "yarn.lock", text: "\"api-key-auth@^1.2.0\":\n  version \"1.2.0\"\n  resolved \"https://registry.yarnpkg.com/api-key-auth/-/api-key-auth-1.2.0.tgz#{HEX40}\"\n  integrity {SRI}\n", rule: None },
    Case { family: CONFIG, form: "poetry.lock file hashes", file: "poetry.lock", text: "[[package]]\nname = \"secretstorage\"\nversion = \"3.3.3\"\nfiles = [\n    {file = \"SecretStorage-3.3.3-py3-none-any.whl\", hash = \"sha256:{HEX64}\"},\n]\n", rule: None },
    Case { family: CONFIG, form: "nix fetchurl sha256", file: "pkgs/token-tool/default.nix", text: "  src = fetchurl {\n    url = \"https://releases.acme-corp.io/token-tool-1.2.tar.gz\";\n    sha256 = \"{HEX64}\";\n  };\n", rule: None },
    Case { family: CONFIG, form: "web.config integrated security", file: "Web.config", text: "<add name=\"Default\" connectionString=\"Server=db;Database=app;Integrated Security=true\" />\n", rule: None },
    Case { family: CONFIG, form: "kafka jaas env references", file: "config/client.properties", text: "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${KAFKA_USER}\" password=\"${KAFKA_PASSWORD}\";\n", rule: None },
    Case { family: DEPLOY, form: "argocd valueFiles secrets url", file: "argocd/api.yaml", text: "      helm:\n        valueFiles:\n          - values.yaml\n          - secrets://values-secrets.yaml\n", rule: None },
    Case { family: DEPLOY, form: "compose env_file reference", file: "docker-compose.yml", text: "services:\n  api:\n    image: acme/api:2\n    env_file:\n      - ./secrets/api.env\n", rule: None },
    Case { family: DEPLOY, form: "systemd LoadCredential", file: "/etc/systemd/system/api.service", text: "[Service]\nLoadCredential=api-token:/etc/acme/api-token\nExecStart=/usr/local/bin/api --token-file=${CREDENTIALS_DIRECTORY}/api-token\n", rule: None },
    Case { family: DEPLOY, form: "cdk secretsmanager value", file: "lib/api-stack.ts", text: "  environment: { API_SECRET: secret.secretValueFromJson('api').unsafeUnwrap() },\n", rule: None },
    Case { family: DEPLOY, form: "bicep keyvault getSecret", file: "infra/main.bicep", text: "module vm './vm.bicep' = {\n  name: 'vm'\n  params: {\n    adminPassword: kv.getSecret('adminPassword')\n  }\n}\n", rule: None },
    Case { family: DEPLOY, form: "arm parameters keyvault reference", file: "azuredeploy.parameters.json", text: "{\"parameters\": {\"adminPassword\": {\"reference\": {\"keyVault\": {\"id\": \"/subscriptions/{UUID}/resourceGroups/prod/providers/Microsoft.KeyVault/vaults/acme-kv\"}, \"secretName\": \"adminPassword\"}}}}\n", rule: None },
    Case { family: CI, form: "actions input required no default", file: ".github/actions/notify/action.yml", text: "inputs:\n  api-token:\n    description: Acme token\n    required: true\n", rule: None },
    Case { family: CI, form: "gitlab inputs interpolation", file: "templates/notify.yml", text: "notify:\n  script:\n    - ./notify.sh --token $[[ inputs.api_token ]]\n", rule: None },
    Case { family: CI, form: "jenkins casc env reference", file: "casc/jenkins.yaml", text: "          - usernamePassword:\n              id: registry\n              username: ci\n              password: ${REGISTRY_PASSWORD}\n", rule: None },
    Case { family: CI, form: "buildkite secrets plugin mapping", file: ".buildkite/pipeline.yml", text: "steps:\n  - command: ./deploy.sh\n    plugins:\n      - secrets#v1.0.0:\n          variables:\n            API_TOKEN: api_token\n", rule: None },
    Case { family: CI, form: "circleci password-stdin from env", file: ".circleci/config.yml", text: "      - run: echo \"$REGISTRY_PASSWORD\" | docker login -u acme-ci --password-stdin registry.acme-corp.io\n", rule: None },
    Case { family: CMD, form: "kubectl --from-file", file: "scripts/bootstrap.sh", text: "kubectl create secret generic api --from-file=api-token=./secrets/api-token.txt\n", rule: None },
    Case { family: CMD, form: "gh secret set from file", file: "scripts/repo-setup.sh", text: "gh secret set SPECKLE_TOKEN < speckle-token.txt\n", rule: None },
    Case { family: CMD, form: "vault kv get field", file: "scripts/fetch-token.sh", text: "export SPECKLE_TOKEN=\"$(vault kv get -field=token secret/speckle)\"\n", rule: None },
    Case { family: CMD, form: "mysql -p prompt", file: "scripts/restore.sh", text: "mysql -u root -p app < dump.sql\n", rule: None },
    Case { family: CMD, form: "openssl -passout env:", file: "scripts/make-p12.sh", text: "openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout env:P12_PASSWORD\n", rule: None },
    Case { family: CMD, form: "keytool well-known changeit", file: "scripts/list-cacerts.sh", text: "keytool -list -keystore \"$JAVA_HOME/lib/security/cacerts\" -storepass changeit\n", rule: None },
    Case { family: CMD, form: "aws ssm get-parameter", file: "scripts/train.sh", text: "export SPELL_TOKEN=$(aws ssm get-parameter --name /ml/spell/token --with-decryption --query Parameter.Value --output text)\n", rule: None },
    Case { family: API, form: "postman basic auth variable", file: "Portal.postman_collection.json", text: "{\"auth\": {\"type\": \"basic\", \"basic\": [{\"key\": \"password\", \"value\": \"{{portalPassword}}\", \"type\": \"string\"}]}}\n", rule: None },
    Case { family: API, form: "har etag header", file: "captures/objects.har", text: "{\"response\": {\"status\": 200, \"headers\": [{\"name\": \"etag\", \"value\": \"W/\\\"{HEX32}\\\"\"}]}}\n", rule: None },
    Case { family: API, form: "openapi password format schema", file: "openapi.yaml", text: "    LoginRequest:\n      type: object\n      properties:\n        password:\n          type: string\n          format: password\n          minLength: 12\n", rule: None },
    Case { family: API, form: "notebook output masked token", file: "notebooks/fetch.ipynb", text: "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"api token: ****************\\n\"]}\n", rule: None },
    Case { family: API, form: "asciidoc attribute placeholder", file: "docs/setup.adoc", text: ":api-token: YOUR_API_TOKEN\n\n[source,bash]\n----\nexport API_TOKEN={api-token}\n----\n", rule: None },
    Case { family: PLACES, form: "viewer token from query string", file: "src/viewer/load.ts", text: "const token = new URLSearchParams(location.search).get('token') ?? undefined\nconst urls = await UrlHelper.getResourceUrls(modelUrl, token)\n", rule: None },
    Case { family: PLACES, form: "speckle object url without token", file: "scripts/fetch-object.sh", text: "wget https://app.speckle.systems/objects/3073b96e86/{HEX32}\n", rule: None },
    Case { family: PLACES, form: "power query token parameter", file: "powerbi/Speckle.pq", text: "Source = Web.Contents(url, [Headers = [Authorization = \"Bearer \" & SpeckleToken]])\n", rule: None },
    Case { family: PLACES, form: "tox passenv spell", file: "tox.ini", text: "[testenv]\npassenv =\n    SPELL_TOKEN\n    SPELL_OWNER\n", rule: None },
    Case { family: PLACES, form: "airflow Variable.get spell", file: "dags/train.py", text: "token = Variable.get(\"spell_token\")\nclient = SpellClient(token=token, owner=\"acme\")\n", rule: None },
    Case { family: PLACES, form: "conda env config vars list output", file: "notes/conda.txt", text: "$ conda env config vars list -n trainer\nSPELL_OWNER = acme\nSPELL_TOKEN = <hidden>\n", rule: None },
];

#[test]
fn held_aside_fifth() {
    measure("fifth", CASES, 17001, 130, 35);
}
