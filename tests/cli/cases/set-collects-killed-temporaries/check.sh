set -eu
test "$(ls -A accounts/acme | tr '\n' ' ')" = ".kam-lock account.yaml notes.kam-x " ||
    test "$(ls -A accounts/acme | tr '\n' ' ')" = "account.yaml notes.kam-x "
grep -qx 'manager: Eve' accounts/acme/account.yaml
