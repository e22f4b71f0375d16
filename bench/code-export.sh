#!/usr/bin/env bash
# Issue 13: how long the three code exports and their runs take, per network and in total.
# For each network (default: every example): chanvas export to .py, .go and .pml (JVM start included), the
# Python run, go build and the Go run, spin -a, gcc -O0 -DSAFETY and pan; one row each, with the exit statuses
# (Python, Go, SPIN's errors) so a slow row can be told from a failing one. Networks a target cannot express
# (Promela has no lists) show "-" there.
# Usage: bench/code-export.sh [FILE.chanvas.json...]   (needs python3, go, spin, gcc; run from anywhere)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- "$root"/examples/*.chanvas.json

now() { date +%s.%N; }
# seconds since $1, two decimals
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

"$root/chanvas" check "$1" >/dev/null 2>&1 # builds the launcher's jar once, outside the timings
echo "| network | export py+go+pml | python run | go build | go run | spin -a | gcc | pan | py/go exit | SPIN errors |"
echo "|---|---|---|---|---|---|---|---|---|---|"
total_start=$(now)
for f in "$@"; do
  name=$(basename "$f" .chanvas.json)
  d="$work/$name"; mkdir -p "$d/go"
  prog=$(echo "$name" | tr -- '-.' '__')
  t=$(now)
  "$root/chanvas" export "$f" -o "$d/$prog.py" >/dev/null 2>&1
  "$root/chanvas" export "$f" -o "$d/go/$prog.go" >/dev/null 2>&1
  "$root/chanvas" export "$f" -o "$d/$prog.pml" >/dev/null 2>&1
  export_s=$(since "$t")
  t=$(now); (cd "$d" && python3 "$prog.py" --seed 1 >/dev/null 2>&1); py=$?; py_s=$(since "$t")
  t=$(now); (cd "$d/go" && go build -o program "$prog.go" >/dev/null 2>&1); gob_s=$(since "$t")
  t=$(now); (cd "$d/go" && ./program >/dev/null 2>&1); go=$?; gor_s=$(since "$t")
  if [ -f "$d/$prog.pml" ]; then
    t=$(now); (cd "$d" && spin -a "$prog.pml" >/dev/null 2>&1); spin_s=$(since "$t")
    t=$(now); (cd "$d" && gcc -O0 -DSAFETY -o pan pan.c >/dev/null 2>&1); gcc_s=$(since "$t")
    t=$(now); errors=$(cd "$d" && ./pan 2>&1 | grep -o 'errors: [0-9]*'); pan_s=$(since "$t")
  else
    spin_s=-; gcc_s=-; pan_s=-; errors=-
  fi
  echo "| $name | $export_s | $py_s | $gob_s | $gor_s | $spin_s | $gcc_s | $pan_s | $py/$go | $errors |"
done
echo
echo "$# networks in $(since "$total_start") s"
