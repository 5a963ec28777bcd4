#!/usr/bin/env bash
# Profile one kam run with valgrind's callgrind.
#
#   bench/profile.sh [KAM_BINARY]   default: build/kam, else build/src/kam (in the repo)
#
# Generates (or reuses) a portfolio of PROFILE_ACCOUNTS accounts (default 100)
# under BENCH_DIR (default /tmp/kam-bench), runs
#   kam validate --root DIR --jobs 1 --as-of 2026-11-23
# under callgrind (PROFILE_COMMAND=summary profiles `summary --format json`
# instead), and prints the top PROFILE_TOP (default 25) functions by
# instruction count, inclusive and exclusive.  The raw profile stays in
# BENCH_DIR/callgrind.out.COMMAND for kcachegrind or callgrind_annotate.
# Build with symbols (the default RelWithDebInfo build has them).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case "${1:-}" in
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
if [[ $# -gt 1 ]]; then
    echo "usage: bench/profile.sh [KAM_BINARY]" >&2
    exit 2
fi

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"
resolve_kam "${1:-}"
accounts=${PROFILE_ACCOUNTS:-100}
top=${PROFILE_TOP:-25}
command=${PROFILE_COMMAND:-validate}
width=${PROFILE_WIDTH:-220}

for tool in valgrind callgrind_annotate; do
    if ! command -v "$tool" >/dev/null; then
        echo "profile.sh: '$tool' not found (Debian package: valgrind)" >&2
        exit 2
    fi
done

case "$command" in
    validate) args=(validate --jobs 1) ;;
    summary) args=(summary --jobs 1 --format json) ;;
    *) echo "profile.sh: PROFILE_COMMAND must be validate or summary" >&2; exit 2 ;;
esac

ensure_portfolio "$accounts"
out="$bench_dir/callgrind.out.$command"
log="$bench_dir/callgrind.log.$command"
rm -f "$out"

echo "# callgrind: $kam ${args[*]} --root $dir --as-of $as_of" >&2
rc=0
(cd "$dir" && valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$kam" "${args[@]}" --root "$dir" --as-of "$as_of") >/dev/null 2>"$log" || rc=$?
if ((rc > 1)) || [[ ! -s "$out" ]]; then
    echo "profile.sh: kam exited with $rc under callgrind; log:" >&2
    sed 's/^/  | /' "$log" | tail -n 40 >&2
    exit 1
fi

# Print callgrind_annotate's total and the first $top function lines.
annotate() {
    callgrind_annotate --inclusive="$1" --threshold=100 --auto=no "$out" |
        awk -v top="$top" -v width="$width" '
            /PROGRAM TOTALS/ { print; next }
            /file:function/ { body = 1; getline; next }
            body && NF && n < top { n++; print substr($0, 1, width) }'
}

echo "== $(basename "$kam") ${args[*]}: $accounts accounts, exit $rc"
echo
echo "== top $top functions, inclusive (self + callees)"
annotate yes
echo
echo "== top $top functions, exclusive (self)"
annotate no
echo
echo "profile: $out (open with kcachegrind, or callgrind_annotate --tree=caller)"
