#!/usr/bin/env bash
# Start-up and latency of kubectl-blame as a user meets it: the whole process timed from outside, each command
# paired with a kubectl command run right after it (alternating which goes first), median of RUNS runs.
# Reproduces the table in docs/performance.md ("A plugin that feels native").
#
#   mvn -B -pl blame-examples/kubectl-blame -am package -DskipTests
#   blame-examples/kubectl-blame/src/bench/bench.sh [RUNS]          # default 10
#
# LAUNCHER (default: the plugin layout built in target/plugin/kubectl-blame), DEMO_JAR (the jar that serves the demo
# cluster; default target/kubectl-blame.jar) and KUBECTL may be set;
# BASELINE (another launcher, e.g. an older build's) adds its runs to each row, in the same rotation;
# KUBECTL_BLAME_JAVA_OPTS passes flags to the JVM (e.g. -XX:-AutoCreateSharedArchive to compare).
# It starts the demo cluster (`kubectl-blame demo empty --serve`) on a free port, creates Deployments in
# namespace bench until a `kubectl get -o yaml` dump of it holds >= 200 objects, and measures:
#   offline   kubectl blame -f dump.yaml deploy/web     vs  kubectl get -f dump.yaml -o name   (the same objects)
#   version   kubectl blame --version                   vs  kubectl version --client
#   help      kubectl blame --help                      vs  kubectl --help
#   live      kubectl blame deploy/web -n bench          vs  kubectl describe deploy web -n bench
# offline and live are answered by the background server (docs/cli.md) once it runs: the rows "offline-cold" and
# "live-cold" run the same commands with KUBECTL_BLAME_SERVER=off (in-process, as a first run or a run after the
# server's idle exit does), and the first run of each with no server running is timed once and printed apart.
# SERVER=off measures without the server throughout.
set -euo pipefail
runs=${1:-10}
module=$(cd "$(dirname "$0")/../.." && pwd -P)
launcher=${LAUNCHER:-$module/target/plugin/kubectl-blame}
jar=${DEMO_JAR:-$module/target/kubectl-blame.jar}
kubectl=${KUBECTL:-kubectl}
[ -x "$launcher" ] || { echo "bench: no launcher at $launcher; build the module first" >&2; exit 2; }
work=$(mktemp -d)
server=
cleanup() { rm -f "${KUBECTL_BLAME_CACHE:-$work/cache}"/server/*.sock; if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# A copy, so that rebuilding the module while this runs does not pull the jar from under the demo cluster.
cp "$jar" "$work/demo.jar"
# Under heavy load the demo's simulated controllers may not sync in time: try up to three times.
for attempt in 1 2 3; do
  "${JAVA:-java}" -jar "$work/demo.jar" demo empty --serve --write-kubeconfig "$work/kubeconfig" >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  for _ in $(seq 1 900); do
    grep -q KUBECONFIG "$work/serve.out" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  grep -q KUBECONFIG "$work/serve.out" && break
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=
  echo "bench: the demo cluster did not start (attempt $attempt): $(grep -m1 '^error' "$work/serve.err")" >&2
done
[ -n "$server" ] || exit 2
export KUBECONFIG="$work/kubeconfig"
"$kubectl" create namespace bench >/dev/null

deployment() {
  cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: $1, namespace: bench, labels: {app: $1}}
spec:
  replicas: 3
  selector: {matchLabels: {app: $1}}
  template:
    metadata: {labels: {app: $1}}
    spec:
      containers:
      - {name: main, image: "nginx:1.27", ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: $1, namespace: bench}
spec: {selector: {app: $1}, ports: [{port: 80}]}
YAML
}
dump() { "$kubectl" get deploy,rs,pods,svc,events -n bench -o yaml >"$work/dump.yaml"; grep -c '^  kind: ' "$work/dump.yaml" || true; }
deployment web | "$kubectl" apply -f - >/dev/null
i=1
while :; do
  sleep 1
  count=$(dump)
  [ "$count" -ge 200 ] && break
  deployment "app-$i" | "$kubectl" apply -f - >/dev/null
  i=$((i + 1))
done
"$kubectl" rollout status deploy/web -n bench --timeout=60s >/dev/null
count=$(dump)

# The launcher's class-data archive: made by the first run, in the background; measure once it is there.
export KUBECTL_BLAME_CACHE="${KUBECTL_BLAME_CACHE:-$work/cache}"
KUBECTL_BLAME_SERVER=off "$launcher" -f "$work/dump.yaml" deploy/web >/dev/null 2>&1 || true
for _ in $(seq 1 600); do
  ls "$KUBECTL_BLAME_CACHE"/*.lock >/dev/null 2>&1 || break
  sleep 1
done
archive=$(ls -t "$KUBECTL_BLAME_CACHE"/*.jsa "$KUBECTL_BLAME_CACHE"/*.aot 2>/dev/null | head -1 || true)

now_ns() { date +%s%N; }
if [ "${SERVER:-on}" = off ]; then export KUBECTL_BLAME_SERVER=off; fi
# run NAME CMD...: times one run, appends wall milliseconds to $work/NAME and CPU milliseconds (user + system, the
# process and its children: steadier than wall time on a loaded machine) to $work/NAME.cpu
run() {
  local name=$1; shift
  local t0 t1 c0 c1
  times >"$work/times"; c0=$(cpu_ms)
  t0=$(now_ns)
  "$@" >/dev/null 2>"$work/last.err" || { echo "bench: '$*' failed:" >&2; cat "$work/last.err" >&2; exit 1; }
  t1=$(now_ns)
  times >"$work/times"; c1=$(cpu_ms)
  echo $(( (t1 - t0) / 1000000 )) >>"$work/$name"
  echo $(( c1 - c0 )) >>"$work/$name.cpu"
}
# CPU time of this shell's finished children so far, in ms, from `times` run in this shell (in a $(...) subshell it
# would count the subshell's children): its second line is the children's user and system time.
cpu_ms() {
  awk 'NR == 2 {
    split($1, u, "m"); split($2, s, "m");
    printf "%d\n", (u[1] * 60 + u[2]) * 1000 + (s[1] * 60 + s[2]) * 1000 }' "$work/times"
}
median() { sort -n "$work/$1" | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%d\n", (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { sort -n "$work/$1" | head -1; }
pair() {
  local name=$1; shift
  local a=() b=() seen=
  for arg in "$@"; do
    if [ "$arg" = "::" ]; then seen=1; elif [ -n "$seen" ]; then b+=("$arg"); else a+=("$arg"); fi
  done
  # The baseline's command: this one with the launcher replaced wherever it stands (after `env VAR=...` too).
  local c=()
  if [ -n "${BASELINE:-}" ]; then
    for arg in "${a[@]}"; do if [ "$arg" = "$launcher" ]; then c+=("$BASELINE"); else c+=("$arg"); fi; done
  fi
  run "$name.warm" "${a[@]}"; run "$name.warmk" "${b[@]}"
  if [ -n "${BASELINE:-}" ]; then run "$name.warmb" "${c[@]}"; fi
  for ((r = 0; r < runs; r++)); do
    if ((r % 2)); then run "$name.k" "${b[@]}"; run "$name" "${a[@]}"; else run "$name" "${a[@]}"; run "$name.k" "${b[@]}"; fi
    if [ -n "${BASELINE:-}" ]; then run "$name.b" "${c[@]}"; fi
  done
  local base="-"
  if [ -n "${BASELINE:-}" ]; then base="$(median "$name.b") / $(minimum "$name.b") ms"; fi
  if [ -n "${BASELINE:-}" ]; then base="$base (CPU $(median "$name.b.cpu") ms)"; fi
  printf '| %s | %s / %s ms (CPU %s ms) | %s | %s / %s ms (CPU %s ms) | %s× (CPU %s×) |\n' "$name" \
    "$(median "$name")" "$(minimum "$name")" "$(median "$name.cpu")" "$base" \
    "$(median "$name.k")" "$(minimum "$name.k")" "$(median "$name.k.cpu")" \
    "$(awk -v a="$(median "$name")" -v b="$(median "$name.k")" 'BEGIN {printf "%.1f", a / b}')" \
    "$(awk -v a="$(median "$name.cpu")" -v b="$(median "$name.k.cpu")" 'BEGIN {printf "%.1f", a / b}')"
}

echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("${JAVA:-java}" -version 2>&1 | head -1); kubectl: $("$kubectl" version --client 2>/dev/null | head -1)"
echo "# dump: $count objects; $runs runs each, median / min, paired with kubectl; archive: ${archive:-none} (KUBECTL_BLAME_CACHE=$KUBECTL_BLAME_CACHE)"
echo "| command | kubectl-blame median / min (CPU median) | baseline (BASELINE=${BASELINE:-none}) median / min (CPU) | kubectl median / min (CPU median) | kubectl-blame / kubectl, wall (CPU) |"
echo "|---|---|---|---|---|"
# The first runs, no server running yet: each runs in-process and starts the server in the background.
rm -f "$KUBECTL_BLAME_CACHE"/server/*.sock
run first-offline "$launcher" -f "$work/dump.yaml" deploy/web
run first-live "$launcher" deploy/web -n bench
echo "# first runs, no server running (in-process; each starts the server): offline $(cat "$work/first-offline") ms" \
  "(CPU $(cat "$work/first-offline.cpu") ms), live $(cat "$work/first-live") ms (CPU $(cat "$work/first-live.cpu") ms)"
if [ "${KUBECTL_BLAME_SERVER:-on}" != off ]; then
  for _ in $(seq 1 300); do
    ls "$KUBECTL_BLAME_CACHE"/server/*.sock >/dev/null 2>&1 && break
    sleep 1
  done
  echo "# server: $(ls "$KUBECTL_BLAME_CACHE"/server/*.sock 2>/dev/null || echo 'none listening')"
fi
# The server is no child of this shell: its CPU is read from /proc around the served rows (their warm-up runs included).
server_ms() {
  local pid
  pid=$(ps -eo pid=,args= | grep -F -- "__serve $KUBECTL_BLAME_CACHE/server/" | grep -v grep | awk 'NR == 1 {print $1}')
  if [ -z "$pid" ]; then echo 0; return; fi
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat"
}
s0=$(server_ms)
pair offline "$launcher" -f "$work/dump.yaml" deploy/web :: "$kubectl" get -f "$work/dump.yaml" -o name
s1=$(server_ms)
pair version "$launcher" --version :: "$kubectl" version --client
pair help "$launcher" --help :: "$kubectl" --help
s2=$(server_ms)
pair live "$launcher" deploy/web -n bench :: "$kubectl" describe deploy web -n bench
s3=$(server_ms)
echo "# the server's CPU per served run (not in the CPU columns, which count this shell's children): offline" \
  "$(( (s1 - s0) / (runs + 1) )) ms, live $(( (s3 - s2) / (runs + 1) )) ms"
pair offline-cold env KUBECTL_BLAME_SERVER=off "$launcher" -f "$work/dump.yaml" deploy/web :: "$kubectl" get -f "$work/dump.yaml" -o name
pair live-cold env KUBECTL_BLAME_SERVER=off "$launcher" deploy/web -n bench :: "$kubectl" describe deploy web -n bench
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
