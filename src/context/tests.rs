//! Table-driven tests of the extractors: for each syntax, the key and value a text yields,
//! and texts that must yield no such candidate.

use super::*;

/// A made-up secret, built at run time so no token-shaped string is committed.
fn v() -> String {
    ["Qz7", "kP2", "mW9", "xL4", "vR8"].concat()
}

/// `(key, secret, callee, header, host, key path)` of a candidate.
type Seen = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
);

/// Every candidate of `text` at `path`.
fn found(path: &str, text: &str) -> Vec<Seen> {
    let kind = Kind::detect(Some(path), text.as_bytes());
    extract_all(text.as_bytes(), kind)
        .into_iter()
        .map(|c| {
            let mut path_keys = structure::parents(text.as_bytes(), kind, c.line_start);
            path_keys.extend(c.parents.clone());
            (
                c.key.clone(),
                c.secret().to_string(),
                c.callee.clone(),
                c.header.clone(),
                c.host.clone(),
                path_keys,
            )
        })
        .collect()
}

/// Whether `text` yields the secret under a key holding `key` (case-insensitive).
fn yields(path: &str, text: &str, key: &str) -> bool {
    let secret = v();
    found(path, text)
        .iter()
        .any(|(k, s, ..)| *s == secret && k.to_lowercase().contains(&key.to_lowercase()))
}

