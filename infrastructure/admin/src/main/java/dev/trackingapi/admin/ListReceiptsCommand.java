package dev.trackingapi.admin;

import dev.trackingapi.model.ErasureReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List a project's erasure receipts, newest first: id, status, when, counts. No personal data.")
final class ListReceiptsCommand extends ReceiptCommand {
    @Option(names = "--project", required = true, paramLabel = "ID", description = "The project whose receipts to list.")
    String project;

    @Override
    Integer run(DynamoDbClient client, PrintWriter out) {
        List<ErasureReceipt> receipts = ledger(client).listByProject(TableCommand.checkedProject(project));
        if (receipts.isEmpty()) {
            out.println("Project " + project + " has no erasure receipts.");
            return 0;
        }
        printTable(receipts, out);
        return 0;
    }
}
