mkdir -p accounts/acme
# Keys that try to forge a finding (a newline in a quoted key, a block-scalar
# key) and a C1 CSI (U+009B, an escape YAML allows); folder names with a
# newline and with an escape sequence in them.
{
    printf 'name: Acme\nstatus: active\ntier: growth\nmanager: Dana\n'
    printf '"bad\\naccounts/acme/account.yaml:1:1: error: forged finding [schema-type]\\nz": 1\n'
    printf '? |\n  block\n  accounts/acme/account.yaml:2:1: error: forged too [schema-type]\n: 2\n'
    printf '"c1\\u009B2J": 4\n'
} > accounts/acme/account.yaml
mkdir "accounts/evil
accounts" "$(printf 'accounts/x\033]0;pwned\007\033[2J')"
