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
//! - the few keywords of one or two bytes (`q~`) are found by `memchr` on their first byte
//!   (up to three of them), or by a small Aho-Corasick automaton of their own;
//! - the built-in rules' keywords are filed by `build.rs` with the same functions
//!   (`gram_table.rs`), so a run borrows their table instead of working it out.
//!
//! (Until session 8 the filter hashed every position twice: the 4-byte gram into a table of
//! the long keywords and the 3-byte one into a table of the three-byte keywords. One row
//! per three bytes and a bit per fourth byte finds the same occurrences with one hash and
//! one load a position: the pass takes about a quarter less CPU, although about a third
//! more positions wake the exact check; docs/performance.md "scan", session 8.)
//!
//! It reports every occurrence of every keyword, overlapping ones included (`sk-` and
//! `sk-ant-` at the same place, `keykey`); a test compares it with a brute-force search.

use super::gram_table::{self, folded_gram, row_of, Entry, FOLD, ROWS};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Deref;

/// Positions tested per 8-byte load: each needs its own byte and the three after it.
const PER_LOAD: usize = 5;

/// A table the binary holds (the built-in keywords', written by `build.rs`) or one worked
/// out at run time.
enum Held<T: ?Sized + 'static> {
    Static(&'static T),
    Owned(Box<T>),
}

impl<T: ?Sized> Deref for Held<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        match self {
            Held::Static(table) => table,
            Held::Owned(table) => table,
        }
    }
}

/// The filter table ([`gram_table::Layout`]), held.
struct Table {
    rows: Held<[u8; ROWS]>,
    rank: Held<[u32; ROWS / 8]>,
    starts: Held<[u32]>,
    entries: Held<[Entry]>,
}

impl Table {
    fn new(filed: Vec<(usize, Entry)>) -> Table {
        let layout = gram_table::layout(filed);
        Table {
            rows: Held::Owned(layout.rows),
            rank: Held::Owned(layout.rank),
            starts: Held::Owned(layout.starts.into_boxed_slice()),
            entries: Held::Owned(layout.entries.into_boxed_slice()),
        }
    }

