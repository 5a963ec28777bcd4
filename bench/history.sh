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
#   BENCH_REPORT    0: leave out kam report with and without sparklines
#
# Prints one line per command: median wall time, median peak memory (of kam
# and the git processes it runs: /usr/bin/time's %M is the largest of them),
# both as a ratio to `kam summary --format json`, and the target of issue 11
# with whether it is met. Then the files kam history
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
# touched REV: the accounts changed from REV to HEAD.
touched() { git diff --name-only "$1" HEAD -- accounts | cut -d/ -f2 | sort -u | wc -l; }
# A pull request: the most commits back that touch at most 50 accounts.
pr=1
while ((pr < commits - 1)) && (($(touched "HEAD~$((pr + 1))") <= 50)); do pr=$((pr + 1)); done
pr_accounts=$(touched "HEAD~$pr")
validate_touched=$(touched HEAD~10)
has_diff=$("$kam" diff --help 2>/dev/null | grep -c -- --git-driver || true)

measure summary "$kam" --as-of "$as_of" summary --format json
measure "history --monthly (36 months)" "$kam" --as-of "$as_of" history --monthly --since "$since" \
    --until "$as_of" --metric health,nps,acv,pipeline --format json
measure "history ACCOUNT --by commit" "$kam" history "$account" --by commit --format json
measure "log ACCOUNT risks" "$kam" log "$account" risks
measure "validate --changed-since HEAD~10" "$kam" --as-of "$as_of" validate -q --changed-since HEAD~10
if ((has_diff)); then
    measure "diff HEAD~1 HEAD" "$kam" --as-of "$as_of" diff HEAD~1 HEAD
    measure "diff --totals HEAD~1 HEAD" "$kam" --as-of "$as_of" diff --totals HEAD~1 HEAD
    # The pull request with an uncommitted edit besides (a risk's likelihood
    # in the first account), put back as it was afterwards.
    risks="accounts/$account/risks.yaml"
    if [[ -f "$risks" ]]; then
        cp "$risks" "$risks.bench-saved"
        trap 'mv -f "$risks.bench-saved" "$risks"' EXIT
        sed -i '0,/likelihood: [1-5]/s//likelihood: 5/' "$risks"
    fi
    measure "diff HEAD~$pr (PR, working tree)" "$kam" --as-of "$as_of" diff "HEAD~$pr"
    if [[ -f "$risks.bench-saved" ]]; then
        mv -f "$risks.bench-saved" "$risks"
        trap - EXIT
    fi
fi
# What the HTML report's sparklines cost: the page with and without them, on
# this history and on the example portfolio (in kam's own repository).
example=$(cd "$here/../examples/portfolio" && pwd)
if [[ "${BENCH_REPORT:-1}" != 0 ]] && "$kam" report --help 2>/dev/null | grep -q -- --no-history; then
    measure "report --no-history" "$kam" --as-of "$as_of" report -o - --no-history
    measure "report (12 months of sparklines)" "$kam" --as-of "$as_of" report -o -
    measure "example: report --no-history" "$kam" --root "$example" --as-of "$as_of" report -o - \
        --no-history
    measure "example: report (sparklines)" "$kam" --root "$example" --as-of "$as_of" report -o -
fi

# Each command with its target from the issue: "x1.5" (of summary's wall
# time), "m1.3" (of its peak memory), "<0.5" (seconds), "<0.5+0.003n" (plus
# 3 ms for each of n touched accounts); "-" where the issue sets none.
printf '%d accounts, %d commits, median of %d runs\n' "$accounts" "$commits" "$repeat"
printf '%-44s %8s %9s %9s %9s  %-30s %s\n' command wall_s x_summary peak_MiB x_summary target met
row() {
    local label=$1 target=$2
    [[ -n "${wall[$label]:-}" ]] || return 0
    awk -v l="$label" -v w="${wall[$label]}" -v m="${rss[$label]}" -v sw="${wall[summary]}" \
        -v sm="${rss[summary]}" -v t="$target" -v l2n="${3:-0}" 'BEGIN {
        met = "-"; shown = t
        n = split(t, parts, " ")
        for (i = 1; i <= n; i++) {
            p = parts[i]; ok = 1
            if (p ~ /^x/) { ok = w / sw <= substr(p, 2) + 0; shown_p = "time <= " substr(p, 2) "x" }
            else if (p ~ /^m/) { ok = m / sm <= substr(p, 2) + 0; shown_p = "memory <= " substr(p, 2) "x" }
            else if (p ~ /^<.*\+/) { split(substr(p, 2), q, "+"); k = q[2]; sub(/n$/, "", k)
                limit = q[1] + k * l2n; ok = w < limit; shown_p = sprintf("< %.3f s", limit) }
            else if (p ~ /^</) { ok = w < substr(p, 2) + 0; shown_p = "< " substr(p, 2) " s" }
            else continue
            met = (met == "-" || met == "yes") && ok ? "yes" : "NO"
            shown = (i == 1 ? "" : shown ", ") shown_p
        }
        if (t == "-") shown = ""
        printf "%-44s %8.2f %8.2fx %9.1f %8.2fx  %-30s %s\n", l, w, w / sw, m / 1024, m / sm, shown, met
    }'
}
row summary -
row "history --monthly (36 months)" "x1.5 m1.3"
row "history ACCOUNT --by commit" "<1"
row "log ACCOUNT risks" -
row "validate --changed-since HEAD~10" "<0.5+0.003n" "$validate_touched"
row "diff HEAD~1 HEAD" "<0.5"
row "diff --totals HEAD~1 HEAD" "x1.2"
row "diff HEAD~$pr (PR, working tree)" "<1"
printf '(validate: %d accounts touched since HEAD~10; the PR: HEAD~%d, %d accounts, and one uncommitted edit)\n' \
    "$validate_touched" "$pr" "$pr_accounts"
# The sparklines' cost: each page against the same page without them.
for pair in "report (12 months of sparklines)|report --no-history" \
    "example: report (sparklines)|example: report --no-history"; do
    with=${pair%|*} without=${pair#*|}
    [[ -n "${wall[$with]:-}" ]] || continue
    awk -v l="$with" -v w="${wall[$with]}" -v m="${rss[$with]}" -v bw="${wall[$without]}" \
        -v bm="${rss[$without]}" 'BEGIN { printf "%-44s %8.2f s vs %.2f s (%+.2f s), %.1f vs %.1f MiB\n", l, w, bw, w - bw, m / 1024, bm / 1024 }'
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
