#!/usr/bin/env bash
# The window of kam's compare-then-rename (issue 16, kam(1) "Editing"): a
# program that is not kam appends a line to an account file while `kam set`
# edits the same file, BENCH_RACES times, the append started 0-2 ms after kam
# so that it lands before kam reads, between its read and its rename, or
# after. Then every append is looked for, in the file and in the
# FILE.kam-lost-XXXXXX copies kam keeps when the file changed in the window.
#
#   bench/edit_race.sh [KAM_BINARY]
#
# Environment: BENCH_RACES (default 500).
#
# Prints the races, kam's exit statuses (0 written; 2 refused because the file
# changed before the rename, or written with the other version kept beside
# it), the appends found in the file and in kept copies, and the appends lost:
# those that reached the old file after kam's last read of it (kam(1) says
# what remains; kam 0.1 lost 2 of 946).
# shellcheck source-path=SCRIPTDIR source=common.sh disable=SC2154
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
resolve_kam "${1:-}"
races=${BENCH_RACES:-500}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/examples/portfolio" "$work/p"
folder=$work/p/accounts/acme-manufacturing
file=$folder/risks.yaml

written=0 refused=0 other=0
for ((i = 1; i <= races; i++)); do
    # The other writer: one line appended through its own open(2) of the path.
    (
        sleep "0.00$((RANDOM % 3))"
        printf '# append %d\n' "$i" >>"$file"
    ) &
    rc=0
    "$kam" --root "$work/p" set acme-manufacturing risks.RISK-001.likelihood $((i % 5 + 1)) \
        >/dev/null 2>&1 || rc=$?
    wait
    case $rc in
        0) written=$((written + 1)) ;;
        2) refused=$((refused + 1)) ;;
        *) other=$((other + 1)) ;;
    esac
done

in_file=$(grep -c '^# append ' "$file" || true)
kept_files=$(find "$folder" -name 'risks.yaml.kam-lost-*' | wc -l)
found=$( (grep -h '^# append ' "$file" "$folder"/risks.yaml.kam-lost-* 2>/dev/null || true) | sort -u | wc -l)
in_kept=$((found - $(grep '^# append ' "$file" | sort -u | wc -l)))
lost=$((races - found))

printf '%-40s %s\n' "races (kam set against an append)" "$races"
printf '%-40s %s\n' "kam exit 0 (written)" "$written"
printf '%-40s %s\n' "kam exit 2 (refused, or kept beside)" "$refused"
printf '%-40s %s\n' "kam exit, other" "$other"
printf '%-40s %s\n' "appends in the file" "$in_file"
printf '%-40s %s\n' "appends only in kept copies" "$in_kept"
printf '%-40s %s\n' "kept copies (FILE.kam-lost-*)" "$kept_files"
printf '%-40s %s\n' "appends lost" "$lost"
if ((other > 0)); then
    echo "edit_race.sh: kam exited with a status other than 0 or 2" >&2
    exit 1
fi
