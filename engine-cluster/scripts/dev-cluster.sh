#!/usr/bin/env bash
# Starts, stops or shows a 3-node production-engine cluster on loopback for development.
#   engine-cluster/scripts/dev-cluster.sh start | stop | status | credential <userId>
# Nodes read engine-cluster/config/node-N.properties; files and logs go to engine-cluster/target/dev-cluster/.
# Metrics: http://127.0.0.1:9100/metrics (node 0), 9101, 9102.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=target/dev-cluster
OPENS="--add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/java.util.zip=ALL-UNNAMED"

java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  for candidate in /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then echo "$candidate/bin/java"; return; fi
  done
  echo java
}

classpath() {
  if [ ! -f "$RUN/classpath" ] || [ pom.xml -nt "$RUN/classpath" ]; then
    mkdir -p "$RUN"
    (cd .. && mvn -B -q -pl engine-cluster -am install -DskipTests) >&2
    mvn -B -q dependency:build-classpath -Dmdep.outputFile="$RUN/classpath" >&2
  fi
  echo "target/classes:$(cat "$RUN/classpath")"
}

case "${1:-}" in
  start)
    CP="$(classpath)"
    for i in 0 1 2; do
      if [ -f "$RUN/node-$i.pid" ] && kill -0 "$(cat "$RUN/node-$i.pid")" 2>/dev/null; then
        echo "node $i already running (pid $(cat "$RUN/node-$i.pid"))"; continue
      fi
      # shellcheck disable=SC2086
      nohup "$(java_bin)" $OPENS -Xmx512m -cp "$CP" com.bourse.cluster.node.ClusterNodeLauncher \
        "config/node-$i.properties" > "$RUN/node-$i.log" 2>&1 &
      echo $! > "$RUN/node-$i.pid"
      echo "node $i started (pid $!), log $RUN/node-$i.log"
    done
    ;;
  stop)
    for i in 0 1 2; do
      if [ -f "$RUN/node-$i.pid" ]; then
        kill "$(cat "$RUN/node-$i.pid")" 2>/dev/null || true
        rm -f "$RUN/node-$i.pid"
        echo "node $i stopped"
      fi
    done
    ;;
  status)
    for i in 0 1 2; do
      if [ -f "$RUN/node-$i.pid" ] && kill -0 "$(cat "$RUN/node-$i.pid")" 2>/dev/null; then
        echo "node $i: running; $(curl -s "http://127.0.0.1:910$i/metrics" | grep -E '^bourse_(role|leader_member_id|commands_total)' | tr '\n' ' ')"
      else
        echo "node $i: stopped"
      fi
    done
    ;;
  credential)
    "$(java_bin)" -cp "$(classpath)" com.bourse.cluster.auth.CredentialTool config/dev-secret.b64 "${2:?userId}" 480
    ;;
  *)
    echo "usage: $0 start | stop | status | credential <userId>" >&2
    exit 2
    ;;
esac
