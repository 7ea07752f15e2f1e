#!/usr/bin/env bash
# Throughput of cached pages against static files, through gunicorn, on this machine.
#
# Target (DESIGN.md): a cached page served at 85% or more of whitenoise's rate for a static
# file, in the same run. Uses wrk (apt-get install wrk) against 127.0.0.1 only, for a bounded
# time, with a throwaway SQLite database and the starter content.
#   bench/http.sh            # 10 s per URL, 32 connections
#   DURATION=30 bench/http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "error: wrk is needed (apt-get install wrk)" >&2; exit 1; }
PY=.venv/bin/python
PORT=${PORT:-8765}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-32}
work=$(mktemp -d)
export DEBUG=false TESTING=false SECURE_SSL_REDIRECT=false
export SECRET_KEY="bench-$(head -c 32 /dev/urandom | base64)"
export PREVENT_ENCRYPTION_KEYS="$(.venv/bin/python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")"
export ALLOWED_HOSTS=127.0.0.1 DATABASE_URL="sqlite:///$work/bench.sqlite3"
$PY manage.py migrate --noinput -v0
$PY manage.py load_starter_content -v0 >/dev/null
$PY manage.py collectstatic --noinput -v0
.venv/bin/gunicorn ctu_site.wsgi --bind "127.0.0.1:$PORT" --worker-class gthread --workers 2 --threads 4 \
  --log-level warning &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.2; done

base="http://127.0.0.1:$PORT"
css=$(curl -s "$base/" | grep -o '/static/css/main[^"]*\.css' | head -1)
rate() { wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$@" | awk '/Requests\/sec/ {print int($2)}'; }
curl -s "$base/contest/prevent/" >/dev/null  # fill the cache
static=$(rate "$base$css")
home=$(rate "$base/")
content=$(rate "$base/contest/prevent/")
uncached=$(rate -H "Cookie: sessionid=bench" "$base/contest/prevent/")
echo "static file ($css): $static req/s"
echo "cached home page:   $home req/s"
echo "cached content page: $content req/s"
echo "uncached content page (cache bypassed by a session cookie): $uncached req/s"
ratio=$(( content * 100 / static ))
echo "cached page / static file: ${ratio}% (target 85% or more)"
[ "$ratio" -ge 85 ]
