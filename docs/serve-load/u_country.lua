-- The queries of one never-repeating load: wrk reads one script, so append this to the
-- shared part: cat never_repeat.lua u_country.lua > run.lua (and rate.lua after it for a fixed rate).
end
-- a country (source, target or place) and part of a month: 20 x 3 x 12 x 28 x 30 limits
request = function()
  local a, y, m, d, l = digits(nextq(604800), 20, 3, 12, 28, 30)
  return wrk.format("GET", string.format("/api/events?country=%s&from=%d-%02d-%02d&to=%d-%02d-28&limit=%d", actors[a+1], 2019+y, m+1, d+1, 2019+y, m+1, 20+l))
end
