#!/usr/bin/env bash
# The engine benchmark: our engine and exchange-core on the same generated order stream, one JVM after the other.
#   ./bourse bench          full run (a few minutes; see docs/benchmarks.md)
#   ./bourse bench smoke    a few seconds of each step, to prove the benchmark still works (CI)
# Expects JAVA_HOME to be a JDK 25 (./bourse sets it). exchange-core 0.5.3 cannot run on 25 (its Chronicle 2.19
# looks up JDK internals removed after 17), so its JVM is a JDK 17: $PEER_JAVA_HOME, or one under /usr/lib/jvm.
# Logs and the comparison table go to bench-results/<time>/.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-full}"
case "$mode" in
  full)
    ours_args=(--commands=5000000 --warmup=3 --rounds=5 --latency-rounds=2)
    jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s -p primed=true,false)
    peer_args=(--commands=5000000 --warmup=1 --rounds=3 --latency-commands=50000 --latency-rate=10000)
    ;;
  smoke)
    ours_args=(--commands=100000 --warmup=1 --rounds=1 --latency-rounds=1)
    jmh_args=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p commandsPerEngine=100000 -p engines=40 -p primed=true)
    peer_args=(--commands=100000 --warmup=0 --rounds=1 --latency-commands=2000 --latency-rate=10000)
    ;;
  *)
    echo "usage: ./bourse bench [smoke]" >&2
    exit 2
    ;;
esac

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

JAVA25="${JAVA_HOME:?JAVA_HOME must point at a JDK 25 (./bourse bench sets it)}/bin/java"
if [ "$(java_major "$JAVA25")" != "25" ]; then
  echo "bench: JAVA_HOME=$JAVA_HOME is not a JDK 25" >&2
  exit 1
