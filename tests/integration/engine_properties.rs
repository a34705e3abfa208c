//! Property tests: the scanner never panics on any input, and what it reports is sane.
//!
//! Arbitrary bytes alone rarely wake a rule, so inputs are also built from pieces of the
//! rules' own keywords and examples, spliced with random bytes, newlines, NULs and UTF-16.

use leakgate::rules::RuleSet;
use leakgate::scan::{BlobScan, Scanner};
use proptest::prelude::*;
use std::sync::OnceLock;

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| Scanner::new(RuleSet::builtin().expect("built-in rules load")))
}

/// Fragments that wake rules: every keyword and every example of the built-ins.
fn fragments() -> &'static Vec<Vec<u8>> {
    static FRAGMENTS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let set = RuleSet::builtin().unwrap();
        let mut out: Vec<Vec<u8>> = Vec::new();
        for rule in &set.rules {
            out.extend(rule.keywords.iter().map(|k| k.as_bytes().to_vec()));
            out.extend(rule.spec.examples.iter().map(|e| e.as_bytes().to_vec()));
        }
        out.extend([
            b"\n".to_vec(),
            b"\r\n".to_vec(),
            b"\0".to_vec(),
            b"=".to_vec(),
            b"\"".to_vec(),
            b"\\u00".to_vec(),
            b"%2".to_vec(),
        ]);
        out
    })
}

fn spliced() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::collection::vec(
        prop_oneof![
            (0..fragments().len()).prop_map(|i| fragments()[i].clone()),
            prop::collection::vec(any::<u8>(), 0..40),
        ],
        0..30,
    );
    pieces.prop_map(|p| p.concat())
}

fn check(data: &[u8], scan_binary: bool) {
    if let BlobScan::Scanned(matches) =
        scanner().scan_blob(Some("fuzz/input.txt"), data, scan_binary)
    {
        for m in matches {
            assert!(m.line >= 1 && m.column >= 1);
            assert!(m.start <= m.end);
            assert!(!m.secret.expose().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&data, false);
        check(&data, true);
    }

    #[test]
    fn rule_fragments_spliced_with_noise_never_panic(data in spliced()) {
        check(&data, false);
        check(&data, true);
    }

    #[test]
    fn utf16_of_arbitrary_text_never_panics(text in ".{0,400}") {
        let mut data = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            data.extend_from_slice(&unit.to_le_bytes());
        }
        check(&data, false);
    }
}
