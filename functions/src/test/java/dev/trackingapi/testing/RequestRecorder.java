package dev.trackingapi.testing;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An SDK interceptor that records each DynamoDB request a client makes, with what it holds: the actions of a
 * transaction by kind ("TransactWriteItems ConditionCheck=34 Put=66"), the keys of a batch read
 * ("BatchGetItem keys=81"), or just the operation ("UpdateItem"). What the catalog's write units are counted from.
 */
public final class RequestRecorder implements ExecutionInterceptor {
    private final List<String> requests = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String described = describe(operation, context.request());
        synchronized (requests) {
            requests.add(described);
        }
    }

    private static String describe(String operation, SdkRequest request) {
        if (request instanceof TransactWriteItemsRequest transaction) {
            Map<String, Integer> actions = new TreeMap<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                String kind = item.conditionCheck() != null ? "ConditionCheck" : item.put() != null ? "Put"
                        : item.delete() != null ? "Delete" : "Update";
                actions.merge(kind, 1, Integer::sum);
            }
            StringBuilder text = new StringBuilder(operation);
            actions.forEach((kind, count) -> text.append(' ').append(kind).append('=').append(count));
            return text.toString();
        }
        if (request instanceof BatchGetItemRequest batch) {
            return operation + " keys=" + batch.requestItems().values().stream().mapToInt(keys -> keys.keys().size())
                    .sum();
        }
        return operation;
    }

    /** The requests recorded since the last call, in order. */
    public List<String> drain() {
        synchronized (requests) {
            List<String> drained = List.copyOf(requests);
            requests.clear();
            return drained;
        }
    }
}
