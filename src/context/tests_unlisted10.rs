//! Table-driven probes, through the built-in rules, of credentials in docs, config, URLs,
//! headers and encoded forms as people write them (issue 13, branch `recall9conf`): query
//! strings of URLs written without a scheme in docs and comments, a `user:password` piped
//! into `base64` in shell, `Authorization` headers whose value is `key=<key>` or a Basic
//! credential that is not base64 of `user:password`, default credentials in prose and
//! backticks, a credential shown as a command's output in docs, service URLs with a password
//! in Markdown tables and command lines, and access-key ids under their names. Each row was
//! written from the shape of public code or docs found with the `search` tool (other
//! languages and shapes than the cases of `heldout_real2.rs` that showed the class), before
//! the engine read the class.
//!
//! A positive counts only when a finding of its rule covers exactly the made-up secret
//! (`{V}`, a Speckle token `{S}`, a Spell token `{P}`). Each negative must give no finding of
//! any rule. Token-shaped values are built at run time (`{V}` and friends), so the
//! repository holds none.

use super::probe_check::Rows;

fn v() -> String {
    ["Hq4", "tN7", "wZ2", "pK9", "mR3", "xL6", "aB8"].concat()
}

fn speckle() -> String {
    "7c1e9a04bd".repeat(4) + "f3"
}

fn spell() -> String {
    v() + "Ud5Yc8bWk2"
}

/// base64 of `ci-bot:<v>`: a Basic value that decodes to a pair (the password is `{V}`).
fn basic_pair() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("ci-bot:{}", v()))
}

fn fill(text: &str) -> String {
    text.replace("{V}", &v())
        .replace("{S}", &speckle())
        .replace("{P}", &spell())
        .replace("{B64PAIR}", &basic_pair())
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &[v(), speckle(), spell()], fill);
}

#[rustfmt::skip]
const QUERY_STRINGS: Rows<'static> = (
    &[
        ("docs/websocket.md", "Connect with `GET /ws?access_token={V}` and keep the socket open.\n", "generic-token"),
        ("app/stream.js", "// e.g. new EventSource('/stream?token=' + t), or in a browser: /stream?token={V}\n", "generic-token"),
        ("cmd/metrics.go", "// Try it: curl localhost:8080/metrics?api_key={V}\n", "generic-api-key"),
        ("api/views.py", "    \"\"\"Webhook endpoint.\n\n    Configure the sender to post to ``/hooks/build?secret={V}``.\n    \"\"\"\n", "generic-secret"),
        ("src/main/kotlin/Socket.kt", "/**\n * Example: /socket?user=ops&auth_token={V}\n */\n", "generic-token"),
        ("config/alerts.yaml", "# receiver: /alert?channel=ops&token={V}\nroute: default\n", "generic-token"),
        ("README.md", "Open `/viewer?token={S}` on speckle.xyz to see the stream.\n", "speckle-token"),
    ],
    &[
        ("docs/websocket.md", "Connect with `GET /ws?access_token=${TOKEN}`.\n"),
        ("docs/websocket.md", "Connect with `GET /ws?access_token=<your-token>`.\n"),
        ("app/stream.js", "const url = base + '/stream?token=' + token;\n"),
        ("app/stream.js", "const url = `/stream?token=${token}&v=2`;\n"),
        ("api/views.py", "    url = f\"/hooks/build?secret={secret}\"\n"),
        ("cmd/metrics.go", "// curl localhost:8080/metrics?api_key=YOUR_API_KEY\n"),
        ("src/app.ts", "const ok = isToken ?token===undefined : false;\n"),
        ("docs/search.md", "Search with `/search?q=password&sort=asc`.\n"),
    ],
);

