//! Table-driven probes, through the built-in rules, of forms users meet that earlier tables
//! covered thinly (issue 13, branch `recall10`): a header's value in a name/value list
//! written over several lines (Kubernetes probes' `httpHeaders:`, Postman and HAR exports,
//! Insomnia, Terraform `header` blocks), the same name/value shape for other credentials
//! (AWS `Name`/`Value` and `Key`/`Value` pairs, `env:` lists), private key blocks that code
//! builds from string literals, and the config and code forms of Speckle and Spell tokens,
//! Jupyter notebooks, Helm values and Kubernetes Secrets, Spring properties, .NET
//! `appsettings.json`, Gradle credentials, Terraform providers, `.pypirc`, `.netrc` and
//! Maven's `settings.xml`. Each row was written from the shape of public code found with
//! the `search` tool (the code corpus) or from the tool's documented format, before the
//! engine read the class.
//!
//! A positive counts only when a finding of its rule (or of one of the rules `a|b` names)
//! covers exactly the made-up secret (`{V}`, a Speckle token `{S}`, a Spell token `{P}`, a
//! key block `{KEY}` as the code writes it). Each negative must give no finding of any rule.
//! Token-shaped values are built at run time, so the repository holds none.

use crate::rules::RuleSet;
use crate::scan::Scanner;

use super::probe_check::{check_filled, Rows};

fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6", "aB8"].concat()
}

fn speckle() -> String {
    "5be0c3a91d".repeat(4) + "e7"
}

fn spell() -> String {
    v() + "Ud5Yc8bWk2"
}

/// base64 of `probe:<v>`: a Basic value that decodes to a pair (the password is `{V}`).
fn basic_pair() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("probe:{}", v()))
}

fn fill(text: &str) -> String {
    text.replace("{V}", &v())
        .replace("{S}", &speckle())
        .replace("{P}", &spell())
        .replace("{B64PAIR}", &basic_pair())
}

/// [`check_filled`] of rows written with the `{V}` / `{S}` / `{P}` placeholders.
fn check_all(class: &str, (positives, negatives): Rows<'_>) {
    let positives: Vec<(String, String, String)> = positives
        .iter()
        .map(|(p, t, r)| (p.to_string(), fill(t), r.to_string()))
        .collect();
    let negatives: Vec<(String, String)> = negatives
        .iter()
        .map(|(p, t)| (p.to_string(), fill(t)))
        .collect();
    check_filled(class, &positives, &negatives, &[v(), speckle(), spell()]);
}

