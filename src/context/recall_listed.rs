//! Recall on the forms issue 13 lists (item 1), for a Speckle token, a Spell token and a
//! generic secret each, through the whole scanner with the built-in rules.
//!
//! Placeholders: `{KEY}` (`SPECKLE_TOKEN`), `{key}` (`speckleToken`), `{snake}`
//! (`speckle_token`), `{svc}`/`{child}` (`speckle`/`token`: a block and a key inside it),
//! `{T}` the token, `{T1}{T2}` its two halves, `{CALL}` the service's client call.

#![cfg(test)]

/// `(form, path, template, which services it applies to: S(peckle) P(spell) G(eneric))`.
const FORMS: &[(&str, &str, &str, &str)] = &[
    ("env", ".env", "{KEY}={T}\n", "SPG"),
    ("env export quoted", ".env", "export {KEY}=\"{T}\"\n", "SPG"),
    ("shell export", "deploy.sh", "export {KEY}={T}\n", "SPG"),
    ("shell prefix", "deploy.sh", "{KEY}=\"{T}\" ./run.sh\n", "SPG"),
    ("dockerfile ENV space", "Dockerfile", "FROM python:3.12\nENV {KEY} {T}\n", "SPG"),
    ("dockerfile ENV =", "Dockerfile", "ENV {KEY}={T} PYTHONUNBUFFERED=1\n", "SPG"),
    ("dockerfile ARG", "Dockerfile", "ARG {KEY}={T}\n", "SPG"),
    ("make =", "Makefile", "{KEY} = {T}\n", "SPG"),
    ("make :=", "Makefile", "{KEY} := {T}\n", "SPG"),
    ("make ?=", "Makefile", "{KEY} ?= {T}\n", "SPG"),
    ("make ::=", "Makefile", "{KEY} ::= {T}\n", "SPG"),
    ("make :::=", "Makefile", "{KEY} :::= {T}\n", "SPG"),
    ("make +=", "Makefile", "{KEY} += {T}\n", "SPG"),
    (".properties", "app.properties", "{key}={T}\n", "SPG"),
    ("ini section", "app.ini", "[{svc}]\n{child} = {T}\n", "SPG"),
    ("toml section", "config.toml", "[{svc}]\n{child} = \"{T}\"\n", "SPG"),
    ("yaml parent", "config.yaml", "{svc}:\n  url: https://internal.acme-corp.io\n  {child}: {T}\n", "SPG"),
    ("json nested", "config.json", "{\n  \"{svc}\": {\n    \"{child}\": \"{T}\"\n  }\n}\n", "SPG"),
    ("hcl variable default", "variables.tf", "variable \"{snake}\" {\n  type      = string\n  sensitive = true\n  default   = \"{T}\"\n}\n", "SPG"),
    ("hcl attribute", "main.tfvars", "{snake} = \"{T}\"\n", "SPG"),
    ("xml next line", "settings.xml", "<settings>\n  <{key}>\n    {T}\n  </{key}>\n</settings>\n", "SPG"),
    ("xml key/value", "App.config", "<appSettings>\n  <add key=\"{key}\" value=\"{T}\" />\n</appSettings>\n", "SPG"),
    ("python assign", "settings.py", "{KEY} = \"{T}\"\n", "SPG"),
    ("python call", "main.py", "{CALL}\n", "SPG"),
    ("js const", "index.js", "const {key} = '{T}';\n", "SPG"),
    ("ts annotated", "index.ts", "const {key}: string = \"{T}\";\n", "SPG"),
    ("go :=", "main.go", "\t{key} := \"{T}\"\n", "SPG"),
    ("go var typed", "main.go", "var {key} string = \"{T}\"\n", "SPG"),
    ("go backticks", "main.go", "\t{key} := `{T}`\n", "SPG"),
    ("java", "Config.java", "    private static final String {KEY} = \"{T}\";\n", "SPG"),
    ("kotlin", "Config.kt", "    val {key} = \"{T}\"\n", "SPG"),
    ("csharp", "Config.cs", "        var {key} = \"{T}\";\n", "SPG"),
    ("ruby", "config.rb", "{snake} = '{T}'\n", "SPG"),
    ("php .=", "config.php", "${key} .= '{T}';\n", "SPG"),
    ("php =>", "config.php", "return ['{snake}' => '{T}'];\n", "SPG"),
    ("rust const", "main.rs", "const {KEY}: &str = \"{T}\";\n", "SPG"),
    ("concat +", "index.js", "const {key} = \"{T1}\" + \"{T2}\";\n", "SPG"),
    ("concat implicit", "settings.py", "{KEY} = (\"{T1}\" \"{T2}\")\n", "SPG"),
    ("go header after url", "client.go", "req, _ := http.NewRequest(\"POST\", \"{URL}\", body)\nreq.Header.Set(\"{HEADER}\", \"{AUTH}\")\n", "SG"),
    ("js setRequestHeader", "app.js", "xhr.open('POST', '{URL}');\nxhr.setRequestHeader('{HEADER}', '{AUTH}');\n", "SG"),
    ("python headers dict", "client.py", "url = \"{URL}\"\nheaders = {\"{HEADER}\": \"{AUTH}\"}\n", "SG"),
    ("curl -H", "call.sh", "curl -X POST -H \"{HEADER}: {AUTH}\" {URL}\n", "SG"),
    ("curl -u", "call.sh", "curl -u deploy:{T} https://ci.acme-corp.io/api\n", "G"),
    ("url userinfo", "db.yaml", "database_url: postgres://app:{T}@db.acme-corp.io:5432/app\n", "G"),
    ("url query", "notes.md", "{QUERY}\n", "SG"),
    ("whole file by path", "{FILE}", "{T}\n", "SPG"),
];

