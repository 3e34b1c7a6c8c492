#!/usr/bin/env bash
# Erasure receipts: list (a project's), show (one by id), find (a customer's, by its id); erase (any customer id).
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run-tool.sh" dev.trackingapi.admin.ErasureReceiptsCli "$@"