#[rustfmt::skip]
const HEADER_LISTS: Rows<'static> = (
    &[
        // Kubernetes probes (core/v1 HTTPGetAction.httpHeaders: a list of name/value).
        ("deploy/api.yaml", "        livenessProbe:\n          httpGet:\n            path: /healthz\n            port: 8080\n            httpHeaders:\n            - name: Authorization\n              value: Bearer {V}\n", "generic-token"),
        ("charts/app/templates/deployment.yaml", "          readinessProbe:\n            httpGet:\n              httpHeaders:\n                - name: Authorization\n                  value: \"Bearer {V}\"\n", "generic-token"),
        ("k8s/probe.yml", "            httpHeaders:\n              - name: X-Api-Key\n                value: {V}\n", "generic-api-key"),
        ("k8s/probe.yml", "            httpHeaders:\n              - name: Authorization\n                value: Basic {B64PAIR}\n", "generic-password"),
        // Postman collection v2.1 (`request.header`: key/value objects), pretty-printed.
        ("postman/collection.json", "\t\t\t\t\"header\": [\n\t\t\t\t\t{\n\t\t\t\t\t\t\"key\": \"Authorization\",\n\t\t\t\t\t\t\"value\": \"Bearer {V}\",\n\t\t\t\t\t\t\"type\": \"text\"\n\t\t\t\t\t}\n\t\t\t\t],\n", "generic-token"),
        ("postman/collection.json", "          {\n            \"key\": \"x-api-key\",\n            \"value\": \"{V}\",\n            \"type\": \"text\"\n          }\n", "generic-api-key"),
        // HAR (`request.headers`: name/value objects).
        ("captures/login.har", "          \"headers\": [\n            {\n              \"name\": \"authorization\",\n              \"value\": \"Bearer {V}\"\n            },\n", "generic-token"),
        // Insomnia export (YAML), Bruno-like lists.
        ("insomnia.yaml", "    headers:\n      - name: Authorization\n        value: Bearer {V}\n        disabled: false\n", "generic-token"),
        ("api/requests.yml", "      headers:\n        - key: Authorization\n          value: \"Bearer {V}\"\n", "generic-token"),
        // Terraform: a synthetics/uptime check's header blocks.
        ("monitoring/checks.tf", "  request {\n    header {\n      name  = \"Authorization\"\n      value = \"Bearer {V}\"\n    }\n  }\n", "generic-token"),
        // The same name/value shape for other credentials.
        // An element named for the header (SOAP UI and API tools' XML exports).
        ("soapui-project.xml", "        <con:headers>\n          <Authorization>Basic {B64PAIR}</Authorization>\n        </con:headers>\n", "generic-password"),
        ("requests.xml", "<request>\n  <Authorization>Bearer {V}</Authorization>\n</request>\n", "generic-token"),
        ("cloudformation/app.yaml", "          Environment:\n            - Name: API_TOKEN\n              Value: {V}\n", "generic-token"),
        ("ecs/task-definition.json", "      \"environment\": [\n        {\n          \"name\": \"DB_PASSWORD\",\n          \"value\": \"{V}\"\n        }\n      ],\n", "generic-password"),
        ("ssm/params.json", "{\"Parameters\": [{\"Name\": \"/app/prod/api_key\", \"Value\": \"{V}\"}]}\n", "generic-api-key"),
        ("tags.json", "  \"Tags\": [\n    {\n      \"Key\": \"deploy_token\",\n      \"Value\": \"{V}\"\n    }\n  ]\n", "generic-token"),
        (".github/workflows/ci.yml", "    container:\n      env:\n        - name: SPECKLE_TOKEN\n          value: {S}\n", "speckle-token"),
    ],
    &[
        ("deploy/api.yaml", "            httpHeaders:\n            - name: Authorization\n              value: Bearer ${PROBE_TOKEN}\n"),
        ("charts/app/templates/deployment.yaml", "            httpHeaders:\n              - name: Authorization\n                value: \"Bearer {{ .Values.probe.token }}\"\n"),
        ("deploy/api.yaml", "            httpHeaders:\n            - name: X-Request-Id\n              value: 4f9c2e7a1b8d3c6e\n"),
        ("deploy/api.yaml", "            httpHeaders:\n            - name: Content-Type\n              value: application/json\n"),
        ("postman/collection.json", "          {\n            \"key\": \"Authorization\",\n            \"value\": \"Bearer {{accessToken}}\",\n            \"type\": \"text\"\n          }\n"),
        ("captures/login.har", "            {\n              \"name\": \"authorization\",\n              \"value\": \"Bearer <redacted>\"\n            },\n"),
        ("monitoring/checks.tf", "    header {\n      name  = \"Authorization\"\n      value = \"Bearer ${var.probe_token}\"\n    }\n"),
        ("requests.xml", "<request>\n  <Authorization>Bearer ${token}</Authorization>\n</request>\n"),
        ("cloudformation/app.yaml", "          Environment:\n            - Name: API_TOKEN\n              Value: !Ref ApiToken\n"),
        ("ecs/task-definition.json", "        {\n          \"name\": \"LOG_LEVEL\",\n          \"value\": \"debug\"\n        }\n"),
    ],
);

#[test]
fn header_and_credential_values_in_name_value_lists() {
    check_all("name/value lists", HEADER_LISTS);
}

