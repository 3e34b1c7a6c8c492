#!/usr/bin/env bash
# Erasure receipts: list (a project's), show (one by id), find (a customer's, by its id); erase (any customer id).
exec "$(dirname "${BASH_SOURCE[0]}")/../java-tool.sh" infrastructure/admin dev.trackingapi.admin.ErasureReceiptsCli "$@"