#[rustfmt::skip]
const ENCODED_PAIRS: Rows<'static> = (
    &[
        ("scripts/deploy.sh", "AUTH=$(echo -n \"deploy:{V}\" | base64)\ncurl -H \"Authorization: Basic $AUTH\" https://nexus.acme.io/service/rest\n", "generic-password"),
        ("Dockerfile", "RUN echo -n 'builder:{V}' | base64 -w0 > /run/basic.txt\n", "generic-password"),
        ("Makefile", "token:\n\t@printf '%s' 'jenkins:{V}' | base64\n", "generic-password"),
        (".github/workflows/smoke.yml", "      - run: |\n          B64=$(base64 <<< \"smoke:{V}\")\n          curl -fsS -H \"Authorization: Basic $B64\" \"$URL\"\n", "generic-password"),
        ("docs/registry.md", "```sh\n$ echo -n admin:{V} | openssl base64\n```\n", "generic-password"),
        ("ci/push.bash", "export CREDS=`echo -n \"svc@acme.io:{V}\" | base64`\n", "generic-password"),
        // The same pair handed to an encoder in code, with the header on another line.
        ("tests/test_auth.py", "auth = base64.b64encode(b\"admin:{V}\").decode()\nheaders = {\"Authorization\": f\"Basic {auth}\"}\n", "generic-password"),
        ("src/client.go", "\tauth := base64.StdEncoding.EncodeToString([]byte(\"ops:{V}\"))\n", "generic-password"),
        ("Services/Http.cs", "var auth = Convert.ToBase64String(Encoding.ASCII.GetBytes(\"deploy:{V}\"));\n", "generic-password"),
        ("lib/client.rb", "auth = Base64.strict_encode64(\"bot:{V}\")\n", "generic-password"),
    ],
    &[
        ("scripts/deploy.sh", "AUTH=$(echo -n \"$NEXUS_USER:$NEXUS_PASS\" | base64)\n"),
        ("docs/registry.md", "$ echo -n 'username:password' | base64\n"),
        ("docs/registry.md", "$ echo -n '<user>:<password>' | base64\n"),
        ("scripts/deploy.sh", "IMAGE=$(base64 -i logo.png)\n"),
        ("scripts/deploy.sh", "echo \"$AUTH\" | base64 -d\n"),
        ("scripts/deploy.sh", "echo -n 'https://nexus.acme.io' | base64\n"),
        ("tests/test_auth.py", "auth = base64.b64encode(f\"{user}:{password}\".encode()).decode()\n"),
        ("src/api.js", "const auth = btoa(`${user}:${pass}`);\n"),
    ],
);

