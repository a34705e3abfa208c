//! Third held-aside recall set (issue 13, "keep it aside, and report recall on it at the
//! end"), written blind on 2026-12-06 after the first two sets ([`super::heldout`],
//! [`super::heldout_fresh`]) had been used to tune the extractors. Each case is a small file
//! (named, since the engine picks the syntax by name and content) holding one token, in a
//! form neither issue 13 item 1 nor the two earlier sets list: other languages, CI systems,
//! deployment manifests, API tools' exports, notebooks and configuration languages, and the
//! places Speckle and Spell users put their tokens (specklepy, the .NET SDK, the viewer, the
//! Speckle Automate GitHub Action's `speckle_token` input, Spell's CLI config `~/.spell/config`
//! and its Python client). The shapes follow the tools' public documentation and examples;
//! the files are our own.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed,
//! never on low recall. Run it once, at the end, to report the figure:
//!
//! `cargo test --lib held_aside_second -- --nocapture`
//!
//! No token is committed: every placeholder is filled at run time from a seeded generator
//! with the shape its rule expects. `{S}` Speckle (42 lowercase hex), `{P}` Spell (32
//! base62), `{W}` a password (18 mixed characters), `{K}` an API key (32 base62), `{C}` a
//! client secret (43 base64url), `{T}` a token (40 base62), `{NEWS}`/`{DD}`/`{OWM}` 32 hex
//! (NewsAPI, Datadog, OpenWeather), `{AV}` 16 upper alphanumerics (Alpha Vantage), `{ETH}`
//! 34 (Etherscan), `{HK}` a UUID (Heroku's legacy API key). Negatives may hold `{HEX40}`,
//! `{HEX64}` (digests), `{CIPHER}` (a Pulumi ciphertext) and `{CRYPT}` (a SHA-512 crypt
//! hash): shapes that look generated but are not secrets.

#![cfg(test)]

/// One file: where it comes from (`family`), its name, its text with placeholders, and the
/// rule that must report the token in it (`None`: a negative, on which none of the rules the
/// set measures may report anything).
pub struct Case {
    pub family: &'static str,
    pub form: &'static str,
    pub file: &'static str,
    pub text: &'static str,
    pub rule: Option<&'static str>,
}

const CODE: &str = "other languages";
const CI: &str = "CI systems";
const DEPLOY: &str = "deployment manifests";
const API: &str = "API tools' exports";
const CONFIG: &str = "notebooks, SQL, config languages, credential files";
const PLACES: &str = "Speckle and Spell places";

