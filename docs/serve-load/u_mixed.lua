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
end
-- five kinds in turn, each never repeated: either actor and a year; a CAMEO root and a month
-- range; country and quad class; source and target; a date range of one month
local roots = {"02","04","05","11","13","16","18"}
request = function()
  local kind, a, b, y, m, l = digits(nextq(5*20*19*3*12*10), 5, 20, 19, 3, 12, 10)
  local p
  local A, B = actors[a+1], actors[((a + b + 1) % 20) + 1]
  if kind == 0 then p = string.format("actor=%s&from=%d-%02d-%02d&limit=%d", A, 2019+y, m+1, b+1, 20+l)
  elseif kind == 1 then p = string.format("code=%s&from=%d-%02d&to=%d-12-%02d&limit=%d", roots[(a % 7)+1], 2019+y, m+1, 2019+y, b+1, 20+l+10*math.floor(a/7))
  elseif kind == 2 then p = string.format("country=%s&quad=%d&from=%d-%02d&limit=%d", A, 1 + b % 4, 2019+y, m+1, 20+l+10*math.floor(b/4))
  elseif kind == 3 then p = string.format("source=%s&target=%s&to=%d-%02d&limit=%d", A, B, 2019+y, m+1, 20+l)
  else p = string.format("from=%d-%02d&to=%d-%02d-%02d&limit=%d", 2019+y, m+1, 2019+y, m+1, b+1, 20+a+20*l) end
  return wrk.format("GET", "/api/events?" .. p)
end
