set -u
: "${KAM:?run_case.sh sets KAM to the kam binary}"
# Output lost to a full device is an environment error (exit 4) with one line
# on stderr, never a success nor an internal error.
for cmd in "get acme account.name" "validate" "summary" "summary -f csv" "show acme" "report -o -" \
    "query SELECT(1)" "schema" "completion bash" "export --format csv -o export"; do
    # shellcheck disable=SC2086
    "$KAM" --as-of 2026-11-23 $cmd >/dev/full 2>err.txt
    status=$?
    [ "$status" = 4 ] || { echo "kam $cmd > /dev/full: exit $status, want 4"; cat err.txt; exit 1; }
    [ "$(cat err.txt)" = "kam: error: cannot write the output: No space left on device" ] ||
        { echo "kam $cmd: stderr was:"; cat err.txt; exit 1; }
done
rm err.txt
