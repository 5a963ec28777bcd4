set -eu
# Nothing was written through the link.
test -z "$(ls -A ../outside)"
