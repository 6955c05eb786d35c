-- a different query every time (no cache hit): an actor and a month, drawn in turn
local actors = {"KEN","UGA","ETH","SOM","SDN","EGY","LBY","NGA","GHA","MLI","FRA","DEU","RUS","UKR","CHN","IND","PAK","IRN","TUR","BRA"}
local i = 0
request = function()
  i = i + 1
  local a = actors[(i % #actors) + 1]
  local y = 2019 + (i % 3)
  local m = (math.floor(i / 3) % 12) + 1
  local d = (math.floor(i / 36) % 28) + 1
  return wrk.format("GET", string.format("/api/events?source=%s&from=%d-%02d-%02d&to=%d-%02d-28&limit=%d", a, y, m, d, y, m, 20 + (i % 30)))
end
