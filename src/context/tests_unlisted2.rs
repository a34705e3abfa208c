//! Table-driven tests, through the built-in rules, of the second round of forms nobody
//! listed (issue 13, the misses of the third held-aside set): values keyed by a server
//! under a block that names the credential ([`super::urls::is_server_key`]), values named by
//! a sibling `name:` / `key:` line ([`super::structure::sibling_name`]), bearer tokens in an
//! `Authorization` header, Markdown table rows and `.pgpass` lines ([`super::rows`]), the
//! default of a `${name:default}` reference ([`super::defaults`]), pure wrappers, Nim's and
//! Jsonnet's field markers ([`super::siblings`]), `setx`, shell history and HTTPie's `-a`
//! ([`super::cmdline`]), and secret-store references, which must stay quiet
//! ([`super::secret_refs`]). Each positive names the rule that must report the value; each
//! negative must give no finding of any generic rule or of the rule named.

use crate::rules::RuleSet;
use crate::scan::Scanner;

/// A made-up secret, built at run time so no token-shaped string is committed.
pub(super) fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6"].concat()
}

/// A made-up Speckle-shaped token (42 lowercase hex).
pub(super) fn speckle() -> String {
    "3fa9c2e17b".repeat(4) + "d5"
}

pub(super) const GENERIC: &[&str] = &[
    "generic-password",
    "generic-api-key",
    "generic-secret",
    "generic-token",
];

/// The ids of the rules that report the secret in `text` at `path`.
pub(super) fn reported(scanner: &Scanner, path: &str, text: &str) -> Vec<String> {
    let text = text.replace("{V}", &v()).replace("{S}", &speckle());
    scanner
        .scan(Some(path), text.as_bytes())
        .into_iter()
        .map(|m| scanner.rule(m.rule).id.to_string())
        .collect()
}

pub(super) fn check(positives: &[(&str, &str, &str)], negatives: &[(&str, &str)]) {
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    for (path, text, rule) in positives {
        let got = reported(&scanner, path, text);
        assert!(
            got.iter().any(|r| r == rule),
            "{path}: {text:?} should be reported by {rule}; got {got:?}"
        );
    }
    for (path, text) in negatives {
        let got = reported(&scanner, path, text);
        assert!(
            !got.iter().any(|r| GENERIC.contains(&r.as_str())),
            "{path}: {text:?} should be quiet; got {got:?}"
        );
    }
}

#[test]
fn values_keyed_by_a_server_belong_to_the_credential_block() {
    check(
        &[
            (
                "auth.json",
                "{\n  \"bearer\": {\n    \"repo.acme-corp.io\": \"{V}\"\n  }\n}\n",
                "generic-token",
            ),
            (
                "NuGet.Config",
                "<configuration>\n  <apikeys>\n    <add key=\"https://nuget.acme-corp.io/v3/index.json\" value=\"{V}\" />\n  </apikeys>\n</configuration>\n",
                "generic-api-key",
            ),
            (
                "config.json",
                "{\n  \"tokens\": {\n    \"registry.acme.io:5000\": \"{V}\"\n  },\n  \"access_token\": {\n    \"git.acme.io\": \"{V}\"\n  }\n}\n",
                "generic-token",
            ),
        ],
        &[
            // A block that names no credential: a mirror list, a map of versions.
            (
                "auth.json",
                "{\n  \"mirrors\": {\n    \"repo.acme-corp.io\": \"{V}\"\n  },\n  \"token_note\": 1\n}\n",
            ),
            // A server key whose value is a reference.
            (
                "auth.json",
                "{\n  \"bearer\": {\n    \"repo.acme-corp.io\": \"${COMPOSER_TOKEN}\"\n  }\n}\n",
            ),
        ],
    );
}