    /// The entries of the bucket of the folded `gram`, empty if it is not set.
    fn filed(&self, gram: u32) -> &[Entry] {
        let bucket = gram_table::bucket_of(gram);
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

/// 1 if the bucket of the folded `gram` is set in `rows`, else 0.
#[inline(always)]
fn passes(rows: &[u8; ROWS], gram: u32) -> u64 {
    ((rows[row_of(gram)] >> ((gram >> 24) & 7)) & 1) as u64
}

/// The built-in rules' keywords filed at compile time: `GRAM_ROWS`, `GRAM_RANK`,
/// `GRAM_STARTS`, `GRAM_ENTRIES` (a [`gram_table::Layout`]) and `GRAM_SHORT`, for the
/// keywords of `rules::builtin::keyword_table` in its order (`build.rs`, `gram_table`).
mod builtin {
    use super::Entry;
    include!(concat!(env!("OUT_DIR"), "/gram-table.rs"));
}

/// The keywords, lowercase, by pattern id: one text and each keyword's range in it.
struct Patterns {
    text: Held<[u8]>,
    ranges: Held<[(u32, u32)]>,
}

impl Patterns {
    #[inline]
    fn get(&self, id: usize) -> &[u8] {
        let (start, end) = self.ranges[id];
        &self.text[start as usize..end as usize]
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }
}

/// How the keywords of one or two bytes are found: a few by `memchr` on their first byte,
/// more by a small Aho-Corasick automaton. (One, `q~`, among the built-in keywords: building
/// an automaton for it was 1.6 % of a one-file scan's CPU, issue 17.)
enum Short {
    None,
    Direct(Vec<usize>),
    Automaton(AhoCorasick, Vec<usize>),
}

/// At most this many short keywords are searched one by one.
const DIRECT_SHORT: usize = 3;

/// Searches a fixed set of keywords, ASCII-case-insensitively.
pub struct Anchors {
    patterns: Patterns,
    /// Keywords of three bytes or more, by their rarest gram.
    table: Table,
    /// Keywords of one or two bytes.
    short: Short,
}

impl Anchors {
    /// The searcher for `patterns` (empty patterns never match).
    pub fn new(patterns: &[Vec<u8>]) -> Anchors {
        Anchors::from_patterns(patterns.to_vec())
    }

    /// [`Anchors::new`], taking the patterns (lowercased) instead of borrowing them.
    pub fn from_patterns(patterns: Vec<Vec<u8>>) -> Anchors {
        let mut text = Vec::with_capacity(patterns.iter().map(Vec::len).sum());
        let mut ranges = Vec::with_capacity(patterns.len());
        for pattern in &patterns {
            let start = text.len() as u32;
            text.extend(pattern.iter().map(u8::to_ascii_lowercase));
            ranges.push((start, text.len() as u32));
        }
        let patterns = Patterns {
            text: Held::Owned(text.into_boxed_slice()),
            ranges: Held::Owned(ranges.into_boxed_slice()),
        };
        let (filed, short) = gram_table::file((0..patterns.len()).map(|id| patterns.get(id)));
        let short = Anchors::short(&patterns, short);
        Anchors {
            patterns,
            table: Table::new(filed),
            short,
        }
    }

    /// The searcher for the built-in rules' keywords, `text` cut by `ranges` (lowercase, in
    /// the order of `rules::builtin::keyword_table`), from the table `build.rs` filed them
    /// in: nothing is worked out at start.
    pub fn builtin(text: &'static str, ranges: &'static [(u32, u32)]) -> Anchors {
        let patterns = Patterns {
            text: Held::Static(text.as_bytes()),
            ranges: Held::Static(ranges),
        };
        let short = builtin::GRAM_SHORT.iter().map(|&id| id as usize).collect();
        let short = Anchors::short(&patterns, short);
        Anchors {
            patterns,
            table: Table {
                rows: Held::Static(&builtin::GRAM_ROWS),
                rank: Held::Static(&builtin::GRAM_RANK),
                starts: Held::Static(&builtin::GRAM_STARTS),
                entries: Held::Static(&builtin::GRAM_ENTRIES),
            },
            short,
        }
    }

    fn short(patterns: &Patterns, short: Vec<usize>) -> Short {
        match short.len() {
            0 => Short::None,
            n if n <= DIRECT_SHORT => Short::Direct(short),
            _ => {
                let automaton = AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(short.iter().map(|&id| patterns.get(id)))
                    .expect("an automaton of a few short keywords builds");
                Short::Automaton(automaton, short)
            }
        }
    }

    /// Pattern `id`, lowercased.
    pub fn pattern(&self, id: usize) -> &[u8] {
        self.patterns.get(id)
    }

    /// Calls `hit(pattern, start, end)` for every occurrence of every keyword in `data`, in
    /// no set order.
    pub fn for_each(&self, data: &[u8], mut hit: impl FnMut(usize, usize, usize)) {
        let rows: &[u8; ROWS] = &self.table.rows;
        let mut at = 0;
        // Five positions per step, from one 8-byte load: the gram at position `at + k` is
        // bytes `k..k + 4` of the load.
        while at + 8 <= data.len() {
            let word = u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes")) | FOLD;
            let mut mask = 0u64;
            for k in 0..PER_LOAD {
                mask |= passes(rows, (word >> (8 * k)) as u32) << k;
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
        match &self.short {
            Short::None => {}
            Short::Direct(ids) => {
                for &id in ids {
                    let pattern = self.patterns.get(id);
                    let (lower, upper) = (pattern[0], pattern[0].to_ascii_uppercase());
                    for start in memchr::memchr2_iter(lower, upper, data) {
                        let end = start + pattern.len();
                        if data
                            .get(start..end)
                            .is_some_and(|text| text.eq_ignore_ascii_case(pattern))
                        {
                            hit(id, start, end);
                        }
                    }
                }
            }
            Short::Automaton(automaton, ids) => {
                for found in automaton.find_overlapping_iter(data) {
                    hit(ids[found.pattern().as_usize()], found.start(), found.end());
                }
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
            let pattern = self.patterns.get(id as usize);
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
            assert_eq!(gram_table::commonness(byte), expected, "{byte}");
        }
    }
    use super::gram_table::{gram_tier, rarest_gram};
    use super::*;

    #[test]
    fn the_builtin_table_is_the_one_the_run_time_files() {
        // `build.rs` filed the built-in keywords with `gram_table`; filing the same list at
        // run time must give the same table, entry for entry.
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let table = crate::rules::builtin::keyword_table(&rules.rules).expect("built-in table");
        let (text, ranges) = table.text_and_ranges();
        let builtin = Anchors::builtin(text, ranges);
        let patterns: Vec<Vec<u8>> = (0..table.len())
            .map(|i| table.keyword(i).as_bytes().to_vec())
            .collect();
        let worked_out = Anchors::from_patterns(patterns);
        assert_eq!(builtin.patterns.len(), worked_out.patterns.len());
        for id in 0..table.len() {
            assert_eq!(builtin.pattern(id), worked_out.pattern(id));
        }
        assert!(*builtin.table.rows == *worked_out.table.rows);
        assert!(*builtin.table.rank == *worked_out.table.rank);
        assert_eq!(*builtin.table.starts, *worked_out.table.starts);
        assert_eq!(*builtin.table.entries, *worked_out.table.entries);
        let short = |a: &Anchors| match &a.short {
            Short::None => Vec::new(),
            Short::Direct(ids) | Short::Automaton(_, ids) => ids.clone(),
        };
        assert_eq!(short(&builtin), short(&worked_out));
        assert!(
            !short(&builtin).is_empty(),
            "the built-in rules have a short keyword"
        );
    }

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
