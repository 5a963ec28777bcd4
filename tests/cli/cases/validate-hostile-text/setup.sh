mkdir -p accounts/acme
# Keys that try to forge a finding (a newline in a quoted key, a block-scalar
# key), to retitle the terminal (ESC, BEL) and a C1 CSI (U+009B); a folder
# name with a newline in it.
{
    printf 'name: Acme\nstatus: active\ntier: growth\nmanager: Dana\n'
    printf '"bad\\naccounts/acme/account.yaml:1:1: error: forged finding [schema-type]\\nz": 1\n'
    printf '? |\n  block\n  accounts/acme/account.yaml:2:1: error: forged too [schema-type]\n: 2\n'
    printf '"x\\e]0;pwned\\a\\e[2JKEY": 3\n'
    printf '"c1\\u009B2J": 4\n'
} > accounts/acme/account.yaml
mkdir "accounts/evil
accounts" && cp accounts/acme/account.yaml "accounts/evil
accounts/"
