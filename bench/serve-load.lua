-- wrk script for bench/serve-load.py: POSTs the reference recipient to
-- /v1/campaigns/spring_sale/render and reports one RESULT line.
--
-- Environment: BODY (file with the JSON body), CAMPAIGN (default spring_sale), KEYS=1 to send a fresh
-- Idempotency-Key with each request (RUN keeps keys of separate runs apart),
-- LIMIT (answers per thread, then the thread stops sending; wrk still waits
-- out its -d duration).

local body_file = os.getenv("BODY")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

local keyed = os.getenv("KEYS") == "1"
local limit = tonumber(os.getenv("LIMIT") or "0")
local run = os.getenv("RUN") or "0"
local path = "/v1/campaigns/" .. (os.getenv("CAMPAIGN") or "spring_sale") .. "/render"
local threads = {}
local counter = 0
local answered = 0
bad = 0  -- global: done() reads it from each thread with thread:get
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  tid = tid or 0
end

function request()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "message/rfc822" }
  if keyed then headers["Idempotency-Key"] = "load-" .. run .. "-" .. tid .. "-" .. counter end
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, resp_body)
  answered = answered + 1
  if status ~= 200 then bad = bad + 1 end
  if limit > 0 and answered >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, thread in ipairs(threads) do non200 = non200 + (thread:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, ' ..
    '"non200": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "status_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non200, e.connect, e.read, e.write, e.timeout, e.status))
end
