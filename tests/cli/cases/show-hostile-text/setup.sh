mkdir -p accounts/acme
# Raw control characters are refused by the loader; escapes for C1 controls
# and bidi overrides are valid YAML and must still not reach the terminal.
printf 'name: "Acme\\u009B2J @octocat \\u202Egnp.exe"\nstatus: active\ntier: growth\nmanager: "Dana\\u009B2J"\n' > accounts/acme/account.yaml