struct Service {
    id: &'static str,
    rule: &'static str,
    key: &'static str,
    camel: &'static str,
    snake: &'static str,
    svc: &'static str,
    child: &'static str,
    call: &'static str,
    url: &'static str,
    header: &'static str,
    auth: &'static str,
    query: &'static str,
    file: &'static str,
}

const SERVICES: &[Service] = &[
    Service {
        id: "S",
        rule: "speckle-token",
        key: "SPECKLE_TOKEN",
        camel: "speckleToken",
        snake: "speckle_token",
        svc: "speckle",
        child: "token",
        call: "client.authenticate_with_token(\"{T}\")",
        url: "https://speckle.acme-corp.io/graphql",
        header: "Authorization",
        auth: "Bearer {T}",
        query: "https://app.speckle.systems/streams/3073b96e86?token={T}",
        file: "secrets/speckle_token.txt",
    },
    Service {
        id: "P",
        rule: "spell-token",
        key: "SPELL_TOKEN",
        camel: "spellToken",
        snake: "spell_token",
        svc: "spell",
        child: "token",
        call: "client = spell.client.SpellClient(token=\"{T}\", owner=\"acme\")",
        url: "",
        header: "",
        auth: "",
        query: "",
        file: "run/secrets/spell_token",
    },
    Service {
        id: "G",
        rule: "generic-password",
        key: "DB_PASSWORD",
        camel: "dbPassword",
        snake: "db_password",
        svc: "database",
        child: "password",
        call: "conn = psycopg2.connect(host=\"db\", user=\"app\", password=\"{T}\")",
        url: "https://api.acme-corp.io/v1/export",
        header: "X-Api-Key",
        auth: "{T}",
        query: "https://api.acme-corp.io/v1/export?api_key={T}",
        file: "secrets/db_password.txt",
    },
];

use super::heldout::Gen;

fn token(service: &str, seed: u64) -> String {
    let mut g = Gen(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    match service {
        "S" => g.pick(b"0123456789abcdef", 42),
        "P" => g.pick(
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            32,
        ),
        _ => {
            g.pick(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 2)
                + &g.pick(b"abcdefghijkmnopqrstuvwxyz23456789", 12)
                + &g.pick(b"!*%", 1)
                + &g.pick(b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 5)
        }
    }
}

#[test]
fn listed_forms_recall() {
    use crate::rules::RuleSet;
    use crate::scan::Scanner;
    let scanner = Scanner::new(RuleSet::builtin().unwrap());
    let (mut total, mut hit, mut reported, mut right) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    let mut extras: Vec<String> = Vec::new();
    for (n, (form, path, template, applies)) in FORMS.iter().enumerate() {
        for service in SERVICES.iter().filter(|s| applies.contains(s.id)) {
            let t = token(
                service.id,
                n as u64 * 3 + service.id.len() as u64 + service.key.len() as u64,
            );
            let (t1, t2) = t.split_at(t.len() / 2);
            let text = template
                .replace("{CALL}", service.call)
                .replace("{URL}", service.url)
                .replace("{HEADER}", service.header)
                .replace("{AUTH}", service.auth)
                .replace("{QUERY}", service.query)
                .replace("{KEY}", service.key)
                .replace("{key}", service.camel)
                .replace("{snake}", service.snake)
                .replace("{svc}", service.svc)
                .replace("{child}", service.child)
                .replace("{T1}", t1)
                .replace("{T2}", t2)
                .replace("{T}", &t);
            let path = path.replace("{FILE}", service.file);
            let want_rule = if service.id == "G" && *form == "url userinfo" {
                // A specific rule knows this issuer and wins over the generic one.
                "postgres-url-password"
            } else if service.id == "G"
                && (template.contains("{HEADER}") || template.contains("{QUERY}"))
            {
                "generic-api-key"
            } else {
                service.rule
            };
            let found = scanner.scan(Some(&path), text.as_bytes());
            total += 1;
            reported += found.len();
            let good = found
                .iter()
                .filter(|m| &*scanner.rule(m.rule).id == want_rule && m.secret.expose() == t)
                .count();
            right += good;
            if found.len() > good {
                let extra: Vec<_> = found
                    .iter()
                    .filter(|m| !(&*scanner.rule(m.rule).id == want_rule && m.secret.expose() == t))
                    .map(|m| format!("{} {}", scanner.rule(m.rule).id, m.secret.redacted()))
                    .collect();
                extras.push(format!("{form} [{}] also {extra:?}", service.id));
            }
            if good > 0 {
                hit += 1;
            } else {
                let got: Vec<_> = found
                    .iter()
                    .map(|m| scanner.rule(m.rule).id.clone())
                    .collect();
                missed.push(format!("{form} [{}] got {got:?}", service.id));
            }
        }
    }
    let recall = hit as f64 / total as f64;
    let precision = right as f64 / reported.max(1) as f64;
    println!("listed forms: recall {hit}/{total} = {recall:.3}, precision {right}/{reported} = {precision:.3}");
    for m in &missed {
        println!("  missed: {m}");
    }
    for e in &extras {
        println!("  extra: {e}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}: {missed:#?}");
    assert!(precision >= 0.98, "precision {precision:.3}");
}
