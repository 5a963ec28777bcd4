mkdir -p templates && ln -s ../elsewhere.yaml templates/risks.yaml
