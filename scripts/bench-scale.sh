#!/usr/bin/env bash
# One installation under a whole team's load, served by one or more server processes behind
# nginx (the server package's example site, crates/server/debian/nginx.conf):
#
#   bash scripts/bench-scale.sh [PROCESSES] [DESKTOPS]      (defaults: 1 200)
#
# Builds the release server and CLI, starts a throwaway PostgreSQL, PROCESSES
# `talentdesk-server serve` processes and nginx in front of them, makes DESKTOPS users, and runs
# `talentdesk-cli bench scale --json` through nginx; then stops everything and removes it.
# Everything listens on 127.0.0.1 only. docs/scaling.md reads the numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
ensure_apt_packages

processes=${1:-1}
desktops=${2:-200}
cargo build --release --quiet -p talentdesk-server -p talentdesk-cli
server=$PWD/target/release/talentdesk-server
cli=$PWD/target/release/talentdesk-cli

work=$(mktemp -d /tmp/talentdesk-scale.XXXXXX)
chmod 755 "$work"
pg_dir=$work/postgres
pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n1)
initdb=$(dirname "$pg_ctl")/initdb
pids=()

# PostgreSQL refuses to run as root: as root it runs as the postgres user.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [ -f "$pg_dir/PG_VERSION" ] && as_postgres "$pg_ctl" -D "$pg_dir" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() {
    local deadline=$((SECONDS + 60))
    until curl -fsS -o /dev/null "$1/ready" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || { echo "$1 did not become ready" >&2; tail -20 "$work"/server-*.log >&2; exit 1; }
        sleep 0.2
    done
}

echo "== PostgreSQL"
db_port=$(free_port)
mkdir -p "$pg_dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pg_dir"
as_postgres "$initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 >/dev/null
# Each process opens up to 16 connections; the default 100 would do for 6 processes.
as_postgres "$pg_ctl" -D "$pg_dir" -l "$pg_dir/log" -w \
    -o "-k $pg_dir -p $db_port -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
as_postgres psql -q -h "$pg_dir" -p "$db_port" -U postgres -c "CREATE DATABASE talentdesk" postgres
export TALENTDESK_DATABASE_URL="postgres://postgres@127.0.0.1:$db_port/talentdesk"
export TALENTDESK_PASSWORD="bench-scale-password"

echo "== the org and $desktops users"
"$server" admin create-org --name Bench >/dev/null
for n in $(seq 1 "$desktops"); do
    "$server" admin create-user --org Bench --email "desk$n@bench.test" --name "Desk $n" --role recruiter >/dev/null
done

echo "== $processes server process(es)"
upstream=""
for n in $(seq 1 "$processes"); do
    port=$(free_port)
    # nginx is the proxy: sign-in throttling must count the desktops, not it.
    printf 'listen = "127.0.0.1:%s"\nblob_dir = "%s/blobs"\ntrusted_proxies = ["127.0.0.1"]\n' \
        "$port" "$work" >"$work/server-$n.toml"
    "$server" --config "$work/server-$n.toml" serve >"$work/server-$n.log" 2>&1 &
    pids+=($!)
    wait_ready "http://127.0.0.1:$port"
    upstream+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;\n"
done

echo "== nginx"
front=$(free_port)
# The shipped site, with its upstream servers and listen address replaced.
awk -v upstream="$upstream" -v front="$front" '
    /^ *server 127\.0\.0\.1:/ { if (!done) { printf "%s", upstream; done = 1 } next }
    /^ *listen / { print "    listen 127.0.0.1:" front ";"; next }
    { print }
' crates/server/debian/nginx.conf >"$work/site.conf"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
error_log $work/nginx-error.log;
pid $work/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/site.conf;
}
EOF
nginx -p "$work" -c "$work/nginx.conf"
wait_ready "http://127.0.0.1:$front"

echo "== bench scale: $desktops desktops through nginx to $processes process(es)"
"$cli" bench scale --server "http://127.0.0.1:$front" --email 'desk{}@bench.test' --desktops "$desktops" --json