#[rustfmt::skip]
const SPECKLE_FORMS: Rows<'static> = (
    &[
        // specklepy (specklepy/api/client.py): the client, then the token.
        ("scripts/send.py", "client = SpeckleClient(host=\"https://app.speckle.systems\")\nclient.authenticate_with_token(\"{S}\")\n", "speckle-token"),
        ("scripts/send.py", "from specklepy.api.credentials import get_account_from_token\naccount = get_account_from_token(\"{S}\", \"https://speckle.xyz\")\n", "speckle-token"),
        ("automate/main.py", "    speckle_client = SpeckleClient(server_url, use_ssl)\n    speckle_client.authenticate_with_token(token=\"{S}\")\n", "speckle-token"),
        // Speckle.Core / Speckle.Sdk (.NET): an Account built by hand.
        ("Tests/Fixtures.cs", "var account = new Account { token = \"{S}\", serverInfo = new ServerInfo { url = \"https://app.speckle.systems\" } };\n", "speckle-token"),
        ("Tests/Fixtures.cs", "      var acc = new Account\n      {\n        token = \"{S}\",\n        serverInfo = new ServerInfo { url = \"https://speckle.xyz\" },\n      };\n", "speckle-token"),
        // @speckle/objectloader2 and the viewer: options objects with `token`.
        ("src/viewer.ts", "const loader = ObjectLoader2Factory.createFromUrl({\n  serverUrl: 'https://app.speckle.systems',\n  streamId: 'a75ab4f10f',\n  objectId,\n  token: '{S}'\n})\n", "speckle-token"),
        ("src/load.js", "  const loader = new ObjectLoader({\n    serverUrl: 'https://speckle.xyz',\n    streamId,\n    objectId,\n    token: '{S}',\n  })\n", "speckle-token"),
        ("src/main.ts", "const urls = await UrlHelper.getResourceUrls(resource, '{S}')\n", "speckle-token"),
        // The GraphQL API over HTTP, from code and from the shell.
        ("src/api.ts", "const res = await fetch('https://app.speckle.systems/graphql', {\n  method: 'POST',\n  headers: {\n    'Content-Type': 'application/json',\n    Authorization: 'Bearer {S}',\n  },\n", "speckle-token"),
        ("scripts/query.sh", "curl -s https://speckle.xyz/graphql \\\n  -H \"Authorization: Bearer {S}\" \\\n  -H 'Content-Type: application/json'\n", "speckle-token"),
        ("scripts/query.ps1", "$headers = @{ Authorization = \"Bearer {S}\" }\nInvoke-RestMethod -Uri https://app.speckle.systems/graphql -Method Post -Headers $headers\n", "speckle-token"),
        ("Speckle/Client.cs", "_http.BaseAddress = new Uri(\"https://speckle.acme-arch.com\");\n_http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"{S}\");\n", "speckle-token"),
        // Connector scripts (Rhino/Grasshopper Python, Dynamo Python node).
        ("gh/speckle_send.py", "speckle_server = \"app.speckle.systems\"\nspeckle_token = \"{S}\"\n", "speckle-token"),
        // Account files of the desktop connectors.
        ("Speckle/Accounts/acc.json", "{\n  \"id\": \"7c3e\",\n  \"token\": \"{S}\",\n  \"serverInfo\": {\n    \"name\": \"Speckle\",\n    \"url\": \"https://app.speckle.systems\"\n  }\n}\n", "speckle-token"),
        // A notebook cell's source line.
        ("speckle.ipynb", "   \"source\": [\n    \"client = SpeckleClient(host=\\\"app.speckle.systems\\\")\\n\",\n    \"client.authenticate_with_token(\\\"{S}\\\")\\n\"\n   ]\n", "speckle-token"),
        // Config.
        (".env.local", "VITE_SPECKLE_SERVER=http://127.0.0.1:3002\nVITE_SPECKLE_TOKEN={S}\n", "speckle-token"),
        ("docker-compose.yml", "    environment:\n      SPECKLE_SERVER_URL: https://speckle.acme.io\n      SPECKLE_TOKEN: {S}\n", "speckle-token"),
    ],
    &[
        ("scripts/send.py", "client.authenticate_with_token(os.environ[\"SPECKLE_TOKEN\"])\n"),
        ("scripts/send.py", "account = get_default_account()\nclient.authenticate_with_token(account.token)\n"),
        ("src/viewer.ts", "const loader = ObjectLoader2Factory.createFromUrl({ serverUrl, streamId, objectId, token: authToken })\n"),
        ("src/commit.ts", "// https://app.speckle.systems/streams/9a259f0211/commits/{S}\n"),
        ("src/object.ts", "const objectUrl = 'https://speckle.xyz/streams/a75ab4f10f/objects/{S}'\n"),
        ("Speckle/Accounts/acc.json", "{\n  \"id\": \"7c3e\",\n  \"token\": \"\",\n  \"serverInfo\": {\"url\": \"https://app.speckle.systems\"}\n}\n"),
    ],
);

