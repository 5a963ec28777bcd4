# The demo portfolio shows what issue 13 asked of it: every quadrant of the
# matrix, a rising account, a relationship mismatch, a single-threaded
# account, an unqualified deal and a cross-sell its own industry backs
# (examples/portfolio/README.md). Read from kam's JSON with jq, not by eye.
set -e
day=(--as-of 2026-11-23)
m=$("$KAM" "${day[@]}" matrix -f json)
for q in strategic develop status streamline; do
    n=$(jq --arg q "$q" '[.matrix[] | select(.quadrant == $q)] | length' <<<"$m")
    [ "$n" -ge 1 ] || { echo "no account in quadrant $q"; exit 1; }
done
k=$("$KAM" "${day[@]}" keys -f json)
[ "$(jq '.rising | length' <<<"$k")" -ge 1 ] || { echo "no rising account"; exit 1; }
v=$("$KAM" "${day[@]}" validate -f json || true)
for rule in relationship-mismatch single-threaded opportunity-unqualified margin-below-policy; do
    jq -e --arg r "$rule" '[.. | objects | select(.rule? == $r)] | length >= 1' <<<"$v" >/dev/null ||
        { echo "no $rule finding"; exit 1; }
done
w=$("$KAM" "${day[@]}" whitespace -f json)
jq -e '[.gaps[] | select(.industry_peers >= 1)] | length >= 1' <<<"$w" >/dev/null ||
    { echo "no cross-sell its industry backs"; exit 1; }
