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

# PostgreSQL for the reference server's tests: Debian's server, a role and an
# empty database the suite makes one schema per test file in. Skipped when
# TEST_DATABASE_URL points at a server of your own.
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian's postgresql"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >/dev/null
      apt-get install -y -q postgresql >/dev/null
    else
      echo "setup: PostgreSQL is missing. As root run: apt-get install -y postgresql" >&2
      echo "       (or set TEST_DATABASE_URL to a database you may create schemas in)" >&2
      exit 1
    fi
  fi
  if [ "$(id -u)" = "0" ]; then
    PG_VERSION=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$PG_VERSION" ]; then
      PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
      pg_createcluster "$PG_VERSION" main >/dev/null
    fi
    pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || pg_ctlcluster "$PG_VERSION" main status >/dev/null
    psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -tAc \"$1\""; }
    psql_as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'bankcrm'" | grep -q 1 ||
      psql_as_postgres "CREATE ROLE bankcrm LOGIN PASSWORD 'bankcrm'" >/dev/null
    psql_as_postgres "SELECT 1 FROM pg_database WHERE datname = 'bankcrm_test'" | grep -q 1 ||
      psql_as_postgres "CREATE DATABASE bankcrm_test OWNER bankcrm" >/dev/null
    echo "setup: PostgreSQL $PG_VERSION running (postgres://bankcrm:***@127.0.0.1:5432/bankcrm_test)"
  fi
fi

echo "setup: installing dependencies"
pnpm install --frozen-lockfile
