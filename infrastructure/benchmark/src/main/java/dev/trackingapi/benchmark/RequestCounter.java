package dev.trackingapi.benchmark;

import dev.trackingapi.store.dynamodb.CustomersTable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the functions ask of DynamoDB, on the client itself (an SDK interceptor), not by estimate: read and
 * write requests, the bytes of the items written and the write units they cost, and conditional writes that failed
 * (which cost write units too).
 */
public final class RequestCounter implements ExecutionInterceptor {
    private final LongAdder writeRequests = new LongAdder();
    private final LongAdder readRequests = new LongAdder();
    private final LongAdder writeUnits = new LongAdder();
    private final LongAdder itemBytes = new LongAdder();
    private final LongAdder failedConditions = new LongAdder();
    private final LongAdder erasureCountReads = new LongAdder();

    /**
     * The counts at one moment; subtract two to get what happened in between.
     *
     * @param erasureCountReads of the read requests, those of a project's erasure count (one per environment and
     *                          project every trust window)
     */
    public record Counts(long writeRequests, long readRequests, long writeUnits, long itemBytes, long failedConditions,
                         long erasureCountReads) {
        public Counts minus(Counts earlier) {
            return new Counts(writeRequests - earlier.writeRequests, readRequests - earlier.readRequests,
                    writeUnits - earlier.writeUnits, itemBytes - earlier.itemBytes,
                    failedConditions - earlier.failedConditions, erasureCountReads - earlier.erasureCountReads);
        }
    }

    public Counts snapshot() {
        return new Counts(writeRequests.sum(), readRequests.sum(), writeUnits.sum(), itemBytes.sum(),
                failedConditions.sum(), erasureCountReads.sum());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        SdkRequest request = context.request();
        if (request instanceof PutItemRequest put) {
            write(put.item());
        } else if (request instanceof UpdateItemRequest update) {
            writeRequests.increment();
            long bytes = ItemSizes.of(update.key()) + ItemSizes.of(update.expressionAttributeValues());
            itemBytes.add(bytes);
            writeUnits.add(ItemSizes.writeUnits(bytes));
        } else if (request instanceof BatchWriteItemRequest batch) {
            writeRequests.increment();
            for (List<WriteRequest> writes : batch.requestItems().values()) {
                for (WriteRequest write : writes) {
                    if (write.putRequest() != null) {
                        long bytes = ItemSizes.of(write.putRequest().item());
                        itemBytes.add(bytes);
                        writeUnits.add(ItemSizes.writeUnits(bytes));
                    } else {
                        writeUnits.add(1);
                    }
                }
            }
        } else if (request instanceof DeleteItemRequest || request instanceof TransactWriteItemsRequest) {
            writeRequests.increment();
            writeUnits.add(1);
        } else if (request instanceof GetItemRequest || request instanceof BatchGetItemRequest
                || request instanceof QueryRequest || request instanceof ScanRequest
                || request instanceof TransactGetItemsRequest) {
            readRequests.increment();
            if (request instanceof GetItemRequest get && get.key().containsKey(CustomersTable.SK)
                    && CustomersTable.ERASURES.equals(get.key().get(CustomersTable.SK).s())) {
                erasureCountReads.increment();
            }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        if (context.exception() instanceof ConditionalCheckFailedException) {
            failedConditions.increment();
        }
    }

    private void write(Map<String, AttributeValue> item) {
        writeRequests.increment();
        long bytes = ItemSizes.of(item);
        itemBytes.add(bytes);
        writeUnits.add(ItemSizes.writeUnits(bytes));
    }
}
