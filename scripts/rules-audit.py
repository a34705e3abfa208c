#!/usr/bin/env python3
"""List built-in rules that lack a cited source or a negative example.

A rule is *cited* when a comment of its file's header, a comment right above its `[[rule]]`
or a comment inside its table holds an http(s) URL or names a published source file
(`owner/repo path`). A rule *has negatives* when it has `negative_examples` (regex and
context rules) or `path_negative_examples` (sensitive-file rules).

Usage: scripts/rules-audit.py [--sources] [--negatives] [rules/]   (both lists by default)
Exit status 1 when anything is listed, so CI can hold the line once the lists are empty.
"""
import re
import sys
import tomllib
from pathlib import Path

URL = re.compile(
    r"https?://"
    r"|[\w.-]+/[\w.-]+ [\w./-]+\.(?:rs|ts|js|py|go|rb|java|kt|cs|php)\b"
    r"|(?i:sources?:).*\b[\w-]+/[\w./-]+\.(?:rs|ts|js|py|go|rb|java|kt|cs|php)\b"
)


def comment_blocks(text):
    """Yield (header_comments, [(rule_id, comments_above_and_inside), ...]) for one file."""
    lines = text.splitlines()
    header, i = [], 0
    while i < len(lines) and not lines[i].startswith("[[rule]]"):
        if lines[i].lstrip().startswith("#"):
            header.append(lines[i])
        i += 1
    rules, pending, current = [], [], None
    for line in lines[i:]:
        stripped = line.lstrip()
        if line.startswith("[[rule]]"):
            current = {"id": None, "comments": list(pending)}
            rules.append(current)
            pending = []
        elif stripped.startswith("#"):
            pending.append(line)
            if current is not None:
                current["comments"].append(line)
        elif stripped:
            if current is not None and current["id"] is None:
                m = re.match(r'id\s*=\s*"([^"]+)"', stripped)
                if m:
                    current["id"] = m.group(1)
            if not line.startswith(" ") and not stripped.startswith(("'", '"', "]")):
                pending = [] if not stripped.startswith("[[rule]]") else pending
    return header, rules


def main(argv):
    want_sources = "--negatives" not in argv or "--sources" in argv
    want_negatives = "--sources" not in argv or "--negatives" in argv
    paths = [a for a in argv if not a.startswith("--")] or ["rules"]
    uncited, no_negatives = [], []
    for root in paths:
        for path in sorted(Path(root).glob("*.toml")):
            text = path.read_text()
            header, blocks = comment_blocks(text)
            header_cited = any(URL.search(c) for c in header)
            specs = {r["id"]: r for r in tomllib.loads(text).get("rule", [])}
            for block in blocks:
                rule = specs.get(block["id"], {})
                if not header_cited and not any(URL.search(c) for c in block["comments"]):
                    uncited.append(f"{path}: {block['id']}")
                if not rule.get("negative_examples") and not rule.get("path_negative_examples"):
                    no_negatives.append(f"{path}: {block['id']}")
    if want_sources:
        print(f"# rules with no cited source ({len(uncited)})")
        print("\n".join(uncited))
    if want_negatives:
        print(f"# rules with no negative example ({len(no_negatives)})")
        print("\n".join(no_negatives))
    listed = (uncited if want_sources else []) + (no_negatives if want_negatives else [])
    return 1 if listed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
