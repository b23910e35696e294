// The Lua scripts of the Redis policy store. Each runs atomically in Redis, so every replica sees one
// count. Sorted sets hold one member per counted attempt (score = when it was reserved); windows are
// score ranges, and members older than 24 hours are pruned on the way.
//
// A task's hash (number -> '1' counted, '0' not yet) has a companion key, the hash's name + TASK_COUNTED,
// holding how many of its numbers are counted: "did callbridge see this task start" is then one read, not
// a read of up to 300,000 numbers for every chunk added. RESERVE and RELEASE derive that key from the
// task key (Redis Cluster is not supported, so all keys live on one node).

/** Suffix of the key that counts a task's counted numbers. */
export const TASK_COUNTED = ':counted';
const COUNTED = `'${TASK_COUNTED}'`;

/**
 * KEYS: all, live, reservation, task (unused when ARGV[12] is 0), then one key per number.
 * ARGV: now, hourMs, dayMs, perNumberPerHour, perNumberPerDay, perHour, perDay, maxConcurrentCalls
 * (-1 = no limit), callMaxMs, reservation id, direct (0|1), has task (0|1), reservation JSON, then
 * number, attempts for each number.
 * Returns {1} when counted, or {0, rule index (1-5), counted, number index (0 = none)}.
 */
export const RESERVE = `
local now, hour, day = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local function over(count, add, limit) return limit >= 0 and count + add > limit end
local id, direct, hasTask = ARGV[10], ARGV[11] == '1', ARGV[12] == '1'
local n = #KEYS - 4
local total = 0
local hourFrom = '(' .. (now - hour)
for i = 1, n do
  local key, attempts = KEYS[4 + i], tonumber(ARGV[13 + 2 * i])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - day)
  local h = redis.call('ZCOUNT', key, hourFrom, '+inf')
  if over(h, attempts, tonumber(ARGV[4])) then return {0, 1, h, i} end
  local d = redis.call('ZCARD', key)
  if over(d, attempts, tonumber(ARGV[5])) then return {0, 2, d, i} end
  total = total + attempts
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - day)
local h = redis.call('ZCOUNT', KEYS[1], hourFrom, '+inf')
if over(h, total, tonumber(ARGV[6])) then return {0, 3, h, 0} end
local d = redis.call('ZCARD', KEYS[1])
if over(d, total, tonumber(ARGV[7])) then return {0, 4, d, 0} end
if direct then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[9]))
  local live = redis.call('ZCARD', KEYS[2])
  if over(live, n, tonumber(ARGV[8])) then return {0, 5, live, 0} end
end

local marked = {}
for i = 1, n do
  local key, number, attempts = KEYS[4 + i], ARGV[12 + 2 * i], tonumber(ARGV[13 + 2 * i])
  for a = 1, attempts do
    local member = id .. ':' .. i .. ':' .. a
    redis.call('ZADD', key, now, member)
    redis.call('ZADD', KEYS[1], now, member)
  end
  redis.call('PEXPIRE', key, day)
  if direct then redis.call('ZADD', KEYS[2], now, id .. ':' .. i) end
  if hasTask and redis.call('HGET', KEYS[4], number) == '0' then
    redis.call('HSET', KEYS[4], number, '1')
    marked[#marked + 1] = number
  end
end
if #marked > 0 then redis.call('INCRBY', KEYS[4] .. ${COUNTED}, #marked) end
redis.call('PEXPIRE', KEYS[1], day)
if direct and redis.call('PTTL', KEYS[2]) < tonumber(ARGV[9]) then redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[9])) end
redis.call('HSET', KEYS[3], 'data', ARGV[13], 'marked', cjson.encode(marked), 'calls', '{}')
redis.call('PEXPIRE', KEYS[3], day)
return {1}
`;

/**
 * KEYS: reservation, all, live, task, then one key per number, then the keys of its attached calls.
 * ARGV: reservation id, number count, then the attempts of each number.
 */
export const RELEASE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local id, n = ARGV[1], tonumber(ARGV[2])
for i = 1, n do
  for a = 1, tonumber(ARGV[2 + i]) do
    local member = id .. ':' .. i .. ':' .. a
    redis.call('ZREM', KEYS[4 + i], member)
    redis.call('ZREM', KEYS[2], member)
  end
  redis.call('ZREM', KEYS[3], id .. ':' .. i)
end
local marked = cjson.decode(redis.call('HGET', KEYS[1], 'marked'))
for _, number in ipairs(marked) do
  redis.call('HSET', KEYS[4], number, '0')
end
if #marked > 0 then redis.call('DECRBY', KEYS[4] .. ${COUNTED}, #marked) end
for k = 5 + n, #KEYS do redis.call('DEL', KEYS[k]) end
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * KEYS: reservation, then one call key per attached id. ARGV: dayMs, then per call key its JSON and
 * its call id. Returns 0 when the reservation is gone (released or expired).
 */
export const ATTACH = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local calls = cjson.decode(redis.call('HGET', KEYS[1], 'calls'))
for k = 2, #KEYS do
  redis.call('SET', KEYS[k], ARGV[2 * k - 2], 'PX', tonumber(ARGV[1]))
  calls[ARGV[2 * k - 1]] = true
end
redis.call('HSET', KEYS[1], 'calls', cjson.encode(calls))
return 1
`;

/** KEYS: call, live. ARGV: now. The first end stands; the call stops counting as live. */
export const MARK_ENDED = `
local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local call = cjson.decode(stored)
if call.endedAt then return 0 end
call.endedAt = tonumber(ARGV[1])
redis.call('SET', KEYS[1], cjson.encode(call), 'KEEPTTL')
redis.call('ZREM', KEYS[2], call.member)
return 1
`;

/** KEYS: task, its count of counted numbers. ARGV: ttl (ms), counted (0|1), then numbers. A counted number stays counted. */
export const ADD_TASK_NUMBERS = `
local counted = 0
for i = 3, #ARGV do
  if ARGV[2] == '1' then
    if redis.call('HGET', KEYS[1], ARGV[i]) ~= '1' then counted = counted + 1 end
    redis.call('HSET', KEYS[1], ARGV[i], '1')
  else redis.call('HSETNX', KEYS[1], ARGV[i], '0') end
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
redis.call('INCRBY', KEYS[2], counted)
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[1]))
return 1
`;

/**
 * KEYS: the pacing key of one scope, operation and QPS. ARGV: interval between requests (ms).
 * Hands out the next free slot on Redis's clock (the same for every process): returns the slot and how
 * long the caller waits for it, both in microseconds.
 */
export const PACE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = math.floor(tonumber(ARGV[1]) * 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], string.format('%d', slot + interval), 'PX', math.ceil((slot + interval - now) / 1000) + 1000)
return {string.format('%d', slot), string.format('%d', slot - now)}
`;

/**
 * KEYS: the claim. ARGV: now (the store's clock), ttl (ms). 1 when claimed now, 0 while an earlier claim
 * holds; Redis's own expiry only clears the key away afterwards.
 */
export const CLAIM = `
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
local held = tonumber(redis.call('GET', KEYS[1]) or '0')
if held > now then return 0 end
redis.call('SET', KEYS[1], string.format('%d', now + ttl), 'PX', ttl)
return 1
`;
