-- Shares one provider's probe result, unless a newer one is there already (two instances may finish probes out of
-- order: a slow holder after a reconfigured instance's own probe).
-- KEYS[1] result hash; ARGV[1] checked at (epoch ms); ARGV[2] ok (1/0); ARGV[3] latency ms ('' when unknown);
-- ARGV[4] error, already redacted ('' when none); ARGV[5] probing instance; ARGV[6] upstream fingerprint (a digest);
-- ARGV[7] lifetime ms
local known = tonumber(redis.call('HGET', KEYS[1], 'at'))
if known ~= nil and known > tonumber(ARGV[1]) then
  return {0}
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'at', ARGV[1], 'ok', ARGV[2], 'latency', ARGV[3], 'error', ARGV[4], 'by', ARGV[5],
  'fp', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return {1}
