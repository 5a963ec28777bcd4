set -e
jq -e '.format_version == 1' "$KAM_STDOUT"
jq -e '.summary == {errors: 1, warnings: 2, infos: 1, accounts: 2, accounts_with_findings: 1}' "$KAM_STDOUT"
jq -e '[.findings[].severity] == ["error", "warning", "info", "warning"]' "$KAM_STDOUT"
jq -e '[.findings[] | keys_unsorted] | all(. == ["path", "line", "column", "severity", "rule", "message", "hint", "account"])' "$KAM_STDOUT"
jq -e '.findings[3].account == null and .findings[3].rule == "tree-entry"' "$KAM_STDOUT"
