package dev.trackingapi.priming;

import dev.trackingapi.store.dynamodb.DynamoDbCustomerStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** While rehearsing, the client sends nothing and answers both ways to an existence read; otherwise it sends. */
class RehearsableHttpClientTest {
    private final Rehearsal rehearsal = new Rehearsal();

    @Test
    void everyOtherExistenceRead_findsTheProfile() {
        DynamoDbCustomerStore store = new DynamoDbCustomerStore(rehearsal.dynamoDb, "customers");
        List<Boolean> answers = new ArrayList<>();

        rehearsal.httpClient.rehearse(() -> {
            for (int i = 0; i < 4; i++) {
                answers.add(store.exists("p", "c" + i));
            }
        });

        assertThat(answers).containsExactly(false, true, false, true);
        assertThat(rehearsal.realRequests).hasValue(0);
    }

    @Test
    void aReadOfAWholeItem_neverFindsOne_soNoCallerGetsAnItemWithoutItsAttributes() {
        rehearsal.httpClient.rehearse(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(rehearsal.dynamoDb.getItem(get -> get.tableName("keys")
                        .key(Map.of("keyHash", AttributeValue.fromS("h"))))
                        .hasItem()).isFalse();
            }
        });
    }

    @Test
    void outsideARehearsal_everyRequestGoesToTheRealClient() {
        assertThatThrownBy(() -> rehearsal.dynamoDb.getItem(get -> get.tableName("keys")
                .key(Map.of("keyHash", AttributeValue.fromS("h"))))).isInstanceOf(SdkClientException.class);

        assertThat(rehearsal.realRequests).hasPositiveValue();
    }
}