#[test]
fn a_value_slot_is_named_by_its_sibling_name_line() {
    check(
        &[
            (
                "orders/List.bru",
                "auth:apikey {\n  key: x-api-key\n  value: {V}\n  placement: header\n}\n",
                "generic-api-key",
            ),
            (
                "openapi.yaml",
                "      parameters:\n        - name: X-Api-Key\n          in: header\n          schema:\n            type: string\n          example: {V}\n",
                "generic-api-key",
            ),
            (
                "vars.yaml",
                "api_key_settings:\n  - key: API_TOKEN\n    value: {V}\n",
                "generic-token",
            ),
            (
                "openapi.yaml",
                "    ApiKeyAuth:\n      type: apiKey\n      in: header\n      name: X-API-Key\n      x-example: {V}\n",
                "generic-api-key",
            ),
            (
                "openapi.json",
                "{\"name\": \"api_key\", \"in\": \"query\", \"example\": \"{V}\"}\n",
                "generic-api-key",
            ),
        ],
        &[
            // The sibling names something else, and so does the block.
            (
                "openapi.yaml",
                "      parameters:\n        - name: region\n          in: query\n          example: {V}\n",
            ),
            (
                "openapi.json",
                "{\"name\": \"region\", \"in\": \"query\", \"example\": \"{V}\"}\n{\"name\": \"api_key\"}\n",
            ),
            (
                "request.bru",
                "headers {\n  key: x-request-id\n  value: {V}\n}\n",
            ),
        ],
    );
}

#[test]
fn bearer_tokens_in_authorization_headers() {
    check(
        &[
            (
                "scripts/grpc.sh",
                "grpcurl -H 'authorization: Bearer {V}' api.acme-corp.io:443 acme.v1.Orders/List\n",
                "generic-token",
            ),
            (
                "client.py",
                "headers = {\"Authorization\": \"Bearer {V}\"}\n",
                "generic-token",
            ),
            (
                ".github/workflows/sync.yml",
                "      - run: |\n          curl -H \"Authorization: token {V}\" https://git.acme.io/api/v1/repos\n",
                "generic-token",
            ),
        ],
        &[
            (
                "scripts/grpc.sh",
                "grpcurl -H \"authorization: Bearer ${API_TOKEN}\" api.acme-corp.io:443 x/List\n",
            ),
            (
                "client.py",
                "headers = {\"Authorization\": \"Bearer \" + token}\n",
            ),
            (
                "notes.md",
                "Send `Authorization: Bearer <token>` with each call.\n",
            ),
        ],
    );
}

#[test]
fn markdown_table_rows_and_pgpass_lines() {
    check(
        &[
            (
                "docs/setup.md",
                "| Variable | Value |\n|---|---|\n| `SPECKLE_SERVER` | `https://speckle.acme-design.com` |\n| `SPECKLE_TOKEN` | `{S}` |\n",
                "speckle-token",
            ),
            (
                "README.md",
                "| Setting | Value | Notes |\n| --- | --- | --- |\n| **API_KEY** | {V} | staging |\n",
                "generic-api-key",
            ),
            (".pgpass", "db.acme-corp.io:5432:app:app:{V}\n", "generic-password"),
            ("home/ci/.pgpass", "*:*:*:replicator:{V}\n", "generic-password"),
        ],
        &[
            // A table that documents a setting rather than giving it.
            (
                "README.md",
                "| Name | Type | Description |\n|---|---|---|\n| API_KEY | string | The key you were sent |\n",
            ),
            // A row whose name is no credential's.
            ("README.md", "| region | {V} |\n| token | |\n"),
            // A `.pgpass` line that reads its password from elsewhere, and the same shape in
            // a file that is no password file and names no credential.
            (".pgpass", "db.acme-corp.io:5432:app:app:${PGPASSWORD}\n"),
            ("data/hosts.txt", "db.acme-corp.io:5432:app:app:{V}\n"),
        ],
    );
}