fi
JAVA17=""
for candidate in "${PEER_JAVA_HOME:-}" /usr/lib/jvm/*17*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" = "17" ]; then
    JAVA17="$candidate/bin/java"
    break
  fi
done
if [ -z "$JAVA17" ]; then
  echo "bench: exchange-core needs a JDK 17 (none in \$PEER_JAVA_HOME or /usr/lib/jvm/*17*); install one, e.g. openjdk-17-jdk-headless" >&2
  exit 1
fi

# Same flags for both JVMs: a fixed heap, and transparent huge pages (the kernel gives them on madvise; they cut
# TLB misses, worth about a third of the CPU time per command on the 100-instrument stream). Nothing else tuned.
JVM_FLAGS=(-Xms3g -Xmx3g -XX:+UseTransparentHugePages)
# exchange-core's Chronicle reflects into these JDK packages when it first serialises a binary command.
PEER_OPENS=(--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED
            --add-opens java.base/sun.nio.ch=ALL-UNNAMED)

echo "== building benchmark modules =="
# Tests of the upstream modules are not compiled: the benchmark needs only their main code.
mvn -B -q -Dmaven.test.skip=true install -pl benchmarks/engine-bench,benchmarks/exchange-core-peer -am

out="bench-results/$(date +%Y%m%d-%H%M%S)-$mode"
mkdir -p "$out"
{
  echo "== machine =="
  echo "cpus: $(nproc), $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "ours on $("$JAVA25" -version 2>&1 | head -1); exchange-core on $("$JAVA17" -version 2>&1 | head -1)"
} | tee "$out/machine.txt"

ours_cp="benchmarks/engine-bench/target/engine-bench.jar:benchmarks/engine-bench/target/lib/*"
peer_cp="benchmarks/exchange-core-peer/target/exchange-core-peer.jar:benchmarks/exchange-core-peer/target/lib/*"

echo
"$JAVA25" "${JVM_FLAGS[@]}" -cp "$ours_cp" com.bourse.bench.engine.EngineBench "${ours_args[@]}" | tee "$out/bourse.txt"

echo
echo "== JMH: time and bytes allocated per Engine.apply (one instrument, -prof gc) =="
"$JAVA25" -cp "$ours_cp" org.openjdk.jmh.Main EngineApplyBenchmark -prof gc "${jmh_args[@]}" \
  -rf text -rff "$out/jmh-summary.txt" > "$out/jmh.txt"
sed -n '/^Benchmark/,$p' "$out/jmh-summary.txt"

echo
# exchange-core logs through slf4j-simple; its INFO chatter goes to stderr, the figures to stdout.
"$JAVA17" "${JVM_FLAGS[@]}" "${PEER_OPENS[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$peer_cp" com.bourse.bench.peer.ExchangeCorePeer "${peer_args[@]}" 2> "$out/exchange-core.stderr" \
  | tee "$out/exchange-core.txt"

# JMH's score is the token before "±" (or before the unit when one iteration gives no error).
jmh_score() { awk -v pat="$1" '$0 ~ pat { s = $(NF-1); for (i = 1; i <= NF; i++) if ($i == "±") s = $(i-1); print s; exit }' "$out/jmh-summary.txt"; }
jmh_norm="$(jmh_score 'gc[.]alloc[.]rate[.]norm .* true ')"
jmh_time="$(jmh_score 'applyNextCommand  .* true ')"
jmh_norm_fresh="$(jmh_score 'gc[.]alloc[.]rate[.]norm .* false ')"
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
grep -h '^RESULT' "$out/bourse.txt" "$out/exchange-core.txt" | awk -v jmh_norm="${jmh_norm:-?}" -v jmh_time="${jmh_time:-?}" -v jmh_norm_fresh="${jmh_norm_fresh:-}" '
  function field(line, name,   n, i, kv, parts) {
    n = split(line, parts, " ")
    for (i = 2; i <= n; i++) { split(parts[i], kv, "="); if (kv[1] == name) return kv[2] }
    return ""
  }
  function us(ns) { return ns < 0 ? "n/a" : sprintf("%.2f", ns / 1000) }
  function row(e, v) {
    printf "%-16s %-14s %12.0f %9.0f %9s %9s %9s %11s\n", v, e, tput[e, v], cpu[e, v], us(p50[e, v]), us(p99[e, v]),
      us(p999[e, v]), us(mx[e, v])
  }
  {
    engine = field($0, "engine"); variant = field($0, "variant")
    if (!(variant in seen)) { seen[variant] = 1; order[++count] = variant }
    have[engine, variant] = 1
    tput[engine, variant] = field($0, "throughput"); cpu[engine, variant] = field($0, "cpuPerCommand")
    p50[engine, variant] = field($0, "p50"); p99[engine, variant] = field($0, "p99")
    p999[engine, variant] = field($0, "p999"); mx[engine, variant] = field($0, "max")
    if (engine == "exchange-core") rate[variant] = field($0, "latencyRate")
  }
  END {
    print "== comparison =="
    printf "%-16s %-14s %12s %9s %9s %9s %9s %11s\n", "stream", "engine", "commands/s", "CPU ns/cmd", "p50 us",
      "p99 us", "p99.9 us", "max us"
    for (k = 1; k <= count; k++) {
      v = order[k]
      row("bourse", v)
      if (("exchange-core", v) in have) {
        row("exchange-core", v)
        printf "%-16s %-14s %11.1fx %9.1fx\n", v, "ratio", tput["bourse", v] / tput["exchange-core", v],
          cpu["exchange-core", v] / cpu["bourse", v]
      }
    }
    print ""
    print "commands/s: median wall-clock throughput of the timed rounds. CPU ns/cmd: CPU time of the whole JVM per command."
    print "bourse latency: System.nanoTime around each Engine.apply on the engine thread (service time, no queue)."
    for (k = 1; k <= count; k++) if (order[k] in rate)
      printf "exchange-core latency (%s): scheduled send to result at %d commands/s offered, across its pipeline threads.\n", order[k], rate[order[k]]
    printf "JMH (one instrument, every price level already created): %s ns per Engine.apply, %s bytes allocated per apply\n", jmh_time, jmh_norm
    if (jmh_norm_fresh != "")
      printf "JMH (fresh engines that still create price levels on first use): %s bytes allocated per apply\n", jmh_norm_fresh
  }' | tee "$out/comparison.txt"
echo "logs: $out"
