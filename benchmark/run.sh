#!/usr/bin/env bash
# The gateway benchmark, one command: benchmark/run.sh   (from the repository root or anywhere)
# Builds and starts the gateway on $GW_PORT (default 9280), starts the fake upstream on $FAKE_PORT (default 9281),
# deploys the floor servlets (benchmark/floor, /floor on the gateway's own Liberty server), installs and starts the
# peer, Portkey's open-source gateway (npm @portkey-ai/gateway, on $PK_PORT, default 8787), configures the providers
# through GraphQL, warms up, runs every scenario straight to the fake, through the floors, through Portkey and through
# the gateway, and appends the figures to docs/performance.md (and prints them).
# Shorter or longer runs: DURATION=15 (seconds per wrk run), STREAMS=1000 (scenario 4), JFR=0 to skip the profile.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
GW_PORT="${GW_PORT:-9280}"
FAKE_PORT="${FAKE_PORT:-9281}"
PK_PORT="${PK_PORT:-8787}"
PORTKEY_VERSION="1.15.2"
DURATION="${DURATION:-15}"
STREAMS="${STREAMS:-1000}"
SEQ_STREAMS="${SEQ_STREAMS:-200}"
JFR="${JFR:-1}"
OUT="$ROOT/benchmark/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
GW="http://127.0.0.1:$GW_PORT"
FAKE="http://127.0.0.1:$FAKE_PORT"
PK="http://127.0.0.1:$PK_PORT"
B="$ROOT/benchmark"
# the server the `-Prun` profile creates (liberty/pom.xml: server "gateway"); its dropins folder is monitored
SERVER_DIR="$ROOT/liberty/target/liberty/wlp/usr/servers/gateway"
FLOOR_WAR="$B/floor/target/floor.war"
PK_DIR="$B/work/portkey"
PK_MAIN="$PK_DIR/node_modules/@portkey-ai/gateway/build/start-server.js"
STARTED=$SECONDS
log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# --- tools: load generator, Node.js ---------------------------------------------------------------------------------
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() { $SUDO apt-get install -y "$@" >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "$@" >/dev/null; }; }
command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }
command -v npm >/dev/null || { log "installing nodejs and npm"; apt_install nodejs npm; }
for port in "$GW_PORT" "$FAKE_PORT" "$PK_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then echo "port $port is busy; set GW_PORT / FAKE_PORT / PK_PORT" >&2; exit 1; fi
done

# --- the peer: Portkey's gateway, installed once into benchmark/work/portkey (not committed) --------------------------
# @hono/node-server is pinned by an npm override: with the 1.x release npm picks for Portkey's "^1.3.3", every
# streamed answer fails (TypeError: immutable, Portkey-AI/gateway#1389); 2.1.11 copies the headers (honojs/node-server#382).
HONO_NODE_SERVER="2.1.11"
installed() { node -p "require('$PK_DIR/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed @portkey-ai/gateway)" != "$PORTKEY_VERSION" ] || [ "$(installed @hono/node-server)" != "$HONO_NODE_SERVER" ]; then
  log "installing @portkey-ai/gateway@$PORTKEY_VERSION into $PK_DIR (npm; log: $OUT/npm-install.log)"
  mkdir -p "$PK_DIR"
  cat >"$PK_DIR/package.json" <<JSON
{
  "private": true,
  "description": "The benchmark's peer (benchmark/run.sh); not part of the gateway",
  "overrides": { "@hono/node-server": "$HONO_NODE_SERVER" }
}
JSON
  (cd "$PK_DIR" && npm install --no-audit --no-fund "@portkey-ai/gateway@$PORTKEY_VERSION") >"$OUT/npm-install.log" 2>&1 \
    || { echo "npm install failed; see $OUT/npm-install.log" >&2; exit 1; }
fi
[ -f "$PK_MAIN" ] || { echo "Portkey's start script is not at $PK_MAIN (the package layout changed)" >&2; exit 1; }

# --- the floor web module (benchmark/floor, its own Maven project, not part of the reactor) --------------------------
log "building the floor servlets (mvn -f benchmark/floor/pom.xml package)"
mvn -B -q -f "$B/floor/pom.xml" package >"$OUT/floor-build.log" 2>&1 || { echo "floor build failed; see $OUT/floor-build.log" >&2; exit 1; }
rm -f "$SERVER_DIR/dropins/floor.war"   # a copy left by an interrupted run would start with the gateway

