-- wrk script of scripts/bench server. Without arguments: GET the URL as given. With a file
-- argument: POST that JSON body, "__NO__" replaced by a number unique to the thread and request
-- (a new 决定书文号 each time), with "Authorization: Bearer $TOKEN". Prints one parsable line.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  if args[1] then
    template = io.open(args[1]):read("*a")
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  end
  if os.getenv("TOKEN") then wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN") end
end

function request()
  if not template then return wrk.format() end
  counter = counter + 1
  local no = string.format("%d-%d-%d", id, counter, os.time())
  return wrk.format(nil, nil, nil, (template:gsub("__NO__", no)))
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read +
                 summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors))
end
