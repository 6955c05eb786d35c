-- Fixed rate: each thread sends RATE_PER_THREAD requests a second (env), whatever the
-- latency, on whichever of its connections is free: delay() books the thread's next slot
-- (LuaJIT's ffi reads the monotonic clock). Slots missed by more than 100 ms are dropped, so
-- a server that cannot keep up shows as a lower rate (wrk times a request from its sending,
-- not from its slot).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } dl_timespec;
int clock_gettime(int clk, dl_timespec *tp);
]]
local ts = ffi.new("dl_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local interval = 1000 / tonumber(os.getenv("RATE_PER_THREAD") or "500")
local next_at = nil
function delay()
  local now = now_ms()
  if next_at == nil or next_at < now - 100 then next_at = now end
  next_at = next_at + interval
  local d = next_at - now
  if d < 0 then return 0 end
  return d
end