# --- processes: each in its own process group, stopped by the trap (only those groups) -------------------------------
GW_PGID=""; FAKE_PGID=""; PK_PGID=""; SAMPLER_PIDS=()
cleanup() {
  for p in "${SAMPLER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for g in "$GW_PGID" "$FAKE_PGID" "$PK_PGID"; do
    [ -n "$g" ] && kill -TERM -- "-$g" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    alive=0
    for g in "$GW_PGID" "$FAKE_PGID" "$PK_PGID"; do [ -n "$g" ] && kill -0 -- "-$g" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 1
  done
  for g in "$GW_PGID" "$FAKE_PGID" "$PK_PGID"; do [ -n "$g" ] && kill -KILL -- "-$g" 2>/dev/null || true; done
  rm -f "$SERVER_DIR/dropins/floor.war"
}
trap cleanup EXIT INT TERM

log "starting the fake upstream on $FAKE_PORT"
setsid java -Xmx512m -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxIdleConnections=100000 "$B/FakeUpstream.java" "$FAKE_PORT" >"$OUT/fake.log" 2>&1 &
FAKE_PGID=$!

log "building and starting the gateway on $GW_PORT (mvn -Prun -DskipTests package; log: $OUT/gateway-build.log)"
export GATEWAY_KEY="cbk-bench-ADMIN-$(date +%s)-0123456789"
# FLOOR_UPSTREAM: where the floor proxies send requests (read by benchmark/floor, ignored by the gateway)
HTTP_PORT="$GW_PORT" LLM_API_KEY_BENCH="bench-fake-key" LLM_GATEWAY_ADMIN_KEY="$GATEWAY_KEY" FLOOR_UPSTREAM="$FAKE" \
  setsid mvn -B -Prun -DskipTests package >"$OUT/gateway-build.log" 2>&1 &
GW_PGID=$!
for i in $(seq 1 900); do
  if curl -sf -o /dev/null -H "Authorization: Bearer $GATEWAY_KEY" "$GW/v1/models" && curl -sf -o /dev/null "$FAKE/v1/models"; then break; fi
  kill -0 "$GW_PGID" 2>/dev/null || { echo "the gateway build stopped; see $OUT/gateway-build.log" >&2; exit 1; }
  [ "$i" = 900 ] && { echo "the gateway did not start in 15 minutes" >&2; exit 1; }
  sleep 1
done
GW_PID="$(ss -ltnpH "sport = :$GW_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
log "gateway JVM pid $GW_PID"

log "deploying the floor servlets into $SERVER_DIR/dropins (context root /floor)"
MESSAGES="$SERVER_DIR/logs/messages.log"
SEEN="$(wc -l <"$MESSAGES")"
cp "$FLOOR_WAR" "$SERVER_DIR/dropins/floor.war"
# Liberty says when the application started (CWWKZ0001I) or failed (CWWKZ0002E); then one request must answer 200
for i in $(seq 1 120); do
  started="$(tail -n "+$((SEEN + 1))" "$MESSAGES" | grep -E 'CWWKZ000[12][IE].* floor' || true)"
  [ -n "$started" ] && break
  [ "$i" = 120 ] && { echo "the floor web module did not start in 2 minutes; see $MESSAGES" >&2; exit 1; }
  sleep 1
done
echo "$started" | grep -q CWWKZ0001I || { echo "the floor web module failed: $started (see $MESSAGES)" >&2; exit 1; }
curl -sf -o /dev/null "$GW/floor/constant" || { echo "GET $GW/floor/constant did not answer 200" >&2; exit 1; }

log "starting Portkey $PORTKEY_VERSION on $PK_PORT (node $(node -v); log: $OUT/portkey.log)"
# --port: the listening port comes from this argument (PORT alone only sets a configuration value);
# --headless: no console UI, so no per-request log copy for it (the peer's production setting)
(cd "$PK_DIR" && PORT="$PK_PORT" exec setsid node "$PK_MAIN" --port="$PK_PORT" --headless) >"$OUT/portkey.log" 2>&1 &
PK_PGID=$!
for i in $(seq 1 60); do
  ss -ltnH "sport = :$PK_PORT" | grep -q . && break
  [ "$i" = 60 ] && { echo "Portkey did not start in 60 s; see $OUT/portkey.log" >&2; exit 1; }
  sleep 1
