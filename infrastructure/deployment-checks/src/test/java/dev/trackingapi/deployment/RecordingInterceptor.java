package dev.trackingapi.deployment;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the (IAM action, table) pair of every DynamoDB request (a Query of an index names "table/index/name", the
 * resource IAM authorises it on) any client in this JVM attempts, successful or not:
 * a request that fails on a condition still needs the permission. Registered for every SDK client through
 * software/amazon/awssdk/global/handlers/execution.interceptors, so the functions' own clients are recorded unchanged.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {
    private static final List<Call> CALLS = new ArrayList<>();

    /** An IAM action (dynamodb:{action}) on a table, by its name. */
    public record Call(String action, String table) {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        List<Call> calls = actionsOn(operation, context.request());
        synchronized (CALLS) {
            CALLS.addAll(calls);
        }
    }

    /** Transactions are authorised per item by the item's own action; batches by the batch action on each table. */
    static List<Call> actionsOn(String operation, SdkRequest request) {
        List<Call> calls = new ArrayList<>();
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().keySet().forEach(table -> calls.add(new Call(operation, table)));
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().keySet().forEach(table -> calls.add(new Call(operation, table)));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    calls.add(new Call("PutItem", item.put().tableName()));
                }
                if (item.update() != null) {
                    calls.add(new Call("UpdateItem", item.update().tableName()));
                }
                if (item.delete() != null) {
                    calls.add(new Call("DeleteItem", item.delete().tableName()));
                }
                if (item.conditionCheck() != null) {
                    calls.add(new Call("ConditionCheckItem", item.conditionCheck().tableName()));
                }
            }
        } else if (request instanceof TransactGetItemsRequest transaction) {
            transaction.transactItems().forEach(item -> calls.add(new Call("GetItem", item.get().tableName())));
        } else {
            String table = request.getValueForField("TableName", String.class).orElse("(no table)");
            String index = request.getValueForField("IndexName", String.class).orElse(null);
            calls.add(new Call(operation, index == null ? table : table + SamTemplate.INDEX + index));
        }
        return calls;
    }

    /** The calls recorded since the last drain, in order. */
    public static List<Call> drain() {
        synchronized (CALLS) {
            List<Call> calls = List.copyOf(CALLS);
            CALLS.clear();
            return calls;
        }
    }
}
