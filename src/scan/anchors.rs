//! Finding every keyword occurrence, ASCII-case-insensitively, in one cheap pass.
//!
//! The rule set has about 700 distinct keywords. An Aho-Corasick automaton over that many
//! case-insensitive patterns cannot use a SIMD prefilter (its start bytes cover the
//! alphabet) and its DFA is larger than the L2 cache, so it searched at 270-560 MB/s (by
//! machine load) and was the largest single cost of a scan (docs/performance.md). This searcher replaces it with a gram filter:
//!
//! - every byte is folded with `| 0x20` (equal ignoring ASCII case ⇒ equal after folding;
//!   the converse need not hold, since the filter only has to keep every true occurrence);
//! - each keyword of four bytes or more is filed under one of its 4-byte grams, the one
//!   made of the rarest bytes (`ypef` of `typeform`, not `type`), at its offset in the
//!   keyword; three-byte keywords are filed whole;
//! - at each position the folded 4-byte gram is hashed into a 64 Kibit table of the filed
//!   grams, and its low three bytes into a 16 Kibit table of the three-byte keywords. The
//!   tables (10 KiB) stay in the L1 cache; positions are taken four at a time from one
//!   8-byte load, with one branch per four positions;
//! - a position whose bit is set is checked exactly: each keyword filed under that bucket
//!   is compared with the text at its offset, ignoring ASCII case;
//! - the few keywords of one or two bytes (`q~`) are found by a small Aho-Corasick
//!   automaton of their own, which searches for their first bytes with `memchr`.
//!
//! It reports every occurrence of every keyword, overlapping ones included (`sk-` and
//! `sk-ant-` at the same place, `keykey`); a test compares it with a brute-force search.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Bits of the hash indexing the four-byte table.
const QUAD_BITS: u32 = 16;
/// Bits of the hash indexing the three-byte table.
const TRI_BITS: u32 = 14;
/// Every byte, folded: `x | FOLD` maps an ASCII letter and its other case to one value.
const FOLD: u64 = 0x2020_2020_2020_2020;

/// A filter table: a bit per bucket (`WORDS` × 64 buckets), and the keywords filed under
/// each set bucket with their gram's offset in the keyword.
///
/// A set bucket's entries are found by its rank among the set buckets (a count per bit
/// word plus a popcount), not by an offset per bucket: the quad table has 65,536 buckets
/// and a few hundred set ones, and an offset per bucket was 256 KiB to zero, sum and
/// fault in at every start (issue 17, start-up), and a cache miss at each hit.
struct Table<const WORDS: usize> {
    bits: Box<[u64; WORDS]>,
    /// Per bit word, how many buckets are set in the words before it.
    rank: Box<[u32; WORDS]>,
    /// `entries[starts[r]..starts[r + 1]]` are the `(pattern id, offset)` of the set bucket
    /// of rank `r`.
    starts: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

impl<const WORDS: usize> Table<WORDS> {
    fn new(filed: Vec<(usize, u32, u32)>) -> Table<WORDS> {
        let mut filed = filed;
        filed.sort_unstable();
        filed.dedup();
        let mut bits = Box::new([0u64; WORDS]);
        let mut starts = Vec::new();
        for (at, &(bucket, _, _)) in filed.iter().enumerate() {
            if bits[bucket / 64] & (1 << (bucket % 64)) == 0 {
                bits[bucket / 64] |= 1 << (bucket % 64);
                starts.push(at as u32);
            }
        }
        starts.push(filed.len() as u32);
        let mut rank = Box::new([0u32; WORDS]);
        let mut before = 0;
        for (word, bits) in rank.iter_mut().zip(bits.iter()) {
            *word = before;
            before += bits.count_ones();
        }
        Table {
            bits,
            rank,
            starts,
            entries: filed.into_iter().map(|(_, id, at)| (id, at)).collect(),
        }
    }

    /// 1 if the bucket is set, else 0. `bucket` is below `WORDS * 64`.
    #[inline(always)]
    fn bit(&self, bucket: usize) -> u64 {
        (self.bits[(bucket >> 6) % WORDS] >> (bucket & 63)) & 1
    }

