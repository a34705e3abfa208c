//! Fourth held-aside recall set (issue 13: recall >= 0.95 at precision >= 0.98 "on context
//! forms users meet that were never used for tuning"). The three earlier sets
//! ([`super::heldout`], [`super::heldout_fresh`], [`super::heldout_fresh2`]) had all been seen
//! by the people tuning the context engine, so they no longer measure that.
//!
//! Written blind on 2026-12-06: without reading the engine (`src/context/` lexer, rules,
//! classifier, structure, URL, XML and escape code, `src/scan/`) or docs/context-rules.md, so
//! the forms say how users write code and configuration, not what the engine supports. The
//! shapes follow public documentation and real files: the tools' own docs (Kustomize's
//! `secretGenerator`, Woodpecker's `from_secret`, Tekton and Argo parameters, TeamCity's
//! Kotlin DSL, Taskfile, just, Earthly, Cloud Foundry and App Engine manifests, SAM's
//! `samconfig.toml`, Salt pillars, Chef attributes, Puppet classes, Postman/Insomnia/Bruno/
//! Hoppscotch exports, HTTPie sessions, Maven/NuGet/Composer/Yarn/RubyGems credential files,
//! `.pgpass`, `.git-credentials`, s3cmd, kubeconfig), specklepy's and Speckle's JS/.NET
//! public examples (`SpeckleClient(host=...)` then `authenticate_with_token`,
//! `ServerTransport`, `ObjectLoader`), the two seed documents in `/work/shared/seeds/`
//! (specklepy authentication; Spell access tokens, `SPELL_TOKEN`/`SPELL_OWNER`, `spell
//! login`), and public code found with the code search. The files are our own; no form
//! repeats one of the earlier sets or of the forms issue 13 item 1 lists.
//!
//! It is a measurement, not a gate: the test fails only when the set itself is malformed,
//! never on low recall. Run it with:
//!
//! `cargo test --lib held_aside_third -- --nocapture`
//!
//! History (2026-12-06): blind recall was 0.783 when it was written and 0.850 after the first
//! round of fixes that had not seen it (precision 0.990). Its misses were then used to tune the
//! engine (branch `recall2`), so it no longer measures unseen forms.
//!
//! No token is committed: placeholders are filled at run time by the third set's seeded
//! generator ([`super::heldout_fresh2::fill`]), whose shapes are listed there. This set
//! also uses the non-secret shapes appended to it for negatives: `{UUID}` (an id), `{SRI}`
//! (a lockfile integrity digest), `{VAULT}` (a line of an ansible-vault blob), `{SOPS}` (a
//! sops-encrypted value) and `{HEX32}` (a Speckle object id).

#![cfg(test)]

use super::heldout_fresh2::{measure, Case};

