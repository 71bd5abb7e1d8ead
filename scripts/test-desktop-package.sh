#!/usr/bin/env bash
# The desktop app's Debian package as a user meets it: bundled by the Tauri bundler (as
# scripts/package.sh does) from the debug binary the window tests already built, so CI makes
# no release build; its control fields, desktop entry and icons checked; installed with
# `apt-get install ./….deb`; the INSTALLED /usr/bin/talentdesk launched under Xvfb (in a
# keychain session of its own) until its window shows; removed. The release package from
# scripts/package.sh has the same files and fields, only the binary differs. Needs root (or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '  %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(dpkg-query -W -f='${Status}' talentdesk 2>/dev/null)" = "install ok installed" ]; then
    fail "talentdesk is installed on this machine already; this test would remove it"
fi

work=$(mktemp -d /tmp/talentdesk-desktop-package.XXXXXX)
chmod 755 "$work"
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    if dpkg-query -W talentdesk >/dev/null 2>&1; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq talentdesk >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== the package"
ensure_ui_packages
[ -d ui/dist ] || build_ui
cargo build --locked -q -p talentdesk-app
# The bundler writes a marker into the binary it packages: it gets a copy in a target folder of
# its own, so a window test running the shared binary is neither changed nor in the way.
mkdir -p "$work/target/debug"
cp target/debug/talentdesk "$work/talentdesk"
bundle() { # [bundler arguments]: packages the copy as it was built
    cp "$work/talentdesk" "$work/target/debug/talentdesk"
    CARGO_TARGET_DIR="$work/target" bash scripts/package.sh --no-build --debug "$@" >"$work/bundle.log" 2>&1 ||
        { cat "$work/bundle.log"; fail "tauri bundle"; }
}
bundle
deb=$(ls "$work"/target/debug/bundle/deb/*.deb)
info=$(dpkg-deb --info "$deb")
grep -q "Depends: .*libwebkit2gtk-4.1-0" <<<"$info" || fail "no WebKitGTK dependency declared: $info"
for pkg in gnome-keyring libsecret-1-0 notification-daemon; do
    grep -q "Recommends: .*$pkg" <<<"$info" || fail "$pkg is not recommended: $info"
done
files=$(dpkg-deb -c "$deb")
for f in usr/bin/talentdesk usr/share/applications/Talentdesk.desktop \
    usr/share/icons/hicolor/32x32/apps/talentdesk.png usr/share/icons/hicolor/128x128/apps/talentdesk.png \
    usr/share/icons/hicolor/512x512/apps/talentdesk.png; do
    grep -q " ./$f\$\| $f\$" <<<"$files" || fail "$f is not in the package"
done
entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO usr/share/applications/Talentdesk.desktop)
grep -qx "Exec=talentdesk" <<<"$entry" && grep -qx "Icon=talentdesk" <<<"$entry" ||
    fail "the desktop entry does not start the app with its icon: $entry"
say "built $(dpkg-deb --field "$deb" Package Version | tr '\n' ' ')($(du -h "$deb" | cut -f1))"

echo "== install"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$deb" \
    >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }
[ -x /usr/bin/talentdesk ] || fail "/usr/bin/talentdesk is not installed"
say "installed"

echo "== the installed app's window"
# Its data in a home of its own, so no one's real replica is opened.
mkdir -p "$work/home"
cat >"$work/launch.sh" <<'LAUNCH'
set -euo pipefail
HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" /usr/bin/talentdesk >"$1/app.log" 2>&1 &
pid=$!
for _ in $(seq 300); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"Talentdesk"'; then
        # A window is not yet a page: the screen must show the UI (many colours), not a blank
        # webview, once it had time to load.
        sleep 3
        colours=$(import -window root png:- | identify -format %k -)
        kill "$pid"
        [ "$colours" -gt 20 ] || { cat "$1/app.log"; echo "the window stayed blank ($colours colours)" >&2; exit 1; }
        echo "$(xwininfo -root -tree | grep '"Talentdesk"' | head -n1 | sed 's/^ *//'), $colours colours on screen"
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$1/app.log"; echo "the app quit before its window showed" >&2; exit 1; }
    sleep 0.1
done
cat "$1/app.log"; kill "$pid"; echo "no Talentdesk window within 30 s" >&2; exit 1
LAUNCH
window=$(xvfb-run -a -s "-screen 0 1440x900x24" scripts/with-keychain.sh bash "$work/launch.sh" "$work/home" | tail -n1) ||
    fail "the installed app showed no window"
say "window: $window"

echo "== update to the next version"
# The same package as version N+1 (the bundler's --config sets the package's version), published
# by a test server signed with a new updater key; the installed app (a debug build, so it may be
# given the key in its environment) finds it, downloads it, checks its signature and, at
# "Restart to update", installs it through the package manager and starts again. The updater
# runs `pkexec dpkg -i`, else asks for a password (zenity, kdialog) for `sudo -S`, else runs
# `sudo dpkg -i`: as root, sudo asks nothing (prerequisites.sh installs it).
version=$(dpkg-deb --field "$deb" Version)
next=$(python3 -c 'import sys; v = sys.argv[1].split("."); v[-1] = str(int(v[-1]) + 1); print(".".join(v))' "$version")
mkdir -p "$work/next"
bundle --config "{\"version\": \"$next\"}"
mv "$work"/target/debug/bundle/deb/*_"$next"_*.deb "$work/next/"
next_deb=$(ls "$work"/next/*.deb)
[ "$(dpkg-deb --field "$next_deb" Version)" = "$next" ] || fail "the next package is not version $next"
TALENTDESK_APP=/usr/bin/talentdesk TALENTDESK_UPDATE_DEB="$next_deb" RUST_TEST_THREADS=1 NEXTEST_TEST_THREADS=1 \
    xvfb-run -a -s "-screen 0 1440x900x24" scripts/with-keychain.sh \
    cargo nextest run --locked -p talentdesk-e2e --test about --run-ignored only >"$work/update.log" 2>&1 ||
    { cat "$work/update.log"; fail "the installed app did not update itself"; }
[ "$(dpkg-query -W -f='${Version}' talentdesk)" = "$next" ] || fail "dpkg does not have talentdesk $next installed"
say "updated from $version to $next by the app"

echo "== remove"
as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq talentdesk >/dev/null
[ ! -e /usr/bin/talentdesk ] || fail "/usr/bin/talentdesk is still there after removal"
say "removed"
echo "desktop package: ok"