#[test]
fn speckle_tokens_where_users_put_them() {
    check_all("speckle", SPECKLE_FORMS);
}

#[rustfmt::skip]
const SPELL_FORMS: Rows<'static> = (
    &[
        // Spell's Python API and environment (the Access Tokens page in the seeds).
        ("train.py", "import spell.client\nclient = spell.client.SpellClient(token='{P}', owner='acme')\n", "spell-token"),
        ("ci/env.sh", "export SPELL_TOKEN='{P}'\nexport SPELL_OWNER='acme'\n", "spell-token"),
        (".github/workflows/train.yml", "    env:\n      SPELL_TOKEN: {P}\n      SPELL_OWNER: acme\n", "spell-token"),
        ("Dockerfile", "ENV SPELL_TOKEN {P}\n", "spell-token"),
        ("train.ipynb", "    \"import os\\n\",\n    \"os.environ[\\\"SPELL_TOKEN\\\"] = \\\"{P}\\\"\\n\",\n", "spell-token"),
        (".spell/config", "token: {P}\nowner: acme\n", "spell-token"),
    ],
    &[
        ("ci/env.sh", "export SPELL_TOKEN='<auth token>'\n"),
        ("train.py", "client = spell.client.from_environment()\n"),
        (".github/workflows/train.yml", "    env:\n      SPELL_TOKEN: ${{ secrets.SPELL_TOKEN }}\n"),
    ],
);

#[test]
fn spell_tokens_where_users_put_them() {
    check_all("spell", SPELL_FORMS);
}

#[rustfmt::skip]
const NOTEBOOKS: Rows<'static> = (
    &[
        ("analysis.ipynb", "   \"source\": [\n    \"import openai\\n\",\n    \"api_key = \\\"{V}\\\"\\n\",\n    \"client = openai.OpenAI(api_key=api_key)\"\n   ]\n", "generic-api-key"),
        ("analysis.ipynb", "   \"source\": [\n    \"db_password = '{V}'\\n\",\n    \"engine = create_engine(url)\"\n   ]\n", "generic-password"),
        ("analysis.ipynb", "   \"source\": [\n    \"os.environ[\\\"HF_TOKEN\\\"] = \\\"{V}\\\"\\n\"\n   ]\n", "generic-token"),
        ("analysis.ipynb", "   \"source\": [\n    \"headers = {\\\"Authorization\\\": \\\"Bearer {V}\\\"}\\n\",\n    \"r = requests.get(url, headers=headers)\"\n   ]\n", "generic-token"),
        ("analysis.ipynb", "{\"cell_type\": \"code\", \"source\": [\"client_secret = \\\"{V}\\\"\\n\", \"auth()\"]}\n", "generic-secret"),
    ],
    &[
        ("analysis.ipynb", "   \"source\": [\n    \"api_key = os.environ[\\\"OPENAI_API_KEY\\\"]\\n\",\n    \"client = openai.OpenAI(api_key=api_key)\"\n   ]\n"),
        ("analysis.ipynb", "   \"source\": [\n    \"api_key = getpass.getpass(\\\"API key: \\\")\\n\"\n   ]\n"),
        ("analysis.ipynb", "   \"source\": [\n    \"api_key = \\\"YOUR_API_KEY\\\"\\n\"\n   ]\n"),
    ],
);

#[test]
fn credentials_in_notebook_source_lines() {
    check_all("notebooks", NOTEBOOKS);
}

