#!/usr/bin/env python3
"""Splits a call-graph profile of `leakgate history` (or `scan`) into phases, by caller.

Reads folded stacks (`perf script | inferno-collapse-perf`, one `frame;frame;... count`
line per stack; needs `perf record --call-graph dwarf` and a build with line tables) and
prints the share of samples in each phase as a Markdown table. Unlike profile-split.py,
which files each function's own time by its name, this files a sample by who called it,
so the scanner's parts come apart: the keyword prefilter, the rule regexes on its windows,
the context pass, the look inside encoded strings, and the rest of the scan. The first
phase whose test matches a stack wins; the order puts the narrowest first.

Usage: perf script -i perf.data | inferno-collapse-perf | profile-phases.py
"""
import collections
import sys

PHASES = [
    ("decompression (inflate, delta apply)",
     ("gix_zlib", "zlib_rs", "gix_pack::data::delta::apply", "resize_with_limit", "decompress_all_at")),
    ("keyword prefilter (Aho-Corasick, windows)", ("Prefilter>::regions", "prefilter::Prefilter::regions", "regions<leakgate")),
    ("context pass (lexer, context rules)", ("scan_context",)),
    ("rule regexes on windows", ("regex_automata",)),
    ("required-literal check", ("may_match",)),
    ("encoded strings (finding and decoding them)", ("scan_encoded", "decoded_spans")),
    ("rest of the scan (classify, windows, dedup, finish)", ("leakgate::pipeline::", "leakgate::scan::")),
    ("attribution (which commit introduced a blob)", ("attribution", "gix_diff")),
    ("object lookup and pack traversal", ("gix_odb", "gix_pack")),
    ("output (report)", ("leakgate::report",)),
]

total = 0
by_phase = collections.Counter()
for line in sys.stdin:
    stack, _, count = line.rstrip("\n").rpartition(" ")
    if not count.isdigit():
        continue
    n = int(count)
    total += n
    for name, needles in PHASES:
        if any(needle in stack for needle in needles):
            by_phase[name] += n
            break
    else:
        by_phase["other (start-up, allocator, kernel)"] += n

print("| phase | share of CPU samples |")
print("|---|---|")
for name, _ in PHASES + [("other (start-up, allocator, kernel)", ())]:
    print(f"| {name} | {100 * by_phase[name] / max(total, 1):.1f} % |")