const CODE: &str = "other languages and frameworks";
const CI: &str = "CI systems and automation";
const DEPLOY: &str = "deployment";
const API: &str = "API tools and docs";
const CONFIG: &str = "config languages and credential files";
const PLACES: &str = "Speckle and Spell places";

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // ---------------------------------------------------------------- other languages and frameworks
    Case { family: CODE, form: "gradle.kts manifestPlaceholders", file: "app/build.gradle.kts", text: "android {\n    defaultConfig {\n        applicationId = \"io.acme.maps\"\n        manifestPlaceholders[\"mapsApiKey\"] = \"{K}\"\n    }\n}\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "gradle.properties systemProp proxy", file: "gradle.properties", text: "org.gradle.jvmargs=-Xmx2g\nsystemProp.https.proxyHost=proxy.acme-corp.io\nsystemProp.https.proxyUser=build\nsystemProp.https.proxyPassword={W}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "groovy gradle maven credentials", file: "build.gradle", text: "repositories {\n    maven {\n        url 'https://maven.acme-corp.io/releases'\n        credentials {\n            username 'deploy'\n            password '{W}'\n        }\n    }\n}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "f# DefaultRequestHeaders.Add", file: "src/Api.fs", text: "let client = new HttpClient(BaseAddress = Uri \"https://api.acme-corp.io\")\nclient.DefaultRequestHeaders.Add(\"X-Api-Key\", \"{K}\")\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "vb.net Private Const", file: "Connector/Settings.vb", text: "Module Settings\n    Private Const SpeckleServer As String = \"https://app.speckle.systems\"\n    Private Const SpeckleToken As String = \"{S}\"\nEnd Module\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "vb.net Headers.Add", file: "Connector/Upload.vb", text: "Dim request = WebRequest.Create(\"https://speckle.acme-design.com/graphql\")\nrequest.Headers.Add(\"Authorization\", \"Bearer {S}\")\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "powershell SetEnvironmentVariable User", file: "setup.ps1", text: "[Environment]::SetEnvironmentVariable(\"SPELL_TOKEN\", \"{P}\", \"User\")\n[Environment]::SetEnvironmentVariable(\"SPELL_OWNER\", \"acme\", \"User\")\n", rule: Some("spell-token") },
    Case { family: CODE, form: "powershell PSCredential -String", file: "deploy/Connect.ps1", text: "$secure = ConvertTo-SecureString -String '{W}' -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential ('deploy', $secure)\n", rule: Some("generic-password") },
    Case { family: CODE, form: "powershell inline -Headers", file: "scripts/export.ps1", text: "Invoke-RestMethod -Method Get -Uri 'https://api.acme-corp.io/v1/export' -Headers @{ 'X-Api-Key' = '{K}' }\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "batch set quoted", file: "run.cmd", text: "@echo off\r\nset \"DB_PASSWORD={W}\"\r\npython manage.py migrate\r\n", rule: Some("generic-password") },
    Case { family: CODE, form: "batch setx", file: "install.bat", text: "setx SPECKLE_SERVER https://app.speckle.systems\r\nsetx SPECKLE_TOKEN {S}\r\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "fish set -Ux", file: ".config/fish/config.fish", text: "set -Ux SPELL_OWNER acme\nset -Ux SPELL_TOKEN {P}\n", rule: Some("spell-token") },
    Case { family: CODE, form: "nim exported const", file: "src/secrets.nim", text: "const apiSecret* = \"{C}\"\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "zig http extra header", file: "src/fetch.zig", text: "const headers = [_]std.http.Header{\n    .{ .name = \"X-Api-Key\", .value = \"{K}\" },\n};\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "ocaml let", file: "bin/main.ml", text: "let speckle_server = \"https://app.speckle.systems\"\nlet speckle_token = \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "ocaml cohttp header", file: "lib/speckle.ml", text: "let headers = Cohttp.Header.init_with \"Authorization\" \"Bearer {S}\" in\nClient.post ~headers (Uri.of_string \"https://speckle.acme-design.com/graphql\")\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "hardhat etherscan apiKey", file: "hardhat.config.js", text: "module.exports = {\n  solidity: \"0.8.24\",\n  etherscan: {\n    apiKey: \"{ETH}\",\n  },\n};\n", rule: Some("etherscan-api-key") },
    Case { family: CODE, form: "razor code block", file: "Views/Map/Index.cshtml", text: "@{\n    ViewData[\"Title\"] = \"Map\";\n    var apiKey = \"{K}\";\n}\n<div id=\"map\" data-key=\"@apiKey\"></div>\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "blazor AddHttpClient lambda", file: "Program.cs", text: "builder.Services.AddHttpClient(\"speckle\", c =>\n{\n    c.BaseAddress = new Uri(\"https://app.speckle.systems\");\n    c.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer {S}\");\n});\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "spring @Value default", file: "src/main/java/acme/SpellConfig.java", text: "    @Value(\"${spell.token:{P}}\")\n    private String spellToken;\n", rule: Some("spell-token") },
    Case { family: CODE, form: "laravel env() default", file: "config/services.php", text: "    'mailgun' => [\n        'domain' => env('MAILGUN_DOMAIN'),\n        'secret' => env('MAILGUN_SECRET', '{C}'),\n    ],\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "laravel speckle service", file: "config/services.php", text: "    'speckle' => [\n        'url' => 'https://app.speckle.systems',\n        'token' => env('SPECKLE_TOKEN', '{S}'),\n    ],\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "django DATABASES", file: "mysite/settings.py", text: "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n        'USER': 'app',\n        'PASSWORD': '{W}',\n        'HOST': 'db',\n    }\n}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "rails database.yml anchor merge", file: "config/database.yml", text: "default: &default\n  adapter: postgresql\n  pool: 5\n\nproduction:\n  <<: *default\n  database: app_production\n  password: {W}\n", rule: Some("generic-password") },
    Case { family: CODE, form: "rails config.x", file: "config/environments/production.rb", text: "Rails.application.configure do\n  config.x.spell_token = \"{P}\"\nend\n", rule: Some("spell-token") },
    Case { family: CODE, form: "next.config.js env", file: "next.config.js", text: "module.exports = {\n  reactStrictMode: true,\n  env: {\n    API_SECRET: '{C}',\n  },\n}\n", rule: Some("generic-secret") },
    Case { family: CODE, form: "vite import.meta.env fallback", file: "src/api.ts", text: "const apiKey = import.meta.env.VITE_API_KEY ?? '{K}';\n", rule: Some("generic-api-key") },
    Case { family: CODE, form: "vite define", file: "vite.config.ts", text: "export default defineConfig({\n  define: {\n    'process.env.SPECKLE_SERVER': JSON.stringify('https://app.speckle.systems'),\n    'process.env.SPECKLE_TOKEN': JSON.stringify('{S}'),\n  },\n})\n", rule: Some("speckle-token") },
    Case { family: CODE, form: "deno Deno.env.set", file: "scripts/train.ts", text: "Deno.env.set(\"SPELL_TOKEN\", \"{P}\");\n", rule: Some("spell-token") },
    Case { family: CODE, form: "bunfig scoped registry token", file: "bunfig.toml", text: "[install.scopes]\n\"@acme\" = { token = \"{T}\", url = \"https://npm.acme-corp.io/\" }\n", rule: Some("generic-token") },
    Case { family: CODE, form: "go struct literal field", file: "cmd/sync/main.go", text: "\tcfg := &client.Config{\n\t\tBaseURL: \"https://api.acme-corp.io\",\n\t\tAPIKey:  \"{K}\",\n\t}\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- CI systems and automation
    Case { family: CI, form: "gitlab script PRIVATE-TOKEN", file: ".gitlab-ci.yml", text: "release:\n  stage: deploy\n  script:\n    - 'curl --header \"PRIVATE-TOKEN: {T}\" \"https://gitlab.acme-corp.io/api/v4/projects/42/releases\"'\n", rule: Some("generic-token") },
    Case { family: CI, form: "gitlab before_script writes .env", file: ".gitlab-ci.yml", text: "upload:\n  before_script:\n    - echo \"SPECKLE_SERVER=https://app.speckle.systems\" > .env\n    - echo \"SPECKLE_TOKEN={S}\" >> .env\n  script:\n    - python upload.py\n", rule: Some("speckle-token") },
    Case { family: CI, form: "circleci docker auth", file: ".circleci/config.yml", text: "jobs:\n  build:\n    docker:\n      - image: acme/build-env:3\n        auth:\n          username: acme-ci\n          password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "azure variables mapping", file: "azure-pipelines.yml", text: "variables:\n  buildConfiguration: Release\n  apiKey: '{K}'\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "azure task scriptArguments", file: "azure-pipelines.yml", text: "- task: AzureCLI@2\n  inputs:\n    azureSubscription: prod\n    scriptType: bash\n    scriptPath: deploy.sh\n    arguments: '--db-password {W}'\n", rule: Some("generic-password") },
    Case { family: CI, form: "bitbucket private image", file: "bitbucket-pipelines.yml", text: "image:\n  name: acme/build:2\n  username: acme-ci\n  password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "drone environment map", file: ".drone.yml", text: "steps:\n  - name: push-model\n    image: python:3.12\n    environment:\n      SPECKLE_SERVER: https://speckle.acme-design.com\n      SPECKLE_TOKEN: {S}\n    commands:\n      - python push.py\n", rule: Some("speckle-token") },
    Case { family: CI, form: "woodpecker step environment", file: ".woodpecker/train.yaml", text: "steps:\n  - name: train\n    image: python:3.11\n    environment:\n      SPELL_OWNER: acme\n      SPELL_TOKEN: {P}\n    commands:\n      - spell run python train.py\n", rule: Some("spell-token") },
    Case { family: CI, form: "tekton pipelinerun param", file: "tekton/run.yaml", text: "apiVersion: tekton.dev/v1\nkind: PipelineRun\nspec:\n  pipelineRef:\n    name: speckle-export\n  params:\n    - name: speckle-token\n      value: {S}\n", rule: Some("speckle-token") },
    Case { family: CI, form: "argo workflow argument", file: "argo/backup.yaml", text: "spec:\n  entrypoint: backup\n  arguments:\n    parameters:\n      - name: db-password\n        value: \"{W}\"\n", rule: Some("generic-password") },
    Case { family: CI, form: "actions docker/login-action", file: ".github/workflows/image.yml", text: "      - uses: docker/login-action@v3\n        with:\n          registry: registry.acme-corp.io\n          username: acme-ci\n          password: {W}\n", rule: Some("generic-password") },
    Case { family: CI, form: "actions run --api-key flag", file: ".github/workflows/report.yml", text: "      - run: python report.py --api-key {K} --out report.html\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "actions step env spell", file: ".github/workflows/train.yml", text: "      - name: Run training\n        env:\n          SPELL_TOKEN: {P}\n          SPELL_OWNER: acme\n        run: spell run --machine-type v100 python train.py\n", rule: Some("spell-token") },
    Case { family: CI, form: "jenkins sh curl header", file: "Jenkinsfile", text: "stage('Notify') {\n  steps {\n    sh \"curl -X POST -H 'X-Api-Key: {K}' https://api.acme-corp.io/deploys\"\n  }\n}\n", rule: Some("generic-api-key") },
    Case { family: CI, form: "jenkins httpRequest customHeaders", file: "Jenkinsfile", text: "httpRequest url: 'https://app.speckle.systems/graphql',\n  httpMode: 'POST',\n  customHeaders: [[name: 'Authorization', value: 'Bearer {S}']],\n  requestBody: query\n", rule: Some("speckle-token") },
    Case { family: CI, form: "teamcity kotlin param", file: ".teamcity/settings.kts", text: "object Train : BuildType({\n    name = \"Train\"\n    params {\n        param(\"env.SPELL_OWNER\", \"acme\")\n        param(\"env.SPELL_TOKEN\", \"{P}\")\n    }\n})\n", rule: Some("spell-token") },
    Case { family: CI, form: "teamcity kotlin password param", file: ".teamcity/settings.kts", text: "    params {\n        password(\"env.DB_PASSWORD\", \"{W}\", display = ParameterDisplay.HIDDEN)\n    }\n", rule: Some("generic-password") },
    Case { family: CI, form: "earthfile ENV", file: "Earthfile", text: "VERSION 0.8\nFROM python:3.12\n\npush:\n    ENV SPECKLE_SERVER=https://app.speckle.systems\n    ENV SPECKLE_TOKEN={S}\n    RUN python push.py\n", rule: Some("speckle-token") },
    Case { family: CI, form: "taskfile vars", file: "Taskfile.yml", text: "version: '3'\n\nvars:\n  SPELL_TOKEN: {P}\n\ntasks:\n  train:\n    cmds:\n      - spell run python train.py\n", rule: Some("spell-token") },
    Case { family: CI, form: "justfile export :=", file: "justfile", text: "export API_KEY := \"{K}\"\n\nreport:\n    python report.py\n", rule: Some("generic-api-key") },
    // ---------------------------------------------------------------- deployment
    Case { family: DEPLOY, form: "helm bitnami auth values", file: "values-prod.yaml", text: "postgresql:\n  auth:\n    username: app\n    database: app\n    postgresPassword: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "helm --set-string", file: "scripts/deploy.sh", text: "helm upgrade --install api ./chart --namespace prod \\\n  --set-string api.key={K}\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "kustomize configMapGenerator literal", file: "overlays/prod/kustomization.yaml", text: "configMapGenerator:\n- name: trainer-env\n  literals:\n  - SPELL_OWNER=acme\n  - SPELL_TOKEN={P}\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "nomad docker auth", file: "jobs/api.nomad.hcl", text: "    config {\n      image = \"registry.acme-corp.io/api:1.8\"\n      auth {\n        username = \"ci\"\n        password = \"{W}\"\n      }\n    }\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "docker service create --env", file: "scripts/swarm.sh", text: "docker service create --name speckle-sync \\\n  --env SPECKLE_SERVER=https://speckle.acme-design.com \\\n  --env SPECKLE_TOKEN={S} \\\n  acme/speckle-sync:1.4\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "systemd Environment several", file: "/etc/systemd/system/api.service", text: "[Service]\nExecStart=/usr/bin/node server.js\nEnvironment=NODE_ENV=production API_KEY={K}\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "cloud foundry manifest env", file: "manifest.yml", text: "applications:\n- name: speckle-sync\n  memory: 256M\n  env:\n    SPECKLE_SERVER: https://app.speckle.systems\n    SPECKLE_TOKEN: {S}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "serverless function environment", file: "serverless.yml", text: "functions:\n  train:\n    handler: handler.train\n    environment:\n      SPELL_OWNER: acme\n      SPELL_TOKEN: {P}\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "samconfig parameter_overrides", file: "samconfig.toml", text: "version = 0.1\n[default.deploy.parameters]\nstack_name = \"acme-api\"\nparameter_overrides = \"Stage=prod ApiSecret={C}\"\n", rule: Some("generic-secret") },
    Case { family: DEPLOY, form: "pulumi yaml resource property", file: "Pulumi.yaml", text: "name: acme-db\nruntime: yaml\nresources:\n  db:\n    type: aws:rds:Instance\n    properties:\n      engine: postgres\n      username: app\n      password: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "fly secrets set", file: "scripts/fly-setup.sh", text: "fly secrets set SPELL_OWNER=acme SPELL_TOKEN={P} -a acme-trainer\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "gae app.yaml env_variables", file: "app.yaml", text: "runtime: python312\nenv_variables:\n  SPECKLE_SERVER: 'https://app.speckle.systems'\n  SPECKLE_TOKEN: '{S}'\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "heroku config:set", file: "scripts/heroku.sh", text: "heroku config:set API_SECRET={C} -a acme-web\n", rule: Some("generic-secret") },
    Case { family: DEPLOY, form: "terraform postgresql provider", file: "infra/providers.tf", text: "provider \"postgresql\" {\n  host     = \"db.acme-corp.io\"\n  username = \"admin\"\n  password = \"{W}\"\n  sslmode  = \"require\"\n}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "terraform module argument", file: "infra/main.tf", text: "module \"speckle_sync\" {\n  source        = \"./modules/sync\"\n  speckle_url   = \"https://speckle.acme-design.com\"\n  speckle_token = \"{S}\"\n}\n", rule: Some("speckle-token") },
    Case { family: DEPLOY, form: "ansible task environment", file: "roles/trainer/tasks/main.yml", text: "- name: Start training\n  ansible.builtin.command: spell run python train.py\n  environment:\n    SPELL_OWNER: acme\n    SPELL_TOKEN: {P}\n", rule: Some("spell-token") },
    Case { family: DEPLOY, form: "salt pillar", file: "pillar/mysql.sls", text: "mysql:\n  server:\n    root_user: root\n    root_password: {W}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "chef attribute", file: "cookbooks/app/attributes/default.rb", text: "default['app']['region'] = 'eu-west-1'\ndefault['app']['api_key'] = '{K}'\n", rule: Some("generic-api-key") },
    Case { family: DEPLOY, form: "puppet class parameter", file: "manifests/db.pp", text: "class { 'postgresql::server':\n  postgres_password => '{W}',\n}\n", rule: Some("generic-password") },
    Case { family: DEPLOY, form: "compose build args", file: "docker-compose.yml", text: "services:\n  web:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN={T}\n", rule: Some("generic-token") },
    // ---------------------------------------------------------------- API tools and docs
    Case { family: API, form: "postman globals secret type", file: "workspace.postman_globals.json", text: "{\n  \"name\": \"Globals\",\n  \"values\": [\n    {\"key\": \"apiKey\", \"value\": \"{K}\", \"type\": \"secret\", \"enabled\": true}\n  ],\n  \"_postman_variable_scope\": \"globals\"\n}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "postman collection variable", file: "Spell.postman_collection.json", text: "{\"info\": {\"name\": \"Spell\"}, \"item\": [], \"variable\": [{\"key\": \"spellOwner\", \"value\": \"acme\"}, {\"key\": \"spellToken\", \"value\": \"{P}\"}]}\n", rule: Some("spell-token") },
    Case { family: API, form: "insomnia yaml export bearer", file: "insomnia/speckle.yaml", text: "type: collection.insomnia.rest/5.0\nname: Speckle\ncollection:\n  - url: https://app.speckle.systems/graphql\n    name: activeUser\n    method: POST\n    authentication:\n      type: bearer\n      token: {S}\n", rule: Some("speckle-token") },
    Case { family: API, form: "bruno auth:apikey", file: "orders/List orders.bru", text: "get {\n  url: https://api.acme-corp.io/v2/orders\n  auth: apikey\n}\n\nauth:apikey {\n  key: x-api-key\n  value: {K}\n  placement: header\n}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "hoppscotch environment export", file: "hoppscotch-environments.json", text: "[{\"name\": \"prod\", \"variables\": [{\"key\": \"spellToken\", \"value\": \"{P}\", \"secret\": false}]}]\n", rule: Some("spell-token") },
    Case { family: API, form: "httpie session headers", file: ".config/httpie/sessions/app.speckle.systems/default.json", text: "{\n  \"__meta__\": {\"about\": \"HTTPie session file\"},\n  \"auth\": {\"type\": null, \"username\": null, \"password\": null},\n  \"headers\": {\"Authorization\": \"Bearer {S}\"}\n}\n", rule: Some("speckle-token") },
    Case { family: API, form: ".rest api key header", file: "api.rest", text: "### list orders\nGET https://api.acme-corp.io/v2/orders HTTP/1.1\nX-Api-Key: {K}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "markdown fenced export", file: "README.md", text: "## Running on Spell\n\n```bash\nexport SPELL_OWNER=acme\nexport SPELL_TOKEN={P}\nspell run python train.py\n```\n", rule: Some("spell-token") },
    Case { family: API, form: "rst code-block specklepy", file: "docs/usage.rst", text: "Usage\n=====\n\n.. code-block:: python\n\n   client = SpeckleClient(host=\"app.speckle.systems\")\n   client.authenticate_with_token(\"{S}\")\n", rule: Some("speckle-token") },
    Case { family: API, form: "openapi parameter example", file: "openapi.yaml", text: "      parameters:\n        - name: X-Api-Key\n          in: header\n          required: true\n          schema:\n            type: string\n          example: {K}\n", rule: Some("generic-api-key") },
    Case { family: API, form: "bash_history mysql -p", file: ".bash_history", text: "cd /srv/app\nmysql -u root -p{W} app < dump.sql\nexit\n", rule: Some("generic-password") },
    Case { family: API, form: "zsh_history extended curl", file: ".zsh_history", text: ": 1733490000:0;cd ~/work\n: 1733490012:0;curl -s -H \"Authorization: Bearer {S}\" https://app.speckle.systems/graphql -d @q.json\n", rule: Some("speckle-token") },
    Case { family: API, form: "wget --password", file: "scripts/fetch.sh", text: "wget --user=deploy --password={W} https://files.acme-corp.io/dump.sql.gz\n", rule: Some("generic-password") },
    Case { family: API, form: "httpie -a user:pass", file: "scripts/check.sh", text: "http -a deploy:{W} GET https://portal.acme-corp.io/api/status\n", rule: Some("generic-password") },
    Case { family: API, form: "grpcurl -H bearer", file: "scripts/grpc.sh", text: "grpcurl -H 'authorization: Bearer {T}' -d '{\"page\": 1}' api.acme-corp.io:443 acme.orders.v1.Orders/List\n", rule: Some("generic-token") },
    Case { family: API, form: "markdown table of settings", file: "docs/setup.md", text: "| Variable | Value |\n|---|---|\n| `SPECKLE_SERVER` | `https://speckle.acme-design.com` |\n| `SPECKLE_TOKEN` | `{S}` |\n", rule: Some("speckle-token") },
    // ---------------------------------------------------------------- config languages and credential files
    Case { family: CONFIG, form: "hocon dotted path", file: "conf/application.conf", text: "db.url = \"jdbc:postgresql://db/app\"\ndb.password = \"{W}\"\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "hocon optional env override", file: "src/main/resources/reference.conf", text: "api-key = \"{K}\"\napi-key = ${?API_KEY}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "cue unified definition", file: "deploy/api.cue", text: "config: #Config & {\n\tregion:    \"eu-west-1\"\n\tapiSecret: \"{C}\"\n}\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "jsonnet hidden field", file: "env/trainer.libsonnet", text: "{\n  spellOwner:: 'acme',\n  spellToken:: '{P}',\n}\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: "nix nested settings", file: "hosts/monitor/configuration.nix", text: "  services.grafana.settings.security.admin_password = \"{W}\";\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "dhall record field", file: "db.dhall", text: "{ host = \"db.internal\"\n, user = \"app\"\n, password = \"{W}\"\n}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "pkl typed property", file: "config/api.pkl", text: "region: String = \"eu-west-1\"\napiKey: String = \"{K}\"\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "starlark env dict", file: "tools/BUILD.bazel", text: "sh_binary(\n    name = \"train\",\n    srcs = [\"train.sh\"],\n    env = {\"SPELL_OWNER\": \"acme\", \"SPELL_TOKEN\": \"{P}\"},\n)\n", rule: Some("spell-token") },
    Case { family: CONFIG, form: ".pgpass line", file: ".pgpass", text: "db.acme-corp.io:5432:app:app:{W}\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: ".netrc one line", file: ".netrc", text: "machine files.acme-corp.io login deploy password {W}\n", rule: Some("netrc-credentials") },
    Case { family: CONFIG, form: "pip.conf index-url credentials", file: "pip.conf", text: "[global]\nindex-url = https://deploy:{W}@pypi.acme-corp.io/simple/\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: ".git-credentials", file: ".git-credentials", text: "https://deploy:{W}@git.acme-corp.io\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "s3cfg secret_key", file: ".s3cfg", text: "[default]\nhost_base = s3.acme-corp.io\nsecret_key = {C}\nuse_https = True\n", rule: Some("generic-secret") },
    Case { family: CONFIG, form: "docker config identitytoken", file: ".docker/config.json", text: "{\n  \"auths\": {\n    \"registry.acme-corp.io\": {\n      \"identitytoken\": \"{T}\"\n    }\n  }\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "kubeconfig user token", file: ".kube/config", text: "users:\n- name: ci\n  user:\n    token: {T}\ncontexts:\n- name: prod\n  context:\n    cluster: prod\n    user: ci\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "maven settings server", file: ".m2/settings.xml", text: "<settings>\n  <servers>\n    <server>\n      <id>acme-releases</id>\n      <username>deploy</username>\n      <password>{W}</password>\n    </server>\n  </servers>\n</settings>\n", rule: Some("generic-password") },
    Case { family: CONFIG, form: "nuget apikeys", file: "NuGet.Config", text: "<configuration>\n  <apikeys>\n    <add key=\"https://nuget.acme-corp.io/v3/index.json\" value=\"{K}\" />\n  </apikeys>\n</configuration>\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "composer auth.json bearer", file: "auth.json", text: "{\n  \"bearer\": {\n    \"repo.acme-corp.io\": \"{T}\"\n  }\n}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: ".yarnrc.yml npmAuthToken", file: ".yarnrc.yml", text: "npmScopes:\n  acme:\n    npmRegistryServer: \"https://npm.acme-corp.io\"\n    npmAuthToken: {T}\n", rule: Some("generic-token") },
    Case { family: CONFIG, form: "gem credentials", file: ".gem/credentials", text: "---\n:rubygems_api_key: {K}\n", rule: Some("generic-api-key") },
    Case { family: CONFIG, form: "odbc.ini PWD", file: "odbc.ini", text: "[reporting]\nDriver = PostgreSQL Unicode\nServername = db.acme-corp.io\nUID = report\nPWD = {W}\n", rule: Some("generic-password") },
    // ---------------------------------------------------------------- Speckle and Spell places
    Case { family: PLACES, form: "specklepy authenticate_with_token keyword", file: "scripts/push_model.py", text: "client = SpeckleClient(host=\"https://speckle.acme-design.com\")\nclient.authenticate_with_token(token=\"{S}\")\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "specklepy ServerTransport token", file: "scripts/receive.py", text: "transport = ServerTransport(stream_id=\"3073b96e86\", token=\"{S}\", url=\"https://app.speckle.systems\")\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "specklepy get_account_from_token server var", file: "scripts/whoami.py", text: "server_url = \"https://app.speckle.systems\"\naccount = get_account_from_token(\"{S}\", server_url)\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "automate conftest setdefault", file: "tests/conftest.py", text: "import os\n\nos.environ.setdefault(\"SPECKLE_SERVER_URL\", \"https://app.speckle.systems\")\nos.environ.setdefault(\"SPECKLE_TOKEN\", \"{S}\")\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "vscode launch.json env", file: ".vscode/launch.json", text: "{\n  \"configurations\": [\n    {\n      \"name\": \"Automate function\",\n      \"type\": \"debugpy\",\n      \"program\": \"main.py\",\n      \"env\": {\n        \"SPECKLE_SERVER_URL\": \"https://app.speckle.systems\",\n        \"SPECKLE_TOKEN\": \"{S}\"\n      }\n    }\n  ]\n}\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "dotnet user-secrets set", file: "docs/dev-setup.md", text: "```\ndotnet user-secrets set \"Speckle:ServerUrl\" \"https://app.speckle.systems\"\ndotnet user-secrets set \"Speckle:Token\" \"{S}\"\n```\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "objectloader options token", file: "src/loadModel.js", text: "const loader = new ObjectLoader({\n  serverUrl: 'https://app.speckle.systems',\n  streamId: '3073b96e86',\n  objectId,\n  token: '{S}',\n})\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "gql RequestsHTTPTransport headers", file: "scripts/query.py", text: "transport = RequestsHTTPTransport(\n    url=\"https://app.speckle.systems/graphql\",\n    headers={\"Authorization\": \"Bearer {S}\"},\n)\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "commented speckle PAT constant", file: "scripts/sync.py", text: "# speckle personal access token (streams:read)\nPAT = \"{S}\"\n", rule: Some("speckle-token") },
    Case { family: PLACES, form: "spell os.environ.update", file: "train_remote.py", text: "os.environ.update(SPELL_TOKEN=\"{P}\", SPELL_OWNER=\"acme\")\nclient = spell.client.from_environment()\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell SpellClient keyword order", file: "launch.py", text: "import spell.client\nclient = spell.client.SpellClient(owner=\"acme\", token=\"{P}\")\n", rule: Some("spell-token") },
    Case { family: PLACES, form: "spell token in README login steps", file: "README.md", text: "On the GPU box, log in with an access token:\n\n    $ export SPELL_TOKEN='{P}'\n    $ export SPELL_OWNER='acme'\n    $ spell login\n", rule: Some("spell-token") },
    // ---------------------------------------------------------------- negatives
    Case { family: CODE, form: "ts form field", file: "src/app/login.component.ts", text: "const body = { username: this.form.username, password: this.form.password };\n", rule: None },
    Case { family: CODE, form: "python token from function", file: "scripts/push_model.py", text: "speckle_token = get_token()\nclient.authenticate_with_token(speckle_token)\n", rule: None },
    Case { family: CODE, form: "vite import.meta.env only", file: "src/api.ts", text: "const apiKey = import.meta.env.VITE_API_KEY;\n", rule: None },
    Case { family: CODE, form: "spring @Value no default", file: "src/main/java/acme/SpellConfig.java", text: "    @Value(\"${spell.token}\")\n    private String spellToken;\n", rule: None },
    Case { family: CODE, form: "powershell Get-Secret", file: "setup.ps1", text: "$env:SPECKLE_TOKEN = (Get-Secret -Name SpeckleToken -AsPlainText)\n", rule: None },
    Case { family: CODE, form: "batch %VAR% reference", file: "run.cmd", text: "curl -H \"X-Api-Key: %API_KEY%\" https://api.acme-corp.io/v1/export\r\n", rule: None },
    Case { family: CODE, form: "hardhat process.env", file: "hardhat.config.js", text: "  etherscan: {\n    apiKey: process.env.ETHERSCAN_API_KEY,\n  },\n", rule: None },
    Case { family: CODE, form: "msal public clientId", file: "src/authConfig.ts", text: "export const msalConfig = {\n  auth: {\n    clientId: \"{UUID}\",\n    authority: \"https://login.microsoftonline.com/common\",\n  },\n};\n", rule: None },
    Case { family: CI, form: "gitlab CI_JOB_TOKEN", file: ".gitlab-ci.yml", text: "    - 'curl --header \"JOB-TOKEN: $CI_JOB_TOKEN\" --upload-file app.tgz \"${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/packages/generic/app/1.0/app.tgz\"'\n", rule: None },
    Case { family: CI, form: "azure $(var) macro", file: "azure-pipelines.yml", text: "- script: ./deploy.sh --api-key $(apiKey)\n  displayName: Deploy\n", rule: None },
    Case { family: CI, form: "woodpecker from_secret", file: ".woodpecker/train.yaml", text: "    environment:\n      SPELL_TOKEN:\n        from_secret: spell_token\n", rule: None },
    Case { family: CI, form: "actions sha-pinned checkout github.token", file: ".github/workflows/ci.yml", text: "      - uses: actions/checkout@{HEX40} # v4.2.2\n        with:\n          token: ${{ github.token }}\n", rule: None },
    Case { family: CI, form: "teamcity credentialsJSON reference", file: ".teamcity/settings.kts", text: "    params {\n        password(\"env.GH_TOKEN\", \"credentialsJSON:{UUID}\", display = ParameterDisplay.HIDDEN)\n    }\n", rule: None },
    Case { family: CI, form: "tekton $(params) reference", file: "tekton/task.yaml", text: "      script: |\n        python push.py --token $(params.speckle-token)\n", rule: None },
    Case { family: CI, form: "jenkins withCredentials", file: "Jenkinsfile", text: "withCredentials([string(credentialsId: 'speckle-token', variable: 'SPECKLE_TOKEN')]) {\n  sh 'python push.py'\n}\n", rule: None },
    Case { family: DEPLOY, form: "helm secret template", file: "chart/templates/secret.yaml", text: "data:\n  SPELL_TOKEN: {{ .Values.spell.token | b64enc | quote }}\n", rule: None },
    Case { family: DEPLOY, form: "sops encrypted value", file: "secrets/prod.enc.yaml", text: "db:\n    password: {SOPS}\nsops:\n    version: 3.9.1\n", rule: None },
    Case { family: DEPLOY, form: "ansible-vault file", file: "group_vars/prod/vault.yml", text: "$ANSIBLE_VAULT;1.1;AES256\n{VAULT}\n{VAULT}\n", rule: None },
    Case { family: DEPLOY, form: "ansible !vault inline", file: "group_vars/prod/vars.yml", text: "db_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256\n          {VAULT}\n", rule: None },
    Case { family: DEPLOY, form: "k8s secret metadata uid", file: "k8s/dump.yaml", text: "kind: Secret\nmetadata:\n  name: speckle-token\n  namespace: prod\n  uid: {UUID}\n  resourceVersion: \"48213\"\n", rule: None },
    Case { family: DEPLOY, form: "systemd changeme", file: "/etc/systemd/system/trainer.service", text: "[Service]\nEnvironment=SPELL_TOKEN=changeme\n", rule: None },
    Case { family: DEPLOY, form: "cloudformation !Ref", file: "cfn/database.yaml", text: "      MasterUsername: app\n      MasterUserPassword: !Ref DBPassword\n", rule: None },
    Case { family: DEPLOY, form: "app.yaml angle placeholder", file: "app.yaml", text: "env_variables:\n  API_KEY: \"<your-api-key>\"\n", rule: None },
    Case { family: API, form: "postman pre-request script", file: "Speckle.postman_collection.json", text: "{\"listen\": \"prerequest\", \"script\": {\"exec\": [\"pm.request.headers.add({key: 'Authorization', value: 'Bearer ' + pm.environment.get('speckleToken')});\"]}}\n", rule: None },
    Case { family: API, form: "markdown <your-token>", file: "README.md", text: "```bash\nexport SPELL_TOKEN=<your-token>\n```\n", rule: None },
    Case { family: API, form: "openapi security scheme", file: "openapi.yaml", text: "components:\n  securitySchemes:\n    ApiKeyAuth:\n      type: apiKey\n      in: header\n      name: X-API-Key\n", rule: None },
    Case { family: API, form: ".http $dotenv reference", file: "api.http", text: "GET https://api.acme-corp.io/v2/orders\nX-Api-Key: {{$dotenv API_KEY}}\n", rule: None },
    Case { family: API, form: "readme xxxxx token", file: "README.md", text: "```json\n{ \"server\": \"https://app.speckle.systems\", \"token\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" }\n```\n", rule: None },
    Case { family: CONFIG, form: "package-lock integrity", file: "package-lock.json", text: "    \"node_modules/api-key-auth\": {\n      \"version\": \"1.2.0\",\n      \"resolved\": \"https://registry.npmjs.org/api-key-auth/-/api-key-auth-1.2.0.tgz\",\n      \"integrity\": \"{SRI}\"\n    },\n", rule: None },
    Case { family: CONFIG, form: "cargo.lock checksum", file: "Cargo.lock", text: "[[package]]\nname = \"secrecy\"\nversion = \"0.8.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{HEX64}\"\n", rule: None },
    Case { family: CONFIG, form: "nix passwordFile", file: "hosts/gpu/configuration.nix", text: "  services.myapp.passwordFile = config.sops.secrets.db-password.path;\n", rule: None },
    Case { family: CONFIG, form: "kubeconfig exec plugin", file: ".kube/config", text: "users:\n- name: prod\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n", rule: None },
    Case { family: CONFIG, form: "maven ${env.} password", file: ".m2/settings.xml", text: "    <server>\n      <id>acme-releases</id>\n      <username>${env.MAVEN_USER}</username>\n      <password>${env.MAVEN_PASSWORD}</password>\n    </server>\n", rule: None },
    Case { family: CONFIG, form: "pip.conf env credentials", file: "pip.conf", text: "[global]\nextra-index-url = https://${PIP_USER}:${PIP_PASSWORD}@pypi.acme-corp.io/simple/\n", rule: None },
    Case { family: PLACES, form: "speckle object id receive", file: "scripts/receive.py", text: "obj = operations.receive(obj_id=\"{HEX32}\", remote_transport=transport)\n", rule: None },
    Case { family: PLACES, form: "speckle account.token passthrough", file: "scripts/push_model.py", text: "account = get_default_account()\nclient = SpeckleClient(host=account.serverInfo.url)\nclient.authenticate_with_token(account.token)\n", rule: None },
    Case { family: PLACES, form: "spell docs <auth token>", file: "docs/spell.md", text: "    $ export SPELL_TOKEN='<auth token>'\n    $ export SPELL_OWNER='<owner>'\n", rule: None },
    Case { family: PLACES, form: "spell access-tokens list output", file: "notes/tokens.txt", text: "$ spell access-tokens list\nname      created at    last used at\nci-token  1 hour ago    <unused>\n", rule: None },
];

#[test]
fn held_aside_third() {
    measure("third", CASES, 9001, 110, 30);
}
