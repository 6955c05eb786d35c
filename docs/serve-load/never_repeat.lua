-- Requests that never repeat (no cache hit): request k of thread t is query number
-- (t + k * threads) * 7919 mod N, a permutation of 0..N-1 (7919 is prime to N), read in mixed radix.
-- Counts the answers the server says came from its cache (header x-dateline-cache: hit).
local threads = {}
local nthreads = 2
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
  nthreads = #threads
end
local k = 0
hits = 0
function init(args)
  k = 0
end
function response(status, headers, body)
  if headers["x-dateline-cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local h = 0
  for _, t in ipairs(threads) do h = h + (t:get("hits") or 0) end
  io.write(string.format("cache hits: %d of %d\n", h, summary.requests))
end
local actors = {"KEN","UGA","ETH","SOM","SDN","EGY","LBY","NGA","GHA","MLI","FRA","DEU","RUS","UKR","CHN","IND","PAK","IRN","TUR","BRA"}
-- the next query number, and digits of it in the given radices
local function nextq(N)
  local t = tid or 0
  local n = ((t + k * 2) * 7919) % N
  k = k + 1
  return n
end
local function digits(n, ...)
  local out = {}
  for _, r in ipairs({...}) do table.insert(out, n % r); n = math.floor(n / r) end
  return (unpack or table.unpack)(out)
