#!/usr/bin/env bash
# A city's topology on one machine, from Debian's packages: a PostgreSQL primary and a streaming
# replica (clusters of their own, not the machine's PostgreSQL), PgBouncer in transaction mode in
# front of the primary, two app instances, nginx round robin in front of them.
#
#   scripts/scale-out.sh start|stop|status
#
# Everything lives under .scale-out/ (SCALE_OUT_DIR): data directories, configs, logs, pid files.
# `stop` keeps the data; remove the directory to start from scratch. See docs/OPERATIONS.md
# "Scale-out" for what each piece is for.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIR=$(realpath -m "${SCALE_OUT_DIR:-.scale-out}")
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_PORT=${PRIMARY_PORT:-25432}
REPLICA_PORT=${REPLICA_PORT:-25433}
PGBOUNCER_PORT=${PGBOUNCER_PORT:-26432}
APP_PORTS=(${APP_PORTS:-23001 23002})
NGINX_PORT=${NGINX_PORT:-28080}
DB=hatchery
# PostgreSQL and PgBouncer refuse to run as root: as root, they run as this user.
SERVICE_USER=${SERVICE_USER:-postgres}

log() { echo "scale-out: $*"; }
die() {
  echo "scale-out: $*" >&2
  exit 1
}

# Runs a PostgreSQL or PgBouncer command as the service user when we are root.
as_service() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$SERVICE_USER" -- "$@"
  else
    "$@"
  fi
}

alive() { [ -f "$1" ] && kill -0 "$(head -n 1 "$1")" 2>/dev/null; }

