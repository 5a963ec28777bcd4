grep -q "Meet the successor" accounts/acme/risks.yaml
