-- A key's budget for one period, shared by every gateway instance: reserve before the upstream call, settle after.
-- Money is kept exact: amounts are whole numbers of 10^-15 USD written as decimal strings, and added, subtracted and
-- compared digit by digit here (Lua's numbers are doubles, which money must never pass through).
-- KEYS[1] the account (hash: spent), KEYS[2] its holds (hash: hold id -> "amount expiry-ms")
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

-- the holds still alive; a hold whose request never settled (its instance died) expires
local function held()
  local sum = '0'
  local entries = redis.call('HGETALL', KEYS[2])
  for k = 1, #entries, 2 do
    local amount, expiry = string.match(entries[k + 1], '^(%d+) (%d+)$')
    if amount == nil or tonumber(expiry) < nowMs then
      redis.call('HDEL', KEYS[2], entries[k])
    else
      sum = add(sum, amount)
    end
  end
  return sum
end

local op = ARGV[1]
local spent = redis.call('HGET', KEYS[1], 'spent')

if op == 'reserve' then
  if not spent then
    if ARGV[6] == '' then return {'SEED', '0', '0'} end
    spent = strip(ARGV[6])
    redis.call('HSET', KEYS[1], 'spent', spent)
    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
  end
  local holding = held()
  if cmp(add(add(spent, holding), ARGV[3]), ARGV[2]) > 0 then
    return {'OVER', spent, holding}
  end
  redis.call('HSET', KEYS[2], ARGV[4], strip(ARGV[3]) .. ' ' .. tostring(nowMs + tonumber(ARGV[5])))
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[7]))
  return {'OK', spent, add(holding, ARGV[3])}
elseif op == 'settle' then
  redis.call('HDEL', KEYS[2], ARGV[2])
  if spent and ARGV[3] ~= '' then
    spent = add(spent, ARGV[3])
    redis.call('HSET', KEYS[1], 'spent', spent)
  end
  -- an account that is gone (Redis restarted) is read again from the usage records by the next reservation
  return {'OK', spent or '0', held()}
else
  if not spent then return {'SEED', '0', '0'} end
  return {'OK', spent, held()}
end
