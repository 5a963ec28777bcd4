#!/usr/bin/env bash
# Hostile shapes against an ordinary file of the same size.
#
#   bench/adversarial.sh [KAM_BINARY]   default: build/kam, else build/src/kam
#
# Environment:
#   BENCH_DIR     where the portfolios are written (default /tmp/kam-bench)
#   BENCH_REPEAT  runs per measurement, the median counts (default 3)
#   BENCH_MB      size of each account.yaml in MB  (default 3.5; the limit is 4 MiB)
#
# Each shape is one account whose account.yaml holds about BENCH_MB of it;
# `kam validate` must take at most a few times the ordinary file's time
# (kam 0.1 took minutes on the first two). See bench/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
case "${1:-}" in
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
repeat=${BENCH_REPEAT:-3}
mb=${BENCH_MB:-3.5}
out="$bench_dir/adversarial"
rm -rf "$out"
mkdir -p "$out"

python3 - "$out" "$mb" <<'PY'
import os, sys
out, mb = sys.argv[1], float(sys.argv[2])
size = int(mb * 1e6)
cover = "name: Acme\nstatus: active\ntier: growth\nmanager: Dana\n"

def fill(piece, head="", tail=""):
    used = len((cover + head + tail).encode())
    n = max(1, (size - used) // len(piece.encode()))
    return cover + head + piece * n + tail

shapes = {
    # One item per line: what a person writes.
    "ordinary": fill("  - 1\n", "x-big:\n"),
    # The same items on one line: each column was found by rescanning it.
    "long-flow-line": fill(",1", "x-big: [1", "]\n"),
    # Multi-byte text on one line: columns count code points.
    "long-flow-utf8": fill(", \u00e9\u65e5", "x-big: [a", "]\n"),
    # Block scalars whose lines hold tabs: each was checked against every one.
    "block-scalars-with-tabs": cover + "".join(
        "x-a%d: |\n  \tx\n" % i for i in range(size // 16)),
    # Many keys in one mapping: duplicate detection must not be quadratic.
    "many-keys": cover + "".join("x-k%d: %d\n" % (i, i) for i in range(size // 16)),
}
for name, text in shapes.items():
    d = os.path.join(out, name)
    os.makedirs(os.path.join(d, "accounts", "acme"))
    with open(os.path.join(d, "kam.yaml"), "w") as f:
        f.write("kam: 1\nname: Adversarial\ncurrency: EUR\n")
    with open(os.path.join(d, "accounts", "acme", "account.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
PY

fmt='%-24s %6s %9s %9s %5s\n'
# shellcheck disable=SC2059
printf "$fmt" shape MB "wall s" "x ordinary" exit
# shellcheck disable=SC2059
printf "$fmt" ------------------------ ------ --------- --------- -----
base=""
for shape in ordinary long-flow-line long-flow-utf8 block-scalars-with-tabs many-keys; do
    d="$out/$shape"
    bytes=$(stat -c %s "$d/accounts/acme/account.yaml")
    walls=()
    rc=0
    for ((i = 0; i < repeat; i++)); do
        t0=$(date +%s%N)
        rc=0
        "$kam" validate --root "$d" --as-of "$as_of" -q >/dev/null 2>"$out/stderr" || rc=$?
        t1=$(date +%s%N)
        if ((rc > 1)); then
            echo "adversarial.sh: $shape: kam exited $rc:" >&2
            sed 's/^/  | /' "$out/stderr" | head -n 20 >&2
            exit 1
        fi
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
        walls+=("$wall")
    done
    best_wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END {
        printf "%.4f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    [[ -n "$base" ]] || base=$best_wall
    awk -v s="$shape" -v b="$bytes" -v w="$best_wall" -v base="$base" -v rc="$rc" -v fmt="$fmt" \
        'BEGIN { printf fmt, s, sprintf("%.1f", b / 1e6), sprintf("%.3f", w), sprintf("%.1f", w / base), rc }'
done
