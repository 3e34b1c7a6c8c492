#!/usr/bin/env bash
# Sends NDJSON events and customers, and CSV customer lists, to the tracking API through POST /track/batch.
# Builds the tool on first use (quietly, without tests); needs only a JDK 17+ and Maven. See README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
classpath_file="$here/target/runtime-classpath.txt"

stale() {
  [ ! -f "$classpath_file" ] && return 0
  [ -n "$(find "$root/functions/src/main" "$root/functions/pom.xml" "$here/src/main" "$here/pom.xml" \
      -newer "$classpath_file" -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "Building the importer..." >&2
  mvn -q -B -f "$root/pom.xml" -pl infrastructure/import -am -DskipTests package >&2
fi
exec java ${IMPORT_JAVA_OPTS:-} -cp "$here/target/classes:$(cat "$classpath_file")" dev.trackingapi.importer.ImportCli "$@"
