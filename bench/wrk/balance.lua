-- wrk script: /api/balance over random hosts and ranges, paced.
-- ATTACHE_DELAY_MS (env) is each connection's pause between requests.
local hosts = {"AZE", "GEO", "ARM", "TUR", "KAZ", "UZB", "UKR", "DEU", "USA", "CHN"}
local bys = {"month", "quarter", "year"}
local delay_ms = tonumber(os.getenv("ATTACHE_DELAY_MS") or "0")
math.randomseed(os.time())

request = function()
  local y = math.random(2015, 2025)
  local path = string.format("/api/balance?host=%s&from=%d-%02d&to=%d-%02d&by=%s",
    hosts[math.random(#hosts)], y, math.random(1, 6), y + math.random(0, 1), math.random(7, 12),
    bys[math.random(#bys)])
  return wrk.format("GET", path)
end

delay = function() return delay_ms end

response = function(status, headers, body)
  if status ~= 200 then io.stderr:write("balance: HTTP " .. status .. "\n") end
end
