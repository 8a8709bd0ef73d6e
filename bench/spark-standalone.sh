#!/usr/bin/env bash
# A Spark standalone cluster on this machine: one master and WORKERS workers, each its own JVM,
# started from Spark's jars as Maven Central has them (no Spark distribution needed).
# docs/spark.md, "Run on a standalone cluster", says how it was used.
#
#   bench/spark-standalone.sh jars     # once: Spark's jars into $SPARK_HOME/jars (a distribution's jars/)
#   bench/spark-standalone.sh start    # master on spark://127.0.0.1:7077, then the workers; waits until registered
#   bench/spark-standalone.sh status
#   bench/spark-standalone.sh stop     # stops only the JVMs this script started (pid files)
#
# Settings (environment): SPARK_HOME (default spark/target/spark-home), WORKERS (1), WORKER_CORES (1),
# WORKER_MEMORY (2g, what executors may take), MASTER_PORT (7077), MASTER_UI_PORT (8090; workers' UIs 8091...).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export SPARK_HOME=${SPARK_HOME:-$root/spark/target/spark-home}
# the worker starts executors from $SPARK_HOME/jars; its launcher asks for the Scala version
export SPARK_SCALA_VERSION=2.13
workers=${WORKERS:-1}
port=${MASTER_PORT:-7077}
ui=${MASTER_UI_PORT:-8090}
master="spark://127.0.0.1:$port"
# Spark's own --add-opens for Java 17 (spark/pom.xml, spark.javaOptions); executors get them from the driver's SparkContext
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true"

spark_version() {
  sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$root/pom.xml" | head -1
}

# waits up to 60 s for a line in a log
wait_for() {
  local log=$1 pattern=$2 what=$3
  for _ in $(seq 120); do
    if grep -q "$pattern" "$log" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "spark-standalone: $what did not come up within 60 s; see $log" >&2
  return 1
}

running() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

case "${1:-}" in
  jars)
    v=$(spark_version)
    mkdir -p "$SPARK_HOME"
    cat > "$SPARK_HOME/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.popcast</groupId><artifactId>spark-home</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId><version>$v</version></dependency>
  </dependencies>
</project>
EOF
    (cd "$SPARK_HOME" && mvn -B -q dependency:copy-dependencies -DoutputDirectory=jars)
    echo "Spark $v: $(ls "$SPARK_HOME/jars" | wc -l) jars in $SPARK_HOME/jars"
    ;;
  start)
    [ -d "$SPARK_HOME/jars" ] || { echo "spark-standalone: no $SPARK_HOME/jars; run: $0 jars" >&2; exit 1; }
    mkdir -p "$SPARK_HOME/logs" "$SPARK_HOME/work" "$SPARK_HOME/run"
    if running "$SPARK_HOME/run/master.pid"; then
      echo "spark-standalone: a master started by this script runs already (pid $(cat "$SPARK_HOME/run/master.pid"))" >&2
      exit 1
    fi
    # shellcheck disable=SC2086
    nohup java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$port" --webui-port "$ui" > "$SPARK_HOME/logs/master.log" 2>&1 &
    echo $! > "$SPARK_HOME/run/master.pid"
    wait_for "$SPARK_HOME/logs/master.log" "I have been elected leader" "the master"
    for w in $(seq "$workers"); do
      # shellcheck disable=SC2086
      nohup java -Xmx512m $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores "${WORKER_CORES:-1}" --memory "${WORKER_MEMORY:-2g}" --webui-port $((ui + w)) \
        --work-dir "$SPARK_HOME/work" "$master" > "$SPARK_HOME/logs/worker-$w.log" 2>&1 &
      echo $! > "$SPARK_HOME/run/worker-$w.pid"
    done
    for w in $(seq "$workers"); do
      wait_for "$SPARK_HOME/logs/worker-$w.log" "Successfully registered with master" "worker $w"
    done
    echo "$master: $workers worker(s) x ${WORKER_CORES:-1} core(s), ${WORKER_MEMORY:-2g}; master UI http://127.0.0.1:$ui; logs in $SPARK_HOME/logs"
    ;;
  status)
    for f in "$SPARK_HOME"/run/*.pid; do
      [ -e "$f" ] || { echo "nothing started"; exit 0; }
      if running "$f"; then echo "$(basename "$f" .pid): running (pid $(cat "$f"))"; else echo "$(basename "$f" .pid): not running"; fi
    done
    ;;
  stop)
    for f in "$SPARK_HOME"/run/worker-*.pid "$SPARK_HOME"/run/master.pid; do
      [ -e "$f" ] || continue
      if running "$f"; then
        kill "$(cat "$f")"
      fi
      rm -f "$f"
    done
    echo "stopped"
    ;;
  *)
    echo "usage: $0 jars|start|status|stop" >&2
    exit 2
    ;;
esac
