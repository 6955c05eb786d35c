-- The queries of one never-repeating load: wrk reads one script, so append this to the
-- shared part: cat never_repeat.lua u_distinct.lua > run.lua (and rate.lua after it for a fixed rate).
end
-- an actor (source) and part of a month: 20 x 3 years x 12 months x 28 days x 30 limits
request = function()
  local a, y, m, d, l = digits(nextq(604800), 20, 3, 12, 28, 30)
  return wrk.format("GET", string.format("/api/events?source=%s&from=%d-%02d-%02d&to=%d-%02d-28&limit=%d", actors[a+1], 2019+y, m+1, d+1, 2019+y, m+1, 20+l))
end
