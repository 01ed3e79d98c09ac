#!/usr/bin/env bash
# The console's usage page at volume, one command: benchmark/console.sh   (not a test; ~5 minutes)
# Starts the fake upstream and the gateway's own Liberty server (the -Prun server "gateway", embedded Derby, port
# $GW_PORT, default 9295), sends chat completions with wrk through the gateway to four models of two providers until
# the database holds at least $RECORDS (default 100000) usage records, then loads the usage page in Debian's Chromium
# (benchmark/ConsolePaint.java): first contentful paint, time until the 24-hour charts are drawn, time to redraw
# 7 days stacked by model. Appends the figures to docs/performance.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GW_PORT="${GW_PORT:-9295}"
FAKE_PORT="${FAKE_PORT:-9296}"
RECORDS="${RECORDS:-100000}"
RUNS="${RUNS:-5}"
B="$ROOT/benchmark"
OUT="$B/results/console-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
WLP="$ROOT/liberty/target/liberty/wlp"
GW="http://127.0.0.1:$GW_PORT"
export GATEWAY_KEY="cbk-bench-ADMIN-$(date +%s)-0123456789"
log() { echo "[console $(date -u +%H:%M:%S)] $*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v wrk >/dev/null || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk chromium chromium-driver >/dev/null
fi

. "$B/gateway-server.sh"
gateway_build
mvn -B -ntp -q -pl liberty dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/selenium.cp" \
  >>"$OUT/build.log" 2>&1
fake_start
log "starting the gateway"
gateway_start "$OUT/start.log"
for p in 1 2; do
  gql "{\"query\":\"mutation { configureLlmProvider(input: {id: \\\"bench$p\\\", providerType: \\\"openai_compatible\\\", name: \\\"Benchmark $p\\\", baseUrl: \\\"http://127.0.0.1:$FAKE_PORT/chunks=20/gap=0/v1\\\", apiKeyId: \\\"bench\\\", models: [{id: \\\"small\\\", contextWindow: 128000, costPerInputToken: 0.00000015, costPerOutputToken: 0.0000006}, {id: \\\"large\\\", contextWindow: 128000, costPerInputToken: 0.0000025, costPerOutputToken: 0.00001}]}) { id } }\"}" >/dev/null
done

count() { # every usage record of the last 365 days (the longest range usageSummary takes)
  gql "{\"query\":\"{ usageSummary(from: \\\"$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ)\\\", groupBy: PROVIDER) { requests } }\"}" \
    | grep -o '"requests":[0-9]*' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }'; }
msg='"messages":[{"role":"user","content":"Say hello in one short sentence."}]'
round=0
while [ "$(count)" -lt "$RECORDS" ]; do
  model="bench$(( round % 2 + 1 ))/$([ $(( round / 2 % 2 )) = 0 ] && echo small || echo large)"
  echo "{\"model\":\"$model\",\"max_tokens\":64,$msg}" >"$OUT/body.json"
  BODY_FILE="$OUT/body.json" wrk -t2 -c32 -d10s -s "$B/post.lua" "$GW/v1/chat/completions" | grep '^RESULT' \
    | sed "s|^|$model |" >>"$OUT/fill.txt"
  round=$(( round + 1 ))
  log "usage records: $(count)"
done
TOTAL="$(count)"

log "loading the usage page $RUNS times in Chromium"
RESULT="$(java -cp "$(cat "$OUT/selenium.cp")" "$B/ConsolePaint.java" "$GW" "$GATEWAY_KEY" "$RUNS" | tee "$OUT/paint.txt" \
  | grep '^RESULT')"
v() { echo "$RESULT" | tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
{
  echo
  echo "## The console's usage page with $TOTAL usage records (run of $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD))"
  echo
  echo "Started by \`benchmark/console.sh\`: the gateway as shipped on embedded Derby, filled through \`/v1/chat/completions\`"
  echo "(wrk, four models of two providers, fake upstream) to $TOTAL usage records, $(v requests_in_7d) of them in the last"
  echo "7 days; then $RUNS fresh loads of \`/console/#/usage\` in Chromium $(chromium --version 2>/dev/null | awk '{print $2}') (headless, 1280×800,"
  echo "$(nproc) cores, browser and server on the same machine). Median / worst, milliseconds, the browser's own clock."
  echo
  echo "| First contentful paint | 24-hour charts drawn (from navigation) | 7 days by model redrawn (from the change) |"
  echo "|---|---|---|"
  echo "| $(v fcp_ms | sed 's|/| / |') | $(v drawn_24h_ms | sed 's|/| / |') | $(v redraw_7d_by_model_ms | sed 's|/| / |') |"
} | tee -a "$ROOT/docs/performance.md"
