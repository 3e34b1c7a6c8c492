package dev.trackingapi.store.dynamodb;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.model.AttributeType;
import dev.trackingapi.store.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbAttributeTypeStoreTest {

    /** A DynamoDB that refuses the registration without returning the winner, then cannot be read. */
    private static final DynamoDbClient LOST_WITHOUT_ITEM_THEN_UNREACHABLE = new DynamoDbClient() {
        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            throw ConditionalCheckFailedException.builder().message("exists").build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            throw SdkClientException.create("connection reset");
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void readingTheWinnerAfterALostRegistration_isRetryableWhenDynamoDbIsUnreachable_notAnUnexpectedFailure() {
        DynamoDbAttributeTypeStore store = new DynamoDbAttributeTypeStore(LOST_WITHOUT_ITEM_THEN_UNREACHABLE, "types");

        assertThatThrownBy(() -> store.registerIfAbsent(AttributeScope.customer("p"), "a", AttributeType.NUMBER,
                Instant.EPOCH)).isInstanceOf(StorageUnavailableException.class);
    }
}
