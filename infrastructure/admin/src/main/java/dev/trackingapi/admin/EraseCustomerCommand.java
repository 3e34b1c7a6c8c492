package dev.trackingapi.admin;

import dev.trackingapi.config.EnvironmentVariables;
import dev.trackingapi.model.Erasure;
import dev.trackingapi.model.ErasureReceipt;
import dev.trackingapi.service.CustomerEraser;
import dev.trackingapi.validation.CustomerIds;
import dev.trackingapi.validation.RequestValidationException;
import dev.trackingapi.wiring.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Erase a customer as DELETE /customers/{id} does (same code, same receipt), with your own AWS"
                + " credentials: for an id that cannot travel in a URL path through API Gateway ('/', '?', '#', '%').",
                "Prints the receipt. Takes at least 11 s when the customer has anything stored."})
final class EraseCustomerCommand extends ReceiptCommand {
    /** As long as the tool may work on one call of the eraser; it calls again until the erasure is complete. */
    private static final Duration TIME_PER_CALL = Duration.ofMinutes(5);

    @Mixin
    CustomerOptions target = new CustomerOptions();

    @Override
    Integer run(DynamoDbClient client, PrintWriter out) {
        String projectId = target.projectId();
        String customer = target.customer;
        try {
            CustomerIds.fromPath(customer);
        } catch (RequestValidationException invalid) {
            throw new UsageException("--customer: " + invalid.problems().get(0).message().replaceFirst("^id ", ""));
        }
        CustomerEraser eraser = Wiring.customerEraser(client, new EnvironmentVariables(Map.of(
                EnvironmentVariables.CUSTOMERS_TABLE, dynamoDb.customersTable(),
                EnvironmentVariables.EVENTS_TABLE, dynamoDb.eventsTable(),
                EnvironmentVariables.ERASURE_RECEIPTS_TABLE, dynamoDb.table())::get));
        Erasure erasure;
        do {
            erasure = eraser.erase(projectId, customer, Instant.now(), TIME_PER_CALL);
        } while (!erasure.complete());
        ErasureReceipt receipt = erasure.receipt();
        out.println("Erased: profile " + receipt.erased().profile() + ", events " + receipt.erased().events()
                + ", other " + receipt.erased().other() + ". Receipt " + receipt.receiptId() + ".");
        return 0;
    }
}
