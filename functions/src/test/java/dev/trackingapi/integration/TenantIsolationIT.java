package dev.trackingapi.integration;

import dev.trackingapi.model.AttributeScope;
import dev.trackingapi.testing.StoredData;
import dev.trackingapi.testing.TestDynamoDb;
import dev.trackingapi.testing.TrackingApi;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.trackingapi.testing.TrackingApi.TRACK_EVENT_V2;
import static dev.trackingapi.testing.TrackingApi.TRACK_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Nothing of one project is read, written or overwritten through another project's key. */
class TenantIsolationIT {
    private final TrackingApi api = new TrackingApi(TestDynamoDb.client(), TestDynamoDb.tables());
    private final StoredData stored = new StoredData(TestDynamoDb.client(), TestDynamoDb.tables());
    private final String projectA = "a-" + UUID.randomUUID();
    private final String projectB = "b-" + UUID.randomUUID();

    @Test
    void theSameCustomerIdInTwoProjects_isTwoCustomers() {
        api.post(TRACK_USER, projectA, "{\"id\":\"shared\",\"attributes\":{\"name\":\"Ann\",\"tier\":\"gold\"}}");
        api.post(TRACK_USER, projectB, "{\"id\":\"shared\",\"attributes\":{\"name\":\"Bob\"}}");

        assertThat(stored.profile(projectA, "shared").orElseThrow().get("name").s()).isEqualTo("Ann");
        assertThat(stored.profile(projectB, "shared").orElseThrow().get("name").s()).isEqualTo("Bob");
        assertThat(stored.profile(projectB, "shared").orElseThrow()).doesNotContainKey("attr:tier");
    }

    @Test
    void theSameAttributeWithDifferentTypesInTwoProjects_keepsBoth() {
        api.post(TRACK_EVENT_V2, projectA, "{\"customerId\":\"c\",\"name\":\"Order\",\"time\":1,\"attributes\":{\"Amount\":5}}");
        api.post(TRACK_EVENT_V2, projectB, "{\"customerId\":\"c\",\"name\":\"Order\",\"time\":1,\"attributes\":{\"Amount\":\"five\"}}");
        api.post(TRACK_USER, projectA, "{\"id\":\"c\",\"attributes\":{\"vip\":true}}");
        TrackingApi.Response b = api.post(TRACK_USER, projectB, "{\"id\":\"c\",\"attributes\":{\"vip\":\"yes\"}}");

        assertThat(b.body()).isEqualTo("{\"success\":true}");
        assertThat(stored.registeredType(AttributeScope.event(projectA, "Order"), "Amount")).contains("number");
        assertThat(stored.registeredType(AttributeScope.event(projectB, "Order"), "Amount")).contains("string");
        assertThat(stored.registeredType(AttributeScope.customer(projectA), "vip")).contains("boolean");
        assertThat(stored.registeredType(AttributeScope.customer(projectB), "vip")).contains("string");
    }

    @Test
    void oneProjectsEvents_neverAppearInAnotherProjectsQueries() {
        api.post(TRACK_EVENT_V2, projectA, "{\"customerId\":\"c\",\"name\":\"Secret\",\"time\":1,\"attributes\":{}}");

        assertThat(stored.events(projectA, "c")).hasSize(1);
        assertThat(stored.events(projectB, "c")).isEmpty();
        assertThat(stored.profile(projectB, "c")).isEmpty();
    }

    @Test
    void aBodyNamingAnotherProject_hasNoEffectOnIt() {
        api.post(TRACK_EVENT_V2, projectA, "{\"projectId\":\"" + projectB + "\",\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{}}");
        api.post(TRACK_USER, projectA, "{\"projectId\":\"" + projectB + "\",\"id\":\"c\",\"attributes\":{\"projectId\":\"" + projectB + "\"}}");

        assertThat(stored.events(projectB, "c")).isEmpty();
        assertThat(stored.profile(projectB, "c")).isEmpty();
        assertThat(stored.events(projectA, "c")).hasSize(1);
        assertThat(stored.profile(projectA, "c").orElseThrow().get("projectId").s()).isEqualTo(projectA);
    }
}