#[test]
fn assignments_in_every_syntax() {
    let cases: &[(&str, &str, &str)] = &[
        (".env", "API_TOKEN={V}\n", "api_token"),
        (".env", "export API_TOKEN=\"{V}\"\n", "api_token"),
        ("run.sh", "export API_TOKEN={V} && make\n", "api_token"),
        ("run.sh", "API_TOKEN='{V}' ./deploy\n", "api_token"),
        ("Dockerfile", "ENV API_TOKEN {V}\n", "api_token"),
        ("Dockerfile", "ENV API_TOKEN={V} OTHER=1\n", "api_token"),
        ("Dockerfile", "ARG API_TOKEN={V}\n", "api_token"),
        ("Makefile", "API_TOKEN = {V}\n", "api_token"),
        ("Makefile", "API_TOKEN := {V}\n", "api_token"),
        ("Makefile", "API_TOKEN ?= {V}\n", "api_token"),
        ("Makefile", "API_TOKEN ::= {V}\n", "api_token"),
        ("Makefile", "API_TOKEN :::= {V}\n", "api_token"),
        ("Makefile", "API_TOKEN += {V}\n", "api_token"),
        ("app.properties", "api.token={V}\n", "api.token"),
        ("app.properties", "api.token: {V}\n", "api.token"),
        ("app.ini", "[auth]\ntoken = {V} ; set by ops\n", "token"),
        ("Cargo.toml", "[auth]\ntoken = \"{V}\"\n", "token"),
        ("values.yaml", "auth:\n  token: {V}\n", "token"),
        // A value that ends a docstring keeps none of its closing quotes.
        ("notes.txt", "    api_token: {V}\"\"\"\n", "api_token"),
        ("values.yaml", "EXAMPLES = r'''\n  token: {V}'''\n", "token"),
        ("values.yaml", "auth:\n  token: \"{V}\"\n", "token"),
        ("a.json", "{\"auth\": {\"token\": \"{V}\"}}\n", "token"),
        (
            "main.tf",
            "variable \"api_token\" {\n  default = \"{V}\"\n}\n",
            "default",
        ),
        ("main.tf", "api_token = \"{V}\"\n", "api_token"),
        (
            "web.config",
            "<add key=\"ApiToken\" value=\"{V}\" />\n",
            "apitoken",
        ),
        ("a.xml", "<token>{V}</token>\n", "token"),
        ("a.xml", "<token>\n  {V}\n</token>\n", "token"),
        (
            "a.xml",
            "<property name=\"api.token\">{V}</property>\n",
            "api.token",
        ),
        ("a.py", "API_TOKEN = \"{V}\"\n", "api_token"),
        ("a.py", "api_token: str = \"{V}\"\n", "api_token"),
        ("a.py", "os.environ[\"API_TOKEN\"] = \"{V}\"\n", "api_token"),
        ("a.py", "cfg = {\"token\": f\"{V}\"}\n", "token"),
        ("a.js", "const apiToken = '{V}';\n", "apitoken"),
        ("a.ts", "const apiToken: string = `{V}`;\n", "apitoken"),
        ("a.js", "export default { apiToken: \"{V}\" }\n", "apitoken"),
        ("main.go", "apiToken := \"{V}\"\n", "apitoken"),
        ("main.go", "var apiToken string = \"{V}\"\n", "apitoken"),
        ("main.go", "const apiToken = `{V}`\n", "apitoken"),
        ("main.go", "cfg := Config{Token: \"{V}\"}\n", "token"),
        (
            "A.java",
            "private static final String API_TOKEN = \"{V}\";\n",
            "api_token",
        ),
        ("A.kt", "val apiToken: String = \"{V}\"\n", "apitoken"),
        ("A.cs", "string apiToken = \"{V}\";\n", "apitoken"),
        ("a.rb", "API_TOKEN = '{V}'\n", "api_token"),
        ("a.rb", "client = Client.new(token: \"{V}\")\n", "token"),
        ("a.php", "$config['token'] = '{V}';\n", "token"),
        ("a.php", "$token .= '{V}';\n", "token"),
        ("a.php", "return ['token' => '{V}'];\n", "token"),
        ("main.rs", "const API_TOKEN: &str = \"{V}\";\n", "api_token"),
        ("main.rs", "let api_token = \"{V}\";\n", "api_token"),
        ("notes.txt", "API_TOKEN={V}\n", "api_token"),
        ("notes.txt", "token: {V}\n", "token"),
        // Declarations with no operator, and declarations whose name comes last.
        ("a.h", "#define API_TOKEN \"{V}\"\n", "api_token"),
        ("a.m", "#define API_TOKEN @\"{V}\"\n", "api_token"),
        ("lib/a.ex", "  @api_token \"{V}\"\n", "api_token"),
        ("conf.fish", "set -gx API_TOKEN {V}\n", "api_token"),
        ("a.tcl", "set api_token \"{V}\"\n", "api_token"),
        (
            "a.cpp",
            "const std::string api_token = \"{V}\";\n",
            "api_token",
        ),
        (
            "a.cpp",
            "static const char *api_token = \"{V}\";\n",
            "api_token",
        ),
        ("a.cpp", "std::string api_token{\"{V}\"};\n", "api_token"),
        (
            "a.m",
            "static NSString *const kApiToken = @\"{V}\";\n",
            "kapitoken",
        ),
        ("A.kt", "const val API_TOKEN = \"{V}\"\n", "api_token"),
        ("a.swift", "static let apiToken = \"{V}\"\n", "apitoken"),
        ("a.vb", "Dim apiToken As String = \"{V}\"\n", "apitoken"),
        ("a.R", "api_token <- \"{V}\"\n", "api_token"),
        ("a.clj", "(def api-token \"{V}\")\n", "api-token"),
        ("a.erl", "{api_token, \"{V}\"}.\n", "api_token"),
        ("a.ex", "[{\"api_token\", \"{V}\"}]\n", "api_token"),
        (
            "build.gradle.kts",
            "buildConfigField(\"String\", \"API_TOKEN\", \"\\\"{V}\\\"\")\n",
            "api_token",
        ),
        (
            "Info.plist",
            "<dict>\n  <key>ApiToken</key>\n  <string>{V}</string>\n</dict>\n",
            "apitoken",
        ),
    ];
    let secret = v();
    for (path, text, key) in cases {
        let text = text.replace("{V}", &secret);
        assert!(
            yields(path, &text, key),
            "{path}: {text:?} -> {:?}",
            found(path, &text)
        );
    }
}

#[test]
fn concatenated_literals_are_joined() {
    let secret = v();
    let (a, b) = secret.split_at(7);
    for (path, text) in [
        ("a.js", format!("const apiToken = \"{a}\" + \"{b}\";\n")),
        ("a.py", format!("API_TOKEN = (\"{a}\" \"{b}\")\n")),
        ("a.php", format!("$token = '{a}' . '{b}';\n")),
    ] {
        assert!(
            yields(path, &text, "token"),
            "{path}: {text:?} -> {:?}",
            found(path, &text)
        );
    }
}

