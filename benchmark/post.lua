-- wrk script: POST the JSON body in the file named by $BODY_FILE; prints one machine-readable RESULT line.
-- $EXTRA_HEADERS (optional): more request headers, one "Name: value" a line; they override the defaults below.
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
-- the gateway's key; the fake upstream ignores it, so direct and gateway runs send the same request
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("GATEWAY_KEY") or "none")
for line in (os.getenv("EXTRA_HEADERS") or ""):gmatch("[^\r\n]+") do
  local name, value = line:match("^%s*([^:]+):%s*(.-)%s*$")
  if name then wrk.headers[name] = value end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
