# The production-like stack the throughput and load runs measure; sourced by throughput.sh and
# load.sh. Once `make serve` exists, point STACK_CMD at it (it must listen on $BENCH_PORT).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=$ROOT/.venv/bin
BENCH_PORT=${BENCH_PORT:-8077}
BASE_URL=http://127.0.0.1:$BENCH_PORT
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_bench}
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/3}
export SECRET_KEY=${SECRET_KEY:-bench-only-not-secret}
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false
export STATIC_ROOT=$ROOT/var/bench-static MEDIA_ROOT=$ROOT/var/bench-stack-media
STACK_CMD=${STACK_CMD:-"$BIN/gunicorn portal.wsgi --workers 4 --bind 127.0.0.1:$BENCH_PORT --access-logfile - --log-level warning"}

# The database with the demo content (dev settings load it; production refuses demo content).
prepare_stack() {
    [ -n "${SKIP_PREPARE:-}" ] && return 0  # already prepared by an earlier run
    local name=${DATABASE_URL##*/}
    psql "${DATABASE_URL%/*}/postgres" -qtAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
        || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$name\""
    (cd "$ROOT" && DJANGO_SETTINGS_MODULE=portal.settings.dev "$BIN/python" manage.py migrate --noinput -v0 \
        && DJANGO_SETTINGS_MODULE=portal.settings.dev WAGTAILADMIN_BASE_URL=$BASE_URL \
            "$BIN/python" manage.py load_demo_content --site-url "$BASE_URL" -v0 \
        && DJANGO_SETTINGS_MODULE=portal.settings.production "$BIN/python" manage.py collectstatic --noinput -v0)
}

start_stack() {
    (cd "$ROOT" && DJANGO_SETTINGS_MODULE=portal.settings.production exec $STACK_CMD >"$ROOT/var/stack.log" 2>&1) &
    STACK_PID=$!
    for _ in $(seq 300); do
        curl -fso /dev/null "$BASE_URL/de/" && return 0
        sleep 1
    done
    echo "stack did not answer on $BASE_URL (see var/stack.log)" >&2
    return 1
}

stop_stack() {
    [ -n "${STACK_PID:-}" ] && kill "$STACK_PID" 2>/dev/null && wait "$STACK_PID" 2>/dev/null
    STACK_PID=
}

# "hit", "miss" … from the page cache's header, or "absent" (no page cache answered).
cache_state() {
    local state
    state=$(curl -fsD - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-portal-cache"{print $2}')
    echo "${state:-absent}"
}