done
PK_PID="$(ss -ltnpH "sport = :$PK_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
log "Portkey node pid $PK_PID"

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
FAST_PATH="chunks=50/gap=0/v1"; FAST_BASE="$FAKE/$FAST_PATH"   # scenarios 1-3: 50-chunk streams as fast as possible
SLOW_PATH="chunks=100/gap=100/v1"; SLOW_BASE="$FAKE/$SLOW_PATH" # scenario 4: one chunk every 100 ms for 10 s
PACED_PATH="chunks=20/gap=20/v1"; PACED_BASE="$FAKE/$PACED_PATH" # scenario 3b: one chunk every 20 ms
provider benchfast openai_compatible "$FAST_BASE" bench-model
provider benchslow openai_compatible "$SLOW_BASE" bench-model
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
D_CHAT="$FAST_BASE/chat/completions"; G_CHAT="$GW/v1/chat/completions"; P_CHAT="$PK/v1/chat/completions"
floor_url() { echo "$GW/floor/$1/$2/chat/completions"; }   # kind (constant|jetty|jdk) path
# Portkey gets the same OpenAI body as the fake, with its provider and the fake's base URL in headers
pk_headers() { printf 'x-portkey-provider: %s\nx-portkey-custom-host: %s\nAuthorization: Bearer bench-portkey' "$1" "$2"; }
PK_FAST="$(pk_headers openai "$FAST_BASE")"

# --- checks before measuring: the floors need no gateway key; Portkey answers the fake's JSON --------------------------
FAKE_ANSWER="a fixed answer from the benchmark's fake upstream"
check() { # name expected-substring curl-args...
  local name="$1" want="$2" r; shift 2
  r="$(curl -s -w '\n%{http_code}' "$@")" || true
  if [ "$(echo "$r" | tail -1)" != 200 ] || ! echo "$r" | grep -qF "$want"; then
    echo "check $name failed: $r" >&2; exit 1
  fi
  log "check $name: 200"
}
for kind in constant jetty jdk; do
  check "floor-$kind (no gateway key)" "$FAKE_ANSWER" "$(floor_url "$kind" "$FAST_PATH")" -H 'content-type: application/json' -d @"$OUT/direct.json"
  check "floor-$kind stream" "[DONE]" "$(floor_url "$kind" "$FAST_PATH")" -H 'content-type: application/json' -d @"$OUT/direct-stream.json"
done
pk_curl_headers() { local h=(); while IFS= read -r l; do h+=(-H "$l"); done <<<"$1"; printf '%s\0' "${h[@]}"; }
mapfile -d '' PK_FAST_CURL < <(pk_curl_headers "$PK_FAST")
check "portkey" "$FAKE_ANSWER" "$P_CHAT" -H 'content-type: application/json' "${PK_FAST_CURL[@]}" -d @"$OUT/direct.json"
check "portkey stream" "[DONE]" "$P_CHAT" -H 'content-type: application/json' "${PK_FAST_CURL[@]}" -d @"$OUT/direct-stream.json"
# translated route on Portkey: OpenAI request, Anthropic provider, the fake's /v1/messages
PK_ANTHROPIC="$(pk_headers anthropic "$FAKE/v1")"
mapfile -d '' PK_ANTHROPIC_CURL < <(pk_curl_headers "$PK_ANTHROPIC")
check "portkey translated (OpenAI → Anthropic)" "$FAKE_ANSWER" "$P_CHAT" -H 'content-type: application/json' "${PK_ANTHROPIC_CURL[@]}" -d @"$OUT/direct-anthropic.json"

