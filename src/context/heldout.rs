//! Held-aside recall set (issue 13): context forms users meet that the issue does not list
//! (other languages, CI systems, deployment manifests, API tools' exports). Written before
//! any extractor and kept out of tuning: run it only to report recall and precision.
//!
//! Tokens are built at run time from a seeded generator, so no token-shaped string is
//! committed. `{S}` is a Speckle token (42 lowercase hex), `{P}` a Spell token (32 base62),
//! `{G}` a generic secret (a 20-character password of mixed classes).

#![cfg(test)]

/// One form: the text, and the rule that must find the token in it (`None`: a negative,
/// where nothing of the three rules may be reported).
pub struct Case {
    pub form: &'static str,
    pub text: &'static str,
    pub rule: Option<&'static str>,
}

pub const CASES: &[Case] = &[
    // --- other languages ---
    Case { form: "swift let", text: "let speckleToken = \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "swift header", text: "var request = URLRequest(url: URL(string: \"https://app.speckle.systems/graphql\")!)\nrequest.setValue(\"Bearer {S}\", forHTTPHeaderField: \"Authorization\")\n", rule: Some("speckle-token") },
    Case { form: "dart final", text: "final String speckleToken = '{S}';\n", rule: Some("speckle-token") },
    Case { form: "dart headers", text: "final res = await http.post(Uri.parse('https://speckle.acme-design.com/graphql'),\n    headers: {'Authorization': 'Bearer {S}'});\n", rule: Some("speckle-token") },
    Case { form: "elixir config", text: "config :my_app, speckle_token: \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "elixir attr", text: "  @spell_token \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "scala val", text: "  val spellToken = \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "lua local", text: "local speckle_token = \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "lua password", text: "local db_password = \"{G}\"\n", rule: Some("generic-password") },
    Case { form: "powershell env", text: "$env:SPECKLE_TOKEN = \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "powershell headers", text: "$Headers = @{ Authorization = \"Bearer {S}\" }\nInvoke-RestMethod -Uri https://app.speckle.systems/graphql -Headers $Headers\n", rule: Some("speckle-token") },
    Case { form: "c++ std::string", text: "const std::string speckle_token = \"{S}\";\n", rule: Some("speckle-token") },
    Case { form: "c define", text: "#define SPELL_TOKEN \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "r setenv", text: "Sys.setenv(SPECKLE_TOKEN = \"{S}\")\n", rule: Some("speckle-token") },
    Case { form: "perl my", text: "my $db_password = '{G}';\n", rule: Some("generic-password") },
    Case { form: "batch set", text: "set SPELL_TOKEN={P}\r\n", rule: Some("spell-token") },
    // --- CI systems ---
    Case { form: "github actions env", text: "jobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      SPECKLE_TOKEN: {S}\n    steps:\n      - run: python send.py\n", rule: Some("speckle-token") },
    Case { form: "gitlab variables", text: "variables:\n  SPELL_TOKEN: \"{P}\"\n  SPELL_OWNER: acme\n", rule: Some("spell-token") },
    Case { form: "circleci environment", text: "jobs:\n  test:\n    docker:\n      - image: cimg/python:3.11\n        environment:\n          DB_PASSWORD: {G}\n", rule: Some("generic-password") },
    Case { form: "jenkinsfile environment", text: "pipeline {\n  agent any\n  environment {\n    SPECKLE_TOKEN = '{S}'\n  }\n}\n", rule: Some("speckle-token") },
    Case { form: "azure pipelines name/value", text: "variables:\n- name: speckleToken\n  value: {S}\n", rule: Some("speckle-token") },
    // --- deployment manifests ---
    Case { form: "helm values nested", text: "speckle:\n  server:\n    url: https://speckle.acme-design.com\n  auth:\n    token: {S}\n", rule: Some("speckle-token") },
    Case { form: "compose environment list", text: "services:\n  app:\n    image: acme/app\n    environment:\n      - SPECKLE_TOKEN={S}\n", rule: Some("speckle-token") },
    Case { form: "k8s env name/value", text: "        env:\n          - name: SPELL_TOKEN\n            value: \"{P}\"\n", rule: Some("spell-token") },
    Case { form: "k8s stringData", text: "kind: Secret\nstringData:\n  db-password: {G}\n", rule: Some("generic-password") },
    Case { form: "systemd Environment", text: "[Service]\nEnvironment=\"SPECKLE_TOKEN={S}\"\n", rule: Some("speckle-token") },
    Case { form: "terraform tfvars", text: "speckle_token = \"{S}\"\n", rule: Some("speckle-token") },
    Case { form: "ansible vars", text: "ansible_become_password: {G}\n", rule: Some("generic-password") },
    // --- API tools' exports ---
    Case { form: "postman environment", text: "{\"name\": \"Speckle\", \"values\": [{\"key\": \"speckleToken\", \"value\": \"{S}\", \"enabled\": true}]}\n", rule: Some("speckle-token") },
    Case { form: "postman collection bearer", text: "{\"request\": {\"auth\": {\"type\": \"bearer\", \"bearer\": [{\"key\": \"token\", \"value\": \"{S}\", \"type\": \"string\"}]},\n \"url\": {\"raw\": \"https://app.speckle.systems/graphql\"}}}\n", rule: Some("speckle-token") },
    Case { form: "insomnia bearer", text: "{\"_type\": \"request\", \"url\": \"https://app.speckle.systems/graphql\",\n \"authentication\": {\"type\": \"bearer\", \"token\": \"{S}\"}}\n", rule: Some("speckle-token") },
    Case { form: "httpie header", text: "http POST https://app.speckle.systems/graphql \"Authorization:Bearer {S}\" query=@q.graphql\n", rule: Some("speckle-token") },
    Case { form: ".http file", text: "POST https://speckle.acme-design.com/graphql\nAuthorization: Bearer {S}\nContent-Type: application/json\n", rule: Some("speckle-token") },
    Case { form: "curl --header", text: "curl --url https://app.speckle.systems/graphql --header \"Authorization: Bearer {S}\"\n", rule: Some("speckle-token") },
    Case { form: "wget --header", text: "wget --header=\"X-Api-Key: {G}\" https://api.acme-corp.io/v1/export\n", rule: Some("generic-api-key") },
    Case { form: "notebook cell", text: "{\"cell_type\": \"code\", \"source\": [\"client.authenticate_with_token(\\\"{S}\\\")\\n\"]}\n", rule: Some("speckle-token") },
    Case { form: "spring yaml", text: "spring:\n  datasource:\n    url: jdbc:postgresql://db:5432/app\n    password: {G}\n", rule: Some("generic-password") },
    Case { form: "appsettings nested", text: "{\n  \"Speckle\": {\n    \"Token\": \"{S}\"\n  }\n}\n", rule: Some("speckle-token") },
    Case { form: "gradle.properties", text: "spellToken={P}\n", rule: Some("spell-token") },
    // --- negatives of the same shapes ---
    Case { form: "actions secret ref", text: "    env:\n      SPECKLE_TOKEN: ${{ secrets.SPECKLE_TOKEN }}\n", rule: None },
    Case { form: "k8s secretKeyRef", text: "          - name: SPELL_TOKEN\n            valueFrom:\n              secretKeyRef:\n                name: spell\n                key: token\n", rule: None },
    Case { form: "swift optional chain", text: "let token = session?.account.speckleToken ?? \"\"\n", rule: None },
    Case { form: "dart getter", text: "String get speckleToken => _prefs.getString('speckle_token') ?? '';\n", rule: None },
    Case { form: "powershell read-host", text: "$password = Read-Host -AsSecureString \"Password\"\n", rule: None },
    Case { form: "helm template", text: "  password: {{ .Values.db.password | quote }}\n", rule: None },
    Case { form: "postman variable ref", text: "{\"key\": \"token\", \"value\": \"{{speckleToken}}\", \"type\": \"string\"}\n", rule: None },
    Case { form: "commit sha near speckle", text: "speckle_commit_id: 8f14e45fceea167a5a36dedd4bea2543\n", rule: None },
    Case { form: "scala type", text: "  def password: Option[String] = config.getOptional[String](\"db.password\")\n", rule: None },
];

/// A deterministic generator (xorshift64) for the run-time tokens of every recall set in
/// this folder, so no token-shaped literal is committed.
pub(super) struct Gen(pub(super) u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `n` characters drawn from `alphabet`.
    pub(super) fn pick(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize] as char)
            .collect()
    }
}

/// The case's text with its tokens filled in, and the token that must be found.
pub fn instantiate(case: &Case, seed: u64) -> (String, Option<String>) {
    let mut g = Gen(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let speckle = g.pick(b"0123456789abcdef", 42);
    let spell = g.pick(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        32,
    );
    let generic = format!(
        "{}{}{}",
        g.pick(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 3),
        g.pick(b"abcdefghijkmnopqrstuvwxyz23456789", 14),
        g.pick(b"#%!*", 1)
    ) + &g.pick(b"23456789", 2);
    let text = case
        .text
        .replace("{S}", &speckle)
        .replace("{P}", &spell)
        .replace("{G}", &generic);
    let secret = case.rule.map(|rule| match rule {
        "speckle-token" => speckle.clone(),
        "spell-token" => spell.clone(),
        _ => generic.clone(),
    });
    (text, secret)
}

/// What a recall set's run gives: found positives, exact hits among all reports, quiet
/// negatives, and the forms that went wrong.
pub(super) struct Tally {
    pub positives: usize,
    pub found: usize,
    pub reported: usize,
    pub right: usize,
    pub negatives: usize,
    pub negatives_quiet: usize,
    /// Positives not found, with the rules that reported something instead.
    pub missed: Vec<String>,
    /// Negatives that were reported.
    pub noisy: Vec<&'static str>,
}

impl Tally {
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.positives as f64
    }

    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            1.0
        } else {
            self.right as f64 / self.reported as f64
        }
    }
}

