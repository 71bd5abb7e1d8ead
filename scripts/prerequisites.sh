# Installs what building, running and testing Talentdesk need on Debian/Ubuntu, skipping what is
# already there. Sourced by run.sh and test.sh.

# The system libraries Tauri links (WebKitGTK and friends), and what a real window and its
# WebDriver tests need (Xvfb, WebKitWebDriver), and PostgreSQL, whose binaries the server's
# tests start a throwaway cluster from, and aiosmtpd, the SMTP server its email tests use, and
# a real OS keychain and notification daemon in a D-Bus session (gnome-keyring, dunst), and
# the fonts badges embed (DejaVu; Droid Sans Fallback for Chinese, Japanese and Korean) and
# poppler, which the badge tests read their PDFs with, and pip, which installs moto (below),
# and headless Chromium with its WebDriver, which the server's public pages are tested in, and
# nginx, which the tests put in front of several server processes.
TALENTDESK_APT_PACKAGES=(
    build-essential pkg-config curl file libssl-dev libdbus-1-dev
    libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
    xvfb xauth x11-utils imagemagick webkit2gtk-driver
    postgresql python3-aiosmtpd python3-pip
    dbus gnome-keyring libsecret-tools dunst
    fonts-dejavu-core fonts-droid-fallback poppler-utils
    chromium chromium-driver nginx
    sudo  # the desktop's updater installs a .deb through it (test-desktop-package.sh)
)

ensure_apt_packages() {
    local missing=()
    for pkg in "${TALENTDESK_APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "missing packages (install them as root): ${missing[*]}" >&2; return 1; }
        sudo=(sudo)
    fi
    echo "installing system packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# aiosmtpd for the python3 on PATH, when that is not the system's (pyenv and the like), and
# moto in server mode, the S3-compatible server the document store's tests start, from PyPI.
ensure_python_packages() {
    local missing=()
    python3 -c "import aiosmtpd" 2>/dev/null || missing+=(aiosmtpd)
    python3 -c "import moto.server" 2>/dev/null || missing+=("moto[server]>=5,<6")
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing the Python packages ${missing[*]}"
    python3 -m pip install --quiet --disable-pip-version-check "${missing[@]}" 2>/dev/null ||
        python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "${missing[@]}"
}

# The front end's packages, exactly as package-lock.json pins them; skipped when the lock file
# has not changed since the last install.
ensure_ui_packages() {
    local stamp=ui/node_modules/.talentdesk-lock
    if [ -f "$stamp" ] && cmp -s ui/package-lock.json "$stamp"; then
        return 0
    fi
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
    cp ui/package-lock.json "$stamp"
}

# tauri-driver bridges WebDriver to the app's WebKitWebDriver.
ensure_tauri_driver() {
    command -v tauri-driver >/dev/null && return 0
    [ -x "$HOME/.cargo/bin/tauri-driver" ] && return 0
    cargo install tauri-driver --locked --quiet
}

# cargo-deb builds the server's Debian package (scripts/package-server.sh).
ensure_cargo_deb() {
    cargo deb --version >/dev/null 2>&1 && return 0
    # Pinned: it packages the debug binary for the package test (--profile dev), which later
    # versions mean to refuse.
    cargo install cargo-deb --version 3.8.0 --locked --quiet
}

# The front end, built into ui/dist, which the app embeds at compile time.
build_ui() {
    (cd ui && npm run build --silent)
}

# Rust tests through cargo-nextest (every test binary in parallel, each test in its own process)
# when the machine has it, else cargo test.
rust_tests() {
    if cargo nextest --version >/dev/null 2>&1; then
        cargo nextest run --locked --no-fail-fast "$@"
    else
        cargo test --locked --no-fail-fast "$@"
    fi
}
