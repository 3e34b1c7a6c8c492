#!/usr/bin/env bash
# The long load run (reliability): concurrent clients against the local API on loopback for a few minutes.
# Exit 0 when no request got a 5xx, acknowledged == stored, and the server's live heap stayed flat.
# Usage: infrastructure/benchmark/load.sh [--minutes M (default 3)] [--clients C (default 16)]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
echo "Building (without tests)..." >&2
mvn -q -B -f "$root/pom.xml" -pl infrastructure/benchmark,infrastructure/local-api -am -DskipTests package >&2
cd "$root"
exec java -cp "$here/target/classes:$(cat "$here/target/runtime-classpath.txt")" dev.trackingapi.benchmark.LoadTest "$@"
