#!/usr/bin/env bash
# chanvas verify next to SPIN 6.5 on the dining philosophers (issue 10, "Speed and scale").
# For each network: SPIN end to end (spin -a + gcc -O2 -DSAFETY + ./pan), pan alone, and ./chanvas verify
# (JVM start included), timed with hyperfine (else /usr/bin/time, one run), plus each tool's verdict and states.
# The deadlock cases use -DBFS, so SPIN too looks for a shortest trail, as verify does.
#   bench/verify-vs-spin.sh [N ...]        default: 5 8 10 12
# Needs: apt-get install -y spin gcc hyperfine
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
sizes=("${@:-5 8 10 12}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
command -v spin >/dev/null && command -v gcc >/dev/null || { echo "needs spin and gcc: apt-get install -y spin gcc" >&2; exit 2; }
python3 "$here/gen-philosophers.py" "${sizes[@]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/chanvas" verify "$here/networks/phil-naive-5.chanvas.json" >/dev/null 2>&1 || true   # build + class archive once

time_cmd() { # prints mean seconds of a shell command
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$work/h.json" "$1" >/dev/null 2>&1 || \
      hyperfine --warmup 1 --runs "${RUNS:-5}" -i --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json;print('%.3f'%json.load(open('$work/h.json'))['results'][0]['mean'])"
  else
    /usr/bin/time -f %e bash -c "$1" 2>&1 >/dev/null | tail -1
  fi
}

printf '%-10s %5s | %-14s %9s %9s %8s | %-14s %9s %9s %11s %8s | %7s %7s\n' network N "spin verdict" states \
  "spin e2e" "pan" "verify verdict" states "verify" "states/s" "B/state" "v/e2e" "v/pan"
for n in "${sizes[@]}"; do
  for kind in naive left; do
    pml="$here/spin/phil-$kind-$n.pml"
    net="$here/networks/phil-$kind-$n.chanvas.json"
    flags="-O2 -DSAFETY"
    run="./pan -m2000000"   # depth-first: the loops make the search as deep as the state space is wide
    [ "$kind" = naive ] && flags="$flags -DBFS" && run="./pan"
    cp "$pml" "$work/model.pml"
    e2e="cd $work && spin -a model.pml >/dev/null && gcc $flags -o pan pan.c && $run"
    spin_e2e=$(time_cmd "bash -c '$e2e'")
    (cd "$work" && $run >"$work/pan.out" 2>&1 || true)
    pan_alone=$(time_cmd "bash -c 'cd $work && $run'")
    spin_states=$(grep -oE '^ *[0-9]+ states, stored' "$work/pan.out" | grep -oE '[0-9]+' | head -1)
    spin_errors=$(grep -oE 'errors: [0-9]+' "$work/pan.out" | grep -oE '[0-9]+')
    spin_verdict=$([ "$spin_errors" = 0 ] && echo deadlock-free || echo "deadlock")
    "$root/chanvas" verify "$net" --stats >"$work/v.out" 2>"$work/v.err" || true
    v_line=$(head -1 "$work/v.out")
    v_verdict=$(echo "$v_line" | cut -d: -f1 | awk '{print $1}')
    [ "$v_verdict" = deadlock ] && v_verdict="deadlock/$(echo "$v_line" | grep -oE 'in [0-9]+ moves' | grep -oE '[0-9]+')"
    v_states=$(echo "$v_line" | grep -oE '\(([0-9,]+) states' | grep -oE '[0-9,]+' | tr -d ,)
    v_rate=$(grep -oE '[0-9]+ states/s' "$work/v.err" | grep -oE '^[0-9]+')
    v_bytes=$(grep -oE '[0-9.]+ bytes per' "$work/v.err" | grep -oE '^[0-9.]+')
    v_time=$(time_cmd "$root/chanvas verify $net")
    printf '%-10s %5s | %-14s %9s %8ss %7ss | %-14s %9s %8ss %11s %8s | %7.2f %7.2f\n' "$kind" "$n" "$spin_verdict" \
      "$spin_states" "$spin_e2e" "$pan_alone" "$v_verdict" "$v_states" "$v_time" "$v_rate" "$v_bytes" \
      "$(echo "$v_time / $spin_e2e" | bc -l)" "$(echo "$v_time / $pan_alone" | bc -l)"
  done
done
echo "v/e2e: verify's time over SPIN's end to end (the bar: at most 1); v/pan: over pan alone (the moonshot)."
