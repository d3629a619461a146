#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Lyss needs to build, test and run, skipping what
# is there already. Sourced by scripts/run and scripts/test.
set -euo pipefail

LYSS_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libsecret-1-0 libsqlite3-dev libgl-dev
    libcmark-gfm-dev libcmark-gfm-extensions-dev libsodium-dev libsource-highlight-dev
    python3 python3-pydantic lld
)
# (Python and pydantic run Open WebUI's filter files; lld lays out the window's start-up
# code together, cmake/LyssStartupOrder.cmake.) What the test suite runs against: a
# real keyring on a private D-Bus session, and Python for the test servers and filters
# (the fake Open WebUI server runs on aiohttp and python-socketio, as Open WebUI does).
LYSS_TEST_PACKAGES=(gnome-keyring dbus dbus-x11 python3 python3-aiohttp python3-socketio perl
    xvfb xauth fonts-dejavu-core clang-format git)

lyss_missing_packages() {
    local missing=()
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    echo "${missing[@]:-}"
}

lyss_install_packages() {
    local missing
    missing=$(lyss_missing_packages "$@")
    [ -z "$missing" ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "Lyss needs these packages, and this system has no apt-get: $missing" >&2
        echo "Install them with your package manager, then run this again." >&2
        return 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "Installing $missing needs root (no sudo found)." >&2; return 1; }
        sudo=(sudo)
    fi
    echo "Installing: $missing"
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}