#[test]
fn quoted_values_are_never_cut_at_delimiters() {
    let pw = ["Xq7;Lm9", "#vR2kP8wZ"].concat();
    for (path, text) in [
        ("values.yaml", format!("password: \"{pw}\"\n")),
        (".env", format!("PASSWORD=\"{pw}\"\n")),
        ("a.py", format!("password = '{pw}'\n")),
        ("a.json", format!("{{\"password\": \"{pw},x\"}}\n")),
    ] {
        let all = found(path, &text);
        assert!(
            all.iter()
                .any(|(k, s, ..)| k.eq_ignore_ascii_case("password") && s.starts_with(pw.as_str())),
            "{path}: {all:?}"
        );
    }
}

#[test]
fn call_arguments_carry_their_callee() {
    let secret = v();
    let cases: &[(&str, &str, &str)] = &[
        (
            "a.py",
            "client.authenticate_with_token(\"{V}\")\n",
            "client.authenticate_with_token",
        ),
        (
            "a.py",
            "client = SpellClient(token=\"{V}\", owner=\"acme\")\n",
            "SpellClient",
        ),
        (
            "a.js",
            "const c = new ObjectLoader({ token: '{V}' })\n",
            "ObjectLoader",
        ),
        (
            "a.ts",
            "const loader = new SpeckleLoader(tree, url, '{V}')\n",
            "SpeckleLoader",
        ),
        ("A.cs", "var c = new Client(\"{V}\");\n", "Client"),
    ];
    for (path, text, callee) in cases {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            all.iter()
                .any(|(_, s, c, ..)| *s == secret && c.as_deref() == Some(*callee)),
            "{path}: {text:?} -> {all:?}"
        );
    }
}

#[test]
fn headers_in_code_and_commands() {
    let secret = v();
    let cases: &[(&str, &str, &str)] = &[
        (
            "a.go",
            "req.Header.Set(\"Authorization\", \"Bearer {V}\")\n",
            "Authorization",
        ),
        (
            "a.js",
            "xhr.setRequestHeader('X-Api-Key', '{V}');\n",
            "X-Api-Key",
        ),
        (
            "a.py",
            "headers = {\"Authorization\": \"Bearer {V}\"}\n",
            "Authorization",
        ),
        (
            "a.py",
            "session.headers['X-Auth-Token'] = '{V}'\n",
            "X-Auth-Token",
        ),
        (
            "run.sh",
            "curl -H \"Authorization: Bearer {V}\" https://api.acme.io/x\n",
            "Authorization",
        ),
        (
            "run.sh",
            "curl -H 'X-Api-Key:{V}' https://api.acme.io/x\n",
            "X-Api-Key",
        ),
        ("req.http", "Authorization: token {V}\n", "Authorization"),
        // The header named after its value.
        (
            "a.swift",
            "req.setValue(\"Bearer {V}\", forHTTPHeaderField: \"Authorization\")\n",
            "Authorization",
        ),
        (
            "a.m",
            "[req setValue:@\"{V}\" forHTTPHeaderField:@\"X-Api-Key\"];\n",
            "X-Api-Key",
        ),
        // The scheme beside the value, a bearer call, a header pair in a tuple.
        (
            "A.cs",
            "c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"{V}\");\n",
            "Authorization",
        ),
        (
            "main.rs",
            "let r = client.get(url).bearer_auth(\"{V}\").send()?;\n",
            "Authorization",
        ),
        (
            "a.ex",
            "headers = [{\"authorization\", \"Bearer {V}\"}]\n",
            "authorization",
        ),
        (
            "a.R",
            "httr::GET(u, httr::add_headers(Authorization = \"Bearer {V}\"))\n",
            "Authorization",
        ),
    ];
    for (path, text, header) in cases {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            all.iter()
                .any(|(_, s, _, h, ..)| *s == secret && h.as_deref() == Some(*header)),
            "{path}: {text:?} -> {all:?}"
        );
    }
}

#[test]
fn urls_give_userinfo_query_and_host() {
    let secret = v();
    let text = format!("curl https://bob:{secret}@db.acme.io:5432/app\n");
    let all = found("run.sh", &text);
    assert!(
        all.iter().any(|(k, s, .., host, _)| k == "password"
            && *s == secret
            && host.as_deref() == Some("db.acme.io")),
        "{all:?}"
    );
    let text = format!("GET https://speckle.acme.io/api/x?a=1&token={secret}#f\n");
    let all = found("notes.txt", &text);
    assert!(
        all.iter().any(|(k, s, .., host, _)| k == "token"
            && *s == secret
            && host.as_deref() == Some("speckle.acme.io")),
        "{all:?}"
    );
    let text = format!("curl -u admin:{secret} https://api.acme.io\n");
    let all = found("run.sh", &text);
    assert!(
        all.iter().any(|(k, s, ..)| k == "password" && *s == secret),
        "{all:?}"
    );
}

