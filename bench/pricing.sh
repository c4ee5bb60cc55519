#!/usr/bin/env bash
# The Paintbox pricing benchmark (issue 6). One command: bench/pricing.sh
#   BENCH_JOB=default   BenchmarkDotNet job (default: 15+ iterations until stable; "short" for a quick look)
# It builds bench/Candlefish.Bench.Pricing in Release and runs it with BenchmarkDotNet in process (the engine is pure
# C#: no database, no files after the global setup), pricing the exterior of case-exterior-huss and the interior of
# case-interior-norell with PriceBook.Default — together (the target: at most 1 ms median) and apart. The workbooks
# come from CANDLEFISH_BART_DIR, ../shared/paintbox/bart or the copies vendored with the tests. The machine's load is
# printed before and after, and the report is written to bench/results/pricing-latest.md; copy the figures into
# docs/performance.md ("Paintbox") by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
job="${BENCH_JOB:-default}"

echo "Building (Release)…"
dotnet build bench/Candlefish.Bench.Pricing/Candlefish.Bench.Pricing.csproj -c Release -v quiet -nologo >/dev/null

artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Candlefish.Bench.Pricing/bin/Release/net10.0/Candlefish.Bench.Pricing.dll \
  --filter '*' --job "$job" --inProcess --exporters github --artifacts "$artifacts"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p bench/results
{
  echo "# Paintbox pricing benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; load average (1, 5, 15 min) before: $load_before, after: $load_after."
  echo
  cat "$artifacts"/results/*-report-github.md
} | tee bench/results/pricing-latest.md
