//! Keeps an audit's resident memory to what it needs, whatever the size of the pack.
//!
//! gix reads packs through `mmap`. Each page of a pack that the audit touches stays mapped
//! into the process, and counted in its resident set size, until the mapping goes away at
//! exit: an audit of a 2.7 GB pack showed 2.0 GiB resident (and `git cat-file` 2.8 GiB),
//! though it owned 71 MiB of it (the rest is the kernel's page cache, clean, reclaimable). Tools that
//! watch RSS (CI runners' memory limits, `top`, a user's eyes) take that at face value.
//!
//! Since the audit reads the pack in order and does not come back, [`PackPages`] tells the
//! kernel, every [`RELEASE_EVERY`] bytes of pack touched, that the process no longer needs
//! the pages it mapped from pack files (`madvise(MADV_DONTNEED)`). What is touched is
//! estimated by the callers: a blob's size when it is read, [`FAULT_REACH`] for each object
//! header or tree read (the kernel maps the pages around a faulting one, up to 64 KiB, so
//! listing the headers of 40,000 objects maps gigabytes of a warm pack). That only drops the
//! process's page-table entries: the data stays in the page cache, and a later read of the
//! same bytes (a delta base) maps them again from there, unchanged, as a pack is never
//! written once made. Other platforms keep the default behaviour.

use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes of pack touched between two releases.
pub const RELEASE_EVERY: u64 = 256 * 1024 * 1024;

/// What reading one small object (a header, a tree, a commit) may map: the kernel's
/// fault-around maps up to 16 pages around the one that faults.
pub const FAULT_REACH: u64 = 64 * 1024;

/// Counts pack bytes touched and releases mapped pack pages every `every` bytes.
pub struct PackPages {
    every: u64,
    since_release: AtomicU64,
}

impl PackPages {
    pub fn new(every: u64) -> PackPages {
        PackPages {
            every,
            since_release: AtomicU64::new(0),
        }
    }

    /// Notes that about `bytes` more of the pack were touched; releases the pack pages when
    /// enough have been. Returns whether it released.
    pub fn touched(&self, bytes: u64) -> bool {
        let before = self.since_release.fetch_add(bytes, Ordering::Relaxed);
        if before.saturating_add(bytes) < self.every {
            return false;
        }
        // One thread wins the reset and releases; the others go on reading.
        if self
            .since_release
            .compare_exchange(
                before.saturating_add(bytes),
                0,
                Ordering::Relaxed,
                Ordering::Relaxed,
            )
            .is_err()
        {
            return false;
        }
        release_mapped_packs();
        true
    }
}

/// Whether a line of `/proc/self/maps` maps a pack file, and the address range it maps.
fn pack_mapping(line: &str) -> Option<(usize, usize)> {
    let mut fields = line.split_whitespace();
    let range = fields.next()?;
    let path = fields.nth(4)?;
    let name = path.rsplit('/').next()?;
    if !(name.starts_with("pack-") && name.ends_with(".pack")) {
        return None;
    }
    let (start, end) = range.split_once('-')?;
    let start = usize::from_str_radix(start, 16).ok()?;
    let end = usize::from_str_radix(end, 16).ok()?;
    (start < end).then_some((start, end))
}

// The crate denies unsafe code (src/lib.rs); this madvise call is its one exception,
// argued in the SAFETY comment below.
#[allow(unsafe_code)]
#[cfg(target_os = "linux")]
fn release_mapped_packs() {
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
        return;
    };
    for (start, end) in maps.lines().filter_map(pack_mapping) {
        // SAFETY: the range is a read-only file mapping of a pack (gix maps packs read-only
        // and never writes them). MADV_DONTNEED on it only unmaps the pages from this
        // process; the next access maps the same file contents again, so no reader, even
        // one holding a slice into the range right now, can observe a change. A failure
        // (the mapping went away between reading the list and this call) changes nothing.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn release_mapped_packs() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_mappings_are_read_from_proc_maps_lines() {
        let pack = "7f12a0000000-7f12b0000000 r--p 00000000 fd:01 1234   /repo/.git/objects/pack/pack-0123abcd.pack";
        assert_eq!(pack_mapping(pack), Some((0x7f12a0000000, 0x7f12b0000000)));
        for other in [
            "7f12a0000000-7f12b0000000 r--p 00000000 fd:01 1234   /repo/.git/objects/pack/pack-0123abcd.idx",
            "7f12a0000000-7f12b0000000 r--p 00000000 fd:01 1234   /usr/lib/libc.so.6",
            "7f12a0000000-7f12b0000000 rw-p 00000000 00:00 0",
            "7f12a0000000-7f12b0000000 r--p 00000000 fd:01 1234   /home/me/pack-notes.pack.txt",
        ] {
            assert_eq!(pack_mapping(other), None, "{other}");
        }
    }

    #[test]
    fn release_comes_once_per_threshold() {
        let pages = PackPages::new(100);
        assert!(!pages.touched(60));
        assert!(pages.touched(60), "120 bytes pass the threshold");
        assert!(!pages.touched(60), "the count starts again");
        assert!(pages.touched(40));
    }

    /// This process's resident pages of mapped files, in KiB.
    #[cfg(target_os = "linux")]
    fn resident_file_kib() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let line = status.lines().find(|l| l.starts_with("RssFile:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }

    // Maps a test file to check what the madvise call does to it.
    #[allow(unsafe_code)]
    #[cfg(target_os = "linux")]
    #[test]
    fn a_released_pack_is_unmapped_and_reads_back_unchanged() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack-feedface.pack");
        let content: Vec<u8> = (0..4 * 1024 * 1024u32)
            .map(|i| (i * 7 % 251) as u8)
            .collect();
        std::fs::File::create(&path)
            .unwrap()
            .write_all(&content)
            .unwrap();
        let file = std::fs::File::open(&path).unwrap();
        // SAFETY: the file is private to this test and not modified while mapped.
        let map = unsafe { memmap2::Mmap::map(&file) }.unwrap();
        assert_eq!(&map[..], &content[..]);
        let mapped = resident_file_kib();
        release_mapped_packs();
        let released = resident_file_kib();
        // 4 MiB were mapped; other tests of this process may map a little meanwhile.
        assert!(
            released + 2048 <= mapped,
            "resident file pages went from {mapped} KiB to {released} KiB"
        );
        assert_eq!(&map[..], &content[..], "the pages come back from the file");
    }
}
