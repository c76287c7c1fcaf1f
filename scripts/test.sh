#!/usr/bin/env bash
# The test command: install the system programs the tests drive where they are missing, then run
# pytest with any arguments given.
#
# The committee pack's tests use a real spreadsheet engine and a real browser (they never skip):
# Debian's headless LibreOffice Calc (`soffice`) and Chromium. Where either is missing it is
# installed with apt-get (through sudo when not run as root). A machine without apt-get must
# install them itself; the message says which.
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

as_root() {
  if [ "$EUID" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: the tests need ${missing[*]} (Debian package names), and there is" \
      "no apt-get here to install them: install them, then run this again" >&2
    exit 1
  fi
  echo "+ apt-get install ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec python -m pytest "$@"
