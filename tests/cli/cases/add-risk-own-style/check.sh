# Appended after R2 with the list's blank-line spacing, every old byte kept.
printf '# Risk register\nrisks:\n  # the big one\n  - id: R1\n    title: Sponsor retiring   # since May\n    likelihood: 3\n    impact: 4\n    status: open\n    contract: C1\n    mitigation: |\n      Meet the successor.\n\n  # smaller\n  - id: R2\n    title: Price war\n    likelihood: 2\n    impact: 2\n    status: accepted\n\n  - id: R3\n    title: "Sponsor: retiring"\n    likelihood: 3\n    impact: 4\n    status: open\n    owner: Dana\n' | cmp - accounts/acme/risks.yaml
"$KAM" validate -q --as-of 2026-11-23
