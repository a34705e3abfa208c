//! Table-driven tests, through the built-in rules, of the third round of forms nobody
//! listed (issue 13, the misses of the fifth held-aside set, `heldout_fresh4`): passwords
//! passed by position to a known credential call ([`super::positional`]). Each positive names
//! the rule that must report the value; each negative must give no finding of any generic
//! rule or of the rule named.

use super::tests_unlisted2::check;

#[test]
fn passwords_passed_by_position_to_known_calls() {
    check(
        &[
            (
                "app/db.js",
                "const db = new Sequelize(\"shop\", \"shop\", \"{V}\", { dialect: 'mysql' });\n",
                "generic-password",
            ),
            (
                "src/Repo.php",
                "$db = new \\PDO($dsn, 'shop', '{V}');\n",
                "generic-password",
            ),
            (
                "src/legacy.php",
                "$link = mysqli_connect('db', 'shop', '{V}', 'shop');\n",
                "generic-password",
            ),
            (
                "src/main/java/Db.java",
                "Connection c = DriverManager.getConnection(url, \"shop\", \"{V}\");\n",
                "generic-password",
            ),
            (
                "fetch.py",
                "r = requests.get(url, auth = ('ops', '{V}'))\n",
                "generic-password",
            ),
            (
                "fetch.py",
                "r = httpx.get(url, auth=HTTPDigestAuth(\"ops\", \"{V}\"))\n",
                "generic-password",
            ),
            (
                "src/sync.rs",
                "let r = c.post(u).basic_auth(\"ops\", Some(\"{V}\")).send()?;\n",
                "generic-password",
            ),
        ],
        &[
            (
                "app/db.js",
                "const db = new Sequelize('shop', 'shop', process.env.DB_PASS, {});\n",
            ),
            (
                "app/db.js",
                "const db = new Sequelize('shop', 'shop', 'changeme', {});\n",
            ),
            ("src/Repo.php", "$db = new PDO($dsn, $user, $pass);\n"),
            (
                "fetch.py",
                "r = requests.get(url, auth=(user, os.environ['PW']))\n",
            ),
            (
                "src/sync.rs",
                "let r = c.post(u).basic_auth(\"ops\", None::<&str>).send()?;\n",
            ),
            // The position is the password's, not the user's or the database's.
            (
                "src/main/java/Db.java",
                "Connection c = DriverManager.getConnection(\"{V}\");\n",
            ),
        ],
    );
}

#[test]
fn hcl_values_named_by_a_sibling_name() {
    check(
        &[
            ("infra/dependabot.tf", "resource \"github_dependabot_secret\" \"npm\" {\n  repository      = \"web\"\n  secret_name     = \"NPM_TOKEN\"\n  plaintext_value = \"{V}\"\n}\n", "generic-token"),
            ("infra/app.tf", "resource \"helm_release\" \"app\" {\n  set_sensitive {\n    name  = \"postgresql.auth.password\"\n    value = \"{V}\"\n  }\n}\n", "generic-password"),
            ("infra/beanstalk.tf", "  setting {\n    namespace = \"aws:elasticbeanstalk:application:environment\"\n    name      = \"API_SECRET\"\n    value     = \"{V}\"\n  }\n", "generic-secret"),
        ],
        &[
            ("infra/app.tf", "resource \"helm_release\" \"app\" {\n  set {\n    name  = \"image.digest\"\n    value = \"{V}\"\n  }\n}\n"),
            ("infra/github.tf", "resource \"github_actions_secret\" \"api\" {\n  secret_name     = \"API_SECRET\"\n  plaintext_value = var.api_secret\n}\n"),
        ],
    );
}

#[test]
fn yaml_flow_mappings_and_block_scalars() {
    check(
        &[
            (
                "config/database.yml",
                "production: {adapter: postgresql, password: {V}}\n",
                "generic-password",
            ),
            (
                "config/database.yml",
                "test: {password: {V}, username: app}\n",
                "generic-password",
            ),
            (
                "config/services.yaml",
                "services:\n  - {name: billing, api_key: {V}}\n",
                "generic-api-key",
            ),
            (
                "config/acme.yaml",
                "acme:\n  api_key: >-\n    {V}\n  region: eu-west-1\n",
                "generic-api-key",
            ),
            (
                "config/acme.yaml",
                "acme:\n  client_secret: |\n    {V}\n",
                "generic-secret",
            ),
        ],
        &[
            (
                "config/database.yml",
                "production: {adapter: postgresql, password: ${DB_PASSWORD}}\n",
            ),
            (
                "config/database.yml",
                "production: {adapter: postgresql, password: changeme}\n",
            ),
            (
                "config/acme.yaml",
                "acme:\n  api_key: >-\n    see the vault entry\n",
            ),
            (
                "config/acme.yaml",
                "acme:\n  token: |\n    line1{V}\n    line2{V}\n",
            ),
        ],
    );
}

