#!/usr/bin/env bash
# Runs a command where no keyring can be reached: no D-Bus session, no display to
# autolaunch one. What Lyss must do then is fail plainly, never fall back to a file.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$scratch/no-bus"
unset DISPLAY WAYLAND_DISPLAY
"$@"
