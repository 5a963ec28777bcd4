set -eu
# The new account honours the umask: run kam again here under umask 027.
rm -rf accounts/acme
(umask 027 && "$KAM" --as-of 2026-11-23 new acme --name Acme --manager Dana --tier key >/dev/null)
test "$(stat -c %a accounts/acme)" = 750
test "$(stat -c %a accounts/acme/account.yaml)" = 640
