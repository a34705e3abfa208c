//! The gram filter's table ([`super::anchors`]): which bucket each keyword is filed under,
//! and the table of buckets the search reads.
//!
//! Kept apart from the search so that `build.rs` can include this file (`#[path]`) and file
//! the built-in rules' keywords at compile time: working the table out was 8 % of the CPU of
//! `leakgate scan` of one small file (the gram tiers of ~1,000 keywords, a sort of their
//! entries; issue 17, start-up; docs/performance.md "Startup", session 11). The run time
//! still files any other keyword set (a rule disabled, a user rule added) with the same
//! functions, and a test holds the two tables equal.

/// Bits of the hash of a position's first three bytes: the table has `1 << ROW_BITS` rows.
pub const ROW_BITS: u32 = 13;
/// Rows of the table.
pub const ROWS: usize = 1 << ROW_BITS;
/// Every byte, folded: `x | FOLD` maps an ASCII letter and its other case to one value.
pub const FOLD: u64 = 0x2020_2020_2020_2020;

/// A keyword filed under a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The keyword's pattern id.
    pub id: u32,
    /// The gram's offset in the keyword.
    pub offset: u32,
    /// The folded gram the keyword is filed under, masked by `mask`: a position whose
    /// folded gram differs there cannot hold the keyword (equal ignoring ASCII case implies
    /// equal after folding), which rejects most positions that only share the bucket for
    /// the price of one comparison.
    pub gram: u32,
    /// `u32::MAX`, or the first three bytes for a three-byte keyword.
    pub mask: u32,
}

/// The row of a folded gram: a hash of its first three bytes, below [`ROWS`].
#[inline(always)]
pub fn row_of(gram: u32) -> usize {
    ((gram & 0x00FF_FFFF).wrapping_mul(0x9E37_79B1) >> (32 - ROW_BITS)) as usize
}

/// The bucket of a folded gram: its row, and the low three bits of its fourth byte.
pub fn bucket_of(gram: u32) -> usize {
    row_of(gram) * 8 + ((gram >> 24) & 7) as usize
}

/// The folded little-endian gram of up to four bytes (missing bytes count as zero).
pub fn folded_gram(bytes: &[u8]) -> u32 {
    let mut gram = [0u8; 4];
    let n = bytes.len().min(4);
    gram[..n].copy_from_slice(&bytes[..n]);
    u32::from_le_bytes(gram) | FOLD as u32
}

/// How common a byte is in source code and text, roughly (higher is more common): the
/// filter files a keyword under its gram of least common bytes, so that fewer positions
/// of ordinary text wake the exact check.
pub fn commonness(byte: u8) -> u32 {
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
pub fn gram_tier(gram: u32) -> u8 {
    static TIERS: &[u8; 8192] = include_bytes!("gram_tiers.bin");
    let index = (gram.wrapping_mul(0x9E37_79B1) >> (32 - 14)) as usize;
    (TIERS[index / 2] >> (4 * (index % 2))) & 0x0F
}

/// Offset of the 4-byte gram of `keyword` (four bytes or more) least common in code: the
/// lowest [`gram_tier`], then the least common bytes. (Until session 10, the least common
/// bytes alone: `key": "` was filed under `": "`, `-----BEGIN` under `----`, each met at
/// every JSON pair or rule line, and 1.5 % of the positions of the PyPI/npm tree held a
/// filed gram; 0.5 % now. Any choice finds the same occurrences.)
pub fn rarest_gram(keyword: &[u8]) -> usize {
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

/// Files lowercase `patterns` (by pattern id): the `(bucket, entry)` of every keyword of
/// three bytes or more, and the ids of the keywords of one or two bytes, which the table
/// cannot hold.
pub fn file<'a>(patterns: impl Iterator<Item = &'a [u8]>) -> (Vec<(usize, Entry)>, Vec<usize>) {
    let (mut filed, mut short) = (Vec::new(), Vec::new());
    for (id, pattern) in patterns.enumerate() {
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
    (filed, short)
}

/// The table of filed keywords: a byte per row, whose bit `j` is set when some keyword is
/// filed under the row and a fourth byte whose low three bits are `j` (a bucket
/// `row * 8 + j`), and the keywords filed under each set bucket.
///
/// A set bucket's entries are found by its rank among the set buckets (a count per eight
/// rows plus a popcount), not by an offset per bucket: an offset per bucket was 256 KiB
/// to zero, sum and fault in at every start (issue 17, start-up), and a cache miss at
/// each hit.
pub struct Layout {
    pub rows: Box<[u8; ROWS]>,
    /// Per eight rows (64 buckets), how many buckets are set in the rows before them.
    pub rank: Box<[u32; ROWS / 8]>,
    /// `entries[starts[r]..starts[r + 1]]` are the entries of the set bucket of rank `r`.
    pub starts: Vec<u32>,
    pub entries: Vec<Entry>,
}

/// The [`Layout`] of `(bucket, entry)` pairs, as [`file()`] gives them.
pub fn layout(filed: Vec<(usize, Entry)>) -> Layout {
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
    Layout {
        rows,
        rank,
        starts,
        entries: filed.into_iter().map(|(_, entry)| entry).collect(),
    }
}
