//! Finding every keyword occurrence, ASCII-case-insensitively, in one cheap pass.
//!
//! The rule set has about 700 distinct keywords. An Aho-Corasick automaton over that many
//! case-insensitive patterns cannot use a SIMD prefilter (its start bytes cover the
//! alphabet) and its DFA is larger than the L2 cache, so it searched at about 270 MB/s and
//! was the largest single cost of a scan. This searcher replaces it with a gram filter:
//!
//! - every byte is folded with `| 0x20` (equal ignoring ASCII case ⇒ equal after folding;
//!   the converse need not hold, since the filter only has to keep every true occurrence);
//! - at each position the folded 4-byte gram is hashed into a 64 Kibit table holding the
//!   first four bytes of every keyword of four bytes or more, its low 3 bytes into a
//!   16 Kibit table of the three-byte keywords, and its low 2 bytes index a 64 Kibit table
//!   of the one- and two-byte keywords. The tables (18 KiB) stay in the L1 cache; positions
//!   are taken four at a time from one 8-byte load, with one branch per four positions;
//! - a position whose bit is set in any table is checked exactly: each keyword filed under
//!   that bit is compared with the text, ignoring ASCII case.
//!
//! It reports every occurrence of every keyword, overlapping ones included (`sk-` and
//! `sk-ant-` at the same place, `keykey`), in order of position; a test compares it with
//! a brute-force search.

/// Bits of the hash indexing the four-byte table.
const QUAD_BITS: u32 = 16;
/// Bits of the hash indexing the three-byte table.
const TRI_BITS: u32 = 14;
/// Bits of the direct index of the one- and two-byte table.
const DUO_BITS: u32 = 16;
/// Every byte, folded: `x | FOLD` maps an ASCII letter and its other case to one value.
const FOLD: u64 = 0x2020_2020_2020_2020;

/// One filter table: a bit per bucket, and the keywords filed under each bucket.
struct Table {
    bits: Vec<u64>,
    /// `entries[offsets[b]..offsets[b + 1]]` are the keywords (pattern ids) of bucket `b`.
    offsets: Vec<u32>,
    entries: Vec<u32>,
    empty: bool,
}

impl Table {
    fn new(buckets: usize, filed: Vec<(usize, u32)>) -> Table {
        let mut filed = filed;
        filed.sort_unstable();
        filed.dedup();
        let mut bits = vec![0u64; buckets.div_ceil(64)];
        let mut offsets = vec![0u32; buckets + 1];
        for &(bucket, _) in &filed {
            bits[bucket / 64] |= 1 << (bucket % 64);
            offsets[bucket + 1] += 1;
        }
        for b in 0..buckets {
            offsets[b + 1] += offsets[b];
        }
        Table {
            bits,
            offsets,
            empty: filed.is_empty(),
            entries: filed.into_iter().map(|(_, pattern)| pattern).collect(),
        }
    }

    #[inline(always)]
    fn has(&self, bucket: usize) -> bool {
        self.bits[bucket / 64] & (1 << (bucket % 64)) != 0
    }

    fn filed(&self, bucket: usize) -> &[u32] {
        &self.entries[self.offsets[bucket] as usize..self.offsets[bucket + 1] as usize]
    }
}

#[inline(always)]
fn quad_bucket(gram: u32) -> usize {
    (gram.wrapping_mul(0x9E37_79B1) >> (32 - QUAD_BITS)) as usize
}

#[inline(always)]
fn tri_bucket(gram: u32) -> usize {
    ((gram & 0x00FF_FFFF).wrapping_mul(0x9E37_79B1) >> (32 - TRI_BITS)) as usize
}

#[inline(always)]
fn duo_bucket(gram: u32) -> usize {
    (gram & 0xFFFF) as usize
}

/// The folded little-endian gram of up to four bytes (missing bytes count as zero).
fn folded_gram(bytes: &[u8]) -> u32 {
    let mut gram = [0u8; 4];
    let n = bytes.len().min(4);
    gram[..n].copy_from_slice(&bytes[..n]);
    u32::from_le_bytes(gram) | FOLD as u32
}

/// Searches a fixed set of keywords, ASCII-case-insensitively.
pub struct Anchors {
    /// The keywords, lowercased, by pattern id.
    patterns: Vec<Vec<u8>>,
    quad: Table,
    tri: Table,
    duo: Table,
}

