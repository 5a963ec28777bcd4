bash "$(dirname "$0")/../../diff/repo.sh"
mkdir accounts/delta
printf 'name: Delta AG\nstatus: prospect\ntier: growth\nmanager: Dan\n' > accounts/delta/account.yaml
