//! Table-driven probes, through the built-in rules, of the families the fifth real-code set
//! (`heldout_real5`, spent in session 12 by branch `spend12`) and the earlier sets' misses
//! belong to, fixed in general form:
//!
//! - a statement or markup held in a string literal: SQL run by code or a client's command
//!   line (`cur.execute("CREATE USER x WITH PASSWORD 'v'")`, `psql -c "ALTER ROLE ..."`,
//!   `mysql -e "... IDENTIFIED BY 'v'"`, in code, shell, Dockerfiles and Markdown), a Spring
//!   bean's `<property name="password" value="v"/>` held in a test's string;
//! - a call that sets a password and takes it after other arguments (`resetPassword(token,
//!   "v")`, `changePassword(id, "v")`, ASP.NET Identity's `ResetPasswordAsync(user, token,
//!   "v")`);
//! - hex or a UUID sent as an `Authorization` header's credential after `Token` or `Bearer`
//!   (Django REST framework's 40-hex tokens), in code, `curl -H` and HTTP files;
//! - a value stated in Chinese or Japanese prose (`ADMIN_PASSWORD（生成值 v）`, `密码为 v`,
//!   `パスワードは v です`), in Markdown and in doc comments;
//! - the prose of setup guides: a column of a Markdown table named by its header (`| Role
//!   | Username | Password |`), a label with a dash or an arrow for its colon (`Token - v`),
//!   `the password for the admin user is v`, `Enter \`v\` when prompted for the password`,
//!   `use the token v to ...`, `log in as \`admin\` / \`v\``;
//! - a literal converted to another string type (`OsString::from("v")`, `"v".into()`,
//!   `String.valueOf("v")`, `str("v")`) as a pair call's key or value, on one line or one
//!   argument to a line.
//!
//! Each negative is the near miss the family must keep quiet: a variable, a template or a
//! placeholder where the literal would be, a digest or id outside a header, an empty value,
//! a plain word. A positive counts only when a finding of its rule covers exactly the
//! made-up secret. Token-shaped values are built at run time, so the repository holds none.

use super::probe_check::Rows;

/// A password of mixed characters.
pub(super) fn pw() -> String {
    ["Vb7", "qT2", "xR9", "!mK", "4wZ", "p8"].concat()
}

/// A generated secret.
pub(super) fn secret() -> String {
    ["Yq8vT3mL", "wR6kP2xN", "b7Yc1dF5", "gH0sKaE2"].concat()
}

/// `n` hex digits (a REST framework token is 40, an API's random token 32 or 64).
pub(super) fn hex(n: usize) -> String {
    (0..n)
        .map(|i| b"0123456789abcdef"[(i * 7 + 5 + i / 3) % 16] as char)
        .collect()
}

/// A version-4 UUID.
fn uuid() -> String {
    ["3f2a9c4e", "-7b1d-4e8a-9c3f-", "5d6e7f8a9b0c"].concat()
}

fn secrets() -> Vec<String> {
    vec![pw(), secret(), hex(40), hex(64), hex(32), uuid()]
}

fn fill(text: &str) -> String {
    text.replace("{PW}", &pw())
        .replace("{S}", &secret())
        .replace("{HEX40}", &hex(40))
        .replace("{HEX64}", &hex(64))
        .replace("{HEX32}", &hex(32))
        .replace("{UUID}", &uuid())
}

/// [`super::probe_check::check_rows`] of this table's rows.
fn check_all(class: &str, rows: Rows<'_>) {
    super::probe_check::check_rows(class, rows, &secrets(), fill);
}

