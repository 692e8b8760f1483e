#!/usr/bin/env bash
# Makes sure the test dependencies outside node_modules are there: Chromium for the browser test
# of the HTML report (test/reports/html.test.ts). Idempotent and silent when everything is present.
# Installs with apt-get when run as root or with password-less sudo; otherwise prints what to do and
# exits 1. HAVENKIT_CHROMIUM overrides the browser path (default /usr/bin/chromium).
set -euo pipefail

chromium="${HAVENKIT_CHROMIUM:-/usr/bin/chromium}"
[[ -x "$chromium" ]] && exit 0

instruction="Chromium is missing at $chromium: install it (sudo apt-get install --no-install-recommends chromium) or set HAVENKIT_CHROMIUM to a Chromium binary"

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    sudo=(sudo -n)
  else
    echo "$instruction" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$instruction (no apt-get here: use your package manager)" >&2
  exit 1
fi

echo "ensure-test-deps: installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
${sudo[@]+"${sudo[@]}"} apt-get update -qq
${sudo[@]+"${sudo[@]}"} apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [[ ! -x "$chromium" ]]; then
  echo "$instruction (apt-get installed chromium, but not at $chromium)" >&2
  exit 1
fi
echo "ensure-test-deps: chromium installed at $chromium" >&2
