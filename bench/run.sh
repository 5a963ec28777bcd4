#!/usr/bin/env bash
# Benchmark kam on synthetic portfolios.
#
#   bench/run.sh [KAM_BINARY]   default: build/kam, else build/src/kam (in the repo)
#
# Environment:
#   BENCH_SIZES   account counts to run          (default "1000 10000")
#   BENCH_DIR     where portfolios are generated (default /tmp/kam-bench)
#   BENCH_REPEAT  runs per measurement, best wins (default 3)
#   BENCH_SEED    generator seed                  (default 1)
#
# Portfolios are generated once per size and seed with bench/gen_portfolio.py
# and reused while the generator is unchanged.  See bench/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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
sizes=${BENCH_SIZES:-1000 10000}
repeat=${BENCH_REPEAT:-3}

for n in $sizes; do
    if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
        echo "run.sh: BENCH_SIZES must be positive integers, got '$n'" >&2
        exit 2
    fi
done
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
    echo "run.sh: BENCH_REPEAT must be a positive integer, got '$repeat'" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kam-bench-run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- measuring ---------------------------------------------------------------
# measure OUT_FILE ERR_FILE CMD...  ->  sets m_wall (s), m_rss (KB), m_rc.
# Wall time comes from the shell clock around /usr/bin/time (GNU time's own %e
# has only 10 ms resolution); peak RSS is the largest resident set of the
# command or any of its children.  Without /usr/bin/time (Debian package
# `time`), a small python3 wrapper reads getrusage(RUSAGE_CHILDREN).
if [[ -x /usr/bin/time ]]; then
    rss_tool="/usr/bin/time"
    measure() {
        local out=$1 err=$2
        shift 2
        local t0 t1
        m_rc=0
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$tmp/time.out" "$@" >"$out" 2>"$err" || m_rc=$?
        t1=$(date +%s%N)
        m_wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
        # GNU time puts "Command exited with non-zero status N" before the format.
        m_rss=$(tail -n 1 "$tmp/time.out")
        [[ "$m_rss" =~ ^[0-9]+$ ]] || m_rss=0
    }
else
    rss_tool="python3 getrusage"
    cat >"$tmp/measure.py" <<'EOF'
import resource, subprocess, sys, time
report, out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
with open(out, "wb") as o, open(err, "wb") as e:
    t0 = time.perf_counter()
    rc = subprocess.call(cmd, stdout=o, stderr=e)
    wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
with open(report, "w") as f:
    f.write("%.4f %d %d\n" % (wall, rss, rc if rc >= 0 else 128 - rc))
EOF
    measure() {
        local out=$1 err=$2
        shift 2
        python3 "$tmp/measure.py" "$tmp/measure.out" "$out" "$err" "$@"
        read -r m_wall m_rss m_rc <"$tmp/measure.out"
    }
fi

# best CMD_LABEL OK_CODES CMD...  ->  repeats the command; sets b_wall (best
# wall), b_rss (highest peak RSS over the runs) and b_rc (exit code).  An exit
# code not in OK_CODES stops the benchmark with the command's stderr.
best() {
    local label=$1 ok=$2
    shift 2
    local i
    b_wall="" b_rss=0 b_rc=0
    local walls=()
    for ((i = 0; i < repeat; i++)); do
        measure /dev/null "$tmp/stderr" "$@"
        if [[ " $ok " != *" $m_rc "* ]]; then
            {
                echo "run.sh: '$label' failed with exit code $m_rc:"
                echo "  $*"
                sed 's/^/  | /' "$tmp/stderr" | head -n 50
            } >&2
            exit 1
        fi
        b_rc=$m_rc
        walls+=("$m_wall")
        if ((m_rss > b_rss)); then
            b_rss=$m_rss
        fi
    done
    # The median run (the mean of the middle two for an even count): one
    # lucky or unlucky run on a shared 2-core machine does not set the figure.
    b_wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END {
        printf "%.6f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
}

# --- header ------------------------------------------------------------------
kam_version=$("$kam" --version 2>/dev/null | head -n 1 || true)
[[ -n "$kam_version" ]] || kam_version="(kam --version failed)"
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
# The build type, when the binary sits in a CMake build tree (build/src/kam).
build_type=""
for cache in "$(dirname "$kam")/CMakeCache.txt" "$(dirname "$kam")/../CMakeCache.txt"; do
    if [[ -f "$cache" ]]; then
        build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
        break
    fi
done
has_summary=0
if "$kam" summary --help >/dev/null 2>&1; then
    has_summary=1
fi
has_query=0
if "$kam" query --help >/dev/null 2>&1; then
    has_query=1
fi

echo "kam benchmark: $kam_version ($kam${build_type:+, CMAKE_BUILD_TYPE $build_type})"
echo "machine: nproc $(nproc), $(uname -s) $(uname -r) $(uname -m)${cpu:+, $cpu}"
echo "settings: as-of $as_of, median of $repeat runs, peak RSS via $rss_tool, data in $bench_dir (seed $seed), warm page cache"
if [[ "$build_type" == Debug ]]; then
    echo "note: a Debug build; measure a Release or RelWithDebInfo build for real figures"
fi
[[ $has_summary == 1 ]] || echo "note: '$(basename "$kam") summary --help' failed; summary not measured"
echo

fmt='%-8s %7s %7s  %-22s %-7s %9s %10s %8s %9s %4s\n'
# shellcheck disable=SC2059
printf "$fmt" accounts files MB command jobs "wall s" "files/s" "MB/s" "RSS MiB" exit
# shellcheck disable=SC2059
printf "$fmt" -------- ------- ------- ---------------------- ------- --------- ---------- -------- --------- ----

row() {  # row N FILES BYTES LABEL JOBS WALL RSS_KB RC
    awk -v n="$1" -v files="$2" -v bytes="$3" -v label="$4" -v jobs="$5" \
        -v wall="$6" -v rss="$7" -v rc="$8" -v fmt="$fmt" 'BEGIN {
        w = (wall > 0) ? wall : 0.0001
        printf fmt, n, files, sprintf("%.1f", bytes / 1e6), label, jobs,
            sprintf("%.3f", wall), sprintf("%.0f", files / w), sprintf("%.1f", bytes / 1e6 / w),
            (rss == "-") ? "-" : sprintf("%.1f", rss / 1024), rc
    }'
}

