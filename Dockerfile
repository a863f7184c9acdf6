# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir --upgrade pip
# Dependencies first, in their own cached layer: they change far less often than the code.
# Exactly the versions CI tested (`python3 dev.py lock` writes them).
COPY requirements/service.lock ./
RUN /opt/venv/bin/pip install --no-cache-dir -r service.lock
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 guard && mkdir /data && chown guard /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PURCHASE_GUARD_DATABASE_URL=sqlite+aiosqlite:////data/purchase-guard.db
WORKDIR /data
USER guard
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"
CMD ["purchase-guard", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
