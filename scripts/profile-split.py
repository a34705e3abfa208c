#!/usr/bin/env python3
"""Splits a flat CPU profile of `leakgate history` into phases, by symbol.

Reads `perf report --no-children --sort dso,sym --stdio` on standard input (self time per
function, every thread) and prints the share of samples in each phase, then the heaviest
symbols, so that a misfiled symbol shows. Phases are told apart by the code that runs in
them: inflating and applying deltas is decompression; the literal prefilter, regexes, the
context engine and the pipeline are the scan; tree decoding and diffing is attribution
(which commit introduced which blob); allocation and copies are shown apart because every
phase does them.

Usage: perf report -i perf.data --no-children --sort dso,sym --stdio | profile-split.py
"""
import re
import sys

PHASES = [
    ("decompression (inflate, deltas)", r"inflate|zlib|miniz|zng_|adler|crc32|gix_pack::data|gix_pack::cache|apply_delta|decode_entry|gix_features::zlib|gix_zlib"),
    ("scan (prefilter, regex, context, pipeline)", r"aho_corasick|regex|memchr|leakgate::scan|leakgate::context|leakgate::pipeline|leakgate::rules|leakgate::finding"),
    ("attribution (tree walk and diff)", r"gix_diff|gix_object::tree|TreeRefIter|gix_revwalk|gix_traverse|attribution|gix_object::commit"),
    ("object lookup (by id)", r"gix_odb|gix_pack::index|gix_pack::multi_index|gix_hash|lookup"),
    ("hashing (sha1)", r"sha1|Sha1"),
    ("allocation and copies", r"memcpy|memmove|memset|malloc|free|realloc|_int_|mi_|alloc::"),
    ("kernel (page faults, reads)", r"^\[k\]|\[kernel"),
]

line_re = re.compile(r"^\s*([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*)$")
totals = {name: 0.0 for name, _ in PHASES}
other = 0.0
rows = []
for line in sys.stdin:
    m = line_re.match(line)
    if not m:
        continue
    share, dso, mark, sym = float(m.group(1)), m.group(2), m.group(3), m.group(4).strip()
    rows.append((share, dso, mark, sym))
    key = ("[k] " if mark == "k" else "") + sym + " " + dso
    for name, pattern in PHASES:
        if re.search(pattern, key):
            totals[name] += share
            break
    else:
        other += share

print(f"{'phase':<45} {'share of CPU samples':>20}")
for name, _ in PHASES:
    print(f"{name:<45} {totals[name]:>19.1f}%")
print(f"{'other':<45} {other:>19.1f}%")
print("\nheaviest symbols:")
for share, dso, mark, sym in sorted(rows, reverse=True)[:25]:
    print(f"{share:6.2f}%  {dso:<16} [{mark}] {sym[:110]}")
