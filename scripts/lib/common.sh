# Shared by scripts/run and scripts/test: Debian packages, configure, build.
# Sourced, not executed.

APIACCESS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# What building needs, chosen package by package (DEVELOPERS.md: Debian's
# packages only, nothing vendored or downloaded).
APIACCESS_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev            # Qt Core, Network, Gui, Widgets, Sql, Test
    qt6-tools-dev           # Qt Linguist / Designer CMake packages
    qt6-l10n-tools          # lupdate, lrelease
    qt6-translations-l10n   # Qt's own translations (qtbase_de.qm…): standard buttons, --help
    libqt6sql6-sqlite       # the SQLite driver for Qt Sql (cache, server store)
    qtkeychain-qt6-dev      # OS keychain access for the Studio
    libboost1.81-dev        # Boost.Beast/Asio for the server's HTTP front
    libsodium-dev           # server-side hashing and encryption of secrets
    libssl-dev              # TLS for the server (Asio SSL)
    qt6-svg-dev             # Qt SVG: tools/iconrender renders the icon's PNG, .ico, .icns
)

# What the test suite needs on top: clang and its libFuzzer runtime for the
# fuzz tests, clang-format for the format check, Xvfb for GUI screenshots.
APIACCESS_TEST_PACKAGES=(
    clang libclang-rt-14-dev clang-format
    xvfb xauth
    curl openssl            # integration tests call the server as integrators do
    # tst_apiclient_systemtrust mounts its own store over /etc/ssl/certs,
    # which ca-certificates creates; util-linux (essential) has no part in it.
    ca-certificates
    # The keychain tests run against a real Secret Service
    # (tests/support/with-keyring): gnome-keyring on a private session bus
    # (dbus-run-session is in dbus-daemon), checked with secret-tool;
    # libsecret-tools also brings libsecret-1-0, QtKeychain's way to the
    # Secret Service, which Debian's libqt6keychain1 does not depend on.
    gnome-keyring libsecret-tools dbus dbus-daemon
    # The package test (packaging/tests/package-test): rpm builds the RPMs,
    # lintian checks the .debs, desktop-file-utils and appstream validate the
    # desktop entry and metainfo, systemd-analyze (systemd) checks the unit.
    rpm lintian desktop-file-utils appstream systemd
    # tests/docs checks the desktop entry and metainfo with the same two
    # tools, and the man pages with man --warnings and lexgrog (man-db).
    man-db
    # packaging/tests/check-platform-recipes: llvm-rc (llvm-14) compiles the
    # Windows resource script, xmllint (libxml2-utils) reads the Info.plist.
    llvm-14 libxml2-utils
    # tests/e2e/accessibility drives the Studio through the AT-SPI bus: the
    # bus launcher and registry (at-spi2-core), pyatspi for Debian's
    # /usr/bin/python3 (python3-pyatspi), key events (xdotool), the clipboard
    # read back (xclip), and a window manager that gives the focus back to
    # the main window when a dialog closes (openbox); Xvfb and xauth as above.
    at-spi2-core python3-pyatspi xdotool xclip openbox
    # The server's suites run again on PostgreSQL 15: Qt's driver for it
    # (libqt6sql6-psql), the server and pg_dump (postgresql), and
    # pg_virtualenv (postgresql-common), which gives each test run a private
    # throw-away cluster (tests/support/with-postgres), also as root.
    libqt6sql6-psql postgresql postgresql-common
    # tst_server_backup backs a running SQLite server up the way
    # docs/deploy.md says, with the sqlite3 tool.
    sqlite3
    # The shipped nginx configuration (packaging/nginx) is tested in a real
    # nginx in front of several server instances.
    nginx-light
)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs whichever of the named Debian packages are missing; does nothing
# (and needs no network or root) when all are present.
ensure_debian_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: this script targets Debian 12; install the equivalents by hand"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "missing packages (${missing[*]}); run as root or install sudo"
        sudo=(sudo)
    fi
    log "Installing missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed for: ${missing[*]}"
}

# Node.js runs the OpenAPI linter (npm's @redocly/cli 1.x, pinned in
# tools/openapi-lint), which needs Node.js >= 18.19: Debian 12's own nodejs
# and npm, installed when node is missing. A newer Node.js already on the
# machine is used as it is; scripts/lib/openapi-lint checks that every
# pinned package declares it runs on that one and on Debian 12's.
ensure_node() {
    if command -v node >/dev/null && command -v npm >/dev/null; then
        return 0
    fi
    ensure_debian_packages nodejs npm
}

# Configures (first time, or when CMake asks for it) and builds one preset.
configure_and_build() {
    local preset="$1"
    cd "$APIACCESS_ROOT"
    log "Configuring ($preset)"
    cmake --preset "$preset" >"$APIACCESS_ROOT/build/configure-$preset.log" 2>&1 \
        || { cat "$APIACCESS_ROOT/build/configure-$preset.log"; die "configure failed ($preset)"; }
    log "Building ($preset)"
    cmake --build --preset "$preset" || die "build failed ($preset)"
}
