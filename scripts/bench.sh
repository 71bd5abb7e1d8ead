#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md's table on a 1,000,000-candidate database (made with
# `talentdesk-cli demo` when missing), writes each one's JSON to target/bench/, rewrites the
# table's figures and dates (scripts/bench_table.py) and prints how long it all took.
#
#   scripts/bench.sh                 # everything
#   BENCH_ONLY="bulk app" scripts/bench.sh
#
# TALENTDESK_BENCH_DB: the database (default target/bench/big.db; `bench bulk` changes it: a
# tag it deletes again, and reviews). BENCH_NO_BUILD=1 uses the release builds as they are
# (TALENTDESK_CLI another CLI binary). BENCH_SERVER_CANDIDATES: the server org's size (default
# 100,000). `bench app` needs an X display: without DISPLAY it runs under xvfb-run. Its cold
# start drops the operating system's file cache, which needs root; otherwise it says so.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

out=target/bench
mkdir -p "$out"
db=${TALENTDESK_BENCH_DB:-$out/big.db}
only=${BENCH_ONLY:-"search typing palette board bulk app server"}
cli=${TALENTDESK_CLI:-target/release/talentdesk-cli}
wants() { [[ " $only " == *" $1 "* ]]; }
step() { printf '\n== %s (load: %s)\n' "$1" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

if [ -z "${BENCH_NO_BUILD:-}" ]; then
    step "build (release)"
    (cd ui && npm run build --silent)
    cargo build --release --locked -p talentdesk-cli -p talentdesk-app -p talentdesk-server
fi

# Only the desktop's benchmarks read the database: `BENCH_ONLY=server` does not make it.
wants_db=0
for bench in search typing palette board bulk app; do wants "$bench" && wants_db=1; done
if [ $wants_db -eq 1 ] && [ ! -f "$db" ]; then
    step "demo database of 1,000,000 candidates at $db"
    demo_started=$(date +%s.%N)
    "$cli" demo --candidates 1000000 --db "$db"
    echo "{\"demo_1m_s\": $(awk "BEGIN { print $(date +%s.%N) - $demo_started }")}" >"$out/demo.json"
fi

run() { # name, then the bench's arguments
    local name=$1
    shift
    step "bench $name"
    "$cli" bench "$name" "$@" --json | tee "$out/$name.json"
}

wants search && run search --db "$db"
wants typing && run typing --db "$db"
wants palette && run palette --db "$db"
wants board && run board --db "$db"
wants bulk && run bulk --db "$db"

if wants app; then
    cold=()
    [ "$(id -u)" -eq 0 ] && cold=(--cold)
    display=()
    [ -z "${DISPLAY:-}" ] && display=(xvfb-run -a -s "-screen 0 1440x900x24")
    step "bench app"
    "${display[@]}" "$cli" bench app --db "$db" --app target/release/talentdesk "${cold[@]}" --json | tee "$out/app.json"
fi

if wants server; then
    # A throwaway PostgreSQL cluster, a server on it and a demo org.
    pg=$(mktemp -d /tmp/talentdesk-bench-pg.XXXXXX)
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    as_pg=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$pg"
        as_pg=(runuser -u postgres --)
    fi
    port=$((45000 + RANDOM % 5000))
    server_pid=
    stop_server() {
        [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
        "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$pg"
    }
    trap stop_server EXIT
    "${as_pg[@]}" "$pgbin/initdb" -D "$pg" -U postgres --auth=trust -E UTF8 >/dev/null
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$pg" -l "$pg/log" -w \
        -o "-k $pg -p $port -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    "${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres talentdesk
    export TALENTDESK_DATABASE_URL="postgres://postgres@127.0.0.1:$port/talentdesk"
    export TALENTDESK_LISTEN="127.0.0.1:$((port + 1))" TALENTDESK_BLOB_DIR="$pg/blobs"
    export TALENTDESK_PASSWORD=talentdesk-demo
    step "server demo org of ${BENCH_SERVER_CANDIDATES:-100000} candidates"
    target/release/talentdesk-server admin create-org --name Acme
    target/release/talentdesk-server demo --org Acme --candidates "${BENCH_SERVER_CANDIDATES:-100000}"
    # bench server's webhook receiver listens on this machine, which servers refuse by default;
    # its sign-ups all come from this machine's address, more than one address may send an
    # hour; the sign-up page posts back to the public address.
    printf 'webhooks_allow_private = true\npublic_url = "http://%s"\n[signup]\nper_address_per_hour = 100000\n' \
        "$TALENTDESK_LISTEN" >"$pg/server.toml"
    target/release/talentdesk-server serve --config "$pg/server.toml" >"$pg/server.log" 2>&1 &
    server_pid=$!
    until curl -s "http://$TALENTDESK_LISTEN/" >/dev/null; do sleep 0.2; done
    step "bench server"
    "$cli" bench server --server "http://$TALENTDESK_LISTEN" --email rita.okafor@acme-talent.example --json |
        tee "$out/server.json"
    stop_server
    trap - EXIT
fi

python3 scripts/bench_table.py BENCHMARKS.md "$out"
echo
echo "scripts/bench.sh took $(($(date +%s) - started)) s"
