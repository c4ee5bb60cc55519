#!/usr/bin/env bash
# The Crown Trophy orders benchmark (issue 5). One command: bench/orders.sh
#   BENCH_ORDERS=10000   orders to export
#   BENCH_PDF_RUNS=50    work-order PDFs to time after the warm-up (the median is the figure)
# It starts a private PostgreSQL (its own cluster, "bench-orders"), provisions one Crown Trophy tenant with a catalog,
# 200 customers and the orders, then, in Release: (1) exports every order to .xlsx through OrderExport, five times in
# one process (the first cold), and reports the times, the bytes allocated and the process's peak working set, each
# export in a process of its own so the peak is the export's; (2) prints a typical order's work order through the one
# PDF renderer (the machine's Chromium) after a warm-up, and reports the median. Figures go to docs/performance.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
orders="${BENCH_ORDERS:-10000}"
pdf_runs="${BENCH_PDF_RUNS:-50}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# shellcheck source=../scripts/local-postgres.sh
source scripts/local-postgres.sh
cf_bench_postgres "$repo" bench-orders candlefish_bench_orders cfbenchorders_
cf_require_chromium

echo "Building (Release)…"
dotnet build bench/Candlefish.Bench.Orders/Candlefish.Bench.Orders.csproj -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Candlefish.Bench.Orders/bin/Release/net10.0/Candlefish.Bench.Orders.dll)

echo "Provisioning the tenant and $orders orders…"
"${bench[@]}" setup --orders "$orders"
cf_psql -d candlefish_bench_orders -c "VACUUM ANALYZE" >/dev/null 2>&1 || true

echo "Excel export of every order (one process, 5 runs, the first cold):"
"${bench[@]}" export --runs 5
echo "Excel export, one run per process (the peak working set is that export's):"
for run in 1 2 3; do "${bench[@]}" export --runs 1; done

echo "Work-order PDF ($pdf_runs runs after 5 to warm up):"
"${bench[@]}" pdf --runs "$pdf_runs"
