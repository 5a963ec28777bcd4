set -eu
# Nothing was created.
test -z "$(ls -A)"
