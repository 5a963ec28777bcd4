printf 'kam: 1\nname: T\ncurrency: EUR\n' > kam.yaml
printf 'name: Acme\nstatus: active\ntier: key\nmanager: Ann\n' > old.yaml
printf 'name: Acme Group\nstatus: active\ntier: key\nmanager: Ann\n' > new.yaml
