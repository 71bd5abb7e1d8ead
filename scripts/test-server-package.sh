#!/usr/bin/env bash
# The server's Debian package as an admin meets it: built from the debug binary the tests
# already built (no release build), installed with apt-get, its user, unit and settings file
# checked; the installed server started as the service would start it, before its database
# is up (it waits, saying why), then ready; an admin made with `talentdesk-server admin` signs
# in and uploads a document; /metrics read; the server stopped; the package installed again
# as an upgrade (the admin's settings, the database and the documents kept); removed.
# Under a running systemd the unit itself is started and stopped too; without one (CI) the test
# says so and runs the unit's command line as its user instead. Needs root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '  %s\n' "$*"; }
fail() {
    printf 'FAILED: %s\n' "$*" >&2
    # The logs outlive the test's folder, for whoever looks into it.
    mkdir -p /tmp/talentdesk-package-logs && cp "$work"/*.log /tmp/talentdesk-package-logs/ 2>/dev/null || true
    printf 'logs in /tmp/talentdesk-package-logs\n' >&2
    exit 1
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Outputs are read whole before being searched: `grep -q` quits at the first match, and under
# pipefail the writer it left behind would fail the pipe.
if [ "$(dpkg-query -W -f='${Status}' talentdesk-server 2>/dev/null)" = "install ok installed" ]; then
    fail "talentdesk-server is installed on this machine already; this test would replace it"
fi

work=$(mktemp -d /tmp/talentdesk-package.XXXXXX)
chmod 755 "$work"
server_pid=""
pg_dir="$work/postgres"
pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n1)
initdb=$(dirname "$pg_ctl")/initdb

cleanup() {
    [ -n "$server_pid" ] && as_root kill "$server_pid" 2>/dev/null || true
    if [ -f "$pg_dir/PG_VERSION" ]; then
        as_root runuser -u postgres -- "$pg_ctl" -D "$pg_dir" -m immediate stop >/dev/null 2>&1 || true
    fi
    if dpkg-query -W talentdesk-server >/dev/null 2>&1; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq talentdesk-server >/dev/null 2>&1 || true
    fi
    # What a purge leaves by design (the documents, the system user) is this test's own.
    as_root rm -rf /var/lib/talentdesk
    if getent passwd talentdesk >/dev/null; then as_root userdel talentdesk || true; fi
    as_root rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits up to $2 seconds for the URL to answer 200.
wait_for() {
    local deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null "$1" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.2
    done
}

echo "== the package"
# With the features the tests build it with, so the binary the Rust tests made is reused as is.
cargo build --locked -q -p talentdesk-server --features talentdesk-server/testing
bash scripts/package-server.sh --profile dev --no-build --fast --deb-revision 1 --output "$work/old.deb" >/dev/null
# The same build as a later revision, to install over the first as an upgrade.
bash scripts/package-server.sh --profile dev --no-build --fast --deb-revision 2 --output "$work/new.deb" >/dev/null
info=$(dpkg-deb --info "$work/old.deb")
grep -q "Depends: .*libc6" <<<"$info" || fail "the package declares no dependency on libc6: $info"
conffiles=$(dpkg-deb --ctrl-tarfile "$work/old.deb" | tar -xO ./conffiles)
grep -qx /etc/talentdesk/server.toml <<<"$conffiles" || fail "/etc/talentdesk/server.toml is not a conffile: $conffiles"
say "built $(dpkg-deb --field "$work/old.deb" Package Version | tr '\n' ' ')($(du -h "$work/old.deb" | cut -f1))"

echo "== install"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$work/old.deb" \
    >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }
grep -q "set database_url in /etc/talentdesk/server.toml" "$work/install.log" ||
    fail "the install does not tell the admin what to configure: $(cat "$work/install.log")"
[ -x /usr/bin/talentdesk-server ] || fail "no /usr/bin/talentdesk-server"
[[ "$(getent passwd talentdesk)" == *:/usr/sbin/nologin ]] || fail "no system user talentdesk without a shell"
[ "$(stat -c '%U:%G %a' /etc/talentdesk/server.toml)" = "root:talentdesk 640" ] ||
    fail "server.toml is $(stat -c '%U:%G %a' /etc/talentdesk/server.toml), not root:talentdesk 640"
[ "$(stat -c '%U:%G %a' /var/lib/talentdesk/blobs)" = "talentdesk:talentdesk 750" ] || fail "no private /var/lib/talentdesk/blobs"
unit=/lib/systemd/system/talentdesk-server.service
[ -f "$unit" ] || unit=/usr/lib/systemd/system/talentdesk-server.service
for option in User=talentdesk ProtectSystem=strict ProtectHome=yes NoNewPrivileges=yes PrivateTmp=yes \
    ReadWritePaths=/var/lib/talentdesk Restart=on-failure; do
    grep -qx "$option" "$unit" || fail "the unit lacks $option"
done
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify "$unit" >"$work/verify.log" 2>&1 || fail "systemd-analyze verify: $(cat "$work/verify.log")"
fi
# Not enabled or started before the admin configured it.
[ ! -e /etc/systemd/system/multi-user.target.wants/talentdesk-server.service ] || fail "the unit was enabled at install"
say "user talentdesk, $unit, /etc/talentdesk/server.toml (root:talentdesk 640), /var/lib/talentdesk/blobs; the unit is not enabled"

# The unit's command line, as its user (exec'd: $! is the server, or sudo passing signals on),
# with the database from the environment.
db_port=$(free_port)
port=$(free_port)
database_url="postgres://postgres@127.0.0.1:$db_port/talentdesk"
serve() {
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    (exec "${sudo[@]}" setpriv --reuid=talentdesk --regid=talentdesk --init-groups \
        env TALENTDESK_DATABASE_URL="$database_url" TALENTDESK_LISTEN="127.0.0.1:$port" \
        /usr/bin/talentdesk-server --config /etc/talentdesk/server.toml serve >>"$work/server.log" 2>&1) &
    server_pid=$!
}
stop_server() {
    as_root kill -TERM "$server_pid"
    wait "$server_pid" || fail "the server did not exit cleanly on SIGTERM: $(tail -5 "$work/server.log")"
    server_pid=""
}
admin() {
    as_root runuser -u talentdesk -- env TALENTDESK_DATABASE_URL="$database_url" TALENTDESK_PASSWORD="a long admin password" \
        /usr/bin/talentdesk-server --config /etc/talentdesk/server.toml admin "$@" >>"$work/admin.log" 2>&1 ||
        fail "talentdesk-server admin $*: $(tail -5 "$work/admin.log")"
}
sign_in() {
    curl -fsS "http://127.0.0.1:$port/v1/auth/login" -H 'content-type: application/json' \
        -d '{"email":"ada@acme.test","password":"a long admin password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

echo "== the server, started before its database"
: >"$work/server.log"
serve
deadline=$((SECONDS + 20))
until grep -q "database at 127.0.0.1:$db_port unreachable: connection refused; retrying in" "$work/server.log"; do
    [ $SECONDS -lt $deadline ] || fail "the server did not say why it waits: $(cat "$work/server.log")"
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited instead of waiting: $(cat "$work/server.log")"
    sleep 0.2
done
say "$(grep -m1 -o "database at .*" "$work/server.log")"
mkdir -p "$pg_dir" && as_root chown postgres:postgres "$pg_dir"
as_root runuser -u postgres -- "$initdb" -D "$pg_dir" -U postgres --auth=trust -E UTF8 >/dev/null
# The database is made while PostgreSQL listens on its socket only: a server that reached it
# before it existed would rightly stop ("database does not exist" is no outage).
pg_start() {
    as_root runuser -u postgres -- "$pg_ctl" -D "$pg_dir" -l "$pg_dir/log" -w \
        -o "-k $pg_dir -p $db_port -c listen_addresses=$1 -c fsync=off" start >/dev/null
}
pg_start "''"
as_root runuser -u postgres -- psql -q -h "$pg_dir" -p "$db_port" -U postgres -c "CREATE DATABASE talentdesk" postgres
as_root runuser -u postgres -- "$pg_ctl" -D "$pg_dir" -w stop >/dev/null
pg_start 127.0.0.1
wait_for "http://127.0.0.1:$port/ready" 60 || fail "not ready after PostgreSQL came up: $(tail -20 "$work/server.log")"
grep -q "migrating an empty database to version" "$work/server.log" || fail "no migration message: $(cat "$work/server.log")"
say "ready once PostgreSQL was up: $(grep -m1 -o "migrating an empty database.*" "$work/server.log")"

echo "== an admin signs in and uploads a document"
admin create-org --name Acme
admin create-user --org Acme --email ada@acme.test --name Ada --role admin
token=$(sign_in) || fail "the admin cannot sign in"
printf 'a document kept across upgrades' >"$work/document"
sha=$(sha256sum "$work/document" | cut -d' ' -f1)
upload() {
    curl -sS -o /dev/null -w '%{http_code}' -X PUT "http://127.0.0.1:$port/v1/blobs/$sha" \
        -H "authorization: Bearer $token" --data-binary @"$work/document"
}
[ "$(upload)" = 201 ] || fail "the upload was refused"
[ -n "$(as_root find /var/lib/talentdesk/blobs -name "$sha")" ] || fail "the document is not in /var/lib/talentdesk/blobs"
metrics=$(curl -fsS "http://127.0.0.1:$port/metrics") || fail "/metrics refused this machine"
for line in 'talentdesk_http_requests_total{method="POST",route="/v1/auth/login",status="200"} 1' \
    'talentdesk_http_request_duration_seconds_bucket{method="PUT",route="/v1/blobs/{sha256}",le="+Inf"} 1' \
    'talentdesk_db_connections{state="idle"}'; do
    grep -qF "$line" <<<"$metrics" || fail "/metrics lacks $line: $metrics"
done
say "signed in, uploaded $sha, /metrics counts the sign-in by its route"
stop_server

echo "== upgrade over it"
# The admin's own change to the settings survives the upgrade.
as_root sed -i 's/^# max_connections = 16$/max_connections = 8/' /etc/talentdesk/server.toml
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 \
    -o Dpkg::Options::=--force-confold "$work/new.deb" >"$work/upgrade.log" 2>&1 ||
    { cat "$work/upgrade.log"; fail "the upgrade"; }
[[ "$(dpkg-query -W -f='${Version}' talentdesk-server)" == *-2 ]] || fail "the upgrade did not install revision 2"
grep -qx "max_connections = 8" /etc/talentdesk/server.toml || fail "the upgrade lost the admin's settings"
[ "$(stat -c '%U:%G %a' /etc/talentdesk/server.toml)" = "root:talentdesk 640" ] || fail "the upgrade changed server.toml's owner or mode"
serve
wait_for "http://127.0.0.1:$port/ready" 60 || fail "not ready after the upgrade: $(tail -20 "$work/server.log")"
grep -q "the database is at schema version .*, as this server expects" "$work/server.log" ||
    fail "the second start did not report the schema: $(tail -20 "$work/server.log")"
token=$(sign_in) || fail "the admin cannot sign in after the upgrade"
[ -n "$(as_root find /var/lib/talentdesk/blobs -name "$sha")" ] || fail "the upgrade removed the document's file"
# Stored already: the server still has it.
[ "$(upload)" = 200 ] || fail "the document is gone after the upgrade"
say "$(dpkg-query -W -f='${Version}' talentdesk-server): settings, users and documents kept"
stop_server

echo "== under systemd"
state=$(systemctl is-system-running 2>/dev/null || true)
if [ "$state" = running ] || [ "$state" = degraded ]; then
    as_root mkdir -p /etc/systemd/system/talentdesk-server.service.d
    printf '[Service]\nEnvironment=TALENTDESK_DATABASE_URL=%s\nEnvironment=TALENTDESK_LISTEN=127.0.0.1:%s\n' "$database_url" "$port" |
        as_root tee /etc/systemd/system/talentdesk-server.service.d/test.conf >/dev/null
    as_root systemctl daemon-reload
    as_root systemctl start talentdesk-server
    wait_for "http://127.0.0.1:$port/ready" 60 || fail "the unit did not become ready: $(journalctl -u talentdesk-server -n 20)"
    token=$(sign_in) || fail "the admin cannot sign in to the unit's server"
    as_root systemctl stop talentdesk-server
    as_root rm -rf /etc/systemd/system/talentdesk-server.service.d
    as_root systemctl daemon-reload
    say "the unit started, served a sign-in and stopped"
else
    say "systemd is not running here (systemctl is-system-running: ${state:-unknown}): the unit was not started;"
    say "its command line ran as its user instead"
fi

echo "== remove"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq talentdesk-server >/dev/null 2>&1 || fail "apt-get remove"
[ ! -e /usr/bin/talentdesk-server ] || fail "/usr/bin/talentdesk-server is still there"
[ -f /etc/talentdesk/server.toml ] || fail "remove (not purge) deleted the settings"
say "removed; the settings stay until a purge, the documents in /var/lib/talentdesk always"
echo "the server package works"
