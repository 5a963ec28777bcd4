printf "opportunities:\n  - id: O1\n    title: Pilot\n    stage: proposal\n    value: 250000.00\n    close: 2027-03-31\n" | cmp - accounts/acme/sales.yaml
