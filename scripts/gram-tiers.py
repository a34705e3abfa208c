#!/usr/bin/env python3
"""Writes src/scan/gram_tiers.bin: how common each folded 4-byte gram is in source code.

The keyword pass (src/scan/anchors.rs) files each keyword under one of its 4-byte grams
and checks every position whose gram is filed. A keyword filed under a gram that is
common in code (`": "` of `key": "`, `----` of `-----BEGIN`, `ring` of `securestring`)
wakes the exact check at every occurrence of that gram, so the pass files each keyword
under its least common gram by this table. Only the speed depends on it: every filed gram
is checked exactly, whatever the table says.

The table: 16,384 four-bit tiers, two per byte (low nibble first), indexed by the top 14
bits of `folded_gram * 0x9E3779B1` (the folded gram: the four bytes, each `| 0x20`, read
little-endian). A tier is floor(log2(count + 1)), at most 15, of the most common gram
hashed there, counted over the text files (no NUL in the first 8 KiB) under the given
folders, at most 64 KiB of each file, every `STRIDE`-th file in sorted order.

Usage: scripts/gram-tiers.py ~/.cargo/registry/src > src/scan/gram_tiers.bin
(session 10 built it from the crates.io sources on the build machine, 2026-12-07).
"""
import collections
import math
import os
import sys

BITS = 14
STRIDE = 7
PER_FILE = 64 * 1024
TOTAL = 24 * 1024 * 1024


def files(roots):
    found = []
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                found.append(os.path.join(folder, name))
    return found[::STRIDE]


def main():
    counts = collections.Counter()
    taken = 0
    for path in files(sys.argv[1:]):
        try:
            with open(path, "rb") as f:
                data = f.read(PER_FILE)
        except OSError:
            continue
        if b"\0" in data[:8192]:
            continue
        folded = bytes(b | 0x20 for b in data)
        counts.update(folded[i : i + 4] for i in range(len(folded) - 3))
        taken += len(data)
        if taken >= TOTAL:
            break
    tiers = [0] * (1 << BITS)
    for gram, count in counts.items():
        value = int.from_bytes(gram, "little")
        index = ((value * 0x9E3779B1) & 0xFFFFFFFF) >> (32 - BITS)
        tiers[index] = max(tiers[index], min(15, int(math.log2(count + 1))))
    out = bytes(tiers[i] | (tiers[i + 1] << 4) for i in range(0, len(tiers), 2))
    sys.stdout.buffer.write(out)
    print(f"gram-tiers: {taken} bytes, {len(counts)} distinct grams", file=sys.stderr)


if __name__ == "__main__":
    main()
