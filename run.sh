#!/usr/bin/env bash
# Runs Candlefish locally. See README.md.
#   ./run.sh [--port N] [--demo]
# With no ConnectionStrings__Catalog set (and __App: the owner and app roles) it starts a private PostgreSQL for this checkout, migrates it and
# seeds the demo tenants on an empty database. With one set, it migrates that database and seeds only with --demo.
set -euo pipefail
cd "$(dirname "$0")"
repo="$(pwd)"

port=5000
demo=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    --demo) demo=true; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (use --port N, --demo)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$port" -ge 1 && "$port" -le 65535 ]] || { echo "error: --port must be a number from 1 to 65535" >&2; exit 2; }

# shellcheck source=scripts/local-postgres.sh
source scripts/local-postgres.sh
if ! cf_port_free "$port"; then
  echo "error: port $port is already in use. Stop what is using it or choose another: ./run.sh --port 5050" >&2
  exit 1
fi

if [[ -z "${ConnectionStrings__Catalog:-}" ]]; then
  cf_pg_start "$repo"
  trap cf_pg_stop_if_started EXIT
  cf_pg_ensure_roles "$repo"
  cf_pg_ensure_database candlefish
  export ConnectionStrings__Catalog="Host=127.0.0.1;Port=$CF_PG_PORT;Database=candlefish;Username=candlefish_owner;Password=$CF_OWNER_PASSWORD"
  export ConnectionStrings__App="Host=127.0.0.1;Port=$CF_PG_PORT;Database=candlefish;Username=candlefish_app;Password=$CF_APP_PASSWORD"
  demo=true # seeds only when the catalog is empty
  echo "PostgreSQL: 127.0.0.1:$CF_PG_PORT (data in $CF_PG_DATA)"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build Candlefish.Web/Candlefish.Web.csproj -c Release -nologo -v quiet
echo
echo "Candlefish: http://localhost:$port"
echo "  tenants:  http://acme.localhost:$port  http://kindhome.localhost:$port  http://encore.localhost:$port"
echo "  API docs: http://localhost:$port/api/docs"
echo
# Not exec: when the app stops (Ctrl+C), the EXIT trap stops the PostgreSQL this script started.
dotnet Candlefish.Web/bin/Release/net10.0/Candlefish.Web.dll \
  --urls "http://localhost:$port" \
  --contentRoot "$repo/Candlefish.Web" \
  --Candlefish:Database:MigrateOnStart=true \
  --Candlefish:Demo:SeedWhenEmpty="$demo" &
app=$!
trap 'kill -TERM "$app" 2>/dev/null' INT TERM
status=0
wait "$app" || status=$?
# A signal interrupts the first wait; wait again for the app's graceful shutdown.
if kill -0 "$app" 2>/dev/null; then wait "$app" || status=$?; fi
exit "$status"
