printf 'kam: 1\nname: T\ncurrency: EUR\n' > kam.yaml
