Distributed training ([=flavor]) is set up. Next (details in docs/distributed-training.md):

[#if flavor == "trainer-v2"]
  1. devspace deploy            (installs Kubeflow Trainer [=trainer_version] as the deployment kubeflow-trainer
[#else]
  1. devspace deploy            (installs the LEGACY Training Operator [=training_operator_version] as the deployment training-operator
[/#if]
                                 and pushes the trainer image the job runs)
  2. kubectl -n [=namespace] port-forward svc/mlflow 5000:5000 &
  3. MLFLOW_TRACKING_URI=http://localhost:5000 python scripts/submit_distributed.py trainer.epochs=10
     ([=num_nodes] node(s) x [=gpu_count] GPU(s); one MLflow run per job)

  `mlflow run -b kubernetes` cannot launch this job: MLflow's kubernetes backend only submits batch/v1 Jobs.
  The script starts the MLflow run and creates the job with `kubectl create`, passing MLFLOW_RUN_ID to the
  pods. Plain `kubectl create -f distributed_train_job.yaml` works too; rank 0 then starts its own run.
