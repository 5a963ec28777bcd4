# The README's sample `kam validate` output is what kam prints today on the
# demo portfolio (it had gone stale once: three findings where there are ten).
set -e
repo=$(cd "$(dirname "$0")/../../../.." && pwd)
expected=$(awk '/^\$ kam --root examples\/portfolio validate --as-of 2026-11-23$/ { on = 1; next }
    on && /^```/ { exit } on { print }' "$repo/README.md")
[ -n "$expected" ] || { echo "README: no sample validate block"; exit 1; }
actual=$(cd "$repo" && "$KAM" --root examples/portfolio validate --as-of 2026-11-23)
if [ "$expected" != "$actual" ]; then
    diff <(echo "$expected") <(echo "$actual") || true
    exit 1
fi
