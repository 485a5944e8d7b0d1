# ChatOps hub: daphne serving HTTP and websockets on port 8000.
#   docker build -t chatops .
#   docker run -e SECRET_KEY=... -e DATABASE_URL=postgres://... -e REDIS_URL=redis://... -p 8000:8000 chatops
# docker-compose.yml runs it with PostgreSQL and Redis; docs/deployment.md explains both.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    PYTHONPATH=/app

WORKDIR /app

# The dependencies first, read from pyproject.toml alone: a change to the code then reuses
# this layer instead of downloading every package again. Not chatops-agent: it is agent/ in this
# checkout, installed with the project below (no package index has it).
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(d for d in tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'] if not d.startswith('chatops-agent')))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself, with the agent's distribution (agent/) whose wire rules the hub imports:
# one pip command, so pip takes chatops-agent from here. The hub runs from /app (PYTHONPATH
# above), where manage.py, templates/ and var/ are, so the copy pip puts in site-packages is never
# the one imported.
COPY . .
RUN pip install ./agent . \
    && rm -rf build ./*.egg-info agent/build agent/*.egg-info \
    && chmod 0755 docker/entrypoint.sh \
    && groupadd --system --gid 10001 chatops \
    && useradd --system --uid 10001 --gid chatops --home-dir /app --shell /usr/sbin/nologin chatops \
    && mkdir -p var /data staticfiles \
    && chown chatops:chatops var /data staticfiles

# Everything below runs unprivileged; the code stays root-owned and read-only to the hub, which
# writes only to var/ (and /data, a place to mount a volume for a SQLite database). Numeric, so
# that a runtime can check it is not root without reading /etc/passwd.
USER 10001:10001

# Settings refuse to load without a SECRET_KEY when DEBUG is off; collectstatic needs none
# for real, so it gets a throwaway one that lives only for this command.
RUN SECRET_KEY=collectstatic-only-throwaway-key-not-used-at-runtime python manage.py collectstatic --noinput

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["/app/docker/entrypoint.sh", "healthcheck"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["serve"]
