grep -q "^status: active$" real.yaml
