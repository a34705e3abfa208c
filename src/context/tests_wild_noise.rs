//! Noise seen in real code of the `wild-*` corpus splits (Go, HCL and Ansible; Ruby, PHP,
//! Node.js and Python; Java, Kotlin, C# and Swift), each shape as a table of texts that must
//! stay quiet, beside the same syntax holding a real-looking secret that must still be
//! reported by the expected rule.

use crate::rules::RuleSet;
use crate::scan::Scanner;

/// Rule ids the built-in catalog reports in `text` at `path`, with their secrets.
fn reported(path: &str, text: &str) -> Vec<(String, String)> {
    static SCANNER: std::sync::OnceLock<Scanner> = std::sync::OnceLock::new();
    let scanner = SCANNER.get_or_init(|| Scanner::new(RuleSet::builtin().unwrap()));
    scanner
        .scan(Some(path), text.as_bytes())
        .iter()
        .map(|m| {
            (
                scanner.rule(m.rule).id.to_string(),
                m.secret.expose().to_string(),
            )
        })
        .collect()
}

/// A made-up 20-character secret, built at run time so no token-shaped string is committed.
fn secret() -> String {
    ["Vq8", "Lw2", "ZrT", "5mK", "9xP", "3nB", "7c"].concat()
}

/// A made-up UUID, built at run time.
fn uuid(seed: &str) -> String {
    format!("{seed}1005fa-3b56-4061-aaca-3f24995112e1")
}

fn assert_quiet(cases: &[(&str, String)]) {
    for (path, text) in cases {
        let found = reported(path, text);
        assert!(found.is_empty(), "{path}: {text}\n  reported {found:?}");
    }
}

fn assert_reported(cases: &[(&str, String, &str)]) {
    let secret = secret();
    for (path, text, rule) in cases {
        let found = reported(path, text);
        assert!(
            found.iter().any(|(r, s)| r == rule && *s == secret),
            "{path}: {text}\n  expected {rule}, reported {found:?}"
        );
    }
}

#[test]
fn resource_ids_passed_to_calls_named_for_a_common_word_are_quiet() {
    let (a, b) = (uuid("50"), uuid("30"));
    assert_quiet(&[
        (
            "qos/rules/doc.go",
            format!(
                "err := rules.DeleteBandwidthLimitRule(fake.ServiceClient(), \"{a}\", \"{b}\").ExtractErr()"
            ),
        ),
        (
            "qos/rules/testing/requests_test.go",
            format!("r, err := rules.GetMinimumBandwidthRule(fake.ServiceClient(), \"{a}\", \"{b}\")"),
        ),
        (
            "qos/rules/testing/requests_test.go",
            format!("// BandwidthLimitRule\nth.AssertEquals(t, r.ID, \"{b}\")"),
        ),
    ]);
    // The provider's own client and settings keep their secrets.
    let s = secret();
    assert_reported(&[
        (
            "main.go",
            format!("client := bandwidth.NewClient(\"api_user\", \"{s}\")"),
            "bandwidth-api-secret",
        ),
        (
            ".env",
            format!("BANDWIDTH_API_PASSWORD={s}"),
            "bandwidth-api-secret",
        ),
        (
            "config.yml",
            format!("bandwidth:\n  username: api_user\n  password: {s}\n"),
            "bandwidth-api-secret",
        ),
    ]);
}

#[test]
fn a_credentials_expiry_and_timestamps_are_quiet() {
    assert_quiet(&[
        (
            "runners_test.go",
            "\t\t\"token_expires_at\": \"2016-01-25T16:39:48.166Z\"\n".to_string(),
        ),
        (
            "users/testing/fixtures.go",
            "\t\t\"password_expires_at\": \"2016-11-06T15:32:17.000000\",\n".to_string(),
        ),
        (
            "fixtures.json",
            "{\"token\": \"2013-09-11T06:07:51.501805Z\"}".to_string(),
        ),
        (
            "vars.yml",
            "secret_expiration: 2022-08-04T01:02:03+02:00\n".to_string(),
        ),
    ]);
    let s = secret();
    assert_reported(&[
        (
            "runners_test.go",
            format!(
                "\t\t\"token\": \"{s}\",\n\t\t\"token_expires_at\": \"2016-01-25T16:39:48.166Z\"\n"
            ),
            "generic-token",
        ),
        (
            "users/testing/fixtures.go",
            format!("\t\t\"password\": \"{s}\",\n"),
            "generic-password",
        ),
    ]);
}