# --- measurement helpers --------------------------------------------------------------------------------------------
# samplers: "seconds rss_kb threads floor_threads" every 0.5 s, for the whole run; floor_threads are the gateway
# JVM's threads named floor-* (the floor module's HTTP clients), counted apart so the gateway's own figure excludes them
sampler() { # pid file
  ( while kill -0 "$1" 2>/dev/null; do
      fl="$(cat /proc/"$1"/task/*/comm 2>/dev/null | grep -c '^floor-' || true)"
      awk -v t="$(date +%s.%N)" -v fl="$fl" '/^VmRSS/{r=$2} /^Threads/{th=$2} END{print t, r, th, fl}' "/proc/$1/status" 2>/dev/null || true
      sleep 0.5
    done ) >"$2" &
  SAMPLER_PIDS+=($!)
}
sampler "$GW_PID" "$OUT/gateway-mem.log"
sampler "$PK_PID" "$OUT/portkey-mem.log"

declare -A R
run_wrk() { # name connections body url [seconds] [extra headers]
  local threads=2; [ "$2" -lt 2 ] && threads=1
  local line
  line="$(EXTRA_HEADERS="${6:-}" BODY_FILE="$3" wrk -t"$threads" -c"$2" -d"${5:-$DURATION}s" --latency -s "$B/post.lua" "$4" | tee "$OUT/wrk-$1.txt" | grep '^RESULT')"
  log "$1: $line"
  R[$1]="$line"
}
run_streams() { # name mode url body count [extra headers]
  local line
  line="$(EXTRA_HEADERS="${6:-}" java "$B/StreamClient.java" "$2" "$3" "$4" "$5" | tee "$OUT/streams-$1.txt" | grep '^RESULT')"
  log "$1: $line"
  R[$1]="$line"
}
# one scenario against all six targets: direct, the three floors, Portkey, the gateway
run_wrk_all() { # prefix connections [seconds]
  run_wrk "$1-direct" "$2" "$OUT/direct.json" "$D_CHAT" "${3:-}"
  for kind in constant jetty jdk; do
    run_wrk "$1-$kind" "$2" "$OUT/direct.json" "$(floor_url "$kind" "$FAST_PATH")" "${3:-}"
  done
  run_wrk "$1-pk" "$2" "$OUT/direct.json" "$P_CHAT" "${3:-}" "$PK_FAST"
  [ -z "${JFR_BEFORE_GW:-}" ] || eval "$JFR_BEFORE_GW"
  run_wrk "$1-gw" "$2" "$OUT/gw.json" "$G_CHAT" "${3:-}"
}
v() { echo "${R[$1]:-}" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 || true; }
mem_peak() { # file from-line to-line -> "rss_mb threads_without_floor floor_threads_at_that_peak"
  sed -n "$2,$3p" "$1" | awk 'BEGIN{r=0;t=0;f=0} {if($2>r)r=$2; if($3-$4>t){t=$3-$4; f=$4}} END{printf "%.0f %d %d", r/1024, t, f}'
}
mem_lines() { wc -l <"$1"; }
GW_MEM="$OUT/gateway-mem.log"; PK_MEM="$OUT/portkey-mem.log"

# --- warm-up --------------------------------------------------------------------------------------------------------
log "warm-up (JIT, connection pools, database)"
run_wrk warm-direct 16 "$OUT/direct.json" "$D_CHAT" 5
run_wrk warm-gw 16 "$OUT/gw.json" "$G_CHAT" 20
run_wrk warm-gw-anthropic 16 "$OUT/gw-anthropic.json" "$G_CHAT" 5
for kind in constant jetty jdk; do
  run_wrk "warm-$kind" 16 "$OUT/direct.json" "$(floor_url "$kind" "$FAST_PATH")" 5
done
run_wrk warm-pk 16 "$OUT/direct.json" "$P_CHAT" 10 "$PK_FAST"
run_wrk warm-pk-anthropic 16 "$OUT/direct-anthropic.json" "$P_CHAT" 3 "$PK_ANTHROPIC"
run_streams warm-streams seq "$G_CHAT" "$OUT/gw-stream.json" 100
run_streams warm-streams-direct seq "$D_CHAT" "$OUT/direct-stream.json" 100
for kind in constant jetty jdk; do
  run_streams "warm-streams-$kind" seq "$(floor_url "$kind" "$FAST_PATH")" "$OUT/direct-stream.json" 50
