# JupyterLab token of the debug pod: new for every devspace run (openssl, as the MLflow secret hook uses)
command: openssl rand -hex 24