/// Scans every case of a set (tokens from `seed_base` + its index) with the built-in rules
/// and counts what the Speckle, Spell and generic rules report.
pub(super) fn score(cases: &[Case], seed_base: u64) -> Tally {
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let watched = [
        "speckle-token",
        "spell-token",
        "generic-password",
        "generic-secret",
        "generic-token",
        "generic-api-key",
    ];
    let mut tally = Tally {
        positives: 0,
        found: 0,
        reported: 0,
        right: 0,
        negatives: 0,
        negatives_quiet: 0,
        missed: Vec::new(),
        noisy: Vec::new(),
    };
    for (i, case) in cases.iter().enumerate() {
        let (text, secret) = instantiate(case, i as u64 + seed_base);
        let hits: Vec<_> = scanner
            .scan(None, text.as_bytes())
            .into_iter()
            .filter(|m| watched.contains(&scanner.rule(m.rule).id.as_ref()))
            .collect();
        tally.reported += hits.len();
        match (case.rule, secret) {
            (Some(rule), Some(secret)) => {
                tally.positives += 1;
                let good = hits
                    .iter()
                    .filter(|m| &*scanner.rule(m.rule).id == rule && m.secret.expose() == secret)
                    .count();
                tally.right += good;
                if good > 0 {
                    tally.found += 1;
                } else {
                    let got: Vec<_> = hits
                        .iter()
                        .map(|m| scanner.rule(m.rule).id.clone())
                        .collect();
                    tally.missed.push(format!("{} (got {got:?})", case.form));
                }
            }
            _ => {
                tally.negatives += 1;
                if hits.is_empty() {
                    tally.negatives_quiet += 1;
                } else {
                    tally.noisy.push(case.form);
                }
            }
        }
    }
    tally
}

#[test]
fn held_aside_recall_and_precision() {
    let t = score(CASES, 7);
    println!(
        "held-aside: recall {}/{} = {:.3}, precision {}/{} = {:.3}; missed: {:?}; noisy: {:?}",
        t.found,
        t.positives,
        t.recall(),
        t.right,
        t.reported,
        t.precision(),
        t.missed,
        t.noisy
    );
    assert!(t.positives > 30 && t.reported >= t.found);
}
