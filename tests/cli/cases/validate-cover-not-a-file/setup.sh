mkdir accounts/acme/account.yaml && mkfifo accounts/beta/account.yaml
