# Bytes that cannot live in the tree as text files.
set -e
mkdir -p accounts/latin1 accounts/nul accounts/cr accounts/bom-crlf
# "Müller" in Latin-1: 0xFC is not UTF-8 (line 4, column 11).
printf 'name: Acme\nstatus: active\ntier: growth\nmanager: M\374ller\n' > accounts/latin1/account.yaml
# A NUL byte on line 2, column 9.
printf 'name: Acme\nstatus: \000active\ntier: growth\nmanager: Dana\n' > accounts/nul/account.yaml
# A bare carriage return ending line 3.
printf 'name: Acme\nstatus: active\ntier: growth\rmanager: Dana\n' > accounts/cr/account.yaml
# A BOM and CRLF line ends are allowed.
printf '\357\273\277name: Acme\r\nstatus: active\r\ntier: growth\r\nmanager: Dana\r\n' > accounts/bom-crlf/account.yaml
