mkdir -p accounts/acme
printf 'name: "Acme\\e]0;pwned\\a\\u009B2J @octocat \\u202Egnp.exe"\nstatus: active\ntier: growth\nmanager: "Dana\\e[2J"\n' > accounts/acme/account.yaml
