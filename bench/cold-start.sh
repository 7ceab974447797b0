#!/usr/bin/env bash
# Cold start to the first answer, alone: publishes CertBot as bench/side-by-side.sh does (Release, self-contained,
# composite ReadyToRun), then starts it N times from a cold process (in-memory state, local mode), waits until the
# port accepts, sends one FAQ question with expectReplies as the very first request and records process start to
# answer, the first request alone and the process's CPU at that moment. Prints each run and the medians. A quick
# check while working on start-up, not the benchmark: the side-by-side run is the figure to quote.
# Usage: bench/cold-start.sh [runs=5] [published folder (skips the publish)]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-5}
app=${2:-}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "$app" ]]; then
  app="$work/certbot"
  dotnet publish "$repo/src/CertBot/CertBot.csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -o "$app" --nologo -v quiet -clp:ErrorsOnly
fi
app="$(cd "$app" && pwd)"
body='{"type":"message","id":"a:cold-start-1","text":"do i need a certification to get hired","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","deliveryMode":"expectReplies","locale":"en-US","from":{"id":"29:bench-user","name":"Bench"},"recipient":{"id":"28:bot","name":"Bot"},"conversation":{"id":"a:cold-start","conversationType":"personal","tenantId":"bench"}}'
ticks=$(getconf CLK_TCK)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: > "$work/cold"; : > "$work/first"; : > "$work/cpu"
for run in $(seq 1 "$runs"); do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  started=$(now_ms)
  (cd "$app" && DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production MicrosoftAppId= exec dotnet CertBot.dll \
    --urls "http://127.0.0.1:$port" --Storage:Provider=Memory --Logging:LogLevel:Default=Warning >/dev/null 2>"$work/stderr") &
  pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/stderr" >&2; exit 1; }
    sleep 0.002
  done
  listening=$(now_ms)
  reply=$(curl -sf -H 'Content-Type: application/json' --data "$body" "http://127.0.0.1:$port/api/messages")
  answered=$(now_ms)
  read -r -a stat < <(cut -d')' -f2- "/proc/$pid/stat")
  cpu=$(( (stat[11] + stat[12]) * 1000 / ticks ))
  kill -TERM "$pid"; wait "$pid" || true
  [[ "$reply" == *'"activities"'* ]] || { echo "run $run: no answer: $reply" >&2; exit 1; }
  echo "run $run: listening after $((listening - started)) ms, answered after $((answered - started)) ms (first request $((answered - listening)) ms), CPU $cpu ms"
  echo $((answered - started)) >> "$work/cold"; echo $((answered - listening)) >> "$work/first"; echo "$cpu" >> "$work/cpu"
done
echo "median of $runs: cold start to first answer $(median < "$work/cold") ms, first request $(median < "$work/first") ms, CPU until answered $(median < "$work/cpu") ms"
