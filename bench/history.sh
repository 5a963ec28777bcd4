#!/usr/bin/env bash
# Benchmark kam's git-history commands on a generated portfolio with a
# generated history, next to `kam summary` on the same tree in the same run.
#
#   bench/history.sh [KAM_BINARY]
#
# Environment:
#   BENCH_ACCOUNTS  accounts in the portfolio     (default 10000)
#   BENCH_COMMITS   commits in its history        (default 1000)
#   BENCH_DIR       where portfolios are generated (default /tmp/kam-bench)
#   BENCH_REPEAT    runs per measurement; the median is printed (default 3)
#   BENCH_SEED      generator seed                  (default 1)
#
# Prints one line per command: median wall time, median peak memory, and
# both as a ratio to `kam summary --format json`. Then the files kam history
# parsed (its JSON's files_parsed) against the distinct blobs of kam.yaml and
# the account files at the commits it sampled, counted by git ls-tree: kam
# caches parsed files by blob id within a run, so the two must be equal.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh disable=SC2154
source "$here/common.sh"
resolve_kam "${1:-}"
accounts=${BENCH_ACCOUNTS:-10000}
commits=${BENCH_COMMITS:-1000}
repeat=${BENCH_REPEAT:-3}

ensure_portfolio "$accounts"
history="$bench_dir/history-n$accounts-c$commits-s$seed"
stamp="$history.stamp"
want="n=$accounts c=$commits seed=$seed gen=$(cat "$gen" "$here/gen_history.py" | cksum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    rm -rf "$history" "$stamp"
    mkdir -p "$history"
    git -C "$history" init -q -b main
    python3 "$here/gen_history.py" "$dir" "$commits" --seed "$seed" |
        git -C "$history" fast-import --quiet
    git -C "$history" checkout -q -f main
    echo "$want" >"$stamp"
    echo "# built a history of $commits commits over $accounts accounts -> $history" >&2
fi
cd "$history"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

# measure LABEL CMD...: median wall seconds and peak KiB over $repeat runs.
declare -A wall rss
measure() {
    local label=$1
    shift
    local times=() mems=() i line out
    out=$(mktemp)
    for ((i = 0; i < repeat; i++)); do
        # The exit status is not the benchmark's business (validate exits 1 on findings).
        /usr/bin/time -o "$out" -f '%e %M' "$@" >/dev/null 2>&1 || true
        line=$(tail -n 1 "$out")
        times+=("${line% *}")
        mems+=("${line#* }")
    done
    rm -f "$out"
    wall[$label]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")
    rss[$label]=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")
}

account=$(find accounts -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | sed -n 1p)
since=$(date -u -d "$as_of - 36 months" +%F)
measure summary "$kam" --as-of "$as_of" summary --format json
measure "history --monthly (36 months)" "$kam" --as-of "$as_of" history --monthly --since "$since" \
    --until "$as_of" --metric health,nps,acv,pipeline --format json
measure "history ACCOUNT --by commit" "$kam" history "$account" --by commit --format json
measure "log ACCOUNT risks" "$kam" log "$account" risks
touched=$(git diff --name-only HEAD~10 HEAD -- accounts | cut -d/ -f2 | sort -u | wc -l)
measure "validate --changed-since HEAD~10 ($touched accounts)" "$kam" --as-of "$as_of" validate -q \
    --changed-since HEAD~10
if "$kam" diff --help 2>/dev/null | grep -q -- --git-driver; then
    measure "diff HEAD~1 HEAD" "$kam" --as-of "$as_of" diff HEAD~1 HEAD
fi
# What the HTML report's sparklines cost: the page with and without them, on
# this history and on the example portfolio (in kam's own repository).
example=$(cd "$here/../examples/portfolio" && pwd)
if "$kam" report --help 2>/dev/null | grep -q -- --no-history; then
    measure "report --no-history" "$kam" --as-of "$as_of" report -o - --no-history
    measure "report (12 months of sparklines)" "$kam" --as-of "$as_of" report -o -
    measure "example: report --no-history" "$kam" --root "$example" --as-of "$as_of" report -o - \
        --no-history
    measure "example: report (sparklines)" "$kam" --root "$example" --as-of "$as_of" report -o -
fi

printf '%d accounts, %d commits, median of %d runs\n' "$accounts" "$commits" "$repeat"
printf '%-48s %8s %8s %10s %8s\n' command wall_s x_summary peak_MiB x_summary
for label in summary "history --monthly (36 months)" "history ACCOUNT --by commit" "log ACCOUNT risks" \
    "validate --changed-since HEAD~10 ($touched accounts)" "diff HEAD~1 HEAD"; do
    [[ -n "${wall[$label]:-}" ]] || continue
    awk -v l="$label" -v w="${wall[$label]}" -v m="${rss[$label]}" -v sw="${wall[summary]}" \
        -v sm="${rss[summary]}" 'BEGIN { printf "%-48s %8.2f %8.2fx %10.1f %8.2fx\n", l, w, w / sw, m / 1024, m / sm }'
done
# The sparklines' cost: each page against the same page without them.
for pair in "report (12 months of sparklines)|report --no-history" \
    "example: report (sparklines)|example: report --no-history"; do
    with=${pair%|*} without=${pair#*|}
    [[ -n "${wall[$with]:-}" ]] || continue
    awk -v l="$with" -v w="${wall[$with]}" -v m="${rss[$with]}" -v bw="${wall[$without]}" \
        -v bm="${rss[$without]}" 'BEGIN { printf "%-48s %8.2f s vs %.2f s (+%.2f s), %.1f vs %.1f MiB\n", l, w, bw, w - bw, m / 1024, bm / 1024 }'
done

# Files parsed against distinct blobs at the sampled commits.
json=$("$kam" --as-of "$as_of" history --monthly --since "$since" --until "$as_of" --metric health \
    --format json)
parsed=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["files_parsed"])')
# The files kam reads: kam.yaml and the nine account files (notes and
# unknown files are never parsed). A blob is counted once per file name, as
# kam parses it once per kind of file.
blobs=$(printf '%s' "$json" | python3 -c '
import json, sys
for p in json.load(sys.stdin)["points"]:
    if p["commit"]: print(p["commit"])' | sort -u | while read -r c; do
    git ls-tree -r "$c" -- accounts kam.yaml |
        awk -F '\t' '{ split($1, m, " "); n = split($2, p, "/");
            if ($2 == "kam.yaml" || (n == 3 && p[3] ~ /^(account|profile|swot|blueprint|risks|contracts|performance|sales|reviews)\.yaml$/))
                print p[n], m[3] }'
done | sort -u | wc -l)
printf 'history --monthly: %s files parsed, %s distinct blobs at the sampled commits: %s\n' \
    "$parsed" "$blobs" "$([[ "$parsed" == "$blobs" ]] && echo equal || echo DIFFERENT)"
