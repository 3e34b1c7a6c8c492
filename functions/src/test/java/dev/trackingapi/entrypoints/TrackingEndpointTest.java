package dev.trackingapi.entrypoints;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.trackingapi.api.ApiRequest;
import dev.trackingapi.model.StoredEvent;
import dev.trackingapi.service.CustomerProfiles;
import dev.trackingapi.service.EventTracker;
import dev.trackingapi.service.TypeRegistry;
import dev.trackingapi.store.EventStore;
import dev.trackingapi.store.StorageUnavailableException;
import dev.trackingapi.testing.ApiGatewayEvents;
import dev.trackingapi.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** How a route answers when storage misbehaves: 503 to retry, 500 with a request id, never internals. */
class TrackingEndpointTest {
    private static final String EVENT = "{\"customerId\":\"c\",\"name\":\"e\",\"time\":1,\"attributes\":{\"a\":1}}";

    private static TrackEventV2Handler handlerWhoseEventStore(EventStore events) {
        InMemoryStores stored = new InMemoryStores();
        EventTracker tracker = new EventTracker(new TypeRegistry(stored, stored),
                new CustomerProfiles(stored, InMemoryStores.BESIDE_WRITES), events);
        return new TrackEventV2Handler(tracker, Clock.systemUTC());
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
    void aKeyThatMayNotTrack_is403NamingTheScope_beforeTheBodyIsRead() {
        TrackEventV2Handler handler = handlerWhoseEventStore(event -> {
            throw new AssertionError("nothing is written");
        });
        for (String scopes : new String[]{"read", "erase", "read,erase", ""}) {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.post("/track/event/v2", "p", "{not even json");
            event.getRequestContext().getAuthorizer().getLambda().put(ApiRequest.SCOPES, scopes);

            APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

            assertThat(response.getStatusCode()).as(scopes).isEqualTo(403);
            assertThat(response.getBody()).isEqualTo(
                    "{\"type\":\"AuthorizationError\",\"message\":\"This API key may not track\"}");
        }
    }

    @Test
    void aContextWithoutScopes_isATrackKey_asEveryKeyStoredBeforeScopesExisted() {
        TrackEventV2Handler handler = handlerWhoseEventStore(event -> true);

        assertThat(handler.handleRequest(ApiGatewayEvents.post("/track/event/v2", "p", EVENT), null).getStatusCode())
                .isEqualTo(200);
    }
}
