jq -e ".summary.errors == 1 and .summary.warnings == 0 and (.findings | length) == 1" "$KAM_STDOUT" >/dev/null
