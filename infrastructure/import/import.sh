#!/usr/bin/env bash
# Sends NDJSON events and customers, and CSV customer lists, to the tracking API through POST /track/batch.
# Builds the tool on first use (quietly, without tests); needs only a JDK 17+ and Maven. See README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/../java-tool.sh" infrastructure/import dev.trackingapi.importer.ImportCli "$@"
