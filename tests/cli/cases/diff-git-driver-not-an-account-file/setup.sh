seq 1 20 | sed 's/^/- step /' > old.yaml
seq 1 20 | sed 's/^/- step /; s/step 11$/step eleven/' > new.yaml
