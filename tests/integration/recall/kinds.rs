//! The file kinds of the recall corpus: each plants one text (a bare token, or a rule's
//! example line when the rule needs its context) the way that kind of file would hold it,
//! and says on which line a scanner must report it.

use base64::Engine;

/// What to plant: the text, and whether it is a bare token (planted in each kind's own
/// idiom, `KEY = "..."`) or an example line that carries the context its rule needs
/// (planted as a line of its own, or encoded whole).
pub struct Plant<'a> {
    pub text: &'a str,
    pub bare: bool,
}

/// A file of one kind holding one plant: its name, its bytes, and the 1-based line at which
/// the planted text starts (the line a finding must point at, before adding the secret's own
/// line offset inside the text when the kind keeps the text's lines).
pub struct Planted {
    pub name: String,
    pub bytes: Vec<u8>,
    pub line: usize,
    /// Whether the kind keeps the text's line breaks (a secret on the text's third line is
    /// reported two lines further down) or folds the text into one encoded line.
    pub keeps_lines: bool,
}

/// One kind of file.
pub struct Kind {
    pub name: &'static str,
    pub build: fn(&Plant, &str) -> Planted,
}

/// Every kind, each building a file whose name starts with `stem`.
pub const KINDS: &[Kind] = &[
    Kind {
        name: "dotenv",
        build: dotenv,
    },
    Kind {
        name: "yaml",
        build: yaml,
    },
    Kind {
        name: "kubernetes-secret",
        build: kubernetes_secret,
    },
    Kind {
        name: "json",
        build: json,
    },
    Kind {
        name: "json-unicode-escapes",
        build: json_unicode_escapes,
    },
    Kind {
        name: "python",
        build: python,
    },
    Kind {
        name: "javascript",
        build: javascript,
    },
    Kind {
        name: "go",
        build: go,
    },
    Kind {
        name: "terraform",
        build: terraform,
    },
    Kind {
        name: "dockerfile",
        build: dockerfile,
    },
    Kind {
        name: "jupyter",
        build: jupyter,
    },
    Kind {
        name: "shell",
        build: shell,
    },
    Kind {
        name: "xml",
        build: xml,
    },
    Kind {
        name: "crlf",
        build: crlf,
    },
    Kind {
        name: "utf16",
        build: utf16,
    },
    Kind {
        name: "minified-bundle",
        build: minified_bundle,
    },
    Kind {
        name: "percent-encoded-url",
        build: percent_encoded_url,
    },
];

fn lines_before(text: &str) -> usize {
    text.matches('\n').count()
}

fn planted(name: String, head: &str, body: &str, tail: &str, keeps_lines: bool) -> Planted {
    Planted {
        name,
        bytes: format!("{head}{body}{tail}").into_bytes(),
        line: lines_before(head) + 1,
        keeps_lines,
    }
}

fn dotenv(p: &Plant, stem: &str) -> Planted {
    let head = "# service settings\nAPP_ENV=production\nLOG_LEVEL=info\n";
    let body = if p.bare {
        format!("SERVICE_CREDENTIAL={}", p.text)
    } else {
        p.text.to_string()
    };
    planted(format!("{stem}.env"), head, &body, "\nPORT=8080\n", true)
}

