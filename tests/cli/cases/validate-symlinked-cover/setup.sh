ln -s ../../real.yaml accounts/acme/account.yaml
