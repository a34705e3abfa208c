#!/usr/bin/env python3
"""Converts keyword-anchored catalog rules from one-regex form to context-rule form.

A catalog rule generated from the "provider word, credential word, assignment, value"
template (its regex starts `(?:(?:(?:(?:^|[^A-Za-z0-9])(?i:<provider>)...`) says in a
600-character regex what the context engine says in a few lines of TOML
(docs/context-rules.md): the provider's names start a part of the key or of a parent key,
a credential word is in the key, and the value has the shape of the regex's capture group.
This script rewrites such a rule in place:

    regex = '''...'''            ->   [rule.value]   pattern = '<the capture group>'
    min_entropy / checksum       ->                  min_entropy / validator
                                      [[rule.context]] key = [credential words]
                                                       key_path = ["^provider", ...]
                                      [[rule.context]] callee = ["^provider", ...]
                                      [[rule.context]] key/header + host (nearby host)
                                      [[rule.context]] key/header/any call + near
                                      [[rule.context]] near (prefixed shapes only)

    scripts/context-convert.py RULE_FILE... [--only ID,ID] [--skip ID,ID]

Rules whose regex does not follow the template, whose credential words are not plain
words, or whose capture group cannot be found are left alone and listed on stderr. Run
`leakgate rules check` after it: a rule whose examples the context form no longer finds is
put back with `--skip` (the script is idempotent on converted files).
"""
import re
import sys

TEMPLATE_START = "(?:(?:(?:(?:^|[^A-Za-z0-9])(?i:"


def capture_groups(rx):
    """(start, end) of each capturing group's body in `rx`."""
    groups, stack, i, in_class = [], [], 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            i += 1
            continue
        if c == "[":
            in_class = True
            # `[]...]` and `[^]...]` hold a literal `]` first.
            if rx[i + 1 : i + 2] == "]":
                i += 1
            elif rx[i + 1 : i + 3] == "^]":
                i += 2
        elif c == "(":
            stack.append((i, rx[i + 1 : i + 2] != "?"))
        elif c == ")":
            start, capturing = stack.pop()
            if capturing:
                groups.append((start + 1, i))
        i += 1
    return groups


def plain_words(alternation):
    """The words of `a|b[_\\-]?c|d`, with optional-separator classes removed, or None."""
    words = []
    for alt in alternation.split("|"):
        word = re.sub(r"\[[_\\\-.]+\]\??", "", alt).replace("\\", "")
        if not re.fullmatch(r"[A-Za-z0-9_.\-]+", word):
            return None
        words.append(word)
    return words


NEAR_TEMPLATE_START = "(?:(?:(?:^|[^A-Za-z0-9])(?i:"

# Credential words for a value that follows a provider mention with no credential word in
# the template (the "provider, then the value within a few lines" variant).
NEAR_CREDS = ["key", "token", "secret", "auth", "password", "credential"]


