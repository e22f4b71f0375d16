#!/usr/bin/env bash
# Start-up to first frame of the editor, measured N times (default 5) in fresh JVMs under Xvfb.
# Each start opens FILE (default: examples/prod-cons-kill.chanvas.json if present) and quits after its first
# frame; the editor itself prints the time since its JVM started (StartupProbe).
#   bench/editor-startup.sh [N] [FILE]
# Needs xvfb-run (Debian: xvfb, libgtk-3-0) and a built app (./chanvas builds it on first use).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-5}"
file="${2:-}"
if [ -z "$file" ]; then
  file=$(ls "$root"/examples/prod-cons*.chanvas.json 2>/dev/null | head -1 || true)
fi
export CHANVAS_STARTUP_PROBE=exit
for i in $(seq 1 "$n"); do
  xvfb-run -a -s "-screen 0 1400x900x24" "$root/chanvas" ${file:+"$file"} 2>&1 | grep -o 'first frame [0-9]* ms' || true
done