#[rustfmt::skip]
const HEADERS: Rows<'static> = (
    &[
        (
            "push/send.py",
            "headers = {\"Authorization\": \"key={V}\", \"Content-Type\": \"application/json\"}\n",
            "generic-api-key",
        ),
        (
            "app/src/main/java/Push.java",
            "        conn.setRequestProperty(\"Authorization\", \"key={V}\");\n",
            "generic-api-key",
        ),
        (
            "lib/push.php",
            "$headers = array('Authorization: key={V}', 'Content-Type: application/json');\n",
            "generic-api-key",
        ),
        (
            "src/push.js",
            "//   -H \"Authorization:key={V}\" \\\n",
            "generic-api-key",
        ),
        (
            "tests/test_api.py",
            "    r = client.get(\"/me\", headers={\"Authorization\": \"Basic {V}\"})\n",
            "generic-token",
        ),
        (
            "client/api.go",
            "\treq.Header.Set(\"Authorization\", \"Basic {V}\")\n",
            "generic-token",
        ),
        (
            "Services/Api.cs",
            "client.DefaultRequestHeaders.Add(\"Authorization\", \"Basic {V}\");\n",
            "generic-token",
        ),
        (
            "requests.http",
            "GET https://api.acme.io/v1/me\nAuthorization: Basic {B64PAIR}\n",
            "generic-password",
        ),
        (
            // A request written into a string literal: the value ends at `\r\n`.
            "src/client/tests.rs",
            "        \"GET /page HTTP/1.1\\r\\nauthorization: Basic {B64PAIR}\\r\\n\\r\\n\"\n",
            "generic-password",
        ),
        (
            // The same request continued over lines (`\` at the end of the first): the
            // header line is no string of its own, and ends in the literal's escapes.
            "src/client/tests.rs",
            "        \"GET /page HTTP/1.1\\r\\nhost: f.test\\r\\n\\\n            x-api-key: {V}\\r\\n\\r\\n\");\n",
            "generic-api-key",
        ),
        (
            "src/client/tests.rs",
            "        \"GET /page HTTP/1.1\\r\\nhost: f.test\\r\\n\\\n            authorization: Bearer {V}\\r\\n\\r\\n\");\n",
            "generic-token",
        ),
    ],
    &[
        (
            "scripts/push.sh",
            "curl -H \"Authorization: key=$SERVER_KEY\" https://fcm.googleapis.com/fcm/send\n",
        ),
        (
            "scripts/push.sh",
            "curl -H \"Authorization: key=YOUR_SERVER_KEY\" https://fcm.googleapis.com/fcm/send\n",
        ),
        (
            "scripts/push.sh",
            "curl -H \"Authorization: key=<API_ACCESS_KEY>\" https://fcm.googleapis.com/fcm/send\n",
        ),
        (
            "docs/auth.md",
            "Send `Authorization: Basic <base64-credentials>` with each request.\n",
        ),
        (
            "client/api.go",
            "\treq.Header.Set(\"Authorization\", \"Basic \"+basicAuth(user, pass))\n",
        ),
        (
            "src/api.js",
            "headers.Authorization = 'Basic ' + btoa(user + ':' + pass);\n",
        ),
        (
            "tests/test_api.py",
            "    r = client.get(\"/me\", headers={\"Authorization\": f\"Basic {encoded}\"})\n",
        ),
        (
            // base64 of `martin:` (no password) before the request's `\r\n` escapes.
            "src/client/tests.rs",
            "            authorization: Basic bWFydGluOg==\\r\\n\\r\\n\"\n",
        ),
    ],
);

#[rustfmt::skip]
const PROSE_DEFAULTS: Rows<'static> = (
    &[
        ("docs/SECURITY.md", "The same applies to `minio_root_password` (`'{V}'`) in the compose file.\n", "generic-password"),
        ("docs/configuration.md", "`JWT_SECRET` defaults to `{V}` when the variable is unset.\n", "generic-secret"),
        ("docs/setup.rst", "``api_token`` defaults to ``{V}`` in the demo profile.\n", "generic-token"),
        ("app/settings.py", "# SECRET_KEY defaults to '{V}' when DJANGO_SECRET_KEY is unset\n", "generic-secret"),
        ("internal/auth/admin.go", "// The admin password (default \"{V}\") must be rotated on first login.\n", "generic-password"),
        ("README.md", "- **Admin password** (default: `{V}`)\n", "generic-password"),
        ("README.md", "Set `SPECKLE_TOKEN` (default `{S}` on the demo server) before running.\n", "speckle-token"),
        // Login pairs in a sentence (READMEs' "Default credentials" sections).
        ("docs/LOGIN.md", "Log in with `admin` / `{V}` and change it at once.\n", "generic-password"),
        ("DEFAULT_CREDENTIALS.md", "Default login: **admin** / **{V}**\n", "generic-password"),
        ("docs/install.rst", "The default login is admin/{V}.\n", "generic-password"),
        ("README.txt", "Use the credentials `root` and `{V}` on the serial console.\n", "generic-password"),
    ],
    &[
        ("docs/configuration.md", "`DB_PASSWORD` (default: empty) is read at start-up.\n"),
        ("docs/configuration.md", "`API_TOKEN` defaults to `${TOKEN}`.\n"),
        ("docs/configuration.md", "The password (default `<none>`) must be set.\n"),
        ("docs/configuration.md", "`SECRET_KEY` defaults to `changeme`.\n"),
        ("docs/configuration.md", "`password_min_length` defaults to `12`.\n"),
        ("docs/configuration.md", "`AUTH_TOKEN_HEADER` defaults to `X-Auth-Token`.\n"),
        ("docs/LOGIN.md", "Sign in with GitHub/GitLab.\n"),
        ("docs/LOGIN.md", "Login with `${ADMIN_USER}` / `${ADMIN_PASSWORD}`.\n"),
        ("docs/LOGIN.md", "Credentials: user / <password>\n"),
        ("docs/LOGIN.md", "The login page lives at src/pages/login.tsx.\n"),
    ],
);

