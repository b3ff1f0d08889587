-- wrk script: /api/search for one or two words of the synthetic vocabulary,
-- sometimes with an outlet or a date range, paced.
local words = {"minister", "talks", "pipeline", "railway", "customs", "summit", "grain", "treaty",
  "lithium", "satellite", "refugees", "tariffs", "museum", "festival", "observers", "inflation",
  "reconstruction", "electricity", "navy", "cotton"}
local outlets = {"Example%20Times", "Daily%20Sample", "Wire%20Service", "Capital%20News"}
local delay_ms = tonumber(os.getenv("ATTACHE_DELAY_MS") or "0")
math.randomseed(os.time() + 1)

request = function()
  local q = words[math.random(#words)]
  if math.random() < 0.5 then q = q .. "+" .. words[math.random(#words)] end
  local path = "/api/search?q=" .. q .. "&limit=20"
  local r = math.random()
  if r < 0.25 then path = path .. "&outlet=" .. outlets[math.random(#outlets)]
  elseif r < 0.5 then path = path .. "&from=" .. math.random(2015, 2025) end
  return wrk.format("GET", path)
end

delay = function() return delay_ms end

response = function(status, headers, body)
  if status ~= 200 then io.stderr:write("search: HTTP " .. status .. "\n") end
end