done
run_streams warm-streams-pk seq "$P_CHAT" "$OUT/direct-stream.json" 50 "$PK_FAST"
sleep 6   # the floor clients' idle threads end (5 s keep-alive) before the idle figure
IDLE="$(mem_peak "$GW_MEM" "$(mem_lines "$GW_MEM")" "$(mem_lines "$GW_MEM")")"
PK_IDLE="$(mem_peak "$PK_MEM" "$(mem_lines "$PK_MEM")" "$(mem_lines "$PK_MEM")")"

# --- scenarios ------------------------------------------------------------------------------------------------------
log "1: non-streaming, 1 connection"
run_wrk_all s1 1
log "2: non-streaming, 16 and 64 connections"
run_wrk_all s2-16 16
JFR_FILE=""
if [ "$JFR" = 1 ]; then
  JFR_FILE="$OUT/gateway-64.jfr"
  JFR_BEFORE_GW='jcmd "$GW_PID" JFR.start name=bench settings=profile duration="${DURATION}s" filename="$JFR_FILE" >"$OUT/jfr-start.txt"'
fi
run_wrk_all s2-64 64
JFR_BEFORE_GW=""
log "3: streaming (50 chunks), 1 connection, $SEQ_STREAMS streams one after another"
run_streams s3-direct seq "$D_CHAT" "$OUT/direct-stream.json" "$SEQ_STREAMS"
for kind in constant jetty jdk; do
  run_streams "s3-$kind" seq "$(floor_url "$kind" "$FAST_PATH")" "$OUT/direct-stream.json" "$SEQ_STREAMS"
done
run_streams s3-pk seq "$P_CHAT" "$OUT/direct-stream.json" "$SEQ_STREAMS" "$PK_FAST"
run_streams s3-gw seq "$G_CHAT" "$OUT/gw-stream.json" "$SEQ_STREAMS"
log "3b: paced stream (20 chunks, one every 20 ms), 1 connection, 20 streams"
run_streams s3b-direct seq "$PACED_BASE/chat/completions" "$OUT/direct-stream.json" 20
for kind in jetty jdk; do
  run_streams "s3b-$kind" seq "$(floor_url "$kind" "$PACED_PATH")" "$OUT/direct-stream.json" 20
done
run_streams s3b-pk seq "$P_CHAT" "$OUT/direct-stream.json" 20 "$(pk_headers openai "$PACED_BASE")"
run_streams s3b-gw seq "$G_CHAT" "$OUT/gw-paced.json" 20
log "4: $STREAMS concurrent slow streams (100 chunks, one every 100 ms)"
run_streams s4-direct concurrent "$SLOW_BASE/chat/completions" "$OUT/direct-stream.json" "$STREAMS"
PK_S4_FROM="$(mem_lines "$PK_MEM")"
run_streams s4-pk concurrent "$P_CHAT" "$OUT/direct-stream.json" "$STREAMS" "$(pk_headers openai "$SLOW_BASE")"
sleep 1
PK_S4_PEAK="$(mem_peak "$PK_MEM" "$PK_S4_FROM" "$(mem_lines "$PK_MEM")")"
S4_FROM="$(mem_lines "$GW_MEM")"
( sleep 6; jcmd "$GW_PID" Thread.print >"$OUT/threads-s4.txt" 2>&1 || true ) &
TD_PID=$!
run_streams s4-gw concurrent "$G_CHAT" "$OUT/gw-slow.json" "$STREAMS"
wait "$TD_PID" || true
S4_THREADS="$(grep '^"' "$OUT/threads-s4.txt" | sed 's/^"\([^"]*\)".*/\1/; s/[0-9][0-9]*/N/g' | sort | uniq -c | sort -rn | head -5 \
  | awk '{c=$1; $1=""; sub(/^ /,""); printf "%s`%s` × %d", (NR>1?", ":""), $0, c}' || true)"