/// The generic rules, always measured; provider rules named by a case are added to them.
const GENERIC: [&str; 6] = [
    "speckle-token",
    "spell-token",
    "generic-password",
    "generic-secret",
    "generic-token",
    "generic-api-key",
];

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- other languages
    Case { family: CODE, form: "scala sttp auth.bearer", file: "src/main/scala/SpeckleSync.scala", text: "val response = basicRequest\n  .post(uri\"https://app.speckle.systems/graphql\")\n  .auth.bearer(\"{S}\")\n  .body(query)\n  .send(backend)\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "scala case class default", file: "src/main/scala/Settings.scala", text: "final case class SpeckleSettings(\n    serverUrl: String = \"https://speckle.acme-design.com\",\n    token: String = \"{S}\"\n)\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "clojure keyword map", file: "src/trainer/config.clj", text: "(def config\n  {:spell-owner \"acme\"\n   :spell-token \"{P}\"})\n", rule: Some("spell-token") },
    Case { family: CODE, form: "clojure clj-http oauth-token", file: "src/models/speckle.clj", text: "(client/post \"https://speckle.acme-design.com/graphql\"\n  {:oauth-token \"{S}\"\n   :content-type :json\n   :form-params {:query q}})\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "elixir Application.put_env", file: "test/test_helper.exs", text: "Application.put_env(:spell_client, :spell_token, \"{P}\")\nExUnit.start()\n", rule: Some("spell-token") },
    Case { family: CODE, form: "elixir map =>", file: "lib/acme/client.ex", text: "  @defaults %{\"api_key\" => \"{K}\", \"region\" => \"eu-west-1\"}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "erlang -define", file: "include/auth.hrl", text: "-define(API_SECRET, \"{C}\").\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "dart fromEnvironment defaultValue", file: "lib/env.dart", text: "const apiKey = String.fromEnvironment('API_KEY', defaultValue: '{K}');\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "dart dio headers index", file: "lib/speckle_api.dart", text: "final dio = Dio(BaseOptions(baseUrl: 'https://speckle.acme-design.com'));\ndio.options.headers['Authorization'] = 'Bearer {S}';\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "lua openresty set_header", file: "nginx/access.lua", text: "-- upstream: https://speckle.acme-design.com/graphql\nngx.req.set_header(\"Authorization\", \"Bearer {S}\")\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "perl LWP default_header", file: "bin/push.pl", text: "my $ua = LWP::UserAgent->new;\n$ua->default_header('Authorization' => 'Bearer {S}');\nmy $res = $ua->post('https://app.speckle.systems/graphql', Content => $query);\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "perl use constant", file: "lib/Acme/Spell.pm", text: "package Acme::Spell;\nuse constant SPELL_TOKEN => '{P}';\n", rule: Some("spell-token") },
    Case { family: CODE, form: "haskell record update", file: "app/Main.hs", text: "main :: IO ()\nmain = runApp defaultConfig { apiKey = \"{K}\", region = \"us-east-1\" }\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "haskell setRequestHeader", file: "src/Speckle.hs", text: "  let req = setRequestHeader \"Authorization\" [\"Bearer {S}\"]\n          $ parseRequest_ \"POST https://app.speckle.systems/graphql\"\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "swift UserDefaults set forKey", file: "App/AppDelegate.swift", text: "UserDefaults.standard.set(\"{P}\", forKey: \"spellToken\")\n", rule: Some("spell-token") },
    Case { family: CODE, form: "swift alamofire bearerToken", file: "App/SpeckleService.swift", text: "let headers: HTTPHeaders = [.authorization(bearerToken: \"{S}\")]\nAF.request(\"https://app.speckle.systems/graphql\", method: .post, headers: headers)\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "objc dictionary literal", file: "Sources/APIClient.m", text: "NSDictionary *headers = @{@\"X-Api-Key\": @\"{K}\", @\"Accept\": @\"application/json\"};\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "objc NSUserDefaults setObject", file: "Sources/SpeckleAuth.m", text: "[[NSUserDefaults standardUserDefaults] setObject:@\"{S}\" forKey:@\"speckleToken\"];\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "r options()", file: "R/setup.R", text: "options(speckle.server = \"https://app.speckle.systems\", speckle.token = \"{S}\")\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "r httr2 req_auth_bearer_token", file: "R/fetch.R", text: "resp <- request(\"https://app.speckle.systems/graphql\") |>\n  req_auth_bearer_token(\"{S}\") |>\n  req_perform()\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "julia ENV index", file: "scripts/run.jl", text: "ENV[\"SPECKLE_TOKEN\"] = \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "julia HTTP pair header", file: "src/client.jl", text: "r = HTTP.post(\"https://speckle.acme-design.com/graphql\",\n           [\"Authorization\" => \"Bearer {S}\"], body)\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "groovy def", file: "scripts/Deploy.groovy", text: "def apiSecret = \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "f# record", file: "src/Config.fs", text: "let speckle = { Server = \"https://app.speckle.systems\"; Token = \"{S}\" }\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "nim newHttpHeaders", file: "src/client.nim", text: "client.headers = newHttpHeaders({\"X-Api-Key\": \"{K}\"})\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "zig struct field init", file: "src/db.zig", text: "const opts = pg.Options{\n    .host = \"db.internal\",\n    .username = \"app\",\n    .password = \"{W}\",\n};\n", rule: Some("generic-password") },
    Case { family: CODE, form: "crystal HTTP::Headers", file: "src/speckle.cr", text: "headers = HTTP::Headers{\"Authorization\" => \"Bearer {S}\"}\nHTTP::Client.post(\"https://app.speckle.systems/graphql\", headers: headers, body: query)\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "kotlin ktor bearerAuth", file: "app/src/main/kotlin/SpeckleApi.kt", text: "val response = client.post(\"https://app.speckle.systems/graphql\") {\n    bearerAuth(\"{S}\")\n    setBody(query)\n}\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "java HttpRequest builder header", file: "src/main/java/acme/Upload.java", text: "HttpRequest request = HttpRequest.newBuilder(URI.create(\"https://speckle.acme-design.com/graphql\"))\n    .header(\"Authorization\", \"Bearer {S}\")\n    .POST(BodyPublishers.ofString(query))\n    .build();\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "c# SetEnvironmentVariable", file: "Trainer/Program.cs", text: "Environment.SetEnvironmentVariable(\"SPELL_TOKEN\", \"{P}\");\n", rule: Some("spell-token") },
    Case { family: CODE, form: "php CURLOPT_HTTPHEADER", file: "src/push.php", text: "curl_setopt($ch, CURLOPT_URL, 'https://app.speckle.systems/graphql');\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type: application/json', 'Authorization: Bearer {S}']);\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "php define()", file: "wp-config.php", text: "define( 'DB_NAME', 'wordpress' );\ndefine( 'DB_PASSWORD', '{W}' );\n", rule: Some("generic-password") },
    Case { family: CODE, form: "ruby faraday authorization", file: "lib/speckle_client.rb", text: "conn = Faraday.new(url: 'https://app.speckle.systems') do |f|\n  f.request :authorization, 'Bearer', '{S}'\nend\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "go os.Setenv", file: "trainer/main_test.go", text: "func TestMain(m *testing.M) {\n\tos.Setenv(\"SPELL_TOKEN\", \"{P}\")\n\tos.Exit(m.Run())\n}\n", rule: Some("spell-token") },
    // ---------------------------------------------------------------- CI systems
    Case { family: CI, form: "actions with: speckle_token", file: ".github/workflows/publish.yml", text: "      - uses: specklesystems/speckle-automate-github-action@v2\n        with:\n          speckle_server_url: https://app.speckle.systems\n          speckle_token: {S}\n          speckle_function_path: ./function\n", rule: Some("speckle-token") },
    Case { family: CI, form: "actions echo >> GITHUB_ENV", file: ".github/workflows/train.yml", text: "      - name: Configure Spell\n        run: echo \"SPELL_TOKEN={P}\" >> $GITHUB_ENV\n", rule: Some("spell-token") },
    Case { family: CI, form: "actions service container env", file: ".github/workflows/test.yml", text: "    services:\n      postgres:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: {W}\n        ports:\n          - 5432:5432\n", rule: Some("generic-password") },
    Case { family: CI, form: "actions workflow_dispatch default", file: ".github/workflows/sync.yml", text: "on:\n  workflow_dispatch:\n    inputs:\n      speckle_token:\n        description: Token used to push the model\n        required: false\n        default: {S}\n", rule: Some("speckle-token") },
    Case { family: CI, form: "gitlab variable value/description", file: ".gitlab-ci.yml", text: "variables:\n  SPECKLE_TOKEN:\n    value: \"{S}\"\n    description: \"Token for the model upload job\"\n", rule: Some("speckle-token") },
    Case { family: CI, form: "gitlab job variables", file: ".gitlab-ci.yml", text: "verify:\n  stage: deploy\n  variables:\n    ETHERSCAN_API_KEY: {ETH}\n  script:\n    - npx hardhat verify --network mainnet $CONTRACT\n", rule: Some("etherscan-api-key") },
    Case { family: CI, form: "circleci run step environment", file: ".circleci/config.yml", text: "    steps:\n      - run:\n          name: Fetch headlines\n          command: python fetch.py\n          environment:\n            NEWSAPI_KEY: {NEWS}\n", rule: Some("newsapi-api-key") },
    Case { family: CI, form: "circleci parameter default", file: ".circleci/config.yml", text: "parameters:\n  api-key:\n    type: string\n    default: \"{K}\"\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "jenkinsfile withEnv", file: "Jenkinsfile", text: "stage('Push model') {\n  steps {\n    withEnv(['SPECKLE_TOKEN={S}']) {\n      sh 'python push_model.py'\n    }\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: CI, form: "jenkinsfile password parameter", file: "Jenkinsfile", text: "parameters {\n  password(name: 'DEPLOY_PASSWORD', defaultValue: '{W}', description: 'deploy user')\n}\n", rule: Some("generic-password") },
    Case { family: CI, form: "azure script step env", file: "azure-pipelines.yml", text: "- script: python upload.py\n  displayName: Upload to Speckle\n  env:\n    SPECKLE_TOKEN: {S}\n", rule: Some("speckle-token") },
    Case { family: CI, form: "azure parameter default", file: "azure-pipelines.yml", text: "parameters:\n- name: apiSecret\n  type: string\n  default: '{C}'\n", rule: Some("generic-secret") },
    Case { family: CI, form: "bitbucket pipe variables", file: "bitbucket-pipelines.yml", text: "        script:\n          - pipe: atlassian/datadog-send-event:2.1.0\n            variables:\n              API_KEY: {DD}\n              TITLE: Deployed\n", rule: Some("datadog-api-key") },
    Case { family: CI, form: "drone plugin settings", file: ".drone.yml", text: "steps:\n  - name: publish\n    image: plugins/docker\n    settings:\n      repo: acme/app\n      username: acme-ci\n      password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "buildkite pipeline env", file: ".buildkite/pipeline.yml", text: "env:\n  OPENWEATHER_API_KEY: \"{OWM}\"\nsteps:\n  - command: python forecast.py\n", rule: Some("openweather-api-key") },
    Case { family: CI, form: "buildkite docker plugin environment", file: ".buildkite/pipeline.yml", text: "steps:\n  - command: python push.py\n    plugins:\n      - docker#v5.9.0:\n          image: python:3.12\n          environment:\n            - \"SPECKLE_TOKEN={S}\"\n", rule: Some("speckle-token") },
    Case { family: CI, form: "travis deploy heroku api_key", file: ".travis.yml", text: "deploy:\n  provider: heroku\n  api_key: {HK}\n  app: acme-web\n", rule: Some("heroku-api-key-legacy") },
    // ---------------------------------------------------------------- deployment manifests
    Case { family: DEPLOY, form: "k8s stringData embedded file", file: "k8s/connector-secret.yaml", text: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: connector-config\nstringData:\n  config.yaml: |\n    speckle:\n      server: https://speckle.acme-design.com\n      token: {S}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "k8s configmap data", file: "k8s/configmap.yaml", text: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: trainer\ndata:\n  SPELL_OWNER: acme\n  SPELL_TOKEN: \"{P}\"\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "k8s container args flow list", file: "k8s/cronjob.yaml", text: "          containers:\n            - name: sync\n              image: acme/speckle-sync:1.4\n              args: [\"--server\", \"https://speckle.acme-design.com\", \"--token\", \"{S}\"]\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "helm --set", file: "scripts/deploy.sh", text: "helm upgrade --install viewer ./charts/viewer \\\n  --set speckle.server=https://app.speckle.systems \\\n  --set speckle.token={S}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "compose environment map", file: "docker-compose.yml", text: "services:\n  trainer:\n    image: acme/trainer\n    environment:\n      SPELL_OWNER: acme\n      SPELL_TOKEN: {P}\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "compose command flag", file: "compose.yaml", text: "services:\n  worker:\n    image: acme/worker\n    command: [\"worker\", \"--api-key\", \"{K}\"]\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "ansible module argument", file: "roles/db/tasks/main.yml", text: "- name: Create application user\n  community.mysql.mysql_user:\n    name: app\n    password: \"{W}\"\n    priv: 'app.*:ALL'\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "ansible inventory host vars", file: "inventory/hosts", text: "[web]\nweb1 ansible_host=10.0.4.11 ansible_user=deploy ansible_password={W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "nomad env block", file: "jobs/speckle.nomad.hcl", text: "task \"sync\" {\n  driver = \"docker\"\n  env {\n    SPECKLE_SERVER = \"https://speckle.acme-design.com\"\n    SPECKLE_TOKEN  = \"{S}\"\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "nomad template heredoc", file: "jobs/trainer.nomad", text: "    template {\n      data = <<EOH\nSPELL_TOKEN={P}\nEOH\n      destination = \"secrets/spell.env\"\n      env         = true\n    }\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "serverless provider environment", file: "serverless.yml", text: "provider:\n  name: aws\n  runtime: python3.12\n  environment:\n    NEWSAPI_KEY: {NEWS}\n", rule: Some("newsapi-api-key") },
    Case { family: DEPLOY, form: "cloudformation parameter default", file: "cfn/database.yaml", text: "Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "pulumi stack config", file: "Pulumi.prod.yaml", text: "config:\n  aws:region: eu-west-1\n  viewer:speckleToken: {S}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "sam globals environment", file: "template.yml", text: "Globals:\n  Function:\n    Environment:\n      Variables:\n        ALPHAVANTAGE_API_KEY: {AV}\n", rule: Some("alphavantage-api-key") },
    Case { family: DEPLOY, form: "fly.toml [env]", file: "fly.toml", text: "app = \"acme-trainer\"\n\n[env]\n  SPELL_OWNER = \"acme\"\n  SPELL_TOKEN = \"{P}\"\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "procfile gunicorn --env", file: "Procfile", text: "web: gunicorn app:app --env API_SECRET={C} --workers 3\n", rule: Some("generic-secret") },
    Case { family: DEPLOY, form: "supervisord environment", file: "deploy/supervisord.conf", text: "[program:trainer]\ncommand=/usr/local/bin/spell run train.py\nenvironment=SPELL_OWNER=\"acme\",SPELL_TOKEN=\"{P}\"\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "kustomize secretGenerator literals", file: "overlays/prod/kustomization.yaml", text: "secretGenerator:\n- name: db-creds\n  literals:\n  - username=app\n  - password={W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "terraform provider block", file: "infra/providers.tf", text: "provider \"datadog\" {\n  api_key = \"{DD}\"\n  app_key = var.datadog_app_key\n}\n", rule: Some("datadog-api-key") },
    Case { family: DEPLOY, form: "docker run -e", file: "scripts/export.sh", text: "docker run --rm -e SPECKLE_TOKEN={S} -v \"$PWD\":/data acme/speckle-export:2.1\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "heroku app.json env value", file: "app.json", text: "{\n  \"name\": \"acme-trainer\",\n  \"env\": {\n    \"SPELL_TOKEN\": {\n      \"value\": \"{P}\"\n    }\n  }\n}\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "render envVars key/value", file: "render.yaml", text: "services:\n  - type: worker\n    name: speckle-sync\n    envVars:\n      - key: SPECKLE_TOKEN\n        value: {S}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "ecs task definition environment", file: "ecs/taskdef.json", text: "{\"containerDefinitions\": [{\"name\": \"sync\", \"environment\": [{\"name\": \"SPECKLE_TOKEN\", \"value\": \"{S}\"}]}]}\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- API tools' exports
    Case { family: API, form: "postman apikey auth", file: "Acme.postman_collection.json", text: "{\"auth\": {\"type\": \"apikey\", \"apikey\": [{\"key\": \"value\", \"value\": \"{K}\", \"type\": \"string\"}, {\"key\": \"key\", \"value\": \"X-Api-Key\", \"type\": \"string\"}]}}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "postman header array", file: "Speckle.postman_collection.json", text: "{\"request\": {\"method\": \"POST\", \"header\": [{\"key\": \"Authorization\", \"value\": \"Bearer {S}\", \"type\": \"text\"}], \"url\": {\"raw\": \"https://app.speckle.systems/graphql\", \"host\": [\"app\", \"speckle\", \"systems\"]}}}\n", rule: Some("speckle-token") },
    Case { family: API, form: "insomnia environment data", file: "Insomnia_2024-05-02.json", text: "{\"_type\": \"export\", \"__export_format\": 4, \"resources\": [{\"_id\": \"env_1\", \"_type\": \"environment\", \"name\": \"Base\", \"data\": {\"base_url\": \"https://app.speckle.systems\", \"speckle_token\": \"{S}\"}}]}\n", rule: Some("speckle-token") },
    Case { family: API, form: "insomnia header name/value", file: "insomnia/orders.json", text: "{\"_type\": \"request\", \"url\": \"https://api.acme-corp.io/v2/orders\", \"headers\": [{\"name\": \"X-Api-Key\", \"value\": \"{K}\"}]}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "bruno auth:bearer", file: "speckle/Get user.bru", text: "meta {\n  name: Get user\n  type: graphql\n}\n\npost {\n  url: https://app.speckle.systems/graphql\n  auth: bearer\n}\n\nauth:bearer {\n  token: {S}\n}\n", rule: Some("speckle-token") },
    Case { family: API, form: "bruno environment vars", file: "environments/Production.bru", text: "vars {\n  baseUrl: https://api.spell.ml\n  spellToken: {P}\n}\n", rule: Some("spell-token") },
    Case { family: API, form: "bruno headers block", file: "orders/List orders.bru", text: "get {\n  url: https://api.acme-corp.io/v2/orders\n}\n\nheaders {\n  x-auth-token: {T}\n}\n", rule: Some("generic-token") },
    Case { family: API, form: "har request header", file: "captures/session.har", text: "{\"log\": {\"entries\": [{\"request\": {\"method\": \"POST\", \"url\": \"https://app.speckle.systems/graphql\", \"headers\": [{\"name\": \"authorization\", \"value\": \"Bearer {S}\"}]}}]}}\n", rule: Some("speckle-token") },
    Case { family: API, form: "har form postData", file: "captures/login.har", text: "{\"request\": {\"method\": \"POST\", \"url\": \"https://portal.acme-corp.io/login\", \"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"text\": \"username=ops&password={W}\"}}}\n", rule: Some("generic-password") },
    Case { family: API, form: "jetbrains private env", file: "http-client.private.env.json", text: "{\n  \"prod\": {\n    \"speckleToken\": \"{S}\"\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: API, form: "vscode rest-client environment", file: ".vscode/settings.json", text: "{\n  \"rest-client.environmentVariables\": {\n    \"$shared\": {},\n    \"production\": {\n      \"apiSecret\": \"{C}\"\n    }\n  }\n}\n", rule: Some("generic-secret") },
    Case { family: API, form: ".http JSON body", file: "requests/auth.http", text: "POST https://portal.acme-corp.io/api/login\nContent-Type: application/json\n\n{\n  \"username\": \"ops\",\n  \"password\": \"{W}\"\n}\n", rule: Some("generic-password") },
    Case { family: API, form: "hoppscotch bearer auth", file: "hoppscotch-collection.json", text: "{\"v\": 2, \"name\": \"Speckle\", \"requests\": [{\"name\": \"activeUser\", \"method\": \"POST\", \"endpoint\": \"https://app.speckle.systems/graphql\", \"auth\": {\"authType\": \"bearer\", \"authActive\": true, \"token\": \"{S}\"}}]}\n", rule: Some("speckle-token") },
    Case { family: API, form: "thunder client environment", file: "thunder-tests/thunderEnvironment.json", text: "[{\"name\": \"prod\", \"data\": [{\"name\": \"openweatherKey\", \"value\": \"{OWM}\"}]}]\n", rule: Some("openweather-api-key") },
    Case { family: API, form: "curl config file", file: "speckle.curlrc", text: "url = \"https://app.speckle.systems/graphql\"\nheader = \"Authorization: Bearer {S}\"\nheader = \"Content-Type: application/json\"\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- notebooks, SQL, config languages, credential files
    Case { family: CONFIG, form: "notebook %env magic", file: "notebooks/explore.ipynb", text: "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"%env SPECKLE_TOKEN={S}\\n\", \"from specklepy.api.client import SpeckleClient\\n\"]}]}\n", rule: Some("speckle-token") },
    Case { family: CONFIG, form: "notebook os.environ", file: "notebooks/train.ipynb", text: "{\"cell_type\": \"code\", \"execution_count\": 3, \"source\": [\"import os\\n\", \"os.environ[\\\"SPELL_TOKEN\\\"] = \\\"{P}\\\"\\n\", \"client = spell.client.from_environment()\"]}\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: "sql postgres WITH PASSWORD", file: "db/init.sql", text: "CREATE USER app WITH PASSWORD '{W}';\nGRANT ALL ON DATABASE app TO app;\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "sql mysql IDENTIFIED BY", file: "db/grants.sql", text: "CREATE USER 'report'@'%' IDENTIFIED BY '{W}';\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "sql seed row", file: "db/seed.sql", text: "INSERT INTO settings (name, value) VALUES ('spell_owner', 'acme'), ('spell_token', '{P}');\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: "nix attrset block", file: "hosts/gpu/configuration.nix", text: "  environment.variables = {\n    SPELL_OWNER = \"acme\";\n    SPELL_TOKEN = \"{P}\";\n  };\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: "dhall let", file: "config.dhall", text: "let apiSecret = \"{C}\"\nin  { apiSecret, region = \"eu-west-1\" }\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "cue shorthand path", file: "deploy/speckle.cue", text: "speckle: server: \"https://app.speckle.systems\"\nspeckle: token:  \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: CONFIG, form: "jsonnet local", file: "env/prod.jsonnet", text: "local apiKey = '{K}';\n{\n  client: { key: apiKey },\n}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "edn nested map", file: "resources/config.edn", text: "{:db {:host \"db.internal\"\n      :password \"{W}\"}}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: ".net user secrets flattened", file: "secrets.json", text: "{\n  \"Speckle:ServerUrl\": \"https://app.speckle.systems\",\n  \"Speckle:Token\": \"{S}\"\n}\n", rule: Some("speckle-token") },
    Case { family: CONFIG, form: "appsettings connection string", file: "appsettings.Development.json", text: "{\n  \"ConnectionStrings\": {\n    \"Default\": \"Server=db;Database=app;User Id=app;Password={W};TrustServerCertificate=True\"\n  }\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "spring yaml provider block", file: "src/main/resources/application.yml", text: "app:\n  newsapi:\n    base-url: https://newsapi.org/v2\n    key: {NEWS}\n", rule: Some("newsapi-api-key") },
    Case { family: CONFIG, form: "hocon block", file: "conf/application.conf", text: "alphavantage {\n  base-url = \"https://www.alphavantage.co\"\n  key = \"{AV}\"\n}\n", rule: Some("alphavantage-api-key") },
    Case { family: CONFIG, form: ".npmrc scoped _authToken", file: ".npmrc", text: "@acme:registry=https://npm.acme-corp.io/\n//npm.acme-corp.io/:_authToken={T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: ".netrc multi-line", file: ".netrc", text: "machine api.acme-corp.io\n  login deploy\n  password {W}\n", rule: Some("netrc-credentials") },
    Case { family: CONFIG, form: "redis requirepass", file: "redis/redis.conf", text: "bind 127.0.0.1\nport 6379\nrequirepass {W}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "composer auth.json http-basic", file: "auth.json", text: "{\n  \"http-basic\": {\n    \"repo.acme-corp.io\": {\n      \"username\": \"ci\",\n      \"password\": \"{W}\"\n    }\n  }\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "cargo credentials registry", file: ".cargo/credentials.toml", text: "[registries.acme]\ntoken = \"{T}\"\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "tfvars object", file: "prod.auto.tfvars", text: "spell = {\n  owner = \"acme\"\n  token = \"{P}\"\n}\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: "windows .reg export", file: "setup/speckle.reg", text: "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Acme\\Speckle]\r\n\"Server\"=\"https://app.speckle.systems\"\r\n\"Token\"=\"{S}\"\r\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- Speckle and Spell places
    Case { family: PLACES, form: "specklepy notebook get_account_from_token", file: "notebooks/speckle_demo.ipynb", text: "   \"source\": [\n    \"from specklepy.api.credentials import get_account_from_token\\n\",\n    \"account = get_account_from_token(\\\"{S}\\\", \\\"https://app.speckle.systems\\\")\"\n   ]\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "specklepy notebook Account()", file: "notebooks/model_stats.ipynb", text: "{\"cell_type\": \"code\", \"source\": [\"account = Account(token=\\\"{S}\\\", serverInfo=ServerInfo(url=\\\"https://speckle.acme-design.com\\\"))\\n\"]}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: ".net Account member assignment", file: "Connector/SpeckleSetup.cs", text: "var account = new Account();\naccount.token = \"{S}\";\naccount.serverInfo = new ServerInfo { url = \"https://speckle.acme-design.com\" };\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "js fetch graphql Authorization", file: "src/speckle-query.js", text: "const res = await fetch('https://speckle.acme-design.com/graphql', {\n  method: 'POST',\n  headers: {\n    'Content-Type': 'application/json',\n    Authorization: 'Bearer {S}',\n  },\n  body: JSON.stringify({ query: '{ activeUser { id } }' }),\n});\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "viewer SpeckleLoader", file: "src/viewer.ts", text: "const loader = new SpeckleLoader(viewer.getWorldTree(), resourceUrl, \"{S}\");\nawait viewer.loadObject(loader, true);\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: ".graphqlconfig endpoint headers", file: ".graphqlconfig", text: "{\n  \"schemaPath\": \"schema.graphql\",\n  \"extensions\": {\n    \"endpoints\": {\n      \"speckle\": {\n        \"url\": \"https://app.speckle.systems/graphql\",\n        \"headers\": { \"Authorization\": \"Bearer {S}\" }\n      }\n    }\n  }\n}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "speckle connector account file", file: "AppData/Roaming/Speckle/Accounts/acct.json", text: "{\"id\": \"acme\", \"isDefault\": true, \"token\": \"{S}\", \"serverInfo\": {\"name\": \"ACME BIM\", \"url\": \"https://bim.acme-design.com\"}}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "spell CLI config", file: ".spell/config", text: "email: dev@acme-corp.io\nowner: acme\ntoken: {P}\ntype: global\nuser_name: dev\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "r reticulate SpellClient", file: "R/train.R", text: "spell <- reticulate::import(\"spell.client\")\nclient <- spell$SpellClient(token = \"{P}\", owner = \"acme\")\n", rule: Some("spell-token") },
    // ---------------------------------------------------------------- negatives
    Case { family: CODE, form: "scala sys.env", file: "src/main/scala/Config.scala", text: "  val apiKey: String = sys.env.getOrElse(\"API_KEY\", \"\")\n", rule: None },
    Case { family: CODE, form: "clojure System/getenv", file: "src/app/core.clj", text: "(def db-password (System/getenv \"DB_PASSWORD\"))\n", rule: None },
    Case { family: CODE, form: "elixir {:system, VAR}", file: "config/prod.exs", text: "config :my_app, api_key: {:system, \"API_KEY\"}\n", rule: None },
    Case { family: CODE, form: "dart dotenv lookup", file: "lib/env.dart", text: "final apiKey = dotenv.env['API_KEY']!;\n", rule: None },
    Case { family: CODE, form: "haskell getEnv", file: "app/Main.hs", text: "  speckleToken <- getEnv \"SPECKLE_TOKEN\"\n", rule: None },
    Case { family: CODE, form: "haskell record types", file: "src/Types.hs", text: "data Config = Config\n  { apiSecret :: Text\n  , password  :: Maybe Text\n  }\n", rule: None },
    Case { family: CODE, form: "objc property declaration", file: "Sources/Account.h", text: "@property (nonatomic, copy) NSString *speckleToken;\n", rule: None },
    Case { family: CODE, form: "swift Info.plist lookup", file: "App/Secrets.swift", text: "var apiSecret: String { Bundle.main.object(forInfoDictionaryKey: \"API_SECRET\") as? String ?? \"\" }\n", rule: None },
    Case { family: CODE, form: "r askForPassword", file: "R/connect.R", text: "password <- rstudioapi::askForPassword(\"Database password\")\n", rule: None },
    Case { family: CODE, form: "julia get(ENV)", file: "scripts/run.jl", text: "token = get(ENV, \"SPECKLE_TOKEN\", \"\")\n", rule: None },
    Case { family: CODE, form: "crystal typed property", file: "src/config.cr", text: "  property password : String?\n  property api_key : String = \"\"\n", rule: None },
    Case { family: CODE, form: "lua commit digest near speckle", file: "sync.lua", text: "local speckle_commit = \"{HEX40}\"\n", rule: None },
    Case { family: CODE, form: "f# GetEnvironmentVariable", file: "src/Program.fs", text: "let apiKey : string = Environment.GetEnvironmentVariable \"API_KEY\"\n", rule: None },
    Case { family: CI, form: "gitlab variable reference", file: ".gitlab-ci.yml", text: "variables:\n  SPECKLE_TOKEN: $CI_SPECKLE_TOKEN\n", rule: None },
    Case { family: CI, form: "jenkinsfile credentials()", file: "Jenkinsfile", text: "environment {\n  SPELL_TOKEN = credentials('spell-token')\n}\n", rule: None },
    Case { family: CI, form: "actions with: secret reference", file: ".github/workflows/publish.yml", text: "        with:\n          speckle_token: ${{ secrets.SPECKLE_FUNCTION_PUBLISH_TOKEN }}\n", rule: None },
    Case { family: CI, form: "circleci env_var_name parameter", file: ".circleci/config.yml", text: "parameters:\n  api-key:\n    type: env_var_name\n    default: ACME_API_KEY\n", rule: None },
    Case { family: DEPLOY, form: "external-secrets remoteRef", file: "k8s/externalsecret.yaml", text: "  data:\n    - secretKey: speckle-token\n      remoteRef:\n        key: prod/speckle/token\n", rule: None },
    Case { family: DEPLOY, form: "compose required variable", file: "docker-compose.yml", text: "    environment:\n      SPELL_TOKEN: ${SPELL_TOKEN:?set SPELL_TOKEN}\n", rule: None },
    Case { family: DEPLOY, form: "cloudformation dynamic reference", file: "cfn/database.yaml", text: "      MasterUserPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n", rule: None },
    Case { family: DEPLOY, form: "pulumi secure ciphertext", file: "Pulumi.prod.yaml", text: "config:\n  viewer:speckleToken:\n    secure: {CIPHER}\n", rule: None },
    Case { family: DEPLOY, form: "terraform resource reference", file: "infra/db.tf", text: "  password = random_password.db.result\n", rule: None },
    Case { family: DEPLOY, form: "helm --set shell variable", file: "scripts/deploy.sh", text: "helm upgrade viewer ./chart --set speckle.token=\"$SPECKLE_TOKEN\"\n", rule: None },
    Case { family: DEPLOY, form: "image digest near speckle", file: "compose.yaml", text: "    image: specklesystems/speckle-server@sha256:{HEX64}\n", rule: None },
    Case { family: API, form: "bruno variable", file: "speckle/Get user.bru", text: "auth:bearer {\n  token: {{speckleToken}}\n}\n", rule: None },
    Case { family: API, form: "har redacted header", file: "captures/session.har", text: "{\"name\": \"authorization\", \"value\": \"Bearer <redacted>\"}\n", rule: None },
    Case { family: API, form: "insomnia template tag", file: "insomnia.json", text: "{\"authentication\": {\"type\": \"bearer\", \"token\": \"{{ _.speckle_token }}\"}}\n", rule: None },
    Case { family: CONFIG, form: "psql variable", file: "db/init.sql", text: "CREATE USER app WITH PASSWORD :'app_password';\n", rule: None },
    Case { family: CONFIG, form: "notebook getpass", file: "notebooks/explore.ipynb", text: "{\"source\": [\"token = getpass.getpass(\\\"Speckle token: \\\")\\n\"]}\n", rule: None },
    Case { family: CONFIG, form: "nix hashedPassword", file: "hosts/gpu/users.nix", text: "  users.users.deploy.hashedPassword = \"{CRYPT}\";\n", rule: None },
    Case { family: CONFIG, form: "jsonnet extVar", file: "env/prod.jsonnet", text: "local apiKey = std.extVar('api_key');\n", rule: None },
    Case { family: CONFIG, form: "appsettings placeholder", file: "appsettings.json", text: "{\n  \"Speckle\": {\n    \"Token\": \"<set with dotnet user-secrets>\"\n  }\n}\n", rule: None },
    Case { family: CONFIG, form: ".npmrc env reference", file: ".npmrc", text: "//npm.acme-corp.io/:_authToken=${NPM_TOKEN}\n", rule: None },
    Case { family: CONFIG, form: "version catalog", file: "gradle/libs.versions.toml", text: "[libraries]\napi-key-auth = { module = \"io.ktor:ktor-server-auth\", version = \"2.3.12\" }\n", rule: None },
];

use super::heldout::Gen;

const HEX: &[u8] = b"0123456789abcdef";
const BASE62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const UPPER_DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const CRYPT_ALPHABET: &[u8] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Every placeholder and the value it stands for, for one case's seed.
pub(super) fn fill(seed: u64) -> Vec<(&'static str, String)> {
    let mut g = Gen(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let password = g.pick(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 2)
        + &g.pick(b"abcdefghijkmnopqrstuvwxyz23456789", 7)
        + &g.pick(b"!*_-", 1)
        + &g.pick(BASE62, 6)
        + &g.pick(b"23456789", 2);
    let secret = g.pick(BASE62, 1) + &g.pick(BASE64URL, 42);
    let uuid = format!(
        "{}-{}-4{}-{}{}-{}",
        g.pick(HEX, 8),
        g.pick(HEX, 4),
        g.pick(HEX, 3),
        g.pick(b"89ab", 1),
        g.pick(HEX, 3),
        g.pick(HEX, 12)
    );
    let cipher = format!("v1:{}:{}", g.pick(BASE64, 16), g.pick(BASE64, 60));
    let crypt = format!(
        "$6${}${}",
        g.pick(CRYPT_ALPHABET, 16),
        g.pick(CRYPT_ALPHABET, 86)
    );
    vec![
        ("{S}", g.pick(HEX, 42)),
        ("{P}", g.pick(BASE62, 32)),
        ("{W}", password),
        ("{K}", g.pick(BASE62, 32)),
        ("{C}", secret),
        ("{T}", g.pick(BASE62, 40)),
        ("{NEWS}", g.pick(HEX, 32)),
        ("{DD}", g.pick(HEX, 32)),
        ("{OWM}", g.pick(HEX, 32)),
        ("{AV}", g.pick(UPPER_DIGITS, 16)),
        ("{ETH}", g.pick(UPPER_DIGITS, 34)),
        ("{HK}", uuid),
        ("{HEX40}", g.pick(HEX, 40)),
        ("{HEX64}", g.pick(HEX, 64)),
        ("{CIPHER}", cipher),
        ("{CRYPT}", crypt),
        // Appended for the fourth set (`heldout_fresh3`), after every earlier draw, so the
        // values above stay what they were. None of these is a secret.
        ("{UUID}", {
            format!(
                "{}-{}-4{}-{}{}-{}",
                g.pick(HEX, 8),
                g.pick(HEX, 4),
                g.pick(HEX, 3),
                g.pick(b"89ab", 1),
                g.pick(HEX, 3),
                g.pick(HEX, 12)
            )
        }),
        ("{SRI}", format!("sha512-{}==", g.pick(BASE64, 86))),
        ("{VAULT}", g.pick(HEX, 80)),
        ("{HEX32}", g.pick(HEX, 32)),
        (
            "{SOPS}",
            format!(
                "ENC[AES256_GCM,data:{},iv:{},tag:{}==,type:str]",
                g.pick(BASE64, 56),
                g.pick(BASE64, 43) + "=",
                g.pick(BASE64, 22)
            ),
        ),
    ]
}

/// The placeholder that holds the token a rule must report.
fn placeholder_of(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "speckle-token" => "{S}",
        "spell-token" => "{P}",
        "generic-password" | "netrc-credentials" => "{W}",
        "generic-api-key" => "{K}",
        "generic-secret" => "{C}",
        "generic-token" => "{T}",
        "newsapi-api-key" => "{NEWS}",
        "datadog-api-key" => "{DD}",
        "openweather-api-key" => "{OWM}",
        "alphavantage-api-key" => "{AV}",
        "etherscan-api-key" => "{ETH}",
        "heroku-api-key-legacy" => "{HK}",
        _ => return None,
    })
}

/// Placeholders that stand for a secret (a negative must hold none of them).
const SECRET_PLACEHOLDERS: [&str; 12] = [
    "{S}", "{P}", "{W}", "{K}", "{C}", "{T}", "{NEWS}", "{DD}", "{OWM}", "{AV}", "{ETH}", "{HK}",
];

/// The case's text with its placeholders filled, and the token that must be found.
fn instantiate(case: &Case, seed: u64) -> (String, Option<String>) {
    let values = fill(seed);
    let mut text = case.text.to_string();
    for (placeholder, value) in &values {
        text = text.replace(placeholder, value);
    }
    let secret = case.rule.and_then(placeholder_of).and_then(|p| {
        values
            .iter()
            .find(|(name, _)| *name == p)
            .map(|(_, value)| value.clone())
    });
    (text, secret)
}

/// The set is usable: names unique, files named, each positive holds its rule's placeholder
/// and names a rule that exists, each negative holds no secret placeholder.
fn malformed(cases: &[Case], rules: &crate::rules::RuleSet) -> Vec<String> {
    let mut problems = Vec::new();
    let mut forms = std::collections::HashSet::new();
    for case in cases {
        if !forms.insert((case.family, case.form)) {
            problems.push(format!("{}: form named twice", case.form));
        }
        if case.file.is_empty() || case.text.is_empty() {
            problems.push(format!("{}: no file name or no text", case.form));
        }
        match case.rule {
            Some(rule) => {
                if rules.get(rule).is_none() {
                    problems.push(format!("{}: no rule {rule}", case.form));
                }
                match placeholder_of(rule) {
                    Some(p) if case.text.contains(p) => {}
                    _ => problems.push(format!("{}: no placeholder for {rule}", case.form)),
                }
            }
            None => {
                if SECRET_PLACEHOLDERS.iter().any(|p| case.text.contains(p)) {
                    problems.push(format!("{}: a negative holding a secret", case.form));
                }
            }
        }
    }
    problems
}

/// Scans every case of a set (case `i` filled from seed `seed_base + i`) with the built-in
/// rules and prints recall, precision, the per-family counts and the forms that went wrong.
/// Panics only when the set is malformed or smaller than `min_positives`/`min_negatives`.
pub(super) fn measure(
    label: &str,
    cases: &[Case],
    seed_base: u64,
    min_positives: usize,
    min_negatives: usize,
) {
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let problems = malformed(cases, scanner.rules());
    assert!(
        problems.is_empty(),
        "malformed held-aside set ({label}): {problems:?}"
    );

    // The rules measured: the generic six and every provider rule a case expects.
    let mut watched: Vec<&str> = GENERIC.to_vec();
    for rule in cases.iter().filter_map(|c| c.rule) {
        if !watched.contains(&rule) {
            watched.push(rule);
        }
    }
    let positives = cases.iter().filter(|c| c.rule.is_some()).count();
    let negatives = cases.len() - positives;
    assert!(
        positives >= min_positives && negatives >= min_negatives,
        "{positives} positives, {negatives} negatives"
    );

    let (mut found, mut reported, mut right, mut quiet) = (0, 0, 0, 0);
    let (mut missed, mut noisy) = (Vec::new(), Vec::new());
    // family -> (found, positives, quiet negatives, negatives)
    let mut by_family: Vec<(&str, [usize; 4])> = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let (text, secret) = instantiate(case, i as u64 + seed_base);
        let hits: Vec<_> = scanner
            .scan(Some(case.file), text.as_bytes())
            .into_iter()
            .filter(|m| watched.contains(&scanner.rule(m.rule).id.as_ref()))
            .collect();
        reported += hits.len();
        let slot = match by_family.iter().position(|(f, _)| *f == case.family) {
            Some(slot) => slot,
            None => {
                by_family.push((case.family, [0; 4]));
                by_family.len() - 1
            }
        };
        let tally = &mut by_family[slot].1;
        match (case.rule, secret) {
            (Some(rule), Some(secret)) => {
                tally[1] += 1;
                let good = hits
                    .iter()
                    .filter(|m| &*scanner.rule(m.rule).id == rule && m.secret.expose() == secret)
                    .count();
                right += good;
                if good > 0 {
                    found += 1;
                    tally[0] += 1;
                } else {
                    let got: Vec<_> = hits
                        .iter()
                        .map(|m| scanner.rule(m.rule).id.to_string())
                        .collect();
                    missed.push(format!("{} (got {got:?})", case.form));
                }
            }
            (Some(_), None) => unreachable!("checked by malformed()"),
            (None, _) => {
                tally[3] += 1;
                if hits.is_empty() {
                    quiet += 1;
                    tally[2] += 1;
                } else {
                    let got: Vec<_> = hits
                        .iter()
                        .map(|m| scanner.rule(m.rule).id.to_string())
                        .collect();
                    noisy.push(format!("{} (got {got:?})", case.form));
                }
            }
        }
    }
    let precision = if reported == 0 {
        1.0
    } else {
        right as f64 / reported as f64
    };
    println!(
        "held-aside ({label}): recall {found}/{positives} = {:.3}, precision {right}/{reported} = {precision:.3}, negatives quiet {quiet}/{negatives}",
        found as f64 / positives as f64
    );
    for (family, [f, p, q, n]) in &by_family {
        println!("  {family}: found {f}/{p}, negatives quiet {q}/{n}");
    }
    println!("  missed: {missed:?}\n  noisy: {noisy:?}");
    assert!(reported >= right && right >= found);
}

#[test]
fn held_aside_second() {
    measure("second", CASES, 5003, 70, 20);
}
