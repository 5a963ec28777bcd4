mv accounts/acme/account.yaml real.yaml && ln -s ../../real.yaml accounts/acme/account.yaml