sleep 1
S4_PEAK="$(mem_peak "$GW_MEM" "$S4_FROM" "$(mem_lines "$GW_MEM")")"
log "5: translated route (OpenAI request → Anthropic upstream), 1 and 64 connections"
run_wrk s5-1-direct 1 "$OUT/direct-anthropic.json" "$FAKE/v1/messages"
run_wrk s5-1-pk 1 "$OUT/direct-anthropic.json" "$P_CHAT" "" "$PK_ANTHROPIC"
run_wrk s5-1-gw 1 "$OUT/gw-anthropic.json" "$G_CHAT"
run_wrk s5-64-direct 64 "$OUT/direct-anthropic.json" "$FAKE/v1/messages"
run_wrk s5-64-pk 64 "$OUT/direct-anthropic.json" "$P_CHAT" "" "$PK_ANTHROPIC"
run_wrk s5-64-gw 64 "$OUT/gw-anthropic.json" "$G_CHAT"
RUN_PEAK="$(mem_peak "$GW_MEM" 1 "$(mem_lines "$GW_MEM")")"
PK_RUN_PEAK="$(mem_peak "$PK_MEM" 1 "$(mem_lines "$PK_MEM")")"
THREAD_DUMP_THREADS="$(jcmd "$GW_PID" Thread.print 2>/dev/null | grep -c '^"' || true)"

