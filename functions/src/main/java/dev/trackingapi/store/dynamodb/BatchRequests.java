package dev.trackingapi.store.dynamodb;

import dev.trackingapi.store.StorageUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DynamoDB's batch requests, with what it leaves unprocessed (under throttling, or past a size limit) asked again after
 * an exponential backoff: 25 ms, 50 ms, 100 ms...
 */
final class BatchRequests {
    static final int MAX_WRITES_PER_BATCH = 25;
    static final int MAX_KEYS_PER_BATCH_GET = 100;
    private static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_PAUSE_MILLIS = 25;

    private BatchRequests() {
    }

    /** Writes every request, 25 per BatchWriteItem, one at a time; fails as unavailable when some stay unprocessed. */
    static void writeAll(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += MAX_WRITES_PER_BATCH) {
            writeBatch(dynamoDb, table, writes.subList(from, Math.min(from + MAX_WRITES_PER_BATCH, writes.size())));
        }
    }

    /**
     * Writes every request, 25 per BatchWriteItem, with up to {@code inFlight} BatchWriteItems at a time on the
     * executor; returns when all are written, or fails as unavailable (or with the first failure) when some are not.
     */
    static void writeAll(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes, Executor executor,
                         int inFlight) {
        int batches = (writes.size() + MAX_WRITES_PER_BATCH - 1) / MAX_WRITES_PER_BATCH;
        if (batches <= 1 || inFlight <= 1) {
            writeAll(dynamoDb, table, writes);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int worker = 0; worker < Math.min(inFlight, batches); worker++) {
            workers.add(CompletableFuture.runAsync(() -> {
                for (int batch = next.getAndIncrement(); batch < batches && !failed.get();
                     batch = next.getAndIncrement()) {
                    int from = batch * MAX_WRITES_PER_BATCH;
                    try {
                        writeBatch(dynamoDb, table, writes.subList(from, Math.min(from + MAX_WRITES_PER_BATCH,
                                writes.size())));
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }
            }, executor));
        }
        RuntimeException first = null;
        for (CompletableFuture<Void> worker : workers) {
            try {
                worker.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One BatchWriteItem of at most 25 requests, and what it leaves unprocessed again after a backoff. */
    private static void writeBatch(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_ATTEMPTS) {
                throw new StorageUnavailableException("DynamoDB left " + pending.size() + " writes to " + table
                        + " unprocessed", null);
            }
            if (attempt > 0) {
                pause(attempt - 1);
            }
            List<WriteRequest> toWrite = pending;
            BatchWriteItemResponse response;
            try {
                response = dynamoDb.batchWriteItem(write -> write.requestItems(Map.of(table, toWrite)));
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(table, e);
            }
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /**
     * Reads the keys in one BatchGetItem, and those left unprocessed in up to {@code maxAttempts - 1} more.
     *
     * @return the items found, by table; keys still unprocessed after the last attempt are missing from it
     */
    static Map<String, List<Map<String, AttributeValue>>> getAll(DynamoDbClient dynamoDb,
                                                              Map<String, KeysAndAttributes> request, int maxAttempts) {
        return read(dynamoDb, request, maxAttempts).found();
    }

    /**
     * Reads every key of one table with strongly consistent reads, 100 per BatchGetItem, asking again for what is left
     * unprocessed; fails as unavailable rather than answer without some of them, so a key missing from the result is
     * an item that does not exist.
     *
     * @param keys       the keys, each at most once
     * @param projection the projection expression over {@code names}, or null for whole items
     */
    static List<Map<String, AttributeValue>> getEvery(DynamoDbClient dynamoDb, String table,
                                                       List<Map<String, AttributeValue>> keys, String projection,
                                                       Map<String, String> names) {
        List<Map<String, AttributeValue>> found = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_BATCH_GET) {
            KeysAndAttributes.Builder request = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(from + MAX_KEYS_PER_BATCH_GET, keys.size())))
                    .consistentRead(true);
            if (projection != null) {
                request.projectionExpression(projection).expressionAttributeNames(names);
            }
            Read read = read(dynamoDb, Map.of(table, request.build()), MAX_ATTEMPTS);
            if (!read.unprocessed().isEmpty()) {
                throw new StorageUnavailableException("DynamoDB left keys of " + table + " unprocessed", null);
            }
            found.addAll(read.found().getOrDefault(table, List.of()));
        }
        return found;
    }

    /** What a BatchGetItem and its retries found, by table, and what they left unprocessed. */
    private record Read(Map<String, List<Map<String, AttributeValue>>> found,
                        Map<String, KeysAndAttributes> unprocessed) {
    }

    private static Read read(DynamoDbClient dynamoDb, Map<String, KeysAndAttributes> request, int maxAttempts) {
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        Map<String, KeysAndAttributes> pending = request;
        for (int attempt = 0; attempt < maxAttempts && !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(attempt - 1);
            }
            Map<String, KeysAndAttributes> asked = pending;
            BatchGetItemResponse response;
            try {
                response = dynamoDb.batchGetItem(get -> get.requestItems(asked));
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(String.join(" or ", asked.keySet()), e);
            }
            response.responses().forEach((table, items) ->
                    found.computeIfAbsent(table, t -> new ArrayList<>()).addAll(items));
            pending = response.unprocessedKeys();
        }
        return new Read(found, pending);
    }

    private static void pause(int retry) {
        try {
            Thread.sleep(FIRST_PAUSE_MILLIS << retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while DynamoDB throttled a batch", e);
        }
    }
}
