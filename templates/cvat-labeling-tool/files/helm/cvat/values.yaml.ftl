[#assign routed = applied?seq_contains("deployment-infrastructure")]
[#if storage_class?has_content]
[#assign storageClass = storage_class]
[#elseif cloud == "gcp"]
[#assign storageClass = (storage == "rwx")?then("standard-rwx", "standard-rwo")]
[#else]
[#assign storageClass = ""]
[/#if]
# Values for CVAT [=cvat_version] (generator cvat-labeling-tool): the DevSpace deployment "cvat" installs the
# chart from the helm-chart/ folder of github.com/cvat-ai/cvat at tag [=cvat_version] with this file.
# Only the settings that differ from the chart's values.yaml are here.
cvat:
  backend:
    # a release tag, not the chart's moving default "dev"
    image: cvat/server
    tag: [=cvat_version]
    imagePullPolicy: IfNotPresent
    # uploaded data, chunks and exports; mounted by the server and every worker pod
    defaultStorage:
      enabled: true
[#if storageClass?has_content]
      storageClassName: [=storageClass]
[/#if]
      accessModes:
[#if storage == "rwx"]
        - ReadWriteMany
[#else]
        - ReadWriteOnce
[/#if]
      size: [=storage_size]
[#if storage == "single-node"]
    # A ReadWriteOnce disk attaches to one node only: keep every backend pod (server, workers, utils) on
    # the node of the others, or pods on other nodes fail with Multi-Attach errors. Use storage=rwx to
    # spread them.
    affinity:
      podAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector:
              matchLabels:
                app: cvat-app
                tier: backend
            topologyKey: kubernetes.io/hostname
[/#if]
  frontend:
    image: cvat/ui
    tag: [=cvat_version]
    imagePullPolicy: IfNotPresent

# Bundled databases are Bitnami subcharts. Bitnami's versioned images moved from docker.io/bitnami to
# docker.io/bitnamilegacy (August 2025; no more updates there): keep the subcharts' tags, change the
# repository. For production prefer managed services (postgresql.enabled: false + postgresql.external.*).
global:
  security:
    # newer Bitnami charts refuse images outside docker.io/bitnami unless this is set
    allowInsecureImages: true
postgresql:
  image:
    repository: bitnamilegacy/postgresql
redis:
  image:
    repository: bitnamilegacy/redis

[#if analytics]
# Analytics: events in ClickHouse, shipped by Vector, dashboards in Grafana. Grafana is not routed (the
# chart guards it with a Traefik forward-auth middleware, which is not used here); reach it with
#   kubectl -n [=cvat_namespace] port-forward service/cvat-grafana 3000:80
analytics:
  enabled: true
clickhouse:
  enabled: true
  image:
    repository: bitnamilegacy/clickhouse
[#else]
# Analytics (ClickHouse, Vector, Grafana) is off; set the generator's analytics=true to deploy it.
analytics:
  enabled: false
clickhouse:
  enabled: false
[/#if]

# Automatic annotation with Nuclio functions is off (it needs a registry for function images).
nuclio:
  enabled: false

# [=routed?then("Exposed by the VirtualService in k8s/cvat/ on the project's Istio gateway", "Exposed by the Ingress in k8s/cvat/")]
# (DevSpace deployment "cvat-ingress"), not by the chart's own Ingress or its bundled Traefik.
ingress:
  enabled: false
traefik:
  enabled: false
