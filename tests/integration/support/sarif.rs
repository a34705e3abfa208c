//! SARIF checks shared by the tests that produce SARIF: validation against the SARIF 2.1.0
//! JSON schema (installed by `scripts/test-deps.sh`, never committed) and the properties
//! GitHub code scanning requires.
#![allow(dead_code)]

use serde_json::Value;
use std::fs;
use std::path::PathBuf;

/// Where `scripts/test-deps.sh` puts the schema.
pub fn schema_path() -> PathBuf {
    if let Some(path) = std::env::var_os("LEAKGATE_SARIF_SCHEMA") {
        return PathBuf::from(path);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .expect("HOME or XDG_CACHE_HOME is set");
    cache.join("leakgate").join("sarif-schema-2.1.0.json")
}

pub fn validator() -> jsonschema::Validator {
    let path = schema_path();
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the SARIF 2.1.0 schema is missing at {} ({e}): run `bash scripts/test-deps.sh` \
             (it installs the schema from PyPI), or set LEAKGATE_SARIF_SCHEMA",
            path.display()
        )
    });
    let mut schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["title"],
        "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema",
        "{} is not the SARIF 2.1.0 schema",
        path.display()
    );
    // The published schema's `language` patterns (on `run` and `toolComponent`) have a stray
    // `]` (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which a strict validator rejects as a
    // `regex`. We never write `language`; the pattern is replaced by what it means (a
    // language tag such as `en` or `en-US`) so that everything else is checked strictly,
    // formats included (an `artifactLocation.uri` must be a valid `uri-reference`).
    let fixed = replace_broken_language_patterns(&mut schema);
    assert_eq!(fixed, 2, "the schema has the two known `language` patterns");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn replace_broken_language_patterns(value: &mut Value) -> usize {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match value {
        Value::Object(map) => {
            let mut fixed = 0;
            for (key, item) in map.iter_mut() {
                if key == "pattern" && item == BROKEN {
                    *item = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    fixed += 1;
                } else {
                    fixed += replace_broken_language_patterns(item);
                }
            }
            fixed
        }
        Value::Array(items) => items.iter_mut().map(replace_broken_language_patterns).sum(),
        _ => 0,
    }
}

/// Fails with every schema error, each with its JSON pointer.
pub fn assert_schema_valid(sarif: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
}

/// What GitHub code scanning needs beyond the schema ("SARIF support for code scanning").
pub fn assert_github_accepts(sarif: &Value) {
    assert!(sarif["$schema"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().expect("runs");
    assert!(!runs.is_empty());
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].as_str().is_some_and(|s| !s.is_empty()));
        let rules = driver["rules"].as_array().expect("tool.driver.rules");
        let mut ids: Vec<&str> = Vec::new();
        for rule in rules {
            let id = rule["id"].as_str().expect("rule id");
            assert!(!id.is_empty());
            assert!(!ids.contains(&id), "rule {id} listed twice");
            ids.push(id);
            for field in ["shortDescription", "fullDescription", "help"] {
                let text = rule[field]["text"].as_str().unwrap_or("");
                assert!(!text.is_empty(), "rule {id}: {field}.text");
                assert!(text.chars().count() <= 1024, "rule {id}: {field}.text");
            }
            let severity: f64 = rule["properties"]["security-severity"]
                .as_str()
                .expect("security-severity is a string")
                .parse()
                .expect("security-severity is a number");
            assert!(severity > 0.0 && severity <= 10.0);
            let tags = rule["properties"]["tags"].as_array().expect("tags");
            assert!(tags.contains(&Value::from("security")));
        }
        let results = run["results"].as_array().expect("results");
        for result in results {
            let rule_id = result["ruleId"].as_str().expect("ruleId");
            let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(ids.get(index), Some(&rule_id), "ruleIndex names ruleId");
            assert!(result["message"]["text"]
                .as_str()
                .is_some_and(|s| !s.is_empty()));
            let locations = result["locations"].as_array().expect("locations");
            assert!((1..=10).contains(&locations.len()));
            let physical = &locations[0]["physicalLocation"];
            let uri = physical["artifactLocation"]["uri"].as_str().expect("uri");
            assert!(!uri.is_empty() && !uri.contains(' '), "uri `{uri}`");
            assert!(!uri.starts_with('/'), "repository-relative uri `{uri}`");
            let region = &physical["region"];
            let number = |key: &str| region[key].as_u64().unwrap_or(0);
            assert!(number("startLine") >= 1, "{region}");
            assert!(number("startColumn") >= 1, "{region}");
            assert!(number("endLine") >= number("startLine"), "{region}");
            assert!(number("endColumn") >= 1, "{region}");
            let fingerprints = result["partialFingerprints"]
                .as_object()
                .expect("partialFingerprints");
            assert!(!fingerprints.is_empty());
            assert!(fingerprints
                .values()
                .all(|v| v.as_str().is_some_and(|s| !s.is_empty())));
        }
    }
}