#[rustfmt::skip]
const SHOWN_OUTPUT: Rows<'static> = (
    &[
        ("docs/argocd.md", "```bash\nkubectl -n argocd get secret argocd-initial-admin-secret -o jsonpath=\"{.data.password}\" | base64 -d\n{V}\n```\n", "generic-password"),
        ("docs/jenkins.md", "```\n$ sudo cat /var/lib/jenkins/secrets/initialAdminPassword\n{V}\n```\n", "generic-password"),
        ("README.md", "```console\n$ echo $POSTGRES_PASSWORD\n{V}\n```\n", "generic-password"),
        ("docs/gitea.md", "```\n$ printenv GITEA_RUNNER_TOKEN\n{V}\n```\n", "generic-token"),
        ("docs/vault.md", "```shell\n$ vault kv get -field=api_key secret/billing\n{V}\n```\n", "generic-api-key"),
        ("notes/grafana.txt", "kubectl get secret grafana -o jsonpath=\"{.data.admin-password}\" | base64 --decode\n{V}\n", "generic-password"),
    ],
    &[
        ("docs/mysql.md", "```bash\necho $MYSQL_ROOT_PASSWORD\nkubectl run mysql-client --rm --tty -i\n```\n"),
        ("docs/mysql.md", "```bash\necho $MYSQL_ROOT_PASSWORD\n```\n"),
        ("docs/mysql.md", "```\n$ echo $HOME\n/home/ops\n```\n"),
        ("docs/mysql.md", "```\n$ echo $API_TOKEN\n<your token appears here>\n```\n"),
        ("scripts/check.sh", "if [ -z \"$API_TOKEN\" ]; then\n  echo $API_TOKEN\nfi\n"),
    ],
);

#[rustfmt::skip]
const SERVICE_URLS: Rows<'static> = (
    &[
        ("docs/test-runs.md", "| Command | `MAIL_URL=smtps://mailer:{V}@smtp.acme.io:465 npm test` |\n", "service-url-password"),
        ("README.md", "| FTP | `ftp://backup:{V}@files.acme.io/nightly` |\n", "service-url-password"),
        ("docs/cameras.md", "ffmpeg -rtsp_transport tcp -i rtsp://viewer:{V}@10.0.0.12:554/stream1 -f null -\n", "service-url-password"),
        ("docs/proxy.md", "curl --proxy socks5h://scraper:{V}@proxy.acme.io:1080 https://example.org\n", "service-url-password"),
        ("deploy/nats.md", "Clients connect with `nats://orders:{V}@nats.acme.io:4222`.\n", "service-url-password"),
        ("docs/test-runs.md", "| Command | `TEST_DATABASE_URL=postgres://argent:{V}@localhost:5435/test pnpm test` |\n", "postgres-url-password"),
        ("README.md", "Run `lftp sftp://deploy:{V}@sftp.acme.io` to upload.\n", "service-url-password"),
    ],
    &[
        ("README.md", "| SMTP | `smtp://user:password@smtp.acme.io` |\n"),
        ("README.md", "| FTP | `ftp://anonymous:@ftp.acme.io/pub` |\n"),
        ("README.md", "| LDAP | `ldaps://cn=admin:${LDAP_PASSWORD}@ldap.acme.io` |\n"),
        ("README.md", "| NATS | `nats://app:<password>@nats.acme.io:4222` |\n"),
        ("README.md", "git clone ssh://git@git.acme.io:2222/team/repo.git\n"),
    ],
);

