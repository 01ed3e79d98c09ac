#!/usr/bin/env bash
# The gateway benchmark, one command: benchmark/run.sh   (from the repository root or anywhere)
# Builds and starts the gateway on $GW_PORT (default 9280), starts the fake upstream on $FAKE_PORT (default 9281),
# configures the providers through GraphQL, warms up, runs every scenario direct-to-upstream and through the gateway,
# and appends the figures to docs/performance.md (and prints them).
# Shorter or longer runs: DURATION=15 (seconds per wrk run), STREAMS=1000 (scenario 4), JFR=0 to skip the profile.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GW_PORT="${GW_PORT:-9280}"
FAKE_PORT="${FAKE_PORT:-9281}"
DURATION="${DURATION:-15}"
STREAMS="${STREAMS:-1000}"
SEQ_STREAMS="${SEQ_STREAMS:-200}"
JFR="${JFR:-1}"
OUT="$ROOT/benchmark/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
GW="http://127.0.0.1:$GW_PORT"
FAKE="http://127.0.0.1:$FAKE_PORT"
B="$ROOT/benchmark"
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# --- load generator -------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y wrk >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
for port in "$GW_PORT" "$FAKE_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port is busy; set GW_PORT / FAKE_PORT" >&2; exit 1; fi
done

# --- processes: each in its own process group, stopped by the trap (only those groups) -------------------------------
GW_PGID=""; FAKE_PGID=""; SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  for g in "$GW_PGID" "$FAKE_PGID"; do
    [ -n "$g" ] && kill -TERM -- "-$g" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    alive=0
    for g in "$GW_PGID" "$FAKE_PGID"; do [ -n "$g" ] && kill -0 -- "-$g" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 1
  done
  for g in "$GW_PGID" "$FAKE_PGID"; do [ -n "$g" ] && kill -KILL -- "-$g" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

log "starting the fake upstream on $FAKE_PORT"
setsid java -Xmx512m -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=100000 "$B/FakeUpstream.java" "$FAKE_PORT" >"$OUT/fake.log" 2>&1 &
FAKE_PGID=$!

log "building and starting the gateway on $GW_PORT (mvn -Prun -DskipTests package; log: $OUT/gateway-build.log)"
export GATEWAY_KEY="cbk-bench-ADMIN-$(date +%s)-0123456789"
HTTP_PORT="$GW_PORT" LLM_API_KEY_BENCH="bench-fake-key" LLM_GATEWAY_ADMIN_KEY="$GATEWAY_KEY" setsid mvn -B -Prun -DskipTests package >"$OUT/gateway-build.log" 2>&1 &
GW_PGID=$!
for i in $(seq 1 600); do
  if curl -sf -o /dev/null -H "Authorization: Bearer $GATEWAY_KEY" "$GW/v1/models" && curl -sf -o /dev/null "$FAKE/v1/models"; then break; fi
  kill -0 "$GW_PGID" 2>/dev/null || { echo "the gateway build stopped; see $OUT/gateway-build.log" >&2; exit 1; }
  [ "$i" = 600 ] && { echo "the gateway did not start in 10 minutes" >&2; exit 1; }
  sleep 1
done
GW_PID="$(ss -ltnpH "sport = :$GW_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
log "gateway JVM pid $GW_PID"

# --- providers ------------------------------------------------------------------------------------------------------
gql() {
  local r
  r="$(curl -sf "$GW/graphql" -H 'content-type: application/json' -H "Authorization: Bearer $GATEWAY_KEY" -d "$1")"
  echo "$r" | grep -q '"errors"' && { echo "GraphQL error: $r" >&2; exit 1; }
  echo "$r" >>"$OUT/graphql.log"
}
provider() { # id type baseUrl model [apiKeyId]
  local key=""; [ -n "${5:-}" ] && key=", apiKeyId: \\\"$5\\\""
  gql "{\"query\":\"mutation { configureLlmProvider(input: {id: \\\"$1\\\", providerType: \\\"$2\\\", name: \\\"Benchmark $1\\\", baseUrl: \\\"$3\\\"$key, models: [{id: \\\"$4\\\", contextWindow: 128000, costPerInputToken: 0.000001, costPerOutputToken: 0.000002}]}) { id } }\"}"
}
FAST_BASE="$FAKE/chunks=50/gap=0/v1"        # scenarios 1-3: 50-chunk streams as fast as possible
SLOW_BASE="$FAKE/chunks=100/gap=100/v1"     # scenario 4: one chunk every 100 ms for 10 s
provider benchfast openai_compatible "$FAST_BASE" bench-model
provider benchslow openai_compatible "$SLOW_BASE" bench-model
PACED_BASE="$FAKE/chunks=20/gap=20/v1"      # scenario 3b: one chunk every 20 ms, to see whether any is held back
provider benchpaced openai_compatible "$PACED_BASE" bench-model
provider benchclaude anthropic "$FAKE" bench-claude bench