#[rustfmt::skip]
const EMBEDDED_STATEMENTS: Rows<'static> = (
    &[
        ("db/setup.py", "cur.execute(\"CREATE USER app WITH PASSWORD '{PW}'\")\n", "generic-password"),
        ("scripts/init.sh", "psql -U postgres -c \"ALTER ROLE postgres WITH PASSWORD '{PW}';\"\n", "generic-password"),
        ("Dockerfile", "USER postgres\nRUN /etc/init.d/postgresql start &&\\\n\tpsql --command \"ALTER ROLE postgres with password '{PW}';\" &&\\\n\tcreatedb app\n", "generic-password"),
        ("README.md", "```\ndocker exec -it pg \\\npsql -h 172.17.0.2 \\\n-c \"CREATE USER app_user WITH PASSWORD '{PW}'\"\n```\n", "generic-password"),
        ("scripts/mysql.sh", "mysql -uroot -e \"CREATE USER 'app'@'%' IDENTIFIED BY '{PW}';\"\n", "generic-password"),
        ("src/db.js", "await client.query(`ALTER USER app WITH PASSWORD '{PW}'`);\n", "generic-password"),
        ("store/pg.go", "\t_, err = db.Exec(\"CREATE ROLE reporting LOGIN PASSWORD '{PW}'\")\n", "generic-password"),
        ("src/main/java/Setup.java", "        stmt.execute(\"ALTER USER app IDENTIFIED BY '{PW}'\");\n", "generic-password"),
        ("tests/test_adoptions.py", "    \"WEB-INF/dispatcher-servlet.xml\": (\n        '<bean id=\"dataSource\">\\n  <property name=\"username\" value=\"root\"/>\\n'\n        '  <property name=\"password\" value=\"{PW}\"/>\\n</bean>\\n'\n    ),\n", "generic-password"),
        ("tests/fixtures.py", "XML = '<property name=\"password\" value=\"{PW}\"/>'\n", "generic-password"),
        ("src/app.js", "const snippet = '<add key=\"ApiSecret\" value=\"{S}\" />';\n", "generic-secret"),
        ("docker-compose.yml", "services:\n  db:\n    command: [\"psql\", \"-c\", \"ALTER USER app WITH PASSWORD '{PW}'\"]\n", "generic-password"),
        (".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      - run: psql -c \"CREATE USER app WITH PASSWORD '{PW}'\"\n", "generic-password"),
        ("recipes/db.rb", "execute \"psql -c \\\"ALTER USER app WITH PASSWORD '{PW}'\\\"\"\n", "generic-password"),
    ],
    &[
        ("db/setup.py", "cur.execute(\"CREATE USER app WITH PASSWORD %s\", (password,))\n"),
        ("db/setup.py", "cur.execute(\"ALTER USER app WITH PASSWORD '\" + password + \"'\")\n"),
        ("scripts/init.sh", "psql -c \"ALTER USER app WITH PASSWORD '$PGPASSWORD';\"\n"),
        ("scripts/init.sh", "psql -c \"ALTER USER app WITH PASSWORD '${DB_PASSWORD}';\"\n"),
        ("scripts/mysql.sh", "mysql -e \"CREATE USER 'app'@'%' IDENTIFIED BY 'changeme';\"\n"),
        ("README.md", "Run `psql -c \"ALTER USER app WITH PASSWORD '<new-password>'\"` once.\n"),
        ("tests/fixtures.py", "XML = '<property name=\"password\" value=\"${db.password}\"/>'\n"),
        ("src/app.js", "const snippet = '<add key=\"ApiSecret\" value=\"YOUR_API_SECRET\" />';\n"),
        ("src/app.js", "const snippet = '<add key=\"Theme\" value=\"{S}\" />';\n"),
        ("app/log.py", "log.info(\"password 'reset' requested for %s\", user)\n"),
    ],
);

#[rustfmt::skip]
const PASSWORD_SETTERS: Rows<'static> = (
    &[
        ("src/test/java/UserControllerTest.java", "        RestResult<Void> r = controller.resetPassword(\"{UUID}\", \"{PW}\");\n", "generic-password"),
        ("src/test/kotlin/UserTest.kt", "        userService.changePassword(userId, \"{PW}\")\n", "generic-password"),
        ("src/auth.test.ts", "  await auth.updatePassword(user.id, '{PW}');\n", "generic-password"),
        ("tests/test_users.py", "    manager.reset_password(token, \"{PW}\")\n", "generic-password"),
        ("spec/user_spec.rb", "    user.update_password(\"alice\", \"{PW}\")\n", "generic-password"),
        ("Tests/AccountTests.cs", "        var result = await _userManager.ResetPasswordAsync(user, token, \"{PW}\");\n", "generic-password"),
        ("Tests/AccountTests.cs", "        await _userManager.ChangePasswordAsync(user, \"old\", \"{PW}\");\n", "generic-password"),
    ],
    &[
        ("src/test/java/UserControllerTest.java", "        controller.resetPassword(\"{UUID}\", newPassword);\n"),
        ("src/auth.ts", "  await auth.updatePassword(user.id, password);\n"),
        ("src/auth.ts", "  await auth.updatePassword(user.id, '');\n"),
        ("tests/test_users.py", "    manager.reset_password(token, \"password\")\n"),
        ("tests/test_users.py", "    manager.reset_password(email, \"<new password>\")\n"),
        ("src/users.py", "    users.set_password(user, os.environ[\"NEW_PASSWORD\"])\n"),
        ("src/users.py", "    hasher.verify_password(user, \"{UUID}\")\n"),
    ],
);

