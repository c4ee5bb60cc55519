-- wrk script: after the run, writes the whole latency histogram (microseconds and request counts, only the
-- non-empty buckets) to the file named by the HISTOGRAM environment variable, so bench/run.sh can compute
-- percentiles over all rounds together instead of taking the median of each round's own tail.
local path = os.getenv("HISTOGRAM")

done = function(summary, latency, requests)
   if not path then return end
   local file = io.open(path, "w")
   -- #latency is the number of non-empty buckets; latency(i) returns the i-th one's microseconds and count.
   for i = 1, #latency do
      local us, count = latency(i)
      file:write(string.format("%d %d\n", us, count))
   end
   file:close()
end
