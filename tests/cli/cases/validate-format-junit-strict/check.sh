set -e
xmllint --noout "$KAM_STDOUT"
# Under --strict the warning fails, in the XML as in the exit status.
test "$(xmllint --xpath 'count(//failure)' "$KAM_STDOUT")" = 1
test "$(xmllint --xpath 'string(//testsuite/@failures)' "$KAM_STDOUT")" = 1
test "$(xmllint --xpath 'string(//testsuites/@failures)' "$KAM_STDOUT")" = 1
