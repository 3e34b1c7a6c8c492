#!/usr/bin/env bash
# Administration of API keys: create (prints the key once), list (never secrets), revoke.
# Builds the tool on first use (quietly, without tests); needs only a JDK 17+ and Maven.
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
  echo "Building the admin tool..." >&2
  mvn -q -B -f "$root/pom.xml" -pl infrastructure/admin -am -DskipTests package >&2
fi
# registry-index.sh runs its own tool of this module through this script.
exec java -cp "$here/target/classes:$(cat "$classpath_file")" "${ADMIN_TOOL_MAIN:-dev.trackingapi.admin.ApiKeysCli}" "$@"