#[test]
fn basic_auth_decodes_to_the_password() {
    use base64::Engine;
    let secret = v();
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("deploy:{secret}"));
    for (path, text) in [
        (
            "a.py",
            format!("headers = {{\"Authorization\": \"Basic {encoded}\"}}\n"),
        ),
        (
            "run.sh",
            format!("curl -H 'Authorization: Basic {encoded}' https://x.acme.io\n"),
        ),
    ] {
        let all = found(path, &text);
        assert!(
            all.iter().any(|(k, s, ..)| k == "password" && *s == secret),
            "{path}: {all:?}"
        );
    }
}

#[test]
fn parents_come_from_indentation_braces_sections_and_tags() {
    let secret = v();
    let cases: &[(&str, &str, &str)] = &[
        (
            "values.yaml",
            "speckle:\n  server: https://a.b\n  auth:\n    token: {V}\n",
            "speckle",
        ),
        (
            "a.json",
            "{\n  \"speckle\": {\n    \"token\": \"{V}\"\n  }\n}\n",
            "speckle",
        ),
        (
            "main.tf",
            "variable \"speckle_token\" {\n  type = string\n  default = \"{V}\"\n}\n",
            "speckle_token",
        ),
        ("a.ini", "[speckle]\ntoken = {V}\n", "speckle"),
        (
            "a.xml",
            "<speckle>\n  <token>{V}</token>\n</speckle>\n",
            "speckle",
        ),
        ("a.json", "{\"speckle\": {\"token\": \"{V}\"}}\n", "speckle"),
    ];
    for (path, text, parent) in cases {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            all.iter()
                .any(|(.., s, _, _, _, p)| *s == secret && p.iter().any(|x| x == parent))
                || all
                    .iter()
                    .any(|(_, s, _, _, _, p)| *s == secret && p.iter().any(|x| x == parent)),
            "{path}: {text:?} -> {all:?}"
        );
    }
}

#[test]
fn code_yields_no_unquoted_values_and_types_are_not_values() {
    // Unquoted values in code are expressions: none is a candidate, except on a line that
    // opens `key: word` (read line-based, as a pasted config line would be), where the
    // classifier rejects the type name.
    for (path, text) in [
        ("a.ts", "const token = res.data.token;\n"),
        ("a.ts", "  password: string;\n"),
        ("a.ts", "  token?: AccessToken | null;\n"),
        ("a.py", "password: Optional[str] = None\n"),
        ("a.go", "token := os.Getenv(\"TOKEN\")\n"),
        ("a.kt", "val token: String = prefs.token\n"),
        ("a.py", "password = user_input\n"),
    ] {
        let all = found(path, text);
        assert!(
            all.iter().all(
                |(k, s, ..)| !(k.contains("token") || k.contains("password"))
                    || s == "TOKEN"
                    || classify::judge(s, true).is_err()
            ),
            "{path}: {text:?} -> {all:?}"
        );
    }
}

#[test]
fn malformed_lines_fall_back_without_panicking() {
    for text in [
        "\"unterminated = 'x\n",
        "{{{{[[[(((\n",
        ")]}=:=:\n",
        "<a><b></c>\n",
        "://@:?&=#\n",
        "ENV\n",
        "\u{feff}ключ=значение\n",
    ] {
        for path in ["a.py", ".env", "Dockerfile", "a.xml", "a.json", "x"] {
            let _ = found(path, text);
        }
    }
    // Unknown syntax still gives line-based key/value candidates.
    assert!(yields(
        "notes",
        &format!("SOME_TOKEN = {}\n", v()),
        "some_token"
    ));
}

#[test]
fn whole_file_candidate_is_one_token() {
    let secret = v();
    let c = whole_file_candidate(format!("  {secret}\n").as_bytes()).unwrap();
    assert_eq!(c.secret(), secret);
    assert!(whole_file_candidate(b"two words\n").is_none());
}

