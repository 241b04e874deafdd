#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The production stack, started the way an operator runs it, and walked over HTTP
# (.ci/prod_smoke.py): KOMPAS_ENV=production, PostgreSQL, Redis as cache and task queue,
# gunicorn and `kompas run_huey` as two processes, secrets from the environment. A fresh
# database every run; both processes are stopped at the end, whatever happens (trap).
#
# Variables (defaults for the CI machine): PRODSMOKE_DB (kompas_prodsmoke), PRODSMOKE_PORT
# (a free port), PRODSMOKE_REDIS (redis://127.0.0.1:6379), PRODSMOKE_REDIS_DBS ("14 15": cache,
# queue; both are emptied first), PRODSMOKE_DATA (../shared/data/politie).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="$ROOT/.venv/bin"

test -x "$BIN/kompas" || make install
DB_NAME=${PRODSMOKE_DB:-kompas_prodsmoke}
REDIS=${PRODSMOKE_REDIS:-redis://127.0.0.1:6379}
read -r CACHE_DB QUEUE_DB <<<"${PRODSMOKE_REDIS_DBS:-14 15}"
DATA=${PRODSMOKE_DATA:-$ROOT/../shared/data/politie}
IMPORT_FILE="$DATA/statline_47013NED_gemeenten_2024.csv"
PORT=${PRODSMOKE_PORT:-$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
RUN=$(mktemp -d /tmp/kompas-prodsmoke.XXXXXX)
test -f "$IMPORT_FILE" || { echo "Open data ontbreekt: $IMPORT_FILE"; exit 1; }

# --- services the stack needs (started when down, as .ci/run does) ---------------------------
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  for _ in $(seq 20); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.5; done
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
redis-cli -h 127.0.0.1 -p 6379 -n "$CACHE_DB" flushdb >/dev/null
redis-cli -h 127.0.0.1 -p 6379 -n "$QUEUE_DB" flushdb >/dev/null
psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" -c "CREATE DATABASE $DB_NAME" postgres

# --- the production environment, as in a systemd unit's EnvironmentFile ----------------------
# Keys are made fresh for each run; an operator makes them once and keeps them apart.
fernet() { "$BIN/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'; }
token() { "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(64))'; }
export KOMPAS_ENV=production
export KOMPAS_SECRET_KEY; KOMPAS_SECRET_KEY=$(token)
export KOMPAS_SIGNALS_KEYS; KOMPAS_SIGNALS_KEYS=$(fernet)
export KOMPAS_SIGNALS_LOOKUP_KEY; KOMPAS_SIGNALS_LOOKUP_KEY=$(token)
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME"
export KOMPAS_CACHE_URL="$REDIS/$CACHE_DB"
export KOMPAS_TASK_QUEUE="$REDIS/$QUEUE_DB"
export KOMPAS_TASK_WORKERS=2
export KOMPAS_DATA_DIR="$RUN/data"
export KOMPAS_ALLOWED_HOSTS=127.0.0.1
export KOMPAS_BASE_URL="https://127.0.0.1:$PORT"
# gunicorn sits behind the TLS proxy (here: the smoke test's X-Forwarded-Proto header) on loopback.
export KOMPAS_TRUSTED_PROXIES=127.0.0.1
export KOMPAS_EMAIL_URL="consolemail://"
export KOMPAS_LOG_LEVEL=WARNING
unset KOMPAS_DEBUG KOMPAS_REQUIRE_2FA KOMPAS_SSL_REDIRECT

PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$rc" -ne 0 ]; then
    echo "-- gunicorn.log (laatste regels)"; tail -40 "$RUN/gunicorn.log" 2>/dev/null || true
    echo "-- worker.log (laatste regels)"; tail -40 "$RUN/worker.log" 2>/dev/null || true
  fi
  rm -rf "$RUN"
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" postgres \
    >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT INT TERM

step() { echo "== $(date -u +%T) $*"; }
# --- install steps of an operator ------------------------------------------------------------
# Django's deployment checks: no security warning, except W021 (HSTS preload is a choice the
# gemeente makes for its domain, not the product).
"$BIN/kompas" check --deploy >"$RUN/check.log" 2>&1 || { cat "$RUN/check.log"; exit 1; }
if grep -E 'security\.W[0-9]+' "$RUN/check.log" | grep -v 'security.W021'; then
  echo "FOUT: Django's deployment-controle geeft een beveiligingswaarschuwing."; exit 1
fi
# collectstatic (WhiteNoise's manifest with gzip and brotli copies; the longest step) runs
# beside the migrations and the first data.
step "migrate; collectstatic ernaast"
"$BIN/kompas" collectstatic --noinput -v 0 >"$RUN/collectstatic.log" 2>&1 &
STATIC_PID=$!
"$BIN/kompas" migrate --noinput -v 0
# Reference data and the first beheerder exactly as an operator goes live (README *Productie*):
# `kompas setup` prints a one-time link where the beheerder chooses a password; the walk
# follows it, then enrols TOTP at the first login.
step "kompas setup (referentiedata, eerste beheerder), regio's, plan"
PASSWORD=$(token)
"$BIN/kompas" setup --gemeente GM0074 --beheerder-email beheer@gemeente.invalid \
  >"$RUN/setup.log" 2>&1 || { cat "$RUN/setup.log"; exit 1; }
INVITE_URL=$(grep -o 'http[^ ]*/uitnodiging/[^ ]*/' "$RUN/setup.log" | head -1)
[ -n "$INVITE_URL" ] || { echo "kompas setup gaf geen uitnodigingslink:"; cat "$RUN/setup.log"; exit 1; }
"$BIN/kompas" setup --gemeente GM0074 --beheerder-email beheer@gemeente.invalid \
  >"$RUN/setup2.log" 2>&1 || { cat "$RUN/setup2.log"; exit 1; }
"$BIN/kompas" regions import src/kompas/core/data/regions_zuidoost_friesland.csv >/dev/null
"$BIN/kompas" plan import src/kompas/policy/plans/GM0074-ivp-2023-2026.yaml >/dev/null

wait "$STATIC_PID" || { cat "$RUN/collectstatic.log"; exit 1; }
step "gunicorn en worker"
# --- the two processes -----------------------------------------------------------------------
# Access log without client address or user agent, as `kompas demo` serves it.
"$BIN/gunicorn" kompas.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
  --no-control-socket --access-logfile - --access-logformat '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms' \
  >"$RUN/gunicorn.log" 2>&1 &
PIDS+=($!)
"$BIN/kompas" run_huey >"$RUN/worker.log" 2>&1 &
PIDS+=($!)

GUNICORN_PID=${PIDS[0]}
"$BIN/python" .ci/prod_smoke.py --base "http://127.0.0.1:$PORT" \
  --user beheer@gemeente.invalid --invite "${INVITE_URL#*://*/}" \
  --password "$PASSWORD" --gemeente heerenveen --import-file "$IMPORT_FILE" \
  --gunicorn-pid "$GUNICORN_PID"

# After the killed worker: no signal is stored half (each decrypts and has its first history
# row), whether or not its answer reached the client.
"$BIN/kompas" shell --no-imports -c '
from kompas.signals.crypto import decrypt
from kompas.signals.models import Signal
signals = list(Signal.objects.prefetch_related("history"))
half = [s.pk for s in signals if not decrypt(s.description_enc) or not s.history.all()]
assert not half, f"half opgeslagen meldingen: {half}"
print(f"ok  {len(signals)} meldingen in de database, geen enkele half opgeslagen")
'

# A server error anywhere in the walk fails the leg, even if the page it hit was not checked.
if grep -E '" 5[0-9][0-9] |Traceback' "$RUN/gunicorn.log" "$RUN/worker.log"; then
  echo "FOUT: serverfout in het log van gunicorn of de worker."
  exit 1
fi