#[rustfmt::skip]
const DEPLOYMENT_CONFIG: Rows<'static> = (
    &[
        // Helm values.
        ("charts/app/values.yaml", "postgresql:\n  auth:\n    username: app\n    password: {V}\n", "generic-password"),
        ("charts/app/values.yaml", "secrets:\n  apiKey: \"{V}\"\n", "generic-api-key"),
        ("charts/app/values-prod.yaml", "extraEnv:\n  - name: DB_PASSWORD\n    value: \"{V}\"\n", "generic-password"),
        ("deploy.sh", "helm upgrade --install app ./chart --set auth.password={V} --namespace prod\n", "generic-password"),
        // Kubernetes Secret `stringData` (reported by the more specific rule when it applies).
        ("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\nstringData:\n  API_TOKEN: {V}\n", "kubernetes-secret-value|generic-token"),
        ("k8s/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \"{V}\"\n", "kubernetes-secret-value|generic-password"),
    ],
    &[
        ("charts/app/values.yaml", "postgresql:\n  auth:\n    existingSecret: app-db\n    password: \"\"\n"),
        ("charts/app/templates/secret.yaml", "stringData:\n  password: {{ .Values.postgresql.auth.password | quote }}\n"),
        ("charts/app/values.yaml", "auth:\n  passwordSecretKeyRef:\n    name: app-db\n    key: password\n"),
    ],
);

#[test]
fn helm_values_and_kubernetes_secrets() {
    check_all("helm and secrets", DEPLOYMENT_CONFIG);
}

#[rustfmt::skip]
const JVM_AND_DOTNET: Rows<'static> = (
    &[
        // Spring Boot properties and YAML, `@Value` defaults.
        ("src/main/resources/application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password={V}\n", "generic-password"),
        ("src/main/resources/application.properties", "app.jwt.secret={V}\napp.jwt.expiration=86400000\n", "generic-secret"),
        ("src/main/resources/application-dev.yml", "spring:\n  mail:\n    username: ops@acme.io\n    password: {V}\n", "generic-password"),
        ("src/main/java/com/acme/PayConfig.java", "    @Value(\"${stripe.api.key:{V}}\")\n    private String apiKey;\n", "generic-api-key"),
        // .NET appsettings.json.
        ("appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"DefaultConnection\": \"Server=db;Database=app;User Id=sa;Password={V};TrustServerCertificate=True\"\n  }\n}\n", "connection-string-password|generic-password"),
        ("appsettings.Development.json", "  \"ConnectionStrings\": {\n    \"Postgres\": \"Host=localhost;Database=app;Username=app;Password={V}\"\n  },\n", "connection-string-password|generic-password"),
        ("appsettings.json", "  \"SendGrid\": {\n    \"ApiKey\": \"{V}\"\n  },\n", "generic-api-key"),
        ("appsettings.json", "  \"Jwt\": {\n    \"Issuer\": \"acme\",\n    \"Secret\": \"{V}\"\n  },\n", "generic-secret"),
        // Gradle: repository credentials (Kotlin DSL and Groovy), gradle.properties.
        ("build.gradle.kts", "    maven {\n        url = uri(\"https://nexus.acme.io/repository/releases\")\n        credentials {\n            username = \"deploy\"\n            password = \"{V}\"\n        }\n    }\n", "generic-password"),
        ("build.gradle", "        credentials {\n            username 'deploy'\n            password '{V}'\n        }\n", "generic-password"),
        ("build.gradle", "        credentials {\n            username = \"deploy\"\n            password = \"{V}\"\n        }\n", "generic-password"),
        ("build.gradle.kts", "        credentials {\n            username.set(\"deploy\")\n            password.set(\"{V}\")\n        }\n", "generic-password"),
        ("build.gradle.kts", "nexusPublishing {\n    repositories {\n        sonatype {\n            username.set(\"acme\")\n            password.set(\"{V}\")\n        }\n    }\n}\n", "generic-password"),
        ("build.gradle.kts", "signing {\n    signingPassword.convention(\"{V}\")\n}\n", "generic-password"),
        ("gradle.properties", "ossrhUsername=acme\nossrhPassword={V}\n", "generic-password"),
        ("gradle.properties", "signing.keyId=24875D73\nsigning.password={V}\n", "generic-password"),
    ],
    &[
        ("src/main/resources/application.properties", "spring.datasource.password=${DB_PASSWORD}\n"),
        ("src/main/java/com/acme/PayConfig.java", "    @Value(\"${stripe.api.key}\")\n    private String apiKey;\n"),
        ("appsettings.json", "    \"DefaultConnection\": \"Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True\"\n"),
        ("build.gradle.kts", "        credentials {\n            username = System.getenv(\"MAVEN_USER\")\n            password = System.getenv(\"MAVEN_PASSWORD\")\n        }\n"),
        ("build.gradle", "        credentials {\n            username project.findProperty('mavenUser')\n            password project.findProperty('mavenPassword')\n        }\n"),
        ("build.gradle.kts", "        credentials {\n            password.set(providers.gradleProperty(\"mavenPassword\"))\n        }\n"),
        ("build.gradle.kts", "        credentials {\n            password.set(System.getenv(\"MAVEN_PASSWORD\"))\n        }\n"),
        ("src/Main.kt", "    headers.set(\"X-Request-Id\", requestId)\n    cache.set(\"{V}\")\n"),
    ],
);

