# Sourced by the history and log cases: four commits on the "reports" fixture
# (alpha edited, then only reformatted; zeta added), with fixed dates.
commit_at 2026-06-10 "import the portfolio"
sed -i "s/^    likelihood: 4$/    likelihood: 2/" accounts/alpha/risks.yaml
sed -i "s/^    annual_value: 600000$/    annual_value: 650000/" accounts/alpha/contracts.yaml
commit_at 2026-08-05 "alpha: R1 less likely, C1 raised"
# Reformatting only: quoting and a comment.
sed -i "s/^    title: Sponsor leaves$/    title: \"Sponsor leaves\"  # the CEO/" accounts/alpha/risks.yaml
commit_at 2026-09-12 "alpha: reformat risks"
mkdir -p accounts/zeta && cp accounts/alpha/account.yaml accounts/zeta/ && sed -i "s/^name: .*/name: Zeta/" accounts/zeta/account.yaml
commit_at 2026-10-01 "zeta: new account"
