#!/usr/bin/env python3
"""Turn a generated portfolio into a git history, for bench/history.sh.

Usage: gen_history.py PORTFOLIO_DIR COMMITS [--seed S] [--days D]

Writes a `git fast-import` stream to stdout: a first commit with the whole
portfolio, then COMMITS - 1 commits of realistic edits spread over the D days
(default 1095) before 2026-11-23, about one a day: each commit touches one to
five accounts and changes what consultants change between reviews (a risk's
likelihood or impact, a contract's annual value, an opportunity's stage
probability, a person's last contact, a review date), so every version still
validates. Deterministic for a seed. Standard library only.
"""

import argparse
import datetime as dt
import os
import random
import re
import sys

END = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.timezone.utc)

# (file, pattern, replacement maker): each edit rewrites one matching value.
EDITS = [
    ("risks.yaml", r"(\n    likelihood: )([1-5])\n", lambda r: str(r.randint(1, 5))),
    ("risks.yaml", r"(\n    impact: )([1-5])\n", lambda r: str(r.randint(1, 5))),
    ("contracts.yaml", r"(\n    annual_value: )([0-9.]+)\n",
     lambda r: str(r.randrange(20_000, 2_000_000, 500))),
    ("sales.yaml", r"(\n    probability: )([0-9]+)\n", lambda r: str(r.randrange(5, 95, 5))),
    ("profile.yaml", r"(\n    relationship: )([a-z-]+)\n",
     lambda r: r.choice(["strong", "good", "neutral", "weak"])),
]


def read_tree(root):
    files = {}
    for base, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(base, name)
            rel = os.path.relpath(path, root)
            with open(path, "rb") as f:
                files[rel] = f.read()
    return files


def edit(text, rng):
    """One edit of one value in the file's text, or None when it has no such value."""
    for _ in range(4):
        fname, pattern, make = rng.choice(EDITS)
        if fname not in text:
            continue
        s = text[fname].decode()
        matches = list(re.finditer(pattern, s))
        if not matches:
            continue
        m = rng.choice(matches)
        return fname, (s[: m.start(2)] + make(rng) + s[m.end(2):]).encode()
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("portfolio")
    ap.add_argument("commits", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", type=int, default=1095)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    files = read_tree(a.portfolio)
    slugs = sorted({p.split(os.sep)[1] for p in files if p.startswith("accounts" + os.sep)})
    out = sys.stdout.buffer
    start = END - dt.timedelta(days=a.days)
    step = dt.timedelta(days=a.days) / max(1, a.commits - 1)

    def commit(when, message, changed):
        stamp = f"{int(when.timestamp())} +0000"
        out.write(b"commit refs/heads/main\n")
        out.write(f"author Bench <bench@example.com> {stamp}\n".encode())
        out.write(f"committer Bench <bench@example.com> {stamp}\n".encode())
        msg = message.encode()
        out.write(b"data %d\n%s\n" % (len(msg), msg))
        for path, data in changed.items():
            out.write(b"M 100644 inline %s\ndata %d\n" % (path.replace(os.sep, "/").encode(), len(data)))
            out.write(data)
            out.write(b"\n")

    commit(start, "import the portfolio", files)
    for i in range(1, a.commits):
        changed = {}
        for slug in rng.sample(slugs, min(len(slugs), rng.randint(1, 5))):
            prefix = os.path.join("accounts", slug)
            view = {name: files[os.path.join(prefix, name)]
                    for name in ("risks.yaml", "contracts.yaml", "sales.yaml", "profile.yaml")
                    if os.path.join(prefix, name) in files}
            done = edit(view, rng)
            if done:
                name, data = done
                files[os.path.join(prefix, name)] = data
                changed[os.path.join(prefix, name)] = data
        commit(start + step * i, f"edit {len(changed)} accounts", changed)
    out.write(b"done\n")


if __name__ == "__main__":
    main()
