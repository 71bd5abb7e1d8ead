#!/usr/bin/env bash
# Builds and opens Talentdesk. When the app has no database yet, it first writes a demo one
# (TALENTDESK_DEMO_CANDIDATES candidates, 100,000 by default) where the app looks for it.
# Extra arguments go to the app (--db PATH, --as EMAIL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

ensure_apt_packages
ensure_ui_packages
build_ui
cargo build --release --locked -p talentdesk-app -p talentdesk-cli

# The folder Tauri gives the app for its data (its identifier under the XDG data home).
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/app.talentdesk.desktop"
db="${TALENTDESK_DB:-$data_dir/talentdesk.db}"
if [ ! -f "$db" ]; then
    mkdir -p "$(dirname "$db")"
    echo "no database at $db yet: writing a demo one"
    target/release/talentdesk-cli demo --candidates "${TALENTDESK_DEMO_CANDIDATES:-100000}" --db "$db"
fi

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "no display: running the window inside Xvfb (screenshot it with: import -window root shot.png)"
    exec xvfb-run -a -s "-screen 0 1440x900x24" target/release/talentdesk --db "$db" "$@"
fi
exec target/release/talentdesk --db "$db" "$@"
