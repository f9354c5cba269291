streamlit==[=streamlit_version]
