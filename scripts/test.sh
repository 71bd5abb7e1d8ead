#!/usr/bin/env bash
# Runs every test that is wired up so far: formatting, Rust tests of the Tauri-free crates, UI
# type check and unit tests. (The real-window smoke test in tests/ is not wired in yet.)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all --check
cargo test -p talentdesk-domain -p talentdesk-store -p talentdesk-demo -p talentdesk-cli
cd ui && npm ci --no-audit --no-fund && npm run check && npm test
