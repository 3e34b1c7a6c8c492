package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.config.BesideWrites;
import dev.trackingapi.domain.AttributeScope;
import dev.trackingapi.domain.AttributeType;
import dev.trackingapi.domain.StoredEvent;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.KnownCustomers;
import dev.trackingapi.service.KnownFacts;
import dev.trackingapi.store.KnownFactsStore;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.AttributeTypeStore;
import dev.trackingapi.store.CustomerStore;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.testing.ApiGatewayEvents;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a route answers when storage misbehaves: 503 to retry, 500 with a request id, never internals. */
class TrackingEndpointTest {
    private static final String EVENT = "{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":1}}";

    private static TrackEventV2Handler handlerWhoseEventStore(EventStore events) {
        CustomerStore customers = new CustomerStore() {
            @Override
            public void createIfAbsent(String projectId, String customerId, Instant now) {
            }

            @Override
            public List<dev.trackingapi.domain.Attribute> upsert(dev.trackingapi.domain.CustomerUpsert upsert) {
                return List.of();
            }

            @Override
            public void keepIgnored(String projectId, String customerId, List<dev.trackingapi.domain.IgnoredAttribute> ignored,
                                    Instant now) {
            }
        };
        TypeRegistry types = new TypeRegistry(new AttributeTypeStore() {
            @Override
            public AttributeType registerIfAbsent(AttributeScope scope, String name, AttributeType type, Instant now) {
                return type;
            }

            @Override
            public List<Registered> registered(int max) {
                return List.of();
            }
        });
        KnownCustomers knownCustomers = new KnownCustomers(customers);
        KnownFacts knownFacts = new KnownFacts(new KnownFactsStore() {
            @Override
            public Found lookUp(AttributeScope scope, java.util.Collection<String> names, String customerId) {
                return new Found(Map.of(), false);
            }

            @Override
            public boolean customerExists(String projectId, String customerId) {
                return false;
            }
        }, types, knownCustomers, BesideWrites.pool());
        return new TrackEventV2Handler(new EventTracker(types, knownFacts, events), Clock.systemUTC());
    }

    @Test
    void storageThrottling_is503WithRetryAfter() {
        TrackEventV2Handler handler = handlerWhoseEventStore(event -> {
            throw new StorageUnavailableException("throttled", null);
        });

        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", "p", EVENT), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("retry-after", "1");
    }

    @Test
    void anUnexpectedFailure_is500WithARequestIdAndNoInternals() {
        TrackEventV2Handler handler = handlerWhoseEventStore(event -> {
            throw new IllegalStateException("secret table name leaked?");
        });
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", "p", EVENT), null);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).contains("\"requestId\"").doesNotContain("secret").doesNotContain("Exception");
        assertThat(log.toString(StandardCharsets.UTF_8)).as("the cause goes to the log").contains("secret table name leaked?");
    }

    @Test
    void aDuplicateEvent_answersLikeTheOriginal() {
        TrackEventV2Handler handler = handlerWhoseEventStore((StoredEvent event) -> false);

        APIGatewayV2HTTPResponse response = handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", "p", EVENT), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"success\":true}");
    }

    @Test
    void aProjectIdThatIsNotOneOfOurs_isRefused() {
        TrackEventV2Handler handler = handlerWhoseEventStore(event -> true);

        assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", "a#b", EVENT), null).getStatusCode())
                .isEqualTo(401);
    }

    @Test
    void priming_survivesAFailingStep_andRunsTwice() {
        int[] rehearsed = {0};
        SnapStartPriming priming = SnapStartPriming.register(() -> rehearsed[0]++, () -> {
            throw new IllegalStateException("no table");
        });

        priming.run();
        priming.run();

        assertThat(rehearsed[0]).isEqualTo(2);
    }

}
