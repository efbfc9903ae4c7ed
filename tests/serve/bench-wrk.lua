-- make serve-bench, second client: wrk (Debian's wrk, C and epoll) sends
-- BENCH_N POST /v1/check of the body in the file BENCH_BODY on its
-- keep-alive connections (-c), one thread (-t1: the count below is the
-- thread's own), then stops; done() prints the latency percentiles.
-- usage: BENCH_N=10000 BENCH_BODY=req.json wrk -t1 -c8 -d600s -s bench-wrk.lua URL
local n = tonumber(os.getenv("BENCH_N") or "10000")
local f = assert(io.open(assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

-- wrk runs for its -d duration even when its threads have stopped; SIGINT
-- ends the run early, with its report.  /proc/self is wrk's process (the
-- thread group), whichever thread reads it.  io.popen, not os.execute:
-- system() ignores SIGINT in the caller while the command runs.
local function stop_run()
  local stat = assert(io.open("/proc/self/stat", "r"))
  local pid = stat:read("*l"):match("^(%d+)")
  stat:close()
  wrk.thread:stop()
  assert(io.popen("kill -INT " .. pid)):close()
end

local count = 0
function response(status, headers, body)
  count = count + 1
  if count == n then stop_run() end
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("wrk: %d responses in %.2f s, %.0f requests/s; not 2xx: %d, socket errors: %d\n",
    summary.requests, secs, summary.requests / secs, e.status, e.connect + e.read + e.write + e.timeout))
  io.write(string.format("wrk: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 <= 20 ms)\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
