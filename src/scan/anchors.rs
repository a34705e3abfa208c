//! Finding every keyword occurrence, ASCII-case-insensitively, in one cheap pass.
//!
//! The rule set has about 900 distinct keywords. An Aho-Corasick automaton over that many
//! case-insensitive patterns cannot use a SIMD prefilter (its start bytes cover the
//! alphabet) and its DFA is larger than the L2 cache, so it searched at 270-560 MB/s (by
//! machine load) and was the largest single cost of a scan (docs/performance.md). This
//! searcher replaces it with a gram filter:
//!
//! - every byte is folded with `| 0x20` (equal ignoring ASCII case ⇒ equal after folding;
//!   the converse need not hold, since the filter only has to keep every true occurrence);
//! - at each position, the folded three bytes there are hashed to a row of an 8 KiB byte
//!   table (it stays in the L1 cache), and the low three bits of the fourth byte pick a bit
//!   of that byte: one hash and one load per position. Positions are taken five at a time
//!   from one 8-byte load, with one branch per five positions;
//! - each keyword of four bytes or more is filed under one of its 4-byte grams, the one
//!   least common in source code by a table of gram tiers (`gram_tiers.bin`), then made of
//!   the rarest bytes (`ypef` of `typeform`, not `type`), at its offset in the keyword: the
//!   row of its first three bytes, the bit of its fourth. A three-byte keyword is filed
//!   under every bit of its row, since any byte may follow it;
//! - a position whose bit is set is checked exactly: each keyword filed under that bit
//!   whose folded gram is the position's is compared with the text at its offset, ignoring
//!   ASCII case;
//! - the few keywords of one or two bytes (`q~`) are found by a small Aho-Corasick
//!   automaton of their own, which searches for their first bytes with `memchr`.
//!
//! (Until session 8 the filter hashed every position twice: the 4-byte gram into a table of
//! the long keywords and the 3-byte one into a table of the three-byte keywords. One row
//! per three bytes and a bit per fourth byte finds the same occurrences with one hash and
//! one load a position: the pass takes about a quarter less CPU, although about a third
//! more positions wake the exact check; docs/performance.md "scan", session 8.)
//!
//! It reports every occurrence of every keyword, overlapping ones included (`sk-` and
//! `sk-ant-` at the same place, `keykey`); a test compares it with a brute-force search.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Bits of the hash of a position's first three bytes: the table has `1 << ROW_BITS` rows.
const ROW_BITS: u32 = 13;
/// Rows of the table.
const ROWS: usize = 1 << ROW_BITS;
/// Every byte, folded: `x | FOLD` maps an ASCII letter and its other case to one value.
const FOLD: u64 = 0x2020_2020_2020_2020;
/// Positions tested per 8-byte load: each needs its own byte and the three after it.
const PER_LOAD: usize = 5;

/// The filter table: a byte per row, whose bit `j` is set when some keyword is filed under
/// the row and a fourth byte whose low three bits are `j` (a bucket `row * 8 + j`), and the
/// keywords filed under each set bucket with their gram's offset in the keyword.
///
/// A set bucket's entries are found by its rank among the set buckets (a count per eight
/// rows plus a popcount), not by an offset per bucket: an offset per bucket was 256 KiB
/// to zero, sum and fault in at every start (issue 17, start-up), and a cache miss at
/// each hit.
struct Table {
    rows: Box<[u8; ROWS]>,
    /// Per eight rows (64 buckets), how many buckets are set in the rows before them.
    rank: Box<[u32; ROWS / 8]>,
    /// `entries[starts[r]..starts[r + 1]]` are the entries of the set bucket of rank `r`.
    starts: Vec<u32>,
    entries: Vec<Entry>,
}

/// A keyword filed under a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    /// The keyword's pattern id.
    id: u32,
    /// The gram's offset in the keyword.
    offset: u32,
    /// The folded gram the keyword is filed under, masked by `mask`: a position whose
    /// folded gram differs there cannot hold the keyword (equal ignoring ASCII case implies
    /// equal after folding), which rejects most positions that only share the bucket for
    /// the price of one comparison.
    gram: u32,
    /// `u32::MAX`, or the first three bytes for a three-byte keyword.
    mask: u32,
}

