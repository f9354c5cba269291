|-
  # "devspace deploy" (generator deployment-infrastructure). DevSpace deploys concurrently by default, but
  # the gateway pods need the injection webhook of istiod and the Gateway needs the Istio CRDs: Istio and the
  # ingress go first, in this order; "create_deployments --all" then deploys the rest (unchanged releases
  # are skipped).
  run_dependencies --all
  ensure_pull_secrets --all
  build_images --all
  create_deployments istio-base istiod istio-ingress ingress --sequential
  create_deployments --all
