# shellcheck shell=bash disable=SC2034,SC2154
# Shared by bench/run.sh and bench/profile.sh; source it, don't run it.
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