# --- report ---------------------------------------------------------------------------------------------------------
num() { [ -n "$1" ] && echo "$1" || echo "—"; }
ms() { [ -n "$1" ] && echo "$1 ms" || echo "—"; }
diff_ms() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.2f ms", b-a}' || echo "—"; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.2f×", a/b; else print "—"}' || echo "—"; }
share() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{ if (b>0) printf "%.0f %%", 100*a/b; else print "—"}' || echo "—"; }
# verdict figure op limit -> "met" / "not met"
verdict() { [ -n "$1" ] && awk -v a="$1" -v l="$3" -v op="$2" 'BEGIN{ ok = (op == "<=") ? (a <= l) : (a >= l); print ok ? "met" : "not met"}' || echo "not measured"; }
TARGETS=(direct constant jetty jdk pk gw)
row() { # label metric key-prefix formatter field cost ratio-pk share-jetty
  local cells="" t
  for t in "${TARGETS[@]}"; do cells="$cells | $($4 "$(v "$3-$t" "$5")")"; done
  echo "| $1 | $2$cells | $6 | $7 | $8 |"
}
lat_rows() { # label prefix
  local p="$2"
  row "$1" "requests/s" "$p" num rps "" "$(ratio "$(v "$p-gw" rps)" "$(v "$p-pk" rps)")" "$(share "$(v "$p-gw" rps)" "$(v "$p-jetty" rps)")"
  row "$1" "latency p50" "$p" ms p50_ms "$(diff_ms "$(v "$p-direct" p50_ms)" "$(v "$p-gw" p50_ms)")" "" ""
  row "$1" "latency p99" "$p" ms p99_ms "$(diff_ms "$(v "$p-direct" p99_ms)" "$(v "$p-gw" p99_ms)")" "" ""
  local cells="" t
  for t in "${TARGETS[@]}"; do
    if [ -n "${R[$p-$t]:-}" ]; then cells="$cells | $(v "$p-$t" errors) / $(v "$p-$t" non2xx)"; else cells="$cells | —"; fi
  done
  echo "| $1 | errors / non-2xx$cells | | | |"
}
stream_rows() { # label prefix
  local p="$2" cells t
  cells=""; for t in "${TARGETS[@]}"; do
    if [ -n "${R[$p-$t]:-}" ]; then cells="$cells | $(v "$p-$t" completed) / $(v "$p-$t" failed)"; else cells="$cells | —"; fi
  done
  echo "| $1 | streams completed / failed$cells | | | |"
  row "$1" "time to first token p50" "$p" ms ttft_p50_ms "$(diff_ms "$(v "$p-direct" ttft_p50_ms)" "$(v "$p-gw" ttft_p50_ms)")" "" ""
  row "$1" "time to first token p99" "$p" ms ttft_p99_ms "$(diff_ms "$(v "$p-direct" ttft_p99_ms)" "$(v "$p-gw" ttft_p99_ms)")" "" ""
  row "$1" "whole stream p50" "$p" ms total_p50_ms "$(diff_ms "$(v "$p-direct" total_p50_ms)" "$(v "$p-gw" total_p50_ms)")" "" ""
  row "$1" "whole stream p99" "$p" ms total_p99_ms "" "" ""
  row "$1" "gap between events p99" "$p" ms gap_p99_ms "" "" ""
  row "$1" "gap between events max" "$p" ms gap_max_ms "" "" ""
  row "$1" "data events per stream" "$p" num events_per_stream "" "" ""
}
mb_threads() { echo "${1%% *} MB / $(echo "$1" | cut -d' ' -f2)"; }
PK_LABEL="Portkey $PORTKEY_VERSION"
REPORT="$OUT/report.md"
{
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC') (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- 2>/dev/null || echo ', with uncommitted changes'))"
  echo
  echo "Started by \`benchmark/run.sh\` (DURATION=${DURATION}s per wrk run, STREAMS=$STREAMS, SEQ_STREAMS=$SEQ_STREAMS; $(( (SECONDS - STARTED) / 60 )) min including the build)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem/{print $2}') GB memory;"
  echo "$(java -version 2>&1 | head -1); node $(node -v); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'); upstream, gateways, floors and load generator on the same machine."
  echo
  echo "Columns. **Direct**: the request straight to the fake upstream (\`java benchmark/FakeUpstream.java\`)."
  echo "**Floor: constant**: a servlet on the gateway's Liberty server answering the fake's JSON (or stream) with no upstream."
  echo "**Floor: Jetty proxy** / **Floor: JDK proxy**: a bare asynchronous proxy servlet on the same server (reads the body,"
  echo "forwards it to the fake with one shared Jetty 12.1.14 \`HttpClient\` / JDK \`java.net.http.HttpClient\`, writes the answer"
  echo "back; no routing, keys or records) — \`benchmark/floor\`, deployed as \`/floor\` next to the gateway, no gateway key."
  echo "**$PK_LABEL**: Portkey's open-source gateway (npm \`@portkey-ai/gateway@$PORTKEY_VERSION\`, \`node build/start-server.js --headless\`, one"
  echo "Node.js process; \`@hono/node-server\` overridden to $HONO_NODE_SERVER, see docs) with \`x-portkey-provider: openai\` and \`x-portkey-custom-host\`"
  echo "pointing at the fake. **Gateway**: ours as shipped (\`HTTP_PORT=$GW_PORT mvn -Prun -DskipTests package\`: router, circuit breakers,"
  echo "usage records in embedded Derby, an admin gateway key as a Bearer token on every request)."
  echo "Load: \`wrk -t2 -cN -d${DURATION}s -s benchmark/post.lua URL\` (\`-t1 -c1\` for one connection); streams:"
  echo "\`java benchmark/StreamClient.java seq|concurrent URL BODY COUNT\`. \"—\": not measured for that column."
  [ -n "${JVM_ARGS:-}" ] && echo "Gateway JVM options added through Liberty's \`JVM_ARGS\`: \`$JVM_ARGS\` (after \`config/jvm.options\`)."
  echo
  echo "| Scenario | Metric | Direct | Floor: constant | Floor: Jetty proxy | Floor: JDK proxy | $PK_LABEL | Gateway | Gateway − direct | Gateway ÷ Portkey | Gateway ÷ Jetty floor |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---|---|---|"
  lat_rows "1. non-streaming, 1 conn" s1
  lat_rows "2. non-streaming, 16 conns" s2-16
  lat_rows "2. non-streaming, 64 conns" s2-64
  stream_rows "3. stream of 50 chunks, 1 conn ($SEQ_STREAMS streams)" s3
  stream_rows "3b. paced stream, 20 chunks × 20 ms, 1 conn (20 streams)" s3b
  stream_rows "4. $STREAMS concurrent slow streams (100 × 100 ms)" s4
  row "4. $STREAMS concurrent slow streams" "wall time for all (s)" s4 num wall_s "" "" ""
  echo "| 4. $STREAMS concurrent slow streams | peak RSS / live threads | | | | | $(mb_threads "$PK_S4_PEAK") | $(mb_threads "$S4_PEAK") | idle after warm-up: gateway $(mb_threads "$IDLE"), Portkey $(mb_threads "$PK_IDLE") | | |"
  echo "| 4. $STREAMS concurrent slow streams | largest thread groups 6 s in (\`jcmd Thread.print\`) | | | | | | | $S4_THREADS | | |"
  lat_rows "5. translated (OpenAI → Anthropic), 1 conn" s5-1
  lat_rows "5. translated (OpenAI → Anthropic), 64 conns" s5-64
  echo "| whole run | peak RSS / live threads | | | | | $(mb_threads "$PK_RUN_PEAK") | $(mb_threads "$RUN_PEAK") | threads in a final \`jcmd Thread.print\`: $THREAD_DUMP_THREADS | | |"
  echo
  echo "The floors run inside the gateway's JVM: its RSS includes them, and its live-thread figures leave out the floor"
  echo "clients' threads (named \`floor-*\`; at the scenario-4 peak: $(echo "$S4_PEAK" | cut -d' ' -f3)), except the JDK client's one selector thread."
  echo "Portkey's figures are its Node.js process (RSS and OS threads). Floors are not run in scenarios 4 and 5 (they"
  echo "would add their threads to the gateway's JVM during its 1,000 streams; they do not translate)."
  echo
  echo "**Targets (issue 15)**"
  echo
  echo "| Target | Figure | Verdict |"
  echo "|---|---|---|"
  for c in 16 64; do
    g="$(v "s2-$c-gw" rps)"; p="$(v "s2-$c-pk" rps)"; j="$(v "s2-$c-jetty" rps)"
    echo "| $c conns: gateway requests/s ≥ 6 × Portkey's | $(num "$g") vs $(num "$p") = $(ratio "$g" "$p") | $(verdict "$(awk -v a="$g" -v b="$p" 'BEGIN{if(a!=""&&b>0)print a/b}')" ">=" 6) |"
    echo "| $c conns: gateway requests/s ≥ 60 % of the bare Jetty proxy floor's | $(num "$g") vs $(num "$j") = $(share "$g" "$j") | $(verdict "$(awk -v a="$g" -v b="$j" 'BEGIN{if(a!=""&&b>0)print a/b}')" ">=" 0.6) |"
  done
  a1="$(awk -v d="$(v s1-direct p50_ms)" -v g="$(v s1-gw p50_ms)" 'BEGIN{if(d!=""&&g!="")printf "%.3f", g-d}')"
  echo "| 1 conn: added latency p50 ≤ 0.5 ms | $(diff_ms "$(v s1-direct p50_ms)" "$(v s1-gw p50_ms)") | $(verdict "$a1" "<=" 0.5) |"
  a16="$(awk -v d="$(v s2-16-direct p99_ms)" -v g="$(v s2-16-gw p99_ms)" 'BEGIN{if(d!=""&&g!="")printf "%.3f", g-d}')"
  echo "| 16 conns: added latency p99 ≤ 10 ms | $(diff_ms "$(v s2-16-direct p99_ms)" "$(v s2-16-gw p99_ms)") | $(verdict "$a16" "<=" 10) |"
  at="$(awk -v d="$(v s3-direct ttft_p50_ms)" -v g="$(v s3-gw ttft_p50_ms)" 'BEGIN{if(d!=""&&g!="")printf "%.3f", g-d}')"
  echo "| streams: time-to-first-token overhead p50 ≤ 1 ms | $(diff_ms "$(v s3-direct ttft_p50_ms)" "$(v s3-gw ttft_p50_ms)") (Portkey $(diff_ms "$(v s3-direct ttft_p50_ms)" "$(v s3-pk ttft_p50_ms)")) | $(verdict "$at" "<=" 1) |"
  echo "| $STREAMS concurrent streams: 0 failures | $(num "$(v s4-gw failed)") failed of $STREAMS (Portkey $(num "$(v s4-pk failed)")) | $(verdict "$(v s4-gw failed)" "<=" 0) |"
  echo "| $STREAMS concurrent streams: gateway peak RSS ≤ 512 MB | ${S4_PEAK%% *} MB (Portkey ${PK_S4_PEAK%% *} MB) | $(verdict "${S4_PEAK%% *}" "<=" 512) |"
  echo "| $STREAMS concurrent streams: ≤ 100 live threads | $(echo "$S4_PEAK" | cut -d' ' -f2) | $(verdict "$(echo "$S4_PEAK" | cut -d' ' -f2)" "<=" 100) |"
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
log "appended to docs/performance.md; raw output in $OUT; $(( (SECONDS - STARTED) / 60 )) min $(( (SECONDS - STARTED) % 60 )) s"
