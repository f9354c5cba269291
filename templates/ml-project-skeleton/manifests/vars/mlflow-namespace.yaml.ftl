"[=namespace]"
