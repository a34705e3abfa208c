//! Table-driven probes, through the built-in rules, of documents embedded in another file's
//! text (`embedded`, `scan::decode::params`; issue 13 item 2, session 15): each form in
//! several host syntaxes, with the near misses each must keep quiet.
//!
//! - a command line (`ngrok config add-authtoken v`) in a Go raw string, a Python
//!   `subprocess.run`, a JS `execSync`, a Jenkinsfile `sh '…'`, an XML element, a JSON
//!   string, a PowerShell script, and percent-encoded in a URL parameter;
//! - `export K=V` in a Python triple-quoted string, a Go raw string, a Ruby heredoc, a
//!   TypeScript template;
//! - a Kubernetes `- name:` / `value:` env item in Python, Go and JS strings and XML text;
//! - a `.netrc` in Python, Go and JS strings;
//! - a zuliprc `[api]` section in Go and Python strings;
//! - a C `#define` in HTML and XML text;
//! - a PHP config line (a call with a quoted default) in a JSON string and a Python string.
//!
//! Negatives: the same forms with a variable, a reference, a stand-in or no value, and a
//! line of prose. A positive counts only when a finding of its rule covers exactly the
//! made-up secret. Values are built at run time, so the repository holds none.

use super::probe_check::Rows;

fn ngrok() -> String {
    ["2yq8RfKtC4mZ", "pL7wX3vN9bTq", "_", "Hx5Jc2Wk8Dr4Gm6Ys1"].concat()
}

fn drone() -> String {
    ["Qm4TzX8r", "Lp2Vn7Kc", "W9bHs3Jd", "F6gYt1Rw"].concat()
}

fn datadog() -> String {
    ["9f3a61c8", "e2b74d05", "a18c3f96", "7d2e5b40"].concat()
}

fn wandb() -> String {
    ["4e8b1c27", "f93a6d05", "b21e7c84", "a56f0d39", "c7e2b918"].concat()
}

fn zulip() -> String {
    ["Vx7Kp2Qm", "N9rT4wLc", "8ZbJ3hFd", "6YsG1tXe"].concat()
}

fn adafruit() -> String {
    ["b7e41c09", "3fa86d25", "c1e97b40", "8d25f6a3"].concat()
}

fn laravel() -> String {
    [
        "base64:", "Tq8Vx2Lm", "9Rk4Zp7W", "c3Nf6Hy1", "Jd5Gs0Bt", "E8uQw2Ka", "Xo/", "=",
    ]
    .concat()
}

fn secrets() -> Vec<String> {
    vec![
        ngrok(),
        drone(),
        datadog(),
        wandb(),
        zulip(),
        adafruit(),
        laravel(),
    ]
}

fn fill(text: &str) -> String {
    text.replace("{NGROK}", &ngrok())
        .replace("{DRONE}", &drone())
        .replace("{DD}", &datadog())
        .replace("{WANDB}", &wandb())
        .replace("{ZULIP}", &zulip())
        .replace("{AIO}", &adafruit())
        .replace("{LARAVEL}", &laravel())
}

fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const COMMAND_LINES: Rows<'static> = (
    &[
        ("deploy/tunnel_test.go", "package tunnel\n\nconst setup = `\nngrok config add-authtoken {NGROK}\nngrok http 8080\n`\n", "ngrok-authtoken"),
        ("scripts/tunnel.py", "import subprocess\n\nsubprocess.run(\"ngrok config add-authtoken {NGROK}\", shell=True)\n", "ngrok-authtoken"),
        ("tools/tunnel.js", "const { execSync } = require('child_process');\nexecSync('ngrok config add-authtoken {NGROK}');\n", "ngrok-authtoken"),
        ("Jenkinsfile", "pipeline {\n  stages {\n    stage('tunnel') {\n      steps {\n        sh 'ngrok config add-authtoken {NGROK}'\n      }\n    }\n  }\n}\n", "ngrok-authtoken"),
        ("docs/setup.xml", "<steps>\n  <step>ngrok config add-authtoken {NGROK}</step>\n</steps>\n", "ngrok-authtoken"),
        ("ci/steps.json", "{\"steps\": [\"ngrok config add-authtoken {NGROK}\"]}\n", "ngrok-authtoken"),
        ("setup.ps1", "Set-Location C:\\work\nngrok config add-authtoken {NGROK}\n", "ngrok-authtoken"),
        ("notify.sh", "curl -fsS \"https://hooks.acme.internal/notify?job=nightly&payload=ngrok%20config%20add-authtoken%20{NGROK}&retry=3\"\n", "ngrok-authtoken"),
    ],
    &[
        ("deploy/tunnel_test.go", "const setup = `\nngrok config add-authtoken $NGROK_AUTHTOKEN\n`\n"),
        ("scripts/tunnel.py", "subprocess.run(\"ngrok config add-authtoken \" + token, shell=True)\n"),
        ("docs/setup.xml", "<step>ngrok config add-authtoken &lt;your-authtoken&gt;</step>\n"),
        ("notify.sh", "curl -fsS \"https://hooks.acme.internal/notify?payload=ngrok%20config%20add-authtoken%20%24TOKEN\"\n"),
    ],
);

#[test]
fn command_lines_held_in_other_files_are_read_as_command_lines() {
    check_all("embedded command lines", COMMAND_LINES);
}

