//! Engine throughput over a generated corpus of realistic source files, all built-in rules
//! loaded: one core, and all cores. `LEAKGATE_BENCH_MB` sets the corpus size (default 200).
//!
//! Run: `cargo bench --bench throughput`; criterion prints the throughput in MiB/s.

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

criterion_group!(benches, throughput);
criterion_main!(benches);
