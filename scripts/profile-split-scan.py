#!/usr/bin/env python3
"""Splits a call-graph profile of `leakgate scan` into the parts of a scan.

Reads folded stacks (`perf script | inferno-collapse-perf`, one `frame;frame;... count` per
line, root first) and gives each sample to the innermost frame that names a part: the
keyword prefilter, the required-literal check of a woken window, the rules' regexes (run
and lazy compile), the context engine, looking inside encoded values, reading files,
walking the tree, loading rules. Allocation is counted in the part that allocates, and
shown again on its own line. Prints the share of samples of each part.

Usage: perf script -i perf.data | inferno-collapse-perf | scripts/profile-split-scan.py
(record with `perf record -F 499 --call-graph dwarf,16384`, with a release build that
keeps line tables: `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only
CARGO_PROFILE_RELEASE_STRIP=none cargo build --release`).
"""
import re
import sys

PARTS = [
    ("keyword prefilter (anchors / Aho-Corasick over every byte)", r"scan::anchors|Anchors|prefilter::Prefilter|^regions<"),
    ("required-literal check of windows", r"may_match"),
    ("rule regexes (search, lazy compile)", r"^regex_automata|^regex::|lazy_regex"),
    ("context engine (lexer, XML, structure, rules)", r"leakgate::context|scan_context"),
    ("encoded values (base64, escapes, percent)", r"scan::decode"),
    ("reading files (read syscalls, page cache)", r"read_to_end|std::fs::read|fs::File|sys_read|vfs_read|ksys_read|filemap|copy_to_iter"),
    ("classifying content, inline-allow markers", r"scan::content|AllowedLines"),
    ("locating and reporting findings", r"scan::finish|leakgate::report|leakgate::finding"),
    ("loading and compiling rules at start", r"leakgate::rules::load|toml|Scanner::new"),
    ("other scan and pipeline code", r"leakgate::scan|leakgate::pipeline"),
    ("walking the tree (ignore crate, metadata)", r"^ignore::|walkdir|statx|getdents|openat"),
]
ALLOC = r"malloc|free|realloc|_int_|alloc::alloc"

totals = {name: 0 for name, _ in PARTS}
other = 0
alloc = 0
total = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    stack, _, count = line.rpartition(" ")
    count = int(count)
    frames = stack.split(";")
    total += count
    if re.search(ALLOC, frames[-1]):
        alloc += count
    part = next(
        (name for name, pattern in PARTS if any(re.search(pattern, f) for f in frames)), None
    )
    if part:
        totals[part] += count
    else:
        other += count

if total == 0:
    sys.exit("profile-split-scan: no samples on standard input")
for name, _ in PARTS:
    print(f"{100 * totals[name] / total:5.1f} %  {name}")
print(f"{100 * other / total:5.1f} %  other (start-up, kernel, libc)")
print(f"{100 * alloc / total:5.1f} %  of all samples: allocation (malloc/free), counted above")
print(f"samples: {total}")
