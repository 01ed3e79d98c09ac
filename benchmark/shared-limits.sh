#!/usr/bin/env bash
# What shared limits cost the data plane: one command, benchmark/shared-limits.sh (not a test).
# Starts the fake upstream and the gateway's own Liberty server (the -Prun server "gateway") twice: without Redis and
# with LLM_REDIS_URL (default redis://127.0.0.1:6379/0). Each time it sends non-streaming chat completions with wrk
# for three gateway keys: one without limits (never asks Redis), one with a rate limit (a Lua script in Redis per
# request, one more to charge its tokens), one with a rate limit and a budget (plus the budget's reserve and settle
# scripts). Appends the figures to docs/performance.md. DURATION=15 seconds per run, WARMUP=15 per key; CONNECTIONS="1 64".
# Portkey's open-source gateway has no per-key limits or budgets, so there is no peer figure for this one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GW_PORT="${GW_PORT:-9290}"
FAKE_PORT="${FAKE_PORT:-9291}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-1 64}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
B="$ROOT/benchmark"
OUT="$B/results/shared-limits-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
WLP="$ROOT/liberty/target/liberty/wlp"
GW="http://127.0.0.1:$GW_PORT"
export GATEWAY_KEY="cbk-bench-ADMIN-$(date +%s)-0123456789"
log() { echo "[shared-limits $(date -u +%H:%M:%S)] $*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
command -v wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }

. "$B/gateway-server.sh"
gateway_build
fake_start
secret() { gql "{\"query\":\"mutation { createApiKey(name: \\\"bench-$1\\\", role: \\\"client\\\"$2) { secret } }\"}" \
  | sed 's/.*"secret":"\([^"]*\)".*/\1/'; }

declare -A R
run() { # mode key-name key connections
  local line
  line="$(BODY_FILE="$OUT/gw.json" EXTRA_HEADERS="Authorization: Bearer $3" wrk -t$(( $4 < 2 ? 1 : 2 )) -c"$4" \
    -d"${DURATION}s" --latency -s "$B/post.lua" "$GW/v1/chat/completions" | tee "$OUT/wrk-$1-$2-$4.txt" | grep '^RESULT')"
  log "$1 $2 c=$4: $line"
  R["$1 $2 $4"]="$line"
}

msg='"messages":[{"role":"user","content":"Say hello in one short sentence."}]'
echo "{\"model\":\"benchfast/bench-model\",\"max_tokens\":64,$msg}" >"$OUT/gw.json"
for mode in local redis; do
  redis_env=""; [ "$mode" = redis ] && redis_env="$REDIS_URL"
  log "starting the gateway ($mode)"
  gateway_start "$OUT/start-$mode.log" LLM_REDIS_URL="$redis_env"
  gql "{\"query\":\"mutation { configureLlmProvider(input: {id: \\\"benchfast\\\", providerType: \\\"openai_compatible\\\", name: \\\"Benchmark\\\", baseUrl: \\\"http://127.0.0.1:$FAKE_PORT/chunks=50/gap=0/v1\\\", apiKeyId: \\\"bench\\\", models: [{id: \\\"bench-model\\\", contextWindow: 128000, costPerInputToken: 0.000001, costPerOutputToken: 0.000002}]}) { id } }\"}" >/dev/null
  unlimited="$(secret "unlimited-$mode" "")"
  limited="$(secret "limited-$mode" ", rateLimit: {requestsPerMinute: 1000000000, tokensPerMinute: 1000000000}")"
  budgeted="$(secret "budget-$mode" ", rateLimit: {requestsPerMinute: 1000000000, tokensPerMinute: 1000000000}, budget: {limitUsd: 1000000000, period: \\\"MONTH\\\"}")"
  for key in unlimited limited budgeted; do   # warm-up: JIT, pools, scripts loaded into Redis
    DURATION="${WARMUP:-15}" run "$mode" "warm-$key" "${!key}" 64
  done
  for c in $CONNECTIONS; do
    for key in unlimited limited budgeted; do
      run "$mode" "$key" "${!key}" "$c"
    done
  done
  gateway_stop
done

v() { echo "${R[$1]:-}" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 || true; }
{
  echo
  echo "## Shared limits on the data plane (run of $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD))"
  echo
  echo "Started by \`benchmark/shared-limits.sh\` (wrk, ${DURATION}s per run, non-streaming chat completions through the"
  echo "gateway to the fake upstream; Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on the same machine, $(nproc) cores). **local**: no"
  echo "\`LLM_REDIS_URL\`, limits and budgets in the instance's memory; **redis**: shared through Redis. Keys: *unlimited*"
  echo "(never asks Redis), *limited* (requests and tokens per minute: one Lua script to admit, one to charge tokens),"
  echo "*budgeted* (limits and a budget: two more scripts, reserve and settle). No peer figure: Portkey's open-source"
  echo "gateway has no per-key limits or budgets."
  echo
  echo "| Connections | Key | local req/s | local p50 / p99 ms | redis req/s | redis p50 / p99 ms |"
  echo "|---|---|---|---|---|---|"
  for c in $CONNECTIONS; do
    for key in unlimited limited budgeted; do
      echo "| $c | $key | $(v "local $key $c" rps) | $(v "local $key $c" p50_ms) / $(v "local $key $c" p99_ms) | $(v "redis $key $c" rps) | $(v "redis $key $c" p50_ms) / $(v "redis $key $c" p99_ms) |"
    done
  done
  echo
  echo "Errors and non-2xx answers in every run: $(for k in "${!R[@]}"; do echo "$(v "$k" errors)+$(v "$k" non2xx)"; done | sort -u | tr '\n' ' ')(errors+non-2xx)."
} | tee -a "$ROOT/docs/performance.md"
