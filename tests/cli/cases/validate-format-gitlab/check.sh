set -e
# GitLab Code Quality: one issue per finding, with every field GitLab reads.
jq -e 'type == "array" and length == 4' "$KAM_STDOUT"
jq -e 'all(.[]; (.description | type == "string") and (.check_name | type == "string")
        and (.fingerprint | test("^[0-9a-f]{32}$")) and (.location.path | type == "string")
        and (.location.lines.begin | type == "number"))' "$KAM_STDOUT"
jq -e '[.[].severity] == ["major", "minor", "info", "minor"]' "$KAM_STDOUT"
jq -e '[.[].fingerprint] | unique | length == 4' "$KAM_STDOUT"
# The same fingerprints in another run, after unrelated lines moved every finding down.
for f in accounts/*/*.yaml; do sed -i '1i # a comment that moves every line' "$f"; done
"$KAM" validate --as-of 2026-11-23 --format gitlab >moved.json || true
jq -e --slurpfile before "$KAM_STDOUT" '[.[].fingerprint] == [$before[0][].fingerprint]' moved.json
jq -e --slurpfile before "$KAM_STDOUT" \
    '[.[].location.lines.begin] == [$before[0][] | .location.lines.begin + (if .location.path | test("^accounts/[^/]+/.*[.]yaml$") then 1 else 0 end)]' moved.json
