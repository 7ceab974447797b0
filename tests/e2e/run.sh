#!/usr/bin/env bash
# CertBot end-to-end tier: real third-party clients against the real bot.
#   validate-manifest  the packaged Teams app checked against the official manifest schema (offline)
#   render-cards       every card in artifacts/cards rendered by the official Adaptive Cards JS renderer
#   card-budgets       the named card gallery at 360 and 1024 px: height budgets, no word broken, nothing cut off
#   playground         a conversation driven through the Microsoft 365 Agents Playground web UI
# Installs what is missing (Debian's chromium, npm ci), builds the host once, runs `node --test`.
# Usage: tests/e2e/run.sh [test file names, e.g. render-cards]   Artefacts: artifacts/e2e/ (git-ignored).
set -euo pipefail

e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$e2e_dir/../.." && pwd)"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ ! -x "$chromium" ]]; then
  echo "e2e: installing Debian's chromium (no browser downloads: playwright-core drives the system one)"
  sudo_cmd=""
  if [[ "$(id -u)" != 0 ]]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

# npm writes node_modules/.package-lock.json on install: older than the lockfile means the lockfile changed.
if [[ ! -f "$e2e_dir/node_modules/.package-lock.json" || "$e2e_dir/package-lock.json" -nt "$e2e_dir/node_modules/.package-lock.json" ]]; then
  echo "e2e: npm ci"
  (cd "$e2e_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "e2e: building the host"
dotnet build "$repo_root/src/CertBot/CertBot.csproj" --nologo -v quiet -clp:ErrorsOnly
export CERTBOT_E2E_NO_BUILD=1

rm -rf "$repo_root/artifacts/e2e"
mkdir -p "$repo_root/artifacts/e2e"

tests=()
if [[ $# -gt 0 ]]; then
  for name in "$@"; do tests+=("$e2e_dir/tests/${name%.test.js}.test.js"); done
else
  tests=("$e2e_dir"/tests/*.test.js)
fi

cd "$e2e_dir"
# One file at a time: two cores are shared with the bot and Chromium. Ports are picked free by the tests
# (override with CERTBOT_E2E_BOT_PORT / CERTBOT_E2E_PLAYGROUND_PORT).
node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}"
