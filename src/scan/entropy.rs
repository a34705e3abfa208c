//! Shannon entropy of a candidate secret, in bits per character.
//!
//! Random tokens over base62 sit near 5 bits per character; words and repeated filler sit
//! far lower. A rule's `min_entropy` turns that into a floor for formats without a prefix.

/// Bits of entropy per byte of `text`; 0 for empty text.
pub fn shannon(text: &[u8]) -> f64 {
    if text.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in text {
        counts[b as usize] += 1;
    }
    let len = text.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / len;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::shannon;

    #[test]
    fn filler_is_low_and_random_text_is_high() {
        assert_eq!(shannon(b""), 0.0);
        assert_eq!(shannon(b"aaaaaaaa"), 0.0);
        assert!((shannon(b"abababab") - 1.0).abs() < 1e-9);
        assert!(shannon(b"q8Zr3LkP0vX7mN2bT5yW") > 4.0);
    }
}