#[test]
fn encoded_values_are_decoded_from_the_value_start() {
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    use base64::Engine;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let rules_of = |path: &str, text: &str| -> Vec<(String, String)> {
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
    };
    let pw = v();
    // `.npmrc` `_auth` and `Authorization: Basic` are `user:password`: the password is the
    // finding.
    for (path, text) in [
        (
            ".npmrc",
            format!(
                "//registry.acme-corp.io/:_auth={}\n",
                b64(&format!("ci:{pw}"))
            ),
        ),
        (
            "call.sh",
            format!(
                "curl -H 'Authorization: Basic {}' https://ci.acme-corp.io\n",
                b64(&format!("ci:{pw}"))
            ),
        ),
    ] {
        let found = rules_of(path, &text);
        assert!(
            found
                .iter()
                .any(|(r, s)| r == "generic-password" && *s == pw),
            "{path}: {found:?}"
        );
    }
    // Base64 after `KEY=` is decoded from the value's first character.
    let body: String = (0..30)
        .map(|i| b"AbCdEfGhJkMnPqRsTuVwXyZ234567"[(i * 11 + 5) % 29] as char)
        .collect();
    let ghp = format!(
        "ghp_{body}{}",
        crate::scan::checksum::base62_crc32(body.as_bytes())
    );
    for text in [
        format!("AUTH_B64={}\n", b64(&ghp)),
        format!("AUTH_B64: {}\n", b64(&ghp)),
    ] {
        let found = rules_of("deploy.env", &text);
        assert!(found.iter().any(|(_, s)| *s == ghp), "{text}: {found:?}");
    }
}

/// Regression (found by tests/integration/engine_properties.rs): curl's `-u` followed by an
/// opening quote and nothing else made the lexer slice backwards and panic.
#[test]
fn a_lone_quote_after_curl_u_is_no_candidate_and_no_panic() {
    for line in [&b"-u \""[..], b"curl -u '", b"-u \"\"", b"-u \"a"] {
        let mut out = Vec::new();
        lexer::candidates(line, 0, 0, Kind::Shell, &mut out);
        assert!(out.iter().all(|c| c.key != "password"), "{line:?}");
    }
}

