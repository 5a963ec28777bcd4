cp -a "$(dirname "$0")/../../fixtures/reports/." .
# SQLite would stop at the NUL byte and run only what came before it.
mkdir -p queries
printf 'SELECT 1\000; SELECT 2;\n' >queries/stale-contacts.sql