fn yaml(p: &Plant, stem: &str) -> Planted {
    let head = "service:\n  name: billing\n  replicas: 2\n";
    if p.bare {
        let body = format!("  credential: \"{}\"", p.text);
        planted(
            format!("{stem}.yaml"),
            head,
            &body,
            "\n  port: 8080\n",
            true,
        )
    } else {
        // A config file held in a block scalar, as ConfigMaps and CI files do.
        let head = format!("{head}  config: |\n");
        let body = indent(p.text, "    ");
        planted(
            format!("{stem}.yaml"),
            &head,
            &body,
            "\n  port: 8080\n",
            true,
        )
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| format!("{by}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn kubernetes_secret(p: &Plant, stem: &str) -> Planted {
    let head = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: billing\n  namespace: prod\ntype: Opaque\ndata:\n";
    let encoded = base64::engine::general_purpose::STANDARD.encode(p.text);
    let key = if p.bare { "credential" } else { "config.env" };
    let body = format!("  {key}: {encoded}");
    planted(format!("{stem}-secret.yaml"), head, &body, "\n", false)
}

/// A JSON string literal's body for `text` (`"` and `\` escaped, newlines as `\n`).
pub fn json_string(text: &str) -> String {
    let quoted = serde_json::to_string(text).expect("a string serializes");
    quoted[1..quoted.len() - 1].to_string()
}

fn json(p: &Plant, stem: &str) -> Planted {
    let head = "{\n  \"name\": \"billing\",\n  \"replicas\": 2,\n";
    let key = if p.bare { "credential" } else { "config" };
    let body = format!("  \"{key}\": \"{}\",", json_string(p.text));
    planted(
        format!("{stem}.json"),
        head,
        &body,
        "\n  \"port\": 8080\n}\n",
        false,
    )
}

/// JSON as some serializers write it: `/` as `\/` and non-alphanumerics as `\u00XX`.
fn json_unicode_escapes(p: &Plant, stem: &str) -> Planted {
    let mut escaped = String::new();
    for c in p.text.chars() {
        match c {
            '/' => escaped.push_str("\\/"),
            c if c.is_ascii_alphanumeric() || c == ' ' => escaped.push(c),
            c if (c as u32) < 0x10000 => escaped.push_str(&format!("\\u{:04x}", c as u32)),
            c => escaped.push(c),
        }
    }
    let head = "{\"name\":\"billing\",\n\"settings\":{\n";
    let body = format!("\"value\":\"{escaped}\"}},");
    planted(
        format!("{stem}.escaped.json"),
        head,
        &body,
        "\n\"port\":8080}\n",
        false,
    )
}

fn python(p: &Plant, stem: &str) -> Planted {
    let head = "import os\n\nDEBUG = False\n";
    let body = if p.bare {
        format!("CLIENT_CREDENTIAL = \"{}\"", p.text)
    } else if p.text.contains('\n') {
        format!("MATERIAL = \"\"\"{}\"\"\"", p.text)
    } else {
        p.text.to_string()
    };
    planted(
        format!("{stem}.py"),
        head,
        &body,
        "\n\n\ndef main():\n    pass\n",
        true,
    )
}

fn javascript(p: &Plant, stem: &str) -> Planted {
    let head = "'use strict';\n\nconst port = 8080;\n";
    let body = if p.bare {
        format!("const credential = '{}';", p.text)
    } else if p.text.contains('\n') {
        format!("const material = `{}`;", p.text)
    } else {
        p.text.to_string()
    };
    planted(
        format!("{stem}.js"),
        head,
        &body,
        "\nmodule.exports = { port };\n",
        true,
    )
}

fn go(p: &Plant, stem: &str) -> Planted {
    let head = "package config\n\nimport \"os\"\n";
    let body = if p.bare {
        format!("const credential = \"{}\"", p.text)
    } else if p.text.contains('\n') {
        format!("const material = `{}`", p.text)
    } else {
        p.text.to_string()
    };
    planted(
        format!("{stem}.go"),
        head,
        &body,
        "\n\nvar Env = os.Getenv(\"ENV\")\n",
        true,
    )
}

fn terraform(p: &Plant, stem: &str) -> Planted {
    let head = "provider \"acme\" {\n  region = \"eu-west-1\"\n";
    let body = if p.bare {
        format!("  credential = \"{}\"", p.text)
    } else if p.text.contains('\n') {
        format!("  material = <<EOT\n{}\nEOT", p.text)
    } else {
        format!("  {}", p.text)
    };
    let mut file = planted(format!("{stem}.tf"), head, &body, "\n}\n", true);
    if !p.bare && p.text.contains('\n') {
        file.line += 1;
    }
    file
}

fn dockerfile(p: &Plant, stem: &str) -> Planted {
    let head = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n";
    let body = if p.bare {
        format!("ENV SERVICE_CREDENTIAL={}", p.text)
    } else {
        p.text.to_string()
    };
    planted(
        format!("{stem}.Dockerfile"),
        head,
        &body,
        "\nCMD [\"python\", \"main.py\"]\n",
        true,
    )
}

/// A notebook cell: each source line is a JSON string of its own, on its own line.
fn jupyter(p: &Plant, stem: &str) -> Planted {
    let head = "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import os\\n\",\n";
    let text = if p.bare {
        format!("client = connect(credential=\"{}\")", p.text)
    } else {
        p.text.to_string()
    };
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| format!("    \"{}\\n\",", json_string(l)))
        .collect();
    let tail = "\n    \"client.run()\"\n   ]\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
    planted(format!("{stem}.ipynb"), head, &lines.join("\n"), tail, true)
}

fn shell(p: &Plant, stem: &str) -> Planted {
    let head = "#!/usr/bin/env bash\nset -euo pipefail\n\n";
    let body = if p.bare {
        format!("export SERVICE_CREDENTIAL='{}'", p.text)
    } else {
        p.text.to_string()
    };
    planted(
        format!("{stem}.sh"),
        head,
        &body,
        "\n./deploy --prod\n",
        true,
    )
}

fn xml(p: &Plant, stem: &str) -> Planted {
    let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n";
    let escaped = p.text.replace('&', "&amp;").replace('<', "&lt;");
    let body = if p.bare {
        format!("    <add key=\"Credential\" value=\"{escaped}\" />")
    } else {
        format!("    <value>{escaped}</value>")
    };
    planted(
        format!("{stem}.config"),
        head,
        &body,
        "\n  </appSettings>\n</configuration>\n",
        true,
    )
}

fn crlf(p: &Plant, stem: &str) -> Planted {
    let mut file = dotenv(p, stem);
    file.name = format!("{stem}.crlf.env");
    file.bytes = String::from_utf8(file.bytes)
        .expect("planted text is UTF-8")
        .replace('\n', "\r\n")
        .into_bytes();
    file
}

/// A PowerShell profile saved as UTF-16LE with a byte-order mark, as Windows tools write.
fn utf16(p: &Plant, stem: &str) -> Planted {
    let head = "# profile\r\nSet-Location C:\\work\r\n";
    let body = if p.bare {
        format!("$env:SERVICE_CREDENTIAL = \"{}\"", p.text)
    } else {
        p.text.replace('\n', "\r\n")
    };
    let text = format!("{head}{body}\r\nWrite-Host ready\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    Planted {
        name: format!("{stem}.ps1"),
        bytes,
        line: lines_before(head) + 1,
        keeps_lines: true,
    }
}

/// A minified bundle: one ~50 KiB line of code with the text in the middle, in a string.
fn minified_bundle(p: &Plant, stem: &str) -> Planted {
    let filler: String = (0..1500)
        .map(|i| format!("function f{i}(a,b){{return a*{i}+b}};"))
        .collect();
    let half = filler.len() / 2;
    let cut = filler[..half].rfind(';').map_or(0, |i| i + 1);
    let body = format!(
        "{}var cfg={{k:\"{}\"}};{}",
        &filler[..cut],
        json_string(p.text),
        &filler[cut..]
    );
    planted(
        format!("{stem}.min.js"),
        "/*! bundle v1 */\n",
        &body,
        "\n",
        false,
    )
}

/// `encodeURIComponent` of `text`: everything but `A-Za-z0-9-_.!~*'()` as `%XX`.
pub fn uri_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_encoded_url(p: &Plant, stem: &str) -> Planted {
    let head = "# webhook used by the nightly job\n";
    let body = format!(
        "curl -fsS \"https://hooks.acme.internal/notify?job=nightly&payload={}&retry=3\"",
        uri_component(p.text)
    );
    planted(format!("{stem}.url.sh"), head, &body, "\n", false)
}

/// A log over 1 MiB with every plant on its own line among filler lines, so plants sit
/// throughout a large file (in its first, middle and last megabyte).
pub fn large_log(plants: &[String]) -> (Vec<u8>, Vec<usize>) {
    const FILLER_LINES: usize = 100;
    let target = 1_400_000usize;
    let per_gap = (target / plants.len().max(1) / 60).max(FILLER_LINES);
    let mut out = String::new();
    let mut line = 1;
    let mut at = Vec::new();
    for (i, plant) in plants.iter().enumerate() {
        for j in 0..per_gap {
            out.push_str(&format!(
                "2026-01-02T03:04:{:02}Z INFO request {i}-{j} served in 12ms\n",
                j % 60
            ));
            line += 1;
        }
        at.push(line);
        out.push_str(plant);
        out.push('\n');
        line += plant.matches('\n').count() + 1;
    }
    (out.into_bytes(), at)
}
