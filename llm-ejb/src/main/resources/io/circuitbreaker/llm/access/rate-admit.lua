-- Admits one request against a key's per-minute buckets, atomically for every gateway instance.
-- KEYS[1] requests bucket, KEYS[2] tokens bucket (hashes: a = units available, t = last refill in microseconds)
-- ARGV[1] requests per minute or "" (no limit), ARGV[2] tokens per minute or ""
-- Returns {admitted (1/0), refused limit ("requests"/"tokens"/""), wait ms,
--          requests remaining, requests ms until full, tokens remaining, tokens ms until full} (-1: no such limit)
-- Redis' own clock, so every instance refills by the same time.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local MINUTE = 60000000

local function load(key, limit)
  local stored = redis.call('HMGET', key, 'a', 't')
  local a = tonumber(stored[1])
  local t = tonumber(stored[2])
  if a == nil or t == nil then
    return limit
  end
  if now > t then
    a = math.min(limit, a + (now - t) * limit / MINUTE)
  end
  return a
end

local function waitMs(a, units, limit)
  local missing = units - a
  if missing <= 0 then return 0 end
  return math.ceil(missing * MINUTE / limit / 1000)
end

local rpm = tonumber(ARGV[1])
local tpm = tonumber(ARGV[2])
local req = rpm and load(KEYS[1], rpm)
local tok = tpm and load(KEYS[2], tpm)

local function answer(admitted, refused, wait)
  return {admitted, refused, wait,
    rpm and math.max(0, math.floor(req)) or -1, rpm and waitMs(req, rpm, rpm) or -1,
    tpm and math.max(0, math.floor(tok)) or -1, tpm and waitMs(tok, tpm, tpm) or -1}
end

if tpm and tok < 1 then
  return answer(0, 'tokens', waitMs(tok, 1, tpm))
end
if rpm and req < 1 then
  return answer(0, 'requests', waitMs(req, 1, rpm))
end
if rpm then
  req = req - 1
  -- floats are kept as strings so no precision is lost between calls
  redis.call('HSET', KEYS[1], 'a', tostring(req), 't', tostring(now))
  redis.call('PEXPIRE', KEYS[1], 120000)
end
if tpm then
  redis.call('HSET', KEYS[2], 'a', tostring(tok), 't', tostring(now))
  redis.call('PEXPIRE', KEYS[2], 120000)
end
return answer(1, '', 0)
