printf 'kam: 1\nname: T\ncurrency: EUR\n' > kam.yaml
printf 'surveys:\n  - {date: 2026-01-10, nps: 9, respondent: P1}\n' > new.yaml
