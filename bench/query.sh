#!/usr/bin/env bash
# Issue 14's target for kam query, measured round by round: in each round
# `kam summary --format json`, `kam query` on accounts and `kam query` on
# every table, one after the other, so that the host taking CPU back for a
# while moves all three. Prints each command's median wall time and peak
# RSS, and the median of the rounds' ratios to summary against the target
# (at most 1.30).
#
#   bench/query.sh [KAM_BINARY]   default: build/kam, else build/src/kam (in the repo)
#
# Environment:
#   BENCH_SIZES   account counts                  (default "1000 10000")
#   BENCH_DIR     where portfolios are generated  (default /tmp/kam-bench)
#   BENCH_REPEAT  rounds; the median counts       (default 7)
#   BENCH_SEED    generator seed                  (default 1)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
case "${1:-}" in
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
sizes=${BENCH_SIZES:-1000 10000}
repeat=${BENCH_REPEAT:-7}
for n in $sizes; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "query.sh: BENCH_SIZES must be positive integers, got '$n'" >&2; exit 2; }
done
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "query.sh: BENCH_REPEAT must be a positive integer" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "query.sh: /usr/bin/time not found (Debian package: time)" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kam-bench-query.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

every_table=$("$kam" query --tables --format csv | tr -d '\r' | awk -F, 'NR > 1 && $2 == "table" {
    printf "%s(SELECT count(*) FROM \"%s\")", (n++ ? " + " : "SELECT "), $1 }')

echo "kam query benchmark: $("$kam" --version | head -n 1) ($kam)"
echo "machine: nproc $(nproc), $(uname -sr)"
echo "settings: as-of $as_of, median of $repeat interleaved rounds, a new process per run, warm page cache"
echo
printf '%-8s %-26s %9s %9s %9s\n' accounts command "wall s" "/ summary" "RSS MiB"
for n in $sizes; do
    ensure_portfolio "$n"
    rm -f "$tmp"/*.wall "$tmp"/*.rss
    "$kam" summary --root "$dir" --as-of "$as_of" --format json >/dev/null || true  # warm the cache
    for _ in $(seq "$repeat"); do
        measure summary "0" "$kam" summary --root "$dir" --as-of "$as_of" --format json
        measure accounts "0" "$kam" query --root "$dir" --as-of "$as_of" "SELECT count(*) FROM accounts"
        measure every "0" "$kam" query --root "$dir" --as-of "$as_of" "$every_table"
    done
    for label in summary accounts every; do
        # The median of the rounds' own ratios: each pair ran back to back.
        paste "$tmp/$label.wall" "$tmp/summary.wall" | awk '{ printf "%.4f\n", $1 / $2 }' >"$tmp/$label.ratio"
        case $label in
            summary) what="summary --format json" ;;
            accounts) what="query (accounts)" ;;
            every) what="query (every table)" ;;
        esac
        printf '%-8s %-26s %9.3f %9.2f %9.1f\n' "$n" "$what" "$(median "$tmp/$label.wall")" \
            "$(median "$tmp/$label.ratio")" "$(awk -v k="$(peak "$tmp/$label.rss")" 'BEGIN { print k / 1024 }')"
    done
    awk -v r="$(median "$tmp/every.ratio")" -v n="$n" -v lo="$(sort -g "$tmp/every.ratio" | head -n 1)" \
        -v hi="$(sort -g "$tmp/every.ratio" | tail -n 1)" 'BEGIN {
        printf "%-8s every table / summary: median %.2f (rounds %.2f-%.2f); issue 14: at most 1.30: %s\n",
            n, r, lo, hi, (r <= 1.30 ? "met" : "NOT met") }'
done