msg='"messages":[{"role":"user","content":"Say hello in one short sentence."}]'
echo "{\"model\":\"bench-model\",$msg}" >"$OUT/direct.json"
echo "{\"model\":\"benchfast/bench-model\",$msg}" >"$OUT/gw.json"
echo "{\"model\":\"bench-model\",\"stream\":true,$msg}" >"$OUT/direct-stream.json"
echo "{\"model\":\"benchfast/bench-model\",\"stream\":true,$msg}" >"$OUT/gw-stream.json"
echo "{\"model\":\"benchslow/bench-model\",\"stream\":true,$msg}" >"$OUT/gw-slow.json"
echo "{\"model\":\"benchpaced/bench-model\",\"stream\":true,$msg}" >"$OUT/gw-paced.json"
echo "{\"model\":\"bench-claude\",\"max_tokens\":256,$msg}" >"$OUT/direct-anthropic.json"
echo "{\"model\":\"benchclaude/bench-claude\",\"max_tokens\":256,$msg}" >"$OUT/gw-anthropic.json"
D_CHAT="$FAST_BASE/chat/completions"; G_CHAT="$GW/v1/chat/completions"

# --- measurement helpers --------------------------------------------------------------------------------------------
# sampler: "seconds rss_kb threads" of the gateway JVM every 0.5 s, for the whole run
( while kill -0 "$GW_PID" 2>/dev/null; do
    awk -v t="$(date +%s.%N)" '/^VmRSS/{r=$2} /^Threads/{th=$2} END{print t, r, th}' "/proc/$GW_PID/status" 2>/dev/null || true
    sleep 0.5
  done ) >"$OUT/gateway-mem.log" &
SAMPLER_PID=$!

declare -A R
run_wrk() { # name connections body url [seconds]
  local threads=2; [ "$2" -lt 2 ] && threads=1
  local line
  line="$(BODY_FILE="$3" wrk -t"$threads" -c"$2" -d"${5:-$DURATION}s" --latency -s "$B/post.lua" "$4" | tee "$OUT/wrk-$1.txt" | grep '^RESULT')"
  log "$1: $line"
  R[$1]="$line"
}
run_streams() { # name mode url body count
  local line
  line="$(java "$B/StreamClient.java" "$2" "$3" "$4" "$5" | tee "$OUT/streams-$1.txt" | grep '^RESULT')"
  log "$1: $line"
  R[$1]="$line"
}
v() { echo "${R[$1]}" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
mem_peak() { # from-line to-line -> "rss_mb threads"
  sed -n "$1,$2p" "$OUT/gateway-mem.log" | awk 'BEGIN{r=0;t=0} {if($2>r)r=$2; if($3>t)t=$3} END{printf "%.0f %d", r/1024, t}'
}
mem_lines() { wc -l <"$OUT/gateway-mem.log"; }

# --- warm-up --------------------------------------------------------------------------------------------------------
log "warm-up (JIT, connection pools, database)"
run_wrk warm-direct 16 "$OUT/direct.json" "$D_CHAT" 5
run_wrk warm-gw 16 "$OUT/gw.json" "$G_CHAT" 20
run_wrk warm-gw-anthropic 16 "$OUT/gw-anthropic.json" "$G_CHAT" 5
run_streams warm-streams seq "$G_CHAT" "$OUT/gw-stream.json" 100
run_streams warm-streams-direct seq "$D_CHAT" "$OUT/direct-stream.json" 100
IDLE="$(mem_peak "$(mem_lines)" "$(mem_lines)")"

# --- scenarios ------------------------------------------------------------------------------------------------------
log "1: non-streaming, 1 connection"
run_wrk s1-direct 1 "$OUT/direct.json" "$D_CHAT"
run_wrk s1-gw 1 "$OUT/gw.json" "$G_CHAT"
log "2: non-streaming, 16 and 64 connections"
run_wrk s2-16-direct 16 "$OUT/direct.json" "$D_CHAT"
run_wrk s2-16-gw 16 "$OUT/gw.json" "$G_CHAT"
run_wrk s2-64-direct 64 "$OUT/direct.json" "$D_CHAT"
JFR_FILE=""
if [ "$JFR" = 1 ]; then
  JFR_FILE="$OUT/gateway-64.jfr"
  jcmd "$GW_PID" JFR.start name=bench settings=profile duration="${DURATION}s" filename="$JFR_FILE" >"$OUT/jfr-start.txt"
fi
run_wrk s2-64-gw 64 "$OUT/gw.json" "$G_CHAT"
log "3: streaming (50 chunks), 1 connection, $SEQ_STREAMS streams one after another"
run_streams s3-direct seq "$D_CHAT" "$OUT/direct-stream.json" "$SEQ_STREAMS"
run_streams s3-gw seq "$G_CHAT" "$OUT/gw-stream.json" "$SEQ_STREAMS"
log "3b: paced stream (20 chunks, one every 20 ms), 1 connection, 20 streams"
run_streams s3b-direct seq "$PACED_BASE/chat/completions" "$OUT/direct-stream.json" 20
run_streams s3b-gw seq "$G_CHAT" "$OUT/gw-paced.json" 20
log "4: $STREAMS concurrent slow streams (100 chunks, one every 100 ms)"
run_streams s4-direct concurrent "$FAKE/chunks=100/gap=100/v1/chat/completions" "$OUT/direct-stream.json" "$STREAMS"
S4_FROM="$(mem_lines)"
( sleep 6; jcmd "$GW_PID" Thread.print >"$OUT/threads-s4.txt" 2>&1 || true ) &
TD_PID=$!
run_streams s4-gw concurrent "$G_CHAT" "$OUT/gw-slow.json" "$STREAMS"
wait "$TD_PID" || true
S4_THREADS="$(grep '^"' "$OUT/threads-s4.txt" | sed 's/^"\([^"]*\)".*/\1/; s/[0-9][0-9]*/N/g' | sort | uniq -c | sort -rn | head -5 \
  | awk '{c=$1; $1=""; sub(/^ /,""); printf "%s`%s` × %d", (NR>1?", ":""), $0, c}' || true)"
