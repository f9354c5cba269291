[#assign script = "src/" + package_name + "/train_distributed.py"]
[#assign trackingUri = "http://mlflow." + namespace + ".svc.cluster.local:5000"]
[#if flavor == "trainer-v2"]
# Distributed training job: [=num_nodes] node(s) x [=gpu_count] GPU(s), Kubeflow Trainer v2 TrainJob on the
# ClusterTrainingRuntime torch-distributed (installed by the DevSpace deployment kubeflow-trainer).
# The trainer sets PET_NNODES, PET_NPROC_PER_NODE, PET_NODE_RANK, PET_MASTER_ADDR and PET_MASTER_PORT in
# every node, and torchrun reads them; do not set those variables here (the webhook rejects them).
#
# Launch (MLflow's kubernetes backend only submits batch/v1 Jobs, it cannot create this):
#   python scripts/submit_distributed.py trainer.epochs=10     # one MLflow run per job (recommended)
#   kubectl create -f distributed_train_job.yaml                # rank 0 starts a run itself
# The image is the trainer image as last pushed by `devspace build`/`devspace deploy` (tag latest).
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata:
  # kubectl create appends a random suffix; scripts/submit_distributed.py sets a name with the run id
  generateName: [=project_name]-ddp-
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: [=project_name]-distributed-training
    app.kubernetes.io/part-of: [=project_name]
spec:
  runtimeRef:
    apiGroup: trainer.kubeflow.org
    kind: ClusterTrainingRuntime
    name: torch-distributed
  trainer:
    image: [=registry]/[=project_name]:latest
    command:
      - torchrun
      - [=script]
    # Hydra overrides (conf/config.yaml); submit_distributed.py appends the ones you pass it
    args: []
    numNodes: [=num_nodes?c]
    numProcPerNode: [=gpu_count?c]
    resourcesPerNode:
      requests:
        cpu: "4"
        memory: 16Gi
      limits:
        memory: 24Gi
        nvidia.com/gpu: [=gpu_count?c]
    env:
      - name: MLFLOW_TRACKING_URI
        value: [=trackingUri]
      - name: MLFLOW_EXPERIMENT_NAME
        value: [=project_name]
      - name: HYDRA_OUTPUT_DIR
        value: /tmp/hydra-outputs
[#if cloud == "gcp"]
      - name: GOOGLE_CLOUD_PROJECT
        value: [=gcp_project_id]
      - name: DATA_BUCKET
        value: gs://[=gcp_project_id]-data
[/#if]
  # Pod settings the TrainJob API has no field for go into a runtime patch of the "node" job
  # (spec.podTemplateOverrides was removed in Trainer v2.2).
  runtimePatches:
    - manager: mx.dev/distributed-training-infrastructure
      trainingRuntimeSpec:
        template:
          spec:
            replicatedJobs:
              - name: node
                template:
                  spec:
                    template:
                      metadata:
                        labels:
                          app.kubernetes.io/name: [=project_name]-distributed-training
                          app.kubernetes.io/part-of: [=project_name]
                          # a mesh sidecar would keep finished pods running and sit in NCCL's path
                          sidecar.istio.io/inject: "false"
                      spec:
                        # Workload Identity / data access, as train_job.yaml
                        serviceAccountName: ml-training
                        securityContext:
                          runAsNonRoot: true
                          runAsUser: 1000
[#if cloud == "gcp"]
                        nodeSelector:
                          cloud.google.com/gke-accelerator: [=gpu_type]
[#else]
                        tolerations:
                          - key: nvidia.com/gpu
                            operator: Exists
                            effect: NoSchedule
[/#if]
                        containers:
                          - name: node
                            volumeMounts:
                              - name: dshm
                                mountPath: /dev/shm
                              - name: tmp
                                mountPath: /tmp
                        volumes:
                          # NCCL and DataLoader workers use shared memory; the container default is 64Mi
                          - name: dshm
                            emptyDir:
                              medium: Memory
                              sizeLimit: 8Gi
                          - name: tmp
                            emptyDir: {}
[#else]
# Distributed training job: [=num_nodes] node(s) x [=gpu_count] GPU(s) as a LEGACY Kubeflow Training Operator v1
# PyTorchJob (installed by the DevSpace deployment training-operator). The operator sets MASTER_ADDR,
# MASTER_PORT, PET_NNODES, PET_NPROC_PER_NODE and PET_NODE_RANK in the container named "pytorch" (the name
# is required); Kubernetes expands the $(VAR) references below from them.
#
# Launch (MLflow's kubernetes backend only submits batch/v1 Jobs, it cannot create this):
#   python scripts/submit_distributed.py trainer.epochs=10     # one MLflow run per job (recommended)
#   kubectl create -f distributed_train_job.yaml                # rank 0 starts a run itself
# The image is the trainer image as last pushed by `devspace build`/`devspace deploy` (tag latest).
[#macro replica type replicas]
    [=type]:
      replicas: [=replicas?c]
      restartPolicy: OnFailure
      template:
        metadata:
          labels:
            app.kubernetes.io/name: [=project_name]-distributed-training
            app.kubernetes.io/part-of: [=project_name]
            # a mesh sidecar would keep finished pods running and sit in NCCL's path
            sidecar.istio.io/inject: "false"
        spec:
          # Workload Identity / data access, as train_job.yaml
          serviceAccountName: ml-training
          securityContext:
            runAsNonRoot: true
            runAsUser: 1000
[#if cloud == "gcp"]
          nodeSelector:
            cloud.google.com/gke-accelerator: [=gpu_type]
[#else]
          tolerations:
            - key: nvidia.com/gpu
              operator: Exists
              effect: NoSchedule
[/#if]
          containers:
            - name: pytorch
              image: [=registry]/[=project_name]:latest
              command:
                - torchrun
                - --nnodes=$(PET_NNODES)
                - --nproc_per_node=$(PET_NPROC_PER_NODE)
                - --node_rank=$(PET_NODE_RANK)
                - --master_addr=$(MASTER_ADDR)
                - --master_port=$(MASTER_PORT)
                - [=script]
              # Hydra overrides (conf/config.yaml); submit_distributed.py appends the ones you pass it
              args: []
[#if type == "Master"]
              ports:
                - name: pytorchjob-port
                  containerPort: 23456
[/#if]
              env:
                - name: MLFLOW_TRACKING_URI
                  value: [=trackingUri]
                - name: MLFLOW_EXPERIMENT_NAME
                  value: [=project_name]
                - name: HYDRA_OUTPUT_DIR
                  value: /tmp/hydra-outputs
[#if cloud == "gcp"]
                - name: GOOGLE_CLOUD_PROJECT
                  value: [=gcp_project_id]
                - name: DATA_BUCKET
                  value: gs://[=gcp_project_id]-data
[/#if]
              resources:
                requests:
                  cpu: "4"
                  memory: 16Gi
                limits:
                  memory: 24Gi
                  nvidia.com/gpu: [=gpu_count?c]
              volumeMounts:
                - name: dshm
                  mountPath: /dev/shm
                - name: tmp
                  mountPath: /tmp
          volumes:
            # NCCL and DataLoader workers use shared memory; the container default is 64Mi
            - name: dshm
              emptyDir:
                medium: Memory
                sizeLimit: 8Gi
            - name: tmp
              emptyDir: {}
[/#macro]
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata:
  # kubectl create appends a random suffix; scripts/submit_distributed.py sets a name with the run id
  generateName: [=project_name]-ddp-
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: [=project_name]-distributed-training
    app.kubernetes.io/part-of: [=project_name]
spec:
  nprocPerNode: "[=gpu_count?c]"
  runPolicy:
    backoffLimit: 1
    cleanPodPolicy: None
    ttlSecondsAfterFinished: 86400
  pytorchReplicaSpecs:
[@replica "Master" 1/]
[#if num_nodes > 1]
[@replica "Worker" num_nodes - 1/]
[/#if]
[/#if]