ratios=()
for n in $sizes; do
    ensure_portfolio "$n"
    files=$(find "$dir" -name '*.yaml' -type f | wc -l)
    bytes=$(find "$dir" -name '*.yaml' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

    # The I/O floor: read every file once, no parsing.
    # shellcheck disable=SC2016
    best "cat" "0" bash -c 'find "$1" -name "*.yaml" -print0 | xargs -0 cat >/dev/null' _ "$dir"
    row "$n" "$files" "$bytes" "cat (I/O floor)" "-" "$b_wall" "-" "$b_rc"

    # Run from inside the portfolio, as a user would.
    pushd "$dir" >/dev/null
    best "validate --jobs 1" "0 1" "$kam" validate --root "$dir" --jobs 1 --as-of "$as_of"
    w1=$b_wall
    row "$n" "$files" "$bytes" "validate" "1" "$b_wall" "$b_rss" "$b_rc"
    best "validate --jobs 2" "0 1" "$kam" validate --root "$dir" --jobs 2 --as-of "$as_of"
    w2=$b_wall
    row "$n" "$files" "$bytes" "validate" "2" "$b_wall" "$b_rss" "$b_rc"
    best "validate" "0 1" "$kam" validate --root "$dir" --as-of "$as_of"
    row "$n" "$files" "$bytes" "validate" "default" "$b_wall" "$b_rss" "$b_rc"
    if [[ $has_summary == 1 ]]; then
        best "summary --format json" "0 1" "$kam" summary --root "$dir" --as-of "$as_of" --format json
        row "$n" "$files" "$bytes" "summary --format json" "default" "$b_wall" "$b_rss" "$b_rc"
        ws=$b_wall
    fi
    if [[ $has_query == 1 ]]; then
        # The SQLite model: load + build in memory + one trivial query, the export,
        # and a join over every opportunity answered from the export.
        # kam query fills only the tables its statement reads: one question
        # about accounts, and one that reads every table of the model.
        best "query (model in memory)" "0" "$kam" query --root "$dir" --as-of "$as_of" "SELECT count(*) FROM accounts"
        wq=$b_wall
        row "$n" "$files" "$bytes" "query (accounts)" "default" "$b_wall" "$b_rss" "$b_rc"
        every_table=$("$kam" query --tables --format csv | awk -F, 'NR > 1 && $2 == "table" {
            printf "%s(SELECT count(*) FROM \"%s\")", (n++ ? " + " : "SELECT "), $1 }')
        best "query (every table)" "0" "$kam" query --root "$dir" --as-of "$as_of" "$every_table"
        wqa=$b_wall
        row "$n" "$files" "$bytes" "query (every table)" "default" "$b_wall" "$b_rss" "$b_rc"
        rm -f "$tmp/p.sqlite"
        # shellcheck disable=SC2016
        best "export --format sqlite" "0" bash -c 'rm -f "$1"; "$2" export --root "$3" --as-of "$4" --format sqlite -o "$1"' _ "$tmp/p.sqlite" "$kam" "$dir" "$as_of"
        row "$n" "$files" "$bytes" "export --format sqlite" "default" "$b_wall" "$b_rss" "$b_rc"
        best "export --format csv" "0" "$kam" export --root "$dir" --as-of "$as_of" --format csv -o "$tmp/csv"
        row "$n" "$files" "$bytes" "export --format csv" "default" "$b_wall" "$b_rss" "$b_rc"
        best "query --db (join)" "0" "$kam" query --db "$tmp/p.sqlite" --format csv \
            "SELECT a.manager, count(*), sum(o.weighted_value_cents) FROM opportunities o JOIN accounts a USING (account) GROUP BY a.manager"
        row "$n" "$files" "$bytes" "query --db (join)" "-" "$b_wall" "$b_rss" "$b_rc"
        if [[ $has_summary == 1 ]]; then
            ratios+=("$(awk -v n="$n" -v a="$ws" -v b="$wq" -v c="$wqa" 'BEGIN {
                printf "%-8s query / summary --format json = %.2f (accounts), %.2f (every table); issue 14: at most 1.30", n, b / a, c / a }')")
        fi
    fi
    popd >/dev/null
    ratios+=("$(awk -v n="$n" -v a="$w1" -v b="$w2" 'BEGIN {
        printf "%-8s validate wall jobs2/jobs1 = %.2f (speed-up %.2fx)", n, b / a, a / b }')")
done

echo
for r in "${ratios[@]}"; do
    echo "$r"
done