#[test]
fn defaults_of_references_and_wrapped_literals() {
    check(
        &[
            (
                "src/main/java/acme/Config.java",
                "    @Value(\"${api.key:{V}}\")\n    private String apiKey;\n",
                "generic-api-key",
            ),
            (
                "docker-compose.yml",
                "    environment:\n      - DB_PASSWORD=${DB_PASSWORD:-{V}}\n",
                "generic-password",
            ),
            (
                "vite.config.ts",
                "  define: {\n    'process.env.API_KEY': JSON.stringify('{V}'),\n  },\n",
                "generic-api-key",
            ),
            (
                "vite.config.ts",
                "  define: {\n    'process.env.SPECKLE_TOKEN': JSON.stringify('{S}'),\n  },\n",
                "speckle-token",
            ),
            ("main.py", "API_TOKEN = str(\"{V}\")\n", "generic-token"),
            (
                "src/secrets.nim",
                "const apiSecret* = \"{V}\"\n",
                "generic-secret",
            ),
            (
                "env/app.libsonnet",
                "{\n  owner:: 'acme',\n  apiToken:: '{V}',\n}\n",
                "generic-token",
            ),
        ],
        &[
            (
                "src/main/java/acme/Config.java",
                "    @Value(\"${api.key}\")\n    private String apiKey;\n",
            ),
            (
                "docker-compose.yml",
                "      - DB_PASSWORD=${DB_PASSWORD:-}\n",
            ),
            (
                "docker-compose.yml",
                "      - REGION=${REGION:-{V}}\n      - TOKEN_TTL=1\n",
            ),
            // Not a pure wrapper: the literal is an input to something else.
            (
                "vite.config.ts",
                "    'process.env.API_KEY': hashOf('{V}'),\n",
            ),
            (
                "src/secrets.nim",
                "const region* = \"{V}\"\nlet tokenCount = 2\n",
            ),
            (
                "env/app.libsonnet",
                "{\n  region:: '{V}',\n  tokens:: 2,\n}\n",
            ),
        ],
    );
}

#[test]
fn setx_shell_history_httpie_and_quoted_ci_commands() {
    check(
        &[
            ("install.bat", "setx API_TOKEN {V}\r\n", "generic-token"),
            (
                ".bash_history",
                "cd /srv/app\nmysql -u root -p{V} app < dump.sql\n",
                "generic-password",
            ),
            (
                ".zsh_history",
                "export API_TOKEN={V}\n",
                "generic-token",
            ),
            (
                "scripts/check.sh",
                "http -a deploy:{V} GET https://portal.acme-corp.io/api/status\n",
                "generic-password",
            ),
            (
                "scripts/check.sh",
                "http --auth deploy:{V} GET https://portal.acme-corp.io/api/status\n",
                "generic-password",
            ),
            (
                ".gitlab-ci.yml",
                "release:\n  script:\n    - 'curl --header \"PRIVATE-TOKEN: {V}\" \"https://gitlab.acme-corp.io/api/v4/projects/42/releases\"'\n",
                "generic-token",
            ),
        ],
        &[
            ("install.bat", "setx PATH {V}\r\nset TOKEN_TTL=3\r\n"),
            (".bash_history", "mysql -u root -p app < dump.sql\n"),
            (
                "scripts/check.sh",
                "http -a deploy GET https://portal.acme-corp.io/api/status --auth-type=basic\n",
            ),
            (
                ".gitlab-ci.yml",
                "release:\n  script:\n    - 'curl --header \"PRIVATE-TOKEN: $RELEASE_TOKEN\" \"https://gitlab.acme-corp.io/api\"'\n",
            ),
        ],
    );
}

#[test]
fn references_to_a_secret_store_are_quiet() {
    check(
        &[],
        &[
            (
                ".teamcity/settings.kts",
                "        password(\"env.GH_TOKEN\", \"credentialsJSON:{V}\", display = ParameterDisplay.HIDDEN)\n",
            ),
            ("app.env", "API_TOKEN=op://Deploy/{V}/credential\n"),
            ("values.yaml", "db_password: vault:secret/data/db#{V}\n"),
            (
                "config.yaml",
                "client_secret: projects/acme-prod/secrets/{V}/versions/latest\n",
            ),
            (
                "task.json",
                "{\"api_key\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:{V}\"}\n",
            ),
            ("helmfile.yaml", "  apiToken: ref+vault://secret/app#/{V}\n"),
        ],
    );
}

