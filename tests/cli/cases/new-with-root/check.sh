set -eu
test -f pf/accounts/acme/account.yaml
test ! -e accounts
