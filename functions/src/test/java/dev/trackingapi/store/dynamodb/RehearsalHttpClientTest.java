package dev.trackingapi.store.dynamodb;

import dev.trackingapi.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client that sends nothing answers both ways to an existence read, and only to one. */
class RehearsalHttpClientTest {
    private final DynamoDbClient rehearsal = DynamoDbClients.rehearsal(new EnvironmentVariables(Map.of(
            EnvironmentVariables.AWS_REGION, "eu-west-1")::get));

    @Test
    void everyOtherExistenceRead_findsTheProfile() {
        DynamoDbKnownFactsStore store = new DynamoDbKnownFactsStore(rehearsal, "types", "customers");
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(store.customerExists("p", "c" + i));
        }

        assertThat(answers).containsExactly(false, true, false, true);
    }

    @Test
    void aReadOfAWholeItem_neverFindsOne_soNoCallerGetsAnItemWithoutItsAttributes() {
        for (int i = 0; i < 4; i++) {
            assertThat(rehearsal.getItem(get -> get.tableName("keys")
                    .key(Map.of("keyHash", AttributeValue.fromS("h"))))
                    .hasItem()).isFalse();
        }
    }
}
