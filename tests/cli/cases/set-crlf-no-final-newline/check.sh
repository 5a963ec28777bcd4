# Only the value changed: CRLF line ends and the missing final newline are kept.
printf '# Contracts\r\ncontracts:\r\n  - id: C1\r\n    title: "MSA"\r\n    status: active\r\n    start: 2025-01-01\r\n    end: 2027-06-30  # renewal talks in Q1\r\n    slas:\r\n      - id: S1\r\n        name: Uptime\r\n        target: 99.5\r\n        actual: 99.1' | cmp - accounts/acme/contracts.yaml
test ! -e accounts/acme/.kam-lock
test -z "$(ls -A accounts/acme | grep kam-)"
