-- The queries of one never-repeating load: wrk reads one script, so append this to the
-- shared part: cat never_repeat.lua u_dates.lua > run.lua (and rate.lua after it for a fixed rate).
end
-- a date range alone: a first day in 3 years x 12 months x 28 days, 1 to 60 days long, 30 limits
request = function()
  local y, m, d, len, l = digits(nextq(1814400), 3, 12, 28, 60, 30)
  local t0 = os.time({year=2019+y, month=m+1, day=d+1, hour=12})
  return wrk.format("GET", string.format("/api/events?from=%s&to=%s&limit=%d", os.date("!%Y-%m-%d", t0), os.date("!%Y-%m-%d", t0 + len * 86400), 20+l))
end