#[test]
fn spring_dotnet_and_gradle_config() {
    check_all("jvm and dotnet", JVM_AND_DOTNET);
}

#[rustfmt::skip]
const TOOL_CONFIG: Rows<'static> = (
    &[
        // Terraform provider blocks.
        ("providers.tf", "provider \"github\" {\n  owner = \"acme\"\n  token = \"{V}\"\n}\n", "generic-token"),
        ("providers.tf", "provider \"postgresql\" {\n  host     = \"db.acme.io\"\n  username = \"admin\"\n  password = \"{V}\"\n}\n", "generic-password"),
        ("main.tf", "provider \"cloudflare\" {\n  api_token = \"{V}\"\n}\n", "generic-token"),
        ("main.tf", "provider \"aws\" {\n  region     = \"eu-west-1\"\n  secret_key = \"{V}\"\n}\n", "generic-secret"),
        // .pypirc, .netrc, Maven settings.xml.
        (".pypirc", "[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.acme.io/\nusername = deploy\npassword = {V}\n", "generic-password"),
        (".netrc", "machine api.acme.io\n  login deploy\n  password {V}\n", "generic-password|netrc-credentials"),
        ("ci/.netrc", "machine git.acme.io login ci password {V}\n", "generic-password|netrc-credentials"),
        ("settings.xml", "  <servers>\n    <server>\n      <id>nexus</id>\n      <username>deploy</username>\n      <password>{V}</password>\n    </server>\n  </servers>\n", "generic-password"),
        (".mvn/settings.xml", "    <server>\n      <id>github</id>\n      <username>ci</username>\n      <password>\n        {V}\n      </password>\n    </server>\n", "generic-password"),
    ],
    &[
        ("providers.tf", "provider \"github\" {\n  token = var.github_token\n}\n"),
        ("providers.tf", "provider \"postgresql\" {\n  password = data.vault_generic_secret.db.data[\"password\"]\n}\n"),
        (".pypirc", "[pypi]\nusername = __token__\npassword = <your PyPI token>\n"),
        ("settings.xml", "    <server>\n      <id>nexus</id>\n      <password>${env.NEXUS_PASSWORD}</password>\n    </server>\n"),
    ],
);

#[test]
fn terraform_providers_and_package_tool_credentials() {
    check_all("tool config", TOOL_CONFIG);
}

/// The body lines of a made-up key block: 64-character base64 lines of bytes that start as
/// `magic` does and then look random (built at run time: the repository holds no key).
fn key_lines(magic: &[u8]) -> Vec<String> {
    use base64::Engine;
    let mut bytes = magic.to_vec();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    while bytes.len() < 300 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.push((state >> 24) as u8);
    }
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    text.as_bytes()
        .chunks(64)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect()
}

