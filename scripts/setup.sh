#!/usr/bin/env bash
# Gets a fresh machine ready for bankcrm: pnpm (the version package.json pins),
# Debian's Chromium for the browser tests (browser downloads cannot reach their
# hosts here), and the workspace's dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p 'require("./package.json").packageManager.split("@")[1]')

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium (about a minute)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    # A CJK font so screenshots of the zh-CN pages are legible.
    apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null
  else
    echo "setup: Chromium is missing. As root run: apt-get update && apt-get install -y chromium" >&2
    echo "       (or set CHROMIUM_PATH to a Chromium or Chrome binary)" >&2
    exit 1
  fi
fi

echo "setup: installing dependencies"
pnpm install --frozen-lockfile
