# Files too deep or too large to keep in the tree as they are.
set -e
mkdir -p accounts/deep accounts/deep-ok accounts/deep-block accounts/big accounts/big-ok
cover='name: Acme\nstatus: active\ntier: growth\nmanager: Dana\n'
brackets() { local i; for ((i = 0; i < $1; i++)); do printf '%s' "$2"; done; }
# The top-level mapping is level 1: 64 nested lists make 65 levels.
{ printf "$cover"; printf 'x-deep: '; brackets 64 '['; brackets 64 ']'; printf '\n'; } > accounts/deep/account.yaml
# 63 nested lists: 64 levels, the most allowed.
{ printf "$cover"; printf 'x-deep: '; brackets 63 '['; brackets 63 ']'; printf '\n'; } > accounts/deep-ok/account.yaml
# Block style: x-deep's mapping is level 2, so the mapping holding k63
# (line 69, indented 128 spaces) is level 65.
{ printf "$cover"; printf 'x-deep:\n'; for ((i = 0; i < 70; i++)); do printf '%*sk%d:\n' $((2 * i + 2)) '' $i; done; } > accounts/deep-block/account.yaml
pad() { yes '# padding padding padding padding padding padding padding padding padding' | head -c "$1"; }
# One byte over 4 MiB (4194304 bytes) of comment lines.
{ printf "$cover"; pad 4194304; } > accounts/big/account.yaml
truncate -s 4194304 accounts/big/account.yaml
printf '\n' >> accounts/big/account.yaml
# Exactly 4 MiB: allowed.
{ printf "$cover"; pad 4194304; } > accounts/big-ok/account.yaml
truncate -s 4194303 accounts/big-ok/account.yaml
printf '\n' >> accounts/big-ok/account.yaml
test "$(stat -c %s accounts/big/account.yaml)" = 4194305
test "$(stat -c %s accounts/big-ok/account.yaml)" = 4194304
