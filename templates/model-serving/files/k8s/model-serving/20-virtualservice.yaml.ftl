# Route from the shared gateway of deployment-infrastructure (istio-ingress/[=project_name]-gateway) to the
# model server. [#if cloud == "gcp"]TLS ends at the Google load balancer; its managed certificate must list [=host].[#else]The gateway serves [=domain] and *.[=domain].[/#if]
[#if engine == "kserve"]
#   https://[=host]/v2/models/[=model_name]        model metadata (GET)
#   https://[=host]/v2/models/[=model_name]/infer  predictions (POST, Open Inference / V2 protocol)
[#else]
#   https://[=host]/seldon/[=namespace]/[=model_name]/api/v1.0/predictions  (POST, Seldon protocol)
[/#if]
[#if model_uri == ""]
# No model is deployed yet (model_uri is empty): until then the route answers 503.
[/#if]
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: [=model_name]-model
  namespace: [=namespace]
  labels:
    app.kubernetes.io/name: [=model_name]
    app.kubernetes.io/part-of: [=project_name]
spec:
  hosts:
    - [=host]
  gateways:
    - istio-ingress/[=project_name]-gateway
  http:
[#if engine == "kserve"]
    - name: [=model_name]
      match:
        - uri:
            exact: /v2/models/[=model_name]
        - uri:
            prefix: /v2/models/[=model_name]/
      route:
        - destination:
            host: [=model_name]-predictor.[=namespace].svc.cluster.local
            port:
              number: 80
      timeout: 60s
[#else]
    - name: [=model_name]
      match:
        - uri:
            prefix: /seldon/[=namespace]/[=model_name]/
      rewrite:
        uri: /
      route:
        - destination:
            host: [=model_name]-default.[=namespace].svc.cluster.local
            port:
              number: 8000
      timeout: 60s
[/#if]