/// A key block that code writes as one string literal per line, in the ways tests and
/// fixtures do; `{KEY}` in the expected secret is the block as the scanner joins it.
#[test]
fn private_key_blocks_built_from_string_literals() {
    let d = "-".repeat(5);
    let ssh = ("OPENSSH PRIVATE KEY", key_lines(b"openssh-key-v1\0"));
    let rsa = ("RSA PRIVATE KEY", key_lines(&[0x02, 0x01, 0x00, 0x11]));
    let literal_lines = |(label, lines): &(&str, Vec<String>), quote: char, nl: &str| {
        let mut all = vec![format!("{d}BEGIN {label}{d}")];
        all.extend(lines.iter().cloned());
        all.push(format!("{d}END {label}{d}"));
        all.into_iter()
            .map(|l| format!("{quote}{l}{nl}{quote}"))
            .collect::<Vec<_>>()
    };
    let positives: Vec<(String, String, String)> = vec![
        (
            "test/keys.test.js".into(),
            format!(
                "const key =\n  {};\n",
                literal_lines(&ssh, '\'', "\\n").join(" +\n  ")
            ),
            "private-key-openssh".into(),
        ),
        (
            "src/test/java/KeyTest.java".into(),
            format!(
                "    String pem = {};\n",
                literal_lines(&rsa, '"', "\\n").join("\n        + ")
            ),
            "private-key-rsa".into(),
        ),
        (
            "tests/test_ssh.py".into(),
            format!(
                "KEY = (\n    {}\n)\n",
                literal_lines(&ssh, '\'', "\\n").join("\n    ")
            ),
            "private-key-openssh".into(),
        ),
        (
            "test/fixtures.ts".into(),
            format!(
                "export const KEY = [\n  {},\n].join('\\n');\n",
                literal_lines(&ssh, '\'', "").join(",\n  ")
            ),
            "private-key-openssh".into(),
        ),
        (
            "ssh_test.go".into(),
            format!(
                "var testKey = {}\n",
                literal_lines(&ssh, '"', "\\n").join(" +\n\t")
            ),
            "private-key-openssh".into(),
        ),
        (
            "Tests/KeyTests.cs".into(),
            format!(
                "        var pem = {};\n",
                literal_lines(&rsa, '"', "\\n").join(" +\n            ")
            ),
            "private-key-rsa".into(),
        ),
    ];
    let negatives: Vec<(String, String)> = vec![
        (
            "src/parse.js".into(),
            format!("if (line.startsWith('{d}BEGIN OPENSSH PRIVATE KEY{d}')) {{\n  inKey = true\n}}\n"),
        ),
        (
            "src/pem.ts".into(),
            format!("const header = '{d}BEGIN RSA PRIVATE KEY{d}\\n' +\n  body +\n  '{d}END RSA PRIVATE KEY{d}';\n"),
        ),
        (
            "test/keys.test.js".into(),
            format!("const key =\n  '{d}BEGIN OPENSSH PRIVATE KEY{d}\\n' +\n  '...\\n' +\n  '{d}END OPENSSH PRIVATE KEY{d}\\n';\n"),
        ),
    ];
    // The secret a finding shows is the block from its BEGIN line on, as joined.
    let joined = |(label, lines): &(&str, Vec<String>)| {
        let mut all = vec![format!("{d}BEGIN {label}{d}")];
        all.extend(lines.iter().cloned());
        all.push(format!("{d}END {label}{d}"));
        all.join("\n")
    };
    check_filled(
        "key blocks",
        &positives,
        &negatives,
        &[joined(&ssh), joined(&rsa)],
    );
}

/// One Basic credential, one finding: the header's base64 text and the password it decodes
/// to are one secret, in every form that reports it.
#[test]
fn a_basic_credential_is_reported_once() {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let rows = [
        ("run.sh", "curl -H \"Authorization: Basic {B64PAIR}\" https://nexus.acme.io/x\n"),
        ("client.py", "headers = {\"Authorization\": \"Basic {B64PAIR}\"}\n"),
        ("client.go", "req.Header.Set(\"Authorization\", \"Basic {B64PAIR}\")\n"),
        ("req.http", "GET https://api.acme.io/v1\nAuthorization: Basic {B64PAIR}\n"),
        ("deploy/api.yaml", "            httpHeaders:\n            - name: Authorization\n              value: Basic {B64PAIR}\n"),
        ("soapui-project.xml", "<Authorization>Basic {B64PAIR}</Authorization>\n"),
        (".npmrc", "//r.acme.io/:_auth={B64PAIR}\n"),
        ("both.sh", "curl -u probe:{V} -H \"Authorization: Basic {B64PAIR}\" https://x.acme.io\n"),
    ];
    let mut wrong = Vec::new();
    for (path, text) in rows {
        let text = fill(text);
        let got: Vec<String> = scanner
            .scan(Some(path), text.as_bytes())
            .iter()
            .map(|m| {
                format!(
                    "{}={}",
                    scanner.rule(m.rule).id,
                    crate::finding::redact(m.secret.expose())
                )
            })
            .collect();
        if got.len() != 1 {
            wrong.push(format!("{path}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "not one finding:\n{}", wrong.join("\n"));
}