#[rustfmt::skip]
const EXPORTS: Rows<'static> = (
    &[
        ("tests/test_ci.py", "SCRIPT = \"\"\"\nexport DRONE_TOKEN={DRONE}\ndrone build ls\n\"\"\"\n", "drone-ci-token"),
        ("ci/ci_test.go", "const script = `\nexport DRONE_TOKEN={DRONE}\n`\n", "drone-ci-token"),
        ("ci/run.rb", "script = <<~SH\n  export DRONE_TOKEN={DRONE}\nSH\n", "drone-ci-token"),
        ("ci/run.ts", "const script = `\nexport DRONE_TOKEN={DRONE}\n`;\n", "drone-ci-token"),
    ],
    &[
        ("tests/test_ci.py", "SCRIPT = \"\"\"\nexport DRONE_TOKEN=${DRONE_TOKEN}\n\"\"\"\n"),
        ("ci/ci.py", "drone_token = get_drone_token(server)\nexport_token = drone_token\n"),
        ("ci/run.ts", "export const DRONE_TOKEN = process.env.DRONE_TOKEN;\n"),
        ("ci/readme.py", "# the drone token is rotated daily by the scheduler of the build farm\n"),
    ],
);

#[test]
fn exports_held_in_strings_are_read_as_shell() {
    check_all("embedded exports", EXPORTS);
}

#[rustfmt::skip]
const ENV_ITEMS: Rows<'static> = (
    &[
        ("deploy/manifest.py", "MANIFEST = \"\"\"\nenv:\n  - name: DD_API_KEY\n    value: \"{DD}\"\n\"\"\"\n", "datadog-api-key"),
        ("deploy/manifest_test.go", "const manifest = `\nenv:\n  - name: DD_API_KEY\n    value: {DD}\n`\n", "datadog-api-key"),
        ("deploy/manifest.js", "const manifest = `\n- name: DD_API_KEY\n  value: '{DD}'`;\n", "datadog-api-key"),
        ("deploy/pod.xml", "<manifest>\n<text>- name: DD_API_KEY\n  value: {DD}</text>\n</manifest>\n", "datadog-api-key"),
    ],
    &[
        ("deploy/manifest.py", "MANIFEST = \"\"\"\n- name: DD_API_KEY\n  valueFrom:\n    secretKeyRef: {name: dd, key: api-key}\n\"\"\"\n"),
        ("deploy/manifest_test.go", "const m = `\n- name: DD_API_KEY\n  value: $(DD_API_KEY)\n`\n"),
        ("deploy/manifest.js", "const m = `\n- name: DD_SITE\n  value: datadoghq.eu\n`;\n"),
    ],
);

#[test]
fn kubernetes_env_items_held_in_strings_take_the_item_s_name() {
    check_all("embedded env items", ENV_ITEMS);
}

#[rustfmt::skip]
const NETRC_AND_INI: Rows<'static> = (
    &[
        ("tests/test_login.py", "NETRC = \"\"\"\nmachine api.wandb.ai\n  login user\n  password {WANDB}\n\"\"\"\n", "wandb-api-key"),
        ("login_test.go", "const netrc = `machine api.wandb.ai\n  login user\n  password {WANDB}\n`\n", "wandb-api-key"),
        ("login.test.js", "const netrc = `machine api.wandb.ai\nlogin user\npassword {WANDB}`;\n", "wandb-api-key"),
        ("bot/config_test.go", "const rc = `[api]\nemail=bot@acme.zulipchat.com\nkey={ZULIP}\nsite=https://acme.zulipchat.com\n`\n", "zulip-api-key"),
        ("bot/test_config.py", "RC = '''\n[api]\nemail=bot@acme.zulipchat.com\nkey={ZULIP}\n'''\n", "zulip-api-key"),
    ],
    &[
        ("tests/test_login.py", "NETRC = \"\"\"\nmachine api.wandb.ai\n  login user\n  password ${WANDB_API_KEY}\n\"\"\"\n"),
        ("bot/config_test.go", "const rc = `[api]\nemail=bot@acme.zulipchat.com\nkey=<your-api-key>\n`\n"),
        ("bot/test_config.py", "RC = '''\n[api]\nemail=bot@acme.zulipchat.com\nkey=%(ZULIP_KEY)s\n'''\n"),
    ],
);

#[test]
fn netrc_and_ini_sections_held_in_strings_are_read_as_their_files() {
    check_all("embedded netrc and INI", NETRC_AND_INI);
}

#[rustfmt::skip]
const DEFINES_AND_CODE: Rows<'static> = (
    &[
        ("docs/sketch.html", "<pre>\n#define IO_USERNAME \"acme\"\n#define IO_KEY \"{AIO}\"\n</pre>\n", "adafruit-io-key-legacy"),
        ("docs/sketch.xml", "<code>#define IO_KEY \"{AIO}\"</code>\n", "adafruit-io-key-legacy"),
        ("fixtures/app.json", "{\"config\": \"'key' => env('APP_KEY', '{LARAVEL}'),\"}\n", "laravel-app-key"),
        ("gen/template.py", "APP_PHP = \"'key' => env('APP_KEY', '{LARAVEL}'),\"\n", "laravel-app-key"),
    ],
    &[
        ("docs/sketch.html", "<pre>#define IO_KEY \"your_aio_key_here\"</pre>\n"),
        ("fixtures/app.json", "{\"config\": \"'key' => env('APP_KEY'),\"}\n"),
        ("gen/template.py", "APP_PHP = \"'key' => env('APP_KEY', ''),\"\n"),
    ],
);

#[test]
fn defines_and_code_held_in_text_are_read_as_code() {
    check_all("embedded defines and code", DEFINES_AND_CODE);
}
