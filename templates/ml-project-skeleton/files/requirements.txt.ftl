# Trainer dependencies. torch comes from the base image ([=base_image]);
# do not add it here, pip could replace the CUDA build with a different one.
mlflow==[=mlflow_version]
hydra-core>=1.3.2,<1.4
omegaconf>=2.3,<2.4
google-cloud-storage>=3.0,<4