#[test]
fn form_bodies_whose_fields_are_too_short_are_quiet() {
    assert_quiet(&[(
        "oauth1/testing/fixtures.go",
        "fmt.Fprintf(w, `oauth_token=29971f&oauth_token_secret=238eb8&oauth_expires_at=2013-09-11T06:07:51.501805Z`)"
            .to_string(),
    )]);
    let s = secret();
    assert_reported(&[(
        "oauth1/testing/fixtures.go",
        format!("fmt.Fprintf(w, `oauth_token={s}&oauth_token_secret=238eb8`)"),
        "generic-token",
    )]);
}

#[test]
fn an_api_keys_id_is_quiet() {
    let ids = [
        "596cc79e5d91b400",
        "010d15ad/5db71f97",
        "7564612d30cc3860/5f0f42d4",
        "7564612d3363b87b",
    ]
    .concat();
    assert_quiet(&[
        (
            "playbooks/devnet_inventory",
            format!("[all:vars]\napi_key_id={ids}\n"),
        ),
        ("playbooks/profiles.yml", format!("  # api_key_id: {ids}\n")),
        ("client.go", format!("ApiKeyID: \"{ids}\",")),
    ]);
    let s = secret();
    assert_reported(&[
        (
            "playbooks/devnet_inventory",
            format!("[all:vars]\napi_key={s}\n"),
            "generic-api-key",
        ),
        ("client.go", format!("ApiKey: \"{s}\","), "generic-api-key"),
    ]);
}

#[test]
fn test_table_rows_are_data_not_names() {
    assert_quiet(&[(
        "auth_test.go",
        "\tvectors := []struct {\n\t\tpass string\n\t\tout  string\n\t}{\n\t\t{\" pass\", \"47575c5a435b4251\"},\n\t\t{\"pass \", \"47575c5a435b4251\"},\n\t}\n"
            .to_string(),
    )]);
    let s = secret();
    assert_reported(&[(
        "auth_test.go",
        format!("\tcreds := map[string]string{{\n\t\t\"pass\": \"{s}\",\n\t}}\n"),
        "generic-password",
    )]);
}

#[test]
fn sample_tokens_spelling_the_alphabet_are_quiet() {
    assert_quiet(&[
        (
            "plugins/modules/acme_certificate.py",
            "RETURN = '''\n      challenges:\n        - url: https://example.org/acme/challenge/12345\n          type: http-01\n          token: A5b1C3d2E9f8G7h6\n'''\n"
                .to_string(),
        ),
        ("config.yml", "api_token: a1b2c3d4e5f6g7h8\n".to_string()),
    ]);
    let s = secret();
    assert_reported(&[(
        "plugins/modules/acme_certificate.py",
        format!(
            "RETURN = '''\n      challenges:\n        - type: http-01\n          token: {s}\n'''\n"
        ),
        "generic-token",
    )]);
}

#[test]
fn a_value_before_a_docstrings_closing_quotes_is_reported_without_them() {
    let s = secret();
    let bundle_filler: String = (0..400)
        .map(|i| format!("function f{i}(a,b){{return a*{i}+b}};"))
        .collect();
    let cases = [
        (
            "plugins/modules/acme.py",
            format!("EXAMPLES = r'''\n- acme.module:\n    api_token: {s}'''\n"),
        ),
        ("deploy.sh", format!("    api_token: {s}\"\"\"\n")),
        (
            "dist/app.min.js",
            format!(
                "{bundle_filler}var cfg={{k:\"    api_token: {s}\\\"\\\"\\\"\"}};{bundle_filler}\n"
            ),
        ),
    ];
    for (path, text) in &cases {
        let found = reported(path, text);
        assert!(
            found.iter().any(|(r, v)| r == "generic-token" && *v == s),
            "{path}: reported {found:?}"
        );
    }
}

