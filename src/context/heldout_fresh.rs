//! Second held-aside recall set (issue 13), written on 2026-12-06 after the first set
//! ([`super::heldout`]) had been looked at and before any of the lexer work it led to: forms
//! modelled on lines of real code (each case says where such a line was seen: a public
//! repository's file, or a package fetched by `scripts/corpus-fetch.sh`), in languages and
//! tools the first set did not cover, with the real value replaced by a generated token.
//! Kept untouched while the extractors were changed, and run only to report recall and
//! precision:
//!
//! `cargo test --lib held_aside_fresh -- --nocapture`
//!
//! Placeholders as in the first set: `{S}` a Speckle token, `{P}` a Spell token, `{G}` a
//! generic secret.

#![cfg(test)]

use super::heldout::Case;

pub const CASES: &[Case] = &[
    // --- Apple platforms ---
    // ahmedfathy-m/URLSession-Modern-Concurrency URLRequest+Authorization.swift (setValue).
    Case { form: "swift setValue header", text: "let url = URL(string: \"https://speckle.acme-design.com/graphql\")!\nvar req = URLRequest(url: url)\nreq.setValue(\"Bearer {S}\", forHTTPHeaderField: \"Authorization\")\n", rule: Some("speckle-token") },
    // the same idiom with addValue (a URLRequest extension, "authorized(with:)").
    Case { form: "swift addValue api key", text: "request.addValue(\"{G}\", forHTTPHeaderField: \"X-Api-Key\")\n", rule: Some("generic-api-key") },
    Case { form: "swift static let", text: "enum Secrets {\n    static let spellToken = \"{P}\"\n}\n", rule: Some("spell-token") },
    Case { form: "swift struct property", text: "struct Config {\n    let apiKey: String = \"{G}\"\n}\n", rule: Some("generic-api-key") },
    Case { form: "objc NSString", text: "static NSString *const kSpeckleToken = @\"{S}\";\n", rule: Some("speckle-token") },
    Case { form: "objc setValue header", text: "[request setValue:@\"Bearer {S}\" forHTTPHeaderField:@\"Authorization\"]; // https://app.speckle.systems/graphql\n", rule: Some("speckle-token") },
    Case { form: "objc #define", text: "#define API_SECRET @\"{G}\"\n", rule: Some("generic-secret") },
    Case { form: "plist key/string", text: "<dict>\n\t<key>SpeckleToken</key>\n\t<string>{S}</string>\n</dict>\n", rule: Some("speckle-token") },
    // --- JVM ---
    // akgullberk/Jetpack-Compose-NewsApp-MVVM ApiKeyInterceptor.kt (addHeader with a literal).
    Case { form: "kotlin okhttp addHeader", text: "val newRequest = originalRequest.newBuilder()\n    .addHeader(\"X-Api-Key\", \"{G}\")\n    .build()\n", rule: Some("generic-api-key") },
    Case { form: "kotlin const val", text: "object Keys {\n    const val SPELL_TOKEN = \"{P}\"\n}\n", rule: Some("spell-token") },
    Case { form: "kotlin buildConfigField", text: "        buildConfigField(\"String\", \"SPECKLE_TOKEN\", \"\\\"{S}\\\"\")\n", rule: Some("speckle-token") },
    Case { form: "java setRequestProperty", text: "HttpURLConnection conn = (HttpURLConnection) new URL(\"https://app.speckle.systems/graphql\").openConnection();\nconn.setRequestProperty(\"Authorization\", \"Bearer {S}\");\n", rule: Some("speckle-token") },
    Case { form: "java static final", text: "    private static final String DB_PASSWORD = \"{G}\";\n", rule: Some("generic-password") },
    Case { form: "scala config literal", text: "  private val apiSecret: String = \"{G}\"\n", rule: Some("generic-secret") },
    Case { form: "groovy gradle ext", text: "ext {\n    speckleToken = '{S}'\n}\n", rule: Some("speckle-token") },
    Case { form: "gradle.kts extra", text: "extra[\"spellToken\"] = \"{P}\"\n", rule: Some("spell-token") },
    // --- .NET ---
    Case { form: "c# DefaultRequestHeaders", text: "client.BaseAddress = new Uri(\"https://app.speckle.systems\");\nclient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"{S}\");\n", rule: Some("speckle-token") },
    Case { form: "c# Account initializer", text: "var account = new Account {\n    token = \"{S}\",\n    serverInfo = new ServerInfo { url = \"https://app.speckle.systems\" }\n};\n", rule: Some("speckle-token") },
    Case { form: "c# const", text: "    private const string ApiKey = \"{G}\";\n", rule: Some("generic-api-key") },
    Case { form: "f# let literal", text: "let [<Literal>] SpellToken = \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "vb.net Dim", text: "Dim dbPassword As String = \"{G}\"\n", rule: Some("generic-password") },
    // --- C family ---
    Case { form: "c static const char", text: "static const char *speckle_token = \"{S}\";\n", rule: Some("speckle-token") },
    Case { form: "c #define generic", text: "#define DB_PASSWORD \"{G}\"\n", rule: Some("generic-password") },
    Case { form: "c curl_slist_append", text: "headers = curl_slist_append(headers, \"Authorization: Bearer {S}\");\ncurl_easy_setopt(curl, CURLOPT_URL, \"https://app.speckle.systems/graphql\");\n", rule: Some("speckle-token") },
    Case { form: "c++ constexpr", text: "constexpr const char* kSpellToken = \"{P}\";\n", rule: Some("spell-token") },
    Case { form: "c++ std::string brace", text: "std::string api_key{\"{G}\"};\n", rule: Some("generic-api-key") },
    Case { form: "c++ qt setRawHeader", text: "request.setRawHeader(\"Authorization\", \"Bearer {S}\"); // speckle.acme-design.com\n", rule: Some("speckle-token") },
    Case { form: "rust reqwest bearer_auth", text: "let res = client.post(\"https://app.speckle.systems/graphql\")\n    .bearer_auth(\"{S}\")\n    .send()?;\n", rule: Some("speckle-token") },
    Case { form: "rust const", text: "const SPELL_TOKEN: &str = \"{P}\";\n", rule: Some("spell-token") },
    Case { form: "zig const", text: "const api_secret = \"{G}\";\n", rule: Some("generic-secret") },
    // --- BEAM ---
    // TWChennai/RecruitX-Backend web/APIKeyAuthenticator.ex (module attribute holding a key).
    Case { form: "elixir @attr", text: "  @speckle_token \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "elixir headers tuple", text: "    headers = [{\"authorization\", \"Bearer {S}\"}, {\"accept\", \"application/json\"}]\n    Req.post!(\"https://app.speckle.systems/graphql\", headers: headers)\n", rule: Some("speckle-token") },
    Case { form: "elixir keyword config", text: "config :my_app, MyApp.Repo,\n  password: \"{G}\",\n  hostname: \"db\"\n", rule: Some("generic-password") },
    Case { form: "erlang tuple", text: "{spell_token, \"{P}\"}.\n", rule: Some("spell-token") },
    // --- scripting ---
    Case { form: "lua table field", text: "local config = {\n  speckle_token = \"{S}\",\n}\n", rule: Some("speckle-token") },
    Case { form: "r httr add_headers", text: "res <- httr::POST(\"https://app.speckle.systems/graphql\", httr::add_headers(Authorization = \"Bearer {S}\"))\n", rule: Some("speckle-token") },
    Case { form: "r assign arrow", text: "api_key <- \"{G}\"\n", rule: Some("generic-api-key") },
    Case { form: "julia const", text: "const SPELL_TOKEN = \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "powershell ConvertTo-SecureString", text: "$secpasswd = ConvertTo-SecureString \"{G}\" -AsPlainText -Force\n", rule: Some("generic-password") },
    Case { form: "powershell hashtable", text: "$config = @{\n    SpeckleToken = '{S}'\n}\n", rule: Some("speckle-token") },
    Case { form: "perl hash", text: "my %cfg = (api_key => '{G}');\n", rule: Some("generic-api-key") },
    Case { form: "fish set -x", text: "set -x SPELL_TOKEN {P}\n", rule: Some("spell-token") },
    Case { form: "haskell binding", text: "speckleToken :: Text\nspeckleToken = \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "clojure def", text: "(def api-secret \"{G}\")\n", rule: Some("generic-secret") },
    Case { form: "nim let", text: "let spellToken = \"{P}\"\n", rule: Some("spell-token") },
    // --- config and tools ---
    Case { form: "nix attribute", text: "  services.myapp.speckleToken = \"{S}\";\n", rule: Some("speckle-token") },
    Case { form: "bicep param default", text: "param dbPassword string = '{G}'\n", rule: Some("generic-password") },
    Case { form: "bitbucket pipelines", text: "pipelines:\n  default:\n    - step:\n        script:\n          - export SPECKLE_TOKEN={S}\n", rule: Some("speckle-token") },
    Case { form: "travis env global", text: "env:\n  global:\n    - SPELL_TOKEN={P}\n", rule: Some("spell-token") },
    Case { form: "rclone.conf", text: "[speckle-files]\ntype = webdav\npass = {G}\n", rule: Some("generic-password") },
    Case { form: "nuget packageSourceCredentials", text: "<packageSourceCredentials>\n  <acme>\n    <add key=\"ClearTextPassword\" value=\"{G}\" />\n  </acme>\n</packageSourceCredentials>\n", rule: Some("generic-password") },
    Case { form: ".pypirc", text: "[pypi]\nusername = __token__\npassword = {G}\n", rule: Some("generic-password") },
    Case { form: "requests.http variable", text: "@speckleToken = {S}\nPOST https://app.speckle.systems/graphql\nAuthorization: Bearer {{speckleToken}}\n", rule: Some("speckle-token") },
    // --- negatives of the same shapes ---
    Case { form: "swift interpolated header", text: "request.setValue(\"Bearer \\(token)\", forHTTPHeaderField: \"Authorization\")\n", rule: None },
    Case { form: "kotlin template header", text: "    .addHeader(\"Authorization\", \"Bearer ${BuildConfig.API_TOKEN}\")\n", rule: None },
    Case { form: "elixir env attr", text: "  @api_key System.get_env(\"API_KEY\")\n", rule: None },
    Case { form: "c #define header name", text: "#define SPECKLE_TOKEN_HEADER \"Authorization\"\n", rule: None },
    Case { form: "c++ getenv", text: "const std::string speckle_token = std::getenv(\"SPECKLE_TOKEN\");\n", rule: None },
    Case { form: "objc keychain", text: "NSString *token = [keychain stringForKey:@\"speckleToken\"];\n", rule: None },
    Case { form: "java header constant", text: "    public static final String API_KEY_HEADER = \"X-Api-Key\";\n", rule: None },
    Case { form: "c# config lookup", text: "var apiKey = Configuration[\"Speckle:ApiKey\"];\n", rule: None },
    Case { form: "r Sys.getenv", text: "token <- Sys.getenv(\"SPECKLE_TOKEN\")\n", rule: None },
    Case { form: "powershell param", text: "param([string]$SpeckleToken = $env:SPECKLE_TOKEN)\n", rule: None },
    Case { form: "git sha in define", text: "#define SPECKLE_BUILD_COMMIT \"5c3d0f2b9e8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d\"\n", rule: None },
    Case { form: "lua require", text: "local password_hash = require(\"resty.password_hash\")\n", rule: None },
];

#[test]
fn held_aside_fresh_recall_and_precision() {
    let t = super::heldout::score(CASES, 1001);
    println!(
        "held-aside (fresh): recall {}/{} = {:.3}, precision {}/{} = {:.3}, negatives quiet {}/{}\n  missed: {:?}\n  noisy: {:?}",
        t.found,
        t.positives,
        t.recall(),
        t.right,
        t.reported,
        t.precision(),
        t.negatives_quiet,
        t.negatives,
        t.missed,
        t.noisy
    );
    assert!(t.positives >= 50 && t.negatives >= 10 && t.reported >= t.found);
}
