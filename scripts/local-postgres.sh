# shellcheck shell=bash
# Sourced by run.sh and test.sh: starts (or reuses) a private PostgreSQL cluster for this checkout and
# exports CF_PG_HOST, CF_PG_PORT, CF_PG_USER, CF_PG_PASSWORD and CF_PG_ADMIN (a superuser connection string).
#
# - Uses the machine's PostgreSQL server binaries (installs Debian's postgresql when root and missing).
# - PostgreSQL refuses to run as root: as root the server runs as the 'postgres' user through runuser, in a
#   folder that user can reach (/var/tmp/candlefish-pg/<checkout hash>); as a normal user, in .local/postgres.
# - Listens on 127.0.0.1 only, on a free port (kept for the next run when still free), with scram password auth.

cf_pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" ]] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

cf_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# cf_pg_start REPO [NAME]: NAME keeps separate clusters apart (run.sh's "app", test.sh's "test"), so stopping
# one never stops the other.
cf_pg_start() {
  local repo="$1" name="${2:-app}"
  local bin
  if ! bin="$(cf_pg_bin_dir)"; then
    if [[ $EUID -eq 0 ]]; then
      echo "Installing PostgreSQL (apt-get install postgresql)…" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || {
        echo "error: could not install PostgreSQL. Install it (apt-get install postgresql) or set ConnectionStrings__Catalog." >&2
        return 1
      }
      bin="$(cf_pg_bin_dir)"
    else
      echo "error: PostgreSQL server binaries (initdb) are not installed. Run: sudo apt-get install postgresql" >&2
      echo "       or point the app at a database with ConnectionStrings__Catalog." >&2
      return 1
    fi
  fi

  local base run_as=()
  if [[ $EUID -eq 0 ]]; then
    local key
    key="$(printf '%s' "$repo" | sha1sum | cut -c1-12)-$name"
    base="/var/tmp/candlefish-pg/$key"
    mkdir -p "$base"
    chmod 755 /var/tmp/candlefish-pg
    chown postgres:postgres "$base"
    chmod 700 "$base"
    run_as=(runuser -u postgres --)
  else
    base="$repo/.local/postgres-$name"
    mkdir -p "$base"
    chmod 700 "$base"
  fi

  local data="$base/data" socket="$base/socket" secrets="$repo/.local/postgres-secrets/$name"
  mkdir -p "$secrets"
  chmod 700 "$secrets"

  # A throw-away cluster (tests, benchmarks) left behind by a deleted checkout at the same path: its password went
  # with that checkout, and nothing in it is worth keeping, so start over. The app's cluster is never wiped.
  if [[ "$name" != app && -f "$data/PG_VERSION" && ! -s "$secrets/password" ]]; then
    echo "Removing the orphaned $name cluster in $base (its checkout's password is gone)…" >&2
    "${run_as[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$data" "$socket"
  fi

  # The password lives with the checkout (readable by its user only); the server keeps only its hash.
  if [[ ! -s "$secrets/password" || ! -f "$data/PG_VERSION" ]]; then
    if [[ ! -f "$data/PG_VERSION" ]]; then
      head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$secrets/password"
      chmod 600 "$secrets/password"
      local pwfile="$base/initpw"
      cp "$secrets/password" "$pwfile"
      [[ $EUID -eq 0 ]] && chown postgres:postgres "$pwfile"
      "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$base/initdb.log" 2>&1 || {
        rm -f "$pwfile"; echo "error: initdb failed, see $base/initdb.log" >&2; return 1; }
      rm -f "$pwfile"
    else
      echo "error: $data exists but its password ($secrets/password) is missing. Remove $base to start over." >&2
      return 1
    fi
  fi
  "${run_as[@]}" mkdir -p "$socket"

  local port=""
  export CF_PG_STARTED=0
  if "${run_as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    port="$(sed -n 4p "$data/postmaster.pid")"
  else
    local stored=""
    [[ -f "$secrets/port" ]] && stored="$(cat "$secrets/port")"
    if [[ -n "$stored" ]] && cf_port_free "$stored"; then
      port="$stored"
    else
      local p
      for p in $(seq 54330 54999); do
        if cf_port_free "$p"; then port="$p"; break; fi
      done
    fi
    [[ -n "$port" ]] || { echo "error: no free port for PostgreSQL in 54330-54999" >&2; return 1; }
    "${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
      -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$socket -c max_connections=300 -c synchronous_commit=off" \
      start >/dev/null || { echo "error: PostgreSQL did not start, see $base/server.log" >&2; return 1; }
    CF_PG_STARTED=1
  fi
  echo "$port" > "$secrets/port"

  export CF_PG_HOST=127.0.0.1
  export CF_PG_PORT="$port"
  export CF_PG_USER=postgres
  CF_PG_PASSWORD="$(cat "$secrets/password")"
  export CF_PG_PASSWORD
  export CF_PG_DATA="$data"
  export CF_PG_BIN="$bin"
  export CF_PG_ADMIN="Host=127.0.0.1;Port=$port;Username=postgres;Password=$CF_PG_PASSWORD"
  export CF_PG_RUN_AS="${run_as[*]}"
}

