package dev.trackingapi.admin;

import dev.trackingapi.model.Dates;
import dev.trackingapi.model.ErasureReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one erasure receipt by its id (er_…, as DELETE /customers/{id} answered it).")
final class ShowReceiptCommand extends ReceiptCommand {
    @Option(names = "--id", required = true, paramLabel = "RECEIPT", description = "The receipt id.")
    String id;

    @Override
    Integer run(DynamoDbClient client, PrintWriter out) {
        ErasureReceipt receipt = ledger(client).find(id).orElseThrow(() -> new IllegalStateException(
                "No erasure receipt " + id + " in the " + dynamoDb.where()
                        + " (receipt ids look like er_ and 22 characters; see: erasure-receipts.sh list --project …)"));
        out.println("receipt        " + receipt.receiptId());
        out.println("project        " + receipt.projectId());
        out.println("customer hash  " + receipt.customerHash() + "  (HMAC-SHA256 of the project and customer id)");
        out.println("status         " + status(receipt));
        out.println("requested      " + Dates.format(receipt.requestedAt()));
        out.println("cutoff         " + (receipt.cutoffAt() == null ? "-" : Dates.format(receipt.cutoffAt()))
                + "  (everything received before it is erased)");
        out.println("completed      " + (receipt.complete() ? Dates.format(receipt.completedAt()) : "-"));
        out.println("erased         profile " + receipt.erased().profile() + ", events " + receipt.erased().events()
                + ", other " + receipt.erased().other());
        return 0;
    }
}