def convert_near(rule_text, m, rx):
    """The "provider, then a value of the token's shape within a few lines" template: the
    provider is a `near` word, and the value needs a credential-named key, an Authorization
    header or a call around it (or nothing more, for a prefixed shape)."""
    if ")))" not in rx:
        return None, "no provider group"
    head_end = rx.index(")))") + 3
    providers = []
    for name in re.findall(r"\(\?i:([^)]*)\)", rx[:head_end]):
        words = plain_words(name)
        if not words:
            return None, f"provider `{name}`"
        providers += words
    groups = capture_groups(rx)
    if len(groups) != 1:
        return None, f"{len(groups)} capture groups"
    value = rx[groups[0][0] : groups[0][1]]
    providers = [p.lower() for p in dict.fromkeys(providers)]
    hosts = [p for p in providers if re.fullmatch(r"[a-z0-9.-]+", p)]

    def toml_list(words, boundary):
        return "[" + ", ".join(f'"{"^" if boundary else ""}{w}"' for w in words) + "]"

    text = rule_text[: m.start()] + rule_text[m.end() :]
    q = "'" * 3
    value_lines = [f"pattern = {q}{value}{q}", "min_length = 6", "max_length = 1024"]
    for key, name in (("min_entropy", "min_entropy"), ("checksum", "validator")):
        found = re.search(rf"^{key} = (.*)\n", text, re.M)
        if found:
            value_lines.append(f"{name} = {found.group(1)}")
            text = text[: found.start()] + text[found.end() :]
    near = toml_list(providers, True)
    tables = (
        "\n# Converted from the \"provider, then the value\" template by\n"
        "# scripts/context-convert.py: a credential-named value, an Authorization header or a\n"
        "# literal passed to a call, on a line that names the provider or just below one; a\n"
        "# credential key under a block named for it; a call named for it.\n"
        "[rule.value]\n" + "\n".join(value_lines) + "\n\n"
        "[[rule.context]]\n"
        f"key = {toml_list(NEAR_CREDS, False)}\n"
        f"key_path = {near}\n\n"
        "[[rule.context]]\n"
        f"callee = {near}\n\n"
        "[[rule.context]]\n"
        f"key = {toml_list(NEAR_CREDS, False)}\n"
        f"near = {near}\n\n"
        "[[rule.context]]\n"
        'header = ["authorization"]\n'
        f"near = {near}\n\n"
        "[[rule.context]]\n"
        'header = ["authorization"]\n'
        f"host = {toml_list(hosts, False)}\n\n"
        "[[rule.context]]\n"
        'callee = ["*"]\n'
        f"near = {near}\n"
    )
    if prefixed(value):
        tables += f"\n[[rule.context]]\nnear = {near}\n"
    sub = re.search(r"^\[{1,2}rule\.", text, re.M)
    at = sub.start() if sub else len(text)
    body = text[:at].rstrip("\n") + "\n" + tables
    return body + ("\n" + text[at:] if sub else ""), None


def top_level_alternatives(rx):
    """`rx` split at its top-level `|`."""
    alts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            alts.append(rx[start:i])
            start = i + 1
        i += 1
    return alts + [rx[start:]]


def prefixed(value):
    """Whether every alternative of the value pattern starts with a literal prefix of two or
    more letters (`sk_`, `as-`, `(?:live|test)_`): a shape that names itself."""
    lead = re.compile(r"(?:[A-Za-z]{2,}|\(\?:[A-Za-z]{2,}(?:\|[A-Za-z]{2,})*\))[_\-.]?")
    return all(lead.match(alt) for alt in top_level_alternatives(value))


