#!/usr/bin/env bash
# The Paintbox proposal benchmark (issue 6: "proposal PDF at most 150 ms warm"). One command: bench/proposal.sh
#   BENCH_PDF_RUNS=50    proposal PDFs to time after the warm-up (the median is the figure)
#   BENCH_PROPOSAL_PDF=  a file to keep the last PDF in (to look at it)
# It starts a private PostgreSQL (its own cluster, "bench-proposal"), provisions one Paintbox tenant with an estimate of
# both kinds (every exterior and interior option priced), then, in Release, prints its proposal through the one PDF
# renderer (the machine's Chromium) 5 times to warm up and the given number of times more, and reports the median.
# Figures go to docs/performance.md under "Paintbox" by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
pdf_runs="${BENCH_PDF_RUNS:-50}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# shellcheck source=../scripts/local-postgres.sh
source scripts/local-postgres.sh
cf_bench_postgres "$repo" bench-proposal candlefish_bench_proposal cfbenchproposal_
cf_require_chromium

echo "Building (Release)…"
dotnet build bench/Candlefish.Bench.Proposal/Candlefish.Bench.Proposal.csproj -c Release -v quiet -nologo >/dev/null
bench=(dotnet bench/Candlefish.Bench.Proposal/bin/Release/net10.0/Candlefish.Bench.Proposal.dll)

echo "Provisioning the tenant and its estimate…"
"${bench[@]}" setup

echo "Proposal PDF ($pdf_runs runs after 5 to warm up):"
"${bench[@]}" pdf --runs "$pdf_runs"
