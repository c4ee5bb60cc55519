#!/usr/bin/env bash
# Runs the whole test suite. See README.md.
# Starts the private PostgreSQL (as run.sh does), installs Chromium where missing, builds, runs every test and
# ends with one line "N passed, N failed, N skipped" computed from the test results.
set -uo pipefail
cd "$(dirname "$0")"
repo="$(pwd)"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh
cf_pg_start "$repo" test || exit 1
trap cf_pg_stop_if_started EXIT
export CANDLEFISH_TEST_POSTGRES="$CF_PG_ADMIN"
export CANDLEFISH_PG_BIN="$CF_PG_BIN" # to start a second local server for the second-server tests
echo "PostgreSQL for tests: 127.0.0.1:$CF_PG_PORT"

chromium_path="${CANDLEFISH_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$chromium_path" ]]; then
  if [[ $EUID -eq 0 ]]; then
    echo "Installing Chromium (apt-get install chromium)…"
    for attempt in 1 2 3; do
      if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then break; fi
      echo "apt-get failed (attempt $attempt); retrying in 10 s (the apt lock may be held)…"; sleep 10
    done
    chromium_path="$(command -v chromium || true)"
  fi
  if [[ -z "$chromium_path" ]]; then
    echo "error: Chromium is not installed and cannot be installed by this user." >&2
    echo "       Run as root: apt-get update && apt-get install -y chromium   (or set CANDLEFISH_CHROMIUM=/path/to/chromium)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
export CANDLEFISH_CHROMIUM="$chromium_path"

# axe-core for the accessibility checks, pinned in its package-lock.json.
axe_dir="$repo/Candlefish.Tests/E2E/Accessibility"
if [[ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]]; then
  if command -v npm >/dev/null; then
    npm ci --prefix "$axe_dir" --no-audit --no-fund --silent || echo "warning: npm ci failed; the accessibility tests will fail" >&2
  else
    echo "warning: npm is missing (apt-get install -y npm); the accessibility tests will fail" >&2
  fi
fi
export CANDLEFISH_AXE="$axe_dir/node_modules/axe-core/axe.min.js"

# The BART golden tests read the real workbooks from shared/ beside the repository (they fail, not skip, without them).
if [[ -z "${CANDLEFISH_BART_DIR:-}" ]]; then
  CANDLEFISH_BART_DIR="$repo/../shared/paintbox/bart"
  # A clone with no shared/ beside it (CI) uses the copies kept with the tests.
  [[ -d "$CANDLEFISH_BART_DIR" ]] || CANDLEFISH_BART_DIR="$repo/Candlefish.Tests/Infrastructure/Paintbox/Workbooks"
fi
export CANDLEFISH_BART_DIR

results="$repo/TestResults"
rm -rf "$results"
export CANDLEFISH_SCREENSHOTS="$results/screenshots"
dotnet build Candlefish.sln -nologo -v quiet
build_status=$?
if [[ $build_status -ne 0 ]]; then
  echo "error: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Candlefish.sln --no-build -nologo --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
test_status=$?

passed=0 failed=0 skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx "$results"/**/*.trx)
for trx in "${trx_files[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [[ ${#trx_files[@]} -eq 0 ]]; then
  echo "error: no test results were written" >&2
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [[ $test_status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
