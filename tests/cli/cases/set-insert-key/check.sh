tail -1 accounts/acme/account.yaml | grep -qx "mission: \"Be their first call: always\""
"$KAM" validate -q
