//! Hostile inputs to the decoders (issue 6, part 5): deeply nested base64, a 50 MB base64
//! blob, millions of `%41` escapes, a 10 MB single line. The scanner must finish them with
//! work bounded by construction: these tests hold the decoding figures that
//! [`Scanner::scan_with_stats`] reports to the limits in `leakgate::scan::decode`, and
//! check that a token the limits leave in reach is still found. No timing assertions: the
//! bounds are what keeps time and memory in check.

use crate::support::tokens as common;

use base64::Engine;
use leakgate::rules::RuleSet;
use leakgate::scan::decode::{
    DecodeStats, MAX_BASE64, MAX_DECODED_PER_BLOB, MAX_DEPTH, MAX_SPANS_PER_BLOB,
};
use leakgate::scan::Scanner;

fn scanner() -> Scanner {
    Scanner::new(RuleSet::builtin().unwrap())
}

fn b64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// The figures every scan must stay within.
fn assert_bounded(stats: &DecodeStats, what: &str) {
    assert!(
        stats.decoded_bytes <= MAX_DECODED_PER_BLOB,
        "{what}: decoded {} bytes",
        stats.decoded_bytes
    );
    assert!(
        stats.spans <= MAX_SPANS_PER_BLOB,
        "{what}: decoded {} spans",
        stats.spans
    );
    assert!(
        stats.depth <= MAX_DEPTH,
        "{what}: nested {} deep",
        stats.depth
    );
}

fn finds_github_pat(scanner: &Scanner, found: &[leakgate::scan::Match]) -> bool {
    line_found(scanner, found, "github-pat").is_some()
}

/// The line of the first match of rule `id`, if any.
fn line_found(scanner: &Scanner, found: &[leakgate::scan::Match], id: &str) -> Option<usize> {
    found
        .iter()
        .find(|m| &*scanner.rule(m.rule).id == id)
        .map(|m| m.line)
}

#[test]
fn nested_base64_is_decoded_to_the_depth_limit_and_no_further() {
    let scanner = scanner();
    let mut text = format!("GITHUB_TOKEN={}", common::github_pat(7)).into_bytes();
    for level in 1..=12 {
        text = b64(&text).into_bytes();
        let (found, stats) = scanner.scan_with_stats(Some("secret.yaml"), &text);
        assert_bounded(&stats, &format!("base64 nested {level} deep"));
        assert_eq!(
            finds_github_pat(&scanner, &found),
            level <= MAX_DEPTH,
            "base64 nested {level} deep (limit {MAX_DEPTH})"
        );
    }
}

