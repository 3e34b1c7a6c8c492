#!/usr/bin/env bash
# Administration of API keys: create (prints the key once), list (never secrets), revoke.
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run-tool.sh" dev.trackingapi.admin.ApiKeysCli "$@"