#[test]
fn shell_default_expansions_as_arguments() {
    check(
        &[
            (
                "scripts/sync.sh",
                ": \"${API_TOKEN:={V}}\"\n",
                "generic-token",
            ),
            (
                "scripts/run.sh",
                "#!/bin/sh\n: ${DB_PASSWORD:={V}}\nexec app\n",
                "generic-password",
            ),
            (
                "scripts/call.sh",
                "curl -fsS \"https://api.acme.io/?k=1\" -d \"secret=${CLIENT_SECRET:-{V}}\"\n",
                "generic-secret",
            ),
        ],
        &[
            (
                "scripts/sync.sh",
                ": \"${API_TOKEN:?API_TOKEN must be set}\"\n",
            ),
            ("scripts/sync.sh", ": \"${API_TOKEN:=}\"\n"),
            (
                "scripts/sync.sh",
                ": \"${API_TOKEN:=$(cat /run/secrets/token)}\"\n",
            ),
        ],
    );
}

#[test]
fn powershell_env_drive_items() {
    check(
        &[
            (
                "scripts/dev.ps1",
                "Set-Item -Path Env:API_SECRET -Value '{V}'\n",
                "generic-secret",
            ),
            (
                "scripts/dev.ps1",
                "Set-Item Env:API_KEY \"{V}\"\n",
                "generic-api-key",
            ),
            (
                "scripts/dev.ps1",
                "New-Item -Path Env:\\GITHUB_TOKEN -Value '{V}' -Force\n",
                "generic-token",
            ),
        ],
        &[
            (
                "scripts/dev.ps1",
                "Set-Item -Path Env:API_SECRET -Value $secret\n",
            ),
            (
                "scripts/dev.ps1",
                "Set-Item -Path Env:LOG_LEVEL -Value '{V}'\n",
            ),
            ("scripts/dev.ps1", "Set-Item Env:API_KEY 'changeme'\n"),
        ],
    );
}

#[test]
fn header_directives_and_docker_login() {
    check(
        &[
            (
                "nginx/conf.d/api.conf",
                "location /api/ {\n    proxy_set_header X-Api-Key {V};\n}\n",
                "generic-api-key",
            ),
            (
                "nginx/site.conf",
                "    fastcgi_param APP_SECRET {V};\n",
                "generic-secret",
            ),
            (
                ".gitlab-ci.yml",
                "deploy:\n  script:\n    - docker login -u ci -p {V} registry.acme.io\n",
                "generic-password",
            ),
        ],
        &[
            (
                "nginx/conf.d/api.conf",
                "    proxy_set_header X-Api-Key $http_x_api_key;\n",
            ),
            (
                "nginx/conf.d/api.conf",
                "    proxy_set_header X-Request-Id {V};\n",
            ),
            (
                ".gitlab-ci.yml",
                "  script:\n    - docker login -u ci -p $CI_REGISTRY_PASSWORD registry.acme.io\n",
            ),
        ],
    );
}

#[test]
fn struct_tag_defaults_and_property_initialisers() {
    check(
        &[
            ("internal/config/config.go", "type Config struct {\n\tAPIToken string `envconfig:\"API_TOKEN\" default:\"{V}\"`\n}\n", "generic-token"),
            ("internal/config/config.go", "type Config struct {\n\tSecret string `env:\"APP_SECRET\" envDefault:\"{V}\"`\n}\n", "generic-secret"),
            ("Core/Config.cs", "    public string ApiKey { get; set; } = \"{V}\";\n", "generic-api-key"),
            ("Core/Config.cs", "    [JsonProperty(\"speckle_token\")]\n    public string SpeckleToken { get; init; } = \"{S}\";\n", "speckle-token"),
        ],
        &[
            ("internal/config/config.go", "type Config struct {\n\tPort int `envconfig:\"PORT\" default:\"{V}\"`\n}\n"),
            ("internal/config/config.go", "type Config struct {\n\tAPIToken string `envconfig:\"API_TOKEN\" required:\"true\"`\n}\n"),
            ("Core/Config.cs", "    public string Region { get; set; } = \"{V}\";\n"),
            ("Core/Config.cs", "    public string ApiKey { get; set; } = \"changeme\";\n"),
        ],
    );
}

#[test]
fn npmrc_lines_inside_commands() {
    check(
        &[
            (
                "Dockerfile",
                "FROM node:20\nRUN echo \"//npm.acme.io/:_authToken={V}\" > .npmrc && npm ci\n",
                "generic-token",
            ),
            (
                "ci/publish.sh",
                "echo //registry.npmjs.org/:_authToken={V} >> ~/.npmrc\n",
                "generic-token",
            ),
        ],
        &[
            (
                "Dockerfile",
                "RUN echo \"//npm.acme.io/:_authToken=${NPM_TOKEN}\" > .npmrc\n",
            ),
            (
                "ci/publish.sh",
                "echo \"//registry.npmjs.org/:_authToken=\\${NPM_TOKEN}\" >> ~/.npmrc\n",
            ),
        ],
    );
}

#[test]
fn hcl_map_defaults_are_named_by_the_variable() {
    check(
        &[
            ("infra/variables.tf", "variable \"api_keys\" {\n  type = map(string)\n  default = {\n    reporting = \"{V}\"\n  }\n}\n", "generic-api-key"),
            ("infra/variables.tf", "variable \"registry_token\" {\n  default = {\n    ghcr = \"{V}\"\n  }\n}\n", "generic-token"),
        ],
        &[
            ("infra/variables.tf", "variable \"image_tags\" {\n  default = {\n    web = \"{V}\"\n  }\n}\n"),
            ("infra/variables.tf", "variable \"api_keys\" {\n  default = {\n    reporting = \"changeme\"\n  }\n}\n"),
        ],
    );
}