def convert(rule_text):
    """The rule's text in context form, or (None, reason)."""
    m = re.search(r"^regex = '''(.*?)'''\n", rule_text, re.M | re.S)
    if not m:
        return None, "no regex"
    rx = m.group(1)
    if rx.startswith(NEAR_TEMPLATE_START):
        return convert_near(rule_text, m, rx)
    if not rx.startswith(TEMPLATE_START):
        return None, "not the template"
    if ")))" not in rx:
        return None, "no provider group"
    head_end = rx.index(")))") + 3
    head = rx[:head_end]
    providers = []
    for name in re.findall(r"\(\?i:([^)]*)\)", head):
        words = plain_words(name)
        if not words:
            return None, f"provider `{name}`"
        providers += words
    rest = rx.replace(head, "")
    cred = re.search(r"\(\?i:([^)]*)\)", rest)
    if not cred:
        return None, "no credential word"
    creds = plain_words(cred.group(1))
    if not creds:
        return None, f"credential `{cred.group(1)}`"
    groups = capture_groups(rx)
    if len(groups) != 1:
        return None, f"{len(groups)} capture groups"
    value = rx[groups[0][0] : groups[0][1]]
    providers = sorted(set(p.lower() for p in providers), key=providers.index)
    seen = set()
    providers = [p for p in providers if not (p in seen or seen.add(p))]
    creds = [c.lower() for c in dict.fromkeys(creds)]

    hosts = [p for p in providers if re.fullmatch(r"[a-z0-9.-]+", p)]

    def toml_list(words, boundary):
        return "[" + ", ".join(f'"{"^" if boundary else ""}{w}"' for w in words) + "]"

    text = rule_text[: m.start()] + rule_text[m.end() :]
    value_lines = [f"pattern = '''{value}'''", "min_length = 6", "max_length = 1024"]
    ent = re.search(r"^min_entropy = (.*)\n", text, re.M)
    if ent:
        value_lines.append(f"min_entropy = {ent.group(1)}")
        text = text[: ent.start()] + text[ent.end() :]
    chk = re.search(r"^checksum = (.*)\n", text, re.M)
    if chk:
        value_lines.append(f"validator = {chk.group(1)}")
        text = text[: chk.start()] + text[chk.end() :]
    tables = (
        "\n# Converted from the one-regex template by scripts/context-convert.py: the provider\n"
        "# starts a part of the key or of a parent key, and a credential word is in the key;\n"
        "# or the value is passed to a call named for the provider; or it is a credential-named\n"
        "# value or an Authorization header near the provider's host; or the provider is named\n"
        "# on the value's line or just above it.\n"
        "[rule.value]\n" + "\n".join(value_lines) + "\n\n"
        "[[rule.context]]\n"
        f"key = {toml_list(creds, False)}\n"
        f"key_path = {toml_list(providers, True)}\n\n"
        "[[rule.context]]\n"
        f"callee = {toml_list(providers, True)}\n\n"
        "[[rule.context]]\n"
        f"key = {toml_list(creds, False)}\n"
        f"host = {toml_list(hosts, False)}\n\n"
        "[[rule.context]]\n"
        'header = ["authorization"]\n'
        f"host = {toml_list(hosts, False)}\n\n"
        "# A credential-named value or an Authorization header on a line that names the\n"
        "# provider (a trailing comment, a call or a host after the value) or below such a line.\n"
        "[[rule.context]]\n"
        f"key = {toml_list(creds, False)}\n"
        f"near = {toml_list(providers, True)}\n\n"
        "[[rule.context]]\n"
        'header = ["authorization"]\n'
        f"near = {toml_list(providers, True)}\n\n"
        "# A literal passed to a call on a line that names the provider (`Client('<key>')  #\n"
        "# provider`, `createClient('<key>')  // provider`).\n"
        "[[rule.context]]\n"
        'callee = ["*"]\n'
        f"near = {toml_list(providers, True)}\n"
    )
    if prefixed(value):
        tables += (
            "\n# A value with the token's own prefix on a line that names the provider, or below\n"
            "# one (`require('provider')('sk_live_...')`), whatever its key.\n"
            "[[rule.context]]\n"
            f"near = {toml_list(providers, True)}\n"
        )
    # The tables go after the rule's last top-level key (before its sub-tables, if any).
    sub = re.search(r"^\[{1,2}rule\.", text, re.M)
    at = sub.start() if sub else len(text)
    body = text[:at].rstrip("\n") + "\n" + tables
    return body + ("\n" + text[at:] if sub else ""), None


def main():
    args = sys.argv[1:]
    only = skip = set()
    if "--only" in args:
        i = args.index("--only")
        only = set(args[i + 1].split(","))
        del args[i : i + 2]
    if "--skip" in args:
        i = args.index("--skip")
        skip = set(args[i + 1].split(","))
        del args[i : i + 2]
    for path in args:
        text = open(path).read()
        parts = re.split(r"(?m)^(?=\[\[rule\]\]\n)", text)
        out = []
        for part in parts:
            idm = re.search(r'^id = "([^"]+)"', part, re.M)
            if not part.startswith("[[rule]]") or not idm:
                out.append(part)
                continue
            rid = idm.group(1)
            if (only and rid not in only) or rid in skip:
                out.append(part)
                continue
            new, why = convert(part)
            if new is None:
                if why != "not the template" and why != "no regex":
                    print(f"{path}: {rid}: left alone ({why})", file=sys.stderr)
                out.append(part)
            else:
                out.append(new if new.endswith("\n\n") or part is parts[-1] else new + "\n")
        open(path, "w").write("".join(out))


if __name__ == "__main__":
    main()