impl Table {
    /// The table of `(bucket, entry)`.
    fn new(filed: Vec<(usize, Entry)>) -> Table {
        let mut filed = filed;
        filed.sort_unstable();
        filed.dedup();
        let mut rows = Box::new([0u8; ROWS]);
        let mut starts = Vec::new();
        for (at, &(bucket, _)) in filed.iter().enumerate() {
            let (row, bit) = (bucket / 8, 1 << (bucket % 8));
            if rows[row] & bit == 0 {
                rows[row] |= bit;
                starts.push(at as u32);
            }
        }
        starts.push(filed.len() as u32);
        let mut rank = Box::new([0u32; ROWS / 8]);
        let mut before = 0;
        for (group, rows) in rank.iter_mut().zip(rows.chunks_exact(8)) {
            *group = before;
            before += rows.iter().map(|r| r.count_ones()).sum::<u32>();
        }
        Table {
            rows,
            rank,
            starts,
            entries: filed.into_iter().map(|(_, entry)| entry).collect(),
        }
    }

    /// 1 if the bucket of the folded `gram` is set, else 0.
    #[inline(always)]
    fn passes(&self, gram: u32) -> u64 {
        ((self.rows[row_of(gram)] >> ((gram >> 24) & 7)) & 1) as u64
    }

    /// The entries of the bucket of the folded `gram`, empty if it is not set.
    fn filed(&self, gram: u32) -> &[Entry] {
        let bucket = bucket_of(gram);
        let group = bucket / 64;
        let bits = u64::from_le_bytes(
            self.rows[group * 8..group * 8 + 8]
                .try_into()
                .expect("8 rows"),
        );
        if (bits >> (bucket % 64)) & 1 == 0 {
            return &[];
        }
        let below = bits & ((1u64 << (bucket % 64)) - 1);
        let rank = (self.rank[group] + below.count_ones()) as usize;
        &self.entries[self.starts[rank] as usize..self.starts[rank + 1] as usize]
    }
}

/// The row of a folded gram: a hash of its first three bytes, below [`ROWS`].
#[inline(always)]
fn row_of(gram: u32) -> usize {
    ((gram & 0x00FF_FFFF).wrapping_mul(0x9E37_79B1) >> (32 - ROW_BITS)) as usize
}

