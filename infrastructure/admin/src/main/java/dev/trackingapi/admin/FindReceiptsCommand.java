package dev.trackingapi.admin;

import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.store.dynamodb.DynamoDbErasureKeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"List the erasure receipts of one customer, given its id: whether and when it was erased.",
                "Needs the customers table, which holds the key of the customer hashes (receipts alone cannot tell)."})
final class FindReceiptsCommand extends ReceiptCommand {
    @Mixin
    CustomerOptions target = new CustomerOptions();

    @Override
    Integer run(DynamoDbClient client, PrintWriter out) {
        String projectId = target.projectId();
        String customer = target.customer;
        byte[] key = new DynamoDbErasureKeyStore(client, dynamoDb.customersTable()).find().orElse(null);
        if (key == null) {
            out.println("No erasure has run in this deployment yet (the " + dynamoDb.where(dynamoDb.customersTable())
                    + " holds no erasure key).");
            return 0;
        }
        String hash = CustomerEraser.customerHash(key, projectId, customer);
        List<ErasureReceipt> receipts = ledger(client).listByProject(projectId).stream()
                .filter(receipt -> hash.equals(receipt.customerHash())).toList();
        if (receipts.isEmpty()) {
            out.println("No erasure of that customer in project " + projectId + ".");
            return 0;
        }
        printTable(receipts, out);
        return 0;
    }
}
