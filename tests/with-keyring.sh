#!/usr/bin/env bash
# Runs a command on a private D-Bus session with a fresh gnome-keyring whose login
# keyring is unlocked with an empty password. Nothing touches the user's own keyring.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/runtime" "$scratch/config"
chmod 700 "$scratch/runtime"
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
       XDG_CONFIG_HOME="$scratch/config"
unset DISPLAY WAYLAND_DISPLAY
dbus-run-session -- bash -c '
    set -e
    eval "$(echo "" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    export GNOME_KEYRING_CONTROL
    "$@"
' lyss-keyring "$@"
