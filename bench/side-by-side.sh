#!/usr/bin/env bash
# Side-by-side speed: CertBot (Release, in-memory state, local mode), a bare ASP.NET Core ceiling and, when the
# folder exists, the botbuilder-JS peer, driven in one run by the same closed-loop load generator
# (bench/SideBySide): cold start to the first answer, then N users each running whole eight-turn conversations
# with expectReplies. Writes the median table to artifacts/bench/side-by-side.md (git-ignored).
# Usage: bench/side-by-side.sh [seconds=20] [users=64] [runs=3]
#   CERTBOT_PEER_DIR  the peer's folder (default ../shared/bench/peer-js next to the checkout); it is copied to a
#                     temporary folder and its npm packages installed there, never into this repository.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=${1:-20}
users=${2:-64}
runs=${3:-3}
peer_src="${CERTBOT_PEER_DIR:-$repo/../shared/bench/peer-js}"
out="$repo/artifacts/bench/side-by-side.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "bench: publishing CertBot (Release, self-contained composite ReadyToRun, as the README deploys it on Linux) and building the load generator"
dotnet publish "$repo/src/CertBot/CertBot.csproj" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -o "$work/certbot" --nologo -v quiet -clp:ErrorsOnly
dotnet build -c Release "$repo/bench/SideBySide/SideBySide.csproj" --nologo -v quiet -clp:ErrorsOnly -o "$work/loadgen"

peer_args=()
if [[ -f "$peer_src/index.js" ]]; then
  echo "bench: installing the peer's npm packages in $work/peer-js"
  cp -r "$peer_src" "$work/peer-js"
  chmod -R u+w "$work/peer-js"
  (cd "$work/peer-js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  peer_args=(--peer "$work/peer-js")
else
  echo "bench: no peer at $peer_src; measuring CertBot and the ceiling only"
fi

dotnet "$work/loadgen/SideBySide.dll" run --certbot "$work/certbot/CertBot.dll" "${peer_args[@]}" \
  --users "$users" --seconds "$seconds" --runs "$runs" --out "$out"
echo "bench: table written to $out"
