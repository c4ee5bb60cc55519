#!/usr/bin/env bash
# The tenancy benchmark (issue 3). One command: bench/run.sh
#   BENCH_TENANTS=1000  Schema-tier tenants to provision besides the two measured ones
#   BENCH_DURATION=15   seconds per wrk run (each target is measured in 5 interleaved rounds; the median is kept)
#   BENCH_CONNECTIONS=32
# It starts a private PostgreSQL (its own cluster, "bench"), provisions the tenants, runs the app in Release
# with the bench endpoints, measures GET /api/v1/locations (50 rows) for a Schema-tier and a Database-tier tenant
# against the in-process baseline with wrk (a separate process, Host header), authenticated by an API key (and,
# reported apart, by a signed-in session cookie), measures the heap per tenant, and writes bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
tenants="${BENCH_TENANTS:-1000}"
duration="${BENCH_DURATION:-15}"
connections="${BENCH_CONNECTIONS:-32}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v wrk >/dev/null; then
  if [[ $EUID -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "error: wrk is not installed. Run: sudo apt-get install wrk" >&2; exit 1
  fi
fi

# shellcheck source=../scripts/local-postgres.sh
source scripts/local-postgres.sh
cf_pg_start "$repo" bench
cf_pg_ensure_roles "$repo" bench
app_pid=""
publish=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [[ -n "$publish" ]] && rm -rf "$publish"
  [[ -n "${histograms:-}" ]] && rm -rf "$histograms"
  cf_pg_stop_if_started
}
trap cleanup EXIT

cf_pg_fresh_platform candlefish_bench cfbench_
# Every tenant stays cached for the whole run, so the heap figure is the worst case.
export Candlefish__TenantStore__CacheDuration=00:10:00

echo "Publishing (Release)…"
# A published app, as deployed: the build output would serve static assets through the development handler,
# which checks the disk while routing every request.
publish="$(mktemp -d)"
dotnet publish Candlefish.Web/Candlefish.Web.csproj -c Release -o "$publish" -v quiet -nologo >/dev/null
dotnet build bench/Candlefish.Bench/Candlefish.Bench.csproj -c Release -v quiet -nologo >/dev/null

echo "Provisioning 2 measured tenants and $tenants Schema-tier tenants…"
setup="$(dotnet bench/Candlefish.Bench/bin/Release/net10.0/Candlefish.Bench.dll setup --tenants "$tenants")"
echo "$setup"

port=""
for p in $(seq 5300 5399); do if cf_port_free "$p"; then port="$p"; break; fi; done
url="http://127.0.0.1:$port"
env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ${BENCH_APP_ENV:-} \
  dotnet "$publish/Candlefish.Web.dll" --urls "$url" --contentRoot "$publish" \
  --Candlefish:Bench:Enabled=true >/tmp/candlefish-bench-app.log 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do curl -fs "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done

echo "Measuring the heap per tenant…"
heap="$(dotnet bench/Candlefish.Bench/bin/Release/net10.0/Candlefish.Bench.dll heap --url "$url" --tenants "$tenants")"
echo "$heap"

# The API needs an authenticated caller. wrk is an API client, so the measured figure uses an API key per tenant
# (created through the real ApiKeyService; the app checks it per request against its per-tenant cache). The session
# cookie of a signed-in person is measured too: a browser takes the renewed cookie Identity sends once the
# security-stamp interval (5 min) has passed; wrk does not, so every request after that would look the user up
# again. Each round therefore signs in afresh, as a browser's cookie would be renewed. (The baseline has no tenant
# layer at all, authentication included.)
bench_dll=bench/Candlefish.Bench/bin/Release/net10.0/Candlefish.Bench.dll
schema_key="$(dotnet "$bench_dll" apikey --tenant bench-schema)"
db_key="$(dotnet "$bench_dll" apikey --tenant bench-db)"
sign_in() {
  schema_cookie="$(dotnet "$bench_dll" cookie --url "$url" --tenant bench-schema)"
  db_cookie="$(dotnet "$bench_dll" cookie --url "$url" --tenant bench-db)"
  # name|Host header|path|the request's authentication header
  targets=(
    "baseline (schema db)|localhost|/bench/baseline/locations?tenant=bench-schema|X-None: 1"
    "Schema tier|bench-schema.localhost|/api/v1/locations?pageSize=50|Authorization: Bearer $schema_key"
    "Schema tier (cookie)|bench-schema.localhost|/api/v1/locations?pageSize=50|Cookie: $schema_cookie"
    "baseline (tenant db)|localhost|/bench/baseline/locations?tenant=bench-db|X-None: 1"
    "Database tier|bench-db.localhost|/api/v1/locations?pageSize=50|Authorization: Bearer $db_key"
    "Database tier (cookie)|bench-db.localhost|/api/v1/locations?pageSize=50|Cookie: $db_cookie"
  )
}
sign_in
for t in "${targets[@]}"; do
  IFS='|' read -r _ host path auth <<<"$t"
  rows="$(curl -fs -H "Host: $host" -H "$auth" "$url$path" | grep -o '"id"' | wc -l)"
  [[ "$rows" == 50 ]] || { echo "error: $path returned $rows rows, not 50" >&2; exit 1; }
done

to_ms() { # wrk prints 850.00us, 1.25ms or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Warm every target first (JIT, pools, prepared statements; autovacuum after the mass provisioning settles).
for t in "${targets[@]}"; do
  IFS='|' read -r _ host path auth <<<"$t"
  wrk -t2 -c"$connections" -d8s -H "Host: $host" -H "$auth" "$url$path" >/dev/null
done
declare -A rps_all p99_all
histograms="$(mktemp -d)"
slug() { tr -c 'a-z0-9\n' '_' <<<"$1"; }
# p99 over every request of every round of a target, from the histograms bench/histogram.lua writes.
pooled_p99() {
  cat "$histograms/$(slug "$1")"-* | awk '{ c[$1] += $2 } END { for (v in c) print v, c[v] }' | sort -n \
    | awk '{ v[NR] = $1; k[NR] = $2; n += $2 } END { t = 0; for (i = 1; i <= NR; i++) { t += k[i]; if (t >= 0.99 * n) { printf "%.1f", v[i] / 1000; exit } } }'
}
for round in 1 2 3 4 5; do
  sign_in
  for t in "${targets[@]}"; do
    IFS='|' read -r name host path auth <<<"$t"
    out="$(HISTOGRAM="$histograms/$(slug "$name")-$round" wrk -t2 -c"$connections" -d"${duration}s" --latency \
      -s bench/histogram.lua -H "Host: $host" -H "$auth" "$url$path")"
    rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" || true)"
    [[ -z "$errors" ]] || { echo "error: $name: $errors" >&2; exit 1; }
    echo "round $round  $name: $rps req/s, p99 $p99 ms"
    rps_all[$name]+="$rps "
    p99_all[$name]+="$p99 "
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mkdir -p bench/results
{
  echo "# Tenancy benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; PostgreSQL $("$CF_PG_BIN/postgres" --version | awk '{ print $3 }'); wrk -t2 -c$connections, ${duration}s x 5 interleaved rounds per target, median shown."
  echo
  echo "Setup: $setup"
  echo
  echo "Heap: $heap"
  echo
  echo "Rounds (req/s): $(for k in "${!rps_all[@]}"; do printf '%s: %s; ' "$k" "${rps_all[$k]}"; done)"
  echo
  echo "req/s: median of the rounds. p99: over all requests of all rounds (in brackets: the median of each round's p99)."
  echo
  echo "Per-round ratio: each round's req/s over the baseline's in the same round (measured right before it), median of the"
  echo "rounds, with the lowest and highest: on a shared machine this follows the load less than the ratio of the medians."
  echo
  echo "| target | req/s | p99 (ms) | throughput vs baseline | per-round ratio: median (min–max) | p99 vs baseline |"
  echo "|---|---|---|---|---|---|"
  for pair in "Schema tier|baseline (schema db)" "Schema tier (cookie)|baseline (schema db)" "Database tier|baseline (tenant db)" "Database tier (cookie)|baseline (tenant db)"; do
    IFS='|' read -r tier base <<<"$pair"
    b_rps="$(median <<<"${rps_all[$base]}")"; b_p99m="$(median <<<"${p99_all[$base]}")"; b_p99="$(pooled_p99 "$base")"
    t_rps="$(median <<<"${rps_all[$tier]}")"; t_p99m="$(median <<<"${p99_all[$tier]}")"; t_p99="$(pooled_p99 "$tier")"
    [[ "${shown:-}" == "$base" ]] || echo "| $base | $b_rps | $b_p99 ($b_p99m) | 1.00 | 1.00 | 1.00 (1.00) |"
    shown="$base"
    per_round="$(paste -d' ' <(tr ' ' '\n' <<<"${rps_all[$tier]}" | grep -v '^$') <(tr ' ' '\n' <<<"${rps_all[$base]}" | grep -v '^$') \
      | awk '{ printf "%.4f\n", $1 / $2 }' | sort -g)"
    per_round_range="$(awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<<"$per_round") ($(head -1 <<<"$per_round" | awk '{ printf "%.2f", $1 }')–$(tail -1 <<<"$per_round" | awk '{ printf "%.2f", $1 }'))"
    echo "| $tier | $t_rps | $t_p99 ($t_p99m) | $(ratio "$t_rps" "$b_rps") | $per_round_range | $(ratio "$t_p99" "$b_p99") ($(ratio "$t_p99m" "$b_p99m")) |"
  done
} | tee bench/results/latest.md
