use super::*;
#[test]
fn scratch9() {
    let cases: &[(&str, &str)] = &[
        ("src/registerLicense.ts", "const licenseKey = (window as any).__SF_LICENSE__ ?? '{V}';\n"),
        ("app/config.py", "    SECRET_KEY = os.environ.get(\"SECRET_KEY\") or \"{V}\"\n"),
        ("src/config.rs", "let token = env::var(\"API_TOKEN\").unwrap_or_else(|_| \"{V}\".to_string());\n"),
        ("test/webhook.test.js", "const WEBHOOK_SECRET = 'whsec_' + Buffer.from('{V}').toString('base64');\n"),
        ("spec/webhook_spec.rb", "  SECRET = Base64.strict_encode64(\"{V}\")\n"),
        ("Tests/SignTests.swift", "let apiSecret = Data(\"{V}\".utf8)\n"),
        ("src/test/kotlin/ClientTest.kt", "        every { settings.apiSecret } returns \"{V}\"\n"),
        ("tests/test_webhook.py", "    sig = hmac.new(b\"{V}\", body, hashlib.sha256).hexdigest()\n"),
        ("src/test/java/RegistryTest.java", "    props.put(AbstractKafkaSchemaSerDeConfig.USER_INFO_CONFIG, \"svc:{V}\");\n"),
        ("tests/test_settings.py", "    settings[Config.API_TOKEN] = \"{V}\"\n"),
        ("tests/test_registry.py", "conf = {\"basic.auth.user.info\": \"svc:{V}\"}\n"),
        ("spec/auth_spec.rb", "  let(:jwt) { \"{V}\" }\n"),
        ("spec/auth_spec.rb", "  let(:api_token) { \"{V}\" }\n"),
    ];
    let filled: Vec<(String, String)> = cases.iter().map(|(p, t)| (p.to_string(), { let mut s = t.to_string(); for (k, v) in super::heldout_fresh2::fill(7) { s = s.replace(k, &v); } s = s.replace("{V}", "Hq4tN7wZ2pK9mR3xL6"); s })).collect();
    let scanner = crate::scan::Scanner::new(crate::rules::RuleSet::builtin().unwrap());
    for (p, t) in &filled {
        let kind = Kind::detect(Some(p), t.as_bytes());
        println!("== {p} {kind:?}\n{t}");
        for c in extract_all(t.as_bytes(), kind) {
            println!("  key={:?} parents={:?} value={:?} callee={:?} header={:?} scheme={:?} origin={:?} dec={:?}", c.key, c.parents, c.value, c.callee, c.header, c.scheme, c.origin, c.decoded);
        }
        for m in scanner.scan(Some(p), t.as_bytes()) {
            println!("  FOUND {} {:?}", scanner.rule(m.rule).id, &t[m.start..m.end]);
        }
    }
}
