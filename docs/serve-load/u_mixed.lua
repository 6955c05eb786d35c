-- The queries of one never-repeating load: wrk reads one script, so append this to the
-- shared part: cat never_repeat.lua u_mixed.lua > run.lua (and rate.lua after it for a fixed rate).
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
