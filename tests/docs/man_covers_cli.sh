#!/usr/bin/env bash
# kam(1) must document every command and every option the binary accepts:
# the help texts come from the code, the man page is written by hand, and
# this keeps the two from drifting apart.
#
#   tests/docs/man_covers_cli.sh KAM_BINARY MAN_PAGE
set -u
kam=$1
page=$2
# The page as text: roff's escaped hyphens made plain.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
fail=0
for opt in $("$kam" --help 2>&1 | sed '/^Subcommands:/,$d' | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
    if ! grep -qF -- "$opt" <<<"$text"; then
        echo "kam(1) does not mention the global option '$opt'"
        fail=1
    fi
done
commands=$("$kam" --help 2>&1 | awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || { echo "no commands found in kam --help"; exit 1; }
for c in $commands; do
    if ! grep -qE "^\.SS \"kam $c( |\")" <<<"$text"; then
        echo "kam(1) has no section for the command '$c'"
        fail=1
    fi
    for opt in $("$kam" "$c" --help 2>&1 | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
        [ "$opt" = --help ] || [ "$opt" = -h ] && continue
        if ! grep -qF -- "$opt" <<<"$text"; then
            echo "kam(1) does not mention '$opt' of 'kam $c'"
            fail=1
        fi
    done
done
[ "$fail" = 0 ] && echo "kam(1) covers $(wc -w <<<"$commands") commands and their options"
exit "$fail"
