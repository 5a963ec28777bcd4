#!/usr/bin/env bash
# A tiny repository for the kam diff cases, built in the working directory
# with fixed names and dates, so commit ids are the same on every machine.
#
#   repo.sh [PREFIX]     PREFIX: a subfolder to hold the portfolio ("" = the top)
#
# Commit 1 (tag review-2026-Q1): kam.yaml and two accounts, acme and beta.
# Commit 2 on main: acme's risk R1 rises, R2 is closed without mitigation,
# its contract C2 goes, a survey is added (NPS falls), the background grows,
# beta's file is only reformatted; a new account gamma.
# Branch feature (from commit 1): beta's tier changes.
set -eu
prefix=${1:-}
export GIT_AUTHOR_NAME='Ann Author' GIT_AUTHOR_EMAIL=ann@example.com
export GIT_COMMITTER_NAME='Ann Author' GIT_COMMITTER_EMAIL=ann@example.com
export GIT_AUTHOR_DATE='2026-03-01T10:00:00Z' GIT_COMMITTER_DATE='2026-03-01T10:00:00Z'
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git init -q -b main .
git config user.name 'Ann Author'
git config user.email ann@example.com
git config commit.gpgsign false
p=${prefix:+$prefix/}
mkdir -p "${p}accounts/acme" "${p}accounts/beta"
cat >"${p}kam.yaml" <<'YAML'
kam: 1
name: Test portfolio
currency: EUR
YAML
cat >"${p}accounts/acme/account.yaml" <<'YAML'
name: Acme GmbH
status: active
tier: key
manager: Ann
tags: [industry, dach]
background: |
  Client since 2019.
  Three plants.
YAML
cat >"${p}accounts/acme/risks.yaml" <<'YAML'
risks:
  - id: R1
    title: Champion leaves
    likelihood: 2
    impact: 4
    status: open
  - id: R2
    title: Price pressure
    likelihood: 3
    impact: 3
    status: open
YAML
cat >"${p}accounts/acme/contracts.yaml" <<'YAML'
contracts:
  - id: C1
    title: Platform subscription
    status: active
    start: 2025-01-01
    end: 2026-12-31
    notice_days: 90
    annual_value: 1150000
    slas:
      - {id: S1, name: Uptime, target: 99.5, actual: 99.7}
  - id: C2
    title: Support
    status: active
    start: 2025-01-01
    end: 2026-09-30
    annual_value: 50000
YAML
cat >"${p}accounts/acme/reviews.yaml" <<'YAML'
surveys:
  - {date: 2026-01-10, nps: 9}
  - {date: 2026-02-10, nps: 10}
YAML
cat >"${p}accounts/beta/account.yaml" <<'YAML'
name: Beta Ltd
status: active
tier: growth
manager: Bob
YAML
git add -A
git commit -q -m 'Two accounts'
git tag review-2026-Q1

git checkout -q -b feature
sed -i 's/^tier: growth$/tier: strategic/' "${p}accounts/beta/account.yaml"
export GIT_AUTHOR_DATE='2026-03-02T10:00:00Z' GIT_COMMITTER_DATE='2026-03-02T10:00:00Z'
git commit -q -am 'Beta becomes strategic'
git checkout -q main

export GIT_AUTHOR_DATE='2026-03-03T10:00:00Z' GIT_COMMITTER_DATE='2026-03-03T10:00:00Z'
cat >"${p}accounts/acme/risks.yaml" <<'YAML'
risks:
  - id: R1
    title: Champion leaves
    likelihood: 5   # she has an offer
    impact: 4
    status: open
  - id: R2
    title: Price pressure
    likelihood: 3
    impact: 3
    status: closed
YAML
cat >"${p}accounts/acme/contracts.yaml" <<'YAML'
contracts:
  - id: C1
    title: Platform subscription
    status: active
    start: 2025-01-01
    end: 2027-06-30
    notice_days: 90
    annual_value: 1150000.00
    slas:
      - {id: S1, name: Uptime, target: 99.5, actual: 99.1}
YAML
cat >"${p}accounts/acme/reviews.yaml" <<'YAML'
surveys:
  - {date: 2026-01-10, nps: 9}
  - {date: 2026-02-10, nps: 10}
  - {date: 2026-02-28, nps: 3}
YAML
cat >"${p}accounts/acme/account.yaml" <<'YAML'
name: Acme GmbH
status: active
tier: key
manager: Ann
tags: [dach, industry, automotive]
background: |
  Client since 2019.
  Three plants.
  A fourth plant opens in 2027.
YAML
cat >"${p}accounts/beta/account.yaml" <<'YAML'
# Beta, reformatted only
{name: "Beta Ltd", tier: growth, status: active, manager: 'Bob'}
YAML
mkdir -p "${p}accounts/gamma"
cat >"${p}accounts/gamma/account.yaml" <<'YAML'
name: Gamma SA
status: prospect
tier: growth
manager: Gil
YAML
git add -A
git commit -q -m 'Acme: risks, contracts, a survey; Gamma'
