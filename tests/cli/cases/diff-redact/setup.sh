bash "$(dirname "$0")/../../diff/repo.sh"
printf 'people:\n  - id: P1\n    name: Jo Brandt\n    role: decision-maker\n    email: jo@acme.example\n    phone: "+49 30 1234"\n' > accounts/acme/profile.yaml