cf_psql() {
  PGPASSWORD="$CF_PG_PASSWORD" "$CF_PG_BIN/psql" -h 127.0.0.1 -p "$CF_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# The app's two roles (DESIGN.md, "Defence in depth"): candlefish_owner owns schemas, tables and tenant
# databases (CREATEDB, used by migrations and provisioning); candlefish_app owns nothing, is no superuser and
# has no BYPASSRLS. Passwords are generated once and kept in .local/postgres-secrets. Exports CF_OWNER_PASSWORD
# and CF_APP_PASSWORD.
cf_pg_ensure_roles() {
  local secrets="$1/.local/postgres-secrets/${2:-app}" role
  for role in owner app; do
    if [[ ! -s "$secrets/$role-password" ]]; then
      head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$secrets/$role-password"
      chmod 600 "$secrets/$role-password"
    fi
  done
  CF_OWNER_PASSWORD="$(cat "$secrets/owner-password")"
  CF_APP_PASSWORD="$(cat "$secrets/app-password")"
  export CF_OWNER_PASSWORD CF_APP_PASSWORD
  cf_psql <<SQL
SELECT 'CREATE ROLE candlefish_owner' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'candlefish_owner') \gexec
SELECT 'CREATE ROLE candlefish_app' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'candlefish_app') \gexec
ALTER ROLE candlefish_owner WITH LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD '$CF_OWNER_PASSWORD';
ALTER ROLE candlefish_app WITH LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD '$CF_APP_PASSWORD';
SQL
}

# Creates the database (owned by candlefish_owner) if it does not exist.
cf_pg_ensure_database() {
  local name="$1"
  local exists
  exists="$(PGPASSWORD="$CF_PG_PASSWORD" "$CF_PG_BIN/psql" -h 127.0.0.1 -p "$CF_PG_PORT" -U postgres -d postgres -Atc \
    "SELECT 1 FROM pg_database WHERE datname = '$name'")"
  if [[ "$exists" != "1" ]]; then
    cf_psql -c "CREATE DATABASE \"$name\" OWNER candlefish_owner" >/dev/null
  fi
}

# cf_pg_fresh_platform NAME PREFIX: a benchmark's platform database NAME, empty (dropped with the tenant databases named
# PREFIX* of an earlier run, then created), and the app's connection settings for it exported (both roles, the prefix).
cf_pg_fresh_platform() {
  local name="$1" prefix="$2" db
  for db in $(cf_psql -c "SELECT datname FROM pg_database WHERE datname = '$name' OR datname LIKE '${prefix%_}\\_%'"); do
    cf_psql -c "DROP DATABASE \"$db\" WITH (FORCE)" >/dev/null
  done
  cf_pg_ensure_database "$name"
  export ConnectionStrings__Catalog="Host=127.0.0.1;Port=$CF_PG_PORT;Database=$name;Username=candlefish_owner;Password=$CF_OWNER_PASSWORD"
  export ConnectionStrings__App="Host=127.0.0.1;Port=$CF_PG_PORT;Database=$name;Username=candlefish_app;Password=$CF_APP_PASSWORD"
  export Candlefish__Database__TenantDatabasePrefix="$prefix"
}

# Stops the cluster if this script started it (one already running, e.g. for a ./run.sh in another
# terminal, is left alone). Its folder stays, to be reused next time.
cf_pg_stop_if_started() {
  if [[ "${CF_PG_STARTED:-0}" == 1 ]]; then
    # shellcheck disable=SC2086
    $CF_PG_RUN_AS "$CF_PG_BIN/pg_ctl" -D "$CF_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# A benchmark's private cluster NAME for the checkout REPO with a fresh platform database DB (role prefix PREFIX),
# stopped when the script exits.
cf_bench_postgres() {
  local repo="$1" name="$2" db="$3" prefix="$4"
  cf_pg_start "$repo" "$name"
  cf_pg_ensure_roles "$repo" "$name"
  trap cf_pg_stop_if_started EXIT
  cf_pg_fresh_platform "$db" "$prefix"
}

# The machine's Chromium for the PDF renderer (CANDLEFISH_CHROMIUM), or an error that says how to install it.
cf_require_chromium() {
  export CANDLEFISH_CHROMIUM="${CANDLEFISH_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
  [[ -n "$CANDLEFISH_CHROMIUM" ]] || { echo "error: Chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
}
