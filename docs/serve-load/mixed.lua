-- the helper's five filters, in turn (exact repeats: served from the cache after the first)
local paths = {"/api/events?actor=KEN", "/api/events?code=11&from=2020-03&to=2020-06",
  "/api/events?country=FRA&quad=3", "/api/events?source=RUS&target=UKR",
  "/api/events?from=2021-01-01&to=2021-01-31"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
