-- The queries of one never-repeating load: wrk reads one script, so append this to the
-- shared part: cat never_repeat.lua u_later.lua > run.lua (and rate.lua after it for a fixed rate).
end
-- a later page of an actor (source): a cursor in 3 years x 12 months x 28 days, 30 limits
request = function()
  local a, y, m, d, l = digits(nextq(604800), 20, 3, 12, 28, 30)
  return wrk.format("GET", string.format("/api/events?source=%s&cursor=%d-%02d-%02d_9000000000000000000_4500&limit=%d", actors[a+1], 2019+y, m+1, d+1, 20+l))
end
