# The files, and the contracts as CSV and in schema.json.
# Compared with expected/check.out (rewritten under KAM_UPDATE_GOLDEN=1).
set -euo pipefail
want="$(dirname "$0")/expected/check.out"
got=$(
ls out
cat out/contracts.csv
python3 -c "import json; j = json.load(open('out/schema.json')); print([(t['name'], t.get('rows')) for t in j['tables']])"
)
if [ "${KAM_UPDATE_GOLDEN:-}" = 1 ]; then printf '%s\n' "$got" >"$want"; fi
diff -u "$want" - <<<"$got"
