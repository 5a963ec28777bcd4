# A stale lock is reported, never removed behind the user's back; the file is untouched.
test -e accounts/acme/.kam-lock
cmp accounts/acme/account.yaml "$(dirname "$0")/tree/accounts/acme/account.yaml"
