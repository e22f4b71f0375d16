#!/usr/bin/env bash
# Hostile inputs and outputs of issues 9 and 14 (files in, files out, validation), each under a time limit.
# Prints one row per case: name, exit code, seconds, verdict (what was checked after the command) and the
# first line of stderr.
#
#   bench/hostile-io.sh [ROOT] [LIMIT_SECONDS]
#
# ROOT is a Chanvas checkout whose ./chanvas launcher is used (default: this repository); run it on an old
# checkout for a "before" column. Needs root for the full-disk case (a 64 KiB tmpfs); skipped otherwise.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${1:-$here}"
limit="${2:-30}"
cv="$root/chanvas"
work="$(mktemp -d)"
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1

# A valid two-process network; $1 and $2 become producer's x and label (JSON text, already escaped).
net() {
  cat <<EOF
{ "format": "chanvas/1",
  "processes": [
    { "id": "producer", "label": $2, "x": $1, "y": 160, "script": "send out 1" },
    { "id": "consumer", "x": 420, "y": 160, "script": "m = recv in\nprint m" } ],
  "channels": [ { "id": "q", "kind": "rendezvous", "writers": ["producer.out"], "readers": ["consumer.in"] } ] }
EOF
}
net 120 '"producer"' > ok.json
"$cv" check ok.json >/dev/null 2>&1   # builds the launcher's jar once, outside the timings

printf '%-28s %4s %7s  %-34s %s\n' case exit seconds verdict message
row() { # name, verdict command (may be empty), then the chanvas arguments (or --cmd and a whole command)
  local name="$1" verdict="$2"; shift 2
  local start end code msg v
  start=$(date +%s.%N)
  if [ "$1" = "--cmd" ]; then shift; else set -- "$cv" "$@"; fi
  timeout -k 5 "$limit" "$@" >out.txt 2>err.txt </dev/null
  code=$?
  end=$(date +%s.%N)
  [ "$code" = 124 ] || [ "$code" = 137 ] && code="HANG"
  v=""
  if [ -n "$verdict" ]; then v="$(eval "$verdict" 2>&1 | head -1)"; fi
  msg="$(grep -v '^\s*$' err.txt | head -1 | cut -c1-110)"
  if grep -q 'Exception\|Error:\|SEVERE\|\tat ' err.txt; then msg="[TRACE] $msg"; fi
  printf '%-28s %4s %7.1f  %-34s %s\n' "$name" "$code" "$(echo "$end - $start" | bc)" "$v" "$msg"
}

xml_ok='python3 -c "import sys,xml.dom.minidom as m; m.parse(sys.argv[1]); print(\"well-formed\")" out.svg 2>&1 | tail -1 | cut -c1-34'
for x in 1e308 -1e308 123456789012345678901234567890; do
  net "$x" '"producer"' > far.json
  row "export x=$(echo $x | cut -c1-12) png" "" export far.json -o out.png
  row "export x=$(echo $x | cut -c1-12) svg" "" export far.json -o out.svg
done
net 1e308 '"producer"' > far.json
row "run x=1e308" "" run far.json --timeout 5

for cp in 0000 0001 0007 0008 000b 000c 001b 001f 007f; do
  net 120 "\"a\\u${cp}b\"" > ctl.json
  rm -f out.svg
  row "svg label U+$cp" "$xml_ok" export ctl.json -o out.svg
done
net 120 '"two\nlines\tand tab"' > nl.json
row "pdf label newline+tab" "grep -c SEVERE err.txt" export nl.json -o out.pdf
net 120 '"say \"hi\" \\ back\\"' > bs.json   # the label: say "hi" \ back\  (ends in a backslash)
dot_ok='if command -v dot >/dev/null; then dot -Tplain out.dot 2>dot.err | grep "^node producer" | cut -d" " -f7-9 | grep . || head -1 dot.err; else echo "(no graphviz)"; fi'
row "dot label quote+backslash" "$dot_ok" export bs.json -o out.dot

ln -sf /dev/full link.png
row "export png -> link /dev/full" "stat -c '%F %a' link.png" export ok.json -o link.png
echo old > target.svg; ln -sf target.svg link.svg
row "export svg -> link file" "stat -c '%F' link.svg; head -c 5 target.svg" export ok.json -o link.svg
if [ "$(id -u)" = 0 ] && mkdir -p full && mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
  echo old > full/old.png; head -c 60000 /dev/zero > full/filler
  row "png on full disk" "cat full/old.png" export ok.json --scale 4 -o full/old.png
  umount full
fi

# A script printing an escape code, run on a pseudo-terminal: does the raw ESC reach the screen?
cat > esc.json <<'EOF2'
{ "format": "chanvas/1", "processes": [ { "id": "p", "script": "print \"\u001b[2J\u001b[31mred\u0007\"" } ] }
EOF2
if command -v script >/dev/null; then
    row "run prints ESC, terminal" "printf 'raw ESC bytes: '; grep -c \$'\\e\\[2J' tty.txt" --cmd script -qec "$cv run esc.json" tty.txt
fi

cp ok.json same.json
row "run --trace INPUT" "head -c 12 same.json" run same.json --trace same.json
row "run --trace /dev/full" "" run ok.json --trace /dev/full
row "run --trace /proc/version" "" run ok.json --trace /proc/version

row "check /dev/zero" "" check /dev/zero
row "check /dev/urandom" "" check /dev/urandom
mkfifo fifo.json
row "check FIFO" "" check fifo.json
mkdir -p folder.json
row "check directory" "" check folder.json
python3 -c "print('{\"format\":\"chanvas/1\",\"x\":' + '['*2000 + ']'*2000 + '}')" > deep.json
row "check 2000-deep JSON" "" check deep.json
python3 -c "print('{\"format\":\"chanvas/1\",\"processes\":[{\"id\":\"p\",\"script\":\"\",\"x\":' + '7'*2000 + '}]}')" > long.json
row "check 2000-digit number" "" check long.json
sed 's/"rendezvous"/"buffered", "capacity": 1e999999999/' ok.json > cap.json
row "check capacity 1e999999999" "" check cap.json

cat > unwired.json <<'EOF'
{ "format": "chanvas/1", "processes": [ { "id": "p", "script": "send out 1" } ], "channels": [] }
EOF
row "check port with no channel" "" check unwired.json
row "run port with no channel" "" run unwired.json
cat > unused.json <<'EOF'
{ "format": "chanvas/1",
  "processes": [ { "id": "p", "script": "print 1" }, { "id": "c", "script": "m = recv in" } ],
  "channels": [ { "id": "q", "kind": "rendezvous", "writers": ["p.out"], "readers": ["c.in"] } ] }
EOF
row "check unused writer port" "grep -c 'no deadlock-prone' out.txt" check unused.json
row "run unused writer port" "" run unused.json --timeout 5
row "export unused writer port" "" export unused.json -o out.svg
