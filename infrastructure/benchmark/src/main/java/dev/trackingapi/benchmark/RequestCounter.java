package dev.trackingapi.benchmark;

import dev.trackingapi.store.dynamodb.CustomersTable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the functions ask of DynamoDB, on the client itself (an SDK interceptor), not by estimate: read and
 * write requests, the bytes of the items written and the write units they cost, conditional writes that failed
 * (which cost write units too), and the read units of the items read, as DynamoDB bills an eventually consistent
 * read: half a unit per 4 KB a request returns (a Query or Scan summed over its items, a batch per item), half a
 * unit at least; twice that for a consistent read. A Query's filtered-out items are billed too but not seen here, so
 * with a filter the figure is a floor.
 */
public final class RequestCounter implements ExecutionInterceptor {
    private final LongAdder writeRequests = new LongAdder();
    private final LongAdder readRequests = new LongAdder();
    private final LongAdder writeUnits = new LongAdder();
    private final LongAdder itemBytes = new LongAdder();
    private final LongAdder failedConditions = new LongAdder();
    /** In half read units, so that they add up as integers. */
    private final LongAdder halfReadUnits = new LongAdder();
    private final LongAdder erasureCountReads = new LongAdder();

    /**
     * The counts at one moment; subtract two to get what happened in between.
     *
     * @param erasureCountReads of the read requests, those of a project's erasure count (one per environment and
     *                          project every trust window)
     */
    public record Counts(long writeRequests, long readRequests, long writeUnits, long itemBytes, long failedConditions,
                         long halfReadUnits, long erasureCountReads) {
        public Counts minus(Counts earlier) {
            return new Counts(writeRequests - earlier.writeRequests, readRequests - earlier.readRequests,
                    writeUnits - earlier.writeUnits, itemBytes - earlier.itemBytes,
                    failedConditions - earlier.failedConditions, halfReadUnits - earlier.halfReadUnits,
                    erasureCountReads - earlier.erasureCountReads);
        }

        public double readUnits() {
            return halfReadUnits / 2.0;
        }
    }

    public Counts snapshot() {
        return new Counts(writeRequests.sum(), readRequests.sum(), writeUnits.sum(), itemBytes.sum(),
                failedConditions.sum(), halfReadUnits.sum(), erasureCountReads.sum());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        SdkResponse response = context.response();
        SdkRequest request = context.request();
        boolean consistent = request.getValueForField("ConsistentRead", Boolean.class).orElse(false);
        long halves = 0;
        if (response instanceof QueryResponse query) {
            halves = halfUnits(query.items().stream().mapToLong(ItemSizes::of).sum());
        } else if (response instanceof ScanResponse scan) {
            halves = halfUnits(scan.items().stream().mapToLong(ItemSizes::of).sum());
        } else if (response instanceof GetItemResponse get) {
            halves = halfUnits(get.hasItem() ? ItemSizes.of(get.item()) : 0);
        } else if (response instanceof BatchGetItemResponse batch) {
            halves = batch.responses().values().stream().flatMap(List::stream)
                    .mapToLong(item -> halfUnits(ItemSizes.of(item))).sum();
        }
        halfReadUnits.add(consistent ? 2 * halves : halves);
    }

    /** Half units of an eventually consistent read of this many bytes: one per 4 KB, rounded up, one at least. */
    private static long halfUnits(long bytes) {
        return Math.max(1, (bytes + ItemSizes.READ_UNIT_BYTES - 1) / ItemSizes.READ_UNIT_BYTES);
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
            if (request instanceof GetItemRequest get && isErasureCount(get.key())
                    || request instanceof BatchGetItemRequest batch && batch.requestItems().values().stream()
                    .anyMatch(keys -> keys.keys().stream().anyMatch(RequestCounter::isErasureCount))) {
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

    private static boolean isErasureCount(Map<String, AttributeValue> key) {
        return key.containsKey(CustomersTable.SK) && CustomersTable.ERASURES.equals(key.get(CustomersTable.SK).s());
    }

    private void write(Map<String, AttributeValue> item) {
        writeRequests.increment();
        long bytes = ItemSizes.of(item);
        itemBytes.add(bytes);
        writeUnits.add(ItemSizes.writeUnits(bytes));
    }
}
