set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# The portfolio's own template is used for account.yaml, with values filled in ...
# (after the line that points editors at the portfolio's schema)
test "$(cat accounts/acme/account.yaml)" = '# yaml-language-server: $schema=../../.kam/schema/account.schema.json
# ACME HOUSE TEMPLATE
name: "Acme: Ltd"
status: active
tier: growth
manager: Dana
client_since: 2026-11-23
tags: [acme]'
# ... the built-in ones for the other sections, and nothing else.
grep -q '^# Client profile' accounts/acme/profile.yaml
test "$(ls -A accounts/acme | tr '\n' ' ')" = "account.yaml blueprint.yaml contracts.yaml performance.yaml profile.yaml reviews.yaml risks.yaml sales.yaml swot.yaml "
test "$("$KAM" validate --as-of 2026-11-23)" = "no findings in 1 account"