/// Rule ids the built-in catalog reports in `text` at `path`, with their secrets.
pub(super) fn reported(path: &str, text: &str) -> Vec<(String, String)> {
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    static SCANNER: std::sync::OnceLock<crate::scan::Scanner> = std::sync::OnceLock::new();
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

/// A 42-hex stand-in for a Speckle token, built at run time.
fn speckle_hex() -> String {
    "a3f9c1e7b2d4".repeat(4)[..42].to_string()
}

#[test]
fn hosts_written_without_a_scheme_are_nearby_hosts() {
    let positives: &[(&str, &[&str])] = &[
        ("// speckle.xyz\n", &["speckle.xyz"]),
        (
            "# server: speckle.acme-design.com.\n",
            &["speckle.acme-design.com"],
        ),
        ("host = \"api.acme.co.uk\"", &["api.acme.co.uk"]),
        ("<!-- hub.internal -->", &["hub.internal"]),
        ("mail ops@speckle.acme.io now", &["speckle.acme.io"]),
    ];
    for (text, want) in positives {
        let got = urls::bare_hosts(text.as_bytes());
        assert_eq!(&got, want, "{text:?}");
    }
    let negatives = [
        "speckle.token = x",        // a member, not a known suffix
        "self.speckle.app(config)", // a call
        "import speckle.dev.tools", // a longer chain whose last part is no suffix
        "./speckle.com/graphql",    // a path
        "SpeckleClient.Io",         // not lowercase
        "client_speckle.io_stream", // glued to an identifier
        "version 1.2.3",            // no suffix
    ];
    for text in negatives {
        assert!(urls::bare_hosts(text.as_bytes()).is_empty(), "{text:?}");
    }
}

#[test]
fn a_header_set_near_a_host_named_without_a_scheme_is_attributed() {
    let token = speckle_hex();
    let positives = [
        (
            "net.cpp",
            "request.setRawHeader(\"Authorization\", \"Bearer {T}\"); // speckle.xyz\n",
        ),
        (
            "net.cpp",
            "// server: speckle.acme-design.com\nQNetworkRequest request(url);\nrequest.setRawHeader(\"Authorization\", \"Bearer {T}\");\n",
        ),
        (
            "client.py",
            "SERVER = \"speckle.acme.io\"\nheaders = {\"Authorization\": \"Bearer {T}\"}\n",
        ),
    ];
    for (path, text) in positives {
        let text = text.replace("{T}", &token);
        let got = reported(path, &text);
        assert!(
            got.iter().any(|(r, s)| r == "speckle-token" && *s == token),
            "{text:?} -> {got:?}"
        );
    }
    // A dotted member or a call named for Speckle is no host.
    let negatives = [
        (
            "net.cpp",
            "request.setRawHeader(\"Authorization\", \"Bearer {T}\"); // see speckle.token\n",
        ),
        (
            "app.js",
            "speckle.app(cfg);\nfetch(u, {headers: {Authorization: \"Bearer {T}\"}})\n",
        ),
    ];
    for (path, text) in negatives {
        let text = text.replace("{T}", &token);
        let got = reported(path, &text);
        assert!(
            !got.iter().any(|(r, _)| r == "speckle-token"),
            "{text:?} -> {got:?}"
        );
    }
}

#[test]
fn literals_passed_to_credential_makers_are_candidates() {
    let secret = v();
    let positives: &[(&str, &str, &str)] = &[
        (
            "deploy.ps1",
            "$secpasswd = ConvertTo-SecureString \"{V}\" -AsPlainText -Force\n",
            "ConvertTo-SecureString",
        ),
        (
            "deploy.ps1",
            "ConvertTo-SecureString -String '{V}' -AsPlainText -Force | Set-Variable pw\n",
            "ConvertTo-SecureString",
        ),
        (
            "Mail.cs",
            "var c = new NetworkCredential(\"deploy\", \"{V}\");\n",
            "NetworkCredential",
        ),
        (
            "a.ps1",
            "$c = New-Object System.Management.Automation.PSCredential(\"u\", \"{V}\")\n",
            "System.Management.Automation.PSCredential",
        ),
        ("settings.py", "db = SecretStr(\"{V}\")\n", "SecretStr"),
        (
            "main.rs",
            "let key = Secret::new(\"{V}\".to_string());\n",
            "Secret::new",
        ),
        (
            "main.rs",
            "let key = SecretString::from(\"{V}\");\n",
            "SecretString::from",
        ),
    ];
    for (path, text, callee) in positives {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            all.iter()
                .any(|(_, s, c, ..)| *s == secret && c.as_deref() == Some(*callee)),
            "{path}: {text:?} -> {all:?}"
        );
        let got = reported(path, &text);
        assert!(
            got.iter()
                .any(|(r, s)| r == "generic-password" && *s == secret),
            "{path}: {text:?} -> {got:?}"
        );
    }
    // A variable, an environment lookup or a name is no literal secret; a string after a
    // word that does not start a statement is no command argument.
    let negatives: &[(&str, &str)] = &[
        (
            "deploy.ps1",
            "$p = ConvertTo-SecureString $env:DEPLOY_SECRET -AsPlainText -Force\n",
        ),
        (
            "Mail.cs",
            "var c = new NetworkCredential(user, password);\n",
        ),
        ("deploy.ps1", "$c = Get-Credential \"deploy-user\"\n"),
        ("settings.py", "db = SecretStr(os.environ[\"DB_SECRET\"])\n"),
        ("nginx.conf", "proxy_set_header X-Trace \"{V}\";\n"),
    ];
    for (path, text) in negatives {
        let text = text.replace("{V}", &secret);
        let got = reported(path, &text);
        assert!(
            !got.iter().any(|(r, _)| r == "generic-password"),
            "{path}: {text:?} -> {got:?}"
        );
    }
}

#[test]
fn short_password_key_names_in_config_assignments() {
    let secret = v();
    let positives: &[(&str, &str)] = &[
        ("rclone.conf", "[remote]\ntype = webdav\npass = {V}\n"),
        (".env", "SMTP_PASS={V}\n"),
        (".env", "DB_PW={V}\n"),
        ("config.yaml", "mysql:\n  pw: \"{V}\"\n"),
        ("app.ini", "[db]\npasswd = {V}\n"),
        ("app.ini", "[db]\npwd = {V}\n"),
        ("app.ini", "[key]\npassphrase = {V}\n"),
    ];
    for (path, text) in positives {
        let text = text.replace("{V}", &secret);
        let got = reported(path, &text);
        assert!(
            got.iter()
                .any(|(r, s)| r == "generic-password" && *s == secret),
            "{path}: {text:?} -> {got:?}"
        );
    }
    let negatives: &[(&str, &str)] = &[
        ("app.ini", "[net]\npass_through = {V}\n"),
        ("app.ini", "[user]\npassport = {V}\n"),
        ("app.ini", "[proxy]\nbypass = {V}\n"),
        ("app.ini", "[build]\nfirst_pass_count = {V}\n"),
        ("rclone.conf", "[remote]\npass = ${RCLONE_PASS}\n"),
    ];
    for (path, text) in negatives {
        let text = text.replace("{V}", &secret);
        let got = reported(path, &text);
        assert!(
            !got.iter().any(|(r, _)| r == "generic-password"),
            "{path}: {text:?} -> {got:?}"
        );
    }
}

