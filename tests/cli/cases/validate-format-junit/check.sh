set -e
xmllint --noout "$KAM_STDOUT"
# One test case per file checked, one failure per error.
test "$(xmllint --xpath 'count(//testcase)' "$KAM_STDOUT")" = 5
test "$(xmllint --xpath 'count(//failure)' "$KAM_STDOUT")" = 1
test "$(xmllint --xpath 'string(//testsuite/@failures)' "$KAM_STDOUT")" = 1
