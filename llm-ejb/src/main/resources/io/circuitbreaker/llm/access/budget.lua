-- A key's budget for one period, shared by every gateway instance: reserve before the upstream call, settle after.
-- Money is kept exact: amounts are whole numbers of 10^-15 USD written as decimal strings, and added, subtracted and
-- compared digit by digit here (Lua's numbers are doubles, which money must never pass through).
-- KEYS[1] the account (hash: spent, held, and each hold's amount under "h:<hold id>"), KEYS[2] the holds' expiries
-- (sorted set: hold id by expiry ms), so reserve and settle cost the same however many requests are in flight
-- ARGV[1] operation: reserve | settle | status
--   reserve: ARGV[2] budget, ARGV[3] amount, ARGV[4] hold id, ARGV[5] hold lifetime ms, ARGV[6] recorded spend or ""
--            (given only when the account is missing), ARGV[7] account lifetime s
--            -> {"OK"|"OVER"|"SEED", spent, held}
--   settle:  ARGV[2] hold id, ARGV[3] actual cost or "" (nothing charged) -> {"OK", spent, held}
--   status:  -> {"OK"|"SEED", spent, held}

local function strip(a)
  local s = string.gsub(a, '^0+', '')
  if s == '' then return '0' end
  return s
end

local function cmp(a, b)
  a = strip(a); b = strip(b)
  if #a ~= #b then return #a < #b and -1 or 1 end
  if a == b then return 0 end
  return a < b and -1 or 1
end

local function add(a, b)
  local result = {}
  local carry = 0
  local i, j = #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local d = carry
    if i > 0 then d = d + string.byte(a, i) - 48; i = i - 1 end
    if j > 0 then d = d + string.byte(b, j) - 48; j = j - 1 end
    result[#result + 1] = string.char(48 + d % 10)
    carry = math.floor(d / 10)
  end
  return strip(string.reverse(table.concat(result)))
end

-- a - b, never below zero
local function sub(a, b)
  if cmp(a, b) <= 0 then return '0' end
  local result = {}
  local borrow = 0
  local i, j = #a, #b
  while i > 0 do
    local d = string.byte(a, i) - 48 - borrow
    if j > 0 then d = d - (string.byte(b, j) - 48); j = j - 1 end
    if d < 0 then d = d + 10; borrow = 1 else borrow = 0 end
    result[#result + 1] = string.char(48 + d)
    i = i - 1
  end
  return strip(string.reverse(table.concat(result)))
end

local time = redis.call('TIME')
local nowMs = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

-- holds whose request never settled (its instance died) expire: their amounts stop counting
local function expire()
  local held = redis.call('HGET', KEYS[1], 'held') or '0'
  local dead = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', nowMs)
  for _, id in ipairs(dead) do
    local amount = redis.call('HGET', KEYS[1], 'h:' .. id)
    if amount then
      held = sub(held, amount)
      redis.call('HDEL', KEYS[1], 'h:' .. id)
    end
    redis.call('ZREM', KEYS[2], id)
  end
  if #dead > 0 then redis.call('HSET', KEYS[1], 'held', held) end
  return held
end

local op = ARGV[1]
local spent = redis.call('HGET', KEYS[1], 'spent')

if op == 'reserve' then
  if not spent then
    if ARGV[6] == '' then return {'SEED', '0', '0'} end
    spent = strip(ARGV[6])
    redis.call('HSET', KEYS[1], 'spent', spent, 'held', '0')
    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
  end
  local holding = expire()
  if cmp(add(add(spent, holding), ARGV[3]), ARGV[2]) > 0 then
    return {'OVER', spent, holding}
  end
  local amount = strip(ARGV[3])
  holding = add(holding, amount)
  redis.call('HSET', KEYS[1], 'held', holding, 'h:' .. ARGV[4], amount)
  redis.call('ZADD', KEYS[2], nowMs + tonumber(ARGV[5]), ARGV[4])
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[7]))
  return {'OK', spent, holding}
elseif op == 'settle' then
  if not spent then
    -- the account is gone (Redis restarted): the next reservation reads it again from the usage records
    return {'OK', '0', '0'}
  end
  local holding = expire()
  local amount = redis.call('HGET', KEYS[1], 'h:' .. ARGV[2])
  if amount then
    holding = sub(holding, amount)
    redis.call('HDEL', KEYS[1], 'h:' .. ARGV[2])
    redis.call('ZREM', KEYS[2], ARGV[2])
  end
  if ARGV[3] ~= '' then spent = add(spent, ARGV[3]) end
  redis.call('HSET', KEYS[1], 'spent', spent, 'held', holding)
  return {'OK', spent, holding}
else
  if not spent then return {'SEED', '0', '0'} end
  return {'OK', spent, expire()}
end
