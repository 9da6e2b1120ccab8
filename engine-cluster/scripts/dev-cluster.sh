#!/usr/bin/env bash
# Starts, stops, kills or shows a 3-node production-engine cluster on loopback for development.
#   engine-cluster/scripts/dev-cluster.sh start | stop | status | bootstrap-secret
#   engine-cluster/scripts/dev-cluster.sh kill <member>       # kill -9: a crash, no shutdown hook, no goodbye
#   engine-cluster/scripts/dev-cluster.sh restart <member>    # stop it if running, then start it on its files
#   engine-cluster/scripts/dev-cluster.sh snapshot <member>   # ask the cluster, through that member (the leader), to snapshot
# Nodes read engine-cluster/config/node-N.properties; files and logs go to engine-cluster/target/dev-cluster/.
# Metrics: http://127.0.0.1:9100/metrics (node 0), 9101, 9102.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=target/dev-cluster
MEMBERS="0 1 2"
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

member_arg() {
  case "${1:-}" in
    0|1|2) echo "$1" ;;
    *) echo "member must be one of $MEMBERS, not '${1:-}'" >&2; exit 2 ;;
  esac
}

running() {
  [ -f "$RUN/node-$1.pid" ] && kill -0 "$(cat "$RUN/node-$1.pid")" 2>/dev/null
}

# A node killed with kill -9 restarts at once on its files: the launcher releases the mark files of dead processes.
start_node() {
  local i="$1" cp="$2"
  if running "$i"; then
    echo "node $i already running (pid $(cat "$RUN/node-$i.pid"))"; return
  fi
  # shellcheck disable=SC2086
  nohup "$(java_bin)" $OPENS -Xmx512m -cp "$cp" com.bourse.cluster.node.ClusterNodeLauncher \
    "config/node-$i.properties" >> "$RUN/node-$i.log" 2>&1 &
  echo $! > "$RUN/node-$i.pid"
  echo "node $i started (pid $!), log $RUN/node-$i.log"
}

stop_node() {
  local i="$1"
  if running "$i"; then
    local pid
    pid="$(cat "$RUN/node-$i.pid")"
    kill "$pid"
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "node $i stopped"
  fi
  rm -f "$RUN/node-$i.pid"
}

case "${1:-}" in
  start)
    CP="$(classpath)"
    for i in $MEMBERS; do start_node "$i" "$CP"; done
    ;;
  stop)
    for i in $MEMBERS; do stop_node "$i"; done
    ;;
  kill)
    i="$(member_arg "${2:-}")"
    if ! running "$i"; then echo "node $i is not running" >&2; exit 1; fi
    kill -9 "$(cat "$RUN/node-$i.pid")"
    rm -f "$RUN/node-$i.pid"
    echo "node $i killed (SIGKILL)"
    ;;
  restart)
    i="$(member_arg "${2:-}")"
    CP="$(classpath)"
    stop_node "$i"
    start_node "$i" "$CP"
    ;;
  status)
    for i in $MEMBERS; do
      if running "$i"; then
        echo "node $i: running; $(curl -s "http://127.0.0.1:910$i/metrics" | grep -E '^bourse_(role|leader_member_id|commands_total|engine_snapshot_[a-z0-9_]+)\{' | tr '\n' ' ')"
      else
        echo "node $i: stopped"
      fi
    done
    ;;
  snapshot)
    i="$(member_arg "${2:-}")"
    # shellcheck disable=SC2086
    "$(java_bin)" $OPENS -cp "$(classpath)" io.aeron.cluster.ClusterTool "$RUN/node-$i/consensus" snapshot
    ;;
  bootstrap-secret)
    # Printed by the first start too; opens the installation's session until the cluster has a user (seed-cluster).
    cat target/dev-cluster/bootstrap.secret
    ;;
  *)
    echo "usage: $0 start | stop | status | kill <member> | restart <member> | snapshot <member> | bootstrap-secret" >&2
    exit 2
    ;;
esac
