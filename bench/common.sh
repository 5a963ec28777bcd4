# shellcheck shell=bash disable=SC2034,SC2154
# Shared by the bench scripts; source it, don't run it.
# Expects $here (the bench/ folder).  Sets repo, bench_dir, seed, as_of, gen.

repo=$(cd "$here/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/kam-bench}
seed=${BENCH_SEED:-1}
as_of=2026-11-23
gen="$here/gen_portfolio.py"

# resolve_kam [PATH]  ->  sets kam to an absolute path; exits 2 when it is not
# an executable file.  Default: build/kam in the repo, else build/src/kam
# (where CMake puts it).
resolve_kam() {
    local given=${1:-}
    if [[ -z "$given" ]]; then
        given=$repo/build/kam
        [[ -x "$given" || ! -x "$repo/build/src/kam" ]] || given=$repo/build/src/kam
    fi
    kam=$given
    if [[ "$kam" != */* ]]; then
        kam=$(command -v "$kam" || true)
    fi
    if [[ -z "$kam" || ! -x "$kam" || -d "$kam" ]]; then
        echo "$(basename "$0"): kam binary '$given' not found or not executable (build it first)" >&2
        exit 2
    fi
    kam=$(cd "$(dirname "$kam")" && pwd)/$(basename "$kam")
}

# ensure_portfolio N  ->  sets dir to $bench_dir/nN-sSEED, generating it unless
# its stamp says the same generator, seed and N produced it. A folder of
# BENCH_REUSE_DIRS (space-separated) whose nN-sSEED has a matching stamp is
# used instead of generating.
ensure_portfolio() {
    local n=$1
    local want
    want="n=$n seed=$seed gen=$(cksum <"$gen" | cut -d' ' -f1)"
    local base
    for base in "$bench_dir" ${BENCH_REUSE_DIRS:-}; do
        dir="$base/n$n-s$seed"
        if [[ -f "$dir.stamp" && "$(cat "$dir.stamp")" == "$want" && -f "$dir/kam.yaml" ]]; then
            echo "# reusing $dir" >&2
            return
        fi
    done
    dir="$bench_dir/n$n-s$seed"
    local stamp="$dir.stamp"
    mkdir -p "$bench_dir"
    rm -rf "$dir" "$stamp"
    local t0 t1
    t0=$(date +%s%N)
    python3 "$gen" "$dir" "$n" --seed "$seed" --quiet
    t1=$(date +%s%N)
    echo "$want" >"$stamp"
    awk -v a="$t0" -v b="$t1" -v n="$n" -v d="$dir" \
        'BEGIN { printf "# generated %d accounts in %.1f s -> %s\n", n, (b - a) / 1e9, d }' >&2
}

# measure LABEL OK_CODES CMD...  ->  one run (needs /usr/bin/time and $tmp);
# appends its wall time (s) to $tmp/LABEL.wall and its peak RSS (KB) to
# $tmp/LABEL.rss. An exit code not in OK_CODES stops the benchmark with the
# command's stderr.
measure() {
    local label=$1 ok=$2
    shift 2
    local t0 t1 rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$tmp/time.out" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || rc=$?
    t1=$(date +%s%N)
    if [[ " $ok " != *" $rc "* ]]; then
        {
            echo "$(basename "$0"): '$label' failed with exit code $rc:"
            echo "  $*"
            sed 's/^/  | /' "$tmp/stderr" | head -n 30
        } >&2
        exit 1
    fi
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }' >>"$tmp/$label.wall"
    local rss
    rss=$(tail -n 1 "$tmp/time.out")
    [[ "$rss" =~ ^[0-9]+$ ]] || rss=0
    echo "$rss" >>"$tmp/$label.rss"
    echo "$rc" >"$tmp/$label.rc"
}

median() {  # median FILE
    sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
peak() { sort -n "$1" | tail -n 1; }  # peak FILE