#[test]
fn keys_that_name_an_object_or_an_encrypted_blob_are_no_api_keys() {
    let v = secret();
    assert_quiet(&[
        ("store_test.go", format!("\t\t\"instance-key\": \"{v}\",")),
        ("tooling_test.go", format!("\tCohortKey: \"{v}\",")),
        ("priv.jwk", format!("  \"encrypted_key\": \"{v}\",")),
        ("leases_test.go", format!("\tsnapshotterKey = \"{v}\"")),
        (
            "README.md",
            format!("key, err := client.ProvisionerKey(\"{v}\")"),
        ),
    ]);
    // A key named for its service is still an API key.
    assert_reported(&[
        (".env", format!("OPENAI_KEY={v}"), "generic-api-key"),
        (
            "config.json",
            format!("{{\"sendgrid_key\": \"{v}\"}}"),
            "generic-api-key",
        ),
    ]);
}

#[test]
fn an_id_under_a_dotted_namespace_is_quiet() {
    // wild-fresh2: the AWS SDK's STS fixture, the subject of a web identity token.
    let id = ["AF6RHO7KZ", "U5XRVQJGX", "K6HB56KR2A"].concat();
    assert_quiet(&[
        (
            "config/shared_test.go",
            format!(
                "<SubjectFromWebIdentityToken>amzn1.account.{id}</SubjectFromWebIdentityToken>"
            ),
        ),
        (
            "skill.json",
            format!("{{\"token\": \"amzn1.ask.account.{id}\"}}"),
        ),
    ]);
    // The same keys with a token after a short dotted prefix are still reported.
    let s = secret();
    assert_reported(&[
        (
            "config/shared_test.go",
            format!("<WebIdentityToken>{s}</WebIdentityToken>"),
            "generic-token",
        ),
        (
            "skill.json",
            format!("{{\"token\": \"{s}\"}}"),
            "generic-token",
        ),
    ]);
}

#[test]
fn translated_labels_and_sentences_are_quiet() {
    // wild-tune3: MediaWiki's translation catalogs.
    assert_quiet(&[
        (
            "languages/i18n/hu.json",
            "{\n\t\"config-db-password\": \"Adatbázisjelszó:\",\n}\n".to_string(),
        ),
        (
            "includes/api/i18n/lt.json",
            "{\n\t\"apihelp-login-param-password\": \"Slaptažodis.\",\n}\n".to_string(),
        ),
        (
            "languages/i18n/zh-hans.json",
            "{\n\t\"passwordtooshort\": \"您的密码至少需要$1个字符。\",\n}\n".to_string(),
        ),
        (
            "languages/messages/MessagesPl.php",
            "$specialPageAliases = [\n\t'ChangePassword' => [ 'Zmień_hasło' ],\n\t'ResetTokens' => [ 'Wyczyść_hasło' ],\n];\n".to_string(),
        ),
        (
            "extensions-core/OATHAuth/i18n/ja.json",
            "{\n\t\"oathauth-auth-token-help\": \"二要素認証の2番目の要素として使用されるワンタイムパスワード。\"\n}\n".to_string(),
        ),
        // Parsoid: a regular expression beside a `$token` argument.
        (
            "src/Wt2Html/TreeBuilder/TreeBuilderStage.php",
            "$transType = TokenUtils::matchTypeOf( $token, '#^mw:Transclusion#' );\n".to_string(),
        ),
    ]);
    // A password in the same catalog syntax, and a typed password with letters beyond ASCII.
    let s = secret();
    assert_reported(&[
        (
            "config/i18n/hu.json",
            format!("{{\n\t\"db-password\": \"{s}\",\n}}\n"),
            "generic-password",
        ),
        (
            "config.php",
            format!("$password = '{s}';\n"),
            "generic-password",
        ),
    ]);
    let typed = ["Lös", "enord", "2024", "!Xq"].concat();
    let found = reported("config.php", &format!("$db_password = '{typed}';\n"));
    assert!(
        found
            .iter()
            .any(|(r, v)| r == "generic-password" && *v == typed),
        "{found:?}"
    );
}

