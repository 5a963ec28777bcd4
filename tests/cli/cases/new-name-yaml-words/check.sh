set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"

# Words YAML 1.1 takes for booleans and numbers stay text.
grep -qxF 'name: "yes"' accounts/acme/account.yaml
grep -qxF 'manager: "2027"' accounts/acme/account.yaml
test "$("$KAM" validate --as-of 2026-11-23)" = "no findings in 1 account"
