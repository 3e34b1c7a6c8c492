package dev.trackingapi.store.dynamodb;

import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.store.StoredItemTooLargeException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.Set;

/** Turns SDK exceptions into what they mean to the API: retry later, cannot be stored, or a real fault. */
final class DynamoDbFailures {
    private static final Set<String> RETRYABLE_ERROR_CODES = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "TransactionConflictException", "InternalServerError", "ServiceUnavailable", "LimitExceededException");

    private DynamoDbFailures() {
    }

    static RuntimeException translate(String table, SdkException e) {
        if (e instanceof SdkClientException) {
            return new StorageUnavailableException("DynamoDB did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new IllegalStateException("DynamoDB table " + table + " does not exist", e);
        }
        if (e instanceof DynamoDbException dynamo) {
            String code = dynamo.awsErrorDetails() == null ? null : dynamo.awsErrorDetails().errorCode();
            if (RETRYABLE_ERROR_CODES.contains(code) || dynamo.statusCode() >= 500 || dynamo.isThrottlingException()) {
                return new StorageUnavailableException("DynamoDB is unavailable or throttling (" + code + ")", e);
            }
            String message = String.valueOf(dynamo.awsErrorDetails() == null ? e.getMessage()
                    : dynamo.awsErrorDetails().errorMessage());
            if ("ValidationException".equals(code) && message.contains("Item size")) {
                return new StoredItemTooLargeException(message, e);
            }
        }
        return e;
    }
}
