#!/usr/bin/env bash
# Runs one of the admin tools (its main class first, then its arguments), building them on first use (quietly, without
# tests; needs only a JDK 17+ and Maven). api-keys.sh, erasure-receipts.sh and registry-index.sh call it.
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
  echo "Building the admin tools..." >&2
  mvn -q -B -f "$root/pom.xml" -pl infrastructure/admin -am -DskipTests package >&2
fi
main_class="$1"
shift
exec java -cp "$here/target/classes:$(cat "$classpath_file")" "$main_class" "$@"