#[rustfmt::skip]
const SENT_TOKENS: Rows<'static> = (
    &[
        ("test.js", "fetch('http://127.0.0.1:8000/protected_route/', {\n    method: 'GET',\n    headers: {\n        'Authorization': 'Token {HEX40}'\n    }\n})\n", "generic-token"),
        ("client.py", "headers = {\"Authorization\": \"Token {HEX40}\"}\n", "generic-token"),
        ("README.md", "```\ncurl -H \"Authorization: Token {HEX40}\" http://localhost:8000/api/items/\n```\n", "generic-token"),
        ("client/api.go", "\treq.Header.Set(\"Authorization\", \"Bearer {HEX64}\")\n", "generic-token"),
        ("requests.http", "GET https://api.acme.io/v1/items\nAuthorization: Bearer {UUID}\n", "generic-token"),
        ("src/Api.java", "        conn.setRequestProperty(\"Authorization\", \"Bearer {HEX32}\");\n", "generic-token"),
        ("config.yaml", "api:\n  headers:\n    Authorization: \"Token {HEX40}\"\n", "generic-token"),
    ],
    &[
        ("test.js", "headers: { 'Authorization': 'Token ' + token }\n"),
        ("client.py", "headers = {\"Authorization\": f\"Token {token}\"}\n"),
        ("client.py", "headers = {\"Authorization\": \"Bearer 0000000000000000000000000000000000000000\"}\n"),
        ("requests.http", "Authorization: Bearer {{token}}\n"),
        ("client.py", "headers = {\"ETag\": \"{HEX40}\"}\n"),
        ("build.json", "{\"commit\": \"{HEX40}\", \"token_type\": \"Bearer\"}\n"),
        ("client.py", "headers = {\"X-Request-Id\": \"{UUID}\"}\n"),
    ],
);

#[rustfmt::skip]
const CJK_PROSE: Rows<'static> = (
    &[
        ("PROGRESS.md", "- 管理员认证配置已补：.env ADMIN_PASSWORD（生成值 {PW}）+ AUTH_REQUIRED=false（后端 security.py）\n", "generic-password"),
        ("src/components/PasswordGate.tsx", "/**\n * 全屏密码登录门\n *\n * 访问应用前必须输入密码（密码由后端 env ADMIN_PASSWORD 控制，本项目为 {PW}）。\n */\nimport { useState } from 'react'\n", "generic-password"),
        ("README.md", "默认管理员密码为 {PW}，请登录后修改。\n", "generic-password"),
        ("docs/setup.md", "初期パスワードは {PW} です。\n", "generic-password"),
        ("README.md", "- 初始密码：`{PW}`\n", "generic-password"),
    ],
    &[
        ("README.md", "密码为空，需要设置 ADMIN_PASSWORD 环境变量。\n"),
        ("README.md", "令牌值为 string 类型\n"),
        ("README.md", "密码为 your_password_here\n"),
        ("README.md", "ADMIN_PASSWORD 的值为 ${ADMIN_PASSWORD}\n"),
        ("README.md", "令牌是 JWT 格式，密码为 ********。\n"),
        ("docs/setup.md", "パスワードは設定ファイルに書きます。\n"),
    ],
);

