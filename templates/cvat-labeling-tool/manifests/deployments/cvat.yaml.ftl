# CVAT [=cvat_version] from its Helm chart: the helm-chart/ folder of the cvat-ai/cvat repository at the
# release tag (no official chart repository was confirmed). DevSpace clones the tag and runs
# "helm dependency update" (Bitnami, Vector and Grafana subcharts) before installing.
namespace: [=cvat_namespace]
helm:
  releaseName: cvat
  chart:
    git: https://github.com/cvat-ai/cvat.git
    tag: [=cvat_version]
    subPath: helm-chart
  valuesFiles:
    - helm/cvat/values.yaml
