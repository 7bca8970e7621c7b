#!/usr/bin/env bash
# Debian packages the tests need: Chromium for Playwright, Noto CJK so Chinese renders in
# screenshots, Xvfb for window screenshots, poppler-utils to look at generated PDFs, PostgreSQL 15
# for the centre's tests on a real server (apps/center/scripts/test-postgres.sh).
set -euo pipefail
missing=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
  echo "== system packages present"
  exit 0
fi
echo "== installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