#[test]
fn config_inside_escaped_strings_parameters_and_elements_is_read() {
    let secret = v();
    // (path, text, key): the secret under the key, found through the host's escapes, with
    // the decoded secret.
    let json_u = |s: &str| {
        s.chars()
            .map(|c| match c {
                '/' => "\\/".to_string(),
                c if c.is_ascii_alphanumeric() || c == ' ' => c.to_string(),
                c => format!("\\u{:04x}", c as u32),
            })
            .collect::<String>()
    };
    let percent = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let positives: Vec<(&str, String, &str)> = vec![
        (
            "a.json",
            "{\"config\": \"client = Client(api_key=\\\"{V}\\\")\"}\n".to_string(),
            "api_key",
        ),
        (
            "a.json",
            "{\"config\": \"acme:\\n  api_token: {V}\\n  region: eu\"}\n".to_string(),
            "api_token",
        ),
        (
            "a.json",
            format!(
                "{{\"value\":\"{}\"}}\n",
                json_u(&format!("API_TOKEN='{secret}'"))
            ),
            "api_token",
        ),
        (
            "a.js",
            "var cfg={k:\"headers = {'X-Api-Token': \\\"{V}\\\"}\"};\n".to_string(),
            "x-api-token",
        ),
        (
            "hook.sh",
            format!(
                "curl \"https://hooks.acme.internal/n?payload={}&retry=3\"\n",
                percent(&format!("Authorization: Custom-Scheme {secret}"))
            ),
            "authorization",
        ),
        (
            "hook.sh",
            format!(
                "curl \"https://hooks.acme.internal/n?payload={}\"\n",
                percent(&format!("api_token = \"{secret}\""))
            ),
            "api_token",
        ),
        (
            "web.config",
            "<value>api_token=&quot;{V}&quot;</value>\n".to_string(),
            "api_token",
        ),
    ];
    for (path, text, key) in &positives {
        let text = text.replace("{V}", &secret);
        assert!(
            yields(path, &text, key),
            "{path}: {text:?} -> {:?}",
            found(path, &text)
        );
    }
    // An entity inside a secret is decoded; a path segment is keyless (only a host anchor
    // takes it); plain prose in a string is not read as config.
    let amp = format!("{secret}&amp;x");
    let text = format!("<password>{amp}</password>\n");
    assert!(
        found("app.config", &text)
            .iter()
            .any(|(k, s, ..)| k == "password" && *s == format!("{secret}&x")),
        "{:?}",
        found("app.config", &text)
    );
    let text = format!("url = \"https://mainnet.infura.io/v3/{secret}\"\n");
    assert!(found("a.py", &text)
        .iter()
        .any(|(k, s, _, _, host, _)| k.is_empty()
            && *s == secret
            && host.as_deref() == Some("mainnet.infura.io")));
    let negatives: Vec<(&str, String)> = vec![
        (
            "a.json",
            "{\"help\": \"Set the token with \\\"--token\\\" then run it\"}\n".to_string(),
        ),
        (
            "hook.sh",
            "curl \"https://h.acme.internal/n?q=token%20{V}\"\n".to_string(),
        ),
    ];
    for (path, text) in &negatives {
        let text = text.replace("{V}", &secret);
        assert!(
            !yields(path, &text, "token"),
            "{path}: {text:?} -> {:?}",
            found(path, &text)
        );
    }
}

