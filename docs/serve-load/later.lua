-- later pages: a different cursor every time (no cache hit), the first page's count carried
local actors = {"KEN","UGA","ETH","SOM","SDN","EGY","LBY","NGA","GHA","MLI","FRA","DEU","RUS","UKR","CHN","IND","PAK","IRN","TUR","BRA"}
local i = 0
request = function()
  i = i + 1
  local a = actors[(i % #actors) + 1]
  local y = 2019 + (i % 3)
  local m = (math.floor(i / 3) % 12) + 1
  local d = (math.floor(i / 36) % 28) + 1
  return wrk.format("GET", string.format("/api/events?source=%s&cursor=%d-%02d-%02d_9000000000000000000_4500&limit=50", a, y, m, d))
end
