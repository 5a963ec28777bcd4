# What killed edits leave: kam 0.1's visible name and the hidden one.
printf 'half' > accounts/acme/account.yaml.kam-AbC123
printf 'half' > accounts/acme/.account.yaml.kam-XyZ789
printf 'mine' > accounts/acme/notes.kam-x
