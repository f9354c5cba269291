# Kubeflow Trainer v2 control plane (TrainJob API, JobSet) and its default ClusterTrainingRuntimes,
# among them torch-distributed, which distributed_train_job.yaml uses. Cluster-wide: install once per cluster.
namespace: kubeflow-system
helm:
  releaseName: kubeflow-trainer
  chart:
    name: oci://ghcr.io/kubeflow/charts/kubeflow-trainer
    version: "[=trainer_version]"
  values:
    runtimes:
      defaultEnabled: true