#[rustfmt::skip]
const STRING_CONVERSIONS: Rows<'static> = (
    &[
        ("src/reload.rs", "        env.vars.insert(\n            OsString::from(\"SERVICE_DB_PASSWORD\"),\n            OsString::from(\"{PW}\"),\n        );\n", "generic-password"),
        ("src/env.rs", "    env.insert(\"DB_PASSWORD\".into(), \"{PW}\".into());\n", "generic-password"),
        ("src/config.rs", "    m.insert(String::from(\"api_secret\"), String::from(\"{S}\"));\n", "generic-secret"),
        ("src/main/java/Props.java", "        props.put(\"db.password\", String.valueOf(\"{PW}\"));\n", "generic-password"),
        ("settings.py", "os.environ[\"API_TOKEN\"] = str(\"{S}\")\n", "generic-token"),
        ("src/env.rs", "    let password = \"{PW}\".to_string();\n", "generic-password"),
    ],
    &[
        ("src/env.rs", "    env.insert(\"DB_PASSWORD\".into(), password.into());\n"),
        ("src/reload.rs", "    env.insert(OsString::from(\"DB_PASSWORD\"), OsString::from(secret));\n"),
        ("src/env.rs", "    env.insert(\"DB_PASSWORD\".into(), \"\".into());\n"),
        ("src/env.rs", "    m.insert(String::from(\"DB_PASSWORD\"), String::from(\"changeme\"));\n"),
        ("src/env.rs", "    env.insert(\"LOG_LEVEL\".into(), \"{PW}\".into());\n"),
        ("src/env.rs", "    let name = String::from(\"{PW}\");\n"),
    ],
);

#[rustfmt::skip]
const SETUP_PROSE: Rows<'static> = (
    &[
        ("README.md", "## Demo accounts\n\n| Role | Username | Password |\n|------|----------|----------|\n| Admin | admin | {PW} |\n| Viewer | viewer | guest |\n", "generic-password"),
        ("docs/setup.md", "| Service | URL | API Key |\n| --- | --- | --- |\n| search | http://localhost:9200 | `{S}` |\n", "generic-api-key"),
        ("README.md", "- Token - {S}\n", "generic-token"),
        ("README.md", "**API Key** - `{S}`\n", "generic-api-key"),
        ("README.md", "Password → `{PW}`\n", "generic-password"),
        ("README.md", "The default password for the admin user is {PW}\n", "generic-password"),
        ("INSTALL.md", "The password for user `root` is `{PW}`.\n", "generic-password"),
        ("README.md", "Enter `{PW}` when prompted for the password.\n", "generic-password"),
        ("README.md", "Then paste `{S}` into the API key field.\n", "generic-api-key"),
        ("README.md", "Use the token {S} to authenticate.\n", "generic-token"),
        ("README.md", "1. Go to http://localhost:8080 and log in as `admin` / `{PW}`\n", "generic-password"),
    ],
    &[
        ("README.md", "| Role | Username | Password |\n|------|----------|----------|\n| Admin | admin | `<your password>` |\n"),
        ("README.md", "| Variable | Secret | Description |\n|---|---|---|\n| DB_PASSWORD | yes | The database password |\n"),
        ("README.md", "| Name | Token |\n|---|---|\n| github | ${GITHUB_TOKEN} |\n"),
        ("README.md", "- Token - the token you created above\n"),
        ("README.md", "Password → see the vault entry\n"),
        ("README.md", "The default password for the admin user is printed in the logs.\n"),
        ("README.md", "The password for this account is required.\n"),
        ("README.md", "Enter `npm login` and type your password when prompted.\n"),
        ("README.md", "Use the token endpoint to refresh.\n"),
        ("README.md", "Then paste `YOUR_API_KEY` into the API key field.\n"),
    ],
);

#[test]
fn setup_guides_prose_forms() {
    check_all("setup prose", SETUP_PROSE);
}

#[test]
fn statements_and_markup_held_in_string_literals() {
    check_all("embedded statements", EMBEDDED_STATEMENTS);
}

#[test]
fn a_password_setter_names_its_later_arguments() {
    check_all("password setters", PASSWORD_SETTERS);
}

#[test]
fn hex_and_uuids_sent_under_a_token_scheme() {
    check_all("sent tokens", SENT_TOKENS);
}

#[test]
fn values_stated_in_cjk_prose() {
    check_all("CJK prose", CJK_PROSE);
}

#[test]
fn string_conversions_are_read_through() {
    check_all("string conversions", STRING_CONVERSIONS);
}
