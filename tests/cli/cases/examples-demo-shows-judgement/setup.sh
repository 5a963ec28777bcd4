# The demo portfolio as committed, judged on the day it was written for.
cp -a "$(dirname "$0")/../../../../examples/portfolio/." .
