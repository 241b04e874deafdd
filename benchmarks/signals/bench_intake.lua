-- SPDX-License-Identifier: EUPL-1.2
-- wrk script for benchmarks/signals/bench_intake.py: sends every line of a bodies file exactly
-- once as a JSON POST (count-bounded; wrk's -d is the time bound), counts statuses, and prints
-- one JSON line with the figures. Arguments after "--": bodies file, path, threads, marker and,
-- optionally, a sending window in seconds (the flood): after it no new request is sent, the
-- answers still on their way are awaited, and only then the thread stops (so every request
-- sent has its answer counted, as the check "answered 201 = stored" needs).
-- A thread that has sent its share parks its connections (long delay) instead of sending more,
-- and stops once every answer is in; it then writes "<marker>.<id>" so the harness can end wrk
-- before -d runs out.
local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } kompas_timespec;
int clock_gettime(int clk_id, kompas_timespec *tp);
]])
local ts = ffi.new("kompas_timespec")
local function now()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC, same clock in every thread
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, path, nthreads = args[1], args[2], tonumber(args[3])
  marker = args[4]
  window = tonumber(args[5] or "0")
  requests = {}
  local headers = { ["Content-Type"] = "application/json" }
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id and #line > 0 then
      table.insert(requests, wrk.format("POST", path, headers, line))
    end
    n = n + 1
  end
  budget = #requests
  health = wrk.format("GET", "/health/", {}, nil)
  reserved, sent, answered, ok, extra, server = 0, 0, 0, 0, 0, 0
  statuses = ""
  t_first, t_last = 0, 0
end

local function finish()
  local fh = io.open(marker .. "." .. id, "w")
  fh:write("done\n")
  fh:close()
  wrk.thread:stop()
end

local function window_check()
  -- The sending window is over: what was reserved so far is the whole budget.
  if window > 0 and t_first > 0 and budget > reserved and now() - t_first >= window then
    budget = reserved
    if answered >= budget then
      finish()
    end
  end
end

function delay()
  window_check()
  if reserved >= budget then
    return 3600 * 1000 -- park this connection; the thread stops before this runs out
  end
  reserved = reserved + 1
  return 0
end

function request()
  if reserved == 0 then
    -- wrk calls request() once before the run to check the script: send nothing then.
    return requests[1]
  end
  if sent >= reserved then
    window_check()
    -- a reconnect (the server closed a keep-alive connection) asks without delay()
    if reserved >= budget then
      extra = extra + 1
      return health -- answered 200; flagged by the harness, never counted as sent
    end
    reserved = reserved + 1
  end
  sent = sent + 1
  if sent == 1 then
    t_first = now()
  end
  return requests[sent]
end

function response(status, headers, body)
  if status == 200 then
    return -- /health/ after a reconnect at the end
  end
  answered = answered + 1
  t_last = now()
  if status >= 500 then
    server = server + 1
  end
  if status == 201 then
    ok = ok + 1
  elseif #statuses < 200 then
    statuses = statuses .. status .. " "
  end
  if answered >= budget then
    finish()
  end
end

function done(summary, latency, _requests)
  local sent_, answered_, ok_, first, last, statuses_ = 0, 0, 0, nil, 0, ""
  local extra_, server_ = 0, 0
  for _, t in ipairs(threads) do
    sent_ = sent_ + t:get("sent")
    extra_ = extra_ + t:get("extra")
    server_ = server_ + t:get("server")
    answered_ = answered_ + t:get("answered")
    ok_ = ok_ + t:get("ok")
    local f, l = t:get("t_first"), t:get("t_last")
    if f > 0 and (first == nil or f < first) then
      first = f
    end
    if l > last then
      last = l
    end
    statuses_ = statuses_ .. t:get("statuses")
  end
  local e = summary.errors
  io.write(
    string.format(
      '\nKOMPAS_RESULT {"sent": %d, "answered": %d, "ok": %d, "seconds": %.6f, '
        .. '"p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "mean_ms": %.3f, '
        .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
        .. '"other_statuses": "%s", "health_after_reconnect": %d, "server_errors": %d}\n',
      sent_,
      answered_,
      ok_,
      (first and last > first) and (last - first) or 0,
      latency:percentile(50) / 1000,
      latency:percentile(90) / 1000,
      latency:percentile(99) / 1000,
      latency.max / 1000,
      latency.mean / 1000,
      e.connect,
      e.read,
      e.write,
      e.status,
      e.timeout,
      statuses_,
      extra_,
      server_
    )
  )
end