#[test]
fn a_50_mb_base64_blob_is_not_decoded_whole() {
    let scanner = scanner();
    // One run far beyond MAX_BASE64 (an embedded archive): not decoded at all.
    let chunk = b64(&b"lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(64));
    let mut blob = String::with_capacity(50 * 1024 * 1024 + chunk.len());
    while blob.len() < 50 * 1024 * 1024 {
        blob.push_str(chunk.trim_end_matches('='));
    }
    assert!(blob.len() > MAX_BASE64);
    let (_, stats) = scanner.scan_with_stats(None, format!("data: {blob}\n").as_bytes());
    assert_bounded(&stats, "a 50 MB base64 run");
    assert_eq!(stats.decoded_bytes, 0, "a run over MAX_BASE64 is skipped");

    // The same 50 MB as 76-character MIME lines, every one decodable text: the span and
    // byte budgets stop decoding, and a token in the first lines is still found.
    let token_line = b64(format!("GITHUB_TOKEN={}\n", common::github_pat(11)).as_bytes());
    let mut mime = format!("{token_line}\n");
    let line = &chunk[..76];
    while mime.len() < 50 * 1024 * 1024 {
        mime.push_str(line);
        mime.push('\n');
    }
    let (found, stats) = scanner.scan_with_stats(None, mime.as_bytes());
    assert_bounded(&stats, "50 MB of base64 lines");
    assert!(
        stats.spans == MAX_SPANS_PER_BLOB || stats.decoded_bytes + 76 > MAX_DECODED_PER_BLOB,
        "decoding stopped at a limit: {stats:?}"
    );
    assert!(finds_github_pat(&scanner, &found));
}

#[test]
fn millions_of_percent_escapes_are_bounded() {
    let scanner = scanner();
    // One URL-like run of three million escapes (9 MB): longer than the byte budget.
    let run = "%41".repeat(3_000_000);
    let (_, stats) = scanner.scan_with_stats(None, format!("https://h/?q={run}\n").as_bytes());
    assert_bounded(&stats, "one run of 3M escapes");

    // Two million separate escapes: the span budget stops them.
    let separate = "%41 ".repeat(2_000_000);
    let (_, stats) = scanner.scan_with_stats(None, separate.as_bytes());
    assert_bounded(&stats, "2M separate escapes");
    assert_eq!(stats.spans, MAX_SPANS_PER_BLOB);

    // A percent-encoded token before them is still found.
    let pat = common::github_pat(13);
    let encoded: String = pat.bytes().map(|b| format!("%{b:02X}")).collect();
    let data = format!("https://hooks.acme.internal/?token={encoded}\n{separate}");
    let (found, stats) = scanner.scan_with_stats(None, data.as_bytes());
    assert_bounded(&stats, "a token before 2M escapes");
    assert!(finds_github_pat(&scanner, &found));
}

#[test]
fn a_10_mb_single_line_full_of_candidates_is_bounded() {
    let scanner = scanner();
    // Minified code whose every statement holds a keyword, an escape, a percent escape, a
    // base64-looking run and an allow marker: all the per-hit paths at once, on one line.
    let statement = format!(
        "a.token=\"q8Zr\\u0033LkP0vX7mN2b%41T5yW\";b=\"{}\";/*leakgate:allow*/",
        b64(b"settings for the widget renderer v2")
    );
    let mut line = String::with_capacity(10 * 1024 * 1024 + 1024);
    let pat = common::github_pat(17);
    while line.len() < 5 * 1024 * 1024 {
        line.push_str(&statement);
    }
    line.push_str(&format!(";var t=\"{pat}\";"));
    while line.len() < 10 * 1024 * 1024 {
        line.push_str(&statement);
    }
    let (found, stats) = scanner.scan_with_stats(Some("bundle.min.js"), line.as_bytes());
    assert_bounded(&stats, "a 10 MB line");
    // The whole line carries allow markers, so nothing on it is reported.
    assert!(
        found.is_empty(),
        "{} findings on an allowed line",
        found.len()
    );

    // The same line without markers: the token is found, on line 1.
    let unmarked = line.replace("/*leakgate:allow*/", "");
    let (found, stats) = scanner.scan_with_stats(Some("bundle.min.js"), unmarked.as_bytes());
    assert_bounded(&stats, "a 10 MB line without markers");
    let line =
        line_found(&scanner, &found, "github-pat").expect("the token in a 10 MB line is found");
    assert_eq!(line, 1);
}

#[test]
fn millions_of_escaped_strings_are_bounded() {
    let scanner = scanner();
    // Two million short JSON strings each holding an escape: only the span budget's worth
    // are collected and decoded.
    let data = "[\"a\\\"b\",\"c\\u0041d\"],".repeat(1_000_000);
    let (_, stats) = scanner.scan_with_stats(Some("data.json"), data.as_bytes());
    assert_bounded(&stats, "2M escaped strings");
    assert_eq!(stats.spans, MAX_SPANS_PER_BLOB);
}

/// A Heroku key in the `.netrc` form its rule reads across three lines, built at run time.
fn heroku_netrc(seed: u64) -> String {
    let hex: String = common::base62(seed, 64)
        .bytes()
        .map(|b| char::from(b"0123456789abcdef"[usize::from(b) % 16]))
        .take(32)
        .collect();
    format!(
        "machine api.heroku.com\n  login dev@acme.org\n  password {}-{}-{}-{}-{}\n",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// A JSON string body for `text`.
fn json_body(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap();
    quoted[1..quoted.len() - 1].to_string()
}

#[test]
fn a_string_too_large_to_unfold_does_not_starve_the_ones_after_it() {
    let scanner = scanner();
    let netrc = heroku_netrc(3);
    assert_eq!(
        scanner.scan(None, netrc.as_bytes()).len(),
        1,
        "the plain form is found"
    );
    let log = "GET /health 200 in 3ms\n".repeat(250_000);
    let data = format!(
        "{{\"log\": \"{}\",\n \"netrc\": \"{}\"}}\n",
        json_body(&log),
        json_body(&netrc)
    );
    assert!(data.len() > MAX_DECODED_PER_BLOB);
    let (found, stats) = scanner.scan_with_stats(Some("state.json"), data.as_bytes());
    assert_bounded(&stats, "a 5 MB folded string");
    let line = line_found(&scanner, &found, "heroku-api-key-legacy")
        .expect("the folded netrc after the large string is unfolded and found");
    assert_eq!(line, 2);
}

#[test]
fn a_notebook_with_megabytes_of_output_lines_is_bounded() {
    let scanner = scanner();
    // One output of 400,000 lines, one JSON string each: joined in bounded pieces, within
    // the blob's budget.
    let mut notebook = String::from("{\"cells\": [{\"outputs\": [{\"text\": [\n");
    for n in 0..400_000 {
        notebook.push_str(&format!("    \"step {n} done, loss 0.{n:05}\\n\",\n"));
    }
    notebook.push_str("    \"end\"\n]}]}]}\n");
    let (_, stats) = scanner.scan_with_stats(Some("train.ipynb"), notebook.as_bytes());
    assert_bounded(&stats, "a 16 MB notebook output");
    assert!(stats.decoded_bytes > 0, "the output lines were joined");

    // A cell small enough to join is found on the line where the secret starts.
    let lines: Vec<String> = heroku_netrc(4)
        .lines()
        .map(|l| format!("    \"{}\\n\",", json_body(l)))
        .collect();
    let cell = format!(
        "{{\"cells\": [{{\"source\": [\n    \"import os\\n\",\n{}\n    \"run()\"\n]}}]}}\n",
        lines.join("\n")
    );
    let found = scanner.scan(Some("deploy.ipynb"), cell.as_bytes());
    let line = line_found(&scanner, &found, "heroku-api-key-legacy")
        .expect("the netrc split over source strings is joined and found");
    assert_eq!(line, 5, "the line of the password's source string");
}

#[test]
fn a_line_of_a_million_xml_references_is_bounded() {
    let scanner = scanner();
    let data = "<v a=\"&amp;&lt;&#65;&#x42;\"/>".repeat(400_000);
    let (_, stats) = scanner.scan_with_stats(Some("big.xml"), data.as_bytes());
    assert_bounded(&stats, "a 12 MB line of XML references");
}
