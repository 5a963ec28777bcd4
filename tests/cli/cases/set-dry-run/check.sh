# nothing written
grep -q "^status: active$" accounts/acme/account.yaml
