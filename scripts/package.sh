#!/usr/bin/env bash
# Builds the desktop app's installable package with the Tauri bundler (the @tauri-apps/cli npm
# package in ui/node_modules; it downloads nothing for a .deb):
#   bash scripts/package.sh                 # release build, then target/release/bundle/deb/Talentdesk_<version>_<arch>.deb
#   bash scripts/package.sh --no-build      # package the release binary already built
#   UPDATER_PUBKEY=DIR/updater.pub bash scripts/package.sh   # with the team's updater key
#   BUNDLES=deb,appimage bash scripts/package.sh   # AppImage too: the bundler downloads linuxdeploy
#                                           # from GitHub for it, so it is not built by default
# On Windows and macOS the same tauri.conf.json gives .msi and .dmg: `npx tauri build` in a
# checkout with TAURI_APP_PATH=src-tauri (not built or tested by this project's CI).
# Extra arguments go to `tauri bundle` (for example --debug to package the debug binary).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
export PATH="$HOME/.cargo/bin:$PATH"
ensure_ui_packages

build=1
args=()
for arg in "$@"; do
    if [ "$arg" = "--no-build" ]; then build=0; else args+=("$arg"); fi
done
# The team's updater key, the updater.pub `talentdesk-server admin updater-keygen` wrote: the
# app then installs only updates signed with its private key (README "Desktop updates").
if [ -n "${UPDATER_PUBKEY:-}" ]; then
    [ $build -eq 1 ] || { echo "UPDATER_PUBKEY is built into the app: leave out --no-build" >&2; exit 1; }
    TAURI_CONFIG=$(python3 -c 'import json, sys; print(json.dumps({"plugins": {"updater": {"pubkey": open(sys.argv[1]).read().strip()}}}))' "$UPDATER_PUBKEY")
    export TAURI_CONFIG
fi
if [ $build -eq 1 ]; then
    build_ui
    # A plain cargo build: build.rs reads the config at the repository root, and the release
    # profile embeds ui/dist (feature custom-protocol, on by default).
    cargo build --locked --release -p talentdesk-app
fi

# The CLI works in src-tauri (TAURI_APP_PATH) and reads paths in the config relative to it,
# while build.rs reads them relative to the repository root, where the config lives; the icon
# list is handed to the bundler with the src-tauri/ prefix taken off rather than written twice.
icons=$(python3 -c 'import json; c = json.load(open("tauri.conf.json")); print(json.dumps({"bundle": {"icon": [i.removeprefix("src-tauri/") for i in c["bundle"]["icon"]]}}))')
TAURI_APP_PATH=src-tauri ui/node_modules/.bin/tauri bundle --ci --bundles "${BUNDLES:-deb}" --config "$icons" "${args[@]}"
