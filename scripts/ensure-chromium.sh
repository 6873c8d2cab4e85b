#!/usr/bin/env bash
# End-to-end tests and benchmarks drive Debian's Chromium; install it when this machine lacks it.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
	echo "Chromium is missing at $chromium_path. Install it as root: apt-get install -y chromium" >&2
	exit 1
fi
echo "Installing Debian's Chromium for the end-to-end tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
