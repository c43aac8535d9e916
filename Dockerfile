# bounceback: one image for the API (`serve`), the workers (`worker`) and one-shot jobs (`db upgrade`).
# Two stages: the build tools stay in the first; the runtime is python slim, a virtualenv, non-root.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/bounceback
WORKDIR /src
# Dependencies first (from pyproject.toml alone), so code edits do not re-download them.
COPY pyproject.toml README.md ./
RUN mkdir -p parsers service consumers migrations \
    && touch parsers/__init__.py service/__init__.py consumers/__init__.py migrations/__init__.py \
    && /opt/bounceback/bin/pip install . \
    && /opt/bounceback/bin/pip uninstall -y bounceback
COPY parsers ./parsers
COPY service ./service
COPY consumers ./consumers
COPY migrations ./migrations
# (then the parser's patterns compiled once, for this interpreter: parsers.patterncode)
RUN /opt/bounceback/bin/pip install --no-deps . && rm -rf /src \
    && cd / && /opt/bounceback/bin/python -m parsers.store_patterns

FROM python:3.11-slim
ENV PATH=/opt/bounceback/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    BOUNCEBACK_HOST=0.0.0.0 \
    BOUNCEBACK_PORT=8025 \
    BOUNCEBACK_LOG_FORMAT=json
RUN groupadd --system --gid 10001 bounceback \
    && useradd --system --uid 10001 --gid bounceback --home-dir /var/lib/bounceback --create-home bounceback
COPY --from=build /opt/bounceback /opt/bounceback
# The working directory holds the embedded SQLite file when no BOUNCEBACK_DATABASE_URL is given.
WORKDIR /var/lib/bounceback
USER 10001:10001
EXPOSE 8025
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('BOUNCEBACK_PORT', '8025'), timeout=2)"]
ENTRYPOINT ["bounceback"]
CMD ["serve"]
