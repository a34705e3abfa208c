//! Lower bounds for `leakgate scan` of a tree (docs/performance.md, "scan"): what reading
//! every file costs, and what one pass of every rule's keywords over the same bytes costs,
//! so that a scan's MB/s can be set against the parts no scanner can skip.
//!
//! ```sh
//! cargo build --release --example scan_bounds
//! /usr/bin/time -v target/release/examples/scan_bounds read TREE       # walk + read
//! /usr/bin/time -v target/release/examples/scan_bounds keywords TREE   # + keyword pass
//! /usr/bin/time -v target/release/examples/scan_bounds aho TREE        # aho-corasick instead
//! /usr/bin/time -v target/release/examples/scan_bounds regions TREE    # + windows, per rule
//! ```
//!
//! One thread, every file (no ignore files, hidden files included, as `scan --no-ignore`),
//! each read whole into one reused buffer. `keywords` runs the gram filter of
//! `src/scan/anchors.rs` over all keywords of the built-in content rules and counts the
//! occurrences (and prints the most frequent keywords); `aho` does the same with one
//! `aho_corasick` automaton (DFA, ASCII case-insensitive, overlapping), to compare; `regions` runs the whole prefilter (occurrences, word-part checks, windows,
//! merge) and prints the rules that get the most windows.

use leakgate::rules::RuleSet;
use leakgate::scan::anchors::Anchors;
use leakgate::scan::prefilter::Prefilter;
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(mode), Some(tree)) = (args.next(), args.next()) else {
        eprintln!("usage: scan_bounds read|keywords|aho|regions TREE");
        std::process::exit(2);
    };
    let rules = RuleSet::builtin().expect("built-in rules load");
    let content: Vec<usize> = (0..rules.rules.len())
        .filter(|&i| rules.rules[i].kind == leakgate::finding::FindingKind::Secret)
        .collect();
    let keywords: Vec<Vec<u8>> = {
        let mut all: Vec<Vec<u8>> = content
            .iter()
            .flat_map(|&i| rules.rules[i].keywords.iter())
            .map(|k| k.to_ascii_lowercase().into_bytes())
            .collect();
        all.sort();
        all.dedup();
        all
    };
    let anchors = Anchors::new(&keywords);
    // The alternative the issue names: one aho-corasick automaton over the same keywords
    // (ASCII case-insensitive, every overlapping occurrence), DFA if it fits.
    let automaton = (mode == "aho").then(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&keywords)
            .expect("the keyword automaton builds")
    });
    let prefilter = Prefilter::for_content_rules(&rules);
    let single_line = |i: usize| rules.rules[i].single_line();

    let started = Instant::now();
    let (mut files, mut bytes, mut hits) = (0u64, 0u64, 0u64);
    let mut per_rule: Vec<(u64, u64)> = vec![(0, 0); rules.rules.len()];
    let mut per_keyword: Vec<u64> = vec![0; keywords.len()];
    let mut buf = Vec::new();
    let walk = ignore::WalkBuilder::new(&tree)
        .standard_filters(false)
        .build();
    for entry in walk.flatten() {
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        buf.clear();
        let Ok(mut file) = std::fs::File::open(entry.path()) else {
            continue;
        };
        if file.read_to_end(&mut buf).is_err() {
            continue;
        }
        files += 1;
        bytes += buf.len() as u64;
        match mode.as_str() {
            "read" => {}
            "keywords" => anchors.for_each(&buf, |keyword, _, _| {
                hits += 1;
                per_keyword[keyword] += 1;
            }),
            "aho" => {
                let automaton = automaton.as_ref().expect("built for aho");
                for found in automaton.find_overlapping_iter(&buf) {
                    hits += 1;
                    per_keyword[found.pattern().as_usize()] += 1;
                }
            }
            "regions" => {
                for region in prefilter.regions(&buf, single_line) {
                    hits += 1;
                    per_rule[region.rule].0 += 1;
                    per_rule[region.rule].1 += (region.end - region.start) as u64;
                }
            }
            other => {
                eprintln!("unknown mode {other}: read, keywords, aho or regions");
                std::process::exit(2);
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{mode}: {files} files, {mb:.1} MB in {seconds:.2} s wall ({:.0} MB/s), {hits} {}",
        mb / seconds,
        if mode == "regions" {
            "windows"
        } else {
            "keyword occurrences"
        }
    );
    if mode == "keywords" || mode == "aho" {
        let mut ranked: Vec<usize> = (0..keywords.len()).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(per_keyword[i]));
        for &i in ranked.iter().take(30) {
            println!(
                "  {:24} {:>9} occurrences",
                String::from_utf8_lossy(&keywords[i]),
                per_keyword[i]
            );
        }
    }
    if mode == "regions" {
        let mut ranked: Vec<usize> = (0..per_rule.len()).filter(|&i| per_rule[i].0 > 0).collect();
        ranked.sort_by_key(|&i| std::cmp::Reverse(per_rule[i].1));
        for &i in ranked.iter().take(25) {
            let rule = &rules.rules[i];
            println!(
                "  {:32} {:>8} windows {:>10} bytes  {}",
                rule.id.as_ref(),
                per_rule[i].0,
                per_rule[i].1,
                if rule.is_context() {
                    "context"
                } else {
                    "regex"
                }
            );
        }
    }
}
