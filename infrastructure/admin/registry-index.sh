#!/usr/bin/env bash
# The one-off migration of the type registry to its by-project index, so that GET /schema lists the types registered
# before the index existed (see README.md). Safe beside live traffic and safe to run again.
exec "$(dirname "${BASH_SOURCE[0]}")/../java-tool.sh" infrastructure/admin dev.trackingapi.admin.RegistryIndexCli "$@"
