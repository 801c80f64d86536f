// Lua of the Redis room directory. Every script gets one key, the kind's base (`<prefix>{mm:<kind>}`),
// and derives the others from it, so all keys of a kind share one Cluster slot:
//   <base>:rooms     hash   room id → entry JSON {max, locked, private, meta}
//   <base>:m:<id>    set    member client ids
//   <base>:r:<id>    zset   reserved client ids, scored by when the reservation expires (ms)
// A room's clients are its members plus its live reservations; an entry with neither is removed.

/** Drops expired reservations of one room; its clients, the entry removed when that is 0. */
const CLIENTS = `
local function clients(base, id, now)
  local r = base .. ':r:' .. id
  redis.call('ZREMRANGEBYSCORE', r, '-inf', now)
  local n = redis.call('SCARD', base .. ':m:' .. id) + redis.call('ZCARD', r)
  if n == 0 then redis.call('HDEL', base .. ':rooms', id) end
  return n
end`;

/** The filter rule of listing-match.ts: equality, or an inclusive numeric range {min, max}. */
const MATCHES = `
local function matches(meta, filters)
  for name, f in pairs(filters) do
    local v = meta[name]
    if type(f) == 'table' then
      if type(v) ~= 'number' then return false end
      if f.min ~= nil and f.min ~= cjson.null and v < f.min then return false end
      if f.max ~= nil and f.max ~= cjson.null and v > f.max then return false end
    elseif v ~= f then return false end
  end
  return true
end`;

/**
 * ARGV: now, reservation ms, client id, filters JSON, new room id, new entry JSON.
 * The fullest open matching room gets the reservation (ties: lowest id), else the new entry is
 * created with it. Returns {room id, 1 if created}. One script: instances never interleave here.
 */
export const RESERVE_LUA = `${CLIENTS}${MATCHES}
local base, now, client = KEYS[1], tonumber(ARGV[1]), ARGV[3]
local expires = now + tonumber(ARGV[2])
local filters = cjson.decode(ARGV[4])
local entries = redis.call('HGETALL', base .. ':rooms')
local bestId, bestN = nil, -1
for i = 1, #entries, 2 do
  local id = entries[i]
  local e = cjson.decode(entries[i + 1])
  local n = clients(base, id, now)
  if n > 0 and n < e.max and not e.locked and not e.private and (n > bestN or (n == bestN and id < bestId))
    and redis.call('SISMEMBER', base .. ':m:' .. id, client) == 0 and matches(e.meta, filters) then
    bestId, bestN = id, n
  end
end
if bestId then
  redis.call('ZADD', base .. ':r:' .. bestId, expires, client)
  return {bestId, 0}
end
redis.call('HSET', base .. ':rooms', ARGV[5], ARGV[6])
redis.call('ZADD', base .. ':r:' .. ARGV[5], expires, client)
return {ARGV[5], 1}`;

/** ARGV: room id, entry JSON, expires at, client id. */
export const CREATE_LUA = `
redis.call('HSET', KEYS[1] .. ':rooms', ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1] .. ':r:' .. ARGV[1], ARGV[3], ARGV[4])
return 1`;

/** ARGV: room id, client id, now. */
export const RELEASE_LUA = `${CLIENTS}
redis.call('ZREM', KEYS[1] .. ':r:' .. ARGV[1], ARGV[2])
return clients(KEYS[1], ARGV[1], tonumber(ARGV[3]))`;

/** ARGV: room id, client id, entry JSON if there is none yet. The reservation becomes a member. */
export const SEATED_LUA = `
redis.call('HSETNX', KEYS[1] .. ':rooms', ARGV[1], ARGV[3])
redis.call('ZREM', KEYS[1] .. ':r:' .. ARGV[1], ARGV[2])
return redis.call('SADD', KEYS[1] .. ':m:' .. ARGV[1], ARGV[2])`;

/** ARGV: room id, client id. */
export const UNSEATED_LUA = `return redis.call('SREM', KEYS[1] .. ':m:' .. ARGV[1], ARGV[2])`;

/** ARGV: room id, now. Members gone; the entry stays only while a reservation is live. */
export const CLOSED_LUA = `${CLIENTS}
redis.call('DEL', KEYS[1] .. ':m:' .. ARGV[1])
return clients(KEYS[1], ARGV[1], tonumber(ARGV[2]))`;

/**
 * ARGV: room id, entry JSON if there is none yet, locked ('' unchanged, '0', '1'), metadata
 * patch JSON ('' none), max metadata bytes. Returns 0 (nothing changed) when the merged
 * metadata would be too big.
 */
export const RELIST_LUA = `
local rooms = KEYS[1] .. ':rooms'
local e = cjson.decode(redis.call('HGET', rooms, ARGV[1]) or ARGV[2])
if ARGV[4] ~= '' then
  for name, value in pairs(cjson.decode(ARGV[4])) do
    if value == cjson.null then e.meta[name] = nil else e.meta[name] = value end
  end
  if #cjson.encode(e.meta) > tonumber(ARGV[5]) then return 0 end
end
if ARGV[3] ~= '' then e.locked = ARGV[3] == '1' end
redis.call('HSET', rooms, ARGV[1], cjson.encode(e))
return 1`;

/** ARGV: now. Returns {id, entry JSON, clients, …} of every room with clients. */
export const LIST_LUA = `${CLIENTS}
local base, now = KEYS[1], tonumber(ARGV[1])
local entries = redis.call('HGETALL', base .. ':rooms')
local out = {}
for i = 1, #entries, 2 do
  local n = clients(base, entries[i], now)
  if n > 0 then
    out[#out + 1] = entries[i]
    out[#out + 1] = entries[i + 1]
    out[#out + 1] = n
  end
end
return out`;
