grep -q "id: C1" accounts/acme/contracts.yaml