#[test]
fn setters_and_provider_schemes_name_their_values() {
    let secret = v();
    let positives: &[(&str, &str, &str)] = &[
        ("a.php", "$mollie->setApiKey(\"{V}\");\n", "setApiKey"),
        (
            "A.java",
            "Sdk.builder().secret_key(\"{V}\").build();\n",
            "secret_key",
        ),
        ("a.py", "auth = Auth.api_key(\"{V}\")\n", "api_key"),
        ("a.py", "client.with_token(\"{V}\")\n", "with_token"),
        (
            "call.sh",
            "Authorization: Klaviyo-API-Key {V}\n",
            "Authorization",
        ),
        (
            "a.py",
            "h = {\"Authorization\": \"SSWS {V}\"}\n",
            "Authorization",
        ),
    ];
    for (path, text, key) in positives {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            all.iter().any(|(k, s, ..)| *s == secret && k == key),
            "{path}: {text:?} -> {all:?}"
        );
    }
    // Getters and checks take a name, not a value to set.
    let negatives: &[(&str, &str)] = &[
        ("a.py", "t = vault.get_token(\"{V}\")\n"),
        ("a.py", "ok = verify_password(\"{V}\")\n"),
        ("a.js", "const k = loadApiKey('{V}')\n"),
    ];
    for (path, text) in negatives {
        let text = text.replace("{V}", &secret);
        let all = found(path, &text);
        assert!(
            !all.iter().any(|(k, s, ..)| *s == secret && !k.is_empty()),
            "{path}: {text:?} -> {all:?}"
        );
    }
}

#[test]
fn near_anchor_reads_the_value_line_and_the_lines_above() {
    let rule = rule::ContextRule::from_spec(
        Some(&crate::rules::syntax::ValueSpec {
            pattern: Some("[a-f0-9]{32}".into()),
            ..Default::default()
        }),
        &[crate::rules::syntax::ContextSpec {
            key: vec!["key".into()],
            near: vec!["^acmepay".into()],
            ..Default::default()
        }],
        false,
    )
    .unwrap();
    let hex = "3b6109cb5fe55e9984e65f13f1458522";
    let accepted = |path: &str, text: &str| {
        let kind = Kind::detect(Some(path), text.as_bytes());
        let mut facts = rule::Facts::new(text.as_bytes(), kind, Some(path));
        extract_all(text.as_bytes(), kind)
            .iter()
            .any(|c| rule.accepts(c, &mut facts).is_some())
    };
    for (path, text) in [
        ("a.py", format!("api_key = \"{hex}\"  # acmepay\n")),
        (
            "a.py",
            format!("# AcmePay settings\n\nAPI_KEY = \"{hex}\"\n"),
        ),
        ("a.yaml", format!("acmepay:\n  region: eu\n  key: {hex}\n")),
    ] {
        assert!(accepted(path, &text), "{text:?}");
    }
    for (path, text) in [
        // Not a credential key; the provider too far above; only inside another word.
        ("a.py", format!("app_id = \"{hex}\"  # acmepay\n")),
        ("a.py", format!("# acmepay\n\n\n\n\napi_key = \"{hex}\"\n")),
        ("a.py", format!("api_key = \"{hex}\"  # megaacmepay\n")),
    ] {
        assert!(!accepted(path, &text), "{text:?}");
    }
}

#[test]
fn any_callee_with_near_takes_positional_arguments_of_calls_only() {
    let rule = rule::ContextRule::from_spec(
        Some(&crate::rules::syntax::ValueSpec {
            pattern: Some("[a-f0-9]{32}".into()),
            ..Default::default()
        }),
        &[crate::rules::syntax::ContextSpec {
            callee: vec!["*".into()],
            near: vec!["^acmepay".into()],
            ..Default::default()
        }],
        false,
    )
    .unwrap();
    let hex = "3b6109cb5fe55e9984e65f13f1458522";
    let accepted = |text: &str| {
        let mut facts = rule::Facts::new(text.as_bytes(), Kind::Code, Some("a.py"));
        extract_all(text.as_bytes(), Kind::Code)
            .iter()
            .any(|c| rule.accepts(c, &mut facts).is_some())
    };
    assert!(accepted(&format!("c = Client('{hex}')  # acmepay\n")));
    assert!(accepted(&format!(
        "c = acmepay.Client(\"id\", \"{hex}\")\n"
    )));
    assert!(!accepted(&format!("digest = \"{hex}\"  # acmepay\n")));
    assert!(!accepted(&format!("c = Client('{hex}')  # payments\n")));
}

#[test]
fn zz_debug_candidates() {
    let Ok(path) = std::env::var("DBG_PATH") else {
        return;
    };
    let text = std::fs::read_to_string("/tmp/r/dbg.txt").unwrap();
    for c in found(&path, &text) {
        println!("{c:?}");
    }
}
