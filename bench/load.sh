#!/usr/bin/env bash
# A bounded load run with a mix of readers, searchers and a commenter (bench/locustfile.py)
# against the production-like stack (bench/stack.sh) on loopback. Locust lives in its own
# virtualenv in var/ (pinned here), so the portal's locked dependencies stay as they are.
# Usage: bench/load.sh [seconds] [users]
set -euo pipefail
source "$(dirname "$0")/stack.sh"
DURATION=${1:-${DURATION:-60}}
USERS=${2:-${USERS:-40}}
LOCUST_VERSION=${LOCUST_VERSION:-2.47.0}
LOCUST=$ROOT/var/locust-venv/bin/locust
if ! "$LOCUST" --version 2>/dev/null | grep -q "$LOCUST_VERSION"; then
    python3 -m venv "$ROOT/var/locust-venv"
    "$ROOT/var/locust-venv/bin/pip" install -q "locust==$LOCUST_VERSION"
fi
trap stop_stack EXIT
prepare_stack
start_stack
echo "cache state of /de/: $(cache_state "$BASE_URL/de/")"
"$LOCUST" -f "$ROOT/bench/locustfile.py" --headless --host "$BASE_URL" -u "$USERS" -r 10 \
    --run-time "${DURATION}s" --stop-timeout 10 --csv "$ROOT/var/load" --only-summary >/dev/null 2>"$ROOT/var/load.log" || true
out=$ROOT/bench/results/load.txt
mkdir -p "$(dirname "$out")"
{
    echo "locust $LOCUST_VERSION: $USERS users (readers 8 : searchers 2, plus 1 commenter every 20 s), ${DURATION}s, gunicorn: $STACK_CMD"
    echo "$(nproc) cores shared with locust itself and everything else on the machine; $(date -u +%FT%TZ)"
    "$ROOT/.venv/bin/python" - "$ROOT/var/load_stats.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(f"{'name':<28} {'requests':>8} {'fails':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}")
for r in rows:
    print(f"{r['Name'][:28]:<28} {r['Request Count']:>8} {r['Failure Count']:>6} "
          f"{float(r['Requests/s']):>7.1f} {r['50%']:>7} {r['95%']:>7}")
PY
    if [ -s "$ROOT/var/load_failures.csv" ] && [ "$(wc -l <"$ROOT/var/load_failures.csv")" -gt 1 ]; then
        echo "failures:"; cat "$ROOT/var/load_failures.csv"
    fi
} | tee "$out"
