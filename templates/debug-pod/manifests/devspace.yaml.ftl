version: v2beta1
name: [=project_name]
