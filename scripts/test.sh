#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust tests, the generated TypeScript bindings being
# current, the front end's type check and unit tests, then the real app window driven over
# WebDriver under Xvfb. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

step() { printf '\n== %s\n' "$*"; }

step "prerequisites"
ensure_apt_packages
ensure_ui_packages
ensure_tauri_driver
ensure_python_packages
export PATH="$HOME/.cargo/bin:$PATH"

step "format"
cargo fmt --all --check

step "front end build (the app embeds it)"
build_ui

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests"
# In a D-Bus session of their own with a real keychain (gnome-keyring).
scripts/with-keychain.sh bash -c "source scripts/prerequisites.sh && rust_tests --workspace --exclude talentdesk-e2e"

step "the server's Debian package (installed, run, upgraded, removed)"
bash scripts/test-server-package.sh

step "generated TypeScript bindings are current"
# The tests above regenerate ui/src/lib/bindings (ts-rs); a difference means a Rust type
# changed without its bindings being committed.
if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
    git status --short -- ui/src/lib/bindings
    echo "the TypeScript bindings are stale: run the tests and commit ui/src/lib/bindings" >&2
    exit 1
fi

step "front end type check and unit tests"
(cd ui && npm run check && npm test)

step "the real window (WebDriver under Xvfb)"
cargo build --locked -p talentdesk-app
# One WebDriver session at a time: tauri-driver serves one.
# Under Xvfb, in a D-Bus session with a real keychain (the sign-in test keeps its token there).
RUST_TEST_THREADS=1 NEXTEST_TEST_THREADS=1 xvfb-run -a -s "-screen 0 1440x900x24" \
    scripts/with-keychain.sh bash -c "source scripts/prerequisites.sh && rust_tests -p talentdesk-e2e"

step "the desktop app's Debian package (installed, its window shown, removed)"
# Bundled from the debug binary built above (seconds, no release build); scripts/package.sh
# makes the release package from the same configuration.
bash scripts/test-desktop-package.sh
