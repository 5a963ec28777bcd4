set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# Values that YAML would misread are double-quoted, with escapes.
grep -qxF 'name: "Acme: \"The\" Company"' accounts/acme/account.yaml
grep -qxF 'manager: "Dana #1"' accounts/acme/account.yaml
# ... and read back as written: the account is clean.
test "$("$KAM" validate --as-of 2026-11-23)" = "no findings in 2 accounts"
