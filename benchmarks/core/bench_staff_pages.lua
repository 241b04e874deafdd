-- SPDX-License-Identifier: EUPL-1.2
-- wrk script for benchmarks/core/bench_staff_pages.py: GET one path, each request with the next
-- session of a list (one per user; none for a public page), count statuses other than 200
-- (a redirect to the login page means a session did not hold), print one JSON line.
-- Arguments after "--": path, think time in ms between a user's requests (0: none), then the
-- session keys.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  think = tonumber(args[2])
  cookies = {}
  for i = 3, #args do
    table.insert(cookies, "sessionid=" .. args[i])
  end
  n, bad = 0, 0
  statuses = ""
end

function request()
  n = n + 1
  local headers = {}
  if #cookies > 0 then
    headers["Cookie"] = cookies[(n % #cookies) + 1]
  end
  return wrk.format("GET", path, headers, nil)
end

function delay()
  return think
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    if #statuses < 100 then
      statuses = statuses .. status .. " "
    end
  end
end

function done(summary, latency, _requests)
  local bad_, statuses_ = 0, ""
  for _, t in ipairs(threads) do
    bad_ = bad_ + t:get("bad")
    statuses_ = statuses_ .. t:get("statuses")
  end
  local e = summary.errors
  io.write(
    string.format(
      '\nKOMPAS_RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p95_ms": %.3f, '
        .. '"p99_ms": %.3f, "max_ms": %.3f, "not_200": %d, "statuses": "%s", '
        .. '"socket_errors": %d}\n',
      summary.requests,
      summary.duration / 1e6,
      latency:percentile(50) / 1000,
      latency:percentile(95) / 1000,
      latency:percentile(99) / 1000,
      latency.max / 1000,
      bad_,
      statuses_,
      e.connect + e.read + e.write + e.timeout
    )
  )
end
