#!/usr/bin/env python3
"""Reads the explanations of a `kam ... --explain --format json` run and checks
every source against the file it names, independently of kam: the file
exists, the line holds the key the kam path ends in (or the record's id), and
the column is where that key's value starts; and every figure a derived one
names (`from`: a rank, a count, a share) is itself explained in the same
output. Run from the folder kam ran in.

    python3 check_sources.py KAM_STDOUT [MIN_SOURCES]
"""
import json
import re
import sys


def check(source, lines_of):
    path, line, column = source["path"], source["line"], source["column"]
    if line is None:  # a kam.yaml setting that is not written: its default
        if "(the default)" not in source["value"]:
            return "a source without a line that is not a default"
        return None
    lines = lines_of(source["file"])
    if not 1 <= line <= max(len(lines), 1):
        return f"line {line} is past the end ({len(lines)} lines)"
    if not lines:
        return None if (line, column) == (1, 1) else "an empty file pointed into"
    text = lines[line - 1]
    parts = path.split(".")
    last = parts[-1]
    if len(parts) == 1:  # a whole file ("risks": no live risk)
        return None if (line, column) == (1, 1) else "a whole file not at 1:1"
    if last.isdigit():
        # A list item written as a text, at the item after its dash.
        if text[: column - 1].rstrip().endswith("-"):
            return None
        return f"line {line} ({text.strip()!r}) is not a list item at column {column}"
    if not re.fullmatch(r"[a-z_]+", last):
        # A record by its id, at its first key.
        if re.search(r"\bid:\s*[\"']?" + re.escape(last) + r"[\"']?\s*$", text):
            return None
        return f"line {line} ({text.strip()!r}) is not the record with id {last!r}"
    if re.search(r"(^|[\s{,])" + re.escape(last) + r":\s*$", text[: column - 1]):
        return None  # key: <value at column>
    if text[column - 1 :].startswith(last + ":"):
        return None  # a key whose value is a mapping, the key at column
    if "not written" in source["value"] and any(p in text for p in parts[1:-1]):
        return None  # not written: the record, at its first key, holding the id
    return f"line {line} ({text.strip()!r}) does not hold {last!r} before column {column}"


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    minimum = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    cache = {}

    def lines_of(name):
        if name not in cache:
            with open(name, encoding="utf-8") as f:
                cache[name] = f.read().split("\n")
        return cache[name]

    failures, count = [], 0
    explained = {(e["account"], e["figure"]) for e in doc.get("explanations", [])}
    for e in doc.get("explanations", []):
        for s in e["sources"]:
            count += 1
            why = check(s, lines_of)
            if why:
                failures.append(f"{s['file']}:{s['line']}:{s['column']} {s['path']}: {why}")
        for d in e.get("from", []):
            count += 1
            if (d["account"], d["figure"]) not in explained:
                failures.append(
                    f"{e['account']} {e['figure']}: from {d['account']} {d['figure']}, "
                    "which is not explained")
    for f in failures:
        print(f, file=sys.stderr)
    if count < minimum:
        print(f"only {count} sources (expected at least {minimum})", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
