#!/usr/bin/env bash
# Runs a command in a D-Bus session of its own with a real Secret Service (gnome-keyring,
# unlocked) and a throwaway keyring folder, so tests use the real OS keychain without touching
# the user's own (PLATFORM.md).
#
#   scripts/with-keychain.sh cargo nextest run -p talentdesk-keychain
set -euo pipefail

# The keyring lives under HOME; the toolchains must still be found where they are.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
export PATH="$CARGO_HOME/bin:$PATH"
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export HOME="$keyring_home"

# A display would make a locked keyring prompt on screen: the keyring starts without it, and
# the command gets it back (the app's window tests run under Xvfb).
export TALENTDESK_DISPLAY="${DISPLAY:-}"
exec env -u DISPLAY dbus-run-session -- bash -c '
    set -euo pipefail
    printf %s talentdesk-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 100); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true" && break
        sleep 0.1
    done
    if [ -n "$TALENTDESK_DISPLAY" ]; then export DISPLAY="$TALENTDESK_DISPLAY"; fi
    exec "$@"
' with-keychain "$@"
