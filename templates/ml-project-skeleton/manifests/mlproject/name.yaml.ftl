[=project_name]
