mkdir origin && (cd origin && bash "$(dirname "$0")/../../diff/repo.sh")
git clone -q --depth 1 "file://$PWD/origin" clone