/// The bucket of a folded gram: its row, and the low three bits of its fourth byte.
fn bucket_of(gram: u32) -> usize {
    row_of(gram) * 8 + ((gram >> 24) & 7) as usize
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

/// How common the folded 4-byte gram is in source code, 0 (never seen) to 15: about the
/// log2 of its count in 24 MB of crates.io sources, from `src/scan/gram_tiers.bin`
/// (written by `scripts/gram-tiers.py`, which says how; two 4-bit tiers a byte, indexed by
/// a hash of the gram, so a rare gram may share a common one's tier).
fn gram_tier(gram: u32) -> u8 {
    static TIERS: &[u8; 8192] = include_bytes!("gram_tiers.bin");
    let index = (gram.wrapping_mul(0x9E37_79B1) >> (32 - 14)) as usize;
    (TIERS[index / 2] >> (4 * (index % 2))) & 0x0F
}

/// Offset of the 4-byte gram of `keyword` (four bytes or more) least common in code: the
/// lowest [`gram_tier`], then the least common bytes. (Until session 10, the least common
/// bytes alone: `key": "` was filed under `": "`, `-----BEGIN` under `----`, each met at
/// every JSON pair or rule line, and 1.5 % of the positions of the PyPI/npm tree held a
/// filed gram; 0.5 % now. Any choice finds the same occurrences.)
fn rarest_gram(keyword: &[u8]) -> usize {
    (0..=keyword.len() - 4)
        .min_by_key(|&at| {
            let bytes = keyword[at..at + 4]
                .iter()
                .map(|&b| commonness(b))
                .sum::<u32>();
            (gram_tier(folded_gram(&keyword[at..])), bytes)
        })
        .unwrap_or(0)
}

/// Searches a fixed set of keywords, ASCII-case-insensitively.
pub struct Anchors {
    /// The keywords, lowercased, by pattern id.
    patterns: Vec<Vec<u8>>,
    /// Keywords of three bytes or more, by their rarest gram.
    table: Table,
    /// Keywords of one or two bytes, and their pattern ids.
    short: Option<(AhoCorasick, Vec<usize>)>,
}

impl Anchors {
    /// The searcher for `patterns` (empty patterns never match).
    pub fn new(patterns: &[Vec<u8>]) -> Anchors {
        Anchors::from_patterns(patterns.to_vec())
    }

    /// [`Anchors::new`], keeping the given patterns (lowercased in place) instead of
    /// copying them: the scanner builds ~900 at every start (issue 17).
    pub fn from_patterns(mut patterns: Vec<Vec<u8>>) -> Anchors {
        for pattern in &mut patterns {
            pattern.make_ascii_lowercase();
        }
        let (mut filed, mut short) = (Vec::new(), Vec::new());
        for (id, pattern) in patterns.iter().enumerate() {
            match pattern.len() {
                0 => {}
                1 | 2 => short.push(id),
                3 => {
                    // Any fourth byte may follow: every bit of the row.
                    let gram = folded_gram(pattern);
                    let row = row_of(gram);
                    let entry = Entry {
                        gram: gram & 0x00FF_FFFF,
                        mask: 0x00FF_FFFF,
                        id: id as u32,
                        offset: 0,
                    };
                    filed.extend((0..8).map(|bit| (row * 8 + bit, entry)));
                }
                _ => {
                    let at = rarest_gram(pattern);
                    let gram = folded_gram(&pattern[at..]);
                    let entry = Entry {
                        gram,
                        mask: u32::MAX,
                        id: id as u32,
                        offset: at as u32,
                    };
                    filed.push((bucket_of(gram), entry));
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
            table: Table::new(filed),
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
        // Five positions per step, from one 8-byte load: the gram at position `at + k` is
        // bytes `k..k + 4` of the load.
        while at + 8 <= data.len() {
            let word = u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes")) | FOLD;
            let mut mask = 0u64;
            for k in 0..PER_LOAD {
                mask |= self.table.passes((word >> (8 * k)) as u32) << k;
            }
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                self.check(data, at + k, (word >> (8 * k)) as u32, &mut hit);
            }
            at += PER_LOAD;
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

    /// Reports the keywords filed under the bucket of `gram`, the folded gram at `at`, that
    /// occur there.
    #[inline(never)]
    fn check(&self, data: &[u8], at: usize, gram: u32, hit: &mut impl FnMut(usize, usize, usize)) {
        for &Entry {
            gram: filed,
            mask,
            id,
            offset,
        } in self.table.filed(gram)
        {
            if gram & mask != filed {
                continue;
            }
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
    fn a_keyword_is_filed_under_a_gram_that_is_rare_in_code() {
        // The byte ranks alone chose `": "` and `----`, met at every JSON pair and rule line.
        assert_ne!(rarest_gram(b"key\": \""), 3);
        let begin = b"-----begin rsa private key-----";
        let at = rarest_gram(begin);
        assert_ne!(&begin[at..at + 4], b"----");
        assert!(gram_tier(folded_gram(b"\": \"")) >= 10);
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
    fn finds_every_built_in_keyword_where_a_brute_force_search_does() {
        // Every keyword of the built-in rules, each in two cases and followed by each kind
        // of byte (a three-byte keyword's row holds all eight fourth-byte bits), then
        // ordinary source text.
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let mut keywords: Vec<String> = rules
            .rules
            .iter()
            .flat_map(|r| r.keywords.iter().map(|k| k.to_ascii_lowercase()))
            .collect();
        keywords.sort();
        keywords.dedup();
        let mut text = Vec::new();
        for (i, keyword) in keywords.iter().enumerate() {
            let mixed: Vec<u8> = keyword
                .bytes()
                .enumerate()
                .map(|(j, b)| {
                    if (i + j) % 2 == 0 {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    }
                })
                .collect();
            text.extend_from_slice(&mixed);
            text.push(b" =\n_a\"(:.\x00"[i % 9]);
            text.extend_from_slice(keyword.as_bytes());
            text.push(b"bcdefgh\x7f"[i % 8]);
        }
        text.extend_from_slice(include_bytes!("prefilter.rs"));
        let patterns: Vec<&str> = keywords.iter().map(String::as_str).collect();
        let found = found(&patterns, &text);
        assert!(found.len() >= 2 * patterns.len());
        assert_eq!(found, brute_force(&patterns, &text));
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