sleep 1
S4_PEAK="$(mem_peak "$S4_FROM" "$(mem_lines)")"
log "5: translated route (OpenAI request → Anthropic upstream), 1 and 64 connections"
run_wrk s5-1-direct 1 "$OUT/direct-anthropic.json" "$FAKE/v1/messages"
run_wrk s5-1-gw 1 "$OUT/gw-anthropic.json" "$G_CHAT"
run_wrk s5-64-direct 64 "$OUT/direct-anthropic.json" "$FAKE/v1/messages"
run_wrk s5-64-gw 64 "$OUT/gw-anthropic.json" "$G_CHAT"
RUN_PEAK="$(mem_peak 1 "$(mem_lines)")"
THREAD_DUMP_THREADS="$(jcmd "$GW_PID" Thread.print 2>/dev/null | grep -c '^"' || true)"

# --- report ---------------------------------------------------------------------------------------------------------
f() { awk -v a="$1" 'BEGIN{printf "%.2f", a}'; }
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.2f ms", b-a}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.1f×", a/b; else print "—"}'; }
lat_rows() { # label direct gw
  echo "| $1 | requests/s | $(v "$2" rps) | $(v "$3" rps) | direct ÷ gateway = $(ratio "$(v "$2" rps)" "$(v "$3" rps)") |"
  echo "| $1 | latency p50 | $(v "$2" p50_ms) ms | $(v "$3" p50_ms) ms | $(diff_ms "$(v "$2" p50_ms)" "$(v "$3" p50_ms)") |"
  echo "| $1 | latency p99 | $(v "$2" p99_ms) ms | $(v "$3" p99_ms) ms | $(diff_ms "$(v "$2" p99_ms)" "$(v "$3" p99_ms)") |"
  echo "| $1 | errors / non-2xx | $(v "$2" errors) / $(v "$2" non2xx) | $(v "$3" errors) / $(v "$3" non2xx) | |"
}
stream_rows() { # label direct gw
  echo "| $1 | streams completed / failed | $(v "$2" completed) / $(v "$2" failed) | $(v "$3" completed) / $(v "$3" failed) | |"
  echo "| $1 | time to first token p50 | $(v "$2" ttft_p50_ms) ms | $(v "$3" ttft_p50_ms) ms | $(diff_ms "$(v "$2" ttft_p50_ms)" "$(v "$3" ttft_p50_ms)") |"
  echo "| $1 | time to first token p99 | $(v "$2" ttft_p99_ms) ms | $(v "$3" ttft_p99_ms) ms | $(diff_ms "$(v "$2" ttft_p99_ms)" "$(v "$3" ttft_p99_ms)") |"
  echo "| $1 | whole stream p50 | $(v "$2" total_p50_ms) ms | $(v "$3" total_p50_ms) ms | $(diff_ms "$(v "$2" total_p50_ms)" "$(v "$3" total_p50_ms)") |"
  echo "| $1 | whole stream p99 / max | $(v "$2" total_p99_ms) / $(v "$2" total_max_ms) ms | $(v "$3" total_p99_ms) / $(v "$3" total_max_ms) ms | |"
  echo "| $1 | gap between events p50 / p99 / max | $(v "$2" gap_p50_ms) / $(v "$2" gap_p99_ms) / $(v "$2" gap_max_ms) ms | $(v "$3" gap_p50_ms) / $(v "$3" gap_p99_ms) / $(v "$3" gap_max_ms) ms | |"
  echo "| $1 | data events per stream | $(v "$2" events_per_stream) | $(v "$3" events_per_stream) | |"
}
REPORT="$OUT/report.md"
{
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem/{print $2}') GB memory;"
  echo "$(java -version 2>&1 | head -1); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); upstream, gateway and load generator on the same machine."
  echo
  echo "Command: \`benchmark/run.sh\` (DURATION=${DURATION}s per wrk run, STREAMS=$STREAMS, SEQ_STREAMS=$SEQ_STREAMS). The gateway runs as shipped"
  echo "(\`HTTP_PORT=$GW_PORT mvn -Prun -DskipTests package\`: router, circuit breakers, usage records in embedded Derby;"
  echo "gateway authentication on: every request carries an admin gateway key as a Bearer token). Load: \`wrk -t2 -cN -d${DURATION}s -s benchmark/post.lua URL\`"
  echo "(\`-t1 -c1\` for one connection); streams: \`java benchmark/StreamClient.java seq|concurrent URL BODY COUNT\`."
  echo "Direct = the same request straight to the fake upstream (\`java benchmark/FakeUpstream.java\`)."
  [ -n "${JVM_ARGS:-}" ] && echo "Gateway JVM options added through Liberty's \`JVM_ARGS\`: \`$JVM_ARGS\` (after \`config/jvm.options\`)."
  echo
  echo "| Scenario | Metric | Direct to upstream | Through gateway | Gateway cost |"
  echo "|---|---|---:|---:|---|"
  lat_rows "1. non-streaming, 1 conn" s1-direct s1-gw
  lat_rows "2. non-streaming, 16 conns" s2-16-direct s2-16-gw
  lat_rows "2. non-streaming, 64 conns" s2-64-direct s2-64-gw
  stream_rows "3. stream of 50 chunks, 1 conn ($SEQ_STREAMS streams)" s3-direct s3-gw
  stream_rows "3b. paced stream, 20 chunks × 20 ms, 1 conn (20 streams)" s3b-direct s3b-gw
  stream_rows "4. $STREAMS concurrent slow streams (100 × 100 ms)" s4-direct s4-gw
  echo "| 4. $STREAMS concurrent slow streams | wall time for all | $(v s4-direct wall_s) s | $(v s4-gw wall_s) s | |"
  echo "| 4. $STREAMS concurrent slow streams | gateway JVM peak RSS / live threads | | ${S4_PEAK% *} MB / ${S4_PEAK#* } | idle after warm-up: ${IDLE% *} MB / ${IDLE#* } threads |"
  echo "| 4. $STREAMS concurrent slow streams | largest thread groups 6 s in (\`jcmd Thread.print\`) | | | $S4_THREADS |"
  lat_rows "5. translated (OpenAI → Anthropic), 1 conn" s5-1-direct s5-1-gw
  lat_rows "5. translated (OpenAI → Anthropic), 64 conns" s5-64-direct s5-64-gw
  echo "| whole run | gateway JVM peak RSS / live threads | | ${RUN_PEAK% *} MB / ${RUN_PEAK#* } | threads in a final \`jcmd Thread.print\`: $THREAD_DUMP_THREADS |"
  echo
  echo "Fake upstream headroom (64 connections, non-streaming): direct ÷ through-gateway = $(ratio "$(v s2-64-direct rps)" "$(v s2-64-gw rps)") throughput (needed: ≥ 3×)."
} >"$REPORT"
if [ -n "$JFR_FILE" ]; then
  for _ in $(seq 1 30); do [ -s "$JFR_FILE" ] && break; sleep 1; done
  if [ -s "$JFR_FILE" ]; then
    { echo; echo "Profile: JFR (\`settings=profile\`) of the gateway JVM during the 64-connection non-streaming run;"
      echo "\`java benchmark/JfrSummary.java $(basename "$JFR_FILE")\`."
      java "$B/JfrSummary.java" "$JFR_FILE" 12; } >>"$REPORT"
  fi
fi
cat "$REPORT"
cat "$REPORT" >>"$ROOT/docs/performance.md"
log "appended to docs/performance.md; raw output in $OUT"
