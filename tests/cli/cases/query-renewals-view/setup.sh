cp -a "$(dirname "$0")/../../fixtures/reports/." .
