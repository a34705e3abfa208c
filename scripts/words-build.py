#!/usr/bin/env python3
"""Builds rules/words/identifiers.txt and rules/words/english.txt, the word lists the value
classifier (src/context/classify.rs) uses to tell names from generated strings.

identifiers.txt: words (camelCase humps and snake_case pieces, 3-14 letters) that occur in
at least 25 files of the Rust crate sources under ~/.cargo/registry/src.
english.txt: lowercase words of 5-12 letters from the system word list
(/usr/share/dict/words, Debian package `wamerican`, SCOWL), less those already in
identifiers.txt.

Run from the repository root: python3 scripts/words-build.py
"""
import collections
import os
import re

ROOT = os.path.expanduser("~/.cargo/registry/src")
IDENT = re.compile(rb"[A-Za-z_][A-Za-z0-9_]{2,60}")
HUMP = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")

files = collections.Counter()
for dirpath, _, names in os.walk(ROOT):
    for name in names:
        if not name.endswith((".rs", ".md", ".toml")):
            continue
        try:
            data = open(os.path.join(dirpath, name), "rb").read(200_000)
        except OSError:
            continue
        seen = set()
        for ident in IDENT.findall(data):
            for word in HUMP.findall(ident.decode()):
                word = word.lower()
                if 3 <= len(word) <= 14:
                    seen.add(word)
        files.update(seen)
identifiers = sorted(w for w, n in files.items() if n >= 25)

english = set()
for line in open("/usr/share/dict/words", encoding="utf-8", errors="ignore"):
    word = line.strip()
    if 5 <= len(word) <= 12 and word.isascii() and word.isalpha() and word.islower():
        english.add(word)
english = sorted(english - set(identifiers))

HEADER = "# {}\n# One lowercase word per line; built by scripts/words-build.py, edit freely.\n"
with open("rules/words/identifiers.txt", "w") as out:
    out.write(HEADER.format("Words common in source-code identifiers (Rust crate sources, 25+ files)."))
    out.write("\n".join(identifiers) + "\n")
with open("rules/words/english.txt", "w") as out:
    out.write(HEADER.format("English words of 5-12 letters (SCOWL via Debian wamerican)."))
    out.write("\n".join(english) + "\n")
print(len(identifiers), "identifier words,", len(english), "english words")
