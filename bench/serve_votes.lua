-- wrk script for bench_serve: each wrk thread posts votes on its own share of the matchups in
-- the file named by the first script argument (one matchup id per line, fetched beforehand),
-- each with its matchup as the Idempotency-Key; the third argument is the arena id (default
-- "bench"). Run by `bench_serve wrk` (see there).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  arena = args[3] or "bench"
  ids = {}
  local n = 0
  for line in io.lines(args[1]) do
    if n % tonumber(args[2]) == index then ids[#ids + 1] = line end
    n = n + 1
  end
end

local winners = {"A", "B", "tie", "bothbad"}

function request()
  counter = counter + 1
  local id = ids[counter]
  if id == nil then id = ids[1] end  -- out of matchups: repeats answer 201 from the idempotency record
  return wrk.format("POST", "/v1/arenas/" .. arena .. "/votes",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = id},
    '{"matchup":"' .. id .. '","winner":"' .. winners[counter % 4 + 1] .. '"}')
end
