. "$(dirname "${BASH_SOURCE[0]}")/../../lib/git-history.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/alpha-history.sh"
cd .. && git clone -q --depth 1 "file://$PWD/root" shallow && rm -rf root && mv shallow root
