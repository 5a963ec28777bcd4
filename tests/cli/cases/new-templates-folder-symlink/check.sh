set -eu
test ! -e accounts/acme
