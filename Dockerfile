# Plenary's web image: gunicorn serving conference.wsgi on port 8000, static files by
# WhiteNoise, configured only through environment variables (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    WEB_CONCURRENCY=3

# WeasyPrint's libraries (PDF programmes) and gettext for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-dejavu-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . /app
RUN pip install ".[pdf,s3]"

# Translations and static files are built into the image. The secret key is a build-time
# dummy that stays in this layer's command only; the running container gets its own.
RUN if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
        SECRET_KEY=build-only-not-secret python manage.py compilemessages -v 0; \
    fi \
    && SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput -v 0

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin plenary \
    && mkdir -p /app/media /app/.cache \
    && chown plenary:plenary /app/media /app/.cache \
    && chmod 0755 /app/docker/entrypoint.sh
USER plenary

EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# gunicorn reads the number of workers from WEB_CONCURRENCY. Without CACHE_URL the page cache
# is the file cache in /app/.cache, shared by this container's workers (docker-compose.yml
# sets CACHE_URL=redis://… so that every container shares it).
CMD ["gunicorn", "conference.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"]
