#!/usr/bin/env bash
# Install the given Debian packages, only those not installed yet (`apt-get update` at most once).
# Usage: bash scripts/system-deps.sh redis-server postgresql ...
# With no arguments it installs the packages listed in scripts/system-packages (one per line, # comments).
# Idempotent and quick when everything is present; runs apt-get as root, or through sudo when available.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[system-deps] %s\n' "$*" >&2; }

if [ "$#" -eq 0 ]; then
  mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' scripts/system-packages | grep -v '^$' || true)
else
  wanted=("$@")
fi

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  log "missing Debian packages: ${missing[*]}; install them as root (apt-get install ${missing[*]})"
  exit 1
fi
command -v apt-get >/dev/null 2>&1 || { log "missing packages ${missing[*]}, and apt-get is not available"; exit 1; }

log "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
