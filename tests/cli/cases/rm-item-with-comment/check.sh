printf '# Risk register\nrisks:\n  # smaller\n  - id: R2\n    title: Price war\n    likelihood: 2\n    impact: 2\n    status: accepted\n' | cmp - accounts/acme/risks.yaml
"$KAM" validate -q
