package dev.trackingapi.admin;

import dev.trackingapi.model.Dates;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.store.dynamodb.DynamoDbErasureLedger;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.List;

/** What every receipts command shares: the receipts table and, for some, the customers and events tables. */
abstract class ReceiptCommand extends TableCommand {
    private static final String ROW = "%-25s %-9s %-26s %-26s %7s %9s %7s  %s%n";

    @CommandLine.Mixin
    ReceiptsOptions dynamoDb = new ReceiptsOptions();

    @Override
    ConnectionOptions options() {
        return dynamoDb;
    }

    @Override
    String tableOptions() {
        return "--table with the stack's ErasureReceiptsTableName output (and --customers-table, --events-table with"
                + " CustomersTableName, EventsTableName)";
    }

    DynamoDbErasureLedger ledger(DynamoDbClient client) {
        return new DynamoDbErasureLedger(client, dynamoDb.table());
    }


    /** Receipts as a table: id, status, when, counts, and the first characters of the customer hash. */
    static void printTable(List<ErasureReceipt> receipts, PrintWriter out) {
        out.printf(ROW, "RECEIPT", "STATUS", "REQUESTED", "COMPLETED", "PROFILE", "EVENTS", "OTHER", "CUSTOMER HASH");
        for (ErasureReceipt receipt : receipts) {
            out.printf(ROW, receipt.receiptId(), status(receipt), Dates.format(receipt.requestedAt()),
                    receipt.complete() ? Dates.format(receipt.completedAt()) : "-", receipt.erased().profile(),
                    receipt.erased().events(), receipt.erased().other(), receipt.customerHash().substring(0, 12) + "…");
        }
    }

    static String status(ErasureReceipt receipt) {
        return receipt.complete() ? "complete" : "erasing";
    }
}
