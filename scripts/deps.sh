#!/usr/bin/env bash
# Make sure the system packages clinic-desk needs are installed (Debian/Ubuntu).
# Silent when everything is present; installs only what is missing. As a normal user it
# uses passwordless sudo if available, otherwise prints the command to run and exits 1.
# Swift itself can't come from apt: we only check that it is there.
set -euo pipefail

pkgs=(libncursesw5-dev libpq-dev libssl-dev libcrypt-dev postgresql postgresql-contrib tmux)

if ! command -v dpkg >/dev/null 2>&1; then
  echo "deps.sh: not a Debian system; make sure these (or equivalents) are installed: ${pkgs[*]}" >&2
else
  missing=()
  for p in "${pkgs[@]}"; do
    # dpkg -s also succeeds for removed packages whose config files remain; check the status.
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
      sudo=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "deps.sh: missing packages and no passwordless sudo. Run:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    echo "deps.sh: installing missing packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

if ! command -v swift >/dev/null 2>&1 && [[ ! -x /opt/swift/usr/bin/swift ]]; then
  echo "deps.sh: Swift toolchain not found (not on PATH, not in /opt/swift/usr/bin)." >&2
  echo "  Install Swift 6 from swift.org and put its usr/bin on PATH; apt cannot provide it." >&2
  exit 1
fi
