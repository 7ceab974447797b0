#!/usr/bin/env bash
# Whole-turn cost over HTTP on loopback: starts the Release bot (local mode, SQLite in a temp folder), drives it
# with wrk for a bounded time, and reports turns/s and the bot process's CPU time per turn (from /proc).
# Usage: tests/CertBot.Benchmarks/http/run.sh [seconds] [connections] [text]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-15}
connections=${2:-8}
text=${3:-do i need a certifcation to get hired}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build -c Release src/CertBot -v q -nologo >/dev/null
data=$(mktemp -d)
# Port 0: the OS picks a free port and the bot announces it, so a bot already on 3978 never collides.
dotnet src/CertBot/bin/Release/net10.0/CertBot.dll --urls "http://127.0.0.1:0" --Storage:SqlitePath="$data/certbot.db" \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:CertBot.Hosting.StartupAnnouncer=Information >"$data/bot.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
port=""
for _ in $(seq 1 120); do
  port=$(sed -n 's#.*listening on http://127\.0\.0\.1:\([0-9]*\).*#\1#p' "$data/bot.log" | head -n1)
  [[ -n "$port" ]] && curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.5
done
[[ -n "$port" ]] || { echo "the bot did not start:"; cat "$data/bot.log"; exit 1; }
script=$(mktemp --suffix .lua)
{ echo "text = \"$text\""; cat tests/CertBot.Benchmarks/http/turns.lua; } > "$script"
# Warm-up (JIT, caches), not counted.
wrk -t1 -c"$connections" -d5s -s "$script" "http://127.0.0.1:$port" >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port")
after=$(ticks)
echo "$out"
requests=$(echo "$out" | awk '/requests in/ {print $1}')
hz=$(getconf CLK_TCK)
awk -v b="$before" -v a="$after" -v n="$requests" -v hz="$hz" -v s="$seconds" \
  'BEGIN { cpu = (a - b) / hz; printf "turns: %d in %ds = %.0f turns/s; bot CPU %.2f s = %.3f ms per turn\n", n, s, n / s, cpu, cpu * 1000 / n }'
rm -f "$script"
