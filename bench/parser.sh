#!/usr/bin/env bash
# kam against the peer and the floors, on the same trees in the same run.
#
#   bench/parser.sh [KAM_BINARY]   default: build/kam, else build/src/kam (in the repo)
#
# For each size: the cat floor, the stat walk, `kam validate --jobs 1` and
# `--jobs 2` (a new process each run), `kam summary --format json`, and the
# peer (node + js-yaml + ajv, ../shared/bench/peer) with one thread and with
# `--jobs 2`, interleaved round by round; each with its median wall time, its
# ratio to the peer's faster configuration and to the cat floor, and its peak
# RSS. Then the growth from the first size to the last, the machine's own
# two-process ratio (two copies of a CPU-bound loop against one, measured in
# the same rounds) beside validate's --jobs 2 / --jobs 1, and callgrind on a
# PROFILE_ACCOUNTS-account tree: instructions per byte and the top functions.
#
# Environment:
#   BENCH_SIZES        account counts ("": callgrind only) (default "1000 10000")
#   BENCH_DIR          where portfolios are generated  (default /tmp/kam-bench)
#   BENCH_REUSE_DIRS   more folders to take a portfolio from when its stamp matches
#   BENCH_REPEAT       rounds; the median counts       (default 5)
#   BENCH_SEED         generator seed                  (default 1)
#   BENCH_PEER         the peer script  (default REPO/../shared/bench/peer/peer.js)
#   PROFILE_ACCOUNTS   accounts of the callgrind tree  (default 100; 0: no callgrind)
#   PROFILE_TOP        functions listed                (default 25)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
esac
if [[ $# -gt 1 ]]; then
    usage >&2
    exit 2
fi

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
sizes=${BENCH_SIZES-1000 10000}
repeat=${BENCH_REPEAT:-5}
peer=${BENCH_PEER:-$repo/../shared/bench/peer/peer.js}
profile_accounts=${PROFILE_ACCOUNTS:-100}
top=${PROFILE_TOP:-25}

for n in $sizes $profile_accounts; do
    if ! [[ "$n" =~ ^[0-9]+$ ]]; then
        echo "parser.sh: BENCH_SIZES and PROFILE_ACCOUNTS must be integers, got '$n'" >&2
        exit 2
    fi
done
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
    echo "parser.sh: BENCH_REPEAT must be a positive integer, got '$repeat'" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "parser.sh: /usr/bin/time not found (Debian package: time)" >&2
    exit 2
fi
have_peer=1
if ! command -v node >/dev/null || [[ ! -f "$peer" ]] || [[ ! -d "$(dirname "$peer")/node_modules" ]]; then
    have_peer=0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kam-bench-parser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Two copies of the same CPU-bound loop at once, against one: the machine's
# own two-process ratio (1.0 on two free cores; more when the host takes
# CPU back).
loop() { awk 'BEGIN { for (i = 0; i < 12000000; i++) s += i * 0.5; if (s < 0) print s }'; }
export -f loop
two_loops() { loop & loop & wait; }
export -f two_loops


# --- header ------------------------------------------------------------------
kam_version=$("$kam" --version 2>/dev/null | head -n 1 || true)
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
build_type=""
for cache in "$(dirname "$kam")/CMakeCache.txt" "$(dirname "$kam")/../CMakeCache.txt"; do
    if [[ -f "$cache" ]]; then
        build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
        parser=$(sed -n 's/^KAM_YAML_PARSER:[A-Z]*=//p' "$cache")
        break
    fi
done
echo "kam parser benchmark: ${kam_version:-kam} ($kam${build_type:+, CMAKE_BUILD_TYPE $build_type}${parser:+, KAM_YAML_PARSER $parser})"
echo "machine: nproc $(nproc), $(uname -s) $(uname -r) $(uname -m)${cpu:+, $cpu}, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $have_peer == 1 ]]; then
    echo "peer: node $(node --version) $peer"
else
    echo "peer: not run ($peer needs node and, once, (cd $(dirname "$peer") && npm install))"
fi
echo "settings: as-of $as_of, median of $repeat interleaved rounds, a new process per run, warm page cache, peak RSS by /usr/bin/time"
echo

fmt='%-8s %-26s %9s %8s %8s %8s %9s %4s\n'
# shellcheck disable=SC2059
printf "$fmt" accounts command "wall s" "x peer" "x cat" "MB/s" "RSS MiB" exit
# shellcheck disable=SC2059
printf "$fmt" -------- -------------------------- --------- -------- -------- -------- --------- ----

labels=(cat stat validate1 validate2 summary)
[[ $have_peer == 1 ]] && labels+=(peer1 peer2)
declare -A title=(
    [cat]="cat (I/O floor)" [stat]="stat walk" [validate1]="validate --jobs 1"
    [validate2]="validate --jobs 2" [summary]="summary --format json"
    [peer1]="peer (1 thread)" [peer2]="peer --jobs 2"
)
declare -A wall_of bytes_of
notes=()
first="" last=""
for n in $sizes; do
    [[ -n "$first" ]] || first=$n
    last=$n
    ensure_portfolio "$n"
    bytes=$(find "$dir" -name '*.yaml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    bytes_of[$n]=$bytes
    rm -f "$tmp"/*.wall "$tmp"/*.rss
    pushd "$dir" >/dev/null
    for ((r = 0; r < repeat; r++)); do
        # shellcheck disable=SC2016
        measure cat "0" bash -c 'find "$1" -name "*.yaml" -print0 | xargs -0 cat >/dev/null' _ "$dir"
        measure stat "0" find "$dir" -name '*.yaml' -printf '%s %T@\n'
        measure validate1 "0 1" "$kam" validate --root "$dir" --jobs 1 --as-of "$as_of" -q
        measure validate2 "0 1" "$kam" validate --root "$dir" --jobs 2 --as-of "$as_of" -q
        measure summary "0 1" "$kam" summary --root "$dir" --as-of "$as_of" --format json
        if [[ $have_peer == 1 ]]; then
            measure peer1 "0 1" node "$peer" "$dir"
            peer_out=$(tail -n 1 "$tmp/stdout")
            measure peer2 "0 1" node "$peer" --jobs 2 "$dir"
        fi
        measure loop1 "0" bash -c loop
        measure loop2 "0" bash -c two_loops
    done
    popd >/dev/null
    if [[ $have_peer == 1 && "$peer_out" != *"errors 0"* ]]; then
        notes+=("$n accounts: the peer reported '$peer_out' (a generated tree should give errors 0)")
    fi
    cat_wall=$(median "$tmp/cat.wall")
    peer_best=""
    if [[ $have_peer == 1 ]]; then
        peer_best=$(printf '%s\n%s\n' "$(median "$tmp/peer1.wall")" "$(median "$tmp/peer2.wall")" | sort -g | head -n 1)
    fi
    for label in "${labels[@]}"; do
        w=$(median "$tmp/$label.wall")
        wall_of[$n,$label]=$w
        awk -v n="$n" -v t="${title[$label]}" -v w="$w" -v p="$peer_best" -v c="$cat_wall" \
            -v b="$bytes" -v rss="$(peak "$tmp/$label.rss")" -v rc="$(cat "$tmp/$label.rc")" -v fmt="$fmt" 'BEGIN {
            printf fmt, n, t, sprintf("%.3f", w), (p == "") ? "-" : sprintf("%.2f", w / p),
                sprintf("%.2f", w / c), sprintf("%.1f", b / 1e6 / w), sprintf("%.1f", rss / 1024), rc
        }'
    done
    l1=$(median "$tmp/loop1.wall")
    l2=$(median "$tmp/loop2.wall")
    notes+=("$(awk -v n="$n" -v a="${wall_of[$n,validate1]}" -v b="${wall_of[$n,validate2]}" -v l1="$l1" -v l2="$l2" 'BEGIN {
        printf "%-8s validate --jobs 2 / --jobs 1 = %.2f; machine: two CPU-bound loops at once / one = %.2f (%.3f s / %.3f s), so --jobs 2 can reach about %.2f", n, b / a, l2 / l1, l2, l1, l2 / l1 / 2 }')")
done

if [[ -n "$first" && "$first" != "$last" ]]; then
    echo
    echo "growth $first -> $last accounts (time ratio over input-size ratio; 1.00 is linear)"
    for label in "${labels[@]}"; do
        awk -v t="${title[$label]}" -v a="${wall_of[$first,$label]}" -v b="${wall_of[$last,$label]}" \
            -v ba="${bytes_of[$first]}" -v bb="${bytes_of[$last]}" 'BEGIN {
            printf "  %-26s %8.3f s -> %8.3f s  x%-6.2f per byte %.2f\n", t, a, b, b / a, (b / a) / (bb / ba) }'
    done
fi

if ((${#notes[@]})); then
    echo
    printf '%s\n' "${notes[@]}"
fi

# --- callgrind ---------------------------------------------------------------
if ((profile_accounts > 0)); then
    echo
    if ! command -v valgrind >/dev/null || ! command -v callgrind_annotate >/dev/null; then
        echo "callgrind: not run (Debian package: valgrind)"
        exit 0
    fi
    ensure_portfolio "$profile_accounts"
    bytes=$(find "$dir" -name '*.yaml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    out="$bench_dir/callgrind.out.parser-validate"
    rm -f "$out"
    rc=0
    (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file="$out" \
        "$kam" validate --root "$dir" --jobs 1 --as-of "$as_of" -q) >/dev/null 2>"$tmp/vg.log" || rc=$?
    if ((rc > 1)) || [[ ! -s "$out" ]]; then
        echo "parser.sh: kam exited with $rc under callgrind:" >&2
        tail -n 30 "$tmp/vg.log" | sed 's/^/  | /' >&2
        exit 1
    fi
    # (awk reads to the end: an early exit would fail the pipeline under pipefail)
    total=$(callgrind_annotate --auto=no "$out" | awk '/PROGRAM TOTALS/ && !t { gsub(",", "", $1); t = $1 } END { print t }')
    awk -v n="$profile_accounts" -v i="$total" -v b="$bytes" 'BEGIN {
        printf "callgrind, kam validate --jobs 1 on %d accounts (%.1f MB): %.0f instructions, %.0f a byte\n", n, b / 1e6, i, i / b }'
    echo "top $top functions, inclusive (self and callees; main and its callers first):"
    callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$out" |
        awk -v top="$top" '/file:function/ { body = 1; getline; next }
            body && NF && k < top { k++; print "  " substr($0, 1, 200) }'
    echo "top $top functions, exclusive (self):"
    callgrind_annotate --inclusive=no --threshold=100 --auto=no "$out" |
        awk -v top="$top" '/file:function/ { body = 1; getline; next }
            body && NF && k < top { k++; print "  " substr($0, 1, 200) }'
    echo "profile: $out"
fi