    /// The entries of a set bucket (below `WORDS * 64`).
    fn filed(&self, bucket: usize) -> &[(u32, u32)] {
        let word = (bucket >> 6) % WORDS;
        let below = self.bits[word] & ((1u64 << (bucket & 63)) - 1);
        let rank = (self.rank[word] + below.count_ones()) as usize;
        &self.entries[self.starts[rank] as usize..self.starts[rank + 1] as usize]
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

/// The folded little-endian gram of up to four bytes (missing bytes count as zero).
fn folded_gram(bytes: &[u8]) -> u32 {
    let mut gram = [0u8; 4];
    let n = bytes.len().min(4);
    gram[..n].copy_from_slice(&bytes[..n]);
    u32::from_le_bytes(gram) | FOLD as u32
}

/// How common a byte is in source code and text, roughly (higher is more common): the
/// filter files a keyword under its gram of least common bytes, so that fewer positions
/// of ordinary text wake the exact check.
fn commonness(byte: u8) -> u32 {
    COMMONNESS[usize::from(byte)]
}

/// [`commonness`] of every byte, worked out at compile time: asked for every byte of every
/// keyword at each start, a search of the rank list was 1-2 % of a one-file scan (issue 17).
static COMMONNESS: [u32; 256] = {
    const BY_RANK: &[u8] = b" etaoinsrlcdhupmfgy_.b,wv\"k=x/:-()'j;q0z1{}2<>$";
    let mut table = [0u32; 256];
    let mut rank = 0;
    while rank < BY_RANK.len() {
        let byte = BY_RANK[rank];
        let value = (BY_RANK.len() - rank) as u32;
        table[byte as usize] = value;
        // The other case of a letter ranks as the letter.
        if byte.is_ascii_lowercase() {
            table[byte.to_ascii_uppercase() as usize] = value;
        }
        rank += 1;
    }
    table
};

/// Offset of the 4-byte gram of `keyword` (four bytes or more) made of the least common
/// bytes.
fn rarest_gram(keyword: &[u8]) -> usize {
    (0..=keyword.len() - 4)
        .min_by_key(|&at| {
            keyword[at..at + 4]
                .iter()
                .map(|&b| commonness(b))
                .sum::<u32>()
        })
        .unwrap_or(0)
}

/// Searches a fixed set of keywords, ASCII-case-insensitively.
pub struct Anchors {
    /// The keywords, lowercased, by pattern id.
    patterns: Vec<Vec<u8>>,
    /// Keywords of four bytes or more, by their rarest gram.
    quad: Table<{ (1 << QUAD_BITS) / 64 }>,
    /// Keywords of three bytes.
    tri: Table<{ (1 << TRI_BITS) / 64 }>,
    /// Keywords of one or two bytes, and their pattern ids.
    short: Option<(AhoCorasick, Vec<usize>)>,
}

impl Anchors {
    /// The searcher for `patterns` (empty patterns never match).
    pub fn new(patterns: &[Vec<u8>]) -> Anchors {
        Anchors::from_patterns(patterns.to_vec())
    }

    /// [`Anchors::new`], keeping the given patterns (lowercased in place) instead of
    /// copying them: the scanner builds ~750 at every start (issue 17).
    pub fn from_patterns(mut patterns: Vec<Vec<u8>>) -> Anchors {
        for pattern in &mut patterns {
            pattern.make_ascii_lowercase();
        }
        let (mut quad, mut tri, mut short) = (Vec::new(), Vec::new(), Vec::new());
        for (id, pattern) in patterns.iter().enumerate() {
            match pattern.len() {
                0 => {}
                1 | 2 => short.push(id),
                3 => tri.push((tri_bucket(folded_gram(pattern)), id as u32, 0)),
                _ => {
                    let at = rarest_gram(pattern);
                    let gram = folded_gram(&pattern[at..]);
                    quad.push((quad_bucket(gram), id as u32, at as u32));
                }
            }
        }
        let short = (!short.is_empty()).then(|| {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(short.iter().map(|&id| &patterns[id]))
                .expect("an automaton of a few short keywords builds");
            (automaton, short)
        });
        Anchors {
            patterns,
            quad: Table::new(quad),
            tri: Table::new(tri),
            short,
        }
    }

    /// Pattern `id`, lowercased.
    pub fn pattern(&self, id: usize) -> &[u8] {
        &self.patterns[id]
    }

    /// Calls `hit(pattern, start, end)` for every occurrence of every keyword in `data`, in
    /// no set order.
    pub fn for_each(&self, data: &[u8], mut hit: impl FnMut(usize, usize, usize)) {
        let mut at = 0;
        // Four positions per step, from one 8-byte load: the gram at position `at + k` is
        // bytes `k..k + 4` of the load.
        while at + 8 <= data.len() {
            let word = u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes")) | FOLD;
            let mut mask = 0u64;
            for k in 0..4 {
                let gram = (word >> (8 * k)) as u32;
                mask |= (self.quad.bit(quad_bucket(gram)) | self.tri.bit(tri_bucket(gram))) << k;
            }
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                self.check(data, at + k, (word >> (8 * k)) as u32, &mut hit);
            }
            at += 4;
        }
        // The last positions: read through a zero-padded copy.
        while at < data.len() {
            self.check(data, at, folded_gram(&data[at..]), &mut hit);
            at += 1;
        }
        if let Some((automaton, ids)) = &self.short {
            for found in automaton.find_overlapping_iter(data) {
                hit(ids[found.pattern().as_usize()], found.start(), found.end());
            }
        }
    }

    /// Reports the keywords filed under the buckets of `gram`, the folded gram at `at`,
    /// that occur there.
    #[inline(never)]
    fn check(&self, data: &[u8], at: usize, gram: u32, hit: &mut impl FnMut(usize, usize, usize)) {
        let quad = quad_bucket(gram);
        let tri = tri_bucket(gram);
        let filed = [
            if self.quad.bit(quad) != 0 {
                self.quad.filed(quad)
            } else {
                &[]
            },
            if self.tri.bit(tri) != 0 {
                self.tri.filed(tri)
            } else {
                &[]
            },
        ];
        for &(id, offset) in filed.into_iter().flatten() {
            let Some(start) = at.checked_sub(offset as usize) else {
                continue;
            };
            let pattern = &self.patterns[id as usize];
            let end = start + pattern.len();
            if data
                .get(start..end)
                .is_some_and(|text| text.eq_ignore_ascii_case(pattern))
            {
                hit(id as usize, start, end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The compile-time table gives what searching the rank list gives, for every byte.
    #[test]
    fn the_commonness_table_is_the_rank_list() {
        const BY_RANK: &[u8] = b" etaoinsrlcdhupmfgy_.b,wv\"k=x/:-()'j;q0z1{}2<>$";
        for byte in 0..=255u8 {
            let lower = byte.to_ascii_lowercase();
            let expected = BY_RANK
                .iter()
                .position(|&b| b == lower)
                .map_or(0, |rank| (BY_RANK.len() - rank) as u32);
            assert_eq!(super::commonness(byte), expected, "{byte}");
        }
    }
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
