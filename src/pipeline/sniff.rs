//! Content that is in git but not readable as it stands: compressed archives and Git LFS
//! pointers, recognised by their first bytes (not by their names, which can lie).
//!
//! An uncompressed tar is not an archive here: its members are stored as they are, so its
//! printable runs hold them and it is scanned like any other binary blob.

/// The first line of a Git LFS pointer file (<https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md>:
/// "the first key is always `version`"; pointers are under 1024 bytes).
const LFS_VERSION_LINES: &[&[u8]] = &[
    b"version https://git-lfs.github.com/spec/v1\n",
    b"version https://hawser.github.com/spec/v1\n",
];
/// Pointer files are smaller than this (the LFS spec's limit).
const LFS_POINTER_MAX: usize = 1024;

/// Whether `data` (a whole blob) is a Git LFS pointer.
pub fn is_lfs_pointer(data: &[u8]) -> bool {
    data.len() < LFS_POINTER_MAX && LFS_VERSION_LINES.iter().any(|v| data.starts_with(v))
}

/// The compressed format `head` (a blob's first bytes) starts with, by its magic number.
pub fn archive_format(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        // zip, jar, whl, apk, docx...: local file header, empty archive, spanned archive.
        (b"PK\x03\x04", "zip"),
        (b"PK\x05\x06", "zip"),
        (b"PK\x07\x08", "zip"),
        (b"\x1f\x8b", "gzip"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"\x28\xb5\x2f\xfd", "zstd"),
        (b"7z\xbc\xaf\x27\x1c", "7z"),
    ];
    if let Some((_, format)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(format);
    }
    // bzip2: "BZh", a block size digit, then the block magic (pi in BCD).
    let bzip2 = head.len() >= 10
        && head.starts_with(b"BZh")
        && (b'1'..=b'9').contains(&head[3])
        && &head[4..10] == b"\x31\x41\x59\x26\x53\x59";
    bzip2.then_some("bzip2")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_are_known_by_their_magic() {
        assert_eq!(archive_format(b"PK\x03\x04rest"), Some("zip"));
        assert_eq!(archive_format(b"\x1f\x8b\x08\x00"), Some("gzip"));
        assert_eq!(archive_format(b"BZh91AY&SYxx"), Some("bzip2"));
        assert_eq!(archive_format(b"BZh is text"), None);
        assert_eq!(archive_format(b"PK is text too"), None);
    }

    #[test]
    fn lfs_pointers_are_small_and_versioned() {
        let pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n";
        assert!(is_lfs_pointer(pointer));
        let mut long = pointer.to_vec();
        long.resize(2000, b'x');
        assert!(!is_lfs_pointer(&long));
        assert!(!is_lfs_pointer(b"version 1.2.3\n"));
    }
}