#[test]
fn java_unicode_escaped_text_is_quiet() {
    // wild-tune4: the JDK's CLDR locale names (`PW` is Palau's country code, read as a
    // password key) and keytool's Swedish messages, letters beyond ASCII as `\u` escapes.
    assert_quiet(&[
        (
            "sun/util/resources/cldr/ext/LocaleNames_ast.java",
            "            { \"PR\", \"Pu\\u00e9rtu Ricu\" },\n            { \"PW\", \"Pal\\u00e1u\" },\n"
                .to_string(),
        ),
        (
            "sun/util/resources/cldr/ext/LocaleNames_yav.java",
            "            { \"PW\", \"palaw\\u00fa\" },\n".to_string(),
        ),
        (
            "sun/security/util/AuthResources_sv.java",
            "        {\"password.\",\"l\\u00F6senord: \"},\n        {\"Keystore.password.\",\"Nyckellagerl\\u00F6senord: \"},\n"
                .to_string(),
        ),
        // Java resource bundles write the same escapes in `.properties` files.
        (
            "src/main/resources/messages_pl.properties",
            "label.password=Contrase\\u00f1a\nlogin.token=Jet\\u00f3n\npassword.prompt=Has\\u0142o:\n"
                .to_string(),
        ),
        (
            "sun/security/tools/keytool/Resources_sv.java",
            "                \"-keypasswd-kommandon st\\u00F6ds inte om -storetype \\u00E4r PKCS12\"},\n"
                .to_string(),
        ),
    ]);
    // The same rows holding a secret, and a typed password spelled with an escape.
    let s = secret();
    assert_reported(&[
        (
            "sun/security/util/AuthResources_sv.java",
            format!("        {{\"password.\",\"{s}\"}},\n"),
            "generic-password",
        ),
        (
            "src/main/java/acme/Db.java",
            format!("    private static final String DB_PASSWORD = \"{s}\";\n"),
            "generic-password",
        ),
        (
            "src/main/resources/messages_pl.properties",
            format!("db.password={s}\n"),
            "generic-password",
        ),
    ]);
    let typed = ["L\\u00f6s", "enord", "2024", "!Xq"].concat();
    let found = reported(
        "src/main/java/acme/Db.java",
        &format!("    String password = \"{typed}\";\n"),
    );
    assert!(
        found.iter().any(|(r, _)| r == "generic-password"),
        "{found:?}"
    );
}

