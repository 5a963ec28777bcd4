set -eu
: "${KAM:?run_case.sh sets KAM to the kam binary}"
# Without --client-since, kam new writes no date it would have to invent.
grep -qx 'client_since:' accounts/acme/account.yaml
grep -qx 'updated:' accounts/acme/swot.yaml
! grep -q '2026-11-23' accounts/acme/*.yaml
test "$("$KAM" validate --as-of 2026-11-23)" = "no findings in 1 account"
