#!/usr/bin/env bash
# Builds the server's Debian package with cargo-deb (installed first when missing):
#   bash scripts/package-server.sh        # a release build, then target/debian/talentdesk-server_<version>-1_<arch>.deb
# Arguments go to `cargo deb`; the package test uses the debug binary the tests built instead of
# a release build: --profile dev --no-build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
export PATH="$HOME/.cargo/bin:$PATH"
ensure_cargo_deb
cargo deb -p talentdesk-server "$@"