impl Anchors {
    /// The searcher for `patterns` (empty patterns never match).
    pub fn new(patterns: &[Vec<u8>]) -> Anchors {
        let (mut quad, mut tri, mut duo) = (Vec::new(), Vec::new(), Vec::new());
        // Every value a folded byte can take (bit 5 set), for the byte after a one-byte
        // keyword: its bucket must be set whatever follows it, the end of the input included
        // (which reads as zero, folded to a space).
        let folded_bytes = || (0u32..=255).filter(|b| b & 0x20 != 0);
        for (id, pattern) in patterns.iter().enumerate() {
            let id = id as u32;
            let gram = folded_gram(pattern);
            match pattern.len() {
                0 => {}
                1 => duo.extend(folded_bytes().map(|next| (duo_bucket(gram | next << 8), id))),
                2 => duo.push((duo_bucket(gram), id)),
                3 => tri.push((tri_bucket(gram), id)),
                _ => quad.push((quad_bucket(gram), id)),
            }
        }
        Anchors {
            patterns: patterns.iter().map(|p| p.to_ascii_lowercase()).collect(),
            quad: Table::new(1 << QUAD_BITS, quad),
            tri: Table::new(1 << TRI_BITS, tri),
            duo: Table::new(1 << DUO_BITS, duo),
        }
    }

    /// The keyword with this pattern id, lowercased.
    pub fn pattern(&self, id: usize) -> &[u8] {
        &self.patterns[id]
    }

    /// Calls `hit(pattern, start, end)` for every occurrence of every keyword in `data`, in
    /// order of `start` (occurrences at one position in no set order).
    pub fn for_each(&self, data: &[u8], mut hit: impl FnMut(usize, usize, usize)) {
        let mut at = 0;
        // Four positions per step, from one 8-byte load: the gram at position `at + k` is
        // bytes `k..k + 4` of the load.
        while at + 8 <= data.len() {
            let word = u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes")) | FOLD;
            if self.any_of_four(word) {
                for k in 0..4 {
                    self.check(data, at + k, (word >> (8 * k)) as u32, &mut hit);
                }
            }
            at += 4;
        }
        // The last positions: read through a zero-padded copy.
        while at < data.len() {
            let gram = folded_gram(&data[at..]);
            self.check(data, at, gram, &mut hit);
            at += 1;
        }
    }

    /// Whether a bucket is set for any of the four grams in `word` (folded).
    #[inline(always)]
    fn any_of_four(&self, word: u64) -> bool {
        let mut any = false;
        for k in 0..4 {
            let gram = (word >> (8 * k)) as u32;
            any |= self.quad.has(quad_bucket(gram))
                | self.tri.has(tri_bucket(gram))
                | self.duo.has(duo_bucket(gram));
        }
        any
    }

    /// Reports the keywords that occur at `at`, whose folded gram is `gram`.
    #[inline(never)]
    fn check(&self, data: &[u8], at: usize, gram: u32, hit: &mut impl FnMut(usize, usize, usize)) {
        let tables = [
            (&self.quad, quad_bucket(gram)),
            (&self.tri, tri_bucket(gram)),
            (&self.duo, duo_bucket(gram)),
        ];
        for (table, bucket) in tables {
            if table.empty || !table.has(bucket) {
                continue;
            }
            for &id in table.filed(bucket) {
                let pattern = &self.patterns[id as usize];
                let end = at + pattern.len();
                if data
                    .get(at..end)
                    .is_some_and(|text| text.eq_ignore_ascii_case(pattern))
                {
                    hit(id as usize, at, end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(patterns: &[&str], data: &[u8]) -> Vec<(usize, usize, usize)> {
        let patterns: Vec<Vec<u8>> = patterns.iter().map(|p| p.as_bytes().to_vec()).collect();
        let anchors = Anchors::new(&patterns);
        let mut out = Vec::new();
        anchors.for_each(data, |p, s, e| out.push((p, s, e)));
        out.sort_unstable();
        out
    }

    fn brute_force(patterns: &[&str], data: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            let p = p.as_bytes();
            if p.is_empty() {
                continue;
            }
            for at in 0..data.len() {
                if data
                    .get(at..at + p.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(p))
                {
                    out.push((id, at, at + p.len()));
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_every_occurrence_of_every_length_in_any_case() {
        let patterns = [
            "b", "q~", "key", "KeY", "token", "sk-", "sk-ant-", "fal ", "_",
        ];
        let data = b"KEY=1 keykey Token sk-ant-x SK-1 fal fal  q~Q~b_B";
        assert_eq!(found(&patterns, data), brute_force(&patterns, data));
        assert!(found(&patterns, b"").is_empty());
        for len in 0..12 {
            let data = &b"sk-ant-key q"[..len];
            assert_eq!(
                found(&patterns, data),
                brute_force(&patterns, data),
                "{len}"
            );
        }
    }

    #[test]
    fn matches_a_brute_force_search_on_random_text() {
        // Letters in both cases, the bytes the fold maps onto each other (`@`/`` ` ``,
        // `[`/`{`, `_`/DEL, space/NUL), and keywords of every length class.
        let alphabet = b"abcdeABCDE@`[{_\x7f \x00-";
        let patterns = [
            "a", "b`", "[{", "abc", "cde", "ab@", "abcd", "bcda", "abcde", "e_\x7f", "cd-ab",
            " \x00", "dddd",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..3000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 40) as usize;
            let data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(
                found(&patterns, &data),
                brute_force(&patterns, &data),
                "{:?}",
                String::from_utf8_lossy(&data)
            );
        }
    }
}
