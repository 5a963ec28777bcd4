#!/usr/bin/env bash
# kam diff against kam summary on a synthetic portfolio with a git history.
#
#   bench/diff.sh [KAM_BINARY]   default: build/kam, else build/src/kam
#
# Environment:
#   BENCH_SIZES   account counts                 (default "1000")
#   BENCH_DIR     where portfolios are generated (default /tmp/kam-bench)
#   BENCH_REPEAT  runs per measurement, the median is printed (default 5)
#   BENCH_SEED    generator seed                  (default 1)
#
# The portfolio of bench/gen_portfolio.py becomes commit 1 of a repository
# built with git fast-import; commit 2 changes one account (a risk's
# likelihood and its manager). `kam diff HEAD~1 HEAD` should cost a small
# fraction of `kam summary`: unchanged accounts have equal blob ids and are
# never parsed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
case "${1:-}" in
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
sizes=${BENCH_SIZES:-1000}
repeat=${BENCH_REPEAT:-5}

# median_ms CMD...: runs CMD $repeat times (output discarded), prints the median in ms.
median_ms() {
    local times=() t0 t1 i
    for ((i = 0; i < repeat; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

for n in $sizes; do
    ensure_portfolio "$n"
    repo_dir="$bench_dir/git-n$n-s$seed"
    if [[ ! -f "$repo_dir.stamp" || "$(cat "$repo_dir.stamp")" != "$(cat "$dir.stamp")" ]]; then
        rm -rf "$repo_dir"
        mkdir -p "$repo_dir"
        git -C "$repo_dir" init -q -b main .
        python3 - "$dir" <<'PY' | git -C "$repo_dir" fast-import --quiet
import os, re, sys
root = sys.argv[1]
out = sys.stdout.buffer
def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")
def commit(msg, when, files):
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Bench <bench@example.com> %d +0000\n" % when)
    data(msg)
    for path, content in files:
        out.write(b"M 100644 inline " + path.encode() + b"\n")
        data(content)
files = []
for base, dirs, names in os.walk(root):
    dirs.sort()
    for name in sorted(names):
        full = os.path.join(base, name)
        files.append((os.path.relpath(full, root), open(full, "rb").read()))
commit(b"portfolio", 1780000000, files)
first = sorted(p for p, _ in files if p.startswith("accounts/") and p.endswith("/account.yaml"))[0]
slug = first.split("/")[1]
changed = []
for path, content in files:
    if path == first:
        changed.append((path, content.replace(b"manager:", b"manager: Changed\nx-old-manager:", 1)))
    elif path == "accounts/%s/risks.yaml" % slug:
        changed.append((path, re.sub(rb"likelihood: [0-9]", b"likelihood: 5", content, count=1)))
commit(b"one account changes", 1780086400, changed)
PY
        git -C "$repo_dir" reset -q --hard main
        cp "$dir.stamp" "$repo_dir.stamp"
    fi
    cd "$repo_dir"
    diff_ms=$(median_ms "$kam" --as-of "$as_of" diff HEAD~1 HEAD)
    summary_ms=$(median_ms "$kam" --as-of "$as_of" summary)
    worktree_ms=$(median_ms "$kam" --as-of "$as_of" diff)
    printf '%6d accounts: kam diff HEAD~1 HEAD %6d ms   kam diff (working tree) %6d ms   kam summary %6d ms   (median of %d)\n' \
        "$n" "$diff_ms" "$worktree_ms" "$summary_ms" "$repeat"
    cd - >/dev/null
done
