cp -a "$(dirname "$0")/../../fixtures/reports/." .
# A saved query that is a link (here to a file outside the portfolio) is refused.
mkdir -p queries
ln -s /etc/hostname queries/stale-contacts.sql
