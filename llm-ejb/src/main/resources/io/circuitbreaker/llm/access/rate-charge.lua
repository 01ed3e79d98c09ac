-- Charges the tokens an answer used to a key's tokens bucket, whether or not they are there (tokens are known only
-- after the answer); the debt is capped at one minute's worth, as on a single instance.
-- KEYS[1] tokens bucket; ARGV[1] tokens per minute; ARGV[2] tokens used
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local limit = tonumber(ARGV[1])
local used = tonumber(ARGV[2])
local stored = redis.call('HMGET', KEYS[1], 'a', 't')
local a = tonumber(stored[1])
local t = tonumber(stored[2])
if a == nil or t == nil then
  a = limit
elseif now > t then
  a = math.min(limit, a + (now - t) * limit / 60000000)
end
a = math.max(-limit, a - used)
redis.call('HSET', KEYS[1], 'a', tostring(a), 't', tostring(now))
redis.call('PEXPIRE', KEYS[1], 120000)
return 1
