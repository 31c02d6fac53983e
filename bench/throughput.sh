#!/usr/bin/env bash
# Requests per second through the production-like stack (bench/stack.sh) on loopback, with wrk:
# the home page, the calendar and a blog post, each next to the same HTML served as a static
# file by the same server (WhiteNoise in gunicorn). Usage: bench/throughput.sh [seconds]
set -euo pipefail
source "$(dirname "$0")/stack.sh"
DURATION=${1:-${DURATION:-15}}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
trap stop_stack EXIT
prepare_stack
start_stack
PAGES=(home=/de/ calendar=/de/kulturnetz/kalender/ blog-post=)
post=$(curl -fs "$BASE_URL/de/blog/" | grep -o 'href="/de/blog/[a-z0-9-]*/"' | grep -v kategorie | head -1 | cut -d'"' -f2)
PAGES[2]=blog-post=$post
# The static copies must exist before the server starts (WhiteNoise indexes files at start).
mkdir -p "$STATIC_ROOT/bench-copy"
for item in "${PAGES[@]}"; do
    curl -fs "$BASE_URL${item#*=}" >"$STATIC_ROOT/bench-copy/${item%%=*}.html"
done
stop_stack
start_stack
out=$ROOT/bench/results/throughput.txt
mkdir -p "$(dirname "$out")"
{
    echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s, gunicorn: $STACK_CMD"
    echo "$(nproc) cores shared with everything else on the machine; $(date -u +%FT%TZ)"
    printf '%-10s %-34s %-8s %10s %9s %9s %7s\n' page url cache req/s p50 p99 errors
    for item in "${PAGES[@]}"; do
        name=${item%%=*} path=${item#*=}
        for kind in page static; do
            url=$BASE_URL$path
            [ $kind = static ] && url=$BASE_URL/static/bench-copy/$name.html
            state=$(cache_state "$url")
            result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$url")
            rps=$(awk '/Requests\/sec/{print $2}' <<<"$result")
            p50=$(awk '$1=="50%"{print $2}' <<<"$result")
            p99=$(awk '$1=="99%"{print $2}' <<<"$result")
            errors=$(awk '/Non-2xx|Socket errors/{e=e $0 " "} END{print e ? e : 0}' <<<"$result")
            printf '%-10s %-34s %-8s %10s %9s %9s %7s\n' "$name/$kind" "${url#$BASE_URL}" "$state" "$rps" "$p50" "$p99" "$errors"
        done
    done
} | tee "$out"