#[rustfmt::skip]
const ACCESS_KEY_IDS: Rows<'static> = (
    &[
        (
            "docs/DEPLOYMENT.md",
            "```env\nAWS_ACCESS_KEY_ID={V}\nAWS_REGION=auto\n```\n",
            "generic-api-key",
        ),
        (
            "config/storage.yml",
            "r2:\n  access_key_id: {V}\n  bucket: assets\n",
            "generic-api-key",
        ),
        (
            "config.toml",
            "[s3]\nendpoint = \"https://minio.acme.io\"\naccess_key = \"{V}\"\n",
            "generic-api-key",
        ),
        (
            "src/storage.ts",
            "const s3 = new S3Client({ credentials: { accessKeyId: '{V}', secretAccessKey } });\n",
            "generic-api-key",
        ),
        (
            "settings.py",
            "AWS_ACCESS_KEY_ID = \"{V}\"\nAWS_SESSION_TOKEN = None\n",
            "generic-api-key",
        ),
    ],
    &[
        (
            "docs/DEPLOYMENT.md",
            "```env\nAWS_ACCESS_KEY_ID=your-access-key-id\n```\n",
        ),
        (
            "docs/DEPLOYMENT.md",
            "```env\nAWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\n```\n",
        ),
        ("template.yaml", "      AccessKeyId: !Ref DeployAccessKey\n"),
        (
            "src/storage.ts",
            "const creds = { accessKeyId: process.env.AWS_ACCESS_KEY_ID };\n",
        ),
        (
            "settings.py",
            "AWS_ACCESS_KEY_ID = os.environ.get(\"AWS_ACCESS_KEY_ID\")\n",
        ),
    ],
);

#[test]
fn query_strings_in_docs_and_comments() {
    check_all("query strings", QUERY_STRINGS);
}

#[test]
fn user_password_pairs_piped_into_base64() {
    check_all("encoded pairs", ENCODED_PAIRS);
}

#[test]
fn authorization_key_and_opaque_basic_values() {
    check_all("headers", HEADERS);
}

#[test]
fn default_credentials_in_prose() {
    check_all("prose defaults", PROSE_DEFAULTS);
}

#[test]
fn credentials_shown_as_command_output() {
    check_all("command output", SHOWN_OUTPUT);
}

#[test]
fn service_urls_in_tables_and_commands() {
    check_all("service URLs", SERVICE_URLS);
}

#[test]
fn access_key_ids_under_their_names() {
    check_all("access-key ids", ACCESS_KEY_IDS);
}

/// Writes every row of the table under `$LEAKGATE_PROBE_DIR` (`pos/<n>/<path>` with a
/// `want` file naming the rule, `neg/<n>/<path>`), so that a release binary of another
/// commit can be measured on the same rows: run with `--ignored`.
#[test]
#[ignore = "writes the rows for a binary of another commit; needs LEAKGATE_PROBE_DIR"]
fn write_rows_for_other_binaries() {
    let Ok(dir) = std::env::var("LEAKGATE_PROBE_DIR") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    let classes = [
        QUERY_STRINGS,
        ENCODED_PAIRS,
        HEADERS,
        PROSE_DEFAULTS,
        SHOWN_OUTPUT,
        SERVICE_URLS,
        ACCESS_KEY_IDS,
    ];
    let (mut p, mut n) = (0, 0);
    for (positives, negatives) in classes {
        for (path, text, rule) in positives {
            let root = dir.join(format!("pos/{p}"));
            std::fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            std::fs::write(root.join(path), fill(text)).unwrap();
            std::fs::write(dir.join(format!("pos/{p}.want")), rule).unwrap();
            p += 1;
        }
        for (path, text) in negatives {
            let root = dir.join(format!("neg/{n}"));
            std::fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
            std::fs::write(root.join(path), fill(text)).unwrap();
            n += 1;
        }
    }
    std::fs::write(dir.join("secrets"), [v(), speckle(), spell()].join("\n")).unwrap();
}