wait_for() { # wait_for <what> <command...>: up to WAIT_SECONDS (60 s)
  local what=$1
  shift
  for _ in $(seq 1 $((${WAIT_SECONDS:-60} * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$what did not come up (logs in $DIR)"
}

ensure_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}: apt-get install ${missing[*]} (as root)"
    log "installing ${missing[*]}"
    apt-get update -q >/dev/null
    # Debian's packages try to start their own services; we run ours on other ports instead.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
  if [ "$(id -u)" -eq 0 ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
    useradd --system --home-dir "$DIR" --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; }

psql_primary() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres "$@"; }

start_primary() {
  local data=$DIR/pg/primary
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initdb primary"
    as_service "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/log/initdb.log"
    cat >>"$data/postgresql.conf" <<EOF
# scale-out.sh
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR/pg/run'
max_connections = 200
wal_level = replica
max_wal_senders = 5
hot_standby = on
# Figures read on the replica must not cancel for rows the primary vacuums meanwhile.
hot_standby_feedback = on
EOF
    # Trust on the loopback only: this topology is for one machine. A city sets scram-sha-256.
    cat >"$data/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
EOF
  fi
  if ! pg_ready "$PRIMARY_PORT"; then
    as_service "$PG_BIN/pg_ctl" -D "$data" -l "$DIR/log/primary.log" -w start >/dev/null
  fi
  if [ -z "$(psql_primary -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    psql_primary -d postgres -c "CREATE DATABASE $DB"
  fi
}

start_replica() {
  local data=$DIR/pg/replica
  if [ ! -f "$data/PG_VERSION" ]; then
    log "pg_basebackup replica"
    # -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
    as_service "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast
    echo "port = $REPLICA_PORT" | as_service tee -a "$data/postgresql.conf" >/dev/null
  fi
  if ! pg_ready "$REPLICA_PORT"; then
    as_service "$PG_BIN/pg_ctl" -D "$data" -l "$DIR/log/replica.log" -w start >/dev/null
  fi
}

start_pgbouncer() {
  local conf=$DIR/pgbouncer/pgbouncer.ini
  cat >"$conf" <<EOF
[databases]
$DB = host=127.0.0.1 port=$PRIMARY_PORT dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/pgbouncer/users.txt
; A server connection serves one transaction, then the next client's: many app connections
; share few PostgreSQL backends. Nothing session-level may pass here (DATABASE_DIRECT_URL).
pool_mode = transaction
; The console (database "pgbouncer": SHOW POOLS, SHOW CLIENTS) for the topology test.
admin_users = postgres
max_client_conn = 500
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
logfile = $DIR/log/pgbouncer.log
pidfile = $DIR/pgbouncer/pgbouncer.pid
EOF
  echo '"postgres" ""' >"$DIR/pgbouncer/users.txt"
  if ! alive "$DIR/pgbouncer/pgbouncer.pid"; then
    as_service pgbouncer -d "$conf"
    wait_for "PgBouncer" pg_ready "$PGBOUNCER_PORT"
  fi
}

start_app() {
  local n=$1 port=$2 pidfile=$DIR/app/app$1.pid
  if alive "$pidfile"; then return 0; fi
  # Every instance shares DATA_DIR: the uploaded files and the session secret are the same for all.
  (
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PGBOUNCER_PORT/$DB"
    export DATABASE_DIRECT_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB"
    export DATABASE_READ_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB"
    export DATA_DIR=$DIR/data PORT=$port HOST=127.0.0.1 TRUST_PROXY=true
    export EMAIL_POLL_SECONDS=${EMAIL_POLL_SECONDS:-2} SMS_POLL_SECONDS=${SMS_POLL_SECONDS:-2}
    # `npm start`'s way: build what is stale, then run the bundle.
    # nohup: the instances outlive the terminal the script was started from.
    exec nohup node scripts/start.mjs
  ) >"$DIR/log/app$n.log" 2>&1 &
  echo $! >"$pidfile"
  # The first start of a clean clone builds the web app and the server first: minutes, not seconds.
  WAIT_SECONDS=600 wait_for "app instance $n (port $port)" curl -fsS "http://127.0.0.1:$port/api/health"
}

start_nginx() {
  local conf=$DIR/nginx/nginx.conf user_line=""
  if [ "$(id -u)" -eq 0 ]; then user_line="user $SERVICE_USER;"; fi
  local servers=""
  for port in "${APP_PORTS[@]}"; do servers+="    server 127.0.0.1:$port;"$'\n'; done
  mkdir -p "$DIR/nginx/tmp"
  if [ "$(id -u)" -eq 0 ]; then chown "$SERVICE_USER" "$DIR/nginx/tmp"; fi
  cat >"$conf" <<EOF
$user_line
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/log/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $DIR/log/nginx-access.log;
  client_body_temp_path $DIR/nginx/tmp/body;
  proxy_temp_path $DIR/nginx/tmp/proxy;
  fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
  scgi_temp_path $DIR/nginx/tmp/scgi;
  client_max_body_size 12m;
  # Round robin (nginx's default): consecutive requests go to different instances.
  upstream hatchery {
$servers    keepalive 16;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://hatchery;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # Which instance answered: the two-instance test checks that requests alternate.
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
EOF
  if ! alive "$DIR/nginx/nginx.pid"; then
    nginx -e "$DIR/log/nginx-error.log" -c "$conf" -p "$DIR/nginx"
    wait_for "nginx" curl -fsS "http://127.0.0.1:$NGINX_PORT/api/health"
  fi
}

start() {
  ensure_packages
  mkdir -p "$DIR"/{pg/run,log,pgbouncer,app,nginx,data}
  if [ "$(id -u)" -eq 0 ] && ! runuser -u "$SERVICE_USER" -- test -x "$DIR"; then
    die "the $SERVICE_USER user cannot reach $DIR (a parent directory is closed to it): set SCALE_OUT_DIR to a directory it can reach, e.g. under /tmp or /srv"
  fi
  if [ "$(id -u)" -eq 0 ]; then chown -R "$SERVICE_USER" "$DIR/pg" "$DIR/log" "$DIR/pgbouncer"; fi
  chmod 700 "$DIR/pg"
  start_primary
  start_replica
  start_pgbouncer
  # One after the other: the first migrates and loads the demo data into the empty database
  # (the migration lock would make a second wait anyway), the second finds it done.
  local n=1
  for port in "${APP_PORTS[@]}"; do
    start_app "$n" "$port"
    n=$((n + 1))
  done
  start_nginx
  status
  log "ready: http://127.0.0.1:$NGINX_PORT (stop: scripts/scale-out.sh stop)"
}

stop_pid() { # stop_pid <name> <pid file>: TERM, then wait up to 20 s
  local name=$1 pidfile=$2
  if alive "$pidfile"; then
    local pid
    pid=$(head -n 1 "$pidfile")
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then die "$name (pid $pid) did not stop"; fi
    log "stopped $name"
  fi
  rm -f "$pidfile"
}

stop() {
  [ -d "$DIR" ] || { log "nothing to stop ($DIR does not exist)"; return 0; }
  if alive "$DIR/nginx/nginx.pid"; then
    nginx -e "$DIR/log/nginx-error.log" -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s quit
    for _ in $(seq 1 40); do alive "$DIR/nginx/nginx.pid" || break; sleep 0.5; done
    log "stopped nginx"
  fi
  for pidfile in "$DIR"/app/app*.pid; do
    [ -e "$pidfile" ] && stop_pid "app $(basename "$pidfile" .pid)" "$pidfile"
  done
  stop_pid pgbouncer "$DIR/pgbouncer/pgbouncer.pid"
  for cluster in replica primary; do
    if [ -f "$DIR/pg/$cluster/postmaster.pid" ]; then
      as_service "$PG_BIN/pg_ctl" -D "$DIR/pg/$cluster" -m fast -w stop >/dev/null
      log "stopped $cluster"
    fi
  done
}

status() {
  local down=0
  line() { printf '  %-10s %-6s %s\n' "$1" "$2" "$3"; }
  check() { if "$@" >/dev/null 2>&1; then echo up; else echo down; fi; }
  local s
  s=$(check pg_ready "$PRIMARY_PORT")
  line primary "$s" "127.0.0.1:$PRIMARY_PORT"
  [ "$s" = up ] || down=1
  s=$(check pg_ready "$REPLICA_PORT")
  local recovery=""
  if [ "$s" = up ]; then
    recovery=$("$PG_BIN/psql" -X -tA -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres \
      -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'streaming from the primary' ELSE 'NOT A REPLICA' END")
  fi
  line replica "$s" "127.0.0.1:$REPLICA_PORT $recovery"
  [ "$s" = up ] || down=1
  s=$(check pg_ready "$PGBOUNCER_PORT")
  line pgbouncer "$s" "127.0.0.1:$PGBOUNCER_PORT (transaction mode)"
  [ "$s" = up ] || down=1
  local n=1
  for port in "${APP_PORTS[@]}"; do
    s=$(check curl -fsS "http://127.0.0.1:$port/api/health")
    line "app$n" "$s" "127.0.0.1:$port"
    [ "$s" = up ] || down=1
    n=$((n + 1))
  done
  s=$(check curl -fsS "http://127.0.0.1:$NGINX_PORT/api/health")
  line nginx "$s" "http://127.0.0.1:$NGINX_PORT"
  [ "$s" = up ] || down=1
  return $down
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*) die "usage: scripts/scale-out.sh start|stop|status" ;;
esac
