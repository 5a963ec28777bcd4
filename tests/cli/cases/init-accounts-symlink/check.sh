set -eu
# Nothing was written through the link, and no kam.yaml marks a half-made portfolio.
test -z "$(ls -A ../outside)"
test ! -e here/kam.yaml