#[test]
fn java_kotlin_csharp_and_swift_names_and_lookups_are_quiet() {
    // wild-tune4 shapes (the JDK, React Native modules, pythonnet) and the frameworks around
    // them (Gradle, Jenkins pipelines, HOCON, Scala): constants naming a property, an
    // algorithm or a header; annotations; JNDI names; Javadoc; lookups, prompts, templates
    // and credential bindings. Quiet on main already: kept as guards.
    let java = [
        "public static final String PASSWORD_PROPERTY = \"javax.net.ssl.keyStorePassword\";",
        "private static final String SECRET_KEY_ALGORITHM = \"PBKDF2WithHmacSHA256\";",
        "private static final String TOKEN_HEADER = \"X-Auth-Token\";",
        "public static final String JNDI_PASSWORD = \"java:comp/env/jdbc/password\";",
        "String password7 = \"java.naming.security.credentials\";",
        "@Resource(name = \"jdbc/passwordStore\") private DataSource ds;",
        "@Value(\"${db.password}\") private String password;",
        "@JsonProperty(\"access_token\") private String accessToken;",
        "@Column(name = \"PASSWORD_HASH\") private String passwordHash;",
        "String password = System.getProperty(\"javax.net.ssl.trustStorePassword\");",
        "char[] pw = {'c', 'h', 'a', 'n', 'g', 'e'};",
        "ks.load(in, \"changeit\".toCharArray());",
        "char[] password = console.readPassword(\"Password: \");",
        "/** @param password the password, e.g. {@code password=secret} */",
        "String q = String.format(\"password=%s&user=%s\", pw, user);",
        "String sql = \"UPDATE users SET password = ? WHERE id = ?\";",
        "enum Field { PASSWORD(\"password\"), API_KEY(\"apiKey\"), TOKEN_TYPE(\"token_type\") }",
        "public static final String PASSWORD_REGEX = \"^(?=.*[0-9])(?=.*[a-z]).{8,}$\";",
        "String tokenEndpoint = \"https://oauth2.googleapis.com/token\";",
    ]
    .join("\n");
    let kotlin = [
        "val header = \"Bearer $token\"",
        "private const val PREF_TOKEN = \"pref_token\"",
        "@Json(name = \"access_token\") val accessToken: String,",
        "val token = intent.getStringExtra(EXTRA_TOKEN) ?: return",
    ]
    .join("\n");
    let csharp = [
        "var header = $\"Bearer {token}\";",
        "const string TokenHeader = \"X-Api-Token\";",
        "[JsonPropertyName(\"client_secret\")] public string ClientSecret { get; init; }",
        "options.ClientSecret = Configuration[\"Authentication:Google:ClientSecret\"];",
        "public const string PasswordResetTokenPurpose = \"ResetPassword\";",
    ]
    .join("\n");
    let swift = [
        "let header = \"Bearer \\(token)\"",
        "static let accessTokenKey = \"accessToken\"",
        "let apiKey = Bundle.main.object(forInfoDictionaryKey: \"API_KEY\") as? String",
        "let password = KeychainWrapper.standard.string(forKey: \"password\")",
    ]
    .join("\n");
    let gradle = "signingConfigs {\n  release {\n    storePassword System.getenv(\"KEYSTORE_PASSWORD\")\n    keyPassword project.findProperty(\"keyPassword\") ?: \"\"\n  }\n}\nbuildConfigField \"String\", \"API_KEY\", \"\\\"${apiKey}\\\"\"\n";
    assert_quiet(&[
        ("src/main/java/acme/Probe.java", java),
        ("app/src/main/kotlin/acme/Probe.kt", kotlin),
        ("src/Acme/Settings.cs", csharp),
        ("ios/Config.swift", swift),
        ("app/build.gradle", gradle.to_string()),
        (
            "Jenkinsfile",
            "environment {\n  API_TOKEN = credentials('api-token')\n}\nwithCredentials([usernamePassword(credentialsId: 'github', passwordVariable: 'PASS', usernameVariable: 'USER')]) {\n  sh \"curl -u $USER:$PASS https://api.github.com/user\"\n}\n"
                .to_string(),
        ),
        (
            "conf/application.conf",
            "db.default.password = ${?DB_PASSWORD}\nplay.http.secret.key = ${?APPLICATION_SECRET}\napi {\n  token-header = \"X-Api-Token\"\n}\n"
                .to_string(),
        ),
        (
            "src/main/scala/App.scala",
            "val password = config.getString(\"db.password\")\nval secret = sys.env.getOrElse(\"SECRET\", \"\")\nval header = s\"Bearer ${creds.token}\"\n"
                .to_string(),
        ),
    ]);
    // The same languages with a literal secret: still findings.
    let s = secret();
    assert_reported(&[
        (
            "src/main/java/acme/Probe.java",
            format!("private static final String DB_PASSWORD = \"{s}\";"),
            "generic-password",
        ),
        (
            "src/main/java/acme/Probe.java",
            format!("char[] password = \"{s}\".toCharArray();"),
            "generic-password",
        ),
        (
            "src/main/java/acme/Probe.java",
            format!("props.setProperty(\"javax.net.ssl.keyStorePassword\", \"{s}\");"),
            "generic-password",
        ),
        (
            "app/src/main/kotlin/acme/Probe.kt",
            format!("private val secret = \"{s}\""),
            "generic-secret",
        ),
        (
            "src/Acme/Settings.cs",
            format!("private const string ApiKey = \"{s}\";"),
            "generic-api-key",
        ),
        (
            "ios/Config.swift",
            format!("private let apiSecret = \"{s}\""),
            "generic-secret",
        ),
        (
            "conf/prod.conf",
            format!("app.secret = \"{s}\"\n"),
            "generic-secret",
        ),
    ]);
}
