printf 'kam: 1\nname: T\ncurrency: EUR\n' > kam.yaml
printf 'risks:\n  - {id: R1, title: A, likelihood: 2, impact: 2, status: open}\n' > old.yaml
printf 'risks:\n- id: R1\n  title: A\n  likelihood: 4\n  impact: 2\n  status: open\n' > new.yaml
