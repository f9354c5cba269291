# Image of the Streamlit app (generator streamlit-app); built and pushed by DevSpace as image streamlit-app.
FROM [=base_image]

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# an unprivileged user with a home directory (Streamlit writes ~/.streamlit)
RUN useradd --uid 1000 --create-home app
USER 1000

EXPOSE 8501
CMD ["streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true", "--browser.gatherUsageStats=false"]
