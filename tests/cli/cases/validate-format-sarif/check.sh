set -e
jq -e '.version == "2.1.0"' "$KAM_STDOUT"
jq -e '.runs | length == 1' "$KAM_STDOUT"
# Every result names a rule the driver lists, at the index it gives.
jq -e '.runs[0] as $r | [$r.tool.driver.rules[].id] as $ids
       | $r.results | length == 4 and all(.ruleId as $id | $ids | index($id) != null)' "$KAM_STDOUT"
jq -e '.runs[0] as $r | $r.results | all(.ruleId == $r.tool.driver.rules[.ruleIndex].id)' "$KAM_STDOUT"
jq -e '[.runs[0].results[].level] == ["error", "warning", "note", "warning"]' "$KAM_STDOUT"
