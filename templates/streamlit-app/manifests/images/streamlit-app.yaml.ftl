# Streamlit app (generator streamlit-app), used by k8s/streamlit/streamlit.yaml
image: [=registry]/streamlit-app
dockerfile: ./apps/streamlit/Dockerfile
context: ./apps/streamlit
