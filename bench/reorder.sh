#!/usr/bin/env bash
# The reorder points job benchmark (issue 5). One command: bench/reorder.sh
#   BENCH_TENANTS=140      Crown Trophy tenants (Schema tier), one location each
#   BENCH_SKUS=2000        products, each with a stock level, per tenant
#   BENCH_SHORT_PERCENT=10 the share of stock levels at or below their reorder point
#   BENCH_ROUNDS=5         timed rounds (after one warm-up round)
# It starts a private PostgreSQL (its own cluster, "bench-reorder"), provisions the tenants through the real
# provisioner, seeds each one set-based (generate_series, one statement per tenant), then times the job as the scheduler
# runs it (TenantJobRunner, every active Crown Trophy tenant): a drafting pass (every shortage becomes a line of a draft
# purchase order per vendor) and a second pass (nothing new). It writes bench/results/reorder-latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
tenants="${BENCH_TENANTS:-140}"
skus="${BENCH_SKUS:-2000}"
short="${BENCH_SHORT_PERCENT:-10}"
rounds="${BENCH_ROUNDS:-5}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# shellcheck source=../scripts/local-postgres.sh
source scripts/local-postgres.sh
cf_bench_postgres "$repo" bench-reorder candlefish_bench_reorder cfreorder_

echo "Building (Release)…"
dotnet build bench/Candlefish.Bench/Candlefish.Bench.csproj -c Release -v quiet -nologo >/dev/null
bench="bench/Candlefish.Bench/bin/Release/net10.0/Candlefish.Bench.dll"

echo "Provisioning $tenants Crown Trophy tenants with $skus SKUs each ($short% at or below the reorder point)…"
setup="$(dotnet "$bench" reorder-setup --tenants "$tenants" --skus "$skus" --short-percent "$short")"
echo "$setup"

echo "Timing the reorder points job ($rounds rounds after a warm-up)…"
run="$(dotnet "$bench" reorder-run --rounds "$rounds")"
echo "$run"

median="$(grep -o '"draftingPassSeconds":{"median":[0-9.]*' <<<"$run" | grep -o '[0-9.]*$')"
mkdir -p bench/results
{
  echo "# Reorder points job benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, shared with other work; PostgreSQL $("$CF_PG_BIN/postgres" --version | awk '{ print $3 }')."
  echo
  echo "Setup: $setup"
  echo
  echo "Run: $run"
  echo
  echo "Drafting pass over $tenants tenants x $skus SKUs: median $median s (target: at most 10 s)."
} | tee bench/results/reorder-latest.md