#[test]
fn secrets_piped_to_stdin_and_html_meta_content() {
    check(
        &[
            (
                "deploy.sh",
                "echo '{V}' | docker login -u deploy --password-stdin registry.acme.io\n",
                "generic-password",
            ),
            (
                ".github/workflows/push.yml",
                "      - run: echo \"{V}\" | helm registry login ghcr.io --username deploy --password-stdin\n",
                "generic-password",
            ),
            (
                "setup.sh",
                "gh auth login --hostname github.acme.io --with-token <<< '{V}'\n",
                "generic-token",
            ),
            (
                "index.html",
                "<meta name=\"api-key\" content=\"{V}\">\n",
                "generic-api-key",
            ),
        ],
        &[
            (
                "deploy.sh",
                "echo \"$REGISTRY_PASSWORD\" | docker login -u deploy --password-stdin registry.acme.io\n",
            ),
            (
                "deploy.sh",
                "cat ~/.registry-password | docker login -u deploy --password-stdin r.acme.io\n",
            ),
            (
                "index.html",
                "<meta name=\"description\" content=\"{V}\">\n<!-- token -->\n",
            ),
        ],
    );
}

#[test]
fn powershell_scoped_variables_and_csh_setenv() {
    check(
        &[
            (
                "deploy.ps1",
                "$env:DB_PASSWORD = '{V}'\n",
                "generic-password",
            ),
            ("deploy.ps1", "$Env:API_TOKEN=\"{V}\"\n", "generic-token"),
            ("profile.ps1", "$script:ApiToken = '{V}'\n", "generic-token"),
            (".cshrc", "setenv API_TOKEN {V}\n", "generic-token"),
            (
                "setup.sh",
                "launchctl setenv API_TOKEN {V}\n",
                "generic-token",
            ),
        ],
        &[
            ("deploy.ps1", "$env:REGION = '{V}'\n$env:TOKEN_TTL = 3\n"),
            (
                "deploy.ps1",
                "$env:DB_PASSWORD = $secret.GetNetworkCredential().Password\n",
            ),
            (".cshrc", "setenv REGION {V}\nsetenv TOKEN_TTL 3\n"),
        ],
    );
}

#[test]
fn tools_whose_flags_take_a_password() {
    check(
        &[
            (
                "restore.sh",
                "sqlcmd -S db.acme.io -U sa -P {V} -i restore.sql\n",
                "generic-password",
            ),
            (
                "dump.sh",
                "mongodump --host db.acme.io -u admin -p {V} --out /backup\n",
                "generic-password",
            ),
            (
                "ldap.sh",
                "ldapsearch -x -D cn=admin,dc=acme -w {V} -b dc=acme\n",
                "generic-password",
            ),
            (
                "sign.sh",
                "keytool -genkeypair -keystore app.jks -storepass {V} -alias app\n",
                "generic-password",
            ),
            (
                "pack.sh",
                "zip -P {V} backup.zip dump.sql\n",
                "generic-password",
            ),
            (
                "pack.sh",
                "7z a -p{V} backup.7z dump.sql\n",
                "generic-password",
            ),
        ],
        &[
            // A prompt (no value), a variable, another flag next.
            (
                "restore.sh",
                "sqlcmd -S db.acme.io -U sa -P $SA_PASSWORD -i restore.sql\n",
            ),
            (
                "dump.sh",
                "mongodump --host db.acme.io -u admin -p --out /backup\n",
            ),
            (
                "ldap.sh",
                "ldapsearch -x -D cn=admin,dc=acme -W -b dc=acme\n",
            ),
            // The same flag of a tool for which it means something else.
            (
                "copy.sh",
                "cp -P {V} /tmp/\nrsync -P {V} backup:/srv/ # password-less\n",
            ),
        ],
    );
}
