grep -q "end: 2027-06-30" accounts/acme/contracts.yaml
