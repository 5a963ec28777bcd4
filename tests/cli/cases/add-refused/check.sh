# nothing written
test "$(grep -c "id: R" accounts/acme/risks.yaml)" = 2
