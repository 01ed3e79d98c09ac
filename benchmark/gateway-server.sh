# Shared by benchmark/console.sh and benchmark/shared-limits.sh (sourced, not run): build and start the -Prun server
# "gateway" and the fake upstream, stop both on exit, call GraphQL. The caller sets ROOT, B, OUT, WLP, GW, GW_PORT,
# FAKE_PORT and GATEWAY_KEY, and a log function.

gateway_build() {
  log "building the EAR and the server (log: $OUT/build.log)"
  mvn -B -ntp -DskipTests install >"$OUT/build.log" 2>&1
  mvn -B -ntp -pl liberty -Prun -DskipTests liberty:create liberty:deploy >>"$OUT/build.log" 2>&1
}

gateway_stop() {
  HTTP_PORT="$GW_PORT" "$WLP/bin/server" stop gateway >/dev/null 2>&1 || true
}

# The fake upstream in its own process group; it and the gateway stop when the calling script exits.
fake_start() {
  setsid java -Xmx512m -Dsun.net.httpserver.nodelay=true "$B/FakeUpstream.java" "$FAKE_PORT" >"$OUT/fake.log" 2>&1 &
  FAKE_PGID=$!
  trap 'gateway_stop; kill -- -"$FAKE_PGID" 2>/dev/null || true' EXIT
}

# Starts the gateway with the admin key and the fake's provider key, plus the NAME=value settings given, and waits
# until it answers: gateway_start LOG [NAME=value]...
gateway_start() {
  local log="$1"
  shift
  env HTTP_PORT="$GW_PORT" LLM_API_KEY_BENCH="bench-fake-key" LLM_GATEWAY_ADMIN_KEY="$GATEWAY_KEY" "$@" \
    "$WLP/bin/server" start gateway >"$log" 2>&1
  for i in $(seq 1 120); do
    curl -sf -o /dev/null -H "Authorization: Bearer $GATEWAY_KEY" "$GW/v1/models" && return 0
    sleep 1
  done
  echo "the gateway did not start; see $WLP/usr/servers/gateway/logs" >&2
  exit 1
}

gql() {
  curl -sf "$GW/graphql" -H 'content-type: application/json' -H "Authorization: Bearer $GATEWAY_KEY" -d "$1"
}
