#!/usr/bin/env bash
# Administration of API keys: create (prints the key once), list (never secrets), revoke.
# Builds the tool on first use (quietly, without tests); needs only a JDK 17+ and Maven.
exec "$(dirname "${BASH_SOURCE[0]}")/../java-tool.sh" infrastructure/admin dev.trackingapi.admin.ApiKeysCli "$@"
