set -eu
# Refused: nothing written.
grep -qx '  - id: G1' accounts/acme/blueprint.yaml
