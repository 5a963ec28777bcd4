#!/usr/bin/env bash
# Peak memory of the reports on large generated portfolios, against the input size.
#
#   bench/memory.sh [KAM_BINARY [BEFORE_BINARY]]   default: build/kam, else build/src/kam
#
# With BEFORE_BINARY (say main's build), both binaries run on the same trees in
# the same run, one command at a time, and their outputs are compared byte for
# byte (cmp).
#
# Environment:
#   BENCH_MEM_SIZES  account counts to run                  (default "10000 50000")
#   BENCH_DIR        where portfolios are generated and kept (default /tmp/kam-bench)
#   BENCH_REPEAT     runs per measurement: highest peak RSS, median wall (default 1)
#   BENCH_SEED       generator seed                          (default 1)
#
# Portfolios are generated once per size and seed with bench/gen_portfolio.py
# (as bench/run.sh does, into the same folders) and reused.  See bench/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
esac
if [[ $# -gt 2 ]]; then
    usage >&2
    exit 2
fi

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
after=$kam
before=""
if [[ -n "${2:-}" ]]; then
    resolve_kam "$2"
    before=$kam
fi
sizes=${BENCH_MEM_SIZES:-10000 50000}
repeat=${BENCH_REPEAT:-1}
for n in $sizes; do
    if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
        echo "memory.sh: BENCH_MEM_SIZES must be positive integers, got '$n'" >&2
        exit 2
    fi
done
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
    echo "memory.sh: BENCH_REPEAT must be a positive integer, got '$repeat'" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "memory.sh: needs GNU time (/usr/bin/time, Debian package 'time') for peak RSS" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kam-bench-memory.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run LABEL OUT CMD...  ->  sets r_wall (median s) and r_rss (highest peak, KB);
# the output of the last run stays in OUT.  Exit codes 0 and 1 (load errors
# under --strict) count as success; anything else stops the benchmark.
run() {
    local label=$1 out=$2
    shift 2
    local i rc t0 t1 rss walls=()
    r_rss=0
    for ((i = 0; i < repeat; i++)); do
        rc=0
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$tmp/time.out" "$@" >"$out" 2>"$tmp/stderr" || rc=$?
        t1=$(date +%s%N)
        if ((rc > 1)); then
            {
                echo "memory.sh: '$label' failed with exit code $rc:"
                echo "  $*"
                sed 's/^/  | /' "$tmp/stderr" | head -n 50
            } >&2
            exit 1
        fi
        rss=$(tail -n 1 "$tmp/time.out")
        [[ "$rss" =~ ^[0-9]+$ ]] || rss=0
        if ((rss > r_rss)); then
            r_rss=$rss
        fi
        walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
    done
    r_wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
}

echo "kam memory benchmark: after $after${before:+, before $before}"
echo "machine: nproc $(nproc), $(uname -s) $(uname -r) $(uname -m); as-of $as_of; $repeat run(s) per row (peak RSS: the highest; wall: the median)"
echo "input: the *.yaml files of the portfolio, in 10^6 bytes; targets (issues 15 and 16): summary under 200 MB at 10,000 accounts; report and summary -f json at most 3x the input"
echo

fmt='%-8s %8s  %-6s %-22s %8s %9s %8s  %-14s %s\n'
# shellcheck disable=SC2059
printf "$fmt" accounts "input MB" binary command "wall s" "peak MB" "x input" target "meets"
# shellcheck disable=SC2059
printf "$fmt" -------- -------- ------ ---------------------- -------- --------- -------- -------------- -----

# target N COMMAND  ->  "<200 MB" or "<=3x input" or "-"
target_of() {
    local n=$1 cmd=$2
    case "$cmd" in
        summary*) [[ $n -eq 10000 ]] && { echo "<200 MB"; return; } ;;
    esac
    case "$cmd" in
        "summary -f json" | report*) [[ $n -ge 50000 ]] && { echo "<=3x input"; return; } ;;
    esac
    echo "-"
}

row() {  # row N BYTES LABEL COMMAND WALL RSS_KB TARGET
    awk -v n="$1" -v bytes="$2" -v label="$3" -v cmd="$4" -v wall="$5" -v rss="$6" \
        -v target="$7" -v fmt="$fmt" 'BEGIN {
        mb = rss * 1024 / 1e6
        ratio = mb / (bytes / 1e6)
        meets = "-"
        if (target == "<200 MB") meets = (mb < 200) ? "yes" : "no"
        if (target == "<=3x input") meets = (ratio <= 3) ? "yes" : "no"
        printf fmt, n, sprintf("%.1f", bytes / 1e6), label, cmd, wall, sprintf("%.1f", mb),
            sprintf("%.2f", ratio), target, meets
    }'
}

same=()
for n in $sizes; do
    ensure_portfolio "$n"
    bytes=$(find "$dir" -name '*.yaml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    for cmd in "summary -f json" "summary" "report -o X.html"; do
        labels=(after)
        [[ -n "$before" ]] && labels=(before after)
        for label in "${labels[@]}"; do
            bin=$after
            [[ $label == before ]] && bin=$before
            out="$tmp/$label.out"
            if [[ $cmd == report* ]]; then
                run "$label $cmd" "$tmp/stdout" "$bin" --root "$dir" --as-of "$as_of" report -o "$out"
            else
                # shellcheck disable=SC2086
                run "$label $cmd" "$out" "$bin" --root "$dir" --as-of "$as_of" $cmd
            fi
            row "$n" "$bytes" "$label" "$cmd" "$r_wall" "$r_rss" "$(target_of "$n" "$cmd")"
        done
        if [[ -n "$before" ]]; then
            if cmp -s "$tmp/before.out" "$tmp/after.out"; then
                same+=("$n $cmd: before and after outputs identical ($(wc -c <"$tmp/after.out") bytes)")
            else
                same+=("$n $cmd: OUTPUTS DIFFER")
            fi
        fi
        rm -f "$tmp/before.out" "$tmp/after.out"
    done
done

if [[ ${#same[@]} -gt 0 ]]; then
    echo
    printf '%s\n' "${same[@]}"
fi
