//! Engine throughput on fixed, generated inputs, all built-in rules loaded: a corpus of
//! realistic source files (one core and all cores; `LEAKGATE_BENCH_MB` sets its size,
//! default 200), a minified JavaScript bundle, a file where every line holds a token, and
//! the start-up cost of loading the rules and building the scanner.
//!
//! Run: `cargo bench --bench throughput` (or `-- --quick` for a short run); criterion prints
//! the throughput in MiB/s. The inputs are deterministic (fixed seeds), so figures compare
//! between commits. CI never runs benches (`cargo test` does not build them as tests).

mod corpus;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use leakgate::rules::RuleSet;
use leakgate::scan::{BlobScan, Scanner};
use rayon::prelude::*;

fn corpus_size() -> usize {
    std::env::var("LEAKGATE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

fn scan_all(scanner: &Scanner, files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .map(
            |(path, data)| match scanner.scan_blob(Some(path), data, false) {
                BlobScan::Scanned(m) => m.len(),
                BlobScan::Binary => 0,
            },
        )
        .sum()
}

fn throughput(c: &mut Criterion) {
    let files = corpus::corpus(corpus_size(), 42);
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let scanner = Scanner::new(RuleSet::builtin().expect("built-in rules load"));
    eprintln!(
        "corpus: {} files, {:.1} MB, {} rules; findings: {}",
        files.len(),
        bytes as f64 / 1e6,
        scanner.rules().len(),
        scan_all(&scanner, &files)
    );

    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("all rules, one core", |b| {
        b.iter(|| scan_all(&scanner, &files))
    });
    group.bench_function("all rules, all cores", |b| {
        b.iter(|| {
            files
                .par_iter()
                .map(
                    |(path, data)| match scanner.scan_blob(Some(path), data, false) {
                        BlobScan::Scanned(m) => m.len(),
                        BlobScan::Binary => 0,
                    },
                )
                .sum::<usize>()
        })
    });
    group.finish();
}

/// One blob at a time: the shapes that stress one part of the engine each.
fn fixed_inputs(c: &mut Criterion) {
    let scanner = Scanner::new(RuleSet::builtin().expect("built-in rules load"));
    let mut group = c.benchmark_group("fixed input");
    group.sample_size(10);
    let inputs = [
        ("mixed code, 20 MB", corpus::corpus(20, 7)),
        ("minified JS, 8 MB", vec![corpus::minified_bundle(8, 7)]),
        (
            "token-dense .env, 20k lines",
            vec![corpus::token_dense(20_000, 7)],
        ),
    ];
    for (name, files) in &inputs {
        let bytes: usize = files.iter().map(|f| f.1.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| b.iter(|| scan_all(&scanner, files)));
    }
    group.finish();
}

/// What every run pays before reading a byte: the built-in rules parsed and checked, the
/// scanner (keyword tables) built, and one tiny file scanned.
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.bench_function("load rules, build scanner, scan 3 bytes", |b| {
        b.iter(|| {
            let scanner = Scanner::new(RuleSet::builtin().expect("built-in rules load"));
            scan_all(&scanner, &[("a.txt".to_string(), b"hi\n".to_vec())])
        })
    });
    group.finish();
}

/// The keyword pass alone over the mixed code corpus: the gram filter the scanner uses
/// ([`leakgate::scan::anchors::Anchors`]) next to the Aho-Corasick DFA it replaced, over
/// the built-in rules' keywords, counting every occurrence.
fn keyword_pass(c: &mut Criterion) {
    let rules = RuleSet::builtin().expect("built-in rules load");
    let mut keywords: Vec<Vec<u8>> = rules
        .rules
        .iter()
        .flat_map(|r| r.keywords.iter().map(|k| k.as_bytes().to_vec()))
        .collect();
    keywords.sort();
    keywords.dedup();
    let text: Vec<u8> = corpus::corpus(20, 7)
        .into_iter()
        .flat_map(|f| f.1)
        .collect();
    let anchors = leakgate::scan::anchors::Anchors::new(&keywords);
    let dfa = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .build(&keywords)
        .expect("keyword automaton builds");
    let mut group = c.benchmark_group("keyword pass");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("gram filter (anchors), mixed code 20 MB", |b| {
        b.iter(|| {
            let mut hits = 0usize;
            anchors.for_each(&text, |_, _, _| hits += 1);
            hits
        })
    });
    group.bench_function("Aho-Corasick DFA, mixed code 20 MB", |b| {
        b.iter(|| dfa.find_overlapping_iter(&text).count())
    });
    // The whole keyword pass as a scan runs it: occurrences, word-part and token-prefix
    // checks, each woken rule's window, merged; per file of the corpus, as files come.
    let prefilter = leakgate::scan::prefilter::Prefilter::for_content_rules(&rules);
    let files = corpus::corpus(20, 7);
    group.bench_function(
        "prefilter regions (windows, merge), mixed code 20 MB",
        |b| {
            b.iter(|| {
                files
                    .iter()
                    .map(|f| {
                        prefilter
                            .regions(&f.1, |i| rules.rules[i].single_line())
                            .len()
                    })
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, throughput, fixed_inputs, keyword_pass, startup);
criterion_main!(benches);
