#!/usr/bin/env bash
# Hostile scripts of issues 9 and 14, run as a user would: endless exchanges under --timeout in every engine,
# a sleeper beside a busy exchange, tight print loops, values built to explode, integer edges, huge sleeps and
# time limits. One row per case: name, exit code, seconds, what was checked, first line of stderr.
#
#   bench/hostile-runs.sh [ROOT] [LIMIT_SECONDS]
#
# ROOT is a Chanvas checkout whose ./chanvas is used (default: this one); give an old checkout for "before".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "${1:-$here}" && pwd)"
limit="${2:-60}"
cv="$root/chanvas"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# net FILE then pairs of "id" "script" (JSON-escaped), then "--" and channel objects (JSON text)
net() {
  local f="$1"; shift
  local procs="" chans="" first=1
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    [ $first = 1 ] || procs+=","; first=0
    procs+="{\"id\":\"$1\",\"x\":100,\"y\":100,\"script\":\"$2\"}"; shift 2
  done
  [ "${1:-}" = "--" ] && shift
  chans="$(IFS=,; echo "$*")"
  printf '{"format":"chanvas/1","processes":[%s],"channels":[%s]}\n' "$procs" "$chans" > "$f"
}
rv() { echo "{\"id\":\"$1\",\"kind\":\"${4:-rendezvous}\"${5:+,\"capacity\":$5},\"writers\":[\"$2\"],\"readers\":[\"$3\"]}"; }

net ok.json a 'send out 1' b 'x = recv in' -- "$(rv q a.out b.in)"
"$cv" check ok.json >/dev/null 2>&1   # builds once, outside the timings

printf '%-34s %4s %7s  %-14s %s\n' case exit seconds checked message
row() { # name, verdict command (may be empty), chanvas arguments
  local name="$1" verdict="$2"; shift 2
  local start end code v msg
  start=$(date +%s.%N)
  timeout -k 5 "$limit" "$cv" "$@" >out.txt 2>err.txt </dev/null
  code=$?
  end=$(date +%s.%N)
  { [ "$code" = 124 ] || [ "$code" = 137 ]; } && code="HANG"
  v=""; [ -n "$verdict" ] && v="$(eval "$verdict" 2>&1 | head -1)"
  msg="$(grep -v '^\s*$' err.txt | head -1 | cut -c1-100)"
  grep -qE 'Exception|Error:|SEVERE|^\s+at [a-z]' err.txt && msg="[TRACE] $msg"
  printf '%-34s %4s %7.1f  %-14s %s\n' "$name" "$code" "$(echo "$end - $start" | bc)" "$v" "$msg"
}

# Endless exchanges: each must end as a timeout (exit 4) within 2 s of --timeout 3, whatever the engine.
net sel.json a 'forever { select { send out 1 { } } \n x = recv in }' b 'forever { select { recv in as y { send out 2 } } }' \
  -- "$(rv ab a.out b.in)" "$(rv ba b.out a.in)"
net buf.json a 'forever { send out 1 \n x = recv in }' b 'forever { y = recv in \n send out 2 }' \
  -- "$(rv ab a.out b.in buffered 2)" "$(rv ba b.out a.in buffered 2)"
net call.json a 'forever { r = call srv 1 }' b 'forever { m = recv in \n reply in m }' -- "$(rv s a.srv b.in call)"
net sleep0.json a 'forever { send out 1 \n sleep 0 }' b 'forever { y = recv in }' -- "$(rv ab a.out b.in)"
net after0.json a 'forever { select { \n recv in as x { } \n after 0 { } \n } }' b 'forever { send out 1 }' -- "$(rv ba b.out a.in)"
for f in sel buf call sleep0 after0; do
  for mode in "" "--carriers auto" "--carriers 2" "--seed 1"; do
    # shellcheck disable=SC2086
    row "endless $f ${mode:-default}" "" run $f.json --timeout 3 $mode
  done
done

# A sleeper beside an endless exchange must wake (issue 14): "c woke" printed before the timeout.
net sleeper.json a 'forever { send out 1 \n x = recv in }' b 'forever { y = recv in \n send out 2 }' \
  c 'sleep 100 \n print \"c woke\"' -- "$(rv ab a.out b.in)" "$(rv ba b.out a.in)"
for mode in "" "--carriers auto" "--carriers 2" "--seed 1"; do
  # shellcheck disable=SC2086
  row "sleeper ${mode:-default}" "grep -c 'c: c woke' out.txt" run sleeper.json --timeout 3 $mode
done

# Output and values that explode: each a script error (exit 5) or a timeout, never a crash or an overrun.
net print.json p 'forever { print \"spam spam spam spam spam spam spam spam\" }'
row "tight print loop default" "" run print.json --timeout 5
row "tight print loop --carriers auto" "" run print.json --timeout 5 --carriers auto
row "tight print loop seeded" "" run print.json --timeout 5 --seed 1
net deep.json p 'l = [] \n repeat 100000 { l = [l] } \n print len(l)'
row "nested 100,000 deep" "" run deep.json --timeout 5
net dag.json p 'l = [1] \n repeat 60 { l = [l, l] } \n m = l \n print l == m \n print l'
row "list doubled 60 times" "" run dag.json --timeout 5
net strdbl.json p 's = \"x\" \n forever { s = s + s }'
row "string doubling" "" run strdbl.json --timeout 5
net lstdbl.json p 'l = [1] \n forever { l = l + l }'
row "list doubling" "" run lstdbl.json --timeout 5
net minint.json p 'x = -9223372036854775807 - 1 \n print x / -1'
row "MIN_VALUE / -1" "" run minint.json --timeout 5
net neg.json p 'x = -9223372036854775807 - 1 \n print -x'
row "-MIN_VALUE" "" run neg.json --timeout 5
net hugesleep.json p 'sleep 9223372036854775807 \n print \"woke\"'
row "sleep 2^63-1 seeded" "" run hugesleep.json --seed 1 --timeout 5
row "sleep 2^63-1 --carriers auto" "" run hugesleep.json --timeout 5 --carriers auto
row "timeout 1e10 seeded (finishes)" "" run ok.json --seed 1 --timeout 1e10
row "timeout Infinity seeded" "" run ok.json --seed 1 --timeout Infinity
