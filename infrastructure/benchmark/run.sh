#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (several minutes; loopback only). --quick for a short smoke run,
# --figures 3,4 for only some of them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
echo "Building (without tests)..." >&2
mvn -q -B -f "$root/pom.xml" -pl infrastructure/benchmark,infrastructure/local-api -am -DskipTests package >&2
cd "$root"
exec java -Xmx2g -cp "$here/target/classes:$(cat "$here/target/runtime-classpath.txt")" \
  dev.trackingapi.benchmark.Benchmarks "$@"
